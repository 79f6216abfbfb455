import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

/// What the outputs do with hostile text, where HTML pages go, and how they render Chinese.
@Suite struct OutputSafetyTests {
    static let rlo = "\u{202E}"

    /// A report whose text, label, path and error carry bidirectional and other controls.
    static func hostileReport() -> FileReport {
        let finding = Finding(rule: "sum.expenditure-parts", category: .sum, severity: .error,
                              span: FormatFixtures.span(1, 3, 1, 8), place: "表1\u{202D}第2行",
                              message: "基本支出\(rlo)与项目支出之和不符", evidence: "30 + 60 = 90 ≠ 100\u{2066}\u{1B}[2J",
                              related: [RelatedLocation(position: SourcePosition(line: 1, column: 1), message: "项目\(rlo)支出 60")],
                              fingerprint: "x")
        return FileReport(path: "dir/a\(rlo)txt.exe", format: "text", encoding: "utf-8", fiscalYear: 2022,
                          findings: [finding], lines: ["预算\(rlo)100.00万元，其中\u{200F}基本支出30"])
    }

    static let hidden: [Unicode.Scalar] = ["\u{202E}", "\u{202D}", "\u{2066}", "\u{200F}", "\u{1B}"]

    @Test func controlsAreShownNotObeyed() throws {
        let report = Self.hostileReport()
        let options = FormatOptions(rules: [])
        let outputs = [
            ("text", Formatters.text([report], options: options)),
            ("html", Formatters.htmlPage(report, options: options)),
            ("html index", Formatters.htmlIndex([report], pageNames: ["p.html"], options: options)),
            ("sarif", Formatters.sarif([report], options: options)),
            ("csv", Formatters.csv([report], options: options)),
            ("json", Formatters.json([report], options: options)),
        ]
        for (name, out) in outputs {
            for scalar in Self.hidden {
                #expect(!out.unicodeScalars.contains(scalar), "\(name) passes U+\(String(scalar.value, radix: 16, uppercase: true)) through")
            }
        }
        for (name, out) in outputs where name != "json" && name != "html index" {
            #expect(out.contains("\\u202E"), "\(name) shows U+202E as \\u202E")
        }
        #expect(outputs[0].1.contains("基本支出\\u202E与项目支出之和不符"))
        // the HTML page: the path, the message, the related note, the source line
        #expect(outputs[1].1.components(separatedBy: "\\u202E").count >= 5, "\(outputs[1].1)")
        // JSON escapes them, and the values are unchanged
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outputs[5].1.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["path"] as? String == report.path)
        let finding = try #require((file["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == report.findings[0].message)
        #expect(outputs[5].1.contains("\\u202e"))
    }

    @Test func textCaretsStayUnderTheirSpanPastAnEscape() {
        // 预算\u202E100: the escape takes six columns, the caret moves with it
        let line = "预算\(Self.rlo)100.00万元"
        let snippet = TextFormatterProbe.snippet(line: line, startColumn: 4, endColumn: 9)
        #expect(snippet.text == "预算\\u202E100.00万元")
        #expect(snippet.caretOffset == 4 + 6)
    }

    @Test func csvCellsAreNeverFormulas() throws {
        var reports = [FileReport]()
        for name in ["=HYPERLINK(\"http://x\").txt", "+1.txt", "-2.txt", "@SUM(A1).txt", "\tx.txt", "ok.txt"] {
            reports.append(FileReport(path: name, format: "text", encoding: "utf-8", fiscalYear: 2022))
        }
        reports.append(FileReport(path: "bad.txt", error: "=1+1 cannot be read"))
        let csv = Formatters.csv(reports, options: FormatOptions())
        let cells = CSVProbe.parse(csv)
        #expect(cells.count == reports.count + 1)
        for row in cells.dropFirst() {
            for cell in row {
                if let first = cell.unicodeScalars.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "cell '\(cell)' would be evaluated")
                }
            }
        }
        #expect(cells.contains { $0.first == "'=HYPERLINK(\"http://x\").txt" })
        #expect(cells.contains { $0.last == "'=1+1 cannot be read" })
        #expect(cells.contains { $0.first == "ok.txt" }, "an ordinary name is untouched")
    }

    @Test func pagesNameACJKFontStackAndKeepRuleIDsWhole() {
        let page = Formatters.htmlPage(Self.hostileReport(), options: FormatOptions())
        for font in ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun"] {
            #expect(page.contains("\"\(font)\""), "font stack names \(font)")
        }
        let ruleStyle = page.components(separatedBy: "\n").first { $0.contains("code.rule") && $0.contains("{") } ?? ""
        #expect(ruleStyle.contains("white-space: nowrap") && ruleStyle.contains("word-break: keep-all"), "\(ruleStyle)")
        let noteStyle = page.components(separatedBy: "\n").first { $0.contains("div.note {") } ?? ""
        #expect(noteStyle.contains("word-break: normal"), "notes inside the source table do not inherit break-all: \(noteStyle)")
    }
}

/// The text formatter's snippet, reached through rendering (it is internal to JXFormat).
enum TextFormatterProbe {
    struct Snippet { var text: String; var caretOffset: Int }

    static func snippet(line: String, startColumn: Int, endColumn: Int) -> Snippet {
        let finding = Finding(rule: "sum.x", category: .sum, severity: .error, span: FormatFixtures.span(1, startColumn, 1, endColumn),
                              message: "m", evidence: "")
        let out = Formatters.text([FileReport(path: "a.txt", format: "text", findings: [finding], lines: [line])], options: FormatOptions())
        let rows = out.components(separatedBy: "\n")
        let source = rows.first { $0.hasPrefix("1 | ") } ?? ""
        let carets = rows.first { $0.contains("^") } ?? ""
        let text = String(source.dropFirst(4))
        // "  | " then spaces up to the caret
        let afterBar = carets.dropFirst(4)
        return Snippet(text: text, caretOffset: afterBar.prefix { $0 == " " }.count)
    }
}

/// A small RFC 4180 reader for the tests.
enum CSVProbe {
    static func parse(_ text: String) -> [[String]] {
        var rows = [[String]]()
        var row = [String]()
        var cell = ""
        var quoted = false
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        chars.append("\n")
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if quoted {
                if c == "\"" {
                    if k + 1 < chars.count && chars[k + 1] == "\"" { cell.append("\""); k += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell); cell = ""
                if row != [""] { rows.append(row) }
                row = []
            } else {
                cell.append(c)
            }
            k += 1
        }
        return rows
    }
}

/// HTML pages on disk: one page for one report, a folder for several.
@Suite("HTML output", .enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint (swift build)"))
struct HTMLOutputTests {
    @Test func aPageNameForOneReport() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("clean.txt", Samples.clean)
        let one = try JX.run(["check", "--format", "html", "--output", "report.html", "slip.txt"], cwd: dir.path)
        #expect(one.status == 1, "\(one)")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir.url("report.html"), isDirectory: &isDir) && !isDir.boolValue, "a file, not a folder")
        let page = try String(contentsOfFile: dir.url("report.html"), encoding: .utf8)
        #expect(page.lowercased().hasPrefix("<!doctype html") && page.contains("sum.expenditure-parts"))

        let several = try JX.run(["check", "--format", "html", "--output", "both.html", "slip.txt", "clean.txt"], cwd: dir.path)
        #expect(several.status == 2, "\(several)")
        #expect(several.stderr.contains("folder"), "\(several)")
        #expect(!FileManager.default.fileExists(atPath: dir.url("both.html")))
        // a folder name still gets the site
        let site = try JX.run(["check", "--format", "html", "--output", "site", "slip.txt", "clean.txt"], cwd: dir.path)
        #expect(site.status == 1)
        #expect(FileManager.default.fileExists(atPath: dir.url("site/index.html")))
    }

    @Test func severalReportsWithoutOutputSayWhereThePagesAre() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("clean.txt", Samples.clean)
        let r = try JX.run(["check", "--format", "html", "slip.txt", "clean.txt"], cwd: dir.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.lowercased().hasPrefix("<!doctype html"), "the index on standard output")
        // "… written to /tmp/jxlint-html.XXXX/ (open …/index.html)"
        let words = r.stderr.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "\n" }).map(String.init)
        let folder = try #require(words.first { $0.contains("jxlint-html") && $0.hasSuffix("/") }, "stderr names the folder: \(r)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.contains("index.html") && names.count == 3, "\(names)")
        for name in names where name != "index.html" {
            #expect(r.stdout.contains(name), "the index links to \(name)")
        }
    }
}
