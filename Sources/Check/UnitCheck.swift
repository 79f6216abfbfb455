import Foundation
import JXCore
import JXExtract
import JXRules

/// `kind = "unit"`: money units that cannot all be right.
///  - same-number-two-units: one figure written with 元 in one place and 万元 in another;
///  - out-of-scale: an amount in 元 in a report that counts in 万元, where a 元 amount of that size
///    makes no sense (a budget, spending or carry-over figure, not a per-person standard);
///  - out-of-scale-wan: the mirror, an amount in 万元 far beyond anything a report counting in 元 states;
///  - mixed-units-in-relation: reported by the relation checks when a relation holds only if a
///    figure written in 元 is read as 万元 (or, in a report counting in 元, one in 万元 read as 元).
enum UnitCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        switch rule.check {
        case "same-number-two-units": sameNumber(rule, &context)
        case "out-of-scale": outOfScale(rule, &context)
        case "out-of-scale-wan": outOfScaleWan(rule, &context)
        default: break
        }
    }

    static func perUnit(_ f: Fact, _ rule: Rule, _ context: CheckContext) -> Bool {
        let words = rule.words("per_unit_words")
        if words.contains(where: { f.label.contains($0) }) { return true }
        // "500元/人", "元/平方米"
        let after = textAfter(f, context, count: 2)
        return after.hasPrefix("/") || after.hasPrefix("每") || after.hasPrefix("／")
    }

    static func textAfter(_ f: Fact, _ context: CheckContext, count: Int) -> String {
        switch f.place {
        case .text(let p, _, _):
            let text = context.doc.paragraphs[p].text
            let end = f.number.range.upperBound
            return text.string(end..<min(text.count, end + count))
        case .cell:
            return ""
        }
    }

    /// Counts of CNY amounts per unit over the whole report.
    static func unitCounts(_ context: CheckContext) -> (wan: Int, yuan: Int) {
        var wan = 0, yuan = 0
        for f in context.facts.facts where !f.unitAssumed {
            switch f.kind.moneyUnit {
            case .wanYuan?: wan += 1
            case .yuan?: yuan += 1
            default: break
            }
        }
        return (wan, yuan)
    }

    static func wanYuanReport(_ rule: Rule, _ context: CheckContext) -> Bool {
        let (wan, yuan) = unitCounts(context)
        let minimum = NSDecimalNumber(decimal: rule.number("min_wan_yuan_amounts", default: 5)).intValue
        let factor = rule.number("dominance", default: 3)
        return wan >= minimum && Decimal(wan) >= factor * Decimal(yuan)
    }

    static func sameNumber(_ rule: Rule, _ context: inout CheckContext) {
        let money = context.facts.facts.filter { ($0.kind.moneyUnit == .yuan || $0.kind.moneyUnit == .wanYuan) && !$0.number.inRange && !$0.unitAssumed }
        var byValue = [Decimal: [Fact]]()
        for f in money where f.value != 0 { byValue[abs(f.value), default: []].append(f) }
        let dominant = context.facts.dominantMoneyUnit ?? .wanYuan
        for (value, group) in byValue {
            let yuan = group.filter { $0.kind.moneyUnit == .yuan }
            let wan = group.filter { $0.kind.moneyUnit == .wanYuan }
            guard !yuan.isEmpty, !wan.isEmpty else { continue }
            let distinctive = group.contains { $0.number.decimals > 0 } || value >= 100
            guard distinctive else { continue }
            let odd = dominant == .yuan ? wan : yuan
            let usual = dominant == .yuan ? yuan : wan
            for f in odd where !perUnit(f, rule, context) {
                let other = usual[0]
                let evidence = "\(f.shown) 与 \(other.shown)（\(context.describe(other))）是同一个数字，单位却差一万倍"
                context.report(rule, main: f, others: [other], evidence: evidence)
            }
        }
    }

    static func outOfScale(_ rule: Rule, _ context: inout CheckContext) {
        guard wanYuanReport(rule, context) else { return }
        let (wan, _) = unitCounts(context)
        let limit = rule.number("max_yuan_amount", default: 1_000_000)
        let fiscalWords = rule.words("fiscal_words")
        let integerMeasures = Set(rule.words("integer_measures"))
        let minimumIntegerYuan = rule.number("min_integer_yuan", default: 100)
        for f in context.facts.facts where f.kind.moneyUnit == .yuan && f.value != 0 && !f.number.inRange {
            guard abs(f.value) < limit, !perUnit(f, rule, context) else { continue }
            let fiscal = fiscalWords.contains { f.label.contains($0) } || f.concept.measure != nil
            guard fiscal else { continue }
            if f.number.decimals == 0 {
                // a whole number of 元 is often a legitimate small amount; only a budget-side figure, or
                // funds of a size no 元 amount of the report comes near, is odd
                let budgetSide = f.concept.measure.map { integerMeasures.contains($0) } ?? false
                guard (budgetSide && abs(f.value) < 10000) || abs(f.value) >= minimumIntegerYuan else { continue }
            }
            let evidence = "\(f.shown)：本报告其余 \(wan) 处金额以万元计，\(context.describe(f)) 以元计相差一万倍"
            context.report(rule, main: f, evidence: evidence)
        }
    }

    /// The mirror of `outOfScale`: in a report that counts in 元, an amount in 万元 ten thousand
    /// times larger than its context ("“三公”经费预算96,000.00元，实际支出78,462.50万元").
    static func outOfScaleWan(_ rule: Rule, _ context: inout CheckContext) {
        let (wan, yuan) = unitCounts(context)
        let minimum = NSDecimalNumber(decimal: rule.number("min_yuan_amounts", default: 5)).intValue
        guard yuan >= minimum, Decimal(yuan) >= rule.number("dominance", default: 3) * Decimal(wan) else { return }
        let money = context.facts.facts.filter { !$0.number.inRange && !$0.unitAssumed && $0.value != 0 }
        // the largest amount the report states in 元: its whole budget, or near it
        guard let largest = money.filter({ $0.kind.moneyUnit == .yuan }).map({ abs($0.value) }).max(), largest > 0 else { return }
        let factor = rule.number("factor", default: 100)
        let fiscalWords = rule.words("fiscal_words")
        for f in money where f.kind.moneyUnit == .wanYuan && !perUnit(f, rule, context) {
            guard f.concept.measure != nil || fiscalWords.contains(where: { f.label.contains($0) }) else { continue }
            guard f.number.decimals > 0, abs(f.value) * 10000 > factor * largest else { continue }
            let evidence = "\(f.shown) 即 \(Show.number(abs(f.value) * 10000, scale: 0)) 元，是本报告以元计的最大金额（\(Show.number(largest, scale: 2)) 元）的 \(Show.number(abs(f.value) * 10000 / largest, scale: 0)) 倍；本报告其余 \(yuan) 处金额以元计"
            context.report(rule, main: f, evidence: evidence)
        }
    }

    /// Called by relation checks: the relation holds when the figures written in 元 are read as 万元.
    static func reportMixed(_ rule: Rule, slipped: [Fact], involved: [Fact], _ context: inout CheckContext) {
        for f in slipped {
            let others = involved.filter { $0.id != f.id }
            let (read, written) = f.kind.moneyUnit == .wanYuan ? ("元", "万元") : ("万元", "元")
            let evidence = "按“\(read)”读 \(f.shown)，与 " + others.prefix(4).map(\.shown).joined(separator: "、") + " 的关系即成立；按“\(written)”读则不成立"
            context.report(rule, main: f, others: others, evidence: evidence)
        }
    }
}
