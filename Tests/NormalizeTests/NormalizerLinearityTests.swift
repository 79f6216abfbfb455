import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
@testable import JXNormalize

/// The normalizer is linear in its input whatever the line's shape (issue 14): long runs of spaces
/// (pdftotext -layout), chains of digit groups, CR-only text. Each shape is fed at 1× and 8×; the
/// thread CPU time may grow at most 10× (quadratic work would grow 64×). The linear rewrite of
/// `compact`, `layoutGapsToTabs` and the separator tests is checked against the previous
/// (quadratic) implementation, kept below as the reference.
@Suite("Normalizer linearity")
struct NormalizerLinearityTests {
    static func document(_ text: String, format: DocumentFormat = .text) -> Document {
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return Document(path: "t.txt", format: format, encoding: "utf-8", lines: lines)
    }

    static let shapes: [(name: String, make: @Sendable (Int) -> String)] = [
        ("spaces", { String(repeating: " ", count: $0) }),
        ("ideographic spaces", { String(repeating: "\u{3000}", count: $0) }),
        ("spaces between figures", { String(repeating: "12  ", count: $0 / 4) }),
        ("space groups", { "1" + String(repeating: " 234", count: $0 / 4) + "万元" }),
        ("space groups without unit", { String(repeating: "123 ", count: $0 / 4) }),
        ("comma groups", { "1" + String(repeating: ",234", count: $0 / 4) + "万元" }),
        ("full-width comma groups", { "1" + String(repeating: "，234", count: $0 / 4) + ".00万元" }),
        ("digits", { String(repeating: "9", count: $0) }),
        ("CR-only text", { String(repeating: "全年预算数100.00万元，其中基本支出40.00万元。\r", count: $0 / 28) }),
        ("bookmark openers", { String(repeating: "[bookmark:", count: $0 / 10) }),
        ("dots", { String(repeating: ".", count: $0) + "1" }),
    ]

    @Test(arguments: [DocumentFormat.text, DocumentFormat.pdf])
    func everyShapeIsLinear(format: DocumentFormat) {
        for shape in Self.shapes {
            let small = Self.document(shape.make(20_000), format: format)
            let large = Self.document(shape.make(160_000), format: format)
            // 8× the input within 12× the time (n log n is 10×; under load the larger input loses more cache): quadratic work is 64× slower on every turn
            let scaling = Scaling.measure(bound: 12, floor: 0.002,
                                          small: { _ = Normalizer.normalize(small) }, large: { _ = Normalizer.normalize(large) })
            #expect(scaling.holds(12), "\(shape.name) (\(format)): \(scaling)")
        }
    }

    @Test func millionSpacesInWellUnderASecondOfCPU() {
        let doc = Self.document("2022年度部门整体支出绩效自评报告\n" + String(repeating: " ", count: 1_000_000) + "\n", format: .pdf)
        let seconds = CPUTime.best(of: 1) { _ = Normalizer.normalize(doc) }
        #expect(seconds < 3, "1M spaces: \(seconds) s")
    }

    @Test func longChainsDoNotRecurse() {
        // 250 000 groups in one chain: the old separator tests recursed once per group
        let text = "1" + String(repeating: ",234", count: 250_000) + "万元 1" + String(repeating: " 234", count: 250_000) + "万元"
        let line = Normalizer.normalize(line: SourceLine(number: 1, text: text))
        #expect(String(String.UnicodeScalarView(line.scalars)) == "1" + String(repeating: "234", count: 250_000) + "万元1" + String(repeating: "234", count: 250_000) + "万元")
    }

    /// Random lines over the scalars the separator and space rules look at: the new functions
    /// give exactly what the reference gives.
    @Test func sameResultsAsTheReference() {
        let alphabet: [Unicode.Scalar] = ["1", "2", "3", "0", " ", " ", ",", "，", ".", "万", "元", "%", "年", "甲", "（", "）",
                                          "\u{3000}", "-", "\t", "亿", "‰", "，", "：", "a"]
        var seed: UInt64 = 0x1234_5678_9ABC_DEF1
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % 1_000_000)
        }
        var mismatches = [String]()
        for _ in 0..<20_000 {
            var s = [Unicode.Scalar]()
            for _ in 0..<(1 + next() % 40) {
                // runs make chains and gaps likely
                let scalar = alphabet[next() % alphabet.count]
                for _ in 0..<(next() % 5 == 0 ? 1 + next() % 4 : 1) { s.append(scalar) }
            }
            let c = (0..<s.count).map { Int32($0 + 1) }
            let text = String(String.UnicodeScalarView(s))
            let new = Normalizer.compact(s, c), old = Reference.compact(s, c)
            if new.0 != old.0 || new.1 != old.1 { mismatches.append("compact \(text.debugDescription)") }
            let newTabs = Normalizer.layoutGapsToTabs(s, c), oldTabs = Reference.layoutGapsToTabs(s, c)
            if newTabs.0 != oldTabs.0 || newTabs.1 != oldTabs.1 { mismatches.append("layout \(text.debugDescription)") }
            for i in s.indices {
                if (s[i] == "," || s[i] == "，") && Normalizer.isThousandsSeparator(s, at: i) != Reference.isThousandsSeparator(s, at: i) {
                    mismatches.append("comma at \(i) in \(text.debugDescription)")
                }
                if CharClass.isInlineSpace(s[i]) && Normalizer.isSpaceThousandsSeparator(s, at: i) != Reference.isSpaceThousandsSeparator(s, at: i) {
                    mismatches.append("space at \(i) in \(text.debugDescription)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }
}


/// The normalizer's space and separator rules as they were before the linear rewrite
/// (commit 1e62da5), for the equivalence test.
private enum Reference {
    static func layoutGapsToTabs(_ s: [Unicode.Scalar], _ c: [Int32]) -> ([Unicode.Scalar], [Int32]) {
        var start = 0
        while start < s.count && CharClass.isInlineSpace(s[start]) { start += 1 }
        guard start < s.count else { return (s, c) }
        let body = Array(s[start...])
        if Normalizer.startsWithListMarker(body) { return (s, c) }
        var out = [Unicode.Scalar](), cols = [Int32]()
        var i = start
        while i < s.count {
            if CharClass.isInlineSpace(s[i]) {
                var j = i
                while j < s.count && CharClass.isInlineSpace(s[j]) { j += 1 }
                if j - i >= 2 && j < s.count {
                    out.append("\t")
                    cols.append(c[i])
                    i = j
                    continue
                }
            }
            out.append(s[i])
            cols.append(c[i])
            i += 1
        }
        return (out, cols)
    }
    static func compact(_ s: [Unicode.Scalar], _ c: [Int32]) -> ([Unicode.Scalar], [Int32]) {
        var out = [Unicode.Scalar]()
        var cols = [Int32]()
        out.reserveCapacity(s.count)
        cols.reserveCapacity(s.count)
        var i = 0
        let n = s.count
        while i < n {
            let ch = s[i]
            if (ch == "," || ch == "，") && isThousandsSeparator(s, at: i) {
                i += 1
                continue
            }
            if CharClass.isInlineSpace(ch) && isSpaceThousandsSeparator(s, at: i) {
                i += 1
                continue
            }
            if CharClass.isInlineSpace(ch) {
                var j = i
                while j < n && CharClass.isInlineSpace(s[j]) { j += 1 }
                let prev = out.last
                let next: Unicode.Scalar? = j < n ? s[j] : nil
                if let p = prev, let q = next, dropSpace(between: p, and: q, runLength: j - i) {
                    i = j
                    continue
                }
            }
            out.append(ch)
            cols.append(c[i])
            i += 1
        }
        return (out, cols)
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
    /// part, then straight away a money or percent unit. Without the unit a space between numbers
    /// is more likely a column gap.
    static func isSpaceThousandsSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, isGroupSpace(s[i]), CharClass.isDigit(s[i - 1]) else { return false }
        // the group before: 1-3 digits, opening the number or after another single space
        var j = i - 1
        while j >= 0 && CharClass.isDigit(s[j]) { j -= 1 }
        guard (i - 1 - j) <= 3 else { return false }
        if j >= 0 && (s[j] == "." || s[j] == "," || s[j] == "-") { return false }
        // an earlier group: the whole chain must hold
        if j > 0 && isGroupSpace(s[j]) && CharClass.isDigit(s[j - 1]) { return isSpaceThousandsSeparator(s, at: j) }
        return followingGroupsEndInUnit(s, from: i)
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
        // no grouping before a percentage ("15 100%" is a column gap), as the normalizer now reads it
        return ["万", "元", "亿", "千"].contains(s[k])
    }

    /// A comma between digit groups: d{1,3}(,ddd)+ not followed by another digit.
    static func isThousandsSeparator(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, CharClass.isDigit(s[i - 1]) else { return false }
        // exactly three digits after the comma, then a non-digit
        guard i + 3 < s.count + 1 else { return false }
        for k in 1...3 {
            guard i + k < s.count, CharClass.isDigit(s[i + k]) else { return false }
        }
        if i + 4 < s.count && CharClass.isDigit(s[i + 4]) { return false }
        // the group before the comma: 1-3 digits, starting the number (or after another separator)
        var j = i - 1
        var count = 0
        while j >= 0 && CharClass.isDigit(s[j]) {
            count += 1
            j -= 1
        }
        if count > 3 { return false }
        if j >= 0 && (s[j] == "." ) { return false }
        if s[i] == "，" {
            // a full-width comma is a thousands separator only in "29，586.86" / "1，234，567.89"
            // (decimals follow the last group)
            var k = i
            while k + 4 < s.count && s[k] == "，" && (1...3).allSatisfy({ CharClass.isDigit(s[k + $0]) }) {
                k += 4
                if s[k] == "." { return k + 1 < s.count && CharClass.isDigit(s[k + 1]) }
                if s[k] != "，" { return false }
            }
            return false
        }
        if j >= 0 && s[j] == "," {
            // "1,234,567": the earlier group must itself be a separator
            return isThousandsSeparator(s, at: j)
        }
        // a lone "1,2" list is not grouping (caught by the 3-digit test); "12,345" is
        return true
    }

}
