/// A small set of scalars (punctuation, brackets) asked about once per character: a linear scan
/// of a few values, where `Set<Unicode.Scalar>` hashed every scalar with a seeded hasher.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let values: [UInt32]

    public init(arrayLiteral elements: Unicode.Scalar...) {
        values = elements.map(\.value)
    }

    public init(_ text: String) {
        values = text.unicodeScalars.map(\.value)
    }

    @inlinable
    public func contains(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        for x in values where x == v { return true }
        return false
    }

}

/// The punctuation sets the scanners share, made once.
public enum ScalarSets {
    /// Commas, colons and semicolons (full-width and ASCII).
    public static let clauseBreaks: ScalarSet = ["，", ",", "；", ";", "：", ":"]
    /// Where a phrase about a year ends: clause and sentence ends, brackets, the enumeration comma.
    public static let phraseBreaks: ScalarSet = ["，", ",", "；", ";", "。", "！", "？", "\n", "\t", "：", ":", "（", "(", "、", "）", ")", "】"]
    /// Sentence ends and semicolons.
    public static let sentenceStops: ScalarSet = ["；", ";", "。", "！", "？"]
    /// Dashes and minus signs.
    public static let dashes: ScalarSet = ["-", "—", "－", "–"]
    /// What ends a line that ends its paragraph. A line ending with a cell separator is a row of
    /// cells ("[ 发布机构 ] | 某局 |", a web page's details above the report), never prose cut mid-sentence.
    public static let lineEnders: ScalarSet = ["。", "！", "？", "；", "：", ":", ";", "!", "?", "…", "”", "」", "』", "》", "|"]
    public static let closingQuotes: ScalarSet = ["”", "」", "』"]
    /// What ends a sentence inside a closing quote ("…。”").
    public static let sentenceEnders: ScalarSet = ["。", "！", "？", "!", "?", "…", "；", ";"]
}
