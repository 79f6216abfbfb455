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
    /// The rule's words: 持平 and the like; the wordings of a change on an adjusted basis.
    struct Words {
        var flat: WordSet
        var adjusted: WordSet
    }

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
        let words = Words(flat: rule[.flatWords], adjusted: rule[.adjustedBasisWords])
        var restatements: [String: [Int]]?
        for (g, group) in groups.enumerated() where !group.nestedThresholds && group.parts.count >= 2 && group.marker != .outline {
            let whole = context.fact(group.whole)
            let parts = group.parts.map { context.fact($0) }
            guard whole.kind.isMoney, parts.allSatisfy({ $0.kind.isMoney }), sums[g].overlaps(context.interval(whole)) else { continue }
            var partPriors = [ImpliedPrior]()
            for part in parts {
                guard let p = priors(of: part, changesOf, words, &restatements, context).first else { break }
                partPriors.append(p)
            }
            guard partPriors.count == parts.count, partPriors.contains(where: { $0.statedBy != nil }) else { continue }
            var wholePriors = priors(of: whole, changesOf, words, &restatements, context).filter { $0.statedBy != nil }
            if wholePriors.isEmpty { wholePriors = listIntroducingChange(whole, partPriors.compactMap(\.statedBy), context) }
            let partSum = partPriors.reduce(Interval(exactly: 0)) { $0 + $1.value }
            // rates right after every member: `implied-bases` reports it
            let ratesOnly = partPriors.allSatisfy { $0.rateRightAfter || $0.statedBy == nil }
            guard let wholePrior = wholePriors.first(where: { !partSum.overlaps($0.value) && !($0.rateRightAfter && ratesOnly) }) else { continue }
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

    /// Last year's figure of `f` (in the unit of `f`), each way the text states it: from its change
    /// with last year (the earlier figure, the difference, the rate), the rate right after it, the
    /// rate of its outline item, or 持平 after it; failing these, from where the text states the same
    /// figure again.
    static func priors(of f: Fact, _ changesOf: [Int: [ChangeStatement]], _ words: Words, _ restatements: inout [String: [Int]]?,
                       _ context: CheckContext) -> [ImpliedPrior] {
        let own = ownPriors(of: f, reportedAs: f, changesOf, words, context)
        if !own.isEmpty { return own }
        guard case .text = f.place, f.concept.item != nil || !f.head.isEmpty else { return [] }
        if restatements == nil {
            var index = [String: [Int]]()
            for g in context.facts.facts where g.kind.isMoney && !g.comparesYears && g.change == 0 {
                index[g.shown, default: []].append(g.id)
            }
            restatements = index
        }
        // the same figure under the same name, stated once more with a change of its own
        var found = [ImpliedPrior]()
        for id in restatements?[f.shown] ?? [] where id != f.id {
            let g = context.fact(id)
            guard sameFigure(g, f), g.year == f.year || g.year == nil || f.year == nil else { continue }
            let priors = ownPriors(of: g, reportedAs: f, changesOf, words, context)
            guard !priors.isEmpty else { continue }
            if !found.isEmpty { return [] }
            found = priors.map { p in
                var p = p
                p.rateRightAfter = false
                p.figures.append(g)
                return p
            }
        }
        return found
    }

    /// "“三公”经费支出决算数比上年减少D，降低P%，其中：A减少a，…；B增加b，…": the change that opens the
    /// sentence listing the parts' changes is the whole's, however the sentence names it.
    static func listIntroducingChange(_ whole: Fact, _ partChanges: [Fact], _ context: CheckContext) -> [ImpliedPrior] {
        guard let first = partChanges.min(by: { $0.id < $1.id }), let (p, s) = context.sentence(of: first),
              partChanges.allSatisfy({ context.sentence(of: $0).map { $0 == (p, s) } ?? false }) else { return [] }
        let inSentence = context.facts.paragraphFacts[p].map { context.fact($0) }.filter {
            context.sentence(of: $0)?.sentence == s && $0.number.range.lowerBound < first.number.range.lowerBound
        }
        guard let d = inSentence.first, d.kind.isMoney, d.change != 0, d.comparesYears, d.id != whole.id,
              inSentence.count <= 2 else { return [] }
        let rate = inSentence.count == 2 && inSentence[1].kind == .percent && inSentence[1].change == d.change ? inSentence[1] : nil
        guard inSentence.count == 1 || rate != nil else { return [] }
        let from = (rate ?? d).number.range.upperBound
        guard from < first.number.range.lowerBound,
              context.vocabulary[.listOpenersOf].firstMatch(in: context.doc.paragraphs[p].text.scalars, from: from,
                                                            before: first.number.range.lowerBound) != nil else { return [] }
        var out = [differencePrior(whole, delta: d, direction: d.change, shown: whole, context)]
        if let rate, let r = ratePrior(whole, rate: rate, direction: d.change, shown: whole, context) { out.append(r) }
        return out
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

    /// Last year's `f` from what the text says right at `f`, each way it says it; the working shown
    /// with the literal of `shown` (the member of the list).
    static func ownPriors(of f: Fact, reportedAs shown: Fact, _ changesOf: [Int: [ChangeStatement]], _ words: Words,
                          _ context: CheckContext) -> [ImpliedPrior] {
        for change in changesOf[f.id] ?? [] {
            var found = [ImpliedPrior]()
            if let p = change.prior {
                let a = context.fact(p)
                if a.kind.sameFamily(as: f.kind) {
                    found.append(ImpliedPrior(value: context.interval(a), exact: context.value(a, inUnitOf: shown), written: a.literal, figures: [a],
                                              statedBy: change.difference.map { context.fact($0) } ?? a))
                }
            }
            if [change.difference, change.rate].contains(where: { $0.map { words.adjusted.occurs(in: context.fact($0).label) } ?? false }) { continue }
            if let d = change.difference, context.fact(d).kind.isMoney {
                found.append(differencePrior(f, delta: context.fact(d), direction: change.direction, shown: shown, context))
            }
            if let r = change.rate, let p = ratePrior(f, rate: context.fact(r), direction: change.direction, shown: shown, context) {
                found.append(p)
            }
            if !found.isEmpty { return found }
        }
        if let m = rates(after: f, adjusted: words.adjusted, context)[.growth], var p = ratePrior(f, rate: m.rate, direction: m.direction, shown: shown, context) {
            p.rateRightAfter = true
            return [p]
        }
        if let rate = itemRate(of: f, adjusted: words.adjusted, context), let p = ratePrior(f, rate: rate, direction: rate.change, shown: shown, context) {
            return [p]
        }
        if isFlat(f, words.flat, context) {
            return [ImpliedPrior(value: context.interval(f), exact: context.value(f, inUnitOf: shown), written: shown.literal, figures: [], statedBy: nil)]
        }
        return []
    }

    /// Last year's figure from this year's and the difference: f ∓ d.
    static func differencePrior(_ f: Fact, delta: Fact, direction: Int, shown: Fact, _ context: CheckContext) -> ImpliedPrior {
        let increase = direction > 0
        let figure = context.interval(f), d = context.interval(delta)
        let exact = increase ? f.value - context.value(delta, inUnitOf: f) : f.value + context.value(delta, inUnitOf: f)
        return ImpliedPrior(value: increase ? figure - d : figure + d, exact: exact * unitRatio(f, shown),
                            written: "(\(shown.literal) \(increase ? "−" : "+") \(delta.literal))", figures: [delta], statedBy: delta)
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
    static func itemRate(of f: Fact, adjusted: WordSet, _ context: CheckContext) -> Fact? {
        guard let item = f.outlineItem, context.facts.outline[item].amount == f.id, case .text(let p, _, _) = f.place else { return nil }
        let ownParts = Set((context.groupsOfWhole[f.id] ?? []).flatMap(\.parts))
        for id in context.facts.paragraphFacts[p] {
            let g = context.fact(id)
            guard g.number.range.lowerBound > f.number.range.lowerBound else { continue }
            if g.kind == .percent {
                guard g.change != 0, g.comparesYears, g.shareOf == nil, !adjusted.occurs(in: g.label) else { continue }
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
