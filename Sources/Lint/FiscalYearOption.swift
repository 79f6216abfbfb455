import JXExtract
import JXRules
import JXStructure

/// `--year Y` (or `year = Y` in .jxlint.toml) is the fiscal year of reports that do not state
/// their own. A report whose title or text clearly names another year is a report of that year:
/// checking it as year Y would flag every one of its own years (and claim that its title and text
/// disagree when they do not), so it is checked as its own year, and the driver says so on stderr.
enum FiscalYearOption {
    static func facts(of structured: StructuredDocument, lexicon: Lexicon, year: Int?, words: ExtractionWords? = nil) -> FactSet {
        let given = Extractor.extract(structured, lexicon: lexicon, fiscalYear: year, words: words)
        guard let year, let title = given.titleYear else { return given }
        // a title of the given year that the text also names: the report is of that year
        if title == year && given.years.contains(where: { $0.paragraph != structured.titleParagraph && $0.mention.year == year && !$0.mention.quoted }) {
            return given
        }
        // otherwise extracted again without the option: what year is the report of by itself?
        let own = Extractor.extract(structured, lexicon: lexicon, fiscalYear: nil, words: words)
        guard let ownYear = own.fiscalYear, ownYear != year else { return given }
        return own
    }
}
