import JXCore
import JXRules
import JXCheck

/// Output written as a batch goes (issue 12): text and JSON come out a file at a time, in input
/// order, each file's report dropped once written; the JSON is still the one object of the
/// contract, byte for byte what `Formatters.json` gives for the same reports. CSV (ranked by
/// risk), SARIF (its run lists every artifact before the results) and the HTML index need every
/// file: they keep a light copy of each report (findings and the places they point at, not the
/// text) and are rendered at the end.
public struct StreamingOutput {
    public let format: OutputFormat
    public let options: FormatOptions
    private var summary = RunSummary([])
    private var jsonFiles = 0
    /// Light reports kept for the formats rendered at the end.
    public private(set) var kept: [FileReport] = []

    public init(format: OutputFormat, options: FormatOptions) {
        self.format = format
        self.options = options
    }

    /// What opens the output ("" for text; the JSON object up to its `files` array).
    public func begin() -> String {
        guard format == .json else { return "" }
        var w = JSONWriter(capacity: 128)
        w.beginObject()
        w.object("tool") { w in
            w.field("name", options.toolName)
            w.field("version", options.toolVersion)
        }
        w.key("files")
        w.beginArray()
        return w.output
    }

    /// One file's part of the output as UTF-8 (`file`): the JSON a writer made is handed on as
    /// its bytes, not made into a `String` first.
    public mutating func fileUTF8(_ report: FileReport) -> [UInt8] {
        guard format == .json else { return Array(file(report).utf8) }
        summary.add(report)
        var w = JSONWriter(containers: [true, true], afterKey: true)
        JSONFormatter.writeFile(report, into: &w)
        var piece = Array((jsonFiles == 0 ? "\n    " : ",\n    ").utf8)
        piece += w.utf8
        jsonFiles += 1
        return piece
    }

    /// One file's part of the output, written as soon as its report is known (input order).
    public mutating func file(_ report: FileReport) -> String {
        summary.add(report)
        switch format {
        case .text:
            var out = ""
            TextFormatter(options: options).renderFile(report, into: &out)
            return out
        case .json:
            // inside the root object and its files array, after the previous file or the "["
            var w = JSONWriter(containers: [true, true], afterKey: true)
            JSONFormatter.writeFile(report, into: &w)
            let piece = (jsonFiles == 0 ? "\n    " : ",\n    ") + w.output
            jsonFiles += 1
            return piece
        case .csv, .sarif, .html:
            kept.append(Self.light(report))
            return ""
        }
    }

    /// What closes the output: the text summary line, the JSON summary, or the whole CSV/SARIF
    /// rendered from the light reports. (HTML is written by the command, page by page.)
    public func end() -> String {
        switch format {
        case .text:
            return TextFormatter.summaryLine(summary) + "\n"
        case .json:
            var out = jsonFiles == 0 ? "]" : "\n  ]"
            var w = JSONWriter(containers: [true], afterKey: false)
            w.object("summary") { w in
                w.field("files", summary.files)
                w.field("errors", summary.errors)
                w.field("warnings", summary.warnings)
                w.field("infos", summary.infos)
                w.field("unreadable", summary.unreadable)
            }
            out += w.output
            out += "\n}\n"
            return out
        case .csv: return Formatters.csv(kept, options: options)
        case .sarif: return Formatters.sarif(kept, options: options)
        case .html: return ""
        }
    }

    /// The run's totals so far.
    public var totals: RunSummary { summary }

    /// A report without its source text: the findings, and the places of the lines they point at
    /// (all that CSV, SARIF and the HTML index read).
    public static func light(_ report: FileReport) -> FileReport {
        var light = report
        light.lines = []
        var places = [Int: String]()
        for f in report.findings {
            if let p = report.linePlaces[f.span.start.line] { places[f.span.start.line] = p }
            for r in f.related { if let p = report.linePlaces[r.position.line] { places[r.position.line] = p } }
        }
        light.linePlaces = places
        return light
    }
}

extension RunSummary {
    /// Adds one file's counts.
    public mutating func add(_ report: FileReport) {
        let counts = FileCounts(report)
        files += 1
        errors += counts.errors
        warnings += counts.warnings
        infos += counts.infos
        if report.error != nil { unreadable += 1 }
    }
}
