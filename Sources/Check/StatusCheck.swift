import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// `kind = "status"`: indicator tables (绩效指标完成情况): a target (指标值, with its comparator), an
/// actual value (完成值) and what the row claims.
///
/// - `indicator-target`: a target that is missed while the row gives full marks, says 已完成, or
///   leaves the deviation note (偏差说明) empty, is a missed target declared met (an empty note
///   beside a docked score only when other rows of the form write their notes).
/// - `indicator-met-declared-missed`: the reverse, a target met beyond any rounding while the
///   row's status cell says 未完成 / 否.
///
/// A target written with a comparator (≥98%, 不少于300人) is an exact threshold: only the actual
/// value's rounding counts. A target without one is a figure like any other, rounding included.
enum StatusCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "versus-target" { versusTargets(rule, &context); return }
        if rule.check == "indicator-completion" { indicatorCompletion(rule, &context); return }
        let reverse = rule.check == "indicator-met-declared-missed"
        guard rule.check == "indicator-target" || reverse else { return }
        // each check reads its own words
        let reverseWords = reverse ? WordSet() : rule[.reverseWords]
        let completedWords = reverse ? WordSet() : rule[.completedWords]
        let missedWords = reverse ? rule[.missedWords] : WordSet()
        let layouts = context.lexicon.tables
        for table in context.doc.tables {
            // the rows of a header segment share their headers: their roles are found once per segment
            var segmentColumns = [Int: Columns]()
            for (r, row) in table.rows.enumerated() where row.kind == .data {
                let columns: Columns
                if let known = segmentColumns[row.segment] {
                    columns = known
                } else {
                    columns = Columns(table.headers(for: row), layouts)
                    segmentColumns[row.segment] = columns
                }
                guard let targetColumn = columns.target,
                      let actualColumn = columns.actual,
                      let tid = context.facts.tableFacts[table.index][r][targetColumn],
                      let aid = context.facts.tableFacts[table.index][r][actualColumn] else { continue }
                let target = context.fact(tid), actual = context.fact(aid)
                guard comparable(target, actual) else { continue }
                // a row a cell short of its header (a "绩效指标" cell spanning the block before 一级指标): its
                // cells stand a column to the left, the score column empty and the weight column holding the score
                if let sc = columns.score, let wc = columns.weight, row.cell(sc)?.isEmpty ?? true,
                   context.facts.tableFacts[table.index][r][wc] != nil { continue }
                let statusColumn = columns.status
                let status = statusColumn.flatMap { row.cell($0) }.map { CellText.compact($0.string) } ?? ""
                if reverse {
                    // only a plain "not done" in the status column, and only a target met for sure
                    guard !status.isEmpty, missedWords.words.contains(where: { status == $0 || status.hasPrefix($0) && $0.unicodeScalars.count > 1 }),
                          metForSure(actual, target, context) else { continue }
                    let evidence = rule.evidence(.statusMetDeclaredMissed, [.target: (target.number.comparator?.rawValue ?? "") + target.shown,
                                                                            .actual: actual.shown, .status: status])
                    context.report(rule, main: actual, others: [target], evidence: evidence)
                    continue
                }
                let name = CellText.compact(row.cells.filter { !TableCheck.isNumeric($0.text) }.map(\.string).joined())
                var comparator = target.number.comparator
                // no comparator: a target of zero (0起, 0次) can only be a ceiling; else the indicator's name decides
                if comparator == nil { comparator = target.value == 0 || reverseWords.occurs(in: name) ? .atMost : .atLeast }
                guard !met(actual, target, comparator!, context) else { continue }
                // what the row says about it
                var claims = [String]()
                // a score docked below its weight already says the target was missed
                var docked = false, proportional = false
                if let weightColumn = columns.weight, let scoreColumn = columns.score,
                   let w = context.facts.tableFacts[table.index][r][weightColumn].map({ context.fact($0) }),
                   let s = context.facts.tableFacts[table.index][r][scoreColumn].map({ context.fact($0) }), w.value > 0 {
                    if s.value >= w.value { claims.append(rule.evidence(.statusClaimFullMarks, [.score: s.literal])) } else { docked = true }
                    // ("预算执行率 | 100% | 96.80% | 10 | 9.68": a score in proportion to what was done says by how much)
                    if docked, actual.kind == .percent {
                        let share = context.interval(actual) * Interval(exactly: Decimal(string: "0.01")!)
                        proportional = (context.interval(w) * share).overlaps(context.interval(s))
                            || (target.value > 0 && (context.interval(w) * context.interval(actual) / context.interval(target)).map { $0.overlaps(context.interval(s)) } == true)
                    }
                }
                if !status.isEmpty, completedWords.isPrefix(of: status) {
                    claims.append(rule.evidence(.statusClaimStatus, [.status: status]))
                }
                if let noteColumn = columns.note,
                   row.cell(noteColumn)?.isEmpty ?? true, !proportional,
                   !docked || notesUsed(table, segment: row.segment, column: noteColumn) {
                    claims.append(rule.evidence(.statusClaimEmptyNote, [:]))
                }
                guard !claims.isEmpty else { continue }
                let outcome = rule.evidence(comparator == .atMost || comparator == .less ? .statusExceeded : .statusNotReached, [:])
                let evidence = rule.evidence(.statusMissed, [.target: (target.number.comparator?.rawValue ?? "") + target.shown,
                                                             .actual: (actual.number.comparator?.rawValue ?? "") + actual.shown,
                                                             .outcome: outcome, .claims: claims.joined(separator: "、")])
                context.report(rule, main: actual, others: [target], evidence: evidence)
            }
        }
        if !reverse { proseStatements(rule, reverseWords: reverseWords, &context) }
    }

    /// "新增就业岗位 | ≥800个 | 856个 | 107.00%": in an indicator table, a column of completion rates
    /// (`completion_headers`) states each row's actual value as a share of its target. Only a target
    /// to reach (no ≤ or <, not zero) of the actual's kind; a rate of 100% for a target exceeded is a
    /// cap, not a slip.
    static func indicatorCompletion(_ rule: Rule, _ context: inout CheckContext) {
        let headers = rule[.completionHeaders]
        guard !headers.isEmpty else { return }
        let layouts = context.lexicon.tables
        for table in context.doc.tables {
            var segmentColumns = [Int: (columns: Columns, rate: Int?)]()
            for (r, row) in table.rows.enumerated() where row.kind == .data {
                if segmentColumns[row.segment] == nil {
                    let names = table.headers(for: row)
                    segmentColumns[row.segment] = (Columns(names, layouts), names.firstIndex(where: { headers.occurs(in: $0) }))
                }
                let (columns, rateColumn) = segmentColumns[row.segment]!
                guard let tc = columns.target, let ac = columns.actual, let rc = rateColumn, rc != tc, rc != ac,
                      let tid = context.facts.tableFacts[table.index][r][tc], let aid = context.facts.tableFacts[table.index][r][ac],
                      let rid = context.facts.tableFacts[table.index][r][rc] else { continue }
                let target = context.fact(tid), actual = context.fact(aid), rate = context.fact(rid)
                guard rate.kind == .percent, comparable(target, actual), target.kind == actual.kind || target.kind == .bare || actual.kind == .bare,
                      target.value > 0, actual.number.comparator == nil, !actual.number.approximate, !target.number.approximate,
                      rate.number.comparator == nil, target.number.comparator == nil || target.number.comparator == .atLeast || target.number.comparator == .greater
                else { continue }
                let computed = (context.interval(actual) / targetInterval(target, context)).map { $0 * Interval(exactly: 100) }
                let stated = context.interval(rate)
                guard let computed, !computed.overlaps(stated) else { continue }
                // a target exceeded, its completion written as 100% (a cap)
                if rate.value == 100 && Decimals.lessOrEqual(100, computed.hi) { continue }
                let computation = "\(actual.literal) ÷ \(target.literal) × 100"
                let evidence = rule.evidence(.statusCompletion, [.computation: computation,
                                                                  .computed: Show.number(computed.midpoint, scale: rate.number.decimals) + "%",
                                                                  .stated: rate.shown])
                context.report(rule, main: rate, others: [actual, target], evidence: evidence)
            }
        }
    }

    /// "受益群众满意度，年度目标≥90%，实际完成85%，该指标已完成": an indicator written out in a sentence,
    /// its target and its actual value (in either order), then a claim that it was met
    /// (`prose_claim_words`, with no word of a miss after the second figure).
    static func proseStatements(_ rule: Rule, reverseWords: WordSet, _ context: inout CheckContext) {
        let targets = rule[.proseTargetWords], actuals = rule[.proseActualWords], claimsWords = rule[.proseClaimWords]
        let missed = rule[.missedWords]
        guard !targets.isEmpty, !actuals.isEmpty, !claimsWords.isEmpty else { return }
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 2 else { continue }
            let s = paragraph.text.scalars
            for n in 0..<(ids.count - 1) {
                let first = context.fact(ids[n]), second = context.fact(ids[n + 1])
                guard case .text(_, let sentence, _) = first.place, case .text(_, sentence, _) = second.place,
                      paragraph.sentences.indices.contains(sentence) else { continue }
                let target: Fact, actual: Fact
                if targets.isSuffix(of: first.head), actuals.occurs(in: second.head), !targets.occurs(in: second.head) {
                    (target, actual) = (first, second)
                } else if targets.isSuffix(of: second.head), !targets.occurs(in: first.head),
                          isIndicatorValue(first, opensSentence: n == 0 || context.sentence(of: context.fact(ids[n - 1]))?.sentence != sentence,
                                           actuals: actuals, context) {
                    // "受益群众满意度为88%，目标值≥90%，该指标已完成": the value, then its target
                    (target, actual) = (second, first)
                } else {
                    continue
                }
                guard comparable(target, actual) else { continue }
                // what the sentence says after the second figure (up to the next one; "已完成年度目标的83%" goes on
                // to say how much was done: no claim)
                let next = n + 2 < ids.count && context.sentence(of: context.fact(ids[n + 2]))?.sentence == sentence ? context.fact(ids[n + 2]) : nil
                if let next, next.kind == .percent { continue }
                let end = next?.number.numberRange.lowerBound ?? paragraph.sentences[sentence].upperBound
                let from = second.number.range.upperBound
                guard from < end, let claim = claimsWords.firstMatch(in: s, from: from, before: end),
                      missed.firstMatch(in: s, from: from, before: end) == nil else { continue }
                // the indicator's name: the sentence before its first figure
                let name = ScalarString.make(s[paragraph.sentences[sentence].lowerBound..<first.number.numberRange.lowerBound])
                var comparator = target.number.comparator
                if comparator == nil { comparator = target.value == 0 || reverseWords.occurs(in: name) ? .atMost : .atLeast }
                guard !met(actual, target, comparator!, context) else { continue }
                let said = ScalarString.make(s[claim.start..<(claim.start + claim.length)])
                let outcome = rule.evidence(comparator == .atMost || comparator == .less ? .statusExceeded : .statusNotReached, [:])
                let evidence = rule.evidence(.statusMissed, [.target: (target.number.comparator?.rawValue ?? "") + target.shown,
                                                             .actual: (actual.number.comparator?.rawValue ?? "") + actual.shown,
                                                             .outcome: outcome, .claims: rule.evidence(.statusClaimStatus, [.status: said])])
                context.report(rule, main: actual, others: [target], evidence: evidence)
            }
        }
    }

    /// A figure before its target is the indicator's value when it is this year's own (no change,
    /// no other year, no prior-year word) and names itself as the actual value or opens its sentence ("受益群众满意度为88%"):
    /// a part of a list ("其中农民2000人次，目标为3000人次") is not what the target is about.
    static func isIndicatorValue(_ f: Fact, opensSentence: Bool, actuals: WordSet, _ context: CheckContext) -> Bool {
        guard f.change == 0, !f.comparesYears, f.shareOf == nil, !f.isTarget else { return false }
        if let year = f.year, let fiscal = context.facts.fiscalYear, year != fiscal { return false }
        // "上年满意度为86%，本年目标值≥90%": last year's figure, whether or not the report's year is known
        if context.vocabulary[.priorYearWords].occurs(in: f.label) { return false }
        return opensSentence || actuals.occurs(in: f.head)
    }

    /// The columns of one header segment by role (the first of each role; the last score column).
    struct Columns {
        let target, actual, status, weight, score, note: Int?
        init(_ headers: [String], _ layouts: TableLayouts) {
            target = headers.firstIndex(where: { layouts.header($0, is: .target) })
            actual = target == nil ? nil : headers.firstIndex(where: { layouts.header($0, is: .actual) })
            let found = actual != nil
            status = found ? headers.firstIndex(where: { layouts.header($0, is: .status) }) : nil
            weight = found ? headers.firstIndex(where: { layouts.header($0, is: .weight) }) : nil
            score = found ? headers.lastIndex(where: { layouts.header($0, is: .score) }) : nil
            note = found ? headers.firstIndex(where: { layouts.header($0, is: .note) }) : nil
        }
    }

    /// Whether some row under the header writes a deviation note: a form whose note column is
    /// empty throughout leaves its docked scores to speak for the missed targets.
    static func notesUsed(_ table: Table, segment: Int, column: Int) -> Bool {
        table.rows.contains { $0.kind == .data && $0.segment == segment && !($0.cell(column)?.isEmpty ?? true) }
    }

    static func comparable(_ t: Fact, _ a: Fact) -> Bool {
        if t.number.inRange || a.number.inRange { return false }
        switch (t.kind, a.kind) {
        case (.percent, .percent), (.permille, .permille), (.score, .score), (.multiple, .multiple): return true
        case (.count(let x), .count(let y)): return x == y
        case (.count, .bare), (.bare, .count): return true
        case (.money, .money): return true
        default: return false
        }
    }

    /// The value a target stands for: with a comparator, exactly the figure written (a threshold
    /// is not a rounded measurement); without one, the figure with its rounding.
    static func targetInterval(_ target: Fact, _ context: CheckContext) -> Interval {
        let t = context.interval(target)
        guard target.number.comparator != nil else { return t }
        return Interval(exactly: t.midpoint)
    }

    /// Whether the actual can have reached the target. An actual written "≥5次" is at least 5.
    static func met(_ actual: Fact, _ target: Fact, _ comparator: NumberComparator, _ context: CheckContext) -> Bool {
        let a = context.interval(actual), t = targetInterval(target, context)
        switch comparator {
        case .atLeast, .equal: return Decimals.lessOrEqual(t.lo, a.hi) || actual.number.comparator == .atLeast || actual.number.comparator == .greater
        case .greater: return Decimals.less(t.lo, a.hi) || actual.number.comparator == .greater
        case .atMost: return Decimals.lessOrEqual(a.lo, t.hi) || actual.number.comparator == .atMost || actual.number.comparator == .less
        case .less: return Decimals.less(a.lo, t.hi) || actual.number.comparator == .less
        }
    }

    /// Whether the actual reached the target whatever its rounding. A target without a comparator
    /// has no known direction here, so only an exactly equal actual (4座 of 4座) meets it for sure.
    static func metForSure(_ actual: Fact, _ target: Fact, _ context: CheckContext) -> Bool {
        guard actual.number.comparator == nil, !actual.number.approximate, !target.number.approximate else { return false }
        let a = context.interval(actual), t = targetInterval(target, context)
        switch target.number.comparator {
        case .atLeast?: return Decimals.lessOrEqual(t.hi, a.lo)
        case .greater?: return Decimals.less(t.hi, a.lo)
        case .atMost?: return Decimals.lessOrEqual(a.hi, t.lo)
        case .less?: return Decimals.less(a.hi, t.lo)
        case .equal?, nil: return Decimals.lessOrEqual(t.hi, a.lo) && Decimals.lessOrEqual(a.hi, t.lo)
        }
    }
}
