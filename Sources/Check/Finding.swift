import JXCore
import JXRules

/// One place where a report contradicts itself.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var category: RuleCategory
    public var severity: Severity
    /// The main number (or phrase) the finding is about.
    public var span: SourceSpan
    /// A readable place for .docx/.xlsx ("表5 第3行 第7列", "Sheet1!C7"); nil for text files.
    public var place: String?
    /// Chinese message, e.g. "基本支出与项目支出之和与全年预算数不符".
    public var message: String
    /// The arithmetic, e.g. "822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）".
    public var evidence: String
    /// The other numbers involved.
    public var related: [RelatedLocation]
    /// Content fingerprint for baselines: stable when lines move (rule + normalized sentence text).
    public var fingerprint: String

    public init(rule: String, category: RuleCategory, severity: Severity, span: SourceSpan, place: String? = nil,
                message: String, evidence: String, related: [RelatedLocation] = [], fingerprint: String = "") {
        self.rule = rule
        self.category = category
        self.severity = severity
        self.span = span
        self.place = place
        self.message = message
        self.evidence = evidence
        self.related = related
        self.fingerprint = fingerprint
    }
}

public struct RelatedLocation: Sendable, Hashable {
    public var position: SourcePosition
    public var place: String?
    public var message: String

    public init(position: SourcePosition, place: String? = nil, message: String) {
        self.position = position
        self.place = place
        self.message = message
    }
}

/// Everything reported about one input file.
public struct FileReport: Sendable {
    public var path: String
    /// "text", "markdown", "docx", "xlsx", "pdf"; nil when the file could not be read.
    public var format: String?
    public var encoding: String?
    public var fiscalYear: Int?
    /// A per-file failure ("not a text file (it contains NUL bytes)"); findings are then empty.
    public var error: String?
    public var findings: [Finding]
    /// The original lines (1-based line N is `lines[N-1]`), for showing source text; empty on error.
    public var lines: [String]
    /// Readable places of lines for .docx/.xlsx, keyed by line number.
    public var linePlaces: [Int: String]

    public init(path: String, format: String? = nil, encoding: String? = nil, fiscalYear: Int? = nil,
                error: String? = nil, findings: [Finding] = [], lines: [String] = [], linePlaces: [Int: String] = [:]) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.fiscalYear = fiscalYear
        self.error = error
        self.findings = findings
        self.lines = lines
        self.linePlaces = linePlaces
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
