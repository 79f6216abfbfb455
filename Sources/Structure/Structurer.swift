import JXCore
import JXLoad
import JXNormalize
import JXRules

/// Builds headings, paragraphs, sentences and tables from normalized lines.
public enum Structurer {
    /// Finds the headings, paragraphs and tables of a normalized document. `words` defaults to the
    /// embedded vocabulary's (tests, callers without a rule set); the pipeline passes its rule set's.
    public static func structure(_ normalized: NormalizedDocument, words: StructureWords = .standard) -> StructuredDocument {
        var builder = Builder(normalized: normalized, words: words)
        builder.run()
        return builder.result()
    }

    struct Builder {
        let words: StructureWords
        var paragraphs = [Paragraph]()
        var tables = [Table]()
        var blocks = [Block]()
        var pending = TextRun()
        var pendingFirstLine = 0
        var pendingLastLine = 0
        /// Blank lines seen since the pending paragraph's last line.
        var blanksSincePending = 0
        var sectionStack = [(rank: Int, paragraph: Int)]()
        /// Clause punctuation and open brackets of `pending`, counted as it grows: a paragraph
        /// wrapped over thousands of lines is scanned once, not once per line.
        var pendingScan = (count: 0, open: 0, punctuated: false)
        /// Lines before these indices are known not to start a one-cell-per-line or a tab-separated
        /// table: a scan that failed over a block fails from every later line of it too.
        var noCellPerLineBefore = 0
        var noTabTableBefore = 0
        var noPipePerLineBefore = 0
        var noLabelValueBefore = 0
        var noColumnLinesBefore = 0

        init(normalized: NormalizedDocument, words: StructureWords) {
            self.document = normalized.document
            self.lines = normalized.lines
            self.words = words
            fullWidth = Builder.wrapWidth(document)
        }

        /// The width a text export hard-wrapped its lines at: the length most of its long lines
        /// share exactly (a fifth of them at least). A line that long was cut, whatever it looks
        /// like ("1.根据《…关于下达" is no heading when the next line goes on with its sentence).
        let fullWidth: Int?
        /// Length of the source line last added to the pending paragraph.
        var pendingLastWidth = 0

        /// Whether the break between two lines cuts a figure and its unit, or falls inside brackets.
        /// "…合计6,5" ⏎ "84.10万元": the index of the comma in `before` when its digits after it and those
        /// opening `after` make one group of three (a thousands separator the line break cut through).
        static func thousandsGroupCut(before: TextRun, after: TextRun) -> Int? {
            var tail = 0
            while tail < 3, tail < before.count, CharClass.isDigit(before.scalars[before.count - 1 - tail]) { tail += 1 }
            guard (1...2).contains(tail), before.count >= tail + 2 else { return nil }
            let comma = before.count - 1 - tail
            guard before.scalars[comma] == "," || before.scalars[comma] == "，", CharClass.isDigit(before.scalars[comma - 1]),
                  after.count >= 3 - tail, after.scalars[0..<(3 - tail)].allSatisfy(CharClass.isDigit),
                  after.count == 3 - tail || !CharClass.isDigit(after.scalars[3 - tail]) else { return nil }
            return comma
        }

        static func cutThrough(_ before: TextRun, _ after: TextRun) -> Bool {
            guard let last = before.scalars.last, let first = after.scalars.first else { return false }
            let figureEnd = CharClass.isDigit(last) || last == "." || "万亿千百".unicodeScalars.contains(last)
            let figureGoesOn = CharClass.isDigit(first) || "元万亿%.".unicodeScalars.contains(first)
            if figureEnd && figureGoesOn { return true }
            var open = 0
            for s in before.scalars {
                if s == "《" || s == "（" || s == "(" || s == "“" { open += 1 }
                if s == "》" || s == "）" || s == ")" || s == "”" { open -= 1 }
            }
            return open > 0
        }

        static func wrapWidth(_ document: Document) -> Int? {
            guard document.format == .text || document.format == .markdown else { return nil }
            var counts: [Int: Int] = [:]
            var long = 0
            for line in document.lines {
                // one pass over the bytes counts the scalars and looks for a tab byte; only a line
                // with one is searched for a tab character
                var text = line.text
                let (n, tabByte) = text.withUTF8 { bytes in
                    var n = 0, tabs = 0
                    for byte in bytes {
                        n &+= byte & 0xC0 != 0x80 ? 1 : 0
                        tabs &+= byte == 9 ? 1 : 0
                    }
                    return (n, tabs > 0)
                }
                if tabByte && ScalarSearch.foundationContains(line.text, "\t") { continue }
                guard n >= 20 else { continue }
                long += 1
                counts[n, default: 0] += 1
            }
            // a tie goes to the wider (the dictionary's order changes from run to run)
            guard let (width, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }),
                  count >= 3, count * 5 >= long else { return nil }
            return width
        }

        /// The document and its lines, stored: read per line, a property computed from the
        /// normalized document copied the whole document (and retained its arrays) each time.
        let document: Document
        let lines: [NormalizedLine]

        mutating func run() {
            var i = 0
            // A sheet's lines are its own; a Word paragraph may be a line of a PDF converted to
            // Word, cut mid-sentence: Word paragraphs join as the lines of a text export do
            let explicitParagraphs = document.format == .xlsx
            while i < lines.count {
                let line = lines[i]
                if line.artifact != nil {
                    // a page number cuts no paragraph: a PDF export breaks a sentence across pages
                    // ("较上年 / — 3 — / 的15,604元增加…"), and the lines join as if the number were not there
                    if line.artifact != .pageNumber { flush() }
                    i += 1
                    continue
                }
                if let found = TableScanner.scanStructured(lines, document: document, from: i) {
                    flush()
                    let origin: Table.Origin = document.format == .xlsx ? .xlsx : .docx
                    var rows = found.rows
                    var end = found.end
                    var source = found.table
                    // the same table continued after a page break: one table, as the text path reads it
                    let leading = TableBuilder.leadingRows(TableBuilder.build(rows: rows, origin: origin, index: 0, words: words))
                    while let next = TableScanner.structuredContinuation(lines, document: document, words: words, after: end, table: source,
                                                                         first: found.rows, leading: leading) {
                        rows += next.rows
                        end = next.end
                        source = next.table
                    }
                    addTable(TableBuilder.build(rows: rows, origin: origin, index: tables.count, words: words))
                    i = end
                    continue
                }
                if let found = TableScanner.scanMarkdown(lines, from: i) {
                    flush()
                    addTable(TableBuilder.build(rows: found.rows, origin: .markdown, index: tables.count, words: words))
                    i = found.end
                    continue
                }
                if let found = TableScanner.scanPipeRows(lines, from: i) {
                    flush()
                    addTable(TableBuilder.build(rows: found.rows, origin: .markdown, index: tables.count, words: words))
                    i = found.end
                    continue
                }
                // a flattened table's line has gaps between its cells: a line with fewer than two
                // (most prose) is passed over by both scanners, and its text is read once, not twice
                let gapped = FlatTableScanner.gaps(document.lines[line.sourceIndex].text, atLeast: 2)
                if gapped, let found = FlatTableScanner.scan(lines, document: document, from: i, words: words) {
                    flush()
                    addTable(TableBuilder.build(rows: found.rows, origin: .spaceSeparated, index: tables.count, words: words))
                    i = found.end
                    continue
                }
                if gapped, let parts = FlatTableScanner.scanInline(line, document: document, words: words) {
                    // a line holding whole tables between its prose: each part in its place
                    flush()
                    let whole = TextRun(line: line)
                    for part in parts {
                        switch part {
                        case .text(let range):
                            let text = whole.slice(range).trimmed()
                            if !text.isEmpty { addParagraph(text, firstLine: line.number, lastLine: line.number, headingLevel: nil) }
                        case .table(let rows):
                            addTable(TableBuilder.build(rows: rows, origin: .spaceSeparated, index: tables.count, words: words))
                        }
                    }
                    i += 1
                    continue
                }
                if i >= noPipePerLineBefore && (TableScanner.isPipeCell(line) || TableScanner.isRowEndBar(line)) {
                    let read = addCellPerLineTable(TableScanner.scanPipePerLine, from: i)
                    if let end = read.end {
                        i = end
                        continue
                    }
                    noPipePerLineBefore = read.scanned
                }
                if i >= noCellPerLineBefore && TableScanner.leadsWithTab(line) && TableScanner.tabCount(line) == 1 {
                    let read = addCellPerLineTable(TableScanner.scanCellPerLine, from: i)
                    if let end = read.end {
                        i = end
                        continue
                    }
                    noCellPerLineBefore = read.scanned
                }
                if i >= noColumnLinesBefore && TableScanner.isLabelLine(line) {
                    let read = addCellPerLineTable(TableScanner.scanColumnLines, from: i)
                    if let end = read.end {
                        i = end
                        continue
                    }
                    noColumnLinesBefore = read.scanned
                }
                if i >= noLabelValueBefore && TableScanner.isLabelLine(line) {
                    let read = addCellPerLineTable(TableScanner.scanLabelValueLines, from: i)
                    if let end = read.end {
                        i = end
                        continue
                    }
                    noLabelValueBefore = read.scanned
                }
                if i >= noTabTableBefore && TableScanner.isTabRow(line) {
                    var scanned = i
                    if let found = TableScanner.scanTabSeparated(lines, from: i, scannedTo: &scanned, words: words) {
                        flush()
                        addTable(TableBuilder.build(rows: found.rows, origin: .tabSeparated, index: tables.count, words: words))
                        i = found.end
                        continue
                    }
                    noTabTableBefore = scanned
                }
                if line.isBlank {
                    if explicitParagraphs { flush() } else if !pending.isEmpty { blanksSincePending += 1 }
                    i += 1
                    continue
                }
                let run = TextRun(trimmedLine: line)
                let headingLevel = document.lines[line.sourceIndex].headingLevel
                if !explicitParagraphs && headingLevel == nil && continuesPending(with: run) {
                    if let p = pending.positions.last, pending.scalars.last.map(CharClass.isASCIILetter) == true,
                       run.scalars.first.map(CharClass.isASCIILetter) == true {
                        pending.append(" ", at: p)
                    }
                    // an item line of a list ends with "。" but the list goes on: read it as "；"
                    if listMode, let end = pending.scalars.last, end == "。" || end == "." {
                        pending.scalars[pending.scalars.count - 1] = "；"
                        if pendingScan.count == pending.count { pendingScan.punctuated = true }
                    }
                    // "调入资金1" ⏎ ",700万元": a figure cut at its thousands separator is one figure again
                    var piece = run
                    if let last = pending.scalars.last, CharClass.isDigit(last), piece.scalars.count >= 4,
                       piece.scalars[0] == "," || piece.scalars[0] == "，",
                       piece.scalars[1...3].allSatisfy(CharClass.isDigit), piece.scalars.count == 4 || !CharClass.isDigit(piece.scalars[4]) {
                        piece = piece.slice(1..<piece.scalars.count)
                    }
                    // "本年收入合计6,5" ⏎ "84.10万元": a figure cut inside a group of its thousands is one figure again
                    // (the comma, which the line alone did not show to be a separator, goes)
                    if let comma = Builder.thousandsGroupCut(before: pending, after: piece) {
                        pending.scalars.remove(at: comma)
                        pending.positions.remove(at: comma)
                    }
                    pending.append(piece)
                    pendingLastLine = line.number
                    pendingLastWidth = ScalarString.count(document.lines[line.sourceIndex].text)
                    blanksSincePending = 0
                } else {
                    flush()
                    listMode = false
                    pending = run
                    pendingScan = (0, 0, false)
                    pendingFirstLine = line.number
                    pendingLastLine = line.number
                    pendingLastWidth = ScalarString.count(document.lines[line.sourceIndex].text)
                    blanksSincePending = 0
                    if explicitParagraphs || headingLevel != nil {
                        flush(headingLevel: headingLevel)
                    }
                }
                i += 1
            }
            flush()
        }

        /// Lines listing the items announced by "其中：" at the end of the line before.
        var listMode = false


        /// A wrapped line (PDF export, page break) continues the paragraph before it when that one
        /// ends mid-sentence and the new line does not start a heading; and the item lines after a
        /// line ending in "其中：" join it, so the list and its whole are read together.
        mutating func continuesPending(with run: TextRun) -> Bool {
            guard let last = pending.scalars.last, !run.isEmpty else { return false }
            // the end of the pending text is enough for its suffix tests (the openers are short),
            // made only when the tests before it pass
            if blanksSincePending == 0 && HeadingDetector.detect(run, words: words) == nil && run.scalars.contains(where: CharClass.isDigit)
                && (listMode || words.lineListOpeners.isSuffix(of: pending.string(max(0, pending.count - 8)..<pending.count))) {
                listMode = true
                return true
            }
            listMode = false
            if blanksSincePending > 2 { return false }
            // ("本年收入合计6,5" ⏎ "84.10万元": a figure cut inside a group of its thousands goes on, however short the line)
            if blanksSincePending == 0, Builder.thousandsGroupCut(before: pending, after: run) != nil { return true }
            if pending.count < 20 { return false }
            // an export may cut a line right after a semicolon ("其中：…49.93万元；" / "用于组织开展…10.00万元。"):
            // the next line goes on with the text when it opens no item of its own (no heading, enumerator
            // or line starter) and the cut line was of the export's full width, or the next line holds a
            // figure and the text so far opened a list ("其中：", "其中，", semicolon_list_openers) whose items ；separates
            if last == "；" || last == ";" {
                guard blanksSincePending == 0, HeadingDetector.detect(run, words: words) == nil, !opensWithLineStarter(run),
                      HeadingDetector.enumerator(run.scalars, at: 0) == nil else { return false }
                if fullWidth.map({ pendingLastWidth >= $0 }) == true { return true }
                return run.scalars.contains(where: CharClass.isDigit) && words.semicolonListOpeners.occurs(in: pending.string)
            }
            let enders = ScalarSets.lineEnders
            // ("…增长16.06%。按改造类型分：" ⏎ "拆除重建132户，占21.75%；…": the breakdown the line introduces)
            if (last == "：" || last == ":") && blanksSincePending == 0 && words.breakdownLineEndings.isSuffix(of: pending.string(max(0, pending.count - 4)..<pending.count))
                && run.scalars.contains(where: CharClass.isDigit) && HeadingDetector.detect(run, words: words) == nil && !opensWithLineStarter(run) { return true }
            // (a closing quote ends a sentence only after its 。: "…绩效目标中“覆盖率”" ⏎ "“分出率”等指标未细化…"
            // goes on)
            if enders.contains(last) && !(ScalarSets.closingQuotes.contains(last) && pending.count >= 2
                                          && !ScalarSets.sentenceEnders.contains(pending.scalars[pending.count - 2])) { return false }
            if HeadingDetector.detect(run, words: words) != nil { return false }
            // a heading line ("二、2024年一般公共预算安排的“三公”经费支出预算说明") is not wrapped prose,
            // unless it is as long as the lines the export cut and the cut went through a figure
            // ("增加1.14万" / "元，增长…") or a bracket ("1.根据《…关于下达" / "…》文件")
            // a numbered line with clause punctuation that ends mid-sentence ("1. 基本支出预算 2476260.58
            // 元,占一般公共预算支出" / "的84.06%，…") is an item of prose the export wrapped, not a title
            // (the short-title test first: a long pending paragraph is not scanned again per line)
            // (the punctuation after the enumerator: "五、" is the heading's number, no clause of prose)
            let numbered = pending.count <= 40 ? HeadingDetector.enumerator(pending.scalars, at: 0)?.end ?? 0 : 0
            if pending.count <= 40 && HeadingDetector.detect(pending, words: words) != nil && !ScalarSearch.foundationContains(pending.string, "。")
                && !(fullWidth.map { pendingLastWidth >= $0 } == true && Builder.cutThrough(pending, run))
                && !(pending.scalars[numbered...].dropLast().contains { $0 == "，" || $0 == "," || $0 == "、" } && pending.count >= 16)
                && !(pending.count >= 16 && Builder.explainsAFigure(pending)) { return false }
            if run.hasPrefix("表") && run.count > 1 && (CharClass.isDigit(run.scalars[1]) || run.scalars[1] == " ") { return false }
            // (on the scalars: WordSet's prefix test reads a string's scalars the same way)
            if opensWithLineStarter(run) { return false }
            // prose has clause punctuation or an unclosed bracket; a title or a label line has neither
            var (counted, open, punctuated) = pendingScan
            if counted > pending.count { (counted, open, punctuated) = (0, 0, false) }
            for s in pending.scalars[counted...] {
                switch s {
                case "，", "、", "；", "。", ",", ";": punctuated = true
                case "《", "（", "(", "“", "〈": open += 1
                case "》", "）", ")", "”", "〉": open -= 1
                default: break
                }
            }
            pendingScan = (pending.count, open, punctuated)
            if punctuated || open > 0 { return true }
            if pending.count >= 16 && pending.count <= 40 && Builder.explainsAFigure(pending) && HeadingDetector.detect(pending, words: words) != nil { return true }
            // a paragraph's first line cut at the export's full width, with no punctuation yet
            // ("2020年度一般公共预算财政拨款安排的“三公”经费支" / "出决算总额为5.48万元，…"), unless it
            // is named like a title
            return pendingFirstLine == pendingLastLine && fullWidth.map { pendingLastWidth >= $0 } == true
                && !words.titleEndings.isSuffix(of: pending.string) && !words.titleStrongWords.occurs(in: pending.string)
        }

        /// "附件2：…", "单位：万元" open a line of their own; "附件不全扣1分，…" goes on with a sentence the
        /// export cut ("…因1笔资金支付凭证" ⏎ "附件不全…"): a starter ending with a Han letter counts only
        /// when no Han letter but a numeral follows it.
        func opensWithLineStarter(_ run: TextRun) -> Bool {
            let s = run.scalars
            let n = words.lineStarters.prefixLength(s, at: 0)
            guard n > 0 else { return false }
            guard n < s.count, CharClass.isHan(s[n - 1]), CharClass.isHan(s[n]) else { return true }
            return HeadingDetector.chineseNumber(s, from: n) != nil
        }

        /// "1.社会保障和就业支出467.99万元：主要用于本单位在": a numbered line that states a figure and goes
        /// on after a colon to explain it is an item of prose (the export cut it), not a title.
        static func explainsAFigure(_ line: TextRun) -> Bool {
            let s = line.scalars
            guard let colon = s.dropLast().lastIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
            return s[..<colon].contains(where: CharClass.isDigit) && !s[..<colon].isEmpty
                && s[..<colon].last.map { !CharClass.isDigit($0) } == true   // "12:30" is a time, not a colon after a figure
        }

        /// A table exported one cell per line, read by `scan` from line `i`: added, and the line after
        /// it returned as `end`; else `end` is nil and `scanned` says how far the scan looked (it is not
        /// repeated from those lines).
        mutating func addCellPerLineTable(_ scan: ([NormalizedLine], Int, inout Int) -> (rows: [RawRow], end: Int)?,
                                          from i: Int) -> (end: Int?, scanned: Int) {
            var scanned = i
            guard let found = scan(lines, i, &scanned) else { return (nil, scanned) }
            flush()
            addTable(TableBuilder.build(rows: found.rows, origin: .cellPerLine, index: tables.count, words: words))
            return (found.end, scanned)
        }

        mutating func flush(headingLevel: Int? = nil) {
            guard !pending.isEmpty else { return }
            let text = pending
            pending = TextRun()
            pendingScan = (0, 0, false)
            blanksSincePending = 0
            addParagraph(text, firstLine: pendingFirstLine, lastLine: pendingLastLine, headingLevel: headingLevel)
        }

        mutating func addParagraph(_ text: TextRun, firstLine: Int, lastLine: Int, headingLevel: Int?) {
            let index = paragraphs.count
            var heading: Heading?
            if let match = HeadingDetector.detect(text, words: words) {
                var rank = match.style.defaultRank
                if match.style == .markdown { rank = match.ordinal }
                if let level = headingLevel { rank = level }
                heading = Heading(style: match.style, level: 0, ordinal: match.style == .markdown ? 0 : match.ordinal,
                                  marker: text.string(match.markerRange), titleRange: match.titleRange)
                heading?.level = pushSection(rank: rank, paragraph: index)
            } else if let level = headingLevel {
                heading = Heading(style: .wordStyle, level: 0, ordinal: 0, marker: "", titleRange: 0..<text.count)
                heading?.level = pushSection(rank: level, paragraph: index)
            }
            let paragraph = Paragraph(index: index, text: text, heading: heading, sentences: Sentences.split(text),
                                      sectionPath: sectionStack.map(\.paragraph), firstLine: firstLine, lastLine: lastLine)
            paragraphs.append(paragraph)
            blocks.append(.paragraph(index))
        }

        /// Records a heading in the section stack and returns its nesting level.
        mutating func pushSection(rank: Int, paragraph: Int) -> Int {
            while let top = sectionStack.last, top.rank >= rank { sectionStack.removeLast() }
            sectionStack.append((rank, paragraph))
            return sectionStack.count
        }

        mutating func addTable(_ built: Table) {
            var table = built
            table.sectionPath = sectionStack.map(\.paragraph)
            // caption and unit from the short paragraphs right before the table, and caption rows
            var captionParts = [String]()
            var k = blocks.count - 1
            var taken = 0
            while k >= 0, taken < 3, case .paragraph(let p) = blocks[k] {
                let text = paragraphs[p].string
                if text.count > 60 || paragraphs[p].lastLine < table.firstLine - 6 { break }
                if paragraphs[p].isHeading && !(text.hasPrefix("表") || text.contains("表")) { break }
                captionParts.insert(text, at: 0)
                k -= 1
                taken += 1
                if text.hasPrefix("表") { break }
            }
            for row in table.rows.prefix(3) where row.kind == .caption {
                // a title and its unit in one row ("…情况表 | | 单位：万元"): both
                captionParts.append(row.cells.filter { !$0.isEmpty }.map(\.string).joined(separator: " "))
            }
            table.caption = captionParts.filter { looksLikeCaption($0) }.joined(separator: " ")
            table.unit = UnitHints.tableUnit(captionParts.joined(separator: " "), words: words)
                ?? captionParts.compactMap { [words] in UnitHints.captionUnit($0, words: words) }.first
                ?? UnitHints.labelColumnUnit(table, words: words)
            table.unitListsPercent = UnitHints.listsPercent(ScalarString.scalars(captionParts.joined(separator: " ")), words: words)
            tables.append(table)
            blocks.append(.table(table.index))
        }

        func looksLikeCaption(_ s: String) -> Bool {
            words.captionWords.occurs(in: s) || s.count <= 30
        }

        func result() -> StructuredDocument {
            StructuredDocument(document: document, paragraphs: paragraphs, tables: tables, blocks: blocks,
                               titleParagraph: TitleFinder.find(paragraphs, words: words))
        }
    }
}

public enum Sentences {
    /// Sentence ranges: after 。！？ (and their ASCII forms) and at line breaks inside cells.
    public static func split(_ text: TextRun) -> [Range<Int>] {
        var out = [Range<Int>]()
        var start = 0
        let s = text.scalars
        var i = 0
        var depth = 0, listInAside = false
        while i < s.count {
            let ch = s[i]
            if ch == "（" || ch == "(" {
                depth += 1
                listInAside = false
            } else if (ch == "）" || ch == ")") && depth > 0 {
                depth -= 1
            } else if (ch == "；" || ch == ";") && depth > 0 {
                listInAside = true
            }
            // "A 500万元（甲100万元；乙400万元。）比上年…": a full stop closing a bracketed list ends
            // the list, not the sentence
            if ch == "。", depth > 0, listInAside, i + 1 < s.count, s[i + 1] == "）" || s[i + 1] == ")" {
                i += 1
                continue
            }
            if ch == "\n" { depth = 0 }
            if ch == "。" || ch == "！" || ch == "？" || ch == "!" || ch == "?" || ch == "\n" {
                var end = i + 1
                // keep closing quotes and brackets with the sentence
                while end < s.count && (s[end] == "”" || s[end] == "」" || s[end] == "）" || s[end] == ")") { end += 1 }
                let r = text.trimmedRange(start..<end)
                if !r.isEmpty { out.append(r) }
                start = end
                i = end
                continue
            }
            i += 1
        }
        let r = text.trimmedRange(start..<s.count)
        if !r.isEmpty { out.append(r) }
        return out
    }
}

enum UnitHints {
    /// "单位：万元", "（单位：元）", "金额单位：万元".
    static func tableUnit(_ text: String, words: StructureWords) -> String? {
        tableUnit(ScalarString.scalars(text), words: words)
    }

    /// `tableUnit` of a text given by its scalars (a cell's, without making its string).
    static func tableUnit(_ s: [Unicode.Scalar], words: StructureWords) -> String? {
        for j in unitListStarts(s, words: words) {
            let unit = words.moneyUnits.prefixLength(s, at: j)
            // "单位：元/人·月、人、人次、万元、%": the units of the columns one by one; the table's amounts
            // are in the one money unit listed alone ("单位：万元、%": 万元)
            if unit > 0, j + unit < s.count, "/、，,".unicodeScalars.contains(s[j + unit]) {
                return listedMoneyUnit(s, from: j, words: words)
            }
            if unit > 0 { return ScalarString.make(s[j..<(j + unit)]) }
        }
        return nil
    }

    /// Where the units start after each unit caption's word and its colon ("单位：" → "万元…"), in order.
    static func unitListStarts(_ s: [Unicode.Scalar], words: StructureWords) -> [Int] {
        var starts = [Int]()
        var k = 0
        while k < s.count {
            let n = words.unitCaptions.prefixLength(s, at: k)
            if n > 0 {
                var j = k + n
                while j < s.count && (s[j] == " " || s[j] == "：" || s[j] == ":") { j += 1 }
                starts.append(j)
                k = j
                continue
            }
            k += 1
        }
        return starts
    }
}

extension UnitHints {
    /// Whether the unit caption's list names % ("单位：万元、%").
    static func listsPercent(_ s: [Unicode.Scalar], words: StructureWords) -> Bool {
        unitListStarts(s, words: words).contains { start in
            var j = start
            while j < s.count && !CharClass.isWhitespace(s[j]) && s[j] != "）" && s[j] != ")" {
                if s[j] == "%" || s[j] == "％" { return true }
                j += 1
            }
            return false
        }
    }

    /// The one money unit a list of units names by itself (not per something, "元/人·月"), from `j` to
    /// the end of the list; nil for none or several.
    static func listedMoneyUnit(_ s: [Unicode.Scalar], from j: Int, words: StructureWords) -> String? {
        var found: String?
        var k = j
        while k < s.count {
            var e = k
            while e < s.count && !"、，,".unicodeScalars.contains(s[e]) && !CharClass.isWhitespace(s[e]) && s[e] != "）" && s[e] != ")" { e += 1 }
            let n = words.moneyUnits.prefixLength(s, at: k)
            if n > 0 && n == e - k {
                if found != nil { return nil }
                found = ScalarString.make(s[k..<e])
            }
            guard e < s.count, "、，,".unicodeScalars.contains(s[e]) else { break }
            k = e + 1
        }
        return found
    }

    /// "表1 项目资金执行情况表（万元）": a table title ending with a bracketed unit.
    /// "资金投入情况（万元）": a short caption line ending with a bracketed unit, too.
    static func captionUnit(_ text: String, words: StructureWords) -> String? {
        var t = CellText.compact(text)
        // a caption line of a table exported with bars keeps its bars
        while t.hasSuffix("|") { t.removeLast() }
        guard t.contains("表") || t.unicodeScalars.count <= 24 else { return nil }
        return bracketedUnit(t, words: words)
    }

    /// "…（万元）", "…(元)": the money unit a text ends with in brackets.
    static func bracketedUnit(_ t: String, words: StructureWords) -> String? {
        let s = ScalarString.scalars(t)
        guard let last = s.last, last == "）" || last == ")" else { return nil }
        let n = words.moneyUnits.suffixLength(s, endingAt: s.count - 1)
        guard n > 0, s.count - 1 - n >= 1, s[s.count - 2 - n] == "（" || s[s.count - 2 - n] == "(" else { return nil }
        return ScalarString.make(s[(s.count - 1 - n)..<(s.count - 1)])
    }

    /// "项目资金（万元） | 年初预算数 | …": a unit in the title of the label column (its cells are
    /// names, not amounts) is the unit of the table.
    /// (The label column is the first with names in it: a form indented by an empty first column
    /// "| 年度资金总额 | 500 | …" has its names in the second.)
    static func labelColumnUnit(_ table: Table, words: StructureWords) -> String? {
        guard let headers = table.headerSegments.first else { return nil }
        let data = table.rows.filter { $0.kind == .data && $0.segment == 0 }
        for column in 0..<min(2, headers.count) {
            let labels = data.compactMap { $0.cells.first { $0.column == column && !$0.isEmpty } }
            if labels.isEmpty { continue }
            guard !labels.contains(where: { CellText.isNumeric($0.text) }), !headers[column].isEmpty else { return nil }
            let last = headers[column].split(separator: "/").last.map(String.init) ?? headers[column]
            return bracketedUnit(last, words: words)
        }
        return nil
    }
}

enum TitleFinder {
    /// The title: among the first paragraphs before the first body heading, the one that names the
    /// report ("2022年度部门整体支出绩效自评报告").
    static func find(_ paragraphs: [Paragraph], words: StructureWords) -> Int? {
        var best: (score: Int, index: Int)?
        for p in paragraphs.prefix(15) {
            if let h = p.heading, h.style == .chineseNumeral || h.style == .parenChinese { break }
            // "第一部分 决算报告": a part of the report, not its name
            if p.heading?.style == .chapter { continue }
            // "2.某单位2019年“三公”经费支出预算情况说明": the second item of a numbered list (a table of
            // contents), not the name of the report
            if let h = p.heading, h.style == .arabic || h.style == .parenArabic || h.style == .circled, h.ordinal >= 2 { continue }
            let t = p.string
            // characters are counted only for a text with combining marks: in a plain one (WordSet.isPlain)
            // each scalar is a character, and counting scalars skips grapheme breaking
            if t.unicodeScalars.count > 80 && (WordSet.isPlain(t) || t.count > 80) { continue }
            var score = 0
            if words.titleStrongWords.occurs(in: t) { score += 3 }
            if words.titleWords.occurs(in: t) { score += 2 }
            // "…2024年部门预算", "…2023年度部门决算", "…“三公”经费预算说明"
            if words.titleBudgetWords.occurs(in: t) { score += 2 }
            if words.titleEndings.isSuffix(of: t) { score += 1 }
            if ScalarSearch.foundationContains(t, "年") { score += 1 }
            // the document's opening line, named like a title ("关于2021年…执行情况的公告"): one more
            if p.index == paragraphs.first?.index && words.titleEndings.isSuffix(of: t) { score += 1 }
            // a line ending a sentence is no title ("受…委托，我向…作2021年…的报告，请审查。")
            if ScalarSearch.foundationContains(t, "。") { continue }
            // (an export may have written the ASCII forms of the full-width marks)
            if ScalarSearch.foundationContains(t, "，") || t.utf8.contains(UInt8(ascii: ",")) { score -= 3 }
            // a table of contents; an address line ("某某财政局："), a sentence cut before its list ("主要原因是:")
            if words.notTitleWords.isPrefix(of: t) || t.hasSuffix("：") || t.hasSuffix(":") { score = 0 }
            if score >= 3 && (best == nil || score > best!.score) { best = (score, p.index) }
        }
        return best?.index
    }
}
