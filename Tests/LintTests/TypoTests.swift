import Foundation
import Testing

/// A typo on the command line, in the configuration or in a rule folder stops the run with a
/// clear message and exit code 2: CI and pre-commit would otherwise pass having checked nothing.
@Suite("Typos", .enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint (swift build)"))
struct TypoTests {
    @Test func selectionNamesThatMatchNothing() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let cases: [(args: [String], suggestion: String)] = [
            (["--select", "nosuch"], "did you mean"),
            (["--select", "sum.parts"], "did you mean 'sum.parts-*'"),
            (["--ignore", "sum.expenditure-part"], "did you mean 'sum.expenditure-parts'"),
            (["--ignore", "unti"], "did you mean 'unit'"),
            (["--select=sum,rat"], "did you mean 'rate'"),
        ]
        for (args, suggestion) in cases {
            let r = try JX.run(["check"] + args + ["slip.txt"], cwd: dir.path)
            #expect(r.status == 2, "\(args): \(r)")
            #expect(r.stderr.contains(suggestion), "\(args): \(r)")
            #expect(r.stdout.isEmpty, "\(args): nothing checked")
        }
        // the configuration's lists are checked the same way
        try dir.write(".jxlint.toml", "ignore = [\"formt\"]\n")
        let config = try JX.run(["check", "slip.txt"], cwd: dir.path)
        #expect(config.status == 2, "\(config)")
        #expect(config.stderr.contains("did you mean 'format'"), "\(config)")
        // the good forms still work
        try FileManager.default.removeItem(atPath: dir.url(".jxlint.toml"))
        for pattern in ["sum", "sum.parts-*", "sum.expenditure-parts", "sum.", "unit"] {
            let ok = try JX.run(["check", "--select", pattern, "slip.txt"], cwd: dir.path)
            #expect(ok.status != 2, "\(pattern): \(ok)")
        }
    }

    @Test func aFolderWithoutReportsIsAnError() throws {
        let dir = TempDir()
        _ = try dir.mkdir("empty")
        try dir.write("notes/readme.rtf", "x")
        try dir.write("slip.txt", Samples.slip)
        for folder in ["empty", "notes", "notes/"] {
            let r = try JX.run(["check", "--format", "json", folder], cwd: dir.path)
            #expect(r.status == 2, "\(folder): \(r)")
            let files = try r.json()["files"] as? [[String: Any]] ?? []
            #expect(files.count == 1)
            #expect((files.first?["error"] as? String)?.contains("no report files") == true, "\(r)")
        }
        // with other inputs: they are still checked
        let mixed = try JX.run(["check", "empty", "slip.txt"], cwd: dir.path)
        #expect(mixed.status == 2)
        #expect(mixed.stdout.contains("slip.txt:2:11: error:"), "\(mixed)")
        #expect(mixed.stdout.contains("empty: error: no report files"), "\(mixed)")
    }

    @Test func ruleFoldersThatCannotWork() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        _ = try dir.mkdir("empty-rules")
        try dir.write("no-lexicon/sum.toml", try String(contentsOfFile: TestPackage.rulesDirectory + "/sum.toml", encoding: .utf8))
        let empty = try JX.run(["check", "--rules", "empty-rules", "slip.txt"], cwd: dir.path)
        #expect(empty.status == 2, "\(empty)")
        #expect(empty.stderr.contains("no rule files"), "\(empty)")
        let noLexicon = try JX.run(["check", "--rules", "no-lexicon", "slip.txt"], cwd: dir.path)
        #expect(noLexicon.status == 2, "\(noLexicon)")
        #expect(noLexicon.stderr.contains("lexicon.toml"), "\(noLexicon)")
        #expect(try JX.run(["rules", "list", "--rules", "empty-rules"], cwd: dir.path).status == 2)
    }

    @Test func aFormulaNamingAConceptTheLexiconLacks() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let rules = try dir.copyRules()
        let path = rules + "/sum.toml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("$m.basic =="))
        try text.replacingOccurrences(of: "$m.basic ==", with: "$m.basicc ==").write(toFile: path, atomically: true, encoding: .utf8)
        let r = try JX.run(["check", "--rules", "rules", "slip.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("rules/sum.toml:"), "names the file: \(r)")
        #expect(r.stderr.contains("'basicc'") && r.stderr.contains("did you mean 'basic'"), "\(r)")
        #expect(r.stdout.isEmpty)
        // a measure and a rate too
        #expect(text.contains("carryover@any[$x] == budget[$x] - spend[$x]"))
        try text.replacingOccurrences(of: "carryover@any[$x] == budget[$x] - spend[$x]", with: "carryover@any[$x] == budgett[$x] - spend[$x]")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let measure = try JX.run(["rules", "test", "--rules", "rules"], cwd: dir.path)
        #expect(measure.status == 2 && measure.stderr.contains("'budgett'"), "\(measure)")
    }

    @Test func helpOfEachCommand() throws {
        for (command, mentions) in [("check", ["--format", "--baseline", "--write-baseline", "--select"]), ("rules", ["list", "show", "test"]), ("facts", ["--format", "--year"])] {
            for flag in ["--help", "-h"] {
                let r = try JX.run([command, flag])
                #expect(r.status == 0, "\(command) \(flag): \(r)")
                for m in mentions { #expect(r.stdout.contains(m), "\(command) \(flag) mentions \(m)") }
            }
        }
        #expect(try JX.run(["help", "check"]).stdout.contains("--write-baseline"))
    }

    @Test func everyValuedOptionTakesEqualsToo() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        try dir.write("conf.toml", "fail_on = \"error\"\n")
        _ = try dir.copyRules()
        let options: [(String, String)] = [
            ("--format", "json"), ("--output", "out.json"), ("--rules", "rules"), ("--config", "conf.toml"), ("--year", "2022"),
            ("--select", "sum"), ("--ignore", "year"), ("--min-severity", "warning"), ("--fail-on", "warning"),
            ("--baseline", "b.json"), ("--write-baseline", "w.json"), ("--jobs", "2"),
        ]
        try dir.write("b.json", "{\"version\": 1, \"findings\": []}")
        for (name, value) in options {
            let spaced = try JX.run(["check", name, value, "slip.txt"], cwd: dir.path)
            let joined = try JX.run(["check", "\(name)=\(value)", "slip.txt"], cwd: dir.path)
            #expect(spaced.status == 1, "\(name) \(value): \(spaced)")
            #expect(joined.status == spaced.status, "\(name)=\(value): \(joined)")
            #expect(joined.stdout == spaced.stdout, "\(name)=\(value)")
        }
        #expect(try JX.run(["check", "--color=yes", "slip.txt"], cwd: dir.path).status == 2, "a flag takes no value")
        #expect(try JX.run(["check", "--format=", "slip.txt"], cwd: dir.path).status == 2)
        #expect(try JX.run(["facts", "--format=json", "slip.txt"], cwd: dir.path).stdout.hasPrefix("{"))
        // -- ends the options: a file whose name starts with a dash
        try dir.write("--odd.txt", Samples.slip)
        let odd = try JX.run(["check", "--", "--odd.txt"], cwd: dir.path)
        #expect(odd.status == 1, "\(odd)")
    }

    @Test func mistypedOptionsGetASuggestion() throws {
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        for (typo, meant) in [("--formt", "--format"), ("--baseline-write", "--write-baseline"), ("--min-severty", "--min-severity"),
                              ("--ignor", "--ignore"), ("--no-colour", "--no-color")] {
            let r = try JX.run(["check", typo, "x", "slip.txt"], cwd: dir.path)
            #expect(r.status == 2, "\(typo): \(r)")
            #expect(r.stderr.contains("'\(typo)'") && r.stderr.contains("did you mean '\(meant)'"), "\(typo): \(r)")
        }
        let command = try JX.run(["chek", "slip.txt"], cwd: dir.path)
        #expect(command.status == 2 && command.stderr.contains("did you mean 'check'"), "\(command)")
        let sub = try JX.run(["rules", "lst"], cwd: dir.path)
        #expect(sub.status == 2 && sub.stderr.contains("did you mean 'list'"), "\(sub)")
        let facts = try JX.run(["facts", "--jsn", "slip.txt"], cwd: dir.path)
        #expect(facts.status == 2 && facts.stderr.contains("did you mean '--json'"), "\(facts)")
    }

    @Test func factsOfTwoFilesIsRefused() throws {
        let dir = TempDir()
        try dir.write("a.txt", Samples.slip)
        try dir.write("b.txt", Samples.clean)
        let r = try JX.run(["facts", "a.txt", "b.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("one file"), "\(r)")
        #expect(r.stdout.isEmpty, "neither file is shown as if it were the only one")
    }
}
