import Foundation
import JXCore
import JXExtract
import JXNormalize
import JXRules
import JXStructure

/// `kind = "formula"`: binds each concept of the formula to one figure within a frame (a sentence,
/// a paragraph, a table row, a table) and evaluates it in interval arithmetic.
enum FormulaCheck {
    /// `required`: the numbers of the shape's required keys (`Checker.requiredKeys`), when the
    /// context was given their index.
    static func run(_ rule: Rule, _ shape: Shape, required: [Int]? = nil, _ context: inout CheckContext) {
        guard let formula = rule.formula else { return }
        // a figure the formula cannot do without is nowhere in the document: no frame can bind it
        let present = context.formulaKeys()
        if let required, !context.requiredKeyIndex.isEmpty {
            guard required.allSatisfy({ context.requiredPresent[$0] }) else { return }
        } else {
            guard shape.requiredKeys.allSatisfy(present.contains) else { return }
        }
        let required = requiredBits(shape, context)
        let prepared = Prepared(subjects: context.subjectTexts(), standards: context.perUnitAmounts(), ruleKey: rule.id.hashValue, shape: shape,
                                factBits: context.factPresenceBits, bitOfKey: context.presenceBitOfKey)
        var boundIds = [[Int]](repeating: [], count: shape.refs.count)
        for frame in rule.frames {
            let (instances, bits) = context.instancesWithBits(of: frame)
            // a relation among hundreds of figures is not one the text states: skip such frames;
            // an instance without a figure of each kind the formula needs cannot bind it
            for i in instances.indices where instances[i].count <= 300 && bits[i] & required == required {
                evaluate(rule, formula, shape, frame: frame, members: instances[i], prepared, boundIds: &boundIds, &context)
            }
        }
    }

    /// What `evaluate` reads for every frame instance of one rule, made once per rule and document.
    struct Prepared {
        /// `CheckContext.subjectTexts()`.
        let subjects: [String]
        /// Amounts named per unit ("每人每月1,000元"): standards, bound to no amount of a formula.
        let standards: Set<Int>
        /// The rule id's hash: its part of the keys of `CheckContext.evaluated`.
        let ruleKey: Int
        /// Per reference: `bit(of:)` the reference (0 for a measure variable: its bit is that of
        /// the measure it stands for, found per assignment).
        let refBits: [UInt64]
        /// `CheckContext.factPresenceBits` and `presenceBitOfKey`.
        let factBits: [UInt64]
        let bitOfKey: [PresenceKey: UInt64]

        /// Given the context's fields, not the context: an initializer takes its arguments owned,
        /// and handing it the whole context copied every field of it for each formula rule.
        init(subjects: [String], standards: Set<Int>, ruleKey: Int, shape: Shape, factBits: [UInt64], bitOfKey: [PresenceKey: UInt64]) {
            self.subjects = subjects
            self.standards = standards
            self.ruleKey = ruleKey
            self.factBits = factBits
            self.bitOfKey = bitOfKey
            refBits = shape.refs.indices.map { shape.measureIsVariable[$0] ? 0 : Prepared.bit(of: shape.refs[$0], bitOfKey) }
        }

        /// The bit of the reference's item-less presence key: every figure it matches has it
        /// (0 when the key has no bit).
        static func bit(of ref: ConceptReference, _ bitOfKey: [PresenceKey: UInt64]) -> UInt64 {
            var general = presenceKey(ref)
            general.item = nil
            return bitOfKey[general] ?? 0
        }

        /// The bit of reference `k` of the shape once substituted into `ref`.
        func bit(_ k: Int, _ shape: Shape, substituted ref: ConceptReference) -> UInt64 {
            shape.measureIsVariable[k] ? Prepared.bit(of: ref, bitOfKey) : refBits[k]
        }

        /// False when figure `id` cannot match a reference whose bit is `bit` (`matches`): it lacks
        /// the reference's presence key. A bit test, before comparing any text.
        @inline(__always) func mayMatch(_ bit: UInt64, _ id: Int) -> Bool {
            bit == 0 || factBits[id] & bit != 0
        }
    }

    /// The bits (`Prepared.bit(of:)`) of the references that must bind to one figure: a frame
    /// instance lacking one of them binds nothing. A measure variable's reference has no bit of
    /// its own (it stands for whichever measure the figures state) and is left out.
    static func requiredBits(_ shape: Shape, _ context: CheckContext) -> UInt64 {
        shape.refs.indices.reduce(UInt64(0)) { bits, k in
            guard !shape.refs[k].optional, !shape.isSum[k], !shape.measureIsVariable[k] else { return bits }
            return bits | Prepared.bit(of: shape.refs[k], context.presenceBitOfKey)
        }
    }

    /// What evaluating a formula asks of its references, found once per rule rather than per
    /// instance of its frames. A class: the checker hands one shape to every document, and a
    /// value this size was copied for each.
    final class Shape: Sendable {
        let refs: [ConceptReference]
        /// Some reference's measure is a variable ($m).
        let hasMeasureVariable: Bool
        /// Some reference's item is a variable ($x).
        let hasVariable: Bool
        /// The first required reference whose item is a variable, and its index.
        let variable: ConceptReference?
        let variableIndex: Int?
        /// Per reference: it is summed (`sum(…)`); its measure, its item is a variable.
        let isSum: [Bool]
        let measureIsVariable: [Bool]
        let itemIsVariable: [Bool]
        /// The summed references.
        let sums: [ConceptReference]
        /// Per reference that must bind to one figure: the `presenceKey` such a figure has.
        let requiredKeys: [PresenceKey]
        /// Per reference: the index of its first occurrence (a formula may name a reference twice,
        /// "budget[x] - spend[x] <= budget[x]"; it binds once).
        let firstIndex: [Int]
        /// The two sides with references as indices into `refs` (`IndexedExpression`).
        let lhs: IndexedExpression
        let rhs: IndexedExpression
        let relation: Formula.Relation

        init(_ formula: Formula) {
            let refs = formula.references
            self.refs = refs
            hasMeasureVariable = refs.contains(where: { $0.measure?.hasPrefix("$") == true })
            hasVariable = refs.contains(where: \.isVariable)
            let variableIndex = refs.firstIndex(where: { $0.isVariable && !$0.optional })
            self.variableIndex = variableIndex
            variable = variableIndex.map { refs[$0] }
            let isSum = refs.map { formula.lhs.sumsReference($0) || formula.rhs.sumsReference($0) }
            self.isSum = isSum
            measureIsVariable = refs.map { $0.measure?.hasPrefix("$") == true }
            itemIsVariable = refs.map(\.isVariable)
            sums = refs.filter { formula.lhs.sumsReference($0) || formula.rhs.sumsReference($0) }
            requiredKeys = zip(refs, isSum).filter { !$0.0.optional && !$0.1 }.map { FormulaCheck.presenceKey($0.0) }
            firstIndex = refs.indices.map { k in refs.firstIndex(of: refs[k])! }
            lhs = IndexedExpression(formula.lhs, refs: refs)
            rhs = IndexedExpression(formula.rhs, refs: refs)
            relation = formula.relation
        }

        /// `substitute` of reference `k`.
        func substitute(_ k: Int, measure: String?, item: String?) -> ConceptReference {
            var r = refs[k]
            if measureIsVariable[k] { r.measure = measure }
            if itemIsVariable[k] { r.item = item ?? r.item }
            return r
        }
    }

    /// Groups of fact ids that make one instance of a frame (`CheckContext.instances(of:)` keeps them).
    static func instances(of frame: Frame, _ context: CheckContext) -> [[Int]] {
        if frame == .run { return runs(context) }
        var groupOfKey = [InstanceKey: Int]()
        var groups = [[Int]]()
        // the facts of an instance mostly come one after another: the key of the last one is
        // compared before any hashing
        var last: (key: InstanceKey, group: Int)?
        for index in context.facts.facts.indices {
            guard let k = instanceKey(of: index, in: frame, context) else { continue }
            let group: Int
            if let last, last.key == k {
                group = last.group
            } else if let known = groupOfKey[k] {
                group = known
            } else {
                group = groups.count
                groupOfKey[k] = group
                groups.append([])
            }
            last = (k, group)
            groups[group].append(context.facts.facts[index].id)
        }
        return groups
    }

    /// The runs of the sentences (`Frame.run`): each sentence's figures in text order, cut after
    /// every percentage. A sentence without a percentage is one run.
    static func runs(_ context: CheckContext) -> [[Int]] {
        var inText = [(paragraph: Int, sentence: Int, at: Int, id: Int)]()
        for f in context.facts.facts {
            guard case .text(let p, let s, _) = f.place else { continue }
            inText.append((p, s, f.number.numberRange.lowerBound, f.id))
        }
        inText.sort { ($0.paragraph, $0.sentence, $0.at) < ($1.paragraph, $1.sentence, $1.at) }
        var runs = [[Int]]()
        var open = false
        var sentence: (Int, Int)?
        // "满意度89.95%（398份中满意358份）": the figures of a bracket opened right after a percentage
        // explain it; the run closes after the bracket (the depth of that percentage, while open)
        var bracketAfter: Int?
        for f in inText {
            let fact = context.fact(f.id)
            if let d = bracketAfter, fact.number.parenDepth <= d { open = false; bracketAfter = nil }
            if !open || sentence.map({ $0 != (f.paragraph, f.sentence) }) ?? true {
                runs.append([])
                open = true
                bracketAfter = nil
                sentence = (f.paragraph, f.sentence)
            }
            runs[runs.count - 1].append(f.id)
            if fact.kind == .percent && bracketAfter == nil {
                let s = context.doc.paragraphs[f.paragraph].text.scalars, end = fact.number.range.upperBound
                if end < s.count && (s[end] == "（" || s[end] == "(") { bracketAfter = fact.number.parenDepth } else { open = false }
            }
        }
        return runs
    }

    /// The figures a sum binds across paragraphs, each once: "年中追加567.90万元" in the budget's
    /// paragraph and again among the points lost ("年中追加预算567.90万元，…扣0.5分") are one addition.
    static func withoutRestatements(_ ids: [Int], _ context: CheckContext) -> [Int] {
        guard ids.count >= 2 else { return ids }
        var kept = [Int]()
        for id in ids {
            let f = context.fact(id)
            let restated = kept.contains { k in
                let o = context.fact(k)
                return o.place.paragraph != f.place.paragraph && context.intervals[k] == context.intervals[id]
                    && o.conceptKey == f.conceptKey && o.year == f.year
            }
            if !restated { kept.append(id) }
        }
        return kept
    }

    /// The instance of `frame` the fact at `index` belongs to, if any.
    static func instanceKey(of index: Int, in frame: Frame, _ context: CheckContext) -> InstanceKey? {
        let facts = context.facts.facts
        switch (frame, facts[index].place) {
        case (.clause, .text(let p, let s, let c)): return .clause(p, s, c)
        case (.sentence, .text(let p, let s, _)): return .sentence(p, s)
        case (.paragraph, .text(let p, _, _)): return .paragraph(p)
        case (.document, .text): return .document
        case (.section, .text(let p, _, _)): return .section(context.doc.paragraphs[p].sectionPath.last)
        case (.clause, .cell(let t, let r, let c)), (.sentence, .cell(let t, let r, let c)), (.paragraph, .cell(let t, let r, let c)):
            return facts[index].isCellValue ? nil : .cellText(t, r, c)
        case (.row, .cell(let t, let r, _)):
            return facts[index].isCellValue ? .row(t, r) : nil
        case (.table, .cell(let t, let r, _)):
            return facts[index].isCellValue ? .table(t, context.doc.tables[t].rows[r].segment) : nil
        default: return nil
        }
    }

    /// What makes facts one instance of a frame: their sentence, paragraph, section, table row….
    enum InstanceKey: Hashable {
        case clause(Int, Int, Int), sentence(Int, Int), paragraph(Int), document, section(Int?)
        case cellText(Int, Int, Int), row(Int, Int), table(Int, Int)
    }

    /// What a reference needs of a figure: the kind of figure, its measure or rate, and its subject
    /// (nil for a variable or any item). `matches` is true only for figures that `addPresenceKeys`
    /// gives this key.
    struct PresenceKey: Hashable {
        enum Family: UInt8 { case rate, score, count, money }
        var family: Family
        /// The rate or measure id; "$" for a measure variable, "" for none.
        var name: String
        var item: String?
    }

    static func presenceKey(_ ref: ConceptReference) -> PresenceKey {
        let item = ref.isVariable || ref.item == "*" ? nil : ref.item
        if let rate = ref.rate { return PresenceKey(family: .rate, name: rate, item: item) }
        if ref.measure == "score" || ref.measure == "weight" { return PresenceKey(family: .score, name: ref.measure!, item: item) }
        if ref.measure == "count" { return PresenceKey(family: .count, name: "", item: item) }
        if let m = ref.measure, m.hasPrefix("$") { return PresenceKey(family: .money, name: "$", item: item) }
        return PresenceKey(family: .money, name: ref.measure ?? "", item: item)
    }

    /// Adds the `presenceKey`s a figure can satisfy (the flags of `matches` that need no reference).
    /// A subject with a scope ("project{…}") equals no literal item, so it adds no item key.
    static func addPresenceKeys(_ f: Fact, to keys: inout Set<PresenceKey>) {
        presenceKeys(f) { keys.insert($0) }
    }

    /// `addPresenceKeys`, each key handed to `body`.
    static func presenceKeys(_ f: Fact, _ body: (PresenceKey) -> Void) {
        guard f.shareOf == nil, !f.isTarget, !f.comparesYears, f.number.comparator == nil, !f.number.inRange else { return }
        let c = f.concept
        let item = c.scope.isEmpty ? c.item ?? "" : nil
        func add(_ family: PresenceKey.Family, _ name: String) {
            body(PresenceKey(family: family, name: name, item: nil))
            if let item { body(PresenceKey(family: family, name: name, item: item)) }
        }
        switch f.kind {
        case .percent: if let rate = c.rate { add(.rate, rate) }
        case .score: if let m = c.measure { add(.score, m) }
        case .count: if !f.number.approximate { add(.count, "") }
        case .money(let unit) where !unit.isDollar:
            add(.money, c.measure ?? "")
            if c.measure != nil { add(.money, "$") }
        default: break
        }
    }

    /// `item == "*"`: any item (in a table row, the row's label is the shared subject). A variable's
    /// value may carry a scope, "project{英才荟}": the figures about one named sub-project.
    /// `subject`: `subjectText(f.concept)` when the caller has it.
    static func matches(_ ref: ConceptReference, _ f: Fact, item: String, subject: String? = nil) -> Bool {
        matches(ref, [f], 0, item: item, subject: subject)
    }

    /// `matches` of `table[k]`, read in place (the fact is not copied).
    static func matches(_ ref: ConceptReference, _ table: [Fact], _ k: Int, item: String, subject: String? = nil) -> Bool {
        // the flags first: they rule out most figures without comparing texts
        guard table[k].shareOf == nil, !table[k].isTarget, !table[k].comparesYears, table[k].number.comparator == nil,
              !table[k].number.inRange, table[k].change == 0 || isOwnAdjustment(ref, table[k]) else { return false }
        let kind = table[k].kind
        // (byte for byte: `==` on Chinese texts that differ compares them by canonical equivalence)
        guard item == "*" || TextKey(subject ?? subjectText(table[k].concept)) == TextKey(item) else { return false }
        if let rate = ref.rate {
            guard kind == .percent, table[k].concept.rate == rate else { return false }
        } else if ref.measure == "score" || ref.measure == "weight" {
            guard kind == .score, table[k].concept.measure == ref.measure else { return false }
        } else if ref.measure == "deduction" {
            // (a 扣分 column's cells: points, written with 分 or bare)
            guard kind == .score || kind == .bare, table[k].concept.measure == "deduction" else { return false }
        } else if ref.measure == "count" {
            guard case .count = kind, !table[k].number.approximate else { return false }
        } else {
            guard let unit = kind.moneyUnit, !unit.isDollar, table[k].concept.measure == ref.measure else { return false }
        }
        switch ref.qualifier {
        case nil: return table[k].concept.qualifier == nil || table[k].concept.qualifier == "adjusted"
        case "any": return true
        case let q: return table[k].concept.qualifier == q
        }
    }

    /// "追加1020.00万元", "调减245.00万元": the verb is the adjustment itself, not a change against
    /// another figure; its sign comes from the words (`isNegativeAdjustment`). So is "节约25.14万元"
    /// after a plan and what was paid: the saving itself.
    static func isOwnAdjustment(_ ref: ConceptReference, _ f: Fact) -> Bool {
        guard let m = ref.measure, m == "adjust" || m == "saving" else { return false }
        return f.concept.measure == m && f.concept.explicitMeasure && !f.comparesYears
    }

    /// "project", "project{英才荟}", "{准备金}": an item and its scope as one text.
    static func subjectText(_ c: Lexicon.Resolution) -> String {
        (c.item ?? "") + (c.scope.isEmpty ? "" : "{\(c.scope)}")
    }

    /// The reference with its variables replaced by the values of one assignment.
    static func substitute(_ ref: ConceptReference, measure: String?, item: String?) -> ConceptReference {
        var r = ref
        if let m = r.measure, m.hasPrefix("$") { r.measure = measure }
        if r.isVariable { r.item = item ?? r.item }
        return r
    }

    /// The assignment of a formula without variables.
    static let noAssignment: [(String?, String?)] = [(nil, nil)]

    /// `boundIds`: room for the binding, one entry per reference.
    static func evaluate(_ rule: Rule, _ formula: Formula, _ shape: Shape, frame: Frame, members: [Int], _ prepared: Prepared,
                         boundIds: inout [[Int]], _ context: inout CheckContext) {
        let subjects = prepared.subjects, ruleKey = prepared.ruleKey
        // the frame's facts are read in place by id (copying each fact for every rule and frame
        // instance was much of the check's time); only the bound ones are copied
        let table = context.facts.facts
        let refs = shape.refs
        // values of the measure variable ($m) and the item variable ($x), from the figures present;
        // a formula without variables has the one empty assignment (no arrays made per instance)
        var assignments = noAssignment
        if shape.hasMeasureVariable || shape.variable != nil || (frame == .row && shape.hasVariable) {
            assignments = []
            var measures: [String?] = [nil]
            if shape.hasMeasureVariable {
                var seen = [String]()
                for id in members where table[id].kind.isMoney { if let m = table[id].concept.measure, !seen.contains(m) { seen.append(m) } }
                measures = seen
            }
            for measure in measures {
                var items: [String?] = [nil]
                if frame == .row && shape.hasVariable {
                    items = ["*"]
                } else if let variable = shape.variable, let kv = shape.variableIndex {
                    let v = substitute(variable, measure: measure, item: nil)
                    let bit = prepared.bit(kv, shape, substituted: v)
                    var seen = [String]()
                    for id in members where prepared.mayMatch(bit, id) {
                        let subject = subjects[id]
                        guard !subject.isEmpty, !seen.contains(subject), matches(v, table, id, item: subject, subject: subject) else { continue }
                        seen.append(subject)
                    }
                    items = seen
                }
                for item in items { assignments.append((measure, item)) }
            }
        }
        // per reference, the ids of the figures bound to it: bound as ids, the facts are copied
        // only for the assignments that get evaluated
        for (measure, item) in assignments {
            var ok = true
            for k in refs.indices {
                // a reference named again binds as it did the first time
                if shape.firstIndex[k] != k { boundIds[k] = boundIds[shape.firstIndex[k]]; continue }
                let ref = shape.substitute(k, measure: measure, item: item)
                let bit = prepared.bit(k, shape, substituted: ref)
                var candidates = members.filter { prepared.mayMatch(bit, $0) && !prepared.standards.contains($0) && matches(ref, table, $0, item: ref.item, subject: subjects[$0]) }
                if candidates.isEmpty, let item, shape.itemIsVariable[k], !shape.isSum[k], !ref.optional, frame == .sentence || frame == .paragraph,
                   isRate(formula) {
                    candidates = subjectNamedOnce(k, item: item, measure: measure, shape, members, table, subjects)
                    // "上级共下达我县X资金A，其中：中央a，省级b。…实际发放补贴资金B，资金执行率P%": the one figure of the
                    // reference's measure is of a subject named on it alone, the frame's other named subjects only
                    // its own list's parts; it is the whole's
                    if candidates.isEmpty, item == "total" {
                        let anyItem = shape.substitute(k, measure: measure, item: "*")
                        let matching = members.filter { matches(anyItem, table, $0, item: "*") }
                        let matchingSet = Set(matching)
                        let found = matching.filter { id in !context.groups(withPart: id).contains(where: { matchingSet.contains($0.whole) }) }
                        if found.count == 1, case let subject = subjects[found[0]], subject.hasPrefix("{"),
                           members.allSatisfy({ id in
                               !subjects[id].hasPrefix("{") || subjects[id] == subject
                                   || context.groups(withPart: id).contains(where: { $0.whole == found[0] })
                           }) {
                            candidates = found
                        }
                    }
                }
                if shape.isSum[k] {
                    boundIds[k] = frame == .section || frame == .document ? withoutRestatements(candidates, context) : candidates
                    continue
                }
                if candidates.isEmpty {
                    if ref.optional { boundIds[k] = []; continue }
                    ok = false
                    break
                }
                // one figure per concept: two different values make the frame ambiguous
                if candidates.count > 1 {
                    // equal intervals have equal midpoints; otherwise midpoints differ when the
                    // sums of the bounds do (no division)
                    let first = context.intervals[candidates[0]]
                    if !candidates.allSatisfy({ context.intervals[$0] == first }) {
                        let distinct = Set(candidates.map { DecimalKey(Decimals.sum(context.intervals[$0].lo, context.intervals[$0].hi)) })
                        if distinct.count > 1 { ok = false; break }
                    }
                }
                boundIds[k] = [candidates[0]]
            }
            guard ok else { continue }
            // (`sums_before_total`: "年初预算A，追加B，调整后全年预算C。从资金来源看，…上年结转D": with the
            // other terms before the total, a figure in a sentence after it is a source, no adjustment)
            if rule[.sumsBeforeTotal], frame != .row, frame != .table, let lhs = boundIds[0].first, let at = context.sentence(of: table[lhs]),
               refs.indices.allSatisfy({ k in k == 0 || shape.isSum[k] || boundIds[k].allSatisfy { $0 < lhs } }) {
                for k in refs.indices where shape.isSum[k] {
                    boundIds[k].removeAll { id in
                        guard let other = context.sentence(of: table[id]) else { return false }
                        return (other.paragraph, other.sentence) > (at.paragraph, at.sentence)
                    }
                }
            }
            // a table row states its adjustments in columns: without any such column (not even "-"),
            // the row says nothing about them and the identity cannot be checked
            if !shape.sums.isEmpty && refs.indices.allSatisfy({ !shape.isSum[$0] || boundIds[$0].isEmpty }) { continue }
            // `absent`: the formula applies only where these concepts are not stated
            if rule.absent.contains(where: { original in
                let ref = substitute(original, measure: measure, item: item)
                return members.contains { matches(ref, table, $0, item: ref.item, subject: subjects[$0]) }
            }) { continue }
            // (`unless_targeted`: a rate whose bound its frame states too, "≥98%", is scored against that bound)
            if rule[.unlessTargeted], refs.indices.contains(where: { k in
                refs[k].rate != nil && boundIds[k].contains { id in
                    let rate = table[id]
                    return members.contains { m in
                        let o = table[m]
                        return m != id && o.number.comparator != nil && o.concept.rate == rate.concept.rate && o.concept.item == rate.concept.item
                    }
                }
            }) { continue }
            var involved = boundIds.flatMap { $0 }
            involved.sort()
            involved = involved.indices.filter { $0 == 0 || involved[$0 - 1] != involved[$0] }.map { involved[$0] }
            guard involved.count >= 2, !context.evaluated.contains(involved + [ruleKey]) else { continue }
            context.evaluated.insert(involved + [ruleKey])
            let all = involved.map { context.fact($0) }
            if frame == .table && !rule[.partialColumns] && !columnsComplete(all, context) { continue }
            // (a rate of a part over its whole leaves the other parts out by nature: "项目资金A，实际使用B，
            // 结转C，资金使用率P%")
            if (frame == .sentence || frame == .run || frame == .paragraph || frame == .section || frame == .document)
                && !isRate(formula) && hasUnboundSiblings(all, context) { continue }
            // across paragraphs, a bare "基本支出X" may be the budget as well as the spending: only
            // figures whose measure the text gives bind there
            // (nor, in a breakdown of any measure, a part whose item only its sentence's subject gives:
            // "1.基本支出。…，结余27.77万元" against a year-end balance stated elsewhere)
            if (frame == .section || frame == .document) && Set(all.compactMap(\.place.paragraph)).count > 1
                && all.contains(where: { $0.kind.isMoney && ($0.measureSource == .itemDefault
                    || (shape.hasMeasureVariable && $0.concept.item != nil && $0.concept.item != "total"
                        && (context.lexicon.resolve($0.head).item ?? "total") == "total")) }) { continue }
            // nor a whole's figure stated inside an enumerated item that names its own subject
            // ("5.监测能力建设。…，支出26.77万元"): it is that item's, not the report's
            if (frame == .section || frame == .document) && Set(all.compactMap(\.place.paragraph)).count > 1
                && all.contains(where: { f in
                    guard f.concept.item == "total", let item = OutlineItem.subjectItem(from: f.outlineItem, in: context.facts.outline) else { return false }
                    return all.contains { !OutlineItem.item($0.outlineItem, isWithin: item, in: context.facts.outline) }
                }) { continue }
            // most relations hold, in figures of one year: `check` has nothing to say about those,
            // and they are told by index without building the binding by reference
            guard let holds = FormulaEvaluator.holds(shape, boundIds: boundIds, context: context) else { continue }
            let firstYear = all.lazy.compactMap(\.year).first
            // (a rate its narrower frame's figures give is theirs: "实际支出A，预算执行率P%；…支出总计T" in the
            // paragraph binds no other spending to it)
            var rateFigure: Int?
            if isRate(formula), case .reference(let r) = formula.lhs, let k = refs.firstIndex(of: r) { rateFigure = boundIds[k].first }
            if holds, let rate = rateFigure { context.heldRates.insert([rate, ruleKey]) }
            if !holds, let rate = rateFigure, context.heldRates.contains([rate, ruleKey]) { continue }
            if holds && all.allSatisfy({ $0.year == nil || $0.year == firstYear }) { continue }
            if !holds && listedUnderAnotherWhole(involved, context) { continue }
            if !holds && bracketedUnderAnother(all, context) { continue }
            if !holds && isRate(formula) && partOfLaterList(all, context) { continue }
            var bound = [ConceptReference: [Fact]](minimumCapacity: refs.count)
            for k in refs.indices where shape.firstIndex[k] == k { bound[refs[k]] = boundIds[k].map { table[$0] } }
            if !holds && alternativeHolds(rule, bound: bound, members: members, measure: measure, item: item, subjects: subjects, &context) { continue }
            if !holds && isRate(formula) && statedAsAnotherRate(formula, bound: bound, involved: all, context) { continue }
            // ("合计 | 1,363.36 | 1,297.85 | 95.19% | 50 | 47.74": a total row's score sums the rows' products; its
            // own figures multiplied give nothing)
            if !holds && frame == .row && multipliesReferences(formula.rhs) && all.allSatisfy(\.marksTotal)
                && totalOfScoredRows(formula, boundIds: boundIds, refs: refs, context) { continue }
            check(rule, formula, bound: bound, involved: all, &context)
        }
    }

    /// "医院资产总额a，…债务总额b，…医院资产负债率r": a statement's subject named on some of its
    /// figures and not on others is one subject (in a rate's formula only: an identity of amounts
    /// has many more ways to bind wrongly, "年初预算指标340万元，调整指标250万，下达指标90万").
    /// For reference `k`, which has no figure of subject `item` (a scope with no item of its own),
    /// the figures of the whole stand in, when they have one value and no other reference has a
    /// figure of the whole (else the frame speaks of two subjects: "全县资产总额…；其中医院资产总额…").
    /// Not the other way: a scoped figure does not stand in for the whole's ("中心评审经费年初预算a，
    /// …调整后预算b，…预算执行率P%": the rate is of the adjusted budget).
    static func subjectNamedOnce(_ k: Int, item: String, measure: String?, _ shape: Shape, _ members: [Int], _ table: [Fact],
                                 _ subjects: [String]) -> [Int] {
        guard item.hasPrefix("{") else { return [] }
        // (and the frame names no other subject: "中央…资金a，省级…资金b，县级配套资金c。…县级配套资金到位d，到位率P%"
        // speaks of several sources, the whole's budget none of theirs)
        if members.contains(where: { id in
            table[id].kind.isMoney && table[id].change == 0 && !table[id].comparesYears && subjects[id].hasPrefix("{") && subjects[id] != item
        }) { return [] }
        let anyItem = shape.substitute(k, measure: measure, item: "*")
        let found = members.filter { subjects[$0] == "total" && matches(anyItem, table, $0, item: "*") }
        guard let first = found.first, found.allSatisfy({ subjects[$0] == subjects[first] && table[$0].number.value == table[first].number.value })
        else { return [] }
        let standIn = subjects[first]
        for other in shape.refs.indices where other != k && shape.itemIsVariable[other] {
            let ref = shape.substitute(other, measure: measure, item: standIn)
            if members.contains(where: { matches(ref, table, $0, item: standIn, subject: subjects[$0]) }) { return [] }
        }
        return found
    }

    /// Whether one of the rule's `alternatives` holds over the figures bound, its other references
    /// bound in the frame as the formula's are (one figure per concept, a sum takes them all).
    static func alternativeHolds(_ rule: Rule, bound: [ConceptReference: [Fact]], members: [Int], measure: String?, item: String?,
                                 subjects: [String], _ context: inout CheckContext) -> Bool {
        let table = context.facts.facts
        alternatives: for alternative in rule.alternatives {
            var extended = bound
            let summed = Set(alternative.lhs.summedReferences + alternative.rhs.summedReferences)
            for ref in alternative.references where extended[ref] == nil {
                let substituted = substitute(ref, measure: measure, item: item)
                var r = substituted
                var candidates = members.filter { matches(r, table, $0, item: r.item, subject: subjects[$0]) }
                // a figure the formula does not name may be stated for the whole, with no item
                // ("项目总投资A，实际到位资金B": the project's funds that arrived)
                if candidates.isEmpty && ref.isVariable && r.item != "total" {
                    r.item = "total"
                    candidates = members.filter { matches(r, table, $0, item: r.item, subject: subjects[$0]) }
                }
                // or stated once in another part of the report ("收入总计A" in the section before the
                // spending's: the balance is the final account's, revenue less spending)
                if candidates.isEmpty && !summed.contains(ref) {
                    let year = bound.values.lazy.flatMap({ $0 }).compactMap(\.year).first
                    candidates = statedElsewhere(substituted, year: year, subjects: subjects, &context)
                }
                if summed.contains(ref) {
                    extended[ref] = candidates.map { table[$0] }
                    continue
                }
                guard let first = candidates.first else {
                    if ref.optional { extended[ref] = []; continue }
                    continue alternatives
                }
                if candidates.contains(where: { context.intervals[$0] != context.intervals[first] }) { continue alternatives }
                extended[ref] = [table[first]]
            }
            if FormulaEvaluator.holds(alternative, bound: extended, context: context, reinterpret: []) == true { return true }
        }
        return false
    }

    /// The figures of the whole report that stand for `ref` where its frame states none: those
    /// that match it, of `year` or of none; the running text's when it has some, and of those the
    /// ones named as totals when some are. Found once per reference and year for a document
    /// (every frame instance asks again).
    static func statedElsewhere(_ ref: ConceptReference, year: Int?, subjects: [String], _ context: inout CheckContext) -> [Int] {
        let key = CheckContext.ElsewhereKey(ref: ref, year: year)
        if let known = context.statedElsewhereCache[key] { return known }
        let table = context.facts.facts
        var candidates = figures(matching: ref, &context).filter { matches(ref, table, $0, item: ref.item, subject: subjects[$0]) }
        // (of the year of the figures bound: not the next year's plan)
        if let year { candidates = candidates.filter { table[$0].year == nil || table[$0].year == year } }
        // (stated in the running text where it is: the tables may total other lists)
        let prose = candidates.filter { !table[$0].isCellValue }
        if !prose.isEmpty { candidates = prose }
        // (named as a total where some are: "收入总计A" over the rows of its table)
        let totals = candidates.filter { table[$0].marksTotal }
        if !totals.isEmpty { candidates = totals }
        context.statedElsewhereCache[key] = candidates
        return candidates
    }

    /// The ids of the figures of the whole document that may match `ref`: those with its item-less
    /// presence key. A deduction's figures may be bare cells, which have no key: every figure.
    static func figures(matching ref: ConceptReference, _ context: inout CheckContext) -> [Int] {
        if ref.measure == "deduction" { return Array(context.facts.facts.indices) }
        var general = presenceKey(ref)
        general.item = nil
        return context.figures(withKey: general)
    }

    /// In a table, a column relation holds only over complete columns: every figure of each column
    /// used must take part (a column with other, unnamed rows is not a decomposition).
    static func columnsComplete(_ bound: [Fact], _ context: CheckContext) -> Bool {
        let ids = Set(bound.map(\.id))
        for f in bound {
            guard case .cell(let t, let r, let c) = f.place else { continue }
            let segment = context.doc.tables[t].rows[r].segment
            for (row, cells) in context.facts.tableFacts[t].enumerated() where context.doc.tables[t].rows[row].segment == segment {
                if let other = cells[c], !ids.contains(other), context.fact(other).kind.sameFamily(as: f.kind) { return false }
            }
        }
        return true
    }

    /// A formula stating a rate (its left side a rate concept).
    static func isRate(_ formula: Formula) -> Bool {
        if case .reference(let r) = formula.lhs { return r.rate != nil }
        return false
    }

    /// A part of a listed whole that the formula leaves out means the formula is not the list's sum.
    /// "支出总计A，其中本年支出B，结转和结余C。本年支出中，基本支出a；项目支出b": figures bound as parts
    /// that the text lists, every one, as the parts of a figure not bound make that figure, not the total
    /// bound (the lists' own rules check them against it).
    /// "…配套资金使用率为89.10%。截至年末，项目累计完成投资A，其中…配套资金b": an amount stated after the
    /// rate's sentence, as a part of another figure's list, is not what the rate was reckoned from.
    static func partOfLaterList(_ all: [Fact], _ context: CheckContext) -> Bool {
        guard let rate = all.first(where: { $0.kind == .percent }), case .text(let p, let s, _) = rate.place else { return false }
        return all.contains { f in
            guard f.kind.isMoney, case .text(let q, let t, _) = f.place, q > p || (q == p && t > s) else { return false }
            return context.facts.groups.contains { $0.parts.contains(f.id) && $0.whole != f.id }
        }
    }

    static func listedUnderAnotherWhole(_ involved: [Int], _ context: CheckContext) -> Bool {
        let ids = Set(involved)
        return context.facts.groups.contains { g in
            guard !ids.contains(g.whole), g.parts.count >= 2, g.parts.allSatisfy({ ids.contains($0) }) else { return false }
            let rest = ids.subtracting(g.parts)
            // (a total of the same value is that whole stated again)
            return rest.count == 1 && context.fact(rest.first!).kind.sameFamily(as: context.fact(g.whole).kind)
                && !context.intervals[rest.first!].overlaps(context.intervals[g.whole])
        }
    }

    /// "全年预算2,880万元，其中：…，区级财政资金1,150万元（年初预算安排900万元，年中追加250万元）": figures in
    /// the brackets right after an amount that is not bound break that amount down; bound with a figure
    /// outside those brackets, they say nothing of it.
    static func bracketedUnderAnother(_ all: [Fact], _ context: CheckContext) -> Bool {
        let ids = Set(all.map(\.id))
        let inside = all.filter { $0.number.parenDepth > 0 }
        guard inside.count >= 2, inside.count < all.count else { return false }
        var amount: Int?
        for f in inside {
            guard case .text(let p, _, _) = f.place, let (pids, at) = context.positionInParagraph(of: f) else { return false }
            let s = context.doc.paragraphs[p].text.scalars
            // where the bracket `f` stands in opens (a bracket of a few clauses: the scan is short)
            var k = f.number.numberRange.lowerBound - 1, depth = 0
            while k >= 0 && f.number.numberRange.lowerBound - k <= 200 {
                if s[k] == "）" || s[k] == ")" { depth += 1 } else if s[k] == "（" || s[k] == "(" { if depth == 0 { break }; depth -= 1 }
                k -= 1
            }
            guard k >= 0, s[k] == "（" || s[k] == "(" else { return false }
            var j = k
            while j > 0 && CharClass.isWhitespace(s[j - 1]) { j -= 1 }
            guard let w = pids[..<at].last(where: { context.fact($0).number.range.upperBound <= k }),
                  context.fact(w).number.range.upperBound == j, !ids.contains(w),
                  context.fact(w).kind.sameFamily(as: f.kind), amount == nil || amount == w else { return false }
            amount = w
        }
        return true
    }

    /// "全年实际支出A，预算执行率P%，支出额占到位资金的Q%，到位未支出资金B": the rate the figures give is
    /// another one their sentence states (of another base): the bound rate is not of these figures.
    static func statedAsAnotherRate(_ formula: Formula, bound: [ConceptReference: [Fact]], involved: [Fact], _ context: CheckContext) -> Bool {
        guard case .reference(let r) = formula.lhs, let rate = bound[r]?.first, let (p, s) = context.sentence(of: rate),
              let computed = FormulaEvaluator.eval(formula.rhs, bound: bound, context: context, reinterpret: []),
              let (ids, at) = context.positionInParagraph(of: rate) else { return false }
        let ownIds = Set(involved.map(\.id))
        // (the rates a few figures either side, in its sentence: a long sentence stays linear)
        for id in ids[max(0, at - 8)..<min(ids.count, at + 9)] where !ownIds.contains(id) {
            let o = context.fact(id)
            // (a share naming its base: a rate of the same name beside it, a part's, is no other base's)
            guard o.kind == .percent, o.shareOf.map({ !$0.isEmpty }) == true, o.change == 0, !o.comparesYears, o.number.comparator == nil,
                  !o.number.inRange, let (q, t) = context.sentence(of: o), q == p, t == s else { continue }
            if context.interval(o).overlaps(computed) { return true }
        }
        return false
    }

    /// The formula's result (its left side) stands in a column where two rows above it at least state
    /// theirs: a total row summing them ("年度资金总额 | 1280 | … | 10 | 95.05% | 9.05" heads its form,
    /// its parts' score cells empty, and is scored as any row).
    static func totalOfScoredRows(_ formula: Formula, boundIds: [[Int]], refs: [ConceptReference], _ context: CheckContext) -> Bool {
        guard case .reference(let r) = formula.lhs, let k = refs.firstIndex(of: r), let id = boundIds[k].first,
              case .cell(let t, let row, let column) = context.fact(id).place else { return false }
        var stated = 0
        for above in stride(from: row - 1, through: 0, by: -1) where context.facts.tableFacts[t][above][column] != nil {
            stated += 1
            if stated >= 2 { return true }
        }
        return false
    }

    /// Whether the expression multiplies two figures (not a figure by a constant).
    static func multipliesReferences(_ e: FormulaExpression) -> Bool {
        func refers(_ e: FormulaExpression) -> Bool {
            switch e {
            case .reference, .sum: return true
            case .constant: return false
            case .negate(let x), .absolute(let x): return refers(x)
            case .binary(_, let l, let r): return refers(l) || refers(r)
            }
        }
        switch e {
        case .binary(let op, let l, let r):
            if op == "*" && refers(l) && refers(r) { return true }
            return multipliesReferences(l) || multipliesReferences(r)
        case .negate(let x), .absolute(let x): return multipliesReferences(x)
        default: return false
        }
    }

    static func hasUnboundSiblings(_ bound: [Fact], _ context: CheckContext) -> Bool {
        let ids = Set(bound.map(\.id))
        for id in ids {
            guard let groups = context.groupsOfWhole[id] else { continue }
            for g in groups where g.parts.contains(where: { ids.contains($0) }) && g.parts.contains(where: { !ids.contains($0) }) {
                return true
            }
        }
        return false
    }

    /// "分值 9 | 执行率 95.8% | 得分 8": a score computed from other figures (9 × 95.8% = 8.62) but
    /// written in whole points is that product rounded or cut down to a whole point; it stands for
    /// [s − 0.5, s + 1), as a truncated fraction does.
    static let half = Decimal(5) / 10

    static func isWholePointScore(_ formula: Formula, bound: [ConceptReference: [Fact]], context: CheckContext) -> Bool {
        guard formula.relation == .equal, case .reference(let r) = formula.lhs, r.measure == "score",
              case .binary = formula.rhs, let s = bound[r]?.first, s.kind == .score, s.number.decimals == 0,
              let computed = FormulaEvaluator.eval(formula.rhs, bound: bound, context: context, reinterpret: []) else { return false }
        return cutDownOrRounded(computed, shown: s.value)
    }

    /// A whole number shown for a value rounded or cut down to it: [s − 0.5, s + 1).
    static func cutDownOrRounded(_ computed: Interval, shown s: Decimal) -> Bool {
        computed.hi >= s - Self.half && computed.lo < s + 1
    }

    /// "节约率为18%" for 18.75%: where the rule says so (`whole_percents_cut_down`), a rate written as
    /// a whole percentage may be cut down rather than rounded; it stands for [s − 0.5, s + 1).
    static func isTruncatedWholePercent(_ formula: Formula, bound: [ConceptReference: [Fact]], context: CheckContext) -> Bool {
        guard formula.relation == .equal, case .reference(let r) = formula.lhs, let s = bound[r]?.first, s.kind == .percent,
              s.number.decimals == 0, s.value > 0,
              let computed = FormulaEvaluator.eval(formula.rhs, bound: bound, context: context, reinterpret: []) else { return false }
        return cutDownOrRounded(computed, shown: s.value)
    }

    /// "年初预算2,684.50万元（含上年结转结余57.83万元）": a figure in brackets opened by an inclusion marker is
    /// some of the figure before the brackets; the two are never added together.
    static func includedInAnother(_ involved: [Fact], _ context: CheckContext) -> Bool {
        let markers = context.vocabulary[.inclusionMarkers]
        let ids = Set(involved.map(\.id))
        for f in involved where f.number.parenDepth > 0 {
            guard case .text(let p, _, _) = f.place, let (paragraphIDs, at) = context.positionInParagraph(of: f), at > 0 else { continue }
            let s = context.doc.paragraphs[p].text.scalars
            var k = f.number.numberRange.lowerBound - 1
            while k >= 0, f.number.numberRange.lowerBound - k <= 30, s[k] != "（", s[k] != "(" { k -= 1 }
            guard k >= 0, s[k] == "（" || s[k] == "(", markers.prefixLength(s, at: k) > 0 || markers.prefixLength(s, at: k + 1) > 0 else { continue }
            let before = context.fact(paragraphIDs[at - 1])
            if ids.contains(before.id), before.number.range.upperBound <= k { return true }
        }
        return false
    }

    /// "预算总收入减去预算总支出，当年结余92.8亿元": the clause before the result says which figures
    /// it is taken from (names joined by a subtraction word, no figure of its own). When a figure the
    /// formula bound is not one of them, the text computed the result from others (a total the
    /// formula does not see) and says nothing about the formula's relation.
    static func derivedFromOthers(_ main: Fact, _ involved: [Fact], _ context: CheckContext) -> Bool {
        guard case .text(let p, let s, _) = main.place else { return false }
        let paragraph = context.doc.paragraphs[p]
        guard paragraph.sentences.indices.contains(s) else { return false }
        let scalars = paragraph.text.scalars
        let start = paragraph.sentences[s].lowerBound, end = min(main.number.numberRange.lowerBound, scalars.count)
        guard start < end else { return false }
        let subtraction = context.vocabulary[.subtractionWords]
        // the clauses of the sentence before the figure, the nearest first
        var clauseEnd = end, k = end - 1
        while k >= start - 1 {
            if k < start || ScalarSets.clauseBreaks.contains(scalars[k]) {
                let clause = (k + 1)..<clauseEnd
                if let word = subtraction.firstMatch(in: scalars, from: clause.lowerBound, before: clause.upperBound),
                   !scalars[clause].contains(where: { CharClass.isDigit($0) }) {
                    let left = ScalarString.make(scalars[clause.lowerBound..<word.start])
                    let right = ScalarString.make(scalars[(word.start + word.length)..<clause.upperBound])
                    func named(_ f: Fact) -> Bool {
                        let head = f.head
                        guard !head.isEmpty else { return true }
                        return [left, right].contains { side in !side.isEmpty && (side.hasSuffix(head) || head.hasSuffix(side)) }
                    }
                    return involved.contains { $0.id != main.id && !named($0) }
                }
                clauseEnd = k
            }
            k -= 1
        }
        return false
    }

    /// "年初预算a，…财政拨款调减b，同时收到…专项工作经费c（列其他资金），调整后全年预算d": an amount of the
    /// identity's own paragraph, stated among its figures and bound to none, that is exactly what the
    /// two sides differ by is a term the reading missed, not a slip (identities of amounts only).
    static func gapIsUnboundAmount(_ formula: Formula, bound: [ConceptReference: [Fact]], involved: [Fact], _ context: CheckContext) -> Bool {
        guard formula.relation == .equal, !isRate(formula), involved.allSatisfy({ $0.kind.isMoney }),
              let p = involved[0].place.paragraph, involved.allSatisfy({ $0.place.paragraph == p }),
              let lhs = FormulaEvaluator.eval(formula.lhs, bound: bound, context: context, reinterpret: []),
              let rhs = FormulaEvaluator.eval(formula.rhs, bound: bound, context: context, reinterpret: []) else { return false }
        let gap = lhs - rhs
        let from = involved.map(\.number.range.lowerBound).min()!, to = involved.map(\.number.range.upperBound).max()!
        let ids = Set(involved.map(\.id))
        return context.facts.paragraphFacts[p].contains { id in
            let f = context.facts.facts[id]
            guard !ids.contains(id), f.kind.isMoney, f.number.range.lowerBound > from, f.number.range.upperBound < to,
                  f.change == 0, !f.comparesYears, !f.number.inRange else { return false }
            let v = context.interval(f)
            return gap.overlaps(v) || gap.overlaps(Interval(exactly: 0) - v)
        }
    }

    static func check(_ rule: Rule, _ formula: Formula, bound: [ConceptReference: [Fact]], involved: [Fact], _ context: inout CheckContext) {
        let holds = FormulaEvaluator.holds(formula, bound: bound, context: context, reinterpret: [])
        guard let result = holds else { return }
        let main = formula.lhs.references.first.flatMap { bound[$0]?.first } ?? involved[0]
        // inputs from two different years: the numbers belong together, a year is wrong
        let years = Set(involved.compactMap(\.year))
        if years.count > 1 {
            // ("满意度为92.04%，2026年满意度目标值为92%": a target set for the next year from this year's
            // result matches it; no year is wrong)
            let targets = context.vocabulary[.targetLabels]
            if result && !involved.contains(where: { $0.isTarget || targets.occurs(in: $0.head) }) {
                // the relation in the report's own figures, not the rule's formula text
                let relation = FormulaEvaluator.render(formula.lhs, bound: bound, mixedUnits: true, context: context) + " "
                    + (formula.relation == .equal ? "=" : formula.relation.rawValue) + " " + FormulaEvaluator.render(formula.rhs, bound: bound, mixedUnits: true, context: context)
                _ = context.handOver(.years(involved: involved, relation: relation))
            }
            return
        }
        if result { context.held.insert([main.id, rule.id.hashValue]); return }
        // "财政拨款支出A，分为基本支出a和项目支出b。…本年基本支出a′中另有…": a main figure whose relation held in
        // a smaller frame (frames go from the sentence out) is not off for other figures further away
        if context.held.contains([main.id, rule.id.hashValue]) { return }
        // ("“联谊组织覆盖率”目标值80%，实际完成75%…满意度93.10%": a figure named as a target is what was
        // aimed at, not what the inputs come to)
        if main.isTarget || context.vocabulary[.targetLabels].isSuffix(of: main.label) { return }
        if isWholePointScore(formula, bound: bound, context: context) { return }
        if rule[.wholePercentsCutDown] && isTruncatedWholePercent(formula, bound: bound, context: context) { return }
        if derivedFromOthers(main, involved, context) { return }
        if includedInAnother(involved, context) { return }
        // "调整后全年预算A。…另有上年结转资金B": a figure set apart after the total is not added into it
        let apart = context.vocabulary[.setApartWords]
        if involved.contains(where: { $0.id != main.id && $0.id > main.id && apart.isPrefix(of: $0.label) }) { return }
        if gapIsUnboundAmount(formula, bound: bound, involved: involved, context) { return }
        // read as 万元, a figure written in 元 would make the relation hold: a unit slip
        let yuan = involved.filter { $0.kind.moneyUnit == .yuan }
        if context.facts.dominantMoneyUnit != .yuan, !yuan.isEmpty && involved.contains(where: { $0.kind.moneyUnit == .wanYuan }),
           FormulaEvaluator.holds(formula, bound: bound, context: context, reinterpret: Set(yuan.map(\.id))) == true,
           context.handOver(.unit(slipped: yuan, involved: involved, written: .yuan)) {
            return
        }
        // in a report that counts in 元, a figure written in 万元 that only fits read as 元
        let wan = involved.filter { $0.kind.moneyUnit == .wanYuan }
        if context.facts.dominantMoneyUnit == .yuan, !wan.isEmpty, wan.count < involved.count,
           involved.contains(where: { $0.kind.moneyUnit == .yuan }),
           FormulaEvaluator.holds(formula, bound: bound, context: context, reinterpret: Set(wan.map(\.id))) == true,
           context.handOver(.unit(slipped: wan, involved: involved, written: .wanYuan)) {
            return
        }
        let evidence = FormulaEvaluator.evidence(formula, bound: bound, main: main, rule: rule, context: context)
        context.report(rule, main: main, others: involved, evidence: evidence)
    }
}

extension FormulaExpression {
    func sumsReference(_ ref: ConceptReference) -> Bool {
        switch self {
        case .sum(let r): return r == ref
        case .reference, .constant: return false
        case .negate(let e), .absolute(let e): return e.sumsReference(ref)
        case .binary(_, let a, let b): return a.sumsReference(ref) || b.sumsReference(ref)
        }
    }

    /// Built of references, sums and constants by +, − and multiples: a quotient of two of these
    /// takes its least and greatest values at the ends of its figures' intervals.
    var isAffine: Bool {
        switch self {
        case .reference, .sum, .constant: return true
        case .negate(let x): return x.isAffine
        case .absolute: return false
        case .binary(let op, let a, let b):
            switch op {
            case "+", "-": return a.isAffine && b.isAffine
            case "*": return a.isAffine && b.isConstant || a.isConstant && b.isAffine
            default: return a.isAffine && b.isConstant
            }
        }
    }

    var isConstant: Bool {
        switch self {
        case .constant: return true
        case .negate(let x): return x.isConstant
        default: return false
        }
    }

    /// The single figures a quotient of two affine expressions names more than once
    /// ("spend / (spend + carryover)"), at most `FormulaEvaluator.maxCornerReferences` of them;
    /// empty for any other expression. Interval arithmetic takes each occurrence as a value of its
    /// own and widens the quotient; evaluated at each end of these, it is exact.
    var repeatedInQuotient: [ConceptReference] {
        guard case .binary("/", let a, let b) = self, a.isAffine, b.isAffine else { return [] }
        var seen = [ConceptReference](), repeated = [ConceptReference]()
        func walk(_ e: FormulaExpression) {
            switch e {
            case .reference(let r):
                if seen.contains(r) { if !repeated.contains(r) { repeated.append(r) } } else { seen.append(r) }
            case .sum, .constant: break
            case .negate(let x), .absolute(let x): walk(x)
            case .binary(_, let x, let y): walk(x); walk(y)
            }
        }
        walk(self)
        return repeated.count <= FormulaEvaluator.maxCornerReferences ? repeated : []
    }
}

/// A formula expression whose references are indices into `FormulaCheck.Shape.refs` (the first
/// occurrence of each): evaluated against a binding by index (`FormulaEvaluator.eval(_:boundIds:context:)`)
/// without hashing references.
indirect enum IndexedExpression: Sendable {
    case reference(Int)
    case sum(Int)
    case constant(Decimal)
    case negate(IndexedExpression)
    case absolute(IndexedExpression)
    case binary(Character, IndexedExpression, IndexedExpression)
    /// A quotient naming these references more than once, evaluated at each end of each.
    case corners([Int], IndexedExpression)

    init(_ e: FormulaExpression, refs: [ConceptReference]) {
        let repeated = e.repeatedInQuotient
        if !repeated.isEmpty, case .binary(let op, let a, let b) = e {
            self = .corners(repeated.map { refs.firstIndex(of: $0)! }, .binary(op, IndexedExpression(a, refs: refs), IndexedExpression(b, refs: refs)))
            return
        }
        switch e {
        case .reference(let r): self = .reference(refs.firstIndex(of: r)!)
        case .sum(let r): self = .sum(refs.firstIndex(of: r)!)
        case .constant(let d): self = .constant(d)
        case .negate(let x): self = .negate(IndexedExpression(x, refs: refs))
        case .absolute(let x): self = .absolute(IndexedExpression(x, refs: refs))
        case .binary(let op, let a, let b): self = .binary(op, IndexedExpression(a, refs: refs), IndexedExpression(b, refs: refs))
        }
    }
}

/// Interval evaluation and evidence text of formulas.
enum FormulaEvaluator {
    /// `eval` of a formula side bound by index: `boundIds[k]` the ids of the facts bound to
    /// reference `k`, read as they are (nothing reinterpreted).
    /// At most this many figures named twice in one quotient are tried at their ends (2^n evaluations).
    static let maxCornerReferences = 3

    /// `fixed`: references held at one value (one end of their interval, for `.corners`).
    static func eval(_ e: IndexedExpression, boundIds: [[Int]], context: CheckContext, fixed: [(Int, Interval)] = []) -> Interval? {
        switch e {
        case .reference(let k):
            if let held = fixed.first(where: { $0.0 == k }) { return held.1 }
            guard let id = boundIds[k].first else { return Interval(exactly: 0) }
            return value(id, context)
        case .sum(let k):
            return boundIds[k].reduce(Interval(exactly: 0)) { $0 + value($1, context) }
        case .constant(let d):
            return Interval(exactly: d)
        case .negate(let x):
            return eval(x, boundIds: boundIds, context: context, fixed: fixed).map { -$0 }
        case .absolute(let x):
            guard let v = eval(x, boundIds: boundIds, context: context, fixed: fixed) else { return nil }
            return magnitude(v)
        case .binary(let op, let a, let b):
            guard let l = eval(a, boundIds: boundIds, context: context, fixed: fixed),
                  let r = eval(b, boundIds: boundIds, context: context, fixed: fixed) else { return nil }
            return apply(op, l, r)
        case .corners(let refs, let quotient):
            let ends = refs.map { k -> Interval in
                if let held = fixed.first(where: { $0.0 == k }) { return held.1 }
                guard let id = boundIds[k].first else { return Interval(exactly: 0) }
                return value(id, context)
            }
            return corners(ends, natural: { eval(quotient, boundIds: boundIds, context: context, fixed: fixed) }) { held in
                eval(quotient, boundIds: boundIds, context: context, fixed: fixed + zip(refs, held).map { ($0, $1) })
            }
        }
    }

    /// A quotient of two affine expressions over the figures' intervals: its hull at every choice of
    /// ends of the figures it names twice (`ends`), the others left as intervals (exact when each of
    /// them is named once; never narrower than the true range, as such a quotient takes its extremes
    /// at the corners). nil when the plain evaluation (`natural`, a wider one) cannot rule out a
    /// divisor of 0.
    static func corners(_ ends: [Interval], natural: () -> Interval?, at: ([Interval]) -> Interval?) -> Interval? {
        guard natural() != nil else { return nil }
        var range: Interval?
        for choice in 0..<(1 << ends.count) {
            let held = ends.indices.map { n in Interval(exactly: choice & (1 << n) == 0 ? ends[n].lo : ends[n].hi) }
            guard let v = at(held) else { return nil }
            range = range?.hull(v) ?? v
        }
        return range
    }

    /// `holds` of the rule's formula bound by index.
    static func holds(_ shape: FormulaCheck.Shape, boundIds: [[Int]], context: CheckContext) -> Bool? {
        guard let l = eval(shape.lhs, boundIds: boundIds, context: context), let r = eval(shape.rhs, boundIds: boundIds, context: context) else { return nil }
        return compare(l, shape.relation, r)
    }

    /// `value` of the fact with this id, not reinterpreted.
    static func value(_ id: Int, _ context: CheckContext) -> Interval {
        let iv = context.intervals[id]
        // read in place: only an adjustment can be made negative by its words
        guard context.facts.facts[id].concept.measure == "adjust" else { return iv }
        return signedNegative(context.facts.facts[id], context) ? -iv : iv
    }

    static func magnitude(_ v: Interval) -> Interval {
        if v.lo >= 0 { return v }
        if v.hi <= 0 { return -v }
        return Interval(lo: 0, hi: max(-v.lo, v.hi))
    }

    static func apply(_ op: Character, _ l: Interval, _ r: Interval) -> Interval? {
        switch op {
        case "+": return l + r
        case "-": return l - r
        case "*": return l * r
        default: return l / r
        }
    }

    static func compare(_ l: Interval, _ relation: Formula.Relation, _ r: Interval) -> Bool {
        switch relation {
        case .equal: return l.overlaps(r)
        case .notEqual: return !l.overlaps(r)
        case .lessOrEqual: return l.lo <= r.hi
        case .greaterOrEqual: return l.hi >= r.lo
        case .less: return l.lo < r.hi
        case .greater: return l.hi > r.lo
        }
    }

    static func value(_ f: Fact, _ context: CheckContext, reinterpret: Set<Int>) -> Interval {
        var iv = context.interval(f)
        // the other unit: 元 read as 万元, 万元 read as 元
        if reinterpret.contains(f.id) {
            iv = f.kind.moneyUnit == .wanYuan ? (iv / Interval(exactly: 10000)) ?? iv : iv * Interval(exactly: 10000)
        }
        if signedNegative(f, context) { iv = -iv }
        return iv
    }

    /// "调减预算250万": an adjustment the words make negative (a table's "-250.00" carries its sign).
    static func signedNegative(_ f: Fact, _ context: CheckContext) -> Bool {
        f.concept.measure == "adjust" && f.value > 0 && context.vocabulary[.negativeAdjustmentWords].occurs(in: f.label)
    }

    static func signed(_ f: Fact, _ context: CheckContext, unitOf: Fact) -> Decimal {
        let v = context.value(f, inUnitOf: unitOf)
        return signedNegative(f, context) ? -v : v
    }

    static func eval(_ e: FormulaExpression, bound: [ConceptReference: [Fact]], context: CheckContext, reinterpret: Set<Int>,
                     fixed: [ConceptReference: Interval] = [:], exactQuotients: Bool = true) -> Interval? {
        if exactQuotients, case let repeated = e.repeatedInQuotient, !repeated.isEmpty {
            let ends = repeated.map { r -> Interval in
                if let held = fixed[r] { return held }
                guard let f = bound[r]?.first else { return Interval(exactly: 0) }
                return value(f, context, reinterpret: reinterpret)
            }
            return corners(ends, natural: { eval(e, bound: bound, context: context, reinterpret: reinterpret, fixed: fixed, exactQuotients: false) }) { held in
                eval(e, bound: bound, context: context, reinterpret: reinterpret,
                     fixed: fixed.merging(zip(repeated, held)) { $1 }, exactQuotients: false)
            }
        }
        switch e {
        case .reference(let r):
            if let held = fixed[r] { return held }
            guard let f = bound[r]?.first else { return Interval(exactly: 0) }
            return value(f, context, reinterpret: reinterpret)
        case .sum(let r):
            return (bound[r] ?? []).reduce(Interval(exactly: 0)) { $0 + value($1, context, reinterpret: reinterpret) }
        case .constant(let d):
            return Interval(exactly: d)
        case .negate(let x):
            return eval(x, bound: bound, context: context, reinterpret: reinterpret, fixed: fixed).map { -$0 }
        case .absolute(let x):
            guard let v = eval(x, bound: bound, context: context, reinterpret: reinterpret, fixed: fixed) else { return nil }
            return magnitude(v)
        case .binary(let op, let a, let b):
            guard let l = eval(a, bound: bound, context: context, reinterpret: reinterpret, fixed: fixed),
                  let r = eval(b, bound: bound, context: context, reinterpret: reinterpret, fixed: fixed) else { return nil }
            return apply(op, l, r)
        }
    }

    /// nil when the formula cannot be evaluated (a division by an interval around zero).
    static func holds(_ formula: Formula, bound: [ConceptReference: [Fact]], context: CheckContext, reinterpret: Set<Int>) -> Bool? {
        guard let l = eval(formula.lhs, bound: bound, context: context, reinterpret: reinterpret),
              let r = eval(formula.rhs, bound: bound, context: context, reinterpret: reinterpret) else { return nil }
        return compare(l, formula.relation, r)
    }

    /// Exact value from the stated numbers (no rounding slack), in the unit of `unitOf`.
    static func exact(_ e: FormulaExpression, bound: [ConceptReference: [Fact]], unitOf: Fact, context: CheckContext) -> Decimal? {
        switch e {
        case .reference(let r):
            guard let f = bound[r]?.first else { return 0 }
            return signed(f, context, unitOf: unitOf)
        case .sum(let r):
            return (bound[r] ?? []).reduce(Decimal(0)) { $0 + signed($1, context, unitOf: unitOf) }
        case .constant(let d): return d
        case .negate(let x): return exact(x, bound: bound, unitOf: unitOf, context: context).map { -$0 }
        case .absolute(let x): return exact(x, bound: bound, unitOf: unitOf, context: context).map { abs($0) }
        case .binary(let op, let a, let b):
            guard let l = exact(a, bound: bound, unitOf: unitOf, context: context),
                  let r = exact(b, bound: bound, unitOf: unitOf, context: context) else { return nil }
            switch op {
            case "+": return l + r
            case "-": return l - r
            case "*": return l * r
            default: return r == 0 ? nil : l / r
            }
        }
    }

    static func render(_ e: FormulaExpression, bound: [ConceptReference: [Fact]], mixedUnits: Bool, context: CheckContext, parentPrecedence: Int = 0) -> String {
        func lit(_ f: Fact) -> String { (signedNegative(f, context) ? "-" : "") + (mixedUnits ? f.shown : f.literal) }
        switch e {
        case .reference(let r):
            return bound[r]?.first.map(lit) ?? "0"
        case .sum(let r):
            let terms = (bound[r] ?? []).map(lit)
            if terms.isEmpty { return "0" }
            if terms.count == 1 { return terms[0] }
            let joined = terms.dropFirst().reduce(terms[0]) { text, term in
                term.hasPrefix("-") ? text + " − " + term.dropFirst() : text + " + " + term
            }
            return parentPrecedence > 1 ? "(" + joined + ")" : joined
        case .constant(let d): return NSDecimalNumber(decimal: d).stringValue
        case .negate(let x): return "-" + render(x, bound: bound, mixedUnits: mixedUnits, context: context, parentPrecedence: 3)
        case .absolute(let x): return "|" + render(x, bound: bound, mixedUnits: mixedUnits, context: context) + "|"
        case .binary(let op, let a, let b):
            // an optional figure that is absent is left out rather than shown as "+ 0"
            // and so is a sum of nothing ("sum(carryin)" where nothing was carried in)
            if op == "+", case .reference(let r) = b, r.optional, bound[r]?.isEmpty ?? true {
                return render(a, bound: bound, mixedUnits: mixedUnits, context: context, parentPrecedence: parentPrecedence)
            }
            if op == "+", case .sum(let r) = b, bound[r]?.isEmpty ?? true {
                return render(a, bound: bound, mixedUnits: mixedUnits, context: context, parentPrecedence: parentPrecedence)
            }
            let precedence = (op == "+" || op == "-") ? 1 : 2
            var symbol = ["+": "+", "-": "−", "*": "×", "/": "÷"][String(op)] ?? String(op)
            var right = render(b, bound: bound, mixedUnits: mixedUnits, context: context, parentPrecedence: precedence + (op == "-" || op == "/" ? 1 : 0))
            // "+ -245.00" reads "− 245.00"
            if op == "+" && right.hasPrefix("-") { symbol = "−"; right.removeFirst() }
            var text = render(a, bound: bound, mixedUnits: mixedUnits, context: context, parentPrecedence: precedence) + " \(symbol) " + right
            if precedence < parentPrecedence { text = "(" + text + ")" }
            return text
        }
    }

    /// "822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）"
    static func evidence(_ formula: Formula, bound: [ConceptReference: [Fact]], main: Fact, rule: Rule, context: CheckContext) -> String {
        let all = bound.values.flatMap { $0 }
        let units = Set(all.compactMap { $0.kind.moneyUnit })
        let mixed = units.count > 1
        let lhsIsMain = formula.lhs.references.count == 1 && { if case .reference = formula.lhs { return true } else { return false } }()
        let shownScale = max(Show.scale(all), main.kind == .percent ? 2 : 0)
        if lhsIsMain, let computed = exact(formula.rhs, bound: bound, unitOf: main, context: context) {
            let diff = abs(main.value - computed)
            let slots: [Slot: String] = [
                .computation: render(formula.rhs, bound: bound, mixedUnits: mixed, context: context),
                .computed: Show.number(computed, scale: shownScale) + (mixed ? main.number.unitText : (main.kind == .percent ? "%" : "")),
                .stated: (mixed ? main.shown : main.literal + (main.kind == .percent ? "%" : "")) + (main.writtenFraction.map { "（\($0)）" } ?? ""),
                .difference: Show.number(diff, scale: shownScale) + Show.differenceUnit(main, context.vocabulary),
                .relation: formula.relation.shown,
            ]
            return rule.evidence(formula.relation == .equal ? .formulaMismatch : .formulaInequality, slots)
        }
        let lhsText = render(formula.lhs, bound: bound, mixedUnits: mixed, context: context)
        let rhsText = render(formula.rhs, bound: bound, mixedUnits: mixed, context: context)
        let l = exact(formula.lhs, bound: bound, unitOf: main, context: context)
        let r = exact(formula.rhs, bound: bound, unitOf: main, context: context)
        let lt = l.map { " = " + Show.number($0, scale: shownScale) } ?? ""
        let rt = r.map { " = " + Show.number($0, scale: shownScale) } ?? ""
        return rule.evidence(.formulaBothSides, [.left: lhsText + lt, .right: rhsText + rt, .relation: formula.relation.shown])
    }
}

extension Formula.Relation {
    /// The relation as a reader writes it ("≤", not the rule file's "<=").
    var shown: String {
        switch self {
        case .equal: return "="
        case .notEqual: return "≠"
        case .lessOrEqual: return "≤"
        case .greaterOrEqual: return "≥"
        case .less: return "<"
        case .greater: return ">"
        }
    }
}
