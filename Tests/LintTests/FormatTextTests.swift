import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: text")
struct FormatTextTests {
    private func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    @Test func compilerStyleOutputForATextReport() {
        let out = Formatters.text([FormatFixtures.slips], options: FormatFixtures.options)
        let expected = [
            "samples/slips.txt:3:11: error: 基本支出与项目支出之和与全年预算数不符 [sum.budget-parts]",
            "  = 822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）",
            "  |",
            "3 | 2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。",
            // "2022" is 4 columns, 年全年预算数 6 × 2 = 12: the carets start at display column 16.
            "  | " + spaces(16) + "^~~~~~~~",          // 8 digits: 8 columns
            "samples/slips.txt:3:32: note: 基本支出预算数",
            "samples/slips.txt:3:48: note: 项目支出预算数",
            "samples/slips.txt:4:8: warning: 预算执行率与执行数、预算数不符 [rate.execution]",
            "  = 32542.73 / 33463.78 × 100 = 97.25% ≠ 98.5%",
            "  |",
            // The tab is shown as one space and counts one column.
            "4 |  预算执行率为98.5%。",
            "  | " + spaces(13) + "^~~~~",
            "samples/slips.txt:5:1: info: 年份不是报告年度 <script>alert(1)</script> [year.other-year]",
            "  = 2021 ≠ 2022",
            "  |",
            "5 | 2021年项目支出32542.73元。",
            "  | ^~~~~~",                                // 2021年: 4 + 2 columns
            "samples/slips.txt:5:10: warning: 金额单位疑为万元 [unit.wan-yuan]",
            "  = 32542.73 元 与上文 32542.73 万元 数值相同",
            "  |",
            "5 | 2021年项目支出32542.73元。",
            "  | " + spaces(14) + "^~~~~~~~~~",        // 32542.73元: 8 + 2 columns
            "1 个文件，1 个错误，2 个警告，1 个提示",
        ]
        #expect(out == expected.joined(separator: "\n") + "\n")
    }

    @Test func caretsUnderCJKSpan() {
        // A span over CJK text: two carets' columns per character.
        var report = FormatFixtures.slips
        report.findings = [Finding(rule: "consistency.label", category: .consistency, severity: .warning,
                                   span: FormatFixtures.span(3, 25, 3, 31), message: "m", evidence: "")]
        let out = Formatters.text([report], options: FormatOptions())
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // 2022 (4) + 年全年预算数 (12) + 33463.78 (8) + 万元，其中， (12) = 36 columns before 基.
        #expect(lines[3] == "  | " + spaces(36) + "^" + String(repeating: "~", count: 13))
        #expect(!out.contains("  = "), "no evidence line when the evidence is empty")
    }

    @Test func spanRunningPastTheLineIsCutAtItsEnd() {
        var report = FormatFixtures.slips
        report.findings = [Finding(rule: "x.y", category: .format, severity: .error,
                                   span: FormatFixtures.span(5, 10, 6, 3), message: "m", evidence: "")]
        let out = Formatters.text([report], options: FormatOptions())
        let lines = out.split(separator: "\n").map(String.init)
        // 2021年项目支出 = 14 columns; 32542.73元。 = 8 + 2 + 2 = 12 columns to the end.
        #expect(lines[3] == "  | " + spaces(14) + "^" + String(repeating: "~", count: 11))
    }

    @Test func longLinesShowAWindowWithAlignedCarets() {
        let head = String(repeating: "前言文字", count: 40)           // 160 scalars, 320 columns
        let tail = String(repeating: "abcdefghij", count: 20)       // 200 columns
        let line = head + "预算数12345.67万元" + tail
        let start = head.unicodeScalars.count + 4                   // the "1" of 12345.67
        let report = FileReport(path: "long.txt", format: "text", encoding: "utf-8", findings: [
            Finding(rule: "sum.x", category: .sum, severity: .error, span: FormatFixtures.span(1, start, 1, start + 7),
                    message: "m", evidence: "e"),
        ], lines: [line])
        let out = Formatters.text([report], options: FormatOptions())
        let lines = out.split(separator: "\n").map(String.init)
        let shown = String(lines[3].dropFirst(4))
        let carets = String(lines[4].dropFirst(4))
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(DisplayWidth.of(shown) <= 100)
        // The carets sit exactly under "12345.67".
        let offset = carets.prefix(while: { $0 == " " }).count
        #expect(carets.dropFirst(offset) == "^~~~~~~~")
        var width = 0
        var rest = Substring(shown)
        while width < offset, let c = rest.first { width += DisplayWidth.of(String(c)); rest = rest.dropFirst() }
        #expect(width == offset)
        #expect(rest.hasPrefix("12345.67万元"))
    }

    @Test func officePlacesAndNoSourceWithoutLines() {
        var report = FormatFixtures.docx
        let withLines = Formatters.text([report], options: FormatOptions())
        #expect(withLines.hasPrefix(
            "reports/部门 自评.docx:3:11: error: 执行率与预算数、执行数不符 [rate.execution] (表1 第2行 第4列)\n"
            + "  = 90 / 100 × 100 = 90% ≠ 95%\n"
            + "  |\n"
            + "3 | 合计 100 90 95%\n"
            + "  | " + spaces(12) + "^~~\n"  // 合计 (4) + tab + 100 + tab + 90 + tab = 12
            + "reports/部门 自评.docx:3:4: note: 预算数 (表1 第2行 第2列)\n"))
        report.lines = []
        let withoutLines = Formatters.text([report], options: FormatOptions())
        #expect(withoutLines == "reports/部门 自评.docx:3:11: error: 执行率与预算数、执行数不符 [rate.execution] (表1 第2行 第4列)\n"
            + "  = 90 / 100 × 100 = 90% ≠ 95%\n"
            + "reports/部门 自评.docx:3:4: note: 预算数 (表1 第2行 第2列)\n"
            + "1 个文件，1 个错误，0 个警告，0 个提示\n")
    }

    @Test func unreadableFilesAndSummary() {
        let out = Formatters.text([FormatFixtures.slips, FormatFixtures.broken, FormatFixtures.docx], options: FormatOptions())
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.contains("broken/坏文件.txt: error: not a text file (it contains NUL bytes)"))
        #expect(lines.last == "3 个文件，2 个错误，2 个警告，1 个提示，1 个文件无法读取")
        // Files keep their input order.
        let slips = lines.firstIndex { $0.hasPrefix("samples/slips.txt:") }!
        let broken = lines.firstIndex { $0.hasPrefix("broken/") }!
        let docx = lines.firstIndex { $0.hasPrefix("reports/") }!
        #expect(slips < broken && broken < docx)
    }

    @Test func cleanRunIsOneSummaryLine() {
        let clean = FileReport(path: "ok.txt", format: "text", encoding: "utf-8", fiscalYear: 2022, lines: ["一切正常。"])
        #expect(Formatters.text([clean], options: FormatOptions()) == "1 个文件，0 个错误，0 个警告，0 个提示\n")
        #expect(Formatters.text([], options: FormatOptions()) == "0 个文件，0 个错误，0 个警告，0 个提示\n")
    }

    @Test func colorsOnlyWhenAsked() {
        let plain = Formatters.text([FormatFixtures.slips], options: FormatOptions(color: false))
        #expect(!plain.contains("\u{1B}"))
        let colored = Formatters.text([FormatFixtures.slips], options: FormatOptions(color: true))
        #expect(colored.contains("\u{1B}[1msamples/slips.txt:3:11:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;34minfo:\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;34mnote:\u{1B}[0m"))
    }

    @Test func sortedByLineColumnThenRule() {
        var report = FormatFixtures.slips
        let a = Finding(rule: "b.rule", category: .sum, severity: .info, span: FormatFixtures.span(3, 2, 3, 2), message: "B", evidence: "")
        let b = Finding(rule: "a.rule", category: .sum, severity: .info, span: FormatFixtures.span(3, 2, 3, 2), message: "A", evidence: "")
        let c = Finding(rule: "a.rule", category: .sum, severity: .info, span: FormatFixtures.span(1, 9, 1, 9), message: "C", evidence: "")
        report.findings = [a, b, c]
        let heads = Formatters.text([report], options: FormatOptions()).split(separator: "\n")
            .filter { $0.hasPrefix("samples/") }.map { String($0) }
        #expect(heads == [
            "samples/slips.txt:1:9: info: C [a.rule]",
            "samples/slips.txt:3:2: info: A [a.rule]",
            "samples/slips.txt:3:2: info: B [b.rule]",
        ])
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let report = FileReport(path: "x.txt", format: "text", findings: [
            Finding(rule: "f.x", category: .format, severity: .error, span: FormatFixtures.span(1, 1, 1, 1),
                    message: "bad\u{1B}[2J", evidence: ""),
        ], lines: ["a\u{1B}[31mb\r"])
        let out = Formatters.text([report], options: FormatOptions())
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\r"))
    }

    /// The scalars `DisplayWidth.of` answers before asking the general category (ideographs, CJK
    /// punctuation before the tone marks, fullwidth forms) are wide and no mark or format
    /// character: the shortcut gives what the full rule gives.
    @Test func displayWidthShortcutAgreesWithTheFullRule() {
        for range: ClosedRange<UInt32> in [0x3000...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60] {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let category = scalar.properties.generalCategory
                #expect(category != .nonspacingMark && category != .enclosingMark && category != .format, "U+\(String(v, radix: 16))")
                #expect(DisplayWidth.of(scalar) == 2)
            }
        }
        // just past the shortcut: the tone marks combine
        #expect(DisplayWidth.of(Unicode.Scalar(0x302A)!) == 0)
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("预算") == 4)
        #expect(DisplayWidth.of("，（）：") == 8)      // fullwidth forms
        #expect(DisplayWidth.of("、。「」") == 8)      // CJK symbols and punctuation
        #expect(DisplayWidth.of("１２％") == 6)
        #expect(DisplayWidth.of("한글かなカナ") == 12)
        #expect(DisplayWidth.of("e\u{301}") == 1)      // combining acute accent
        #expect(DisplayWidth.of("𠀀") == 2)            // CJK Extension B
        #expect(DisplayWidth.of("…≠×") == 3)
    }
}
