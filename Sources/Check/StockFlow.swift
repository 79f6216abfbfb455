import Foundation
import JXCore
import JXExtract
import JXRules

/// `check = "stock-flow"`: a stock stated against an earlier one, with what came in and went out
/// between them: "登记在册隐患点212处，较上年末的217处核销9处、新增4处" — 212 is 217 − 9 + 4.
/// The flows are the figures right after the earlier stock, each named by a word that adds it
/// (`increase_words`) or takes it off (`decrease_words`); two of them at least (one alone is a
/// stated change, which the change checks read). All in one sentence, of one measure.
/// The other order reads the same way: the stock at the start (`period_start_words`: 年初, 期初, or a
/// closing word dated the year before), the flows, then the stock at the end (`period_end_words`):
/// "年初在职人员52人，本年调入3人、退休2人，年末在职人员53人" — 53 is 52 + 3 − 2.
enum StockFlow {
    static func check(_ rule: Rule, _ context: inout CheckContext) {
        let increase = rule[.increaseWords], decrease = rule[.decreaseWords]
        guard !increase.isEmpty, !decrease.isEmpty else { return }
        func plain(_ f: Fact) -> Bool {
            !f.number.inRange && f.number.comparator == nil && f.shareOf == nil && !f.number.approximate && !f.isTarget
                && f.kind != .percent && f.kind != .bare && f.kind != .score
        }
        let opening = rule[.periodStartWords], closing = rule[.periodEndWords]
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 4 else { continue }
            let s = paragraph.text.scalars
            // Close enough to the figure before to be the next item of its clause run: no sentence
            // or list end between them.
            func follows(_ f: Fact, _ previous: Fact, within gap: Int) -> Bool {
                let from = previous.number.range.upperBound, to = f.number.numberRange.lowerBound
                return from < to && to - from <= gap && !s[from..<to].contains(where: { $0 == "。" || $0 == "；" || $0 == ";" })
            }
            // "新增1,058户1,642人": two figures of one thing side by side, in two measure words; the second
            // is named by the first's label
            func adjacent(_ a: Int, _ b: Int) -> Bool {
                a >= 0 && b < ids.count && context.fact(ids[a]).number.range.upperBound == context.fact(ids[b]).number.numberRange.lowerBound
            }
            func label(_ k: Int) -> String {
                let f = context.fact(ids[k])
                return f.label.isEmpty && adjacent(k - 1, k) ? context.fact(ids[k - 1]).label : f.label
            }
            // a figure of another measure word beside one of the stock's is its partner, passed over
            func partnerOfAnother(_ k: Int, _ stock: Fact) -> Bool {
                context.fact(ids[k]).kind != stock.kind && (adjacent(k - 1, k) || adjacent(k, k + 1))
            }
            // The flows right after `start` ("核销9处、新增4处"), as far as they go.
            // The first may stand further off, after the period it is of ("，2024年新录用26人").
            func flows(after n: Int, of stock: Fact, in place: (paragraph: Int, sentence: Int), firstGap: Int = 8) -> [(fact: Fact, sign: Decimal, index: Int)] {
                var found = [(fact: Fact, sign: Decimal, index: Int)]()
                var previous = context.fact(ids[n])
                // (the partners passed over since the figure before: their text is no gap)
                var passed = 0
                for k in (n + 1)..<ids.count {
                    let f = context.fact(ids[k])
                    if partnerOfAnother(k, stock) { passed += f.number.range.count; continue }
                    guard plain(f), f.kind == stock.kind, f.number.parenDepth == stock.number.parenDepth, !f.comparesYears,
                          let at = context.sentence(of: f), at == place, follows(f, previous, within: (found.isEmpty ? firstGap : 8) + passed) else { break }
                    passed = 0
                    let label = ScalarString.scalars(label(k))
                    let up = increase.suffixLength(label, endingAt: label.count) > 0, down = decrease.suffixLength(label, endingAt: label.count) > 0
                    guard up != down else { break }
                    found.append((f, up ? 1 : -1, k))
                    previous = f
                }
                return found
            }
            var n = 0
            while n + 3 < ids.count {
                let start = context.fact(ids[n])
                n += 1
                // the stock at the start of the period, its flows, then the stock at its end
                guard plain(start), start.change == 0, !start.comparesYears, let place = context.sentence(of: start),
                      isOpening(start, label: label(n - 1), opening, closing, fiscalYear: context.facts.fiscalYear) else { continue }
                let moves = flows(after: n - 1, of: start, in: place, firstGap: 12)
                guard moves.count >= 2, let last = moves.last else { continue }
                var e = last.index + 1, passed = 0
                while e < ids.count, partnerOfAnother(e, start) { passed += context.fact(ids[e]).number.range.count; e += 1 }
                guard e < ids.count else { continue }
                let end = context.fact(ids[e]), endLabel = label(e)
                guard plain(end), end.change == 0, !end.comparesYears, end.kind == start.kind, end.number.parenDepth == start.number.parenDepth,
                      let at = context.sentence(of: end), at == place, follows(end, last.fact, within: 12 + passed), closing.occurs(in: endLabel),
                      !opening.occurs(in: endLabel) else { continue }
                check(rule, &context, stock: end, earlier: start, flows: moves.map { ($0.fact, $0.sign) })
            }
            for n in 1..<(ids.count - 2) {
                let stock = context.fact(ids[n - 1]), earlier = context.fact(ids[n])
                // the stock, then the earlier one it is compared with ("较上年末的217处")
                guard plain(stock), plain(earlier), stock.change == 0, !stock.comparesYears, earlier.comparesYears, earlier.change == 0,
                      earlier.kind == stock.kind, earlier.number.parenDepth == stock.number.parenDepth,
                      let place = context.sentence(of: stock), let other = context.sentence(of: earlier), place == other else { continue }
                let moves = flows(after: n, of: stock, in: place)
                guard moves.count >= 2 else { continue }
                // ("保有量14辆，较上年末16辆减少2辆，年内报废处置3辆": a change in the comparison's own clause is the
                // net one; the flows after it are some of what made it)
                let first = moves[0].fact
                if first.change != 0, earlier.number.range.upperBound <= first.number.numberRange.lowerBound,
                   !s[earlier.number.range.upperBound..<first.number.numberRange.lowerBound].contains(where: { ScalarSets.clauseBreaks.contains($0) }) { continue }
                check(rule, &context, stock: stock, earlier: earlier, flows: moves.map { ($0.fact, $0.sign) })
            }
        }
    }

    /// "年初在职人员", "期初固定资产原值", "截至2023年末" in a report on 2024: the stock a period starts from.
    private static func isOpening(_ f: Fact, label: String, _ opening: WordSet, _ closing: WordSet, fiscalYear: Int?) -> Bool {
        if opening.occurs(in: label) { return true }
        guard let year = f.year, let fiscal = fiscalYear, year == fiscal - 1, f.yearSource != .document else { return false }
        return closing.occurs(in: label)
    }

    private static func check(_ rule: Rule, _ context: inout CheckContext, stock: Fact, earlier: Fact, flows: [(fact: Fact, sign: Decimal)]) {
        let computed = flows.reduce(context.interval(earlier)) { total, flow in
            flow.sign > 0 ? total + context.interval(flow.fact) : total - context.interval(flow.fact)
        }
        if computed.overlaps(context.interval(stock)) { return }
        let exact = flows.reduce(context.value(earlier, inUnitOf: stock)) { $0 + $1.sign * context.value($1.fact, inUnitOf: stock) }
        let scale = Show.scale([stock, earlier] + flows.map(\.fact))
        let terms = earlier.literal + flows.map { ($0.sign > 0 ? " + " : " − ") + $0.fact.literal }.joined()
        context.report(rule, main: stock, others: [earlier] + flows.map(\.fact), evidence: rule.evidence(.partsSum, [
            .computation: "\(terms) = \(Show.number(exact, scale: scale))", .stated: stock.literal,
            .difference: Show.number(abs(exact - stock.value), scale: scale)]))
    }
}
