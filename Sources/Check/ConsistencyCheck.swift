import Foundation
import JXCore
import JXExtract
import JXRules
import JXStructure

/// `kind = "consistency"`: one figure stated twice with two values.
///  - same-concept: two figures with the same label and concept, the same unit and year, in
///    different paragraphs (or one in the text and one in a table), whose values differ beyond
///    rounding. Figures inside lists, comparisons, ranges and targets are left alone.
enum ConsistencyCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {
        guard rule.check == "same-concept" else { return }
        let modifiers = rule.words("label_modifiers")
        var seen = [String: [Fact]]()
        var order = [String]()
        let partIDs = Set(context.facts.groups.flatMap(\.parts))
        let subjectWords = rule.words("subject_words")
        for f in context.facts.facts {
            guard eligible(f, partIDs) else { continue }
            // the label must name its subject: a bare "实际支出" may be about anything the text
            // discussed before it
            let c = f.concept
            let named = (c.item != nil && c.item != "total") || !c.scope.isEmpty || subjectWords.contains { f.label.contains($0) }
            guard named else { continue }
            let head = normalizedHead(f.head, modifiers)
            guard head.unicodeScalars.filter({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }).count >= 2 else { continue }
            let key = [head, f.conceptKey, f.concept.qualifier ?? "", f.kind.description, f.year.map(String.init) ?? "?"].joined(separator: "|")
            if seen[key] == nil { order.append(key) }
            seen[key, default: []].append(f)
        }
        for key in order {
            let group = seen[key]!
            guard group.count >= 2 else { continue }
            let first = group[0]
            for other in group.dropFirst() {
                guard !samePlace(first, other), !context.interval(first).overlaps(context.interval(other)) else { continue }
                // two statements in running text compare only within one top-level section: the same
                // words under "一般公共预算" and under "政府性基金预算" name different figures
                if let a = topSection(first, context), let b = topSection(other, context), a != b,
                   !first.isCellValue, !other.isCellValue { continue }
                let evidence = "\(context.describe(other)) ≠ 第\(first.line)行 \(context.describe(first))"
                context.report(rule, main: other, others: [first], evidence: evidence)
                break
            }
        }
    }

    static func topSection(_ f: Fact, _ context: CheckContext) -> Int? {
        guard case .text(let p, _, _) = f.place else { return nil }
        return context.doc.paragraphs[p].sectionPath.first
    }

    static func eligible(_ f: Fact, _ parts: Set<Int>) -> Bool {
        guard f.kind != .bare, !f.unitAssumed, !f.isTarget, !f.number.inRange, f.number.comparator == nil, !f.number.approximate, !f.comparesYears,
              f.shareOf == nil, f.change == 0, !parts.contains(f.id) else { return false }
        if f.kind == .percent && f.concept.rate == nil { return false }
        if case .cell = f.place, !f.isCellValue { return false }
        return true
    }

    /// Two figures of one paragraph (or one table row) are different statements of a list, not a restatement.
    static func samePlace(_ a: Fact, _ b: Fact) -> Bool {
        switch (a.place, b.place) {
        case (.text(let p, _, _), .text(let q, _, _)): return p == q
        case (.cell(let t, let r, _), .cell(let u, let s, _)): return t == u && r == s
        default: return false
        }
    }

    static func normalizedHead(_ head: String, _ modifiers: [String]) -> String {
        var h = head.filter { !$0.isWhitespace }
        // years ("2022年", "2022年度") and the report's own subject words
        var out = ""
        var digits = ""
        for ch in h {
            if ch.isNumber { digits.append(ch); continue }
            if !digits.isEmpty {
                if ch != "年" { out += digits }
                digits = ""
                if ch == "年" { continue }
            }
            out.append(ch)
        }
        out += digits
        var scalars = Array(out.unicodeScalars)
        if scalars.first == "度" { scalars.removeFirst() }
        for m in modifiers { scalars = Lexicon.removing(Array(m.unicodeScalars), from: scalars) }
        return String(String.UnicodeScalarView(scalars))
    }
}
