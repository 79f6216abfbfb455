import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Issue 9: general readings of the genre, each in sentences of our own (every figure made up). Each
/// test pairs a clean text (no finding) with slipped twins (the finding that belongs to the slip).
@Suite struct GeneralReadingTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings.filter { $0.severity != .info } }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    static let title = "青林县2023年度部门决算情况说明\n"

    // MARK: outline lists

    @Test func anEnumeratedBreakdownOfAnAmountMustAddUp() {
        let text = Self.title + """
        二、专项资金使用情况 全年分配使用专项资金820.50万元。一、群众体育500.30万元 （一）场地设施建设300.10万元，其中补助乡镇120.00万元； （二）全民健身活动200.20万元。 二、竞技体育320.20万元 （一）举办赛事220.20万元 （二）后备人才培养100.00万元
        """
        #expect(rules(text).isEmpty)
        // a part made larger: over its whole
        #expect(rules(text.replacingOccurrences(of: "200.20万元", with: "260.20万元")).contains("sum.parts-exceed-whole"))
        // a part made smaller: the breakdown is the whole of the amount
        #expect(rules(text.replacingOccurrences(of: "后备人才培养100.00万元", with: "后备人才培养10.00万元")).contains("sum.parts-incomplete"))
    }

    @Test func anEnumeratedBreakdownThatNamesOnlySomePartsIsOpen() {
        let text = Self.title + """
        一、专项资金820.50万元，主要用于以下方面。
        （一）场地设施建设300.10万元。
        （二）全民健身活动200.20万元。
        """
        #expect(rules(text).isEmpty)
    }

    @Test func aListOpeningItsLineTakesTheFigureTheLineBeforeEndsWith() {
        let text = Self.title + """
        （一）用于群众体育支出205.88万元，占总数的74.17%。
        其中：用于场地设施145.95万元；用于全民健身活动49.93万元；用于科学研究与宣传10.00万元。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "49.93万元", with: "59.93万元")).contains("sum.parts-exceed-whole"))
    }

    @Test func aListEndsWhereASiblingOfItsWholeFollowsASemicolon() {
        // 第三产业 is the sibling of 第二产业, not a part of it
        let text = Self.title + "全年地区生产总值500.0亿元。其中，第一产业增加值60.0亿元；第二产业增加值200.0亿元，其中工业增加值150.0亿元；第三产业增加值240.0亿元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "工业增加值150.0亿元", with: "工业增加值250.0亿元")).contains("sum.parts-exceed-whole"))
    }

    @Test func aListEndsAtTheNextNumberedItem() {
        let text = Self.title + "1、综合运动会654.17万元，其中补助乡镇30.00万元； 2、全民健身活动559.52万元； 3、其他活动219.41万元。"
        #expect(rules(text).isEmpty)
    }

    @Test func theThreePublicExpensesAndTheVehicleCostAddUp() {
        let text = Self.title + "2023年度本级“三公”经费决算12.50万元，因公出国(境)费0万元，公务接待费2.50万元，公务用车购置及运行维护费10.00万元(公务用车购置费0万元、公务用车运行维护费10.00万元)。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "公务接待费2.50万元", with: "公务接待费3.50万元")).contains("sum.three-public-parts"))
        #expect(rules(text.replacingOccurrences(of: "公务用车运行维护费10.00万元)", with: "公务用车运行维护费12.00万元)")).contains("sum.vehicle-parts"))
        // a part equal to the whole, the others zero, is a part
        let one = Self.title + "2023年“三公”经费支出预算为14.01万元，其中：因公出国(境)费用0万元，公务用车运行维护费14.01万元，公务接待费0万元。"
        #expect(rules(one).isEmpty)
    }

    // MARK: change statements

    @Test func aRateIsCheckedAgainstThePriorFigureTheChangeImplies() {
        let text = Self.title + "经比较2023年度本单位“三公”经费41万元，较上年减少19万元，下降31.67%，较年初预算数减少4万元，下降8.89%。"
        #expect(rules(text).isEmpty)
        let slipped = findings(text.replacingOccurrences(of: "下降31.67%", with: "下降43.78%"))
        #expect(slipped.map(\.rule) == ["rate.year-on-year"])
        // the second change compares with the budget, and says so
        let budget = findings(text.replacingOccurrences(of: "下降8.89%", with: "下降2.2%"))
        #expect(budget.map(\.rule) == ["rate.year-on-year"])
        #expect(budget.first?.evidence.hasPrefix("年初预算数 = 41 + 4 = 45") == true)
    }

    @Test func aRateOnTheWrongBaseIsReportedAsSuch() {
        let text = Self.title + "2023年本部门支出120万元，较上年增加20万元，增长20.00%。"
        #expect(rules(text).isEmpty)
        let slipped = findings(text.replacingOccurrences(of: "增长20.00%", with: "增长16.67%"))
        #expect(slipped.map(\.rule) == ["rate.year-on-year"])
        #expect(slipped.first?.evidence.contains("以本年数 120 为基数") == true)
    }

    @Test func increasesAndDecreasesOfRevenueAreChanges() {
        let text = Self.title + "全区财政收入110.0亿元，比2022年同期增收10.0亿元，增长10.0%。上划中央收入38.0亿元，减收2.0亿元，负增长5.0%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "增长10.0%", with: "增长12.0%")).contains("rate.year-on-year"))
        #expect(rules(text.replacingOccurrences(of: "负增长5.0%", with: "负增长7.0%")).contains("rate.year-on-year"))
    }

    @Test func aChangeAmongThreeFiguresIsTheDifferenceOfTwoOfThem() {
        let text = Self.title + "2023年预算数3786.71万元，调整数4610.19万元，决算数4610.19万元，增加823.48万元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "823.48", with: "828.48")).contains("sum.stated-difference"))
    }

    @Test func aChangeOpeningItsSentenceSpeaksOfTheFigureBefore() {
        let text = Self.title + "1、收入：792.22万元。同比上年度增加189.25万元，增长31.39%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "792.22", with: "292.22")).contains("rate.year-on-year"))
    }

    // MARK: false alarms of general classes

    @Test func perUnitAmountsAreInYuanByNature() {
        let text = Self.title + """
        2023年医院总收入14.57亿元，其中医疗收入13.25亿元，财政补助收入1.12亿元，其他收入0.20亿元。全年支出13.90亿元，结余0.67亿元，预算执行率95.40%，人员经费6.10亿元，公用经费2.30亿元。
        全年门诊128.69万人次，门诊均费332.88元，同比减少14.92元。出院6.31万人次，出院均费14049.20元，生均补助标准800元。
        """
        #expect(!rules(text).contains { $0.hasPrefix("unit.") })
    }

    @Test func aYearOfTheDocumentTheSentenceCitesIsTheFundsOwnYear() {
        let text = """
        2023年度农村公路建设项目资金绩效自评报告
        2023年项目预算数3065.00万元，支出2980.00万元。
        1.根据《关于下达2022年车辆购置税收入补助地方资金的通知》（某财建发〔2022〕46号），补助2022年农村公路建设项目资金2421.00万元。
        2.根据《关于下达2023年农村公路建设补助资金的通知》（某财建发〔2023〕43号），补助2023年农村公路建设补助资金644.00万元。
        """
        #expect(!rules(text).contains("year.fiscal-statement"))
    }

    @Test func aNameRecurringUnderTwoItemsOfABreakdownIsAboutEachItem() {
        let text = Self.title + """
        二、中央专项资金37.54万元，使用情况如下。
        （一）老年人福利类项目30.04万元。
        中央福利彩票公益金30.04万元，用于养老机构设备购置。
        （二）儿童福利类项目7.50万元。
        中央福利彩票公益金7.50万元用于孤儿助学项目。
        """
        #expect(!rules(text).contains("consistency.same-figure"))
        // the breakdown itself is read and checked
        #expect(rules(text.replacingOccurrences(of: "（二）儿童福利类项目7.50万元", with: "（二）儿童福利类项目9.50万元")).contains("sum.parts-exceed-whole"))
    }

    // MARK: units

    @Test func aListThatAddsUpOnlyWithOneFigureReadAsWanYuanHasAUnitSlip() {
        let text = Self.title + "2023年度老旧小区改造补助资金预算总额258172万元，其中中央资金178172万元，省级资金80000万元。资金主要用于支持老旧小区综合整治，全年支出250000万元，结余8172万元，执行率96.83%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "省级资金80000万元", with: "省级资金80000元")) == ["unit.mixed-in-relation"])
    }

    @Test func aWholeNumberOfYuanNamedAsFundsInAWanYuanReportIsSuspect() {
        let text = Self.title + """
        2023年项目预算3065.00万元，其中基本支出1200.00万元，项目支出1865.00万元；实际支出2980.00万元，结余85.00万元。
        省财政厅补助2023年农村公路建设项目资金2421万元。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "资金2421万元", with: "资金2421元")) == ["unit.out-of-scale"])
        // a small or per-unit amount in 元 is no slip
        #expect(rules(text.replacingOccurrences(of: "资金2421万元", with: "资金每人500元")).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "项目资金2421万元", with: "项目印刷费60元")).isEmpty)
    }

    // MARK: scores written in prose

    static let scored = title + """
    三、绩效指标完成情况及评分
    （一）预算执行率（10分）
    项目全年预算数500.00万元，全年执行数480.00万元，预算执行率96.00%，得9.60分。
    （二）产出指标（50分）
    1.数量指标（20分）：计划完成道路养护120公里，实际完成120公里，得20分。
    2.质量指标（15分）：验收合格率100%，得15分。
    3.时效指标（10分）：按期完成，得满分。
    4.成本指标（5分）：成本控制在预算内，得5分。
    （三）效益指标（30分）
    社会效益指标（20分）：道路通行条件改善，得18分；可持续影响指标（10分）：养护机制健全，得9分。
    （四）满意度指标（10分）
    群众满意度95%，得9.5分。
    四、评价结论
    综合自评得分为96.10分，评价等级为“优”。
    """

    @Test func scoresWrittenInProseAreCheckedLikeAScoreSheet() {
        #expect(rules(Self.scored).isEmpty)
        // a score above its weight
        #expect(rules(Self.scored.replacingOccurrences(of: "得18分", with: "得28分")).contains("score.prose-items"))
        // a sub-indicator's weight that breaks its indicator's
        #expect(rules(Self.scored.replacingOccurrences(of: "2.质量指标（15分）", with: "2.质量指标（25分）")).contains("score.prose-items"))
        // a score that breaks the total
        #expect(rules(Self.scored.replacingOccurrences(of: "得9.5分", with: "得8.5分")).contains("score.prose-items"))
        #expect(rules(Self.scored.replacingOccurrences(of: "96.10分", with: "95.10分")).contains("score.prose-items"))
        // the grade still follows the total
        #expect(rules(Self.scored.replacingOccurrences(of: "“优”", with: "“良”")).contains("score.grade"))
    }

    @Test func aScoreTheTextSaysIsTheWeightTimesARateIsChecked() {
        let text = Self.title + "（一）预算执行率（10分）：预算执行率96.00%，按执行率计分，得9.60分。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "得9.60分", with: "得9.06分")) == ["score.prose-by-rate"])
    }

    // MARK: changes named by their subject

    @Test func namedChangesInTheListOfAComparisonAreReadAgainstTheirFigures() {
        let text = """
        青林县司法局2023年度“三公”经费决算情况说明
        2023年度“三公”经费支出决算为8.77万元，其中：因公出国(境)费决算为0万元；公务用车购置及运行维护费支出决算为8.47万元；公务接待费支出决算为0.30万元。
        2023年度“三公”经费支出决算数比2022年度减少0.28万元，降低3.09%，其中：公务用车购置及运行维护费支出决算减少0.29万元，降低3.31%；公务接待费支出决算增加0.01万元，增长3.45%。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "降低3.31%", with: "降低3.81%")) == ["rate.year-on-year"])
        #expect(rules(text.replacingOccurrences(of: "增长3.45%", with: "增长6.45%")) == ["rate.year-on-year"])
        // the list of the first sentence is read whole: 0 + 8.47 + 0.30
        #expect(rules(text.replacingOccurrences(of: "决算为0.30万元", with: "决算为0.50万元")).contains("sum.three-public-parts"))
    }

    @Test func aChangeOfAnItemOfAnEnumeratedBreakdownIsAboutThatItem() {
        let text = Self.title + """
        （一）本年收入合计581.45万元，其中：
        1.财政拨款收入382.17万元，为本年度财政拨款。较2022年度决算数增加20.00万元，增长5.52%。
        2.其他收入8.38万元。
        3.上年结转和结余190.90万元，为以前年度未执行完毕、结转到本年度继续使用的资金。较2022年度决算数减少7.63万元，下降3.84%。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "减少7.63万元", with: "减少7.68万元")) == ["rate.year-on-year"])
    }

    @Test func theBareMeasuresOfAParagraphAboutOneProjectAreItsOwn() {
        let text = Self.title + "2023年度城镇老旧小区整治改造补助资金预算总额为5900.00万元，该专项资金由省财政厅和省住建厅共同管理。2023年实际支出4731.77万元，结余资金1168.23万元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "结余资金1168.23", with: "结余资金1186.23")) == ["sum.carryover"])
    }

    @Test func aBalanceIsRevenueLessSpending() {
        let text = Self.title + "2023年全区社会保险基金总收入3599.4亿元，比上年增长15%；总支出2874.4亿元，比上年增长20%；本年收支结余725.0亿元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "总支出2874.4", with: "总支出2876.4")) == ["sum.revenue-balance"])
    }

    /// "预算总收入减去预算总支出，当年结余C": the text names the figures the balance is taken from;
    /// revenue and spending of another scope say nothing about it. Named as the formula binds
    /// them, they are checked.
    @Test func aBalanceTakenFromNamedTotalsIsNotCheckedAgainstOthers() {
        let text = Self.title + "全市一般公共预算收入800亿元，加上转移性收入等300亿元，预算总收入为1100亿元。一般公共预算支出950亿元，加上债务还本支出100亿元，预算总支出为1050亿元。预算总收入减去预算总支出，当年结余50亿元。"
        #expect(rules(text).isEmpty)
        let named = Self.title + "2023年社会保险基金总收入900亿元，总支出800亿元，总收入减去总支出，本年收支结余100亿元。"
        #expect(rules(named).isEmpty)
        #expect(rules(named.replacingOccurrences(of: "结余100", with: "结余110")) == ["sum.revenue-balance"])
    }

    /// A balance sheet: 净资产 = 资产总额 − 负债总额, 资产负债率 = 负债 ÷ 资产.
    @Test func aBalanceSheetAddsUp() {
        let text = Self.title + "截至2023年末，本部门资产总额2460.00万元，负债总额615.00万元，净资产总额1845.00万元，资产负债率25.00%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "净资产总额1845.00", with: "净资产总额1854.00")) == ["sum.net-assets"])
        #expect(rules(text.replacingOccurrences(of: "资产负债率25.00%", with: "资产负债率52.00%")) == ["rate.debt-ratio"])
    }

    /// "收支相抵，年终结余C" is the year's balance (年终 names no subject), and no part of the list
    /// of uses before it.
    @Test func aYearEndBalanceAfterTheSidesAreSetAgainstEachOther() {
        let text = Self.title + "一般公共预算总支出6700万元，其中：一般公共预算支出5000万元、债务还本支出500万元、上解上级支出1200万元、收支相抵，年终结余150万元。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "上解上级支出1200", with: "上解上级支出4200")) == ["sum.parts-exceed-whole"])
        let balance = Self.title + "2023年全县收入总计5200万元，支出总计4980万元，收支相抵，年终结余220万元。"
        #expect(rules(balance).isEmpty)
        #expect(rules(balance.replacingOccurrences(of: "结余220", with: "结余240")) == ["sum.revenue-balance"])
    }

    // MARK: shares and rates

    @Test func sharesOfATotalTheTextDoesNotStateAreOfTheSumOfItsItems() {
        let text = Self.title + """
        二、本级专项资金使用情况
        （一）用于群众体育支出553.90万元，占总数的98.93%。
        （二）用于竞技体育支出6.00万元，占总数的1.07%。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "98.93%", with: "38.93%")) == ["rate.share"])
        #expect(rules(text.replacingOccurrences(of: "支出6.00万元", with: "支出6.50万元")).contains("rate.share"))
    }

    @Test func disbursedFundsAreSpendingAndAProjectsFundsItsBudget() {
        let text = Self.title + "2、项目资金执行情况分析。项目资金共2179万元，截止2023年12月8日，已完成拨付2113.63万元，执行率97%。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "执行率97%", with: "执行率91%")) == ["rate.execution"])
    }

    // MARK: tables exported with bars

    @Test func aBarTableWhoseRowsWereCutShortIsRead() {
        let text = """
        就业补助资金绩效自评表（2023年度）
        资金使用单位 | 青林县人力资源和社会保障局 | ||||
        资金投入情况 (万元) |
        全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||
        年度资金总额: | 808.1 | 692.98 | 86% | ||||
        其中:中央财政资金 | 808.1 | 692.98 | 86% | ||||
        地方财政资金 | |||||||
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "年度资金总额: | 808.1 | 692.98 | 86%", with: "年度资金总额: | 808.1 | 692.98 | 76%")).contains("rate.execution"))
    }
}
