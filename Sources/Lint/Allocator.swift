#if canImport(Glibc)
import Glibc
#endif

/// How the C allocator treats memory a document frees.
///
/// glibc's malloc hands memory freed at the top of its heap back to the system once more than
/// 128 KB of it is free, and serves every block of 128 KB or more with a mapping of its own that
/// it unmaps when the block is freed. A batch worker frees nearly all it allocated after each
/// document, so it faulted the same pages in again for the next one: over a batch of 1000 reports,
/// 13,600 page faults. Kept, the pages are reused: 2,500 faults, a few per cent of the batch's time.
/// The peak is unchanged (it is the largest document's), so memory over a batch stays flat.
enum Allocator {
    /// glibc's `mallopt` parameters (malloc.h, which Swift's Glibc module does not import).
    static let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3

    /// The glibc tunables a batch worker starts with: `base` (the user's own, which win) and a
    /// per-thread cache of freed blocks far deeper than glibc's 7 per size. A document allocates
    /// and frees thousands of small blocks of a few sizes; past 7, each went through the arena's
    /// free lists (−4% of a batch). Tunables are read only at start, so the supervisor sets them for
    /// the workers it spawns; a C library that is not glibc ignores the variable.
    static func workerTunables(_ base: String?) -> String? {
        #if os(Linux)
        let cache = "glibc.malloc.tcache_count"
        guard let base, !base.isEmpty else { return cache + "=4096" }
        return base.contains(cache) ? base : base + ":" + cache + "=4096"
        #else
        return base
        #endif
    }

    static func keepFreedMemory() {
        #if os(Linux) && canImport(Glibc)
        // looked up, not linked: a C library without it (not glibc) just keeps its own ways
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(topPad, 4 << 20)
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }
}
