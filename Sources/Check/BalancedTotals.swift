import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

/// `check = "balanced-totals"`: a final account's 收入总计 and 支出总计 balance by construction (the
/// carried-over funds on both sides), so the two stated in one sentence are one figure.
extension PartsCheck {
    static func balancedTotals(_ rule: Rule, _ context: inout CheckContext) {
        let left = rule[.leftNames], right = rule[.rightNames], fillers = rule[.nameFillers]
        let distributive = context.vocabulary[.distributiveMarkers]
        guard !left.isEmpty, !right.isEmpty else { return }
        for (p, ids) in context.facts.paragraphFacts.enumerated() where ids.count >= 2 {
            let s = context.doc.paragraphs[p].text.scalars
            var lefts = [Fact](), rights = [Fact]()
            for id in ids {
                let f = context.fact(id)
                guard f.kind.isMoney, f.change == 0, !f.comparesYears, !f.number.inRange, f.number.comparator == nil else { continue }
                // the name right before the figure, past the fillers ("收入总计为", "支出总计：")
                var end = f.number.numberRange.lowerBound
                while end > 0 {
                    let n = fillers.suffixLength(s, endingAt: end)
                    if n > 0 { end -= n } else if CharClass.isWhitespace(s[end - 1]) { end -= 1 } else { break }
                }
                // the whole account's totals, not a part's ("财政拨款收入总计" is often this year's
                // appropriation alone): the name opens its clause or follows the year
                func named(_ names: WordSet) -> Bool {
                    let n = names.suffixLength(s, endingAt: end)
                    guard n > 0 else { return false }
                    let start = end - n
                    return start == 0 || !CharClass.isHan(s[start - 1]) || s[start - 1] == "年" || s[start - 1] == "度"
                }
                // "收、支总计分别为4125.49、4143.91万元": each figure's name is in its distributed label
                var labelScalars: [Unicode.Scalar]?
                func labelNamed(_ names: WordSet) -> Bool {
                    if labelScalars == nil { labelScalars = ScalarString.scalars(f.label) }
                    var l = labelScalars!
                    while true {
                        let n = max(distributive.suffixLength(l, endingAt: l.count), fillers.suffixLength(l, endingAt: l.count))
                        if n == 0 { break }
                        l.removeLast(n)
                    }
                    let n = names.suffixLength(l, endingAt: l.count)
                    guard n > 0 else { return false }
                    let start = l.count - n
                    return start == 0 || !CharClass.isHan(l[start - 1]) || l[start - 1] == "年" || l[start - 1] == "度"
                }
                // (the label only of a figure distributed from a list: joined by 、 or a comma to another)
                let distributed = f.number.range.lowerBound > 0 && "、,，".unicodeScalars.contains(s[f.number.range.lowerBound - 1])
                    || (f.number.range.upperBound < s.count && "、,，".unicodeScalars.contains(s[f.number.range.upperBound]))
                if named(left) || (distributed && labelNamed(left)) { lefts.append(f) }
                if named(right) || (distributed && labelNamed(right)) { rights.append(f) }
            }
            for l in lefts {
                // "2023年度收入总计A，支出总计A，2022年度收入总计B，支出总计B": each total with the other
                // side of its own year, the nearest after it (else before it) in its sentence
                let candidates = rights.filter { sentence(of: $0) == sentence(of: l) && $0.year == l.year }
                let at = l.number.range.lowerBound
                guard let r = candidates.first(where: { $0.number.range.lowerBound > at }) ?? candidates.last else { continue }
                let a = context.interval(l), b = context.interval(r)
                if a.overlaps(b) { continue }
                let diff = abs(context.value(l, inUnitOf: r) - r.value)
                let evidence = rule.evidence(.partsBalance, [.figureNamed: context.describe(l), .otherNamed: context.describe(r),
                                                              .difference: Show.number(diff, scale: Show.scale([l, r])) + Show.differenceUnit(r, context.vocabulary)])
                context.report(rule, main: r, others: [l], evidence: evidence)
            }
        }
    }

    private static func sentence(of f: Fact) -> Int? {
        if case .text(_, let sentence, _) = f.place { return sentence }
        return nil
    }
}
