import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules
import JXStructure

/// `kind = "year"`: years that contradict the report's fiscal year.
///  - title-vs-body: the title names another year than the body reports on;
///  - fiscal-statement: a statement about this year's budget, spending or evaluation dated to the
///    previous year, with nothing that makes it a comparison;
///  - same-figure-two-years: one figure given for the fiscal year in one place and for another year
///    elsewhere;
///  - mixed-years-in-relation: a relation that holds between figures dated to different years,
///    handed over by the formula check.
enum YearCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        switch rule.check {
        case "title-vs-body": titleVersusBody(rule, &context)
        case "fiscal-statement": fiscalStatement(rule, &context)
        case "same-figure-two-years": sameFigure(rule, &context)
        case "heading-vs-section": headingVersusSection(rule, &context)
        case "compared-with-itself": comparedWithItself(rule, &context)
        case "comparison-base": comparisonBase(rule, &context)
        case "change-columns": changeColumns(rule, &context)
        case "execution-columns": executionColumns(rule, &context)
        case "account-and-draft": accountAndDraft(rule, &context)
        case "title-repeated": repeatedTitle(rule, &context)
        case "alias": aliasYear(rule, &context)
        case "final-vs-execution": finalVersusExecution(rule, &context)
        default: break
        }
    }

    /// A line of a title the export broke: short, with no punctuation of running text.
    static func isTitleFragment(_ s: [Unicode.Scalar]) -> Bool { TitleLines.isFragment(s) }

    static func titleVersusBody(_ rule: Rule, _ context: inout CheckContext) {
        guard let title = context.facts.titleYear, let fiscal = context.facts.fiscalYear, let t = context.doc.titleParagraph else { return }
        // a title the export broke over two lines ("某区2023年预算执行情况和⏎2024年预算草案的报告")
        // that names two years reports on both
        let joiners = context.vocabulary[.nameJoiners], titleEndings = rule[.titleEndings]
        let paragraphs = context.doc.paragraphs
        // (or over three: "…关于2021年全州和州级⏎财政决算及2022年上半年预算⏎执行情况的报告"): a short line
        // beside it without punctuation is part of it
        let brokenWith = [t - 1, t + 1].filter { q in
            // (a numbered line is a heading of the body: "一、2023年…预算表" after the title)
            guard paragraphs.indices.contains(q), HeadingDetector.enumerator(paragraphs[q].text.scalars, at: 0) == nil else { return false }
            let first = q < t ? q : t
            return joiners.isSuffix(of: paragraphs[first].string)
                || (isTitleFragment(paragraphs[q].text.scalars) && !titleEndings.isSuffix(of: paragraphs[first].string))
        }
        if context.facts.years.contains(where: { brokenWith.contains($0.paragraph) && $0.mention.year != title && !$0.mention.quoted }) { return }
        // the body reports on another year: the fiscal year was read from it, or (the title kept) the
        // body never names the title's year while its figures are dated to the year next to it
        var bodyYear = fiscal
        if title == fiscal {
            // (a mention compared with, "较2022年", "由2022年的88.6%提高到…", is not the body's own year)
            let compared = context.vocabulary[.comparedYearMarkers], from = context.vocabulary[.changeFromMarkers]
            let own = context.facts.years.filter { p, m in
                // (the title's other line is the title: "岚川县2024年度…补助资金" ⏎ "项目绩效评价报告")
                guard p != t, !brokenWith.contains(p), m.year == title, !m.quoted, m.form != .relative else { return false }
                let s = context.doc.paragraphs[p].text.scalars
                return compared.suffixLength(s, endingAt: m.range.lowerBound) == 0 && from.suffixLength(s, endingAt: m.range.lowerBound) == 0
            }
            guard own.isEmpty else { return }
            // "我馆2023年度部门整体支出绩效自评总得分…" under "某馆2022年度部门整体支出绩效自评报告": the body names
            // the report's own subject under another year (and never the title's year); or else the body's
            // figures are dated to the year next to the title's
            guard let other = restatedSubjectYear(title: t, titleYear: title, context) ?? datedNeighbourYear(title: t, titleYear: title, context)
                    ?? asOfFollowingYearEnd(title: t, titleYear: title, rule, context) else { return }
            bodyYear = other
        }
        // (the year may stand on the title's other line: "梧溪县2022年度…专项资金" ⏎ "项目绩效评价报告")
        guard title != bodyYear,
              let mention = context.facts.years.first(where: { ($0.paragraph == t || brokenWith.contains($0.paragraph)) && $0.mention.year == title })
        else { return }
        // a budget plan for a year ("2019年…债务预算公开") states the year before's balances and execution
        // beside its own plan: the body naming the year before more often is no slip while it names
        // the plan's year too
        if bodyYear == title - 1 && isBudgetPlan(context)
            && context.facts.years.contains(where: { $0.paragraph != t && $0.mention.year == title && !$0.mention.quoted }) { return }
        let fy = bodyYear
        let paragraph = context.doc.paragraphs[mention.paragraph]
        guard let span = paragraph.text.span(mention.mention.range) else { return }
        let count = context.facts.years.filter { $0.mention.year == fy && !$0.mention.quoted }.count
        let titleCount = context.facts.years.filter { $0.mention.year == title && !$0.mention.quoted }.count
        let evidence = rule.evidence(.yearTitleVersusBody, [.titleYear: String(title), .fiscalYear: String(fy),
                                                            .fiscalCount: String(count), .titleCount: String(titleCount)])
        context.report(rule, span: span, evidence: evidence, key: "title-\(title)-\(fy)")
    }

    /// The year next to the title's that the body's figures are dated to, one only, and written out
    /// in the body (not only reached through "上年").
    static func datedNeighbourYear(title t: Int, titleYear title: Int, _ context: CheckContext) -> Int? {
        let dated = Set(context.facts.facts.compactMap { f -> Int? in
            guard f.kind.isMoney, !f.comparesYears, [.clause, .sentence, .paragraph].contains(f.yearSource), let y = f.year,
                  abs(y - title) == 1 else { return nil }
            return y
        })
        guard dated.count == 1, let other = dated.first,
              context.facts.years.contains(where: { $0.paragraph != t && $0.mention.year == other && $0.mention.form != .relative && !$0.mention.quoted }) else { return nil }
        return other
    }

    /// "截至2023年12月31日，项目资金到位…" under a title of 2022: the body states its figures as of the
    /// end of the year after the title's (and of no other year), which a report on the title's year
    /// cannot (a budget plan states the end of the year before its own).
    static func asOfFollowingYearEnd(title t: Int, titleYear title: Int, _ rule: Rule, _ context: CheckContext) -> Int? {
        guard !isBudgetPlan(context) else { return nil }
        let asOf = rule[.asOfWords]
        var ends = Set<Int>()
        for (p, m) in context.facts.years where p != t && !m.quoted && (m.form == .yearEnd || m.form == .date) {
            let s = context.doc.paragraphs[p].text.scalars
            guard m.form == .yearEnd || isYearEndDate(s, after: m.range.lowerBound) else { continue }
            var k = m.range.lowerBound
            while k > 0 && CharClass.isWhitespace(s[k - 1]) { k -= 1 }
            if asOf.suffixLength(s, endingAt: k) > 0 { ends.insert(m.year) }
        }
        return ends == [title + 1] ? title + 1 : nil
    }

    /// The year of a body mention followed by the title's words after its year (the report's own
    /// subject, `TitleSubject.length` characters), neither quoted nor compared with.
    static func restatedSubjectYear(title t: Int, titleYear: Int, _ context: CheckContext) -> Int? {
        let paragraphs = context.doc.paragraphs
        guard let m = context.facts.years.first(where: { $0.paragraph == t && $0.mention.year == titleYear })?.mention else { return nil }
        let title = paragraphs[t].text.scalars
        let start = TitleSubject.afterYear(title, m.range.upperBound)
        let length = TitleSubject.length
        guard start + length <= title.count, title[start..<(start + length)].allSatisfy(CharClass.isHan) else { return nil }
        let subject = title[start..<(start + length)]
        let markers = context.vocabulary[.comparedYearMarkers]
        for (p, mention) in context.facts.years where p != t && !mention.quoted && (mention.form == .year || mention.form == .fiscalYear) {
            let s = paragraphs[p].text.scalars
            let k = TitleSubject.afterYear(s, mention.range.upperBound)
            guard k + length <= s.count, s[k..<(k + length)].elementsEqual(subject),
                  markers.suffixLength(s, endingAt: mention.range.lowerBound) == 0 else { continue }
            return mention.year
        }
        return nil
    }

    static func fiscalStatement(_ rule: Rule, _ context: inout CheckContext) {
        // a budget plan (部门预算, 预算说明) describes the year before beside the coming one
        guard let fy = context.facts.fiscalYear, !isEvaluationResults(context) else { return }
        // a budget plan (部门预算, 预算说明) describes the year before beside the coming one: there only
        // a budget stated and compared with the year before ("2023年…预算数为…，同比下降19%") is the
        // plan's own, the prior year's budget being what it is compared with
        let plan = isBudgetPlan(context)
        let planBudgetWords = rule[.planBudgetWords], planActualWords = rule[.planActualWords], planComparisonWords = rule[.planComparisonWords]
        let planOwnWords = rule[.planOwnWords], planCaptionWords = rule[.planCaptionWords]
        // a year read from the body alone must clearly be the report's: with no year in the title and
        // the year before named about as often, the text covers both years
        // (the mention asked about is not counted: a slip must not vouch for itself)
        var current = Int.max, previous = 0
        // (dated by one mention only: a year-end date before it may be where a plan starts, "截至2022年
        // 12月31日，资产原值…" in a budget for 2023)
        var datedByOne = false
        func counted(_ p: Int, _ m: YearMention) -> Bool {
            guard p != context.doc.titleParagraph, !m.quoted else { return false }
            let s = context.doc.paragraphs[p].text.scalars
            return !(m.range.lowerBound > 0 && "比较与同于".unicodeScalars.contains(s[m.range.lowerBound - 1]))
        }
        if context.facts.fiscalYearSource == "body" {
            // (named at least twice: one mention of each year says nothing)
            // (a year compared with, "与2019年相比", names no year the text reports on, but speaks
            // for the year compared with it)
            current = 0
            var ownMention: (paragraph: Int, mention: YearMention)?
            for (p, m) in context.facts.years where p != context.doc.titleParagraph && !m.quoted {
                if counted(p, m) {
                    if m.year == fy { current += 1; ownMention = (p, m) } else if m.year == fy - 1 { previous += 1 }
                } else if m.year == fy - 1 && (m.form == .year || m.form == .fiscalYear) {
                    current += 1
                }
            }
            // one mention whose figures the text then compares with the year before, unnamed ("2023年度收入
            // 总计A，…。收支较上年决算数减少D"), dates the report as surely as two
            if current == 1, let (p, m) = ownMention, m.form == .year || m.form == .fiscalYear {
                let paragraph = context.doc.paragraphs[p]
                if let k = ParagraphYears.sentence(of: m.range.lowerBound, in: paragraph.sentences) {
                    let sentence = paragraph.sentences[k]
                    let mentions = context.facts.years.filter { $0.paragraph == p }.map(\.mention)
                    if opensClause(paragraph.text.scalars, at: m.range.lowerBound, from: sentence.lowerBound, rule, context),
                       comparedWithYearBefore(paragraph, mention: m, sentence: sentence, others: mentions.filter { sentence.contains($0.range.lowerBound) },
                                              paragraphYears: mentions, words: rule[.priorComparisonWords]) {
                        current = 2
                        datedByOne = true
                    }
                }
            }
        }
        let fiscalWords = rule[.fiscalWords]
        let comparisonWords = rule[.comparisonWords], relativeDates = rule[.relativeDates]
        let crossYearWords = rule[.crossYearWords], governedCrossYear = rule[.governedCrossYearWords], ownBalanceWords = rule[.ownBalanceWords]
        let selfLeads = context.vocabulary[.selfReferenceLeads], selfEnds = context.vocabulary[.selfReferenceEnds]
        let titleEndings = rule[.titleEndings]
        let offsets = Set(rule[.offsets])
        let comparedMarkers = context.vocabulary[.comparedYearMarkers]
        let likewise = rule[.likewiseWords], priorComparison = rule[.priorComparisonWords], currentYear = rule[.currentYearWords]
        // mentions by paragraph: the checks below look at a paragraph's own years, not all of them
        var yearsOf = [Int: [YearMention]]()
        for (q, m) in context.facts.years { yearsOf[q, default: []].append(m) }
        // What the tests below ask about a paragraph, found once per paragraph (asking per mention
        // was quadratic in a paragraph of many years): its sentences' years and words, the years it
        // compares with, which stretches are figures' labels, whether it reads as a title.
        var known = ParagraphYears()
        var yearsOfSection = [Int: Set<Int>]()
        var sentenceMentions: (paragraph: Int, range: Range<Int>, mentions: [YearMention])?
        // "2024年1-6月财政预算执行情况和2023年决算(草案)报告": a title naming the report's year and another
        // covers both (a title naming only another year is the title check's)
        var titleYears = Set(context.doc.titleParagraph.map { t in (yearsOf[t] ?? []).filter { !$0.quoted }.map(\.year) } ?? [])
        if !titleYears.contains(fy) { titleYears = [] }
        // per paragraph, whether a heading over it names a comparison with other years (found once, when asked)
        let comparisonHeadings = rule[.comparisonHeadings], basisOpeners = rule[.basisOpeners], basisNouns = rule[.basisNouns]
        let currentYearWords = context.vocabulary[.currentYear], planCurrentWords = rule[.planCurrentWords]
        var inComparison: [Bool]?
        func comparisonSection(_ p: Int) -> Bool {
            if inComparison == nil {
                var flags = [Bool](repeating: false, count: context.doc.paragraphs.count)
                var open = [(level: Int, compares: Bool)]()
                for (q, paragraph) in context.doc.paragraphs.enumerated() {
                    if let heading = paragraph.heading {
                        open.removeAll { $0.level >= heading.level }
                        open.append((heading.level, comparisonHeadings.occurs(in: paragraph.text.string(heading.titleRange))))
                    }
                    flags[q] = open.contains { $0.compares }
                }
                inComparison = flags
            }
            return inComparison![p]
        }
        for (p, mention) in context.facts.years {
            let paragraph = context.doc.paragraphs[p]
            guard offsets.contains(mention.year - fy), !mention.quoted, !titleYears.contains(mention.year),
                  [.year, .fiscalYear, .yearEnd, .yearStart].contains(mention.form)
                    || (mention.form == .date && isYearEndDate(paragraph.text.scalars, after: mention.range.lowerBound)) else { continue }
            if p == context.doc.titleParagraph { continue }  // the title has its own check
            if datedByOne && mention.form != .year && mention.form != .fiscalYear { continue }
            // (and named more often than the year before even with the mention counted: a text naming
            // both years as often covers both)
            if current < max(2, 2 * (previous - (counted(p, mention) ? 1 : 0))) || current <= previous { continue }
            if known.paragraph != p { known = ParagraphYears(p, yearsOf[p] ?? [], comparedMarkers, context) }
            guard let s = ParagraphYears.sentence(of: mention.range.lowerBound, in: paragraph.sentences) else { continue }
            // a heading line run into its body is a sentence of its own, and the body's first line
            // opens one ("三、支出决算情况说明" over "2020年本年支出合计…")
            let sentenceRange = known.segment(of: mention.range.lowerBound, within: paragraph.sentences[s])
            let clipped = sentenceRange != paragraph.sentences[s]
            let words = clipped
                ? (fiscal: fiscalWords.occurs(in: paragraph.text.string(sentenceRange)), crossYear: crossYearWords.occurs(in: paragraph.text.string(sentenceRange)),
                   comparison: ParagraphYears.compares(paragraph.text.string(sentenceRange), comparisonWords, relativeDates))
                : known.words(s, sentenceRange, paragraph.text, fiscal: fiscalWords, crossYear: crossYearWords, comparison: comparisonWords,
                              relativeDates: relativeDates)
            // (once per sentence: filtering the paragraph's mentions for each mention was quadratic in a
            // sentence of many years)
            let inSentence: [YearMention]
            if let cached = sentenceMentions, cached.paragraph == p, cached.range == sentenceRange {
                inSentence = cached.mentions
            } else {
                inSentence = (yearsOf[p] ?? []).filter { sentenceRange.contains($0.range.lowerBound) }
                sentenceMentions = (p, sentenceRange, inSentence)
            }
            let sentenceYears = clipped ? Set(inSentence.filter { !$0.quoted && !($0.form == .relative && $0.year <= 0) }.map(\.year)) : known.sentenceYears[s] ?? []
            let sentenceQuotedYears = clipped ? Set(inSentence.filter(\.quoted).map(\.year)) : known.sentenceQuotedYears[s] ?? []
            guard words.fiscal else { continue }
            // "2024年度创新券资金预算600.00万元，…。2023年度预算为500.00万元。": a short sentence of the year before
            // right after one of the report's year states what that is compared with
            if mention.year == fy - 1, s > 0, !clipped, known.sentenceYears[s - 1]?.contains(fy) == true, !(known.sentenceYears[s - 1]?.contains(fy - 1) ?? false),
               sentenceRange.count <= 30, !sentenceYears.contains(fy) { continue }
            // "2026年X预算A，较上年减少D，2025年X预算为B": after the report's year and a comparison with the
            // year before, in one sentence, that year names the figure compared with
            if mention.year == fy - 1, let opening = inSentence.first(where: { $0.year == fy && !$0.quoted && $0.range.upperBound <= mention.range.lowerBound }),
               priorComparison.occurs(in: paragraph.text.string(opening.range.upperBound..<mention.range.lowerBound)) { continue }
            // "自评总分95.57分（2023年度为93.20分）": a bracket right after a figure, naming the year before and its
            // figure, is what the figure compares with
            if mention.year == fy - 1, mention.range.lowerBound > 0, case let text = paragraph.text.scalars,
               text[mention.range.lowerBound - 1] == "（" || text[mention.range.lowerBound - 1] == "(",
               context.facts.paragraphFacts[p].contains(where: { context.fact($0).number.range.upperBound == mention.range.lowerBound - 1 }),
               let close = text[mention.range.upperBound...].prefix(24).firstIndex(where: { $0 == "）" || $0 == ")" }),
               text[mention.range.upperBound..<close].contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) { continue }
            // (asked only where it decides)
            var selfComparedFound: Bool?
            func selfCompared() -> Bool {
                if selfComparedFound == nil {
                    selfComparedFound = comparedWithItself(paragraph, mention: mention, sentence: sentenceRange, paragraphYears: yearsOf[p] ?? [], markers: comparedMarkers)
                }
                return selfComparedFound!
            }
            if plan {
                let sentence = paragraph.text.string(sentenceRange)
                // (or a statement the plan's template makes of its own year: "…开展绩效目标管理的项目7个")
                // (or a budget compared with its own year: one of the two is the plan's)
                // (or the caption of one of its tables: "表1 某局2024年部门收支预算总表")
                // (or a heading naming the same: "二、2026年收支预算总体情况")
                let caption = planCaptionWords.occurs(in: sentence) && sentence.unicodeScalars.count <= 60
                    && (paragraph.isHeading || context.doc.tables.contains { $0.firstLine > paragraph.lastLine && $0.firstLine - paragraph.lastLine <= 3 })
                // (or the year named "this year" at once: "2025年本年收入预算…")
                let namedCurrent = planCurrentWords.prefixLength(paragraph.text.scalars, at: mention.range.upperBound) > 0
                guard (planBudgetWords.occurs(in: sentence) && (planComparisonWords.occurs(in: sentence) || selfCompared())) || planOwnWords.occurs(in: sentence)
                        || caption || namedCurrent,
                      !planActualWords.occurs(in: sentence) else { continue }
            }
            // "现将2022年…情况公告如下": the text naming itself, whatever other years the sentence names
            let naming = SelfReference.namesItself(paragraph.text.scalars, mention.range, within: sentenceRange, selfLeads, selfEnds)
            let governs = naming || opensClause(paragraph.text.scalars, at: mention.range.lowerBound, from: sentenceRange.lowerBound, rule, context)
                || namesEvaluationScope(paragraph.text.scalars, at: mention.range.lowerBound, from: sentenceRange.lowerBound, rule)
            // a sentence that spans years (历年, 以来, 整改…) is a history; one that compares with the
            // year before (同比, 比上年, 增长…) is about that year only when the year opens it ("2022年
            // 全市教育经费…，比上年增长0.83%" in a report on 2023 is a slip)
            if words.crossYear { continue }
            // "三、与上年对比情况": a section comparing the year with the one before states that year's figures
            if comparisonSection(p) { continue }
            // "2022年项目支出78.12万元。本年支出较上年增加4.28万元": the year before stated, then compared
            // with by a sentence that opens with the report's own year (not "收支较上年…", which compares the
            // figures just stated: they are the report's year's)
            if mention.year == fy - 1, s + 1 < paragraph.sentences.count {
                let next = paragraph.text.string(paragraph.sentences[s + 1]).trimmingCharacters(in: .whitespaces)
                // ("与上年相比，2024年补贴面积减少…": the comparison named first, then the report's year)
                var opening = next
                if let opener = priorComparison.prefix(of: next) {
                    opening = String(String.UnicodeScalarView(next.unicodeScalars.dropFirst(opener.unicodeScalars.count).drop { $0 == "，" || $0 == "," || CharClass.isWhitespace($0) }))
                }
                // (and states other figures: "2022年,…143.28亿元,占…。2022年,…143.28亿元,比上年…" restates them)
                if priorComparison.occurs(in: next), currentYearWords.isPrefix(of: opening) || opening.hasPrefix("\(fy)年") {
                    var own = Set<DecimalKey>(), restated = false
                    // (the two sentences' figures, found by position: a paragraph of many stays linear)
                    let ids = context.facts.paragraphFacts[p]
                    let from = paragraph.sentences[s].lowerBound, middle = paragraph.sentences[s + 1].lowerBound, to = paragraph.sentences[s + 1].upperBound
                    var lo = 0, hi = ids.count
                    while lo < hi { let m = (lo + hi) / 2; if context.fact(ids[m]).number.range.lowerBound < from { lo = m + 1 } else { hi = m } }
                    for id in ids[lo...] {
                        let f = context.fact(id), at = f.number.range.lowerBound
                        if at >= to { break }
                        if at < middle { own.insert(DecimalKey(f.value)) } else if own.contains(DecimalKey(f.value)) { restated = true; break }
                    }
                    if !restated { continue }
                }
            }
            // ("；2022年该项目支出A，本年支出同比增长P%": or by the next clause of its own sentence)
            if mention.year == fy - 1, let end = ComparedClause.end(paragraph.text.scalars, after: mention.range.upperBound, vocabulary: context.vocabulary),
               end < sentenceRange.upperBound { continue }
            // "按2022年末常住人口测算": the end of the year before, the basis a figure is reckoned from
            if mention.year == fy - 1 && (mention.form == .yearEnd || mention.form == .date)
                && basisOpeners.suffixLength(paragraph.text.scalars, endingAt: mention.range.lowerBound) > 0 { continue }
            // ("按2023年度经审计的净利润上缴": or the year's own figures named as what is reckoned from)
            if mention.year == fy - 1, basisOpeners.suffixLength(paragraph.text.scalars, endingAt: mention.range.lowerBound) > 0,
               basisNouns.firstMatch(in: paragraph.text.scalars, from: mention.range.upperBound,
                                     before: min(sentenceRange.upperBound, mention.range.upperBound + 16)) != nil { continue }
            // "首次", "结转", "结余", "分别" span years for the clauses the year governs only, not for
            // a clause of another year ("2022年预算安排5000亿元，其余结转2024年使用")
            // (but "2023年度年末结转和结余": the year's own closing balance spans nothing)
            let governedText = paragraph.text.string(governedStretch(paragraph.text.scalars, mention.range, within: sentenceRange, others: inSentence))
            if governedCrossYear.occurs(in: governedText) && !ownBalanceWords.occurs(in: governedText) { continue }
            if !governs && words.comparison { continue }
            // "…支出进度97.79%；2023年同期支出A，支出进度为P%": the same period of the year before, stated
            // as the base of a comparison
            if mention.year == fy - 1, context.vocabulary[.samePeriodWords].prefixLength(paragraph.text.scalars, at: mention.range.upperBound) > 0 { continue }
            // "…较上年增加D，增长P%（2022年度为A）": the year before opening an aside of a comparison is the
            // year compared with
            if mention.year == fy - 1, words.comparison, mention.range.lowerBound > sentenceRange.lowerBound,
               ["（", "("].contains(paragraph.text.scalars[mention.range.lowerBound - 1]) { continue }
            // "与2023年预算持平", "比2022年…": a year compared with
            if comparedMarkers.suffixLength(paragraph.text.scalars, endingAt: mention.range.lowerBound) > 0 { continue }
            // another year in the sentence makes it a comparison or a history
            // (a year after the report's compares nothing with the year before: "2022年决算草案和2024年
            // 上半年预算执行情况" in a report on 2023)
            // (and one named clauses away, beyond the clause next to the year's, is about
            // something else: "2022年预算执行过程中，…，…，其中2023年预算安排…")
            // "支出0万元，2022年度也没有…支出": the year before said to be the same
            var afterYear = mention.range.upperBound
            while afterYear < paragraph.text.scalars.count && paragraph.text.scalars[afterYear] == " " { afterYear += 1 }
            if likewise.prefixLength(paragraph.text.scalars, at: afterYear) > 0 { continue }
            // "2023年该项目支出96.35万元，本年较上年增加16.78万元": the year before, stated as what the report's
            // year (named, not numbered) is then compared with
            if mention.year == fy - 1, let m = currentYear.firstMatch(in: paragraph.text.scalars, from: mention.range.upperBound, before: sentenceRange.upperBound),
               priorComparison.prefixLength(paragraph.text.scalars, at: m.start + m.length) > 0 { continue }
            // ("与上年相比，2023年全县完成改造620户，…，本年改造户数增加180户": or after a comparison with the year
            // before that opens the sentence)
            if mention.year == fy - 1, sentenceRange.lowerBound < mention.range.lowerBound,
               priorComparison.firstMatch(in: paragraph.text.scalars, from: sentenceRange.lowerBound, before: mention.range.lowerBound) != nil,
               currentYear.firstMatch(in: paragraph.text.scalars, from: mention.range.upperBound, before: sentenceRange.upperBound) != nil { continue }
            // "截至2022年底，共有车辆0辆，2023年部门预算安排…": the end of the year before is where the
            // report's year starts, in a sentence that goes on to that year (not "2023年留用…，2022年末
            // 结余…": the year's own closing balance)
            if mention.year == fy - 1 && (mention.form == .yearEnd || mention.form == .date)
                && inSentence.contains(where: { $0.year == fy && !$0.quoted && $0.form != .relative && $0.range.lowerBound > mention.range.lowerBound }) { continue }
            if !naming && sentenceYears.contains(where: { $0 != mention.year && $0 <= fy }) {
                let s = paragraph.text.scalars
                let ownScope = governs && opensWithOwnScope(s, at: mention.range.lowerBound, from: sentenceRange.lowerBound, rule)
                let near = inSentence.contains { m in
                    guard m.year != mention.year, m.year <= fy, !m.quoted, !(m.form == .relative && m.year <= 0) else { return false }
                    let between = m.range.lowerBound < mention.range.lowerBound ? m.range.upperBound..<mention.range.lowerBound
                                                                                 : mention.range.upperBound..<max(mention.range.upperBound, m.range.lowerBound)
                    // (a year the department states as its own scope, "…2024年度绩效自评工作的通知要求，我局对2023年度
                    // 部门整体支出…", governs its clause: a year in the clause before is no comparison)
                    return between.filter { "，,；;：:".unicodeScalars.contains(s[$0]) }.count <= (ownScope && m.range.lowerBound < mention.range.lowerBound ? 0 : 1)
                }
                if near { continue }
            }
            // "根据《…关于下达2019年…资金的通知》（…〔2019〕46号），补助2019年…资金": the year of the
            // document the sentence cites, the funds' own year
            if sentenceQuotedYears.contains(mention.year) { continue }
            // "与2022年相比，支出增加38.51万元。2022年支出902.56万元。": the base of a comparison the
            // paragraph makes with that year (the mention itself is none: it was passed over above)
            // (a sentence the year opens that states a change, "2022年预算下降的原因是…", states the
            // year compared, not the base)
            // ("2023年度收入总计A，…，2022年度收入总计B，…，与2022年相比增加…": the year opens a clause
            // of figures, and the comparison is made later in the sentence, beyond what it governs)
            // (but figures the text then compares with the year before, unnamed, are the report's year's:
            // "2018年度收入总计A，支出总计B。收支较上年决算数增加C，…一是2019年…比2018年…" in a report on 2019)
            // "与2022年度相比，…增长3.99%（2022年度为34,512.68万元）": a bracket opening with the year compared
            // with gives that year's figure
            if known.comparedYears.contains(mention.year), case let b = paragraph.text.scalars, mention.range.lowerBound > 0,
               b[mention.range.lowerBound - 1] == "（" || b[mention.range.lowerBound - 1] == "(" { continue }
            if known.comparedYears.contains(mention.year) && !naming
                && !(governs && ParagraphYears.compares(paragraph.text.string(
                    governedStretch(paragraph.text.scalars, mention.range, within: sentenceRange, others: inSentence)), comparisonWords, relativeDates))
                && !(governs && comparedWithYearBefore(paragraph, mention: mention, sentence: sentenceRange, others: inSentence,
                                                     paragraphYears: yearsOf[p] ?? [], words: priorComparison))
                && !(governs && selfCompared()) { continue }
            // "与上年相比，2023年全县核定在园幼儿…": the year right after a comparison with the year before
            // names that year
            if mention.year == fy - 1, followsPriorComparison(paragraph.text.scalars, mention.range.lowerBound, from: sentenceRange.lowerBound, priorComparison) { continue }
            // a section about that year
            if paragraph.sectionPath.dropLast(paragraph.isHeading ? 1 : 0).contains(where: { sp in
                if yearsOfSection[sp] == nil { yearsOfSection[sp] = Set((yearsOf[sp] ?? []).map(\.year)) }
                return yearsOfSection[sp]!.contains(mention.year)
            }) { continue }
            let inLabel = known.insideALabel(mention.range)
            // "在编制2019年部门预算时", "现将本镇2020年度“三公”经费决算情况公布如下": the year of a budget,
            // a final account, an evaluation, named in the same clause
            let after = clauseAfter(paragraph.text.scalars, from: mention.range.upperBound, limit: rule[.nounReach])
            let datesNoun = rule[.fiscalNouns].occurs(in: after)
            // "完成2023年度镇级部门决算公开": the year before's final account, published (approved, audited)
            // in the year the report is on
            if mention.year == fy - 1, rule[.accountActWords].occurs(in: after) { continue }
            // a title-like line of the report's opening ("某局2022年衔接资金项目绩效自评报告")
            if p < 4 && known.titleLike == nil {
                known.titleLike = !paragraph.text.scalars.contains(where: { "，。；,;".unicodeScalars.contains($0) })
                    && titleEndings.isSuffix(of: paragraph.string)
            }
            let titleLike = p < 4 && known.titleLike == true
            guard governs || inLabel || paragraph.isHeading || datesNoun || titleLike else { continue }
            // a lone short line with no sentence ("2022年决算数"): a column header of a table the
            // export spread one cell per line, not a statement
            // (a line ending as a title does is no column header: "2019年度部门决算情况说明" in a table of contents)
            if !paragraph.isHeading && paragraph.text.count <= 16 && !paragraph.text.scalars.contains(where: { "，。；,;：".unicodeScalars.contains($0) })
                && !titleEndings.isSuffix(of: paragraph.string) { continue }
            guard let span = paragraph.text.span(mention.range) else { continue }
            let yearText = paragraph.text.string(mention.range)
            let evidence = rule.evidence(.yearFiscalStatement, [.text: yearText, .fiscalYear: String(fy), .year: String(mention.year)])
            let sentence = paragraph.text.string(sentenceRange)
            context.report(rule, span: span, evidence: evidence, key: "\(yearText)|" + sentence.filter { !$0.isWhitespace })
        }
    }

    /// The words just before `at` (back to `start`, a comma or colon between them and it passed
    /// over) end with a comparison with the year before (`prior_comparison_words`).
    static func followsPriorComparison(_ s: [Unicode.Scalar], _ at: Int, from start: Int, _ words: WordSet) -> Bool {
        var end = at
        while end > start, "，,：: ".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        guard end < at else { return false }
        return words.isSuffix(of: ScalarString.make(s[max(start, end - 12)..<end]))
    }

    /// The figures a year opens are compared with the year before, unnamed: in the clauses it governs,
    /// or at the start of the next sentence, before that sentence names a year of its own.
    static func comparedWithYearBefore(_ paragraph: Paragraph, mention: YearMention, sentence: Range<Int>, others: [YearMention],
                                       paragraphYears: [YearMention], words: WordSet) -> Bool {
        let s = paragraph.text.scalars
        let governed = governedStretch(s, mention.range, within: sentence, others: others)
        if words.firstMatch(in: s, from: governed.lowerBound, before: governed.upperBound) != nil { return true }
        guard governed.upperBound >= sentence.upperBound - 1, let next = Self.sentence(after: sentence, in: paragraph) else { return false }
        var end = next.upperBound
        for k in firstIndex(paragraphYears, atLeast: next.lowerBound) ..< paragraphYears.count where paragraphYears[k].form != .relative {
            end = min(end, paragraphYears[k].range.lowerBound)
            break
        }
        return words.firstMatch(in: s, from: next.lowerBound, before: end) != nil
    }

    /// The figures a year opens compared with that same year: the next year named, in the sentence or
    /// at the start of the next one, is the year again, as the one compared with ("2018年…预算A，比2018年
    /// 预算减少D" in a report on 2019). A year's figures are never compared with themselves: the one
    /// opening the sentence is the slip. (Not after another year: "2023年度收入总计A，2022年度收入总计B，
    /// 与2022年度相比…" states the base before comparing with it.)
    /// (The paragraph's years are in text order: found by binary search, so a paragraph of many
    /// years stays linear.)
    static func comparedWithItself(_ paragraph: Paragraph, mention: YearMention, sentence: Range<Int>,
                                   paragraphYears: [YearMention], markers: WordSet) -> Bool {
        let named: (YearMention) -> Bool = { !$0.quoted && $0.form != .relative }
        let at = firstIndex(paragraphYears, atLeast: mention.range.lowerBound)
        // (past `lookAround` relative or quoted years either way, the answer is no: a run of them
        // is read once, not once per year)
        var k = at - 1
        while k >= 0 && paragraphYears[k].range.lowerBound >= sentence.lowerBound {
            if named(paragraphYears[k]) || at - k > lookAround { return false }
            k -= 1
        }
        k = at
        while k < paragraphYears.count && (paragraphYears[k].range.lowerBound < mention.range.upperBound || !named(paragraphYears[k])) {
            if k - at > lookAround { return false }
            k += 1
        }
        guard k < paragraphYears.count, case let next = paragraphYears[k], next.year == mention.year,
              markers.suffixLength(paragraph.text.scalars, endingAt: next.range.lowerBound) > 0 else { return false }
        if sentence.contains(next.range.lowerBound) { return true }
        // (in the next sentence: the first one after the mention's)
        return Self.sentence(after: sentence, in: paragraph)?.contains(next.range.lowerBound) ?? false
    }

    /// How many years `comparedWithItself` passes over on either side of a mention.
    static let lookAround = 16

    /// The index of the first year whose mention starts at `position` or after (years in text order).
    static func firstIndex(_ years: [YearMention], atLeast position: Int) -> Int {
        var lo = 0, hi = years.count
        while lo < hi { let mid = (lo + hi) / 2; if years[mid].range.lowerBound < position { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    /// The paragraph's sentence after this one (sentences in text order).
    static func sentence(after current: Range<Int>, in paragraph: Paragraph) -> Range<Int>? {
        let sentences = paragraph.sentences
        var lo = 0, hi = sentences.count
        while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].lowerBound < current.upperBound { lo = mid + 1 } else { hi = mid } }
        return lo < sentences.count ? sentences[lo] : nil
    }

    /// Four digits and 年 ("2021年"): a year written out.
    static func namesYear(_ text: String) -> Bool {
        var run = 0
        for ch in text.unicodeScalars {
            if CharClass.isDigit(ch) { run += 1; continue }
            if run == 4 && ch == "年" { return true }
            run = 0
        }
        return false
    }

    /// A heading (or a line at the opening restating the title) dated to one year whose section
    /// never names that year, while it keeps naming the year next to it: "一、2021年“三公”经费预算安排
    /// 情况" over "2022年度“三公”经费预算总计…". The fiscal year plays no part: the heading contradicts
    /// its own section, whichever year the report is on.
    /// "2013年，投入…4500万元，较2013年增加1160万元": a sentence about one year compares it with
    /// itself. The year compared with is written right after a comparison word and right before the
    /// change or "相比" ("较2013年增加", "与2013年相比", "比2013年同期增长"), so that a comparison with
    /// that year's budget, plan, start or end ("较2013年预算", "比2013年初") is not one.
    static func comparedWithItself(_ rule: Rule, _ context: inout CheckContext) {
        let v = context.vocabulary
        let markers = v[.comparisonMarkers], closers = v[.comparisonClosers], samePeriod = v[.samePeriodWords]
        // (the two classes asked apart: a union would build a word set per document)
        let increase = v[.increaseWords], decrease = v[.decreaseWords]
        var yearsOf = [Int: [YearMention]]()
        for (p, m) in context.facts.years where !m.quoted && (m.form == .year || m.form == .fiscalYear) { yearsOf[p, default: []].append(m) }
        for (p, mentions) in yearsOf.sorted(by: { $0.key < $1.key }) where mentions.count >= 2 && p != context.doc.titleParagraph {
            let paragraph = context.doc.paragraphs[p]
            let s = paragraph.text.scalars
            func compared(_ m: YearMention) -> Bool {
                m.range.lowerBound > 0 && markers.suffixLength(s, endingAt: m.range.lowerBound, start: 0) > 0
            }
            for (k, m) in mentions.enumerated() where k > 0 && compared(m) {
                var at = m.range.upperBound
                at += samePeriod.prefixLength(s, at: at)
                guard at < s.count, increase.prefixLength(s, at: at) > 0 || decrease.prefixLength(s, at: at) > 0
                        || closers.prefixLength(s, at: at) > 0 else { continue }
                // the year the sentence is about: the nearest year before, in the same sentence, that is
                // not itself compared with
                guard let sentenceIndex = paragraph.sentences.firstIndex(where: { $0.contains(m.range.lowerBound) }) else { continue }
                let sentence = paragraph.sentences[sentenceIndex]
                // (not one in an aside closed before the comparison: "2024年计划…（含2023年未完成的6公里），…比2023年增加")
                var ownYear = mentions[..<k].last(where: { sentence.contains($0.range.lowerBound) && !compared($0)
                    && !(ScalarSearch.closingBracket(s, after: $0.range.upperBound).map { $0 < m.range.lowerBound } ?? false) })
                // "2023年度收入总计A，支出总计A。收、支与2023年度相比，减少D": a comparison whose sentence
                // names no year of its own is about the year of the sentence before, when that names one
                if ownYear == nil && sentenceIndex > 0 && !mentions[..<k].contains(where: { sentence.contains($0.range.lowerBound) }) {
                    let before = paragraph.sentences[sentenceIndex - 1]
                    let stated = mentions[..<k].filter { before.contains($0.range.lowerBound) && !compared($0) }
                    if Set(stated.map(\.year)).count == 1 { ownYear = stated.last }
                }
                guard let own = ownYear, own.year == m.year, let span = paragraph.text.span(m.range) else { continue }
                // "2024年度收入总计A，…，2023年度收入总计B，…，与2023年相比增加…": the sentence states
                // another year's figures before it and compares them with the year just stated
                if mentions[..<k].contains(where: { sentence.contains($0.range.lowerBound) && !compared($0) && $0.year != m.year }) { continue }
                // "2013年……较2013年增加": the year stated, then the comparison
                let comparison = paragraph.text.string((m.range.lowerBound - 1)..<min(s.count, at + 2))
                let evidence = rule.evidence(.yearComparedWithItself, [.text: paragraph.text.string(own.range) + "……" + comparison,
                                                                       .year: String(m.year)])
                context.report(rule, span: span, evidence: evidence, key: "itself-\(p)-\(m.range.lowerBound)")
            }
        }
    }

    /// "收入总计A，较2021年度决算数增加D" in a report on 2023 whose other comparisons of the kind are
    /// with 2022: a year compared with (a comparison word right before it, a word naming its final
    /// account or execution right after) two or more before the report's, where the report compares
    /// with the year before elsewhere in the same words, is a year written one off. Not when its
    /// sentence states a year other than the report's before it (that sentence is about another year:
    /// "2022年度收入A，较2021年度决算数增加…"), nor when another comparison names that year too.
    static func comparisonBase(_ rule: Rule, _ context: inout CheckContext) {
        guard let fy = context.facts.fiscalYear else { return }
        let markers = context.vocabulary[.comparisonMarkers], bases = rule[.comparedBaseWords]
        struct Comparison { var paragraph: Int; var mention: YearMention }
        var comparisons = [Comparison]()
        var yearsOf = [Int: [YearMention]]()
        // "较上年决算数": a comparison with the year before, as usual as one naming it
        var relative = 0
        for (p, m) in context.facts.years where !m.quoted {
            yearsOf[p, default: []].append(m)
            guard m.form == .year || m.form == .fiscalYear || m.form == .relative && m.year == -1 else { continue }
            let s = context.doc.paragraphs[p].text.scalars
            var before = m.range.lowerBound
            while before > 0 && CharClass.isWhitespace(s[before - 1]) { before -= 1 }
            var after = m.range.upperBound
            while after < s.count && CharClass.isWhitespace(s[after]) { after += 1 }
            guard before > 0, markers.suffixLength(s, endingAt: before, start: 0) > 0, bases.prefixLength(s, at: after) > 0 else { continue }
            if m.form == .relative { relative += 1 } else { comparisons.append(Comparison(paragraph: p, mention: m)) }
        }
        let usual = relative + comparisons.filter { $0.mention.year == fy - 1 }.count
        guard usual >= 1 else { return }
        // the sentence is about another year when it states one before the comparison (上年 too): an
        // earlier year's is passed over; a later one's ("2027年…收入预算A，较2026年执行数增加…", a
        // draft beside the report's execution) is compared with the year before it
        // the later year the nearest heading naming a year names, if any
        func headingYear(of paragraph: Paragraph) -> Int? {
            for h in paragraph.sectionPath.reversed() where h != paragraph.index {
                guard let heading = context.doc.paragraphs[h].heading else { continue }
                let named = (yearsOf[h] ?? []).filter { !$0.quoted && ($0.form == .year || $0.form == .fiscalYear) && heading.titleRange.contains($0.range.lowerBound) }
                guard let year = named.first?.year else { continue }
                return year > fy ? year : nil
            }
            return nil
        }
        var owned = [(comparison: Comparison, sentence: Range<Int>, own: Int)]()
        var skipped = [Int]()
        for c in comparisons {
            let paragraph = context.doc.paragraphs[c.paragraph]
            guard let sentence = paragraph.sentences.first(where: { $0.contains(c.mention.range.lowerBound) }) else { continue }
            let before = (yearsOf[c.paragraph] ?? []).filter { o in
                sentence.contains(o.range.lowerBound) && o.range.upperBound <= c.mention.range.lowerBound
            }
            // (passed over, it still counts as a comparison with its year)
            if before.contains(where: { o in o.form == .relative ? o.year != 0 : o.year < fy }) { skipped.append(c.mention.year); continue }
            // (or, naming none, under a heading of a later year's: "三、2027年预算草案")
            let own = before.last(where: { $0.form != .relative && $0.year > fy })?.year ?? headingYear(of: paragraph) ?? fy
            owned.append((c, sentence, own))
        }
        // (another comparison of the same year's figures with that year: the draft's with the year before the
        // execution is no company for the execution's with the year before it)
        struct OwnAndBase: Hashable { var own: Int; var base: Int }
        var count = [OwnAndBase: Int]()
        for o in owned { count[OwnAndBase(own: o.own, base: o.comparison.mention.year), default: 0] += 1 }
        for year in skipped { count[OwnAndBase(own: fy, base: year), default: 0] += 1 }
        for (c, sentence, own) in owned where count[OwnAndBase(own: own, base: c.mention.year)] == 1 {
            let paragraph = context.doc.paragraphs[c.paragraph]
            guard c.mention.year <= own - 2, let span = paragraph.text.span(c.mention.range) else { continue }
            let s = paragraph.text.scalars
            let text = paragraph.text.string(max(sentence.lowerBound, c.mention.range.lowerBound - 12)..<min(sentence.upperBound, c.mention.range.upperBound + 12, s.count))
            let evidence = own == fy
                ? rule.evidence(.yearComparisonBase, [.text: text, .fiscalYear: String(fy), .year: String(fy - 1), .count: String(usual)])
                : rule.evidence(.yearComparisonBaseOwn, [.text: text, .year: String(own), .prior: String(own - 1)])
            context.report(rule, span: span, evidence: evidence, key: "base-\(c.paragraph)-\(c.mention.range.lowerBound)")
        }
    }

    static func headingVersusSection(_ rule: Rule, _ context: inout CheckContext) {
        let fiscalWords = rule[.fiscalWords], crossYearWords = rule[.crossYearWords]
        let comparedMarkers = context.vocabulary[.comparedYearMarkers]
        let paragraphs = context.doc.paragraphs
        var yearsOf = [Int: [YearMention]]()
        for (q, m) in context.facts.years { yearsOf[q, default: []].append(m) }
        let explicit: Set<YearMention.Form> = [.year, .fiscalYear, .yearEnd, .yearStart]
        // the years a stretch of a paragraph states (not quoted, not compared with, not relative)
        func stated(_ q: Int, in range: Range<Int>) -> [YearMention] {
            let s = paragraphs[q].text.scalars
            return (yearsOf[q] ?? []).filter { m in
                range.contains(m.range.lowerBound) && !m.quoted && explicit.contains(m.form)
                    && comparedMarkers.suffixLength(s, endingAt: m.range.lowerBound) == 0
            }
        }
        // the title's words without its years, to know a line restating it
        var titleWords: String?
        if let t = context.doc.titleParagraph { titleWords = wordsWithoutYears(paragraphs[t].text.scalars) }
        let firstHeading = paragraphs.first(where: \.isHeading)?.index ?? paragraphs.count
        // the years each heading's own line states, for a heading whose section names no year
        var headingYears = [Int: Set<Int>]()
        for p in paragraphs.indices where paragraphs[p].isHeading && p != context.doc.titleParagraph {
            let heading = paragraphs[p].heading!
            let breaks = ParagraphYears.hardBreaks(paragraphs[p].text)
            let years = Set(stated(p, in: 0..<min(heading.titleRange.upperBound, breaks.first ?? paragraphs[p].text.count)).map(\.year))
            if !years.isEmpty { headingYears[p] = years }
        }
        let titleYears = Set(context.doc.titleParagraph.map { t in titleParagraphs(t, context).flatMap { q in (yearsOf[q] ?? []).filter { !$0.quoted }.map(\.year) } } ?? [])
        let plan = isBudgetPlan(context)
        for p in paragraphs.indices where p != context.doc.titleParagraph {
            let paragraph = paragraphs[p]
            // the heading's own line (a heading run into its body ends at the first hard break)
            var line: Range<Int>
            var body = [(Int, Range<Int>)]()
            if let heading = paragraph.heading {
                let breaks = ParagraphYears.hardBreaks(paragraph.text)
                let end = min(heading.titleRange.upperBound, breaks.first ?? paragraph.text.count)
                // (a numbered item that is a sentence, "3.强化…，把自评结果作为2025年预算编制的重要依据。", has no
                // title to date its section)
                if paragraph.text.scalars[heading.titleRange.lowerBound..<max(heading.titleRange.lowerBound, end)]
                    .contains(where: { $0 == "，" || $0 == "；" || $0 == "," || $0 == ";" }) { continue }
                line = 0..<end
                body.append((p, end..<paragraph.text.count))
                var q = p + 1
                while q < paragraphs.count && paragraphs[q].sectionPath.contains(p) { body.append((q, 0..<paragraphs[q].text.count)); q += 1 }
            } else if p < firstHeading, p < 6, let title = titleWords, paragraph.text.count <= 40,
                      !paragraph.text.scalars.contains(where: { "，。；,;".unicodeScalars.contains($0) }) {
                // a line at the opening restating the title ("2021年财务决算报告" … "2020年财务决算"):
                // its section is the rest of the text
                let own = wordsWithoutYears(paragraph.text.scalars)
                guard own.unicodeScalars.count >= 4, eitherContains(title, own) else { continue }
                line = 0..<paragraph.text.count
                for q in (p + 1)..<paragraphs.count where q != context.doc.titleParagraph { body.append((q, 0..<paragraphs[q].text.count)) }
            } else {
                continue
            }
            let headingText = paragraph.text.string(line)
            guard fiscalWords.occurs(in: headingText), !crossYearWords.occurs(in: headingText) else { continue }
            let own = stated(p, in: line)
            guard let mention = own.first, Set(own.map(\.year)).count == 1,
                  !(yearsOf[p] ?? []).contains(where: { line.contains($0.range.lowerBound) && !$0.quoted && $0.year != mention.year && $0.form != .relative }) else { continue }
            var counts = [Int: Int]()
            for (q, range) in body { for m in stated(q, in: range) { counts[m.year, default: 0] += 1 } }
            // a section naming no year: the other headings speak for it. Each names the report's year,
            // the title's, and none the year this one names, the year before it.
            if counts.isEmpty, paragraph.isHeading, let fy = context.facts.fiscalYear, mention.year == fy - 1,
               titleYears.contains(fy), !titleYears.contains(mention.year), !(plan && rule[.actualWords].occurs(in: headingText)) {
                let others = headingYears.filter { $0.key != p }
                if others.count >= 2, others.values.allSatisfy({ $0 == [fy] }), let span = paragraph.text.span(mention.range) {
                    let evidence = rule.evidence(.yearHeadingVersusHeadings, [.text: paragraph.text.string(mention.range), .year: String(mention.year),
                                                                              .fiscalYear: String(fy), .count: String(others.count)])
                    context.report(rule, span: span, evidence: evidence, key: "heading-\(p)-\(mention.year)")
                }
                continue
            }
            guard counts[mention.year] == nil, let (other, count) = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }),
                  abs(other - mention.year) == 1, count * 3 >= counts.values.reduce(0, +) * 2 else { continue }
            guard let span = paragraph.text.span(mention.range) else { continue }
            let yearText = paragraph.text.string(mention.range)
            let evidence = rule.evidence(.yearHeadingVersusSection, [.text: yearText, .year: String(mention.year), .otherYears: String(other), .count: String(count)])
            context.report(rule, span: span, evidence: evidence, key: "heading-\(p)-\(mention.year)")
        }
    }

    /// `a.contains(b) || b.contains(a)` (Foundation's search), by scalars when every scalar of both
    /// is a character of its own (`ScalarString.isOwnCharacter`: then scalars compare as characters do).
    static func eitherContains(_ a: String, _ b: String) -> Bool {
        let x = a.unicodeScalars, y = b.unicodeScalars
        guard !x.isEmpty, !y.isEmpty, x.allSatisfy(ScalarString.isOwnCharacter), y.allSatisfy(ScalarString.isOwnCharacter) else {
            return a.contains(b) || b.contains(a)
        }
        let xs = ScalarString.scalars(a), ys = ScalarString.scalars(b)
        return ScalarString.contains(xs, ys) || ScalarString.contains(ys, xs)
    }

    /// A line's text without its years and spaces ("2021年财务决算报告" → "财务决算报告").
    static func wordsWithoutYears(_ s: [Unicode.Scalar]) -> String {
        var out = [Unicode.Scalar]()
        var k = 0
        while k < s.count {
            if k + 4 < s.count, s[k..<(k + 4)].allSatisfy(CharClass.isDigit), s[k + 4] == "年" {
                k += 5
                if k < s.count && s[k] == "度" { k += 1 }
                continue
            }
            if !CharClass.isWhitespace(s[k]) { out.append(s[k]) }
            k += 1
        }
        return ScalarString.make(out[...])
    }

    /// A paragraph's year mentions and labels, read once for `fiscalStatement`.
    struct ParagraphYears {
        var paragraph = -1
        /// Sentence index → the years mentioned in it, not quoted and quoted.
        var sentenceYears = [Int: Set<Int>](), sentenceQuotedYears = [Int: Set<Int>]()
        /// Years of mentions right after a comparison marker (比/较/与/同/于).
        var comparedYears = Set<Int>()
        /// Sentence index → its words: fiscal, spanning years, comparing.
        var sentenceWords = [Int: (fiscal: Bool, crossYear: Bool, comparison: Bool)]()
        /// Figures' label stretches: label starts, ascending, with the running maximum of their
        /// numbers' starts.
        var labelStarts = [Int](), reach = [Int]()
        /// Whether the paragraph reads as a title line (asked of the first paragraphs only).
        var titleLike: Bool?
        /// Where a source line starts after a line that stopped short of the paragraph's wrap width:
        /// the line before ended its text there (a heading the structure stage ran into its body).
        var hardBreaks = [Int]()

        init() {}

        init(_ p: Int, _ mentions: [YearMention], _ comparedMarkers: WordSet, _ context: CheckContext) {
            paragraph = p
            let paragraph = context.doc.paragraphs[p]
            for m in mentions {
                if let k = ParagraphYears.sentence(of: m.range.lowerBound, in: paragraph.sentences) {
                    // "上年", "本年" name the sentence's year or the one before it, which the comparison
                    // words weigh: no other year of their own
                    if m.quoted { sentenceQuotedYears[k, default: []].insert(m.year) } else if !(m.form == .relative && m.year <= 0) { sentenceYears[k, default: []].insert(m.year) }
                }
                if comparedMarkers.suffixLength(paragraph.text.scalars, endingAt: m.range.lowerBound) > 0 { comparedYears.insert(m.year) }
            }
            hardBreaks = ParagraphYears.hardBreaks(paragraph.text)
            let stretches = context.facts.paragraphFacts[p].map { id -> (Int, Int) in
                let f = context.fact(id)
                let start = f.number.numberRange.lowerBound
                return (start - f.label.unicodeScalars.count, start)
            }.sorted { $0.0 < $1.0 }
            var best = Int.min
            for (from, start) in stretches {
                best = max(best, start)
                labelStarts.append(from)
                reach.append(best)
            }
        }

        /// Line starts after a short line, in a paragraph the export wrapped over several lines. A
        /// wrapped line fills the width (counted as display width: a CJK character is two, ASCII one);
        /// a line ending well short of it ended its text, as a heading line does.
        static func hardBreaks(_ text: TextRun) -> [Int] {
            guard let first = text.positions.first, let last = text.positions.last, first.line != last.line else { return [] }
            var lines = [(start: Int, width: Int)]()
            var line = -1
            for k in 0..<text.count {
                let c = text.scalars[k]
                if text.positions[k].line != line {
                    line = text.positions[k].line
                    lines.append((k, 0))
                }
                if !CharClass.isWhitespace(c) { lines[lines.count - 1].width += c.value < 0x80 ? 1 : 2 }
            }
            guard lines.count > 1, let wrap = lines.map(\.width).max() else { return [] }
            var out = [Int]()
            for k in 1..<lines.count where lines[k - 1].width * 4 < wrap * 3 { out.append(lines[k].start) }
            return out
        }

        /// The stretch between hard breaks holding a position, clipped to `range`.
        func segment(of position: Int, within range: Range<Int>) -> Range<Int> {
            var lo = range.lowerBound, hi = range.upperBound
            for b in hardBreaks {
                if b <= position { lo = max(lo, b) } else { hi = min(hi, b); break }
            }
            return lo..<max(lo, hi)
        }

        /// Whether some figure's label holds the range: a label starting at or before it whose
        /// number starts at or after its end.
        func insideALabel(_ range: Range<Int>) -> Bool {
            var lo = 0, hi = labelStarts.count
            while lo < hi { let mid = (lo + hi) / 2; if labelStarts[mid] <= range.lowerBound { lo = mid + 1 } else { hi = mid } }
            return lo > 0 && reach[lo - 1] >= range.upperBound
        }

        /// The sentence holding a position (sentences are in order and do not overlap).
        static func sentence(of position: Int, in sentences: [Range<Int>]) -> Int? {
            var lo = 0, hi = sentences.count
            while lo < hi { let mid = (lo + hi) / 2; if sentences[mid].upperBound <= position { lo = mid + 1 } else { hi = mid } }
            return lo < sentences.count && sentences[lo].contains(position) ? lo : nil
        }

        /// The words sentence `k` holds (found once per sentence).
        mutating func words(_ k: Int, _ range: Range<Int>, _ text: TextRun, fiscal: WordSet, crossYear: WordSet,
                            comparison: WordSet, relativeDates: WordSet) -> (fiscal: Bool, crossYear: Bool, comparison: Bool) {
            if let known = sentenceWords[k] { return known }
            let sentence = text.string(range)
            let found = (fiscal.occurs(in: sentence), crossYear.occurs(in: sentence), Self.compares(sentence, comparison, relativeDates))
            sentenceWords[k] = found
            return found
        }

        /// Whether a comparison word occurs in the sentence once the relative dates ("截至去年底")
        /// are taken out: a date of the year before compares nothing.
        static func compares(_ sentence: String, _ comparison: WordSet, _ relativeDates: WordSet) -> Bool {
            guard comparison.occurs(in: sentence) else { return false }
            guard relativeDates.occurs(in: sentence) else { return true }
            var rest = sentence
            for w in relativeDates.words { rest = rest.replacingOccurrences(of: w, with: "、") }
            return comparison.occurs(in: rest)
        }
    }

    /// The clauses a year mention governs within its sentence: from the clause after the last one
    /// before it naming another year to the clause before the first one after it naming another year.
    static func governedStretch(_ s: [Unicode.Scalar], _ mention: Range<Int>, within sentence: Range<Int>, others: [YearMention]) -> Range<Int> {
        let boundaries = ScalarSets.clauseBreaks
        var lo = sentence.lowerBound, hi = sentence.upperBound
        for m in others where m.range != mention && !m.quoted {
            if m.range.upperBound <= mention.lowerBound {
                // the boundary after the other year, before the mention
                var k = m.range.upperBound
                while k < mention.lowerBound && !boundaries.contains(s[k]) { k += 1 }
                if k < mention.lowerBound { lo = max(lo, k + 1) }
            } else if m.range.lowerBound >= mention.upperBound {
                // the boundary before the other year, after the mention
                var k = m.range.lowerBound
                while k > mention.upperBound && !boundaries.contains(s[k - 1]) { k -= 1 }
                if k > mention.upperBound { hi = min(hi, k - 1) }
            }
        }
        return lo..<max(lo, hi)
    }

    /// "2022年12月31日": the last day of a year, the same as "2022年末".
    static func isYearEndDate(_ s: [Unicode.Scalar], after start: Int) -> Bool {
        let tail = "年12月31日".unicodeScalars.map { $0 }
        let from = start + 4
        guard from + tail.count <= s.count else { return false }
        return Array(s[from..<(from + tail.count)]) == tail
    }

    /// Commas, full stops and semicolons: a line with one is a sentence, not a title.
    static let sentenceMarks: ScalarSet = ["，", "。", "；", ",", ";"]

    /// A 部门预算 / 预算说明 (a plan for the coming year), not a report on a year's execution.
    static func isBudgetPlan(_ context: CheckContext) -> Bool {
        // without a title, a first line that reads like one says what the text is ("一、2024年“三公”
        // 经费预算安排情况"); a first line that is a sentence of figures says nothing of the kind
        var index = context.doc.titleParagraph
        if index == nil, let first = context.doc.paragraphs.first(where: { !$0.text.isEmpty }),
           first.isHeading || (first.text.count <= 40 && !first.text.scalars.contains(where: { sentenceMarks.contains($0) })) {
            index = first.index
        }
        guard let t = index else { return false }
        let title = titleText(t, context)
        return context.vocabulary[.planTitleWords].occurs(in: title) && !context.vocabulary[.reportTitleWords].occurs(in: title)
    }

    /// "2024年度财政重点绩效评价结果公开": the year the evaluation was made, of the year before's spending.
    static func isEvaluationResults(_ context: CheckContext) -> Bool {
        guard let t = context.doc.titleParagraph else { return false }
        return context.vocabulary[.evaluationResultsTitleWords].occurs(in: titleText(t, context))
    }

    /// The title with the lines an export broke it into before it, blank lines between
    /// ("关于某区2021年财政⏎预算执行情况及2022年财政⏎预算草案的报告", the last taken for the title):
    /// up to two short lines just before it without clause punctuation that do not end as a title does.
    static func titleText(_ t: Int, _ context: CheckContext) -> String {
        titleParagraphs(t, context).map { context.doc.paragraphs[$0].string }.joined()
    }

    /// The title paragraph with the fragments before it (`titleText`), in text order.
    static func titleParagraphs(_ t: Int, _ context: CheckContext) -> [Int] {
        TitleLines.of(t, in: context.doc.paragraphs, vocabulary: context.vocabulary)
    }

    /// "与区人大会议审议的2024年执行数相比，全区一般公共预算收支决算数增加343万元": a year's final
    /// account set beside its execution figures, reported earlier, is of the same year, the report's.
    static func finalVersusExecution(_ rule: Rule, _ context: inout CheckContext) {
        guard let fy = context.facts.fiscalYear, context.facts.fiscalYearSource != "body" || context.facts.titleYear == nil else { return }
        let executionWords = rule[.executionWords], finalWords = rule[.finalWords]
        let paragraphs = context.doc.paragraphs
        for (p, m) in context.facts.years where m.year != fy && !m.quoted && (m.form == .year || m.form == .fiscalYear) {
            let text = paragraphs[p].text, s = text.scalars
            guard executionWords.prefixLength(s, at: m.range.upperBound) > 0,
                  let sentence = paragraphs[p].sentences.first(where: { $0.contains(m.range.lowerBound) }),
                  finalWords.firstMatch(in: s, from: sentence.lowerBound, before: sentence.upperBound) != nil,
                  let span = text.span(m.range) else { continue }
            let evidence = rule.evidence(.yearFinalVersusExecution, [.text: text.string(m.range.lowerBound..<min(s.count, m.range.upperBound + 3)),
                                                                     .year: String(m.year), .fiscalYear: String(fy)])
            context.report(rule, span: span, evidence: evidence, key: "final-execution-\(p)-\(m.range.lowerBound)")
        }
    }

    /// "审议的2023年执行数（以下简称2023年执行数）": a short name given to a year's figure names the
    /// same year. The one of the two the text names less often elsewhere is reported.
    static func aliasYear(_ rule: Rule, _ context: inout CheckContext) {
        let markers = rule[.aliasMarkers], reach = rule[.aliasReach]
        let paragraphs = context.doc.paragraphs
        let (yearsOf, named) = context.statedYears()
        let clauseBreaks = "，。；,;！？!?".unicodeScalars, quotes = "“”\"‘’「」".unicodeScalars
        for (p, mentions) in yearsOf where mentions.count >= 2 {
            let s = paragraphs[p].text.scalars
            for k in 0..<(mentions.count - 1) {
                let a = mentions[k], b = mentions[k + 1]
                guard a.year != b.year, b.range.lowerBound - a.range.upperBound <= reach else { continue }
                // the alias opens a bracket: "(以下简称", "（下称“"
                var j = b.range.lowerBound
                while j > a.range.upperBound && quotes.contains(s[j - 1]) { j -= 1 }
                let marker = markers.suffixLength(s, endingAt: j, start: a.range.upperBound)
                guard marker > 0, j - marker - 1 >= a.range.upperBound, s[j - marker - 1] == "(" || s[j - marker - 1] == "（",
                      !s[a.range.upperBound..<(j - marker - 1)].contains(where: { clauseBreaks.contains($0) }) else { continue }
                let wrong = named[b.year, default: 0] < named[a.year, default: 0] ? b : a
                let meant = wrong.year == a.year ? b.year : a.year
                guard let span = paragraphs[p].text.span(wrong.range) else { continue }
                let close = s[b.range.upperBound...].firstIndex(where: { $0 == ")" || $0 == "）" }) ?? b.range.upperBound
                let text = paragraphs[p].text.string(a.range.lowerBound..<min(s.count, close + 1))
                context.report(rule, span: span, evidence: rule.evidence(.yearAlias, [.text: text, .year: String(meant)]),
                               key: "alias-\(p)-\(wrong.range.lowerBound)")
            }
        }
    }

    /// "重庆市某区2023年决算报告" and the same title elsewhere, repeated under it or in the page's data
    /// ("| 标题: | 重庆市某区2022年决算报告 |"), with another year: one of the two is a slip. The one
    /// that is not the fiscal year is reported.
    static func repeatedTitle(_ rule: Rule, _ context: inout CheckContext) {
        guard let t = context.doc.titleParagraph else { return }
        let paragraphs = context.doc.paragraphs
        let lines = titleParagraphs(t, context)
        var titleScalars = [Unicode.Scalar]()
        for p in lines { titleScalars += paragraphs[p].text.scalars }
        let key = titleKey(titleScalars)
        guard key.count >= rule[.minTitleLength] else { return }
        var titleYears = [(paragraph: Int, mention: YearMention)]()
        for (p, m) in context.facts.years where lines.contains(p) && !m.quoted && (m.form == .year || m.form == .fiscalYear) { titleYears.append((p, m)) }
        guard let own = titleYears.first else { return }
        guard titleYears.allSatisfy({ $0.mention.year == own.mention.year }) else {
            repeatedTitleSegment(rule, &context, titleYears: titleYears, lines: lines)
            return
        }
        let fiscal = context.facts.fiscalYear
        let maxLength = key.count * 2 + 20
        // a title broken over lines ("某中心2018年部门预算⏎及“三公”经费预算编制说明") is repeated by
        // its line with the year too ("第二部分：某中心2017年部门预算报表")
        var keys = [key]
        if lines.count > 1 {
            for p in Set(titleYears.map(\.paragraph)).sorted() {
                let own = titleKey(paragraphs[p].text.scalars)
                if own.count >= rule[.minTitleLength] && own != key { keys.append(own) }
            }
        }
        func repeats(_ s: [Unicode.Scalar]) -> Bool {
            guard s.count <= maxLength else { return false }
            let other = titleKey(s)
            return keys.contains { key in
                let (short, long) = other.count <= key.count ? (other, key) : (key, other)
                return short.count >= rule[.minTitleLength] && ScalarString.contains(long, short)
            }
        }
        // (the key is made only for a finding: most cells and paragraphs are no repeat)
        func check(_ text: TextRun, place: String?, key reportKey: @autoclosure () -> String) {
            let s = text.scalars
            // (the year first: a scan of digits, where the title's words would be a copy of the text)
            guard s.count <= maxLength else { return }
            let years = plainYears(s)
            guard years.count == 1, let (range, year) = years.first, year != own.mention.year, repeats(s) else { return }
            // the title's year is the fiscal year: the repeat is the slip; the repeat's is: the title is
            let repeatIsWrong = fiscal.map { $0 == own.mention.year || $0 != year } ?? true
            let evidence = rule.evidence(.yearTitleRepeated, [.text: text.string(0..<s.count), .titleYear: String(own.mention.year), .year: String(year)])
            if repeatIsWrong {
                guard let span = text.span(range) else { return }
                context.report(rule, span: span, place: place, evidence: evidence, key: "title-repeat-\(reportKey())")
            } else if let span = paragraphs[own.paragraph].text.span(own.mention.range) {
                context.report(rule, span: span, evidence: evidence, key: "title-repeat-\(reportKey())")
            }
        }
        for p in paragraphs.indices where !lines.contains(p) { check(paragraphs[p].text, place: nil, key: "p\(p)") }
        for (k, table) in context.doc.tables.enumerated() {
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.cells.enumerated() { check(cell.text, place: cell.place, key: "t\(k)-\(r)-\(c)") }
            }
        }
    }

    /// "仁寿县2023年财政预算执行情况和2024年预算草案的报告" … "2022年财政预算执行情况": a title of two
    /// years names a matter after each; a line with one year that repeats the words after one of the
    /// title's years (at least `min_title_length` of them) under another year has that year wrong,
    /// unless the report's year is neither.
    static func repeatedTitleSegment(_ rule: Rule, _ context: inout CheckContext,
                                     titleYears: [(paragraph: Int, mention: YearMention)], lines: [Int]) {
        let paragraphs = context.doc.paragraphs
        var segments = [(year: Int, key: [Unicode.Scalar], paragraph: Int, range: Range<Int>)]()
        for (i, t) in titleYears.enumerated() {
            let s = paragraphs[t.paragraph].text.scalars
            var end = s.count
            if i + 1 < titleYears.count, titleYears[i + 1].paragraph == t.paragraph { end = titleYears[i + 1].mention.range.lowerBound }
            guard t.mention.range.upperBound <= end else { return }
            segments.append((t.mention.year, titleKey(Array(s[t.mention.range.upperBound..<end])), t.paragraph, t.mention.range))
        }
        // each year once: a title naming one year twice is read as a whole elsewhere
        guard Set(segments.map(\.year)).count == segments.count else { return }
        let fiscal = context.facts.fiscalYear
        let minimum = rule[.minTitleLength]
        let longest = segments.map(\.key.count).max() ?? 0
        for p in paragraphs.indices where !lines.contains(p) {
            let s = paragraphs[p].text.scalars
            guard s.count <= longest + 12 else { continue }
            let years = plainYears(s)
            guard years.count == 1, let (range, year) = years.first else { continue }
            let key = titleKey(s)
            guard key.count >= minimum, !segments.contains(where: { $0.year == year && ScalarString.contains($0.key, key) }),
                  let segment = segments.first(where: { ScalarString.contains($0.key, key) }),
                  fiscal == nil || segments.contains(where: { $0.year == fiscal }) else { continue }
            let text = paragraphs[p].text
            let evidence = rule.evidence(.yearTitleRepeated, [.text: text.string(0..<s.count), .titleYear: String(segment.year), .year: String(year)])
            guard let span = text.span(range) else { continue }
            context.report(rule, span: span, evidence: evidence, key: "title-repeat-p\(p)")
        }
    }

    /// "项目 | 2022年预算数 | 2024年预算数 | 比上年增减": a header row with two columns of one year each
    /// and a change against the year before after them compares two years one apart. The column
    /// that is not the fiscal year is reported (for one year written twice, the first: the year before's).
    static func changeColumns(_ rule: Rule, _ context: inout CheckContext) {
        guard let fiscal = context.facts.fiscalYear else { return }
        let changeWords = rule[.changeColumnWords]
        let tables = context.doc.tables
        for t in tables.indices {
            for r in tables[t].rows.indices {
                let cells = tables[t].rows[r].cells
                var yearCells = [(column: Int, range: Range<Int>, year: Int)]()
                var change: Int?
                for c in cells.indices where !cells[c].inherited {
                    // (header cells are short: a year and what of it)
                    let s = cells[c].text.scalars
                    guard !s.isEmpty, s.count <= 24 else { continue }
                    let years = plainYears(s)
                    if years.count == 1 {
                        yearCells.append((c, years[0].0, years[0].1))
                    } else if years.isEmpty && change == nil && changeWords.firstMatch(in: s) != nil {
                        change = c
                    }
                }
                guard yearCells.count == 2, let change, yearCells.allSatisfy({ $0.column < change }) else { continue }
                let (a, b) = (yearCells[0], yearCells[1])
                guard abs(b.year - a.year) != 1 else { continue }
                let wrong: (column: Int, range: Range<Int>, year: Int)
                if b.year == fiscal { wrong = a } else if a.year == fiscal && a.year != b.year { wrong = b } else { continue }
                let other = wrong.column == a.column ? b : a
                let cell = cells[wrong.column]
                guard let span = cell.text.span(wrong.range) else { continue }
                let header = cells.map { $0.text.string(0..<$0.text.scalars.count) }.filter { !$0.isEmpty }.joined(separator: " | ")
                let evidence = rule.evidence(.yearChangeColumns, [.text: header, .year: String(wrong.year), .otherYears: String(other.year), .fiscalYear: String(fiscal)])
                context.report(rule, span: span, place: cell.place, evidence: evidence, key: "change-columns-\(t)-\(r)")
            }
        }
    }

    /// "项目 | 2026年预算数 | 2025年执行数 | 执行率（%）": the budget and the execution a rate column relates
    /// (no change column beside) are one year's; the one not of the report's year slipped.
    static func executionColumns(_ rule: Rule, _ context: inout CheckContext) {
        guard let fiscal = context.facts.fiscalYear else { return }
        let changeWords = rule[.changeColumnWords], rateWords = rule[.executionColumnWords]
        let tables = context.doc.tables
        for t in tables.indices {
            for r in tables[t].rows.indices {
                let cells = tables[t].rows[r].cells
                var yearCells = [(column: Int, range: Range<Int>, year: Int)]()
                var rate: Int?, change = false
                for c in cells.indices where !cells[c].inherited {
                    let s = cells[c].text.scalars
                    guard !s.isEmpty, s.count <= 24 else { continue }
                    if changeWords.firstMatch(in: s) != nil { change = true; break }
                    let years = plainYears(s)
                    if years.count == 1 {
                        yearCells.append((c, years[0].0, years[0].1))
                    } else if years.isEmpty && rate == nil && rateWords.firstMatch(in: s) != nil {
                        rate = c
                    }
                }
                guard !change, yearCells.count == 2, let rate, yearCells.allSatisfy({ $0.column < rate }) else { continue }
                let (a, b) = (yearCells[0], yearCells[1])
                guard a.year != b.year, a.year == fiscal || b.year == fiscal else { continue }
                let wrong = a.year == fiscal ? b : a
                let other = a.year == fiscal ? a : b
                let cell = cells[wrong.column]
                guard let span = cell.text.span(wrong.range) else { continue }
                let header = cells.map { $0.text.string(0..<$0.text.scalars.count) }.filter { !$0.isEmpty }.joined(separator: " | ")
                let evidence = rule.evidence(.yearExecutionColumns, [.text: header, .year: String(wrong.year), .otherYears: String(other.year), .fiscalYear: String(fiscal)])
                context.report(rule, span: span, place: cell.place, evidence: evidence, key: "execution-columns-\(t)-\(r)")
            }
        }
    }

    /// A title's words without its years, digits, marks and spaces ("重庆市某区2023年决算报告" →
    /// "重庆市某区决算报告"): ideographs and letters, 年 and 度 left out.
    static func titleKey(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.filter { ch in
            guard ch != "年" && ch != "度" else { return false }
            return (ch.value >= 0x4E00 && ch.value <= 0x9FFF) || (ch.value >= 0x41 && ch.value <= 0x5A) || (ch.value >= 0x61 && ch.value <= 0x7A)
        }
    }

    /// Four digits and 年 not followed by a month ("2023年", "2023年度"; not "2023年7月"): their
    /// ranges (the digits and 年) and years.
    static func plainYears(_ s: [Unicode.Scalar]) -> [(Range<Int>, Int)] {
        var out = [(Range<Int>, Int)]()
        var i = 0
        while i + 4 < s.count {
            if s[i + 4] == "年", (0..<4).allSatisfy({ CharClass.isDigit(s[i + $0]) }), i == 0 || !CharClass.isDigit(s[i - 1]) {
                let month = i + 5 < s.count && CharClass.isDigit(s[i + 5])
                if !month { out.append((i..<(i + 5), (0..<4).reduce(0) { $0 * 10 + Int(s[i + $1].value - 48) })) }
                i += 5
                continue
            }
            i += 1
        }
        return out
    }

    /// "2024年预算执行情况和2026年预算草案", "2019年决算和2021年上半年预算执行": a year's final account or
    /// execution joined to the next budget, drafted or half run, names two years one apart. The one
    /// of the two the text names less often elsewhere is reported.
    static func accountAndDraft(_ rule: Rule, _ context: inout CheckContext) {
        let accountWords = rule[.accountWords], draftWords = rule[.draftWords], joiners = rule[.pairJoiners], reach = rule[.pairReach]
        let paragraphs = context.doc.paragraphs
        let (yearsOf, named) = context.statedYears()
        // texts read as one: the title with the lines it was broken into, each other paragraph
        var units = [[Int]]()
        var title = Set<Int>()
        if let t = context.doc.titleParagraph {
            let lines = titleParagraphs(t, context)
            units.append(lines)
            title = Set(lines)
        }
        for p in yearsOf.keys.sorted() where !title.contains(p) && (yearsOf[p]?.count ?? 0) >= 2 { units.append([p]) }
        let clauseBreaks = "，。；,;：:！？!?".unicodeScalars
        for unit in units {
            var scalars = [Unicode.Scalar]()
            var mentions = [(paragraph: Int, mention: YearMention, at: Int)]()
            for p in unit {
                for m in yearsOf[p] ?? [] { mentions.append((p, m, scalars.count + m.range.lowerBound)) }
                scalars += paragraphs[p].text.scalars
            }
            guard mentions.count >= 2 else { continue }
            for k in 0..<(mentions.count - 1) {
                let a = mentions[k], b = mentions[k + 1]
                let aEnd = a.at + a.mention.range.count, bEnd = b.at + b.mention.range.count
                guard b.mention.year != a.mention.year + 1,
                      let account = accountWords.firstMatch(in: scalars, from: aEnd, before: min(b.at, aEnd + reach)) else { continue }
                // a joiner right before the second year, and no clause ends between them
                var j = b.at
                while j > account.start + account.length && CharClass.isWhitespace(scalars[j - 1]) { j -= 1 }
                guard joiners.suffixLength(scalars, endingAt: j, start: account.start + account.length) > 0,
                      !scalars[aEnd..<j].contains(where: { clauseBreaks.contains($0) }),
                      let draft = draftWords.firstMatch(in: scalars, from: bEnd, before: min(scalars.count, bEnd + reach)),
                      !scalars[bEnd..<draft.start].contains(where: { clauseBreaks.contains($0) }) else { continue }
                // the one named less often elsewhere is the slip (each is named here once)
                let aOthers = named[a.mention.year, default: 0], bOthers = named[b.mention.year, default: 0]
                let (wrong, meant) = bOthers < aOthers ? (b, a.mention.year + 1) : (a, b.mention.year - 1)
                guard let span = paragraphs[wrong.paragraph].text.span(wrong.mention.range) else { continue }
                let text = String(String.UnicodeScalarView(scalars[a.at..<(draft.start + draft.length)]))
                let evidence = rule.evidence(.yearAccountAndDraft, [.text: text, .year: String(meant)])
                context.report(rule, span: span, evidence: evidence, key: "pair-\(wrong.paragraph)-\(wrong.mention.range.lowerBound)")
            }
        }
    }

    /// The text after a position up to the end of its clause (at most `limit` scalars).
    static func clauseAfter(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> String {
        var k = start
        while k < s.count && k < start + limit && !"，,。；;！？：:".unicodeScalars.contains(s[k]) { k += 1 }
        return ScalarString.make(s[start..<k])
    }

    /// A year that opens its clause: only a time preposition (the vocabulary's year_lead_words),
    /// the department naming itself, "对" or a document reference stands between it and the clause start.
    /// "我局对2023年度…": the clause opens with the department's own word before the year.
    static func opensWithOwnScope(_ s: [Unicode.Scalar], at index: Int, from start: Int, _ rule: Rule) -> Bool {
        var k = index - 1
        while k >= start && k > index - 8 && !ScalarSets.phraseBreaks.contains(s[k]) { k -= 1 }
        return rule[.openingWords].isPrefix(of: ScalarString.make(s[(k + 1)..<index]))
    }

    /// "本次评价对象为2023年度…资金": a year right after the clause's naming what the evaluation covers
    /// (a scope_subjects noun, then only a scope_copulas word) dates the evaluation.
    static func namesEvaluationScope(_ s: [Unicode.Scalar], at index: Int, from start: Int, _ rule: Rule) -> Bool {
        var k = index - 1
        while k >= start && k > index - 16 && !ScalarSets.phraseBreaks.contains(s[k]) { k -= 1 }
        guard k < start || ScalarSets.phraseBreaks.contains(s[k]) else { return false }
        let before = ScalarString.make(s[(k + 1)..<index].filter { !CharClass.isWhitespace($0) })
        guard let subject = rule[.scopeSubjects].prefix(of: before) else { return false }
        let rest = String(before.unicodeScalars.dropFirst(subject.unicodeScalars.count))
        return rest.isEmpty || rule[.scopeCopulas].contains(rest)
    }

    static func opensClause(_ s: [Unicode.Scalar], at index: Int, from start: Int = 0, _ rule: Rule, _ context: CheckContext) -> Bool {
        let boundaries = ScalarSets.phraseBreaks
        var k = index - 1
        var before = [Unicode.Scalar]()
        while k >= start && !boundaries.contains(s[k]) {
            if !CharClass.isWhitespace(s[k]) && s[k] != "“" && s[k] != "”" { before.insert(s[k], at: 0) }
            k -= 1
            if before.count > 6 { return false }
        }
        // "1.2022年…", "（二）本单位2020年度…": an enumerator opening the clause is no word before the year
        var digits = 0
        while digits < before.count && digits < 2 && CharClass.isDigit(before[digits]) { digits += 1 }
        if digits > 0 && digits < before.count && ".、．".unicodeScalars.contains(before[digits]) { before.removeFirst(digits + 1) }
        if before.count > 4 { return false }
        let text = ScalarString.make(before)
        let references = context.vocabulary[.documentReferences]
        // "我部门对2019年度部门预算整体支出绩效进行了评价": the scope of the evaluation
        return text.isEmpty || context.vocabulary[.yearLeadWords].contains(text) || rule[.openingWords].contains(text)
            || (rule[.scopeMarkers].isSuffix(of: text) && text.count <= 4)
            || references.isSuffix(of: text) || references.isPrefix(of: text)
    }

    static func sameFigure(_ rule: Rule, _ context: inout CheckContext) {
        // a budget plan states both years' budgets, which may well be the same (but not to the cent as
        // the plan's own total: "2024年收入预算58,646.32万元" beside "2025年支出预算58,646.32万元")
        guard let fy = context.facts.fiscalYear else { return }
        let plan = isBudgetPlan(context)
        let explicit: Set<YearSource> = [.clause, .sentence, .paragraph]
        let all = context.facts.facts
        let flatWords = rule[.flatWords], datelineRelative = rule[.datelineRelativeWords], advance = rule[.advanceAllocationWords]
        let carried = Set(rule[.carriedMeasures].words)
        let deadline = rule[.deadlineFollowers], carriedFollowers = rule[.carriedFollowers], perYear = rule[.perYearWords]
        // the figures of the fiscal year by kind, sorted by value (ties in text order): a twin is
        // found by binary search, not by scanning every fact for every fact (quadratic)
        // (built when the first figure of another year asks: most reports have none)
        var byKind: [QuantityKind: [Int]]?
        // the figures a change compares with the year before their own (built when first asked)
        var comparedWithYearBefore: Set<Int>?
        func index() -> [QuantityKind: [Int]] {
            var out = [QuantityKind: [Int]]()
            for k in all.indices where all[k].year == fy && !all[k].comparesYears && !all[k].value.isNaN {
                out[all[k].kind, default: []].append(k)
            }
            for kind in out.keys {
                out[kind]!.sort { a, b in !Decimals.equal(all[a].value, all[b].value) ? Decimals.less(all[a].value, all[b].value) : a < b }
            }
            return out
        }
        // (in a plan: the year before's budget total, to the cent, and the plan's own)
        func planTwins(_ f: Fact, _ g: Fact) -> Bool {
            f.year == fy - 1 && f.number.decimals >= 2 && [f, g].allSatisfy { $0.concept.measure == "budget" && $0.concept.item == "total" }
        }
        for k in all.indices {
            let f = all[k]
            guard f.year != nil && f.year != fy && explicit.contains(f.yearSource) && !f.comparesYears && f.value != 0 else { continue }
            guard f.kind.isMoney || f.kind == .score || f.kind == .percent else { continue }
            // (points lost are no year's figure: "2022年签约居民中…，扣3.5分")
            if f.kind == .score, context.vocabulary[.deductionWords].occurs(in: f.label) { continue }
            // "2024年计划…。一是督促市级配套资金295.06万元尽快到位": a sentence of the next year's plans
            // that dates nothing of its own speaks of the report's year's funds still owed
            if f.year! > fy && f.yearSource == .paragraph { continue }
            // a round figure may well stay the same from one year to the next, and a rate of 100.00%
            // (a budget fully spent, a target fully met) is any year's
            guard f.number.decimals > 0, !(f.kind == .percent && f.value == 100) else { continue }
            // nor a limit or a target ("城镇登记失业率控制在3.5%以内"), which may hold for years
            guard f.number.comparator == nil, !f.isTarget else { continue }
            // nor when the text says it did ("零增长", "与上年持平")
            let sentence = context.sentenceText(of: f)
            if flatWords.occurs(in: sentence) { continue }
            // "去年民生支出占财政支出73.7%" in a news item of the next January: dated from when it was
            // written, which may be the report's year itself
            if datelineRelative.occurs(in: sentence) && !Self.namesYear(sentence) { continue }
            // "2022年上级下达…资金547.6万元" in a report on 2023: issued the year before for the report's
            // year (提前下达), the same money as the year's budget
            if f.year == fy - 1 && advance.occurs(in: sentence) { continue }
            // "建议于2025年上半年将未到位的配套资金240.00万元足额拨付": a later year with a deadline after it is
            // when the report's year's money is to be paid
            if f.year! > fy && Self.yearAsDeadline(sentence, year: f.year!, followers: deadline) { continue }
            // "2025年，督促供应商尽快交付剩余设备，对应资金12.90万元按规定结转使用": the next year's plan for money
            // carried over into it, the report's year's
            if f.year! == fy + 1, case .text(let p, let n, _) = f.place, context.doc.paragraphs[p].sentences.indices.contains(n),
               Self.followedInClause(context.doc.paragraphs[p].text.scalars, after: f.number.range.upperBound,
                                     before: context.doc.paragraphs[p].sentences[n].upperBound, by: carriedFollowers) { continue }
            // "受补助企业2023年度研发投入合计A，较2022年度的B增长11.27%" in a report on 2024: a figure the text
            // dates itself and compares with the year before it (a subsidy reckoned on last year's figures)
            if f.year! < fy {
                if comparedWithYearBefore == nil {
                    comparedWithYearBefore = Set(context.facts.changes.compactMap { c in
                        guard let current = c.current, let prior = c.prior, let y = all[current].year, all[prior].year == y - 1 else { return nil }
                        return current
                    })
                }
                if comparedWithYearBefore!.contains(f.id) { continue }
            }
            // "2023年应上缴2022年度国有资本收益A": a label that names the fiscal year too ties the figure to
            // both years (paid in the one, earned in the other)
            if Self.names(year: fy, in: f.label) { continue }
            if byKind == nil { byKind = index() }
            guard let candidates = byKind?[f.kind] else { continue }
            var lo = 0, hi = candidates.count
            while lo < hi { let mid = (lo + hi) / 2; if all[candidates[mid]].value < f.value { lo = mid + 1 } else { hi = mid } }
            var found: Int?
            while lo < candidates.count && all[candidates[lo]].value == f.value {
                let g = all[candidates[lo]]
                if g.id != f.id
                    && (g.concept.measure == f.concept.measure || g.concept.measure == nil || f.concept.measure == nil)
                    && (g.concept.rate == f.concept.rate || g.concept.rate == nil || f.concept.rate == nil)
                    && (!plan || planTwins(f, g)) {
                    found = candidates[lo]
                    break
                }
                lo += 1
            }
            guard let found else { continue }
            let twin = all[found]
            if flatWords.occurs(in: context.sentenceText(of: twin)) { continue }
            // ("2022年决算数" over a table's column, "2022年省政府专项债券" naming its row): the twin's own name
            // gives it the figure's year
            if Self.names(year: f.year!, in: twin.label) { continue }
            // ("压减2025年预算总额A（其中重点评价结果应用a、自评结果应用b）": nor does a whole's name over it)
            if context.groups(withPart: twin.id).contains(where: { Self.names(year: f.year!, in: context.fact($0.whole).label) }) { continue }
            if case .cell(let t, let r, let c) = twin.place, perYear.occurs(in: context.doc.tables[t].header(row: context.doc.tables[t].rows[r], column: c)) { continue }
            // ("两批债券年利息A" and "2024年需支付两批债券利息A": what is paid every year, in prose too)
            if perYear.occurs(in: twin.label) || perYear.occurs(in: f.label) { continue }
            // "年末结转下年415.00万元" and, in the next year's plan, "另有结转资金415.00万元": money carried out of
            // the report's year is carried into the next
            if let a = f.year, let b = twin.year, Set([a, b]) == [fy, fy + 1], let m = f.concept.measure, let n = twin.concept.measure,
               carried.contains(m), carried.contains(n) { continue }
            let evidence = rule.evidence(.yearSameFigure, [.figure: f.shown, .year: String(f.year!), .otherNamed: context.describe(twin), .fiscalYear: String(fy)])
            context.report(rule, main: f, others: [twin], evidence: evidence)
        }
    }

    /// "2023年" written (with 年, not inside a longer number) in `text`.
    static func names(year: Int, in text: String) -> Bool {
        let s = Array(text.unicodeScalars), digits = Array(String(year).unicodeScalars)
        var i = 0
        while i + digits.count < s.count {
            if s[i] == digits[0], s[i + digits.count] == "年", i == 0 || !CharClass.isDigit(s[i - 1]),
               s[i..<(i + digits.count)].elementsEqual(digits) { return true }
            i += 1
        }
        return false
    }

    /// One of `words` starts in the clause after `start` (before the next comma or semicolon, and `end`).
    static func followedInClause(_ s: [Unicode.Scalar], after start: Int, before end: Int, by words: WordSet) -> Bool {
        var i = start
        while i < min(end, s.count), !CharClass.isClauseBreak(s[i]) {
            if words.prefixLength(s, at: i) > 0 { return true }
            i += 1
        }
        return false
    }

    /// "于2025年上半年", "在2023年6月底前": the year, written with 年 in the text, followed (after a month,
    /// if any) by one of `followers`.
    static func yearAsDeadline(_ text: String, year: Int, followers: WordSet) -> Bool {
        let s = Array(text.unicodeScalars)
        let digits = Array(String(year).unicodeScalars)
        var i = 0
        while i + digits.count < s.count {
            defer { i += 1 }
            guard s[i] == digits[0], Array(s[i..<(i + digits.count)]) == digits, s[i + digits.count] == "年",
                  i == 0 || !CharClass.isDigit(s[i - 1]) else { continue }
            var k = i + digits.count + 1
            // a month: digits or numerals, then 月 (份)
            var m = k
            while m < s.count && (CharClass.isDigit(s[m]) || ChineseNumerals.digit(s[m]) != nil || s[m] == "十") { m += 1 }
            if m > k && m < s.count && s[m] == "月" { k = m + 1; if k < s.count && s[k] == "份" { k += 1 } }
            if followers.prefixLength(s, at: k) > 0 { return true }
        }
        return false
    }

    /// A year slip handed over by the formula check (`CheckContext.handOver`).
    static func reportMixedYears(_ rule: Rule, involved: [Fact], formula: String, _ context: inout CheckContext) {
        var counts = [Int: Int]()
        for f in involved { if let y = f.year { counts[y, default: 0] += 1 } }
        let fy = context.facts.fiscalYear
        // the odd one out: the year that is not the fiscal year (or the minority)
        guard let odd = involved.first(where: { f in f.year != nil && f.year != fy && [.clause, .sentence, .paragraph].contains(f.yearSource) }) else { return }
        let others = involved.filter { $0.id != odd.id }
        // each year with its figures: "50.52万元、93.78% 记为 2019 年，53.87万元 记为 2020 年"
        var byYear = [Int: [String]]()
        for f in [odd] + others { if let y = f.year { byYear[y, default: []].append(f.shown) } }
        let years = byYear.keys.sorted().map { rule.evidence(.yearOfFigures, [.others: byYear[$0]!.joined(separator: "、"), .year: String($0)]) }
        let evidence = rule.evidence(.yearMixed, [.relation: formula, .others: years.joined(separator: "，")])
        context.report(rule, main: odd, others: others, evidence: evidence)
    }
}
