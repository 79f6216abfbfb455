import Foundation
import JXCore
import JXRules

/// One slip, one finding. Several rules can see the same slip: a 万元 figure written in 元 is out of
/// scale, is the same number as a 万元 figure elsewhere, and breaks the sum it belongs to. After the
/// checks have run, findings that point at the same place are folded into the strongest one, and the
/// others' message and evidence become related notes of it, so nothing they said is lost.
///
/// - Findings that start at the same line and column are one slip. The strongest rule reports it:
///   the highest `merge_rank` of the rule files (data, not code), then the higher severity, then the
///   rule that comes first in the rule set. The kept finding takes the highest severity of the group,
///   so merging never turns an error into a warning.
/// - The same rule with the same evidence about the same related figures is one slip stated twice
///   (a whole restated in the paragraph after its parts): the first keeps it, the later place is
///   added to its related locations.
public enum FindingMerge {
    /// The rule-file key that ranks rules for merging. A rule without it ranks with the highest
    /// ranked rule of its category and severity (a new sum rule ranks as the other sums), else 0.
    public static let rankKey = "merge_rank"

    /// The merged findings, in the order the input had them (the first of each group's place).
    @inline(never)
    public static func merge(_ findings: [Finding], ruleSet: RuleSet) -> [Finding] {
        guard findings.count > 1 else { return findings }
        return merge(findings, strength: strengths(ruleSet))
    }

    /// Each rule's merge rank and place in the rule set.
    static func strengths(_ ruleSet: RuleSet) -> (String) -> (merge: Decimal, order: Int) {
        let rank = ranks(ruleSet)
        return { id in rank[id] ?? (0, Int.max) }
    }

    /// `strengths` as a table by rule id (the checker keeps it for its rule set).
    static func ranks(_ ruleSet: RuleSet) -> [String: (merge: Decimal, order: Int)] {
        // keyed by the two enums (no string made per rule at each start)
        struct Kind: Hashable { let category: RuleCategory, severity: Severity }
        let own = ruleSet.rules.map { $0.number(rankKey) }
        var byKind = [Kind: Decimal]()
        for (rule, r) in zip(ruleSet.rules, own) {
            guard let r else { continue }
            let key = Kind(category: rule.category, severity: rule.severity)
            byKind[key] = max(byKind[key] ?? r, r)
        }
        var rank = [String: (merge: Decimal, order: Int)](minimumCapacity: ruleSet.rules.count)
        for (i, rule) in ruleSet.rules.enumerated() where rank[rule.id] == nil {
            rank[rule.id] = (own[i] ?? byKind[Kind(category: rule.category, severity: rule.severity)] ?? 0, i)
        }
        return rank
    }

    /// The merge rank a rule of `ruleSet` has (its own or its category's and severity's).
    public static func rank(of id: String, in ruleSet: RuleSet) -> Decimal {
        strengths(ruleSet)(id).merge
    }

    /// `strength` gives a rule's merge rank and its place in the rule set.
    static func merge(_ findings: [Finding], strength: (String) -> (merge: Decimal, order: Int)) -> [Finding] {
        func stronger(_ a: Finding, _ b: Finding) -> Bool {
            let x = strength(a.rule), y = strength(b.rule)
            if x.merge != y.merge { return x.merge > y.merge }
            if a.severity != b.severity { return a.severity > b.severity }
            if x.order != y.order { return x.order < y.order }
            return a.rule < b.rule
        }

        // 1. the same place: group by start position, keep the strongest
        var groups = [SourcePosition: [Int]]()
        var order = [SourcePosition]()
        for (i, f) in findings.enumerated() {
            if groups[f.span.start] == nil { order.append(f.span.start) }
            groups[f.span.start, default: []].append(i)
        }
        var merged = [Finding]()
        merged.reserveCapacity(order.count)
        for position in order {
            let members = groups[position]!.map { findings[$0] }
            if members.count == 1 { merged.append(members[0]); continue }
            var best = members[0]
            for m in members.dropFirst() where stronger(m, best) { best = m }
            var kept = best
            kept.severity = members.map(\.severity).max()!
            for m in members where m != best {
                absorb(m, into: &kept, note: note(for: m))
            }
            merged.append(kept)
        }

        // 2. one rule, one evidence, the same related figures: one slip stated in two places
        var out = [Finding]()
        out.reserveCapacity(merged.count)
        var firstOf = [RestatementKey: Int]()
        for f in merged {
            guard !f.related.isEmpty else { out.append(f); continue }
            let key = RestatementKey(rule: f.rule, evidence: f.evidence, related: Set(f.related.map(\.position)))
            if let k = firstOf[key] {
                out[k].severity = max(out[k].severity, f.severity)
                absorb(f, into: &out[k], note: "同一问题另见此处：\(f.message)")
            } else {
                firstOf[key] = out.count
                out.append(f)
            }
        }
        return out
    }

    struct RestatementKey: Hashable {
        var rule: String
        var evidence: String
        var related: Set<SourcePosition>
    }

    /// "同一数字另见规则 unit.out-of-scale：…（evidence）"
    static func note(for f: Finding) -> String {
        var text = "另见 \(f.rule)：\(f.message)"
        if !f.evidence.isEmpty { text += "（\(f.evidence)）" }
        return text
    }

    /// Adds `other` to `kept` as a related location with `note`, and its related locations that
    /// `kept` does not have yet.
    static func absorb(_ other: Finding, into kept: inout Finding, note: String) {
        kept.related.append(RelatedLocation(position: other.span.start, place: other.place, message: note))
        var seen = Set(kept.related.map(\.position))
        seen.insert(kept.span.start)
        for r in other.related where !seen.contains(r.position) {
            kept.related.append(r)
            seen.insert(r.position)
        }
    }
}
