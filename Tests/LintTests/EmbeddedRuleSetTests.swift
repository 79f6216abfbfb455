import Foundation
import Testing
@testable import JXRules
@testable import JXLint

/// `jxlint check` with the default rules does not check the embedded rule set at each start
/// (issue 12: start-up time); this test checks it once, for every build.
@Suite("Embedded rule set: checked once, by the tests")
struct EmbeddedRuleSetTests {
    /// A rule file is told by its file name, as NSString's lastPathComponent names it.
    @Test func ruleFileNames() {
        for path in ["rules/lexicon.toml", "lexicon.toml", "/etc/jx/rules/tables.toml", "a/b/", "/", "./vocabulary.toml"] {
            #expect(RuleSet.name(path) == (path as NSString).lastPathComponent, "\(path)")
        }
    }

    @Test func theEmbeddedRuleSetHasNoProblems() throws {
        let set = try RuleSet.embedded()
        #expect(RuleSetCheck.problems(set).isEmpty, "\(RuleSetCheck.problems(set))")
        #expect(set.rules.contains { $0.formula != nil })
    }

    @Test func anExtensionFolderIsStillChecked() throws {
        // the default sum rules with a typo in a formula, as an extension replacing them
        let sum = try #require(EmbeddedRules.files.first { $0.name == "sum.toml" })
        #expect(sum.text.contains("$m.basic =="))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-extra-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sum.text.replacingOccurrences(of: "$m.basic ==", with: "$m.basicc ==").write(toFile: dir + "/sum.toml", atomically: true, encoding: .utf8)
        do {
            _ = try CommandLineTool.loadRules(nil, extra: [dir])
            Issue.record("an extension naming an unknown item loaded")
        } catch let error as UsageError {
            #expect(error.message.contains("'basicc'"), "\(error.message)")
        }
        // and the defaults alone load
        #expect(try CommandLineTool.loadRules(nil).rules.count == RuleSet.embedded().rules.count)
    }
}
