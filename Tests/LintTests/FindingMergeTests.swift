import Foundation
import Testing
import JXCheck
import JXCore
import JXLint
import JXRules

/// One slip, one finding: several rules that see the same slip give one finding, the strongest,
/// with the others' evidence among its related locations; messages read as a person wrote them.
@Suite struct FindingMergeTests {
    static let ruleSet = try! RuleSet.embedded()
    static let pipeline = Pipeline(ruleSet: ruleSet)

    static func finding(_ rule: String, _ severity: Severity, _ line: Int, _ column: Int, evidence: String = "e",
                        related: [RelatedLocation] = []) -> Finding {
        let category = RuleCategory(rawValue: String(rule.prefix { $0 != "." }))!
        return Finding(rule: rule, category: category, severity: severity,
                       span: SourceSpan(start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: column + 3)),
                       message: "m \(rule)", evidence: evidence, related: related, fingerprint: rule)
    }

    /// `number(key)` reads one parameter as `numbers[key]` does (without building the dictionary).
    @Test func oneNumberIsTheDictionarysEntry() {
        for rule in Self.ruleSet.rules {
            let numbers = rule.numbers
            for key in Set(rule.parameters.keys).union(numbers.keys).union([FindingMerge.rankKey, "no_such_key"]) {
                #expect(rule.number(key) == numbers[key], "\(rule.id) \(key)")
            }
        }
    }

    @Test func theRankOfRulesIsData() throws {
        // every category and severity the rules use has ranked rules in the rule files; a rule
        // without its own merge_rank ranks with them
        for rule in Self.ruleSet.rules {
            #expect(Self.ruleSet.rules.contains { $0.category == rule.category && $0.severity == rule.severity && $0.numbers[FindingMerge.rankKey] != nil },
                    "\(rule.id): no \(rule.category.rawValue) \(rule.severity.rawValue) rule has a merge_rank")
        }
        var unranked = Self.ruleSet
        let i = unranked.rules.firstIndex { $0.id == "sum.carryover" }!
        unranked.rules[i].numbers[FindingMerge.rankKey] = nil
        #expect(FindingMerge.rank(of: "sum.carryover", in: unranked) == FindingMerge.rank(of: "sum.basic-parts", in: unranked))
        func rank(_ id: String) -> Decimal { FindingMerge.rank(of: id, in: Self.ruleSet) }
        #expect(rank("unit.mixed-in-relation") > rank("unit.same-number-two-units"))
        #expect(rank("unit.same-number-two-units") > rank("unit.out-of-scale"))
        #expect(rank("sum.carryover") > rank("unit.out-of-scale"))
    }

    @Test func findingsAtOnePlaceBecomeTheStrongest() throws {
        let out = Self.finding("unit.out-of-scale", .warning, 3, 5, evidence: "out")
        let same = Self.finding("unit.same-number-two-units", .error, 3, 5, evidence: "same",
                                related: [RelatedLocation(position: SourcePosition(line: 1, column: 2), message: "别处")])
        let other = Self.finding("sum.carryover", .error, 4, 1)
        let merged = FindingMerge.merge([out, same, other], ruleSet: Self.ruleSet)
        #expect(merged.map(\.rule) == ["unit.same-number-two-units", "sum.carryover"])
        let kept = merged[0]
        #expect(kept.severity == .error)
        #expect(kept.evidence == "same")
        #expect(kept.related.contains { $0.message.contains("unit.out-of-scale") && $0.message.contains("out") }, "\(kept.related)")
        #expect(kept.related.contains { $0.message == "别处" })
    }

    @Test func mergingNeverLowersTheSeverity() throws {
        // a rule file that ranks a warning rule above an error rule: the kept finding stays an error
        var rules = Self.ruleSet
        let i = rules.rules.firstIndex { $0.id == "unit.out-of-scale" }!
        rules.rules[i].numbers[FindingMerge.rankKey] = 1000
        let merged = FindingMerge.merge([Self.finding("sum.carryover", .error, 2, 2), Self.finding("unit.out-of-scale", .warning, 2, 2)], ruleSet: rules)
        #expect(merged.map(\.rule) == ["unit.out-of-scale"])
        #expect(merged[0].severity == .error)
    }

    @Test func aUnitSlipIsOneFinding() throws {
        // 元 for 万元: out of scale, the same number as a 万元 figure, and read as 万元 the sum holds
        let text = """
        2023年度部门整体支出绩效自评报告
        一、预算情况
        2023年全年预算数3346.78万元，其中基本支出822.24万元，项目支出2524.54万元。实际支出3336.97万元。
        二、结转结余
        年末结转和结余资金9.81万元。
        三、其他
        预算数3346.78万元，支出数3336.97万元，年末结转和结余资金9.81元。
        """
        let findings = Self.pipeline.report(text: text).findings
        let onLine7 = findings.filter { $0.span.start.line == 7 }
        #expect(onLine7.count == 1, "\(onLine7.map { "\($0.rule) \($0.span.start)" })")
        #expect(onLine7.first?.rule.hasPrefix("unit.") == true)
    }

    @Test func aWholeStatedTwiceIsOneFinding() throws {
        let text = "2022年度部门整体支出绩效自评报告\n2022年全年预算数100.00万元。全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n"
        let findings = Self.pipeline.report(text: text).findings
        #expect(findings.map(\.rule) == ["sum.expenditure-parts"], "\(findings.map { "\($0.rule) \($0.span.start)" })")
        let f = try #require(findings.first)
        #expect(f.related.contains { $0.message.hasPrefix("同一问题另见此处") }, "the other statement is a related location: \(f.related)")
        // two separate statements, each wrong, stay two findings
        let twice = "2022年度部门整体支出绩效自评报告\n一、预算\n全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n二、结论\n全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n"
        #expect(Self.pipeline.report(text: twice).findings.count == 2)
    }

    @Test func theSampleUnitSlipsAreOneFindingEach() throws {
        let path = TestPackage.root + "/samples/slips-units-years.txt"
        let report = Self.pipeline.report(path: path)
        let line36 = report.findings.filter { $0.span.start.line == 36 }
        #expect(line36.map(\.rule) == ["unit.same-number-two-units"])
        let notes = line36.first?.related.map(\.message).joined(separator: " ") ?? ""
        #expect(notes.contains("unit.out-of-scale"), "\(notes)")
    }

    /// Every report of ../shared/corpus (and its wild excerpts) and of samples/.
    static func corpusFiles() -> [String] {
        var out = [String]()
        let fm = FileManager.default
        for dir in [TestPackage.root + "/../shared/corpus", TestPackage.root + "/../shared/corpus/wild", TestPackage.root + "/samples"] {
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                out.append(dir + "/" + name)
            }
        }
        return out
    }

    @Test func noTwoErrorsOrWarningsShareAPlace() throws {
        let files = Self.corpusFiles()
        #expect(files.count >= 6)
        for path in files {
            let findings = Self.pipeline.report(path: path).findings.filter { $0.severity >= .warning }
            var seen = [SourcePosition: String]()
            for f in findings {
                if let other = seen[f.span.start] {
                    Issue.record("\((path as NSString).lastPathComponent):\(f.span.start): \(other) and \(f.rule)")
                }
                seen[f.span.start] = f.rule
            }
        }
    }

    // MARK: messages

    /// Rule-language text in a message or evidence: `spend[$x]`, `==`, `$m.basic`, `{label}`.
    static func internalText(_ s: String) -> Bool {
        if s.contains("[$") || s.contains("==") || s.contains("$m") || s.contains("{label}") { return true }
        let scalars = Array(s.unicodeScalars)
        for k in scalars.indices.dropFirst() where scalars[k] == "[" && (("a"..."z").contains(scalars[k - 1])) { return true }
        return false
    }

    @Test func messagesShowNoRuleLanguage() throws {
        var texts = [(String, String)]()
        for rule in Self.ruleSet.rules {
            for example in rule.examples where example.fails {
                for f in Self.pipeline.report(text: example.text).findings {
                    texts.append(("\(rule.id) example: \(f.rule)", f.message + " | " + f.evidence + " | " + f.related.map(\.message).joined(separator: " ")))
                }
            }
        }
        for path in Self.corpusFiles() {
            for f in Self.pipeline.report(path: path).findings {
                texts.append(("\((path as NSString).lastPathComponent): \(f.rule)", f.message + " | " + f.evidence))
            }
        }
        #expect(texts.count > 50)
        for (where_, text) in texts {
            #expect(!Self.internalText(text), "\(where_): \(text)")
        }
    }

    @Test func aWeightedScoreMessageDoesNotContradictItself() throws {
        let report = Self.pipeline.report(path: TestPackage.root + "/samples/slips-project.txt")
        let weighted = report.findings.filter { $0.rule == "score.weighted-rate" }
        #expect(weighted.count == 2)
        for f in weighted {
            // "预算执行率不等于分值乘以预算执行率" said a rate is not itself
            #expect(f.message.components(separatedBy: "预算执行率").count <= 2, "\(f.message)")
            #expect(f.message.contains("得分"), "\(f.message)")
        }
    }

    @Test func aRelationOfTwoYearsIsToldInFigures() throws {
        let rule = try #require(Self.ruleSet.rule("year.mixed-years-in-relation"))
        let example = try #require(rule.examples.first { $0.fails })
        let f = try #require(Self.pipeline.report(text: example.text).findings.first { $0.rule == rule.id })
        #expect(!Self.internalText(f.evidence), "\(f.evidence)")
        #expect(f.evidence.contains("÷"), "the relation in the report's figures: \(f.evidence)")
        // each year named once with its figures, not "x is 2019, the others 2019 and 2020"
        for year in ["2019", "2020"] { #expect(f.evidence.components(separatedBy: "\(year) 年").count == 2, "\(f.evidence)") }
    }

    @Test func yearOfAnotherReportIsNotAFinding() throws {
        // the samples are reports of 2023; checked with --year 2022 or 2024 they raise no year
        // finding that they do not raise without it
        for name in ["clean.txt", "slips-budget.txt", "slips-units-years.txt", "title-year.md", "slips-project.txt"] {
            let path = TestPackage.root + "/samples/" + name
            let plain = Set(Self.pipeline.report(path: path).findings.map { "\($0.span.start) \($0.rule) \($0.message)" })
            for year in [2022, 2024] {
                let report = Pipeline(ruleSet: Self.ruleSet, fiscalYear: year).report(path: path)
                #expect(report.fiscalYear == 2023, "\(name) --year \(year)")
                let other = Set(report.findings.map { "\($0.span.start) \($0.rule) \($0.message)" })
                #expect(other == plain, "\(name) --year \(year): \(other.subtracting(plain).sorted())")
            }
        }
        // a report without a year in its title takes the option
        let untitled = "全年预算数100.00万元，其中，基本支出预算数40.00万元，项目支出预算数60.00万元。\n"
        #expect(Pipeline(ruleSet: Self.ruleSet, fiscalYear: 2021).report(text: untitled).fiscalYear == 2021)
    }
}
