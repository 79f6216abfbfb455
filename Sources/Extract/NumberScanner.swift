import Foundation
import JXCore
import JXNormalize
import JXRules
import JXStructure

/// Finds numbers with their units, comparators and years in normalized text. A single hand-written
/// pass over Unicode scalars: this is the hot path of the whole tool.
public struct NumberScanner: Sendable {
    public struct Result: Sendable {
        public var numbers: [ScannedNumber] = []
        public var years: [YearMention] = []
        /// "22017年", "202年": three or five digits before 年, the range with 年 (the check decides
        /// whether a year was meant).
        public var malformedYears: [Range<Int>] = []
    }

    // the vocabulary's classes the scanner reads, looked up once
    let countUnits: WordSet
    let tallyUnits: WordSet
    /// Words after a bare 万 / 亿 that make it 万元 / 亿元.
    let bareWanFollowers: WordSet
    let bareYiFollowers: WordSet
    let fenWords: WordSet
    let percentagePoints: WordSet
    let comparators: [(WordSet, NumberComparator)]
    let trailingComparators: [(WordSet, NumberComparator)]
    let relativeYears: [(WordSet, Int)]
    /// The three classes of relative years together: asked first at every scalar.
    let anyRelativeYear: WordSet
    let relativeYearLookalikes: WordSet
    let approximationLookalikes: WordSet
    let rangeJoiners: WordSet
    let references: WordSet

    public init(vocabulary: Vocabulary) {
        countUnits = vocabulary[.countUnits]
        tallyUnits = vocabulary[.tallyUnits]
        bareWanFollowers = vocabulary[.bareWanFollowers]
        bareYiFollowers = vocabulary[.bareYiFollowers]
        fenWords = vocabulary[.notScoreAfterFen]
        percentagePoints = vocabulary[.percentagePointUnits]
        comparators = [(vocabulary[.comparatorAtLeast], .atLeast), (vocabulary[.comparatorAtMost], .atMost),
                       (vocabulary[.comparatorGreater], .greater), (vocabulary[.comparatorLess], .less)]
        trailingComparators = [(vocabulary[.trailingAtLeast], .atLeast), (vocabulary[.trailingAtMost], .atMost)]
        relativeYears = [(vocabulary[.previousYear], -1), (vocabulary[.currentYear], 0), (vocabulary[.nextYear], 1)]
        anyRelativeYear = vocabulary.union(.previousYear, .currentYear, .nextYear)
        relativeYearLookalikes = vocabulary[.relativeYearLookalikes]
        approximationLookalikes = vocabulary[.approximationLookalikes]
        rangeJoiners = vocabulary[.rangeJoiners]
        references = vocabulary[.documentReferences]
    }

    /// The scanner of the default vocabulary (tests, and callers without a rule set).
    public static let standard = NumberScanner(vocabulary: .embedded)

    public static func scan(_ text: TextRun) -> Result { standard.scan(text.scalars) }
    public static func scan(_ s: [Unicode.Scalar]) -> Result { standard.scan(s) }

    public func scan(_ text: TextRun) -> Result { scan(text.scalars) }

    public func scan(_ s: [Unicode.Scalar]) -> Result {
        var result = Result()
        let n = s.count
        var i = 0
        var bookDepth = 0     // 《…》
        var docNumberDepth = 0  // 〔…〕
        var parenDepth = 0
        while i < n {
            let ch = s[i]
            switch ch {
            case "《": bookDepth += 1
            case "》": bookDepth = max(0, bookDepth - 1)
            case "〔", "［": docNumberDepth += 1
            case "〕", "］": docNumberDepth = max(0, docNumberDepth - 1)
            case "（", "(", "【": parenDepth += 1
            case "）", ")", "】":
                parenDepth = max(0, parenDepth - 1)
                // a document number never outlasts the bracket it stands in: "（渝农〔201928号）" lost
                // its 〕 in the export, and the rest of the paragraph is no document number
                docNumberDepth = 0
            // (nor a clause or a sentence; a document's title never outlasts its sentence)
            case "，", "；", ",", ";": docNumberDepth = 0
            case "。": docNumberDepth = 0; bookDepth = 0
            default: break
            }
            if let rel = relativeYear(s, at: i) {
                result.years.append(YearMention(year: rel.offset, form: .relative, range: i..<(i + rel.length), quoted: bookDepth > 0))
                i += rel.length
                continue
            }
            let negative = ch == "-" && i + 1 < n && CharClass.isDigit(s[i + 1]) && signAllowed(s, at: i)
            guard CharClass.isDigit(ch) || negative else {
                i += 1
                continue
            }
            let start = i
            var j = negative ? i + 1 : i
            // part of an identifier or a longer token ("5G", "E7", "v2.1")
            if start > 0 && (CharClass.isASCIILetter(s[start - 1]) || CharClass.isDigit(s[start - 1]) || s[start - 1] == "." || s[start - 1] == "_") {
                while j < n && (CharClass.isDigit(s[j]) || s[j] == ".") { j += 1 }
                i = j
                continue
            }
            var intDigits = 0
            var integerPart = 0
            while j < n && CharClass.isDigit(s[j]) {
                if intDigits < 15 { integerPart = integerPart * 10 + Int(s[j].value - 48) }
                intDigits += 1
                j += 1
            }
            // "1.2022年我市…": an enumerator before a year opening the line, not the number 1.2022
            if !negative && intDigits <= 2, let year = enumeratedYear(s, dot: j), start == 0 || "\n\t ，。；：:;,（(、".unicodeScalars.contains(s[start - 1]),
               let mention = yearMention(s, year: year, start: j + 1, end: j + 5, quoted: bookDepth > 0 || docNumberDepth > 0) {
                result.years.append(mention.mention)
                i = mention.end
                continue
            }
            var decimals = 0
            if j + 1 < n && s[j] == "." && CharClass.isDigit(s[j + 1]) {
                j += 1
                while j < n && CharClass.isDigit(s[j]) {
                    decimals += 1
                    j += 1
                }
            }
            let numberEnd = j
            if intDigits > 15 || decimals > 10 {  // an account number or a code, not an amount
                i = numberEnd
                continue
            }
            if j < n && CharClass.isASCIILetter(s[j]) {  // "5G", "3D"
                i = j
                continue
            }
            let literal = ScalarString.make(s[start..<numberEnd])
            let quoted = bookDepth > 0 || docNumberDepth > 0

            // years and dates
            if !negative && decimals == 0 && (intDigits == 3 || intDigits == 5) && numberEnd < n && s[numberEnd] == "年",
               start == 0 || !(CharClass.isDigit(s[start - 1]) || s[start - 1] == "." || s[start - 1] == "-" || s[start - 1] == "/") {
                result.malformedYears.append(start..<(numberEnd + 1))
            }
            if !negative && decimals == 0 && intDigits == 4 && (1950...2100).contains(integerPart),
               let mention = yearMention(s, year: integerPart, start: start, end: numberEnd, quoted: quoted) {
                result.years.append(mention.mention)
                i = mention.end
                continue
            }
            // "(2020)" after a document title, "2020-2022" without 年: years, not amounts
            if !negative && decimals == 0 && intDigits == 4 && (1990...2100).contains(integerPart) && quoted {
                result.years.append(YearMention(year: integerPart, form: .bare, range: start..<numberEnd, quoted: true))
                i = numberEnd
                continue
            }
            if quoted || isOrdinal(s, at: start) || isReference(s, at: start, end: numberEnd, value: integerPart) || isDatePart(s, end: numberEnd, value: integerPart, decimals: decimals) {
                i = skipDate(s, from: numberEnd)
                continue
            }
            // "2019-1802" style codes: digits-digits not forming a range with a unit
            if numberEnd < n, s[numberEnd] == "-", numberEnd + 1 < n, CharClass.isDigit(s[numberEnd + 1]),
               !rangeFollows(s, from: numberEnd) {
                var k = numberEnd + 1
                while k < n && (CharClass.isDigit(s[k]) || s[k] == "-") { k += 1 }
                i = k
                continue
            }

            var number = ScannedNumber(value: decimalValue(literal), literal: literal, decimals: decimals, kind: .bare,
                                       unitText: "", multiplier: 0, comparator: comparator(before: s, at: start),
                                       approximate: false, inRange: false, range: start..<numberEnd,
                                       numberRange: start..<numberEnd, parenDepth: parenDepth)
            // "约500万元", "近3年"; "节约47.90万元" is a saving and "签约5,850人" a count signed, not estimates
            if start > 0 && (s[start - 1] == "约" || s[start - 1] == "近") && approximationLookalikes.suffixLength(s, endingAt: start) == 0 { number.approximate = true }
            var k = numberEnd
            // "5亿320.5万元", "77亿876.09万元", "2万3456元": one amount written in two parts
            if !negative, let mixed = mixedNumeral(s, integer: literal, at: numberEnd) {
                number.value = mixed.value
                number.literal = mixed.literal
                number.decimals = mixed.decimals
                number.numberRange = start..<mixed.end
                number.range = start..<mixed.end
                k = mixed.end
            }
            if k < n && (s[k] == "余" || s[k] == "多" || s[k] == "来") && k + 1 < n && CharClass.isHan(s[k + 1]) && s[k + 1] != "万" {
                number.approximate = true
                k += 1
            }
            k = readUnit(s, from: k, into: &number)
            if k + 1 < n, s[k] == "左", s[k + 1] == "右" { number.approximate = true }
            if let (cmp, len) = trailingComparator(s, at: k) {
                if number.comparator == nil { number.comparator = cmp }
                k += len
            }
            number.range = start..<max(k, numberEnd)
            // a range "80-90分", "200%-300%", "3至5个": mark both ends
            if let last = result.numbers.last, last.range.upperBound < start,
               start - last.range.upperBound <= 4, isRangeJoiner(s, last.range.upperBound..<start) {
                result.numbers[result.numbers.count - 1].inRange = true
                number.inRange = true
                if result.numbers[result.numbers.count - 1].kind == .bare { result.numbers[result.numbers.count - 1].kind = number.kind }
            }
            // "专技6级1人", "3号楼2层": a count written straight against the next figure names it (a
            // rank, a number of a place) and counts nothing
            // (but "9,688户15,693人", "项目3个18,500万元": a tally, then what it holds)
            if let last = result.numbers.last, last.range.upperBound == start, let word = last.kind.measureWord, !last.inRange,
               !(tallyUnits.contains(word) && number.kind != .bare && number.kind.measureWord != word) {
                result.numbers[result.numbers.count - 1].kind = .bare
            }
            result.numbers.append(number)
            if number.kind != .bare && !number.inRange { shareUnitBackwards(s, &result.numbers) }
            i = max(k, numberEnd)
        }
        return result
    }

    /// "收、支总计分别为400.00、450.00万元": bare numbers listed with 、 (or, with decimals, a comma)
    /// right before a number with a unit share its unit.
    func shareUnitBackwards(_ s: [Unicode.Scalar], _ numbers: inout [ScannedNumber]) {
        let last = numbers[numbers.count - 1]
        var joinStart = last.numberRange.lowerBound
        var j = numbers.count - 2
        while j >= 0 {
            let candidate = numbers[j]
            // "各是4125.49,4143.91万元": after a number with decimals a comma is no thousands separator
            guard candidate.kind == .bare, !candidate.inRange, candidate.parenDepth == last.parenDepth,
                  candidate.range.upperBound + 1 == joinStart,
                  s[candidate.range.upperBound] == "、" || (candidate.decimals > 0 && (s[candidate.range.upperBound] == "," || s[candidate.range.upperBound] == "，"))
            else { break }
            numbers[j].kind = last.kind
            numbers[j].unitText = last.unitText
            numbers[j].multiplier = last.multiplier
            joinStart = candidate.numberRange.lowerBound
            j -= 1
        }
    }

    /// "5亿320.5万元": a number of 亿 followed by one of 万 (the whole in 万), or a number of 万 followed
    /// by one of 元 (the whole in 元). The second part must end in the smaller unit.
    func mixedNumeral(_ s: [Unicode.Scalar], integer first: String, at end: Int) -> (value: Decimal, literal: String, decimals: Int, end: Int)? {
        let n = s.count
        guard end + 1 < n, s[end] == "亿" || s[end] == "万", CharClass.isDigit(s[end + 1]) else { return nil }
        var j = end + 1
        var decimals = 0
        while j < n && CharClass.isDigit(s[j]) { j += 1 }
        if j + 1 < n && s[j] == "." && CharClass.isDigit(s[j + 1]) {
            j += 1
            while j < n && CharClass.isDigit(s[j]) { j += 1; decimals += 1 }
        }
        guard j - (end + 1) <= 12, j < n else { return nil }
        let small = s[end] == "亿" ? Unicode.Scalar("万") : Unicode.Scalar("元")
        guard s[j] == small else { return nil }
        let second = decimalValue(String(String.UnicodeScalarView(s[(end + 1)..<j])))
        let value = decimalValue(first) * 10000 + second
        return (value, String(String.UnicodeScalarView(s[(end - first.unicodeScalars.count)..<j])), decimals, j)
    }

    // MARK: units

    func readUnit(_ s: [Unicode.Scalar], from start: Int, into number: inout ScannedNumber) -> Int {
        let n = s.count
        let k = start
        func has(_ word: String) -> Bool {
            var j = k
            for ch in word.unicodeScalars {
                guard j < n, s[j] == ch else { return false }
                j += 1
            }
            return true
        }
        for unit in [MoneyUnit.wanUSD, .yiUSD, .usd, .wanYuan, .yiYuan, .qianYuan, .yuan] where has(unit.rawValue) {
            // "元/人" is a rate per head, still money
            number.kind = .money(unit)
            number.unitText = unit.rawValue
            return k + unit.rawValue.unicodeScalars.count
        }
        if k < n && (s[k] == "%" || s[k] == "％") {
            number.kind = .percent
            number.unitText = "%"
            return k + 1
        }
        if k < n && s[k] == "‰" {
            number.kind = .permille
            number.unitText = "‰"
            return k + 1
        }
        let pointLength = percentagePoints.prefixLength(s, at: k)
        if pointLength > 0 {
            number.kind = .percentagePoint
            number.unitText = ScalarString.make(s[k..<(k + pointLength)])
            return k + pointLength
        }
        if k < n && s[k] == "分" {
            // "9时30分", "9:30分": the minutes of a time of day
            let at = number.numberRange.lowerBound
            let clock = at >= 2 && ["时", ":", "：", "点"].contains(s[at - 1]) && CharClass.isDigit(s[at - 2])
            if !clock && fenWords.prefixLength(s, at: k) == 0 {
                number.kind = .score
                number.unitText = "分"
                return k + 1
            }
            return k
        }
        if k < n && s[k] == "倍" {
            number.kind = .multiple
            number.unitText = "倍"
            return k + 1
        }
        // 万 / 亿 before a measure word multiply a count; a bare "万" after money words means 万元
        var multiplier = 0
        if k < n && (s[k] == "万" || s[k] == "亿") {
            multiplier = s[k] == "万" ? 4 : 8
            let afterMultiplier = k + 1
            if let word = measureWord(s, at: afterMultiplier), word != "元" {
                number.kind = .count(word)
                number.unitText = String(s[k]) + word
                number.multiplier = multiplier
                return afterMultiplier + word.unicodeScalars.count
            }
            let next: Unicode.Scalar? = afterMultiplier < n ? s[afterMultiplier] : nil
            // "…3.94亿元，比上年的3.92亿增长0.37%": a bare 亿 before a change word is 亿元 too
            if s[k] == "万" && (next == nil || !CharClass.isHan(next!) || bareWanFollowers.prefixLength(s, at: afterMultiplier) > 0)
                || s[k] == "亿" && bareYiFollowers.prefixLength(s, at: afterMultiplier) > 0
                // "5亿-10亿元": the first end of a range of money
                || s[k] == "亿" && next.map({ "-－~～".unicodeScalars.contains($0) }) == true
                    && afterMultiplier + 1 < n && CharClass.isDigit(s[afterMultiplier + 1]) {
                number.kind = .money(s[k] == "万" ? .wanYuan : .yiYuan)
                number.unitText = String(s[k])
                return afterMultiplier
            }
            return k
        }
        if let word = measureWord(s, at: k) {
            if word == "年" { return k }
            number.kind = .count(word)
            number.unitText = word
            return k + word.unicodeScalars.count
        }
        return k
    }

    /// "（座、辆）" right after a measure word ("冷链设备共131台（座、辆）"): the other measure words its
    /// things are counted in.
    static func alternativeMeasureWords(_ s: [Unicode.Scalar], at start: Int, countUnits: WordSet) -> [String]? {
        guard start < s.count, s[start] == "（" || s[start] == "(" else { return nil }
        var words = [String](), i = start + 1
        while i < s.count, CharClass.isHan(s[i]), case let length = countUnits.prefixLength(s, at: i), length > 0 {
            let word = ScalarString.make(s[i..<(i + length)])
            words.append(word)
            i += word.unicodeScalars.count
            guard i < s.count else { return nil }
            if s[i] == "）" || s[i] == ")" { return words }
            guard s[i] == "、" || s[i] == "/" || s[i] == "／" else { return nil }
            i += 1
        }
        return nil
    }

    func measureWord(_ s: [Unicode.Scalar], at k: Int) -> String? {
        guard k < s.count, CharClass.isHan(s[k]) else { return nil }
        let length = countUnits.prefixLength(s, at: k)
        return length > 0 ? ScalarString.make(s[k..<(k + length)]) : nil
    }

    // MARK: context

    func signAllowed(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        if i == 0 { return true }
        let p = s[i - 1]
        if CharClass.isDigit(p) || CharClass.isASCIILetter(p) { return false }
        // "2020-2022" and "90(含)-100分" are ranges, handled by the range test
        if p == ")" || p == "）" || p == "%" { return false }
        // "5亿元-10亿元", "5万-10万元": a dash right after a figure's unit or multiplier joins a range
        if CharClass.isHan(p) && i >= 2 && CharClass.isDigit(s[i - 2]) || (i >= 3 && p == "元" && CharClass.isDigit(s[i - 3])) { return false }
        // "调整指标-250.00", "基本支出预算数-30.00万元": a sign after a word
        return CharClass.isWhitespace(p) || p == "\t" || p == "（" || p == "(" || p == "：" || p == ":" || p == "，" || p == "、"
            || p == "\u{3000}" || CharClass.isHan(p)
    }

    func isRangeJoiner(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var text = [Unicode.Scalar]()
        for k in r where !CharClass.isWhitespace(s[k]) { text.append(s[k]) }
        // "(含)-", "（含）-": a bracket then a dash, told on the scalars
        if text.last == "-" && (text.first == "（" || (text.first == "(" && text.count <= 4)) { return true }
        // "90（含）至100分": a short bracketed aside, then a joiner
        if text.first == "（" || text.first == "(", let close = text.firstIndex(where: { $0 == "）" || $0 == ")" }), close <= 3, close + 1 < text.count {
            return rangeJoiners.contains(ScalarString.make(text[(close + 1)...]))
        }
        return rangeJoiners.contains(ScalarString.make(text))
    }

    func rangeFollows(_ s: [Unicode.Scalar], from dash: Int) -> Bool {
        // "80-90分", "1-3个": digits then a unit
        var k = dash + 1
        while k < s.count && (CharClass.isDigit(s[k]) || s[k] == ".") { k += 1 }
        guard k < s.count else { return false }
        let ch = s[k]
        if ch == "%" || ch == "分" || ch == "年" || ch == "元" || ch == "万" || ch == "亿" || ch == "个" || ch == "月" || ch == "日" { return true }
        return measureWord(s, at: k) != nil
    }

    func comparator(before s: [Unicode.Scalar], at start: Int) -> NumberComparator? {
        var k = start
        while k > 0 && CharClass.isInlineSpace(s[k - 1]) { k -= 1 }
        guard k > 0 else { return nil }
        switch s[k - 1] {
        case "≥", "≧", "⩾": return .atLeast
        case "≤", "≦", "⩽": return .atMost
        case ">", "＞": return .greater
        case "<", "＜": return .less
        case "=", "＝": return k >= 2 && (s[k - 2] == ">" || s[k - 2] == "＞") ? .atLeast : (k >= 2 && (s[k - 2] == "<" || s[k - 2] == "＜") ? .atMost : nil)
        default: break
        }
        // the longest comparator word wins: "不超过" is ≤, not "超过"
        var best: (length: Int, comparator: NumberComparator)?
        for (words, cmp) in comparators {
            let length = words.suffixLength(s, endingAt: k)
            if length > (best?.length ?? 0) { best = (length, cmp) }
        }
        return best?.comparator
    }

    /// How many scalars a comparator in front of the number at `start` takes ("不少于300人" → 3,
    /// "≥ 90%" → 2); 0 when there is none.
    func leadingComparatorLength(_ s: [Unicode.Scalar], at start: Int) -> Int {
        var k = start
        while k > 0 && CharClass.isInlineSpace(s[k - 1]) { k -= 1 }
        guard k > 0 else { return 0 }
        switch s[k - 1] {
        case "≥", "≧", "⩾", "≤", "≦", "⩽", ">", "＞", "<", "＜": return start - k + 1
        case "=", "＝": return k >= 2 && "><＞＜".unicodeScalars.contains(s[k - 2]) ? start - k + 2 : 0
        default: break
        }
        let length = comparators.map { $0.0.suffixLength(s, endingAt: k) }.max() ?? 0
        return length > 0 ? start - k + length : 0
    }

    func trailingComparator(_ s: [Unicode.Scalar], at k: Int) -> (NumberComparator, Int)? {
        for (words, cmp) in trailingComparators {
            let length = words.prefixLength(s, at: k)
            if length > 0 { return (cmp, length) }
        }
        return nil
    }

    /// "表5", "图 2", "附件1", "附表3": references to parts of the document.
    /// ("上报统计报表1,834份": a large number with its measure word after 表 counts things; "见表2项目支出"
    /// is a reference)
    func isReference(_ s: [Unicode.Scalar], at start: Int, end: Int, value: Int) -> Bool {
        var k = start - 1
        while k >= 0 && CharClass.isInlineSpace(s[k]) { k -= 1 }
        guard k >= 0, references.suffixLength(s, endingAt: k + 1) > 0 else { return false }
        return value < 100 || countUnits.prefixLength(s, at: end) == 0
    }

    /// "第3次", "第十一": ordinals are not quantities.
    /// The year after an enumerator's dot ("1.2022年"): four digits in 1950…2100 then 年.
    func enumeratedYear(_ s: [Unicode.Scalar], dot: Int) -> Int? {
        guard dot + 5 < s.count, s[dot] == "." || s[dot] == "．", s[dot + 5] == "年" else { return nil }
        var year = 0
        for k in (dot + 1)...(dot + 4) {
            guard CharClass.isDigit(s[k]) else { return nil }
            year = year * 10 + Int(s[k].value - 48)
        }
        return (1950...2100).contains(year) ? year : nil
    }

    func isOrdinal(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        start > 0 && s[start - 1] == "第"
    }

    /// "5月", "20日" (after a month), "15号": parts of dates.
    func isDatePart(_ s: [Unicode.Scalar], end: Int, value: Int, decimals: Int) -> Bool {
        guard decimals == 0, end < s.count else { return false }
        let next = s[end]
        if next == "月" && (1...12).contains(value) {
            // "3个月" is a duration and is read as a count elsewhere; "5月" is a date
            return true
        }
        if (next == "日" || next == "号") && (1...31).contains(value) { return true }
        if next == "号" { return true }  // document numbers: "161号"
        if next == ":" || next == "：", end + 1 < s.count, CharClass.isDigit(s[end + 1]) { return true }  // 10:30
        return false
    }

    func skipDate(_ s: [Unicode.Scalar], from k: Int) -> Int {
        var j = k
        if j < s.count && (s[j] == "月" || s[j] == "日" || s[j] == "号") { j += 1 }
        return j
    }

    /// A four-digit year before 年: "2022年", "2022年度", "2020年末", "2021年4月15日", "2020-2022年".
    func yearMention(_ s: [Unicode.Scalar], year: Int, start: Int, end: Int, quoted: Bool) -> (mention: YearMention, end: Int)? {
        let n = s.count
        var k = end
        // "2020-2022年": a range; the first year is reported as rangeEnd too
        if k < n && (s[k] == "-" || s[k] == "—" || s[k] == "–" || s[k] == "至" || s[k] == "~") {
            var j = k + 1
            var digits = 0
            while j < n && CharClass.isDigit(s[j]) { j += 1; digits += 1 }
            if digits == 4 && j < n && s[j] == "年" {
                return (YearMention(year: year, form: .rangeEnd, range: start..<end, quoted: quoted), end)
            }
            return nil
        }
        guard k < n && s[k] == "年" else { return nil }
        k += 1
        var form = YearMention.Form.year
        if k < n && s[k] == "度" {
            form = .fiscalYear
            k += 1
        } else if k < n && (s[k] == "末" || s[k] == "底") {
            form = .yearEnd
            k += 1
        } else if k + 1 < n && s[k] == "年" && (s[k + 1] == "末" || s[k + 1] == "底" || s[k + 1] == "初") {
            form = s[k + 1] == "初" ? .yearStart : .yearEnd
            k += 2
        } else if k < n && s[k] == "初" {
            form = .yearStart
            k += 1
        } else if k < n && CharClass.isDigit(s[k]) {
            // a date: 2021年4月15日
            var j = k
            while j < n && CharClass.isDigit(s[j]) { j += 1 }
            if j < n && s[j] == "月" {
                form = .date
                let month = ScalarString.make(s[k..<j])
                k = j + 1
                var d = k
                while d < n && CharClass.isDigit(s[d]) { d += 1 }
                let day = d > k ? ScalarString.make(s[k..<d]) : ""
                if d > k && d < n && (s[d] == "日" || s[d] == "号") { k = d + 1 }
                // "截至2022年12月31日": the year's last day is its end, as 2022年末 is
                // ("2020年12月省财政厅下达…" is a month of that year, not its end)
                if month == "12" && day == "31" { form = .yearEnd }
            }
        }
        // the first year of a range was already recorded; keep the second too
        return (YearMention(year: year, form: form, range: start..<k, quoted: quoted), k)
    }

    /// 上年 / 上一年 / 去年 / 上年度 / 本年 / 当年 / 今年 / 本年度 / 下年 / 明年 / 次年.
    func relativeYear(_ s: [Unicode.Scalar], at i: Int) -> (offset: Int, length: Int)? {
        guard i >= 0, i < s.count, anyRelativeYear.mayStart(with: s[i]) else { return nil }
        // "加上年初结转": 加上 and 年初, no 上年
        if i > 0, relativeYearLookalikes.mayStart(with: s[i - 1]), relativeYearLookalikes.prefixLength(s, at: i - 1) > 0 { return nil }
        for (words, offset) in relativeYears {
            let length = words.prefixLength(s, at: i)
            if length > 0 { return (offset, length) }
        }
        return nil
    }

    func decimalValue(_ literal: String) -> Decimal {
        var negative = false
        var mantissa: UInt64 = 0
        var exponent = 0
        var afterDot = false
        for ch in literal.unicodeScalars {
            if ch == "-" { negative = true; continue }
            if ch == "." { afterDot = true; continue }
            mantissa = mantissa &* 10 &+ UInt64(ch.value - 48)
            if afterDot { exponent -= 1 }
        }
        return Decimals.make(magnitude: mantissa, exponent: exponent, negative: negative)
    }
}
