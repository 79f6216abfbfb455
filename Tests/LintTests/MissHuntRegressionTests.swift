import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// False alarms and missed slips found by planting slips in invented reports (every figure made up);
/// each test pairs the clean text with its slipped twin where the slip should be found.
@Suite struct MissHuntRegressionTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    static let title = "青林县2023年度城乡道路养护项目支出绩效自评报告\n"

    // MARK: false alarms

    @Test func carriedInFundsAreThisYearsFunds() {
        // "上年结转" names part of this year's funds: the prose figure and the table cell are one year
        let text = Self.title + """
        本项目年初预算830.00万元，上年结转46.20万元，全年执行851.10万元。
        表1 项目资金执行情况表（单位：万元）
        资金来源	年初预算	上年结转	执行数
        县级资金	230.00	46.20	262.10
        省级补助资金	600.00	-	589.00
        合计	830.00	46.20	851.10
        """
        #expect(!rules(text).contains { $0.hasPrefix("year.") })
    }

    @Test func theBaseOfAComparisonMayBeStatedWithItsYear() {
        let text = Self.title + """
        2023年，本项目全年预算数468.42万元，全年实际支出441.07万元。
        与2022年相比，全年支出增加38.51万元。2022年全年支出402.56万元。
        """
        #expect(rules(text).isEmpty)
        // without the comparison, last year's figure in a sentence on this year's spending is a slip
        let slipped = Self.title + "2023年，本项目全年预算数468.42万元。\n2022年全年实际支出441.07万元，预算执行率94.16%。"
        #expect(rules(slipped).contains("year.fiscal-statement"))
    }

    @Test func aYearEndDateOfTheYearBeforeIsAYearSlip() {
        let slipped = Self.title + "2023年，本项目全年预算数468.42万元。截至2022年12月31日，全年实际支出441.07万元，预算执行率94.16%。"
        #expect(rules(slipped).contains("year.fiscal-statement"))
        let clean = Self.title + "2023年，本项目全年预算数468.42万元。截至2023年12月31日，全年实际支出441.07万元，预算执行率94.16%。"
        #expect(rules(clean).isEmpty)
    }

    @Test func fundsBySourceWithTheirSpendingAreNoPartition() {
        // 1500.00 and 840.00 are the budget by source, 776.85 one source's spending
        let text = Self.title + "2023年项目预算资金2340.00万元，实际支出2276.85万元，预算执行率97.30%。其中省级补助资金1500.00万元，全部支出；县级配套资金840.00万元，支出776.85万元。"
        #expect(rules(text).isEmpty)
        // the rate slip is still found
        let slipped = text.replacingOccurrences(of: "97.30%", with: "97.03%")
        #expect(rules(slipped) == ["rate.execution"])
    }

    @Test func aSecondTotalAfterASemicolonIsNotAPart() {
        let text = Self.title + "2023年全年预算4,441,080.00元，其中基本支出3,256,480.00元、项目支出1,184,600.00元；全年支出4,295,067.02元，其中基本支出3,198,754.62元、项目支出1,096,312.40元，预算执行率96.71%。"
        #expect(rules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "96.71%", with: "97.21%")
        #expect(rules(slipped) == ["rate.execution"])
        let parts = text.replacingOccurrences(of: "1,096,312.40", with: "1,146,312.40")
        #expect(rules(parts) == ["sum.expenditure-parts"])
    }

    @Test func savingAgainstTheBudgetIsNotLastYearsFigure() {
        let text = Self.title + "2023年“三公”经费预算15.00万元，实际支出12.36万元，较预算节约2.64万元，较上年减少1.12万元，下降8.31%。"
        #expect(rules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "8.31%", with: "9.31%")
        #expect(rules(slipped) == ["rate.year-on-year"])
    }

    @Test func anAssetListNamesEachItemBeforeItsAmount() {
        // "…；无形资产3套，账面金额64.18万元": a bare 账面金额 is the named item's only figure
        // (the parts keep the whole's cents, 59.33 + 64.18 = 123.51 against 125.51: a complete list
        // of an account, so the slip is the complete list's, not a near miss of an open one)
        let text = Self.title + "2023年末，本单位资产共计259件，账面总额125.51万元。其中：固定资产256件，账面金额合计59.33万元；无形资产3套，账面金额64.18万元。"
        #expect(rules(text).contains("sum.parts-incomplete"))
        // with cents of their own the parts say nothing of the list's end: a near miss, as before
        let open = text.replacingOccurrences(of: "64.18", with: "64.11")
        #expect(rules(open).contains("sum.parts-near-complete"))
    }

    // MARK: adjustments written as bare verbs

    @Test func bareAdjustmentVerbsAreAdjustments() {
        let clean = "青林县交通运输局2023年度部门整体支出绩效自评报告\n本部门年初预算5660.00万元，上年结转126.40万元，年中追加1020.00万元，调减245.00万元，年度总指标6561.40万元。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "6561.40", with: "6661.40")
        let found = findings(slipped)
        #expect(found.map(\.rule) == ["sum.budget-adjustments-text"])
        #expect(found.first?.evidence.contains("5660.00 + 126.40 + 1020.00 − 245.00 = 6561.40") == true)
    }

    @Test func adjustmentsDuringExecutionKeepTheBudgetsScope() {
        let text = "青林县水务局2023年度部门整体支出绩效自评报告\n2023年年初预算3568.40万元，年度执行中追加预算1226.00万元，调减预算310.50万元，调整后预算4483.90万元。"
        #expect(rules(text).isEmpty)
        let slipped = text.replacingOccurrences(of: "4483.90", with: "4583.90")
        #expect(rules(slipped) == ["sum.budget-adjustments-text"])
    }

    // MARK: relations across paragraphs and subsections

    static let department = "青林县文旅局2023年度部门整体支出绩效自评报告\n一、预算执行情况\n"

    @Test func carryOverInItsOwnSubsection() {
        let clean = Self.department + "（一）预算收支\n2023年全年预算数1268.50万元，全年实际支出1211.16万元，预算执行率95.48%。\n（二）结转结余\n年末结转结余资金57.34万元。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "57.34", with: "75.34")
        #expect(rules(slipped) == ["sum.carryover"])
    }

    @Test func executionRateInTheNextParagraph() {
        let clean = Self.department + "2023年全年预算数1268.50万元，全年实际支出1211.16万元。\n（二）预算执行\n全年预算执行率95.48%，较上年有所提高。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "95.48%", with: "96.48%")
        #expect(rules(slipped) == ["rate.execution"])
    }

    @Test func basicPartsUnderTheParagraphThatStatesBasic() {
        let clean = Self.department + "2023年全年支出2830.42万元，其中基本支出1849.03万元，项目支出981.39万元。\n基本支出中，人员经费1603.05万元，公用经费245.98万元。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "1603.05", with: "1623.05")
        #expect(rules(slipped) == ["sum.basic-parts"])
    }

    // MARK: one figure stated twice

    static let filler = "本部门坚持以人民为中心的发展思想，围绕年度重点任务，统筹推进各项工作，取得了较好成效。"

    @Test func aRestatementInTheConclusionSection() {
        let text = "青林县人社局2023年度部门整体支出绩效自评报告\n一、绩效目标完成情况\n全年城镇新增就业2.86万人，开展补贴性职业技能培训3.18万人次。\n\(Self.filler)\n二、综合评价\n\(Self.filler)\n从完成情况看，全年城镇新增就业2.68万人，较好完成年度目标。"
        #expect(rules(text) == ["consistency.same-figure"])
        #expect(rules(text.replacingOccurrences(of: "2.68", with: "2.86")).isEmpty)
    }

    @Test func aSentenceCopiedWithOneFigureChanged() {
        let text = "青林县人社局2023年度部门整体支出绩效自评报告\n全年城镇新增就业2.86万人，开展补贴性职业技能培训3.18万人次。\n\(Self.filler)\n全年城镇新增就业2.68万人，开展补贴性职业技能培训3.18万人次。"
        #expect(rules(text) == ["consistency.same-figure"])
    }

    @Test func theDepartmentsScoreStatedInTwoSections() {
        let text = "青林县人社局2023年度部门整体支出绩效自评报告\n四、综合评价\n经自评，我局2023年度部门整体支出绩效自评得分97.3分。\n五、评价结论\n综上，我局2023年度部门整体支出绩效自评得分93.7分，评价等级为优。"
        #expect(rules(text) == ["consistency.same-figure"])
    }

    @Test func oneTemplateForTwoBudgetsIsNoRestatement() {
        // the same sentence for the general budget and for the fund budget: two subjects
        let text = """
        青林县2023年财政预算执行情况的报告
        一、2023年财政预算执行情况
        1. 一般公共预算执行情况
        2023年全县一般公共预算收入完成47.1亿元，完成年度预算的100.2%。加上转移性收入19.2亿元，收入合计66.3亿元。
        2. 政府性基金预算执行情况
        2023年全县政府性基金预算收入完成30.2亿元，完成年度预算的96.6%。加上转移性收入3.8亿元，收入合计34.0亿元。
        """
        #expect(!rules(text).contains("consistency.same-figure"))
    }

    // MARK: 万元 written in a report that counts in 元

    @Test func wanYuanInAYuanReport() {
        let clean = """
        青林县统计局2023年度部门整体支出绩效自评报告
        2023年全年预算4,441,080.00元，全年支出4,295,067.02元，预算执行率96.71%。
        “三公”经费全年预算96,000.00元，实际支出78,462.50元。
        年末结转结余资金146,012.98元。
        基本支出3,256,480.00元，项目支出1,184,600.00元。
        """
        #expect(rules(clean).isEmpty)
        let spend = clean.replacingOccurrences(of: "78,462.50元", with: "78,462.50万元")
        #expect(rules(spend) == ["unit.out-of-scale-wan"])
        // the carry-over fits budget − spending only when read as 元: the 万元 figure is blamed,
        // not the two 元 figures that would fit if they were 万元
        // one slip, one finding: the out-of-scale finding on the same figure is a related note of it
        let carry = findings(clean.replacingOccurrences(of: "146,012.98元", with: "146,012.98万元"))
        #expect(carry.map(\.rule) == ["unit.mixed-in-relation-wan"])
        #expect(carry.first?.related.contains { $0.message.contains("unit.out-of-scale-wan") } == true)
        #expect(carry.allSatisfy { $0.span.start.line == 4 })
    }

    // MARK: the whole of a share

    static let agency = "青林县科技局2023年度部门整体支出绩效自评报告\n"

    @Test func theWholeNamedByAnotherWordForTheSameConcept() {
        let clean = Self.agency + "全年支出4302.77万元。基本支出1136.52万元，占总支出的26.41%；项目支出3166.25万元，占总支出的73.59%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "73.59%", with: "71.59%")) == ["rate.share"])
    }

    @Test func theWholeStatedInTheParagraphBefore() {
        let clean = Self.agency + "全年支出4302.77万元。\n项目支出3166.25万元，占全年支出的73.59%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "73.59%", with: "71.59%")) == ["rate.share"])
    }

    @Test func aWholeNamedWithATotalSuffix() {
        let clean = Self.agency + "全区高新技术企业达到1286家，其中当年新认定318家，占全区高新技术企业总数的24.73%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "24.73%", with: "32.73%")) == ["rate.share"])
    }

    @Test func thePartNamedBeforeZhan() {
        let clean = Self.agency + "2023年收入合计10267.17万元，其中：一般公共预算财政拨款收入8620.45万元，政府性基金预算财政拨款收入1260.00万元，事业收入386.72万元。一般公共预算财政拨款收入占收入合计的83.96%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "83.96%", with: "86.0%")) == ["rate.share"])
        // the figure named before 占, not the last one before the percentage
        let personnel = Self.agency + "2023年度部门实际支出2750.15万元，其中基本支出1849.03万元，项目支出901.12万元。\n基本支出中，人员经费1623.05万元，公用经费225.98万元，人员经费占基本支出的比重为87.78%。"
        #expect(rules(personnel).isEmpty)
        #expect(rules(personnel.replacingOccurrences(of: "87.78%", with: "85.78%")) == ["rate.share"])
    }

    // MARK: a breakdown in brackets

    @Test func aBreakdownInBracketsAfterItsWhole() {
        let clean = Self.agency + "全年政府采购预算302.70万元（货物类86.40万元，工程类152.00万元，服务类64.30万元），实际采购295.73万元（货物类84.95万元，工程类149.60万元，服务类61.18万元）。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "149.60", with: "157.60")) == ["sum.procurement-parts"])
        #expect(rules(clean.replacingOccurrences(of: "152.00", with: "162.00")) == ["sum.procurement-parts"])
    }

    @Test func theInputsOfAFigureInBracketsAreNoBreakdown() {
        let text = Self.agency + "当年结转结余资金120.87万元（预算2786.45万元减支出2665.58万元），主要为服务费尾款。"
        #expect(rules(text).isEmpty)
    }

    // MARK: respectively-lists with a shared qualifier

    @Test func namesSharingAQualifierAfterDe() {
        let clean = Self.agency + "2023年全年预算数和实际支出分别为912.86万元、860.78万元，预算执行率94.29%。\n基本支出、项目支出的全年预算分别为512.66万元、400.20万元；基本支出、项目支出的实际支出分别为508.31万元、352.47万元。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "912.86", with: "900.86").replacingOccurrences(of: "94.29%", with: "95.55%")
        #expect(rules(slipped) == ["sum.expenditure-parts"])
    }

    // MARK: lists under the name of a figure stated before

    @Test func aListUnderTheNameOfAFigureStatedBefore() {
        let clean = Self.agency + "项目支出3244.32万元。项目支出中：科技企业培育奖补1680.00万元，产学研合作926.50万元，科技创新平台建设637.82万元。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "1680.00", with: "1720.00")) == ["sum.parts-exceed-whole"])
        // the bare 占比 of a listed item takes the list's whole
        let shares = Self.agency + "项目支出3244.32万元。\n项目支出中：科技企业培育奖补1680.00万元，占项目支出的51.78%；产学研合作项目926.50万元，占比28.56%；科技创新平台建设637.82万元，占项目支出比例为19.66%。"
        #expect(rules(shares).isEmpty)
        #expect(rules(shares.replacingOccurrences(of: "28.56%", with: "30.56%")) == ["rate.share"])
    }

    @Test func bareItemsInAnotherParagraphDoNotBindAcrossIt() {
        // 基本支出 and 项目支出 here are the budget's parts, though bare they read as spending
        let text = Self.agency + "2023年全年预算4441.08万元，全年支出4295.07万元。\n\(Self.filler)\n基本支出3256.48万元，项目支出1184.60万元。"
        #expect(rules(text).isEmpty)
    }

    // MARK: prose against the table

    static let sportsTable = """
    青林县体育局2023年度部门整体支出绩效自评报告
    表1 重点项目执行情况（单位：万元）
    项目名称	全年预算	实际支出	执行率
    全民健身场地设施建设	680.00	652.30	95.93%
    青少年体育训练	420.00	418.25	99.58%

    """

    @Test func aProjectsMoneyInTheTextAndInTheTable() {
        let clean = Self.sportsTable + "全民健身场地设施建设项目全年预算680.00万元，实际支出652.30万元，执行率95.93%。"
        #expect(rules(clean).isEmpty)
        let slipped = clean.replacingOccurrences(of: "实际支出652.30万元，执行率95.93%", with: "实际支出625.30万元，执行率91.96%")
        #expect(rules(slipped) == ["consistency.prose-vs-table"])
        let budget = Self.sportsTable + "青少年体育训练项目预算402.00万元，主要用于集训。"
        #expect(rules(budget) == ["consistency.prose-vs-table"])
        // another year's budget of the same project is another figure
        let other = Self.sportsTable + "2022年青少年体育训练项目预算402.00万元。"
        #expect(!rules(other).contains("consistency.prose-vs-table"))
    }

    // MARK: which figures a rate is about

    @Test func ratesOfTwoProjectsJoinedBySemicolon() {
        let clean = Self.agency + "基本公共卫生服务项目预算1826.00万元，支出1798.24万元，执行率98.5%；家庭医生签约服务项目预算468.00万元，支出442.16万元，执行率94.5%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "94.5%", with: "97.5%")) == ["rate.execution"])
    }

    @Test func aRateNamedByTheBroaderItem() {
        let clean = Self.agency + "日常公用经费全年预算168.40万元，实际支出152.96万元，公用经费控制率90.83%。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "90.83%", with: "93.83%")) == ["rate.control"])
    }

    @Test func aProjectsRateRestatedUnderItsName() {
        let clean = "青林县人社局2023年度部门整体支出绩效自评报告\n二、预算执行情况\n其中就业补助资金预算8620.00万元，支出8431.25万元，执行率97.81%。\n四、综合评价\n从资金使用情况看，就业补助资金执行率97.81%，资金使用总体规范。"
        #expect(rules(clean).isEmpty)
        #expect(rules(clean.replacingOccurrences(of: "就业补助资金执行率97.81%", with: "就业补助资金执行率98.71%")) == ["consistency.same-figure"])
    }
}
