import Foundation

/// CPU time of the calling thread (tests run in parallel on shared cores: wall time is noise).
public enum CPUTime {
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The least CPU time of `runs` runs of `work`.
    public static func best(of runs: Int, _ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = now()
            work()
            best = min(best, now() - start)
        }
        return best
    }
}
