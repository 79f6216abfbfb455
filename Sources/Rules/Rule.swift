import Foundation
import JXCore

/// The built-in check families the engine implements; a rule picks one and parameterizes it.
public enum RuleKind: String, Sendable, CaseIterable {
    case formula, parts, share, change, unit, year, consistency, status, score, table, pattern

    /// Named checks of each family (`check = "…"` in a rule); formula rules have none.
    public var checks: [String] {
        switch self {
        case .formula: return []
        case .parts: return ["exceeds-whole", "complete-list", "near-complete"]
        case .share: return ["share", "shares-over-100"]
        case .change: return ["difference", "growth-rate", "year-on-year"]
        case .unit: return ["same-number-two-units", "mixed-units-in-relation", "out-of-scale", "out-of-scale-wan"]
        case .year: return ["title-vs-body", "fiscal-statement", "same-figure-two-years", "mixed-years-in-relation"]
        case .consistency: return ["same-concept", "prose-vs-table"]
        case .status: return ["indicator-target", "indicator-met-declared-missed"]
        case .score: return ["item-above-cap", "items-vs-total", "section-caps", "prose-total", "grade"]
        case .table: return ["subtotals", "children"]
        case .pattern: return ["text"]
        }
    }
}

/// Where a formula's inputs must all be found.
public enum Frame: String, Sendable, CaseIterable {
    /// clause < sentence < paragraph < section (the paragraphs under one heading) < document (all
    /// running text); a table row; a table.
    case clause, sentence, paragraph, section, document, row, table
}

public struct RuleExample: Sendable {
    public var text: String
    /// true: the rule must report something on this text; false: it must stay silent.
    public var fails: Bool
    public var position: SourcePosition
}

public struct Rule: Sendable {
    public var info: RuleInfo
    public var kind: RuleKind
    public var check: String?
    /// The Chinese message; `{label}` is replaced by the label of the main figure.
    public var message: String
    public var formula: Formula?
    public var frames: [Frame]
    /// Formula rules: concepts whose presence in the frame makes the formula not apply.
    public var absent: [ConceptReference] = []
    /// Word lists of the rule ("comparison_words = [...]").
    public var words: [String: [String]]
    /// Numeric parameters ("near_ratio = 0.02").
    public var numbers: [String: Decimal]
    public var examples: [RuleExample]
    public var enabled: Bool
    public var file: String
    public var position: SourcePosition

    public var id: String { info.id }
    public var severity: Severity { info.severity }
    public var category: RuleCategory { info.category }

    public func words(_ key: String) -> [String] { words[key] ?? [] }
    public func number(_ key: String, default value: Decimal) -> Decimal { numbers[key] ?? value }
}

/// The default rule set, or one loaded with --rules: the lexicon and the rules.
public struct RuleSet: Sendable {
    public var lexicon: Lexicon
    public var rules: [Rule]

    public init(lexicon: Lexicon, rules: [Rule]) {
        self.lexicon = lexicon
        self.rules = rules
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The rule set embedded in the binary (rules/*.toml at build time).
    public static func embedded() throws(TOMLError) -> RuleSet {
        try load(files: EmbeddedRules.files.map { ("rules/" + $0.name, $0.text) })
    }

    /// Reads every *.toml of a directory: lexicon.toml is the lexicon, the others hold rules.
    public static func load(directory: String) throws(TOMLError) -> RuleSet {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }.sorted()
        } catch {
            throw TOMLError(file: directory, line: 1, column: 1, message: "cannot read the rules directory")
        }
        var files = [(String, String)]()
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TOMLError(file: path, line: 1, column: 1, message: "cannot read the rule file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TOMLError(file: path, line: 1, column: 1, message: "rule files must be UTF-8")
            }
            files.append((path, text))
        }
        return try load(files: files)
    }

    public static func load(files: [(path: String, text: String)]) throws(TOMLError) -> RuleSet {
        var lexicon = Lexicon()
        var layouts = TableLayouts()
        // a rule set of one's own without a vocabulary file reads with the default words
        var vocabulary = Vocabulary.embedded
        var rules = [Rule]()
        var seen = [String: (String, SourcePosition)]()
        for (path, text) in files {
            switch (path as NSString).lastPathComponent {
            case "lexicon.toml":
                lexicon = try LexiconLoader.load(text, file: path)
                continue
            case "tables.toml":
                layouts = try TableLayouts.load(text, file: path)
                continue
            case "vocabulary.toml":
                vocabulary = try Vocabulary.load(text, file: path)
                continue
            default:
                break
            }
            for rule in try RuleLoader.load(text, file: path) {
                if let (file, pos) = seen[rule.id] {
                    throw TOMLError(file: path, line: rule.position.line, column: rule.position.column,
                                    message: "duplicate rule id '\(rule.id)' (first defined at \(file):\(pos.line):\(pos.column))")
                }
                seen[rule.id] = (path, rule.position)
                rules.append(rule)
            }
        }
        lexicon.tables = layouts
        lexicon.vocabulary = vocabulary
        return RuleSet(lexicon: lexicon, rules: rules)
    }
}

/// Reads the `[[rule]]` tables of one rule file.
public enum RuleLoader {
    static let commonKeys: Set<String> = ["id", "category", "severity", "kind", "check", "title", "message", "explanation", "pass", "fail", "enabled"]
    static let formulaKeys: Set<String> = ["formula", "frames", "absent"]

    public static func load(_ text: String, file: String) throws(TOMLError) -> [Rule] {
        let root = try TOML.parse(text, file: file)
        try root.checkKeys(allowed: ["rule"], file: file)
        var rules = [Rule]()
        for table in try root.tables("rule", file: file) ?? [] {
            rules.append(try rule(table, file: file))
        }
        return rules
    }

    static func rule(_ table: TOMLTable, file: String) throws(TOMLError) -> Rule {
        let idNode = try table.required("id", file: file)
        let id = try idNode.string(file: file, key: "id")
        try validateID(id, node: idNode, file: file)
        let categoryNode = try table.required("category", file: file)
        let categoryText = try categoryNode.string(file: file, key: "category")
        guard let category = RuleCategory(rawValue: categoryText) else {
            throw categoryNode.error("unknown category '\(categoryText)' (expected one of: \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", ")))", file: file)
        }
        if !id.hasPrefix(category.rawValue + ".") {
            throw idNode.error("rule id '\(id)' must start with its category: '\(category.rawValue).'", file: file)
        }
        let severityNode = try table.required("severity", file: file)
        let severityText = try severityNode.string(file: file, key: "severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw severityNode.error("unknown severity '\(severityText)' (expected error, warning or info)", file: file)
        }
        let kindNode = try table.required("kind", file: file)
        let kindText = try kindNode.string(file: file, key: "kind")
        guard let kind = RuleKind(rawValue: kindText) else {
            throw kindNode.error("unknown kind '\(kindText)' (expected one of: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", ")))", file: file)
        }
        // kind-specific keys: formulas have formula/frames; the others word lists and numbers
        var allowed = commonKeys
        if kind == .formula { allowed.formUnion(formulaKeys) }
        var words = [String: [String]]()
        var numbers = [String: Decimal]()
        for entry in table.entries where !commonKeys.contains(entry.key) && !(kind == .formula && formulaKeys.contains(entry.key)) {
            switch entry.node.value {
            case .array:
                words[entry.key] = try entry.node.strings(file: file, key: entry.key)
                allowed.insert(entry.key)
            case .integer, .decimal:
                numbers[entry.key] = try entry.node.decimal(file: file, key: entry.key)
                allowed.insert(entry.key)
            default:
                break
            }
        }
        try table.checkKeys(allowed: allowed, file: file)

        var check: String?
        if let checkNode = table["check"] {
            let c = try checkNode.string(file: file, key: "check")
            guard kind.checks.contains(c) else {
                throw checkNode.error("kind '\(kind.rawValue)' has no check '\(c)' (expected one of: \(kind.checks.joined(separator: ", ")))", file: file)
            }
            check = c
        } else if kind != .formula {
            throw table.error("missing key 'check' in rule '\(id)' (kind '\(kind.rawValue)' checks: \(kind.checks.joined(separator: ", ")))", file: file)
        }
        var formula: Formula?
        var frames = [Frame]()
        var absentRefs = [ConceptReference]()
        if kind == .formula {
            let node = try table.required("formula", file: file)
            let text = try node.string(file: file, key: "formula")
            do {
                formula = try FormulaParser.parse(text)
            } catch {
                // the column inside the formula string, counted from the opening quote
                throw TOMLError(file: file, line: node.position.line, column: node.position.column + error.column,
                                message: "in formula: \(error.message)")
            }
            let frameNode = try table.required("frames", file: file)
            for name in try frameNode.strings(file: file, key: "frames") {
                guard let frame = Frame(rawValue: name) else {
                    throw frameNode.error("unknown frame '\(name)' (expected one of: \(Frame.allCases.map(\.rawValue).joined(separator: ", ")))", file: file)
                }
                frames.append(frame)
            }
            if frames.isEmpty { throw frameNode.error("'frames' must name at least one frame", file: file) }
            if let absentNode = table["absent"] {
                for text in try absentNode.strings(file: file, key: "absent") {
                    guard let parsed = try? FormulaParser.parse(text + " == 0"), case .reference(let ref) = parsed.lhs else {
                        throw absentNode.error("in 'absent': '\(text)' is not a concept reference such as 'budget[$x]'", file: file)
                    }
                    absentRefs.append(ref)
                }
            }
        }
        let message = try table.required("message", file: file).string(file: file, key: "message")
        let title = try table.string("title", file: file) ?? message
        let explanation = try table.string("explanation", file: file) ?? ""
        var examples = [RuleExample]()
        for (key, fails) in [("pass", false), ("fail", true)] {
            if let node = table[key] {
                for item in try node.array(file: file, key: key) {
                    examples.append(RuleExample(text: try item.string(file: file, key: key), fails: fails, position: item.position))
                }
            }
        }
        if !examples.contains(where: { $0.fails }) || !examples.contains(where: { !$0.fails }) {
            throw table.error("rule '\(id)' needs at least one 'pass' and one 'fail' example", file: file)
        }
        var rule = Rule(info: RuleInfo(id: id, category: category, severity: severity, title: title, explanation: explanation),
                        kind: kind, check: check, message: message, formula: formula, frames: frames, words: words,
                        numbers: numbers, examples: examples, enabled: try table.bool("enabled", file: file) ?? true,
                        file: file, position: table.position)
        rule.absent = absentRefs
        return rule
    }

    static func validateID(_ id: String, node: TOMLNode, file: String) throws(TOMLError) {
        let ok = !id.isEmpty && id.unicodeScalars.allSatisfy { ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) || $0 == "-" || $0 == "." }
            && id.contains(".") && !id.hasPrefix(".") && !id.hasSuffix(".") && !id.hasSuffix("-")
        if !ok { throw node.error("rule id '\(id)' must be kebab-case with a category prefix, e.g. 'sum.budget-parts'", file: file) }
    }
}
