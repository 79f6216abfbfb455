import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

/// `kind = "parts"`: a stated whole and its listed parts (其中 / 包括 / 合计 / 共).
///  - exceeds-whole: the parts add up to more than the whole;
///  - complete-list: the list is complete (包括…和…, a partition by status, or a decomposition of the
///    lexicon such as 基本支出 + 项目支出) and does not add up;
///  - near-complete: an open list whose parts fall short of the whole by a sliver (`near_ratio`):
///    most likely a complete list with a slip;
///  - within-limit: a figure said to be kept within a limit stated after it is above it (WithinLimit.swift).
enum PartsCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "implied-bases" { impliedBases(rule, &context); return }
        if rule.check == "implied-priors" { impliedPriors(rule, &context); return }
        if rule.check == "balanced-totals" { balancedTotals(rule, &context); return }
        if rule.check == "within-limit" { withinLimits(rule, &context); return }
        if rule.check == "stated-difference" { StatedDifference.check(rule, &context); return }
        if rule.check == "stock-flow" { StockFlow.check(rule, &context); return }
        if rule.check == "exceeds-whole" { mixedUnits(&context) }
        let sums = context.partsSums()
        // (the lists that make up their whole matter to two of the checks only)
        let completeness = rule.check == "exceeds-whole" ? [] : context.partsComplete()
        for (g, group) in context.facts.groups.enumerated() where !group.nestedThresholds {
            let whole = context.fact(group.whole)
            let parts = group.parts.map { context.fact($0) }
            guard !parts.isEmpty else { continue }
            if whole.kind.isMoney && parts.contains(where: { !$0.kind.isMoney }) { continue }
            let wholeIv = context.interval(whole)
            let sumIv = sums[g]
            let complete = completeness.isEmpty ? false : completeness[g]
            var failing = false
            switch rule.check {
            case "exceeds-whole":
                failing = Decimals.less(wholeIv.hi, sumIv.lo) && parts.count >= 1
                    && !leadingPartsMakeWhole(parts, wholeIv, context) && !earlierCountsMakeWhole(whole, sumIv, context)
                    && !overflowsPastSemicolon(parts, whole: whole, wholeIv, context)
                    && !anotherFigureIsTheWhole(whole, parts, sumIv, context) && !eachARateOfTheWhole(whole, parts, context)
                    // "较上年减少2.00万元，主要是…医药费调减7.00万元": some reasons for a net change may outweigh
                    // it, others pulling the other way
                    && !(group.namesSomeParts && whole.change != 0)
            case "complete-list":
                failing = complete && parts.count >= 2 && !sumIv.overlaps(wholeIv) && !leadingPartsMakeWhole(parts, wholeIv, context)
                    && !anotherFigureIsTheWhole(whole, parts, sumIv, context)
                    && !(Decimals.less(sumIv.hi, wholeIv.lo) && (runsOffTheEnd(parts.last!, context) || breaksDownOneConjunct(whole, parts, context)
                        || sharesFallShort(whole, parts, context) || restStatedBeside(whole, parts, missing: wholeIv - sumIv, context)))
            case "near-complete":
                guard !complete, parts.count >= 2, whole.kind.isMoney, Decimals.less(sumIv.hi, wholeIv.lo),
                      !runsOffTheEnd(parts.last!, context) else { continue }
                let gap = Decimals.difference(wholeIv.lo, sumIv.hi)
                failing = Decimals.lessOrEqual(gap, Decimals.product(wholeIv.midpoint, rule[.nearRatio]))
                    && !restStatedBeside(whole, parts, missing: wholeIv - sumIv, context)
                    && !restInTables(missing: wholeIv - sumIv, unit: whole.kind.moneyUnit, context)
            default:
                continue
            }
            guard failing else { continue }
            // the parts hold once a figure written in 元 is read as 万元: a unit slip, not a sum slip
            let all = [whole] + parts
            let yuan = all.filter { $0.kind.moneyUnit == .yuan }
            if !yuan.isEmpty && all.contains(where: { $0.kind.moneyUnit == .wanYuan }) {
                let scaled = Set(yuan.map(\.id))
                let w = scaledInterval(whole, scaled, context)
                let s = parts.reduce(Interval(exactly: 0)) { $0 + scaledInterval($1, scaled, context) }
                if w.overlaps(s) || (rule.check == "exceeds-whole" && Decimals.lessOrEqual(s.lo, w.hi)),
                   context.handOver(.unit(slipped: yuan, involved: all, written: .yuan)) {
                    continue
                }
            }
            context.report(rule, main: whole, others: parts, evidence: rule.evidence(.partsSum, sumSlots(whole, parts, context)))
        }
    }

    /// The table reaches the text's last line, which ends in neither a number nor a sentence's end
    /// ("…效益指标(30分) … 10 10 可持续影响"): an excerpt cut off in a row the table lost.
    static func tableRunsOffTheEnd(_ t: Int, _ context: CheckContext) -> Bool {
        let lines = context.doc.document.lines
        guard let last = lines.lastIndex(where: { !$0.text.unicodeScalars.allSatisfy(CharClass.isWhitespace) }),
              context.doc.tables[t].lastLine >= lines[last].number,
              let end = lines[last].text.unicodeScalars.last(where: { !CharClass.isWhitespace($0) && $0 != "|" }) else { return false }
        return !CharClass.isDigit(end) && !"。；;！!？?.%％）)”\"".unicodeScalars.contains(end)
    }

    /// "年末在册管理14,306人；其中规范管理9,862人，规范管理率68.94%；血压控制达标8,215人，血压控制率57.42%":
    /// counts each followed by its own rate of the whole, rates that add up to more than 100%, count
    /// what of the whole meets each mark: they overlap, no partition.
    static func eachARateOfTheWhole(_ whole: Fact, _ parts: [Fact], _ context: CheckContext) -> Bool {
        guard !whole.kind.isMoney, let rates = ratesRightAfter(parts, of: whole, unnamedOnly: true, context) else { return false }
        return rates.reduce(Decimal(0)) { $0 + $1.value } > 100
    }

    /// "按资金来源分，中央财政补助A，占P%；省级财政补助B，占Q%；⏎县级财政配套C，占R%": each part
    /// followed by its share of the whole, and the shares short of 100% even at the top of their
    /// rounding: the parts are not all there (the rest is in the next paragraph, or not stated).
    static func sharesFallShort(_ whole: Fact, _ parts: [Fact], _ context: CheckContext) -> Bool {
        guard let rates = ratesRightAfter(parts, of: whole, unnamedOnly: false, context) else { return false }
        return rates.reduce(Decimal(0)) { $0 + context.interval($1).hi } < 100
    }

    /// The percentage right after each part, in its sentence, that is the part over the whole (× 100);
    /// nil unless every part (two at least) has one. `unnamedOnly`: no share naming its base.
    static func ratesRightAfter(_ parts: [Fact], of whole: Fact, unnamedOnly: Bool, _ context: CheckContext) -> [Fact]? {
        guard parts.count >= 2 else { return nil }
        let facts = context.facts.facts
        var rates = [Fact]()
        for part in parts {
            guard part.id + 1 < facts.count, case let rate = facts[part.id + 1], rate.kind == .percent, !unnamedOnly || rate.shareOf == nil,
                  rate.change == 0, let a = rate.place.sentence, let b = part.place.sentence, a == b,
                  context.ratio(part, whole, fits: context.interval(rate)) else { return nil }
            rates.append(rate)
        }
        return rates
    }

    /// "计划新改建农村公路86.4公里，实际完成81.7公里，…。其中县道23.6公里，乡村道路58.1公里，未完工的
    /// 涉及里程4.7公里": a list whose whole was read as the figure before it may break down another
    /// figure of that figure's sentence, of its kind, which the parts make up.
    static func anotherFigureIsTheWhole(_ whole: Fact, _ parts: [Fact], _ sum: Interval, _ context: CheckContext) -> Bool {
        guard parts.count >= 2, let (p, s) = context.sentence(of: whole), let (ids, at) = context.positionInParagraph(of: whole),
              let (pp, ps) = context.sentence(of: parts[0]), pp == p, ps > s else { return false }
        // (not when the parts are named by the whole's own measure and the other figure's is another:
        // "拨入A，支出B。其中：甲支出a，乙支出b" breaks down B)
        let namedByWhole = whole.namesTheMeasure(of: parts)
        // (a bounded look around the whole: a sentence of many figures stays linear)
        for id in ids[max(0, at - 8)..<min(ids.count, at + 8)] where id != whole.id {
            let f = context.fact(id)
            if namedByWhole && !f.namesTheMeasure(of: parts) { continue }
            guard context.sentence(of: f)?.sentence == s, f.kind.sameFamily(as: whole.kind) || (f.kind.isMoney && whole.kind.isMoney),
                  f.change == 0, !f.number.inRange, f.number.comparator == nil, f.shareOf == nil, !f.comparesYears else { continue }
            if context.interval(f).overlaps(sum) { return true }
        }
        return false
    }

    /// "对5个部门、5个镇乡街道开展整体评价，15个专项开展重点评价，其中：良好部门5个；优秀镇乡街道3个…": a 其中
    /// after several counts of one unit in its sentence may break down all of them; the parts add up
    /// to their sum.
    static func earlierCountsMakeWhole(_ whole: Fact, _ sum: Interval, _ context: CheckContext) -> Bool {
        guard case .count = whole.kind, let (_, s) = context.sentence(of: whole), let (ids, lo) = context.positionInParagraph(of: whole) else { return false }
        // from the whole back, a few figures of its sentence (a bounded look: a sentence of many
        // counts stays linear)
        var total = context.interval(whole), counted = 0
        for id in ids[max(0, lo - 8)..<lo].reversed() {
            let f = context.fact(id)
            guard context.sentence(of: f)?.sentence == s else { break }
            guard f.kind == whole.kind, !f.number.inRange, f.number.comparator == nil else { continue }
            total = total + context.interval(f)
            counted += 1
        }
        return counted >= 1 && total.overlaps(sum)
    }
    /// "年末在岗职工86人，其中卫生技术人员72人，占83.72%；公共卫生科专职人员17人": a figure after a "；" that
    /// would make the parts exceed the whole starts another matter, when the part before it states its
    /// share of that whole and the share holds (the text confirms the whole; the parts before fit it).
    static func overflowsPastSemicolon(_ parts: [Fact], whole: Fact, _ wholeIv: Interval, _ context: CheckContext) -> Bool {
        guard parts.count >= 2, let last = parts.last, case .text(let p, _, _) = last.place,
              parts[parts.count - 2].place.paragraph == p else { return false }
        let previous = parts[parts.count - 2]
        guard let share = context.facts.shares.first(where: { $0.part == previous.id && $0.base == whole.id }) else { return false }
        guard let ratio = context.interval(previous) / wholeIv,
              (ratio * Interval(exactly: 100)).overlaps(context.interval(context.fact(share.percent))) else { return false }
        let before = parts.dropLast().reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
        guard !Decimals.less(wholeIv.hi, before.lo) else { return false }
        let s = context.doc.paragraphs[p].text.scalars
        let from = parts[parts.count - 2].number.range.upperBound, to = last.number.numberRange.lowerBound
        return from < to && s[from..<to].contains { $0 == "；" || $0 == ";" }
    }

    /// "…收到专项工作经费1.60万元（列其他资金），调整后全年预算178.60万元，其中财政拨款170.60万元、上年
    /// 结转6.40万元": the amount the parts fall short by, stated in the whole's sentence outside the
    /// list, is the part the list leaves out (stated, not missing).
    static func restStatedBeside(_ whole: Fact, _ parts: [Fact], missing: Interval, _ context: CheckContext) -> Bool {
        guard case .text(let p, let sentence, _) = whole.place else { return false }
        let listed = Set(parts.map(\.id) + [whole.id])
        // (in its sentence, or stated earlier in its paragraph: "工资总额…为A。…养老保险缴费a，…，工资福利支出合计T")
        return context.facts.paragraphFacts[p].contains { id in
            let f = context.facts.facts[id]
            guard !listed.contains(id), f.kind.isMoney, case .text(_, let t, _) = f.place, t == sentence || (t < sentence || f.id < whole.id),
                  f.change == 0, !f.comparesYears, !f.number.inRange else { return false }
            return missing.overlaps(context.interval(f))
        }
    }


    /// "基金收入A。其中：财政补助收入a，个人缴费收入b" beside the table row "利息及其他收入 | A − a − b": the
    /// part the text leaves out is a row of the report's tables (an open list named its main parts).
    /// (a bare cell is read in the whole's unit)
    static func restInTables(missing: Interval, unit: MoneyUnit?, _ context: CheckContext) -> Bool {
        let facts = context.facts.facts
        let scale = Interval(exactly: Decimals.pow10(unit?.exponent ?? 0))
        return facts.indices.contains { k in
            guard facts[k].isCellValue, facts[k].change == 0, facts[k].kind.isMoney || (facts[k].kind == .bare && unit != nil) else { return false }
            return missing.overlaps(facts[k].kind.isMoney ? context.interval(facts[k]) : context.interval(facts[k]) * scale)
        }
    }

    /// The text ends in the middle of a sentence after `f` (an excerpt cut off, a page lost): a list
    /// that falls short there may go on beyond it.
    static func runsOffTheEnd(_ f: Fact, _ context: CheckContext) -> Bool {
        if let t = f.place.table { return tableRunsOffTheEnd(t, context) }
        guard let p = f.place.paragraph else { return false }
        let paragraphs = context.doc.paragraphs
        guard let last = paragraphs.lastIndex(where: { !$0.text.scalars.allSatisfy(CharClass.isWhitespace) }), last == p else { return false }
        let scalars = paragraphs[last].text.scalars
        guard let endIndex = scalars.lastIndex(where: { !CharClass.isWhitespace($0) }) else { return false }
        if "。；;！!？?.）)”\"".unicodeScalars.contains(scalars[endIndex]) { return false }
        // (the list's own sentence ended before the cut: "…，其中：A a，B b。资金安排情")
        let from = min(f.number.range.upperBound, endIndex)
        if scalars[from..<endIndex].contains(where: { "。！!？?".unicodeScalars.contains($0) }) { return false }
        // (nor when a clause of prose follows the list, no figure in it: "…，本级59.75万元，项目绩效目标是
        // 保证学校的正常运转二、项目资金使用…": the name of a next item cut before its figure is short)
        // (and a cut far beyond the list, in a text that lost its full stops, is none of the list's)
        let rest = scalars[from...endIndex]
        if let first = rest.first, "，,；;".unicodeScalars.contains(first), rest.count > 16, !rest.contains(where: CharClass.isDigit) { return false }
        if rest.count > 120 { return false }
        // an item that ends with its figure ("（二）后备人才培养100.00万元") is whole; a bare number may be cut
        if let lastFact = context.facts.paragraphFacts[last].last.map({ context.fact($0) }),
           lastFact.kind != .bare, lastFact.number.range.upperBound > endIndex { return false }
        return true
    }

    /// "正式职工62人，其中高级4人，…中级工1人，退休职工28人": the first parts (two or more not zero) make up
    /// the whole exactly, and the next is of a category that stands beside the whole
    /// (`beside_whole_words`): it and those after it are the whole's siblings, not more of its parts.
    static func leadingPartsMakeWhole(_ parts: [Fact], _ whole: Interval, _ context: CheckContext) -> Bool {
        guard parts.count >= 3 else { return false }
        let beside = context.vocabulary[.besideWholeWords]
        var prefix = Interval(exactly: 0)
        var stated = 0  // parts other than zeros ("因公出国(境)费0万元" makes up nothing)
        for (n, part) in parts.dropLast().enumerated() {
            prefix = prefix + context.interval(part)
            if part.value != 0 { stated += 1 }
            if stated >= 2 && prefix.overlaps(whole) { return beside.occurs(in: parts[n + 1].label) }
        }
        return false
    }

    /// "预算总额258172万元，其中中央资金178172万元，省级资金80000元": a list, open or not, whose
    /// parts make up its whole exactly once the one figure written in 元 is read as 万元 (and not as
    /// written): the unit is the slip.
    static func mixedUnits(_ context: inout CheckContext) {
        for group in context.facts.groups where !group.nestedThresholds && group.parts.count >= 2 {
            // one figure in 元 among the list's: counted in place before any fact is copied
            let yuanCount = (context.facts.facts[group.whole].kind.moneyUnit == .yuan ? 1 : 0)
                + group.parts.reduce(0) { $0 + (context.facts.facts[$1].kind.moneyUnit == .yuan ? 1 : 0) }
            guard yuanCount == 1 else { continue }
            let whole = context.fact(group.whole)
            let parts = group.parts.map { context.fact($0) }
            let all = [whole] + parts
            guard parts.count >= 2, all.allSatisfy({ $0.kind.isMoney && !$0.unitAssumed }) else { continue }
            let yuan = all.filter { $0.kind.moneyUnit == .yuan }
            let wan = all.filter { $0.kind.moneyUnit == .wanYuan }
            guard yuan.count == 1, wan.count == all.count - 1 else { continue }
            let asWritten = parts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
            if asWritten.overlaps(context.interval(whole)) { continue }
            let scaled = Set(yuan.map(\.id))
            let w = scaledInterval(whole, scaled, context)
            let s = parts.reduce(Interval(exactly: 0)) { $0 + scaledInterval($1, scaled, context) }
            guard w.overlaps(s) else { continue }
            _ = context.handOver(.unit(slipped: yuan, involved: all, written: .yuan))
        }
    }

    /// "税收返还和转移支付A（包括一般性转移支付B，专项转移支付C）": a whole naming two things joined
    /// (name_joiners) whose parts all end with the name of the last of them breaks down that one
    /// only: the parts fall short of the whole by the other.
    static func breaksDownOneConjunct(_ whole: Fact, _ parts: [Fact], _ context: CheckContext) -> Bool {
        let s = ScalarString.scalars(whole.head)
        let joiners = context.vocabulary[.nameJoiners]
        guard let last = joiners.matches(in: s).last else { return false }
        let conjunct = ScalarString.make(s[(last.start + last.length)...])
        // the conjunct's own noun, its last four characters at most (two, "支付", would match too much)
        let noun = String(conjunct.unicodeScalars.suffix(min(4, conjunct.unicodeScalars.count)))
        guard noun.unicodeScalars.count >= 2, last.start > 0 else { return false }
        return parts.allSatisfy { $0.head.hasSuffix(noun) && $0.head != conjunct }
    }

    static func scaledInterval(_ f: Fact, _ scaled: Set<Int>, _ context: CheckContext) -> Interval {
        let iv = context.interval(f)
        return scaled.contains(f.id) ? iv * Interval(exactly: 10000) : iv
    }

    /// The parts name exactly the items of a decomposition of the whole's item (or all of them and up
    /// to two parts more, named otherwise).
    /// Or, for a decomposition of any whole (`any_whole`), the whole is of the parts' measure; or
    /// the parts are named by a split's words (`coversWords`).
    static func coversDecomposition(_ whole: Fact, _ parts: [Fact], _ lexicon: Lexicon) -> Bool {
        if coversWords(whole, parts, lexicon) { return true }
        var items = Set<String>()
        var others = 0
        for p in parts {
            if let item = p.concept.item, p.concept.scope.isEmpty, p.concept.measure == whole.concept.measure {
                guard items.insert(item).inserted else { return false }
            } else {
                others += 1
            }
        }
        let w = whole.concept.scope.isEmpty ? whole.concept.item : nil
        if others == 0 {
            return lexicon.expandedDecompositions.contains { d in
                (d.whole == w || (d.anyWhole && whole.concept.measure != nil && !items.contains(whole.concept.item ?? "")))
                    && !d.parts.isEmpty && Set(d.parts).isSubset(of: items) && items.isSubset(of: Set(d.parts + d.optional))
            }
        }
        // "公务用车购置及运行维护费A（其中，购置费a，运行维护费b，其他交通工具购置c，其他交通费用d）": every
        // part of the whole's own decomposition named, and more besides, is a list of all of it
        guard w != nil, others <= 2, items.count >= 2 else { return false }
        return lexicon.expandedDecompositions.contains { d in
            d.whole == w && !d.anyWhole && d.words.isEmpty && !d.parts.isEmpty && Set(d.parts).isSubset(of: items)
                && items.isSubset(of: Set(d.parts + d.optional))
        }
    }

    /// "全国一般公共预算支出A，其中：中央本级支出B，地方支出C", "转移支付A，其中：返还性收入B；一般性
    /// 转移支付C；专项转移支付D": each part named with its own word of a split, every word of it but
    /// the optional ones named, the whole with none (the words name the parts, whatever measure
    /// their names seem to say: 返还性收入 is as much a transfer as 一般性转移支付).
    static func coversWords(_ whole: Fact, _ parts: [Fact], _ lexicon: Lexicon) -> Bool {
        guard parts.count >= 2 else { return false }
        let wholeName = ScalarString.scalars(whole.head), names = parts.map { ScalarString.scalars($0.head) }
        return lexicon.decompositions.contains { d in
            guard !d.words.isEmpty else { return false }
            let all = d.wordScalars
            guard !all.contains(where: { ScalarString.contains(wholeName, $0) }) else { return false }
            var named = Set<Int>()
            for name in names {
                let own = all.indices.filter { ScalarString.contains(name, all[$0]) }
                guard own.count == 1, named.insert(own[0]).inserted else { return false }
            }
            return named.isSuperset(of: d.words.indices)
        }
    }

    /// The slots of "822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）": the parts' sum
    /// written out ({computation}), the whole ({stated}) and the difference with its unit.
    static func sumSlots(_ whole: Fact, _ parts: [Fact], _ context: CheckContext) -> [Slot: String] {
        let mixed = Set(([whole] + parts).compactMap { $0.kind.moneyUnit }).count > 1
        let scale = Show.scale([whole] + parts)
        let sum = parts.reduce(Decimal(0)) { $0 + context.value($1, inUnitOf: whole) }
        let terms = parts.map { mixed ? $0.shown : $0.literal }.joined(separator: " + ")
        let sumText = Show.number(sum, scale: scale) + (mixed ? whole.number.unitText : "")
        let diff = abs(whole.value - sum)
        return [.computation: parts.count == 1 ? terms : "\(terms) = \(sumText)",
                .stated: mixed ? whole.shown : whole.literal,
                .difference: Show.number(diff, scale: scale) + Show.differenceUnit(whole, context.vocabulary)]
    }
}

/// `kind = "share"`: "A占B的P%" and "…，占比P%": P must be A ÷ B × 100.
enum ShareCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "shares-over-100" { sharesOverWhole(rule, &context); return }
        if rule.check == "rate-over-100" { ratesOverHundred(rule, &context); return }
        if rule.check == "structure-ratio" { structureRatios(rule, &context); return }
        if rule.check == "per-unit-average" { perUnitAverages(rule, &context); countAverages(rule, &context); monthAverages(rule, &context); return }
        if rule.check == "count-times-standard" { countsTimesStandards(rule, &context); return }
        if rule.check == "written-product" { WrittenProducts.run(rule, &context); return }
        if rule.check == "named-ratio" { namedRatios(rule, &context); return }
        if rule.check == "declared-whole" { declaredWholes(rule, &context); return }
        if rule.check == "shares-make-whole" { sharesMakeWhole(rule, &context); return }
        // the shares of each base, made for the first share that is off (most documents have none)
        var sharesByBase: [Int: [Int]]?
        let atLeast = context.vocabulary[.trailingAtLeast]
        for share in context.facts.shares {
            if !share.baseParts.isEmpty { shareOfSum(rule, share, &context); continue }
            let percent = context.fact(share.percent), part = context.fact(share.part), base = context.fact(share.base)
            guard !percent.comparesYears, percent.number.comparator == nil else { continue }
            // "“基本满意”及以上占97.50%": the share of a category and those above it, not of the category alone
            if atLeast.occurs(in: percent.label), !atLeast.occurs(in: part.label) { continue }
            if part.kind.isMoney != base.kind.isMoney { continue }
            let stated = share.rateIsSet ? Interval(exactly: percent.value) : context.interval(percent)
            guard let ratio = context.interval(part) / context.interval(base) else { continue }
            let computed = ratio * Interval(exactly: 100)
            if computed.overlaps(stated) { continue }
            // "总支出312497万元，其中：一般公共预算支出277798万元…" and then "一般性公共服务支出37153万元，占全年
            // 总支出的13.37%": the share is of one of the total's listed parts, loosely named as the total
            if ofAListedPart(part, base, stated, context) { continue }
            // "民生类支出A，同比增长r，增支d，占一般公共预算支出比重为P%": after a change amount, the share
            // may be of the figure the change is of
            if part.change != 0, let changed = changedFigure(of: part, context), context.ratio(changed, base, fits: stated) { continue }
            // "其中，民生类支出A。民生类支出中，教育支出B，占比为P%": a share naming no base may be of the
            // whole the list's whole is itself a part of
            if percent.shareOf?.isEmpty != false, ofTheWholesWhole(part, base, stated, &context) { continue }
            if sharesByBase == nil {
                var index = [Int: [Int]]()
                for (k, other) in context.facts.shares.enumerated() where other.baseParts.isEmpty { index[other.base, default: []].append(k) }
                sharesByBase = index
            }
            if adjustedToAHundred(share, percent, sameBase: sharesByBase?[share.base] ?? [], context) { continue }
            // "…对困难劳模发放生活补助，全年支出24.18万元。" and later "第四季度支出412.36万元，占全年支出的33.20%":
            // the base named, smaller than the part, is another figure of the same measure and year (the
            // department's), which fits; of the measure alone when the base's label says more than the
            // share names ("占到位资金的95.02%，…到位资金结余8.97万元": the funds that arrived, stated before)
            if base.concept.item == "total", context.value(base, inUnitOf: part) < part.value, context.facts.facts.indices.contains(where: { k in
                let other = context.facts.facts[k]
                let sameConcept = other.conceptKey == base.conceptKey
                    || (base.concept.measure != nil && other.concept.measure == base.concept.measure && base.label != percent.shareOf)
                return k != base.id && !other.isCellValue && sameConcept && other.year == base.year
                    && other.change == 0 && !other.isTarget && context.ratio(part, other, fits: stated)
            }) { continue }
            let involved = [percent, part, base]
            if part.kind.moneyUnit != base.kind.moneyUnit {
                let yuan = [part, base].filter { $0.kind.moneyUnit == .yuan }
                let scaled = Set(yuan.map(\.id))
                if let r = PartsCheck.scaledInterval(part, scaled, context) / PartsCheck.scaledInterval(base, scaled, context),
                   (r * Interval(exactly: 100)).overlaps(stated), !yuan.isEmpty,
                   context.handOver(.unit(slipped: yuan, involved: involved, written: .yuan)) {
                    continue
                }
            }
            let scale = max(percent.number.decimals, 2)
            let exact = context.value(base, inUnitOf: part) == 0 ? Decimal(0) : part.value / context.value(base, inUnitOf: part) * 100
            let evidence = rule.evidence(.shareMismatch, [
                .computation: "\(part.literal) ÷ \(base.literal) × 100", .computed: Show.number(exact, scale: scale) + "%",
                .stated: percent.literal + "%",
                .difference: Show.number(abs(percent.value - exact), scale: scale) + Show.differenceUnit(percent, context.vocabulary)])
            // "占基本支出": the base's label without the share marker
            let baseLabel = context.vocabulary[.shareMarkers].droppingPrefix(context.displayLabel(base))
            context.report(rule, main: percent, others: [part, base], evidence: evidence,
                           slots: [.part: context.displayLabel(part), .base: baseLabel])
        }
    }
}

extension ShareCheck {
    /// "基本支出3588.29万元，占84.37%；项目支出664.44万元，占15.63%" of 4252.73万元 (84.376%, 15.624%): shares
    /// written to add up to exactly 100%, each one unit of its last place from its rounding at most.
    static func adjustedToAHundred(_ share: ShareStatement, _ percent: Fact, sameBase: [Int], _ context: CheckContext) -> Bool {
        let part = context.fact(share.part), base = context.fact(share.base)
        let baseValue = context.value(base, inUnitOf: part)
        guard baseValue != 0 else { return false }
        let unit = Decimals.halfUnit(decimals: percent.number.decimals) * 2
        func offByAUnit(_ p: Fact, _ partFact: Fact) -> Bool {
            let exact = context.value(partFact, inUnitOf: part) / baseValue * 100
            return abs(exact - p.value) <= unit
        }
        // (a list written to add up to 100% has a few parts, not hundreds)
        guard sameBase.count <= 24, offByAUnit(percent, part) else { return false }
        var seen = Set<Int>(), sum = Decimal(0)
        for k in sameBase {
            let other = context.facts.shares[k]
            guard seen.insert(other.percent).inserted else { continue }
            let p = context.fact(other.percent)
            guard p.number.comparator == nil, offByAUnit(p, context.fact(other.part)) else { return false }
            sum += p.value
        }
        return seen.count >= 2 && sum == 100
    }

    /// "验收合格率120%", "群众满意度达到105%": a rate whose name makes it a part of a whole, above 100%
    /// however its digits are rounded. Not a change ("满意度提高5%"), a comparison, a range or a bound.
    static func ratesOverHundred(_ rule: Rule, _ context: inout CheckContext) {
        let names = rule[.boundedRateWords], fillers = rule[.rateFillers]
        let hundred = Decimal(100)
        for f in context.facts.facts where f.kind == .percent && f.interval.lo > hundred {
            guard f.change == 0, !f.comparesYears, f.number.comparator == nil, !f.number.inRange else { continue }
            // "验收合格率20100%100%20": a flattened sheet's weight glued to its value, the next cell after it
            if let p = f.place.paragraph {
                let text = context.doc.paragraphs[p].text.scalars
                let after = f.number.range.upperBound
                if after < text.count && CharClass.isDigit(text[after]) { continue }
            }
            // the name ends the label, but for fillers between it and the figure
            let label = Array(f.label.unicodeScalars)
            let end = endBeforeFillers(label, fillers)
            let n = names.suffixLength(label, endingAt: end)
            guard n > 0 else { continue }
            let name = String(String.UnicodeScalarView(label[(end - n)..<end]))
            context.report(rule, main: f, others: [], evidence: rule.evidence(.rateOver100, [.name: name, .stated: f.literal + "%"]), slots: [.name: name])
        }
    }

    /// Where a label's name ends: before the fillers (`rate_fillers`) between it and its figure.
    static func endBeforeFillers(_ label: [Unicode.Scalar], _ fillers: WordSet) -> Int {
        var end = label.count
        while end > 0 {
            let n = fillers.suffixLength(label, endingAt: end)
            guard n > 0 else { break }
            end -= n
        }
        return end
    }

    /// "全县在校学生12500人，拨付公用经费1250万元，生均1100元": an average (`average_words`) after one
    /// amount and one count of its sentence is the amount over the count. The average's rounding and
    /// one more unit of its last place are allowed (averages are often cut, not rounded).
    static func perUnitAverages(_ rule: Rule, _ context: inout CheckContext) {
        let words = rule[.averageWords], periods = rule[.periodWords]
        guard !words.isEmpty else { return }
        // the label opens with the word ("人均补助", "生均", "平均每辆车"): "拨付生均公用经费" is a fund's name
        func isAverage(_ f: Fact) -> Bool { words.isPrefix(of: f.head) }
        let perUnit = context.vocabulary[.perUnitWords]
        for f in context.facts.facts where f.kind.isMoney && isAverage(f) {
            guard case .text(let p, let s, _) = f.place, f.change == 0, !f.comparesYears, !f.number.inRange, f.number.comparator == nil,
                  !f.number.approximate, !f.isTarget, f.shareOf == nil else { continue }
            // the figures of its sentence before it (a few: a sentence of many averages stays linear): one
            // amount that is no average, one count
            guard let (ids, at) = context.positionInParagraph(of: f) else { continue }
            // ("…仅完成年度目标140场的94.29%": the count planned is not the count done)
            let planWords = context.vocabulary[.planFigureWords]
            let planned: (Fact) -> Bool = { o in o.isTarget || planWords.occurs(in: o.label) }
            var amounts = [Fact](), counts = [Fact]()
            // the sentence before, for what its own sentence lacks ("共改造农村公路85.6公里。完成投资9,416万元，
            // 平均每公里投入110万元"): a count there only when the average names its measure
            var earlierAmounts = [Fact](), earlierCounts = [Fact]()
            var earlierSentence: Int?
            for id in ids[max(0, at - 16)..<at].reversed() {
                let o = context.fact(id)
                guard let (q, t) = context.sentence(of: o), q == p, t <= s else { break }
                // ("二档（1亿元（含）至5亿元）9家，…兑现A，户均a": a range's ends or a bound are no total)
                if o.number.inRange || o.number.comparator != nil { continue }
                if t != s {
                    if earlierSentence == nil { earlierSentence = t }
                    guard t == earlierSentence else { break }
                    if o.kind.isMoney && !isAverage(o) { earlierAmounts.append(o) }
                    if case .count = o.kind, !planned(o) { earlierCounts.append(o) }
                    continue
                }
                // ("按每人每天100元的标准、每期培训3天，即人均300元": a standard per head is no total)
                // (but "拨付生均公用经费1,250万元" names a fund)
                if o.kind.isMoney && !isAverage(o) && !(perUnit.occurs(in: o.label) && !words.occurs(in: o.label)) { amounts.append(o) }
                if case .count = o.kind, !planned(o) { counts.append(o) }
            }
            if counts.isEmpty, earlierCounts.count == 1, amounts.count == 1 || (amounts.isEmpty && earlierAmounts.count == 1),
               namesMeasure(f, of: earlierCounts[0], words) {
                counts = earlierCounts
                if amounts.isEmpty { amounts = earlierAmounts }
            }
            // ("公务用车运行维护费A，保有量3辆；公务接待费B，共接待14批次126人次，人均C元": a sentence of other
            // figures; the average's "；" part holds one amount and one count it names)
            if amounts.count != 1 || counts.count != 1 {
                let segment = ScalarSearch.semicolonSegment(context.doc.paragraphs[p].text.scalars, around: f.number.numberRange.lowerBound)
                let partAmounts = amounts.filter { segment.contains($0.number.numberRange.lowerBound) }
                let partCounts = counts.filter { segment.contains($0.number.numberRange.lowerBound) }
                let named = partCounts.count == 1 ? partCounts : partCounts.filter { namesMeasure(f, of: $0, words) }
                if partAmounts.count == 1 && named.count == 1 { (amounts, counts) = (partAmounts, named) }
            }
            guard amounts.count == 1, counts.count == 1, let total = amounts.first, let count = counts.first,
                  averages(f, total, count, words, periods: periods),
                  [total, count].allSatisfy({ $0.change == 0 && !$0.comparesYears && !$0.number.inRange && $0.number.comparator == nil && !$0.number.approximate && !$0.isTarget }),
                  count.value > 0, let unit = total.kind.moneyUnit, let averageUnit = f.kind.moneyUnit else { continue }
            // (money intervals are in one unit whatever the unit written)
            guard let quotient = context.interval(total) / context.interval(count) else { continue }
            let own = context.interval(f)
            let half = Decimals.quotient(own.hi - own.lo, 2)
            let stated = Interval(lo: own.lo - half, hi: own.hi + half)
            if quotient.overlaps(stated) { continue }
            let scale = Decimals.pow10(unit.exponent - averageUnit.exponent)
            let exact = total.value * scale / count.value
            context.report(rule, main: f, others: [total, count], evidence: rule.evidence(.averageMismatch, [
                .computation: "\(total.shown) ÷ \(count.shown)", .computed: Show.number(exact, scale: max(f.number.decimals, 2)) + f.number.unitText,
                .stated: f.shown]))
        }
    }

    /// "年服务费1,031.40万元，月均85.95万元": a month's average right after a year's amount is a twelfth of it
    /// (rounded or cut off at its last place).
    static func monthAverages(_ rule: Rule, _ context: inout CheckContext) {
        let monthWords = rule[.monthAverageWords], annualWords = rule[.annualAmountWords], annualOpeners = rule[.annualAmountOpeners]
        guard !monthWords.isEmpty else { return }
        func plain(_ o: Fact) -> Bool {
            o.change == 0 && !o.comparesYears && !o.number.inRange && o.number.comparator == nil && !o.number.approximate && !o.isTarget && o.shareOf == nil
        }
        for f in context.facts.facts where monthWords.isPrefix(of: f.label) && plain(f) && (f.kind.isMoney || f.kind.measureWord != nil) {
            // (past a rate of the year's amount: "全年实际支付A，预算执行率P%，月均支付a")
            guard let (ids, at) = context.positionInParagraph(of: f), at > 0 else { continue }
            // (and a bracketed aside: "（合同金额B扣除考核扣款后）")
            var back = at - 1
            while back > 0, at - back <= 3, case let o = context.fact(ids[back]), o.kind == .percent || o.number.parenDepth > f.number.parenDepth { back -= 1 }
            guard case let year = context.fact(ids[back]), plain(year),
                  year.value > 0, context.sentence(of: year).map({ s in context.sentence(of: f).map { $0 == s } ?? false }) == true,
                  year.kind.isMoney ? f.kind.isMoney : year.kind == f.kind,
                  year.number.parenDepth == f.number.parenDepth, case .text(let p, let t, _) = f.place else { continue }
            let s = context.doc.paragraphs[p].text.scalars
            // a year's amount: so named, or dated to the fiscal year in its sentence with no month said
            // before it ("2025年清运…，收运费450.13万元，月均37.51万元"; not "2025年1-10月…")
            let sentence = context.doc.paragraphs[p].sentences.indices.contains(t) ? context.doc.paragraphs[p].sentences[t] : 0..<0
            let datedYear = year.year != nil && year.year == context.facts.fiscalYear && (year.yearSource == .clause || year.yearSource == .sentence)
                && sentence.lowerBound <= year.number.numberRange.lowerBound
                && !s[sentence.lowerBound..<year.number.numberRange.lowerBound].contains("月")
            guard annualWords.occurs(in: year.label) || annualOpeners.isPrefix(of: year.label) || datedYear else { continue }
            guard !year.gap(to: f, in: s).contains(where: { $0 == "；" || $0 == ";" }) else { continue }
            let quotient = context.interval(year) * Interval(exactly: Decimal(1) / 12)
            // (an average of a count is rounded too: "月均304人次")
            let own = f.kind.isMoney ? context.interval(f) : Interval(shown: f.value, decimals: f.number.decimals, roundedInteger: true)
            // (cut off rather than rounded: the stated figure's interval reaches one more unit down)
            let half = Decimals.quotient(own.hi - own.lo, 2)
            if quotient.overlaps(Interval(lo: own.lo - half, hi: own.hi + half)) { continue }
            let scale = f.kind.moneyUnit.flatMap { a in year.kind.moneyUnit.map { Decimals.pow10($0.exponent - a.exponent) } } ?? 1
            let exact = year.value * scale / 12
            context.report(rule, main: f, others: [year], evidence: rule.evidence(.averageMismatch, [
                .computation: "\(year.shown) ÷ 12", .computed: Show.number(exact, scale: max(f.number.decimals, 2)) + f.number.unitText,
                .stated: f.shown]))
        }
    }

    /// The figure right before `count` is money and the only other figure of its "；" part but the
    /// standard: the amount the count and the standard make up, stated first.
    static func startsSegmentWithAmount(_ count: Fact, at ids: [Int], _ context: CheckContext, _ segment: Range<Int>, months: Fact? = nil) -> Bool {
        guard let c = ids.firstIndex(of: count.id), c > 0 else { return false }
        let before = context.fact(ids[c - 1])
        guard before.kind.isMoney, before.number.parenDepth == count.number.parenDepth, segment.contains(before.number.range.lowerBound) else { return false }
        // (in the part, before the amount: nothing; after the count: the standard only)
        if c >= 2, segment.contains(context.fact(ids[c - 2]).number.range.lowerBound) { return false }
        // (and the count of months after it: "按172人、每人每月1,500元、补助2个月测算")
        let after = ids[(c + 1)...].prefix { segment.contains(context.fact($0).number.range.lowerBound) }.filter { $0 != months?.id }
        return after.count == 1
    }

    /// "加装电梯64部，…，按每部20万元标准给予补助，补助资金共1,280.00万元": a standard per thing (the
    /// clause before it says 每 and the thing), right after a count of that thing in its sentence, and
    /// the first amount after it there: the amount is the count times the standard. A standard per
    /// head and per period ("每人每月100元") goes with a count of person-times (人次); one per period
    /// alone with nothing.
    static func countsTimesStandards(_ rule: Rule, _ context: inout CheckContext) {
        let periods = rule[.periodWords], perWords = rule[.perWords], standards = rule[.standardWords], averages = rule[.averageWords]
        let yearPeriods = rule[.yearPeriods], averageAmounts = rule[.averageAmountWords], basisAverages = rule[.basisAverageWords]
        let unitPrices = rule[.unitPriceWords]
        let wholeYear = WholeYear(months: rule[.monthPeriods], words: rule[.wholeYearWords], reckoning: rule[.reckoningWords], payments: rule[.wholeYearPayments],
                                  monthAmounts: rule[.monthAmountWords])
        let sameThings = rule[.sameThings].words.map { $0.split(separator: "|").map(String.init) }
        guard !perWords.isEmpty else { return }
        let baseOfShare = Set(context.facts.shares.map(\.base))
        let facts = context.facts.facts
        // (the distributive words of two characters or more: 各 alone names "each" of many things)
        let distributive = WordSet(context.vocabulary[.distributiveMarkers].words.filter { $0.unicodeScalars.count >= 2 })
        distributedStandards(rule, &context, perWords: perWords, periods: periods, sameThings: sameThings)
        for k in facts.indices where facts[k].kind.isMoney {
            let f = facts[k]
            guard let (count, statedMonths, impliedMonths) = countOfStandard(f, context, periods: periods, yearPeriods: yearPeriods, perWords: perWords, averages: averages,
                                                                       baseOfShare: baseOfShare, sameThings: sameThings, wholeYear: wholeYear, basisAverages: basisAverages,
                                                                       standards: standards, unitPrices: unitPrices),
                  case .text(let p, let sentence, _) = f.place, let (ids, at) = context.positionInParagraph(of: f) else { continue }
            // the amount: the next figure of its sentence at its depth, money, not another standard; or, the
            // two in brackets, the figure they follow ("新认定企业奖励730.00万元（73家，每家10万元）")
            // (past the count of periods: "每人每月500元，共计12个月，合计468,000元")
            var amount: Fact?
            let countAfter = count.number.numberRange.lowerBound > f.number.range.upperBound
            // (past the periods and the count, whichever stands later)
            // (both after the standard: looked for from it on, a few figures at most)
            let used = ([statedMonths?.id] + [countAfter ? count.id : nil]).compactMap { $0 }.compactMap { ids[at...].firstIndex(of: $0) }
            let next = used.max().map { $0 + 1 } ?? at + 1
            let scalars = context.doc.paragraphs[p].text.scalars
            let segment = ScalarSearch.semicolonSegment(scalars, around: f.number.range.lowerBound)
            if next < ids.count, context.fact(ids[next]).number.parenDepth == f.number.parenDepth,
               !countAfter || context.fact(ids[next]).kind.isMoney,
               // (not past a "；": "甲费A，按12,460只、每只400元的中标单价结算；乙费B" — B is another item's)
               countAfter || segment.contains(context.fact(ids[next]).number.range.lowerBound) || !startsSegmentWithAmount(count, at: ids, context, segment, months: statedMonths) {
                amount = context.fact(ids[next])
            } else if !countAfter, startsSegmentWithAmount(count, at: ids, context, segment, months: statedMonths), let c = ids.firstIndex(of: count.id),
                      !context.vocabulary[.remainderWords].occurs(in: ScalarString.make(scalars[segment])) {
                // "智能水表购置费498.40万元，按12,460只、每只400元的中标单价结算；…": the clause's own amount,
                // right before the count, the only other one of its "；" part
                amount = context.fact(ids[c - 1])
            } else if countAfter, at > 0, case let before = context.fact(ids[at - 1]), before.kind.isMoney,
                      before.number.parenDepth == f.number.parenDepth,
                      !ids.contains(where: { $0 != before.id && $0 != f.id && context.fact($0).kind.isMoney && context.sentence(of: context.fact($0)).map { $0 == (p, sentence) } == true }),
                      context.doc.paragraphs[p].sentences.indices.contains(sentence),
                      !context.vocabulary[.remainderWords].occurs(in: ScalarString.make(
                          context.doc.paragraphs[p].text.scalars[count.number.range.upperBound..<context.doc.paragraphs[p].sentences[sentence].upperBound])) {
                // "（1）助学项目24.00万元，按每人每年2,000元标准资助困难学生120名": the sentence's only other
                // amount, right before the standard (and nothing else paid from it: "…，其余用于…")
                amount = before
            } else if f.number.parenDepth > 0, count.number.parenDepth == f.number.parenDepth,
                      let c = ids[..<at].lastIndex(of: count.id), c > 0, context.fact(ids[c - 1]).number.parenDepth == f.number.parenDepth - 1 {
                amount = context.fact(ids[c - 1])
            }
            guard let a = amount, let (q3, t3) = context.sentence(of: a), q3 == p, t3 == sentence, a.kind.isMoney, a.change == 0, !a.comparesYears,
                  !a.number.inRange, a.number.comparator == nil, !a.number.approximate, a.shareOf == nil, a.value > 0,
                  !a.isTarget, !perWords.occurs(in: standards.droppingPrefix(a.label)), !averageAmounts.occurs(in: a.label) else { continue }
            guard let amountUnit = a.kind.moneyUnit else { continue }
            // ("全年发放286人×300元×12个月=A": a factor of a product written out is no amount)
            if context.vocabulary[.multiplicationSigns].isSuffix(of: a.label) { continue }
            // ("按146名护路员、每人每月800元、全年12个月核定，月均11.68万元": an amount named as one month's is of no
            // more months, whatever months are stated)
            let months = wholeYear.monthAmounts.occurs(in: a.label) ? nil : statedMonths
            // (an amount per thing is another standard: "按博士10万元/人、硕士3万元/人")
            let text = context.doc.paragraphs[p].text.scalars
            if a.isPerThing(in: text) { continue }
            // "按每生每学期200元标准，分别收取693.52万元和711.32万元": amounts listed after a distributive word are
            // each of its own count
            if f.number.range.upperBound < a.number.numberRange.lowerBound,
               distributive.occurs(in: ScalarString.make(context.doc.paragraphs[p].text.scalars[f.number.range.upperBound..<a.number.numberRange.lowerBound])) { continue }
            // "分别按每个团队15,000元、12,000元、5,200元发放奖励": standards listed one after another; the next
            // is no amount
            if a.number.parenDepth == f.number.parenDepth, f.number.range.upperBound <= a.number.numberRange.lowerBound,
               case let gap = ScalarString.make(context.doc.paragraphs[p].text.scalars[f.number.range.upperBound..<a.number.numberRange.lowerBound]),
               gap == "、" || context.vocabulary[.nameJoiners].contains(gap) { continue }
            // "…补贴612.48万元，共补贴5,104人，每人1,200元；企业以工代训补贴1,935.20万元": an amount past a "；"
            // is the next item's (this one's amount was stated before its count)
            if a.number.parenDepth == f.number.parenDepth, f.number.range.upperBound < a.number.numberRange.lowerBound,
               context.doc.paragraphs[p].text.scalars[f.number.range.upperBound..<a.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" }) { continue }
            // "重型128辆、每辆补助2.5万元，中型154辆、每辆补助1.6万元，共兑付补助资金625.60万元": a total after
            // several standards of its sentence is the sum of their products
            var pairs = [(count: Fact, standard: Fact)]()
            if a.marksTotal {
                for id in ids[max(0, at - 24)..<at] {
                    let g = context.fact(id)
                    guard g.kind.isMoney, let (q, t) = context.sentence(of: g), q == p, t == sentence,
                          let (c, gm, _) = countOfStandard(g, context, periods: periods, yearPeriods: yearPeriods, perWords: perWords, averages: averages, baseOfShare: baseOfShare,
                                                           sameThings: sameThings, basisAverages: basisAverages, standards: standards, unitPrices: unitPrices), gm == nil else { continue }
                    // ("…62条，按每条6.50万元补助403.00万元；完成…17个，每个补助18.00万元，合计306.00万元": a
                    // standard past a "；" had its own amount)
                    if context.doc.paragraphs[p].text.scalars[g.number.range.upperBound..<a.number.numberRange.lowerBound]
                        .contains(where: { $0 == "；" || $0 == ";" }) { continue }
                    pairs.append((c, g))
                }
            }
            pairs.append((count, f))
            // "142名…每人每月300元，…累计补贴1,598人月": periods counted per head (人月, 户月) count the heads too
            // (not 个 of 个月: "公益性岗位380个，每岗每月1,420元，全年（12个月）")
            let headsInPeriods = months.flatMap { $0.kind.measureWord }.map { w in
                count.kind.measureWord.map { c in (sameThings.first { $0.contains(c) } ?? [c]).contains { $0 != "个" && w.contains($0) } } ?? false
            } ?? false
            var product = Interval(exactly: 0)
            var exact = Decimal(0)
            for (c, g) in pairs {
                guard let unit = g.kind.moneyUnit else { continue }
                let heads = headsInPeriods && pairs.count == 1 ? Interval(exactly: 1) : context.interval(c)
                // (a standard is set, not measured: "每生每天5元" is 5 exactly, not anything from 4.5 to 5.5)
                product = product + heads * Interval(exactly: context.interval(g).midpoint)
                exact += (headsInPeriods && pairs.count == 1 ? 1 : c.value) * g.value * Decimals.pow10(unit.exponent - amountUnit.exponent)
            }
            if let m = months {
                product = product * context.interval(m)
                exact *= m.value
            } else if let k = impliedMonths {
                product = product * Interval(exactly: Decimal(k))
                exact *= Decimal(k)
            }
            if product.overlaps(context.interval(a)) { continue }
            // "新建大棚24个，每个补助3.68万元，计划投资95.68万元，完成投资88.32万元": an amount planned, then the
            // amount done: the product may be either
            if context.vocabulary[.planFigureWords].occurs(in: a.label), let k = ids.firstIndex(of: a.id), k + 1 < ids.count,
               case let done = context.fact(ids[k + 1]), done.kind.isMoney, context.sentence(of: done).map({ $0 == (p, sentence) }) == true,
               product.overlaps(context.interval(done)) { continue }
            // "对43名…实施救助，其中乳腺癌患者27人、宫颈癌患者16人，救助标准为每人10,000元，共发放43.00万元": the
            // count right before the standard is the last of counts listed with 、, and the standard is of them all
            if pairs.count == 1, months == nil, impliedMonths == nil, let c = ids.firstIndex(of: count.id) {
                var listed = context.interval(count), k = c
                let text = context.doc.paragraphs[p].text.scalars
                while k > 0, case let previous = context.fact(ids[k - 1]), previous.kind == count.kind,
                      previous.number.range.upperBound < context.fact(ids[k]).number.numberRange.lowerBound,
                      case let gap = text[previous.number.range.upperBound..<context.fact(ids[k]).number.numberRange.lowerBound],
                      gap.first == "、", !gap.contains(where: { ScalarSets.clauseBreaks.contains($0) }) {
                    listed = listed + context.interval(previous)
                    k -= 1
                }
                if k < c, (listed * context.interval(f)).overlaps(context.interval(a)) { continue }
            }
            // "甲创建4A级景区，奖补100万元；乙、丙2家每家奖补50万元，奖补资金共计200万元": the lump sums stated
            // before the first standard's count in the sentence are in the total too
            if a.marksTotal, let firstCount = pairs.map({ $0.count.number.numberRange.lowerBound }).min() {
                var lump = Interval(exactly: 0), lumps = 0
                for id in ids[max(0, at - 24)..<at] {
                    let g = context.fact(id)
                    guard g.number.numberRange.lowerBound < firstCount, g.kind.isMoney, let (q, t) = context.sentence(of: g), q == p, t == sentence,
                          g.number.parenDepth == a.number.parenDepth, g.change == 0, !g.comparesYears, g.shareOf == nil, !g.isTarget,
                          !g.number.inRange, g.number.comparator == nil, !perWords.occurs(in: g.label) else { continue }
                    lump = lump + context.interval(g)
                    lumps += 1
                }
                if lumps > 0, (product + lump).overlaps(context.interval(a)) { continue }
            }
            let terms = (headsInPeriods && pairs.count == 1 ? f.shown : pairs.map { "\($0.count.shown) × \($0.standard.shown)" }.joined(separator: " + "))
                + (months.map { " × \($0.shown)" } ?? impliedMonths.flatMap { $0 == 1 ? nil : " × \($0)" } ?? "")
            context.report(rule, main: a, others: pairs.flatMap { [$0.count, $0.standard] } + (months.map { [$0] } ?? []), evidence: rule.evidence(.averageMismatch, [
                .computation: terms, .computed: Show.number(exact, scale: max(a.number.decimals, 2)) + a.number.unitText,
                .stated: a.shown]))
        }
    }

    /// "一般纠纷1,824件、疑难复杂纠纷263件，分别按每件100元、300元的标准发放资金26.13万元": counts listed with
    /// "、", then as many standards listed after 分别 and a per word, then the amount they make: the
    /// amount is the sum of the products. (Lists of other lengths, periods in the standard, an amount
    /// past a "；": not read.)
    static func distributedStandards(_ rule: Rule, _ context: inout CheckContext, perWords: WordSet, periods: WordSet, sameThings: [[String]]) {
        let distributive = context.vocabulary[.distributiveMarkers]
        func plain(_ f: Fact) -> Bool {
            f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && !f.number.approximate && f.shareOf == nil
                && !f.isTarget && f.value > 0
        }
        for paragraph in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[paragraph.index]
            guard ids.count >= 5 else { continue }
            let s = paragraph.text.scalars
            func gap(_ a: Fact, _ b: Fact) -> ArraySlice<Unicode.Scalar> { a.gap(to: b, in: s) }
            // (by "、", or by a joiner word: "8万元、2万元和0.5万元")
            let joiners = context.vocabulary[.nameJoiners]
            func listed(_ a: Fact, _ b: Fact) -> Bool {
                let g = gap(a, b)
                if g.first == "、" { return !g.contains(where: { ScalarSets.clauseBreaks.contains($0) || $0 == "。" }) }
                return joiners.contains(ScalarString.make(g.filter { !CharClass.isWhitespace($0) }))
            }
            var k = 2
            while k < ids.count {
                let first = context.fact(ids[k])
                k += 1
                guard first.kind.isMoney, plain(first), let place = context.sentence(of: first) else { continue }
                // the clause before the first standard says 分别 and 每
                var start = first.number.numberRange.lowerBound
                while start > 0, first.number.numberRange.lowerBound - start < 16, !ScalarSets.clauseBreaks.contains(s[start - 1]), s[start - 1] != "。" { start -= 1 }
                let lead = s[start..<first.number.numberRange.lowerBound]
                guard let marker = distributive.firstMatch(in: Array(lead)), let per = perWords.firstMatch(in: Array(lead), from: marker.start + marker.length) else { continue }
                let thing = ScalarString.make(lead[(lead.startIndex + per.start + per.length)...].prefix { CharClass.isHan($0) })
                guard !thing.isEmpty, !periods.occurs(in: thing) else { continue }
                // the standards after it, listed with "、"
                var standards = [first]
                var j = k
                while j < ids.count, case let f = context.fact(ids[j]), f.kind.isMoney, plain(f), listed(standards[standards.count - 1], f) {
                    standards.append(f)
                    j += 1
                }
                guard standards.count >= 2, j < ids.count else { continue }
                // the counts right before, as many, listed with "、", of the thing the standards are per
                let firstAt = k - 1
                guard firstAt >= standards.count else { continue }
                let counts = (0..<standards.count).map { context.fact(ids[firstAt - standards.count + $0]) }
                let before = firstAt - standards.count - 1
                guard let word = counts[0].kind.measureWord, counts.allSatisfy({ !$0.kind.isMoney && $0.kind.measureWord == word && plain($0) }),
                      countsSameThing(word, thing, sameThings),
                      zip(counts, counts.dropFirst()).allSatisfy({ listed($0, $1) }),
                      // (no longer list: "优秀20个、良好40个、合格15个、不合格5个，分别按…10,000元、8,000元、4,000元")
                      before < 0 || !listed(context.fact(ids[before]), counts[0]),
                      context.sentence(of: counts[0]).map({ $0 == place }) == true else { continue }
                // ("…分别按每处8万元、2万元和0.5万元兑现奖励24.00万元、28.00万元和10.00万元": as many amounts, each the
                // product of its count and standard)
                if j + standards.count <= ids.count {
                    let amounts = (0..<standards.count).map { context.fact(ids[j + $0]) }
                    if amounts.allSatisfy({ $0.kind.isMoney && plain($0) && context.sentence(of: $0).map { $0 == place } == true && !perWords.occurs(in: $0.label) }),
                       zip(amounts, amounts.dropFirst()).allSatisfy({ listed($0, $1) }),
                       !gap(standards[standards.count - 1], amounts[0]).contains(where: { $0 == "；" || $0 == ";" || $0 == "。" }) {
                        k = j + standards.count
                        for (c, (g, amount)) in zip(counts, zip(standards, amounts)) {
                            guard let unit = amount.kind.moneyUnit, let standardUnit = g.kind.moneyUnit else { continue }
                            let product = context.interval(c) * Interval(exactly: context.interval(g).midpoint)
                            if product.overlaps(context.interval(amount)) { continue }
                            let exact = c.value * g.value * Decimals.pow10(standardUnit.exponent - unit.exponent)
                            context.report(rule, main: amount, others: [c, g], evidence: rule.evidence(.averageMismatch, [
                                .computation: "\(c.shown) × \(g.shown)", .computed: Show.number(exact, scale: max(amount.number.decimals, 2)) + amount.number.unitText,
                                .stated: amount.shown]))
                        }
                        continue
                    }
                }
                // the amount: the next figure, money, in the sentence, before any "；"
                let amount = context.fact(ids[j])
                let last = standards[standards.count - 1]
                guard amount.kind.isMoney, plain(amount), let unit = amount.kind.moneyUnit, context.sentence(of: amount).map({ $0 == place }) == true,
                      !gap(last, amount).contains(where: { $0 == "；" || $0 == ";" }), !perWords.occurs(in: amount.label) else { continue }
                k = j + 1
                var product = Interval(exactly: 0), exact = Decimal(0)
                for (c, g) in zip(counts, standards) {
                    guard let standardUnit = g.kind.moneyUnit else { continue }
                    let scale = Decimals.pow10(standardUnit.exponent - unit.exponent)
                    // (intervals in 元; a standard is set, not measured: exactly its value)
                    product = product + context.interval(c) * Interval(exactly: context.interval(g).midpoint)
                    exact += c.value * g.value * scale
                }
                if product.overlaps(context.interval(amount)) { continue }
                let terms = zip(counts, standards).map { "\($0.shown) × \($1.shown)" }.joined(separator: " + ")
                context.report(rule, main: amount, others: counts + standards, evidence: rule.evidence(.averageMismatch, [
                    .computation: terms, .computed: Show.number(exact, scale: max(amount.number.decimals, 2)) + amount.number.unitText,
                    .stated: amount.shown]))
            }
        }
    }

    /// Whether a count in measure word `word` counts the things a standard is per (`thing`): the same
    /// word, its first part ("个" of "个团队"), or one of `same_things` ("人|名|位").
    static func countsSameThing(_ word: String, _ thing: String, _ sameThings: [[String]]) -> Bool {
        word == thing || thing.hasPrefix(word) || sameThings.contains { $0.contains(word) && $0.contains(thing) }
    }

    /// The count a standard per thing is of: "每部20万元" after "加装电梯64部" in its sentence (the
    /// clause before it says 每 and the thing); 人次 for a standard per head and per period.
    static func countOfStandard(_ f: Fact, _ context: CheckContext, periods: WordSet, yearPeriods: WordSet, perWords: WordSet, averages: WordSet,
                                baseOfShare: Set<Int>, sameThings: [[String]], wholeYear: WholeYear? = nil,
                                basisAverages: WordSet = WordSet(), standards: WordSet = WordSet(), unitPrices: WordSet = WordSet()) -> (count: Fact, periods: Fact?, impliedPeriods: Int?)? {
        guard case .text(let p, let sentence, _) = f.place, f.change == 0, !f.comparesYears, !f.number.inRange, f.number.comparator == nil,
              !f.number.approximate, f.value > 0, let (ids, at) = context.positionInParagraph(of: f) else { return nil }
        // "每部", "每人每月": the things the standard is per, read back from the figure within its clause
        let s = context.doc.paragraphs[p].text.scalars
        var j = f.number.numberRange.lowerBound
        // (not past the figure before it: "按每次1,100元计的240次抽检费26.40万元" — 每次 is 1,100元's)
        let previousEnd = at > 0 ? context.fact(ids[at - 1]).number.range.upperBound : 0
        while j > previousEnd && !ScalarSets.clauseBreaks.contains(s[j - 1]) && s[j - 1] != "。" && f.number.numberRange.lowerBound - j < 16 { j -= 1 }
        var per = [String]()
        var i = j
        let end = f.number.numberRange.lowerBound
        while i < end {
            // ("按人均89元、常住人口387,310人测算": so much per head, the thing between 按 and 均)
            let b = basisAverages.prefixLength(s, at: i)
            if b > 2, i + b <= end {
                per.append(ScalarString.make(s[(i + 1)..<(i + b - 1)]))
                i += b
                continue
            }
            let n = perWords.prefixLength(s, at: i)
            if n > 0, i + n < end, CharClass.isHan(s[i + n]) {
                var e = i + n
                while e < end && CharClass.isHan(s[e]) && perWords.prefixLength(s, at: e) == 0 && e - i - n < 2 { e += 1 }
                per.append(ScalarString.make(s[(i + n)..<e]))
                i = e
            } else {
                i += 1
            }
        }
        // ("补助标准12.5万元/公里": or the thing after a slash right after the figure)
        if per.isEmpty, f.isPerThing(in: s), case let e = f.number.range.upperBound {
            var w = e + 1
            while w < s.count, w - e <= 3, CharClass.isHan(s[w]) { w += 1 }
            if w > e + 1 { per = [ScalarString.make(s[(e + 1)..<w])] }
        }
        // ("购置洗扫车6台，单价41.50万元": a unit price right after a count is per the thing it counts)
        if per.isEmpty, at > 0, case let previous = context.fact(ids[at - 1]), !previous.kind.isMoney, let word = previous.kind.measureWord,
           unitPrices.suffixLength(s, endingAt: end) > 0 || (end > j && s[end - 1] == "为" && unitPrices.suffixLength(s, endingAt: end - 1) > 0) {
            per = [word]
        }
        guard let thing = per.first else { return nil }
        // ("年末公务用车保有量7辆，平均每辆2.49万元": an average per thing, not a standard)
        if averages.occurs(in: f.label) { return nil }
        // (a standard per head and year is a year's money per head: "每人每年2,000元" counts heads)
        let perPeriod = per.dropFirst().contains { periods.occurs(in: $0) && !yearPeriods.occurs(in: $0) }
        guard per.count <= 2, !periods.occurs(in: thing) else { return nil }
        // the count right before it in its sentence, of that thing (人次 for a standard per head and month)
        var count: Fact?
        var months: Fact?
        var impliedPeriods: Int?
        // "聘用督查员36人、每人每月2,200元、按12个月计发": a count of heads, then of the periods after the standard
        func periodsAfter() -> Fact? {
            // (the period word itself: "每岗每月补贴2,000元" reads 月补 after 每)
            guard let word = per.dropFirst().lazy.compactMap({ periods.firstOccurrence(in: $0) }).first else { return nil }
            for id in ids[(at + 1)..<min(ids.count, at + 3)] {
                let o = context.fact(id)
                guard let (q, t) = context.sentence(of: o), q == p, t == sentence, !o.kind.isMoney else { return nil }
                if let unit = o.kind.measureWord, unit.hasSuffix(word), o.value > 0, o.change == 0, !o.number.inRange, o.number.comparator == nil { return o }
            }
            return nil
        }
        for id in ids[max(0, at - 4)..<at].reversed() {
            let o = context.fact(id)
            guard let (q2, t2) = context.sentence(of: o), q2 == p, t2 == sentence else { break }
            if o.kind.isMoney { break }
            // (not a count in brackets beside another: "秋季学期应缴费学生35,566人（免收1,308人），按每生…")
            if o.number.parenDepth > f.number.parenDepth { continue }
            // (not the plan a completion rate is of: "完成计划80部的80.00%"; nor a base named in a share:
            // "实践站118个，占全县136个村（社区）的86.76%")
            guard let word = o.kind.measureWord, !baseOfShare.contains(id), o.shareOf == nil else { continue }
            // (or counted in 个 and named right before: "开发乡村公益性岗位52个，每岗每月补贴2,000元", "行政村14个，每村…")
            let same = countsSameThing(word, thing, sameThings)
                || (thing.unicodeScalars.count == 1 && !perWords.occurs(in: o.label)
                    && (o.label.hasSuffix(thing) || String(String.UnicodeScalarView(o.label.unicodeScalars.suffix(2))).hasPrefix(thing)))
            if perPeriod {
                if word == thing + "次" {
                    count = o
                } else if same, let m = periodsAfter() {
                    count = o
                    months = m
                } else if same, let wholeYear, wholeYear.covers(per: per, standard: f, sentence: context.doc.paragraphs[p].sentences[sentence], in: s) {
                    // "为450名…老年人提供上门服务，按每人每月220元标准测算，全年需118.80万元": a year of months
                    count = o
                    impliedPeriods = 12
                } else if same, let wholeYear, at + 1 < ids.count, case let next = context.fact(ids[at + 1]),
                          context.sentence(of: next).map({ $0 == (p, sentence) }) == true, wholeYear.monthAmount(per: per, next: next) {
                    count = o
                    impliedPeriods = 1
                }
            } else if same {
                count = o
            }
            break
        }
        // "项目24.00万元，按每人每年2,000元标准资助困难学生120名": no count before, the count right after it, in
        // its clause, of that thing
        if count == nil, !perPeriod, at + 1 < ids.count, case let o = context.fact(ids[at + 1]), !o.kind.isMoney,
           let word = o.kind.measureWord, let (q, t) = context.sentence(of: o), q == p, t == sentence,
           !s[f.number.range.upperBound..<o.number.numberRange.lowerBound].contains(where: { ScalarSets.clauseBreaks.contains($0) }),
           countsSameThing(word, thing, sameThings) {
            count = o
        }
        // "床位补助按每床每年2,000元标准，以3家医院实际开放床位1,160张核定，共计232.00万元": or, the standard
        // closing its clause, the first count of that thing in the clause after it (a few figures on, no
        // amount between, no "；")
        // (not the last of standards listed with 、: "按小学每生每年760元、初中每生每年980元核定，其中小学41,286人…")
        let listedAfterAnother = at > 0 && context.fact(ids[at - 1]).kind.isMoney
            && s[context.fact(ids[at - 1]).number.range.upperBound..<f.number.numberRange.lowerBound].contains("、")
        if count == nil, !perPeriod, !listedAfterAnother, f.number.range.upperBound < s.count,
           ScalarSets.clauseBreaks.contains(s[f.number.range.upperBound]) || standardWordFollows(s, after: f, standards: standards) {
            for id in ids[(at + 1)..<min(ids.count, at + 4)] {
                let o = context.fact(id)
                guard !o.kind.isMoney, let (q, t) = context.sentence(of: o), q == p, t == sentence,
                      !s[f.number.range.upperBound..<o.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" }) else { break }
                guard let word = o.kind.measureWord else { continue }
                if countsSameThing(word, thing, sameThings) { count = o; break }
            }
        }
        // "按每生每天5元、全年200天的标准，惠及学生21,574人，安排…": a standard per head and period, its periods right
        // after it, then the count of heads (a few figures on, no amount between, no "；")
        // (or between them: "按每人每月150元标准发放，402人全年12个月共发放A")
        if count == nil, perPeriod, let m = periodsAfter(), let mi = ids[(at + 1)...].firstIndex(of: m.id) {
            for id in Array(ids[(at + 1)..<mi]) + ids[(mi + 1)..<min(ids.count, mi + 3)] {
                let o = context.fact(id)
                let from = o.number.numberRange.lowerBound > m.number.range.upperBound ? m.number.range.upperBound : f.number.range.upperBound
                guard !o.kind.isMoney, let (q, t) = context.sentence(of: o), q == p, t == sentence, from <= o.number.numberRange.lowerBound,
                      !s[from..<o.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" }) else { break }
                guard let word = o.kind.measureWord else { continue }
                if countsSameThing(word, thing, sameThings) {
                    count = o
                    months = m
                    break
                }
            }
        }
        // "按每人每月100元标准发放高龄津贴，按4,326人测算全年需519.12万元": a standard per head and month, the
        // heads after it (a few figures on, no amount between, no "；"), an amount for the whole year
        if count == nil, perPeriod, let wholeYear, wholeYear.covers(per: per, standard: f, sentence: context.doc.paragraphs[p].sentences[sentence], in: s) {
            for id in ids[(at + 1)..<min(ids.count, at + 3)] {
                let o = context.fact(id)
                guard !o.kind.isMoney, let (q, t) = context.sentence(of: o), q == p, t == sentence,
                      !s[f.number.range.upperBound..<o.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" }) else { break }
                guard let word = o.kind.measureWord else { continue }
                if countsSameThing(word, thing, sameThings) {
                    count = o
                    impliedPeriods = 12
                    break
                }
            }
        }
        guard let count, count.change == 0, !count.comparesYears, !count.number.inRange, count.number.comparator == nil,
              !count.number.approximate, !count.isTarget, count.value > 0 else { return nil }
        return (count, months, impliedPeriods)
    }

    /// "…2,000元标准，" — the standard's own word right after its figure, then its clause ends; or the
    /// word and what the standard pays for ("按每人每年3,600元标准发放村级防疫员补助，").
    static func standardWordFollows(_ s: [Unicode.Scalar], after f: Fact, standards: WordSet) -> Bool {
        let upper = f.number.range.upperBound
        var k = upper
        while k < s.count && k - upper < 4 && CharClass.isHan(s[k]) { k += 1 }
        if k < s.count && k > upper && ScalarSets.clauseBreaks.contains(s[k]) { return true }
        var i = upper
        if i < s.count && s[i] == "的" { i += 1 }
        let n = standards.prefixLength(s, at: i)
        guard n > 0 else { return false }
        k = i + n
        while k < s.count && k - i < 20 && CharClass.isHan(s[k]) { k += 1 }
        return k < s.count && ScalarSets.clauseBreaks.contains(s[k])
    }

    /// A standard per month whose amount, reckoned from it, is stated for the whole year
    /// (`month_periods`, `whole_year_words` between the standard and the sentence end, `reckoning_words`
    /// in the sentence).
    struct WholeYear {
        let months: WordSet, words: WordSet, reckoning: WordSet
        /// "按每人每月800元的标准全年发放劳务报酬A": a whole year's payment named by its verb
        let payments: WordSet
        var monthAmounts = WordSet()
        /// "管护公厕96座，每座每月650元，月均6.24万元": the amount right after a standard per month, named as
        /// one month's.
        func monthAmount(per: [String], next: Fact?) -> Bool {
            guard let next, next.kind.isMoney, per.dropFirst().contains(where: { months.occurs(in: $0) }) else { return false }
            return monthAmounts.occurs(in: next.label)
        }
        func covers(per: [String], standard f: Fact, sentence: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
            guard per.dropFirst().contains(where: { months.occurs(in: $0) }), f.number.range.upperBound < sentence.upperBound else { return false }
            let after = ScalarString.make(s[f.number.range.upperBound..<sentence.upperBound])
            return (words.occurs(in: after) && reckoning.occurs(in: ScalarString.make(s[sentence]))) || payments.occurs(in: after)
        }
    }

    /// "城市低保1,236户2,018人，户均1.63人": an average count (人) per thing counted (户, the average word's
    /// own measure) after one count of each in its sentence is the one over the other.
    static func countAverages(_ rule: Rule, _ context: inout CheckContext) {
        let words = rule[.averageWords]
        for f in context.facts.facts {
            guard let unit = f.kind.measureWord, let word = words.prefix(of: f.head), f.head.unicodeScalars.count == word.unicodeScalars.count,
                  word.unicodeScalars.count == 2, let per = word.unicodeScalars.first.map({ String($0) }), per != unit,
                  case .text(let p, let s, _) = f.place, f.change == 0, !f.comparesYears, !f.number.inRange, f.number.comparator == nil,
                  !f.number.approximate, !f.isTarget, f.shareOf == nil, let (ids, at) = context.positionInParagraph(of: f) else { continue }
            // the nearest count of each measure before it in its sentence (after any earlier average)
            var total: Fact?, base: Fact?
            for id in ids[max(0, at - 6)..<at].reversed() {
                let o = context.fact(id)
                guard let (q, t) = context.sentence(of: o), q == p, t == s, !(words.isPrefix(of: o.head)) else { break }
                if total == nil, o.kind.measureWord == unit { total = o }
                if base == nil, o.kind.measureWord == per { base = o }
                if total != nil && base != nil { break }
            }
            // ("共2,387户7,914人，…，核减自然减员42人；户均3.32人": the count beside the base's, of the same things, is
            // the total, whatever comes between)
            if let b = base, let k = ids.firstIndex(of: b.id), k + 1 < at, case let partner = context.fact(ids[k + 1]),
               partner.kind.measureWord == unit, partner.countsAgain(b) {
                total = partner
            }
            guard let total, let base, base.value > 0,
                  [total, base].allSatisfy({ $0.change == 0 && !$0.comparesYears && !$0.number.inRange && $0.number.comparator == nil && !$0.number.approximate && !$0.isTarget }),
                  let quotient = context.interval(total) / context.interval(base) else { continue }
            let own = context.interval(f)
            let half = Decimals.quotient(own.hi - own.lo, 2)
            if quotient.overlaps(Interval(lo: own.lo - half, hi: own.hi + half)) { continue }
            context.report(rule, main: f, others: [total, base], evidence: rule.evidence(.averageMismatch, [
                .computation: "\(total.shown) ÷ \(base.shown)", .computed: Show.number(total.value / base.value, scale: max(f.number.decimals, 2)) + unit,
                .stated: f.shown]))
        }
    }

    /// The average names the count's measure: "平均每公里" of 公里, "人均" of 人.
    static func namesMeasure(_ f: Fact, of count: Fact, _ words: WordSet) -> Bool {
        guard let word = words.prefix(of: f.head), let measure = count.kind.measureWord, !measure.isEmpty else { return false }
        let rest = String(f.head.unicodeScalars.dropFirst(word.unicodeScalars.count))
        return rest.hasPrefix(measure) || (rest.isEmpty && word.unicodeScalars.first == measure.unicodeScalars.first)
    }

    /// The average names what the total is of: nothing more ("生均", "人均"), the count's thing ("平均每辆车"),
    /// or a word of the total's name ("人均补助" of 补助资金; not "人均可支配收入" of 地区生产总值).
    static func averages(_ f: Fact, _ total: Fact, _ count: Fact, _ words: WordSet, periods: WordSet) -> Bool {
        guard let word = words.prefix(of: f.head) else { return false }
        let rest = Array(f.head.unicodeScalars.dropFirst(word.unicodeScalars.count)).filter { CharClass.isHan($0) }
        if rest.isEmpty { return true }
        // "平均每人每月400元": an average per period is not the year's total over the count
        if periods.occurs(in: ScalarString.make(rest)) { return false }
        if let measure = count.kind.measureWord?.unicodeScalars.first, rest.first == measure { return true }
        guard rest.count >= 2 else { return false }
        return ScalarSearch.firstIndex(of: Array(rest.prefix(2)), in: Array(total.label.unicodeScalars), from: 0) != nil
    }

    /// "三次产业结构为10.3:47.5:42.2", "由9.8:48.1:42.1调整为10.3:47.5:42.2": the percentages of a
    /// structure written as a ratio add up to 100 (each within its rounding). Integers alone may be
    /// a plain ratio ("1:2:1"): only a ratio with decimals, or one near 100, is read as percentages.
    static func structureRatios(_ rule: Rule, _ context: inout CheckContext) {
        let words = rule[.structureWords]
        guard !words.isEmpty else { return }
        for paragraph in context.doc.paragraphs {
            let s = paragraph.text.scalars
            guard let first = words.firstMatch(in: s) else { continue }
            // the ratios of the sentence the structure is named in, after its name
            let end = paragraph.sentences.first { $0.contains(first.start) }?.upperBound ?? s.count
            var i = first.start + first.length
            while i < end {
                guard CharClass.isDigit(s[i]) else { i += 1; continue }
                let (terms, next) = ratioTerms(s, from: i, end: end)
                defer { i = max(next, i + 1) }
                guard terms.count >= 2 else { continue }
                let sum = terms.reduce(Interval(exactly: 0)) { $0 + Interval(shown: $1.value, decimals: $1.decimals) }
                let hundred = Decimal(100)
                let exact = terms.reduce(Decimal(0)) { $0 + $1.value }
                let decimals = terms.contains { $0.decimals > 0 }
                // (near 100 either way: "性别结构比105.2:100" and "1.05:1" are ratios of two, not shares)
                guard decimals ? (exact >= 50 && exact <= 150) : (exact >= 95 && exact <= 105),
                      !(sum.lo <= hundred && hundred <= sum.hi) else { continue }
                guard let span = paragraph.text.span(i..<next) else { continue }
                let name = paragraph.text.string(first.start..<(first.start + first.length))
                let scale = terms.map(\.decimals).max() ?? 0
                context.report(rule, span: span, evidence: rule.evidence(.structureSum, [
                    .computation: terms.map(\.literal).joined(separator: " + "), .sum: Show.number(exact, scale: scale)]),
                               slots: [.name: name], key: "structure|\(span.start.line)|\(span.start.column)")
            }
        }
    }

    /// The numbers of "10.3:47.5:42.2" from `start` (a digit), and the index after the last.
    static func ratioTerms(_ s: [Unicode.Scalar], from start: Int, end: Int) -> (terms: [(value: Decimal, decimals: Int, literal: String)], next: Int) {
        var terms = [(value: Decimal, decimals: Int, literal: String)]()
        var i = start
        while i < end && CharClass.isDigit(s[i]) {
            var j = i, point: Int?
            while j < end && (CharClass.isDigit(s[j]) || (s[j] == "." && point == nil && j + 1 < end && CharClass.isDigit(s[j + 1]))) {
                if s[j] == "." { point = j }
                j += 1
            }
            let literal = ScalarString.make(s[i..<j])
            guard let value = Decimal(string: literal) else { break }
            terms.append((value, point.map { j - $0 - 1 } ?? 0, literal))
            // a colon, then the next number
            guard j + 1 < end, s[j] == ":" || s[j] == "：", CharClass.isDigit(s[j + 1]) else { return (terms, j) }
            i = j + 1
        }
        return (terms, i)
    }

    /// The figure a change amount is of: the nearest figure of its family before it in its sentence
    /// that is no change, no comparison and no percentage ("民生类支出A，同比增长r，增支d": A).
    static func changedFigure(of delta: Fact, _ context: CheckContext) -> Fact? {
        guard let (_, s) = context.sentence(of: delta), let (ids, lo) = context.positionInParagraph(of: delta) else { return nil }
        // from the change back, a few figures of its sentence
        for id in ids[max(0, lo - 8)..<lo].reversed() {
            let f = context.fact(id)
            guard context.sentence(of: f)?.sentence == s else { return nil }
            guard f.number.range.upperBound <= delta.number.numberRange.lowerBound, f.kind.sameFamily(as: delta.kind) else { continue }
            if f.change != 0 || f.comparesYears || f.number.inRange || f.number.parenDepth > delta.number.parenDepth { continue }
            return f
        }
        return nil
    }

    /// The stated share is, within its rounding, `part` ÷ the whole of a list `base` is a part of.
    static func ofTheWholesWhole(_ part: Fact, _ base: Fact, _ stated: Interval, _ context: inout CheckContext) -> Bool {
        context.groups(withPart: base.id).contains { group in
            group.whole != part.id
                && context.fact(group.whole).kind.isMoney == part.kind.isMoney && context.ratio(part, context.fact(group.whole), fits: stated)
        }
    }

    /// The stated share is, within its rounding, `part` ÷ one of the figures the text lists under `base`.
    static func ofAListedPart(_ part: Fact, _ base: Fact, _ stated: Interval, _ context: CheckContext) -> Bool {
        for group in context.groupsOfWhole[base.id] ?? [] {
            for id in group.parts where id != part.id {
                let listed = context.fact(id)
                if listed.kind.isMoney == part.kind.isMoney && context.ratio(part, listed, fits: stated) { return true }
            }
        }
        return false
    }

    /// A share of a total the text does not state: the sum of the listed items.
    static func shareOfSum(_ rule: Rule, _ share: ShareStatement, _ context: inout CheckContext) {
        let percent = context.fact(share.percent), part = context.fact(share.part)
        let items = share.baseParts.map { context.fact($0) }
        let stated = context.interval(percent)
        let sum = items.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
        guard let ratio = context.interval(part) / sum, !(ratio * Interval(exactly: 100)).overlaps(stated) else { return }
        // "支出共计340.41万元。…1.用于…支出2.68万元，占总支出的0.79%": the total is stated after all, as a
        // total a few paragraphs before, under another name
        if case .text(let p, _, _) = percent.place {
            for q in stride(from: p, through: max(0, p - 10), by: -1) {
                for id in context.facts.paragraphFacts[q].suffix(100) {
                    let t = context.fact(id)
                    guard t.marksTotal, t.id != part.id, t.kind.sameFamily(as: part.kind),
                          t.number.range.upperBound <= percent.number.numberRange.lowerBound || q < p else { continue }
                    if context.ratio(part, t, fits: stated) { return }
                }
            }
        }
        let exactSum = items.reduce(Decimal(0)) { $0 + context.value($1, inUnitOf: part) }
        guard exactSum != 0 else { return }
        // shares written to add up to exactly 100%, each one unit of its last place from its rounding at most
        if let first = share.distributedWith {
            let unit = Decimals.halfUnit(decimals: percent.number.decimals) * 2
            let siblings = context.facts.shares.filter { $0.distributedWith == first }
            if siblings.reduce(Decimal(0), { $0 + context.fact($1.percent).value }) == 100, siblings.allSatisfy({ other in
                abs(context.value(context.fact(other.part), inUnitOf: part) / exactSum * 100 - context.fact(other.percent).value) <= unit
            }) { return }
        }
        let scale = max(percent.number.decimals, 2)
        let exact = part.value / exactSum * 100
        let evidence = rule.evidence(.shareMismatch, [
            .computation: "\(part.literal) ÷ (\(items.map(\.literal).joined(separator: " + "))) × 100", .computed: Show.number(exact, scale: scale) + "%",
            .stated: percent.literal + "%",
            .difference: Show.number(abs(percent.value - exact), scale: scale) + Show.differenceUnit(percent, context.vocabulary)])
        let baseLabel = context.vocabulary[.shareMarkers].droppingPrefix(percent.shareOf ?? "")
        context.report(rule, main: percent, others: [part] + items, evidence: evidence,
                       slots: [.part: context.displayLabel(part), .base: baseLabel])
    }

    /// "税收收入373219.7万元，占总收入的82.4%；非税收入79744.3万元，占总收入的17.6%": shares of one
    /// base adding up to 100% (within their rounding) make the parts the whole of it, so the parts
    /// must add up to it. Each share alone, rounded, can pass a part with a slipped last digit; the
    /// sum does not. Only when every share agrees with its own figures (one that does not is the
    /// share rule's finding).
    static func sharesMakeWhole(_ rule: Rule, _ context: inout CheckContext) {
        // the shares by base, in text order within each (a sort, not a dictionary: a document has few)
        let all = context.facts.shares.filter { $0.baseParts.isEmpty }
        guard all.count >= 2 else { return }
        let order = all.indices.sorted { (all[$0].base, $0) < (all[$1].base, $1) }
        // the lists the shared parts stand in, made on first use
        var listsOf: [Int: [Int]]?
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && all[order[end]].base == all[order[start]].base { end += 1 }
            defer { start = end }
            let baseID = all[order[start]].base
            let shares = order[start..<end].map { all[$0] }
            guard shares.count >= 2, Set(shares.map(\.part)).count == shares.count, Set(shares.map(\.percent)).count == shares.count,
                  !shares.contains(where: { $0.part == baseID }) else { continue }
            let base = context.fact(baseID), baseInterval = context.interval(base)
            var percents = [Fact](), parts = [Fact]()
            var total = Interval(exactly: 0), sum = Interval(exactly: 0)
            for share in shares {
                let percent = context.fact(share.percent), part = context.fact(share.part)
                guard !percent.comparesYears, percent.number.comparator == nil, percent.value > 0,
                      part.kind.isMoney, part.kind.sameFamily(as: base.kind) else { break }
                let stated = Interval(shown: percent.value, decimals: percent.number.decimals, roundedInteger: true)
                guard let ratio = context.interval(part) / baseInterval, (ratio * Interval(exactly: 100)).overlaps(stated) else { break }
                total = total + stated
                sum = sum + context.interval(part)
                percents.append(percent)
                parts.append(part)
            }
            guard parts.count == shares.count, total.overlaps(Interval(exactly: 100)), !sum.overlaps(baseInterval) else { continue }
            // "…经营收入30万元，附属单位上缴收入10万元，两项合计占1.0%；其他收入…": a list with parts that
            // have no share of their own (a joint one, or one too small to show) holds more than the shares
            if listsOf == nil {
                var m = [Int: [Int]]()
                for (g, group) in context.facts.groups.enumerated() { for part in group.parts { m[part, default: []].append(g) } }
                listsOf = m
            }
            let shared = Set(shares.map(\.part))
            let lists = Set(shares.flatMap { listsOf![$0.part] ?? [] })
            if lists.contains(where: { context.facts.groups[$0].parts.contains { !shared.contains($0) } }) { continue }
            var slots = PartsCheck.sumSlots(base, parts, context)
            slots[.sum] = percents.map { $0.literal + "%" }.joined(separator: " + ")
            slots[.base] = context.vocabulary[.shareMarkers].droppingPrefix(percents[0].shareOf ?? context.displayLabel(base))
            context.report(rule, main: base, others: parts + percents, evidence: rule.evidence(.sharesMakeWhole, slots))
        }
    }

    /// "基本支出…，占一般公共预算支出的84.00%；项目支出…，占一般公共预算支出的19.60%": the shares of
    /// one base taken by the parts of a decomposition (基本支出 and 项目支出) cannot exceed 100%.
    static func sharesOverWhole(_ rule: Rule, _ context: inout CheckContext) {
        // the shares of one named base, in one year, anywhere in the text ("1.基本支出…，占一般公共预算
        // 支出的84.06%" and "2.项目支出…，占一般公共预算支出的19.62%" are two paragraphs)
        var byBase = [String: [(share: Fact, item: String)]]()
        var order = [String]()
        for p in context.doc.paragraphs {
            let ids = context.facts.paragraphFacts[p.index]
            for id in ids {
                // the percentages with a base picked in place: most figures are neither
                guard context.facts.facts[id].kind == .percent, context.facts.facts[id].shareOf != nil else { continue }
                let f = context.fact(id)
                guard let base = f.shareOf, !base.isEmpty, !f.comparesYears, f.number.comparator == nil else { continue }
                // "占调整预算90.75%" and "占调整预算117.66%": each part's own budget, not one whole
                if context.vocabulary[.ownPlanNames].contains(String(Names.withoutLeadingYear(base))) { continue }
                // the part: the figure just before the share, in its sentence
                // (the paragraph's facts are in text order: walk back from the share, and stop at the
                // sentence before, instead of searching the whole paragraph for each share)
                var lo = 0, hi = ids.count
                while lo < hi { let mid = (lo + hi) / 2; if context.fact(ids[mid]).number.range.upperBound <= f.number.numberRange.lowerBound { lo = mid + 1 } else { hi = mid } }
                let sentence = context.sentence(of: f)?.sentence
                var found: Int?
                for other in ids[..<lo].reversed() {
                    let o = context.fact(other)
                    guard o.number.range.upperBound <= f.number.numberRange.lowerBound else { continue }
                    if context.sentence(of: o)?.sentence != sentence { break }
                    if o.kind != .percent && o.kind != .bare { found = other; break }
                }
                guard let part = found.map({ context.fact($0) }), let item = part.concept.item, part.concept.scope.isEmpty else { continue }
                let key = base + "|" + (f.year.map(String.init) ?? "")
                if byBase[key] == nil { order.append(key) }
                byBase[key, default: []].append((f, item))
            }
        }
        // "货物、工程、服务分别为0.72亿元、0.02亿元和0.59亿元，占全市的54.54%、1.51%和44.69%": things listed
        // side by side are disjoint, whatever the lexicon knows of them
        var distributed = [Int: [Fact]]()
        for share in context.facts.shares {
            if let first = share.distributedWith { distributed[first, default: []].append(context.fact(share.percent)) }
        }
        for first in distributed.keys.sorted() {
            let shares = distributed[first]!
            guard shares.count >= 2 else { continue }
            let total = shares.reduce(Interval(exactly: 0)) { $0 + Interval(shown: $1.value, decimals: $1.number.decimals, roundedInteger: true) }
            guard total.lo > 100 else { continue }
            let sum = shares.reduce(Decimal(0)) { $0 + $1.value }
            let evidence = rule.evidence(.sharesOver100, [
                .computation: shares.map { $0.literal + "%" }.joined(separator: " + "),
                .sum: Show.number(sum, scale: Show.scale(shares)) + "%", .base: shares[0].shareOf ?? ""])
            context.report(rule, main: shares.last!, others: shares, evidence: evidence)
        }
        for key in order {
            let shares = byBase[key]!
            let base = String(key.split(separator: "|", omittingEmptySubsequences: false)[0])
            guard shares.count >= 2 else { continue }
            let items = Set(shares.map(\.item))
            guard items.count == shares.count,
                  context.lexicon.decompositions.contains(where: { !$0.parts.isEmpty && items.isSubset(of: Set($0.parts + $0.optional)) }) else { continue }
            let total = shares.reduce(Interval(exactly: 0)) { $0 + Interval(shown: $1.share.value, decimals: $1.share.number.decimals, roundedInteger: true) }
            guard total.lo > 100 else { continue }
            let sum = shares.reduce(Decimal(0)) { $0 + $1.share.value }
            let main = shares.last!.share
            let evidence = rule.evidence(.sharesOver100, [
                .computation: shares.map { $0.share.literal + "%" }.joined(separator: " + "),
                .sum: Show.number(sum, scale: Show.scale(shares.map(\.share))) + "%", .base: base])
            context.report(rule, main: main, others: shares.map(\.share), evidence: evidence)
        }
    }
}

