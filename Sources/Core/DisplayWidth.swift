/// Terminal display width of text (East Asian Width, UAX #11, simplified): Wide and Fullwidth
/// characters take two columns, combining marks and zero-width format characters none,
/// everything else one (controls, which the text formatter shows as a space, count one;
/// Ambiguous characters such as "…" count one, as in non-CJK terminals).
public enum DisplayWidth {
    /// Inclusive ranges of East Asian Wide (W) and Fullwidth (F) code points, sorted.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,     // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,     // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,     // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
        0x3400...0x4DBF,     // CJK Unified Ideographs Extension A
        0x4DC0...0x4DFF,     // Yijing hexagram symbols
        0x4E00...0x9FFF,     // CJK Unified Ideographs
        0xA000...0xA4CF,     // Yi
        0xA960...0xA97F,     // Hangul Jamo Extended-A
        0xAC00...0xD7A3,     // Hangul syllables
        0xF900...0xFAFF,     // CJK Compatibility Ideographs
        0xFE10...0xFE19,     // vertical forms
        0xFE30...0xFE6F,     // CJK compatibility forms, small form variants
        0xFF00...0xFF60,     // fullwidth forms
        0xFFE0...0xFFE6,     // fullwidth signs
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x18CFF,   // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1B2FF,   // Kana extended and supplements, Nushu
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x20000...0x2FFFD,   // CJK Unified Ideographs Extensions B–F, compatibility supplement
        0x30000...0x3FFFD,   // CJK Unified Ideographs Extensions G, H
    ]

    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// Display columns of one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return 1 }
        // CJK ideographs, CJK punctuation before the tone marks, fullwidth forms: wide, and no mark
        // or format character among them (the general category is a table lookup per scalar)
        if (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3000 && v <= 0x3029) || (v >= 0xFF01 && v <= 0xFF60) { return 2 }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul Jamo medial vowels and finals combine
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) { return 2 }
        if v >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Display columns of a string.
    public static func of<S: StringProtocol>(_ string: S) -> Int {
        var width = 0
        for scalar in string.unicodeScalars { width += of(scalar) }
        return width
    }
}
