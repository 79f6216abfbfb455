import Foundation
import JXCore
import JXTOML

/// The words of the genre, by class (rules/vocabulary.toml): how reports mark totals, lists, prior
/// years, changes, comparisons, shares, scores, units and statuses. Every stage reads its words from
/// here; Swift keeps only the syntax (digits, punctuation, the number grammar's structure).
///
/// Each class is declared once below with a line of documentation; the file must define every
/// class, and a key that is not a class is refused with its position and the closest class name.
/// An extension folder (`--rules-extra`) may add words to any class.
public struct Vocabulary: Sendable {
    public enum Class: String, CaseIterable, Sendable {
        // ---- numbers, units, comparators, years (the number scanner)
        case countUnits = "count_units"
        case notScoreAfterFen = "fen_words"
        case percentagePointUnits = "percentage_point_units"
        case comparatorAtLeast = "comparator_at_least"
        case comparatorAtMost = "comparator_at_most"
        case comparatorGreater = "comparator_greater"
        case comparatorLess = "comparator_less"
        case trailingAtLeast = "trailing_at_least"
        case trailingAtMost = "trailing_at_most"
        case previousYear = "previous_year"
        case currentYear = "current_year"
        case nextYear = "next_year"
        case rangeJoiners = "range_joiners"
        case documentReferences = "document_references"

        // ---- labels
        case leadingConnectives = "leading_connectives"
        case trailingFillers = "trailing_fillers"
        case distributiveMarkers = "distributive_markers"
        case nameJoiners = "name_joiners"
        case enumeratorWords = "enumerator_words"

        // ---- totals, lists, parts
        case totalMarkers = "total_markers"
        case totalSuffixes = "total_suffixes"
        case sumWords = "sum_words"
        case wholeFirstMarkers = "whole_first_markers"
        case listOpenersOf = "list_openers_qizhong"
        case listOpenersIncluding = "list_openers_baokuo"
        case inclusionMarkers = "inclusion_markers"
        case openListMarkers = "open_list_markers"
        case remainderWords = "remainder_words"
        case attainmentVerbs = "attainment_verbs"
        case additionMarkers = "addition_markers"
        case listIntroMarkers = "list_intro_markers"
        case listIntroLeads = "list_intro_leads"
        case listIntroTrails = "list_intro_trails"
        case fundingLevelWords = "funding_level_words"
        case partialListWords = "partial_list_words"
        case subListMarkers = "sub_list_markers"
        case notSubListWords = "not_sub_list_words"
        case statusPartWords = "status_part_words"
        case thresholdWords = "threshold_words"
        case arithmeticWords = "arithmetic_words"
        case levelNames = "level_names"
        case recoveryWords = "recovery_words"

        // ---- changes and comparisons
        case increaseWords = "increase_words"
        case decreaseWords = "decrease_words"
        case budgetAddedWords = "budget_added_words"
        case netChangeWords = "net_change_words"
        case budgetWithdrawnWords = "budget_withdrawn_words"
        case reachedWords = "reached_words"
        case changeRateNouns = "change_rate_nouns"
        case bareChangeWords = "bare_change_words"
        case comparisonMarkers = "comparison_markers"
        case comparisonClosers = "comparison_closers"
        case comparisonBases = "comparison_bases"
        case comparisonFillers = "comparison_fillers"
        case yearComparisons = "year_comparisons"
        case priorYearWords = "prior_year_words"
        case startOfYearWords = "start_of_year_words"
        case nonYearBases = "non_year_bases"
        case comparedFigureNames = "compared_figure_names"
        case samePeriodWords = "same_period_words"
        case notComparisonAfterBi = "not_comparison_after_bi"
        case comparisonVerbs = "comparison_verbs"
        case notComparisonBeforeBi = "not_comparison_before_bi"

        // ---- completion against the time elapsed (序时进度)
        case scheduleProgressWords = "schedule_progress_words"
        case bareWanFollowers = "bare_wan_followers"
        case bareYiFollowers = "bare_yi_followers"
        case aheadOfScheduleWords = "ahead_of_schedule_words"
        case behindScheduleWords = "behind_schedule_words"
        case quarterPeriods = "quarter_periods"
        case halfYearPeriods = "half_year_periods"
        case threeQuarterPeriods = "three_quarter_periods"
        case monthRangeSeparators = "month_range_separators"
        case monthEndWords = "month_end_words"

        // ---- shares
        case shareMarkers = "share_markers"
        case notShareWords = "not_share_words"
        case shareBaseSuffixes = "share_base_suffixes"
        case shareRateWords = "share_rate_words"
        case completionShareMarkers = "completion_share_markers"
        case completionShareBases = "completion_share_bases"
        case ownPlanNames = "own_plan_names"
        case budgetKinds = "budget_kinds"
        case besideWholeWords = "beside_whole_words"
        case subtractionWords = "subtraction_words"
        case internalBodyWords = "internal_body_words"
        case territoryWords = "territory_words"
        case progressOpeners = "progress_openers"
        case balanceOpeners = "balance_openers"
        case shareFigureJoiners = "share_figure_joiners"
        case unstatedTotalNames = "unstated_total_names"
        case grandTotalNames = "grand_total_names"
        case fundingBreakdownLabels = "funding_breakdown_labels"
        case classificationWords = "classification_words"

        // ---- years
        case yearLeadWords = "year_lead_words"
        case carryInAfterYear = "carry_in_after_year"
        case carryOutBeforeYear = "carry_out_before_year"
        case comparedYearMarkers = "compared_year_markers"
        case selfReferenceLeads = "self_reference_leads"
        case selfReferenceEnds = "self_reference_ends"

        // ---- targets
        case targetOpeners = "target_openers"

        // ---- subjects
        case organizationSuffixes = "organization_suffixes"
        case subjectOpeners = "subject_openers"
        case subjectClosers = "subject_closers"
        case subjectNouns = "subject_nouns"

        // ---- amounts per unit
        case perUnitWords = "per_unit_words"
        case perUnitAfter = "per_unit_after"

        // ---- scores
        case scoreTotalWords = "score_total_words"
        case fullMarkWords = "full_mark_words"
        case fullMarksWords = "full_marks_words"
        case weightWords = "weight_words"
        case scoringRuleWords = "scoring_rule_words"
        case scoreByRateWords = "score_by_rate_words"
        case flatRunTotalWords = "flat_run_total_words"
        case flatRunGenreWords = "flat_run_genre_words"
        case indicatorLevelEndings = "indicator_level_endings"
        case deductionWords = "deduction_words"

        // ---- tables and lines (the structure stage)
        case tableHeaderWords = "table_header_words"
        case tableInformationKeys = "table_information_keys"
        case tableTotalLabels = "table_total_labels"
        case percentColumnWords = "percent_column_words"
        case amountColumnEndings = "amount_column_endings"
        case tableScoreTotalLabels = "table_score_total_labels"
        case tableContinuationMarks = "table_continuation_marks"
        case lineListOpeners = "line_list_openers"
        case lineStarters = "line_starters"
        case captionWords = "caption_words"
        case moneyUnitWords = "money_unit_words"
        case titleStrongWords = "title_strong_words"
        case titleWords = "title_words"
        case titleBudgetWords = "title_budget_words"
        case titleEndingWords = "title_ending_words"
        case notTitleWords = "not_title_words"
        case chapterWords = "chapter_words"
        case unitCaptions = "unit_captions"
        case emptyCellMarks = "empty_cell_marks"
        case subtotalWords = "subtotal_words"
        case tableNameEndings = "table_name_endings"

        // ---- checks
        case negativeAdjustmentWords = "negative_adjustment_words"
        case planTitleWords = "plan_title_words"
        case reportTitleWords = "report_title_words"
        case evaluationResultsTitleWords = "evaluation_results_title_words"
        case placeSuffixes = "place_suffixes"
        case ownLevelWords = "own_level_words"
        case broadFundScopes = "broad_fund_scopes"
        case narrowFundScopes = "narrow_fund_scopes"
        case subordinateUnitWords = "subordinate_unit_words"
        case markerLookalikes = "marker_lookalikes"
        case otherYearsMatters = "other_years_matters"
        case comparisonQualifiers = "comparison_qualifiers"
        case comparedFigureModifiers = "compared_figure_modifiers"
        case deductionTotalWords = "deduction_total_words"
        case outlineSubjectNouns = "outline_subject_nouns"
        case changeLookalikes = "change_lookalikes"
        case reasonOpeners = "reason_openers"
        case reasonClosers = "reason_closers"
        case deicticWords = "deictic_words"
        case tallyUnits = "tally_units"
        case additionTotalNames = "addition_total_names"
        case compositionOpeners = "composition_openers"
        case compositionClosers = "composition_closers"
        case jointTotals = "joint_totals"
        case jointBudgetTotals = "joint_budget_totals"
        case sideListSubjects = "side_list_subjects"
        case adjustmentChangeWords = "adjustment_change_words"
        case changeFromMarkers = "change_from_markers"
        case planPeriodWords = "plan_period_words"
        case jointChangeSubjects = "joint_change_subjects"
        case partialListOpeners = "partial_list_openers"
        case attributiveEndings = "attributive_endings"
        case accountUnits = "account_units"
        case planCompletionRates = "plan_completion_rates"
        case planFigureWords = "plan_figure_words"
        case doneFigureWords = "done_figure_words"
        case targetLabels = "target_labels"
        case jointTotalScopes = "joint_total_scopes"
        case planClauseOpeners = "plan_clause_openers"
        case planClauseClosers = "plan_clause_closers"
        case titleSubjectEndings = "title_subject_endings"
        case amongMarkers = "among_markers"
        case scoringFormulaWords = "scoring_formula_words"
        case yearRangeJoiners = "year_range_joiners"
        case yearListJoiners = "year_list_joiners"
        case countedTotalUnits = "counted_total_units"
        case shortfallFollowers = "shortfall_followers"
        case restatementOpeners = "restatement_openers"
        case targetOpenerSubjects = "target_opener_subjects"
        case subjectlessClauseVerbs = "subjectless_clause_verbs"
        case ratioShareMarkers = "ratio_share_markers"
        case wholeScopeOpeners = "whole_scope_openers"
        case projectTitleWords = "project_title_words"
        case departmentTitleWords = "department_title_words"
        case unnamedProjectLeads = "unnamed_project_leads"
        case subjectIntroducers = "subject_introducers"
        case multiplicationSigns = "multiplication_signs"
        case staffKindWords = "staff_kind_words"
        case measuredAgainstVerbs = "measured_against_verbs"
        case bareTotalWords = "bare_total_words"
        case targetOpenerCopulas = "target_opener_copulas"
        case relativeYearLookalikes = "relative_year_lookalikes"
        case dueWords = "due_words"
        case basisLeads = "basis_leads"
        case allFundsHeadings = "all_funds_headings"
        case appropriationHeadings = "appropriation_headings"
        case sectionDeictics = "section_deictics"
        case subtotalNameEndings = "subtotal_name_endings"
        case eachMarkers = "each_markers"
        case subjectStateWords = "subject_state_words"
        case subjectReasonWords = "subject_reason_words"
        case purposeWords = "purpose_words"
        case summingPointers = "summing_pointers"
        case narrowingWords = "narrowing_words"
        case tierWords = "tier_words"
        case setApartWords = "set_apart_words"
        case samplingWords = "sampling_words"
        case amongEndings = "among_endings"
        case contrastOpeners = "contrast_openers"
        case reportYearWords = "report_year_words"
        case priorPeriodLeads = "prior_period_leads"
        case intakeWords = "intake_words"

        public var name: String { rawValue }

        /// One line of documentation (`jxlint rules show vocabulary`).
        public var doc: String {
            switch self {
            case .countUnits: return "measure words of counts after a number; the longest wins"
            case .notScoreAfterFen: return "words starting with 分 that make a number before them no score"
            case .percentagePointUnits: return "units of a difference of percentages"
            case .comparatorAtLeast: return "words before a number meaning ≥"
            case .comparatorAtMost: return "words before a number meaning ≤"
            case .comparatorGreater: return "words before a number meaning >"
            case .comparatorLess: return "words before a number meaning <"
            case .trailingAtLeast: return "words after a number meaning ≥"
            case .trailingAtMost: return "words after a number meaning ≤"
            case .previousYear: return "words naming the year before the report's"
            case .currentYear: return "words naming the report's own year"
            case .nextYear: return "words naming the year after the report's"
            case .rangeJoiners: return "what joins the two ends of a range of numbers"
            case .documentReferences: return "words before a number that make it a reference, not a quantity"
            case .leadingConnectives: return "words opening a label that are not part of the name"
            case .trailingFillers: return "words closing a label that are not part of the name"
            case .distributiveMarkers: return "words pairing a list of names with a list of figures"
            case .nameJoiners: return "words joining names in a list"
            case .enumeratorWords: return "enumerators opening a point"
            case .totalMarkers: return "words marking a figure as the total of a list"
            case .totalSuffixes: return "endings of a name that make it the total of what it names"
            case .sumWords: return "words introducing the sum of the figures before them"
            case .wholeFirstMarkers: return "words marking a whole stated before its parts"
            case .listOpenersOf: return "words opening a list of the parts of the figure before"
            case .listOpenersIncluding: return "words opening a list of what the figure before includes"
            case .inclusionMarkers: return "words before a figure that is included in another, not a part of the list"
            case .openListMarkers: return "words after the last part that say the list goes on"
            case .remainderWords: return "words naming the rest of a whole: a list whose last part is so named is complete"
            case .listIntroMarkers: return "words ending a name that introduces the list after it: a list of the parts of the figure so named"
            case .listIntroLeads: return "words opening such a name that are not part of it (main, each)"
            case .listIntroTrails: return "words closing such a name that are not part of it (items, the state of)"
            case .additionMarkers: return "words adding the figures after them to the one before, up to a total named after them"
            case .attainmentVerbs: return "verbs after a figure's name saying it was reached: a share's base may be so worded"
            case .fundingLevelWords: return "words opening the label of one level of government's funds: a list of three levels or more is complete"
            case .partialListWords: return "words saying an enumerated breakdown names only some parts"
            case .subListMarkers: return "words opening the breakdown of one part of a list"
            case .notSubListWords: return "words that start like a sub-list marker but are not"
            case .statusPartWords: return "words of the parts of a count split by status"
            case .thresholdWords: return "words that make a part a count above or below a threshold"
            case .arithmeticWords: return "words that make a figure an input of arithmetic, not a part"
            case .levelNames: return "names of the levels of an indicator tree"
            case .recoveryWords: return "verbs of money taken back, signed like a decrease"
            case .increaseWords: return "verbs of an increase"
            case .decreaseWords: return "verbs of a decrease"
            case .netChangeWords: return "words of a net change: a list opened right after one gives the flows in and out that make it, no parts of the figure before it"
            case .budgetAddedWords: return "verbs of money added to a budget during the year: with a figure withdrawn after it, the two are flows and a change after them is their net"
            case .budgetWithdrawnWords: return "verbs of money withdrawn from a budget during the year (see budget_added_words)"
            case .reachedWords: return "words after a change verb that make the figure the value reached, not the change"
            case .changeRateNouns: return "change words that name the rate of a change: a filler after them (增幅为) states the rate, not a value reached"
            case .bareChangeWords: return "a change verb standing alone as a label: it speaks of the figures right before it"
            case .comparisonMarkers: return "words before what a figure is compared with"
            case .comparisonClosers: return "words closing a comparison"
            case .comparisonBases: return "what a comparison is made against"
            case .comparisonFillers: return "words between a comparison's base and its verb"
            case .yearComparisons: return "comparisons with another year"
            case .priorYearWords: return "names of the previous year in a comparison"
            case .startOfYearWords: return "words naming the start of the year: a comparison with them is with the initial budget"
            case .nonYearBases: return "bases of a comparison that are not a year"
            case .comparedFigureNames: return "names of the figure a comparison is made with"
            case .samePeriodWords: return "words after a year in a comparison naming the same period"
            case .comparisonVerbs: return "verbs whose characters are comparison markers but that compare nothing by themselves"
            case .notComparisonAfterBi: return "characters after 比 that make it no comparison"
            case .notComparisonBeforeBi: return "characters before 比 that make it no comparison"
            case .bareWanFollowers: return "after a figure with a bare ten-thousand, words that make it an amount of ten thousand yuan (besides the end of the text and punctuation)"
            case .bareYiFollowers: return "after a figure with a bare hundred-million, words that make it an amount of hundred million yuan"
            case .scheduleProgressWords: return "names of the share of the year elapsed, which a completion rate is measured against"
            case .aheadOfScheduleWords: return "words before a schedule word saying the completion rate is above it"
            case .behindScheduleWords: return "words before a schedule word saying the completion rate is below it"
            case .quarterPeriods: return "names of the first quarter (25% of the year)"
            case .halfYearPeriods: return "names of the first half year (50% of the year)"
            case .threeQuarterPeriods: return "names of the first three quarters (75% of the year)"
            case .monthRangeSeparators: return "between 1 and N in a range of months from January: N twelfths of the year"
            case .monthEndWords: return "after a month saying the period ends with that month"
            case .shareMarkers: return "words introducing the base of a share"
            case .notShareWords: return "words holding a share marker that make no share (a tax on occupied land, a balance of land taken and made up)"
            case .shareBaseSuffixes: return "endings of a share's base that are not part of its name"
            case .shareRateWords: return "label endings that make a percentage a share"
            case .completionShareMarkers: return "words before a named figure whose percentage follows it: the share of that figure reached"
            case .completionShareBases: return "endings of the names a completion share is measured against (a plan, a budget, a target)"
            case .besideWholeWords: return "categories listed right after a whole's parts that stand beside the whole (retired staff after the serving staff's list)"
            case .budgetKinds: return "the budgets a report may give one after another, each with rows of the same names (a heading or table title naming one starts its part)"
            case .ownPlanNames: return "a share's base named only as a plan or budget: each part's own plan, never a whole the parts share"
            case .shareFigureJoiners: return "what may stand between a share's base figure and its percentage"
            case .unstatedTotalNames: return "names of a total a share refers to without stating it (the sum of the listed items)"
            case .grandTotalNames: return "names of a grand total (total revenue, total spending): such a figure is about the whole text's subject, not the clause before it"
            case .classificationWords: return "after 按 at a clause start, words that make the clause a breakdown of the figure before it in full (按支出功能分类：…)"
            case .fundingBreakdownLabels: return "a form row so labelled names the sources of the form's total, the row below gives their amounts"
            case .yearLeadWords: return "words before a year that still let it open its clause"
            case .carryInAfterYear: return "words right after 上年 that name this year's carried-in funds"
            case .subtractionWords: return "words opening a figure's label that take it away from the figure before (a list with one is not a sum of its parts)"
            case .internalBodyWords: return "words naming the internal departments of a body: counted, they are no part of a count of bodies"
            case .territoryWords: return "words naming a whole territory (the whole county): a figure so named is no part of a figure of a part of it"
            case .progressOpeners: return "words opening a figure's label that state progress so far (paid to date): no part of a list"
            case .balanceOpeners: return "words before a figure that set two sides against each other (what remains is no part of a list)"
            case .carryOutBeforeYear: return "words right before the next year's name that say where this year's funds go, not the year of the figure"
            case .comparedYearMarkers: return "characters right before a year that make it a year compared with"
            case .selfReferenceLeads: return "words opening the clause in which the text names itself (the year there is the report's own)"
            case .selfReferenceEnds: return "words after the year, in its sentence, that close such a clause"
            case .targetOpeners: return "words opening a sentence whose figures are targets, not results"
            case .organizationSuffixes: return "endings of an organization's name: a label naming only the reporting organization names no subject of its own"
            case .subjectOpeners: return "words opening a clause that names a sentence's subject"
            case .subjectClosers: return "words closing such a clause"
            case .subjectNouns: return "endings of a subject name"
            case .perUnitWords: return "words in a label that make an amount per person, per unit or a standard: in 元 by nature"
            case .perUnitAfter: return "what right after an amount makes it per unit"
            case .scoreTotalWords: return "labels of the total score of an evaluation"
            case .fullMarkWords: return "labels of the full mark of an evaluation"
            case .fullMarksWords: return "words saying an indicator got its full weight"
            case .weightWords: return "words naming an indicator's weight before its figure"
            case .scoringRuleWords: return "words of a scoring rule, whose figures are no scores"
            case .scoreByRateWords: return "words saying a score is the weight times a rate"
            case .flatRunTotalWords: return "the label of the total that closes an indicator sheet flattened into one run of text"
            case .flatRunGenreWords: return "words that show a flattened run of names and bare numbers is an indicator sheet"
            case .indicatorLevelEndings: return "endings of a name of a level of indicators (产出指标), not of an indicator"
            case .deductionWords: return "words before the points an indicator lost (扣1分): its weight less them is its score"
            case .tableHeaderWords: return "words that make a table cell look like a column title"
            case .tableInformationKeys: return "keys of the information rows a project form starts with"
            case .tableTotalLabels: return "endings of a row label that make the row a total of the rows above"
            case .percentColumnWords: return "words of a column header that, under a unit line listing % beside a money unit (ten-thousand yuan and %), make the column percentages"
            case .amountColumnEndings: return "endings of a column header that keep it an amount even so (an amount of change, a number done)"
            case .tableScoreTotalLabels: return "row labels of a score sheet's total row"
            case .tableContinuationMarks: return "what a line between two table pieces says when the second continues the first"
            case .lineListOpeners: return "endings of a line whose next lines list its items (one paragraph with it)"
            case .lineStarters: return "line starts that never continue the paragraph before"
            case .captionWords: return "words of a table's caption line"
            case .moneyUnitWords: return "money units a table's caption or header may state"
            case .titleStrongWords: return "words that make a line the report's title (strongest)"
            case .titleWords: return "words that make a line the report's title"
            case .titleBudgetWords: return "budget words of a title"
            case .titleEndingWords: return "endings of a title line"
            case .notTitleWords: return "words that make a line no title (a table of contents, an address)"
            case .chapterWords: return "words after 第N that make a chapter heading"
            case .unitCaptions: return "words introducing a table's unit"
            case .emptyCellMarks: return "cell texts that state a zero (-, — …)"
            case .subtotalWords: return "words naming a row that totals one group of a table"
            case .tableNameEndings: return "endings of a table's name (…自评表): such a text titles no column"
            case .negativeAdjustmentWords: return "words in an adjustment's label that make it a reduction"
            case .planTitleWords: return "words of a title that make the document a budget plan for the coming year"
            case .reportTitleWords: return "words of a title that make it a report on a year's execution, even with a plan word"
            case .evaluationResultsTitleWords: return "words of a title that make it the results of an evaluation of the year before"
            case .placeSuffixes: return "endings of a place's name (a county, a district, a town): a figure named by a place alone is what that place got of something the sentence names"
            case .ownLevelWords: return "words naming one level of government's own share (the city's own budget level), which the whole territory's figure (territory_words) is not"
            case .broadFundScopes: return "words naming a broad scope of public funds (all fiscal funds): a part named so holds a part named alike with a narrow scope"
            case .narrowFundScopes: return "words naming one budget of public funds (the general public budget): a part named so, after one named alike with a broad scope, is nested in it, not its sibling"
            case .subordinateUnitWords: return "words naming a department's subordinate units: a whole stated for them too is more than its own level's figures (own_level_words) and what it passed down"
            case .otherYearsMatters: return "words of a paragraph about another year's matters (rectification, carry-overs): its years do not tell which year the report is on"
            case .markerLookalikes: return "words that merely contain a one-character total marker (total_markers, whole_first_markers): no total is marked inside them"
            case .comparisonQualifiers: return "words that qualify how a comparison is made (on a like-for-like basis): before the comparison marker they name no subject"
            case .compositionOpeners: return "words opening the parts a figure is made of (made up of A and B): the figure before is their whole"
            case .jointTotals: return "names of the revenue and spending totals together (both totals rose by one amount): a change of them each is a change of the two equal totals stated before"
            case .jointBudgetTotals: return "names of one figure that is both the revenue and the spending total (a budget whose two sides balance)"
            case .sideListSubjects: return "a side of such a total opening a list of its parts (revenue includes …; spending includes …)"
            case .adjustmentChangeWords: return "a budget adjustment stated as the difference of the figures before it (from A adjusted to B, adjusted by D)"
            case .changeFromMarkers: return "the word after the figure a change starts from, ending the name before it (from A to B)"
            case .attributiveEndings: return "endings of a clause describing what a label names (a relative clause before its item): what is left of a label before its item or measure that ends with one is no subject of its own"
            case .planCompletionRates: return "endings of the label of a completion rate measured against a plan figure of its sentence: the figure done over the plan"
            case .doneFigureWords: return "words in a figure's label that make it what was done when they come before its plan word (the plan met, or the amount done), never the plan of a completion rate"
            case .targetLabels: return "names that are a target or a plan and nothing more: a figure so named is what was aimed at, no part of a list of what was done"
            case .jointTotalScopes: return "the funds or the body a joint total may be named with, before its name (the appropriation's income and spending totals both changed)"
            case .planClauseOpeners: return "words opening a clause that states a plan: the figures of the clauses after it in its sentence are planned too, until one names what was done"
            case .planClauseClosers: return "words in a clause's first name that end a plan's clauses (what was done)"
            case .titleSubjectEndings: return "words after a name in the title that make it what the report is on (a project, a fund): a figure named with it is the whole's"
            case .amongMarkers: return "words after a count and its noun, before the figure done among them: the count is what a completion rate is of"
            case .yearRangeJoiners: return "words between two years that make them a range (2022 to 2024): years listed so before a distributive word date the figures after it one by one"
            case .shortfallFollowers: return "words right after a figure that make it what is still missing (not yet arrived): no part of a list"
            case .restatementOpeners: return "words opening a bracket that restates the figure before it in another unit"
            case .targetOpenerSubjects: return "subjects that may stand before a target opener at the start of a sentence: whose targets follow"
            case .ratioShareMarkers: return "words between two names before a percentage and 的 that make it the first over the second"
            case .projectTitleWords: return "words of a title that make the report one on a project: a figure named only as the project's is the whole's"
            case .departmentTitleWords: return "words of a title that make the report one on a department as a whole, whatever projects it names"
            case .unnamedProjectLeads: return "words right before a title's project word that name no project (the year's projects)"
            case .subjectIntroducers: return "words in a sentence's first clause that single out the subject named after them (the lowest is)"
            case .multiplicationSigns: return "signs and words of a product written out (times): a figure right after one is a factor of a formula"
            case .staffKindWords: return "kinds of posts and staff (administrative, public institution): counts of people each named first by another kind are all of their whole"
            case .measuredAgainstVerbs: return "verbs opening a clause that measures the figure before against another (falls short of, exceeds): the other is of the same kind"
            case .bareTotalWords: return "words that, alone before a figure in its clause, make it the total of the parts before it (in all)"
            case .targetOpenerCopulas: return "words between a target opener and the colon after it (the targets are: …): a sentence whose first clause so ends lists targets"
            case .relativeYearLookalikes: return "words that hold a relative year's word from their second character on and are none (plus the year's start): no year is read there"
            case .dueWords: return "words right before a name that make it the figure due (the people due to be insured): no base of a share named without them"
            case .allFundsHeadings: return "words of a heading or table title over the department's funds of all sources (the final account's overview), whose categories' figures are not those of its appropriations"
            case .appropriationHeadings: return "words of a heading or table title over the department's appropriations only: its categories' figures are not those of all its funds"
            case .subjectReasonWords: return "words right after a subject's name that open the reason for how its money went (delayed by a late purchase): the figures after the clause are that subject's, however long the reason"
            case .subjectStateWords: return "words right after a subject's name in a first clause that tell how its spending goes (its spending lags behind): the figures after the clause are that subject's"
            case .purposeWords: return "words after an amount's name saying what it is used for: a count after one counts what the money went to, no part of a list"
            case .summingPointers: return "words opening a name that sums up the items above it (the three above in all): no threshold of a scoring rule, and the score of the item whose text it closes"
            case .narrowingWords: return "words put before a part's name that make it some of that part (the qualified ones of them): a part so named right after it is no sibling"
            case .tierWords: return "words right after an amount that make it the name of a tier of a scale (the 30-thousand tier): no part of a list"
            case .samplingWords: return "words in a figure's name that make the things it counts a sample taken (checked on site, spot-checked): its parts are some of those things, not all"
            case .contrastOpeners: return "words opening a clause after a semicolon that turn to a contrast (but, however): what follows is no further part of the list before"
            case .intakeWords: return "words naming what came in during the year (newly received, newly added): a count so named is no part of a count standing at the year's start"
            case .priorPeriodLeads: return "words opening the name of the period before (the last heating season, the previous term): after a comparison marker, a figure so named and joined by 的 is the one compared with; so named after another figure, the earlier of a change"
            case .reportYearWords: return "words naming the report's own year (this year), unlike a word for the year just named (that year): a clause opening with one after another year's figure compares with it"
            case .amongEndings: return "words ending a clause that picks out a group (among the patients registered that year; among the 147 disabled): a year there dates that group, not the figures of the clauses after; after a count, the figures after it are that group's"
            case .setApartWords: return "words opening a label that set its figure apart from the total stated before it (besides, in addition): not added into that total"
            case .eachMarkers: return "words inside a label, after the things named, that make its figure one for each of them (a test room in each of 16 townships): no part of a total"
            case .subtotalNameEndings: return "endings of a name before a score's total word that make it a part's subtotal (the benefit indicators' total score), not the evaluation's"
            case .sectionDeictics: return "words opening a label that point back at the part of the text it stands in (this part, this indicator): two such figures in two paragraphs are two parts'"
            case .basisLeads: return "words opening the basis a figure was reckoned by (by the current standard): a per-unit word right after one names the basis, not the figure"
            case .wholeScopeOpeners: return "words opening a figure's name that make it the whole's (the whole year's spending), not the item of the clause before"
            case .subjectlessClauseVerbs: return "verbs opening a clause after a list's \"；\" with no subject of their own: the sentence's subject goes on, the list has ended"
            case .countedTotalUnits: return "words after a numeral in a total's label that count its parts (three items in all): the total is of the last that many figures"
            case .yearListJoiners: return "marks joining listed years or listed figures (and, the list comma)"
            case .scoringFormulaWords: return "words of a scoring formula in words (times): a figure so labelled is the formula's, not a weight, unless a score follows it in its sentence"
            case .planFigureWords: return "words in a figure's label that make it the plan a completion rate is measured against"
            case .accountUnits: return "money units of a department's accounts: a list of parts stated to the cent in one of them, whose fractions add up to the whole's, is the whole's full breakdown (headline figures in larger units list a few categories)"
            case .partialListOpeners: return "words opening, right after a figure, a list of some of its parts (the figure, mainly A a and B b): the parts and their bare shares are of that figure, and the list is never complete"
            case .jointChangeSubjects: return "the revenue and spending totals named together as the subject of a comparison with the year before (revenue and spending fell by D): a change of each of the two equal totals stated before"
            case .planPeriodWords: return "words of the period before a plan's name in a completion share (the year's budget): the plan stated before may be named without them"
            case .compositionClosers: return "words closing the parts a figure is made of: the list between the opener and them is complete"
            case .additionTotalNames: return "words naming the total an addition makes (spending plus transfers, total spending): the first figure after the addition named with one is that total"
            case .comparedFigureModifiers: return "words before the repeated name of the figure compared with (last year's cumulative spending): the name that follows is still the same figure's"
            case .tallyUnits: return "measure words of counts that still count when the next figure follows straight on (households, then the people in them)"
            case .deductionTotalWords: return "words opening the points lost in all after the points lost one by one (in all it lost 9 points): that figure is their total"
            case .deicticWords: return "words that point back at something named before (this indicator): a name opening with one names nothing of its own"
            case .changeLookalikes: return "names of an amount that end in a verb of change (the amount a review cut): a figure so named is no change"
            case .reasonOpeners: return "words opening a reason inside a label (because, owing to): from there to a `reason_closers` word the label gives a cause, not a name"
            case .reasonClosers: return "words closing a reason inside a label (and other reasons, the needs of)"
            case .outlineSubjectNouns: return "endings that make a numbered heading's first clause a subject of its own (an expense, a spending): figures under two such headings are about two things"
            }
        }
    }

    /// The word set of each class, at the class's declaration index: read in every per-fact and
    /// per-cell step, where hashing the class into a dictionary was a per cent of a batch.
    private var sets: [WordSet]

    public init(_ sets: [Class: WordSet] = [:]) {
        var byIndex = [WordSet](repeating: WordSet(), count: Class.allCases.count)
        for (c, set) in sets { byIndex[c.index] = set }
        self.sets = byIndex
    }

    public subscript(_ c: Class) -> WordSet { sets[c.index] }

    /// The words of several classes as one set.
    public func union(_ classes: Class...) -> WordSet {
        var out = WordSet()
        for c in classes { out.add(self[c].words) }
        return out
    }

    /// Adds the words of another vocabulary (an extension folder) to each class.
    public func extended(with other: Vocabulary) -> Vocabulary {
        var out = self
        for c in Class.allCases where !other[c].words.isEmpty { out.sets[c.index].add(other[c].words) }
        return out
    }

    /// Reads a vocabulary file. `complete`: every class must be defined (the default set, or a rule
    /// set of one's own); an extension may define some.
    public static func load(_ text: String, file: String, complete: Bool = true) throws(TOMLError) -> Vocabulary {
        let root = try RuleFiles.parse(text, file: file)
        let names = Set(Class.allCases.map(\.rawValue))
        try root.checkKeys(allowed: names, file: file)
        var sets = [Class: WordSet](minimumCapacity: Class.allCases.count)
        for c in Class.allCases {
            guard let node = root[c.rawValue] else {
                if complete { throw root.error("missing word class '\(c.rawValue)' (\(c.doc))", file: file) }
                continue
            }
            let words = try node.strings(file: file, key: c.rawValue)
            if let empty = words.firstIndex(where: \.isEmpty) {
                throw node.error("word class '\(c.rawValue)': entry \(empty + 1) is empty", file: file)
            }
            sets[c] = WordSet(words)
        }
        return Vocabulary(sets)
    }

    /// The vocabulary of the default rule set, embedded in the binary.
    public static let embedded: Vocabulary = {
        guard let file = EmbeddedRules.files.first(where: { $0.name == "vocabulary.toml" }),
              let vocabulary = try? load(file.text, file: "rules/vocabulary.toml") else { return Vocabulary() }
        return vocabulary
    }()
}

extension Vocabulary.Class {
    /// The class's declaration index. A case without a payload is stored as that index, so reading
    /// it costs nothing (a test checks it against `allCases`; past 256 classes the cast traps).
    @inlinable public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
