import Foundation
import Testing
import TestSupport
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

/// Garbage in: every input gets a per-file message or a normal result, within a time bound; the
/// other files of the run are still reported; inputs are never modified. Plus a deterministic fuzz
/// of the whole pipeline and of the rule-file loader.
@Suite("Robustness")
struct RobustnessTests {
    static let ruleSet: RuleSet = try! RuleSet.embedded()
    static let pipeline = Pipeline(ruleSet: ruleSet)

    /// A report is well formed: an error and nothing else, or a format, an encoding, lines, and
    /// findings whose spans lie inside the file, with a valid category and severity.
    static func problems(_ report: FileReport) -> [String] {
        var out = [String]()
        if let error = report.error {
            if error.isEmpty { out.append("empty error message") }
            if !report.findings.isEmpty { out.append("findings on an unreadable file") }
            return out
        }
        guard let format = report.format, ["text", "markdown", "docx", "xlsx", "pdf"].contains(format) else {
            return ["format \(String(describing: report.format))"]
        }
        if report.encoding == nil && (format == "text" || format == "markdown") { out.append("no encoding") }
        for f in report.findings {
            if !f.rule.hasPrefix(f.category.rawValue + ".") { out.append("\(f.rule): category \(f.category)") }
            if f.message.isEmpty { out.append("\(f.rule): empty message") }
            let s = f.span
            if s.start.line < 1 || s.start.column < 1 || s.end.line < 1 || s.end.column < 1 { out.append("\(f.rule): span \(s)") }
            if s.end < s.start { out.append("\(f.rule): span ends before it starts \(s)") }
            if !report.lines.isEmpty {
                if s.start.line > report.lines.count { out.append("\(f.rule): line \(s.start.line) > \(report.lines.count) lines") }
                else if s.start.column > report.lines[s.start.line - 1].unicodeScalars.count + 1 {
                    out.append("\(f.rule): column \(s.start.column) beyond line \(s.start.line)")
                }
            }
            for r in f.related where r.position.line < 1 || r.position.column < 1 || (!report.lines.isEmpty && r.position.line > report.lines.count) {
                out.append("\(f.rule): related at \(r.position)")
            }
        }
        // the JSON rendering parses and follows the contract
        let json = Formatters.json([report], options: FormatOptions())
        if let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] {
            out += Contract.problems(root, sources: (report.format == "text" || report.format == "markdown") ? [report.path: report.lines] : [:])
        } else {
            out.append("JSON output does not parse")
        }
        return out
    }

    /// Runs the pipeline on bytes within `seconds`; nil when it did not finish.
    static func report(_ bytes: [UInt8], path: String, within seconds: Double) -> FileReport? {
        withTimeBound(seconds) { pipeline.report(bytes: bytes, path: path) }
    }

    // MARK: garbage through the command line

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func garbageFilesGetAMessageAndTheOthersAreStillReported() throws {
        let dir = TempDir()
        var rng = XorShift(seed: 0x5EED_0001)
        try dir.write("a-slip.txt", Samples.slip)
        try dir.write("random.txt", bytes: rng.bytes(64 * 1024))
        try dir.write("empty.txt", bytes: [])
        try dir.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 4096) + rng.bytes(4096))
        try dir.write("random.docx", bytes: rng.bytes(20_000))
        try dir.write("random.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04] + rng.bytes(20_000))
        try dir.write("random.pdf", bytes: Array("%PDF-1.7\n".utf8) + rng.bytes(20_000))
        try dir.write("fake.pdf", Samples.slip)
        let docx = try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestPackage.loadFixtures + "/report.docx")))
        try dir.write("truncated.docx", bytes: Array(docx.prefix(docx.count / 2)))
        try dir.write("odd-utf16.txt", bytes: [0xFF, 0xFE, 0x41, 0x00, 0x42])
        try dir.write("controls.txt", bytes: (0..<4000).map { _ in UInt8(1 + rng.below(8)) })
        try dir.write("z-clean.txt", Samples.clean)
        let names = ["a-slip.txt", "random.txt", "empty.txt", "binary.txt", "random.docx", "random.xlsx", "random.pdf",
                     "fake.pdf", "truncated.docx", "odd-utf16.txt", "controls.txt", "missing.txt", "z-clean.txt"]
        let before = names.map { FileSnapshot(dir.url($0)) }
        let r = try JX.run(["check", "--format", "json"] + names, cwd: dir.path, timeout: 120)
        #expect(!r.timedOut, "\(r)")
        #expect(r.status == 2, "\(r)")
        let root = try r.json()
        #expect(Contract.problems(root).isEmpty, "\(Contract.problems(root))")
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == names, "every input is reported, in order")
        for file in files {
            let path = file["path"] as? String ?? "?"
            if path == "a-slip.txt" {
                #expect((file["findings"] as? [[String: Any]])?.first?["rule"] as? String == "sum.expenditure-parts")
            } else if path == "z-clean.txt" {
                #expect(file["error"] is NSNull)
            } else {
                let error = file["error"] as? String
                #expect(error?.isEmpty == false, "\(path) has a per-file message: \(file)")
            }
        }
        #expect(names.map { FileSnapshot(dir.url($0)) } == before, "inputs are never modified")
        // the text format names each unreadable file too, and the slip is still printed
        let text = try JX.run(["check"] + names, cwd: dir.path, timeout: 120)
        #expect(text.status == 2)
        #expect(text.stdout.contains("a-slip.txt:2:11: error:"), "\(text)")
        for name in names where !["a-slip.txt", "z-clean.txt"].contains(name) {
            #expect(text.stdout.contains(name) || text.stderr.contains(name), "\(name) is named in the text output")
        }
    }

    @Test func directoryMissingAndEmptyPathsInProcess() throws {
        let dir = TempDir()
        let sub = try dir.mkdir("folder.txt")
        let isDir = Self.pipeline.report(path: sub)
        #expect(isDir.error?.contains("directory") == true, "\(String(describing: isDir.error))")
        let missing = Self.pipeline.report(path: dir.url("missing.txt"))
        #expect(missing.error?.isEmpty == false)
        let empty = Self.pipeline.report(path: try dir.write("empty.txt", bytes: []))
        #expect(empty.error?.contains("empty") == true)
        #expect(Self.pipeline.report(bytes: [], path: "-").error != nil)
        // a folder named like a file is walked as a folder
        try dir.write("folder.txt/inner.txt", Samples.slip)
        let entries = FileDiscovery.expand([sub])
        #expect(entries.map(\.path) == [sub + "/inner.txt"])
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their permissions"))
    func unreadablePermissions() throws {
        let dir = TempDir()
        let path = try dir.write("locked.txt", Samples.slip)
        chmod(path, 0)
        let report = Self.pipeline.report(path: path)
        #expect(report.error?.isEmpty == false)
    }

    // MARK: big and deep inputs

    @Test func hugeSingleLineOfText() throws {
        // 5 MB on one line, no figures
        let unit = "这是一段没有数字的文字内容，用于测试很长的一行。"
        let line = String(repeating: unit, count: 5_000_000 / unit.utf8.count)
        let bytes = Array((Samples.title + "\n" + line + "\n").utf8)
        #expect(bytes.count > 4_900_000)
        let report = try #require(Self.report(bytes, path: "huge.txt", within: 120), "a 5 MB line took over 120 s")
        #expect(report.error == nil)
        #expect(report.lines.count == 2)
        #expect(Self.problems(report).isEmpty)
    }

    /// CPU time of this thread checking `small` and `large` (4× the text) in alternating turns:
    /// wall time counted the share of the cores the other tests took.
    static func scaling(_ small: [UInt8], _ large: [UInt8], path: String) -> Scaling {
        Scaling.measure(bound: 8, floor: 0.05,
                        small: { _ = pipeline.report(bytes: small, path: path) }, large: { _ = pipeline.report(bytes: large, path: path) })
    }

    /// Time grows linearly with the figures of one paragraph: four times the sentences on one line
    /// may take at most about four times as long (quadratic work would take sixteen).
    @Test func oneLongParagraphOfFiguresScalesLinearly() throws {
        let sentence = "全年预算数100.00万元，其中基本支出40.00万元，项目支出60.00万元。"
        func bytes(_ n: Int) -> [UInt8] { Array((Samples.title + "\n" + String(repeating: sentence, count: n) + "\n").utf8) }
        let scaling = Self.scaling(bytes(300), bytes(1200), path: "line.txt")
        #expect(scaling.holds(8), "300 / 1200 sentences: \(scaling)")
    }

    /// One sentence with no 。 at all: each figure's clause is counted on from the figure before it,
    /// not from the sentence start (that was quadratic: 90 s for 3 MB).
    @Test func oneSentenceOfFiguresScalesLinearly() throws {
        func bytes(_ n: Int) -> [UInt8] {
            let clauses = (0..<n).map { i in "项目资金\(i)中：甲项目\(i)资金\(i % 97 + 1).00万元（乙类\(i % 7 + 1).00万元，丙类\(i % 5 + 1).00万元），甲项目\(i)资金占项目资金\(i)的\(i % 90 + 1).5%" }
            return Array((Samples.title + "\n" + clauses.joined(separator: "，") + "。\n").utf8)
        }
        let scaling = Self.scaling(bytes(400), bytes(1600), path: "sentence.txt")
        #expect(scaling.holds(8), "400 / 1600 clauses: \(scaling)")
    }

    @Test func longLinesOfFiguresStayFast() throws {
        // 200 sentences with figures on one line: well under the time bound
        let sentence = "全年预算数100.00万元，其中基本支出40.00万元，项目支出60.00万元。"
        let bytes = Array((Samples.title + "\n" + String(repeating: sentence, count: 200) + "\n").utf8)
        let report = try #require(Self.report(bytes, path: "long.txt", within: 60))
        #expect(report.error == nil)
        #expect(report.findings.isEmpty, "every sentence adds up: \(report.findings.prefix(3).map(\.evidence))")
    }

    @Test func deeplyNestedBrackets() throws {
        var text = Samples.title + "\n"
        text += String(repeating: "（", count: 50_000) + "全年预算数100万元" + String(repeating: "）", count: 50_000) + "\n"
        text += String(repeating: "(", count: 100_000) + String(repeating: ")", count: 100_000) + "\n"
        text += String(repeating: "[", count: 100_000) + "\n"
        text += String(repeating: "【《「", count: 30_000) + "\n"
        text += String(repeating: "）", count: 50_000) + "其中基本支出30万元。\n"
        text += String(repeating: "|", count: 50_000) + "\n" + String(repeating: "\t", count: 50_000) + "\n"
        let report = try #require(Self.report(Array(text.utf8), path: "nested.txt", within: 60), "nested brackets took over 60 s")
        #expect(report.error == nil)
        #expect(Self.problems(report).isEmpty)
        let md = try #require(Self.report(Array(text.utf8), path: "nested.md", within: 60))
        #expect(Self.problems(md).isEmpty)
    }

    @Test func hundredThousandLines() throws {
        var lines = [Samples.title, ""]
        for i in 0..<100_000 {
            if i % 10 == 9 { lines.append("") }
            else if i % 100 == 0 { lines.append("第\(i)项支出\(i % 997).\(String(format: "%02d", i % 100))万元，其中基本支出\(i % 13).00万元。") }
            else if i % 100 == 50 { lines.append("项目\t预算数\t执行数") }
            else if i % 100 == 51 { lines.append("甲\t\(i)\t\(i)") }
            else { lines.append("这是一行普通的文字，没有任何数字。") }
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        let report = try #require(Self.report(bytes, path: "many.txt", within: 180), "100k lines took over 180 s")
        #expect(report.error == nil)
        #expect(report.lines.count == lines.count)
        #expect(Self.problems(report).isEmpty)
    }

    /// Time grows linearly with the 其中-groups of a document: one per line, four times the lines.
    @Test func manyGroupsScaleLinearly() throws {
        func bytes(_ n: Int) -> [UInt8] {
            var lines = [Samples.title]
            for i in 0..<n { lines.append("第\(i)项支出\(i % 997).\(String(format: "%02d", i % 100))万元，其中基本支出\(i % 13).00万元。") }
            return Array((lines.joined(separator: "\n") + "\n").utf8)
        }
        let scaling = Self.scaling(bytes(500), bytes(2000), path: "dense.txt")
        #expect(scaling.holds(8), "500 / 2000 lines: \(scaling)")
    }

    @Test func absurdNumbers() throws {
        var text = Samples.title + "\n"
        text += "全年预算数" + String(repeating: "9", count: 5000) + ".00万元，其中基本支出" + String(repeating: "9", count: 4999) + ".00万元，项目支出1.00万元。\n"
        text += "执行率为" + String(repeating: "1", count: 300) + "%。\n"
        text += "全年预算数0." + String(repeating: "0", count: 400) + "1万元，其中基本支出0.00万元，项目支出0." + String(repeating: "0", count: 400) + "1万元。\n"
        text += "得分" + String(repeating: "9", count: 100) + "分，分值100分。\n"
        text += "全年预算数1e308万元，其中基本支出-0.00万元，项目支出－100.00万元。\n"
        text += "全年预算数100,000,000,000,000,000,000,000,000,000,000,000,000.00万元，其中基本支出１,０００万元。\n"
        text += "第99999999999999999999年度，" + String(repeating: "2", count: 40) + "年预算数10万元。\n"
        text += String(repeating: "1.", count: 10_000) + "\n" + String(repeating: "1,", count: 10_000) + "\n" + String(repeating: "%", count: 10_000) + "\n"
        let report = try #require(Self.report(Array(text.utf8), path: "numbers.txt", within: 60))
        #expect(report.error == nil)
        #expect(Self.problems(report).isEmpty, "\(Self.problems(report))")
    }

    @Test func negativeFiguresKeepTheirSign() throws {
        // "-30.00万元" after a label is a negative part: -30 + 60 = 30, no finding
        let text = Samples.title + "\n2022年全年预算数30.00万元，其中，基本支出预算数-30.00万元，项目支出预算数60.00万元。\n"
        let report = try #require(Self.report(Array(text.utf8), path: "negative.txt", within: 30))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.evidence))")
        // after 为 the sign is kept
        let kept = Samples.title + "\n调整数为-5.00万元。\n"
        let facts = FactsFormatter.json(Self.pipeline.facts(of: try DocumentLoader.load(bytes: Array(kept.utf8), path: "k.txt")))
        #expect(facts.contains("\"value\": \"-5\"") || facts.contains("\"value\":\"-5\""), "\(facts)")
    }

    // MARK: symbolic links

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func directorySymlinkLoopIsReportedNotFollowed() throws {
        let dir = TempDir()
        try dir.write("tree/a/report.txt", Samples.slip)
        try FileManager.default.createSymbolicLink(atPath: dir.url("tree/a/up"), withDestinationPath: "..")
        // by default a folder walk does not follow links: no loop to speak of
        let plain = try JX.run(["check", "--format", "json", "tree"], cwd: dir.path, timeout: 60)
        #expect(!plain.timedOut, "\(plain)")
        let plainFiles = try #require(try plain.json()["files"] as? [[String: Any]])
        #expect(plainFiles.compactMap { $0["path"] as? String } == ["tree/a/report.txt"], "\(plainFiles)")
        #expect(plain.stderr.contains("1 symbolic link under tree not followed"), "\(plain.stderr)")
        // following links, the link back up is a loop: reported once, not followed
        let r = try JX.run(["check", "--format", "json", "--follow-links", "tree"], cwd: dir.path, timeout: 60)
        #expect(!r.timedOut, "\(r)")
        let root = try r.json()
        let files = try #require(root["files"] as? [[String: Any]])
        let reports = files.filter { ($0["path"] as? String)?.hasSuffix("report.txt") == true }
        #expect(reports.count == 1, "report.txt checked \(reports.count) times")
        #expect(files.filter { ($0["error"] as? String)?.contains("loop") == true }.count == 1, "the loop is reported once: \(files)")
        // in-process, the same
        var notes = [String]()
        let entries = FileDiscovery.expand([dir.url("tree")], followLinks: true, notes: &notes)
        #expect(entries.filter { $0.path.hasSuffix("report.txt") }.count == 1)
        #expect(entries.count == 2, "\(entries)")
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func aFifoInAFolderDoesNotBlockTheRun() throws {
        let dir = TempDir()
        try dir.write("in/a.txt", Samples.slip)
        #expect(mkfifo(dir.url("in/pipe.txt"), 0o644) == 0)
        let r = try JX.run(["check", "--format", "json", "in"], cwd: dir.path, timeout: 10)
        #expect(!r.timedOut, "\(r)")
        #expect(r.stdout.contains("in/a.txt"))
    }

    @Test func symlinksToFoldersAndDanglingLinks() throws {
        let dir = TempDir()
        try dir.write("real/one.txt", Samples.slip)
        try dir.write("tree/two.txt", Samples.clean)
        try FileManager.default.createSymbolicLink(atPath: dir.url("tree/link"), withDestinationPath: dir.url("real"))
        try FileManager.default.createSymbolicLink(atPath: dir.url("tree/dangling.txt"), withDestinationPath: dir.url("nowhere.txt"))
        // not followed by default (a link may lead out of the folder); a broken one named like a
        // report is reported
        var notes = [String]()
        let entries = FileDiscovery.expand([dir.url("tree")], followLinks: false, notes: &notes)
        #expect(entries.map { ($0.path as NSString).lastPathComponent } == ["dangling.txt", "two.txt"], "\(entries)")
        #expect(entries.first?.error?.hasPrefix("a broken symbolic link") == true)
        #expect(notes == ["1 symbolic link under \(dir.url("tree")) not followed (--follow-links follows them)"], "\(notes)")
        // followed on request
        let followed = FileDiscovery.expand([dir.url("tree")], followLinks: true, notes: &notes)
        #expect(followed.map { ($0.path as NSString).lastPathComponent } == ["dangling.txt", "one.txt", "two.txt"], "\(followed)")
        // a link named on the command line is followed; a dangling one is reported
        #expect(FileDiscovery.expand([dir.url("tree/link")]).map { ($0.path as NSString).lastPathComponent } == ["one.txt"])
        let explicit = FileDiscovery.expand([dir.url("tree/dangling.txt")])
        #expect(explicit.first?.error != nil, "a dangling link named explicitly is reported")
    }

    // MARK: fuzz: the whole pipeline

    static let tokens: [String] = ["万元", "元", "亿元", "％", "%", "其中", "合计", "小计", "包括", "\t", "\n", "\r\n", "。", "，", "；",
                                   "（", "）", "(", ")", "【", "】", "[", "]", "《", "》", "|", "---", "-", "－", "+", ".", "．", ",",
                                   "年度", "2022年", "上年", "本年度", "得分", "分值", "分", "执行率", "预算数", "基本支出", "项目支出",
                                   "≥", "不低于", "已完成", "未完成", "优", "差", "一、", "（一）", "1.", "①", "\u{FEFF}", "\u{3000}",
                                   "０", "９", "個", "\u{0}", "\u{7F}", "\u{FFFD}", "🙂", "e\u{301}"]

    /// One seeded mutation of `bytes`.
    static func mutate(_ bytes: inout [UInt8], _ rng: inout XorShift) {
        switch rng.below(9) {
        case 0: // flip bytes
            for _ in 0..<(1 + rng.below(8)) where !bytes.isEmpty { bytes[rng.below(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 + rng.below(255)) }
        case 1: // insert a token
            let t = Array(tokens[rng.below(tokens.count)].utf8)
            bytes.insert(contentsOf: t, at: rng.below(bytes.count + 1))
        case 2: // insert random CJK
            var s = ""
            for _ in 0..<(1 + rng.below(6)) { s.unicodeScalars.append(Unicode.Scalar(UInt32(0x4E00 + rng.below(0x51A0)))!) }
            bytes.insert(contentsOf: Array(s.utf8), at: rng.below(bytes.count + 1))
        case 3: // insert digits
            let digits = (0..<(1 + rng.below(12))).map { _ in UInt8(ascii: "0") + UInt8(rng.below(10)) }
            bytes.insert(contentsOf: digits + (rng.below(2) == 0 ? Array(".".utf8) + digits.prefix(2) : []), at: rng.below(bytes.count + 1))
        case 4: // truncate
            if !bytes.isEmpty { bytes.removeLast(rng.below(bytes.count)) }
        case 5: // duplicate a line
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            if !lines.isEmpty {
                let k = rng.below(lines.count)
                var out = [UInt8]()
                for (i, l) in lines.enumerated() {
                    out += l; out.append(0x0A)
                    if i == k { for _ in 0..<(1 + rng.below(3)) { out += l; out.append(0x0A) } }
                }
                bytes = out
            }
        case 6: // delete a range
            if bytes.count > 2 {
                let a = rng.below(bytes.count), b = min(bytes.count, a + 1 + rng.below(40))
                bytes.removeSubrange(a..<b)
            }
        case 7: // swap two lines
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            if lines.count > 1 {
                lines.swapAt(rng.below(lines.count), rng.below(lines.count))
                bytes = Array(lines.joined(separator: [0x0A]))
            }
        default: // random bytes
            bytes.insert(contentsOf: rng.bytes(1 + rng.below(16)), at: rng.below(bytes.count + 1))
        }
    }

    final class Failures: @unchecked Sendable {
        let lock = NSLock()
        var items = [String]()
        var ran = 0
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        func count() { lock.lock(); ran += 1; lock.unlock() }
    }

    @Test func fuzzThePipelineWith2000Mutants() throws {
        let texts = try Samples.corpus().map { Array($0.utf8) }
        let office = try ["report.docx", "budget.xlsx"].map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: TestPackage.loadFixtures + "/" + $0))) }
        let count = Int(ProcessInfo.processInfo.environment["JXLINT_FUZZ_MUTANTS"] ?? "") ?? 2000
        let failures = Failures()
        let pipeline = Self.pipeline
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            var k = worker
            while k < count {
                var rng = XorShift(seed: 0xF022_0000 &+ UInt64(k) &* 0x9E37_79B9)
                var bytes: [UInt8]
                var path: String
                if k % 20 == 19 {
                    // an Office file with a few damaged bytes
                    let which = rng.below(office.count)
                    bytes = office[which]
                    for _ in 0..<(1 + rng.below(6)) { bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
                    if rng.below(3) == 0 { bytes.removeLast(rng.below(bytes.count / 2)) }
                    path = which == 0 ? "mutant.docx" : "mutant.xlsx"
                } else {
                    bytes = texts[rng.below(texts.count)]
                    for _ in 0..<(1 + rng.below(5)) { Self.mutate(&bytes, &rng) }
                    path = ["mutant.txt", "mutant.md", "mutant.text", "-"][rng.below(4)]
                }
                let input = bytes, name = path
                let began = Date()
                guard let report = withTimeBound(20, { pipeline.report(bytes: input, path: name) }) else {
                    failures.add("mutant \(k) (\(name), \(input.count) bytes) did not finish in 20 s: \(input.prefix(200).map { String(format: "%02x", $0) }.joined())")
                    k += 4
                    continue
                }
                let seconds = Date().timeIntervalSince(began)
                if seconds > 10 { failures.add("mutant \(k) took \(seconds) s") }
                let problems = Self.problems(report)
                if !problems.isEmpty {
                    failures.add("mutant \(k) (\(name)): \(problems.prefix(3).joined(separator: "; ")) — input \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)")
                }
                failures.count()
                k += 4
            }
        }
        #expect(failures.ran == count)
        for f in failures.items.prefix(20) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.items.isEmpty, "\(failures.items.count) of \(count) mutants failed (in \(Int(Date().timeIntervalSince(started))) s)")
    }

    @Test func randomBytesOfEveryKind() throws {
        // seeded random inputs: raw bytes, bytes after a BOM, "text" of random scalars
        let failures = Failures()
        let pipeline = Self.pipeline
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for k in stride(from: worker, to: 400, by: 4) {
                var rng = XorShift(seed: 0xB17E_5000 &+ UInt64(k))
                var bytes: [UInt8]
                switch k % 5 {
                case 0: bytes = rng.bytes(rng.below(8192))
                case 1: bytes = [0xEF, 0xBB, 0xBF] + rng.bytes(rng.below(4096))
                case 2: bytes = [0xFF, 0xFE] + rng.bytes(2 * rng.below(2048))
                case 3:
                    var s = ""
                    for _ in 0..<rng.below(3000) {
                        let v = UInt32(rng.below(0x3_0000))
                        if let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
                    }
                    bytes = Array(s.utf8)
                default:
                    bytes = (0..<rng.below(6000)).map { _ in [UInt8](" \t\n0123456789.,%()|-".utf8)[rng.below(20)] }
                }
                let input = bytes
                let name = ["r.txt", "r.md", "r.docx", "r.xlsx", "r.pdf"][k % 5 == 4 ? 0 : rng.below(5)]
                guard let report = withTimeBound(20, { pipeline.report(bytes: input, path: name) }) else {
                    failures.add("random input \(k) (\(name)) did not finish in 20 s")
                    continue
                }
                let problems = Self.problems(report)
                if !problems.isEmpty { failures.add("random input \(k) (\(name)): \(problems.prefix(3))") }
                failures.count()
            }
        }
        for f in failures.items.prefix(20) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.items.isEmpty)
        #expect(failures.ran == 400)
    }

    // MARK: fuzz: the rule-file loader

    static func ruleFiles() throws -> [(name: String, text: String)] {
        let dir = TestPackage.rulesDirectory
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".toml") }.sorted().map {
            ($0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }

    /// A run of whole tables of a large rule file, about 8 KB: every construct of the file is met over
    /// the mutants, while a debug-build parse of a 120 KB file per mutant would take CI minutes.
    static func window(of bytes: [UInt8], _ rng: inout XorShift) -> [UInt8] {
        let size = 8_000
        guard bytes.count > size * 3 / 2 else { return bytes }
        var starts = [0]   // the file's top, then every line opening a table
        for i in bytes.indices where bytes[i] == UInt8(ascii: "[") && (i == 0 || bytes[i - 1] == 0x0A) { starts.append(i) }
        let first = rng.below(starts.count)
        let from = starts[first]
        let to = starts[(first + 1)...].first { $0 - from >= size } ?? bytes.count
        return Array(bytes[from..<to])
    }

    /// A TOMLError names the file and a position inside it.
    static func check(_ error: TOMLError, file: String, text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        if error.file != file { return "error names \(error.file), not \(file)" }
        if error.line < 1 || error.line > lines + 1 { return "line \(error.line) outside 1...\(lines + 1)" }
        if error.column < 1 { return "column \(error.column)" }
        if error.message.isEmpty { return "empty message" }
        if !error.description.hasPrefix("\(file):\(error.line):\(error.column): ") { return "description \(error.description)" }
        return nil
    }

    @Test func fuzzTheRuleLoader() throws {
        let files = try Self.ruleFiles()
        #expect(files.count >= 2)
        let failures = Failures()
        var loaded = 0, rejected = 0
        let counts = ResultBox<(Int, Int)>()
        counts.value = (0, 0)
        let lock = NSLock()
        let perFile = 120
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let (name, original) = files[i]
            let path = "rules/" + name
            for k in 0..<perFile {
                var rng = XorShift(seed: 0x70_4D1E &+ UInt64(i * 10_000 + k))
                var bytes = Self.window(of: Array(original.utf8), &rng)
                for _ in 0..<(1 + rng.below(4)) {
                    switch rng.below(6) {
                    case 0: // flip a byte to a TOML-significant character
                        let significant = Array("=\"'[]{},.#\n\\ 0x+-_:tfe".utf8)
                        if !bytes.isEmpty { bytes[rng.below(bytes.count)] = significant[rng.below(significant.count)] }
                    case 1: bytes.removeLast(rng.below(max(1, bytes.count)))
                    case 2: // delete a line
                        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                        if !lines.isEmpty { lines.remove(at: rng.below(lines.count)) }
                        bytes = Array(lines.joined(separator: [0x0A]))
                    case 3: // duplicate a line (duplicate keys, tables)
                        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                        if !lines.isEmpty { let l = lines[rng.below(lines.count)]; lines.insert(l, at: rng.below(lines.count + 1)) }
                        bytes = Array(lines.joined(separator: [0x0A]))
                    case 4: // insert a fragment
                        let fragments = ["[[rule]]\n", "id = \"sum.x\"\n", "a.b.c = 1\n", "x = [1, [2, [3]]]\n", "\"\"\"", "'''", "[rule]\n",
                                         "formula = \"$m.total == (\"\n", "frames = [\"nowhere\"]\n", "kind = \"formula\"\n", "= 1\n",
                                         "key = 1e999999\n", "key = 99999999999999999999999\n", "key = {a = 1, b = {c = 2}}\n",
                                         String(repeating: "[", count: 200), "\\u{D800}", "\u{0}", "\u{FEFF}"]
                        let f = Array(fragments[rng.below(fragments.count)].utf8)
                        bytes.insert(contentsOf: f, at: rng.below(bytes.count + 1))
                    default:
                        if !bytes.isEmpty { bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
                    }
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let input = bytes
                let outcome = withTimeBound(20) { () -> String? in
                    var problem: String?
                    do {
                        _ = try RuleSet.load(files: [(path: path, text: text)])
                        lock.lock(); counts.value!.0 += 1; lock.unlock()
                    } catch let error as TOMLError {
                        lock.lock(); counts.value!.1 += 1; lock.unlock()
                        problem = Self.check(error, file: path, text: text)
                    } catch {
                        problem = "threw \(type(of: error)), not a TOMLError"
                    }
                    // the raw bytes (invalid UTF-8 included) through the parser
                    do { _ = try TOML.parse(utf8: input, file: path) } catch let error as TOMLError {
                        if error.line < 1 || error.column < 1 { problem = "TOML.parse(utf8:): position \(error.line):\(error.column)" }
                    } catch {
                        problem = "TOML.parse(utf8:) threw \(type(of: error))"
                    }
                    // a rule file read as the lexicon and vice versa
                    _ = try? RuleLoader.load(text, file: path)
                    return problem
                }
                switch outcome {
                case nil: failures.add("\(name) mutant \(k) did not finish in 20 s")
                case .some(.some(let p)): failures.add("\(name) mutant \(k): \(p)")
                default: break
                }
            }
        }
        (loaded, rejected) = counts.value!
        for f in failures.items.prefix(20) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.items.isEmpty)
        #expect(loaded + rejected == files.count * perFile)
        #expect(rejected > 0 && loaded > 0, "mutants both load and fail: \(loaded) loaded, \(rejected) rejected")
    }
}
