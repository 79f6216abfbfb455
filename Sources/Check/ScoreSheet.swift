import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// A score sheet (评分表 / 自评表) read from a table: per row its names by level, its weight (分值),
/// its score (得分), caps written into names ("产出（30）") and caption sections ("二、…（60分）").
struct ScoreSheet {
    struct Row {
        var index: Int
        var line: Int
        /// Names per level (0 = 一级), after merged-cell filling; "" when empty.
        var names: [String]
        /// Whether each level's name is written in this row (not inherited from above).
        var ownName: [Bool]
        /// Caps written in names per level ("产出（30）" → 30).
        var caps: [Decimal?]
        /// Weight facts per level (several weight columns: 一级/二级/三级 分值); the last is the item's.
        var weights: [Int: Fact]
        var score: Fact?
        /// Score facts per level, where the sheet scores more than one ("一级指标 分值 得分 二级指标 分值 得分").
        var scores: [Int: Fact] = [:]
        /// The points lost (a 扣分 column): the item's weight less them is its score.
        var deduction: Fact?
        var isTotal: Bool
        var garbled: Bool
        /// The caption section the row belongs to (index into `sections`), if any.
        var section: Int?
    }

    struct Section {
        var title: String
        var cap: Decimal
        var captionLine: Int
        var captionSpan: SourceSpan?
    }

    var table: Table
    var rows: [Row]
    var sections: [Section]
    var levels: Int
    /// No garbled rows: sums may be checked in both directions.
    var clean: Bool

    /// The weight of the row as an item: its lowest-level weight.
    func itemWeight(_ r: Row) -> Fact? {
        r.weights.keys.max().flatMap { r.weights[$0] }
    }

    /// "产出（30）", "当年预算执行情况(20分)" → 30 / 20.
    static func cap(in name: String) -> Decimal? {
        // most names end in no bracket: told before the scalars are made
        guard let end = name.unicodeScalars.last, end == "）" || end == ")" else { return nil }
        let s = ScalarString.scalars(name)
        guard let last = s.last, last == "）" || last == ")" else { return nil }
        var k = s.count - 2
        if k >= 0 && s[k] == "分" { k -= 1 }
        var digits = [Unicode.Scalar]()
        while k >= 0 && (s[k].value >= 48 && s[k].value <= 57 || s[k] == ".") { digits.insert(s[k], at: 0); k -= 1 }
        guard !digits.isEmpty, k >= 0, s[k] == "（" || s[k] == "(" else { return nil }
        return Decimals.parse(digitsAndPoints: digits)
    }

    static func build(_ table: Table, _ facts: FactSet, layouts: TableLayouts, vocabulary: Vocabulary) -> ScoreSheet? {
        func isWeightHeader(_ h: String) -> Bool { layouts.header(h, is: .weight) }
        func isScoreHeader(_ h: String) -> Bool { layouts.header(h, is: .score) }
        func isNameHeader(_ h: String) -> Bool { layouts.header(h, is: .name) }
        // a score sheet has a weight and a score column in some header segment
        let scoreSegments = table.headerSegments.indices.filter { k in
            table.headerSegments[k].contains(where: isWeightHeader) && table.headerSegments[k].contains(where: isScoreHeader)
        }
        guard !scoreSegments.isEmpty else { return nil }
        var rows = [Row]()
        var sections = [Section]()
        var currentSection: Int?
        var levels = 0
        var columnsOfSegment = [Int: Columns]()
        for (r, row) in table.rows.enumerated() {
            if row.kind == .caption {
                let text = row.cells.first { !$0.isEmpty }?.string ?? ""
                if let c = cap(in: CellText.compact(text)) {
                    sections.append(Section(title: text, cap: c, captionLine: row.line,
                                            captionSpan: capSpan(row.cells.first { !$0.isEmpty }?.text)))
                    currentSection = sections.count - 1
                }
                continue
            }
            guard row.kind == .data, scoreSegments.contains(row.segment) || row.segment < 0 else { continue }
            let headers = table.headers(for: row)
            // the columns' roles, read once per header segment rather than for every row
            if columnsOfSegment[row.segment] == nil { columnsOfSegment[row.segment] = Columns(headers, layouts) }
            let columns = columnsOfSegment[row.segment]!
            let nameColumns = columns.names
            let weightColumns = columns.weights
            guard let scoreColumn = columns.score else { continue }
            levels = max(levels, nameColumns.count)
            var names = [String](), own = [Bool](), caps = [Decimal?]()
            for c in nameColumns {
                let cell = row.cell(c)
                let text = CellText.compact(cell?.string ?? "")
                names.append(text)
                own.append(!(cell?.inherited ?? true) && !text.isEmpty)
                caps.append(cap(in: text))
            }
            var weights = [Int: Fact]()
            for c in weightColumns {
                // the level of a weight column: the name columns to its left
                let level = max(0, nameColumns.filter { $0 < c }.count - 1)
                if let id = facts.tableFacts[table.index][r][c], facts.facts[id].kind == .score { weights[level] = facts.facts[id] }
            }
            let score = facts.tableFacts[table.index][r][scoreColumn].map { facts.facts[$0] }.flatMap { $0.kind == .score ? $0 : nil }
            var scores = [Int: Fact]()
            if columns.scores.count > 1 {
                for c in columns.scores {
                    let level = max(0, nameColumns.filter { $0 < c }.count - 1)
                    if let id = facts.tableFacts[table.index][r][c], facts.facts[id].kind == .score { scores[level] = facts.facts[id] }
                }
            }
            let deduction = columns.deduction.flatMap { facts.tableFacts[table.index][r][$0] }.map { facts.facts[$0] }
                .flatMap { $0.kind == .score || $0.kind == .bare ? $0 : nil }
            // (its own first cell: "决策 | 小计 | | 15" is the 小计 of 决策, whose name a merged cell lends it)
            let first = CellText.compact((row.cells.first { !$0.isEmpty && !$0.inherited } ?? row.cells.first { !$0.isEmpty })?.string ?? "")
            // (or a name cell after the group's name written out again: "决策 | 小计 | 15 | 14.5")
            let isTotal = ([first] + names).contains { text in
                CellText.isTotalLabel(text, totalLabels: vocabulary[.tableTotalLabels])
                    || CellText.isScoreTotalLabel(text, scoreTotalLabels: vocabulary[.tableScoreTotalLabels])
            }
            let garbled = isGarbled(row, nameColumns: nameColumns, scoreColumn: scoreColumn, isTextColumn: columns.isText)
            rows.append(Row(index: r, line: row.line, names: names, ownName: own, caps: caps, weights: weights, score: score, scores: scores,
                            deduction: deduction, isTotal: isTotal, garbled: garbled, section: isTotal ? nil : currentSection))
        }
        guard rows.contains(where: { $0.score != nil || !$0.weights.isEmpty }) else { return nil }
        return ScoreSheet(table: table, rows: rows, sections: sections, levels: levels, clean: !rows.contains { $0.garbled })
    }

    /// The roles of the columns of one header segment.
    struct Columns {
        var names: [Int]
        var weights: [Int]
        /// The last score column.
        var score: Int?
        /// Every score column.
        var scores: [Int]
        /// The last column of points lost.
        var deduction: Int?
        /// Per column: a text column (`TableLayouts.Role.text`); a column past the headers reads as "".
        var isText: (headed: [Bool], beyond: Bool)

        init(_ headers: [String], _ layouts: TableLayouts) {
            names = headers.indices.filter { layouts.header(headers[$0], is: .name) }
            weights = headers.indices.filter { layouts.header(headers[$0], is: .weight) }
            scores = headers.indices.filter { layouts.header(headers[$0], is: .score) }
            score = scores.last
            deduction = headers.indices.last(where: { layouts.header(headers[$0], is: .deduction) })
            isText = (headers.map { layouts.header($0, is: .text) }, layouts.header("", is: .text))
        }
    }

    /// A row a PDF export has scrambled: a number alone in a name or text column, text (or two numbers
    /// run together) in the score column, or a name column holding a bare number.
    static func isGarbled(_ row: TableRow, nameColumns: [Int], scoreColumn: Int, isTextColumn: (headed: [Bool], beyond: Bool)) -> Bool {
        for cell in row.cells {
            let isText = cell.column < isTextColumn.headed.count ? isTextColumn.headed[cell.column] : isTextColumn.beyond
            // only a name, text or score column can be garbled: the others are not read (nor trimmed)
            guard isText || cell.column == scoreColumn || nameColumns.contains(cell.column), !cell.isEmpty else { continue }
            let numeric = TableCheck.isNumeric(cell.text)
            if numeric && (nameColumns.contains(cell.column) || isText) { return true }
            if cell.column == scoreColumn && !numeric && !["-", "—", "——", "/"].contains(CellText.compact(cell.string)) { return true }
            // ("7.57.7": two decimal points, no one number)
            if cell.column == scoreColumn && cell.text.scalars.filter({ $0 == "." }).count > 1 { return true }
        }
        return false
    }

    /// The span of the "20" in "一、当年预算执行情况（20分）".
    static func capSpan(_ text: TextRun?) -> SourceSpan? {
        guard let t = text else { return nil }
        var end = t.count - 1
        while end >= 0 && !(t.scalars[end].value >= 48 && t.scalars[end].value <= 57) { end -= 1 }
        var start = end
        while start > 0 && (t.scalars[start - 1].value >= 48 && t.scalars[start - 1].value <= 57 || t.scalars[start - 1] == ".") { start -= 1 }
        guard end >= 0 else { return t.fullSpan }
        return t.span(start..<(end + 1))
    }
}
