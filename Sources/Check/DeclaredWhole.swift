import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

extension ShareCheck {
    /// "10441万元资金全部拨付到位，资金到位率98%": a rate named by a verb (`completion_verbs`, 到位 of
    /// 到位率) right after a clause declaring all of it done by that verb (`whole_words` before the
    /// verb: 全部…到位, 足额发放) is 100%. Quiet when the declaration is hedged (`declared_hedges`:
    /// 基本全部到位, 除…外全部到位), when another figure stands between the two (the rate is then of more
    /// than what was declared), and when the whole word is part of the rate's own name (足额发放率).
    static func declaredWholes(_ rule: Rule, _ context: inout CheckContext) {
        let verbs = rule[.completionVerbs], wholes = rule[.wholeWords], hedges = rule[.declaredHedges], fillers = rule[.rateFillers]
        guard !verbs.isEmpty, !wholes.isEmpty else { return }
        let hundred = Interval(exactly: 100)
        for f in context.facts.facts where f.kind == .percent {
            guard case .text(let p, _, _) = f.place, f.change == 0, !f.comparesYears, !f.number.inRange, f.number.comparator == nil,
                  !f.isTarget, !f.isPlanned, !context.statedRate(f).overlaps(hundred) else { continue }
            // the rate's name: a verb and 率, at the end of its label but for fillers
            let label = Array(f.label.unicodeScalars)
            let end = endBeforeFillers(label, fillers)
            guard end >= 3, label[end - 1] == "率" else { continue }
            let v = verbs.suffixLength(label, endingAt: end - 1)
            guard v > 0 else { continue }
            let verb = Array(label[(end - 1 - v)..<(end - 1)])
            let s = context.doc.paragraphs[p].text.scalars
            // where the name stands in the paragraph: the last time it occurs before the figure
            let numberStart = f.number.numberRange.lowerBound
            let name = verb + ["率"]
            var nameAt = -1
            for k in stride(from: numberStart - name.count, through: max(0, numberStart - 16), by: -1)
            where s.indices.contains(k + name.count - 1) && Array(s[k..<(k + name.count)]) == name { nameAt = k; break }
            guard nameAt >= 0 else { continue }
            // back from the name to the sentence's start, or the figure before it
            var start = nameAt
            while start > 0, !ScalarSets.sentenceStops.contains(s[start - 1]), s[start - 1] != "；" { start -= 1 }
            if let (ids, at) = context.positionInParagraph(of: f), at > 0 {
                let before = context.fact(ids[at - 1])
                if before.place.paragraph == p { start = max(start, before.number.range.upperBound) }
            }
            // the declaration: a whole word, the verb a few characters after it, before the name
            // (not in the name itself: 足额发放率)
            var declared: (start: Int, end: Int)?
            for m in wholes.matches(in: s, from: start, before: nameAt) {
                let from = m.start + m.length
                var k = from
                while k + verb.count <= nameAt && k - from <= 4 {
                    if Array(s[k..<(k + verb.count)]) == verb { declared = (m.start, k + verb.count); break }
                    k += 1
                }
                if declared != nil { break }
            }
            guard let (declStart, declEnd) = declared, declEnd < nameAt else { continue }
            // a figure between the declaration and the rate: the rate is of more than was declared
            if let (ids, at) = context.positionInParagraph(of: f), at > 0 {
                let before = context.fact(ids[at - 1])
                if before.place.paragraph == p, before.number.range.lowerBound >= declEnd { continue }
            }
            // a hedge in the declaration's clause, before its whole word
            var clauseStart = declStart
            while clauseStart > start, ![",", "，", "、", "："].contains(s[clauseStart - 1]) { clauseStart -= 1 }
            if hedges.firstMatch(in: s, from: clauseStart, before: declEnd) != nil { continue }
            // a rate naming a subject the declaration does not ("其中上级补助资金全额到位，县级配套资金到位率
            // 为P%"): another part's rate
            var subjectStart = nameAt
            while subjectStart > declEnd, !ScalarSets.clauseBreaks.contains(s[subjectStart - 1]) { subjectStart -= 1 }
            let subject = s[subjectStart..<nameAt].filter(CharClass.isHan)
            var declClause = declStart
            while declClause > 0, !ScalarSets.clauseBreaks.contains(s[declClause - 1]), !ScalarSets.sentenceStops.contains(s[declClause - 1]) { declClause -= 1 }
            if subject.count >= 2, ScalarSearch.firstIndex(of: Array(subject), in: Array(s[declClause..<declEnd])) == nil { continue }
            let declaration = ScalarString.make(s[declStart..<declEnd])
            let rateName = ScalarString.make(name)
            context.report(rule, main: f, evidence: rule.evidence(.declaredWhole, [.name: declaration, .stated: rateName + f.literal + "%"]),
                           slots: [.name: rateName])
        }
    }
}
