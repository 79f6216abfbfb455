import Foundation
import Testing
import JXCore
@testable import JXRules

private let file = "rules/unit.toml"

/// A valid unit rule (one key a line); `extra` lines are inserted after `check`.
private func unitRule(_ extra: [String] = [], message: String = "{label}以“元”计，而同一数字在别处以“万元”计") -> String {
    ([
        "[[rule]]",
        "id = \"unit.test\"",
        "category = \"unit\"",
        "severity = \"error\"",
        "kind = \"unit\"",
        "check = \"same-number-two-units\"",
    ] + extra + [
        "message = \"\(message)\"",
        "pass = [\"全年预算数100.00万元。\"]",
        "fail = [\"全年预算数100.00万元。另安排⟦100.00元⟧。\"]",
    ]).joined(separator: "\n") + "\n"
}

private func loadError(_ text: String) -> TOMLError? {
    do {
        _ = try RuleLoader.load(text, file: file)
        return nil
    } catch {
        return error
    }
}

@Suite("Rule parameters: declared, typed, validated")
struct RuleParameterTests {
    /// A rule reads a parameter by its key alone (`Rule.subscript`): two declared names with one
    /// key would read each other's values.
    @Test func noTwoDeclaredParametersShareAKey() {
        var nameOfKey = [Int: String]()
        var clashes = [String]()
        let names = Set(CheckDeclarations.all.flatMap { $0.allParameters.map(\.name) })
        #expect(names.count > 50)
        for name in names.sorted() {
            let key = ParameterKey.of(name)
            if let other = nameOfKey[key] { clashes.append("\(other) / \(name)") }
            nameOfKey[key] = name
        }
        #expect(clashes.isEmpty, "\(clashes)")
    }

    @Test func declaredParametersLoadWithTheirTypes() throws {
        let rule = try #require(try RuleLoader.load(unitRule(["per_unit_words = [\"每\", \"人均\"]", "merge_rank = 30"]), file: file).first)
        #expect(rule[.perUnitWords].words == ["每", "人均"])
        #expect(rule.mergeRank == 30)
        // not set: the declared default (no words)
        #expect(rule[.perUnitAfter].isEmpty)
        // the numbers the file sets, for code outside the checks (the merge of findings)
        #expect(rule.numbers == ["merge_rank": 30])
        #expect(rule.number("merge_rank", default: 0) == 30)
        var unranked = rule
        unranked.numbers["merge_rank"] = nil
        #expect(unranked.mergeRank == 0 && unranked.numbers.isEmpty)
        #expect(rule.examples.last?.marks == [SourceSpan(start: SourcePosition(line: 1, column: 18), end: SourcePosition(line: 1, column: 24))])
    }

    @Test func aMisspeltWordListKeyStopsTheRunWithASuggestion() throws {
        let e = try #require(loadError(unitRule(["per_unit_wordz = [\"每\"]"])))
        #expect(e.file == file && e.line == 7 && e.column == 1)
        #expect(e.message == "unknown key 'per_unit_wordz' (did you mean 'per_unit_words'?)")
    }

    @Test func aMisspeltNumberOrStringKeyStopsTheRunToo() throws {
        let text = unitRule().replacingOccurrences(of: "check = \"same-number-two-units\"", with: "check = \"out-of-scale\"\ndominanse = 3")
        let number = try #require(loadError(text))
        #expect(number.line == 7)
        #expect(number.message == "unknown key 'dominanse' (did you mean 'dominance'?)")
        let string = try #require(loadError(unitRule(["titel = \"同一数字两种单位\""])))
        #expect(string.line == 7)
        #expect(string.message == "unknown key 'titel' (did you mean 'title'?)")
        // a parameter of another check of the same kind is not this check's
        let foreign = try #require(loadError(unitRule(["max_yuan_amount = 1000"])))
        #expect(foreign.message.hasPrefix("unknown key 'max_yuan_amount'"))
    }

    @Test func aValueOfTheWrongTypeIsRefusedAtTheValue() throws {
        let words = try #require(loadError(unitRule(["per_unit_words = \"每\""])))
        #expect(words.line == 7 && words.column == 18)
        #expect(words.message.hasPrefix("expected a word list for 'per_unit_words', found a string ("))
        let empty = try #require(loadError(unitRule(["per_unit_words = [\"每\", \"\"]"])))
        #expect(empty.message == "'per_unit_words': entry 2 is empty")

        let outOfScale = unitRule().replacingOccurrences(of: "check = \"same-number-two-units\"", with: "check = \"out-of-scale\"")
        let int = try #require(loadError(outOfScale.replacingOccurrences(of: "check = \"out-of-scale\"", with: "check = \"out-of-scale\"\nmin_wan_yuan_amounts = 4.5")))
        #expect(int.message.hasPrefix("expected an integer for 'min_wan_yuan_amounts', found a decimal number"))
        let decimal = try #require(loadError(outOfScale.replacingOccurrences(of: "check = \"out-of-scale\"", with: "check = \"out-of-scale\"\ndominance = \"3\"")))
        #expect(decimal.message.hasPrefix("expected a decimal for 'dominance', found a string"))

        let mixed = unitRule().replacingOccurrences(of: "check = \"same-number-two-units\"", with: "check = \"mixed-units-in-relation\"\nwritten_unit = \"yuen\"")
        let choice = try #require(loadError(mixed))
        #expect(choice.message == "'written_unit' must be one of: yuan, wan-yuan, not 'yuen' (did you mean 'yuan'?)")
    }

    @Test func aPlaceholderNoTemplateHasIsRefused() throws {
        let e = try #require(loadError(unitRule(message: "{lable}以“元”计")))
        #expect(e.line == 7)
        // `message = "` is 11 columns: the placeholder starts at column 12
        #expect(e.column == 12)
        #expect(e.message.hasPrefix("unknown placeholder '{lable}' in message (did you mean '{label}'?)"))
        // braces around something that is no placeholder name stay text
        #expect(loadError(unitRule(message: "{label}：{ 元 }")) == nil)
    }

    @Test func namedMessagesAndEvidenceAreChecked() throws {
        let score = """
            [[rule]]
            id = "score.cap"
            category = "score"
            severity = "error"
            kind = "score"
            check = "item-above-cap"
            message = "得分超过分值"
            messages.weight_vs_name = "分值与“{name}”所注不符"
            evidence.above_weight = "得分{score}，分值{weight}"
            pass = ["x"]
            fail = ["y"]
            """
        let rule = try #require(try RuleLoader.load(score, file: "s.toml").first)
        #expect(rule.message(.scoreWeightVersusName, [.name: "产出（30）", .label: ""]) == "分值与“产出（30）”所注不符")
        #expect(rule.message(nil, [.label: ""]) == "得分超过分值")
        #expect(rule.evidence(.scoreAboveWeight, [.score: "35", .weight: "30"]) == "得分35，分值30")
        // the templates the rule leaves alone come from rules/evidence.toml
        #expect(rule.evidence["above_name_cap"] == EvidenceTexts.embedded.templates(for: .score)["above_name_cap"])

        let unknownMessage = try #require(loadError(score.replacingOccurrences(of: "messages.weight_vs_name", with: "messages.weight_vs_nam")))
        #expect(unknownMessage.message == "unknown key 'weight_vs_nam' (did you mean 'weight_vs_name'?)")
        let unknownSlot = try #require(loadError(score.replacingOccurrences(of: "{weight}", with: "{wieght}")))
        #expect(unknownSlot.message.hasPrefix("unknown placeholder '{wieght}' in evidence template 'above_weight' (did you mean '{weight}'?)"))
        let none = try #require(loadError(unitRule(["messages.other = \"…\""]).replacingOccurrences(of: "same-number-two-units", with: "out-of-scale")))
        #expect(none.message == "this check has no named messages")
        let unknownName = try #require(loadError(unitRule(["messages.other = \"…\""])))
        #expect(unknownName.message.hasPrefix("unknown key 'other'"))
    }

    @Test func marksInExamples() throws {
        let (text, marks) = try #require(RuleExample.unmark("第一行\n执行率为⟦98.70%⟧。"))
        #expect(text == "第一行\n执行率为98.70%。")
        #expect(marks == [SourceSpan(start: SourcePosition(line: 2, column: 5), end: SourcePosition(line: 2, column: 10))])
        #expect(RuleExample.unmark("⟦98.70%") == nil)
        #expect(RuleExample.unmark("98.70%⟧") == nil)
        #expect(RuleExample.unmark("⟦⟦98⟧⟧") == nil)
        #expect(RuleExample.unmark("⟦⟧98") == nil)
        let inPass = try #require(loadError(unitRule().replacingOccurrences(of: "pass = [\"全年预算数100.00万元。\"]", with: "pass = [\"全年预算数⟦100.00万元⟧。\"]")))
        #expect(inPass.message.hasPrefix("a 'pass' example has nothing to point at"))
        let unbalanced = try #require(loadError(unitRule().replacingOccurrences(of: "⟦100.00元⟧", with: "⟦100.00元")))
        #expect(unbalanced.line == 9 && unbalanced.column == 9)
        #expect(unbalanced.message.hasPrefix("unbalanced ⟦ ⟧ marks"))
    }

    @Test func templatesFillInTheirSlots() {
        #expect(Templates.render("{computation} = {computed} ≠ {stated}", [.computation: "1 + 2", .computed: "3", .stated: "4"]) == "1 + 2 = 3 ≠ 4")
        #expect(Templates.render("{x} {Label} {label}", [.label: "预算"]) == "{x} {Label} 预算")
        #expect(Templates.placeholders(in: "差 {difference}（{header}）").map(\.name) == ["difference", "header"])
    }

    @Test func theDeclarationTableIsConsistent() {
        for d in CheckDeclarations.all {
            let names = d.allParameters.map(\.name)
            #expect(Set(names).count == names.count, "\(d.kind)/\(d.check ?? "-"): a parameter declared twice")
            #expect(names.allSatisfy { !CheckDeclarations.commonKeys.contains($0) && !CheckDeclarations.formulaKeys.contains($0) })
            for p in d.allParameters { #expect(!p.doc.isEmpty, "\(p.name) has no documentation") }
            #expect(Set(d.messages.map(\.name)).count == d.messages.count)
            #expect(!d.doc.isEmpty)
        }
        // one template name means one template within a kind
        for kind in RuleKind.allCases {
            var slots = [String: [Slot]]()
            for d in CheckDeclarations.all where d.kind == kind {
                for t in d.evidence {
                    if let s = slots[t.name] { #expect(s == t.slots, "\(kind).\(t.name) declared twice with other slots") }
                    slots[t.name] = t.slots
                }
            }
        }
        #expect(RuleKind.unit.checks.contains("mixed-units-in-relation"))
        #expect(RuleKind.formula.checks.isEmpty)
    }

    @Test func theDefaultRulesSetEveryAlternativeMessageAndMarkAFailExample() throws {
        let set = try RuleSet.embedded()
        for rule in set.rules {
            let declaration = try #require(rule.declaration)
            for m in declaration.messages {
                #expect(rule.messages[m.name] != nil, "\(rule.id): no messages.\(m.name) (its words would fall back to `message`)")
            }
            for e in declaration.evidence { #expect(!(rule.evidence[e.name] ?? "").isEmpty, "\(rule.id): no evidence \(e.name)") }
            #expect(rule.examples.contains { $0.fails && !$0.marks.isEmpty }, "\(rule.id): no fail example marks the figure with ⟦…⟧")
        }
    }

    @Test func evidenceFilesAreValidated() throws {
        #expect(throws: TOMLError.self) { try EvidenceTexts.load("[formula]\nmismatch = \"x\"\n", file: "e.toml") }
        let partial = try EvidenceTexts.load("[formula]\nmismatch = \"{computation} ≠ {stated}\"\n", file: "e.toml", complete: false)
        #expect(partial.templates(for: .formula) == ["mismatch": "{computation} ≠ {stated}"])
        do {
            _ = try EvidenceTexts.load("[formul]\nmismatch = \"x\"\n", file: "e.toml", complete: false)
            Issue.record("an unknown kind loaded")
        } catch {
            #expect(error.line == 1 && error.message == "unknown key 'formul' (did you mean 'formula'?)")
        }
        do {
            _ = try EvidenceTexts.load("[parts]\nsum = \"{computation} ≠ {stated}（差 {diference}）\"\n", file: "e.toml", complete: false)
            Issue.record("an unknown placeholder loaded")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.hasPrefix("unknown placeholder '{diference}' in evidence template 'sum' (did you mean '{difference}'?)"))
        }
        let merged = EvidenceTexts.embedded.overriding(with: partial)
        #expect(merged.templates(for: .formula)["mismatch"] == "{computation} ≠ {stated}")
        #expect(merged.templates(for: .formula)["both_sides"] == EvidenceTexts.embedded.templates(for: .formula)["both_sides"])
    }
}
