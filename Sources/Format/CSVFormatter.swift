import JXCore
import JXRules
import JXCheck

/// The batch summary: one row per file, ranked by risk (errors × 10 + warnings × 3 + infos,
/// then path). UTF-8 with a BOM so that Excel shows Chinese, RFC 4180 quoting, CRLF line ends.
enum CSVFormatter {
    static let header = ["path", "format", "encoding", "fiscal_year", "errors", "warnings", "infos", "risk", "top_rules", "error"]

    static func render(_ reports: [FileReport]) -> String {
        var out = "\u{FEFF}"
        out.reserveCapacity(128 + reports.count * 160)
        out += header.joined(separator: ",")
        out += "\r\n"
        for entry in Formatters.rankedByRisk(reports) {
            let report = entry.report, counts = entry.counts
            let topRules = Formatters.topRules(report).map { "\($0.rule)×\($0.count)" }.joined(separator: "; ")
            let fields = [
                report.path, report.format ?? "", report.encoding ?? "", report.fiscalYear.map(String.init) ?? "",
                String(counts.errors), String(counts.warnings), String(counts.infos), String(counts.risk),
                topRules, report.error ?? "",
            ]
            var first = true
            for field in fields {
                if !first { out += "," }
                first = false
                out += Escape.csv(field)
            }
            out += "\r\n"
        }
        return out
    }
}
