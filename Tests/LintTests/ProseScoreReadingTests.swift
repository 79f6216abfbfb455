import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Issue 9: scores written in prose or in indicator sheets flattened into one run of text, read
/// with the checks of a score table. Every sentence and figure here is made up; each clean text
/// has slipped twins that must raise the finding that belongs to the slip.
@Suite struct ProseScoreReadingTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings.filter { $0.severity != .info } }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }

    static let title = "青林县文化站2023年度部门整体支出绩效自评报告\n"

    // MARK: flattened indicator sheets

    /// Weights only, closed by 合计: the rows before may be missing (a page that starts mid-table),
    /// so only weights that exceed the total are a slip.
    @Test func theWeightsOfAFlattenedSheetMustNotExceedItsTotal() {
        let text = Self.title + "产出指标 数量指标 培训人次≥200人次 25 质量指标 培训合格率≥95% 25 效益指标 学员满意度≥90% 30 合计100 评价结论：目标全部完成。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "≥95% 25", with: "≥95% 65")) == ["score.prose-items"])
        // below the total: an open list, no slip to report
        #expect(rules(text.replacingOccurrences(of: "≥95% 25", with: "≥95% 15")).isEmpty)
    }

    /// Weight, actual value and score per indicator, 合计 with the full mark and the total score.
    static let sheet = title + """
    预算执行率 100% 10 97% 9.7 产出指标 数量指标 巡查次数≥12次 30 12次 30 质量指标 整改完成率≥90% 30 93% 28 满意度指标 群众满意度≥90% 30 92% 27 合计 100 94.7
    评价结论：项目自评得分94.7分，等级为优。
    """

    @Test func aFlattenedSheetWithScoresIsCheckedLikeAScoreTable() {
        #expect(rules(Self.sheet).isEmpty)
        // a score changed: the scores no longer make the total
        #expect(rules(Self.sheet.replacingOccurrences(of: "93% 28", with: "93% 23")).contains("score.prose-items"))
        // a score above its weight
        #expect(rules(Self.sheet.replacingOccurrences(of: "92% 27", with: "92% 37")).contains("score.prose-items"))
        // a weight changed: the scores make the total, so the weights must make the full mark
        #expect(rules(Self.sheet.replacingOccurrences(of: "≥90% 30 93%", with: "≥90% 35 93%")).contains("score.prose-items"))
        // the total stated in the text against the sheet's
        #expect(rules(Self.sheet.replacingOccurrences(of: "得分94.7分", with: "得分95.7分")).contains("score.prose-items"))
        // the execution rate's score is its weight times the rate
        #expect(rules(Self.sheet.replacingOccurrences(of: "97% 9.7", with: "97% 9.2").replacingOccurrences(of: "94.7", with: "94.2")) == ["score.prose-by-rate"])
    }

    @Test func twoFlattenedSheetsAreEachReadOnTheirOwn() {
        let text = Self.title + """
        一、道路养护项目：预算执行率 100% 10 96% 9.6 产出指标 数量指标 养护里程≥100公里 50 102公里 50 满意度指标 群众满意度≥90% 40 92% 36 合计 100 95.6
        二、路灯维护项目：预算执行率 100% 10 98% 9.8 产出指标 数量指标 维护路灯≥30处 50 31处 50 满意度指标 群众满意度≥90% 40 95% 38 合计 100 97.8
        """
        // the same indicators with other scores in the other sheet are no restatement of one figure
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "95% 38", with: "95% 35")) == ["score.prose-items"])
    }

    /// One row per line without a header (a PDF export), the total on a line of its own.
    @Test func aFlattenedSheetOneRowPerLineIsReadToo() {
        let text = Self.title + """
        预算执行率 100% 10 98% 9.8
        产出指标 数量指标 培训人次≥200人次 30 215人次 30
        质量指标 培训合格率≥95% 30 97% 29
        满意度指标 学员满意度≥90% 30 93% 28
        合计 100 96.8
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "97% 29", with: "97% 24")) == ["score.prose-items"])
        #expect(rules(text.replacingOccurrences(of: "≥95% 30", with: "≥95% 35")) == ["score.prose-items"])
    }

    @Test func aRunOfMoneyClosedByATotalIsNoScoreSheet() {
        let text = Self.title + "基本支出 120 项目支出 236 合计 356 340"
        #expect(!rules(text).contains("score.prose-items"))
        let lines = Self.title + "基本支出 120 110\n项目支出 236 230\n合计 356 340"
        #expect(!rules(lines).contains("score.prose-items"))
    }

    // MARK: prose

    /// "满分100分，自评得分92分" states the evaluation's full mark and total, not an indicator; the
    /// dimensions summed in the next sentence make them up.
    static let summary = title + """
    经自评，满分100分，自评得分92.5分，等级为优。其中：决策指标（20分）得分18分，过程指标（20分）得分19分，产出指标（40分）得分38分，效益指标（20分）得分17.5分，总得分92.5分。
    """

    @Test func aSummaryOfDimensionsIsReadAgainstTheFullMarkAndEveryStatedTotal() {
        #expect(rules(Self.summary).isEmpty)
        #expect(rules(Self.summary.replacingOccurrences(of: "过程指标（20分）", with: "过程指标（30分）")) == ["score.prose-items"])
        #expect(rules(Self.summary.replacingOccurrences(of: "得分19分", with: "得分17分")).contains("score.prose-items"))
        // the first of the two totals
        #expect(rules(Self.summary.replacingOccurrences(of: "自评得分92.5分", with: "自评得分96.5分")).contains("score.prose-items"))
    }

    @Test func aWeightInBracketsAfterAScoreIsThatScoresWeight() {
        let text = Self.title + "本项目总分100分，综合得分88分，评价等级为良。其中，决策类指标得分13分（满分15分），过程类指标得分18分（满分25分），产出类指标得分37分（满分40分），效益类指标得分20分（满分20分）。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "得分18分", with: "得分28分")).contains("score.prose-items"))
        #expect(rules(text.replacingOccurrences(of: "（满分40分）", with: "（满分45分）")) == ["score.prose-items"])
    }

    @Test func indicatorsWithoutAWeightOfTheirOwnStandForTheirSubIndicators() {
        let text = Self.title + """
        （一）预算执行情况。预算执行率95%，权重10分，得95%权重分，即9.5分。
        （二）产出指标。完成道路养护120公里，权重40分，得40分；验收合格率98%，权重20分，得19分。
        （三）效益指标。通行条件改善，权重30分，得27分。
        三、自评结论
        本项目满分100分，自评得分95.5分，评价等级为优。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "权重20分", with: "权重25分")) == ["score.prose-items"])
        #expect(rules(text.replacingOccurrences(of: "得19分", with: "得17分")).contains("score.prose-items"))
        // 得95%权重分: the score is 95% of the weight
        #expect(rules(text.replacingOccurrences(of: "即9.5分", with: "即9.0分").replacingOccurrences(of: "95.5分", with: "95.0分")) == ["score.prose-by-rate"])
    }

    @Test func theWeightLessThePointsLostIsTheScore() {
        let text = Self.title + """
        （一）预算编制（满分10分）。有1个项目未细化到具体用途，扣1分，得9分。
        （二）预算执行（满分90分）。全年预算执行率100%，得90分。
        以上合计得分99分。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "扣1分", with: "扣2分")) == ["score.prose-items"])
        // a scoring rule ("每…扣") is no deduction
        #expect(rules(text.replacingOccurrences(of: "扣1分", with: "每少1个扣0.5分")).isEmpty)
    }

    @Test func pointsLostStatedApartUnderAnIndicatorsNameAreItsDeductions() {
        let text = Self.title + """
        二、评价结论
        项目综合得分89分，评价等级为良。其中，决策类指标得分15分（满分15分），过程类指标得分18分（满分20分），产出类指标得分36分（满分40分），效益类指标得分20分（满分25分）。
        三、扣分原因
        （一）过程类指标扣2分，主要是资金拨付滞后。
        （二）产出类指标扣4分，主要是部分工程延期。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "过程类指标扣2分", with: "过程类指标扣3分")).contains("score.prose-items"))
    }

    @Test func aWeightInTheClauseAfterAScoreIsThatScoresWeight() {
        let text = Self.title + "项目决策指标得分为13分，满分15分；项目过程指标得分为18分，满分20分；项目产出指标得分为38分，满分40分；项目效益指标得分为22分，满分25分。四项合计得分91分，满分100分，评价等级为优。"
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "满分20分", with: "满分30分")) == ["score.prose-items"])
        #expect(rules(text.replacingOccurrences(of: "得分为38分", with: "得分为36分")).contains("score.prose-items"))
    }

    @Test func paragraphsInARowThatEachOpenWithAWeightAreOneList() {
        let text = Self.title + """
        项目决策（15分）：立项依据充分，得15分。
        项目过程（25分）：资金到位及时，得23分。
        项目产出（40分）：完成培训10期，得37分。
        项目效益（20分）：群众满意度95%，得19分。
        本项目绩效评价总分为94分，评价等级为优。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "得23分", with: "得21分")).contains("score.prose-items"))
        #expect(rules(text.replacingOccurrences(of: "项目产出（40分）", with: "项目产出（45分）")).contains("score.prose-items"))
    }

    @Test func aFigureWhoseScoreFollowsInBracketsIsItsWeight() {
        let text = Self.title + "各项指标分值和得分情况：预算执行率20分（得分19.6分）、产出指标40分（得分38分）、效益指标30分（得分27分）、满意度指标10分（得分9分），合计得分93.6分，评价等级为优。"
        // the weights are no parts of the total score
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "得分38分", with: "得分36分")) == ["score.prose-items"])
        #expect(rules(text.replacingOccurrences(of: "效益指标30分", with: "效益指标35分")) == ["score.prose-items"])
    }

    @Test func aBracketedFigureAfterAWeightIsNoScore() {
        let text = Self.title + "（一）项目执行（5分）：执行规范（特性指标60分）。"
        #expect(rules(text).isEmpty)
    }
}
