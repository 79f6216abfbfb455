import Testing
import Foundation
@testable import JXLoad

/// `pdftotext -tsv` output for pages of words placed by hand: an ideograph is 10.5pt wide, any
/// other character 5.8pt, a line 13.65pt high.
private struct Sheet {
    var pages: [[(x: Double, y: Double, text: String)]] = [[]]

    mutating func word(_ text: String, x: Double, line: Int) {
        pages[pages.count - 1].append((x, 72 + Double(line) * 14.2, text))
    }

    mutating func word(_ text: String, x: Double, y: Double) {
        pages[pages.count - 1].append((x, y, text))
    }

    mutating func newPage() { pages.append([]) }

    static func width(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 10.5 : 5.8) }
    }

    var tsv: String {
        var out = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        for (p, words) in pages.enumerated() {
            out += "1\t\(p + 1)\t0\t0\t0\t0\t0\t0\t595.3\t841.9\t-1\t###PAGE###\n"
            for (k, w) in words.enumerated() {
                out += "5\t\(p + 1)\t0\t0\t\(k)\t0\t\(w.x)\t\(w.y)\t\(Sheet.width(w.text))\t13.65\t100\t\(w.text)\n"
            }
        }
        return out
    }

    func document() throws -> Document {
        let pages = try #require(PDFLayout.parseTSV(tsv))
        return PDFLayout.document(pages: pages, path: "t.pdf")
    }
}

/// The rows of the document's tables as cell texts.
private func grids(_ d: Document) -> [[[String]]] {
    d.tables.map { table in
        table.rows.map { row in
            let text = Array(d.lines[row.lineIndex].text.unicodeScalars)
            return row.cells.map { String(String.UnicodeScalarView(text[$0.start..<($0.start + $0.length)])) }
        }
    }
}

@Suite("PDF: lines and tables from word positions")
struct PDFLayoutTests {
    @Test func notTSVIsNil() {
        #expect(PDFLayout.parseTSV("一、部门基本情况\n") == nil)
        #expect(PDFLayout.parseTSV("") == nil)
    }

    @Test func proseLinesWithoutRunningHeadsAndPageNumbers() throws {
        var s = Sheet()
        for page in 0..<3 {
            if page > 0 { s.newPage() }
            s.word("某区财政局2023年度部门整体支出绩效自评报告", x: 150, y: 30)
            s.word("2023年全年预算数100.00万元，其中，基本支出40.00万元，", x: 72, line: 2)
            s.word("项目支出60.00万元。", x: 72, line: 3)
            s.word("- \(page + 1) -", x: 290, y: 800)
        }
        let d = try s.document()
        #expect(d.format == .pdf)
        #expect(d.tables.isEmpty)
        #expect(d.lines.map(\.text).filter { !$0.isEmpty } == Array(repeating: ["2023年全年预算数100.00万元，其中，基本支出40.00万元，", "项目支出60.00万元。"], count: 3).flatMap { $0 })
        #expect(d.lines.compactMap(\.place).filter { $0 == "第3页" }.count >= 2)
    }

    @Test func cellsWrapAndNumbersCutByTheirCellAreOneRow() throws {
        var s = Sheet()
        // columns start at 72, 150, 230, 310; the last one holds text that wraps
        for (x, t) in [(72.0, "项目"), (150, "预算数"), (230, "执行数"), (310, "说明")] { s.word(t, x: x, line: 0) }
        s.word("基本支出", x: 72, line: 1); s.word("33463.", x: 150, line: 1); s.word("822.24", x: 230, line: 1)
        s.word("按照年度计划执行", x: 310, line: 1)
        s.word("78", x: 150, line: 2); s.word("完毕", x: 310, line: 2)
        s.word("项目支出", x: 72, line: 3); s.word("100.00", x: 150, line: 3); s.word("90.00", x: 230, line: 3)
        s.word("已完成。", x: 310, line: 3)
        let d = try s.document()
        #expect(grids(d) == [[["项目", "预算数", "执行数", "说明"],
                              ["基本支出", "33463.78", "822.24", "按照年度计划执行完毕"],
                              ["项目支出", "100.00", "90.00", "已完成。"]]])
        // each row is one line, its cells joined by tabs, and says where it stands
        let row = try #require(d.lines.first { $0.text.hasPrefix("基本支出") })
        #expect(row.text == "基本支出\t33463.78\t822.24\t按照年度计划执行完毕")
        #expect(row.tableRow == TableRowReference(table: 0, row: 1))
        #expect(row.place == "第1页 表1 第2行")
        #expect(d.tables[0].rows[1].cells.map(\.gridColumn) == [0, 1, 2, 3])
    }

    @Test func aLabelWhoseValuesAreEmptyIsARowOfItsOwn() throws {
        var s = Sheet()
        for (x, t) in [(72.0, "项目"), (150, "预算数"), (230, "执行数")] { s.word(t, x: x, line: 0) }
        s.word("基本支出", x: 72, line: 1); s.word("120.00", x: 150, line: 1); s.word("110.00", x: 230, line: 1)
        s.word("其他", x: 72, line: 2)
        s.word("合计", x: 72, line: 3); s.word("120.00", x: 150, line: 3); s.word("110.00", x: 230, line: 3)
        let d = try s.document()
        #expect(grids(d).first?.map { $0[0] } == ["项目", "基本支出", "其他", "合计"])
    }

    @Test func aTableGoesOnOverAPageBreak() throws {
        var s = Sheet()
        for (x, t) in [(72.0, "指标"), (150, "分值"), (230, "评分标准")] { s.word(t, x: x, line: 0) }
        s.word("预算执行率", x: 72, line: 1); s.word("20", x: 150, line: 1); s.word("执行率每低于计划一个百分点", x: 230, line: 1)
        s.newPage()
        // the long cell goes on at the top of the next page, then the header repeats
        s.word("扣0.5分。", x: 230, line: 0)
        for (x, t) in [(72.0, "指标"), (150, "分值"), (230, "评分标准")] { s.word(t, x: x, line: 1) }
        s.word("满意度", x: 72, line: 2); s.word("10", x: 150, line: 2); s.word("按调查结果计分。", x: 230, line: 2)
        let d = try s.document()
        let grid = try #require(grids(d).first)
        #expect(d.tables.count == 1)
        #expect(grid.map { $0[0] } == ["指标", "预算执行率", "指标", "满意度"])
        #expect(grid[1][2] == "执行率每低于计划一个百分点扣0.5分。")
        #expect(d.lines.first { $0.text.hasPrefix("满意度") }?.place?.hasPrefix("第2页") == true)
    }

    @Test func listItemsAndContentsAreText() throws {
        var s = Sheet()
        s.word("1.", x: 72, line: 0); s.word("完成项目数量12个。", x: 108, line: 0)
        s.word("2.", x: 72, line: 1); s.word("资金到位率100%。", x: 108, line: 1)
        s.word("一、部门基本情况.........", x: 72, line: 3); s.word("1", x: 500, line: 3)
        s.word("二、绩效目标完成情况.....", x: 72, line: 4); s.word("3", x: 500, line: 4)
        let d = try s.document()
        #expect(d.tables.isEmpty)
        #expect(d.lines.map(\.text).filter { !$0.isEmpty } == ["1. 完成项目数量12个。", "2. 资金到位率100%。",
                                                               "一、部门基本情况.........    1", "二、绩效目标完成情况.....    3"])
    }

    @Test func damagedCoordinatesAreSkipped() throws {
        let head = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        let rows = [
            "1\t1\t0\t0\t0\t0\t0\t0\t1e308\t1e308\t-1\t###PAGE###",
            "1\t1\t0\t0\t0\t0\t0\t0\t595\t842\t-1\t###PAGE###",
            "5\t1\t0\t0\t0\t0\t1e308\t1e308\t1e308\t13\t100\t甲",
            "5\t1\t0\t0\t0\t0\tnan\t5\t5\t13\t100\t乙",
            "5\t1\t0\t0\t0\t0\t10\t5\t-5\t13\t100\t丙",
            "5\t1\t0\t0\t0\t0\t10\t5\t5\t0\t100\t丁",
            "5\t1\t0\t0\t0\t0\t10\t5\t5\t13\t100",
            "5\t1\t0\t0\t0\t0\t-50\t-20\t30\t13\t100\t戊",
        ]
        let pages = try #require(PDFLayout.parseTSV(head + rows.joined(separator: "\n")))
        #expect(pages.count == 1)
        #expect(pages[0].words.map(\.text) == ["戊"])
        #expect(PDFLayout.document(pages: pages, path: "x.pdf").lines.map(\.text) == ["戊"])
    }

    @Test func scatteredWordsStayLinearAndSafe() {
        // 20,000 words at pseudo-random places over 20 pages: some lines, some grids, no crash
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31)
        }
        var pages: [PDFLayout.Page] = []
        for _ in 0..<20 {
            var words: [PDFLayout.Word] = []
            for _ in 0..<1000 {
                let x = next() * 500, y = (next() * 50).rounded() * 14.2, w = 5 + next() * 60
                words.append(PDFLayout.Word(text: next() < 0.5 ? "12.5" : "预算", x0: x, y0: y, x1: x + w, y1: y + 13.65))
            }
            pages.append(PDFLayout.Page(width: 595, height: 842, words: words))
        }
        let (document, seconds) = measure { PDFLayout.document(pages: pages, path: "r.pdf") }
        #expect(!document.lines.isEmpty)
        #expect(seconds < 10, "\(seconds) s")
        // one table of 2,500 rows over 50 pages
        var grid: [PDFLayout.Page] = []
        for p in 0..<50 {
            var words: [PDFLayout.Word] = []
            for r in 0..<50 {
                let y = 72 + Double(r) * 14.2
                words.append(PDFLayout.Word(text: "项目\(p * 50 + r)", x0: 72, y0: y, x1: 120, y1: y + 13.65))
                for c in 1..<5 { words.append(PDFLayout.Word(text: "\(r).\(c)0", x0: 100 + Double(c) * 80, y0: y, x1: 130 + Double(c) * 80, y1: y + 13.65)) }
            }
            grid.append(PDFLayout.Page(width: 595, height: 842, words: words))
        }
        let (table, gridSeconds) = measure { PDFLayout.document(pages: grid, path: "t.pdf") }
        #expect(table.tables.count == 1)
        #expect(table.tables.first?.rows.count == 2500)
        #expect(gridSeconds < 10, "\(gridSeconds) s")
    }

    @Test func wellFormedNumbers() {
        for s in ["12", "-1,234.50", "33463.78", "99.70%", "1,234,567"] { #expect(PDFLayout.isWellFormedNumber(s), "\(s)") }
        for s in ["28,00", "1.2.3", "", "1,23,456", "12.", ".5"] { #expect(!PDFLayout.isWellFormedNumber(s), "\(s)") }
    }
}
