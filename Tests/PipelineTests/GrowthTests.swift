import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
import JXExtract
import JXCheck

/// A document 4× larger costs at most 4.8× the CPU time (issue 12): the corpus reports, one after
/// another, make a document of real text (figures of several years, tables, lists, scores); it is
/// checked whole (load → normalize → structure → extract → every rule) at n and 4n bytes. Quadratic
/// work (a check comparing every fact with every fact) grows 16× and fails the bound long before it
/// dominates. Thread CPU time, the least of several turns, so other tests running beside it do not count.
@Suite("Growth with document size", .enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct GrowthTests {
    /// Every corpus report (and the wild ones beside it), each ending with an empty line.
    static let reports: String = {
        let wild = Corpus.directory.appendingPathComponent("wild").path
        let wildFiles = ((try? FileManager.default.contentsOfDirectory(atPath: wild)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { (wild as NSString).appendingPathComponent($0) }
        let paths = Corpus.files.map(Corpus.path) + wildFiles
        return paths.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map { $0 + "\n\n" }.joined()
    }()

    /// Whole reports repeated until the text has `bytes` UTF-8 bytes or more.
    static func document(bytes: Int) -> String {
        var text = ""
        while text.utf8.count < bytes { text += reports }
        return text
    }

    static func check(_ text: String, _ ruleSet: RuleSet) -> Int {
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let document = Document(path: "growth.txt", format: .text, encoding: "utf-8", lines: lines)
        let structured = Structurer.structure(Normalizer.normalize(document), words: StructureWords(vocabulary: ruleSet.lexicon.vocabulary))
        let facts = Extractor.extract(structured, lexicon: ruleSet.lexicon, fiscalYear: nil)
        return Checker(ruleSet: ruleSet).check(facts).count
    }

    @Test func fourTimesTheTextCostsAtMostFourPointEightTimes() throws {
        let ruleSet = try RuleSet.embedded()
        let small = Self.document(bytes: 150_000)
        let large = String(repeating: small, count: 4)
        var findings = (0, 0)
        let scaling = Scaling.measure(bound: 4.8, floor: 0, minTurns: 3,
                                      small: { findings.0 = Self.check(small, ruleSet) },
                                      large: { findings.1 = Self.check(large, ruleSet) })
        #expect(findings.0 > 0 && findings.1 >= findings.0)
        #expect(scaling.holds(4.8), "1× and 4×: \(scaling)")
    }
}

