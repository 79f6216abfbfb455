import Testing
@testable import JXLint

/// The allocator settings a batch worker starts with (`Allocator.workerTunables`).
@Suite struct AllocatorTests {
    #if os(Linux)
    @Test func workersGetADeepCacheOfFreedBlocks() {
        #expect(Allocator.workerTunables(nil) == "glibc.malloc.tcache_count=4096")
        #expect(Allocator.workerTunables("") == "glibc.malloc.tcache_count=4096")
        #expect(Allocator.workerTunables("glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.tcache_count=4096")
    }

    @Test func theUsersOwnSettingWins() {
        #expect(Allocator.workerTunables("glibc.malloc.tcache_count=0") == "glibc.malloc.tcache_count=0")
    }
    #endif
}
