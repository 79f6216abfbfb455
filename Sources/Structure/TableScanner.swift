import JXCore
import JXLoad
import JXNormalize

/// A table row as found in the input, before the grid is rebuilt.
struct RawRow {
    var cells: [RawCell]
    var firstLine: Int
    var lastLine: Int
}

struct RawCell {
    var text: TextRun
    /// Explicit grid column (structured formats); nil for text tables, where the index counts.
    var column: Int?
    var span: Int = 1
    var continuesMerge = false
    var place: String?
}

extension TextRun {
    /// The normalized scalars of a line (optionally a range of them) with their source positions.
    init(line: NormalizedLine, range: Range<Int>? = nil) {
        let r = range ?? 0..<line.scalars.count
        precondition(r.lowerBound >= 0 && r.upperBound <= line.columns.count)
        // written straight into the storage (an append per position checked capacity each time)
        let number = line.number
        let positions = FilledArray.make(capacity: r.count) { (out: UnsafeMutableBufferPointer<SourcePosition>) -> Int in
            line.columns.withUnsafeBufferPointer { columns in
                for k in 0..<r.count {
                    (out.baseAddress! + k).initialize(to: SourcePosition(line: number, column: Int(columns[r.lowerBound + k])))
                }
            }
            return r.count
        }
        self.init(scalars: Array(line.scalars[r]), positions: positions)
    }

    /// `TextRun(line:range:).trimmed()`, trimmed on the line's scalars before anything is copied.
    init(trimmedLine line: NormalizedLine, range: Range<Int>? = nil) {
        let r = range ?? 0..<line.scalars.count
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && TextRun.isSpace(line.scalars[lo]) { lo += 1 }
        while hi > lo && TextRun.isSpace(line.scalars[hi - 1]) { hi -= 1 }
        self.init(line: line, range: lo..<hi)
    }
}

/// Finds tables in text input: tab-separated rows (one row per line, .txt exports of PDFs),
/// one-cell-per-line blocks (.txt exports of Word tables: each cell starts with a tab, rows are
/// separated by blank lines, a cell's later paragraphs continue on lines without a tab), and
/// Markdown pipe tables.
enum TableScanner {
    static func leadsWithTab(_ line: NormalizedLine) -> Bool {
        for s in line.scalars {
            if s == "\t" { return true }
            if !CharClass.isInlineSpace(s) { return false }
        }
        return false
    }

    /// Nothing but spaces: a row separator. (A line holding only a tab is an empty cell.)
    static func isVoid(_ line: NormalizedLine) -> Bool { line.scalars.allSatisfy(CharClass.isInlineSpace) }

    static func tabCount(_ line: NormalizedLine) -> Int { line.scalars.reduce(0) { $0 + ($1 == "\t" ? 1 : 0) } }

    /// Splits a line on tabs into trimmed cells.
    static func tabCells(_ line: NormalizedLine) -> [TextRun] {
        var cells = [TextRun]()
        var start = 0
        for (k, s) in line.scalars.enumerated() where s == "\t" {
            cells.append(TextRun(trimmedLine: line, range: start..<k))
            start = k + 1
        }
        cells.append(TextRun(trimmedLine: line, range: start..<line.scalars.count))
        return cells
    }

    static func nonEmptyCount(_ cells: [TextRun]) -> Int { cells.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    /// `nonEmptyCount(tabCells(line))` without making the cells: the tab-separated parts holding
    /// anything but white space.
    static func filledTabCellCount(_ line: NormalizedLine) -> Int {
        var count = 0
        var filled = false
        for s in line.scalars {
            if s == "\t" {
                if filled { count += 1 }
                filled = false
            } else if !TextRun.isSpace(s) {
                filled = true
            }
        }
        return filled ? count + 1 : count
    }

    // MARK: one cell per line

    /// Rows of a one-cell-per-line block starting at `start`, and the index after the block.
    /// `scannedTo`: the index the scan reached; when it finds no table, no line before that index
    /// starts one either (a later start sees a part of the same block, with fewer rows).
    static func scanCellPerLine(_ lines: [NormalizedLine], from start: Int, scannedTo: inout Int) -> (rows: [RawRow], end: Int)? {
        scannedTo = start + 1
        guard leadsWithTab(lines[start]) else { return nil }
        var groups = [[Int]]()
        var current = [Int]()
        var blankRun = 0
        var j = start
        while j < lines.count {
            let line = lines[j]
            if line.artifact != nil { j += 1; continue }
            if isVoid(line) {
                if !current.isEmpty { groups.append(current); current = [] }
                blankRun += 1
                if blankRun > 2 { break }
                j += 1
                continue
            }
            if leadsWithTab(line) {
                blankRun = 0
                current.append(j)
            } else if !current.isEmpty {
                current.append(j)  // a later paragraph of the cell
            } else {
                break  // text after a blank line: the table has ended
            }
            j += 1
        }
        if !current.isEmpty { groups.append(current) }
        scannedTo = max(start + 1, j)
        // the block ends after its last non-blank line
        var end = start
        for g in groups { end = max(end, g.last! + 1) }
        var rows = [RawRow]()
        for g in groups {
            var joined = TextRun()
            for (n, k) in g.enumerated() {
                if n > 0 {
                    let prev = lines[g[n - 1]]
                    let p = SourcePosition(line: prev.number, column: Int(prev.columns.last ?? 0) + 1)
                    joined.append("\n", at: p)
                }
                joined.append(TextRun(line: lines[k]))
            }
            // each cell sliced trimmed (one copy, not a slice and then its trimmed copy)
            var cells = [TextRun]()
            var segStart = 0
            for (k, s) in joined.scalars.enumerated() where s == "\t" {
                cells.append(joined.slice(joined.trimmedRange(segStart..<k)))
                segStart = k + 1
            }
            cells.append(joined.slice(joined.trimmedRange(segStart..<joined.count)))
            // text before the first tab is only the export's indentation
            if let first = cells.first, first.isEmpty { cells.removeFirst() }
            rows.append(RawRow(cells: cells.map { RawCell(text: $0) },
                               firstLine: lines[g.first!].number, lastLine: lines[g.last!].number))
        }
        let multiCell = rows.filter { $0.cells.count >= 2 }.count
        guard multiCell >= 2 else { return nil }
        return (rows, end)
    }

    // MARK: one cell per line, each ending with "|"

    /// "项 目 |": a line that is one cell of a web table exported cell by cell, its "|" the only one.
    static func isPipeCell(_ line: NormalizedLine) -> Bool {
        guard line.artifact == nil, let last = line.scalars.lastIndex(where: { !CharClass.isInlineSpace($0) }),
              line.scalars[last] == "|" else { return false }
        return !line.scalars[..<last].contains("|")
    }

    /// "|" alone: the end of a row in such an export.
    static func isRowEndBar(_ line: NormalizedLine) -> Bool {
        // exactly one scalar besides spaces, and it is "|" (counted in place, for every line)
        guard line.artifact == nil else { return false }
        var bars = 0
        for s in line.scalars where !CharClass.isInlineSpace(s) {
            guard s == "|", bars == 0 else { return false }
            bars += 1
        }
        return bars == 1
    }

    /// Rows of a block of "cell |" lines, rows ended by "|" lines ("项 目 |⏎预 算 数 |⏎|⏎合 计 |⏎246 |⏎|").
    /// A table when at least two rows have two cells or more and most rows have the same count.
    static func scanPipePerLine(_ lines: [NormalizedLine], from start: Int, scannedTo: inout Int) -> (rows: [RawRow], end: Int)? {
        scannedTo = start + 1
        var rows = [RawRow]()
        var current = [TextRun]()
        var first = -1, last = -1
        var j = start
        func endRow() {
            if !current.isEmpty { rows.append(RawRow(cells: current.map { RawCell(text: $0) }, firstLine: first, lastLine: last)) }
            current = []
        }
        while j < lines.count {
            let line = lines[j]
            if isRowEndBar(line) {
                endRow()
            } else if isPipeCell(line) {
                let bar = line.scalars.lastIndex(of: "|")!
                if current.isEmpty { first = line.number }
                last = line.number
                current.append(TextRun(trimmedLine: line, range: 0..<bar))
            } else if !isVoid(line) || line.artifact != nil {
                break
            }
            j += 1
        }
        endRow()
        scannedTo = max(start + 1, j)
        let counts = rows.map(\.cells.count).filter { $0 >= 2 }
        guard counts.count >= 2, let common = Dictionary(grouping: counts, by: { $0 }).max(by: { $0.value.count < $1.value.count }),
              common.value.count * 2 >= rows.count else { return nil }
        return (rows, j)
    }

    // MARK: label and value on lines of their own

    /// Longest a label line of a two-column table exported one cell to a line is, in scalars.
    static let labelLineLimit = 30

    /// A short line of text that may name a row: no number, no sentence end, no tab or bar. (Asked
    /// of every line: read in place, no run made.)
    static func isLabelLine(_ line: NormalizedLine) -> Bool {
        guard line.artifact == nil, line.scalars.count <= labelLineLimit * 2 else { return false }
        return line.scalars.withUnsafeBufferPointer { all in
            guard let text = trimmed(all), text.count <= labelLineLimit,
                  !text.contains(where: { $0 == "。" || $0 == "\t" || $0 == "|" || $0 == "；" }) else { return false }
            return !CellText.isNumeric(text)
        }
    }

    static func isValueLine(_ line: NormalizedLine) -> Bool {
        guard line.artifact == nil, line.scalars.count <= labelLineLimit else { return false }
        return line.scalars.withUnsafeBufferPointer { all in trimmed(all).map(CellText.isNumeric) ?? false }
    }

    /// The scalars without the white space around them; nil when nothing else is there.
    static func trimmed(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> UnsafeBufferPointer<Unicode.Scalar>? {
        guard let lo = s.firstIndex(where: { !CharClass.isWhitespace($0) }),
              let hi = s.lastIndex(where: { !CharClass.isWhitespace($0) }) else { return nil }
        return UnsafeBufferPointer(rebasing: s[lo...hi])
    }

    /// The next line with text at or after `j`, past at most `blanks` blank lines (artifacts skipped).
    static func nextTextLine(_ lines: [NormalizedLine], from j: Int, blanks limit: Int) -> Int? {
        var k = j, blanks = 0
        while k < lines.count {
            if lines[k].artifact == nil && isVoid(lines[k]) {
                blanks += 1
                if blanks > limit { return nil }
            } else if lines[k].artifact == nil {
                return k
            }
            k += 1
        }
        return nil
    }

    /// A two-column table exported one cell to a line ("项  目 / 预 算 数 / 合  计 / 444.16 / 因公出国
    /// (境)费 / 1.7 / …", blank lines between the cells or not): a label line, then its value line,
    /// at least three times over, after a header of two names or none.
    static func scanLabelValueLines(_ lines: [NormalizedLine], from start: Int, scannedTo: inout Int) -> (rows: [RawRow], end: Int)? {
        scannedTo = start + 1
        // the next line with text at or after `j` (past at most two blank lines)
        func next(_ j: Int) -> Int? { nextTextLine(lines, from: j, blanks: 2) }
        func row(_ a: Int, _ b: Int) -> RawRow {
            RawRow(cells: [RawCell(text: TextRun(trimmedLine: lines[a])), RawCell(text: TextRun(trimmedLine: lines[b]))],
                   firstLine: lines[a].number, lastLine: lines[b].number)
        }
        guard isLabelLine(lines[start]), let second = next(start + 1) else { return nil }
        var rows = [RawRow]()
        var j = start
        if isLabelLine(lines[second]) {
            // a header of two names, then the first pair
            guard let label = next(second + 1), isLabelLine(lines[label]), let value = next(label + 1), isValueLine(lines[value]) else { return nil }
            rows.append(row(start, second))
            j = label
        } else if !isValueLine(lines[second]) {
            return nil
        }
        var pairs = 0, end = j
        while let label = next(j), isLabelLine(lines[label]), let value = next(label + 1), isValueLine(lines[value]) {
            rows.append(row(label, value))
            pairs += 1
            end = value + 1
            j = value + 1
        }
        scannedTo = max(start + 1, end)
        guard pairs >= 3 else { return nil }
        return (rows, end)
    }

    /// A table of three columns or more exported one cell to a line, as a PDF's text is ("资金来源 / 年初预算 /
    /// 到位资金 / 到位率（%） / 车购税资金 / 2,660.00 / 2,660.00 / 100.00 / 省级补助资金 / …"): a header of k
    /// names, each a line, then rows of a label line and k − 1 value lines ("—" for none), twice at least.
    static func scanColumnLines(_ lines: [NormalizedLine], from start: Int, scannedTo: inout Int) -> (rows: [RawRow], end: Int)? {
        scannedTo = start + 1
        // the next line with text at or after `j` (past at most one blank line)
        func next(_ j: Int) -> Int? { nextTextLine(lines, from: j, blanks: 1) }
        // ("—", "-", "——", "/", "－" and white space only; read in place, no copy of the line)
        func isEmptyCell(_ line: NormalizedLine) -> Bool {
            var marks = 0, dashes = 0
            for c in line.scalars where !CharClass.isWhitespace(c) {
                switch c {
                case "—": dashes += 1
                case "-", "/", "－": marks += 1
                default: return false
                }
                if marks + dashes > 2 { return false }
            }
            return (marks == 1 && dashes == 0) || (marks == 0 && (dashes == 1 || dashes == 2))
        }
        func isValue(_ k: Int) -> Bool { isValueLine(lines[k]) || isEmptyCell(lines[k]) }
        func isLabel(_ k: Int) -> Bool { isLabelLine(lines[k]) && !isEmptyCell(lines[k]) }
        func cells(_ ks: [Int]) -> RawRow {
            RawRow(cells: ks.map { RawCell(text: TextRun(trimmedLine: lines[$0])) }, firstLine: lines[ks.first!].number, lastLine: lines[ks.last!].number)
        }
        // the header: the label lines before the first value line, the last of them the first row's label
        var header = [Int]()
        var k: Int? = start
        while let j = k, isLabel(j), header.count <= 13 {
            header.append(j)
            k = next(j + 1)
        }
        guard let firstValue = k, isValue(firstValue), header.count >= 4, header.count <= 13 else {
            // a start later in the same run of label lines reads a part of this header, ended by the same
            // line: it fails too (a run too long to be a header may hold one further on)
            if header.count <= 13, let last = header.last { scannedTo = max(scannedTo, last + 1) }
            return nil
        }
        let width = header.count - 1
        var rows = [cells(Array(header.prefix(width)))]
        var label: Int? = header.last
        var end = start + 1
        while let l = label, isLabel(l) {
            var row = [l]
            var j = next(l + 1)
            while row.count < width, let v = j, isValue(v) {
                row.append(v)
                j = next(v + 1)
            }
            guard row.count == width else { break }
            rows.append(cells(row))
            end = row.last! + 1
            label = j
        }
        guard rows.count >= 3 else { return nil }
        scannedTo = max(start + 1, end)
        return (rows, end)
    }

    // MARK: tab-separated rows

    static func isTabRow(_ line: NormalizedLine) -> Bool {
        line.artifact == nil && !line.isBlank && tabCount(line) >= 1 && filledTabCellCount(line) >= 1
            && !(leadsWithTab(line) && tabCount(line) == 1)
    }

    /// Rows of a tab-separated table starting at `start`. `scannedTo`: as for `scanCellPerLine`,
    /// the rows from a later start are a part of these.
    static func scanTabSeparated(_ lines: [NormalizedLine], from start: Int, scannedTo: inout Int, words: StructureWords? = nil) -> (rows: [RawRow], end: Int)? {
        scannedTo = start + 1
        guard isTabRow(lines[start]), filledTabCellCount(lines[start]) >= 2 || tabCount(lines[start]) >= 2 else { return nil }
        var rows = [RawRow]()
        var j = start
        var end = start
        while j < lines.count {
            let line = lines[j]
            if line.artifact != nil { j += 1; continue }
            if isTabRow(line) {
                rows.append(RawRow(cells: tabCells(line).map { RawCell(text: $0) }, firstLine: line.number, lastLine: line.number))
                j += 1
                end = j
                continue
            }
            // (a page number line, already passed, then "续表" straight away: "- 3 -" ⏎ "续表" ⏎ header ⏎ rows)
            if line.isBlank || (words.map { isContinuationMark(line, words: $0) } ?? false) {
                // a page break inside the table: continue when tab rows follow
                // (after a "续表" line too, the header repeated under it dropped: "— 2 —" ⏎ "（续表）" ⏎ header ⏎ rows)
                var k = j, marked = false
                while k < lines.count && k - j < 6 {
                    if lines[k].isBlank || lines[k].artifact != nil { k += 1; continue }
                    if let words, isContinuationMark(lines[k], words: words) { marked = true; k += 1; continue }
                    // (and the unit line repeated under it: "表2（续）" ⏎ "单位：公里、万元" ⏎ header ⏎ rows)
                    if let words, marked, case let text = CellText.compact(lines[k].text), text.count <= 24,
                       words.unitCaptions.isPrefix(of: text) { k += 1; continue }
                    break
                }
                if k < lines.count && isTabRow(lines[k]) && tabCount(lines[k]) >= 2 {
                    if marked, k + 1 < lines.count, CellText.compact(lines[k].text) == CellText.compact(lines[start].text) { k += 1 }
                    j = k
                    continue
                }
            }
            break
        }
        scannedTo = max(start + 1, end)
        guard rows.count >= 2, rows.filter({ row in row.cells.reduce(0) { $0 + ($1.text.isEmpty ? 0 : 1) } >= 2 }).count >= 2 else { return nil }
        return (rows, end)
    }

    // MARK: Markdown

    static func isPipeLine(_ line: NormalizedLine) -> Bool {
        var i = 0
        while i < line.scalars.count && CharClass.isInlineSpace(line.scalars[i]) { i += 1 }
        return i < line.scalars.count && line.scalars[i] == "|"
    }

    static func isPipeSeparator(_ line: NormalizedLine) -> Bool {
        guard isPipeLine(line) else { return false }
        var dashes = 0
        for s in line.scalars {
            switch s {
            case "-": dashes += 1
            case "|", ":", " ", "\t": continue
            default: return false
            }
        }
        return dashes >= 3
    }

    static func pipeCells(_ line: NormalizedLine) -> [TextRun] {
        var cells = [TextRun]()
        var start: Int?
        var k = 0
        let s = line.scalars
        while k < s.count {
            if s[k] == "\\" && k + 1 < s.count { k += 2; continue }
            if s[k] == "|" {
                if let st = start { cells.append(TextRun(trimmedLine: line, range: st..<k)) }
                start = k + 1
            }
            k += 1
        }
        if let st = start, st < s.count {
            let rest = TextRun(trimmedLine: line, range: st..<s.count)
            if !rest.isEmpty { cells.append(rest) }
        }
        return cells
    }

    static func scanMarkdown(_ lines: [NormalizedLine], from start: Int) -> (rows: [RawRow], end: Int)? {
        guard start + 1 < lines.count, isPipeLine(lines[start]), isPipeSeparator(lines[start + 1]) else { return nil }
        var rows = [RawRow(cells: pipeCells(lines[start]).map { RawCell(text: $0) }, firstLine: lines[start].number, lastLine: lines[start].number)]
        var j = start + 2
        while j < lines.count && isPipeLine(lines[j]) {
            if !isPipeSeparator(lines[j]) {
                rows.append(RawRow(cells: pipeCells(lines[j]).map { RawCell(text: $0) }, firstLine: lines[j].number, lastLine: lines[j].number))
            }
            j += 1
        }
        return (rows, j)
    }

    /// "| a | b | c |" or "a | b | c" rows with no "|---|" line, as web pages and some exports
    /// write them: a run of at least two lines that each split into the same number (≥ 3) of cells.
    static func scanPipeRows(_ lines: [NormalizedLine], from start: Int) -> (rows: [RawRow], end: Int)? {
        // (most lines hold no bars: told before the run is looked at)
        guard start + 1 < lines.count, let opening = barCells(lines[start]), opening.count >= 3 else { return nil }
        let run = barredRun(lines, from: start)
        guard let first = run.first, first.count >= 3 else { return nil }
        var rows = [RawRow(cells: first.map { RawCell(text: $0) }, firstLine: lines[start].number, lastLine: lines[start].number)]
        var k = 1
        // without a separator line nothing else says where the columns are: every row must agree
        // (but for a last cell left empty before a closing bar, "合计 | 100 | 94.10 |": the bar says it is there)
        while k < run.count {
            var cells = run[k]
            let line = lines[start + k]
            if cells.count + 1 == first.count, line.scalars.last(where: { !CharClass.isWhitespace($0) }) == "|" {
                cells.append(TextRun(trimmedLine: line, range: line.scalars.count..<line.scalars.count))
            }
            guard cells.count == first.count else { break }
            rows.append(RawRow(cells: cells.map { RawCell(text: $0) }, firstLine: line.number, lastLine: line.number))
            k += 1
        }
        if rows.count >= 2 { return (rows, start + k) }
        return scanRaggedPipeRows(lines, from: start, run: run)
    }

    /// The cells of the run of barred lines from `start` (`barCells`). Where some lines open with a
    /// bar and some do not ("科目编码 | 科目名称 | 合计 |" over "| 合计 | 300.00 |"), a line's leading bar
    /// follows an empty first cell when that gives it as many cells as the nearest line before it
    /// (or after it) that opens with no bar; otherwise it is the edge of the table.
    static func barredRun(_ lines: [NormalizedLine], from start: Int) -> [[TextRun]] {
        var cells = [[TextRun]](), opensWithBar = [Bool]()
        var j = start
        while j < lines.count, let row = barCells(lines[j]) {
            cells.append(row)
            opensWithBar.append(lines[j].scalars.first(where: { !CharClass.isWhitespace($0) }) == "|")
            j += 1
        }
        guard opensWithBar.contains(true), opensWithBar.contains(false) else { return cells }
        var reference: Int?
        var after = [Int?](repeating: nil, count: cells.count)
        var next: Int?
        for k in cells.indices.reversed() {
            if !opensWithBar[k] { next = cells[k].count }
            after[k] = next
        }
        for k in cells.indices {
            if !opensWithBar[k] { reference = cells[k].count; continue }
            guard let wanted = reference ?? after[k], cells[k].count + 1 == wanted,
                  let row = barCells(lines[start + k], leadingIsCell: true), row.count == wanted else { continue }
            cells[k] = row
        }
        return cells
    }

    /// A web page's table exported with bars but without a separator line, its rows cut short where
    /// cells were merged ("全年预算数(A) | 全年执行数(B) | 预算执行率 | ||||" over "年度资金总额: | 808.1 |
    /// 692.98 | 86% | ||||"): trailing empty cells dropped, a title row one cell short of the data row
    /// under it lacks its label column (it is shifted right; the row is compared with the one under
    /// it, not with the widest row of the table, which may be another block's), shorter rows are padded.
    static func scanRaggedPipeRows(_ lines: [NormalizedLine], from start: Int, run: [[TextRun]]) -> (rows: [RawRow], end: Int)? {
        var cells = [[TextRun]]()
        var j = start
        for var row in run {
            while let last = row.last, last.isEmpty { row.removeLast() }
            guard !row.isEmpty else { break }
            cells.append(row)
            j += 1
        }
        guard cells.count >= 3, cells.filter({ $0.count >= 3 }).count >= 2 else { return nil }
        var rows = [RawRow]()
        for (k, row) in cells.enumerated() {
            var shift = 0
            if k + 1 < cells.count, row.count == cells[k + 1].count - 1, row.count >= 2, !row.contains(where: { CellText.isNumeric($0) }),
               let label = cells[k + 1].first, !label.isEmpty,
               !CellText.isNumeric(label), cells[k + 1].dropFirst().contains(where: { CellText.isNumeric($0) }) {
                shift = 1
            }
            let line = lines[start + k]
            rows.append(RawRow(cells: row.enumerated().map { RawCell(text: $0.element, column: $0.offset + shift) },
                               firstLine: line.number, lastLine: line.number))
        }
        return (rows, j)
    }

    /// The cells of a line divided by "|" (a leading and a trailing bar are optional); nil when the
    /// line has fewer than two bars.
    static func barCells(_ line: NormalizedLine, leadingIsCell: Bool = false) -> [TextRun]? {
        let s = line.scalars
        var bars = [Int]()
        for k in s.indices where s[k] == "|" && (k == 0 || s[k - 1] != "\\") { bars.append(k) }
        guard bars.count >= 2 else { return nil }
        let bounds = [-1] + bars + [s.count]
        var cells = bounds.indices.dropLast().map { TextRun(trimmedLine: line, range: (bounds[$0] + 1)..<bounds[$0 + 1]) }
        // the text before a leading bar and after a trailing bar is not a cell (unless the table's
        // other rows say the leading bar closes an empty first cell)
        if !leadingIsCell, let c = cells.first, c.isEmpty { cells.removeFirst() }
        if let c = cells.last, c.isEmpty { cells.removeLast() }
        return cells
    }

    // MARK: structured formats

    /// Rows of a .docx/.xlsx table, from the loader's exact grid.
    static func scanStructured(_ lines: [NormalizedLine], document: Document, from start: Int) -> (rows: [RawRow], end: Int, table: Int)? {
        guard let ref = document.lines[lines[start].sourceIndex].tableRow else { return nil }
        let source = document.tables[ref.table]
        var rows = [RawRow]()
        var j = start
        while j < lines.count, let r = document.lines[lines[j].sourceIndex].tableRow, r.table == ref.table {
            let line = lines[j]
            let row = source.rows[r.row]
            var cells = [RawCell]()
            for cell in row.cells {
                // normalized scalars whose original column falls inside the cell
                let lo = Int32(clamping: cell.start + 1), hi = Int32(clamping: cell.start + cell.length)
                // columns increase along the line (normalizing keeps the order): two binary searches,
                // not a pass over the line per cell
                let columns = line.columns
                var a = 0, b = columns.count
                while a < b { let m = (a + b) / 2; if columns[m] < lo { a = m + 1 } else { b = m } }
                var c = a, d = columns.count
                while c < d { let m = (c + d) / 2; if columns[m] <= hi { c = m + 1 } else { d = m } }
                let first = a < c ? a : -1, last = a < c ? c - 1 : -1
                let text = first >= 0 ? TextRun(trimmedLine: line, range: first..<(last + 1)) : TextRun()
                cells.append(RawCell(text: text, column: cell.gridColumn, span: max(1, cell.columnSpan),
                                     continuesMerge: cell.continuesMerge, place: cell.place))
            }
            rows.append(RawRow(cells: cells, firstLine: line.number, lastLine: line.number))
            j += 1
        }
        return (rows, j, ref.table)
    }

    // MARK: continuations

    /// The fragment of the same table that follows a page break. Word documents made from PDFs,
    /// and tables cut by hand, arrive as one table per page, each repeating the header rows; read
    /// apart, every fragment's 小计 is checked against its own rows only and a fragment without
    /// the header loses its columns' units. A table at `end` continues `first` (the rows read so
    /// far, from the loader's table `table`) when nothing but blank lines, page breaks, page
    /// numbers or a "续表" line separate them, and it either starts with rows that repeat the
    /// leading (header or title) rows of the first fragment, or has as many columns. The repeated
    /// rows are left out of the result.
    static func structuredContinuation(_ lines: [NormalizedLine], document: Document, words: StructureWords, after end: Int, table: Int,
                                       first: [RawRow], leading: [TableRow]) -> (rows: [RawRow], end: Int, table: Int)? {
        var k = end
        while k < lines.count && k - end < 8 {
            let line = lines[k]
            if document.lines[line.sourceIndex].tableRow != nil { break }
            guard line.isBlank || line.artifact != nil || isContinuationMark(line, words: words) else { return nil }
            k += 1
        }
        guard k < lines.count, let ref = document.lines[lines[k].sourceIndex].tableRow, ref.table != table,
              let next = scanStructured(lines, document: document, from: k) else { return nil }
        var rows = next.rows
        // leading rows that repeat the first fragment's header or title rows
        var dropped = 0
        while dropped < rows.count && dropped < leading.count + 2 {
            let row = tableRow(rows[dropped])
            if row.cells.allSatisfy(\.isEmpty) || !leading.contains(where: { TableBuilder.sameText($0, row) }) { break }
            dropped += 1
        }
        if dropped > 0 && !rows[..<dropped].allSatisfy({ tableRow($0).cells.allSatisfy(\.isEmpty) }) {
            rows.removeFirst(dropped)
            return (rows, next.end, next.table)
        }
        // no repeated header: the same grid goes on (a header row of its own, cut from its section
        // by the page break, opens a new header segment, as the text path reads it)
        guard columnCount(rows) == columnCount(first) else { return nil }
        return (rows, next.end, next.table)
    }

    /// "续表", "续表3", "（续）", "表2（续）": a line saying a table goes on.
    static func isContinuationMark(_ line: NormalizedLine, words: StructureWords) -> Bool {
        let text = CellText.compact(line.text)
        guard text.count <= 12 else { return false }
        let marks = words.continuationMarks
        return marks.isPrefix(of: text) || marks.isSuffix(of: text)
    }

    static func columnCount(_ rows: [RawRow]) -> Int {
        var count = 0
        for row in rows { for (k, cell) in row.cells.enumerated() { count = max(count, (cell.column ?? k) + cell.span) } }
        return count
    }

    /// A raw row as a table row, for the header tests.
    static func tableRow(_ raw: RawRow) -> TableRow {
        TableRow(kind: .data, cells: raw.cells.enumerated().map {
            TableCell(text: $0.element.text, column: $0.element.column ?? $0.offset, span: $0.element.span, inherited: false, place: nil)
        }, segment: 0, line: raw.firstLine, lastLine: raw.lastLine)
    }
}

