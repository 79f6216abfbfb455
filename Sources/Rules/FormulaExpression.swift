import Foundation
import JXCore

/// The formula language of `kind = "formula"` rules:
///
///     rate.execution[$x] == spend[$x] / budget[$x] * 100
///     budget.total == budget.basic + budget.project + budget.govinvest?
///     carryover[$x] == budget[$x] - spend[$x]
///     budget[$x] == budget@initial[$x] + sum(carryin[$x]) + sum(adjust[$x])
///
/// A reference is MEASURE.ITEM or MEASURE[ITEM] (ITEM may be a variable `$x`, bound to the same
/// item throughout the formula), `rate.ID` / `rate.ID[ITEM]` for rates, `score` / `weight` for
/// scores. `@initial` / `@adjusted` / `@any` select a qualifier (default: not the initial budget).
/// A trailing `?` makes a reference optional (absent → 0); `sum(ref)` adds every matching figure
/// (none → 0); `abs(…)` is the magnitude. `count.ITEM` is a count of people or things (编制数,
/// 在编人数). Operators: + − * / with the usual precedence, parentheses, decimal constants;
/// one comparison (== <= >= < > !=) at the top.
public indirect enum FormulaExpression: Sendable, Hashable, CustomStringConvertible {
    case reference(ConceptReference)
    case sum(ConceptReference)
    case constant(Decimal)
    case negate(FormulaExpression)
    case absolute(FormulaExpression)
    case binary(Character, FormulaExpression, FormulaExpression)

    public var description: String {
        switch self {
        case .reference(let r): return r.description
        case .sum(let r): return "sum(\(r))"
        case .constant(let d): return NSDecimalNumber(decimal: d).stringValue
        case .negate(let e): return "-\(e)"
        case .absolute(let e): return "abs(\(e))"
        case .binary(let op, let a, let b): return "(\(a) \(op) \(b))"
        }
    }

    /// The references added up with `sum(…)`.
    public var summedReferences: [ConceptReference] {
        switch self {
        case .sum(let r): return [r]
        case .reference, .constant: return []
        case .negate(let e), .absolute(let e): return e.summedReferences
        case .binary(_, let a, let b): return a.summedReferences + b.summedReferences
        }
    }

    public var references: [ConceptReference] {
        switch self {
        case .reference(let r), .sum(let r): return [r]
        case .constant: return []
        case .negate(let e), .absolute(let e): return e.references
        case .binary(_, let a, let b): return a.references + b.references
        }
    }
}

public struct ConceptReference: Sendable, Hashable, CustomStringConvertible {
    /// A measure id ("budget", "spend", "score") or nil for a rate.
    public var measure: String?
    /// A rate id ("execution") when this is a rate.
    public var rate: String?
    /// An item id, or a variable name starting with "$".
    public var item: String
    /// nil: any qualifier except "initial"; "any": all; otherwise that qualifier.
    public var qualifier: String?
    public var optional: Bool

    public var isVariable: Bool { item.hasPrefix("$") }

    public var description: String {
        let head = rate.map { "rate.\($0)" } ?? (measure ?? "?")
        return head + "[\(item)]" + (qualifier.map { "@\($0)" } ?? "") + (optional ? "?" : "")
    }
}

public struct Formula: Sendable, Hashable, CustomStringConvertible {
    public enum Relation: String, Sendable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    }

    public var lhs: FormulaExpression
    public var relation: Relation
    public var rhs: FormulaExpression
    public var source: String

    public var description: String { source }
    public var references: [ConceptReference] { lhs.references + rhs.references }
}

/// Parses formulas; errors carry the 1-based column in the formula text.
public enum FormulaParser {
    public struct Failure: Error, Sendable {
        public var column: Int
        public var message: String
    }

    public static func parse(_ text: String) throws(Failure) -> Formula {
        var p = Parser(Array(text.unicodeScalars))
        let lhs = try p.expression()
        p.skipSpace()
        guard let relation = p.relation() else {
            throw Failure(column: p.i + 1, message: p.atEnd ? "expected a comparison (==, <=, >=, <, >, !=)" : "expected a comparison, found '\(p.peekWord())'")
        }
        let rhs = try p.expression()
        p.skipSpace()
        if !p.atEnd { throw Failure(column: p.i + 1, message: "unexpected '\(p.peekWord())' after the formula") }
        return Formula(lhs: lhs, relation: relation, rhs: rhs, source: text)
    }

    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0
        var depth = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        var atEnd: Bool { i >= s.count }

        mutating func skipSpace() { while i < s.count && (s[i] == " " || s[i] == "\t") { i += 1 } }

        func peekWord() -> String {
            var j = i
            var out = ""
            while j < s.count && s[j] != " " && out.count < 12 { out.unicodeScalars.append(s[j]); j += 1 }
            return out
        }

        mutating func relation() -> Formula.Relation? {
            for r in [Formula.Relation.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] {
                let w = Array(r.rawValue.unicodeScalars)
                if i + w.count <= s.count && Array(s[i..<(i + w.count)]) == w {
                    i += w.count
                    return r
                }
            }
            return nil
        }

        mutating func expression() throws(Failure) -> FormulaExpression {
            depth += 1
            defer { depth -= 1 }
            if depth > 40 { throw Failure(column: i + 1, message: "formula nested too deeply") }
            var left = try term()
            while true {
                skipSpace()
                guard i < s.count, s[i] == "+" || s[i] == "-" else { return left }
                let op = Character(s[i])
                i += 1
                left = .binary(op, left, try term())
            }
        }

        mutating func term() throws(Failure) -> FormulaExpression {
            var left = try factor()
            while true {
                skipSpace()
                guard i < s.count, s[i] == "*" || s[i] == "/" else { return left }
                let op = Character(s[i])
                i += 1
                left = .binary(op, left, try factor())
            }
        }

        mutating func factor() throws(Failure) -> FormulaExpression {
            skipSpace()
            guard i < s.count else { throw Failure(column: i + 1, message: "expected a value, found the end of the formula") }
            let ch = s[i]
            if ch == "-" {
                i += 1
                return .negate(try factor())
            }
            if ch == "(" {
                i += 1
                let e = try expression()
                skipSpace()
                guard i < s.count, s[i] == ")" else { throw Failure(column: i + 1, message: "expected ')'") }
                i += 1
                return e
            }
            if ch.properties.numericType != nil || (ch.value >= 48 && ch.value <= 57) {
                let start = i
                while i < s.count && ((s[i].value >= 48 && s[i].value <= 57) || s[i] == ".") { i += 1 }
                let literal = ScalarString.make(s[start..<i])
                // Decimal(string:) would read "1.2.3" as 1.2
                guard literal.filter({ $0 == "." }).count <= 1, literal.first != ".", literal.last != ".",
                      let d = Decimal(string: literal, locale: nil) else {
                    throw Failure(column: start + 1, message: "bad number '\(literal)'")
                }
                return .constant(d)
            }
            guard isIdentifierStart(ch) || ch == "$" else { throw Failure(column: i + 1, message: "expected a concept, a number or '(', found '\(Character(ch))'") }
            let start = i
            let name = identifier()
            if name == "abs" {
                skipSpace()
                guard i < s.count, s[i] == "(" else { throw Failure(column: i + 1, message: "expected '(' after abs") }
                i += 1
                let inner = try expression()
                skipSpace()
                guard i < s.count, s[i] == ")" else { throw Failure(column: i + 1, message: "expected ')' after abs(…") }
                i += 1
                return .absolute(inner)
            }
            if name == "sum" {
                skipSpace()
                guard i < s.count, s[i] == "(" else { throw Failure(column: i + 1, message: "expected '(' after sum") }
                i += 1
                skipSpace()
                let refStart = i
                let inner = identifier()
                if inner.isEmpty { throw Failure(column: refStart + 1, message: "expected a concept inside sum()") }
                let ref = try reference(inner, start: refStart)
                skipSpace()
                guard i < s.count, s[i] == ")" else { throw Failure(column: i + 1, message: "expected ')' after sum(\(inner)") }
                i += 1
                return .sum(ref)
            }
            return .reference(try reference(name, start: start))
        }

        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_"
        }

        mutating func identifier() -> String {
            // the scalars taken are all ASCII: the identifier is s[start..<i]
            let start = i
            while i < s.count {
                let c = s[i]
                let empty = i == start
                if (c == "$" && (empty || s[i - 1] == ".")) || isIdentifierStart(c) || (c.value >= 48 && c.value <= 57) || c == "." || c == "-" && i + 1 < s.count && isIdentifierStart(s[i + 1]) && !empty && s[i - 1] != " " {
                    i += 1
                } else {
                    break
                }
            }
            return ScalarString.make(s[start..<i])
        }

        /// "@initial": the qualifier, before or after the [item].
        mutating func readQualifier(_ ref: inout ConceptReference) throws(Failure) {
            guard i < s.count && s[i] == "@" else { return }
            i += 1
            var q = ""
            while i < s.count && isIdentifierStart(s[i]) { q.unicodeScalars.append(s[i]); i += 1 }
            if q.isEmpty { throw Failure(column: i + 1, message: "expected a qualifier after '@'") }
            ref.qualifier = q
        }

        mutating func reference(_ name: String, start: Int) throws(Failure) -> ConceptReference {
            // `measure.item.with.dots` or `rate.id.item.with.dots`: cut at the first dots (the
            // generic split-and-join instantiated type metadata at every start)
            var ref = ConceptReference(measure: nil, rate: nil, item: "total", qualifier: nil, optional: false)
            let dot = UInt8(ascii: ".")
            let firstDot = name.utf8.firstIndex(of: dot)
            let head = firstDot.map { String(name[..<$0]) } ?? name
            if head == "rate" {
                let rest = firstDot.map { name[name.utf8.index(after: $0)...] } ?? ""
                let secondDot = rest.utf8.firstIndex(of: dot)
                let id = secondDot.map { rest[..<$0] } ?? rest
                guard firstDot != nil, !id.isEmpty else { throw Failure(column: start + 1, message: "a rate needs an id: rate.execution") }
                ref.rate = String(id)
                if let secondDot { ref.item = String(rest[rest.utf8.index(after: secondDot)...]) }
            } else {
                ref.measure = head
                if let firstDot { ref.item = String(name[name.utf8.index(after: firstDot)...]) }
            }
            try readQualifier(&ref)
            if i < s.count && s[i] == "[" {
                i += 1
                var item = ""
                while i < s.count && s[i] != "]" { item.unicodeScalars.append(s[i]); i += 1 }
                guard i < s.count else { throw Failure(column: i + 1, message: "expected ']'") }
                i += 1
                if item.isEmpty { throw Failure(column: i, message: "empty item in []") }
                ref.item = item
            }
            try readQualifier(&ref)
            if i < s.count && s[i] == "?" {
                ref.optional = true
                i += 1
            }
            return ref
        }
    }
}
