import Foundation
import JXCore
import JXExtract
import JXRules

/// `check = "implied-bases"`: "收入W，为年预算的R%，同比下降P%。其中：A a，为年预算的r1%，同比下降p1%；
/// B b，…": each member's rate implies a base (last year's figure a ÷ (1 − p1), the budget a ÷ r1);
/// when the parts add up to the whole, their bases add up to the whole's base too. A rate of the
/// whole that does not follow from its parts' rates is a slip in one of them.
extension PartsCheck {
    /// A member's rate: how it divides its figure into the base it implies.
    enum RateKind: Hashable {
        /// 同比增长/下降: base = figure ÷ (1 ± rate)
        case growth
        /// 为年预算的R%, 完成预算的R%: base = figure ÷ rate (the same wording for every member)
        case ratio(String)
    }

    struct MemberRate {
        var figure: Fact
        var rate: Fact
        var direction: Int
    }

    static func impliedBases(_ rule: Rule, _ context: inout CheckContext) {
        let sums = context.partsSums()
        let adjusted = rule[.adjustedBasisWords]
        for (g, group) in context.facts.groups.enumerated() where !group.nestedThresholds && group.parts.count >= 2 {
            let whole = context.fact(group.whole)
            let parts = group.parts.map { context.fact($0) }
            guard whole.kind.isMoney || isCount(whole), parts.allSatisfy({ $0.kind.sameFamily(as: whole.kind) }) else { continue }
            // ("减少475人，下降2.94%，其中城市减少128人，下降5.96%…": changes, whose rates are of the change
            // itself, are the year-on-year check's)
            guard whole.change == 0, parts.allSatisfy({ $0.change == 0 }) else { continue }
            // only a list that makes up its whole: its parts' bases make up the whole's
            guard sums[g].overlaps(context.interval(whole)) else { continue }
            // (the parts' rates are sought only when the whole states one)
            let wholeRates = rates(after: whole, adjusted: adjusted, context)
            if wholeRates.isEmpty { continue }
            let partRates = parts.map { rates(after: $0, adjusted: adjusted, context) }
            for (kind, wholeRate) in wholeRates {
                let members = partRates.compactMap { $0[kind] }
                guard members.count == parts.count else { continue }
                guard let wholeBase = base(wholeRate, kind, context) else { continue }
                var partBases = Interval(exactly: 0)
                var complete = true
                for m in members {
                    guard let b = base(m, kind, context) else { complete = false; break }
                    partBases = partBases + b
                }
                guard complete, !partBases.overlaps(wholeBase) else { continue }
                let scale = max(Show.scale([whole] + parts), 2)
                var template = EvidenceTemplate.partsImpliedPrior
                var head = ""
                if case .ratio(let h) = kind { template = .partsImpliedBase; head = h }
                let evidence = rule.evidence(template, [
                    .base: head,
                    .left: "\(written(wholeRate, kind)) = \(Show.number(exactBase(wholeRate, kind, unitOf: whole, context), scale: scale))",
                    .right: members.map { written($0, kind) }.joined(separator: " + ") + " = "
                        + Show.number(members.reduce(Decimal(0)) { $0 + exactBase($1, kind, unitOf: whole, context) }, scale: scale)])
                context.report(rule, main: wholeRate.rate, others: [whole] + members.flatMap { [$0.figure, $0.rate] }, evidence: evidence,
                               slots: [.name: context.displayLabel(whole)])
            }
        }
    }

    static func isCount(_ f: Fact) -> Bool {
        if case .count = f.kind { return true }
        return false
    }

    /// The rates stated right after a figure, before the next figure of its own family, in its
    /// sentence: the first change rate, and each ratio by its wording.
    /// A rate on an adjusted basis ("扣除留抵退税因素后增长2.5%") is skipped: the nominal one after it
    /// ("按自然口径计算下降13.2%") is the figures' own.
    static func rates(after figure: Fact, adjusted: WordSet, _ context: CheckContext) -> [RateKind: MemberRate] {
        guard let (_, s) = context.sentence(of: figure), let (ids, lo) = context.positionInParagraph(of: figure) else { return [:] }
        guard lo < ids.count, ids[lo] == figure.id else { return [:] }
        var found = [RateKind: MemberRate]()
        for id in ids[(lo + 1)...].prefix(4) {
            let f = context.fact(id)
            guard context.sentence(of: f)?.sentence == s, f.kind == .percent else { break }
            guard f.number.comparator == nil, !f.number.inRange, !f.number.approximate, f.shareOf == nil, !adjusted.occurs(in: f.label) else { continue }
            let kind: RateKind = f.change != 0 ? .growth : .ratio(f.head)
            if case .ratio(let head) = kind, head.isEmpty { continue }
            if found[kind] == nil { found[kind] = MemberRate(figure: figure, rate: f, direction: f.change) }
        }
        return found
    }

    /// 0.01, made once: Foundation's `Decimal` division costs tens of thousands of instructions.
    static let hundredth = Decimal(sign: .plus, exponent: -2, significand: 1)

    /// The rate as a factor the figure is divided by, as an interval (the rate rounded as shown).
    static func factor(_ m: MemberRate, _ kind: RateKind) -> Interval {
        let r = Interval(shown: m.rate.value, decimals: m.rate.number.decimals, roundedInteger: true) * Interval(exactly: hundredth)
        switch kind {
        case .growth: return m.direction > 0 ? Interval(exactly: 1) + r : Interval(exactly: 1) - r
        case .ratio: return r
        }
    }

    static func base(_ m: MemberRate, _ kind: RateKind, _ context: CheckContext) -> Interval? {
        let f = factor(m, kind)
        guard f.lo > 0 else { return nil }
        return context.interval(m.figure) / f
    }

    static func exactBase(_ m: MemberRate, _ kind: RateKind, unitOf reference: Fact, _ context: CheckContext) -> Decimal {
        let r = Decimals.product(m.rate.value, hundredth)
        let f: Decimal
        switch kind {
        case .growth: f = m.direction > 0 ? 1 + r : 1 - r
        case .ratio: f = r
        }
        return f == 0 ? 0 : Decimals.quotient(context.value(m.figure, inUnitOf: reference), f)
    }

    static func written(_ m: MemberRate, _ kind: RateKind) -> String {
        switch kind {
        case .growth: return "\(m.figure.literal) ÷ (1 \(m.direction > 0 ? "+" : "−") \(m.rate.literal)%)"
        case .ratio: return "\(m.figure.literal) ÷ \(m.rate.literal)%"
        }
    }
}
