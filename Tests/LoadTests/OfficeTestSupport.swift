import Foundation
import CZlib
@testable import JXLoad

/// A tiny ZIP writer for tests: stored or deflated entries, with the sizes, CRC and flags a test
/// wants to lie about.
struct TestZip {
    struct Entry {
        var name: String
        var data: [UInt8]
        var deflate = true
        var declaredSize: Int? = nil
        var flags: UInt16 = 0
        var method: UInt16? = nil
        var crc: UInt32? = nil
        /// Bytes stored in place of the compressed data (for truncated or foreign streams).
        var payload: [UInt8]? = nil
    }

    var entries: [Entry] = []

    mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Array(text.utf8), deflate: deflate))
    }

    mutating func add(_ name: String, bytes: [UInt8], deflate: Bool = true) {
        entries.append(Entry(name: name, data: bytes, deflate: deflate))
    }

    static func deflate(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(o.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return o.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<produced])
    }

    /// Raw deflate of `count` zero bytes, made in 1 MiB pieces (for bombs).
    static func deflateZeros(count: Int) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var zeros = [UInt8](repeating: 0, count: 1 << 20)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = count
        zeros.withUnsafeMutableBufferPointer { z in
            chunk.withUnsafeMutableBufferPointer { c in
                while true {
                    let piece = min(remaining, z.count)
                    remaining -= piece
                    stream.next_in = z.baseAddress
                    stream.avail_in = uInt(piece)
                    let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
                    repeat {
                        stream.next_out = c.baseAddress
                        stream.avail_out = uInt(c.count)
                        _ = CZlib.deflate(&stream, flush)
                        result.append(contentsOf: c[0..<(c.count - Int(stream.avail_out))])
                    } while stream.avail_out == 0
                    if remaining == 0 { break }
                }
            }
        }
        return result
    }

    static func crc(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a.append(UInt8(v & 0xFF)); a.append(UInt8(v >> 8 & 0xFF)) }
        func u32(_ v: Int, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8(v >> s & 0xFF)) } }
        for e in entries {
            let payload = e.payload ?? (e.deflate ? TestZip.deflate(e.data) : e.data)
            let method = e.method ?? (e.deflate ? 8 : 0)
            let crc = e.crc ?? TestZip.crc(e.data)
            let size = e.declaredSize ?? e.data.count
            let name = Array(e.name.utf8)
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(Int(e.flags), &out); u16(Int(method), &out)
            u16(0, &out); u16(0, &out); u32(Int(crc), &out); u32(payload.count, &out); u32(size, &out)
            u16(name.count, &out); u16(0, &out); out += name; out += payload
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(Int(e.flags), &central)
            u16(Int(method), &central); u16(0, &central); u16(0, &central); u32(Int(crc), &central)
            u32(payload.count, &central); u32(size, &central); u16(name.count, &central); u16(0, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
            central += name
        }
        let cdOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }
}

enum OfficeFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let sheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A minimal .docx: document.xml with `body`, and the optional parts given.
    static func docx(body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
                     endnotes: String? = nil, extraNamespaces: String = "") -> [UInt8] {
        var zip = TestZip()
        zip.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """)
        zip.add("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(wordNamespace)" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \(extraNamespaces)><w:body>\(body)</w:body></w:document>
            """)
        if let styles { zip.add("word/styles.xml", "<w:styles xmlns:w=\"\(wordNamespace)\">\(styles)</w:styles>") }
        if let numbering { zip.add("word/numbering.xml", "<w:numbering xmlns:w=\"\(wordNamespace)\">\(numbering)</w:numbering>") }
        if let footnotes { zip.add("word/footnotes.xml", "<w:footnotes xmlns:w=\"\(wordNamespace)\">\(footnotes)</w:footnotes>") }
        if let endnotes { zip.add("word/endnotes.xml", "<w:endnotes xmlns:w=\"\(wordNamespace)\">\(endnotes)</w:endnotes>") }
        return zip.bytes()
    }

    /// A minimal .xlsx with one sheet per (name, sheet XML body inside <worksheet>, state).
    static func xlsx(sheets: [(String, [UInt8], String)], sharedStrings: [String]? = nil, styles: String? = nil) -> [UInt8] {
        var zip = TestZip()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        var workbook = "<workbook xmlns=\"\(sheetNamespace)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, (name, _, state)) in sheets.enumerated() {
            workbook += "<sheet name=\"\(name)\" sheetId=\"\(i + 1)\" state=\"\(state)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        workbook += "</sheets></workbook>"
        rels += "</Relationships>"
        zip.add("xl/workbook.xml", workbook)
        zip.add("xl/_rels/workbook.xml.rels", rels)
        for (i, (_, xml, _)) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", bytes: xml) }
        if let sharedStrings {
            zip.add("xl/sharedStrings.xml", "<sst xmlns=\"\(sheetNamespace)\">" + sharedStrings.joined() + "</sst>")
        }
        if let styles { zip.add("xl/styles.xml", "<styleSheet xmlns=\"\(sheetNamespace)\">\(styles)</styleSheet>") }
        return zip.bytes()
    }

    static func sheet(_ inner: String) -> [UInt8] {
        Array("<worksheet xmlns=\"\(sheetNamespace)\">\(inner)</worksheet>".utf8)
    }

    /// A sheet of `count` empty rows (`<row r="N" spans="1:4"/>`), then one row with a value.
    static func millionRowSheet(count: Int) -> [UInt8] {
        let head = Array("<worksheet xmlns=\"\(sheetNamespace)\"><sheetData>".utf8)
        let tail = Array("<row r=\"\(count + 1)\"><c r=\"B\(count + 1)\" t=\"inlineStr\"><is><t>末行</t></is></c></row></sheetData></worksheet>".utf8)
        let open = Array("<row r=\"".utf8), close = Array("\" spans=\"1:4\"/>".utf8)
        var out = [UInt8](repeating: 0, count: head.count + tail.count + count * (open.count + close.count + 8))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int in
            let p = buffer.baseAddress!
            var n = 0
            for b in head { p[n] = b; n += 1 }
            var digits = [UInt8](repeating: 0, count: 12)
            digits.withUnsafeMutableBufferPointer { d in
                for r in 1...count {
                    for b in open { p[n] = b; n += 1 }
                    var v = r, k = 0
                    while v > 0 { d[k] = UInt8(0x30 + v % 10); v /= 10; k += 1 }
                    while k > 0 { k -= 1; p[n] = d[k]; n += 1 }
                    for b in close { p[n] = b; n += 1 }
                }
            }
            for b in tail { p[n] = b; n += 1 }
            return n
        }
        out.removeLast(out.count - written)
        return out
    }
}

/// Wall-clock seconds of `body`.
/// Seconds of CPU time this thread spent in `body`: the cost of the work itself, not of the other
/// test suites that run in parallel on the same cores (wall time made these bounds flaky on 2 cores).
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    let start = now()
    let result = try body()
    return (result, now() - start)
}

/// The message of the LoadError `body` throws, or nil when it succeeds.
func loadErrorMessage<T>(_ body: () throws -> T) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as LoadError {
        return error.message
    } catch {
        return "not a LoadError: \(error)"
    }
}
