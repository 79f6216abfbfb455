import Foundation
import Testing

/// Baselines as the README describes them: created from the README's own `.jxlint.toml`, refreshed
/// after a new slip, and still suppressing the findings accepted before.
@Suite("Baseline refresh", .enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint (swift build)"))
struct BaselineRefreshTests {
    /// The ```toml block of the README's "A `.jxlint.toml` …" paragraph.
    static func readmeConfig() throws -> String {
        let readme = try String(contentsOfFile: TestPackage.root + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```toml\n"), "README has a ```toml block")
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    static func entries(_ path: String) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try #require(root["findings"] as? [[String: Any]])
    }

    static func ruleIDs(_ r: RunResult) throws -> [String] {
        let files = try r.json()["files"] as? [[String: Any]] ?? []
        return files.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
    }

    static let samplesBudget = TestPackage.root + "/samples/slips-budget.txt"
    /// A new slip for the samples' budget report: 其中 parts that exceed their whole.
    static let newSlip = "\n全年培训基层干部300人次，其中线上培训200人次，线下培训150人次。\n"

    @Test func theReadmeFlowCreatesRefreshesAndKeepsSuppressing() throws {
        let config = try Self.readmeConfig()
        #expect(config.contains("baseline = \"jxlint-baseline.json\""), "the README's config names a baseline: \(config)")
        let dir = TempDir()
        try dir.write(".jxlint.toml", config)
        let original = try String(contentsOfFile: Self.samplesBudget, encoding: .utf8)
        try dir.write("report.txt", original)

        // the configured baseline does not exist yet: the check runs (exit 1, not 2) and says so once
        let first = try JX.run(["check", "report.txt"], cwd: dir.path)
        #expect(first.status == 1, "\(first)")
        #expect(first.stderr.components(separatedBy: "does not exist yet").count == 2, "\(first)")

        // creating it
        let create = try JX.run(["check", "report.txt", "--write-baseline", "jxlint-baseline.json"], cwd: dir.path)
        #expect(create.status != 2, "\(create)")
        let accepted = try Self.entries(dir.url("jxlint-baseline.json")).count
        #expect(accepted >= 5, "the sample's slips are accepted: \(accepted)")
        #expect(create.stderr.contains("wrote \(accepted) accepted findings to jxlint-baseline.json"), "\(create)")

        let quiet = try JX.run(["check", "report.txt"], cwd: dir.path)
        #expect(quiet.status == 0, "\(quiet)")
        #expect(quiet.stderr.contains("\(accepted) findings suppressed by baseline"), "\(quiet)")

        // a new slip shows, alone
        try dir.write("report.txt", original + Self.newSlip)
        let loud = try JX.run(["check", "--format", "json", "report.txt"], cwd: dir.path)
        #expect(loud.status == 1, "\(loud)")
        #expect(try Self.ruleIDs(loud) == ["sum.parts-exceed-whole"], "\(loud)")

        // refreshed: the accepted ones that still occur plus the new one
        let refresh = try JX.run(["check", "report.txt", "--write-baseline=jxlint-baseline.json"], cwd: dir.path)
        #expect(refresh.status != 2, "\(refresh)")
        #expect(try Self.entries(dir.url("jxlint-baseline.json")).count == accepted + 1, "\(refresh)")
        #expect(refresh.stderr.contains("\(accepted) already accepted, 1 new"), "\(refresh)")
        let again = try JX.run(["check", "report.txt"], cwd: dir.path)
        #expect(again.status == 0, "old and new findings are suppressed: \(again)")

        // a refresh with nothing new keeps everything (it used to write an empty baseline)
        _ = try JX.run(["check", "report.txt", "--write-baseline", "jxlint-baseline.json"], cwd: dir.path)
        #expect(try Self.entries(dir.url("jxlint-baseline.json")).count == accepted + 1)
        #expect(try JX.run(["check", "report.txt"], cwd: dir.path).status == 0)
    }

    @Test func sameFileAsBaselineAndTarget() throws {
        let dir = TempDir()
        let original = try String(contentsOfFile: Self.samplesBudget, encoding: .utf8)
        try dir.write("r.txt", original)
        // the file does not exist yet: reading and writing the same file creates it
        let create = try JX.run(["check", "--baseline", "b.json", "--write-baseline", "b.json", "r.txt"], cwd: dir.path)
        #expect(create.status == 1, "\(create)")
        #expect(!create.stderr.contains("does not exist yet"), "no note when this run writes it: \(create)")
        let accepted = try Self.entries(dir.url("b.json")).count
        #expect(accepted >= 5)
        try dir.write("r.txt", original + Self.newSlip)
        let refresh = try JX.run(["check", "--baseline", "b.json", "--write-baseline", "b.json", "--format", "json", "r.txt"], cwd: dir.path)
        #expect(try Self.ruleIDs(refresh) == ["sum.parts-exceed-whole"], "the run shows what is new: \(refresh)")
        #expect(try Self.entries(dir.url("b.json")).count == accepted + 1, "accepting one more keeps the others")
        #expect(try JX.run(["check", "--baseline", "b.json", "r.txt"], cwd: dir.path).status == 0)
    }

    @Test func refreshingForOneFileKeepsTheOthers() throws {
        let dir = TempDir()
        try dir.write("a.txt", Samples.slip)
        try dir.write("b.txt", Samples.slip.replacingOccurrences(of: "30.00", with: "20.00"))
        _ = try JX.run(["check", "--write-baseline", "base.json", "a.txt", "b.txt"], cwd: dir.path)
        #expect(try Self.entries(dir.url("base.json")).count == 2)
        // a run over a.txt alone cannot tell whether b.txt's finding still occurs: it is kept
        let one = try JX.run(["check", "--baseline", "base.json", "--write-baseline", "base.json", "a.txt"], cwd: dir.path)
        #expect(one.stderr.contains("1 kept for files or rules not checked"), "\(one)")
        #expect(try Self.entries(dir.url("base.json")).count == 2)
        #expect(try JX.run(["check", "--baseline", "base.json", "a.txt", "b.txt"], cwd: dir.path).status == 0)
        // a finding that is gone is dropped
        try dir.write("a.txt", Samples.clean)
        let gone = try JX.run(["check", "--baseline", "base.json", "--write-baseline", "base.json", "a.txt", "b.txt"], cwd: dir.path)
        #expect(gone.stderr.contains("1 dropped"), "\(gone)")
        #expect(try Self.entries(dir.url("base.json")).count == 1)
    }

    @Test func aBaselineGivenOnTheCommandLineMustExist() throws {
        // only a configured baseline may be missing; a mistyped --baseline is an error
        let dir = TempDir()
        try dir.write("slip.txt", Samples.slip)
        let r = try JX.run(["check", "--baseline", "nope.json", "slip.txt"], cwd: dir.path)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.contains("nope.json") && r.stderr.contains("--write-baseline"), "\(r)")
    }
}
