import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

extension PartsCheck {
    /// "债务余额为568.3亿元，其中…，控制在省下达的债务限额612.0亿元以内": a figure said to be kept within a
    /// limit (`limit_openers`, then the limit's figure and `limit_closers` right after it) is at most
    /// that limit. The figure kept within is the last one of the sentence before the opener, or the
    /// whole of the list it is a part of; both plain figures of one family (amounts, or percentages).
    static func withinLimits(_ rule: Rule, _ context: inout CheckContext) {
        let openers = rule[.limitOpeners], closers = rule[.limitClosers]
        guard !openers.isEmpty, !closers.isEmpty else { return }
        // the whole of each part, made when a paragraph has an opener (most have none)
        var wholeOf: [Int: Int]?
        func plain(_ f: Fact, ceiling: Bool = false) -> Bool {
            (f.kind.isMoney || f.kind == .percent) && f.change == 0 && !f.comparesYears && !f.number.inRange
                && (f.number.comparator == nil || ceiling) && f.shareOf == nil && !f.isTarget
        }
        for paragraph in context.doc.paragraphs {
            let s = paragraph.text.scalars
            guard var m = openers.firstMatch(in: s) else { continue }
            let ids = context.facts.paragraphFacts[paragraph.index]
            var k = 0
            while true {
                let afterOpener = m.start + m.length
                // the first figure after the opener, in the opener's sentence, with a closer right after it
                while k < ids.count && context.fact(ids[k]).number.numberRange.lowerBound < afterOpener { k += 1 }
                if k < ids.count, k > 0, let sentence = paragraph.sentences.first(where: { $0.contains(m.start) }) {
                    let limit = context.fact(ids[k]), kept0 = context.fact(ids[k - 1])
                    // (the scanner may have read the closer as the limit's comparator: "≤1.50亿元")
                    let ceiling = limit.number.comparator == .atMost || limit.number.comparator == .less
                    // what is kept within is the figure right before ("…A，控制在…"), not one that names
                    // another subject between ("支出A，将项目支出控制在…": at most two characters of words)
                    let gap = kept0.number.range.upperBound < m.start ? s[kept0.number.range.upperBound..<m.start] : []
                    if gap.filter({ CharClass.isHan($0) }).count <= 2,
                       sentence.contains(limit.number.numberRange.lowerBound), sentence.contains(kept0.number.numberRange.lowerBound),
                       plain(limit, ceiling: ceiling), ceiling || closers.prefixLength(s, at: limit.number.range.upperBound) > 0 {
                        if wholeOf == nil {
                            var map = [Int: Int]()
                            for g in context.facts.groups { for p in g.parts where map[p] == nil { map[p] = g.whole } }
                            wholeOf = map
                        }
                        var kept = kept0
                        if let w = wholeOf![kept.id], sentence.contains(context.fact(w).number.numberRange.lowerBound) { kept = context.fact(w) }
                        // (both per the same things: "人均培训成本A，控制在每人每天B以内" is per head, the limit per head and day)
                        if plain(kept), kept.kind.sameFamily(as: limit.kind) || (kept.kind.isMoney && limit.kind.isMoney),
                           perChain(kept.label, rule) == perChain(limit.label, rule) {
                            // (a limit is the figure written, not a rounded measurement)
                            let x = context.interval(kept), y = Interval(exactly: context.interval(limit).midpoint)
                            if Decimals.less(y.hi, x.lo) {
                                // (the intervals are in one unit; the excess is shown in the kept figure's)
                                let over = kept.value - context.value(limit, inUnitOf: kept)
                                let scale = Show.scale([kept, limit])
                                context.report(rule, main: kept, others: [limit], evidence: rule.evidence(.partsLimit, [
                                    .figureNamed: context.describe(kept), .otherNamed: context.describe(limit),
                                    .difference: Show.number(over, scale: scale) + Show.differenceUnit(kept, context.vocabulary)]))
                            }
                        }
                    }
                }
                guard let next = openers.firstMatch(in: s, from: afterOpener) else { break }
                m = next
            }
        }
    }

    /// The things a label makes its figure per, in order: "每人每天" → 人, 天; "人均" → 人 (measure words
    /// of `same_things` counted as the first of their group).
    static func perChain(_ label: String, _ rule: Rule) -> [String] {
        let per = rule[.perWords], suffixes = rule[.perUnitSuffixes], averages = rule[.averageWords]
        guard per.occurs(in: label) || suffixes.occurs(in: label) else { return [] }
        var canonical = [String: String]()
        for group in rule[.sameThings].words {
            let members = group.split(separator: "|").map(String.init)
            for m in members { canonical[m] = members[0] }
        }
        let s = Array(label.unicodeScalars)
        var chain = [String]()
        func add(_ c: Unicode.Scalar) { let t = String(c); chain.append(canonical[t] ?? t) }
        var i = 0
        while i < s.count {
            let n = per.prefixLength(s, at: i)
            if n > 0, i + n < s.count, CharClass.isHan(s[i + n]) { add(s[i + n]); i += n + 1; continue }
            if suffixes.prefixLength(s, at: i) > 0, i > 0, CharClass.isHan(s[i - 1]), averages.suffixLength(s, endingAt: i + 1) == 0 { add(s[i - 1]) }
            i += 1
        }
        return chain
    }
}
