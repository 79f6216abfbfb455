import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Change statements ("较上年的A提高D", "比年初预算多支出D", "同比增长P%；上年A", "下降P%，由A下降至B",
/// "提高D个百分点") checked against the figures they compare; every slip with its clean twin, and the
/// wordings that stay unread because they are ambiguous. All figures are invented.
@Suite struct ChangeStatementTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()
    static let title = "青林县交通运输局2023年度部门整体支出绩效自评报告\n"

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: Self.title + text).findings }
    func rules(_ text: String) -> [String] { findings(text).map(\.rule) }
    func evidence(_ text: String) -> String { findings(text).map(\.evidence).joined(separator: " | ") }

    /// The clean sentence raises nothing; with `right` replaced by `wrong` it raises exactly `rule`.
    func expectSlip(_ clean: String, _ right: String, _ wrong: String, _ rule: String, evidence part: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rules(clean).isEmpty, sourceLocation: sourceLocation)
        let slipped = clean.replacingOccurrences(of: right, with: wrong)
        #expect(slipped != clean, sourceLocation: sourceLocation)
        #expect(rules(slipped) == [rule], sourceLocation: sourceLocation)
        if let part { #expect(evidence(slipped).contains(part), "\(evidence(slipped))", sourceLocation: sourceLocation) }
    }

    // MARK: slips, each with its clean twin

    @Test func aScoreDifferenceAgainstLastYearsStatedScore() {
        expectSlip("年度绩效自评得分91.6分，较上年的89.8分提高1.8分。", "1.8分", "2.8分", "sum.stated-difference",
                   evidence: "91.6 − 89.8 = 1.8 ≠ 2.8")
    }

    @Test func aRateWhoseFigureIsInThePreviousSentenceUnderTheSameName() {
        expectSlip("“三公”经费支出7.20万元。“三公”经费支出较上年减少1.80万元，下降20.00%。", "20.00%", "25.00%",
                   "rate.year-on-year", evidence: "7.20 + 1.80 = 9.00")
    }

    @Test func thisYearsFigureInThePreviousSentenceAndThePriorStated() {
        expectSlip("全年预算数2600.00万元，全年支出2480.00万元，预算执行率95.38%。全年支出较上年的2000.00万元增长24.00%。",
                   "24.00%", "42.00%", "rate.growth")
    }

    @Test func aRateAgainstAStatedPriorFigureWithNoDifference() {
        expectSlip("全年支出2480.00万元，较上年的2000.00万元增长24.00%。", "24.00%", "42.00%", "rate.growth",
                   evidence: "(2480.00 − 2000.00) ÷ 2000.00 × 100 = 24.00%")
    }

    @Test func lastYearsFigureStatedAfterTheRate() {
        expectSlip("全年受理行政许可申请2560件，同比增长28.0%；上年受理2000件。", "28.0%", "18.0%", "rate.growth")
    }

    @Test func aChangeOfPercentagesInPercentagePoints() {
        expectSlip("服务对象满意度由上年的88.4%提升至92.1%，提高3.7个百分点。", "3.7个", "7.3个", "sum.stated-difference",
                   evidence: "92.1 − 88.4 = 3.7 ≠ 7.3个百分点")
        expectSlip("服务对象满意度92.1%，较上年的88.4%提高3.7个百分点。", "3.7个", "4.7个", "sum.stated-difference")
    }

    @Test func aRateBeforeTheTwoFiguresItCompares() {
        expectSlip("全年安全生产事故起数较上年下降40.0%，由上年的10起下降至6起。", "40.0%", "30.0%", "rate.growth",
                   evidence: "(6 − 10) ÷ 10 × 100 = 40.00%")
    }

    @Test func aDifferenceAgainstTheBudgetItNames() {
        expectSlip("年初预算1850.00万元，全年支出1936.45万元，比年初预算多支出86.45万元。", "86.45", "68.45",
                   "sum.stated-difference", evidence: "1936.45 − 1850.00 = 86.45 ≠ 68.45")
        expectSlip("调整后预算1200.00万元，实际支出1150.30万元，比调整后预算节约49.70万元。", "49.70", "47.90",
                   "sum.stated-difference", evidence: "1200.00 − 1150.30 = 49.70")
    }

    @Test func aDifferenceAgainstLastYearsStatedFigure() {
        expectSlip("2023年实际支出1523.60万元，比上年的1400.00万元增加123.60万元。", "123.60", "132.60",
                   "sum.stated-difference", evidence: "1523.60 − 1400.00 = 123.60 ≠ 132.60")
    }

    @Test func twoYearsStatedAndTheirDifference() {
        expectSlip("2022年办理业务1600件，2023年办理业务1840件，同比增加240件，增长15.0%。", "15.0%", "13.0%", "rate.growth")
        expectSlip("2022年办理业务1600件，2023年办理业务1840件，同比增加240件，增长15.0%。", "240件", "420件", "sum.stated-difference")
    }

    // MARK: the wrong figure is blamed, not the right one

    @Test func aWrongDifferenceDoesNotMakeTheRightRateWrong() {
        // 123.60 ÷ 1400.00 = 8.83%: the rate is right, the difference is not
        expectSlip("2023年实际支出1523.60万元，比上年的1400.00万元增加123.60万元，增长8.83%。", "123.60", "132.60",
                   "sum.stated-difference")
        expectSlip("全县农村公路里程由2022年末的2400.0公里增至2023年末的2460.0公里，增加60.0公里，增长2.50%。",
                   "增加60.0公里", "增加66.0公里", "sum.stated-difference", evidence: "2460.0 − 2400.0 = 60.0 ≠ 66.0")
    }

    @Test func aWrongRateIsBlamedWhenTheDifferenceIsRight() {
        expectSlip("2023年实际支出1523.60万元，比上年的1400.00万元增加123.60万元，增长8.83%。", "8.83%", "9.83%", "rate.growth")
        expectSlip("全县农村公路里程由2022年末的2400.0公里增至2023年末的2460.0公里，增加60.0公里，增长2.50%。",
                   "2.50%", "2.05%", "rate.growth")
    }

    @Test func roundingIsNoSlip() {
        #expect(rules("服务对象满意度由上年的88.43%提升至92.11%，提高4个百分点。").isEmpty)
        #expect(rules("全年支出2481万元，较上年的2000万元增长24%。").isEmpty)
        #expect(rules("2023年实际支出1523.60万元，比上年的1400.00万元增加123.6万元，增长8.8%。").isEmpty)
    }

    // MARK: ambiguous: stays silent

    @Test func aPercentChangeOfAPercentageIsAmbiguous() {
        // 5.0 points or 5.56 % relative: either reading is possible
        #expect(rules("群众满意度由90.0%提高至95.0%，提高5.0%。").isEmpty)
        #expect(rules("群众满意度由90.0%提高至95.0%，提高5.6%。").isEmpty)
        #expect(rules("群众满意度95.0%，较上年的90.0%提高8.0%。").isEmpty)
    }

    @Test func aChangeAgainstLastYearIsNotADifferenceOfTheBudget() {
        #expect(rules("年初预算1850.00万元，全年支出1936.45万元，比上年增加300.00万元。").isEmpty)
        #expect(rules("全年支出1936.45万元，比年初预算多支出68.45万元。").isEmpty)
    }

    @Test func aBudgetNamedTwiceIsAmbiguous() {
        #expect(rules("年初预算1800.00万元，调整后预算1950.00万元，实际支出1900.00万元，较预算节约20.00万元。").isEmpty)
    }

    @Test func aChangeAfterTheOnePartOfAListMaySpeakOfEither() {
        // 100 ÷ 700 = 14.29% (the part), 100 ÷ 1900 = 5.26% (the whole): either reading holds
        #expect(rules("全年支出2000.00万元，其中项目支出800.00万元，比上年增加100.00万元，增长14.29%。").isEmpty)
        #expect(rules("全年支出2000.00万元，其中项目支出800.00万元，比上年增加100.00万元，增长5.26%。").isEmpty)
        // a rate that fits neither is a slip
        #expect(rules("全年支出2000.00万元，其中项目支出800.00万元，比上年增加100.00万元，增长10.00%。") == ["rate.year-on-year"])
        // with several parts that make up the whole exactly, the same: either reading, and a slip if neither
        #expect(rules("全年支出2000.00万元，其中基本支出1200.00万元，项目支出800.00万元，比上年增加100.00万元，增长14.29%。").isEmpty)
        #expect(rules("全年支出2000.00万元，其中基本支出1200.00万元，项目支出800.00万元，比上年增加100.00万元，增长5.26%。").isEmpty)
        #expect(rules("全年支出2000.00万元，其中基本支出1200.00万元，项目支出800.00万元，比上年增加100.00万元，增长10.00%。") == ["rate.year-on-year"])
        // with some parts only, a change after the last one stays unread
        #expect(rules("全年支出2000.00万元，主要是培训支出1100.00万元，宣传支出800.00万元，比上年增加100.00万元，增长10.00%。").isEmpty)
    }

    @Test func aRateOfAnotherSubjectIsNotChecked() {
        #expect(rules("全年支出2480.00万元，较上年的2000.00万元增长24.00%，其中项目支出增长35.00%。").isEmpty)
        #expect(rules("全年开展培训45场，较上年的40场增加5场，提高了服务能力，参训人数增长20.0%。").isEmpty)
        #expect(rules("全年支出较上年下降20.0%，其中公用经费由上年的80.00万元下降至60.00万元。").isEmpty)
    }

    @Test func changeWordsAsPlainVerbsAreNotChanges() {
        #expect(rules("全年培训1200人次，较上年的1000人次有所增长，提高服务水平。满意度达95.0%。").isEmpty)
    }

    @Test func rangesAndEstimatesAreNotChecked() {
        #expect(rules("全年受理申请2560件，较上年的2000件增长25%～30%。").isEmpty)
        #expect(rules("全年支出约2480万元，较上年的2000.00万元增长30.00%。").isEmpty)
        #expect(rules("全年支出2480.00万元，较上年的2000.00万元增加约500万元。").isEmpty)
    }

    @Test func lastYearsFigureOfAnotherMeasureIsNotTheBase() {
        #expect(rules("全年受理申请2560件，同比增长18.0%；上年办结1980件。").isEmpty)
    }

    @Test func aPreviousSentenceOfAnotherNameIsNotTheBase() {
        #expect(rules("“三公”经费预算7.20万元。“三公”经费支出较上年减少1.80万元，下降25.00%。").isEmpty)
        #expect(rules("全年预算数2480.00万元。全年支出较上年的2000.00万元增长42.00%。").isEmpty)
        // a listed part named exactly as the change names its subject is its figure: 1.80 ÷ 7.20 is
        // the rate computed on this year's figure, the classic slip (1.80 ÷ 9.00 = 20.00%)
        #expect(rules("全年支出90.00万元，其中“三公”经费支出7.20万元。“三公”经费支出较上年减少1.80万元，下降25.00%。") == ["rate.year-on-year"])
        #expect(rules("全年支出90.00万元，其中“三公”经费支出7.20万元。“三公”经费支出较上年减少1.80万元，下降20.00%。").isEmpty)
    }

    /// 15.18 ÷ 186.07 = 8.158%: written 8.16% when rounded, 8.15% when truncated; both are right.
    /// A percentage without decimals is taken as rounded only.
    @Test func aTruncatedRateIsNoSlip() {
        expectSlip("公务接待费支出201.25万元，较上年增加15.18万元，增长8.15%。", "8.15%", "8.25%", "rate.year-on-year")
        #expect(rules("公务接待费支出201.25万元，较上年增加15.18万元，增长8.16%。").isEmpty)
        #expect(rules("项目支出476.71万元，比上年减少1994.21万元，下降80%。") == ["rate.year-on-year"])
    }
}
