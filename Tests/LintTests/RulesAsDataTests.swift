import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Issue 10: the report language as data. A phrase added to the vocabulary through an extension
/// folder (no Swift change) works in every check that reads its word class; checks report through
/// one another by what they declare, not by rule ids; fail examples pin the figure; `rules show`
/// documents every parameter.
@Suite("Rules are data")
struct RulesAsDataTests {
    static let title = "2023年度部门整体支出绩效自评报告\n"

    /// (rule, line) of every finding on a text.
    static func findings(_ text: String, _ ruleSet: RuleSet) -> [String] {
        Pipeline(ruleSet: ruleSet).report(text: text).findings.map { "\($0.rule)@\($0.span.start.line)" }
    }

    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-extra-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    /// "上一财年" is a made-up name of the previous year. Added to `previous_year` in an extension
    /// folder, it dates figures in every check that reads a figure's year, exactly as "上年" does:
    ///  - formula (rate.execution): last year's budget is no longer taken for this year's (false alarm gone);
    ///  - the year slip the formula check hands over (year.mixed-years-in-relation): now found;
    ///  - year.same-figure-two-years: one figure given for two years, now found;
    ///  - score.prose-total: last year's score is no longer read as this year's total (false alarm gone).
    @Test func aNewWordOfThePreviousYearWorksInEveryCheckThatReadsYears() throws {
        let defaults = try RuleSet.embedded()
        let dir = try Self.folder(["vocabulary.toml": "previous_year = [\"上一财年\"]\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let extended = try defaults.extended(with: dir)
        let cases: [(text: String, before: [String], after: [String])] = [
            ("本部门全年预算数3265.80万元，资金总支出3128.62万元。\n上一财年本部门全年预算数3256.80万元；预算执行率为96.06%。\n",
             ["rate.execution@3"], []),
            ("2023年度政府采购年度总指标为53.87万元。上一财年政府采购实际支出50.52万元，政府采购执行率为93.78%。\n",
             [], ["year.mixed-years-in-relation@2"]),
            ("本部门人员经费支出457.51万元。上一财年人员经费支出457.51万元。\n",
             [], ["year.same-figure-two-years@2"]),
            ("上一财年本部门整体绩效自评得分为95.94分。\n| 一级指标 | 三级指标 | 分值 | 得分 |\n|---|---|---|---|\n"
             + "| 预算执行 | 资金总体 | 20 | 19.94 |\n| 产出 | 调研课题数量 | 80 | 75 |\n| 合计 | | 100 | 94.94 |\n",
             ["score.prose-total@2"], []),
        ]
        for c in cases {
            let text = Self.title + c.text
            #expect(Self.findings(text, defaults) == c.before, "before: \(c.text)")
            #expect(Self.findings(text, extended) == c.after, "after: \(c.text)")
            // the new word now reads exactly as the built-in one
            let builtIn = text.replacingOccurrences(of: "上一财年", with: "上年")
            #expect(Self.findings(builtIn, defaults) == c.after, "上年: \(c.text)")
        }
    }

    /// A sum slip that is really a unit slip goes to whichever rule declares it reports unit slips,
    /// whatever its id; with no such rule active, the sum rule reports the slip itself.
    @Test func slipsAreHandedOverByDeclarationNotByRuleID() throws {
        let defaults = try RuleSet.embedded()
        let text = "2020年我部门决算支出2513.05元，其中基本支出518.31万元。项目支出1994.74万元。\n"
        #expect(Self.findings(text, defaults).contains("unit.mixed-in-relation@1"))
        var renamed = defaults
        for k in renamed.rules.indices where renamed.rules[k].id == "unit.mixed-in-relation" { renamed.rules[k].info.id = "unit.written-in-yuan" }
        let found = Self.findings(text, renamed)
        #expect(found.contains("unit.written-in-yuan@1"), "\(found)")
        #expect(!found.contains { $0.hasPrefix("sum.") }, "\(found)")
        var without = defaults
        without.rules.removeAll { $0.declaration?.receives == .unitSlip }
        let alone = Self.findings(text, without)
        #expect(alone.contains { $0.hasPrefix("sum.") }, "with no receiver the sum rule reports: \(alone)")
    }

    /// `⟦…⟧` in a fail example: the rule must point at that figure, not just fire.
    @Test func markedExamplesPinTheFigure() throws {
        func rule(_ fail: String) -> String {
            """
            [[rule]]
            id = "rate.execution"
            category = "rate"
            severity = "error"
            kind = "formula"
            message = "{label}与支出数、预算数不符"
            formula = "rate.execution[$x] == spend[$x] / budget[$x] * 100"
            frames = ["sentence", "paragraph", "row", "section", "document"]
            pass = ["全年预算数33463.78万元，资金总支出33364.97万元，预算执行率为99.70%。"]
            fail = ["\(fail)"]
            """
        }
        let right = try RuleSet.embedded().extended(files: [("x/rate.toml", rule("全年预算数33463.78万元，资金总支出33364.97万元，预算执行率为⟦98.70%⟧。"))])
        #expect(RuleExamples.run(right).failures.isEmpty)
        let wrong = try RuleSet.embedded().extended(files: [("x/rate.toml", rule("全年预算数⟦33463.78万元⟧，资金总支出33364.97万元，预算执行率为98.70%。"))])
        let failures = RuleExamples.run(wrong).failures
        #expect(failures.count == 1)
        #expect(failures.first?.contains("x/rate.toml:10:9: rate.execution: the marked figure at 1:6 raised nothing") == true, "\(failures)")
    }
}

/// The sources of the checks hold no rule ids and (almost) no words of the genre: those are data.
@Suite("Rules are data: the check sources")
struct CheckSourceTests {
    /// String literals of the Swift files of a folder, outside comments.
    static func literals(_ folder: String) throws -> [(file: String, text: String)] {
        var out = [(String, String)]()
        let dir = RepoPaths.root + "/" + folder
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where name.hasSuffix(".swift") {
            for line in try String(contentsOfFile: dir + "/" + name, encoding: .utf8).split(separator: "\n") {
                var inLiteral = false, current = "", previous: Character = " "
                for ch in line {
                    if !inLiteral && ch == "/" && previous == "/" { break }
                    if ch == "\"" && previous != "\\" {
                        if inLiteral { out.append((name, current)); current = "" }
                        inLiteral.toggle()
                    } else if inLiteral {
                        current.append(ch)
                    }
                    previous = ch
                }
            }
        }
        return out
    }

    @Test func noCheckNamesARule() throws {
        let categories = RuleCategory.allCases.map { $0.rawValue + "." }
        let ids = try Self.literals("Sources/Check").filter { l in categories.contains { l.text.hasPrefix($0) } && !l.text.contains(" ") }
        #expect(ids.isEmpty, "rule ids in Sources/Check: \(ids)")
    }

    @Test func theChecksHoldFewWordsOfTheGenre() throws {
        func ideographs(_ s: String) -> Int { s.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count }
        let all = try Self.literals("Sources/Check")
        #expect(all.count > 50 && all.contains { $0.text == "年12月31日" }, "the scan reads the sources")
        let words = all.filter { ideographs($0.text) >= 2 }
        #expect(words.count < 15, "\(words)")
        let rules = try Self.literals("Sources/Rules").filter { ideographs($0.text) >= 2 }
        #expect(rules.count < 15, "\(rules)")
    }
}

@Suite("Rules are data: command line", .enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint (swift build)"))
struct RulesAsDataCLITests {
    @Test func rulesShowPrintsEveryParameterWithItsValueOrDefault() throws {
        let r = try JX.run(["rules", "show", "unit.out-of-scale"])
        #expect(r.status == 0, "\(r)")
        for line in ["merge_rank (decimal) = 35", "min_wan_yuan_amounts (integer) = 5", "dominance (decimal) = 1.5",
                     "max_yuan_amount (decimal) = 1000000", "per_unit_after (word list) = []（默认 default）",
                     "out_of_scale = \"{figure}：本报告其余"] {
            #expect(r.stdout.contains(line), "missing \(line) in \(r.stdout)")
        }
        for p in try #require(try RuleSet.embedded().rule("unit.out-of-scale")?.declaration).allParameters {
            #expect(r.stdout.contains("  \(p.name) (") && r.stdout.contains(p.doc), "\(p.name)")
        }
        let grade = try JX.run(["rules", "show", "score.section-caps"])
        #expect(grade.stdout.contains("messages.group_cap = \"下级指标分值之和与“{name}”所注分值不符\""), "\(grade)")
    }

    @Test func rulesShowVocabularyPrintsEveryClass() throws {
        let r = try JX.run(["rules", "show", "vocabulary"])
        #expect(r.status == 0, "\(r)")
        for c in Vocabulary.Class.allCases { #expect(r.stdout.contains("\(c.rawValue): \(c.doc)"), "\(c.rawValue)") }
        #expect(r.stdout.contains("上一年度、上一年、上年度、上年"))
    }

    @Test func anExtensionFolderFromTheCommandLineAndTheConfig() throws {
        let dir = TempDir()
        _ = try dir.mkdir("extra")
        try dir.write("extra/vocabulary.toml", "previous_year = [\"上一财年\"]\n")
        try dir.write("report.txt", "2023年度部门整体支出绩效自评报告\n本部门人员经费支出457.51万元。上一财年人员经费支出457.51万元。\n")
        func rules(_ args: [String]) throws -> [String] { CLITests.ruleIDs(try JX.run(["check", "--format", "json"] + args + ["report.txt"], cwd: dir.path).json()) }
        #expect(try rules([]).isEmpty)
        #expect(try rules(["--rules-extra", "extra"]) == ["year.same-figure-two-years"])
        try dir.write(".jxlint.toml", "rules_extra = [\"extra\"]\n")
        #expect(try rules([]) == ["year.same-figure-two-years"])
        let missing = try JX.run(["check", "--rules-extra", "nowhere", "report.txt"], cwd: dir.path)
        #expect(missing.status == 2 && missing.stderr.contains("--rules-extra nowhere"), "\(missing)")
    }

    @Test func aMisspeltParameterStopsTheRunWithItsPlace() throws {
        let dir = TempDir()
        _ = try dir.mkdir("extra")
        let rule = """
            [[rule]]
            id = "unit.per-unit-local"
            category = "unit"
            severity = "warning"
            kind = "unit"
            check = "same-number-two-units"
            per_unit_wordz = ["每", "人均"]
            message = "{label}以“元”计"
            pass = ["x"]
            fail = ["y"]
            """
        try dir.write("extra/unit.toml", rule)
        try dir.write("report.txt", "全年预算数100.00万元。\n")
        let r = try JX.run(["check", "--rules-extra", "extra", "report.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("extra/unit.toml:7:1: unknown key 'per_unit_wordz' (did you mean 'per_unit_words'?)"), "\(r)")
        try dir.write("extra/unit.toml", rule.replacingOccurrences(of: "per_unit_wordz = [\"每\", \"人均\"]", with: "per_unit_words = \"每\""))
        let typed = try JX.run(["rules", "list", "--rules-extra", "extra"], cwd: dir.path)
        #expect(typed.status == 2 && typed.stderr.hasPrefix("extra/unit.toml:7:18: expected a word list for 'per_unit_words', found a string"), "\(typed)")
    }
}
