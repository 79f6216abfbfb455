import Foundation
import Testing
import JXCheck
import JXFormat
import JXLint
import JXLoad
import JXRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Batches (issues 12 and 14): files run in worker processes, so a crash or a hang costs its own
/// file only; reports come out in input order as files finish; memory stays flat; a FIFO or an
/// oversized standard input never blocks or swamps the run.
@Suite("Batches")
struct BatchTests {
    static let pipeline = Pipeline(ruleSet: try! RuleSet.embedded())

    /// The built jxlint run, its output and time (its memory: `peak`).
    struct Measured: CustomStringConvertible {
        var status: Int32
        var stdout: Data
        var stderr: String
        var seconds: Double
        var text: String { String(decoding: stdout, as: UTF8.self) }
        func json() throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: stdout) as? [String: Any]) }
        var description: String { "exit \(status) in \(seconds) s\n--- stdout\n\(text.prefix(1500))\n--- stderr\n\(stderr.prefix(1500))" }
    }

    /// `virtualMemoryKB`: run under `ulimit -v` (through /bin/sh), so that reading too much fails the
    /// run itself.
    static func measured(_ args: [String], cwd: String, stdinFile: String? = nil, environment: [String: String] = [:],
                         virtualMemoryKB: Int? = nil, executable: String? = nil) throws -> Measured {
        var exe = try executable ?? #require(TestPackage.executable)
        var args = args
        if let limit = virtualMemoryKB {
            args = ["-c", "ulimit -v \(limit) && exec \"$0\" \"$@\"", exe] + args
            exe = "/bin/sh"
        }
        let scratch = TempDir("jxlint-measured")
        let out = scratch.url("out"), err = scratch.url("err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinFile ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        // (paths are absolute: the child keeps this process's working directory)
        _ = cwd
        let cArgs = ([exe] + args).map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let start = Date()
        let rc = posix_spawn(&pid, exe, &actions, nil, cArgs, cEnv)
        #expect(rc == 0)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Measured(status: code, stdout: (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data(),
                        stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data(), as: UTF8.self),
                        seconds: seconds)
    }

    /// A folder of `count` small reports (the samples, renamed), plus the names in input order.
    static func folder(_ dir: TempDir, count: Int, name: String = "batch") throws -> [String] {
        var names = [String]()
        for k in 0..<count {
            let n = String(format: "%04d", k) + (k % 2 == 0 ? "-slip.txt" : "-clean.txt")
            try dir.write("\(name)/\(n)", k % 2 == 0 ? Samples.slip : Samples.clean)
            names.append(dir.url("\(name)/\(n)"))
        }
        return names
    }

    // MARK: a crash or a hang costs one file

    /// With one worker, the file queued behind the crashing one goes to the next worker.
    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"), arguments: ["1", "2"])
    func aCrashInOneFileLosesNoOtherResult(jobs: String) throws {
        let dir = TempDir()
        let names = try Self.folder(dir, count: 40)
        let r = try Self.measured(["check", "--format", "json", "--jobs", jobs, dir.url("batch")], cwd: dir.path,
                                  environment: ["JXLINT_WORKER_FAULT": "crash=0007-"])
        #expect(r.status == 2, "\(r)")
        let files = try #require(try r.json()["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == names, "every file, in input order")
        for file in files {
            let path = file["path"] as? String ?? ""
            if path.contains("0007-") {
                #expect((file["error"] as? String)?.hasPrefix("jxlint crashed while checking this file") == true, "\(file)")
                #expect((file["error"] as? String)?.contains("injected crash") == true, "the cause is named: \(file)")
            } else {
                #expect(file["error"] is NSNull, "\(file)")
                #expect((((file["findings"] as? [Any])?.count ?? 0) > 0) == path.hasSuffix("-slip.txt"), "\(file)")
            }
        }
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"), arguments: ["1", "2"])
    func aHangingFileTimesOutAndTheBatchGoesOn(jobs: String) throws {
        let dir = TempDir()
        let names = try Self.folder(dir, count: 12)
        let r = try Self.measured(["check", "--format", "json", "--jobs", jobs, "--time-budget", "0.5", dir.url("batch")], cwd: dir.path,
                                  environment: ["JXLINT_WORKER_FAULT": "hang=0003-"])
        #expect(r.status == 2, "\(r)")
        #expect(r.seconds < 60, "\(r)")
        let files = try #require(try r.json()["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == names)
        let errors = files.compactMap { $0["error"] as? String }
        #expect(errors.count == 1 && errors[0].hasPrefix("timed out: checking took longer than this file's time budget of 1 s"), "\(errors)")
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func oneFileOverItsBudgetEndsWithItsError() throws {
        let dir = TempDir()
        let sentence = "全年预算数100.00万元，其中基本支出40.00万元，项目支出60.00万元。"
        let path = try dir.write("big.txt", Samples.title + "\n" + String(repeating: sentence, count: 6_000) + "\n")
        for format in ["json", "text"] {
            let r = try Self.measured(["check", "--format", format, "--time-budget", "0.001", path], cwd: dir.path)
            #expect(r.status == 2, "\(r)")
            #expect(r.text.contains("timed out: checking took longer than this file's time budget of 0.002 s"), "\(r)")
            if format == "json" {
                let root = try r.json()
                #expect((root["summary"] as? [String: Any])?["unreadable"] as? Int == 1)
            }
        }
    }

    // MARK: order, equality, memory

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func workersGiveTheSameOutputInInputOrder() throws {
        let dir = TempDir()
        let names = try Self.folder(dir, count: 9)
        try dir.write("batch/z-broken.docx", bytes: [0x50, 0x4B, 0x03, 0x04, 1, 2, 3])
        let expected = (names + [dir.url("batch/z-broken.docx")]).map { Self.pipeline.report(path: $0) }
        var options = FormatOptions()
        options.rules = try RuleSet.embedded().rules.map(\.info)
        for format in ["json", "text", "csv", "sarif"] {
            var outputs = [String]()
            for jobs in ["1", "3"] {
                let r = try Self.measured(["check", "--format", format, "--jobs", jobs, dir.url("batch")], cwd: dir.path)
                #expect(r.status == 2, "\(r)")
                outputs.append(r.text)
            }
            #expect(outputs[0] == outputs[1], "\(format): --jobs 1 and --jobs 3 agree")
            if format == "json" {
                #expect(outputs[0] == Formatters.json(expected, options: options), "the streamed JSON is the contract's one object")
            }
        }
    }

    /// Peak memory over a batch does not grow with the batch (reports are written and dropped).
    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func memoryStaysFlatOverABatch() throws {
        let dir = TempDir()
        _ = try Self.folder(dir, count: 20, name: "small")
        _ = try Self.folder(dir, count: 200, name: "large")
        let small = try Self.peak(["check", "--format", "json", "--jobs", "2", dir.url("small")])
        let large = try Self.peak(["check", "--format", "json", "--jobs", "2", dir.url("large")])
        #expect(large.status == 1 && small.status == 1, "20 files: exit \(small.status), 200 files: exit \(large.status)")
        #expect(small.megabytes > 5, "a real measure: \(small.megabytes) MB")
        #expect(large.megabytes <= small.megabytes + 15, "20 files: \(small.megabytes) MB, 200 files: \(large.megabytes) MB")
    }

    /// The peak memory of jxlint and its workers, measured by a small parent of its own: on Linux a
    /// process spawned from this one (posix_spawn shares its memory until exec) starts its peak at
    /// this test process's, which grows while the suite runs in parallel; a process forked from a
    /// small python starts from python's few MB, the same for every run.
    static func peak(_ args: [String]) throws -> (status: Int32, megabytes: Double) {
        let exe = try #require(TestPackage.executable)
        let script = """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let r = try measured(["python3", "-c", script, exe] + args, cwd: FileManager.default.currentDirectoryPath, executable: "/usr/bin/env")
        let fields = r.text.split(whereSeparator: \.isWhitespace)
        let status = try #require(fields.first.flatMap { Int32($0) }, "\(r)")
        let kilobytes = try #require(fields.dropFirst().first.flatMap { Double($0) }, "\(r)")
        return (status, kilobytes / 1024)
    }

    // MARK: what must never block or swamp a run

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func aFifoOrALinkToOneNamedOnTheCommandLineIsRefused() throws {
        let dir = TempDir()
        let good = try dir.write("a.txt", Samples.slip)
        #expect(mkfifo(dir.url("pipe.txt"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.url("link.txt"), withDestinationPath: dir.url("pipe.txt"))
        let r = try Self.measured(["check", "--format", "json", good, dir.url("pipe.txt"), dir.url("link.txt")], cwd: dir.path)
        #expect(r.seconds < 30 && r.status == 2, "\(r)")
        let files = try #require(try r.json()["files"] as? [[String: Any]])
        #expect(files.count == 3)
        #expect(files.dropFirst().allSatisfy { ($0["error"] as? String)?.contains("FIFO") == true }, "\(files)")
        // alone, in this process, the same
        let alone = try Self.measured(["check", dir.url("link.txt")], cwd: dir.path)
        #expect(alone.status == 2 && alone.text.contains("not a regular file: a FIFO"), "\(alone)")
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func standardInputIsCapped() throws {
        let dir = TempDir()
        let path = dir.url("zeros")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let chunk = Data(count: 1 << 20)
        for _ in 0..<(Limits.largestFile / (1 << 20) + 8) { handle.write(chunk) }
        try handle.close()
        // the 128 MiB it may read and the runtime fit in 400 MB of address space; reading on past
        // the cap (or doubling the buffer past it) does not
        let r = try Self.measured(["check", "-"], cwd: dir.path, stdinFile: path, virtualMemoryKB: 400_000)
        #expect(r.status == 2, "\(r)")
        #expect(r.text.contains("refused: the file is larger than 128 MiB"), "\(r)")
        #expect(r.seconds < 10, "\(r)")
    }

    // MARK: the streamed formats are the formats

    @Test func streamedOutputEqualsTheWholeRendering() throws {
        let texts = [Samples.slip, Samples.clean, Samples.longer]
        var reports = texts.enumerated().map { Self.pipeline.report(text: $0.element, path: "r\($0.offset).txt") }
        reports.append(FileReport(path: "broken.docx", error: "truncated or corrupt ZIP archive"))
        var options = FormatOptions()
        options.rules = try RuleSet.embedded().rules.map(\.info)
        for set in [[], [reports[1]], [reports[3]], reports, reports.reversed()] {
            for format in [OutputFormat.text, .json, .csv, .sarif] {
                var stream = StreamingOutput(format: format, options: options)
                var out = stream.begin()
                for r in set { out += stream.file(r) }
                out += stream.end()
                #expect(out == Formatters.render(set, as: format, options: options), "\(format), \(set.count) reports")
            }
        }
    }
}
