import Testing
import Foundation
@testable import JXLoad

/// Hostile and broken inputs: each must end, in a debug build, in under 2 seconds with a clear
/// message or a small correct result. Serialized so that the timings do not compete.
@Suite(.serialized) struct OfficeLimitTests {
    /// A .docx whose document.xml is `payload` deflated bytes declaring `declaredSize`.
    func bombDocx(zeros: Int, declaredSize: Int) -> [UInt8] {
        var zip = TestZip()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        zip.entries.append(TestZip.Entry(name: "word/document.xml", data: [], declaredSize: declaredSize,
                                         crc: 0, payload: TestZip.deflateZeros(count: zeros)))
        return zip.bytes()
    }

    @Test func zipBombPastTheEntryLimit() throws {
        // Declares exactly the 64 MiB limit and inflates to 200 MiB.
        let bytes = bombDocx(zeros: 200 * 1_048_576, declaredSize: 64 * 1_048_576)
        #expect(bytes.count < 400_000)
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "bomb.docx") } }
        print("zip bomb (declared 64 MiB, inflates to 200 MiB): \(seconds) s")
        #expect(message == "refused: word/document.xml expands beyond 64 MiB")
        #expect(seconds < 2)
    }

    @Test func zipBombDeclaringTooMuch() throws {
        let bytes = bombDocx(zeros: 1_048_576, declaredSize: 3_000_000_000)
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "bomb.docx") } }
        #expect(message == "refused: word/document.xml expands beyond 64 MiB (it declares 3000000000 bytes)")
        #expect(seconds < 2)
    }

    @Test func zipBombLyingAboutItsSize() throws {
        // Declares 1000 bytes and inflates to 100 MiB: stopped at byte 1001.
        let bytes = bombDocx(zeros: 100 * 1_048_576, declaredSize: 1000)
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "bomb.docx") } }
        print("zip bomb (declared 1000 bytes, inflates to 100 MiB): \(seconds) s")
        #expect(message == "refused: word/document.xml expands beyond its declared size of 1000 bytes (corrupt archive or zip bomb)")
        #expect(seconds < 2)
    }

    @Test func truncatedDocx() throws {
        let whole = try OfficeFixtures.bytes("report.docx")
        for keep in [whole.count / 2, whole.count - 10, 100] {
            let cut = Array(whole.prefix(keep))
            let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: cut, path: "report.docx") } }
            print("truncated .docx (\(keep) of \(whole.count) bytes): \(seconds) s")
            #expect(message == "truncated or corrupt ZIP archive: end of central directory not found (the file may be cut short)")
            #expect(seconds < 2)
        }
    }

    @Test func docxThatIsARenamedTextFile() throws {
        let bytes = Array("一、部门基本情况\n2022年全年预算数33463.78万元。\n".utf8)
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "报告.docx") } }
        #expect(message == "named .docx but not a .docx file (its content is not a ZIP document)")
        #expect(seconds < 2)
        let xlsx = loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "表.xlsx") }
        #expect(xlsx == "named .xlsx but not a .xlsx file (its content is not a ZIP document)")
    }

    @Test func millionEmptyRows() throws {
        let sheet = OfficeFixtures.millionRowSheet(count: 1_000_000)
        let bytes = OfficeFixtures.xlsx(sheets: [("Sheet1", sheet, "visible")])
        let (document, seconds) = try measure { try DocumentLoader.load(bytes: bytes, path: "rows.xlsx") }
        print("xlsx with 1,000,000 empty rows (\(sheet.count) bytes of sheet XML): \(seconds) s")
        #expect(seconds < 2)
        #expect(document.format == .xlsx)
        #expect(document.lines.map(\.text) == ["Sheet1", "\t末行"])
        #expect(document.lines[1].place == "Sheet1 第1000001行")
        #expect(document.tables[0].rows.count == 1)
        #expect(document.tables[0].rows[0].cells.map(\.place) == ["Sheet1!A1000001", "Sheet1!B1000001"])
    }

    @Test func sparseRowsFarRightAreBounded() throws {
        // 300 rows whose only cell is in column XFD: 300 × 16 384 slots.
        var xml = "<sheetData>"
        for r in 1...300 { xml += "<row r=\"\(r)\"><c r=\"XFD\(r)\"><v>1</v></c></row>" }
        let bytes = OfficeFixtures.xlsx(sheets: [("宽表", OfficeFixtures.sheet(xml + "</sheetData>"), "visible")])
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "wide.xlsx") } }
        #expect(message == "refused: the workbook's rows span more than 500000 cells (sheet 宽表)")
        #expect(seconds < 2)
    }

    @Test func sharedStringAmplificationIsBounded() throws {
        // One 1 MiB shared string used by 300 cells would make 300 MiB of text: refused as the rows come.
        let big = "<si><t>" + String(repeating: "预", count: 350_000) + "</t></si>"
        var xml = "<sheetData>"
        for r in 1...300 { xml += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>0</v></c></row>" }
        let bytes = OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(xml + "</sheetData>"), "visible")], sharedStrings: [big])
        let (message, seconds) = measure { loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "amp.xlsx") } }
        #expect(message == "refused: the workbook's text expands beyond 32 MiB (sheet S)")
        #expect(seconds < 2)
    }

    @Test func tooManyEntries() throws {
        var zip = TestZip()
        zip.add("a.xml", "<a/>")
        var bytes = zip.bytes()
        // Patch the end record's entry counts to 20 001.
        let eocd = bytes.count - 22
        for offset in [8, 10] {
            bytes[eocd + offset] = UInt8(20_001 & 0xFF)
            bytes[eocd + offset + 1] = UInt8(20_001 >> 8)
        }
        let message = loadErrorMessage { try DocumentLoader.load(bytes: bytes, path: "many.docx") }
        #expect(message == "refused: the ZIP archive has 20001 entries (limit 20000)")
    }

    @Test func totalExtractedSizeIsBounded() throws {
        var zip = TestZip()
        zip.add("a.xml", String(repeating: "a", count: 600))
        zip.add("b.xml", String(repeating: "b", count: 600))
        var archive = try ZipArchive(bytes: zip.bytes(), limits: ZipArchive.Limits(entries: 10, entrySize: 1000, totalSize: 1000))
        #expect(try archive.data(named: "a.xml")?.count == 600)
        let message = loadErrorMessage { try archive.data(named: "b.xml") }
        #expect(message == "refused: the archive's parts expand beyond 1000 bytes in all")
    }

    @Test func deepNestingIsRefused() throws {
        let body = String(repeating: "<w:sdt><w:sdtContent>", count: 150) + "<w:p/>" + String(repeating: "</w:sdtContent></w:sdt>", count: 150)
        let message = loadErrorMessage { try OfficeLoader.load(bytes: OfficeFixtures.docx(body: body), path: "deep.docx") }
        #expect(message?.hasPrefix("word/document.xml: malformed XML at byte ") == true)
        #expect(message?.hasSuffix("(elements nested deeper than 256 levels)") == true)
    }
}
