import Foundation
import JXCore
import JXTOML

/// rules/evidence.toml: the words of every evidence template, one table per check kind
/// (`[formula] mismatch = "{computation} = {computed} ≠ {stated}（差 {difference}）"`). The
/// templates and their placeholders are declared in CheckDeclarations.swift; a rule may reword one
/// with `evidence.NAME = "…"`, an extension folder's evidence.toml rewords it for every rule.
public struct EvidenceTexts: Sendable {
    private var texts: [RuleKind: [String: String]] = [:]

    public init() {}

    public func templates(for kind: RuleKind) -> [String: String] { texts[kind] ?? [:] }

    /// The texts of `other` over these.
    public func overriding(with other: EvidenceTexts) -> EvidenceTexts {
        var out = self
        for (kind, t) in other.texts { out.texts[kind, default: [:]].merge(t) { _, new in new } }
        return out
    }

    /// Reads an evidence file. `complete`: every declared template must be present (the default
    /// set); an extension may reword some.
    public static func load(_ text: String, file: String, complete: Bool = true) throws(TOMLError) -> EvidenceTexts {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: Set(RuleKind.allCases.map(\.rawValue)), file: file)
        var out = EvidenceTexts()
        out.texts.reserveCapacity(RuleKind.allCases.count)
        for kind in RuleKind.allCases {
            let declared = CheckDeclarations.evidence(of: kind)
            guard let node = root[kind.rawValue] else {
                if complete && !declared.isEmpty {
                    throw root.error("missing table [\(kind.rawValue)] (evidence templates: \(declared.map(\.name).joined(separator: ", ")))", file: file)
                }
                continue
            }
            let table = try node.table(file: file, key: kind.rawValue)
            out.texts[kind] = try RuleLoader.templates(table, declared: declared, extra: [], what: "evidence template", file: file)
            if complete, let missing = declared.first(where: { out.texts[kind]?[$0.name] == nil }) {
                throw table.error("missing evidence template '\(missing.name)' in [\(kind.rawValue)] (\(missing.doc); placeholders: \(missing.slots.map { "{\($0.rawValue)}" }.joined(separator: " ")))", file: file)
            }
        }
        return out
    }

    /// The evidence texts of the default rule set, embedded in the binary.
    public static let embedded: EvidenceTexts = {
        guard let file = EmbeddedRules.files.first(where: { $0.name == "evidence.toml" }),
              let texts = try? load(file.text, file: "rules/evidence.toml") else { return EvidenceTexts() }
        return texts
    }()
}
