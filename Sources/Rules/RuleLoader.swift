import Foundation
import JXCore
import JXTOML

/// Reads the `[[rule]]` tables of one rule file and validates each against the declaration of its
/// check (CheckDeclarations.swift): a key that is not declared, a value of the wrong type or a
/// placeholder no template has stops the run with `file:line:col` and the closest valid name.
public enum RuleLoader {
    public static func load(_ text: String, file: String) throws(TOMLError) -> [Rule] {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: ["rule"], file: file)
        // a default rule file as embedded: the tests load it with every check (`trusted: false`)
        let trusted = RuleFiles.snapshot(of: text, file: file) != nil
        var rules = [Rule]()
        for table in try root.tables("rule", file: file) ?? [] {
            rules.append(try rule(table, file: file, trusted: trusted))
        }
        return rules
    }

    /// `trusted`: the table is of an embedded rule file, which the tests load with every check;
    /// the checks that only validate (undeclared keys, the message's placeholders, the examples'
    /// marks) are skipped, and the examples are unmarked when asked for.
    static func rule(_ table: TOMLTable, file: String, trusted: Bool = false) throws(TOMLError) -> Rule {
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
        var check: String?
        if let checkNode = table["check"] {
            let c = try checkNode.string(file: file, key: "check")
            guard CheckDeclarations.declaration(kind, c) != nil else {
                var message = "kind '\(kind.rawValue)' has no check '\(c)'"
                if let close = TOMLTable.closest(to: c, in: Set(kind.checks)) { message += " (did you mean '\(close)'?)" }
                throw checkNode.error(message + " (expected one of: \(kind.checks.joined(separator: ", ")))", file: file)
            }
            check = c
        } else if kind != .formula {
            throw table.error("missing key 'check' in rule '\(id)' (kind '\(kind.rawValue)' checks: \(kind.checks.joined(separator: ", ")))", file: file)
        }
        guard let declaration = CheckDeclarations.declaration(kind, check) else {
            throw kindNode.error("kind '\(kind.rawValue)' needs a check", file: file)
        }

        // every other key must be a parameter the check declares, of its type
        let parameterDeclarations = declaration.allParameters
        let known = { (key: String) -> Bool in
            CheckDeclarations.commonKeys.contains(key) || (kind == .formula && CheckDeclarations.formulaKeys.contains(key))
                || parameterDeclarations.contains { $0.name == key }
        }
        // the set of every allowed key is made only for the message about one that is not
        if !trusted && table.entries.contains(where: { !known($0.key) }) {
            var allowed = CheckDeclarations.commonKeys
            if kind == .formula { allowed.formUnion(CheckDeclarations.formulaKeys) }
            allowed.formUnion(parameterDeclarations.map(\.name))
            try table.checkKeys(allowed: allowed, file: file)
        }
        var parameters = [String: ParameterValue]()
        for p in parameterDeclarations {
            if let node = table[p.name] { parameters[p.name] = try value(node, as: p, file: file) }
        }

        var formula: Formula?
        var frames = [Frame]()
        var absentRefs = [ConceptReference]()
        var alternatives = [Formula]()
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
            if let alternativeNode = table["alternatives"] {
                for text in try alternativeNode.strings(file: file, key: "alternatives") {
                    do {
                        alternatives.append(try FormulaParser.parse(text))
                    } catch {
                        throw alternativeNode.error("in 'alternatives': '\(text)': \(error.message)", file: file)
                    }
                }
            }
        }
        let messageNode = try table.required("message", file: file)
        let message = try messageNode.string(file: file, key: "message")
        if !trusted {
            try checkPlaceholders(message, node: messageNode, slots: [.label] + declaration.messageSlots, what: "message", file: file)
        }
        var messages = [String: String]()
        if let node = table["messages"] {
            let t = try node.table(file: file, key: "messages")
            messages = try templates(t, declared: declaration.messages, extra: [.label], what: "message", file: file)
        }
        var ownEvidence = [String: String]()
        if let node = table["evidence"] {
            let t = try node.table(file: file, key: "evidence")
            ownEvidence = try templates(t, declared: declaration.evidence, extra: [], what: "evidence template", file: file)
        }
        let title = try table.string("title", file: file) ?? message
        let explanation = try table.string("explanation", file: file) ?? ""
        var examples = [RuleExample]()
        for (key, fails) in [("pass", false), ("fail", true)] {
            if let node = table[key] {
                for item in try node.array(file: file, key: key) {
                    let text = try item.string(file: file, key: key)
                    if trusted {
                        examples.append(RuleExample(text: text, fails: fails, position: item.position))
                        continue
                    }
                    guard let (plain, marks) = RuleExample.unmark(text) else {
                        throw item.error("unbalanced ⟦ ⟧ marks in a '\(key)' example (mark the figure a finding must point at as ⟦98.70%⟧)", file: file)
                    }
                    if !fails && !marks.isEmpty {
                        throw item.error("a 'pass' example has nothing to point at: ⟦ ⟧ marks belong in 'fail' examples", file: file)
                    }
                    examples.append(RuleExample(text: plain, fails: fails, position: item.position, marks: marks))
                }
            }
        }
        if !examples.contains(where: { $0.fails }) || !examples.contains(where: { !$0.fails }) {
            throw table.error("rule '\(id)' needs at least one 'pass' and one 'fail' example", file: file)
        }
        var rule = Rule(info: RuleInfo(id: id, category: category, severity: severity, title: title, explanation: explanation),
                        kind: kind, check: check, message: message, formula: formula, frames: frames, parameters: parameters,
                        examples: examples, enabled: try table.bool("enabled", file: file) ?? true, file: file, position: table.position)
        rule.absent = absentRefs
        rule.alternatives = alternatives
        rule.messages = messages
        rule.ownEvidence = ownEvidence
        if trusted { rule.setMarkedExamples(examples) }
        rule.resolveEvidence(.embedded)
        return rule
    }

    /// A parameter's value, of its declared type.
    static func value(_ node: TOMLNode, as p: ParameterDeclaration, file: String) throws(TOMLError) -> ParameterValue {
        func mismatch() -> TOMLError {
            let article = p.type == .int || p.type == .integers ? "an" : "a"
            return node.error("expected \(article) \(p.type.rawValue) for '\(p.name)', found \(node.value.typeDescription) ('\(p.name)': \(p.doc))", file: file)
        }
        switch p.type {
        case .words:
            guard case .array = node.value else { throw mismatch() }
            let words = try node.strings(file: file, key: p.name)
            if let empty = words.firstIndex(where: \.isEmpty) { throw node.error("'\(p.name)': entry \(empty + 1) is empty", file: file) }
            return .words(WordSet(words))
        case .decimal:
            switch node.value {
            case .integer, .decimal: return .decimal(try node.decimal(file: file, key: p.name))
            default: throw mismatch()
            }
        case .int:
            guard case .integer = node.value else { throw mismatch() }
            return .int(try node.int(file: file, key: p.name))
        case .integers:
            guard case .array(let items) = node.value else { throw mismatch() }
            var out = [Int]()
            for item in items { out.append(try item.int(file: file, key: p.name)) }
            return .integers(out)
        case .bool:
            guard case .bool(let b) = node.value else { throw mismatch() }
            return .bool(b)
        case .string:
            guard case .string(let s) = node.value else { throw mismatch() }
            if !p.allowed.isEmpty && !p.allowed.contains(s) {
                var message = "'\(p.name)' must be one of: \(p.allowed.joined(separator: ", ")), not '\(s)'"
                if let close = TOMLTable.closest(to: s, in: Set(p.allowed)) { message += " (did you mean '\(close)'?)" }
                throw node.error(message, file: file)
            }
            return .string(s)
        }
    }

    /// A table of named templates (`messages`, `evidence`, a table of rules/evidence.toml): every
    /// name declared, every value a string whose placeholders the template has.
    static func templates(_ table: TOMLTable, declared: [TemplateDeclaration], extra: [Slot], what: String,
                          file: String) throws(TOMLError) -> [String: String] {
        if declared.isEmpty, let first = table.entries.first {
            throw first.error("this check has no named \(what)s", file: file)
        }
        try table.checkKeys(allowed: declared.map(\.name), file: file)
        var out = [String: String]()
        for d in declared {
            guard let node = table[d.name] else { continue }
            let text = try node.string(file: file, key: d.name)
            try checkPlaceholders(text, node: node, slots: extra + d.slots, what: "\(what) '\(d.name)'", file: file)
            out[d.name] = text
        }
        return out
    }

    /// Every `{name}` of a template must be one of its slots.
    static func checkPlaceholders(_ text: String, node: TOMLNode, slots: [Slot], what: String, file: String) throws(TOMLError) {
        for (name, offset) in Templates.placeholders(in: text) where !slots.contains(where: { $0.rawValue == name }) {
            let names = Set(slots.map(\.rawValue))
            var message = "unknown placeholder '{\(name)}' in \(what)"
            if let close = TOMLTable.closest(to: name, in: names) { message += " (did you mean '{\(close)}'?)" }
            message += names.isEmpty ? " (it has none)" : " (placeholders: \(slots.map { "{\($0.rawValue)}" }.joined(separator: " ")))"
            // on one line the column is exact (escapes aside): the quote, then the offset
            let column = text.contains("\n") ? node.position.column : node.position.column + 1 + offset
            throw TOMLError(file: file, line: node.position.line, column: column, message: message)
        }
    }

    static func validateID(_ id: String, node: TOMLNode, file: String) throws(TOMLError) {
        let ok = !id.isEmpty && id.unicodeScalars.allSatisfy { ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) || $0 == "-" || $0 == "." }
            && id.utf8.contains(UInt8(ascii: ".")) && !id.hasPrefix(".") && !id.hasSuffix(".") && !id.hasSuffix("-")
        if !ok { throw node.error("rule id '\(id)' must be kebab-case with a category prefix, e.g. 'sum.budget-parts'", file: file) }
    }
}
