import JXNormalize

/// Finds the noun phrase a number belongs to: the words before it in its clause.
enum Labels {
    static let clauseBoundaries: Set<Unicode.Scalar> = ["，", ",", "；", ";", "。", "！", "？", "!", "?", "\n", "\t", "、"]
    static let openBrackets: Set<Unicode.Scalar> = ["（", "(", "【", "["]
    static let closeBrackets: Set<Unicode.Scalar> = ["）", ")", "】", "]"]

    static let leadingConnectives = ["其中：", "其中:", "其中，", "其中", "包括", "含有", "含", "另有", "另", "以及", "及", "和", "与", "分别为", "分别是", "此外", "同时", "主要是", "主要为", "即"]
    static let trailingFillers = ["分别为", "分别是", "总计为", "合计为", "共计为", "累计为", "总额为", "共计", "合计", "总计", "累计", "达到", "约为", "仅为", "只有", "为", "是", "达", "约", "共", "有", "的", "已", "仅", "近", "至", "到"]

    /// The label range for a number starting at `start`, not reaching back before `limit`.
    static func labelRange(_ s: [Unicode.Scalar], numberStart start: Int, limit: Int) -> Range<Int> {
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
                if ch == "、" && !segmentHasDigit(s, before: k, limit: limit) { k -= 1; continue }
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
        while lo < hi && (CharClass.isWhitespace(s[lo])) { lo += 1 }
        while hi > lo && (CharClass.isWhitespace(s[hi - 1])) { hi -= 1 }
        return lo..<hi
    }

    /// The label without connectives, fillers and comparator words.
    static func head(_ label: String) -> String {
        var h = label
        // "一是…", "二是…": an enumerator, not part of the name
        let scalars = Array(h.unicodeScalars)
        if scalars.count > 2, scalars[1] == "是", "一二三四五六七八九十".unicodeScalars.contains(scalars[0]) {
            h = String(h.unicodeScalars.dropFirst(2))
        }
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
            for word in trailingFillers + comparatorWords where h.hasSuffix(word) && h.count > word.count {
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
    static let increaseWords = ["增加", "增长", "提高", "上升", "增幅", "调增", "追加", "超支", "增支", "多支出", "多"]
    static let decreaseWords = ["减少", "下降", "降低", "减", "调减", "压减", "节约", "节省", "节余", "压缩", "减支", "少支出", "少", "降幅"]
    /// What a comparison is made against: "比预算数…", "较上年…", "与2022年相比…".
    static let comparisonBases = ["上年", "去年", "上一年", "同期", "预算", "计划", "年初", "目标", "批复", "年度"]

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
    static let yearComparisons = ["同比", "较上年", "比上年", "较去年", "比去年", "较上一年", "比上一年", "环比", "较年初", "比年初"]
    static let totalMarkers = ["合计", "共计", "总计", "共", "总额", "总数"]
}
