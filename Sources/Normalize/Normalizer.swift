import JXCore
import JXLoad

/// A line after normalization, with the original column of every scalar it keeps.
public struct NormalizedLine: Sendable {
    /// Index into `Document.lines`.
    public var sourceIndex: Int
    /// The line number findings report.
    public var number: Int
    /// Normalized text: half-width digits and signs, no thousands separators, no spaces inside
    /// numbers or between a number and its unit, no export artifacts.
    public var scalars: [Unicode.Scalar]
    /// The 1-based original column of each scalar in `scalars`.
    public var columns: [Int32]
    /// Set for lines that are not content (table-of-contents entries, page numbers).
    public var artifact: LineArtifact?

    public var text: String { ScalarString.make(scalars) }

    public var isBlank: Bool { scalars.allSatisfy(CharClass.isWhitespace) }

    public func position(at index: Int) -> SourcePosition {
        if columns.isEmpty { return SourcePosition(line: number, column: 1) }
        let i = min(max(index, 0), columns.count - 1)
        return SourcePosition(line: number, column: Int(columns[i]))
    }
}

public enum LineArtifact: String, Sendable {
    case tableOfContents, pageNumber
}

public struct NormalizedDocument: Sendable {
    public var document: Document
    public var lines: [NormalizedLine]
}

/// Normalization for scanning. It never loses the source map: every kept scalar remembers its
/// original column, so findings point into the original file.
public enum Normalizer {
    public static func normalize(_ document: Document) -> NormalizedDocument {
        var lines = [NormalizedLine]()
        lines.reserveCapacity(document.lines.count)
        let layout = document.format == .pdf
        for (index, line) in document.lines.enumerated() {
            lines.append(normalize(line: line, sourceIndex: index, layoutColumns: layout))
        }
        return NormalizedDocument(document: document, lines: lines)
    }

    /// `layoutColumns`: `pdftotext -layout` separates table columns by runs of two or more spaces;
    /// those become tabs, so tables read like any tab-separated export.
    public static func normalize(line: SourceLine, sourceIndex: Int = 0, layoutColumns: Bool = false) -> NormalizedLine {
        let original = ScalarString.scalars(line.text)
        let n = original.count

        // Pass 1: drop artifacts, map full-width forms to half-width. Written straight into the
        // arrays' storage (an append per scalar checked capacity and uniqueness each time).
        var columns = [Int32]()
        var scalars = FilledArray.make(capacity: n) { (out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int in
            var kept = 0
            columns = FilledArray.make(capacity: n) { (cols: UnsafeMutableBufferPointer<Int32>) -> Int in
                var i = 0, k = 0
                while i < n {
                    let s = original[i]
                    if s == "[", let end = bookmarkEnd(original, from: i) {
                        i = end
                        continue
                    }
                    // "同比增长(zhǎng)8.2%": a reading a web page glossed a character with
                    if s == "(" || s == "（", i > 0, CharClass.isHan(original[i - 1]), let end = pinyinNoteEnd(original, from: i) {
                        i = end
                        continue
                    }
                    if s == "\u{FEFF}" || s == "\u{0C}" || s == "\u{200B}" || s == "\r" {
                        i += 1
                        continue
                    }
                    out[k] = TraditionalCharacters.simplify(halfWidth(s, in: original, at: i))
                    cols[k] = Int32(i + 1)
                    k += 1
                    i += 1
                }
                kept = k
                return k
            }
            return kept
        }

        if layoutColumns { (scalars, columns) = layoutGapsToTabs(scalars, columns) }

        // Pass 2: thousands separators and spaces inside numbers and before units.
        (scalars, columns) = compact(scalars, columns)

        var result = NormalizedLine(sourceIndex: sourceIndex, number: line.number, scalars: scalars, columns: columns)
        result.artifact = artifact(of: scalars)
        return result
    }

    /// Internal runs of 2+ spaces → one tab; leading indentation dropped. A line that starts with a
    /// list marker ("1.   完成项目数量…", "（一）  …") keeps its spaces: it is prose, not a row.
    static func layoutGapsToTabs(_ s: [Unicode.Scalar], _ c: [Int32]) -> ([Unicode.Scalar], [Int32]) {
        var start = 0
        while start < s.count && CharClass.isInlineSpace(s[start]) { start += 1 }
        guard start < s.count else { return (s, c) }
        let body = Array(s[start...])
        if startsWithListMarker(body) { return (s, c) }
        var out = [Unicode.Scalar](), cols = [Int32]()
        var i = start
        while i < s.count {
            if CharClass.isInlineSpace(s[i]) {
                var j = i
                while j < s.count && CharClass.isInlineSpace(s[j]) { j += 1 }
                if j - i >= 2 && j < s.count {
                    out.append("\t")
                    cols.append(c[i])
                } else {
                    // a single space, or trailing spaces: kept as they are (the whole run at once,
                    // so that a long run is scanned once, not once per space)
                    out.append(contentsOf: s[i..<j])
                    cols.append(contentsOf: c[i..<j])
                }
                i = j
                continue
            }
            out.append(s[i])
            cols.append(c[i])
            i += 1
        }
        return (out, cols)
    }

    static func startsWithListMarker(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first else { return false }
        if first == "（" || first == "(" || (first.value >= 0x2460 && first.value <= 0x2473) { return true }
        var k = 0
        while k < s.count && (CharClass.isDigit(s[k]) || "一二三四五六七八九十".unicodeScalars.contains(s[k])) { k += 1 }
        return k > 0 && k < s.count && (s[k] == "." || s[k] == "、" || s[k] == "．")
    }

    /// `[bookmark: _Toc123]` and similar conversion artifacts; returns the index after `]`.
    /// "(zhǎng)" right after an ideograph: a pinyin gloss (lower-case Latin letters, one vowel at
    /// least with a tone mark, at most seven), not a bracket of the text.
    static func pinyinNoteEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1, toned = false
        while j < s.count && j <= start + 8 {
            let v = s[j].value
            if s[j] == ")" || s[j] == "）" { return toned && j > start + 1 ? j + 1 : nil }
            if v >= 0x61 && v <= 0x7A { j += 1; continue }
            guard toneMarked.contains(s[j]) else { return nil }
            toned = true
            j += 1
        }
        return nil
    }

    static let toneMarked = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü".unicodeScalars)

    static func bookmarkEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let marker: [Unicode.Scalar] = Array("[bookmark:".unicodeScalars)
        guard start + marker.count <= s.count, Array(s[start..<start + marker.count]) == marker else { return nil }
        var j = start + marker.count
        while j < s.count && j < start + 200 {
            if s[j] == "]" { return j + 1 }
            j += 1
        }
        return nil
    }

    static func halfWidth(_ s: Unicode.Scalar, in line: [Unicode.Scalar], at i: Int) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF10 && v <= 0xFF19 { return Unicode.Scalar(v - 0xFF10 + 0x30)! }  // ０-９
        switch v {
        case 0xFF05: return "%"      // ％
        case 0xFF0B: return "+"      // ＋
        case 0xFF0D, 0x2212: return "-"  // － −
        case 0xFF1C: return "<"
        case 0xFF1E: return ">"
        case 0xFF1D: return "="
        case 0xFF5E: return "~"
        case 0x00A0, 0x2002, 0x2003, 0x2009, 0x202F: return " "
        case 0xFF0E:  // ． as a decimal point only between digits
            let before = i > 0 ? line[i - 1] : " ", after = i + 1 < line.count ? line[i + 1] : " "
            if isDigitLike(before) && isDigitLike(after) { return "." }
            return s
        default: return s
        }
    }

    @inline(__always) static func isDigitLike(_ s: Unicode.Scalar) -> Bool {
        CharClass.isDigit(s) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }

    /// Removes thousands separators ("29,586.86"), spaces inside a number and its unit
    /// ("2 辆", "2020 年", "13.44 万元") and single spaces between ideographs (PDF export).
    ///
    /// Linear in the line whatever its shape: a run of spaces is scanned once (only its first space
    /// can be dropped alone or with the run: the others follow a space), and the separator tests
    /// remember the chain of digit groups they last walked (`ChainMemo`).
    static func compact(_ s: [Unicode.Scalar], _ c: [Int32]) -> ([Unicode.Scalar], [Int32]) {
        // Most lines lose nothing: the output is only made at the first scalar dropped (the ones
        // before it copied at once); until then `s[..<i]` is the output.
        var out = [Unicode.Scalar]()
        var cols = [Int32]()
        var copying = false
        func startCopy(before i: Int) {
            guard !copying else { return }
            copying = true
            out.reserveCapacity(s.count)
            cols.reserveCapacity(s.count)
            out.append(contentsOf: s[..<i])
            cols.append(contentsOf: c[..<i])
        }
        var memo = ChainMemo()
        var i = 0
        let n = s.count
        while i < n {
            let ch = s[i]
            if (ch == "," || ch == "，") && isThousandsSeparator(s, at: i, memo: &memo) {
                startCopy(before: i)
                i += 1
                continue
            }
            if CharClass.isInlineSpace(ch) {
                if isSpaceThousandsSeparator(s, at: i, memo: &memo) {
                    startCopy(before: i)
                    i += 1
                    continue
                }
                var j = i
                while j < n && CharClass.isInlineSpace(s[j]) { j += 1 }
                let prev = copying ? out.last : (i > 0 ? s[i - 1] : nil)
                let next: Unicode.Scalar? = j < n ? s[j] : nil
                if let p = prev, let q = next, dropSpace(between: p, and: q, runLength: j - i) {
                    startCopy(before: i)
                    i = j
                    continue
                }
                if copying {
                    out.append(contentsOf: s[i..<j])
                    cols.append(contentsOf: c[i..<j])
                }
                i = j
                continue
            }
            if copying {
                out.append(ch)
                cols.append(c[i])
            }
            i += 1
        }
        return copying ? (out, cols) : (s, c)
    }

    /// What the separator tests of one line last found, so that a chain of groups
    /// ("1,234,567,…", "1 234 567 …万元", "1，234，567….00") is walked once, not once per separator.
    struct ChainMemo {
        /// The last "," judged, and the verdict.
        var comma = -1, commaResult = false
        /// The last group space judged, and the verdict.
        var space = -1, spaceResult = false
        /// A walk over "，ddd" groups: its first and last "，" (groups are 4 scalars apart) and its verdict.
        var wideFrom = -1, wideTo = -1, wideResult = false
    }

    static func dropSpace(between p: Unicode.Scalar, and q: Unicode.Scalar, runLength: Int) -> Bool {
        let pDigit = CharClass.isDigit(p) || p == "%" || p == "."
        let qDigit = CharClass.isDigit(q)
        // "2 辆", "2020 年", "13.44 万元", "95 %"
        if pDigit && (CharClass.isHan(q) || q == "%" || q == "‰") { return true }
        // "为 29586.86", "共计 259 件"
        if CharClass.isHan(p) && qDigit { return true }
        // "分管 领导": a single space between ideographs is an export artifact; wider runs are layout
        if runLength == 1 && CharClass.isHan(p) && CharClass.isHan(q) { return true }
        // "（ 含 ）" style spacing next to CJK punctuation
        if runLength == 1 && ((CharClass.isCJK(p) && !CharClass.isHan(p) && p != "\u{3000}") || (CharClass.isCJK(q) && !CharClass.isHan(q) && q != "\u{3000}")) {
            return CharClass.isHan(p) || CharClass.isHan(q) || qDigit || pDigit
        }
        return false
    }

    /// A single space between digit groups, "32 500.00万元": d{1,3}( ddd)+ with an optional decimal
    /// part, then straight away a money unit. Without the unit a space between numbers is more
    /// likely a column gap; so is one before a percentage ("15 100%": a weight of 15, then a rate of
    /// 100% in the next column), since a rate of a thousand percent or more is not written grouped.
    static func isSpaceThousandsSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var memo = ChainMemo()
        return isSpaceThousandsSeparator(s, at: i, memo: &memo)
    }

    static func isSpaceThousandsSeparator(_ s: [Unicode.Scalar], at i: Int, memo: inout ChainMemo) -> Bool {
        let result = spaceSeparatorVerdict(s, at: i, memo: memo)
        if i > 0 && isGroupSpace(s[i]) { memo.space = i; memo.spaceResult = result }
        return result
    }

    /// The group before each space back to the chain's first space must be 1-3 digits (not after
    /// "." "," "-"), and the groups from that first space on must end in a unit. Walks back without
    /// recursion; stops at the space the memo judged last.
    private static func spaceSeparatorVerdict(_ s: [Unicode.Scalar], at start: Int, memo: ChainMemo) -> Bool {
        var i = start
        while true {
            guard i > 0, isGroupSpace(s[i]), CharClass.isDigit(s[i - 1]) else { return false }
            if i != start && i == memo.space { return memo.spaceResult }
            // the group before: 1-3 digits, opening the number or after another single space
            var j = i - 1
            while j >= 0 && CharClass.isDigit(s[j]) && i - 1 - j <= 3 { j -= 1 }
            guard (i - 1 - j) <= 3 else { return false }
            if j >= 0 && (s[j] == "." || s[j] == "," || s[j] == "-") { return false }
            // an earlier group: the whole chain must hold
            if j > 0 && isGroupSpace(s[j]) && CharClass.isDigit(s[j - 1]) {
                i = j
                continue
            }
            return followingGroupsEndInUnit(s, from: i)
        }
    }

    static func isGroupSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\u{00A0}" || c == "\u{2009}" || c == "\u{202F}"
    }

    /// From a space at `i`: " ddd" groups, an optional ".d+" and a unit right after.
    static func followingGroupsEndInUnit(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        var k = i
        var groups = 0
        while k < s.count && isGroupSpace(s[k]) {
            for d in 1...3 { guard k + d < s.count, CharClass.isDigit(s[k + d]) else { return false } }
            k += 4
            groups += 1
            if k < s.count && CharClass.isDigit(s[k]) { return false }
        }
        guard groups > 0 else { return false }
        if k < s.count && s[k] == "." {
            k += 1
            let start = k
            while k < s.count && CharClass.isDigit(s[k]) { k += 1 }
            guard k > start else { return false }
        }
        guard k < s.count else { return false }
        return ["万", "元", "亿", "千"].contains(s[k])
    }

    /// A comma between digit groups: d{1,3}(,ddd)+ not followed by another digit.
    static func isThousandsSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var memo = ChainMemo()
        return isThousandsSeparator(s, at: i, memo: &memo)
    }

    static func isThousandsSeparator(_ s: [Unicode.Scalar], at i: Int, memo: inout ChainMemo) -> Bool {
        let result = commaVerdict(s, at: i, memo: &memo)
        if s[i] == "," { memo.comma = i; memo.commaResult = result }
        return result
    }

    private static func commaVerdict(_ s: [Unicode.Scalar], at start: Int, memo: inout ChainMemo) -> Bool {
        var i = start
        while true {
            if i != start && i == memo.comma { return memo.commaResult }
            guard i > 0, CharClass.isDigit(s[i - 1]) else { return false }
            // exactly three digits after the comma, then a non-digit
            for k in 1...3 {
                guard i + k < s.count, CharClass.isDigit(s[i + k]) else { return false }
            }
            if i + 4 < s.count && CharClass.isDigit(s[i + 4]) { return false }
            // the group before the comma: 1-3 digits, starting the number (or after another separator)
            var j = i - 1
            var count = 0
            while j >= 0 && CharClass.isDigit(s[j]) && count <= 3 {
                count += 1
                j -= 1
            }
            if count > 3 { return false }
            if j >= 0 && (s[j] == "." ) { return false }
            if s[i] == "，" {
                // a full-width comma is a thousands separator only in "29，586.86" / "1，234，567.89"
                // (decimals follow the last group)
                if i >= memo.wideFrom && i <= memo.wideTo && (i - memo.wideFrom) % 4 == 0 { return memo.wideResult }
                var k = i
                var verdict = false
                while k + 4 < s.count && s[k] == "，" && (1...3).allSatisfy({ CharClass.isDigit(s[k + $0]) }) {
                    k += 4
                    if s[k] == "." { verdict = k + 1 < s.count && CharClass.isDigit(s[k + 1]); break }
                    if s[k] != "，" { break }
                }
                // every "，" the walk passed gives the same verdict
                memo.wideFrom = i
                memo.wideTo = s[k] == "，" ? k : k - 4
                memo.wideResult = verdict
                return verdict
            }
            if j >= 0 && s[j] == "," {
                // "1,234,567": the earlier group must itself be a separator
                i = j
                continue
            }
            // a lone "1,2" list is not grouping (caught by the 3-digit test); "12,345" is
            return true
        }
    }

    /// Table-of-contents entries ("一、部门基本情况.....1") and page-number lines ("- 3 -", "第3页").
    static func artifact(of s: [Unicode.Scalar]) -> LineArtifact? {
        var start = 0, end = s.count
        while start < end && CharClass.isWhitespace(s[start]) { start += 1 }
        while end > start && CharClass.isWhitespace(s[end - 1]) { end -= 1 }
        if start == end { return nil }
        // (read in place: the trimmed copy is made only for a line of few digits, below)
        // TOC leader: a run of 3+ dots/ellipses/middle dots, then only a page number
        var j = end
        while j > start && (CharClass.isDigit(s[j - 1]) || CharClass.isWhitespace(s[j - 1])) { j -= 1 }
        if j < end && j > start {
            var dots = 0
            var k = j
            while k > start && (s[k - 1] == "." || s[k - 1] == "…" || s[k - 1] == "·" || s[k - 1] == "．" || s[k - 1] == "-" || s[k - 1] == "_") {
                dots += s[k - 1] == "…" ? 3 : 1
                k -= 1
            }
            if dots >= 3 && k > start { return .tableOfContents }
        }
        // page numbers
        var digits = 0
        for k in start..<end where CharClass.isDigit(s[k]) {
            digits += 1
            if digits > 4 { return nil }
        }
        // a page number of dashes is 12 scalars at most; one of words starts with "第"
        if digits > 0 && (end - start <= 12 || s[start] == "第") {
            let t = Array(s[start..<end])
            let others = t.filter { !CharClass.isDigit($0) && !CharClass.isWhitespace($0) }
            let dashes = ScalarSets.dashes
            if !others.isEmpty && others.allSatisfy({ dashes.contains($0) }) && t.count <= 12 && dashes.contains(t.first!) && dashes.contains(t.last!) {
                return .pageNumber
            }
            let text = ScalarString.make(t.filter { !CharClass.isWhitespace($0) })
            if text.hasPrefix("第") && text.hasSuffix("页") && text.count <= 12 { return .pageNumber }
            if text.hasPrefix("第") && text.contains("页") && text.contains("共") && text.count <= 14 && others.allSatisfy({ "第页共/".unicodeScalars.contains($0) }) { return .pageNumber }
        }
        return nil
    }
}
