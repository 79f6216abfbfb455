import Testing
import JXLint
import JXRules

/// Every pass/fail example of every default rule, as `jxlint rules test` runs them.
@Suite struct RuleExampleTests {
    @Test func everyDefaultRuleExampleBehaves() throws {
        let ruleSet = try RuleSet.embedded()
        #expect(ruleSet.rules.count >= 15)
        let results = RuleExamples.run(ruleSet)
        for failure in results.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(results.failures.isEmpty)
        #expect(results.passed >= ruleSet.rules.count * 2)
    }

    @Test func everyRuleHasBothKindsOfExample() throws {
        for rule in try RuleSet.embedded().rules {
            #expect(rule.examples.contains { $0.fails }, "\(rule.id) has no fail example")
            #expect(rule.examples.contains { !$0.fails }, "\(rule.id) has no pass example")
        }
    }

    @Test func theCheckedInRulesDirectoryMatchesTheEmbeddedCopy() throws {
        let directory = RepoPaths.root + "/rules"
        let fromDisk = try RuleSet.load(directory: directory)
        let embedded = try RuleSet.embedded()
        #expect(fromDisk.rules.map(\.id) == embedded.rules.map(\.id))
    }
}

enum RepoPaths {
    /// The package root, from this file's location (Tests/LintTests/…).
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
}

import Foundation
