import Foundation
import Testing
import JXCore
@testable import JXRules

private func parse(_ text: String) throws(FormulaParser.Failure) -> Formula {
    try FormulaParser.parse(text)
}

/// The failure of a formula that must not parse.
private func failure(_ text: String) -> FormulaParser.Failure? {
    do {
        _ = try FormulaParser.parse(text)
        return nil
    } catch {
        return error
    }
}

private func ref(_ measure: String?, _ item: String, rate: String? = nil, qualifier: String? = nil, optional: Bool = false) -> FormulaExpression {
    .reference(ConceptReference(measure: measure, rate: rate, item: item, qualifier: qualifier, optional: optional))
}

private func number(_ text: String) -> FormulaExpression {
    .constant(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!)
}

@Suite("FormulaParser")
struct FormulaParserTests {
    @Test func aSum() throws {
        let f = try parse("spend.total == spend.basic + spend.project")
        #expect(f.lhs == ref("spend", "total"))
        #expect(f.relation == .equal)
        #expect(f.rhs == .binary("+", ref("spend", "basic"), ref("spend", "project")))
        #expect(f.references.count == 3)
        #expect(f.source == "spend.total == spend.basic + spend.project")
        #expect(f.description == f.source)
        #expect(f.rhs.description == "(spend[basic] + spend[project])")
    }

    @Test func precedenceAndAssociativity() throws {
        // * binds tighter than +
        #expect(try parse("a.x == a.b + a.c * 2").rhs == .binary("+", ref("a", "b"), .binary("*", ref("a", "c"), number("2"))))
        // left to right within one level
        #expect(try parse("a.x == a.b - a.c - a.d").rhs == .binary("-", .binary("-", ref("a", "b"), ref("a", "c")), ref("a", "d")))
        let rate = try parse("rate.execution[$x] == spend[$x] / budget[$x] * 100")
        #expect(rate.rhs == .binary("*", .binary("/", ref("spend", "$x"), ref("budget", "$x")), number("100")))
        // parentheses
        #expect(try parse("a.x == (a.b + a.c) * 2").rhs == .binary("*", .binary("+", ref("a", "b"), ref("a", "c")), number("2")))
        // unary minus
        #expect(try parse("a.x == -a.b + 1").rhs == .binary("+", .negate(ref("a", "b")), number("1")))
    }

    @Test func referenceForms() throws {
        let rate = try parse("rate.execution[$x] == 1")
        #expect(rate.lhs == ref(nil, "$x", rate: "execution"))
        #expect(rate.references[0].isVariable)
        #expect(rate.references[0].description == "rate.execution[$x]")
        // a dotted item and the default item
        #expect(try parse("count.staff.quota == score").lhs == ref("count", "staff.quota"))
        #expect(try parse("count.staff.quota == score").rhs == ref("score", "total"))
        #expect(try parse("rate.execution == 1").lhs == ref(nil, "total", rate: "execution"))
        // a variable measure
        let parts = try parse("$m.total == $m.basic + $m.project + $m.govinvest?")
        #expect(parts.lhs == ref("$m", "total"))
        #expect(parts.references.last == ConceptReference(measure: "$m", rate: nil, item: "govinvest", qualifier: nil, optional: true))
        // kebab-case items; a spaced minus is subtraction
        #expect(try parse("a.x == a.one-two").rhs == ref("a", "one-two"))
        #expect(try parse("a.x == a.one - two.x").rhs == .binary("-", ref("a", "one"), ref("two", "x")))
    }

    @Test func qualifiersAndOptionalFigures() throws {
        let f = try parse("budget[$x] == budget@initial[$x] + sum(carryin[$x]) + sum(adjust[$x])")
        #expect(f.references.map(\.description) == ["budget[$x]", "budget[$x]@initial", "carryin[$x]", "adjust[$x]"])
        #expect(f.rhs == .binary("+", .binary("+", ref("budget", "$x", qualifier: "initial"),
                                            .sum(ConceptReference(measure: "carryin", rate: nil, item: "$x", qualifier: nil, optional: false))),
                                 .sum(ConceptReference(measure: "adjust", rate: nil, item: "$x", qualifier: nil, optional: false))))
        // the qualifier may follow the item too
        #expect(try parse("budget[$x]@adjusted == 1").lhs == ref("budget", "$x", qualifier: "adjusted"))
        #expect(try parse("budget.basic@any? == 1").lhs == ref("budget", "basic", qualifier: "any", optional: true))
    }

    @Test func sumAndAbs() throws {
        let f = try parse("abs(spend.total - sum(spend[$x])) <= 0.5")
        #expect(f.relation == .lessOrEqual)
        #expect(f.lhs == .absolute(.binary("-", ref("spend", "total"),
                                           .sum(ConceptReference(measure: "spend", rate: nil, item: "$x", qualifier: nil, optional: false)))))
        #expect(f.rhs == number("0.5"))
        #expect(f.lhs.description == "abs((spend[total] - sum(spend[$x])))")
        #expect(try parse("sum( spend[$x] ) == 1").lhs.references.count == 1)
    }

    @Test func everyRelation() throws {
        let relations: [(String, Formula.Relation)] = [("==", .equal), ("!=", .notEqual), ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("<", .less), (">", .greater)]
        for (text, relation) in relations {
            #expect(try parse("score \(text) weight").relation == relation, "\(text)")
            #expect(try parse("score\(text)weight").relation == relation, "\(text) without spaces")
        }
    }

    @Test func errorsCarryTheColumn() {
        let cases: [(String, Int, String)] = [
            ("spend.total", 12, "expected a comparison (==, <=, >=, <, >, !=)"),
            ("spend.total = 1", 13, "expected a comparison, found '='"),
            ("spend.total == ", 16, "expected a value, found the end of the formula"),
            ("(budget.basic + budget.project == budget.total", 32, "expected ')'"),
            ("budget.total == budget.basic budget.project", 30, "unexpected 'budget.proje' after the formula"),
            ("sum() == 1", 5, "expected a concept inside sum()"),
            ("sum(spend.x == 1", 13, "expected ')' after sum(spend.x"),
            ("sum spend.x == 1", 5, "expected '(' after sum"),
            ("abs(1 - 2 == 1", 11, "expected ')' after abs(…"),
            ("rate == 1", 1, "a rate needs an id: rate.execution"),
            ("budget@ == 1", 8, "expected a qualifier after '@'"),
            ("budget[] == 1", 8, "empty item in []"),
            ("budget[$x == 1", 15, "expected ']'"),
            ("budget.total == #", 17, "expected a concept, a number or '(', found '#'"),
            ("", 1, "expected a value, found the end of the formula"),
        ]
        for (text, column, message) in cases {
            let f = failure(text)
            #expect(f?.column == column, "\(text): \(f?.message ?? "parsed")")
            #expect(f?.message == message, "\(text)")
        }
    }

    @Test func malformedNumbersAreRejected() {
        #expect(failure("budget.total == 1.2.3")?.column == 17)
        #expect(failure("budget.total == 1.")?.message == "bad number '1.'")
        #expect(failure("budget.total == 1.25") == nil)
        // a full-width digit is a number character but no ASCII digit
        #expect(failure("budget.total == ５")?.column == 17)
        #expect(failure("budget.total == ５")?.message == "bad number ''")
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60) + " == 1"
        #expect(failure(deep)?.message == "formula nested too deeply")
        let fine = String(repeating: "(", count: 20) + "1" + String(repeating: ")", count: 20) + " == 1"
        #expect(failure(fine) == nil)
    }
}

/// A reference's name is cut at its first dots; this is what splitting it at every dot and joining
/// the rest again gave.
@Suite("FormulaParser: dotted reference names")
struct FormulaReferenceNameTests {
    static func splitAndJoined(_ name: String) -> (measure: String?, rate: String?, item: String)? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts[0] == "rate" {
            guard parts.count >= 2, !parts[1].isEmpty else { return nil }
            return (nil, parts[1], parts.count >= 3 ? parts[2...].joined(separator: ".") : "total")
        }
        return (parts[0], nil, parts.count >= 2 ? parts[1...].joined(separator: ".") : "total")
    }

    @Test func cutAtTheFirstDotsAsSplitAndJoined() throws {
        for name in ["budget", "budget.basic", "budget.a.b", "budget.a.b.c", "rate.execution", "rate.execution.basic",
                     "rate.execution.a.b", "rate", "rate.", "rate..x", "spend.", "spend..x", "rates.x", "score.$x"] {
            let expected = Self.splitAndJoined(name)
            let parsed = try? FormulaParser.parse(name + " == 0")
            if let expected {
                guard case .reference(let r)? = parsed?.lhs else { Issue.record("\(name) did not parse"); continue }
                #expect(r.measure == expected.measure && r.rate == expected.rate && r.item == expected.item, "\(name)")
            } else {
                #expect(parsed == nil, "\(name)")
            }
        }
    }
}
