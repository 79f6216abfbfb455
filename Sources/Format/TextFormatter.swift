import JXCore
import JXRules
import JXCheck

/// Compiler-style output:
///
///     samples/slips.txt:28:13: error: 基本支出与项目支出之和与全年预算数不符 [sum.budget-parts]
///        = 822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）
///        |
///     28 | 2022年全年预算数33463.78万元，其中，…
///        |                 ^~~~~~~~
///     samples/slips.txt:28:45: note: 基本支出预算数
struct TextFormatter {
    let options: FormatOptions

    private enum Style: String {
        case bold = "\u{1B}[1m"
        case red = "\u{1B}[1;31m"
        case yellow = "\u{1B}[1;33m"
        case blue = "\u{1B}[1;34m"
        case reset = "\u{1B}[0m"
    }

    private func styled(_ text: String, _ style: Style, into out: inout String) {
        if options.color {
            out += style.rawValue
            out += text
            out += Style.reset.rawValue
        } else {
            out += text
        }
    }

    private func severityStyle(_ severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .blue
        }
    }

    func render(_ reports: [FileReport]) -> String {
        var out = ""
        var estimate = 64
        for report in reports { estimate += report.findings.count * 400 + (report.error == nil ? 0 : 120) }
        out.reserveCapacity(estimate)
        for report in reports { renderFile(report, into: &out) }
        out += Self.summaryLine(RunSummary(reports))
        out += "\n"
        return out
    }

    /// "N 个文件，E 个错误，W 个警告，I 个提示[，U 个文件无法读取]"
    static func summaryLine(_ summary: RunSummary) -> String {
        var line = "\(summary.files) 个文件，\(summary.errors) 个错误，\(summary.warnings) 个警告，\(summary.infos) 个提示"
        if summary.unreadable > 0 { line += "，\(summary.unreadable) 个文件无法读取" }
        return line
    }

    func renderFile(_ report: FileReport, into out: inout String) {
        if let error = report.error {
            styled(clean(report.path) + ":", .bold, into: &out)
            out += " "
            styled("error:", .red, into: &out)
            out += " "
            out += clean(error)
            out += "\n"
        }
        for finding in Formatters.sortedFindings(report) {
            renderFinding(finding, in: report, into: &out)
        }
    }

    private func renderFinding(_ finding: Finding, in report: FileReport, into out: inout String) {
        let path = clean(report.path)
        let start = finding.span.start
        styled("\(path):\(start.line):\(start.column):", .bold, into: &out)
        out += " "
        styled(finding.severity.rawValue + ":", severityStyle(finding.severity), into: &out)
        out += " "
        styled(clean(finding.message), .bold, into: &out)
        out += " [\(finding.rule)]"
        if let place = Formatters.place(of: finding, in: report) {
            out += " (\(clean(place)))"
        }
        out += "\n"

        let gutter = Self.run(of: UInt8(ascii: " "), count: String(max(start.line, 0)).count)
        if !finding.evidence.isEmpty {
            out += gutter
            out += " "
            styled("=", .blue, into: &out)
            out += " "
            out += clean(finding.evidence)
            out += "\n"
        }
        if start.line >= 1, start.line <= report.lines.count {
            let line = report.lines[start.line - 1]
            let endColumn: Int? = finding.span.end.line == start.line ? finding.span.end.column : nil
            let snippet = Self.snippet(line: line, startColumn: start.column, endColumn: endColumn,
                                       maxWidth: options.maxSourceWidth)
            out += gutter
            out += " "
            styled("|", .blue, into: &out)
            out += "\n"
            styled("\(start.line) |", .blue, into: &out)
            out += " "
            out += snippet.text
            out += "\n"
            out += gutter
            out += " "
            styled("|", .blue, into: &out)
            out += " "
            out += Self.run(of: UInt8(ascii: " "), count: snippet.caretOffset)
            styled("^" + Self.run(of: UInt8(ascii: "~"), count: snippet.caretWidth - 1), severityStyle(finding.severity), into: &out)
            out += "\n"
        }
        for related in finding.related {
            styled("\(path):\(related.position.line):\(related.position.column):", .bold, into: &out)
            out += " "
            styled("note:", .blue, into: &out)
            out += " "
            out += clean(related.message)
            if let place = Formatters.place(of: related, in: report) {
                out += " (\(clean(place)))"
            }
            out += "\n"
        }
    }

    /// Control characters (which could drive the terminal) and bidirectional controls (which
    /// could show a line reversed) are shown as `\u202E`; a tab or a line break as a space.
    private func clean(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || Escape.isHidden($0) }) else { return s }
        var result = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { result.append(contentsOf: Self.shown(scalar)) }
        return String(result)
    }

    /// `count` copies of one ASCII character, written as bytes (`String(repeating:count:)` went
    /// through the generic path, a tenth of printing a finding).
    static func run(of byte: UInt8, count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: byte)
            return count
        }
    }

    /// How one scalar of the input is shown in the terminal.
    static func shown(_ s: Unicode.Scalar) -> String.UnicodeScalarView {
        if s == "\t" || s == "\n" { return " ".unicodeScalars }
        if Escape.isHidden(s) { return Escape.visibleForm(s).unicodeScalars }
        return String(s).unicodeScalars
    }

    /// Display columns of one scalar as shown.
    static func shownWidth(_ s: Unicode.Scalar) -> Int {
        if s == "\t" || s == "\n" { return 1 }
        if Escape.isHidden(s) { return Escape.visibleForm(s).unicodeScalars.count }
        return DisplayWidth.of(s)
    }

    struct Snippet: Equatable {
        /// The line as shown: tabs as spaces, controls as `\u001B`, possibly a window with "…" at cut ends.
        var text: String
        /// Display columns before the first caret.
        var caretOffset: Int
        /// Display columns the carets cover (at least 1).
        var caretWidth: Int
    }

    /// The shown source line and the caret position for a span starting at `startColumn`
    /// (1-based scalars) and ending at `endColumn` (inclusive), or at the end of the line when nil.
    static func snippet(line: String, startColumn: Int, endColumn: Int?, maxWidth: Int) -> Snippet {
        let scalars = ScalarString.scalars(line)
        let n = scalars.count
        // Prefix sums of display widths: widths[i] = columns before scalar i.
        var widths = [Int](repeating: 0, count: n + 1)
        var plain = true
        for i in 0..<n {
            let s = scalars[i]
            if s.value < 0x20 || (s.value >= 0x7F && Escape.isHidden(s)) { plain = false }
            widths[i + 1] = widths[i] + shownWidth(s)
        }
        let s = min(max(startColumn - 1, 0), n)
        var e = n
        if let endColumn { e = min(max(endColumn, s + 1), n) }
        if e < s { e = s }

        var lo = 0, hi = n
        let total = widths[n]
        if total > maxWidth {
            let spanWidth = max(1, widths[e] - widths[s])
            var a: Int, b: Int
            let room = maxWidth - 2  // the two "…"
            if spanWidth >= room {
                a = widths[s]
                b = a + room
            } else {
                a = max(0, widths[s] - (room - spanWidth) / 2)
                b = min(total, a + room)
                a = max(0, b - room)
            }
            // Snap to scalar boundaries inside [a, b].
            lo = 0
            while lo < s && widths[lo] < a { lo += 1 }
            hi = n
            while hi > lo && widths[hi] > b { hi -= 1 }
            if hi < s { hi = s }
        }

        // the shown scalars gathered in one array and made into a string once: appending to a
        // string's scalar view one scalar at a time was most of the time a batch spent printing
        var shown = [Unicode.Scalar]()
        shown.reserveCapacity(hi - lo + 2)
        if lo > 0 { shown.append("…") }
        if plain {
            shown.append(contentsOf: scalars[lo..<hi])
        } else {
            for i in lo..<hi { shown.append(contentsOf: Self.shown(scalars[i])) }
        }
        if hi < n { shown.append("…") }

        let offset = (lo > 0 ? 1 : 0) + widths[s] - widths[lo]
        let caretEnd = min(e, hi)
        let width = max(1, widths[caretEnd] - widths[s])
        return Snippet(text: ScalarString.make(shown), caretOffset: offset, caretWidth: width)
    }
}
