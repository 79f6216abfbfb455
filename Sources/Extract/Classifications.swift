import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Part of the groups pass: lists that break a figure down once more by a classification
/// (按…分类：…), and what the lexicon's decompositions say about parts.
extension ExtractionState {
    /// "2023年补助地方336万元，其中甲县148万元…。按支出功能分类：A 120万元，B 35万元…": a clause opening
    /// with 按…分类 breaks down the figure before it once more, in full (unless it says it names only
    /// some parts). The whole: the whole of the list just before, or else the last figure before.
    /// "余额T，…。分类别看，一般债务余额a，专项债务余额b。按债务形式划分：…": figures in a row, ending at
    /// `last` (its sentence), that add up to an earlier figure of the paragraph are that figure's parts
    /// stated with no marker; a classification after them is of their total.
    func totalOfRunEnding(at last: Int, among before: [Int]) -> Int? {
        guard let at = before.lastIndex(of: last), facts[last].kind.isMoney else { return nil }
        var sum = Interval(exactly: 0)
        var k = at
        while k >= 0, at - k < 6 {
            let f = facts[before[k]]
            guard f.kind == facts[last].kind, f.shareOf == nil, f.number.comparator == nil, !f.number.inRange,
                  sentenceIndex(of: f) == sentenceIndex(of: facts[last]) else { break }
            sum = sum + f.interval
            if at - k >= 1, let t = before[max(0, k - 24)..<k].last(where: { facts[$0].kind == f.kind && facts[$0].shareOf == nil && facts[$0].number.comparator == nil
                && facts[$0].interval.overlaps(sum) }) { return t }
            k -= 1
        }
        return nil
    }

    /// The figure stated before whose label ends as the name right before `k` does (four characters
    /// at least in common at the end, one best): "本年财政拨款收入" names "本年一般公共预算财政拨款收入A".
    func figureNamed(before k: Int, in s: [Unicode.Scalar], ids: [Int]) -> Int? {
        var start = k
        while start > 0, k - start < 24, CharClass.isHan(s[start - 1]) { start -= 1 }
        guard k - start >= 4 else { return nil }
        let name = s[start..<k]
        var best = 0, found: Int?, tie = false
        // (the last 64 figures before it: a paragraph of many classifications stays linear)
        let end = firstFact(in: ids, at: start)
        for id in ids[max(0, end - 64)..<end] where facts[id].number.range.upperBound <= start && facts[id].kind.isMoney && facts[id].change == 0 && !facts[id].comparesYears
            && facts[id].shareOf == nil && !facts[id].number.inRange {
            var common = 0
            for (x, y) in zip(facts[id].label.unicodeScalars.reversed(), name.reversed()) { guard x == y else { break }; common += 1 }
            if common > best { best = common; found = id; tie = false } else if common == best, let f = found, facts[f].interval != facts[id].interval { tie = true }
        }
        return best >= 4 && !tie ? found : nil
    }

    func addClassificationGroups(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        var k = 0
        while k < s.count {
            defer { k += 1 }
            // after punctuation, or right after a figure where the export lost it ("…13.21万元按经济分类：")
            guard s[k] == "按", let c = classificationColon(s, at: k) else { continue }
            // ("…本年一般公共预算财政拨款收入A…。本年财政拨款收入按支出功能分类科目分：…": or right after the name
            // of a figure stated before)
            let named = k > 0 && CharClass.isHan(s[k - 1]) ? figureNamed(before: k, in: s, ids: ids) : nil
            // (the figures before it found by bisection, the last 64 of them read: a paragraph of many
            // classifications stays linear)
            let at = firstFact(in: ids, at: k)
            guard k == 0 || "。；;，,：:".unicodeScalars.contains(s[k - 1]) || named != nil
                    || (at > 0 && facts[ids[at - 1]].number.range.upperBound == k) else { continue }
            // the last figure before, passing over the change and rate stated after it
            // ("支出4603.07万元，比上年增加1612.54万元，增长53.92%。其中：按功能分类：…")
            // (not a figure of a bracketed aside: "当年收支结余A（上年结余B）。按支出用途分：…")
            let depth = bracketDepth(s, paragraph: p.index, at: k)
            let before = ids[max(0, at - 64)..<at].filter { facts[$0].number.range.upperBound <= k && facts[$0].change == 0 && facts[$0].kind != .percent && !facts[$0].comparesYears
                && facts[$0].number.parenDepth <= depth }
            guard let last = before.last ?? wholeOfParagraphBefore(p, classificationAt: c, ids: ids) else { continue }
            // the whole of the list just before (its parts end the text before 按), or the last figure
            var whole = last
            if let n = named { whole = n } else if let g = groupOfPart[last] { whole = groups[g].whole } else if let t = totalOfRunEnding(at: last, among: before) { whole = t }
            guard facts[whole].kind.isMoney || facts[whole].kind == .score, facts[whole].change == 0, !facts[whole].number.inRange else { continue }
            let count = groups.count
            addGroup(paragraph: p, ids: ids, at: c, markerLength: 1, marker: .qizhong, givenWhole: whole)
            guard groups.count > count else { continue }
            // "支出合计A，年末结转和结余B。按支出性质分：基本支出a…；项目支出b": parts that overrun the last
            // figure and add up to one just before it are that one's ("A" rather than the balance after it)
            let g = groups.count - 1
            let sum = groups[g].parts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
            // ("…基本支出A，项目支出B。基本支出中，人员经费a；公用经费b。⏎按支出功能分类，…": a list of the paragraph
            // before, whose whole is a part of a larger list; the parts may make up that larger whole)
            var enclosing: Int?
            var up = whole
            for _ in 0..<3 {
                guard let pg = groupOfPart[up], groups[pg].whole != up else { break }
                up = groups[pg].whole
                if facts[up].interval.overlaps(sum) { enclosing = up; break }
            }
            if groups[g].parts.count >= 2, !sum.overlaps(facts[whole].interval),
               // (or stated earlier in the paragraph: "全年支出A，…。从支出性质看，基本支出a…；项目支出b。按功能分类，…")
               let better = before.suffix(24).last(where: { $0 != whole && facts[$0].kind.sameFamily(as: facts[whole].kind) && facts[$0].shareOf == nil
                   && !facts[$0].number.inRange && facts[$0].interval.overlaps(sum) }) ?? enclosing
                   // (or in the paragraph before, which the whole was taken from: "支出预算总计A。…项目支出由…安排b。⏎
                   // 按支出功能分类，…")
                   // (or whatever the text before names, when the parts make up a figure of the paragraph before
                   // and none of this one: "…；地方财政拨款B，其中…项目支出b。按支出性质划分，…")
                   ?? (before.isEmpty || !before.contains(where: { facts[$0].interval.overlaps(sum) })
                       ? previousParagraph(of: p).flatMap { q in paragraphFacts[q.index].last(where: { $0 != whole
                       && facts[$0].kind.sameFamily(as: facts[whole].kind) && facts[$0].shareOf == nil && !facts[$0].number.inRange
                       && facts[$0].change == 0 && !facts[$0].comparesYears && facts[$0].interval.overlaps(sum) }) } : nil) {
                replaceWhole(of: g, with: better)
            } else if facts[groups[g].whole].concept.measure == "carryover", let largest = groups[g].parts.map({ facts[$0].interval.hi }).max(),
                      facts[groups[g].whole].interval.hi < largest,
                      let bigger = before.suffix(4).last(where: { $0 != whole && facts[$0].kind.sameFamily(as: facts[whole].kind) && facts[$0].shareOf == nil
                          && !facts[$0].number.inRange && facts[$0].concept.measure != "carryover" && Decimals.less(largest, facts[$0].interval.lo) }) {
                // "总支出A，…，当年收支结余B。按支出用途分：人员经费a…": the balance left, smaller than a part,
                // is no whole of them; the figure before it is
                replaceWhole(of: g, with: bigger)
            }
            let group = groups[groups.count - 1]
            let lastPart = group.parts.last.map { facts[$0].number.range.upperBound } ?? c
            let text = String(String.UnicodeScalarView(s[c..<min(s.count, lastPart + 2)]))
            if !vocabulary[.partialListWords].occurs(in: text) && !vocabulary[.openListMarkers].occurs(in: text) {
                groups[groups.count - 1].closedByWording = true
            }
            k = c
        }
    }

    /// "…全年实际支出A。⏎按支出功能分类：教育支出a，…": a classification opening its paragraph breaks down
    /// the last figure of the paragraph before (in its section) that is of the measure its first part
    /// names (a spending list, the spending; not the budget stated beside it).
    func wholeOfParagraphBefore(_ p: Paragraph, classificationAt c: Int, ids: [Int]) -> Int? {
        guard let first = ids.first(where: { facts[$0].number.numberRange.lowerBound > c }),
              facts[first].kind.isMoney, facts[first].concept.explicitMeasure, let measure = facts[first].concept.measure,
              let previous = previousParagraph(of: p) else { return nil }
        return paragraphFacts[previous.index].last { id in
            let f = facts[id]
            return f.kind.isMoney && f.concept.measure == measure && f.change == 0 && !f.comparesYears && !f.number.inRange
                && f.shareOf == nil && f.number.comparator == nil && !f.isTarget
        }
    }

    /// "支出1264.92万元，主要用于以下方面：A 67.64万元，占5.35%；B 1196.48万元，占94.59%；C 0.8万元，
    /// 占0.06%": figures each followed by a share that names no base, the shares adding up to 100%
    /// (within their rounding), or three figures at least adding up to it as written, are the whole
    /// list of the figure before them.
    func addShareCompletedGroups(paragraph p: Paragraph, ids: [Int]) {
        var n = 0
        while n < ids.count {
            let sentence = sentenceIndex(of: facts[ids[n]])
            var end = n
            while end < ids.count && sentenceIndex(of: facts[ids[end]]) == sentence { end += 1 }
            defer { n = end }
            // the figure–share pairs of the sentence
            var parts = [Int](), percents = [Int](), firstPair: Int?
            // the base the shares name: none ("占P%"), or one name for all ("占实际支出的P%")
            var named: String?
            var k = n
            while k + 1 < end {
                let f = facts[ids[k]], share = facts[ids[k + 1]]
                if share.kind == .percent, let base = share.shareOf, named == nil || named == base, share.change == 0, isPlainFigure(f),
                   f.kind.isMoney || f.kind.measureWord != nil {
                    named = base
                    if firstPair == nil { firstPair = k }
                    parts.append(ids[k])
                    percents.append(ids[k + 1])
                    k += 2
                } else {
                    k += 1
                }
            }
            guard parts.count >= 2, let first = firstPair, !parts.contains(where: isGrouped),
                  parts.dropFirst().allSatisfy({ facts[$0].kind.sameFamily(as: facts[parts[0]].kind) }) else { continue }
            // the whole: the last plain figure of the family before the first pair, in this sentence
            // or the one before; a base named, the last figure so named there or, the pairs opening
            // their paragraph, in the paragraph before ("全年实际支出A。⏎从支出结构看，基本支出a，占实际支出的P%；…")
            let family = facts[parts[0]].kind
            var found: Int?
            if let name = named, !name.isEmpty {
                guard name.unicodeScalars.count >= 2 else { continue }
                let isNamed = { [self] (id: Int) in facts[id].kind.sameFamily(as: family) && facts[id].head.hasSuffix(name) }
                found = ids[..<first].last(where: isNamed)
                // (the pairs may open a heading of their own, "（一）按使用单位分：…", under the section the figure is in)
                if found == nil, first == 0, let q = paragraphBefore(listOpening: p) { found = paragraphFacts[q.index].last(where: isNamed) }
            } else {
                // (past a change and the prior year's figure: "共改造607户，较上年523户增加84户。按类型分：…")
                found = ids[..<first].last(where: { facts[$0].kind.sameFamily(as: family) && facts[$0].change == 0 && !facts[$0].comparesYears })
                if let w = found, sentence - sentenceIndex(of: facts[w]) > 1 { found = nil }
                // ("资产总额A，负债总额B，净资产C。资产构成中，流动资产a，占P%；…": the parts make up A, not the
                // last figure: among the few before, the one they add up to)
                let partsSum = parts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                // ("执行986.37万元，…。⏎（一）按使用单位分：甲512.40万元，占51.95%；…": pairs opening their paragraph
                // break down the figure of the paragraph before that they add up to)
                if found == nil, first == 0, let q = paragraphBefore(listOpening: p) {
                    found = paragraphFacts[q.index].last { facts[$0].kind.sameFamily(as: family) && isPlainFigure(facts[$0]) && partsSum.overlaps(facts[$0].interval) }
                }
                if let w = found, !partsSum.overlaps(facts[w].interval),
                   let made = ids[max(0, first - 8)..<first].last(where: { facts[$0].kind.sameFamily(as: family) && isPlainFigure(facts[$0])
                       && sentence - sentenceIndex(of: facts[$0]) <= 1 && partsSum.overlaps(facts[$0].interval) }) {
                    found = made
                }
            }
            guard let whole = found, isPlainFigure(facts[whole]), !isGrouped(whole) else { continue }
            // (or the figures adding up to the whole as written, in one unit: then a share off is a slip,
            // not a sign of another list)
            let sum = percents.reduce(Interval(exactly: 0)) { $0 + Interval(shown: facts[$1].value, decimals: facts[$1].number.decimals, roundedInteger: true) }
            let partsSum = parts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
            let sameUnit = parts.allSatisfy { facts[$0].kind == facts[whole].kind }
            guard sum.overlaps(Interval(exactly: 100)) || (parts.count >= 3 && sameUnit && partsSum.overlaps(facts[whole].interval)) else { continue }
            // ("知晓的有1,093份，知晓率P%。表示“非常满意”的438份，占Q%；…": parts that exceed the figure before,
            // in its unit, when that figure is itself a part, its rate stated right after it, are no parts of it;
            // the whole they make up goes unstated)
            if sameUnit, named?.isEmpty ?? true, partsSum.lo > facts[whole].interval.hi, whole + 1 < facts.count,
               facts[whole + 1].kind == .percent, facts[whole + 1].place.sentence.map({ s in facts[whole].place.sentence.map { $0 == s } ?? false }) == true {
                continue
            }
            appendGroup(PartsGroup(whole: whole, parts: parts, marker: .qizhong, closedByWording: true, nestedThresholds: false))
        }
    }

    /// The paragraph before `p` whose figures a list opening `p` may break down: of its section, the
    /// heading of its section, or — `p` a heading of its own, "（一）按使用单位分：…" — of the section it is under.
    func paragraphBefore(listOpening p: Paragraph) -> Paragraph? {
        if let q = previousParagraph(of: p) { return q }
        guard p.index > 0, p.isHeading else { return nil }
        let q = doc.paragraphs[p.index - 1]
        return q.index != doc.titleParagraph && Array(p.sectionPath.dropLast()) == q.sectionPath ? q : nil
    }

    /// The "：" / "，" ending "按" + a short name + a classification word at `k` ("按功能分类科目，"), if
    /// one opens there.
    func classificationColon(_ s: [Unicode.Scalar], at k: Int) -> Int? {
        guard k < s.count, s[k] == "按" else { return nil }
        let words = vocabulary[.classificationWords]
        var j = k + 1
        while j < min(s.count, k + 12) {
            if "：:，,".unicodeScalars.contains(s[j]) {
                return words.suffixLength(s, endingAt: j, start: k + 1) > 0 ? j : nil
            }
            if !CharClass.isHan(s[j]) { return nil }
            j += 1
        }
        return nil
    }

    /// Where a second classification of the same figure opens after the list's first part
    /// ("其中：按功能分类，A…，B…按经济分类，C…"): the first list ends there.
    func nextClassification(_ s: [Unicode.Scalar], from: Int, to end: Int) -> Int? {
        var k = from
        while k < end {
            if s[k] == "按", classificationColon(s, at: k) != nil { return k }
            k += 1
        }
        return nil
    }

    /// Whether the lexicon's decompositions make `item` a part of `whole`, directly or through a
    /// part of it ("vehicle.operation" of "vehicle" of "three").
    func isLexiconPart(_ item: String?, of whole: String?) -> Bool {
        guard let item, let whole else { return false }
        var wholes: Set<String> = [whole], seen = Set<String>()
        while let w = wholes.popFirst() {
            guard seen.insert(w).inserted else { continue }
            for d in lexicon.decompositions where d.whole == w {
                if d.parts.contains(item) || d.optional.contains(item) { return true }
                wholes.formUnion(d.parts + d.optional)
            }
        }
        return false
    }
}
