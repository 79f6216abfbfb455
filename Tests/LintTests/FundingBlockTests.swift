import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// The 项目资金 block of a 项目支出绩效自评表, in any source format: rates written as fractions,
/// a total against a lone 其中 row and empty parts, 分值 repeated on every row of the block.
@Suite struct FundingBlockTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func findings(_ text: String) -> [Finding] { Self.pipeline.report(text: text).findings.filter { $0.severity != .info } }

    /// 58.30 ÷ 60.00 = 0.971666…: 0.971 truncated, 0.972 rounded.
    static func fractionTable(_ total: String, _ part: String) -> String {
        """
        某某维修项目绩效自评表(2023年度)

        | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |
        |---|---|---|---|---|
        | 年度资金总额 | 60.00 | 60.00 | 58.30 | \(total) |
        | 其中：当年财政拨款 | 60.00 | 60.00 | 58.30 | \(part) |
        | 上年结转资金 | | | | |
        """
    }

    @Test func aRateWrittenAsAFractionIsReadAsItsPercentage() {
        // truncated or rounded at the shown digits: no slip either way
        #expect(findings(Self.fractionTable("0.971", "0.972")).isEmpty)
        #expect(findings(Self.fractionTable("0.97", "0.9717")).isEmpty)
        // one digit off either way, or a wrong digit, is a slip at its cell
        for wrong in ["0.970", "0.973", "0.171"] {
            let found = findings(Self.fractionTable(wrong, "0.972"))
            #expect(found.contains { $0.rule == "rate.execution" && $0.span.start.line == 5 }, "\(wrong)")
            #expect(!found.contains { $0.span.start.line == 6 }, "\(wrong)")
        }
    }

    /// A total row whose 其中 parts exceed it in three columns is one slip of the row: one finding
    /// at the first column, the other columns in its evidence and related figures.
    @Test func aTotalRowFailingInSeveralColumnsIsOneFinding() throws {
        let text = """
            某某维修项目绩效自评表(2023年度)

            | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
            |---|---|---|---|
            | 年度资金总额 | 0 | 0 | 0 |
            | 其中：当年财政拨款 | 60.00 | 60.00 | 58.30 |
            | 上年结转资金 | | | |
            """
        let found = findings(text).filter { $0.rule == "sum.table-children" }
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.span.start.line == 5)
        #expect(finding.evidence.components(separatedBy: "；").count == 3)
    }

    @Test func aRateColumnWrittenInPercentIsNotReadAsFractions() {
        // 5.00 ÷ 1000.00 = 0.50%: a column headed (%) holds percentages however small
        let text = """
        | 项目 | 预算数（万元） | 支出数（万元） | 执行率（%） |
        |---|---|---|---|
        | 某某设备购置 | 1000.00 | 5.00 | 0.50 |
        """
        #expect(findings(text).isEmpty)
        // nor does a column whose other rates are written as percentages
        let mixed = """
        | 项目 | 预算数（万元） | 支出数（万元） | 执行率 |
        |---|---|---|---|
        | 某某设备购置 | 1000.00 | 5.00 | 0.50 |
        | 某某维修 | 200.00 | 190.00 | 95.00 |
        """
        #expect(findings(mixed).isEmpty)
    }

    @Test func aFlattenedFormWithAFractionRate() {
        let text = """
        某某维修项目绩效自评表(2023年度)
        项目名称 某某维修项目
        主管部门 某某局   实施单位 某某中心
        项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
        (万元) 年度资金总额 60.00 60.00 58.30 10 0.971 9
        其中:当年财政拨款 60.00 60.00 58.30 10 0.971 9
              上年结转资金
          其他资金
        年度总体目标 预期目标 实际完成情况
        """
        // 10 × 97.1% = 9.71 written 9: whole points, cut down
        #expect(findings(text).isEmpty)
        let slip = text.replacingOccurrences(of: "58.30 10 0.971 9\n其中", with: "58.30 10 0.917 9\n其中")
        #expect(findings(slip).contains { $0.rule == "rate.execution" && $0.span.start.line == 5 })
    }

    @Test func aWholePointScoreIsTheProductRoundedOrCutDown() {
        func table(_ score: String) -> String {
            """
            | 指标 | 预算数（万元） | 执行数（万元） | 预算执行率 | 分值 | 得分 |
            |---|---|---|---|---|---|
            | 资金总体 | 60.00 | 57.50 | 95.83% | 10 | \(score) |
            """
        }
        #expect(findings(table("9")).isEmpty)
        #expect(findings(table("10")).isEmpty)
        #expect(findings(table("8")).contains { $0.rule == "score.weighted-rate" })
        // a score with decimals is compared at its decimals
        #expect(findings(table("9.0")).contains { $0.rule == "score.weighted-rate" })
    }

    static let fundsWithEmptyParts = """
    某某维修项目绩效自评表(2023年度)
    项目名称 某某维修项目
    主管部门 某某局   实施单位 某某中心
    项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    (万元) 年度资金总额 64 64 61.7 10 96.4% 9.6
    其中:当年财政拨款 64 64 61.7 10 96.4% 9.6
          上年结转资金
      其他资金
    年度总体目标 预期目标 实际完成情况
    """

    @Test func aTotalAgainstOneFilledPartAndEmptyOnes() {
        #expect(findings(Self.fundsWithEmptyParts).isEmpty)
        let total = Self.fundsWithEmptyParts.replacingOccurrences(of: "年度资金总额 64 64", with: "年度资金总额 74 64")
        #expect(findings(total).contains { $0.rule == "sum.table-children" && $0.span.start.line == 5 })
        let part = Self.fundsWithEmptyParts.replacingOccurrences(of: "当年财政拨款 64 64 61.7", with: "当年财政拨款 64 64 51.7")
        #expect(findings(part).contains { $0.rule == "sum.table-children" })
        // one unit of the last digit off: the total is its one part, written alike or not at all
        let digit = Self.fundsWithEmptyParts.replacingOccurrences(of: "当年财政拨款 64 64 61.7", with: "当年财政拨款 64 64 61.6")
        #expect(findings(digit).contains { $0.rule == "sum.table-children" && $0.span.start.line == 5 })
        let integer = Self.fundsWithEmptyParts.replacingOccurrences(of: "年度资金总额 64 64", with: "年度资金总额 63 64")
        #expect(findings(integer).contains { $0.rule == "sum.table-children" && $0.span.start.line == 5 })
        // the same form as a pipe table
        let pipe = """
        | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
        |---|---|---|---|
        | 年度资金总额 | 74 | 64 | 61.7 |
        | 其中：当年财政拨款 | 64 | 64 | 61.7 |
        | 上年结转资金 | | | |
        | 其他资金 | | | |
        """
        #expect(findings(pipe).contains { $0.rule == "sum.table-children" && $0.span.start.line == 3 })
        #expect(findings(pipe.replacingOccurrences(of: "| 74 |", with: "| 64 |")).isEmpty)
    }

    @Test func aTotalWithALoneQizhongRow() {
        // no other rows: the 其中 part may be one of several, it can only not exceed the total
        let text = """
        | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
        |---|---|---|---|
        | 年度资金总额 | 90 | 90 | 85.5 |
        | 其中：当年财政拨款 | 80 | 80 | 75.5 |
        """
        #expect(findings(text).isEmpty)
        let zero = text.replacingOccurrences(of: "| 年度资金总额 | 90 |", with: "| 年度资金总额 | 0 |")
        #expect(findings(zero).contains { $0.rule == "sum.table-children" && $0.span.start.line == 3 })
    }

    @Test func twoRowsThatAreNoTotalAndPartAreNotSummed() {
        let text = """
        | 项目 | 预算数（万元） | 支出数（万元） |
        |---|---|---|
        | 某某维修 | 90 | 85.5 |
        | 某某设备购置 | 80 | 75.5 |
        """
        #expect(findings(text).isEmpty)
        let total = """
        | 项目 | 预算数（万元） | 支出数（万元） |
        |---|---|---|
        | 某某维修 | 90 | 85.5 |
        | 合计 | 170 | 161 |
        """
        #expect(!findings(total).contains { $0.category == .sum })
    }

    static let repeatedWeights = """
    某某培训项目绩效自评表(2023年度)
    项目名称 某某培训项目
    主管部门 某某局   实施单位 某某中心
    项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    (万元) 年度资金总额 50 50 46 10 92% 9.2
    其中:当年财政拨款 50 50 46 10 92% 9.2
          上年结转资金
      其他资金
    绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
    产出指标 数量指标 指标1:培训人次 500人次 520人次 20 20
    质量指标 指标1:合格率 ≥95% 96% 20 20
    效益指标 社会效益指标 指标1:技能提升比例 ≥90% 93% 30 30
    满意度指标 服务对象满意度指标 指标1:学员满意度 ≥90% 85% 20 17 部分课程安排偏紧
    总分 100 96.2
    """

    @Test func weightsRepeatedOnThePartsOfTheFundsCountOnce() {
        #expect(findings(Self.repeatedWeights).isEmpty)
        let slip = Self.repeatedWeights.replacingOccurrences(of: "总分 100 96.2", with: "总分 100 98.2")
        let found = findings(slip)
        #expect(found.contains { $0.rule == "score.items-vs-total" && $0.span.start.line == 14 })
        #expect(found.count == 1)
    }

    @Test func weightsRepeatedOnThePartsOfTheFundsInOneTable() {
        let text = """
        某某培训项目绩效自评表(2023年度)

        | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
        |---|---|---|---|---|---|---|
        | 年度资金总额 | 50 | 50 | 46 | 10 | 92% | 9.2 |
        | 其中：当年财政拨款 | 50 | 50 | 46 | 10 | 92% | 9.2 |
        | 上年结转资金 | | | | | | |
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
        | 产出指标 | 数量指标 | 培训人次 | 500人次 | 520人次 | 20 | 20 |
        | 产出指标 | 质量指标 | 合格率 | ≥95% | 96% | 20 | 20 |
        | 效益指标 | 社会效益指标 | 技能提升比例 | ≥90% | 93% | 30 | 30 |
        | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% | 85% | 20 | 17 |
        | 总分 | | | | | 100 | 96.2 |
        """
        #expect(findings(text).isEmpty)
        let weights = text.replacingOccurrences(of: "| 93% | 30 | 30 |", with: "| 93% | 35 | 30 |")
        #expect(findings(weights).contains { $0.rule == "score.items-vs-total" && $0.span.start.line == 13 })
    }
}
