import JXTOML
/// Reads rules/lexicon.toml (see that file for the format).
public enum LexiconLoader {
    public static func load(_ text: String, file: String) throws(TOMLError) -> Lexicon {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: ["measure", "item", "rate", "decomposition", "words", "qualifiers"], file: file)
        func entries(_ key: String) throws(TOMLError) -> [Lexicon.Entry] {
            var out = [Lexicon.Entry]()
            for table in try root.tables(key, file: file) ?? [] {
                try table.checkKeys(allowed: ["id", "name", "phrases", "default_measure", "qualifier", "priority", "part_of", "scoped", "counted_within"], file: file)
                let id = try table.required("id", file: file).string(file: file, key: "id")
                let phrases = try table.required("phrases", file: file).strings(file: file, key: "phrases")
                if phrases.isEmpty { throw table.error("'phrases' of '\(id)' is empty", file: file) }
                var entry = Lexicon.Entry(id: id, name: try table.string("name", file: file) ?? id, phrases: phrases,
                                          defaultMeasure: try table.string("default_measure", file: file),
                                          qualifier: try table.string("qualifier", file: file),
                                          priority: try table.int("priority", file: file) ?? 0)
                entry.partOf = try table.strings("part_of", file: file) ?? []
                entry.scoped = try table.bool("scoped", file: file) ?? true
                entry.countedWithin = try table.strings("counted_within", file: file) ?? []
                out.append(entry)
            }
            return out
        }
        let measures = try entries("measure")
        let items = try entries("item")
        let rates = try entries("rate")
        let decompositions = try Self.decompositions(in: root, items: items, file: file)
        for item in items {
            if let m = item.defaultMeasure, !measures.contains(where: { $0.id == m }) {
                throw root.error("item '\(item.id)': unknown default_measure '\(m)'", file: file)
            }
            if let unknown = item.countedWithin.first(where: { id in !items.contains { $0.id == id } }) {
                throw root.error("item '\(item.id)': unknown item '\(unknown)' in counted_within", file: file)
            }
        }
        let words = try root.table("words", file: file)
        var qualifiers = [String: String]()
        if let q = try root.table("qualifiers", file: file) {
            for entry in q.entries { qualifiers[entry.key] = try entry.node.string(file: file, key: entry.key) }
        }
        try words?.checkKeys(allowed: ["modifiers", "fillers", "neutral"], file: file)
        let modifiers = try words?.strings("modifiers", file: file) ?? []
        let fillers = try words?.strings("fillers", file: file) ?? []
        return Lexicon(measures: measures, items: items, rates: rates, decompositions: decompositions,
                       modifiers: modifiers, fillers: fillers, qualifiers: qualifiers,
                       neutral: try words?.strings("neutral", file: file) ?? [])
    }

    /// The `[[decomposition]]` tables of a lexicon file: `whole` and `parts` (items; `optional`,
    /// `any_whole`), or `words` (a split by name; `optional`).
    static func decompositions(in root: TOMLTable, items: [Lexicon.Entry], file: String) throws(TOMLError) -> [Lexicon.Decomposition] {
        var out = [Lexicon.Decomposition]()
        let itemIDs = Set(items.map(\.id)).union(["total"])
        for table in try root.tables("decomposition", file: file) ?? [] {
            try table.checkKeys(allowed: ["whole", "parts", "optional", "any_whole", "words"], file: file)
            if let wordsNode = table["words"] {
                let words = try wordsNode.strings(file: file, key: "words")
                let optional = try table.strings("optional", file: file) ?? []
                guard words.count + optional.count >= 2, !(words + optional).contains(where: \.isEmpty), table["parts"] == nil, table["whole"] == nil else {
                    throw wordsNode.error("'words' of a decomposition needs two or more words (with 'optional'), and no 'whole' or 'parts'", file: file)
                }
                out.append(Lexicon.Decomposition(whole: "", parts: [], optional: optional, words: words))
                continue
            }
            let whole = try table.required("whole", file: file).string(file: file, key: "whole")
            let partsNode = try table.required("parts", file: file)
            let parts = try partsNode.strings(file: file, key: "parts")
            let optional = try table.strings("optional", file: file) ?? []
            for id in [whole] + parts + optional where !itemIDs.contains(id) {
                throw partsNode.error("unknown item '\(id)' in a decomposition (items: \(itemIDs.sorted().joined(separator: ", ")))", file: file)
            }
            out.append(Lexicon.Decomposition(whole: whole, parts: parts, optional: optional,
                                             anyWhole: try table.bool("any_whole", file: file) ?? false))
        }
        return out
    }

    /// Adds an extension's lexicon file to a lexicon: an entry with the id of an existing measure,
    /// item or rate adds its phrases to it (and replaces the name, default measure, qualifier or
    /// priority it gives); an entry with a new id is a new concept. Words, qualifiers and
    /// decompositions are added.
    public static func extend(_ base: Lexicon, with text: String, file: String) throws(TOMLError) -> Lexicon {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: ["measure", "item", "rate", "decomposition", "words", "qualifiers"], file: file)
        func merge(_ key: String, into entries: [Lexicon.Entry]) throws(TOMLError) -> [Lexicon.Entry] {
            var out = entries
            for table in try root.tables(key, file: file) ?? [] {
                try table.checkKeys(allowed: ["id", "name", "phrases", "default_measure", "qualifier", "priority", "part_of", "scoped", "counted_within"], file: file)
                let id = try table.required("id", file: file).string(file: file, key: "id")
                let phrasesNode = try table.required("phrases", file: file)
                let phrases = try phrasesNode.strings(file: file, key: "phrases")
                if phrases.isEmpty || phrases.contains(where: \.isEmpty) { throw phrasesNode.error("'phrases' of '\(id)' needs words", file: file) }
                var entry = out.first { $0.id == id } ?? Lexicon.Entry(id: id, name: id, phrases: [])
                entry.phrases += phrases.filter { !entry.phrases.contains($0) }
                if let name = try table.string("name", file: file) { entry.name = name }
                if let m = try table.string("default_measure", file: file) { entry.defaultMeasure = m }
                if let q = try table.string("qualifier", file: file) { entry.qualifier = q }
                if let p = try table.int("priority", file: file) { entry.priority = p }
                if let parts = try table.strings("part_of", file: file) { entry.partOf += parts }
                if let scoped = try table.bool("scoped", file: file) { entry.scoped = scoped }
                if let outer = try table.strings("counted_within", file: file) { entry.countedWithin += outer.filter { !entry.countedWithin.contains($0) } }
                if let k = out.firstIndex(where: { $0.id == id }) { out[k] = entry } else { out.append(entry) }
            }
            return out
        }
        let measures = try merge("measure", into: base.measures)
        let items = try merge("item", into: base.items)
        let rates = try merge("rate", into: base.rates)
        for item in items {
            if let m = item.defaultMeasure, !measures.contains(where: { $0.id == m }) {
                throw root.error("item '\(item.id)': unknown default_measure '\(m)'", file: file)
            }
            if let unknown = item.countedWithin.first(where: { id in !items.contains { $0.id == id } }) {
                throw root.error("item '\(item.id)': unknown item '\(unknown)' in counted_within", file: file)
            }
        }
        let decompositions = base.decompositions + (try Self.decompositions(in: root, items: items, file: file))
        let words = try root.table("words", file: file)
        try words?.checkKeys(allowed: ["modifiers", "fillers", "neutral"], file: file)
        var qualifiers = base.qualifiers
        if let q = try root.table("qualifiers", file: file) {
            for entry in q.entries { qualifiers[entry.key] = try entry.node.string(file: file, key: entry.key) }
        }
        func adding(_ old: [String], _ key: String) throws(TOMLError) -> [String] {
            old + (try words?.strings(key, file: file) ?? []).filter { !old.contains($0) }
        }
        let modifiers = try adding(base.modifiers, "modifiers")
        let fillers = try adding(base.fillers, "fillers")
        var lexicon = Lexicon(measures: measures, items: items, rates: rates, decompositions: decompositions,
                              modifiers: modifiers, fillers: fillers, qualifiers: qualifiers,
                              neutral: try adding(base.neutral, "neutral"))
        lexicon.tables = base.tables
        lexicon.vocabulary = base.vocabulary
        return lexicon
    }

    /// The lexicon of the default rule set (with its table layouts), embedded in the binary.
    public static func embedded() throws(TOMLError) -> Lexicon {
        guard let file = EmbeddedRules.files.first(where: { $0.name == "lexicon.toml" }) else { return Lexicon() }
        var lexicon = try load(file.text, file: "rules/lexicon.toml")
        if let tables = EmbeddedRules.files.first(where: { $0.name == "tables.toml" }) {
            lexicon.tables = try TableLayouts.load(tables.text, file: "rules/tables.toml")
        }
        return lexicon
    }
}
