import JXTOML
import JXCore
/// rules/tables.toml: column roles by header words, table types by the roles they need.
public struct TableLayouts: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case name, weight, score, target, actual, note, status, text, money, rate
        /// Counts and measures of the row's item (people, projects, area): a total row adds them up.
        case quantity
        /// Each row's share of the whole: a total row's share is their sum.
        case share
        /// The points the row's item lost: its weight less them is its score.
        case deduction
        /// An amount per thing (补贴标准（元/辆）, 单价): a number of the row, which no total row adds up.
        case standard
        /// The change between two of the row's columns (增减额): a number of the row, no amount of its item.
        case change

        /// The role's declaration index (a case without a payload is stored as it; a test checks it).
        @inlinable public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
    }

    public struct ColumnRule: Sendable {
        public var role: Role
        public var words: [[Unicode.Scalar]]
        public var suffixes: [String]
        public var except: [[Unicode.Scalar]]
    }

    public struct TableType: Sendable {
        public var id: String
        public var name: String
        public var requires: [Role]
    }

    public var columns: [ColumnRule] { didSet { filters = Self.filters(of: columns) } }
    public var types: [TableType]
    /// Per role (by `Role.allCases` index), which scalars could begin a match: see `RoleFilter`.
    private var filters: [RoleFilter]

    public init(columns: [ColumnRule] = [], types: [TableType] = []) {
        self.columns = columns
        self.types = types
        filters = Self.filters(of: columns)
    }

    /// The scalars (by value modulo 4096) that begin a word or end a suffix of some rule of one
    /// role. `header(_:is:)` is asked for every table cell and role, and most headers hold none of
    /// them: those are answered by one pass over the header's scalars, without the word search.
    private struct RoleFilter: Sendable {
        var wordStarts = [UInt64](repeating: 0, count: 64)
        var suffixEnds = [UInt64](repeating: 0, count: 64)

        static func set(_ bits: inout [UInt64], _ ch: Unicode.Scalar) {
            let v = Int(ch.value & 4095)
            bits[v >> 6] |= 1 << UInt64(v & 63)
        }

        @inline(__always) static func has(_ bits: [UInt64], _ ch: Unicode.Scalar) -> Bool {
            let v = Int(ch.value & 4095)
            return bits[v >> 6] & (1 << UInt64(v & 63)) != 0
        }

        /// False only when no rule of the role can match: no scalar of the header begins one of
        /// its words, and the header's last scalar ends none of its suffixes. (A last scalar that
        /// is not plain may be canonically equivalent to another, as `hasSuffix` compares: such
        /// headers are always searched.)
        func mayMatch(_ header: String) -> Bool {
            var last: Unicode.Scalar?
            for ch in header.unicodeScalars {
                if Self.has(wordStarts, ch) { return true }
                last = ch
            }
            guard let last else { return false }
            return !WordSet.isPlainValue(last.value) || Self.has(suffixEnds, last)
        }
    }

    private static func filters(of columns: [ColumnRule]) -> [RoleFilter] {
        var filters = [RoleFilter](repeating: RoleFilter(), count: Role.allCases.count)
        for rule in columns {
            let r = rule.role.index
            for word in rule.words { if let first = word.first { RoleFilter.set(&filters[r].wordStarts, first) } }
            for suffix in rule.suffixes { if let last = suffix.unicodeScalars.last { RoleFilter.set(&filters[r].suffixEnds, last) } }
        }
        return filters
    }

    /// Whether a header path names a column of this role.
    public func header(_ header: String, is role: Role) -> Bool {
        // called for every cell: the rules are read in place (no copy of each), and a rule's
        // exceptions are sought only when its words match (most headers match none)
        guard filters[role.index].mayMatch(header) else { return false }
        let s = Array(header.unicodeScalars)
        for k in columns.indices where columns[k].role == role {
            guard columns[k].words.contains(where: { Lexicon.find($0, in: s) }) || columns[k].suffixes.contains(where: { header.hasSuffix($0) }) else {
                continue
            }
            if !columns[k].except.contains(where: { Lexicon.find($0, in: s) }) { return true }
        }
        return false
    }

    /// The first type whose required roles all appear among the headers.
    public func type(of headers: [String]) -> TableType? {
        types.first { type in type.requires.allSatisfy { role in headers.contains { header($0, is: role) } } }
    }

    /// These layouts with another file's column rules and table types added (an extension folder).
    public func extended(with other: TableLayouts) -> TableLayouts {
        TableLayouts(columns: columns + other.columns, types: types + other.types)
    }

    static func load(_ text: String, file: String) throws(TOMLError) -> TableLayouts {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: ["column", "type"], file: file)
        var layouts = TableLayouts()
        for table in try root.tables("column", file: file) ?? [] {
            try table.checkKeys(allowed: ["role", "words", "suffixes", "except"], file: file)
            let node = try table.required("role", file: file)
            let name = try node.string(file: file, key: "role")
            guard let role = Role(rawValue: name) else {
                throw node.error("unknown column role '\(name)' (expected one of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))", file: file)
            }
            let scalars = { (words: [String]) in words.map { Array($0.unicodeScalars) } }
            layouts.columns.append(ColumnRule(role: role, words: scalars(try table.strings("words", file: file) ?? []),
                                              suffixes: try table.strings("suffixes", file: file) ?? [],
                                              except: scalars(try table.strings("except", file: file) ?? [])))
        }
        for table in try root.tables("type", file: file) ?? [] {
            try table.checkKeys(allowed: ["id", "name", "requires"], file: file)
            let id = try table.required("id", file: file).string(file: file, key: "id")
            let requiresNode = try table.required("requires", file: file)
            var roles = [Role]()
            for name in try requiresNode.strings(file: file, key: "requires") {
                guard let role = Role(rawValue: name) else { throw requiresNode.error("unknown column role '\(name)'", file: file) }
                roles.append(role)
            }
            layouts.types.append(TableType(id: id, name: try table.string("name", file: file) ?? id, requires: roles))
        }
        return layouts
    }
}
