import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure
import JXNormalize

/// `kind = "consistency"`: one figure stated twice with two values.
///  - same-concept: two figures with the same label and concept, the same unit and year, in
///    different paragraphs (or one in the text and one in a table), whose values differ beyond
///    rounding. Figures inside lists, comparisons, ranges and targets are left alone.
///  - prose-vs-table: a named project's budget or spending in the text against its table row.
enum ConsistencyCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "prose-vs-table" { proseVsTable(rule, &context); return }
        guard rule.check == "same-concept" else { return }
        let modifierSet = rule[.labelModifiers]
        // the groups in order of their first figure, found by key with one lookup each
        var groupOfKey = [TextKey: Int](minimumCapacity: context.facts.facts.count)
        var groups = [[Int]]()
        // (not a count broken down in brackets, each part named in full: "（农民专业合作社68户、家庭农场39户）")
        var countParts = [Int](), otherParts = [Int]()
        for g in context.facts.groups {
            if g.marker == .bracket && context.fact(g.whole).kind.measureWord != nil { countParts += g.parts } else { otherParts += g.parts }
        }
        let partIDs = context.facts.listed.subtracting(countParts).union(otherParts)
        let subjectWords = rule[.subjectWords]
        let selfWords = rule[.selfWords]
        let criteriaWords = rule[.criteriaWords]
        let benchmarkLeads = rule[.benchmarkLeads]
        let perWords = rule[.perWords], sharedItems = rule[.sharedItems], findingVerbs = rule[.findingVerbs]
        let places = context.vocabulary[.placeSuffixes]
        // by index, the cheap tests on the fact in place: a `for f in` copied every fact
        let facts = context.facts.facts
        let rateEndings = rule[.ratioEndings]
        for k in facts.indices {
            guard eligible(facts, k, partIDs, rateEndings: rateEndings) else { continue }
            let f = facts[k]
            // the label must name its subject: a bare "实际支出" may be about anything the text
            // discussed before it
            let c = f.concept
            // the label itself names what it is about: a lexicon item, the department as a whole, or
            // a specific noun phrase of its own (not a bare 均价 / 支出决算 / 税收收入 whose subject is
            // in the clause before)
            let named = (c.item != nil && c.item != "total" && c.scope.isEmpty && !sharedItems.contains(c.item!))
                || subjectWords.occurs(in: f.label)
                || c.scope.unicodeScalars.count >= 3
                || sharesOpeningSubject(f, subjectWords, context)
            guard named else { continue }
            // "分配至无为市93万元，南陵县52万元" and "给予…南陵县31.2万元": a place named alone is what it got of
            // the programme its sentence names, not one figure stated twice
            if c.measure == nil && c.rate == nil && (c.item == nil || c.item == "total") && places.isSuffix(of: c.scope) { continue }
            // "运维绩效付费为1,164.50万元×92.5÷100=1,077.16万元": a factor of a calculation written out; the name
            // is the result's
            if Self.isFactor(f, context) { continue }
            // scoring criteria ("每超过一个百分点扣0.5分") are parameters, not statements of figures
            if f.kind == .score && criteriaWords.occurs(in: f.label) { continue }
            // "税收占比87.6%，高于全省平均水平6.5个百分点" and "支出增长17.3%，高于全省平均水平4.8个百分点": each a
            // difference from the benchmark of its own subject, stated in the clause before
            if benchmarkLeads.isPrefix(of: f.head) { continue }
            // ("高于8%的目标值2.36个百分点", "低于98%的目标值0.4个百分点": a name opening on the figure before it,
            // "8%的目标值", is that figure's; what follows is a gap from it)
            if f.label.unicodeScalars.first == "的" { continue }
            // "完全失能特困人员147人中已入住84人，集中供养率57.14%": a figure of its sentence after a group picked
            // out (a count, then an among word) is that group's
            if pickedOutGroupBefore(f, context) { continue }
            // "新建健身路径86条，每条补助35,000元" and "新建笼式足球场9个，每个补助300,000元": a standard per thing,
            // the thing named in the clause before
            if perWords.isPrefix(of: f.head) { continue }
            // "抽查发现6个村项目…" and "抽查发现37个项目…": what was found is named after the figure
            if findingVerbs.isSuffix(of: f.head) { continue }
            let head = normalizedHead(f.head, anyOf: modifierSet)
            guard hasTwoIdeographs(head) else { continue }
            // a named project's rate is one figure however it is labelled ("执行率" after its budget
            // and spending, "就业补助资金执行率" later)
            let byConcept = f.kind == .percent && f.concept.rate != nil && f.concept.scope.unicodeScalars.count >= 4
            // "快递进村覆盖率（%） | 95 | 96.97 | 102.07" under 完成率: a row of a rate, its cell in a column of
            // rates is a rate of that rate (its completion), not the rate the row names
            if f.isCellValue, f.concept.rate != nil, case .cell(let t, let r, let col) = f.place,
               case let table = context.doc.tables[t], table.rows.indices.contains(r),
               context.lexicon.resolve(table.header(row: table.rows[r], column: col)).rate != nil,
               context.lexicon.resolve(f.label).rate != nil { continue }
            // made in one buffer (a chain of + grows the text step by step)
            var text = String()
            text.reserveCapacity(head.utf8.count + 64)
            if !byConcept { text += head }
            text += "|"
            text += f.conceptKey
            text += "|"
            text += f.concept.qualifier ?? ""
            text += "|"
            text += f.kind.description
            text += "|"
            text += f.year.map(String.init) ?? "?"
            let key = TextKey(text)
            if let known = groupOfKey[key] {
                groups[known].append(f.id)
            } else {
                groupOfKey[key] = groups.count
                groups.append([f.id])
            }
        }
        restatedTargets(rule, modifierSet, &context)
        var kinds: BudgetKinds?
        let sectionDeictics = context.vocabulary[.sectionDeictics]
        let grandTotal = rule[.grandTotalWords], ownYear = rule[.ownYearWords]
        // "收入总计6500万元" and "本年收入合计4300万元": the grand total and the year's own
        func yearsOwn(_ f: Fact) -> Bool { ownYear.occurs(in: f.label) && !grandTotal.occurs(in: f.label) }
        for group in groups {
            guard group.count >= 2 else { continue }
            let first = context.fact(group[0])
            for id in group.dropFirst() {
                let other = context.fact(id)
                guard !samePlace(first, other), !context.interval(first).overlaps(context.interval(other)) else { continue }
                // "新改建工程 | 2,360.00 | 1,020.00 | 706.00 | 4,086.00": a row of several figures of one concept
                // (columns by source, by month: no measure of their own) states its label's figure once, in one of them
                if case .cell(let t, let r, _) = other.place,
                   context.facts.tableFacts[t][r].values.contains(where: { $0 != id && !context.fact($0).isTarget && context.fact($0).number.comparator == nil && context.fact($0).conceptKey == other.conceptKey && context.fact($0).concept.qualifier == other.concept.qualifier
                       && (context.fact($0).kind.sameFamily(as: other.kind) || context.fact($0).kind == .bare) }) { continue }
                // under two items of an enumerated breakdown ("（一）老年人福利类项目30.04万元 … （二）儿童福利类
                // 项目7.5万元 …"), a name that recurs is about each item's own money
                if inSiblingBreakdownItems(first, other, context) { continue }
                // "共现场核查服务站点50个（乡镇站14个、村级站36个）": parts in brackets after a sample's whole are
                // some of each kind (those checked), not the things their bare name counts elsewhere
                let sampling = context.vocabulary[.samplingWords]
                func sampled(_ f: Fact) -> Bool {
                    context.groups(withPart: f.id).contains { $0.marker == .bracket && sampling.occurs(in: context.fact($0.whole).label) }
                }
                if sampled(first) != sampled(other) { continue }
                // "选择300元及以上档次缴费的A人" and "200元档次缴费B人": a name opening with a tier word is that of
                // the tier the amount before it names, which the label leaves out
                let tiers = context.vocabulary[.tierWords]
                if tiers.isPrefix(of: first.label) || tiers.isPrefix(of: other.label) { continue }
                // "3.“两癌”筛查与救助。…项目全年支出46.80万元" and the department's "项目支出 | 146.93": a figure
                // under an item named in its own words is that item's
                if first.outlineItem != other.outlineItem, ownItemFigure(first, context) || ownItemFigure(other, context) { continue }
                // "…该部分得分18.5分。⏎…该部分得分18分。": each points back at its own part of the text
                if first.place.paragraph != other.place.paragraph,
                   sectionDeictics.isPrefix(of: first.label) || sectionDeictics.isPrefix(of: other.label) { continue }
                if totalsOfDifferentLists(first, other, context) { continue }
                if grandTotal.occurs(in: first.label) && yearsOwn(other) || grandTotal.occurs(in: other.label) && yearsOwn(first) { continue }
                // "上级补助收入" in the 一般公共预算 balance table and again in the 政府性基金预算 one:
                // each budget's own figure
                if kinds == nil { kinds = BudgetKinds(context) }
                if let a = kinds!.kind(atLine: first.line), let b = kinds!.kind(atLine: other.line), a != b { continue }
                // "一、收入支出决算总体情况说明 … 社会保障和就业支出121.46" and "五、一般公共预算财政拨款支出决算情况
                // 说明 … 社会保障和就业支出117.85": all funds' and the appropriations' (names that say which compare)
                if let a = kinds!.scope(atLine: first.line), let b = kinds!.scope(atLine: other.line), a != b,
                   !kinds!.scopeWords.occurs(in: first.label), !kinds!.scopeWords.occurs(in: other.label) { continue }
                // "1月至6月，收入1439.05亿元" and "2020年收入2257.31亿元": a part of the year and the whole
                if partialPeriod(first, context) != partialPeriod(other, context) { continue }
                // "从全市资产结构来看，…公共基础设施1933亿元" and "从市级资产结构来看，…公共基础设施241亿元":
                // paragraphs opened by two scopes
                if let a = openingScope(first, context), let b = openingScope(other, context), a != b { continue }
                // "经费预算A。…经费主要用于：…社会保险单位缴纳部分a" and "支出B。分用途看：…社会保险单位缴纳部分b":
                // figures naming no measure of their own, in paragraphs on a budget and on spending
                if first.place.paragraph != other.place.paragraph, let a = governingMeasure(first, context),
                   let b = governingMeasure(other, context), a != b { continue }
                // under a heading naming a project ("（一）基本公共卫生服务项目"), a figure is that project's,
                // not the department's of another section
                if subjectHeading(first, context) != subjectHeading(other, context) { continue }
                // "2024年“三公”经费预算A，…。全年实际支出a，…" and "2024年全年实际支出B": a figure naming no item of its
                // own in a paragraph opened by an item's figure is about that item
                if first.place.paragraph != other.place.paragraph, openingItem(of: first, context) != openingItem(of: other, context) { continue }
                // "公用经费按生均定额核拨，小学每生每年720元" and "生活补助按学段分档：…小学每生每年1,000元": standards
                // of two programmes, each named by its sentence's opening clause
                if perWords.occurs(in: first.label), let a = openingProgramme(first, rule, context), let b = openingProgramme(other, rule, context),
                   !Self.shareTwoInARow(a, b) { continue }
                // "财政总收入335,857万元" (the budget) and later "财政总收入323,712万元，完成预算的96.38%": a rate
                // stated beside one of them is the ratio of the two, which are then two figures, not one
                if statedRatioRelates(first, other, context) { continue }
                // "发放护理补贴分别为a和b。…新认定补贴c，护理补贴合计a+c" beside the row "护理补贴 | a": the paragraph
                // states the other's figure too; the one that differs is another amount of the item
                if restatesOther(first, other, context) || restatesOther(other, first, context) { continue }
                // "登记高血压患者21,340人，规范管理14,786人" and "登记2型糖尿病患者7,862人，规范管理4,973人": a count right
                // after one of the same measure word naming a group is that group's
                if let a = groupCountBefore(first, context), let b = groupCountBefore(other, context), a != b { continue }
                // two statements in running text compare in any sections (the 结论 restating the body
                // is where slips happen), but not when they are parallel sentences of one template
                // ("全年一般公共预算收入…加上转移性收入8.2亿元" / "全年政府性基金预算收入…加上转移性收入3.1亿元"):
                // those report the same item of different subjects. Not templates: the department's
                // own figures ("我局…自评得分"), a sentence that is nothing but the figure, and within
                // one section a sentence copied with only a figure changed.
                if !first.isCellValue && !other.isCellValue {
                    let a = context.windowText(of: first, radius: 60), b = context.windowText(of: other, radius: 60)
                    let own = selfWords.occurs(in: subjectLabel(first, subjectWords, context)) && selfWords.occurs(in: subjectLabel(other, subjectWords, context))
                        || bareStatement(first, context) || bareStatement(other, context)
                    if !own && parallel(a, b) && (section(first, context) != section(other, context) || withoutFigures(a) != withoutFigures(b)) { continue }
                }
                let evidence = rule.evidence(.consistencySameConcept, [.figureNamed: context.describe(other), .line: String(first.line),
                                                                       .otherNamed: context.describe(first)])
                context.report(rule, main: other, others: [first], evidence: evidence)
                break
            }
        }
    }

    /// `f`, in running text, has in its paragraph another amount of `other`'s value.
    static func restatesOther(_ f: Fact, _ other: Fact, _ context: CheckContext) -> Bool {
        guard f.kind.isMoney, case .text(let p, _, _) = f.place else { return false }
        let value = context.interval(other)
        return context.facts.paragraphFacts[p].contains { id in
            id != f.id && id != other.id && context.fact(id).kind.isMoney && context.interval(context.fact(id)).overlaps(value)
        }
    }

    /// The opening clause of a figure's sentence when it holds no figure and names a programme
    /// (`programme_nouns`): what the standards stated after it are of.
    static func openingProgramme(_ f: Fact, _ rule: Rule, _ context: CheckContext) -> [Unicode.Scalar]? {
        guard case .text(let p, let s, _) = f.place else { return nil }
        let paragraph = context.doc.paragraphs[p]
        guard paragraph.sentences.indices.contains(s) else { return nil }
        let text = paragraph.text.scalars, start = paragraph.sentences[s].lowerBound
        var end = start
        while end < min(text.count, start + 40), !"，,：:；;".unicodeScalars.contains(text[end]), !CharClass.isDigit(text[end]) { end += 1 }
        guard end < text.count, end > start, !CharClass.isDigit(text[end]) else { return nil }
        let clause = Array(text[start..<end])
        return rule[.programmeNouns].firstMatch(in: clause) != nil ? clause : nil
    }

    /// The label of the count right before `f` in its sentence, in the same measure word (the group `f`
    /// counts within), when it names one (two ideographs at least).
    static func groupCountBefore(_ f: Fact, _ context: CheckContext) -> String? {
        guard case .text(let p, _, _) = f.place, let (ids, at) = context.positionInParagraph(of: f), at > 0 else { return nil }
        // the first count of its "；" part, before it (a few figures back)
        let segment = ScalarSearch.semicolonSegment(context.doc.paragraphs[p].text.scalars, around: f.number.numberRange.lowerBound)
        var first: Fact?
        for id in ids[max(0, at - 4)..<at].reversed() {
            let g = context.fact(id)
            guard segment.contains(g.number.numberRange.lowerBound) else { break }
            if g.kind.measureWord != nil { first = g }
        }
        guard let g = first, g.change == 0, !g.comparesYears, g.kind.measureWord == f.kind.measureWord || f.kind == .percent,
              g.label.unicodeScalars.filter(CharClass.isHan).count >= 2 else { return nil }
        return g.label
    }

    /// Two texts share two Han characters in a row.
    static func shareTwoInARow(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        guard a.count >= 2, b.count >= 2 else { return false }
        var pairs = Set<UInt64>()
        for i in 0..<(a.count - 1) where CharClass.isHan(a[i]) && CharClass.isHan(a[i + 1]) { pairs.insert(UInt64(a[i].value) << 32 | UInt64(a[i + 1].value)) }
        for i in 0..<(b.count - 1) where pairs.contains(UInt64(b[i].value) << 32 | UInt64(b[i + 1].value)) { return true }
        return false
    }

    /// "2023年度本部门收入合计A，支出合计B": a bare measure (no scope of its own) in a sentence whose
    /// first figure's label names the subject (本部门, 全年 …) is about that subject too.
    static func sharesOpeningSubject(_ f: Fact, _ subjectWords: WordSet, _ context: CheckContext) -> Bool {
        openingSubject(of: f, subjectWords, context) != nil
    }

    static func openingSubject(of f: Fact, _ subjectWords: WordSet, _ context: CheckContext) -> Fact? {
        guard f.concept.measure != nil, f.concept.rate == nil, f.concept.scope.isEmpty, f.concept.item == nil || f.concept.item == "total",
              case .text(let p, let s, _) = f.place else { return nil }
        // the sentence's first figure, by bisection over the paragraph's (in text order)
        let sentences = context.doc.paragraphs[p].sentences
        guard sentences.indices.contains(s) else { return nil }
        let ids = context.facts.paragraphFacts[p], start = sentences[s].lowerBound
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if context.fact(ids[mid]).number.range.lowerBound < start { lo = mid + 1 } else { hi = mid } }
        guard lo < ids.count, case let first = ids[lo], first != f.id, context.sentence(of: context.fact(first))?.sentence == s else { return nil }
        let opener = context.fact(first)
        return opener.kind.sameFamily(as: f.kind) && opener.year == f.year && subjectWords.occurs(in: opener.label) ? opener : nil
    }

    /// The label that names `f`'s subject: its own, or its sentence's opening figure's (`openingSubject`).
    static func subjectLabel(_ f: Fact, _ subjectWords: WordSet, _ context: CheckContext) -> String {
        if subjectWords.occurs(in: f.label) { return f.label }
        return openingSubject(of: f, subjectWords, context)?.label ?? f.label
    }

    /// A percentage in the sentence of `a` or of `b` that, within its rounding, is a ÷ b or b ÷ a.
    static func statedRatioRelates(_ a: Fact, _ b: Fact, _ context: CheckContext) -> Bool {
        for f in [a, b] {
            guard case .text(let p, let s, _) = f.place else { continue }
            // the facts of its sentence: the paragraph's are in text order, found by bisection
            let ids = context.facts.paragraphFacts[p]
            let sentences = context.doc.paragraphs[p].sentences
            guard sentences.indices.contains(s) else { continue }
            let range = sentences[s]
            var lo = 0, hi = ids.count
            while lo < hi { let mid = (lo + hi) / 2; if context.fact(ids[mid]).number.range.lowerBound < range.lowerBound { lo = mid + 1 } else { hi = mid } }
            for id in ids[lo...] {
                let r = context.fact(id)
                if r.number.range.lowerBound >= range.upperBound { break }
                guard r.kind == .percent, case .text(_, s, _) = r.place else { continue }
                let stated = context.interval(r)
                if context.ratio(a, b, fits: stated) || context.ratio(b, a, fits: stated) { return true }
            }
        }
        return false
    }

    /// "档案数字化加工预算201.00万元" in the text, 210.00 in the table row 档案数字化加工 under 预算数:
    /// one named item's money, by concept (measure, item, scope, qualifier) and year, not by label.
    static func proseVsTable(_ rule: Rule, _ context: inout CheckContext) {
        let minimumScope = rule[.minScopeLength]
        let partIDs = context.facts.listed.union(context.facts.groups.flatMap(\.parts))
        func key(_ f: Fact) -> String? {
            let c = f.concept
            guard f.kind.isMoney, let m = c.measure, c.rate == nil, c.scope.unicodeScalars.count >= minimumScope,
                  f.measureSource == .label || f.measureSource == .header || f.measureSource == .sibling, let y = f.year else { return nil }
            // "全民健身场地设施建设项目全年预算" in the text is the row "全民健身场地设施建设"
            let item = c.item == "project" ? "" : (c.item ?? "")
            return [m, item, c.scope, c.qualifier ?? "", String(y)].joined(separator: "|")
        }
        var cells = [TextKey: [Fact]]()
        let facts = context.facts.facts
        for k in facts.indices where facts[k].isCellValue && eligible(facts, k, []) {
            if let key = key(facts[k]) { cells[TextKey(key), default: []].append(facts[k]) }
        }
        guard !cells.isEmpty else { return }
        var kinds: BudgetKinds?
        for k in facts.indices where !facts[k].isCellValue && eligible(facts, k, partIDs) {
            let f = facts[k]
            guard case .text = f.place, let k = key(f), let matches = cells[TextKey(k)] else { continue }
            // one value in the tables, or the item is not one thing
            let values = Set(matches.map { context.interval($0).midpoint })
            guard values.count == 1, let cell = matches.first, !context.interval(cell).overlaps(context.interval(f)) else { continue }
            // "五、一般公共预算财政拨款支出决算情况说明 … 卫生健康支出a" beside the all-funds table's row: the
            // appropriations' figure and all funds', or two budgets' (unless a label says which it is of)
            if kinds == nil { kinds = BudgetKinds(context) }
            if !kinds!.scopeWords.occurs(in: f.label), !kinds!.scopeWords.occurs(in: cell.label),
               kinds!.scope(atLine: f.line) != kinds!.scope(atLine: cell.line) || kinds!.kind(atLine: f.line) != kinds!.kind(atLine: cell.line) { continue }
            // "…支出决算为186.54万元…。另使用其他收入安排…14.42万元，全年审计业务支出合计200.96万元": the
            // paragraph states the row's figure too; the one that differs is another amount of the item
            if case .text(let p, _, _) = f.place, context.facts.paragraphFacts[p].contains(where: {
                facts[$0].kind.isMoney && context.interval(facts[$0]).overlaps(context.interval(cell))
            }) { continue }
            let evidence = rule.evidence(.consistencyProseVersusTable, [.figureNamed: context.describe(f), .otherNamed: context.describe(cell)])
            context.report(rule, main: f, others: [cell], evidence: evidence)
        }
    }

    static func section(_ f: Fact, _ context: CheckContext) -> Int? {
        guard case .text(let p, _, _) = f.place else { return nil }
        return context.doc.paragraphs[p].sectionPath.last
    }

    /// Sentences built on one template: their character bigrams (digits left out) mostly coincide.
    static func parallel(_ a: String, _ b: String) -> Bool {
        func bigrams(_ s: String) -> Set<String> {
            let chars = Array(s.filter { !$0.isNumber && $0 != "." && !$0.isWhitespace })
            guard chars.count >= 2 else { return [] }
            return Set((0..<(chars.count - 1)).map { String(chars[$0...($0 + 1)]) })
        }
        let x = bigrams(a), y = bigrams(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        let shared = Double(x.intersection(y).count)
        return shared / Double(min(x.count, y.count)) >= 0.6
    }

    /// "全年城镇新增就业2.68万人。": a sentence that says nothing but the figure restates it; it is
    /// contained in any longer sentence on the same thing without sharing its template.
    static func bareStatement(_ f: Fact, _ context: CheckContext) -> Bool {
        guard case .text = f.place else { return false }
        let punctuation = "，。；：、,.;:！？!?“”\"（）()".unicodeScalars
        func letters(_ s: String) -> String {
            String(withoutFigures(s).unicodeScalars.filter { !punctuation.contains($0) }.map(Character.init))
        }
        return letters(context.sentenceText(of: f)) == letters(f.label + f.number.unitText)
    }

    static func withoutFigures(_ s: String) -> String {
        String(s.unicodeScalars.filter { !CharClass.isDigit($0) && $0 != "." && !CharClass.isWhitespace($0) }.map(Character.init))
    }

    /// "乘客满意度不低于95%" among the year's targets in the text and "乘客满意度 | ≥97%" in the indicator
    /// table: one target stated twice. Only a name of four characters at least, bound the same way (≥, ≤),
    /// of one year, stated once in the text and with one value in the tables.
    static func restatedTargets(_ rule: Rule, _ modifiers: WordSet, _ context: inout CheckContext) {
        let facts = context.facts.facts
        var byKey = [TextKey: [Int]]()
        for k in facts.indices {
            let f = facts[k]
            guard let bound = f.number.comparator, f.kind != .bare, !f.number.inRange, f.change == 0, !f.comparesYears,
                  f.shareOf == nil, !f.number.approximate else { continue }
            if case .cell = f.place, !f.isCellValue { continue }
            let head = normalizedHead(f.head, anyOf: modifiers)
            guard head.unicodeScalars.count >= 4, hasTwoIdeographs(head) else { continue }
            // the comparator by its raw value: interpolating the enum itself reflected on it (a Mirror per
            // fact, a thirtieth of checking one report)
            byKey[TextKey("\(head)|\(f.kind.description)|\(bound.rawValue)|\(f.year.map(String.init) ?? "?")"), default: []].append(k)
        }
        for ids in byKey.values where ids.count >= 2 {
            let cells = ids.filter { facts[$0].isCellValue }, texts = ids.filter { !facts[$0].isCellValue }
            guard texts.count == 1, let first = cells.first, let text = texts.first,
                  cells.allSatisfy({ context.intervals[$0] == context.intervals[first] }),
                  !context.intervals[first].overlaps(context.intervals[text]) else { continue }
            let (a, b) = (facts[min(first, text)], facts[max(first, text)])
            let evidence = rule.evidence(.consistencySameConcept, [.figureNamed: context.describe(b), .line: String(a.line),
                                                                   .otherNamed: context.describe(a)])
            context.report(rule, main: b, others: [a], evidence: evidence)
        }
    }

    /// Whether `facts[k]` is a plain statement of a figure (no target or plan, range, change, comparison or
    /// share; not one of a list's parts), read in place: a fact handed over by value is copied, every field.
    @inline(__always)
    /// A percentage is one when it is a rate: of a lexicon concept, or named by its own label ending
    /// in a `ratio_endings` word ("车辆完好率97.32%"), not a bare share.
    static func eligible(_ facts: [Fact], _ k: Int, _ parts: Set<Int>, rateEndings: WordSet = WordSet()) -> Bool {
        guard facts[k].kind != .bare, !facts[k].unitAssumed, !facts[k].isTarget, !facts[k].isPlanned, !facts[k].number.inRange, facts[k].number.comparator == nil,
              !facts[k].number.approximate, !facts[k].comparesYears, facts[k].shareOf == nil, facts[k].change == 0,
              !parts.contains(facts[k].id) else { return false }
        if facts[k].kind == .percent && facts[k].concept.rate == nil {
            // (three characters at least before the ending: a bare 核销率, 整改率 is of the subject the clause before names)
            guard let ending = rateEndings.suffix(of: facts[k].head),
                  facts[k].head.unicodeScalars.count - ending.unicodeScalars.count >= 3 else { return false }
        }
        if case .cell = facts[k].place, !facts[k].isCellValue { return false }
        return true
    }

    /// A figure followed by a multiplication sign (`multiplication_signs`) or a division sign.
    static func isFactor(_ f: Fact, _ context: CheckContext) -> Bool {
        guard case .text(let p, _, _) = f.place else { return false }
        let text = context.doc.paragraphs[p].text.scalars
        var k = f.number.range.upperBound
        while k < text.count && CharClass.isWhitespace(text[k]) { k += 1 }
        return k < text.count && (text[k] == "÷" || context.vocabulary[.multiplicationSigns].prefixLength(text, at: k) > 0)
    }

    /// Two figures of one paragraph (or one table row) are different statements of a list, not a restatement.
    static func samePlace(_ a: Fact, _ b: Fact) -> Bool {
        switch (a.place, b.place) {
        case (.text(let p, _, _), .text(let q, _, _)): return p == q
        case (.cell(let t, let r, _), .cell(let u, let s, _)): return t == u && r == s
        default: return false
        }
    }

    /// At least two CJK ideographs (U+4E00…U+9FFF) in the text; counts no further than two.
    static func hasTwoIdeographs(_ text: String) -> Bool {
        var count = 0
        for ch in text.unicodeScalars where ch.value >= 0x4E00 && ch.value <= 0x9FFF {
            count += 1
            if count == 2 { return true }
        }
        return false
    }

    /// The head without whitespace, years and the modifiers (given as scalars, made once per rule).
    /// `anyOf`: the modifiers as a word set, when the caller has it: a head containing none of
    /// them is not searched for each.
    static func normalizedHead(_ head: String, _ modifiers: [[Unicode.Scalar]], anyOf modifierSet: WordSet? = nil) -> String {
        var scalars = headScalars(head)
        // removing a modifier that does not occur changes nothing, so none occurring means no
        // removal can
        if let modifierSet, modifierSet.firstMatch(in: scalars) == nil { return ScalarString.make(scalars) }
        for m in modifiers { scalars = Lexicon.removing(m, from: scalars) }
        return ScalarString.make(scalars)
    }

    /// The same, the modifiers removed from the word set's own scalars (no array made per modifier).
    static func normalizedHead(_ head: String, anyOf modifierSet: WordSet) -> String {
        let scalars = headScalars(head)
        if modifierSet.firstMatch(in: scalars) == nil { return ScalarString.make(scalars) }
        return ScalarString.make(modifierSet.removingEach(from: scalars))
    }

    static func headScalars(_ head: String) -> [Unicode.Scalar] {
        var scalars = [Unicode.Scalar]()
        if head.unicodeScalars.allSatisfy(ScalarString.isOwnCharacter) {
            // each scalar a character of its own: the same reading as below, without clusters
            scalars.reserveCapacity(head.unicodeScalars.count)
            var digits = 0
            // a year ("2023年", "2023年度") anywhere in the head, not only first: "本部门2023年度支出"
            // is "2023年度本部门支出"
            var afterYear = false
            for ch in head.unicodeScalars where !isWhitespace(ch) {
                if isNumber(ch) { scalars.append(ch); digits += 1; afterYear = false; continue }
                if digits > 0 {
                    let year = ch == "年"
                    if year { scalars.removeLast(digits) }
                    digits = 0
                    afterYear = year
                    if year { continue }
                }
                if afterYear && ch == "度" { afterYear = false; continue }
                afterYear = false
                scalars.append(ch)
            }
        } else {
            scalars = Array(characterHead(head).unicodeScalars)
        }
        if scalars.first == "度" { scalars.removeFirst() }
        return scalars
    }

    /// `Character.isWhitespace` of a one-scalar character, without the property lookup for ASCII
    /// and ideographs (none of which is white space).
    @inline(__always) static func isWhitespace(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        return ch.properties.isWhitespace
    }

    /// `Character.isNumber` of a one-scalar character (ideographs such as 一 are numbers too).
    @inline(__always) static func isNumber(_ ch: Unicode.Scalar) -> Bool { ScalarProperties.isNumeric(ch) }

    /// Years dropped from a head read character by character.
    private static func characterHead(_ head: String) -> String {
        let h = head.filter { !$0.isWhitespace }
        // years ("2022年", "2022年度") and the report's own subject words
        var out = ""
        var digits = ""
        var afterYear = false
        for ch in h {
            if ch.isNumber { digits.append(ch); afterYear = false; continue }
            if !digits.isEmpty {
                if ch != "年" { out += digits }
                digits = ""
                if ch == "年" { afterYear = true; continue }
            }
            if afterYear && ch == "度" { afterYear = false; continue }
            afterYear = false
            out.append(ch)
        }
        out += digits
        return out
    }

    /// The two figures stand under different items of one level of the outline, and those items
    /// state amounts of their own: parts of a breakdown, each about its own subject.
    /// A paragraph's opening clause ("从市级资产结构来看，") is short.
    static let longestOpening = 30

    /// The territory or level of government the first clause of the figure's paragraph names
    /// ("从全市…来看" 全市, "市级部门…" 市级): the paragraph's figures are that scope's.
    /// For an amount naming no measure of its own, the measure of the nearest amount before it in its
    /// paragraph that names one, not as a share's base ("占当年区级一般公共预算支出38.65亿元的0.74%"); a
    /// few back (linear); nil otherwise.
    static func governingMeasure(_ f: Fact, _ context: CheckContext) -> String? {
        guard f.kind.isMoney, !f.concept.explicitMeasure, let (ids, at) = context.positionInParagraph(of: f) else { return nil }
        let shareWords = context.vocabulary[.shareMarkers]
        for id in ids[max(0, at - 16)..<at].reversed() {
            let g = context.fact(id)
            guard g.kind.isMoney, g.change == 0, !g.comparesYears, g.concept.explicitMeasure, let m = g.concept.measure,
                  !shareWords.isPrefix(of: g.label) else { continue }
            return m
        }
        return nil
    }

    /// The item a figure is about: its own, or, when it names none (the whole, no scope), the item of
    /// its paragraph's first figure.
    static func openingItem(of f: Fact, _ context: CheckContext) -> String? {
        let own = f.concept.item
        guard own == nil || own == "total", f.concept.scope.isEmpty, case .text(let p, _, _) = f.place,
              let first = context.facts.paragraphFacts[p].first, first != f.id else { return own }
        let item = context.fact(first).concept.item
        return item == nil || item == "total" ? own : item
    }

    static func openingScope(_ f: Fact, _ context: CheckContext) -> String? {
        guard case .text(let p, _, _) = f.place else { return nil }
        let s = context.doc.paragraphs[p].text.scalars
        var end = 0
        while end < s.count && end < longestOpening && !ScalarSets.clauseBreaks.contains(s[end]) && s[end] != "。" { end += 1 }
        guard end < s.count, end < longestOpening else { return nil }
        let matches = [context.vocabulary[.territoryWords], context.vocabulary[.fundingLevelWords]].compactMap { $0.firstMatch(in: s, before: end) }
        guard let m = matches.min(by: { $0.start < $1.start }) else { return nil }
        return ScalarString.make(s[m.start..<(m.start + m.length)])
    }

    /// The innermost heading over a running-text figure whose title names a subject (ends with a
    /// `subject_nouns` word: 项目, 专项, 资金 …), if any.
    static func subjectHeading(_ f: Fact, _ context: CheckContext) -> Int? {
        guard case .text(let p, _, _) = f.place else { return nil }
        let nouns = context.vocabulary[.subjectNouns]
        for h in context.doc.paragraphs[p].sectionPath.reversed() {
            let heading = context.doc.paragraphs[h]
            guard let title = heading.heading.map({ heading.text.string($0.titleRange) }) else { continue }
            let trimmed = title.trimmingCharacters(in: .whitespaces)
            if nouns.isSuffix(of: trimmed) && trimmed.unicodeScalars.count > 2 { return h }
        }
        return nil
    }

    /// The months of a part of the year its sentence names before the figure ("一季度" 3, "上半年" 6,
    /// "1-9月" 9, "截至10月底" 10), nil for none: figures of the year and of a part of it differ.
    static func partialPeriod(_ f: Fact, _ context: CheckContext) -> Int? {
        guard case .text(let p, let sentence, _) = f.place else { return nil }
        let paragraph = context.doc.paragraphs[p]
        let s = paragraph.text.scalars
        let start = paragraph.sentences.indices.contains(sentence) ? paragraph.sentences[sentence].lowerBound : 0
        let end = min(f.number.numberRange.lowerBound, s.count)
        guard start < end else { return nil }
        let v = context.vocabulary
        for (words, months) in [(v[.quarterPeriods], 3), (v[.halfYearPeriods], 6), (v[.threeQuarterPeriods], 9)]
        where words.firstMatch(in: s, from: start, before: end) != nil { return months }
        // "1-6月", "1月至6月", "截至10月底": a month of 1 to 11 (12月 closes the year)
        var k = start + 1
        while k < end {
            defer { k += 1 }
            guard s[k] == "月", CharClass.isDigit(s[k - 1]) else { continue }
            var d = k - 1
            while d > start && CharClass.isDigit(s[d - 1]) { d -= 1 }
            if let m = Int(ScalarString.make(s[d..<k])), (1...11).contains(m), d == 0 || s[d - 1] != "年" || m > 1 {
                // "2021年1月" alone opens a period that the next month figure closes: the last month counts
                var last = m
                var j = k + 1
                while j + 1 < end, !CharClass.isDigit(s[j]) && j - k < 3 { j += 1 }
                var e = j
                while e < end && CharClass.isDigit(s[e]) { e += 1 }
                if e < end, s[e] == "月", e > j, let n = Int(ScalarString.make(s[j..<e])), (1...12).contains(n) { last = n }
                return last == 12 ? nil : last
            }
        }
        return nil
    }

    /// "合计" of a table by function and "合计" of a table of key projects: the totals of two tables
    /// that list no row in common are the totals of two wholes.
    static func totalsOfDifferentLists(_ a: Fact, _ b: Fact, _ context: CheckContext) -> Bool {
        guard a.marksTotal, b.marksTotal, case .cell(let t1, let r1, _) = a.place, case .cell(let t2, let r2, _) = b.place, t1 != t2 else { return false }
        let x = rowNames(context.doc.tables[t1], except: r1), y = rowNames(context.doc.tables[t2], except: r2)
        return !x.isEmpty && !y.isEmpty && x.isDisjoint(with: y)
    }

    /// The names of a table's data rows (each row's first cell holding an ideograph).
    static func rowNames(_ table: Table, except skipped: Int) -> Set<String> {
        var names = Set<String>()
        for (r, row) in table.rows.enumerated() where r != skipped && row.kind == .data {
            if let cell = row.cells.first(where: { $0.text.scalars.contains(where: CharClass.isHan) }) {
                names.insert(cell.string.trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    static func inSiblingBreakdownItems(_ a: Fact, _ b: Fact, _ context: CheckContext) -> Bool {
        let outline = context.facts.outline
        guard let x = a.outlineItem, let y = b.outlineItem, x != y else { return false }
        // each the amount its own item states ("（二）社会公益类项目60万元" under 中央资金, "（二）社会公益类
        // 项目8万元" under 省级资金): items of two lists, each about its own money
        if outline[x].amount == a.id && outline[y].amount == b.id { return true }
        func chain(_ i: Int) -> [Int] {
            var out = [i]
            while let p = outline[out.last!].parent { out.append(p) }
            return out.reversed()
        }
        let cx = chain(x), cy = chain(y)
        var k = 0
        while k < cx.count && k < cy.count && cx[k] == cy[k] { k += 1 }
        guard k < cx.count, k < cy.count else { return false }
        // "1.…养殖基地建设项目，…资金303万元" and "2.…基础设施建设项目，…资金107.13万元": two projects
        if let s = outline[cx[k]].subject, let t = outline[cy[k]].subject, s != t { return true }
        // "1.高血压。…在册管理14,306人" and "2.糖尿病。…在册管理5,126人": two things named by bare titles
        if let s = runInName(outline[cx[k]], context), let t = runInName(outline[cy[k]], context), s != t { return true }
        return outline[cx[k]].amount != nil && outline[cy[k]].amount != nil
    }

    /// A figure in running text, its label opening with a bare subject noun, under an item with a bare
    /// run-in name that shares no two characters in a row with the label (the item is its subject); or
    /// in the item's own paragraph, named by its measure alone ("1.因公出国（境）费。全年预算0万元").
    static func ownItemFigure(_ f: Fact, _ context: CheckContext) -> Bool {
        // (the label opening with a bare subject noun, "项目全年支出": that item's project, not the department's)
        guard let item = f.outlineItem, case .text = f.place else { return false }
        let measureAlone = context.facts.outline[item].paragraph == f.place.paragraph && f.concept.item == "total"
            && f.concept.scope.isEmpty && f.concept.measure != nil
        guard measureAlone || context.vocabulary[.subjectNouns].isPrefix(of: f.label) else { return false }
        let b = Array(f.label.unicodeScalars)
        guard b.count >= 2 else { return false }
        func namesAnother(_ name: String) -> Bool {
            let a = Array(name.unicodeScalars).filter(CharClass.isHan)
            guard a.count >= 2 else { return false }
            for i in 0..<(a.count - 1) {
                for j in 0..<(b.count - 1) where a[i] == b[j] && a[i + 1] == b[j + 1] { return false }
            }
            return true
        }
        let outline = context.facts.outline
        guard let name = runInName(outline[item], context) else { return false }
        if namesAnother(name) { return true }
        // ("1.经济普查。…⏎（2）其他支出。项目全年支出A": an item of the project's own breakdown, under the project's item)
        guard !measureAlone else { return false }
        var up = outline[item].parent, steps = 0
        while let u = up, steps < 3 {
            if let outer = runInName(outline[u], context), namesAnother(outer) { return true }
            up = outline[u].parent
            steps += 1
        }
        return false
    }

    /// Whether a count before `f` in its sentence is followed at once by an among word (`among_endings`:
    /// "147人中"): the sentence speaks of that group from there on.
    static func pickedOutGroupBefore(_ f: Fact, _ context: CheckContext) -> Bool {
        guard case .text(let p, _, _) = f.place, let (ids, at) = context.positionInParagraph(of: f),
              let (_, s) = context.sentence(of: f) else { return false }
        let text = context.doc.paragraphs[p].text.scalars, among = context.vocabulary[.amongEndings]
        for k in stride(from: at - 1, through: max(0, at - 8), by: -1) {
            let o = context.fact(ids[k])
            guard let (_, s2) = context.sentence(of: o), s2 == s else { break }
            if case .count = o.kind, among.prefixLength(text, at: o.number.range.upperBound) > 0 { return true }
            // ("8个小区中2个已完工", "8个小区中仅3个引入物业": or after the noun it counts, right before the next figure)
            if case .count = o.kind, k + 1 < ids.count, case let next = context.fact(ids[k + 1]).number.numberRange.lowerBound,
               case let from = o.number.range.upperBound, from < next, next - from <= 8,
               text[from..<next].allSatisfy(CharClass.isHan), among.suffixLength(text, endingAt: next) > 0 { return true }
        }
        return false
    }

    /// The title of an item written into its paragraph as a bare name closed at once ("1.高血压。…",
    /// "2.城市低保：…"): a few characters, no figure; nil for any other title.
    static func runInName(_ item: OutlineItem, _ context: CheckContext) -> String? {
        let s = context.doc.paragraphs[item.paragraph].text.scalars
        var i = HeadingDetector.enumerator(s, at: item.start)?.end ?? item.start
        while i < s.count, CharClass.isWhitespace(s[i]) { i += 1 }
        let begin = i
        var nameEnd: Int?
        while i < s.count, i - begin <= Self.longestRunInName, !Self.runInClosers.contains(s[i]) {
            // ("1.图书馆（2070104）。": the classification code in brackets after the name is no part of it)
            if s[i] == "（" || s[i] == "(", nameEnd == nil {
                var j = i + 1
                while j < s.count, CharClass.isDigit(s[j]) { j += 1 }
                if j > i + 1, j < s.count, s[j] == "）" || s[j] == ")" { nameEnd = i; i = j + 1; continue }
            }
            if CharClass.isDigit(s[i]) || s[i] == " " || s[i] == "\t" || nameEnd != nil { return nil }
            i += 1
        }
        let end = nameEnd ?? i
        guard i < s.count, Self.runInClosers.contains(s[i]), end - begin >= 2, i - begin <= Self.longestRunInName, i + 1 < s.count else { return nil }
        return ScalarString.make(s[begin..<end])
    }
    // (a classification's item is named by its 类, 款 and 项: "公共安全支出（类）检察（款）行政运行（项）")
    static let longestRunInName = 28
    static let runInClosers: Set<Unicode.Scalar> = ["。", "：", ":"]
}

/// Which budget (一般公共预算, 政府性基金预算, …) the text is about, line by line: set by a short
/// line (a heading, a table's title) or a table caption naming one of them, until the next.
struct BudgetKinds {
    private var marks: [(line: Int, kind: String)] = []
    /// Whether the text is on all the department's funds or on its appropriations, line by line, set
    /// the same way (`all_funds_headings`, `appropriation_headings`; a budget kind is appropriations).
    private var scopes: [(line: Int, kind: String)] = []
    /// Words in a label that say which funds it is of, whatever the heading over it.
    let scopeWords: WordSet

    init(_ context: CheckContext) {
        let words = context.vocabulary[.budgetKinds]
        let all = context.vocabulary[.allFundsHeadings], appropriation = context.vocabulary[.appropriationHeadings]
        scopeWords = words.union(appropriation)
        func only(_ s: [Unicode.Scalar]) -> String? {
            let found = Set(words.matches(in: s).map { ScalarString.make(s[$0.start..<($0.start + $0.length)]) })
            return found.count == 1 ? found.first : nil
        }
        func scope(_ s: [Unicode.Scalar]) -> String? {
            if appropriation.firstMatch(in: s) != nil || words.firstMatch(in: s) != nil { return "appropriation" }
            return all.firstMatch(in: s) != nil ? "all" : nil
        }
        func mark(_ s: [Unicode.Scalar], line: Int) {
            if !words.isEmpty, let kind = only(s) { marks.append((line, kind)) }
            if let kind = scope(s) { scopes.append((line, kind)) }
        }
        for p in context.doc.paragraphs {
            let s = p.text.scalars
            guard s.count <= 40, !s.contains("。") else { continue }
            mark(s, line: p.firstLine)
        }
        for t in context.doc.tables where !t.caption.isEmpty { mark(ScalarString.scalars(t.caption), line: t.firstLine) }
        marks.sort { $0.line < $1.line }
        scopes.sort { $0.line < $1.line }
    }

    private static func last(_ marks: [(line: Int, kind: String)], before line: Int) -> String? {
        var lo = 0, hi = marks.count
        while lo < hi { let mid = (lo + hi) / 2; if marks[mid].line <= line { lo = mid + 1 } else { hi = mid } }
        return lo > 0 ? marks[lo - 1].kind : nil
    }

    /// The budget named last before `line` (nil before any).
    func kind(atLine line: Int) -> String? { Self.last(marks, before: line) }

    /// The funds (all, or appropriations) the text is on at `line` (nil before any heading says).
    func scope(atLine line: Int) -> String? { Self.last(scopes, before: line) }
}

