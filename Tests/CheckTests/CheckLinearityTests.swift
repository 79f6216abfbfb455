import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
import JXExtract
@testable import JXCheck

/// The rule checks are linear in their input whatever the shape (issue 14): each shape is
/// extracted first, then only `Checker.check` (every rule of the embedded set) is timed at 1× and
/// 8× the units; its thread CPU time may grow at most 10× (quadratic work grows 64×).
@Suite("Check linearity")
struct CheckLinearityTests {
    static let ruleSet = try! RuleSet.embedded()

    static func facts(_ text: String) -> FactSet {
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let document = Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)
        return Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: ruleSet.lexicon, fiscalYear: nil)
    }

    @Test func everyShapeIsLinear() {
        let checker = Checker(ruleSet: Self.ruleSet)
        var failures = [String]()
        for shape in PathologicalShapes.all {
            let small = Self.facts(shape.make(100)), large = Self.facts(shape.make(800))
            // 8× the input within 12× the time (n log n is 10×; under load the larger input loses more cache): quadratic work is 64× slower on every turn
            let scaling = Scaling.measure(bound: 12, small: { _ = checker.check(small) }, large: { _ = checker.check(large) })
            if !scaling.holds(12) { failures.append("\(shape.name): \(scaling)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
