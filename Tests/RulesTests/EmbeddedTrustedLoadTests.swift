import Foundation
import Testing
import JXCore
@testable import JXTOML
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

    /// The snapshot reader makes a decimal from its literal without the parser: the same value,
    /// bit for bit, as the parser's.
    @Test func decimalLiteralsReadAsTheParserReadsThem() throws {
        for literal in ["0.5", "0.50", "-0.5", "+0.5", "0.0", "-0.0", "1_000.000_5", "0.02", "98.70", "123456789012345678.25",
                        "0.000000000000000000000000000000000001", "9999999999999999999999999999999999999.0", "-12.3400"] {
            let parsed = try #require(try TOML.parse("v = " + literal, file: "t.toml")["v"]?.value)
            let read = try #require(TOMLParser.decimalLiteral(literal), "\(literal)")
            #expect(read == parsed, "\(literal)")
            guard case .decimal(let a, _) = read, case .decimal(let b, _) = parsed else { Issue.record("\(literal)"); continue }
            #expect(withUnsafeBytes(of: a) { Array($0) } == withUnsafeBytes(of: b) { Array($0) }, "\(literal)")
        }
        for notDecimal in ["1", "-", "1.2.3", "a.5", ".5", "5."] { #expect(TOMLParser.decimalLiteral(notDecimal) == nil, "\(notDecimal)") }
    }
}
