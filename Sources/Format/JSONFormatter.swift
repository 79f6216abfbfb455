import JXCore
import JXRules
import JXCheck

/// The JSON contract (design.md), plus `location` for place-bearing findings and related
/// locations, `fingerprint` on each finding and `unreadable` in the summary.
enum JSONFormatter {
    static func render(_ reports: [FileReport], options: FormatOptions) -> String {
        var capacity = 256
        for report in reports { capacity += 256 + report.findings.count * 600 }
        var w = JSONWriter(capacity: capacity)
        w.beginObject()
        w.object("tool") { w in
            w.field("name", options.toolName)
            w.field("version", options.toolVersion)
        }
        w.array("files") { w in
            for report in reports { writeFile(report, into: &w) }
        }
        let summary = RunSummary(reports)
        w.object("summary") { w in
            w.field("files", summary.files)
            w.field("errors", summary.errors)
            w.field("warnings", summary.warnings)
            w.field("infos", summary.infos)
            w.field("unreadable", summary.unreadable)
        }
        w.endObject()
        return w.finish()
    }

    static func writeFile(_ report: FileReport, into w: inout JSONWriter) {
        w.beginObject()
        w.field("path", report.path)
        w.field("format", report.format)
        w.field("encoding", report.encoding)
        w.field("fiscalYear", report.fiscalYear)
        w.field("error", report.error)
        w.array("findings") { w in
            for finding in Formatters.sortedFindings(report) {
                writeFinding(finding, in: report, into: &w)
            }
        }
        w.endObject()
    }

    private static func writeFinding(_ finding: Finding, in report: FileReport, into w: inout JSONWriter) {
        w.beginObject()
        w.field("rule", finding.rule)
        w.field("category", finding.category.rawValue)
        w.field("severity", finding.severity.rawValue)
        w.field("line", finding.span.start.line)
        w.field("column", finding.span.start.column)
        w.field("endLine", finding.span.end.line)
        w.field("endColumn", finding.span.end.column)
        if let place = Formatters.place(of: finding, in: report) { w.field("location", place) }
        w.field("message", finding.message)
        w.field("evidence", finding.evidence)
        w.array("related") { w in
            for related in finding.related {
                w.beginObject()
                w.field("line", related.position.line)
                w.field("column", related.position.column)
                if let place = Formatters.place(of: related, in: report) { w.field("location", place) }
                w.field("message", related.message)
                w.endObject()
            }
        }
        w.field("fingerprint", finding.fingerprint)
        w.endObject()
    }
}
