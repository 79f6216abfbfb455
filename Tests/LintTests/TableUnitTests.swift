import Foundation
import Testing
import JXCheck
import JXFormat
import JXLint
import JXLoad
import JXRules

/// A one-sheet .xlsx: a cell that reads as a number is stored as one, others as inline strings
/// (nil: an empty cell).
private func xlsx(_ rows: [[String?]]) -> [UInt8] {
    func column(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(65 + r)!) + s; n = (n - 1) / 26 }
        return s
    }
    var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    for (r, row) in rows.enumerated() {
        sheet += "<row r=\"\(r + 1)\">"
        for (c, value) in row.enumerated() {
            let ref = "\(column(c))\(r + 1)"
            if let text = value, Double(text) != nil {
                sheet += "<c r=\"\(ref)\"><v>\(text)</v></c>"
            } else if let text = value {
                sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }
        }
        sheet += "</row>"
    }
    sheet += "</sheetData></worksheet>"
    var zip = StoredZip()
    zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
    zip.add("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"预算执行\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
    zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>")
    zip.add("xl/worksheets/sheet1.xml", sheet)
    return zip.bytes()
}

/// Tables whose unit stands in a cell of its own, or nowhere: their sums are checked all the same,
/// and a stated unit reaches their amounts.
@Suite("Tables: a unit beside the table, or none")
struct TableUnitTests {
    static let pipeline = Pipeline(ruleSet: try! RuleSet.embedded())

    static let header: [String?] = ["项目", "年初预算数", "全年执行数"]
    /// 120.50 + 380.00 = 500.50, stated 510.50.
    static let body: [[String?]] = [["基本支出", "120.5", "118.2"], ["项目支出", "380", "350"], ["合计", "510.5", "468.2"]]

    static func facts(_ bytes: [UInt8], path: String) throws -> [String: Any] {
        let document = try DocumentLoader.load(bytes: bytes, path: path)
        let json = FactsFormatter.json(pipeline.facts(of: document))
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test(arguments: [
        // 单位 in a cell of its own above the header
        [["2023年度部门预算执行情况表"], [nil, nil, "单位：万元"]],
        // 单位 in a cell of the title row
        [["2023年度部门预算执行情况表", nil, "单位：万元"]],
    ] as [[[String?]]])
    func aSheetWithItsUnitInACellIsChecked(_ top: [[String?]]) throws {
        let bytes = xlsx(top + [Self.header] + Self.body)
        let report = Self.pipeline.report(bytes: bytes, path: "budget.xlsx")
        #expect(report.error == nil)
        let sums = report.findings.filter { $0.rule == "sum.table-subtotals" }
        #expect(sums.count == 1, "\(report.findings.map(\.rule))")
        #expect(sums.first?.evidence.contains("万元") == true, "\(sums.first?.evidence ?? "")")
        #expect(report.fiscalYear == 2023)
        // the amounts are in 万元: the unit checks see them
        let facts = try Self.facts(bytes, path: "budget.xlsx")
        let quantities = try #require(facts["quantities"] as? [[String: Any]])
        let amounts = quantities.filter { ($0["inTable"] as? Bool) == true && ($0["kind"] as? String) == "万元" }
        #expect(amounts.count == 6, "\(quantities.map { $0["kind"] ?? "" })")
    }

    @Test func aTableWithoutAUnitStillHasItsSumsChecked() throws {
        let text = "项目\t年初预算数\t全年执行数\n基本支出\t120.50\t118.20\n项目支出\t380.00\t350.00\n合计\t510.50\t468.20\n"
        let report = Self.pipeline.report(text: text, path: "t.txt")
        let sums = report.findings.filter { $0.rule == "sum.table-subtotals" }
        #expect(sums.count == 1, "\(report.findings.map(\.rule))")
        #expect(sums.first?.evidence.contains("500.50 ≠ 510.50") == true, "\(sums.first?.evidence ?? "")")
        // the same sheet without title or unit
        let sheet = Self.pipeline.report(bytes: xlsx([Self.header] + Self.body), path: "t.xlsx")
        #expect(sheet.findings.filter { $0.rule == "sum.table-subtotals" }.count == 1, "\(sheet.findings.map(\.rule))")
        // a right table says nothing
        let right = text.replacingOccurrences(of: "510.50", with: "500.50")
        #expect(Self.pipeline.report(text: right, path: "t.txt").findings.isEmpty)
    }

    @Test func titleRowsOfASheetAreLinesBeforeItsTable() throws {
        let d = try DocumentLoader.load(bytes: xlsx([["2023年度部门预算执行情况表", nil, "单位：万元"], Self.header] + Self.body), path: "b.xlsx")
        #expect(d.lines.map(\.text).prefix(3) == ["预算执行", "2023年度部门预算执行情况表 单位：万元", "项目\t年初预算数\t全年执行数"])
        #expect(d.lines[1].tableRow == nil)
        #expect(d.lines[2].tableRow == TableRowReference(table: 0, row: 0))
        #expect(d.tables[0].rows.count == 4)
        // a sheet that starts with its header keeps every row in the table
        let plain = try DocumentLoader.load(bytes: xlsx([Self.header] + Self.body), path: "p.xlsx")
        #expect(plain.tables[0].rows.count == 4)
    }
}
