import Testing
import JXCore
import JXLoad
@testable import JXNormalize
@testable import JXStructure

/// The cheaper cell tests agree with the plain ones they replaced.
@Suite("Structurer: fast paths agree with the plain tests")
struct FastPathTests {
    /// Cell texts of every shape the tests tell apart: numbers with signs, units and spaces, years,
    /// unit captions, white space only, labels.
    static let texts = [
        "", " ", "\u{3000}\t", "33463.78", " 33463.78 ", "≥95%", "-1947.96", "5 次", "5次", "19.94", "2021年",
        "2021-05", "1 234", "约 3 个", "合计", "单位：万元", "单位: 元", " 金额单位：万元 ", "（单位：万元）",
        "项目名称", "1.完成情况", "2023年项目资金执行情况表", "12345678901234567890123", "e\u{301}5", "5e\u{301}",
        "100%", "≤ 5", "- 3", "单位：万元 合计", "3 5", "\n", "95分", "1万元",
        "约5", "~3", "±0.5", "+12.3%", "≥≤1", "-", "--1", "-.5", ".5", "5.", "1-2", "2021-", "1234年", "12345年", "5 个 人 次",
        "5个人次多", "5e\u{301}\u{301}", "3\u{301}", "≥", "一", "a1", "（1）", "1。", "0", " - 1 ", "１２",
    ]

    /// The test as it was: every filled cell's string made, units filtered then removed.
    static func plainIsCaption(_ row: TableRow, raw: RawRow, columnCount: Int) -> Bool {
        guard columnCount >= 2 else { return false }
        var filled = row.cells.filter { !$0.text.trimmed().isEmpty }
        let units = filled.filter { UnitHints.tableUnit($0.string, words: .standard) != nil && $0.text.count <= 20 }
        if !units.isEmpty {
            filled.removeAll { UnitHints.tableUnit($0.string, words: .standard) != nil && $0.text.count <= 20 }
            if filled.isEmpty { return true }
        }
        guard filled.count == 1, let cell = filled.first else { return false }
        if !units.isEmpty { return !plainIsNumeric(cell.text) }
        if plainIsNumeric(cell.text) { return false }
        if cell.span >= columnCount { return true }
        if raw.cells.count == 1 { return true }
        let text = cell.text.scalars
        let year = text.count > 4 && text.prefix(4).allSatisfy(CharClass.isDigit) && text[4] == "年"
        return cell.column == 0 && text.count <= 30 && (!(text.first.map(CharClass.isDigit) ?? false) || year)
    }

    /// `CellText.isNumeric` as it was: on a copy without white space, always made.
    static func plainIsNumeric(_ cellText: TextRun) -> Bool {
        let s = cellText.scalars.filter { !CharClass.isWhitespace($0) }
        var i = 0
        while i < s.count && TableBuilder.isValuePrefix(s[i]) { i += 1 }
        if i < s.count && s[i] == "-" && i + 1 < s.count && CharClass.isDigit(s[i + 1]) { i += 1 }
        let digitsStart = i
        while i < s.count && (CharClass.isDigit(s[i]) || s[i] == ".") { i += 1 }
        guard i > digitsStart, CharClass.isDigit(s[digitsStart]) else { return false }
        let rest = s[i...]
        if rest.isEmpty { return true }
        // a list number before a name ("2.利息收入")
        if s[i - 1] == "." && !CharClass.isDigit(s[i]) && i - digitsStart >= 2 && !s[digitsStart..<(i - 1)].contains(".") { return false }
        let tail = ScalarString.make(rest)
        if i - digitsStart == 4 && (tail.hasPrefix("年") || tail.hasPrefix("-")) { return false }
        if tail.count > 4 { return false }
        return !tail.unicodeScalars.contains(where: CharClass.isDigit)
    }

    @Test func emptinessAndNumbers() {
        for text in Self.texts {
            let cell = TableCell(text: run(text), column: 0, span: 1, inherited: false, place: nil)
            #expect(cell.isEmpty == cell.text.trimmed().isEmpty, "\(text)")
            #expect(CellText.isNumeric(cell.text) == Self.plainIsNumeric(cell.text), "\(text)")
            #expect(UnitHints.tableUnit(cell.text.scalars, words: .standard) == UnitHints.tableUnit(text, words: .standard), "\(text)")
        }
    }

    /// A caption listing the columns' units one by one names the table's money unit only when it lists
    /// one alone: "元/人·月" is a standard's unit, and two money units leave it open.
    @Test func listedUnitCaptions() {
        for (text, unit) in [("单位：万元", "万元"), ("单位：万元、%", "万元"), ("单位：元/人·月、人、人次、万元、%", "万元"),
                             ("单位：元、万元、%", nil), ("单位：元/吨、吨", nil), ("（单位：元）", "元")] as [(String, String?)] {
            #expect(UnitHints.tableUnit(text, words: .standard) == unit, "\(text)")
        }
    }

    /// "2.利息收入" is a row's numbered name, not 2 with a unit of four characters; "2.5万元" and
    /// "12万元" stay figures.
    @Test func aListNumberBeforeANameIsNoFigure() {
        for (text, numeric) in [("2.利息收入", false), ("12.其他", false), ("2.5万元", true), ("12万元", true), ("3.", true), ("1.2.3", true), ("100.00%", true)] {
            #expect(CellText.isNumeric(run(text)) == numeric, "\(text)")
        }
    }

    @Test func captionRows() {
        // rows of one to three cells over the sample texts, some spanning, some after a gap
        let texts = Self.texts
        for a in texts.indices {
            for b in texts.indices where (a * 7 + b) % 3 == 0 {
                for shape in 0..<4 {
                    var cells = [TableCell(text: run(texts[a]), column: 0, span: shape == 1 ? 3 : 1, inherited: false, place: nil)]
                    if shape != 1 { cells.append(TableCell(text: run(texts[b]), column: 1, span: 1, inherited: false, place: nil)) }
                    if shape == 3 { cells.append(TableCell(text: run(texts[(a + b) % texts.count]), column: 2, span: 1, inherited: false, place: nil)) }
                    let row = TableRow(kind: .data, cells: cells, segment: 0, line: 1, lastLine: 1)
                    let raw = RawRow(cells: cells.map { RawCell(text: $0.text, column: $0.column, span: $0.span) }, firstLine: 1, lastLine: 1)
                    for columns in [1, 2, 3] {
                        #expect(TableBuilder.isCaption(row, raw: raw, columnCount: columns, words: .standard) == Self.plainIsCaption(row, raw: raw, columnCount: columns),
                                "\(cells.map(\.string)) \(columns)")
                    }
                }
            }
        }
    }

    /// A normalized line of a text, its columns 1, 3, 5… (not the scalar indices).
    static func line(_ text: String) -> NormalizedLine {
        let scalars = Array(text.unicodeScalars)
        return NormalizedLine(sourceIndex: 0, number: 7, scalars: scalars, columns: scalars.indices.map { Int32(2 * $0 + 1) })
    }

    static let lines = [
        "", "\t", " \t ", "项目\t预算数\t执行数", "\t基本支出", "基本支出\t", " 1,234.50 \t\u{3000}\t", "\t\t", "a\t \tb",
        "\u{3000}合计\u{3000}", " \u{A0}\r\n", "单位：万元\t\t", "\u{2002}\t\u{2002}",
    ]

    @Test func trimmedLineRuns() {
        for text in Self.lines {
            let line = Self.line(text)
            let n = line.scalars.count
            for lo in 0...n {
                for hi in lo...n {
                    // the run of a range: its scalars, each at its line and original column
                    let whole = TextRun(line: line, range: lo..<hi)
                    #expect(whole.scalars == Array(line.scalars[lo..<hi]))
                    #expect(whole.positions == (lo..<hi).map { SourcePosition(line: 7, column: 2 * $0 + 1) })
                    let plain = whole.trimmed()
                    let direct = TextRun(trimmedLine: line, range: lo..<hi)
                    #expect(plain.scalars == direct.scalars && plain.positions == direct.positions, "\(text) \(lo)..<\(hi)")
                }
            }
            let whole = TextRun(trimmedLine: line), plain = TextRun(line: line).trimmed()
            #expect(whole.scalars == plain.scalars && whole.positions == plain.positions)
        }
    }

    @Test func filledTabCells() {
        for text in Self.lines + Self.texts {
            let line = Self.line(text)
            #expect(TableScanner.filledTabCellCount(line) == TableScanner.tabCells(line).filter { !$0.isEmpty }.count, "\(text)")
        }
    }

    @Test func rowEndBars() {
        for text in Self.lines + Self.texts + ["|", " | ", "\u{3000}|\u{A0}", "||", "| |", "|a", "\t|", "项 目 |", ""] {
            let line = Self.line(text)
            #expect(TableScanner.isRowEndBar(line) == (line.scalars.filter { !CharClass.isInlineSpace($0) } == ["|"]), "\(text)")
        }
    }

    @Test func keywordCellCounts() {
        let words = StructureWords.standard
        // header words, long texts around them, combining marks that make fewer characters than scalars
        let extra = ["项目", "预算数", "执行数（万元）", String(repeating: "甲", count: 19) + "项目", String(repeating: "甲", count: 20) + "项目",
                     String(repeating: "e\u{301}", count: 11) + "项目", String(repeating: "e\u{301}", count: 9) + "预算数"]
        let texts = Self.texts + extra
        for a in texts.indices {
            let cells = [texts[a], texts[(a * 5 + 1) % texts.count], texts[(a * 3 + 2) % texts.count]].enumerated().map {
                TableCell(text: run($0.element), column: $0.offset, span: 1, inherited: false, place: nil)
            }
            let row = TableRow(kind: .data, cells: cells, segment: 0, line: 1, lastLine: 1)
            let plain = row.cells.filter { cell in
                let s = cell.string
                return !cell.text.trimmed().isEmpty && s.count <= 20 && words.headerWords.occurs(in: s)
            }.count
            #expect(TableBuilder.keywordCells(row, words: words) == plain, "\(cells.map(\.string))")
        }
    }

    @Test func headerLikeRows() {
        let words = StructureWords.standard
        func plainHeaderLike(_ row: TableRow) -> Bool {
            let filled = row.cells.filter { !$0.text.trimmed().isEmpty }
            guard filled.count >= 2 else { return false }
            if filled.contains(where: { CellText.isNumeric($0.text) }) { return false }
            let average = filled.map(\.text.count).reduce(0, +) / filled.count
            if average > 16 { return false }
            return TableBuilder.keywordCells(row, words: words) >= 1 || filled.allSatisfy { $0.text.count <= 8 }
        }
        func plainStronglyHeaderLike(_ row: TableRow) -> Bool {
            let filled = row.cells.filter { !$0.text.trimmed().isEmpty }
            let keywords = TableBuilder.keywordCells(row, words: words)
            return keywords >= 3 && keywords * 2 >= filled.count && filled.allSatisfy { $0.text.count <= 12 }
        }
        let texts = Self.texts + ["项目", "预算数", "执行数", "年初预算数", "全年执行数", "得分", "指标值", String(repeating: "甲", count: 13) + "项目"]
        var seen = (header: 0, strong: 0)
        for a in texts.indices {
            for width in 1...5 {
                let cells = (0..<width).map { k in
                    TableCell(text: run(texts[(a * (k + 3) + k * k) % texts.count]), column: k, span: 1, inherited: false, place: nil)
                }
                let row = TableRow(kind: .data, cells: cells, segment: 0, line: 1, lastLine: 1)
                let header = TableBuilder.isHeaderLike(row, words: words), strong = TableBuilder.isStronglyHeaderLike(row, words: words)
                #expect(header == plainHeaderLike(row), "\(cells.map(\.string))")
                #expect(strong == plainStronglyHeaderLike(row), "\(cells.map(\.string))")
                if header { seen.header += 1 }
                if strong { seen.strong += 1 }
            }
        }
        #expect(seen.header > 0)
    }

    @Test func wrapWidthOfTabbedAndWrappedText() {
        func plainWrapWidth(_ document: Document) -> Int? {
            guard document.format == .text || document.format == .markdown else { return nil }
            var counts: [Int: Int] = [:]
            var long = 0
            for line in document.lines where !ScalarSearch.foundationContains(line.text, "\t") {
                let n = ScalarString.count(line.text)
                guard n >= 20 else { continue }
                long += 1
                counts[n, default: 0] += 1
            }
            guard let (width, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }),
                  count >= 3, count * 5 >= long else { return nil }
            return width
        }
        let cut = String(repeating: "甲", count: 30)
        let texts = [
            [cut, cut, cut, "短"],
            [cut, cut + "\t乙", cut, cut + "e\u{301}", "项目\t" + cut, cut],
            [cut + "\t", "\t" + cut, cut + "\t", cut],
            ["a\u{301}\t" + cut, cut, cut, cut],
            // two widths as frequent: the wider, whatever the dictionary's order
            [cut, cut, cut, cut + "乙", cut + "乙", cut + "乙"],
        ]
        for lines in texts {
            let document = Document(path: "t.txt", format: .text, encoding: "utf-8",
                                    lines: lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) })
            #expect(Structurer.Builder.wrapWidth(document) == plainWrapWidth(document), "\(lines)")
        }
        let tied = Document(path: "t.txt", format: .text, encoding: "utf-8",
                            lines: (0..<6).map { SourceLine(number: $0 + 1, text: cut + ($0 < 3 ? "" : "乙")) })
        #expect(Structurer.Builder.wrapWidth(tied) == 31)
    }

    @Test func compactTexts() {
        func plainCompact(_ s: String) -> String {
            guard s.unicodeScalars.contains(where: { CharClass.isWhitespace($0) }) else { return s }
            return ScalarString.make(s.unicodeScalars.filter { !CharClass.isWhitespace($0) })
        }
        for text in Self.texts + Self.lines + ["\u{FEFF}项目", "a\u{2009}b\u{202F}c", "\u{2001}", "合 计\u{3000}"] {
            let plain = Array(plainCompact(text).utf8)
            #expect(Array(CellText.compact(text).utf8) == plain, "\(text.debugDescription)")
            #expect(Array(CellText.compact(run(text)).utf8) == plain, "\(text.debugDescription)")
        }
    }

    @Test func lineStarterPrefixOnScalars() {
        let starters = StructureWords.standard.lineStarters
        // each starter, alone, cut short, followed by text, and the sample texts
        var texts = Self.texts
        for word in starters.words {
            texts += [word, word + "甲", String(word.unicodeScalars.dropLast()), "甲" + word, word + "\u{301}"]
        }
        var matched = 0
        for text in texts where !text.isEmpty {
            let onScalars = starters.prefixLength(Array(text.unicodeScalars), at: 0) > 0
            #expect(onScalars == starters.isPrefix(of: text), "\(text.debugDescription)")
            if onScalars { matched += 1 }
        }
        #expect(matched > 0)
    }
}
