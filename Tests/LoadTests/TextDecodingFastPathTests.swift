import Testing
@testable import JXLoad

/// `splitLines` copies lines as substrings and `requireText` counts on UTF-8 bytes: the same lines
/// (byte for byte) and the same verdicts as the versions that decoded each line's bytes and
/// walked the scalar view.
@Suite("TextDecoding: fast paths agree with the plain ones")
struct TextDecodingFastPathTests {
    static func plainSplitLines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var lines = [String]()
        var start = 0
        func line(_ end: Int) -> String {
            var e = end
            if e > start && bytes[e - 1] == 0x0D { e -= 1 }
            return String(decoding: bytes[start..<e], as: UTF8.self)
        }
        for k in 0..<bytes.count where bytes[k] == 0x0A {
            lines.append(line(k))
            start = k + 1
        }
        if start < bytes.count { lines.append(line(bytes.count)) }
        return lines
    }

    static func plainRequireText(_ text: String) -> String? {
        var controls = 0, total = 0
        for scalar in text.unicodeScalars {
            total += 1
            let v = scalar.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C { controls += 1 }
            if v == 0 { return "not a text file (it contains NUL characters)" }
        }
        if total > 0 && controls * 50 > total { return "not a text file (too many control characters)" }
        return nil
    }

    static func requireTextError(_ text: String) -> String? {
        do {
            try TextDecoding.requireText(text)
            return nil
        } catch {
            return error.message
        }
    }

    /// Random texts over line breaks, controls, ASCII, CJK, a combining mark and an astral scalar.
    static func randomTexts(_ count: Int) -> [String] {
        let alphabet: [Unicode.Scalar] = ["\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{0C}", "a", " ", "项", "。", "\u{301}", "\u{1F600}", "é", "\u{3000}"]
        var seed: UInt64 = 0xFEED_FACE_CAFE_BEEF
        func next() -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % 1_000_000)
        }
        return (0..<count).map { _ in
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 60) {
                // mostly text, controls now and then
                let k = next() % 10 < 7 ? 7 + next() % (alphabet.count - 7) : next() % alphabet.count
                view.append(alphabet[k])
            }
            return String(view)
        }
    }

    @Test func sameLinesAndVerdicts() {
        for text in Self.randomTexts(20_000) + ["", "\n", "\r\n", "a\r\nb\r", "\r", "\n\n", "项目\n预算\r\n", String(repeating: "\u{1}", count: 3) + String(repeating: "a", count: 200)] {
            let lines = TextDecoding.splitLines(text), plain = Self.plainSplitLines(text)
            #expect(lines.map { Array($0.utf8) } == plain.map { Array($0.utf8) }, "\(text.debugDescription)")
            #expect(Self.requireTextError(text) == Self.plainRequireText(text), "\(text.debugDescription)")
            // a substring's text (not native on its own) splits the same
            let sub = text.dropFirst(min(1, text.count))
            #expect(TextDecoding.splitLines(String(sub)).map { Array($0.utf8) } == Self.plainSplitLines(String(sub)).map { Array($0.utf8) })
        }
    }
}
