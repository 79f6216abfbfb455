/// Character classes used by every text scanner. Hand-written scalar tests: these run per character.
public enum CharClass {
    @inlinable @inline(__always) public static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value &- 0x30 < 10 }

    @inlinable @inline(__always) public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// A clause break: the commas, colons and semicolons, full-width and ASCII ("，,：:；;").
    @inlinable @inline(__always) public static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "，", ",", "：", ":", "；", ";": return true
        default: return false
        }
    }

    /// Ideographs (the running text of a report).
    @inlinable @inline(__always) public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0xF900 && v <= 0xFAFF)
            || (v >= 0x20000 && v <= 0x2FFFF) || v == 0x3007
    }

    /// CJK text in a wide sense: ideographs, CJK punctuation, full-width forms.
    @inlinable @inline(__always) public static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return isHan(s) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2E80 && v <= 0x2FDF)
    }

    /// Spaces that PDF and Word exports put inside numbers and between words (not tabs).
    @inlinable @inline(__always) public static func isInlineSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x20 || v == 0xA0 || v == 0x3000 || v == 0x2002 || v == 0x2003 || v == 0x2009 || v == 0x202F
    }

    @inlinable @inline(__always) public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        isInlineSpace(s) || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" || s == "\u{FEFF}"
    }
}
