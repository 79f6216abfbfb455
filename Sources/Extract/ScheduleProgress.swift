import Foundation
import JXCore
import JXNormalize
import JXRules
import JXStructure

/// "上半年，全市一般公共预算收入完成年初预算的53.5%，超序时进度3.5个百分点": a completion rate set
/// against the share of the year elapsed. The schedule is stated ("序时进度50%") or follows from the
/// period the text names (上半年 → 6 months, 1-9月 → 9, 截至10月底 → 10).
public struct ScheduleProgressStatement: Sendable {
    /// The completion rate (完成年初预算的R%).
    public var completion: Int
    /// The stated difference, in percentage points.
    public var points: Int
    /// +1 ahead of the schedule (超, 快于), −1 behind it (低于, 慢于).
    public var direction: Int
    /// The schedule as a stated percentage, when the text gives one.
    public var stated: Int?
    /// Otherwise the months elapsed, and the words that name the period.
    public var months: Int?
    public var period: String?
}

/// Pass: completion rates against the schedule. Reads facts and sentences; writes `scheduleProgress`.
extension ExtractionState {
    func buildScheduleProgress() {
        let scheduleWords = vocabulary[.scheduleProgressWords]
        for p in paragraphIndexes {
            let ids = paragraphFacts[p]
            let s = doc.paragraphs[p].text.scalars
            for (n, id) in ids.enumerated() where facts[id].kind == .percentagePoint {
                let f = facts[id]
                let labelScalars = ScalarString.scalars(f.label)
                guard let word = scheduleWords.matches(in: labelScalars).last else { continue }
                let lead = Array(labelScalars[..<word.start])
                let direction: Int
                if vocabulary[.aheadOfScheduleWords].suffixLength(lead, endingAt: lead.count) > 0 {
                    direction = 1
                } else if vocabulary[.behindScheduleWords].suffixLength(lead, endingAt: lead.count) > 0 {
                    direction = -1
                } else {
                    continue
                }
                let sentence = sentenceIndex(of: f)
                // the figures around it in its sentence (a few: a sentence of thousands of statements
                // stays linear)
                let near = ids[max(0, n - 4)..<min(ids.count, n + 3)].filter { ExtractionState.sentence(of: facts[$0]) == sentence }
                // the schedule stated as a percentage nearby ("序时进度为50%")
                let stated = near.first { q in
                    facts[q].kind == .percent && facts[q].change == 0 && scheduleWords.occurs(in: facts[q].label)
                }
                // the completion rate: the nearest plain percentage before
                guard let completion = near.last(where: { q in
                    let c = facts[q]
                    return q < id && c.kind == .percent && c.change == 0 && !c.comparesYears
                        && c.number.comparator == nil && !c.number.inRange && q != stated && !scheduleWords.occurs(in: c.label)
                }) else { continue }
                var statement = ScheduleProgressStatement(completion: completion, points: id, direction: direction, stated: stated)
                if stated == nil {
                    let at = f.number.numberRange.lowerBound
                    guard let (months, words) = periodBefore(at, in: s, paragraph: p) else { continue }
                    statement.months = months
                    statement.period = words
                }
                scheduleProgress.append(statement)
            }
        }
    }

    /// The period named nearest before `at`: in this paragraph, else in the two paragraphs before
    /// it, else in the title.
    func periodBefore(_ at: Int, in s: [Unicode.Scalar], paragraph: Int) -> (Int, String)? {
        // the nearest period, within a window before the figure (a paragraph of thousands of
        // statements stays linear)
        if let found = lastPeriod(in: s, from: max(0, at - ExtractionState.periodWindow), before: at) { return found }
        for q in stride(from: paragraph - 1, through: max(0, paragraph - 2), by: -1) {
            let t = doc.paragraphs[q].text.scalars
            if let found = lastPeriod(in: t, from: 0, before: min(t.count, 5 * ExtractionState.periodWindow)) { return found }
        }
        if let title = doc.titleParagraph, title < paragraph - 2 {
            let t = doc.paragraphs[title].text.scalars
            return lastPeriod(in: t, from: 0, before: min(t.count, 5 * ExtractionState.periodWindow))
        }
        return nil
    }

    /// How far before a statement its period is looked for in its own paragraph.
    static let periodWindow = 400

    /// The last period named in `s[start..<end]` and its months: 一季度 3, 上半年 6, 前三季度 9,
    /// 1-N月 and N月底 N.
    func lastPeriod(in s: [Unicode.Scalar], from start: Int, before end: Int) -> (Int, String)? {
        var best: (at: Int, months: Int, words: String)?
        // "高于一季度累计增幅", "比1-5月": a period compared with is not the period of the statement
        let compared = [vocabulary[.comparisonMarkers], vocabulary[.comparatorGreater], vocabulary[.comparatorLess]]
        func isCompared(_ at: Int) -> Bool { compared.contains { $0.suffixLength(s, endingAt: at) > 0 } }
        // "（预计数取自《…1-5月…的通报》）": a period in a cited document's title is not the statement's
        var inTitle = [Bool](repeating: false, count: max(0, end - start))
        var depth = 0
        for k in start..<end {
            if s[k] == "《" { depth += 1 } else if s[k] == "》" { depth = max(0, depth - 1) }
            inTitle[k - start] = depth > 0
        }
        func isExcluded(_ at: Int) -> Bool { isCompared(at) || (at >= start && at < end && inTitle[at - start]) }
        func consider(_ set: WordSet, _ months: Int) {
            if let m = set.matches(in: s, from: start, before: end).last(where: { !isExcluded($0.start) }), best == nil || m.start > best!.at {
                best = (m.start, months, ScalarString.make(s[m.start..<(m.start + m.length)]))
            }
        }
        consider(vocabulary[.quarterPeriods], 3)
        consider(vocabulary[.halfYearPeriods], 6)
        consider(vocabulary[.threeQuarterPeriods], 9)
        // "1-9月", "1至6月", "截至10月底"
        let separators = vocabulary[.monthRangeSeparators], ends = vocabulary[.monthEndWords]
        var k = start
        while k < end {
            defer { k += 1 }
            guard s[k] == "月", k > start, CharClass.isDigit(s[k - 1]) else { continue }
            var d = k - 1
            while d > start && k - d < 3 && CharClass.isDigit(s[d - 1]) { d -= 1 }
            guard k - d <= 2, let months = Int(ScalarString.make(s[d..<k])), (1...11).contains(months) else { continue }
            var from = d
            let sep = separators.suffixLength(s, endingAt: d)
            if sep > 0, d - sep >= 1, s[d - sep - 1] == "1", d - sep < 2 || !CharClass.isDigit(s[d - sep - 2]) {
                from = d - sep - 1
            } else if ends.prefixLength(s, at: k + 1) == 0 {
                continue
            }
            if (best == nil || from > best!.at) && !isExcluded(from) {
                best = (from, months, ScalarString.make(s[from..<min(s.count, k + 1 + ends.prefixLength(s, at: k + 1))]))
            }
        }
        return best.map { ($0.months, $0.words) }
    }
}
