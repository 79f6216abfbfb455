import JXCore

/// A parsed rule file written out so that it reads back without parsing: the build (EmbedRulesTool)
/// parses the default rules/*.toml once and embeds their snapshots, and a run reads the tables
/// back in a fraction of the time the parser takes. What reads back is equal (`==`) to what the
/// parser made of the file: the same keys in the same order, values, positions and paths; the
/// loaders then run on it exactly as on a parsed user file.
///
/// The text is UTF-8 (it is embedded as a string literal): numbers in ASCII decimal; every
/// distinct string once, as its UTF-8 byte count, `:` and the bytes, then referred to by index
/// (keys, words and ids recur: each is made once).
///
///     snapshot := "S" n ";" str{n} "P" n ";" path{n} table
///     str      := byteCount ":" bytes
///     path     := n ";" (stringIndex ";"){n}
///     table    := "T" line "," column "," pathIndex "," n ";" entry{n}
///     entry    := stringIndex "," line "," column "," node     (the key and its position)
///     node     := kind line "," column "," payload              (kind: s i d b a t)
public enum TOMLSnapshot {
    /// The snapshot of a table (the root of a parsed file).
    public static func encode(_ root: TOMLTable) -> String {
        let (strings, body) = encodeSplit(root)
        var out = "S\(strings.count);"
        for string in strings {
            out += "\(string.utf8.count):"
            out += string
        }
        return out + body
    }

    /// The snapshot without its strings (`body` starts at `P`) and the strings it refers to, for
    /// the build to embed as string literals: the compiler makes them, a run decodes none.
    public static func encodeSplit(_ root: TOMLTable) -> (strings: [String], body: String) {
        var paths = [[String]]()
        var pathIndex = [[String]: Int]()
        collectPaths(root, &paths, &pathIndex)
        var strings = Strings()
        for path in paths { for segment in path { _ = strings.index(segment) } }
        var body = "P\(paths.count);"
        for path in paths {
            body += "\(path.count);"
            for segment in path { body += "\(strings.index(segment));" }
        }
        table(root, pathIndex, &strings, into: &body)
        return (strings.list, body)
    }

    /// The distinct strings, in order of first use.
    private struct Strings {
        var list = [String]()
        /// By bytes, not by String equality: that would merge canonically equivalent strings.
        var lookup = [[UInt8]: Int]()

        mutating func index(_ s: String) -> Int {
            let bytes = Array(s.utf8)
            if let k = lookup[bytes] { return k }
            lookup[bytes] = list.count
            list.append(s)
            return list.count - 1
        }
    }

    private static func collectPaths(_ t: TOMLTable, _ paths: inout [[String]], _ index: inout [[String]: Int]) {
        if index[t.path] == nil {
            index[t.path] = paths.count
            paths.append(t.path)
        }
        for e in t.entries { collectPaths(e.node, &paths, &index) }
    }

    private static func collectPaths(_ n: TOMLNode, _ paths: inout [[String]], _ index: inout [[String]: Int]) {
        switch n.value {
        case .table(let t): collectPaths(t, &paths, &index)
        case .array(let a): for e in a { collectPaths(e, &paths, &index) }
        default: break
        }
    }

    private static func position(_ p: SourcePosition, into out: inout String) {
        out += "\(p.line),\(p.column),"
    }

    private static func table(_ t: TOMLTable, _ paths: [[String]: Int], _ strings: inout Strings, into out: inout String) {
        out += "T"
        position(t.position, into: &out)
        out += "\(paths[t.path]!),\(t.entries.count);"
        for e in t.entries {
            out += "\(strings.index(e.key)),"
            position(e.keyPosition, into: &out)
            node(e.node, paths, &strings, into: &out)
        }
    }

    private static func node(_ n: TOMLNode, _ paths: [[String]: Int], _ strings: inout Strings, into out: inout String) {
        switch n.value {
        case .string(let s):
            out += "s"
            position(n.position, into: &out)
            out += "\(strings.index(s));"
        case .integer(let v):
            out += "i"
            position(n.position, into: &out)
            out += "\(v);"
        case .decimal(_, let literal):
            // read back with the parser's arithmetic on the literal's digits (TOMLParser.decimalLiteral)
            out += "d"
            position(n.position, into: &out)
            out += "\(strings.index(literal));"
        case .bool(let b):
            out += "b"
            position(n.position, into: &out)
            out += b ? "1" : "0"
        case .array(let a):
            out += "a"
            position(n.position, into: &out)
            out += "\(a.count);"
            for e in a { node(e, paths, &strings, into: &out) }
        case .table(let t):
            out += "t"
            position(n.position, into: &out)
            table(t, paths, &strings, into: &out)
        }
    }

    /// Reads a snapshot back. `file` names it in the error thrown for a snapshot that does not
    /// read (which only a build that embedded a broken one would throw).
    public static func decode(_ snapshot: StaticString, file: String) throws(TOMLError) -> TOMLTable {
        guard snapshot.hasPointerRepresentation else { throw TOMLError(file: file, line: 1, column: 1, message: "broken rule snapshot") }
        let bytes = UnsafeBufferPointer(start: snapshot.utf8Start, count: snapshot.utf8CodeUnitCount)
        return try decode(bytes, file: file)
    }

    /// Reads back a snapshot body (`encodeSplit`) with its strings.
    public static func decode(_ body: StaticString, strings: [String], file: String) throws(TOMLError) -> TOMLTable {
        guard body.hasPointerRepresentation else { throw TOMLError(file: file, line: 1, column: 1, message: "broken rule snapshot") }
        let bytes = UnsafeBufferPointer(start: body.utf8Start, count: body.utf8CodeUnitCount)
        return try decode(bytes, strings: strings, file: file)
    }

    /// `strings`: those of a snapshot body (`encodeSplit`); empty for a whole snapshot.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, strings: [String] = [], file: String) throws(TOMLError) -> TOMLTable {
        var reader = Reader(bytes: bytes, strings: strings)
        guard let root = reader.snapshot() else {
            throw TOMLError(file: file, line: 1, column: 1, message: "broken rule snapshot (at byte \(reader.i))")
        }
        return root
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var strings = [String]()
        var paths = [[String]]()

        init(bytes: UnsafeBufferPointer<UInt8>, strings: [String]) {
            self.bytes = bytes
            self.strings = strings
        }

        mutating func byte(_ b: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }

        /// A decimal number ending with `end` (consumed).
        mutating func int(_ end: UInt8) -> Int? {
            // every position is two of these: read through the base address, one check per digit
            guard let base = bytes.baseAddress else { return nil }
            let count = bytes.count
            var j = i
            let negative = j < count && base[j] == UInt8(ascii: "-")
            if negative { j += 1 }
            let start = j
            // 18 digits cannot overflow
            var v = 0
            while j < count, j - start < 18 {
                let d = base[j] &- 0x30
                guard d <= 9 else { break }
                v = v &* 10 &+ Int(d)
                j += 1
            }
            // more digits: checked, counted negative (Int.min has no positive)
            var n = -v
            while j < count {
                let d = base[j] &- 0x30
                guard d <= 9 else { break }
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.subtractingReportingOverflow(Int(d))
                if o1 || o2 { return nil }
                n = a
                j += 1
            }
            guard j > start, j < count, base[j] == end else { return nil }
            i = j + 1
            if negative { return n }
            return n == Int.min ? nil : -n
        }

        /// A string of the table, by its index.
        mutating func string(_ end: UInt8) -> String? {
            guard let k = int(end), k >= 0, k < strings.count else { return nil }
            return strings[k]
        }

        mutating func newString() -> String? {
            guard let n = int(UInt8(ascii: ":")), n >= 0, n <= bytes.count - i else { return nil }
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self)
            i += n
            return s
        }

        mutating func position() -> SourcePosition? {
            guard let line = int(UInt8(ascii: ",")), let column = int(UInt8(ascii: ",")) else { return nil }
            return SourcePosition(line: line, column: column)
        }

        mutating func snapshot() -> TOMLTable? {
            // a whole snapshot starts with its strings; a body's strings were given
            if byte(UInt8(ascii: "S")) {
                guard let count = int(UInt8(ascii: ";")), count >= 0, count <= bytes.count else { return nil }
                strings.reserveCapacity(strings.count + count)
                for _ in 0..<count {
                    guard let s = newString() else { return nil }
                    strings.append(s)
                }
            }
            guard byte(UInt8(ascii: "P")), let n = int(UInt8(ascii: ";")), n >= 0, n <= bytes.count else { return nil }
            paths.reserveCapacity(n)
            for _ in 0..<n {
                guard let count = int(UInt8(ascii: ";")), count >= 0, count <= bytes.count else { return nil }
                var path = [String]()
                path.reserveCapacity(count)
                for _ in 0..<count {
                    guard let s = string(UInt8(ascii: ";")) else { return nil }
                    path.append(s)
                }
                paths.append(path)
            }
            guard let root = table(), i == bytes.count else { return nil }
            return root
        }

        mutating func table() -> TOMLTable? {
            guard byte(UInt8(ascii: "T")), let p = position(), let k = int(UInt8(ascii: ",")), k >= 0, k < paths.count,
                  let n = int(UInt8(ascii: ";")), n >= 0, n <= bytes.count else { return nil }
            var t = TOMLTable(position: p, path: paths[k], capacity: n)
            for _ in 0..<n {
                guard let key = string(UInt8(ascii: ",")), let keyPosition = position(), let node = node() else { return nil }
                t.set(key, node, keyPosition: keyPosition)
            }
            return t
        }

        mutating func node() -> TOMLNode? {
            guard i < bytes.count else { return nil }
            let kind = bytes[i]
            i += 1
            guard let p = position() else { return nil }
            switch kind {
            case UInt8(ascii: "s"):
                return string(UInt8(ascii: ";")).map { TOMLNode(.string($0), position: p) }
            case UInt8(ascii: "i"):
                return int(UInt8(ascii: ";")).map { TOMLNode(.integer(Int64($0)), position: p) }
            case UInt8(ascii: "d"):
                // the parser's own arithmetic on the literal's digits (not the parser: ~15% of reading)
                guard let literal = string(UInt8(ascii: ";")), let value = TOMLParser.decimalLiteral(literal) else { return nil }
                return TOMLNode(value, position: p)
            case UInt8(ascii: "b"):
                if byte(UInt8(ascii: "1")) { return TOMLNode(.bool(true), position: p) }
                if byte(UInt8(ascii: "0")) { return TOMLNode(.bool(false), position: p) }
                return nil
            case UInt8(ascii: "a"):
                guard let n = int(UInt8(ascii: ";")), n >= 0, n <= bytes.count else { return nil }
                var items = [TOMLNode]()
                items.reserveCapacity(n)
                for _ in 0..<n {
                    guard let e = node() else { return nil }
                    items.append(e)
                }
                return TOMLNode(.array(items), position: p)
            case UInt8(ascii: "t"):
                return table().map { TOMLNode(.table($0), position: p) }
            default:
                return nil
            }
        }
    }
}
