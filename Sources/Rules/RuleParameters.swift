import Foundation
import JXCore

/// The type of a rule parameter, as a rule file writes it.
public enum ParameterType: String, Sendable {
    /// `["每", "人均"]`: words, matched on Unicode scalars (a `WordSet`).
    case words = "word list"
    /// `0.02`, `3`: an exact number.
    case decimal
    /// `5`: a whole number.
    case int = "integer"
    /// `[-1]`: whole numbers.
    case integers = "integer list"
    case bool = "boolean"
    case string
}

/// A parameter value read from a rule file (or a declared default).
public enum ParameterValue: Sendable, Hashable {
    case words(WordSet)
    case decimal(Decimal)
    case int(Int)
    case integers([Int])
    case bool(Bool)
    case string(String)

    /// As a rule file would write it.
    public var shown: String {
        switch self {
        case .words(let w): return "[" + w.words.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .decimal(let d): return NSDecimalNumber(decimal: d).stringValue
        case .int(let i): return String(i)
        case .integers(let a): return "[" + a.map(String.init).joined(separator: ", ") + "]"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// A Swift type a parameter can have.
public protocol RuleParameterValue: Sendable {
    static var parameterType: ParameterType { get }
    init?(parameter: ParameterValue)
    var parameter: ParameterValue { get }
}

extension WordSet: RuleParameterValue {
    public static var parameterType: ParameterType { .words }
    public init?(parameter: ParameterValue) { if case .words(let w) = parameter { self = w } else { return nil } }
    public var parameter: ParameterValue { .words(self) }
}

extension Decimal: RuleParameterValue {
    public static var parameterType: ParameterType { .decimal }
    public init?(parameter: ParameterValue) { if case .decimal(let d) = parameter { self = d } else { return nil } }
    public var parameter: ParameterValue { .decimal(self) }
}

extension Int: RuleParameterValue {
    public static var parameterType: ParameterType { .int }
    public init?(parameter: ParameterValue) { if case .int(let i) = parameter { self = i } else { return nil } }
    public var parameter: ParameterValue { .int(self) }
}

extension Array: RuleParameterValue where Element == Int {
    public static var parameterType: ParameterType { .integers }
    public init?(parameter: ParameterValue) { if case .integers(let a) = parameter { self = a } else { return nil } }
    public var parameter: ParameterValue { .integers(self) }
}

extension Bool: RuleParameterValue {
    public static var parameterType: ParameterType { .bool }
    public init?(parameter: ParameterValue) { if case .bool(let b) = parameter { self = b } else { return nil } }
    public var parameter: ParameterValue { .bool(self) }
}

extension String: RuleParameterValue {
    public static var parameterType: ParameterType { .string }
    public init?(parameter: ParameterValue) { if case .string(let s) = parameter { self = s } else { return nil } }
    public var parameter: ParameterValue { .string(self) }
}

/// What a check declares about one parameter: its key in the rule file, its type, its default and
/// a line of documentation (`jxlint rules show ID`).
public struct ParameterDeclaration: Sendable {
    public var name: String
    public var type: ParameterType
    public var defaultValue: ParameterValue
    public var doc: String
    /// For strings: the values allowed (empty: any).
    public var allowed: [String]
}

/// A typed parameter: checks read `rule[.nearRatio]`, never a key string. Declared once (see
/// CheckDeclarations.swift); the default applies when the rule file leaves the key out. Word
/// lists default to no words: the words of the genre live in the rule files, not in Swift.
public struct Parameter<Value: RuleParameterValue>: Sendable {
    public let name: String
    /// `ParameterKey.of(name)`: a rule finds the parameter's value by this number, not by its name
    /// (names of parameters are long, and a check reads several per document); the keys of all
    /// declared parameters differ (RulesTests).
    public let key: Int
    public let defaultValue: Value
    public let doc: String
    public let allowed: [String]

    public init(_ name: String, default value: Value, allowed: [String] = [], doc: String) {
        self.name = name
        self.key = ParameterKey.of(name)
        self.defaultValue = value
        self.doc = doc
        self.allowed = allowed
    }

    public var declaration: ParameterDeclaration {
        ParameterDeclaration(name: name, type: Value.parameterType, defaultValue: defaultValue.parameter, doc: doc, allowed: allowed)
    }
}

public enum ParameterKey {
    /// FNV-1a of the name's bytes.
    public static func of(_ name: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }
}

extension Parameter where Value == WordSet {
    public init(_ name: String, doc: String) { self.init(name, default: WordSet(), doc: doc) }
}

/// A placeholder of a message or evidence template: `{label}`, `{stated}`, `{difference}` …
/// Checks fill them in by this enum, so a misspelt placeholder in Swift does not compile and one in
/// a rule file is refused when the file is loaded.
public enum Slot: String, Sendable, CaseIterable {
    case label, part, base, row, name, title, header
    case computation, computed, stated, difference, relation, left, right, sum, total
    case figure, figureNamed = "figure_named", other, otherNamed = "other_named", others
    case count, yuan, largest, ratio, readAs = "read_as", writtenIn = "written_in"
    case year, fiscalYear = "fiscal_year", titleYear = "title_year", fiscalCount = "fiscal_count", titleCount = "title_count"
    case otherYears = "other_years", text, line, prior
    case target, actual, status, outcome, claims
    case score, weight, cap, sectionCap = "section_cap", grade, excellent, good, pass

    /// One line on what the check puts there.
    public var doc: String {
        switch self {
        case .label: return "the label of the main figure (its last 24 characters)"
        case .part: return "the label of the part"
        case .base: return "the label (or name) of the whole a share is taken of"
        case .row: return "the name of the table row"
        case .name: return "the name of the indicator or group"
        case .title: return "the caption of the sheet's section"
        case .header: return "the column's header"
        case .computation: return "the arithmetic written out with the report's figures"
        case .computed: return "what the arithmetic gives"
        case .stated: return "the figure as the report states it"
        case .difference: return "the difference between them, with its unit"
        case .relation: return "the comparison of the rule (≤, ≥ …)"
        case .left: return "the left side of the rule with its value"
        case .right: return "the right side of the rule with its value"
        case .sum: return "the sum"
        case .total: return "the total"
        case .figure: return "the figure with its unit"
        case .figureNamed: return "the figure with its label"
        case .other: return "the other figure with its unit"
        case .otherNamed: return "the other figure with its label"
        case .others: return "the related figures"
        case .count: return "how many amounts the report states in its usual unit"
        case .yuan: return "the figure converted to yuan"
        case .largest: return "the largest amount the report states in yuan"
        case .ratio: return "how many times larger"
        case .readAs: return "the unit that makes the relation hold"
        case .writtenIn: return "the unit as written"
        case .year: return "the year the figure is dated to"
        case .fiscalYear: return "the report's fiscal year"
        case .titleYear: return "the year in the title"
        case .fiscalCount: return "how often the body names the fiscal year"
        case .titleCount: return "how often the body names the title's year"
        case .otherYears: return "the years of the other figures"
        case .text: return "the text found"
        case .line: return "the line of the first statement"
        case .prior: return "the previous year's figure (stated or derived)"
        case .target: return "the indicator's target with its comparator"
        case .actual: return "the value reached"
        case .status: return "what the status cell says"
        case .outcome: return "what happened to the target (one of the outcome templates)"
        case .claims: return "what the row claims (claim templates, joined by 、)"
        case .score: return "the score given"
        case .weight: return "the weight (full marks)"
        case .cap: return "the cap written into a name or caption"
        case .sectionCap: return "the cap of the section's caption"
        case .grade: return "the grade the text states"
        case .excellent: return "the lowest score of the top grade"
        case .good: return "the lowest score of the second grade"
        case .pass: return "the pass mark"
        }
    }
}

/// A named text a check uses: an alternative message of a rule, or an evidence template.
public struct TemplateDeclaration: Sendable {
    public var name: String
    public var slots: [Slot]
    public var doc: String

    public init(_ name: String, _ slots: [Slot], doc: String) {
        self.name = name
        self.slots = slots
        self.doc = doc
    }
}

/// An alternative message of a rule (`messages.NAME = "…"` in the rule); without it the rule's
/// `message` is used.
public struct MessageTemplate: Sendable {
    public let declaration: TemplateDeclaration
    public init(_ name: String, _ slots: [Slot], doc: String) { declaration = TemplateDeclaration(name, slots, doc: doc) }
    public var name: String { declaration.name }
}

/// An evidence template: its text lives in rules/evidence.toml (one table per check kind), and a
/// rule may reword it with `evidence.NAME = "…"`. Swift formats the arithmetic; the words are data.
public struct EvidenceTemplate: Sendable {
    public let declaration: TemplateDeclaration
    public let kind: RuleKind
    public init(_ kind: RuleKind, _ name: String, _ slots: [Slot], doc: String) {
        self.kind = kind
        declaration = TemplateDeclaration(name, slots, doc: doc)
    }
    public var name: String { declaration.name }
}

/// Filling in templates.
public enum Templates {
    /// Replaces each `{slot}` by its value; text in braces that is not a slot stays as written.
    public static func render(_ template: String, _ values: [Slot: String]) -> String {
        // by UTF-8 bytes: a finding renders its message and evidence, and String.UnicodeScalarView
        // appended a scalar at a time (tens of thousands of instructions per finding)
        let s = Array(template.utf8)
        guard s.contains(UInt8(ascii: "{")) else { return template }
        var out = [UInt8]()
        out.reserveCapacity(s.count + 64)
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "{"), let close = placeholderEnd(s, from: i, code: { UInt32($0) }) {
                let name = String(decoding: s[(i + 1)..<close], as: UTF8.self)
                if let slot = Slot(rawValue: name), let value = values[slot] {
                    out.append(contentsOf: value.utf8)
                    i = close + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The placeholder names of a template, with their offsets (in scalars) from its start.
    public static func placeholders(in template: String) -> [(name: String, offset: Int)] {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return [] }
        let s = Array(template.unicodeScalars)
        var out = [(String, Int)]()
        var i = 0
        while i < s.count {
            if s[i] == "{", let close = placeholderEnd(s, from: i, code: \.value) {
                out.append((ScalarString.make(s[(i + 1)..<close]), i))
                i = close + 1
                continue
            }
            i += 1
        }
        return out
    }

    /// `{name}` with a lower-case ASCII name (letters, digits, `_`): the index of its `}`. `code`
    /// reads an element (a scalar or a UTF-8 byte; the name is ASCII in both).
    static func placeholderEnd<Element>(_ s: [Element], from i: Int, code: (Element) -> UInt32) -> Int? {
        var k = i + 1
        while k < s.count, k - i <= 40 {
            let v = code(s[k])
            if v == 125 { return k > i + 1 ? k : nil }   // "}"
            guard (v >= 97 && v <= 122) || (v >= 48 && v <= 57) || v == 95 else { return nil }
            k += 1
        }
        return nil
    }
}
