import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// A budget table and a score sheet with one slip each, and their clean twins.
@Suite struct TableRuleTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    static let budgetTable = """
    2023年度部门整体支出绩效自评报告
    表1 预算执行情况表
    单位：万元
    分类\t预算项目\t年度总指标(万元)\t支出数(万元)\t剩余指标(万元)\t执行率
    基本支出\t人员经费\t474.26\t457.51\t16.75\t96.47%
    基本支出\t公用经费\t66.12\t36.33\t29.79\t54.95%
    基本支出小计\t\t540.38\t493.84\t46.54\t91.39%
    项目支出\t业务专项\t381.00\t293.38\t87.62\t77.00%
    项目支出\t购置费\t5.40\t3.80\t1.60\t70.37%
    项目支出小计\t\t386.40\t297.18\t89.22\t76.91%
    合计\t\t926.78\t791.02\t135.76\t85.35%
    """

    static let scoreSheet = """
    | 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |
    |---|---|---|---|---|
    | 决策 | 目标设置 | 绩效目标合理性 | 10 | 9 |
    | 过程 | 资金管理 | 预算执行率 | 20 | 19.5 |
    | 产出 | 数量指标 | 培训场次 | 40 | 38 |
    | 效益 | 满意度 | 服务对象满意度 | 30 | 28 |
    | 合计 | | | 100 | 94.5 |
    """

    func rules(_ text: String) -> [String] { Self.pipeline.report(text: text).findings.map(\.rule) }

    @Test func theCleanTwinsRaiseNothing() {
        #expect(rules(Self.budgetTable).isEmpty)
        #expect(rules(Self.scoreSheet).isEmpty)
    }

    @Test func aTotalOffByOneDigit() {
        let slip = Self.budgetTable.replacingOccurrences(of: "合计\t\t926.78", with: "合计\t\t936.78")
        let found = Self.pipeline.report(text: slip).findings
        #expect(found.contains { $0.rule == "sum.table-subtotals" && $0.span.start.line == 11 })
    }

    @Test func aSubtotalThatMissesARow() {
        let slip = Self.budgetTable.replacingOccurrences(of: "项目支出小计\t\t386.40", with: "项目支出小计\t\t381.00")
        #expect(rules(slip).contains("sum.table-subtotals"))
    }

    @Test func aWrongExecutionRateInARow() {
        let slip = Self.budgetTable.replacingOccurrences(of: "36.33\t29.79\t54.95%", with: "36.33\t29.79\t59.45%")
        let found = Self.pipeline.report(text: slip).findings
        #expect(found.contains { $0.rule == "rate.execution" && $0.span.start.line == 6 })
    }

    @Test func aRemainderThatIsNotBudgetMinusSpending() {
        let slip = Self.budgetTable.replacingOccurrences(of: "457.51\t16.75", with: "457.51\t17.75")
        #expect(rules(slip).contains("sum.carryover"))
    }

    @Test func aScoreAboveItsCap() {
        let slip = Self.scoreSheet.replacingOccurrences(of: "| 培训场次 | 40 | 38 |", with: "| 培训场次 | 40 | 48 |")
        let found = rules(slip)
        #expect(found.contains("score.item-above-cap"))
        #expect(found.contains("score.items-vs-total"))
    }

    @Test func weightsThatDoNotAddUpToTheTotal() {
        let slip = Self.scoreSheet.replacingOccurrences(of: "| 满意度 | 服务对象满意度 | 30 | 28 |", with: "| 满意度 | 服务对象满意度 | 20 | 18 |")
        #expect(rules(slip).contains("score.items-vs-total"))
    }

    @Test func evidenceShowsTheArithmetic() {
        let slip = Self.budgetTable.replacingOccurrences(of: "合计\t\t926.78", with: "合计\t\t936.78")
        let finding = Self.pipeline.report(text: slip).findings.first { $0.rule == "sum.table-subtotals" }
        #expect(finding?.evidence.contains("540.38 + 386.40 = 926.78 ≠ 936.78") == true)
        // the two 小计 rows it adds, and (merged in) the row's remaining and rate columns, which no longer fit it
        #expect((finding?.related.count ?? 0) >= 2)
    }
}
