import Foundation
import Testing
import JXCheck
import JXFormat
import JXLint
import JXLoad
import JXRules

/// The same report saved as UTF-8, UTF-8 with BOM, GB18030, UTF-16LE/BE with BOM (and a few
/// variants) gives the same facts and the same findings at the same lines and columns, and the
/// JSON `encoding` field names the encoding.
@Suite("Encoding")
struct EncodingTests {
    static let pipeline = Pipeline(ruleSet: try! RuleSet.embedded())

    /// Characters outside the BMP (surrogate pairs in UTF-16, four bytes in GB18030) before figures:
    /// columns count Unicode scalars, so they count one each.
    static let astral = "2022年度部门整体支出绩效自评报告\n𠀀𠀁说明🙂：2022年全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n"

    static let texts: [(name: String, text: String)] = [("slip", Samples.slip), ("longer", Samples.longer), ("astral", astral)]

    struct Variant {
        var name: String
        var encoding: String
        var bytes: [UInt8]
    }

    static func variants(_ text: String) throws -> [Variant] {
        let utf8 = Array(text.utf8)
        let gb = try #require(TextDecoding.iconvEncode(text, to: "GB18030"), "iconv has no GB18030")
        let le = try #require(TextDecoding.iconvEncode(text, to: "UTF-16LE"))
        let be = try #require(TextDecoding.iconvEncode(text, to: "UTF-16BE"))
        #expect(gb != utf8)
        return [
            Variant(name: "utf-8", encoding: "utf-8", bytes: utf8),
            Variant(name: "utf-8-bom", encoding: "utf-8-bom", bytes: [0xEF, 0xBB, 0xBF] + utf8),
            Variant(name: "gb18030", encoding: "gb18030", bytes: gb),
            Variant(name: "utf-16le", encoding: "utf-16le", bytes: [0xFF, 0xFE] + le),
            Variant(name: "utf-16be", encoding: "utf-16be", bytes: [0xFE, 0xFF] + be),
        ]
    }

    /// What must not depend on the encoding: rule, place, message, evidence, related places.
    static func signature(_ report: FileReport) -> [String] {
        report.findings.map { f in
            "\(f.rule) \(f.span) \(f.message) | \(f.evidence) | " + f.related.map { "\($0.position) \($0.message)" }.joined(separator: "; ")
        }
    }

    /// `jxlint facts --format json` of a document, without its path.
    static func factsJSON(_ bytes: [UInt8], path: String) throws -> [String: Any] {
        let document = try DocumentLoader.load(bytes: bytes, path: path)
        let json = FactsFormatter.json(pipeline.facts(of: document))
        var root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        root["path"] = nil
        return root
    }

    static func canonical(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: texts.map(\.name))
    func sameFindingsAndFactsInEveryEncoding(_ name: String) throws {
        let text = try #require(Self.texts.first { $0.name == name }?.text)
        let variants = try Self.variants(text)
        let reference = Self.pipeline.report(bytes: variants[0].bytes, path: "r.txt")
        #expect(reference.error == nil)
        let referenceFacts = try Self.canonical(try Self.factsJSON(variants[0].bytes, path: "r.txt"))
        #expect(referenceFacts.contains("\"quantities\""))
        for v in variants {
            let report = Self.pipeline.report(bytes: v.bytes, path: "r.txt")
            #expect(report.error == nil, "\(v.name): \(report.error ?? "")")
            #expect(report.encoding == v.encoding, "\(v.name)")
            #expect(report.lines == reference.lines, "\(v.name): the decoded lines")
            #expect(Self.signature(report) == Self.signature(reference), "\(v.name)")
            #expect(try Self.canonical(try Self.factsJSON(v.bytes, path: "r.txt")) == referenceFacts, "\(v.name): facts")
        }
        #expect(!reference.findings.isEmpty, "the sample has findings to compare")
    }

    @Test func astralCharactersCountOneColumnEach() throws {
        for v in try Self.variants(Self.astral) {
            let report = Self.pipeline.report(bytes: v.bytes, path: "a.txt")
            let f = try #require(report.findings.first { $0.rule == "sum.expenditure-parts" }, "\(v.name)")
            // "𠀀𠀁说明🙂：2022年全年预算数" is 16 scalars: the total starts at column 17
            #expect(f.span.start.line == 2 && f.span.start.column == 17, "\(v.name): \(f.span)")
        }
    }

    @Test func lineEndingsDoNotMoveFindings() throws {
        let lf = Samples.longer
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let reference = Self.signature(Self.pipeline.report(text: lf, path: "lf.txt"))
        #expect(!reference.isEmpty)
        #expect(Self.signature(Self.pipeline.report(text: crlf, path: "crlf.txt")) == reference)
        for v in try Self.variants(crlf) {
            #expect(Self.signature(Self.pipeline.report(bytes: v.bytes, path: "crlf.txt")) == reference, "\(v.name) CRLF")
        }
        // no final newline
        #expect(Self.signature(Self.pipeline.report(text: String(lf.dropLast()), path: "nofinal.txt")) == reference)
    }

    @Test func unmarkedUTF16AndGBKAreRecognised() throws {
        let reference = Self.signature(Self.pipeline.report(text: Samples.longer))
        // UTF-16 without a byte-order mark (the README promises it): Chinese text has zero bytes on
        // both sides (ASCII on one, 一 and the ideographic space on the other) and reads all the same
        let ideographic = "　　" + Samples.longer.replacingOccurrences(of: "\n", with: "\n　　一").dropLast(3)
        let ideographicReference = Self.signature(Self.pipeline.report(text: String(ideographic)))
        #expect(!ideographicReference.isEmpty)
        for (text, expected) in [(Samples.longer, reference), (String(ideographic), ideographicReference)] {
            for name in ["utf-16le", "utf-16be"] {
                let bytes = try #require(TextDecoding.iconvEncode(text, to: name.uppercased()))
                let report = Self.pipeline.report(bytes: bytes, path: "\(name).txt")
                #expect(report.error == nil, "\(name): \(report.error ?? "")")
                #expect(report.encoding == name)
                #expect(Self.signature(report) == expected, "\(name)")
            }
        }
        // mostly-ASCII text without a BOM is recognised
        let ascii = "Budget 2022\n" + String(repeating: "Total budget 100.00, basic 30.00, project 60.00.\n", count: 20) + "预算数100.00万元。\n"
        let asciiLE = try #require(TextDecoding.iconvEncode(ascii, to: "UTF-16LE"))
        let asciiReport = Self.pipeline.report(bytes: asciiLE, path: "ascii.txt")
        #expect(asciiReport.encoding == "utf-16le", "\(asciiReport.error ?? "")")
        #expect(asciiReport.lines.last == "预算数100.00万元。")
        // GBK is a subset of GB18030: a GBK file reads as gb18030
        let gbk = try #require(TextDecoding.iconvEncode(Samples.longer, to: "GBK"))
        let report = Self.pipeline.report(bytes: gbk, path: "gbk.txt")
        #expect(report.encoding == "gb18030")
        #expect(Self.signature(report) == reference)
    }

    @Test func brokenEncodingsGetAMessage() throws {
        // odd number of bytes after a UTF-16 BOM; a UTF-8 BOM followed by invalid UTF-8
        let odd = Self.pipeline.report(bytes: [0xFF, 0xFE, 0x41, 0x00, 0x42], path: "odd.txt")
        #expect(odd.error?.isEmpty == false)
        let badBOM = Self.pipeline.report(bytes: [0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0xA0, 0xA1], path: "bom.txt")
        #expect(badBOM.error?.isEmpty == false)
        // a GB18030 file with one damaged byte: decoded or refused, never a crash
        var gb = try #require(TextDecoding.iconvEncode(Samples.longer, to: "GB18030"))
        gb[40] = 0xFF
        let damaged = Self.pipeline.report(bytes: gb, path: "damaged.txt")
        #expect(damaged.error != nil || damaged.encoding != nil)
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func commandLineNamesTheEncodingAndKeepsPositions() throws {
        let dir = TempDir()
        var names = [String]()
        for v in try Self.variants(Samples.longer) {
            try dir.write("\(v.name).txt", bytes: v.bytes)
            names.append("\(v.name).txt")
        }
        let r = try JX.run(["check", "--format", "json"] + names, cwd: dir.path)
        #expect(r.status == 1, "\(r)")
        let root = try r.json()
        let lines = Samples.longer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sources = Dictionary(uniqueKeysWithValues: names.map { ($0, lines) })
        #expect(Contract.problems(root, sources: sources).isEmpty, "\(Contract.problems(root, sources: sources))")
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["encoding"] as? String } == ["utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"])
        func strip(_ file: [String: Any]) throws -> String {
            var f = file
            f["path"] = nil
            f["encoding"] = nil
            return try Self.canonical(f)
        }
        let reference = try strip(files[0])
        for file in files { #expect(try strip(file) == reference, "\(file["path"] ?? "?")") }

        // facts --format json: the same quantities in every encoding
        var quantities = [String]()
        for name in names {
            let facts = try JX.run(["facts", "--format", "json", name], cwd: dir.path)
            #expect(facts.status == 0, "\(facts)")
            let q = try #require(try facts.json()["quantities"] as? [[String: Any]])
            #expect(!q.isEmpty)
            quantities.append(try Self.canonical(q))
        }
        #expect(Set(quantities).count == 1, "facts differ between encodings")

        // text output: the same "file:line:col" positions
        let text = try JX.run(["check"] + names, cwd: dir.path)
        let positions = names.map { name in
            text.stdout.split(separator: "\n").filter { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count) }
        }
        #expect(!positions[0].isEmpty)
        for p in positions { #expect(p == positions[0]) }
    }
}
