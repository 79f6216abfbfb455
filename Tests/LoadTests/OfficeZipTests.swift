import Testing
import Foundation
@testable import JXLoad

@Suite struct OfficeZipTests {
    @Test func storedAndDeflatedEntries() throws {
        var zip = TestZip()
        zip.add("stored.xml", "<a>原样</a>", deflate: false)
        zip.add("Deflated.XML", String(repeating: "预算执行率100.00%。", count: 500))
        var archive = try ZipArchive(bytes: zip.bytes())
        #expect(archive.entries.map(\.name) == ["stored.xml", "Deflated.XML"])
        #expect(try archive.data(named: "stored.xml") == Array("<a>原样</a>".utf8))
        // Part names are case-insensitive, and a leading "/" is allowed.
        #expect(try archive.data(named: "/deflated.xml") == Array(String(repeating: "预算执行率100.00%。", count: 500).utf8))
        #expect(try archive.data(named: "missing.xml") == nil)
    }

    @Test func archiveCommentIsSkipped() throws {
        var zip = TestZip()
        zip.add("a.xml", "<a/>")
        var bytes = zip.bytes()
        let comment = Array("a trailing comment PK\u{05}\u{06} that looks like a record".utf8)
        bytes[bytes.count - 2] = UInt8(comment.count)
        bytes += comment
        var archive = try ZipArchive(bytes: bytes)
        #expect(try archive.data(named: "a.xml") == Array("<a/>".utf8))
    }

    @Test func crcMismatch() throws {
        var zip = TestZip()
        zip.entries.append(TestZip.Entry(name: "a.xml", data: Array("<a/>".utf8), crc: 12345))
        var archive = try ZipArchive(bytes: zip.bytes())
        #expect(loadErrorMessage { try archive.data(named: "a.xml") } == "corrupt ZIP archive: CRC mismatch in a.xml")
    }

    @Test func encryptedEntry() throws {
        var zip = TestZip()
        zip.entries.append(TestZip.Entry(name: "word/document.xml", data: Array("<a/>".utf8), flags: 1))
        let message = loadErrorMessage { try DocumentLoader.load(bytes: zip.bytes(), path: "secret.docx") }
        #expect(message == "word/document.xml: encrypted ZIP entries are not supported (password-protected file)")
    }

    @Test func unsupportedMethod() throws {
        var zip = TestZip()
        zip.entries.append(TestZip.Entry(name: "word/document.xml", data: Array("<a/>".utf8), method: 12))
        let message = loadErrorMessage { try DocumentLoader.load(bytes: zip.bytes(), path: "bzip2.docx") }
        #expect(message == "word/document.xml: unsupported ZIP compression method 12 (only stored and deflate are read)")
    }

    @Test func zip64IsRefused() throws {
        var zip = TestZip()
        zip.add("a.xml", "<a/>")
        var bytes = zip.bytes()
        for k in 0..<4 { bytes[bytes.count - 6 + k] = 0xFF } // central directory offset 0xFFFFFFFF
        #expect(loadErrorMessage { try ZipArchive(bytes: bytes) } == "ZIP64 archives are not supported")
    }

    @Test func compressedDataCutShort() throws {
        let data = Array(String(repeating: "部门整体支出绩效自评报告", count: 300).utf8)
        let deflated = TestZip.deflate(data)
        var zip = TestZip()
        zip.entries.append(TestZip.Entry(name: "a.xml", data: data, payload: Array(deflated.prefix(deflated.count / 2))))
        var archive = try ZipArchive(bytes: zip.bytes())
        #expect(loadErrorMessage { try archive.data(named: "a.xml") }
                == "truncated or corrupt ZIP archive: compressed data of a.xml ends early")
    }

    @Test func garbageCompressedData() throws {
        var zip = TestZip()
        zip.entries.append(TestZip.Entry(name: "a.xml", data: Array("<a/>".utf8), payload: [0xFF, 0xFF, 0xFF, 0xFF]))
        var archive = try ZipArchive(bytes: zip.bytes())
        let message = loadErrorMessage { try archive.data(named: "a.xml") }
        #expect(message?.hasPrefix("corrupt ZIP archive: a.xml does not inflate (zlib error") == true)
    }

    @Test func localHeaderMissing() throws {
        var zip = TestZip()
        zip.add("a.xml", "<a/>")
        var bytes = zip.bytes()
        bytes[0] = 0x00 // the local header signature
        var archive = try ZipArchive(bytes: bytes)
        #expect(loadErrorMessage { try archive.data(named: "a.xml") }
                == "truncated or corrupt ZIP archive: local header of a.xml not found")
    }

    @Test func zipThatIsNeitherDocxNorXlsx() throws {
        var zip = TestZip()
        zip.add("readme.txt", "hello")
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: zip.bytes(), path: "a.docx") }
                == "a ZIP archive but neither a .docx (no word/document.xml) nor an .xlsx (no xl/workbook.xml)")
        var pptx = TestZip()
        pptx.add("ppt/presentation.xml", "<p/>")
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: pptx.bytes(), path: "slides.docx") }
                == "a PowerPoint presentation (.pptx), not a .docx or .xlsx: not supported")
        let empty = TestZip().bytes()
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: empty, path: "empty.docx") }
                == "an empty ZIP archive, neither a .docx nor an .xlsx")
    }

    @Test func legacyOrEncryptedOfficeFile() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(loadErrorMessage { try DocumentLoader.load(bytes: ole, path: "old.docx") }
                == "an OLE2 compound file: a legacy .doc/.xls, or a password-protected (encrypted) Office file; save it as an unprotected .docx or .xlsx")
    }

    @Test func contentDecidesBetweenDocxAndXlsx() throws {
        // A workbook named .docx is read as a workbook, and a document named .xlsx as a document.
        let xlsx = OfficeFixtures.xlsx(sheets: [("表1", OfficeFixtures.sheet("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>合计</t></is></c></row></sheetData>"), "visible")])
        let asDocx = try DocumentLoader.load(bytes: xlsx, path: "misnamed.docx")
        #expect(asDocx.format == .xlsx)
        #expect(asDocx.lines.map(\.text) == ["表1", "合计"])
        let docx = OfficeFixtures.docx(body: "<w:p><w:r><w:t>正文</w:t></w:r></w:p>")
        let asXlsx = try DocumentLoader.load(bytes: docx, path: "misnamed.xlsx")
        #expect(asXlsx.format == .docx)
        #expect(asXlsx.lines.map(\.text) == ["正文"])
    }

    @Test func relationshipTargets() {
        #expect(OfficePackage.resolve("styles.xml", from: "word/document.xml") == "word/styles.xml")
        #expect(OfficePackage.resolve("/xl/worksheets/sheet1.xml", from: "xl/workbook.xml") == "xl/worksheets/sheet1.xml")
        #expect(OfficePackage.resolve("../customXml/item1.xml", from: "word/document.xml") == "customXml/item1.xml")
        #expect(OfficePackage.resolve("word/document.xml", from: "") == "word/document.xml")
    }
}
