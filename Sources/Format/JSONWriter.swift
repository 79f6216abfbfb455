/// A small streaming JSON writer: keys come out in the order they are written, pretty-printed
/// with two-space indents, non-ASCII as UTF-8, control characters escaped.
struct JSONWriter {
    private(set) var output = ""
    private var hasChildren: [Bool] = []
    private var afterKey = false

    init(capacity: Int = 1024) {
        output.reserveCapacity(capacity)
    }

    /// A writer that continues a document written in pieces (`StreamingOutput`): `containers` are
    /// the open objects and arrays around the piece (whether each has a child already), and
    /// `afterKey` whether the piece's first value follows a key or a separator written outside it.
    init(containers: [Bool], afterKey: Bool) {
        hasChildren = containers
        self.afterKey = afterKey
    }

    private mutating func newline() {
        output += "\n"
        output += String(repeating: "  ", count: hasChildren.count)
    }

    /// Separator and indentation before a value or a key.
    private mutating func prepareValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !hasChildren.isEmpty else { return }
        if hasChildren[hasChildren.count - 1] { output += "," }
        hasChildren[hasChildren.count - 1] = true
        newline()
    }

    mutating func beginObject() {
        prepareValue()
        output += "{"
        hasChildren.append(false)
    }

    mutating func endObject() {
        let had = hasChildren.removeLast()
        if had { newline() }
        output += "}"
    }

    mutating func beginArray() {
        prepareValue()
        output += "["
        hasChildren.append(false)
    }

    mutating func endArray() {
        let had = hasChildren.removeLast()
        if had { newline() }
        output += "]"
    }

    mutating func key(_ name: String) {
        prepareValue()
        Self.appendQuoted(name, to: &output)
        output += ": "
        afterKey = true
    }

    mutating func string(_ value: String) {
        prepareValue()
        Self.appendQuoted(value, to: &output)
    }

    mutating func stringOrNull(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        prepareValue()
        output += String(value)
    }

    mutating func intOrNull(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    mutating func bool(_ value: Bool) {
        prepareValue()
        output += value ? "true" : "false"
    }

    mutating func null() {
        prepareValue()
        output += "null"
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
        output += "\n"
        return output
    }

    /// Appends `s` as a JSON string literal. Escapes `"`, `\`, control characters (C0, DEL, C1),
    /// the bidirectional controls and the JavaScript line terminators U+2028/U+2029; everything
    /// else is written as is (UTF-8).
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        var needsEscape = false
        var b1: UInt8 = 0, b2: UInt8 = 0  // the two previous bytes, to spot E2 80 A8/A9
        // DEL, C1 controls (C2 80–9F) and the bidirectional controls (D8 9C, E2 80 8E/8F/AA–AE,
        // E2 81 A6–A9) are written as \u escapes too: the value is the same, but a reader of the
        // JSON text never sees a line reversed
        for byte in s.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || (b1 == 0xC2 && byte < 0xA0) || (b1 == 0xD8 && byte == 0x9C)
                || (b2 == 0xE2 && b1 == 0x80 && (byte == 0xA8 || byte == 0xA9 || byte == 0x8E || byte == 0x8F || (byte >= 0xAA && byte <= 0xAE)))
                || (b2 == 0xE2 && b1 == 0x81 && byte >= 0xA6 && byte <= 0xA9) {
                needsEscape = true
                break
            }
            b2 = b1
            b1 = byte
        }
        if !needsEscape {
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
