import Testing
import JXCore
import JXLoad
@testable import JXNormalize

/// The artifact test reads the line in place and makes the trimmed copy only for a short line of
/// few digits (or one starting with "第"): it agrees with the test as it was, which always copied.
@Suite("Normalizer: artifact fast path")
struct NormalizerFastPathTests {
    /// `Normalizer.artifact(of:)` before the fast path.
    static func plainArtifact(_ s: [Unicode.Scalar]) -> LineArtifact? {
        var start = 0, end = s.count
        while start < end && CharClass.isWhitespace(s[start]) { start += 1 }
        while end > start && CharClass.isWhitespace(s[end - 1]) { end -= 1 }
        if start == end { return nil }
        let t = Array(s[start..<end])
        var j = t.count
        while j > 0 && (CharClass.isDigit(t[j - 1]) || CharClass.isWhitespace(t[j - 1])) { j -= 1 }
        if j < t.count && j > 0 {
            var dots = 0
            var k = j
            while k > 0 && (t[k - 1] == "." || t[k - 1] == "…" || t[k - 1] == "·" || t[k - 1] == "．" || t[k - 1] == "-" || t[k - 1] == "_") {
                dots += t[k - 1] == "…" ? 3 : 1
                k -= 1
            }
            if dots >= 3 && k > 0 { return .tableOfContents }
        }
        let digits = t.filter(CharClass.isDigit).count
        if digits > 0 && digits <= 4 {
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

    @Test func sameVerdictsAsBefore() {
        let alphabet: [Unicode.Scalar] = ["1", "2", "0", " ", "\u{3000}", "\t", ".", "…", "·", "．", "-", "_", "—", "第", "页", "共",
                                          "/", "甲", "、", "\u{301}", "一"]
        var seed: UInt64 = 0x0DDB_1A5E_5BAD_5EED
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % 1_000_000)
        }
        var mismatches = [String]()
        var found = [LineArtifact: Int]()
        for _ in 0..<50_000 {
            var s = [Unicode.Scalar]()
            for _ in 0..<(next() % 20) {
                let scalar = alphabet[next() % alphabet.count]
                for _ in 0..<(next() % 4 == 0 ? 1 + next() % 5 : 1) { s.append(scalar) }
            }
            let verdict = Normalizer.artifact(of: s)
            if let verdict { found[verdict, default: 0] += 1 }
            if verdict != Self.plainArtifact(s) { mismatches.append(String(String.UnicodeScalarView(s)).debugDescription) }
        }
        for line in ["- 3 -", "第3页", "第 3 页 共 12 页", "第3页/共12页", "一、部门基本情况……………………1", "— 12 —", "第12345页", "全年预算数100万元"] {
            let s = Array(line.unicodeScalars)
            if Normalizer.artifact(of: s) != Self.plainArtifact(s) { mismatches.append(line) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
        // the random lines reach both kinds
        #expect((found[.pageNumber] ?? 0) > 0 && (found[.tableOfContents] ?? 0) > 0, "\(found)")
    }

    @Test func whitespaceOnBytes() {
        // every white space scalar and its UTF-8 neighbours (U+00A1, U+2001, U+2004, U+2080, U+202E,
        // U+3001, U+3080, U+FEFE, U+FFBF, U+FBBF)
        let alphabet: [Unicode.Scalar] = [" ", "\t", "\n", "\r", "\u{0C}", "\u{0B}", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}",
                                          "\u{202F}", "\u{3000}", "\u{FEFF}", "\u{A1}", "\u{2001}", "\u{2004}", "\u{2080}", "\u{202E}",
                                          "\u{3001}", "\u{3080}", "\u{FEFE}", "\u{FFBF}", "\u{FBBF}", "a", "甲", "，", "\u{1F600}"]
        var seed: UInt64 = 0x5EED_0F_5EA5_1DE5
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % 1_000_000)
        }
        for _ in 0..<30_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 8) {
                // white space now and then: most texts hold none
                let k = next() % 4 == 0 ? next() % alphabet.count : 13 + next() % (alphabet.count - 13)
                view.append(alphabet[k])
            }
            let text = String(view)
            #expect(CharClass.containsWhitespace(text) == text.unicodeScalars.contains(where: CharClass.isWhitespace), "\(text.debugDescription)")
        }
    }
}
