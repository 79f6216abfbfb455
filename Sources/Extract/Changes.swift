import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: change statements (较上年增加…, 由A增至B, 同比增长P%). Reads facts, groups; writes `changes`.
extension ExtractionState {

    /// How a stated change is worded.
    enum ChangeWording {
        /// Only the change word ("增加", "下降了"): it speaks of the figures right before it.
        case bare
        /// "比上年减少", "“三公”经费支出较上年减少", "比年初预算多支出", "同比增长": the subject it
        /// names (often none) and what it is compared with ("上年", "年初预算"; "" for 同比).
        case compared(subject: String, base: String)

        var subject: String { if case .compared(let s, _) = self { return s } else { return "" } }
    }

    /// The subject before a comparison marker and the text after it, if the head is a comparison
    /// ("“三公”经费支出较上年减少" → ("“三公”经费支出", "上年减少")).
    func splitComparison(_ head: String) -> (subject: String, rest: String)? {
        let s = ScalarString.scalars(head)
        let markers = vocabulary[.comparisonMarkers]
        for i in s.indices where s[i] == "比" || s[i] == "较" || s[i] == "与" || s[i] == "同" || s[i] == "环" {
            let tail = ScalarString.make(s[i...])
            let marker = markers.prefixLength(s, at: i)
            // "同比", "环比" compare by themselves; "比", "较", "与" need a base after them
            // (every caller's figure compares: a 与 whose closer stands after the figure counts)
            guard marker >= 2 || labels.isComparison(tail, closedAfter: true) else { continue }
            let rest = Text.string(s[(i + marker)...])
            var subject = labels.head(String(Labels.withoutLeadingYear(Text.string(s[..<i]))))
            // "按同口径同比减少": how the comparison is made names no subject
            if vocabulary[.comparisonQualifiers].contains(subject) { subject = "" }
            return (subject, rest)
        }
        return nil
    }

    func changeWording(_ f: Fact) -> ChangeWording? {
        if vocabulary[.bareChangeWords].contains(f.head) { return .bare }
        // "…比2016年度减少0.28万元，其中：公务用车…支出决算减少0.29万元，降低3.31%": a named change
        // in the list of a comparison's sentence compares as the sentence does
        if !f.comparesYears, let verb = labels.changeWords.suffix(of: f.head), sentenceComparesWithYear(before: f) {
            let subject = String(f.head.unicodeScalars.dropLast(verb.unicodeScalars.count))
            let r = resolve(subject)
            if let item = r.item, item != "total" { return .compared(subject: subject, base: "") }
            // "…支出3,089.47万元。与上年相比，一般公共预算财政拨款支出增加D，增长P%": a total named in full
            // (more than a bare 支出 or 本年支出) is the subject; it is read only where a figure of the
            // sentence before bears that very name (`namedInPreviousSentence`)
            if r.item == "total", r.explicitMeasure, subject.unicodeScalars.count >= 6 {
                return .compared(subject: subject, base: "")
            }
        }
        // "与2022年相比减少": the head has lost its leading "与"
        guard f.comparesYears, let (subject, after) = splitComparison(f.head) ?? splitComparison(f.label) else { return nil }
        var rest = after
        guard let verb = labels.changeWords.suffix(of: rest) else { return nil }
        rest = String(rest.unicodeScalars.dropLast(verb.unicodeScalars.count))
        let fillers = vocabulary[.comparisonFillers]
        while let filler = fillers.suffix(of: rest) { rest = String(rest.unicodeScalars.dropLast(filler.unicodeScalars.count)) }
        return .compared(subject: subject, base: rest)
    }

    /// "同比", "较上年", "比2022年": a comparison with another year, not with a budget or a plan.
    /// "比报告数A增加D，比2019年决算数增长P%": a rate naming its own base, other than the one the
    /// figure before the difference is compared with, is a second comparison, not the difference's rate.
    func comparesWithAnotherBase(_ rateWording: ChangeWording, than n: Int, in ids: [Int]) -> Bool {
        guard case .compared(_, let rateBase) = rateWording, !rateBase.isEmpty, n > 0 else { return false }
        let before = facts[ids[n - 1]]
        guard before.comparesYears, let (_, figureBase) = splitComparison(before.head) ?? splitComparison(before.label), !figureBase.isEmpty else { return false }
        return !figureBase.hasPrefix(rateBase) && !rateBase.hasPrefix(figureBase)
    }

    func isYearBase(_ base: String) -> Bool {
        if vocabulary[.nonYearBases].occurs(in: base) { return false }
        if base.isEmpty || labels.priorYearWords.isPrefix(of: base) { return true }
        let s = ScalarString.scalars(base)
        return s.count >= 5 && s.prefix(4).allSatisfy { CharClass.isDigit($0) } && s[4] == "年"
    }

    /// "总收入A；一般公共预算支出B，下降P%": revenue and spending are no earlier and later figure of
    /// one thing.
    func namesOtherMeasure(_ a: Fact, than b: Fact) -> Bool {
        a.concept.explicitMeasure && b.concept.explicitMeasure && Self.opposedFlows(a.concept.measure, b.concept.measure)
    }

    /// A change compares with last year when its wording names a year ("同比", "较上年减少") or its
    /// earlier figure is named or dated as another year's ("较2022年的110万元", "2022年A，2023年B").
    func comparesWithYear(_ wording: ChangeWording, prior: Int?, current: Int?) -> Bool {
        if case .compared(_, let base) = wording { return isYearBase(base) }
        guard let prior else { return false }
        let a = facts[prior]
        if a.comparesYears, let (_, rest) = splitComparison(a.head) ?? splitComparison(a.label) {
            var base = Substring(rest)
            while base.hasSuffix("的") { base = base.dropLast() }
            return isYearBase(String(base))
        }
        if let y = a.year, let current, let z = facts[current].year { return y < z }
        return false
    }

    /// "较上年的A", "比年初预算的A", "较2022年同期A": what follows the comparison marker names only
    /// the figure compared with ("比上年减收1070万元" is a change, not a prior figure).
    func isComparedFigure(_ base: String, current: Fact? = nil) -> Bool {
        let rest = comparedName(base)
        // ("较上年完成的A", "比上年累计的A": the compared figure named by its modifier alone)
        if rest.isEmpty || vocabulary[.comparedFigureNames].contains(rest) || vocabulary[.comparedFigureModifiers].contains(rest) { return true }
        guard let current else { return false }
        // (or held in the current figure's name, four characters at least: "全年实际支付保洁服务费A" of "实际支付")
        let name = nameOf(current)
        return namesAgain(String(rest), name)
            || (rest.unicodeScalars.count >= 4 && ScalarSearch.firstIndex(of: Array(rest.unicodeScalars), in: Array(name.unicodeScalars)) != nil)
    }

    /// What follows a comparison marker without its year, period and 的 ("上年同期的收入" → "收入").
    func comparedName(_ base: String) -> Substring {
        var rest = Substring(base)
        while rest.hasSuffix("的") { rest = rest.dropLast() }
        if let year = vocabulary[.previousYear].prefix(of: rest) {
            rest = Substring(String(rest.unicodeScalars.dropFirst(year.unicodeScalars.count)))
        } else {
            let s = ScalarString.scalars(rest)
            if s.count >= 5, s.prefix(4).allSatisfy({ CharClass.isDigit($0) }), s[4] == "年" {
                rest = rest.dropFirst(5)
                if rest.hasPrefix("度") { rest = rest.dropFirst() }
            }
        }
        if let period = vocabulary[.samePeriodWords].prefix(of: rest) {
            rest = Substring(String(rest.unicodeScalars.dropFirst(period.unicodeScalars.count)))
        }
        while rest.hasSuffix("的") { rest = rest.dropLast() }
        return rest
    }

    /// "2022年专项转移支付收入X，比上年专项转移支付收入A…", "“三公”经费支出X，比上年累计支出A…": the
    /// figure compared with is named again, as this year's is or by its last noun after a modifier.
    func namesAgain(_ rest: String, _ name: String) -> Bool {
        if rest == name || (rest.unicodeScalars.count >= 2 && name.hasSuffix(rest)) { return true }
        guard let modifier = vocabulary[.comparedFigureModifiers].prefix(of: rest) else { return false }
        let noun = rest.unicodeScalars.dropFirst(modifier.unicodeScalars.count)
        return noun.count >= 2 && name.unicodeScalars.count >= noun.count && name.unicodeScalars.suffix(noun.count).elementsEqual(noun)
    }

    /// A figure stated as a change: its own increase, decrease or rate.
    func isStatedChange(_ f: Fact) -> Bool {
        guard f.change != 0, !f.number.inRange, f.number.comparator == nil, !f.number.approximate, f.shareOf == nil else { return false }
        switch f.kind {
        case .money, .count, .score, .percent, .percentagePoint: return true
        default: return false
        }
    }

    /// "培训费支出21.84万元，…，人均培训费173.33元；较上年增加3.19万元": an amount per head, in another unit
    /// than the change, is not what a change of the whole speaks of.
    func isPerHeadInOtherUnit(_ f: Fact, than change: Fact) -> Bool {
        let perUnit = vocabulary[.perUnitWords]
        return change.kind.isMoney && f.kind.moneyUnit != change.kind.moneyUnit && perUnit.occurs(in: f.label) && !perUnit.occurs(in: change.label)
    }

    /// A figure stated for itself: not a change, a comparison, a share, a range or an estimate.
    func isPlainFigure(_ f: Fact) -> Bool {
        f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && !f.number.approximate
            && f.shareOf == nil && f.kind != .bare
    }

    func clauseIndex(of f: Fact) -> Int {
        if case .text(_, _, let c) = f.place { return c }
        return -1
    }

    func nameOf(_ f: Fact) -> String {
        // most heads start with no year: no scalars read then
        guard let c = f.head.utf8.first, c >= 0x30, c <= 0x39 else { return f.head }
        return String(Labels.withoutLeadingYear(f.head))
    }

    /// Stated changes and the figures they compare, within one sentence (or, for a change that
    /// names its subject, "X…。X较上年减少D，下降P%", the sentence before):
    ///  - "由A增至B，增加D，增长P%" and "A…，B…，增加D": A and B right before a bare change word;
    ///  - "X，比上年的A增加D，增长P%": this year's X and the prior A stated with its comparison;
    ///  - "预算A，支出B，比预算多支出D": the figure named by the comparison is the prior one;
    ///  - "X较上年下降P%，由上年的A下降至B": a rate, then the two figures;
    ///  - "X，同比增长P%；上年A": last year's figure after the rate, named like X;
    ///  - "X，比上年减少D，下降P%": last year's figure is X ± D.
    /// Whatever is ambiguous stays unread: a % change of percentages (points or relative?), a
    /// change after a 其中 part with no prior figure, a change naming another subject.
    /// A stated amount change among the facts between `ids[k]` and `ids[n]`, followed by a "；" before `ids[n]`.
    func changeOfKindBeforeSemicolon(after k: Int, before n: Int, in ids: [Int], paragraph p: Paragraph) -> Bool {
        guard case .text = facts[ids[n]].place else { return false }
        let s = p.text.scalars
        let start = facts[ids[k]].number.range.upperBound, end = min(facts[ids[n]].number.numberRange.lowerBound, s.count)
        // the last "；" between them (a long stretch is no pair of neighbouring clauses: not looked at)
        guard start < end, end - start <= 200,
              let semicolon = (start..<end).last(where: { s[$0] == "；" || s[$0] == ";" }) else { return false }
        return ids[(k + 1)..<n].contains { id in
            let f = facts[id]
            return f.kind.isMoney && f.change != 0 && f.number.range.upperBound <= semicolon && isStatedChange(f)
        }
    }

    /// "收入总计A，支出总计A。与上年相比，收、支总计各增加D，增长P%": an amount that changed both
    /// totals (`joint_totals`, a distributive marker, a change word), compared with a year, is the
    /// change of the two equal totals stated last before it (in its sentence or the one before); the
    /// rate right after it, of its direction, is that change's.
    func jointTotalsChange(_ n: Int, in ids: [Int], paragraph p: Paragraph) -> ChangeStatement? {
        let c = facts[ids[n]]
        // (the totals' names may be left out: "收入总计A，支出总计A，与上年相比，各增加D")
        guard c.kind.isMoney, isStatedChange(c), case .text = c.place else { return nil }
        // ("财政拨款收、支总计各增加D": the totals of one fund, named before them)
        var head = Substring(c.head)
        if let scope = vocabulary[.jointTotalScopes].prefix(of: head),
           vocabulary[.jointTotals].isPrefix(of: head.dropFirst(scope.count)) || vocabulary[.jointChangeSubjects].isPrefix(of: head.dropFirst(scope.count)) {
            head = head.dropFirst(scope.count)
        }
        let joint = vocabulary[.jointTotals].prefix(of: head) ?? ""
        var rest = head.dropFirst(joint.count)
        if let marker = vocabulary[.distributiveMarkers].prefix(of: rest) {
            rest = rest.dropFirst(marker.count)
            guard labels.changeWords.contains(String(rest)) else { return nil }
        } else {
            // "收入总计A，支出总计A。收支较上年决算数减少D，下降P%": the two named as one subject of a
            // comparison with the year before
            guard let subject = vocabulary[.jointChangeSubjects].prefix(of: head) else { return nil }
            let comparison = String(head.unicodeScalars.dropFirst(subject.unicodeScalars.count))
            guard let (named, _) = splitComparison(comparison), named.isEmpty, labels.comparesWithYear(comparison),
                  labels.changeWords.isSuffix(of: comparison) else { return nil }
        }
        // compared with another year: the sentence before the change says so
        let sentence = sentenceIndex(of: c)
        guard p.sentences.indices.contains(sentence) else { return nil }
        let start = p.sentences[sentence].lowerBound, labelStart = c.number.numberRange.lowerBound - c.label.unicodeScalars.count
        guard start <= labelStart, labels.comparesWithYear(p.text.string(start..<labelStart)) || labels.comparesWithYear(c.label) else { return nil }
        // the two totals: the last two plain money figures of the latest year before it, marked as
        // totals, of one value (and the year before's two, when stated: "…，2022年度收入总计B，支出
        // 总计B，与2022年度相比，收入、支出总计各增加D")
        var marked = [Int]()
        var k = n - 1
        while k >= 0 && marked.count < 4 && n - k <= 8 {
            let f = facts[ids[k]]
            if sentenceIndex(of: f) < sentence - 1 { break }
            if f.kind.isMoney && f.marksTotal && isPlainFigure(f) { marked.append(ids[k]) }
            k -= 1
        }
        // "…支出预算总计A。⏎与2023年预算相比，收支预算总计各增加D": a change opening its paragraph, of the
        // totals the paragraph before ends with (at most its last sixteen figures)
        if marked.isEmpty, sentence == 0, let previous = previousParagraph(of: p) {
            let before = paragraphFacts[previous.index]
            let last = before.last.map { sentenceIndex(of: facts[$0]) } ?? 0
            // (its last two sentences, as within a paragraph: "收入总计A，其中…。支出总计A，其中…")
            for id in before.reversed().prefix(16) where sentenceIndex(of: facts[id]) >= last - 1 {
                let f = facts[id]
                if f.kind.isMoney && f.marksTotal && isPlainFigure(f) { marked.append(id) }
                if marked.count == 4 { break }
            }
        }
        // "2019年度收、支总计A，与2018年度相比，收、支总计各增加D": one figure named as both totals
        func namedJointly(_ id: Int) -> Bool {
            let text = facts[id].place.paragraph.map { doc.paragraphs[$0].text.scalars } ?? p.text.scalars
            var end = facts[id].number.numberRange.lowerBound
            while end > 0 && CharClass.isWhitespace(text[end - 1]) { end -= 1 }
            // (or one character between: "收支总计为A", "收、支总计：A")
            let joint = vocabulary[.jointTotals]
            return joint.suffixLength(text, endingAt: end) > 0 || (end > 1 && joint.suffixLength(text, endingAt: end - 1) > 0)
        }
        func pair(_ year: Int?) -> Int? {
            let two = marked.filter { facts[$0].year == year }
            // (of any unit: a total written in 元 beside a change in 万元 is the unit check's)
            if two.count == 1, namedJointly(two[0]) { return two[0] }
            guard two.count == 2, facts[two[0]].interval.overlaps(facts[two[1]].interval),
                  facts[two[0]].kind.moneyUnit == facts[two[1]].kind.moneyUnit else { return nil }
            return two[0]
        }
        let latest = marked.compactMap { facts[$0].year }.max()
        guard let current = pair(latest) else { return nil }
        let prior = latest.flatMap { pair($0 - 1) }
        var rate: Int?
        if n + 1 < ids.count {
            let r = facts[ids[n + 1]]
            if r.kind == .percent, isStatedChange(r), r.change == c.change, sentenceIndex(of: r) == sentence,
               vocabulary[.bareChangeWords].contains(r.head) { rate = ids[n + 1] }
        }
        var statement = ChangeStatement(prior: prior, current: current, difference: ids[n], rate: rate, direction: c.change, base: nil)
        statement.comparesWithYear = true
        return statement
    }

    /// "税收收入由A调减为B，调减D": an adjustment named by its verb alone, right after the figure it
    /// starts from (named with `change_from_markers`) and the figure it ends at, is B − A. Its rate,
    /// if any, is read on its own: "…，增长P%" after it compares with the year before.
    func adjustmentChange(_ n: Int, in ids: [Int]) -> ChangeStatement? {
        let c = facts[ids[n]]
        guard n >= 2, c.kind.isMoney, isStatedChange(c), vocabulary[.adjustmentChangeWords].contains(c.head) else { return nil }
        let a = facts[ids[n - 2]], b = facts[ids[n - 1]]
        let sentence = sentenceIndex(of: c)
        guard sentenceIndex(of: a) == sentence, sentenceIndex(of: b) == sentence, a.kind.sameFamily(as: c.kind), b.kind.sameFamily(as: c.kind),
              vocabulary[.changeFromMarkers].isSuffix(of: a.label), isPlainFigure(a), b.change == 0, !b.number.inRange, !b.number.approximate,
              clauseIndex(of: a) == clauseIndex(of: b), clauseIndex(of: c) == clauseIndex(of: b) + 1 else { return nil }
        return ChangeStatement(prior: ids[n - 2], current: ids[n - 1], difference: ids[n], rate: nil, direction: c.change)
    }

    func buildChanges() {
        // parts of a list whose change may be the list's (an item of an enumerated breakdown has its
        // text to itself, and is not one of them)
        let partIDs = Set(groups.filter { $0.marker != .outline }.flatMap(\.parts))
        // "公务接待费5.44万元，预算9.20万元，完成预算的59.13%，较上年减少2.08万元": a plan stated after the
        // figure done, whose completion rate names it right after, is not what the change speaks of
        func isPlanOfNextRate(_ k: Int, in ids: [Int]) -> Bool {
            guard k + 1 < ids.count, k > 0 else { return false }
            let f = facts[ids[k]], r = facts[ids[k + 1]]
            guard r.kind == .percent, sentenceIndex(of: r) == sentenceIndex(of: f), f.head.unicodeScalars.count >= 2,
                  r.number.numberRange.lowerBound - f.number.range.upperBound <= 12 else { return false }
            var label = Substring(r.label)
            while label.hasSuffix("的") { label = label.dropLast() }
            return label.hasSuffix(f.head) && label.count > f.head.count
        }
        for p in doc.paragraphs {
            let ids = paragraphFacts[p.index]
            var taken = Set<Int>()
            distributedChanges(ids, paragraph: p, taken: &taken)
            // (most figures state no change: told on the stored field, before the fact is copied)
            for n in ids.indices where !taken.contains(ids[n]) && facts[ids[n]].change != 0 {
                let c = facts[ids[n]]
                if let statement = adjustmentChange(n, in: ids) {
                    changes.append(statement)
                    continue
                }
                if let statement = jointTotalsChange(n, in: ids, paragraph: p) {
                    changes.append(statement)
                    if let r = statement.rate { taken.insert(r) }
                    continue
                }
                guard isStatedChange(c), let wording = changeWording(c) else { continue }
                let sentence = sentenceIndex(of: c)
                // the statement: a difference, with the rate that follows it, or a rate alone
                var diff: Int?, rate: Int?, last = n
                if c.kind == .percent {
                    rate = ids[n]
                    // "支出A，同比下降P%，减支D": the amount right after the rate, in the next clause and named by
                    // a bare change word of the same direction, is the same change's difference
                    if n + 1 < ids.count, !taken.contains(ids[n + 1]) {
                        let a = facts[ids[n + 1]]
                        let bare = vocabulary[.bareChangeWords]
                        // "较上年下降P%，较上年减少D": the rate's comparison restated with the amount; "同比下降P%（减少D）":
                        // the amount in a bracket right after the rate
                        let restated = Self.comparisonBefore(a.head, bare).map { !$0.isEmpty && $0 == Self.comparisonBefore(c.head, bare) } ?? false
                        let aside = a.number.parenDepth == c.number.parenDepth + 1 && bare.contains(a.head)
                            && a.number.numberRange.lowerBound - c.number.range.upperBound <= 4
                        if a.kind.isMoney, isStatedChange(a), a.change == c.change, sentenceIndex(of: a) == sentence,
                           clauseIndex(of: a) == clauseIndex(of: c) + 1 && (bare.contains(a.head) || restated) || aside,
                           // "收入（同口径）完成A，同比增长P%，增收D": the rate on a like-for-like basis, the amount maybe not
                           !([c] + (n > 0 ? [facts[ids[n - 1]]] : [])).contains(where: { vocabulary[.comparisonQualifiers].occurs(in: $0.label) }) {
                            diff = ids[n + 1]
                            last = n + 1
                            taken.insert(ids[n + 1])
                        }
                    }
                } else {
                    diff = ids[n]
                    if c.kind != .percentagePoint, n + 1 < ids.count {
                        let r = facts[ids[n + 1]]
                        if r.kind == .percent, isStatedChange(r), r.change == c.change, sentenceIndex(of: r) == sentence,
                           let w = changeWording(r), w.subject.isEmpty, !comparesWithAnotherBase(w, than: n, in: ids) {
                            rate = ids[n + 1]
                            last = n + 1
                            taken.insert(ids[n + 1])
                        }
                    }
                }
                let d = diff.map { facts[$0] }
                let family: (Fact) -> Bool = { f in
                    if let d { return d.kind == .percentagePoint ? f.kind == .percent : f.kind.sameFamily(as: d.kind) }
                    if case .money = f.kind { return true }
                    if case .count = f.kind { return true }
                    return f.kind == .score
                }
                func add(prior: Int?, current: Int?) {
                    var base: String?
                    if case .compared(_, let named) = wording, !named.isEmpty { base = named }
                    var statement = ChangeStatement(prior: prior, current: current, difference: diff, rate: rate, direction: c.change, base: base)
                    statement.comparesWithYear = comparesWithYear(wording, prior: prior, current: current)
                    // "预算A，实际支出B，执行率P%，结余C；比上年X减少D" and "公务接待费A（预算B），…，人均C元，上年支出X，
                    // 同比下降P%": the figure the change fits may be another of its sentence than the nearest
                    if let prior, let current {
                        statement.alternative = fittingFigure(prior: prior, besides: current, before: n, in: ids,
                                                              difference: diff, rate: rate, direction: c.change, family)
                    } else if let current, let diff, let rate, !changeFits(current: current, difference: diff, rate: rate) {
                        statement.alternative = fittingCurrent(besides: current, before: n, in: ids, difference: diff, rate: rate, family)
                    }
                    changes.append(statement)
                }
                // the figures of the same family before the change, nearest first
                var before = [Int]()
                for k in stride(from: n - 1, through: 0, by: -1) {
                    let f = facts[ids[k]]
                    guard sentenceIndex(of: f) == sentence else { break }
                    // "支出47.22亿元（其中权责发生制列支6821万元），增长1.98%": a bracketed aside is not
                    // what the change after the bracket speaks of
                    // (but a figure compared with, bracketed after its year, is what it compares with:
                    // "较2022年（97.2%）提高1.4个百分点")
                    if f.number.parenDepth > c.number.parenDepth && !(f.comparesYears && f.change == 0) { continue }
                    if isPerHeadInOtherUnit(f, than: c) { continue }
                    if family(f) { before.append(ids[k]) }
                    if before.count == 3 { break }
                }
                let cc = clauseIndex(of: c)
                if before.count >= 1 {
                    let b0 = facts[before[0]]
                    let b1 = before.count >= 2 ? facts[before[1]] : nil
                    // "由A增至B，增加D" / "A…，B…，增加D"; among three figures ("预算A，调整数B，决算数C，
                    // 增加D") the change is between the two it is the difference of
                    // (not a list's whole and its part: "支出总计3319万元，其中本级支出1703万元，下降52.75%")
                    if case .bare = wording, let b1, isPlainFigure(b0), isPlainFigure(b1), b0.kind.sameFamily(as: b1.kind),
                       cc - clauseIndex(of: b0) == 1, clauseIndex(of: b0) - clauseIndex(of: b1) <= 1, !namesOtherMeasure(b1, than: b0),
                       !(groupsOfWhole[before[1]] ?? []).contains(where: { groups[$0].parts.contains(before[0]) }),
                       // (nor two parts of one list: "新增1,651人，其中新满80周岁1,598人、户籍迁入53人；减少1,204人")
                       !(groupsOfPart[before[0]] ?? []).contains(where: { groups[$0].parts.contains(before[1]) }) {
                        var pair = (prior: before[1], current: before[0])
                        if before.count == 3, isPlainFigure(facts[before[2]]), facts[before[2]].kind.sameFamily(as: b1.kind),
                           clauseIndex(of: b1) - clauseIndex(of: facts[before[2]]) <= 1 {
                            pair = closestPair([(before[1], before[0]), (before[2], before[0]), (before[2], before[1])],
                                               difference: diff, rate: rate, direction: c.change)
                        }
                        // "外借图书186,420册次，上年为172,635册次，增长7.99%": the figure dated the year before,
                        // stated second, is the prior
                        // (whatever dates the first: "2023年度…支出186.73万元，上年为201.35万元，减少D")
                        if let yp = facts[pair.prior].year, let yc = facts[pair.current].year, yc < yp,
                           facts[pair.current].yearSource == .clause {
                            pair = (prior: pair.current, current: pair.prior)
                        }
                        // "本期标煤耗a，上一采暖期为b，下降P%": the figure named as the period before's, stated second, is the prior
                        let priorLeads = vocabulary[.priorPeriodLeads]
                        if priorLeads.isPrefix(of: facts[pair.current].label), !priorLeads.isPrefix(of: facts[pair.prior].label) {
                            pair = (prior: pair.current, current: pair.prior)
                        }
                        // "追加A，同时收回B，净增加D": flows in and out, the change their net (A − B: B as the prior);
                        // a rate after it is of a budget not stated here
                        if vocabulary[.budgetAddedWords].occurs(in: facts[pair.prior].label), vocabulary[.budgetWithdrawnWords].occurs(in: facts[pair.current].label) {
                            pair = (prior: pair.current, current: pair.prior)
                            rate = nil
                        }
                        // "单位造价a，低于控制指标b，降幅P%": the figure the other is measured against is the base
                        let against = vocabulary[.measuredAgainstVerbs]
                        if against.isPrefix(of: facts[pair.current].label), !against.isPrefix(of: facts[pair.prior].label) {
                            pair = (prior: pair.current, current: pair.prior)
                        }
                        add(prior: pair.prior, current: pair.current)
                        continue
                    }
                    // "X，比上年的A增加D"; "X a。比上年X A减少D，下降P%": opening its sentence, the figure
                    // compared with names again one the sentence before states
                    let split = b0.change == 0 && b0.comparesYears ? splitComparison(b0.head) ?? splitComparison(b0.label) : nil
                    let namedBefore = b1 == nil && split != nil && opensSentence(p, fact: b0)
                        ? previousSentenceFigure(comparedAs: split!.rest, before: n, in: ids, family) : nil
                    if case .bare = wording, b0.change == 0, b0.comparesYears, !b0.number.inRange, b0.number.comparator == nil,
                       !b0.number.approximate, b0.shareOf == nil, let (subject, base) = split,
                       isComparedFigure(base, current: b1 ?? namedBefore.map { facts[$0] }), cc - clauseIndex(of: b0) <= 1 {
                        var current: Int?
                        // "X，完成预算数B的104%，较上年A增长P%": B is the base of a completion rate, X the subject
                        // ("全年救助436人，年度目标420人，完成率P%，较上年A增加D": nor is a target, with its rate's clause)
                        var b1 = b1, at1 = 1, slack = 0
                        let isTarget = b1.map { vocabulary[.targetLabels].contains($0.head) } ?? false
                        if let candidate = b1, isRateBase(candidate) || isTarget, before.count >= 3, isPlainFigure(facts[before[2]]),
                           clauseIndex(of: b0) - clauseIndex(of: facts[before[2]]) <= (isTarget ? 3 : 2) {
                            b1 = facts[before[2]]
                            at1 = 2
                            slack = isTarget ? 1 : 0
                        }
                        // ("实际支出A，为预算的76.71%，比上年B下降P%": a clause stating a rate of A between them)
                        if let b1, isPlainFigure(b1), !isRateBase(b1), !(isTarget && at1 == 1),
                           clauseIndex(of: b0) - clauseIndex(of: b1) <= at1 + slack || (clauseIndex(of: b0) - clauseIndex(of: b1) == at1 + 1 && onlyRatesBetween(b1, b0, in: ids)),
                           subject.isEmpty || nameOf(b1) == subject {
                            current = before[at1]
                        } else if b1.map({ $0.kind == .percent || (!isPlainFigure($0) && clauseIndex(of: $0) < clauseIndex(of: b0)) }) ?? true, !subject.isEmpty {
                            // "全年支出a。全年支出较上年的A增长P%" (or after another comparison: "…增长6.55%，人员经费较上年B增长P%")
                            current = namedInPreviousSentence(subject, before: n, in: ids, family)
                        } else if b1 == nil, subject.isEmpty {
                            current = namedBefore
                        }
                        if current != nil || (diff != nil && rate != nil) {
                            add(prior: before[0], current: current)
                            // "新增债券A，其中一般债券a、专项债券b，较上年的B增长P%": after the last part of a list,
                            // the comparison may be the list's whole's
                            if let current, partIDs.contains(current), let g = groupOfPart[current].map({ groups[$0] }),
                               g.parts.last == current, facts[g.whole].kind.sameFamily(as: facts[current].kind) {
                                changes[changes.count - 1].alternative = g.whole
                            }
                        }
                        continue
                    }
                    // "预算A，支出B，比预算多支出D" / "2022年A，2023年B，同比增加D"
                    if case .compared(let subject, let base) = wording, let b1, isPlainFigure(b0), isPlainFigure(b1),
                       b0.kind.sameFamily(as: b1.kind), cc - clauseIndex(of: b0) <= 1, clauseIndex(of: b0) - clauseIndex(of: b1) <= 1,
                       let (prior, current) = comparedPair(before[1], before[0], base: base, upTo: n, in: ids) {
                        if subject.isEmpty || nameOf(facts[current]).hasSuffix(subject) {
                            add(prior: prior, current: current)
                        }
                        continue
                    }
                }
                // "X较上年下降P%，由上年的A下降至B"
                if diff == nil, n + 2 < ids.count {
                    let a = facts[ids[n + 1]], b = facts[ids[n + 2]]
                    if sentenceIndex(of: a) == sentence, sentenceIndex(of: b) == sentence, family(a), a.kind.sameFamily(as: b.kind),
                       a.head.hasPrefix("由"), a.change == 0, !a.number.inRange, a.number.comparator == nil, !a.number.approximate,
                       isPlainFigure(b), b.label.hasSuffix("至") || b.label.hasSuffix("到"),
                       clauseIndex(of: a) == cc + 1, clauseIndex(of: b) - clauseIndex(of: a) <= 1 {
                        add(prior: ids[n + 1], current: ids[n + 2])
                        continue
                    }
                }
                // this year's figure: the nearest figure before the change, skipping a share ("…，占支出
                // 总预算10.00%，同比增加…"), a figure compared with something other than a year ("较预算
                // 节约2.64万元") and the changes stated before about the same figure ("X，较上年减少D1，
                // 下降P1%，较年初预算减少D2，下降P2%")
                // and, when the change is an amount, a percentage in between and its base ("X，完成预算B的
                // 58.1%，同比增收D"): an amount is never the change of a percentage; nor an amount per head
                // in another unit ("培训费支出a万元，…，人均培训费b元；较上年增加D万元") of a change of the whole
                var k = n - 1
                while k >= 0 && (facts[ids[k]].number.parenDepth > c.number.parenDepth
                                 || (facts[ids[k]].kind == .percent && (facts[ids[k]].shareOf != nil || (d != nil && d!.kind != .percentagePoint)))
                                 || (d != nil && d!.kind != .percentagePoint && (isRateBase(facts[ids[k]]) || isPlanOfNextRate(k, in: ids)))
                                 || isStatedChange(facts[ids[k]])
                                 || isPerHeadInOtherUnit(facts[ids[k]], than: c)
                                 || (facts[ids[k]].comparesYears && !labels.comparesWithYear(facts[ids[k]].label))) { k -= 1 }
                if k >= 0, sentenceIndex(of: facts[ids[k]]) == sentence {
                    let x = facts[ids[k]]
                    // "2022年项目实际支出A，2023年同比增加D": a change its own clause dates speaks of that year's
                    // figure; one dated to the year before is what it is compared with (when the whole, not the
                    // last part of a list: "2025年预算7.45万元，其中…6.00万元；2026年较上年减少0.65万元")
                    if c.yearSource == .clause, let cy = c.year, let xy = x.year, xy < cy {
                        if xy == cy - 1, x.yearSource == .clause, !partIDs.contains(ids[k]), family(x), isPlainFigure(x) { add(prior: ids[k], current: nil) }
                        continue
                    }
                    // "城市维护建设税798万元，同比减收194万元；房产税收入同比增收531万元，同比减收24万元": a
                    // figure whose own change of this kind ends before a "；" is not what a change after it,
                    // about the next item, speaks of
                    if let d, d.kind != .percentagePoint, changeOfKindBeforeSemicolon(after: k, before: n, in: ids, paragraph: p) { continue }
                    // a change after the last part of a 其中 list may belong to the list's total: unclear,
                    // unless each part has a "；"-part of its own ("其中：A x，同比增加D；B y，…")
                    // ("需补助A，其中轮作a、休耕b，比上年增加D，增长P%": or, after the last of parts that make up their
                    // whole exactly in the whole's sentence, the whole's; either reading may be meant)
                    let wholeOfCompleteList = partIDs.contains(ids[k])
                        ? self.wholeOfCompleteList(endingWith: ids[k], sentence: sentence).flatMap { family(facts[$0]) && isPlainFigure(facts[$0]) ? $0 : nil }
                        : nil
                    // "与2022年拨付的A相比，补贴资金增加D，增长P%": the figure compared with, stated alone right before the
                    // change, is its prior (this year's is not in the sentence)
                    if x.comparesYears, labels.comparesWithYear(x.label), family(x), x.change == 0, !x.number.inRange, x.number.comparator == nil,
                       x.shareOf == nil, !x.number.approximate, let xy = x.year, let cy = c.year, xy == cy - 1, !partIDs.contains(ids[k]),
                       !ids[..<k].contains(where: { sentenceIndex(of: facts[$0]) == sentence && family(facts[$0]) && isPlainFigure(facts[$0]) }) {
                        // (the rate's difference, stated between them: "…相比，补贴资金增加D，同比增长P%")
                        if diff == nil, rate != nil {
                            let between = ids[(k + 1)..<n].filter { id in
                                let f = facts[id]
                                return isStatedChange(f) && f.change == c.change && f.kind.sameFamily(as: x.kind) && sentenceIndex(of: f) == sentence
                            }
                            if between.count == 1 { diff = between[0] }
                        }
                        // (not when a change stands between them that is not this one's, the prior's own: "比2023年的A增长P%，
                        // 可行性缺口补助较上年仅增加D，增幅Q%"; nor a difference naming a comparison of its own)
                        let others = ids[(k + 1)..<n].filter { isStatedChange(facts[$0]) && $0 != diff && $0 != rate }
                        if others.isEmpty, !(diff.map { facts[$0].comparesYears } ?? false) {
                            add(prior: ids[k], current: nil)
                        }
                        continue
                    }
                    guard family(x), isPlainFigure(x),
                          !partIDs.contains(ids[k]) || ownsItsSegment(ids[k], change: c, paragraph: p)
                            || (wholeOfCompleteList != nil && diff != nil && rate != nil) else { continue }
                    if !wording.subject.isEmpty && !nameOf(x).hasSuffix(wording.subject) && !wording.subject.hasSuffix(nameOf(x)) { continue }
                    // "赔付金额由A增加D，增长P%": the figure the change starts from (`change_from_markers`) is the prior
                    if vocabulary[.changeFromMarkers].isSuffix(of: x.label), clauseIndex(of: x) == cc {
                        add(prior: ids[k], current: nil)
                        continue
                    }
                    if let prior = priorAfter(x, statementEnd: last, in: ids) {
                        add(prior: prior, current: ids[k])
                    } else if diff == nil, rate != nil, let parts = changesListedAfter(n, in: ids, paragraph: p, family: family) {
                        add(prior: nil, current: ids[k])
                        changes[changes.count - 1].differenceParts = parts
                    } else if diff != nil && rate != nil {
                        add(prior: nil, current: ids[k])
                        // the one part of its list: the change may be its list's whole's as well
                        if partIDs.contains(ids[k]), let g = groupOfPart[ids[k]].map({ groups[$0] }), g.parts.count == 1,
                           facts[g.whole].kind.sameFamily(as: x.kind) {
                            changes[changes.count - 1].alternative = g.whole
                        }
                        if let whole = wholeOfCompleteList, let d = diff, let r = rate, !changeFits(current: ids[k], difference: d, rate: r) {
                            changes[changes.count - 1].alternative = whole
                        }
                    } else if !isRateBase(x) {
                        // a difference or a rate alone: nothing to check it against here, but with its
                        // figure it says what last year's was ("公务接待费16万元，较上年减少4万元"); not
                        // of a completion rate's base ("完成预算B的100.8%，同比增长P%")
                        add(prior: nil, current: ids[k])
                    }
                    continue
                }
                // "“三公”经费支出4.86万元。“三公”经费支出较上年减少0.96万元，下降20.00%。"
                // "公务接待费支出决算比预算无增减变化，比去年增加D，增长P%": the subject named in the
                // clause before, a comparison with no figure
                if before.allSatisfy({ !isPlainFigure(facts[$0]) }), diff != nil, rate != nil, case .compared(let named, _) = wording,
                   let subject = named.isEmpty ? subjectOfClauseBefore(c, paragraph: p, ids: ids) : named {
                    if let x = namedInPreviousSentence(subject, before: n, in: ids, family) { add(prior: nil, current: x) }
                    continue
                }
                // "X较上年减少D1，下降P1%；较年初预算数减少D2，下降P2%": a second comparison naming no
                // subject, with no figure of its own since the first, speaks of the first one's figure
                if diff != nil, rate != nil, wording.subject.isEmpty, let previous = changes.last, let current = previous.current,
                   let previousEnd = [previous.difference, previous.rate].compactMap({ $0 }).max(),
                   facts[previousEnd].place.paragraph == p.index, sentenceIndex(of: facts[previousEnd]) == sentence,
                   facts[current].kind.sameFamily(as: c.kind),
                   !ids[..<n].contains(where: { $0 > previousEnd && isPlainFigure(facts[$0]) }) {
                    add(prior: nil, current: current)
                    continue
                }
                // "收入792.22万元。同比上年度增加189.25万元，增长31.39%。": a change opening its sentence
                // with no subject speaks of the figure the sentence before ends with
                if before.isEmpty, diff != nil, rate != nil, wording.subject.isEmpty, opensSentence(p, fact: c),
                   let x = lastFigureOfPreviousSentence(before: n, in: ids, family) {
                    add(prior: nil, current: x)
                    continue
                }
                // "X，其中：A a，B b，C c。与上年相比增长P%，其中A增加…，B增加…，C减少…": the rate opening
                // the sentence after a list, with the changes of its parts listed, is about the list's whole
                if before.isEmpty, diff == nil, rate != nil, wording.subject.isEmpty, opensSentence(p, fact: c),
                   let parts = changesListedAfter(n, in: ids, paragraph: p, family: family),
                   let last = ids[..<n].last(where: { ExtractionState.sentence(of: facts[$0]) == sentence - 1 }),
                   let g = groupOfPart[last], groups[g].marker != .outline, family(facts[groups[g].whole]), isPlainFigure(facts[groups[g].whole]) {
                    add(prior: nil, current: groups[g].whole)
                    changes[changes.count - 1].differenceParts = parts
                }
            }
        }
    }

    /// Between two figures of a paragraph (in text order) stand only percentages stated for themselves,
    /// one at least: no change, no comparison.
    /// "低保对象4,917户8,963人，较上年末4,856户8,842人分别增加61户、121人", "收入A、支出B，比上年A′、B′
    /// 分别增长P%、Q%": as many figures, then as many compared with, then a distributive word and as
    /// many changes — each change is of the figures in its place. One pass: each change is looked at
    /// once, and only a few figures back.
    func distributedChanges(_ ids: [Int], paragraph p: Paragraph, taken: inout Set<Int>) {
        let s = p.text.scalars
        let distributive = vocabulary[.distributiveMarkers], joiners = labels.nameJoiners, perUnit = vocabulary[.perUnitWords]
        // listed one after the other: glued ("4,856户8,842人"), or joined by 、 or a joiner word
        func listed(_ a: Int, _ b: Int) -> Bool {
            let g = facts[a].gap(to: facts[b], in: s).filter { !CharClass.isWhitespace($0) }
            if g.isEmpty { return facts[b].countsAgain(facts[a]) || facts[b].label.isEmpty }
            return (g.count == 1 && g.first == "、") || joiners.contains(ScalarString.make(g))
        }
        func namedInList(_ a: Int, _ b: Int) -> Bool {
            let g = facts[a].gap(to: facts[b], in: s)
            // ("标准为每人每年12,600元，农村为10,800元，分别较上年的…": a name after a comma too)
            return (g.first == "、" || g.first == "，") && g.count <= 12 && !g.dropFirst().contains(where: { Labels.clauseBoundaries.contains($0) || CharClass.isDigit($0) })
        }
        var n = 0
        while n < ids.count {
            let first = facts[ids[n]]
            guard first.change != 0, !taken.contains(ids[n]) else { n += 1; continue }
            var run = [ids[n]]
            while n + run.count < ids.count, case let next = facts[ids[n + run.count]], next.change == first.change,
                  next.kind == first.kind || (next.kind.measureWord != nil && first.kind.measureWord != nil),
                  sentenceIndex(of: next) == sentenceIndex(of: first), listed(run[run.count - 1], ids[n + run.count]) {
                run.append(ids[n + run.count])
            }
            let k = run.count
            defer { n += k }
            // the distributive word before the changes, or before the figures compared with ("分别较上年的A、B提高P%和Q%")
            guard k >= 2, n >= 2 * k, distributive.occurs(in: first.label) || distributive.occurs(in: facts[ids[n - k]].label) else { continue }
            // (an average between them is passed over: "4,917户8,963人，户均1.82人，较上年末…")
            var end = n - k
            while end > n - k - 2, end - 1 >= k, perUnit.occurs(in: facts[ids[end - 1]].label) { end -= 1 }
            let priors = Array(ids[(n - k)..<n]), currents = Array(ids[(end - k)..<end])
            guard facts[priors[0]].comparesYears, zip(priors, priors.dropFirst()).allSatisfy({ listed($0, $1) }),
                  // (the figures compared may be named: "收入A、支出B")
                  zip(currents, currents.dropFirst()).allSatisfy({ listed($0, $1) || namedInList($0, $1) }),
                  (currents + priors).allSatisfy({ facts[$0].change == 0 && !facts[$0].isTarget && sentenceIndex(of: facts[$0]) == sentenceIndex(of: first) }),
                  !facts[currents[0]].comparesYears else { continue }
            // each change of the same kind as its figures (a rate of any)
            guard (0..<k).allSatisfy({ i in
                let c = facts[currents[i]], b = facts[priors[i]], d = facts[run[i]]
                return c.kind == b.kind && (d.kind == .percent || d.kind.sameFamily(as: c.kind))
            }) else { continue }
            for i in 0..<k {
                let d = facts[run[i]]
                var statement = ChangeStatement(prior: priors[i], current: currents[i], difference: d.kind == .percent ? nil : run[i],
                                                rate: d.kind == .percent ? run[i] : nil, direction: d.change)
                statement.comparesWithYear = comparesWithYear(.bare, prior: priors[i], current: currents[i])
                changes.append(statement)
                taken.insert(run[i])
            }
        }
    }

    func onlyRatesBetween(_ a: Fact, _ b: Fact, in ids: [Int]) -> Bool {
        guard let i = ids.firstIndex(of: a.id), let j = ids.firstIndex(of: b.id), j > i + 1 else { return false }
        // (and the bases of those rates: "X，完成年度目标任务（B）的101.13%，较上年A增长P%")
        return ids[(i + 1)..<j].allSatisfy { (facts[$0].kind == .percent || isRateBase(facts[$0])) && facts[$0].change == 0 && !facts[$0].comparesYears }
    }

    /// "公务接待费支出决算比预算无增减变化，比去年增加0.5万元": the subject of the comparison in the
    /// clause right before the change's, when that clause states no figure.
    func subjectOfClauseBefore(_ c: Fact, paragraph p: Paragraph, ids: [Int]) -> String? {
        let s = p.text.scalars
        let delimiters = "，,；;。：:".unicodeScalars
        var end = c.number.numberRange.lowerBound - 1
        while end >= 0 && !delimiters.contains(s[end]) { end -= 1 }
        guard end > 0, s[end] != "。" else { return nil }
        var start = end - 1
        while start >= 0 && !delimiters.contains(s[start]) { start -= 1 }
        start += 1
        guard start < end, !ids.contains(where: { facts[$0].number.range.overlaps(start..<end) }) else { return nil }
        guard let (subject, _) = splitComparison(Text.string(s[start..<end])), !subject.isEmpty else { return nil }
        return subject
    }

    /// "增长16.75%，其中A增加0万元，B增加2.01万元，C减少0万元": the changes a 其中 right after a rate
    /// lists, in its sentence, when every figure of the list is a change of the family (at least two).
    func changesListedAfter(_ n: Int, in ids: [Int], paragraph p: Paragraph, family: (Fact) -> Bool) -> [Int]? {
        let c = facts[ids[n]]
        guard n + 1 < ids.count else { return nil }
        let s = p.text.scalars
        let from = c.number.range.upperBound, to = facts[ids[n + 1]].number.numberRange.lowerBound
        guard from < to, to - from <= 40, vocabulary[.listOpenersOf].firstMatch(in: s, from: from, before: to) != nil else { return nil }
        var parts = [Int]()
        for id in ids[(n + 1)...] {
            let f = facts[id]
            guard sentenceIndex(of: f) == sentenceIndex(of: c) else { break }
            guard f.change != 0, f.kind != .percent, f.kind != .percentagePoint, family(f), !f.number.inRange else { break }
            parts.append(id)
        }
        return parts.count >= 2 ? parts : nil
    }

    /// "X支出a。X支出较上年…": this year's figure in the sentence before, under the very name the
    /// change gives its subject (not a listed part, not another year's figure).
    func namedInPreviousSentence(_ name: String, before n: Int, in ids: [Int], _ family: (Fact) -> Bool) -> Int? {
        let sentence = sentenceIndex(of: facts[ids[n]])
        // the sentences before, nearest first (a statement of changes follows the statement of the
        // figures: "公务用车…支出决算为8.47万元；…。…比2016年度减少…，其中：公务用车…减少0.29万元")
        let wanted = resolve(name)
        let named: (Fact) -> Bool = { [facts] f in
            if String(Labels.withoutLeadingYear(facts[f.id].head)) == name { return true }
            // one concept, two wordings: "“三公”经费较上年…" about "“三公”经费决算4.5万元"
            guard let item = wanted.item, item != "total", f.concept.item == item, f.concept.scope == wanted.scope, f.concept.rate == nil else { return false }
            return wanted.measure == nil || !wanted.explicitMeasure || f.concept.measure == wanted.measure
        }
        var scopes: [[Int]] = stride(from: sentence - 1, through: max(0, sentence - 3), by: -1).map { s in
            ids[..<n].filter { ExtractionState.sentence(of: facts[$0]) == s }
        }
        // and the paragraph before, in the same section
        if let p = facts[ids[n]].place.paragraph, p > 0, doc.paragraphs[p - 1].sectionPath == doc.paragraphs[p].sectionPath {
            scopes.append(paragraphFacts[p - 1])
        }
        // ("“三公”经费预算A，…。全年实际支出a，…。“三公”经费较上年的B下降P%": a name of no measure of its own, a
        // spending figure between: the budget is not surely what changed)
        var spendingPassed = false
        for scope in scopes {
            let candidates = scope.filter { family(facts[$0]) && named(facts[$0]) && isPlainFigure(facts[$0]) }
            guard let x = candidates.last else {
                if scope.contains(where: { facts[$0].concept.measure == "spend" && family(facts[$0]) && isPlainFigure(facts[$0]) }) { spendingPassed = true }
                continue
            }
            // (or after it in its own scope: "…年初预算A，…。全年实际支出B，…" ⏎ "项目支出较上年（C）增长P%")
            let spendingAfter = scope.contains { $0 > x && facts[$0].concept.measure == "spend" && family(facts[$0]) && isPlainFigure(facts[$0]) }
            if spendingPassed || spendingAfter, !wanted.explicitMeasure, facts[x].concept.measure == "budget" { return nil }
            // one value only: a name stated twice with two values is ambiguous
            guard Set(candidates.map { facts[$0].interval.midpoint }).count == 1 else { return nil }
            let f = facts[x]
            guard f.year == nil || f.year == fiscalYear else { return nil }
            return x
        }
        // ("（二）支出结构…基本支出A…" ⏎ "（三）与上年对比…其中：基本支出较上年B增长P%": or anywhere in the
        // report, when all this year's figures of that lexicon item and measure have one value)
        guard let item = wanted.item, item != "total", wanted.rate == nil, !spendingPassed,
              let measure = wanted.measure ?? lexicon.item(item)?.defaultMeasure else { return nil }
        if figuresBySubject == nil {
            var index = [SubjectKey: [Int]]()
            for f in facts where f.concept.item != nil && f.concept.item != "total" && f.concept.rate == nil && isPlainFigure(f) {
                index[SubjectKey(item: f.concept.item, scope: f.concept.scope), default: []].append(f.id)
            }
            figuresBySubject = index
        }
        // (each subject's figure found once: a report of thousands of such changes stays linear)
        let key = SubjectFigureKey(subject: SubjectKey(item: item, scope: wanted.scope), measure: measure, qualifier: wanted.qualifier)
        if subjectFigures[key] == nil {
            let all = (figuresBySubject?[key.subject] ?? []).filter {
                facts[$0].concept.measure == measure && facts[$0].concept.qualifier == wanted.qualifier
                    && (facts[$0].year == nil || facts[$0].year == fiscalYear)
            }
            subjectFigures[key] = .some(all.first.flatMap { Set(all.map { facts[$0].interval.midpoint }).count == 1 ? $0 : nil })
        }
        guard let found = subjectFigures[key] ?? nil, family(facts[found]) else { return nil }
        return found
    }

    /// Of two figures before "比预算多支出" / "同比增加", the one the comparison names is the prior:
    /// by its label for a budget or a plan (the only figure of the sentence so named), by its year
    /// for another year.
    func comparedPair(_ first: Int, _ second: Int, base: String, upTo n: Int, in ids: [Int]) -> (prior: Int, current: Int)? {
        let f = facts[first], s = facts[second]
        if isYearBase(base) {
            guard let yf = f.year, let ys = s.year else { return nil }
            if f.yearSource == .clause && yf == ys - 1 { return (first, second) }
            if s.yearSource == .clause && ys == yf - 1 { return (second, first) }
            return nil
        }
        var name = base
        if name.hasSuffix("数") { name = String(name.dropLast()) }
        guard !name.isEmpty else { return nil }
        let sentence = sentenceIndex(of: f)
        let named = ids[..<n].filter { ExtractionState.sentence(of: facts[$0]) == sentence && isPlainFigure(facts[$0])
            && facts[$0].kind.sameFamily(as: f.kind) && facts[$0].head.contains(name) }
        guard named.count == 1 else { return nil }
        if named[0] == first { return (first, second) }
        if named[0] == second { return (second, first) }
        return nil
    }

    /// "X，同比增长P%；上年办理A": last year's figure right after the statement, named like X.
    func priorAfter(_ x: Fact, statementEnd last: Int, in ids: [Int]) -> Int? {
        guard last + 1 < ids.count else { return nil }
        let a = facts[ids[last + 1]], end = facts[ids[last]]
        guard sentenceIndex(of: a) == sentenceIndex(of: end), clauseIndex(of: a) == clauseIndex(of: end) + 1,
              isPlainFigure(a), a.kind.sameFamily(as: x.kind) else { return nil }
        var rest = Substring(a.head)
        if let ya = a.year, let yx = x.year ?? fiscalYear {
            guard a.yearSource == .clause, ya == yx - 1 else { return nil }
        }
        // "上年办理A" or, with its year stated, "2022年度办理A"
        if let word = vocabulary[.previousYear].prefix(of: rest) {
            rest = rest.dropFirst(word.count)
        } else if a.year != nil, let year = Labels.leadingYear(String(rest)), year.year == a.year {
            rest = Substring(String(rest.unicodeScalars.dropFirst(year.length)))
        } else {
            return nil
        }
        if let period = vocabulary[.samePeriodWords].prefix(of: rest) { rest = rest.dropFirst(period.count) }
        if rest.hasPrefix("的") { rest = rest.dropFirst() }
        guard rest.isEmpty || x.head.contains(rest) else { return nil }
        return ids[last + 1]
    }


    /// Of several (prior, current) pairs, the one whose difference (or rate) is nearest the stated one.
    /// Among the plain figures of the change's sentence before the figure compared with (other than
    /// `current`), the one of the same unit the change fits best, if it fits better than `current`.
    func fittingFigure(prior: Int, besides current: Int, before n: Int, in ids: [Int], difference: Int?, rate: Int?, direction: Int,
                       _ family: (Fact) -> Bool) -> Int? {
        let sentence = sentenceIndex(of: facts[ids[n]])
        let unit = facts[prior].kind.moneyUnit
        var candidates = [Int]()
        for k in stride(from: n - 1, through: 0, by: -1) {
            let f = facts[ids[k]]
            guard sentenceIndex(of: f) == sentence else { break }
            if ids[k] != prior, ids[k] != current, mayBeChanged(f, unit: unit, family) { candidates.append(ids[k]) }
        }
        guard !candidates.isEmpty else { return nil }
        let best = closestPair([(prior, current)] + candidates.map { (prior, $0) }, difference: difference, rate: rate, direction: direction)
        return best.current == current ? nil : best.current
    }

    /// "运行维护费A，…，单车平均运行维护费B，较上年减少D，下降P%": a difference and a rate that do not
    /// fit the figure nearest before them may be of an earlier figure of their sentence, of the same
    /// family and unit, that they fit (the nearest such one).
    func fittingCurrent(besides current: Int, before n: Int, in ids: [Int], difference: Int, rate: Int, _ family: (Fact) -> Bool) -> Int? {
        let sentence = sentenceIndex(of: facts[ids[n]])
        let unit = facts[current].kind.moneyUnit
        // (a few figures back at most: a sentence of many changes is not read again for each)
        for k in stride(from: n - 1, through: max(0, n - 8), by: -1) {
            let f = facts[ids[k]]
            guard sentenceIndex(of: f) == sentence else { break }
            guard ids[k] != current, mayBeChanged(f, unit: unit, family) else { continue }
            if changeFits(current: ids[k], difference: difference, rate: rate) { return ids[k] }
        }
        return nil
    }

    /// A figure of its sentence that a change may speak of instead of the nearest: plain, of the
    /// change's family and money unit, no base of a rate after it.
    func mayBeChanged(_ f: Fact, unit: MoneyUnit?, _ family: (Fact) -> Bool) -> Bool {
        family(f) && isPlainFigure(f) && f.kind.moneyUnit == unit && !isRateBase(f)
    }

    /// The stated rate is the difference over the figure before the change (the current figure less
    /// the difference, or plus it for a decrease), within rounding.
    func changeFits(current: Int, difference: Int, rate: Int) -> Bool {
        let d = facts[difference].interval, c = facts[current].interval
        let prior = facts[difference].change < 0 ? c + d : c - d
        guard let q = d / prior else { return true }
        return (q * Interval(exactly: 100)).overlaps(facts[rate].interval)
    }

    func closestPair(_ pairs: [(prior: Int, current: Int)], difference: Int?, rate: Int?, direction: Int) -> (prior: Int, current: Int) {
        func miss(_ pair: (prior: Int, current: Int)) -> Decimal {
            let a = facts[pair.prior].interval.midpoint, b = facts[pair.current].interval.midpoint
            let delta = (b - a) * Decimal(direction)
            if let d = difference { return abs(delta - facts[d].interval.midpoint) }
            if let r = rate, a != 0 { return abs(delta / a * 100 - facts[r].value) }
            return 0
        }
        return pairs.min { miss($0) < miss($1) } ?? pairs[0]
    }

    /// The change's label starts its sentence: nothing but white space, an enumerator or
    /// punctuation before it.
    func opensSentence(_ p: Paragraph, fact c: Fact) -> Bool {
        let s = p.text.scalars
        let sentence = sentenceIndex(of: c)
        guard p.sentences.indices.contains(sentence) else { return false }
        let labelStart = c.number.numberRange.lowerBound - c.label.unicodeScalars.count
        var j = p.sentences[sentence].lowerBound
        // "与上年相比，增加D，增长P%": a comparison clause of its own opens the sentence all the same
        if let comma = (j..<max(j, labelStart)).first(where: { s[$0] == "，" || s[$0] == "," }), comma - j <= 12,
           labels.isComparison(Text.string(s[j..<comma])) {
            j = comma + 1
        }
        while j < labelStart {
            if CharClass.isHan(s[j]) || CharClass.isDigit(s[j]) { return false }
            j += 1
        }
        return true
    }

    /// "X a。比上年X A…": the last plain figure of the family in the sentence before the change's that
    /// the figure compared with names again (a bounded look-back).
    func previousSentenceFigure(comparedAs base: String, before n: Int, in ids: [Int], _ family: (Fact) -> Bool) -> Int? {
        let sentence = sentenceIndex(of: facts[ids[n]])
        let rest = String(comparedName(base))
        guard sentence > 0, !rest.isEmpty else { return nil }
        // (every figure passed counts: a run-on sentence of many figures stays linear)
        var looked = 0
        // ("全年实际支付保洁服务费A，…。较2024年实际支付B增加D": failing a name that ends so, the one figure whose
        // name holds the name compared, four characters at least)
        var holding = [Int]()
        let restScalars = Array(rest.unicodeScalars)
        for id in ids[..<n].reversed() {
            looked += 1
            guard looked <= 48 else { break }
            let f = facts[id]
            let s = ExtractionState.sentence(of: f)
            if s == sentence { continue }
            guard s == sentence - 1 else { break }
            guard family(f), isPlainFigure(f), f.year == nil || f.year == fiscalYear else { continue }
            // (not an average of it: "实际支付A，…，月均支付a。较2024年实际支付B增加D")
            if vocabulary[.perUnitWords].occurs(in: f.label) || vocabulary[.periodAverageWords].occurs(in: f.label) { continue }
            let name = nameOf(f)
            if namesAgain(rest, name) { return id }
            if restScalars.count >= 4, ScalarSearch.firstIndex(of: restScalars, in: Array(name.unicodeScalars)) != nil { holding.append(id) }
        }
        return holding.count == 1 ? holding[0] : nil
    }

    /// The figure the sentence before ends with, when it is a plain figure of the family and the
    /// last of its kind there.
    /// A change opening its paragraph reaches the paragraph before, when that one (a heading with its
    /// figure: "1.财政拨款收入382.17万元，为…资金" / "较上年减少D，下降P%") is in its section.
    func lastFigureOfPreviousSentence(before n: Int, in ids: [Int], _ family: (Fact) -> Bool) -> Int? {
        let sentence = sentenceIndex(of: facts[ids[n]])
        var candidate = ids[..<n].last(where: { ExtractionState.sentence(of: facts[$0]) == sentence - 1 })
        if candidate == nil, sentence == 0, let p = facts[ids[n]].place.paragraph, let q = previousParagraph(of: doc.paragraphs[p]),
           let last = paragraphFacts[q.index].last {
            let lastSentence = sentenceIndex(of: facts[last])
            // (one figure of the family there: after a sentence of several, "与上年相比，增加D" is about
            // what they make up, not the last of them)
            let inLast = paragraphFacts[q.index].filter { ExtractionState.sentence(of: facts[$0]) == lastSentence && family(facts[$0]) }
            candidate = inLast.count == 1 ? inLast[0] : nil
        }
        guard let x = candidate else { return nil }
        let f = facts[x]
        // an item of an enumerated breakdown has its text to itself: a change there is about it
        guard family(f), isPlainFigure(f), !(groupsOfPart[x] ?? []).contains(where: { groups[$0].marker != .outline }),
              f.year == nil || f.year == fiscalYear else { return nil }
        return x
    }

    /// "较上年" of "较上年减少": what a change's head says before its change word (nil without one).
    static func comparisonBefore(_ head: String, _ changeWords: WordSet) -> Substring? {
        guard let word = changeWords.suffix(of: head) else { return nil }
        return head.dropLast(word.count)
    }

    /// A listed part whose "；"-part (or sentence) holds the change and no other part of its list.
    func ownsItsSegment(_ part: Int, change: Fact, paragraph p: Paragraph) -> Bool {
        let segment = ExtractionState.semicolonSegment(p, around: change.number.numberRange.lowerBound)
        guard segment.contains(facts[part].number.numberRange.lowerBound) else { return false }
        let siblings = (groupsOfPart[part] ?? []).flatMap { groups[$0].parts }.filter { $0 != part }
        return !siblings.contains { segment.contains(facts[$0].number.numberRange.lowerBound) && facts[$0].place.paragraph == p.index }
    }

    /// A comparison with another year stated earlier in the figure's sentence ("…比2016年度减少…，其中：").
    func sentenceComparesWithYear(before f: Fact) -> Bool {
        guard case .text(let p, let s, _) = f.place else { return false }
        if facts(paragraph: p, sentence: s).contains(where: { id in
            id < f.id && facts[id].comparesYears && labels.comparesWithYear(facts[id].label)
        }) { return true }
        // "与上年相比，“三公”经费支出减少了D": a comparison clause of its own opens the sentence
        let paragraph = doc.paragraphs[p]
        guard paragraph.sentences.indices.contains(s) else { return false }
        let text = paragraph.text.scalars
        let start = paragraph.sentences[s].lowerBound
        let labelStart = f.number.numberRange.lowerBound - f.label.unicodeScalars.count
        guard let comma = (start..<max(start, labelStart)).first(where: { text[$0] == "，" || text[$0] == "," }), comma - start <= 12 else { return false }
        let clause = paragraph.text.string(start..<comma)
        return labels.isComparison(clause) && labels.comparesWithYear(clause)
    }

    /// "完成预算数5000万元的104%": a figure that is the base of the percentage right after it.
    /// "项目支出2,091.18万元，对应全年项目预算2,176.45万元，执行率96.08%": a figure whose clause goes on to a
    /// rate that `part` over it makes (to the printed digits) is the base of that part's rate, no sibling.
    func isBaseOfRate(_ f: Fact, of part: Fact) -> Bool {
        guard case .text(let p, let sentence, _) = f.place, f.kind == part.kind, f.id + 1 < facts.count,
              case .text(p, sentence, _) = facts[f.id + 1].place else { return false }
        let next = facts[f.id + 1]
        guard next.kind == .percent, next.shareOf == nil, next.change == 0, next.number.comparator == nil, !next.number.inRange,
              next.number.numberRange.lowerBound - f.number.range.upperBound <= 12 else { return false }
        let s = doc.paragraphs[p].text.scalars
        guard !s[f.number.range.upperBound..<next.number.numberRange.lowerBound].contains(where: { "；;。".unicodeScalars.contains($0) }),
              let ratio = part.interval / f.interval else { return false }
        return (ratio * Interval(exactly: 100)).overlaps(next.interval)
    }

    func isRateBase(_ f: Fact) -> Bool {
        guard case .text(let p, _, _) = f.place else { return false }
        let ids = paragraphFacts[p]
        let k = firstFact(in: ids, at: f.number.numberRange.lowerBound)
        guard k + 1 < ids.count, ids[k] == f.id else { return false }
        let next = facts[ids[k + 1]]
        guard next.kind == .percent else { return false }
        let s = doc.paragraphs[p].text.scalars
        let between = f.number.range.upperBound..<next.number.numberRange.lowerBound
        // ("完成年度目标任务（12,000万元）的101.13%": the base may be in brackets)
        return between.count <= 3 && between.allSatisfy { s[$0] == "的" || s[$0] == "）" || s[$0] == ")" || CharClass.isWhitespace(s[$0]) }
    }
}
