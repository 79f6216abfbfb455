import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// False alarms found on real published text the project does not have, each reproduced in an
/// invented sentence of the same wording (every figure made up), with the slip that must still be
/// found where there is one.
@Suite struct PublishedTextRegressionTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()
    func rules(_ text: String) -> [String] { Self.pipeline.report(text: text).findings.filter { $0.severity != .info }.map(\.rule) }

    @Test func anAmountWrittenInYiAndWanIsOneAmount() {
        let text = "2023年度体育彩票公益金使用情况。全年筹集体育彩票公益金5亿320.5万元(含弃奖收入120万元)。其中,用于群众体育工作1亿2000万元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "1亿2000万元", with: "6亿2000万元")) == ["sum.parts-exceed-whole"])
    }

    @Test func theBaseOfACompletionRateIsNotTheSubjectOfAGrowth() {
        let text = "2023年全县财政收支情况\n全年一般公共预算收入5200万元,完成预算数5000万元的104%,较上年4800万元增长8.3%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "增长8.3%", with: "增长9.3%")) == ["rate.growth"])
    }

    @Test func aShareThatNamesItsPartBorrowsNoFigure() {
        let text = "2023年全县财政收支情况\n全年一般公共预算收入5200万元,完成预算数5000万元的104%,税收收入占一般公共预算收入的60.0%,加上上划收入3000万元,全县财政总收入8200万元。"
        #expect(rules(text).isEmpty)
    }

    @Test func carriedInRevenueIsAPartOfRevenue() {
        let text = "(一)收入预算。2024年预算收入1000万元,其中:一般公共预算收入990万元,政府性基金预算收入0元,上年结转收入10万元,其他收入0元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "上年结转收入10万元", with: "上年结转收入30万元")) == ["sum.parts-exceed-whole"])
    }

    @Test func averagesPerLevelAreNoPartsOfAnAverage() {
        let text = "2023年教育经费执行情况统计公告\n全市生均一般公共预算教育经费为15000元,比上年增长2.1%。其中,幼儿园为9000元,普通小学为12000元,普通初中为18000元,普通高中为19000元。"
        #expect(rules(text).isEmpty)
    }

    @Test func aYearEndBalanceOfAFinalAccountIsOpeningBalancePlusRevenueLessSpending() {
        let text = """
        一、预算批复情况
        单位2024年收入预算800万元,支出预算800万元,其中:基本支出500万元;项目支出300万元。
        单位2024年收入决算数为950万元,年初结转结余20万元。总支出决算数为960万元,其中:基本支出520万元,项目支出440万元;年末结转结余10万元。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "年末结转结余10万元", with: "年末结转结余16万元")) == ["sum.final-balance"])
        // a department naming itself names no subject of its own
        let named = text.replacingOccurrences(of: "单位2024年收入决算数", with: "市文旅局2024年收入决算数")
        #expect(rules(named).isEmpty)
    }

    @Test func theSameItemUnderTwoListsIsTwoFigures() {
        let text = """
        二、中央资金使用情况
        (一)儿童福利类项目10万元。
        安排中央资金10万元用于孤儿助学。
        (二)社会公益类项目60万元。
        安排中央资金60万元用于殡仪设施改造。
        三、省级资金使用情况
        (一)老年人福利类项目20万元。
        安排省级资金20万元用于养老服务。
        (二)社会公益类项目8万元。
        安排省级资金8万元用于社工站建设。
        """
        #expect(!rules(text).contains("consistency.same-figure"))
    }

    @Test func aTargetAndItsResultAreNotOneFigureStatedTwice() {
        let text = """
        (二)项目绩效目标。
        绩效目标:活动中心资金完成150万元。
        三、项目绩效情况
        (一)项目完成情况。
        1.活动中心资金完成120万元。群众满意度达90%以上。
        """
        #expect(!rules(text).contains("consistency.same-figure"))
    }
}
