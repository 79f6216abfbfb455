import Testing
import JXCore
import JXLoad
import JXNormalize
@testable import JXStructure

/// A .docx-like document: paragraphs and tables whose grid the loader states.
private enum Part {
    case paragraph(String)
    /// Rows of cells (one grid column each); `merged` marks cells that continue a vertical merge.
    case table([[String]], merged: Set<[Int]> = [])
}

private func document(_ parts: [Part], format: DocumentFormat = .docx) -> Document {
    var lines: [SourceLine] = []
    var tables: [SourceTable] = []
    for part in parts {
        switch part {
        case .paragraph(let text):
            lines.append(SourceLine(number: lines.count + 1, text: text))
        case .table(let rows, let merged):
            var table = SourceTable(rows: [])
            for (r, row) in rows.enumerated() {
                var text = "", cells: [SourceTableCell] = []
                for (c, cell) in row.enumerated() {
                    if c > 0 { text += "\t" }
                    cells.append(SourceTableCell(start: text.unicodeScalars.count, length: cell.unicodeScalars.count, gridColumn: c,
                                                 continuesMerge: merged.contains([r, c])))
                    text += cell
                }
                table.rows.append(SourceTableRow(lineIndex: lines.count, cells: cells))
                lines.append(SourceLine(number: lines.count + 1, text: text, tableRow: TableRowReference(table: tables.count, row: r)))
            }
            tables.append(table)
        }
    }
    return Document(path: "t.docx", format: format, encoding: "zip/xml", lines: lines, tables: tables)
}

private func structured(_ parts: [Part]) -> StructuredDocument {
    Structurer.structure(Normalizer.normalize(document(parts)))
}

private let header = ["项目", "预算数（万元）", "执行数（万元）"]

@Suite("Structure: Word tables cut by page breaks, units beside the table")
struct StructuredTableTests {
    @Test func fragmentsRepeatingTheHeaderAreOneTable() throws {
        let d = structured([
            .paragraph("表1 预算执行情况"),
            .table([header, ["基本支出", "120.00", "110.00"], ["项目支出", "380.00", "350.00"]]),
            .paragraph(""),
            .paragraph(" "),  // the paragraph holding a page break
            .table([header, ["其他支出", "10.00", "5.00"], ["合计", "510.00", "465.00"]]),
        ])
        #expect(d.tables.count == 1)
        let table = try #require(d.tables.first)
        #expect(table.grid == [header, ["基本支出", "120.00", "110.00"], ["项目支出", "380.00", "350.00"],
                               ["其他支出", "10.00", "5.00"], ["合计", "510.00", "465.00"]])
        #expect(table.rows.map(\.kind) == [.header, .data, .data, .data, .data])
        #expect(table.caption.hasPrefix("表1") && table.caption.hasSuffix("预算执行情况"))
    }

    @Test func aFragmentWithoutHeaderJoinsATableOfAsManyColumns() throws {
        let d = structured([
            .table([header, ["基本支出", "120.00", "110.00"]]),
            .paragraph(""),
            .table([["项目支出", "380.00", "350.00"], ["合计", "500.00", "460.00"]]),
        ])
        #expect(d.tables.count == 1)
        // the rows after the break keep the header, and with it the unit of their columns
        let table = try #require(d.tables.first)
        #expect(table.rows.count == 4)
        #expect(table.header(row: table.rows[3], column: 1) == "预算数（万元）")
    }

    @Test func aFragmentStartingWithAHeaderOfItsOwnOpensASegment() throws {
        let d = structured([
            .table([["指标", "分值", "得分"], ["产出指标", "30", "28"]]),
            .paragraph(""),
            .table([["一级指标", "二级指标", "三级指标"], ["效益指标", "社会效益", "满意度"]]),
        ])
        #expect(d.tables.count == 1)
        #expect(d.tables.first?.headerSegments.count == 2)
    }

    @Test func aContinuationMarkMayStandBetween() {
        let d = structured([
            .table([header, ["基本支出", "120.00", "110.00"]]),
            .paragraph("续表1"),
            .table([header, ["项目支出", "380.00", "350.00"]]),
        ])
        #expect(d.tables.count == 1)
        #expect(d.tables.first?.rows.count == 3)
    }

    @Test func textOrAnotherGridKeepsTablesApart() {
        let apart = structured([
            .table([header, ["基本支出", "120.00", "110.00"]]),
            .paragraph("表2 项目支出明细"),
            .table([header, ["项目支出", "380.00", "350.00"]]),
        ])
        #expect(apart.tables.count == 2)
        let otherGrid = structured([
            .table([header, ["基本支出", "120.00", "110.00"]]),
            .paragraph(""),
            .table([["项目", "金额"], ["项目支出", "380.00"]]),
        ])
        #expect(otherGrid.tables.count == 2)
    }

    @Test func aUnitCellAboveTheHeaderOrBesideTheTitleIsTheTablesUnit() throws {
        let above = structured([
            .table([["2023年部门预算执行情况表", "", ""], ["", "", "单位：万元"], ["项目", "年初预算数", "全年执行数"],
                    ["基本支出", "120.00", "110.00"], ["合计", "120.00", "110.00"]]),
        ])
        let a = try #require(above.tables.first)
        #expect(a.unit == "万元")
        #expect(a.caption.contains("2023年部门预算执行情况表"))
        #expect(a.rows.prefix(3).map(\.kind) == [.caption, .caption, .header])
        let beside = structured([
            .table([["2023年部门预算执行情况表", "", "金额单位：元"], ["项目", "年初预算数", "全年执行数"],
                    ["基本支出", "120.00", "110.00"], ["合计", "120.00", "110.00"]]),
        ])
        #expect(beside.tables.first?.unit == "元")
    }

    @Test func emptyLabelCellsOfATableStatingNoMergeAreFilledLikeText() throws {
        let rows = [["分类", "项目", "金额（万元）"], ["基本支出", "人员经费", "100.00"], ["", "公用经费", "20.00"], ["基本支出小计", "", "120.00"]]
        let plain = try #require(structured([.table(rows)]).tables.first)
        #expect(plain.grid[2] == ["基本支出", "公用经费", "20.00"])
        #expect(plain.rows[2].cells[0].inherited)
        // a table that states its merges: only the cells it marks are filled
        let stated = try #require(structured([.table(rows + [["", "设备购置", "5.00"]], merged: [[2, 0]])]).tables.first)
        #expect(stated.grid[2][0] == "基本支出")
        #expect(stated.grid[4][0] == "")
    }
}
