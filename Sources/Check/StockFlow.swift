import Foundation
import JXCore
import JXExtract
import JXRules

/// `check = "stock-flow"`: a stock stated against an earlier one, with what came in and went out
/// between them: "登记在册隐患点212处，较上年末的217处核销9处、新增4处" — 212 is 217 − 9 + 4.
/// The flows are the figures right after the earlier stock, each named by a word that adds it
/// (`increase_words`) or takes it off (`decrease_words`); two of them at least (one alone is a
/// stated change, which the change checks read). All in one sentence, of one measure.
enum StockFlow {
    static func check(_ rule: Rule, _ context: inout CheckContext) {
        let increase = rule[.increaseWords], decrease = rule[.decreaseWords]
        guard !increase.isEmpty, !decrease.isEmpty else { return }
        func plain(_ f: Fact) -> Bool {
            !f.number.inRange && f.number.comparator == nil && f.shareOf == nil && !f.number.approximate && !f.isTarget
                && f.kind != .percent && f.kind != .bare && f.kind != .score
        }
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 4 else { continue }
            let s = paragraph.text.scalars
            for n in 1..<(ids.count - 2) {
                let stock = context.fact(ids[n - 1]), earlier = context.fact(ids[n])
                // the stock, then the earlier one it is compared with ("较上年末的217处")
                guard plain(stock), plain(earlier), stock.change == 0, !stock.comparesYears, earlier.comparesYears, earlier.change == 0,
                      earlier.kind == stock.kind, earlier.number.parenDepth == stock.number.parenDepth,
                      let place = context.sentence(of: stock), let other = context.sentence(of: earlier), place == other else { continue }
                var flows = [(fact: Fact, sign: Decimal)]()
                var previous = earlier
                for id in ids[(n + 1)...] {
                    let f = context.fact(id)
                    guard plain(f), f.kind == stock.kind, f.number.parenDepth == stock.number.parenDepth, !f.comparesYears,
                          let at = context.sentence(of: f), at == place else { break }
                    // right after the figure before, in its clause run ("核销9处、新增4处")
                    let from = previous.number.range.upperBound, to = f.number.numberRange.lowerBound
                    guard from < to, to - from <= 8, !s[from..<to].contains(where: { $0 == "。" || $0 == "；" || $0 == ";" }) else { break }
                    let label = ScalarString.scalars(f.label)
                    let up = increase.suffixLength(label, endingAt: label.count) > 0, down = decrease.suffixLength(label, endingAt: label.count) > 0
                    guard up != down else { break }
                    flows.append((f, up ? 1 : -1))
                    previous = f
                }
                guard flows.count >= 2 else { continue }
                let computed = flows.reduce(context.interval(earlier)) { total, flow in
                    flow.sign > 0 ? total + context.interval(flow.fact) : total - context.interval(flow.fact)
                }
                if computed.overlaps(context.interval(stock)) { continue }
                let exact = flows.reduce(context.value(earlier, inUnitOf: stock)) { $0 + $1.sign * context.value($1.fact, inUnitOf: stock) }
                let scale = Show.scale([stock, earlier] + flows.map(\.fact))
                let terms = earlier.literal + flows.map { ($0.sign > 0 ? " + " : " − ") + $0.fact.literal }.joined()
                context.report(rule, main: stock, others: [earlier] + flows.map(\.fact), evidence: rule.evidence(.partsSum, [
                    .computation: "\(terms) = \(Show.number(exact, scale: scale))", .stated: stock.literal,
                    .difference: Show.number(abs(exact - stock.value), scale: scale)]))
            }
        }
    }
}
