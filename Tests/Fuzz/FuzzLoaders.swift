// libFuzzer harnesses for each loader, one binary per target: build with `-D FUZZ_TEXT`,
// `-D FUZZ_ZIP`, `-D FUZZ_XML`, `-D FUZZ_DOCX`, `-D FUZZ_XLSX` or `-D FUZZ_RULES` (run.sh does).
// Not part of `swift build` / `swift test`: no target names Tests/Fuzz. See README.md here.
//
// Every target asserts what the loaders promise: a result or a LoadError (TOMLError for rules),
// never a trap, and a result within the limits (`Limits`).
//
// - text: the bytes as a text file (TextDecoding.decode, the line split, DocumentLoader.loadText).
// - zip: the bytes as a ZIP archive (central directory, every entry extracted within small limits).
// - xml: the bytes as an XML part, through the streaming scanner and the tree builder.
// - docx / xlsx: the input cut at NUL bytes into parts (document.xml, numbering.xml, styles.xml,
//   footnotes.xml / sheet1.xml, sharedStrings.xml, styles.xml, workbook.xml), stored in a ZIP
//   built here (so that mutations reach the readers, not the deflate checks), and read.
// - rules: the bytes as a rule file, as the lexicon and vocabulary, and through the TOML parser.
import Foundation
import CZlib
@testable import JXLoad
import JXRules

/// A ZIP of stored entries (method 0), with their CRC-32.
func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
    var out = [UInt8](), central = [UInt8]()
    func u16(_ v: Int, _ a: inout [UInt8]) { a.append(UInt8(v & 0xFF)); a.append(UInt8(v >> 8 & 0xFF)) }
    func u32(_ v: Int, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8(v >> s & 0xFF)) } }
    for (name, data) in entries {
        let crc = data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, uInt($0.count))) }
        let n = Array(name.utf8), offset = out.count
        u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
        u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(n.count, &out); u16(0, &out); out += n; out += data
        u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central); u16(0, &central)
        u16(0, &central); u32(crc, &central); u32(data.count, &central); u32(data.count, &central); u16(n.count, &central)
        u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
        central += n
    }
    let cd = out.count
    out += central
    u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
    u32(central.count, &out); u32(cd, &out); u16(0, &out)
    return out
}

/// The input cut at NUL bytes (at most `count` parts).
func parts(_ bytes: [UInt8], _ count: Int) -> [[UInt8]] {
    bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false).map(Array.init)
}

/// A loaded document keeps the limits.
func checkDocument(_ d: Document) {
    var text = 0
    for line in d.lines { text += line.text.utf8.count }
    precondition(text <= Limits.largestText + 1_048_576, "text beyond the limit")
    for table in d.tables {
        for row in table.rows {
            precondition(row.lineIndex >= 0 && row.lineIndex < d.lines.count, "table row without its line")
            let count = d.lines[row.lineIndex].text.unicodeScalars.count
            for cell in row.cells {
                precondition(cell.start >= 0 && cell.length >= 0 && cell.start + cell.length <= count, "cell outside its line")
                precondition(cell.gridColumn >= 0 && cell.columnSpan >= 1, "bad grid column")
            }
        }
    }
}

let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
let sheetNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let types = Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    #if FUZZ_TEXT
    if let decoded = try? TextDecoding.decode(bytes) {
        let lines = TextDecoding.splitLines(decoded.text)
        precondition(lines.allSatisfy { !$0.contains("\n") }, "a line holds a line break")
    }
    if let d = try? DocumentLoader.load(bytes: bytes, path: "fuzz.txt") { checkDocument(d) }
    #elseif FUZZ_ZIP
    let limits = ZipArchive.Limits(entries: 64, entrySize: 1 << 20, totalSize: 4 << 20)
    if var archive = try? ZipArchive(bytes: bytes, limits: limits) {
        for entry in archive.entries {
            if let out = try? archive.extract(entry) {
                precondition(out.count <= limits.entrySize, "entry beyond its limit")
            }
        }
        precondition(archive.extractedTotal <= limits.totalSize, "archive beyond its limit")
    }
    #elseif FUZZ_XML
    _ = try? XMLScanner.withScanner(bytes, part: "fuzz.xml", names: ["p", "r", "t", "tbl", "tr", "tc", "row", "c", "v", "si"]) {
        (s: inout XMLScanner) throws(LoadError) -> Int in
        var n = 0
        while true {
            let token = try s.next()
            if token == .eof { return n }
            if token == .text { _ = try s.text() }
            if token == .start { _ = s.attribute("val"); _ = s.intAttribute("r") }
            n += 1
        }
    }
    _ = try? XMLTree(bytes: bytes, part: "fuzz.xml", names: W.table, textParents: [W.t.rawValue])
    #elseif FUZZ_DOCX
    let p = parts(bytes, 4)
    var entries: [(String, [UInt8])] = [("[Content_Types].xml", types), ("word/document.xml", p[0])]
    for (k, name) in ["word/numbering.xml", "word/styles.xml", "word/footnotes.xml"].enumerated() where k + 1 < p.count {
        entries.append((name, p[k + 1]))
    }
    if let d = try? DocumentLoader.load(bytes: storedZip(entries), path: "fuzz.docx") { checkDocument(d) }
    #elseif FUZZ_XLSX
    let p = parts(bytes, 4)
    let workbook = p.count > 3 ? p[3] : Array("""
        <workbook xmlns="\(sheetNS)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="S" sheetId="1" r:id="rId1"/><sheet name="T" sheetId="2" r:id="rId1"/></sheets></workbook>
        """.utf8)
    let rels = Array("""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """.utf8)
    var entries: [(String, [UInt8])] = [("[Content_Types].xml", types), ("xl/workbook.xml", workbook),
                                        ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", p[0])]
    if p.count > 1 { entries.append(("xl/sharedStrings.xml", p[1])) }
    if p.count > 2 { entries.append(("xl/styles.xml", p[2])) }
    if let d = try? DocumentLoader.load(bytes: storedZip(entries), path: "fuzz.xlsx") { checkDocument(d) }
    #elseif FUZZ_RULES
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? RuleSet.load(files: [(path: "rules/fuzz.toml", text: text)])
    _ = try? RuleSet.load(files: [(path: "rules/lexicon.toml", text: text)])
    _ = try? RuleSet.load(files: [(path: "rules/vocabulary.toml", text: text)])
    _ = try? TOML.parse(utf8: bytes, file: "fuzz.toml")
    #else
    #error("build with -D FUZZ_TEXT, FUZZ_ZIP, FUZZ_XML, FUZZ_DOCX, FUZZ_XLSX or FUZZ_RULES")
    #endif
    return 0
}
