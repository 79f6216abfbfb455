/// How serious a finding is. Ordered: info < warning < error.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, warning, error

    public var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The eight categories of the JSON contract.
public enum RuleCategory: String, Sendable, CaseIterable, Codable {
    case sum, rate, score, unit, year, consistency, status, format
}

/// What a formatter needs to know about a rule (SARIF `tool.driver.rules`, `jxlint rules list`).
public struct RuleInfo: Sendable, Hashable {
    /// kebab-case with a category prefix, e.g. "sum.expenditure-parts".
    public var id: String
    public var category: RuleCategory
    public var severity: Severity
    /// One-line Chinese title of the rule.
    public var title: String
    /// Why the rule exists and how to fix what it finds.
    public var explanation: String

    public init(id: String, category: RuleCategory, severity: Severity, title: String, explanation: String) {
        self.id = id
        self.category = category
        self.severity = severity
        self.title = title
        self.explanation = explanation
    }
}
