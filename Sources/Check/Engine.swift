import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// Runs rules over the facts of one document and returns findings.
public struct Checker: Sendable {
    public var ruleSet: RuleSet {
        didSet {
            shapes = Checker.shapes(of: ruleSet)
            requiredKeys = Checker.requiredKeys(shapes)
            rules = ruleSet.rules.map(RuleBox.init)
            enabled = Checker.enabled(ruleSet)
            mergeRanks = FindingMerge.ranks(ruleSet)
        }
    }
    /// Each rule's merge rank and order (`FindingMerge.strengths`), found once per rule set.
    private var mergeRanks: [String: (merge: Decimal, order: Int)]
    /// The enabled rules' indices and ids (the same for every document).
    private var enabled: (indices: [Int], ids: Set<String>)

    private static func enabled(_ ruleSet: RuleSet) -> (indices: [Int], ids: Set<String>) {
        let indices = ruleSet.rules.indices.filter { ruleSet.rules[$0].enabled }
        return (indices, Set(indices.map { ruleSet.rules[$0].id }))
    }
    /// Per rule: what its formula asks of its references, found once per rule set, not per document.
    private var shapes: [FormulaCheck.Shape?]
    /// The keys some formula cannot do without, numbered, and per rule the numbers of its own: a
    /// document marks the ones it has once, and each formula rule reads its marks (asking the
    /// document's set of keys for each rule's keys hashed them again for every rule).
    private var requiredKeys: (index: [FormulaCheck.PresenceKey: Int], perRule: [[Int]])

    private static func requiredKeys(_ shapes: [FormulaCheck.Shape?]) -> (index: [FormulaCheck.PresenceKey: Int], perRule: [[Int]]) {
        var index = [FormulaCheck.PresenceKey: Int]()
        let perRule = shapes.map { shape in
            (shape?.requiredKeys ?? []).map { key in
                if let k = index[key] { return k }
                index[key] = index.count
                return index.count - 1
            }
        }
        return (index, perRule)
    }
    /// The rules, each held once: a rule is a large value, and copying it out of the array for
    /// every document cost more than some checks.
    private var rules: [RuleBox]

    final class RuleBox: Sendable {
        let rule: Rule
        init(_ rule: Rule) { self.rule = rule }
    }

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        shapes = Checker.shapes(of: ruleSet)
        requiredKeys = Checker.requiredKeys(shapes)
        rules = ruleSet.rules.map(RuleBox.init)
        enabled = Checker.enabled(ruleSet)
        mergeRanks = FindingMerge.ranks(ruleSet)
    }

    private static func shapes(of ruleSet: RuleSet) -> [FormulaCheck.Shape?] {
        ruleSet.rules.map { $0.formula.map(FormulaCheck.Shape.init) }
    }

    /// The rules a run checks (their indices in the rule set, in order, and their ids), found once
    /// for a run's selection: selecting them anew for every document hashed every rule's id twice.
    public struct Selection: Sendable, Equatable {
        let indices: [Int]
        let ids: Set<String>
    }

    /// The enabled rules, or only those in `only` (enabled or not).
    public func selection(only: Set<String>?) -> Selection {
        guard let only else { return Selection(indices: enabled.indices, ids: enabled.ids) }
        let indices = rules.indices.filter { only.contains(rules[$0].rule.id) }
        return Selection(indices: indices, ids: Set(indices.map { rules[$0].rule.id }))
    }

    /// Runs the enabled rules (or only `only`, for rule examples). `merge`: fold findings about one
    /// slip into one (FindingMerge); rule examples judge each rule before that.
    public func check(_ facts: FactSet, only: Set<String>? = nil, merge: Bool = true) -> [Finding] {
        check(facts, selection: selection(only: only), merge: merge)
    }

    /// Runs the rules of `selection` (made by `selection(only:)` of this checker).
    public func check(_ facts: FactSet, selection: Selection, merge: Bool = true) -> [Finding] {
        var context = CheckContext(facts: facts, lexicon: ruleSet.lexicon, ruleSet: ruleSet)
        context.active = selection.ids
        context.requiredKeyIndex = requiredKeys.index
        for k in selection.indices {
            // read through the box, not copied out of it (a copy retains every field of the rule)
            let box = rules[k]
            switch box.rule.kind {
            case .formula: if let shape = shapes[k] { FormulaCheck.run(box.rule, shape, required: requiredKeys.perRule[k], &context) }
            case .parts: PartsCheck.run(box.rule, &context)
            case .share: ShareCheck.run(box.rule, &context)
            case .change: ChangeCheck.run(box.rule, &context)
            case .unit: UnitCheck.run(box.rule, &context)
            case .year: YearCheck.run(box.rule, &context)
            case .consistency: ConsistencyCheck.run(box.rule, &context)
            case .score:
                if box.rule.check?.hasPrefix("prose-") == true && box.rule.check != "prose-total" { ProseScoreCheck.run(box.rule, &context) } else { ScoreCheck.run(box.rule, &context) }
            case .table: TableCheck.run(box.rule, &context)
            case .status: StatusCheck.run(box.rule, &context)
            case .pattern: PatternCheck.run(box.rule, &context)
            }
        }
        guard merge else { return context.finish() }
        let findings = context.finish()
        guard findings.count > 1 else { return findings }
        let ranks = mergeRanks
        return FindingMerge.merge(findings, strength: { ranks[$0] ?? (0, Int.max) })
    }
}

/// A finding under construction, with the facts it involves (for de-duplication).
struct Draft {
    var finding: Finding
    var involved: Set<Int>
    var priority: Int
}

/// Shared state and helpers of one check run.
struct CheckContext {
    let facts: FactSet
    let lexicon: Lexicon
    let ruleSet: RuleSet
    var active = Set<String>()
    var drafts = [Draft]()
    /// Fact sets a relation rule already evaluated, so larger frames do not repeat them.
    var evaluated = Set<[Int]>()
    /// Rates (fact id, rule key) a formula found to hold in some frame: a wider frame binding other figures to them says nothing.
    var heldRates = Set<[Int]>()
    /// The figures a relation rule found holding as its main figure (with the rule id's hash): a larger
    /// frame binding other figures to it is not the relation the text states.
    var held = Set<[Int]>()
    /// The score sheets of the document, built on first use.
    var scoreSheetCache: [ScoreSheet?]?

    mutating func scoreSheets() -> [ScoreSheet?] {
        if let cached = scoreSheetCache { return cached }
        let sheets = doc.tables.map { ScoreSheet.build($0, facts, layouts: lexicon.tables, vocabulary: lexicon.vocabulary) }
        scoreSheetCache = sheets
        return sheets
    }

    /// The sum of each group's parts (`FactSet.groups`), as intervals: asked by every parts rule.
    var partsSumCache: [Interval]?

    mutating func partsSums() -> [Interval] {
        if let cached = partsSumCache { return cached }
        let sums = facts.groups.map { group in group.parts.reduce(Interval(exactly: 0)) { $0 + intervals[$1] } }
        partsSumCache = sums
        return sums
    }

    /// Whether each group's parts make up its whole by their wording or the lexicon's
    /// decompositions (`PartsCheck.coversDecomposition`): asked by two parts rules, made once.
    var partsCompleteCache: [Bool]?

    mutating func partsComplete() -> [Bool] {
        if let cached = partsCompleteCache { return cached }
        let complete = facts.groups.map { group in
            group.closedByWording
                || !group.namesSomeParts && PartsCheck.coversDecomposition(fact(group.whole), group.parts.map { fact($0) }, lexicon)
        }
        partsCompleteCache = complete
        return complete
    }

    /// `TableCheck.labels` of each table, made once for all the table rules.
    var tableLabelCache: [[String]]?

    mutating func tableLabels() -> [[String]] {
        if let cached = tableLabelCache { return cached }
        let context = self
        let labels = doc.tables.map { TableCheck.labels($0, context) }
        tableLabelCache = labels
        return labels
    }

    /// The layouts of the document's tables (`TableCheck.layouts`), made once for all the table rules.
    var tableLayoutCache: [[TableCheck.Layout]]?

    mutating func tableLayouts() -> [[TableCheck.Layout]] {
        if let cached = tableLayoutCache { return cached }
        let layouts = TableCheck.layouts(&self)
        tableLayoutCache = layouts
        return layouts
    }

    var doc: StructuredDocument { facts.structured }

    /// The 其中 / 包括 groups of each whole.
    let groupsOfWhole: [Int: [PartsGroup]]

    /// Per paragraph, its years written as years (2023年, 2023年度), not quoted; and how often each
    /// year is named anywhere (relative mentions aside): made on first use, for the year checks that
    /// weigh one year against another.
    var statedYearsCache: (byParagraph: [Int: [YearMention]], named: [Int: Int])?

    mutating func statedYears() -> (byParagraph: [Int: [YearMention]], named: [Int: Int]) {
        if let known = statedYearsCache { return known }
        var byParagraph = [Int: [YearMention]]()
        var named = [Int: Int]()
        for (q, m) in facts.years where !m.quoted && m.form != .relative {
            named[m.year, default: 0] += 1
            if m.form == .year || m.form == .fiscalYear { byParagraph[q, default: []].append(m) }
        }
        statedYearsCache = (byParagraph, named)
        return (byParagraph, named)
    }

    /// The groups each fact is a part of, made on first use.
    var groupsOfPartCache: [Int: [PartsGroup]]?

    mutating func groups(withPart id: Int) -> [PartsGroup] {
        if groupsOfPartCache == nil {
            var ofPart = [Int: [PartsGroup]]()
            for group in facts.groups { for part in group.parts { ofPart[part, default: []].append(group) } }
            groupsOfPartCache = ofPart
        }
        return groupsOfPartCache?[id] ?? []
    }

    init(facts: FactSet, lexicon: Lexicon, ruleSet: RuleSet) {
        self.facts = facts
        self.lexicon = lexicon
        self.ruleSet = ruleSet
        groupsOfWhole = Dictionary(grouping: facts.groups, by: { $0.whole })
        intervals = facts.facts.map { $0.interval }
    }

    /// Each fact's interval, computed once: the checks ask for the same facts' intervals again and
    /// again (every formula rule, every frame), and each costs decimal arithmetic.
    let intervals: [Interval]

    /// The facts of each instance of a frame (`FormulaCheck.instances`), found once per document
    /// for all the formula rules, with the `presenceBits` of each instance's figures together.
    var instanceCache: [Frame: (members: [[Int]], bits: [UInt64])] = [:]

    mutating func instances(of frame: Frame) -> [[Int]] {
        instancesWithBits(of: frame).members
    }

    mutating func instancesWithBits(of frame: Frame) -> (members: [[Int]], bits: [UInt64]) {
        if let known = instanceCache[frame] { return known }
        _ = formulaKeys()
        let found = FormulaCheck.instances(of: frame, self)
        let bits = found.map { $0.reduce(UInt64(0)) { $0 | factPresenceBits[$1] } }
        instanceCache[frame] = (found, bits)
        return (found, bits)
    }

    /// Every `FormulaCheck.presenceKey` some figure of the document satisfies, made on first use.
    var formulaKeyCache: Set<FormulaCheck.PresenceKey>?
    /// A bit for each of the first 64 item-less presence keys of the document (in the order the
    /// figures give them); the other keys have none.
    var presenceBitOfKey: [FormulaCheck.PresenceKey: UInt64] = [:]
    /// Per fact (by id): the bits of its item-less presence keys. An instance of a frame whose
    /// figures lack a bit a formula needs cannot bind the formula (`FormulaCheck.requiredBits`).
    var factPresenceBits: [UInt64] = []

    /// The numbered keys formulas cannot do without (`Checker.requiredKeys`), and which of them
    /// the document has (made with `formulaKeys`).
    var requiredKeyIndex: [FormulaCheck.PresenceKey: Int] = [:]
    var requiredPresent: [Bool] = []

    mutating func formulaKeys() -> Set<FormulaCheck.PresenceKey> {
        if let known = formulaKeyCache { return known }
        let requiredIndex = requiredKeyIndex
        var present = [Bool](repeating: false, count: requiredIndex.count)
        // sized once: grown from empty, the set and the map were rehashed at each doubling
        var keys = Set<FormulaCheck.PresenceKey>(minimumCapacity: min(facts.facts.count * 2, 4096))
        var bitOfKey = [FormulaCheck.PresenceKey: UInt64](minimumCapacity: 64)
        var factBits = [UInt64](repeating: 0, count: facts.facts.count)
        // through the buffer: a fact handed on from the array's subscript was copied
        facts.facts.withUnsafeBufferPointer { all in for k in all.indices {
            FormulaCheck.presenceKeys(all[k]) { key in
                if keys.insert(key).inserted, let i = requiredIndex[key] { present[i] = true }
                guard key.item == nil else { return }
                if let bit = bitOfKey[key] {
                    factBits[k] |= bit
                } else if bitOfKey.count < 64 {
                    let bit = UInt64(1) << UInt64(bitOfKey.count)
                    bitOfKey[key] = bit
                    factBits[k] |= bit
                }
            }
        } }
        formulaKeyCache = keys
        requiredPresent = present
        presenceBitOfKey = bitOfKey
        factPresenceBits = factBits
        return keys
    }

    /// Per fact: the item and scope of its concept as one text (`FormulaCheck.subjectText`), made on
    /// first use.
    var subjectTextCache: [String] = []
    var perUnitAmountCache: Set<Int>?

    /// The amounts named per unit (`per_unit_words` in the label: "每人每月1,000元"), made once.
    mutating func perUnitAmounts() -> Set<Int> {
        if let known = perUnitAmountCache { return known }
        let words = vocabulary[.perUnitWords]
        let found = Set(facts.facts.indices.filter { facts.facts[$0].kind.isMoney && words.occurs(in: facts.facts[$0].label) })
        perUnitAmountCache = found
        return found
    }

    /// Per item-less presence key, the ids of the figures that have it (every key, not only the
    /// first 64 that get a bit), made on first use: a reference looked for across the whole document
    /// is looked for among these (`FormulaCheck.alternativeHolds`), not among all its figures once
    /// per frame instance, which grew with the square of the document's length.
    var figuresByKeyCache: [FormulaCheck.PresenceKey: [Int]]?

    /// `FormulaCheck.statedElsewhere`, by reference and year.
    struct ElsewhereKey: Hashable {
        let ref: ConceptReference
        let year: Int?
    }
    var statedElsewhereCache: [ElsewhereKey: [Int]] = [:]

    mutating func figures(withKey key: FormulaCheck.PresenceKey) -> [Int] {
        if let known = figuresByKeyCache { return known[key] ?? [] }
        var index = [FormulaCheck.PresenceKey: [Int]]()
        facts.facts.withUnsafeBufferPointer { all in for k in all.indices {
            FormulaCheck.presenceKeys(all[k]) { key in
                if key.item == nil { index[key, default: []].append(k) }
            }
        } }
        figuresByKeyCache = index
        return index[key] ?? []
    }

    mutating func subjectTexts() -> [String] {
        if subjectTextCache.count != facts.facts.count {
            // by index: the facts are read in place, not copied
            subjectTextCache = facts.facts.indices.map { FormulaCheck.subjectText(facts.facts[$0].concept) }
        }
        return subjectTextCache
    }

    var vocabulary: Vocabulary { lexicon.vocabulary }

    /// Slips a relation check (formula, parts, share) finds that another family reports: the
    /// receiving checks declare them (`CheckDeclaration.receives`), so no check names another rule.
    enum Slip {
        /// The relation holds once `slipped`, written in `written`, are read in the other unit.
        case unit(slipped: [Fact], involved: [Fact], written: MoneyUnit)
        /// The relation holds between figures dated to different years.
        case years(involved: [Fact], relation: String)
    }

    /// Hands a slip to the active rules that report it; false when none does (the relation check
    /// then reports what it found itself).
    mutating func handOver(_ slip: Slip) -> Bool {
        var handled = false
        for rule in ruleSet.rules where active.contains(rule.id) {
            switch (slip, rule.declaration?.receives) {
            case (.unit(let slipped, let involved, let written), .unitSlip?):
                guard (rule[.writtenUnit] == "wan-yuan") == (written == .wanYuan) else { continue }
                UnitCheck.reportMixed(rule, slipped: slipped, involved: involved, &self)
                handled = true
            case (.years(let involved, let relation), .yearSlip?):
                YearCheck.reportMixedYears(rule, involved: involved, formula: relation, &self)
                handled = true
            default:
                continue
            }
        }
        return handled
    }

    /// Adds a finding about `main` (a fact) with the other facts as related locations. The message
    /// is the rule's (or its alternative `message`), `{label}` the label of `main`.
    mutating func report(_ rule: Rule, main: Fact, others: [Fact] = [], evidence: String, message: MessageTemplate? = nil,
                         slots: [Slot: String] = [:], relatedNotes: [Int: String] = [:]) {
        let related = others.filter { $0.id != main.id }.map { f in
            RelatedLocation(position: f.numberSpan.start, place: f.sourcePlace, message: relatedNotes[f.id] ?? describe(f))
        }
        var values = slots
        values[.label] = values[.label] ?? displayLabel(main)
        let finding = Finding(rule: rule.id, category: rule.category, severity: rule.severity, span: main.span,
                              place: main.sourcePlace, message: rule.message(message, values), evidence: evidence, related: related,
                              fingerprint: fingerprint(rule.id, main))
        drafts.append(Draft(finding: finding, involved: Set([main.id] + others.map(\.id)), priority: drafts.count))
    }

    /// Adds a finding about a span of text (a heading, a phrase), not a fact.
    mutating func report(_ rule: Rule, span: SourceSpan, place: String? = nil, evidence: String, message: MessageTemplate? = nil,
                         slots: [Slot: String] = [:], related: [RelatedLocation] = [], key: String) {
        var values = slots
        values[.label] = values[.label] ?? ""
        let finding = Finding(rule: rule.id, category: rule.category, severity: rule.severity, span: span, place: place,
                              message: rule.message(message, values), evidence: evidence, related: related,
                              fingerprint: rule.id + "|" + key)
        drafts.append(Draft(finding: finding, involved: [], priority: drafts.count))
    }

    /// "基本支出预算数 822.24万元（第28行）"
    func describe(_ f: Fact) -> String {
        let label = displayLabel(f)
        return label.isEmpty ? f.shown : "\(label) \(f.shown)"
    }

    func displayLabel(_ f: Fact) -> String {
        var label = f.head
        guard label.count > 24 else { return label }
        label = String(label.suffix(24))
        // cut inside a year ("2022年上级下达…" → "022年上级下达…"): the year goes with its digits
        if label.first?.isASCII == true && label.first?.isNumber == true {
            var rest = Substring(label.drop { $0.isASCII && $0.isNumber })
            if rest.first == "年" { rest = rest.dropFirst(); if rest.first == "度" { rest = rest.dropFirst() } }
            label = String(rest)
        }
        return label
    }

    /// Rule id + the text around the fact (its sentence, at most 40 characters either side) with
    /// white space removed: stable when lines move, bounded however long the sentence.
    func fingerprint(_ rule: String, _ f: Fact) -> String {
        rule + "|" + compactWindow(of: f, radius: 40) + "|" + f.literal
    }

    /// `withoutWhitespace(windowText(of:radius:))`, filtered on the paragraph's own scalars when
    /// each is a character of its own (no string made, decoded and made again).
    func compactWindow(of f: Fact, radius: Int) -> String {
        if case .text(let p, let s, _) = f.place {
            let para = doc.paragraphs[p]
            let sentence = para.sentences.indices.contains(s) ? para.sentences[s] : 0..<para.text.count
            let lo = max(sentence.lowerBound, f.number.range.lowerBound - radius)
            let hi = min(sentence.upperBound, f.number.range.upperBound + radius)
            let r = para.text.clamp(lo..<max(lo, hi))
            let window = para.text.scalars[r]
            if window.allSatisfy({ ScalarString.isOwnCharacter($0) || $0 == "\t" || $0 == "\r" }) {
                return ScalarString.make(window.filter { !ConsistencyCheck.isWhitespace($0) })
            }
        }
        return CheckContext.withoutWhitespace(windowText(of: f, radius: radius))
    }

    /// `text.filter { !$0.isWhitespace }`, by scalars when each scalar is a character of its own
    /// (no grapheme breaking, no property lookup for ASCII and ideographs).
    /// A tab or a carriage return (alone or in CR LF) goes as a whole, as its character would: the
    /// flattened tables' tabs no longer send a text to grapheme breaking.
    static func withoutWhitespace(_ text: String) -> String {
        let scalars = ScalarString.scalars(text)
        guard scalars.allSatisfy({ ScalarString.isOwnCharacter($0) || $0 == "\t" || $0 == "\r" }) else { return text.filter { !$0.isWhitespace } }
        guard scalars.contains(where: ConsistencyCheck.isWhitespace) else { return text }
        return ScalarString.make(scalars.filter { !ConsistencyCheck.isWhitespace($0) })
    }

    func windowText(of f: Fact, radius: Int) -> String {
        guard case .text(let p, let s, _) = f.place else { return sentenceText(of: f) }
        let para = doc.paragraphs[p]
        let sentence = para.sentences.indices.contains(s) ? para.sentences[s] : 0..<para.text.count
        let lo = max(sentence.lowerBound, f.number.range.lowerBound - radius)
        let hi = min(sentence.upperBound, f.number.range.upperBound + radius)
        return para.text.string(lo..<max(lo, hi))
    }

    func sentenceText(of f: Fact) -> String {
        switch f.place {
        case .text(let p, let s, _):
            let para = doc.paragraphs[p]
            return para.sentences.indices.contains(s) ? para.text.string(para.sentences[s]) : para.string
        case .cell(let t, let r, _):
            return doc.tables[t].rows[r].cells.map(\.string).joined(separator: "|")
        }
    }

    /// Drops findings that repeat another's involved facts, keeps rule order, sorts by position.
    @inline(never)
    func finish() -> [Finding] {
        var kept = [Draft]()
        // what the drafts kept cover, hashed: a search of the kept ones for each grew with the
        // square of a long report's findings
        struct SameFigures: Hashable { let span: SourceSpan; let involved: Set<Int> }
        struct SameFinding: Hashable { let rule: String; let span: SourceSpan; let evidence: String }
        var figuresKept = Set<SameFigures>(), findingsKept = Set<SameFinding>()
        for draft in drafts {
            let figures = SameFigures(span: draft.finding.span, involved: draft.involved)
            if !draft.involved.isEmpty, figuresKept.contains(figures) { continue }
            let finding = SameFinding(rule: draft.finding.rule, span: draft.finding.span, evidence: draft.finding.evidence)
            if !findingsKept.insert(finding).inserted { continue }
            // (a kept draft with no figures is looked up by its finding only, as before)
            if !draft.involved.isEmpty { figuresKept.insert(figures) }
            kept.append(draft)
        }
        return kept.map(\.finding).sorted {
            ($0.span.start, $0.rule) < ($1.span.start, $1.rule)
        }
    }

    // MARK: fact helpers

    func fact(_ id: Int) -> Fact { facts.facts[id] }

    func sentence(of f: Fact) -> (paragraph: Int, sentence: Int)? {
        if case .text(let p, let s, _) = f.place { return (p, s) }
        return nil
    }

    /// Where `f` stands among its paragraph's facts (which are in text order), by binary search: the
    /// index of the first fact starting at or after it. nil for a figure of a table.
    func positionInParagraph(of f: Fact) -> (ids: [Int], at: Int)? {
        guard let (p, _) = sentence(of: f) else { return nil }
        let ids = facts.paragraphFacts[p]
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if fact(ids[mid]).number.range.lowerBound < f.number.range.lowerBound { lo = mid + 1 } else { hi = mid } }
        return (ids, lo)
    }

    /// `part` ÷ `base` × 100, within both figures' rounding, is within `stated`.
    func ratio(_ part: Fact, _ base: Fact, fits stated: Interval) -> Bool {
        guard let r = interval(part) / interval(base) else { return false }
        return (r * Interval(exactly: 100)).overlaps(stated)
    }

    /// A stated percentage as a writer who rounded twice reads it (33.048 → 33.05 → 33.1): its
    /// interval reaches down half a unit of the next place further. Rates only: money is rounded once.
    func statedRate(_ f: Fact) -> Interval {
        let i = interval(f)
        guard f.kind == .percent, f.number.comparator == nil, Decimals.lessOrEqual(0, i.lo) else { return i }
        return Interval(ordered: i.lo - Decimals.halfUnit(decimals: f.number.decimals + 1), i.hi)
    }

    func interval(_ f: Fact) -> Interval {
        // a fact of this document (ids are indexes): its interval is computed once
        guard f.id >= 0, f.id < intervals.count, facts.facts[f.id].id == f.id else { return f.interval }
        return intervals[f.id]
    }

    /// The value in the unit of `reference` (万元 figures shown in 万元).
    func value(_ f: Fact, inUnitOf reference: Fact) -> Decimal {
        guard let u = f.kind.moneyUnit, let r = reference.kind.moneyUnit, u != r else { return f.value }
        return f.value * Decimals.pow10(u.exponent - r.exponent)
    }
}

/// Number formatting for evidence texts.
enum Show {
    static func number(_ value: Decimal, scale: Int) -> String { Decimals.format(value, scale: scale) }

    /// The unit text used in 差 …: 万元 for money, 个百分点 (the vocabulary's) for rates, 分 for scores.
    static func differenceUnit(_ f: Fact, _ vocabulary: Vocabulary) -> String {
        switch f.kind {
        case .money(let u): return " " + u.rawValue
        case .percent: return " " + (vocabulary[.percentagePointUnits].words.first ?? "pp")
        case .score: return " 分"
        case .count(let w): return " " + w
        default: return ""
        }
    }

    static func scale(_ facts: [Fact]) -> Int { facts.map(\.number.decimals).max() ?? 0 }
}
