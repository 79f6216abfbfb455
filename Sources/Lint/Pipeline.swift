import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JXCheck
import JXCore
import JXExtract
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// One input through every stage: load → normalize → structure → extract → check.
public struct Pipeline: Sendable {
    public var ruleSet: RuleSet { didSet { words = Words(ruleSet) } }
    public var fiscalYear: Int?
    /// Rules to run; nil runs every enabled rule.
    public var only: Set<String>? { didSet { selection = words.checker.selection(only: only) } }
    /// The vocabulary's matchers, built once per rule set, not per document.
    private var words: Words { didSet { selection = words.checker.selection(only: only) } }
    /// The rules `only` selects, found once per run (`Checker.selection(only:)`), not per document.
    private var selection: Checker.Selection

    struct Words: Sendable {
        let structure: StructureWords
        let extraction: ExtractionWords
        let checker: Checker
        init(_ ruleSet: RuleSet) {
            structure = StructureWords(vocabulary: ruleSet.lexicon.vocabulary, layouts: ruleSet.lexicon.tables)
            extraction = ExtractionWords(lexicon: ruleSet.lexicon)
            checker = Checker(ruleSet: ruleSet)
        }
    }

    public init(ruleSet: RuleSet, fiscalYear: Int? = nil, only: Set<String>? = nil) {
        self.ruleSet = ruleSet
        self.fiscalYear = fiscalYear
        self.only = only
        words = Words(ruleSet)
        selection = words.checker.selection(only: only)
    }

    public func facts(of document: Document) -> FactSet {
        let structured = Structurer.structure(Normalizer.normalize(document), words: words.structure)
        return FiscalYearOption.facts(of: structured, lexicon: ruleSet.lexicon, year: fiscalYear, words: words.extraction)
    }

    public func report(for document: Document) -> FileReport {
        let facts = facts(of: document)
        let findings = words.checker.check(facts, selection: selection)
        var places = [Int: String]()
        for line in document.lines { if let p = line.place { places[line.number] = p } }
        return FileReport(path: document.path, format: document.format.rawValue, encoding: document.encoding,
                          fiscalYear: facts.fiscalYear, error: nil, findings: findings,
                          lines: document.lines.map(\.text), linePlaces: places)
    }

    /// Reads and checks one file; a file that cannot be read gets a report with its error.
    public func report(path: String) -> FileReport {
        do {
            return report(for: try DocumentLoader.load(path: path))
        } catch {
            return FileReport(path: path, error: error.message)
        }
    }

    public func report(bytes: [UInt8], path: String) -> FileReport {
        do {
            return report(for: try DocumentLoader.load(bytes: bytes, path: path))
        } catch {
            return FileReport(path: path, error: error.message)
        }
    }

    /// Checks a text given in memory (rule examples, tests).
    public func report(text: String, path: String = "example.txt") -> FileReport {
        report(bytes: Array(text.utf8), path: path)
    }
}
