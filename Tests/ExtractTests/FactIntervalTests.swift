import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
@testable import JXExtract

/// A fact's interval made from the literal's integer (issue 12) equals the one made by `Decimal`
/// arithmetic.
@Suite("Fact intervals")
struct FactIntervalTests {
    @Test func integerPathAgreesWithDecimalArithmetic() {
        let text = """
        全年预算数33463.78万元，其中基本支出822.24万元，项目支出-1947.96万元，执行率99.70%，约500万元。
        完成120项，约30人，117.82万人次，得分9.5分，得10分，0万元，0.00万元，-0.5%，0%，5亿320.5万元，
        金额123456789012345.67元，2万3456元，共3辆车，比上年增长12%。
        """
        let facts = extract(text).facts
        #expect(facts.count >= 15)
        var integer = 0
        for f in facts {
            let slow = Fact.decimalInterval(of: f.number, fractionDecimals: nil)
            #expect(f.interval == slow, "\(f.shown): \(f.interval) vs \(slow)")
            if Fact.integerInterval(of: f.number) != nil { integer += 1 }
        }
        // most figures take the integer path; the 17-digit and mixed ones do not
        #expect(integer >= facts.count - 3)
    }

    /// A literal of nineteen digits or more goes to `Decimal` (the integer path overflowed on it
    /// before it could see the digit count: a fuzz mutant found it).
    @Test func aVeryLongLiteralLeavesTheIntegerPath() throws {
        var number = try #require(extract("执行数123.45万元。").facts.first).number
        for (literal, decimals) in [("12345678901234567890123", 0), ("1234567890123456789.5", 1), ("123456789012345678", 0)] {
            number.literal = literal
            number.decimals = decimals
            #expect(Fact.integerInterval(of: number) == nil, "\(literal)")
        }
        number.literal = "12345678901234567"
        number.decimals = 0
        #expect(Fact.integerInterval(of: number) != nil)
    }

    @Test func everyCorpusFactAgrees() throws {
        var checked = 0
        // the package root: Tests/ExtractTests/<file>, three levels up
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let root = url.path
        for dir in [root + "/../shared/corpus", root + "/../shared/corpus/wild", root + "/samples"] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".txt") {
                let document = try DocumentLoader.load(path: dir + "/" + name)
                let lines = document.lines.map { $0.text }.joined(separator: "\n")
                for f in extract(lines).facts where f.fractionDecimals == nil {
                    #expect(f.interval == Fact.decimalInterval(of: f.number, fractionDecimals: nil), "\(name) \(f.shown)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
