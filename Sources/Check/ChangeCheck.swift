import Foundation
import JXCore
import JXExtract
import JXRules

/// `kind = "change"`: a stated increase or decrease against the two figures it compares.
///  - difference: "A…，B…，增长D": D = B − A (增加) or A − B (减少);
///  - growth-rate: "由A增加至B，增长P%": P = (B − A) ÷ A × 100.
enum ChangeCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "year-on-year" {
            for change in context.facts.changes where change.form != .between { yearOnYear(rule, change, &context) }
            return
        }
        for change in context.facts.changes where change.form == .between {
            let old = context.fact(change.old), new = context.fact(change.new), d = context.fact(change.change)
            let percent = d.kind == .percent
            guard (rule.check == "growth-rate") == percent else { continue }
            let a = context.interval(old), b = context.interval(new)
            let stated = context.interval(d)
            let expected: Interval?
            if percent {
                expected = ((b - a) / a).map { $0 * Interval(exactly: 100) * Interval(exactly: Decimal(change.direction)) }
            } else {
                expected = change.direction > 0 ? b - a : a - b
            }
            guard let e = expected, !e.overlaps(stated) else { continue }
            let word = change.direction > 0 ? "增加" : "减少"
            let exactDiff = change.direction > 0 ? context.value(new, inUnitOf: d) - context.value(old, inUnitOf: d) : context.value(old, inUnitOf: d) - context.value(new, inUnitOf: d)
            let scale = Show.scale([old, new, d])
            let evidence: String
            if percent {
                let base = context.value(old, inUnitOf: new)
                let rate = base == 0 ? Decimal(0) : (context.value(new, inUnitOf: new) - base) / base * 100 * Decimal(change.direction)
                evidence = "(\(new.literal) − \(old.literal)) ÷ \(old.literal) × 100 = \(Show.number(rate, scale: max(d.number.decimals, 2)))% ≠ \(d.literal)%"
            } else {
                evidence = (change.direction > 0 ? "\(new.literal) − \(old.literal)" : "\(old.literal) − \(new.literal)")
                    + " = \(Show.number(exactDiff, scale: scale)) ≠ \(d.literal)（所述\(word)额）"
            }
            context.report(rule, main: d, others: [old, new], evidence: evidence)
        }
    }

    /// rate = change ÷ last year × 100, last year = this year − change (增加) or + change (减少).
    static func yearOnYear(_ rule: Rule, _ change: ChangeStatement, _ context: inout CheckContext) {
        let current = context.fact(change.old), delta = context.fact(change.new), rate = context.fact(change.change)
        let a = context.interval(current), d = context.interval(delta)
        let priorStated = change.form == .priorStated
        let last = priorStated ? a : (change.direction > 0 ? a - d : a + d)
        guard let ratio = d / last else { return }
        let expected = ratio * Interval(exactly: 100)
        let stated = Interval(shown: rate.value, decimals: rate.number.decimals, roundedInteger: true)
        if expected.overlaps(stated) { return }
        let currentValue = context.value(current, inUnitOf: delta)
        let lastExact = priorStated ? currentValue : (change.direction > 0 ? currentValue - delta.value : currentValue + delta.value)
        guard lastExact != 0 else { return }
        let exact = delta.value / lastExact * 100
        let word = change.direction > 0 ? "增长" : "下降"
        let scale = Show.scale([current, delta])
        let lastText = priorStated ? "上年 \(current.literal)" : "上年 = \(current.literal) \(change.direction > 0 ? "−" : "+") \(delta.literal) = \(Show.number(lastExact, scale: scale))"
        let evidence = "\(lastText)；\(delta.literal) ÷ \(Show.number(lastExact, scale: scale)) × 100 = \(Show.number(exact, scale: max(2, rate.number.decimals)))% ≠ \(word)\(rate.literal)%"
        context.report(rule, main: rate, others: [current, delta], evidence: evidence)
    }
}
