import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Every false alarm fixed during development, as text that must stay quiet, and the slips next
/// to it that must still be found.
@Suite struct RegressionTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] {
        Self.pipeline.report(text: text).findings
    }

    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    @Test func aMarkerInsideAClauseDoesNotOpenAListOfThePreviousFigure() {
        // "年度评价项目包括…共计11个" is a new subject, not parts of "共计2个"
        let text = "本部门2020年预算绩效评价年初项目包括招商引资分项、投资推广等共计2个项目，年度评价项目包括招商引资分项、投资推广、其他一般管理事务等共计11个项目。"
        #expect(findings(text).isEmpty)
    }

    @Test func aScoreGroupIsNotClosedByARowUnderAnotherHeader() {
        // the sheet restates its header with other columns for its last rows: the 预算管理情况 group
        // continues there, so its first rows alone are not its sum
        let text = """
        \t三、预算管理情况（20分）

        \t一级指标
        \t二级指标
        \t三级指标
        \t分值
        \t得分

        \t预算管理情况（20）
        \t财务管理（4）
        \t财务管理制度健全性
        \t4
        \t4

        \t
        \t资产管理（8）
        \t资产管理规范性
        \t8
        \t8

        \t
        \t指标
        \t2021年
        \t分值
        \t得分

        \t
        \t结转结余率（8）
        \t资金管理规范
        \t8
        \t8
        """
        #expect(!rules(text).contains("score.section-caps"))
    }

    @Test func aSentenceOpeningWithASubjectIsAboutThatSubject() {
        // "如英才荟项目，…" : its 年初预算/实际支出/执行率 are the project's, not the department's
        let text = """
        2020年本部门年初预算总额为29586.86万元，包括基本支出542.98万元，项目支出29043.88万元。
        截至2020年年末，本部门实际支出37411.04万元。
        部分项目预算编制测算不够精准。如英才荟项目，2020年年初预算340万元，年中调减预算250万元，2020年实际支出41.80万元，预算执行率为46.44%。
        """
        #expect(findings(text).isEmpty)
    }

    @Test func aTableReferenceIsNotACount() {
        let text = "2020年单位整体预算执行率达97.67%，预算执行情况较好。具体见表5所示。\n各项目执行情况具体见表1所示。"
        #expect(findings(text).isEmpty)
    }

    @Test func aLabelEndsAtAColon() {
        let quiet = "本部门评价项目13个，占预算项目总数的100%。\n总体评价：本部门评价项目13个，评价得分在90分以上的12个。"
        #expect(findings(quiet).isEmpty)
        let slip = "本部门评价项目13个，占预算项目总数的100%。\n总体评价：本部门评价项目43个，评价得分在90分以上的12个。"
        #expect(rules(slip).contains("consistency.same-figure"))
    }

    @Test func aRelativeYearInPassingDatesNothing() {
        // "是去年的两倍" compares; it does not make the rest of the sentence last year's
        let text = """
        2020年度部门整体支出绩效评价报告
        2020年度工作目标完成情况：全年引进各类项目160个，总投资达228.98亿元，是去年的两倍；其中投资亿元以上项目35个；5亿元以上8个；10亿元以上重大项目6个。
        """
        #expect(findings(text).isEmpty)
    }

    @Test func aYearOfDestinationDatesOnlyItsOwnFigure() {
        let text = "《任务清单》共38项，已完成34项，拟于近期完成3项，结转至2023年1项；《项目清单》共29项，已完成12项，结转14项，调出3项。"
        #expect(findings(text).isEmpty)
    }

    @Test func aDashInAMoneyColumnIsAStatedZero() {
        let table = """
        分类\t预算项目\t部门预算指标(万元)\t年度总指标(万元)\t支出数(万元)\t剩余指标(万元)\t执行进度
        项目支出\t预算准备金\t30.00\t30.00\t-\t30.00\t0.00%
        项目支出\t购置费\t8.40\t5.40\t3.80\t1.60\t70.37%
        """
        #expect(findings(table).isEmpty)
        let slip = table.replacingOccurrences(of: "-\t30.00\t0.00%", with: "-\t30.08\t0.00%")
        #expect(rules(slip).contains("sum.carryover"))
    }

    @Test func aRowLabelWithBudgetInItDoesNotOverrideItsColumns() {
        // "预算准备金" names an item; the 剩余指标 column is still the carry-over
        let slip = """
        分类\t预算项目\t年度总指标(万元)\t支出数(万元)\t剩余指标(万元)
        项目支出\t预算准备金\t30.00\t-\t31.00
        项目支出\t购置费\t5.40\t3.80\t1.60
        """
        #expect(rules(slip).contains("sum.carryover"))
    }

    @Test func nestedThresholdsAreNotAdded() {
        let text = "全年引进项目160个，其中投资亿元以上项目35个；5亿元以上8个；10亿元以上重大项目6个。"
        #expect(findings(text).isEmpty)
    }

    @Test func aSubItemOfAListIsNotTheDepartmentTotal() {
        let text = """
        2020年末，本部门资产共计259件，账面总额决算数为123.51万元。其中：固定资产256件，包括计算机设备及软件、家具、通用设备，账面金额合计59.33万元；无形资产3套，账面金额64.18万元。
        截至2020年年末，本部门闲置资产共有3件，账面金额1.08万元，资产利用率99.13%。
        """
        #expect(findings(text).isEmpty)
    }

    @Test func integerMoneyIsReadAsRounded() {
        // 340万 and 250万 are whole numbers as printed: 41.80 ÷ (340 − 250) within their rounding
        let text = "英才荟项目2020年年初预算340万元，年中调减预算250万元，2020年实际支出41.80万元，预算执行率为46.44%。"
        #expect(findings(text).isEmpty)
    }

    @Test func aCorrectlyRoundedReportRaisesNothing() {
        let text = """
        2022年度部门整体支出绩效自评报告
        2022年全年预算数33463.78万元，其中，基本支出预算数920.05万元，项目支出预算数32543.73万元。资金总支出33364.97万元，其中，基本支出822.24万元，项目支出32542.73万元，预算执行率为99.70%。
        2022年共安排预算资金33463.78万元，实际支出33364.97万元，结转和结余资金98.81万元，预算资金执行率为99.70%。
        """
        #expect(findings(text).isEmpty)
    }
}

extension RegressionTests {
    @Test func aTableWithoutAdjustmentColumnsSaysNothingAboutAdjustments() {
        // 年初预算 8.40 and 年度总指标 5.40 with no 调整/追加 columns: not a contradiction
        let table = """
        分类\t预算项目\t部门预算指标(万元)\t年度总指标(万元)\t支出数(万元)
        项目支出\t购置费\t8.40\t5.40\t3.80
        项目支出\t培训费\t10.00\t10.00\t9.50
        """
        #expect(findings(table).isEmpty)
    }
}

/// Found while writing the samples.
extension RegressionTests {
    @Test func lastYearsScoreIsNotThisYearsTotal() {
        let text = """
        2023年度部门整体支出绩效自评报告
        本部门2023年度整体绩效自评得分为95分，评价等级为“优”。较上年度自评得分94.20分提高0.80分。
        | 一级指标 | 三级指标 | 分值 | 得分 |
        |---|---|---|---|
        | 决策 | 目标设置 | 40 | 38 |
        | 产出 | 数量指标 | 60 | 57 |
        | 合计 | | 100 | 95 |
        """
        #expect(findings(text).isEmpty)
    }

    @Test func theExecutionRateRowOfAScoreSheetIsChecked() {
        let row = """
        一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
        投入指标\t资金管理\t预算执行率\t100%\t95.05%\t10\t9.51
        """
        #expect(findings(row).isEmpty)
        let slip = row.replacingOccurrences(of: "\t10\t9.51", with: "\t10\t9.05")
        #expect(rules(slip).contains("score.weighted-rate"))
    }

    @Test func aTableWithoutAUnitTakesTheReportsUnitForItsOwnRelations() {
        let text = """
        2023年全年预算数172.00万元，实际支出160.88万元，结转11.12万元。
        表1 预算执行情况表
        预算项目\t年度预算数\t支出数\t执行率
        文物保护修缮\t172.00\t160.88\t95.53%
        安全巡查\t20.00\t19.00\t95.00%
        """
        #expect(rules(text) == ["rate.execution"])
    }
}
