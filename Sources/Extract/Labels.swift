import JXNormalize

/// Finds the noun phrase a number belongs to: the words before it in its clause.
enum Labels {
    static let clauseBoundaries: Set<Unicode.Scalar> = ["，", ",", "；", ";", "。", "！", "？", "!", "?", "\n", "\t", "、"]
    static let openBrackets: Set<Unicode.Scalar> = ["（", "(", "【", "["]
    static let closeBrackets: Set<Unicode.Scalar> = ["）", ")", "】", "]"]

    static let leadingConnectives = ["其中：", "其中:", "其中，", "其中", "包括", "含有", "含", "另有", "另", "以及", "及", "和", "与", "分别为", "分别是", "此外", "同时", "主要是", "主要为", "即"]
    static let trailingFillers = ["分别为", "分别是", "总计为", "合计为", "共计为", "累计为", "总额为", "共计", "合计", "总计", "累计", "达到", "约为", "仅为", "只有", "为", "是", "达", "约", "共", "有", "的", "已", "仅", "近", "至", "到"]

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
    static func distributedLabels(_ numbers: [ScannedNumber], _ s: [Unicode.Scalar], sentences: [Range<Int>],
                                  isOneName: (String) -> Bool) -> [Int: String?] {
        // nil: a list that does not pair up, whose figures therefore name no one thing
        var labels = [Int: String?]()
        var i = 0
        while i < numbers.count {
            // a run of figures joined by 、/和/及/与
            var j = i
            while j + 1 < numbers.count, numbers[i].kind != .bare, numbers[j + 1].kind.sameFamily(as: numbers[i].kind),
                  isListJoiner(s, numbers[j].range.upperBound..<numbers[j + 1].numberRange.lowerBound) { j += 1 }
            defer { i = j + 1 }
            guard j > i else { continue }
            let sentenceStart = sentences.first { $0.contains(numbers[i].numberRange.lowerBound) }?.lowerBound ?? 0
            let previousEnd = i > 0 ? max(sentenceStart, numbers[i - 1].range.upperBound) : sentenceStart
            let range = labelRange(s, numberStart: numbers[i].numberRange.lowerBound, limit: previousEnd, listOfNames: true)
            let label = String(String.UnicodeScalarView(s[range]))
            guard let (names, verb) = distributedNames(label, count: j - i + 1, isOneName: isOneName) else {
                if distributiveMarkers.contains(where: { label.hasSuffix($0) }) || label.contains("分别") {
                    for k in i...j { labels[k] = .some(nil) }
                }
                continue
            }
            for (k, name) in names.enumerated() { labels[i + k] = name + verb }
        }
        return labels
    }

    static let distributiveMarkers = ["分别为", "分别是", "分别达到", "分别达", "分别", "各为", "各是", "各", "依次为", "依次是"]

    /// "收、支总计各减少" → (["收总计", "支总计"], "减少").
    static func distributedNames(_ label: String, count: Int, isOneName: (String) -> Bool = { _ in false }) -> ([String], String)? {
        for marker in distributiveMarkers {
            guard let r = label.range(of: marker, options: .backwards) else { continue }
            var verb = String(label[r.upperBound...])
            for filler in ["为", "是", "：", ":"] where verb.hasSuffix(filler) { verb = String(verb.dropLast(filler.count)) }
            // only a change word may follow the marker: "各减少", "分别增长"
            guard verb.isEmpty || (increaseWords + decreaseWords).contains(verb) else { continue }
            let list = String(label[..<r.lowerBound])
            var names = splitNames(list, on: ["、"])
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
            let short = names.dropLast().map { withoutLeadingYear($0).count }
            if let length = short.first, short.allSatisfy({ $0 == length }), length <= 2, last.count > length + 1 {
                let ending = String(last.dropFirst(length))
                names = names.dropLast().map { $0 + ending } + [last]
            }
            return (names, verb)
        }
        return nil
    }

    /// "2023年度收" → "收".
    static func withoutLeadingYear(_ name: String) -> Substring {
        let s = Array(name.unicodeScalars)
        var k = 0
        while k < s.count && CharClass.isDigit(s[k]) { k += 1 }
        guard k == 4, k < s.count, s[k] == "年" else { return Substring(name) }
        k += 1
        if k < s.count && s[k] == "度" { k += 1 }
        return Substring(String(String.UnicodeScalarView(s[k...])))
    }

    /// "公务用车购置及运行费和公务接待费" → ("公务用车购置及运行费", "公务接待费").
    static func splitAtLastJoiner(_ name: String) -> (String, String)? {
        let s = Array(name.unicodeScalars)
        var depth = 0
        var best: (Int, Int)?
        for k in s.indices {
            if openBrackets.contains(s[k]) || s[k] == "“" { depth += 1 }
            if closeBrackets.contains(s[k]) || s[k] == "”" { depth = max(0, depth - 1) }
            guard depth == 0 else { continue }
            for joiner in ["以及", "和", "及", "与"] {
                let j = Array(joiner.unicodeScalars)
                if k + j.count <= s.count, Array(s[k..<(k + j.count)]) == j, k > 0 { best = (k, j.count) }
            }
        }
        guard let (k, length) = best, k + length < s.count else { return nil }
        return (String(String.UnicodeScalarView(s[..<k])), String(String.UnicodeScalarView(s[(k + length)...])))
    }

    /// Splits at the joiners outside brackets.
    static func splitNames(_ list: String, on joiners: [String]) -> [String] {
        let s = Array(list.unicodeScalars)
        let joinerScalars = joiners.map { Array($0.unicodeScalars) }
        var names = [String]()
        var start = 0, depth = 0, k = 0
        while k < s.count {
            if openBrackets.contains(s[k]) || s[k] == "“" { depth += 1 }
            if closeBrackets.contains(s[k]) || s[k] == "”" { depth = max(0, depth - 1) }
            if depth == 0, let joiner = joinerScalars.first(where: { k + $0.count <= s.count && Array(s[k..<(k + $0.count)]) == $0 }) {
                names.append(String(String.UnicodeScalarView(s[start..<k])))
                k += joiner.count
                start = k
                continue
            }
            k += 1
        }
        names.append(String(String.UnicodeScalarView(s[start..<s.count])))
        return names
    }

    static func isListJoiner(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.lowerBound <= r.upperBound, r.upperBound <= s.count else { return false }
        return ["、", "和", "及", "与"].contains(String(String.UnicodeScalarView(s[r])))
    }

    /// Length of a list number opening a label ("1.", "2、", "（一）", "(3)", "①"), followed by a Han
    /// character; 0 when there is none.
    static func enumeratorLength(_ s: [Unicode.Scalar]) -> Int {
        var k = 0
        if let first = s.first, ("①"..."⑳").contains(first) {
            k = 1
        } else if let first = s.first, first == "（" || first == "(" {
            k = 1
            while k < s.count && k <= 3 && (CharClass.isDigit(s[k]) || "一二三四五六七八九十".unicodeScalars.contains(s[k])) { k += 1 }
            guard k > 1, k < s.count, s[k] == "）" || s[k] == ")" else { return 0 }
            k += 1
        } else {
            while k < s.count && k < 2 && CharClass.isDigit(s[k]) { k += 1 }
            guard k > 0, k < s.count, s[k] == "." || s[k] == "、" || s[k] == "．" else { return 0 }
            k += 1
        }
        return k < s.count && CharClass.isHan(s[k]) ? k : 0
    }

    /// The label without connectives, fillers and comparator words.
    static func head(_ label: String) -> String {
        var h = label
        // "一是…", "二是…": an enumerator, not part of the name
        let scalars = Array(h.unicodeScalars)
        if scalars.count > 2, scalars[1] == "是", "一二三四五六七八九十".unicodeScalars.contains(scalars[0]) {
            h = String(h.unicodeScalars.dropFirst(2))
        }
        // "1.基本支出预算", "（二）项目支出": a list number, not part of the name
        let enumerator = enumeratorLength(Array(h.unicodeScalars))
        if enumerator > 0 { h = String(h.unicodeScalars.dropFirst(enumerator)) }
        var changed = true
        while changed {
            changed = false
            for word in leadingConnectives where h.hasPrefix(word) && h.count > word.count {
                h = String(h.dropFirst(word.count))
                changed = true
            }
            for sym in ["：", ":", "，", "（", "("] where h.hasPrefix(sym) {
                h = String(h.dropFirst(sym.count))
                changed = true
            }
        }
        changed = true
        while changed {
            changed = false
            // "节约" is a word of its own, not "节" with a trailing 约
            for word in trailingFillers + comparatorWords where h.hasSuffix(word) && h.count > word.count && !(word == "约" && h.hasSuffix("节约")) {
                h = String(h.dropLast(word.count))
                changed = true
            }
            for sym in ["≥", "≤", ">", "<", "=", "：", ":"] where h.hasSuffix(sym) {
                h = String(h.dropLast(sym.count))
                changed = true
            }
        }
        return h
    }

    static let comparatorWords = ["大于等于", "小于等于", "不少于", "不低于", "不超过", "不高于", "不多于", "至少", "超过", "高于", "低于", "大于", "小于"]
    static let increaseWords = ["增加", "增长", "提高", "提升", "上升", "增幅", "调增", "追加", "超支", "增支", "多支出", "多"]
    static let decreaseWords = ["减少", "下降", "降低", "减", "调减", "压减", "节约", "节省", "节余", "压缩", "减支", "少支出", "少", "降幅"]
    /// What a comparison is made against: "比预算数…", "较上年…", "与2022年相比…".
    static let comparisonBases = ["上年", "去年", "上一年", "同期", "预算", "计划", "年初", "目标", "批复", "年度", "调整"]

    /// "比预算数节约2.00万元", "较2024年的2000万元", "与上年相比减少": a figure stated against another,
    /// whatever the verb. "比例", "占比", "较好" are not comparisons.
    static func isComparison(_ label: String) -> Bool {
        let s = Array(label.unicodeScalars)
        for (i, ch) in s.enumerated() where ch == "比" || ch == "较" || ch == "与" || ch == "同" {
            if ch == "比" && i + 1 < s.count && (s[i + 1] == "例" || s[i + 1] == "重" || s[i + 1] == "率") { continue }
            if ch == "比" && i > 0 && (s[i - 1] == "占" || s[i - 1] == "对" || s[i - 1] == "同" || s[i - 1] == "环") { continue }
            let rest = String(String.UnicodeScalarView(s[(i + 1)..<min(s.count, i + 10)]))
            if ch == "与" || ch == "同" {
                if rest.contains("相比") || rest.contains("比较") || rest.contains("持平") { return true }
                continue
            }
            if comparisonBases.contains(where: { rest.hasPrefix($0) || rest.hasPrefix("数" + $0) })
                || rest.unicodeScalars.prefix(4).allSatisfy({ CharClass.isDigit($0) }) && rest.count >= 5 && rest.unicodeScalars.dropFirst(4).first == "年" {
                return true
            }
        }
        return false
    }
    /// A comparison with another year ("较上年", "比2022年的", "与上年同期相比"), not with the budget or a target.
    static func comparesWithYear(_ label: String) -> Bool {
        if yearComparisons.contains(where: { label.contains($0) }) && !label.contains("年初") { return true }
        let s = Array(label.unicodeScalars)
        for (i, ch) in s.enumerated() where ch == "比" || ch == "较" || ch == "与" || ch == "同" {
            let rest = String(String.UnicodeScalarView(s[(i + 1)..<min(s.count, i + 10)]))
            if ["上年", "去年", "上一年", "同期", "前一年"].contains(where: { rest.hasPrefix($0) }) { return true }
            if rest.unicodeScalars.prefix(4).allSatisfy({ CharClass.isDigit($0) }) && rest.count >= 5 && rest.unicodeScalars.dropFirst(4).first == "年" { return true }
        }
        return false
    }
    static let yearComparisons = ["同比", "较上年", "比上年", "较去年", "比去年", "较上一年", "比上一年", "环比", "较年初", "比年初"]
    static let totalMarkers = ["合计", "共计", "总计", "共", "总额", "总数"]
}
