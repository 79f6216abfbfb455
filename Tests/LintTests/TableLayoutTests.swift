import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Table layouts beyond the plain "rows, then 合计" budget table: adjustment columns, the standard
/// 项目支出绩效自评表 form, a 合计 stated first, 总分 rows, and what a wrong 小计 blames.
@Suite struct TableLayoutTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    // MARK: adjustment columns (追加 / 调整 / 调减)

    static let adjustmentColumns = """
    某县2023年度农村供水工程项目支出绩效自评报告
    表1 资金到位及执行情况表（单位：万元）
    资金来源\t年初预算\t上年结转\t追加\t调整\t年度总指标\t执行数\t执行率
    中央资金\t1500.00\t-\t420.00\t-\t1920.00\t1890.40\t98.46%
    市级资金\t680.00\t52.30\t-\t-35.00\t697.30\t671.25\t96.26%
    合计\t2180.00\t52.30\t420.00\t-35.00\t2617.30\t2561.65\t97.87%
    """

    @Test func adjustmentColumnsAreMoneyAndSigned() {
        #expect(rules(Self.adjustmentColumns).isEmpty)
    }

    @Test func aRowThatMissesItsAdjustment() {
        let slip = Self.adjustmentColumns.replacingOccurrences(of: "-35.00\t697.30\t671.25\t96.26%", with: "-35.00\t679.30\t671.25\t98.82%")
        let found = findings(slip)
        #expect(found.contains { $0.rule == "sum.budget-adjustments" && $0.span.start.line == 5 })
        #expect(!found.contains { $0.rule == "sum.budget-adjustments" && $0.span.start.line == 4 })
    }

    static let reductionColumn = """
    某县2023年度农村供水工程项目支出绩效自评报告
    表1 资金调整情况表（单位：万元）
    资金来源\t年初预算\t调增\t调减\t调整后预算\t执行数
    中央资金\t1500.00\t420.00\t-\t1920.00\t1890.40
    市级资金\t680.00\t-\t35.00\t645.00\t631.25
    """

    @Test func aReductionColumnWrittenPositiveSubtracts() {
        #expect(rules(Self.reductionColumn).isEmpty)
        let slip = Self.reductionColumn.replacingOccurrences(of: "35.00\t645.00", with: "35.00\t715.00")
        #expect(findings(slip).contains { $0.rule == "sum.budget-adjustments" && $0.span.start.line == 5 })
    }
}
