import Foundation
import JXCore
import JXNormalize
import JXExtract
import JXRules
import JXStructure

/// `check = "written-product"`: a product the text writes out beside its amount must come to it.
///  - "年初预算安排保安服务费890.88万元（232名×3,200元×12个月）": the factors in brackets right after;
///  - "232名×3,200元×12个月=890.88万元", "补助资金=58,120亩×10元=58.12万元": the factors, then "=" and the amount;
///  - "补助资金58.12万元=58,120亩×10元": the amount, then "=" and the factors.
/// One factor is money (its unit gives the product's), the others counts, plain numbers or
/// percentages; a chain with another operator in it ("×92.5÷100") is not read. Rounding counts: each
/// factor stands for its interval.
enum WrittenProducts {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        let times = context.vocabulary[.multiplicationSigns], equals = rule[.equalsSigns], operators = rule[.otherOperators]
        for p in context.doc.paragraphs.indices where p < context.facts.paragraphFacts.count {
            let ids = context.facts.paragraphFacts[p]
            guard ids.count >= 3 else { continue }
            let s = context.doc.paragraphs[p].text.scalars
            // a cheap test first: most paragraphs write out no product
            guard s.contains(where: { times.mayStart(with: $0) }) else { continue }
            var next = 0
            while next < ids.count {
                // the longest chain of factors joined by multiplication signs from here
                let k = next
                var end = k + 1
                while end < ids.count, joined(context.fact(ids[end - 1]), context.fact(ids[end]), in: s, by: times) { end += 1 }
                next = end
                guard end - k >= 2 else { continue }
                let factors = ids[k..<end].map { context.fact($0) }
                // nothing else of an expression on either side ("×92.5÷100", "1+2×3")
                let before = lastNonSpace(s, before: factors[0].number.numberRange.lowerBound)
                let after = firstNonSpace(s, from: factors[factors.count - 1].number.range.upperBound)
                if let b = before, operators.contains(String(s[b])) || times.suffixLength(s, endingAt: b + 1) > 0 || CharClass.isDigit(s[b]) { continue }
                if let a = after, operators.contains(String(s[a])) || times.prefixLength(s, at: a) > 0 { continue }
                // the amount: in brackets round the chain, after "=", or before "="
                var amount: Fact?
                if let b = before, let a = after, isOpening(s[b]), isClosing(s[a]), k > 0,
                   case let previous = context.fact(ids[k - 1]), lastNonSpace(s, before: b).map({ $0 + 1 == previous.number.range.upperBound }) == true {
                    amount = previous
                } else if let a = after, equals.prefixLength(s, at: a) > 0, end < ids.count,
                          case let next = context.fact(ids[end]), firstNonSpace(s, from: a + equals.prefixLength(s, at: a)) == next.number.numberRange.lowerBound {
                    amount = next
                } else if let b = before, equals.suffixLength(s, endingAt: b + 1) > 0, k > 0,
                          case let previous = context.fact(ids[k - 1]),
                          lastNonSpace(s, before: b + 1 - equals.suffixLength(s, endingAt: b + 1)).map({ $0 + 1 == previous.number.range.upperBound }) == true {
                    amount = previous
                }
                guard let a = amount, let unit = a.kind.moneyUnit, plain(a) else { continue }
                check(rule, amount: a, unit: unit, factors: factors, &context)
            }
        }
    }

    static func check(_ rule: Rule, amount a: Fact, unit: MoneyUnit, factors: [Fact], _ context: inout CheckContext) {
        guard factors.allSatisfy(plain), factors.filter({ $0.kind.isMoney }).count == 1 else { return }
        var product = Interval(exactly: 1)
        var exact = Decimal(1)
        for f in factors {
            if f.kind == .percent {
                product = product * context.interval(f) * Interval(exactly: Decimal(string: "0.01")!)
                exact *= f.value / 100
            } else if let u = f.kind.moneyUnit {
                guard u.isDollar == unit.isDollar else { return }
                product = product * context.interval(f)
                exact *= f.value * Decimals.pow10(u.exponent - unit.exponent)
            } else {
                product = product * context.interval(f)
                exact *= f.value
            }
        }
        if product.overlaps(context.interval(a)) { return }
        let terms = factors.map(\.shown).joined(separator: " × ")
        context.report(rule, main: a, others: factors, evidence: rule.evidence(.averageMismatch, [
            .computation: terms, .computed: Show.number(exact, scale: max(a.number.decimals, 2)) + a.number.unitText, .stated: a.shown]))
    }

    /// A figure as written: no change, comparison, range, bound or estimate.
    static func plain(_ f: Fact) -> Bool {
        f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && !f.number.approximate && f.shareOf == nil
    }

    /// Only a multiplication sign (and spaces) between the two figures.
    static func joined(_ a: Fact, _ b: Fact, in s: [Unicode.Scalar], by times: WordSet) -> Bool {
        guard let i = firstNonSpace(s, from: a.number.range.upperBound), i < b.number.numberRange.lowerBound else { return false }
        let n = times.prefixLength(s, at: i)
        return n > 0 && firstNonSpace(s, from: i + n) == b.number.numberRange.lowerBound
    }

    static func firstNonSpace(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var k = i
        while k < s.count && CharClass.isWhitespace(s[k]) { k += 1 }
        return k < s.count ? k : nil
    }

    static func lastNonSpace(_ s: [Unicode.Scalar], before i: Int) -> Int? {
        var k = min(i, s.count) - 1
        while k >= 0 && CharClass.isWhitespace(s[k]) { k -= 1 }
        return k >= 0 ? k : nil
    }

    static func isOpening(_ c: Unicode.Scalar) -> Bool { c == "（" || c == "(" }
    static func isClosing(_ c: Unicode.Scalar) -> Bool { c == "）" || c == ")" }
}
