import JXCore
import JXLoad
import JXNormalize
import JXRules

/// Tables a web page export flattened into text (项目支出绩效自评表 and the like): each row is one
/// line whose cells are divided by runs of spaces, often single ones; merged cells are missing at
/// the left of a row (or repeated), and a long cell can push the row's numbers onto a line of their
/// own. The normalizer drops single spaces between ideographs and between a word and a number, so
/// the cells are cut where the *source* line has spaces and mapped back onto the normalized text.
///
/// A table starts at a header line of at least three column titles that tables.toml knows, at least
/// one of which holds numbers (分值, 得分, 执行率, 预算数…). Its columns are read by class: names at
/// the left, then the values (指标值, 完成值) and numbers, then notes (偏差原因) at the right. A row
/// is read from the right: notes, numbers, values, and what is left names the row, right-aligned in
/// the name columns (the merged names on its left are inherited from the rows above). A row that
/// does not fit this shape ends the table, so prose with a few numbers never becomes one.
enum FlatTableScanner {
    enum ColumnClass: Equatable { case label, value, number(NumberKind), note }
    /// What a number column holds: points (分值, 得分) and amounts are plain numbers; a rate may
    /// carry its percent sign.
    /// `perUnit`: an amount per thing (补贴标准（元/辆）), which a total row leaves blank.
    /// `count`: a count of the row's item, bare or with its measure word ("1,209户", "18个村").
    enum NumberKind: Equatable { case points, amount, rate, perUnit, count }

    struct Header {
        var titles: [TextRun]
        var classes: [ColumnClass]
        /// Name columns at the left, value and number columns after them, notes at the right.
        var labelCount: Int
        var middle: Range<Int>
        var firstLine: Int
        var lastLine: Int
        /// Index of the line after the header (a title wrapped onto a second line included).
        var end: Int

        /// "一级指标  分值  二级指标  分值  得分  扣分": a first level's name and weight, then its second
        /// level's name and figures. Rows are read by where their cells stand under the titles (a second
        /// level's row leaves the first two blank).
        var interleaved = false

        var hasValues: Bool { classes[middle].contains(.value) }

        func isNumber(_ column: Int) -> Bool {
            if case .number = classes[column] { return true }
            return false
        }
    }

    /// Rows of a flattened table whose header is the line at `start`, and the index after it.
    static func scan(_ lines: [NormalizedLine], document: Document, from start: Int, words: StructureWords) -> (rows: [RawRow], end: Int)? {
        guard lines[start].artifact == nil, gaps(document.lines[lines[start].sourceIndex].text, atLeast: 2) else { return nil }
        let mentions = mentionsColumns(lines[start], words: words)
        // (titles of no known column, over rows of a name and as many figures: "乡镇  改造户数  拆除重建  已竣工";
        // a line of figures below, with gaps, is asked first: most gapped lines have none)
        guard mentions || (start + 1 < lines.count && lines[start + 1].artifact == nil
                           && lines[start + 1].scalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 })
                           && gaps(document.lines[lines[start + 1].sourceIndex].text, atLeast: 2)
                           && !lines[start].scalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 })) else { return nil }
        guard let first = tokens(lines[start], document: document, words: words), first.count >= 3 else { return nil }
        // (the lines below are read only when the titles alone do not make a header)
        var found = mentions ? header(first, lines: lines, at: start, document: document, words: words) : nil
        if found == nil, start + 1 < lines.count, lines[start + 1].scalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }),
           numberRowsFollow(first, lines: lines, at: start, document: document, words: words) {
            found = header(first, lines: lines, at: start, document: document, words: words, numbersBelow: true)
        }
        guard var header = found else { return nil }
        var rows = [RawRow]()
        var fitted = 0
        var end = header.end
        // where each title stands on its line, when the header is one line of as many cells as columns
        let headerColumns = header.firstLine == header.lastLine
            ? displayColumns(lines[start], document: document, words: words).flatMap { titles in
                // (laid out in columns: two spaces at least between titles; text whose cells one space
                // divides says nothing by where they stand)
                titles.count == header.classes.count && zip(titles, titles.dropFirst()).allSatisfy { $1.lo - $0.hi >= 2 } ? titles : nil
            } : nil
        var pendingLabels = [RawRow]()
        var pendingEnd = header.end
        var j = header.end
        var blanks = 0
        var pageBreakSinceRow = false
        while j < lines.count {
            let line = lines[j]
            // (a page break counts the blank lines around it as one: "" ⏎ "- 3 -" ⏎ "" ⏎ "续表")
            if line.artifact != nil { j += 1; pageBreakSinceRow = true; blanks = 0; continue }
            if line.isBlank {
                blanks += 1
                if blanks > 1 { break }
                j += 1
                continue
            }
            // ("- 3 -" ⏎ "续表" ⏎ the header again: the mark says the table goes on; no row of it)
            if fitted > 0, pageBreakSinceRow, TableScanner.isContinuationMark(line, words: words) { j += 1; continue }
            // the header repeated after a page break (a page-number line skipped above): the table goes on.
            // Only after a row and a page line, so header lines without rows are not rescanned from each one
            let headerLength = header.end - start
            if fitted > 0, pageBreakSinceRow, j + headerLength <= lines.count,
               (0..<headerLength).allSatisfy({ CellText.compact(lines[j + $0].text) == CellText.compact(lines[start + $0].text) }) {
                j += headerLength
                continue
            }
            guard let toks = tokens(line, document: document, words: words) else { break }
            // another table's header
            if toks.count >= 3 && self.header(toks, lines: lines, at: j, document: document, words: words, joinNext: false) != nil { break }
            var row: (cells: [RawCell], line: Int)?
            var used = 1
            // a line of numbers alone is no row: a long cell pushed the numbers of the row above onto it
            if !header.interleaved, !toks.allSatisfy({ isNumberCell($0, words: words) }), j + 1 < lines.count, lines[j + 1].artifact == nil,
               let next = tokens(lines[j + 1], document: document, words: words), !next.isEmpty,
               next.allSatisfy({ isNumberCell($0, words: words) }),
               let cells = fit(toks + next, header: &header, firstRow: fitted == 0, words: words) {
                row = (cells, lines[j + 1].number)
                used = 2
            } else if header.interleaved {
                // (by position only: a name stands in the middle of the numbers)
                guard let titles = headerColumns, let cells = positionalFit(line, titles: titles, header: header, document: document, words: words) else { break }
                row = (cells, line.number)
            } else if var cells = fit(toks, header: &header, firstRow: fitted == 0, words: words) {
                // a row naming fewer levels than the sheet has names, in a sheet aligned by spaces, names
                // them under their titles: "决策      15   13" stands under 一级指标 (right-aligned, its name
                // would fall under 三级指标)
                if let titles = headerColumns, header.labelCount >= 2, toks.filter({ !isNumberCell($0, words: words) }).count < header.labelCount,
                   let placed = positionalFit(line, titles: titles, header: header, document: document, words: words),
                   placed.count == cells.filter({ !$0.text.isEmpty }).count,
                   // (the numbers where the fit put them: only the names move; a total row's numbers
                   // stand where they may, under other titles)
                   placed.filter({ isNumberCell($0.text, words: words) }).map(\.column)
                    == cells.filter({ !$0.text.isEmpty && isNumberCell($0.text, words: words) }).map(\.column) {
                    cells = placed
                } else if let titles = headerColumns, header.classes.contains(.number(.perUnit)),
                          cells.enumerated().contains(where: { !$0.element.text.isEmpty && header.classes[$0.element.column ?? $0.offset] == .number(.perUnit) }),
                          let placed = positionalFit(line, titles: titles, header: header, document: document, words: words),
                          placed.count == cells.filter({ !$0.text.isEmpty }).count,
                          !placed.enumerated().contains(where: { header.classes[$0.element.column ?? $0.offset] == .number(.perUnit) }) {
                    // ("合计      386                     706.14": a row the fit gave a figure per thing, in a sheet laid
                    // out in columns, stands under its titles when they leave that column blank, as a total row does)
                    cells = placed
                }
                row = (cells, line.number)
            } else if let titles = headerColumns, let cells = positionalFit(line, titles: titles, header: header, document: document, words: words) {
                // ("2100399    其他基层医疗卫生机构支出    74.40          74.40": a row with empty cells, read by
                // where its cells stand under the titles)
                row = (cells, line.number)
            }
            if let row {
                rows += pendingLabels
                pendingLabels = []
                rows.append(RawRow(cells: row.cells, firstLine: line.number, lastLine: row.line))
                fitted += 1
                blanks = 0
                pageBreakSinceRow = false
                j += used
                end = j
                continue
            }
            // a name alone ("上年结转资金" under 年度资金总额): the row of a part the form leaves empty;
            // kept only when rows of the table follow it
            // (or a section of the rows after it, numbered as a heading: "一、市政设施维护" right under the titles)
            if !header.hasValues, toks.count <= header.labelCount, toks.allSatisfy({ isName($0) }),
               fitted > 0 && HeadingDetector.detect(line.trimmedRun, words: words) == nil
                || (toks.count == 1 && pendingLabels.isEmpty && line.trimmedRun.count <= 16 && HeadingDetector.detect(line.trimmedRun, words: words) != nil) {
                pendingLabels.append(RawRow(cells: labelCells(toks, header: header), firstLine: line.number, lastLine: line.number))
                blanks = 0
                j += 1
                pendingEnd = j
                continue
            }
            break
        }
        // the empty rows that end a 其中 list at the table's end ("其中：当年财政拨款 29 29 27.8" ⏎
        // "上年结转资金" ⏎ "其他资金"): the form states those parts empty
        if !pendingLabels.isEmpty, let last = rows.last, opensPartList(last, words: words) {
            rows += pendingLabels
            end = pendingEnd
        }
        guard fitted >= 1 else { return nil }
        let headerRow = RawRow(cells: header.titles.enumerated().map { RawCell(text: $0.element, column: $0.offset) },
                               firstLine: header.firstLine, lastLine: header.lastLine)
        return ([headerRow] + rows, end)
    }

    /// A row named as a part of the row above it ("其中：当年财政拨款").
    static func opensPartList(_ row: RawRow, words: StructureWords) -> Bool {
        guard let name = row.cells.first(where: { !$0.text.isEmpty }) else { return false }
        return words.partOpeners.isPrefix(of: CellText.compact(name.text))
    }

    // MARK: a whole table on one line

    enum InlinePart {
        /// Scalars of the normalized line that are prose.
        case text(Range<Int>)
        case table([RawRow])
    }

    /// A line that holds whole tables, header and rows run together ("…项目资金 (万元) 年初预算数
    /// 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 80 80 72 10 90% 9 其中：… 绩效指标 一级指标…"):
    /// its prose and its tables in order, or nil when it holds none. A row ends where the numbers
    /// its header's last columns hold have been read; a table ends at the first stretch that is
    /// no row (prose, or a row of the wrong shape).
    static func scanInline(_ line: NormalizedLine, document: Document, words: StructureWords) -> [InlinePart]? {
        guard line.artifact == nil, gaps(document.lines[line.sourceIndex].text, atLeast: 8), mentionsColumns(line, words: words),
              let spans = spans(line, document: document, words: words), spans.count >= 9 else { return nil }
        let toks = spans.map(\.run)
        var parts = [InlinePart]()
        var prose = 0
        var k = 0
        // each token's roles, looked up once however many headers it is tried in
        var roles = [Roles??](repeating: nil, count: toks.count)
        while k < toks.count {
            // "项目名称 某某项目": a key and its value name the form, they title no column
            if words.informationKeys.contains(CellText.compact(toks[k])) { k += 2; continue }
            guard let found = inlineTable(toks, at: k, line: line, words: words, roles: &roles) else { k += 1; continue }
            let start = spans[k].range.lowerBound
            if start > prose { parts.append(.text(prose..<start)) }
            parts.append(.table(found.rows))
            prose = spans[found.end - 1].range.upperBound
            k = found.end
        }
        guard !parts.isEmpty else { return nil }
        if prose < line.scalars.count { parts.append(.text(prose..<line.scalars.count)) }
        return parts
    }

    static func isTitleLike(_ t: TextRun) -> Bool {
        t.count <= 16 && !CellText.isNumeric(t) && !t.scalars.contains(where: isClauseMark)
    }

    /// The table whose header starts at token `start`: the longest run of known titles that rows follow.
    static func inlineTable(_ toks: [TextRun], at start: Int, line: NormalizedLine, words: StructureWords,
                            roles cache: inout [Roles??]) -> (rows: [RawRow], end: Int)? {
        func role(_ k: Int) -> Roles? {
            if let known = cache[k] { return known }
            let r = roleClass(toks[k].string, words: words)
            cache[k] = .some(r)
            return r
        }
        guard isTitleLike(toks[start]), role(start)?.name == true else { return nil }
        var titles = [TextRun](), ends = [Int](), roles = [Roles?]()
        var k = start
        while k < toks.count, titles.count < 24, isTitleLike(toks[k]) {
            // the form's information ("项目名称 某某项目") comes before its column titles
            // nor is the form's name ("某某项目支出绩效自评表") one of them
            let text = CellText.compact(toks[k])
            if words.informationKeys.contains(text) || words.tableNameEndings.isSuffix(of: text) { return nil }
            // "项目资金 (万元)": a bracketed unit belongs to the title before it
            if isBracketed(toks[k]), !titles.isEmpty {
                titles[titles.count - 1].append(toks[k])
                ends[ends.count - 1] = k + 1
            } else {
                guard let r = role(k) else { break }
                titles.append(toks[k])
                ends.append(k + 1)
                roles.append(r)
            }
            k += 1
        }
        var count = titles.count
        while count >= 3 {
            defer { count -= 1 }
            guard let shape = classify(Array(roles.prefix(count))) else { continue }
            var header = Header(titles: Array(titles.prefix(count)), classes: shape.classes, labelCount: shape.labelCount,
                                middle: shape.middle, firstLine: line.number, lastLine: line.number, end: 0)
            var rows = [RawRow]()
            var j = ends[count - 1]
            while j < toks.count, let end = rowEnd(toks, from: j, header: header, words: words),
                  let cells = fit(Array(toks[j..<end]), header: &header, firstRow: rows.isEmpty, words: words) {
                rows.append(RawRow(cells: cells, firstLine: line.number, lastLine: line.number))
                j = end
            }
            guard !rows.isEmpty else { continue }
            let headerRow = RawRow(cells: header.titles.enumerated().map { RawCell(text: $0.element, column: $0.offset) },
                                   firstLine: line.number, lastLine: line.number)
            return ([headerRow] + rows, j)
        }
        return nil
    }

    /// Where the row starting at token `from` ends: after the numbers of the header's last number
    /// columns, with room before them for the values and at least one name.
    static func rowEnd(_ toks: [TextRun], from j: Int, header: Header, words: StructureWords) -> Int? {
        var trailing = [NumberKind]()
        for c in header.middle.reversed() {
            guard case .number(let kind) = header.classes[c] else { break }
            trailing.insert(kind, at: 0)
        }
        let values = header.middle.count - trailing.count
        let most = j + header.labelCount + 1 + values
        func numbersAt(_ p: Int) -> Bool {
            p + trailing.count <= toks.count && trailing.indices.allSatisfy { fits(toks[p + $0], trailing[$0], words: words) }
        }
        // a total row: its name, then numbers
        if CellText.isTotalLabel(toks[j].string, words: words) || CellText.isScoreTotalLabel(toks[j].string, words: words) {
            var q = j + 1
            while q < toks.count, q - j - 1 < trailing.count, isNumberCell(toks[q], words: words) { q += 1 }
            return q > j + 1 ? q : nil
        }
        if values == 0 {
            // names, then up to a number per column
            let last = min(most, toks.count - 1)
            guard j + 1 <= last, let p = (j + 1...last).first(where: { isNumberCell(toks[$0], words: words) }) else { return nil }
            var q = p
            while q < toks.count, q - p < header.middle.count, isNumberCell(toks[q], words: words) { q += 1 }
            return q
        }
        var p = j + values + 1
        while p <= most, !numbersAt(p) { p += 1 }
        guard p <= most else { return nil }
        // "50 8 8": the last run of numbers that fits, the figure before it a value
        while p + 1 <= most, numbersAt(p + 1) { p += 1 }
        return p + trailing.count
    }

    // MARK: header

    /// The line at `start` as a header: known titles, in the order names, values and numbers, notes.
    /// A title the export wrapped ("年度" ⏎ "指标值") is completed from the next line when that line
    /// holds exactly the missing parts.
    /// `numbersBelow`: rows of a name and figures alone follow (`numberRowsFollow`); a title naming no
    /// role after the first is a column of counts.
    static func header(_ toks: [TextRun], lines: [NormalizedLine], at start: Int, document: Document, words: StructureWords,
                       joinNext: Bool = true, numbersBelow: Bool = false) -> Header? {
        guard toks.count >= 3, toks.count <= 24 else { return nil }
        for t in toks where t.count > 16 || CellText.isNumeric(t) || t.scalars.contains(where: isClauseMark) { return nil }
        var titles = toks
        var roles = titles.map { roleClass($0.string, words: words) }
        if numbersBelow { for k in roles.indices.dropFirst() where roles[k] == nil { roles[k] = Roles(number: true, count: true) } }
        var lastLine = lines[start].number
        var end = start + 1
        let unknown = roles.indices.filter { roles[$0] == nil }
        // a wrapped title completes a header that is one already: most of its titles known
        guard toks.count - unknown.count >= 3 else { return nil }
        if joinNext, !unknown.isEmpty, unknown.count * 2 < toks.count, start + 1 < lines.count, lines[start + 1].artifact == nil,
           let next = tokens(lines[start + 1], document: document, words: words), next.count == unknown.count,
           next.allSatisfy({ !CellText.isNumeric($0) && $0.count <= 12 && !$0.scalars.contains(where: isClauseMark) }) {
            var joined = titles
            for (k, index) in unknown.enumerated() { joined[index].append(next[k]) }
            let joinedRoles = joined.map { roleClass($0.string, words: words) }
            if unknown.allSatisfy({ joinedRoles[$0] != nil }) {
                titles = joined
                roles = joinedRoles
                lastLine = lines[start + 1].number
                end = start + 2
            }
        }
        if var shape = classify(roles) {
            // ("乡镇  城镇  农村  小计  发放金额" ⏎ "城关镇  78  41  119  142.56": titles naming no role, read as
            // names, over a first row naming fewer things and numbers under them, title numbers)
            if shape.labelCount > 1, end < lines.count, lines[end].artifact == nil,
               let row = tokens(lines[end], document: document, words: words), row.count == titles.count {
                let names = row.prefix { !isNumberCell($0, words: words) }.count
                if names >= 1, names < shape.labelCount, (names..<shape.labelCount).allSatisfy({ roles[$0] == nil }),
                   row[names...].allSatisfy({ isNumberCell($0, words: words) }) {
                    for c in names..<shape.labelCount { shape.classes[c] = .number(.count) }
                    shape.middle = names..<shape.middle.upperBound
                    shape.labelCount = names
                }
            }
            return Header(titles: titles, classes: shape.classes, labelCount: shape.labelCount, middle: shape.middle,
                          firstLine: lines[start].number, lastLine: lastLine, end: end)
        }
        guard let shape = classifyInterleaved(roles) else { return nil }
        var header = Header(titles: titles, classes: shape.classes, labelCount: shape.labelCount, middle: shape.middle,
                            firstLine: lines[start].number, lastLine: lastLine, end: end)
        header.interleaved = true
        return header
    }

    /// Two levels side by side: a name, its weight (a number title), a name again, then only numbers
    /// and notes ("一级指标  分值  二级指标  分值  得分  扣分").
    /// ("一级指标  分值  得分  二级指标  分值  得分": the first level's weight and its score, then the second's)
    static func classifyInterleaved(_ roles: [Roles?]) -> (classes: [ColumnClass], labelCount: Int, middle: Range<Int>)? {
        guard roles.count >= 5 else { return nil }
        // the first level's points: a weight, and its score perhaps
        var k = 1
        while k < min(roles.count, 3), let r = roles[k], r.number, !r.name, !r.rate, !r.amount { k += 1 }
        guard k > 1, k + 2 < roles.count, let inner = roles[k], inner.name, !inner.number else { return nil }
        guard let rest = classify([Roles(name: true)] + Array(roles[(k + 1)...])), rest.labelCount == 1 else { return nil }
        let classes: [ColumnClass] = [.label] + Array(repeating: .number(.points), count: k - 1) + [.label] + rest.classes.dropFirst()
        return (classes, 1, 1..<(rest.middle.upperBound + k))
    }

    /// The columns' classes from their titles' roles: names (the first title, then titles naming
    /// items or naming nothing known), then values and numbers, then notes; nil when the titles
    /// are not in that order, know fewer than three roles or hold no number.
    static func classify(_ roles: [Roles?]) -> (classes: [ColumnClass], labelCount: Int, middle: Range<Int>)? {
        guard roles.filter({ $0 != nil }).count >= 3 else { return nil }
        var classes = [ColumnClass]()
        var k = 1
        classes.append(.label)
        while k < roles.count, roles[k] == nil || roles[k]!.name { classes.append(.label); k += 1 }
        let middleStart = k
        while k < roles.count, let r = roles[k], r.value || r.number || (!r.note && !r.name) {
            classes.append(r.value ? .value : (r.number ? .number(r.rate ? .rate : (r.amount ? .amount : (r.perUnit ? .perUnit : (r.count ? .count : .points)))) : .value))
            k += 1
        }
        while k < roles.count, k > middleStart, roles[k] == nil || roles[k]!.note {
            classes.append(.note)
            k += 1
        }
        guard k == roles.count, middleStart < roles.count else { return nil }
        let middle = middleStart..<(classes.lastIndex { $0 != .note }! + 1)
        guard !middle.isEmpty, middle.contains(where: { if case .number = classes[$0] { return true } else { return false } }) else { return nil }
        return (classes, middleStart, middle)
    }

    struct Roles { var name = false, value = false, number = false, rate = false, amount = false, perUnit = false, count = false, note = false }

    /// The classes of columns a title names (tables.toml roles); nil when it names none.
    static func roleClass(_ title: String, words: StructureWords) -> Roles? {
        // "科目名称  合计  基本支出  项目支出": a column of the row's total is a number column
        if CellText.isTotalLabel(title, words: words) { return Roles(number: true, amount: true) }
        let s = ScalarString.scalars(title)
        // most words of prose hold no column word at all: one lookup, not one per rule
        guard words.columnWords.firstMatch(in: s) != nil else { return nil }
        var r = Roles()
        for rule in words.columnRules where rule.matches(s) {
            switch rule.role {
            case .name: r.name = true
            case .target, .actual, .status: r.value = true
            case .rate: r.rate = true; r.number = true
            case .money: r.amount = true; r.number = true
            case .weight, .score, .deduction: r.number = true
            case .standard: r.number = true; r.perUnit = true
            case .note, .text: r.note = true
            // ("车辆数（辆）": a count of the row's item, a number like a point; not a target's cell, "培训人次≥200人次")
            // ("2025年（件）": a year's count, its year no target)
            case .quantity: if !s[leadingYearLength(s)...].contains(where: CharClass.isDigit) { r.number = true; r.count = true }
            // (what a total row adds up; no class of column of its own for the scan)
            case .share: break
            case .change: r.number = true; r.amount = true
            }
        }
        return r.name || r.value || r.number || r.note ? r : nil
    }

    /// "2025年", "2024年度": the year a title opens with (0 when none).
    static func leadingYearLength(_ s: [Unicode.Scalar]) -> Int {
        guard s.count >= 5, (0..<4).allSatisfy({ CharClass.isDigit(s[$0]) }), s[4] == "年" else { return 0 }
        return s.count > 5 && s[5] == "度" ? 6 : 5
    }

    static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
        s == "。" || s == "，" || s == "；" || s == "," || s == ";" || s == "！" || s == "？"
    }

    // MARK: rows

    /// A short name with no sentence in it.
    static func isName(_ t: TextRun) -> Bool {
        t.count <= 40 && !t.scalars.contains { $0 == "。" || $0 == "；" || $0 == ";" }
    }

    static func isNumberCell(_ t: TextRun, words: StructureWords) -> Bool {
        CellText.isNumeric(t) || words.emptyCellMarks.contains(CellText.compact(t))
    }

    /// A cell a number column can hold: a plain figure (a point or an amount), a rate also with
    /// its percent sign; never a target's comparator or a count's unit.
    static func fits(_ t: TextRun, _ kind: NumberKind, words: StructureWords) -> Bool {
        if words.emptyCellMarks.contains(CellText.compact(t)) { return true }
        guard let first = t.scalars.first, CharClass.isDigit(first) || first == "-" else { return false }
        var k = first == "-" ? 1 : 0
        while k < t.count && (CharClass.isDigit(t.scalars[k]) || t.scalars[k] == ".") { k += 1 }
        // ("210元/吨", "1,800元/人·月": a standard with its unit per thing)
        if kind == .perUnit && k > 0 && k < t.count {
            let unit = words.moneyUnits.prefixLength(t.scalars, at: k)
            let per = k + unit + 1
            if unit > 0 && per < t.count && t.count - per <= 4 && (t.scalars[per - 1] == "/" || t.scalars[per - 1] == "／")
                && t.scalars[per...].allSatisfy({ CharClass.isHan($0) || $0 == "·" }) { return true }
        }
        guard CellText.isNumeric(t) else { return false }
        if k == t.count { return true }
        // ("1,209户", "18个村": a count with its measure word)
        if kind == .count { return t.count - k <= 3 && t.scalars[k...].allSatisfy(CharClass.isHan) }
        return kind == .rate && k == t.count - 1 && (t.scalars[k] == "%" || t.scalars[k] == "‰")
    }

    /// The cells of a row's tokens, placed in the header's columns; nil when they do not fit.
    static func fit(_ toks: [TextRun], header: inout Header, firstRow: Bool, words: StructureWords) -> [RawCell]? {
        guard !toks.isEmpty else { return nil }
        var cells = [RawCell]()
        var hi = toks.count
        // notes at the right: the words after the last number, when the numbers end the middle
        let notes = header.classes.count - header.middle.upperBound
        if notes > 0, header.isNumber(header.middle.upperBound - 1) {
            var k = hi
            while k > 0 && !isNumberCell(toks[k - 1], words: words) { k -= 1 }
            // ("监督抽检批次 ≥1,200批次 1,268批次 10 10 —" under "… 分值 得分 偏差原因分析": an empty mark
            // after a figure stands in the notes, not in the points column, which has its figure)
            if k == hi, hi >= 2, words.emptyCellMarks.contains(CellText.compact(toks[hi - 1])),
               CellText.isNumeric(toks[hi - 2]), !words.emptyCellMarks.contains(CellText.compact(toks[hi - 2])) {
                k = hi - 1
            }
            if k > 0 && k < hi && hi - k <= notes {
                for (n, t) in toks[k..<hi].enumerated() { cells.append(RawCell(text: t, column: header.middle.upperBound + n)) }
                hi = k
            }
        }
        // the middle, from the right
        var placed = [RawCell]()
        var column = header.middle.upperBound - 1
        // ("D级小计    97    3,352,000" under "改造户数 | 每户补助标准 | 补助资金": a total row with fewer figures
        // than columns leaves the amount per thing blank)
        let skipsPerUnit = CellText.isTotalLabel(toks[0].string, words: words)
            && toks[..<hi].filter({ isNumberCell($0, words: words) }).count < header.middle.count
        while column >= header.middle.lowerBound && hi > 1 {
            if skipsPerUnit, header.classes[column] == .number(.perUnit) {
                column -= 1
                continue
            }
            let t = toks[hi - 1]
            if case .number(let kind) = header.classes[column], !fits(t, kind, words: words) { break }
            placed.append(RawCell(text: t, column: column))
            hi -= 1
            column -= 1
        }
        if column >= header.middle.lowerBound {
            return partialFit(toks, header: header, words: words)
        }
        // what is left names the row
        var names = Array(toks[..<hi])
        // "(万元) 年度资金总额" under "项目资金": the unit belongs to the first title
        var lead: TextRun?
        if firstRow, names.count > header.labelCount, let first = names.first, isBracketed(first) {
            lead = first
            names.removeFirst()
        }
        guard !names.isEmpty, names.count <= header.labelCount + 1, names.allSatisfy(isName) else { return nil }
        if let lead { header.titles[0].append(lead) }
        // ("合计    2,048.37    100.00%" under "建设内容 实施数量 支出金额 占比": a total names the whole row, from
        // its first column; right-aligned it would stand under 实施数量 and borrow the name above)
        if names.count == 1, header.labelCount > 1, CellText.isTotalLabel(names[0].string, words: words) {
            return [RawCell(text: names[0], column: 0)] + placed.reversed() + cells
        }
        return labelCells(names, header: header) + placed.reversed() + cells
    }

    /// The cells of a line with the display columns [lo, hi) each covers on its source line (a wide
    /// character counts two).
    static func displayColumns(_ line: NormalizedLine, document: Document, words: StructureWords) -> [(run: TextRun, lo: Int, hi: Int)]? {
        guard let spans = spans(line, document: document, words: words) else { return nil }
        let source = Array(document.lines[line.sourceIndex].text.unicodeScalars)
        var prefix = [Int](repeating: 0, count: source.count + 1)
        for (k, c) in source.enumerated() { prefix[k + 1] = prefix[k] + DisplayWidth.of(c) }
        var out = [(run: TextRun, lo: Int, hi: Int)]()
        for span in spans {
            guard span.range.upperBound <= line.columns.count, !span.range.isEmpty else { return nil }
            let a = Int(line.columns[span.range.lowerBound]) - 1, b = Int(line.columns[span.range.upperBound - 1])
            guard a >= 0, b <= source.count, a < b else { return nil }
            out.append((span.run, prefix[a], prefix[b]))
        }
        return out
    }

    /// A row placed by position: each cell in the column whose title it stands under (overlapping
    /// it most, or within two columns of it), one cell to a column, numbers only under number titles
    /// and names only under name titles; nil when any cell fits nowhere.
    static func positionalFit(_ line: NormalizedLine, titles: [(run: TextRun, lo: Int, hi: Int)], header: Header, document: Document,
                              words: StructureWords) -> [RawCell]? {
        guard let cells = displayColumns(line, document: document, words: words), cells.count >= 2 else { return nil }
        var taken = [Int: TextRun]()
        for cell in cells {
            var best: (column: Int, score: Int)?
            for (c, t) in titles.enumerated() {
                let overlap = min(cell.hi, t.hi) - max(cell.lo, t.lo)
                let score = overlap > 0 ? overlap : (overlap >= -2 ? overlap - 1 : Int.min)
                guard score != Int.min else { continue }
                if best == nil || score > best!.score { best = (c, score) }
            }
            guard let c = best?.column, taken[c] == nil else { return nil }
            switch header.classes[c] {
            case .number(let kind): guard fits(cell.run, kind, words: words) else { return nil }
            case .label: guard isName(cell.run) || CellText.isNumeric(cell.run) else { return nil }
            case .value, .note: break
            }
            taken[c] = cell.run
        }
        // a row needs a name and a number
        // (under any name title: a second level's row of a two-level sheet names itself in the middle)
        guard taken.keys.contains(where: { header.classes[$0] == .label }), taken.keys.contains(where: header.isNumber) else { return nil }
        return taken.keys.sorted().map { RawCell(text: taken[$0]!, column: $0) }
    }

    /// A row with fewer numbers than the columns: a total row ("总分 100 92") puts them in the last
    /// number columns; a row of a table of numbers only whose merged cells the export dropped
    /// ("其中：财政拨款 90 89.5 89.5" under six number columns) fills them from the left.
    static func partialFit(_ toks: [TextRun], header: Header, words: StructureWords) -> [RawCell]? {
        guard let firstNumber = toks.firstIndex(where: { CellText.isNumeric($0) }), firstNumber >= 1 else { return nil }
        let numbers = toks[firstNumber...]
        guard numbers.allSatisfy({ isNumberCell($0, words: words) }) else { return nil }
        let names = Array(toks[..<firstNumber])
        guard names.count <= header.labelCount + 1, names.allSatisfy(isName) else { return nil }
        let label = names.first!.string
        if names.count == 1, CellText.isTotalLabel(label, words: words) || CellText.isScoreTotalLabel(label, words: words) {
            let columns = header.middle.filter { header.isNumber($0) }
            guard numbers.count <= columns.count,
                  !columns.dropLast(numbers.count).contains(where: { header.classes[$0] == .number(.amount) }) else { return nil }
            let targets = columns.suffix(numbers.count)
            for (t, c) in zip(numbers, targets) {
                guard case .number(let kind) = header.classes[c], fits(t, kind, words: words) else { return nil }
            }
            return [RawCell(text: names[0], column: 0)] + zip(numbers, targets).map { RawCell(text: $0.0, column: $0.1) }
        }
        // only the form's merged points and rates may be missing: an amount missing from a row of
        // amounts leaves no telling which column the others are in
        guard !header.hasValues, numbers.count < header.middle.count,
              !header.middle.dropFirst(numbers.count).contains(where: { header.classes[$0] == .number(.amount) }) else { return nil }
        for (k, t) in numbers.enumerated() {
            guard case .number(let kind) = header.classes[header.middle.lowerBound + k], fits(t, kind, words: words) else { return nil }
        }
        return labelCells(names, header: header) + numbers.enumerated().map { RawCell(text: $0.element, column: header.middle.lowerBound + $0.offset) }
    }

    /// Names right-aligned in the name columns, the columns on their left empty (merged cells the
    /// rows above fill); more names than columns share the first one.
    static func labelCells(_ names: [TextRun], header: Header) -> [RawCell] {
        var names = names
        while names.count > header.labelCount, names.count >= 2 {
            var joined = names[0]
            if let p = joined.positions.last { joined.append(" ", at: p) }
            joined.append(names[1])
            names.replaceSubrange(0...1, with: [joined])
        }
        let offset = header.labelCount - names.count
        var cells = (0..<offset).map { RawCell(text: TextRun(), column: $0) }
        for (k, t) in names.enumerated() { cells.append(RawCell(text: t, column: offset + k)) }
        return cells
    }

    static func isBracketed(_ t: TextRun) -> Bool {
        guard let a = t.scalars.first, let b = t.scalars.last, t.count >= 3 else { return false }
        return (a == "(" || a == "（") && (b == ")" || b == "）")
    }

    // MARK: tokens

    /// Titles, none a figure, over two lines at least that each hold a name and then figures alone,
    /// as many cells as titles.
    static func numberRowsFollow(_ titles: [TextRun], lines: [NormalizedLine], at start: Int, document: Document, words: StructureWords) -> Bool {
        guard !titles.contains(where: { isNumberCell($0, words: words) }) else { return false }
        var rows = 0
        var j = start + 1
        while j < lines.count, rows < 2 {
            let line = lines[j]
            guard line.artifact == nil, !line.isBlank, let cells = tokens(line, document: document, words: words), cells.count == titles.count,
                  !isNumberCell(cells[0], words: words), cells.dropFirst().allSatisfy({ isNumberCell($0, words: words) }) else { return false }
            rows += 1
            j += 1
        }
        return rows == 2
    }

    /// Whether the line holds the words of at least three column titles (a header needs three).
    static func mentionsColumns(_ line: NormalizedLine, words: StructureWords) -> Bool {
        var found = 0
        var k = 0
        while found < 3, let m = words.columnWords.firstMatch(in: line.scalars, from: k) {
            found += 1
            k = m.start + max(1, m.length)
        }
        // ("乡镇  城镇  农村  小计  发放金额": a total's column is a column too)
        k = 0
        while found < 3, let m = words.totalLabels.firstMatch(in: line.scalars, from: k) {
            found += 1
            k = m.start + max(1, m.length)
        }
        return found >= 3
    }

    /// Whether the text has at least `n` runs of spaces between non-spaces (no allocation: most
    /// lines are prose and fail here).
    static func gaps(_ text: String, atLeast n: Int) -> Bool {
        var counter = GapCounter(needed: n)
        // asked of every line: a native string's bytes are read, not its scalar view
        if let found = text.utf8.withContiguousStorageIfAvailable({ b -> Bool in
            var i = 0
            while i < b.count {
                let (s, width) = ScalarString.scalar(inUTF8: b, at: i)
                i += width
                if counter.add(s) { return true }
            }
            return false
        }) { return found }
        for s in text.unicodeScalars where counter.add(s) { return true }
        return false
    }

    /// Counts the runs of spaces between text, one scalar at a time.
    struct GapCounter {
        let needed: Int
        var count = 0, seenText = false, inGap = false

        /// True once `needed` gaps are seen.
        mutating func add(_ s: Unicode.Scalar) -> Bool {
            if CharClass.isInlineSpace(s) {
                if seenText { inGap = true }
                return false
            }
            if inGap { count += 1 }
            inGap = false
            seenText = true
            return count >= needed
        }
    }

    /// The cells of a line: the runs between spaces of the source line, as normalized text. Nil for
    /// a line a flattened table cannot hold (tabs or bars: other scanners read those; a structured
    /// format's table row).
    static func tokens(_ line: NormalizedLine, document: Document, words: StructureWords) -> [TextRun]? {
        spans(line, document: document, words: words)?.map(\.run)
    }

    /// The cells of a line with the range of normalized scalars each covers.
    static func spans(_ line: NormalizedLine, document: Document, words: StructureWords) -> [Span]? {
        let source = document.lines[line.sourceIndex]
        guard source.tableRow == nil, !line.scalars.contains(where: { $0 == "\t" || $0 == "|" }) else { return nil }
        // source ranges (1-based columns, inclusive) between spaces
        var ranges = [(Int32, Int32)]()
        var start: Int32 = 0
        var k: Int32 = 0
        for s in source.text.unicodeScalars {
            k += 1
            if CharClass.isInlineSpace(s) {
                if start > 0 { ranges.append((start, k - 1)); start = 0 }
            } else if start == 0 {
                start = k
            }
        }
        if start > 0 { ranges.append((start, k)) }
        guard !ranges.isEmpty else { return [] }
        // the normalized scalars inside each range (columns increase along the line)
        var out = [Span]()
        var i = 0
        let columns = line.columns
        for (lo, hi) in ranges {
            while i < columns.count && columns[i] < lo { i += 1 }
            var j = i
            while j < columns.count && columns[j] <= hi { j += 1 }
            if j > i {
                let run = TextRun(trimmedLine: line, range: i..<j)
                if !run.isEmpty { out.append(Span(run: run, range: i..<j)) }
            }
            i = j
        }
        return joinLoose(out, words: words)
    }

    struct Span {
        var run: TextRun
        var range: Range<Int>

        mutating func append(_ other: Span) {
            run.append(other.run)
            range = range.lowerBound..<other.range.upperBound
        }
    }

    /// "≥ 95%" and "500 人次": a comparator or a unit written apart is one cell with its number.
    static func joinLoose(_ toks: [Span], words: StructureWords) -> [Span] {
        var out = [Span]()
        var carry: Span?
        for t in toks {
            var t = t
            if let c = carry { var joined = c; joined.append(t); t = joined; carry = nil }
            if t.run.scalars.allSatisfy({ "≥≤<>=＞＜≧≦".unicodeScalars.contains($0) }) { carry = t; continue }
            if let last = out.last?.run, let end = last.scalars.last, CharClass.isDigit(end) || end == "%",
               CellText.isNumeric(last), words.cellUnits.contains(t.run.string) || t.run.string == "%" {
                out[out.count - 1].append(t)
                continue
            }
            out.append(t)
        }
        if let c = carry { out.append(c) }
        return out
    }
}

extension NormalizedLine {
    /// The whole line as text with positions, trimmed.
    var trimmedRun: TextRun { TextRun(trimmedLine: self) }
}
