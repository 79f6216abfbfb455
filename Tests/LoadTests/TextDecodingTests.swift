import Foundation
import Testing
@testable import JXLoad

// The encodings themselves (UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM, GB18030, GBK) are tested
// end to end in Tests/LintTests/EncodingTests.swift; these are the decoder's own edge cases.

private func decodeError(_ bytes: [UInt8]) -> String? {
    do {
        _ = try TextDecoding.decode(bytes)
        return nil
    } catch {
        return error.message
    }
}

@Suite("TextDecoding")
struct TextDecodingTests {
    @Test func refusals() {
        #expect(decodeError([]) == "empty file (0 bytes)")
        let nul = Array((String(repeating: "全年预算数100.00万元。", count: 10) + "\u{0}").utf8)
        #expect(decodeError(nul) == "not a text file (it contains NUL bytes)")
        // mostly control characters: binary that happens to be valid UTF-8
        #expect(decodeError([0x01, 0x02, 0x03, 0x41, 0x04, 0x05]) == "not a text file (too many control characters)")
        // neither UTF-8 nor GB18030 (0xFF is never a GB18030 lead byte)
        #expect(decodeError([0xFF, 0xFF, 0x41, 0x42]) == "not a text file: neither UTF-8 nor GB18030 text")
        // an odd number of bytes after a UTF-16 byte-order mark
        #expect(decodeError([0xFE, 0xFF, 0x00, 0x41, 0x00]) == "truncated utf-16be text (odd number of bytes)")
    }

    @Test func tabsFormFeedsAndLineEndsAreText() throws {
        let d = try TextDecoding.decode(Array("项目\t预算数\r\n\u{0C}第2页\n".utf8))
        #expect(d.encoding == "utf-8")
        #expect(d.text == "项目\t预算数\r\n\u{0C}第2页\n")
    }

    @Test func aBOMAloneIsAnEmptyText() throws {
        let d = try TextDecoding.decode([0xEF, 0xBB, 0xBF])
        #expect(d.encoding == "utf-8-bom")
        #expect(d.text == "")
    }

    @Test func gb18030IsDecodedWhenUTF8Fails() throws {
        // "预算" in GB18030
        let d = try TextDecoding.decode([0xD4, 0xA4, 0xCB, 0xE3])
        #expect(d.encoding == "gb18030")
        #expect(d.text == "预算")
    }

    @Test func unpairedSurrogatesInUTF16() throws {
        // one lone surrogate among more than a hundred good units becomes U+FFFD
        let good = String(repeating: "预算数一百万元整，执行数九十万元", count: 10)
        var le: [UInt8] = [0xFF, 0xFE]
        for s in good.utf16 { le += [UInt8(s & 0xFF), UInt8(s >> 8)] }
        le += [0x00, 0xD8]  // U+D800 alone
        let d = try TextDecoding.decode(le)
        #expect(d.encoding == "utf-16le")
        #expect(d.text == good + "\u{FFFD}")
        // mostly garbage is refused
        #expect(decodeError([0xFF, 0xFE, 0x00, 0xD8, 0x00, 0xD8, 0x41, 0x00]) == "not valid utf-16le text")
    }

    @Test func unmarkedUTF16IsRecognisedByItsZeroBytes() {
        let ascii = Array("Budget 2022, total 100.00".utf16)
        let le = ascii.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = ascii.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.unmarkedUTF16(le) == true)
        #expect(TextDecoding.unmarkedUTF16(be) == false)
        #expect(TextDecoding.unmarkedUTF16(Array("Budget 2022, total 100.00".utf8)) == nil)
        // too short, or an odd length
        #expect(TextDecoding.unmarkedUTF16(Array(le.prefix(6))) == nil)
        #expect(TextDecoding.unmarkedUTF16(Array(le.dropLast())) == nil)
    }

    /// 一 (U+4E00) and the ideographic space (U+3000) have a zero byte on the side opposite to
    /// ASCII's: Chinese text without a byte-order mark holds zeros in both positions and must still
    /// be read, in either byte order, exactly as its UTF-8 form.
    @Test func unmarkedUTF16WithIdeographicSpacesAndYi() throws {
        let texts = [
            "　　一、部门基本情况\n　　2022年全年预算数100.00万元，其中，基本支出预算数一百万元。\n",
            // more zeros beside 一 and 　 than beside ASCII: only the line ends are ASCII
            String(repeating: "　　一一　一　第一　一\n", count: 40),
            // no ASCII at all
            String(repeating: "一　预算执行率一　", count: 30),
        ]
        for text in texts {
            let units = Array(text.utf16)
            let le = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let be = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            #expect(le.contains(0) && be.contains(0))
            #expect(TextDecoding.unmarkedUTF16(le) == true)
            #expect(TextDecoding.unmarkedUTF16(be) == false)
            let l = try TextDecoding.decode(le), b = try TextDecoding.decode(be)
            #expect(l.encoding == "utf-16le" && l.text == text)
            #expect(b.encoding == "utf-16be" && b.text == text)
        }
        // zero bytes that form no text in either order stay refused
        var binary: [UInt8] = []
        for k in 0..<400 { binary += [UInt8(k % 7 == 0 ? 0 : (k * 37) & 0xFF), UInt8((k * 91 + 13) & 0xFF)] }
        #expect(TextDecoding.unmarkedUTF16(binary) == nil)
        #expect(decodeError(binary) != nil)
    }

    @Test func splitLines() {
        #expect(TextDecoding.splitLines("a\nb\n") == ["a", "b"])
        #expect(TextDecoding.splitLines("a\nb") == ["a", "b"])
        #expect(TextDecoding.splitLines("a\r\nb\r\n") == ["a", "b"])
        #expect(TextDecoding.splitLines("a\r\nb\r") == ["a", "b"])
        #expect(TextDecoding.splitLines("a\n\n\nb") == ["a", "", "", "b"])
        #expect(TextDecoding.splitLines("\n") == [""])
        #expect(TextDecoding.splitLines("") == [])
        // a lone CR inside a line is kept: only LF ends a line
        #expect(TextDecoding.splitLines("a\rb\n") == ["a\rb"])
    }
}

@Suite("DocumentLoader: formats")
struct DocumentFormatTests {
    @Test func magicBytesBeforeExtensions() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0]
        #expect(DocumentLoader.detectFormat(bytes: zip, path: "报告.txt") == .docx)
        #expect(DocumentLoader.detectFormat(bytes: zip, path: "表.XLSX") == .xlsx)
        #expect(DocumentLoader.detectFormat(bytes: zip, path: "表.xlsm") == .xlsx)
        #expect(DocumentLoader.detectFormat(bytes: Array("%PDF-1.7".utf8), path: "a.txt") == .pdf)
        #expect(DocumentLoader.detectFormat(bytes: Array("# 标题".utf8), path: "a.md") == .markdown)
        #expect(DocumentLoader.detectFormat(bytes: Array("# 标题".utf8), path: "a.markdown") == .markdown)
        #expect(DocumentLoader.detectFormat(bytes: Array("文字".utf8), path: "a.text") == .text)
        #expect(DocumentLoader.detectFormat(bytes: Array("文字".utf8), path: "-") == .text)
    }

    @Test func textNamedLikeAnOfficeFileIsRefused() {
        do {
            _ = try DocumentLoader.load(bytes: Array("预算数".utf8), path: "a.docx")
            Issue.record("loaded")
        } catch {
            #expect(error.message.hasPrefix("named .docx but not a .docx file"))
        }
    }

    @Test func textLinesAreNumberedFromOne() throws {
        let doc = try DocumentLoader.load(bytes: Array("标题\r\n\r\n正文。\n".utf8), path: "a.md")
        #expect(doc.format == .markdown)
        #expect(doc.encoding == "utf-8")
        #expect(doc.lines.map(\.number) == [1, 2, 3])
        #expect(doc.lines.map(\.text) == ["标题", "", "正文。"])
        #expect(doc.tables.isEmpty)
    }
}

@Suite("Path extensions")
struct PathExtensionTests {
    @Test func agreesWithFoundation() {
        let paths = ["a.docx", ".docx", "a.", "dir.x/file", "dir/.hidden", "a.tar.gz", "a.DOCX", "a/b.pdf/", "", "/", "a..pdf",
                     "x/y.md", "报告.docx", "a.doc x", "./a.txt", "../b.xlsx", "a/.b.pdf", "a//", "//x.md//", "."]
        for path in paths {
            #expect(DocumentLoader.pathExtension(path) == (path as NSString).pathExtension, "\(path)")
        }
    }
}
