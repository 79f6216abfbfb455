import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
import JXNormalize
@testable import JXStructure

/// The structure stage is linear in its input whatever the shape (issue 14): each shape is
/// normalized first, then only `Structurer.structure` is timed at 1× and 8× the size; its thread
/// CPU time may grow at most 10× (quadratic work grows 64×).
@Suite("Structure linearity")
struct StructureLinearityTests {
    static let title = "2022年度部门整体支出绩效自评报告\n"

    static func lines(_ text: String) -> [SourceLine] {
        TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    }

    /// Text shapes, `n` units each (a unit is a line or a piece of one).
    static let textShapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("spaces", { title + String(repeating: " ", count: $0 * 20) + "\n" }),
        ("one long sentence line", { title + String(repeating: "全年预算数100.00万元，其中基本支出40.00万元。", count: $0) + "\n" }),
        ("CR-only text", { (title + String(repeating: "全年预算数100.00万元，其中基本支出40.00万元。\r", count: $0)) }),
        ("tab table with total rows", { n in
            title + "项目\t预算数\t执行数\n" + (0..<n).map { $0 % 5 == 4 ? "合计\t\($0).00\n" : "项目\t\($0).00\t\($0).00\n" }.joined()
        }),
        ("lines of one leading-tab cell", { title + String(repeating: "\t甲\n", count: $0) }),
        ("tab rows of one cell", { title + String(repeating: "甲\t\t\n", count: $0) }),
        ("list lines after 其中：", { title + "其中：\n" + String(repeating: "甲项目1万元\n", count: $0) }),
        ("wrapped prose lines", { title + String(repeating: "这是一行比较长的文字，没有句号也没有别的结束符号的一行\n", count: $0) }),
        ("header segments", { n in
            title + (0..<n).map { "项目名称\($0)\t预算数\t执行数\t执行率\n甲\t1.00\t1.00\t100%\n" }.joined()
        }),
        ("wide label columns", { n in
            title + String(repeating: Array(repeating: "甲", count: 200).joined(separator: "\t") + "\t1.00\n", count: max(1, n / 20))
        }),
        ("pipe rows", { title + String(repeating: "甲|乙|丙\n", count: $0) }),
        ("headings", { n in title + (0..<n).map { "（\($0 % 99 + 1)）标题\n" }.joined() }),
        ("blank lines", { title + String(repeating: "\n", count: $0 * 4) }),
        ("flattened rows", { n in
            title + "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因\n"
                + String(repeating: "产出指标 数量指标 某某指标 ≥10次 12次 5 5\n质量指标 某某指标 ≥90% 95% 5 4\n", count: max(1, n / 2))
        }),
        ("flattened header lines without rows", { title + String(repeating: "项目 预算数 执行数 分值 得分\n", count: $0) }),
        ("a flattened form on one line", { n in
            title + "项目资金 年初预算数 全年执行数 分值 得分 " + String(repeating: "某某资金 10 9 5 4 ", count: n) + "\n"
        }),
        ("spaced column words on one line", { title + String(repeating: "项目 预算数 得分 某某 ", count: $0) + "\n" }),
    ]

    @Test func everyTextShapeIsLinear() {
        var failures = [String]()
        for shape in Self.textShapes {
            let small = Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: Self.lines(shape.make(1_000))))
            let large = Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: Self.lines(shape.make(8_000))))
            // 8× the input within 12× the time (n log n is 10×; under load the larger input loses more cache): quadratic work is 64× slower on every turn
            var scaling = Scaling.measure(bound: 12, small: { _ = Structurer.structure(small) }, large: { _ = Structurer.structure(large) })
            // a burst of load from the tests beside it can outlast one round (a 7 ms run is easily
            // doubled); a second round is measured before failing: quadratic work fails both
            if !scaling.holds(12) {
                scaling = Scaling.measure(bound: 12, small: { _ = Structurer.structure(small) }, large: { _ = Structurer.structure(large) })
            }
            if !scaling.holds(12) { failures.append("\(shape.name): \(scaling)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// A .docx-style grid: `rows` rows of `columns` cells, every cell below the first row continuing
    /// a vertical merge (the shape of a table of 20 000 merged spans).
    static func mergedGrid(rows: Int, columns: Int) -> Document {
        var lines = [SourceLine(number: 1, text: "表1")]
        var table = SourceTable(rows: [])
        for r in 0..<rows {
            var text = ""
            var cells = [SourceTableCell]()
            for c in 0..<columns {
                if c > 0 { text += "\t" }
                let value = r == 0 ? "列\(c)" : ""
                cells.append(SourceTableCell(start: text.unicodeScalars.count, length: value.unicodeScalars.count, gridColumn: c,
                                             columnSpan: 1, continuesMerge: r > 0, place: "表1 第\(r + 1)行 第\(c + 1)列"))
                text += value
            }
            table.rows.append(SourceTableRow(lineIndex: lines.count, cells: cells))
            lines.append(SourceLine(number: lines.count + 1, text: text, tableRow: TableRowReference(table: 0, row: r)))
        }
        return Document(path: "t.docx", format: .docx, encoding: "zip/xml", lines: lines, tables: [table])
    }

    @Test func mergedTablesAreLinear() {
        for (rows, columns) in [(2_000, 2), (40, 100)] {
            let small = Normalizer.normalize(Self.mergedGrid(rows: rows, columns: columns))
            let large = Normalizer.normalize(Self.mergedGrid(rows: rows * 8, columns: columns))
            let scaling = Scaling.measure(bound: 12, small: { _ = Structurer.structure(small) }, large: { _ = Structurer.structure(large) })
            #expect(scaling.holds(12), "\(rows)×\(columns) merged cells, 1× and 8×: \(scaling)")
        }
        // a wide row: each cell found in its line by binary search, not by a pass over the line
        let narrow = Normalizer.normalize(Self.mergedGrid(rows: 3, columns: 500))
        let wide = Normalizer.normalize(Self.mergedGrid(rows: 3, columns: 4_000))
        let scaling = Scaling.measure(bound: 12, small: { _ = Structurer.structure(narrow) }, large: { _ = Structurer.structure(wide) })
        #expect(scaling.holds(12), "3 rows of 500 / 4000 cells: \(scaling)")
    }

    @Test func mergedCellsInheritTheNearestTextAbove() {
        let doc = Self.mergedGrid(rows: 4, columns: 3)
        let table = Structurer.structure(Normalizer.normalize(doc)).tables[0]
        #expect(table.grid.map { $0 } == Array(repeating: ["列0", "列1", "列2"], count: 4), "\(table.grid)")
    }
}

