import Foundation
import Testing
import JXLint
import JXRules

/// The repository as a new user meets it: the README says what the tool does and how to install
/// it, the samples' README gives the counts the tool gives, the pre-commit hook takes every report.
@Suite struct RepositoryDocsTests {
    static let root = TestPackage.root

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    @Test func theTopLevelHoldsOnlyWhatTheReadmeDescribes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root).filter { !$0.hasPrefix(".") }
        #expect(!names.contains { $0.hasSuffix(".tar.gz") || $0.hasSuffix(".zip") }, "\(names.sorted())")
        for name in names where ![".build"].contains(name) {
            #expect(["Package.swift", "Package.resolved", "Plugins", "README.md", "Sources", "Tests", "rules", "samples"].contains(name),
                    "unexpected top-level entry \(name)")
        }
    }

    @Test func theReadmeSaysHowToGetAReleaseBinary() throws {
        let readme = try Self.read("README.md")
        #expect(readme.contains("swift build -c release"))
        #expect(readme.contains(".build/release/jxlint"))
        #expect(readme.contains("PATH"))
    }

    @Test func theReadmeListsEveryRuleKind() throws {
        let readme = try Self.read("README.md")
        let start = try #require(readme.range(of: "`kind` ("))
        let list = readme[start.upperBound...].prefix { $0 != ")" }
        for kind in RuleKind.allCases {
            #expect(list.contains("`\(kind.rawValue)`"), "README's kind list lacks \(kind.rawValue)")
        }
    }

    @Test func theConfigurationTakesTheSettingsTheReadmeNames() throws {
        let readme = try Self.read("README.md")
        // every option of check the README names, but --config and --write-baseline, is a key
        let start = try #require(readme.range(of: "Options of `check`"))
        let end = try #require(readme.range(of: "```toml", range: start.upperBound..<readme.endIndex))
        let text = String(readme[start.lowerBound..<end.lowerBound])
        var options = Set<String>()
        var rest = Substring(text)
        while let r = rest.range(of: "`--") {
            let name = rest[r.upperBound...].prefix { $0.isLetter || $0 == "-" }
            if !name.isEmpty { options.insert(String(name)) }
            rest = rest[r.upperBound...]
        }
        options.subtract(["config", "write-baseline", "no-color", "format=json"])
        #expect(options.count >= 10, "\(options.sorted())")
        for option in options {
            let key = option.replacingOccurrences(of: "-", with: "_")
            #expect(ConfigFile.keys.contains(key), "--\(option) has no .jxlint.toml key")
            #expect(text.contains("`\(key)`"), "the README names the key of --\(option)")
        }
        // and ConfigFile reads each key it names
        let dir = TempDir()
        try dir.write(".jxlint.toml", """
        format = "json"
        output = "out.json"
        rules = "rules"
        year = 2023
        select = ["sum"]
        ignore = ["sum.carryover"]
        min_severity = "warning"
        fail_on = "warning"
        baseline = "b.json"
        jobs = 2
        color = false
        """)
        var o = CheckOptions()
        try ConfigFile.apply(dir.url(".jxlint.toml"), to: &o)
        #expect(o.output == dir.url("out.json") && o.color == false && o.jobs == 2 && o.fiscalYear == 2023)
        #expect(o.baselineFromConfig)
    }

    @Test func theSamplesReadmeGivesTheCountsTheToolGives() throws {
        let text = try Self.read("samples/README.md")
        let pipeline = Pipeline(ruleSet: try RuleSet.embedded())
        var checked = 0
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let said = cells[3]
            let report = pipeline.report(path: Self.root + "/samples/" + name)
            #expect(report.error == nil, "\(name)")
            let count = report.findings.count
            if said.hasPrefix("无") {
                #expect(count == 0, "\(name): README says none, the tool gives \(count)")
            } else {
                let stated = Int(said.prefix { $0.isNumber })
                #expect(stated == count, "\(name): README says \(stated.map(String.init) ?? said), the tool gives \(count)")
                for rule in Set(report.findings.map(\.rule)) {
                    #expect(said.contains(rule), "\(name): README does not name \(rule)")
                    let n = report.findings.filter { $0.rule == rule }.count
                    if n > 1 { #expect(said.contains("\(rule) ×\(n)"), "\(name): README should say \(rule) ×\(n)") }
                }
            }
            checked += 1
        }
        #expect(checked == 8)
    }

    @Test func thePreCommitHookTakesUpperCaseExtensions() throws {
        let hooks = try Self.read(".pre-commit-hooks.yaml")
        let line = try #require(hooks.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("files:") })
        var pattern = line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)
        pattern = pattern.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        let regex = try NSRegularExpression(pattern: pattern)
        func matches(_ name: String) -> Bool { regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil }
        for name in ["a.txt", "B.TXT", "报告.DOCX", "x.Md", "t.XLSX", "p.PDF", "d/e.markdown"] { #expect(matches(name), "\(name)") }
        for name in ["a.doc", "b.txt.bak", "c.json"] { #expect(!matches(name), "\(name)") }
    }

    @Test func testFixturesAreNotResourcesOfTheTestTarget() throws {
        // SwiftPM warned "found 6 file(s) which are unhandled" for Tests/LintTests/Fixtures
        let package = try Self.read("Package.swift")
        let line = try #require(package.split(separator: "\n").first { $0.contains("name: \"LintTests\"") })
        #expect(line.contains("exclude: [\"Fixtures\"]"), "\(line)")
    }
}
