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

    static func sum(_ facts: [Fact], _ context: CheckContext) -> Interval {
        facts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
    }

    static func items(_ rule: Rule, _ context: inout CheckContext) {
        let items = context.facts.scoreItems
        for item in items {
            // a score above its weight
            if let s = item.score, let w = item.weight, context.interval(context.fact(s)).lo > context.interval(context.fact(w)).hi {
                let score = context.fact(s), weight = context.fact(w)
                context.report(rule, main: score, others: [weight], evidence: rule.evidence(.scoreProseAboveWeight, [
                    .name: item.name, .score: score.literal, .weight: weight.literal]), slots: [.name: item.name])
            }
            let children = item.children.map { items[$0] }
            guard children.count >= 2 else { continue }
            // the sub-indicators' weights make up the indicator's
            if let w = item.weight, children.allSatisfy({ $0.weight != nil }) {
                let whole = context.fact(w)
                let weights = children.map { context.fact($0.weight!) }
                report(rule, whole: whole, parts: weights, template: .scoreWeightsSum, message: .scoreProseWeights, name: item.name, &context)
            }
            // and their scores its score
            if let s = item.score {
                let figures = item.children.compactMap { scoreFigures($0, items, context) }
                if figures.count == item.children.count {
                    report(rule, whole: context.fact(s), parts: figures.flatMap { $0 }, template: .scoreScoresSum, message: .scoreProseScores, name: item.name, &context)
                }
            }
        }
        // the top level, list by list: its weights against the full mark, its scores against the total.
        // Where several lists stand at the top, the one whose weights make up the full mark is the
        // evaluation's; with one list only, its weights must make it up.
        var lists = [String: [Int]]()
        var order = [String]()
        for i in items.indices where items[i].parent == nil && items[i].weight != nil {
            if lists[items[i].list] == nil { order.append(items[i].list) }
            lists[items[i].list, default: []].append(i)
        }
        let full = context.facts.proseFullMark.map { context.fact($0) }
        func weightsOf(_ top: [Int]) -> [Fact] { top.map { context.fact(items[$0].weight!) } }
        func makesUpFullMark(_ top: [Int]) -> Bool {
            let s = sum(weightsOf(top), context)
            return full.map { s.overlaps(context.interval($0)) } ?? s.contains(100)
        }
        let candidates = order.map { lists[$0]! }.filter { $0.count >= 2 }
        if let complete = candidates.first(where: makesUpFullMark) {
            guard let t = context.facts.proseTotalScore else { return }
            let figures = complete.compactMap { scoreFigures($0, items, context) }
            guard figures.count == complete.count else { return }
            report(rule, whole: context.fact(t), parts: figures.flatMap { $0 }, template: .scoreScoresSum, message: .scoreProseTotal, name: "", &context)
        } else if candidates.count == 1, let full, let top = candidates.first {
            report(rule, whole: full, parts: weightsOf(top), template: .scoreWeightsSum, message: .scoreProseFullMark, name: "", &context)
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
