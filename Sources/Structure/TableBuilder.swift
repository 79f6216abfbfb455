import JXCore
import JXNormalize

/// Rebuilds a table grid from raw rows: finds header rows (and headers restated further down),
/// header paths per column, caption rows, repeated headers after page breaks, fills merged label
/// cells, joins PDF continuation rows and aligns short total rows.
enum TableBuilder {
    static func build(rows raw: [RawRow], origin: Table.Origin, index: Int, words: StructureWords) -> Table {
        var rows = raw.map { r -> TableRow in
            var cells = [TableCell]()
            for (k, c) in r.cells.enumerated() {
                cells.append(TableCell(text: c.text, column: c.column ?? k, span: c.span, inherited: false, place: c.place))
            }
            return TableRow(kind: .data, cells: cells, segment: -1, line: r.firstLine, lastLine: r.lastLine)
        }
        let merges: [[Bool]] = raw.map { $0.cells.map(\.continuesMerge) }
        let columnCount = rows.map { $0.cells.map { $0.column + $0.span }.max() ?? 0 }.max() ?? 0

        // 1. captions, headers, repeated headers, data
        var segments = [[Int]]()          // header row indices per segment
        var dataInSegment = 0
        var firstContentRow = true
        for i in rows.indices {
            let row = rows[i]
            if row.cells.allSatisfy(\.isEmpty) {
                rows[i].kind = .data
                rows[i].segment = segments.count - 1
                continue
            }
            if isCaption(row, raw: raw[i], columnCount: columnCount, words: words) {
                rows[i].kind = .caption
                rows[i].segment = segments.count - 1
                continue
            }
            let headerLike = isHeaderLike(row, words: words)
            if headerLike && (segments.isEmpty && firstContentRow || (!segments.isEmpty && dataInSegment == 0 && segments[segments.count - 1].count < 3 && keywordCells(row, words: words) >= 1)) {
                if segments.isEmpty { segments.append([]) }
                segments[segments.count - 1].append(i)
                rows[i].kind = .header
                rows[i].segment = segments.count - 1
                firstContentRow = false
                continue
            }
            firstContentRow = false
            if headerLike, let seg = segments.last, seg.contains(where: { sameText(rows[$0], row) }) {
                rows[i].kind = .repeatedHeader
                rows[i].segment = segments.count - 1
                continue
            }
            if headerLike && isStronglyHeaderLike(row, words: words) {
                segments.append([i])
                dataInSegment = 0
                rows[i].kind = .header
                rows[i].segment = segments.count - 1
                continue
            }
            if segments.isEmpty { segments.append([]) }
            rows[i].kind = .data
            rows[i].segment = segments.count - 1
            dataInSegment += 1
        }
        if segments.isEmpty { segments.append([]) }

        // 2. header paths
        var headerSegments = [[String]]()
        // rows by segment, gathered once: a table of many segments stays linear
        var rowsOfSegment = [Int: [Int]]()
        for i in rows.indices { rowsOfSegment[rows[i].segment, default: []].append(i) }
        for (k, seg) in segments.enumerated() {
            var dataColumns = Set<Int>()
            for row in (rowsOfSegment[k] ?? []).map({ rows[$0] }) where row.kind == .data {
                for cell in row.cells where !cell.isEmpty { dataColumns.insert(cell.column) }
            }
            // "项目名称 | …" / "主管部门 | … | 实施单位 | …" above the column titles: information, not a header level
            let titles = seg.filter { !isInformationRow(rows[$0], below: seg.last.map { rows[$0] }, columnCount: columnCount, words: words) || $0 == seg.last }
            headerSegments.append(headerPaths(titles.map { rows[$0] }, columnCount: columnCount, dataColumns: dataColumns))
        }

        // 3. continuation rows of PDF exports, short total rows, merged label cells. A Word table
        // or sheet that states no merged cell at all has been through a PDF conversion (or was
        // typed like a text export): its empty label cells and spilled rows read as the text's do.
        let structured = origin == .docx || origin == .xlsx
        let statesMerges = structured && merges.contains { $0.contains(true) }
        if origin == .tabSeparated || (structured && !statesMerges) {
            rows = joinContinuations(rows, headerSegments: headerSegments)
        }
        if origin == .tabSeparated || origin == .cellPerLine {
            alignShortTotals(&rows, columnCount: columnCount, words: words)
        }
        fillMergedLabels(&rows, merges: statesMerges ? merges : nil, columnCount: columnCount)

        let first = rows.first?.line ?? 0
        let last = rows.map(\.lastLine).max() ?? first
        return Table(index: index, origin: origin, caption: "", unit: nil, rows: rows, columnCount: columnCount,
                     headerSegments: headerSegments, sectionPath: [], firstLine: first, lastLine: last)
    }

    /// The rows a table starts with before its first data row: title (caption) and header rows,
    /// the rows a page break repeats.
    static func leadingRows(_ table: Table) -> [TableRow] {
        var out = [TableRow]()
        for row in table.rows {
            if row.kind == .data && !row.cells.allSatisfy(\.isEmpty) { break }
            if row.kind == .header || row.kind == .caption { out.append(row) }
        }
        return out
    }

    // MARK: classification

    static func isCaption(_ row: TableRow, raw: RawRow, columnCount: Int, words: StructureWords) -> Bool {
        guard columnCount >= 2 else { return false }
        // "单位：万元" in a cell of its own, or beside the title: the unit line of the table.
        // Each filled cell is tested once; only the count of the others and the first of them matter.
        var units = 0, others = 0
        var other: TableCell?
        for cell in row.cells where !cell.isEmpty {
            if cell.text.count <= 20 && UnitHints.tableUnit(cell.text.scalars, words: words) != nil {
                units += 1
            } else {
                others += 1
                if other == nil { other = cell }
            }
        }
        if units > 0 && others == 0 { return true }
        guard others == 1, let cell = other else { return false }
        if units > 0 { return !CellText.isNumeric(cell.text) }
        if CellText.isNumeric(cell.text) { return false }
        if cell.span >= columnCount { return true }
        if raw.cells.count == 1 { return true }
        let text = cell.text.scalars
        // a numbered row ("1 …") is data; a title may start with its year ("2023年…情况表")
        let year = text.count > 4 && text.prefix(4).allSatisfy(CharClass.isDigit) && text[4] == "年"
        return cell.column == 0 && text.count <= 30 && (!(text.first.map(CharClass.isDigit) ?? false) || year)
    }

    static func keywordCells(_ row: TableRow, words: StructureWords) -> Int {
        // on the cells' scalars: a text of at most 20 scalars has at most 20 characters, and only a
        // longer one is made into a string to count them
        row.cells.reduce(0) { count, cell in
            let keyword = !cell.isEmpty && (cell.text.count <= 20 || cell.string.count <= 20)
                && words.headerWords.firstMatch(in: cell.text.scalars) != nil
            return keyword ? count + 1 : count
        }
    }

    /// At least two filled cells, none numeric, short on average, and a keyword among them or all
    /// of them very short. (Counted over the cells in place: no array of the filled ones is made.)
    static func isHeaderLike(_ row: TableRow, words: StructureWords) -> Bool {
        var filled = 0, length = 0, allVeryShort = true
        for cell in row.cells where !cell.isEmpty {
            if CellText.isNumeric(cell.text) { return false }
            filled += 1
            length += cell.text.count
            if cell.text.count > 8 { allVeryShort = false }
        }
        guard filled >= 2, length / filled <= 16 else { return false }
        return allVeryShort || keywordCells(row, words: words) >= 1
    }

    static func isStronglyHeaderLike(_ row: TableRow, words: StructureWords) -> Bool {
        var filled = 0
        for cell in row.cells where !cell.isEmpty {
            if cell.text.count > 12 { return false }
            filled += 1
        }
        let keywords = keywordCells(row, words: words)
        return keywords >= 3 && keywords * 2 >= filled
    }

    /// A header row of key–value pairs (项目名称 | X | 主管部门 | Y) above a complete row of column
    /// titles that starts at the first column: it names the project, it titles no column.
    static func isInformationRow(_ row: TableRow, below last: TableRow?, columnCount: Int, words: StructureWords) -> Bool {
        guard let last else { return false }
        let filled = row.cells.filter { !$0.isEmpty }.sorted { $0.column < $1.column }
        let titles = last.cells.filter { !$0.isEmpty }
        guard filled.count >= 2, filled.count % 2 == 0, filled.count < titles.count, titles.count >= 4,
              titles.contains(where: { $0.column == 0 }) else { return false }
        // keys at the even places, each a known information key
        for (k, cell) in filled.enumerated() where k % 2 == 0 {
            var key = CellText.compact(cell.text)
            while key.hasSuffix("：") || key.hasSuffix(":") { key.removeLast() }
            if !words.informationKeys.contains(key) { return false }
        }
        return true
    }

    static func sameText(_ a: TableRow, _ b: TableRow) -> Bool {
        let ta = a.cells.map { CellText.compact($0.text) }.filter { !$0.isEmpty }
        let tb = b.cells.map { CellText.compact($0.text) }.filter { !$0.isEmpty }
        return ta == tb
    }

    // MARK: header paths

    static func headerPaths(_ header: [TableRow], columnCount: Int, dataColumns: Set<Int> = []) -> [String] {
        guard !header.isEmpty else { return Array(repeating: "", count: columnCount) }
        var grid = header.map { row -> [String] in
            var line = Array(repeating: "", count: columnCount)
            for cell in row.cells where cell.column < columnCount {
                let text = CellText.compact(cell.text)
                for c in cell.column..<min(columnCount, cell.column + cell.span) { line[c] = text }
            }
            return line
        }
        for r in grid.indices.dropLast() { spreadGroupTitles(&grid, row: r) }
        // a title spanning several columns leaves the cells to its right empty: fill them from the
        // left when a lower header row titles those columns
        for r in grid.indices {
            for c in 1..<max(1, columnCount) where grid[r][c].isEmpty && !grid[r][c - 1].isEmpty {
                let below = (r + 1..<grid.count).contains { !grid[$0][c].isEmpty }
                // with one header row, a title whose right-hand neighbours are empty but hold data
                // below spans them too ("五年主要工作目标及具体内容 | | |")
                let spans = grid.count == 1 && dataColumns.contains(c)
                if below || spans { grid[r][c] = grid[r][c - 1] }
            }
        }
        var paths = [String]()
        for c in 0..<columnCount {
            var parts = [String]()
            for r in grid.indices where !grid[r][c].isEmpty && parts.last != grid[r][c] { parts.append(grid[r][c]) }
            paths.append(parts.joined(separator: "/"))
        }
        return paths
    }

    /// "预算数 | 决算数" over "合计 | 出国 | 接待 | 合计 | 出国 | 接待": group titles whose spans the text
    /// export lost stand packed at the left; the row below repeats one run of titles once per group,
    /// so each group title spans one run. (Up to two label columns before the groups keep their place.)
    static func spreadGroupTitles(_ grid: inout [[String]], row r: Int) {
        let columns = grid[r].count
        let top = grid[r], lower = grid[r + 1]
        for offset in 0...2 where offset < columns {
            // label columns: titled in the top row, blank or the same below
            guard (0..<offset).allSatisfy({ !top[$0].isEmpty && (lower[$0].isEmpty || lower[$0] == top[$0]) }) else { return }
            let groups = top[offset...].prefix { !$0.isEmpty }.count
            guard groups >= 2, top[(offset + groups)...].allSatisfy(\.isEmpty) else { continue }
            let width = columns - offset
            guard width % groups == 0, case let run = width / groups, run >= 2,
                  (offset..<columns).allSatisfy({ !lower[$0].isEmpty && lower[$0] == lower[offset + ($0 - offset) % run] }) else { continue }
            let titles = Array(top[offset..<(offset + groups)])
            for c in offset..<columns { grid[r][c] = titles[(c - offset) / run] }
            return
        }
    }

    // MARK: repairs

    /// Columns whose data cells are mostly numbers, per segment.
    static func numericColumns(_ rows: [TableRow], segment: Int, columnCount: Int) -> Set<Int> {
        var numeric = [Int](repeating: 0, count: columnCount), filled = [Int](repeating: 0, count: columnCount)
        for row in rows where row.kind == .data && row.segment == segment {
            for cell in row.cells where cell.column < columnCount && !cell.isEmpty {
                filled[cell.column] += 1
                if CellText.isNumeric(cell.text) { numeric[cell.column] += 1 }
            }
        }
        return Set((0..<columnCount).filter { numeric[$0] >= 1 && numeric[$0] * 2 >= filled[$0] })
    }

    /// PDF text exports spill long cells onto rows of their own: a row with an empty first cell,
    /// no numbers, and only long or enumerated text continues the row above.
    static func joinContinuations(_ rows: [TableRow], headerSegments: [[String]]) -> [TableRow] {
        var out = [TableRow]()
        for row in rows {
            // the row above, skipping a header repeated after a page break
            var prevIndex = out.count - 1
            while prevIndex >= 0 && out[prevIndex].kind == .repeatedHeader { prevIndex -= 1 }
            guard row.kind == .data, prevIndex >= 0, out[prevIndex].kind == .data, isContinuation(row) else {
                out.append(row)
                continue
            }
            var prev = out[prevIndex]
            for cell in row.cells where !cell.isEmpty {
                if let k = prev.cells.firstIndex(where: { $0.column == cell.column }) {
                    var text = prev.cells[k].text
                    if !text.isEmpty, let p = text.positions.last { text.append("\n", at: p) }
                    text.append(cell.text)
                    prev.cells[k].text = text
                } else {
                    prev.cells.append(cell)
                    prev.cells.sort { $0.column < $1.column }
                }
            }
            prev.lastLine = max(prev.lastLine, row.lastLine)
            out[prevIndex] = prev
        }
        return out
    }

    static func isContinuation(_ row: TableRow) -> Bool {
        if let first = row.cells.first, !first.isEmpty, first.column == 0 {
            // text in the first column continues only when it is clearly an enumerated sentence
            if !CellText.startsWithEnumerator(first.text) || first.text.count < 12 { return false }
        }
        let filled = row.cells.filter { !$0.isEmpty }
        guard !filled.isEmpty else { return false }
        for cell in filled {
            if CellText.isNumeric(cell.text) { return false }
            // long text, an enumerated criterion, or the end of a sentence cut by a page break ("况。")
            let endsSentence = cell.text.scalars.last.map { $0 == "。" || $0 == "；" || $0 == ";" } ?? false
            if cell.text.count < 12 && !CellText.startsWithEnumerator(cell.text) && !endsSentence { return false }
        }
        return true
    }

    /// "合计 | 100 | 94.94" under a wider header: put the numbers in the rightmost numeric columns.
    static func alignShortTotals(_ rows: inout [TableRow], columnCount: Int, words: StructureWords) {
        // Per segment, computed once (a table of many total rows stays linear): the widest row
        // (rows moved here only get narrower, and never the widest), and the counts behind
        // `numericColumns`, kept up to date as cells move.
        var widest = [Int: Int]()
        var counts = [Int: (numeric: [Int], filled: [Int])]()
        for row in rows where row.kind != .caption { widest[row.segment] = max(widest[row.segment] ?? 0, row.cells.count) }
        func segmentCounts(_ segment: Int) -> (numeric: [Int], filled: [Int]) {
            if let c = counts[segment] { return c }
            var numeric = [Int](repeating: 0, count: columnCount), filled = [Int](repeating: 0, count: columnCount)
            for row in rows where row.kind == .data && row.segment == segment {
                for cell in row.cells where cell.column < columnCount && !cell.isEmpty {
                    filled[cell.column] += 1
                    if CellText.isNumeric(cell.text) { numeric[cell.column] += 1 }
                }
            }
            counts[segment] = (numeric, filled)
            return (numeric, filled)
        }
        // ("项目 | | 全年预算数 | 实际支出数" over "基本支出 | | a | b" and "其中：人员经费 | c | d": a row one cell short,
        // under a second column every full row leaves empty, lines up from the right too)
        var emptySecond = [Int: Bool]()
        func secondColumnEmpty(_ segment: Int) -> Bool {
            if let known = emptySecond[segment] { return known }
            let full = rows.filter { $0.kind == .data && $0.segment == segment && $0.cells.count == (widest[segment] ?? 0) }
            let empty = full.filter { $0.cells.count > 1 && $0.cells[1].isEmpty }.count
            let answer = empty >= 2 && empty == full.count
            emptySecond[segment] = answer
            return answer
        }
        for i in rows.indices where rows[i].kind == .data {
            let row = rows[i]
            guard let first = row.cells.first, CellText.isTotalLabel(first.string, words: words) || CellText.isScoreTotalLabel(first.string, words: words)
                || (row.cells.count + 1 == widest[row.segment] ?? 0 && !CellText.isNumeric(first.text) && secondColumnEmpty(row.segment)) else { continue }
            let rest = row.cells.dropFirst().filter { !$0.isEmpty }
            guard !rest.isEmpty, rest.allSatisfy({ CellText.isNumeric($0.text) }) else { continue }
            guard row.cells.count < widest[row.segment] ?? 0 else { continue }
            // the numeric columns (as `numericColumns` gives them), the last `rest.count` of them
            var c = segmentCounts(row.segment)
            var targets = [Int]()
            var column = columnCount - 1
            while column >= 0 && targets.count < rest.count {
                if c.numeric[column] >= 1 && c.numeric[column] * 2 >= c.filled[column] { targets.append(column) }
                column -= 1
            }
            guard targets.count == rest.count else { continue }
            targets.reverse()
            var cells = [first]
            for (cell, column) in zip(rest, targets) {
                var moved = cell
                if cell.column < columnCount { c.filled[cell.column] -= 1; c.numeric[cell.column] -= 1 }
                moved.column = column
                c.filled[column] += 1
                c.numeric[column] += 1
                cells.append(moved)
            }
            counts[row.segment] = c
            rows[i].cells = cells
        }
    }

    /// Merged label cells are empty in text exports: a row's leading label cells inherit the text
    /// above within the same header segment. Structured formats say exactly which cells continue a
    /// merge; those inherit whatever their column.
    static func fillMergedLabels(_ rows: inout [TableRow], merges: [[Bool]]?, columnCount: Int) {
        if let merges {
            // the nearest non-empty cell above, per grid column, kept as the rows go by (a search
            // upwards for each merged cell was quadratic in a tall table of merges)
            var above = [Int: TableCell]()
            for i in rows.indices where i < merges.count {
                for k in rows[i].cells.indices where k < merges[i].count && merges[i][k] && rows[i].cells[k].isEmpty {
                    if let cell = above[rows[i].cells[k].column] {
                        rows[i].cells[k].text = cell.text
                        rows[i].cells[k].inherited = true
                    }
                }
                // `cell(column)` is the first cell covering a column; a row whose first cover is
                // empty leaves the column's nearest cell above as it was
                var covered = Set<Int>()
                for cell in rows[i].cells where cell.span > 0 {
                    for column in cell.column..<(cell.column + cell.span) where covered.insert(column).inserted {
                        if !cell.isEmpty { above[column] = cell }
                    }
                }
            }
            return
        }
        let segmentCount = (rows.map(\.segment).max() ?? -1) + 1
        // rows by segment, gathered once: a table of many segments stays linear
        var rowsOfSegment = [Int: [Int]]()
        for i in rows.indices { rowsOfSegment[rows[i].segment, default: []].append(i) }
        for segment in 0..<max(segmentCount, 1) {
            let indices = rowsOfSegment[segment] ?? []
            let labels = labelColumns(indices.map { rows[$0] }, segment: segment, columnCount: columnCount)
            guard !labels.isEmpty else { continue }
            // the label cell last seen per column, ascending by column (a new upper label drops
            // the ones below it): each row costs its own cells, however wide the table
            let labelSet = Set(labels)
            var last = [(column: Int, cell: TableCell)]()
            for i in indices {
                // a header repeated after a page break continues the table: labels carry on
                if rows[i].kind == .repeatedHeader { continue }
                if rows[i].kind != .data { last = []; continue }
                if rows[i].cells.allSatisfy(\.isEmpty) { continue }
                var firstCell = [Int: Int]()
                for (k, cell) in rows[i].cells.enumerated() where labelSet.contains(cell.column) && firstCell[cell.column] == nil {
                    firstCell[cell.column] = k
                }
                for column in firstCell.keys.sorted() {
                    let k = firstCell[column]!
                    if rows[i].cells[k].isEmpty {
                        var lo = 0, hi = last.count
                        while lo < hi { let mid = (lo + hi) / 2; if last[mid].column < column { lo = mid + 1 } else { hi = mid } }
                        if lo < last.count && last[lo].column == column {
                            rows[i].cells[k].text = last[lo].cell.text
                            rows[i].cells[k].inherited = true
                        }
                    } else {
                        while let top = last.last, top.column >= column { last.removeLast() }
                        last.append((column, rows[i].cells[k]))
                    }
                }
            }
        }
    }

    /// Columns of short names that merged cells leave empty: not numeric, short texts, and to the
    /// left of the first column of long text (说明, 评分标准), which is never filled. The last
    /// label column before the numbers is the row's own name and is not filled either unless it is
    /// also left of the first number (an item name is not merged with the one above).
    static func labelColumns(_ rows: [TableRow], segment: Int, columnCount: Int) -> [Int] {
        let numeric = numericColumns(rows, segment: segment, columnCount: columnCount)
        guard let firstNumeric = numeric.min(), firstNumeric > 0 else { return [] }
        var lengths = [Int: (sum: Int, count: Int)]()
        for row in rows where row.segment == segment && row.kind == .data {
            for cell in row.cells where !cell.isEmpty && !cell.inherited {
                let v = lengths[cell.column] ?? (0, 0)
                lengths[cell.column] = (v.sum + cell.text.count, v.count + 1)
            }
        }
        func average(_ c: Int) -> Int { lengths[c].map { $0.count == 0 ? 0 : $0.sum / $0.count } ?? 0 }
        let firstLongText = (0..<columnCount).first { !numeric.contains($0) && average($0) > 20 } ?? columnCount
        var out = Array(0..<firstNumeric)
        // short name columns between the numbers (二级指标 after 一级分值), before any long text
        guard firstLongText > firstNumeric else { return out }
        let nameColumns = (firstNumeric..<firstLongText).filter { !numeric.contains($0) && average($0) > 0 && average($0) <= 12 }
        if nameColumns.count >= 2 { out += nameColumns.dropLast() }
        return out
    }
}

extension TableBuilder {
    /// A comparator, sign or estimate before a value ("≥≤<>=＞＜≧≦约~±+").
    static func isValuePrefix(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "≥", "≤", "<", ">", "=", "＞", "＜", "≧", "≦", "约", "~", "±", "+": return true
        default: return false
        }
    }
}

/// Light-weight tests on cell text used while rebuilding grids (the Extract stage does the real
/// number scanning).
public enum CellText {
    /// Without white space of any kind.
    public static func compact(_ s: String) -> String {
        // most cells have no white space: the text as it is
        guard CharClass.containsWhitespace(s) else { return s }
        // filtered as an array (a filtered scalar view was rebuilt scalar by scalar)
        return ScalarString.make(ScalarString.scalars(s).filter { !CharClass.isWhitespace($0) })
    }

    /// `compact(run.string)`, from the run's scalars: no string is made (and decoded again) to find
    /// out that a cell holds no white space.
    public static func compact(_ run: TextRun) -> String {
        guard run.scalars.contains(where: CharClass.isWhitespace) else { return ScalarString.make(run.scalars) }
        return ScalarString.make(run.scalars.filter { !CharClass.isWhitespace($0) })
    }

    /// A number, possibly with a comparator, sign, percent sign, unit or measure word: "33463.78",
    /// "≥95%", "-1947.96", "5 次", "19.94". A year ("2021年") or a code is not numeric.
    public static func isNumeric(_ run: TextRun) -> Bool {
        // a number starts with a digit, a minus or a value prefix: a label fails at its first scalar
        guard let first = run.scalars.first(where: { !CharClass.isWhitespace($0) }),
              CharClass.isDigit(first) || first == "-" || TableBuilder.isValuePrefix(first) else { return false }
        // most cells hold no white space: their scalars are read in place, without a copy
        if run.scalars.contains(where: CharClass.isWhitespace) {
            return run.scalars.filter { !CharClass.isWhitespace($0) }.withUnsafeBufferPointer(isNumeric)
        }
        return run.scalars.withUnsafeBufferPointer(isNumeric)
    }

    /// `isNumeric` of scalars without white space.
    static func isNumeric(_ s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        var i = 0
        while i < s.count && TableBuilder.isValuePrefix(s[i]) { i += 1 }
        if i < s.count && s[i] == "-" && i + 1 < s.count && CharClass.isDigit(s[i + 1]) { i += 1 }
        let digitsStart = i
        while i < s.count && (CharClass.isDigit(s[i]) || s[i] == ".") { i += 1 }
        guard i > digitsStart, CharClass.isDigit(s[digitsStart]) else { return false }
        let rest = s[i...]
        if rest.isEmpty { return true }
        // "2.利息收入": a list number before a name, not a figure with its unit
        if s[i - 1] == "." && !CharClass.isDigit(rest[rest.startIndex]) && i - digitsStart >= 2 && !s[digitsStart..<(i - 1)].contains(".") { return false }
        if rest.allSatisfy(ScalarString.isOwnCharacter) {
            // each scalar a character: the same tests as below, without making the text
            if i - digitsStart == 4 && (rest.first == "年" || rest.first == "-") { return false }
            // ("1,800元/人·月": a middle dot joins the measure words of one unit)
            return rest.count - rest.lazy.filter({ $0 == "·" }).count <= 4 && !rest.contains(where: CharClass.isDigit)
        }
        let tail = ScalarString.make(rest)
        if i - digitsStart == 4 && (tail.hasPrefix("年") || tail.hasPrefix("-")) { return false }
        // more than four characters, counted no further than the fifth (a long cell's text is not
        // walked through to its end)
        if !tail.dropFirst(4).isEmpty { return false }
        return !tail.unicodeScalars.contains(where: CharClass.isDigit)
    }

    public static func isTotalLabel(_ s: String, words: StructureWords) -> Bool {
        isTotalLabel(s, totalLabels: words.totalLabels)
    }

    /// `isTotalLabel` by the vocabulary's class of total labels (the later stages, which hold the
    /// rule set's vocabulary, not the structure's words).
    public static func isTotalLabel(_ s: String, totalLabels: WordSet) -> Bool {
        let t = compact(s)
        if totalLabels.isSuffix(of: t) { return true }
        // "小计（产出指标）": a total naming in brackets what it totals
        // (on scalars: String's hasSuffix and lastIndex break graphemes, and most labels end otherwise)
        let scalars = t.unicodeScalars
        guard let last = scalars.last, last == "）" || last == ")",
              let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > scalars.startIndex else { return false }
        return totalLabels.isSuffix(of: Substring(scalars[..<open]))
    }

    /// "总分", "自评总分": the total row of a score sheet (the official forms' word for 合计).
    public static func isScoreTotalLabel(_ s: String, words: StructureWords) -> Bool {
        isScoreTotalLabel(s, scoreTotalLabels: words.scoreTotalLabels)
    }

    public static func isScoreTotalLabel(_ s: String, scoreTotalLabels: WordSet) -> Bool {
        let t = compact(s)
        return scoreTotalLabels.contains(t) || (scoreTotalLabels.isSuffix(of: t) && t.unicodeScalars.count <= 4)
    }

    /// "2. …", "（2）…", "② …", "(2)…": a numbered sentence.
    public static func startsWithEnumerator(_ run: TextRun) -> Bool {
        guard let first = run.scalars.first else { return false }
        if first.value >= 0x2460 && first.value <= 0x2473 { return true }
        if first == "（" || first == "(" { return run.count > 2 && CharClass.isDigit(run.scalars[1]) }
        if CharClass.isDigit(first) {
            var i = 0
            while i < run.count && CharClass.isDigit(run.scalars[i]) { i += 1 }
            return i < run.count && (run.scalars[i] == "." || run.scalars[i] == "、" || run.scalars[i] == "．")
                && !(i + 1 < run.count && CharClass.isDigit(run.scalars[i + 1]))
        }
        return false
    }
}
