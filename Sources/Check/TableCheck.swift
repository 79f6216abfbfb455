import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure
import JXNormalize

/// `kind = "table"`: the sums a budget table states by its layout.
///  - subtotals: 小计 / 合计 / 总计 rows equal the sum of the rows they close (a 小计 closes its
///    分类 group; a 合计/总计 the 小计 rows above it, or all rows when there are none); rows marked as
///    sub-items (其中…, 【…】) are not counted twice;
///  - children: a row's marked sub-items add up to it (【…】 lists) or stay within it (其中…).
enum TableCheck {
    struct Layout {
        var table: Table
        /// Data rows of one header segment, in order.
        var rows: [Int]
        /// Money columns of the segment.
        var columns: [Int]
        /// Parent row index of each child row.
        var parent: [Int: Int]
        /// How each child row is marked.
        var childMark: [Int: ChildMark]
        var totals: Set<Int>
        /// Per parent row: the rows of its 其中 list the form leaves empty ("上年结转资金" with no
        /// figures after "其中：当年财政拨款"): parts stated to be nothing, which close the list.
        var emptyParts: [Int: [Int]] = [:]
        /// `label` of each row of the table (data rows; "" for the others).
        var labels: [String] = []
    }

    /// How a row is marked as a sub-item of the row above it.
    enum ChildMark {
        /// "其中：…" (the vocabulary's list_openers_qizhong): a part, the list may be partial.
        case listed
        /// "【…】", "—…", "·…": one of a complete breakdown.
        case bracketed
        /// An unmarked row after a 其中 row that completes its list.
        case follows
        /// A row whose classification code (科目编码 "2010301") extends that of a row above ("201").
        case coded
    }

    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        if rule.check == "row-totals" {
            for table in context.doc.tables { rowTotals(rule, table, &context) }
            return
        }
        if rule.check == "share-column" {
            for table in context.doc.tables { shareColumns(rule, table, &context) }
            return
        }
        if rule.check == "column-ratios" || rule.check == "column-differences" {
            for table in context.doc.tables { columnRelations(rule, table, rates: rule.check == "column-ratios", &context) }
            return
        }
        for layouts in context.tableLayouts() {
            for layout in layouts {
                switch rule.check {
                case "subtotals": subtotals(rule, layout, &context)
                case "children": children(rule, layout, &context)
                default: break
                }
            }
        }
    }

    /// Per table, the layouts of its header segments in order (segments without one left out):
    /// what `CheckContext.tableLayouts` keeps for all the table rules of a document.
    static func layouts(_ context: inout CheckContext) -> [[Layout]] {
        let sheets = context.scoreSheets()
        let tableLabels = context.tableLabels()
        return context.doc.tables.map { table in
            // a score sheet's money columns (the 项目资金 block of a 项目支出绩效自评表) are a budget table
            let isSheet = sheets[table.index] != nil
            let labels = tableLabels[table.index]
            let marks = labels.map { isChildMarked($0, context) }
            return Set(table.rows.map(\.segment)).sorted().compactMap { segment in
                layout(table, segment: segment, context, moneyHeadersOnly: isSheet, labels: labels, marks: marks)
            }
        }
    }

    /// `label` of each data row of the table ("" for the other rows, which no layout reads).
    static func labels(_ table: Table, _ context: CheckContext) -> [String] {
        table.rows.map { $0.kind == .data ? label($0, context) : "" }
    }

    /// `CellText.isNumeric`, told at once for a cell without a digit (most text cells): a number
    /// starts with one (after its sign or comparator), so such a cell is not read in full.
    static func isNumeric(_ text: TextRun) -> Bool {
        text.scalars.contains(where: CharClass.isDigit) && CellText.isNumeric(text)
    }

    /// The row's item: the last text cell before its first number ("【办公用房水电费】", "基本支出小计").
    static func label(_ row: TableRow, _ context: CheckContext) -> String {
        var text = ""
        let empty = context.vocabulary[.emptyCellMarks]
        let totals = context.vocabulary[.tableTotalLabels]
        func read(_ cell: TableCell) -> Bool {
            // a classification code before the name ("2010301 | 行政运行") is no figure of the row
            if cell.column == 0, isCode(cell) { return true }
            if isNumeric(cell.text) { return false }
            // the cell's text is made once (it is built from the cell's scalars)
            let t = CellText.compact(cell.string)
            if empty.contains(t) { return false }
            // ("小计 | 绿地养护 | 1,126,400平方米 | 7,924,450": a total word, then what it totals)
            if !t.isEmpty {
                text = !text.isEmpty && CellText.isTotalLabel(text, totalLabels: totals) && !CellText.isTotalLabel(t, totalLabels: totals) ? t + text : t
            }
            return true
        }
        // cells come in column order but for a few tables: sort only those
        if row.cells.indices.dropFirst().allSatisfy({ row.cells[$0 - 1].column <= row.cells[$0].column }) {
            for cell in row.cells { guard read(cell) else { break } }
        } else {
            for cell in row.cells.sorted(by: { $0.column < $1.column }) { guard read(cell) else { break } }
        }
        return text
    }

    static func isChildMarked(_ label: String, _ context: CheckContext) -> ChildMark? {
        // the marks are single scalars: compared as such (String.hasPrefix walked characters)
        guard let first = label.unicodeScalars.first else { return nil }
        let unbracketed = first == "（" || first == "(" ? String(label.unicodeScalars.dropFirst()) : label
        if context.vocabulary[.listOpenersOf].isPrefix(of: unbracketed) { return .listed }
        if first == "【" && label.unicodeScalars.last == "】" { return .bracketed }
        if first == "—" || first == "-" || first == "·" || first == "△" { return .bracketed }
        return nil
    }

    static func isSubtotal(_ label: String, _ context: CheckContext) -> Bool {
        context.vocabulary[.subtotalWords].occurs(in: label)
    }

    static func fact(_ context: CheckContext, _ table: Table, _ row: Int, _ column: Int) -> Fact? {
        guard let id = context.facts.tableFacts[table.index][row][column] else { return nil }
        let f = context.fact(id)
        return isAmount(f, table, row, column, context) ? f : nil
    }

    /// A money amount, or a bare number in a money column (预算数, 执行数) of a table that states no
    /// unit: a sum holds or fails whatever the unit.
    static func isAmount(_ f: Fact, _ table: Table, _ row: Int, _ column: Int, _ context: CheckContext) -> Bool {
        if f.kind.isMoney { return true }
        let tables = context.lexicon.tables
        // counts and measures of the row's item ("编制数（名）", "计划任务（亩）") and each row's share of
        // the whole ("占比（%）"): a total row adds them up as it does amounts
        let bare = f.kind == .bare
        if bare || f.kind.measureWord != nil || f.kind == .percent {
            let header = table.header(row: table.rows[row], column: column)
            if (bare || f.kind.measureWord != nil) && tables.header(header, is: .quantity) { return true }
            if (bare || f.kind == .percent) && tables.header(header, is: .share) { return true }
            guard bare, table.unit == nil else { return false }
            return tables.header(header, is: .money)
        }
        return false
    }

    /// `labels`: `labels(table, context)` when the caller has them (made once per table), and
    /// `marks` the `isChildMarked` of each.
    static func layout(_ table: Table, segment: Int, _ context: CheckContext, moneyHeadersOnly: Bool = false, labels: [String]? = nil,
                       marks: [ChildMark?]? = nil) -> Layout? {
        let labels = labels ?? self.labels(table, context)
        let marks = marks ?? labels.map { isChildMarked($0, context) }
        let rows = table.rows.indices.filter { table.rows[$0].segment == segment && table.rows[$0].kind == .data && !table.rows[$0].cells.allSatisfy(\.isEmpty) }
        // two rows: only a whole and its 其中 part ("年度资金总额 / 其中：当年财政拨款")
        guard rows.count >= 3 || (rows.count == 2 && marks[rows[1]] == .listed) else { return nil }
        let empty = emptyRows(table, segment: segment, context, labels: labels, marks: marks)
        // columns with at least two amounts, one of them not zero ("年度资金总额 0 / 其中 90" is a slip)
        var counts = [Int: Int](), nonzero = Set<Int>()
        for r in rows {
            for (c, id) in context.facts.tableFacts[table.index][r] where isAmount(context.fact(id), table, r, c, context) {
                counts[c, default: 0] += 1
                if context.fact(id).value != 0 { nonzero.insert(c) }
            }
        }
        let headers = table.headerSegments.indices.contains(segment) ? table.headerSegments[segment] : []
        // (an amount per head or per unit, "户均投资（元）", "补助标准", is no part of a total)
        let perUnit = context.vocabulary[.perUnitWords]
        let columns = counts.filter { $0.value >= 2 && nonzero.contains($0.key) }.map(\.key).sorted().filter { c in
            (!moneyHeadersOnly || (c < headers.count && context.lexicon.tables.header(headers[c], is: .money)))
                && !(c < headers.count && perUnit.occurs(in: headers[c]))
        }
        guard !columns.isEmpty else { return nil }
        let totalLabels = context.vocabulary[.tableTotalLabels]
        let totals = Set(rows.filter { CellText.isTotalLabel(labels[$0], totalLabels: totalLabels) || isSubtotal(labels[$0], context) })
        var coded = nestedByCode(table, rows: rows, totals: totals)
        if coded.isEmpty {
            // (kept when most of the rows set in add up to theirs in a money column: an indentation
            // the export left by chance nests nothing)
            let indented = nestedByIndent(table, rows: rows, totals: totals)
            let parents = Set(indented.map(\.parent))
            let balanced = parents.filter { p in
                let children = indented.filter { $0.parent == p }.map(\.row)
                return columns.contains { c in
                    guard let whole = fact(context, table, p, c) else { return false }
                    let parts = children.compactMap { fact(context, table, $0, c) }
                    guard parts.count == children.count else { return false }
                    return parts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }.overlaps(context.interval(whole))
                }
            }
            if !parents.isEmpty && balanced.count * 2 > parents.count { coded = indented }
        }
        guard !totals.isEmpty || rows.contains(where: { marks[$0] != nil }) || !coded.isEmpty else { return nil }
        // marked sub-items and the unmarked rows that complete a 其中 list
        var parent = [Int: Int]()
        var mark = [Int: ChildMark]()
        var emptyParts = [Int: [Int]]()
        var lastTop: Int?
        var k = 0
        let key = columns[0]
        while k < rows.count {
            let r = rows[k]
            if totals.contains(r) { lastTop = nil; k += 1; continue }
            if let m = marks[r], let p = lastTop {
                parent[r] = p
                mark[r] = m
                let emptyAfter = empty.filter { $0 > r }
                var rest = rows[(k + 1)...].filter { !totals.contains($0) && !emptyAfter.contains($0) }
                // the form's other sections after the funding rows left empty ("地方财政资金 / 其他资金 /
                // 资金管理情况 | 情况说明 …"): the block ends at the first row stating no amount there
                if let lastEmpty = emptyAfter.last, !rest.contains(where: { $0 < lastEmpty }),
                   let next = rest.first, fact(context, table, next, key) == nil,
                   !rows[(k + 1)...].contains(where: { totals.contains($0) }) {
                    rest = []
                }
                if m == .listed, isTotalName(labels[p], context), rows[(k + 1)...].allSatisfy({ !totals.contains($0) }),
                   !(rest.isEmpty && emptyAfter.isEmpty), rest.count + emptyAfter.count <= 5,
                   rest.allSatisfy({ marks[$0] == nil && fact(context, table, $0, key) != nil }) {
                    // "年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金": a total stated first,
                    // broken down by the rows to the end of the table (those left empty are nothing)
                    for e in rest { parent[e] = p; mark[e] = .follows }
                    if !emptyAfter.isEmpty { emptyParts[p] = emptyAfter }
                    break
                }
                if m == .listed {
                    // following rows continue the 其中 list while they add up to the parent exactly, in
                    // the first money column where they do (a slip in one column leaves the others to
                    // tell the rows' order: "预算数 255 = 165 + 80" fails where "决算数 165.23 = 87.07 +
                    // 78.16" holds; a column of zeros or dashes tells nothing)
                    columnsTried: for c in columns {
                        if c != key, fact(context, table, p, c).map({ $0.value == 0 }) ?? true { continue }
                        var sum = fact(context, table, r, c).map { context.interval($0) } ?? Interval(exactly: 0)
                        var extra = [Int]()
                        var j = k + 1
                        let target = fact(context, table, p, c).map { context.interval($0) }
                        while let t = target, j < rows.count, !totals.contains(rows[j]), marks[rows[j]] == nil,
                              let v = fact(context, table, rows[j], c) {
                            sum = sum + context.interval(v)
                            extra.append(rows[j])
                            if sum.overlaps(t) {
                                // (and a row after them that is zero here but completes the other columns:
                                // "上年结转资金 0.00 86.40 48.65" under "年度资金总额 4,860 5,126.40 4,987.35")
                                while j + 1 < rows.count, !totals.contains(rows[j + 1]), marks[rows[j + 1]] == nil,
                                      fact(context, table, rows[j + 1], c)?.value == 0,
                                      completesOtherColumn(rows[j + 1], [r] + extra, parent: p, besides: c, columns: columns, table, context) {
                                    j += 1
                                    extra.append(rows[j])
                                }
                                for e in extra { parent[e] = p; mark[e] = .follows }
                                k = j
                                break columnsTried
                            }
                            // (past it, more rows only add to it: not so with changes of either sign, "-166 / -192 / 44 / -303"
                            // under "-617", which are read on, a few rows at most)
                            if t.lo >= 0 && v.value >= 0 ? sum.lo > t.hi : j - k > 24 { break }
                            j += 1
                        }
                    }
                }
            } else {
                lastTop = r
            }
            k += 1
        }
        for (r, p) in coded where parent[r] == nil && parent[p] != r {
            parent[r] = p
            mark[r] = .coded
        }
        return Layout(table: table, rows: rows, columns: columns, parent: parent, childMark: mark, totals: totals, emptyParts: emptyParts, labels: labels)
    }

    /// "卫生健康支出 / 　妇幼保健机构 / 　基本公共卫生服务 / 社会保障和就业支出 / …": rows whose name is set in
    /// further than the row above nest under the nearest row above set in less (a table exported one
    /// cell to a line keeps the names' indentation in their source columns). Only where two depths at
    /// least are found and the rows set in follow a row that is not.
    static func nestedByIndent(_ table: Table, rows: [Int], totals: Set<Int>) -> [(row: Int, parent: Int)] {
        func indent(_ r: Int) -> Int? {
            guard let cell = table.rows[r].cells.first(where: { !$0.isEmpty }), !TableCheck.isNumeric(cell.text),
                  let start = cell.text.span(0..<1)?.start else { return nil }
            return start.column
        }
        let depths = rows.map(indent)
        let known = depths.compactMap { $0 }
        guard known.count == rows.count, let least = known.min(), Set(known).count >= 2, depths.first == least else { return [] }
        var out = [(row: Int, parent: Int)]()
        var open = [(row: Int, depth: Int)]()
        for (k, r) in rows.enumerated() {
            let d = depths[k]!
            if totals.contains(r) { open = []; continue }
            while let last = open.last, last.depth >= d { open.removeLast() }
            if let p = open.last { out.append((r, p.row)) }
            open.append((r, d))
        }
        return out
    }

    /// "201 | 一般公共服务支出 / 2010301 | 行政运行 / 2010302 | …": rows that open with a classification
    /// code (digits only, three or more) nest under the nearest row above whose code begins theirs.
    /// Only where some code does extend another; rows already placed keep their place.
    static func nestedByCode(_ table: Table, rows: [Int], totals: Set<Int>) -> [(row: Int, parent: Int)] {
        var codes = [(row: Int, code: [UInt8])]()
        for r in rows where !totals.contains(r) {
            guard let cell = table.rows[r].cells.first(where: { !$0.isEmpty }), cell.column == 0 else { continue }
            if isCode(cell), table.rows[r].cells.contains(where: { $0.column > 0 && !$0.isEmpty && !isNumeric($0.text) }) {
                codes.append((r, Array(CellText.compact(cell.string).utf8)))
            } else if let code = leadingCode(cell.string) {
                codes.append((r, code))
            }
        }
        guard codes.count >= 3 else { return [] }
        var open = [(row: Int, code: [UInt8])]()  // the rows whose codes may still be extended, outermost first
        var nested = [(row: Int, parent: Int)]()
        for (r, code) in codes {
            while let last = open.last, !(code.count > last.code.count && code.starts(with: last.code)) { open.removeLast() }
            if let p = open.last { nested.append((r, p.row)) }
            open.append((r, code))
        }
        return nested
    }

    /// Rows of the segment that name an item and state nothing: one name, no figure, right after
    /// a 其中 row or another such row ("其中：当年财政拨款 | 29 | … / 上年结转资金 | | …").
    static func emptyRows(_ table: Table, segment: Int, _ context: CheckContext, labels: [String]? = nil, marks: [ChildMark?]? = nil) -> [Int] {
        var out = [Int]()
        var open = false
        for (r, row) in table.rows.enumerated() where row.segment == segment {
            // the cells written in the source: how many (one, or more than one) and the first
            var filledCount = 0
            var firstFilled: Int?
            for k in row.cells.indices where !row.cells[k].inherited && !row.cells[k].isEmpty {
                filledCount += 1
                if firstFilled == nil { firstFilled = k }
                if filledCount > 1 { break }
            }
            if row.kind == .data && filledCount > 1 {
                let mark: ChildMark? = if let marks { marks[r] } else { isChildMarked(labels?[r] ?? label(row, context), context) }
                open = mark == .listed
                continue
            }
            guard row.kind == .caption || row.kind == .data else { open = false; continue }
            guard open, filledCount == 1, let name = firstFilled.map({ row.cells[$0] }), name.text.count <= 16,
                  !name.text.scalars.contains(where: { $0.value >= 48 && $0.value <= 57 }), isChildMarked(CellText.compact(name.string), context) == nil else {
                open = false
                continue
            }
            out.append(r)
        }
        return out
    }

    /// "年度资金总额", "资金总计", "总额": a row that names a total without being a 合计 row.
    static func isTotalName(_ label: String, _ context: CheckContext) -> Bool {
        isTotalName(label, vocabulary: context.vocabulary)
    }

    static func isTotalName(_ label: String, vocabulary: Vocabulary) -> Bool {
        var name = label
        while name.hasSuffix(":") || name.hasSuffix("：") { name.removeLast() }
        return vocabulary[.totalSuffixes].isSuffix(of: name)
    }

    /// The 分类 of a row: its first cell (filled from merged cells).
    static func category(_ row: TableRow) -> String {
        CellText.compact(row.cells.first(where: { $0.column == 0 })?.string ?? "")
    }

    static func subtotals(_ rule: Rule, _ layout: Layout, _ context: inout CheckContext) {
        let table = layout.table
        var start = 0  // first row (index into layout.rows) of the open group
        var detailStart = 0  // first row of the groups the pending 小计 rows close
        var subtotalRows = [Int]()
        // rows before a 小计 that are none of its rows (a sibling item's own row): the next 合计 adds them
        var standalone = [Int]()
        var earlierTotal: Int?
        if let top = topTotal(layout, context) {
            report(rule, layout, total: top.total, members: top.members, &context)
            return
        }
        // ("一、基本支出小计 / 工资福利支出 / … / 二、项目支出小计 / … / 合计": numbered 小计 rows, the first of them
        // the table's first row, head the rows under them; the 合计 adds them up)
        let headingStyle = layout.rows.first.flatMap { r in
            layout.totals.contains(r) && isSubtotal(layout.labels[r], context) ? enumeratorStyle(layout.labels[r]) : nil
        }
        var headed = [Int]()
        for (k, r) in layout.rows.enumerated() where layout.totals.contains(r) {
            let text = layout.labels[r]
            if let style = headingStyle, enumeratorStyle(text) == style, isSubtotal(text, context) {
                var members = [Int]()
                for row in layout.rows[(k + 1)...] {
                    if layout.totals.contains(row) || enumeratorStyle(layout.labels[row]) == style { break }
                    if layout.parent[row] == nil { members.append(row) }
                }
                headed.append(r)
                if members.count >= 2 { report(rule, layout, total: r, members: members, &context) }
                start = k + 1
                continue
            }
            if !headed.isEmpty, !isSubtotal(text, context) {
                report(rule, layout, total: r, members: headed, carried: earlierTotal.map { [$0] } ?? [], &context)
                headed = []
                start = k + 1
                earlierTotal = r
                continue
            }
            // "一、期初余额 / 二、收入合计 / （一）收入小计 / 1.…": a numbered total followed by rows numbered
            // another way heads those rows; the rows above, numbered alike, are its siblings, not its parts
            if let style = enumeratorStyle(text),
               layout.rows[start..<k].contains(where: { enumeratorStyle(layout.labels[$0]) == style })
                || k + 1 < layout.rows.count && enumeratorStyle(layout.labels[layout.rows[k + 1]]).map({ $0 != style }) == true {
                start = k + 1
                // its parts: the rows after it numbered as the first of them is, up to its next sibling
                var members = [Int]()
                var childStyle: HeadingStyle?
                for row in layout.rows[(k + 1)...] {
                    guard let rowStyle = enumeratorStyle(layout.labels[row]) else { continue }
                    if rowStyle == style { break }
                    if childStyle == nil { childStyle = rowStyle }
                    if rowStyle == childStyle { members.append(row) }
                }
                // two parts at least (one numbered part may have unnumbered siblings, or the table may be
                // cut off), each row as many filled cells as the total's (a row that lost its blank cells
                // no longer lines up with the columns)
                func filled(_ row: Int) -> Int { table.rows[row].cells.filter { !$0.isEmpty }.count }
                let cells = filled(r)
                if members.count >= 2 && members.allSatisfy({ filled($0) == cells }) {
                    report(rule, layout, total: r, members: members, &context)
                }
                continue
            }
            let isSub = isSubtotal(text, context)
            var members: [Int]
            // a 合计 over 小计 rows: the detail rows of their groups, to tell a wrong 小计 from a wrong 合计
            var details: [Int]?
            if isSub {
                // the rows of its group: same 分类 as the 小计's name, else everything since the last total
                var name = ScalarString.scalars(text)
                for word in context.vocabulary[.subtotalWords].words { name = Lexicon.removing(ScalarString.scalars(word), from: name) }
                members = layout.rows[start..<k].filter { !layout.totals.contains($0) && layout.parent[$0] == nil }
                var sameCategory = members.filter { !name.isEmpty && category(table.rows[$0]).hasPrefix(ScalarString.make(name.prefix(4))) }
                // ("义务教育寄宿生生活补助 | 小学 / | 初中 / | 小计": a 小计 in a column after the 分类, under it,
                // closes that 分类's rows; "普通高中免学费 | —" above them is no part)
                let own = category(table.rows[r])
                if sameCategory.isEmpty, !own.isEmpty, !isSubtotal(own, context) {
                    sameCategory = members.filter { category(table.rows[$0]) == own }
                }
                if !sameCategory.isEmpty { members = sameCategory }
                // ("基本支出 | … / 困难职工帮扶 | … / … / 项目支出小计 / 合计": a row naming the item a decomposition sets
                // beside the 小计's own is none of its rows; the 合计 adds it)
                let ownConcept = context.lexicon.resolve(ScalarString.make(name))
                if let item = ownConcept.item, ownConcept.scope.isEmpty, let cut = members.lastIndex(where: { m in
                    let c = context.lexicon.resolve(layout.labels[m])
                    guard let other = c.item, other != item, c.scope.isEmpty, c.measure == ownConcept.measure else { return false }
                    return context.lexicon.decompositions.contains { $0.parts.contains(item) && $0.parts.contains(other) }
                }) {
                    standalone += members[...cut]
                    members = Array(members[(cut + 1)...])
                }
                if subtotalRows.isEmpty { detailStart = start }
                subtotalRows.append(r)
            } else if !subtotalRows.isEmpty {
                // (and the rows after the last 小计 that no 小计 closes: "资助参保小计 / 门诊救助 / 住院救助 / 合计")
                members = subtotalRows + standalone + layout.rows[start..<k].filter { !layout.totals.contains($0) && layout.parent[$0] == nil }
                details = layout.rows[detailStart..<k].filter { !layout.totals.contains($0) && layout.parent[$0] == nil }
                subtotalRows = []
                standalone = []
            } else {
                members = layout.rows[start..<k].filter { !layout.totals.contains($0) && layout.parent[$0] == nil }
            }
            start = k + 1
            // ("本年收入合计 / 年初结转和结余 / 收入总计": a total with no rows of its own above it is carried into
            // the next total all the same)
            guard !members.isEmpty else {
                if !isSub { earlierTotal = r }
                continue
            }
            report(rule, layout, total: r, members: members, details: details, carried: isSub ? [] : earlierTotal.map { [$0] } ?? [], &context)
            if !isSub { earlierTotal = r }
        }
    }

    /// The style of the list number a row's label opens with ("二、", "（一）", "1."), if any.
    static func enumeratorStyle(_ label: String) -> HeadingStyle? {
        HeadingDetector.enumerator(ScalarString.scalars(label), at: 0)?.style
    }

    /// Checks one total row against its members, column by column. With `details`, a total that
    /// misses its 小计 rows but equals the detail rows is right: the wrong 小计 is reported alone.
    /// `carried`: the total stated before it ("本年收入合计 / 转移性收入… / 收入总计"): a total may add
    /// its members to it.
    /// "工程 | 送审金额 | 审定金额 | 审减额 | 审减率": a column of percentages that is, in every row of the
    /// table but one, one of its columns over another (× 100), or their growth (÷ − 1): the table
    /// says how it reckons them, and the one row that does not is a slip. Three rows at least hold
    /// all three figures, two of them agree, and the row reported fits no relation the others share.
    static let maxRatioColumns = 10

    static func columnRatios(_ rule: Rule, _ table: Table, _ context: inout CheckContext) {
        columnRelations(rule, table, rates: true, &context)
    }

    /// "资金来源 | 金额（万元） | 占比（%）" closed by "合计 | 659.88 | 100.00": a column of shares (a
    /// `share` header) whose total row is 100 gives each row's figure of another column over the
    /// total row's, × 100. The column it is of is the one every row with both figures fits but one
    /// (two rows at least fit): that row's share is the slip.
    static func shareColumns(_ rule: Rule, _ table: Table, _ context: inout CheckContext) {
        let layouts = context.lexicon.tables
        for segment in table.headerSegments.indices {
            let rows = table.rows.indices.filter { table.rows[$0].kind == .data && table.rows[$0].segment == segment }
            guard rows.count >= 4 else { continue }
            // (a few share columns at most: a table of hundreds of columns stays linear in its rows)
            let columns = (0..<table.columnCount).filter { layouts.header(table.header(row: table.rows[rows[0]], column: $0), is: .share) }
            guard !columns.isEmpty else { continue }
            let labels = context.tableLabels()[table.index]
            let names = rows.map { labels[$0] }
            for s in columns.prefix(maxRatioColumns) {
                // the total row: named as one, its share 100
                guard let k = names.indices.last(where: { k in
                    guard isTotalName(names[k], context), let f = fact(context, table, rows[k], s) else { return false }
                    return context.interval(f).overlaps(Interval(exactly: 100))
                }) else { continue }
                let total = rows[k]
                for a in 0..<table.columnCount where a != s {
                    guard let whole = fact(context, table, total, a), whole.kind != .percent, !context.interval(whole).contains(zero: ()) else { continue }
                    var fitting = 0, misfits = [(row: Int, share: Fact, part: Fact)]()
                    for (j, r) in rows.enumerated() where j != k {
                        guard let share = fact(context, table, r, s), let part = fact(context, table, r, a), part.kind == whole.kind,
                              !share.number.inRange, share.number.comparator == nil else { continue }
                        if context.ratio(part, whole, fits: context.statedRate(share)) { fitting += 1 } else { misfits.append((r, share, part)) }
                    }
                    guard fitting >= 2 else { continue }
                    if misfits.count == 1, let slip = misfits.first {
                        let computed = context.value(slip.part, inUnitOf: whole) / whole.value * 100
                        let evidence = rule.evidence(.tableShareColumn, [
                            .computation: "\(slip.part.literal) ÷ \(whole.literal) × 100",
                            .computed: Show.number(computed, scale: max(2, slip.share.number.decimals)) + "%",
                            .stated: slip.share.literal + (slip.share.kind == .percent ? "%" : ""),
                            .header: table.header(row: table.rows[slip.row], column: s)])
                        context.report(rule, main: slip.share, others: [slip.part, whole], evidence: evidence,
                                       slots: [.row: labels[slip.row]])
                    }
                    // (the column the shares are of found: no other is tried)
                    if misfits.count <= 1 { break }
                }
            }
        }
    }

    /// "送审金额 | 审定金额 | 审减额": a column of amounts that is one column less (or plus) another in
    /// every row of the table but one, as `columnRatios` reads rates.
    static func columnDifferences(_ rule: Rule, _ table: Table, _ context: inout CheckContext) {
        columnRelations(rule, table, rates: false, &context)
    }

    /// How a column is reckoned from two others of its row, learnt from the table's rows.
    /// `product(k)`: a × b × 10^k ("补偿面积（亩） | 补偿标准（元/亩） | 补偿资金（万元）": k = −4).
    /// `decline`: (1 − a ÷ b) × 100, what b lost to a ("供水量 | 售水量 | 产销差率": (供 − 售) ÷ 供).
    enum ColumnRelation: Equatable { case ratio, growth, decline, difference, sum, product(Int) }

    /// A figure of a table cell as `columnRelations` reads it: its interval as shown, and the same in
    /// floating point, widened, to rule out most relations without exact arithmetic.
    struct RelationCell {
        /// 0 no figure, 1 a bare number, 2 a percentage, else one code per unit (same code, same unit)
        let kind: Int
        let zero: Bool
        let shown: Interval
        let lo: Double, hi: Double

        static let empty = RelationCell(kind: 0, zero: false, shown: Interval(exactly: 0))

        init(kind: Int, zero: Bool, shown: Interval) {
            self.kind = kind
            self.zero = zero
            self.shown = shown
            let a = Decimals.approximateDouble(shown.lo), b = Decimals.approximateDouble(shown.hi)
            let slack = 1e-9 * max(1, abs(a), abs(b))
            lo = a - slack
            hi = b + slack
        }

    }

    /// The relation's value range in floating point, widened (nil: a divisor that may be zero).
    static func approximately(_ kind: ColumnRelation, _ a: RelationCell, _ b: RelationCell) -> (lo: Double, hi: Double)? {
        switch kind {
        case .difference: return (a.lo - b.hi, a.hi - b.lo)
        case .sum: return (a.lo + b.lo, a.hi + b.hi)
        case .product(let k):
            let f = pow(10.0, Double(k))
            let q1 = a.lo * b.lo, q2 = a.lo * b.hi, q3 = a.hi * b.lo, q4 = a.hi * b.hi
            let lo = min(min(q1, q2), min(q3, q4)) * f, hi = max(max(q1, q2), max(q3, q4)) * f
            let slack = 1e-9 * max(1, abs(lo), abs(hi))
            return (lo - slack, hi + slack)
        case .ratio, .growth, .decline:
            guard b.lo > 0 || b.hi < 0 else { return nil }
            let q1 = a.lo / b.lo, q2 = a.lo / b.hi, q3 = a.hi / b.lo, q4 = a.hi / b.hi
            let qlo = min(min(q1, q2), min(q3, q4)), qhi = max(max(q1, q2), max(q3, q4))
            let (lo, hi) = kind == .decline ? ((1 - qhi) * 100, (1 - qlo) * 100) : ((qlo + (kind == .growth ? -1.0 : 0)) * 100, (qhi + (kind == .growth ? -1.0 : 0)) * 100)
            let slack = 1e-9 * max(1, abs(lo), abs(hi))
            return (lo - slack, hi + slack)
        }
    }

    static func columnRelations(_ rule: Rule, _ table: Table, rates: Bool, _ context: inout CheckContext) {
        for segment in table.headerSegments.indices {
            let rows = table.rows.indices.filter { table.rows[$0].kind == .data && table.rows[$0].segment == segment }
            guard rows.count >= 3 else { continue }
            // the figures of each row by column (a plain figure: no range, no comparator)
            func figure(_ r: Int, _ c: Int) -> Fact? {
                guard let id = context.facts.tableFacts[table.index][r][c] else { return nil }
                let f = context.fact(id)
                return f.number.inRange || f.number.comparator != nil || f.number.approximate ? nil : f
            }
            var percentColumns = Set<Int>(), amountColumns = Set<Int>()
            for r in rows {
                for (c, id) in context.facts.tableFacts[table.index][r] {
                    let f = context.fact(id)
                    if f.kind == .percent { percentColumns.insert(c) } else if f.kind != .percentagePoint && f.kind != .multiple { amountColumns.insert(c) }
                }
            }
            let amounts = amountColumns.subtracting(percentColumns).sorted()
            guard amounts.count >= (rates ? 2 : 3), amounts.count <= maxRatioColumns else { continue }
            // (of three columns that fail together, the rightmost is told: derived columns stand right)
            // ("补助比例 | 核定补助": a rate set by policy is given, not reckoned: an amount capped below it is no slip)
            let policyRates = context.vocabulary[.policyRateHeaders]
            let targets = rates
                ? percentColumns.sorted().filter { c in !rows.contains { policyRates.occurs(in: table.header(row: table.rows[$0], column: c)) } }
                : amounts.reversed()
            // (not a score sheet's: 1 − 扣分 ÷ 分值 is its completion rate wherever the score is the weight times it)
            let isSheet = context.scoreSheets()[table.index] != nil
            let kinds: [ColumnRelation] = rates ? (isSheet ? [.ratio, .growth] : [.ratio, .growth, .decline]) : [.difference, .sum, .product(0), .product(-4), .product(4)]
            // figures as shown (a column of bare numbers beside one in the table's unit is in that unit),
            // each made once: the relations below read every cell many times
            // (one flat array, row by row; a kind code per unit: bare and percentage fixed, others as met)
            let width = table.columnCount
            var cells = [RelationCell](repeating: .empty, count: rows.count * width)
            var codes = [String: Int]()
            for (i, r) in rows.enumerated() {
                for (c, id) in context.facts.tableFacts[table.index][r] where c < width {
                    let f = context.fact(id)
                    guard !f.number.inRange, f.number.comparator == nil, !f.number.approximate else { continue }
                    let code: Int
                    switch f.kind {
                    case .bare: code = 1
                    case .percent: code = 2
                    case .score: code = 3
                    case .money(let u): code = 100 + (u.isDollar ? 50 : 0) + u.exponent
                    default:
                        // (counts in their measure words without 万 or 亿 from 300 on: see `usualUnit`)
                        let plain = f.kind.measureWord != nil && f.number.multiplier == 0
                        let name = plain ? f.kind.description : f.kind.description + "×\(f.number.multiplier)"
                        let base = plain ? 300 : 200
                        if let known = codes[name] { code = known } else { code = base + codes.count; codes[name] = code }
                    }
                    cells[i * width + c] = RelationCell(kind: code, zero: f.value == 0, shown: Interval(shown: f.value, decimals: f.number.decimals))
                }
            }
            // each column's usual unit: a product read in a row whose factor is in another ("5万元/个" among
            // "800元/人") is reckoned in that row's units, not the column's: the row is passed over
            var usualUnit = [Int](repeating: 0, count: width)
            for c in 0..<width {
                var counts = [Int: Int]()
                for i in rows.indices where cells[i * width + c].kind >= 100 { counts[plainCount(cells[i * width + c].kind), default: 0] += 1 }
                usualUnit[c] = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
            }
            // (counts in measure words each row's own — "38,624.5吨", "4,560人月", "1,236个" — are of one
            // unit for a product; "318.40万吨" is of another)
            @inline(__always) func plainCount(_ kind: Int) -> Int { kind >= 300 ? 300 : kind }
            @inline(__always) func inUsualUnit(_ cell: RelationCell, column c: Int) -> Bool { cell.kind < 100 || plainCount(cell.kind) == usualUnit[c] }
            // (a bare number goes with any unit; two units only when they are the same)
            @inline(__always) func comparable(_ x: Int, _ y: Int) -> Bool { x == y || x == 1 || y == 1 }
            func apply(_ kind: ColumnRelation, _ a: Interval, _ b: Interval) -> Interval? {
                switch kind {
                case .ratio: return (a / b).map { $0 * Interval(exactly: 100) }
                case .growth: return (a / b).map { ($0 - Interval(exactly: 1)) * Interval(exactly: 100) }
                case .decline: return (a / b).map { (Interval(exactly: 1) - $0) * Interval(exactly: 100) }
                case .difference: return a - b
                case .sum: return a + b
                case .product(let k): return a * b * Interval(exactly: Decimals.pow10(k))
                }
            }
            // ("合计 | 基本支出 | 项目支出": a total column's sum is the row-totals check's; a slip in one
            // row fails the relation in all three cells: it is told once)
            let totalLabels = context.vocabulary[.tableTotalLabels]
            let headers = table.headerSegments[segment]
            let totalColumns = Set(headers.indices.filter { CellText.isTotalLabel(CellText.compact(headers[$0]), totalLabels: totalLabels) })
            var told = Set<[Int]>()
            for t in targets where rates || !totalColumns.contains(t) {
                typealias Relation = (a: Int, b: Int, kind: ColumnRelation)
                // each relation that holds in all rows but one at most: the rows it was read in are those
                // with all three figures; it fails in `fail` (-1: none)
                var held = [(relation: Relation, fail: Int)]()
                // whether the relation can be read in row i, and holds there
                func evaluate(_ kind: ColumnRelation, _ a: Int, _ b: Int, row i: Int) -> Bool? {
                    let ct = cells[i * width + t], ca = cells[i * width + a], cb = cells[i * width + b]
                    // (a product's factors are of other units than it: 亩 × 元/亩 is money)
                    let isProduct: Bool
                    if case .product = kind { isProduct = true } else { isProduct = false }
                    guard ct.kind != 0, ca.kind != 0, cb.kind != 0, ca.kind != 2, cb.kind != 2 else { return nil }
                    if isProduct {
                        guard ct.kind == 1 || ct.kind >= 100, !ca.zero, !cb.zero,
                              inUsualUnit(ct, column: t), inUsualUnit(ca, column: a), inUsualUnit(cb, column: b) else { return nil }
                    } else {
                        guard rates ? ct.kind == 2 : comparable(ct.kind, ca.kind), comparable(ca.kind, cb.kind) else { return nil }
                    }
                    // (a zero on both sides says nothing of how the column is reckoned; nor does nothing lost,
                    // "扣分 0 | 分值 10", a decline of 0 whatever the other figure)
                    if !rates && ca.zero && cb.zero { return nil }
                    if kind == .decline && ca.zero { return nil }
                    // told in floating point first where it is clear (most pairs of columns fail at once);
                    // the exact intervals decide the rest
                    if let approximate = approximately(kind, ca, cb), !(approximate.lo <= ct.hi && ct.lo <= approximate.hi) { return false }
                    guard let computed = apply(kind, ca.shown, cb.shown) else { return nil }
                    return computed.overlaps(ct.shown)
                }
                for a in amounts where a != t && (rates || !totalColumns.contains(a)) {
                    for b in amounts where b != a && b != t && (rates || !totalColumns.contains(b)) {
                        for kind in kinds {
                            // (a + b is b + a: one order only)
                            if b < a, kind == .sum || kind == .product(0) || kind == .product(-4) || kind == .product(4) { continue }
                            var holds = 0, fails = 0, fail = -1, telling = 0
                            for i in rows.indices {
                                guard let fits = evaluate(kind, a, b, row: i) else { continue }
                                // (a row whose two figures are one number shows a ratio of 100% or no growth,
                                // whatever the columns are: "100% | 100% | 4 | 4" alone says nothing of 分值 ÷ 得分)
                                if fits, !((kind == .ratio || kind == .growth || kind == .decline) && cells[i * width + a].shown == cells[i * width + b].shown) { telling += 1 }
                                if fits { holds += 1 } else { fails += 1; fail = i }
                                // (two rows off: not how the table reckons; most pairs of columns stop here)
                                if fails > 1 { break }
                            }
                            // (a relation holding in every row is what the table does: no row fits nothing then)
                            if telling >= 1, (holds >= 2 && fails == 1) || (fails == 0 && holds >= 3) { held.append(((a, b, kind), fails == 1 ? fail : -1)) }
                        }
                    }
                }
                guard !held.isEmpty else { continue }
                // a row is a slip when it fits none of the relations the others share
                let candidates = Set(held.map(\.fail).filter { $0 >= 0 })
                // (a score sheet's row aiming at a rate short of 100%, "≥40% | 38.6% | 10 | 9.65", is scored against
                // that target, not by its completion rate alone)
                let targetColumns = isSheet && rates ? (0..<width).filter { context.lexicon.tables.header(table.header(row: table.rows[rows[0]], column: $0), is: .target) } : []
                for i in candidates.sorted() {
                    let r = rows[i]
                    if targetColumns.contains(where: { c in
                        guard let id = context.facts.tableFacts[table.index][r][c] else { return false }
                        let f = context.fact(id)
                        return f.kind == .percent && f.value != 100
                    }) { continue }
                    guard held.allSatisfy({ $0.fail == i || evaluate($0.relation.kind, $0.relation.a, $0.relation.b, row: i) != true }),
                          let first = held.first(where: { $0.fail == i }),
                          // (a row scored in full, "≥90% | 94.35% | 10 | 10", shows no ratio of its score to its weight:
                          // a rate up to 100% there is the target met, not a ratio)
                          !((first.relation.kind == .ratio || first.relation.kind == .growth || first.relation.kind == .decline)
                            && cells[i * width + first.relation.a].shown == cells[i * width + first.relation.b].shown
                            && Decimals.lessOrEqual(cells[i * width + t].shown.lo, 100)),
                          let ft = figure(r, t), let fa = figure(r, first.relation.a), let fb = figure(r, first.relation.b),
                          told.insert([r] + [t, first.relation.a, first.relation.b].sorted()).inserted else { continue }
                    let va = context.value(fa, inUnitOf: ft), vb = context.value(fb, inUnitOf: ft)
                    let computed: Decimal, computation: String
                    switch first.relation.kind {
                    case .ratio:
                        computed = (vb == 0 ? 0 : va / vb) * 100
                        computation = "\(fa.literal) ÷ \(fb.literal) × 100"
                    case .growth:
                        computed = (vb == 0 ? 0 : va / vb - 1) * 100
                        computation = "(\(fa.literal) ÷ \(fb.literal) − 1) × 100"
                    case .decline:
                        computed = (vb == 0 ? 0 : 1 - va / vb) * 100
                        computation = "(1 − \(fa.literal) ÷ \(fb.literal)) × 100"
                    case .difference:
                        computed = va - vb
                        computation = "\(fa.literal) − \(fb.literal)"
                    case .sum:
                        computed = va + vb
                        computation = "\(fa.literal) + \(fb.literal)"
                    case .product(let k):
                        // (the factors as written: their units make the product's)
                        computed = fa.value * fb.value * Decimals.pow10(k)
                        computation = "\(fa.literal) × \(fb.literal)" + (k == 0 ? "" : k < 0 ? " ÷ \(Show.number(Decimals.pow10(-k), scale: 0))" : " × \(Show.number(Decimals.pow10(k), scale: 0))")
                    }
                    let header = table.header(row: table.rows[r], column: t)
                    let shown = rates ? Show.number(computed, scale: max(2, ft.number.decimals)) + "%" : Show.number(computed, scale: Show.scale([ft, fa, fb]))
                    let evidence = rule.evidence(.tableColumnRatio, [.computation: computation, .computed: shown,
                                                                      .stated: ft.literal + (rates ? "%" : ""), .header: header])
                    context.report(rule, main: ft, others: [fa, fb], evidence: evidence, slots: [.row: context.tableLabels()[table.index][r]])
                }
            }
        }
    }

    /// "项目 | 合计 | 基本支出 | 项目支出": a column headed as a total (`total_headers`) and the money
    /// columns after it, up to another total or a column of rates or comparisons (`not_part_headers`),
    /// are its parts: each row's total is their sum. Parts headed 其中 are a partial list: they may
    /// fall short, not exceed. An empty cell in its place is nothing; a row short of cells is not read.
    /// (Any table: one without total rows has no `Layout`.)
    /// "合计（辆）" → "合计": a header's name without the unit or note bracketed at its end.
    static func withoutBracketedTail(_ header: String) -> String {
        guard let last = header.unicodeScalars.last, last == "）" || last == ")",
              let open = header.unicodeScalars.lastIndex(where: { $0 == "（" || $0 == "(" }), open > header.unicodeScalars.startIndex else { return header }
        return String(header.unicodeScalars[..<open])
    }

    static func rowTotals(_ rule: Rule, _ table: Table, _ context: inout CheckContext) {
        let totalHeaders = rule[.totalHeaders], notParts = rule[.notPartHeaders], partial = context.vocabulary[.listOpenersOf]
        var labels: [String]?
        for segment in table.headerSegments.indices {
            let headers = table.headerSegments[segment].map { CellText.compact($0) }
            func header(_ c: Int) -> String { c < headers.count ? headers[c] : "" }
            // which headers name a total, told once per segment (not in the loops over columns below)
            let totalAt = headers.map { totalHeaders.isSuffix(of: withoutBracketedTail($0)) }
            func isTotal(_ c: Int) -> Bool { c < totalAt.count && totalAt[c] }
            let rows = table.rows.indices.filter { table.rows[$0].kind == .data && table.rows[$0].segment == segment }
            if !totalAt.contains(true) {
                learnedRowTotals(rule, table, segment: segment, rows: rows, headers: headers, &context)
                continue
            }
            for total in headers.indices where totalAt[total] {
                var parts = [Int]()
                var c = total + 1
                var stoppedByName: Int?
                // "决算数/合计 | 决算数/公务接待费 …": under a group title, the parts are the group's columns, and
                // the title (决算数) says nothing against them
                let group = headers[total].lastIndex(of: "/").map { String(headers[total][...$0]) } ?? ""
                while c < table.columnCount {
                    var h = header(c)
                    if !group.isEmpty {
                        guard h.hasPrefix(group) else { break }
                        h = String(h.dropFirst(group.count))
                    }
                    if h.isEmpty || (group.isEmpty ? isTotal(c) : totalHeaders.isSuffix(of: withoutBracketedTail(h))) { break }
                    if notParts.occurs(in: h) { stoppedByName = c; break }
                    parts.append(c)
                    c += 1
                }
                // (the total column's header names no money: its numbers may be bare)
                func number(_ r: Int, _ c: Int) -> Fact? {
                    guard let id = context.facts.tableFacts[table.index][r][c] else { return nil }
                    let f = context.fact(id)
                    return f.kind.isMoney || f.kind == .bare ? f : nil
                }
                let tableUnit = table.unit.flatMap { MoneyUnit(rawValue: $0) }
                // "国家级公益林 | 省级公益林 | 小计 | 兑付户数 | 兑付金额": a total of the columns before it,
                // as the table's rows show, is not one of those after it
                var before = [Int]()
                c = total - 1
                while c >= 0, !header(c).isEmpty, !isTotal(c), !notParts.occurs(in: header(c)),
                      rows.contains(where: { number($0, c) != nil }) {
                    before.insert(c, at: 0)
                    c -= 1
                }
                // each row's total and parts, and whether they add up (nil: the row is not read)
                // (`plain`: bare numbers are read as they stand, whatever their headers name)
                func row(_ r: Int, _ parts: [Int], partialList: Bool, plain: Bool = false) -> (whole: Fact, figures: [Fact], holds: Bool)? {
                    guard let whole = number(r, total) else { return nil }
                    // a part's cell left empty in its place is nothing; a row short of cells (an export that
                    // dropped its blanks no longer lines up) is not read
                    var figures = [Fact]()
                    for c in parts {
                        if let f = number(r, c) { figures.append(f); continue }
                        guard let cell = table.rows[r].cells.first(where: { $0.column == c }), cell.isEmpty else { return nil }
                    }
                    // amounts of one unit: money figures, and bare numbers read in the table's unit (or
                    // the money figures' beside them)
                    // (all bare, in a table naming no unit: amounts when the parts' headers name money)
                    let units = Set(([whole] + figures).compactMap { $0.kind.moneyUnit })
                    guard !figures.isEmpty, units.count <= 1 else { return nil }
                    let unit = units.first ?? tableUnit
                    if unit == nil && !plain && !parts.allSatisfy({ context.lexicon.tables.header(header($0), is: .money) }) { return nil }
                    func amount(_ f: Fact) -> Interval {
                        guard !f.kind.isMoney, let unit else { return context.interval(f) }
                        return context.interval(f) * Interval(exactly: Decimals.pow10(unit.exponent))
                    }
                    let sum = figures.reduce(Interval(exactly: 0)) { $0 + amount($1) }
                    let wholeIv = amount(whole)
                    return (whole, figures, sum.overlaps(wholeIv) || (partialList && Decimals.lessOrEqual(sum.lo, wholeIv.hi)))
                }
                // (parts the rows show adding up are read as they stand)
                var learned = false
                if before.count >= 2 {
                    let backward = rows.filter { row($0, before, partialList: false, plain: true)?.holds == true }.count
                    let forward = parts.count >= 2 ? rows.filter { row($0, parts, partialList: false, plain: true)?.holds == true }.count : 0
                    if backward >= 2 && backward > forward { parts = before; learned = true }
                }
                // ("收入合计 | 一般公共预算拨款 | 政府性基金预算拨款 | 上年结转": a column whose name says it is
                // none, which the rows show adding up with the others, is a part all the same)
                if !learned, parts.count >= 1, let extra = stoppedByName, !partial.isPrefix(of: header(parts[0])) {
                    let extended = parts + [extra]
                    let with = rows.filter { row($0, extended, partialList: false)?.holds == true }.count
                    let without = rows.filter { row($0, parts, partialList: false)?.holds == true }.count
                    if with >= 2 && with > without { parts = extended }
                }
                guard parts.count >= 2 else { continue }
                let partialList = partial.isPrefix(of: header(parts[0]))
                for r in rows {
                    guard let (whole, figures, holds) = row(r, parts, partialList: partialList, plain: learned), !holds else { continue }
                    if labels == nil { labels = context.tableLabels()[table.index] }
                    var slots = PartsCheck.sumSlots(whole, figures, context)
                    slots[.header] = headers[total]
                    let row = labels![r].isEmpty ? context.displayLabel(whole) : labels![r]
                    context.report(rule, main: whole, others: figures, evidence: rule.evidence(.tableSumInColumn, slots),
                                   message: learned ? .tableRowTotalBefore : row.isEmpty ? .tableUnnamedRowTotal : nil, slots: [.row: row, .header: headers[total]])
                }
            }
        }
    }

    /// "乡镇 | 改造户数 | 拆除重建 | 维修加固 | 抗震改造 | 已竣工": a column no title names a total that, in every
    /// row of its segment but one (three at least, four rows read), is the sum of the columns right after it
    /// (figures of its own kind) is their total.
    static func learnedRowTotals(_ rule: Rule, _ table: Table, segment: Int, rows: [Int], headers: [String], _ context: inout CheckContext) {
        guard rows.count >= 4 else { return }
        func value(_ r: Int, _ c: Int) -> Fact? {
            guard let id = context.facts.tableFacts[table.index][r][c] else { return nil }
            let f = context.fact(id)
            guard f.kind != .percent, f.kind != .percentagePoint, !f.number.inRange, f.number.comparator == nil, !f.isTarget else { return nil }
            return f
        }
        func header(_ c: Int) -> String { c < headers.count ? headers[c] : "" }
        // a total of a few columns at most: each row's sum is extended one column at a time
        let widest = 8
        var total = 0
        while total + 2 < table.columnCount {
            let lasts = (total + 2)..<min(table.columnCount, total + 1 + widest)
            var holding = [Int](repeating: 0, count: lasts.count), read = holding
            var failing = [[(Fact, [Fact])]](repeating: [], count: lasts.count)
            for r in rows {
                guard let whole = value(r, total) else { continue }
                var sum = Interval(exactly: 0), figures = [Fact]()
                for c in (total + 1)..<lasts.upperBound {
                    guard let f = value(r, c), f.kind == whole.kind else { break }
                    sum = sum + context.interval(f)
                    figures.append(f)
                    guard c >= lasts.lowerBound else { continue }
                    let k = c - lasts.lowerBound
                    read[k] += 1
                    if sum.overlaps(context.interval(whole)) { holding[k] += 1 } else { failing[k].append((whole, figures)) }
                }
            }
            var best: Int?
            for k in lasts.indices.map({ $0 - lasts.lowerBound }) where holding[k] >= 3 && failing[k].count <= 1 && read[k] >= 4 {
                if best == nil || holding[k] > holding[best!] { best = k }
            }
            guard let found = best else { total += 1; continue }
            for (whole, figures) in failing[found] {
                guard case .cell(_, let r, _) = whole.place else { continue }
                let labels = context.tableLabels()[table.index]
                var slots = PartsCheck.sumSlots(whole, figures, context)
                slots[.header] = header(total)
                let row = labels[r].isEmpty ? context.displayLabel(whole) : labels[r]
                context.report(rule, main: whole, others: figures, evidence: rule.evidence(.tableSumInColumn, slots),
                               message: .tableRowTotalAfter, slots: [.row: row, .header: header(total)])
            }
            total = lasts.lowerBound + found + 1
        }
    }

    static func report(_ rule: Rule, _ layout: Layout, total r: Int, members: [Int], details: [Int]? = nil, carried: [Int] = [],
                       _ context: inout CheckContext) {
        let table = layout.table
        let text = layout.labels[r]
        for c in layout.columns {
            guard let total = fact(context, table, r, c) else { continue }
            // "合计 | — | — | 8,654,821.52": a dash in the total row says the column is not totalled
            if total.value == 0, let cell = table.rows[r].cells.first(where: { $0.column == c }),
               !cell.string.unicodeScalars.contains(where: { CharClass.isDigit($0) }) { continue }
            let parts = members.compactMap { fact(context, table, $0, c) }
            // every member must state this column (a blank is not a zero)
            guard parts.count == members.count, parts.count >= 1 else { continue }
            if parts.count == 1 && parts[0].value == total.value { continue }
            let sum = parts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
            if sum.overlaps(context.interval(total)) { continue }
            // "脱贫人口占比 60.56 | 66.67 | …" over a total of 66.47: percentages adding up to far more than a
            // whole are each row's own ratio, not its share of the total
            // (a share column's total row is the whole, 100: one that is less, under parts adding up to more, is no share)
            if total.kind == .percent || total.kind == .bare, Decimals.less(total.value, 99), Decimals.less(100.5, sum.lo),
               context.lexicon.tables.header(table.header(row: table.rows[r], column: c), is: .share) { continue }
            if let details, !details.isEmpty {
                let detailParts = details.compactMap { fact(context, table, $0, c) }
                if detailParts.count == details.count,
                   detailParts.reduce(Interval(exactly: 0), { $0 + context.interval($1) }).overlaps(context.interval(total)) { continue }
            }
            let nested = nestedSum(parts.map { context.interval($0) })
            if nested?.overlaps(context.interval(total)) == true { continue }
            // "…其他国有资本经营预算支出 88.60 / 调出资金 326.40 / 本年支出合计 705.00": the rows but the last
            // make the total exactly, and the last is named as a figure beside a total (`beside_total_words`:
            // a transfer, a carry-over), none of its parts
            if parts.count >= 3, rule[.besideTotalWords].occurs(in: parts[parts.count - 1].label),
               parts.dropLast().reduce(Interval(exactly: 0), { $0 + context.interval($1) }).overlaps(context.interval(total)) { continue }
            // "支出合计 | 1355.81 | 588.23" over rows "燃料费 | 177.80 | |": the rows add up to the total of
            // another column of the row: their figures lost the blank cells before them in the export
            if table.rows[r].cells.map(\.column).contains(where: { other in
                other != c && fact(context, table, r, other).map { sum.overlaps(context.interval($0)) } == true
                    && members.allSatisfy { fact(context, table, $0, other) == nil } }) { continue }
            var shown = parts
            if !carried.isEmpty {
                let earlier = carried.compactMap { fact(context, table, $0, c) }
                if earlier.count == carried.count {
                    let withEarlier = earlier.reduce(nested ?? sum) { $0 + context.interval($1) }
                    if withEarlier.overlaps(context.interval(total)) { continue }
                    // "本年支出合计 / 年末结转和结余 / 总计": the evidence shows the sum nearer the total
                    let stated = context.interval(total).midpoint
                    if abs(withEarlier.midpoint - stated) < abs(sum.midpoint - stated) { shown = earlier + parts }
                }
            }
            let header = table.header(row: table.rows[r], column: c)
            var slots = PartsCheck.sumSlots(total, shown, context)
            slots[.header] = header
            // (a table of two halves side by side: the half's own name for its total, "本年支出合计")
            let name = total.label.split(separator: "／", maxSplits: 1).first.map(String.init) ?? text
            context.report(rule, main: total, others: shown, evidence: rule.evidence(header.isEmpty ? .tableSum : .tableSumInColumn, slots),
                           slots: [.row: name.isEmpty ? text : name])
        }
    }

    /// "一、税收收入 401 / 增值税 266 / … / 车船税 76 / 本年收入合计 401": rows that are subtotals of
    /// the rows right after them (their sum, over two rows at least), with nothing to mark them but
    /// their values. The members' sum counting each such subtotal and not its rows; nil when there
    /// is none.
    static let maxSubtotalRows = 40

    static func nestedSum(_ parts: [Interval]) -> Interval? {
        var sum = Interval(exactly: 0)
        var i = 0, nested = false
        // ("一、基本支出 10.21 / 人员经费 12.36 / 公用经费 -2.15": with a negative row a run may pass its
        // subtotal and come back)
        let signed = parts.contains { $0.lo < 0 }
        while i < parts.count {
            var run = Interval(exactly: 0), end: Int?
            // (a subtotal closes a few dozen rows at most: the scan is bounded, a long table stays linear)
            for j in (i + 1)..<max(i + 1, min(parts.count, i + 1 + maxSubtotalRows)) {
                run = run + parts[j]
                if j >= i + 2 && run.overlaps(parts[i]) { end = j; break }
                if !signed && run.lo > parts[i].hi { break }
            }
            sum = sum + parts[i]
            if let end { nested = true; i = end + 1 } else { i += 1 }
        }
        return nested ? sum : nil
    }

    /// "合计 | … / 基本支出 | … / 其中：人员经费 | … / 项目支出 | …": a 合计 (总计) stated first, over
    /// the top-level rows below it. Only where the layout is plain: the segment's only total row,
    /// its first row, at least two top-level rows, and no unmarked row whose place is in doubt (right
    /// after a 其中 list that did not close, and small enough to belong to it).
    static func topTotal(_ layout: Layout, _ context: CheckContext) -> (total: Int, members: [Int])? {
        let table = layout.table
        guard let first = layout.rows.first, layout.totals == [first] else { return nil }
        let text = layout.labels[first]
        guard CellText.isTotalLabel(text, totalLabels: context.vocabulary[.tableTotalLabels]), !isSubtotal(text, context) else { return nil }
        let rest = Array(layout.rows.dropFirst())
        var members = rest.filter { layout.parent[$0] == nil }
        // "总计 / 一、本级收入 / 税收 / 非税 / 二、转移性收入": where the first row under the total is
        // numbered, the unnumbered rows after a numbered one are its breakdown, not the total's parts
        if let first = members.first, let style = enumeratorStyle(layout.labels[first]),
           members.contains(where: { enumeratorStyle(layout.labels[$0]) == nil }) {
            members = members.filter { enumeratorStyle(layout.labels[$0]) == style }
        }
        guard members.count >= 2 else { return nil }
        let key = layout.columns[0]
        for (i, r) in rest.enumerated() where i > 0 && layout.parent[r] == nil {
            let previous = rest[i - 1]
            guard let p = layout.parent[previous], layout.childMark[previous] == .listed else { continue }
            // an open 其中 list: the row may still be one of its items
            guard let v = fact(context, table, r, key), let whole = fact(context, table, p, key) else { return nil }
            if context.interval(v).lo <= context.interval(whole).hi { return nil }
        }
        // a proper prefix adding up to the total: a second breakdown of it follows
        for c in layout.columns {
            guard let total = fact(context, table, first, c) else { continue }
            var sum = Interval(exactly: 0)
            for r in members.dropLast() {
                guard let f = fact(context, table, r, c) else { break }
                sum = sum + context.interval(f)
                if sum.overlaps(context.interval(total)) { return nil }
            }
        }
        return (first, members)
    }

    /// A cell that may be a classification code: three to twelve digits, nothing else.
    /// "208 社会保障和就业支出（类）", "2080505机关事业单位基本养老保险缴费支出": a classification code
    /// written in the name's cell, before the name: three, five or seven digits (类, 款, 项), then
    /// an ideograph, maybe after spaces.
    static func leadingCode(_ text: String) -> [UInt8]? {
        var digits = [UInt8]()
        for c in text.unicodeScalars {
            if c.value >= 0x30 && c.value <= 0x39 {
                digits.append(UInt8(c.value))
                if digits.count > 7 { return nil }
                continue
            }
            if CharClass.isWhitespace(c) && !digits.isEmpty { continue }
            return digits.count % 2 == 1 && digits.count >= 3 && CharClass.isHan(c) ? digits : nil
        }
        return nil
    }

    static func isCode(_ cell: TableCell) -> Bool {
        let code = CellText.compact(cell.string).utf8
        return code.count >= 3 && code.count <= 12 && code.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The other rows with coded parts add up to them, in every money column where all state a
    /// figure: at least one such row, and none that does not.
    static func codedPartsComplete(_ layout: Layout, besides p: Int, _ context: CheckContext) -> Bool {
        let table = layout.table
        var parents = [Int: [Int]]()
        for r in layout.rows where layout.childMark[r] == .coded { if let q = layout.parent[r], q != p { parents[q, default: []].append(r) } }
        var held = 0
        for (q, kids) in parents {
            for c in layout.columns {
                guard let whole = fact(context, table, q, c) else { continue }
                let parts = kids.compactMap { fact(context, table, $0, c) }
                guard parts.count == kids.count else { continue }
                let sum = parts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
                if !sum.overlaps(context.interval(whole)) { return false }
                held += 1
            }
        }
        return held > 0
    }

    /// Row `row` makes `parts` add up to `parent` in a money column other than `besides` where they
    /// do not without it.
    static func completesOtherColumn(_ row: Int, _ parts: [Int], parent p: Int, besides: Int, columns: [Int], _ table: Table, _ context: CheckContext) -> Bool {
        for c in columns where c != besides {
            guard let whole = fact(context, table, p, c), whole.value != 0, let extra = fact(context, table, row, c), extra.value != 0 else { continue }
            let values = parts.compactMap { fact(context, table, $0, c) }
            guard values.count == parts.count else { continue }
            let sum = values.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
            if !sum.overlaps(context.interval(whole)) && (sum + context.interval(extra)).overlaps(context.interval(whole)) { return true }
        }
        return false
    }

    static func children(_ rule: Rule, _ layout: Layout, _ context: inout CheckContext) {
        let table = layout.table
        let parents = Set(layout.parent.values)
        for p in parents.sorted() {
            let kids = layout.rows.filter { layout.parent[$0] == p }
            let marks = Set(kids.compactMap { layout.childMark[$0] })
            // (a code's rows list all its parts when the table's other coded rows add up to theirs)
            let exhaustive = (marks == [.bracketed] && kids.count >= 2) || marks.contains(.follows) || layout.emptyParts[p] != nil
                || (marks == [.coded] && codedPartsComplete(layout, besides: p, context))
            // one row, one finding: the columns that fail together are one slip of the row
            var failures = [(whole: Fact, parts: [Fact])]()
            for c in layout.columns {
                guard let whole = fact(context, table, p, c) else { continue }
                let parts = kids.compactMap { fact(context, table, $0, c) }
                guard parts.count == kids.count, !parts.isEmpty else { continue }
                let sum = parts.reduce(Interval(exactly: 0)) { $0 + context.interval($1) }
                let w = context.interval(whole)
                var failing = exhaustive ? !sum.overlaps(w) : sum.lo > w.hi
                // the whole is its one non-zero part: the same figure, shown at the same digits, reads alike
                let nonzero = parts.filter { $0.value != 0 }
                if exhaustive, nonzero.count == 1, let part = nonzero.first, part.kind == whole.kind, part.number.decimals == whole.number.decimals {
                    failing = part.value != whole.value
                }
                guard failing else { continue }
                failures.append((whole, parts))
            }
            guard let first = failures.first else { continue }
            let evidence = failures.map { rule.evidence(.tableSum, PartsCheck.sumSlots($0.whole, $0.parts, context)) }.joined(separator: "；")
            let others = first.parts + failures.dropFirst().flatMap { [$0.whole] + $0.parts }
            context.report(rule, main: first.whole, others: others, evidence: evidence,
                           message: exhaustive ? nil : .tableChildrenExceed, slots: [.row: layout.labels[p]])
        }
    }
}

