import Foundation
import JXCore
import JXTOML

/// rules/evidence.toml: the words of every evidence template, one table per check kind
/// (`[formula] mismatch = "{computation} = {computed} ≠ {stated}（差 {difference}）"`). The
/// templates and their placeholders are declared in CheckDeclarations.swift; a rule may reword one
/// with `evidence.NAME = "…"`, an extension folder's evidence.toml rewords it for every rule.
public struct EvidenceTexts: Sendable {
    /// By kind, at the kind's declaration index (nil: the file has no table for it). Not a
    /// dictionary keyed by the kind: its type's metadata, made at every start, looked up the
    /// kind's Hashable conformance through every conformance of the binary.
    private var texts = [[String: String]?](repeating: nil, count: RuleKind.allCases.count)

    public init() {}

    public func templates(for kind: RuleKind) -> [String: String] { texts[kind.index] ?? [:] }

    /// The texts of `other` over these.
    public func overriding(with other: EvidenceTexts) -> EvidenceTexts {
        var out = self
        for (k, t) in other.texts.enumerated() {
            guard let t else { continue }
            out.texts[k] = (out.texts[k] ?? [:]).merging(t) { _, new in new }
        }
        return out
    }

    /// Reads an evidence file. `complete`: every declared template must be present (the default
    /// set); an extension may reword some.
    public static func load(_ text: String, file: String, complete: Bool = true) throws(TOMLError) -> EvidenceTexts {
        let root = try RuleFiles.parse(text, file: file)
        try root.checkKeys(allowed: Set(RuleKind.allCases.map(\.rawValue)), file: file)
        var out = EvidenceTexts()
        for kind in RuleKind.allCases {
            let declared = CheckDeclarations.evidence(of: kind)
            guard let node = root[kind.rawValue] else {
                if complete && !declared.isEmpty {
                    throw root.error("missing table [\(kind.rawValue)] (evidence templates: \(declared.map(\.name).joined(separator: ", ")))", file: file)
                }
                continue
            }
            let table = try node.table(file: file, key: kind.rawValue)
            out.texts[kind.index] = try RuleLoader.templates(table, declared: declared, extra: [], what: "evidence template", file: file)
            if complete, let missing = declared.first(where: { out.texts[kind.index]?[$0.name] == nil }) {
                throw table.error("missing evidence template '\(missing.name)' in [\(kind.rawValue)] (\(missing.doc); placeholders: \(missing.slots.map { "{\($0.rawValue)}" }.joined(separator: " ")))", file: file)
            }
        }
        return out
    }

    /// The evidence texts of the default rule set, embedded in the binary. Read without the
    /// checks of `load` (a third of its cost at every start): the build embeds the file only as
    /// it is in rules/, and the tests load that text through `load` and check that both agree.
    public static let embedded: EvidenceTexts = {
        guard let file = EmbeddedRules.files.first(where: { $0.name == "evidence.toml" }),
              let texts = try? loadTrusted(file.text, file: "rules/evidence.toml") else { return EvidenceTexts() }
        return texts
    }()

    /// The templates of a file known to pass `load` (the embedded one), as `load` reads them:
    /// each kind's table, every string entry.
    static func loadTrusted(_ text: String, file: String) throws(TOMLError) -> EvidenceTexts {
        let root = try RuleFiles.parse(text, file: file)
        var out = EvidenceTexts()
        for kind in RuleKind.allCases {
            guard let node = root[kind.rawValue], case .table(let table) = node.value else { continue }
            var texts = [String: String](minimumCapacity: table.entries.count)
            for entry in table.entries {
                if case .string(let s) = entry.node.value { texts[entry.key] = s }
            }
            out.texts[kind.index] = texts
        }
        return out
    }

    /// Same templates for every kind (for the tests).
    func sameTexts(as other: EvidenceTexts) -> Bool { texts == other.texts }
}

extension RuleKind {
    /// The kind's declaration index. A case without a payload is stored as that index (a test
    /// checks it against `allCases`; past 256 kinds the cast traps).
    var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
