import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// `kind = "status"`: indicator tables (绩效指标完成情况): a target (指标值, with its comparator), an
/// actual value (完成值) and what the row claims. A target that is missed while the row gives full
/// marks, says 已完成, or leaves the deviation note (偏差说明) empty, is a missed target declared met.
enum StatusCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        guard rule.check == "indicator-target" else { return }
        let reverseWords = rule.words("reverse_words")
        let completedWords = rule.words("completed_words")
        for table in context.doc.tables {
            for (r, row) in table.rows.enumerated() where row.kind == .data {
                let headers = table.headers(for: row)
                let layouts = context.lexicon.tables
                guard let targetColumn = headers.firstIndex(where: { layouts.header($0, is: .target) }),
                      let actualColumn = headers.firstIndex(where: { layouts.header($0, is: .actual) }),
                      let tid = context.facts.tableFacts[table.index][r][targetColumn],
                      let aid = context.facts.tableFacts[table.index][r][actualColumn] else { continue }
                let target = context.fact(tid), actual = context.fact(aid)
                guard comparable(target, actual) else { continue }
                let name = CellText.compact(row.cells.filter { !CellText.isNumeric($0.text) }.map(\.string).joined())
                var comparator = target.number.comparator
                if comparator == nil { comparator = reverseWords.contains { name.contains($0) } ? .atMost : .atLeast }
                guard !met(actual, target, comparator!, context) else { continue }
                // what the row says about it
                var claims = [String]()
                if let weightColumn = headers.firstIndex(where: { layouts.header($0, is: .weight) }), let scoreColumn = headers.lastIndex(where: { layouts.header($0, is: .score) }),
                   let w = context.facts.tableFacts[table.index][r][weightColumn].map({ context.fact($0) }),
                   let s = context.facts.tableFacts[table.index][r][scoreColumn].map({ context.fact($0) }), s.value >= w.value, w.value > 0 {
                    claims.append("得分 \(s.literal) 为满分")
                }
                if let statusColumn = headers.firstIndex(where: { layouts.header($0, is: .status) }),
                   let cell = row.cell(statusColumn), completedWords.contains(where: { CellText.compact(cell.string).hasPrefix($0) }) {
                    claims.append("标为“\(CellText.compact(cell.string))”")
                }
                if let noteColumn = headers.firstIndex(where: { layouts.header($0, is: .note) }),
                   row.cell(noteColumn)?.isEmpty ?? true {
                    claims.append("偏差说明为空")
                }
                guard !claims.isEmpty else { continue }
                let missed = comparator == .atMost || comparator == .less ? "超过了目标" : "未达到目标"
                let evidence = "指标值 \(target.number.comparator?.rawValue ?? "")\(target.shown)，完成值 \(actual.number.comparator?.rawValue ?? "")\(actual.shown)：\(missed)，但" + claims.joined(separator: "、")
                context.report(rule, main: actual, others: [target], evidence: evidence)
            }
        }
    }

    static func comparable(_ t: Fact, _ a: Fact) -> Bool {
        if t.number.inRange || a.number.inRange { return false }
        switch (t.kind, a.kind) {
        case (.percent, .percent), (.score, .score), (.multiple, .multiple): return true
        case (.count(let x), .count(let y)): return x == y
        case (.count, .bare), (.bare, .count): return true
        case (.money, .money): return true
        default: return false
        }
    }

    /// An actual written "≥5次" is at least 5.
    static func met(_ actual: Fact, _ target: Fact, _ comparator: NumberComparator, _ context: CheckContext) -> Bool {
        let a = context.interval(actual), t = context.interval(target)
        switch comparator {
        case .atLeast, .equal: return a.hi >= t.lo || actual.number.comparator == .atLeast || actual.number.comparator == .greater
        case .greater: return a.hi > t.lo || actual.number.comparator == .greater
        case .atMost: return a.lo <= t.hi || actual.number.comparator == .atMost || actual.number.comparator == .less
        case .less: return a.lo < t.hi || actual.number.comparator == .less
        }
    }
}
