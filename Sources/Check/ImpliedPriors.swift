import Foundation
import JXCore
import JXExtract
import JXRules

/// `check = "implied-priors"`: "“三公”经费96万元，较上年减少14万元；其中：因公出国（境）费0万元，较上年持平；
/// 公务接待费16万元，较上年减少4万元；公务用车购置及运行维护费80万元，较上年减少10万元": when the parts add
/// up to the whole, last year's parts add up to last year's whole. Each member's change with last
/// year (its earlier figure stated, or its difference, or its rate; 持平 for none) implies last
/// year's figure; the parts' must add up to the whole's. A member's change may be stated where the
/// text comes back to it ("（一）因公出国（境）费1.7万元，…，同比下降86%").
extension PartsCheck {
    /// Last year's figure of one member, as the text lets it be worked out.
    struct ImpliedPrior {
        var value: Interval
        var exact: Decimal
        /// How it was worked out, for the evidence ("96 + 14", "16 ÷ (1 − 20%)").
        var written: String
        /// The figures it was worked out from, besides the member.
        var figures: [Fact]
        /// The change figure that states it (a difference or a rate), if any.
        var statedBy: Fact?
        /// Only a rate stated right after the member (the case `implied-bases` checks).
        var rateRightAfter = false
    }

    static func impliedPriors(_ rule: Rule, _ context: inout CheckContext) {
        let groups = context.facts.groups
        guard !groups.isEmpty, !context.facts.changes.isEmpty else { return }
        let sums = context.partsSums()
        var changesOf = [Int: [ChangeStatement]]()
        for change in context.facts.changes where change.comparesWithYear && change.alternative == nil && change.differenceParts.isEmpty {
            if let c = change.current { changesOf[c, default: []].append(change) }
        }
        guard !changesOf.isEmpty else { return }
        let flat = rule[.flatWords]
        var restatements: [String: [Int]]?
        for (g, group) in groups.enumerated() where !group.nestedThresholds && group.parts.count >= 2 && group.marker != .outline {
            let whole = context.fact(group.whole)
            let parts = group.parts.map { context.fact($0) }
            guard whole.kind.isMoney, parts.allSatisfy({ $0.kind.isMoney }), sums[g].overlaps(context.interval(whole)) else { continue }
            guard let wholePrior = prior(of: whole, changesOf, flat, &restatements, context), wholePrior.statedBy != nil else { continue }
            var partPriors = [ImpliedPrior]()
            for part in parts {
                guard let p = prior(of: part, changesOf, flat, &restatements, context) else { break }
                partPriors.append(p)
            }
            guard partPriors.count == parts.count, partPriors.contains(where: { $0.statedBy != nil }) else { continue }
            // rates right after every member: `implied-bases` reports it
            if wholePrior.rateRightAfter && partPriors.allSatisfy({ $0.rateRightAfter || $0.statedBy == nil }) { continue }
            let partSum = partPriors.reduce(Interval(exactly: 0)) { $0 + $1.value }
            if partSum.overlaps(wholePrior.value) { continue }
            let scale = max(Show.scale([whole] + parts), 2)
            let evidence = rule.evidence(.partsChangePrior, [
                .left: "\(wholePrior.written) = \(Show.number(wholePrior.exact, scale: scale))",
                .right: partPriors.map(\.written).joined(separator: " + ") + " = "
                    + Show.number(partPriors.reduce(Decimal(0)) { $0 + $1.exact }, scale: scale)])
            let main = wholePrior.statedBy ?? whole
            let others = [whole] + wholePrior.figures + zip(parts, partPriors).flatMap { [$0] + $1.figures }
            context.report(rule, main: main, others: others, evidence: evidence, slots: [.name: context.displayLabel(whole)])
        }
    }

    /// Last year's figure of `f` (in the unit of `f`), from its change with last year, the rate right
    /// after it, or 持平 after it; failing these, from where the text states the same figure again.
    static func prior(of f: Fact, _ changesOf: [Int: [ChangeStatement]], _ flat: WordSet, _ restatements: inout [String: [Int]]?,
                      _ context: CheckContext) -> ImpliedPrior? {
        if let p = ownPrior(of: f, reportedAs: f, changesOf, flat, context) { return p }
        guard case .text = f.place, f.concept.item != nil || !f.head.isEmpty else { return nil }
        if restatements == nil {
            var index = [String: [Int]]()
            for g in context.facts.facts where g.kind.isMoney && !g.comparesYears && g.change == 0 {
                index[g.shown, default: []].append(g.id)
            }
            restatements = index
        }
        // the same figure under the same name, stated once more with a change of its own
        var found: ImpliedPrior?
        for id in restatements?[f.shown] ?? [] where id != f.id {
            let g = context.fact(id)
            guard sameFigure(g, f), g.year == f.year || g.year == nil || f.year == nil,
                  let p = ownPrior(of: g, reportedAs: f, changesOf, flat, context) else { continue }
            if found != nil { return nil }
            found = p
            found?.rateRightAfter = false
            found?.figures.append(g)
        }
        return found
    }

    /// Two statements of one figure: one concept (an item of the lexicon, its scope) or one name.
    static func sameFigure(_ a: Fact, _ b: Fact) -> Bool {
        guard a.interval.lo == b.interval.lo, a.interval.hi == b.interval.hi else { return false }
        if let item = a.concept.item, item != "total", a.concept.rate == nil {
            return b.concept.item == item && b.concept.scope == a.concept.scope
                && (a.concept.measure == nil || b.concept.measure == nil || a.concept.measure == b.concept.measure)
        }
        return !a.head.isEmpty && a.head == b.head
    }

    /// Last year's `f` from what the text says right at `f`; the working shown with the literal of
    /// `shown` (the member of the list).
    static func ownPrior(of f: Fact, reportedAs shown: Fact, _ changesOf: [Int: [ChangeStatement]], _ flat: WordSet,
                         _ context: CheckContext) -> ImpliedPrior? {
        let figure = context.interval(f)
        for change in changesOf[f.id] ?? [] {
            if let p = change.prior {
                let a = context.fact(p)
                guard a.kind.sameFamily(as: f.kind) else { continue }
                return ImpliedPrior(value: context.interval(a), exact: context.value(a, inUnitOf: shown), written: a.literal, figures: [a],
                                    statedBy: change.difference.map { context.fact($0) } ?? a)
            }
            if let d = change.difference {
                let delta = context.fact(d)
                guard delta.kind.isMoney else { continue }
                let increase = change.direction > 0
                let value = increase ? figure - context.interval(delta) : figure + context.interval(delta)
                let exact = increase ? f.value - context.value(delta, inUnitOf: f) : f.value + context.value(delta, inUnitOf: f)
                return ImpliedPrior(value: value, exact: exact * unitRatio(f, shown),
                                    written: "(\(shown.literal) \(increase ? "−" : "+") \(delta.literal))", figures: [delta], statedBy: delta)
            }
            if let r = change.rate, let p = ratePrior(f, rate: context.fact(r), direction: change.direction, shown: shown, context) {
                return p
            }
        }
        if let m = rates(after: f, context)[.growth], var p = ratePrior(f, rate: m.rate, direction: m.direction, shown: shown, context) {
            p.rateRightAfter = true
            return p
        }
        if let rate = itemRate(of: f, context), let p = ratePrior(f, rate: rate, direction: rate.change, shown: shown, context) {
            return p
        }
        if isFlat(f, flat, context) {
            return ImpliedPrior(value: figure, exact: context.value(f, inUnitOf: shown), written: shown.literal, figures: [], statedBy: nil)
        }
        return nil
    }

    /// How many units of `shown` one unit of `f` is (1 unless one is in 元 and the other in 万元).
    static func unitRatio(_ f: Fact, _ shown: Fact) -> Decimal {
        guard let u = f.kind.moneyUnit, let r = shown.kind.moneyUnit, u != r else { return 1 }
        return Decimals.pow10(u.exponent - r.exponent)
    }

    /// Last year's figure from this year's and a growth (or decline) rate: f ÷ (1 ± r).
    static func ratePrior(_ f: Fact, rate: Fact, direction: Int, shown: Fact, _ context: CheckContext) -> ImpliedPrior? {
        guard rate.kind == .percent, direction != 0, rate.number.comparator == nil, !rate.number.inRange, !rate.number.approximate else { return nil }
        let m = MemberRate(figure: f, rate: rate, direction: direction)
        guard let value = base(m, .growth, context) else { return nil }
        return ImpliedPrior(value: value, exact: exactBase(m, .growth, unitOf: shown, context),
                            written: "\(shown.literal) ÷ (1 \(direction > 0 ? "+" : "−") \(rate.literal)%)", figures: [rate], statedBy: rate)
    }

    /// "（一）因公出国（境）费预算1.7万元，经费使用严格按照……执行，同比下降86%。": the growth rate of an
    /// outline item whose title states the figure, with no other amount in between (but the figure's
    /// own 其中 parts).
    static func itemRate(of f: Fact, _ context: CheckContext) -> Fact? {
        guard let item = f.outlineItem, context.facts.outline[item].amount == f.id, case .text(let p, _, _) = f.place else { return nil }
        let ownParts = Set(context.facts.groups.lazy.filter { $0.whole == f.id }.flatMap(\.parts))
        for id in context.facts.paragraphFacts[p] {
            let g = context.fact(id)
            guard g.number.range.lowerBound > f.number.range.lowerBound else { continue }
            if g.kind == .percent {
                guard g.change != 0, g.comparesYears, g.shareOf == nil else { continue }
                return g
            }
            if g.kind.isMoney && !ownParts.contains(id) { return nil }
        }
        return nil
    }

    /// "因公出国（境）经费40万元，较上年持平": a flat word between the figure and the next figure of
    /// its sentence, in the clause after it.
    static func isFlat(_ f: Fact, _ flat: WordSet, _ context: CheckContext) -> Bool {
        guard case .text(let p, let s, _) = f.place else { return false }
        let paragraph = context.doc.paragraphs[p]
        let scalars = paragraph.text.scalars
        guard paragraph.sentences.indices.contains(s) else { return false }
        var end = min(paragraph.sentences[s].upperBound, f.number.range.upperBound + 16)
        for id in context.facts.paragraphFacts[p] {
            let g = context.fact(id)
            if g.number.range.lowerBound >= f.number.range.upperBound { end = min(end, g.number.range.lowerBound); break }
        }
        guard f.number.range.upperBound < end else { return false }
        return flat.firstMatch(in: scalars, from: f.number.range.upperBound, before: end) != nil
    }
}
