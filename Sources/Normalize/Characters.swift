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

    /// Whether the text holds an `isWhitespace` scalar, read on its UTF-8 bytes (the scalar view
    /// decodes every scalar). In valid UTF-8 an ASCII byte is always a scalar of its own and
    /// C2, E2, E3, EF only ever start one, so each byte is tested where it stands: " " \t \n \r
    /// \u{0C}; U+00A0 = C2 A0; U+2002, U+2003, U+2009, U+202F = E2 80 82/83/89/AF;
    /// U+3000 = E3 80 80; U+FEFF = EF BB BF.
    public static func containsWhitespace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                switch b[i] {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0C: return true
                case 0xC2: if i + 1 < n && b[i + 1] == 0xA0 { return true }
                case 0xE2:
                    if i + 2 < n && b[i + 1] == 0x80 {
                        let last = b[i + 2]
                        if last == 0x82 || last == 0x83 || last == 0x89 || last == 0xAF { return true }
                    }
                case 0xE3: if i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return true }
                case 0xEF: if i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF { return true }
                default: break
                }
                i += 1
            }
            return false
        }
    }
}
