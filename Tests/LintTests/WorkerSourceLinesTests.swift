import Foundation
import Testing
import JXCheck
import JXFormat
import JXRules
@testable import JXLint

/// Workers leave the files' lines out of their reports unless the output shows them (text, HTML):
/// the other formats write the same bytes for a report with or without its lines.
@Suite("Worker reports without source lines")
struct WorkerSourceLinesTests {
    @Test func formatsWithoutSourceLinesWriteTheSameWithoutThem() throws {
        let ruleSet = try RuleSet.embedded()
        let pipeline = Pipeline(ruleSet: ruleSet)
        let reports = ["slips-budget.txt", "clean.txt"].map { pipeline.report(path: TestPackage.root + "/samples/" + $0) }
        #expect(reports.contains { !$0.lines.isEmpty && !$0.findings.isEmpty })
        let stripped = reports.map { r -> FileReport in
            var s = r
            s.lines = []
            return s
        }
        var options = FormatOptions()
        options.rules = ruleSet.rules.map(\.info)
        for format in OutputFormat.allCases where format != .text && format != .html {
            func streamed(_ set: [FileReport]) -> String {
                var stream = StreamingOutput(format: format, options: options)
                var out = stream.begin()
                for r in set { out += stream.file(r) }
                return out + stream.end()
            }
            #expect(streamed(stripped) == streamed(reports), "\(format)")
        }
        // the worker is told so only for those formats
        let args = Worker.arguments(rulesDirectory: nil, rulesExtra: [], fiscalYear: nil, only: nil, sourceLines: .no)
        #expect(args.contains("--source-lines"))
        #expect(!Worker.arguments(rulesDirectory: nil, rulesExtra: [], fiscalYear: nil, only: nil).contains("--source-lines"))
    }

    /// The text output shows only the lines findings start on: a report keeping just those (the
    /// others empty, the count unchanged) prints the same bytes.
    @Test func textOutputNeedsOnlyTheLinesFindingsStartOn() throws {
        let ruleSet = try RuleSet.embedded()
        let pipeline = Pipeline(ruleSet: ruleSet)
        let reports = ["slips-budget.txt", "slips-units-years.txt", "clean.txt"].map { pipeline.report(path: TestPackage.root + "/samples/" + $0) }
        var options = FormatOptions()
        options.rules = ruleSet.rules.map(\.info)
        for report in reports {
            var kept = report
            Worker.SourceLines.findings.keep(&kept)
            #expect(kept.lines.count == report.lines.count)
            if !report.findings.isEmpty {
                #expect(kept.lines.filter { !$0.isEmpty }.count < report.lines.filter { !$0.isEmpty }.count)
            }
            func streamed(_ r: FileReport) -> String {
                var stream = StreamingOutput(format: .text, options: options)
                return stream.begin() + stream.file(r) + stream.end()
            }
            #expect(streamed(kept) == streamed(report), "\(report.path)")
        }
        let args = Worker.arguments(rulesDirectory: nil, rulesExtra: [], fiscalYear: nil, only: nil, sourceLines: .findings)
        #expect(args.suffix(2) == ["--source-lines", "findings"])
    }
}
