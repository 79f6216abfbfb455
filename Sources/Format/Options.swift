import JXCore
import JXRules
import JXCheck

/// The output formats of `jxlint check --format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, sarif, html, csv
}

/// What every formatter may need beyond the reports themselves.
public struct FormatOptions: Sendable {
    public var toolName: String
    public var toolVersion: String
    /// Written as SARIF `tool.driver.informationUri` when set.
    public var informationURI: String?
    /// ANSI colours in text output.
    public var color: Bool
    /// Rule metadata: SARIF `tool.driver.rules`, explanations on HTML pages.
    public var rules: [RuleInfo]
    /// When set, SARIF declares it as `originalUriBaseIds.SRCROOT` and absolute paths under it
    /// are written relative to it.
    public var baseDirectory: String?
    /// Text output: the widest source line shown, in display columns (longer lines are cut
    /// to a window around the span, with "…" at the cut ends).
    public var maxSourceWidth: Int
    /// HTML pages link back to this index page when set (`htmlSite` sets it to "index.html").
    public var htmlIndexHref: String?

    public init(toolName: String = "jxlint", toolVersion: String = "0.1.0", informationURI: String? = nil,
                color: Bool = false, rules: [RuleInfo] = [], baseDirectory: String? = nil, maxSourceWidth: Int = 100,
                htmlIndexHref: String? = nil) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.color = color
        self.rules = rules
        self.baseDirectory = baseDirectory
        self.maxSourceWidth = max(20, maxSourceWidth)
        self.htmlIndexHref = htmlIndexHref
    }
}

/// One file an output format produces (HTML output is a set of pages plus an index).
public struct RenderedFile: Sendable, Hashable {
    /// A bare file name, safe on every file system (no directory part).
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}

/// Finding counts of one file.
public struct FileCounts: Sendable, Hashable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    public init(_ report: FileReport) {
        for finding in report.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    public var total: Int { errors + warnings + infos }
    /// The CSV risk score: errors × 10 + warnings × 3 + infos.
    public var risk: Int { errors * 10 + warnings * 3 + infos }
}

/// Totals over a run: the summary of text and JSON output.
public struct RunSummary: Sendable, Hashable {
    public var files = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Files that could not be read (`FileReport.error` set).
    public var unreadable = 0

    public init(_ reports: [FileReport]) {
        files = reports.count
        for report in reports {
            let counts = FileCounts(report)
            errors += counts.errors
            warnings += counts.warnings
            infos += counts.infos
            if report.error != nil { unreadable += 1 }
        }
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .info: return infos
        }
    }
}
