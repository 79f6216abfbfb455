import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

extension StatusCheck {
    /// "九年义务教育巩固率达到98.6%，高于年度目标98%": a figure, then a word saying it is above
    /// (`above_words`) or below (`below_words`) a target named right after (`target_names`), with the
    /// target's figure: the two, of one kind, must stand as the words say. The target is read as
    /// written (a threshold, not a rounded measurement); the figure with its rounding.
    static func versusTargets(_ rule: Rule, _ context: inout CheckContext) {
        let above = rule[.aboveWords], below = rule[.belowWords], names = rule[.targetNames]
        guard !above.isEmpty || !below.isEmpty, !names.isEmpty else { return }
        func plain(_ f: Fact) -> Bool {
            f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && f.shareOf == nil && !f.number.approximate
        }
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 2 else { continue }
            let s = paragraph.text.scalars
            for n in 1..<ids.count {
                let target = context.fact(ids[n]), figure = context.fact(ids[n - 1])
                guard case .text(_, let sentence, _) = target.place, case .text(_, sentence, _) = figure.place,
                      target.kind == figure.kind, plain(figure), target.change == 0, !target.number.inRange,
                      target.number.comparator == nil || target.number.comparator == .atLeast || target.number.comparator == .atMost else { continue }
                // between the figure and the target's number: a comparison word, then the target's name and
                // nothing else ("，高于年度目标" / "，低于计划")
                let from = figure.number.range.upperBound, to = target.number.numberRange.lowerBound
                guard from < to, to - from <= 16 else { continue }
                var i = from
                while i < to && !CharClass.isHan(s[i]) { i += 1 }
                let up = above.prefixLength(s, at: i), down = below.prefixLength(s, at: i)
                let word = max(up, down)
                guard word > 0 else { continue }
                // the rest names the target, and ends the text before its figure (but for a filler 的/为)
                var end = to
                while end > i + word && !CharClass.isHan(s[end - 1]) { end -= 1 }
                let nameEnd = end
                while end > i + word && (s[end - 1] == "的" || s[end - 1] == "为") { end -= 1 }
                guard end > i + word, names.suffixLength(s, endingAt: end, start: i + word) > 0 else { continue }
                // an amount or a count right after the name may be the difference ("低于标准0.5万元"): only
                // "低于标准的…" / "超过计划数为…" names the target's own; a percentage is its level
                guard figure.kind == .percent || nameEnd > end else { continue }
                // "达到或超过目标值的10项，未达到目标值的4项": two counts of the things that did and did not, each
                // joined to its words by 的, compare nothing
                let start = figure.number.numberRange.lowerBound
                if nameEnd > end, start > 0, s[start - 1] == "的" { continue }
                let a = context.interval(figure), t = Interval(exactly: context.interval(target).midpoint)
                let saysAbove = up >= down
                // above: the figure can be above the target; below: it can be below
                let holds = saysAbove ? Decimals.less(t.lo, a.hi) : Decimals.less(a.lo, t.hi)
                guard !holds else { continue }
                let said = ScalarString.make(s[i..<(i + word)])
                let relation = Decimals.lessOrEqual(a.hi, t.lo) && Decimals.lessOrEqual(t.hi, a.lo) ? "=" : (saysAbove ? "≤" : "≥")
                let evidence = rule.evidence(.statusComparison, [.actual: figure.shown, .relation: relation,
                                                                 .target: ScalarString.make(s[(i + word)..<end]) + " " + target.shown, .claims: said])
                context.report(rule, main: figure, others: [target], evidence: evidence)
            }
        }
    }
}
