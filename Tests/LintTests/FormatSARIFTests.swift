import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: sarif")
struct FormatSARIFTests {
    private var reports: [FileReport] { [FormatFixtures.slips, FormatFixtures.docx, FormatFixtures.broken] }

    private func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func run(_ reports: [FileReport], options: FormatOptions = FormatFixtures.options) throws -> [String: Any] {
        let root = try parse(Formatters.sarif(reports, options: options))
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(root["version"] as? String == "2.1.0")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    @Test func driverListsRulesAndEveryResultIndexesItsRule() throws {
        let run = try run(reports)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "jxlint")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // The given rules in order, then the one a finding names that was not given.
        #expect(rules.map { $0["id"] as? String } == ["sum.budget-parts", "rate.execution", "unit.wan-yuan", "year.other-year"])
        #expect(rules[0]["name"] as? String == "SumBudgetParts")
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "预算各部分之和等于总数")
        #expect(((rules[0]["fullDescription"] as? [String: Any])?["text"] as? String)?.hasPrefix("全年预算数应等于") == true)
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        #expect((rules[0]["properties"] as? [String: Any])?["category"] as? String == "sum")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "note", "warning", "error"])
    }

    @Test func regionsAreEndExclusiveAndMessagesCarryEvidence() throws {
        let results = try #require(try run(reports)["results"] as? [[String: Any]])
        let first = results[0]
        #expect((first["message"] as? [String: Any])?["text"] as? String
            == "基本支出与项目支出之和与全年预算数不符：822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）")
        let location = try #require((first["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "samples/slips.txt")
        #expect(artifact["index"] as? Int == 0)
        let region = try #require(physical["region"] as? [String: Int])
        #expect(region == ["startLine": 3, "startColumn": 11, "endLine": 3, "endColumn": 19])
        #expect(first["partialFingerprints"] as? [String: String] == ["jxlintFingerprint/v1": "a1b2c3d4"])

        let related = try #require(first["relatedLocations"] as? [[String: Any]])
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect((related[1]["message"] as? [String: Any])?["text"] as? String == "项目支出预算数")
        let relatedRegion = (related[1]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(relatedRegion == ["startLine": 3, "startColumn": 48])
    }

    @Test func officePlacesAndPercentEncodedURIs() throws {
        let run = try run(reports)
        let results = try #require(run["results"] as? [[String: Any]])
        let docx = results[4]
        let location = try #require((docx["locations"] as? [[String: Any]])?.first)
        let uri = ((location["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == "reports/%E9%83%A8%E9%97%A8%20%E8%87%AA%E8%AF%84.docx")
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["name"] as? String == "表1 第2行 第4列")
        #expect((docx["properties"] as? [String: Any])?["location"] as? String == "表1 第2行 第4列")

        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 3)
        #expect(artifacts.map { ($0["location"] as? [String: Any])?["uri"] as? String }
            == ["samples/slips.txt", "reports/%E9%83%A8%E9%97%A8%20%E8%87%AA%E8%AF%84.docx", "broken/%E5%9D%8F%E6%96%87%E4%BB%B6.txt"])
        #expect(artifacts[1]["mimeType"] as? String == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }

    @Test func unreadableFilesBecomeNotifications() throws {
        let run = try run(reports)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect(notes[0]["level"] as? String == "error")
        #expect(((notes[0]["message"] as? [String: Any])?["text"] as? String)?.contains("NUL bytes") == true)
        let artifact = ((notes[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(artifact?["index"] as? Int == 2)

        let clean = try self.run([FormatFixtures.slips])
        let ok = try #require((clean["invocations"] as? [[String: Any]])?.first)
        #expect(ok["executionSuccessful"] as? Bool == true)
        #expect(ok["toolExecutionNotifications"] == nil)
    }

    @Test func baseDirectoryBecomesSRCROOT() throws {
        var report = FormatFixtures.slips
        report.path = "/data/报告 2022/a#b.txt"
        var options = FormatFixtures.options
        options.baseDirectory = "/data"
        let run = try run([report], options: options)
        let base = (run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any]
        #expect(base?["uri"] as? String == "file:///data/")
        let artifact = try #require((run["artifacts"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        #expect(artifact["uri"] as? String == "%E6%8A%A5%E5%91%8A%202022/a%23b.txt")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")

        options.baseDirectory = nil
        let absolute = try self.run([report], options: options)
        let uri = ((absolute["artifacts"] as? [[String: Any]])?.first?["location"] as? [String: Any])?["uri"] as? String
        #expect(uri == "file:///data/%E6%8A%A5%E5%91%8A%202022/a%23b.txt")
    }

    @Test func validatesAgainstTheOfficialSchema() throws {
        // Tests/LintTests/FormatSARIFTests.swift → the repository root is two levels up.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = repo.appendingPathComponent("Tests/scripts/validate_sarif.py")
        let schema = repo.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json").standardizedFileURL
        guard FileManager.default.fileExists(atPath: schema.path) else {
            print("skipping SARIF schema validation: no schema at \(schema.path)")
            return
        }
        // python3 as found on PATH (the one with jsonschema may be a pyenv or venv shim).
        let env = "/usr/bin/env"
        guard FileManager.default.isExecutableFile(atPath: env) else {
            print("skipping SARIF schema validation: no /usr/bin/env to find python3")
            return
        }
        var options = FormatFixtures.options
        options.informationURI = "https://example.org/jxlint"
        var withBase = FormatFixtures.slips
        withBase.path = "/data/a b.txt"
        let logs = [
            Formatters.sarif(reports, options: options),
            Formatters.sarif([], options: FormatOptions()),
            Formatters.sarif([withBase], options: FormatOptions(baseDirectory: "/data")),
        ]
        for (i, log) in logs.enumerated() {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-format-\(UUID().uuidString)-\(i).sarif")
            try log.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: env)
            process.arguments = ["python3", script.path, file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 127 {
                print("skipping SARIF schema validation: python3 not found on PATH")
                return
            }
            if output.contains("jsonschema package is not installed") {
                print("skipping SARIF schema validation: \(output)")
                return
            }
            #expect(process.terminationStatus == 0, "\(output)")
        }
    }
}
