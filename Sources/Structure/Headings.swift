import JXNormalize

/// Recognises heading markers at the start of a paragraph: 一、 / （一） / 1. / （1） / ① /
/// 第一部分 / Markdown "#", in full-width and half-width forms.
public enum HeadingDetector {
    public struct Match: Sendable {
        public var style: HeadingStyle
        public var ordinal: Int
        public var markerRange: Range<Int>
        public var titleRange: Range<Int>
    }

    public static func detect(_ text: TextRun, words: StructureWords) -> Match? {
        let s = text.scalars
        var i = 0
        while i < s.count && CharClass.isWhitespace(s[i]) { i += 1 }
        guard i < s.count else { return nil }
        let start = i
        var style: HeadingStyle?
        var ordinal = 0
        var markerEnd = i

        if s[i] == "#" {
            var j = i
            while j < s.count && s[j] == "#" { j += 1 }
            if j - i <= 6 && j < s.count && s[j] == " " {
                style = .markdown
                ordinal = j - i  // the Markdown level
                markerEnd = j + 1
            }
        } else if s[i] == "第", let (value, j) = chineseNumber(s, from: i + 1), j < s.count {
            let length = words.chapterWords.prefixLength(s, at: j)
            if length > 0 {
                style = .chapter
                ordinal = value
                markerEnd = j + length
            }
        } else if let (value, j) = chineseNumber(s, from: i), j < s.count, s[j] == "、" || s[j] == "．" || s[j] == "." {
            style = .chineseNumeral
            ordinal = value
            markerEnd = j + 1
        } else if s[i] == "（" || s[i] == "(" {
            if let (value, j) = chineseNumber(s, from: i + 1), j < s.count, s[j] == "）" || s[j] == ")" {
                style = .parenChinese
                ordinal = value
                markerEnd = j + 1
            } else if let (value, j) = arabicNumber(s, from: i + 1), j < s.count, s[j] == "）" || s[j] == ")" {
                style = .parenArabic
                ordinal = value
                markerEnd = j + 1
            }
        } else if s[i].value >= 0x2460 && s[i].value <= 0x2473 {
            style = .circled
            ordinal = Int(s[i].value - 0x2460) + 1
            markerEnd = i + 1
        } else if let (value, j) = arabicNumber(s, from: i), j < s.count, s[j] == "." || s[j] == "、" || s[j] == "．" {
            // "1.产出数量" but not "1.5万元" and not a year "2020."
            let next: Unicode.Scalar? = j + 1 < s.count ? s[j + 1] : nil
            if let n = next, !CharClass.isDigit(n), value < 100 {
                style = .arabic
                ordinal = value
                markerEnd = j + 1
            }
        }
        guard let found = style else { return nil }
        var titleStart = markerEnd
        while titleStart < s.count && CharClass.isWhitespace(s[titleStart]) { titleStart += 1 }
        // A heading that runs into body text ends its title at the first 。 (or ：).
        var titleEnd = s.count
        var k = titleStart
        while k < s.count {
            if s[k] == "。" || s[k] == "：" || s[k] == ":" || s[k] == "！" || s[k] == "？" {
                titleEnd = k
                break
            }
            k += 1
        }
        _ = start
        return Match(style: found, ordinal: ordinal, markerRange: start..<markerEnd, titleRange: titleStart..<titleEnd)
    }

    /// An enumerator starting exactly at `i` inside running text ("…；2、示范性活动…", "… （二）援建…"):
    /// its style, ordinal and end. Markdown and chapter markers open lines only and are not looked for.
    public static func enumerator(_ s: [Unicode.Scalar], at i: Int) -> (style: HeadingStyle, ordinal: Int, end: Int)? {
        guard i < s.count else { return nil }
        if let (value, j) = chineseNumber(s, from: i), j < s.count, s[j] == "、" {
            return (.chineseNumeral, value, j + 1)
        }
        if s[i] == "（" || s[i] == "(" {
            if let (value, j) = chineseNumber(s, from: i + 1), j < s.count, s[j] == "）" || s[j] == ")" { return (.parenChinese, value, j + 1) }
            if let (value, j) = arabicNumber(s, from: i + 1), j < s.count, s[j] == "）" || s[j] == ")", value < 100 { return (.parenArabic, value, j + 1) }
            return nil
        }
        if s[i].value >= 0x2460 && s[i].value <= 0x2473 { return (.circled, Int(s[i].value - 0x2460) + 1, i + 1) }
        if let (value, j) = arabicNumber(s, from: i), j + 1 < s.count, s[j] == "." || s[j] == "、" || s[j] == "．",
           !CharClass.isDigit(s[j + 1]) || opensWithYear(s, at: j + 1), value < 100 {
            return (.arabic, value, j + 1)
        }
        return nil
    }

    /// "1.2021年第一批…项目": a year right after "N." is the item's first word, not decimals of N.
    static func opensWithYear(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 4 < s.count, s[i + 4] == "年", s[i] == "1" && s[i + 1] == "9" || s[i] == "2" && s[i + 1] == "0" else { return false }
        return CharClass.isDigit(s[i + 2]) && CharClass.isDigit(s[i + 3])
    }

    static func arabicNumber(_ s: [Unicode.Scalar], from i: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while j < s.count && CharClass.isDigit(s[j]) && j - i < 3 {
            value = value * 10 + Int(s[j].value - 48)
            j += 1
        }
        return j > i ? (value, j) : nil
    }

    /// Parses a Chinese numeral (一 … 九十九, with 十/百) starting at `i`.
    public static func chineseNumber(_ s: [Unicode.Scalar], from i: Int) -> (Int, Int)? {
        var j = i
        var total = 0
        var current = 0
        var seen = false
        while j < s.count, j - i < 6 {
            let ch = s[j]
            if let d = ChineseNumerals.digit(ch) {
                current = d
                seen = true
            } else if ch == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
                seen = true
            } else if ch == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
                seen = true
            } else {
                break
            }
            j += 1
        }
        guard seen else { return nil }
        return (total + current, j)
    }
}

public enum ChineseNumerals {
    public static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        default: return nil
        }
    }
}
