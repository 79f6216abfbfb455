import Foundation
import Testing
import JXRules
@testable import JXLint

/// The supervisor decodes a worker's report where it lies in its read buffer (a slice), not copied
/// out first: the same report as decoding it on its own.
@Suite("Report coding in place")
struct ReportCodingSliceTests {
    @Test func aReportDecodedInsideABufferIsTheReportDecodedAlone() throws {
        let pipeline = Pipeline(ruleSet: try RuleSet.embedded())
        var checked = 0
        for name in ["slips-budget.txt", "clean.txt"] {
            let report = pipeline.report(path: TestPackage.root + "/samples/" + name)
            let encoded = ReportCoding.encode(report)
            let alone = try ReportCoding.decode(encoded)
            // framed between other bytes, as in the buffer of a worker's output
            let buffer = [UInt8](repeating: 7, count: 13) + encoded + [UInt8](repeating: 9, count: 5)
            let inPlace = try ReportCoding.decode(buffer[13..<(13 + encoded.count)])
            #expect(ReportCoding.encode(inPlace) == encoded, "\(name)")
            #expect(ReportCoding.encode(alone) == encoded, "\(name)")
            // a slice one byte short or long is refused, as the array is
            #expect(throws: (any Error).self) { try ReportCoding.decode(buffer[13..<(12 + encoded.count)]) }
            #expect(throws: (any Error).self) { try ReportCoding.decode(buffer[13..<(14 + encoded.count)]) }
            checked += report.findings.count
        }
        #expect(checked > 0)
    }
}
