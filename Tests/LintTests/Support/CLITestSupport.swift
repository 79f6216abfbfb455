import Foundation
import Testing
import JXLint
import JXRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Shared helpers of the CLI, robustness, encoding and format-equivalence tests: the package root,
// temporary directories, running the built `jxlint` with a time bound, and the JSON contract.

/// Where the package and the built executable are.
enum TestPackage {
    /// The package root: the nearest folder above this file that holds Package.swift.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        // Tests/LintTests/Support/<file>: four levels up
        var fallback = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { fallback.deleteLastPathComponent() }
        return fallback.path
    }()

    /// `.build/debug/jxlint` (what `swift build` / `swift test` make), or nil when it is missing.
    static let executable: String? = {
        let candidates = [root + "/.build/debug/jxlint", root + "/.build/release/jxlint"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var hasExecutable: Bool { executable != nil }

    static let rulesDirectory = root + "/rules"
    static let loadFixtures = root + "/Tests/LoadTests/Fixtures"
    static let lintFixtures = root + "/Tests/LintTests/Fixtures"

    /// An executable on PATH, or nil.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

/// Small report texts used throughout (Chinese, as real reports are).
enum Samples {
    static let title = "2022年度部门整体支出绩效自评报告"
    /// 30 + 60 ≠ 100: one `sum.expenditure-parts` error on line 2, column 11.
    static let slip = "\(title)\n2022年全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n"
    /// 40 + 60 = 100: clean.
    static let clean = "\(title)\n2022年全年预算数100.00万元，其中，基本支出预算数40.00万元，项目支出预算数60.00万元。\n"
    /// A longer report: headings, a tab table, rates, a score, a 其中 with a slip.
    static let longer = """
    2022年度部门整体支出绩效自评报告
    一、部门基本情况
    （一）预算情况
    2022年全年预算数1200.00万元，其中，基本支出预算数400.00万元，项目支出预算数700.00万元。
    2022年资金总支出1150.00万元，其中，基本支出395.00万元，项目支出755.00万元。
    预算执行率为95.83%。
    （二）绩效目标完成情况
    项目\t预算数（万元）\t执行数（万元）\t执行率
    基本支出\t400.00\t395.00\t98.75%
    项目支出\t700.00\t755.00\t107.86%
    合计\t1100.00\t1150.00\t104.55%
    二、自评结论
    自评得分95分，等级为优。
    2021年部门支出1000.00万元。

    """
    /// Texts for fuzzing and for contract checks: the samples plus every rule example.
    static func corpus() throws -> [String] {
        var texts = [slip, clean, longer]
        for rule in try RuleSet.embedded().rules {
            for example in rule.examples { texts.append(example.text + "\n") }
        }
        return texts
    }
}

/// A fresh temporary directory, removed when released.
final class TempDir: @unchecked Sendable {
    let path: String

    init(_ label: String = "jxlint-test") {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(label).XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        // resolve /tmp symlinks (macOS) so that paths compare equal to what the tool prints
        path = URL(fileURLWithPath: String(cString: made!)).resolvingSymlinksInPath().path
    }

    deinit {
        // make everything removable again (tests chmod files to 000)
        if let e = FileManager.default.enumerator(atPath: path) {
            for case let p as String in e { chmod((path as NSString).appendingPathComponent(p), 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let full = url(name)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func mkdir(_ name: String) throws -> String {
        let full = url(name)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Copies the package's rules/ folder here, for --rules tests.
    func copyRules(_ name: String = "rules") throws -> String {
        let dest = url(name)
        try FileManager.default.copyItem(atPath: TestPackage.rulesDirectory, toPath: dest)
        return dest
    }
}

/// The outcome of one `jxlint` run.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdoutData: Data
    var stderr: String
    var timedOut: Bool
    var seconds: Double

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }

    /// stdout parsed as a JSON object.
    func json() throws -> [String: Any] {
        let any = try JSONSerialization.jsonObject(with: stdoutData)
        return try #require(any as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(300))")
    }

    var description: String {
        "exit \(status)\(timedOut ? " (TIMED OUT)" : "") in \(String(format: "%.2f", seconds))s\n--- stdout\n\(stdout.prefix(2000))\n--- stderr\n\(stderr.prefix(2000))"
    }
}

enum JX {
    /// Runs the built executable: `jxlint ARGS…` in `cwd`, stdin from `stdin` (or /dev/null),
    /// output into files (no pipe deadlocks), killed after `timeout` seconds.
    static func run(_ args: [String], cwd: String? = nil, stdin: [UInt8]? = nil, timeout: Double = 60,
                    environment extra: [String: String] = [:], executable: String? = nil) throws -> RunResult {
        let exe = try executable ?? #require(TestPackage.executable, "no .build/debug/jxlint: run `swift build` first")
        let scratch = TempDir("jxlint-run")
        let outPath = scratch.url("stdout"), errPath = scratch.url("stderr"), inPath = scratch.url("stdin")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin ?? []))
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        defer { try? out.close(); try? err.close(); try? input.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            _ = done.wait(timeout: .now() + 10)
        }
        let seconds = Date().timeIntervalSince(start)
        let stdoutData = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let stderrText = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
        return RunResult(status: timedOut ? -1 : process.terminationStatus, stdoutData: stdoutData, stderr: stderrText,
                         timedOut: timedOut, seconds: seconds)
    }

    /// `CommandLineTool.run` in this process, for exit codes (its output goes to the test log).
    static func runInProcess(_ args: [String]) -> Int32 {
        CommandLineTool.run(["jxlint"] + args)
    }
}

/// Runs `work` on its own thread and waits at most `seconds`; nil when it did not finish
/// (the thread is left behind: a hang is reported, not waited for).
func withTimeBound<T: Sendable>(_ seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = work()
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// A snapshot of a file (bytes and modification time) to prove that it was not modified.
struct FileSnapshot: Equatable {
    var bytes: Data?
    var modified: Date?
    var permissions: Int?

    init(_ path: String) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        bytes = FileManager.default.contents(atPath: path)
        modified = attributes?[.modificationDate] as? Date
        permissions = (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }
}

/// The JSON contract of design.md, checked field by field.
enum Contract {
    static let categories = Set(RuleCategory.allCases.map(\.rawValue))
    static let severities: Set<String> = ["error", "warning", "info"]
    static let fileKeys: Set<String> = ["path", "format", "encoding", "fiscalYear", "error", "findings"]
    static let findingKeys: Set<String> = ["rule", "category", "severity", "line", "column", "endLine", "endColumn",
                                           "message", "evidence", "related"]
    /// Additions that JSONFormatter documents: `location` (places in .docx/.xlsx) and `fingerprint`.
    static let findingExtras: Set<String> = ["location", "fingerprint"]
    static let relatedKeys: Set<String> = ["line", "column", "message"]
    static let summaryKeys: Set<String> = ["files", "errors", "warnings", "infos"]
    /// JSONFormatter adds `unreadable` (files that could not be read).
    static let summaryExtras: Set<String> = ["unreadable"]

    static func isInt(_ v: Any?) -> Bool {
        guard let n = v as? NSNumber, !(v is String) else { return false }
        // JSONSerialization: integers are "i"/"q"/"l"/"s"; booleans "c" or "B"; reals "d" or "f"
        return !["c", "B", "d", "f"].contains(String(cString: n.objCType))
    }

    static func isNull(_ v: Any?) -> Bool { v is NSNull }

    /// Checks the shape of a `--format json` document; `sources` maps a file's JSON `path` to its
    /// original lines, to check that each finding's line:column points at the reported figure.
    /// Returns the problems found (empty: conforms).
    static func problems(_ root: [String: Any], sources: [String: [String]] = [:]) -> [String] {
        var out = [String]()
        func need(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { out.append(what()) } }
        need(Set(root.keys) == ["tool", "files", "summary"], "top-level keys \(root.keys.sorted())")
        let tool = root["tool"] as? [String: Any]
        need(tool?["name"] as? String == "jxlint", "tool.name")
        need(tool?["version"] is String, "tool.version")
        need(tool.map { Set($0.keys) == ["name", "version"] } ?? false, "tool keys")
        guard let files = root["files"] as? [[String: Any]] else { return out + ["files is not an array of objects"] }
        var errors = 0, warnings = 0, infos = 0, unreadable = 0
        for file in files {
            let path = file["path"] as? String ?? "?"
            need(Set(file.keys) == fileKeys, "\(path): file keys \(file.keys.sorted())")
            need(file["path"] is String, "\(path): path")
            let error = file["error"]
            need(error is String || isNull(error), "\(path): error must be a string or null")
            for key in ["format", "encoding"] {
                need(file[key] is String || isNull(file[key]), "\(path): \(key) must be a string or null")
            }
            need(isInt(file["fiscalYear"]) || isNull(file["fiscalYear"]), "\(path): fiscalYear must be an integer or null")
            if error is String {
                unreadable += 1
                need(isNull(file["format"]), "\(path): an unreadable file has format null")
                need((file["findings"] as? [Any])?.isEmpty == true, "\(path): an unreadable file has no findings")
            } else {
                need(file["format"] is String, "\(path): a read file names its format")
                if let format = file["format"] as? String {
                    need(["text", "markdown", "docx", "xlsx", "pdf"].contains(format), "\(path): format '\(format)'")
                }
            }
            guard let findings = file["findings"] as? [[String: Any]] else { out.append("\(path): findings"); continue }
            for f in findings {
                let rule = f["rule"] as? String ?? "?"
                let keys = Set(f.keys)
                need(keys.isSuperset(of: findingKeys) && keys.subtracting(findingKeys).isSubset(of: findingExtras),
                     "\(path) \(rule): finding keys \(keys.sorted())")
                for key in ["rule", "category", "severity", "message", "evidence"] { need(f[key] is String, "\(path) \(rule): \(key) is not a string") }
                if let c = f["category"] as? String { need(categories.contains(c), "\(path) \(rule): category '\(c)'") ; need(rule.hasPrefix(c + "."), "\(path) \(rule): id does not start with its category") }
                switch f["severity"] as? String {
                case "error": errors += 1
                case "warning": warnings += 1
                case "info": infos += 1
                default: out.append("\(path) \(rule): severity \(String(describing: f["severity"]))")
                }
                for key in ["line", "column", "endLine", "endColumn"] {
                    need(isInt(f[key]) && (f[key] as? Int ?? 0) >= 1, "\(path) \(rule): \(key) must be an integer ≥ 1")
                }
                if let l = f["line"] as? Int, let c = f["column"] as? Int, let el = f["endLine"] as? Int, let ec = f["endColumn"] as? Int {
                    need(el > l || (el == l && ec >= c), "\(path) \(rule): span end \(el):\(ec) before start \(l):\(c)")
                }
                if let loc = f["location"] { need(loc is String, "\(path) \(rule): location") }
                if let fp = f["fingerprint"] { need(fp is String, "\(path) \(rule): fingerprint") }
                guard let related = f["related"] as? [[String: Any]] else { out.append("\(path) \(rule): related"); continue }
                for r in related {
                    let rk = Set(r.keys)
                    need(rk.isSuperset(of: relatedKeys) && rk.subtracting(relatedKeys).isSubset(of: ["location"]), "\(path) \(rule): related keys \(rk.sorted())")
                    need(isInt(r["line"]) && (r["line"] as? Int ?? 0) >= 1, "\(path) \(rule): related line")
                    need(isInt(r["column"]) && (r["column"] as? Int ?? 0) >= 1, "\(path) \(rule): related column")
                    need(r["message"] is String, "\(path) \(rule): related message")
                }
                if let lines = sources[path] { out += pointsAtFigure(f, lines: lines, path: path) }
            }
        }
        let summary = root["summary"] as? [String: Any] ?? [:]
        let sk = Set(summary.keys)
        need(sk.isSuperset(of: summaryKeys) && sk.subtracting(summaryKeys).isSubset(of: summaryExtras), "summary keys \(sk.sorted())")
        for key in summaryKeys.union(summaryExtras) where summary[key] != nil { need(isInt(summary[key]), "summary.\(key) is not an integer") }
        need(summary["files"] as? Int == files.count, "summary.files \(String(describing: summary["files"])) ≠ \(files.count)")
        need(summary["errors"] as? Int == errors, "summary.errors")
        need(summary["warnings"] as? Int == warnings, "summary.warnings")
        need(summary["infos"] as? Int == infos, "summary.infos")
        if summary["unreadable"] != nil { need(summary["unreadable"] as? Int == unreadable, "summary.unreadable") }
        return out
    }

    /// Full-width digits and separators to ASCII; thousands separators dropped.
    static func plainDigits(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
            case 0xFF0E: out += "."
            case 0x2C, 0xFF0C: break
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The figure a finding reports starts at its line:column in the original text (columns count
    /// Unicode scalars), and that figure appears in the finding's evidence or message. Findings
    /// that point at words (format artifacts, a grade) must point at text that the evidence or
    /// message quotes.
    static func pointsAtFigure(_ f: [String: Any], lines: [String], path: String) -> [String] {
        guard let line = f["line"] as? Int, let column = f["column"] as? Int, let rule = f["rule"] as? String else { return [] }
        guard line <= lines.count else { return ["\(path) \(rule): line \(line) beyond the file's \(lines.count) lines"] }
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard column <= scalars.count else { return ["\(path) \(rule): column \(column) beyond line \(line) (\(scalars.count) characters)"] }
        let said = plainDigits((f["evidence"] as? String ?? "") + " " + (f["message"] as? String ?? ""))
        var rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
        let digits = Set("0123456789０１２３４５６７８９".unicodeScalars)
        let signs = Set("-－+＋−".unicodeScalars)
        // a dash cell of a table is a stated zero ("-" when all was spent)
        if let first = rest.unicodeScalars.first, signs.contains(first) || first == "—" || first == "–" {
            let next = rest.unicodeScalars.dropFirst().first
            if next == nil || next == "\t" || next == "|" || next == " " { return [] }
            // a signed figure: the sign is part of the literal
            if let n = next, digits.contains(n) { rest = String(rest.unicodeScalars.dropFirst()) }
        }
        if let first = rest.unicodeScalars.first, digits.contains(first) {
            var literal = ""
            var seenPoint = false
            for u in rest.unicodeScalars {
                // no thousands comma after a decimal point: "12.2,205.36" is 12.2 and then 205.36
                if seenPoint && (u == "," || u == "，") { break }
                if u == "." || u == "．" { seenPoint = true }
                if digits.contains(u) || ".．,，".unicodeScalars.contains(u) { literal.unicodeScalars.append(u) } else { break }
            }
            var figure = plainDigits(literal)
            while figure.hasSuffix(".") { figure.removeLast() }
            return said.contains(figure) ? [] : ["\(path) \(rule) \(line):\(column): figure '\(figure)' at the position is not in the evidence '\(said)'"]
        }
        // a word (a format artifact, a grade): the spanned text is quoted by the evidence or message
        let endColumn = (f["endLine"] as? Int == line) ? min(f["endColumn"] as? Int ?? column, scalars.count) : scalars.count
        // (invisible format characters, U+FEFF and the like, are dropped by normalization: the evidence
        // quotes the text as read)
        let spanned = String(String.UnicodeScalarView(scalars[(column - 1)..<max(column, endColumn)].filter { $0.properties.generalCategory != .format }))
            .trimmingCharacters(in: CharacterSet(charactersIn: "。，；、：！？ \t"))
        let raw = (f["evidence"] as? String ?? "") + " " + (f["message"] as? String ?? "")
        if ["format", "score", "status"].contains(f["category"] as? String ?? "") {
            return raw.contains(String(spanned.prefix(4))) ? [] : ["\(path) \(rule) \(line):\(column): '\(spanned)' at the position is not in the evidence '\(raw)'"]
        }
        return ["\(path) \(rule) \(line):\(column): the position does not start with a figure: '\(rest.prefix(12))'"]
    }
}

/// A seeded xorshift64* generator (deterministic across platforms and runs).
struct XorShift: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}
