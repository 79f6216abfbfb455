import Foundation
import JXCore

// Typed accessors for a rule loader. Every failure is a `TOMLError` positioned on the offending
// value (or key, or table header), with a message such as
// `expected a string for 'message', found an integer`.

extension TOMLNode {
    /// An error positioned at this value.
    public func error(_ message: String, file: String) -> TOMLError {
        TOMLError(file: file, position: position, message: message)
    }

    private func mismatch(_ expected: String, key: String?, file: String) -> TOMLError {
        let what = key.map { " for '\($0)'" } ?? ""
        return error("expected \(expected)\(what), found \(value.typeDescription)", file: file)
    }

    /// The string value; `key` only names the value in the error message.
    public func string(file: String, key: String? = nil) throws(TOMLError) -> String {
        guard case .string(let s) = value else { throw mismatch("a string", key: key, file: file) }
        return s
    }

    /// The boolean value.
    public func bool(file: String, key: String? = nil) throws(TOMLError) -> Bool {
        guard case .bool(let b) = value else { throw mismatch("a boolean", key: key, file: file) }
        return b
    }

    /// The integer value (a number with a fractional part is an error).
    public func integer(file: String, key: String? = nil) throws(TOMLError) -> Int64 {
        guard case .integer(let v) = value else { throw mismatch("an integer", key: key, file: file) }
        return v
    }

    /// The integer value as `Int`.
    public func int(file: String, key: String? = nil) throws(TOMLError) -> Int {
        let v = try integer(file: file, key: key)
        guard let i = Int(exactly: v) else {
            throw error("integer \(v)\(key.map { " for '\($0)'" } ?? "") is out of range", file: file)
        }
        return i
    }

    /// The exact value of a number (integer or decimal).
    public func decimal(file: String, key: String? = nil) throws(TOMLError) -> Decimal {
        switch value {
        case .integer(let v): return Decimal(v)
        case .decimal(let d, _): return d
        default: throw mismatch("a number", key: key, file: file)
        }
    }

    /// The elements of an array.
    public func array(file: String, key: String? = nil) throws(TOMLError) -> [TOMLNode] {
        guard case .array(let a) = value else { throw mismatch("an array", key: key, file: file) }
        return a
    }

    /// The table (from a `[header]`, dotted keys or an inline table).
    public func table(file: String, key: String? = nil) throws(TOMLError) -> TOMLTable {
        guard case .table(let t) = value else { throw mismatch("a table", key: key, file: file) }
        return t
    }

    /// An array whose elements are all strings; the error points at the first element that is not.
    public func strings(file: String, key: String? = nil) throws(TOMLError) -> [String] {
        guard case .array(let a) = value else { throw mismatch("an array of strings", key: key, file: file) }
        var out: [String] = []
        out.reserveCapacity(a.count)
        for (k, element) in a.enumerated() {
            guard case .string(let s) = element.value else {
                let what = key.map { " of '\($0)'" } ?? ""
                throw element.error(
                    "expected a string for element \(k + 1)\(what), found \(element.value.typeDescription)", file: file)
            }
            out.append(s)
        }
        return out
    }

    /// An array whose elements are all tables (typically an array of tables `[[rule]]`).
    public func tables(file: String, key: String? = nil) throws(TOMLError) -> [TOMLTable] {
        guard case .array(let a) = value else { throw mismatch("an array of tables", key: key, file: file) }
        var out: [TOMLTable] = []
        out.reserveCapacity(a.count)
        for (k, element) in a.enumerated() {
            guard case .table(let t) = element.value else {
                let what = key.map { " of '\($0)'" } ?? ""
                throw element.error(
                    "expected a table for element \(k + 1)\(what), found \(element.value.typeDescription)", file: file)
            }
            out.append(t)
        }
        return out
    }
}

extension TOMLEntry {
    /// An error positioned at this entry's key.
    public func error(_ message: String, file: String) -> TOMLError {
        TOMLError(file: file, position: keyPosition, message: message)
    }
}

extension TOMLTable {
    /// An error positioned at this table's header (or first key, for the root).
    public func error(_ message: String, file: String) -> TOMLError {
        TOMLError(file: file, position: position, message: message)
    }

    /// The entries whose key is not in `allowed`, in document order.
    public func unknownKeys(allowed: Set<String>) -> [TOMLEntry] {
        entries.filter { !allowed.contains($0.key) }
    }

    /// The first entry whose key is not in `allowed`.
    public func firstUnknownKey(allowed: Set<String>) -> TOMLEntry? {
        entries.first { !allowed.contains($0.key) }
    }

    /// Throws `unknown key 'severty' (did you mean 'severity'?)` at the first key not in `allowed`.
    public func checkKeys(allowed: Set<String>, file: String) throws(TOMLError) {
        guard let bad = firstUnknownKey(allowed: allowed) else { return }
        var message = "unknown key '\(TOMLKeys.display(segment: bad.key))'"
        if let suggestion = TOMLTable.closest(to: bad.key, in: allowed) {
            message += " (did you mean '\(suggestion)'?)"
        }
        throw bad.error(message, file: file)
    }

    /// The same check against a short list of keys: no set is made unless some key is unknown
    /// (then the message is the one above).
    public func checkKeys(allowed: [String], file: String) throws(TOMLError) {
        if entries.contains(where: { !allowed.contains($0.key) }) { try checkKeys(allowed: Set(allowed), file: file) }
    }

    /// The node for a key that must be present; `missing key 'id' in table 'rule'` otherwise.
    public func required(_ key: String, file: String) throws(TOMLError) -> TOMLNode {
        guard let node = self[key] else {
            throw error("missing key '\(TOMLKeys.display(segment: key))' in \(displayName)", file: file)
        }
        return node
    }

    /// The string for `key`, or nil when absent; an error when present with another type.
    public func string(_ key: String, file: String) throws(TOMLError) -> String? {
        guard let node = self[key] else { return nil }
        return try node.string(file: file, key: key)
    }

    /// The boolean for `key`, or nil when absent.
    public func bool(_ key: String, file: String) throws(TOMLError) -> Bool? {
        guard let node = self[key] else { return nil }
        return try node.bool(file: file, key: key)
    }

    /// The integer for `key`, or nil when absent.
    public func int(_ key: String, file: String) throws(TOMLError) -> Int? {
        guard let node = self[key] else { return nil }
        return try node.int(file: file, key: key)
    }

    /// The exact number (integer or decimal) for `key`, or nil when absent.
    public func decimal(_ key: String, file: String) throws(TOMLError) -> Decimal? {
        guard let node = self[key] else { return nil }
        return try node.decimal(file: file, key: key)
    }

    /// The array of strings for `key`, or nil when absent.
    public func strings(_ key: String, file: String) throws(TOMLError) -> [String]? {
        guard let node = self[key] else { return nil }
        return try node.strings(file: file, key: key)
    }

    /// The sub-table for `key`, or nil when absent.
    public func table(_ key: String, file: String) throws(TOMLError) -> TOMLTable? {
        guard let node = self[key] else { return nil }
        return try node.table(file: file, key: key)
    }

    /// The array of tables for `key` (e.g. `[[rule]]`), or nil when absent.
    public func tables(_ key: String, file: String) throws(TOMLError) -> [TOMLTable]? {
        guard let node = self[key] else { return nil }
        return try node.tables(file: file, key: key)
    }

    /// The allowed key closest to `key` by edit distance, if it is close enough to be a typo.
    package static func closest(to key: String, in allowed: Set<String>) -> String? {
        let a = Array(key.unicodeScalars)
        guard a.count <= 64 else { return nil }
        var best: (distance: Int, key: String)?
        for candidate in allowed.sorted() {
            let b = Array(candidate.unicodeScalars)
            guard b.count <= 64 else { continue }
            let d = editDistance(a, b)
            let limit = max(1, min(a.count, b.count) / 3)
            if d <= limit, best == nil || d < best!.distance { best = (d, candidate) }
        }
        return best?.key
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: "titel" is one swap from "title".
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
