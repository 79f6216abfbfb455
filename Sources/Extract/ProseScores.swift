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
    func buildProseScores() {
        let totals = vocabulary[.scoreTotalWords]
        var items = [ScoreItem]()
        var itemOfOutline = [Int: Int]()
        // figures of flattened score sheets are read apart (`readScoreRuns`)
        var flat = Set<Int>()
        for run in flatRuns { flat.formUnion(run.weights + run.scores + [run.fullMark] + (run.total.map { [$0] } ?? [])) }
        // "本项目满分100分，自评得分92.7分": the evaluation's full mark, not an indicator's weight
        var fullMarkWeights = Set<Int>()
        // the facts of each outline item's own text (and of text outside any item), in order
        var own = [Int: [Int]]()
        var outside = [Int]()
        // "分值分别为16分、8分、8分、8分，得分分别为14.5分、8分、6分、7分" and "社会效益（8分）、生态效益（4分）…，
        // 分别得7.5分、3分…": weights and the scores listed after them, paired by position
        let positional = positionalScoreRuns(flat: flat)
        let positionalFacts = Set(positional.flatMap { $0.flatMap { [$0.weight, $0.score] } })
        var runsByOutline = [Int: [[(weight: Int, score: Int, name: String)]]]()
        var runsOutside = [[(weight: Int, score: Int, name: String)]]()
        for run in positional {
            if let item = facts[run[0].weight].outlineItem { runsByOutline[item, default: []].append(run) } else { runsOutside.append(run) }
        }
        // the indicators so paired under each item, by name: a numbered paragraph on one of them later is
        // that indicator's text
        var positionalChildren = [Int: [(item: Int, name: String)]]()
        flat.formUnion(positionalFacts)
        // "满分100分，其中决策指标20分、…。决策指标得19分，…": weights a full mark lists by name, scored by name further on
        let named = namedWeightItems(flat: flat)
        for (whole, _) in named { fullMarkWeights.insert(whole) }
        // "从A、B、C三个方面…满分分别为10分、25分和15分。…其中A得9.5分": weights by position, scored by name
        let distributed = distributedWeightItems(flat: flat)
        let distributedWeights = Set(distributed.flatMap { $0.map(\.weight) })
        let namedScores = Set(named.flatMap { $0.pairs.compactMap(\.score) } + distributed.flatMap { $0.compactMap(\.score) })
        for p in paragraphIndexes where p != doc.titleParagraph {
            for id in paragraphFacts[p] where facts[id].kind == .score && !facts[id].isCellValue && !flat.contains(id) && !namedScores.contains(id)
                && !distributedWeights.contains(id) {
                if fullMarkWeights.contains(id) { continue }
                if isFullMarkWeight(facts[id]) { fullMarkWeights.insert(id); continue }
                // an item's text runs on past its paragraph only when that paragraph is a title line
                // ("（一）预算执行率（10分）"), not a sentence of its own ("4.满意度指标…，得9.2分。")
                if let item = facts[id].outlineItem, outline[item].paragraph == p || isTitleLine(doc.paragraphs[outline[item].paragraph]) {
                    own[item, default: []].append(id)
                } else {
                    outside.append(id)
                }
            }
        }
        let fullMarkList = fullMarkWeights.sorted()
        func isTotal(_ f: Fact) -> Bool { totals.occurs(in: f.label) && !isWeight(f) }
        // one pass over the outline in order: parents come before their children
        for (index, item) in outline.enumerated() {
            let figures = (own[index] ?? []).filter { !isCriterion(facts[$0]) }
            let weights = figures.filter { isWeight(facts[$0]) }
            guard !weights.isEmpty else { continue }
            var parent = item.parent.flatMap { enclosingScoreItem($0, itemOfOutline) }
            // ("产出部分由产出数量、…、产出成本构成，分值分别为…，得分分别为…" ⏎ "4.产出成本。…该指标分值8分，扣1分，得7分")
            if let pk = parent, let paired = positionalChildren[pk] {
                let title = Array(outlineTitle(item).unicodeScalars)
                let likeness = paired.map { Self.longestCommonRun(title, Array($0.name.unicodeScalars)) }
                if let best = likeness.max(), best >= 2, likeness.filter({ $0 == best }).count == 1 {
                    parent = paired[likeness.firstIndex(of: best)!].item
                }
            }
            let itemFacts = paragraphFacts(ofItem: index)
            // the item's own weight stands in its title ("（三）效益指标（30分）"), or is the one weight of
            // its text ("1.预算执行率：该指标分值10分，…"); other weights in its text are indicators under
            // it ("社会效益指标（20分）：…，得18分；…")
            let titleEnd = outlineTitleEnd(item)
            var ownWeight = weights.first.flatMap { w -> Int? in
                guard case .text(let p, _, _) = facts[w].place, p == item.paragraph, facts[w].number.numberRange.lowerBound <= titleEnd else { return nil }
                return w
            }
            // (not a weight named as "this indicator" when a score names the item outright: "1.产出数量 …该三级
            // 指标分值2分，…，产出数量指标得11.60分" — that weight is one of its indicators')
            let title = outlineTitle(item)
            // (nor a weight naming another indicator: "四、自评结论 …其中预算执行率权重10分，…项目自评得分96.39分")
            if ownWeight == nil && weights.count == 1
                && !(vocabulary[.deicticWords].isPrefix(of: nameBefore(facts[weights[0]])) && title.unicodeScalars.count >= 2
                     && figures.contains(where: { facts[$0].concept.measure == "score" && !isWeight(facts[$0]) && scoredName(facts[$0]).hasPrefix(title) }))
                && !namesOther(nameBefore(facts[weights[0]]), than: title) {
                ownWeight = weights[0]
            }
            // "（三）产出指标。分值35分，得31.19分。…该项分值10分…": a weight opening the text right after a run-in
            // title, named by a weight word alone, is the item's own, whatever weights follow
            if ownWeight == nil, let w = weights.first, case .text(let p, _, _) = facts[w].place, p == item.paragraph,
               titleEnd < facts[w].number.numberRange.lowerBound, facts[w].number.numberRange.lowerBound - titleEnd <= 8 {
                let gap = doc.paragraphs[p].text.scalars[(titleEnd + 1)..<facts[w].number.numberRange.lowerBound].filter { !"。：:，, （(".unicodeScalars.contains($0) }
                // (or by one after a word pointing at the item: "该项满分30分")
                let pointer = nameBefore(facts[w])
                if vocabulary[.weightWords].contains(ScalarString.make(gap))
                    || (vocabulary[.deicticWords].isPrefix(of: pointer) && pointer.unicodeScalars.count <= 3 && gap.count <= pointer.unicodeScalars.count + 3) { ownWeight = w }
            }
            var inner = weights.filter { $0 != ownWeight }
            // ("三、自评得分情况 …包括决策、过程、产出、效益4个一级指标，分值分别为20分、20分、30分、30分，满分100分。…
            // （一）决策指标（20分）得19分…": weights that make up a full mark, restated one by one in the titles of
            // the item's own sub-items, are those sub-items', read there)
            if !item.children.isEmpty {
                let restated = item.children.compactMap { c -> Decimal? in
                    let end = outlineTitleEnd(outline[c])
                    return (own[c] ?? []).first { id in
                        guard case .text(let q, _, _) = facts[id].place, q == outline[c].paragraph, isWeight(facts[id]) else { return false }
                        return facts[id].number.numberRange.lowerBound <= end
                    }.map { facts[$0].value }
                }
                for g in groups.indices where groups[g].marker == .qizhong && groups[g].closedByWording && facts[groups[g].whole].kind == .score
                    && groups[g].parts.count == restated.count && groups[g].parts.allSatisfy({ inner.contains($0) })
                    && groups[g].parts.map({ facts[$0].value }).sorted(by: <) == restated.sorted(by: <) {
                    inner.removeAll { groups[g].parts.contains($0) || $0 == groups[g].whole }
                }
            }
            let firstInner = inner.first
            let ownScope: [Int]
            if let w = ownWeight, let s = scoreBefore(w) {
                ownScope = [s]   // "（一）决策指标得分14分（满分15分）"
            } else {
                ownScope = ownWeight == nil ? [] : figures.filter { $0 > ownWeight! && (firstInner == nil || $0 < firstInner!) }
            }
            let k = addItem(&items, name: outlineTitle(item), weight: ownWeight, figures: ownScope,
                            context: itemFacts.filter { firstInner == nil || $0 < firstInner! }, parent: parent,
                            list: "o\(item.parent ?? -1)", ownsItsText: firstInner == nil)
            itemOfOutline[index] = k
            let scoped = weightScopes(inner, figures: figures, all: itemFacts, fullMarks: fullMarkList)
            // "（三）产出指标（分值30分）⏎数量指标分值12分，得11.6分：…；就业技能培训期数分值4分，…。质量指标分值10分，…":
            // when the weights named as levels of the indicator tree make up the item's and all of them do
            // not, one named otherwise after such a level is an indicator under it
            let levels = vocabulary[.indicatorLevelEndings]
            let levelWeights = scoped.filter { levels.isSuffix(of: $0.3) }.map { facts[$0.0].value }
            let nests = levelWeights.count >= 2 && levelWeights.count < scoped.count && ownWeight.map { own in
                levelWeights.reduce(0, +) == facts[own].value && scoped.map({ facts[$0.0].value }).reduce(0, +) != facts[own].value
            } == true
            var lastLevel: Int?
            let colonParents = nests ? [:] : colonSubLists(scoped, ownWeight: ownWeight)
            let openerParents = nests || !colonParents.isEmpty ? [:] : openerSubLists(scoped, ownWeight: ownWeight, fullMarks: fullMarkList)
            var itemOfScope = [Int: Int]()
            for (j, (w, scope, context, name)) in scoped.enumerated() {
                // ("资金管理、组织实施满分均为10分，…扣1分；…扣1分": a weight each of several indicators has is no
                // one item's; what follows it is theirs, not read)
                if isSharedWeight(facts[w]) { continue }
                let isLevel = levels.isSuffix(of: name)
                let under = (colonParents[j] ?? openerParents[j]).flatMap { itemOfScope[$0] } ?? (nests && !isLevel ? lastLevel ?? k : k)
                let child = addItem(&items, name: name, weight: w, figures: scope, context: context, parent: under, list: under == k ? "i\(index)" : "i\(index).\(under)")
                itemOfScope[j] = child
                if isLevel { lastLevel = child }
            }
            for (r, run) in (runsByOutline[index] ?? []).enumerated() {
                for (weight, score, name) in run {
                    let child = addItem(&items, name: name, weight: weight, figures: [score], context: [], parent: k, list: "r\(index).\(r)", paired: true)
                    positionalChildren[k, default: []].append((child, name))
                }
            }
        }
        for (r, run) in runsOutside.enumerated() {
            for (weight, score, name) in run {
                _ = addItem(&items, name: name, weight: weight, figures: [score], context: [], parent: nil, list: "r-\(r)", paired: true)
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
        // paragraphs in a row that each open with an indicator and its weight ("项目决策（20分）：…，得20分。"
        // ⏎ "项目过程（20分）：…") are one list
        var titled = (paragraph: -2, list: "")
        for key in order {
            let figures = bySentence[key]!
            let weights = figures.filter { isWeight(facts[$0]) }
            guard case .text(let p, let s, _) = facts[figures[0]].place else { continue }
            var list = "s" + key
            if s == 0, let w = weights.first, opensParagraph(facts[w]) {
                if titled.paragraph == p - 1 { list = titled.list }
                titled = (p, list)
            }
            for (w, scope, context, name) in weightScopes(weights, figures: figures, all: facts(paragraph: p, sentence: s), fullMarks: fullMarkList)
            where !isSharedWeight(facts[w]) {
                _ = addItem(&items, name: name, weight: w, figures: scope, context: context, parent: nil, list: list)
            }
        }
        for (k, list) in named.enumerated() {
            for (weight, score, name) in list.pairs where !isSharedWeight(facts[weight]) {
                _ = addItem(&items, name: name, weight: weight, figures: score.map { [$0] } ?? [], context: [], parent: nil, list: "n\(k)")
            }
        }
        for (k, list) in distributed.enumerated() {
            for (weight, score, name) in list where !isSharedWeight(facts[weight]) {
                _ = addItem(&items, name: name, weight: weight, figures: score.map { [$0] } ?? [], context: [], parent: nil, list: "d\(k)", paired: true)
            }
        }
        assignNamedDeductions(&items)
        readScoreRuns(&items)
        scoreItems = items
        // the total and the full mark, stated outside the indicators: "自评总分100分，自评得分93分" —
        // a total-worded 100 before another total is the full mark
        let scored = Set(items.compactMap(\.score))
        // the scores are picked by index first: filtering `facts` itself copied every fact of the document
        let scores = facts.indices.filter { facts[$0].kind == .score }.map { facts[$0] }
        let candidates = scores.filter { $0.kind == .score && !$0.isCellValue && $0.place.paragraph != nil && !scored.contains($0.id) && !flat.contains($0.id)
            && $0.change == 0 && !$0.comparesYears && $0.number.comparator == nil && !$0.number.inRange && Decimals.lessOrEqual($0.value, 100)
            && !isWeight($0) && ($0.year == nil || $0.year == fiscalYear) }
        var totalFigures = candidates.filter { isTotal($0) }
        // "…绩效评价得分为87.5分…。…效益类指标合计得分22.0分": a total named by a part of the evaluation
        // (`subtotal_name_endings`) is that part's, when a larger total not so named stands in the text
        if totalFigures.count >= 2 {
            let levelled = Set(totalFigures.filter(namesLevel).map(\.id))
            let largestUnlevelled = totalFigures.filter { !levelled.contains($0.id) }.map(\.value).max()
            totalFigures.removeAll { f in levelled.contains(f.id) && largestUnlevelled.map { $0 > f.value } == true }
        }
        // ("（四）效益指标（分值25分）…，合计得分23.6分": a total in the text of an indicator with its own weight,
        // within it, is that indicator's, when a larger total stands elsewhere)
        if totalFigures.count >= 2, let largest = totalFigures.map(\.value).max() {
            totalFigures.removeAll { f in
                guard f.value < largest, let item = f.outlineItem, let k = itemOfOutline[item], let w = items[k].weight else { return false }
                return Decimals.lessOrEqual(f.value, facts[w].value) && Decimals.less(facts[w].value, 50)
            }
        }
        let fullMarks = candidates.filter { vocabulary[.fullMarkWords].occurs(in: $0.label) && Decimals.lessOrEqual(50, $0.value) }
        // "总分100分，经综合评定，本项目得分88.99分": a total-worded 100 with a score after it in its sentence is
        // the full mark, and that score the total
        // ("综合得分为满分100分减去扣分后的91.5分": or named as what is left after the points lost)
        if let last = totalFigures.last, last.value == 100, let place = last.place.sentence,
           let after = candidates.first(where: { $0.id > last.id && $0.place.sentence.map { $0 == place } == true && $0.value < 100
               && ($0.concept.measure == "score" || ($0.concept.measure == nil && vocabulary[.deductionWords].occurs(in: $0.label))) }) {
            totalFigures.append(after)
        }
        if let last = totalFigures.last {
            proseTotalScore = last.id
            if let first = totalFigures.first, first.value == 100, last.value != 100, first.id < last.id, fullMarks.isEmpty {
                proseFullMark = first.id
            }
        }
        if let m = fullMarks.last { proseFullMark = m.id }
        if let m = fullMarkWeights.max(), proseFullMark.map({ $0 < m }) ?? true { proseFullMark = m }
        // a flattened sheet's total is the evaluation's when the text states no other
        let runTotals = scoreRuns.compactMap(\.total)
        if proseTotalScore == nil && runTotals.count == 1 { proseTotalScore = runTotals[0] }
        readPointsLost()
    }

    /// "预算调整率偏高扣2分，…扣3分，…扣2分，合计扣7分": points lost one by one in a paragraph, then
    /// their total (a deduction named a total), two items at least.
    func readPointsLost() {
        let totals = vocabulary[.deductionTotalWords], enumerators = vocabulary[.enumeratorWords]
        for p in paragraphIndexes {
            var items = [Int]()
            let text = doc.paragraphs[p].text.scalars
            // "共扣5.96分，主要是：一是…扣0.26分；…六是…，合计扣2.20分": a total stated first, before any item,
            // is the total of all that follow; a 合计 among them is the last item's own
            var opening: Int?
            let ids = paragraphFacts[p]
            // ("…，共扣2.5分，得17.5分；产出类指标…扣5.5分": a total followed by its score is its indicator's own)
            func scoredNext(_ n: Int) -> Bool {
                guard let next = ids[(n + 1)...].first(where: { facts[$0].kind == .score && !facts[$0].isCellValue }) else { return false }
                return !isDeduction(facts[next]) && !isWeight(facts[next])
            }
            for (n, id) in ids.enumerated() where facts[id].kind == .score && !facts[id].isCellValue && isDeduction(facts[id]) {
                if facts[id].marksTotal || totals.isPrefix(of: facts[id].label) || isOwnTotalDeduction(facts[id]) {
                    if items.isEmpty && opening == nil && !scoredNext(n) { opening = id; continue }
                    // "…五是…扣0.5分；六是…、…、…，共扣1.9分": a point opened after the last item, its own
                    // total the first it states, is one more item
                    if let last = items.last, enumerators.firstMatch(in: text, from: facts[last].number.range.upperBound,
                                                                       before: facts[id].number.numberRange.lowerBound) != nil {
                        items.append(id)
                        continue
                    }
                    if opening != nil, items.count >= 1 {
                        items.append(id)
                        continue
                    }
                    if items.count >= 2 { pointsLost.append((total: id, items: withoutBreakdowns(items, total: id))) }
                    items = []
                    opening = nil
                } else {
                    items.append(id)
                }
            }
            if let o = opening, items.count >= 2 { pointsLost.append((total: o, items: withoutBreakdowns(items, total: o))) }
        }
    }

    /// "共扣6.4分，其中：产出指标扣2.5分，A未达目标扣1.5分、B低于目标扣1分；投入指标扣1.5分…": the points a
    /// part of the evaluation lost (named by `subtotal_name_endings`), then some of its own items before the
    /// next part, are counted once when that reading, and only it, makes the total: the items are its breakdown.
    func withoutBreakdowns(_ items: [Int], total: Int) -> [Int] {
        let endings = vocabulary[.subtotalNameEndings], deductions = vocabulary[.deductionWords]
        func namesPart(_ id: Int) -> Bool {
            let label = Array(facts[id].label.unicodeScalars)
            let end = label.count - deductions.suffixLength(label, endingAt: label.count)
            return end > 2 && endings.suffixLength(label, endingAt: end) > 0
        }
        func sum(_ ids: [Int]) -> Interval { ids.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval } }
        guard !sum(items).overlaps(facts[total].interval) else { return items }
        var kept = [Int](), k = 0
        while k < items.count {
            let id = items[k]
            kept.append(id)
            k += 1
            guard namesPart(id) else { continue }
            // the items after it up to the next part, when they add up to no more than it
            var j = k
            while j < items.count, !namesPart(items[j]) { j += 1 }
            if j > k, Decimals.lessOrEqual(sum(Array(items[k..<j])).lo, facts[id].interval.hi) { k = j }
        }
        return sum(kept).overlaps(facts[total].interval) ? kept : items
    }

    /// Each weight of a list with the figures that are its own (its score among them), the figures
    /// of its text and its name. A weight's figures run from it to the next weight; a weight written
    /// in brackets right after a score ("决策类指标得分14.5分（满分15分）") has that score.
    /// A full mark after a weight ends its figures ("权重分别为15分、…、25分，满分100分。经综合评价，该项目得分92分":
    /// the score after it is the evaluation's, not the last weight's).
    /// `fullMarks`: sorted.
    func weightScopes(_ weights: [Int], figures: [Int], all: [Int], fullMarks: [Int] = []) -> [(Int, [Int], [Int], String)] {
        // weights after their scores ("投入类得19分（满分20分），过程类得28分（满分30分）") or before them,
        // the whole of a sentence one way ("…；预算执行率指标按执行率乘以权重10分计得9.61分" is another)
        func sentence(_ w: Int) -> String {
            if case .text(let p, let s, _) = facts[w].place { return "\(p).\(s)" }
            return ""
        }
        var trailingSentences = [String: Bool]()
        for w in weights { trailingSentences[sentence(w), default: true] = trailingSentences[sentence(w), default: true] && scoreBefore(w) != nil }
        var out = [(Int, [Int], [Int], String)]()
        // the ids between two weights, by moving bounds over the sorted lists (many weights in one item
        // stay linear)
        func slice(_ list: [Int], after lower: Int, upTo upper: Int?, through: Bool = false, from start: inout Int) -> [Int] {
            while start < list.count && list[start] <= lower { start += 1 }
            var end = start
            while end < list.count, upper.map({ through ? list[end] <= $0 : list[end] < $0 }) ?? true { end += 1 }
            return Array(list[start..<end])
        }
        var figureStart = 0, allStart = 0, trailingStart = 0
        for (k, w) in weights.enumerated() {
            if trailingSentences[sentence(w)] == true {
                let s = scoreBefore(w)!
                let previous = k > 0 ? weights[k - 1] : -1
                out.append((w, [s], slice(all, after: previous, upTo: w, through: true, from: &trailingStart), scoredName(facts[s])))
            } else {
                let after = k + 1 < weights.count ? weights[k + 1] : nil
                var own = slice(figures, after: w, upTo: after, from: &figureStart)
                // (the first after it, by bisection)
                var lo = 0, hi = fullMarks.count
                while lo < hi { let mid = (lo + hi) / 2; if fullMarks[mid] <= w { lo = mid + 1 } else { hi = mid } }
                if lo < fullMarks.count, case let stop = fullMarks[lo], after.map({ stop < $0 }) ?? true {
                    own.removeAll { $0 > stop }
                }
                // ("…分值分别为8分和7分，均全额得分；社会保险参保扩面8分，得7.5分": past a "；", points named bare,
                // neither score nor deduction, are the next indicator's weight: the scope ends there)
                // (whether a "；" lies between is read on as the figures go: one pass over the text)
                var passedSemicolon = false, scanned = facts[w].number.range.upperBound
                let paragraphOfWeight = facts[w].place.paragraph
                func semicolonSoFar(_ f: Fact) -> Bool {
                    guard let p = paragraphOfWeight, f.place.paragraph == p else { return false }
                    let text = doc.paragraphs[p].text.scalars
                    while scanned < min(f.number.numberRange.lowerBound, text.count) {
                        if text[scanned] == "；" || text[scanned] == ";" { passedSemicolon = true }
                        scanned += 1
                    }
                    return passedSemicolon
                }
                if let cut = own.firstIndex(where: { semicolonSoFar(facts[$0]) && facts[$0].kind == .score && facts[$0].concept.measure != "score"
                    && facts[$0].number.parenDepth == 0 && !isDeduction(facts[$0]) && !isCriterion(facts[$0]) }) {
                    own = Array(own[..<cut])
                }
                out.append((w, own, slice(all, after: w, upTo: after, from: &allStart), nameBefore(facts[w])))
            }
        }
        return scoredByName(out)
    }

    /// "资金管理满分12分，得10.8分：资金到位率满分3分，…；预算执行率满分5分，…。组织实施满分8分…": the weights
    /// a colon after an indicator's weight (and score) opens, to the end of that sentence, are indicators
    /// under it, when they make up its weight or the item's weight is made without them. By position
    /// in `scoped`: each child's to its parent's.
    func colonSubLists(_ scoped: [(Int, [Int], [Int], String)], ownWeight: Int?) -> [Int: Int] {
        var out = [Int: Int]()
        let total = scoped.reduce(Decimal(0)) { $0 + facts[$1.0].value }
        var k = 0
        while k + 2 < scoped.count {
            let w = scoped[k].0
            guard case .text(let p, let s, _) = facts[w].place, case .text(let p1, let s1, _) = facts[scoped[k + 1].0].place,
                  p1 == p, s1 == s else { k += 1; continue }
            let text = doc.paragraphs[p].text.scalars
            let from = scoped[k].1.reduce(facts[w].number.range.upperBound) { max($0, facts[$1].number.range.upperBound) }
            let to = facts[scoped[k + 1].0].number.numberRange.lowerBound
            guard from < to, to <= text.count, text[from..<to].contains(where: { $0 == "：" || $0 == ":" }) else { k += 1; continue }
            var end = k + 1
            while end < scoped.count, case .text(let pe, let se, _) = facts[scoped[end].0].place, pe == p, se == s { end += 1 }
            let children = scoped[(k + 1)..<end].reduce(Decimal(0)) { $0 + facts[$1.0].value }
            let makesItsWeight = children == facts[w].value
            let makesTheItems = ownWeight.map { total != facts[$0].value && total - children == facts[$0].value } == true
            guard end - k - 1 >= 2, makesItsWeight || makesTheItems else { k += 1; continue }
            for j in (k + 1)..<end { out[j] = k }
            k = end
        }
        return out
    }

    /// "决策类指标分值15分，得分13.5分。…" ⏎ "过程类指标分值20分，…资金到位率指标分值4分，…；组织实施（分值6分）扣0.5分。":
    /// paragraphs each opened by a weight, whose weights make up the item's (or the evaluation's full
    /// mark) while all the weights together do not — the other weights of such a paragraph are
    /// indicators under the one opening it.
    func openerSubLists(_ scoped: [(Int, [Int], [Int], String)], ownWeight: Int?, fullMarks: [Int]) -> [Int: Int] {
        // (not a paragraph going on from one cut after "；": "…计得3.92分；" ⏎ "预算执行率指标分值4分，…")
        func continues(_ p: Int) -> Bool {
            guard p > 0, let last = doc.paragraphs[p - 1].text.scalars.last(where: { !CharClass.isWhitespace($0) }) else { return false }
            return "；;，,".unicodeScalars.contains(last)
        }
        let openers = Set(scoped.indices.filter { j in
            opensParagraph(facts[scoped[j].0]) && facts[scoped[j].0].place.paragraph.map { !continues($0) } == true
        })
        guard openers.count >= 2, openers.count < scoped.count else { return [:] }
        let openersSum = openers.reduce(Decimal(0)) { $0 + facts[scoped[$1].0].value }
        let total = scoped.reduce(Decimal(0)) { $0 + facts[$1.0].value }
        let wholes = ownWeight.map { [facts[$0].value] } ?? fullMarks.map { facts[$0].value }
        guard total != openersSum, wholes.contains(openersSum) else { return [:] }
        var out = [Int: Int]()
        var opener: Int?
        var paragraph = -1
        for j in scoped.indices {
            guard case .text(let p, _, _) = facts[scoped[j].0].place else { opener = nil; continue }
            if openers.contains(j) { (opener, paragraph) = (j, p); continue }
            // the opener's text ends with its paragraph, or with the last going on from it
            if p != paragraph {
                if p != paragraph + 1 || !continues(p) { opener = nil }
                paragraph = p
            }
            if let o = opener { out[j] = o }
        }
        return out
    }

    /// "下设预算编制科学性（8分）、绩效目标合理性（6分）、预算调整控制（6分）…；预算编制科学性扣0.5分，得7.5分；
    /// 预算调整控制扣1分，得5分": weights listed together, their figures all after the last of them. Each
    /// "；" or "。" part after the list goes to the weight whose name it shares most with (three characters
    /// in a row at least, one best); parts that name none stay with the last weight.
    func scoredByName(_ scopes: [(Int, [Int], [Int], String)]) -> [(Int, [Int], [Int], String)] {
        var out = scopes
        var k = 0
        while k < out.count {
            // a run of weights with no figures between them, in one paragraph
            var last = k
            while last + 1 < out.count, out[last].1.isEmpty, out[last].2.isEmpty,
                  facts[out[last + 1].0].place.paragraph == facts[out[k].0].place.paragraph { last += 1 }
            defer { k = last + 1 }
            guard last > k, case .text(let p, _, _) = facts[out[last].0].place else { continue }
            let names = out[k...last].map { Array($0.3.unicodeScalars) }
            guard names.allSatisfy({ $0.filter(CharClass.isHan).count >= 3 }) else { continue }
            let text = doc.paragraphs[p].text.scalars
            var parts = [(name: Int?, figures: [Int])]()
            var boundary = facts[out[last].0].number.range.upperBound
            var previousEnd = boundary
            for id in out[last].2 {
                let f = facts[id]
                guard f.place.paragraph == p, f.number.numberRange.lowerBound >= previousEnd else { break }
                let gap = previousEnd..<f.number.numberRange.lowerBound
                if let cut = text[gap].lastIndex(where: { $0 == "；" || $0 == ";" || $0 == "。" }) { boundary = cut + 1 }
                if parts.isEmpty || boundary >= previousEnd {
                    // a new part: named by the words from its start to its first figure (a few dozen at most)
                    let words = Array(text[max(boundary, f.number.numberRange.lowerBound - 40)..<f.number.numberRange.lowerBound])
                    let likeness = names.map { Self.longestCommonRun(words, $0) }
                    let best = likeness.max() ?? 0
                    let named = best >= 3 && likeness.filter({ $0 == best }).count == 1 ? likeness.firstIndex(of: best) : nil
                    parts.append((named, []))
                }
                parts[parts.count - 1].figures.append(id)
                previousEnd = f.number.range.upperBound
            }
            // only when some part names a weight before the last one
            guard parts.contains(where: { ($0.name ?? names.count - 1) < names.count - 1 }) else { continue }
            let read = Set(parts.flatMap(\.figures))
            let rest = out[last].2.filter { !read.contains($0) }
            for i in k...last { out[i].1 = []; out[i].2 = [] }
            for part in parts {
                let i = k + (part.name ?? names.count - 1)
                out[i].2 += part.figures
                out[i].1 += part.figures.filter { scopes[last].1.contains($0) }
            }
            out[last].2 += rest
            out[last].1 += rest.filter { scopes[last].1.contains($0) }
        }
        return out
    }

    /// The weights a full mark lists by name only ("满分100分，其中决策指标20分、过程指标20分…"), each
    /// with the score stated later under the same name ("决策指标得19分"), in its paragraph or the next
    /// few; a list only when two of its weights at least are scored so.
    func namedWeightItems(flat: Set<Int>) -> [(whole: Int, pairs: [(weight: Int, score: Int?, name: String)])] {
        var out = [(whole: Int, pairs: [(weight: Int, score: Int?, name: String)])]()
        var taken = Set<Int>()
        for group in groups where group.parts.count >= 2 {
            let whole = facts[group.whole]
            guard whole.kind == .score, !whole.isCellValue, !flat.contains(group.whole), isWeight(whole),
                  vocabulary[.fullMarkWords].occurs(in: whole.label),
                  group.parts.allSatisfy({ facts[$0].kind == .score && facts[$0].concept.measure == nil && !facts[$0].marksTotal }),
                  let first = whole.place.paragraph else { continue }
            let last = group.parts.max()!
            // the scores after the list, by the name they score
            var byName = [String: Int]()
            for p in first..<min(doc.paragraphs.count, first + 4) {
                for id in paragraphFacts[p] where id > last && !taken.contains(id) {
                    let f = facts[id]
                    guard f.kind == .score, !f.isCellValue, f.concept.measure == "score", !isWeight(f), !isCriterion(f), !isDeduction(f),
                          f.change == 0, f.number.comparator == nil else { continue }
                    let name = scoredName(f)
                    if !name.isEmpty && byName[name] == nil { byName[name] = id }
                }
            }
            let pairs = group.parts.map { (weight: $0, score: byName[scoredName(facts[$0])], name: scoredName(facts[$0])) }
            guard pairs.filter({ $0.score != nil }).count >= 2 else { continue }
            taken.formUnion(pairs.compactMap(\.score))
            out.append((group.whole, pairs))
        }
        return out
    }

    /// "从预算编制、预算执行、预算管理、产出和效益五个方面进行自评，各部分满分分别为10分、25分、15分、30分和20分。
    /// …其中预算编制得9.5分，…效益得19.00分": weights listed after a distributive word (three at least,
    /// joined by 、 和 及), as many as the names an enumeration before them in their paragraph lists, each
    /// scored further on (its paragraph or the next few) under its name; a list only when two of its
    /// weights at least are scored so. A score goes to the name it shares most characters in a row with.
    func distributedWeightItems(flat: Set<Int>) -> [[(weight: Int, score: Int?, name: String)]] {
        let distributive = vocabulary[.distributiveMarkers]
        let joiners: Set<Unicode.Scalar> = ["、", "和", "及", "与", " "]
        var out = [[(weight: Int, score: Int?, name: String)]]()
        for paragraph in doc.paragraphs {
            let ids = paragraphFacts[paragraph.index]
            let s = paragraph.text.scalars
            var i = 0
            while i < ids.count {
                let first = facts[ids[i]]
                guard first.kind == .score, !first.isCellValue, !flat.contains(first.id), isWeight(first),
                      distributive.firstMatch(in: s, from: max(0, first.number.numberRange.lowerBound - 4), before: first.number.numberRange.lowerBound) != nil
                else { i += 1; continue }
                var run = [first.id]
                var j = i + 1
                while j < ids.count {
                    let next = facts[ids[j]], last = facts[run.last!]
                    guard next.kind == .score, next.number.comparator == nil, last.number.range.upperBound < next.number.numberRange.lowerBound,
                          s[last.number.range.upperBound..<next.number.numberRange.lowerBound].allSatisfy({ joiners.contains($0) }) else { break }
                    run.append(next.id)
                    j += 1
                }
                i = j
                guard run.count >= 3, let names = enumeration(of: run.count, in: s, before: first.number.numberRange.lowerBound) else { continue }
                // the scores after the run, in its paragraph and the next few, each to the name it is most like
                var scores = [Int?](repeating: nil, count: run.count)
                let last = run.last!
                for p in paragraph.index..<min(doc.paragraphs.count, paragraph.index + 4) {
                    for id in paragraphFacts[p] where id > last {
                        let f = facts[id]
                        // (nor a total: "…权重分别为15分、25分、35分和25分，合计100分" is what the weights make up)
                        guard f.kind == .score, !f.isCellValue, f.concept.measure == "score" || f.concept.measure == nil, !isWeight(f), !isCriterion(f),
                              !isDeduction(f), f.change == 0, f.number.comparator == nil, !f.marksTotal,
                              !vocabulary[.scoreTotalWords].occurs(in: f.label) else { continue }
                        let name = Array(scoredName(f).unicodeScalars)
                        var likeness = names.map { Self.longestCommonRun(name, $0) }
                        var least = 2
                        // (a score naming nothing, "…，得满分5分", is of the indicator its sentence opens with:
                        // "公益广告刊播点位目标为…，实际完成…，得满分5分")
                        if (likeness.max() ?? 0) < 2, case .text(let sp, let ss, _) = f.place, doc.paragraphs[sp].sentences.indices.contains(ss) {
                            let range = doc.paragraphs[sp].sentences[ss]
                            let opening = Array(doc.paragraphs[sp].text.scalars[range.lowerBound..<max(range.lowerBound, min(range.upperBound, f.number.numberRange.lowerBound))].prefix(24))
                            likeness = names.map { Self.longestCommonRun(opening, $0) }
                            least = 4
                        }
                        guard let best = likeness.max(), best >= least, likeness.filter({ $0 == best }).count == 1,
                              let k = likeness.firstIndex(of: best), scores[k] == nil else { continue }
                        scores[k] = id
                    }
                }
                guard scores.compactMap({ $0 }).count >= 2 else { continue }
                out.append(run.indices.map { k in
                    (run[k], scores[k], scores[k].map { scoredName(facts[$0]) } ?? ScalarString.make(names[k]))
                })
            }
        }
        return out
    }

    /// "分值分别为16分、8分、8分、8分，得分分别为14.5分、8分、6分、7分", "社会效益（8分）、生态效益（4分）、
    /// 可持续影响（4分）和满意度（4分），分别得7.5分、3分、3分和4分": a run of scores, joined by 、 和 及, right
    /// after a distributive word, and as many weights right before it in its sentence (no other weight
    /// before them there): weight k and score k are one indicator's. Names: the words before each
    /// weight, or the names an enumeration lists before a run of bare weights.
    func positionalScoreRuns(flat: Set<Int>) -> [[(weight: Int, score: Int, name: String)]] {
        let distributive = vocabulary[.distributiveMarkers]
        let joiners: Set<Unicode.Scalar> = ["、", "和", "及", "与", " "]
        var out = [[(weight: Int, score: Int, name: String)]]()
        for paragraph in doc.paragraphs {
            let ids = paragraphFacts[paragraph.index]
            guard ids.count >= 4 else { continue }
            let s = paragraph.text.scalars
            var i = 1
            while i < ids.count {
                let first = facts[ids[i]]
                guard first.kind == .score, !first.isCellValue, !flat.contains(first.id), !isWeight(first), first.number.comparator == nil, !isDeduction(first),
                      distributive.firstMatch(in: s, from: max(0, first.number.numberRange.lowerBound - 4), before: first.number.numberRange.lowerBound) != nil,
                      case .text(_, let sentence, _) = first.place else { i += 1; continue }
                // the scores
                var scores = [ids[i]]
                var j = i + 1
                while j < ids.count {
                    let next = facts[ids[j]], last = facts[scores.last!]
                    guard next.kind == .score, next.number.comparator == nil, !isWeight(next), last.number.range.upperBound < next.number.numberRange.lowerBound,
                          s[last.number.range.upperBound..<next.number.numberRange.lowerBound].allSatisfy({ joiners.contains($0) }) else { break }
                    scores.append(ids[j])
                    j += 1
                }
                var start = i
                i = j
                let n = scores.count
                guard n >= 2, start >= n else { continue }
                // ("…，分别扣0.5分、0.5分、0.6分，得分分别为7.5分、5.5分和5.4分": past as many points lost, listed
                // after a distributive word)
                let lost = Array(ids[(start - n)..<start])
                if start >= 2 * n, lost.allSatisfy({ isDeduction(facts[$0]) || isListedDeduction(facts[$0]) }), isDeduction(facts[lost[0]]),
                   distributive.occurs(in: facts[lost[0]].label) || distributive.occurs(in: facts[lost[0]].head) {
                    start -= n
                }
                // the weights: the n figures right before, in the sentence, each a weight, the one before them none
                let weights = Array(ids[(start - n)..<start])
                let inSentence = weights.allSatisfy { w in
                    let f = facts[w]
                    guard case .text(_, sentence, _) = f.place else { return false }
                    return f.kind == .score && !f.isCellValue && !flat.contains(w) && f.number.comparator == nil
                }
                guard inSentence else { continue }
                let before = start - n > 0 ? facts[ids[start - n - 1]] : nil
                let beforeIsWeight = before.map { b in
                    guard case .text(_, sentence, _) = b.place else { return false }
                    return isWeight(b)
                } ?? false
                // ("该项满分20分，其中社会效益8分、生态效益6分、群众满意度6分，…": the weight before them is their
                // parent's when they make it up; bare points, each after its name, are weights then)
                let makeUpBefore = beforeIsWeight && before.map { b in Decimals.equal(weights.reduce(Decimal(0)) { Decimals.sum($0, facts[$1].value) }, b.value) } == true
                if !weights.allSatisfy({ isWeight(facts[$0]) }) {
                    // ("产出指标：数量15分、质量10分、时效10分、成本5分，分别得15分、9.5分、9分、5分": or no weight before,
                    // each score within the bare points it is paired with)
                    let bareWeights = weights.allSatisfy { facts[$0].concept.measure == nil && !isDeduction(facts[$0]) }
                    let within = !beforeIsWeight && zip(weights, scores).allSatisfy { Decimals.lessOrEqual(facts[$1].value, facts[$0].value) }
                    guard bareWeights, makeUpBefore || within else { continue }
                } else if beforeIsWeight && !makeUpBefore { continue }
                // names: bare weights after an enumeration, or each weight's own
                let bare = zip(weights, weights.dropFirst()).allSatisfy { a, b in
                    s[facts[a].number.range.upperBound..<facts[b].number.numberRange.lowerBound].allSatisfy { joiners.contains($0) }
                }
                var names = weights.map { nameBefore(facts[$0]) }
                if bare {
                    let at = facts[weights[0]].number.numberRange.lowerBound
                    let markerStart = distributive.matches(in: s, from: max(0, at - 8), before: at).last?.start ?? at
                    names = enumeration(of: n, in: s, before: markerStart).map { $0.map { ScalarString.make($0) } } ?? names
                }
                out.append((0..<n).map { (weights[$0], scores[$0], names[$0]) })
            }
        }
        return out
    }

    /// The last clause before `end` that lists `count` names joined by 、 and, before the last, 和 or 及
    /// ("从预算编制、预算执行、预算管理、产出和效益五个方面"): the names, each with the words around it.
    func enumeration(of count: Int, in s: [Unicode.Scalar], before end: Int) -> [[Unicode.Scalar]]? {
        let breaks: Set<Unicode.Scalar> = ["，", ",", "。", "；", ";", "：", ":"]
        var clauseEnd = end
        while clauseEnd > 0 {
            var start = clauseEnd
            while start > 0 && !breaks.contains(s[start - 1]) { start -= 1 }
            var pieces = s[start..<clauseEnd].split(separator: "、", omittingEmptySubsequences: false).map(Array.init)
            // ("评价指标包括决策、过程、产出、效益4个一级指标": the names without what opens the list and the count
            // closing it)
            if pieces.count >= 2 {
                let opener = vocabulary[.listOpenersIncluding]
                if let m = opener.matches(in: pieces[0]).last { pieces[0] = Array(pieces[0][(m.start + m.length)...]) }
                let tail = pieces[pieces.count - 1]
                if let k = tail.indices.first(where: { k in
                    (CharClass.isDigit(tail[k]) || ChineseNumerals.digit(tail[k]) != nil) && k + 1 < tail.count && (tail[k + 1] == "个" || tail[k + 1] == "项")
                }), k >= 2 { pieces[pieces.count - 1] = Array(tail[..<k]) }
            }
            // ("产出部分由产出数量、产出质量、产出时效、产出成本构成": 、 throughout)
            if pieces.count == count, pieces.allSatisfy({ $0.filter(CharClass.isHan).count >= 2 }) { return pieces }
            if pieces.count == count - 1, let tail = pieces.last {
                let ands = tail.indices.filter { tail[$0] == "和" || tail[$0] == "及" }
                if ands.count == 1 {
                    pieces.removeLast()
                    pieces.append(Array(tail[..<ands[0]]))
                    pieces.append(Array(tail[(ands[0] + 1)...]))
                    if pieces.allSatisfy({ $0.filter(CharClass.isHan).count >= 2 || $0.count >= 2 }) { return pieces }
                }
            }
            clauseEnd = start - 1
            if clauseEnd <= 0 { break }
        }
        return nil
    }

    /// The length of the longest run of characters two texts share.
    static func longestCommonRun(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var best = 0
        var previous = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            for j in 1...b.count where a[i - 1] == b[j - 1] {
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
            }
            previous = current
        }
        return best
    }

    /// "资金管理、组织实施满分均为10分": a weight each of several indicators named has.
    func isSharedWeight(_ f: Fact) -> Bool {
        f.label.unicodeScalars.contains("、") && vocabulary[.sharedWeightEndings].isSuffix(of: f.label)
    }

    /// "项目决策（20分）：…": a weight in the first clause of its paragraph, after the indicator's name.
    func opensParagraph(_ f: Fact) -> Bool {
        guard case .text(let p, _, 0) = f.place else { return false }
        let s = doc.paragraphs[p].text.scalars
        return !s[0..<f.number.numberRange.lowerBound].contains { "，,。；;".unicodeScalars.contains($0) }
    }

    /// "决策类指标得分14.5分（满分15分）", "项目决策指标得分为14分，满分15分": the score a weight
    /// follows straight away, in brackets or in the next clause.
    func scoreBefore(_ w: Int) -> Int? {
        guard w > 0, case .text(let p, let sentence, _) = facts[w].place, case .text(p, sentence, _) = facts[w - 1].place else { return nil }
        let score = facts[w - 1]
        // ("项目决策18分（满分20分）": a figure with no measure word is the score its weight follows in brackets)
        guard score.kind == .score, score.concept.measure == "score" || score.concept.measure == nil, !isWeight(score),
              !isCriterion(score) else { return nil }
        let s = doc.paragraphs[p].text.scalars
        var j = facts[w].number.numberRange.lowerBound
        let lead = vocabulary[.weightWords]
        var sawWord = false
        while j > score.number.range.upperBound {
            let n = lead.suffixLength(s, endingAt: j)
            if n > 0 { j -= n; sawWord = true; continue }
            if s[j - 1] == "：" || s[j - 1] == ":" || CharClass.isWhitespace(s[j - 1]) { j -= 1; continue }
            break
        }
        // "（满分15分）" in brackets, or "，满分15分" in the next clause
        guard sawWord, j > score.number.range.upperBound, "（(，,".unicodeScalars.contains(s[j - 1]) else { return nil }
        j -= 1
        while j > score.number.range.upperBound && CharClass.isWhitespace(s[j - 1]) { j -= 1 }
        return j == score.number.range.upperBound ? score.id : nil
    }

    /// The indicator a score names: "决策类指标得分" → "决策类指标".
    func scoredName(_ f: Fact) -> String {
        var name = f.head
        while let m = measurePhrases.suffix(of: name), m.unicodeScalars.count < name.unicodeScalars.count { name = measurePhrases.droppingSuffix(name) }
        return name
    }

    /// A total named by a part of the evaluation (`subtotal_name_endings` before the total word:
    /// "效益类指标合计得分", "产出指标合计得分"): that part's subtotal.
    func namesLevel(_ f: Fact) -> Bool {
        let label = Array(f.label.unicodeScalars)
        guard let m = vocabulary[.scoreTotalWords].firstMatch(in: label), m.start > 0 else { return false }
        let n = vocabulary[.subtotalNameEndings].suffixLength(label, endingAt: m.start)
        return n > 0 && n < m.start
    }

    /// "本项目满分100分，自评得分92.7分", "总分值100分": a weight that is the evaluation's full mark —
    /// named a total (not a part's subtotal), or of 50 or more and followed in its sentence by the total score.
    func isFullMarkWeight(_ f: Fact) -> Bool {
        guard f.kind == .score, !f.isCellValue, isWeight(f), case .text(let p, let s, _) = f.place else { return false }
        if f.marksTotal { return true }
        guard Decimals.lessOrEqual(50, f.value), !isCriterion(f) else { return false }
        // "…设置评价指标，满分100分。": a clause naming nothing but the full mark, of 100, in a sentence of no
        // other weight, is no indicator's
        if f.value == 100, vocabulary[.fullMarkWords].contains(f.head),
           !facts(paragraph: p, sentence: s).contains(where: { $0 != f.id && facts[$0].kind == .score && isWeight(facts[$0]) }) { return true }
        // "权重分别为20分、20分、40分、20分，满分100分": after the weights it is made of, in its sentence
        // (a few figures back: a sentence of many full marks stays linear)
        if vocabulary[.fullMarkWords].contains(f.head) {
            var sum = Decimal(0), count = 0, j = f.id - 1
            while j >= 0, f.id - j <= 16, case .text(p, s, _) = facts[j].place {
                if facts[j].kind == .score && isWeight(facts[j]) { sum += facts[j].value; count += 1 }
                j -= 1
            }
            if count >= 2 && sum == f.value { return true }
        }
        // "四项合计得分93.5分，满分100分" (not a part's: "产出指标合计得分45.32分（分值50分）")
        if let before = scoreBefore(f.id), vocabulary[.scoreTotalWords].occurs(in: facts[before].label) { return !namesLevel(facts[before]) }
        // ("…，四项合计90.5分，满分100分": 100 after a score marked a total)
        if f.value == 100, let before = scoreBefore(f.id), facts[before].marksTotal { return true }
        // "自评总分89.5分，等级为“良”（满分100分，共扣10.5分）": in brackets after the total in its sentence
        // (the score right before the bracket is the total: not "…自评得分94.48分，其中：…，产出指标得分47分（满分50分）")
        if f.number.parenDepth > 0, let before = facts(paragraph: p, sentence: s).last(where: { $0 < f.id && facts[$0].kind == .score && !isWeight(facts[$0]) }),
           facts[before].number.parenDepth == 0, vocabulary[.scoreTotalWords].occurs(in: facts[before].label) { return !namesLevel(facts[before]) }
        let next = facts(paragraph: p, sentence: s).first { $0 > f.id && facts[$0].kind == .score && !isCriterion(facts[$0]) }
        guard let n = next.map({ facts[$0] }), !isWeight(n) else { return false }
        return vocabulary[.scoreTotalWords].occurs(in: n.label)
    }

    /// Adds an indicator with its score from the figures after its weight, and the rate it scores
    /// from the figures of its text (`context`).
    func addItem(_ items: inout [ScoreItem], name: String, weight: Int?, figures: [Int], context: [Int], parent: Int?, list: String,
                          paired: Bool = false, ownsItsText: Bool = false) -> Int {
        var item = ScoreItem(name: name, weight: weight, score: nil, parent: parent)
        item.list = list
        // (a weight named as "this indicator" and a score named as another indicator are two indicators':
        // "该三级指标分值2分，…，产出数量指标得11.60分")
        let deictic = vocabulary[.deicticWords]
        let pointsBack = deictic.isPrefix(of: name)
        func candidate(_ f: Fact) -> Bool {
            guard f.kind == .score && !isWeight(f) && f.number.comparator == nil && !isDeduction(f) && !isListedDeduction(f) else { return false }
            if pointsBack, weight != nil, case let scored = scoredName(f), scored.unicodeScalars.count >= 2, !deictic.isPrefix(of: scored),
               !vocabulary[.summingPointers].isPrefix(of: scored) { return false }
            // ("3.资金投入（7分）：…扣1分。决策指标共扣2分，得18分。": a score after the points lost in all, in a
            // sentence of its own, sums up the indicator above)
            if let w = weight, let fs = f.place.sentence, facts[w].place.sentence.map({ $0 != fs }) ?? true,
               facts(paragraph: fs.paragraph, sentence: fs.sentence).contains(where: {
                   $0 < f.id && isDeduction(facts[$0]) && vocabulary[.deductionTotalWords].occurs(in: facts[$0].label) }) { return false }
            // "预算执行率权重10分，…项目自评得分96.39分，…预算执行率得9.54分": a score naming another
            // indicator is not this one's
            // (a name of three characters at least, and no score's word itself: "实际得分9.6分" names nothing)
            // (not under a full mark, whose indicators' scores follow: "本项目满分100分，…决策指标得20分"); nor,
            // the weight an indicator's, the evaluation's total ("项目自评得分96.39分")
            if !pointsBack, let w = weight, Decimals.less(facts[w].value, 50) {
                // (but "决策类指标分值15分，评价得分13.5分": a total-worded score within its weight, in the
                // weight's sentence, is the indicator's)
                let withinItsWeight = Decimals.lessOrEqual(f.value, facts[w].value)
                    && f.place.sentence.map { s in facts[w].place.sentence.map { $0 == s } ?? false } == true
                if vocabulary[.scoreTotalWords].occurs(in: f.label) && !withinItsWeight { return false }
                let scored = scoredName(f)
                // (a formula's words name no indicator: "按分值5分乘以执行率计得4.95分")
                if scored.unicodeScalars.count >= 3, !measurePhrases.occurs(in: scored), !vocabulary[.scoringFormulaWords].occurs(in: scored),
                   namesOther(scored, than: name) { return false }
            }
            return true
        }
        // a score so labelled, else one with no words of its own ("得95%权重分，即9.5分"), not in brackets
        // (a score paired with its weight by name is that weight's, however its label reads: "预算编制得9.5分")
        // "该指标分值15分，下设A 8分、B 4分…，扣1分，得3分；…以上三项合计得13分": a last score marked a total,
        // within the weight, sums the item up
        let summedUp = weight.flatMap { w in
            figures.last { facts[$0].kind == .score && !isWeight(facts[$0]) }.flatMap { last in
                (facts[last].marksTotal || labels.marks(vocabulary[.totalMarkers], in: facts[last].label)) && candidate(facts[last]) && Decimals.lessOrEqual(facts[last].value, facts[w].value) ? last : nil
            }
        }
        // ("预算执行率指标得分9.69分（分值10分），产出指标得分49.72分…": a weight in brackets right after a
        // score is that score's, before any score after it)
        let bracketed = weight.flatMap { w in facts[w].number.parenDepth > 0 ? scoreBefore(w).flatMap { candidate(facts[$0]) ? $0 : nil } : nil }
        item.score = (paired ? figures.first { facts[$0].kind == .score } : nil)
            ?? summedUp
            ?? bracketed
            ?? figures.first { facts[$0].concept.measure == "score" && candidate(facts[$0]) }
            ?? figures.first { facts[$0].concept.measure == nil && candidate(facts[$0]) && facts[$0].number.parenDepth == 0
                && facts[$0].head.unicodeScalars.count <= 1 }
            // "项目决策18分（满分20分）": the figure its weight follows in brackets
            ?? weight.flatMap { w in scoreBefore(w).flatMap { figures.contains($0) && candidate(facts[$0]) ? $0 : nil } }
        if let w = weight, let s = item.score {
            // "扣1分，得9分": the points lost between the weight and the score
            // (with those listed after them: "分别扣0.5分、0.5分、0.6分" are the item's indicators', all lost by it)
            let lost = context.filter { $0 > w && $0 < s && (isDeduction(facts[$0]) || isListedDeduction(facts[$0])) }
            // (a total, also after a word pointing at the item: "…扣1分，该类共扣2.5分、得22.5分")
            let stated = lost.filter { facts[$0].marksTotal || vocabulary[.deductionTotalWords].isPrefix(of: vocabulary[.sectionDeictics].droppingPrefix(facts[$0].label)) }
            item.deductions = stated.isEmpty ? lost : [stated.last!]
            // "分值5分，得4.0分，扣1.0分": or the points lost stated right after the score, in its sentence
            // (at its depth: a heading's "（满分30分，得28.51分）" run on into its text lists none of its own)
            // (not points lost in all: "…效益指标分值30分、得分25.5分，累计扣10.5分，综合得分89.5分")
            if lost.isEmpty, w < s, let next = context.first(where: { $0 > s }), isDeduction(facts[next]),
               // ("…得分9分，各项合计扣减7.68分": nor after words pointing at all the items)
               !vocabulary[.deductionTotalWords].isPrefix(of: vocabulary[.listIntroLeads].droppingPrefix(facts[next].label)),
               facts[next].number.parenDepth == facts[s].number.parenDepth,
               sentenceIndex(of: facts[next]) == sentenceIndex(of: facts[s]), facts[next].place.paragraph == facts[s].place.paragraph,
               // (not past a "；": "…扣0.5分，分值5分，得4.5分；移动执法终端配备率扣1.5分" opens the next indicator)
               !semicolonBetween(facts[s], facts[next]),
               !context.contains(where: { $0 > next && isDeduction(facts[$0]) && sentenceIndex(of: facts[$0]) == sentenceIndex(of: facts[s]) }) {
                item.deductions = [next]
                // "…分别扣1分、0.5分": the points lost listed after a distributive word
                if vocabulary[.distributiveMarkers].occurs(in: facts[next].label), case .text(let p, _, _) = facts[next].place {
                    let text = doc.paragraphs[p].text.scalars
                    var last = next
                    while last + 1 < facts.count, case .text(p, _, _) = facts[last + 1].place, facts[last + 1].kind == .score,
                          case let gap = facts[last].number.range.upperBound..<facts[last + 1].number.numberRange.lowerBound,
                          !gap.isEmpty, gap.count <= 2, text[gap].allSatisfy({ $0 == "、" || $0 == "和" || $0 == "及" }) {
                        last += 1
                        item.deductions.append(last)
                    }
                }
            }
            // "资料归档及时率扣0.5分，分值5分，得4.5分；": or stated first, in the weight's "；" part of its sentence
            if item.deductions.isEmpty, w < s, let previous = context.last(where: { $0 < w }), isDeduction(facts[previous]),
               !vocabulary[.deductionTotalWords].isPrefix(of: facts[previous].label),
               facts[previous].number.parenDepth == facts[w].number.parenDepth, facts[previous].place.paragraph == facts[w].place.paragraph,
               sentenceIndex(of: facts[previous]) == sentenceIndex(of: facts[w]), !semicolonBetween(facts[previous], facts[w]),
               !items.contains(where: { $0.deductions.contains(previous) }) {
                item.deductions = [previous]
            }
            // "（三）产出情况（满分30分，得28.51分）⏎…扣1.00分。…扣0.49分。本部分共扣1.49分。": an item whose text is
            // all its own (no indicators under it) loses what its text says it lost in all
            if item.deductions.isEmpty, ownsItsText, let total = context.first(where: { $0 > s && isOwnTotalDeduction(facts[$0]) }) {
                item.deductions = [total]
            }
        }
        if let w = weight, item.score == nil {
            // "得满分": the item's text after its weight says so
            item.fullMarks = textAfter(facts[w], words: vocabulary[.fullMarksWords])
        }
        if let w = weight {
            // the rate a score is of comes before the score ("…乘以权重10分计得9.61分；满意度按满意率92.47%…":
            // not the next indicator's), or right before the weight ("按执行率96.09%乘以权重10分")
            var before = item.score.map { s in context.filter { $0 < s } } ?? context
            func isRate(_ id: Int) -> Bool {
                let f = facts[id]
                return f.kind == .percent && f.concept.rate != nil && f.shareOf == nil && f.change == 0 && f.number.comparator == nil && !f.number.inRange
            }
            // (or in the clause right before it: "全年预算执行率97.32%，分值10分，得9.73分；满意率94.83%，…")
            if w > 0, case .text(let p, let sentence, _) = facts[w].place, case .text(p, sentence, _) = facts[w - 1].place,
               facts[w - 1].kind == .percent, isRateOfWeight(facts[w - 1]) || (isRate(w - 1) && clauseBefore(w - 1, w, paragraph: p)) {
                before.insert(w - 1, at: 0)
            }
            // (one stated after the score when none is before it: "得分9.5分，预算执行率95%"; not one a
            // score follows, which is scored from it: "资金管理（15分）得12.84分：资金到位率97.81%，按到位率计分得4.89分")
            if !before.contains(where: isRate) {
                before = context.filter { id in
                    !(isRate(id) && context.contains { $0 > id && facts[$0].kind == .score && !isWeight(facts[$0]) && !isDeduction(facts[$0]) })
                }
            }
            let rates = before.filter(isRate)
            if rates.count == 1 { item.rate = rates[0] }
            // "得95%权重分": the percentage the score is of the weight, right before the words that say so
            if let own = before.first(where: { facts[$0].kind == .percent && facts[$0].number.comparator == nil && isRateOfWeight(facts[$0]) }) {
                item.rate = own
                item.scoredByRate = true
            }
        }
        if let r = item.rate, !item.scoredByRate { item.scoredByRate = scoredByRate(facts[r]) }
        let index = items.count
        items.append(item)
        if let parent { items[parent].children.append(index) }
        return index
    }

    /// Figure `a` ends the clause right before the one figure `b` opens: a comma between them, no
    /// "；" or full stop, and a few words at most.
    func clauseBefore(_ a: Int, _ b: Int, paragraph p: Int) -> Bool {
        let between = facts[a].number.range.upperBound..<facts[b].number.numberRange.lowerBound
        guard !between.isEmpty, between.count <= 8 else { return false }
        let s = doc.paragraphs[p].text.scalars
        return between.contains { s[$0] == "，" || s[$0] == "," } && !between.contains { ScalarSets.clauseBreaks.contains(s[$0]) && s[$0] != "，" && s[$0] != "," }
    }

    /// A weight: 分值 / 权重 / 满分 in its label, a score in brackets right after a name
    /// ("预算执行率（10分）", "（权重10分）"), or a score its own score follows in brackets
    /// ("预算执行率10分（得分9.8分）").
    func isWeight(_ f: Fact, listedAfter depth: Int = 0) -> Bool {
        guard f.kind == .score else { return false }
        if f.concept.measure == "weight" { return true }
        guard case .text(let p, _, _) = f.place else { return false }
        let s = doc.paragraphs[p].text.scalars
        // "权重分别为15分、20分、40分、25分": figures listed on after a weight, joined by 、 alone, are weights
        // (a few items back at most: a long run of scores stays linear)
        if f.concept.measure == nil, depth < 8, f.id > 0, facts[f.id - 1].kind == .score, case .text(p, _, _) = facts[f.id - 1].place {
            let gap = facts[f.id - 1].number.range.upperBound..<f.number.numberRange.lowerBound
            // ("分值依次为3分、4分、3分、4分和6分": the last joined by 和)
            if gap.count >= 1, gap.count <= 2, s[gap].allSatisfy({ $0 == "、" || $0 == "和" || $0 == "及" || CharClass.isWhitespace($0) }),
               s[gap].contains(where: { $0 == "、" || $0 == "和" || $0 == "及" }) {
                return isWeight(facts[f.id - 1], listedAfter: depth + 1)
            }
        }
        if f.concept.measure == nil, depth == 0, isBareListedWeight(f, in: s) { return true }
        // "预算执行率10分（得分9.8分）": a figure with no measure word whose score follows in brackets
        if f.concept.measure == nil, f.id + 1 < facts.count, case .text(p, _, _) = facts[f.id + 1].place {
            let next = facts[f.id + 1]
            var k = f.number.range.upperBound
            while k < s.count && CharClass.isWhitespace(s[k]) { k += 1 }
            if k < s.count, s[k] == "（" || s[k] == "(", next.kind == .score, next.concept.measure == "score",
               next.number.numberRange.lowerBound > k, next.number.numberRange.lowerBound - k <= 6,
               s[(k + 1)..<next.number.numberRange.lowerBound].allSatisfy({ CharClass.isHan($0) || CharClass.isWhitespace($0) || $0 == "：" || $0 == ":" }) {
                return true
            }
        }
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
        // ("（一）决策情况（15分，得14分）": or its score after a comma in the same brackets)
        if e < s.count, s[e] == "，" || s[e] == ",", f.id + 1 < facts.count, case .text(p, _, _) = facts[f.id + 1].place {
            let next = facts[f.id + 1]
            if next.kind == .score, next.concept.measure == "score", next.number.parenDepth == f.number.parenDepth,
               next.number.numberRange.lowerBound - e <= 6,
               s[(e + 1)..<next.number.numberRange.lowerBound].allSatisfy({ CharClass.isHan($0) || CharClass.isWhitespace($0) }) { return true }
        }
        return e < s.count && (s[e] == "）" || s[e] == ")")
    }

    /// "该项满分30分，其中民生项目完成率10分，…扣1.5分，得8.5分；村级运转经费保障8分，得8分": under a weight
    /// named so in its sentence and followed straight by bare points (or followed by points lost, then a
    /// score), bare points right after a name, opening their clause, whose "；" part goes on to a score no
    /// higher, are an indicator's weight.
    func isBareListedWeight(_ f: Fact, in s: [Unicode.Scalar]) -> Bool {
        guard f.number.parenDepth == 0, f.number.comparator == nil, !f.number.inRange, case .text(let p, let sentence, _) = f.place else { return false }
        let clauseMarks: Set<Unicode.Scalar> = ["，", ",", "；", ";", "：", ":"]
        // (a name, the points, and the clause ends: not "但未达到90分的目标，扣1分")
        guard f.number.range.upperBound < s.count, clauseMarks.contains(s[f.number.range.upperBound]), !isDeduction(f), !isCriterion(f) else { return false }
        // (the name a few dozen characters at most: a long run of points stays linear)
        var k = f.number.numberRange.lowerBound
        while k > 0, f.number.numberRange.lowerBound - k < 40, !clauseMarks.contains(s[k - 1]), s[k - 1] != "。" { k -= 1 }
        guard k == 0 || clauseMarks.contains(s[k - 1]) || s[k - 1] == "。", f.number.numberRange.lowerBound - k >= 2,
              s[k..<f.number.numberRange.lowerBound].contains(where: CharClass.isHan) else { return false }
        // no figure earlier in its clause, and a weight named so earlier in its sentence (a few figures back)
        var named = false
        var j = f.id - 1
        while j >= 0, f.id - j <= 12, case .text(p, sentence, _) = facts[j].place {
            if j == f.id - 1 && facts[j].number.range.upperBound > k { return false }
            // (a weight that opens the list: the figure right after it is bare points, not its own score —
            // "预算执行率权重10分，得9.6分；结转结余率3分，…" lists no indicators under it)
            if facts[j].kind == .score && facts[j].concept.measure == "weight" {
                let first = facts[j + 1]
                named = first.kind == .score && first.concept.measure == nil && !isDeduction(first)
                break
            }
            j -= 1
        }
        // ("“资产管理”指标7分，…，不扣分，得7分": or points named as an indicator's, a score no higher further on
        // in its "；" part)
        if !named, vocabulary[.indicatorLevelEndings].isSuffix(of: f.label) { named = true }
        // ("“绩效目标”指标5分，扣1分，得4分": or, alone, points the next clause says it lost some of, and the
        // one after what it got)
        if !named, f.id + 2 < facts.count, case .text(p, sentence, _) = facts[f.id + 2].place,
           isDeduction(facts[f.id + 1]), facts[f.id + 2].kind == .score, facts[f.id + 2].concept.measure == "score",
           !s[f.number.range.upperBound..<facts[f.id + 2].number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" || $0 == "。" }) {
            named = true
        }
        // ("其中：项目立项4分，得4分；绩效目标6分，得5分，…": or, alone, points its score follows right away, in the
        // next clause, named by a few letters at most)
        if !named, f.id + 1 < facts.count, case .text(p, sentence, _) = facts[f.id + 1].place, facts[f.id + 1].kind == .score,
           facts[f.id + 1].concept.measure == "score", case let gap = s[f.number.range.upperBound..<facts[f.id + 1].number.numberRange.lowerBound],
           gap.count >= 2, gap.count <= 4, gap.first == "，" || gap.first == ",", gap.dropFirst().allSatisfy(CharClass.isHan) {
            named = true
        }
        guard named else { return false }
        // its score further on in its "；" part (past points lost)
        var n = f.id + 1
        while n < facts.count, n - f.id <= 6, case .text(p, sentence, _) = facts[n].place {
            let next = facts[n]
            if s[f.number.range.upperBound..<next.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" }) { break }
            if next.kind == .score && !isDeduction(next) {
                return next.concept.measure == "score" && Decimals.lessOrEqual(next.value, f.value)
            }
            n += 1
        }
        // ("“三公”经费控制指标4分，实际支出未超预算，得满分；": or full marks, in words, before the "；" part ends)
        var end = f.number.range.upperBound
        while end < s.count, end - f.number.range.upperBound < 60, !"；;。".unicodeScalars.contains(s[end]) { end += 1 }
        return vocabulary[.fullMarksWords].firstMatch(in: s, from: f.number.range.upperBound, before: end) != nil
    }

    /// "四个一级指标，权重依次为20分、20分、35分和25分，满分100分": weights listed together (joined by 、 和 及),
    /// the full mark right after them in the next clause, make it up: a complete list.
    func addWeightsBeforeFullMark(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        let fullMark = vocabulary[.fullMarkWords]
        for (n, id) in ids.enumerated() where n >= 2 {
            let whole = facts[id]
            guard whole.kind == .score, !whole.isCellValue, whole.concept.measure == "weight", fullMark.occurs(in: whole.label),
                  groupsOfWhole[id] == nil, case .text(_, let sentence, _) = whole.place else { continue }
            // the clause right before: only a comma between the last weight and the full mark's label
            let last = facts[ids[n - 1]]
            let labelStart = whole.number.numberRange.lowerBound - whole.label.unicodeScalars.count
            guard last.kind == .score, last.number.range.upperBound < labelStart,
                  case let gap = s[last.number.range.upperBound..<labelStart], gap.count <= 2, gap.contains(where: { $0 == "，" || $0 == "," }),
                  gap.allSatisfy({ $0 == "，" || $0 == "," || CharClass.isWhitespace($0) }) else { continue }
            var run = [ids[n - 1]]   // last first, reversed below
            var m = n - 2
            while m >= 0, case .text(_, sentence, _) = facts[ids[m]].place, facts[ids[m]].kind == .score {
                let a = facts[ids[m]], b = facts[run[run.count - 1]]
                guard a.number.range.upperBound < b.number.numberRange.lowerBound,
                      case let joint = s[a.number.range.upperBound..<b.number.numberRange.lowerBound], joint.count <= 2,
                      joint.allSatisfy({ $0 == "、" || $0 == "和" || $0 == "及" || CharClass.isWhitespace($0) }), !joint.isEmpty else { break }
                run.append(ids[m])
                m -= 1
            }
            run.reverse()
            guard run.count >= 2, run.allSatisfy({ isWeight(facts[$0]) && !isGrouped($0) }) else { continue }
            appendGroup(PartsGroup(whole: id, parts: run, marker: .qizhong, closedByWording: true, nestedThresholds: false))
        }
    }

    /// "扣1分", "过程类指标扣3分": points an indicator lost, not a rule of how many it loses ("每超过1个
    /// 百分点扣0.5分": another scoring word in its clause).
    func isDeduction(_ f: Fact) -> Bool {
        guard f.kind == .score, f.number.comparator == nil, !f.number.inRange, case .text(let p, _, _) = f.place else { return false }
        let words = vocabulary[.deductionWords]
        guard words.isSuffix(of: f.label) || words.isSuffix(of: f.head) else { return false }
        // the clause before the figure holds no other scoring word
        let s = doc.paragraphs[p].text.scalars
        var k = f.number.numberRange.lowerBound
        while k > 0 && !"，,。；;：:！？".unicodeScalars.contains(s[k - 1]) { k -= 1 }
        let clause = ScalarString.make(s[k..<f.number.numberRange.lowerBound])
        let others = vocabulary[.scoringRuleWords].words.filter { !words.occurs(in: $0) }
        return !others.contains { clause.contains($0) }
    }

    /// "分别扣0.5分、0.5分、0.6分": points joined by 、 和 及 to points lost are lost too (a few back at most).
    func isListedDeduction(_ f: Fact, depth: Int = 0) -> Bool {
        guard f.kind == .score, f.id > 0, depth < 8, case .text(let p, _, _) = f.place, case .text(p, _, _) = facts[f.id - 1].place else { return false }
        let previous = facts[f.id - 1]
        guard previous.kind == .score, previous.number.range.upperBound < f.number.numberRange.lowerBound else { return false }
        let gap = doc.paragraphs[p].text.scalars[previous.number.range.upperBound..<f.number.numberRange.lowerBound]
        guard gap.count <= 2, gap.allSatisfy({ $0 == "、" || $0 == "和" || $0 == "及" }) else { return false }
        return isDeduction(previous) || isListedDeduction(previous, depth: depth + 1)
    }

    /// "本部分共扣1.49分", "该部分合计扣3分": points lost in all by the part of the text it stands in.
    func isOwnTotalDeduction(_ f: Fact) -> Bool {
        guard isDeduction(f), let own = vocabulary[.sectionDeictics].prefix(of: f.label) else { return false }
        return vocabulary[.deductionTotalWords].isPrefix(of: f.label.dropFirst(own.count))
    }

    /// "三、扣分原因 （一）过程类指标扣3分，…": points lost, stated apart under the name of an indicator
    /// scored before, are its deductions (not those of another evaluation, stated before its own total
    /// in their sentence: "某项目…，产出指标扣8.5分、效益指标扣5分，自评得分86.5分").
    func assignNamedDeductions(_ items: inout [ScoreItem]) {
        let used = Set(items.flatMap(\.deductions))
        let words = vocabulary[.deductionWords]
        // the scores picked by index first: a `for f in facts` copied every fact
        for k in facts.indices where facts[k].kind == .score {
            let f = facts[k]
            guard !f.isCellValue && !used.contains(f.id) && isDeduction(f) else { continue }
            let name = labels.head(words.droppingSuffix(f.head))
            guard !name.isEmpty else { continue }
            let named = items.indices.filter { items[$0].name == name && items[$0].weight.map { $0 < f.id } ?? false }
            guard named.count == 1, items[named[0]].deductions.isEmpty, let score = items[named[0]].score else { continue }
            if case .text(let p, let s, _) = f.place, facts[score].place.sentence.map({ $0 != (p, s) }) ?? true,
               facts(paragraph: p, sentence: s).contains(where: { $0 > f.id && facts[$0].kind == .score && vocabulary[.scoreTotalWords].occurs(in: facts[$0].label) }) { continue }
            items[named[0]].deductions = [f.id]
        }
    }

    /// The flattened score sheets: each indicator an item of the run's own list.
    func readScoreRuns(_ items: inout [ScoreItem]) {
        for (k, run) in flatRuns.enumerated() {
            var indexes = [Int]()
            for (i, w) in run.weights.enumerated() {
                var item = ScoreItem(name: run.names[i], weight: w, score: run.scores.isEmpty ? nil : run.scores[i], parent: nil)
                item.list = "f\(k)"
                // "预算执行率 100% 10 98.5% 9.85": the execution rate's score is its weight times the rate
                if i < run.actuals.count, let actual = run.actuals[i], resolve(run.names[i]).rate == "execution" {
                    item.rate = actual
                    item.scoredByRate = true
                }
                indexes.append(items.count)
                items.append(item)
            }
            scoreRuns.append(ScoreRun(items: indexes, fullMark: run.fullMark, total: run.total, scored: !run.scores.isEmpty))
        }
    }

    /// A scoring rule, not a score: "每超过1个百分点扣0.5分", "得分=执行率×分值".
    func isCriterion(_ f: Fact) -> Bool {
        // (a label summing up the items above is read after that word: "以上三项合计得13分")
        let pointer = vocabulary[.summingPointers].prefix(of: f.label).map { $0.unicodeScalars.count } ?? 0
        let body = pointer == 0 ? f.label : String(String.UnicodeScalarView(f.label.unicodeScalars.dropFirst(pointer)))
        // ("按“执行率×分值”计算得4.8分": the score a formula comes to is its result, no figure of the rule)
        if f.concept.measure == "score" && vocabulary[.scoringFormulaWords].occurs(in: body) && measurePhrases.isSuffix(of: f.label)
            && f.number.comparator == nil && !f.number.inRange { return false }
        if vocabulary[.scoringRuleWords].occurs(in: body) || f.number.comparator != nil || f.number.inRange { return true }
        // "预算执行率得分按执行率94.78%乘以分值10分计算": a formula in words, unless it goes on to its score
        // ("…乘以权重10分计得9.61分")
        guard vocabulary[.scoringFormulaWords].occurs(in: f.label), f.id + 1 <= facts.count else { return false }
        // ("按分值5分乘以执行率计得4.95分": the figure the formula comes to is its result)
        if f.concept.measure == "score" && measurePhrases.isSuffix(of: f.label) { return false }
        guard f.id + 1 < facts.count, case .text(let p, let s, _) = f.place, case .text(p, s, _) = facts[f.id + 1].place else { return true }
        return facts[f.id + 1].kind != .score
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
        while start > 0 && !"，,。；;：:！？（()）、".unicodeScalars.contains(s[start - 1]) && !CharClass.isWhitespace(s[start - 1]) { start -= 1 }
        let name = labels.head(doc.paragraphs[p].text.string(start..<end))
        // "养护工程质量合格率98%，权重15分": a weight opening its clause is of the figure before it
        if name.isEmpty, f.id > 0, case .text(p, let sentence, _) = facts[f.id - 1].place, case .text(_, sentence, _) = f.place,
           facts[f.id - 1].kind != .score {
            return facts[f.id - 1].head
        }
        return name
    }

    /// `name` names another indicator than `other`: both say two characters at least, neither
    /// points back ("该指标"), `name` sums up no items ("以上两项合计"), and they share no two characters in a row ("项目决策" and "决策指标" do).
    func namesOther(_ name: String, than other: String) -> Bool {
        let a = Array(name.unicodeScalars), b = Array(other.unicodeScalars)
        guard a.filter(CharClass.isHan).count >= 2, b.filter(CharClass.isHan).count >= 2 else { return false }
        let deictic = vocabulary[.deicticWords], summing = vocabulary[.summingPointers]
        if deictic.isPrefix(of: name) || deictic.isPrefix(of: other) || summing.isPrefix(of: name) { return false }
        for i in 0..<(a.count - 1) where CharClass.isHan(a[i]) && CharClass.isHan(a[i + 1]) {
            for j in 0..<(b.count - 1) where a[i] == b[j] && a[i + 1] == b[j + 1] { return false }
        }
        return true
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

    /// "得95%权重分": a percentage followed straight away by words saying the score is that share of
    /// the weight.
    func isRateOfWeight(_ f: Fact) -> Bool {
        guard case .text(let p, _, _) = f.place else { return false }
        return vocabulary[.scoreByRateWords].prefixLength(doc.paragraphs[p].text.scalars, at: f.number.range.upperBound) > 0
    }

    /// A paragraph that is a title line: no sentence ends in it.
    func isTitleLine(_ p: Paragraph) -> Bool {
        !p.text.scalars.dropLast().contains { "。！？!?".unicodeScalars.contains($0) } && !(p.text.scalars.last.map { "。".unicodeScalars.contains($0) } ?? false)
    }

    /// A "；" between two figures of one paragraph.
    func semicolonBetween(_ a: Fact, _ b: Fact) -> Bool {
        guard case .text(let p, _, _) = a.place, b.place.paragraph == p, a.number.range.upperBound < b.number.numberRange.lowerBound else { return false }
        let text = doc.paragraphs[p].text.scalars
        return text[a.number.range.upperBound..<b.number.numberRange.lowerBound].contains { $0 == "；" || $0 == ";" }
    }
}
