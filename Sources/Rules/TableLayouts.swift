import JXTOML
/// rules/tables.toml: column roles by header words, table types by the roles they need.
public struct TableLayouts: Sendable {
    public enum Role: String, Sendable, CaseIterable {
        case name, weight, score, target, actual, note, status, text, money, rate
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

    public var columns: [ColumnRule]
    public var types: [TableType]

    public init(columns: [ColumnRule] = [], types: [TableType] = []) {
        self.columns = columns
        self.types = types
    }

    /// Whether a header path names a column of this role.
    public func header(_ header: String, is role: Role) -> Bool {
        // called for every cell: the rules are read in place (no copy of each), and a rule's
        // exceptions are sought only when its words match (most headers match none)
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
