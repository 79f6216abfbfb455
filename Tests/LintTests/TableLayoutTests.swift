import Foundation
import Testing
import JXCheck
import JXExtract
import JXLint
import JXLoad
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

    func facts(_ text: String) throws -> FactSet {
        Self.pipeline.facts(of: try DocumentLoader.load(bytes: Array(text.utf8), path: "t.txt"))
    }

    // MARK: the standard 项目支出绩效自评表 form

    /// Information rows, then the 项目资金 block whose unit sits in its first header cell, with a
    /// 分值 / 执行率 / 得分 triple in the total row.
    static let projectForm = """
    某镇2023年度农田水利设施维护项目支出绩效自评表
    项目名称\t农田水利设施维护
    主管部门\t某镇人民政府\t实施单位\t某镇水利站
    项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
    年度资金总额\t240.00\t268.00\t257.28\t10\t96.00%\t9.60
    其中：当年财政拨款\t240.00\t250.00\t241.25\t—\t96.50%\t—
    上年结转资金\t0.00\t18.00\t16.03\t—\t89.06%\t—
    其他资金\t0.00\t0.00\t0.00\t—\t—\t—
    """

    @Test func theProjectFormIsReadAsAMoneyTable() throws {
        let set = try facts(Self.projectForm)
        let table = try #require(set.structured.tables.first)
        #expect(table.unit == "万元")
        // the information rows title no column
        #expect(table.headerSegments.first?.first == "项目资金（万元）")
        #expect(table.headerSegments.first?[2] == "全年预算数")
        let row = try #require(table.rows.firstIndex { $0.cells.first?.string == "年度资金总额" })
        let budget = set.facts[try #require(set.tableFacts[0][row][2])]
        #expect(budget.kind.isMoney)
        #expect(budget.conceptKey == "budget.total")
        #expect(rules(Self.projectForm).isEmpty)
    }

    @Test func theProjectFormsSumsAndRates() {
        // a 其中 row's rate
        var slip = Self.projectForm.replacingOccurrences(of: "241.25\t—\t96.50%", with: "241.25\t—\t95.60%")
        #expect(findings(slip).contains { $0.rule == "rate.execution" && $0.span.start.line == 6 })
        // the source rows against 年度资金总额
        slip = Self.projectForm.replacingOccurrences(of: "18.00\t16.03\t—\t89.06%", with: "18.00\t16.93\t—\t94.06%")
        #expect(findings(slip).contains { $0.rule == "sum.table-children" && $0.span.start.line == 5 })
        // 得分 = 分值 × 执行率
        slip = Self.projectForm.replacingOccurrences(of: "96.00%\t9.60", with: "96.00%\t9.80")
        #expect(findings(slip).contains { $0.rule == "score.weighted-rate" && $0.span.start.line == 5 })
    }

    /// The form's indicator sheet: its 总分 counts the 项目资金 block's 分值 and 得分 too.
    static let projectFormIndicators = projectForm + """

    一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分
    产出指标\t数量指标\t维护渠道长度\t≥12公里\t12.5公里\t30\t30
    产出指标\t质量指标\t验收合格率\t100%\t100%\t20\t20
    效益指标\t社会效益\t受益农户数\t≥800户\t860户\t30\t30
    满意度指标\t服务对象满意度\t农户满意度\t≥90%\t92%\t10\t9
    总分\t\t\t\t\t100\t98.60
    """

    @Test func aFormTotalCountsTheFundingBlock() {
        // one table (the indicator header restated under the funding block) and two tables
        for text in [Self.projectFormIndicators, Self.projectFormIndicators.replacingOccurrences(of: "—\t—\t—\n一级指标", with: "—\t—\t—\n\n一级指标")] {
            let total = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("总分") }! + 1
            #expect(rules(text).isEmpty)
            let slip = text.replacingOccurrences(of: "92%\t10\t9", with: "92%\t10\t8")
            #expect(findings(slip).contains { $0.rule == "score.items-vs-total" && $0.span.start.line == total })
        }
    }

    // MARK: a 合计 stated first

    static let totalFirst = """
    某区文化旅游局2023年度部门整体支出绩效自评报告
    表2 2023年度支出执行情况表（单位：万元）
    科目\t年初预算\t调整后预算\t支出数
    合计\t2150.00\t2286.40\t2241.05
    基本支出\t640.00\t652.30\t648.15
    其中：人员经费\t560.00\t568.10\t566.40
    公用经费\t80.00\t84.20\t81.75
    项目支出\t1510.00\t1634.10\t1592.90
    其中：文物保护\t900.00\t968.00\t951.30
    公共文化活动\t410.00\t446.10\t432.60
    旅游宣传推广\t200.00\t220.00\t209.00
    """

    @Test func aTotalStatedFirst() {
        #expect(rules(Self.totalFirst).isEmpty)
        let slip = Self.totalFirst.replacingOccurrences(of: "2286.40\t2241.05", with: "2286.40\t2214.05")
        let found = findings(slip)
        #expect(found.contains { $0.rule == "sum.table-subtotals" && $0.span.start.line == 4 })
    }

    static let totalFirstGeneric = """
    某区文化旅游局2023年度部门整体支出绩效自评报告
    表3 项目支出明细（单位：万元）
    项目\t调整后预算\t支出数
    合计\t1634.10\t1592.90
    文物保护\t968.00\t951.30
    公共文化活动\t446.10\t432.60
    旅游宣传推广\t220.00\t209.00
    """

    @Test func aTotalStatedFirstOverNamedProjects() {
        #expect(rules(Self.totalFirstGeneric).isEmpty)
        let slip = Self.totalFirstGeneric.replacingOccurrences(of: "1634.10\t1592.90", with: "1634.10\t1529.90")
        #expect(findings(slip).contains { $0.rule == "sum.table-subtotals" && $0.span.start.line == 4 })
    }

    @Test func aTotalFirstOverTwoBreakdownsIsLeftAlone() {
        // 合计, then the same money by source and by kind: not one list
        let text = """
        某区文化旅游局2023年度部门整体支出绩效自评报告
        表4 资金情况（单位：万元）
        项目\t预算数\t支出数
        合计\t1000.00\t950.00
        财政拨款\t800.00\t760.00
        其他资金\t200.00\t190.00
        基本支出\t300.00\t290.00
        项目支出\t700.00\t660.00
        """
        #expect(!rules(text).contains("sum.table-subtotals"))
    }

    @Test func aTotalFirstAfterAnOpenListIsLeftAlone() {
        // the 其中 list under 基本支出 does not close (a slip or a partial list): 公用经费's place is
        // in doubt, so the 合计 is not checked against a guess
        let slip = Self.totalFirst.replacingOccurrences(of: "公用经费\t80.00", with: "公用经费\t90.00")
        #expect(!findings(slip).contains { $0.rule == "sum.table-subtotals" && $0.span.start.line == 4 })
    }

    // MARK: 总分

    static let scoreSheet = """
    某镇2023年度农田水利设施维护项目支出绩效自评表
    一级指标\t三级指标\t分值\t得分
    产出指标\t维护渠道长度\t50\t48
    效益指标\t受益农户数\t30\t30
    满意度指标\t农户满意度\t20\t18
    总分\t\t100\t96
    """

    @Test func zongfenIsATotalRow() {
        #expect(rules(Self.scoreSheet).isEmpty)
        let slip = Self.scoreSheet.replacingOccurrences(of: "总分\t\t100\t96", with: "总分\t\t100\t97")
        #expect(findings(slip).contains { $0.rule == "score.items-vs-total" && $0.span.start.line == 6 })
        let weights = Self.scoreSheet.replacingOccurrences(of: "农户满意度\t20\t18", with: "农户满意度\t25\t18")
        #expect(findings(weights).contains { $0.rule == "score.items-vs-total" && $0.span.start.line == 6 })
    }

    // MARK: units

    @Test func aTitleEndingInAUnitSetsTheTableUnit() throws {
        let text = """
        某局2023年度部门整体支出绩效自评报告
        表1 预算执行情况表（万元）
        项目\t预算数\t支出数
        基本支出\t500.00\t480.00
        项目支出\t300.00\t270.00
        合计\t800.00\t750.00
        """
        #expect(try facts(text).structured.tables.first?.unit == "万元")
        #expect(rules(text).isEmpty)
        let slip = findings(text.replacingOccurrences(of: "800.00\t750.00", with: "800.00\t760.00"))
        #expect(slip.contains { $0.severity == .error && $0.span.start.line == 6 })
    }

    // MARK: what a wrong 小计 blames

    static let subtotals = """
    某局2023年度部门整体支出绩效自评报告
    表1 项目支出执行明细（万元）
    类别\t项目\t预算数（万元）\t支出数（万元）
    业务工作\t档案整理\t210.00\t204.35
    业务工作\t信息化运维\t145.00\t139.20
    业务工作小计\t\t355.00\t343.55
    设备购置\t办公设备\t88.00\t86.40
    设备购置\t专用设备\t132.00\t127.65
    设备购置小计\t\t220.00\t214.05
    合计\t\t575.00\t557.60
    """

    @Test func aWrongSubtotalIsBlamedAlone() {
        #expect(rules(Self.subtotals).isEmpty)
        let slip = Self.subtotals.replacingOccurrences(of: "220.00\t214.05", with: "220.00\t241.05")
        let found = findings(slip).filter { $0.rule == "sum.table-subtotals" }
        #expect(found.map(\.span.start.line) == [9])
        // a wrong 合计 is still a wrong 合计
        let total = Self.subtotals.replacingOccurrences(of: "575.00\t557.60", with: "575.00\t575.60")
        #expect(findings(total).filter { $0.rule == "sum.table-subtotals" }.map(\.span.start.line) == [10])
    }
}
