import Foundation

/// Substring search over Unicode scalars: the one hand-written loop every scanner shares.
public enum ScalarSearch {
    /// The stretch around `index` between sentence stops ("；" and "。" alike), at most 300 scalars
    /// either way (many figures in one run-on sentence must not rescan it each time).
    public static func semicolonSegment(_ s: [Unicode.Scalar], around index: Int) -> Range<Int> {
        let stops = ScalarSets.sentenceStops
        var lo = index, hi = index
        while lo > max(0, index - 300) && !stops.contains(s[lo - 1]) { lo -= 1 }
        while hi < min(s.count, index + 300) && !stops.contains(s[hi]) { hi += 1 }
        return lo..<hi
    }

    /// Where the bracket that `index` stands in closes, when it closes before the sentence ends (a
    /// bounded look: an aside is short); nil when `index` is in no bracket.
    public static func closingBracket(_ s: [Unicode.Scalar], after index: Int) -> Int? {
        var depth = 0
        for k in max(0, index)..<min(s.count, max(0, index) + 200) {
            switch s[k] {
            case "（", "(": depth += 1
            case "）", ")":
                if depth == 0 { return k }
                depth -= 1
            case "。": return nil
            default: continue
            }
        }
        return nil
    }

    /// The first index ≥ `from` (and < `limit`, when given) where `needle` starts in `hay`.
    @inlinable
    public static func firstIndex(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int = 0, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? hay.count, hay.count)
        guard !needle.isEmpty, end - needle.count >= from else { return nil }
        var i = max(from, 0)
        while i + needle.count <= end {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}

extension ScalarSearch {
    /// Foundation's `text.contains(word)`, asked only when it can be true: for a word that starts
    /// with a tab or a CJK character or mark (no letter composes with them), the text must hold
    /// that scalar, or a CJK compatibility ideograph (canonically equivalent to a unified one).
    /// Most texts hold neither, and a scan of their scalars answers (Foundation's search bridges
    /// the string and folds character clusters, which made it a hot spot).
    public static func foundationContains(_ text: String, _ word: String) -> Bool {
        if word == "\t" {
            // no tab byte: no tab. A tab between ASCII or CJK characters (a table's cells) is a
            // character of its own and found; one beside anything else (a combining mark makes it
            // part of a cluster) is left to Foundation.
            var some = false
            let alone = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
                for i in b.indices where b[i] == 9 {
                    some = true
                    if standsAlone(b, before: i) && standsAlone(b, after: i) { return true }
                }
                return false
            }
            guard let alone else { return text.contains(word) }
            return alone || (some && text.contains(word))
        }
        guard let first = word.unicodeScalars.first, first == "\t" || first.value >= 0x2E80 else { return text.contains(word) }
        // both texts plain (WordSet.isPlain: every scalar a character of its own, no canonical
        // equivalents but itself): Foundation's match is a match of the bytes
        if let found = plainBytesContain(text, word) { return found }
        if word.unicodeScalars.allSatisfy(isPlainCJK) {
            // a word of ideographs and CJK punctuation (no canonical decompositions): a scalar match
            // on character boundaries is Foundation's match; anything unusual is left to Foundation
            let scalars = text.unicodeScalars, needle = Array(word.unicodeScalars)
            var i = scalars.startIndex, unsure = false
            while i < scalars.endIndex {
                let ch = scalars[i]
                if isCompatibilityIdeograph(ch) { return text.contains(word) }
                if ch == needle[0] {
                    var j = scalars.index(after: i), k = 1
                    while k < needle.count && j < scalars.endIndex && scalars[j] == needle[k] { j = scalars.index(after: j); k += 1 }
                    if k == needle.count {
                        if i.samePosition(in: text) != nil && j.samePosition(in: text) != nil { return true }
                        unsure = true
                    }
                }
                i = scalars.index(after: i)
            }
            return unsure && text.contains(word)
        }
        let mayMatch = text.unicodeScalars.contains { ch in ch == first || isCompatibilityIdeograph(ch) }
        return mayMatch && text.contains(word)
    }

    /// Whether the bytes of `word` occur in those of `text`, when both are native and plain; nil
    /// otherwise (the caller then searches as Foundation does).
    static func plainBytesContain(_ text: String, _ word: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { t -> Bool? in
            word.utf8.withContiguousStorageIfAvailable { w -> Bool? in
                guard !w.isEmpty, WordSet.isPlain(w), WordSet.isPlain(t) else { return nil }
                guard w.count <= t.count else { return false }
                let first = w[0], last = t.count - w.count
                var i = 0
                while i <= last {
                    if t[i] == first {
                        var k = 1
                        while k < w.count && t[i + k] == w[k] { k += 1 }
                        if k == w.count { return true }
                    }
                    i += 1
                }
                return false
            } ?? nil
        } ?? nil
    }

    /// CJK compatibility ideographs: canonically equivalent to unified ones.
    static func isCompatibilityIdeograph(_ ch: Unicode.Scalar) -> Bool {
        (ch.value >= 0xF900 && ch.value <= 0xFAFF) || (ch.value >= 0x2F800 && ch.value <= 0x2FA1F)
    }

    /// CJK symbols and punctuation, unified ideographs and fullwidth forms: scalars without
    /// canonical decompositions that nothing before them composes with.
    static func isPlainCJK(_ ch: Unicode.Scalar) -> Bool {
        switch ch.value {
        case 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E, 0x20000...0x2A6DF: return true
        default: return false
        }
    }

    /// The character before byte `i` of UTF-8 text is absent, ASCII, or in U+4000–U+9FFF (CJK,
    /// which never joins a cluster).
    static func standsAlone(_ b: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        if i == 0 || b[i - 1] < 0x80 { return true }
        return i >= 3 && (0xE4...0xE9).contains(b[i - 3]) && b[i - 2] & 0xC0 == 0x80 && b[i - 1] & 0xC0 == 0x80
    }

    /// The character after byte `i` is absent, ASCII, or in U+4000–U+9FFF.
    static func standsAlone(_ b: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        let j = i + 1
        if j == b.count || b[j] < 0x80 { return true }
        return (0xE4...0xE9).contains(b[j])
    }
}
