import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JXCheck
import JXLoad

/// Runs a batch: every entry is checked and its report handed to `emit` in input order, as soon
/// as it and every entry before it are done (the output streams; memory stays flat).
///
/// Why worker processes: a file can only be stopped, and a crash only be survived, by running it
/// in a process of its own. With the executable at hand (`CommandLineTool.workerExecutable`), a
/// batch of two or more files runs in `jobs` worker processes (the same binary, `jxlint
/// __worker`): one that runs past its file's time budget is killed and that file reported with
/// its error, one that crashes costs only the file it was checking; a new worker takes over. One
/// file alone (the pre-commit case, which must stay fast) runs in this process, with a watchdog
/// thread that ends the run with the file's error when its budget is spent. Without the executable
/// (the library in tests), files run on threads of this process, with no time budget.
public enum BatchRunner {
    public struct Settings: Sendable {
        public var jobs: Int
        /// Seconds per MB of input a file may take, and at least twice that; 0 or less: no limit.
        public var timeBudget: Double
        /// The arguments of `jxlint __worker` for the pipeline (rules, year, selection).
        public var workerArguments: [String]

        public init(jobs: Int, timeBudget: Double, workerArguments: [String] = ["__worker"]) {
            self.jobs = max(1, jobs)
            self.timeBudget = timeBudget
            self.workerArguments = workerArguments
        }
    }

    /// Seconds one file of `bytes` bytes may take.
    public static func budget(bytes: Int, secondsPerMB: Double) -> Double? {
        guard secondsPerMB > 0 else { return nil }
        return max(2 * secondsPerMB, secondsPerMB * Double(bytes) / 1_048_576)
    }

    static func timeoutMessage(_ seconds: Double, _ perMB: Double, batch: Bool) -> String {
        "timed out: checking took longer than this file's time budget of \(format(seconds)) s (\(format(perMB)) s per MB of input, --time-budget)"
            + (batch ? "; the other files are checked" : "")
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && v < 1e9 { return String(Int(v)) }
        return v >= 1 ? String(format: "%.1f", v) : String(format: "%.2g", v)
    }

    static func size(of entry: FileDiscovery.Entry, stdin: [UInt8]?) -> Int {
        if entry.path == "-" { return stdin?.count ?? 0 }
        if let known = entry.size { return known }
        var info = stat()
        return stat(entry.path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Checks `entries`, handing each report to `emit` in input order. `stdin`: the bytes of "-".
    /// `onTimeout` (one file alone, in this process): called from the watchdog with the file's
    /// error report to write the output; the process then ends with exit code 2.
    public static func run(_ entries: [FileDiscovery.Entry], pipeline: Pipeline, settings: Settings, stdin: [UInt8]?,
                           onTimeout: (@Sendable (FileReport) -> Void)? = nil, emit: (FileReport) throws -> Void) throws {
        if entries.count <= 1 {
            for entry in entries { try emit(single(entry, pipeline: pipeline, settings: settings, stdin: stdin, onTimeout: onTimeout)) }
            return
        }
        if let exe = CommandLineTool.workerExecutable {
            var pool = WorkerPool(executable: exe, settings: settings, entries: entries, stdin: stdin)
            if try pool.run(emit: emit) { return }
            // no worker could be started: what is left runs here
            let rest = Array(entries[pool.emitted...])
            try inProcess(rest, pipeline: pipeline, jobs: settings.jobs, stdin: stdin, emit: emit)
            return
        }
        try inProcess(entries, pipeline: pipeline, jobs: settings.jobs, stdin: stdin, emit: emit)
    }

    static func report(_ entry: FileDiscovery.Entry, pipeline: Pipeline, stdin: [UInt8]?) -> FileReport {
        if let error = entry.error { return FileReport(path: entry.path, error: error) }
        if entry.path == "-" { return pipeline.report(bytes: stdin ?? [], path: "-") }
        return pipeline.report(path: entry.path)
    }

    // MARK: one file, in this process

    final class Watch: @unchecked Sendable {
        let lock = NSLock()
        var done = false
    }

    static func single(_ entry: FileDiscovery.Entry, pipeline: Pipeline, settings: Settings, stdin: [UInt8]?,
                       onTimeout: (@Sendable (FileReport) -> Void)?) -> FileReport {
        guard entry.error == nil, let onTimeout,
              let seconds = budget(bytes: size(of: entry, stdin: stdin), secondsPerMB: settings.timeBudget) else {
            return report(entry, pipeline: pipeline, stdin: stdin)
        }
        let watch = Watch()
        let path = entry.path, perMB = settings.timeBudget
        startWatchdog {
            var wait = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1_000_000_000))
            var left = timespec()
            while nanosleep(&wait, &left) != 0 && errno == EINTR { wait = left }
            watch.lock.lock()
            if !watch.done {
                // the output is written from here and the process ends; the check is abandoned
                onTimeout(FileReport(path: path, error: timeoutMessage(seconds, perMB, batch: false)))
                _exit(2)
            }
            watch.lock.unlock()
        }
        let result = report(entry, pipeline: pipeline, stdin: stdin)
        watch.lock.lock()
        watch.done = true
        watch.lock.unlock()
        return result
    }

    /// Runs `body` on a detached thread of its own: a POSIX thread, started for every one-file
    /// run (a Foundation `Thread` cost a tenth of a pre-commit check of a short report).
    final class WatchdogBody: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func startWatchdog(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(WatchdogBody(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<WatchdogBody>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, box)
        if started == 0 { pthread_detach(thread) } else { Unmanaged<WatchdogBody>.fromOpaque(box).release() }
    }

    // MARK: threads of this process

    final class Shared: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var emitted = 0
        var results: [Int: FileReport] = [:]
        var failure: Error?
    }

    static func inProcess(_ entries: [FileDiscovery.Entry], pipeline: Pipeline, jobs: Int, stdin: [UInt8]?,
                          emit: (FileReport) throws -> Void) throws {
        let shared = Shared()
        let workers = max(1, min(jobs, entries.count))
        withoutActuallyEscaping(emit) { emit in
            // the emitting closure is called under the lock, so in order and one at a time
            nonisolated(unsafe) let emitter = emit
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    shared.lock.lock()
                    let i = shared.next
                    shared.next += 1
                    shared.lock.unlock()
                    if i >= entries.count { return }
                    let r = report(entries[i], pipeline: pipeline, stdin: stdin)
                    shared.lock.lock()
                    shared.results[i] = r
                    while shared.failure == nil, let ready = shared.results.removeValue(forKey: shared.emitted) {
                        do { try emitter(ready) } catch { shared.failure = error }
                        shared.emitted += 1
                    }
                    shared.lock.unlock()
                }
            }
        }
        if let failure = shared.failure { throw failure }
    }
}

/// The worker processes of one batch.
struct WorkerPool {
    struct Process {
        var pid: pid_t
        var input: Int32     // its standard input (jobs)
        var output: Int32    // its standard output (results)
        var errors: Int32    // its standard error (kept for a crash's message)
        var ready = false
        var buffer = [UInt8]()
        var stderrTail = [UInt8]()
        /// The entries sent to it, in order: the first is the one it is checking (since `started`,
        /// within its budget); the others wait in its input, so that the worker goes on to them
        /// without waiting for the supervisor (a round trip per file was a tenth of a batch of small
        /// files). `frame` and `bytes`: the sizes of the job's frame and of its file.
        var jobs: [Job] = []
        var job: Job? { jobs.first }

        /// The jobs waiting behind the first: their frames, their files' bytes.
        var queuedFrameBytes: Int { jobs.dropFirst().reduce(0) { $0 + $1.frame } }
        var queuedFileBytes: Int { jobs.dropFirst().reduce(0) { $0 + $1.bytes } }
    }

    struct Job {
        var index: Int
        var started: Double
        var budget: Double?
        var frame: Int
        var bytes: Int
    }

    /// How far ahead a worker is given work. Its results are collected every `collectInterval`
    /// seconds rather than each as it is written: a supervisor asleep on a worker's output is woken
    /// by every result, and those wake-ups were a tenth of a batch of small files. Enough work is
    /// queued to last a worker past one interval; the supervisor watches the output of a worker
    /// whose queue is short (so that it never idles) and of one checking a file alone.
    enum Queue {
        /// Jobs queued behind the one being checked, at most.
        static let jobs = 32
        /// Bytes of the queued jobs' files, at most (beyond the first queued): a worker never holds
        /// much more work than another at the end of a batch.
        static let fileBytes = 256 * 1024
        /// Bytes of the queued frames in a worker's input, at most: a pipe holds at least one page,
        /// so writing a job never blocks (a worker blocked on its output, a supervisor blocked on
        /// its input would wait for each other).
        static let frameBytes = 4096
        /// A worker with at most this many jobs is watched: its results wake the supervisor.
        static let watchedBelow = 2
    }
    static let collectInterval = 0.002

    let executable: String
    let settings: BatchRunner.Settings
    let entries: [FileDiscovery.Entry]
    let stdin: [UInt8]?
    var processes: [Process] = []
    var next = 0
    /// Entries sent to a worker that ended before it reached them: sent again first, in order.
    var retry: [Int] = []
    var emitted = 0
    var results: [Int: FileReport] = [:]
    /// Workers that ended before they were ready: past a few, workers are given up.
    var failedStarts = 0

    init(executable: String, settings: BatchRunner.Settings, entries: [FileDiscovery.Entry], stdin: [UInt8]?) {
        self.executable = executable
        self.settings = settings
        self.entries = entries
        self.stdin = stdin
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs the batch; false when no worker could be started (the caller runs the rest itself).
    mutating func run(emit: (FileReport) throws -> Void) throws -> Bool {
        signal(SIGPIPE, SIG_IGN)
        defer { shutDown() }
        let wanted = min(settings.jobs, entries.count)
        while emitted < entries.count {
            // entries that are errors already need no worker
            while next < entries.count, next < emitted + window, let error = entries[next].error {
                results[next] = FileReport(path: entries[next].path, error: error)
                next += 1
            }
            while let ready = results.removeValue(forKey: emitted) {
                try emit(ready)
                emitted += 1
            }
            if emitted >= entries.count { break }
            // enough workers for the work left
            let busy = processes.filter { $0.job != nil }.count
            while processes.count < min(wanted, busy + retry.count + (entries.count - next)) {
                guard failedStarts < 3, let p = spawn() else {
                    if processes.isEmpty { return false }
                    break
                }
                processes.append(p)
            }
            if processes.isEmpty { return false }
            // jobs to idle workers first, then one more to each worker in turn while its queue has room
            // (a file read from standard input is never queued, nor queued behind: its frame may
            // fill the pipe)
            for k in processes.indices where processes[k].ready && processes[k].jobs.isEmpty {
                guard let index = nextJob(queued: false) else { break }
                dispatch(index, to: k)
            }
            var added = true
            while added {
                added = false
                for k in processes.indices where processes[k].ready && hasRoom(k) {
                    guard let index = peekJob(queued: true), fits(index, in: k) else { continue }
                    _ = nextJob(queued: true)
                    dispatch(index, to: k)
                    added = true
                }
            }
            wait()
        }
        return true
    }

    /// The next entry to send to a worker, if one may be sent now (it is taken only when it is sent:
    /// see `fits`).
    func peekJob(queued: Bool) -> Int? {
        if let first = retry.first {
            return queued && entries[first].path == "-" ? nil : first
        }
        guard next < entries.count, next < emitted + window, entries[next].error == nil else { return nil }
        if queued && entries[next].path == "-" { return nil }
        return next
    }

    mutating func nextJob(queued: Bool) -> Int? {
        guard let index = peekJob(queued: queued) else { return nil }
        if retry.first == index { retry.removeFirst() } else { next += 1 }
        return index
    }

    /// Whether worker `k` may be given another job behind the ones it has.
    func hasRoom(_ k: Int) -> Bool {
        let p = processes[k]
        guard let first = p.job, p.jobs.count <= Queue.jobs, entries[first.index].path != "-" else { return false }
        return p.jobs.count < 2 || p.queuedFileBytes < Queue.fileBytes
    }

    /// Whether the next job's frame fits in worker `k`'s input beside the frames queued there.
    func fits(_ index: Int, in k: Int) -> Bool {
        processes[k].queuedFrameBytes + frameSize(index) <= Queue.frameBytes
    }

    func frameSize(_ index: Int) -> Int {
        let entry = entries[index]
        return 17 + entry.path.utf8.count + (entry.path == "-" ? (stdin?.count ?? 0) : 0)
    }

    /// Reports wait in `results` until every one before them is written: at most this many (enough
    /// for every worker's queue).
    var window: Int { max(settings.jobs * (Queue.jobs + 2), 16) }

    mutating func dispatch(_ index: Int, to k: Int) {
        let entry = entries[index]
        let bytes = BatchRunner.size(of: entry, stdin: stdin)
        let path = Array(entry.path.utf8)
        let data = entry.path == "-" ? (stdin ?? []) : []
        var frame = [UInt8]()
        frame.reserveCapacity(17 + path.count + data.count)
        Frames.put32(&frame, index)
        frame.append(entry.path == "-" ? 1 : 0)
        Frames.put32(&frame, path.count)
        Frames.put64(&frame, data.count)
        frame += path
        frame += data
        if processes[k].jobs.isEmpty { processes[k].stderrTail.removeAll() }
        processes[k].jobs.append(Job(index: index, started: Self.now(), budget: BatchRunner.budget(bytes: bytes, secondsPerMB: settings.timeBudget),
                                     frame: frame.count, bytes: bytes))
        if !Frames.write(processes[k].input, frame) {
            ended(k)
        }
    }

    /// Waits for results, worker errors and deadlines (at most a second), then takes what is there.
    mutating func wait() {
        // asleep, the supervisor watches the errors of every worker and the output of the watched
        let now = Self.now()
        var timeout = 1.0
        var watched = [pollfd]()
        for p in processes {
            if p.jobs.count <= Queue.watchedBelow {
                watched.append(pollfd(fd: p.output, events: Int16(POLLIN), revents: 0))
            } else {
                timeout = min(timeout, Self.collectInterval)
            }
            watched.append(pollfd(fd: p.errors, events: Int16(POLLIN), revents: 0))
            if let job = p.job, let b = job.budget { timeout = min(timeout, max(0, job.started + b - now)) }
        }
        _ = watched.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), Int32((timeout * 1000).rounded(.up))) }
        // awake, it looks at every worker
        var fds = [pollfd]()
        for p in processes {
            fds.append(pollfd(fd: p.output, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: p.errors, events: Int16(POLLIN), revents: 0))
        }
        let n = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress, nfds_t($0.count), 0) }
        if n > 0 {
            // events by worker (a worker that ends is removed from `processes` as it is handled)
            let events = processes.indices.map { (pid: processes[$0].pid, out: fds[2 * $0].revents, err: fds[2 * $0 + 1].revents) }
            for e in events {
                guard let k = processes.firstIndex(where: { $0.pid == e.pid }) else { continue }
                if e.err != 0 { drainErrors(k) }
                if e.out & Int16(POLLIN) != 0 {
                    if !readResults(k) { ended(k) }
                } else if e.out & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    ended(k)
                }
            }
        }
        // deadlines
        let later = Self.now()
        var k = 0
        while k < processes.count {
            if let job = processes[k].job, let b = job.budget, later - job.started > b {
                // its result may be written and not yet read: read it first (then look again)
                if Self.readable(processes[k].output) {
                    if !readResults(k) { ended(k) }
                    continue
                }
                kill(processes[k].pid, SIGKILL)
                results[job.index] = FileReport(path: entries[job.index].path, error: BatchRunner.timeoutMessage(b, settings.timeBudget, batch: true))
                requeue(processes[k].jobs.dropFirst().map(\.index))
                processes[k].jobs = []
                reap(k)
                continue
            }
            k += 1
        }
    }

    /// Whether reading `fd` would not block.
    static func readable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) > 0
    }

    /// Reads what the worker wrote; false at its end. The frames read are taken from the buffer by
    /// offset and the buffer shortened once per read: shortening it per frame, on a copy of the
    /// worker's record, copied the bytes left each time.
    mutating func readResults(_ k: Int) -> Bool {
        let fd = processes[k].output
        var n = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, count in
            n = read(fd, buffer.baseAddress, buffer.count)
            count = max(n, 0)
        }
        if n < 0 && errno == EINTR { return true }
        if n <= 0 { return false }
        processes[k].buffer += chunk
        var consumed = 0
        defer { if consumed > 0 { processes[k].buffer.removeFirst(consumed) } }
        while true {
            let buffer = processes[k].buffer
            if !processes[k].ready {
                guard consumed < buffer.count else { return true }
                guard buffer[consumed] == UInt8(ascii: "R") else { return false }
                consumed += 1
                processes[k].ready = true
                continue
            }
            guard buffer.count - consumed >= 12 else { return true }
            let index = Frames.u32(buffer, consumed), length = Frames.u64(buffer, consumed + 4)
            guard length >= 0, buffer.count - consumed - 12 >= length else { return true }
            let payload = buffer[(consumed + 12)..<(consumed + 12 + length)]
            consumed += 12 + length
            guard let job = processes[k].job, job.index == index else { return false }
            let report = (try? ReportCoding.decode(payload))
                ?? FileReport(path: entries[index].path, error: "the worker's report could not be read (an internal error); the other files are checked")
            results[index] = report
            processes[k].jobs.removeFirst()
            // the queued file starts now. Its standard error is not cleared here: the worker may
            // already have crashed on it, and its message been read before this result was.
            if !processes[k].jobs.isEmpty { processes[k].jobs[0].started = Self.now() }
        }
    }

    mutating func drainErrors(_ k: Int) {
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        let n = chunk.withUnsafeMutableBytes { read(processes[k].errors, $0.baseAddress, $0.count) }
        guard n > 0 else { return }
        processes[k].stderrTail += chunk[0..<n]
        if processes[k].stderrTail.count > 8192 { processes[k].stderrTail.removeFirst(processes[k].stderrTail.count - 8192) }
    }

    /// The worker's output ended: it crashed (or was killed); its file gets the error.
    mutating func ended(_ k: Int) {
        drainErrors(k)
        let status = reap(k, kill: true)
        guard let p = status.process else { return }
        if !p.ready { failedStarts += 1 }
        if let job = p.job {
            results[job.index] = FileReport(path: entries[job.index].path, error: crashMessage(status.status, p.stderrTail))
        }
        requeue(p.jobs.dropFirst().map(\.index))
    }

    /// Files a worker did not reach go to another, before any new one.
    mutating func requeue(_ indices: [Int]) {
        guard !indices.isEmpty else { return }
        retry = (retry + indices).sorted()
    }

    /// Ends worker `k` and forgets it; its wait status.
    @discardableResult
    mutating func reap(_ k: Int, kill force: Bool = false) -> (process: Process?, status: Int32) {
        let p = processes.remove(at: k)
        close(p.input)
        if force { kill(p.pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(p.pid, &status, 0) < 0 && errno == EINTR {}
        close(p.output)
        close(p.errors)
        return (p, status)
    }

    func crashMessage(_ status: Int32, _ stderr: [UInt8]) -> String {
        let text = String(decoding: stderr, as: UTF8.self)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let cause = lines.first { $0.contains("Fatal error") || $0.contains("fatal error") } ?? lines.first { !$0.hasPrefix("💣") && !$0.hasPrefix("*") }
        let signalled = status & 0x7F
        var how = signalled != 0 && signalled != 0x7F ? "signal \(signalled)\(signalName(signalled).map { " (\($0))" } ?? "")" : "exit status \((status >> 8) & 0xFF)"
        if let cause { how += ": " + String(cause.prefix(200)) }
        return "jxlint crashed while checking this file (\(how)); the other files are checked — please report it with this file"
    }

    func signalName(_ s: Int32) -> String? {
        switch s {
        case SIGILL: return "SIGILL"
        case SIGTRAP: return "SIGTRAP"
        case SIGSEGV: return "SIGSEGV"
        case SIGBUS: return "SIGBUS"
        case SIGFPE: return "SIGFPE"
        case SIGABRT: return "SIGABRT"
        case SIGKILL: return "SIGKILL (out of memory?)"
        default: return nil
        }
    }

    /// Starts a worker; nil when it cannot be started.
    mutating func spawn() -> Process? {
        var toChild = [Int32](repeating: -1, count: 2), fromChild = [Int32](repeating: -1, count: 2), errChild = [Int32](repeating: -1, count: 2)
        // close-on-exec: a worker inherits only the three ends it is given, not its siblings' pipes
        func makePipe(_ fds: inout [Int32]) -> Bool {
            guard pipe(&fds) == 0 else { return false }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return true
        }
        guard makePipe(&toChild) else { return nil }
        guard makePipe(&fromChild) else { close(toChild[0]); close(toChild[1]); return nil }
        guard makePipe(&errChild) else {
            for fd in toChild + fromChild { close(fd) }
            return nil
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errChild[1], 2)
        let argv = [executable] + settings.workerArguments
        var env = ProcessInfo.processInfo.environment
        // a crash is reported in one line: no symbolicated backtrace (seconds per crash)
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["GLIBC_TUNABLES"] = Allocator.workerTunables(env["GLIBC_TUNABLES"])
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, cArgs, cEnv)
        close(toChild[0]); close(fromChild[1]); close(errChild[1])
        guard rc == 0 else {
            close(toChild[1]); close(fromChild[0]); close(errChild[0])
            failedStarts += 1
            return nil
        }
        return Process(pid: pid, input: toChild[1], output: fromChild[0], errors: errChild[0])
    }

    /// Closes the workers' input (they end) and waits for them.
    mutating func shutDown() {
        while !processes.isEmpty {
            if processes[0].job != nil { kill(processes[0].pid, SIGKILL) }
            reap(0)
        }
    }
}

/// One file checked in this process (no worker to survive it): should the check crash, the file's
/// error is still said, on standard error, and the run ends with exit code 2 (not a signal).
enum CrashReport {
    nonisolated(unsafe) static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var stack: UnsafeMutableRawPointer?
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE]

    static func arm(path: String) {
        let text = "jxlint: \(path): error: jxlint crashed while checking this file; please report it with this file\n"
        if let old = message { free(old) }
        message = strdup(text)
        length = text.utf8.count
        // an alternate stack, so that a stack overflow still reaches the handler
        if stack == nil {
            let size = 256 * 1024
            stack = malloc(size)
            var alt = stack_t()
            alt.ss_sp = stack
            alt.ss_size = size
            alt.ss_flags = 0
            sigaltstack(&alt, nil)
        }
        for s in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                if let m = CrashReport.message { _ = posixWrite(2, m, CrashReport.length) }
                _exit(2)
            }
            action.sa_flags = SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(s, &action, nil)
        }
    }

    static func disarm() {
        guard message != nil else { return }
        for s in signals { signal(s, SIG_DFL) }
    }
}
