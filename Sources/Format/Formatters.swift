import JXCore
import JXRules
import JXCheck

/// Findings → text | json | sarif | html | csv. Every function is pure and deterministic:
/// the same reports and options always give the same bytes.
public enum Formatters {
    /// Compiler-style diagnostics for the whole run, ending with a summary line.
    public static func text(_ reports: [FileReport], options: FormatOptions) -> String {
        TextFormatter(options: options).render(reports)
    }

    /// The JSON contract of design.md, pretty-printed with two-space indents, keys in contract order.
    public static func json(_ reports: [FileReport], options: FormatOptions) -> String {
        JSONFormatter.render(reports, options: options)
    }

    /// A SARIF 2.1.0 log with one run.
    public static func sarif(_ reports: [FileReport], options: FormatOptions) -> String {
        SARIFFormatter(reports: reports, options: options).render()
    }

    /// One self-contained HTML page for one report.
    public static func htmlPage(_ report: FileReport, options: FormatOptions) -> String {
        HTMLFormatter(options: options).page(report)
    }

    /// The batch index page: every file ranked by risk, each linking to `pageNames[i]`
    /// (the page of `reports[i]`).
    public static func htmlIndex(_ reports: [FileReport], pageNames: [String], options: FormatOptions) -> String {
        HTMLFormatter(options: options).index(reports, pageNames: pageNames)
    }

    /// The batch summary: UTF-8 with a BOM, RFC 4180 quoting, CRLF, one row per file ranked by risk.
    public static func csv(_ reports: [FileReport], options: FormatOptions) -> String {
        CSVFormatter.render(reports)
    }

    /// A stable, safe file name for the HTML page of the report at `index` (0-based) of a batch:
    /// "0001-<sanitized base name>.html". Letters and digits of any script are kept; everything
    /// else becomes "_"; the name stays under 120 UTF-8 bytes and never starts with a dot.
    public static func htmlPageFileName(for path: String, index: Int) -> String {
        HTMLFormatter.pageFileName(for: path, index: index)
    }

    /// The index page's file name used by `htmlSite`.
    public static let htmlIndexFileName = "index.html"

    /// Every page of an HTML batch: `index.html` first, then one page per report.
    public static func htmlSite(_ reports: [FileReport], options: FormatOptions) -> [RenderedFile] {
        let names = reports.indices.map { htmlPageFileName(for: reports[$0].path, index: $0) }
        var files: [RenderedFile] = []
        files.reserveCapacity(reports.count + 1)
        files.append(RenderedFile(name: htmlIndexFileName, contents: htmlIndex(reports, pageNames: names, options: options)))
        var pageOptions = options
        if pageOptions.htmlIndexHref == nil { pageOptions.htmlIndexHref = htmlIndexFileName }
        for (report, name) in zip(reports, names) {
            files.append(RenderedFile(name: name, contents: htmlPage(report, options: pageOptions)))
        }
        return files
    }

    /// The single-document formats (text, json, sarif, csv) as one string. For `.html` this is
    /// the page of a single report, or the index page when there are several (use `htmlSite`
    /// to get all pages).
    public static func render(_ reports: [FileReport], as format: OutputFormat, options: FormatOptions) -> String {
        switch format {
        case .text: return text(reports, options: options)
        case .json: return json(reports, options: options)
        case .sarif: return sarif(reports, options: options)
        case .csv: return csv(reports, options: options)
        case .html:
            if reports.count == 1 { return htmlPage(reports[0], options: options) }
            let names = reports.indices.map { htmlPageFileName(for: reports[$0].path, index: $0) }
            return htmlIndex(reports, pageNames: names, options: options)
        }
    }

    /// A report's findings in output order: by line, column, rule id (then input order).
    public static func sortedFindings(_ report: FileReport) -> [Finding] {
        sortedFindings(report.findings)
    }

    static func sortedFindings(_ findings: [Finding]) -> [Finding] {
        if findings.count < 2 { return findings }
        return findings.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.span.start.line != y.span.start.line { return x.span.start.line < y.span.start.line }
            if x.span.start.column != y.span.start.column { return x.span.start.column < y.span.start.column }
            if x.rule != y.rule { return x.rule < y.rule }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Reports ranked by the CSV risk score (descending), then path.
    static func rankedByRisk(_ reports: [FileReport]) -> [(offset: Int, report: FileReport, counts: FileCounts)] {
        reports.enumerated().map { ($0.offset, $0.element, FileCounts($0.element)) }.sorted { a, b in
            if a.counts.risk != b.counts.risk { return a.counts.risk > b.counts.risk }
            if a.report.path != b.report.path { return a.report.path < b.report.path }
            return a.offset < b.offset
        }
    }

    /// A finding's readable place: its own, else the place of its line.
    static func place(of finding: Finding, in report: FileReport) -> String? {
        nonEmpty(finding.place) ?? nonEmpty(report.linePlaces[finding.span.start.line])
    }

    static func place(of related: RelatedLocation, in report: FileReport) -> String? {
        nonEmpty(related.place) ?? nonEmpty(report.linePlaces[related.position.line])
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    /// The up-to-`limit` most frequent rule ids of a report, most frequent first, ties by id.
    static func topRules(_ report: FileReport, limit: Int = 3) -> [(rule: String, count: Int)] {
        var counts: [String: Int] = [:]
        for finding in report.findings { counts[finding.rule, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }
}

extension Severity {
    /// Chinese UI label.
    var chineseLabel: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}

extension RuleCategory {
    /// Chinese UI label.
    var chineseLabel: String {
        switch self {
        case .sum: return "求和"
        case .rate: return "比率"
        case .score: return "评分"
        case .unit: return "单位"
        case .year: return "年度"
        case .consistency: return "前后一致"
        case .status: return "完成状态"
        case .format: return "格式"
        }
    }
}
