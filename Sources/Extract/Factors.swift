import JXCore
import JXNormalize
import JXRules

/// Figures that are factors of a product written out in the text.
public enum Factors {
    /// An amount multiplied in after a count ("小学22,880人×720元", "86台×22万元", "86人×200元×12个月"): an
    /// amount per unit of the count, so no part of a list and no slip of scale beside larger amounts.
    /// (An amount after another amount, "总投资1,000万元×10%" read the other way round, is no such factor.)
    public static func isPerUnitFactor(_ f: Fact, in s: [Unicode.Scalar], vocabulary: Vocabulary) -> Bool {
        guard f.kind.isMoney, f.number.numberRange.lowerBound <= s.count else { return false }
        var k = f.number.numberRange.lowerBound
        while k > 0 && CharClass.isWhitespace(s[k - 1]) { k -= 1 }
        let sign = vocabulary[.multiplicationSigns].suffixLength(s, endingAt: k)
        guard sign > 0 else { return false }
        var j = k - sign
        while j > 0 && CharClass.isWhitespace(s[j - 1]) { j -= 1 }
        guard vocabulary[.moneyUnitWords].suffixLength(s, endingAt: j) == 0 else { return false }
        // the count's measure word (人, 台, 平方米, 个月) and then its digits
        var unitLength = 0
        while j > 0 && unitLength <= 4 && !CharClass.isDigit(s[j - 1]) {
            if CharClass.isClauseBreak(s[j - 1]) || s[j - 1] == "。" || CharClass.isWhitespace(s[j - 1]) { return false }
            j -= 1
            unitLength += 1
        }
        return j > 0 && CharClass.isDigit(s[j - 1])
    }
}
