import Testing
@testable import JXCore

/// The bitmaps of `ScalarProperties` answer as the Unicode tables do, for every scalar of the
/// basic plane and beyond (a Swift whose Unicode version adds a numeric ideograph fails here).
@Suite("Scalar properties")
struct ScalarPropertiesTests {
    @Test func isNumericAgreesWithTheUnicodeTables() {
        var disagreements = [String]()
        for v in UInt32(0)..<0x30000 {
            guard let ch = Unicode.Scalar(v) else { continue }
            if ScalarProperties.isNumeric(ch) != (ch.properties.numericType != nil) { disagreements.append(String(v, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func theListedIdeographsAreSortedAndNumeric() {
        let list = ScalarProperties.numericIdeographs
        #expect(list == list.sorted() && Set(list).count == list.count)
        #expect(list.allSatisfy { Unicode.Scalar(UInt32($0))?.properties.numericType != nil })
        #expect(ScalarProperties.isNumeric("\u{4E00}") && ScalarProperties.isNumeric("\u{842C}") && !ScalarProperties.isNumeric("\u{5E74}"))
        #expect(ScalarProperties.isNumeric("\u{FF15}") && ScalarProperties.isNumeric("\u{3007}") && !ScalarProperties.isNumeric("\u{FF0C}"))
    }
}
