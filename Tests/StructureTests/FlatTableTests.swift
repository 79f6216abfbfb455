import Foundation
import Testing
import JXCore
import JXLoad
import JXNormalize
@testable import JXStructure

/// Tables a web page export flattened into text: one row per line, cells divided by spaces.
@Suite struct FlatTableTests {
    static let form = """
    某某培训项目绩效自评表(2023年度)
    项目名称 某某培训项目
    项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
    (万元) 年度资金总额 50 50 46 10 92% 9.2
    其中:当年财政拨款 40 40 37 — 92.5% —
    上年结转资金 10 10 9 — 90% —
    绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施
    指标值 完成值
    产出指标 数量指标 指标1:培训人次 500人次 520 人次 20 20
    质量指标 指标1:合格率 ≥ 95% 96% 20 20
    效益指标 社会效益指标 指标1:参训人员技能提升情况,按培训后测评结果统计的合格人员比例 ≥90% 93%
    30 30
    满意度指标 服务对象满意度指标 指标1:学员满意度 ≥90% 85% 20 17 部分课程安排偏紧
    总分 100 96.2
    """

    @Test func theMoneyBlockIsATableOfItsOwn() throws {
        let doc = structure(Self.form)
        #expect(doc.tables.count == 2)
        let money = try #require(doc.tables.first)
        #expect(money.origin == .spaceSeparated)
        // the unit under the first title joins it, and gives the table its unit
        #expect(money.headerSegments[0] == ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
        #expect(money.unit == "万元")
        #expect(money.grid.dropFirst().map { $0 } == [
            ["年度资金总额", "50", "50", "46", "10", "92%", "9.2"],
            ["其中:当年财政拨款", "40", "40", "37", "—", "92.5%", "—"],
            ["上年结转资金", "10", "10", "9", "—", "90%", "—"],
        ])
        #expect(money.firstLine == 3 && money.lastLine == 6)
    }

    @Test func indicatorRowsAreReadFromTheRight() throws {
        let doc = structure(Self.form)
        let sheet = try #require(doc.tables.last)
        // the titles the export wrapped onto the next line are whole again
        #expect(sheet.headerSegments[0] == ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"])
        let data = sheet.rows.filter { $0.kind == .data }
        #expect(data.map(\.line) == [9, 10, 11, 13, 14])
        let grid = sheet.grid.filter { !$0.allSatisfy(\.isEmpty) }.dropFirst().map { $0 }
        // merged names on the left are inherited; units and comparators written apart stay with their number
        #expect(grid[0] == ["", "产出指标", "数量指标", "指标1:培训人次", "500人次", "520人次", "20", "20", ""])
        #expect(grid[1] == ["", "产出指标", "质量指标", "指标1:合格率", "≥95%", "96%", "20", "20", ""])
        #expect(sheet.rows.first { $0.line == 10 }?.cell(1)?.inherited == true)
        // the numbers alone on the next line belong to the row the long cell pushed them from
        #expect(grid[2][6...7] == ["30", "30"])
        #expect(data[2].lastLine == 12)
        #expect(grid[3][8] == "部分课程安排偏紧")
        // a total row puts its numbers in the last number columns
        #expect(grid[4] == ["总分", "", "", "", "", "", "100", "96.2", ""])
    }

    @Test func cellsKeepTheirSourceColumns() throws {
        let doc = structure(Self.form)
        let sheet = try #require(doc.tables.last)
        let row = try #require(sheet.rows.first { $0.line == 9 })
        // "520 人次": the number's position is where the source has it
        let actual = try #require(row.cell(5))
        #expect(actual.text.positions.first == SourcePosition(line: 9, column: 26))
    }

    @Test func proseWithSeveralNumbersIsNoTable() {
        let text = """
        全年预算数 50 万元 执行数 46 万元 执行率 92% 得分 9.2
        项目资金 共计 50 万元，其中 当年财政拨款 40 万元 上年结转 10 万元。
        本年度 培训 500 人次 合格率 96% 满意度 85%
        """
        #expect(structure(text).tables.isEmpty)
    }

    @Test func aHeaderWithoutRowsThatFitIsNoTable() {
        // three known titles, but the lines below are prose
        let text = """
        一级指标 二级指标 分值 得分
        本项目绩效目标设定合理，各项指标均已完成，自评得分 95 分。
        """
        #expect(structure(text).tables.isEmpty)
        // nor a header whose titles hold no numbers
        #expect(structure("项目名称 实施单位 主管部门\n某项目 某单位 某局").tables.isEmpty)
    }

    @Test func titlesOfNoKnownColumnOverRowsOfFiguresAreATable() throws {
        let text = """
        街道        改造户数   拆除重建   维修加固   已竣工   竣工率
        东城街道    60         20         40         58       96.67%
        西城街道    45         15         30         45       100.00%
        合计        105        35         70         103      98.10%
        """
        let table = try #require(structure(text).tables.first)
        #expect(table.headerSegments[0] == ["街道", "改造户数", "拆除重建", "维修加固", "已竣工", "竣工率"])
        #expect(table.grid.count == 4)
        // one line of figures is not enough to tell a table from a line with gaps
        #expect(structure("街道        改造户数   拆除重建   维修加固\n东城街道    60         20         40").tables.isEmpty)
        // nor are rows whose later cells are words
        #expect(structure("街道        负责人   联系方式   备注\n东城街道    张某     电话       无\n西城街道    李某     电话       无").tables.isEmpty)
    }

    @Test func aHeaderRepeatedAfterAPageLineContinuesTheTable() throws {
        let text = """
        科目编码  科目名称            年初预算     全年预算     决算数     完成全年预算（%）
        2010101   行政运行            100.00       120.00       118.00     98.33
        — 3 —
        科目编码  科目名称            年初预算     全年预算     决算数     完成全年预算（%）
        2010102   一般行政管理事务    50.00        40.00        40.00      100.00
        """
        let doc = structure(text)
        let table = try #require(doc.tables.first)
        #expect(doc.tables.count == 1)
        #expect(table.rows.filter { $0.kind == .data }.count == 2)
        // with no page line between them, a header line again starts no continuation: it is another table's
        let noBreak = structure(text.replacingOccurrences(of: "— 3 —\n", with: ""))
        #expect(noBreak.tables.first?.rows.filter { $0.kind == .data }.count == 1)
    }

    @Test func aRowOfTheWrongShapeEndsTheTable() throws {
        let text = """
        一级指标 三级指标 年度指标值 实际完成值 分值 得分
        产出指标 培训人次 500人次 520人次 50 50
        效益指标 满意度 ≥90% 92% 50 48
        成本指标 项目成本控制在预算内 本着节约的原则，控制在预算中。
        """
        let doc = structure(text)
        let table = try #require(doc.tables.first)
        #expect(table.lastLine == 3)
        #expect(doc.paragraphs.contains { $0.string.hasPrefix("成本指标") })
    }

    @Test func aRowMissingTheMergedPointsFillsTheAmountsFromTheLeft() throws {
        let text = """
        项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
        年度资金总额 80 80 72 10 90% 9
        其中:当年财政拨款 80 80 72
        """
        let table = try #require(structure(text).tables.first)
        #expect(table.grid.last == ["其中:当年财政拨款", "80", "80", "72", "", "", ""])
    }

    @Test func theEmptyPartsAfterAQizhongRowAtTheEndAreKept() throws {
        // the form states the other sources of the funds, left empty, after the last row of figures
        let text = """
        项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
        年度资金总额 80 80 72 10 90% 9
        其中:当年财政拨款 80 80 72 10 90% 9
              上年结转资金
          其他资金
        年度总体目标 预期目标 实际完成情况
        """
        let table = try #require(structure(text).tables.first)
        #expect(table.lastLine == 5)
        #expect(table.grid.suffix(2).map { $0.first } == ["上年结转资金", "其他资金"])
        // after a row that is no 其中 part, names alone end the table as before
        let plain = text.replacingOccurrences(of: "其中:当年财政拨款", with: "当年财政拨款")
        #expect(try #require(structure(plain).tables.first).lastLine == 3)
    }

    @Test func aRowWithEmptyCellsIsReadByWhereItsCellsStand() throws {
        // a table laid out in columns: a total column, and rows that leave some cells empty
        let text = """
        科目编码   科目名称              合计      基本支出    项目支出
        201        一般公共服务支出      120.00    90.00       30.00
        2010101    行政运行              90.00     90.00
        2010199    其他事务支出          30.00                 30.00
        合计                             120.00    90.00       30.00
        """
        let table = try #require(structure(text).tables.first)
        #expect(table.lastLine == 5)
        let rows = table.grid.dropFirst().map { $0 }
        #expect(rows[1] == ["2010101", "行政运行", "90.00", "90.00", ""])
        #expect(rows[2] == ["2010199", "其他事务支出", "30.00", "", "30.00"])
    }

    @Test func aDeductionColumnIsOneOfTheNumbers() throws {
        let text = """
        一级指标    二级指标    分值    扣分    得分
        决策        目标设定    10      1       9
        过程        资金管理    20      0.5     19.5
        合计                    30      1.5     28.5
        """
        let table = try #require(structure(text).tables.first)
        #expect(table.grid.count == 4)
        #expect(table.grid[2] == ["过程", "资金管理", "20", "0.5", "19.5"])
    }

    @Test func aRowMissingAnAmountIsNotGuessed() {
        // one figure under two amount columns: which year it belongs to cannot be told
        let text = """
        项目 上年执行数 本年预算数
        支出合计   2500
        公务接待费   1500
        """
        #expect(structure(text).tables.isEmpty)
    }

    static let oneLine = "某某项目支出绩效自评表 (2023年度) 项目名称 某某维护项目 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
        + "年度资金总额 80 80 72 10 90% 9 其中:当年财政拨款 80 80 72 上年结转资金 其他资金 年度总体目标 完成某某设施的日常维护。 "
        + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
        + "产出指标 数量指标 维护设施数量 ≥12处 12 30 30 质量指标 验收合格率 100% 100% 30 30 "
        + "效益指标 社会效益指标 群众满意度 ≥90% 93% 30 30 总分 100 99 评价结论 项目完成较好。"

    @Test func aWholeFormOnOneLine() throws {
        let doc = structure(Self.oneLine)
        #expect(doc.tables.count == 2)
        let money = try #require(doc.tables.first)
        #expect(money.grid.dropFirst().map { $0 } == [
            ["年度资金总额", "80", "80", "72", "10", "90%", "9"],
            ["其中:当年财政拨款", "80", "80", "72", "", "", ""],
        ])
        let sheet = try #require(doc.tables.last)
        #expect(sheet.grid.dropFirst().map { $0 } == [
            ["", "产出指标", "数量指标", "维护设施数量", "≥12处", "12", "30", "30", ""],
            ["", "产出指标", "质量指标", "验收合格率", "100%", "100%", "30", "30", ""],
            ["", "效益指标", "社会效益指标", "群众满意度", "≥90%", "93%", "30", "30", ""],
            ["总分", "", "", "", "", "", "100", "99", ""],
        ])
        // the prose around the tables stays prose, in order
        let prose = doc.paragraphs.map(\.string)
        #expect(prose.first?.hasPrefix("某某项目支出绩效自评表") == true)
        #expect(prose.contains { $0.hasPrefix("上年结转资金") && $0.hasSuffix("日常维护。") })
        #expect(prose.last == "评价结论项目完成较好。")
        guard case .paragraph = doc.blocks[0], case .table(0) = doc.blocks[1], case .table(1) = doc.blocks[3] else {
            Issue.record("blocks out of order: \(doc.blocks)")
            return
        }
    }

    @Test func aLineOfSpacedProseIsNoInlineTable() {
        let text = "本年度 项目 预算数 执行数 得分 均按 要求 完成 ， 执行率 较高 ， 得分 情况 良好 ， 详见 附表 。"
        #expect(structure(text).tables.isEmpty)
    }

    @Test func aLineEndingRightAfterARowNameIsNoRow() {
        // a header then a name and nothing after it (this once built an empty range and crashed)
        let text = Array(repeating: "项目 预算数 执行数 分值 得分", count: 3).joined(separator: " ")
        #expect(structure(text).tables.isEmpty)
        #expect(structure(text + " 某某 80 72 10 9").tables.count == 1)
    }

    @Test func columnRolesAreReadAsTheTableLayoutsReadThem() {
        let words = StructureWords.standard
        let titles = ["项目资金", "年初预算数", "全年执行数", "执行率", "预算执行率", "分值", "得分", "自评得分", "评分标准", "年度指标值",
                      "实际完成值", "实际完成情况", "偏差原因分析及改进措施", "三级指标", "指标名称", "备注", "权重", "资金来源", "年度", "序号"]
        for title in titles {
            let roles = FlatTableScanner.roleClass(title, words: words)
            let l = words.layouts
            #expect((roles?.name ?? false) == l.header(title, is: .name), "\(title)")
            #expect((roles?.amount ?? false) == l.header(title, is: .money), "\(title)")
            #expect((roles?.rate ?? false) == l.header(title, is: .rate), "\(title)")
            #expect((roles?.value ?? false) == (l.header(title, is: .target) || l.header(title, is: .actual) || l.header(title, is: .status)), "\(title)")
            #expect((roles?.note ?? false) == (l.header(title, is: .note) || l.header(title, is: .text)), "\(title)")
        }
    }
}

/// `gaps` reads a native string's UTF-8 and any other string's scalars, with one answer.
@Suite("FlatTableScanner: gaps between cells")
struct FlatTableGapTests {
    @Test func gapsOnBytesAndOnScalars() {
        let cases: [(String, Int, Bool)] = [
            ("项目  预算数  执行数", 2, true), ("项目  预算数", 2, false), ("  项目  ", 1, false), ("项目\u{3000}\u{3000}预算数\u{3000}执行数", 2, true),
            ("a\u{A0}b\u{2009}c", 2, true), ("𠀀 𠀀 𠀀", 2, true), ("", 1, false), ("一句话没有空格。", 1, false), ("a b c d e f g h i", 8, true), ("a b c d e f g h", 8, false),
        ]
        for (text, n, expected) in cases {
            #expect(FlatTableScanner.gaps(text, atLeast: n) == expected, "\(text) \(n)")
            // a string bridged from Foundation offers no contiguous UTF-8: the scalar view answers
            #expect(FlatTableScanner.gaps(String(NSString(string: text)), atLeast: n) == expected, "bridged \(text) \(n)")
        }
    }
}
