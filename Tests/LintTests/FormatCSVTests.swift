import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: csv")
struct FormatCSVTests {
    @Test func bomHeaderCRLFAndRanking() {
        let csv = Formatters.csv([FormatFixtures.broken, FormatFixtures.docx, FormatFixtures.slips], options: FormatOptions())
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let body = String(csv.unicodeScalars.dropFirst())
        #expect(body.hasSuffix("\r\n"))
        #expect(!body.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = body.components(separatedBy: "\r\n").dropLast()
        #expect(Array(rows) == [
            "path,format,encoding,fiscal_year,errors,warnings,infos,risk,top_rules,error",
            "samples/slips.txt,text,utf-8,2022,1,2,1,17,rate.execution×1; sum.budget-parts×1; unit.wan-yuan×1,",
            "reports/部门 自评.docx,docx,,2022,1,0,0,10,rate.execution×1,",
            "broken/坏文件.txt,,,,0,0,0,0,,not a text file (it contains NUL bytes)",
        ])
    }

    @Test func quotingFollowsRFC4180() {
        let a = FileReport(path: "dir/a,b.txt", format: "text", encoding: "utf-8", fiscalYear: 2021, findings: [
            FormatFixtures.wanYuan, FormatFixtures.wanYuan, FormatFixtures.executionRate,
        ])
        let b = FileReport(path: "b.txt", error: "bad \"quoted\" thing\nsecond line")
        let csv = Formatters.csv([b, a], options: FormatOptions())
        #expect(csv.contains("\r\n\"dir/a,b.txt\",text,utf-8,2021,0,3,0,9,unit.wan-yuan×2; rate.execution×1,\r\n"))
        #expect(csv.contains("\r\nb.txt,,,,0,0,0,0,,\"bad \"\"quoted\"\" thing\nsecond line\"\r\n"))
    }

    @Test func equalRiskIsOrderedByPathAndTopRulesStopAtThree() {
        let rules = ["d.x", "c.x", "b.x", "a.x", "a.x"].map {
            Finding(rule: $0, category: .format, severity: .info, span: FormatFixtures.span(1, 1, 1, 1), message: "m", evidence: "")
        }
        let reports = [
            FileReport(path: "b.txt", format: "text", findings: Array(rules.prefix(1))),
            FileReport(path: "a.txt", format: "text", findings: Array(rules.prefix(1))),
            FileReport(path: "c.txt", format: "text", findings: rules),
        ]
        let rows = Formatters.csv(reports, options: FormatOptions()).components(separatedBy: "\r\n")
        #expect(rows[1] == "c.txt,text,,,0,0,5,5,a.x×2; b.x×1; c.x×1,")
        #expect(rows[2].hasPrefix("a.txt,"))
        #expect(rows[3].hasPrefix("b.txt,"))
    }
}
