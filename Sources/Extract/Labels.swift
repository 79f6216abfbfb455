import JXCore
import JXNormalize
import JXRules
import JXStructure

/// Finds the noun phrase a number belongs to: the words before it in its clause. The words that
/// open, close, join and qualify labels come from the vocabulary. (A class: it holds twenty word
/// sets, and the per-figure steps that pass it around copied each of them.)
final class Labels: Sendable {
    let leadingConnectives: WordSet
    let trailingFillers: WordSet
    let distributiveMarkers: WordSet
    let nameJoiners: WordSet
    let enumerators: WordSet
    let comparatorWords: WordSet
    let increaseWords: WordSet
    let decreaseWords: WordSet
    let changeWords: WordSet
    let comparisonBases: WordSet
    let comparisonClosers: WordSet
    let yearComparisons: WordSet
    let priorYearWords: WordSet
    let priorPeriodLeads: WordSet
    let totalMarkers: WordSet
    /// Words opening, after a part, the list of that part's own parts (其中, 包括).
    let nestedListOpeners: WordSet
    let markerLookalikes: WordSet
    let startOfYear: WordSet
    let notComparisonAfterBi: WordSet
    let notComparisonBeforeBi: WordSet
    let comparisonVerbs: WordSet
    /// 共 / 合计 … and 总计 / 总额 …: every word that marks a total (built once, not per figure).
    let totalWords: WordSet
    /// Change words and recovery words (调减 / 收回 …) that may end a named adjustment.
    let adjustmentVerbs: WordSet

    /// The labels of the default vocabulary (tests).
    static let standard = Labels(vocabulary: .embedded)

    init(vocabulary v: Vocabulary) {
        leadingConnectives = v[.leadingConnectives]
        trailingFillers = v[.trailingFillers]
        distributiveMarkers = v[.distributiveMarkers]
        nameJoiners = v[.nameJoiners]
        enumerators = v[.enumeratorWords]
        comparatorWords = v.union(.comparatorAtLeast, .comparatorAtMost, .comparatorGreater, .comparatorLess)
        increaseWords = v[.increaseWords]
        decreaseWords = v[.decreaseWords]
        changeWords = v.union(.increaseWords, .decreaseWords)
        comparisonBases = v[.comparisonBases]
        comparisonClosers = v[.comparisonClosers]
        yearComparisons = v[.yearComparisons]
        priorYearWords = v[.priorYearWords]
        priorPeriodLeads = v[.priorPeriodLeads]
        totalMarkers = v[.totalMarkers]
        markerLookalikes = v[.markerLookalikes]
        startOfYear = v[.startOfYearWords]
        notComparisonAfterBi = v[.notComparisonAfterBi]
        notComparisonBeforeBi = v[.notComparisonBeforeBi]
        comparisonVerbs = v[.comparisonVerbs]
        totalWords = v.union(.totalMarkers, .totalSuffixes)
        adjustmentVerbs = v.union(.increaseWords, .decreaseWords, .recoveryWords)
        nestedListOpeners = v.union(.listOpenersOf, .listOpenersIncluding)
    }

    static let clauseBoundaries: ScalarSet = ["，", ",", "；", ";", "。", "！", "？", "!", "?", "\n", "\t", "、"]
    static let openBrackets: ScalarSet = ["（", "(", "【", "["]
    static let closeBrackets: ScalarSet = ["）", ")", "】", "]"]


    /// The label range for a number starting at `start`, not reaching back before `limit`.
    static func labelRange(_ s: [Unicode.Scalar], numberStart start: Int, limit: Int, listOfNames: Bool = false) -> Range<Int> {
        var k = start - 1
        var depth = 0
        var stopChar: Unicode.Scalar?
        while k >= limit {
            let ch = s[k]
            if closeBrackets.contains(ch) {
                depth += 1
            } else if openBrackets.contains(ch) {
                if depth == 0 { stopChar = ch; break }
                depth -= 1
            } else if depth == 0 && (clauseBoundaries.contains(ch) || ch == "：" || ch == ":") {
                // "引进生物经济、数字经济等各类项目160个": a 、 between names, with no number before it
                // in its segment, is part of the label
                if ch == "、" && (listOfNames || !segmentHasDigit(s, before: k, limit: limit)) { k -= 1; continue }
                stopChar = ch
                break
            }
            k -= 1
        }
        var range = (k + 1)..<start
        // "预算执行率：99.70%": a label ending in a colon lies before it
        if let stop = stopChar, stop == "：" || stop == ":", isEmptyLabel(s, range) {
            let before = labelRange(s, numberStart: k, limit: limit)
            range = before.lowerBound..<k
        }
        return trim(s, range)
    }

    /// The bracket opened before `from` (not before `notBefore`) that a bracket in `range` closes,
    /// when one there closes a bracket the range never opened.
    static func openingBracket(_ s: [Unicode.Scalar], closedIn range: Range<Int>, from: Int, notBefore: Int) -> Int? {
        var unmatched = 0
        for k in range {
            if openBrackets.contains(s[k]) { unmatched -= 1 } else if closeBrackets.contains(s[k]) { unmatched += 1 }
        }
        guard unmatched > 0 else { return nil }
        var depth = unmatched
        var k = from - 1
        while k >= notBefore {
            if closeBrackets.contains(s[k]) { depth += 1 } else if openBrackets.contains(s[k]) {
                depth -= 1
                if depth == 0 { return k }
            } else if s[k] == "。" || s[k] == "；" || s[k] == ";" { return nil }
            k -= 1
        }
        return nil
    }

    static func segmentHasDigit(_ s: [Unicode.Scalar], before k: Int, limit: Int) -> Bool {
        var j = k - 1
        while j >= limit && !clauseBoundaries.contains(s[j]) && s[j] != "：" && s[j] != ":" {
            if CharClass.isDigit(s[j]) { return true }
            j -= 1
        }
        return j < limit ? false : false
    }

    static func isEmptyLabel(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        r.allSatisfy { CharClass.isWhitespace(s[$0]) || s[$0] == "≥" || s[$0] == "≤" }
    }

    static func trim(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        // "…70.00万元、基本支出20.00万元": the 、 after the previous figure separates, it names nothing
        while lo < hi && (CharClass.isWhitespace(s[lo]) || s[lo] == "、") { lo += 1 }
        while hi > lo && (CharClass.isWhitespace(s[hi - 1])) { hi -= 1 }
        return lo..<hi
    }

    /// "基本支出、项目支出分别为100.00万元、300.00万元", "收、支总计各减少100.00、50.00万元": a list
    /// of names before 分别/各 and a list of figures after it pair up by position. Returns the label
    /// of each listed figure (by index into `numbers`), "收总计减少", "支总计减少"; nothing when the two
    /// lists differ in length.
    func distributedLabels(_ numbers: [ScannedNumber], _ s: [Unicode.Scalar], sentences: [Range<Int>],
                                  isOneName: (String) -> Bool, namesMeasure: (String) -> Bool = { _ in false }) -> [Int: String?] {
        // nil: a list that does not pair up, whose figures therefore name no one thing
        var labels = [Int: String?]()
        var i = 0
        while i < numbers.count {
            // a run of figures joined by 、/和/及/与
            var j = i
            while j + 1 < numbers.count, numbers[i].kind != .bare, numbers[j + 1].kind.sameFamily(as: numbers[i].kind),
                  isListJoiner(s, numbers[j].range.upperBound..<numbers[j + 1].numberRange.lowerBound)
                    || sharesUnitAcrossComma(s, numbers[j], numbers[j + 1]) { j += 1 }
            defer { i = j + 1 }
            guard j > i else { continue }
            let sentenceStart = sentences.first { $0.contains(numbers[i].numberRange.lowerBound) }?.lowerBound ?? 0
            let previousEnd = i > 0 ? max(sentenceStart, numbers[i - 1].range.upperBound) : sentenceStart
            let range = Labels.labelRange(s, numberStart: numbers[i].numberRange.lowerBound, limit: previousEnd, listOfNames: true)
            let label = ScalarString.make(s[range])
            guard let (names, verb) = distributedNames(label, count: j - i + 1, isOneName: isOneName, namesMeasure: namesMeasure) else {
                if distributiveMarkers.isSuffix(of: label) || distributiveMarkers.occurs(in: label) {
                    for k in i...j { labels[k] = .some(nil) }
                }
                continue
            }
            for (k, name) in names.enumerated() { labels[i + k] = name + verb }
        }
        return labels
    }

    /// "收、支总计各减少" → (["收总计", "支总计"], "减少").
    func distributedNames(_ label: String, count: Int, isOneName: (String) -> Bool = { _ in false },
                          namesMeasure: (String) -> Bool = { _ in false }) -> ([String], String)? {
        let s = ScalarString.scalars(label)
        // the last marker in the label, the longest there
        var k = s.count - 1
        while k >= 0 {
            let length = distributiveMarkers.prefixLength(s, at: k)
            defer { k -= 1 }
            guard length > 0 else { continue }
            var verb = ScalarString.make(s[(k + length)...])
            for filler in ["：", ":"] where verb.hasSuffix(filler) { verb = String(verb.dropLast(filler.count)) }
            verb = trailingFillers.droppingSuffix(verb)
            // only a change word may follow the marker: "各减少", "分别增长"
            guard verb.isEmpty || changeWords.contains(verb) else { continue }
            let list = ScalarString.make(s[..<k])
            var names = Labels.splitNames(list, on: ["、"])
            // "A、B和C": the last joiner is a word, unless it belongs to a name ("公务用车购置及运行费");
            // when either reading is possible the list is not paired
            if let last = names.last, let (a, b) = splitAtLastJoiner(last), !isOneName(last) {
                guard names.count == count - 1 else { return nil }
                names[names.count - 1] = a
                names.append(b)
            }
            guard names.count == count, names.allSatisfy({ !$0.isEmpty }) else { return nil }
            // "基本支出、项目支出的全年预算": what follows 的 in the last name qualifies them all
            if let last = names.last, let de = last.firstIndex(of: "的"), names.dropLast().allSatisfy({ !$0.contains("的") }) {
                let tail = last[de...]
                if tail.count >= 3 && de > last.startIndex { names = names.dropLast().map { $0 + tail } + [last] }
            }
            // "收、支总计", "基本、项目支出": short first names share the last name's ending
            let last = names[names.count - 1]
            let short = names.dropLast().map { Labels.withoutLeadingYear($0).count }
            if let length = short.first, short.allSatisfy({ $0 == length }), length <= 2, last.count > length + 1 {
                let ending = String(last.dropFirst(length))
                names = names.dropLast().map { $0 + ending } + [last]
            } else if names.count >= 2, last.count >= 4, !names.dropLast().contains(where: namesMeasure) {
                // "甲医院、乙医院年末结余分别为": the measure the last name ends with is all of theirs
                for length in stride(from: min(6, last.count - 2), through: 2, by: -1) {
                    let ending = String(last.suffix(length))
                    if namesMeasure(ending) && !namesMeasure(String(last.dropLast(length))) {
                        names = names.dropLast().map { $0 + ending } + [last]
                        break
                    }
                }
            }
            return (names, verb)
        }
        return nil
    }

    /// "2023年度收" → (2023, 6): a year opening a name, with its length in scalars.
    static func leadingYear(_ name: String) -> (year: Int, length: Int)? {
        let s = Array(name.unicodeScalars.prefix(6))
        guard s.count >= 5, s.prefix(4).allSatisfy(CharClass.isDigit), s[4] == "年" else { return nil }
        let year = s.prefix(4).reduce(0) { $0 * 10 + Int($1.value - 48) }
        return (year, s.count > 5 && s[5] == "度" ? 6 : 5)
    }

    /// "2023年度收" → "收".
    static func withoutLeadingYear(_ name: String) -> Substring {
        let s = ScalarString.scalars(name)
        var k = 0
        while k < s.count && CharClass.isDigit(s[k]) { k += 1 }
        guard k == 4, k < s.count, s[k] == "年" else { return Substring(name) }
        k += 1
        if k < s.count && s[k] == "度" { k += 1 }
        return Substring(ScalarString.make(s[k...]))
    }

    /// "公务用车购置及运行费和公务接待费" → ("公务用车购置及运行费", "公务接待费").
    func splitAtLastJoiner(_ name: String) -> (String, String)? {
        let s = ScalarString.scalars(name)
        var depth = 0
        var best: (Int, Int)?
        for k in s.indices {
            if Labels.openBrackets.contains(s[k]) || s[k] == "“" { depth += 1 }
            if Labels.closeBrackets.contains(s[k]) || s[k] == "”" { depth = max(0, depth - 1) }
            guard depth == 0, k > 0 else { continue }
            let length = nameJoiners.prefixLength(s, at: k)
            if length > 0 { best = (k, length) }
        }
        guard let (k, length) = best, k + length < s.count else { return nil }
        return (ScalarString.make(s[..<k]), ScalarString.make(s[(k + length)...]))
    }

    /// Splits at the joiners outside brackets.
    static func splitNames(_ list: String, on joiners: [String]) -> [String] {
        let s = ScalarString.scalars(list)
        let joinerScalars = joiners.map { Array($0.unicodeScalars) }
        var names = [String]()
        var start = 0, depth = 0, k = 0
        while k < s.count {
            if openBrackets.contains(s[k]) || s[k] == "“" { depth += 1 }
            if closeBrackets.contains(s[k]) || s[k] == "”" { depth = max(0, depth - 1) }
            if depth == 0, let joiner = joinerScalars.first(where: { k + $0.count <= s.count && Array(s[k..<(k + $0.count)]) == $0 }) {
                names.append(ScalarString.make(s[start..<k]))
                k += joiner.count
                start = k
                continue
            }
            k += 1
        }
        names.append(ScalarString.make(s[start..<s.count]))
        return names
    }

    /// "各是4125.49,4143.91万元": a number with decimals written without its unit right before a comma
    /// and the number whose unit it took (NumberScanner.shareUnitBackwards).
    func sharesUnitAcrossComma(_ s: [Unicode.Scalar], _ a: ScannedNumber, _ b: ScannedNumber) -> Bool {
        a.decimals > 0 && a.range.upperBound + 1 == b.numberRange.lowerBound && a.range == a.numberRange
            && (s[a.range.upperBound] == "," || s[a.range.upperBound] == "，") && a.unitText == b.unitText
    }

    func isListJoiner(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.lowerBound <= r.upperBound, r.upperBound <= s.count else { return false }
        if r.count == 1 && s[r.lowerBound] == "、" { return true }
        return !r.isEmpty && nameJoiners.prefixLength(s, at: r.lowerBound, end: r.upperBound) == r.count
    }

    /// Length of a list number opening a label ("1.", "2、", "（一）", "(3)", "①"), followed by a Han
    /// character; 0 when there is none.
    static func enumeratorLength(_ s: [Unicode.Scalar]) -> Int {
        var k = 0
        if let first = s.first, ("①"..."⑳").contains(first) {
            k = 1
        } else if let first = s.first, first == "（" || first == "(" {
            k = 1
            while k < s.count && k <= 3 && (CharClass.isDigit(s[k]) || ChineseNumerals.digit(s[k]) != nil) { k += 1 }
            guard k > 1, k < s.count, s[k] == "）" || s[k] == ")" else { return 0 }
            k += 1
        } else if let first = s.first, ChineseNumerals.digit(first) != nil || first == "十" {
            // "一、", "十二、"
            while k < s.count && k < 3 && (ChineseNumerals.digit(s[k]) != nil || s[k] == "十") { k += 1 }
            guard k < s.count, s[k] == "、" else { return 0 }
            k += 1
        } else {
            while k < s.count && k < 2 && CharClass.isDigit(s[k]) { k += 1 }
            guard k > 0, k < s.count, s[k] == "." || s[k] == "、" || s[k] == "．" else { return 0 }
            k += 1
        }
        // the name after it may open with a year ("一、2023年因公出国(境)费预算")
        guard k < s.count else { return 0 }
        let opensYear = k + 4 < s.count && s[k..<(k + 4)].allSatisfy(CharClass.isDigit) && s[k + 4] == "年"
        return CharClass.isHan(s[k]) || s[k] == "“" || opensYear ? k : 0
    }

    /// The label without connectives, fillers and comparator words.
    static let leadingSymbols: ScalarSet = ["：", ":", "，", "（", "("]
    static let trailingSymbols: ScalarSet = ["≥", "≤", ">", "<", "=", "：", ":"]

    func head(_ label: String) -> String {
        // read on the label's scalars between two bounds; the text is made once at the end (each
        // step used to make a new string)
        let s = ScalarString.scalars(label)
        var lo = 0, hi = s.count
        // "一是…", "二是…": an enumerator, not part of the name
        let e = enumerators.prefixLength(s, at: lo, end: hi)
        if e > 0 && hi - lo > e { lo += e }
        // "1.基本支出预算", "（二）项目支出": a list number, not part of the name
        lo = min(hi, lo + Labels.enumeratorLength(lo == 0 && hi == s.count ? s : Array(s[lo..<hi])))
        var changed = true
        while changed {
            changed = false
            let word = leadingConnectives.prefixLength(s, at: lo, end: hi)
            if word > 0 && hi - lo > word {
                lo += word
                changed = true
            }
            // (asked only when the first scalar is one of them: most labels start with none)
            if lo < hi, Labels.leadingSymbols.contains(s[lo]) {
                for sym in Labels.leadingSymbolOrder where lo < hi && s[lo] == sym && Labels.standsAlone(s, lo, hi) {
                    lo += 1
                    changed = true
                }
            }
        }
        changed = true
        while changed {
            changed = false
            // a change verb is a word of its own: "节约" is not "节" with a trailing 约
            // the longer of the two (the filler when they are as long)
            var filler = trailingFillers.suffixLength(s, endingAt: hi, start: lo)
            let comparator = comparatorWords.suffixLength(s, endingAt: hi, start: lo)
            if comparator > 0 && (filler == 0 || filler < comparator) { filler = comparator }
            if filler > 0 && hi - lo > filler && changeWords.suffixLength(s, endingAt: hi, start: lo) <= filler {
                hi -= filler
                changed = true
            }
            if lo < hi, Labels.trailingSymbols.contains(s[hi - 1]) {
                for sym in Labels.trailingSymbolOrder where lo < hi && s[hi - 1] == sym && Labels.standsAlone(s, hi - 1, hi) {
                    hi -= 1
                    changed = true
                }
            }
        }
        // most labels are their own head: no new string then
        return lo == 0 && hi == s.count ? label : ScalarString.make(s[lo..<hi])
    }

    /// The symbols `head` strips, in the order it tries them.
    static let leadingSymbolOrder: [Unicode.Scalar] = ["：", ":", "，", "（", "("]
    static let trailingSymbolOrder: [Unicode.Scalar] = ["≥", "≤", ">", "<", "=", "：", ":"]

    /// The scalar at `k` is a character of its own within `lo..<hi` (nothing combines with it),
    /// as `hasPrefix` / `hasSuffix` of a one-scalar symbol ask.
    static func standsAlone(_ s: [Unicode.Scalar], _ k: Int, _ hi: Int) -> Bool {
        if k + 1 == hi || ScalarString.isOwnCharacter(s[k + 1]) { return true }
        let text = ScalarString.make(s[k..<hi])
        return text.hasPrefix(String(s[k]))
    }

    /// "比预算数节约2.00万元", "较2024年的2000万元", "与上年相比减少": a figure stated against another,
    /// whatever the verb. "比例", "占比", "较好" are not comparisons.
    /// Positions inside the verb 比较 ("经比较，…"): its characters mark no comparison by themselves.
    func verbMask(_ s: [Unicode.Scalar]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        for m in comparisonVerbs.matches(in: s) { for k in m.start..<(m.start + m.length) { mask[k] = true } }
        return mask
    }

    /// 比, 较, 与, 同: the characters a comparison turns on.
    static func mayCompare(_ ch: Unicode.Scalar) -> Bool { ch == "比" || ch == "较" || ch == "与" || ch == "同" }

    /// `closedAfter`: the closer stands after the label's figure ("与2012年预算[30850万元]相比"), so a
    /// 与 that opens a comparison with a year or a base needs none in the label.
    /// "上年为", "去年": a label that is a word for the year before and nothing else (`trailing_fillers`
    /// after it).
    func namesPriorYearOnly(_ label: String) -> Bool {
        var s = label
        while case let shorter = trailingFillers.droppingSuffix(s), shorter != s, !shorter.isEmpty { s = shorter }
        return priorYearWords.contains(s)
    }

    func isComparison(_ label: String, closedAfter: Bool = false) -> Bool {
        // most labels hold none of the four characters: told before their scalars are made
        guard label.unicodeScalars.contains(where: Labels.mayCompare) else { return false }
        let s = ScalarString.scalars(label)
        let verb = verbMask(s)
        for (i, ch) in s.enumerated() where (ch == "比" || ch == "较" || ch == "与" || ch == "同") && !verb[i] {
            if ch == "比" && notComparisonAfterBi.prefixLength(s, at: i + 1) > 0 { continue }
            if ch == "比" && notComparisonBeforeBi.suffixLength(s, endingAt: i) > 0 { continue }
            let rest = ScalarString.make(s[(i + 1)..<min(s.count, i + 10)])
            if ch == "与" || ch == "同" {
                if comparisonClosers.occurs(in: rest) { return true }
                if closedAfter && (comparisonBases.isPrefix(of: rest) || priorYearWords.isPrefix(of: rest) || Labels.startsWithYear(rest)) { return true }
                continue
            }
            if comparisonBases.isPrefix(of: rest) || (rest.hasPrefix("数") && comparisonBases.isPrefix(of: rest.dropFirst()))
                || Labels.startsWithYear(rest) {
                return true
            }
            // "法人单位数比第四次经济普查的24,108个增加…": compared with a figure its base names, whatever the base
            // (or with 较 and a period before: "城市低保户6,742户，较上一采暖期的6,915户减少173户")
            if ch == "比" || (ch == "较" && priorPeriodLeads.prefixLength(s, at: i + 1) > 0), s.last == "的", s.count - i >= 3, s.count - i <= 14 { return true }
        }
        return false
    }
    /// A word of `markers` stands in `text` outside the words that merely contain one ("共青团",
    /// "一般公共预算" hold 共 and mark no total).
    func marks(_ markers: WordSet, in text: String) -> Bool {
        guard markers.occurs(in: text) else { return false }
        let s = ScalarString.scalars(text)
        var covered = [Bool](repeating: false, count: s.count)
        for m in markerLookalikes.matches(in: s) { for k in m.start..<(m.start + m.length) { covered[k] = true } }
        for i in s.indices where !covered[i] && markers.prefixLength(s, at: i) > 0 { return true }
        return false
    }

    /// A word of `markers` opens `text`, and no word that merely contains one ("共青团中央所属企业").
    func opens(_ text: String, with markers: WordSet) -> Bool {
        markers.isPrefix(of: text) && !markerLookalikes.isPrefix(of: text)
    }

    /// "2012年…": four digits and 年.
    static func startsWithYear(_ text: String) -> Bool {
        text.unicodeScalars.prefix(4).allSatisfy({ CharClass.isDigit($0) }) && text.unicodeScalars.count >= 5 && text.unicodeScalars.dropFirst(4).first == "年"
    }

    /// A comparison with another year ("较上年", "比2022年的", "与上年同期相比"), not with the budget or a target.
    func comparesWithYear(_ label: String) -> Bool {
        // "较年初" compares with the initial budget, not with another year
        if yearComparisons.occurs(in: label) && !startOfYear.occurs(in: label) { return true }
        guard label.unicodeScalars.contains(where: Labels.mayCompare) else { return false }
        let s = ScalarString.scalars(label)
        let verb = verbMask(s)
        for (i, ch) in s.enumerated() where (ch == "比" || ch == "较" || ch == "与" || ch == "同") && !verb[i] {
            let rest = ScalarString.make(s[(i + 1)..<min(s.count, i + 10)])
            if priorYearWords.isPrefix(of: rest) { return true }
            if Labels.startsWithYear(rest) { return true }
        }
        return false
    }
}

/// Small text helpers over Unicode scalars.
enum Text {
    /// The text before and after the first word of `words` in it.
    static func split(_ text: String, atFirst words: WordSet) -> (before: String, after: String)? {
        // most labels hold none of the words: told without making their scalars
        guard text.unicodeScalars.contains(where: { words.mayStart(with: $0) }) else { return nil }
        let s = ScalarString.scalars(text)
        guard let m = words.firstMatch(in: s) else { return nil }
        return (ScalarString.make(s[..<m.start]), ScalarString.make(s[(m.start + m.length)...]))
    }

    /// The text before and after the first word of `words` in it that is not inside one of
    /// `exceptions` ("耕地占用税": its 占 is no share's).
    static func split(_ text: String, atFirst words: WordSet, notWithin exceptions: WordSet) -> (before: String, after: String)? {
        guard text.unicodeScalars.contains(where: { words.mayStart(with: $0) }) else { return nil }
        let s = ScalarString.scalars(text)
        var from = 0
        while let m = words.firstMatch(in: s, from: from) {
            let covered = (max(0, m.start - exceptions.longest + 1)...m.start).contains { j in
                exceptions.prefixLength(s, at: j) >= m.start + m.length - j
            }
            if !covered { return (ScalarString.make(s[..<m.start]), ScalarString.make(s[(m.start + m.length)...])) }
            from = m.start + 1
        }
        return nil
    }

    /// The text before and after the last word of `words` in it.
    static func split(_ text: String, atLast words: WordSet) -> (before: String, after: String)? {
        let s = ScalarString.scalars(text)
        guard let m = words.matches(in: s).last else { return nil }
        return (ScalarString.make(s[..<m.start]), ScalarString.make(s[(m.start + m.length)...]))
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String { ScalarString.make(s) }
}

/// Name helpers the checks share with extraction.
public enum Names {
    /// "2023年度收" → "收".
    public static func withoutLeadingYear(_ name: String) -> Substring { Labels.withoutLeadingYear(name) }
}
