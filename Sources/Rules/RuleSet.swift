import Foundation
import JXCore
import JXTOML

/// The default rule set, or one loaded with --rules, extended by --rules-extra folders: the
/// lexicon (with the vocabulary and table layouts), the evidence texts and the rules.
public struct RuleSet: Sendable {
    public var lexicon: Lexicon
    public var rules: [Rule]
    public var evidence: EvidenceTexts

    public init(lexicon: Lexicon, rules: [Rule], evidence: EvidenceTexts = .embedded) {
        self.lexicon = lexicon
        self.rules = rules
        self.evidence = evidence
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// The rule set embedded in the binary (rules/*.toml at build time).
    public static func embedded() throws(TOMLError) -> RuleSet {
        try load(files: EmbeddedRules.files.map { ("rules/" + $0.name, $0.text) })
    }

    /// Reads every *.toml of a directory: lexicon.toml is the lexicon, vocabulary.toml the word
    /// classes, tables.toml the table layouts, evidence.toml the evidence texts; the others hold rules.
    public static func load(directory: String) throws(TOMLError) -> RuleSet {
        try load(files: readFiles(directory))
    }

    static func readFiles(_ directory: String) throws(TOMLError) -> [(path: String, text: String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".toml") }.sorted()
        } catch {
            throw TOMLError(file: directory, line: 1, column: 1, message: "cannot read the rules directory")
        }
        var files = [(String, String)]()
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TOMLError(file: path, line: 1, column: 1, message: "cannot read the rule file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TOMLError(file: path, line: 1, column: 1, message: "rule files must be UTF-8")
            }
            files.append((path, text))
        }
        return files
    }

    /// The text is that of the embedded file of this name.
    static func isEmbedded(_ text: String, _ name: String) -> Bool {
        EmbeddedRules.files.first(where: { $0.name == name })?.text == text
    }

    static let dataFiles: Set<String> = ["lexicon.toml", "tables.toml", "vocabulary.toml", "evidence.toml"]

    /// The file name of a path (NSString's lastPathComponent bridged each path: 0.3M instructions of
    /// a one-report run). A trailing slash is no part of the name.
    static func name(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? String(trimmed)
    }

    public static func load(files: [(path: String, text: String)]) throws(TOMLError) -> RuleSet {
        // nil until lexicon.toml is read: an empty lexicon's index is built only when there is none
        var lexicon: Lexicon?
        var layouts = TableLayouts()
        // a rule set of one's own without a vocabulary or evidence file reads with the defaults
        var vocabulary = Vocabulary.embedded
        // a lexicon is made with the embedded vocabulary: setting it again would only rebuild its index
        var ownVocabulary = false
        var evidence = EvidenceTexts.embedded
        for (path, text) in files {
            switch name(path) {
            case "lexicon.toml": lexicon = try LexiconLoader.load(text, file: path)
            case "tables.toml": layouts = try TableLayouts.load(text, file: path)
            // the embedded files are parsed once (`.embedded`), not again here
            case "vocabulary.toml":
                ownVocabulary = !isEmbedded(text, "vocabulary.toml")
                vocabulary = ownVocabulary ? try Vocabulary.load(text, file: path) : .embedded
            case "evidence.toml": evidence = isEmbedded(text, "evidence.toml") ? .embedded : try EvidenceTexts.load(text, file: path)
            default: break
            }
        }
        var rules = [Rule]()
        var seen = [String: (String, SourcePosition)]()
        for (path, text) in files where !dataFiles.contains(name(path)) {
            for rule in try RuleLoader.load(text, file: path) {
                if let (file, pos) = seen[rule.id] {
                    throw TOMLError(file: path, line: rule.position.line, column: rule.position.column,
                                    message: "duplicate rule id '\(rule.id)' (first defined at \(file):\(pos.line):\(pos.column))")
                }
                seen[rule.id] = (path, rule.position)
                rules.append(rule)
            }
        }
        var theLexicon = lexicon ?? Lexicon()
        theLexicon.tables = layouts
        if ownVocabulary { theLexicon.vocabulary = vocabulary }
        var set = RuleSet(lexicon: theLexicon, rules: rules, evidence: evidence)
        set.resolveEvidence()
        return set
    }

    mutating func resolveEvidence() {
        for k in rules.indices { rules[k].resolveEvidence(evidence) }
    }

    /// Adds an extension folder (`--rules-extra DIR`) without copying the defaults:
    ///  - vocabulary.toml adds words to its classes (any subset of the classes);
    ///  - lexicon.toml adds phrases to existing concepts (same id) or new concepts, modifiers,
    ///    fillers, qualifiers and decompositions;
    ///  - tables.toml adds column rules and table types;
    ///  - evidence.toml rewords evidence templates (any subset);
    ///  - every other *.toml adds rules; a rule with the id of an existing one replaces it in place.
    public func extended(with directory: String) throws(TOMLError) -> RuleSet {
        try extended(files: RuleSet.readFiles(directory))
    }

    public func extended(files: [(path: String, text: String)]) throws(TOMLError) -> RuleSet {
        var out = self
        for (path, text) in files {
            switch RuleSet.name(path) {
            case "vocabulary.toml":
                out.lexicon.vocabulary = out.lexicon.vocabulary.extended(with: try Vocabulary.load(text, file: path, complete: false))
            case "lexicon.toml":
                out.lexicon = try LexiconLoader.extend(out.lexicon, with: text, file: path)
            case "tables.toml":
                out.lexicon.tables = out.lexicon.tables.extended(with: try TableLayouts.load(text, file: path))
            case "evidence.toml":
                out.evidence = out.evidence.overriding(with: try EvidenceTexts.load(text, file: path, complete: false))
            default:
                break
            }
        }
        var added = [String: (String, SourcePosition)]()
        for (path, text) in files where !RuleSet.dataFiles.contains(RuleSet.name(path)) {
            for rule in try RuleLoader.load(text, file: path) {
                if let (file, pos) = added[rule.id] {
                    throw TOMLError(file: path, line: rule.position.line, column: rule.position.column,
                                    message: "duplicate rule id '\(rule.id)' (first defined at \(file):\(pos.line):\(pos.column))")
                }
                added[rule.id] = (path, rule.position)
                if let k = out.rules.firstIndex(where: { $0.id == rule.id }) {
                    out.rules[k] = rule
                } else {
                    out.rules.append(rule)
                }
            }
        }
        out.resolveEvidence()
        return out
    }
}
