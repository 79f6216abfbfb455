import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: shares ("A占B的P%"). Reads facts (with inherited concepts) and groups; writes `shares`.
extension ExtractionState {
    func buildShares() {
        // the percentages already paired, kept beside `shares` (searching it per figure was
        // quadratic over a document of many shares)
        var paired = Set(shares.map(\.percent))
        // items the text states a budget figure for (a base named "X预算" may otherwise be X's one figure)
        let budgeted = Set(facts.indices.compactMap { facts[$0].concept.measure == "budget" ? facts[$0].concept.item : nil })
        // bare shares (占P%) of figures no list or lexicon whole takes, per paragraph
        var bare = [(share: Int, part: Int)]()
        for p in doc.paragraphs {
            // per sentence: whether it distributes ("分别为…"), read once
            var distributes = [Int: Bool]()
            let ids = paragraphFacts[p.index]
            // "A…，占年初预算B的P%": the figure after 占 is the base, the percentage follows it
            let perUnit = vocabulary[.perUnitWords]
            for (n, id) in ids.enumerated() where n + 1 < ids.count && n >= 1 {
                let b = facts[id], pct = facts[ids[n + 1]]
                guard b.kind != .percent, b.shareOf != nil, pct.kind == .percent,
                      pct.number.numberRange.lowerBound - b.number.range.upperBound <= 2,
                      sentenceIndex(of: pct) == sentenceIndex(of: b) else { continue }
                let inSentence = facts(paragraph: p.index, sentence: sentenceIndex(of: b))
                let found = firstFact(in: inSentence, at: b.number.numberRange.lowerBound)
                guard let at = found < inSentence.count && inSentence[found] == id ? found : inSentence.firstIndex(of: id),
                      // "收入2482万元（剔除…因素，完成2838万元），占年初预算2250万元的110.31%": not a figure of an aside
                      // (nor the figure compared with: "支出A，比上年实际支出B增长P%，占…C的Q%" is A's share)
                      // (nor an average per head: "户均2.80人；登记人口占全市常住人口A的P%")
                      let nearest = inSentence[..<at].last(where: { facts[$0].kind.sameFamily(as: b.kind) && facts[$0].shareOf == nil
                          && facts[$0].number.parenDepth <= b.number.parenDepth && !facts[$0].comparesYears && facts[$0].change == 0
                          && !(perUnit.occurs(in: facts[$0].label) && !perUnit.occurs(in: b.label)) }) else { continue }
                // ("其中…剖宫产a，…；住院分娩量较上年B增长Q%，占全县总数C的P%": a "；" part opening on a comparison of a
                // subject of its own stated nowhere in it: the share is that subject's, not the figure before the "；")
                let text = p.text.scalars
                if let semicolon = (facts[nearest].number.range.upperBound..<b.number.numberRange.lowerBound).last(where: { text[$0] == "；" || text[$0] == ";" }),
                   inSentence[..<at].contains(where: { facts[$0].comparesYears && facts[$0].change == 0 && facts[$0].number.numberRange.lowerBound > semicolon }) { continue }
                // ("…县级配套资金a，项目预算占全县支出B的P%": the part named before 占, stated earlier)
                var part = nearest
                if let named = namedPart(of: b, paragraph: p), facts[named].kind.sameFamily(as: b.kind) { part = named }
                // ("学生5,864人，其中小学生a、初中生b，占全县需乘车学生C的P%": after the last part of a list that makes up
                // its whole, a share the whole fits and that part does not is the whole's)
                if let g = groupOfPart[part], groups[g].parts.last == part, groups[g].whole < part {
                    let w = facts[groups[g].whole], pct = facts[ids[n + 1]].interval
                    let sum = groups[g].parts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
                    func fits(_ x: Fact) -> Bool { (x.interval / b.interval).map { ($0 * Interval(exactly: 100)).overlaps(pct) } ?? false }
                    if w.kind.sameFamily(as: b.kind), sum.overlaps(w.interval), fits(w), !fits(facts[part]) { part = w.id }
                }
                facts[ids[n + 1]].shareOf = b.shareOf
                shares.append(ShareStatement(percent: ids[n + 1], part: part, base: id))
                paired.insert(ids[n + 1])
            }
            pairCompletionShares(ids, paragraph: p, paired: &paired)
            pairNamedCompletionShares(ids, paragraph: p, paired: &paired)
            pairPlanCompletionRates(ids, paragraph: p, paired: &paired)
            pairAppliedRates(ids, paragraph: p, paired: &paired)
            for id in ids where facts[id].shareOf != nil && facts[id].kind == .percent && !paired.contains(id) {
                let f = facts[id]
                // "…分别为9、5和6亿元，占…比例为45%、25%和30%": positions pair them, not proximity
                let k = sentenceIndex(of: f)
                if distributes[k] == nil {
                    distributes[k] = p.sentences.indices.contains(k) && vocabulary[.distributiveMarkers].occurs(in: p.text.string(p.sentences[k]))
                }
                if distributes[k]! {
                    pairDistributedShares(sentence: k, paragraph: p, paired: &paired, budgeted: budgeted)
                    continue
                }
                let sentence = sentenceIndex(of: f)
                // the sentence's facts are in text order: those before the share, and a bounded
                // window around it for the base (one long sentence of shares stays linear)
                let inSentence = facts(paragraph: p.index, sentence: sentence)
                let at = firstFact(in: inSentence, at: f.number.numberRange.lowerBound)
                // (not a figure of a bracketed aside the share comes after: "财政拨款收入A（其中，一般公共预算B，
                // 政府性基金预算0），占收入合计P%" is A's share)
                func mayBePart(_ o: Fact) -> Bool {
                    o.number.range.upperBound <= f.number.numberRange.lowerBound && o.kind != .percent && o.kind != .bare && !o.number.inRange && !o.comparesYears
                        && o.number.parenDepth <= f.number.parenDepth
                }
                var before = inSentence[..<at].last(where: { mayBePart(facts[$0]) })
                // "按聘用人员24人、人均每年5.10万元测算，占项目支出的P%": an average per head is no part of a
                // total; the share is of a figure of its kind before it, or of none in the sentence
                if let b = before, perUnit.occurs(in: facts[b].label), !perUnit.occurs(in: f.shareOf ?? f.head) {
                    before = inSentence[..<at].last(where: { mayBePart(facts[$0]) && facts[$0].kind.sameFamily(as: facts[b].kind) && !perUnit.occurs(in: facts[$0].label) })
                }
                // "一般公共预算财政拨款收入占收入合计的86.0%": the part is named before 占, its figure
                // stated earlier in the paragraph
                // and "人员经费…，公用经费…，人员经费占基本支出的比重为87.78%": the named one, not the last
                // a share that names its part ("税收收入占…的57.7%") is about that part only: with no
                // figure so named before it, the nearest figure is not its part
                let namesItsPart = Text.split(f.head, atFirst: vocabulary[.shareMarkers], notWithin: vocabulary[.notShareWords]).map { $0.before.unicodeScalars.count >= 2 } ?? false
                // ("…合计3,931人，占21.99%，四档人数最多，占53.85%": a clause of its own naming the share's
                // subject, with no figure, stands between it and the figure before)
                // (only after that figure's own share: "…，主要用于…，占P%" describes the figure before)
                let namedApart = before.map { b in
                    inSentence[..<at].contains { $0 > b && facts[$0].kind == .percent && facts[$0].shareOf != nil }
                        && namesSubjectBetween(p.text.scalars, from: facts[b].number.range.upperBound, to: f.number.numberRange.lowerBound)
                } ?? false
                guard let part = namedPart(of: f, paragraph: p) ?? (namesItsPart || namedApart ? nil : before) else { continue }
                var base: Int?
                if let named = f.shareOf, isOwnPlan(named) {
                    // "其中，甲税完成600万元，占年初预算的40%": the part's own budget, or nothing
                    if let own = ownPlan(of: part, share: id, paragraph: p, sentence: sentence, inSentence: inSentence, at: at) {
                        shares.append(ShareStatement(percent: id, part: part, base: own))
                    }
                    continue
                } else if let named = f.shareOf, !named.isEmpty {
                    // "全市一般公共预算支出执行A。其中，民生支出B，占一般公共预算支出的P%": the whole of the
                    // part's own list, when its name holds the base's, before any figure named so elsewhere
                    if let g = groupOfPart[part], named.unicodeScalars.count >= 4, facts[groups[g].whole].kind.sameFamily(as: facts[part].kind),
                       namesBase(facts[groups[g].whole].head, named) {
                        base = groups[g].whole
                    } else {
                        base = baseNamed(named, part: part, share: id, paragraph: p, sentence: sentence, inSentence: inSentence, at: at, budgeted: budgeted)
                        // "地方一般公共预算收入完成A。其中：税收收入完成B，占收入的P%": a short name no figure
                        // answers to is the part's own list whole's, when that whole's name ends in it
                        if base == nil, let g = groupOfPart[part], named.unicodeScalars.count >= 2,
                           facts[groups[g].whole].kind.sameFamily(as: facts[part].kind), namesBase(facts[groups[g].whole].head, named) {
                            base = groups[g].whole
                        }
                    }
                    // "其中：人员经费a…，占基本支出预算的P%" under "一般公共预算基本支出b": the whole of the
                    // part's list, when it is the item the share names (the measure worded otherwise)
                    if base == nil, let g = groupOfPart[part], let item = resolve(named).item,
                       facts[groups[g].whole].concept.item == item, facts[groups[g].whole].kind.sameFamily(as: facts[part].kind) {
                        base = groups[g].whole
                    }
                    if base == nil { base = bracketedBase(named, share: id, part: part, paragraph: p, inSentence: inSentence) }
                    if let base { listNamesItsWhole(part: part, base: base) }
                } else if let g = groupOfPart[part] {
                    // "行政单位资产2134亿元，占全市53.8%，其中：甲583亿元，占14.7%；…": when the whole has a
                    // share of a base of its own, a part's bare share may be of either
                    // (a whole stated in a paragraph before, whose list opens a paragraph of its own, is
                    // what its parts' bare shares are of)
                    if statesOwnShare(groups[g].whole), facts[groups[g].whole].place.paragraph == f.place.paragraph { continue }
                    // ("税收收入a、非税收入b，税收收入占比P%。加上上级补助收入c…，收入总计T": a share stated before the
                    // additions is of the figures before them, not of the total they come to)
                    if groups[g].parts.contains(where: { $0 > id && vocabulary[.additionMarkers].isPrefix(of: facts[$0].label) }) { continue }
                    // "其中：基本支出A，占本年支出合计的P%；项目支出B，占Q%": the base an earlier part of the
                    // list named for its own share
                    // (among the last few shares: siblings stand close, and a long run of lists stays linear)
                    if let sibling = shares.suffix(8).last(where: { $0.part != part && groups[g].parts.contains($0.part) && facts[$0.percent].shareOf.map { !$0.isEmpty } ?? false }),
                       facts[sibling.base].kind.sameFamily(as: facts[part].kind) {
                        base = sibling.base
                    } else if siblingNamesOwnBase(ids, group: groups[g], part: part, share: id, paired: paired) {
                        continue
                    } else {
                        base = groups[g].whole
                    }
                } else {
                    base = lexiconWhole(of: part, paragraph: p)
                    if base == nil, f.shareOf?.isEmpty == true { bare.append((id, part)) }
                }
                if let base { shares.append(ShareStatement(percent: id, part: part, base: base)) }
            }
            pairBareSharesWithStatedWhole(bare, paragraph: p)
            bare.removeAll(keepingCapacity: true)
        }
    }

    /// "（一）总体情况。…财政拨款支出778.20万元。⏎（二）结构情况。一般公共服务支出619.84万元，占79.65%；…住房保障支出
    /// 44.85万元，占5.76%": a run of bare shares (占P%, no base named) of figures no list or lexicon whole
    /// takes is of the figure stated last before them, in their paragraph or the one before (same
    /// section), that all of them but one at most fit (two at least): that figure is their base.
    func pairBareSharesWithStatedWhole(_ bare: [(share: Int, part: Int)], paragraph p: Paragraph) {
        guard bare.count >= 3, let first = bare.first else { return }
        let family = facts[first.part].kind
        guard family.isMoney, bare.allSatisfy({ facts[$0.part].kind.sameFamily(as: family) }) else { return }
        let parts = Set(bare.map(\.part))
        func fits(_ x: Int) -> Int {
            bare.filter { pair in
                guard let q = interval(facts[pair.part]) / interval(facts[x]) else { return false }
                return (q * Interval(exactly: 100)).overlaps(interval(facts[pair.share]))
            }.count
        }
        var candidates = [Int]()
        let own = paragraphFacts[p.index].filter { $0 < first.part }.suffix(12)
        candidates += own.reversed()
        // (the paragraph before: of the same section, or an item of the outline beside this one's)
        if p.index > 0, case let q = doc.paragraphs[p.index - 1], q.index != doc.titleParagraph,
           q.sectionPath == p.sectionPath || q.sectionPath.dropLast() == p.sectionPath.dropLast() || p.sectionPath.last == q.index {
            candidates += paragraphFacts[q.index].suffix(12).reversed()
        }
        for x in candidates where !parts.contains(x) {
            let o = facts[x]
            guard o.kind.sameFamily(as: family), o.change == 0, !o.comparesYears, !o.number.inRange, o.number.comparator == nil,
                  !o.isTarget, o.shareOf == nil else { continue }
            let fitting = fits(x)
            guard fitting >= max(2, bare.count - 1) else { continue }
            for pair in bare { shares.append(ShareStatement(percent: pair.share, part: pair.part, base: x)) }
            return
        }
    }

    /// A whole's name that is the base's, but for a place before it and a verb of its own after it
    /// ("全市一般公共预算支出执行" for "一般公共预算支出"), and not one thing of two joined ("税收返还和
    /// 转移支付" is no "转移支付").
    func namesBase(_ head: String, _ named: String) -> Bool {
        let h = ScalarString.scalars(head), n = ScalarString.scalars(named)
        guard h.count >= n.count, !n.isEmpty else { return false }
        for start in 0...(h.count - n.count) where h[start..<(start + n.count)].elementsEqual(n) {
            let after = h.count - start - n.count
            guard after <= 2 else { continue }
            return labels.nameJoiners.matches(in: h, from: 0, before: start).isEmpty
        }
        return false
    }

    /// "节约资金a，资金节约率p%；其中授予中小企业合同金额b，占采购总额的q%": the first part of a 其中 list
    /// names the list's whole in its share. When the parts exceed the figure the list was given and
    /// fit the one so named, stated before it, the list is of that one.
    func listNamesItsWhole(part: Int, base: Int) {
        guard let g = groupOfPart[part], groups[g].parts.first == part, groups[g].whole != base, base < groups[g].whole,
              facts[base].place.paragraph == facts[part].place.paragraph, facts[base].kind.sameFamily(as: facts[groups[g].whole].kind)
        else { return }
        let parts = groups[g].parts.dropFirst().reduce(facts[part].interval) { $0 + facts[$1].interval }
        guard parts.lo > facts[groups[g].whole].interval.hi, parts.lo <= facts[base].interval.hi else { return }
        replaceWhole(of: g, with: base)
    }

    /// Between two figures, a clause right before the share's own that holds no figure and names
    /// something (two ideographs at least): "…，四档人数最多，占53.85%".
    func namesSubjectBetween(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        // the share's own clause starts after the last break before it
        var k = to
        while k > from && !CharClass.isClauseBreak(s[k - 1]) { k -= 1 }
        guard k > from else { return false }
        var j = k - 1
        while j > from && !CharClass.isClauseBreak(s[j - 1]) { j -= 1 }
        // (the clause before must start after a break, not at the figure: then it is the figure's own)
        guard j > from else { return false }
        let clause = s[j..<(k - 1)]
        guard !clause.contains(where: { CharClass.isDigit($0) }) else { return false }
        return clause.filter { CharClass.isHan($0) }.count >= 2
    }

    /// "决算数超过年初预算118.90万元": a head ending with the name, a comparison (超过, 低于) before it,
    /// states by how much, not the figure named.
    func namesByHowMuch(_ head: String, _ named: String) -> Bool {
        guard head.hasSuffix(named), head.count > named.count else { return false }
        let before = String(head.dropLast(named.count))
        return vocabulary[.comparatorGreater].occurs(in: before) || vocabulary[.comparatorLess].occurs(in: before)
    }

    /// A head ending with `named` joins no other name to it ("税收返还和转移支付" does).
    func joinsNothingBefore(_ head: String, _ named: String) -> Bool {
        let h = ScalarString.scalars(head)
        let start = h.count - named.unicodeScalars.count
        return start <= 0 || labels.nameJoiners.matches(in: h, from: 0, before: start).isEmpty
    }

    /// The figure right after `id` in its sentence is a share of a named base ("2134亿元，占全市53.8%"),
    /// not of its own plan ("…，占年初预算的110.6%": no part's share is of that).
    func statesOwnShare(_ id: Int) -> Bool {
        let f = facts[id]
        guard case .text(let p, _, _) = f.place else { return false }
        let ids = paragraphFacts[p]
        let k = firstFact(in: ids, at: f.number.numberRange.lowerBound)
        guard k + 1 < ids.count, ids[k] == id else { return false }
        let next = facts[ids[k + 1]]
        guard let named = next.shareOf, !named.isEmpty, !isOwnPlan(named) else { return false }
        return next.kind == .percent && sentenceIndex(of: next) == sentenceIndex(of: f)
    }

    /// The figure a share names as its base ("占全年支出的P%" → "全年支出4302.77万元"): in its
    /// sentence or the two before it, failing that in the paragraphs before it in its section; one
    /// value only (a base named twice with two values is ambiguous).
    /// A base named "X预算" where the text states no budget of X is X's figure, when the part is
    /// worded as spending too ("项目支出a元…；工资福利支出b元，占项目支出预算P%").
    func baseNamed(_ named: String, part: Int, share id: Int, paragraph p: Paragraph, sentence: Int, inSentence: [Int], at: Int,
                            budgeted: Set<String>) -> Int? {
        let wanted = resolve(named)
        // "第五次经济普查项目年初预算A，全年支出B，…单位清查C（占项目支出的P%）": in a paragraph about one
        // named project, its 项目支出 is that project's spending
        if wanted.item == "project", wanted.scope.isEmpty,
           let m = wanted.measure ?? lexicon.items.first(where: { $0.id == "project" && $0.defaultMeasure != nil })?.defaultMeasure,
           let own = namedProjectFigure(paragraph: p, measure: m, before: facts[id], part: part) { return own }
        // "其中：中央a，省级b，县级配套c，县级配套占资金总额的P%": a total word (with a short name of what
        // it totals before it) names the whole of the list the part is listed in
        // (what it totals named in the whole's label; not when the whole has a share of its own, whose base
        // the name may be: "…A，占全市政府采购合同总额的P%；其中…B，占合同总额的Q%")
        if let total = vocabulary[.unstatedTotalNames].suffix(of: named), case let totals = String(named.unicodeScalars.dropLast(total.unicodeScalars.count)),
           totals.unicodeScalars.count <= 2 {
            if let g = groupOfPart[part], groups[g].marker == .qizhong, groups[g].whole != part,
               totals.isEmpty || facts[groups[g].whole].label.contains(totals), !statesOwnShare(groups[g].whole),
               facts[groups[g].whole].kind.sameFamily(as: facts[part].kind) { return groups[g].whole }
            // ("补助资金共计A，…。按用途划分，a…，分别占资金总额的P%": a part of no list, the last total so named in
            // its paragraph or the two before it in its section)
            if groupOfPart[part] == nil, !totals.isEmpty {
                let q = facts[part]
                // (the few dozen figures before it in each: a paragraph of many such shares stays linear)
                for back in 0...2 where p.index - back >= 0 && doc.paragraphs[p.index - back].sectionPath.prefix(1) == p.sectionPath.prefix(1) {
                    let ids = paragraphFacts[p.index - back]
                    let upTo = back == 0 ? firstFact(in: ids, at: q.number.numberRange.lowerBound) : ids.count
                    let found = ids[max(0, upTo - 64)..<upTo].last { id in
                        let o = facts[id]
                        return id != part && o.marksTotal && o.kind.sameFamily(as: q.kind) && o.change == 0 && !o.comparesYears && o.shareOf == nil
                            && !o.number.inRange && o.label.contains(totals) && o.value >= q.value
                    }
                    if let found { return found }
                }
            }
        }
        let core = withoutTotalSuffix(named)
        // "…收入" ends many labels: a label that only ends with the name counts when
        // nothing names the base outright
        var loose = false
        let remainder = vocabulary[.remainderWords]
        var exactOnly = false
        var containing = false
        var otherMeasure = false
        // "占全市政府采购规模的" is not of "市本级政府采购规模": the territory against one level's own
        let territories = vocabulary[.territoryWords], levels = vocabulary[.ownLevelWords]
        let namesTerritory = territories.occurs(in: named), namesLevel = levels.occurs(in: named)
        let namesPlan = vocabulary[.planFigureWords].occurs(in: named)
        let perUnit = vocabulary[.perUnitWords]
        while sharesIndexed < shares.count {
            let share = shares[sharesIndexed]
            if let name = facts[share.percent].shareOf { sharePartsByBaseName[name, default: []].insert(share.part) }
            sharesIndexed += 1
        }
        let partsOfSameBase = facts[id].shareOf.flatMap { sharePartsByBaseName[$0] } ?? []
        let isBase: (Int) -> Bool = { [self] other in
            guard other != part, other != id else { return false }
            let o = facts[other], q = facts[part]
            if namesTerritory && !namesLevel && levels.occurs(in: o.head) && !territories.occurs(in: o.head) { return false }
            if namesLevel && !namesTerritory && territories.occurs(in: o.head) && !levels.occurs(in: o.head) { return false }
            guard o.kind.sameFamily(as: q.kind) || (o.kind.isMoney && q.kind.isMoney) else { return false }
            guard !o.number.inRange, !o.comparesYears, o.change == 0, o.shareOf == nil, o.number.comparator == nil else { return false }
            if let a = o.year, let b = q.year, a != b { return false }
            if self.namesByHowMuch(o.head, named) { return false }
            // ("绩效目标为：…全县网络零售额达到9.50亿元" is no base of "占全县网络零售额的": a target is one only
            // when the share names a plan)
            if o.isTarget && !namesPlan { return false }
            // (nor the plan of a completion share: "本级收入完成调整预算182.50亿元的102.18%" states the plan,
            // not 本级收入, for "占本级收入的比重")
            if !namesPlan && isCompletionBase(other, paragraph: p) { return false }
            // (nor the part of an earlier share of the same base: "一般公共预算拨款收入A，占收入总计的P%；上年结转B，
            // 占收入总计的Q%": A is some of the total, as B is)
            if other < id, partsOfSameBase.contains(other) { return false }
            // ("应参保人数" is no base of "占参保人数的": the number due, not the number that is)
            if vocabulary[.dueWords].words.contains(where: { w in o.head.contains(w + core) && !named.contains(w + core) }) { return false }
            // (nor a figure of an enumerated item naming its own subject, for a share outside it:
            // "（三）电子商务进农村综合示范资金 …全年支出A" is no base of "部门支出…占全年支出的P%" later)
            if let item = OutlineItem.subjectItem(from: o.outlineItem, in: outline),
               !OutlineItem.item(facts[id].outlineItem, isWithin: item, in: outline) { return false }
            // ("人均机关运行经费15,730.15元" is no base of "占机关运行经费的": an amount per head, for a name of none)
            if perUnit.occurs(in: o.head) && !perUnit.occurs(in: named) { return false }
            if o.head == named { return true }
            // "2020年本年支出" is named "本年支出" (asked only of a head that starts with a digit)
            if let c = o.head.utf8.first, c >= 0x30, c <= 0x39, Labels.withoutLeadingYear(o.head) == named { return true }
            if exactOnly { return false }
            // (but not "其他非税收入" for "占非税收入的": the rest of a whole is never that whole)
            // (before the share: "甲项目支出A，占项目支出的P%；乙项目支出B…" names no base in B; and
            // not one thing of two joined: "税收返还和转移支付" is no "转移支付")
            if loose { return other < id && o.head.hasSuffix(named) && joinsNothingBefore(o.head, named) && !(remainder.prefix(of: o.head).map { String(o.head.unicodeScalars.dropFirst($0.unicodeScalars.count)) == named } ?? false) }
            // "全县一般公共预算地方收入完成82876万元" for "占一般公共预算地方收入的": a long name, with a
            // place before it and nothing after but a verb of attainment (完成, 实现)
            if containing {
                let head = Array(o.head.unicodeScalars), namedScalars = Array(named.unicodeScalars)
                guard let start = ScalarSearch.firstIndex(of: namedScalars, in: head) else { return false }
                let end = start + namedScalars.count
                return end == head.count || vocabulary[.attainmentVerbs].prefixLength(head, at: end) == head.count - end
            }
            if otherMeasure {
                return wanted.measure == "budget" && wanted.item != nil && !budgeted.contains(wanted.item!) && o.concept.item == wanted.item
                    && o.concept.scope == wanted.scope && o.concept.measure == "spend" && (q.concept.measure == "spend" || q.concept.measure == nil)
            }
            // "占全区高新技术企业总数的" names "全区高新技术企业…1286家"
            if core != named && core.count >= 4 && (o.head == core || o.head.hasSuffix(core)) { return true }
            // "占总支出的" names "全年支出4302.77万元": one concept, two wordings
            if wanted.item == "total" {
                return wanted.measure != nil && o.concept.measure == wanted.measure && o.concept.item == "total"
                    && o.concept.scope.isEmpty && wanted.scope.isEmpty && o.concept.qualifier == wanted.qualifier
            }
            return wanted.item != nil && o.concept.item == wanted.item && o.concept.scope == wanted.scope
                && (wanted.measure == nil || o.concept.measure == wanted.measure)
        }
        // the base is named in this sentence or the two before it; failing that, in the
        // paragraphs before it in its section ("全年支出4302.77万元。" then "项目支出…，占全年支出的…")
        let near = (max(0, sentence - 2)..<sentence).flatMap { facts(paragraph: p.index, sentence: $0).suffix(ExtractionState.listLookBack) }
            + inSentence[max(0, at - ExtractionState.listLookBack)..<min(inSentence.count, at + ExtractionState.listLookBack)]
        var candidates = near.filter(isBase)
        // "县本级一般公共预算收入完成292660万元…。天府新区一般公共预算收入完成217330万元,…其中税收收入完成
        // 120995万元,占一般公共预算收入的55.7%": the figure of the share's own sentence that names the base
        // with a place before it is the base, before one of another sentence (another place's)
        if named.unicodeScalars.count >= 6, !candidates.isEmpty, !candidates.contains(where: { inSentence.contains($0) }) {
            containing = true
            let own = inSentence[..<min(inSentence.count, max(0, at))].filter(isBase)
            containing = false
            if let nearest = own.last { candidates = [nearest] }
        }
        if candidates.isEmpty {
            loose = true
            candidates = near.filter(isBase)
            loose = false
        }
        // the ten sentences of its paragraph before those (at most the last hundred figures), made
        // once when a stage below needs them
        var earlierFacts: ArraySlice<Int>?
        func earlier() -> ArraySlice<Int> {
            if earlierFacts == nil {
                earlierFacts = sentence > 2 ? (max(0, sentence - 12)..<(sentence - 2)).flatMap { facts(paragraph: p.index, sentence: $0) }.suffix(100) : []
            }
            return earlierFacts!
        }
        if candidates.isEmpty && sentence > 2 {
            candidates = earlier().filter(isBase)
        }
        if candidates.isEmpty {
            for q in stride(from: p.index - 1, through: max(0, p.index - 3), by: -1) where doc.paragraphs[q].sectionPath == p.sectionPath {
                candidates = paragraphFacts[q].suffix(100).filter(isBase)
                if !candidates.isEmpty { break }
            }
        }
        if candidates.isEmpty && named.unicodeScalars.count >= 6 {
            containing = true
            candidates = (earlier() + near).filter(isBase)
            containing = false
        }
        if candidates.isEmpty {
            otherMeasure = true
            candidates = near.filter(isBase)
            for q in stride(from: p.index - 1, through: max(0, p.index - 3), by: -1) where candidates.isEmpty && doc.paragraphs[q].sectionPath == p.sectionPath {
                candidates = paragraphFacts[q].suffix(100).filter(isBase)
            }
            otherMeasure = false
        }
        // "2020年本年支出合计4021.94万元…" in a section before ("…，占本年支出合计的31.45%"): a name of
        // four characters or more, exactly, stated before the share anywhere in the text
        if candidates.isEmpty && named.unicodeScalars.count >= 4 {
            exactOnly = true
            let share = facts[id]
            let before = proseNames.facts(named: named, in: self).filter { [facts] other in
                guard case .text(let q, _, _) = facts[other].place else { return false }
                return q < p.index || (q == p.index && facts[other].number.range.upperBound <= share.number.numberRange.lowerBound)
            }
            candidates = before.filter(isBase)
            exactOnly = false
        }
        // "…预算a，实际采购金额b，节约资金c，…占采购总额的P%": a name of no measure whose item has figures of
        // several measures (budget, spending, saving) in the share's own sentence is of the item's own
        // measure, when one figure has it (a figure named so far away may be of the plan: not narrowed)
        if wanted.measure == nil, let item = wanted.item, candidates.count > 1, candidates.allSatisfy({ inSentence.contains($0) }),
           let own = lexicon.items.first(where: { $0.id == item })?.defaultMeasure {
            let ofOwn = candidates.filter { facts[$0].concept.measure == own }
            if !ofOwn.isEmpty && ofOwn.count < candidates.count { candidates = ofOwn }
        }
        // one value only: a base named twice with two values is ambiguous
        let values = Set(candidates.map { facts[$0].interval.midpoint })
        return values.count == 1 ? candidates.first : nil
    }

    /// In a paragraph opening with a named project's figure ("甲项目年初预算A"), the last figure of
    /// `measure` before the share that is the project's (its scope, or none of its own).
    func namedProjectFigure(paragraph p: Paragraph, measure: String, before share: Fact, part: Int) -> Int? {
        let ids = paragraphFacts[p.index]
        guard let first = ids.first(where: { facts[$0].kind.isMoney }) else { return nil }
        let c = facts[first].concept
        guard c.explicitMeasure, c.scope.unicodeScalars.count >= 4, c.item == nil || c.item == "project" else { return nil }
        let found = ids.filter { id in
            let o = facts[id]
            return id != part && o.kind.isMoney && o.number.range.upperBound <= share.number.numberRange.lowerBound
                && o.concept.measure == measure && (o.concept.scope == c.scope || (o.concept.scope.isEmpty && o.concept.item == "total"))
                && !o.number.inRange && o.change == 0 && !o.comparesYears && o.shareOf == nil
        }
        return found.last
    }

    /// "其中：中央a，占到位资金的P%；省级b，占Q%": an earlier part of the list has a share naming a base of
    /// its own that was not found; the bare share after is of that base too, which is not the list's
    /// whole. Walks the paragraph's facts from the list's first part to the share only.
    func siblingNamesOwnBase(_ ids: [Int], group: PartsGroup, part: Int, share id: Int, paired: Set<Int>) -> Bool {
        // (the few facts before the share only: siblings stand close, and a long list stays linear)
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if ids[mid] < id { lo = mid + 1 } else { hi = mid } }
        var first = max(0, lo - 24)
        while first < lo && ids[first] <= group.parts[0] { first += 1 }
        var before = first > 0 ? ids[first - 1] : group.parts[0]
        for k in first..<ids.count {
            let other = ids[k]
            if other >= id { break }
            guard facts[other].kind == .percent else { before = other; continue }
            guard let named = facts[other].shareOf, !named.isEmpty, !paired.contains(other),
                  !namesBase(facts[group.whole].head, named) else { continue }
            if before != part && group.parts.contains(before) { return true }
        }
        return false
    }

    /// A share's base named only as a plan ("占年初预算的", "占调整预算") — the part's own plan.
    func isOwnPlan(_ named: String) -> Bool {
        vocabulary[.ownPlanNames].contains(String(Labels.withoutLeadingYear(named)))
    }

    /// The budget stated for a share's part itself ("甲税年初预算1500万元，…完成600万元，占年初预算的
    /// 40%"): a budget figure (of the part's item when both name one), in its sentence or the two
    /// before; one value only.
    func ownPlan(of part: Int, share id: Int, paragraph p: Paragraph, sentence: Int, inSentence: [Int], at: Int) -> Int? {
        let q = facts[part]
        let near = (max(0, sentence - 2)..<sentence).flatMap { facts(paragraph: p.index, sentence: $0).suffix(ExtractionState.listLookBack) }
            + inSentence[max(0, at - ExtractionState.listLookBack)..<min(inSentence.count, at + ExtractionState.listLookBack)]
        let candidates = near.filter { other in
            // (stated before the share: "…仍为A，占全年预算的P%；项目支出全年预算B" is another item's plan)
            guard other != part, other < id else { return false }
            let o = facts[other]
            guard o.kind.sameFamily(as: q.kind) || (o.kind.isMoney && q.kind.isMoney) else { return false }
            guard !o.number.inRange, !o.comparesYears, o.change == 0, o.shareOf == nil, o.number.comparator == nil else { return false }
            if let a = o.year, let b = q.year, a != b { return false }
            // a budget by its concept or by its name's ending ("财政收入年初预算"), of the part's item
            // when the part names one
            guard o.concept.measure == "budget" || vocabulary[.completionShareBases].isSuffix(of: o.head) else { return false }
            // ("决算数超过年初预算118.90万元": by how much, no budget)
            if vocabulary[.comparatorGreater].occurs(in: o.head) || vocabulary[.comparatorLess].occurs(in: o.head) { return false }
            if q.concept.item == nil { return true }
            if o.concept.item != nil { return o.concept.item == q.concept.item && o.concept.scope == q.concept.scope }
            // "收入任务7000万元，…实际完成7095万元，占任务的101.36%。…税收收入完成5638万元，占预算的93.65%": a
            // plan naming no item that is already another figure's is that figure's, not the named part's
            // (among the last shares made: the other share stands near)
            return !shares.suffix(32).contains { $0.base == other && $0.part != part }
        }
        let values = Set(candidates.map { facts[$0].interval.midpoint })
        return values.count == 1 ? candidates.first : nil
    }

    /// "A、B分别为x亿元和y亿元，占全国总额的P%和Q%": the shares after one 占 pair with the figures
    /// the sentence distributes, by position; only when both runs are unbroken and as long.
    func pairDistributedShares(sentence k: Int, paragraph p: Paragraph, paired: inout Set<Int>, budgeted: Set<String>) {
        let count = paired.count
        pairDistributedShares(sentence: k, paragraph: p, paired: &paired, budgeted: budgeted, unnamed: false)
        // "其中货物类a、工程类b、服务类c，分别占P%、Q%和R%": no base named, the parts' list's whole
        if paired.count == count { pairDistributedShares(sentence: k, paragraph: p, paired: &paired, budgeted: budgeted, unnamed: true) }
    }

    func pairDistributedShares(sentence k: Int, paragraph p: Paragraph, paired: inout Set<Int>, budgeted: Set<String>, unnamed: Bool) {
        let inSentence = facts(paragraph: p.index, sentence: k)
        guard let first = inSentence.firstIndex(where: { facts[$0].kind == .percent && (facts[$0].shareOf ?? "x").isEmpty == unnamed && !paired.contains($0) }),
              let named = facts[inSentence[first]].shareOf else { return }
        let joiners = vocabulary[.nameJoiners]
        // the percentages right after it, labelled by nothing but a joiner ("和", "、")
        var percents = [inSentence[first]]
        for id in inSentence[(first + 1)...] {
            let f = facts[id]
            guard f.kind == .percent, f.shareOf == nil || f.shareOf == named, !paired.contains(id) else { break }
            let head = f.head.filter { !"、，,".contains($0) }
            guard head.isEmpty || joiners.contains(head) else { break }
            percents.append(id)
        }
        // the figures right before it, all plain and of one family
        var amounts = [Int]()
        for id in inSentence[..<first].reversed() {
            let f = facts[id]
            guard f.kind != .percent, f.kind != .bare, !f.number.inRange, !f.comparesYears, f.change == 0, f.shareOf == nil,
                  amounts.isEmpty || f.kind.sameFamily(as: facts[amounts[0]].kind) else { break }
            amounts.insert(id, at: 0)
        }
        guard percents.count >= 2, amounts.count >= percents.count else { return }
        let scalars = p.text.scalars
        let markers = vocabulary[.distributiveMarkers]
        // the distributive word stands before the figures, after any figure before them
        var before = false
        if amounts.count == percents.count {
            let from = amounts.first.flatMap { a in inSentence.firstIndex(of: a).map { $0 > 0 ? facts[inSentence[$0 - 1]].number.range.upperBound : p.sentences[k].lowerBound } } ?? 0
            before = markers.firstMatch(in: scalars, from: from, before: facts[amounts[0]].number.numberRange.lowerBound).map { $0.start >= from } ?? false
        }
        // or "税收收入a、非税收入b，分别占收入的P%、Q%": the word stands after the last figures, before
        // the shares; then each of those figures names its own part, all of the base's measure (not
        // "收入a、支出b，分别占预算的P%、Q%": each of its own budget)
        let after = !before && markers.firstMatch(in: scalars, from: facts[amounts[amounts.count - 1]].number.range.upperBound,
                                                   before: facts[inSentence[first]].number.numberRange.lowerBound) != nil
        guard before || after else { return }
        if after {
            // ("中央a、省级b、县级配套c，中央资金和县级配套资金分别占P%和Q%": names listed before the distributive word
            // pick the figures by name; names that pick none leave the shares unpaired)
            if let named = namesBeforeDistributive(scalars, from: facts[amounts[amounts.count - 1]].number.range.upperBound,
                                                   to: facts[inSentence[first]].number.numberRange.lowerBound, markers: markers) {
                guard named.count == percents.count else { return }
                var picked = [Int]()
                for name in named {
                    let fits = amounts.filter { a in
                        let head = ScalarString.scalars(facts[a].head)
                        if ScalarSearch.firstIndex(of: name, in: head) != nil { return true }
                        return name.count >= 4 && head.count > name.count && Array(head.prefix(2)) == Array(name.prefix(2)) && Array(head.suffix(2)) == Array(name.suffix(2))
                    }
                    guard fits.count == 1, !picked.contains(fits[0]) else { return }
                    picked.append(fits[0])
                }
                amounts = picked
            } else {
                amounts = Array(amounts.suffix(percents.count))
            }
        }
        let at = first
        let whole: Int?
        if unnamed {
            // the list the figures make, all of them its parts
            whole = groupOfPart[amounts[0]].flatMap { g in amounts.allSatisfy { groupOfPart[$0] == g } ? groups[g].whole : nil }
        } else {
            whole = baseNamed(named, part: amounts[0], share: inSentence[first], paragraph: p, sentence: k, inSentence: inSentence, at: at, budgeted: budgeted)
        }
        guard let base = whole else {
            if unnamed { pairSharesOfListedParts(amounts, percents, in: p, sentence: inSentence, paired: &paired) }
            return
        }
        if after {
            let measure = facts[base].concept.measure
            // (or a total the share names by a total word, "资金总额" of "补助资金共计A": the figures are its uses)
            let namedTotal = measure == nil && facts[base].marksTotal && vocabulary[.unstatedTotalNames].isSuffix(of: named)
            guard measure != nil || namedTotal, amounts.allSatisfy({ (namedTotal || facts[$0].concept.measure == measure) && !facts[$0].head.isEmpty }),
                  Set(amounts.map { facts[$0].head }).count == amounts.count else { return }
        }
        for (pct, part) in zip(percents, amounts) where part != base {
            facts[pct].shareOf = unnamed ? facts[base].head : named
            var share = ShareStatement(percent: pct, part: part, base: base)
            share.distributedWith = percents[0]
            shares.append(share)
            paired.insert(pct)
        }
    }

    /// "工会经费按工资性收入的2%计提5.26万元", "养老保险缴费A、职业年金缴费B，分别按工资性收入的16%和8%计提":
    /// an amount accrued at a rate of a figure the report names and states before (one value) is that
    /// share of it. The amount is the one right after the verb, or those listed right before the rates.
    func pairAppliedRates(_ ids: [Int], paragraph p: Paragraph, paired: inout Set<Int>) {
        let openers = vocabulary[.appliedRateOpeners], verbs = vocabulary[.appliedRateVerbs]
        guard !verbs.isEmpty else { return }
        let s = p.text.scalars, joiners = labels.nameJoiners, summaries = vocabulary[.summaryNameOpeners]
        func plain(_ o: Fact) -> Bool {
            o.change == 0 && !o.comparesYears && !o.number.inRange && o.number.comparator == nil && !o.isTarget && o.shareOf == nil
        }
        var n = 0
        while n < ids.count {
            let f = facts[ids[n]]
            guard f.kind == .percent, plain(f), !paired.contains(ids[n]) else { n += 1; continue }
            // the name between the last opener and the 的 ending the label
            var label = ScalarString.scalars(f.label)
            if label.last == "的" { label.removeLast() }
            guard let open = openers.matches(in: label).max(by: { ($0.start, $0.length) < ($1.start, $1.length) }),
                  open.start + open.length < label.count else { n += 1; continue }
            let name = ScalarString.make(label[(open.start + open.length)...])
            // the rates: this one, and those joined to it by a mark ("16%和8%")
            var rates = [ids[n]]
            while n + rates.count < ids.count, case let next = facts[ids[n + rates.count]], next.kind == .percent, plain(next),
                  case let g = facts[rates[rates.count - 1]].gap(to: next, in: s), g.count >= 1, g.count <= 2,
                  g.first == "、" || joiners.contains(ScalarString.make(g)) {
                rates.append(ids[n + rates.count])
            }
            defer { n += rates.count }
            let last = facts[rates[rates.count - 1]]
            guard name.unicodeScalars.count >= 2, !name.unicodeScalars.contains(where: { Labels.clauseBoundaries.contains($0) }),
                  verbs.prefixLength(s, at: last.number.range.upperBound) > 0 else { continue }
            // what the rate applies to: the one amount so named before (by its name, or as the sum of the items above)
            let named = [name] + summaries.words.map { $0 + name }
            func before(_ id: Int) -> Bool {
                let b = facts[id]
                guard b.kind.isMoney, plain(b), let q = b.place.paragraph else { return false }
                return q < p.index || (q == p.index && b.number.range.upperBound <= f.number.numberRange.lowerBound)
            }
            var bases = named.flatMap { proseNames.facts(named: $0, in: self) }.filter(before)
            // ("…，以上四项构成工资总额A": or a sum of the items above, so named, among the few hundred figures before)
            if bases.isEmpty {
                bases = facts[max(0, f.id - 300)..<f.id].lazy.map(\.id).filter { id in
                    before(id) && summaries.isPrefix(of: self.facts[id].head) && self.facts[id].head.hasSuffix(name)
                }
            }
            guard let base = bases.max(), Set(bases.map { facts[$0].interval.midpoint }).count == 1 else { continue }
            // the amounts: right after the verb, or listed right before the rates (as many as the rates)
            var parts = [Int]()
            let verbEnd = last.number.range.upperBound + verbs.prefixLength(s, at: last.number.range.upperBound)
            if rates.count == 1, n + 1 < ids.count, case let a = facts[ids[n + 1]], a.kind.isMoney, plain(a),
               a.number.numberRange.lowerBound == verbEnd {
                parts = [ids[n + 1]]
            } else if n >= rates.count {
                let listed = Array(ids[(n - rates.count)..<n])
                guard listed.allSatisfy({ facts[$0].kind.isMoney && plain(facts[$0]) && sentenceIndex(of: facts[$0]) == sentenceIndex(of: f) }),
                      zip(listed, listed.dropFirst()).allSatisfy({ facts[$0].gap(to: facts[$1], in: s).first == "、" }),
                      // (nothing but the opener's clause between the amounts and the rates)
                      !facts[listed[listed.count - 1]].gap(to: f, in: s).dropFirst().contains(where: { Labels.clauseBoundaries.contains($0) }) else { continue }
                parts = listed
            }
            guard parts.count == rates.count, !parts.contains(base) else { continue }
            for (rate, part) in zip(rates, parts) {
                facts[rate].shareOf = name
                var share = ShareStatement(percent: rate, part: part, base: base)
                share.rateIsSet = true
                shares.append(share)
                paired.insert(rate)
            }
        }
    }

    /// The names a clause of no figure lists right before a distributive word ("，中央资金和县级配套资金分别占"),
    /// joined by 、 和 及; nil when the clause is no such list.
    func namesBeforeDistributive(_ s: [Unicode.Scalar], from: Int, to: Int, markers: WordSet) -> [[Unicode.Scalar]]? {
        guard from < to, let m = markers.firstMatch(in: s, from: from, before: to) else { return nil }
        var start = from
        while start < m.start, !CharClass.isHan(s[start]) { start += 1 }
        guard start < m.start, s[from..<start].contains(where: { $0 == "，" || $0 == "," }) else { return nil }
        let clause = Array(s[start..<m.start])
        guard clause.allSatisfy({ CharClass.isHan($0) || $0 == "、" }) else { return nil }
        let joiners = labels.nameJoiners
        var names = [[Unicode.Scalar]](), current = [Unicode.Scalar]()
        var k = 0
        while k < clause.count {
            let joint = clause[k] == "、" ? 1 : joiners.prefixLength(clause, at: k)
            if joint > 0 { names.append(current); current = []; k += joint } else { current.append(clause[k]); k += 1 }
        }
        names.append(current)
        guard names.count >= 2, names.allSatisfy({ $0.count >= 2 }) else { return nil }
        return names
    }

    /// "补贴面积中小麦a、玉米b、大豆c，分别占P%、Q%和R%", no whole stated: when the shares add up to 100%
    /// (within their rounding), the parts listed are all of it, and the whole is their sum.
    func pairSharesOfListedParts(_ amounts: [Int], _ percents: [Int], in p: Paragraph, sentence inSentence: [Int], paired: inout Set<Int>) {
        guard amounts.count == percents.count, amounts.count >= 2, amounts.allSatisfy({ !facts[$0].marksTotal && facts[$0].value > 0 }) else { return }
        let s = p.text.scalars, joiners = labels.nameJoiners
        // listed one after another, each named ("小麦a、玉米b和大豆c"), and the list is all of them
        func joined(_ a: Int, _ b: Int) -> Bool {
            let g = facts[a].gap(to: facts[b], in: s)
            guard let mark = g.first, g.count <= 12, !g.dropFirst().contains(where: { Labels.clauseBoundaries.contains($0) }) else { return false }
            return mark == "、" || joiners.prefixLength(Array(g), at: 0) > 0
        }
        guard zip(amounts, amounts.dropFirst()).allSatisfy({ joined($0, $1) }) else { return }
        if let at = inSentence.firstIndex(of: amounts[0]), at > 0, joined(inSentence[at - 1], amounts[0]) { return }
        guard amounts.allSatisfy({ facts[$0].kind == facts[amounts[0]].kind }) else { return }
        // (or all shares but one fit their parts' sum: that one slipped)
        let sum = percents.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
        if !sum.contains(100) {
            let whole = amounts.reduce(Interval(exactly: 0)) { $0 + facts[$1].interval }
            let fitting = zip(percents, amounts).filter { pct, part in
                (facts[part].interval / whole).map { ($0 * Interval(exactly: 100)).overlaps(facts[pct].interval) } ?? false
            }.count
            guard fitting == amounts.count - 1 else { return }
        }
        for (pct, part) in zip(percents, amounts) {
            var share = ShareStatement(percent: pct, part: part, base: amounts[0], baseParts: amounts)
            share.distributedWith = percents[0]
            shares.append(share)
            paired.insert(pct)
        }
    }

    /// "“三公”经费支出决算167.37万元。…其中公务接待费2.14万元，占1.3%": a share naming no base, of a
    /// part the lexicon makes a part of an item, is of that item's figure: the one stated before it
    /// in its paragraph or the three before, with the part's measure and year (one value only).
    func lexiconWhole(of part: Int, paragraph p: Paragraph) -> Int? {
        let q = facts[part]
        guard let item = q.concept.item, let measure = q.concept.measure else { return nil }
        // (a whole every item of the part's sentence is some of: "按经济分类，工资福利支出A，占P%；…资本性支出D，
        // 占S%" lists the total's classes, not 基本支出's)
        let siblings = Set(facts(paragraph: p.index, sentence: sentenceIndex(of: q)).compactMap { id -> String? in
            let c = facts[id].concept
            guard id != part, facts[id].kind.isMoney, c.measure == measure, c.item != "total" else { return nil }
            // (a class the lexicon does not know, "资本性支出", is no part of any of its wholes)
            return c.scope.isEmpty ? c.item : "{\(c.scope)}"
        })
        let wholes = Set(lexicon.decompositions.filter { d in
            (d.parts.contains(item) || d.optional.contains(item)) && siblings.allSatisfy { d.parts.contains($0) || d.optional.contains($0) || $0 == d.whole }
        }.map(\.whole))
        guard !wholes.isEmpty else { return nil }
        func isWhole(_ id: Int) -> Bool {
            let o = facts[id]
            guard id != part, o.number.range.upperBound <= q.number.range.lowerBound || o.place.paragraph != q.place.paragraph,
                  let w = o.concept.item, wholes.contains(w), o.concept.measure == measure, o.kind.sameFamily(as: q.kind),
                  !o.number.inRange, !o.comparesYears, o.change == 0, o.shareOf == nil, o.number.comparator == nil else { return false }
            if let a = o.year, let b = q.year, a != b { return false }
            return q.concept.scope.isEmpty || o.concept.scope == q.concept.scope
        }
        for back in 0...3 where p.index - back >= 0 {
            let candidates = paragraphFacts[p.index - back].suffix(200).filter(isWhole)
            if candidates.isEmpty { continue }
            return Set(candidates.map { facts[$0].interval.midpoint }).count == 1 ? candidates.last : nil
        }
        return nil
    }

    /// "A占B的P%" with no figure before it in its sentence: the one figure of the paragraph whose
    /// label is A, stated before the share, or failing that whose concept is A's ("非税收入完成
    /// 21553万元。…非税收入占地方收入的26.01%": one item of the lexicon, worded with a verb).
    func namedPart(of f: Fact, paragraph p: Paragraph) -> Int? {
        guard let (name, _) = Text.split(f.head, atFirst: vocabulary[.shareMarkers], notWithin: vocabulary[.notShareWords]) else { return nil }
        // (a name of two, "税收比重", only as the lexicon's item: "税收" is 税收收入)
        guard name.count >= 2 else { return nil }
        let short = name.count == 2
        // the figures before the share (binary search, then a bounded look back: linear in long paragraphs)
        let ids = paragraphFacts[p.index]
        var lo = 0, hi = ids.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if facts[ids[mid]].number.range.upperBound <= f.number.numberRange.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        let window = ids[max(0, lo - 60)..<lo].filter { other in
            let o = facts[other]
            return o.number.range.upperBound <= f.number.numberRange.lowerBound && o.kind != .percent && o.kind != .bare
                && !o.number.inRange && !o.comparesYears && o.change == 0
        }
        var found = short ? [] : window.filter { facts[$0].head == name }
        if found.isEmpty {
            let wanted = resolve(name)
            if let item = wanted.item {
                found = window.filter { other in
                    let c = facts[other].concept
                    return c.item == item && c.scope == wanted.scope && c.qualifier == wanted.qualifier
                        && (wanted.measure == nil || c.measure == wanted.measure) && (f.year == nil || facts[other].year == f.year)
                }
            } else if !short, !wanted.scope.isEmpty {
                // ("县级财政配套资金A，…县级配套占资金总额的P%": a name the lexicon reads as a scope only, the
                // figure of that scope)
                found = window.filter { other in
                    let c = facts[other].concept
                    return c.item == nil && c.scope == wanted.scope && c.measure != nil && (f.year == nil || facts[other].year == f.year)
                }
            }
        }
        // ("中央财政补助资金A、…，其中中央资金占P%": or a name abridged from one label, its first two and last two
        // characters kept: the one figure so named)
        if found.isEmpty, !short, case let n = ScalarString.scalars(name), n.count >= 4 {
            let head = ScalarString.make(n[..<2]), tail = ScalarString.make(n[(n.count - 2)...])
            found = window.filter { facts[$0].head.hasPrefix(head) && facts[$0].head.hasSuffix(tail) && facts[$0].head.unicodeScalars.count > n.count }
        }
        // "税收收入A…，税收占一般公共预算收入的比重为P%": a short name no item answers to is the one figure
        // before it whose name it begins and is a lexicon item ("税收" of 税收收入), one value only
        if found.isEmpty && short {
            found = window.filter { facts[$0].head.hasPrefix(name) && facts[$0].concept.item != nil }
        }
        return Set(found.map { facts[$0].interval.midpoint }).count == 1 ? found.last : nil
    }

    /// "全县收入1200万元，完成年初预算2000万元的60.0%": a percentage joined to the figure before it
    /// ("的") whose label names the plan, budget or target reached (完成X) is the share of that
    /// figure the figure before them in the sentence reached. That part is a plain statement: not a change, a
    /// comparison, a range or a bound.
    func pairCompletionShares(_ ids: [Int], paragraph p: Paragraph, paired: inout Set<Int>) {
        let markers = vocabulary[.completionShareMarkers], joiners = vocabulary[.shareFigureJoiners]
        let bases = vocabulary[.completionShareBases], restatements = vocabulary[.restatedShareMarkers]
        // "调出资金A，即当年收入B的30%": a figure restated as a share of another (any name) is that share
        func restated(_ named: String) -> (subject: String, name: String)? {
            guard let marker = restatements.prefix(of: named) else { return nil }
            return ("", String(named.dropFirst(marker.count)))
        }
        for (n, id) in ids.enumerated() where n >= 1 && n + 1 < ids.count && !paired.contains(ids[n + 1]) {
            let b = facts[id], pct = facts[ids[n + 1]]
            guard b.kind != .percent, b.kind != .bare, b.shareOf == nil, b.change == 0, !b.comparesYears, !b.number.inRange,
                  pct.kind == .percent, pct.shareOf == nil, pct.change == 0, !pct.comparesYears, pct.number.comparator == nil,
                  case .text = b.place, sentenceIndex(of: pct) == sentenceIndex(of: b),
                  b.number.range.upperBound < pct.number.numberRange.lowerBound,
                  let named = completionBaseName(b, before: pct, in: p, joiners),
                  let (subject, name) = restated(named) ?? Text.split(named, atFirst: markers), name.unicodeScalars.count >= 2,
                  restated(named) != nil || bases.isSuffix(of: name) else { continue }
            let inSentence = facts(paragraph: p.index, sentence: sentenceIndex(of: b))
            func mayBePart(_ k: Int) -> Bool {
                let o = facts[k]
                return o.kind.sameFamily(as: b.kind) && o.shareOf == nil && o.change == 0 && !o.comparesYears
                    && !o.number.inRange && o.number.comparator == nil && !o.isTarget
                    // "…，为市下三季度目标A101.78%，为全年目标B的P%": another plan is no part
                    && !(Text.split(o.label, atFirst: markers).map { bases.isSuffix(of: $0.after) } ?? false)
                    // "共清运A吨，日均清运a吨，完成年度目标（B）的P%": an amount per day or head is no part
                    && !(vocabulary[.perUnitWords].occurs(in: o.label) && !vocabulary[.perUnitWords].occurs(in: b.label))
            }
            guard let at = inSentence.firstIndex(of: id), var part = inSentence[..<at].last(where: mayBePart) else { continue }
            // "新增化学需氧量减排量A、氨氮减排量B，化学需氧量减排量为省下达任务C的P%": the figure the words before
            // the marker name, not the nearest
            if subject.unicodeScalars.count >= 2, !facts[part].label.hasSuffix(subject),
               let namedPart = inSentence[..<at].last(where: { mayBePart($0) && facts[$0].label.hasSuffix(subject) }) { part = namedPart }
            let reached = wholeOfCompleteList(endingWith: part, sentence: sentenceIndex(of: b)) ?? part
            facts[ids[n + 1]].shareOf = name
            shares.append(ShareStatement(percent: ids[n + 1], part: reached, base: id))
            paired.insert(ids[n + 1])
        }
    }

    /// The name a completion share's base figure `b` is stated with, when the percentage follows it
    /// joined by "的": its label, or the name before its bracket ("完成年度计划（12个）的125%").
    func completionBaseName(_ b: Fact, before pct: Fact, in p: Paragraph, _ joiners: WordSet) -> String? {
        let s = p.text.scalars
        let gap = b.number.range.upperBound..<pct.number.numberRange.lowerBound
        if joiners.contains(p.text.string(gap)) { return b.label }
        guard b.number.parenDepth == 1, gap.count >= 2, s[gap.lowerBound] == "）" || s[gap.lowerBound] == ")",
              joiners.contains(p.text.string((gap.lowerBound + 1)..<gap.upperBound)) else { return nil }
        let sentenceStart = p.sentences.indices.contains(sentenceIndex(of: b)) ? p.sentences[sentenceIndex(of: b)].lowerBound : 0
        return Self.nameBeforeBracket(s, numberStart: b.number.numberRange.lowerBound, limit: sentenceStart).map { p.text.string($0) }
    }

    /// "计划新建村级活动场所10个，实际建成8个，完成率为80%", "全年培训1200人次，计划培训1000人次，完成计划的
    /// 120%": a completion rate after the two last figures of its sentence in one unit, one of them
    /// named a plan (`plan_figure_words`) and the other not, is the figure done over the plan.
    func pairPlanCompletionRates(_ ids: [Int], paragraph p: Paragraph, paired: inout Set<Int>) {
        let rates = vocabulary[.planCompletionRates], planWords = vocabulary[.planFigureWords], doneWords = vocabulary[.doneFigureWords]
        // the rates whose sentence states a plan and a figure done (not looked for elsewhere)
        var planInSentence = Set<Int>()
        defer { pairDistantPlanCompletionRates(ids, paragraph: p, paired: &paired, skipping: planInSentence) }
        for (n, id) in ids.enumerated() where n >= 2 && !paired.contains(id) {
            let pct = facts[id]
            guard pct.kind == .percent, pct.shareOf == nil, pct.change == 0, !pct.comparesYears, pct.number.comparator == nil,
                  !pct.number.inRange, !pct.isTarget, case .text = pct.place, rates.isSuffix(of: pct.head) else { continue }
            let sentence = sentenceIndex(of: pct)
            // the two figures right before it in its sentence, with nothing but prose between
            // (past how far the figure done is over or under the plan: "计划4,500亩，实际完成4,726亩，超出计划226亩，
            // 计划完成率105.02%")
            let overOrUnder = vocabulary[.measuredAgainstVerbs].isPrefix(of: facts[ids[n - 1]].label)
            // ("实际培育885人，超出年度目标任务25人，完成率P%": with no plan stated, how far the figure done is
            // over it is no plan)
            if overOrUnder && n < 3 { continue }
            let against = overOrUnder ? 1 : 0
            let a = facts[ids[n - 2 - against]], b = facts[ids[n - 1 - against]]
            guard sentenceIndex(of: a) == sentence, sentenceIndex(of: b) == sentence else { continue }
            // (a target at least so much is the plan: "目标为抽检≥1,800批次，实际完成2,136批次，完成率P%", and
            // bracketed right after the figure done: "新增3,412户（目标≥3,000户），完成率P%")
            func threshold(_ o: Fact) -> Bool { o.isTarget || o.number.comparator == .atLeast || o.number.comparator == .greater }
            func plain(_ o: Fact, bracketed: Bool = false) -> Bool {
                o.kind != .percent && o.kind != .bare && o.kind != .score && o.shareOf == nil && o.change == 0 && !o.comparesYears
                    && !o.number.inRange && (o.number.comparator == nil || threshold(o)) && !o.number.approximate
                    && (o.number.parenDepth == pct.number.parenDepth || (bracketed && threshold(o) && o.number.parenDepth == pct.number.parenDepth + 1))
                    && !isGrouped(o.id)
                    // (a whole whose list comes after the rate is still a figure: "新增A户（目标≥B户），完成率P%，其中企业a户")
                    && (groupsOfWhole[o.id] ?? []).allSatisfy { g in groups[g].parts.allSatisfy { $0 > pct.id } }
            }
            guard plain(a), plain(b, bracketed: true), a.kind == b.kind || (a.kind.isMoney && b.kind.isMoney) else { continue }
            // ("12项指标中完成11项": the figure the done one is counted among is the whole it is measured by)
            let among = a.kind == b.kind && !Self.isPlan(b, planWords, doneWords) && (isCountedAmong(b, doneWords) || isCountedAmong(b, after: a, in: p, doneWords))
            let aPlan = among || Self.isPlan(a, planWords, doneWords) || threshold(a), bPlan = Self.isPlan(b, planWords, doneWords) || threshold(b)
            // (one threshold at most, and it is the plan)
            if threshold(a) && threshold(b) { continue }
            guard aPlan != bPlan else { continue }
            planInSentence.insert(id)
            let (plan, done) = aPlan ? (a, b) : (b, a)
            // "新建任务23,000亩已全部完成；改造提升完成8,460亩，完成率94.00%": after a "；", a clause naming
            // another subject (not opening with a word of what was done) is another matter than the plan
            if aPlan, let semi = (a.number.range.upperBound..<b.number.numberRange.lowerBound).last(where: { p.text.scalars[$0] == "；" || p.text.scalars[$0] == ";" }),
               doneWords.prefixLength(p.text.scalars, at: semi + 1) == 0 { continue }
            // "新增省级重点专科3个、市级重点专科7个，计划建设任务11个，完成率90.9%": the last of a run of
            // figures joined by 、 is not all that was done
            if !aPlan, n >= 3, case let z = facts[ids[n - 3]], z.kind == done.kind, sentenceIndex(of: z) == sentence,
               joinedInClause(p.text.scalars, from: z.number.range.upperBound, to: done.number.numberRange.lowerBound) { continue }
            // "计划培训1000人次，实际培训1200人次，完成率100%": a rate capped at 100% (as indicators are scored)
            if pct.value == 100 && done.value > plan.value && a.kind == b.kind { continue }
            facts[id].shareOf = plan.label
            shares.append(ShareStatement(percent: id, part: done.id, base: plan.id))
            paired.insert(id)
        }
    }

    /// "…指标中完成11项": the figure's label names what was done among (`among_markers`) the figures
    /// before it.
    func isCountedAmong(_ f: Fact, _ doneWords: WordSet) -> Bool {
        let label = ScalarString.scalars(f.label)
        guard let done = doneWords.firstMatch(in: label), done.start > 0 else { return false }
        // ("126个项目中已完工120个": 已 before the word of what was done)
        let start = label[done.start - 1] == "已" ? done.start - 1 : done.start
        return vocabulary[.amongMarkers].suffixLength(label, endingAt: start) > 0
    }

    /// "7项绩效指标中，完成6项": the clause before the label of `f` ends with the among marker right
    /// after `a`'s name, and the label opens with a word of what was done.
    func isCountedAmong(_ f: Fact, after a: Fact, in p: Paragraph, _ doneWords: WordSet) -> Bool {
        let s = p.text.scalars
        let from = a.number.range.upperBound, to = f.number.numberRange.lowerBound
        guard from < to, to - from <= 24 else { return false }
        var k = to
        // back over the done figure's own label to the clause mark before it
        while k > from && !"，,".unicodeScalars.contains(s[k - 1]) { k -= 1 }
        guard k > from, doneWords.prefixLength(s, at: k) > 0 || (k < to && s[k] == "已" && doneWords.prefixLength(s, at: k + 1) > 0) else { return false }
        return vocabulary[.amongMarkers].suffixLength(s, endingAt: k - 1) > 0
    }

    /// "计划完成改造任务A" is a plan, "完成年初预算A" is not: a plan word (`plan_figure_words`) in the
    /// label before any word of what was done (`done_figure_words`).
    static func isPlan(_ o: Fact, _ planWords: WordSet, _ doneWords: WordSet) -> Bool {
        let label = ScalarString.scalars(o.label)
        guard let plan = planWords.firstMatch(in: label) else { return false }
        return doneWords.firstMatch(in: label).map { plan.start < $0.start } ?? true
    }

    /// Text between two figures that joins them in one enumeration: a 、 and no clause break.
    func joinedInClause(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        var joined = false
        for k in from..<to {
            if s[k] == "、" { joined = true } else if CharClass.isClauseBreak(s[k]) || s[k] == "。" { return false }
        }
        return joined
    }

    /// "项目计划建设服务站30个。…实际建成服务站28个，完成计划的93.33%": a completion rate right after the
    /// one figure done of its sentence, whose plan the report stated before (a plan figure of that unit
    /// whose name ends as the figure done's does, four characters at least, of one value), is the
    /// figure done over that plan.
    func pairDistantPlanCompletionRates(_ ids: [Int], paragraph p: Paragraph, paired: inout Set<Int>, skipping: Set<Int>) {
        let rates = vocabulary[.planCompletionRates], planWords = vocabulary[.planFigureWords], doneWords = vocabulary[.doneFigureWords]
        func plain(_ o: Fact) -> Bool {
            o.kind.measureWord != nil && o.shareOf == nil && o.change == 0 && !o.comparesYears && !o.number.inRange
                && o.number.comparator == nil && !o.number.approximate && !o.isTarget && !isGrouped(o.id) && groupsOfWhole[o.id] == nil
        }
        let isPlan = { (o: Fact) in o.isPlanned || Self.isPlan(o, planWords, doneWords) }
        for (n, id) in ids.enumerated() where n >= 1 && !paired.contains(id) && !skipping.contains(id) {
            let pct = facts[id]
            guard pct.kind == .percent, pct.shareOf == nil, pct.change == 0, !pct.comparesYears, pct.number.comparator == nil,
                  !pct.number.inRange, !pct.isTarget, case .text = pct.place, rates.isSuffix(of: pct.head) else { continue }
            let done = facts[ids[n - 1]]
            guard sentenceIndex(of: done) == sentenceIndex(of: pct), plain(done), !isPlan(done),
                  done.number.parenDepth == pct.number.parenDepth else { continue }
            // the plan figures of the report before this one, made once
            if distantPlans == nil {
                distantPlans = facts.indices.filter { k in facts[k].kind.measureWord != nil && facts[k].place.paragraph != nil && plain(facts[k]) && isPlan(facts[k]) }
            }
            let doneName = Array(done.label.unicodeScalars)
            // (the last 64 plans before it: a report of thousands of rates and plans stays linear)
            let plans = distantPlans!
            var lo = 0, hi = plans.count
            while lo < hi { let mid = (lo + hi) / 2; if plans[mid] < done.id { lo = mid + 1 } else { hi = mid } }
            let candidates = plans[max(0, lo - 64)..<lo].filter { k in
                guard facts[k].kind == done.kind else { return false }
                var common = 0
                for (x, y) in zip(facts[k].label.unicodeScalars.reversed(), doneName.reversed()) {
                    guard x == y, !CharClass.isDigit(x) else { break }
                    common += 1
                }
                return common >= 4
            }
            guard let plan = candidates.last, Set(candidates.map { facts[$0].value }).count == 1 else { continue }
            if pct.value == 100 && done.value > facts[plan].value { continue }
            facts[id].shareOf = facts[plan].label
            shares.append(ShareStatement(percent: id, part: done.id, base: plan))
            paired.insert(id)
        }
    }

    /// "预算21.06亿元，实际完成21.87亿元，完成预算的103.8%", "…预期为A。…决算为B，完成预期的99.7%":
    /// a completion share that names its base without a figure. The base is the one figure before it
    /// in its sentence (else in the sentence before) whose name ends with the name the share gives;
    /// the part, the nearest plain figure before the percentage other than the base.
    func pairNamedCompletionShares(_ ids: [Int], paragraph p: Paragraph, paired: inout Set<Int>) {
        let markers = vocabulary[.completionShareMarkers], bases = vocabulary[.completionShareBases]
        let startOfYear = vocabulary[.startOfYearWords], periods = vocabulary[.planPeriodWords]
        for (n, id) in ids.enumerated() where n >= 2 && !paired.contains(id) {
            let pct = facts[id]
            guard pct.kind == .percent, pct.shareOf == nil, pct.change == 0, !pct.comparesYears, pct.number.comparator == nil,
                  !pct.number.inRange, case .text = pct.place,
                  let (_, named) = Text.split(pct.label, atFirst: markers) else { continue }
            var name = Substring(named)
            while name.hasSuffix("的") { name = name.dropLast() }
            guard (2...8).contains(name.unicodeScalars.count), bases.isSuffix(of: name),
                  !name.unicodeScalars.contains(where: { CharClass.isDigit($0) }) else { continue }
            // the name stands right before the percentage ("…目标33.23亿元101.78%" names no base of its own)
            let gap = p.text.string(facts[ids[n - 1]].number.range.upperBound..<pct.number.numberRange.lowerBound)
            guard gap.hasSuffix(name) || gap.hasSuffix(name + "的") else { continue }
            let sentence = sentenceIndex(of: pct)
            func plain(_ k: Int) -> Bool {
                let o = facts[k]
                return o.kind.isMoney && o.shareOf == nil && o.change == 0 && !o.comparesYears && !o.number.inRange
                    && o.number.comparator == nil && !o.number.approximate && !o.isTarget && o.number.parenDepth <= pct.number.parenDepth
            }
            // "收入预算A，…，为年预算的P%": the plan named with its period ("年预算") is the one stated without it
            // ("收入预算"), when no figure is named with the period
            let periodless = periods.prefix(of: name).map { name.dropFirst($0.count) }.flatMap { rest in
                rest.unicodeScalars.count >= 2 && bases.isSuffix(of: rest) ? rest : nil
            }
            // "支出预算调整为A，实际完成B，为调整预算的P%": a plan named with a qualifier (调整) answers to the
            // figure of that plan however its label orders the words
            let namedPlan = resolve(String(periodless ?? name))
            func isBase(_ k: Int, _ named: Substring) -> Bool {
                var head = Substring(facts[k].head)
                while head.hasSuffix("数") || head.hasSuffix("为") { head = head.dropLast() }
                let samePlan = namedPlan.measure == "budget" && namedPlan.qualifier != nil && facts[k].concept.measure == "budget"
                    && facts[k].concept.qualifier == namedPlan.qualifier
                // "…预算收入目标A。当年实际完成B，为预算的P%": a plan named by another plan word, the
                // share's name in it
                let namedInPlan = bases.isSuffix(of: head) && ScalarSearch.foundationContains(String(head), String(named))
                if namesByHowMuch(String(head), String(named)) { return false }
                // "年初预算A，支出B，完成预算的P%": maybe of a budget adjusted since, left to the formula rules
                return plain(k) && (head.hasSuffix(named) || samePlan || namedInPlan) && !(startOfYear.occurs(in: head) && !startOfYear.occurs(in: name))
            }
            // a bounded look-back (a sentence of a hundred such shares stays linear)
            let window = 24
            let inSentence = facts(paragraph: p.index, sentence: sentence)
            let at = firstFact(in: inSentence, at: pct.number.numberRange.lowerBound)
            guard at < inSentence.count, inSentence[at] == id else { continue }
            let before = inSentence[max(0, at - window)..<at]
            let previous = sentence > 0 && at < window ? facts(paragraph: p.index, sentence: sentence - 1).suffix(window) : []
            var candidates = before.filter { isBase($0, name) }
            if candidates.isEmpty { candidates = previous.filter { isBase($0, name) } }
            if candidates.isEmpty, let periodless {
                candidates = before.filter { isBase($0, periodless) }
                if candidates.isEmpty { candidates = previous.filter { isBase($0, periodless) } }
            }
            // "…追加a后，全年调整预算为B；支出决算完成调整预算的P%": a share naming its part's measure before
            // the marker is of a figure of that measure
            func measureNamedBefore(_ label: String) -> String? {
                Text.split(label, atFirst: markers).flatMap { $0.before.unicodeScalars.count >= 2 ? resolve($0.before).measure : nil }
            }
            var partMeasure = measureNamedBefore(pct.label)
            // ("支出决算完成年初预算的A%、完成全年预算的B%": the second share's part is named in the first's)
            if partMeasure == nil, at > 0, facts[inSentence[at - 1]].kind == .percent,
               p.text.string(facts[inSentence[at - 1]].number.range.upperBound..<pct.number.numberRange.lowerBound).hasPrefix("、") {
                partMeasure = measureNamedBefore(facts[inSentence[at - 1]].label)
            }
            guard let base = candidates.last, Set(candidates.map { facts[$0].interval.midpoint }).count == 1,
                  let part = before.last(where: { plain($0) && !candidates.contains($0) && (partMeasure == nil || facts[$0].concept.measure == partMeasure) }),
                  facts[part].kind.sameFamily(as: facts[base].kind),
                  // spending against its budget, named an execution rate, is left to the formula rules
                  !(facts[part].concept.measure == "spend" && pct.concept.rate != nil),
                  // "预算A，支出B，完成预算的P%，其中：甲支出b1，完成预算的p1%": a part's own plan, not A
                  !moneyBetween(base, part, in: ids, limit: window),
                  facts[part].year == nil || facts[base].year == nil || facts[part].year == facts[base].year else { continue }
            facts[id].shareOf = String(name)
            shares.append(ShareStatement(percent: id, part: part, base: base))
            paired.insert(id)
        }
    }

    /// Whether an amount other than `b` stands between `a` and `b` in the paragraph (`ids`, in text
    /// order); more than `limit` figures between count as one.
    func moneyBetween(_ a: Int, _ b: Int, in ids: [Int], limit: Int) -> Bool {
        var k = firstFact(in: ids, at: facts[a].number.range.upperBound), seen = 0
        while k < ids.count, ids[k] != b, facts[ids[k]].number.range.upperBound <= facts[b].number.range.lowerBound {
            if facts[ids[k]].kind.isMoney || seen >= limit { return true }
            k += 1
            seen += 1
        }
        return false
    }

    /// Whether a figure is the plan of a completion share ("…完成2400万元，完成年初预算数6000万元的
    /// 40.0%"): named "完成…预算", joined by "的" to the percentage after it. It is what was planned,
    /// not a figure a list that follows can break down.
    func isCompletionBase(_ id: Int, paragraph p: Paragraph) -> Bool {
        let b = facts[id]
        guard b.kind != .percent, b.kind != .bare, case .text = b.place else { return false }
        // the percentage right after it, joined by "的" (read on scalars first: most figures have none)
        let ids = paragraphFacts[p.index]
        let next = firstFact(in: ids, at: b.number.range.upperBound)
        guard next < ids.count else { return false }
        let pct = facts[ids[next]], gap = b.number.range.upperBound..<pct.number.numberRange.lowerBound
        guard pct.kind == .percent, !gap.isEmpty,
              vocabulary[.shareFigureJoiners].prefixLength(p.text.scalars, at: gap.lowerBound, end: gap.upperBound) == gap.count,
              let (_, name) = Text.split(b.label, atFirst: vocabulary[.completionShareMarkers]), name.unicodeScalars.count >= 2 else { return false }
        return vocabulary[.completionShareBases].isSuffix(of: name)
    }

    /// "…投入公益金3000万元，占上年筹集的公益金的60%（上年本级共筹集公益金5000万元）": a bracket
    /// right after the share states its base in words of its own. The base is the bracket's one
    /// figure, of the part's family and of the share's year, when its name shares the base's head
    /// noun (the last two ideographs the share names) and another pair of ideographs with it. A
    /// bracket that opens a list ("（其中…）", "（包括…）") states parts, not the base.
    func bracketedBase(_ named: String, share id: Int, part: Int, paragraph p: Paragraph, inSentence: [Int]) -> Int? {
        let s = p.text.scalars
        let share = facts[id], q = facts[part]
        var i = share.number.range.upperBound
        while i < s.count && CharClass.isWhitespace(s[i]) { i += 1 }
        guard i < s.count, s[i] == "（" || s[i] == "(" else { return nil }
        let open = i
        var depth = 0
        var close: Int?
        while i < s.count && i - open <= ExtractionState.bracketedBaseLength {
            if s[i] == "（" || s[i] == "(" { depth += 1 }
            if s[i] == "）" || s[i] == ")" { depth -= 1; if depth == 0 { close = i; break } }
            i += 1
        }
        guard let close else { return nil }
        let inner = p.text.string((open + 1)..<close)
        for opener in [Vocabulary.Class.listOpenersOf, .listOpenersIncluding, .inclusionMarkers, .subListMarkers, .distributiveMarkers]
        where vocabulary[opener].isPrefix(of: inner) { return nil }
        let inside = inSentence.filter { facts[$0].number.range.lowerBound > open && facts[$0].number.range.upperBound <= close }
        guard inside.count == 1, let other = inside.first, other != part else { return nil }
        let o = facts[other]
        guard o.kind.sameFamily(as: q.kind) || (o.kind.isMoney && q.kind.isMoney), !o.number.inRange, !o.comparesYears,
              o.change == 0, o.shareOf == nil, o.number.comparator == nil else { return nil }
        if let a = o.year, let b = share.year, a != b { return nil }
        let wanted = Self.ideographPairs(withoutTotalSuffix(named)), found = Self.ideographPairs(o.label)
        guard let head = wanted.last, found.contains(head), Set(wanted).intersection(found).count >= 2 else { return nil }
        return other
    }

    /// Longest a bracket stating a share's base is read, in scalars.
    static let bracketedBaseLength = 80

    /// The pairs of adjacent CJK ideographs of a text, in order ("筹集公益金" → 筹集, 集公, 公益, 益金).
    static func ideographPairs(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var pairs = [String]()
        for k in s.indices.dropLast() where isIdeograph(s[k]) && isIdeograph(s[k + 1]) {
            pairs.append(ScalarString.make(s[k...(k + 1)]))
        }
        return pairs
    }

    static func isIdeograph(_ ch: Unicode.Scalar) -> Bool { ch.value >= 0x4E00 && ch.value <= 0x9FFF }

    /// "高新技术企业总数" → "高新技术企业", "收入合计" → "收入".
    func withoutTotalSuffix(_ name: String) -> String { vocabulary[.totalSuffixes].droppingSuffix(name) }


    /// "（一）用于群众体育支出553.90万元，占总数的98.93%。（二）用于竞技体育支出6.00万元，占总数的1.07%。":
    /// shares of a total the text names only by a total word: the total is the sum of the amounts
    /// of the enumerated items the parts are (all of that level, those without a share too).
    func addSharesOfUnstatedTotals() {
        let paired = Set(shares.map(\.percent))
        let totalNames = vocabulary[.unstatedTotalNames]
        var itemOfAmount = [Int: Int]()
        for (i, item) in outline.enumerated() { if let a = item.amount { itemOfAmount[a] = i } }
        // the percentages picked by index first: a `for f in facts` copied every fact
        for k in facts.indices where facts[k].kind == .percent {
            let f = facts[k]
            guard !paired.contains(f.id) && !f.comparesYears && f.number.comparator == nil else { continue }
            guard let name = f.shareOf, !name.isEmpty, totalNames.contains(vocabulary[.shareBaseSuffixes].droppingSuffix(name)),
                  case .text(let p, let s, _) = f.place else { continue }
            let inSentence = facts(paragraph: p, sentence: s)
            guard let part = inSentence.last(where: { $0 < f.id && facts[$0].kind.isMoney && facts[$0].shareOf == nil && facts[$0].change == 0 }),
                  let item = itemOfAmount[part] else { continue }
            let siblings = outline[item].parent.map { outline[$0].children } ?? outline.indices.filter { outline[$0].parent == nil }
            // the items of one list: siblings numbered on from each other ("1、…9、" and then "1、…8、",
            // the same total by function and then by economic class, are two lists)
            guard let at = siblings.firstIndex(of: item) else { continue }
            func follows(_ a: Int, _ b: Int) -> Bool { outline[a].style == outline[b].style && outline[a].ordinal + 1 == outline[b].ordinal }
            var lo = at, hi = at
            while lo > 0 && follows(siblings[lo - 1], siblings[lo]) { lo -= 1 }
            while hi + 1 < siblings.count && follows(siblings[hi], siblings[hi + 1]) { hi += 1 }
            let level = siblings[lo...hi]
            let amounts = level.compactMap { outline[$0].amount }
            guard amounts.count == level.count, amounts.count >= 2,
                  amounts.allSatisfy({ facts[$0].kind.sameFamily(as: facts[part].kind) }) else { continue }
            shares.append(ShareStatement(percent: f.id, part: part, base: amounts[0], baseParts: amounts))
        }
    }
}
