import Foundation
import Testing
import JXCheck
import JXExtract
import JXLint
import JXLoad
import JXRules

/// Indicator tables (绩效指标完成情况): targets written with comparator words and uncommon units,
/// targets as exact thresholds, and met targets declared 未完成. Invented unit, figures and wording.
@Suite struct StatusCheckTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    static let missed = "status.missed-target-declared-met"
    static let reverse = "status.met-target-declared-missed"

    /// (rule, line) of every finding.
    func found(_ text: String) -> [String] {
        Self.pipeline.report(text: text).findings.map { "\($0.rule)@\($0.span.start.line)" }
    }

    func table(_ rows: [String], status: Bool = false) -> String {
        let head = status ? "一级指标\t三级指标\t指标值\t完成值\t完成情况\t偏差原因" : "一级指标\t三级指标\t指标值\t完成值\t偏差原因"
        return (["青林县文化馆2023年度部门整体支出绩效自评报告", "表1 绩效指标完成情况", head] + rows).joined(separator: "\n") + "\n"
    }

    // MARK: targets written with a comparator word

    @Test func targetsWithComparatorWordsAreRead() {
        let text = table([
            "满意度指标\t观众满意度\t不低于92%\t88%\t",
            "产出指标\t借阅差错率\t不高于0.3%\t0.6%\t",
            "产出指标\t培训志愿者人数\t不少于150人\t132人\t",
            "产出指标\t送戏下乡场次\t大于等于40场\t37场\t",
            "产出指标\t证照办结时间\t不超过5个工作日\t6个工作日\t",
        ])
        #expect(found(text) == [4, 5, 6, 7, 8].map { "\(Self.missed)@\($0)" })
        let facts = Self.pipeline.facts(of: try! DocumentLoader.load(bytes: Array(text.utf8), path: "t.txt")).facts
        let targets = facts.filter { $0.isTarget }
        #expect(targets.map { $0.number.literal + $0.number.unitText } == ["92%", "0.3%", "150人", "40场", "5个工作日"])
        #expect(targets.map { $0.number.comparator } == [.atLeast, .atMost, .atLeast, .atLeast, .atMost])
    }

    @Test func targetsWithComparatorWordsThatAreMetStayQuiet() {
        let text = table([
            "满意度指标\t观众满意度\t不低于92%\t93%\t",
            "产出指标\t借阅差错率\t不高于0.3%\t0.2%\t",
            "产出指标\t培训志愿者人数\t不少于150人\t150人\t",
            "产出指标\t送戏下乡场次\t大于等于40场\t41场\t",
            "产出指标\t证照办结时间\t不超过5个工作日\t4个工作日\t",
            "产出指标\t展览场次\t12场以上\t15场\t",
        ])
        #expect(found(text).isEmpty)
    }

    // MARK: units

    @Test func uncommonUnitsAreCompared() {
        let text = table([
            "效益指标\t消防安全事故\t0起\t2起\t",
            "效益指标\tPM10年均浓度\t<60微克/立方米\t63微克/立方米\t",
            "效益指标\t文物受损率\t≤0.5‰\t0.8‰\t",
            "产出指标\t审批办理时限\t≤2个工作日\t3个工作日\t",
        ])
        #expect(found(text) == [4, 5, 6, 7].map { "\(Self.missed)@\($0)" })
    }

    @Test func uncommonUnitsThatMeetTheirTargetStayQuiet() {
        let text = table([
            "效益指标\t消防安全事故\t0起\t0起\t",
            "效益指标\tPM10年均浓度\t<60微克/立方米\t55微克/立方米\t",
            "效益指标\t文物受损率\t≤0.5‰\t0.4‰\t",
            "产出指标\t审批办理时限\t≤2个工作日\t2个工作日\t",
            // a plain count target is met by more
            "产出指标\t开展非遗展演\t3起\t5起\t",
        ])
        #expect(found(text).isEmpty)
    }

    // MARK: a comparator target is an exact threshold

    @Test func aThresholdIsNotARoundedFigure() {
        let text = table([
            "满意度指标\t观众满意度\t≥96%\t95.7%\t",
            "效益指标\t线上平台访问量\t≥2.4亿次\t2.36亿次\t",
            "产出指标\t藏品登记差错率\t≤0.3%\t0.34%\t",
            "满意度指标\t学员满意度\t≥96%\t95.96%\t",
        ])
        #expect(found(text) == [4, 5, 6, 7].map { "\(Self.missed)@\($0)" })
        let evidence = Self.pipeline.report(text: text).findings.first?.evidence ?? ""
        #expect(evidence.contains("≥96%") && evidence.contains("95.7%") && evidence.contains("未达到目标"))
    }

    @Test func anActualRoundedToTheThresholdStillMeetsIt() {
        let text = table([
            "满意度指标\t观众满意度\t≥96%\t96%\t",
            "满意度指标\t学员满意度\t≥96%\t96.0%\t",
            "产出指标\t藏品登记差错率\t≤0.3%\t0.3%\t",
            "效益指标\t线上平台访问量\t≥2.4亿次\t2.4亿次\t",
            // without a comparator the target is a rounded figure like the actual: 95.7% may be 96%
            "满意度指标\t读者满意度\t96%\t95.7%\t",
        ])
        #expect(found(text).isEmpty)
    }

    // MARK: the reverse: met, but declared 未完成 / 否

    @Test func aMetTargetDeclaredMissedIsReported() {
        let text = table([
            "产出指标\t修缮文物建筑\t3处\t3处\t未完成\t",
            "产出指标\t藏品数字化率\t≥80%\t83.5%\t未完成\t",
            "产出指标\t巡查覆盖率\t≥95%\t97%\t否\t",
            "产出指标\t开放天数\t不少于300天\t305天\t未达到\t",
        ], status: true)
        #expect(found(text) == [4, 5, 6, 7].map { "\(Self.reverse)@\($0)" })
        let evidence = Self.pipeline.report(text: text).findings[1].evidence
        #expect(evidence.contains("≥80%") && evidence.contains("83.5%") && evidence.contains("未完成"))
    }

    @Test func aTargetNotMetForSureIsNotReportedAsMet() {
        let text = table([
            // 95% may be 94.6%: not met for sure
            "产出指标\t巡查覆盖率\t≥95%\t95%\t否\t",
            // no comparator: 100% of 100% may be rounded
            "产出指标\t资料归档率\t100%\t100%\t未完成\t",
            // no comparator and no known direction: more is not known to be better
            "产出指标\t设备故障率\t2%\t5%\t否\t故障增多",
            "产出指标\t修缮文物建筑\t3处\t4处\t未完成\t",
            // the status words of a met target
            "产出指标\t藏品数字化率\t≥80%\t83.5%\t已完成\t",
            "产出指标\t开放天数\t不少于300天\t305天\t部分完成\t",
            // missed, and said so
            "产出指标\t讲座场次\t≥20场\t18场\t未完成\t场地维修停办两场",
        ], status: true)
        #expect(found(text).isEmpty)
    }

    @Test func bothRulesKeepTheirOwnRows() {
        let text = table([
            "产出指标\t讲座场次\t≥20场\t18场\t已完成\t",
            "产出指标\t藏品数字化率\t≥80%\t83.5%\t否\t",
        ], status: true)
        #expect(found(text) == ["\(Self.missed)@4", "\(Self.reverse)@5"])
    }

    // MARK: extraction

    @Test func cellsWithComparatorWordsAndNewUnitsBecomeFacts() {
        let text = table([
            "产出指标\t办理时限\t大于等于 3个工作日\t2个工作日\t",
            "效益指标\t火灾事故\t0起\t1起\t",
            "效益指标\t二氧化硫浓度\t≤20微克/立方米\t18微克/立方米\t",
        ])
        let facts = Self.pipeline.facts(of: try! DocumentLoader.load(bytes: Array(text.utf8), path: "t.txt")).facts
        #expect(facts.map { "\($0.number.comparator?.rawValue ?? "")\($0.number.literal)\($0.kind)" }
                == ["≥3个工作日", "2个工作日", "0起", "1起", "≤20微克/立方米", "18微克/立方米"])
        // a cell with more than a comparator and a value is still text
        let prose = table(["产出指标\t办理时限\t原则上不超过3个工作日\t2个工作日\t"])
        let proseFacts = Self.pipeline.facts(of: try! DocumentLoader.load(bytes: Array(prose.utf8), path: "t.txt")).facts
        #expect(!proseFacts.contains { $0.isTarget })
    }
}
