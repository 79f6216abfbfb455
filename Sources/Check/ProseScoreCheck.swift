import Foundation
import JXCore
import JXExtract
import JXRules

/// `kind = "score"`, the scores a report writes in its text instead of a score table
/// (`FactSet.scoreItems`: "（一）预算执行率（10分）…，得9.60分", "数量指标（20分）：…，得18分"):
///  - prose-items: a score above its weight; an indicator's sub-indicators against its weight and its
///    score; the top-level indicators' weights against the stated full mark and, when they make up
///    the full mark, their scores against the stated total;
///  - prose-by-rate: a score the text says is the weight times a rate (得96%权重分).
enum ProseScoreCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        switch rule.check {
        case "prose-items": items(rule, &context)
        case "prose-by-rate": byRate(rule, &context)
        default: break
        }
    }

    /// The figures an indicator's score is: its own score, its weight when it got full marks, or
    /// the scores of all its sub-indicators.
    static func scoreFigures(_ index: Int, _ items: [ScoreItem], _ context: CheckContext) -> [Fact]? {
        let item = items[index]
        if let s = item.score { return [context.fact(s)] }
        if item.fullMarks, let w = item.weight { return [context.fact(w)] }
        guard item.children.count >= 2 else { return nil }
        var out = [Fact]()
        for c in item.children {
            guard let figures = scoreFigures(c, items, context) else { return nil }
            out += figures
        }
        return out
    }

    /// A score (a figure named as points got, not a weight) in the indicator's own paragraph, after its
    /// figures, that no indicator took (points lost aside), before the next indicator's figures; or in
    /// the paragraphs of its sub-indicators.
    /// `anyone`: the figures every indicator took (`figuresRead`).
    static func leavesScoresUnread(_ item: ScoreItem, _ items: [ScoreItem], read anyone: Set<Int>, _ context: CheckContext) -> Bool {
        guard let own = item.score ?? item.weight, let (ids, at) = context.positionInParagraph(of: context.fact(own)) else { return false }
        var mine = Set<Int>()
        func collectTree(_ i: ScoreItem) { collect(i, into: &mine); for c in i.children { collectTree(items[c]) } }
        collectTree(item)
        let deductionWords = context.vocabulary[.deductionWords]
        // the weights of its sub-indicators that state their own scores: what lies in their text is theirs
        let scoredChildWeights = Set(item.children.compactMap { c in items[c].score != nil ? items[c].weight : nil })
        var childOfWeight = [Int: Int]()
        for c in item.children { if let w = items[c].weight { childOfWeight[w] = c } }
        // (its text runs from its score to the next "；" or "。": "数量指标分值12分，得11.6分：甲、乙各4分，均得满分；…")
        var scoredChildEnd: Int?
        let text = context.fact(own).place.paragraph.map { context.doc.paragraphs[$0].text.scalars } ?? []
        for id in ids[(at + 1)...] {
            let f = context.fact(id)
            guard f.kind == .score else { continue }
            // (the next indicator's figures end this one's)
            if anyone.contains(id) && !mine.contains(id) { return false }
            if let c = childOfWeight[id] {
                scoredChildEnd = scoredChildWeights.contains(id) ? items[c].score.map { context.fact($0).number.range.upperBound } : nil
            }
            if let end = scoredChildEnd, end <= f.number.numberRange.lowerBound, f.number.numberRange.lowerBound <= text.count,
               text[end..<f.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" || $0 == "。" }) { scoredChildEnd = nil }
            let insideScoredChild = scoredChildEnd != nil
            if !anyone.contains(id) && !deductionWords.occurs(in: f.label) && f.concept.measure == "score" { return true }
            // (or bare points no indicator took, outside a sub-indicator that states its score: "…各4分，均全额得分",
            // "可持续影响5分，得满分" — an indicator not read)
            if !insideScoredChild && !anyone.contains(id) && f.concept.measure == nil && !deductionWords.occurs(in: f.label)
                && !deductionWords.occurs(in: f.head) && f.number.comparator == nil && !f.number.inRange && f.change == 0 { return true }
        }
        // the paragraphs of its sub-indicators, to the last of them ("1.产出数量…⏎2.产出质量…⏎3.产出时效（5分，
        // 得3.5分）。…⏎4.产出成本（5分）…": an item between them that no indicator took)
        guard let first = context.fact(own).place.paragraph,
              let last = mine.compactMap({ context.fact($0).place.paragraph }).max(), last > first else { return false }
        // (a paragraph of a sub-indicator's own, which reads its details, is no gap)
        let covered = Set(mine.compactMap { context.fact($0).place.paragraph })
        for p in (first + 1)...last where !covered.contains(p) {
            for id in context.facts.paragraphFacts[p] {
                let f = context.fact(id)
                guard f.kind == .score, case .text = f.place else { continue }
                if !anyone.contains(id) && !deductionWords.occurs(in: f.label) && !f.isTarget && f.concept.measure == "score" { return true }
            }
        }
        return false
    }

    /// An indicator's figures: its weight, score, rate and points lost.
    static func collect(_ i: ScoreItem, into set: inout Set<Int>) {
        for id in [i.weight, i.score, i.rate].compactMap({ $0 }) { set.insert(id) }
        set.formUnion(i.deductions)
    }

    /// The figures some indicator took, made once per document (asked of every indicator with sub-indicators).
    static func figuresRead(_ items: [ScoreItem]) -> Set<Int> {
        var read = Set<Int>()
        for i in items { collect(i, into: &read) }
        return read
    }

    static func sum(_ facts: [Fact], _ context: CheckContext) -> Interval {
        facts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
    }

    static func items(_ rule: Rule, _ context: inout CheckContext) {
        let items = context.facts.scoreItems
        var read: Set<Int>?
        for item in items {
            // a score above its weight
            if let s = item.score, let w = item.weight, context.interval(context.fact(s)).lo > context.interval(context.fact(w)).hi {
                let score = context.fact(s), weight = context.fact(w)
                context.report(rule, main: score, others: [weight], evidence: rule.evidence(.scoreProseAboveWeight, [
                    .name: item.name, .score: score.literal, .weight: weight.literal]), slots: [.name: item.name])
            }
            deduction(rule, item, &context)
            let children = item.children.map { items[$0] }
            guard children.count >= 2 else { continue }
            // (a paragraph of sub-indicators with a score no sub-indicator took was not read to its end:
            // "…分别得6分和5分；制度执行有效性指标6分，…得5.5分")
            if read == nil { read = figuresRead(items) }
            if leavesScoresUnread(item, items, read: read!, context) { continue }
            // the sub-indicators' weights make up the indicator's
            if let w = item.weight, children.allSatisfy({ $0.weight != nil }) {
                let whole = context.fact(w)
                let weights = children.map { context.fact($0.weight!) }
                // ("过程指标（分值25分，得分22.5分）…“资金支付及时性”（分值5分）扣1.5分；“财务监控有效性”（分值4分）扣1.0分":
                // the indicators named may be only those that lost points; weights short of the whole are a slip
                // only when the scores show the list whole)
                let short = Decimals.less(sum(weights, context).hi, context.interval(whole).lo)
                let scoresWhole = item.score.map { s in
                    let figures = item.children.compactMap { scoreFigures($0, items, context) }
                    return figures.count == item.children.count && sum(figures.flatMap { $0 }, context).overlaps(context.interval(context.fact(s)))
                } ?? false
                // (named with their own scores, "数量指标（20分），得20分；质量指标（25分），得25分", they are all of them)
                if !short || scoresWhole || children.allSatisfy({ $0.score != nil }) {
                    report(rule, whole: whole, parts: weights, template: .scoreWeightsSum, message: .scoreProseWeights, name: item.name, &context)
                }
            }
            // and their scores its score
            if let s = item.score {
                let figures = item.children.compactMap { scoreFigures($0, items, context) }
                if figures.count == item.children.count {
                    report(rule, whole: context.fact(s), parts: figures.flatMap { $0 }, template: .scoreScoresSum, message: .scoreProseScores, name: item.name, &context)
                }
            }
        }
        topLevel(rule, items, &context)
        for run in context.facts.scoreRuns { flatRun(rule, run, items, &context) }
        distributed(rule, items, &context)
        pointsLost(rule, &context)
        markLessOwnLoss(rule, &context)
        firstLevelLists(rule, &context)
    }

    /// "满分100分。经自评，…得分94.50分，扣5.50分": the points lost right after the total score, with no list
    /// of them (a list is `pointsLost`'s), are the full mark less that score.
    static func markLessOwnLoss(_ rule: Rule, _ context: inout CheckContext) {
        guard let m = context.facts.proseFullMark, let s = context.facts.proseTotalScore, m < s,
              let (ids, at) = context.positionInParagraph(of: context.fact(s)), at + 1 < ids.count else { return }
        let mark = context.fact(m), score = context.fact(s), lost = context.fact(ids[at + 1])
        let deductions = context.vocabulary[.deductionWords]
        guard lost.kind == .score, !context.facts.pointsLost.contains(where: { $0.total == lost.id }), !lost.isCellValue, lost.number.comparator == nil,
              deductions.contains(lost.label) || deductions.contains(lost.head),
              context.sentence(of: lost).map({ t in context.sentence(of: score).map { $0 == t } ?? false }) == true,
              case .text(let pm, _, _) = mark.place, case .text(let ps, _, _) = score.place, ps - pm <= 2,
              rule[.bonusWords].isEmpty || !context.facts.facts.contains(where: { $0.kind == .score && rule[.bonusWords].occurs(in: $0.label) }) else { return }
        reportMarkLessLost(rule, mark: mark, score: score, lost: lost, &context)
    }

    /// The full mark less the points lost against the total score: reported when they differ.
    static func reportMarkLessLost(_ rule: Rule, mark: Fact, score: Fact, lost: Fact, _ context: inout CheckContext) {
        let computed = context.interval(mark) - context.interval(lost)
        guard !computed.overlaps(context.interval(score)) else { return }
        let scale = Show.scale([mark, score, lost])
        context.report(rule, main: score, others: [mark, lost], evidence: rule.evidence(.scoreProseDeduction, [
            .name: context.displayLabel(score), .computation: "\(mark.literal) − \(lost.literal)",
            .computed: Show.number(mark.value - lost.value, scale: scale), .stated: score.literal]),
                       message: .scoreMarkLessLost, slots: [.name: ""])
    }

    /// "得分为92分，其中：部门决策18分，部门管理27分，部门产出28分，部门效益19分": a list of scores whose
    /// names are every first-level indicator (`complete_first_levels`) is the whole evaluation, so its
    /// sum short of the total is a slip too (a sum above it is the list's own check).
    static func firstLevelLists(_ rule: Rule, _ context: inout CheckContext) {
        var levels: [[String]]?
        let weightWords = context.vocabulary[.weightWords], deductionWords = context.vocabulary[.deductionWords]
        for group in context.facts.groups {
            let whole = context.fact(group.whole)
            guard whole.kind == .score, whole.concept.measure == "score", group.parts.count >= 3 else { continue }
            let parts = group.parts.map { context.fact($0) }
            // (points lost are no scores: "其中，决策类指标扣2分，…过程类指标扣1.06分…")
            guard parts.allSatisfy({ $0.kind == .score && $0.change == 0 && !weightWords.occurs(in: $0.label)
                && !deductionWords.isSuffix(of: $0.label) && !deductionWords.isSuffix(of: $0.head) }) else { continue }
            if levels == nil { levels = rule[.completeFirstLevels].words.map { $0.split(separator: "|").map(String.init) } }
            guard let levels, parts.count == levels.count,
                  levels.allSatisfy({ names in parts.contains { p in names.contains { p.label.contains($0) } } }) else { continue }
            guard sum(parts, context).hi < context.interval(whole).lo else { continue }
            report(rule, whole: whole, parts: parts, template: .scoreScoresSum, message: .scoreProseTotal, name: "", &context)
        }
    }

    /// "…扣2分，…扣3分，…扣2分，合计扣7分": the points lost add up to their total; "满分100分，自评得分
    /// 93分。…合计扣7分": the full mark less that total is the score (stated before it, in its paragraph
    /// or the two before, in a text that adds no points: `bonus_words`).
    static func pointsLost(_ rule: Rule, _ context: inout CheckContext) {
        guard !context.facts.pointsLost.isEmpty else { return }
        let totalWords = context.vocabulary[.scoreTotalWords], fullMarks = context.vocabulary[.fullMarkWords], weightWords = context.vocabulary[.weightWords]
        let bonus = rule[.bonusWords]
        let adds = context.facts.facts.contains { $0.kind == .score && bonus.occurs(in: $0.label) }
        for (t, ids) in context.facts.pointsLost {
            let total = context.fact(t)
            // points lost one by one short of their total may have been lost elsewhere too, stated only
            // as a score under its weight ("决策指标得14分；…扣2.5分…，共扣7.2分"): only a sum over it is a slip
            let sum = ids.reduce(Interval(exactly: 0)) { $0 + context.interval(context.fact($1)) * Interval(exactly: Decimal(eachOf(context.fact($1), context))) }
            // (a paragraph that lists the points lost and nothing else scored, "扣分情况：…扣3分，…合计扣9分",
            // names them all)
            let itemScored = total.place.paragraph.map { p in
                context.facts.paragraphFacts[p].contains { id in
                    let f = context.fact(id)
                    return f.kind == .score && id != t && !ids.contains(id) && !f.isCellValue
                        && !totalWords.occurs(in: f.label) && !fullMarks.occurs(in: f.label) && !weightWords.occurs(in: f.label)
                }
            } ?? true
            // ("投入指标分值20分，扣0.44分，…其中预算执行率指标…扣0.44分。…共扣6.94分": the points each indicator
            // lost, stated right after its weight, make the total; the reasons after them restate them)
            let headline = ids.filter { id in
                guard let (pids, at) = context.positionInParagraph(of: context.fact(id)), at > 0 else { return false }
                let previous = context.fact(pids[at - 1])
                return previous.kind == .score && weightWords.occurs(in: previous.label)
            }
            if headline.count >= 2, headline.count < ids.count,
               headline.reduce(Interval(exactly: 0), { $0 + context.interval(context.fact($1)) }).overlaps(context.interval(total)) { continue }
            // ("…扣0.22分；…扣2分，得3分。项目管理项下，…扣1.2分，…扣2分，合计扣3.2分": the points lost after the
            // last indicator scored in between make the total; those before are that indicator's)
            if let p = total.place.paragraph, let firstStart = ids.first.map({ context.fact($0).number.range.lowerBound }),
               let lastScored = context.facts.paragraphFacts[p].last(where: { id in
                   let f = context.fact(id)
                   return f.kind == .score && !ids.contains(id) && id != t && !f.isCellValue && f.number.range.lowerBound > firstStart
                       && f.number.range.upperBound < total.number.range.lowerBound && !weightWords.occurs(in: f.label)
                       && !totalWords.occurs(in: f.label) && !fullMarks.occurs(in: f.label)
               }) {
                let after = ids.filter { context.fact($0).number.range.lowerBound > context.fact(lastScored).number.range.upperBound }
                if !after.isEmpty, after.count < ids.count,
                   after.reduce(Interval(exactly: 0), { $0 + context.interval(context.fact($1)) }).overlaps(context.interval(total)) { continue }
            }
            if Decimals.less(context.interval(total).hi, sum.lo) || (!itemScored && !sum.overlaps(context.interval(total))) {
                report(rule, whole: total, parts: ids.map { context.fact($0) }, template: .scoreScoresSum, message: .scorePointsLost, name: "", &context)
            }
            guard !adds, let m = context.facts.proseFullMark, let s = context.facts.proseTotalScore, m < s, s < t,
                  case .text(let pt, _, _) = total.place, let pm = context.fact(m).place.paragraph, let ps = context.fact(s).place.paragraph,
                  pt - pm <= 2, pt - ps <= 2 else { continue }
            reportMarkLessLost(rule, mark: context.fact(m), score: context.fact(s), lost: total, &context)
        }
    }

    /// "决策、过程、产出、效益四项指标得分分别为18分、17分、36分、26分，综合得分为95分": scores paired with the
    /// names before 分别为, and the total stated after them in the paragraph. Their sum above the total
    /// is a slip; below it, only when the names are every first-level indicator (`complete_first_levels`:
    /// the text may list some indicators only).
    static func distributed(_ rule: Rule, _ items: [ScoreItem], _ context: inout CheckContext) {
        let markers = context.vocabulary[.distributiveMarkers], totals = context.vocabulary[.scoreTotalWords]
        let weightWords = context.vocabulary[.weightWords], fullMarks = context.vocabulary[.fullMarkWords]
        // split only when a run of scores and a total is found (most documents have none)
        var levels: [[String]]?
        let scored = Set(items.compactMap(\.score))
        for p in context.doc.paragraphs.indices {
            let ids = context.facts.paragraphFacts[p]
            // three scores and a total at least (most paragraphs state none)
            guard ids.count >= 4 else { continue }
            var scores = 0
            for id in ids where context.facts.facts[id].kind == .score {
                scores += 1
                if scores == 4 { break }
            }
            guard scores == 4 else { continue }
            let text = context.doc.paragraphs[p].text.scalars
            // each sentence's first marker, found once (a sentence of many scores stays linear)
            var markerOf = [Int: (start: Int, length: Int)?]()
            var k = 0
            while k < ids.count {
                let f = context.fact(ids[k])
                guard f.kind == .score, !scored.contains(f.id), case .text(_, let s, _) = f.place,
                      context.doc.paragraphs[p].sentences.indices.contains(s) else { k += 1; continue }
                let sentence = context.doc.paragraphs[p].sentences[s], start = sentence.lowerBound
                if markerOf[s] == nil { markerOf[s] = .some(markers.firstMatch(in: text, from: start, before: sentence.upperBound)) }
                guard let found = markerOf[s], let marker = found, marker.start + marker.length <= f.number.range.lowerBound else { k += 1; continue }
                // the figures right after the marker, one after another ("18分、17分、36分、26分")
                var run = [f]
                var j = k + 1
                while j < ids.count {
                    let g = context.fact(ids[j]), last = run[run.count - 1]
                    guard g.kind == .score, !scored.contains(g.id), g.number.range.lowerBound - last.number.range.upperBound <= 2,
                          !totals.occurs(in: g.label) else { break }
                    run.append(g)
                    j += 1
                }
                k = j
                let names = ScalarString.make(text[start..<marker.start])
                let next = ids[j...].first { context.fact($0).kind == .score }.map { context.fact($0) }
                // (not the weights: "各部分满分分别为10分、25分…")
                guard run.count >= 3, !weightWords.occurs(in: names), !fullMarks.occurs(in: names), run[0].concept.measure != "weight",
                      !totals.occurs(in: names), let total = next,
                      totals.occurs(in: total.label), !weightWords.occurs(in: total.label), total.change == 0, !total.comparesYears,
                      total.number.comparator == nil, !total.number.inRange else { continue }
                let sum = sum(run, context), stated = context.interval(total)
                if levels == nil { levels = rule[.completeFirstLevels].words.map { $0.split(separator: "|").map(String.init) } }
                let complete = !levels!.isEmpty && levels!.allSatisfy { $0.contains(where: { names.contains($0) }) }
                guard sum.lo > stated.hi || (complete && sum.hi < stated.lo) else { continue }
                report(rule, whole: total, parts: run, template: .scoreScoresSum, message: .scoreProseTotal, name: "", &context)
            }
        }
    }

    /// An indicator without a weight of its own ("（二）产出指标。数量指标（20分）…；质量指标（15分）…")
    /// stands for its sub-indicators.
    static func weighted(_ i: Int, _ items: [ScoreItem]) -> [Int] {
        items[i].weight != nil ? [i] : items[i].children.flatMap { weighted($0, items) }
    }

    /// The top level, list by list: its weights against the full mark, its scores against the total.
    /// Where several lists stand at the top, the one whose weights make up the full mark is the
    /// evaluation's; with one list only, its weights must make it up.
    static func topLevel(_ rule: Rule, _ items: [ScoreItem], _ context: inout CheckContext) {
        var lists = [String: [Int]]()
        var order = [String]()
        for i in items.indices where items[i].parent == nil && !items[i].list.hasPrefix("f") {
            let top = weighted(i, items)
            guard !top.isEmpty else { continue }
            if lists[items[i].list] == nil { order.append(items[i].list) }
            lists[items[i].list, default: []] += top
        }
        // ("四类指标分值分别为20分、20分、35分、25分 … 主要扣分情况：过程指标满分20分": an indicator of the list
        // named again, with or without its level's ending, and the same weight is that one, not another)
        let endings = context.vocabulary[.subtotalNameEndings]
        func core(_ name: String) -> String { endings.suffix(of: name).map { String(name.dropLast($0.count)) } ?? name }
        for (key, top) in lists where top.count >= 3 {
            // (one pass: the first weight stated of each name and value)
            var first = [String: Int]()
            for i in top {
                let k = core(items[i].name) + "|" + "\(context.fact(items[i].weight!).value)"
                if let j = first[k], items[j].weight! <= items[i].weight! { continue }
                first[k] = i
            }
            let kept = Set(first.values)
            if kept.count < top.count { lists[key] = top.filter { kept.contains($0) } }
        }
        let full = context.facts.proseFullMark.map { context.fact($0) }
        func weightsOf(_ top: [Int]) -> [Fact] { top.map { context.fact(items[$0].weight!) } }
        func makesUpFullMark(_ top: [Int]) -> Bool {
            let s = sum(weightsOf(top), context)
            return full.map { s.overlaps(context.interval($0)) } ?? s.contains(100)
        }
        let candidates = order.map { lists[$0]! }.filter { $0.count >= 2 }
        // ("共扣4.36分，具体为：…2.…，该指标分值5分，扣1分": weights named as this indicator's, in an account of
        // points lost, may be indicators' under the top level: a list that makes up the full mark without them)
        let pointsBack = context.vocabulary[.sectionDeictics]
        let withoutPointingBack = candidates.map { $0.filter { !pointsBack.isPrefix(of: context.fact(items[$0].weight!).label) } }
        // ("产出指标分值58分…预算执行率分值10分。⏎扣分情况如下：…该项分值6分…；…分值8分…": the first paragraphs' weights
        // make up the full mark; those of a later account of points lost are indicators' under them)
        // (the leading weights stated together, in one paragraph: the list up to its first other paragraph)
        var leading: [Int]?
        for top in candidates where top.count >= 3 && leading == nil {
            let first = context.fact(items[top[0]].weight!).place.paragraph
            guard let k = top.firstIndex(where: { context.fact(items[$0].weight!).place.paragraph != first }), k >= 2,
                  makesUpFullMark(Array(top[..<k])) else { continue }
            leading = Array(top[..<k])
        }
        if let complete = candidates.first(where: makesUpFullMark)
            ?? withoutPointingBack.first(where: { $0.count >= 2 && makesUpFullMark($0) }) ?? leading {
            guard let t = context.facts.proseTotalScore else { return }
            let figures = complete.compactMap { scoreFigures($0, items, context) }
            guard figures.count == complete.count else { return }
            let parts = figures.flatMap { $0 }
            // every total the text states beside these scores: "自评得分92.5分。其中：…，总得分92.5分"
            var totals = [context.fact(t)] + totalsBeside(complete, items, context)
            // Within one paragraph, the total the scores belong to:
            // ("项目自评得分93.5分。部门整体自评中，…得19分；…得28.5分。综合得分94.5分": a total stated after the
            // scores that they make up is theirs; one stated before them with another value, and no 其中 between
            // that opens them as its breakdown, is another evaluation's)
            // ("自评得分93.72分，等级为“优”。其中…满意度指标得分9分（满分10分）。某项目…，自评得分86.5分": and a
            // total before them that opens them so and that they make up is theirs; one stated after them, in a
            // later sentence, is another evaluation's)
            let sum = sum(parts, context)
            if let p = parts.first?.place.paragraph, parts.allSatisfy({ $0.place.paragraph == p }),
               let lastPart = parts.max(by: { $0.number.range.lowerBound < $1.number.range.lowerBound }) {
                let text = context.doc.paragraphs[p].text.scalars
                let openers = [context.vocabulary[.listOpenersOf], context.vocabulary[.listOpenersIncluding]]
                let firstStart = parts.map(\.number.range.lowerBound).min()!
                func before(_ t: Fact) -> Bool { t.place.paragraph == p && t.number.range.upperBound < firstStart }
                func after(_ t: Fact) -> Bool { t.place.paragraph == p && t.number.range.lowerBound > lastPart.number.range.upperBound }
                func opensScores(_ t: Fact) -> Bool { openers.contains { $0.firstMatch(in: text, from: t.number.range.upperBound, before: firstStart) != nil } }
                if totals.contains(where: { after($0) && sum.overlaps(context.interval($0)) }) {
                    totals.removeAll { before($0) && !opensScores($0) }
                }
                if let lastSentence = lastPart.place.sentence,
                          totals.contains(where: { before($0) && sum.overlaps(context.interval($0)) && opensScores($0) }) {
                    totals.removeAll { t in
                        guard after(t), let s = t.place.sentence else { return false }
                        return s.sentence != lastSentence.sentence && !sum.overlaps(context.interval(t))
                    }
                }
            }
            for total in totals {
                report(rule, whole: total, parts: parts, template: .scoreScoresSum, message: .scoreProseTotal, name: "", &context)
            }
        } else if candidates.count == 1, let full, let top = candidates.first {
            // the text may discuss only some indicators in prose: weights short of the full mark are a
            // slip when they exceed it, or when the scores show the list whole (they make up the total)
            let weights = weightsOf(top)
            let figures = top.compactMap { scoreFigures($0, items, context) }
            let whole = context.facts.proseTotalScore.map { t in
                figures.count == top.count && sum(figures.flatMap { $0 }, context).overlaps(context.interval(context.fact(t)))
            } ?? false
            if whole || sum(weights, context).lo > context.interval(full).hi {
                report(rule, whole: full, parts: weights, template: .scoreWeightsSum, message: .scoreProseFullMark, name: "", &context)
            }
        } else if let t = context.facts.proseTotalScore {
            // a list whose scores make up the stated total is the whole evaluation: its weights must
            // make up the full mark (100 when none is stated)
            let total = context.fact(t)
            for top in candidates where top.count >= 3 {
                let figures = top.compactMap { scoreFigures($0, items, context) }
                guard figures.count == top.count, sum(figures.flatMap { $0 }, context).overlaps(context.interval(total)) else { continue }
                if let full {
                    report(rule, whole: full, parts: weightsOf(top), template: .scoreWeightsSum, message: .scoreProseFullMark, name: "", &context)
                } else {
                    let weights = weightsOf(top)
                    let exact = weights.reduce(Decimal(0)) { $0 + $1.value }
                    context.report(rule, main: weights[0], others: Array(weights.dropFirst()), evidence: rule.evidence(.scoreWeightsSum, [
                        .computation: weights.map(\.literal).joined(separator: " + "), .sum: Show.number(exact, scale: Show.scale(weights)), .total: "100"]),
                                   message: .scoreProseFullMark, slots: [.name: ""])
                }
                break
            }
        }
    }

    /// Totals the text states in the paragraphs of a list's scores, other than `proseTotalScore`.
    static func totalsBeside(_ top: [Int], _ items: [ScoreItem], _ context: CheckContext) -> [Fact] {
        let scored = Set(items.compactMap(\.score))
        let words = context.vocabulary[.scoreTotalWords]
        var paragraphs = [Int]()
        for i in top {
            if let s = items[i].score, let p = context.fact(s).place.paragraph, !paragraphs.contains(p) { paragraphs.append(p) }
        }
        var out = [Fact]()
        for p in paragraphs {
            for id in context.facts.paragraphFacts[p] where id != context.facts.proseTotalScore && id != context.facts.proseFullMark && !scored.contains(id) {
                let f = context.fact(id)
                guard f.kind == .score, f.concept.measure == "score", words.occurs(in: f.label), f.change == 0, !f.comparesYears else { continue }
                guard f.number.comparator == nil, !f.number.inRange, f.year == nil || f.year == context.facts.fiscalYear else { continue }
                out.append(f)
            }
        }
        return out
    }

    /// "扣1分，得9分": the weight less the points lost is the score.
    static func deduction(_ rule: Rule, _ item: ScoreItem, _ context: inout CheckContext) {
        guard !item.deductions.isEmpty, let w = item.weight, let s = item.score else { return }
        let weight = context.fact(w), score = context.fact(s)
        let lost = item.deductions.map { context.fact($0) }
        // ("…率未达目标和…缺乏量化佐证各扣1分": points lost by each of several counts as many times as they are)
        let lostWords = context.vocabulary[.deductionWords], each = context.vocabulary[.distributiveMarkers]
        // (not points listed one by one: "…和…未达目标分别扣1分、0.5分")
        if lost.contains(where: { f in
            guard each.isSuffix(of: lostWords.droppingSuffix(f.label)) else { return false }
            guard f.id + 1 < context.facts.facts.count, case let next = context.fact(f.id + 1), next.kind == .score,
                  next.place.sentence.map({ s in f.place.sentence.map { $0 == s } ?? false }) == true else { return true }
            return next.label.unicodeScalars.count > 1
        }) { return }
        let computed = lost.reduce(context.interval(weight)) { $0 - context.interval($1) }
        guard !computed.overlaps(context.interval(score)) else { return }
        // ("产出指标满分35分，数量指标12分…均得满分，时效指标8分得5.80分，扣2.20分": a figure in points between the
        // weight and the score that the score and the points lost make up is the weight they are of: a nested
        // item the reading missed, no slip)
        let made = lost.reduce(context.interval(score)) { $0 + context.interval($1) }
        if w + 1 < s, (w + 1..<s).contains(where: { k in
            guard !item.deductions.contains(k) else { return false }
            let o = context.fact(k)
            return o.kind == .score && o.place.paragraph == score.place.paragraph && context.interval(o).overlaps(made)
        }) { return }
        let exact = lost.reduce(weight.value) { $0 - $1.value }
        let scale = Show.scale([weight, score] + lost)
        context.report(rule, main: score, others: [weight] + lost, evidence: rule.evidence(.scoreProseDeduction, [
            .name: item.name, .computation: ([weight.literal] + lost.map(\.literal)).joined(separator: " − "),
            .computed: Show.number(exact, scale: scale), .stated: score.literal]),
                       message: .scoreProseDeduction, slots: [.name: item.name])
    }

    /// A flattened indicator sheet ("… 满意度≥90% 10 合计 100 96.85"): its weights against its full
    /// mark, its scores against its total, and the total the text states elsewhere against its total.
    /// The run may have lost rows before it (a page that starts mid-table): a sum below its total is a
    /// slip only when the other column shows the run whole; a sum above it always is.
    static func flatRun(_ rule: Rule, _ run: ScoreRun, _ items: [ScoreItem], _ context: inout CheckContext) {
        let full = context.fact(run.fullMark)
        let weights = run.items.compactMap { items[$0].weight }.map { context.fact($0) }
        let weightSum = sum(weights, context)
        let weightsWhole = weightSum.overlaps(context.interval(full))
        guard run.scored, let t = run.total else {
            if weightSum.lo > context.interval(full).hi {
                report(rule, whole: full, parts: weights, template: .scoreWeightsSum, message: .scoreRunWeights, name: "", &context)
            }
            return
        }
        let total = context.fact(t)
        let scores = run.items.compactMap { items[$0].score }.map { context.fact($0) }
        let scoreSum = sum(scores, context)
        let scoresWhole = scoreSum.overlaps(context.interval(total))
        if weightSum.lo > context.interval(full).hi || (!weightsWhole && scoresWhole) {
            report(rule, whole: full, parts: weights, template: .scoreWeightsSum, message: .scoreRunWeights, name: "", &context)
        }
        if scoreSum.lo > context.interval(total).hi || (!scoresWhole && weightsWhole) {
            report(rule, whole: total, parts: scores, template: .scoreScoresSum, message: .scoreRunScores, name: "", &context)
        }
        // "自评得分96.85分": the total the text states is the sheet's
        if context.facts.scoreRuns.filter({ $0.total != nil }).count == 1, let stated = context.facts.proseTotalScore, stated != t,
           !context.interval(context.fact(stated)).overlaps(context.interval(total)) {
            let f = context.fact(stated)
            context.report(rule, main: f, others: [total], evidence: rule.evidence(.scoreProseTotal, [.stated: f.literal, .total: total.literal]),
                           message: .scoreRunVersusText, slots: [.name: ""])
        }
    }

    /// "绩效目标合理性、绩效指标明确性各扣0.5分": points lost by each of several names (a distributive
    /// word before the deduction word): as many times as names; 1 otherwise.
    static func eachOf(_ f: Fact, _ context: CheckContext) -> Int {
        let deductions = context.vocabulary[.deductionWords], each = context.vocabulary[.distributiveMarkers]
        guard let d = deductions.suffix(of: f.label) else { return 1 }
        let before = String(f.label.unicodeScalars.dropLast(d.unicodeScalars.count))
        guard let marker = each.suffix(of: before) else { return 1 }
        let names = String(before.unicodeScalars.dropLast(marker.unicodeScalars.count))
        var count = 1
        for ch in names.unicodeScalars where ch == "、" { count += 1 }
        count += context.vocabulary[.nameJoiners].matches(in: Array(names.unicodeScalars)).count
        return count
    }

    static func report(_ rule: Rule, whole: Fact, parts: [Fact], template: EvidenceTemplate, message: MessageTemplate, name: String,
                       _ context: inout CheckContext) {
        let total = sum(parts, context)
        guard !total.overlaps(context.interval(whole)) else { return }
        let exact = parts.reduce(Decimal(0)) { $0 + $1.value }
        let scale = Show.scale(parts + [whole])
        context.report(rule, main: whole, others: parts, evidence: rule.evidence(template, [
            .computation: parts.map(\.literal).joined(separator: " + "), .sum: Show.number(exact, scale: scale), .total: whole.literal,
            .difference: Show.number(abs(whole.value - exact), scale: scale)]),
                       message: message, slots: [.name: name])
    }

    /// "得96%权重分": score = weight × rate ÷ 100.
    static func byRate(_ rule: Rule, _ context: inout CheckContext) {
        for item in context.facts.scoreItems where item.scoredByRate {
            guard let w = item.weight, let s = item.score, let r = item.rate else { continue }
            let weight = context.fact(w), score = context.fact(s), rate = context.fact(r)
            guard rate.value <= 100, let expected = Optional(context.interval(weight) * context.interval(rate) * Interval(exactly: Decimal(string: "0.01")!)) else { continue }
            let stated = Interval(shown: score.value, decimals: score.number.decimals, roundedInteger: true)
            if expected.overlaps(stated) { continue }
            let exact = weight.value * rate.value / 100
            let scale = max(2, score.number.decimals)
            context.report(rule, main: score, others: [weight, rate], evidence: rule.evidence(.scoreProseByRate, [
                .name: item.name, .computation: "\(weight.literal) × \(rate.literal)%", .computed: Show.number(exact, scale: scale),
                .stated: score.literal, .difference: Show.number(abs(exact - score.value), scale: scale)]), slots: [.name: item.name])
        }
    }
}
