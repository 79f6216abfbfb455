import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: batches")
struct FormatBatchTests {
    /// Thousands of reports: every format stays linear (a quadratic builder would take minutes here).
    @Test func thousandsOfReportsRenderQuickly() {
        var reports: [FileReport] = []
        for i in 0..<3000 {
            var report = FormatFixtures.slips
            report.path = "batch/\(i % 7)/报告\(i).txt"
            report.lines += Array(repeating: FormatFixtures.slipsLines[2], count: 40)
            if i % 100 == 0 { report = FileReport(path: "batch/broken\(i).txt", error: "unreadable") }
            reports.append(report)
        }
        let options = FormatFixtures.options
        let clock = ContinuousClock()
        var sizes: [Int] = []
        let elapsed = clock.measure {
            sizes.append(Formatters.text(reports, options: options).utf8.count)
            sizes.append(Formatters.json(reports, options: options).utf8.count)
            sizes.append(Formatters.sarif(reports, options: options).utf8.count)
            sizes.append(Formatters.csv(reports, options: options).utf8.count)
            sizes.append(Formatters.htmlIndex(reports, pageNames: reports.indices.map { "p\($0).html" }, options: options).utf8.count)
        }
        let pages = clock.measure {
            for report in reports.prefix(300) { sizes.append(Formatters.htmlPage(report, options: options).utf8.count) }
        }
        print("3000 reports, text+json+sarif+csv+index: \(elapsed); 300 html pages: \(pages)")
        #expect(sizes.allSatisfy { $0 > 0 })
        #expect(elapsed < .seconds(60))
        #expect(pages < .seconds(60))
        let summary = RunSummary(reports)
        #expect(summary.files == 3000 && summary.unreadable == 30 && summary.errors == 2970)
    }
}
