import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// `kind = "score"`: score sheets (评分表, 自评表) and the scores the text states.
///  - item-above-cap: an item's score above its weight, or a weight that differs from the cap
///    written into its own name ("结转结余率（4）" with 分值 5);
///  - section-caps: the weights of a section's items against its cap (caption "二、…（60分）" or a
///    name "产出（30）", or a group weight column);
///  - items-vs-total: items' weights and scores against the 合计 row;
///  - prose-total: the total score stated in the text against the sheet's total;
///  - sheet-item-in-prose: the points lost or the score the text gives an item it names in quotes
///    against the sheet's row of that item;
///  - grade: the grade (优/良/中/差) against the total score.
/// Sums are checked both ways only on a sheet without scrambled rows; on a scrambled sheet only
/// sums that exceed their cap are reported.
enum ScoreCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        let sheets = context.scoreSheets().compactMap { $0 }
        switch rule.check {
        case "item-above-cap": for s in sheets { itemAboveCap(rule, s, &context) }
        case "section-caps": for s in sheets { sectionCaps(rule, s, &context); groupCaps(rule, s, &context); captionVersusName(rule, s, &context) }
        case "items-vs-total": for s in sheets { itemsVersusTotal(rule, s, others: sheets, &context) }
        case "table-deduction": for s in sheets { tableDeductions(rule, s, &context) }
        case "sheet-item-in-prose": proseItems(rule, sheets, &context)
        case "prose-total": proseTotal(rule, sheets, &context)
        case "total-and-lost": totalAndLost(rule, sheets, &context)
        case "grade": grade(rule, sheets, &context)
        default: break
        }
    }

    /// "分值 8 | 扣分 0.5 | 得分 7.5": a row's weight less the points it lost is its score (the total
    /// row's too).
    static func tableDeductions(_ rule: Rule, _ sheet: ScoreSheet, _ context: inout CheckContext) {
        for row in sheet.rows where !row.garbled {
            guard let w = sheet.itemWeight(row), let d = row.deduction, let s = row.score else { continue }
            let computed = context.interval(w) - context.interval(d)
            guard !computed.overlaps(context.interval(s)) else { continue }
            let scale = Show.scale([w, d, s])
            context.report(rule, main: s, others: [w, d], evidence: rule.evidence(.scoreTableDeduction, [
                .computation: "\(w.literal) − \(d.literal)", .computed: Show.number(w.value - d.value, scale: scale), .stated: s.literal]))
        }
    }

    /// "“重大集体争议化解率”指标扣1分" beside a sheet whose row of that item reads "7 | 6": the points the
    /// text says an item it names in quotes lost are its weight less its score; the score it gives it is
    /// the sheet's. Only items the sheets name once and the text scores once, by one label.
    static func proseItems(_ rule: Rule, _ sheets: [ScoreSheet], _ context: inout CheckContext) {
        guard !sheets.isEmpty else { return }
        var rows = [String: (weight: Fact?, score: Fact)?]()
        for sheet in sheets {
            for row in sheet.rows where !row.garbled && !row.isTotal {
                guard let level = row.names.indices.last(where: { !row.names[$0].isEmpty }), row.ownName[level],
                      let score = row.score else { continue }
                let name = CellText.compact(row.names[level])
                // (a name met twice: which row the text means cannot be told)
                rows[name] = rows[name] == nil ? (sheet.itemWeight(row), score) : .some(nil)
            }
        }
        guard !rows.isEmpty else { return }
        let deductions = context.vocabulary[.deductionWords], scoreWords = rule[.itemScoreWords]
        var named = [String: [Fact]]()
        for f in context.facts.facts where f.kind == .score && !f.isCellValue {
            guard case .text = f.place, f.change == 0, !f.number.inRange, f.number.comparator == nil,
                  let name = quotedItem(f.label), let found = rows[name], found != nil else { continue }
            named[name, default: []].append(f)
        }
        for (name, facts) in named where facts.count == 1 {
            guard let f = facts.first, let row = rows[name] ?? nil, let tail = f.label.split(whereSeparator: { $0 == "”" || $0 == "」" }).last else { continue }
            if deductions.isSuffix(of: tail), let w = row.weight {
                let computed = context.interval(w) - context.interval(row.score)
                guard !computed.overlaps(context.interval(f)) else { continue }
                let scale = Show.scale([w, row.score, f])
                context.report(rule, main: f, others: [w, row.score], evidence: rule.evidence(.scoreProseItemDeduction, [
                    .name: name, .computation: "\(w.literal) − \(row.score.literal)", .computed: Show.number(w.value - row.score.value, scale: scale),
                    .stated: f.literal]))
            } else if scoreWords.isSuffix(of: tail), !context.interval(f).overlaps(context.interval(row.score)) {
                context.report(rule, main: f, others: [row.score], evidence: rule.evidence(.scoreProseItemScore, [
                    .name: name, .score: row.score.literal, .stated: f.literal]))
            }
        }
    }

    /// The item a label names in quotes right before its last few characters ("“成本控制”指标扣" → 成本控制).
    static func quotedItem(_ label: String) -> String? {
        let s = Array(label.unicodeScalars)
        guard let close = s.lastIndex(where: { $0 == "”" || $0 == "」" }), s.count - close - 1 <= 4,
              let open = s[..<close].lastIndex(where: { $0 == "“" || $0 == "「" }), close - open >= 3 else { return nil }
        return CellText.compact(ScalarString.make(s[(open + 1)..<close]))
    }

    static func itemAboveCap(_ rule: Rule, _ sheet: ScoreSheet, _ context: inout CheckContext) {
        for row in sheet.rows where !row.garbled && !row.isTotal {
            let weight = sheet.itemWeight(row)
            if let s = row.score, let w = weight, Decimals.less(context.interval(w).hi, context.interval(s).lo) {
                context.report(rule, main: s, others: [w], evidence: rule.evidence(.scoreAboveWeight, [.score: s.literal, .weight: w.literal]))
            }
            // a weight that contradicts the cap written into its own name
            for (level, w) in row.weights where level < row.caps.count {
                guard row.ownName[level], let cap = row.caps[level], w.value != cap else { continue }
                let evidence = rule.evidence(.scoreWeightVersusName, [.weight: w.literal, .name: row.names[level], .cap: Show.number(cap, scale: 0)])
                context.report(rule, main: w, evidence: evidence, message: .scoreWeightVersusName, slots: [.name: row.names[level]])
            }
            if weight == nil, let s = row.score, let cap = row.caps.compactMap({ $0 }).last, Decimals.less(cap, s.value) {
                context.report(rule, main: s, evidence: rule.evidence(.scoreAboveNameCap, [.score: s.literal, .cap: Show.number(cap, scale: 0)]))
            }
        }
    }

    /// Caption sections: "一、当年预算执行情况（20分）" and the weights of the rows under it.
    static func sectionCaps(_ rule: Rule, _ sheet: ScoreSheet, _ context: inout CheckContext) {
        for (k, section) in sheet.sections.enumerated() {
            let rows = sheet.rows.filter { $0.section == k }
            guard !rows.isEmpty, !rows.contains(where: \.garbled) else { continue }
            if rows.contains(where: { $0.score != nil && sheet.itemWeight($0) == nil && $0.caps.allSatisfy { $0 == nil } }) { continue }
            let weights = rows.compactMap { sheet.itemWeight($0) }
            guard !weights.isEmpty else { continue }
            let sum = weights.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
            if Decimals.equal(sum, section.cap) || (Decimals.less(sum, section.cap) && !sheet.clean) { continue }
            // the last section of a text cut off after it may have lost rows
            if Decimals.less(sum, section.cap), k == sheet.sections.count - 1, PartsCheck.runsOffTheEnd(weights[weights.count - 1], context) { continue }
            guard let span = section.captionSpan else { continue }
            let related = weights.map { RelatedLocation(position: $0.numberSpan.start, place: $0.sourcePlace, message: rule.evidence(.scoreRelatedWeight, [.weight: $0.literal])) }
            let evidence = rule.evidence(.scoreCapsSum, [.computation: weights.map(\.literal).joined(separator: " + "), .sum: Show.number(sum, scale: Show.scale(weights)),
                                                         .cap: Show.number(section.cap, scale: 0), .name: section.title])
            context.report(rule, span: span, evidence: evidence, related: related, key: "section|\(section.title)")
        }
    }

    /// A caption section whose rows all sit under one top-level name: the name's cap
    /// ("预算管理情况（20）") must be the caption's ("三、预算管理情况（20分）").
    static func captionVersusName(_ rule: Rule, _ sheet: ScoreSheet, _ context: inout CheckContext) {
        for (k, section) in sheet.sections.enumerated() {
            let rows = sheet.rows.filter { $0.section == k && !$0.isTotal && !$0.garbled }
            let named = rows.filter { !$0.names.isEmpty && $0.ownName[0] }
            let names = Set(named.map { $0.names[0] })
            guard names.count == 1, let row = named.first, let cap = row.caps[0], cap != section.cap,
                  let cell = sheet.table.rows[row.index].cells.first(where: { CellText.compact($0.string) == row.names[0] }),
                  let span = ScoreSheet.capSpan(cell.text) else { continue }
            var related = [RelatedLocation]()
            if let s = section.captionSpan { related.append(RelatedLocation(position: s.start, message: rule.evidence(.scoreRelatedSection, [.title: section.title]))) }
            let evidence = rule.evidence(.scoreNameVersusCaption, [.name: row.names[0], .cap: Show.number(cap, scale: 0), .title: section.title,
                                                                   .sectionCap: Show.number(section.cap, scale: 0)])
            context.report(rule, span: span, place: cell.place, evidence: evidence, message: .scoreNameVersusCaption,
                           slots: [.name: row.names[0], .title: section.title], related: related, key: "caption-name|\(row.names[0])")
        }
    }

    /// Name groups: "产出（30）" and the weights of its rows; with several weight columns, a group's
    /// own weight (一级/二级 分值) against its rows.
    static func groupCaps(_ rule: Rule, _ sheet: ScoreSheet, _ context: inout CheckContext) {
        let rows = sheet.rows.filter { !$0.isTotal }
        for level in 0..<sheet.levels {
            var start = 0
            while start < rows.count {
                guard level < rows[start].names.count, rows[start].ownName[level] else { start += 1; continue }
                let name = rows[start].names[level]
                var end = start + 1
                while end < rows.count, level < rows[end].names.count,
                      rows[end].names[level] == name || (rows[end].names[level].isEmpty && !rows[end].ownName[level]) {
                    // an empty, not inherited name ends the group unless it is a continuation of the same segment
                    if rows[end].names[level].isEmpty && sheet.table.rows[rows[end].index].segment != sheet.table.rows[rows[start].index].segment { break }
                    end += 1
                }
                defer { start = end }
                // the group must be closed: by a new name at this level under the same header, a new
                // caption section, a total row, or the end of the table (a row under another header,
                // whose name columns mean something else, closes nothing)
                let last = rows[end - 1]
                let closed: Bool
                if let next = sheet.rows.first(where: { $0.index > last.index }) {
                    let sameSegment = sheet.table.rows[next.index].segment == sheet.table.rows[last.index].segment
                    closed = next.isTotal || next.section != last.section
                        || (sameSegment && level < next.names.count && !next.names[level].isEmpty && next.names[level] != name)
                } else {
                    // (the end of a table the text is cut off in closes nothing: rows may be lost)
                    closed = !PartsCheck.tableRunsOffTheEnd(sheet.table.index, context)
                }
                let group = Array(rows[start..<end])
                if group.contains(where: \.garbled) { continue }
                // ("部门管理  30  28.5  资金管理  10  9.5": a level scored in a column of its own is its items' scores)
                if closed, sheet.clean, let own = rows[start].scores[level],
                   case let below = group.compactMap({ r in r.scores.keys.filter { $0 > level }.max().flatMap { r.scores[$0] } }),
                   below.count == group.count, below.count >= 2 || below.first?.id != own.id {
                    let sum = below.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
                    if !Decimals.equal(sum, own.value) {
                        let evidence = rule.evidence(.scoreCapsSum, [.computation: below.map(\.literal).joined(separator: " + "), .sum: Show.number(sum, scale: Show.scale(below)),
                                                                     .cap: own.literal, .name: name])
                        context.report(rule, main: own, others: below, evidence: evidence, message: .scoreGroupScores, slots: [.name: name])
                    }
                }
                // the cap: written into the name, or the group's own weight column
                var cap: Decimal?
                var capFact: Fact?
                if let c = rows[start].caps[level] { cap = c }
                let maxLevel = group.flatMap { $0.weights.keys }.max() ?? 0
                if cap == nil, level < maxLevel, let w = rows[start].weights[level] { cap = w.value; capFact = w }
                guard let capValue = cap else { continue }
                let items = group.compactMap { r -> Fact? in
                    let k = r.weights.keys.filter { $0 > level }.max() ?? (maxLevel == 0 ? r.weights.keys.max() : nil)
                    return k.flatMap { r.weights[$0] }
                }
                guard !items.isEmpty, items.count >= 1 else { continue }
                if group.contains(where: { $0.score != nil && sheet.itemWeight($0) == nil }) { continue }
                let sum = items.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
                // an open group (more of its rows may follow under another header) can only be too big
                if Decimals.equal(sum, capValue) || (Decimals.less(sum, capValue) && (!sheet.clean || !closed)) { continue }
                if items.count == 1 && items[0].id == capFact?.id { continue }
                let evidence = rule.evidence(.scoreCapsSum, [.computation: items.map(\.literal).joined(separator: " + "), .sum: Show.number(sum, scale: Show.scale(items)),
                                                             .cap: Show.number(capValue, scale: 0), .name: name])
                if let capFact {
                    context.report(rule, main: capFact, others: items, evidence: evidence, message: .scoreGroupWeight, slots: [.name: name])
                } else if let cell = sheet.table.rows[rows[start].index].cells.first(where: { CellText.compact($0.string) == name }),
                          let span = ScoreSheet.capSpan(cell.text) {
                    let related = items.map { RelatedLocation(position: $0.numberSpan.start, place: $0.sourcePlace, message: rule.evidence(.scoreRelatedWeight, [.weight: $0.literal])) }
                    context.report(rule, span: span, place: cell.place, evidence: evidence, message: .scoreGroupCap, slots: [.name: name],
                                   related: related, key: "group|\(name)|\(rows[start].line)")
                }
            }
        }
    }

    /// Rows scored outside the sheet that its total may count: the 项目资金 block of a
    /// 项目支出绩效自评表 (分值 10, 执行率, 得分) is a sheet of its own, without a total, whose score
    /// the indicator sheet's 总分 includes.
    static func outsideRows(_ sheet: ScoreSheet, _ sheets: [ScoreSheet], _ context: CheckContext) -> [ScoreSheet.Row] {
        var rows = [ScoreSheet.Row]()
        for other in sheets where other.table.index != sheet.table.index && other.clean && !other.rows.contains(where: \.isTotal) {
            let parts = repeatedFundParts(other, context)
            rows += other.rows.filter { !$0.isTotal && other.itemWeight($0) != nil && $0.score != nil && !parts.contains($0.index) }
        }
        return rows
    }

    /// "年度资金总额 | … | 10 | 9 / 其中：当年财政拨款 | … | 10 | 9": a form that repeats 分值 and 得分
    /// on the parts of its funds scores the total once. The rows (table row indexes) after a row
    /// named as a total (总额) whose 其中 parts carry its weight again, to be left out of sums.
    static func repeatedFundParts(_ sheet: ScoreSheet, _ context: CheckContext) -> Set<Int> {
        var out = Set<Int>()
        let rows = sheet.rows.filter { !$0.isTotal }
        for (k, total) in rows.enumerated() {
            guard let w = sheet.itemWeight(total), total.names.contains(where: { TableCheck.isTotalName($0, vocabulary: context.vocabulary) }) else { continue }
            let segment = sheet.table.rows[total.index].segment
            let parts = rows[(k + 1)...].prefix { sheet.table.rows[$0.index].segment == segment && !TableCheck.isTotalName($0.names.last(where: { !$0.isEmpty }) ?? "", vocabulary: context.vocabulary) }
            guard let first = parts.first, TableCheck.isChildMarked(TableCheck.label(sheet.table.rows[first.index], context), context) == .listed,
                  parts.allSatisfy({ sheet.itemWeight($0).map { $0.value == w.value } ?? true }) else { continue }
            out.formUnion(parts.filter { sheet.itemWeight($0) != nil }.map(\.index))
        }
        return out
    }

    /// Each row numbered in the `outer` style has unnumbered rows under it, and its weight is theirs added up.
    static func numberedRowsAddUp(_ rows: [ScoreSheet.Row], _ styles: [HeadingStyle?], outer: HeadingStyle, _ sheet: ScoreSheet) -> Bool {
        var groups = 0, k = 0
        while k < rows.count {
            guard styles[k] == outer, let w = sheet.itemWeight(rows[k]) else { return false }
            var j = k + 1, sum = Decimal(0)
            while j < rows.count && styles[j] == nil {
                guard let child = sheet.itemWeight(rows[j]) else { return false }
                sum = Decimals.sum(sum, child.value)
                j += 1
            }
            guard j > k + 1, Decimals.equal(sum, w.value) else { return false }
            groups += 1
            k = j
        }
        return groups >= 2
    }

    /// "三、产出 | 35 | 33.5" over "招募数量 | 10 | 9.5", "补贴发放 | 10 | 10", …: a group row's score is
    /// the sum of the scores of the rows under it (up to the next row numbered as it is).
    static func groupScores(_ rule: Rule, _ rows: [ScoreSheet.Row], _ styles: [HeadingStyle?], outer: HeadingStyle, _ context: inout CheckContext) {
        var next = 0
        while next < rows.count {
            let k = next
            var j = k + 1
            while j < rows.count && styles[j] != outer { j += 1 }
            next = j
            guard styles[k] == outer, j - k >= 3 else { continue }
            groupScores(rule, group: rows[k], items: Array(rows[(k + 1)..<j]), &context)
        }
    }

    /// A group row's score against the sum of its items' scores (two items or more, every one scored).
    static func groupScores(_ rule: Rule, group: ScoreSheet.Row, items: [ScoreSheet.Row], _ context: inout CheckContext) {
        guard items.count >= 2, let own = group.score, !group.garbled, items.allSatisfy({ !$0.garbled }) else { return }
        let scores = items.compactMap(\.score)
        guard scores.count == items.count else { return }
        let sum = scores.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
        guard !sum.overlaps(context.interval(own)) else { return }
        let exact = scores.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
        let scale = Show.scale(scores + [own])
        context.report(rule, main: own, others: scores, evidence: rule.evidence(.scoreScoresSum, [
            .computation: scores.map(\.literal).joined(separator: " + "), .sum: Show.number(exact, scale: scale), .total: own.literal,
            .difference: Show.number(abs(own.value - exact), scale: scale)]),
                       message: .scoreGroupScores, slots: [.name: group.names.first ?? ""])
    }

    /// "投入 | 资金到位 | 8 | 7 ⏎ | 配套落实 | 7 | 7 ⏎ | 小计 | 15 | 14": a 小计 row (`subtotal_words`) inside the
    /// sheet closes the rows since the total row before it; their weights and scores make its own.
    static func subtotalGroups(_ rule: Rule, _ sheet: ScoreSheet, skipping repeated: Set<Int>, _ context: inout CheckContext) {
        guard sheet.clean else { return }
        let words = context.vocabulary[.subtotalWords]
        var start = 0
        for (k, row) in sheet.rows.enumerated() where row.isTotal {
            defer { start = k + 1 }
            guard row.names.contains(where: { words.occurs(in: $0) }) else { continue }
            let items = sheet.rows[start..<k].filter { !$0.isTotal && !repeated.contains($0.index) }
            // (the rows of one group: one first-level name at most — "小计（产出指标）" rows after the sheet name theirs)
            guard items.count >= 2, Set(items.compactMap { $0.names.first }.filter { !$0.isEmpty }).count <= 1 else { continue }
            var group = row
            // (named by the group's name, which its first row writes out)
            if let name = items.first?.names.first, !name.isEmpty { group.names[0] = name }
            let name = group.names.first ?? ""
            if let own = rowWeight(row) {
                let weights = items.compactMap(rowWeight)
                let sum = weights.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
                if weights.count == items.count && !Decimals.equal(sum, own.value) {
                    context.report(rule, main: own, others: weights, evidence: rule.evidence(.scoreWeightsSum, [
                        .computation: weights.map(\.literal).joined(separator: " + "), .sum: Show.number(sum, scale: Show.scale(weights)), .total: own.literal]),
                                   message: .scoreGroupWeight, slots: [.name: name])
                }
            }
            groupScores(rule, group: group, items: Array(items), &context)
        }
    }

    /// The rows that name only their first level and stand over rows of that level naming deeper ones
    /// (in a sheet of two name levels or more), each with the indexes of the rows under it.
    static func levelSubtotals(_ items: [ScoreSheet.Row]) -> [(row: Int, children: [Int])] {
        var out = [(row: Int, children: [Int])]()
        var k = 0
        while k < items.count {
            let row = items[k]
            guard row.names.count >= 2, row.ownName.first == true, !row.names[0].isEmpty, row.names.dropFirst().allSatisfy(\.isEmpty) else { k += 1; continue }
            var j = k + 1
            // (the rows under it carry its name down, or leave its column blank: a sheet aligned by spaces)
            while j < items.count, items[j].names.first == row.names[0] || items[j].names.first?.isEmpty == true, items[j].ownName.first == false,
                  items[j].names.dropFirst().contains(where: { !$0.isEmpty }) { j += 1 }
            if j - k >= 2 { out.append((k, Array((k + 1)..<j))) }
            k = max(j, k + 1)
        }
        return out
    }

    /// A row's own (lowest-level) weight.
    static func rowWeight(_ r: ScoreSheet.Row) -> Fact? { r.weights.keys.max().flatMap { r.weights[$0] } }

    static func itemsVersusTotal(_ rule: Rule, _ sheet: ScoreSheet, others sheets: [ScoreSheet] = [], _ context: inout CheckContext) {
        guard sheet.clean, let total = sheet.rows.last(where: \.isTotal) else { return }
        let repeated = repeatedFundParts(sheet, context)
        var items = sheet.rows.filter { !$0.isTotal && !repeated.contains($0.index) }
        // "一、决策 | | | 20 | 18.5" over "(一、决策) | 项目立项 | 立项依据充分性 | 4 | 4": a row naming only its first
        // level, over rows of that level naming deeper ones, is the level's subtotal: the total adds up the rows
        // under it, and its score is theirs
        subtotalGroups(rule, sheet, skipping: repeated, &context)
        let subtotals = levelSubtotals(items)
        if !subtotals.isEmpty {
            for (k, children) in subtotals { groupScores(rule, group: items[k], items: children.map { items[$0] }, &context) }
            let skipped = Set(subtotals.map(\.row))
            items = items.indices.filter { !skipped.contains($0) }.map { items[$0] }
        }
        // "一、决策 | 15 | 13.50" over "（一）项目立项 | 4 | 4.00": rows numbered in two styles in one name
        // column are groups and their items; the total adds up the groups
        let styles = items.map { row in row.names.first.flatMap { HeadingDetector.enumerator(ScalarString.scalars($0), at: 0)?.style } }
        if let outer = styles.first ?? nil, styles.allSatisfy({ $0 != nil }), Set(styles.compactMap { $0 }).count >= 2 {
            groupScores(rule, items, styles, outer: outer, &context)
            items = zip(items, styles).filter { $0.1 == outer }.map(\.0)
        } else if let outer = styles.first ?? nil, styles.contains(where: { $0 == nil }), numberedRowsAddUp(items, styles, outer: outer, sheet) {
            // "一、投入 | 20 | 18.5" over "目标设定 | 5 | 4.5": numbered rows whose weights are those of the
            // unnumbered rows under them are the groups
            groupScores(rule, items, styles, outer: outer, &context)
            items = zip(items, styles).filter { $0.1 == outer }.map(\.0)
        }
        // the total counts the outside rows when the weights say so (items + outside = total weight)
        let outside = outsideRows(sheet, sheets, context)
        if !outside.isEmpty, let tw = rowWeight(total) {
            let inner = items.compactMap { sheet.itemWeight($0) }.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
            let outer = outside.compactMap(rowWeight).reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
            if !Decimals.equal(inner, tw.value) && Decimals.equal(Decimals.sum(inner, outer), tw.value) { items = outside + items }
        }
        if let tw = rowWeight(total) {
            let weights = items.compactMap(rowWeight)
            let sum = weights.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
            if !weights.isEmpty && !Decimals.equal(sum, tw.value) {
                context.report(rule, main: tw, others: weights, evidence: rule.evidence(.scoreWeightsSum, [
                    .computation: weights.map(\.literal).joined(separator: " + "), .sum: Show.number(sum, scale: Show.scale(weights)), .total: tw.literal]))
            }
            // the caption sections' caps add up to the total too
            let caps = sheet.sections.map(\.cap)
            if caps.count >= 2 {
                let capSum = caps.reduce(0, Decimals.sum)
                if !Decimals.equal(capSum, tw.value) && Decimals.equal(sum, tw.value) {
                    context.report(rule, main: tw, evidence: rule.evidence(.scoreWeightsSum, [
                        .computation: caps.map { Show.number($0, scale: 0) }.joined(separator: " + "), .sum: Show.number(capSum, scale: 0), .total: tw.literal]),
                                   message: .scoreCapsVersusTotal)
                }
            }
        }
        if let ts = total.score {
            let scores = items.compactMap(\.score)
            guard !scores.isEmpty else { return }
            let sum = scores.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
            // without a total weight to tell, a total that counts the outside rows is right too
            let withOutside = outside.compactMap { (row: ScoreSheet.Row) in row.score }.reduce(sum) { $0 + context.interval($1) }
            let countedOutside = items.contains { row in outside.contains { $0.index == row.index && $0.line == row.line } }
            if !sum.overlaps(context.interval(ts)) && !(!countedOutside && !outside.isEmpty && total.weights.isEmpty && withOutside.overlaps(context.interval(ts))) {
                let exact = scores.reduce(Decimal(0)) { Decimals.sum($0, $1.value) }
                let scale = Show.scale(scores + [ts])
                context.report(rule, main: ts, others: scores, evidence: rule.evidence(.scoreScoresSum, [
                    .computation: scores.map(\.literal).joined(separator: " + "), .sum: Show.number(exact, scale: scale), .total: ts.literal,
                    .difference: Show.number(abs(ts.value - exact), scale: scale)]),
                               message: .scoreScoresVersusTotal)
            }
        }
    }

    /// Total scores stated in running text ("整体绩效评价得分为94.94分").
    static func proseTotals(_ rule: Rule, _ context: CheckContext) -> [Fact] {
        let words = rule[.totalWords]
        let comparisons = rule[.comparisonWords]
        // the scores picked by index first: a `filter` copied every fact to test its kind
        let facts = context.facts.facts
        return facts.indices.filter { k in
            guard facts[k].kind == .score, !facts[k].isCellValue else { return false }
            let f = facts[k]
            guard f.concept.measure == "score", !f.number.inRange, f.number.comparator == nil,
                  !f.comparesYears, Decimals.lessOrEqual(f.value, 100), words.occurs(in: f.label) else { return false }
            // last year's score, or a comparison with it, is not this year's total
            if let y = f.year, let fy = context.facts.fiscalYear, y != fy { return false }
            // nor the full mark ("总分值100分", "总分100分，经综合评定，本项目得分88.99分")
            if context.facts.proseFullMark == k || context.vocabulary[.fullMarkWords].occurs(in: f.label) { return false }
            if f.value == 100, let place = f.place.sentence, facts[(k + 1)...].prefix(8).contains(where: { g in
                g.kind == .score && g.concept.measure == "score" && Decimals.less(g.value, 100) && g.place.sentence.map { $0 == place } == true
            }) { return false }
            // ("总分100分，其中预算执行率10分，绩效指标90分": nor the full mark the weights after it in its sentence make up)
            if f.value == 100, let place = f.place.sentence {
                let after = facts[(k + 1)...].prefix(8).prefix { g in g.kind == .score && g.place.sentence.map { $0 == place } == true }
                if after.count >= 2, after.reduce(Decimal(0), { $0 + $1.value }) == 100 { return false }
            }
            // ("权重分别为20分、20分、40分、20分，总分100分": nor the full mark the weights before it in its sentence make up)
            if f.value == 100, case .text(let p, let s, _) = f.place, case let paragraph = context.doc.paragraphs[p], paragraph.sentences.indices.contains(s),
               context.vocabulary[.weightWords].firstMatch(in: paragraph.text.scalars, from: paragraph.sentences[s].lowerBound,
                                                           before: f.number.range.lowerBound) != nil { return false }
            let sentence = context.sentenceText(of: f)
            return !comparisons.occurs(in: sentence)
        }.map { facts[$0] }
    }

    static func proseTotal(_ rule: Rule, _ sheets: [ScoreSheet], _ context: inout CheckContext) {
        // (not a part's sheet: "合计 16 14.5" under 产出数量's indicators, whose weights make up no full mark)
        let sheets = sheets.filter { s in
            guard let row = s.rows.last(where: \.isTotal), let weight = row.weights.values.map(\.value).max() else { return true }
            return Decimals.lessOrEqual(50, weight)
        }
        let totals = sheets.compactMap { s in s.rows.last(where: \.isTotal)?.score }
        guard totals.count == 1, let sheetTotal = totals.first, let sheet = sheets.first(where: { $0.rows.last(where: \.isTotal)?.score != nil }) else { return }
        // "…部门整体支出绩效自评，自评得分93.60分" beside "表4 …运维项目绩效自评得分表": the department's
        // score is not that of the project the sheet scores
        let projectWords = context.vocabulary[.projectTitleWords], departmentWords = context.vocabulary[.departmentTitleWords]
        let sheetOfProject = projectWords.occurs(in: sheet.table.caption) && !departmentWords.occurs(in: sheet.table.caption)
        // "指标合计 | 90 | 85.0" (the 预算执行率's 10 points scored apart) beside "自评总得分94.63分": a sheet
        // whose total weighs less than the full mark leaves points out that a prose total may add
        let sheetWeight = sheet.rows.last(where: \.isTotal)?.weights.values.map(\.value).max()
        let leftOut = sheetWeight.map { Decimals.less($0, 100) ? 100 - $0 : 0 } ?? 0
        for f in proseTotals(rule, context) where f.value != sheetTotal.value {
            if leftOut > 0, Decimals.lessOrEqual(sheetTotal.value, f.value), Decimals.lessOrEqual(f.value, sheetTotal.value + leftOut) { continue }
            if sheetOfProject, case let sentence = context.sentenceText(of: f),
               departmentWords.occurs(in: sentence), !projectWords.occurs(in: sentence) { continue }
            // ("基本公共卫生服务项目自评得分93.6分，…如下：" over the sheet, "县级公立医院…项目自评得分86.40分" after it:
            // the total of a project its own label names, and the sheet's caption does not, is that project's)
            if sheetOfProject, f.concept.scope.unicodeScalars.count >= 2, !sheet.table.caption.contains(f.concept.scope),
               projectWords.words.contains(where: { f.label.contains(f.concept.scope + $0) }) { continue }
            if !context.interval(f).overlaps(context.interval(sheetTotal)) {
                context.report(rule, main: f, others: [sheetTotal], evidence: rule.evidence(.scoreProseTotal, [.stated: f.literal, .total: sheetTotal.literal]))
            }
        }
    }

    /// "本项目综合得分94.2分，共扣5.8分": the total score and the points lost in all, the one right after the
    /// other, make up the full mark (the one the text states, else the sheet's total weight, else 100).
    static func totalAndLost(_ rule: Rule, _ sheets: [ScoreSheet], _ context: inout CheckContext) {
        let lostWords = rule[.lostInAllWords]
        guard !lostWords.isEmpty else { return }
        var fullMark = Decimal(100)
        if let m = context.facts.proseFullMark {
            fullMark = context.fact(m).value
        } else if let w = sheets.lazy.compactMap({ $0.rows.last(where: \.isTotal)?.weights.values.map(\.value).max() }).first {
            fullMark = w
        }
        for f in proseTotals(rule, context) {
            guard case .text(let p, _, _) = f.place, let (ids, at) = context.positionInParagraph(of: f), at + 1 < ids.count else { continue }
            let g = context.fact(ids[at + 1])
            guard g.kind == .score, case .text(p, _, _) = g.place, let sf = context.sentence(of: f), let sg = context.sentence(of: g),
                  sf.paragraph == sg.paragraph, sf.sentence == sg.sentence,
                  lostWords.contains(g.head) || lostWords.contains(g.label), !g.number.inRange, g.number.comparator == nil,
                  f.number.range.upperBound <= g.number.numberRange.lowerBound else { continue }
            // (the two in one run: only a comma between the total and the words of the points lost)
            let gap = context.doc.paragraphs[p].text.scalars[f.number.range.upperBound..<g.number.numberRange.lowerBound]
            guard gap.count <= g.label.unicodeScalars.count + 2, !gap.contains(where: { $0 == "。" || $0 == "；" || ($0.value >= 0x30 && $0.value <= 0x39) }) else { continue }
            let sum = context.interval(f) + context.interval(g)
            guard !sum.overlaps(Interval(exactly: fullMark)) else { continue }
            let scale = Show.scale([f, g])
            context.report(rule, main: g, others: [f], evidence: rule.evidence(.scoreTotalAndLost, [
                .computation: "\(f.literal) + \(g.literal)", .computed: Show.number(f.value + g.value, scale: scale), .total: Show.number(fullMark, scale: 0)]))
        }
    }

    static func grade(_ rule: Rule, _ sheets: [ScoreSheet], _ context: inout CheckContext) {
        let excellent = rule[.excellent], good = rule[.good], pass = rule[.passMark]
        var score: Fact? = context.facts.proseTotalScore.map { context.fact($0) } ?? proseTotals(rule, context).first
        if score == nil { score = sheets.compactMap { $0.rows.last(where: \.isTotal)?.score }.first }
        guard let total = score else { return }
        // the grades, best first, with the scores each stands for
        let bands: [(names: WordSet, lo: Decimal, hi: Decimal)] = [
            (rule[.excellentNames], excellent, 1000), (rule[.goodNames], good, excellent),
            (rule[.passNames], pass, good), (rule[.failNames], -1, pass),
        ]
        let markers = rule[.gradeMarkers], fillers = rule[.gradeFillers], countedLinks = rule[.countedGradeLinks]
        let totalWords = context.vocabulary[.scoreTotalWords]
        // the markers' scalars, made once rather than per paragraph
        let markerScalars = markers.words.map { Array($0.unicodeScalars) }
        let noEmptyMarker = !markerScalars.contains(where: \.isEmpty)
        for p in context.doc.paragraphs {
            let s = p.text.scalars
            // one pass for all the markers first: most paragraphs name no grade
            if noEmptyMarker && markers.firstMatch(in: s) == nil { continue }
            for marker in markerScalars {
                var from = 0
                while let k = p.text.firstIndex(of: marker, from: from) {
                    from = k + 1
                    var j = k + marker.count
                    while j < s.count, case let n = fillers.prefixLength(s, at: j), n > 0 { j += n }
                    guard j < s.count, let band = bands.first(where: { $0.names.prefixLength(s, at: j) > 0 }) else { continue }
                    let length = band.names.prefixLength(s, at: j)
                    // "评定为优良的39个": two grades' names run together name a class of things, not a grade
                    if j + length < s.count, bands.contains(where: { $0.names.prefixLength(s, at: j + length) > 0 }) { continue }
                    // "评价等级为“优”的3个、“良”的1个": a grade followed by a count classes the things counted
                    if case let n = countedLinks.prefixLength(s, at: j + length), n > 0, j + length + n < s.count,
                       ("0"..."9").contains(s[j + length + n]) { continue }
                    // "7个项目等级为“优”，2个项目等级为“良”": a grade after a count in its clause classes the things counted
                    if countBefore(k, inClauseOf: p, context) { continue }
                    // "项目单位自评得分为93.0分（自评等级为“优”），比本次评价得分88.0分…": a grade in brackets right
                    // after a total is that total's
                    // ("同时开展了部门整体支出绩效自评，综合得分93.20分，评价等级为“优”": a total its sentence states
                    // before the grade is the one graded)
                    let total = bracketedAfterTotal(k, paragraph: p, words: totalWords, context)
                        ?? totalBefore(k, inSentenceOf: p, words: totalWords, context)
                        ?? scoreBefore(k, inPartOf: p, context) ?? total
                    let v = total.value
                    if v >= band.lo && v < band.hi { continue }
                    guard let span = p.text.span(j..<(j + length)) else { continue }
                    let name = p.text.string(j..<(j + length))
                    let evidence = rule.evidence(.scoreGrade, [.total: total.literal, .grade: name, .excellent: Show.number(excellent, scale: 0),
                                                               .good: Show.number(good, scale: 0), .pass: Show.number(pass, scale: 0)])
                    context.report(rule, span: span, evidence: evidence,
                                   related: [RelatedLocation(position: total.numberSpan.start, place: total.sourcePlace,
                                                             message: rule.evidence(.scoreRelatedTotal, [.total: total.literal]))],
                                   key: "grade|\(name)|\(total.literal)")
                }
            }
        }
    }

    /// "…项目…满分100分扣16分，得84分，等级为“良”": the one score of `k`'s "；" part of the sentence, under a
    /// full mark of 100 stated there, is the one graded.
    static func scoreBefore(_ k: Int, inPartOf p: Paragraph, _ context: CheckContext) -> Fact? {
        let s = p.text.scalars
        var start = min(k, s.count)
        while start > 0 && k - start < 300 && s[start - 1] != "；" && s[start - 1] != ";" && s[start - 1] != "。" { start -= 1 }
        let lost = context.vocabulary[.deductionWords]
        // (the part's one score: its other points are a full mark or points lost — not indicators' scores
        // listed before an overall grade)
        let scores = context.facts.paragraphFacts[p.index].filter { id in
            let f = context.fact(id)
            return f.number.range.upperBound <= k && f.number.numberRange.lowerBound >= start && f.kind == .score
                && f.concept.measure != "weight" && f.concept.measure != "deduction" && !lost.isSuffix(of: f.label)
        }
        // (graded out of a hundred: "满意度指标分值10分，…得9.50分，评价等级为“优”" grades the whole evaluation)
        let fullMark = context.facts.paragraphFacts[p.index].contains { id in
            let f = context.fact(id)
            return f.number.range.upperBound <= k && f.number.numberRange.lowerBound >= start && f.kind == .score
                && f.concept.measure == "weight" && f.value == 100
        }
        guard fullMark, scores.count == 1, let id = scores.first else { return nil }
        let f = context.fact(id)
        guard f.concept.measure == "score", f.number.comparator == nil, !f.number.inRange, !f.isTarget, Decimals.lessOrEqual(f.value, 100) else { return nil }
        return f
    }

    /// Whether a count stands before `k` in its clause ("7个项目等级为").
    static func countBefore(_ k: Int, inClauseOf p: Paragraph, _ context: CheckContext) -> Bool {
        let s = p.text.scalars
        var start = min(k, s.count)
        while start > 0 && k - start < 40 && !ScalarSets.clauseBreaks.contains(s[start - 1]) && s[start - 1] != "。" { start -= 1 }
        let ids = context.facts.paragraphFacts[p.index]
        // the first fact ending after the clause starts (facts in text order: a binary search)
        var lo = 0, hi = ids.count
        while lo < hi { let mid = (lo + hi) / 2; if context.fact(ids[mid]).number.range.upperBound <= start { lo = mid + 1 } else { hi = mid } }
        for id in ids[lo...] {
            let f = context.fact(id)
            guard f.number.range.upperBound <= k else { break }
            if case .count = f.kind { return true }
        }
        return false
    }

    /// The last score named a total before `k` in its sentence, a score out of 100 at most.
    static func totalBefore(_ k: Int, inSentenceOf p: Paragraph, words: WordSet, _ context: CheckContext) -> Fact? {
        guard let range = p.sentences.first(where: { $0.contains(k) }) else { return nil }
        let ids = context.facts.paragraphFacts[p.index]
        guard let id = ids.last(where: { id in
            let f = context.fact(id)
            return f.number.range.upperBound <= k && f.number.numberRange.lowerBound >= range.lowerBound && f.kind == .score
        }) else { return nil }
        let f = context.fact(id)
        guard words.occurs(in: f.label), f.number.comparator == nil, !f.number.inRange, !f.isTarget, Decimals.lessOrEqual(f.value, 100) else { return nil }
        return f
    }

    /// The score named a total right before the bracket a grade marker at `k` stands in ("自评得分为
    /// 93.0分（自评等级为“优”）"), or nil.
    static func bracketedAfterTotal(_ k: Int, paragraph p: Paragraph, words: WordSet, _ context: CheckContext) -> Fact? {
        let s = p.text.scalars
        var open = k - 1
        while open >= 0 && k - open <= 8 && s[open] != "（" && s[open] != "(" && !ScalarSets.clauseBreaks.contains(s[open]) { open -= 1 }
        guard open > 0, s[open] == "（" || s[open] == "(" else { return nil }
        let ids = context.facts.paragraphFacts[p.index]
        guard let id = ids.last(where: { context.fact($0).number.range.upperBound <= open }) else { return nil }
        let f = context.fact(id)
        guard f.kind == .score, open - f.number.range.upperBound <= 1, words.occurs(in: f.label), f.number.comparator == nil,
              !f.number.inRange, Decimals.lessOrEqual(f.value, 100) else { return nil }
        return f
    }
}
