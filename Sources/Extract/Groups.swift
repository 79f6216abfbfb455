import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: parts lists (其中 / 包括 / 合计 / 共 / brackets / named lists / bands). Reads facts and the
/// sentence index; writes `groups`, `groupOfPart`, `groupsOfWhole`, `listed`.
extension ExtractionState {
    // MARK: relations

    func buildGroups() {
        for p in doc.paragraphs {
            let ids = paragraphFacts[p.index]
            guard !ids.isEmpty else { continue }
            let s = p.text.scalars
            var k = 0
            // read at every scalar: the two word sets are held here (an array of them was retained
            // and released at each scalar), and asked only where one of their words may start
            let of = vocabulary[.listOpenersOf], including = vocabulary[.listOpenersIncluding]
            let some = vocabulary[.partialListOpeners]
            // where each figure ends (made when a 中 after a figure is first looked at)
            var figureEnds: [Int: Int]?
            while k < s.count {
                var matched: (Int, PartsGroup.Marker)?
                var namesSome = false
                if of.mayStart(with: s[k]) {
                    let length = of.prefixLength(s, at: k)
                    if length > 0 { matched = (length, .qizhong) }
                }
                if including.mayStart(with: s[k]) {
                    let length = including.prefixLength(s, at: k)
                    if length > 0 { matched = (length, .baokuo) }
                }
                // "A，主要是甲a、乙b": some of A's parts, listed as 其中 lists them, opening its clause
                if matched == nil && some.mayStart(with: s[k]) && markerOpensClause(s, at: k) {
                    let length = some.prefixLength(s, at: k)
                    if length > 0 { matched = (length, .qizhong); namesSome = true }
                }
                // "就业帮扶资金519.14万元中，…": 中 right after a figure, then a clause mark, opens its list
                var givenWhole: Int?
                // "一般公共预算财政拨款支出主要用于以下方面：A a，占P%；…": a list opening its sentence after
                // the bare name of a figure stated before breaks that figure down
                if matched == nil && (some.mayStart(with: s[k]) || including.mayStart(with: s[k])) {
                    let length = max(some.prefixLength(s, at: k), including.prefixLength(s, at: k))
                    if length > 0, let w = wholeNamedBefore(p, ids: ids, marker: k, markerEnd: k + length) {
                        // (an enumeration after a colon: read as any list is, 主要 or not)
                        matched = (length, .qizhong)
                        givenWhole = w
                    }
                }
                if matched == nil, s[k] == "中", k + 1 < s.count, s[k + 1] == "，" || s[k + 1] == "：" || s[k + 1] == ":" {
                    if figureEnds == nil { figureEnds = Dictionary(ids.map { (facts[$0].number.range.upperBound, $0) }, uniquingKeysWith: { a, _ in a }) }
                    // ("全县85所公办中小学校中，城区学校18所、…": or right after the things a count counts, named
                    // in a few characters)
                    var named = k
                    while named > 0, k - named < 8, CharClass.isHan(s[named - 1]), figureEnds![named] == nil { named -= 1 }
                    if let w = figureEnds![k] ?? figureEnds![named].flatMap({ named < k && listsCounts(of: $0, after: k + 2, in: p, ids: ids) ? $0 : nil }),
                       facts[w].kind.isMoney || facts[w].kind.measureWord != nil, facts[w].change == 0, facts[w].shareOf == nil {
                        matched = (2, .qizhong)
                        givenWhole = w
                    }
                }
                // "在职人员45人，其中卫生技术人员38人、…；卫生技术人员中执业医师14人、注册护士17人、…": 中 right after
                // the name of a count stated before in the paragraph, opening its clause, then counts of its
                // measure listed with 、: that count's parts
                // ("医疗收入31,245.87万元。" ⏎ "…。医疗收入中，门急诊收入a，住院收入b": or the bare name of an amount
                // stated before in the report, opening its sentence)
                if matched == nil, s[k] == "中", k + 1 < s.count, s[k + 1] == "，" || s[k + 1] == "：" || s[k + 1] == ":",
                   let w = amountNamed(before: k, in: p) {
                    matched = (2, .qizhong)
                    givenWhole = w
                }
                if matched == nil, s[k] == "中", k + 1 < s.count, CharClass.isHan(s[k + 1]), let w = countNamed(before: k, in: p, ids: ids) {
                    matched = (1, .qizhong)
                    givenWhole = w
                }
                if let (len, marker) = matched {
                    let side = marker == .baokuo && !markerOpensClause(s, at: k) ? sideListWhole(s, at: k, ids) : givenWhole
                    addGroup(paragraph: p, ids: ids, at: k, markerLength: len, marker: marker, givenWhole: side, namesSomeParts: namesSome)
                    k += len
                } else {
                    k += 1
                }
            }
            // a paragraph of one figure has no list of its own; only one it opens ("…6.00万元。⏎其中：
            // …8.00万元") about the paragraph before, read above
            guard ids.count >= 2 else { continue }
            addClassificationGroups(paragraph: p, ids: ids)
            addShareCompletedGroups(paragraph: p, ids: ids)
            addNamedListGroups(paragraph: p, ids: ids)
            addIntroducedListGroups(paragraph: p, ids: ids)
            addCompositionGroups(paragraph: p, ids: ids)
            addBracketGroups(paragraph: p, ids: ids)
            addTotalGroups(paragraph: p, ids: ids)
            addCountedSummaries(paragraph: p, ids: ids)
            addAdditionGroups(paragraph: p, ids: ids)
            addBandGroups(paragraph: p, ids: ids)
            addWeightsBeforeFullMark(paragraph: p, ids: ids)
        }
        extendDecompositionLists()
    }

    /// The count stated before `k` in the paragraph (a few figures back) whose name stands right
    /// before `k`, opening its clause ("；卫生技术人员中…"), with counts of its measure listed after `k`.
    func countNamed(before k: Int, in p: Paragraph, ids: [Int]) -> Int? {
        let s = p.text.scalars
        // (by bisection, a few figures back: a paragraph of many 中 stays linear)
        let end = firstFact(in: ids, at: k)
        for id in ids[max(0, end - 12)..<end].reversed() {
            let f = facts[id]
            guard f.number.range.upperBound <= k else { continue }
            guard f.kind.measureWord != nil, f.change == 0, !f.comparesYears, f.shareOf == nil, !f.number.inRange else { continue }
            let name = Array(f.head.unicodeScalars)
            guard name.count >= 2, name.count <= k, Array(s[(k - name.count)..<k]) == name else { continue }
            let start = k - name.count
            guard start == 0 || CharClass.isClauseBreak(s[start - 1]) || s[start - 1] == "：" || s[start - 1] == ":" else { continue }
            return listsCounts(of: id, after: k + 1, in: p, ids: ids) ? id : nil
        }
        return nil
    }

    /// "医疗收入中，": the one amount stated before `k` (in an earlier paragraph, or earlier in this one)
    /// under the name that opens the sentence and ends right before 中, of one value wherever stated.
    func amountNamed(before k: Int, in p: Paragraph) -> Int? {
        let s = p.text.scalars
        guard let sentence = p.sentences.firstIndex(where: { $0.contains(k) }) else { return nil }
        var start = p.sentences[sentence].lowerBound
        while start < k && CharClass.isWhitespace(s[start]) { start += 1 }
        guard (2...8).contains(k - start), (start..<k).allSatisfy({ CharClass.isHan(s[$0]) }) else { return nil }
        let name = ScalarString.make(s[start..<k])
        let found = proseNames.facts(named: name, in: self).filter { id in
            let f = facts[id]
            guard let q = f.place.paragraph, q < p.index || (q == p.index && f.number.range.upperBound <= start) else { return false }
            return f.kind.isMoney && f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && f.shareOf == nil
                && !f.isTarget && (f.year == nil || f.year == fiscalYear)
        }
        guard let last = found.last, Set(found.map { facts[$0].interval.midpoint }).count == 1 else { return nil }
        // ("财政拨款基本支出9,150.87万元，…。基本支出中：…": an amount of this paragraph whose name ends with it, of
        // another value, may be the one meant)
        // (the few dozen figures before it: a paragraph of many such names stays linear)
        let ids = paragraphFacts[p.index], at = firstFact(in: ids, at: start)
        if ids[max(0, at - 64)..<at].contains(where: { id in
            facts[id].kind.isMoney && facts[id].label.hasSuffix(name) && !facts[id].interval.overlaps(facts[last].interval)
        }) { return nil }
        return last
    }

    /// After `from`, in its "；" part, two counts or more in the measure word of `whole`'s, the first
    /// two listed with "、" ("…学校中，城区学校18所、乡镇学校26所、村级学校41所"): an enumeration of its things.
    func listsCounts(of whole: Int, after from: Int, in p: Paragraph, ids: [Int]) -> Bool {
        guard let word = facts[whole].kind.measureWord, from < p.text.scalars.count else { return false }
        let segment = ScalarSearch.semicolonSegment(p.text.scalars, around: from)
        let counts = ids[firstFact(in: ids, at: from)...].prefix { segment.contains(facts[$0].number.numberRange.lowerBound) }
            .filter { facts[$0].kind.measureWord == word }
        guard counts.count >= 2 else { return false }
        let a = facts[counts[counts.startIndex]], b = facts[counts[counts.startIndex + 1]]
        return p.text.scalars[a.number.range.upperBound..<b.number.numberRange.lowerBound].contains("、")
    }

    /// "基本支出911000.39元，其中：⏎人员经费809961.19元，主要包括：…。⏎公用经费71339.2元，主要包括：…":
    /// a 其中 list that names some parts of a lexicon decomposition of its whole goes on with the
    /// sentences after it that open with another of those parts (in its paragraph or the next two of
    /// its section), until one opens with a figure of anything else.
    func extendDecompositionLists() {
        for g in groups.indices where groups[g].marker == .qizhong && !groups[g].namesSomeParts {
            let whole = facts[groups[g].whole]
            guard let w = whole.concept.item, whole.concept.scope.isEmpty, case .text(let p0, _, _) = whole.place,
                  let lastPart = groups[g].parts.last, case .text(let pl, let sl, _) = facts[lastPart].place else { continue }
            var have = Set<String>()
            for id in groups[g].parts {
                guard let item = facts[id].concept.item, facts[id].concept.scope.isEmpty else { have = []; break }
                have.insert(item)
            }
            guard !have.isEmpty,
                  let d = lexicon.decompositions.first(where: { $0.whole == w && have.isSubset(of: Set($0.parts + $0.optional)) }) else { continue }
            var missing = Set(d.parts).subtracting(have)
            guard !missing.isEmpty else { continue }
            let section = doc.paragraphs[p0].sectionPath
            var added = [Int]()
            var sentencesSeen = 0, looked = 0
            scan: for q in pl...min(doc.paragraphs.count - 1, pl + 2) where doc.paragraphs[q].sectionPath == section {
                let para = doc.paragraphs[q]
                // (from the figure after the list's last part, a bounded number of figures: a long
                // paragraph of lists stays linear)
                let ids = paragraphFacts[q]
                let from = q == pl ? firstFact(in: ids, at: facts[lastPart].number.range.upperBound) : 0
                for id in ids[from...] {
                    looked += 1
                    if looked > 60 { break scan }
                    guard case .text(_, let sentence, _) = facts[id].place, q > pl || sentence > sl else { continue }
                    let f = facts[id]
                    // a figure that opens its sentence: its label is all that comes before it there
                    guard para.sentences.indices.contains(sentence) else { continue }
                    let start = para.sentences[sentence].lowerBound
                    var k = start
                    while k < f.number.numberRange.lowerBound && CharClass.isWhitespace(para.text.scalars[k]) { k += 1 }
                    guard f.number.numberRange.lowerBound - f.label.unicodeScalars.count <= k else { continue }
                    sentencesSeen += 1
                    if sentencesSeen > 6 { break scan }
                    guard let item = f.concept.item, f.concept.scope.isEmpty, missing.contains(item) || d.optional.contains(item) && !have.contains(item),
                          f.kind.sameFamily(as: whole.kind), f.change == 0, !f.comparesYears, f.shareOf == nil, !f.number.inRange,
                          f.number.comparator == nil, !isGrouped(id), whole.concept.measure == nil || f.concept.measure == whole.concept.measure,
                          f.year == whole.year else { break scan }
                    added.append(id)
                    have.insert(item)
                    missing.remove(item)
                    if missing.isEmpty { break scan }
                }
            }
            guard missing.isEmpty, !added.isEmpty else { continue }
            groups[g].parts += added
            for id in added where groupOfPart[id] == nil { groupOfPart[id] = g }
            for id in added where !(groupsOfPart[id] ?? []).contains(g) { groupsOfPart[id, default: []].append(g) }
            listed.formUnion(added)
        }
    }

    /// Money coming in and money going out (the lexicon's measures `revenue` and `spend`): a figure of
    /// one is no part of a total of the other.
    static func opposedFlows(_ a: String?, _ b: String?) -> Bool {
        (a == "revenue" && b == "spend") || (a == "spend" && b == "revenue")
    }

    /// "中央一般公共预算收入99566.7亿元…。加上从预算稳定调节基金调入1500亿元，从…调入6350亿元，收入
    /// 总量为107416.7亿元": a figure, "加上" the figures after it, make the total named after them (a
    /// complete list). The first figure is the last plain one of the total's family before the
    /// marker, in its sentence or, when none is, in the sentence before; a part of a list there
    /// stands for the list's whole ("收入1000万元，其中…。加上年初结转…，收入总计…").
    func addAdditionGroups(paragraph p: Paragraph, ids: [Int]) {
        let markers = vocabulary[.additionMarkers], totals = vocabulary[.totalSuffixes], totalNames = vocabulary[.additionTotalNames]
        let s = p.text.scalars
        for sentence in p.sentences.indices {
            let range = p.sentences[sentence]
            let inSentence = facts(paragraph: p.index, sentence: sentence)
            // one addition after another ("收入…，加上…，收入总量A；支出…，加上…，支出总量B"): each
            // reads from the end of the one before (the segments do not overlap: a sentence of many
            // additions stays linear)
            var from = range.lowerBound
            var previousTotal: Int?
            while let marker = markers.firstMatch(in: s, from: from, before: range.upperBound) {
                let segmentStart = from
                let after = marker.start + marker.length
                from = after
                // the total: the first figure after the marker named as one
                let afterIndex = firstFact(in: inSentence, at: after)
                guard let totalIndex = inSentence[afterIndex...].firstIndex(where: { id in
                          let f = facts[id]
                          return f.marksTotal || totals.isSuffix(of: f.head) || totalNames.occurs(in: f.head)
                      }) else { continue }
                let t = inSentence[totalIndex]
                let total = facts[t]
                // (the next addition may add to this total: "…，一般预算总收入S，加上年结余D，收入总计T")
                from = max(from, total.number.range.lowerBound)
                let earlierTotal = previousTotal
                previousTotal = t
                guard total.kind.isMoney, isPlainFigure(total) else { continue }
                let family = { [facts] (id: Int) in facts[id].kind.sameFamily(as: total.kind) }
                // what is added: every figure of the family between the marker and the total, each plain
                // (not those in brackets: "债务转贷收入7661万元（其中：新增债券4330万元…）" details a part)
                let added = inSentence[afterIndex..<totalIndex].filter { family($0) && facts[$0].number.parenDepth == total.number.parenDepth }
                guard !added.isEmpty, added.allSatisfy({ isPlainFigure(facts[$0]) && !isGrouped($0) }) else { continue }
                // what it is added to
                var before = Array(inSentence[firstFact(in: inSentence, at: segmentStart)..<firstFact(in: inSentence, at: marker.start)].filter(family))
                // the total of the addition before is added to only when nothing else stands before this one
                if let previous = earlierTotal, before.contains(where: { $0 != previous && isPlainFigure(facts[$0]) }) {
                    before.removeAll { $0 == previous }
                }
                // "一般公共预算支出，加上上解支出等62580万元，支出共计T": the augend named with no figure is
                // stated elsewhere, not necessarily as the sentence before ends
                let namedWithoutFigure = before.isEmpty && (segmentStart..<marker.start).filter { CharClass.isHan(s[$0]) }.count >= 2
                // (an augend of the sentence before may be any figure stated before: "收入A。其中，税收收入a。
                // 非税收入b。加上C，收入总量T" adds to A, not to b)
                let fromSentenceBefore = before.isEmpty && sentence > 0 && segmentStart == range.lowerBound
                if fromSentenceBefore { before = facts(paragraph: p.index, sentence: sentence - 1).filter(family) }
                guard var first = before.last(where: { isPlainFigure(facts[$0]) }) else { continue }
                // "A完成16.75亿元。其中：…8.38亿元。加上…": the augend is the list's whole, when it is
                // stated before in this paragraph
                if let g = groupOfPart[first], case .text(let q, _, _) = facts[groups[g].whole].place, q == p.index,
                   facts[groups[g].whole].number.range.upperBound <= marker.start {
                    first = groups[g].whole
                }
                // "收入A，…，税收收入B，占收入的P%。加上…C，收入总量T": of the figures before, the one the
                // addition makes the total with (A + C = T), when the nearest does not
                let addedSum = added.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                if !(facts[first].interval + addedSum).overlaps(total.interval),
                   let fits = before.reversed().first(where: { $0 != first && isPlainFigure(facts[$0]) && (facts[$0].interval + addedSum).overlaps(total.interval) }) {
                    first = fits
                }
                // "利润收入a，股利收入b。加上上年结转c，收入总量T": the sentence before states the augend in
                // parts, all of them added
                var augends = [first]
                // (the sentence before's plain figures and their sum with what is added, when asked)
                // (not the year before's figure a comparison states: "税收收入A，同比增长P%（上年为B）")
                let allBefore = fromSentenceBefore ? before.filter { isPlainFigure(facts[$0]) && !isGrouped($0) && !labels.namesPriorYearOnly(facts[$0].label) } : []
                let allSum = allBefore.reduce(addedSum) { $0 + facts[$1].interval }
                if allBefore.count >= 2, !(facts[first].interval + addedSum).overlaps(total.interval), allSum.overlaps(total.interval) {
                    augends = allBefore
                }
                if augends.count == 1 && (namedWithoutFigure || fromSentenceBefore) && !(facts[first].interval + addedSum).overlaps(total.interval) {
                    // (among the hundred figures before it: a paragraph of many additions stays linear)
                    let earlier = paragraphFacts[p.index][..<firstFact(in: paragraphFacts[p.index], at: marker.start)].suffix(100)
                    if let fits = earlier.last(where: { id in
                        facts[id].number.range.upperBound <= marker.start && id != t && family(id) && isPlainFigure(facts[id])
                            && (facts[id].interval + addedSum).overlaps(total.interval)
                    }) {
                        first = fits
                    } else if namedWithoutFigure {
                        continue
                    } else {
                        // none makes the total: the sentence before's figures all, when their sum is nearer
                        // it than its last one's (what the finding shows is then the text's own addition)
                        let one = facts[first].interval + addedSum
                        if allBefore.count >= 2, abs(allSum.midpoint - total.interval.midpoint) < abs(one.midpoint - total.interval.midpoint) {
                            augends = allBefore
                        }
                    }
                    if augends.count == 1 { augends = [first] }
                }
                let f = facts[first]
                guard first != t, isPlainFigure(f) else { continue }
                // a total named only as one an addition makes ("总支出", "可用财力") is of the figure
                // named alike ("支出A，加上B，总支出T"), not of whatever figure comes before the 加上
                // (or, for a total of no measure of its own — 可用资金, 可用财力 — of the revenue before: "收入A；
                // 加上B和C，可用资金为T")
                // (in the addition's own sentence: one that opens with 加上 may add to a figure further back)
                let resources = total.concept.measure == nil && f.concept.measure == "revenue" && totalNames.occurs(in: total.head)
                    && sentenceIndex(of: f) == sentence
                if !(total.marksTotal || totals.isSuffix(of: total.head)), !resources,
                   Self.commonSuffix([f.head, total.head]).unicodeScalars.count < 2 { continue }
                if let a = f.concept.measure, let b = total.concept.measure, a != b { continue }
                // (a measure the label states: "加上中央转移支付538.8亿元" is received, whatever 转移支付 is by default)
                if added.contains(where: { facts[$0].concept.explicitMeasure && Self.opposedFlows(facts[$0].concept.measure, total.concept.measure) }) { continue }
                if let a = f.year, let b = total.year, a != b { continue }
                // "A，加B、C，一般预算总收入S，加D、E，收入总计T": a figure that is the sum of all before it is
                // a running total: S = A + B + C, and T = S + D + E
                var parts = augends
                var running = augends.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                for id in added {
                    if parts.count >= 2, facts[id].interval.overlaps(running), !isGrouped(id) {
                        appendGroup(PartsGroup(whole: id, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
                        parts = [id]
                        running = facts[id].interval
                        continue
                    }
                    parts.append(id)
                    running = running + facts[id].interval
                }
                guard parts.count >= 2 else { continue }
                appendGroup(PartsGroup(whole: t, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
            }
        }
    }


    /// "X，其中A、B" and "X，包括A、B": the parts after the marker in its sentence, at the marker's
    /// bracket depth, until the sentence ends or another marker starts a nested list.
    /// "48台套": the measure words a count is counted in together (its own and one written right after it).
    func compoundMeasureWords(_ f: Fact, in s: [Unicode.Scalar]) -> Set<String>? {
        guard case .count(let own) = f.kind, f.number.range.upperBound < s.count else { return nil }
        let n = vocabulary[.countUnits].prefixLength(s, at: f.number.range.upperBound)
        guard n > 0 else { return nil }
        return [own, ScalarString.make(s[f.number.range.upperBound..<(f.number.range.upperBound + n)])]
    }

    func addGroup(paragraph p: Paragraph, ids: [Int], at k: Int, markerLength: Int, marker: PartsGroup.Marker,
                           givenWhole: Int? = nil, namesSomeParts: Bool = false) {
        // the facts are only read here: a local copy of the array (one retain) keeps the closures
        // below from capturing, and copying, the whole extraction state
        let facts = self.facts
        let levelNames = vocabulary[.levelNames], adjustmentVerbs = labels.adjustmentVerbs
        let budgetKinds = vocabulary[.budgetKinds], perUnit = vocabulary[.perUnitWords]
        let s = p.text.scalars
        // "…万元，其中…" / "…万元。其中，…": the marker opens its clause; "年度评价项目包括…" names a new subject
        // (or comes right after a figure, its comma lost: "…较年初预算减少28%其中：…")
        guard givenWhole != nil || markerOpensClause(s, at: k) || followsFigure(k, ids) else { return }
        let depth = bracketDepth(s, paragraph: p.index, at: k)
        let distributes = marker == .baokuo && vocabulary[.distributiveMarkers].prefixLength(s, at: k) > 0
        // sentences are in order and do not overlap: a binary search (one line of thousands of
        // sentences and lists stays linear)
        var lo = 0, hi = p.sentences.count
        while lo < hi { let mid = (lo + hi) / 2; if p.sentences[mid].upperBound <= k { lo = mid + 1 } else { hi = mid } }
        guard lo < p.sentences.count, p.sentences[lo].contains(k) else { return }
        let sentence = lo
        let sentenceRange = p.sentences[sentence]
        // parts: same sentence, after the marker, same depth, not shares or changes
        var parts = [Int]()
        let inSentence = self.facts(paragraph: p.index, sentence: sentence)
        // the sentence's facts are in text order: those before the marker end at `afterMarker`
        let afterMarker = firstFact(in: inSentence, at: k)
        // (a plain figure before a change or a completion base stated after it: "A 27.46万元，完成预算
        // 29.6万元的92.8%，比上年增加6.32万元；其中：…" is about A)
        let lookBack = inSentence[max(0, afterMarker - ExtractionState.listLookBack)..<afterMarker]
        let provisionalWhole = givenWhole
            ?? lookBack.last { facts[$0].kind != .percent && facts[$0].change == 0 && !facts[$0].comparesYears && !isRateBase(facts[$0]) }
            ?? lookBack.last { facts[$0].kind != .percent }
        // "生活补贴在册3,437人，较上年末净增46人，其中新增198人、停发152人": a list right after a net change
        // gives the flows that make it, no parts of the figure before
        if givenWhole == nil, let last = lookBack.last, facts[last].change != 0,
           vocabulary[.netChangeWords].occurs(in: ScalarString.make(s[max(0, facts[last].number.numberRange.lowerBound - 4)..<facts[last].number.numberRange.lowerBound])) { return }
        // ("以工资性收入A为计提基数，…分别按16%、8%计提，分别为a、b": a figure taken as the base amounts are
        // reckoned from at rates is no whole of them)
        if givenWhole == nil, let w = provisionalWhole, case let e = facts[w].number.range.upperBound, e < s.count, s[e] == "为",
           vocabulary[.reckoningBaseWords].firstMatch(in: s, from: e + 1, before: min(s.count, e + 8)) != nil { return }
        // "A类1,318人、B类3,407人、C类4,238人；其中60周岁以上3,512人": after a "；", 其中 speaks of what the
        // list before it makes up, not of its last item
        if givenWhole == nil, let w = provisionalWhole, let at = lookBack.firstIndex(of: w), at > lookBack.startIndex,
           case let v = lookBack[at - 1], facts[v].kind == facts[w].kind, s[..<k].last(where: { !CharClass.isWhitespace($0) }).map({ $0 == "；" || $0 == ";" }) == true {
            let gap = facts[v].gap(to: facts[w], in: s)
            if gap.first == "、", !gap.dropFirst().contains(where: { Labels.clauseBoundaries.contains($0) }) { return }
        }
        let deductions = vocabulary[.deductionWords]
        // "…扣3.5分，得16.5分，其中预算执行率未达100%扣1.5分、…扣2分": the points lost listed after a score
        // are those of the deduction before it (the score checks read them), no parts of the score
        if let w = provisionalWhole, facts[w].kind == .score,
           let first = inSentence[afterMarker...].first(where: { facts[$0].kind == .score }).map({ facts[$0] }),
           vocabulary[.deductionWords].occurs(in: first.label), !vocabulary[.deductionWords].occurs(in: facts[w].label) { return }
        // a list is read within `listWindow` scalars after its marker
        var end = min(sentenceRange.upperBound, k + markerLength + ExtractionState.listWindow)
        // an inline section number ("三、预算执行情况…" in a run-on export) ends the list
        var h = k + markerLength
        while h < end {
            if (s[h] == "、" && h > 0 && ChineseNumerals.digit(s[h - 1]) != nil || s[h] == "、" && h > 0 && s[h - 1] == "十")
                && (h < 2 || !CharClass.isHan(s[h - 2]) || ChineseNumerals.digit(s[h - 2]) == nil && s[h - 2] != "十") {
                end = h - 1
                break
            }
            h += 1
        }
        // "1、A 654.17万元，其中补助30万元；2、B 559.52万元": the next item of the outline the whole
        // stands in ends its list, unless the list is itself enumerated ("其中：1.人员经费…；2.…")
        end = min(end, enumeratedSiblingStop(s, from: k + markerLength, to: end))
        if namesSomeParts {
            // "…，主要是甲a、乙b；丙c": a list of some parts states its first part in the marker's
            // own clause ("增长P%，主要是投入大，进度快；…" gives a reason) and ends at the "；"
            var h = k + markerLength, clauseEnd = end
            while h < end {
                if s[h] == "；" || s[h] == ";" { end = h; break }
                if clauseEnd == end && (s[h] == "，" || s[h] == ",") { clauseEnd = h }
                h += 1
            }
            let first = firstFact(in: inSentence, at: k + markerLength)
            guard first < inSentence.count, case let at = facts[inSentence[first]].number.numberRange.lowerBound, at < min(clauseEnd, end),
                  // ("主要用于以下方面：A a；B b": an enumeration the other lists read)
                  !(k + markerLength..<at).contains(where: { s[$0] == "：" || s[$0] == ":" }) else { return }
        }
        let afterK = firstFact(in: inSentence, at: k + 1)
        if afterK < inSentence.count, case let firstAfter = inSentence[afterK],
           let other = nextClassification(s, from: facts[firstAfter].number.range.upperBound, to: end) {
            end = other
        }
        // "第二产业X，其中工业A；第三产业B": after a "；", a figure named like the whole rather than
        // like its parts is the whole's sibling, and the list has ended
        // (a marker opening its sentence speaks of the sentence before: "…支出执行A。其中，民生支出B；乙市
        // 一般公共预算收入C" — the list's items joined by "；" end at the next city's revenue)
        let stopWhole = provisionalWhole ?? (sentence > 0 ? self.facts(paragraph: p.index, sentence: sentence - 1).last {
            facts[$0].kind != .percent && facts[$0].change == 0 && !facts[$0].comparesYears && !isRateBase(facts[$0])
        } : nil)
        if let w = stopWhole {
            end = min(end, siblingStop(s, paragraph: p.index, sentence: sentence, whole: w, from: k + markerLength, to: end))
        }
        // a nested list ("…，其中工业…") is skipped: its figures are its own list's parts; the figure
        // opening it after a "；" ("预算X，其中A、B；支出Y，其中C、D") is that list's whole, and this
        // list ended before it
        var nested = [Range<Int>]()
        var from = k + markerLength
        let qizhong = vocabulary[.listOpenersOf]
        while let m = labels.nestedListOpeners.firstMatch(in: s, from: from, before: end) {
            guard markerOpensClause(s, at: m.start) else { from = m.start + 1; continue }
            let first = firstFact(in: inSentence, at: k + markerLength + 1)
            let before = Array(inSentence[first..<max(first, firstFact(in: inSentence, at: m.start))])
            let opensWithQizhong = qizhong.prefixLength(s, at: m.start) > 0
            // ("其中包括A、B": 包括 before any part opens no list of a part's own)
            // (nor one after a name: "…项目90个，招引总部经济类项目（包括区域总部）10个" — it opens a list of a
            // part right after that part's figure, only punctuation between)
            if !opensWithQizhong,
               before.isEmpty || (facts[before.last!].number.range.upperBound..<m.start).contains(where: { CharClass.isHan(s[$0]) }) {
                from = m.start + m.length
                continue
            }
            // (the whole is the last amount before the marker, not its share: "基本支出a，占支出合计的P%，包括…")
            if let wi = before.lastIndex(where: { facts[$0].kind != .percent }) ?? before.indices.last {
                let nestedWhole = before[wi]
                let previousEnd = wi >= 1 ? facts[before[wi - 1]].number.range.upperBound : k + markerLength
                let opensSegment = (previousEnd..<facts[nestedWhole].number.numberRange.lowerBound).contains { s[$0] == "；" || s[$0] == ";" }
                let nc = facts[nestedWhole].concept
                let newMeasure = nc.explicitMeasure && nc.measure != provisionalWhole.flatMap { facts[$0].concept.measure }
                if opensSegment && newMeasure {
                    end = min(end, previousEnd)
                    break
                }
                var nestedEnd = siblingStop(s, paragraph: p.index, sentence: sentence, whole: nestedWhole, from: m.start + m.length, to: end)
                // a nested list opened in a bracket ("A a（其中甲b、乙c），B d") ends where the bracket closes
                if bracketDepth(s, paragraph: p.index, at: m.start) > depth {
                    var j = m.start
                    while j < nestedEnd && !((s[j] == "）" || s[j] == ")") && bracketDepth(s, paragraph: p.index, at: j + 1) <= depth) { j += 1 }
                    nestedEnd = j
                }
                // ("固定资产256件，包括计算机设备、家具…，账面金额59.33万元": 包括 naming kinds, with no figure
                // of the part's own family, lists no parts of it)
                if !opensWithQizhong,
                   !inSentence.contains(where: { id in
                       let at = facts[id].number.numberRange.lowerBound
                       return at > m.start && at < nestedEnd && facts[id].kind.sameFamily(as: facts[nestedWhole].kind)
                   }) {
                    from = m.start + m.length
                    continue
                }
                nested.append(m.start..<nestedEnd)
                from = nestedEnd
            } else {
                end = min(end, m.start)
                break
            }
        }
        let firstPart = firstFact(in: inSentence, at: k + 1)
        var bracketScan = (part: -1, position: 0, depth: 0)
        var rateOnlyClause: Int?
        var includedRunEnd: Int?
        for id in inSentence[firstPart..<max(firstPart, firstFact(in: inSentence, at: end))] {
            let f = facts[id]
            let at = f.number.numberRange.lowerBound
            guard at > k, at < end, !nested.contains(where: { $0.contains(at) }) else { continue }
            // "加上转移性收入B，其中：…，收入合计T": a total after the parts is no part; it ends the list
            // (after parts of its own kind: "固定资产256件，…账面金额合计59.33万元" is the first money part)
            if f.marksTotal && f.number.parenDepth == depth && parts.contains(where: { facts[$0].kind.sameFamily(as: f.kind) }) {
                // (not a subtotal of the last few parts: "…；省级a、市级b，省市两级合计a+b；县级配套c")
                let same = parts.filter { facts[$0].kind == f.kind }
                if same.count >= 3, (2..<same.count).contains(where: { k in
                    same.suffix(k).reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }.overlaps(f.interval)
                }) { continue }
                // "丧葬补助金312.50万元，共1,250人；…": a total of another kind than the part right before it,
                // summing none of the parts of its kind, is that part's own (how many it went to)
                if let last = parts.last, !facts[last].kind.sameFamily(as: f.kind),
                   !same.reduce(Interval(exactly: 0), { $0 + facts[$1].interval }).overlaps(f.interval) { continue }
                break
            }
            // "…临湖新区2个，其中临湖新区完工率仅为71.43%，石桥区8个…": a rate of the whole itself, first
            // after the marker, says the marker speaks of the whole: it lists nothing
            if parts.isEmpty, f.kind == .percent, let w = provisionalWhole, facts[w].head.unicodeScalars.count >= 2,
               f.label.contains(facts[w].head) { break }
            // "结余224.80万元，其中就业创业服务补助执行率仅46.40%，资金使用扣1.5分": a marker whose clause states
            // a rate alone speaks of that rate's subject; what the next clause states is no part
            if parts.isEmpty, f.kind == .percent, f.shareOf == nil, rateOnlyClause == nil { rateOnlyClause = clauseIndex(of: f) }
            if parts.isEmpty, f.kind != .percent, let c = rateOnlyClause, clauseIndex(of: f) > c { break }
            // "资金107.13万元，其中管理费1.07万元，目前项目资金已拨付106.36万元": progress so far is no part
            if vocabulary[.progressOpeners].isPrefix(of: f.label) { if parts.isEmpty { continue } else { break } }
            // "全年监测366天，其中优良321天…；上年365天中优良309天": a count that picks out a group of its own
            // (`among_endings` right after it) ends the list: what follows is of that group
            if !parts.isEmpty, case .count = f.kind, vocabulary[.amongEndings].prefixLength(s, at: f.number.range.upperBound) > 0 { break }
            // "下属事业单位4个，分别为…，另设区县分局5个": a figure set apart (`set_apart_words` opening its label)
            // is none of the parts
            if f.number.parenDepth == depth, vocabulary[.setApartWords].isPrefix(of: f.label) { if parts.isEmpty { continue } else { break } }
            // "回收有效问卷507份，其中满意483份；向教职工发放问卷215份": things the whole is counted within
            // (lexicon `counted_within`) are a wider count, past the list
            if let w = provisionalWhole, let inner = facts[w].concept.item, let outer = f.concept.item, inner != outer,
               lexicon.item(inner, isCountedWithin: outer) { if parts.isEmpty { continue } else { break } }
            // "其中，购买服务经费用于聘请中介机构参与审计项目17个": a count of what an amount named before it went to
            if case .count = f.kind, vocabulary[.purposeWords].occurs(in: f.head), !vocabulary[.purposeWords].isPrefix(of: f.head) { continue }
            // "其中骨干教师2000人次，目标为3000人次": the target aimed at, after what was done, ends the list
            if vocabulary[.targetLabels].contains(f.head) { if parts.isEmpty { continue } else { break } }
            // "其中：A、B、收支相抵，年终结余C": what remains once both sides are set against each other
            if let last = parts.last, vocabulary[.balanceOpeners].firstMatch(in: s, from: facts[last].number.range.upperBound, before: at) != nil { break }
            // "收入7.71亿元，其中：税收收入5.93亿元、非税收入1.78亿元）、上级补助收入…": a bracket closed that the
            // list never opened closes the aside the list was in
            // (read on from where the last look ended: a long run of skipped figures stays linear)
            if let last = parts.last {
                if bracketScan.part != last { bracketScan = (last, facts[last].number.range.upperBound, 0) }
                if Self.closesUnopened(s, from: &bracketScan.position, to: at, depth: &bracketScan.depth) { break }
            }
            // "其中授予中小企业合同金额a，占P%；授予小微企业合同金额b，占授予中小企业合同金额的Q%": a figure
            // whose share, right after it, is of an earlier part is that part's own part, no sibling
            if !parts.isEmpty, id + 1 < facts.count, facts[id + 1].kind == .percent, let base = facts[id + 1].shareOf,
               base.unicodeScalars.count >= 4, ExtractionState.sentence(of: facts[id + 1]) == sentence,
               facts[id + 1].place.paragraph == p.index,
               parts.contains(where: { facts[$0].label.hasSuffix(base) || facts[$0].head.hasSuffix(base) }) { break }
            // "回收486份，其中有效问卷472份；表示满意的442份": things counted within an earlier part's
            // (lexicon `counted_within`) are some of that part, no sibling: the list has ended
            if let inner = f.concept.item,
               parts.contains(where: { facts[$0].concept.item.map { lexicon.item(inner, isCountedWithin: $0) } == true }) { break }
            // "共检测300份，其中碘盐294份、合格碘盐288份": a part named as the one before it narrowed by a word in
            // front (`narrowing_words`; not "满意a，基本满意b，不满意c") is some of that part
            if let last = parts.last, facts[last].kind == f.kind, case let previous = facts[last].head, previous.unicodeScalars.count >= 2,
               f.head.unicodeScalars.count > previous.unicodeScalars.count, f.head.hasSuffix(previous), f.value <= facts[last].value,
               vocabulary[.narrowingWords].contains(String(String.UnicodeScalarView(f.head.unicodeScalars.dropLast(previous.unicodeScalars.count)))) { break }
            // "在岗职工486人，其中执业医师173人，服务常住人口284,041人": a count after the first part, alone many
            // times the whole, is of something else; the list has ended
            if !parts.isEmpty, f.kind.measureWord != nil, let w = provisionalWhole, facts[w].kind == f.kind, facts[w].value > 0,
               f.value > facts[w].value * Self.foreignPartFactor { break }
            // "年初预算安排A，其中中央资金a；年中追加b后，全年预算调整为T": under a budget at one stage, an
            // adjustment, or the budget at another stage, is past the list
            if !parts.isEmpty, let w = provisionalWhole, let q = facts[w].concept.qualifier, facts[w].concept.measure == "budget", f.number.parenDepth == depth,
               f.concept.measure == "adjust" || (f.concept.measure == "budget" && f.concept.qualifier.map { $0 != q } == true) { break }
            // "到位资金A，其中县级配套资金到位a，到位率P%；累计支出B，…": spending after a "；" that follows a list of
            // funds come in or budgeted is past the list (not after revenue: "其中，保险费收入a，增长P%；支出b" is
            // a part's own account)
            // (not in a list of spending: "累计支出A。其中：直补资金a；项目资金支出b；工作经费支出c")
            if let last = parts.last, f.concept.measure == "spend", f.concept.explicitMeasure, facts[last].concept.explicitMeasure,
               stopWhole.map({ facts[$0].concept.measure != "spend" }) ?? true,
               let lastMeasure = facts[last].concept.measure, lastMeasure == "arrived" || lastMeasure == "budget",
               s[facts[last].number.range.upperBound..<at].contains(where: { $0 == "；" || $0 == ";" }) { break }
            // "其中A…；加上级补助收入B，…": what is added is added to the whole, after its list
            if !parts.isEmpty && f.number.parenDepth == depth && vocabulary[.additionMarkers].isPrefix(of: f.label) { break }
            // "总投资61.8万元，其中中央资金30.9万元，县配套资金30.9万元，2021年度下达资金61.8万元": the whole's
            // amount again, after parts that are something, is the whole restated (received, spent), no part
            // (not a reduction of the same size: "…，补偿资金调减1.50万元" under 1.50万元 is a negative part)
            if let w = provisionalWhole, parts.count >= 2, f.number.parenDepth == depth, facts[w].kind == f.kind, facts[w].value == f.value,
               f.value != 0, f.change == 0, !ExtractionState.isNamedAdjustment(f, verbs: adjustmentVerbs),
               parts.contains(where: { facts[$0].value != 0 }) { break }
            // "其中中央a、省级b、县级c，人均补助标准89元": an amount per head after amounts that are not is
            // a figure of its own, past the list
            // (unless a "；" right after it goes on to the next part: "…补助a，惠及N人，人均b；…补贴c")
            // (a part named per head but in another unit is a total of such amounts: "生均补助1,710.88万元，按每生
            // 每年800元标准补助")
            // (first after the marker too, under a whole that is no amount per head: "检测费28.60万元，包括按每次
            // 1,100元计的240次抽检费26.40万元和…")
            if parts.isEmpty, f.number.parenDepth == depth, f.kind.isMoney, perUnit.occurs(in: f.label),
               let w = provisionalWhole, facts[w].kind.isMoney, facts[w].kind != f.kind, !perUnit.occurs(in: facts[w].label) { continue }
            // (not a part paid by a standard it names: "…按小学标准补助45.72万元")
            if !parts.isEmpty, f.number.parenDepth == depth, namesPerUnit(f.label),
               !parts.contains(where: { perUnit.occurs(in: facts[$0].label) && facts[$0].kind == f.kind }) {
                var k = f.number.range.upperBound
                let stop = min(s.count, k + 40)
                while k < stop && !"；;。".unicodeScalars.contains(s[k]) { k += 1 }
                if k < stop && (s[k] == "；" || s[k] == ";") { continue }
                break
            }
            guard f.number.parenDepth == depth, f.shareOf == nil, !f.comparesYears, f.number.comparator == nil,
                  f.kind != .percent, f.kind != .percentagePoint, f.kind != .bare, !f.number.inRange else { continue }
            if vocabulary[.inclusionMarkers].isPrefix(of: f.label) { includedRunEnd = f.number.range.upperBound; continue }
            // ("…运行维护费A，含购置费a、运行维护费b": the figures joined by 、 to an included one are included too)
            if let end = includedRunEnd, case let labelStart = at - f.label.unicodeScalars.count, labelStart == end + 1, s[end] == "、" {
                includedRunEnd = f.number.range.upperBound
                continue
            }
            includedRunEnd = nil
            // "过程指标…扣1.5分，其中资金管理扣1分，…；产出指标满分40分，得分38分，扣2分": a full mark after the
            // parts of points or scores opens the next indicator; the list has ended
            if let w = provisionalWhole, facts[w].kind == .score, f.kind == .score, isWeight(f), !isWeight(facts[w]) {
                if parts.isEmpty { continue }
                break
            }
            // "单位共1个，包括内设非独立核算的机构14个": a unit's own departments are not units
            if f.kind.measureWord != nil && vocabulary[.internalBodyWords].occurs(in: f.label) { continue }
            // "完成预算12.02万元的100%": the base of a part's completion rate is no part
            if isRateBase(f) { continue }
            // ("项目支出b，对应全年项目预算c，执行率P%": nor the base a part's rate right after is of)
            if let last = parts.last, isBaseOfRate(f, of: facts[last]) { continue }
            // "小学22,880人×720元，计1,647.36万元": the amount per head a part is reckoned by is no part
            if Factors.isPerUnitFactor(f, in: s, vocabulary: vocabulary) { continue }
            // ("共计34,800元，折合3.48万元": the part before restated in another unit is no part of its own)
            if let last = parts.last, f.kind != facts[last].kind, restates(f, facts[last]) { continue }
            // "公务接待费6.80万元，上年7.80万元，压减12.82%": last year's figure of the part before is no part
            if !parts.isEmpty, vocabulary[.previousYear].contains(f.head) || vocabulary[.previousYear].contains(f.label) { continue }
            // ("…取得分红a，上年同一股份分红为b；…": nor a figure its own clause dates to another year than the whole's,
            // or the first part's)
            if !parts.isEmpty, f.yearSource == .clause, let y = provisionalWhole.map({ facts[$0].year }) ?? facts[parts[0]].year, let fy = f.year, fy != y {
                // (but "人员116人，其中2021年招募30人、2022年招募39人、2023年新招募47人": parts each dated to a year of
                // their own, the first to another than the whole's, are a breakdown by year)
                let first = facts[parts[0]]
                let byYear = provisionalWhole.map { w in first.yearSource == .clause && first.year != nil && first.year != facts[w].year } ?? false
                if !byYear || parts.contains(where: { facts[$0].year == fy }) { continue }
            }
            parts.append(id)
        }
        // "其中：书记报酬提高到每月3,800元，其他村干部每月2,700元，基本报酬预算2,455.44万元；…": amounts per
        // head in another unit than the list's plain amounts are standards, no parts
        let plainUnits = Set(parts.compactMap { id in perUnit.occurs(in: facts[id].label) ? nil : facts[id].kind.moneyUnit })
        if plainUnits.count == 1 {
            parts.removeAll { id in
                facts[id].kind.moneyUnit.map { !plainUnits.contains($0) } == true && perUnit.occurs(in: facts[id].label)
            }
        }
        // "其中：中央a，省级b，县级c，中央和省级资金d，占P%": a part naming earlier parts joined, and their sum,
        // is their subtotal, no part
        let subtotals = Set(parts.indices.filter { k in
            guard k >= 2, let named = partsNamed(in: facts[parts[k]].head, among: Array(parts[..<k])) else { return false }
            return named.reduce(Interval(exactly: 0)) { $0 + interval(facts[$1]) }.overlaps(interval(facts[parts[k]]))
        }.map { parts[$0] })
        parts.removeAll { subtotals.contains($0) }
        guard !parts.isEmpty else { return }
        listed.formUnion(parts)
        // "A，剔除B，C": a figure taken away from the one before; the list is no sum of its parts
        if parts.contains(where: { vocabulary[.subtractionWords].isPrefix(of: facts[$0].label) }) { return }
        // a list of changes ("其中…减少0.50万元，…增加0.10万元") is a list of its own kind
        // (but an addition named by its verb is a part like the others: "县级资金150.00万元，其中年初预算
        // 130.00万元、年中追加20.00万元")
        var changeParts = parts.filter { facts[$0].change != 0 && !(facts[$0].change > 0 && ExtractionState.isNamedAdjustment(facts[$0], verbs: adjustmentVerbs)) }
        // "…补助2.00万元，…资金调减1.50万元": a named reduction is a negative part, not a change
        // of the part before; a list with signed parts is not summed
        if !changeParts.isEmpty && changeParts.count < parts.count && changeParts.contains(where: { ExtractionState.isNamedAdjustment(facts[$0], verbs: adjustmentVerbs) }) { return }
        // ("调整增加预算A，其中基本支出增加a、项目支出增加b，调整后全年预算为T": changes listed first are the
        // list; a budget at a stage (named with a qualifier) after them is past it)
        if let plain = parts.firstIndex(where: { facts[$0].change == 0 }), plain >= 2, facts[parts[plain]].concept.qualifier != nil {
            parts.removeSubrange(plain...)
            changeParts = changeParts.filter(parts.contains)
        }
        if !changeParts.isEmpty && changeParts.count < parts.count {
            // the changes stated beside the parts ("A 80万元，增加2万元；B 37万元，减少0.5万元"),
            // whatever their signs: the parts are the figures
            parts.removeAll { facts[$0].change != 0 }
        } else if Set(changeParts.map { facts[$0].change }).count > 1 {
            return  // a list of changes with 增加 and 减少 together is signed: not summed
        }
        // ("…区县配套资金到位a，尚有b未到位": what is still missing of a part is none of the parts)
        var shortfalls = Set<Int>()
        for id in parts where followedByShortfall(facts[id], in: p.text.scalars) { shortfalls.insert(id) }
        // families of the first two parts
        let families = parts.prefix(2).map { facts[$0].kind }
        // ("完成48台套，包括摄像机12台、工作站18台、灯光系统6套、音频设备12套": a whole counted in two measure
        // words together has parts in either)
        let compound = provisionalWhole.flatMap { compoundMeasureWords(facts[$0], in: s) }
        func inFamily(_ id: Int, _ family: QuantityKind) -> Bool {
            if let words = compound, case .count(let a) = family, case .count(let b) = facts[id].kind, words.contains(a) { return words.contains(b) }
            return facts[id].kind.sameFamily(as: family)
        }
        for family in families where !isGrouped(parts.first { inFamily($0, family) } ?? -1) {
            var crossesParagraph = false
            var familyParts = parts.filter { inFamily($0, family) && !shortfalls.contains($0) }
            // "其中A a、B b、C c，三重制度合计S；个人负担d": a subtotal of the parts before it stands for them
            let totalMarkers = vocabulary[.totalMarkers]
            if let k = familyParts.indices.dropFirst(2).first(where: { facts[familyParts[$0]].marksTotal || labels.marks(totalMarkers, in: facts[familyParts[$0]].label) }) {
                let before = familyParts[..<k].reduce(Interval(exactly: 0)) { $0 + interval(facts[$1]) }
                if before.overlaps(interval(facts[familyParts[k]])) { familyParts.removeSubrange(..<k) }
            }
            // ("其中：公务用车运行维护费A，主要用于107辆执法执勤用车…；公务接待费B": a lone figure of another kind
            // than the list's first part says something of a part, and is none)
            if !family.sameFamily(as: families[0]), familyParts.count < 2 { continue }
            let allListed = familyParts
            // ("较年初预算A增加D，其中年中追加中央补助a、省级补助b，县级配套c": additions listed right after a
            // change are its parts)
            let lastBefore = inSentence[..<afterMarker].last.map { facts[$0] }
            let changeList = familyParts.allSatisfy { facts[$0].change != 0 }
                || (lastBefore.map { $0.change > 0 && $0.kind.sameFamily(as: family) } == true
                    && facts[familyParts[0]].concept.measure == "adjust" && facts[familyParts[0]].concept.explicitMeasure)
            // the whole: the last fact of the family before the marker, in this or the previous
            // sentence; a change ("比上年减少1.20万元") is only the whole of a list of changes
            // the last candidate among the `listLookBack` facts before the marker, in this sentence
            // and the one before
            var near = Array(inSentence[max(0, afterMarker - ExtractionState.listLookBack)..<afterMarker])
            if near.count < ExtractionState.listLookBack && sentence > 0 {
                near = self.facts(paragraph: p.index, sentence: sentence - 1).suffix(ExtractionState.listLookBack - near.count) + near
            }
            func candidate(_ id: Int) -> Bool {
                let f = facts[id]
                // ("…，90.8公里计A；中型水闸每座a、小型水闸每座b，分别为c和d，合计T": what 分别为 distributes is named
                // in its own clause group; a figure before a "；" is another's)
                if distributes, f.number.range.upperBound <= k, s[f.number.range.upperBound..<k].contains(where: { $0 == "；" || $0 == ";" }) { return false }
                return f.number.numberRange.upperBound <= k && f.kind.sameFamily(as: family) && !f.number.inRange
                    && f.shareOf == nil && f.number.parenDepth <= depth
                    && ExtractionState.sentence(of: f) >= sentence - 1
                    // (a list of changes is of a change, or of an adjustment so named: "调整增加预算A，其中基本支出增加a…")
                    && (changeList ? f.change != 0 || (f.concept.measure == "adjust" && f.concept.explicitMeasure && !f.comparesYears)
                        : (f.change == 0 && !f.comparesYears))
                    && !isCompletionBase(id, paragraph: p)
                    // ("上年收、支总计均为A，…。其中：本年收入合计a，…": a figure its own clause dates to one year
                    // is no whole of parts their clauses date to another)
                    && !(f.yearSource == .clause && f.year != nil
                        && familyParts.allSatisfy { facts[$0].year != nil && facts[$0].year != f.year }
                        && familyParts.contains { facts[$0].yearSource == .clause })
            }
            // "余额A，控制在限额B以内。其中，…": a bound (B) is no whole while a plain figure stands before it
            var lastCandidate = near.last { candidate($0) && facts[$0].number.comparator == nil } ?? near.last(where: candidate)
            // (nor a figure per unit while a plain one stands before it, in the parts' unit and no
            // smaller than they add up to: "补助A，场均补助a，其中按标准…b")
            if let c = lastCandidate, perUnit.occurs(in: facts[c].label),
               let plain = near.last(where: { candidate($0) && facts[$0].number.comparator == nil && !perUnit.occurs(in: facts[$0].label) }),
               familyParts.allSatisfy({ facts[$0].kind == facts[plain].kind }),
               Decimals.lessOrEqual(familyParts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }.lo, facts[plain].interval.hi) {
                lastCandidate = plain
            }
            var chosen: Int?
            if let given = givenWhole { chosen = facts[given].kind.sameFamily(as: family) ? given : nil } else { chosen = lastCandidate }
            // "…支出194.12万元，占总数的100%。⏎其中：…": a list opening its paragraph is about the last
            // figure of the paragraph before (a line the export broke, or a heading with its figure)
            if chosen == nil, givenWhole == nil, sentence == 0, opensSentence(s, at: k, sentence: sentenceRange),
               let previous = previousParagraph(of: p) {
                let ids = paragraphFacts[previous.index]
                let lastSentence = ids.map { ExtractionState.sentence(of: facts[$0]) }.max() ?? -1
                func mayBeWhole(_ f: Fact) -> Bool {
                    f.kind.sameFamily(as: family) && !f.number.inRange && f.shareOf == nil && f.number.parenDepth == 0
                        && (changeList ? f.change != 0 : (f.change == 0 && !f.comparesYears))
                }
                chosen = ids.last { ExtractionState.sentence(of: facts[$0]) == lastSentence && mayBeWhole(facts[$0]) }
                // (another figure after it that could be the whole makes it unclear which; a change or a prior
                // year's figure after it is none: "实际完成31个，较上年完成27个增长14.81%。⏎其中…")
                // (past such figures, a list whose first part is a total of its own is no breakdown of it: "…累计签约A人，
                // 较上年末的B人净增C人。⏎其中，…等重点人群共D人，已签约E人")
                let after = ids.filter { $0 > (chosen ?? Int.max) && facts[$0].kind.sameFamily(as: family) && ExtractionState.sentence(of: facts[$0]) == lastSentence
                    && facts[$0].shareOf == nil && facts[$0].kind != .percent }
                if !after.isEmpty && (changeList || familyParts.first.map({ facts[$0].marksTotal }) == true
                    || after.contains(where: { facts[$0].change == 0 && !facts[$0].comparesYears })) { chosen = nil }
                // ("全年实际支出A，…，结余B已收回。⏎其中高龄津贴支出a，…": parts naming what they are of are of the
                // figure so named, not of the last one)
                if let c = chosen, let m = familyParts.first.flatMap({ facts[$0].concept.measure }),
                   familyParts.allSatisfy({ facts[$0].concept.measure == m }), let cm = facts[c].concept.measure, cm != m,
                   let named = ids.last(where: { $0 != c && ExtractionState.sentence(of: facts[$0]) == lastSentence && mayBeWhole(facts[$0])
                                                   && facts[$0].concept.measure == m }) {
                    chosen = named
                }
                // ("支出A，年初预算为B，完成年初预算的P%。分科目情况如下：…⏎其中：甲a；乙b；丙c": the parts make up
                // A; the figure of that sentence they add up to, when the last is not it)
                let sum = familyParts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                if let c = chosen, familyParts.count >= 2, !sum.overlaps(facts[c].interval),
                   let made = ids.last(where: { id in
                       let f = facts[id]
                       return id != c && ExtractionState.sentence(of: f) == lastSentence && f.kind.sameFamily(as: family) && !f.number.inRange
                           && f.shareOf == nil && f.change == 0 && !f.comparesYears && f.interval.overlaps(sum)
                   }) {
                    chosen = made
                }
                if chosen != nil { crossesParagraph = true }
            }
            // "预计完成17.2亿元，…，主要是…分享0.86亿元和…。其中：税收收入12亿元，非税收入5.2亿元": a last figure
            // smaller than one of the parts is no whole of them; a figure before it that they add up to is
            if givenWhole == nil, !changeList, let c = chosen,
               let largest = familyParts.map({ facts[$0].interval.hi }).max(), facts[c].interval.hi < largest {
                let sum = familyParts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                func earlier(_ id: Int) -> Bool {
                    let f = facts[id]
                    return id != c && f.number.numberRange.upperBound <= k && f.kind == facts[c].kind && f.change == 0 && !f.comparesYears
                        && f.shareOf == nil && !f.number.inRange && !familyParts.contains(id)
                }
                if let match = near.last(where: { earlier($0) && facts[$0].interval.overlaps(sum) }) {
                    chosen = match
                } else if let match = near.last(where: { id in
                    // ("…未达到3,000元的目标值…；带动农户增收合计约1,104.53万元，其中：…": the figure they make
                    // exactly, named as an increase and in another unit than the last)
                    let f = facts[id]
                    return id != c && f.number.numberRange.upperBound <= k && f.kind.sameFamily(as: facts[c].kind) && !f.comparesYears
                        && f.shareOf == nil && !f.number.inRange && !familyParts.contains(id) && f.interval.overlaps(sum)
                }) {
                    chosen = match
                } else if sentence > 0, facts[c].concept.measure == "carryover",
                          let bigger = near.last(where: { earlier($0) && Decimals.less(largest, facts[$0].interval.lo) && facts[$0].concept.measure != "carryover" }) {
                    // "支出A，…，结余B按规定结转下年使用。其中：甲a…": the balance left is smaller than a part;
                    // the figure before it they are parts of is the whole
                    chosen = bigger
                } else if let previous = near.last(where: { earlier($0) && $0 < c }),
                          case let span = facts[previous].number.range.upperBound..<facts[c].number.numberRange.lowerBound,
                          span.contains(where: { s.indices.contains($0) && s[$0] == "、" }),
                          // (one enumeration: no sentence ends between, as before "三、其他支出A(其中…)")
                          !span.contains(where: { s.indices.contains($0) && ScalarSets.sentenceStops.contains(s[$0]) }) {
                    // "用于A a、B b、C c，其中用于A和C d": the last of an enumeration is no whole of a part
                    // larger than it; the marker speaks of the enumeration's whole, which it does not name
                    chosen = nil
                }
            }
            // "本年支出合计A，比上年…；全年预算数B，预算执行率P%。其中：基本支出a，…；项目支出b，…": parts
            // that do not add up to the last figure but exactly to one figure before it are that one's
            // (only for a list opening its sentence: a marker right after a figure is about that figure,
            // whether or not its parts add up to it)
            if givenWhole == nil, !changeList, familyParts.count >= 2, let c = chosen, opensSentence(s, at: k, sentence: sentenceRange),
               ExtractionState.sentence(of: facts[c]) == sentence - 1 {
                let sum = familyParts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                // ("拨入A，支出B。其中：甲支出a，乙支出b": parts each named by the last figure's own measure
                // are its parts, whatever they add up to)
                if !sum.overlaps(facts[c].interval), !facts[c].namesTheMeasure(of: familyParts.map { facts[$0] }) {
                    func fitting(_ total: Interval) -> [Int] {
                        near.filter { id in
                            id != c && candidate(id) && facts[id].kind == facts[c].kind && facts[id].interval.overlaps(total)
                                && ExtractionState.sentence(of: facts[id]) == sentence - 1 && groupOfPart[id] == nil && !listed.contains(id)
                                // (the sentence's first figure of the kind: what it is about)
                                && !near.contains { other in other < id && ExtractionState.sentence(of: facts[other]) == sentence - 1
                                    && facts[other].kind.sameFamily(as: facts[id].kind) && facts[other].change == 0 && !facts[other].comparesYears }
                        }
                    }
                    let whole = fitting(sum)
                    if whole.count == 1 {
                        chosen = whole[0]
                    } else if whole.isEmpty, familyParts.count > 2 {
                        // ("问题356个，…，剩余15个…。其中A问题128个，…；其他问题228个，已整改213个": the first parts
                        // make it exactly; what follows is a figure of the last of them)
                        var running = facts[familyParts[0]].interval
                        for n in 1..<(familyParts.count - 1) {
                            running = running + facts[familyParts[n]].interval
                            let fits = fitting(running)
                            if fits.count == 1 {
                                chosen = fits[0]
                                familyParts = Array(familyParts[...n])
                                break
                            }
                        }
                    }
                }
            }
            // "…实际采购金额B，节约资金C，节约率P%；其中授予中小企业合同金额a，占实际采购金额的Q%": a part's own
            // share naming the figure it is a part of, stated before the marker, names the whole
            if givenWhole == nil, let c = chosen, let firstPart = familyParts.first, firstPart + 1 < facts.count,
               facts[firstPart + 1].kind == .percent, let base = facts[firstPart + 1].shareOf, base.unicodeScalars.count >= 3,
               facts[firstPart + 1].place.paragraph == p.index, !facts[c].label.hasSuffix(base),
               let named = near.last(where: { candidate($0) && $0 != c && facts[$0].label.hasSuffix(base) }) {
                chosen = named
            }
            guard let whole = chosen, !familyParts.isEmpty else { continue }
            // "得分96.71分。其中：预算执行指标得9.79分（分值10分），扣0.21分；产出指标得49分…": the points an
            // indicator lost, stated beside its score, are no part of the total score
            if facts[whole].kind == .score, !deductions.occurs(in: facts[whole].label),
               familyParts.contains(where: { !deductions.isSuffix(of: facts[$0].label) }) {
                familyParts.removeAll { facts[$0].kind == .score && deductions.isSuffix(of: facts[$0].label) }
            }
            // "到位A，尚有B未到位，其中市级资金到位a，到位率P%…": parts named by a measure of their own after what
            // has not arrived are none of it, nor all of A (the levels short of theirs): no list to check
            if !facts[whole].concept.explicitMeasure, followedByShortfall(facts[whole], in: s),
               familyParts.allSatisfy({ facts[$0].concept.explicitMeasure && !followedByShortfall(facts[$0], in: s) }) { continue }
            // "全县基金收入A…。县本级…B，高新区基金收入C…。其中，全县土地基金收入D": a part of the whole
            // territory is no part of the figure before it when the text names that territory's own figure
            let firstLabel = ScalarString.scalars(facts[familyParts[0]].label)
            if let t = vocabulary[.territoryWords].firstMatch(in: firstLabel) {
                let word = ScalarString.make(firstLabel[t.start..<(t.start + t.length)])
                if !facts[whole].label.contains(word),
                   ids.contains(where: { $0 < familyParts[0] && $0 != whole && facts[$0].kind.sameFamily(as: family) && facts[$0].label.contains(word) }) { continue }
            }
            // "计划金额A，实际金额B，共节约资金C，其中货物类…计划金额a，实际金额b，共节约资金c；…": each item
            // repeats the figures named before the marker; the whole's parts are those named as it is
            // (the `listLookBack` facts before the marker: a sentence of many lists stays linear)
            let namedBefore = Set(inSentence[max(0, afterMarker - ExtractionState.listLookBack)..<afterMarker]
                .filter { facts[$0].kind.sameFamily(as: family) }.map { TextKey(facts[$0].head) })
            if !facts[whole].head.isEmpty, familyParts.contains(where: { namedBefore.contains(TextKey(facts[$0].head)) && facts[$0].head != facts[whole].head }) {
                familyParts = familyParts.filter { facts[$0].head == facts[whole].head }
                if familyParts.isEmpty { continue }
            }
            // "采购计划金额A，…共节约资金C。其中货物类采购计划金额a…": a lone part of another measure than the
            // whole's, and larger, named as a figure before the whole was, is the first figure of an item's
            // series, not a part of C
            if familyParts.count == 1, let m = facts[whole].concept.measure, facts[whole].concept.explicitMeasure,
               let pm = facts[familyParts[0]].concept.measure, facts[familyParts[0]].concept.explicitMeasure, pm != m,
               !lexicon.measure(pm, mayBeListedUnder: m), facts[familyParts[0]].interval.lo > facts[whole].interval.hi,
               near.contains(where: { $0 != whole && Self.commonSuffix([facts[$0].head, facts[familyParts[0]].head]).unicodeScalars.count >= 4 }) { continue }
            // parallel series after 其中 (支出…，年初预算…，差额… per item): keep the whole's measure
            if facts[whole].kind.isMoney {
                let measures = Set(familyParts.compactMap { facts[$0].concept.explicitMeasure ? facts[$0].concept.measure : nil })
                if measures.count > 1 {
                    // ("收入预算A，其中：财政拨款收入a；上年结转b": sources each listed under a budget)
                    // (a whole named by no measure is that of its parts when one may hold all the others:
                    // "县级资金120.00万元，其中年初预算110.00万元、年中追加10.00万元")
                    let holdingAll = measures.first { m in measures.allSatisfy { lexicon.measure($0, mayBeListedUnder: m) } }
                    guard let m = facts[whole].concept.measure ?? holdingAll,
                          measures.contains(m) || measures.allSatisfy({ lexicon.measure($0, mayBeListedUnder: m) }) else { continue }
                    let listable: (Int) -> Bool = { [facts, lexicon] id in
                        !facts[id].concept.explicitMeasure || facts[id].concept.measure.map { lexicon.measure($0, mayBeListedUnder: m) } == true
                    }
                    // a series repeats its measures; one odd name in a list of sources ("调入预算稳定调节
                    // 基金" among revenues) is a part all the same
                    if familyParts.filter({ !listable($0) }).count >= 2 { familyParts = familyParts.filter(listable) }
                }
            }
            // "A资金1500.00万元，全部支出；B资金840.00万元，支出776.85万元": figures per item
            // (its funds, then its spending), not a partition: one item named twice
            // (the budget a part is of is left out of its concept — a source, not a measure — yet tells
            // parts apart: "一般公共预算拨款收入A、政府性基金预算拨款收入B" are two items)
            // (nor is a flow listed under the whole's measure beside it: "收入总计A，其中…上级补助收入b，
            // 上年结余c" — carried-in funds are a source of their own, whatever scope they took on)
            let wholeMeasure = facts[whole].concept.measure
            let named = familyParts.filter { !facts[$0].concept.scope.isEmpty }.map { id in
                let c = facts[id].concept
                let kind = budgetKinds.firstMatch(in: ScalarString.scalars(facts[id].label))
                    .map { ScalarString.make(ScalarString.scalars(facts[id].label)[$0.start..<($0.start + $0.length)]) } ?? ""
                var flow = ""
                if let m = c.measure, let w = wholeMeasure, m != w, lexicon.measure(m, mayBeListedUnder: w) { flow = m }
                // (a part its clause dates is that year's: "2021年招募a、2022年招募b" are two)
                let year = facts[id].yearSource == .clause ? facts[id].year.map(String.init) ?? "" : ""
                return TextKey("\(c.item ?? "")|\(c.scope)|\(kind)|\(flow)|\(year)")
            }
            if Set(named).count < named.count { continue }
            // "预算A，其中基本支出预算a、项目支出预算b，实际支出C": parts that make up the whole exactly,
            // then a bare figure of another measure: that figure is the whole's again, and ends the list
            if familyParts.count > 2, let w = wholeMeasure {
                var running = Interval(exactly: 0)
                for n in familyParts.indices.dropLast() {
                    running = running + interval(facts[familyParts[n]])
                    let next = facts[familyParts[n + 1]].concept
                    if n >= 1 && running.overlaps(interval(facts[whole])) {
                        if next.explicitMeasure, let m = next.measure, m != w, next.item == nil || next.item == "total", next.scope.isEmpty {
                            familyParts = Array(familyParts[...n])
                        }
                        break
                    }
                }
            }
            // (unless the parts make up the whole exactly: "收入总计A，其中上年结转a，本年收入b")
            let makeWhole = familyParts.count >= 2
                && familyParts.reduce(Interval(exactly: 0), { $0 + interval(facts[$1]) }).overlaps(interval(facts[whole]))
            if !makeWhole, familyParts.indices.dropFirst().contains(where: { n in
                let c = facts[familyParts[n]].concept
                // (a flow of its own listed under the whole's measure is an item: "…，上年结余c")
                if let m = c.measure, let w = wholeMeasure, m != w, lexicon.measure(m, mayBeListedUnder: w) { return false }
                guard c.explicitMeasure, c.item == nil || c.item == "total", c.scope.isEmpty, c.rate == nil,
                      facts[familyParts[n]].head.count <= 4 else { return false }
                // "…，账面金额64.18万元" after "；无形资产3套": the item's only figure, named before it
                let from = facts[familyParts[n - 1]].number.range.upperBound, to = facts[familyParts[n]].number.numberRange.lowerBound
                return from < to && !(from..<to).contains { s[$0] == "；" || s[$0] == ";" }
            }) { continue }
            // "一级指标3个，二级指标7个，三级指标15个": levels of one tree, not a partition
            if familyParts.filter({ levelNames.isPrefix(of: facts[$0].head) }).count >= 2 { continue }
            // a restatement of the whole ("其中专项资金30万元于3月1日全部到位", "…共下达资金40.0万元")
            // is no part: it ends the list, or, first in it, leaves no list at all
            // (a part the lexicon makes a part of the whole is none: "“三公”经费14.01万元，其中：出国费0万元，
            // 公务用车运行维护费14.01万元，接待费0万元")
            // (nor is a sibling named like the parts before it and not like the whole: "离退休人员16人，
            // 其中：离休0人，退休16人")
            if familyParts.count >= 2, let r = familyParts.firstIndex(where: {
                interval(facts[$0]).overlaps(interval(facts[whole])) && !isLexiconPart(facts[$0].concept.item, of: facts[whole].concept.item)
            }) {
                // (all of it in its first part, the others stated as 0, is a partition: "收入合计A，其中：
                // 财政拨款收入A，占100%；事业收入0万元，占0%")
                if r == 0 {
                    if !familyParts.dropFirst().allSatisfy({ facts[$0].value == 0 }) { continue }
                } else {
                    let ending = ExtractionState.commonSuffix(familyParts[...r].map { ExtractionState.withoutBrackets(facts[$0].head) })
                    let sibling = !ending.isEmpty && !ExtractionState.withoutBrackets(facts[whole].head).hasSuffix(ending)
                        && !labels.totalWords.occurs(in: facts[familyParts[r]].label)
                    if !sibling { familyParts = Array(familyParts[..<r]) }
                }
            }
            // a part broken down further ("…280.00万元，即：A 200.00万元、B 50.00万元、C 30.00万元"):
            // its items are left out when they make it up; otherwise the list cannot be read
            guard let outer = withoutSubLists(familyParts, s) else { continue }
            familyParts = withoutScopeNested(outer)
            // "回收462份；其中有效问卷455份，“满意”412份、“基本满意”35份、“不满意”8份": the parts after one
            // that add up to it exactly are its own breakdown
            if familyParts.count >= 3 {
                let rest = familyParts.dropFirst().reduce(Interval(exactly: 0)) { $0 + interval(facts[$1]) }
                // (not parts named alike, the first among them: "甲教育体育局a，乙教育体育局b，丙教育体育局c")
                if rest.overlaps(interval(facts[familyParts[0]])) && !rest.overlaps(interval(facts[whole])),
                   Self.commonSuffix(familyParts.map { Self.withoutBrackets(facts[$0].head) }).unicodeScalars.count < 2 {
                    familyParts = [familyParts[0]]
                }
            }
            // the enumeration ends where the parts already make up the whole exactly
            // ("其中高级职称5人，中级职称18人，初级职称13人，退休人员12人")
            // and the next one names another kind of thing (its label does not end like theirs:
            // "…职称" then "退休人员"; "…债务" then "…债务限额")
            if familyParts.count > 2 {
                let target = interval(facts[whole])
                var running = Interval(exactly: 0)
                for (n, pid) in familyParts.enumerated() {
                    running = running + interval(facts[pid])
                    if n >= 1 && running.overlaps(target) && n < familyParts.count - 1 {
                        let ending = ExtractionState.commonSuffix(familyParts[...n].map { ExtractionState.withoutBrackets(facts[$0].head) })
                        let next = ExtractionState.withoutBrackets(facts[familyParts[n + 1]].head)
                        if !ending.isEmpty && !next.hasSuffix(ending) {
                            familyParts = Array(familyParts[...n])
                        }
                        break
                    }
                }
            }
            guard !familyParts.isEmpty else { continue }
            // the whole must be close: in this sentence, or the marker opens its sentence
            let wholeSentence = crossesParagraph ? -1 : sentenceIndex(of: facts[whole])
            // ("收入A，下降P%。剔除…因素后，可比下降Q%，其中，税收收入B…": only asides about the whole, rates
            // and no figure of the family, stand before the marker in its sentence)
            // ("…专项资金3,200万元。资金按因素法分配到各县，其中：…": a sentence opening with the whole's
            // own last word speaks of it again)
            if givenWhole == nil && wholeSentence < sentence && !opensSentence(s, at: k, sentence: sentenceRange)
                && (afterMarker == 0 || inSentence[..<afterMarker].contains(where: { facts[$0].kind.sameFamily(as: family) || facts[$0].kind != .percent }))
                && !(afterMarker == 0 && wholeSentence == sentence - 1 && namesWholeAgain(s, sentence: sentenceRange, before: k, whole: facts[whole])) { continue }
            // "在校生28,075人，其中：小学18,425人，初中9,650人；寄宿生6,240人": the first parts add up to the
            // whole exactly, so what follows them counts the whole another way (boarders among pupils)
            if familyParts.count >= 3, familyParts == allListed, let cut = exactPrefix(familyParts, whole: whole, in: s) {
                familyParts = Array(familyParts.prefix(cut))
            }
            let last = facts[familyParts.last!]
            let after = p.text.string(last.number.range.upperBound..<min(s.count, last.number.range.upperBound + 2))
            let goesOn = vocabulary[.openListMarkers].isPrefix(of: after)
            // a part written out as zero ("其中：离休0人，退休16人") shows the list names every part
            // (every listed part kept, and no figure of their kind later in the sentence, where the
            // list may go on past a "；")
            let zeroWrittenOut = familyParts.count >= 2 && familyParts == allListed
                && familyParts.contains { facts[$0].value == 0 && facts[$0].concept.rate == nil }
                && !laterFigure(of: family, in: inSentence, after: last.number.range.upperBound, within: ExtractionState.listWindow)
                && !leavesOutSubordinates(familyParts, whole: whole)
            // the last part named as the rest of the whole ("其中2023年安排5000亿元，其余5000亿元…")
            // (not after a rate of the part before it: "其中省级资金到位a，到位率P%，剩余b于次年下达" is the
            // rest of the provincial funds due)
            let endsWithRemainder = familyParts.count >= 2 && familyParts == allListed
                && (vocabulary[.remainderWords].isPrefix(of: ExtractionState.withoutBrackets(facts[familyParts.last!].label))
                    || vocabulary[.remainderInfixes].occurs(in: facts[familyParts.last!].label))
                && !inSentence.contains(where: { id in
                    let f = facts[id]
                    return f.kind == .percent && f.concept.rate != nil
                        && f.number.range.lowerBound > facts[familyParts[familyParts.count - 2]].number.range.upperBound
                        && f.number.range.upperBound <= last.number.range.lowerBound
                })
                // (nor when it makes up, with the part before it, a figure stated before the whole: "省级资金1,750
                // 万元。…其中省级补助资金到位1,510万元，剩余240万元于次年到位")
                && !restOfEarlierFigure(familyParts[familyParts.count - 2], familyParts.last!, whole: whole, paragraph: p.index)
                // (nor after an amount a rate comes to: "先行拨付核定补助的50%即a，剩余b…" is the rest of that subsidy)
                && !isRateAmount(familyParts[familyParts.count - 2], paragraph: p.index)
            // each part the funds of another level of government ("其中：中央资金…，省级资金…，县级资金…";
            // "其中中央财政资金a，县财政配套资金b"): the levels are where the whole came from, in full
            // (every list of two levels or more in 690 published texts adds up to its whole)
            // an account's parts to the cent, whose sum keeps the whole's cents ("支出194.17万元，其中：
            // 甲174.00万元；乙3.00万元；丙9.00万元；丁8.17万元"): in 690 published texts every such list in
            // 元 or 万元 but one (whose parts overran) adds up; lists in 亿元 headline a few categories
            // (not places each with a rate of its own, the ones the text singles out: "实际到位488.50万元，到位率仅
            // 78.79%，其中北塬县到位128.50万元，到位率80.31%，下川县只到位20.00万元，到位率16.67%")
            let places = vocabulary[.placeSuffixes], ownLevels = vocabulary[.ownLevelWords]
            let eachRated = familyParts.allSatisfy { id in
                let label = Array(facts[id].label.unicodeScalars)
                let namesPlace = label.count >= 2 && !ownLevels.isPrefix(of: facts[id].label)
                    && (1..<min(label.count, 6)).contains { k in CharClass.isHan(label[k - 1]) && places.prefixLength(label, at: k) > 0 }
                return namesPlace && id + 1 < facts.count && facts[id + 1].kind == .percent && facts[id + 1].concept.rate != nil
                    && facts[id + 1].place.paragraph == p.index && sentenceIndex(of: facts[id + 1]) == sentenceIndex(of: facts[id])
            }
            let keepsCents = familyParts.count >= 2 && familyParts == allListed && !eachRated && keepsTheCents(of: whole, in: familyParts)
            // "其中中央和省级资金全额到位，县级配套资金到位a，尚有b…": a part named with no figure opens the list
            let firstLabelStart = facts[familyParts[0]].number.numberRange.lowerBound - facts[familyParts[0]].label.unicodeScalars.count
            // (no figure of any kind between: "其中：固定资产256件，账面金额合计A" names the part by its count)
            let figurelessFirst = k + markerLength < firstLabelStart
                && s[(k + markerLength)..<firstLabelStart].drop(while: { !CharClass.isHan($0) }).contains(where: { $0 == "，" || $0 == "；" || $0 == "," || $0 == ";" })
                && !ids.contains(where: { (k + markerLength)..<firstLabelStart ~= facts[$0].number.numberRange.lowerBound })
            let closed = !goesOn && !namesSomeParts && !figurelessFirst && (marker == .baokuo || zeroWrittenOut || endsWithRemainder || keepsCents
                || (familyParts.count >= 2 && familyParts == allListed && namesDistinctFundingLevels(familyParts))
                || (familyParts.count >= 2 && familyParts == allListed && wholeNamesEveryPart(whole, familyParts)))
            var qualified = 0
            for id in familyParts where isThresholdQualified(id, among: inSentence) { qualified += 1 }
            // (bands on both sides of a threshold are a partition, not nested: "1年（含）以下定期a，1年以上定期b")
            func thresholdWord(_ id: Int) -> String? {
                let label = Array(facts[id].label.unicodeScalars)
                guard let m = vocabulary[.thresholdWords].matches(in: label).last else { return nil }
                return ScalarString.make(label[m.start..<(m.start + m.length)])
            }
            let nested = qualified >= 2 && Set(familyParts.compactMap(thresholdWord)).count < 2
            var group = PartsGroup(whole: whole, parts: familyParts, marker: marker, closedByWording: closed, nestedThresholds: nested)
            group.namesSomeParts = namesSomeParts
            let count = groups.count
            appendGroup(group)
            // (a subtotal left out of the parts still belongs to their list: its share is of the whole)
            if groups.count > count { for sub in subtotals where groupOfPart[sub] == nil && facts[sub].kind.sameFamily(as: family) { groupOfPart[sub] = count } }
        }
    }

    /// The figure a list's sentence names before its marker and nothing else ("一般公共预算财政拨款支出
    /// 主要用于以下方面：…"), when a colon ends the marker's phrase: the last figure so named in the
    /// paragraphs before, of one value.
    func wholeNamedBefore(_ p: Paragraph, ids: [Int], marker k: Int, markerEnd: Int) -> Int? {
        let s = p.text.scalars
        guard let sentence = p.sentences.firstIndex(where: { $0.contains(k) }) else { return nil }
        var start = p.sentences[sentence].lowerBound
        while start < k && CharClass.isWhitespace(s[start]) { start += 1 }
        guard k - start >= 4, (start..<k).allSatisfy({ CharClass.isHan(s[$0]) }) else { return nil }
        // a colon within a few characters after the marker ("以下方面：", "：")
        var colon = markerEnd
        while colon < s.count && colon - markerEnd <= 6 && s[colon] != "：" && s[colon] != ":" {
            guard CharClass.isHan(s[colon]) else { return nil }
            colon += 1
        }
        guard colon < s.count, s[colon] == "：" || s[colon] == ":" else { return nil }
        let name = ScalarString.make(s[start..<k])
        let before = proseNames.facts(named: name, in: self).filter { id in
            guard let q = facts[id].place.paragraph, q < p.index else { return false }
            let f = facts[id]
            return f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && f.shareOf == nil && !f.isTarget
        }
        guard let last = before.last, Set(before.map { facts[$0].interval.midpoint }).count == 1 else { return nil }
        return last
    }

    /// The count of the first parts, two at least, that add up to the whole exactly and are set off
    /// from the next part by stronger punctuation than any between them ("小学a、初中b，寄宿生c";
    /// "小学a，初中b；寄宿生c") or followed only by figures of another measure than the whole's, the
    /// rest not all zero (none: no such prefix).
    func exactPrefix(_ parts: [Int], whole: Int, in s: [Unicode.Scalar]) -> Int? {
        // the strongest mark between two parts: 、 1, ， 2, ； 3
        func separation(_ a: Int, _ b: Int) -> Int {
            let from = facts[a].number.range.upperBound, to = facts[b].number.range.lowerBound
            var strongest = 0
            for k in from..<max(from, to) {
                switch s[k] {
                case "；", ";": strongest = max(strongest, 3)
                case "，", ",": strongest = max(strongest, 2)
                case "、": strongest = max(strongest, 1)
                default: break
                }
            }
            return strongest
        }
        let target = facts[whole].value
        var sum = facts[parts[0]].value, within = 0
        for n in 2..<parts.count {
            within = max(within, separation(parts[n - 2], parts[n - 1]))
            sum += facts[parts[n - 1]].value
            guard sum == target else { continue }
            let cut = separation(parts[n - 1], parts[n])
            // (or what follows is another measure than the whole's: "累计支出A。其中：甲a、乙b，均已全部支出；
            // 丙c，…，结余d" — the balance is no spending)
            let measure = facts[whole].concept.measure
            let otherMeasure = measure != nil && parts[n...].allSatisfy { facts[$0].concept.explicitMeasure && (facts[$0].concept.measure.map { $0 != measure } ?? false) }
            // (or the remainder of the last part: "…运营补贴拨付b，拨付率P%，剩余c…延至次年拨付")
            let remainder = parts[n...].allSatisfy { vocabulary[.remainderWords].isPrefix(of: facts[$0].label) }
            return (cut > within || otherMeasure || remainder) && parts[n...].contains(where: { facts[$0].value != 0 }) ? n : nil
        }
        return nil
    }

    /// "核定补助的50%即30.00万元": an amount restating the rate right before it (its label a
    /// restatement opener alone).
    func isRateAmount(_ id: Int, paragraph: Int) -> Bool {
        guard id > 0, vocabulary[.restatementOpeners].contains(facts[id].label) else { return false }
        let rate = facts[id - 1]
        return rate.kind == .percent && rate.place.paragraph == paragraph
            && facts[id].number.numberRange.lowerBound - rate.number.range.upperBound <= facts[id].label.unicodeScalars.count + 1
    }

    /// Every part's label opens with a level of government's funds (`funding_level_words`), each
    /// with another one.
    /// Whether the sentence, before the marker at `k`, opens with the last two characters of the
    /// whole's label ("专项资金…。资金按因素法分配…，其中").
    func namesWholeAgain(_ s: [Unicode.Scalar], sentence: Range<Int>, before k: Int, whole: Fact) -> Bool {
        let name = Array(whole.label.unicodeScalars.suffix(2))
        guard name.count == 2, name.allSatisfy(CharClass.isHan) else { return false }
        var i = sentence.lowerBound
        while i < k && CharClass.isWhitespace(s[i]) { i += 1 }
        return i + 2 <= k && s[i] == name[0] && s[i + 1] == name[1]
    }

    /// "我部门及所属二层单位…项目21个。其中，本级项目8个，…对下转移支付项目0个": the whole's sentence
    /// names the department's subordinate units (subordinate_unit_words), a part is its own level's
    /// (own_level_words) and none is the units': their own figures are the rest of the whole.
    func leavesOutSubordinates(_ parts: [Int], whole: Int) -> Bool {
        let units = vocabulary[.subordinateUnitWords], own = vocabulary[.ownLevelWords]
        guard case .text(let wp, let ws, _) = facts[whole].place, wp < doc.paragraphs.count,
              ws < doc.paragraphs[wp].sentences.count,
              parts.contains(where: { own.occurs(in: facts[$0].label) }),
              !parts.contains(where: { units.occurs(in: facts[$0].label) }) else { return false }
        let range = doc.paragraphs[wp].sentences[ws]
        return units.firstMatch(in: doc.paragraphs[wp].text.scalars, from: range.lowerBound, before: range.upperBound) != nil
    }

    /// The whole is an amount of an account (`account_units`) with a fraction, every part is a named
    /// item stated in its unit, cents are written somewhere, and the parts' sum differs from the whole
    /// by whole units at most: their fractions add up to its fraction. Either every part is written to
    /// the whole's places (two or more), or the places differ ("下达资金35331.2万元，其中，甲县5079.16万元；
    /// 乙旗2803万元；…") and two parts or more carry a fraction of their own: a chance match of the
    /// cents is then one in a hundred.
    func keepsTheCents(of whole: Int, in parts: [Int]) -> Bool {
        let w = facts[whole]
        let places = w.number.decimals
        guard places >= 1, let unit = w.kind.moneyUnit, vocabulary[.accountUnits].contains(unit.rawValue), !w.unitAssumed else { return false }
        let wholeValue = abs(w.value)
        guard Decimals.rounded(wholeValue, scale: 0) != wholeValue else { return false }
        var sum = Decimal(0)
        var samePlaces = true, finest = places, fractional = 0
        // (each part a named item: a figure with no name may be the tail of one the export cut,
        // "…36,⏎857.51万元", whose lost digits leave the cents as they were)
        for id in parts {
            let f = facts[id]
            guard f.kind.moneyUnit == unit, f.number.decimals == places || f.number.decimals <= 2, !f.unitAssumed, !f.head.isEmpty else { return false }
            let value = abs(f.value)
            if f.number.decimals != places { samePlaces = false }
            finest = max(finest, f.number.decimals)
            if Decimals.rounded(value, scale: 0) != value { fractional += 1 }
            sum += value
        }
        guard samePlaces ? places >= 2 : finest >= 2 && fractional >= 2 else { return false }
        let gap = sum - wholeValue
        return Decimals.rounded(gap, scale: 0) == gap
    }

    /// "全年举办小学组、初中组、高中组联赛共312场，其中小学组186场、初中组94场、高中组32场": the whole's
    /// name lists, joined by 、, exactly the names of its parts: every part is there.
    func wholeNamesEveryPart(_ whole: Int, _ parts: [Int]) -> Bool {
        let label = Array(facts[whole].label.unicodeScalars)
        guard label.contains("、") else { return false }
        let names = parts.map { ExtractionState.withoutBrackets(facts[$0].head) }
        guard Set(names).count == names.count, names.allSatisfy({ $0.unicodeScalars.count >= 2 }) else { return false }
        // the run of names joined by 、 (the last one possibly followed by the thing they are of)
        var k = 0, first = 0
        for (found, name) in names.enumerated() {
            let n = Array(name.unicodeScalars)
            guard let at = ScalarSearch.firstIndex(of: n, in: label, from: k) else { return false }
            // (each after the one before, one 、 between: "小学组、初中组、高中组")
            if found > 0, !(at == k + 1 && label[k] == "、") { return false }
            if found == 0 { first = at }
            k = at + n.count
        }
        // (and no name more on either side: "小学组、初中组、高中组" is not named whole by two of them)
        let joiners = vocabulary[.nameJoiners]
        return !(first > 0 && (label[first - 1] == "、" || joiners.suffixLength(label, endingAt: first) > 0))
            && !(k < label.count && (label[k] == "、" || joiners.prefixLength(label, at: k) > 0))
    }

    func namesDistinctFundingLevels(_ parts: [Int]) -> Bool {
        namesDistinct(vocabulary[.fundingLevelWords], parts, money: true) || namesDistinct(vocabulary[.staffKindWords], parts, money: false)
    }

    /// Each part (money, or a count) named first by another word of `words`.
    func namesDistinct(_ words: WordSet, _ parts: [Int], money: Bool) -> Bool {
        let connectives = vocabulary[.leadingConnectives]
        // most lists name no level: their first part's first scalar says so without a lookup
        guard let first = facts[parts[0]].label.unicodeScalars.first,
              words.mayStart(with: first) || connectives.mayStart(with: first) || first == "（" || first == "(" else { return false }
        var levels = Set<String>()
        for id in parts {
            // (the first part's label may keep the list's marker: "其中中央资金")
            var name = ExtractionState.withoutBrackets(facts[id].label)
            if let marker = connectives.prefix(of: name) { name = String(name.unicodeScalars.dropFirst(marker.unicodeScalars.count)) }
            guard money ? facts[id].kind.isMoney : facts[id].kind.measureWord != nil,
                  let level = words.prefix(of: name), levels.insert(level).inserted else { return false }
        }
        return true
    }

    /// "财力1867.48万元，由一般公共预算收入111.11万元、上级补助收入1756.37万元构成": the figures
    /// between the opener and the closer, in one sentence, make up the last plain figure of their
    /// family before the opener (in its sentence, or the sentence before when the opener begins
    /// its own). A complete list.
    func addCompositionGroups(paragraph p: Paragraph, ids: [Int]) {
        let openers = vocabulary[.compositionOpeners], closers = vocabulary[.compositionClosers]
        let s = p.text.scalars
        for (k, range) in p.sentences.enumerated() {
            // the closer, then the last opener before it ("由于…，财力A，由B、C构成": not 由于's 由)
            guard let close = closers.firstMatch(in: s, from: range.lowerBound, before: range.upperBound),
                  var open = openers.firstMatch(in: s, from: range.lowerBound, before: close.start) else { continue }
            while let next = openers.firstMatch(in: s, from: open.start + open.length, before: close.start) { open = next }
            let inSentence = facts(paragraph: p.index, sentence: k)
            let first = firstFact(in: inSentence, at: open.start + open.length), end = firstFact(in: inSentence, at: close.start)
            guard end - first >= 2 else { continue }
            let parts = Array(inSentence[first..<end])
            let family = facts[parts[0]].kind
            guard family.isMoney, parts.allSatisfy({ facts[$0].kind.sameFamily(as: family) && isPlainFigure(facts[$0]) && !isGrouped($0)
                      && facts[$0].number.parenDepth == facts[parts[0]].number.parenDepth }) else { continue }
            var candidates = inSentence[..<firstFact(in: inSentence, at: open.start)]
            if candidates.isEmpty && k > 0 && (range.lowerBound..<open.start).allSatisfy({ !CharClass.isHan(s[$0]) }) {
                candidates = facts(paragraph: p.index, sentence: k - 1)[...]
            }
            guard let whole = candidates.last(where: { facts[$0].kind.sameFamily(as: family) }), isPlainFigure(facts[whole]),
                  !(groupsOfWhole[whole] ?? []).contains(where: { groups[$0].closedByWording }) else { continue }
            appendGroup(PartsGroup(whole: whole, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
        }
    }

    /// "项目支出3244.32万元。项目支出中：A…，B…，C…" / "基本支出中，人员经费…，公用经费…" / "总收入A。
    /// 总收入中一般公共预算收入a；政府性基金预算收入b…": a list
    /// under the name of a figure stated just before (in this paragraph or the two before it in
    /// its section) is a list of that figure's parts.
    func addNamedListGroups(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        var k = 1
        var before = 0
        while k + 1 < s.count {
            defer { k += 1 }
            // ("市本级总收入中一般公共预算收入A；…": or run on into the first part's name)
            guard s[k] == "中", s[k + 1] == "：" || s[k + 1] == ":" || s[k + 1] == "，" || s[k + 1] == "," || CharClass.isHan(s[k + 1]) else { continue }
            // the name: the Han run before 中, from the clause start
            var j = k - 1
            while j >= 0 && j >= k - 13 && CharClass.isHan(s[j]) { j -= 1 }
            guard j < 0 || Labels.clauseBoundaries.contains(s[j]) || CharClass.isWhitespace(s[j]) || s[j] == "：" else { continue }
            let name = p.text.string((j + 1)..<k)
            guard name.count >= 3 && name.count <= 12 else { continue }
            // the figures just before the name (a bounded look back keeps long paragraphs linear)
            while before < ids.count && facts[ids[before]].number.range.upperBound <= j + 1 { before += 1 }
            var candidates = Array(ids[max(0, before - 60)..<before])
            if candidates.isEmpty {
                for q in stride(from: p.index - 1, through: max(0, p.index - 2), by: -1) where doc.paragraphs[q].sectionPath == p.sectionPath {
                    candidates = Array(paragraphFacts[q].suffix(60))
                    if !candidates.isEmpty { break }
                }
            }
            let named = candidates.filter { id in
                let f = facts[id]
                return (f.head == name || f.head.hasSuffix(name)) && f.kind.isMoney && f.change == 0 && !f.comparesYears
                    && f.shareOf == nil && !f.number.inRange && f.number.comparator == nil
            }
            guard let whole = named.last, Set(named.map { facts[$0].interval.midpoint }).count == 1 else { continue }
            addGroup(paragraph: p, ids: ids, at: k, markerLength: CharClass.isHan(s[k + 1]) ? 1 : 2, marker: .qizhong, givenWhole: whole)
        }
    }

    /// "其中：地方税收收入865.4亿元…。主要税收收入项目情况如下：增值税393.9亿元，…；企业所得税…": a list
    /// introduced by a name (`list_intro_markers`, the name's `list_intro_leads` and `list_intro_trails`
    /// dropped) is a list of parts of the figure stated before under that name (in this paragraph or
    /// the two before it in its section; one value only). An open list, like 其中.
    func addIntroducedListGroups(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        let markers = vocabulary[.listIntroMarkers]
        var from = 0
        while let m = markers.firstMatch(in: s, from: from) {
            from = m.start + m.length
            // the name: the Han run before the marker, from the clause start, less its lead and trail words
            var j = m.start - 1
            while j >= 0 && j >= m.start - 20 && CharClass.isHan(s[j]) { j -= 1 }
            guard j < 0 || Labels.clauseBoundaries.contains(s[j]) || CharClass.isWhitespace(s[j]) || s[j] == "：" else { continue }
            var lo = j + 1, hi = m.start
            var changed = true
            while changed && hi - lo >= 2 {
                changed = false
                let lead = vocabulary[.listIntroLeads].prefixLength(s, at: lo, end: hi)
                if lead > 0 && hi - lo > lead { lo += lead; changed = true }
                let trail = vocabulary[.listIntroTrails].suffixLength(s, endingAt: hi, start: lo)
                if trail > 0 && hi - lo > trail { hi -= trail; changed = true }
            }
            guard hi - lo >= 3 else { continue }
            let name = p.text.string(lo..<hi)
            // the figures before the intro, in this paragraph (a bounded look back: the paragraph's
            // facts are in text order) or the two before it
            let before = firstFact(in: ids, at: j + 1)
            var candidates = ids[max(0, before - 60)..<before].filter { facts[$0].number.range.upperBound <= j + 1 }[...]
            if candidates.isEmpty {
                for q in stride(from: p.index - 1, through: max(0, p.index - 2), by: -1) where doc.paragraphs[q].sectionPath == p.sectionPath {
                    candidates = paragraphFacts[q].suffix(60)
                    if !candidates.isEmpty { break }
                }
            }
            let named = candidates.filter { id in
                let f = facts[id]
                return (f.head == name || f.head.hasSuffix(name)) && f.kind.isMoney && isPlainFigure(f)
            }
            guard let whole = named.last, Set(named.map { facts[$0].interval.midpoint }).count == 1 else { continue }
            var end = from
            while end < s.count && CharClass.isWhitespace(s[end]) { end += 1 }
            if end < s.count {
                addGroup(paragraph: p, ids: ids, at: m.start, markerLength: m.length, marker: .qizhong, givenWhole: whole)
            } else {
                addItemParagraphsGroup(after: p, whole: whole)
            }
        }
    }

    /// The intro ends its paragraph: the items follow it in its section, each a clause ending with
    /// "；" (the last with "。") that opens with a plain amount of the whole's family, one item to a
    /// line or several to a line where the export joined them.
    func addItemParagraphsGroup(after p: Paragraph, whole: Int) {
        let w = facts[whole]
        var parts = [Int]()
        var q = p.index + 1
        items: while q < doc.paragraphs.count && parts.count < ExtractionState.listLookBack {
            let item = doc.paragraphs[q]
            guard !item.isHeading, item.sectionPath == p.sectionPath else { break }
            let s = item.text.scalars
            // the item clauses of the paragraph: from its start, each after a "；"
            var clauseStart = 0
            var found = false
            for id in paragraphFacts[q] where facts[id].kind != .percent && facts[id].kind != .bare {
                let f = facts[id]
                guard f.number.numberRange.lowerBound >= clauseStart else { continue }
                guard f.kind.sameFamily(as: w.kind), isPlainFigure(f), !isGrouped(id), f.head.unicodeScalars.count >= 2 else { break items }
                // the clause's end: its "；" or "。"
                var k = f.number.range.upperBound
                while k < s.count && !"；;。".unicodeScalars.contains(s[k]) { k += 1 }
                guard k < s.count else { break items }
                parts.append(id)
                found = true
                if s[k] == "。" { break items }
                clauseStart = k + 1
            }
            guard found else { break }
            q += 1
        }
        guard parts.count >= 2 else { return }
        appendGroup(PartsGroup(whole: whole, parts: parts, marker: .qizhong, closedByWording: false, nestedThresholds: false))
    }

    /// "上年结转A（含甲结转a、乙结转b）": a part named by the last word of the whole's measure (结转 of
    /// 上年结转) is of the whole's measure.
    func namesLastWordOfMeasure(_ part: Fact, of whole: Fact) -> Bool {
        guard let own = part.concept.measure, own != whole.concept.measure else { return false }
        let ending = Self.commonSuffix([Self.withoutBrackets(whole.head), Self.withoutBrackets(part.head)])
        return ending.unicodeScalars.count >= 2 && lexicon.resolve(ending).measure == own
    }

    /// "新增补充耕地A亩，其中水田a亩、旱地b亩，完成年度任务B亩的P%": after the last part of a list that
    /// makes up its whole exactly, in the whole's sentence, the sentence may be about the whole again
    /// (a completion share is the whole's; a change may be either's).
    func wholeOfCompleteList(endingWith part: Int, sentence: Int) -> Int? {
        guard let g = groups.first(where: { $0.parts.last == part && $0.whole != part && !$0.nestedThresholds }),
              g.parts.count >= 2, facts[g.whole].place.paragraph == facts[part].place.paragraph,
              sentenceIndex(of: facts[g.whole]) == sentence, facts[g.whole].kind.sameFamily(as: facts[part].kind),
              g.parts.allSatisfy({ facts[$0].kind.sameFamily(as: facts[part].kind) }) else { return nil }
        let sum = g.parts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
        return sum.overlaps(facts[g.whole].interval) ? g.whole : nil
    }

    /// `part` and `rest` add up to a figure of their kind stated before `whole` in its paragraph.
    func restOfEarlierFigure(_ part: Int, _ rest: Int, whole: Int, paragraph: Int) -> Bool {
        let sum = interval(facts[part]) + interval(facts[rest])
        return paragraphFacts[paragraph].contains { id in
            id < whole && facts[id].kind.sameFamily(as: facts[rest].kind) && facts[id].change == 0 && !facts[id].number.inRange
                && interval(facts[id]).overlaps(sum)
        }
    }

    /// "政府采购预算302.70万元（货物类86.40万元，工程类152.00万元，服务类64.30万元）": a figure
    /// broken down in the brackets right after it. Only plain named amounts of the whole's kind make
    /// such a list; anything else in the brackets (a change, a share, a comparison, 含…) leaves it.
    func addBracketGroups(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        let levels = vocabulary[.ownLevelWords]
        for (n, wid) in ids.enumerated() where n + 2 < ids.count {
            let whole = facts[wid]
            // (a part of a list may be broken down in brackets of its own: "其中A（B、C）")
            // (or a change broken down into changes the same way: "收入增加A（税收增加a、非税增加b）")
            // (counts too: "新建和改造投放点1,661个（新建612个、改造1,049个）", none of them a plan)
            guard whole.kind.isMoney || whole.kind.measureWord != nil, whole.change != 0 || !whole.comparesYears, !whole.number.inRange,
                  whole.shareOf == nil else { continue }
            var open = whole.number.range.upperBound
            while open < s.count && CharClass.isWhitespace(s[open]) { open += 1 }
            // ("收入A，为预算的p%，同比增长q%（税收收入a…；非税收入b…）": or after the whole's own rates)
            var first = n + 1
            if open < s.count, s[open] != "（", s[open] != "(" {
                // (not past a rate of another year: "已整改198个，整改率P%，较上年Q%（应整改a个、已整改b个）" gives
                // Q's figures)
                while first < ids.count, facts[ids[first]].kind == .percent, facts[ids[first]].number.parenDepth == whole.number.parenDepth,
                      !(facts[ids[first]].comparesYears && facts[ids[first]].change == 0),
                      sentenceIndex(of: facts[ids[first]]) == sentenceIndex(of: whole), first - n <= 3 {
                    open = facts[ids[first]].number.range.upperBound
                    first += 1
                }
                while open < s.count && CharClass.isWhitespace(s[open]) { open += 1 }
            }
            guard open < s.count, s[open] == "（" || s[open] == "(" else { continue }
            // a breakdown is short: do not scan a whole run-on paragraph for the bracket's end
            var close = open + 1, depth = 1
            let limit = min(s.count, open + 400)
            while close < limit && depth > 0 {
                if s[close] == "（" || s[close] == "(" { depth += 1 }
                if s[close] == "）" || s[close] == ")" { depth -= 1 }
                if depth > 0 { close += 1 }
            }
            guard close < limit else { continue }
            // ("（税收收入完成a，为预算的p%，同比下降q%；非税收入完成b，…）": each item's own rates, at the
            // items' depth, stand beside the items and are none of them)
            let inside = ids[first...].prefix { facts[$0].number.numberRange.lowerBound < close }.filter { id in
                let f = facts[id]
                return !(f.kind == .percent && whole.kind != .percent && f.number.parenDepth == whole.number.parenDepth + 1)
            }
            guard inside.count >= 2, vocabulary[.listOpenersOf].prefixLength(s, at: open + 1) == 0 else { continue }
            // "收入A（含B b，C c）": what A includes, named after 含 — some of its parts, or all of them
            // when they are all of a decomposition
            let includes = vocabulary[.inclusionMarkers].prefixLength(s, at: open + 1) > 0
            let plain = inside.allSatisfy { id in
                let f = facts[id]
                return f.kind == whole.kind && f.number.parenDepth == whole.number.parenDepth + 1
                    && (f.change == whole.change || (includes && whole.change == 0 && isNamedAdjustment(f)))
                    && (whole.change != 0 || !f.comparesYears)
                    // ("…13,772盏（2022年底为27,246盏，本年新增1,368盏）": a figure of another year, so named, is
                    // a comparison, no part)
                    && !(f.yearSource == .clause && f.year != nil && f.year != whole.year)
                    && f.shareOf == nil && !f.number.inRange && f.number.comparator == nil && !isGrouped(id)
                    && f.head.unicodeScalars.count >= 2 && (!vocabulary[.inclusionMarkers].isPrefix(of: f.label) || includes && id == inside.first)
                    // named parts of the whole's kind, not its inputs ("（预算2786.45万元减支出2665.58万元）")
                    && (f.concept.item != nil || !f.concept.scope.isEmpty || levels.isPrefix(of: f.head) || (includes && f.concept.explicitMeasure))
                    // (a flow listed under the whole's measure is a part: "转移性收入A（含上级补助收入a、上年结余b）")
                    // (a whole naming no measure, "中央补助资金A（含提前下达a、年中追加b）", takes what comes)
                    && !(f.concept.explicitMeasure && whole.concept.explicitMeasure && f.concept.measure != whole.concept.measure
                         && !(f.concept.measure.flatMap { m in whole.concept.measure.map { lexicon.measure(m, mayBeListedUnder: $0) } } ?? false)
                         && !namesLastWordOfMeasure(f, of: whole))
                    && !vocabulary[.arithmeticWords].isPrefix(of: f.head) && !vocabulary[.subtractionWords].isPrefix(of: f.head)
            }
            guard plain, !inside.contains(where: { interval(facts[$0]).overlaps(interval(whole)) }) else { continue }
            if !whole.kind.isMoney && inside.contains(where: { vocabulary[.planFigureWords].occurs(in: facts[$0].label) || facts[$0].isTarget }) { continue }
            // "总收入A（县本级B，高新区C）": the whole split by level, its own level first, is all of it
            let byLevel = levels.isPrefix(of: facts[inside.first!].head)
            var parts = Array(inside)
            if includes {
                // "一般转移支付收入A（含a1、a2、a3，专项转移支付收入B）": the bracket closed late; the items
                // that already make up A are its parts, the rest its siblings
                var sum = Interval(exactly: 0)
                for (k, id) in parts.enumerated() where k + 1 < parts.count {
                    sum = sum + interval(facts[id])
                    if sum.overlaps(interval(whole)) { parts = Array(parts[...k]); break }
                }
                guard parts.count >= 2 else { continue }
            }
            // (or by funding level, "预拨资金A（中央资金a、省级资金b）", or to the cent of an account: as a 其中 list)
            let closed = byLevel || namesDistinctFundingLevels(parts) || keepsTheCents(of: wid, in: parts)
            appendGroup(PartsGroup(whole: wid, parts: parts, marker: .bracket, closedByWording: closed, nestedThresholds: false))
            listed.formUnion(parts)
        }
    }

    /// How many times its whole a count after a list's first part is, at least, to be something else.
    static let foreignPartFactor: Decimal = 20

    /// The stretch of the paragraph between the "；" (or sentence ends) around a position.
    static func semicolonSegment(_ p: Paragraph, around index: Int) -> Range<Int> {
        semicolonSegment(p.text.scalars, around: index)
    }

    static func semicolonSegment(_ s: [Unicode.Scalar], around index: Int) -> Range<Int> {
        ScalarSearch.semicolonSegment(s, around: index)
    }

    /// "一级指标", "二级指标": a level of a hierarchy.
    func isLevelName(_ head: String) -> Bool { vocabulary[.levelNames].isPrefix(of: head) }

    /// "森林生态效益补偿资金调减1.50万元": a change word after a name of its own.
    func isNamedAdjustment(_ f: Fact) -> Bool { Self.isNamedAdjustment(f, verbs: labels.adjustmentVerbs) }

    static func isNamedAdjustment(_ f: Fact, verbs: WordSet) -> Bool {
        guard f.change != 0, !f.comparesYears else { return false }
        guard let verb = verbs.suffix(of: f.head) else { return false }
        return f.head.unicodeScalars.count - verb.unicodeScalars.count >= 2
    }

    /// Parts without the items of a part that is broken down further; nil when a breakdown does
    /// not add up to its part, so where it ends is unknown.
    /// The parts less those nested in an earlier one by their fund scope: "国家财政性教育经费A，一般公共预算
    /// 教育经费B" name one thing but for the scope (broad_fund_scopes, narrow_fund_scopes), and B,
    /// no larger than A, is a part of A rather than a second part of the whole.
    func withoutScopeNested(_ parts: [Int]) -> [Int] {
        let broad = vocabulary[.broadFundScopes], narrow = vocabulary[.narrowFundScopes]
        // most lists name no scope: two lookups on the names, no scalars made
        guard parts.count >= 2, parts.contains(where: { narrow.occurs(in: facts[$0].head) }),
              parts.contains(where: { broad.occurs(in: facts[$0].head) }) else { return parts }
        // the name with its first scope word taken out, or nil when it has none
        func rest(_ id: Int, _ words: WordSet) -> [Unicode.Scalar]? {
            let name = ScalarString.scalars(ExtractionState.withoutBrackets(facts[id].head))
            guard let m = words.firstMatch(in: name) else { return nil }
            let out = Array(name[..<m.start]) + Array(name[(m.start + m.length)...])
            return out.isEmpty ? nil : out
        }
        var kept = [Int]()
        for id in parts {
            if let own = rest(id, narrow), kept.contains(where: { k in
                rest(k, broad) == own && interval(facts[id]).lo <= interval(facts[k]).hi
            }) { continue }
            kept.append(id)
        }
        return kept
    }

    func withoutSubLists(_ parts: [Int], _ s: [Unicode.Scalar]) -> [Int]? {
        var kept = [Int]()
        var n = 0
        while n < parts.count {
            kept.append(parts[n])
            guard n + 1 < parts.count, opensSubList(s, from: facts[parts[n]].number.range.upperBound,
                                                    to: facts[parts[n + 1]].number.numberRange.lowerBound, of: facts[parts[n]].head) else {
                n += 1
                continue
            }
            let target = interval(facts[parts[n]])
            var running = Interval(exactly: 0)
            var m = n + 1
            while m < parts.count {
                running = running + interval(facts[parts[m]])
                if running.overlaps(target) { break }
                m += 1
            }
            guard m < parts.count else { return nil }
            n = m + 1
        }
        return kept
    }

    /// Whether the text between a part and the next figure opens a breakdown of that part: a sub-list
    /// marker opening the clause right after it, or the clause of the next figure after a clause of
    /// the part's own ("事业收入a，占27.35%，主要为学费收入b和住宿费收入c"); or the part's name and 中
    /// ("专任教师582人…；专任教师中“双师型”教师348人").
    func opensSubList(_ s: [Unicode.Scalar], from: Int, to: Int, of name: String = "") -> Bool {
        func opens(at start: Int) -> Bool {
            var k = start
            while k < to && (Labels.clauseBoundaries.contains(s[k]) || s[k] == "：" || s[k] == ":" || s[k] == "（" || s[k] == "(" || CharClass.isWhitespace(s[k])) { k += 1 }
            guard k < to else { return false }
            if vocabulary[.notSubListWords].prefixLength(s, at: k, end: to) > 0 { return false }
            let length = vocabulary[.subListMarkers].prefixLength(s, at: k, end: to)
            // "A a，主要是车辆增加；B b": a reason the "；" closes opens no breakdown of A
            if length > 0 { return !(k + length..<to).contains { s[$0] == "；" || s[$0] == ";" } }
            // "人员经费a，由工资福利支出b和对个人和家庭的补助c构成；公用经费d": what a part is made of, closed
            // before the clause run ends
            if vocabulary[.compositionOpeners].prefixLength(s, at: k, end: to) > 0 {
                var e = k
                while e < s.count, e - k < 80, s[e] != "；", s[e] != ";", s[e] != "。" {
                    if vocabulary[.compositionClosers].prefixLength(s, at: e) > 0 { return true }
                    e += 1
                }
            }
            let own = Array(name.unicodeScalars)
            return own.count >= 2 && k + own.count < to && Array(s[k..<(k + own.count)]) == own && s[k + own.count] == "中"
        }
        if opens(at: from) { return true }
        // the next figure's clause, after a clause or two of the part's own
        var last = to
        while last > from && !Labels.clauseBoundaries.contains(s[last - 1]) { last -= 1 }
        guard last > from else { return false }
        let clauses = (from..<last).filter { Labels.clauseBoundaries.contains(s[$0]) }.count
        return clauses <= 3 && opens(at: last)
    }

    static func commonSuffix(_ words: [String]) -> String {
        guard var suffix = words.first.map({ Array($0) }) else { return "" }
        for w in words.dropFirst() {
            let a = Array(w)
            var k = 0
            while k < suffix.count && k < a.count && suffix[suffix.count - 1 - k] == a[a.count - 1 - k] { k += 1 }
            suffix = Array(suffix.suffix(k))
        }
        return String(suffix)
    }

    /// "招引总部经济类项目（包括区域总部）" → "招引总部经济类项目".
    static func withoutBrackets(_ s: String) -> String {
        // on scalars (brackets are single scalars), and most labels have none
        let scalars = s.unicodeScalars
        guard scalars.contains(where: { $0 == "（" || $0 == "(" || $0 == "）" || $0 == ")" }) else { return s }
        var out = String.UnicodeScalarView()
        var depth = 0
        for ch in scalars {
            if ch == "（" || ch == "(" { depth += 1; continue }
            if ch == "）" || ch == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(ch) }
        }
        return String(out)
    }

    /// "投资亿元以上项目35个", "5亿元以上8个": a part counted above a threshold; such parts nest.
    func isThresholdQualified(_ id: Int, among ids: [Int]) -> Bool {
        let f = facts[id]
        if vocabulary[.thresholdWords].occurs(in: f.label) { return true }
        // ids in text order: found by binary search (a list of thousands of parts stays linear)
        let found = firstFact(in: ids, at: f.number.numberRange.lowerBound)
        guard let k = found < ids.count && ids[found] == id ? found : ids.firstIndex(of: id), k > 0 else { return false }
        let prev = facts[ids[k - 1]]
        return prev.number.comparator != nil && f.label.isEmpty && sentenceIndex(of: prev) == sentenceIndex(of: f)
    }

    /// Bounds that keep list reading linear on machine-made text (a sentence of thousands of 其中,
    /// "；", totals or counts): a list is read within `listWindow` scalars after its marker, and a
    /// whole or a list's parts are sought among the `listLookBack` facts next to it. Reports' lists
    /// are far shorter.
    static let listWindow = 1_000
    static let listLookBack = 256

    /// The index in `ids` (a sentence's facts, in text order) of the first fact whose number starts
    /// at or after `position`: a binary search, so that each list marker costs its own window.
    /// A figure of the family (not a change) among the sentence's facts in the `within` scalars after
    /// `position` (binary search, then a bounded walk: a sentence of thousands of lists stays linear).
    func laterFigure(of family: QuantityKind, in ids: [Int], after position: Int, within: Int) -> Bool {
        var i = firstFact(in: ids, at: position)
        while i < ids.count, facts[ids[i]].number.numberRange.lowerBound < position + within {
            if facts[ids[i]].kind.sameFamily(as: family) && facts[ids[i]].change == 0 { return true }
            i += 1
        }
        return false
    }

    func firstFact(in ids: [Int], at position: Int) -> Int {
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if facts[ids[mid]].number.numberRange.lowerBound < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether a figure (its number and unit) ends right before position `k`.
    func followsFigure(_ k: Int, _ ids: [Int]) -> Bool {
        let i = firstFact(in: ids, at: k) - 1
        return i >= 0 && facts[ids[i]].number.range.upperBound == k
    }

    /// "2024年收支总预算T。收入包括：A a、B b；支出包括：C c…": a side of a joint budget total opening
    /// its clause, then 包括 — the whole of the list is that total (the nearest figure so named before,
    /// a bounded look-back), each side's parts adding up to it.
    func sideListWhole(_ s: [Unicode.Scalar], at k: Int, _ ids: [Int]) -> Int? {
        let sides = vocabulary[.sideListSubjects]
        let length = sides.suffixLength(s, endingAt: k)
        guard length > 0, markerOpensClause(s, at: k - length) else { return nil }
        let totals = vocabulary[.jointBudgetTotals]
        let before = firstFact(in: ids, at: k - length)
        for id in ids[max(0, before - ExtractionState.listLookBack)..<before].reversed() {
            let f = facts[id]
            guard f.kind.isMoney, f.change == 0, f.shareOf == nil, !f.number.inRange else { continue }
            if totals.occurs(in: f.label) { return id }
        }
        return nil
    }

    func markerOpensClause(_ s: [Unicode.Scalar], at k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && (CharClass.isWhitespace(s[j]) || s[j] == "“") { j -= 1 }
        return j < 0 || Labels.clauseBoundaries.contains(s[j]) || s[j] == "：" || s[j] == ":" || s[j] == "（" || s[j] == "("
    }

    func opensSentence(_ s: [Unicode.Scalar], at k: Int, sentence: Range<Int>) -> Bool {
        var j = sentence.lowerBound
        while j < k {
            if CharClass.isHan(s[j]) || CharClass.isDigit(s[j]) { return false }
            j += 1
        }
        return true
    }

    /// Bracket depth before each scalar of the paragraph last asked about: a paragraph with many
    /// 其中 would otherwise be rescanned from its start for each one.

    func bracketDepth(_ s: [Unicode.Scalar], paragraph: Int, at k: Int) -> Int {
        if bracketDepths?.paragraph != paragraph {
            var depths = [Int](repeating: 0, count: s.count + 1)
            var depth = 0
            for (j, c) in s.enumerated() {
                switch c {
                case "（", "(", "【": depth += 1
                case "）", ")", "】": depth = max(0, depth - 1)
                default: break
                }
                depths[j + 1] = depth
            }
            bracketDepths = (paragraph, depths)
        }
        return bracketDepths!.depths[min(max(k, 0), s.count)]
    }

    /// More brackets closed than opened in `s[from..<to]`, counting on from `depth`; `from` and `depth`
    /// are left where the reading ended.
    static func closesUnopened(_ s: [Unicode.Scalar], from: inout Int, to: Int, depth: inout Int) -> Bool {
        let start = max(0, from), end = min(max(start, to), s.count)
        defer { from = max(from, end) }
        for j in start..<end {
            switch s[j] {
            case "（", "(": depth += 1
            case "）", ")":
                // "2)人员经费", "二）…": a number's closing mark, not a bracket
                if j > 0, ScalarProperties.isNumeric(s[j - 1]) || CharClass.isASCIILetter(s[j - 1]) { continue }
                depth -= 1
                if depth < 0 { return true }
            default: break
            }
        }
        return false
    }

    /// "尚有150.00万元未到位": a figure followed by a word saying it is still missing (`shortfall_followers`).
    func followedByShortfall(_ f: Fact, in s: [Unicode.Scalar]) -> Bool {
        guard case .text = f.place else { return false }
        var k = f.number.range.upperBound
        while k < s.count && CharClass.isWhitespace(s[k]) { k += 1 }
        if k < s.count && vocabulary[.shortfallFollowers].prefixLength(s, at: k) > 0 { return true }
        // ("尚有24万元因县级财力紧张未能到位": a reason between the figure and the word, in its clause)
        let end = min(s.count, k + 20)
        var j = k
        while j < end && !CharClass.isClauseBreak(s[j]) && s[j] != "。" {
            if CharClass.isDigit(s[j]) { return false }
            if vocabulary[.shortfallFollowers].prefixLength(s, at: j) > 0 { return true }
            j += 1
        }
        return false
    }

    /// Nothing but the clause's end follows the figure ("…，共23个，另…"; not "共187个行政村").
    func endsClause(_ f: Fact, in p: Paragraph) -> Bool {
        let s = p.text.scalars, end = f.number.range.upperBound
        return end >= s.count || CharClass.isClauseBreak(s[end]) || s[end] == "。" || s[end] == "；"
    }

    /// The parts a name joins (`name_joiners`): "满意和基本满意" of “满意”, “基本满意”, “不满意”; "中央和省级资金"
    /// of 中央补助资金, 省级补助资金, 县级配套资金. Each joined name is a part's quoted name or its name,
    /// or else begins one part's name; nil unless every joined name finds its own part.
    func partsNamed(in name: String, among parts: [Int]) -> [Int]? {
        let s = Array(name.unicodeScalars)
        var pieces = [String](), start = 0, k = 0
        while k < s.count {
            let length = labels.nameJoiners.prefixLength(s, at: k)
            if length > 0 {
                pieces.append(ScalarString.make(s[start..<k]))
                k += length
                start = k
            } else {
                k += 1
            }
        }
        pieces.append(ScalarString.make(s[start..<s.count]))
        guard pieces.count >= 2, pieces.allSatisfy({ $0.unicodeScalars.count >= 2 }) else { return nil }
        func names(_ id: Int) -> [String] {
            let head = facts[id].head
            var out = [head]
            if let open = head.firstIndex(of: "“"), let close = head[open...].firstIndex(of: "”") {
                out.append(String(head[head.index(after: open)..<close]))
            }
            return out
        }
        var found = [Int]()
        for piece in pieces {
            var matches = parts.filter { names($0).contains(piece) }
            // (the last name shares the others' ending: "中央和省级资金" is 中央… and 省级…)
            var prefix = Array(piece.unicodeScalars)
            while matches.isEmpty && prefix.count >= 2 {
                let p = ScalarString.make(prefix[...])
                matches = parts.filter { facts[$0].head.hasPrefix(p) }
                prefix.removeLast()
            }
            guard matches.count == 1, !found.contains(matches[0]) else { return nil }
            found.append(matches[0])
        }
        return found.sorted()
    }

    /// How many parts a total's label counts: "三项合计", "以上两类", "4个项目合计" (a numeral, then a
    /// `counted_total_units` word); nil when it counts none.
    func countedParts(in head: String) -> Int? {
        let s = Array(head.unicodeScalars)
        let units = vocabulary[.countedTotalUnits]
        for i in s.indices {
            let n: Int
            if let d = ChineseNumerals.digit(s[i]), d >= 2 { n = d } else if CharClass.isDigit(s[i]), i + 1 < s.count, !CharClass.isDigit(s[i + 1]),
                                                                           i == 0 || !CharClass.isDigit(s[i - 1]), let v = Int(String(s[i])), v >= 2 { n = v } else { continue }
            if units.prefixLength(s, at: i + 1) > 0 { return n }
        }
        return nil
    }

    /// "共38项，已完成34项，拟于近期完成3项，结转至2023年1项" (a whole after 共 followed by its parts) and
    /// "A x万元、B y万元，合计z万元" (parts followed by their total).
    /// "基本工资a、津贴补贴b、奖金c、绩效工资d，以上四项构成工资总额T": a figure named as the sum of so many
    /// items above it is the whole of the figures right before it in its paragraph, as many as it says.
    /// "共计34,800元，折合3.48万元": `f`, opened by a restatement word, is the same amount as `g`.
    func restates(_ f: Fact, _ g: Fact) -> Bool {
        f.kind.isMoney && g.kind.isMoney && vocabulary[.restatementOpeners].isPrefix(of: f.label) && f.interval.overlaps(g.interval)
    }

    func addCountedSummaries(paragraph p: Paragraph, ids: [Int]) {
        let pointers = vocabulary[.summingPointers], items = vocabulary[.summedItemWords]
        guard !items.isEmpty else { return }
        for (at, id) in ids.enumerated() {
            let f = facts[id]
            guard f.kind.isMoney || f.kind.measureWord != nil, (groupsOfWhole[id] ?? []).isEmpty else { continue }
            // the count: in the label ("以上四项构成…"), or a figure of its own right before ("以上6项合计A")
            var n = 0, end = at
            if let pointer = pointers.prefix(of: f.label) {
                let label = ScalarString.scalars(f.label)
                let from = pointer.unicodeScalars.count
                guard from + 1 < label.count, let k = ChineseNumerals.digit(label[from]), items.prefixLength(label, at: from + 1) > 0 else { continue }
                n = k
            } else if at > 0, case let c = facts[ids[at - 1]], let word = c.kind.measureWord, items.contains(word), pointers.contains(c.label),
                      c.number.decimals == 0, c.value >= 2, c.value <= 20, c.number.range.upperBound <= f.number.numberRange.lowerBound,
                      f.number.numberRange.lowerBound - c.number.range.upperBound <= 4 {
                n = NSDecimalNumber(decimal: c.value).intValue
                end = at - 1
            }
            guard n >= 2 else { continue }
            // the figures of its kind right before it in its paragraph, the rates they were reckoned at, the
            // standards and factors they were reckoned from and a figure restated after it passed over
            let s = p.text.scalars, perUnit = vocabulary[.perUnitWords], each = vocabulary[.eachMarkers]
            var parts = [Int]()
            var k = end - 1, passedOver = false
            while k >= 0, parts.count < n {
                let g = facts[ids[k]]
                k -= 1
                if g.kind == .percent || g.kind.measureWord != nil && f.kind.isMoney { continue }
                if g.kind.isMoney, perUnit.occurs(in: g.label) || each.occurs(in: g.label) || g.isPerThing(in: s) || Factors.isPerUnitFactor(g, in: s, vocabulary: vocabulary) {
                    passedOver = true
                    continue
                }
                if k + 2 < ids.count, case let next = facts[ids[k + 2]], parts.contains(next.id), restates(next, g) {
                    passedOver = true
                    continue
                }
                guard g.kind.sameFamily(as: f.kind), g.change == 0, !g.comparesYears, !g.number.inRange, g.number.comparator == nil,
                      g.shareOf == nil, g.number.parenDepth == f.number.parenDepth else { break }
                parts.insert(g.id, at: 0)
            }
            guard parts.count == n else { continue }
            // (figures passed over to find them: only when they make the total, for what was passed over may
            // have been items too)
            if passedOver, !parts.reduce(Interval(exactly: 0), { $0 + facts[$1].interval }).overlaps(f.interval) { continue }
            appendGroup(PartsGroup(whole: id, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
        }
    }

    func addTotalGroups(paragraph p: Paragraph, ids: [Int]) {
        for id in ids {
            let f = facts[id]
            guard f.marksTotal, f.kind != .percent, f.kind != .bare, !f.number.inRange else { continue }
            // (points lost in total, "…合计扣2.20分", are read with the points lost: readPointsLost)
            if f.kind == .score && vocabulary[.deductionWords].occurs(in: f.label) { continue }
            // a total already a list's whole: only a 其中 list after it ("A、B、C，总计X。其中：…") leaves
            // room for the parts before it
            let wholeOf = groupsOfWhole[id] ?? []
            let partsBefore = wholeOf.contains { g in groups[g].parts.contains { facts[$0].number.range.upperBound <= f.number.numberRange.lowerBound } }
            if partsBefore { continue }
            // "…年末结余2.88万元，与财政拨款结转和结余合计为75.35万元": a clause opening with a joiner adds a figure it
            // names to the one before, not the figures before it
            var clauseStart = f.number.numberRange.lowerBound
            while clauseStart > 0 && f.number.numberRange.lowerBound - clauseStart < 40 && !CharClass.isClauseBreak(p.text.scalars[clauseStart - 1])
                    && p.text.scalars[clauseStart - 1] != "。" { clauseStart -= 1 }
            if vocabulary[.nameJoiners].prefixLength(p.text.scalars, at: clauseStart) > 0 { continue }
            let sentence = sentenceIndex(of: f)
            let depth = f.number.parenDepth
            // the facts around the total (at most `listLookBack` before and after it, in text order),
            // walked from the total outwards: a list costs its own length, not the window's
            let all = facts(paragraph: p.index, sentence: sentence)
            let at = firstFact(in: all, at: f.number.numberRange.lowerBound)
            // ("法人单位a个、个体经营户b户，合计T个（户）": a total counted in several measure words totals figures in any)
            let alsoCountedIn = severalMeasureWords(id) ?? []
            // ("帐篷850顶、棉被2,400床，合计3,250件（套）": a total in several measure words of goods totals goods)
            let goods = vocabulary[.goodsUnits]
            let anyGoods = !alsoCountedIn.isEmpty && f.kind.measureWord.map(goods.contains) == true && alsoCountedIn.allSatisfy(goods.contains)
            let listed: (Int) -> Bool = { [facts] o in
                let g = facts[o]
                let family = g.kind.sameFamily(as: f.kind)
                    || (g.kind.measureWord.map { alsoCountedIn.contains($0) || (anyGoods && goods.contains($0)) } ?? false)
                return g.number.parenDepth == depth && family && g.shareOf == nil && !g.number.inRange && !g.comparesYears
            }
            let head = f.head
            let sums = vocabulary[.sumWords]
            // ("乡镇分馆15个、社区分馆8个，共23个": a clause of nothing but 共 and the figure totals the parts before)
            // ("…；公共安全、…、住房保障等其余五类支出合计A，占P%": the rest summed is the list's last part)
            if (sums.isPrefix(of: head) || sums.isSuffix(of: f.label) || (f.label.hasSuffix("为") && sums.isSuffix(of: String(f.label.unicodeScalars.dropLast())))
                || (vocabulary[.bareTotalWords].contains(f.label) && endsClause(f, in: p))) && !vocabulary[.remainderWords].occurs(in: f.label) {
                // parts before the total, back to the previous total in the sentence
                var parts = [Int]()
                var j = at - 1
                while j >= max(0, at - ExtractionState.listLookBack) {
                    let other = all[j]
                    j -= 1
                    // "…合格105人，不合格3人；对合格人员按每人500元标准发放奖励，共计105人": a standard per head
                    // before the total says what it counts; the figures before are another list
                    if facts[other].kind.isMoney, !f.kind.isMoney, vocabulary[.perUnitWords].occurs(in: facts[other].label) { break }
                    // "…供水工程共98处，其中…22处、…76处，另设监测点20个，合计118个": a total of another measure
                    // word before it closes the list there (what it totals is one of the parts)
                    if !listed(other), facts[other].marksTotal, facts[other].kind.measureWord != nil, f.kind.measureWord != nil { break }
                    guard listed(other), facts[other].number.range.upperBound <= f.number.numberRange.lowerBound else { continue }
                    // ("按综合水价2.35元/立方米计，实现水费收入A；…收入B，合计T": a price per unit is no part)
                    if facts[other].kind.isMoney, facts[other].isPerThing(in: p.text.scalars) { continue }
                    // ("支出A，完成调整预算B的P%；调出资金C，…，支出总计T": the base of the share after it is no part)
                    if j + 2 < all.count, isBaseOfShare(other, next: all[j + 2], in: p) { continue }
                    if facts[other].marksTotal {
                        // "共55个市辖区、19个县级市、105个县，合计183个": a 共 figure that is no list's whole
                        // is the first item of this one
                        if labels.marks(vocabulary[.wholeFirstMarkers], in: facts[other].label), (groupsOfWhole[other] ?? []).isEmpty {
                            parts.append(other)
                        }
                        break
                    }
                    parts.append(other)
                    // ("X每座a、Y每座b，分别为c和d，合计T": the figures 分别 distributes open the list)
                    if vocabulary[.distributiveMarkers].isPrefix(of: facts[other].label) { break }
                }
                parts.reverse()
                // "…率100%、…合规，分别得3分；…按兑付率×4分计得3.71分，合计得9.71分": a factor of a formula
                // is no part, and a figure each of several names got counts as many times: not read here
                // (before the parts are counted: "A 3,085人×95元×12个月=a；…；三项合计T" counts the products)
                parts.removeAll { vocabulary[.multiplicationSigns].isSuffix(of: facts[$0].label) }
                // ("金额149,200元，折合14.92万元；…共计T": the same amount again in another unit is no part)
                parts = parts.enumerated().filter { k, id in !(k > 0 && restates(facts[id], facts[parts[k - 1]])) }.map(\.element)
                // "A a，B b，C c，D d，三项合计T": a total that counts its parts is of the last that many
                if let n = countedParts(in: head), n >= 2, parts.count > n { parts = Array(parts.suffix(n)) }
                // (but "中型水闸…、小型水闸…，分别为a和b，合计T": figures distributed one to each name, joined, are parts)
                let joiners = vocabulary[.nameJoiners]
                if parts.indices.contains(where: { k in
                    guard vocabulary[.distributiveMarkers].isPrefix(of: facts[parts[k]].label) else { return false }
                    guard k + 1 < parts.count, case let a = facts[parts[k]], case let b = facts[parts[k + 1]],
                          a.number.range.upperBound <= b.number.numberRange.lowerBound else { return true }
                    let between = Array(p.text.scalars[a.number.range.upperBound..<b.number.numberRange.lowerBound])
                    return !(between == ["、"] || (!between.isEmpty && joiners.prefixLength(between, at: 0) == between.count))
                }) { continue }
                // "满意的a、基本满意的b、不满意的c，满意和基本满意合计S": a total naming the parts it adds is of those
                if parts.count > 2, let named = partsNamed(in: sums.droppingSuffix(head), among: parts) { parts = named }
                // "全年预算a，实际支出s，…基本支出全年预算b合计为T": a total named by no measure, after figures of
                // two measures, is of the measure of the figure right before it
                if parts.count > 2, f.concept.measure == nil, let last = parts.last, facts[last].concept.explicitMeasure,
                   let m = facts[last].concept.measure,
                   Set(parts.compactMap { facts[$0].concept.explicitMeasure ? facts[$0].concept.measure : nil }).count > 1 {
                    let same = parts.filter { facts[$0].concept.measure == m }
                    if same.count >= 2 { parts = same }
                }
                // "计划开展A 5次、B 15次，实际完成A 5次、B 14次，合计19次": the total of the last few figures,
                // when they make it up exactly and the whole run does not
                // (a slip in any of them leaves the whole run, which is then reported)
                if parts.count > 2, !parts.reduce(Interval(exactly: 0), { $0 + interval(facts[$1]) }).overlaps(interval(f)) {
                    var running = Interval(exactly: 0)
                    for (m, pid) in parts.reversed().enumerated() where m < parts.count - 1 {
                        running = running + interval(facts[pid])
                        if m >= 1 && running.overlaps(interval(f)) { parts = Array(parts.suffix(m + 1)); break }
                    }
                }
                // "…，其中中央资金合计185.00万元，占48.05%": a total opening a list's part is that part's own
                if vocabulary[.listOpenersOf].isPrefix(of: f.label) { continue }
                // "…加上上级补助收入a、调入资金b后，收入总计T": what is added to a figure before the
                // marker is not the whole list (addAdditionGroups reads it)
                // (looked for in the first part's label only: from the figure before it, or the
                // sentence start, so that a sentence of many totals stays linear)
                if let firstPart = parts.first, case .text = f.place {
                    let s = p.text.scalars
                    let partStart = facts[firstPart].number.numberRange.lowerBound
                    var start = p.sentences.indices.contains(sentence) ? p.sentences[sentence].lowerBound : 0
                    let k = firstFact(in: all, at: partStart)
                    if k > 0 { start = max(start, facts[all[k - 1]].number.range.upperBound) }
                    if start < partStart, vocabulary[.additionMarkers].firstMatch(in: s, from: start, before: partStart) != nil { continue }
                    // "…调整预算为386.52万元；加上上年结转结余和其他收入，全年预算数合计402.68万元": what is added
                    // after the last figure, unstated, is in the total too
                    if let lastPart = parts.last, vocabulary[.additionMarkers].firstMatch(in: s, from: facts[lastPart].number.range.upperBound,
                                                                                       before: f.number.numberRange.lowerBound) != nil { continue }
                }
                // "A 410338万元，其中B 271630万元；加上级补助收入C…，收入合计T": the addition is read by
                // addAdditionGroups (what it adds to is A or B, whichever makes T)
                if parts.dropFirst().contains(where: { vocabulary[.additionMarkers].isPrefix(of: facts[$0].label) }) { continue }
                // "结算a，超出批复概算b共c": a figure measured against the one before it is compared with
                // it, and the total is by how much
                if parts.dropFirst().contains(where: { vocabulary[.measuredAgainstVerbs].isPrefix(of: facts[$0].label) }) { continue }
                // "本年收入1000万元，年初结转200万元，支出总计1100万元": income is no part of a spending total
                if parts.contains(where: { Self.opposedFlows(facts[$0].concept.measure, f.concept.measure) }) { continue }
                // "每个服务站平均建设成本a，低于计划标准b，共建设n个，建设成本合计T": a figure per unit is no part
                if parts.contains(where: { vocabulary[.perUnitWords].occurs(in: facts[$0].label) }) { continue }
                // "在全县16个乡镇…各设快检室1个，共16个": one for each of the things counted right before it (a
                // marker inside the label, after their name) is no part either
                if parts.contains(where: { id in
                    guard id > 0, case .count = facts[id - 1].kind, facts[id - 1].place.paragraph == facts[id].place.paragraph,
                          facts[id - 1].number.range.upperBound == facts[id].number.numberRange.lowerBound - facts[id].label.unicodeScalars.count
                    else { return false }
                    return vocabulary[.eachMarkers].firstMatch(in: Array(facts[id].label.unicodeScalars), from: 2) != nil
                }) { continue }
                if parts.count >= 2 && !parts.contains(where: isGrouped) {
                    appendGroup(PartsGroup(whole: id, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
                }
                // no list before it: "共计A万元，B a万元，C c万元" may open one (whole_first_markers)
                if parts.count >= 2 { continue }
            }
            guard wholeOf.isEmpty, labels.marks(vocabulary[.wholeFirstMarkers], in: f.label) else { continue }
            // parts after 共N, up to the next total or 其中 in the sentence
            var parts = [Int]()
            for other in all[min(all.count, at + 1)..<min(all.count, at + 1 + ExtractionState.listLookBack)]
                where facts[other].number.numberRange.lowerBound > f.number.range.upperBound {
                // "共回访受援人500人，表示满意的486人，满意度97.20%；回访调解当事人1,000人…": a rate of its own
                // (no share of anything) closes what 共 opened
                // "封顶企业21家，共兑付420.00万元（每家20万元），其余165家研发投入A…": the rest of the things
                // counted are no part of what 共 totals
                if vocabulary[.remainderWords].isPrefix(of: facts[other].label) { break }
                if !listed(other) {
                    if facts[other].kind == .percent && facts[other].shareOf == nil && facts[other].change == 0 { break }
                    continue
                }
                if facts[other].marksTotal || vocabulary[.listOpenersOf].occurs(in: facts[other].label) { break }
                // "共抽查会计凭证186份，…；在8个乡镇发放问卷600份，回收582份": past a "；" the text goes on to other
                // things, unless a part names a state of what 共 counts ("…；未开工7项")
                if case .text(let pi, _, _) = f.place, pi == p.index, !vocabulary[.statusPartWords].occurs(in: facts[other].head),
                   (f.number.range.upperBound..<facts[other].number.numberRange.lowerBound).contains(where: { p.text.scalars[$0] == "；" || p.text.scalars[$0] == ";" }) { break }
                // "年中增加5个项目" is a flow over the year, not a part of 共N
                if facts[other].change != 0 || facts[other].comparesYears { parts = []; break }
                parts.append(other)
            }
            guard parts.count >= 2, !parts.contains(where: isGrouped) else { continue }
            // "共抽查了5个县(区)530个对象、47个对象": a count run on into the next with no stop between
            // them counts what the first holds, not its parts
            if case .text = f.place {
                let s = p.text.scalars
                let gap = f.number.range.upperBound..<max(f.number.range.upperBound, facts[parts[0]].number.numberRange.lowerBound)
                if !gap.contains(where: { s.indices.contains($0) && "，,、；;：:。".unicodeScalars.contains(s[$0]) }) { continue }
            }
            // "共55个市辖区、19个县级市、105个县", "共有1个地级行政区超过…，2个…，10个…": a count that names
            // its own thing after its measure word and is smaller than a count after it is the first of
            // them, which 共 opens, not their whole ("共29项，已完成12项，结转94项" stays a whole: a slip)
            if case .count = f.kind, case .text = f.place, parts.contains(where: { interval(facts[$0]).lo > interval(f).hi }) {
                let s = p.text.scalars
                var k = f.number.range.upperBound, named = 0
                while k < s.count && k < f.number.range.upperBound + 12 && !"，,、；;。：:".unicodeScalars.contains(s[k]) {
                    if CharClass.isHan(s[k]) { named += 1 }
                    k += 1
                }
                if named >= 2 { continue }
            }
            // "共9个，其中：行政单位6个，为局机关和…5个分局；事业单位3个": a part broken down further; its
            // items are left out when they make it up, otherwise the list cannot be read
            if case .text = f.place {
                guard let outer = withoutSubLists(parts, p.text.scalars) else { continue }
                parts = outer
                guard parts.count >= 2 else { continue }
            }
            let partition = parts.allSatisfy { vocabulary[.statusPartWords].occurs(in: facts[$0].head) }
            appendGroup(PartsGroup(whole: id, parts: parts, marker: .gong, closedByWording: partition, nestedThresholds: false))
        }
    }

    /// "评价项目13个，…，评价得分在90(含)-100分的12个，评价得分在80(含)-90分的1个": counts by band
    /// after a count of the same things are parts of it (an open list: bands may be left out).
    func addBandGroups(paragraph p: Paragraph, ids: [Int]) {
        for id in ids {
            let f = facts[id]
            guard case .count(let word) = f.kind, !f.number.inRange, f.number.comparator == nil,
                  groupsOfWhole[id] == nil, !isGrouped(id) else { continue }
            let sentence = sentenceIndex(of: f)
            var parts = [Int]()
            let inSentence = facts(paragraph: p.index, sentence: sentence)
            // the `listLookBack` facts after the count, in text order
            let after = firstFact(in: inSentence, at: f.number.range.upperBound + 1)
            for (n, other) in inSentence[after..<min(inSentence.count, after + ExtractionState.listLookBack)].enumerated()
                where facts[other].number.numberRange.lowerBound > f.number.range.upperBound {
                let o = facts[other]
                guard o.kind == .count(word) else { continue }
                // its label is a band: the text between the previous range and the count is "的"
                // (the range is one of the facts just before it)
                let band = o.label.hasSuffix("的") && inSentence[max(0, after + n - 3)..<(after + n)].contains { r in
                    let rf = facts[r]
                    return rf.number.inRange && rf.number.range.upperBound <= o.number.numberRange.lowerBound
                        && o.number.numberRange.lowerBound - rf.number.range.upperBound <= 2
                }
                if band { parts.append(other) } else { break }
            }
            if parts.count >= 2 && !parts.contains(where: isGrouped) {
                appendGroup(PartsGroup(whole: id, parts: parts, marker: .gong, closedByWording: false, nestedThresholds: false))
            }
        }
    }

    /// "完成调整预算B的P%": a figure right before "的" and a share is what the share is of.
    func isBaseOfShare(_ id: Int, next: Int, in p: Paragraph) -> Bool {
        let share = facts[next]
        guard share.kind == .percent else { return false }
        let from = facts[id].number.range.upperBound, to = share.number.numberRange.lowerBound
        return to - from == 1 && p.text.scalars[from] == "的"
    }
}
