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
            // a second measurement before failing: a busy machine (tests run in parallel) can slow
            // one run 10×, quadratic work is 64× slower every time
            for attempt in 1...2 {
                let a = CPUTime.best(of: 2) { _ = checker.check(small) }
                let b = CPUTime.best(of: 2) { _ = checker.check(large) }
                if b <= max(a, 0.005) * 10 { break }
                if attempt == 2 { failures.append("\(shape.name): 1× \(a) s, 8× \(b) s") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
