import Foundation
import JXCore

/// A parsed TOML value. Numbers keep their exact decimal meaning: there is no `Double` anywhere.
///
/// Arrays of tables (`[[rule]]`) are represented as `.array` whose elements are `.table` nodes.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    /// A decimal (or 0x/0o/0b) integer that fits in 64 bits.
    case integer(Int64)
    /// A number with a fractional part, e.g. `0.005`: its exact value and its text as written.
    case decimal(Decimal, literal: String)
    case bool(Bool)
    case array([TOMLNode])
    case table(TOMLTable)

    /// The type with an indefinite article, for messages: "a string", "an integer", ...
    public var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .decimal: return "a decimal number"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A value with the position of its first character (for a table: its `[header]`, the `{` of an
/// inline table, or the key that implicitly created it; for an array of tables: its first `[[header]]`).
public struct TOMLNode: Sendable, Equatable {
    public var value: TOMLValue
    public var position: SourcePosition

    public init(_ value: TOMLValue, position: SourcePosition) {
        self.value = value
        self.position = position
    }
}

/// One key of a table, with the position of the key itself (for a dotted key `a.b = 1`, the
/// entry `b` of table `a` is positioned at `b`).
public struct TOMLEntry: Sendable, Equatable {
    public var key: String
    public var keyPosition: SourcePosition
    public var node: TOMLNode

    public init(key: String, keyPosition: SourcePosition, node: TOMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}

/// A table that keeps its keys in insertion (document) order.
public struct TOMLTable: Sendable, Equatable {
    /// The entries in document order. Keys are unique.
    public private(set) var entries: [TOMLEntry] = []
    /// The entry of each key, kept only past `linearLimit` keys: a smaller table (nearly every
    /// table of a rule file) is searched entry by entry, which costs less than hashing a dictionary
    /// of its keys when it is made (a fifth of reading the embedded rule files back at start).
    private var indexByKey: [String: Int] = [:]
    static let linearLimit = 16
    /// The `[header]` (or `{`, or creating key) position; for the root, the first key or header of the file.
    public var position: SourcePosition
    /// The keys leading from the root to this table (`["rule", "example"]`); empty for the root.
    /// Elements of an array of tables share the array's path.
    public var path: [String]

    public init(position: SourcePosition = SourcePosition(line: 1, column: 1), path: [String] = []) {
        self.position = position
        self.path = path
    }

    /// A table that will hold `capacity` keys (the snapshot reader knows how many).
    init(position: SourcePosition, path: [String], capacity: Int) {
        self.position = position
        self.path = path
        entries.reserveCapacity(capacity)
        if capacity > Self.linearLimit { indexByKey.reserveCapacity(capacity) }
    }

    /// The node for `key`, if present.
    public subscript(key: String) -> TOMLNode? {
        index(of: key).map { entries[$0].node }
    }

    /// The index of the entry of `key` (keys compare as `String`s, as the dictionary does).
    private func index(of key: String) -> Int? {
        if entries.count <= Self.linearLimit { return entries.firstIndex { $0.key == key } }
        return indexByKey[key]
    }

    /// The entry (key position and node) for `key`, if present.
    public func entry(_ key: String) -> TOMLEntry? {
        index(of: key).map { entries[$0] }
    }

    /// The keys in document order.
    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Sets `key` to `node`: replaces the node of an existing key in place, or appends a new entry.
    public mutating func set(_ key: String, _ node: TOMLNode, keyPosition: SourcePosition? = nil) {
        if let k = index(of: key) {
            entries[k].node = node
            if let keyPosition { entries[k].keyPosition = keyPosition }
        } else {
            entries.append(TOMLEntry(key: key, keyPosition: keyPosition ?? node.position, node: node))
            if entries.count == Self.linearLimit + 1 {
                for (k, e) in entries.enumerated() { indexByKey[e.key] = k }
            } else if entries.count > Self.linearLimit {
                indexByKey[key] = entries.count - 1
            }
        }
    }

    /// A readable name for messages: "table 'rule.example'" or "the top level".
    public var displayName: String {
        path.isEmpty ? "the top level" : "table '\(TOMLKeys.display(path))'"
    }

    public static func == (a: TOMLTable, b: TOMLTable) -> Bool {
        a.entries == b.entries && a.position == b.position && a.path == b.path
    }
}

/// Key display helpers shared by the parser and the accessors.
enum TOMLKeys {
    static func isBare(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x5F, 0x2D: return true
        default: return false
        }
    }

    /// A key segment as it could be written: bare when possible, otherwise basic-quoted.
    static func display(segment: String) -> String {
        if !segment.isEmpty, segment.unicodeScalars.allSatisfy(isBare) { return segment }
        var out = "\""
        for c in segment.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F {
                    out += "\\u" + hex(c.value, width: 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    /// A dotted key path as it could be written, e.g. `rule.example` or `a."b c"`.
    static func display(_ path: [String]) -> String {
        path.map { display(segment: $0) }.joined(separator: ".")
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
