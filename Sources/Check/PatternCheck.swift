import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// `kind = "pattern"`: plain text left behind by conversion or templates ("错误！未找到引用源",
/// "XXXX年", "（此处填写…）"). Matched literally in paragraphs and table cells.
enum PatternCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        let patterns = rule[.patterns].words.map { Array($0.unicodeScalars) }
        guard !patterns.isEmpty else { return }
        var texts = context.doc.paragraphs.map { ($0.text, String?.none) }
        for table in context.doc.tables {
            for row in table.rows { for cell in row.cells where !cell.isEmpty && !cell.inherited { texts.append((cell.text, cell.place)) } }
        }
        for (text, place) in texts {
            for pattern in patterns {
                var from = 0
                while let k = text.firstIndex(of: pattern, from: from) {
                    from = k + pattern.count
                    guard let span = text.span(k..<(k + pattern.count)) else { continue }
                    let found = text.string(k..<(k + pattern.count))
                    context.report(rule, span: span, place: place, evidence: rule.evidence(.patternFound, [.text: found]), key: "\(found)|\(span.start.line)")
                }
            }
        }
    }
}
