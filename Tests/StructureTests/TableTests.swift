import Testing
import JXCore
import JXLoad
@testable import JXStructure

@Suite("Structurer: tables")
struct TableTests {
    @Test func tabSeparatedRowsAndCells() throws {
        let doc = structure("前文。\n项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t68.00\n后文。")
        #expect(doc.tables.count == 1)
        let t = try #require(doc.tables.first)
        #expect(t.origin == .tabSeparated)
        #expect(t.columnCount == 3)
        #expect(t.rows.map(\.kind) == [.header, .data, .data])
        #expect(t.grid == [["项目", "预算数", "执行数"], ["基本支出", "30.00", "29.00"], ["项目支出", "70.00", "68.00"]])
        #expect(t.headerSegments == [["项目", "预算数", "执行数"]])
        #expect(t.firstLine == 2 && t.lastLine == 4)
        #expect(t.rows.map(\.line) == [2, 3, 4])
        let row = t.rows[1]
        #expect(t.header(row: row, column: 2) == "执行数")
        // a cell knows where it is in the source
        let cell = try #require(row.cell(1))
        #expect(cell.column == 1 && cell.span == 1 && !cell.inherited)
        #expect(cell.text.fullSpan == SourceSpan(start: SourcePosition(line: 3, column: 6), end: SourcePosition(line: 3, column: 10)))
        // the prose around the table stays prose
        #expect(doc.paragraphs.map(\.string) == ["前文。", "后文。"])
    }

    @Test func aTabTableGoesOnUnderAContinuationMarkWithItsHeaderRepeated() throws {
        let text = "表1 预算执行情况\n项目\t年初预算\t支出\n基本支出\t30.00\t29.00\n\n— 2 —\n\n（续表）\n项目\t年初预算\t支出\n项目支出\t70.00\t68.00\n合计\t100.00\t97.00\n\n后文。"
        let doc = structure(text)
        #expect(doc.tables.count == 1)
        let t = try #require(doc.tables.first)
        // one header, and the rows of both pages under it
        #expect(t.grid.map { $0.first ?? "" } == ["项目", "基本支出", "项目支出", "合计"])
    }

    @Test func cellsAreTrimmedAndNormalized() throws {
        let doc = structure("项目\t预算数（万元）\n基本支出\t 1,234.50 \n项目支出\t２００")
        let t = try #require(doc.tables.first)
        #expect(t.grid[1] == ["基本支出", "1234.50"])
        #expect(t.grid[2] == ["项目支出", "200"])
    }

    @Test func oneLineWithTabsIsNoTable() {
        #expect(structure("项目\t预算数\n正文。").tables.isEmpty)
    }

    @Test func markdownTables() throws {
        let doc = structure("| 项目 | 预算数 | 执行数 |\n|---|:---:|---:|\n| 基本支出 | 30.00 | 29.00 |\n| 项目支出 | 70.00 | 68.00 |\n\n正文。")
        let t = try #require(doc.tables.first)
        #expect(t.origin == .markdown)
        // the separator line is not a row
        #expect(t.rows.count == 3)
        #expect(t.rows.map(\.line) == [1, 3, 4])
        #expect(t.grid == [["项目", "预算数", "执行数"], ["基本支出", "30.00", "29.00"], ["项目支出", "70.00", "68.00"]])
        #expect(t.rows[0].kind == .header)
        #expect(t.headerSegments[0] == ["项目", "预算数", "执行数"])
        #expect(doc.paragraphs.map(\.string) == ["正文。"])
    }

    @Test func markdownEscapedPipes() throws {
        let t = try #require(structure("| 名称 | 说明 |\n| --- | --- |\n| A\\|B | 文字 |").tables.first)
        #expect(t.grid[1] == ["A\\|B", "文字"])
    }

    @Test func oneCellPerLineWordExports() throws {
        // each cell starts with a tab; a blank line separates rows
        let doc = structure("\t项目\n\t预算数\n\t执行数\n\n\t基本支出\n\t30.00\n\t29.00\n\n\t项目支出\n\t70.00\n\t68.00\n\n正文。")
        let t = try #require(doc.tables.first)
        #expect(t.origin == .cellPerLine)
        #expect(t.rows.count == 3)
        #expect(t.grid == [["项目", "预算数", "执行数"], ["基本支出", "30.00", "29.00"], ["项目支出", "70.00", "68.00"]])
        #expect(t.rows.map(\.line) == [1, 5, 9])
        #expect(t.rows.map(\.lastLine) == [3, 7, 11])
        #expect(doc.paragraphs.map(\.string) == ["正文。"])
    }

    /// A PDF's text of a table: every cell a line of its own, no tab or bar — a header of k names,
    /// then rows of a label and k − 1 values ("—" for none); the prose after it stays prose.
    @Test func columnsOneCellToALine() throws {
        let text = "单位：万元\n资金来源\n年初预算\n实际支出\n执行率（%）\n中央资金\n2,660.00\n2,598.36\n97.68\n"
            + "县级配套\n1,429.69\n—\n0\n合计\n4,089.69\n2,598.36\n63.53\n正文说明执行情况。"
        let doc = structure(text)
        let t = try #require(doc.tables.first)
        #expect(t.origin == .cellPerLine)
        #expect(t.grid == [["资金来源", "年初预算", "实际支出", "执行率（%）"], ["中央资金", "2660.00", "2598.36", "97.68"],
                           ["县级配套", "1429.69", "—", "0"], ["合计", "4089.69", "2598.36", "63.53"]])
        #expect(doc.paragraphs.last?.string == "正文说明执行情况。")
        // two rows of figures are no table, nor are short lines of prose
        #expect(structure("甲\n乙\n丙\n丁\n一\n1\n2\n3\n正文。").tables.isEmpty)
    }

    /// A title row one cell short of the data row under it, the label column's title left out: the
    /// titles stand over the figures, also when a wider block follows in the same table.
    @Test func titleRowOneCellShortStandsOverTheFigures() throws {
        let text = "预算数 | 执行数 | 分值 | 得分 | ||\n资金总额 | 5.60 | 5.60 | 10 | 10 | ||\n财政拨款 | 5.60 | 5.60 | 10 | 10 | ||\n"
            + "二级指标 | 三级指标 | 分值 | 指标值 | 实际值 | 得分 | 说明\n"
        let t = try #require(structure(text).tables.first)
        #expect(t.columnCount == 7)
        #expect(t.headerSegments.first.map { Array($0.prefix(5)) } == ["", "预算数", "执行数", "分值", "得分"])
        // a data row starting with a figure has no label column: nothing moves
        let numbered = "预算数 | 执行数 | 分值 | 得分 | ||\n1 | 5.60 | 5.60 | 10 | 10 | ||\n2 | 5.60 | 5.60 | 10 | 10 | ||\n"
        if let m = structure(numbered).tables.first { #expect(m.headerSegments.first?.first == "预算数") }
    }

    @Test func headerPathsOfTwoHeaderRows() throws {
        let text = "项目\t预算数\t\t执行数\t\n\t年初\t调整后\t年初\t调整后\n基本支出\t30.00\t31.00\t29.00\t30.50\n项目支出\t70.00\t72.00\t68.00\t71.00"
        let t = try #require(structure(text).tables.first)
        #expect(t.rows.map(\.kind) == [.header, .header, .data, .data])
        #expect(t.headerSegments == [["项目", "预算数/年初", "预算数/调整后", "执行数/年初", "执行数/调整后"]])
        #expect(t.header(row: t.rows[3], column: 4) == "执行数/调整后")
    }

    @Test func groupTitlesPackedLeftSpanTheRunsTheyHead() throws {
        // an export that lost the spans of "预算数" and "决算数": the row below repeats one run per group
        let text = "预算数\t决算数\n合计\t出国费\t接待费\t合计\t出国费\t接待费\n20.00\t0.00\t20.00\t18.50\t0.00\t18.50"
        let t = try #require(structure(text).tables.first)
        #expect(t.headerSegments.first == ["预算数/合计", "预算数/出国费", "预算数/接待费", "决算数/合计", "决算数/出国费", "决算数/接待费"])
        // titles over columns that do not repeat a run keep their places
        let uneven = "项目\t预算数\t决算数\n\t年初\t调整后\t合计\n基本支出\t30.00\t31.00\t29.00"
        let u = try #require(structure(uneven).tables.first)
        #expect(u.headerSegments.first?.first == "项目")
        #expect(u.headerSegments.first?[1] == "预算数/年初")
    }

    @Test func mergedLabelsAreFilledFromAbove() throws {
        let text = "类别\t项目\t金额\n基本支出\t人员经费\t20.00\n\t公用经费\t10.00\n项目支出\t设备购置\t50.00"
        let t = try #require(structure(text).tables.first)
        #expect(t.grid[2] == ["基本支出", "公用经费", "10.00"])
        let filled = try #require(t.rows[2].cell(0))
        #expect(filled.inherited)
        // the inherited text keeps the source position of the merged cell above
        #expect(filled.text.fullSpan?.start.line == 2)
        #expect(t.rows[1].cell(0)?.inherited == false)
        #expect(t.grid[3][0] == "项目支出")
        #expect(t.rows[3].cell(0)?.inherited == false)
    }

    @Test func emptyNumbersAreNotFilled() throws {
        // only label columns inherit: an empty amount stays empty
        let text = "项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t\n其他\t5.00\t4.00"
        let t = try #require(structure(text).tables.first)
        #expect(t.rows[2].cell(2).map(\.isEmpty) ?? true)
        #expect(t.rows[2].cell(2)?.inherited != true)
    }

    @Test func repeatedHeadersAfterAPageBreak() throws {
        let text = "项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n\n- 2 -\n\n项目\t预算数\t执行数\n项目支出\t70.00\t68.00"
        let doc = structure(text)
        #expect(doc.tables.count == 1)
        let t = try #require(doc.tables.first)
        #expect(t.rows.map(\.kind) == [.header, .data, .repeatedHeader, .data])
        #expect(t.rows.map(\.line) == [1, 2, 6, 7])
        #expect(t.headerSegments.count == 1)
        // the data after the break is read with the same headers
        #expect(t.header(row: t.rows[3], column: 1) == "预算数")
        #expect(t.rows.filter { $0.kind == .data }.map { $0.cell(0)?.string } == ["基本支出", "项目支出"])
    }

    @Test func captionRowsAndUnits() throws {
        let text = "表1 2022年预算执行情况表\n单位：万元\n项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t68.00"
        let doc = structure(text)
        let t = try #require(doc.tables.first)
        #expect(t.caption.contains("表1 2022年预算执行情况表"))
        #expect(t.unit == "万元")
        #expect(structure("说明。\n项目\t预算数\n基本支出\t30.00\n项目支出\t70.00").tables.first?.unit == nil)
    }

    @Test func aRowSpanningTheTableIsACaption() throws {
        let text = "指标\t分值\t得分\n产出指标\t\t\n数量指标\t10\t9\n质量指标\t10\t10"
        let t = try #require(structure(text).tables.first)
        #expect(t.rows.map(\.kind) == [.header, .caption, .data, .data])
    }

    @Test func tablesTakeTheirSection() throws {
        let doc = structure("一、预算执行\n（一）执行情况\n项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t68.00")
        let t = try #require(doc.tables.first)
        #expect(t.sectionPath == [0, 1])
    }
}

@Suite("CellText")
struct CellTextTests {
    @Test func numericCells() {
        for text in ["33463.78", "≥95%", "-1947.96", "5 次", "19.94", "100分", "＞90%", "约10"] {
            #expect(CellText.isNumeric(run(text)), "\(text)")
        }
        for text in ["2021年", "基本支出", "", "2020-2022", "1号楼3单元", "-", "A12"] {
            #expect(!CellText.isNumeric(run(text)), "\(text)")
        }
    }

    @Test func totalLabels() {
        #expect(CellText.isTotalLabel("合计", words: .standard))
        #expect(CellText.isTotalLabel("合 计", words: .standard))
        #expect(CellText.isTotalLabel("项目支出小计", words: .standard))
        #expect(CellText.isTotalLabel("总计", words: .standard))
        #expect(!CellText.isTotalLabel("合计数说明", words: .standard))
    }

    @Test func enumerators() {
        #expect(CellText.startsWithEnumerator(run("2.按时完成")))
        #expect(CellText.startsWithEnumerator(run("（2）按时完成")))
        #expect(CellText.startsWithEnumerator(run("②按时完成")))
        #expect(!CellText.startsWithEnumerator(run("2.5万元")))
        #expect(!CellText.startsWithEnumerator(run("按时完成")))
    }
}
