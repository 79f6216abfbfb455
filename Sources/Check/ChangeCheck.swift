import Foundation
import JXCore
import JXExtract
import JXRules

/// `kind = "change"`: a stated increase or decrease against the figures it compares.
///  - difference: A and B stated, with their difference D: D = B − A (增加) or A − B (减少);
///  - growth-rate: A and B stated, with a rate P: P = (B − A) ÷ A × 100;
///  - year-on-year: a difference D and a rate P, with only one of the two figures stated:
///    P = D ÷ A × 100, A stated or A = B ∓ D.
/// When both figures are stated, the difference and the rate are each checked against them, so a
/// wrong difference does not make a right rate look wrong.
enum ChangeCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "schedule-progress" {
            for statement in context.facts.scheduleProgress { scheduleProgress(rule, statement, &context) }
            return
        }
        for change in context.facts.changes {
            switch rule.check {
            case "difference": difference(rule, change, &context)
            case "growth-rate": growthRate(rule, change, &context)
            case "year-on-year": yearOnYear(rule, change, &context)
            default: break
            }
        }
    }

    /// A stated figure as an interval; a difference shown with fewer decimals than the figures it
    /// compares ("由91.25%提高至93.51%，提高2个百分点") is taken as rounded.
    static func stated(_ f: Fact, comparedWith figures: [Fact], _ context: CheckContext) -> Interval {
        if f.number.decimals == 0 && figures.contains(where: { $0.number.decimals > 0 }) && !f.kind.isMoney {
            return Interval(shown: f.value, decimals: 0, roundedInteger: true)
        }
        return context.interval(f)
    }

    static func difference(_ rule: Rule, _ change: ChangeStatement, _ context: inout CheckContext) {
        guard let o = change.prior, let c = change.current, let dd = change.difference else { return }
        let old = context.fact(o), new = context.fact(c), d = context.fact(dd)
        let a = context.interval(old), b = context.interval(new)
        let expected = change.direction > 0 ? b - a : a - b
        if expected.overlaps(stated(d, comparedWith: [old, new], context)) { return }
        // a change that may speak of either of two figures holds if it holds for one
        if let alt = change.alternative, case let other = context.fact(alt), case let x = context.interval(other),
           (change.direction > 0 ? x - a : a - x).overlaps(stated(d, comparedWith: [old, other], context)) { return }
        if let t = totalBefore(new, context), case let x = context.interval(t),
           (change.direction > 0 ? x - a : a - x).overlaps(stated(d, comparedWith: [old, t], context)) { return }
        let points = d.kind == .percentagePoint
        let exact = change.direction > 0 ? context.value(new, inUnitOf: d) - context.value(old, inUnitOf: d)
                                         : context.value(old, inUnitOf: d) - context.value(new, inUnitOf: d)
        let scale = Show.scale([old, new, d])
        let template: EvidenceTemplate = change.direction > 0 ? (points ? .changeIncreasePoints : .changeIncrease)
                                                              : (points ? .changeDecreasePoints : .changeDecrease)
        let evidence = rule.evidence(template, [
            .computation: change.direction > 0 ? "\(new.literal) − \(old.literal)" : "\(old.literal) − \(new.literal)",
            .computed: Show.number(exact, scale: scale), .stated: d.literal])
        context.report(rule, main: d, others: [old, new], evidence: evidence)
    }

    /// "全年共组织413名青年…，其中A 356人、B 57人，较上年的452人减少39人": a figure stated as a total (共)
    /// before the current figure, in its sentence, of its kind, may be what is compared (when no list was
    /// made of them, the change has no alternative of its own).
    static func totalBefore(_ current: Fact, _ context: CheckContext) -> Fact? {
        guard let (ids, at) = context.positionInParagraph(of: current), let (p, s) = context.sentence(of: current) else { return nil }
        let markers = context.vocabulary[.wholeFirstMarkers]
        for k in stride(from: at - 1, through: max(0, at - 8), by: -1) {
            let f = context.fact(ids[k])
            guard let (p2, s2) = context.sentence(of: f), p2 == p, s2 == s else { break }
            if markers.occurs(in: f.label), f.change == 0, !f.comparesYears, !f.number.inRange, f.kind != .percent, f.kind != .bare,
               f.kind.isMoney == current.kind.isMoney { return f }
        }
        return nil
    }

    static func growthRate(_ rule: Rule, _ change: ChangeStatement, _ context: inout CheckContext) {
        guard let o = change.prior, let c = change.current, let r = change.rate else { return }
        let old = context.fact(o), new = context.fact(c), rate = context.fact(r)
        let a = context.interval(old), b = context.interval(new)
        // (B − A) ÷ A written as B ÷ A − 1: A named once, so interval arithmetic is exact
        guard let quotient = b / a else { return }
        let ratio = quotient - Interval(exactly: 1)
        let expected = ratio * Interval(exactly: 100) * Interval(exactly: Decimal(change.direction))
        if expected.overlaps(context.statedRate(rate)) { return }
        // a change that may speak of either of two figures holds if it holds for one
        if let alt = change.alternative, let q = context.interval(context.fact(alt)) / a,
           ((q - Interval(exactly: 1)) * Interval(exactly: 100) * Interval(exactly: Decimal(change.direction))).overlaps(context.statedRate(rate)) { return }
        if let t = totalBefore(new, context), let q = context.interval(t) / a,
           ((q - Interval(exactly: 1)) * Interval(exactly: 100) * Interval(exactly: Decimal(change.direction))).overlaps(context.statedRate(rate)) { return }
        let base = context.value(old, inUnitOf: new)
        guard base != 0 else { return }
        let exact = (context.value(new, inUnitOf: new) - base) / base * 100 * Decimal(change.direction)
        let evidence = rule.evidence(.changeGrowth, [.computation: "(\(new.literal) − \(old.literal)) ÷ \(old.literal) × 100",
                                                     .computed: Show.number(exact, scale: max(rate.number.decimals, 2)) + "%",
                                                     .stated: rate.literal + "%"])
        context.report(rule, main: rate, others: [old, new], evidence: evidence)
    }

    /// rate = change ÷ last year × 100; last year stated, or this year − change (增加) / + change (减少).
    static func yearOnYear(_ rule: Rule, _ change: ChangeStatement, _ context: inout CheckContext) {
        if change.difference == nil && !change.differenceParts.isEmpty { yearOnYearFromParts(rule, change, &context); return }
        guard let dd = change.difference, let r = change.rate, change.prior == nil || change.current == nil,
              let figure = change.prior ?? change.current else { return }
        let known = context.fact(figure), delta = context.fact(dd), rate = context.fact(r)
        let priorStated = change.prior != nil
        let k = context.interval(known), d = context.interval(delta)
        let statedRate = context.statedRate(rate)
        func fits(_ figure: Interval) -> Bool {
            let last = priorStated ? figure : (change.direction > 0 ? figure - d : figure + d)
            guard !last.contains(zero: ()) else { return true }
            if priorStated { return (d / last).map { ($0 * Interval(exactly: 100)).overlaps(statedRate) } ?? true }
            // last year = this year ∓ the change: the change is in both terms of the ratio, which
            // takes its extremes with the change at one of its ends (a quotient of two sums)
            return (ChangeCheck.ratioOverDerivedBase(d, figure, add: change.direction < 0) * Interval(exactly: 100)).overlaps(statedRate)
        }
        // a change that may speak of either of two figures holds if it holds for one
        if fits(k) || (change.alternative.map { fits(context.interval(context.fact($0))) } ?? false) { return }
        // "2022年支出3,102.46万元，2023年同比增加194.11万元，增长6.26%": the figure is dated to a year
        // before the change's, so it is the base the change is measured from
        if !priorStated, let ky = known.year, let dy = delta.year, ky < dy, !k.contains(zero: ()),
           (d / k).map({ ($0 * Interval(exactly: 100)).overlaps(statedRate) }) ?? true { return }
        // "2024年支出A，…。2023年支出比2022年减少D，下降P%": the figure is of a year after the change's own,
        // which states neither of its figures
        if !priorStated, let ky = known.year, let dy = delta.year, ky > dy, delta.yearSource == .clause { return }
        // one of the two written in 元 beside the other in 万元 makes the rate hold once read as 万元: a
        // unit slip, reported as one ("支出255,325万元，比上年同期增支14,484元，增长6.01%"; "收、支总计
        // 37,422.15元，…各增加2448.76万元，增长7%")
        if context.facts.dominantMoneyUnit != .yuan {
            for (slipped, other) in [(delta, known), (known, delta)] where slipped.kind.moneyUnit == .yuan && other.kind.moneyUnit == .wanYuan {
                let scaled = PartsCheck.scaledInterval(slipped, [slipped.id], context)
                let (figure, diff) = slipped.id == delta.id ? (k, scaled) : (scaled, d)
                let last = priorStated ? figure : (change.direction > 0 ? figure - diff : figure + diff)
                if let ratio = diff / last, (ratio * Interval(exactly: 100)).overlaps(statedRate),
                   context.handOver(.unit(slipped: [slipped], involved: [known, delta, rate], written: .yuan)) {
                    return
                }
            }
        }
        let knownValue = context.value(known, inUnitOf: delta)
        let lastExact = priorStated ? knownValue : (change.direction > 0 ? knownValue - delta.value : knownValue + delta.value)
        guard lastExact != 0 else { return }
        let exact = delta.value / lastExact * 100
        let scale = Show.scale([known, delta])
        let baseName = change.base ?? rule.evidence(.changeDefaultBase, [:])
        let prior = priorStated ? rule.evidence(.changePriorStated, [.base: baseName, .figure: known.literal])
            : rule.evidence(.changePriorDerived, [.base: baseName, .computation: "\(known.literal) \(change.direction > 0 ? "−" : "+") \(delta.literal)",
                                                  .computed: Show.number(lastExact, scale: scale)])
        var evidence = rule.evidence(change.direction > 0 ? .changeYearOnYearIncrease : .changeYearOnYearDecrease, [
            .prior: prior, .computation: "\(delta.literal) ÷ \(Show.number(lastExact, scale: scale)) × 100",
            .computed: Show.number(exact, scale: max(2, rate.number.decimals)) + "%", .stated: rate.literal + "%"])
        // the classic slip: the change divided by this year's figure instead of the earlier one
        if !priorStated, let wrong = d / k, (wrong * Interval(exactly: 100)).overlaps(statedRate) {
            evidence += rule.evidence(.changeWrongBase, [.figure: known.literal, .base: baseName])
        }
        context.report(rule, main: rate, others: [known, delta], evidence: evidence)
    }

    /// change ÷ (figure + change) (`add`) or change ÷ (figure − change), over every value of the two
    /// intervals: the quotient of two sums of them takes its least and greatest values at their ends,
    /// where interval arithmetic on the two terms apart would take the change as two independent
    /// values and widen the rate (10 − 3 ÷ 28.6% passed as 3 ÷ [12, 14]). The divisor must not hold 0.
    static func ratioOverDerivedBase(_ change: Interval, _ figure: Interval, add: Bool) -> Interval {
        var range: Interval?
        for c in [change.lo, change.hi] {
            let exact = Interval(exactly: c)
            guard let r = exact / (add ? figure + exact : figure - exact) else { continue }
            range = range?.hull(r) ?? r
        }
        return range ?? Interval(lo: -Decimal.greatestFiniteMagnitude, hi: Decimal.greatestFiniteMagnitude)
    }

    /// "X，与上年相比增长P%，其中A增加a，B增加b，C减少c": the difference is the parts' changes added
    /// up with their signs; last year's X is X minus it.
    static func yearOnYearFromParts(_ rule: Rule, _ change: ChangeStatement, _ context: inout CheckContext) {
        guard let r = change.rate, let c = change.current else { return }
        let known = context.fact(c), rate = context.fact(r)
        let parts = change.differenceParts.map { context.fact($0) }
        var d = Interval(exactly: 0)
        var exactD = Decimal(0)
        var terms = [String]()
        for (n, f) in parts.enumerated() {
            d = f.change > 0 ? d + context.interval(f) : d - context.interval(f)
            exactD += f.change > 0 ? context.value(f, inUnitOf: known) : -context.value(f, inUnitOf: known)
            terms.append((n == 0 ? (f.change > 0 ? "" : "−") : (f.change > 0 ? " + " : " − ")) + f.literal)
        }
        // the rate's direction and the parts' net change must agree, or the statement is read wrong
        guard (exactD > 0) == (change.direction > 0) || exactD == 0 else { return }
        let magnitude = change.direction > 0 ? d : Interval(exactly: 0) - d
        let last = context.interval(known) - d
        let statedRate = context.interval(rate)
        guard let ratio = magnitude / last, !(ratio * Interval(exactly: 100)).overlaps(statedRate) else { return }
        let lastExact = known.value - exactD
        guard lastExact != 0 else { return }
        let scale = Show.scale([known] + parts)
        let sum = "(" + terms.joined() + ")"
        let baseName = change.base ?? rule.evidence(.changeDefaultBase, [:])
        let prior = rule.evidence(.changePriorDerived, [.base: baseName, .computation: "\(known.literal) − \(sum)",
                                                        .computed: Show.number(lastExact, scale: scale)])
        let exact = abs(exactD) / lastExact * 100
        let evidence = rule.evidence(change.direction > 0 ? .changeYearOnYearIncrease : .changeYearOnYearDecrease, [
            .prior: prior, .computation: "\(Show.number(abs(exactD), scale: scale)) ÷ \(Show.number(lastExact, scale: scale)) × 100",
            .computed: Show.number(exact, scale: max(2, rate.number.decimals)) + "%", .stated: rate.literal + "%"])
        context.report(rule, main: rate, others: [known] + parts, evidence: evidence)
    }

    /// "完成年初预算的53.5%，超序时进度3.5个百分点": the completion rate less the schedule (stated,
    /// or the months of the period named over twelve) is the stated difference.
    static func scheduleProgress(_ rule: Rule, _ statement: ScheduleProgressStatement, _ context: inout CheckContext) {
        let completion = context.fact(statement.completion), points = context.fact(statement.points)
        let schedule: Interval, scheduleText: String, baseText: String
        var others = [completion]
        if let q = statement.stated {
            let stated = context.fact(q)
            schedule = context.interval(stated)
            scheduleText = stated.literal + "%"
            baseText = stated.label
            others.append(stated)
        } else if let months = statement.months {
            let exact = Decimal(months) * 100 / 12
            // a third of a point and the like: the schedule as written to two decimals at most
            schedule = months % 3 == 0 ? Interval(exactly: exact) : Interval(lo: exact - Decimal(string: "0.005")!, hi: exact + Decimal(string: "0.005")!)
            scheduleText = Show.number(exact, scale: months % 3 == 0 ? 0 : 2) + "%"
            baseText = (statement.period ?? "") + "：" + "\(months)/12"
        } else {
            return
        }
        let rate = context.interval(completion)
        let expected = statement.direction > 0 ? rate - schedule : schedule - rate
        if expected.overlaps(ChangeCheck.stated(points, comparedWith: [completion], context)) { return }
        let exactSchedule = statement.stated.map { context.fact($0).value } ?? Decimal(statement.months ?? 0) * 100 / 12
        let exact = statement.direction > 0 ? completion.value - exactSchedule : exactSchedule - completion.value
        let computation = statement.direction > 0 ? "\(completion.literal)% − \(scheduleText)" : "\(scheduleText) − \(completion.literal)%"
        let evidence = rule.evidence(.changeSchedule, [.computation: computation, .computed: Show.number(exact, scale: max(points.number.decimals, 1)),
                                                       .stated: points.literal, .base: baseText])
        context.report(rule, main: points, others: others, evidence: evidence)
    }
}
