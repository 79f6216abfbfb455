import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: concepts inherited from context (a list's whole, a sentence's subject, a sibling). Reads
/// facts and groups; writes `Fact.concept`, `Fact.measureSource`.
extension ExtractionState {
    func inheritMeasures() {
        nameWrittenProducts()
        let jointBudgets = vocabulary[.jointBudgetTotals]
        for g in groups {
            let whole = facts[g.whole]
            guard whole.kind.isMoney, let measure = whole.concept.measure else { continue }
            // "收支总预算T。收入包括：…；支出包括：…": a side's parts are its revenues or its spending, not
            // the budget's measure
            if g.marker == .baokuo && jointBudgets.occurs(in: whole.label) { continue }
            for pid in g.parts where facts[pid].kind.isMoney && !facts[pid].concept.explicitMeasure {
                facts[pid].concept.measure = measure
                facts[pid].measureSource = .inherited
                // ("项目年初预算A，其中中央a、省级b…；年中省级追加c": the parts of a start-of-year budget are
                // start-of-year budgets, not the year's)
                if facts[pid].concept.qualifier == nil, let q = whole.concept.qualifier, measure == "budget" { facts[pid].concept.qualifier = q }
            }
            // "上年结转A（含甲结转a、乙结转b）": a part named by the last word of the whole's measure (结转 of
            // 上年结转) is of the whole's measure
            for pid in g.parts where facts[pid].kind.isMoney && facts[pid].concept.explicitMeasure && namesLastWordOfMeasure(facts[pid], of: whole) {
                facts[pid].concept.measure = measure
                facts[pid].measureSource = .inherited
            }
        }
        // "如英才荟项目，2020年年初预算340万，…": a sentence that opens with a clause naming a
        // subject, and no number, is about that subject
        for p in doc.paragraphs {
            for (s, range) in p.sentences.enumerated() {
                guard let subject = openingSubject(p.text, range) else { continue }
                for id in facts(paragraph: p.index, sentence: s) {
                    let c = facts[id].concept
                    guard c.scope.isEmpty, c.item == "total" || (c.item == nil && facts[id].kind.isMoney) else { continue }
                    guard facts[id].number.numberRange.lowerBound > range.lowerBound + subject.count else { continue }
                    facts[id].concept.item = nil
                    facts[id].concept.scope = subject
                }
            }
        }
        // a paragraph about one project: "2017年度…整治改造补助资金预算总额为59000万元，…。2017年实际支出
        // 47317.66万元，结余资金11682.34万元。" — the bare measures after the project's first figure are
        // its own, when the paragraph names no other subject and states no department-wide figure
        // of their measures before them
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph].filter { facts[$0].kind.isMoney }
            guard let first = ids.first else { continue }
            let c = facts[first].concept
            guard c.item == nil, c.scope.unicodeScalars.count >= 4, c.explicitMeasure, let measure = c.measure else { continue }
            // (until the paragraph names another subject: "…本年收支结余4091亿元。其中，基本养老保险费收入…")
            var seenMeasures: Set<String> = [measure]
            for id in ids.dropFirst() {
                let f = facts[id].concept
                if !f.scope.isEmpty && f.scope != c.scope { break }
                guard f.item == "total", f.scope.isEmpty, f.explicitMeasure, f.rate == nil, let m = f.measure, !isGrouped(id) else { continue }
                guard !seenMeasures.contains(m) else { break }
                seenMeasures.insert(m)
                facts[id].concept.item = nil
                facts[id].concept.scope = c.scope
                facts[id].measureSource = .sibling
            }
        }
        // a bare measure ("账面金额1.08万元", "实际支出3.56万元") is about the subject of the clause
        // before it in the sentence ("闲置资产共有3件，…", "公务用车…预算数为3.67万元，…")
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph]
            for (n, id) in ids.enumerated() where facts[id].kind.isMoney {
                let c = facts[id].concept
                // (a list's whole too: "“三公”经费年初预算为22.00万元，支出决算为8.77万元，其中：…";
                // not a grand total: "…，加上解支出等63.25亿元，总支出595.45亿元")
                guard c.item == "total", c.scope.isEmpty, c.explicitMeasure, c.rate == nil,
                      !vocabulary[.grandTotalNames].isPrefix(of: facts[id].head),
                      // ("…，尚有36万元未到位；加上上年结转资金60万元": what is added to the whole is no part of that clause)
                      !vocabulary[.additionMarkers].isPrefix(of: facts[id].label) else { continue }
                let sentence = sentenceIndex(of: facts[id])
                _ = n
                let inSentence = facts(paragraph: paragraph, sentence: sentence)
                guard let at = inSentence.firstIndex(of: id),
                      // (not the figure a comparison is with: "…，较2023年的A增长P%，结余B" — B is not A's)
                      var previous = inSentence[..<at].last(where: { facts[$0].kind != .percent && !facts[$0].number.inRange
                                                                     && !(facts[$0].comparesYears && facts[$0].change == 0) })
                        // ("河道清淤整治项目执行率仅91.50%，年末结转资金43.53万元": or a rate opening the sentence that
                        // names its subject)
                        ?? inSentence[..<at].first(where: { facts[$0].kind == .percent && facts[$0].concept.rate != nil && !facts[$0].concept.scope.isEmpty
                                                           && facts[$0].change == 0 && !facts[$0].comparesYears }) else { continue }
                // after a list ("收入A，其中保险费收入B，补贴收入C；支出D"), the subject is the list's
                // whole, not its last part
                // (unless that part opens the "；" part of the sentence both stand in: "…；县级配套资金应到位a，
                // 实际到位b" is about 县级配套资金)
                if let g = groupOfPart[previous], !groups[g].parts.contains(id) {
                    let s = doc.paragraphs[paragraph].text.scalars
                    let segment = Self.semicolonSegment(s, around: facts[previous].number.numberRange.lowerBound)
                    let opensSegment = segment.lowerBound > 0 && (s[segment.lowerBound - 1] == "；" || s[segment.lowerBound - 1] == ";")
                        && segment.contains(facts[id].number.numberRange.lowerBound)
                        && !inSentence[..<at].contains { $0 != previous && segment.contains(facts[$0].number.numberRange.lowerBound) && facts[$0].kind != .percent }
                    if !opensSegment { previous = groups[g].whole }
                }
                var pc = facts[previous].concept
                // ("共实施4个项目，全年预算数合计A": a count of things the lexicon names as an item, opening
                // the sentence, makes the figures after it that item's)
                // (the count opening its sentence: "…资金A安排用于…等7个项目，已支出B" is still about A)
                let counted = pc.item == nil && inSentence.first == previous ? countedItem(previous, in: paragraph) : nil
                if let counted { pc.item = counted; pc.scope = "" }
                // ("县级追加2.00万元，调整后全年预算为214.50万元": the whole's, after its parts; but "4个项目，
                // 全年预算数合计A" is the year's of those things)
                if counted == nil && vocabulary[.wholeScopeOpeners].isPrefix(of: facts[id].label) { continue }
                guard (pc.item != nil && pc.item != "total") || !pc.scope.isEmpty else { continue }
                // ("…，县级配套尚有63.56万元未到位；累计实际支出A": a figure whose measure comes after it lends
                // its subject to nothing past the "；")
                if pc.measure == nil {
                    let s = doc.paragraphs[paragraph].text.scalars
                    if !Self.semicolonSegment(s, around: facts[id].number.numberRange.lowerBound).contains(facts[previous].number.numberRange.lowerBound) { continue }
                }
                // a list's whole named as a total ("…(包括…，结转下年0.36亿元)，支出合计100.64亿元"), or
                // after a bracketed aside, is not about the figure before it
                if groupsOfWhole[id] != nil && (labels.totalWords.occurs(in: facts[id].label)
                    || facts[previous].number.parenDepth > facts[id].number.parenDepth) { continue }
                if (groupsOfWhole[previous] ?? []).contains(where: { groups[$0].parts.contains(id) }) { continue }
                facts[id].concept.item = pc.item == "total" ? nil : pc.item
                facts[id].concept.scope = pc.scope
                facts[id].measureSource = .sibling
            }
        }
        // a sentence whose figures name one item: its department-wide figures of other measures are
        // of that item too (before bare rates are bound below, so a rate finds its figures agreeing)
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph].filter { facts[$0].kind.isMoney }
            let bySentence = Dictionary(grouping: ids) { ExtractionState.sentence(of: facts[$0]) }
            for (_, members) in bySentence {
                let itemed = members.filter { let c = facts[$0].concept; return c.explicitMeasure && c.item != nil && c.item != "total" && c.scope.isEmpty }
                let items = Set(itemed.map { facts[$0].concept.item! })
                guard items.count == 1, let item = items.first else { continue }
                let itemedMeasures = Set(itemed.compactMap { facts[$0].concept.measure })
                // "采购计划金额A，实际采购金额B，节约资金C": a figure whose label names a piece of the
                // item's own phrase (采购 of 实际采购, 政府采购) and nothing else is of that item too
                let phrases = lexicon.items.first(where: { $0.id == item })?.phrases ?? []
                func namesPieceOfItem(_ c: Lexicon.Resolution) -> Bool {
                    c.item == nil && c.scope.unicodeScalars.count >= 2 && phrases.contains { $0 != c.scope && $0.contains(c.scope) }
                }
                for id in members where (facts[id].concept.item == "total" || namesPieceOfItem(facts[id].concept)) && facts[id].concept.explicitMeasure {
                    guard let m = facts[id].concept.measure, !itemedMeasures.contains(m) else { continue }
                    // only when the sentence states no department-wide figure of that measure
                    facts[id].concept.item = item
                    facts[id].concept.scope = ""
                    facts[id].measureSource = .sibling
                }
            }
        }
        // "本年度财政拨款为150万元：执行数为125.25万元，完成预算的83.50%": a sum named by its source only,
        // before the one spending figure of a sentence that states its execution rate, is the budget
        // (each sentence read once, up to its third money figure: linear in a sentence of many rates)
        for paragraph in paragraphIndexes {
            var seen = Set<Int>()
            for id in paragraphFacts[paragraph] where facts[id].kind == .percent && facts[id].concept.rate == "execution" {
                guard seen.insert(sentenceIndex(of: facts[id])).inserted else { continue }
                var money = [Int]()
                for f in facts(paragraph: paragraph, sentence: sentenceIndex(of: facts[id])) {
                    if facts[f].kind.isMoney {
                        money.append(f)
                        if money.count > 2 { break }
                        continue
                    }
                    guard facts[f].kind == .percent && facts[f].concept.rate == "execution" else { continue }
                    guard money.count == 2 else { break }
                    let c0 = facts[money[0]].concept, c1 = facts[money[1]].concept
                    if c0.measure == nil && c0.item == nil && c0.scope.isEmpty && c0.rate == nil && c1.measure == "spend" {
                        facts[money[0]].concept.measure = "budget"
                        facts[money[0]].concept.item = c1.item
                        facts[money[0]].concept.scope = c1.scope
                        facts[money[0]].measureSource = .sibling
                    }
                    break
                }
            }
        }
        // "项目预算总指标…，实际支出…，预算执行率97.76%": a bare rate is about the sentence's item
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph]
            // per sentence, its money figures and their subjects, found once (a sentence of thousands
            // of rates stays linear)
            var sentenceMoney = [Int: (ids: [Int], subjects: Set<SubjectKey>)]()
            for id in ids where facts[id].kind == .percent && facts[id].concept.rate != nil && facts[id].concept.scope.isEmpty {
                // a bare rate, or one named by the broader item ("公用经费控制率" after 日常公用经费 figures)
                let rateItem = facts[id].concept.item ?? "total"
                let sentence = sentenceIndex(of: facts[id])
                let inSentence = facts(paragraph: paragraph, sentence: sentence)
                // (no closure over the state: one copied the whole state for each rate)
                let whole: (ids: [Int], subjects: Set<SubjectKey>)
                if let known = sentenceMoney[sentence] {
                    whole = known
                } else {
                    var money = [Int](), subjects = Set<SubjectKey>()
                    for m in inSentence where facts[m].kind.isMoney && facts[m].concept.measure != nil {
                        money.append(m)
                        subjects.insert(SubjectKey(item: facts[m].concept.item, scope: facts[m].concept.scope))
                    }
                    whole = (money, subjects)
                }
                sentenceMoney[sentence] = whole
                var money = whole.ids, subjects = whole.subjects
                // "A项目预算…，支出…，执行率98.5%；B项目预算…，支出…，执行率97.5%": each rate is
                // about the figures of its own "；" part
                let segment = ExtractionState.semicolonSegment(doc.paragraphs[paragraph].text.scalars, around: facts[id].number.numberRange.lowerBound)
                var own = [Int]()
                var rateBefore = segment.lowerBound - 1
                var k = firstFact(in: inSentence, at: segment.lowerBound)
                while k < inSentence.count, facts[inSentence[k]].number.numberRange.lowerBound < segment.upperBound {
                    let f = facts[inSentence[k]]
                    let p = f.number.numberRange.lowerBound
                    if f.kind.isMoney && f.concept.measure != nil && segment.contains(p) { own.append(inSentence[k]) }
                    if f.kind == .percent && p < facts[id].number.numberRange.lowerBound { rateBefore = max(rateBefore, p) }
                    k += 1
                }
                // "预算为22.00万元，支出决算为8.77万元，完成预算的39.86%，其中：…决算为0万元，完成预算的0%":
                // a rate after two figures of its own, since the rate before it, is about them
                let at = facts[id].number.numberRange.lowerBound
                let sinceRate = own.filter { m in
                    let p = facts[m].number.numberRange.lowerBound
                    return p < at && p > rateBefore
                }
                if sinceRate.count >= 2 && sinceRate.count < own.count { own = sinceRate }
                if own.count >= 2 {
                    money = own
                    subjects = Set(own.map { SubjectKey(item: facts[$0].concept.item, scope: facts[$0].concept.scope) })
                }
                // "项目投资估算E，…下达的项目资金A，项目实际使用资金B，资金结转C，资金使用率P%": the figures
                // right before the rate, of one subject, after one of another
                if subjects.count > 1 {
                    let before = money.filter { facts[$0].number.numberRange.lowerBound < at }
                    if let last = before.last {
                        let subject = SubjectKey(item: facts[last].concept.item, scope: facts[last].concept.scope)
                        let run = before.reversed().prefix { SubjectKey(item: facts[$0].concept.item, scope: facts[$0].concept.scope) == subject }
                        if run.count >= 2 && run.count < before.count && before.count == money.count {
                            money = Array(run)
                            subjects = [subject]
                        }
                    }
                }
                if money.count >= 2, subjects.count == 1, let subject = subjects.first, subject.item != "total" || !subject.scope.isEmpty,
                   rateItem == "total" || (subject.scope.isEmpty && subject.item?.hasPrefix(rateItem + ".") == true) {
                    facts[id].concept.item = subject.item
                    facts[id].concept.scope = subject.scope
                }
            }
        }
        // "实际到位资金A，县级配套到位a，到位率P%": a rate named by its phrase alone, one comma after a
        // figure of a subject of its own that is no list's part, is that subject's
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph]
            let s = doc.paragraphs[paragraph].text.scalars
            for (n, id) in ids.enumerated() where n > 0 && facts[id].kind == .percent && facts[id].concept.rate != nil
                && facts[id].concept.item == "total" && facts[id].concept.scope.isEmpty && facts[id].shareOf == nil {
                let before = facts[ids[n - 1]]
                guard before.kind.isMoney, before.concept.explicitMeasure, before.concept.item == nil, !before.concept.scope.isEmpty,
                      before.change == 0, !before.comparesYears,
                      // (or the one part a 其中 singles out: "累计支付A，其中县级资金支付a，支付率P%")
                      groupOfPart[ids[n - 1]].map({ groups[$0].parts.count == 1 }) ?? !listed.contains(ids[n - 1]),
                      lexicon.resolve(facts[id].head).rate == facts[id].concept.rate, lexicon.resolve(facts[id].head).scope.isEmpty,
                      // (nothing before the rate's name: "支付率仅为P%")
                      facts[id].label.hasPrefix(facts[id].head) else { continue }
                let between = before.number.range.upperBound..<facts[id].number.numberRange.lowerBound
                guard between.count <= 12, between.filter({ CharClass.isClauseBreak(s[$0]) }).count == 1,
                      between.contains(where: { s[$0] == "，" || s[$0] == "," }) else { continue }
                facts[id].concept.scope = before.concept.scope
                facts[id].concept.item = nil
            }
        }
        // "公务接待费支出决算为3.20万元，完成预算的80.00%": a rate worded as its figure's completion of
        // its own plan, right after a spending figure of one item, is about that item, wherever its
        // budget is stated (the sentence before, another paragraph)
        let attainment = vocabulary[.attainmentVerbs], ownPlans = vocabulary[.ownPlanNames]
        for paragraph in paragraphIndexes {
            let ids = paragraphFacts[paragraph]
            for (n, id) in ids.enumerated() where n > 0 && facts[id].kind == .percent && facts[id].concept.rate == "execution"
                && facts[id].concept.item == "total" && facts[id].concept.scope.isEmpty {
                let spent = facts[ids[n - 1]]
                guard spent.kind.isMoney, spent.concept.measure == "spend", spent.change == 0, !spent.comparesYears,
                      spent.concept.item != "total", spent.concept.item != nil || !spent.concept.scope.isEmpty,
                      sentenceIndex(of: spent) == sentenceIndex(of: facts[id]),
                      let verb = attainment.prefix(of: facts[id].head),
                      ownPlans.contains(String(facts[id].head.unicodeScalars.dropFirst(verb.unicodeScalars.count))) else { continue }
                facts[id].concept.item = spent.concept.item
                facts[id].concept.scope = spent.concept.scope
            }
        }
        // a part of a list cannot be the department's total: "其中…，账面金额59.33万元"
        for (n, g) in groups.enumerated() {
            // (but the pieces a department's budget is made of are the department's: "部门预算A，其中：年初预算a，
            // 年中追加预算b" — its initial budget, its adjustments, the funds carried in)
            let w = facts[g.whole].concept
            let wholeBudget = w.measure == "budget" && w.qualifier == nil && w.item == "total" && w.scope.isEmpty
            for pid in g.parts where facts[pid].concept.item == "total" && facts[pid].concept.rate == nil {
                let c = facts[pid].concept
                if wholeBudget && c.explicitMeasure && ((c.measure == "budget" && c.qualifier != nil) || c.measure == "adjust" || c.measure == "carryin") { continue }
                facts[pid].concept.item = nil
                // a part with no name of its own: a scope that names no figure elsewhere, not even a
                // part of another list ("总收入A，其中一般公共预算收入a；总支出B，其中一般公共预算支出b；
                // 结余C，其中结转下年c": a, b and c are no revenue, spending and balance of one subject)
                facts[pid].concept.scope = facts[pid].concept.scope.isEmpty ? "#part\(n)" : facts[pid].concept.scope
            }
        }
    }

    /// The subject named by a sentence's first clause when it holds no number: "如英才荟项目，…",
    /// "以投资推广项目为例，…", "英才荟专项：…".
    func openingSubject(_ text: TextRun, _ range: Range<Int>) -> String? {
        let s = text.scalars
        var end = range.lowerBound
        while end < range.upperBound && !CharClass.isClauseBreak(s[end]) { end += 1 }
        guard end < range.upperBound, end - range.lowerBound >= 3, end - range.lowerBound <= 40 else { return nil }
        if let subject = subjectBeforeReason(s, from: range.lowerBound, to: end) { return subject }
        var clause = text.string(range.lowerBound..<end)
        if clause.unicodeScalars.contains(where: CharClass.isDigit) { return nil }
        // "执行率最低的是甲项目，执行率仅P%，结转A": the subject after the words that single it out
        if let m = vocabulary[.subjectIntroducers].matches(in: s, from: range.lowerBound, before: end).last {
            clause = text.string((m.start + m.length)..<end)
        } else if end - range.lowerBound > 20 {
            return nil
        }
        var subject = vocabulary[.subjectClosers].droppingSuffix(vocabulary[.subjectOpeners].droppingPrefix(clause))
        if !vocabulary[.subjectNouns].isSuffix(of: subject) {
            // "但甲项目支出进度明显滞后，执行率仅P%": the name, then how its money goes
            let c = Array(subject.unicodeScalars)
            guard let m = vocabulary[.subjectNouns].matches(in: c, from: 0, before: c.count)
                .last(where: { vocabulary[.subjectStateWords].prefixLength(c, at: $0.start + $0.length) > 0 }) else { return nil }
            // (a name of its own: "本项目资金支出进度较快" is about the report's own project)
            guard m.start >= 2, vocabulary[.deicticWords].prefixLength(c, at: 0) == 0 else { return nil }
            subject = String(String.UnicodeScalarView(c[..<(m.start + m.length)]))
        }
        guard !subject.dropFirst().isEmpty, vocabulary[.subjectNouns].isSuffix(of: subject) else { return nil }
        return subject
    }

    /// "“一网通办”平台升级改造项目因设备采购延期至2025年1月验收，当年结余A": a first clause naming a
    /// subject (ending with a subject noun, no figure in the name) and then why its money went so
    /// (`subject_reason_words`): the reason may be long and hold dates. Not the report's own subject
    /// ("本项目因…").
    func subjectBeforeReason(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> String? {
        let reasons = vocabulary[.subjectReasonWords], nouns = vocabulary[.subjectNouns]
        guard let reason = reasons.firstMatch(in: s, from: start, before: end) else { return nil }
        let nameEnd = reason.start
        guard nouns.suffixLength(s, endingAt: nameEnd) > 0, !s[start..<nameEnd].contains(where: CharClass.isDigit) else { return nil }
        let name = vocabulary[.subjectOpeners].droppingPrefix(ScalarString.make(s[start..<nameEnd]))
        guard name.unicodeScalars.count >= 4, vocabulary[.deicticWords].prefixLength(Array(name.unicodeScalars), at: 0) == 0 else { return nil }
        return name
    }

    /// Shares: the part is the nearest figure before the percentage in its sentence; the base is
    /// the figure the text names after 占 in the same paragraph, or the whole of the part's list.

    /// "4个项目，": the item a count counts, when the words between its measure word and the end of its
    /// clause name nothing but a lexicon item.
    func countedItem(_ id: Int, in paragraph: Int) -> String? {
        guard facts[id].kind.measureWord != nil else { return nil }
        let s = doc.paragraphs[paragraph].text.scalars
        var end = facts[id].number.range.upperBound
        let start = end
        while end < s.count, end - start <= 6, CharClass.isHan(s[end]) { end += 1 }
        guard end > start, end - start <= 6, end == s.count || CharClass.isClauseBreak(s[end]) || s[end] == "。" else { return nil }
        let thing = lexicon.resolve(ScalarString.make(s[start..<end]))
        guard thing.measure == nil, thing.rate == nil, thing.scope.isEmpty, let item = thing.item, item != "total" else { return nil }
        return item
    }

    /// "实际开放总床日为520张×366天=190,320床日": what a label names is the product written after its first
    /// factor, not that factor: the product takes the label's concept.
    func nameWrittenProducts() {
        let times = vocabulary[.multiplicationSigns]
        for p in paragraphIndexes {
            let ids = paragraphFacts[p]
            guard ids.count >= 3 else { continue }
            let s = doc.paragraphs[p].text.scalars
            func joined(_ a: Int, _ b: Int, by isSign: ([Unicode.Scalar]) -> Bool) -> Bool {
                let from = facts[a].number.range.upperBound, to = facts[b].number.numberRange.lowerBound
                guard from < to, to - from <= 3 else { return false }
                return isSign(Array(s[from..<to].filter { !CharClass.isWhitespace($0) }))
            }
            var n = 0
            while n + 2 < ids.count {
                let first = ids[n]
                n += 1
                guard facts[first].concept.item != nil || facts[first].concept.measure != nil,
                      joined(first, ids[n], by: { times.contains(ScalarString.make($0)) }) else { continue }
                // the factors, then "=" and the product
                var k = n
                while k + 1 < ids.count, joined(ids[k], ids[k + 1], by: { times.contains(ScalarString.make($0)) }) { k += 1 }
                guard k + 1 < ids.count, joined(ids[k], ids[k + 1], by: { $0.count == 1 && ($0[0] == "=" || $0[0] == "＝") }) else { continue }
                let product = ids[k + 1]
                guard facts[product].concept.item == nil, facts[product].concept.measure == nil, facts[product].label.unicodeScalars.allSatisfy({ $0 == "=" || $0 == "＝" || CharClass.isWhitespace($0) }) else { continue }
                let concept = facts[first].concept
                facts[product].concept = concept
                facts[first].concept = facts[k].concept
                n = k + 2
            }
        }
    }
}
