import Foundation
import Testing
import JXLint
import JXRules

/// Issue 9, years: how the report's year is read (a year compared with speaks for the year after
/// it, a title outvoted by its body, a sentence is no title) and which words excuse a year of the
/// year before (relative dates, spanning words in their own clauses, the text naming itself).
/// Sentences of our own, every figure made up; each clean text is paired with its slipped twin.
@Suite struct YearInferenceTests {
    func yearRules(_ text: String) -> [String] { YearTexts.yearRules(text) }

    @Test func aYearComparedWithSpeaksForTheYearAfterIt() {
        // no title: the year is read from the body, which names 2024 once and compares with 2023;
        // the slipped year must not vouch for itself
        let text = """
        经汇总，2024年全县“三公”经费预算总额为36.20万元，较2023年的40.10万元减少3.90万元，下降9.73%。
        2024年“三公”经费预算下降的原因主要是严控公务接待。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "2024年“三公”经费预算下降", with: "2023年“三公”经费预算下降")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
    }

    @Test func aTitleYearNamedOnceForThreeOfTheNextYearIsOutvoted() {
        let text = """
        关于2023年青林县教育经费执行情况统计公告
        一、全县教育经费情况
        2023年，全县教育经费总投入为5.62亿元，比上年的5.40亿元增长4.07%。
        2023年全县普通小学生均公用经费支出情况如下。
        2023年全县普通初中生均公用经费支出增长情况良好。
        2022年全县普通高中生均公用经费支出为1820.00元，2023年为1900.00元。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "关于2023年", with: "关于2022年")
        #expect(yearRules(slipped) == ["year.title-vs-body"])
    }

    @Test func aSentenceIsNoTitle() {
        // the second line ends in 。: a sentence, whose year the checks read like any other
        let text = """
        ——2023年7月20日在青林县人大常委会会议上
        受县人民政府委托，我向县人大常委会作2023年上半年全县预算执行情况的报告，请审查。
        一、预算执行情况
        全县一般公共预算收入完成5.20亿元，比2022年同期增长3.10%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "作2023年上半年", with: "作2022年上半年")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
    }

    @Test func aRelativeDateComparesNothing() {
        // "截至去年底" dates a figure; it makes no comparison that would excuse the year before
        let text = """
        青林县2023年社会保险基金决算公告
        县财政局近日公布了2023年全县社会保险基金决算报告，截至去年底，基金累计收入12.30亿元。
        2023年，全县社会保险基金收入3.10亿元，比上年增长5.00%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "公布了2023年", with: "公布了2022年")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
    }

    @Test func aSpanningWordExcusesOnlyTheClausesItsYearGoverns() {
        // 结余 stands in the clause of "去年底", not in the clause of the year before it
        let text = """
        青林县2023年社会保险基金决算公告
        县财政局近日公布了2023年全县社会保险基金决算报告，截至去年底，全县社保基金滚存结余4.50亿元。
        2023年，全县社会保险基金收入3.10亿元，比上年增长5.00%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "公布了2023年", with: "公布了2022年")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
        // in the year's own clauses it still excuses: last year's balance carried into this one
        let carried = text.replacingOccurrences(of: "2023年，全县社会保险基金收入", with: "2022年结余资金0.30亿元，已全部结转使用。2023年，全县社会保险基金收入")
        #expect(yearRules(carried).isEmpty)
    }

    @Test func theTextNamingItselfIsDatedToTheReportYear() {
        // "现将…如下": the report's own year, even beside another year in the sentence
        let text = """
        为做好2023年衔接资金项目绩效管理工作，根据有关规定，现将2023年青林县交通运输局衔接资金项目绩效自评报告如下：
        一、项目资金情况
        2023年衔接资金项目下达预算120.00万元，实际支出118.50万元。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "现将2023年", with: "现将2022年")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
    }

    @Test func aYearAfterTheReportsComparesNothingWithTheYearBefore() {
        let text = """
        关于青林县2023年预算执行情况和2024年预算草案的报告
        受县人民政府委托，现向大会报告青林县2023年财政预算执行情况和2024年财政预算草案，请予审议。
        一、2023年财政预算执行情况
        2023年，全县一般公共预算收入完成5.20亿元，比上年增长3.10%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "报告青林县2023年", with: "报告青林县2022年")
        // (the account's year no longer the draft's year before: the pair's own check reports it, the
        // fiscal-statement finding on the same year folded into it)
        #expect(yearRules(slipped) == ["year.account-and-draft"])
        // the year before beside the report's own is still a comparison
        let compared = text.replacingOccurrences(of: "和2024年财政预算草案", with: "，2022年财政预算执行情况作为附件")
        #expect(yearRules(compared).isEmpty)
    }

    @Test func aReportYearClausesAwayMakesNoComparison() {
        let text = """
        青林县2023年财政决算公告
        2023年预算执行过程中，县级追加教育资金800.00万元，用于校舍维修，其中2023年预算安排500.00万元，其余300.00万元结转2024年使用。
        2023年，全县一般公共预算收入完成5.20亿元，比上年增长3.10%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "其中2023年预算安排", with: "其中2022年预算安排")
        #expect(yearRules(slipped) == ["year.fiscal-statement"])
        // in the clause next to the year's, the report's year makes the sentence a comparison
        let adjacent = text.replacingOccurrences(of: "县级追加教育资金800.00万元，用于校舍维修，其中2023年预算安排", with: "2022年预算安排")
        #expect(yearRules(adjacent).isEmpty)
    }

    @Test func aPartHeadingIsNoTitle() {
        // "第一部分 决算报告" names a part of the report; the first line names the report and its year
        let text = """
        2023年青林县政府决算公开
        第一部分 决算报告
        一、2023年财政决算情况
        2023年，全县一般公共预算收入完成5.20亿元，比上年增长3.10%。
        2023年，全县一般公共预算支出完成9.80亿元，比上年增长2.00%。
        2023年，全县政府性基金预算收入完成2.10亿元，比上年下降4.00%。
        """
        #expect(yearRules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "2023年青林县政府决算公开", with: "2022年青林县政府决算公开")
        #expect(yearRules(slipped) == ["year.title-vs-body"])
    }
}
