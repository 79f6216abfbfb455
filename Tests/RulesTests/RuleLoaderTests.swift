import Foundation
import Testing
import JXCore
@testable import JXRules

private let file = "rules/sum.toml"

/// A valid formula rule; `replacing` swaps one line for another to make it invalid.
private func ruleText(_ replacements: [String: String] = [:]) -> String {
    let lines = [
        "[[rule]]",
        "id = \"sum.test-parts\"",
        "category = \"sum\"",
        "severity = \"error\"",
        "kind = \"formula\"",
        "message = \"各部分之和与{label}不符\"",
        "formula = \"$m.total == $m.basic + $m.project\"",
        "frames = [\"sentence\", \"paragraph\"]",
        "pass = [\"全年预算数100万元，其中基本支出30万元，项目支出70万元。\"]",
        "fail = [\"全年预算数100万元，其中基本支出30万元，项目支出60万元。\"]",
    ]
    return lines.map { line in
        let key = String(line.prefix { $0 != " " })
        return replacements[key] ?? line
    }.joined(separator: "\n") + "\n"
}

private func loadError(_ text: String) -> TOMLError? {
    do {
        _ = try RuleLoader.load(text, file: file)
        return nil
    } catch {
        return error
    }
}

@Suite("RuleLoader")
struct RuleLoaderTests {
    @Test func aValidRule() throws {
        let rules = try RuleLoader.load(ruleText(), file: file)
        #expect(rules.count == 1)
        let rule = try #require(rules.first)
        #expect(rule.id == "sum.test-parts")
        #expect(rule.category == .sum)
        #expect(rule.severity == .error)
        #expect(rule.kind == .formula)
        #expect(rule.frames == [.sentence, .paragraph])
        #expect(rule.formula?.relation == .equal)
        #expect(rule.formula?.references.count == 3)
        #expect(rule.examples.map(\.fails) == [false, true])
        #expect(rule.examples[0].position == SourcePosition(line: 9, column: 9))
        #expect(rule.enabled)
        #expect(rule.file == file)
        #expect(rule.position.line == 1)
        #expect(rule.message == "各部分之和与{label}不符")
        #expect(rule.info.title == rule.message)  // no title: the message stands in
    }

    @Test func typedParametersOfOtherKinds() throws {
        let text = """
            [[rule]]
            id = "score.grade-local"
            category = "score"
            severity = "warning"
            kind = "score"
            check = "grade"
            message = "等级与得分不符"
            total_words = ["得分", "总分"]
            excellent = 85.5
            enabled = false
            pass = ["自评得分为92分，评价等级为优。"]
            fail = ["自评得分为80分，评价等级为优。"]
            """
        let rule = try #require(try RuleLoader.load(text, file: "rules/score.toml").first)
        #expect(rule.check == "grade")
        #expect(rule[.totalWords].words == ["得分", "总分"])
        #expect(rule[.excellent] == Decimal(string: "85.5"))
        // a parameter the file leaves out takes its declared default
        #expect(rule[.good] == 80)
        #expect(rule[.gradeMarkers].isEmpty)
        #expect(!rule.enabled)
        #expect(rule.formula == nil)
    }

    @Test func errorsNameFileLineAndColumn() throws {
        let category = try #require(loadError(ruleText(["category": "category = \"sums\""])))
        #expect(category.description.hasPrefix("rules/sum.toml:3:12: unknown category 'sums'"))

        let severity = try #require(loadError(ruleText(["severity": "severity = \"fatal\""])))
        #expect(severity.line == 4 && severity.column == 12)
        #expect(severity.message.hasPrefix("unknown severity 'fatal'"))

        let kind = try #require(loadError(ruleText(["kind": "kind = \"formulas\""])))
        #expect(kind.line == 5 && kind.column == 8)

        let prefix = try #require(loadError(ruleText(["id": "id = \"rate.test-parts\""])))
        #expect(prefix.line == 2 && prefix.column == 6)
        #expect(prefix.message == "rule id 'rate.test-parts' must start with its category: 'sum.'")

        let kebab = try #require(loadError(ruleText(["id": "id = \"sum.Test_Parts\""])))
        #expect(kebab.line == 2)
        #expect(kebab.message.contains("kebab-case"))

        let frame = try #require(loadError(ruleText(["frames": "frames = [\"page\"]"])))
        #expect(frame.line == 8)
        #expect(frame.message.hasPrefix("unknown frame 'page'"))

        let noFrames = try #require(loadError(ruleText(["frames": "frames = []"])))
        #expect(noFrames.message == "'frames' must name at least one frame")
    }

    @Test func formulaErrorsPointInsideTheFormula() throws {
        // "formula = " is 10 columns; the opening quote is column 11, the formula starts at 12
        let e = try #require(loadError(ruleText(["formula": "formula = \"$m.total == $m.basic +\""])))
        #expect(e.line == 7)
        #expect(e.message == "in formula: expected a value, found the end of the formula")
        // the end of "$m.total == $m.basic +" is its 23rd column: 11 + 23
        #expect(e.column == 34)
        let bad = try #require(loadError(ruleText(["formula": "formula = \"$m.total = 1\""])))
        #expect(bad.description == "rules/sum.toml:7:21: in formula: expected a comparison, found '='")
    }

    @Test func unknownKeysAreNamedWithASuggestion() throws {
        let e = try #require(loadError(ruleText(["message": "message = \"不符\"\nexplantion = \"说明\""])))
        #expect(e.line == 7 && e.column == 1)
        #expect(e.message == "unknown key 'explantion' (did you mean 'explanation'?)")
        // a required key misspelled is reported missing
        let missing = try #require(loadError(ruleText(["severity": "severty = \"error\""])))
        #expect(missing.message.contains("severity"))
    }

    @Test func missingPiecesAreNamed() throws {
        let noFail = try #require(loadError(ruleText(["fail": ""])))
        #expect(noFail.message == "rule 'sum.test-parts' needs at least one 'pass' and one 'fail' example")
        #expect(noFail.line == 1)

        let noFormula = try #require(loadError(ruleText(["formula": ""])))
        #expect(noFormula.message.contains("formula"))

        let noCheck = try #require(loadError(ruleText(["kind": "kind = \"score\"", "formula": "", "frames": ""])))
        #expect(noCheck.message.hasPrefix("missing key 'check' in rule 'sum.test-parts'"))

        let wrongCheck = try #require(loadError(ruleText(["kind": "kind = \"score\"\ncheck = \"nosuch\"", "formula": "", "frames": ""])))
        #expect(wrongCheck.line == 6)
        #expect(wrongCheck.message.hasPrefix("kind 'score' has no check 'nosuch'"))

        let badAbsent = try #require(loadError(ruleText(["frames": "frames = [\"sentence\"]\nabsent = [\"1 + 2\"]"])))
        #expect(badAbsent.line == 9)
        #expect(badAbsent.message.contains("is not a concept reference"))

        let badAlternative = try #require(loadError(ruleText(["frames": "frames = [\"sentence\"]\nalternatives = [\"$m.total == \"]"])))
        #expect(badAlternative.line == 9)
        #expect(badAlternative.message.hasPrefix("in 'alternatives': '$m.total == '"))
    }

    @Test func alternativesAreParsedFormulas() throws {
        let text = ruleText(["frames": "frames = [\"sentence\"]\nalternatives = [\"$m.total == $m.basic + $m.project + $m.other\"]"])
        let rule = try #require(try RuleLoader.load(text, file: file).first)
        #expect(rule.alternatives.map(\.source) == ["$m.total == $m.basic + $m.project + $m.other"])
        #expect(rule.alternatives[0].references.count == 4)
    }

    @Test func theEmbeddedRuleSetLoads() throws {
        let set = try RuleSet.embedded()
        #expect(!set.rules.isEmpty)
        #expect(set.rule("sum.expenditure-parts")?.kind == .formula)
        #expect(Set(set.rules.map(\.id)).count == set.rules.count)
        #expect(set.rules.allSatisfy { $0.id.hasPrefix($0.category.rawValue + ".") })
    }

    /// The embedded evidence and vocabulary are read without re-validation at run time (and fall back
    /// to empty ones): a key the loader refuses would blank every finding's evidence with no error.
    @Test func theEmbeddedEvidenceAndVocabularyLoadStrictly() throws {
        for name in ["evidence.toml", "vocabulary.toml"] {
            let file = try #require(EmbeddedRules.files.first { $0.name == name })
            if name == "evidence.toml" {
                let texts = try EvidenceTexts.load(file.text, file: "rules/" + name)
                #expect(texts.templates(for: .parts)["sum"] == EvidenceTexts.embedded.templates(for: .parts)["sum"])
                for kind in RuleKind.allCases {
                    for template in CheckDeclarations.evidence(of: kind) {
                        #expect(!(EvidenceTexts.embedded.templates(for: kind)[template.name] ?? "").isEmpty, "\(kind) \(template.name)")
                    }
                }
            } else {
                _ = try Vocabulary.load(file.text, file: "rules/" + name)
            }
        }
    }
}
