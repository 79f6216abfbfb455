import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// The table checks (rate, score, sum, status) on a 项目支出绩效自评表 a web page flattened into text.
@Suite struct FlatTableCheckTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings.filter { $0.severity != .info } }

    static let form = """
    某某培训项目绩效自评表(2023年度)
    项目名称 某某培训项目
    主管部门 某某局   实施单位 某某中心
    项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    (万元) 年度资金总额 50 50 46 10 92% 9.2
    其中:当年财政拨款 40 40 37 — 92.5% —
    上年结转资金 10 10 9 — 90% —
    绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    产出指标 数量指标 指标1:培训人次 500人次 520人次 20 20
    质量指标 指标1:合格率 ≥95% 96% 20 20
    效益指标 社会效益指标 指标1:参训人员技能提升情况,按培训后测评结果统计的合格人员比例 ≥90% 93%
    30 30
    满意度指标 服务对象满意度指标 指标1:学员满意度 ≥90% 85% 20 17 部分课程安排偏紧
    总分 100 96.2
    """

    func line(_ text: String, startingWith prefix: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(prefix) }! + 1
    }

    @Test func aCorrectFlattenedFormRaisesNothing() {
        #expect(findings(Self.form).isEmpty)
    }

    @Test func aWrongExecutionRate() {
        let slip = Self.form.replacingOccurrences(of: "40 40 37 — 92.5% —", with: "40 40 37 — 95.2% —")
        #expect(findings(slip).contains { $0.rule == "rate.execution" && $0.span.start.line == 6 })
    }

    @Test func aScoreAboveItsWeight() {
        // on a row whose numbers the long cell pushed onto the next line
        let slip = Self.form.replacingOccurrences(of: "\n30 30\n", with: "\n30 35\n")
        #expect(findings(slip).contains { $0.rule == "score.item-above-cap" && $0.span.start.line == 12 })
        let plain = Self.form.replacingOccurrences(of: "≥95% 96% 20 20", with: "≥95% 96% 20 22")
        #expect(findings(plain).contains { $0.rule == "score.item-above-cap" && $0.span.start.line == 10 })
    }

    @Test func aWrongTotalScore() {
        // 9.2 + 20 + 20 + 30 + 17 = 96.2: the total counts the money block's score
        let slip = Self.form.replacingOccurrences(of: "总分 100 96.2", with: "总分 100 98.2")
        #expect(findings(slip).contains { $0.rule == "score.items-vs-total" && $0.span.start.line == 14 })
    }

    @Test func aMissedTargetDeclaredMet() {
        // 85% against ≥90%, full marks and no deviation note
        let slip = Self.form.replacingOccurrences(of: "85% 20 17 部分课程安排偏紧", with: "85% 20 20")
            .replacingOccurrences(of: "总分 100 96.2", with: "总分 100 99.2")
        let found = findings(slip)
        #expect(found.contains { $0.rule == "status.missed-target-declared-met" && $0.span.start.line == 13 })
        #expect(found.count == 1)
    }

    @Test func aWrongTotalOfTheFunds() {
        let slip = Self.form.replacingOccurrences(of: "年度资金总额 50 50 46", with: "年度资金总额 60 50 46")
        #expect(findings(slip).contains { $0.rule == "sum.table-children" && $0.span.start.line == 5 })
    }

    @Test func aMissedTargetWithADockedScoreAndNoNoteIsNoSlip() {
        // the docked score says the target was missed; in a form that writes no note on any row the
        // empty note claims nothing
        let text = Self.form.replacingOccurrences(of: "85% 20 17 部分课程安排偏紧", with: "85% 20 17")
        #expect(findings(text).isEmpty)
        // where other rows write theirs, a missed target without one is still reported
        let other = Self.form.replacingOccurrences(of: "≥95% 96% 20 20", with: "≥95% 93% 20 18")
            .replacingOccurrences(of: "总分 100 96.2", with: "总分 100 94.2")
        #expect(findings(other).contains { $0.rule == "status.missed-target-declared-met" && $0.span.start.line == 10 })
    }

    static let oneLine = "某某项目支出绩效自评表 (2023年度) 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
        + "年度资金总额 80 80 72 10 90% 9 其中:当年财政拨款 80 80 72 上年结转资金 其他资金 "
        + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
        + "产出指标(60分) 数量指标 维护设施数量 ≥12处 12 30 30 质量指标 验收合格率 100% 100% 30 30 "
        + "效益指标(30分) 社会效益指标 群众满意度 ≥90% 93% 30 30 总分 100 99"

    @Test func aWholeFormOnOneLineIsChecked() {
        #expect(findings(Self.oneLine).isEmpty)
        let rate = Self.oneLine.replacingOccurrences(of: "80 80 72 10 90% 9", with: "80 80 72 10 95% 9.5")
        #expect(findings(rate).contains { $0.rule == "rate.execution" })
        let above = Self.oneLine.replacingOccurrences(of: "100% 100% 30 30", with: "100% 100% 30 35")
        #expect(findings(above).contains { $0.rule == "score.item-above-cap" })
        let total = Self.oneLine.replacingOccurrences(of: "总分 100 99", with: "总分 100 97")
        #expect(findings(total).contains { $0.rule == "score.items-vs-total" })
        let met = Self.oneLine.replacingOccurrences(of: "≥90% 93% 30 30", with: "≥90% 83% 30 30")
        #expect(findings(met).contains { $0.rule == "status.missed-target-declared-met" })
    }
}
