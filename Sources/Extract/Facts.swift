import Foundation
import JXCore
import JXRules
import JXStructure

/// Where a fact sits: in running text (paragraph, sentence, clause) or in a table cell.
public enum FactPlace: Sendable, Hashable {
    case text(paragraph: Int, sentence: Int, clause: Int)
    case cell(table: Int, row: Int, column: Int)

    public var paragraph: Int? { if case .text(let p, _, _) = self { return p } else { return nil } }
    /// The paragraph and sentence of a figure in running text.
    public var sentence: (paragraph: Int, sentence: Int)? { if case .text(let p, let s, _) = self { return (p, s) } else { return nil } }
    public var table: Int? { if case .cell(let t, _, _) = self { return t } else { return nil } }
}

public enum MeasureSource: String, Sendable {
    case label, inherited, sibling, header, itemDefault
}

public enum YearSource: String, Sendable {
    case clause, sentence, paragraph, section, table, document
}

/// A quantity in context: the unit the rules bind to.
///
/// A fact's fields live in one shared, copy-on-write box: extraction and the checks copy facts
/// all the time (into lists, tuples, closures), and copying the two dozen fields, a dozen of them
/// strings, was a tenth of a batch's work; a copy is now one retain. Reading a field reads the box;
/// changing one copies the box first when another fact shares it, so facts keep value semantics.
public struct Fact: Sendable, Identifiable {
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline var id: Int
        @usableFromInline var number: ScannedNumber
        @usableFromInline var place: FactPlace
        @usableFromInline var span: SourceSpan
        @usableFromInline var numberSpan: SourceSpan
        @usableFromInline var sourcePlace: String?
        @usableFromInline var label: String
        @usableFromInline var head: String
        @usableFromInline var concept: Lexicon.Resolution
        @usableFromInline var measureSource: MeasureSource?
        @usableFromInline var year: Int?
        @usableFromInline var yearSource: YearSource
        @usableFromInline var shareOf: String?
        @usableFromInline var change: Int
        @usableFromInline var comparesYears: Bool
        @usableFromInline var marksTotal: Bool
        @usableFromInline var outlineItem: Int? = nil
        @usableFromInline var isCellValue: Bool = false
        @usableFromInline var isTarget: Bool = false
        @usableFromInline var isPlanned: Bool = false
        @usableFromInline var unitAssumed: Bool = false
        @usableFromInline var fractionDecimals: Int? = nil
        @usableFromInline var interval: Interval

        init(id: Int, number: ScannedNumber, place: FactPlace, span: SourceSpan, numberSpan: SourceSpan, sourcePlace: String?,
             label: String, head: String, concept: Lexicon.Resolution, measureSource: MeasureSource?,
             year: Int?, yearSource: YearSource, shareOf: String?, change: Int, comparesYears: Bool, marksTotal: Bool) {
            self.id = id
            self.number = number
            self.place = place
            self.span = span
            self.numberSpan = numberSpan
            self.sourcePlace = sourcePlace
            self.label = label
            self.head = head
            self.concept = concept
            self.measureSource = measureSource
            self.year = year
            self.yearSource = yearSource
            self.shareOf = shareOf
            self.change = change
            self.comparesYears = comparesYears
            self.marksTotal = marksTotal
            interval = Fact.interval(of: number, fractionDecimals: nil)
        }

        @usableFromInline func copy() -> Storage {
            let c = Storage(id: id, number: number, place: place, span: span, numberSpan: numberSpan, sourcePlace: sourcePlace,
                            label: label, head: head, concept: concept, measureSource: measureSource, year: year,
                            yearSource: yearSource, shareOf: shareOf, change: change, comparesYears: comparesYears, marksTotal: marksTotal)
            c.outlineItem = outlineItem
            c.isCellValue = isCellValue
            c.isTarget = isTarget
            c.isPlanned = isPlanned
            c.unitAssumed = unitAssumed
            c.fractionDecimals = fractionDecimals
            c.interval = interval
            return c
        }
    }

    @usableFromInline var storage: Storage

    /// The box, copied first when another fact shares it.
    @inlinable var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var id: Int {
        @inlinable get { storage.id }
        @inlinable _modify { yield &unique.id }
    }
    public var number: ScannedNumber {
        @inlinable get { storage.number }
        set {
            let box = unique
            box.number = newValue
            box.interval = Fact.interval(of: box.number, fractionDecimals: box.fractionDecimals)
        }
    }
    public var place: FactPlace {
        @inlinable get { storage.place }
        @inlinable _modify { yield &unique.place }
    }
    /// The number and its unit in the source.
    public var span: SourceSpan {
        @inlinable get { storage.span }
        @inlinable _modify { yield &unique.span }
    }
    /// The digits only.
    public var numberSpan: SourceSpan {
        @inlinable get { storage.numberSpan }
        @inlinable _modify { yield &unique.numberSpan }
    }
    /// A readable place for .docx/.xlsx cells.
    public var sourcePlace: String? {
        @inlinable get { storage.sourcePlace }
        @inlinable _modify { yield &unique.sourcePlace }
    }
    /// The words before the number within its clause, as written ("基本支出预算数").
    public var label: String {
        @inlinable get { storage.label }
        @inlinable _modify { yield &unique.label }
    }
    /// The label without leading connectives (其中 / 包括 / 和) and trailing fillers (为 / 达).
    public var head: String {
        @inlinable get { storage.head }
        @inlinable _modify { yield &unique.head }
    }
    public var concept: Lexicon.Resolution {
        @inlinable get { storage.concept }
        @inlinable _modify { yield &unique.concept }
    }
    public var measureSource: MeasureSource? {
        @inlinable get { storage.measureSource }
        @inlinable _modify { yield &unique.measureSource }
    }
    public var year: Int? {
        @inlinable get { storage.year }
        @inlinable _modify { yield &unique.year }
    }
    public var yearSource: YearSource {
        @inlinable get { storage.yearSource }
        @inlinable _modify { yield &unique.yearSource }
    }
    /// "占基本支出78.31%": the label of the base the percentage is a share of; "" for a bare 占比.
    public var shareOf: String? {
        @inlinable get { storage.shareOf }
        @inlinable _modify { yield &unique.shareOf }
    }
    /// +1 for 增加/增长/提高, −1 for 减少/下降/降低 in the label; 0 otherwise.
    public var change: Int {
        @inlinable get { storage.change }
        @inlinable _modify { yield &unique.change }
    }
    /// 同比 / 较上年 / 比上年: a comparison with another year, not a statement of this year's figure.
    public var comparesYears: Bool {
        @inlinable get { storage.comparesYears }
        @inlinable _modify { yield &unique.comparesYears }
    }
    /// The label marks a total (共 / 共计 / 合计 / 总计).
    public var marksTotal: Bool {
        @inlinable get { storage.marksTotal }
        @inlinable _modify { yield &unique.marksTotal }
    }
    /// The innermost enumerated item of the outline the figure stands in (`FactSet.outline`).
    public var outlineItem: Int? {
        @inlinable get { storage.outlineItem }
        @inlinable _modify { yield &unique.outlineItem }
    }
    /// A table cell holding just this value (its label comes from the row and column headers);
    /// false for running text, including text inside a cell.
    public var isCellValue: Bool {
        @inlinable get { storage.isCellValue }
        @inlinable _modify { yield &unique.isCellValue }
    }
    /// A cell of a target column (指标值 / 目标值): a goal, not a stated figure.
    public var isTarget: Bool {
        @inlinable get { storage.isTarget }
        @inlinable _modify { yield &unique.isTarget }
    }
    /// A figure of a plan named in an earlier clause of its sentence ("计划新建A，改造B，新增C"): what
    /// is to be done, not what was.
    public var isPlanned: Bool {
        @inlinable get { storage.isPlanned }
        @inlinable _modify { yield &unique.isPlanned }
    }
    /// The unit was not stated (a table without 单位 or a unit in its header) and is the report's
    /// usual money unit: good for relations within the table, not for unit checks.
    public var unitAssumed: Bool {
        @inlinable get { storage.unitAssumed }
        @inlinable _modify { yield &unique.unitAssumed }
    }
    /// A rate a table writes as a fraction ("执行率 | 0.958" for 95.8%): the decimals as written.
    /// The value is the percentage; authors truncate such fractions as often as they round them.
    public var fractionDecimals: Int? {
        @inlinable get { storage.fractionDecimals }
        set {
            let box = unique
            box.fractionDecimals = newValue
            box.interval = Fact.interval(of: box.number, fractionDecimals: box.fractionDecimals)
        }
    }
    /// The fraction as written ("0.958"), for evidence texts.
    public var writtenFraction: String? { fractionDecimals.map { Decimals.format(value / 100, scale: $0) } }

    public var value: Decimal { number.value }
    public var kind: QuantityKind { number.kind }
    public var literal: String { number.literal }
    public var line: Int { numberSpan.start.line }

    /// The value in 元 (money) or as a plain number, as an interval from the shown decimals: the
    /// one interval of a fact, used by extraction and every check. Kept beside the number (and
    /// renewed when it changes): extraction and the checks ask for it again and again.
    public var interval: Interval { storage.interval }

    public init(id: Int, number: ScannedNumber, place: FactPlace, span: SourceSpan, numberSpan: SourceSpan, sourcePlace: String?,
                label: String, head: String, concept: Lexicon.Resolution, measureSource: MeasureSource?,
                year: Int?, yearSource: YearSource, shareOf: String?, change: Int, comparesYears: Bool, marksTotal: Bool) {
        storage = Storage(id: id, number: number, place: place, span: span, numberSpan: numberSpan, sourcePlace: sourcePlace,
                          label: label, head: head, concept: concept, measureSource: measureSource, year: year,
                          yearSource: yearSource, shareOf: shareOf, change: change, comparesYears: comparesYears, marksTotal: marksTotal)
    }

    /// Percentages, rounded money integers and estimates (约) stand for ±0.5 of their last digit
    /// even when shown without decimals; counts and scores are exact.
    static func interval(of number: ScannedNumber, fractionDecimals: Int?) -> Interval {
        if fractionDecimals == nil, let fast = integerInterval(of: number) { return fast }
        return decimalInterval(of: number, fractionDecimals: fractionDecimals)
    }

    /// `decimalInterval` computed on the integer the literal writes ("822.24" is 82224·10⁻²) when
    /// it has at most 17 digits: the same bounds without `Decimal` arithmetic, which was the most
    /// expensive part of making a fact.
    static func integerInterval(of number: ScannedNumber) -> Interval? {
        var mantissa: Int64 = 0, digits = 0, afterDot = -1, negative = false
        for (k, byte) in number.literal.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where k == 0: negative = true
            case UInt8(ascii: "."): guard afterDot < 0 else { return nil }; afterDot = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // (more than 17 digits: `Decimal` reads it; nineteen would overflow here first)
                guard digits < 17 else { return nil }
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterDot >= 0 { afterDot += 1 }
            default: return nil
            }
        }
        guard digits > 0, digits <= 17, max(afterDot, 0) == number.decimals else { return nil }
        let kind = number.kind
        let rounded = number.decimals > 0 || (mantissa != 0 && (kind == .percent || kind.isMoney || number.approximate))
        var exponent = -number.decimals
        if let unit = kind.moneyUnit, unit.exponent != 0 { exponent += unit.exponent } else { exponent += number.multiplier }
        let signed = negative ? -mantissa : mantissa
        guard rounded else {
            let value = Decimals.make(signed, exponent: exponent)
            return Interval(ordered: value, value)
        }
        // [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ] in units of 10⁻ᵈ⁻¹; a percentage with decimals may be truncated
        // as well: up to a whole unit of its last decimal beyond it, away from zero
        let truncated = kind == .percent && number.decimals > 0
        let above: Int64 = truncated && !negative ? 10 : 5, below: Int64 = truncated && negative ? 10 : 5
        return Interval(ordered: Decimals.make(signed * 10 - below, exponent: exponent - 1), Decimals.make(signed * 10 + above, exponent: exponent - 1))
    }

    /// The interval by `Decimal` arithmetic: fractions, long literals and mixed numerals ("5亿320万").
    static func decimalInterval(of number: ScannedNumber, fractionDecimals: Int?) -> Interval {
        let value = number.value, kind = number.kind
        if let d = fractionDecimals, d >= 1 {
            // 27.8 ÷ 29 = 0.95862 written 0.958 (truncated) or 0.959 (rounded): [shown − ½ulp, shown + ulp]
            let unit = Decimals.pow10(2 - d)
            return Interval(lo: value - unit / 2, hi: value + unit)
        }
        var iv = Interval(shown: value, decimals: number.decimals,
                          roundedInteger: number.decimals == 0 && value != 0 && (kind == .percent || kind.isMoney || number.approximate))
        if kind == .percent && number.decimals > 0 {
            // "增长8.15%" for 8.158%: authors truncate such percentages as often as they round them
            let half = Decimals.halfUnit(decimals: number.decimals)
            iv = value < 0 ? Interval(ordered: iv.lo - half, iv.hi) : Interval(ordered: iv.lo, iv.hi + half)
        }
        if let unit = kind.moneyUnit, unit.exponent != 0 {
            iv = iv * Interval(exactly: Decimals.pow10(unit.exponent))
        } else if number.multiplier != 0 {
            iv = iv * Interval(exactly: Decimals.pow10(number.multiplier))
        }
        return iv
    }

    /// The literal with its unit as written: "822.24万元".
    public var shown: String { literal + number.unitText }

    public var conceptKey: String {
        let c = concept
        var key = c.rate.map { "rate.\($0)" } ?? (c.measure ?? "?")
        key += "." + (c.item ?? "?")
        if !c.scope.isEmpty { key += "{\(c.scope)}" }
        return key
    }

    /// Every part is named by this figure's own measure, written out ("支出B。其中：甲支出a，乙支出b"):
    /// they are its parts whatever they add up to, not those of another figure beside it.
    public func namesTheMeasure(of parts: [Fact]) -> Bool {
        let c = concept
        guard c.explicitMeasure, let m = c.measure else { return false }
        return parts.allSatisfy { $0.concept.explicitMeasure && $0.concept.measure == m }
    }
}

/// "X，其中A、B" / "X，包括A、B" / "A、B，合计X": a stated whole and its listed parts.
public struct PartsGroup: Sendable {
    public enum Marker: String, Sendable {
        case qizhong = "其中", baokuo = "包括", hanyou = "含", heji = "合计", gong = "共", bracket = "括注", outline = "分项"
    }

    public var whole: Int
    public var parts: [Int]
    public var marker: Marker
    /// The wording makes the list complete (包括 … 和 …; a partition by status after 共).
    public var closedByWording: Bool
    /// The parts are nested thresholds ("亿元以上35个；5亿元以上8个"): not additive.
    public var nestedThresholds: Bool
    /// The wording says the list names only some parts ("A，主要是…"): never complete, whatever
    /// the lexicon's decompositions say.
    public var namesSomeParts = false
}

/// An enumerated item of the text's outline ("一、群众体育4348.97万元", "（二）…", "2、…", "①…"), in
/// a heading or inline in running text: its place in the outline and the figure its title states.
public struct OutlineItem: Sendable {
    public var parent: Int?
    public var children: [Int] = []
    public var style: HeadingStyle
    public var ordinal: Int
    public var paragraph: Int
    /// Where its marker starts and its title ends (the first clause after the marker).
    public var start: Int
    /// The figure its title states ("（一）资助全民健身活动1433.1万元" → 1433.1万元).
    public var amount: Int?
    /// The subject its title names, when the title is a name of one (ends with a word of
    /// `subject_nouns`: "1.…养殖基地建设项目，…"): sibling items naming two subjects are about two
    /// things, whatever words their figures share.
    public var subject: String? = nil

    /// The innermost item around `item` (itself included) whose title names a subject of its own.
    public static func subjectItem(from item: Int?, in outline: [OutlineItem]) -> Int? {
        var item = item
        while let i = item {
            if outline[i].subject != nil { return i }
            item = outline[i].parent
        }
        return nil
    }

    /// Whether `item` is `target` or lies under it.
    public static func item(_ item: Int?, isWithin target: Int, in outline: [OutlineItem]) -> Bool {
        var item = item
        while let i = item {
            if i == target { return true }
            item = outline[i].parent
        }
        return false
    }
}

/// An indicator scored in running text: "（一）预算执行率（10分）…，得9.60分", "数量指标（20分）：…，得18分；",
/// "该指标分值10分，实际得分9.6分", "得满分". Items nest as the outline does.
public struct ScoreItem: Sendable {
    /// The indicator's name as the text gives it.
    public var name: String
    /// Its weight (分值, 权重, "（10分）" after its name).
    public var weight: Int?
    /// Its score (得分, 得…分).
    public var score: Int?
    /// "得满分": the score is the weight.
    public var fullMarks: Bool = false
    /// A percentage stated in the item (执行率, 完成率), and whether the text says the score is
    /// the weight times it ("得96%权重分", "按执行率计分").
    public var rate: Int?
    public var scoredByRate: Bool = false
    public var parent: Int?
    public var children: [Int] = []
    /// Items of one list share it: outline siblings, or the indicators of one sentence.
    public var list: String = ""
    /// The points the text says it lost ("扣1分，得9分"): its weight less them is its score.
    public var deductions: [Int] = []
}

/// A score sheet flattened into running text ("… 满意度≥90% 10 合计 100 96.85"): its indicators, in
/// order, closed by the full mark and, when stated, the total score.
public struct ScoreRun: Sendable {
    /// Indexes into `FactSet.scoreItems`.
    public var items: [Int]
    public var fullMark: Int
    public var total: Int?
    /// The run states each indicator's score, not only its weight.
    public var scored: Bool
}

/// "人员支出405.87万元，占基本支出78.31%" / "…11882.1万元，占比79.9%".
public struct ShareStatement: Sendable {
    public var percent: Int
    public var part: Int
    public var base: Int
    /// "（一）A 553.90万元，占总数的98.93%；（二）B 6.00万元，占总数的1.07%": a total the text does
    /// not state is the sum of these figures (the amounts of the items of one enumerated level).
    public var baseParts: [Int] = []
    /// "A、B、C分别为x、y、z，占全市的P%、Q%和R%": one of shares distributed over things listed side by
    /// side (disjoint, so their shares of the one base add up to 100% at most); the first share's id.
    public var distributedWith: Int?
    /// "按工资性收入的2%计提": a rate set, not reckoned: exactly what it says (only the amounts are rounded).
    public var rateIsSet = false

    public init(percent: Int, part: Int, base: Int, baseParts: [Int] = []) {
        self.percent = percent
        self.part = part
        self.base = base
        self.baseParts = baseParts
    }
}

/// A stated change and the figures it speaks of: "由A增至B，增加D，增长P%", "X，比上年的A增加D",
/// "预算A，支出B，比预算多支出D", "X，比上年减少D，下降P%" (no prior figure: it is X ± D).
public struct ChangeStatement: Sendable {
    /// The earlier (or compared) figure A, when the text states it.
    public var prior: Int?
    /// The later figure B (this year's X), when the text states it.
    public var current: Int?
    /// The stated difference D (个百分点 for a change of percentages).
    public var difference: Int?
    /// The stated growth (or decline) rate P%.
    public var rate: Int?
    /// +1 增加/增长/提高, −1 减少/下降/降低.
    public var direction: Int
    /// What the change compares with, as the text names it ("上年", "年初预算数", "2022年同期"), when
    /// it does.
    public var base: String?
    /// Another figure the change may speak of ("全年支出X，其中项目支出Y，比上年增加D": Y, or X):
    /// the statement holds if it holds for either.
    public var alternative: Int?
    /// "X，与上年相比增长P%，其中A增加a，B减少b": no difference stated, but the parts' changes (each
    /// signed by its own direction) add up to it.
    public var differenceParts: [Int] = []
    /// It compares with another year (同比, 较上年, 比2022年的A), not with a budget or a plan: the
    /// earlier figure it implies is last year's.
    public var comparesWithYear = false

    public init(prior: Int?, current: Int?, difference: Int?, rate: Int?, direction: Int, base: String? = nil) {
        self.prior = prior
        self.current = current
        self.difference = difference
        self.rate = rate
        self.direction = direction
        self.base = base
    }
}

extension Fact {
    /// The text of its paragraph (`s`) between this figure and a later one ("、" in "a、b"); empty
    /// when the later one does not come after it.
    public func gap(to later: Fact, in s: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        let from = number.range.upperBound, to = later.number.numberRange.lowerBound
        return from < to && to <= s.count ? s[from..<to] : []
    }

    /// Whether this count stands right after `previous`, a count in another measure word, with
    /// nothing between ("4,856户8,842人"): one thing counted twice, dated and compared as the first.
    public func countsAgain(_ previous: Fact) -> Bool {
        guard let a = previous.kind.measureWord, let b = kind.measureWord, a != b, label.isEmpty else { return false }
        return previous.number.range.upperBound == number.numberRange.lowerBound
    }

    /// Whether a slash follows the figure in its paragraph (`s`): "12.5万元/公里" is a price or a
    /// standard per thing, no amount of its own.
    public func isPerThing(in s: [Unicode.Scalar]) -> Bool {
        let e = number.range.upperBound
        return e < s.count && (s[e] == "/" || s[e] == "／")
    }
}

/// Everything extracted from one document.
public struct FactSet: Sendable {
    public var structured: StructuredDocument
    public var fiscalYear: Int?
    /// Where the fiscal year came from: "title", "option", "body".
    public var fiscalYearSource: String
    /// The year stated in the title, if any (the year rule compares it with the body).
    public var titleYear: Int?
    public var facts: [Fact]
    public var groups: [PartsGroup]
    public var shares: [ShareStatement]
    /// Year mentions of running text, with their paragraph.
    public var years: [(paragraph: Int, mention: YearMention)]
    /// Three or five digits before 年 in running text ("22017年"), with their paragraph.
    public var malformedYears: [(paragraph: Int, range: Range<Int>)] = []
    /// Facts per paragraph, in text order.
    public var paragraphFacts: [[Int]]
    /// Facts per table cell: tableFacts[t][row] is a dictionary column → fact id.
    public var tableFacts: [[[Int: Int]]]
    /// The dominant money unit of the report (万元 for most).
    public var dominantMoneyUnit: MoneyUnit?
    /// Each table's type by its headers (rules/tables.toml): "评分表", "绩效指标表", "预算执行表", or nil.
    public var tableTypes: [String?] = []
    public var changes: [ChangeStatement] = []
    /// Completion rates set against the share of the year elapsed (超序时进度…个百分点).
    public var scheduleProgress: [ScheduleProgressStatement] = []
    /// The enumerated items of the running text, in order (`Fact.outlineItem` points into it).
    public var outline: [OutlineItem] = []
    /// Indicators scored in running text, and the total score and full mark the text states.
    public var scoreItems: [ScoreItem] = []
    public var scoreRuns: [ScoreRun] = []
    public var proseTotalScore: Int?
    public var proseFullMark: Int?
    /// Points lost listed one by one and then in total ("…扣2分，…扣3分，合计扣5分"): the total and
    /// the items, fact indexes.
    public var pointsLost: [(total: Int, items: [Int])] = []
    /// Figures listed after a 其中 / 包括, whether or not the list could be read as a sum: each
    /// belongs to its list, not to the text at large.
    public var listed: Set<Int> = []
    /// A figure restated in another unit in the bracket right after it ("718.23万元（7,182,342元）")
    /// where the two disagree (a restatement that agrees is no fact at all).
    public var restatements: [(figure: Int, restated: Int)] = []
}
