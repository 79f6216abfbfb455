import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules
import JXStructure

/// `kind = "pattern"`: plain text left behind by conversion or templates ("错误！未找到引用源",
/// "XXXX年", "（此处填写…）"). Matched literally in paragraphs and table cells.
enum PatternCheck {
    @inline(never)
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        switch rule.check {
        case "malformed-year": malformedYears(rule, &context)
        default: literalTexts(rule, &context)
        }
    }

    static func literalTexts(_ rule: Rule, _ context: inout CheckContext) {
        let set = rule[.patterns]
        guard !set.isEmpty else { return }
        // made for the first text holding a pattern: most documents hold none
        var patternScalars: [[Unicode.Scalar]]?
        func scan(_ text: TextRun, place: String?) {
            if patternScalars == nil { patternScalars = set.words.map { Array($0.unicodeScalars) } }
            for pattern in patternScalars! {
                var from = 0
                while let k = text.firstIndex(of: pattern, from: from) {
                    from = k + pattern.count
                    guard let span = text.span(k..<(k + pattern.count)) else { continue }
                    let found = text.string(k..<(k + pattern.count))
                    context.report(rule, span: span, place: place, evidence: rule.evidence(.patternFound, [.text: found]), key: "\(found)|\(span.start.line)")
                }
            }
        }
        // the paragraphs, then the cells written in the source, read in place (not gathered first);
        // one pass over a text for all patterns, as most texts contain none
        let doc = context.doc
        for paragraph in doc.paragraphs where set.firstMatch(in: paragraph.text.scalars) != nil { scan(paragraph.text, place: nil) }
        for t in doc.tables.indices {
            for r in doc.tables[t].rows.indices {
                // by index (a cell is not copied to be tested); a cell is trimmed (`isEmpty`) only when it matches
                let cells = doc.tables[t].rows[r].cells
                for k in cells.indices where !cells[k].inherited && set.firstMatch(in: cells[k].text.scalars) != nil && !cells[k].isEmpty {
                    scan(cells[k].text, place: cells[k].place)
                }
            }
        }
    }

    /// "22017年预算数", "202年度": three or five digits before 年 where one digit more or less gives
    /// a year near the fiscal year. Five digits are a year for sure; three only when what follows 年
    /// dates something (度, 预算, a month).
    static func malformedYears(_ rule: Rule, _ context: inout CheckContext) {
        let followers = rule[.yearFollowers], labels = rule[.numberLabels]
        let distance = rule[.maxYearDistance]
        let near: ClosedRange<Int> = context.facts.fiscalYear.map { ($0 - distance)...($0 + distance) } ?? 1990...2099
        for (p, range) in context.facts.malformedYears {
            let text = context.doc.paragraphs[p].text
            let s = text.scalars
            let digits = s[range.lowerBound..<(range.upperBound - 1)].map { Int($0.value - 48) }
            let after = range.upperBound
            if digits.count == 3 {
                let monthFollows = after < s.count && CharClass.isDigit(s[after])
                guard monthFollows || followers.prefixLength(s, at: after) > 0 else { continue }
            }
            // "表12024年全区…平衡表": a table's number glued to the year after it
            if digits.count == 5, labels.suffixLength(s, endingAt: range.lowerBound) > 0,
               near.contains(digits[1...].reduce(0) { $0 * 10 + $1 }) { continue }
            let meant = candidateYears(digits).filter { near.contains($0) }
            guard !meant.isEmpty, let span = text.span(range) else { continue }
            let found = text.string(range)
            let years = meant.sorted().map(String.init).joined(separator: " / ")
            context.report(rule, span: span, place: nil, evidence: rule.evidence(.patternMalformedYear, [.text: found, .year: years]),
                           key: "\(found)|\(span.start.line)")
        }
    }

    /// The four-digit numbers one digit away: one deleted from five digits, one inserted into three.
    static func candidateYears(_ digits: [Int]) -> Set<Int> {
        var years = Set<Int>()
        func value(_ d: [Int]) -> Int? { d.count == 4 && d[0] != 0 ? d.reduce(0) { $0 * 10 + $1 } : nil }
        if digits.count == 5 {
            for k in 0..<5 { var d = digits; d.remove(at: k); if let y = value(d) { years.insert(y) } }
        } else if digits.count == 3 {
            for k in 0...3 { for x in 0...9 { var d = digits; d.insert(x, at: k); if let y = value(d) { years.insert(y) } } }
        }
        return years
    }
}
