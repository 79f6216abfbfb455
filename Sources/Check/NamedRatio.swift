import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules

extension ShareCheck {
    /// "抽查低保家庭500户，核对信息准确的488户，准确率97.60%": a rate whose name (its two characters
    /// before a `ratio_endings` word, 准确 of 准确率) names the count right before it in its sentence is
    /// that count over a count of the same measure stated before it there. Quiet unless one such count
    /// may be the base: as large, not a plan or target in brackets or of a completion rate, not naming
    /// what the rate names ("新增就业2000人，其中高校毕业生就业800人，就业率96.5%" is of graduates not
    /// counted here). Quiet too when the base gives the rate.
    static func namedRatios(_ rule: Rule, _ context: inout CheckContext) {
        let endings = rule[.ratioEndings], fillers = rule[.rateFillers], negators = rule[.ratioNegators]
        let timelyEndings = rule[.timelyEndings], timelyWords = rule[.timelyWords]
        guard !endings.isEmpty else { return }
        func plain(_ f: Fact) -> Bool {
            f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && !f.number.approximate
                && !f.isTarget && f.shareOf == nil
        }
        var baseOfShare: Set<Int>?
        for f in context.facts.facts where f.kind == .percent {
            guard case .text(let p, let s, _) = f.place, plain(f), f.value <= 100,
                  let name = ratioName(f.label, endings: endings, fillers: fillers),
                  let (ids, at) = context.positionInParagraph(of: f), at > 0 else { continue }
            // the count right before it; or "集中供养386人，分散供养1,642人，集中供养率19.03%": one a little before
            // it naming the rate's whole name, where the one right before names less
            // (a name of three characters at least, in the rate's own stretch between "；": "完成年度目标25公里…；
            // 维护防火道84公里，完成率P%" is no such count)
            var partAt = at - 1
            if name.count >= 3, let k = ids[max(0, at - 6)..<(at - 1)].lastIndex(where: { id in
                let o = context.fact(id)
                guard o.kind == context.fact(ids[at - 1]).kind, let (q2, t2) = context.sentence(of: o), q2 == p, t2 == s,
                      !context.doc.paragraphs[p].text.scalars[o.number.range.upperBound..<f.number.numberRange.lowerBound].contains(where: { $0 == "；" || $0 == ";" })
                else { return false }
                return ScalarSearch.firstIndex(of: name, in: Array(o.label.unicodeScalars)) != nil
            }), ScalarSearch.firstIndex(of: name, in: Array(context.fact(ids[at - 1]).label.unicodeScalars)) == nil { partAt = k }
            let part = context.fact(ids[partAt])
            guard let measure = part.kind.measureWord, let (q, t) = context.sentence(of: part), q == p, t == s, plain(part),
                  part.value > 0, part.year == f.year else { continue }
            // as much of the rate's name as the part's label has, two characters at least
            let partLabel = Array(part.label.unicodeScalars)
            var named = 0, nameAt = 0
            while named < name.count, let k = ScalarSearch.firstIndex(of: Array(name[(name.count - named - 1)...]), in: partLabel) { named += 1; nameAt = k }
            // ("全年支付1,186笔，其中在规定时限内完成支付1,084笔，支付及时率P%": done on time, in other words)
            if named < 2, timelyEndings.suffixLength(name, endingAt: name.count) > 0,
               let m = timelyWords.firstMatch(in: partLabel) { named = 2; nameAt = m.start }
            // ("其中达到二类以上标准的79座，达标率P%": or the name abridged from the label's words, 达(到)…标(准): its last
            // two characters in order, a few apart)
            if named < 2, let k = partLabel.lastIndex(of: name[name.count - 2]), let m = partLabel[(k + 1)...].firstIndex(of: name[name.count - 1]),
               m - k <= 6 { named = 2; nameAt = k }
            guard named >= 2 else { continue }
            // "检出不合格样品235批次，抽检合格率97.62%": the count of the rest, the rate one less it
            let rest = negators.suffixLength(partLabel, endingAt: nameAt) > 0
            // (a count naming the rate's last two characters is no base: "全年结案22,386件，按期结案21,734件，
            // 按期结案率94.85%" may be of the cases filed, stated before; "清扫保洁面积A，其中机械化清扫面积B")
            let shared = ScalarString.make(name[(name.count - 2)...])
            if baseOfShare == nil { baseOfShare = Set(context.facts.shares.map(\.base)) }
            // (a few figures back: a sentence of many rates stays linear)
            let text = context.doc.paragraphs[p].text.scalars, doneWords = context.vocabulary[.doneFigureWords], planWords = context.vocabulary[.planFigureWords]
            var bases = [Fact]()
            for index in (max(0, partAt - 11)..<partAt).reversed() {
                let id = ids[index]
                let o = context.fact(id)
                guard let (q2, t2) = context.sentence(of: o), q2 == p, t2 == s else { break }
                // ("规定时限内办结4,325人次，及时率98.61%；…得到解决4,224人次，解决率P%": the count of another named
                // rate is that rate's part, no base of this one; unless that rate is whole, the count all there is:
                // "18个小区已全部开工，开工率100%；已完工15个，完工率P%")
                // (but the count a 其中 lists the part among is its base: "实际完成2,136批次，完成率118.67%；其中检出
                // 不合格样品47批次，不合格率2.20%")
                if index + 1 < partAt, case let next = context.fact(ids[index + 1]), next.kind == .percent, next.value != 100,
                   ratioName(next.label, endings: endings, fillers: fillers) != nil,
                   !(context.groupsOfWhole[id] ?? []).contains(where: { $0.parts.contains(part.id) }) { continue }
                // ("新建任务A已全部完成；改造提升完成B，完成率P%": a plan before a "；" that opens another subject is
                // that clause's own, no base; "以活产数A计，…；产后访视B人，产后访视率P%" is)
                if planWords.occurs(in: o.label),
                   let semi = (o.number.range.upperBound..<part.number.numberRange.lowerBound).last(where: { text[$0] == "；" || text[$0] == ";" }),
                   doneWords.prefixLength(text, at: semi + 1) == 0 { break }
                // ("年初在册对象205人，全年新接收107人（接收率100%）": the stock at the year's start is no whole of what came in)
                if context.vocabulary[.startOfYearWords].isPrefix(of: o.label), context.vocabulary[.intakeWords].occurs(in: part.label) { continue }
                guard o.kind.measureWord == measure, plain(o), o.year == part.year, !o.label.contains(shared),
                      o.number.parenDepth <= part.number.parenDepth, !baseOfShare!.contains(o.id),
                      Decimals.lessOrEqual(context.interval(part).lo, context.interval(o).hi) else { continue }
                bases.append(o)
            }
            // ("其中经营管理型学员320人中合格313人，合格率P%": the count the part is counted among, right before it)
            if bases.count > 1, partAt > 0, case let among = context.fact(ids[partAt - 1]), bases.contains(where: { $0.id == among.id }),
               among.number.range.upperBound < part.number.numberRange.lowerBound,
               context.vocabulary[.amongMarkers].prefixLength(text, at: among.number.range.upperBound, end: part.number.numberRange.lowerBound) > 0 {
                bases = [among]
            }
            let stated = context.statedRate(f)
            guard bases.count == 1, let base = bases.first else { continue }
            if rest {
                // (base − part) ÷ base written as 1 − part ÷ base: each figure once, the interval exact
                guard let q = context.interval(part) / context.interval(base),
                      !((Interval(exactly: 1) - q) * Interval(exactly: 100)).overlaps(stated) else { continue }
            } else if context.ratio(part, base, fits: stated) { continue }
            // "筹集14,628套。已分配入住13,905套，分配率95.06%；空置723套，空置率4.94%": a count stated before,
            // in the paragraph, that gives the rate is the base the text means (a few back: linear)
            // (of the thing counted another way too: "培训1,219人次，…结业1,196人，取证1,047人，取证率85.89%")
            if !rest, ids[max(0, partAt - 20)..<partAt].contains(where: { id in
                let o = context.fact(id)
                return id != base.id && o.kind.measureWord.map({ $0 == measure || $0.hasPrefix(measure) || measure.hasPrefix($0) }) == true
                    && plain(o) && o.value > 0 && context.ratio(part, o, fits: stated)
            }) { continue }
            let scale = max(f.number.decimals, 2)
            let exact = rest ? (base.value - part.value) / base.value * 100 : part.value / base.value * 100
            let computation = rest ? "(\(base.literal) − \(part.literal)) ÷ \(base.literal) × 100" : "\(part.literal) ÷ \(base.literal) × 100"
            context.report(rule, main: f, others: [part, base], evidence: rule.evidence(.shareMismatch, [
                .computation: computation, .computed: Show.number(exact, scale: scale) + "%",
                .stated: f.literal + "%",
                .difference: Show.number(abs(f.value - exact), scale: scale) + Show.differenceUnit(f, context.vocabulary)]),
                slots: [.part: context.displayLabel(part), .base: context.displayLabel(base)])
        }
    }

    /// The rate's name before its ending word (fillers after it skipped): the ideographs right before
    /// it, two at least (at most eight).
    private static func ratioName(_ label: String, endings: WordSet, fillers: WordSet) -> [Unicode.Scalar]? {
        let s = Array(label.unicodeScalars)
        let end = endBeforeFillers(s, fillers)
        let n = endings.suffixLength(s, endingAt: end)
        guard n > 0 else { return nil }
        var start = end - n
        while start > 0 && end - n - start < 8 && CharClass.isHan(s[start - 1]) { start -= 1 }
        return end - n - start >= 2 ? Array(s[start..<(end - n)]) : nil
    }
}
