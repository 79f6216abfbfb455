import Foundation
import JXCore

/// The concept lexicon (rules/lexicon.toml): how report labels name the figures of a budget.
///
/// A concept is a MEASURE of an ITEM: `budget.basic` is the budget of basic expenditure,
/// `spend.total` the total spending. Rates (`rate.execution`) are separate. A label is resolved by
/// finding its item, measure and rate phrases (longest match wins); what is left over (other than
/// modifiers such as 全年 / 本部门 and fillers such as 为 / 达) is the label's own *scope*, which keeps
/// "公用经费综合定额" from being taken for 公用经费.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var phrases: [String]
        /// For items: the measure a bare mention implies ("基本支出822.24万元" is spending).
        public var defaultMeasure: String?
        /// For measures: a qualifier the phrase carries (年初 → initial, 调整后 → adjusted).
        public var qualifier: String?
        /// Higher wins when two phrases of one kind overlap in a label.
        public var priority: Int
        /// For measures: the measures a figure of this one may be listed under ("上年结转收入" among the
        /// parts of 收入 or of a budget).
        public var partOf: [String] = []
        /// For items: false when a figure of the item is that thing whatever else its label says
        /// (questionnaires a centre issued to the units it serves are questionnaires issued, not another kind of them).
        public var scoped: Bool = true
        /// For items: the items whose things these are some of ("满意的" questionnaires are some of the
        /// valid ones, which are some of those returned): never their siblings in a list.
        public var countedWithin: [String] = []

        public init(id: String, name: String, phrases: [String], defaultMeasure: String? = nil,
                    qualifier: String? = nil, priority: Int = 0) {
            self.id = id
            self.name = name
            self.phrases = phrases
            self.defaultMeasure = defaultMeasure
            self.qualifier = qualifier
            self.priority = priority
        }
    }

    /// A sum that defines an item: `total = basic + project (+ govinvest)`. Parts lists that cover
    /// a decomposition are exhaustive.
    public struct Decomposition: Sendable, Hashable {
        public var whole: String
        public var parts: [String]
        /// Parts that may be absent from the text without making the list partial.
        public var optional: [String] { didSet { wordScalars = words.isEmpty ? [] : Self.scalars(words + optional) } }
        /// The parts make up whatever whole of their measure they are listed under (税收收入 and
        /// 非税收入 are all of any revenue), not only `whole`.
        public var anyWhole: Bool
        /// A split by name instead of by item: parts each named with one of these words (中央, 地方;
        /// 返还性, 一般性转移支付, 专项转移支付), every word but the `optional` ones, make up their
        /// whole, whatever it is named (its name holds none of them).
        public var words: [String] { didSet { wordScalars = words.isEmpty ? [] : Self.scalars(words + optional) } }
        /// The scalars of `words` then `optional` (made once: the checks match them against names).
        public private(set) var wordScalars: [[Unicode.Scalar]]

        public init(whole: String, parts: [String], optional: [String] = [], anyWhole: Bool = false, words: [String] = []) {
            self.whole = whole
            self.parts = parts
            self.optional = optional
            self.anyWhole = anyWhole
            self.words = words
            wordScalars = words.isEmpty ? [] : Self.scalars(words + optional)
        }

        static func scalars(_ words: [String]) -> [[Unicode.Scalar]] { words.map { ScalarString.scalars($0) } }
    }

    public var measures: [Entry]
    public var items: [Entry]
    public var rates: [Entry]
    public var decompositions: [Decomposition] { didSet { expandedDecompositions = Lexicon.expand(decompositions) } }
    /// The decompositions, and those made from them by writing a part as its own decomposition's
    /// parts (`expand`), made when the decompositions are set.
    public private(set) var expandedDecompositions: [Decomposition] = []
    /// The words of the genre by class (rules/vocabulary.toml).
    public var vocabulary: Vocabulary = .embedded { didSet { rebuildIndex() } }
    /// Words that do not change what a label names (全年, 本部门, 资金 …).
    public var modifiers: [String]
    /// Words around a number that are not part of its label (为, 达, 共计 …).
    public var fillers: [String]
    /// Qualifier phrases that can stand anywhere in a label (年初 → initial).
    public var qualifiers: [String: String]
    /// Phrases that name where money comes from (一般公共预算财政拨款, 政府性基金预算): neither a
    /// measure nor a scope, whatever words they contain.
    public var neutral: [String] = [] { didSet { rebuildIndex() } }
    /// Column roles and table types (rules/tables.toml).
    public var tables = TableLayouts()

    public init(measures: [Entry] = [], items: [Entry] = [], rates: [Entry] = [], decompositions: [Decomposition] = [],
                modifiers: [String] = [], fillers: [String] = [], qualifiers: [String: String] = [:]) {
        self.init(measures: measures, items: items, rates: rates, decompositions: decompositions, modifiers: modifiers,
                  fillers: fillers, qualifiers: qualifiers, neutral: [])
    }

    /// With the neutral phrases too: the index is built once (setting `neutral` afterwards builds it again).
    init(measures: [Entry], items: [Entry], rates: [Entry], decompositions: [Decomposition],
         modifiers: [String], fillers: [String], qualifiers: [String: String], neutral: [String]) {
        self.measures = measures
        self.items = items
        self.rates = rates
        self.decompositions = decompositions
        expandedDecompositions = Lexicon.expand(decompositions)
        self.modifiers = Lexicon.longestFirst(modifiers)
        self.fillers = Lexicon.longestFirst(fillers)
        self.qualifiers = qualifiers
        self.neutral = neutral
        phraseIndex = []
        rebuildIndex()
    }

    /// Longest (in characters) first, words of one length in their order: each word's length is
    /// counted once, not at every comparison of the sort.
    static func longestFirst(_ words: [String]) -> [String] {
        words.map { ($0.count, $0) }.sorted { $0.0 > $1.0 }.map { $0.1 }
    }

    enum Kind: Int, Sendable { case rate, item, measure }

    struct Phrase: Sendable {
        var text: [Unicode.Scalar]
        var kind: Kind
        var entry: Int
        var priority: Int
    }

    var phraseIndex: [Phrase]
    /// Modifiers, fillers, qualifier phrases and year words, longest first, as scalars.
    var removableWords: [[Unicode.Scalar]] = []
    var neutralScalars: [[Unicode.Scalar]] = []
    var qualifierScalars: [([Unicode.Scalar], String)] = []
    /// The four lists above by first scalar, for `resolve` (LexiconIndex.swift).
    var index = LexiconIndex()
    /// `vocabulary[.organizationSuffixes]`, looked up once per index build, not once per label.
    var organizationSuffixes = WordSet()
    /// `vocabulary[.attributiveEndings]`, likewise.
    var attributiveEndings = WordSet()
    /// The second scalars of the two-scalar removable words opening with 年 ("年末", "年底", "年中"):
    /// after a year that took the 年 ("2023年末结余"), the rest of the word is dropped with it.
    var yearModifierTails: [UInt32] = []

    public static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Bool {
        ScalarSearch.firstIndex(of: needle, in: hay) != nil
    }

    public static func removing(_ word: [Unicode.Scalar], from s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !word.isEmpty, word.count <= s.count, find(word, in: s) else { return s }
        var out = [Unicode.Scalar]()
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + word.count <= s.count && s[i] == word[0] && s[i..<(i + word.count)].elementsEqual(word) {
                i += word.count
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    mutating func rebuildIndex() {
        // relative years ("上年", "今年") date a figure, they do not name it
        let years = vocabulary.union(.previousYear, .currentYear, .nextYear).words
        let words = (modifiers + fillers + qualifiers.keys.sorted() + years + ["年度", "年"]).filter { !$0.isEmpty }
        // longest first, so "调整后" goes before the filler "后"
        removableWords = words.map { ScalarString.scalars($0) }.sorted { $0.count > $1.count }
        neutralScalars = neutral.map { ScalarString.scalars($0) }.sorted { $0.count > $1.count }
        qualifierScalars = qualifiers.sorted { $0.key < $1.key }.map { (ScalarString.scalars($0.key), $0.value) }
        var all = [Phrase]()
        for (k, e) in rates.enumerated() { for p in e.phrases { all.append(Phrase(text: ScalarString.scalars(p), kind: .rate, entry: k, priority: e.priority)) } }
        for (k, e) in items.enumerated() { for p in e.phrases { all.append(Phrase(text: ScalarString.scalars(p), kind: .item, entry: k, priority: e.priority)) } }
        for (k, e) in measures.enumerated() { for p in e.phrases { all.append(Phrase(text: ScalarString.scalars(p), kind: .measure, entry: k, priority: e.priority)) } }
        // longest first: "一般公共预算收入" before "预算"
        phraseIndex = all.sorted { $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.priority > $1.priority }
        index = LexiconIndex(phrases: phraseIndex, neutral: neutralScalars, removable: removableWords,
                             qualifiers: qualifierScalars.map(\.0))
        organizationSuffixes = vocabulary[.organizationSuffixes]
        attributiveEndings = vocabulary[.attributiveEndings]
        yearModifierTails = removableWords.filter { $0.count == 2 && $0[0].value == Self.yearScalar }.map { $0[1].value }
    }

    /// What a label names.
    public struct Resolution: Sendable, Hashable {
        public var measure: String?
        public var item: String?
        public var rate: String?
        public var qualifier: String?
        /// Ideographs of the label that no lexicon entry explains: the label's own subject.
        public var scope: String
        /// The measure came from the label itself (not a default or an inheritance).
        public var explicitMeasure: Bool

        public init(measure: String? = nil, item: String? = nil, rate: String? = nil, qualifier: String? = nil,
                    scope: String = "", explicitMeasure: Bool = false) {
            self.measure = measure
            self.item = item
            self.rate = rate
            self.qualifier = qualifier
            self.scope = scope
            self.explicitMeasure = explicitMeasure
        }
    }

    /// `resolve` is in LexiconIndex.swift.

    public func item(_ id: String) -> Entry? { items.first { $0.id == id } }
    public func measure(_ id: String) -> Entry? { measures.first { $0.id == id } }

    /// A figure of measure `part` may be listed among the parts of a figure of measure `whole`.
    public func measure(_ part: String, mayBeListedUnder whole: String) -> Bool {
        part == whole || measures.contains { $0.id == part && $0.partOf.contains(whole) }
    }
    public func rate(_ id: String) -> Entry? { rates.first { $0.id == id } }

    /// Things of item `inner` are some of those of item `outer`, directly or through items between.
    public func item(_ inner: String, isCountedWithin outer: String) -> Bool {
        var seen: Set<String> = [], frontier = [inner]
        while let id = frontier.popLast() {
            guard let entry = items.first(where: { $0.id == id }) else { continue }
            for next in entry.countedWithin where seen.insert(next).inserted {
                if next == outer { return true }
                frontier.append(next)
            }
        }
        return false
    }

    /// A readable Chinese name of a concept ("基本支出预算数").
    public func name(measure: String?, item: String?, rate: String? = nil) -> String {
        var out = ""
        if let item, item != "total", let e = self.item(item) { out += e.name }
        if let rate, let e = self.rate(rate) { return out + e.name }
        if let measure, let e = self.measure(measure) { out += e.name }
        return out
    }

    func matches(_ s: [Unicode.Scalar], _ p: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + p.count <= s.count else { return false }
        for k in 0..<p.count where s[i + k] != p[k] { return false }
        return true
    }

    func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }
}

extension Lexicon {
    /// `decompositions` and those made from them by writing a part as its own decomposition's
    /// parts: with total = basic + project and basic = personnel + public, a list of personnel,
    /// public and project covers total too (a parts list is complete when it covers one of these).
    static func expand(_ decompositions: [Decomposition]) -> [Decomposition] {
        var all = decompositions
        var seen = Set(all)
        var frontier = all
        // a decomposition cycle in a bureau's lexicon must not loop: a few rounds reach any real depth
        for _ in 0..<4 where !frontier.isEmpty {
            var next = [Decomposition]()
            for d in frontier {
                for (k, part) in d.parts.enumerated() {
                    for e in decompositions where e.whole == part && e.whole != d.whole {
                        var parts = d.parts
                        parts.replaceSubrange(k...k, with: e.parts)
                        let expanded = Decomposition(whole: d.whole, parts: parts, optional: d.optional + e.optional)
                        guard Set(parts).count == parts.count, seen.insert(expanded).inserted else { continue }
                        next.append(expanded)
                    }
                }
            }
            all += next
            frontier = next
        }
        return all
    }
}
