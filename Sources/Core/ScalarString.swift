/// Unicode scalars → String, encoded as UTF-8 in one pass. `String(String.UnicodeScalarView(s))`
/// appends the scalars one at a time through the generic path, which was a seventh of the whole
/// tool's work; this writes the same UTF-8 straight into the string's storage.
public enum ScalarString {
    @inlinable
    public static func make<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        let count = scalars.count
        if count == 0 { return "" }
        return String(unsafeUninitializedCapacity: count * 4) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[n] = UInt8(truncatingIfNeeded: v)
                    n += 1
                } else if v < 0x800 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    n += 2
                } else if v < 0x10000 {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    n += 3
                } else {
                    buffer[n] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
                    buffer[n + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
                    buffer[n + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
                    buffer[n + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
                    n += 4
                }
            }
            return n
        }
    }
}

extension ScalarString {
    /// The scalar is a character of its own whatever stands beside it: ASCII and Latin-1 before the
    /// combining marks, and the CJK ranges without marks (ideographs, kana, CJK punctuation,
    /// fullwidth forms). Text made only of these reads the same by scalars as by characters.
    @inlinable
    public static func isOwnCharacter(_ ch: Unicode.Scalar) -> Bool {
        switch ch.value {
        case 0x0A, 0x20...0x7E, 0xA0...0x2FF: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF01...0xFF9D: return true
        default: return false
        }
    }
}
