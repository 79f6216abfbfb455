import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Passes: the fiscal year (reads year mentions, the title) and each fact's year (reads facts,
/// year mentions, section paths; writes `Fact.year`, `Fact.yearSource`).
extension ExtractionState {
    // MARK: years

    func resolveFiscalYear(override: Int?) {
        // (a title broken over lines is read from its first line: "关于临溪区2024年预算执行情况⏎和2025年…")
        if let t = doc.titleParagraph {
            for q in TitleLines.of(t, in: doc.paragraphs, vocabulary: vocabulary) {
                // (of a range, its last year: "2023—2024年采暖期…" reports on the season ending in 2024)
                if let y = paragraphYears[q].first(where: { !$0.quoted && $0.form != .relative && $0.form != .date && $0.form != .rangeEnd })?.year { titleYear = y; break }
            }
        }
        if let override {
            fiscalYear = override
            fiscalYearSource = "option"
            return
        }
        // without a title year, the text naming itself ("现将2018年财政决算情况报告如下") settles a tie
        // between the years it names most and the years after those it compares with
        var selfNamed: Int?
        if titleYear == nil {
            let leads = vocabulary[.selfReferenceLeads], ends = vocabulary[.selfReferenceEnds]
            var named = Set<Int>()
            var leadless = Set<Int>()  // paragraphs without a lead: most, asked once each
            for (p, m) in years where p != doc.titleParagraph && !m.quoted && (m.form == .year || m.form == .fiscalYear) && !leadless.contains(p) {
                let paragraph = doc.paragraphs[p]
                guard leads.firstMatch(in: paragraph.text.scalars) != nil else { leadless.insert(p); continue }
                let sentences = paragraph.sentences
                var lo = 0, hi = sentences.count
                while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].upperBound <= m.range.lowerBound { lo = mid + 1 } else { hi = mid } }
                guard lo < sentences.count, sentences[lo].contains(m.range.lowerBound) else { continue }
                if SelfReference.namesItself(paragraph.text.scalars, m.range, within: sentences[lo], leads, ends) { named.insert(m.year) }
            }
            if named.count == 1 { selfNamed = named.first }
        }
        // the most frequent year of the body (the title, documents' own dates and quoted titles aside)
        var counts = [Int: Int](), compared = [Int: Int](), ownMatters = [Int: Int]()
        let otherMatters = vocabulary[.otherYearsMatters]
        // per clause: "2023年度收入合计A，…，主要原因是上年年初结转资金B" speaks of 2023's own matters in
        // its first clause, whatever a later one says of carry-overs
        for (p, m) in years where p != doc.titleParagraph && !m.quoted && m.form != .relative && m.form != .date && m.form != .rangeEnd {
            // "比2023年预算减少…", "与2023年相比": a year compared with is not the report's year but
            // speaks for the year after it, the one compared
            if comparedYear(doc.paragraphs[p].text.scalars, m.range) {
                if m.form == .year || m.form == .fiscalYear { compared[m.year + 1, default: 0] += 1 }
                continue
            }
            counts[m.year, default: 0] += 1
            let text = doc.paragraphs[p].text.scalars
            var start = m.range.lowerBound, end = m.range.upperBound
            // (a clause is short: a bounded walk)
            func ends(_ c: Unicode.Scalar) -> Bool { CharClass.isClauseBreak(c) || c == "。" || c == "\n" }
            while start > 0 && m.range.lowerBound - start < 80 && !ends(text[start - 1]) { start -= 1 }
            while end < text.count && end - m.range.upperBound < 80 && !ends(text[end]) { end += 1 }
            if otherMatters.firstMatch(in: text, from: start, before: end) == nil { ownMatters[m.year, default: 0] += 1 }
        }
        // ties go to the later year: a report compares its year with the one before
        let body = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key })
        if let y = titleYear {
            // a title year the body never uses (or, next to the body's year, once for three of
            // that), against a body that keeps naming another year: the title is the slip; report
            // on the body's year. (Twice is enough for a body that never names the title's year,
            // outside paragraphs on other years' matters: a short 自评表 names its year in a line
            // under the title and in a cell.)
            let own = counts[y, default: 0]
            if let b = body, b.key != y, b.value >= 3 || (own == 0 && ownMatters[b.key, default: 0] >= 2),
               own == 0 || (abs(b.key - y) == 1 && own * 3 <= b.value) {
                fiscalYear = b.key
                fiscalYearSource = "body"
                return
            }
            fiscalYear = y
            fiscalYearSource = "title"
            return
        }
        // with no title year, the years compared with vote too (a text naming its year once and
        // comparing with the year before names two years as often)
        if let y = selfNamed, let b = body, b.key == y {
            fiscalYear = y
            fiscalYearSource = "body"
            return
        }
        let voted = counts.merging(compared, uniquingKeysWith: +)
        if let b = voted.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }) {
            fiscalYear = b.key
            fiscalYearSource = "body"
        }
    }

    func resolveYears() {
        // Per paragraph, once (not once per fact: a paragraph of many figures and years was
        // quadratic): its usable and clause-opening year mentions; when they are in text order,
        // binary searches find a fact's candidates.
        var paragraphCache: (p: Int, usable: [YearMention], governing: [YearMention], ordered: Bool, bracketEnds: [Int: Int], dateStops: [Int])?
        var sectionYears = [[Int]: Int?]()
        for k in facts.indices {
            switch facts[k].place {
            case .text(let p, let s, _):
                // ("较上年末4,856户8,842人": the second count of one thing has the first's year)
                if k > 0, case .text(p, s, _) = facts[k - 1].place, facts[k].countsAgain(facts[k - 1]) {
                    facts[k].year = facts[k - 1].year
                    facts[k].yearSource = facts[k - 1].yearSource
                    continue
                }
                let text = doc.paragraphs[p].text
                let sentence = doc.paragraphs[p].sentences.indices.contains(s) ? doc.paragraphs[p].sentences[s] : 0..<text.count
                let start = facts[k].number.numberRange.lowerBound
                // the last year mention before the number in its sentence, then in the paragraph
                // a year inside the figure's own label dates it ("公务接待费2020年预算数…",
                // "结转至2023年1项"); otherwise the last year that opens a clause before it does
                // ("2022年全年预算数…", "截至2020年年末，…"), not one in passing ("是去年的两倍")
                let labelStart = start - facts[k].label.unicodeScalars.count
                if paragraphCache?.p != p {
                    let usable = paragraphYears[p].filter { !$0.quoted && $0.form != .date && $0.form != .rangeEnd }
                    var governing = [YearMention]()
                    // ("2023年度相比，减少…": a year compared with governs nothing after it)
                    // ("…；上年末资产总额A、负债总额B，资产负债率P%", "下年度计划…": a year before or after this one opening a clause
                    // governs what follows up to the end of its "；" part, not past it)
                    var relativeEnds = [Int: Int](), comparingSentenceEnds = [Int: Int]()
                    // (or up to the next year it names: "…，本年下降1.87个百分点")
                    for (n, m) in usable.enumerated() where opensClause(text.scalars, at: m.range.lowerBound) && !comparedYear(text.scalars, m.range) {
                        if m.form == .relative {
                            guard m.year != 0, fiscalYear != nil, !namesCarryIn(text.scalars, after: m.range.upperBound) else { continue }
                            let nextYear = usable[(n + 1)...].first { $0.range.lowerBound >= m.range.upperBound }?.range.lowerBound ?? text.scalars.count
                            relativeEnds[m.range.lowerBound] = Self.segmentEnd(text.scalars, after: m.range.upperBound, before: nextYear)
                        }
                        governing.append(m)
                    }
                    // ("2023年全县“三公”经费比2022年减少A，下降P%。从支出结构看，…": a sentence setting two years
                    // side by side dates nothing past its end) — one pass from the end, each mention asked once
                    let sentences = doc.paragraphs[p].sentences
                    var comparedAfter = -1  // the sentence holding the last compared year seen (walking back)
                    for m in usable.reversed() {
                        var lo = 0, hi = sentences.count
                        while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].upperBound <= m.range.lowerBound { lo = mid + 1 } else { hi = mid } }
                        guard lo < sentences.count, sentences[lo].contains(m.range.lowerBound), m.form != .relative else { continue }
                        if comparedYear(text.scalars, m.range) { comparedAfter = lo; continue }
                        if comparedAfter == lo { comparingSentenceEnds[m.range.lowerBound] = sentences[lo].upperBound }
                    }
                    let ordered = zip(usable, usable.dropFirst()).allSatisfy {
                        $0.range.lowerBound <= $1.range.lowerBound && $0.range.upperBound <= $1.range.upperBound
                    }
                    // ("路灯42,386盏（2022年底为27,246盏，…）；配电箱386台": a year inside brackets governs
                    // nothing past their close) — where each governing year's bracket closes
                    var bracketEnds = [Int: Int]()
                    for m in governing {
                        if let close = ScalarSearch.closingBracket(text.scalars, after: m.range.upperBound) { bracketEnds[m.range.lowerBound] = close }
                        // ("2023年登记的714例患者中，成功治疗652例，成功治疗率91.32%": a year that picks out a
                        // group governs its own clause only; the clauses after are of the group)
                        else if let end = groupClauseEnd(text.scalars, after: m.range.upperBound) { bracketEnds[m.range.lowerBound] = end }
                        if let end = relativeEnds[m.range.lowerBound] { bracketEnds[m.range.lowerBound] = min(end, bracketEnds[m.range.lowerBound] ?? end) }
                        // ("；2023年该项目支出A，本年支出同比增长P%": the year before stated as the base the next
                        // clause compares this year with governs its own clause only)
                        else if bracketEnds[m.range.lowerBound] == nil, let end = comparedBaseClauseEnd(text.scalars, m) { bracketEnds[m.range.lowerBound] = end }
                        else if bracketEnds[m.range.lowerBound] == nil, let end = comparingSentenceEnds[m.range.lowerBound] { bracketEnds[m.range.lowerBound] = end }
                    }
                    // ("2023年发行9,000万元，…；2024年3月发行6,000万元": a date opening a clause ends the reach of
                    // the years before it, though it dates nothing itself — money of the year may be paid after it)
                    let dateStops = paragraphYears[p].filter { $0.form == .date && !$0.quoted && opensClause(text.scalars, at: $0.range.lowerBound) }
                        .map(\.range.lowerBound)
                    paragraphCache = (p, usable, governing, ordered, bracketEnds, dateStops)
                }
                let (_, allUsable, allGoverning, ordered, bracketEnds, dateStops) = paragraphCache!
                // "上年结转126.40万元" names this year's carried-in funds: 上年 there is part of the name
                // "较上年减少19万元", "比2019年同期增收": a change is this year's; the year it names is
                // the one compared with
                let isChange = facts[k].change != 0
                // in text order, the mentions inside the label are one stretch, and the governing
                // ones before the number a prefix
                var usable = allUsable[...], governing = allGoverning[...]
                if ordered {
                    let from = Self.firstIndex(allUsable) { $0.range.lowerBound >= labelStart }
                    usable = allUsable[from..<max(from, Self.firstIndex(allUsable) { $0.range.upperBound > start })]
                    governing = allGoverning[..<Self.firstIndex(allGoverning) { $0.range.upperBound > start }]
                }
                // (years in brackets closed before the figure, the last ones: popped, not filtered)
                while let m = governing.last, let close = bracketEnds[m.range.lowerBound], close <= start { governing = governing.dropLast() }
                if let m = governing.last, dateStops.contains(where: { $0 >= m.range.upperBound && $0 < start }) { governing = [] }
                // (a change is this year's: "；上年支出A，本年增加B" — B is no change of the year before)
                while isChange, let m = governing.last, m.form == .relative { governing = governing.dropLast() }
                // (a loop, not a filter: a closure calling this state's methods copied the state)
                var inLabel = [YearMention]()
                for m in usable where m.range.lowerBound >= labelStart && m.range.upperBound <= start
                    && !(m.form == .relative && namesCarryIn(text.scalars, after: m.range.upperBound))
                    && !(m.form == .relative && m.year > 0 && namesCarryOut(text.scalars, before: m.range.lowerBound))
                    // ("经市政府同意结转2024年继续用于消费券发放A" in a 2023 report: where A goes, not its year)
                    && !(m.form != .relative && fiscalYear.map({ m.year > $0 }) == true && namesCarryOut(text.scalars, before: m.range.lowerBound))
                    && !(isChange && comparedYear(text.scalars, m.range)) { inLabel.append(m) }
                if let m = inLabel.last(where: { $0.form != .relative }) ?? inLabel.last {
                    facts[k].year = m.form == .relative ? fiscalYear.map { $0 + m.year } : m.year
                    facts[k].yearSource = .clause
                } else if let m = Self.last(governing, { $0.range.upperBound <= start && $0.range.lowerBound >= sentence.lowerBound }, ordered) {
                    facts[k].year = m.form == .relative ? fiscalYear.map { $0 + m.year } : m.year
                    facts[k].yearSource = .sentence
                } else if let m = Self.last(governing, { $0.range.upperBound <= start }, ordered) {
                    facts[k].year = m.form == .relative ? fiscalYear.map { $0 + m.year } : m.year
                    facts[k].yearSource = .paragraph
                } else {
                    // the section's year, found once per section (no closure: one calling this
                    // state's methods copied the state)
                    let path = doc.paragraphs[p].sectionPath
                    let y: Int?
                    if let known = sectionYears[path] { y = known } else { y = sectionYear(path); sectionYears[path] = y }
                    if let y {
                        facts[k].year = y
                        facts[k].yearSource = .section
                    } else {
                        facts[k].year = fiscalYear
                        facts[k].yearSource = .document
                    }
                }
            case .cell(let t, _, _):
                if facts[k].year == nil {
                    facts[k].year = sectionYear(doc.tables[t].sectionPath) ?? fiscalYear
                    facts[k].yearSource = facts[k].year == fiscalYear ? .document : .section
                }
            }
        }
    }

    /// "2022年至2024年分别到位A、B和C", "2022年、2023年分别为A、B": years listed (or a range of them) right
    /// before a distributive word date the figures after it one by one, when there are as many figures
    /// as years, in one sentence, joined by list marks only.
    func distributeListedYears() {
        let distributive = vocabulary[.distributiveMarkers], ranges = vocabulary[.yearRangeJoiners], joiners = vocabulary[.yearListJoiners]
        for p in doc.paragraphs.indices {
            let mentions = paragraphYears[p].filter { !$0.quoted && ($0.form == .year || $0.form == .fiscalYear) }
            guard mentions.count >= 2 else { continue }
            let s = doc.paragraphs[p].text.scalars
            func gap(_ a: Range<Int>, _ b: Range<Int>) -> ArraySlice<Unicode.Scalar> { a.upperBound <= b.lowerBound ? s[a.upperBound..<b.lowerBound] : [] }
            var i = 0
            while i < mentions.count {
                // the run of years from mention i
                var years = [mentions[i].year]
                var j = i
                while j + 1 < mentions.count {
                    let g = Array(gap(mentions[j].range, mentions[j + 1].range))
                    if !g.isEmpty, ranges.prefixLength(g, at: 0) == g.count, mentions[j + 1].year > years.last!, mentions[j + 1].year - years.last! <= 5 {
                        years += Array((years.last! + 1)...mentions[j + 1].year)
                    } else if !g.isEmpty, joiners.prefixLength(g, at: 0) == g.count, mentions[j + 1].year > years.last! {
                        years.append(mentions[j + 1].year)
                    } else {
                        break
                    }
                    j += 1
                }
                defer { i = j + 1 }
                guard years.count >= 2 else { continue }
                let end = mentions[j].range.upperBound
                guard let marker = distributive.firstMatch(in: s, from: end, before: min(s.count, end + 8)) else { continue }
                let after = marker.start + marker.length
                // (the paragraph's facts are in text order: a binary search, not a pass per run of years)
                let all = paragraphFacts[p]
                let from = firstFact(in: all, at: after)
                guard all.count - from >= years.count, case .text(_, let sentence, _) = facts[all[from]].place else { continue }
                let run = Array(all[from..<(from + years.count)])
                let first = facts[run[0]]
                guard run.allSatisfy({ id in
                    if case .text(_, sentence, _) = facts[id].place { return facts[id].kind.sameFamily(as: first.kind) && facts[id].change == 0 }
                    return false
                }) else { continue }
                // joined by list marks only ("A、B和C"), and no more figures joined so after them
                func joinedByMark(_ a: Int, _ b: Int) -> Bool {
                    let g = Array(gap(facts[a].number.range, facts[b].number.numberRange))
                    return !g.isEmpty && joiners.prefixLength(g, at: 0) == g.count
                }
                guard zip(run, run.dropFirst()).allSatisfy(joinedByMark) else { continue }
                if from + years.count < all.count, joinedByMark(run.last!, all[from + years.count]) { continue }
                for (id, year) in zip(run, years) {
                    facts[id].year = year
                    facts[id].yearSource = .clause
                }
            }
        }
    }

    /// The end of the clause a year before the fiscal one governs when the next clause of its sentence
    /// opens with this year's word and compares with the year before.
    func comparedBaseClauseEnd(_ s: [Unicode.Scalar], _ m: YearMention) -> Int? {
        guard let fy = fiscalYear, m.year == fy - 1, m.form != .relative else { return nil }
        return ComparedClause.end(s, after: m.range.upperBound, vocabulary: vocabulary)
    }

    /// Where the "；" part (or sentence) a clause at `index` stands in ends, or `limit` when it ends
    /// later (callers that stop at a limit anyway keep their scans from overlapping: linear per paragraph).
    static func segmentEnd(_ s: [Unicode.Scalar], after index: Int, before limit: Int = .max) -> Int {
        let limit = min(limit, s.count)
        var k = max(0, index)
        while k < limit && s[k] != "；" && s[k] != ";" && s[k] != "。" && s[k] != "\n" { k += 1 }
        return k
    }

    /// The first index whose element satisfies `test`, in an array where it holds from some index on.
    static func firstIndex(_ mentions: [YearMention], _ test: (YearMention) -> Bool) -> Int {
        var lo = 0, hi = mentions.count
        while lo < hi { let mid = (lo + hi) / 2; if test(mentions[mid]) { hi = mid } else { lo = mid + 1 } }
        return lo
    }

    /// The last mention that passes `test`; in text order only the last one need be tried (`test`
    /// holds for a stretch that ends the slice, or nowhere).
    static func last(_ mentions: ArraySlice<YearMention>, _ test: (YearMention) -> Bool, _ ordered: Bool) -> YearMention? {
        if ordered { return mentions.last.flatMap { test($0) ? $0 : nil } }
        return mentions.last(where: test)
    }

    /// A year that opens its clause: nothing but white space, quotes or a time preposition
    /// (截至 / 截止 / 在 / 于 / 到 / 自 / 从) between it and the clause start.
    /// Where the clause after a year ends, when it picks out a group: it holds an attributive ending
    /// (的) and ends in an among word ("登记的714例肺结核患者中，"): the index of its break.
    func groupClauseEnd(_ s: [Unicode.Scalar], after index: Int) -> Int? {
        var k = index
        while k < s.count && k - index < 60 && !CharClass.isClauseBreak(s[k]) && s[k] != "。" { k += 1 }
        guard k < s.count, k - index < 60, CharClass.isClauseBreak(s[k]) || s[k] == "。" else { return nil }
        let clause = s[index..<k]
        guard vocabulary[.attributiveEndings].firstMatch(in: s, from: index, before: k) != nil,
              vocabulary[.amongEndings].words.contains(where: { w in clause.reversed().starts(with: w.unicodeScalars.reversed()) }) else { return nil }
        return k
    }

    func opensClause(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        var k = index - 1
        var before = [Unicode.Scalar]()
        while k >= 0 && !Labels.clauseBoundaries.contains(s[k]) && s[k] != "：" && s[k] != ":" && s[k] != "（" && s[k] != "(" {
            if !CharClass.isWhitespace(s[k]) && s[k] != "“" && s[k] != "”" { before.insert(s[k], at: 0) }
            k -= 1
            if before.count > 4 { return false }
        }
        return before.isEmpty || vocabulary[.yearLeadWords].contains(ScalarString.make(before))
    }

    /// 结转 / 结余 / 末结转 right after a relative year: "上年结转", "上年末结余" name a part of this
    /// year's funds, not last year's figure.
    func namesCarryIn(_ s: [Unicode.Scalar], after index: Int) -> Bool {
        vocabulary[.carryInAfterYear].prefixLength(s, at: index) > 0
    }

    /// 结转 / 转入 right before 下年: "结转下年支出" is this year's funds carried out, not next year's.
    func namesCarryOut(_ s: [Unicode.Scalar], before index: Int) -> Bool {
        vocabulary[.carryOutBeforeYear].suffixLength(s, endingAt: index) > 0
    }

    /// A year right after 比 / 较 / 与 / 同 / 于 (a comparison or a past event), or right before the
    /// closer of a comparison whose 与 the text left out ("2023年度相比，减少…", "2022年末相比").
    func comparedYear(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k > 0 && CharClass.isWhitespace(s[k - 1]) { k -= 1 }
        if vocabulary[.comparedYearMarkers].suffixLength(s, endingAt: k) > 0 { return true }
        let closers = labels.comparisonClosers
        // ("…支出进度97.79%；2023年同期支出A，支出进度为P%": the same period of the year before, the base compared with)
        if vocabulary[.samePeriodWords].prefixLength(s, at: range.upperBound) > 0 { return true }
        // the closer right after the year, or after one more character of it (年度, 年末, 年底)
        return closers.prefixLength(s, at: range.upperBound) > 0 || closers.prefixLength(s, at: range.upperBound + 1) > 0
    }

    /// The year of a section: the first year its heading's title names (not the body a heading
    /// paragraph runs on into: "1.收入382.17万元，为…资金。…二是2020年下拨了…" is no 2020 section).
    func sectionYear(_ path: [Int]) -> Int? {
        for p in path.reversed() {
            let titleEnd = doc.paragraphs[p].heading.map { $0.titleRange.upperBound } ?? Int.max
            if let y = paragraphYears[p].first(where: { $0.range.lowerBound < titleEnd
                && !$0.quoted && $0.form != .relative && $0.form != .date && $0.form != .rangeEnd
                && !comparedYear(doc.paragraphs[p].text.scalars, $0.range) }) {
                return y.year
            }
        }
        return nil
    }

}

/// "现将2018年财政决算情况报告如下": the clause in which a text names itself. Its year is the
/// report's own, as a title's is (an excerpt without its title often opens so).
public enum SelfReference {
    /// A lead (现将) before the year in its clause and an ending (如下) after it in its sentence.
    public static func namesItself(_ s: [Unicode.Scalar], _ mention: Range<Int>, within sentence: Range<Int>, _ leads: WordSet, _ ends: WordSet) -> Bool {
        guard !leads.isEmpty, !ends.isEmpty else { return false }
        var k = mention.lowerBound
        while k > sentence.lowerBound && !"，,；;：:".unicodeScalars.contains(s[k - 1]) { k -= 1 }
        return leads.occurs(in: ScalarString.make(s[k..<mention.lowerBound]))
            && ends.occurs(in: ScalarString.make(s[mention.upperBound..<max(mention.upperBound, sentence.upperBound)]))
    }
}

/// The report's subject as its title names it after the year ("2023年度部门整体支出绩效自评报告":
/// 部门整体支出), which a body sentence may name again under its own year.
public enum TitleSubject {
    /// How many characters after the year name the subject.
    public static let length = 6

    /// The position after a year mention and the "度" of "年度", spaces skipped.
    public static func afterYear(_ s: [Unicode.Scalar], _ end: Int) -> Int {
        var k = end
        while k < s.count && (s[k] == " " || s[k] == "\u{3000}") { k += 1 }
        if k < s.count && s[k] == "度" { k += 1 }
        while k < s.count && (s[k] == " " || s[k] == "\u{3000}") { k += 1 }
        return k
    }
}

/// A year before the report's stated as the base the clause after it compares this year with.
public enum ComparedClause {
    static let maxClause = 400
    /// "2023年该项目支出A，本年支出同比增长P%", "2023年支出A，本年增加B": where the clause after `index` ends, when
    /// the next one opens with this year's word (`report_year_words`) and compares (a comparison word in
    /// its "；" part, or a change word right in its clause).
    public static func end(_ s: [Unicode.Scalar], after index: Int, vocabulary: Vocabulary) -> Int? {
        // (a clause, or the "；" part after it, longer than any a report writes is no such base: the
        // scans stop there, so a paragraph of many years and no punctuation stays linear)
        let clauseLimit = min(s.count, index + maxClause)
        var k = index
        while k < clauseLimit && !CharClass.isClauseBreak(s[k]) && s[k] != "。" && s[k] != "\n" { k += 1 }
        guard k + 1 < s.count, CharClass.isClauseBreak(s[k]), case let lead = vocabulary[.reportYearWords].prefixLength(s, at: k + 1), lead > 0 else { return nil }
        let partEnd = ExtractionState.segmentEnd(s, after: k + 1, before: k + 1 + maxClause)
        if vocabulary[.yearComparisons].firstMatch(in: s, from: k + 1, before: partEnd) != nil { return k }
        var clauseEnd = k + 1
        while clauseEnd < partEnd && !CharClass.isClauseBreak(s[clauseEnd]) { clauseEnd += 1 }
        return vocabulary[.bareChangeWords].firstMatch(in: s, from: k + 1 + lead, before: clauseEnd) != nil ? k : nil
    }
}
