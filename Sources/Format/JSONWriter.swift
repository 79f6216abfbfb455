/// A small streaming JSON writer: keys come out in the order they are written, pretty-printed
/// with two-space indents, non-ASCII as UTF-8, control characters escaped.
struct JSONWriter {
    /// The UTF-8 written so far: bytes appended one by one cost a store, where `String` appends
    /// checked and grew the string's storage for every piece (a batch's JSON was a third of its
    /// supervisor's time).
    private var bytes: [UInt8] = []
    private var hasChildren: [Bool] = []
    private var afterKey = false

    /// The text written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }
    /// The same as UTF-8: what is written out needs no `String` made of it (making one validates
    /// every byte again).
    var utf8: [UInt8] { bytes }

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that continues a document written in pieces (`StreamingOutput`): `containers` are
    /// the open objects and arrays around the piece (whether each has a child already), and
    /// `afterKey` whether the piece's first value follows a key or a separator written outside it.
    init(containers: [Bool], afterKey: Bool) {
        hasChildren = containers
        self.afterKey = afterKey
        bytes.reserveCapacity(1024)
    }

    @inline(__always) private mutating func append(_ byte: UInt8) { bytes.append(byte) }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newline() {
        append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * hasChildren.count) { append(UInt8(ascii: " ")) }
    }

    /// Separator and indentation before a value or a key.
    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasChildren.isEmpty else { return }
        if hasChildren[hasChildren.count - 1] { append(UInt8(ascii: ",")) }
        hasChildren[hasChildren.count - 1] = true
        newline()
    }

    mutating func beginObject() {
        prepareValue()
        append(UInt8(ascii: "{"))
        hasChildren.append(false)
    }

    mutating func endObject() {
        let had = hasChildren.removeLast()
        if had { newline() }
        append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        prepareValue()
        append(UInt8(ascii: "["))
        hasChildren.append(false)
    }

    mutating func endArray() {
        let had = hasChildren.removeLast()
        if had { newline() }
        append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        prepareValue()
        Self.appendQuoted(name, to: &bytes)
        append(UInt8(ascii: ":"))
        append(UInt8(ascii: " "))
        afterKey = true
    }

    mutating func string(_ value: String) {
        prepareValue()
        Self.appendQuoted(value, to: &bytes)
    }

    mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        prepareValue()
        append(String(value))
    }

    mutating func intOrNull(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func bool(_ value: Bool) {
        prepareValue()
        append(value ? "true" as StaticString : "false")
    }

    mutating func null() {
        prepareValue()
        append("null" as StaticString)
    }

    // Convenience for "key": value pairs.
    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: String?) { key(name); stringOrNull(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); intOrNull(value) }
    mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        beginObject()
        body(&self)
        endObject()
    }

    mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        beginArray()
        body(&self)
        endArray()
    }

    mutating func finish() -> String {
        append(UInt8(ascii: "\n"))
        return output
    }

    /// Appends `s` as a JSON string literal. Escapes `"`, `\`, control characters (C0, DEL, C1),
    /// the bidirectional controls and the JavaScript line terminators U+2028/U+2029; everything
    /// else is written as is (UTF-8).
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        let plain = s.withUTF8 { b -> Bool in
            guard !needsEscape(b) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: b)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !plain {
            var text = ""
            appendQuoted(s, to: &text)
            text.withUTF8 { out.append(contentsOf: $0) }
        }
    }

    /// Whether the UTF-8 holds a byte sequence `appendQuoted` escapes. DEL, C1 controls (C2 80–9F)
    /// and the bidirectional controls (D8 9C, E2 80 8E/8F/AA–AE, E2 81 A6–A9) are written as \u
    /// escapes too: the value is the same, but a reader of the JSON text never sees a line reversed.
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = utf8.count
        var i = 0
        while i < n {
            let byte = utf8[i]
            i += 1
            if byte < 0x80 {
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return true }
                continue
            }
            // of the other characters only those led by C2, D8 and E2 are escaped
            switch byte {
            case 0xC2: if i < n && utf8[i] < 0xA0 { return true }
            case 0xD8: if i < n && utf8[i] == 0x9C { return true }
            case 0xE2:
                guard i + 1 < n else { break }
                let c = utf8[i], d = utf8[i + 1]
                if c == 0x80 && (d == 0xA8 || d == 0xA9 || d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE)) { return true }
                if c == 0x81 && d >= 0xA6 && d <= 0xA9 { return true }
            default: break
            }
        }
        return false
    }

    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        var copy = s
        if !copy.withUTF8(needsEscape) {
            out += s
        } else {
            var pending = String.UnicodeScalarView()
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": pending.append(contentsOf: "\\\"".unicodeScalars)
                case "\\": pending.append(contentsOf: "\\\\".unicodeScalars)
                case "\n": pending.append(contentsOf: "\\n".unicodeScalars)
                case "\r": pending.append(contentsOf: "\\r".unicodeScalars)
                case "\t": pending.append(contentsOf: "\\t".unicodeScalars)
                case "\u{08}": pending.append(contentsOf: "\\b".unicodeScalars)
                case "\u{0C}": pending.append(contentsOf: "\\f".unicodeScalars)
                case "\u{2028}": pending.append(contentsOf: "\\u2028".unicodeScalars)
                case "\u{2029}": pending.append(contentsOf: "\\u2029".unicodeScalars)
                default:
                    if scalar.value < 0x20 || Escape.isHidden(scalar) {
                        let hex = String(scalar.value, radix: 16, uppercase: false)
                        pending.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
                    } else {
                        pending.append(scalar)
                    }
                }
            }
            out += String(pending)
        }
        out += "\""
    }
}
