import Testing
import Foundation
@testable import JXLoad

@Suite struct OfficeXlsxFixtureTests {
    let document: Document

    init() throws {
        document = try DocumentLoader.load(path: OfficeFixtures.path("budget.xlsx"))
    }

    @Test func linesAsDisplayed() {
        #expect(document.format == .xlsx)
        #expect(document.encoding == "zip/xml")
        #expect(document.lines.map(\.text) == [
            "预算执行",
            "2022年度预算执行情况表",
            "项目\t预算数（万元）\t执行数（万元）\t执行率",
            // B: "0.00"; C: General, stored 822.2400000000001; D: "0.00%".
            "基本支出\t822.24\t822.24\t100.00%",
            "项目支出\t32542.73\t32542.73\t100.00%",
            // "#,##0.00", and a formula's cached value.
            "合计\t33,364.97\t33,364.97\t100.00%",
            // "#,##0.00", "0.00%", "0%".
            "资金总额\t29,586.86\t98.81%\t50%",
            // An inline string, a boolean, an error, "#,##0.00;(#,##0.00)" for -1234.5.
            "内联文本\tTRUE\t#DIV/0!\t(1,234.50)",
            // A rich-text shared string whose phonetic run is skipped.
            "备注\t说明一",
            // A9:A10 merged; a date; 0.125 as "0.00".
            "\t说明二\t2022-12-31\t0.13",
            "隐藏表",
            "隐藏内容",
        ])
        #expect(document.lines.map(\.number) == Array(1...12))
        #expect(document.notes == ["sheet 隐藏表 is hidden (hidden); read all the same"])
    }

    @Test func placesAndHeadings() {
        #expect(document.lines.map { $0.place ?? "" } == [
            "预算执行", "预算执行 第1行", "预算执行 第2行", "预算执行 第3行", "预算执行 第4行", "预算执行 第5行",
            "预算执行 第7行", "预算执行 第8行", "预算执行 第9行", "预算执行 第10行", "隐藏表", "隐藏表 第1行",
        ])
        #expect(document.lines.map(\.headingLevel) == [1, nil, nil, nil, nil, nil, nil, nil, nil, nil, 1, nil])
        #expect(document.lines[0].tableRow == nil)
        // the title row above the header is a line of its own, as in a text export
        #expect(document.lines[1].tableRow == nil)
        #expect(document.lines[2].tableRow == TableRowReference(table: 0, row: 0))
        #expect(document.lines[9].tableRow == TableRowReference(table: 0, row: 7))
        #expect(document.lines[11].tableRow == TableRowReference(table: 1, row: 0))
    }

    @Test func tables() {
        #expect(document.tables.map(\.name) == ["预算执行", "隐藏表"])
        let rows = document.tables[0].rows
        // A1:D1 (merged) holds the title: a line before the table, not a row of it
        #expect(rows.map(\.lineIndex) == [2, 3, 4, 5, 6, 7, 8, 9])
        #expect(rows[0].cells.map(\.gridColumn) == [0, 1, 2, 3])
        let money = rows[3].cells
        #expect(money.map(\.start) == [0, 3, 13, 23])
        #expect(money.map(\.length) == [2, 9, 9, 7])
        #expect(money.map(\.gridColumn) == [0, 1, 2, 3])
        #expect(money.map { $0.place ?? "" } == ["预算执行!A5", "预算执行!B5", "预算执行!C5", "预算执行!D5"])
        // A9:A10: A10 continues the merge.
        #expect(rows[6].cells[0].continuesMerge == false)
        #expect(rows[7].cells[0].continuesMerge == true)
        #expect(rows[7].cells[0].length == 0)
        #expect(rows[7].cells.map { $0.place ?? "" } == ["预算执行!A10", "预算执行!B10", "预算执行!C10", "预算执行!D10"])
    }
}

@Suite struct OfficeXlsxTests {
    func load(_ sheetXML: String, sharedStrings: [String]? = nil, styles: String? = nil) throws -> Document {
        try OfficeLoader.load(bytes: OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(sheetXML), "visible")],
                                                         sharedStrings: sharedStrings, styles: styles), path: "t.xlsx")
    }

    @Test func cellTypesAndImplicitReferences() throws {
        let d = try load("""
            <sheetData><row><c t="inlineStr"><is><t>无引用</t></is></c><c t="str"><f>A1&amp;"x"</f><v>公式文本</v></c>\
            <c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c><v>12.5</v></c><c t="s"><v>1</v></c></row>\
            <row><c r="C2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>フ</t></rPh></is></c></row>\
            <row r="5"><c r="A5"><v>  </v></c><c r="B5" t="s"><v>99</v></c></row></sheetData>
            """, sharedStrings: ["<si><t>零</t></si>", "<si><t xml:space=\"preserve\"> 共享 </t></si>"])
        #expect(d.lines.map(\.text) == ["S", "无引用\t公式文本\tFALSE\t#N/A\t12.5\t 共享 ", "\t\t富文本"])
        #expect(d.lines.map { $0.place ?? "" } == ["S", "S 第1行", "S 第2行"])
        #expect(d.tables[0].rows[1].cells.map { $0.place ?? "" } == ["S!A2", "S!B2", "S!C2"])
        #expect(d.notes == ["sheet S: 1 cell(s) refer to missing shared strings; shown empty"])
    }

    @Test func horizontalMergeHidesCoveredValues() throws {
        let d = try load("""
            <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>被覆盖</t></is></c>\
            <c r="D1" t="inlineStr"><is><t>右</t></is></c></row>\
            <row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row></sheetData>\
            <mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:C3"/></mergeCells>
            """)
        #expect(d.lines.map(\.text) == ["S", "标题\t\t\t右", "1\t2\t"])
        let rows = d.tables[0].rows
        #expect(rows[0].cells.map(\.gridColumn) == [0, 3])
        #expect(rows[0].cells.map(\.columnSpan) == [3, 1])
        #expect(rows[0].cells.map(\.start) == [0, 5])
        #expect(rows[1].cells.map(\.gridColumn) == [0, 1])
        #expect(rows[1].cells.map(\.columnSpan) == [1, 2])
    }

    @Test func sheetOrderStateAndAbsoluteTargets() throws {
        var zip = TestZip()
        zip.add("xl/workbook.xml", """
            <workbook xmlns="\(OfficeFixtures.sheetNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr date1904="1"/><sheets><sheet name="第二" sheetId="2" r:id="rId2"/><sheet name="图表" sheetId="3" r:id="rId3"/>\
            <sheet name="第一" sheetId="1" state="veryHidden" r:id="rId1"/></sheets></workbook>
            """)
        zip.add("xl/_rels/workbook.xml.rels", """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/c.xml"/>\
            <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        zip.add("xl/styles.xml", """
            <styleSheet xmlns="\(OfficeFixtures.sheetNamespace)"><cellStyleXfs count="1"><xf numFmtId="4"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>
            """)
        zip.add("xl/worksheets/a.xml", "<worksheet xmlns=\"\(OfficeFixtures.sheetNamespace)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1234.5</v></c></row></sheetData></worksheet>")
        zip.add("xl/worksheets/b.xml", "<worksheet xmlns=\"\(OfficeFixtures.sheetNamespace)\"><sheetData><row r=\"3\"><c r=\"A3\" s=\"1\"><v>0</v></c></row></sheetData></worksheet>")
        zip.add("xl/chartsheets/c.xml", "<chartsheet xmlns=\"\(OfficeFixtures.sheetNamespace)\"/>")
        let d = try OfficeLoader.load(bytes: zip.bytes(), path: "book.xlsx")
        // The cellStyleXfs entry (numFmtId 4) is not a cell style: A1 is General.
        #expect(d.lines.map(\.text) == ["第二", "1904-01-01", "第一", "1234.5"])
        #expect(d.notes == ["sheet 图表: a chartsheet, not a worksheet; skipped", "sheet 第一 is hidden (veryHidden); read all the same"])
        #expect(d.tables.map(\.name) == ["第二", "第一"])
    }

    @Test func badCellReference() throws {
        let message = loadErrorMessage { try load("<sheetData><row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row></sheetData>") }
        #expect(message == "xl/worksheets/sheet1.xml: bad cell reference \"ZZZZ1\"")
        let row = loadErrorMessage { try load("<sheetData><row r=\"2000000\"><c><v>1</v></c></row></sheetData>") }
        #expect(row == "xl/worksheets/sheet1.xml: row number 2000000 out of range")
    }

    @Test func malformedSheet() throws {
        let message = loadErrorMessage { try load("<sheetData><row r=\"1\"><c r=\"A1\"><v>1</c></row></sheetData>") }
        #expect(message?.hasPrefix("xl/worksheets/sheet1.xml: malformed XML at byte ") == true)
        #expect(message?.hasSuffix("(</c> does not close <v>)") == true)
    }

    @Test func cellReferences() {
        #expect(XlsxReader.cellReference("A1")! == (0, 1))
        #expect(XlsxReader.cellReference("$AB$12")! == (27, 12))
        #expect(XlsxReader.cellReference("XFD1048576")! == (16383, 1_048_576))
        #expect(XlsxReader.cellReference("XFE1") == nil)
        #expect(XlsxReader.cellReference("A1:B2") == nil)
        #expect([0, 25, 26, 27, 701, 702, 16383].map(XlsxReader.columnName) == ["A", "Z", "AA", "AB", "ZZ", "AAA", "XFD"])
    }
}

@Suite struct OfficeNumberFormatTests {
    func show(_ stored: String, _ code: String, date1904: Bool = false) -> String {
        NumberFormat(code: code).display(DecimalText(stored)!, date1904: date1904)
    }

    @Test func general() {
        #expect(show("822.2400000000001", "General") == "822.24")
        #expect(show("0.30000000000000004", "General") == "0.3")
        #expect(show("33463.78", "General") == "33463.78")
        #expect(show("-12", "General") == "-12")
        #expect(show("1E-3", "General") == "0.001")
        #expect(show("1.5E+20", "General") == "1.5E+20")
        #expect(show("123456789012345678", "General") == "1.23456789012346E+17")
        #expect(show("0", "General") == "0")
        #expect(show("-0", "General") == "0")
    }

    @Test func fixedDecimalsGroupingAndPercent() {
        #expect(show("822.2400000000001", "0.00") == "822.24")
        #expect(show("29586.86", "#,##0.00") == "29,586.86")
        #expect(show("1234567.5", "#,##0") == "1,234,568")
        #expect(show("-1234567.5", "#,##0") == "-1,234,568")
        #expect(show("0.98809999999999998", "0.00%") == "98.81%")
        #expect(show("1", "0.00%") == "100.00%")
        #expect(show("0.5", "0%") == "50%")
        #expect(show("0.125", "0.00") == "0.13")
        #expect(show("2.675", "0.00") == "2.68")
        #expect(show("0.11499999999999999", "0.00") == "0.12")
        #expect(show("0.5", "#.00") == ".50")
        #expect(show("5", "0.0#") == "5.0")
        #expect(show("5.25", "0.0#") == "5.25")
        #expect(show("1234567", "#,##0.00,") == "1,234.57")
        #expect(show("12345", "0.00E+00") == "1.23E+04")
        #expect(show("33463.78", "0.00\"万元\"") == "33463.78万元")
        #expect(show("1234.5", "\"¥\"#,##0.00") == "¥1,234.50")
        #expect(show("1234.5", "[$¥-804]#,##0.00") == "¥1,234.50")
        #expect(show("7", "000") == "007")
    }

    @Test func sections() {
        #expect(show("-1234.5", "#,##0.00;(#,##0.00)") == "(1,234.50)")
        #expect(show("1234.5", "#,##0.00_);[Red](#,##0.00)") == "1,234.50")
        #expect(show("-1234.5", "#,##0.00_);[Red](#,##0.00)") == "(1,234.50)")
        #expect(show("0", "0.00;-0.00;\"-\"") == "-")
        #expect(show("-3", "0.00;-0.00;\"-\"") == "-3.00")
        #expect(show("-0.001", "0.00") == "0.00")
    }

    @Test func builtInFormats() {
        #expect(NumberFormat.builtIn(4) == "#,##0.00")
        #expect(NumberFormat.builtIn(10) == "0.00%")
        #expect(NumberFormat(code: NumberFormat.builtIn(14)!).isDate)
        #expect(NumberFormat(code: NumberFormat.builtIn(3)!).display(DecimalText("29586.86")!, date1904: false) == "29,587")
    }

    @Test func dates() {
        #expect(show("44926", "yyyy-mm-dd") == "2022-12-31")
        #expect(show("44926", "yyyy\"年\"m\"月\"d\"日\"") == "2022-12-31")
        #expect(show("44926", "m/d/yy") == "2022-12-31")
        #expect(show("44926.75", "yyyy-mm-dd h:mm") == "2022-12-31 18:00")
        #expect(show("0.5", "h:mm") == "12:00")
        #expect(show("0.75", "h:mm:ss") == "18:00:00")
        #expect(show("1.5", "[h]:mm") == "36:00")
        #expect(show("1", "yyyy-mm-dd") == "1900-01-01")
        #expect(show("59", "yyyy-mm-dd") == "1900-02-28")
        #expect(show("60", "yyyy-mm-dd") == "1900-02-29")
        #expect(show("61", "yyyy-mm-dd") == "1900-03-01")
        #expect(show("0", "yyyy-mm-dd", date1904: true) == "1904-01-01")
        #expect(!NumberFormat(code: "0.00").isDate)
        #expect(!NumberFormat(code: "#,##0.00\"元\"").isDate)
    }

    @Test func decimalText() {
        let v = DecimalText("822.2400000000001")!
        #expect(v.digits == [8, 2, 2, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(v.exponent == -13)
        #expect(DecimalText("-0.0")!.isZero)
        #expect(DecimalText("1.5E-3")! == DecimalText("0.0015")!)
        #expect(DecimalText(".5")! == DecimalText("0.5")!)
        #expect(DecimalText("abc") == nil)
        #expect(DecimalText("1e") == nil)
        #expect(DecimalText("12abc") == nil)
        #expect(DecimalText("999.995")!.rounded(places: 2).fixedParts(places: 2) == ("1000", "00"))
    }
}
