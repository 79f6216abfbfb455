import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Issue 9, years: a year written one off in a statement about the report's year, a heading dated
/// to a year its section never names. Sentences of our own, every figure made up; each clean text is
/// paired with its slipped twin.
/// The pipeline of the year tests (embedded rules, built once) and the rules it reports on a text.
enum YearTexts {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    static func rules(_ text: String) -> [String] {
        pipeline.report(text: text).findings.filter { $0.severity != .info }.map(\.rule)
    }

    static func yearRules(_ text: String) -> [String] { rules(text).filter { $0.hasPrefix("year.") } }
}

@Suite struct YearSlipTests {
    func rules(_ text: String) -> [String] { YearTexts.rules(text) }

    func yearRules(_ text: String) -> [String] { YearTexts.yearRules(text) }

    @Test func aComparisonWithTheYearBeforeIsNoOtherYearOfTheSentence() {
        let text = """
        青林县2023年教育经费执行情况公告
        2023年全县教育经费总投入为5.62亿元，比上年的5.40亿元增长4.07%。
        2023年全县一般公共预算教育经费4.10亿元，比上年的3.90亿元增长5.13%。
        """
        #expect(yearRules(text).isEmpty)
        // "上年" is the year before the sentence's own year, not a second year that makes it a history
        let slipped = text.replacingOccurrences(of: "2023年全县一般公共预算", with: "2022年全县一般公共预算")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
    }

    @Test func anEnumeratorBeforeAYearLeavesTheYearRead() {
        let text = """
        青林县2023年教育经费执行情况公告
        一、全县教育经费情况
        1.2023年全县教育经费总投入为5.62亿元，比上年5.40亿元增加0.22亿元，增长4.07%。
        2.2023年全县一般公共预算教育经费4.10亿元。
        """
        #expect(yearRules(text).isEmpty)
        // "1.2022年" is the enumerator 1. and the year 2022, not the number 1.2022
        #expect(yearRules(text.replacingOccurrences(of: "1.2023年", with: "1.2022年")) == ["year.fiscal-statement"])
    }

    @Test func aHeadingRunIntoItsBodyEndsAtItsShortLine() {
        // an export that wraps body lines at a fixed width: the heading lines stop short of it
        let text = """
        青林县2023年度部门决算情况说明
        一、收入决算情况
        2023年本年收入合计3200.00万元，其中财政拨款收入3100.00万元。
        三、
        支出决算情况说明
        2023年本年支出合计3120.50万元，其中：基本支出2100.20万元，占67.30%；项目支出1020.30万
        元，占32.70%。
        """
        #expect(yearRules(text).isEmpty)
        #expect(yearRules(text.replacingOccurrences(of: "2023年本年支出", with: "2022年本年支出")) == ["year.fiscal-statement"])
    }

    @Test func aFiscalNounFurtherInTheClauseIsStillDatedByTheYear() {
        let text = """
        青林县文化馆2023年度项目支出绩效自评报告
        根据县财政局的通知要求，我馆认真梳理2023年中央支持地方公共文化服务补助资金支出情况，并作出绩效分析。
        2023年项目预算数120.00万元，实际支出118.50万元，执行率98.75%。
        """
        #expect(yearRules(text).isEmpty)
        #expect(yearRules(text.replacingOccurrences(of: "梳理2023年", with: "梳理2022年")) == ["year.fiscal-statement"])
    }

    @Test func aHeadingDatedToAYearItsSectionNeverNames() {
        let text = """
        某区2024年“三公”经费预算公开说明
        一、2024年“三公”经费预算安排情况
        2024年度“三公”经费预算总计32.50万元，其中：公务接待12.50万元，公务用车运行费20.00万元。
        二、2023年“三公”经费决算情况
        2023年度“三公”经费支出30.10万元，其中：公务接待11.10万元，公务用车运行费19.00万元。
        2024年度“三公”经费预算较2023年度增加2.40万元。
        """
        #expect(yearRules(text).isEmpty)
        // the first heading says 2023 while its section only speaks of 2024: the heading is wrong,
        // whichever year the plan is read to be on
        let slipped = text.replacingOccurrences(of: "一、2024年", with: "一、2023年")
        #expect(yearRules(slipped) == ["year.heading-vs-section"])
    }

    @Test func aLineRestatingTheTitleWithAnotherYear() {
        let text = """
        某医院2023年财务决算报告
        2023年财务决算
        一、资产负债情况
        2023年医院资产总额12.50亿元，比年初增加3200万元。2023年负债总额6.10亿元。
        """
        #expect(yearRules(text).isEmpty)
        #expect(yearRules(text.replacingOccurrences(of: "\n2023年财务决算\n", with: "\n2022年财务决算\n")) == ["year.heading-vs-section"])
    }

    @Test func aBudgetPlanStatesItsOwnBudgetAgainstTheYearBefore() {
        let text = """
        某区2024年“三公”经费预算公开说明
        2024年，区级“三公”经费预算数为120.50万元，同比下降8.00%，其中公务接待费30.50万元。
        2023年“三公”经费执行数为118.20万元，同比下降5.00%。
        2024年公务用车运行维护费预算为60.00万元。
        """
        // a plan may state the year before's spending; its own budget, compared with the year
        // before, dated to that year is a slip
        #expect(yearRules(text).isEmpty)
        #expect(yearRules(text.replacingOccurrences(of: "2024年，区级", with: "2023年，区级")) == ["year.fiscal-statement"])
    }

    @Test func aHeadingAboutCarriedOverFundsNamesTheYearTheyComeFrom() {
        let text = """
        青林县2023年度部门决算情况说明
        一、2022年结转资金使用情况
        2023年使用上年结转资金45.20万元，主要用于道路维护。
        """
        #expect(yearRules(text).isEmpty)
    }
}
