import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

/// `kind = "unit"`: money units that cannot all be right.
///  - same-number-two-units: one figure written with 元 in one place and 万元 in another;
///  - out-of-scale: an amount in 元 in a report that counts in 万元, where a 元 amount of that size
///    makes no sense (a budget, spending or carry-over figure, not a per-person standard);
///  - out-of-scale-wan: the mirror, an amount in 万元 far beyond anything a report counting in 元 states;
///  - mixed-units-in-relation: a relation that holds only if a figure written in 元 is read as 万元
///    (or, in a report counting in 元, one in 万元 read as 元), handed over by the relation checks.
enum UnitCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        switch rule.check {
        case "same-number-two-units": sameNumber(rule, &context)
        case "out-of-scale": outOfScale(rule, &context)
        case "out-of-scale-wan": outOfScaleWan(rule, &context)
        case "change-below-precision": changeBelowPrecision(rule, &context)
        case "finer-than-fen": finerThanFen(rule, &context)
        case "restated-other-unit": restatedOtherUnit(rule, &context)
        case "range-bounds": rangeBounds(rule, &context)
        case "asset-threshold": assetThreshold(rule, &context)
        default: break
        }
    }

    /// "年末结转和结余278万元，较上年减少29.82元": a change of a figure stated in 万元, written in 元
    /// and smaller than the figure's last digit (1万元, or 100元 for two decimals), cannot be the
    /// difference of two such figures: the change was meant in 万元.
    /// `f` is a part of a list whose parts, each in its written unit, add up to the whole.
    /// (Or the list stops before it, in its paragraph: "其中：中央资金39万元，已下拨到位。自筹资金2696元"
    /// makes up the rest of the whole.) Asked only of an amount about to be reported.
    static func addsUpAsWritten(_ f: Fact, vouched: Set<DecimalKey> = [], _ context: inout CheckContext) -> Bool {
        // as written, each in its unit, the whole stated in 万元 (a list all in 元 may all be slips),
        // or in 元 with its amount in 万元 beside it ("发行费用918,800元（约91.88万元），其中…281,300元…")
        // (exactly, to the 元: rounding would let any tiny amount beside parts near the whole pass)
        func exact(_ ids: [Int]) -> Decimal { ids.reduce(Decimal(0)) { Decimals.sum($0, context.value(context.fact($1), inUnitOf: f)) } }
        func completes(_ whole: Fact, _ others: [Int]) -> Bool {
            (whole.kind.moneyUnit == .wanYuan || (whole.kind.moneyUnit == .yuan && vouched.contains(DecimalKey(abs(whole.value)))))
                && Decimals.equal(Decimals.sum(exact(others), f.value), context.value(whole, inUnitOf: f))
        }
        if context.groups(withPart: f.id).contains(where: { $0.parts.count >= 2 && completes(context.fact($0.whole), $0.parts.filter { $0 != f.id }) }) { return true }
        guard let p = f.place.paragraph else { return false }
        if context.facts.groups.contains(where: { group in
            let whole = context.fact(group.whole)
            return whole.place.paragraph == p && whole.number.range.upperBound <= f.number.range.lowerBound && !group.parts.contains(f.id)
                && completes(whole, group.parts)
        }) { return true }
        // "项目总投资39.2696万元，其中：中央资金39万元，自筹资金2696元": a figure of its sentence before it
        // is it and the figures between (a few figures back: the scan stays bounded)
        guard let (_, s) = context.sentence(of: f), let (ids, at) = context.positionInParagraph(of: f) else { return false }
        var between = [Int]()
        for id in ids[max(0, at - 6)..<at].reversed() {
            let w = context.fact(id)
            guard context.sentence(of: w)?.sentence == s else { break }
            guard w.kind.isMoney, !w.number.inRange, w.change == 0 else { continue }
            if !between.isEmpty && completes(w, between) { return true }
            between.append(id)
        }
        return false
    }

    static func changeBelowPrecision(_ rule: Rule, _ context: inout CheckContext) {
        for change in context.facts.changes {
            guard let d = change.difference else { continue }
            let delta = context.fact(d)
            guard delta.kind.moneyUnit == .yuan, delta.value != 0, !delta.number.approximate, delta.number.comparator == nil,
                  !perUnit(delta, rule, context) else { continue }
            let figures = [change.current, change.prior].compactMap { $0 }.map { context.fact($0) }
            guard let figure = figures.first(where: { $0.kind.moneyUnit == .wanYuan }),
                  !figures.contains(where: { $0.kind.moneyUnit == .yuan }) else { continue }
            // the figure's last digit, in 元
            let step = Decimals.make(1, exponent: 4 - figure.number.decimals)
            guard Decimals.less(abs(delta.value), step) else { continue }
            let evidence = rule.evidence(.unitChangeBelowPrecision, [.figure: figure.shown, .other: delta.shown, .yuan: Show.number(step, scale: 0)])
            context.report(rule, main: delta, others: [figure], evidence: evidence)
        }
    }

    /// "体育彩票销售额153,627.5352元": no amount of money is finer than the fen (0.01元); stated to
    /// more places, it was counted in 万元 (to the 元) or larger. Prices per unit (元/吨) aside.
    static func finerThanFen(_ rule: Rule, _ context: inout CheckContext) {
        let places = rule[.yuanPlaces]
        let facts = context.facts.facts
        for k in facts.indices where facts[k].kind.moneyUnit == .yuan && facts[k].number.decimals > places {
            let f = facts[k]
            guard f.value != 0, !f.unitAssumed, !f.number.inRange, !perUnit(f, rule, context) else { continue }
            let evidence = rule.evidence(.unitFinerThanFen, [.figure: f.shown, .count: String(f.number.decimals)])
            context.report(rule, main: f, evidence: evidence)
        }
    }

    /// "资助参保支出718.23万元（7,182,342元）": a figure and its restatement in another unit, in the
    /// bracket right after it, that disagree beyond the rounding of either (extraction keeps only those).
    static func restatedOtherUnit(_ rule: Rule, _ context: inout CheckContext) {
        for (figureID, restatedID) in context.facts.restatements {
            let figure = context.fact(figureID), restated = context.fact(restatedID)
            guard let unit = restated.kind.moneyUnit else { continue }
            let scale = Decimals.pow10(unit.exponent)
            let converted = figure.value * Decimals.pow10(figure.kind.moneyUnit?.exponent ?? 0) / scale
            let decimals = restated.number.decimals
            let evidence = rule.evidence(.unitRestated, [
                .figure: figure.shown, .computed: Show.number(converted, scale: max(decimals, 0)) + unit.rawValue, .other: restated.shown,
                .difference: Show.number(abs(restated.value - converted), scale: max(decimals, 0)) + unit.rawValue])
            context.report(rule, main: restated, others: [figure], evidence: evidence)
        }
    }

    /// "三档（5000万元（含）至1亿元）": the two ends of a range of money in units 10⁴ apart or more are
    /// within a factor a range can mean; `min_range_ratio` times apart or more (or the lower end above
    /// the upper) one of the units slipped — the end in the smaller unit is told.
    static func rangeBounds(_ rule: Rule, _ context: inout CheckContext) {
        let minRatio = Decimal(rule[.minRangeRatio])
        for ids in context.facts.paragraphFacts {
            for n in ids.indices.dropLast() {
                let lo = context.fact(ids[n]), hi = context.fact(ids[n + 1])
                guard lo.number.inRange, hi.number.inRange, let a = lo.kind.moneyUnit, let b = hi.kind.moneyUnit,
                      MoneyUnit.yuanFamily.contains(a), MoneyUnit.yuanFamily.contains(b), abs(a.exponent - b.exponent) >= 4,
                      lo.value > 0, hi.value > 0, !lo.unitAssumed, !hi.unitAssumed,
                      lo.number.range.upperBound <= hi.number.numberRange.lowerBound,
                      hi.number.numberRange.lowerBound - lo.number.range.upperBound <= 8 else { continue }
                let low = lo.value * Decimals.pow10(a.exponent), high = hi.value * Decimals.pow10(b.exponent)
                guard low > high || high >= low * minRatio else { continue }
                let (main, other) = a.exponent < b.exponent ? (lo, hi) : (hi, lo)
                let evidence = rule.evidence(.unitRangeBounds, [.figure: lo.shown, .other: hi.shown,
                                                                 .ratio: Show.number(high / low, scale: low > high ? 6 : 0)])
                context.report(rule, main: main, others: [other], evidence: evidence)
            }
        }
    }

    /// "单位价值50万元以上通用设备0台": the value from which an asset account counts equipment apart is
    /// tens of wan yuan; such a threshold in yuan, below `min_threshold_yuan`, had its 万 dropped.
    static func assetThreshold(_ rule: Rule, _ context: inout CheckContext) {
        let openers = rule[.thresholdOpeners], items = rule[.thresholdItems], minimum = Decimal(rule[.minThresholdYuan])
        guard !openers.isEmpty, !items.isEmpty else { return }
        for f in context.facts.facts where f.kind.moneyUnit == .yuan && f.value > 0 && f.value < minimum {
            guard case .text = f.place, !f.unitAssumed, openers.isSuffix(of: f.label),
                  items.occurs(in: textAfter(f, context, count: 8)) else { continue }
            context.report(rule, main: f, evidence: rule.evidence(.unitThreshold, [.figure: f.shown, .yuan: Show.number(minimum, scale: 0)]))
        }
    }

    static func perUnit(_ f: Fact, _ rule: Rule, _ context: CheckContext, siblings: Int = 8) -> Bool {
        // the vocabulary's per-unit words, and any a rule adds
        if context.vocabulary[.perUnitWords].occurs(in: f.label) || rule[.perUnitWords].occurs(in: f.label) { return true }
        // "个人缴费设200元、300元…3,000元共7个档次", "档次补贴100元": the amounts of a scale's tiers are per head
        // (a tier word, not the start of another: 档 of 档次, not of 档案)
        let tiers = context.vocabulary[.tierWords], lookalikes = context.vocabulary[.tierLookalikes]
        func namesTier(_ s: [Unicode.Scalar], from: Int, before end: Int) -> Bool {
            var at = from
            while at < end, let m = tiers.firstMatch(in: s, from: at, before: end) {
                if lookalikes.prefixLength(s, at: m.start) == 0 { return true }
                at = m.start + max(1, m.length)
            }
            return false
        }
        if tiers.occurs(in: f.label) {
            let label = Array(f.label.unicodeScalars)
            if namesTier(label, from: 0, before: label.count) { return true }
        }
        if case .text(let p, _, _) = f.place {
            let s = context.doc.paragraphs[p].text.scalars
            var k = f.number.range.upperBound
            while k < s.count, k - f.number.range.upperBound < 40, s[k] != "，", s[k] != "。", s[k] != "；", s[k] != ",", s[k] != ";" { k += 1 }
            if f.number.range.upperBound < k, namesTier(s, from: f.number.range.upperBound, before: k) { return true }
        }
        // "500元/人", "元/平方米"
        let after = context.vocabulary[.perUnitAfter].union(rule[.perUnitAfter])
        if after.isPrefix(of: textAfter(f, context, count: max(after.longest, 1))) { return true }
        // "22,880人×720元": an amount multiplied in after a count
        // (in a cell too: "142人×300元×12个月" under 测算依据)
        switch f.place {
        case .text(let p, _, _):
            if Factors.isPerUnitFactor(f, in: context.doc.paragraphs[p].text.scalars, vocabulary: context.vocabulary) { return true }
        case .cell(let t, let r, let c):
            if let text = context.doc.tables[t].rows[r].cell(c)?.text, Factors.isPerUnitFactor(f, in: text.scalars, vocabulary: context.vocabulary) { return true }
        }
        // "月人均保障标准城市780元、农村620元": a short name joined on to an amount per unit by 、 names
        // another amount of the same standard (looked for a few items back: a long list stays linear)
        guard siblings > 0, case .text(let p, _, _) = f.place, let (ids, at) = context.positionInParagraph(of: f), at > 0 else { return false }
        let previous = context.fact(ids[at - 1])
        let text = context.doc.paragraphs[p].text
        // "每人1,200元，包括遗体接运费300元、遗体冷藏费（3天）240元": the parts of an amount per unit are per
        // unit too (a figure in brackets between two parts is passed over)
        if let before = listedAfter(f, ids: ids, at: at, in: text.scalars, context), perUnit(before, rule, context, siblings: siblings - 1) { return true }
        // "每1元财政补助带动企业研发投入10.70元": an amount after one named per unit ("每1元"), in its clause, is
        // so much per that amount
        if previous.kind.isMoney, context.vocabulary[.perUnitWords].isSuffix(of: previous.label), case .text(p, _, _) = previous.place,
           previous.number.range.upperBound <= f.number.numberRange.lowerBound,
           !text.scalars[previous.number.range.upperBound..<f.number.numberRange.lowerBound].contains(where: { CharClass.isClauseBreak($0) || $0 == "。" }) {
            return true
        }
        guard previous.kind == f.kind, case .text(p, _, _) = previous.place else { return false }
        let gap = previous.number.range.upperBound..<f.number.numberRange.lowerBound
        // "每人每月720元，较上年的680元": last year's figure of the same standard, right after it
        if f.comparesYears, gap.count >= 2, gap.count <= 8, !text.scalars[gap].contains(where: { CharClass.isDigit($0) || $0 == "。" || $0 == "；" }) {
            return perUnit(previous, rule, context, siblings: siblings - 1)
        }
        // "起付线由200元降至100元": the value a standard changed to is as per unit as the one it changed from
        // (and "薪酬标准由每人每月4,620元调整为4,860元": the marker before the standard's per-unit words)
        let from = context.vocabulary[.changeFromMarkers]
        if from.isSuffix(of: previous.label) || (from.occurs(in: previous.label) && context.vocabulary[.perUnitWords].occurs(in: previous.label)),
           gap.count >= 2, gap.count <= 6,
           !text.scalars[gap].contains(where: { CharClass.isClauseBreak($0) || CharClass.isDigit($0) }) {
            return perUnit(previous, rule, context, siblings: siblings - 1)
        }
        // "户均增收2,860元，未达到3,000元的目标值": the figure the one per unit is measured against
        if gap.count >= 2, gap.count <= 12, text.scalars[gap].filter({ CharClass.isClauseBreak($0) }).count == 1,
           !text.scalars[gap].contains(where: { CharClass.isDigit($0) || $0 == "。" || $0 == "；" }),
           let comma = text.scalars[gap].firstIndex(where: { CharClass.isClauseBreak($0) }),
           context.vocabulary[.measuredAgainstVerbs].prefixLength(text.scalars, at: comma + 1) > 0 {
            return perUnit(previous, rule, context, siblings: siblings - 1)
        }
        // (or with no name at all: "分别按每人每月1,800元、1,400元发放")
        guard gap.count >= 1, gap.count <= 7,
              text.scalars[gap.lowerBound] == "、" || context.vocabulary[.nameJoiners].prefixLength(text.scalars, at: gap.lowerBound) > 0,
              !text.scalars[gap].contains(where: { CharClass.isClauseBreak($0) || CharClass.isDigit($0) }) else { return false }
        return perUnit(previous, rule, context, siblings: siblings - 1)
    }

    /// The figure of `f`'s kind before it in its sentence (a bracketed figure between passed over) when
    /// a list opens between them ("A，包括甲a" → A) or `f` is joined on to it by 、 ("甲a、乙（3天）b" → a).
    static func listedAfter(_ f: Fact, ids: [Int], at: Int, in s: [Unicode.Scalar], _ context: CheckContext) -> Fact? {
        // (a few figures back: a long list stays linear)
        for k in stride(from: at - 1, through: max(0, at - 3), by: -1) {
            let g = context.fact(ids[k])
            guard g.place.paragraph == f.place.paragraph else { return nil }
            if g.number.parenDepth > f.number.parenDepth { continue }
            guard g.kind == f.kind, g.number.range.upperBound <= f.number.numberRange.lowerBound else { return nil }
            // the text between, brackets left out
            var between = [Unicode.Scalar](), depth = 0
            for c in s[g.number.range.upperBound..<f.number.numberRange.lowerBound] {
                if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth = max(0, depth - 1) } else if depth == 0 { between.append(c) }
            }
            guard between.count >= 2, !between.contains(where: { CharClass.isDigit($0) || ScalarSets.sentenceStops.contains($0) }) else { return nil }
            if between[0] == "、" {
                return between.dropFirst().contains(where: CharClass.isClauseBreak) ? nil : g
            }
            guard CharClass.isClauseBreak(between[0]) else { return nil }
            var k = 1
            let n = max(context.vocabulary[.listOpenersIncluding].prefixLength(between, at: k), context.vocabulary[.listOpenersOf].prefixLength(between, at: k))
            guard n > 0 else { return nil }
            k += n
            if k < between.count, between[k] == "：" || between[k] == ":" { k += 1 }
            return between[k...].contains(where: CharClass.isClauseBreak) ? nil : g
        }
        return nil
    }

    static func textAfter(_ f: Fact, _ context: CheckContext, count: Int) -> String {
        switch f.place {
        case .text(let p, _, _):
            let text = context.doc.paragraphs[p].text
            let end = f.number.range.upperBound
            return text.string(end..<min(text.count, end + count))
        case .cell(let t, let r, let c):
            // ("15.40元/公里" in a cell: the figure is read from the cell's own text)
            guard let text = context.doc.tables[t].rows[r].cell(c)?.text else { return "" }
            let end = f.number.range.upperBound
            return end < text.count ? text.string(end..<min(text.count, end + count)) : ""
        }
    }

    /// Counts of CNY amounts per unit over the whole report.
    static func unitCounts(_ context: CheckContext) -> (wan: Int, yuan: Int) {
        var wan = 0, yuan = 0
        // by index: a `for f in` copied every fact to read two of its fields
        let facts = context.facts.facts
        for k in facts.indices where !facts[k].unitAssumed {
            switch facts[k].kind.moneyUnit {
            case .wanYuan?: wan += 1
            case .yuan?: yuan += 1
            default: break
            }
        }
        return (wan, yuan)
    }

    static func wanYuanReport(_ rule: Rule, _ context: CheckContext) -> Bool {
        let (wan, yuan) = unitCounts(context)
        return wan >= rule[.minWanYuanAmounts] && Decimal(wan) >= rule[.dominance] * Decimal(yuan)
    }

    static func sameNumber(_ rule: Rule, _ context: inout CheckContext) {
        // most reports write their amounts in one of the two units: no value can be in both
        guard hasYuanAndWanYuan(context.facts.facts) else { return }
        // the amounts by value, as indexes: the facts are read in place, copied only for a value
        // stated in both units
        let facts = context.facts.facts
        var byValue = [DecimalKey: [Int]]()
        for k in facts.indices where (facts[k].kind.moneyUnit == .yuan || facts[k].kind.moneyUnit == .wanYuan) && !facts[k].number.inRange
            && !facts[k].unitAssumed && facts[k].value != 0 {
            byValue[DecimalKey(abs(facts[k].value)), default: []].append(k)
        }
        let dominant = context.facts.dominantMoneyUnit ?? .wanYuan
        for (key, indexes) in byValue {
            guard indexes.contains(where: { facts[$0].kind.moneyUnit == .yuan }), indexes.contains(where: { facts[$0].kind.moneyUnit == .wanYuan }) else { continue }
            let group = indexes.map { facts[$0] }
            let yuan = group.filter { $0.kind.moneyUnit == .yuan }
            let wan = group.filter { $0.kind.moneyUnit == .wanYuan }
            // (a whole number is distinctive only written with its decimals in both units: "12元" beside
            // "12.00万元" is two small numbers, "12.50元" beside "12.50万元" one)
            let whole = key.value == Decimals.rounded(key.value, scale: 0)
            let distinctive = key.value >= 100 || (!whole && group.contains { $0.number.decimals > 0 })
                || (yuan.contains { $0.number.decimals > 0 } && wan.contains { $0.number.decimals > 0 })
            // a small whole number is distinctive in one sentence, of two amounts neither per unit
            // ("预算项目资金16元，支付16万元")
            let inOneSentence = !distinctive && yuan.contains { y in
                !perUnit(y, rule, context) && wan.contains { w in !perUnit(w, rule, context) && sameSentence(y, w, context) }
            }
            // nor a small whole number stated under the same name in both ("下达…旅游发展基金资金50万元" and
            // "旅游发展基金50元"): the same funds in two units
            let namedAlike = !distinctive && !inOneSentence && yuan.contains { y in
                !perUnit(y, rule, context) && wan.contains { w in !perUnit(w, rule, context) && sharesName(y.label, w.label, length: rule[.sharedNameLength]) }
            }
            guard distinctive || inOneSentence || namedAlike else { continue }
            // the unit the value is written in fewer times is the slip; as often in both, the one the
            // report does not count in
            let oddIsWan = wan.count != yuan.count ? wan.count < yuan.count : dominant == .yuan
            let odd = oddIsWan ? wan : yuan
            let usual = oddIsWan ? yuan : wan
            // the same digits as a standard per head only ("每人每月680元" beside "追加680.00万元") say nothing
            if usual.allSatisfy({ perUnit($0, rule, context) }) { continue }
            for f in odd where !perUnit(f, rule, context) {
                // (of a pair in one sentence, the one there)
                let other = usual.first { inOneSentence && sameSentence($0, f, context) } ?? usual[0]
                if inOneSentence && !sameSentence(other, f, context) { continue }
                let evidence = rule.evidence(.unitSameNumber, [.figure: f.shown, .other: other.shown, .otherNamed: context.describe(other)])
                context.report(rule, main: f, others: [other], evidence: evidence, message: oddIsWan ? .unitSameNumberWan : nil)
            }
        }
    }

    /// The two labels share a run of at least `length` Chinese characters (a name, not a word or two).
    static func sharesName(_ a: String, _ b: String, length: Int) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard length > 0, x.count >= length, y.count >= length else { return false }
        for i in 0...(x.count - length) where (i..<(i + length)).allSatisfy({ CharClass.isHan(x[$0]) }) {
            let run = x[i..<(i + length)]
            for j in 0...(y.count - length) where y[j] == run.first! && y[j..<(j + length)].elementsEqual(run) { return true }
        }
        return false
    }

    static func sameSentence(_ a: Fact, _ b: Fact, _ context: CheckContext) -> Bool {
        guard let x = context.sentence(of: a), let y = context.sentence(of: b) else { return false }
        return x.paragraph == y.paragraph && x.sentence == y.sentence
    }

    /// Some amount of the kind `sameNumber` compares is in 元, and some in 万元 (read in place).
    static func hasYuanAndWanYuan(_ facts: [Fact]) -> Bool {
        var yuan = false, wan = false
        for k in facts.indices where !facts[k].number.inRange && !facts[k].unitAssumed {
            switch facts[k].kind.moneyUnit {
            case .yuan?: yuan = true
            case .wanYuan?: wan = true
            default: continue
            }
            if yuan && wan { return true }
        }
        return false
    }

    static func outOfScale(_ rule: Rule, _ context: inout CheckContext) {
        // only a 元 amount can be out of scale: a report without one has nothing to find
        let facts = context.facts.facts
        guard facts.indices.contains(where: { facts[$0].kind.moneyUnit == .yuan && facts[$0].value != 0 && !facts[$0].number.inRange }) else { return }
        let (wan, yuan) = unitCounts(context)
        // a short text with a few 万元 amounts and one 元 amount: the 元 amount is a slip when, read
        // as 万元, it is of the others' size, within `size_margin` times their range ("中央资金9056万元…省级资金
        // 804元"; "支出9万元，接待费800元" is no slip)
        var scale: (lo: Decimal, hi: Decimal)?
        // a report that counts in 元 too (tables in 元, text in 万元): only an amount listed among amounts in
        // 万元 in its sentence ("资金来源为：中央资金126.00元，占42.28%；省级62.00万元，…") is looked at
        var onlyListed = false
        if !wanYuanReport(rule, context) {
            let wanFacts = context.facts.facts.filter { $0.kind.moneyUnit == .wanYuan && !$0.unitAssumed && $0.value > 0 }
            let amounts = wanFacts.map { abs($0.value) }
            guard wan >= 1, let lo = amounts.min(), let hi = amounts.max() else { return }
            onlyListed = yuan != 1
            // (one 万元 amount vouches for a scale only beside the 元 one, in its sentence: "指标金额是110元，
            // 实际拨付金额是108万元")
            if wan == 1 && !onlyListed {
                guard let other = wanFacts.first, let y = facts.first(where: { $0.kind.moneyUnit == .yuan && $0.value != 0 && !$0.number.inRange }),
                      let a = context.sentence(of: other), let b = context.sentence(of: y), a.paragraph == b.paragraph, a.sentence == b.sentence else { return }
            }
            scale = (lo, hi)
        }
        let limit = rule[.maxYuanAmount]
        let fiscalWords = rule[.fiscalWords]
        let integerMeasures = rule[.integerMeasures]
        let minimumIntegerYuan = rule[.minIntegerYuan]
        let margin = rule[.sizeMargin]
        // amounts of a series stated the same way ("…(项)：支出决算为441.72万元" line after line): the
        // units written under each label
        var unitsByLabel = [TextKey: (wan: Int, yuan: Int)]()
        for k in facts.indices where !facts[k].unitAssumed && !facts[k].number.inRange {
            guard case .text = facts[k].place, let u = facts[k].kind.moneyUnit, u == .wanYuan || u == .yuan else { continue }
            if u == .wanYuan { unitsByLabel[TextKey(facts[k].label), default: (0, 0)].wan += 1 } else { unitsByLabel[TextKey(facts[k].label), default: (0, 0)].yuan += 1 }
        }
        let minSeries = rule[.minSeries]
        // the amounts stated in 万元, as 元: "支付721,000.00元" is the 72.10万元 stated elsewhere, not a slip
        var wanAsYuan = Set<DecimalKey>()
        // the largest amount in 万元: a 元 amount that would be well above it read as 万元 is no slip
        // ("追回多发补贴资金4,560.00元" in a report of 1,180万元)
        var largestWan = Decimal(0)
        for k in facts.indices where facts[k].kind.moneyUnit == .wanYuan && facts[k].value != 0 && !facts[k].number.inRange {
            wanAsYuan.insert(DecimalKey(abs(facts[k].value) * 10000))
            if !facts[k].unitAssumed { largestWan = max(largestWan, abs(facts[k].value)) }
        }
        let ceiling = rule[.aboveLargest]
        // "人均财政补助标准为640元…：中央补助384元，占60%；省级补助140.8元，占22%": a share of an amount per unit
        // in 元 is in 元 too
        var baseOfPart = [Int: Int]()
        for share in context.facts.shares where baseOfPart[share.part] == nil { baseOfPart[share.part] = share.base }
        for k in facts.indices where facts[k].kind.moneyUnit == .yuan && facts[k].value != 0 && !facts[k].number.inRange {
            let f = facts[k]
            guard !perUnit(f, rule, context), !wanAsYuan.contains(DecimalKey(abs(f.value))) else { continue }
            if let b = baseOfPart[f.id], context.fact(b).kind.moneyUnit == .yuan, perUnit(context.fact(b), rule, context) { continue }
            // "增值税561万元、…、环保税1元", "成本17元、监测6.4万元、…": an item of a list whose items around
            // it are in 万元, of their size read as 万元, is in 万元 whatever it names (and however large:
            // "收入1296953元，…，上级转移支付收入260000万元，调入资金150000万元")
            let listed = listedAmongWanYuan(f, margin: rule[.listMargin], rule, context)
                || (!onlyListed && headedAmongWanYuan(f, margin: rule[.listMargin], context))
            guard listed || (!onlyListed && Decimals.less(abs(f.value), limit)) else { continue }
            let fiscal = fiscalWords.occurs(in: f.label) || f.concept.measure != nil
            guard fiscal || listed else { continue }
            if let scale, abs(f.value) * margin < scale.lo || abs(f.value) > scale.hi * margin { continue }
            // (but for one of a series stated under its label in 万元: "…(项)：支出决算为441.72元")
            if scale == nil, !listed, largestWan > 0, abs(f.value) > largestWan * ceiling,
               !(unitsByLabel[TextKey(f.label)].map { $0.wan >= minSeries } ?? false) { continue }
            if f.number.decimals == 0 && scale == nil && !listed {
                // a whole number of 元 is often a legitimate small amount; only a budget-side figure, or
                // funds of a size no 元 amount of the report comes near, is odd; a fee or a sum recovered
                // stated where its paragraph names no amount in 万元 ("扣减中介服务费38,600元") is told so
                let budgetSide = f.concept.measure.map { integerMeasures.contains($0) } ?? false
                let series = unitsByLabel[TextKey(f.label)].map { $0.yuan == 1 && $0.wan >= minSeries } ?? false
                guard (budgetSide && abs(f.value) < 10000) || (abs(f.value) >= minimumIntegerYuan && paragraphHasWanYuan(f, context)) || series else { continue }
            }
            // "总投资39.2696万元，其中：中央资金39万元…自筹资金2696元": a list that adds up to its whole
            // as written vouches for the 元
            if addsUpAsWritten(f, vouched: wanAsYuan, &context) { continue }
            let evidence = rule.evidence(.unitOutOfScale, [.figure: f.shown, .count: String(wan), .figureNamed: context.describe(f)])
            context.report(rule, main: f, evidence: evidence)
        }
    }

    /// Some other amount of `f`'s paragraph is stated in 万元.
    static func paragraphHasWanYuan(_ f: Fact, _ context: CheckContext) -> Bool {
        guard let (ids, _) = context.positionInParagraph(of: f) else { return false }
        return ids.contains { $0 != f.id && context.fact($0).kind.moneyUnit == .wanYuan && !context.fact($0).unitAssumed }
    }

    /// The amounts listed right around `f` in its sentence, at its bracket depth (the one before and
    /// the one after, or the two on its only side), are all in 万元 and, read as 万元, `f` lies within
    /// `margin` times their range. A change is listed among changes ("甲收入增加2296.45万元，乙收入
    /// 减少401.85元，…"), a figure among figures.
    static func listedAmongWanYuan(_ f: Fact, margin: Decimal, _ rule: Rule, _ context: CheckContext) -> Bool {
        guard let (_, s) = context.sentence(of: f), let (ids, at) = context.positionInParagraph(of: f) else { return false }
        // (a few figures each way: the scan stays bounded)
        // (plain loops: a closure over `context` copied the whole check context for each figure)
        var before: [Fact] = [], after: [Fact] = []
        // (the rates stated beside each amount, "增长18.0%，完成预算的108.3%", are passed over)
        for k in stride(from: at - 1, through: max(0, at - 12), by: -1) where before.count < 2 {
            if let g = listedAmount(ids[k], besides: f, sentence: s, rule, context) { before.append(g) }
        }
        for k in min(ids.count, at + 1)..<min(ids.count, at + 13) where after.count < 2 {
            if let g = listedAmount(ids[k], besides: f, sentence: s, rule, context) { after.append(g) }
        }
        let around = !before.isEmpty && !after.isEmpty ? [before.first!, after.first!] : before.count == 2 ? Array(before) : after.count == 2 ? Array(after) : []
        guard around.count == 2, around.allSatisfy({ $0.kind.moneyUnit == .wanYuan && !$0.unitAssumed }) else { return false }
        let values = around.map { abs($0.value) }
        guard let lo = values.min(), let hi = values.max() else { return false }
        return abs(f.value) * margin >= lo && abs(f.value) <= hi * margin
    }

    /// "（一）老年人福利类项目30.04万元 …（二）儿童福利类项目7.5万元 … （一）社会福利类项目48元": the amount of
    /// an outline item's title, among items of its style whose titles state amounts in 万元 (the two
    /// nearest, before or after), and of their size read as 万元: a heading's slip.
    static func headedAmongWanYuan(_ f: Fact, margin: Decimal, _ context: CheckContext) -> Bool {
        let outline = context.facts.outline
        guard let item = f.outlineItem, outline[item].amount == f.id else { return false }
        let style = outline[item].style
        func titleAmount(_ k: Int) -> Fact? {
            guard outline[k].style == style, let a = outline[k].amount else { return nil }
            let g = context.fact(a)
            return g.kind.isMoney && !g.number.inRange && g.change == 0 && g.value != 0 ? g : nil
        }
        var around: [Fact] = []
        // (the nearest items each way, a few: the scan stays bounded)
        for k in stride(from: item - 1, through: max(0, item - 12), by: -1) where around.count < 2 {
            if let g = titleAmount(k) { around.append(g) }
        }
        for k in min(outline.count, item + 1)..<min(outline.count, item + 13) where around.count < 4 {
            if let g = titleAmount(k) { around.append(g) }
        }
        guard around.count >= 2, around.allSatisfy({ $0.kind.moneyUnit == .wanYuan && !$0.unitAssumed }) else { return false }
        let values = around.map { abs($0.value) }
        guard let lo = values.min(), let hi = values.max() else { return false }
        return abs(f.value) * margin >= lo && abs(f.value) <= hi * margin
    }

    /// Fact `id` when it is an amount listed beside `f`: money in the same sentence and brackets,
    /// stated as `f` is (a change or not), not per unit.
    static func listedAmount(_ id: Int, besides f: Fact, sentence s: Int, _ rule: Rule, _ context: CheckContext) -> Fact? {
        let g = context.fact(id)
        guard g.kind.isMoney, context.sentence(of: g)?.sentence == s, g.number.parenDepth == f.number.parenDepth,
              !g.number.inRange, g.value != 0, (g.change == 0) == (f.change == 0), !perUnit(g, rule, context) else { return nil }
        return g
    }

    /// The mirror of `outOfScale`: in a report that counts in 元, an amount in 万元 ten thousand
    /// times larger than its context ("“三公”经费预算96,000.00元，实际支出78,462.50万元").
    static func outOfScaleWan(_ rule: Rule, _ context: inout CheckContext) {
        let (wan, yuan) = unitCounts(context)
        guard yuan >= rule[.minYuanAmounts], Decimal(yuan) >= rule[.dominance] * Decimal(wan) else { return }
        let money = context.facts.facts.filter { !$0.number.inRange && !$0.unitAssumed && $0.value != 0 }
        // the largest amount the report states in 元: its whole budget, or near it
        guard let largest = money.filter({ $0.kind.moneyUnit == .yuan }).map({ abs($0.value) }).max(), largest > 0 else { return }
        let factor = rule[.factor]
        let fiscalWords = rule[.fiscalWords]
        for f in money where f.kind.moneyUnit == .wanYuan && !perUnit(f, rule, context) {
            guard f.concept.measure != nil || fiscalWords.occurs(in: f.label) else { continue }
            guard f.number.decimals > 0, abs(f.value) * 10000 > factor * largest else { continue }
            let evidence = rule.evidence(.unitOutOfScaleWan, [
                .figure: f.shown, .yuan: Show.number(abs(f.value) * 10000, scale: 0), .largest: Show.number(largest, scale: 2),
                .ratio: Show.number(abs(f.value) * 10000 / largest, scale: 0), .count: String(yuan)])
            context.report(rule, main: f, evidence: evidence)
        }
    }

    /// A unit slip handed over by a relation check (`CheckContext.handOver`): the relation holds
    /// when the figures written in one unit are read in the other.
    static func reportMixed(_ rule: Rule, slipped: [Fact], involved: [Fact], _ context: inout CheckContext) {
        // a per-unit amount (人均, 元/人) is in 元 by nature, whatever the relation says
        for f in slipped where !perUnit(f, rule, context) {
            let others = involved.filter { $0.id != f.id }
            let (read, written): (MoneyUnit, MoneyUnit) = f.kind.moneyUnit == .wanYuan ? (.yuan, .wanYuan) : (.wanYuan, .yuan)
            let evidence = rule.evidence(.unitMixed, [.readAs: read.rawValue, .figure: f.shown, .writtenIn: written.rawValue,
                                                      .others: others.prefix(4).map(\.shown).joined(separator: "、")])
            context.report(rule, main: f, others: others, evidence: evidence)
        }
    }
}
