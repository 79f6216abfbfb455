#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unicode scalars → String, encoded as UTF-8 in one pass. `String(String.UnicodeScalarView(s))`
/// appends the scalars one at a time through the generic path, which was a seventh of the whole
/// tool's work; this writes the same UTF-8 straight into the string's storage.
public enum ScalarString {
    /// The scalar starting at byte `i` of valid UTF-8 (a String's own bytes), and its length in
    /// bytes: for loops over a string's bytes, where stepping its scalar view's indexes costs
    /// several times the work.
    @inlinable @inline(__always)
    public static func scalar(inUTF8 b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (Unicode.Scalar(UInt8(c0)), 1) }
        let value: UInt32, width: Int
        if c0 < 0xE0 {
            value = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
            width = 2
        } else if c0 < 0xF0 {
            value = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
            width = 3
        } else {
            value = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
            width = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

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
    /// combining marks, the CJK ranges without marks (ideographs, kana, CJK punctuation, fullwidth
    /// forms), and the symbols Chinese text uses (none extends or joins a neighbour). Text made only
    /// of these reads the same by scalars as by characters.
    @inlinable
    public static func isOwnCharacter(_ ch: Unicode.Scalar) -> Bool {
        switch ch.value {
        case 0x0A, 0x20...0x7E, 0xA0...0x2FF: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x9FFF, 0xFF01...0xFF9D: return true
        // general punctuation (“”—…‰※, not the joiners and format marks at U+2028–U+202F, U+205F on),
        // ℃, Roman numerals, circled numbers, box drawing, shapes, enclosed CJK, fullwidth signs
        case 0x2010...0x2027, 0x2030...0x205E, 0x2103, 0x2160...0x217F, 0x2460...0x24FF, 0x2500...0x257F, 0x25A0...0x25FF,
             0x3200...0x32FF, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }
}

extension ScalarString {
    /// The scalars of a string, decoded from its UTF-8 in one pass: `Array(text.unicodeScalars)`
    /// counts and copies through the generic collection path, which showed in every profile.
    @inlinable
    public static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8(decode)
    }

    @inlinable
    public static func scalars(_ text: Substring) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8(decode)
    }

    /// Whether `part` occurs in `text`, scalar for scalar.
    public static func contains(_ text: [Unicode.Scalar], _ part: [Unicode.Scalar]) -> Bool {
        guard let first = part.first, part.count <= text.count else { return part.isEmpty }
        for start in 0...(text.count - part.count) where text[start] == first {
            if text[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
    }

    /// The number of scalars of a string, counted on its UTF-8 bytes (the scalar view steps
    /// through each scalar).
    @inlinable
    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { b in
            var n = 0
            for byte in b where byte & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }

    /// Valid UTF-8 (a string's own bytes) → scalars.
    @inlinable
    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        do {
            var count = 0
            for byte in b where byte & 0xC0 != 0x80 { count += 1 }
            return FilledArray.make(capacity: count) { (out: UnsafeMutableBufferPointer<Unicode.Scalar>) -> Int in
                var i = 0, n = 0
                while i < b.count && n < count {
                    let c0 = UInt32(b[i])
                    var v: UInt32
                    if c0 < 0x80 {
                        v = c0; i += 1
                    } else if c0 < 0xE0, i + 1 < b.count {
                        v = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                    } else if c0 < 0xF0, i + 2 < b.count {
                        v = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
                    } else if i + 3 < b.count {
                        v = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4
                    } else {
                        v = 0xFFFD; i = b.count
                    }
                    out[n] = Unicode.Scalar(v) ?? "\u{FFFD}"
                    n += 1
                }
                return n
            }
        }
    }
}

/// A text as a dictionary key compared and hashed by its UTF-8 bytes. `String` hashes and compares
/// by canonical equivalence, which normalizes every non-ASCII key (most of ours are Chinese) on
/// each lookup; texts from one normalized document that differ only in canonical form are rare
/// enough to be told apart.
public struct TextKey: Hashable, Sendable {
    public let text: String

    @inlinable
    public init(_ text: String) { self.text = text }

    /// Byte for byte, in one `memcmp` where both texts are contiguous (native and small strings are):
    /// `elementsEqual` stepped an iterator through both, a byte at a time.
    @inlinable
    public static func == (a: TextKey, b: TextKey) -> Bool {
        let x = a.text.utf8, y = b.text.utf8
        guard x.count == y.count else { return false }
        let same = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let same, let same { return same }
        return x.elementsEqual(y)
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
