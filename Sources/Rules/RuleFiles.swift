@_exported import JXTOML

/// Reads the tables of a rule file. The files of the default rule set were parsed when jxlint was
/// built (EmbedRulesTool): a file whose text is that of a default file (the embedded set itself, or
/// an unchanged copy in a `--rules` folder) reads back from its snapshot instead of being parsed
/// again; any other text is parsed. Either way the loaders get the same tables.
enum RuleFiles {
    static func parse(_ text: String, file: String) throws(TOMLError) -> TOMLTable {
        if let snapshot = snapshot(of: text, file: file),
           let root = try? TOMLSnapshot.decode(snapshot, strings: EmbeddedRules.snapshotStrings(lastComponent(file)), file: file) {
            return root
        }
        return try TOML.parse(text, file: file)
    }

    /// The snapshot of the default file this text is the text of, if any.
    static func snapshot(of text: String, file: String) -> StaticString? {
        let name = lastComponent(file)
        guard let embedded = EmbeddedRules.files.first(where: { $0.name == name }), embedded.text == text else { return nil }
        return EmbeddedRules.snapshot(name)
    }

    static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
}
