import Foundation
import JXCore

/// Entry points of the TOML-subset parser for jxlint rule files.
///
/// Supported (TOML 1.0 semantics): comments, LF/CRLF, a leading UTF-8 BOM; bare, quoted and dotted
/// keys; basic, literal and multi-line strings with all TOML 1.0 escapes; decimal integers (with
/// `_`, sign), `0x`/`0o`/`0b` integers, plain decimals (kept exact as `Decimal`); booleans; arrays
/// (multi-line, comments, trailing comma, nested, mixed); inline tables; `[table]` and
/// `[[array.of.tables]]` headers with the TOML redefinition rules.
///
/// Rejected with an explicit "not supported in jxlint rule files" error: exponent notation
/// (`1e3`), `inf`/`nan`, dates and times.
///
/// The parser scans Unicode scalars in one pass, is linear in the input, and caps nesting at
/// `maxNestingDepth`; on any input it either returns a table or throws a `TOMLError`.
public enum TOML {
    /// The deepest nesting of tables and arrays accepted (deeper input is an error, not a crash).
    /// Rule files need a handful of levels; 32 keeps the recursive descent within a 512 KB thread
    /// stack even in debug builds (about 5 KB per level there, under 2 KB in release builds).
    public static let maxNestingDepth = 32

    /// Parses a rule file. `file` is used only in error messages.
    public static func parse(_ text: String, file: String) throws(TOMLError) -> TOMLTable {
        let parser = TOMLParser(text, file: file)
        return try parser.parseDocument()
    }

    /// Parses raw bytes, which must be UTF-8; invalid UTF-8 is a `TOMLError` at the bad byte.
    public static func parse(utf8 bytes: some Sequence<UInt8>, file: String) throws(TOMLError) -> TOMLTable {
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var first = true
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let c):
                scalars.append(c)
                if first && c == "\u{FEFF}" {
                    // A leading BOM is dropped by `parse(_:file:)`, so it takes no column.
                } else if c == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                first = false
            case .emptyInput:
                break decoding
            case .error:
                throw TOMLError(file: file, line: line, column: column, message: "invalid UTF-8 byte sequence")
            }
        }
        return try parse(String(scalars), file: file)
    }
}

// MARK: - Mutable tree used while parsing

/// A table under construction. Classes so that the current `[header]` table can be kept and extended.
private final class MTable {
    enum Kind {
        /// The document root.
        case root
        /// Created as an intermediate of a header (`[a.b]` creates `a`); may still get its own header.
        case implicit
        /// Defined by its own `[header]` (or `[[header]]` element).
        case explicit
        /// Created by a dotted key (`a.b = 1` creates `a`); may be extended only by dotted keys.
        case dotted
    }

    var kind: Kind
    var position: SourcePosition
    let depth: Int
    let path: [String]
    var entries: [MEntry] = []
    var index: [String: Int] = [:]

    init(kind: Kind, position: SourcePosition, depth: Int, path: [String]) {
        self.kind = kind
        self.position = position
        self.depth = depth
        self.path = path
    }

    func entry(_ key: String) -> MEntry? { index[key].map { entries[$0] } }

    func add(_ key: String, at position: SourcePosition, _ value: MValue) {
        index[key] = entries.count
        entries.append(MEntry(key: key, keyPosition: position, value: value))
    }

    func setKeyPosition(_ key: String, _ position: SourcePosition) {
        if let k = index[key] { entries[k].keyPosition = position }
    }

    /// The immutable table. Recursion is bounded by the nesting cap.
    func frozen() -> TOMLTable {
        var out = TOMLTable(position: position, path: path)
        for e in entries {
            let node: TOMLNode
            switch e.value {
            case .leaf(let n):
                node = n
            case .table(let t):
                node = TOMLNode(.table(t.frozen()), position: t.position)
            case .tableArray(let a):
                node = TOMLNode(.array(a.elements.map { TOMLNode(.table($0.frozen()), position: $0.position) }),
                                position: a.position)
            }
            out.set(e.key, node, keyPosition: e.keyPosition)
        }
        return out
    }
}

private final class MTableArray {
    var elements: [MTable]
    let position: SourcePosition

    init(first: MTable, position: SourcePosition) {
        elements = [first]
        self.position = position
    }
}

private struct MEntry {
    let key: String
    var keyPosition: SourcePosition
    let value: MValue
}

private enum MValue {
    /// A finished value: string, number, boolean, static array, or inline table (all frozen).
    case leaf(TOMLNode)
    case table(MTable)
    case tableArray(MTableArray)
}

private struct KeySegment {
    let name: String
    let position: SourcePosition
}

// MARK: - Parser

/// Recursive descent over the document's Unicode scalars. A class rather than a struct: the
/// recursive functions then take no copies of `self`, which keeps debug-build stack frames small.
final class TOMLParser {
    private let s: [Unicode.Scalar]
    private let file: String
    /// Index in `s` of the first scalar of each line.
    private let lineStarts: [Int]
    private let maxDepth = TOML.maxNestingDepth
    private var i = 0

    init(_ text: String, file: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var starts = [0]
        for (k, c) in scalars.enumerated() where c == "\n" { starts.append(k + 1) }
        s = scalars
        self.file = file
        lineStarts = starts
    }

    private var n: Int { s.count }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let k = i + offset
        return k < n ? s[k] : nil
    }

    // MARK: Positions and messages

    private func position(_ k: Int) -> SourcePosition {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= k { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + 1, column: k - lineStarts[lo] + 1)
    }

    private func error(_ message: String, at k: Int) -> TOMLError {
        TOMLError(file: file, position: position(k), message: message)
    }

    private func error(_ message: String, at p: SourcePosition) -> TOMLError {
        TOMLError(file: file, position: p, message: message)
    }

    private static func isControl(_ c: Unicode.Scalar) -> Bool {
        (c.value < 0x20 && c != "\t") || c.value == 0x7F
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        TOMLKeys.isBare(c) || (c.value >= 0x80 && c.properties.isAlphabetic)
    }

    private static func describe(_ c: Unicode.Scalar) -> String {
        if c == "'" { return "\"'\"" }
        if c == " " { return "' '" }
        let v = c.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) || c.properties.generalCategory == .format
            || c.properties.isWhitespace || c.properties.generalCategory == .unassigned
            || c.properties.generalCategory == .privateUse || c.properties.generalCategory == .surrogate {
            return "U+" + TOMLKeys.hex(v, width: 4)
        }
        return "'\(c)'"
    }

    /// What is at index `k`, for "found ..." in messages: a word, a character, end of line or file.
    private func found(_ k: Int) -> String {
        guard k < n else { return "end of file" }
        let c = s[k]
        if c == "\n" || (c == "\r" && k + 1 < n && s[k + 1] == "\n") { return "end of line" }
        if Self.isWordScalar(c) {
            var word = String.UnicodeScalarView()
            var j = k
            while j < n, Self.isWordScalar(s[j]), j - k < 24 {
                word.append(s[j])
                j += 1
            }
            let more = j < n && Self.isWordScalar(s[j])
            return "'" + String(word) + (more ? "…" : "") + "'"
        }
        return Self.describe(c)
    }

    private func isNewline(at k: Int) -> Bool {
        k < n && (s[k] == "\n" || (s[k] == "\r" && k + 1 < n && s[k + 1] == "\n"))
    }

    // MARK: Whitespace, comments, line ends

    private func skipWhitespace() {
        while i < n, s[i] == " " || s[i] == "\t" { i += 1 }
    }

    /// At `#`: skips to (not past) the end of the line. Control characters are errors.
    private func skipComment() throws(TOMLError) {
        i += 1
        while i < n {
            let c = s[i]
            if c == "\n" { return }
            if c == "\r" {
                if i + 1 < n && s[i + 1] == "\n" { return }
                throw error("bare carriage return (U+000D) in comment; lines must end with LF or CRLF", at: i)
            }
            if Self.isControl(c) {
                throw error("control character \(Self.describe(c)) is not allowed in a comment", at: i)
            }
            i += 1
        }
    }

    /// Consumes a LF or CRLF at `i` if present.
    private func consumeNewline() -> Bool {
        guard i < n else { return false }
        if s[i] == "\n" {
            i += 1
            return true
        }
        if s[i] == "\r" && i + 1 < n && s[i + 1] == "\n" {
            i += 2
            return true
        }
        return false
    }

    /// Skips whitespace, comments and newlines (inside arrays).
    private func skipBlank() throws(TOMLError) {
        while i < n {
            let c = s[i]
            if c == " " || c == "\t" {
                i += 1
            } else if c == "#" {
                try skipComment()
            } else if !consumeNewline() {
                return
            }
        }
    }

    /// After a key/value or header: optional whitespace and comment, then a newline or end of file.
    private func expectEndOfLine(after what: String) throws(TOMLError) {
        skipWhitespace()
        if i < n && s[i] == "#" { try skipComment() }
        if i >= n || consumeNewline() { return }
        if s[i] == "\r" { throw error("bare carriage return (U+000D); lines must end with LF or CRLF", at: i) }
        throw error("expected end of line after \(what), found \(found(i))", at: i)
    }

    // MARK: Document

    func parseDocument() throws(TOMLError) -> TOMLTable {
        let root = MTable(kind: .root, position: SourcePosition(line: 1, column: 1), depth: 0, path: [])
        var current = root
        var sawContent = false
        while true {
            skipWhitespace()
            guard i < n else { break }
            let c = s[i]
            if c == "#" {
                try skipComment()
                continue
            }
            if consumeNewline() { continue }
            if c == "\r" {
                throw error("bare carriage return (U+000D); lines must end with LF or CRLF", at: i)
            }
            if !sawContent {
                root.position = position(i)
                sawContent = true
            }
            if c == "[" {
                let (table, display) = try parseHeader(root: root)
                current = table
                try expectEndOfLine(after: "table header \(display)")
            } else {
                let key = try parseKeyValue(into: current)
                try expectEndOfLine(after: "the value of '\(key)'")
            }
        }
        return root.frozen()
    }

    // MARK: Keys

    /// A dotted key: simple keys separated by `.` with optional whitespace around the dots.
    private func parseKey(context: String) throws(TOMLError) -> [KeySegment] {
        var segments: [KeySegment] = []
        var ctx = context
        while true {
            skipWhitespace()
            segments.append(try parseSimpleKey(context: ctx))
            skipWhitespace()
            guard i < n, s[i] == "." else { return segments }
            i += 1
            ctx = " after '.'"
        }
    }

    private func parseSimpleKey(context: String) throws(TOMLError) -> KeySegment {
        let start = i
        guard i < n else { throw error("expected a key\(context), found end of file", at: i) }
        let c = s[i]
        if c == "\"" || c == "'" {
            if peek(1) == c && peek(2) == c {
                throw error("multi-line strings cannot be used as keys", at: i)
            }
            let name = try c == "\"" ? parseBasicString() : parseLiteralString()
            return KeySegment(name: name, position: position(start))
        }
        guard TOMLKeys.isBare(c) else {
            throw error("expected a key\(context), found \(found(i))", at: i)
        }
        let nameStart = i
        while i < n, TOMLKeys.isBare(s[i]) { i += 1 }
        return KeySegment(name: ScalarString.make(s[nameStart..<i]), position: position(start))
    }

    private static func display(_ key: [KeySegment]) -> String {
        TOMLKeys.display(key.map(\.name))
    }

    // MARK: Key/value pairs

    /// `key = value` into `table`; returns the key as written, for messages.
    private func parseKeyValue(into table: MTable) throws(TOMLError) -> String {
        let key = try parseKey(context: "")
        let shown = Self.display(key)
        skipWhitespace()
        guard i < n, s[i] == "=" else {
            throw error("expected '=' after key '\(shown)', found \(found(i))", at: i)
        }
        i += 1
        skipWhitespace()
        let target = try resolveDotted(key, in: table)
        let last = key[key.count - 1]
        let node = try parseValue(depth: target.depth + 1, path: target.path + [last.name],
                                  context: " for '\(shown)'")
        target.add(last.name, at: last.position, .leaf(node))
        return shown
    }

    /// Walks/creates the tables of a dotted key's prefix and checks the last key is new.
    private func resolveDotted(_ key: [KeySegment], in table: MTable) throws(TOMLError) -> MTable {
        var t = table
        let shown = Self.display(key)
        for seg in key.dropLast() {
            if let e = t.entry(seg.name) {
                switch e.value {
                case .table(let sub):
                    switch sub.kind {
                    case .dotted:
                        t = sub
                    case .implicit:
                        sub.kind = .dotted
                        t = sub
                    case .explicit, .root:
                        throw error("cannot add '\(shown)' with a dotted key: table [\(TOMLKeys.display(sub.path))] "
                                    + "is defined by a header at \(sub.position)", at: seg.position)
                    }
                case .tableArray(let array):
                    throw error("cannot add '\(shown)' with a dotted key: '\(TOMLKeys.display(segment: seg.name))' "
                                + "is an array of tables (defined at \(array.position))", at: seg.position)
                case .leaf(let node):
                    if case .table = node.value {
                        throw error("cannot add '\(shown)': inline table '\(TOMLKeys.display(segment: seg.name))' "
                                    + "(defined at \(e.keyPosition)) cannot be extended", at: seg.position)
                    }
                    throw error("cannot add '\(shown)': '\(TOMLKeys.display(segment: seg.name))' is already "
                                + "\(node.value.typeDescription) (defined at \(e.keyPosition))", at: seg.position)
                }
            } else {
                t = try makeTable(.dotted, in: t, segment: seg, position: seg.position)
            }
        }
        let last = key[key.count - 1]
        if let e = t.entry(last.name) {
            throw error("duplicate key '\(shown)' (first defined at \(e.keyPosition))", at: last.position)
        }
        return t
    }

    private func checkDepth(_ depth: Int, at p: SourcePosition) throws(TOMLError) {
        if depth > maxDepth { throw tooDeep(at: p) }
    }

    private func checkDepth(_ depth: Int, at k: Int) throws(TOMLError) {
        if depth > maxDepth { throw tooDeep(at: position(k)) }
    }

    private func tooDeep(at p: SourcePosition) -> TOMLError {
        error("nesting too deep (more than \(maxDepth) levels of tables and arrays)", at: p)
    }

    /// Creates a sub-table of `parent` named by `segment` and adds it.
    private func makeTable(_ kind: MTable.Kind, in parent: MTable, segment: KeySegment,
                           position p: SourcePosition) throws(TOMLError) -> MTable {
        try checkDepth(parent.depth + 1, at: segment.position)
        let sub = MTable(kind: kind, position: p, depth: parent.depth + 1, path: parent.path + [segment.name])
        parent.add(segment.name, at: segment.position, .table(sub))
        return sub
    }

    // MARK: Table headers

    /// `[a.b]` or `[[a.b]]`: returns the table that following key/values go into.
    private func parseHeader(root: MTable) throws(TOMLError) -> (MTable, String) {
        let start = i
        let headerPosition = position(start)
        let isArray = peek(1) == "["
        i += isArray ? 2 : 1
        let key = try parseKey(context: isArray ? " in array-of-tables header" : " in table header")
        skipWhitespace()
        let shownKey = Self.display(key)
        let shown = isArray ? "[[\(shownKey)]]" : "[\(shownKey)]"
        if isArray {
            guard peek() == "]" && peek(1) == "]" else {
                let at = peek() == "]" ? i + 1 : i
                throw error("expected ']]' to close array-of-tables header [[\(shownKey), found \(found(at))", at: at)
            }
            i += 2
        } else {
            guard peek() == "]" else {
                throw error("expected ']' to close table header [\(shownKey), found \(found(i))", at: i)
            }
            i += 1
        }

        var t = root
        for seg in key.dropLast() {
            if let e = t.entry(seg.name) {
                switch e.value {
                case .table(let sub):
                    t = sub
                case .tableArray(let array):
                    t = array.elements[array.elements.count - 1]
                case .leaf(let node):
                    if case .table = node.value {
                        throw error("cannot define \(shown): '\(TOMLKeys.display(segment: seg.name))' is an inline "
                                    + "table (defined at \(e.keyPosition)) and cannot be extended", at: seg.position)
                    }
                    throw error("cannot define \(shown): '\(TOMLKeys.display(segment: seg.name))' is already "
                                + "\(node.value.typeDescription) (defined at \(e.keyPosition))", at: seg.position)
                }
            } else {
                t = try makeTable(.implicit, in: t, segment: seg, position: seg.position)
            }
        }

        let last = key[key.count - 1]
        let existing = t.entry(last.name)
        if isArray {
            guard let e = existing else {
                try checkDepth(t.depth + 1, at: last.position)
                let element = MTable(kind: .explicit, position: headerPosition, depth: t.depth + 1,
                                     path: t.path + [last.name])
                t.add(last.name, at: last.position, .tableArray(MTableArray(first: element, position: headerPosition)))
                return (element, shown)
            }
            switch e.value {
            case .tableArray(let array):
                let element = MTable(kind: .explicit, position: headerPosition, depth: t.depth + 1,
                                     path: t.path + [last.name])
                array.elements.append(element)
                return (element, shown)
            case .table(let sub):
                throw error("cannot define array of tables \(shown): '\(shownKey)' is already a table "
                            + "(defined at \(sub.position))", at: headerPosition)
            case .leaf(let node):
                if case .array = node.value {
                    throw error("cannot define array of tables \(shown): '\(shownKey)' is already a static array "
                                + "(defined at \(e.keyPosition))", at: headerPosition)
                }
                throw error("cannot define array of tables \(shown): '\(shownKey)' is already "
                            + "\(node.value.typeDescription) (defined at \(e.keyPosition))", at: headerPosition)
            }
        }

        guard let e = existing else {
            let table = try makeTable(.explicit, in: t, segment: last, position: headerPosition)
            return (table, shown)
        }
        switch e.value {
        case .table(let sub):
            switch sub.kind {
            case .implicit:
                sub.kind = .explicit
                sub.position = headerPosition
                t.setKeyPosition(last.name, last.position)
                return (sub, shown)
            case .explicit, .root:
                throw error("table \(shown) redefined (first defined at \(sub.position))", at: headerPosition)
            case .dotted:
                throw error("table \(shown) redefined (first defined by a dotted key at \(e.keyPosition))",
                            at: headerPosition)
            }
        case .tableArray(let array):
            throw error("table \(shown) conflicts with array of tables [[\(shownKey)]] (defined at \(array.position))",
                        at: headerPosition)
        case .leaf(let node):
            throw error("table \(shown) redefined: '\(shownKey)' is already \(node.value.typeDescription) "
                        + "(defined at \(e.keyPosition))", at: headerPosition)
        }
    }

    // MARK: Values

    /// A value at `depth` (the depth it would have as a container). `context` names it in messages.
    ///
    /// This function, `parseArray` and `parseInlineTable` are the only recursive ones: they keep
    /// few locals and leave everything else (messages, keys, tokens) to helpers, so that the
    /// stack stays small even in debug builds at the maximum nesting depth.
    private func parseValue(depth: Int, path: [String], context: String) throws(TOMLError) -> TOMLNode {
        guard i < n else { throw expectedValue(context: context) }
        switch s[i] {
        case "\"", "'":
            return try parseStringValue()
        case "[":
            return try parseArray(depth: depth, path: path)
        case "{":
            return try parseInlineTable(depth: depth, path: path)
        default:
            return try parseBareValue(context: context)
        }
    }

    private func expectedValue(context: String) -> TOMLError {
        error("expected a value\(context), found \(found(i))", at: i)
    }

    private func parseStringValue() throws(TOMLError) -> TOMLNode {
        let p = position(i)
        let q = s[i]
        let multi = peek(1) == q && peek(2) == q
        let text: String
        if q == "\"" {
            text = try multi ? parseMultilineBasicString() : parseBasicString()
        } else {
            text = try multi ? parseMultilineLiteralString() : parseLiteralString()
        }
        return TOMLNode(.string(text), position: p)
    }

    /// A bare token: boolean, number, or something unsupported.
    private func parseBareValue(context: String) throws(TOMLError) -> TOMLNode {
        let start = i
        let p = position(i)
        while i < n, Self.isTokenScalar(s[i]) { i += 1 }
        let token = Array(s[start..<i])
        if token.isEmpty {
            let hint = Self.isWordScalar(s[start]) ? " (strings must be quoted)" : ""
            throw error("expected a value\(context), found \(found(start))\(hint)", at: start)
        }
        let text = ScalarString.make(token)
        switch text {
        case "true": return TOMLNode(.bool(true), position: p)
        case "false": return TOMLNode(.bool(false), position: p)
        case "inf", "+inf", "-inf", "nan", "+nan", "-nan":
            throw error("'\(text)' is not supported in jxlint rule files (only finite decimal numbers)", at: start)
        default:
            break
        }
        if Self.looksLikeDate(token) {
            throw error("dates and times are not supported in jxlint rule files (found '\(Self.abbreviated(text))'); "
                        + "write them as strings", at: start)
        }
        let c0 = token[0]
        if !(c0 == "+" || c0 == "-" || Self.isDigit(c0)) {
            let hint = Self.isWordScalar(c0) ? " (strings must be quoted)" : ""
            throw error("expected a value\(context), found \(found(start))\(hint)", at: start)
        }
        return TOMLNode(try parseNumber(token, text: text, start: start), position: p)
    }

    /// `text`, cut to 40 characters for messages.
    private static func abbreviated(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }

    private static func isTokenScalar(_ c: Unicode.Scalar) -> Bool {
        TOMLKeys.isBare(c) || c == "+" || c == "." || c == ":"
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// `1979-05-27...` or `07:32:00...`.
    private static func looksLikeDate(_ t: [Unicode.Scalar]) -> Bool {
        if t.count >= 7, t[0..<4].allSatisfy(isDigit), t[4] == "-", isDigit(t[5]), isDigit(t[6]) { return true }
        if t.count >= 5, isDigit(t[0]), isDigit(t[1]), t[2] == ":", isDigit(t[3]), isDigit(t[4]) { return true }
        return false
    }

    // MARK: Numbers

    private func parseNumber(_ t: [Unicode.Scalar], text: String, start: Int) throws(TOMLError) -> TOMLValue {
        let shown = Self.abbreviated(text)
        var j = 0
        var negative = false
        if t[0] == "+" || t[0] == "-" {
            negative = t[0] == "-"
            j = 1
        }
        guard j < t.count, Self.isDigit(t[j]) else {
            throw error("invalid number '\(shown)': expected a digit", at: start + j)
        }
        // 0x / 0o / 0b
        if t[j] == "0", j + 1 < t.count, t[j + 1] == "x" || t[j + 1] == "o" || t[j + 1] == "b" {
            let radix: UInt32 = t[j + 1] == "x" ? 16 : t[j + 1] == "o" ? 8 : 2
            if j == 1 {
                throw error("invalid number '\(shown)': a sign is not allowed on hexadecimal, octal or binary integers",
                            at: start)
            }
            let digits = try digitRun(t, from: j + 2, radix: radix, shown: shown, start: start)
            guard digits.end == t.count else {
                throw error("invalid number '\(shown)': unexpected \(Self.describe(t[digits.end]))",
                            at: start + digits.end)
            }
            var value: Int64 = 0
            for d in digits.values {
                let (m, o1) = value.multipliedReportingOverflow(by: Int64(radix))
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { throw error("integer '\(shown)' is out of range (64-bit)", at: start) }
                value = a
            }
            return .integer(value)
        }

        let intPart = try digitRun(t, from: j, radix: 10, shown: shown, start: start)
        if intPart.values.count > 1 && intPart.values[0] == 0 {
            throw error("invalid number '\(shown)': leading zeros are not allowed", at: start + j)
        }
        j = intPart.end
        var fraction: [UInt32]? = nil
        if j < t.count, t[j] == "." {
            guard j + 1 < t.count, Self.isDigit(t[j + 1]) else {
                throw error("invalid number '\(shown)': expected a digit after '.'", at: start + j + 1)
            }
            let frac = try digitRun(t, from: j + 1, radix: 10, shown: shown, start: start)
            fraction = frac.values
            j = frac.end
        }
        if j < t.count, t[j] == "e" || t[j] == "E" {
            throw error("exponent notation ('\(shown)') is not supported in jxlint rule files; "
                        + "write the number as a plain decimal", at: start + j)
        }
        if j < t.count {
            throw error("invalid number '\(shown)': unexpected \(Self.describe(t[j]))", at: start + j)
        }

        guard let fraction else {
            // Accumulate negatively so that Int64.min fits.
            var value: Int64 = 0
            for d in intPart.values {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.subtractingReportingOverflow(Int64(d))
                if o1 || o2 { throw error("integer '\(shown)' is out of range (64-bit)", at: start) }
                value = a
            }
            if !negative {
                if value == Int64.min { throw error("integer '\(shown)' is out of range (64-bit)", at: start) }
                value = -value
            }
            return .integer(value)
        }

        let all = intPart.values + fraction
        let significant = all[(all.firstIndex { $0 != 0 } ?? all.count - 1)...]
        guard significant.count <= 38, fraction.count <= 38 else {
            throw error("number '\(shown)' has too many digits (at most 38 significant digits and 38 decimal places)",
                        at: start)
        }
        return .decimal(Self.decimal(intPart.values, fraction, negative: negative), literal: text)
    }

    /// The exact value of a decimal's digits: the one arithmetic of the parser and of the snapshot
    /// reader (`decimalLiteral`), so that both make the same `Decimal`.
    static func decimal(_ intPart: [UInt32], _ fraction: [UInt32], negative: Bool) -> Decimal {
        let all = intPart + fraction
        let significant = all[(all.firstIndex { $0 != 0 } ?? all.count - 1)...]
        var significand = Decimal(0)
        for d in significant { significand = significand * 10 + Decimal(Int(d)) }
        let isZero = significand == 0
        return Decimal(sign: negative && !isZero ? .minus : .plus, exponent: -fraction.count, significand: significand)
    }

    /// The value of a decimal literal this parser accepted (`-1_000.005`): its digits, without a
    /// parser. nil for any other text.
    static func decimalLiteral(_ literal: String) -> TOMLValue? {
        var negative = false
        var intPart = [UInt32]()
        var fraction = [UInt32]()
        var inFraction = false
        for (k, b) in literal.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "-") where k == 0: negative = true
            case UInt8(ascii: "+") where k == 0: break
            case UInt8(ascii: "_"): break
            case UInt8(ascii: "."):
                guard !inFraction else { return nil }
                inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction { fraction.append(UInt32(b - 0x30)) } else { intPart.append(UInt32(b - 0x30)) }
            default:
                return nil
            }
        }
        guard !intPart.isEmpty, !fraction.isEmpty, intPart.count + fraction.count <= 76 else { return nil }
        return .decimal(decimal(intPart, fraction, negative: negative), literal: literal)
    }

    /// Digits of `radix` from `t[from]`, with `_` allowed only between two digits.
    private func digitRun(_ t: [Unicode.Scalar], from: Int, radix: UInt32, shown: String,
                          start: Int) throws(TOMLError) -> (values: [UInt32], end: Int) {
        var values: [UInt32] = []
        var j = from
        while j < t.count {
            let c = t[j]
            if c == "_" {
                guard !values.isEmpty, j + 1 < t.count, Self.digitValue(t[j + 1], radix: radix) != nil,
                      Self.digitValue(t[j - 1], radix: radix) != nil else {
                    throw error("invalid number '\(shown)': '_' must be between two digits", at: start + j)
                }
                j += 1
                continue
            }
            guard let d = Self.digitValue(c, radix: radix) else { break }
            values.append(d)
            j += 1
        }
        if values.isEmpty {
            let what = j < t.count ? Self.describe(t[j]) : "end of number"
            throw error("invalid number '\(shown)': expected a digit, found \(what)", at: start + j)
        }
        return (values, j)
    }

    private static func digitValue(_ c: Unicode.Scalar, radix: UInt32) -> UInt32? {
        let v = c.value
        let d: UInt32
        switch v {
        case 0x30...0x39: d = v - 0x30
        case 0x41...0x46: d = v - 0x41 + 10
        case 0x61...0x66: d = v - 0x61 + 10
        default: return nil
        }
        return d < radix ? d : nil
    }

    // MARK: Strings

    /// `"..."` at `i`: one line, with escapes.
    private func parseBasicString() throws(TOMLError) -> String {
        let openAt = i
        i += 1
        // most strings have no escape: made in one piece from their scalars
        let start = i
        var j = i
        while j < n, s[j] != "\"", s[j] != "\\", !Self.isControl(s[j]) { j += 1 }
        if j < n, s[j] == "\"" {
            i = j + 1
            return ScalarString.make(s[start..<j])
        }
        let open = position(openAt)
        var out = String.UnicodeScalarView()
        while true {
            guard i < n else { throw error("unterminated string (started at \(open))", at: i) }
            let c = s[i]
            switch c {
            case "\"":
                i += 1
                return String(out)
            case "\\":
                try parseEscape(into: &out, open: open)
            case "\n":
                throw error("unterminated string (started at \(open))", at: i)
            case "\r" where i + 1 < n && s[i + 1] == "\n":
                throw error("unterminated string (started at \(open))", at: i)
            default:
                if Self.isControl(c) { throw controlInString(c) }
                out.append(c)
                i += 1
            }
        }
    }

    private func controlInString(_ c: Unicode.Scalar) -> TOMLError {
        if c == "\r" {
            return error("bare carriage return (U+000D) in string; use \\r", at: i)
        }
        return error("control character \(Self.describe(c)) is not allowed in a string; write it as "
                     + "\\u\(TOMLKeys.hex(c.value, width: 4))", at: i)
    }

    /// At a backslash (not a line-ending one): appends the escaped scalar.
    private func parseEscape(into out: inout String.UnicodeScalarView, open: SourcePosition) throws(TOMLError) {
        let start = i
        guard i + 1 < n else { throw error("unterminated string (started at \(open))", at: n) }
        let e = s[i + 1]
        switch e {
        case "b": out.append("\u{08}")
        case "t": out.append("\t")
        case "n": out.append("\n")
        case "f": out.append("\u{0C}")
        case "r": out.append("\r")
        case "\"": out.append("\"")
        case "\\": out.append("\\")
        case "u", "U":
            let width = e == "u" ? 4 : 8
            var value: UInt32 = 0
            var j = i + 2
            while j < i + 2 + width {
                guard j < n, let d = Self.digitValue(s[j], radix: 16) else {
                    let written = ScalarString.make(s[start..<min(j, n)])
                    throw error("invalid escape '\(written)': expected \(width) hexadecimal digits", at: start)
                }
                value = value &* 16 &+ d
                j += 1
            }
            let written = ScalarString.make(s[start..<j])
            if (0xD800...0xDFFF).contains(value) {
                throw error("invalid escape '\(written)': surrogate code points are not allowed", at: start)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw error("invalid escape '\(written)': beyond U+10FFFF", at: start)
            }
            out.append(scalar)
            i = j
            return
        default:
            if e == "\n" || e == "\r" {
                throw error("invalid escape: '\\' at end of line is only allowed in multi-line strings", at: start)
            }
            if Self.isControl(e) || e == " " || e == "\t" {
                throw error("invalid escape: '\\' followed by \(Self.describe(e))", at: start)
            }
            throw error("invalid escape '\\\(e)'", at: start)
        }
        i += 2
    }

    /// `"""..."""` at `i`.
    private func parseMultilineBasicString() throws(TOMLError) -> String {
        let open = position(i)
        i += 3
        _ = consumeNewline()
        var out = String.UnicodeScalarView()
        while true {
            guard i < n else { throw error("unterminated multi-line string (started at \(open))", at: i) }
            let c = s[i]
            switch c {
            case "\"":
                if let done = closeQuotes("\"", into: &out) {
                    return done
                }
            case "\\":
                // Line-ending backslash: `\`, optional spaces/tabs, newline → trim all following blanks.
                var j = i + 1
                while j < n, s[j] == " " || s[j] == "\t" { j += 1 }
                if isNewline(at: j) {
                    i = j
                    while i < n {
                        if s[i] == " " || s[i] == "\t" {
                            i += 1
                        } else if !consumeNewline() {
                            break
                        }
                    }
                } else {
                    try parseEscape(into: &out, open: open)
                }
            case "\n":
                out.append("\n")
                i += 1
            case "\r" where i + 1 < n && s[i + 1] == "\n":
                out.append("\n")
                i += 2
            default:
                if Self.isControl(c) { throw controlInString(c) }
                out.append(c)
                i += 1
            }
        }
    }

    /// At a quote inside a multi-line string: 3 to 5 quotes close it (1–2 of them are content);
    /// fewer are content. Returns the finished string when closed.
    private func closeQuotes(_ q: Unicode.Scalar, into out: inout String.UnicodeScalarView) -> String? {
        var count = 0
        while i + count < n, s[i + count] == q, count < 5 { count += 1 }
        if count >= 3 {
            for _ in 0..<(count - 3) { out.append(q) }
            i += count
            return String(out)
        }
        for _ in 0..<count { out.append(q) }
        i += count
        return nil
    }

    /// `'...'` at `i`: one line, no escapes.
    private func parseLiteralString() throws(TOMLError) -> String {
        let openAt = i
        i += 1
        let start = i
        while true {
            guard i < n else { throw error("unterminated string (started at \(position(openAt)))", at: i) }
            let c = s[i]
            if c == "'" {
                i += 1
                return ScalarString.make(s[start..<(i - 1)])
            }
            if isNewline(at: i) { throw error("unterminated string (started at \(position(openAt)))", at: i) }
            if Self.isControl(c) { throw controlInString(c) }
            i += 1
        }
    }

    /// `'''...'''` at `i`.
    private func parseMultilineLiteralString() throws(TOMLError) -> String {
        let open = position(i)
        i += 3
        _ = consumeNewline()
        var out = String.UnicodeScalarView()
        while true {
            guard i < n else { throw error("unterminated multi-line string (started at \(open))", at: i) }
            let c = s[i]
            if c == "'" {
                if let done = closeQuotes("'", into: &out) { return done }
                continue
            }
            if consumeNewline() {
                out.append("\n")
                continue
            }
            if Self.isControl(c) { throw controlInString(c) }
            out.append(c)
            i += 1
        }
    }

    // MARK: Arrays and inline tables

    /// `[ v, v, ... ]` at `i`, possibly over several lines with comments; trailing comma allowed.
    private func parseArray(depth: Int, path: [String]) throws(TOMLError) -> TOMLNode {
        let open = i
        try checkDepth(depth, at: open)
        i += 1
        var items: [TOMLNode] = []
        while true {
            try skipBlank()
            if i < n && s[i] == "]" { break }
            if i >= n { throw unterminated("array", open: open) }
            items.append(try parseValue(depth: depth + 1, path: path, context: " in array"))
            try skipBlank()
            if i < n && s[i] == "," {
                i += 1
            } else if i < n && s[i] == "]" {
                break
            } else {
                throw arrayExpectedCommaOrBracket(open: open)
            }
        }
        i += 1
        return TOMLNode(.array(items), position: position(open))
    }

    private func unterminated(_ what: String, open: Int) -> TOMLError {
        error("unterminated \(what) (started at \(position(open)))", at: i)
    }

    private func arrayExpectedCommaOrBracket(open: Int) -> TOMLError {
        if i >= n { return unterminated("array", open: open) }
        return error("expected ',' or ']' after array element, found \(found(i))", at: i)
    }

    /// `{ k = v, ... }` at `i`: on one line, no trailing comma; frozen once closed.
    private func parseInlineTable(depth: Int, path: [String]) throws(TOMLError) -> TOMLNode {
        let open = i
        try checkDepth(depth, at: open)
        i += 1
        let table = MTable(kind: .dotted, position: position(open), depth: depth, path: path)
        skipWhitespace()
        if i < n && s[i] == "}" {
            i += 1
            return TOMLNode(.table(table.frozen()), position: table.position)
        }
        while true {
            let entry = try parseInlineKey(into: table, open: open)
            let node = try parseValue(depth: entry.target.depth + 1, path: entry.target.path + [entry.last.name],
                                      context: entry.context)
            entry.target.add(entry.last.name, at: entry.last.position, .leaf(node))
            skipWhitespace()
            if i < n && s[i] == "," {
                i += 1
            } else if i < n && s[i] == "}" {
                i += 1
                return TOMLNode(.table(table.frozen()), position: table.position)
            } else {
                throw inlineExpectedCommaOrBrace(open: open)
            }
        }
    }

    /// `key =` inside an inline table: returns where the value goes.
    private func parseInlineKey(into table: MTable, open: Int) throws(TOMLError)
        -> (target: MTable, last: KeySegment, context: String) {
        skipWhitespace()
        if i >= n { throw unterminated("inline table", open: open) }
        if isNewline(at: i) {
            throw error("expected a key in inline table, found end of line (inline tables must be on one line)", at: i)
        }
        if s[i] == "}" {
            throw error("trailing comma is not allowed in an inline table", at: i)
        }
        let key = try parseKey(context: " in inline table")
        let shown = Self.display(key)
        skipWhitespace()
        guard i < n, s[i] == "=" else {
            throw error("expected '=' after key '\(shown)', found \(found(i))", at: i)
        }
        i += 1
        skipWhitespace()
        let target = try resolveDotted(key, in: table)
        return (target, key[key.count - 1], " for '\(shown)'")
    }

    private func inlineExpectedCommaOrBrace(open: Int) -> TOMLError {
        if i >= n { return unterminated("inline table", open: open) }
        let hint = isNewline(at: i) ? " (inline tables must be on one line)" : ""
        return error("expected ',' or '}' in inline table, found \(found(i))\(hint)", at: i)
    }
}
