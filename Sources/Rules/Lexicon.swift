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
        public var optional: [String]

        public init(whole: String, parts: [String], optional: [String] = []) {
            self.whole = whole
            self.parts = parts
            self.optional = optional
        }
    }

    public var measures: [Entry]
    public var items: [Entry]
    public var rates: [Entry]
    public var decompositions: [Decomposition]
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
    /// Indexes into `phraseIndex` by the phrase's first scalar: `resolve` tries only the phrases
    /// that occur in the label (a phrase that does not occur changes nothing).
    var phrasesByFirst: [Unicode.Scalar: [Int]] = [:]
    /// Modifiers, fillers, qualifier phrases and year words, longest first, as scalars.
    var removableWords: [[Unicode.Scalar]] = []
    /// Indexes into `removableWords` by first scalar: a word whose first scalar is not in what is
    /// left of a label cannot occur in it (removing words only removes scalars).
    var removableByFirst: [Unicode.Scalar: [Int]] = [:]
    var neutralScalars: [[Unicode.Scalar]] = []
    var qualifierScalars: [([Unicode.Scalar], String)] = []

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
        removableWords = words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        removableByFirst = [:]
        for (k, word) in removableWords.enumerated() where !word.isEmpty { removableByFirst[word[0], default: []].append(k) }
        neutralScalars = neutral.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        qualifierScalars = qualifiers.sorted { $0.key < $1.key }.map { (Array($0.key.unicodeScalars), $0.value) }
        var all = [Phrase]()
        for (k, e) in rates.enumerated() { for p in e.phrases { all.append(Phrase(text: Array(p.unicodeScalars), kind: .rate, entry: k, priority: e.priority)) } }
        for (k, e) in items.enumerated() { for p in e.phrases { all.append(Phrase(text: Array(p.unicodeScalars), kind: .item, entry: k, priority: e.priority)) } }
        for (k, e) in measures.enumerated() { for p in e.phrases { all.append(Phrase(text: Array(p.unicodeScalars), kind: .measure, entry: k, priority: e.priority)) } }
        // longest first: "一般公共预算收入" before "预算"
        phraseIndex = all.sorted { $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.priority > $1.priority }
        phrasesByFirst = [:]
        for (k, phrase) in phraseIndex.enumerated() where !phrase.text.isEmpty { phrasesByFirst[phrase.text[0], default: []].append(k) }
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

    public func resolve(_ label: String) -> Resolution {
        var s = Array(label.unicodeScalars)
        var used = [Bool](repeating: false, count: s.count)
        var result = Resolution()
        for phrase in neutralScalars {
            var i = 0
            while i + phrase.count <= s.count {
                if matches(s, phrase, at: i) && !used[i] {
                    for k in i..<(i + phrase.count) { used[k] = true }
                    i += phrase.count
                } else {
                    i += 1
                }
            }
        }
        // the phrase nearest the number (rightmost) wins among phrases of one kind; longer first
        var best: [Kind: (end: Int, length: Int, priority: Int, entry: Int)] = [:]
        // the phrases occurring in the label, in the order of `phraseIndex`
        var occurring = [Int]()
        for i in s.indices {
            guard let candidates = phrasesByFirst[s[i]] else { continue }
            for k in candidates where matches(s, phraseIndex[k].text, at: i) { occurring.append(k) }
        }
        occurring.sort()
        var previous = -1
        for index in occurring where index != previous {
            previous = index
            let phrase = phraseIndex[index]
            var start = s.count - phrase.text.count
            while start >= 0 {
                if !used[start] && matches(s, phrase.text, at: start) && !used[start + phrase.text.count - 1] {
                    let end = start + phrase.text.count
                    let current = best[phrase.kind]
                    let better = current == nil || phrase.priority > current!.priority
                        || (phrase.priority == current!.priority && end > current!.end && phrase.text.count >= current!.length)
                    for k in start..<end { used[k] = true }
                    if better { best[phrase.kind] = (end, phrase.text.count, phrase.priority, phrase.entry) }
                    start -= phrase.text.count
                    continue
                }
                start -= 1
            }
        }
        if let r = best[.rate] { result.rate = rates[r.entry].id }
        if let i = best[.item] { result.item = items[i.entry].id }
        if let m = best[.measure] {
            result.measure = measures[m.entry].id
            result.qualifier = measures[m.entry].qualifier
            result.explicitMeasure = true
        }
        let all = Array(label.unicodeScalars)
        for (phrase, qualifier) in qualifierScalars where Lexicon.find(phrase, in: all) {
            result.qualifier = result.qualifier ?? qualifier
        }
        // what is left: drop modifiers, fillers, years and digits, punctuation
        var rest = [Unicode.Scalar]()
        for (k, ch) in s.enumerated() where !used[k] && isIdeograph(ch) {
            // "2024年", "2024年度": a year, wherever it stands in the label
            if (ch == "年" && k > 0 && s[k - 1].properties.numericType != nil && s[k - 1].isASCII)
                || (ch == "度" && k > 1 && s[k - 1] == "年" && s[k - 2].isASCII && s[k - 2].properties.numericType != nil) { continue }
            rest.append(ch)
        }
        s = rest
        var candidates = [Int]()
        for (k, ch) in rest.enumerated() where !rest[..<k].contains(ch) { candidates += removableByFirst[ch] ?? [] }
        candidates.sort()
        for index in candidates {
            let word = removableWords[index]
            // a one-character word ("总", "全", "共") only where it starts the rest: "总部" keeps its 总
            if word.count == 1 {
                while s.first == word[0] { s.removeFirst() }
            } else {
                s = Lexicon.removing(word, from: s)
            }
        }
        // the unit naming itself ("本馆", "我局", "本中心", "市文旅局") is no scope
        if (s.first == "本" || s.first == "我") && s.count <= 3 { s = [] }
        if s.count >= 3 && s.count <= 8, vocabulary[.organizationSuffixes].suffixLength(s, endingAt: s.count) > 0 { s = [] }
        result.scope = ScalarString.make(s)
        if result.item == nil && result.scope.isEmpty && (result.measure != nil || result.rate != nil) {
            result.item = "total"
        }
        return result
    }

    public func item(_ id: String) -> Entry? { items.first { $0.id == id } }
    public func measure(_ id: String) -> Entry? { measures.first { $0.id == id } }

    /// A figure of measure `part` may be listed among the parts of a figure of measure `whole`.
    public func measure(_ part: String, mayBeListedUnder whole: String) -> Bool {
        part == whole || measures.contains { $0.id == part && $0.partOf.contains(whole) }
    }
    public func rate(_ id: String) -> Entry? { rates.first { $0.id == id } }

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
