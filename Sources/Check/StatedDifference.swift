import Foundation
import JXCore
import JXExtract
import JXRules
import JXNormalize

/// `check = "stated-difference"`: a difference the text spells out with its verb.
///  - "全年应付服务费A，扣除考核扣款B后实付C": C is A less B (the words before B say it is taken off,
///    the words after it say what remains: `minus_words`, `after_words`);
///  - "结转结余C，即收入总计A减去本年支出B后的余额": C, restated (`restatement_words`) as A less B.
/// The three figures stand in one sentence, in one family, none of them a change, a range or a share.
enum StatedDifference {
    static func check(_ rule: Rule, _ context: inout CheckContext) {
        let minus = rule[.minusWords], after = rule[.afterWords], restated = rule[.restatementWords]
        let additions = context.vocabulary[.additionMarkers]
        guard !minus.isEmpty, !after.isEmpty else { return }
        func plain(_ f: Fact) -> Bool {
            f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && f.shareOf == nil
                && !f.number.approximate && !f.isTarget && f.kind != .percent && f.kind != .bare
        }
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 3 else { continue }
            let s = paragraph.text.scalars
            // the words between two figures, clause marks left out of nothing: the gap as scalars
            func gap(_ x: Fact, _ y: Fact) -> ArraySlice<Unicode.Scalar> { x.gap(to: y, in: s) }
            for n in 1..<ids.count {
                let a = context.fact(ids[n - 1]), b = context.fact(ids[n])
                guard plain(a), plain(b), a.kind.sameFamily(as: b.kind),
                      let (pa, sa) = context.sentence(of: a), let (pb, sb) = context.sentence(of: b), pa == pb, sa == sb else { continue }
                // "A，扣除…B": the verb in the words before B, after A (a short stretch, no other clause)
                let ab = gap(a, b)
                guard ab.count <= 24, minus.firstMatch(in: s, from: a.number.range.upperBound, before: b.number.numberRange.lowerBound) != nil,
                      !ab.contains(where: { $0 == "。" || $0 == "；" || $0 == ";" }) else { continue }
                // "B后": what follows B says what remains
                var k = b.number.range.upperBound
                while k < s.count && CharClass.isWhitespace(s[k]) { k += 1 }
                guard after.prefixLength(s, at: k) > 0 else { continue }
                var c: Fact?
                if n + 1 < ids.count {
                    let next = context.fact(ids[n + 1])
                    let bc = gap(b, next)
                    // "B后实付C": the remainder named right after, in the clause
                    if plain(next), next.kind.sameFamily(as: b.kind), bc.count <= 12, !bc.contains(where: { $0 == "。" || $0 == "；" || $0 == ";" }),
                       let (pc, sc) = context.sentence(of: next), pc == pa, sc == sa { c = next }
                }
                if c == nil, n >= 2, !restated.isEmpty {
                    // "C，即A减去B后的余额"
                    let before = context.fact(ids[n - 2])
                    let ca = gap(before, a)
                    if plain(before), before.kind.sameFamily(as: a.kind), ca.count <= 12, restated.occurs(in: ScalarString.make(ca)),
                       let (pc, sc) = context.sentence(of: before), pc == pa, sc == sa { c = before }
                }
                guard let c else { continue }
                // "年初结转A，加上本年收入A2，扣除本年支出B后，年末结转C": what B is taken off is A + A2
                var minuend = [a]
                var m = n - 1
                while m >= 1, additions.isPrefix(of: context.fact(ids[m]).label), context.fact(ids[m - 1]).id != c.id {
                    let earlier = context.fact(ids[m - 1])
                    guard plain(earlier), earlier.kind.sameFamily(as: a.kind), let (pe, se) = context.sentence(of: earlier), pe == pa, se == sa else { break }
                    minuend.insert(earlier, at: 0)
                    m -= 1
                }
                let taken = minuend.dropFirst().reduce(context.interval(minuend[0])) { $0 + context.interval($1) }
                let computed = taken - context.interval(b)
                if computed.overlaps(context.interval(c)) { continue }
                // ("上级补助A1，上年结转A，扣除上解B后，可用财力C": what remains exceeds the figure B is taken off,
                // and another figure stands before it in the list of its clause: B is taken off them all, not
                // off A alone; "合同金额A扣除考核扣款B后为C" with C above A is a slip)
                if Decimals.less(taken.hi, context.interval(c).lo), m >= 1, case let earlier = context.fact(ids[m - 1]), earlier.id != c.id,
                   plain(earlier), earlier.kind.sameFamily(as: a.kind), earlier.number.parenDepth == minuend[0].number.parenDepth,
                   let (pe, se) = context.sentence(of: earlier), pe == pa, se == sa,
                   case let between = gap(earlier, minuend[0]), between.count <= 16, between.contains(where: { $0 == "，" || $0 == "," || $0 == "、" }),
                   !between.contains(where: { $0 == "（" || $0 == "(" || $0 == "）" || $0 == ")" }) { continue }
                let exact = minuend.reduce(Decimal(0)) { $0 + context.value($1, inUnitOf: c) } - context.value(b, inUnitOf: c)
                let scale = Show.scale(minuend + [b, c])
                let terms = minuend.map(\.literal).joined(separator: " + ")
                context.report(rule, main: c, others: minuend + [b], evidence: rule.evidence(.partsSum, [
                    .computation: "\(terms) − \(b.literal) = \(Show.number(exact, scale: scale))", .stated: c.literal,
                    .difference: Show.number(abs(exact - c.value), scale: scale)]))
            }
        }
    }
}
