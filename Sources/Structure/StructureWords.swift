import JXCore
import JXRules

/// The vocabulary's word classes the structure stage reads (rules/vocabulary.toml), looked up once:
/// what makes a cell a column title, a row a total, a line a caption, a title or a list's opener.
public struct StructureWords: Sendable {
    public let headerWords: WordSet
    public let informationKeys: WordSet
    public let totalLabels: WordSet
    public let scoreTotalLabels: WordSet
    public let lineListOpeners: WordSet
    public let semicolonListOpeners: WordSet
    public let breakdownLineEndings: WordSet
    /// "其中": a row so named is a part of the row above it.
    public let partOpeners: WordSet
    public let lineStarters: WordSet
    public let captionWords: WordSet
    public let moneyUnits: WordSet
    public let unitCaptions: WordSet
    public let titleStrongWords: WordSet
    public let titleWords: WordSet
    public let titleBudgetWords: WordSet
    public let titleEndings: WordSet
    public let notTitleWords: WordSet
    public let continuationMarks: WordSet
    public let chapterWords: WordSet
    /// Column roles by header words (rules/tables.toml): what makes a token of a flattened line a
    /// column title, and which cells of its rows hold numbers.
    public let layouts: TableLayouts
    /// Units a flattened table may write apart from their number ("500 人次", "95 %").
    public let cellUnits: WordSet
    /// Cell texts that state an empty or zero cell ("—").
    public let emptyCellMarks: WordSet
    /// Endings of a table's name ("…自评表"): never a column title.
    public let tableNameEndings: WordSet

    public init(vocabulary v: Vocabulary, layouts: TableLayouts = StructureWords.embeddedLayouts) {
        headerWords = v[.tableHeaderWords]
        informationKeys = v[.tableInformationKeys]
        totalLabels = v[.tableTotalLabels]
        scoreTotalLabels = v[.tableScoreTotalLabels]
        lineListOpeners = v[.lineListOpeners]
        semicolonListOpeners = v[.semicolonListOpeners].union(v[.lineListOpeners])
        breakdownLineEndings = v[.breakdownLineEndings]
        partOpeners = v[.listOpenersOf]
        lineStarters = v[.lineStarters]
        captionWords = v[.captionWords]
        moneyUnits = v[.moneyUnitWords]
        unitCaptions = v[.unitCaptions]
        titleStrongWords = v[.titleStrongWords]
        titleWords = v[.titleWords]
        titleBudgetWords = v[.titleBudgetWords]
        titleEndings = v[.titleEndingWords]
        notTitleWords = v[.notTitleWords]
        continuationMarks = v[.tableContinuationMarks]
        chapterWords = v[.chapterWords]
        self.layouts = layouts
        columnRules = layouts.columns.map { rule in
            ColumnRule(role: rule.role, words: WordSet(rule.words.map { ScalarString.make($0) }),
                       suffixes: WordSet(rule.suffixes), except: WordSet(rule.except.map { ScalarString.make($0) }))
        }
        columnWords = WordSet(layouts.columns.flatMap { $0.words.map { ScalarString.make($0) } + $0.suffixes })
        cellUnits = v[.countUnits].union(v[.moneyUnitWords]).union(v[.percentagePointUnits])
        emptyCellMarks = v[.emptyCellMarks]
        tableNameEndings = v[.tableNameEndings]
    }

    /// The column rules of `layouts` as word sets, for the flattened-table scanner that tries every
    /// spaced token of a line (TableLayouts.header converts and searches strings per call).
    public let columnRules: [ColumnRule]
    /// Every word and suffix of the column rules: a text holding none of them names no column.
    public let columnWords: WordSet

    public struct ColumnRule: Sendable {
        public let role: TableLayouts.Role
        public let words: WordSet
        public let suffixes: WordSet
        public let except: WordSet

        /// Whether a title names a column of this rule's role (as TableLayouts.header reads it).
        public func matches(_ s: [Unicode.Scalar]) -> Bool {
            if except.firstMatch(in: s) != nil { return false }
            return words.firstMatch(in: s) != nil || (!s.isEmpty && suffixes.suffixLength(s, endingAt: s.count) > 0)
        }
    }

    /// The table layouts of the default rule set.
    public static let embeddedLayouts: TableLayouts = (try? LexiconLoader.embedded().tables) ?? TableLayouts()

    /// The words of the default vocabulary (tests, and callers without a rule set).
    public static let standard = StructureWords(vocabulary: .embedded)
}
