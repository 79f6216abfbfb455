import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: json")
struct FormatJSONTests {
    private func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    private var output: String {
        Formatters.json([FormatFixtures.slips, FormatFixtures.docx, FormatFixtures.broken], options: FormatFixtures.options)
    }

    @Test func topLevelFollowsTheContract() throws {
        let root = try parse(output)
        #expect(Set(root.keys) == ["tool", "files", "summary"])
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "jxlint")
        #expect(tool["version"] as? String == "0.1.0")
        let summary = try #require(root["summary"] as? [String: Int])
        #expect(summary == ["files": 3, "errors": 2, "warnings": 2, "infos": 1, "unreadable": 1])
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["samples/slips.txt", "reports/部门 自评.docx", "broken/坏文件.txt"])
    }

    @Test func filesCarryTheirMetadataAndNulls() throws {
        let files = try #require(try parse(output)["files"] as? [[String: Any]])
        for file in files {
            #expect(Set(file.keys) == ["path", "format", "encoding", "fiscalYear", "error", "findings"])
        }
        #expect(files[0]["format"] as? String == "text")
        #expect(files[0]["encoding"] as? String == "utf-8")
        #expect(files[0]["fiscalYear"] as? Int == 2022)
        #expect(files[0]["error"] is NSNull)
        #expect(files[1]["encoding"] is NSNull)
        #expect(files[2]["format"] is NSNull)
        #expect(files[2]["encoding"] is NSNull)
        #expect(files[2]["fiscalYear"] is NSNull)
        #expect(files[2]["error"] as? String == "not a text file (it contains NUL bytes)")
        #expect((files[2]["findings"] as? [Any])?.isEmpty == true)
    }

    @Test func findingsFollowTheContractInOrder() throws {
        let files = try #require(try parse(output)["files"] as? [[String: Any]])
        let findings = try #require(files[0]["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["sum.budget-parts", "rate.execution", "year.other-year", "unit.wan-yuan"])
        let first = findings[0]
        #expect(Set(first.keys) == ["rule", "category", "severity", "line", "column", "endLine", "endColumn",
                                    "message", "evidence", "related", "fingerprint"])
        #expect(first["category"] as? String == "sum")
        #expect(first["severity"] as? String == "error")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 11)
        #expect(first["endLine"] as? Int == 3)
        #expect(first["endColumn"] as? Int == 18)
        #expect(first["message"] as? String == "基本支出与项目支出之和与全年预算数不符")
        #expect(first["evidence"] as? String == "822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）")
        #expect(first["fingerprint"] as? String == "a1b2c3d4")
        let related = try #require(first["related"] as? [[String: Any]])
        #expect(related.count == 2)
        #expect(Set(related[0].keys) == ["line", "column", "message"])
        #expect(related[0]["line"] as? Int == 3)
        #expect(related[0]["column"] as? Int == 32)
        #expect(related[0]["message"] as? String == "基本支出预算数")
        #expect(findings.map { $0["severity"] as? String } == ["error", "warning", "info", "warning"])
        for finding in findings + (files[1]["findings"] as? [[String: Any]] ?? []) {
            #expect(RuleCategory(rawValue: finding["category"] as? String ?? "") != nil)
        }
    }

    @Test func exactTextWithKeyOrderAndLocation() {
        let out = Formatters.json([FormatFixtures.docx], options: FormatOptions(toolVersion: "9.9.9"))
        let expected = """
        {
          "tool": {
            "name": "jxlint",
            "version": "9.9.9"
          },
          "files": [
            {
              "path": "reports/部门 自评.docx",
              "format": "docx",
              "encoding": null,
              "fiscalYear": 2022,
              "error": null,
              "findings": [
                {
                  "rule": "rate.execution",
                  "category": "rate",
                  "severity": "error",
                  "line": 3,
                  "column": 11,
                  "endLine": 3,
                  "endColumn": 13,
                  "location": "表1 第2行 第4列",
                  "message": "执行率与预算数、执行数不符",
                  "evidence": "90 / 100 × 100 = 90% ≠ 95%",
                  "related": [
                    {
                      "line": 3,
                      "column": 4,
                      "location": "表1 第2行 第2列",
                      "message": "预算数"
                    }
                  ],
                  "fingerprint": "docx-fp"
                }
              ]
            }
          ],
          "summary": {
            "files": 1,
            "errors": 1,
            "warnings": 0,
            "infos": 0,
            "unreadable": 0
          }
        }

        """
        #expect(out == expected)
    }

    @Test func emptyRunAndEmptyArrays() throws {
        let out = Formatters.json([], options: FormatOptions())
        #expect(out.contains("\"files\": []"))
        let root = try parse(out)
        #expect(root["summary"] as? [String: Int] == ["files": 0, "errors": 0, "warnings": 0, "infos": 0, "unreadable": 0])
        let clean = Formatters.json([FileReport(path: "a.txt", format: "text")], options: FormatOptions())
        #expect(clean.contains("\"findings\": []"))
    }

    @Test func stringsAreEscapedAndRoundTrip() throws {
        let nasty = "引号\"反斜杠\\换行\n回车\r制表\t响铃\u{07}删除\u{7F}分隔\u{2028}表情😀"
        let report = FileReport(path: "dir/\"odd\\name\".txt", format: "text", error: nil, findings: [
            Finding(rule: "format.x", category: .format, severity: .info, span: FormatFixtures.span(1, 1, 1, 1),
                    message: nasty, evidence: "</script>", related: [RelatedLocation(position: SourcePosition(line: 1, column: 1), message: nasty)]),
        ])
        let out = Formatters.json([report], options: FormatOptions())
        #expect(out.contains("\\u0007"))
        #expect(out.contains("\\u2028"))
        #expect(out.contains("😀"), "non-ASCII is written as UTF-8, not \\u escapes")
        #expect(!out.contains("\\ud83d"))
        let files = try #require(try parse(out)["files"] as? [[String: Any]])
        #expect(files[0]["path"] as? String == "dir/\"odd\\name\".txt")
        let finding = try #require((files[0]["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == nasty)
        #expect(finding["evidence"] as? String == "</script>")
        #expect((finding["related"] as? [[String: Any]])?.first?["message"] as? String == nasty)
    }

    @Test func nonASCIIIsRawUTF8() {
        #expect(output.contains("\"path\": \"broken/坏文件.txt\""))
        #expect(!output.contains("\\u"))
    }
}
