import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: running text → facts. Reads the structured document and the lexicon; writes `facts`,
/// `paragraphFacts`, `paragraphYears`, `years`.
extension ExtractionState {
    // MARK: running text

    func scanParagraphs() {
        // scanned first, all of them: a flattened score sheet may run over several lines
        var scans = doc.paragraphs.map { scanner.scan($0.text) }
        var runs = [FlatScoreRun]()
        for p in paragraphIndexes { runs += findFlatScoreRuns(&scans[p].numbers, doc.paragraphs[p].text.scalars, paragraph: p) }
        runs += findFlatScoreRows(&scans, taken: Set(runs.map(\.fullMark.paragraph)))
        var placed = [NumberPlace: Int]()
        for p in paragraphIndexes {
            let scan = scans[p]
            paragraphYears[p] = scan.years
            for y in scan.years { years.append((p, y)) }
            for r in scan.malformedYears { malformedYears.append((p, r)) }
            let ids = addProse(scan.numbers, text: doc.paragraphs[p].text, sentences: doc.paragraphs[p].sentences,
                               place: { s, c in .text(paragraph: p, sentence: s, clause: c) }, cellPlace: nil)
            paragraphFacts[p] = ids
            if !runs.isEmpty { for id in ids { placed[NumberPlace(p, facts[id].number.numberRange)] = id } }
            markTargets(paragraph: p, ids)
            markQuotedScoringRules(paragraph: p, ids)
            markPlannedClauses(paragraph: p, ids)
        }
        recordFlatScoreRuns(runs, placed: placed)
    }

    /// "绩效目标：活动中心资金完成150万元。": the figures of a sentence that opens with a target's name
    /// are targets, not statements of what was done.
    func markTargets(paragraph p: Int, _ ids: [Int]) {
        let openers = vocabulary[.targetOpeners], subjects = vocabulary[.targetOpenerSubjects], copulas = vocabulary[.targetOpenerCopulas]
        let s = doc.paragraphs[p].text.scalars
        // "（三）年度绩效目标" ⏎ "2024年度计划建成…；当年实现停车收费收入486万元；…": a section headed by a
        // target's name and nothing else states what was planned (the plans completion rates are of),
        // not what was done
        if !ids.isEmpty, let h = doc.paragraphs[p].sectionPath.last, h != p, let heading = doc.paragraphs[h].heading {
            var title = Substring(doc.paragraphs[h].text.string(heading.titleRange))
            while let last = title.last, last == "：" || last == ":" || last == "。" || last == " " { title = title.dropLast() }
            if let subject = subjects.prefix(of: title) { title = title.dropFirst(subject.count) }
            if openers.contains(String(title)) { for id in ids { facts[id].isPlanned = true } }
        }
        var runInHeading = false
        for (k, range) in doc.paragraphs[p].sentences.enumerated() {
            var i = range.lowerBound
            while i < range.upperBound && (CharClass.isWhitespace(s[i]) || s[i] == "“") { i += 1 }
            if let e = HeadingDetector.enumerator(s, at: i) { i = e.end }
            // ("项目年度绩效目标为：…": whose targets, named first)
            i += subjects.prefixLength(s, at: i, end: range.upperBound)
            if runInHeading {
                for id in ids where sentenceIndex(of: facts[id]) == k { facts[id].isTarget = true }
                continue
            }
            // "2.年度目标。2023年新建投放点1,600个；…": a sentence that is nothing but an opener heads the
            // rest of its paragraph
            let opener = openers.prefixLength(s, at: i)
            var end = i + opener
            while end < range.upperBound && (s[end] == "。" || s[end] == "：" || s[end] == ":" || CharClass.isWhitespace(s[end])) { end += 1 }
            if opener > 0 && end == range.upperBound {
                runInHeading = true
                continue
            }
            if opener > 0 {
                // ("年度绩效目标为抽检≥1,800批次，全年实际完成2,136批次，完成率P%": a clause past the first saying what was
                // done ends the targets)
                // (the first clause after the opener and its colon: "目标为：建成站点120个、…")
                var firstClauseEnd = end + copulas.prefixLength(s, at: end, end: range.upperBound)
                while firstClauseEnd < range.upperBound && (s[firstClauseEnd] == "：" || s[firstClauseEnd] == ":" || CharClass.isWhitespace(s[firstClauseEnd])) { firstClauseEnd += 1 }
                while firstClauseEnd < range.upperBound && !CharClass.isClauseBreak(s[firstClauseEnd]) { firstClauseEnd += 1 }
                let done = vocabulary[.doneFigureWords]
                for id in ids where sentenceIndex(of: facts[id]) == k {
                    if facts[id].number.numberRange.lowerBound > firstClauseEnd, done.occurs(in: facts[id].label) { break }
                    facts[id].isTarget = true
                }
            } else if let colon = targetListColon(s, from: i, in: range, openers: openers, copulas: copulas) {
                for id in ids where sentenceIndex(of: facts[id]) == k && facts[id].number.numberRange.lowerBound > colon { facts[id].isTarget = true }
            }
        }
    }

    /// "按照“满意度达到95%得满分，每低1个百分点扣0.5分”的评分规则": the figures of a quoted scoring rule
    /// (full marks or points lost in its words) are its thresholds, not what was done.
    func markQuotedScoringRules(paragraph p: Int, _ ids: [Int]) {
        guard !ids.isEmpty else { return }
        let s = doc.paragraphs[p].text.scalars
        let full = vocabulary[.fullMarksWords], lost = vocabulary[.deductionWords]
        var k = 0
        while k < s.count, let open = s[k...].firstIndex(of: "“") {
            guard let close = s[(open + 1)...].firstIndex(where: { $0 == "”" || $0 == "“" }), s[close] == "”" else { k = open + 1; continue }
            k = close + 1
            guard close - open <= 80, full.firstMatch(in: s, from: open, before: close) != nil || lost.firstMatch(in: s, from: open, before: close) != nil
            else { continue }
            for id in ids where facts[id].number.numberRange.lowerBound > open && facts[id].number.range.upperBound <= close { facts[id].isTarget = true }
        }
    }

    /// "2024年度设定的主要绩效目标为：…": the colon ending a sentence's first clause (within a few dozen
    /// characters, no other clause mark before it) when that clause ends with a target opener and a copula.
    func targetListColon(_ s: [Unicode.Scalar], from start: Int, in range: Range<Int>, openers: WordSet, copulas: WordSet) -> Int? {
        var colon = start
        while colon < min(range.upperBound, start + 40) {
            let c = s[colon]
            if c == "：" || c == ":" { break }
            if c == "，" || c == "；" || c == "。" || c == "," { return nil }
            colon += 1
        }
        guard colon < range.upperBound, s[colon] == "：" || s[colon] == ":" else { return nil }
        let copula = copulas.suffixLength(s, endingAt: colon)
        guard copula > 0, openers.suffixLength(s, endingAt: colon - copula) > 0 else { return nil }
        return colon
    }

    /// "本项目计划新建供水工程12处，改造管网86公里，新增受益人口2.35万人": the figures of a clause that
    /// opens with a plan, and of the clauses after it, are planned, until a clause names what was done.
    func markPlannedClauses(paragraph p: Int, _ ids: [Int]) {
        let openers = vocabulary[.planClauseOpeners], closers = vocabulary[.planClauseClosers]
        let s = doc.paragraphs[p].text.scalars
        // (most paragraphs name no plan: told by one scan)
        guard ids.count >= 2, openers.firstMatch(in: s) != nil else { return }
        var sentence = -1, clause = -1
        // the clause that opened the plan; nil: none open (or closed for the rest of the sentence)
        var opener: Int? = nil, closed = false
        for id in ids {
            guard case .text(_, let k, let c) = facts[id].place else { continue }
            if k != sentence { sentence = k; clause = -1; opener = nil; closed = false }
            if c != clause {
                clause = c
                if closed { continue }
                // the clause's words before its first figure (a lead of more than 24 characters is no
                // plan's: the look-back stays bounded, a paragraph without commas linear)
                let end = facts[id].number.numberRange.lowerBound
                var start = end
                while start > 0, end - start < 24, !CharClass.isClauseBreak(s[start - 1]) { start -= 1 }
                if start == 0 || CharClass.isClauseBreak(s[start - 1]) {
                    var i = start
                    while i < end && CharClass.isWhitespace(s[i]) { i += 1 }
                    if let e = HeadingDetector.enumerator(s, at: i), e.end <= end { i = e.end }
                    if opener != nil, closers.firstMatch(in: s, from: i, before: end) != nil { opener = nil; closed = true; continue }
                    if opener == nil, openers.prefixLength(s, at: i, end: end) > 0 { opener = c; continue }
                }
            }
            // (the opening clause's own list too: "计划改造老旧小区12个、…、完成农村危房改造75户")
            if let o = opener, c >= o { facts[id].isPlanned = true }
        }
    }

    /// Adds prose facts (running text, or long text inside a table cell).
    func addProse(_ numbers: [ScannedNumber], text: TextRun, sentences: [Range<Int>],
                           place: (Int, Int) -> FactPlace, cellPlace: String?) -> [Int] {
        var ids = [Int]()
        var previousEnd = 0
        var previousSentence = -1
        var clauseState = (sentence: -1, position: 0, count: 0, depth: 0)
        let distributed = labels.distributedLabels(numbers, text.scalars, sentences: sentences, isOneName: { name in
            let r = resolve(name)
            return r.item != nil && r.scope.isEmpty
        }, namesMeasure: { name in
            let r = resolve(name)
            return r.explicitMeasure && r.scope.isEmpty
        })
        for (index, number) in numbers.enumerated() {
            if number.kind == .bare { previousEnd = number.range.upperBound; continue }
            // sentences are in order and do not overlap: a binary search (a paragraph of thousands of
            // sentences stays linear)
            var lo = 0, hi = sentences.count
            while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].upperBound <= number.numberRange.lowerBound { lo = mid + 1 } else { hi = mid } }
            let sentence = lo < sentences.count && sentences[lo].contains(number.numberRange.lowerBound) ? lo : max(0, sentences.count - 1)
            let sentenceStart = sentences.indices.contains(sentence) ? sentences[sentence].lowerBound : 0
            if sentence != previousSentence { previousEnd = sentenceStart }
            previousSentence = sentence
            let limit = max(previousEnd, sentenceStart)
            var labelRange = Labels.labelRange(text.scalars, numberStart: number.numberRange.lowerBound, limit: limit)
            // "增值税收入（50%部分）672890万元": the figure before is in a bracket closed before this one; the
            // label is the name the bracket qualifies, before it
            // (a label of its own after the bracket stays: "效益指标（20分）得18分", "（含结转a）支出b")
            if labelRange.lowerBound <= limit + 1, previousEnd > sentenceStart, number.kind.isMoney,
               let open = Labels.openingBracket(text.scalars, closedIn: limit..<number.numberRange.lowerBound, from: limit, notBefore: sentenceStart),
               case let own = resolve(text.string(labelRange)), own.measure == nil, own.item == nil, own.rate == nil {
                let before = numbers[..<index].last(where: { $0.range.upperBound <= open })?.range.upperBound ?? sentenceStart
                let outer = Labels.labelRange(text.scalars, numberStart: open, limit: max(before, sentenceStart))
                if !outer.isEmpty { labelRange = outer }
            }
            // "2019年度收、支总计A": a name of the two totals together is one label, though a 、 stands in it
            if labelRange.lowerBound - limit >= 2, text.scalars[labelRange.lowerBound - 1] == "、" {
                let joint = vocabulary[.jointChangeSubjects]
                for back in 2...min(6, labelRange.lowerBound - limit)
                where joint.prefixLength(text.scalars, at: labelRange.lowerBound - back, end: labelRange.upperBound) > back {
                    labelRange = (labelRange.lowerBound - back)..<labelRange.upperBound
                    break
                }
            }
            var label = (distributed[index] ?? nil) ?? text.string(labelRange)
            // "年中因人员调资、防汛救灾等原因调整增加A": the cause given inside the label names nothing
            if (distributed[index] ?? nil) == nil, let opener = vocabulary[.reasonOpeners].firstMatch(in: text.scalars, from: labelRange.lowerBound, before: labelRange.upperBound),
               let closer = vocabulary[.reasonClosers].firstMatch(in: text.scalars, from: opener.start + opener.length + 1, before: labelRange.upperBound),
               closer.start + closer.length < labelRange.upperBound {
                label = text.string(labelRange.lowerBound..<opener.start) + text.string((closer.start + closer.length)..<labelRange.upperBound)
            }
            // "较2022年（97.2%）提高1.4个百分点": a figure alone in brackets after a comparison with a year
            // is the figure compared with, named by that comparison
            if labelRange.isEmpty, let compared = bracketedComparison(text.scalars, numberStart: number.numberRange.lowerBound, limit: limit) {
                label = compared
            } else if labelRange.lowerBound == limit, previousEnd > sentenceStart, labelRange.count >= 2,
                      text.scalars[labelRange.lowerBound] == "）" || text.scalars[labelRange.lowerBound] == ")",
                      index > 0, numbers[index - 1].kind != .bare, case let prior = numbers[index - 1],
                      prior.range.upperBound == labelRange.lowerBound,
                      bracketedComparison(text.scalars, numberStart: prior.numberRange.lowerBound, limit: sentenceStart) != nil {
                // "…（97.2%）提高1.4个百分点": the change after that bracket is named by what follows it
                label = text.string((labelRange.lowerBound + 1)..<labelRange.upperBound)
            }
            // counted on from the previous figure of the sentence: one long sentence stays linear
            if clauseState.sentence != sentence || clauseState.position > number.numberRange.lowerBound {
                clauseState = (sentence, sentenceStart, 0, 0)
            }
            let (clause, depth) = clauseIndex(text.scalars, from: clauseState.position, to: number.numberRange.lowerBound,
                                              count: clauseState.count, depth: clauseState.depth)
            clauseState = (sentence, max(clauseState.position, number.numberRange.lowerBound), clause, depth)
            guard let span = text.span(number.range), let numberSpan = text.span(number.numberRange) else { continue }
            // "与2012年预算30850万元相比": the comparison's closer stands after the figure it compares with
            let closedAfter = labels.comparisonClosers.prefixLength(text.scalars, at: number.range.upperBound) > 0
            var fact = makeFact(number: number, label: label, place: place(sentence, clause), span: span, numberSpan: numberSpan,
                                closedAfter: closedAfter)
            // "资助参保支出718.23万元（7,182,342元）": the same amount again in another unit is no figure of
            // its own (nor a part of a list, nor a base of shares); restated otherwise, one of the two slipped
            if index > 0, let last = ids.last, facts[last].number.range == numbers[index - 1].range,
               restates(text.scalars, figure: numbers[index - 1], restated: number) {
                if fact.interval.overlaps(facts[last].interval) { previousEnd = number.range.upperBound; continue }
                restatements.append((figure: last, restated: fact.id))
            }
            if case .some(.none) = distributed[index] {
                // "A、B和C分别为x、y": which figure is which cannot be told
                fact.concept.item = nil
                if fact.concept.scope.isEmpty { fact.concept.scope = fact.head }
            }
            // "分别比上年末增加200人和100人": a figure named only by a joiner continues the run of the
            // figure just before it, a change when that one is (counts in two measure words too:
            // "分别增加61户、121人")
            if fact.change == 0, let last = ids.last, facts[last].change != 0,
               facts[last].kind.sameFamily(as: fact.kind) || (facts[last].kind.measureWord != nil && fact.kind.measureWord != nil),
               (facts[last].number.range.upperBound == labelRange.lowerBound && labelRange.count <= 2
                && (label == "、" || labels.nameJoiners.contains(label)))
                // (the 、 left out of the label: "增加312人、67人、6人")
                || (label.isEmpty && number.numberRange.lowerBound == facts[last].number.range.upperBound + 1
                    && text.scalars[facts[last].number.range.upperBound] == "、") {
                fact.change = facts[last].change
                fact.comparesYears = facts[last].comparesYears
            }
            // ("较上年末4,856户8,842人": the second count of one thing is compared as the first)
            if let last = ids.last, fact.countsAgain(facts[last]) { fact.comparesYears = facts[last].comparesYears }
            // "其中甲a、乙b，其余12个市合计c": the rest added up is the last part, not the total
            if fact.marksTotal, remainderLeads(text.scalars, before: labelRange.lowerBound, notBefore: sentenceStart) {
                fact.marksTotal = false
            }
            fact.sourcePlace = cellPlace
            ids.append(fact.id)
            facts.append(fact)
            previousEnd = number.range.upperBound
        }
        return ids
    }

    /// Whether `restated` is alone in a bracket right after `figure` (after an opener such as 折合), an
    /// amount of money in another unit of the yuan.
    func restates(_ s: [Unicode.Scalar], figure: ScannedNumber, restated: ScannedNumber) -> Bool {
        guard let a = figure.kind.moneyUnit, let b = restated.kind.moneyUnit,
              MoneyUnit.yuanFamily.contains(a), MoneyUnit.yuanFamily.contains(b),
              figure.comparator == nil, restated.comparator == nil else { return false }
        // the bracket first: it is cheap, and most pairs of figures fail it
        var i = figure.range.upperBound
        while i < restated.numberRange.lowerBound && CharClass.isWhitespace(s[i]) { i += 1 }
        guard i < restated.numberRange.lowerBound, s[i] == "（" || s[i] == "(" else { return false }
        i += 1
        i += vocabulary[.restatementOpeners].prefixLength(s, at: i, end: restated.numberRange.lowerBound)
        guard i == restated.numberRange.lowerBound || i == restated.range.lowerBound else { return false }
        var j = restated.range.upperBound
        while j < s.count && CharClass.isWhitespace(s[j]) { j += 1 }
        guard j < s.count && (s[j] == "）" || s[j] == ")") else { return false }
        // ("191.66元（1,916,552元）": in one unit, a restatement only when ten thousand times the other either
        // way, one of the two units slipped)
        if a == b {
            guard figure.value > 0, restated.value > 0 else { return false }
            // (within 1% of 10⁴ or 10⁸ times: multiplied, not divided — Decimal division is slow)
            let (big, small) = restated.value > figure.value ? (restated.value, figure.value) : (figure.value, restated.value)
            guard [Decimal(10_000), Decimal(100_000_000)].contains(where: { k in
                let scaled = small * k
                return abs(big - scaled) * 100 <= scaled
            }) else { return false }
        }
        return true
    }

    /// The comparison with a year right before the bracket a figure opens ("较2022年（97.2%）"), if
    /// the bracket holds nothing before the figure.
    func bracketedComparison(_ s: [Unicode.Scalar], numberStart: Int, limit: Int) -> String? {
        guard let name = Self.nameBeforeBracket(s, numberStart: numberStart, limit: limit) else { return nil }
        let text = ScalarString.make(s[name])
        return labels.comparesWithYear(text) ? text : nil
    }

    /// The name right before the bracket a figure opens ("完成年度计划（12个）", "较2022年（97.2%）"), if
    /// the bracket holds nothing before the figure.
    static func nameBeforeBracket(_ s: [Unicode.Scalar], numberStart: Int, limit: Int) -> Range<Int>? {
        var open = numberStart
        while open > limit && CharClass.isWhitespace(s[open - 1]) { open -= 1 }
        guard open > limit, s[open - 1] == "（" || s[open - 1] == "(" else { return nil }
        let name = Labels.labelRange(s, numberStart: open - 1, limit: limit)
        return name.isEmpty ? nil : name
    }

    /// Whether the clause of a label starting at `labelStart` opens with a remainder word (其余, 其他…).
    func remainderLeads(_ s: [Unicode.Scalar], before labelStart: Int, notBefore sentenceStart: Int) -> Bool {
        // (within 16 characters: one long clause of totals stays linear)
        var start = min(labelStart, s.count)
        while start > sentenceStart, labelStart - start < 16, !CharClass.isClauseBreak(s[start - 1]) { start -= 1 }
        while start < labelStart && CharClass.isWhitespace(s[start]) { start += 1 }
        return vocabulary[.remainderWords].prefixLength(s, at: start) > 0
    }

    func clauseIndex(_ s: [Unicode.Scalar], from start: Int, to end: Int, count initialCount: Int = 0, depth initialDepth: Int = 0) -> (Int, Int) {
        var count = initialCount
        var depth = initialDepth
        var k = start
        while k < end && k < s.count {
            switch s[k] {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "，", ",", "；", ";", "：", ":": if depth == 0 { count += 1 }
            default: break
            }
            k += 1
        }
        return (count, depth)
    }

    /// What a label says whatever its figure's kind: read once per label (a table's cells repeat
    /// their row label, and a report repeats its phrases).
    struct LabelReading {
        let head: String
        /// The text after a share marker in the label ("…占年初预算" → 年初预算).
        let shareBaseInLabel: String?
        /// The head split at a share marker: the name before it and the base after it, its
        /// "的比重"-like endings removed.
        let shareInHead: (before: String, base: String)?
        let endsWithShareRate: Bool
        let change: Int
        let comparesYears: Bool
        let marksTotal: Bool
    }

    /// A table cell's label, read once per label (its row repeats it in every column); running
    /// text, whose labels seldom repeat, is read each time.
    func reading(of label: String, remember: Bool, closedAfter: Bool = false) -> LabelReading {
        guard remember && !closedAfter else { return read(label, closedAfter: closedAfter) }
        if let known = labelReadings[TextKey(label)] { return known }
        let reading = read(label)
        labelReadings[TextKey(label)] = reading
        return reading
    }

    /// `closedAfter`: the text after the figure closes a comparison the label opens ("与上年" …
    /// "相比").
    func read(_ label: String, closedAfter: Bool = false) -> LabelReading {
        let head = labels.head(label)
        let shareMarkers = vocabulary[.shareMarkers]
        var shareInHead: (before: String, base: String)?
        if let (before, after) = Text.split(head, atFirst: shareMarkers, notWithin: vocabulary[.notShareWords]) {
            var base = after
            let suffixes = vocabulary[.shareBaseSuffixes]
            // "…占基本支出的比重" names 基本支出; "…占比" names no base
            while let suffix = suffixes.suffix(of: base) { base = String(base.unicodeScalars.dropLast(suffix.unicodeScalars.count)) }
            shareInHead = (before, base)
        } else if label.hasSuffix("的"), case let body = String(label.dropLast()),
                  let (before, after) = Text.split(body, atFirst: vocabulary[.ratioShareMarkers], notWithin: vocabulary[.notShareWords]),
                  before.unicodeScalars.count >= 2, after.unicodeScalars.count >= 2,
                  after.unicodeScalars.allSatisfy({ CharClass.isHan($0) }), !vocabulary[.completionShareBases].isSuffix(of: after),
                  !labels.comparesWithYear(after) {
            // "县级配套资金为中央资金的20.00%": the one named over the other
            shareInHead = (labels.head(before), after)
        }
        var change = 0
        let up = labels.increaseWords.suffix(of: head)?.unicodeScalars.count ?? 0
        let down = labels.decreaseWords.suffix(of: head)?.unicodeScalars.count ?? 0
        if up > 0 || down > 0 { change = down >= up ? -1 : 1 }
        // "审减13,834.46万元": the amount a review cut, named so, is no change
        if change != 0, let noun = vocabulary[.changeLookalikes].suffix(of: head), noun.unicodeScalars.count >= max(up, down) { change = 0 }
        // "增加至365家", "下降到3%": the value reached, not the difference ("增幅为3.83%" is the rate:
        // a filler after a rate noun, which `head` strips)
        if change != 0, vocabulary[.reachedWords].isSuffix(of: label),
           !(vocabulary[.changeRateNouns].isSuffix(of: head) && labels.trailingFillers.isSuffix(of: label)) { change = 0 }
        let totals = labels.totalMarkers
        return LabelReading(
            head: head,
            shareBaseInLabel: Text.split(label, atFirst: shareMarkers, notWithin: vocabulary[.notShareWords])?.after,
            shareInHead: shareInHead,
            endsWithShareRate: vocabulary[.shareRateWords].isSuffix(of: head) && !vocabulary[.notShareWords].isSuffix(of: head),
            change: change,
            // "比上年减少1.20万元", "较2022年度决算数减少30.00万元", "与上年相比减少", "比预算数节约",
            // "较2024年的2000万元" (a prior value stated for comparison)
            comparesYears: labels.yearComparisons.occurs(in: label) || labels.isComparison(label, closedAfter: closedAfter),
            marksTotal: labels.opens(head, with: totals) || totals.isSuffix(of: label)
                || (label.unicodeScalars.last == "为" && totals.isSuffix(of: String(label.unicodeScalars.dropLast()))))
    }

    func makeFact(number: ScannedNumber, label: String, place: FactPlace, span: SourceSpan, numberSpan: SourceSpan,
                           closedAfter: Bool = false) -> Fact {
        let reading = reading(of: label, remember: place.table != nil, closedAfter: closedAfter)
        let head = reading.head
        var shareOf: String?
        var conceptLabel = head
        // "完成政府性基金收入900万元，占年初预算2000万元的45.0%": 2000 is the base of a share
        if number.kind != .percent, let base = reading.shareBaseInLabel {
            shareOf = base
        } else if let (before, base) = reading.shareInHead {
            if number.kind == .percent {
                shareOf = base
                conceptLabel = before
            }
        } else if reading.endsWithShareRate && number.kind == .percent {
            shareOf = ""
        }
        let change = reading.change
        let comparesYears = reading.comparesYears
        let marksTotal = reading.marksTotal
        var concept = resolve(conceptLabel)
        if number.kind == .percent || number.kind == .percentagePoint { concept.measure = nil } else { concept.rate = nil }
        if number.kind == .score {
            if concept.measure != "score" && concept.measure != "weight" { concept.measure = nil }
        } else if !number.kind.isMoney && number.kind != .percent {
            concept.measure = nil
            concept.item = concept.item == "total" ? nil : concept.item
        } else if concept.measure == "score" || concept.measure == "weight" {
            concept.measure = nil
        }
        if concept.rate == nil && concept.measure == nil && number.kind.isMoney, let item = concept.item, let entry = lexicon.item(item) {
            concept.measure = entry.defaultMeasure
        }
        return Fact(id: facts.count, number: number, place: place, span: span, numberSpan: numberSpan, sourcePlace: nil,
                    label: label, head: head, concept: concept,
                    measureSource: concept.explicitMeasure ? .label : (concept.measure != nil ? .itemDefault : nil),
                    year: nil, yearSource: .document, shareOf: shareOf, change: change, comparesYears: comparesYears,
                    marksTotal: marksTotal)
    }

}
