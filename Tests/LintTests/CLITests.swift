import Foundation
import Testing
import JXLint
import JXLoad
import JXRules

/// The `jxlint` command line, run as the built executable (`.build/debug/jxlint`) in temporary
/// directories: exit codes, the JSON contract, the other formats, selection, configuration,
/// baselines, stdin, folders, `rules` and `facts`.
@Suite("CLI", .enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint (swift build)"))
struct CLITests {
    // MARK: helpers

    /// The fail example of a default rule, as a file's text.
    static func failExample(_ id: String) throws -> String {
        let rule = try #require(try RuleSet.embedded().rule(id), "no rule \(id)")
        let example = try #require(rule.examples.first { $0.fails }, "\(id) has no fail example")
        return example.text + "\n"
    }

    /// Rule ids of every finding of a `--format json` run.
    static func ruleIDs(_ root: [String: Any]) -> [String] {
        ((root["files"] as? [[String: Any]]) ?? []).flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
    }

    static func files(_ root: [String: Any]) -> [[String: Any]] { root["files"] as? [[String: Any]] ?? [] }

    static func paths(_ root: [String: Any]) -> [String] { files(root).compactMap { $0["path"] as? String } }

    /// A folder with one file per fail and pass example of every default rule, plus the samples.
    static func exampleFolder(_ dir: TempDir) throws -> (folder: String, sources: [String: [String]]) {
        let folder = try dir.mkdir("examples")
        var sources = [String: [String]]()
        func add(_ name: String, _ text: String) throws {
            try dir.write("examples/" + name, text)
            sources["examples/" + name] = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        for rule in try RuleSet.embedded().rules {
            for (k, e) in rule.examples.enumerated() { try add("\(rule.id).\(k).\(e.fails ? "fail" : "pass").txt", e.text.hasSuffix("\n") ? e.text : e.text + "\n") }
        }
        try add("slip.txt", Samples.slip)
        try add("clean.txt", Samples.clean)
        try add("longer.txt", Samples.longer)
        // positions in the original file: BOM, CRLF, leading tab and ideographic space, full-width digits
        let tricky = "\u{FEFF}\(Samples.title)\r\n\t\u{3000}2022年全年预算数１００．００万元，其中，基本支出预算数3０.00万元，项目支出预算数60.00万元。\r\n"
        try dir.write("examples/tricky.txt", tricky)
        sources["examples/tricky.txt"] = String(tricky.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let markdown = "# \(Samples.title)\n\n| 项目 | 预算数（万元） |\n|---|---|\n| 基本支出 | 30.00 |\n| 项目支出 | 60.00 |\n| 合计 | 100.00 |\n"
        try add("table.md", markdown)
        return (folder, sources)
    }

    // MARK: exit codes

    @Test func exitZeroWhenClean() throws {
        let dir = TempDir()
        try dir.write("clean.txt", Samples.clean)
        let r = try JX.run(["check", "clean.txt"], cwd: dir.path)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("0 个错误"), "\(r)")
    }

    @Test func exitOneOnAnErrorFinding() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let r = try JX.run(["check", "slip.txt"], cwd: dir.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("slip.txt:2:11: error:"), "\(r)")
        #expect(r.stdout.contains("[sum.expenditure-parts]"))
        #expect(r.stderr.isEmpty, "\(r)")
    }

    @Test func failOnNeverAndWarning() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("grade.txt", try Self.failExample("score.grade"))
        #expect(try JX.run(["check", "--fail-on", "never", "slip.txt"], cwd: dir.path).status == 0)
        // a warning alone: not a failure by default (error), a failure with --fail-on warning
        let byDefault = try JX.run(["check", "--format", "json", "grade.txt"], cwd: dir.path)
        #expect(Self.ruleIDs(try byDefault.json()).contains("score.grade"), "\(byDefault)")
        #expect(byDefault.status == 0, "\(byDefault)")
        #expect(try JX.run(["check", "--fail-on", "error", "grade.txt"], cwd: dir.path).status == 0)
        #expect(try JX.run(["check", "--fail-on", "warning", "grade.txt"], cwd: dir.path).status == 1)
        #expect(try JX.run(["check", "--fail-on", "warning", "slip.txt"], cwd: dir.path).status == 1)
        #expect(try JX.run(["check", "--fail-on", "sometimes", "slip.txt"], cwd: dir.path).status == 2)
    }

    @Test func exitTwoForAnUnreadableInputAndTheOthersAreStillReported() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("clean.txt", Samples.clean)
        try dir.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3, 0, 0xFF])
        let r = try JX.run(["check", "--format", "json", "slip.txt", "missing.txt", "binary.txt", "clean.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        let root = try r.json()
        #expect(Contract.problems(root).isEmpty, "\(Contract.problems(root))")
        #expect(Self.paths(root) == ["slip.txt", "missing.txt", "binary.txt", "clean.txt"])
        let byPath = Dictionary(uniqueKeysWithValues: Self.files(root).map { ($0["path"] as! String, $0) })
        #expect((byPath["missing.txt"]?["error"] as? String)?.isEmpty == false)
        #expect((byPath["binary.txt"]?["error"] as? String)?.isEmpty == false)
        #expect(byPath["slip.txt"]?["error"] is NSNull)
        #expect(((byPath["slip.txt"]?["findings"] as? [Any])?.count ?? 0) >= 1)
        // text output: the unreadable files are named, the slip is still shown
        let text = try JX.run(["check", "slip.txt", "missing.txt", "clean.txt"], cwd: dir.path)
        #expect(text.status == 2)
        #expect(text.stdout.contains("missing.txt") || text.stderr.contains("missing.txt"), "\(text)")
        #expect(text.stdout.contains("slip.txt:2:11: error:"), "\(text)")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let cases: [[String]] = [
            ["check", "--bogus", "slip.txt"],
            ["check"],
            ["check", "--format", "xml", "slip.txt"],
            ["check", "--format"],
            ["check", "--year", "abc", "slip.txt"],
            ["check", "--year", "1066", "slip.txt"],
            ["check", "--jobs", "0", "slip.txt"],
            ["check", "--min-severity", "fatal", "slip.txt"],
            ["check", "--select"],
            ["frobnicate"],
            ["rules", "nonsense"],
            ["rules", "show"],
            ["rules", "show", "no.such-rule"],
            ["facts"],
            [],
        ]
        for args in cases {
            let r = try JX.run(args, cwd: dir.path)
            #expect(r.status == 2, "jxlint \(args.joined(separator: " ")): \(r)")
            #expect(!r.timedOut)
            if !args.isEmpty { #expect(r.stderr.contains("jxlint"), "jxlint \(args.joined(separator: " ")) explains itself on stderr: \(r)") }
        }
        let unknown = try JX.run(["check", "--bogus", "slip.txt"], cwd: dir.path)
        #expect(unknown.stderr.contains("--bogus"))
        #expect(unknown.stdout.isEmpty, "no report on a usage error: \(unknown)")
    }

    @Test func exitCodesInProcess() throws {
        let dir = TempDir()
        let slip = try dir.write("slip.txt", Samples.slip)
        let clean = try dir.write("clean.txt", Samples.clean)
        #expect(JX.runInProcess(["check", "--format", "csv", clean]) == 0)
        #expect(JX.runInProcess(["check", "--format", "csv", slip]) == 1)
        #expect(JX.runInProcess(["check", "--format", "csv", "--fail-on", "never", slip]) == 0)
        #expect(JX.runInProcess(["check", "--format", "csv", clean, dir.url("missing.txt")]) == 2)
        #expect(JX.runInProcess(["check", "--no-such-option", clean]) == 2)
        #expect(JX.runInProcess(["--version"]) == 0)
    }

    // MARK: the JSON contract

    @Test func jsonFollowsTheContractForEveryRuleExample() throws {
        let dir = TempDir()
        let (_, sources) = try Self.exampleFolder(dir)
        try dir.write("examples/unreadable.txt", bytes: [0, 1, 2, 0, 0])
        let r = try JX.run(["check", "--format", "json", "examples"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        let root = try r.json()
        let problems = Contract.problems(root, sources: sources)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        // every fail example is reported (by some rule), every category is valid, and the
        // tricky file's figures are found at their original columns
        let files = Self.files(root)
        #expect(files.count == sources.count + 1)
        let fails = files.filter { ($0["path"] as? String)?.hasSuffix(".fail.txt") == true }
        #expect(!fails.isEmpty)
        for f in fails {
            #expect(!((f["findings"] as? [Any]) ?? []).isEmpty, "\(f["path"] ?? "?") raised nothing")
        }
        let tricky = try #require(files.first { $0["path"] as? String == "examples/tricky.txt" })
        #expect(tricky["encoding"] as? String == "utf-8-bom")
        let finding = try #require((tricky["findings"] as? [[String: Any]])?.first)
        #expect(finding["rule"] as? String == "sum.expenditure-parts")
        #expect(finding["line"] as? Int == 2)
        #expect(finding["column"] as? Int == 13, "tab + ideographic space + 2022年全年预算数 = 12 characters before １００．００")
        let related = try #require(finding["related"] as? [[String: Any]])
        #expect(related.map { $0["column"] as? Int } == [32, 47])
    }

    @Test func jsonValuesForOneSlip() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let r = try JX.run(["check", "--format", "json", "slip.txt"], cwd: dir.path)
        let root = try r.json()
        #expect((root["tool"] as? [String: Any])?["version"] as? String == CommandLineTool.version)
        let file = try #require(Self.files(root).first)
        #expect(file["path"] as? String == "slip.txt")
        #expect(file["format"] as? String == "text")
        #expect(file["encoding"] as? String == "utf-8")
        #expect(file["fiscalYear"] as? Int == 2022)
        #expect(file["error"] is NSNull)
        let f = try #require((file["findings"] as? [[String: Any]])?.first)
        #expect(f["rule"] as? String == "sum.expenditure-parts")
        #expect(f["category"] as? String == "sum")
        #expect(f["severity"] as? String == "error")
        #expect(f["line"] as? Int == 2)
        #expect(f["column"] as? Int == 11)
        #expect(f["endLine"] as? Int == 2)
        #expect(f["endColumn"] as? Int == 18)
        #expect((f["evidence"] as? String)?.contains("30.00 + 60.00 = 90.00 ≠ 100.00") == true)
        #expect((f["related"] as? [[String: Any]])?.map { $0["column"] as? Int } == [30, 45])
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 1)
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["infos"] as? Int == 0)
    }

    @Test func outputFileInsteadOfStdout() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let r = try JX.run(["check", "--format", "json", "--output", "out.json", "slip.txt"], cwd: dir.path)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "\(r)")
        let data = try Data(contentsOf: URL(fileURLWithPath: dir.url("out.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Self.ruleIDs(root) == ["sum.expenditure-parts"])
    }

    @Test func parallelAndSerialRunsPrintTheSame() throws {
        let dir = TempDir()
        _ = try Self.exampleFolder(dir)
        let one = try JX.run(["check", "--format", "json", "--jobs", "1", "examples"], cwd: dir.path)
        let four = try JX.run(["check", "--format", "json", "--jobs", "4", "examples"], cwd: dir.path)
        #expect(one.status == four.status)
        #expect(one.stdout == four.stdout)
    }

    // MARK: sarif, csv, html

    static let sarifValidator: Bool = {
        guard let python = TestPackage.which("python3") else { return false }
        let schema = TestPackage.root + "/../shared/schemas/sarif-schema-2.1.0.json"
        guard FileManager.default.fileExists(atPath: schema) else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import jsonschema"]
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }()

    @Test(.enabled(if: CLITests.sarifValidator, "needs python3 with jsonschema and ../shared/schemas/sarif-schema-2.1.0.json"))
    func sarifIsValidAgainstTheSchema() throws {
        let dir = TempDir()
        _ = try Self.exampleFolder(dir)
        try dir.write("examples/unreadable.txt", bytes: [0, 0, 0])
        let r = try JX.run(["check", "--format", "sarif", "--output", "out.sarif", "examples"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TestPackage.which("python3")!)
        p.arguments = [TestPackage.root + "/Tests/scripts/validate_sarif.py", dir.url("out.sarif")]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "validate_sarif.py: \(output)")
    }

    @Test func sarifParsesAndCountsResults() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("clean.txt", Samples.clean)
        let r = try JX.run(["check", "--format", "sarif", "slip.txt", "clean.txt"], cwd: dir.path)
        #expect(r.status == 1)
        let root = try r.json()
        #expect(root["version"] as? String == "2.1.0")
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["sum.expenditure-parts"])
    }

    @Test func csvSummary() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("clean.txt", Samples.clean)
        try dir.write("empty.txt", "")
        let r = try JX.run(["check", "--format", "csv", "clean.txt", "slip.txt", "empty.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stdoutData.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel")
        let rows = r.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 4, "\(rows)")
        #expect(rows.first == "path,format,encoding,fiscal_year,errors,warnings,infos,risk,top_rules,error")
        // ranked by risk: the slip first
        #expect(rows[1].hasPrefix("slip.txt,text,utf-8,2022,1,0,0,"), "\(rows)")
        #expect(rows[1].contains("sum.expenditure-parts"))
        let empty = try #require(rows.first { $0.hasPrefix("empty.txt,") })
        #expect(empty.hasSuffix(",empty file (0 bytes)") || empty.contains("empty"), "\(empty)")
        let clean = try #require(rows.first { $0.hasPrefix("clean.txt,") })
        #expect(clean.hasPrefix("clean.txt,text,utf-8,2022,0,0,0,0,"))
    }

    @Test func htmlSiteHasAnIndexAndOnePagePerFile() throws {
        let dir = TempDir()
        try dir.write("in/slip.txt", Samples.slip)
        try dir.write("in/clean.txt", Samples.clean)
        try dir.write("in/sub/longer.md", Samples.longer)
        let r = try JX.run(["check", "--format", "html", "--output", "site", "in"], cwd: dir.path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.url("site")).sorted()
        #expect(names.count == 4, "\(names)")
        #expect(names.contains("index.html"))
        let index = try String(contentsOfFile: dir.url("site/index.html"), encoding: .utf8)
        for name in names where name != "index.html" {
            #expect(name.hasSuffix(".html"))
            #expect(index.contains(name), "index links to \(name)")
            let page = try String(contentsOfFile: dir.url("site/" + name), encoding: .utf8)
            #expect(page.lowercased().hasPrefix("<!doctype html"), "\(name)")
            #expect(page.contains("index.html"), "\(name) links back to the index")
        }
        let slipPage = try #require(names.first { $0.contains("slip") })
        let page = try String(contentsOfFile: dir.url("site/" + slipPage), encoding: .utf8)
        #expect(page.contains("sum.expenditure-parts"))
        // one report to stdout: a page of its own
        let single = try JX.run(["check", "--format", "html", "in/slip.txt"], cwd: dir.path)
        #expect(single.stdout.lowercased().hasPrefix("<!doctype html"))
    }

    // MARK: selection and severity

    @Test func selectAndIgnoreByIdCategoryAndPrefix() throws {
        let dir = TempDir()
        _ = try Self.exampleFolder(dir)
        func ids(_ extra: [String]) throws -> Set<String> {
            let r = try JX.run(["check", "--format", "json"] + extra + ["examples"], cwd: dir.path)
            #expect(!r.timedOut && r.status != -1)
            return Set(Self.ruleIDs(try r.json()))
        }
        let all = try ids([])
        let categories = Set(all.map { String($0.prefix { $0 != "." }) })
        #expect(categories.count >= 4, "the example folder raises several categories: \(all.sorted())")
        #expect(categories.contains("sum"))

        let sum = try ids(["--select", "sum"])
        #expect(!sum.isEmpty)
        #expect(sum.allSatisfy { $0.hasPrefix("sum.") }, "\(sum)")
        #expect(sum == all.filter { $0.hasPrefix("sum.") }, "selecting a category keeps all its findings")

        let noSum = try ids(["--ignore", "sum"])
        #expect(noSum.isDisjoint(with: sum))
        #expect(!noSum.isEmpty)

        let one = try ids(["--select", "sum.expenditure-parts"])
        #expect(one == ["sum.expenditure-parts"])

        let prefix = try ids(["--select", "sum.exp*"])
        #expect(prefix == ["sum.expenditure-parts"])

        let two = try ids(["--select", "sum.expenditure-parts,score"])
        #expect(two.contains("sum.expenditure-parts"))
        #expect(two.subtracting(["sum.expenditure-parts"]).allSatisfy { $0.hasPrefix("score.") })

        let mixed = try ids(["--select", "sum", "--ignore", "sum.expenditure-parts"])
        #expect(!mixed.contains("sum.expenditure-parts"))
        #expect(mixed.allSatisfy { $0.hasPrefix("sum.") })

        // a pattern that names nothing is a usage error, not an empty selection
        let none = try JX.run(["check", "--format", "json", "--select", "no-such-category", "examples"], cwd: dir.path)
        #expect(none.status == 2, "\(none)")
        #expect(none.stdout.isEmpty)
    }

    @Test func selectionMatchesInProcess() {
        var o = CheckOptions()
        o.select = ["sum"]
        #expect(o.selects("sum.expenditure-parts", category: "sum"))
        #expect(!o.selects("rate.execution", category: "rate"))
        o.select = ["sum.exp*"]
        #expect(o.selects("sum.expenditure-parts", category: "sum"))
        #expect(!o.selects("sum.basic-parts", category: "sum"))
        o.select = []
        o.ignore = ["rate", "sum.basic-parts"]
        #expect(!o.selects("rate.execution", category: "rate"))
        #expect(!o.selects("sum.basic-parts", category: "sum"))
        #expect(o.selects("sum.expenditure-parts", category: "sum"))
    }

    @Test func minSeverity() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("grade.txt", try Self.failExample("score.grade"))
        func severities(_ extra: [String]) throws -> [String] {
            let root = try JX.run(["check", "--format", "json"] + extra + ["slip.txt", "grade.txt"], cwd: dir.path).json()
            return Self.files(root).flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String } }
        }
        let all = try severities([])
        #expect(all.contains("error") && all.contains("warning"), "\(all)")
        #expect(try severities(["--min-severity", "warning"]).sorted() == all.sorted())
        #expect(try severities(["--min-severity", "error"]).allSatisfy { $0 == "error" })
        #expect(try severities(["--min-severity", "error"]).count == all.filter { $0 == "error" }.count)
        // hidden findings do not fail the run
        #expect(try JX.run(["check", "--min-severity", "error", "--fail-on", "warning", "grade.txt"], cwd: dir.path).status == 0)
    }

    @Test func infoSeverityThroughARulesCopy() throws {
        let dir = TempDir()
        let rules = try dir.copyRules()
        let score = rules + "/score.toml"
        var text = try String(contentsOfFile: score, encoding: .utf8)
        // make score.grade an info rule
        let range = try #require(text.range(of: "id = \"score.grade\""))
        let severity = try #require(text.range(of: "severity = \"warning\"", range: range.upperBound..<text.endIndex))
        text.replaceSubrange(severity, with: "severity = \"info\"")
        try text.write(toFile: score, atomically: true, encoding: .utf8)
        try dir.write("grade.txt", try Self.failExample("score.grade"))
        let r = try JX.run(["check", "--rules", "rules", "--format", "json", "--fail-on", "warning", "grade.txt"], cwd: dir.path)
        #expect(r.status == 0, "an info does not fail --fail-on warning: \(r)")
        let root = try r.json()
        let f = try #require(Self.files(root).first?["findings"] as? [[String: Any]])
        #expect(f.contains { $0["rule"] as? String == "score.grade" && $0["severity"] as? String == "info" })
        #expect((root["summary"] as? [String: Any])?["infos"] as? Int == f.filter { $0["severity"] as? String == "info" }.count)
        let hidden = try JX.run(["check", "--rules", "rules", "--format", "json", "--min-severity", "warning", "grade.txt"], cwd: dir.path)
        #expect(!Self.ruleIDs(try hidden.json()).contains("score.grade"))
        #expect(try JX.run(["check", "--rules", "rules", "--fail-on", "info", "grade.txt"], cwd: dir.path).status == 1)
    }

    // MARK: year

    @Test func yearOverridesTheFiscalYear() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("untitled.txt", "全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\n")
        let base = try JX.run(["check", "--format", "json", "slip.txt", "untitled.txt"], cwd: dir.path).json()
        #expect(Self.files(base).map { $0["fiscalYear"] as? Int } == [2022, nil])
        #expect(Self.files(base)[1]["fiscalYear"] is NSNull)
        // --year is the year of a report that does not state one; slip.txt states 2022 in its title
        // and text, so it stays a 2022 report and stderr says so
        let overRun = try JX.run(["check", "--format", "json", "--year", "2023", "slip.txt", "untitled.txt"], cwd: dir.path)
        let over = try overRun.json()
        #expect(Self.files(over).map { $0["fiscalYear"] as? Int } == [2022, 2023])
        #expect(overRun.stderr.contains("slip.txt") && overRun.stderr.contains("2022"), "\(overRun)")
        let facts = try JX.run(["facts", "--format", "json", "--year", "2019", "untitled.txt"], cwd: dir.path).json()
        #expect(facts["fiscalYear"] as? Int == 2019)
        #expect(Self.ruleIDs(over).contains("sum.expenditure-parts"))
    }

    // MARK: --rules

    @Test func rulesDirectoryCopyGivesTheSameFindings() throws {
        let dir = TempDir()
        _ = try dir.copyRules()
        _ = try Self.exampleFolder(dir)
        let embedded = try JX.run(["check", "--format", "json", "examples"], cwd: dir.path)
        let copied = try JX.run(["check", "--format", "json", "--rules", "rules", "examples"], cwd: dir.path)
        #expect(embedded.status == copied.status)
        #expect(embedded.stdout == copied.stdout)
        let list = try JX.run(["rules", "list", "--rules", "rules"], cwd: dir.path)
        #expect(list.stdout == (try JX.run(["rules", "list"], cwd: dir.path)).stdout)
    }

    @Test func rulesDirectoryIsReallyUsed() throws {
        let dir = TempDir()
        let rules = try dir.copyRules()
        let sum = rules + "/sum.toml"
        var text = try String(contentsOfFile: sum, encoding: .utf8)
        text = text.replacingOccurrences(of: "id = \"sum.expenditure-parts\"\n", with: "id = \"sum.expenditure-parts\"\nenabled = false\n")
        try text.write(toFile: sum, atomically: true, encoding: .utf8)
        try dir.write("slip.txt", Samples.slip)
        let r = try JX.run(["check", "--format", "json", "--rules", "rules", "--select", "sum.expenditure-parts", "slip.txt"], cwd: dir.path)
        #expect(Self.ruleIDs(try r.json()).isEmpty, "a disabled rule is not run: \(r)")
        #expect(r.status == 0)
        // an added synonym needs no Swift change: a new lexicon word still loads
        let list = try JX.run(["rules", "list", "--rules", "rules"], cwd: dir.path)
        #expect(list.stdout.contains("sum.expenditure-parts"))
        #expect(list.stdout.contains("已停用"))
    }

    /// Writes `rules/NAME` with `transform` applied, runs check, and returns the run.
    private func brokenRules(_ name: String, _ transform: (String) -> String) throws -> (RunResult, TempDir) {
        let dir = TempDir()
        let rules = try dir.copyRules()
        let path = rules + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try transform(text).write(toFile: path, atomically: true, encoding: .utf8)
        try dir.write("slip.txt", Samples.slip)
        return (try JX.run(["check", "--rules", "rules", "slip.txt"], cwd: dir.path), dir)
    }

    /// Line (1-based) of the first line equal to `line` in the rule file.
    private func lineNumber(of line: String, in name: String) throws -> Int {
        let text = try String(contentsOfFile: TestPackage.rulesDirectory + "/" + name, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0 == line }) + 1
    }

    @Test func brokenRuleFileUnknownKey() throws {
        let anchor = "id = \"sum.expenditure-parts\""
        let n = try lineNumber(of: anchor, in: "sum.toml")
        let (r, _) = try brokenRules("sum.toml") { $0.replacingOccurrences(of: anchor + "\n", with: anchor + "\nbogus = true\n") }
        #expect(r.status == 2, "\(r)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("rules/sum.toml:\(n + 1):1: "), "\(r)")
        #expect(r.stderr.contains("bogus"), "\(r)")
    }

    @Test func brokenRuleFileSyntaxErrors() throws {
        // an unterminated string on a known line
        let anchor = "id = \"sum.basic-parts\""
        let n = try lineNumber(of: anchor, in: "sum.toml")
        let (r, _) = try brokenRules("sum.toml") { $0.replacingOccurrences(of: anchor, with: "id = \"sum.basic-parts") }
        #expect(r.status == 2, "\(r)")
        let pattern = "rules/sum.toml:\(n):"
        #expect(r.stderr.hasPrefix(pattern), "\(r)")
        // the message has a line and a column and then words
        let first = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
        let parts = first.split(separator: ":", maxSplits: 3).map(String.init)
        #expect(parts.count == 4 && Int(parts[1]) != nil && Int(parts[2]) != nil && !parts[3].trimmingCharacters(in: .whitespaces).isEmpty, "\(first)")

        let cases: [(String, (String) -> String)] = [
            ("rate.toml", { $0 + "\n[[rule]\n" }),
            ("score.toml", { $0 + "\nkey = = 1\n" }),
            ("unit.toml", { $0.replacingOccurrences(of: "category = \"unit\"", with: "category = \"nonsense\"") }),
            ("year.toml", { $0.replacingOccurrences(of: "severity = \"error\"", with: "severity = \"fatal\"") }),
            ("status.toml", { $0.replacingOccurrences(of: "kind = ", with: "kind = 5 #") }),
            ("lexicon.toml", { "\u{1}" + $0 }),
            ("lexicon.toml", { $0 + "\n[broken\n" }),
            ("consistency.toml", { String($0.prefix($0.count / 2)) }),
            ("format.toml", { $0 + "\n[[rule]]\nid = \"sum.expenditure-parts\"\n" }),
            ("sum.toml", { $0 + "\n" + $0 }),
        ]
        for (name, transform) in cases {
            let (r, _) = try brokenRules(name, transform)
            #expect(r.status == 2, "\(name): \(r)")
            #expect(!r.timedOut)
            #expect(r.stderr.hasPrefix("rules/"), "\(name): \(r)")
            let line = r.stderr.split(separator: "\n").first.map(String.init) ?? ""
            let fields = line.split(separator: ":", maxSplits: 3).map(String.init)
            #expect(fields.count == 4 && fields[0].hasSuffix(".toml") && Int(fields[1]) != nil && Int(fields[2]) != nil, "\(name): \(line)")
        }
    }

    @Test func hostileFormulaRuleDoesNotCrash() throws {
        // a rule (data, no Swift change) that divides by zero and multiplies huge constants
        let dir = TempDir()
        let rules = try dir.copyRules()
        let rate = rules + "/rate.toml"
        let hostile = """
        [[rule]]
        id = "rate.hostile"
        category = "rate"
        severity = "error"
        kind = "formula"
        title = "除以零"
        message = "{label}"
        formula = "spend.total == budget.total / (spend.total - spend.total) * 100 + 99999999999999999999999999999999999999 * 99999999999999999999999999999999"
        frames = ["sentence", "paragraph", "section"]
        explanation = "测试"
        pass = ["无数字。"]
        fail = ["2022年全年预算数100.00万元，全年支出90.00万元。"]


        """
        try (hostile + (try String(contentsOfFile: rate, encoding: .utf8))).write(toFile: rate, atomically: true, encoding: .utf8)
        try dir.write("a.txt", "\(Samples.title)\n2022年全年预算数100.00万元，全年支出90.00万元。\n2022年全年预算数0.00万元，全年支出0.00万元，预算执行率为100%。\n")
        let r = try JX.run(["check", "--rules", "rules", "--format", "json", "a.txt"], cwd: dir.path)
        #expect([0, 1].contains(r.status), "\(r)")
        #expect(Contract.problems(try r.json()).isEmpty)
        let test = try JX.run(["rules", "test", "--rules", "rules"], cwd: dir.path, timeout: 120)
        #expect([0, 1].contains(test.status), "\(test)")
    }

    @Test func rulesDirectoryProblems() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let missing = try JX.run(["check", "--rules", "no-such-dir", "slip.txt"], cwd: dir.path)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("no-such-dir"))
        let rules = try dir.copyRules()
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: rules + "/bad.toml"))
        let notUTF8 = try JX.run(["check", "--rules", "rules", "slip.txt"], cwd: dir.path)
        #expect(notUTF8.status == 2, "\(notUTF8)")
        #expect(notUTF8.stderr.hasPrefix("rules/bad.toml:1:1: "), "\(notUTF8)")
    }

    // MARK: configuration

    @Test func configFoundUpwardFromTheWorkingDirectory() throws {
        let dir = TempDir()
        try dir.write(".jxlint.toml", "format = \"json\"\nfail_on = \"never\"\nignore = [\"year\"]\n")
        try dir.write("a/b/c/slip.txt", Samples.slip)
        let r = try JX.run(["check", "slip.txt"], cwd: dir.url("a/b/c"))
        #expect(r.status == 0, "fail_on = never: \(r)")
        let root = try r.json()
        #expect(Self.ruleIDs(root) == ["sum.expenditure-parts"])
        // the command line wins
        let text = try JX.run(["check", "--format", "text", "--fail-on", "error", "slip.txt"], cwd: dir.url("a/b/c"))
        #expect(text.status == 1)
        #expect(text.stdout.contains("slip.txt:2:11: error:"))
    }

    @Test func configSelectsRulesFolderAndYear() throws {
        let dir = TempDir()
        _ = try dir.copyRules("my-rules")
        try dir.write("proj/.jxlint.toml", "rules = \"../my-rules\"\nyear = 2024\nselect = [\"sum.*\"]\nmin_severity = \"error\"\nformat = \"json\"\n")
        try dir.write("proj/slip.txt", String(Samples.slip.drop { $0 != "\n" }.dropFirst()))  // no title: the configured year
        let r = try JX.run(["check", "slip.txt"], cwd: dir.url("proj"))
        let root = try r.json()
        #expect(Self.files(root).first?["fiscalYear"] as? Int == 2024)
        #expect(Self.ruleIDs(root).allSatisfy { $0.hasPrefix("sum.") })
        // a config naming a missing rules folder is an error
        try dir.write("proj/.jxlint.toml", "rules = \"../nowhere\"\n")
        #expect(try JX.run(["check", "slip.txt"], cwd: dir.url("proj")).status == 2)
    }

    @Test func explicitConfigAndBrokenConfig() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("conf/jx.toml", "format = \"csv\"\n")
        let r = try JX.run(["check", "--config", "conf/jx.toml", "slip.txt"], cwd: dir.path)
        #expect(r.stdout.contains("path,format,encoding"), "\(r)")
        try dir.write(".jxlint.toml", "format = \"json\"\nunknown_setting = 1\n")
        let bad = try JX.run(["check", "slip.txt"], cwd: dir.path)
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains(".jxlint.toml:2:"), "\(bad)")
        try dir.write(".jxlint.toml", "format = \"json\n")
        let syntax = try JX.run(["check", "slip.txt"], cwd: dir.path)
        #expect(syntax.status == 2, "\(syntax)")
        #expect(syntax.stderr.contains(".jxlint.toml:1:"), "\(syntax)")
        try dir.write(".jxlint.toml", "fail_on = \"sometimes\"\n")
        #expect(try JX.run(["check", "slip.txt"], cwd: dir.path).status == 2)
    }

    // MARK: baseline

    @Test func baselineKeepsAcceptedFindingsQuietWhenLinesMove() throws {
        let dir = TempDir()
        try dir.write("draft/report.txt", Samples.slip)
        let write = try JX.run(["check", "--write-baseline", "baseline.json", "draft/report.txt"], cwd: dir.path)
        #expect(write.status == 1, "writing a baseline still reports: \(write)")
        let baseline = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.url("baseline.json")))) as? [String: Any])
        #expect(baseline["version"] as? Int == 1)
        #expect((baseline["findings"] as? [[String: Any]])?.count == 1)

        // lines move: blank lines and a new paragraph at the top
        try dir.write("draft/report.txt", "\n\n\n一、说明\n\n" + Samples.slip)
        let quiet = try JX.run(["check", "--format", "json", "--baseline", "baseline.json", "draft/report.txt"], cwd: dir.path)
        #expect(quiet.status == 0, "\(quiet)")
        #expect(Self.ruleIDs(try quiet.json()).isEmpty)
        // without the baseline the finding is there, on its new line
        let loud = try JX.run(["check", "--format", "json", "draft/report.txt"], cwd: dir.path)
        let f = try #require(Self.files(try loud.json()).first?["findings"] as? [[String: Any]])
        #expect(f.first?["line"] as? Int == 7)

        // a new slip is not in the baseline
        try dir.write("draft/report.txt", "\n\n" + Samples.slip + "2022年资金总支出80.00万元，其中，基本支出20.00万元，项目支出50.00万元。\n")
        let newOne = try JX.run(["check", "--format", "json", "--baseline", "baseline.json", "draft/report.txt"], cwd: dir.path)
        #expect(newOne.status == 1)
        let ids = Self.ruleIDs(try newOne.json())
        #expect(ids == ["sum.expenditure-parts"], "only the new slip: \(ids)")

        // the same folder moved elsewhere: paths compare by their last two components
        try dir.write("elsewhere/draft/report.txt", "\n" + Samples.slip)
        let movedFull = try JX.run(["check", "--baseline", "baseline.json", "elsewhere/draft/report.txt"], cwd: dir.path)
        #expect(movedFull.status == 0, "\(movedFull)")
    }

    @Test func baselineIgnoresHowThePathIsSpelled() throws {
        // BUG: Baseline.key uses the last two components of the path as given on the command line, so
        // a baseline written for `report.txt` does not match `./report.txt` or `/abs/dir/report.txt`.
        let dir = TempDir()
        try dir.write("report.txt", Samples.slip)
        _ = try JX.run(["check", "--write-baseline", "baseline.json", "report.txt"], cwd: dir.path)
        let same = try JX.run(["check", "--baseline", "baseline.json", "report.txt"], cwd: dir.path)
        #expect(same.status == 0, "\(same)")
        let dotted = try JX.run(["check", "--baseline", "baseline.json", "./report.txt"], cwd: dir.path)
        #expect(dotted.status == 0, "\(dotted)")
        let absolute = try JX.run(["check", "--baseline", "baseline.json", dir.url("report.txt")], cwd: dir.path)
        #expect(absolute.status == 0, "\(absolute)")
    }

    @Test func unreadableBaselineIsAUsageError() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let missing = try JX.run(["check", "--baseline", "nope.json", "slip.txt"], cwd: dir.path)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("nope.json"))
        try dir.write("bad.json", "{\"version\": 1, \"findings\": [{\"rule\": 3}]}")
        let bad = try JX.run(["check", "--baseline", "bad.json", "slip.txt"], cwd: dir.path)
        #expect(bad.status == 2, "\(bad)")
    }

    // MARK: stdin

    @Test func standardInput() throws {
        let dir = TempDir()
        let r = try JX.run(["check", "--format", "json", "-"], cwd: dir.path, stdin: Array(Samples.slip.utf8))
        #expect(r.status == 1, "\(r)")
        let root = try r.json()
        #expect(Self.paths(root) == ["-"])
        #expect(Self.ruleIDs(root) == ["sum.expenditure-parts"])
        #expect(Self.files(root).first?["encoding"] as? String == "utf-8")
        // `jxlint -` is `jxlint check -`; GB18030 on stdin is decoded
        let gb = try #require(TextDecoding.iconvEncode(Samples.slip, to: "GB18030"))
        let short = try JX.run(["-"], cwd: dir.path, stdin: gb)
        #expect(short.status == 1, "\(short)")
        #expect(short.stdout.contains("-:2:11: error:"), "\(short)")
        // stdin together with files
        try dir.write("clean.txt", Samples.clean)
        let both = try JX.run(["check", "--format", "json", "clean.txt", "-"], cwd: dir.path, stdin: Array(Samples.slip.utf8))
        #expect(Self.paths(try both.json()) == ["clean.txt", "-"])
        // empty stdin: an unreadable input
        let empty = try JX.run(["check", "-"], cwd: dir.path, stdin: [])
        #expect(empty.status == 2, "\(empty)")
        // facts from stdin
        let facts = try JX.run(["facts", "--format", "json", "-"], cwd: dir.path, stdin: Array(Samples.slip.utf8))
        #expect(((try facts.json())["quantities"] as? [Any])?.count == 3, "\(facts)")
    }

    // MARK: folders

    @Test func foldersAreWalkedForReportFilesOnly() throws {
        let dir = TempDir()
        try dir.write("in/a.txt", Samples.slip)
        try dir.write("in/b.md", Samples.clean)
        try dir.write("in/c.text", Samples.clean)
        try dir.write("in/sub/d.TXT", Samples.clean)
        try dir.write("in/sub/deeper/e.markdown", Samples.clean)
        try dir.write("in/sub/notes.csv", "a,b\n1,2\n")
        try dir.write("in/sub/README", Samples.slip)
        try dir.write("in/sub/data.json", "{}")
        try dir.write("in/.hidden.txt", Samples.slip)
        try dir.write("in/.git/config.txt", Samples.slip)
        try dir.write("in/sub/.cache/x.md", Samples.slip)
        _ = try dir.mkdir("in/office")
        for name in ["report.docx", "budget.xlsx", "report.pdf"] {
            try FileManager.default.copyItem(atPath: TestPackage.loadFixtures + "/" + name, toPath: dir.url("in/office/" + name))
        }
        let r = try JX.run(["check", "--format", "json", "in"], cwd: dir.path)
        let paths = Set(Self.paths(try r.json()))
        #expect(paths == ["in/a.txt", "in/b.md", "in/c.text", "in/sub/d.TXT", "in/sub/deeper/e.markdown",
                          "in/office/report.docx", "in/office/budget.xlsx", "in/office/report.pdf"], "\(paths.sorted())")
        // a file named explicitly is checked whatever its extension
        let explicit = try JX.run(["check", "--format", "json", "in/sub/README"], cwd: dir.path)
        #expect(Self.ruleIDs(try explicit.json()) == ["sum.expenditure-parts"])
        // `jxlint DIR` is `jxlint check DIR`
        let short = try JX.run(["in"], cwd: dir.path)
        #expect(short.status == 1, "\(short)")
        #expect(short.stdout.contains("in/a.txt:2:11"))
    }

    @Test func inputsAreNeverModified() throws {
        let dir = TempDir()
        _ = try Self.exampleFolder(dir)
        for name in ["report.docx", "budget.xlsx", "report.pdf"] {
            try FileManager.default.copyItem(atPath: TestPackage.loadFixtures + "/" + name, toPath: dir.url("examples/" + name))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.url("examples")).map { dir.url("examples/" + $0) }
        let before = files.map(FileSnapshot.init)
        Thread.sleep(forTimeInterval: 0.01)
        for format in ["text", "json", "sarif", "csv"] {
            _ = try JX.run(["check", "--format", format, "examples"], cwd: dir.path)
        }
        _ = try JX.run(["check", "--format", "html", "--output", "site", "examples"], cwd: dir.path)
        _ = try JX.run(["check", "--write-baseline", "b.json", "examples"], cwd: dir.path)
        // `facts` reads one file a run: the office files and the tricky text, and a sample of the rest
        // (a run per rule example took CI a minute and a half)
        for (k, f) in files.sorted().enumerated() where !f.hasSuffix(".txt") || f.hasSuffix("tricky.txt") || k % 40 == 0 {
            _ = try JX.run(["facts", f], cwd: dir.path)
        }
        #expect(files.map(FileSnapshot.init) == before)
        let after = try FileManager.default.contentsOfDirectory(atPath: dir.url("examples")).count
        #expect(after == files.count, "no files were added beside the inputs")
    }

    @Test func oddFileNamesSurviveEveryFormat() throws {
        let dir = TempDir()
        let name = "报告 \"引号\" \\反斜杠\n换行,逗号.txt"
        try dir.write("in/" + name, Samples.slip)
        let json = try JX.run(["check", "--format", "json", "in"], cwd: dir.path)
        let root = try json.json()
        #expect(Self.paths(root) == ["in/" + name])
        #expect(Contract.problems(root).isEmpty)
        let csv = try JX.run(["check", "--format", "csv", "in"], cwd: dir.path)
        // RFC 4180: the field is quoted, inner quotes doubled, the newline kept inside the quotes
        #expect(csv.stdout.contains("\"in/报告 \"\"引号\"\" \\反斜杠\n换行,逗号.txt\",text,utf-8,2022,1,"), "\(csv.stdout)")
        let sarif = try JX.run(["check", "--format", "sarif", "in"], cwd: dir.path)
        #expect((try? sarif.json()) != nil, "SARIF parses")
        let html = try JX.run(["check", "--format", "html", "--output", "site", "in"], cwd: dir.path)
        #expect(html.status == 1)
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.url("site"))
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { !$0.contains("/") && !$0.contains("\n") })
    }

    // MARK: rules list | show | test

    @Test func rulesListShowTest() throws {
        let ruleSet = try RuleSet.embedded()
        let list = try JX.run(["rules", "list"])
        #expect(list.status == 0)
        for rule in ruleSet.rules { #expect(list.stdout.contains(rule.id), "\(rule.id) listed") }
        #expect(list.stdout.contains("\(ruleSet.rules.count) 条规则"))
        #expect(try JX.run(["rules"]).stdout == list.stdout, "`rules` alone lists")

        let show = try JX.run(["rules", "show", "sum.expenditure-parts"])
        #expect(show.status == 0)
        let rule = try #require(ruleSet.rule("sum.expenditure-parts"))
        #expect(show.stdout.hasPrefix("sum.expenditure-parts"))
        #expect(show.stdout.contains(rule.info.title))
        #expect(show.stdout.contains("应报告"))
        #expect(show.stdout.contains("不应报告"))
        for r in ruleSet.rules {
            let s = try JX.run(["rules", "show", r.id])
            #expect(s.status == 0 && s.stdout.contains(r.info.title), "rules show \(r.id)")
        }

        let test = try JX.run(["rules", "test"], timeout: 120)
        #expect(test.status == 0, "\(test)")
        let examples = ruleSet.rules.reduce(0) { $0 + $1.examples.count }
        #expect(test.stdout.contains("\(examples) passed, 0 failed"), "\(test)")
    }

    @Test func rulesTestFailsForABrokenExample() throws {
        let dir = TempDir()
        let rules = try dir.copyRules()
        let sum = rules + "/sum.toml"
        var text = try String(contentsOfFile: sum, encoding: .utf8)
        // a pass example that fails
        text = text.replacingOccurrences(of: "pass = [\n  \"2022年资金总支出33364.97万元", with: "pass = [\n  \"2022年全年预算数100.00万元，其中，基本支出预算数30.00万元，项目支出预算数60.00万元。\",\n  \"2022年资金总支出33364.97万元")
        try text.write(toFile: sum, atomically: true, encoding: .utf8)
        let r = try JX.run(["rules", "test", "--rules", "rules"], cwd: dir.path, timeout: 120)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("rules/sum.toml:"), "\(r)")
        #expect(r.stdout.contains("1 failed"), "\(r)")
    }

    // MARK: facts

    @Test func factsTextAndJSON() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let text = try JX.run(["facts", "slip.txt"], cwd: dir.path)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("报告年度 2022"))
        #expect(text.stdout.contains("== 数值"))
        #expect(text.stdout.contains("L2:11 100.00万元"))

        let json = try JX.run(["facts", "--format", "json", "slip.txt"], cwd: dir.path)
        #expect(json.status == 0)
        let root = try json.json()
        #expect(root["path"] as? String == "slip.txt")
        #expect(root["fiscalYear"] as? Int == 2022)
        let q = try #require(root["quantities"] as? [[String: Any]])
        #expect(q.map { $0["value"] as? String } == ["100", "30", "60"])
        #expect(q.map { $0["literal"] as? String } == ["100.00", "30.00", "60.00"])
        #expect(q.map { $0["unit"] as? String } == ["万元", "万元", "万元"])
        #expect(q.map { $0["line"] as? Int } == [2, 2, 2])
        #expect(q.map { $0["column"] as? Int } == [11, 30, 45])
        #expect(q.map { $0["decimals"] as? Int } == [2, 2, 2])
        #expect(q.map { $0["concept"] as? String } == ["budget.total", "budget.basic", "budget.project"])
        let groups = try #require(root["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect(groups.first?["whole"] as? String == "100.00")
        #expect(groups.first?["parts"] as? [String] == ["30.00", "60.00"])
        // `--json` is the same
        #expect(try JX.run(["facts", "--json", "slip.txt"], cwd: dir.path).stdout == json.stdout)
    }

    @Test func factsOfAnUnreadableFile() throws {
        let dir = TempDir()
        try dir.write("empty.txt", "")
        let missing = try JX.run(["facts", "missing.txt"], cwd: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("missing.txt: error:"), "\(missing)")
        let empty = try JX.run(["facts", "--format", "json", "empty.txt"], cwd: dir.path)
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("empty"), "\(empty)")
    }

    // MARK: the installed binary and output problems

    @Test func aCopiedBinaryFindsItsDefaultRulesFromAnyDirectory() throws {
        let dir = TempDir()
        let exe = try #require(TestPackage.executable)
        try FileManager.default.copyItem(atPath: exe, toPath: dir.url("jxlint"))
        try dir.write("work/slip.txt", Samples.slip)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dir.url("jxlint"))
        p.arguments = ["check", "--format", "json", dir.url("work/slip.txt")]
        p.currentDirectoryURL = URL(fileURLWithPath: "/")
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Self.ruleIDs(root) == ["sum.expenditure-parts"])
    }

    @Test func outputThatCannotBeWrittenIsAnErrorNotACrash() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("a-file", "x")
        let cases: [[String]] = [
            ["check", "--format", "json", "--output", "no/such/dir/out.json", "slip.txt"],
            ["check", "--format", "html", "--output", "a-file", "slip.txt"],
            ["check", "--write-baseline", "no/such/dir/b.json", "slip.txt"],
        ]
        for args in cases {
            let r = try JX.run(args, cwd: dir.path)
            #expect(r.status == 2, "\(args): \(r)")
            #expect(!r.stderr.isEmpty, "\(args): says why")
        }
        #expect(FileSnapshot(dir.url("a-file")).bytes == Data("x".utf8), "an existing file is not replaced by the HTML folder")
    }

    // MARK: help and version

    @Test func helpAndVersion() throws {
        let version = try JX.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "jxlint \(CommandLineTool.version)\n")
        #expect(try JX.run(["version"]).stdout == version.stdout)
        for flag in ["--help", "-h", "help"] {
            let help = try JX.run([flag])
            #expect(help.status == 0, "\(flag)")
            #expect(help.stdout.contains("Usage"))
            for option in ["--format", "--output", "--rules", "--config", "--year", "--select", "--ignore", "--min-severity", "--fail-on", "--baseline", "--jobs"] {
                #expect(help.stdout.contains(option), "\(flag) documents \(option)")
            }
        }
        let none = try JX.run([])
        #expect(none.status == 2)
        #expect(none.stdout.contains("Usage"))
    }

    // MARK: a reader that goes away

    /// `jxlint check … | head`: the run ends as a filter does (SIGPIPE), without a crash report,
    /// one file or a batch, whatever the format.
    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let dir = TempDir()
        for i in 0..<40 { try dir.write("r\(i).txt", i % 2 == 0 ? Samples.slip : Samples.clean) }
        let exe = try #require(TestPackage.executable)
        for (format, target) in [("json", "."), ("text", "."), ("sarif", "."), ("text", "r0.txt")] {
            let script = "'\(exe)' check --format \(format) --jobs 2 \(target) | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}"
            let r = try JX.run(["-c", script], cwd: dir.path, executable: "/bin/bash")
            #expect(r.status == 0, "\(format) \(target): \(r)")
            let status = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            // 141: ended by SIGPIPE; 0/1: everything was written before the reader went
            #expect(["141", "0", "1"].contains(status), "\(format) \(target): exit \(status)")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("crashed"), "\(format) \(target): \(r.stderr)")
        }
    }
}
