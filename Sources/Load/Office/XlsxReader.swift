/// Reads an .xlsx package into a `Document`.
///
/// Each worksheet, in workbook order, gives one line with its name (`headingLevel` 1, place = the
/// sheet name), then one line per row that has a non-empty cell: the cells from column A to the
/// last non-empty one, joined by tabs, each shown as Excel displays it (shared strings, inline
/// strings, formula results, TRUE/FALSE, error codes, numbers through their number format, dates
/// as yyyy-mm-dd). Each sheet is also a `SourceTable` named after it. Hidden sheets are read and
/// noted; chart sheets are skipped and noted.
///
/// Merged ranges: the top-left cell carries the span; the cell at the range's first column in
/// each lower row is present with `continuesMerge`; the other covered cells are left out of the
/// table (their slots in the line text are empty).
enum XlsxReader {
    /// Excel's own grid limits; a cell reference beyond them is refused.
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    /// Cell slots (columns A … last non-empty, over all shown rows) one workbook may produce, and
    /// bytes of line text: a sparse row reaching column XFD, or a large shared string used by
    /// many cells, would otherwise turn a small file into gigabytes.
    static let maximumCells = Limits.cells
    static let maximumTextBytes = Limits.largestText

    /// The workbook's cell slots and text so far, counted row by row as sheets are read, so that a
    /// limit stops the reading where it is passed (not after a sheet of gigabytes was built).
    struct Budget {
        var cellSlots = 0, textBytes = 0
        var sheet = ""

        mutating func add(row cells: [(Int, String)]) throws(LoadError) {
            cellSlots += (cells.last?.0 ?? 0) + 1
            for (_, value) in cells { textBytes += value.utf8.count }
            if cellSlots > XlsxReader.maximumCells {
                throw LoadError("refused: the workbook's rows span more than \(XlsxReader.maximumCells) cells (sheet \(sheet))")
            }
            if textBytes + cellSlots > XlsxReader.maximumTextBytes {
                throw LoadError("refused: the workbook's text expands beyond \(XlsxReader.maximumTextBytes / 1_048_576) MiB (sheet \(sheet))")
            }
        }
    }

    enum Name: Int, CaseIterable {
        case sheet, workbookPr, si, t, r, rPh, numFmt, cellXfs, xf, sheetData, row, c, v, `is`, mergeCell, f
        static let table: [String] = Name.allCases.map { "\($0)" }
    }

    struct SheetEntry {
        var name: String
        var state: String
        var relationshipID: String
    }

    static func read(archive: inout ZipArchive, mainPart: String, path: String) throws(LoadError) -> Document {
        guard let workbookBytes = try archive.data(named: mainPart) else {
            throw LoadError("an .xlsx without its workbook part \(mainPart)")
        }
        var sheets: [SheetEntry] = []
        var date1904 = false
        try XMLScanner.withScanner(workbookBytes, part: mainPart, names: Name.table) { (s: inout XMLScanner) throws(LoadError) in
            while true {
                let token = try s.next()
                if token == .eof { break }
                guard token == .start else { continue }
                if s.nameID == Name.sheet.rawValue {
                    sheets.append(SheetEntry(name: s.attribute("name") ?? "Sheet\(sheets.count + 1)",
                                             state: s.attribute("state") ?? "visible",
                                             relationshipID: s.attribute("id") ?? ""))
                } else if s.nameID == Name.workbookPr.rawValue {
                    date1904 = ["1", "true"].contains(s.attribute("date1904") ?? "")
                }
            }
        }
        let relationships = try OfficePackage.relationships(of: mainPart, in: &archive)
        func partName(_ kind: String, _ fallback: String) -> String? {
            if let r = relationships.first(where: { $0.kind == kind && !$0.external }) {
                let name = OfficePackage.resolve(r.target, from: mainPart)
                if archive.contains(name) { return name }
            }
            return archive.contains(fallback) ? fallback : nil
        }
        var sharedStrings: [String] = []
        if let name = partName("sharedStrings", "xl/sharedStrings.xml"), let bytes = try archive.data(named: name) {
            sharedStrings = try readSharedStrings(bytes, part: name)
        }
        var formats = CellFormats()
        if let name = partName("styles", "xl/styles.xml"), let bytes = try archive.data(named: name) {
            formats = try CellFormats(bytes: bytes, part: name)
        }
        formats.date1904 = date1904

        var lines: [SourceLine] = []
        var tables: [SourceTable] = []
        var notes: [String] = []
        var budget = Budget()
        // a part is read once: sheets that name a part read before are noted and skipped (a
        // workbook of a thousand sheets sharing one part would multiply it)
        var sheetOfPart = [String: String]()
        for sheet in sheets {
            guard let rel = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                notes.append("sheet \(sheet.name): no part found; skipped")
                continue
            }
            if rel.kind != "worksheet" {
                notes.append("sheet \(sheet.name): a \(rel.kind), not a worksheet; skipped")
                continue
            }
            let partName = OfficePackage.resolve(rel.target, from: mainPart)
            if let first = sheetOfPart[partName.lowercased()] {
                notes.append("sheet \(sheet.name): the same part as sheet \(first) (\(partName)); skipped")
                continue
            }
            sheetOfPart[partName.lowercased()] = sheet.name
            guard let bytes = try archive.data(named: partName) else {
                notes.append("sheet \(sheet.name): part \(partName) missing; skipped")
                continue
            }
            if sheet.state != "visible" { notes.append("sheet \(sheet.name) is hidden (\(sheet.state)); read all the same") }
            lines.append(SourceLine(number: lines.count + 1, text: sheet.name, place: sheet.name, headingLevel: 1))
            budget.sheet = sheet.name
            let parsed = try readSheet(bytes, part: partName, sharedStrings: sharedStrings, formats: &formats, budget: &budget)
            let tableIndex = tables.count
            var table = SourceTable(name: sheet.name, rows: [])
            let merges = MergeMap(parsed.merges, rows: parsed.rows.map { $0.number })
            // The title and unit rows above the header ("2023年部门预算表", "单位：万元") are the lines
            // a text export puts before its table: paragraphs, read for the title, year and unit.
            let titleRows = leadingTitleRows(parsed.rows)
            for row in parsed.rows.prefix(titleRows) {
                let text = row.cells.map { $0.1.trimmingSpaces }.filter { !$0.isEmpty }.joined(separator: " ")
                lines.append(SourceLine(number: lines.count + 1, text: text, place: "\(sheet.name) 第\(row.number)行"))
            }
            for (rowIndex, row) in parsed.rows.enumerated().dropFirst(titleRows) {
                let lineIndex = lines.count
                let (text, cells) = layout(row, rowIndex: rowIndex, sheet: sheet.name, merges: merges)
                lines.append(SourceLine(number: lineIndex + 1, text: text, place: "\(sheet.name) 第\(row.number)行",
                                        tableRow: TableRowReference(table: tableIndex, row: table.rows.count)))
                table.rows.append(SourceTableRow(lineIndex: lineIndex, cells: cells))
            }
            tables.append(table)
            if parsed.missingSharedStrings > 0 {
                notes.append("sheet \(sheet.name): \(parsed.missingSharedStrings) cell(s) refer to missing shared strings; shown empty")
            }
        }
        if sheets.isEmpty { notes.append("the workbook lists no sheets") }
        return Document(path: path, format: .xlsx, encoding: "zip/xml", lines: lines, tables: tables, notes: notes)
    }

    /// How many of the sheet's first rows are title rows: one text (or none) besides cells that
    /// state a unit or the unit that made the table (单位：万元, 编制单位：…), above a row with two
    /// values or a number. At most four; none when no such row follows.
    static func leadingTitleRows(_ rows: [Row]) -> Int {
        func isUnitCell(_ text: String) -> Bool { text.contains("单位") && text.count <= 30 }
        func isNumber(_ text: String) -> Bool {
            let t = text.trimmingSpaces
            return !t.isEmpty && t.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ".,-+%".unicodeScalars.contains($0) }
        }
        for (k, row) in rows.prefix(5).enumerated() {
            let texts = row.cells.map { $0.1.trimmingSpaces }.filter { !$0.isEmpty }
            let others = texts.filter { !isUnitCell($0) }
            if others.count >= 2 || others.contains(where: isNumber) { return k }
        }
        return 0
    }

    // MARK: - Shared strings

    /// `si` items: plain `t`, or rich-text runs `r/t`; phonetic runs (`rPh`) are skipped.
    static func readSharedStrings(_ bytes: [UInt8], part: String) throws(LoadError) -> [String] {
        try XMLScanner.withScanner(bytes, part: part, names: Name.table) { (s: inout XMLScanner) throws(LoadError) -> [String] in
            var result: [String] = []
            var current = ""
            var inItem = false, inText = false
            while true {
                switch try s.next() {
                case .eof:
                    return result
                case .start:
                    if s.nameID == Name.si.rawValue {
                        inItem = true
                        current = ""
                    } else if s.nameID == Name.rPh.rawValue {
                        try s.skipElement()
                    } else if s.nameID == Name.t.rawValue && inItem {
                        inText = true
                    }
                case .end:
                    if s.nameID == Name.si.rawValue {
                        result.append(current)
                        inItem = false
                    } else if s.nameID == Name.t.rawValue {
                        inText = false
                    }
                case .text:
                    if inText { current += try s.text() }
                }
            }
        }
    }

    // MARK: - Sheets

    struct Row {
        var number: Int
        /// (0-based column, displayed text), ascending columns, non-empty texts.
        var cells: [(Int, String)]
    }

    struct ParsedSheet {
        var rows: [Row] = []
        var merges: [(Int, Int, Int, Int)] = []
        var missingSharedStrings = 0
    }

    /// Streams one worksheet: only rows with a non-empty cell are kept, so a sheet of a million
    /// empty `<row>` elements costs one pass over its bytes and no memory.
    static func readSheet(_ bytes: [UInt8], part: String, sharedStrings: [String],
                          formats: inout CellFormats) throws(LoadError) -> ParsedSheet {
        var budget = Budget()
        return try readSheet(bytes, part: part, sharedStrings: sharedStrings, formats: &formats, budget: &budget)
    }

    /// `budget`: the workbook's cells and text so far; each row is added as it ends.
    static func readSheet(_ bytes: [UInt8], part: String, sharedStrings: [String],
                          formats: inout CellFormats, budget: inout Budget) throws(LoadError) -> ParsedSheet {
        try XMLScanner.withScanner(bytes, part: part, names: Name.table) { (s: inout XMLScanner) throws(LoadError) -> ParsedSheet in
            var sheet = ParsedSheet()
            // Name IDs as plain Ints: `switch` over `Name.x.rawValue` patterns costs a generic call
            // per case in a debug build, and this loop runs once per XML token.
            let sheetDataID = Name.sheetData.rawValue, rowID = Name.row.rawValue, cID = Name.c.rawValue
            let vID = Name.v.rawValue, isID = Name.is.rawValue, tID = Name.t.rawValue, rPhID = Name.rPh.rawValue
            let fID = Name.f.rawValue, mergeCellID = Name.mergeCell.rawValue
            var inSheetData = false
            var rowNumber = 0
            var rowCells: [(Int, String)] = []
            var rowHasCells = false
            // cells met out of column order: sorted once at the row's end (sorting per cell was
            // quadratic in a row written backwards)
            var rowUnordered = false
            var column = -1
            // The cell being read.
            var cellType = "n", cellStyle = 0
            var value = "", inlineText = ""
            var inValue = false, inInline = false, inInlineText = false
            while true {
                let token = try s.next()
                if token == .start {
                    let id = s.nameID
                    if id == rowID && inSheetData {
                        if let r = s.intAttribute("r") {
                            guard r >= 1 && r <= maximumRows else { throw LoadError("\(part): row number \(r) out of range") }
                            rowNumber = r
                        } else {
                            rowNumber += 1
                        }
                        if rowHasCells {
                            rowCells.removeAll(keepingCapacity: true)
                            rowHasCells = false
                        }
                        rowUnordered = false
                        column = -1
                    } else if id == cID && inSheetData {
                        if let ref = s.attribute("r") {
                            guard let (col, row) = cellReference(ref) else { throw LoadError("\(part): bad cell reference \"\(ref)\"") }
                            column = col
                            if row != rowNumber && row > 0 { rowNumber = row }
                        } else {
                            column += 1
                        }
                        guard column < maximumColumns else { throw LoadError("\(part): cell column out of range") }
                        cellType = s.attribute("t") ?? "n"
                        cellStyle = s.intAttribute("s") ?? 0
                        value = ""
                        inlineText = ""
                    } else if id == vID {
                        inValue = true
                    } else if id == isID {
                        inInline = true
                    } else if id == tID && inInline {
                        inInlineText = true
                    } else if id == rPhID && inInline {
                        try s.skipElement()
                    } else if id == fID {
                        try s.skipElement()
                    } else if id == sheetDataID {
                        inSheetData = true
                    } else if id == mergeCellID {
                        if let ref = s.attribute("ref") {
                            let parts = ref.split(separator: ":")
                            if parts.count == 2, let (c1, r1) = cellReference(String(parts[0])),
                               let (c2, r2) = cellReference(String(parts[1])) {
                                sheet.merges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
                            }
                        }
                    }
                } else if token == .end {
                    let id = s.nameID
                    if id == rowID && inSheetData {
                        if rowHasCells {
                            if rowUnordered {
                                // the last value written to a column wins, as Excel reads it
                                var latest = [Int: Int]()
                                for (k, cell) in rowCells.enumerated() { latest[cell.0] = k }
                                rowCells = latest.sorted { $0.key < $1.key }.map { rowCells[$0.value] }
                                rowUnordered = false
                            }
                            try budget.add(row: rowCells)
                            if let last = sheet.rows.last, last.number == rowNumber {
                                sheet.rows[sheet.rows.count - 1].cells.append(contentsOf: rowCells)
                            } else {
                                sheet.rows.append(Row(number: rowNumber, cells: rowCells))
                            }
                        }
                    } else if id == cID && inSheetData {
                        var text = ""
                        switch cellType {
                        case "s":
                            if let i = Int(value.trimmingSpaces), i >= 0, i < sharedStrings.count {
                                text = sharedStrings[i]
                            } else if !value.isEmpty {
                                sheet.missingSharedStrings += 1
                            }
                        case "inlineStr":
                            text = inlineText
                        case "str", "e", "d":
                            text = value
                        case "b":
                            text = value.trimmingSpaces == "1" ? "TRUE" : (value.isEmpty ? "" : "FALSE")
                        default:
                            if !value.isEmpty { text = formats.display(value, style: cellStyle) }
                        }
                        if !text.isEmpty {
                            if let last = rowCells.last, last.0 >= column { rowUnordered = true }
                            rowCells.append((column, text))
                            rowHasCells = true
                        }
                    } else if id == vID {
                        inValue = false
                    } else if id == isID {
                        inInline = false
                    } else if id == tID {
                        inInlineText = false
                    } else if id == sheetDataID {
                        inSheetData = false
                    }
                } else if token == .text {
                    if inValue { value += try s.text() } else if inInlineText { inlineText += try s.text() }
                } else {
                    return sheet
                }
            }
        }
    }

    /// "AB12" → (27, 12): 0-based column, 1-based row. nil when malformed or out of Excel's grid.
    static func cellReference(_ ref: String) -> (Int, Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in ref.utf8 {
            if b == 0x24 { continue } // "$A$1"
            if digits == 0, let letter = b >= 0x61 && b <= 0x7A ? b - 0x20 : (b >= 0x41 && b <= 0x5A ? b : nil) {
                column = column * 26 + Int(letter - 0x40)
                letters += 1
                if letters > 3 { return nil }
            } else if b >= 0x30 && b <= 0x39 {
                row = row * 10 + Int(b - 0x30)
                digits += 1
                if digits > 7 { return nil }
            } else {
                return nil
            }
        }
        guard letters > 0, column <= maximumColumns, row <= maximumRows else { return nil }
        return (column - 1, digits > 0 ? row : 0)
    }

    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(0x41 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Merged ranges by row: which cells carry a span, continue a merge, or are covered.
    struct MergeMap {
        enum Role { case topLeft(span: Int), continuation(span: Int), covered }
        /// row number → column → role.
        var roles: [Int: [Int: Role]] = [:]

        init(_ merges: [(Int, Int, Int, Int)], rows: [Int]) {
            guard !merges.isEmpty else { return }
            var budget = 5_000_000
            for (r1, c1, r2, c2) in merges {
                let span = c2 - c1 + 1
                // Only rows that are shown matter; rows are ascending.
                var lo = 0, hi = rows.count
                while lo < hi { let mid = (lo + hi) / 2; if rows[mid] < r1 { lo = mid + 1 } else { hi = mid } }
                var i = lo
                while i < rows.count && rows[i] <= r2 && budget > 0 {
                    let r = rows[i]
                    var row = roles[r] ?? [:]
                    row[c1] = r == r1 ? .topLeft(span: span) : .continuation(span: span)
                    if span > 1 {
                        for c in (c1 + 1)...c2 { row[c] = .covered; budget -= 1 }
                    }
                    roles[r] = row
                    budget -= 1
                    i += 1
                }
            }
        }
    }

    /// The row's line text and table cells.
    static func layout(_ row: Row, rowIndex: Int, sheet: String, merges: MergeMap) -> (String, [SourceTableCell]) {
        guard let lastColumn = row.cells.last?.0 else { return ("", []) }
        let roles = merges.roles[row.number]
        var text = ""
        var cells: [SourceTableCell] = []
        cells.reserveCapacity(lastColumn + 1)
        var offset = 0
        var next = 0
        for column in 0...lastColumn {
            var value = ""
            if next < row.cells.count && row.cells[next].0 == column {
                value = row.cells[next].1
                next += 1
            }
            if column > 0 { text += "\t"; offset += 1 }
            var span = 1, continues = false, covered = false
            if let role = roles?[column] {
                switch role {
                case .topLeft(let s): span = s
                case .continuation(let s): span = s; continues = true
                case .covered: covered = true
                }
            }
            if covered { value = "" }
            if value.contains("\t") || value.contains("\n") || value.contains("\r") {
                value = String(value.map { $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
            }
            let length = value.unicodeScalars.count
            text += value
            if !covered {
                cells.append(SourceTableCell(start: offset, length: length, gridColumn: column, columnSpan: span,
                                             continuesMerge: continues, place: "\(sheet)!\(columnName(column))\(row.number)"))
            }
            offset += length
        }
        return (text, cells)
    }
}

/// Number formats by cell style index, from xl/styles.xml (`numFmts` and `cellXfs`).
struct CellFormats {
    var customCodes: [Int: String] = [:]
    /// cellXfs index → numFmtId.
    var styleFormat: [Int] = []
    var date1904 = false
    private var cache: [Int: NumberFormat] = [:]

    init() {}

    init(bytes: [UInt8], part: String) throws(LoadError) {
        var codes: [Int: String] = [:]
        var styleFormat: [Int] = []
        try XMLScanner.withScanner(bytes, part: part, names: XlsxReader.Name.table) { (s: inout XMLScanner) throws(LoadError) in
            var inCellXfs = false
            while true {
                let token = try s.next()
                if token == .eof { break }
                if token == .start {
                    if s.nameID == XlsxReader.Name.numFmt.rawValue, let id = s.intAttribute("numFmtId"), let code = s.attribute("formatCode") {
                        // Excel's own limit: a longer code is no Excel file's (and its display would
                        // multiply through every cell)
                        let length = code.unicodeScalars.count
                        if length > Limits.numberFormatLength {
                            throw LoadError("refused: number format \(id) is \(length) characters long (the longest Excel writes is \(Limits.numberFormatLength))")
                        }
                        codes[id] = code
                    } else if s.nameID == XlsxReader.Name.cellXfs.rawValue {
                        inCellXfs = true
                    } else if s.nameID == XlsxReader.Name.xf.rawValue && inCellXfs {
                        styleFormat.append(s.intAttribute("numFmtId") ?? 0)
                        try s.skipElement()
                    }
                } else if token == .end && s.nameID == XlsxReader.Name.cellXfs.rawValue {
                    inCellXfs = false
                }
            }
        }
        customCodes = codes
        self.styleFormat = styleFormat
    }

    /// A numeric cell's stored text as displayed with the number format of style `style`.
    mutating func display(_ stored: String, style: Int) -> String {
        guard let value = DecimalText(stored) else { return stored.trimmingSpaces.isEmpty ? "" : stored }
        let formatID = style >= 0 && style < styleFormat.count ? styleFormat[style] : 0
        let format: NumberFormat
        if let cached = cache[formatID] {
            format = cached
        } else {
            let code = customCodes[formatID] ?? NumberFormat.builtIn(formatID) ?? "General"
            format = NumberFormat(code: code)
            cache[formatID] = format
        }
        return format.display(value, date1904: date1904)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
