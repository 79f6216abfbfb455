import Foundation
import Testing
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
import JXExtract
@testable import JXCheck

private let lexicon: Lexicon = try! LexiconLoader.embedded()

private func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

/// The facts of a text document and a check context over them.
private func context(_ text: String) -> CheckContext {
    let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    let document = Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)
    let facts = Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: lexicon)
    return CheckContext(facts: facts, lexicon: lexicon, ruleSet: RuleSet(lexicon: lexicon, rules: []))
}

private func fact(_ shown: String, in context: CheckContext) throws -> Fact {
    try #require(context.facts.facts.first { $0.shown == shown }, "no fact \(shown)")
}

/// Binds the references of `formula`, in order, to the facts shown as `shown` (one list per reference).
private func bind(_ formula: Formula, _ shown: [[String]], in context: CheckContext) throws -> [ConceptReference: [Fact]] {
    var bound = [ConceptReference: [Fact]]()
    for (ref, values) in zip(formula.references, shown) {
        bound[ref] = try values.map { try fact($0, in: context) }
    }
    return bound
}

private func eval(_ text: String, _ bound: [ConceptReference: [Fact]] = [:], in context: CheckContext) throws -> Interval? {
    let formula = try FormulaParser.parse(text + " == 0")
    return FormulaEvaluator.eval(formula.lhs, bound: bound, context: context, reinterpret: [])
}

@Suite("FormulaEvaluator")
struct FormulaEvaluatorTests {
    static let empty = context("无数字。")

    @Test func constants() throws {
        #expect(try eval("1 + 2 * 3", in: Self.empty) == Interval(exactly: 7))
        #expect(try eval("(1 + 2) * 3", in: Self.empty) == Interval(exactly: 9))
        #expect(try eval("10 / 4", in: Self.empty) == Interval(exactly: dec("2.5")))
        #expect(try eval("-3 + 1", in: Self.empty) == Interval(exactly: -2))
        #expect(try eval("abs(1 - 3)", in: Self.empty) == Interval(exactly: 2))
    }

    @Test func divisionByZeroCannotBeEvaluated() throws {
        #expect(try eval("1 / 0", in: Self.empty) == nil)
        #expect(try eval("abs(1 / (2 - 2)) + 1", in: Self.empty) == nil)
        let f = try FormulaParser.parse("1 / 0 == 1")
        #expect(FormulaEvaluator.holds(f, bound: [:], context: Self.empty, reinterpret: []) == nil)
    }

    @Test func relations() throws {
        func holds(_ text: String) throws -> Bool? {
            FormulaEvaluator.holds(try FormulaParser.parse(text), bound: [:], context: Self.empty, reinterpret: [])
        }
        #expect(try holds("1 + 1 == 2") == true)
        #expect(try holds("1 + 1 == 3") == false)
        #expect(try holds("1 != 2") == true)
        #expect(try holds("2 <= 2") == true)
        #expect(try holds("3 <= 2") == false)
        #expect(try holds("2 >= 3") == false)
        #expect(try holds("1 < 2") == true)
        #expect(try holds("2 > 1") == true)
    }

    @Test func anUnboundReferenceIsZero() throws {
        #expect(try eval("budget.govinvest? + 5", in: Self.empty) == Interval(exactly: 5))
        #expect(try eval("sum(adjust[$x])", in: Self.empty) == Interval(exactly: 0))
    }

    @Test func factsAreIntervalsInYuan() throws {
        let c = context("全年预算数100.00万元，其中：基本支出30.00万元，项目支出70.01万元。")
        let f = try FormulaParser.parse("budget.total == 0")
        let bound = try bind(f, [["100.00万元"]], in: c)
        #expect(FormulaEvaluator.eval(f.lhs, bound: bound, context: c, reinterpret: []) == Interval(lo: 999950, hi: 1000050))
        // read in the other unit (the unit check's reinterpretation): a 万元 figure read as 元 is
        // ÷10000, a 元 figure read as 万元 ×10000
        let fact = try #require(bound.values.first?.first)
        let slipped = FormulaEvaluator.eval(f.lhs, bound: bound, context: c, reinterpret: [fact.id])
        #expect(slipped == Interval(lo: Decimal(string: "99.995")!, hi: Decimal(string: "100.005")!))
        let y = context("全年预算数100.00元，其中：基本支出30.00元，项目支出70.00元。")
        let yuanBound = try bind(f, [["100.00元"]], in: y)
        let yuan = try #require(yuanBound.values.first?.first)
        #expect(FormulaEvaluator.eval(f.lhs, bound: yuanBound, context: y, reinterpret: [yuan.id]) == Interval(lo: 999950, hi: 1000050))
    }

    /// 30.00 + 70.01 against 100.00 is within the rounding of three figures; 70.02 is not.
    @Test func equalityAllowsRoundingOnly() throws {
        let f = try FormulaParser.parse("budget.total == budget.basic + budget.project")
        let within = context("全年预算数100.00万元，其中：基本支出30.00万元，项目支出70.01万元。")
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["100.00万元"], ["30.00万元"], ["70.01万元"]], in: within), context: within, reinterpret: []) == true)
        let beyond = context("全年预算数100.00万元，其中：基本支出30.00万元，项目支出70.02万元。")
        let bound = try bind(f, [["100.00万元"], ["30.00万元"], ["70.02万元"]], in: beyond)
        #expect(FormulaEvaluator.holds(f, bound: bound, context: beyond, reinterpret: []) == false)
        let main = try fact("100.00万元", in: beyond)
        let rule = try #require(try RuleSet.embedded().rule("sum.expenditure-parts"))
        #expect(FormulaEvaluator.evidence(f, bound: bound, main: main, rule: rule, context: beyond) == "30.00 + 70.02 = 100.02 ≠ 100.00（差 0.02 万元）")
    }

    @Test func moneyUnitsAreComparedInYuan() throws {
        let c = context("预算数100万元，支出数1000000元，另支出999000元，再支出990000元。")
        let f = try FormulaParser.parse("budget.total == spend.total")
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["100万元"], ["1000000元"]], in: c), context: c, reinterpret: []) == true)
        // a whole number of 万元 is itself rounded: 100万元 stands for [995000, 1005000] 元
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["100万元"], ["999000元"]], in: c), context: c, reinterpret: []) == true)
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["100万元"], ["990000元"]], in: c), context: c, reinterpret: []) == false)
    }

    @Test func aRateWithinTheRoundingOfItsPercent() throws {
        let f = try FormulaParser.parse("rate.execution == spend.total / budget.total * 100")
        // 89.60 / 100.00 = 89.6%: a whole-number 90% stands for [89.5, 90.5]
        let rounded = context("预算数100.00万元，支出数89.60万元，执行率90%。")
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["90%"], ["89.60万元"], ["100.00万元"]], in: rounded), context: rounded, reinterpret: []) == true)
        // shown with two decimals it must match to two decimals
        let precise = context("预算数100.00万元，支出数89.60万元，执行率90.00%。")
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["90.00%"], ["89.60万元"], ["100.00万元"]], in: precise), context: precise, reinterpret: []) == false)
    }

    @Test func aFigureNamedTwiceInAQuotientIsOneValue() throws {
        // 18 ÷ (18 + 2): 18 stands for [17.5, 18.5] in both places at once, so the rate is within
        // [17.5 ÷ 20, 18.5 ÷ 20] = [87.5%, 92.5%]; taken as two values it reached 18.5 ÷ 19 = 97.4%
        let f = try FormulaParser.parse("rate.execution == spend.total / (spend.total + carryover.total) * 100")
        let c = context("支付18万元，未支付2万元，支付率94%，或90%。")
        let high = try bind(f, [["94%"], ["18万元"], ["18万元"], ["2万元"]], in: c)
        let computed = try #require(FormulaEvaluator.eval(f.rhs, bound: high, context: c, reinterpret: []))
        #expect(computed == Interval(lo: dec("87.5"), hi: dec("92.5")))
        #expect(FormulaEvaluator.holds(f, bound: high, context: c, reinterpret: []) == false)
        #expect(FormulaEvaluator.holds(f, bound: try bind(f, [["90%"], ["18万元"], ["18万元"], ["2万元"]], in: c), context: c, reinterpret: []) == true)
        // the same by index (the figure bound once, referred to twice)
        let shape = FormulaCheck.Shape(f)
        var ids = shape.refs.map { ref in (high[ref] ?? []).map(\.id) }
        for k in shape.refs.indices { ids[k] = ids[shape.firstIndex[k]] }
        #expect(FormulaEvaluator.eval(shape.rhs, boundIds: ids, context: c) == computed)
        // a quotient that is not of two sums keeps plain interval arithmetic (|18 − B| ÷ B has its
        // least value inside B's interval, not at an end)
        #expect(try FormulaParser.parse("abs(spend.total - budget.total) / budget.total == 0").rhs.repeatedInQuotient.isEmpty)
        #expect(try FormulaParser.parse("abs(spend.total - budget.total) / budget.total == 0").lhs.repeatedInQuotient.isEmpty)
    }

    @Test func aChangeOverLastYearDerivedFromItIsOneValue() {
        // 10 − 3 → 3 ÷ (10 + 3): with 10 ∈ [9.5, 10.5] and 3 ∈ [2.5, 3.5] the rate is at most
        // 3.5 ÷ 13 = 26.9%, so "下降28.6%" is wrong; the two terms taken apart allowed 3.5 ÷ 12 = 29.2%
        let r = ChangeCheck.ratioOverDerivedBase(Interval(lo: dec("2.5"), hi: dec("3.5")), Interval(lo: dec("9.5"), hi: dec("10.5")), add: true)
        #expect(r.lo == dec("2.5") / 13)
        #expect(r.hi == dec("3.5") / 13)
        #expect(!r.contains(dec("0.286")))
        // an increase: 3 ÷ (10 − 3)
        let up = ChangeCheck.ratioOverDerivedBase(Interval(lo: dec("2.5"), hi: dec("3.5")), Interval(lo: dec("9.5"), hi: dec("10.5")), add: false)
        #expect(up.lo == dec("2.5") / 8)
        #expect(up.hi == dec("3.5") / 6)
    }

    @Test func sumAddsEveryBoundFigure() throws {
        let c = context("调增10.00万元，调增5.00万元，调增2.50万元。")
        let f = try FormulaParser.parse("sum(adjust[$x]) == 0")
        let bound = try bind(f, [["10.00万元", "5.00万元", "2.50万元"]], in: c)
        let total = try #require(FormulaEvaluator.eval(f.lhs, bound: bound, context: c, reinterpret: []))
        #expect(total.contains(175000))
        #expect(total == Interval(lo: 174850, hi: 175150))
    }

    @Test func absOfAnIntervalAroundZero() throws {
        let c = context("预算数30.00万元，支出数30.00万元，结余0.00万元。")
        let f = try FormulaParser.parse("abs(budget.total - spend.total) == 0")
        let bound = try bind(f, [["30.00万元"], ["30.00万元"]], in: c)
        // the difference is [-100, 100] 元; its magnitude is [0, 100]
        #expect(FormulaEvaluator.eval(f.lhs, bound: bound, context: c, reinterpret: []) == Interval(lo: 0, hi: 100))
        let negative = try FormulaParser.parse("abs(budget.total - spend.total - 1000000) == 0")
        #expect(FormulaEvaluator.eval(negative.lhs, bound: bound, context: c, reinterpret: []) == Interval(lo: 999900, hi: 1000100))
    }
}
