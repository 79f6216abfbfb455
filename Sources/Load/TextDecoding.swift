import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the bytes of a text file: BOM → UTF-8/UTF-16; valid UTF-8; otherwise GB18030
/// (government text files are often GBK, which GB18030 contains) through iconv.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
    }

    public static func decode(_ bytes: [UInt8]) throws(LoadError) -> Decoded {
        if bytes.isEmpty { throw LoadError("empty file (0 bytes)") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes[3...], as: UTF8.self) else {
                throw LoadError("not valid UTF-8 although it starts with a UTF-8 byte-order mark")
            }
            return Decoded(text: text, encoding: "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try utf16(bytes.dropFirst(2), littleEndian: true, name: "utf-16le") }
        if bytes.starts(with: [0xFE, 0xFF]) { return try utf16(bytes.dropFirst(2), littleEndian: false, name: "utf-16be") }
        if let endian = unmarkedUTF16(bytes) {
            return try utf16(bytes[...], littleEndian: endian, name: endian ? "utf-16le" : "utf-16be")
        }
        if bytes.contains(0) { throw LoadError("not a text file (it contains NUL bytes)") }
        if let text = String(validating: bytes, as: UTF8.self) {
            try requireText(text)
            return Decoded(text: text, encoding: "utf-8")
        }
        guard let text = iconvDecode(bytes, from: "GB18030") else {
            throw LoadError("not a text file: neither UTF-8 nor GB18030 text")
        }
        try requireText(text)
        return Decoded(text: text, encoding: "gb18030")
    }

    /// UTF-16 without a byte-order mark: true for little-endian, false for big-endian, nil when
    /// the bytes are not UTF-16. UTF-8 and GB18030 text never holds a zero byte, so zero bytes
    /// make UTF-16 a candidate; which order (if any) is decided by the pattern they form, not by
    /// their presence: read both ways, the right order gives text (ASCII, CJK, their punctuation),
    /// the wrong one scatters over unrelated blocks. Counting zeros on one side only would refuse
    /// Chinese text, where 一 (U+4E00) and the ideographic space (U+3000) put a zero on the other.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(8192)
        guard sample.contains(0) else { return nil }
        let little = plausibleUnits(sample, littleEndian: true)
        let big = plausibleUnits(sample, littleEndian: false)
        let units = sample.count / 2
        // the chosen order reads as text nearly throughout, and better than the other
        var littleScore = little, bigScore = big
        if little * 10 >= units * 9 && big * 10 >= units * 9 {
            // Ideographs alone read as ideographs both ways: the right order gives the common ones
            littleScore = commonHanzi(sample, littleEndian: true)
            bigScore = commonHanzi(sample, littleEndian: false)
        }
        if littleScore > bigScore && little * 10 >= units * 9 { return true }
        if bigScore > littleScore && big * 10 >= units * 9 { return false }
        return nil
    }

    /// How many code units of `sample`, read in the given byte order, are GB2312 characters (the
    /// 6,763 common ideographs and their punctuation): a text's characters are, the ones a wrong
    /// byte order produces mostly are not.
    static func commonHanzi(_ sample: ArraySlice<UInt8>, littleEndian: Bool) -> Int {
        let cd = iconv_open("GB2312", "UTF-16LE")
        if cd == iconv_t(bitPattern: -1) { return 0 }
        defer { iconv_close(cd) }
        var count = 0
        var unit = [UInt8](repeating: 0, count: 2)
        var out = [UInt8](repeating: 0, count: 8)
        var i = sample.startIndex
        while i + 1 < sample.endIndex {
            unit[0] = littleEndian ? sample[i] : sample[i + 1]
            unit[1] = littleEndian ? sample[i + 1] : sample[i]
            i += 2
            let ok: Bool = unit.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var inLeft = 2
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
                }
            }
            if ok { count += 1 }
        }
        return count
    }

    /// How many code units of `sample`, read in the given byte order, are characters a report
    /// holds: ASCII text and white space, Latin-1 signs, general punctuation, number forms,
    /// arrows, mathematical signs (≥ ≤), circled numbers, shapes, CJK punctuation, kana, CJK
    /// ideographs, full-width forms and well-formed surrogate pairs. A unit ending in a zero byte
    /// (U+xx00) counts only for 一 and the ideographic space: it is what ASCII looks like read in
    /// the wrong order.
    static func plausibleUnits(_ sample: ArraySlice<UInt8>, littleEndian: Bool) -> Int {
        var count = 0
        var i = sample.startIndex
        var pendingHigh = false
        while i + 1 < sample.endIndex {
            let a = UInt32(sample[i]), b = UInt32(sample[i + 1])
            let u = littleEndian ? (a | b << 8) : (a << 8 | b)
            i += 2
            if pendingHigh {
                pendingHigh = false
                if u >= 0xDC00 && u <= 0xDFFF { count += 2; continue }
            }
            if u >= 0xD800 && u <= 0xDBFF { pendingHigh = true; continue }
            if u & 0xFF == 0 && u != 0x3000 && u != 0x4E00 { continue }
            switch u {
            case 0x09, 0x0A, 0x0C, 0x0D, 0x20...0x7E, 0xA0...0xFF,
                 0x2000...0x206F, 0x2100...0x22FF, 0x2460...0x27BF,
                 0x3000...0x30FF, 0x3200...0x32FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFEFF, 0xFF01...0xFFEF:
                count += 1
            default:
                continue
            }
        }
        return count
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool, name: String) throws(LoadError) -> Decoded {
        guard body.count % 2 == 0 else { throw LoadError("truncated \(name) text (odd number of bytes)") }
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? (a | b << 8) : (a << 8 | b))
            i += 2
        }
        var text = ""
        text.reserveCapacity(units.count)
        var bad = 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                bad += 1
                text.unicodeScalars.append("\u{FFFD}")
            }
        }
        if bad > 0 && bad * 100 > units.count { throw LoadError("not valid \(name) text") }
        try requireText(text)
        return Decoded(text: text, encoding: name)
    }

    /// Text, not binary that happens to decode: few control characters.
    static func requireText(_ text: String) throws(LoadError) {
        // on the UTF-8 bytes (the scalar view steps through each scalar): a control character is a
        // byte of its own, and every scalar starts with a byte that is no continuation byte
        // (counted without branches or an early exit, so that the loop vectorizes)
        var controls = 0, total = 0, nuls = 0
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                total &+= byte & 0xC0 != 0x80 ? 1 : 0
                controls &+= byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C ? 1 : 0
                nuls &+= byte == 0 ? 1 : 0
            }
        }
        if nuls > 0 { throw LoadError("not a text file (it contains NUL characters)") }
        if total > 0 && controls * 50 > total { throw LoadError("not a text file (too many control characters)") }
    }

    /// Converts with iconv; nil when the bytes are not valid in `encoding`.
    public static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return String(validating: output.prefix(produced), as: UTF8.self)
    }

    /// Encodes UTF-8 text into `encoding` with iconv (used by tests and by fixture tools).
    public static func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var produced = 0
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
                return r != -1 && inLeft == 0
            }
        }
        return ok ? Array(output.prefix(produced)) : nil
    }

    /// Splits decoded text into lines on "\n" (a trailing "\r" is dropped); a final newline does not
    /// open an extra line. Line numbers match what editors and `grep -n` show.
    public static func splitLines(_ text: String) -> [String] {
        // on the UTF-8 bytes: "\n" and "\r" are single bytes that never occur inside another
        // scalar's encoding, so each line is a slice of valid UTF-8 (appending scalar by scalar
        // was a large share of loading). The lines are copied as substrings of the text: already
        // valid, they are not validated again as bytes decoded into a string would be.
        var text = text
        let bounds = text.withUTF8 { bytes -> [Range<Int>] in
            var bounds = [Range<Int>]()
            var start = 0
            func line(_ end: Int) -> Range<Int> {
                var e = end
                if e > start && bytes[e - 1] == 0x0D { e -= 1 }
                return start..<e
            }
            for k in 0..<bytes.count where bytes[k] == 0x0A {
                bounds.append(line(k))
                start = k + 1
            }
            if start < bytes.count { bounds.append(line(bytes.count)) }
            return bounds
        }
        let utf8 = text.utf8
        return bounds.map { r in
            String(text[utf8.index(utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
        }
    }
}
