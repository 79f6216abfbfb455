import JXRules

/// Checks a rule set beyond what the parser can see: every concept a formula names must exist in
/// the lexicon, or the formula silently never applies (a typo such as `$m.basicc` would pass).
enum RuleSetCheck {
    /// Measures and items the engine knows without the lexicon: `count` (a number of people or
    /// things) and the item `total` (a measure's own total, `budget` alone).
    static let builtinMeasures: Set<String> = ["count"]
    static let builtinItems: Set<String> = ["total", "*"]
    static let builtinQualifiers: Set<String> = ["any", "initial", "adjusted"]

    /// "rules/sum.toml:12:1: rule 'sum.x': formula names the item 'basicc', which lexicon.toml does not define (did you mean 'basic'?)"
    static func problems(_ ruleSet: RuleSet) -> [String] {
        let lexicon = ruleSet.lexicon
        let measures = Set(lexicon.measures.map(\.id)).union(builtinMeasures)
        let items = Set(lexicon.items.map(\.id)).union(builtinItems)
        let rates = Set(lexicon.rates.map(\.id))
        var qualifiers = builtinQualifiers.union(lexicon.qualifiers.values)
        for m in lexicon.measures { if let q = m.qualifier { qualifiers.insert(q) } }
        var out = [String]()
        for rule in ruleSet.rules {
            guard let formula = rule.formula else { continue }
            var seen = Set<String>()
            func problem(_ what: String, _ name: String, _ known: Set<String>) {
                guard seen.insert(what + name).inserted else { return }
                out.append("\(rule.file):\(rule.position.line):\(rule.position.column): rule '\(rule.id)': formula names the \(what) '\(name)', which lexicon.toml does not define"
                           + Suggest.hint(for: name, in: known.sorted()))
            }
            for ref in formula.references + rule.absent + rule.alternatives.flatMap(\.references) {
                if let rate = ref.rate {
                    if !rates.contains(rate) { problem("rate", rate, rates) }
                } else if let measure = ref.measure, !measure.hasPrefix("$"), !measures.contains(measure) {
                    problem("measure", measure, measures)
                }
                if !ref.isVariable, !items.contains(ref.item) { problem("item", ref.item, items) }
                if let q = ref.qualifier, !qualifiers.contains(q) { problem("qualifier", q, qualifiers) }
            }
        }
        return out
    }
}
