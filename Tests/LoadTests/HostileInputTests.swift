import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif
@testable import JXLoad

/// The crash, slow and memory inputs of issue 14, rebuilt from their description: each is read,
/// or refused with a reason, quickly (thread CPU time) and without a trap.
@Suite(.serialized) struct HostileInputTests {
    // MARK: Word numbering (five crashes: Int32 bounds, a huge numId, a negative ordinal, a
    // full-width negative number)

    static func numbered(numId: String, start: String, format: String, text: String = "%1.", paragraphs: Int = 3) -> [UInt8] {
        let numbering = """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="\(start)"/><w:numFmt w:val="\(format)"/>\
            <w:lvlText w:val="\(text)"/></w:lvl></w:abstractNum><w:num w:numId="\(numId)"><w:abstractNumId w:val="0"/></w:num>
            """
        let body = (0..<paragraphs).map { i in
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr><w:r><w:t>第\(i)段</w:t></w:r></w:p>"
        }.joined()
        return OfficeFixtures.docx(body: body, numbering: numbering)
    }

    static func labels(_ bytes: [UInt8]) throws -> [String] {
        try DocumentLoader.load(bytes: bytes, path: "n.docx").lines.map(\.text)
    }

    @Test func startAtInt32Bounds() throws {
        #expect(try Self.labels(Self.numbered(numId: "1", start: "-2147483648", format: "decimal")).first == "-2147483648. 第0段")
        let max = try Self.labels(Self.numbered(numId: "1", start: "2147483647", format: "decimal"))
        #expect(max == ["2147483647. 第0段", "2147483648. 第1段", "2147483649. 第2段"])
    }

    @Test func hugeNumId() throws {
        let lines = try Self.labels(Self.numbered(numId: "9223372036854775807", start: "1", format: "decimal"))
        #expect(lines.first == "1. 第0段")
    }

    @Test func negativeOrdinal() throws {
        #expect(try Self.labels(Self.numbered(numId: "1", start: "-5", format: "ordinal")).first == "-5. 第0段")
    }

    @Test func fullWidthNegative() throws {
        #expect(try Self.labels(Self.numbered(numId: "1", start: "-5", format: "decimalFullWidth")).first == "-５. 第0段")
    }

    /// Every number format Word knows, at every boundary value of start and numId: no trap.
    @Test func everyFormatAtEveryBound() throws {
        let formats = ["decimal", "decimalZero", "none", "chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital",
                       "chineseLegalSimplified", "ideographTraditional", "ideographZodiac", "decimalEnclosedCircle", "decimalEnclosedParen",
                       "decimalEnclosedFullstop", "ideographEnclosedCircle", "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth",
                       "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "ordinal", "bullet", "unknownFormat"]
        let values = ["-2147483648", "-2147483649", "2147483647", "2147483648", "-9223372036854775808", "9223372036854775807",
                      "99999999999999999999999", "-1", "0", "1", "x", ""]
        for format in formats {
            for start in values {
                for numId in ["1", "2147483647", "9223372036854775807", "-1"] {
                    let lines = try Self.labels(Self.numbered(numId: numId, start: start, format: format, text: "%1%2%9.", paragraphs: 2))
                    #expect(lines.count == 2, "\(format) start \(start) numId \(numId)")
                }
            }
        }
    }

    @Test func attributeNumbersAreClampedToInt32() {
        #expect(FileNumbers.int32("2147483647") == 2147483647)
        #expect(FileNumbers.int32("2147483648") == 2147483647)
        #expect(FileNumbers.int32("-9223372036854775809") == -2147483648)
        #expect(FileNumbers.int32(" 12 ") == 12)
        #expect(FileNumbers.int32("1e3") == nil)
        #expect(FileNumbers.int32("") == nil)
        #expect(FileNumbers.add(Int.max, 1) == Int.max)
    }

    // MARK: memory and time from small files

    /// A 63 MB deflated entry of spaces, as the text of one paragraph and between the elements.
    @Test func sixtyThreeMegabytesOfSpaces() throws {
        let spaces = [UInt8](repeating: 0x20, count: 63 * 1_048_576)
        for (inText, expected) in [(true, "refused: the document's text is larger than 32 MiB (the largest text jxlint reads)"), (false, nil)] {
            var xml = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(OfficeFixtures.wordNamespace)\"><w:body><w:p><w:r>".utf8)
            xml += inText ? Array("<w:t xml:space=\"preserve\">".utf8) + spaces + Array("</w:t>".utf8) : Array("<w:t>甲</w:t>".utf8) + spaces
            xml += Array("</w:r></w:p></w:body></w:document>".utf8)
            var zip = TestZip()
            zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
            zip.add("word/document.xml", bytes: xml)
            let bytes = zip.bytes()
            #expect(bytes.count < 1_000_000)
            let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "spaces.docx") } }
            print("63 MB of spaces \(inText ? "in a paragraph" : "between elements"): \(seconds) s")
            #expect(message == expected)
            #expect(seconds < 10)
        }
    }

    /// A text over the largest text is refused before it is decoded when its size says so.
    @Test func textOverTheLimit() throws {
        let big = [UInt8](repeating: 0x41, count: 2 * Limits.largestText + 4)
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: big, path: "big.txt") } }
        #expect(message == "refused: the text is larger than 32 MiB (the largest text jxlint reads)")
        #expect(seconds < 1)
        // a UTF-16 text whose decoded form is over the limit
        let utf16 = [0xFF, 0xFE] + [UInt8](repeating: 0x4E, count: 2 * (Limits.largestText / 3 + 1_000_000))
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: utf16, path: "big16.txt") } == "refused: the text is larger than 32 MiB (the largest text jxlint reads)")
    }

    static func styles(_ code: String) -> String {
        "<numFmts count=\"1\"><numFmt numFmtId=\"200\" formatCode=\"\(code)\"/></numFmts><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"200\"/></cellXfs>"
    }

    /// A percent format amplified ("0" and 254 "%": every cell 100^254 times its value): at Excel's
    /// longest format the workbook's text is counted cell by cell and refused past the limit.
    @Test func percentFormatAmplification() throws {
        let code = "0" + String(repeating: "%", count: 254)
        var xml = "<sheetData>"
        for r in 1...2_000 {
            xml += "<row r=\"\(r)\">" + (0..<26).map { "<c r=\"\(XlsxReader.columnName($0))\(r)\" s=\"1\"><v>1</v></c>" }.joined() + "</row>"
        }
        let bytes = OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(xml + "</sheetData>"), "visible")], styles: Self.styles(code))
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "pct.xlsx") } }
        print("percent amplification: \(seconds) s")
        #expect(message == "refused: the workbook's text expands beyond 32 MiB (sheet S)")
        #expect(seconds < 10)
    }

    @Test func numberFormatOfAMillionCharacters() throws {
        let code = String(repeating: "m", count: 1_000_000)
        let xml = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c></row></sheetData>"
        let bytes = OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(xml), "visible")], styles: Self.styles(code))
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "fmt.xlsx") } }
        #expect(message == "refused: number format 200 is 1000000 characters long (the longest Excel writes is 255)")
        #expect(seconds < 2)
        // at the limit, a format is read and applied
        let ok = OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(xml), "visible")], styles: Self.styles("0.00" + String(repeating: "\\\\ ", count: 80)))
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: ok, path: "ok.xlsx") } == nil)
    }

    /// A thousand sheets sharing one part: the part is read once, the others noted.
    @Test func thousandSheetsSharingOnePart() throws {
        var rows = "<sheetData>"
        for r in 1...200 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>预算数\(r)万元</t></is></c></row>" }
        let sheet = OfficeFixtures.sheet(rows + "</sheetData>")
        var zip = TestZip()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        var workbook = "<workbook xmlns=\"\(OfficeFixtures.sheetNamespace)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in 1...1_000 {
            workbook += "<sheet name=\"S\(i)\" sheetId=\"\(i)\" r:id=\"rId\(i)\"/>"
            rels += "<Relationship Id=\"rId\(i)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        }
        zip.add("xl/workbook.xml", workbook + "</sheets></workbook>")
        zip.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>")
        zip.add("xl/worksheets/sheet1.xml", bytes: sheet)
        let (document, seconds) = try measure { try DocumentLoader.load(bytes: zip.bytes(), path: "shared.xlsx") }
        print("1000 sheets sharing one part: \(seconds) s")
        #expect(seconds < 5)
        #expect(document.tables.count == 1)
        #expect(document.notes.filter { $0.contains("the same part as sheet S1") }.count == 999)
    }

    /// 20 000 table spans: one row of 20 000 cells each spanning 1000 grid columns, and one row of
    /// 20 000 plain cells; both wider than any table.
    @Test func twentyThousandTableSpans() throws {
        for span in [1000, 1] {
            let cells = String(repeating: "<w:tc><w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>", count: 20_000)
            let bytes = OfficeFixtures.docx(body: "<w:tbl><w:tr>\(cells)</w:tr></w:tbl>")
            let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "spans.docx") } }
            print("20 000 spans of \(span): \(seconds) s")
            #expect(message == "refused: row 1 of table 1 spans more than 16384 grid columns")
            #expect(seconds < 10)
        }
        // 20 000 rows of merged cells: within the limits, read in linear time
        let rows = String(repeating: "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>", count: 20_000)
        let (document, seconds) = try measure { try DocumentLoader.load(bytes: OfficeFixtures.docx(body: "<w:tbl>\(rows)</w:tbl>"), path: "rows.docx") }
        #expect(document.tables.first?.rows.count == 20_000)
        #expect(seconds < 10)
    }

    @Test func tableCellsOverTheLimit() throws {
        let row = "<w:tr>" + String(repeating: "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>", count: 100) + "</w:tr>"
        let bytes = OfficeFixtures.docx(body: "<w:tbl>" + String(repeating: row, count: Limits.cells / 100 + 1) + "</w:tbl>")
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "cells.docx") } }
        #expect(message == "refused: the document's tables have more than 500000 cells")
        #expect(seconds < 20)
    }

    /// A sheet row written from its last column back to its first: sorted once, not per cell.
    @Test func rowWrittenBackwardsIsLinear() throws {
        func bytes(_ n: Int) -> [UInt8] {
            let cells = (0..<n).reversed().map { "<c r=\"\(XlsxReader.columnName($0))1\"><v>\($0)</v></c>" }.joined()
            return OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet("<sheetData><row r=\"1\">\(cells)</row></sheetData>"), "visible")])
        }
        let small = bytes(2_000), large = bytes(16_000)
        let scaling = Scaling.measure(bound: 12, floor: 0.01,
                                      small: { _ = try? DocumentLoader.load(bytes: small, path: "b.xlsx") },
                                      large: { _ = try? DocumentLoader.load(bytes: large, path: "b.xlsx") })
        #expect(scaling.holds(12), "2000 / 16000 cells: \(scaling)")
        let document = try DocumentLoader.load(bytes: large, path: "b.xlsx")
        let cells = document.tables[0].rows[0].cells
        #expect(cells.count == 16_000 && cells.first?.gridColumn == 0 && cells.last?.gridColumn == 15_999)
        #expect(document.lines[1].text.hasPrefix("0\t1\t2\t"))
    }

    // MARK: files that are not regular files

    @Test func onlyRegularFilesAreRead() throws {
        let dir = NSTemporaryDirectory() + "jxlint-hostile-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: fifo)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.txt", withDestinationPath: dir + "/nowhere.txt")
        let (fifoMessage, seconds) = measure { loadErrorMessage { try DocumentLoader.load(path: fifo) } }
        #expect(fifoMessage == "not a regular file: a FIFO (named pipe); jxlint reads only regular files")
        #expect(seconds < 1)
        #expect(loadErrorMessage { try DocumentLoader.load(path: dir + "/link.txt") } == "not a regular file: a FIFO (named pipe); jxlint reads only regular files")
        #expect(loadErrorMessage { try DocumentLoader.load(path: "/dev/null") } == "not a regular file: a device; jxlint reads only regular files")
        #expect(loadErrorMessage { try DocumentLoader.load(path: dir + "/dangling.txt") } == "a broken symbolic link (its target does not exist)")
        #expect(loadErrorMessage { try DocumentLoader.load(path: dir) } == "is a directory")
    }
}
