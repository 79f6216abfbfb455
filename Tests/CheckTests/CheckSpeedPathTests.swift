import Foundation
import Testing
import TestSupport
import JXCore
import JXRules
import JXLoad
import JXNormalize
import JXStructure
import JXExtract
@testable import JXCheck

/// The fast paths of the checks (issue 12) answer as the slower readings they replace.
private func head(_ text: String, _ modifiers: [String]) -> String {
    ConsistencyCheck.normalizedHead(text, modifiers.map { Array($0.unicodeScalars) })
}

@Suite("Check fast paths")
struct CheckSpeedPathTests {
    @Test func normalizedHeadDropsYearsWhitespaceAndModifiers() {
        #expect(head("2022年度基本支出", ["本年"]) == "基本支出")
        #expect(head("2022年 本年 基本支出", ["本年"]) == "基本支出")
        // digits not followed by 年 stay
        #expect(head("第3项支出", []) == "第3项支出")
        #expect(head("支出20", []) == "支出20")
        #expect(head("１２年支出", []) == "支出")
    }

    @Test func everyIdeographsNumberClassAgreesWithItsCharacter() {
        for v in UInt32(0x4E00)...0x9FFF {
            let ch = Unicode.Scalar(v)!
            #expect(ConsistencyCheck.isNumber(ch) == Character(ch).isNumber, "\(v)")
        }
    }

    @Test func normalizedHeadWithTheModifierSetAsWithout() throws {
        let modifiers = Self.ruleSet.rules.first { $0.check == "same-concept" }.map { $0[.labelModifiers] } ?? WordSet(["本年", "当年"])
        let scalars = modifiers.words.map { Array($0.unicodeScalars) }
        var heads = ["2022年度基本支出", "本年基本支出", "基本支出本年", "度支出"]
        for (_, facts) in try Self.corpus() { heads += facts.facts.map(\.head) }
        for head in heads {
            #expect(ConsistencyCheck.normalizedHead(head, scalars, anyOf: modifiers) == ConsistencyCheck.normalizedHead(head, scalars), "\(head)")
            #expect(ConsistencyCheck.normalizedHead(head, anyOf: modifiers) == ConsistencyCheck.normalizedHead(head, scalars), "\(head)")
        }
    }

    /// `WordSet.removingEach` takes the words out one after another, as `Lexicon.removing` does
    /// with each word's own scalars (order, repeats and words inside words included).
    @Test func removingEachAsRemovingOneWordAtATime() {
        let sets = [["本年", "年", "本"], ["年", "本年"], ["支出", "出"], ["aa", "a"], ["本年度", "本年", "度"]]
        let texts = ["本年本年年本", "本年度支出本年", "aaaa", "a", "", "支出出支", "度本年度年"]
        for words in sets {
            let set = WordSet(words)
            for text in texts {
                var expected = Array(text.unicodeScalars)
                for w in set.words { expected = Lexicon.removing(Array(w.unicodeScalars), from: expected) }
                #expect(set.removingEach(from: Array(text.unicodeScalars)) == expected, "\(words) \(text)")
            }
        }
    }

    @Test func twoIdeographsAsCounted() {
        for text in ["", "a", "基", "基本", "a基b本", "基本支出", "２０22年度", "〇一", "\u{4DFF}\u{4E00}\u{9FFF}\u{A000}"] {
            #expect(ConsistencyCheck.hasTwoIdeographs(text) == (text.unicodeScalars.filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF }.count >= 2), "\(text)")
        }
    }

    @Test func scalarClassesAgreeWithCharacters() {
        for v in Array(0..<0x3100) + Array(0x4E00..<0x4F00) + [0x3000, 0x3007, 0x96F6, 0x4E07, 0x5343, 0x767E, 0x4EBF] {
            guard let ch = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(ConsistencyCheck.isWhitespace(ch) == Character(ch).isWhitespace, "\(v)")
            #expect(ConsistencyCheck.isNumber(ch) == Character(ch).isNumber, "\(v)")
        }
    }

    @Test func normalizedHeadReadsClustersAsCharacters() {
        // a digit with a combining mark is one character: read character by character, as before
        #expect(head("2\u{0301}年支出", []) == "支出")
        #expect(head("e\u{0301} 支出", []) == "e\u{0301}支出")
        #expect(ScalarString.isOwnCharacter("年") && ScalarString.isOwnCharacter("a") && !ScalarString.isOwnCharacter("\u{0301}"))
        #expect(!ScalarString.isOwnCharacter("\r") && !ScalarString.isOwnCharacter("\u{FE0F}") && !ScalarString.isOwnCharacter("\u{3099}"))
    }

    @Test func formulaPresenceKeysAreNecessaryForAMatch() throws {
        // every figure a reference of a default formula rule matches has the reference's key
        let ruleSet = try RuleSet.embedded()
        let text = """
        2023年部门支出决算100万元，其中基本支出决算60万元，项目支出决算40万元，预算执行率95.5%。
        项目预算数50万元，实际支出48万元，执行率96%；年初预算30万元，调增20万元，调整后预算50万元。
        """
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let document = Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)
        let facts = Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: ruleSet.lexicon)
        var keys = Set<FormulaCheck.PresenceKey>()
        for f in facts.facts { FormulaCheck.addPresenceKeys(f, to: &keys) }
        var matched = 0
        for rule in ruleSet.rules {
            for ref in rule.formula?.references ?? [] {
                for f in facts.facts {
                    let subject = FormulaCheck.subjectText(f.concept)
                    let item = ref.isVariable ? subject : ref.item
                    // a measure variable stands for the figure's own measure
                    var bound = ref
                    if ref.measure?.hasPrefix("$") == true { bound.measure = f.concept.measure }
                    guard FormulaCheck.matches(bound, f, item: item, subject: subject) else { continue }
                    matched += 1
                    #expect(keys.contains(FormulaCheck.presenceKey(ref)), "\(rule.id) \(ref) matches \(f.shown) without its key")
                }
            }
        }
        #expect(matched >= 5)
        // a figure the text does not state has no key: rules that need it are skipped
        #expect(!keys.contains(FormulaCheck.PresenceKey(family: .score, name: "score", item: nil)))
    }

    // MARK: table layouts

    /// A selection made once per run (`Checker.selection(only:)`) runs the rules selecting them for
    /// each document did: the same indices and ids, the same findings.
    @Test func selectionMadeOnceAgreesWithSelectingPerDocument() throws {
        let checker = Checker(ruleSet: Self.ruleSet)
        let rules = Self.ruleSet.rules
        let enabled = Set(rules.filter(\.enabled).map(\.id))
        // the enabled rules, named or not, and a few of them (some disabled ones among them)
        #expect(checker.selection(only: nil) == checker.selection(only: enabled))
        let some = Set(rules.indices.filter { $0 % 7 == 0 }.map { rules[$0].id })
        let selected = checker.selection(only: some)
        #expect(selected.indices == rules.indices.filter { some.contains(rules[$0].id) })
        #expect(selected.ids == some)
        for (name, facts) in try Self.corpus() {
            for only in [nil, enabled, some] as [Set<String>?] {
                #expect(checker.check(facts, selection: checker.selection(only: only)) == checker.check(facts, only: only), "\(name)")
                #expect(checker.check(facts, selection: checker.selection(only: only), merge: false) == checker.check(facts, only: only, merge: false), "\(name)")
            }
        }
    }

    /// `YearCheck.eitherContains` answers as Foundation's `contains` both ways, on the opening lines
    /// of the corpus against each title, and on texts with marks that are not characters of their own.
    @Test func eitherContainsAgreesWithFoundationsSearch() throws {
        var lines = ["", "a", "财务决算报告", "2021年财务决算报告", "财务决算", "e\u{301}", "é", "e", "か\u{3099}", "が", "\r\n", "\n", "ab\r\ncd"]
        for (_, facts) in try Self.corpus() {
            for paragraph in facts.structured.paragraphs.prefix(8) {
                lines.append(YearCheck.wordsWithoutYears(paragraph.text.scalars))
                lines.append(paragraph.string)
            }
        }
        var matched = 0
        for a in lines {
            for b in lines.prefix(60) {
                let expected = a.contains(b) || b.contains(a)
                #expect(YearCheck.eitherContains(a, b) == expected, "\(a) / \(b)")
                if expected { matched += 1 }
            }
        }
        #expect(matched > lines.count)
    }

    /// The samples and the shared corpus (when present), extracted with the embedded rules.
    static let ruleSet = try! RuleSet.embedded()

    static func corpus() throws -> [(name: String, facts: FactSet)] {
        // the package root: Tests/CheckTests/<file>, three levels up
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let root = url.path
        var out = [(name: String, facts: FactSet)]()
        for dir in [root + "/samples", root + "/../shared/corpus"] {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() where name.hasSuffix(".txt") {
                let document = try DocumentLoader.load(path: dir + "/" + name)
                out.append((name, Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: ruleSet.lexicon)))
            }
        }
        return out
    }

    /// `TableCheck.label` as it was: the cells sorted, the text compacted for each test.
    static func plainLabel(_ row: TableRow, _ context: CheckContext) -> String {
        var text = ""
        let empty = context.vocabulary[.emptyCellMarks]
        for cell in row.cells.sorted(by: { $0.column < $1.column }) {
            if CellText.isNumeric(cell.text) || empty.contains(CellText.compact(cell.string)) { break }
            let t = CellText.compact(cell.string)
            if !t.isEmpty { text = t }
        }
        return text
    }

    /// `TableCheck.emptyRows` as it was: the filled cells gathered, each label read and marked.
    static func plainEmptyRows(_ table: Table, segment: Int, _ context: CheckContext) -> [Int] {
        var out = [Int]()
        var open = false
        for (r, row) in table.rows.enumerated() where row.segment == segment {
            let filled = row.cells.filter { !$0.isEmpty && !$0.inherited }
            if row.kind == .data && filled.count > 1 {
                open = TableCheck.isChildMarked(plainLabel(row, context), context) == .listed
                continue
            }
            guard row.kind == .caption || row.kind == .data else { open = false; continue }
            guard open, filled.count == 1, let name = filled.first, name.text.count <= 16,
                  !name.text.scalars.contains(where: { $0.value >= 48 && $0.value <= 57 }),
                  TableCheck.isChildMarked(CellText.compact(name.string), context) == nil else {
                open = false
                continue
            }
            out.append(r)
        }
        return out
    }

    /// `ScoreSheet.cap(in:)` as it was, without the test of the last scalar first.
    static func plainCap(in name: String) -> Decimal? {
        let s = ScalarString.scalars(name)
        guard let last = s.last, last == "）" || last == ")" else { return nil }
        var k = s.count - 2
        if k >= 0 && s[k] == "分" { k -= 1 }
        var digits = [Unicode.Scalar]()
        while k >= 0 && (s[k].value >= 48 && s[k].value <= 57 || s[k] == ".") { digits.insert(s[k], at: 0); k -= 1 }
        guard !digits.isEmpty, k >= 0, s[k] == "（" || s[k] == "(" else { return nil }
        return Decimal(string: ScalarString.make(digits))
    }

    @Test func capsAsBefore() throws {
        var names = ["产出（30）", "当年预算执行情况(20分)", "（30）", "30）", "", "）", "产出", "a(1.5)"]
        for (_, facts) in try Self.corpus() {
            for table in facts.structured.tables { for row in table.rows { names += row.cells.map { CellText.compact($0.string) } } }
        }
        for name in names { #expect(ScoreSheet.cap(in: name) == Self.plainCap(in: name), "\(name)") }
    }

    @Test func cachedTableLayoutsAgreeWithEachSegmentsOwn() throws {
        var tables = 0, layouts = 0
        for (name, facts) in try Self.corpus() {
            var context = CheckContext(facts: facts, lexicon: Self.ruleSet.lexicon, ruleSet: Self.ruleSet)
            let cached = context.tableLayouts()
            let sheets = context.scoreSheets()
            #expect(cached.count == facts.structured.tables.count, "\(name)")
            for table in facts.structured.tables {
                tables += 1
                for row in table.rows where row.kind == .data {
                    #expect(TableCheck.label(row, context) == Self.plainLabel(row, context), "\(name) table \(table.index)")
                }
                for segment in Set(table.rows.map(\.segment)) {
                    let labels = TableCheck.labels(table, context)
                    let marks = labels.map { TableCheck.isChildMarked($0, context) }
                    let plain = Self.plainEmptyRows(table, segment: segment, context)
                    #expect(TableCheck.emptyRows(table, segment: segment, context, labels: labels, marks: marks) == plain, "\(name)")
                    #expect(TableCheck.emptyRows(table, segment: segment, context) == plain, "\(name)")
                }
                // each segment's layout made on its own, as every table rule did before the cache
                let own = Set(table.rows.map(\.segment)).sorted().compactMap {
                    TableCheck.layout(table, segment: $0, context, moneyHeadersOnly: sheets[table.index] != nil)
                }
                let kept = cached[table.index]
                #expect(kept.count == own.count, "\(name) table \(table.index)")
                for (a, b) in zip(kept, own) {
                    layouts += 1
                    #expect(a.rows == b.rows && a.columns == b.columns && a.parent == b.parent && a.childMark == b.childMark
                            && a.totals == b.totals && a.emptyParts == b.emptyParts, "\(name) table \(table.index)")
                    for r in a.rows { #expect(a.labels[r] == Self.plainLabel(table.rows[r], context), "\(name) row \(r)") }
                }
            }
        }
        #expect(tables >= 5 && layouts >= 3)
    }

    // MARK: formula binding

    @Test func indexedFormulasEvaluateAsTheReferenceBinding() throws {
        var compared = 0
        for (_, facts) in try Self.corpus() where facts.facts.count >= 4 {
            let context = CheckContext(facts: facts, lexicon: Self.ruleSet.lexicon, ruleSet: Self.ruleSet)
            let n = facts.facts.count
            for (r, rule) in Self.ruleSet.rules.enumerated() {
                guard let formula = rule.formula else { continue }
                let shape = FormulaCheck.Shape(formula)
                // figures bound arbitrarily (the evaluation does not ask whether they fit): one per
                // reference, two or none for a sum, none for an optional one now and then
                for variant in 0..<3 {
                    var ids = [[Int]](repeating: [], count: shape.refs.count)
                    var bound = [ConceptReference: [Fact]]()
                    for k in shape.refs.indices where shape.firstIndex[k] == k {
                        let start = (r * 31 + k * 7 + variant * 13) % n
                        let count = shape.isSum[k] ? variant % 3 : (shape.refs[k].optional && variant == 1 ? 0 : 1)
                        ids[k] = (0..<count).map { (start + $0 * 5) % n }
                        bound[shape.refs[k]] = ids[k].map { facts.facts[$0] }
                    }
                    for k in shape.refs.indices { ids[k] = ids[shape.firstIndex[k]] }
                    let lhs = FormulaEvaluator.eval(formula.lhs, bound: bound, context: context, reinterpret: [])
                    let rhs = FormulaEvaluator.eval(formula.rhs, bound: bound, context: context, reinterpret: [])
                    #expect(FormulaEvaluator.eval(shape.lhs, boundIds: ids, context: context) == lhs, "\(rule.id)")
                    #expect(FormulaEvaluator.eval(shape.rhs, boundIds: ids, context: context) == rhs, "\(rule.id)")
                    #expect(FormulaEvaluator.holds(shape, boundIds: ids, context: context)
                            == FormulaEvaluator.holds(formula, bound: bound, context: context, reinterpret: []), "\(rule.id)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 100)
    }

    /// `Frame.run` made another way: the text figures grouped by sentence, each sentence's in text
    /// order and cut after every percentage.
    static func runs(_ facts: FactSet) -> [[Int]] {
        var bySentence = [[Int]: [Fact]]()
        for f in facts.facts {
            guard case .text(let p, let s, _) = f.place else { continue }
            bySentence[[p, s], default: []].append(f)
        }
        var out = [[Int]]()
        for key in bySentence.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            var run = [Int]()
            for f in bySentence[key]!.sorted(by: { $0.number.numberRange.lowerBound < $1.number.numberRange.lowerBound }) {
                run.append(f.id)
                if f.kind == .percent { out.append(run); run = [] }
            }
            if !run.isEmpty { out.append(run) }
        }
        return out
    }

    @Test func runsEndAtEachPercentage() {
        let facts = CheckLinearityTests.facts("甲预算100万元，支出80万元，执行率80%，乙预算50万元，支出50万元，执行率100%。丙支出10万元。")
        let context = CheckContext(facts: facts, lexicon: Self.ruleSet.lexicon, ruleSet: Self.ruleSet)
        let values = FormulaCheck.instances(of: .run, context).map { $0.map { context.fact($0).literal } }
        #expect(values == [["100", "80", "80"], ["50", "50", "100"], ["10"]])
    }

    @Test func presenceBitsAreNecessaryForAMatch() throws {
        var matched = 0, skipped = 0
        for (name, facts) in try Self.corpus() {
            var context = CheckContext(facts: facts, lexicon: Self.ruleSet.lexicon, ruleSet: Self.ruleSet)
            let present = context.formulaKeys()
            let subjects = context.subjectTexts()
            for rule in Self.ruleSet.rules {
                guard let formula = rule.formula else { continue }
                let shape = FormulaCheck.Shape(formula)
                let prepared = FormulaCheck.Prepared(subjects: subjects, standards: context.perUnitAmounts(), ruleKey: rule.id.hashValue, shape: shape,
                                                      factBits: context.factPresenceBits, bitOfKey: context.presenceBitOfKey)
                for (k, ref) in shape.refs.enumerated() {
                    // a measure variable stands for each measure a money figure states (as in `evaluate`)
                    let measures = ref.measure?.hasPrefix("$") == true
                        ? Set(facts.facts.filter(\.kind.isMoney).compactMap(\.concept.measure)).sorted().map(Optional.some) : [ref.measure]
                    for measure in measures {
                        var substituted = ref
                        substituted.measure = measure
                        let bit = prepared.bit(k, shape, substituted: substituted)
                        for f in facts.facts {
                            // an item variable stands for the figure's subject
                            let item = ref.isVariable ? subjects[f.id] : ref.item
                            guard FormulaCheck.matches(substituted, f, item: item, subject: subjects[f.id]) else { continue }
                            matched += 1
                            #expect(prepared.mayMatch(bit, f.id), "\(name) \(rule.id) ref \(k) \(f.shown)")
                        }
                    }
                }
                // an instance skipped for a missing bit binds nothing: evaluating it adds no finding
                // and no evaluated set
                guard shape.requiredKeys.allSatisfy(present.contains) else { continue }
                let required = FormulaCheck.requiredBits(shape, context)
                for frame in rule.frames {
                    let (instances, bits) = context.instancesWithBits(of: frame)
                    if frame == .run {
                        #expect(instances == Self.runs(facts), "\(name) \(frame)")
                    } else {
                        // grouped as before the shortcut for runs of one key: by a dictionary, in order of first appearance
                        var groups = [FormulaCheck.InstanceKey: [Int]](), order = [FormulaCheck.InstanceKey]()
                        for index in facts.facts.indices {
                            guard let key = FormulaCheck.instanceKey(of: index, in: frame, context) else { continue }
                            if groups[key] == nil { order.append(key) }
                            groups[key, default: []].append(facts.facts[index].id)
                        }
                        #expect(instances == order.map { groups[$0]! }, "\(name) \(frame)")
                    }
                    for i in instances.indices where bits[i] & required != required {
                        var probe = context
                        var room = [[Int]](repeating: [], count: shape.refs.count)
                        FormulaCheck.evaluate(rule, formula, shape, frame: frame, members: instances[i], prepared, boundIds: &room, &probe)
                        #expect(probe.drafts.isEmpty && probe.evaluated == context.evaluated, "\(name) \(rule.id)")
                        skipped += 1
                    }
                }
            }
        }
        #expect(matched >= 50 && skipped >= 50)
    }

    // MARK: score sheets

    /// `ScoreSheet.isGarbled` as it was: each cell's header read for the text role.
    static func plainGarbled(_ row: TableRow, headers: [String], nameColumns: [Int], scoreColumn: Int, layouts: TableLayouts) -> Bool {
        for cell in row.cells where !cell.isEmpty {
            let h = cell.column < headers.count ? headers[cell.column] : ""
            let numeric = CellText.isNumeric(cell.text)
            if numeric && (nameColumns.contains(cell.column) || layouts.header(h, is: .text)) { return true }
            if cell.column == scoreColumn && !numeric && !["-", "—", "——", "/"].contains(CellText.compact(cell.string)) { return true }
        }
        return false
    }

    @Test func scoreSheetColumnsPerSegmentAgreeWithEachRowsOwn() throws {
        let layouts = Self.ruleSet.lexicon.tables
        var rows = 0, sheets = 0
        for (name, facts) in try Self.corpus() {
            for table in facts.structured.tables {
                if ScoreSheet.build(table, facts, layouts: layouts, vocabulary: .embedded) != nil { sheets += 1 }
                for row in table.rows where row.kind == .data {
                    let headers = table.headers(for: row)
                    let columns = ScoreSheet.Columns(headers, layouts)
                    let names = headers.indices.filter { layouts.header(headers[$0], is: .name) }
                    #expect(columns.names == names, "\(name)")
                    #expect(columns.weights == headers.indices.filter { layouts.header(headers[$0], is: .weight) }, "\(name)")
                    let score = headers.indices.last(where: { layouts.header(headers[$0], is: .score) })
                    #expect(columns.score == score, "\(name)")
                    // any column as the score column, to reach the text test for every cell
                    for scoreColumn in [score ?? 0, 0, table.columnCount] {
                        #expect(ScoreSheet.isGarbled(row, nameColumns: names, scoreColumn: scoreColumn, isTextColumn: columns.isText)
                                == Self.plainGarbled(row, headers: headers, nameColumns: names, scoreColumn: scoreColumn, layouts: layouts), "\(name)")
                    }
                    // and with no name columns, so that numbers in text columns decide
                    #expect(ScoreSheet.isGarbled(row, nameColumns: [], scoreColumn: -1, isTextColumn: columns.isText)
                            == Self.plainGarbled(row, headers: headers, nameColumns: [], scoreColumn: -1, layouts: layouts), "\(name)")
                    rows += 1
                }
            }
        }
        #expect(rows >= 100 && sheets >= 1)
    }

    // MARK: report and unit helpers

    @Test func whitespaceRemovedAsByCharacters() throws {
        var texts = ["", " ", "a b", "基本 支出\t100万元", "\r\n基本", "e\u{0301} x", "\u{3000}全角\u{3000}", "a\u{00A0}b", "x\n y", "\u{2028}z"]
        for (_, facts) in try Self.corpus() { texts += facts.structured.paragraphs.map(\.string) }
        for text in texts {
            #expect(CheckContext.withoutWhitespace(text) == text.filter { !$0.isWhitespace }, "\(text)")
        }
    }

    @Test func yuanAndWanYuanAsFiltered() throws {
        var both = 0
        for (name, facts) in try Self.corpus() {
            let money = facts.facts.filter { !$0.number.inRange && !$0.unitAssumed }
            let expected = money.contains { $0.kind.moneyUnit == .yuan } && money.contains { $0.kind.moneyUnit == .wanYuan }
            #expect(UnitCheck.hasYuanAndWanYuan(facts.facts) == expected, "\(name)")
            if expected { both += 1 }
        }
        #expect(both >= 1)
    }

    @Test func aParagraphWithoutAGradeMarkerHasNoneOfThem() throws {
        // `ScoreCheck.grade` skips paragraphs where the marker set finds nothing
        for rule in Self.ruleSet.rules where rule.kind == .score && rule.check == "grade" {
            let markers = rule[.gradeMarkers]
            guard !markers.words.isEmpty else { continue }
            var found = 0
            for (_, facts) in try Self.corpus() {
                for paragraph in facts.structured.paragraphs {
                    let run = paragraph.text
                    let any = markers.words.contains { run.firstIndex(of: Array($0.unicodeScalars), from: 0) != nil }
                    #expect((markers.firstMatch(in: run.scalars) != nil) == any, "\(rule.id) \(paragraph.string)")
                    if any { found += 1 }
                }
            }
            #expect(found >= 1, "\(rule.id)")
        }
    }

    @Test func formulaKeysAndBitsAsMadeFigureByFigure() throws {
        for (name, facts) in try Self.corpus() {
            var context = CheckContext(facts: facts, lexicon: Self.ruleSet.lexicon, ruleSet: Self.ruleSet)
            let keys = context.formulaKeys()
            // every key of every figure inserted and looked up, no shortcut for keys met before
            var plainKeys = Set<FormulaCheck.PresenceKey>()
            var bitOfKey = [FormulaCheck.PresenceKey: UInt64]()
            var bits = [UInt64](repeating: 0, count: facts.facts.count)
            for (k, f) in facts.facts.enumerated() {
                var own = [FormulaCheck.PresenceKey]()
                FormulaCheck.presenceKeys(f) { own.append($0) }
                for key in own {
                    plainKeys.insert(key)
                    guard key.item == nil else { continue }
                    if bitOfKey[key] == nil && bitOfKey.count < 64 { bitOfKey[key] = UInt64(1) << UInt64(bitOfKey.count) }
                    bits[k] |= bitOfKey[key] ?? 0
                }
            }
            #expect(keys == plainKeys, "\(name)")
            #expect(context.presenceBitOfKey == bitOfKey, "\(name)")
            #expect(context.factPresenceBits == bits, "\(name)")
        }
    }

    @Test func numericCellsAsReadInFull() throws {
        var numeric = 0, cells = 0
        for (name, facts) in try Self.corpus() {
            for table in facts.structured.tables {
                for row in table.rows {
                    for cell in row.cells {
                        let plain = CellText.isNumeric(cell.text)
                        #expect(TableCheck.isNumeric(cell.text) == plain, "\(name) \(cell.string)")
                        cells += 1
                        if plain { numeric += 1 }
                    }
                }
            }
        }
        #expect(numeric >= 50 && cells > numeric)
    }
}
