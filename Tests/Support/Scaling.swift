import Foundation

/// How the cost of some work grows with its input: the least thread CPU time of a small and a
/// large run.
///
/// Tests run in parallel on two shared cores, so one run can be slowed several times over by its
/// neighbours (CPU time too: caches and the core's frequency are shared). Small and large are
/// measured in alternating turns so that both see the same neighbours, and more turns are taken
/// while the ratio is over the bound: the least of more runs only comes nearer the work's own
/// cost, while quadratic work stays over the bound on every turn.
public struct Scaling: CustomStringConvertible {
    public let small: Double
    public let large: Double
    /// CPU seconds under which the small run counts as this much (a run of a few ms is mostly noise).
    public let floor: Double
    public let turns: Int

    /// `large` over `small`, with `small` floored.
    public var ratio: Double { large / max(small, floor) }

    public var description: String {
        "small \(small) s, large \(large) s: \(ratio)× over \(turns) turns"
    }

    /// Measures `small` and `large` until `large ≤ bound × max(small, floor)`, with at least
    /// `minTurns` and at most `maxTurns` turns; while the ratio stays within half again of the
    /// bound (noise, not the 8× or 64× of worse growth) up to `maxTurns` more are taken.
    public static func measure(bound: Double, floor: Double = 0.005, minTurns: Int = 2, maxTurns: Int = 9,
                               small: () -> Void, large: () -> Void) -> Scaling {
        var a = Double.infinity, b = Double.infinity
        var turns = 0
        func over(_ limit: Double) -> Bool { b > limit * max(a, floor) }
        while turns < minTurns || (over(bound) && (turns < maxTurns || (turns < 2 * maxTurns && !over(1.5 * bound)))) {
            a = min(a, timed(small))
            b = min(b, timed(large))
            turns += 1
        }
        return Scaling(small: a, large: b, floor: floor, turns: turns)
    }

    /// One timed run at a time across the whole test process: two timed runs on two cores slow
    /// each other through the shared caches, and the larger run, being longer, loses more.
    private static func timed(_ work: () -> Void) -> Double {
        timing.lock()
        defer { timing.unlock() }
        return CPUTime.best(of: 1, work)
    }

    private static let timing = NSLock()

    public func holds(_ bound: Double) -> Bool { ratio <= bound }
}
