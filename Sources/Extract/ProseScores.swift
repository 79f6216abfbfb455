import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: indicators scored in running text, as many 自评报告 do instead of a score table. An item of
/// the outline whose own text states a weight ("（一）预算执行率（10分）", "分值10分", "权重10分") is a
/// scored indicator, with the score it states ("得9.60分", "实际得分9.6分", "得满分"); several weights
/// in one item's text ("数量指标（20分）：…，得18分；质量指标（15分）：…，得15分") are indicators of
/// their own, under it. The total ("综合得分91.1分") and the full mark ("满分100分") are read apart.
/// Reads facts, outline, concepts; writes `scoreItems`, `proseTotalScore`, `proseFullMark`.
extension ExtractionState {
    mutating func buildProseScores() {
        let totals = vocabulary[.scoreTotalWords]
        var items = [ScoreItem]()
        var itemOfOutline = [Int: Int]()
        // the facts of each outline item's own text (and of text outside any item), in order
        var own = [Int: [Int]]()
        var outside = [Int]()
        for p in doc.paragraphs where p.index != doc.titleParagraph {
            for id in paragraphFacts[p.index] where facts[id].kind == .score && !facts[id].isCellValue {
                // an item's text runs on past its paragraph only when that paragraph is a title line
                // ("（一）预算执行率（10分）"), not a sentence of its own ("4.满意度指标…，得9.2分。")
                if let item = facts[id].outlineItem, outline[item].paragraph == p.index || isTitleLine(doc.paragraphs[outline[item].paragraph]) {
                    own[item, default: []].append(id)
                } else {
                    outside.append(id)
                }
            }
        }
        func isTotal(_ f: Fact) -> Bool { totals.occurs(in: f.label) && !isWeight(f) }
        // one pass over the outline in order: parents come before their children
        for (index, item) in outline.enumerated() {
            let figures = (own[index] ?? []).filter { !isCriterion(facts[$0]) }
            let weights = figures.filter { isWeight(facts[$0]) }
            guard !weights.isEmpty else { continue }
            let parent = item.parent.flatMap { enclosingScoreItem($0, itemOfOutline) }
            // the item's own weight stands in its title ("（三）效益指标（30分）"), or is the one weight of
            // its text ("1.预算执行率：该指标分值10分，…"); other weights in its text are indicators under
            // it ("社会效益指标（20分）：…，得18分；…")
            let titleEnd = outlineTitleEnd(item)
            var ownWeight = weights.first.flatMap { w -> Int? in
                guard case .text(let p, _, _) = facts[w].place, p == item.paragraph, facts[w].number.numberRange.lowerBound <= titleEnd else { return nil }
                return w
            }
            if ownWeight == nil && weights.count == 1 { ownWeight = weights[0] }
            let inner = weights.filter { $0 != ownWeight }
            let firstInner = inner.first
            let itemFacts = paragraphFacts(ofItem: index)
            let k = addItem(&items, name: outlineTitle(item), weight: ownWeight,
                            figures: ownWeight == nil ? [] : figures.filter { $0 > ownWeight! && (firstInner == nil || $0 < firstInner!) },
                            context: itemFacts.filter { firstInner == nil || $0 < firstInner! }, parent: parent,
                            list: "o\(item.parent ?? -1)")
            itemOfOutline[index] = k
            for w in inner {
                let after = inner.first { $0 > w }
                let scope = figures.filter { $0 > w && (after == nil || $0 < after!) }
                let context = itemFacts.filter { $0 > w && (after == nil || $0 < after!) }
                _ = addItem(&items, name: nameBefore(facts[w]), weight: w, figures: scope, context: context, parent: k, list: "i\(index)")
            }
        }
        // sentences outside the outline: "预算执行率指标分值10分，实际得分9.6分。", "决策指标（15分）得14分，…"
        var bySentence = [String: [Int]]()
        var order = [String]()
        for id in outside where !isCriterion(facts[id]) {
            guard case .text(let p, let s, _) = facts[id].place else { continue }
            let key = "\(p).\(s)"
            if bySentence[key] == nil { order.append(key) }
            bySentence[key, default: []].append(id)
        }
        for key in order {
            let figures = bySentence[key]!
            let weights = figures.filter { isWeight(facts[$0]) }
            guard case .text(let p, let s, _) = facts[figures[0]].place else { continue }
            let sentenceFacts = facts(paragraph: p, sentence: s)
            for w in weights {
                let after = weights.first { $0 > w }
                let scope = figures.filter { $0 > w && (after == nil || $0 < after!) }
                let context = sentenceFacts.filter { $0 > w && (after == nil || $0 < after!) }
                _ = addItem(&items, name: nameBefore(facts[w]), weight: w, figures: scope, context: context, parent: nil, list: "s" + key)
            }
        }
        scoreItems = items
        // the total and the full mark, stated outside the indicators: "自评总分100分，自评得分93分" —
        // a total-worded 100 before another total is the full mark
        let scored = Set(items.compactMap(\.score))
        let candidates = facts.filter { $0.kind == .score && !$0.isCellValue && $0.place.paragraph != nil && !scored.contains($0.id)
            && $0.change == 0 && !$0.comparesYears && $0.number.comparator == nil && !$0.number.inRange && $0.value <= 100
            && !isWeight($0) && ($0.year == nil || $0.year == fiscalYear) }
        let totalFigures = candidates.filter { isTotal($0) }
        let fullMarks = candidates.filter { vocabulary[.fullMarkWords].occurs(in: $0.label) && $0.value >= 50 }
        if let last = totalFigures.last {
            proseTotalScore = last.id
            if let first = totalFigures.first, first.value == 100, last.value != 100, first.id < last.id, fullMarks.isEmpty {
                proseFullMark = first.id
            }
        }
        if let m = fullMarks.last { proseFullMark = m.id }
    }

    /// Adds an indicator with its score from the figures after its weight, and the rate it scores
    /// from the figures of its text (`context`).
    mutating func addItem(_ items: inout [ScoreItem], name: String, weight: Int?, figures: [Int], context: [Int], parent: Int?, list: String) -> Int {
        var item = ScoreItem(name: name, weight: weight, score: nil, parent: parent)
        item.list = list
        item.score = figures.first { facts[$0].concept.measure == "score" && facts[$0].kind == .score && !isWeight(facts[$0])
            && (facts[$0].number.comparator == nil) }
        if let w = weight, item.score == nil {
            // "得满分": the item's text after its weight says so
            item.fullMarks = textAfter(facts[w], words: vocabulary[.fullMarksWords])
        }
        if weight != nil {
            let rates = context.filter { id in
                let f = facts[id]
                return f.kind == .percent && f.concept.rate != nil && f.shareOf == nil && f.change == 0 && f.number.comparator == nil && !f.number.inRange
            }
            if rates.count == 1 { item.rate = rates[0] }
        }
        if let r = item.rate { item.scoredByRate = scoredByRate(facts[r]) }
        let index = items.count
        items.append(item)
        if let parent { items[parent].children.append(index) }
        return index
    }

    /// A weight: 分值 / 权重 / 满分 in its label, or a score in brackets right after a name
    /// ("预算执行率（10分）", "（权重10分）").
    func isWeight(_ f: Fact) -> Bool {
        guard f.kind == .score else { return false }
        if f.concept.measure == "weight" { return true }
        guard case .text(let p, _, _) = f.place else { return false }
        let s = doc.paragraphs[p].text.scalars
        var j = f.number.numberRange.lowerBound
        let lead = vocabulary[.weightWords]
        while j > 0 {
            let n = lead.suffixLength(s, endingAt: j)
            if n > 0 { j -= n; continue }
            if s[j - 1] == "：" || s[j - 1] == ":" || CharClass.isWhitespace(s[j - 1]) { j -= 1; continue }
            break
        }
        guard j > 0, s[j - 1] == "（" || s[j - 1] == "(" else { return false }
        var e = f.number.range.upperBound
        while e < s.count && CharClass.isWhitespace(s[e]) { e += 1 }
        return e < s.count && (s[e] == "）" || s[e] == ")")
    }

    /// A scoring rule, not a score: "每超过1个百分点扣0.5分", "得分=执行率×分值".
    func isCriterion(_ f: Fact) -> Bool {
        vocabulary[.scoringRuleWords].occurs(in: f.label) || f.number.comparator != nil || f.number.inRange
    }

    /// The name before a weight: "社会效益指标（20分）" → "社会效益指标", "该指标分值10分" → "该指标".
    func nameBefore(_ f: Fact) -> String {
        guard case .text(let p, _, _) = f.place else { return f.head }
        let s = doc.paragraphs[p].text.scalars
        var end = f.number.numberRange.lowerBound
        let lead = vocabulary[.weightWords]
        while end > 0 {
            let n = lead.suffixLength(s, endingAt: end)
            if n > 0 { end -= n; continue }
            if "（(：: ".unicodeScalars.contains(s[end - 1]) { end -= 1; continue }
            break
        }
        var start = end
        while start > 0 && !"，,。；;：:！？（()）".unicodeScalars.contains(s[start - 1]) && !CharClass.isWhitespace(s[start - 1]) { start -= 1 }
        return labels.head(doc.paragraphs[p].text.string(start..<end))
    }

    /// All figures of an outline item's own text (scores, rates, amounts).
    func paragraphFacts(ofItem index: Int) -> [Int] {
        let item = outline[index]
        var out = [Int]()
        var p = item.paragraph
        while p < doc.paragraphs.count {
            let ids = paragraphFacts[p].filter { facts[$0].outlineItem == index }
            if ids.isEmpty && p > item.paragraph && !paragraphFacts[p].isEmpty { break }
            out += ids
            p += 1
            if p - item.paragraph > 20 { break }
        }
        return out
    }

    /// Where an item's title clause ends: the first clause mark after its marker outside brackets.
    func outlineTitleEnd(_ item: OutlineItem) -> Int {
        let s = doc.paragraphs[item.paragraph].text.scalars
        var k = HeadingDetector.enumerator(s, at: item.start)?.end ?? item.start
        var depth = 0
        while k < s.count {
            switch s[k] {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "，", ",", "。", "；", ";", "：", ":": if depth == 0 { return k }
            default: break
            }
            k += 1
        }
        return k
    }

    /// An item's name: its title up to the first clause mark, bracket, weight word or figure
    /// ("4.满意度指标满分10分，…" → "满意度指标").
    func outlineTitle(_ item: OutlineItem) -> String {
        let p = doc.paragraphs[item.paragraph]
        let s = p.text.scalars
        var k = HeadingDetector.enumerator(s, at: item.start)?.end ?? item.start
        let start = k
        let weightWords = vocabulary[.weightWords]
        while k < s.count && !"，,。；;：:（(".unicodeScalars.contains(s[k]) && !CharClass.isDigit(s[k]) && weightWords.prefixLength(s, at: k) == 0 { k += 1 }
        return p.text.string(start..<k)
    }

    func enclosingScoreItem(_ outlineIndex: Int, _ map: [Int: Int]) -> Int? {
        var i: Int? = outlineIndex
        while let j = i {
            if let k = map[j] { return k }
            i = outline[j].parent
        }
        return nil
    }

    /// The item's text right after its weight says "得满分".
    func textAfter(_ f: Fact, words: WordSet) -> Bool {
        guard case .text(let p, let s, _) = f.place else { return false }
        let paragraph = doc.paragraphs[p]
        guard paragraph.sentences.indices.contains(s) else { return false }
        let range = f.number.range.upperBound..<paragraph.sentences[s].upperBound
        return words.firstMatch(in: paragraph.text.scalars, from: range.lowerBound, before: range.upperBound) != nil
    }

    /// "得96%权重分", "按执行率计分": the text says the score is the weight times the rate.
    func scoredByRate(_ rate: Fact) -> Bool {
        guard case .text(let p, let s, _) = rate.place else { return false }
        let paragraph = doc.paragraphs[p]
        let sentence = paragraph.sentences.indices.contains(s) ? paragraph.text.string(paragraph.sentences[s]) : paragraph.string
        return vocabulary[.scoreByRateWords].occurs(in: sentence)
    }

    /// A paragraph that is a title line: no sentence ends in it.
    func isTitleLine(_ p: Paragraph) -> Bool {
        !p.text.scalars.dropLast().contains { "。！？!?".unicodeScalars.contains($0) } && !(p.text.scalars.last.map { "。".unicodeScalars.contains($0) } ?? false)
    }
}
