import Foundation
import JXCore

/// The built-in check families the engine implements; a rule picks one and parameterizes it.
public enum RuleKind: String, Sendable, CaseIterable {
    case formula, parts, share, change, unit, year, consistency, status, score, table, pattern

    /// Named checks of each family (`check = "…"` in a rule); formula rules have none.
    public var checks: [String] { CheckDeclarations.checks(of: self) }
}

/// Where a formula's inputs must all be found.
public enum Frame: String, Sendable, CaseIterable {
    /// clause < sentence < paragraph < section (the paragraphs under one heading) < document (all
    /// running text); a table row; a table. `run`: the figures of a sentence up to a percentage,
    /// after the percentage before it ("计划金额A，实际金额B，节约资金C，节约率P%，其中货物类…节约率Q%":
    /// one run per rate, where the sentence holds each concept several times).
    case clause, sentence, paragraph, section, document, row, table, run
}

public struct RuleExample: Sendable {
    /// The text, without the ⟦ ⟧ marks.
    public var text: String
    /// true: the rule must report something on this text; false: it must stay silent.
    public var fails: Bool
    public var position: SourcePosition
    /// Spans of `text` marked ⟦…⟧ in a fail example (lines and columns of the text itself): a
    /// finding of the rule must start at or cover each.
    public var marks: [SourceSpan] = []

    public init(text: String, fails: Bool, position: SourcePosition, marks: [SourceSpan] = []) {
        self.text = text
        self.fails = fails
        self.position = position
        self.marks = marks
    }

    /// The example with its marks taken out (a text whose marks are known to balance).
    static func unmarked(_ marked: RuleExample) -> RuleExample {
        guard let (plain, marks) = unmark(marked.text) else { return marked }
        return RuleExample(text: plain, fails: marked.fails, position: marked.position, marks: marks)
    }

    public static let markOpen: Unicode.Scalar = "\u{27E6}"
    public static let markClose: Unicode.Scalar = "\u{27E7}"

    /// The text without its marks and the marked spans; nil with a reason when the marks are unbalanced.
    public static func unmark(_ marked: String) -> (text: String, marks: [SourceSpan])? {
        // on the UTF-8 bytes: ⟦ and ⟧ are E2 9F A6 / E2 9F A7; lines and columns count scalars
        var utf8 = marked.utf8.makeIterator()
        var hasMark = false
        while let b = utf8.next() {
            if b == 0xE2, utf8.next() == 0x9F, let c = utf8.next(), c == 0xA6 || c == 0xA7 {
                hasMark = true
                break
            }
        }
        // most examples have no marks (every pass example)
        if !hasMark { return (marked, []) }
        let bytes = Array(marked.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var marks = [SourceSpan]()
        var line = 1, column = 1
        var open: SourcePosition?
        var last = SourcePosition(line: 1, column: 1)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            if b == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x9F, bytes[k + 2] == 0xA6 || bytes[k + 2] == 0xA7 {
                if bytes[k + 2] == 0xA6 {
                    if open != nil { return nil }
                    open = SourcePosition(line: line, column: column)
                } else {
                    guard let start = open, start != SourcePosition(line: line, column: column) else { return nil }
                    marks.append(SourceSpan(start: start, end: last))
                    open = nil
                }
                k += 3
                continue
            }
            // one scalar: its length from its first byte (a String's UTF-8 is valid)
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            for j in k..<min(k + length, bytes.count) { out.append(bytes[j]) }
            last = SourcePosition(line: line, column: column)
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            k += length
        }
        if open != nil { return nil }
        return (String(decoding: out, as: UTF8.self), marks)
    }
}

public struct Rule: Sendable {
    /// The rule's fields, held once and shared by its copies (copy on write): the checker passes
    /// rules to every check of every document, and a copy of the fields retained each of them.
    final class Storage: @unchecked Sendable {
        var info: RuleInfo
        var kind: RuleKind
        var check: String?
        var message: String
        var messages: [String: String] = [:]
        var ownEvidence: [String: String] = [:]
        var evidence: [String: String] = [:]
        var formula: Formula?
        var frames: [Frame]
        var absent: [ConceptReference] = []
        var alternatives: [Formula] = []
        var parameters: [String: ParameterValue] { didSet { parameterList = Storage.list(parameters) } }
        /// The same, as a list: a check reads a few parameters per document, and a name compared in
        /// a list of a handful costs less than one hashed into the dictionary.
        var parameterList: [(key: Int, name: String, value: ParameterValue)] = []

        static func list(_ parameters: [String: ParameterValue]) -> [(key: Int, name: String, value: ParameterValue)] {
            parameters.map { (ParameterKey.of($0.key), $0.key, $0.value) }
        }
        var examples: [RuleExample]
        /// The examples of an embedded rule file as written (marks in): unmarked when asked for
        /// (`rules test`, `rules show`), not at every start.
        var markedExamples: [RuleExample] = []
        var enabled: Bool
        var file: String
        var position: SourcePosition

        init(info: RuleInfo, kind: RuleKind, check: String?, message: String, formula: Formula?, frames: [Frame], parameters: [String: ParameterValue], examples: [RuleExample], enabled: Bool, file: String, position: SourcePosition) {
            self.info = info
            self.kind = kind
            self.check = check
            self.message = message
            self.formula = formula
            self.frames = frames
            self.parameters = parameters
            parameterList = Storage.list(parameters)
            self.examples = examples
            self.enabled = enabled
            self.file = file
            self.position = position
        }

        func copy() -> Storage {
            let c = Storage(info: info, kind: kind, check: check, message: message, formula: formula, frames: frames, parameters: parameters, examples: examples, enabled: enabled, file: file, position: position)
            c.messages = messages
            c.ownEvidence = ownEvidence
            c.evidence = evidence
            c.absent = absent
            c.alternatives = alternatives
            c.markedExamples = markedExamples
            return c
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    public var info: RuleInfo {
        get { storage.info }
        set { unique().info = newValue }
    }
    public var kind: RuleKind {
        get { storage.kind }
        set { unique().kind = newValue }
    }
    public var check: String? {
        get { storage.check }
        set { unique().check = newValue }
    }
    /// The Chinese message; `{label}` is replaced by the label of the main figure.
    public var message: String {
        get { storage.message }
        set { unique().message = newValue }
    }
    /// Alternative messages by name (`messages.NAME = "…"`); a name left out uses `message`.
    public var messages: [String: String] {
        get { storage.messages }
        set { unique().messages = newValue }
    }
    /// The rule's own evidence templates (`evidence.NAME = "…"`), over those of rules/evidence.toml.
    public var ownEvidence: [String: String] {
        get { storage.ownEvidence }
        set { unique().ownEvidence = newValue }
    }
    /// The evidence templates in force: rules/evidence.toml's for the rule's kind, then its own.
    public var evidence: [String: String] {
        get { storage.evidence }
        set { unique().evidence = newValue }
    }
    public var formula: Formula? {
        get { storage.formula }
        set { unique().formula = newValue }
    }
    public var frames: [Frame] {
        get { storage.frames }
        set { unique().frames = newValue }
    }
    /// Formula rules: concepts whose presence in the frame makes the formula not apply.
    public var absent: [ConceptReference] {
        get { storage.absent }
        set { unique().absent = newValue }
    }
    /// Formula rules: other ways the same figures may be reckoned (a balance from the funds that
    /// arrived rather than the budget); the formula fails only when none of them holds either.
    public var alternatives: [Formula] {
        get { storage.alternatives }
        set { unique().alternatives = newValue }
    }
    /// The parameters the rule file sets (validated against the check's declaration).
    public var parameters: [String: ParameterValue] {
        get { storage.parameters }
        set { unique().parameters = newValue }
    }
    public var examples: [RuleExample] {
        get { storage.markedExamples.isEmpty ? storage.examples : storage.markedExamples.map(RuleExample.unmarked) }
        set {
            let s = unique()
            s.examples = newValue
            s.markedExamples = []
        }
    }

    /// Examples read from an embedded rule file, whose marks the tests check (`examples` unmarks them).
    mutating func setMarkedExamples(_ marked: [RuleExample]) {
        let s = unique()
        s.examples = []
        s.markedExamples = marked
    }
    public var enabled: Bool {
        get { storage.enabled }
        set { unique().enabled = newValue }
    }
    public var file: String {
        get { storage.file }
        set { unique().file = newValue }
    }
    public var position: SourcePosition {
        get { storage.position }
        set { unique().position = newValue }
    }

    public init(info: RuleInfo, kind: RuleKind, check: String?, message: String, formula: Formula? = nil, frames: [Frame] = [],
                parameters: [String: ParameterValue] = [:], examples: [RuleExample] = [], enabled: Bool = true,
                file: String = "", position: SourcePosition = SourcePosition(line: 1, column: 1)) {
        storage = Storage(info: info, kind: kind, check: check, message: message, formula: formula, frames: frames, parameters: parameters, examples: examples, enabled: enabled, file: file, position: position)
        self.evidence = EvidenceTexts.embedded.templates(for: kind)
    }

    public var id: String { info.id }
    public var severity: Severity { info.severity }
    public var category: RuleCategory { info.category }

    @usableFromInline var parameterList: [(key: Int, name: String, value: ParameterValue)] { storage.parameterList }

    /// What the rule's check declares (parameters, messages, evidence).
    public var declaration: CheckDeclaration? { CheckDeclarations.declaration(kind, check) }

    /// A parameter: the rule file's value, or the declared default. (Inlinable: the checks read
    /// parameters per document, and the unspecialized generic went through metadata and witnesses.)
    @inlinable
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value {
        assert(declaration?.allParameters.contains { $0.name == parameter.name } ?? false,
               "check \(kind.rawValue)/\(check ?? "-") does not declare '\(parameter.name)'")
        // by key alone: no two declared parameters share one (a test holds every declaration to
        // it), and a rule holds declared parameters only; comparing the names too was most of a
        // read (the checks read a few hundred per document)
        let key = parameter.key
        for entry in parameterList where entry.key == key { return Value(parameter: entry.value) ?? parameter.defaultValue }
        return parameter.defaultValue
    }

    /// The rank of the rule when findings about one place are merged.
    public var mergeRank: Decimal { self[.mergeRank] }

    /// The numbers the rule file sets, by key (`merge_rank` …), for code outside the checks such as
    /// the merge of findings about one place; checks read `rule[.name]` with its default.
    public var numbers: [String: Decimal] {
        get {
            var out = [String: Decimal]()
            for (key, value) in parameters {
                switch value {
                case .decimal(let d): out[key] = d
                case .int(let i): out[key] = Decimal(i)
                default: break
                }
            }
            return out
        }
        set {
            for (key, value) in parameters where newValue[key] == nil {
                if case .decimal = value { parameters[key] = nil }
                if case .int = value { parameters[key] = nil }
            }
            for (key, value) in newValue {
                let isInt = declaration?.allParameters.first { $0.name == key }?.type == .int
                parameters[key] = isInt ? .int(NSDecimalNumber(decimal: value).intValue) : .decimal(value)
            }
        }
    }

    /// The number the rule file sets for `key`, if it sets one (`numbers[key]` without building
    /// the dictionary of every number: the merge ranks are read for every rule at each start).
    public func number(_ key: String) -> Decimal? {
        switch parameters[key] {
        case .decimal(let d): d
        case .int(let i): Decimal(i)
        default: nil
        }
    }

    /// A number the rule file sets, or `value`.
    public func number(_ key: String, default value: Decimal) -> Decimal { number(key) ?? value }

    /// The main message (`nil`) or a named alternative, filled in.
    public func message(_ template: MessageTemplate?, _ values: [Slot: String]) -> String {
        let text = template.flatMap { messages[$0.name] } ?? message
        return Templates.render(text, values)
    }

    /// An evidence template, filled in.
    public func evidence(_ template: EvidenceTemplate, _ values: [Slot: String]) -> String {
        assert(template.kind == kind, "evidence '\(template.name)' belongs to kind \(template.kind.rawValue)")
        assert(Set(template.declaration.slots).isSubset(of: Set(values.keys)), "evidence '\(template.name)' needs \(template.declaration.slots)")
        return Templates.render(evidence[template.name] ?? "", values)
    }

    /// Resolves the evidence templates in force from a rule set's evidence texts.
    mutating func resolveEvidence(_ texts: EvidenceTexts) {
        let templates = texts.templates(for: kind)
        evidence = ownEvidence.isEmpty ? templates : templates.merging(ownEvidence) { _, own in own }
    }
}
