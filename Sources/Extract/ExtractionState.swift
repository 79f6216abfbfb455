import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// The one fact table of a document being extracted, and what the passes add to it. Each pass
/// (one file each: ProseFacts, TableFacts, Years, Groups, ConceptInheritance, Shares, Changes)
/// extends this class with its own methods; `Extractor.passes` lists them in order with what
/// each reads and writes. A class, not a struct: the passes' local closures captured a struct's
/// `self` by copying the whole state (≈ 60 arrays and tables retained and released each time,
/// a few per cent of a batch).
final class ExtractionState {
    let doc: StructuredDocument
    let lexicon: Lexicon
    let scanner: NumberScanner
    let labels: Labels
    /// Every measure phrase of the lexicon (预算数, 支出决算 …), for names without their measure.
    let measurePhrases: WordSet
    var vocabulary: Vocabulary { lexicon.vocabulary }
    var facts = [Fact]()
    var paragraphFacts: [[Int]]
    var tableFacts: [[[Int: Int]]]
    var years = [(paragraph: Int, mention: YearMention)]()
    var malformedYears = [(paragraph: Int, range: Range<Int>)]()
    var groups = [PartsGroup]()
    /// The first group each part belongs to, and the groups of each whole: looked up for every
    /// figure, so kept beside `groups` instead of searching it.
    var groupOfPart: [Int: Int] = [:]
    var listed = Set<Int>()
    var groupsOfWhole: [Int: [Int]] = [:]
    /// Every group of each part, in the order of `groups`.
    var groupsOfPart: [Int: [Int]] = [:]
    var shares = [ShareStatement]()
    /// The parts of the shares so far by the base each names (`shareOf`), brought up to date on asking:
    /// a base is looked for among many figures, each asked whether it is some share's part.
    var sharePartsByBaseName: [String: Set<Int>] = [:]
    var sharesIndexed = 0
    var changes = [ChangeStatement]()
    var scheduleProgress = [ScheduleProgressStatement]()
    var outline = [OutlineItem]()
    var scoreItems = [ScoreItem]()
    /// Score sheets flattened into running text (`FlatScoreRun`), as facts: read into `scoreRuns`.
    var flatRuns = [(weights: [Int], scores: [Int], names: [String], fullMark: Int, total: Int?, actuals: [Int?])]()
    var scoreRuns = [ScoreRun]()
    var flatRunFacts = Set<Int>()
    var proseTotalScore: Int?
    var proseFullMark: Int?
    var pointsLost = [(total: Int, items: [Int])]()
    var restatements = [(figure: Int, restated: Int)]()
    var fiscalYear: Int?
    var fiscalYearSource = "none"
    var titleYear: Int?
    /// The title's scalars with its broken-off lines (`titleScalars()`); empty: no title.
    var titleText: [Unicode.Scalar]?
    /// The first cells of the tables' rows (`namesTableRow`).
    var tableRowNames: [String]?
    /// Year mentions per paragraph, for resolving facts' years.
    var paragraphYears: [[YearMention]]
    /// Text of table cells scanned as prose ("说明" cells): (table, row, column) → the text.
    var cellTexts: [FactPlace: TextRun] = [:]
    /// Facts of each sentence of each paragraph, in text order (built after the paragraphs are
    /// read): relations stay within a sentence or two, so they are found without rescanning the
    /// whole paragraph for every figure.
    var sentenceFacts: [[Int: [Int]]] = []
    /// The plan figures of prose (`pairDistantPlanCompletionRates`), found on first use.
    var distantPlans: [Int]?
    /// Labels resolved so far: table cells repeat their row label and column header.
    var resolved: [TextKey: Lexicon.Resolution] = [:]
    /// Whether the title reports on one project (`reportsOnProject`), found when first asked.
    var titleOnProject: Bool?
    /// Labels read so far (`reading(of:)`), for the same reason.
    var labelReadings: [TextKey: LabelReading] = [:]
    /// The money unit most prose amounts use (set before tables are read).
    var proseMoneyUnit: MoneyUnit?
    /// Name columns per (table, header segment), computed once.
    var nameColumnCache: [TableSegment: Set<Int>] = [:]
    var headerUnitCache: [TextKey: HeaderUnit] = [:]
    var headerRoleCache: [TextKey: HeaderRoles] = [:]
    /// This year's plain figures of each lexicon item (`namedInPreviousSentence`), made on first use.
    var figuresBySubject: [SubjectKey: [Int]]?
    /// The one figure of each subject, measure and qualifier (nil: none, or several values), found once.
    var subjectFigures: [SubjectFigureKey: Int?] = [:]
    /// Bracket depth before each scalar of the paragraph last asked about: a paragraph with many
    /// 其中 would otherwise be rescanned from its start for each one.
    var bracketDepths: (paragraph: Int, depths: [Int])?
    /// The prose figures by name, for a share's base named beyond its section: made on first use
    /// (most documents never need it), held by reference so that a lookup needs no mutation.
    let proseNames = ProseNameIndex()

    init(doc: StructuredDocument, lexicon: Lexicon, words: ExtractionWords? = nil) {
        self.doc = doc
        self.lexicon = lexicon
        let words = words ?? ExtractionWords(lexicon: lexicon)
        scanner = words.scanner
        labels = words.labels
        measurePhrases = words.measurePhrases
        paragraphFacts = Array(repeating: [], count: doc.paragraphs.count)
        paragraphYears = Array(repeating: [], count: doc.paragraphs.count)
        tableFacts = doc.tables.map { Array(repeating: [:], count: $0.rows.count) }
        // the label caches sized to the document (a label or two a paragraph or row): grown from
        // empty, each doubling rehashed every label read so far
        // (a short document's few labels cost less to grow into than to reserve for)
        let lines = doc.paragraphs.count + doc.tables.reduce(0) { $0 + $1.rows.count }
        if lines >= 64 {
            resolved.reserveCapacity(min(lines, 2048))
            labelReadings.reserveCapacity(min(lines / 2, 1024))
        }
    }

    /// The prose figures by name (the head without a leading year), in text order.
    final class ProseNameIndex {
        private var byName: [String: [Int]]?
        private var asked = 0

        func facts(named name: String, in state: ExtractionState) -> [Int] {
            // most documents ask once or twice: a scan then costs less than hashing every name
            asked += 1
            if byName == nil && asked <= 4 {
                var found: [Int] = []
                Self.forEachNamed(in: state) { id, named in if named == name { found.append(id) } }
                return found
            }
            if byName == nil {
                var index = [String: [Int]]()
                Self.forEachNamed(in: state) { id, named in index[named, default: []].append(id) }
                byName = index
            }
            return byName![name] ?? []
        }

        /// Each prose figure (no percentage, no bare number) with its name, in text order.
        private static func forEachNamed(in state: ExtractionState, _ body: (Int, String) -> Void) {
            for p in state.doc.paragraphs {
                for id in state.paragraphFacts[p.index] where state.facts[id].kind != .percent && state.facts[id].kind != .bare {
                    body(id, state.nameOf(state.facts[id]))
                }
            }
        }
    }

    /// "30万元档": the amount names a tier of a scale (`tier_words` right after it).
    func namesTier(_ id: Int) -> Bool {
        guard case .text(let p, _, _) = facts[id].place else { return false }
        return vocabulary[.tierWords].prefixLength(doc.paragraphs[p].text.scalars, at: facts[id].number.range.upperBound) > 0
    }

    /// The measure words a count in prose is counted in besides its own ("131台（座、辆）").
    func severalMeasureWords(_ id: Int) -> [String]? {
        guard facts[id].kind.measureWord != nil, case .text(let p, _, _) = facts[id].place else { return nil }
        return NumberScanner.alternativeMeasureWords(doc.paragraphs[p].text.scalars, at: facts[id].number.range.upperBound, countUnits: vocabulary[.countUnits])
    }

    func appendGroup(_ group: PartsGroup) {
        var group = group
        // "其中一般站由54个增加到90个": a part's figure to start from and the one it reached, in one clause,
        // are one part (the one reached)
        let fromMarkers = vocabulary[.changeFromMarkers]
        group.parts = group.parts.enumerated().filter { k, id in
            guard k + 1 < group.parts.count, fromMarkers.isSuffix(of: facts[id].label) else { return true }
            let next = facts[group.parts[k + 1]]
            return !(next.kind.sameFamily(as: facts[id].kind) && clauseIndex(of: next) == clauseIndex(of: facts[id])
                     && sentenceIndex(of: next) == sentenceIndex(of: facts[id]))
        }.map(\.element)
        // "冷链设备共131台（座、辆），即冰箱126台、冷库2座、冷藏车3辆，已实现自动监测的125台（座、辆）": a
        // figure counted in the same several measure words as the whole is some of its things, not a part
        if let several = severalMeasureWords(group.whole) { group.parts.removeAll { severalMeasureWords($0) == several } }
        // "共设置一级指标4个、二级指标12个、三级指标21个": levels of a hierarchy, the first no whole of the others
        let levels = vocabulary[.levelNames]
        if levels.occurs(in: facts[group.whole].label) && group.parts.allSatisfy({ levels.occurs(in: facts[$0].label) }) { return }
        // "其中：人员经费支出a，…人均b；公用经费支出c，…人均公用经费d，低于全县e的平均水平": amounts per head, and
        // figures measured against, are figures of their own when the plain parts alone make up the whole
        let perUnit = vocabulary[.perUnitWords], measured = vocabulary[.measuredAgainstVerbs]
        if facts[group.whole].kind.isMoney, !perUnit.occurs(in: facts[group.whole].label),
           case let asides = Set(group.parts.filter({ facts[$0].kind.isMoney && (perUnit.occurs(in: facts[$0].label) || measured.isPrefix(of: facts[$0].label)) })),
           !asides.isEmpty, case let plain = group.parts.filter({ !asides.contains($0) }), plain.count >= 2,
           plain.reduce(Interval(exactly: 0), { $0 + interval(facts[$1]) }).overlaps(interval(facts[group.whole])) {
            group.parts = plain
        }
        if group.parts.isEmpty || groupsOfWhole[group.whole]?.contains(where: { groups[$0].parts == group.parts }) == true { return }
        // a flattened score sheet's 合计 is read by the score checks
        if flatRunFacts.contains(group.whole) || group.parts.contains(where: flatRunFacts.contains) { return }
        // "预算执行率10分（得分9.8分）、…，合计得分94.8分": weights are no parts of a total score, nor
        // scores of a total weight
        // (but "满分100分，其中决策20分、过程20分…": figures named only, listed under a full mark, are its weights)
        if facts[group.whole].kind == .score, group.parts.contains(where: { isWeight(facts[$0]) != isWeight(facts[group.whole]) }),
           !(isWeight(facts[group.whole]) && vocabulary[.fullMarkWords].occurs(in: facts[group.whole].label)
             && group.parts.allSatisfy({ facts[$0].concept.measure == nil && !facts[$0].marksTotal })) { return }
        // "…得29分；…得13.5分，三项合计96.5分": a total that says how many parts it sums up sums that many
        // (not a 其中 list: "两项补贴共安排资金A，其中中央a、省级b、县级c" counts the subsidies, not the sources)
        if group.marker != .qizhong, let n = countedParts(in: facts[group.whole].label), n != group.parts.count { return }
        // "巩固率扣1分，政策知晓率扣2分，合计得27分": points lost are no parts of a score, nor scores of points lost
        if facts[group.whole].kind == .score, group.parts.contains(where: { isDeduction(facts[$0]) != isDeduction(facts[group.whole]) }) { return }
        // "生均经费15000元，其中幼儿园9000元，小学12000元": averages per level are no parts of an average
        if namesPerUnit(facts[group.whole].label) { return }
        // "初级工1,000元/人、612人，中级工1,500元/人、348人，合计发放补贴A": standards per unit are no parts
        if isPerUnitStandard(facts[group.whole]) || group.parts.contains(where: { isPerUnitStandard(facts[$0]) }) { return }
        // "适用30万元档的公墓4个、20万元档4个…，奖补合计236.00万元": amounts naming tiers of a scale are no parts
        if group.parts.contains(where: namesTier) { return }
        let index = groups.count
        groups.append(group)
        for part in group.parts where groupOfPart[part] == nil { groupOfPart[part] = index }
        for part in group.parts where groupsOfPart[part]?.last != index { groupsOfPart[part, default: []].append(index) }
        groupsOfWhole[group.whole, default: []].append(index)
    }

    /// A label naming an amount per unit (`per_unit_words`), but for the standard a figure was reckoned
    /// by (`basis_leads`): "按现行标准测算需补助资金" is no standard.
    func namesPerUnit(_ label: String) -> Bool {
        let words = vocabulary[.perUnitWords]
        let s = ScalarString.scalars(label)
        guard let match = words.firstMatch(in: s) else { return false }
        // ("按每村3万元": a per-unit word right after the lead is the standard itself)
        if let lead = vocabulary[.basisLeads].firstMatch(in: s), lead.start < match.start, match.start - lead.start <= 8,
           lead.start + lead.length < match.start {
            return words.firstMatch(in: s, from: match.start + match.length) != nil
        }
        return true
    }

    /// An amount written per unit (`per_unit_after`: "1,000元/人", "228元每吨", "按218元标准发放").
    func isPerUnitStandard(_ f: Fact) -> Bool {
        guard f.kind.isMoney, case .text(let p, _, _) = f.place else { return false }
        let s = doc.paragraphs[p].text.scalars
        let e = f.number.range.upperBound
        return e + 1 < s.count && vocabulary[.perUnitAfter].prefixLength(s, at: e) > 0 && !CharClass.isDigit(s[e + 1])
    }

    /// Gives group `g` another whole (the indexes by whole follow).
    func replaceWhole(of g: Int, with whole: Int) {
        let old = groups[g].whole
        groupsOfWhole[old]?.removeAll { $0 == g }
        if groupsOfWhole[old]?.isEmpty == true { groupsOfWhole[old] = nil }
        groups[g].whole = whole
        groupsOfWhole[whole, default: []].append(g)
    }

    func isGrouped(_ id: Int) -> Bool { groupOfPart[id] != nil }

    func indexSentences() {
        sentenceFacts = paragraphFacts.map { ids in
            var map = [Int: [Int]]()
            for id in ids { map[sentenceIndex(of: facts[id]), default: []].append(id) }
            return map
        }
    }

    func facts(paragraph p: Int, sentence s: Int) -> [Int] {
        guard p < sentenceFacts.count else { return [] }
        return sentenceFacts[p][s] ?? []
    }

    func sentenceIndex(of fact: Fact) -> Int { Self.sentence(of: fact) }

    /// The sentence of a figure of running text in its paragraph; −1 for a table cell. (Static:
    /// closures in mutating methods that called the instance method copied the whole state.)
    static func sentence(of fact: Fact) -> Int {
        if case .text(_, let s, _) = fact.place { return s }
        return -1
    }

    /// The paragraphs' indexes, in order: a loop over them that reads a paragraph's fields in place
    /// copies no paragraph (a `for p in doc.paragraphs` retained and released each one's text,
    /// sentences and section path).
    var paragraphIndexes: [Int] { doc.paragraphs.indices.map { doc.paragraphs[$0].index } }

    func resolve(_ label: String) -> Lexicon.Resolution {
        if let r = resolved[TextKey(label)] { return r }
        var r = lexicon.resolve(label)
        // "2023年基本公共卫生服务项目资金总额" in a report titled "…基本公共卫生服务项目绩效评价报告": the
        // subject the title reports on is the whole, no scope of a part (a short scope only when it
        // is itself such an ending: "专项资金实际支出" in a report on "…专项资金")
        // (not a name a row of a table starts with: "专项债券资金结余A" beside a funding table's row "专项债券资金"
        // in a report titled "…工程专项债券项目" is that row's)
        if r.item == nil, r.measure != nil || r.rate != nil,
           r.scope.unicodeScalars.count >= 3 || vocabulary[.titleSubjectEndings].contains(r.scope), namesTitleSubject(r.scope),
           !namesTableRow(r.scope) {
            r.scope = ""
            r.item = "total"
        }
        // "2023年项目预算235.40万元" in a report titled "…筛查项目绩效自评报告": the project is what the
        // report is on, its budget the whole's
        // (named by the bare word only: "项目支出" beside 基本支出 is a kind of spending even there)
        if r.item == "project" && r.scope.isEmpty {
            if titleOnProject == nil { titleOnProject = reportsOnProject() }
            if titleOnProject == true
                && !lexicon.items.contains(where: { $0.id == "project" && $0.priority >= 0 && $0.phrases.contains { label.contains($0) } }) {
                r.item = "total"
            }
        }
        resolved[TextKey(label)] = r
        return r
    }

    /// Whether the title names a project as what the report is on (`project_title_words`), and no
    /// department as a whole (`department_title_words`).
    func reportsOnProject() -> Bool {
        guard let title = titleScalars() else { return false }
        guard !vocabulary[.departmentTitleWords].occurs(in: ScalarString.make(title)) else { return false }
        // a project of a name ("…筛查项目…"), not projects of a year ("2022年度项目支出…")
        return vocabulary[.projectTitleWords].matches(in: title).contains { m in
            m.start > 0 && CharClass.isHan(title[m.start - 1]) && vocabulary[.unnamedProjectLeads].suffixLength(title, endingAt: m.start) == 0
        }
    }

    /// Whether a row of one of the document's tables is named with `scope` first ("专项债券资金" for
    /// 专项债券): the names found once.
    func namesTableRow(_ scope: String) -> Bool {
        if tableRowNames == nil {
            var names = [String]()
            for table in doc.tables {
                for row in table.rows {
                    if let first = row.cells.first?.string, !first.isEmpty, !first.unicodeScalars.contains(where: CharClass.isDigit) { names.append(first) }
                }
            }
            tableRowNames = names
        }
        return tableRowNames!.contains { $0.hasPrefix(scope) }
    }

    /// The title with the lines an export broke it into before it ("岑川县2023年度乡村教师生活补助资金⏎
    /// 绩效评价报告"), found once.
    func titleScalars() -> [Unicode.Scalar]? {
        if let known = titleText { return known.isEmpty ? nil : known }
        guard let t = doc.titleParagraph else { titleText = []; return nil }
        titleText = TitleLines.of(t, in: doc.paragraphs, vocabulary: vocabulary).flatMap { doc.paragraphs[$0].text.scalars }
        return titleText
    }

    /// Whether the title names `scope` as what it reports on: followed there by a word of
    /// `title_subject_endings` ("…基本公共卫生服务项目…", "…就业补助资金…").
    func namesTitleSubject(_ scope: String) -> Bool {
        guard let title = titleScalars() else { return false }
        let name = Array(scope.unicodeScalars)
        let endings = vocabulary[.titleSubjectEndings]
        guard title.count > name.count else { return false }
        for i in 0...(title.count - name.count) where title[i] == name[0] {
            if title[i..<(i + name.count)].elementsEqual(name) && endings.prefixLength(title, at: i + name.count) > 0 { return true }
        }
        return false
    }

    /// A fact's value as an interval in 元 (or plain), rounding included: the one interval of a
    /// fact, shared with the checks through `Fact.interval`.
    func interval(_ f: Fact) -> Interval { f.interval }

    /// The money unit most of the facts are in, and how many: a tie goes to 万元, then to the unit
    /// listed first (never to the dictionary's order, which changes from run to run and made
    /// findings differ between runs).
    static func mostFrequentMoneyUnit(of facts: [Fact]) -> (unit: MoneyUnit, count: Int)? {
        // counted per case in an array: a dictionary keyed by the unit hashed its Chinese raw value
        let units = MoneyUnit.allCases
        var counts = [Int](repeating: 0, count: units.count)
        for k in facts.indices { if let u = facts[k].kind.moneyUnit, !u.isDollar, let i = units.firstIndex(of: u) { counts[i] += 1 } }
        let rank = { (i: Int) in units[i] == .wanYuan ? -1 : i }
        var best: Int?
        for i in counts.indices where counts[i] > 0 {
            if let b = best, counts[b] > counts[i] || (counts[b] == counts[i] && rank(b) < rank(i)) { continue }
            best = i
        }
        return best.map { (units[$0], counts[$0]) }
    }

    func result() -> FactSet {
        let dominant = Self.mostFrequentMoneyUnit(of: facts)?.unit
        var set = FactSet(structured: doc, fiscalYear: fiscalYear, fiscalYearSource: fiscalYearSource, titleYear: titleYear,
                          facts: facts, groups: groups,
                          // ("其中财政拨款收入占本年收入的P%" with no amount of the part: the whole, or the same figure
                          // stated again, is no part of itself)
                          shares: shares.filter { share in
                              !share.baseParts.isEmpty || share.part != share.base
                                  && !(facts[share.part].value == facts[share.base].value && facts[share.part].label == facts[share.base].label)
                          },
                          years: years, paragraphFacts: paragraphFacts,
                          tableFacts: tableFacts, dominantMoneyUnit: dominant)
        set.changes = changes
        set.scheduleProgress = scheduleProgress
        set.malformedYears = malformedYears
        set.outline = outline
        set.scoreItems = scoreItems
        set.scoreRuns = scoreRuns
        set.proseTotalScore = proseTotalScore
        set.proseFullMark = proseFullMark
        set.pointsLost = pointsLost
        set.restatements = restatements
        set.listed = listed.union(groups.flatMap(\.parts))
        set.tableTypes = doc.tables.map { table in lexicon.tables.type(of: table.headerSegments.flatMap { $0 })?.name }
        return set
    }
}

/// The matchers extraction builds from a lexicon and its vocabulary: built once per rule set by a
/// caller that extracts many documents (`Extractor.extract(_:lexicon:fiscalYear:words:)`), not
/// once per document.
public struct ExtractionWords: Sendable {
    let scanner: NumberScanner
    let labels: Labels
    /// Every measure phrase of the lexicon (预算数, 支出决算 …).
    let measurePhrases: WordSet

    public init(lexicon: Lexicon) {
        scanner = NumberScanner(vocabulary: lexicon.vocabulary)
        labels = Labels(vocabulary: lexicon.vocabulary)
        measurePhrases = WordSet(lexicon.measures.flatMap(\.phrases))
    }
}

/// A header segment of a table.
struct TableSegment: Hashable {
    var table: Int
    var segment: Int
}

struct SubjectKey: Hashable {
    var item: String?
    var scope: String
}

struct SubjectFigureKey: Hashable {
    var subject: SubjectKey
    var measure: String
    var qualifier: String?
}
