import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: a form's row of names over a row of amounts ("资金来源（万元）| 财政拨款 | 非税安排 | 其他" over
/// "36 | 0 | 0"; the amounts may sit one column to the left, where the export dropped the row's
/// empty label cell). The amounts are named by the row above and, when it is a total's breakdown
/// (a total among the names, or a funding-source label before a form whose total is stated once),
/// the parts of that total, listed in full. Reads table cells; writes facts' labels and units, groups.
extension ExtractionState {
    func buildFormBreakdowns() {
        let totalWords = labels.totalWords
        let fundingLabels = vocabulary[.fundingBreakdownLabels]
        for table in doc.tables {
            let rows = table.rows
            for r in rows.indices.dropLast() where rows[r].kind == .data && rows[r + 1].kind == .data {
                let namesRow = rows[r].cells.filter { !$0.isEmpty }
                guard namesRow.count >= 3, let label = namesRow.first else { continue }
                let names = Array(namesRow.dropFirst())
                // every name is short text; the label names the row
                guard names.allSatisfy({ $0.text.count <= 12 && scanner.scan($0.text).numbers.isEmpty }),
                      scanner.scan(label.text).numbers.isEmpty else { continue }
                // the row below: amounts only, one per name, aligned or one column to the left
                let valueCells = rows[r + 1].cells.filter { !$0.isEmpty }
                guard valueCells.count == names.count else { continue }
                let ids = valueCells.compactMap { tableFacts[table.index][r + 1][$0.column] }
                guard ids.count == names.count else { continue }
                let shift = valueCells[0].column - names[0].column
                guard shift == 0 || shift == -1, zip(valueCells, names).allSatisfy({ $0.column - $1.column == shift }) else { continue }
                // the unit: the label's ("资金来源（万元）"), else the table's
                let unit = statedUnit(label.string) ?? table.unit.flatMap { MoneyUnit(rawValue: $0) }
                for (id, name) in zip(ids, names) {
                    if facts[id].number.kind == .bare, let unit { facts[id].number.kind = .money(unit) }
                    facts[id].label = label.string + "／" + name.string
                    facts[id].head = name.string
                    facts[id].concept = resolve(name.string)
                }
                guard ids.allSatisfy({ facts[$0].kind.isMoney }) else { continue }
                // the whole: a total among the names, or else the form's one stated total
                let totalAt = names.firstIndex { totalWords.occurs(in: $0.string) }
                var whole: Int?
                var parts = ids
                if let t = totalAt {
                    whole = ids[t]
                    parts.remove(at: t)
                } else if fundingLabels.occurs(in: label.string) {
                    let candidates = tableFacts[table.index].enumerated().filter { $0.offset != r + 1 }.flatMap { $0.element.values }
                        .filter { facts[$0].kind.isMoney && facts[$0].concept.item == "total" && facts[$0].concept.measure == "budget" }
                    if Set(candidates.map { facts[$0].interval.midpoint }).count == 1 { whole = candidates.first }
                }
                guard let whole, parts.count >= 2 else { continue }
                appendGroup(PartsGroup(whole: whole, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
            }
        }
    }
}
