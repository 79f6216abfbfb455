import Foundation
import JXCore

/// Rebuilds lines, paragraphs and table grids from the words `pdftotext -tsv` places on each page.
///
/// A PDF has no tables, only words at positions. `pdftotext -layout` prints them as text, but its
/// character columns do not follow the page for Chinese text (an ideograph is one character and
/// two widths), and a table's cells that wrap over several lines come out as many short rows, so
/// a budget table's figures lose their columns and their units. Here the words keep their
/// coordinates:
///
/// 1. Words at the same height form a visual line; a horizontal gap wider than a space (a third
///    of the page's usual word height, at least 4.5pt) splits it into segments.
/// 2. Lines repeated in the top or bottom margin of several pages (running heads, "第3页",
///    "- 3 -") are dropped.
/// 3. A run of lines with two or more segments is a table region: its columns are the x ranges
///    the segments cover (a range a single merged cell bridges does not join two columns), and a
///    region goes on over the lines of one column between them (a long cell's wrapped lines) and
///    over a page break when the next page starts with lines in the same columns.
/// 4. Visual lines are grouped into rows. Cells are top-aligned and a cell's text is contiguous,
///    so a column that starts again after a blank line begins a new row; two complete numbers
///    one under the other are two rows; a piece of a number cut by the cell width ("33463." /
///    "78") or a line that had to wrap (the next character would not have fitted) continues the
///    row. Where no column says either, text in two columns or in the first starts a row, text in
///    one other column is a further paragraph of its cell.
/// 5. Each row becomes one line, its cells joined by tabs, with a `SourceTable` giving every
///    cell's place, column and span; other lines are text, their segments four spaces apart (so a
///    table the regions missed still reads as a layout table). A blank line marks a vertical gap.
enum PDFLayout {
    struct Word {
        var text: String
        var x0: Double, y0: Double, x1: Double, y1: Double
        var height: Double { y1 - y0 }
        var center: Double { (y0 + y1) / 2 }
    }

    struct Page {
        var width: Double
        var height: Double
        var words: [Word]
    }

    /// The pages of `pdftotext -tsv` output; nil when the text is not that format.
    static func parseTSV(_ text: String) -> [Page]? {
        var pages: [Page] = []
        var sawHeader = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = rawLine.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            if !sawHeader {
                guard fields.count >= 12, fields[0] == "level", fields[1] == "page_num" else { return nil }
                sawHeader = true
                continue
            }
            guard fields.count >= 12, let level = Int(fields[0]) else { continue }
            // coordinates in points on a page: anything beyond ±100000 is damage, not a page
            guard let left = Double(fields[6]), let top = Double(fields[7]), let width = Double(fields[8]),
                  let height = Double(fields[9]),
                  [left, top, width, height].allSatisfy({ $0.isFinite && abs($0) <= 100_000 }) else { continue }
            if level == 1 {
                pages.append(Page(width: max(width, 1), height: max(height, 1), words: []))
            } else if level == 5, !pages.isEmpty {
                var word = String(fields[11])
                if word.hasSuffix("\r") { word.removeLast() }
                guard !word.isEmpty, width >= 0, height > 0 else { continue }
                pages[pages.count - 1].words.append(Word(text: word, x0: left, y0: top, x1: left + width, y1: top + height))
            }
        }
        return sawHeader ? pages : nil
    }

    // MARK: - Lines and segments

    struct Segment {
        var text: String
        var x0: Double, x1: Double
        /// The width of the first character (an ideograph) or of the first word (Latin, digits):
        /// what would have had to fit at the end of the line above.
        var leadWidth: Double
        /// The width of one character of this text, for tolerances.
        var charWidth: Double
    }

    struct Line {
        var page: Int
        var y0: Double, y1: Double
        var segments: [Segment]
        var height: Double { y1 - y0 }
        var text: String { segments.map(\.text).joined(separator: "    ") }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0x20000 && v <= 0x3FFFF)
    }

    /// The page's visual lines, top to bottom, and its usual word height.
    static func lines(of page: Page, index: Int) -> ([Line], Double) {
        let words = page.words.sorted { $0.center != $1.center ? $0.center < $1.center : $0.x0 < $1.x0 }
        guard !words.isEmpty else { return ([], 12) }
        let heights = words.map(\.height).sorted()
        let typical = max(heights[heights.count / 2], 1)
        // a word joins a recent line whose height it shares and whose words it does not overlap
        // (two lines close together, a note under a unit line, stay apart)
        var groups: [(center: Double, tolerance: Double, words: [Word])] = []
        for word in words {
            var target: Int? = nil
            for g in groups.indices.suffix(3).reversed() where abs(word.center - groups[g].center) <= groups[g].tolerance {
                if !groups[g].words.contains(where: { min($0.x1, word.x1) - max($0.x0, word.x0) > 1 }) { target = g; break }
            }
            if let g = target {
                groups[g].words.append(word)
            } else {
                groups.append((word.center, 0.35 * max(word.height, typical * 0.5), [word]))
            }
        }
        // a space between words is 2-4pt; cells stand at least their two paddings apart (6pt and
        // more; Word's default is 10.8pt)
        let gapLimit = min(0.7 * typical, max(4.5, 0.33 * typical))
        var result: [Line] = []
        for group in groups.map(\.words) {
            let sorted = group.sorted { $0.x0 < $1.x0 }
            var segments: [Segment] = []
            var current: Segment? = nil
            var previous: Word? = nil
            for word in sorted {
                if var s = current, let p = previous {
                    let gap = word.x0 - p.x1
                    if gap < gapLimit {
                        if gap >= 0.2 * min(word.height, p.height) { s.text += " " }
                        s.text += word.text
                        s.x1 = max(s.x1, word.x1)
                        current = s
                        previous = word
                        continue
                    }
                    segments.append(s)
                }
                let scalars = word.text.unicodeScalars
                let count = Double(max(scalars.count, 1))
                let perChar = (word.x1 - word.x0) / count
                let lead = scalars.first.map(isWide) == true ? perChar : word.x1 - word.x0
                current = Segment(text: word.text, x0: word.x0, x1: word.x1, leadWidth: lead,
                                  charWidth: scalars.contains(where: isWide) ? perChar : max(perChar * 2, 1))
                previous = word
            }
            if let s = current { segments.append(s) }
            // "1.    完成项目数量12个。": a list marker and its text are one segment
            if segments.count == 2, isListMarker(segments[0].text) {
                segments[0].text += " " + segments[1].text
                segments[0].x1 = segments[1].x1
                segments.removeLast()
            }
            let y0 = group.map(\.y0).min() ?? 0, y1 = group.map(\.y1).max() ?? 0
            result.append(Line(page: index, y0: y0, y1: y1, segments: segments))
        }
        return (result, typical)
    }

    /// "1.", "2、", "(3)", "（一）", "一、", "①": a list item's number alone.
    static func isListMarker(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard !s.isEmpty, s.count <= 5 else { return false }
        if s.count == 1 { return s[0].value >= 0x2460 && s[0].value <= 0x2473 }
        let numerals = "0123456789一二三四五六七八九十".unicodeScalars
        if (s.first == "（" || s.first == "(") && (s.last == "）" || s.last == ")") {
            return s.count >= 3 && s[1..<(s.count - 1)].allSatisfy { numerals.contains($0) }
        }
        guard let last = s.last, last == "." || last == "、" || last == "．" else { return false }
        return s.dropLast().allSatisfy { numerals.contains($0) }
    }

    // MARK: - Running heads and page numbers

    /// Digits masked and white space dropped: "第 3 页" and "第 12 页" are one key.
    static func marginKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasDigit = false
        for s in text.unicodeScalars where s != " " && s != "\t" && s != "\u{3000}" {
            let digit = s.value >= 0x30 && s.value <= 0x39
            if digit { if !lastWasDigit { out.append("#") } } else { out.append(s) }
            lastWasDigit = digit
        }
        return String(out)
    }

    /// "3", "- 3 -", "—3—", "第3页", "第3页 共20页", "3/20", "Page 3": nothing but a page number.
    static func isPageNumber(_ key: String) -> Bool {
        guard key.contains("#"), key.count <= 12 else { return false }
        let rest = key.unicodeScalars.filter { !"#-—–－/第页共()（）.·Pagepof ".unicodeScalars.contains($0) }
        return rest.isEmpty
    }

    /// Lines in the top or bottom margin that repeat on several pages, and page numbers there.
    static func dropMargins(_ pages: inout [[Line]], sizes: [Page], typical: [Double]) {
        guard !pages.isEmpty else { return }
        func marginIndices(_ k: Int) -> [Int] {
            let lines = pages[k], height = sizes[k].height
            var out: [Int] = []
            for i in lines.indices where (lines[i].y1 <= height * 0.08 || lines[i].y0 >= height * 0.92) && lines[i].segments.count <= 3 {
                out.append(i)
            }
            // the first and last lines when a gap sets them apart from the body
            let apart = 1.5 * typical[k]
            if lines.count >= 2, lines[0].y1 <= height * 0.15, lines[1].y0 - lines[0].y1 > apart, !out.contains(0) { out.append(0) }
            if lines.count >= 2, let last = lines.last, last.y0 >= height * 0.85, last.y0 - lines[lines.count - 2].y1 > apart,
               !out.contains(lines.count - 1) { out.append(lines.count - 1) }
            return out
        }
        var pagesWithKey: [String: Set<Int>] = [:]
        for k in pages.indices {
            for i in marginIndices(k) { pagesWithKey[marginKey(pages[k][i].text), default: []].insert(k) }
        }
        let needed = max(2, (pages.count * 2 + 4) / 5)
        for k in pages.indices {
            let drop = Set(marginIndices(k).filter { i in
                let key = marginKey(pages[k][i].text)
                return isPageNumber(key) || (pages.count >= 2 && (pagesWithKey[key]?.count ?? 0) >= needed)
            })
            if !drop.isEmpty { pages[k] = pages[k].enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
        }
    }

    // MARK: - Table regions

    /// Column bands: the x ranges the segments of multi-segment lines cover. A segment that alone
    /// bridges a gap the other segments leave on both its sides (a merged cell over two columns)
    /// does not join them.
    struct Bands {
        var coverage: [Int]
        var segments: [(Int, Int)] = []
        var ranges: [(Double, Double)] = []

        init(width: Double) {
            coverage = Array(repeating: 0, count: max(1, min(Int(width.rounded(.up)) + 2, 20_000)))
        }

        func bins(_ s: Segment) -> (Int, Int) {
            let a = max(0, min(coverage.count - 1, Int(s.x0.rounded(.down))))
            let b = max(0, min(coverage.count - 1, Int(s.x1.rounded(.up)) - 1))
            return (a, max(a, b))
        }

        /// Adds a line's segments; the ranges are their union until `settle()`.
        mutating func add(_ line: Line) {
            for s in line.segments {
                let (a, b) = bins(s)
                segments.append((a, b))
                for x in a...b { coverage[x] += 1 }
            }
            ranges = Bands.runs(coverage)
        }

        static func runs(_ coverage: [Int]) -> [(Double, Double)] {
            var out: [(Double, Double)] = []
            var start: Int? = nil
            for x in 0..<coverage.count {
                if coverage[x] > 0 {
                    if start == nil { start = x }
                } else if let s = start {
                    out.append((Double(s), Double(x)))
                    start = nil
                }
            }
            if let s = start { out.append((Double(s), Double(coverage.count))) }
            return out
        }

        /// Takes out the bridging segments, widest first, and fixes the ranges.
        mutating func settle() {
            var cover = coverage
            for (a, b) in segments.sorted(by: { $0.1 - $0.0 > $1.1 - $1.0 }) {
                // inside the segment: covered by others, then by it alone, then by others again
                var x = a, sawOther = false, bridged = false
                while x <= b {
                    if cover[x] >= 2 { sawOther = true; x += 1; continue }
                    var y = x
                    while y <= b && cover[y] == 1 { y += 1 }
                    if sawOther && y <= b && y - x >= 2 { bridged = true; break }
                    x = y
                }
                if bridged { for x in a...b { cover[x] -= 1 } }
            }
            ranges = Bands.runs(cover)
        }

        /// The band a segment belongs to (the one it overlaps most) and how many bands it covers.
        func place(_ s: Segment) -> (column: Int, span: Int)? {
            var best: Int? = nil, bestOverlap = 0.0
            var covered: [Int] = []
            for (k, r) in ranges.enumerated() {
                let overlap = min(s.x1, r.1) - max(s.x0, r.0)
                if overlap > bestOverlap { best = k; bestOverlap = overlap }
                if overlap > 0.5 * min(r.1 - r.0, s.x1 - s.x0) || (s.x0 <= r.0 + 1 && s.x1 >= r.1 - 1) { covered.append(k) }
            }
            guard let column = best else {
                // in a gap: the nearest band
                let center = (s.x0 + s.x1) / 2
                let nearest = ranges.indices.min { abs((ranges[$0].0 + ranges[$0].1) / 2 - center) < abs((ranges[$1].0 + ranges[$1].1) / 2 - center) }
                return nearest.map { ($0, 1) }
            }
            let first = min(column, covered.min() ?? column), last = max(column, covered.max() ?? column)
            return (first, last - first + 1)
        }

        /// Whether every segment of the line falls within one column: it overlaps a band and
        /// reaches neither into the band before nor into the one after (a cell is often wider than
        /// the text seen in it so far).
        func fits(_ line: Line) -> Bool {
            guard !ranges.isEmpty else { return false }
            for s in line.segments {
                guard let k = ranges.firstIndex(where: { s.x1 > $0.0 && s.x0 < $0.1 }) else { return false }
                let low = k > 0 ? ranges[k - 1].1 + 1 : -Double.infinity
                let high = k + 1 < ranges.count ? ranges[k + 1].0 - 1 : Double.infinity
                if s.x0 < low || s.x1 > high { return false }
            }
            return true
        }
    }

    /// One logical row: per column, its text and where it stands.
    struct Row {
        var page: Int
        var cells: [Int: (text: String, span: Int)] = [:]
        /// Per column, the index (in the region) of the last line that added text, its right edge
        /// and its text.
        var last: [Int: (line: Int, x0: Double, x1: Double, text: String)] = [:]
    }

    /// What a column's text on a line says about the row open above it, strongest first.
    enum Evidence: Int, Comparable {
        /// The column had text, then a blank line: cells are contiguous, a new row begins.
        case breaks
        /// A number cut by the width of its cell ("33463." / "78", "99.7" / "0%").
        case numberGoesOn
        /// Two whole numbers one under the other.
        case numbersApart
        /// Text that had to wrap: the next character would not have fitted, or a bracket is open.
        case wraps
        /// Two numbers that would not have fitted on one line: a number cut by a narrow cell
        /// ("3" / "0" of 30) or two rows; the other columns decide.
        case numberMayGoOn
        /// Text after a full stop, or text that would have fitted on the line above.
        case newParagraph
        /// A column with no text in the row so far.
        case fresh

        static func < (a: Evidence, b: Evidence) -> Bool { a.rawValue < b.rawValue }
    }

    static func isNumberPiece(_ s: String) -> Bool {
        guard !s.isEmpty else { return false }
        return s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ".,%‰-+".unicodeScalars.contains($0) }
    }

    /// "-1,234.50", "33463.78", "99.70%", "12": digits in groups of three after the first when
    /// commas separate them, a decimal part, a percent sign.
    static func isWellFormedNumber(_ s: String) -> Bool {
        var chars = Array(s.unicodeScalars)
        if let l = chars.last, l == "%" || l == "‰" { chars.removeLast() }
        if let f = chars.first, f == "-" || f == "+" { chars.removeFirst() }
        let parts = ScalarString.make(chars).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return false }
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isASCII) || !parts[1].allSatisfy(\.isNumber)) { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return false }
        }
        return true
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let l = s.unicodeScalars.last else { return false }
        return "。；！？;!?".unicodeScalars.contains(l)
    }

    /// `limit`: where the column's text wraps; `reach`: the furthest its text goes.
    static func evidence(_ segment: Segment, column c: Int, line i: Int, row: Row, limit: Double, reach: Double) -> Evidence {
        guard let last = row.last[c] else { return .fresh }
        if last.line < i - 1 { return .breaks }
        let previous = last.text, next = segment.text
        if isNumberPiece(previous) && isNumberPiece(next) {
            if let l = previous.unicodeScalars.last, ".,-+".unicodeScalars.contains(l) { return .numberGoesOn }
            if let f = next.unicodeScalars.first, ".%‰".unicodeScalars.contains(f) { return .numberGoesOn }
            let joined = previous + next
            // "19" / "9." (of 19.94 in a narrow cell): a piece may end where a number goes on
            var whole = joined
            if let l = whole.last, l == "." || l == "," { whole.removeLast() }
            if !isWellFormedNumber(whole) { return .breaks }
            // "28,00" / "0.00": a piece that is no number by itself
            if !isWellFormedNumber(previous) { return .numberGoesOn }
            // "3346" / "3.78", "99.7" / "0%": a number wider than its cell, cut where the line is
            // full; numbers that would have fitted side by side are two rows
            let digit = (last.x1 - last.x0) / Double(max(previous.unicodeScalars.count, 1))
            if last.x1 >= reach - digit, joined.contains("."), joined.count >= 5 { return .numberGoesOn }
            if last.x1 + segment.leadWidth > reach + 0.5 && last.x1 >= reach - digit { return .numberMayGoOn }
            return .numbersApart
        }
        if endsSentence(previous) { return .newParagraph }
        // a number under text: the next row under a header ("预算数（万元）" / "822.24")
        if isNumberPiece(next) { return .newParagraph }
        // the line broke because the next character did not fit (one character of slack for the
        // rules that keep brackets and punctuation with their neighbours)
        if last.x1 + segment.leadWidth > limit - segment.charWidth + 0.5 { return .wraps }
        var open = 0
        for s in previous.unicodeScalars {
            if s == "（" || s == "(" || s == "《" || s == "“" { open += 1 }
            if s == "）" || s == ")" || s == "》" || s == "”" { open -= 1 }
        }
        return open > 0 ? .wraps : .newParagraph
    }

    /// Where each column's text has to wrap: the start of the next column less the narrowest
    /// gap between two columns (the cell padding, which the fullest column shows, at most 12pt);
    /// for the last column the right margin of the page's text.
    static func limits(_ region: [Line], bands: Bands, rightMargin: Double) -> [(limit: Double, reach: Double)] {
        var reach = Array(repeating: -Double.infinity, count: bands.ranges.count)
        for line in region {
            for s in line.segments {
                guard let (column, span) = bands.place(s), span == 1 else { continue }
                reach[column] = max(reach[column], s.x1)
            }
        }
        let ranges = bands.ranges
        // two cell paddings: the narrowest gap between columns, when one column fills its cells;
        // where none does, no more than Word's default (2 × 5.4pt) and a little
        var gap = 12.0
        for k in ranges.indices.dropLast() { gap = min(gap, ranges[k + 1].0 - ranges[k].1) }
        return ranges.indices.map { k in
            let limit = k + 1 < ranges.count ? ranges[k + 1].0 - gap : rightMargin - gap / 2
            return (max(reach[k], limit), reach[k])
        }
    }

    /// Groups a region's lines into rows.
    static func rows(_ region: [Line], bands: Bands, rightMargin: Double) -> [Row] {
        let limits = limits(region, bands: bands, rightMargin: rightMargin)
        var placed: [[(Segment, Int, Int)]] = []
        for line in region {
            var cells: [(Segment, Int, Int)] = []
            for s in line.segments {
                guard let (column, span) = bands.place(s) else { continue }
                if let k = cells.firstIndex(where: { $0.1 == column }) {
                    // two segments in one column: one cell
                    cells[k].0.text += " " + s.text
                    cells[k].0.x1 = max(cells[k].0.x1, s.x1)
                    cells[k].2 = max(cells[k].2, span)
                } else {
                    cells.append((s, column, span))
                }
            }
            placed.append(cells)
        }
        var rows: [Row] = []
        for (i, cells) in placed.enumerated() where !cells.isEmpty {
            var found: [Evidence] = []
            if let row = rows.last {
                found = cells.map { evidence($0.0, column: $0.1, line: i, row: row, limit: limits[$0.1].limit, reach: limits[$0.1].reach) }
            }
            // a number that may have been cut says nothing by itself
            let strongest = found.filter { $0 != .numberMayGoOn }.min() ?? (found.isEmpty ? nil : .numberMayGoOn)
            let newRow: Bool
            switch strongest {
            case nil: newRow = true
            case .breaks?: newRow = true
            case .numberGoesOn?: newRow = false
            case .numbersApart?: newRow = true
            case .wraps?, .numberMayGoOn?: newRow = false
            case .newParagraph?, .fresh?:
                // text in two columns, or in the first, starts a row; in one other column it is a
                // further paragraph of its cell when that cell ran on alone or ended a sentence,
                // and a new row (a label whose values are empty) when the row's cells ended together
                let speaking = zip(cells, found).filter { $0.1 != .numberMayGoOn }.map(\.0)
                if speaking.count >= 2 || speaking.contains(where: { $0.1 == 0 }) {
                    newRow = true
                } else if found.first == .newParagraph, i > 0, placed[i - 1].count >= 2,
                          let last = rows.last?.last[cells[0].1], !endsSentence(last.text) {
                    newRow = true
                } else {
                    newRow = false
                }
            }
            if newRow { rows.append(Row(page: region[i].page)) }
            var row = rows[rows.count - 1]
            for (k, (s, c, span)) in cells.enumerated() {
                if let existing = row.cells[c] {
                    var joiner = " "
                    if !newRow, k < found.count, [.wraps, .numberGoesOn, .numberMayGoOn].contains(found[k]) {
                        let a = existing.text.unicodeScalars.last, b = s.text.unicodeScalars.first
                        let latin = a.map { $0.isASCII && $0.properties.isAlphabetic } == true && b.map { $0.isASCII && $0.properties.isAlphabetic } == true
                        joiner = latin ? " " : ""
                    }
                    row.cells[c] = (existing.text + joiner + s.text, max(existing.span, span))
                } else {
                    row.cells[c] = (s.text, span)
                }
                row.last[c] = (i, s.x0, s.x1, s.text)
            }
            rows[rows.count - 1] = row
        }
        return rows
    }

    // MARK: - The document

    enum Item {
        case line(Line)
        case blank(page: Int)
        case table([Line], Bands)
    }

    static func document(pages: [Page], path: String) -> Document {
        var pageLines: [[Line]] = []
        var typical: [Double] = []
        for (k, page) in pages.enumerated() {
            let (lines, height) = lines(of: page, index: k)
            pageLines.append(lines)
            typical.append(height)
        }
        dropMargins(&pageLines, sizes: pages, typical: typical)
        let margins = pageLines.map { $0.map { $0.segments.last?.x1 ?? 0 }.max() ?? 0 }
        let items = regions(pageLines, typical: typical, widths: pages.map(\.width), margins: margins)

        var lines: [SourceLine] = []
        var tables: [SourceTable] = []
        for item in items {
            switch item {
            case .blank(let page):
                lines.append(SourceLine(number: lines.count + 1, text: "", place: "第\(page + 1)页"))
            case .line(let line):
                lines.append(SourceLine(number: lines.count + 1, text: line.text, place: "第\(line.page + 1)页"))
            case .table(let region, let bands):
                let tableIndex = tables.count
                var table = SourceTable(rows: [])
                for row in rows(region, bands: bands, rightMargin: margins[region[0].page]) {
                    var text = ""
                    var cells: [SourceTableCell] = []
                    var column = 0
                    var offset = 0
                    while column < bands.ranges.count {
                        let cell = row.cells[column]
                        var value = cell?.text ?? ""
                        if value.contains("\t") { value = String(value.map { $0 == "\t" ? " " : $0 }) }
                        let span = max(1, min(cell?.span ?? 1, bands.ranges.count - column))
                        if column > 0 { text += "\t"; offset += 1 }
                        let length = value.unicodeScalars.count
                        text += value
                        cells.append(SourceTableCell(start: offset, length: length, gridColumn: column, columnSpan: span,
                                                     place: "第\(row.page + 1)页 表\(tableIndex + 1) 第\(table.rows.count + 1)行 第\(column + 1)列"))
                        offset += length
                        column += span
                    }
                    let lineIndex = lines.count
                    lines.append(SourceLine(number: lineIndex + 1, text: text, place: "第\(row.page + 1)页 表\(tableIndex + 1) 第\(table.rows.count + 1)行",
                                            tableRow: TableRowReference(table: tableIndex, row: table.rows.count)))
                    table.rows.append(SourceTableRow(lineIndex: lineIndex, cells: cells))
                }
                tables.append(table)
            }
        }
        var notes: [String] = []
        if lines.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
            notes.append("pdftotext found no text (a scanned PDF needs OCR first)")
        }
        return Document(path: path, format: .pdf, encoding: "utf-8", lines: lines, tables: tables, notes: notes)
    }

    /// The pages' lines as text lines, blank lines and table regions, in reading order.
    /// A table-of-contents entry ("一、部门概况……  1"): text, leader dots, a page number.
    static func isContentsEntry(_ line: Line) -> Bool {
        guard line.segments.count >= 2, let last = line.segments.last,
              last.text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        var dots = 0
        for s in line.segments[line.segments.count - 2].text.unicodeScalars.reversed() {
            if s == "." || s == "…" || s == "·" || s == "．" || s == "-" || s == "_" { dots += 1 } else if s != " " { break }
        }
        return dots >= 3
    }

    static func regions(_ pages: [[Line]], typical: [Double], widths: [Double], margins: [Double]) -> [Item] {
        // all lines in order, with the vertical gap before each (infinite across a page break)
        var all: [Line] = []
        var gapBefore: [Double] = []
        for (k, lines) in pages.enumerated() {
            for (i, line) in lines.enumerated() {
                all.append(line)
                gapBefore.append(i == 0 ? .infinity : line.y0 - lines[i - 1].y1)
            }
            _ = k
        }
        var items: [Item] = []
        var i = 0
        while i < all.count {
            let line = all[i]
            let h = typical[line.page]
            if gapBefore[i].isFinite && gapBefore[i] > 0.8 * h, case .line = items.last ?? .blank(page: 0) {
                items.append(.blank(page: line.page))
            }
            guard line.segments.count >= 2, !isContentsEntry(line) else {
                items.append(.line(line))
                i += 1
                continue
            }
            // a table region starting here
            var bands = Bands(width: widths.max() ?? 612)
            bands.add(line)
            var members = [i]
            var multi = 1
            var lastMulti = i
            var j = i + 1
            while j < all.count {
                let next = all[j]
                let pageBreak = next.page != all[j - 1].page
                if !pageBreak && gapBefore[j] > 2.5 * typical[next.page] { break }
                if next.segments.count >= 2 {
                    if isContentsEntry(next) { break }
                    // a line of the same columns (over a page break: it must fit them)
                    if pageBreak && !bands.fits(next) { break }
                    bands.add(next)
                    members.append(j)
                    multi += 1
                    lastMulti = j
                    j += 1
                    // lines whose segments cover one another leave no columns: no table (and the
                    // scan from the next line stays short)
                    if multi >= 3 && bands.ranges.count < 2 { break }
                    continue
                }
                if bands.ranges.count < 2 { break }
                // one segment: a wrapped cell line when it stays within a column (over a page
                // break, only one that goes on from a column of the last line)
                guard bands.fits(next) else { break }
                if pageBreak {
                    guard let s = next.segments.first, let (c, _) = bands.place(s),
                          all[members.last!].segments.contains(where: { bands.place($0)?.column == c }) else { break }
                }
                members.append(j)
                j += 1
            }
            bands.settle()
            // a region is a table with at least two multi-segment lines in two or more columns
            if multi < 2 || bands.ranges.count < 2 {
                items.append(.line(line))
                i += 1
                continue
            }
            // single-segment lines after the last multi-segment line belong to it while they go on
            // from a column of the line above: in the first column only text that had to wrap
            // (prose after a table starts there too), in the others any (a cell's next paragraph)
            var end = members.firstIndex(of: lastMulti)! + 1
            let limits = limits(members.prefix(end).map { all[$0] }, bands: bands, rightMargin: margins[line.page])
            while end < members.count {
                let k = members[end]
                guard let s = all[k].segments.first, let (c, _) = bands.place(s) else { break }
                guard let prev = all[members[end - 1]].segments.first(where: { bands.place($0)?.column == c }) else { break }
                if c == 0 {
                    var row = Row(page: all[k].page)
                    row.last[c] = (0, prev.x0, prev.x1, prev.text)
                    let e = evidence(s, column: c, line: 1, row: row, limit: limits[c].limit, reach: limits[c].reach)
                    guard e == .wraps || e == .numberGoesOn else { break }
                }
                end += 1
            }
            let region = members.prefix(end).map { all[$0] }
            items.append(.table(region, bands))
            i = members[end - 1] + 1
        }
        return items
    }
}
