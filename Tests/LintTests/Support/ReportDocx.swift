import Foundation

/// Builds, from a report's text, the .docx people send: each line a paragraph, each table a Word
/// table, and a long table cut into one table per page, each repeating the header rows (as Word
/// documents converted from PDFs arrive).
///
/// The text is read as the corpus writes it: a block of one-cell-per-line rows (a line starting
/// with a tab opens a cell, lines without a tab continue it, blank lines end a row), and runs of
/// tab-separated rows. Tables of tab-separated rows are already cut where the PDF they came from
/// turned a page; the one-cell-per-line tables are whole and are cut here.
enum ReportDocx {
    enum Block {
        case paragraph(String)
        /// Rows of cells, each cell its paragraphs.
        case table([[[String]]], cut: Bool)
    }

    struct Options {
        /// Data rows in the first fragment and in each later one.
        var firstRows = 3
        var rowsPerPage = 7
        /// Repeat the header rows at the top of every fragment.
        var repeatHeader = true
    }

    static func leadsWithTab(_ line: Substring) -> Bool { line.drop { $0 == " " }.first == "\t" }

    /// A line of a one-cell-per-line block: a tab, the cell's text, no other tab.
    static func opensCell(_ line: Substring) -> Bool { leadsWithTab(line) && line.filter { $0 == "\t" }.count == 1 }

    /// "一、部门概况……\t1": a contents entry keeps its tab, in a paragraph.
    static func isContentsEntry(_ line: Substring) -> Bool {
        guard let tab = line.firstIndex(of: "\t") else { return false }
        let before = line[..<tab].reversed().drop { $0 == " " }
        return before.prefix(3).allSatisfy { $0 == "." || $0 == "…" } && before.count >= 3
    }

    static func isTabRow(_ line: Substring) -> Bool {
        line.contains("\t") && !opensCell(line) && !isContentsEntry(line)
    }

    static func blocks(_ text: String) -> [Block] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out: [Block] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if opensCell(line) {
                var rows: [[[String]]] = []
                var row: [[String]] = []
                var blanks = 0
                var j = i
                while j < lines.count {
                    let l = lines[j]
                    if l.allSatisfy({ $0 == " " }) {
                        if !row.isEmpty { rows.append(row); row = [] }
                        blanks += 1
                        if blanks > 2 { break }
                        j += 1
                        continue
                    }
                    if leadsWithTab(l) {
                        blanks = 0
                        for cell in l.drop(while: { $0 == " " }).split(separator: "\t", omittingEmptySubsequences: false).dropFirst() {
                            row.append([String(cell)])
                        }
                    } else if !row.isEmpty {
                        row[row.count - 1].append(String(l))
                    } else {
                        break
                    }
                    j += 1
                }
                if !row.isEmpty { rows.append(row) }
                out.append(.table(rows, cut: true))
                i = j
            } else if isTabRow(line) && i + 1 < lines.count && isTabRow(lines[i + 1]) {
                var rows: [[[String]]] = []
                while i < lines.count && isTabRow(lines[i]) {
                    rows.append(lines[i].split(separator: "\t", omittingEmptySubsequences: false).map { [String($0)] })
                    i += 1
                }
                out.append(.table(rows, cut: false))
            } else {
                out.append(.paragraph(String(line)))
                i += 1
            }
        }
        return out
    }

    static func filled(_ row: [[String]]) -> Int {
        row.filter { !$0.joined().trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}"))).isEmpty }.count
    }

    static func isNumber(_ cell: [String]) -> Bool {
        let t = cell.joined().trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}")))
        guard let first = t.unicodeScalars.first(where: { !"≥≤<>-".unicodeScalars.contains($0) }) else { return false }
        return ("0"..."9").contains(first) && t.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ".,%≥≤<>-".unicodeScalars.contains($0) }
    }

    /// The fragments a table is cut into: title rows (one filled cell) and header rows (two or
    /// more, no number) start the first; every later one repeats the header rows.
    static func fragments(_ rows: [[[String]]], options: Options) -> [[[[String]]]] {
        var k = 0
        while k < rows.count && filled(rows[k]) <= 1 { k += 1 }
        var h = k
        while h < rows.count && filled(rows[h]) >= 2 && !rows[h].contains(where: isNumber) { h += 1 }
        let header = Array(rows[k..<h])
        let body = Array(rows[h...])
        var out = [Array(rows[..<h]) + body.prefix(options.firstRows)]
        var b = options.firstRows
        while b < body.count {
            out.append((options.repeatHeader ? header : []) + body[b..<min(body.count, b + options.rowsPerPage)])
            b += options.rowsPerPage
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 has no place for most control characters
                if c.value < 0x20 && c != "\t" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func paragraph(_ text: String) -> String {
        if text.isEmpty { return "<w:p/>" }
        let runs = text.split(separator: "\t", omittingEmptySubsequences: false).map { part in
            part.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(escape(String(part)))</w:t>"
        }.joined(separator: "<w:tab/>")
        return "<w:p><w:r>\(runs)</w:r></w:p>"
    }

    /// Display width in half-ideographs.
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }

    static let textWidth = 9026  // A4 less 2 × 1440 twips of margin

    static func table(_ rows: [[[String]]], columns: Int, widths: [Int]) -> String {
        var grid = ""
        for w in widths { grid += "<w:gridCol w:w=\"\(w)\"/>" }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + "</w:tblBorders></w:tblPr><w:tblGrid>\(grid)</w:tblGrid>"
        for row in rows {
            out += "<w:tr>"
            // a row with fewer cells than the grid: its last cell spans the rest
            let cells = row.count > 1 ? row + Array(repeating: [""], count: max(0, columns - row.count)) : row
            var column = 0
            for (k, cell) in cells.enumerated() {
                let span = k == cells.count - 1 ? max(1, columns - column) : 1
                let w = widths[column..<min(widths.count, column + span)].reduce(0, +)
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(w)\" w:type=\"dxa\"/>" + (span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : "") + "</w:tcPr>"
                out += cell.map { paragraph($0.replacingOccurrences(of: "\t", with: " ")) }.joined()
                out += "</w:tc>"
                column += span
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// Column widths after their content, as Word's "fit to contents" gives them.
    static func widths(_ rows: [[[String]]], columns: Int) -> [Int] {
        var need = Array(repeating: 8, count: columns)
        for row in rows where row.count >= 2 {
            for (k, cell) in row.enumerated() where k < columns {
                need[k] = max(need[k], min(30, (cell.map(width).max() ?? 0) + 1))
            }
        }
        let total = need.reduce(0, +)
        return need.map { textWidth * $0 / total }
    }

    static func documentXML(_ text: String, options: Options = Options()) -> String {
        var body = ""
        for block in blocks(text) {
            switch block {
            case .paragraph(let line):
                body += paragraph(line)
            case .table(let rows, let cut):
                let columns = rows.map(\.count).max() ?? 1
                let widths = widths(rows, columns: columns)
                let pieces = cut ? fragments(rows, options: options) : [rows]
                for (n, piece) in pieces.enumerated() where !piece.isEmpty {
                    // between fragments: a page break, or the empty paragraph Word keeps between tables
                    if n > 0 { body += n % 2 == 1 ? "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" : "<w:p/>" }
                    body += table(piece, columns: columns, widths: widths)
                }
            }
        }
        body += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)</w:body></w:document>"
    }

    static func docx(_ text: String, options: Options = Options()) -> [UInt8] {
        var zip = StoredZip()
        zip.add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """)
        zip.add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """)
        zip.add("word/document.xml", documentXML(text, options: options))
        return zip.bytes()
    }

    /// The text as a PDF export wraps it: every line without a tab cut after `width` characters.
    static func hardWrapped(_ text: String, width: Int = 36) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("\t") || line.unicodeScalars.count <= width {
                out.append(String(line))
                continue
            }
            var scalars = Substring(line).unicodeScalars[...]
            while scalars.count > width {
                out.append(String(String.UnicodeScalarView(scalars.prefix(width))))
                scalars = scalars.dropFirst(width)
            }
            out.append(String(String.UnicodeScalarView(scalars)))
        }
        return out.joined(separator: "\n")
    }
}

/// A ZIP archive of stored (uncompressed) entries.
struct StoredZip {
    var entries: [(name: String, data: [UInt8])] = []

    mutating func add(_ name: String, _ text: String) { entries.append((name, Array(text.utf8))) }

    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    func bytes() -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { for s in stride(from: 0, to: 32, by: 8) { a.append(UInt8(v >> s & 0xFF)) } }
        for e in entries {
            let name = Array(e.name.utf8), crc = Int(StoredZip.crc32(e.data)), offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(e.data.count, &out); u32(e.data.count, &out); u16(name.count, &out); u16(0, &out)
            out += name + e.data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(e.data.count, &central); u32(e.data.count, &central)
            u16(name.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += name
        }
        let cdOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(cdOffset, &out); u16(0, &out)
        return out
    }
}
