import Foundation

/// Substring search over Unicode scalars: the one hand-written loop every scanner shares.
public enum ScalarSearch {
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
        guard let first = word.unicodeScalars.first, first == "\t" || first.value >= 0x2E80 else { return text.contains(word) }
        let mayMatch = text.unicodeScalars.contains { ch in
            ch == first || (ch.value >= 0xF900 && ch.value <= 0xFAFF) || (ch.value >= 0x2F800 && ch.value <= 0x2FA1F)
        }
        return mayMatch && text.contains(word)
    }
}
