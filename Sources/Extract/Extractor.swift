import JXCore
import JXRules
import JXStructure

/// Structure → facts: quantities with labels, concepts, years, and the relations the text states.
///
/// Extraction runs as passes over one fact table (`ExtractionState`), in the order of `passes`.
/// Each pass says what it reads and writes; `passOrderIsConsistent` (tested) checks that nothing
/// is read before a pass has written it.
public enum Extractor {
    /// What a pass reads or writes.
    enum Field: String, CaseIterable, Sendable {
        case document, lexicon, prose, tableCells, yearMentions, fiscalYear, factYears, sentenceIndex
        case groups, outline, concepts, shares, changes, scores, scheduleProgress
    }

    struct Pass: Sendable {
        var name: String
        var reads: Set<Field>
        var writes: Set<Field>
        var run: @Sendable (inout ExtractionState, Int?) -> Void
    }

    static let passes: [Pass] = [
        Pass(name: "prose facts", reads: [.document, .lexicon], writes: [.prose, .yearMentions, .concepts]) { s, _ in s.scanParagraphs() },
        Pass(name: "table facts", reads: [.document, .lexicon, .prose], writes: [.tableCells, .concepts]) { s, _ in s.scanTables() },
        Pass(name: "fiscal year", reads: [.document, .yearMentions], writes: [.fiscalYear]) { s, year in s.resolveFiscalYear(override: year) },
        Pass(name: "fact years", reads: [.prose, .tableCells, .yearMentions, .fiscalYear], writes: [.factYears]) { s, _ in s.resolveYears(); s.distributeListedYears() },
        Pass(name: "sentence index", reads: [.prose], writes: [.sentenceIndex]) { s, _ in s.indexSentences() },
        Pass(name: "groups", reads: [.prose, .sentenceIndex, .concepts], writes: [.groups]) { s, _ in s.buildGroups() },
        Pass(name: "form breakdowns", reads: [.tableCells, .concepts], writes: [.tableCells, .groups]) { s, _ in s.buildFormBreakdowns() },
        Pass(name: "outline", reads: [.prose, .groups, .concepts], writes: [.outline, .groups]) { s, _ in s.buildOutline() },
        Pass(name: "concept inheritance", reads: [.prose, .sentenceIndex, .groups, .concepts], writes: [.concepts]) { s, _ in s.inheritMeasures() },
        Pass(name: "shares", reads: [.prose, .sentenceIndex, .groups, .outline, .concepts, .factYears], writes: [.shares]) { s, _ in s.buildShares(); s.addSharesOfUnstatedTotals() },
        Pass(name: "prose scores", reads: [.prose, .groups, .outline, .concepts, .factYears, .fiscalYear, .sentenceIndex], writes: [.scores]) { s, _ in s.buildProseScores() },
        Pass(name: "changes", reads: [.prose, .sentenceIndex, .groups, .concepts, .factYears, .fiscalYear], writes: [.changes]) { s, _ in s.buildChanges() },
        Pass(name: "schedule progress", reads: [.prose, .sentenceIndex], writes: [.scheduleProgress]) { s, _ in s.buildScheduleProgress() },
    ]

    /// Every field a pass reads is written by an earlier pass (or is an input).
    static var passOrderIsConsistent: Bool {
        var available: Set<Field> = [.document, .lexicon]
        for pass in passes {
            guard pass.reads.isSubset(of: available) else { return false }
            available.formUnion(pass.writes)
        }
        return true
    }

    /// `words`: the lexicon's matchers when the caller keeps them (`ExtractionWords(lexicon:)`);
    /// nil builds them for this document.
    public static func extract(_ doc: StructuredDocument, lexicon: Lexicon, fiscalYear override: Int? = nil,
                               words: ExtractionWords? = nil) -> FactSet {
        var state = ExtractionState(doc: doc, lexicon: lexicon, words: words)
        for pass in passes { pass.run(&state, override) }
        return state.result()
    }
}
