import Foundation
import JXCore

// Every check family and named check, with what a rule of it may set: its parameters (type,
// default, documentation), the placeholders of its message, its alternative messages and its
// evidence templates. Rule files are validated against this table; checks read parameters and
// fill in templates only through the typed constants below.

/// Findings one family hands to another (a sum that holds once a unit is read otherwise is a unit
/// slip, not a sum slip): the receiving check declares the kind it reports.
public enum Handover: String, Sendable {
    /// A relation that holds once a figure is read in the other money unit.
    case unitSlip = "unit slip"
    /// A relation that holds between figures dated to different years.
    case yearSlip = "years of a relation"
}

public struct CheckDeclaration: Sendable {
    public var kind: RuleKind
    /// nil for formula rules.
    public var check: String?
    public var doc: String
    public var parameters: [ParameterDeclaration]
    /// Placeholders of the rule's `message` besides `{label}`.
    public var messageSlots: [Slot]
    public var messages: [TemplateDeclaration]
    public var evidence: [TemplateDeclaration]
    /// Findings handed over by other families that this check reports.
    public var receives: Handover?

    init(_ kind: RuleKind, _ check: String?, doc: String, parameters: [ParameterDeclaration] = [], messageSlots: [Slot] = [],
         messages: [MessageTemplate] = [], evidence: [EvidenceTemplate] = [], receives: Handover? = nil) {
        self.kind = kind
        self.check = check
        self.doc = doc
        self.parameters = parameters
        self.messageSlots = messageSlots
        self.messages = messages.map(\.declaration)
        self.evidence = evidence.map(\.declaration)
        self.receives = receives
    }

    /// Every parameter a rule of this check may set, the common ones first.
    public var allParameters: [ParameterDeclaration] { CheckDeclarations.common + parameters }
}

// MARK: parameters

extension Parameter where Value == Decimal {
    /// Common to every rule.
    public static let mergeRank = Parameter("merge_rank", default: 0,
        doc: "when several findings point at one place, the rule with the highest rank reports it (the others become its notes)")
    public static let nearRatio = Parameter("near_ratio", default: Decimal(string: "0.02")!,
        doc: "how far short of the whole (a share of it) the parts may fall and still be taken for a complete list with a slip")
    public static let dominance = Parameter("dominance", default: 3,
        doc: "how many times more amounts the report states in its usual unit than in the other")
    public static let maxYuanAmount = Parameter("max_yuan_amount", default: 1_000_000,
        doc: "amounts in yuan at or above this are plausible whatever the report's unit")
    public static let minIntegerYuan = Parameter("min_integer_yuan", default: 100,
        doc: "a whole number of yuan at least this large, named as funds, is out of scale in a report counting in 万元")
    public static let aboveLargest = Parameter("above_largest", default: 2,
        doc: "a yuan amount that read as wan yuan exceeds the report's largest wan-yuan amount this many times over is no slip")
    public static let sizeMargin = Parameter("size_margin", default: 10,
        doc: "in a short text of few wan-yuan amounts, a lone yuan amount read as wan yuan must lie within this factor of their range")
    public static let listMargin = Parameter("list_margin", default: 20,
        doc: "a yuan amount listed between wan-yuan amounts is out of scale, whatever it names, when read as wan yuan it lies within this factor of theirs")
    public static let factor = Parameter("factor", default: 100,
        doc: "how many times the largest yuan amount an amount in wan yuan must exceed to be out of scale")
    public static let excellent = Parameter("excellent", default: 90, doc: "lowest total score of the top grade")
    public static let good = Parameter("good", default: 80, doc: "lowest total score of the second grade")
    public static let passMark = Parameter("pass_mark", default: 60, doc: "lowest total score of a passing grade")
}

extension Parameter where Value == Int {
    public static let minThresholdYuan = Parameter("min_threshold_yuan", default: 1000,
        doc: "a value threshold of an asset count in yuan below this is in another unit (an asset is recognised from 1,000 yuan)")
    public static let minRangeRatio = Parameter("min_range_ratio", default: 1000,
        doc: "the ends of a range of money whose units differ 10,000-fold or more are this many times apart or more only when one unit slipped")
    public static let yuanPlaces = Parameter("yuan_places", default: 2,
        doc: "the most decimal places an amount in yuan can have (the fen): one stated finer is in another unit")
    public static let minWanYuanAmounts = Parameter("min_wan_yuan_amounts", default: 5,
        doc: "a report counts in wan yuan (10,000 yuan) when it states at least this many amounts in wan yuan")
    public static let minSeries = Parameter("min_series", default: 3,
        doc: "a whole number of yuan is out of scale, however small, when at least this many amounts stated under the very same label are in wan yuan")
    public static let sharedNameLength = Parameter("shared_name_length", default: 4,
        doc: "a small whole number in yuan and in wan yuan is one amount in two units when their labels share a run of this many Chinese characters")
    public static let minYuanAmounts = Parameter("min_yuan_amounts", default: 5,
        doc: "a report counts in yuan when it states at least this many amounts in yuan")
    public static let maxYearDistance = Parameter("max_year_distance", default: 10,
        doc: "how many years from the fiscal year the year meant by a malformed one may lie")
    public static let minScopeLength = Parameter("min_scope_length", default: 4,
        doc: "the fewest characters of a project's own name for its text and table figures to be compared")
    public static let aliasReach = Parameter("alias_reach", default: 30,
        doc: "how many characters may lie between a year's figure and the year of its short name")
    public static let minTitleLength = Parameter("min_title_length", default: 8,
        doc: "the fewest characters (years, digits and marks left out) a title and its repeat must share")
    public static let pairReach = Parameter("pair_reach", default: 12,
        doc: "how many characters after a year its account or budget words may stand")
    public static let nounReach = Parameter("noun_reach", default: 16,
        doc: "how many characters after a year, within its clause, a fiscal noun may stand and still be dated by it")
}

extension Parameter where Value == [Int] {
    public static let offsets = Parameter("offsets", default: [-1],
        doc: "which years, counted from the fiscal year, are suspect in a statement about the fiscal year")
}

extension Parameter where Value == Bool {
    public static let partialColumns = Parameter("partial_columns", default: false,
        doc: "in the table frame, the figures may be some rows of their columns (a decomposition of named items, such as one row and its two parts), not the whole columns")
    public static let wholePercentsCutDown = Parameter("whole_percents_cut_down", default: false,
        doc: "a rate on the left written as a whole percentage may be cut down rather than rounded (18% for 18.75%)")
    public static let sumsBeforeTotal = Parameter("sums_before_total", default: false,
        doc: "when the other terms are stated before the left side, a figure in a later sentence than it is no term of a sum(): what follows the total breaks it down another way")
    public static let unlessTargeted = Parameter("unless_targeted", default: false,
        doc: "the formula does not apply where its frame also states a bound for one of its rates (an indicator row \"≥98% | 97.59%\" is scored against its target)")
}

extension Parameter where Value == String {
    public static let writtenUnit = Parameter("written_unit", default: "yuan", allowed: ["yuan", "wan-yuan"],
        doc: "the unit the slipped figure is written in: yuan (written in yuan, meant in wan yuan) or wan-yuan (written in wan yuan, meant in yuan, in a report counting in yuan)")
}

extension Parameter where Value == WordSet {
    public static let perUnitWords = Parameter("per_unit_words", doc: "words in a label that make an amount per person, per unit or a standard, beside the vocabulary's per_unit_words")
    public static let perUnitAfter = Parameter("per_unit_after", doc: "what right after an amount makes it per unit, beside the vocabulary's per_unit_after")
    public static let leftNames = Parameter("left_names", doc: "names of the first of two totals a statement balances by construction (the grand total of income)")
    public static let rightNames = Parameter("right_names", doc: "names of the second of them (the grand total of spending)")
    public static let nameFillers = Parameter("name_fillers", doc: "words between such a name and its figure")
    public static let fiscalWords = Parameter("fiscal_words", doc: "words in a label that make an amount a budget, spending or fund figure")
    public static let integerMeasures = Parameter("integer_measures", doc: "concept measures (lexicon ids) whose whole-yuan amounts are still suspect")
    public static let fiscalNouns = Parameter("fiscal_nouns", doc: "nouns right after a year that date a budget, final account or evaluation")
    public static let comparisonWords = Parameter("comparison_words", doc: "words in the sentence that make it a comparison with another year")
    public static let basisNouns = Parameter("basis_nouns", doc: "words after a year the basis words open that make the whole year before a basis of a reckoning (its audited profit, its census)")
    public static let basisOpeners = Parameter("basis_openers", doc: "words right before the end of the year before that make it the basis of a reckoning (by the population at the end of last year)")
    public static let comparisonHeadings = Parameter("comparison_headings", doc: "words of a heading whose section compares the year with those before it (compared with last year): a year before stated there is meant")
    public static let currentYearWords = Parameter("current_year_words", doc: "words naming the report's year without its number; one compared with the year before later in a sentence the year before opens makes that year the base")
    public static let besideTotalWords = Parameter("beside_total_words", doc: "names of rows that stand beside a table's total rather than in it (transfers out, carry-overs): the last row above a total, so named, is left out when the rows above it make the total")
    public static let accountActWords = Parameter("account_act_words", doc: "what is done in a year to the final account of the year before (published, approved, audited): a year that names such an account is that year's")
    public static let likewiseWords = Parameter("likewise_words", doc: "words right after a year that say it was the same as the year the text reports on (also, likewise)")
    public static let priorComparisonWords = Parameter("prior_comparison_words", doc: "words comparing with the year before without naming it (than last year): figures so compared are the text's own year's")
    public static let changeColumnWords = Parameter("change_column_words", doc: "words of a column header that make it a change against the year before")
    public static let executionColumnWords = Parameter("execution_column_words", doc: "words of a column header that make it a rate of the columns before it within one year (execution, completion)")
    public static let comparedBaseWords = Parameter("compared_base_words", doc: "words right after a year compared with that name what of that year is compared (its final account, its execution)")
    public static let governedCrossYearWords = Parameter("governed_cross_year_words", doc: "words spanning years that excuse only the clauses the year governs (up to the clause naming another year)")
    public static let relativeDates = Parameter("relative_dates", doc: "dates relative to the year (去年底) that compare nothing: not comparison words")
    public static let crossYearWords = Parameter("cross_year_words", doc: "words in the sentence that make it span years (a history, a carry-over, a rectification)")
    public static let titleEndings = Parameter("title_endings", doc: "endings of a line at the report's opening that make it a title")
    public static let bonusWords = Parameter("bonus_words", doc: "words naming points added: a text with them states no score as the full mark less the points lost")
    public static let asOfWords = Parameter("as_of_words", doc: "words before a date that state figures as of it (the end of the year reported on)")
    public static let openingWords = Parameter("opening_words", doc: "words between the clause start and a year that still let it govern the clause (besides year_lead_words)")
    public static let scopeMarkers = Parameter("scope_markers", doc: "words ending the text before a year that make it the scope of an action (the department evaluated the budget of that year)")
    public static let scopeSubjects = Parameter("scope_subjects", doc: "nouns opening a clause that names what an evaluation covers: a year after one of them and a scope_copulas word dates the evaluation")
    public static let scopeCopulas = Parameter("scope_copulas", doc: "what may stand between a scope_subjects noun and the year it is dated to (the copula, with a verb of use after it)")
    public static let planBudgetWords = Parameter("plan_budget_words", doc: "words stating a budget, which in a budget plan date the plan's own year")
    public static let planActualWords = Parameter("plan_actual_words", doc: "words of spending or a final account, which a budget plan may state for the year before")
    public static let planComparisonWords = Parameter("plan_comparison_words", doc: "words comparing with the year before, which in a budget plan make the stated budget the plan's own")
    public static let adjustedBasisWords = Parameter("adjusted_basis_words", doc: "words in the label of a change or rate that make it a change on an adjusted basis (like for like, or net of some factor), not the change of the figures as written")
    public static let flatWords = Parameter("flat_words", doc: "words saying a figure stayed the same from one year to the next")
    public static let subjectWords = Parameter("subject_words", doc: "words in a label that name the department or the whole as its subject")
    public static let selfWords = Parameter("self_words", doc: "words of the department naming itself")
    public static let labelModifiers = Parameter("label_modifiers", doc: "words removed from a label before comparing, in this order")
    public static let carriedMeasures = Parameter("carried_measures", doc: "lexicon measures of money carried from one year into the next (carried over, carried in): the same figure is one year's and the next's")
    public static let findingVerbs = Parameter("finding_verbs", doc: "verbs ending a label that name what a check found, the thing found named after the figure (a check found 6 villages' projects): such a label names no subject")
    public static let grandTotalWords = Parameter("grand_total_words", doc: "words naming a grand total (the year's own figure and the funds carried in), which a figure of the year's own is not")
    public static let ownYearWords = Parameter("own_year_words", doc: "words naming the year's own figure, which a grand total is not")
    public static let criteriaWords = Parameter("criteria_words", doc: "words in a score's label that make it a scoring criterion, not a score")
    public static let planCaptionWords = Parameter("plan_caption_words", doc: "words of a budget plan's table captions: a caption so worded names the plan's own year")
    public static let planOwnWords = Parameter("plan_own_words", doc: "words of statements a budget plan's template makes of its own year only")
    public static let planCurrentWords = Parameter("plan_current_words", doc: "words right after a year in a budget plan that name it the plan's own (this year)")
    public static let totalHeaders = Parameter("total_headers", doc: "endings of a column header that make it the total of the money columns after it")
    public static let notPartHeaders = Parameter("not_part_headers", doc: "words of a column header that end a total's parts (rates, comparisons)")
    public static let ownBalanceWords = Parameter("own_balance_words", doc: "words of a year's own closing balance, which spans no years however it is carried on")
    public static let executionWords = Parameter("execution_words", doc: "words right after a year naming its execution figures, reported before its final account")
    public static let finalWords = Parameter("final_words", doc: "words of a final account's figures")
    public static let actualWords = Parameter("actual_words", doc: "words of a year's execution or final account, which a budget plan may give the year before")
    public static let aliasMarkers = Parameter("alias_markers", doc: "words opening a bracket that gives a figure a short name")
    public static let accountWords = Parameter("account_words", doc: "words right after a year naming its final account or budget execution")
    public static let draftWords = Parameter("draft_words", doc: "words right after a year naming the next budget, drafted or half run")
    public static let pairJoiners = Parameter("pair_joiners", doc: "words joining an account's year to the next budget's")
    public static let perYearWords = Parameter("per_year_words", doc: "words in a table column's title that make its figures amounts per year (yearly interest): the same in every year")
    public static let carriedFollowers = Parameter("carried_followers", doc: "words right after a figure of the next year saying it is carried over into it: the report's year's money")
    public static let deadlineFollowers = Parameter("deadline_followers", doc: "words after a later year (and its month) that make it a deadline for paying the report's year's money, not the figure's year")
    public static let advanceAllocationWords = Parameter("advance_allocation_words", doc: "words of funds issued by a higher level, which it may issue the year before the year they are for: a figure so dated the year before may be the report's year's money")
    public static let datelineRelativeWords = Parameter("dateline_relative_words", doc: "words dating a figure relative to when the text was written (last year, this year), not to the year it reports on")
    public static let benchmarkLeads = Parameter("benchmark_leads", doc: "words opening a label that make the figure a difference from a benchmark (above the provincial average), named by the benchmark, not by its subject")
    public static let reverseWords = Parameter("reverse_words", doc: "words in an indicator's name that make lower better (a target without comparator is then a ceiling)")
    public static let completedWords = Parameter("completed_words", doc: "status texts (prefixes) that declare an indicator met")
    public static let completionHeaders = Parameter("completion_headers", doc: "headers of an indicator table's column that states the actual value as a share of the target")
    public static let missedWords = Parameter("missed_words", doc: "status texts that declare an indicator missed")
    public static let proseTargetWords = Parameter("prose_target_words", doc: "endings of the label of an indicator's target in running text")
    public static let proseActualWords = Parameter("prose_actual_words", doc: "words of the label of an indicator's actual value in running text, after its target")
    public static let proseClaimWords = Parameter("prose_claim_words", doc: "words after an indicator's actual value in its sentence that declare the target met")
    public static let totalWords = Parameter("total_words", doc: "words in a label that make a score the total score")
    public static let lostInAllWords = Parameter("lost_in_all_words", doc: "how the label of the points lost in all, right after the total score, reads")
    public static let thresholdOpeners = Parameter("threshold_openers", doc: "words ending the label of a value threshold an asset count is made from")
    public static let thresholdItems = Parameter("threshold_items", doc: "words of the assets counted right after such a threshold")
    public static let itemScoreWords = Parameter("item_score_words", doc: "words ending a label after an item's quoted name that make the figure its score")
    public static let completeFirstLevels = Parameter("complete_first_levels", doc: "the first-level indicators of an evaluation, each as its names joined by |: scores listed under names covering all of them are the whole evaluation")
    public static let gradeMarkers = Parameter("grade_markers", doc: "words introducing the grade of an evaluation")
    public static let countedGradeLinks = Parameter("counted_grade_links", doc: "words between a grade and a count after it that make the grade a class of things counted (the projects graded so), not a grade given")
    public static let gradeFillers = Parameter("grade_fillers", doc: "characters skipped between a grade marker and the grade")
    public static let excellentNames = Parameter("excellent_names", doc: "names of the top grade")
    public static let goodNames = Parameter("good_names", doc: "names of the second grade")
    public static let passNames = Parameter("pass_names", doc: "names of a passing grade")
    public static let failNames = Parameter("fail_names", doc: "names of a failing grade")
    public static let patterns = Parameter("patterns", doc: "texts that must not appear (matched literally)")
    public static let boundedRateWords = Parameter("bounded_rate_words", doc: "names of rates that are a part of a whole and cannot exceed 100% (pass rates, satisfaction rates)")
    public static let rateFillers = Parameter("rate_fillers", doc: "words that may stand between a rate's name and its figure (verbs of being or reaching)")
    public static let completionVerbs = Parameter("completion_verbs", doc: "verbs naming a rate of things done (arrived, paid, issued) by the two characters before its 率")
    public static let wholeWords = Parameter("whole_words", doc: "words before such a verb that declare all of it done (in full)")
    public static let declaredHedges = Parameter("declared_hedges", doc: "words in the declaration's clause before its whole word that take the whole back (basically, except, not yet)")
    public static let timelyEndings = Parameter("timely_endings", doc: "words ending a rate's name that say on time: a count whose label has one of `timely_words` is the one it names")
    public static let timelyWords = Parameter("timely_words", doc: "words in a count's label that say it was done on time (on schedule, within the time limit)")
    public static let ratioNegators = Parameter("ratio_negators", doc: "words right before the rate's name in a count's label that make the count the rest, the rate its complement")
    public static let ratioEndings = Parameter("ratio_endings", doc: "words ending the name of a rate that is a count over a count (rate, ratio), whose two characters before name the counted part")
    public static let averageWords = Parameter("average_words", doc: "words in a label that make an amount an average per person or per thing (per student, per household)")
    public static let sameThings = Parameter("same_things", doc: "measure words that count the same things, joined by | (a person counted in two words)")
    public static let yearPeriods = Parameter("year_periods", doc: "period words of a standard that is a year's money per head or thing (per head and year): the count is of heads, no periods")
    public static let periodWords = Parameter("period_words", doc: "words after an average's word that make it an average per period (per month), not the total over the count")
    public static let sharedItems = Parameter("shared_items", doc: "lexicon items every instance of a kind has (each survey its valid questionnaires): no subject named by the item alone")
    public static let perWords = Parameter("per_words", doc: "words before a thing that make the amount after it a standard per that thing (per lift, per mu)")
    public static let standardWords = Parameter("standard_words", doc: "words naming a standard, which may close its figure's clause before the amount it gives (by a standard of 200,000 yuan per lift)")
    public static let minusWords = Parameter("minus_words", doc: "verbs before a figure that take it off the figure before (deducting)")
    public static let afterWords = Parameter("after_words", doc: "words right after the figure taken off that say what remains follows (after which)")
    public static let basisAverageWords = Parameter("basis_average_words", doc: "words opening a standard reckoned per head or thing, the thing between their first and last character (by so much per head)")
    public static let increaseWords = Parameter("increase_words", doc: "words ending a figure's label that add it to the stock stated before it (newly added, brought in)")
    public static let decreaseWords = Parameter("decrease_words", doc: "words ending a figure's label that take it off the stock stated before it (written off, removed)")
    public static let unitPriceWords = Parameter("unit_price_words", doc: "words naming a price per thing right before its figure (unit price): a standard per the thing the count before it counts")
    public static let periodStartWords = Parameter("period_start_words", doc: "words in a figure's label that make it the stock a period starts from (at the start of the year)")
    public static let periodEndWords = Parameter("period_end_words", doc: "words in a figure's label that make it the stock a period ends with (at the end of the year)")
    public static let restatementWords = Parameter("restatement_words", doc: "words that restate the figure before them as the difference that follows (that is)")
    public static let structureWords = Parameter("structure_words", doc: "words naming a structure whose percentages are written as a ratio (a:b:c), which add up to 100")
    public static let aboveWords = Parameter("above_words", doc: "words before a target that say the figure before is above it (higher than, exceeding)")
    public static let belowWords = Parameter("below_words", doc: "words before a target that say the figure before is below it (lower than, short of)")
    public static let targetNames = Parameter("target_names", doc: "endings of the name of a figure that is a target, a plan or a standard, what another figure is compared with")
    public static let limitOpeners = Parameter("limit_openers", doc: "words before a limit a figure is said to be kept within (kept at)")
    public static let limitClosers = Parameter("limit_closers", doc: "words right after the limit's figure that make it a ceiling (within)")
    public static let programmeNouns = Parameter("programme_nouns", doc: "nouns that, in a sentence's opening clause, name the programme the standards after it are of (funds, subsidies)")
    public static let equalsSigns = Parameter("equals_signs", doc: "signs between a product written out and the amount it comes to")
    public static let otherOperators = Parameter("other_operators", doc: "signs of other arithmetic: a product with one of them beside it is part of a longer expression, not read")
    public static let monthPeriods = Parameter("month_periods", doc: "period words of a standard per month (of period_words): with whole_year_words before the amount and no count of months, a year's amount counts 12 of them")
    public static let monthAverageWords = Parameter("month_average_words", doc: "words opening the label of a month's average of the year's amount stated right before it")
    public static let annualAmountWords = Parameter("annual_amount_words", doc: "words in the label of an amount that make it a whole year's")
    public static let annualAmountOpeners = Parameter("annual_amount_openers", doc: "words opening the label of an amount that make it a whole year's")
    public static let monthAmountWords = Parameter("month_amount_words", doc: "words naming an amount right after a standard per month as one month's (no count of months)")
    public static let wholeYearWords = Parameter("whole_year_words", doc: "words after a standard per month, before its amount, that make the amount a whole year's")
    public static let reckoningWords = Parameter("reckoning_words", doc: "words saying an amount was reckoned from its standard (an estimate or a budget): only then are the 12 months of a whole year taken as written")
    public static let wholeYearPayments = Parameter("whole_year_payments", doc: "a whole year's payment named by its verb after a standard per month: the 12 months are taken as written without a reckoning word")
    public static let averageAmountWords = Parameter("average_amount_words", doc: "words in the label of the amount after a standard that make it an average per head or thing, no product")
    public static let perUnitSuffixes = Parameter("per_unit_suffixes", doc: "characters after a thing that make the figure an average per that thing (per head), as per words before it do")
    public static let yearFollowers = Parameter("year_followers", doc: "words right after 年 that make three digits before it a year with a digit missing (202年度)")
    public static let numberLabels = Parameter("number_labels", doc: "words a number follows as a label (a table's number), glued to a year after it")
}

// MARK: messages

extension MessageTemplate {
    public static let scoreWeightVersusName = MessageTemplate("weight_vs_name", [.name], doc: "a weight that differs from the cap written into the indicator's name")
    public static let scoreGroupWeight = MessageTemplate("group_weight", [.name], doc: "the weights of a group's items against the group's own weight")
    public static let scoreGroupCap = MessageTemplate("group_cap", [.name], doc: "the weights of a group's items against the cap in the group's name")
    public static let scoreNameVersusCaption = MessageTemplate("name_vs_caption", [.name, .title], doc: "a cap in a name against the caption of its section")
    public static let unitSameNumberWan = MessageTemplate("in_wan_yuan", [], doc: "the figure reported is the one in wan yuan (the report counts in yuan)")
    public static let scoreCapsVersusTotal = MessageTemplate("caps_vs_total", [], doc: "the sections' caps against the total weight")
    public static let scoreGroupScores = MessageTemplate("group_scores", [.name], doc: "the scores of the rows a numbered group row stands over against the group's own score")
    public static let scoreScoresVersusTotal = MessageTemplate("scores_vs_total", [], doc: "the items' scores against the total score")
    public static let scoreProseWeights = MessageTemplate("weights", [.name], doc: "the weights of an indicator's sub-indicators against its own weight")
    public static let scoreProseScores = MessageTemplate("scores", [.name], doc: "the scores of an indicator's sub-indicators against its own score")
    public static let scoreProseTotal = MessageTemplate("total", [], doc: "the scores of the top-level indicators against the total the text states")
    public static let scoreProseFullMark = MessageTemplate("full_mark", [], doc: "the weights of the top-level indicators against the full mark the text states")
    public static let scoreProseDeduction = MessageTemplate("deduction", [.name], doc: "an indicator's weight less the points the text says it lost against its score")
    public static let scorePointsLost = MessageTemplate("points_lost", [], doc: "the points lost listed one by one against the total lost the text states")
    public static let scoreMarkLessLost = MessageTemplate("mark_less_lost", [], doc: "the full mark less the total points lost against the total score")
    public static let scoreRunWeights = MessageTemplate("run_weights", [], doc: "the weights of a flattened indicator sheet against its total")
    public static let scoreRunScores = MessageTemplate("run_scores", [], doc: "the scores of a flattened indicator sheet against its total score")
    public static let scoreRunVersusText = MessageTemplate("run_vs_text", [], doc: "the total score the text states against a flattened sheet's total")
    public static let tableChildrenExceed = MessageTemplate("exceeds", [.row], doc: "rows marked as parts (list_openers_qizhong) that add up to more than their parent row")
    public static let tableUnnamedRowTotal = MessageTemplate("unnamed", [.header], doc: "a total column against the columns after it, in a row without a name (a form of one data row)")
    public static let tableRowTotalBefore = MessageTemplate("before", [.row, .header], doc: "a total column against the columns before it (national | provincial | subtotal), as the table's other rows add up")
    public static let tableRowTotalAfter = MessageTemplate("after", [.row, .header], doc: "a column no title names a total, against the columns right after it, as every other row of the table adds up")
}

// MARK: evidence

extension EvidenceTemplate {
    public static let formulaMismatch = EvidenceTemplate(.formula, "mismatch", [.computation, .computed, .stated, .difference],
        doc: "an equation that does not hold, the stated figure on its left")
    public static let formulaInequality = EvidenceTemplate(.formula, "inequality", [.computation, .computed, .relation, .stated, .difference],
        doc: "an inequality that does not hold, the stated figure on its left")
    public static let formulaBothSides = EvidenceTemplate(.formula, "both_sides", [.left, .right, .relation],
        doc: "a relation between two computed sides that does not hold")

    public static let partsBalance = EvidenceTemplate(.parts, "balance", [.figureNamed, .otherNamed, .difference], doc: "two totals that balance by construction, and their difference")
    public static let partsSum = EvidenceTemplate(.parts, "sum", [.computation, .stated, .difference], doc: "the parts' sum against the whole")
    public static let partsLimit = EvidenceTemplate(.parts, "limit", [.figureNamed, .otherNamed, .difference], doc: "a figure said to be kept within a limit, above it")
    public static let partsImpliedPrior = EvidenceTemplate(.parts, "implied_prior", [.left, .right],
        doc: "last year's figure implied by the whole's growth rate against the sum of those implied by its parts' rates")
    public static let partsChangePrior = EvidenceTemplate(.parts, "change_prior", [.left, .right],
        doc: "last year's figure implied by the whole's change (earlier figure, difference or rate) against the sum of those implied by its parts' changes")
    public static let partsImpliedBase = EvidenceTemplate(.parts, "implied_base", [.base, .left, .right],
        doc: "the base implied by the whole's ratio ({base}) against the sum of those implied by its parts' ratios")

    public static let shareMismatch = EvidenceTemplate(.share, "mismatch", [.computation, .computed, .stated, .difference], doc: "part ÷ base against the stated share")
    public static let sharesOver100 = EvidenceTemplate(.share, "over_100", [.computation, .sum, .base], doc: "shares of one base adding up to more than 100%")
    public static let rateOver100 = EvidenceTemplate(.share, "rate_over_100", [.name, .stated], doc: "a rate that cannot exceed 100% stated above it")
    public static let declaredWhole = EvidenceTemplate(.share, "declared_whole", [.name, .stated], doc: "a rate of things all declared done, stated below 100%")
    public static let averageMismatch = EvidenceTemplate(.share, "average", [.computation, .computed, .stated], doc: "a total over a count against the stated average")
    public static let structureSum = EvidenceTemplate(.share, "structure_sum", [.computation, .sum], doc: "the percentages of a structure written as a ratio, not adding up to 100")
    public static let sharesMakeWhole = EvidenceTemplate(.share, "make_whole", [.computation, .stated, .difference, .sum, .base],
        doc: "the parts' sum against the base, and their shares of it ({sum}) adding up to 100%")

    public static let changeIncrease = EvidenceTemplate(.change, "increase", [.computation, .computed, .stated], doc: "an increase that is not the difference of the figures")
    public static let changeDecrease = EvidenceTemplate(.change, "decrease", [.computation, .computed, .stated], doc: "a decrease that is not the difference of the figures")
    public static let changeIncreasePoints = EvidenceTemplate(.change, "increase_points", [.computation, .computed, .stated], doc: "the same, in percentage points")
    public static let changeDecreasePoints = EvidenceTemplate(.change, "decrease_points", [.computation, .computed, .stated], doc: "the same, in percentage points")
    public static let changeSchedule = EvidenceTemplate(.change, "schedule", [.computation, .computed, .stated, .base],
        doc: "a completion rate less the schedule ({base}: stated, or the months elapsed over twelve) against the stated points")
    public static let changeGrowth = EvidenceTemplate(.change, "growth", [.computation, .computed, .stated], doc: "a growth rate against the two figures")
    public static let changeYearOnYearIncrease = EvidenceTemplate(.change, "year_on_year_increase", [.prior, .computation, .computed, .stated], doc: "a growth rate against the change and last year's figure")
    public static let changeYearOnYearDecrease = EvidenceTemplate(.change, "year_on_year_decrease", [.prior, .computation, .computed, .stated], doc: "a rate of decrease against the change and last year's figure")
    public static let changePriorStated = EvidenceTemplate(.change, "prior_stated", [.base, .figure], doc: "the earlier figure as stated ({prior} above)")
    public static let changePriorDerived = EvidenceTemplate(.change, "prior_derived", [.base, .computation, .computed], doc: "the earlier figure derived from this year's and the change ({prior} above)")
    public static let changeDefaultBase = EvidenceTemplate(.change, "default_base", [], doc: "what a change compares with when the text does not name it ({base})")
    public static let changeWrongBase = EvidenceTemplate(.change, "wrong_base", [.figure, .base], doc: "added when the stated rate is the change over this year's figure")

    public static let unitSameNumber = EvidenceTemplate(.unit, "same_number", [.figure, .other, .otherNamed], doc: "one number written with two units")
    public static let unitOutOfScale = EvidenceTemplate(.unit, "out_of_scale", [.figure, .count, .figureNamed], doc: "an amount in yuan in a report counting in wan yuan")
    public static let unitOutOfScaleWan = EvidenceTemplate(.unit, "out_of_scale_wan", [.figure, .yuan, .largest, .ratio, .count], doc: "an amount in wan yuan in a report counting in yuan")
    public static let unitChangeBelowPrecision = EvidenceTemplate(.unit, "change_below_precision", [.figure, .other, .yuan], doc: "a change in yuan finer than the wan-yuan figure it is of")
    public static let unitFinerThanFen = EvidenceTemplate(.unit, "finer_than_fen", [.figure, .count], doc: "an amount in yuan stated to more places than the fen")
    public static let unitRestated = EvidenceTemplate(.unit, "restated", [.figure, .computed, .other, .difference], doc: "a figure against its restatement in another unit")
    public static let unitThreshold = EvidenceTemplate(.unit, "threshold", [.figure, .yuan], doc: "an asset count's value threshold in yuan below the smallest such threshold")
    public static let unitRangeBounds = EvidenceTemplate(.unit, "range_bounds", [.figure, .other, .ratio], doc: "the two ends of a range of money, as many times apart as the ratio says")
    public static let unitMixed = EvidenceTemplate(.unit, "mixed", [.readAs, .figure, .others, .writtenIn], doc: "a relation that holds once the figure is read in the other unit")

    public static let yearTitleVersusBody = EvidenceTemplate(.year, "title_vs_body", [.titleYear, .fiscalYear, .fiscalCount, .titleCount], doc: "the title's year against the body's")
    public static let yearHeadingVersusSection = EvidenceTemplate(.year, "heading_vs_section", [.text, .year, .otherYears, .count], doc: "a heading's year against the years its section names")
    public static let yearFiscalStatement = EvidenceTemplate(.year, "fiscal_statement", [.text, .fiscalYear, .year], doc: "a statement about the fiscal year dated to another")
    public static let yearChangeColumns = EvidenceTemplate(.year, "change_columns", [.text, .year, .otherYears, .fiscalYear], doc: "a header row whose two years, compared against the year before, are not one apart")
    public static let yearExecutionColumns = EvidenceTemplate(.year, "execution_columns", [.text, .year, .otherYears, .fiscalYear], doc: "a header row whose budget and execution columns, a rate of the one over the other beside them, name two years")
    public static let yearComparisonBaseOwn = EvidenceTemplate(.year, "comparison_base_own", [.text, .year, .prior],
        doc: "a comparison, in a sentence about a later year than the report's ({year}), with a year before the one before it ({prior})")
    public static let yearComparisonBase = EvidenceTemplate(.year, "comparison_base", [.text, .fiscalYear, .year, .count], doc: "a comparison with a year long before the report's, where the report's other comparisons are with the year before")
    public static let yearComparedWithItself = EvidenceTemplate(.year, "compared_with_itself", [.text, .year], doc: "a sentence about a year compared with the same year")
    public static let yearFinalVersusExecution = EvidenceTemplate(.year, "final_vs_execution", [.text, .year, .fiscalYear], doc: "a final account beside another year's execution figures")
    public static let yearHeadingVersusHeadings = EvidenceTemplate(.year, "heading_vs_headings", [.text, .year, .fiscalYear, .count], doc: "a heading's year against the other headings' and the title's")
    public static let yearAlias = EvidenceTemplate(.year, "alias", [.text, .year], doc: "a short name naming another year than the figure it names")
    public static let yearTitleRepeated = EvidenceTemplate(.year, "title_repeated", [.text, .titleYear, .year], doc: "the title repeated with another year")
    public static let yearAccountAndDraft = EvidenceTemplate(.year, "account_and_draft", [.text, .year], doc: "an account's year and the next budget's that are not one year apart")
    public static let yearSameFigure = EvidenceTemplate(.year, "same_figure", [.figure, .year, .otherNamed, .fiscalYear], doc: "one figure dated to two years")
    public static let yearMixed = EvidenceTemplate(.year, "mixed", [.relation, .others], doc: "figures of one relation dated to different years ({others}: each year with its figures)")
    public static let yearOfFigures = EvidenceTemplate(.year, "year_of_figures", [.others, .year], doc: "the figures of one year in the evidence of `mixed`")

    public static let consistencySameConcept = EvidenceTemplate(.consistency, "same_concept", [.figureNamed, .line, .otherNamed], doc: "one figure stated twice with two values")
    public static let consistencyProseVersusTable = EvidenceTemplate(.consistency, "prose_vs_table", [.figureNamed, .otherNamed], doc: "a figure in the text against its table cell")

    public static let statusCompletion = EvidenceTemplate(.status, "completion", [.computation, .computed, .stated], doc: "an indicator's completion rate against its actual value over its target")
    public static let statusMetDeclaredMissed = EvidenceTemplate(.status, "met_declared_missed", [.target, .actual, .status], doc: "a target met, declared missed")
    public static let statusMissed = EvidenceTemplate(.status, "missed", [.target, .actual, .outcome, .claims], doc: "a target missed, declared met")
    public static let statusComparison = EvidenceTemplate(.status, "comparison", [.actual, .relation, .target, .claims], doc: "a figure compared with its target the other way than the text says")
    public static let statusNotReached = EvidenceTemplate(.status, "outcome_not_reached", [], doc: "{outcome} of a floor not reached")
    public static let statusExceeded = EvidenceTemplate(.status, "outcome_exceeded", [], doc: "{outcome} of a ceiling exceeded")
    public static let statusClaimFullMarks = EvidenceTemplate(.status, "claim_full_marks", [.score], doc: "a claim: full marks")
    public static let statusClaimStatus = EvidenceTemplate(.status, "claim_status", [.status], doc: "a claim: the status cell")
    public static let statusClaimEmptyNote = EvidenceTemplate(.status, "claim_empty_note", [], doc: "a claim: no note on the deviation")

    public static let scoreAboveWeight = EvidenceTemplate(.score, "above_weight", [.score, .weight], doc: "a score above its weight")
    public static let scoreProseItemDeduction = EvidenceTemplate(.score, "prose_item_deduction", [.name, .computation, .computed, .stated],
        doc: "the points the text says an item lost against its weight less its score in the sheet")
    public static let scoreProseItemScore = EvidenceTemplate(.score, "prose_item_score", [.name, .score, .stated],
        doc: "the score the text gives an item against the sheet's")
    public static let scoreTableDeduction = EvidenceTemplate(.score, "table_deduction", [.computation, .computed, .stated], doc: "a sheet row's weight less its points lost against its score")
    public static let scoreTotalAndLost = EvidenceTemplate(.score, "total_and_lost", [.computation, .computed, .total], doc: "the total score and the points lost in all, stated together, against the full mark")
    public static let scoreProseAboveWeight = EvidenceTemplate(.score, "prose_above_weight", [.name, .score, .weight], doc: "an indicator scored in the text above its weight")
    public static let scoreProseDeduction = EvidenceTemplate(.score, "prose_deduction", [.name, .computation, .computed, .stated], doc: "an indicator's weight less its lost points against its score")
    public static let scoreProseByRate = EvidenceTemplate(.score, "prose_by_rate", [.name, .computation, .computed, .stated, .difference], doc: "a score the text says is the weight times a rate")
    public static let scoreWeightVersusName = EvidenceTemplate(.score, "weight_vs_name", [.weight, .name, .cap], doc: "a weight against the cap in the indicator's name")
    public static let scoreAboveNameCap = EvidenceTemplate(.score, "above_name_cap", [.score, .cap], doc: "a score above the cap in the indicator's name")
    public static let scoreCapsSum = EvidenceTemplate(.score, "caps_sum", [.computation, .sum, .cap, .name], doc: "weights of a section or group against its cap")
    public static let scoreNameVersusCaption = EvidenceTemplate(.score, "name_vs_caption", [.name, .cap, .title, .sectionCap], doc: "a cap in a name against its section's caption")
    public static let scoreRelatedWeight = EvidenceTemplate(.score, "related_weight", [.weight], doc: "note on a weight of the sum")
    public static let scoreRelatedSection = EvidenceTemplate(.score, "related_section", [.title], doc: "note on the section's caption")
    public static let scoreWeightsSum = EvidenceTemplate(.score, "weights_sum", [.computation, .sum, .total], doc: "weights (or caps) against the total weight")
    public static let scoreScoresSum = EvidenceTemplate(.score, "scores_sum", [.computation, .sum, .total, .difference], doc: "scores against the total score")
    public static let scoreProseTotal = EvidenceTemplate(.score, "prose_total", [.stated, .total], doc: "the text's total score against the sheet's")
    public static let scoreGrade = EvidenceTemplate(.score, "grade", [.total, .grade, .excellent, .good, .pass], doc: "a grade the total score does not give")
    public static let scoreRelatedTotal = EvidenceTemplate(.score, "related_total", [.total], doc: "note on the total score")

    public static let tableSum = EvidenceTemplate(.table, "sum", [.computation, .stated, .difference], doc: "rows' sum against their total")
    public static let tableShareColumn = EvidenceTemplate(.table, "share_column", [.computation, .computed, .stated, .header], doc: "a row's share against its amount over the total row's, as every other row of the table has it")
    public static let tableColumnRatio = EvidenceTemplate(.table, "column_ratio", [.computation, .computed, .stated, .header], doc: "a row's rate against its two figures, as every other row of the table has it")
    public static let tableSumInColumn = EvidenceTemplate(.table, "sum_in_column", [.computation, .stated, .difference, .header], doc: "the same, naming the column")

    public static let patternFound = EvidenceTemplate(.pattern, "found", [.text], doc: "the text found")
    public static let patternMalformedYear = EvidenceTemplate(.pattern, "malformed_year", [.text, .year], doc: "a year with a digit too many or too few, and the years it may have meant")
}

// MARK: the table

public enum CheckDeclarations {
    /// Keys every rule has or may have.
    public static let commonKeys: Set<String> = ["id", "category", "severity", "kind", "check", "title", "message", "explanation",
                                                 "pass", "fail", "enabled", "messages", "evidence"]
    /// Keys of formula rules.
    public static let formulaKeys: Set<String> = ["formula", "frames", "absent", "alternatives"]
    /// Parameters every rule may set.
    public static let common: [ParameterDeclaration] = [Parameter<Decimal>.mergeRank.declaration]

    public static let all: [CheckDeclaration] = {
        typealias W = Parameter<WordSet>
        typealias D = Parameter<Decimal>
        typealias I = Parameter<Int>
        typealias E = EvidenceTemplate
        let perUnit = [W.perUnitWords.declaration, W.perUnitAfter.declaration]
        return [
            CheckDeclaration(.formula, nil, doc: "binds each concept of the formula to one figure within a frame and evaluates it in interval arithmetic",
                             parameters: [Parameter<Bool>.partialColumns.declaration, Parameter<Bool>.wholePercentsCutDown.declaration,
                                          Parameter<Bool>.unlessTargeted.declaration, Parameter<Bool>.sumsBeforeTotal.declaration],
                             evidence: [E.formulaMismatch, E.formulaInequality, E.formulaBothSides]),

            CheckDeclaration(.parts, "balanced-totals", doc: "two totals a statement balances by construction (the grand totals of income and spending of a final account), stated in one sentence, are equal",
                             parameters: [W.leftNames.declaration, W.rightNames.declaration, W.nameFillers.declaration], evidence: [E.partsBalance]),
            CheckDeclaration(.parts, "stated-difference", doc: "a figure the text says is one figure less another (A, less B, leaves C)",
                             parameters: [W.minusWords.declaration, W.afterWords.declaration, W.restatementWords.declaration], evidence: [E.partsSum]),
            CheckDeclaration(.parts, "stock-flow", doc: "a stock stated against an earlier one, with the figures added and taken off after it (X, against last year's A: b removed, c added), or the other way round (A at the start, b added, c removed, X at the end): X is A less b plus c",
                             parameters: [W.increaseWords.declaration, W.decreaseWords.declaration, W.periodStartWords.declaration, W.periodEndWords.declaration], evidence: [E.partsSum]),
            CheckDeclaration(.parts, "exceeds-whole", doc: "the parts listed after a whole add up to more than it", evidence: [E.partsSum]),
            CheckDeclaration(.parts, "complete-list", doc: "a complete list (including A and B, a split by status, a decomposition of the lexicon) does not add up", evidence: [E.partsSum]),
            CheckDeclaration(.parts, "implied-bases", doc: "a whole and parts that add up, each with a growth rate (or a ratio of one wording): the bases the parts' rates imply add up to the whole's",
                             parameters: [W.adjustedBasisWords.declaration], messageSlots: [.name], evidence: [E.partsImpliedPrior, E.partsImpliedBase]),
            CheckDeclaration(.parts, "implied-priors", doc: "a whole and parts that add up, each with its change against last year (earlier figure, difference, rate or flat), stated with it or where the text states it again: the parts' last-year figures add up to the whole's",
                             parameters: [W.flatWords.declaration, W.adjustedBasisWords.declaration], messageSlots: [.name], evidence: [E.partsChangePrior]),
            CheckDeclaration(.parts, "near-complete", doc: "an open list falls short of its whole by a sliver", parameters: [D.nearRatio.declaration], evidence: [E.partsSum]),
            CheckDeclaration(.parts, "within-limit", doc: "a figure said to be kept within a limit stated after it is above the limit",
                             parameters: [W.limitOpeners.declaration, W.limitClosers.declaration, W.perWords.declaration, W.perUnitSuffixes.declaration,
                                          W.averageWords.declaration, W.sameThings.declaration], evidence: [E.partsLimit]),

            CheckDeclaration(.share, "share", doc: "A is P% of B: P must be A ÷ B × 100", messageSlots: [.part, .base], evidence: [E.shareMismatch]),
            CheckDeclaration(.share, "rate-over-100", doc: "a rate that is a part of a whole (a pass rate, a satisfaction rate) stated above 100%",
                             parameters: [W.boundedRateWords.declaration, W.rateFillers.declaration], messageSlots: [.name], evidence: [E.rateOver100]),
            CheckDeclaration(.share, "declared-whole", doc: "a rate named by a verb, right after a clause declaring all of it done by that verb (in full), stated other than 100%",
                             parameters: [W.completionVerbs.declaration, W.wholeWords.declaration, W.declaredHedges.declaration, W.rateFillers.declaration],
                             messageSlots: [.name], evidence: [E.declaredWhole]),
            CheckDeclaration(.share, "per-unit-average", doc: "an average per person or thing against the total and the count its sentence states before it",
                             parameters: [W.averageWords.declaration, W.periodWords.declaration, W.monthAverageWords.declaration,
                                          W.annualAmountWords.declaration, W.annualAmountOpeners.declaration], evidence: [E.averageMismatch]),
            CheckDeclaration(.share, "count-times-standard", doc: "an amount after a standard per thing and a count of that thing in its sentence is the count times the standard",
                             parameters: [W.periodWords.declaration, W.yearPeriods.declaration, W.perWords.declaration, W.standardWords.declaration, W.averageWords.declaration, W.sameThings.declaration,
                                          W.averageAmountWords.declaration, W.monthPeriods.declaration, W.monthAmountWords.declaration, W.wholeYearWords.declaration, W.reckoningWords.declaration, W.wholeYearPayments.declaration,
                                          W.basisAverageWords.declaration, W.unitPriceWords.declaration],
                             evidence: [E.averageMismatch]),
            CheckDeclaration(.share, "written-product", doc: "a product written out beside its amount (in brackets after it, or with = on either side) comes to it",
                             parameters: [W.equalsSigns.declaration, W.otherOperators.declaration], evidence: [E.averageMismatch]),
            CheckDeclaration(.share, "named-ratio", doc: "a rate named by the count right before it in its sentence (an accuracy rate after the accurate ones) against that count over the one count of its measure before it",
                             parameters: [W.ratioEndings.declaration, W.rateFillers.declaration, W.ratioNegators.declaration,
                                          W.timelyEndings.declaration, W.timelyWords.declaration], messageSlots: [.part, .base], evidence: [E.shareMismatch]),
            CheckDeclaration(.share, "structure-ratio", doc: "a structure's percentages written as a ratio (a:b:c) add up to 100",
                             parameters: [W.structureWords.declaration], messageSlots: [.name], evidence: [E.structureSum]),
            CheckDeclaration(.share, "shares-over-100", doc: "shares of one base taken by the parts of a decomposition add up to more than 100%", evidence: [E.sharesOver100]),
            CheckDeclaration(.share, "shares-make-whole", doc: "parts whose shares of one base add up to 100% (each share right as rounded) add up to the base",
                             evidence: [E.sharesMakeWhole]),

            CheckDeclaration(.change, "difference", doc: "a stated increase or decrease against the two figures it compares",
                             evidence: [E.changeIncrease, E.changeDecrease, E.changeIncreasePoints, E.changeDecreasePoints]),
            CheckDeclaration(.change, "schedule-progress", doc: "a completion rate against the share of the year elapsed: rate − schedule = the stated points ahead (or schedule − rate behind)",
                             evidence: [E.changeSchedule]),
            CheckDeclaration(.change, "growth-rate", doc: "a stated growth rate against the two figures it compares", evidence: [E.changeGrowth]),
            CheckDeclaration(.change, "year-on-year", doc: "a stated rate against the change and one of the two figures",
                             evidence: [E.changeYearOnYearIncrease, E.changeYearOnYearDecrease, E.changePriorStated, E.changePriorDerived, E.changeDefaultBase, E.changeWrongBase]),

            CheckDeclaration(.unit, "same-number-two-units", doc: "one number written in yuan in one place and in wan yuan in another",
                             parameters: perUnit + [I.sharedNameLength.declaration], messages: [.unitSameNumberWan], evidence: [E.unitSameNumber]),
            CheckDeclaration(.unit, "out-of-scale", doc: "an amount in yuan in a report that counts in wan yuan",
                             parameters: [I.minWanYuanAmounts.declaration, D.dominance.declaration, D.maxYuanAmount.declaration, D.minIntegerYuan.declaration,
                                          I.minSeries.declaration, D.aboveLargest.declaration, D.sizeMargin.declaration, D.listMargin.declaration, W.fiscalWords.declaration,
                                          W.integerMeasures.declaration] + perUnit,
                             evidence: [E.unitOutOfScale]),
            CheckDeclaration(.unit, "out-of-scale-wan", doc: "an amount in wan yuan far beyond anything a report counting in yuan states",
                             parameters: [I.minYuanAmounts.declaration, D.dominance.declaration, D.factor.declaration, W.fiscalWords.declaration] + perUnit,
                             evidence: [E.unitOutOfScaleWan]),
            CheckDeclaration(.unit, "change-below-precision", doc: "a change written in yuan finer than the last digit of the wan-yuan figure it is of",
                             parameters: perUnit, evidence: [E.unitChangeBelowPrecision]),
            CheckDeclaration(.unit, "finer-than-fen", doc: "an amount in yuan stated to more decimal places than the fen, the smallest coin",
                             parameters: [I.yuanPlaces.declaration] + perUnit, evidence: [E.unitFinerThanFen]),
            CheckDeclaration(.unit, "restated-other-unit", doc: "a figure against the same amount restated in another unit in the bracket after it",
                             evidence: [E.unitRestated]),
            CheckDeclaration(.unit, "asset-threshold", doc: "the value threshold of an asset count (equipment worth so much or more) written in yuan, far below any such threshold",
                             parameters: [I.minThresholdYuan.declaration, W.thresholdOpeners.declaration, W.thresholdItems.declaration], evidence: [E.unitThreshold]),
            CheckDeclaration(.unit, "range-bounds", doc: "the two ends of a range of money, in units 10,000-fold apart, far more apart than a range's ends (or the lower above the upper)",
                             parameters: [I.minRangeRatio.declaration], evidence: [E.unitRangeBounds]),
            CheckDeclaration(.unit, "mixed-units-in-relation", doc: "reports the relations (formula, parts, share rules) that hold only if a figure is read in the other unit",
                             parameters: [Parameter<String>.writtenUnit.declaration] + perUnit, evidence: [E.unitMixed], receives: .unitSlip),

            CheckDeclaration(.year, "title-vs-body", doc: "the title names another year than the body reports on",
                             parameters: [W.titleEndings.declaration, W.asOfWords.declaration], evidence: [E.yearTitleVersusBody]),
            CheckDeclaration(.year, "fiscal-statement", doc: "a statement about this year's budget, spending or evaluation dated to another year",
                             parameters: [Parameter<[Int]>.offsets.declaration, W.fiscalWords.declaration, W.fiscalNouns.declaration,
                                          W.comparisonWords.declaration, W.relativeDates.declaration, W.governedCrossYearWords.declaration,
                                          W.openingWords.declaration, W.scopeMarkers.declaration, W.scopeSubjects.declaration, W.scopeCopulas.declaration,
                                          W.crossYearWords.declaration, W.ownBalanceWords.declaration, W.titleEndings.declaration, I.nounReach.declaration,
                                          W.planBudgetWords.declaration, W.planActualWords.declaration, W.planComparisonWords.declaration,
                                          W.planOwnWords.declaration, W.planCurrentWords.declaration, W.planCaptionWords.declaration, W.likewiseWords.declaration, W.accountActWords.declaration, W.priorComparisonWords.declaration, W.currentYearWords.declaration,
                                          W.comparisonHeadings.declaration, W.basisOpeners.declaration, W.basisNouns.declaration],
                             evidence: [E.yearFiscalStatement]),
            CheckDeclaration(.year, "heading-vs-section", doc: "a heading dated to a year its section never names, while naming the year next to it",
                             parameters: [W.fiscalWords.declaration, W.crossYearWords.declaration, W.actualWords.declaration],
                             evidence: [E.yearHeadingVersusSection, E.yearHeadingVersusHeadings]),
            CheckDeclaration(.year, "final-vs-execution", doc: "a final account set beside the execution figures of another year than the report's",
                             parameters: [W.executionWords.declaration, W.finalWords.declaration], evidence: [E.yearFinalVersusExecution]),
            CheckDeclaration(.year, "alias", doc: "a year's figure given a short name that names another year",
                             parameters: [W.aliasMarkers.declaration, I.aliasReach.declaration], evidence: [E.yearAlias]),
            CheckDeclaration(.year, "title-repeated", doc: "the title repeated elsewhere (under it, in the page's data) with another year",
                             parameters: [I.minTitleLength.declaration], evidence: [E.yearTitleRepeated]),
            CheckDeclaration(.year, "account-and-draft", doc: "a year's final account or execution joined to the next year's budget draft or first half, the years not one apart",
                             parameters: [W.accountWords.declaration, W.draftWords.declaration, W.pairJoiners.declaration, I.pairReach.declaration],
                             evidence: [E.yearAccountAndDraft]),
            CheckDeclaration(.year, "change-columns", doc: "a header row naming two years and a change against the year before: the years are one apart",
                             parameters: [W.changeColumnWords.declaration], evidence: [E.yearChangeColumns]),
            CheckDeclaration(.year, "execution-columns", doc: "a header row naming two years and a rate of execution or completion, no change: the years are one",
                             parameters: [W.changeColumnWords.declaration, W.executionColumnWords.declaration], evidence: [E.yearExecutionColumns]),
            CheckDeclaration(.year, "comparison-base", doc: "a comparison with the final account or execution of a year two or more before the report's, where its other such comparisons are with the year before",
                             parameters: [W.comparedBaseWords.declaration], evidence: [E.yearComparisonBase, E.yearComparisonBaseOwn]),
            CheckDeclaration(.year, "compared-with-itself", doc: "a sentence about one year compares it with the same year (a year written one off)",
                             evidence: [E.yearComparedWithItself]),
            CheckDeclaration(.year, "same-figure-two-years", doc: "one figure given for the fiscal year in one place and for another year elsewhere",
                             parameters: [W.carriedMeasures.declaration, W.flatWords.declaration, W.datelineRelativeWords.declaration, W.advanceAllocationWords.declaration,
                                          W.deadlineFollowers.declaration, W.carriedFollowers.declaration, W.perYearWords.declaration], evidence: [E.yearSameFigure]),
            CheckDeclaration(.year, "mixed-years-in-relation", doc: "reports the relations (formula rules) that hold between figures dated to different years",
                             evidence: [E.yearMixed, E.yearOfFigures], receives: .yearSlip),

            CheckDeclaration(.consistency, "same-concept", doc: "one figure stated twice with two values",
                             parameters: [W.subjectWords.declaration, W.selfWords.declaration, W.labelModifiers.declaration, W.criteriaWords.declaration,
                                          W.grandTotalWords.declaration, W.ownYearWords.declaration, W.benchmarkLeads.declaration, W.perWords.declaration,
                                          W.sharedItems.declaration, W.ratioEndings.declaration, W.findingVerbs.declaration, W.programmeNouns.declaration],
                             evidence: [E.consistencySameConcept]),
            CheckDeclaration(.consistency, "prose-vs-table", doc: "a named project's money in the text against its table row",
                             parameters: [I.minScopeLength.declaration], evidence: [E.consistencyProseVersusTable]),

            CheckDeclaration(.status, "indicator-target", doc: "a target missed while the row declares it met",
                             parameters: [W.reverseWords.declaration, W.completedWords.declaration, W.proseTargetWords.declaration,
                                          W.proseActualWords.declaration, W.proseClaimWords.declaration, W.missedWords.declaration],
                             evidence: [E.statusMissed, E.statusNotReached, E.statusExceeded, E.statusClaimFullMarks, E.statusClaimStatus, E.statusClaimEmptyNote]),
            CheckDeclaration(.status, "indicator-met-declared-missed", doc: "a target met for sure while the row says it was missed",
                             parameters: [W.missedWords.declaration], evidence: [E.statusMetDeclaredMissed]),
            CheckDeclaration(.status, "indicator-completion", doc: "an indicator table's completion rate is not the actual value over the target",
                             parameters: [W.completionHeaders.declaration], evidence: [E.statusCompletion]),
            CheckDeclaration(.status, "versus-target", doc: "a figure said to be above (below) the target named right after it is not",
                             parameters: [W.aboveWords.declaration, W.belowWords.declaration, W.targetNames.declaration], evidence: [E.statusComparison]),

            CheckDeclaration(.score, "item-above-cap", doc: "an item's score above its weight, or a weight against the cap in its name",
                             messages: [.scoreWeightVersusName], evidence: [E.scoreAboveWeight, E.scoreWeightVersusName, E.scoreAboveNameCap]),
            CheckDeclaration(.score, "table-deduction", doc: "a sheet row's weight less the points it lost (a column of points lost) is its score",
                             evidence: [E.scoreTableDeduction]),
            CheckDeclaration(.score, "sheet-item-in-prose", doc: "the points lost or the score the text gives an item it names in quotes against the sheet's row of that item",
                             parameters: [W.itemScoreWords.declaration], evidence: [E.scoreProseItemDeduction, E.scoreProseItemScore]),
            CheckDeclaration(.score, "items-vs-total", doc: "items' weights and scores against the total row",
                             messages: [.scoreCapsVersusTotal, .scoreScoresVersusTotal, .scoreGroupScores, .scoreGroupWeight], evidence: [E.scoreWeightsSum, E.scoreScoresSum]),
            CheckDeclaration(.score, "section-caps", doc: "the weights of a section or group against its cap",
                             messages: [.scoreGroupWeight, .scoreGroupCap, .scoreNameVersusCaption, .scoreGroupScores],
                             evidence: [E.scoreCapsSum, E.scoreNameVersusCaption, E.scoreRelatedWeight, E.scoreRelatedSection]),
            CheckDeclaration(.score, "prose-total", doc: "the total score stated in the text against the sheet's total",
                             parameters: [W.totalWords.declaration, W.comparisonWords.declaration], evidence: [E.scoreProseTotal]),
            CheckDeclaration(.score, "total-and-lost", doc: "the total score and the points lost in all, stated one right after the other, against the full mark",
                             parameters: [W.totalWords.declaration, W.comparisonWords.declaration, W.lostInAllWords.declaration], evidence: [E.scoreTotalAndLost]),
            CheckDeclaration(.score, "prose-items", doc: "indicators scored in the text (no score table): a score above its weight, sub-indicators against their indicator, the top level against the total and the full mark, points lost against their total and the score",
                             parameters: [W.completeFirstLevels.declaration, W.bonusWords.declaration],
                             messageSlots: [.name],
                             messages: [.scoreProseWeights, .scoreProseScores, .scoreProseTotal, .scoreProseFullMark, .scoreProseDeduction,
                                        .scoreRunWeights, .scoreRunScores, .scoreRunVersusText, .scorePointsLost, .scoreMarkLessLost],
                             evidence: [E.scoreProseAboveWeight, E.scoreWeightsSum, E.scoreScoresSum, E.scoreProseDeduction, E.scoreProseTotal]),
            CheckDeclaration(.score, "prose-by-rate", doc: "an indicator scored in the text as its weight times a rate (得96%权重分, 按执行率计分)",
                             messageSlots: [.name], evidence: [E.scoreProseByRate]),
            CheckDeclaration(.score, "grade", doc: "the grade the text states against the total score",
                             parameters: [D.excellent.declaration, D.good.declaration, D.passMark.declaration, W.totalWords.declaration, W.comparisonWords.declaration,
                                          W.gradeMarkers.declaration, W.gradeFillers.declaration, W.countedGradeLinks.declaration, W.excellentNames.declaration, W.goodNames.declaration,
                                          W.passNames.declaration, W.failNames.declaration],
                             evidence: [E.scoreGrade, E.scoreRelatedTotal]),

            CheckDeclaration(.table, "subtotals", doc: "subtotal and total rows against the rows they close",
                             parameters: [W.besideTotalWords.declaration], messageSlots: [.row],
                             evidence: [E.tableSum, E.tableSumInColumn]),
            CheckDeclaration(.table, "row-totals", doc: "a row's total column against the money columns after it",
                             parameters: [W.totalHeaders.declaration, W.notPartHeaders.declaration], messageSlots: [.row],
                             messages: [.tableUnnamedRowTotal, .tableRowTotalBefore, .tableRowTotalAfter], evidence: [E.tableSumInColumn]),
            CheckDeclaration(.table, "column-ratios", doc: "a column of rates that is one column over another in every row of the table but one",
                             messageSlots: [.row], evidence: [E.tableColumnRatio]),
            CheckDeclaration(.table, "share-column", doc: "a column of shares whose total row is 100: each row's figure over the total row's, in every row of the table but one",
                             messageSlots: [.row], evidence: [E.tableShareColumn]),
            CheckDeclaration(.table, "column-differences", doc: "a column of amounts that is one column less (or plus) another in every row of the table but one",
                             messageSlots: [.row], evidence: [E.tableColumnRatio]),
            CheckDeclaration(.table, "children", doc: "a row's marked sub-items against it", messageSlots: [.row],
                             messages: [.tableChildrenExceed], evidence: [E.tableSum]),

            CheckDeclaration(.pattern, "text", doc: "plain text left behind by conversion or templates", parameters: [W.patterns.declaration],
                             evidence: [E.patternFound]),
            CheckDeclaration(.pattern, "malformed-year", doc: "a year written with a digit too many or too few (22017年, 202年度) near the fiscal year",
                             parameters: [W.yearFollowers.declaration, W.numberLabels.declaration, I.maxYearDistance.declaration], evidence: [E.patternMalformedYear]),
        ]
    }()

    /// The declaration of a kind's check (nil: the formula family).
    public static func declaration(_ kind: RuleKind, _ check: String?) -> CheckDeclaration? {
        // by index: a search through `all` copied each declaration it passed (a dozen a rule, at every start)
        indexByName["\(kind.rawValue)|\(check ?? "")"].map { all[$0] }
    }

    private static let indexByName: [String: Int] = {
        var index = [String: Int]()
        for (k, d) in all.enumerated() where index["\(d.kind.rawValue)|\(d.check ?? "")"] == nil {
            index["\(d.kind.rawValue)|\(d.check ?? "")"] = k
        }
        return index
    }()

    /// The checks of a kind, in order.
    public static func checks(of kind: RuleKind) -> [String] {
        all.filter { $0.kind == kind }.compactMap(\.check)
    }

    /// Every evidence template of a kind (rules/evidence.toml has one table per kind).
    public static func evidence(of kind: RuleKind) -> [TemplateDeclaration] {
        var seen = Set<String>()
        var out = [TemplateDeclaration]()
        for d in all where d.kind == kind {
            for t in d.evidence where seen.insert(t.name).inserted { out.append(t) }
        }
        return out
    }
}
