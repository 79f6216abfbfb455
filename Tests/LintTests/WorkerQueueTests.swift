import Testing
@testable import JXLint

/// How far ahead the supervisor gives a worker work (`WorkerPool.Queue`): the bounds that keep a
/// job's write from blocking and a worker from hoarding the end of a batch.
@Suite("Worker queue")
struct WorkerQueueTests {
    static func pool(_ entries: [FileDiscovery.Entry], stdin: [UInt8]? = nil, jobs: Int = 1) -> WorkerPool {
        var pool = WorkerPool(executable: "/bin/false", settings: BatchRunner.Settings(jobs: jobs, timeBudget: 0), entries: entries, stdin: stdin)
        pool.processes = [WorkerPool.Process(pid: -1, input: -1, output: -1, errors: -1, ready: true)]
        return pool
    }

    /// Gives worker 0 the next job as `run` does, without a pipe.
    static func give(_ pool: inout WorkerPool) -> Bool {
        let queued = !pool.processes[0].jobs.isEmpty
        if queued {
            guard pool.hasRoom(0), let index = pool.peekJob(queued: true), pool.fits(index, in: 0) else { return false }
        } else if pool.peekJob(queued: false) == nil {
            return false
        }
        guard let index = pool.nextJob(queued: queued) else { return false }
        let entry = pool.entries[index]
        pool.processes[0].jobs.append(WorkerPool.Job(index: index, started: 0, budget: nil, frame: pool.frameSize(index), bytes: entry.size ?? 0))
        return true
    }

    static func filled(_ pool: inout WorkerPool) -> Int {
        while give(&pool) {}
        return pool.processes[0].jobs.count
    }

    @Test func smallFilesQueueUpToTheJobLimit() {
        var pool = Self.pool((0..<100).map { FileDiscovery.Entry(path: "r/\($0).txt", size: 1500) })
        #expect(Self.filled(&pool) == WorkerPool.Queue.jobs + 1)
        #expect(pool.window >= WorkerPool.Queue.jobs + 1, "every queued result has room to wait for its turn")
    }

    @Test func queuedFramesStayWithinOnePipePage() {
        let long = String(repeating: "目录/", count: 300)   // 2.1 KB of path per file
        var pool = Self.pool((0..<10).map { FileDiscovery.Entry(path: long + "\($0).txt", size: 100) })
        let count = Self.filled(&pool)
        #expect(count == 2, "one being checked, one queued")
        #expect(pool.processes[0].queuedFrameBytes <= WorkerPool.Queue.frameBytes)
    }

    @Test func largeFilesAreNotHoarded() {
        var pool = Self.pool((0..<10).map { FileDiscovery.Entry(path: "r/\($0).txt", size: 200_000) })
        let count = Self.filled(&pool)
        #expect(count == 3, "one being checked, then queued while the queued files are under the byte bound: \(count)")
        #expect(pool.processes[0].queuedFileBytes - 200_000 < WorkerPool.Queue.fileBytes)
    }

    @Test func standardInputIsNeitherQueuedNorQueuedBehind() {
        let entries = [FileDiscovery.Entry(path: "a.txt", size: 10), FileDiscovery.Entry(path: "-"), FileDiscovery.Entry(path: "b.txt", size: 10)]
        var pool = Self.pool(entries, stdin: Array(repeating: 0x41, count: 100_000))
        #expect(Self.filled(&pool) == 1, "standard input waits for an idle worker")
        pool.processes[0].jobs = []
        #expect(Self.filled(&pool) == 1 && pool.processes[0].jobs[0].index == 1)
        #expect(!pool.hasRoom(0), "nothing waits behind standard input")
    }
}
