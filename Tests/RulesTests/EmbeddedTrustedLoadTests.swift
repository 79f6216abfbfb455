import Testing
import JXCore
import JXTOML
@testable import JXRules

/// Parts of the embedded rule set are read at start without the checks a user's rule file goes
/// through (the build embeds rules/ as it is). These tests put the embedded text through the
/// strict loaders, so it stays fully validated, and check that both reads agree.
@Suite("Embedded rule files: the trusted reads agree with the strict loaders")
struct EmbeddedTrustedLoadTests {
    static func text(_ name: String) throws -> String {
        try #require(EmbeddedRules.files.first { $0.name == name }).text
    }

    @Test func evidenceTextsPassTheStrictLoadAndReadTheSame() throws {
        let strict = try EvidenceTexts.load(try Self.text("evidence.toml"), file: "rules/evidence.toml")
        #expect(strict.sameTexts(as: EvidenceTexts.embedded))
        #expect(!EvidenceTexts.embedded.templates(for: .formula).isEmpty)
    }

    @Test func ruleFilesPassTheStrictLoadAndReadTheSame() throws {
        var count = 0
        for file in EmbeddedRules.files where !RuleSet.dataFiles.contains(file.name) {
            let path = "rules/" + file.name
            let trusted = try RuleLoader.load(file.text, file: path)
            let root = try TOML.parse(file.text, file: path)
            let strict = try (root.tables("rule", file: path) ?? []).map { table throws(TOMLError) in
                try RuleLoader.rule(table, file: path, trusted: false)
            }
            #expect(trusted.map(\.id) == strict.map(\.id))
            for (a, b) in zip(trusted, strict) {
                count += 1
                #expect(a.message == b.message && a.messages == b.messages && a.evidence == b.evidence, "\(a.id)")
                #expect(a.examples.count == b.examples.count, "\(a.id)")
                for (x, y) in zip(a.examples, b.examples) {
                    #expect(x.text == y.text && x.fails == y.fails && x.position == y.position && x.marks == y.marks, "\(a.id)")
                }
            }
        }
        #expect(count > 50)
    }

    @Test func ruleKindIndexIsTheDeclarationIndex() {
        for (i, kind) in RuleKind.allCases.enumerated() { #expect(kind.index == i, "\(kind.rawValue)") }
    }

    @Test func overridingMergesByKind() throws {
        let base = EvidenceTexts.embedded
        let extra = try EvidenceTexts.load("[share]\nmismatch = \"新 {stated}\"\n", file: "x/evidence.toml", complete: false)
        let merged = base.overriding(with: extra)
        #expect(merged.templates(for: .share)["mismatch"] == "新 {stated}")
        #expect(merged.templates(for: .formula) == base.templates(for: .formula))
        for (name, text) in base.templates(for: .share) where name != "mismatch" { #expect(merged.templates(for: .share)[name] == text) }
    }
}
