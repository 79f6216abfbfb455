import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

struct SubjectKey: Hashable {
    var item: String?
    var scope: String
}

/// Structure → facts: quantities with labels, concepts, years, and the relations the text states.
public enum Extractor {
    public static func extract(_ doc: StructuredDocument, lexicon: Lexicon, fiscalYear override: Int? = nil) -> FactSet {
        var x = Run(doc: doc, lexicon: lexicon)
        x.scanParagraphs()
        x.scanTables()
        x.resolveFiscalYear(override: override)
        x.resolveYears()
        x.indexSentences()
        x.buildGroups()
        x.inheritMeasures()
        x.buildShares()
        x.buildChanges()
        return x.result()
    }

    struct Run {
        let doc: StructuredDocument
        let lexicon: Lexicon
        var facts = [Fact]()
        var paragraphFacts: [[Int]]
        var tableFacts: [[[Int: Int]]]
        var years = [(paragraph: Int, mention: YearMention)]()
        var groups = [PartsGroup]()
        /// The first group each part belongs to, and the groups of each whole: looked up for every
        /// figure, so kept beside `groups` instead of searching it.
        var groupOfPart: [Int: Int] = [:]
        var listed = Set<Int>()
        var groupsOfWhole: [Int: [Int]] = [:]
        var shares = [ShareStatement]()
        var fiscalYear: Int?
        var fiscalYearSource = "none"
        var titleYear: Int?
        /// Year mentions per paragraph, for resolving facts' years.
        var paragraphYears: [[YearMention]]
        /// Text of table cells scanned as prose ("说明" cells): (table, row, column) → the text.
        var cellTexts: [FactPlace: TextRun] = [:]
        /// Facts of each sentence of each paragraph, in text order (built after the paragraphs are
        /// read): relations stay within a sentence or two, so they are found without rescanning the
        /// whole paragraph for every figure.
        var sentenceFacts: [[Int: [Int]]] = []

        mutating func appendGroup(_ group: PartsGroup) {
            let index = groups.count
            groups.append(group)
            for part in group.parts where groupOfPart[part] == nil { groupOfPart[part] = index }
            groupsOfWhole[group.whole, default: []].append(index)
        }

        func isGrouped(_ id: Int) -> Bool { groupOfPart[id] != nil }

        mutating func indexSentences() {
            sentenceFacts = paragraphFacts.map { ids in
                var map = [Int: [Int]]()
                for id in ids { map[sentenceIndex(of: facts[id]), default: []].append(id) }
                return map
            }
        }

        func facts(paragraph p: Int, sentence s: Int) -> [Int] {
            guard p < sentenceFacts.count else { return [] }
            return sentenceFacts[p][s] ?? []
        }

        /// Labels resolved so far: table cells repeat their row label and column header.
        var resolved: [String: Lexicon.Resolution] = [:]

        mutating func resolve(_ label: String) -> Lexicon.Resolution {
            if let r = resolved[label] { return r }
            let r = lexicon.resolve(label)
            resolved[label] = r
            return r
        }

        init(doc: StructuredDocument, lexicon: Lexicon) {
            self.doc = doc
            self.lexicon = lexicon
            paragraphFacts = Array(repeating: [], count: doc.paragraphs.count)
            paragraphYears = Array(repeating: [], count: doc.paragraphs.count)
            tableFacts = doc.tables.map { Array(repeating: [:], count: $0.rows.count) }
        }

        // MARK: running text

        mutating func scanParagraphs() {
            for p in doc.paragraphs {
                let scan = NumberScanner.scan(p.text)
                paragraphYears[p.index] = scan.years
                for y in scan.years { years.append((p.index, y)) }
                let ids = addProse(scan.numbers, text: p.text, sentences: p.sentences, place: { s, c in .text(paragraph: p.index, sentence: s, clause: c) }, cellPlace: nil)
                paragraphFacts[p.index] = ids
            }
        }

        /// Adds prose facts (running text, or long text inside a table cell).
        mutating func addProse(_ numbers: [ScannedNumber], text: TextRun, sentences: [Range<Int>],
                               place: (Int, Int) -> FactPlace, cellPlace: String?) -> [Int] {
            var ids = [Int]()
            var previousEnd = 0
            var previousSentence = -1
            var clauseState = (sentence: -1, position: 0, count: 0, depth: 0)
            let distributed = Labels.distributedLabels(numbers, text.scalars, sentences: sentences) { name in
                let r = resolve(name)
                return r.item != nil && r.scope.isEmpty
            }
            for (index, number) in numbers.enumerated() {
                if number.kind == .bare { previousEnd = number.range.upperBound; continue }
                let sentence = sentences.firstIndex { $0.contains(number.numberRange.lowerBound) } ?? max(0, sentences.count - 1)
                let sentenceStart = sentences.indices.contains(sentence) ? sentences[sentence].lowerBound : 0
                if sentence != previousSentence { previousEnd = sentenceStart }
                previousSentence = sentence
                let limit = max(previousEnd, sentenceStart)
                let labelRange = Labels.labelRange(text.scalars, numberStart: number.numberRange.lowerBound, limit: limit)
                let label = (distributed[index] ?? nil) ?? text.string(labelRange)
                // counted on from the previous figure of the sentence: one long sentence stays linear
                if clauseState.sentence != sentence || clauseState.position > number.numberRange.lowerBound {
                    clauseState = (sentence, sentenceStart, 0, 0)
                }
                let (clause, depth) = clauseIndex(text.scalars, from: clauseState.position, to: number.numberRange.lowerBound,
                                                  count: clauseState.count, depth: clauseState.depth)
                clauseState = (sentence, max(clauseState.position, number.numberRange.lowerBound), clause, depth)
                guard let span = text.span(number.range), let numberSpan = text.span(number.numberRange) else { continue }
                var fact = makeFact(number: number, label: label, place: place(sentence, clause), span: span, numberSpan: numberSpan)
                if case .some(.none) = distributed[index] {
                    // "A、B和C分别为x、y": which figure is which cannot be told
                    fact.concept.item = nil
                    if fact.concept.scope.isEmpty { fact.concept.scope = fact.head }
                }
                fact.sourcePlace = cellPlace
                ids.append(fact.id)
                facts.append(fact)
                previousEnd = number.range.upperBound
            }
            return ids
        }

        func clauseIndex(_ s: [Unicode.Scalar], from start: Int, to end: Int, count initialCount: Int = 0, depth initialDepth: Int = 0) -> (Int, Int) {
            var count = initialCount
            var depth = initialDepth
            var k = start
            while k < end && k < s.count {
                switch s[k] {
                case "（", "(": depth += 1
                case "）", ")": depth = max(0, depth - 1)
                case "，", ",", "；", ";", "：", ":": if depth == 0 { count += 1 }
                default: break
                }
                k += 1
            }
            return (count, depth)
        }

        mutating func makeFact(number: ScannedNumber, label: String, place: FactPlace, span: SourceSpan, numberSpan: SourceSpan) -> Fact {
            let head = Labels.head(label)
            var shareOf: String?
            var conceptLabel = head
            // "完成政府性基金收入900万元，占年初预算2000万元的45.0%": 2000 is the base of a share
            if number.kind != .percent, let r = label.range(of: "占") {
                shareOf = String(label[r.upperBound...])
            } else if let r = head.range(of: "占") {
                var base = String(head[r.upperBound...])
                for suffix in ["的比重", "的比例", "比重", "比例", "的", "比"] where base.hasSuffix(suffix) { base = String(base.dropLast(suffix.count)) }
                if head.hasSuffix("占比") || base.isEmpty { base = "" }
                if number.kind == .percent {
                    shareOf = base
                    conceptLabel = String(head[..<r.lowerBound])
                }
            } else if (head.hasSuffix("比重") || head.hasSuffix("所占比例")) && number.kind == .percent {
                shareOf = ""
            }
            var change = 0
            if Labels.increaseWords.contains(where: { head.hasSuffix($0) }) { change = 1 }
            if Labels.decreaseWords.contains(where: { head.hasSuffix($0) }) { change = -1 }
            // "增加至365家", "下降到3%": the value reached, not the difference
            if change != 0, label.hasSuffix("至") || label.hasSuffix("到") || label.hasSuffix("为") { change = 0 }
            // "比上年减少1.20万元", "较2022年度决算数减少30.00万元", "与上年相比减少", "比预算数节约",
            // "较2024年的2000万元" (a prior value stated for comparison)
            let comparesYears = Labels.yearComparisons.contains { label.contains($0) } || Labels.isComparison(label)
            let marksTotal = Labels.totalMarkers.contains { head.hasPrefix($0) || label.hasSuffix($0) || label.hasSuffix($0 + "为") }
            var concept = resolve(conceptLabel)
            if number.kind == .percent || number.kind == .percentagePoint { concept.measure = nil } else { concept.rate = nil }
            if number.kind == .score {
                if concept.measure != "score" && concept.measure != "weight" { concept.measure = nil }
            } else if !number.kind.isMoney && number.kind != .percent {
                concept.measure = nil
                concept.item = concept.item == "total" ? nil : concept.item
            } else if concept.measure == "score" || concept.measure == "weight" {
                concept.measure = nil
            }
            if concept.rate == nil && concept.measure == nil && number.kind.isMoney, let item = concept.item, let entry = lexicon.item(item) {
                concept.measure = entry.defaultMeasure
            }
            return Fact(id: facts.count, number: number, place: place, span: span, numberSpan: numberSpan, sourcePlace: nil,
                        label: label, head: head, concept: concept,
                        measureSource: concept.explicitMeasure ? .label : (concept.measure != nil ? .itemDefault : nil),
                        year: nil, yearSource: .document, shareOf: shareOf, change: change, comparesYears: comparesYears,
                        marksTotal: marksTotal)
        }

        // MARK: tables

        mutating func scanTables() {
            var counts = [MoneyUnit: Int]()
            for f in facts { if let u = f.kind.moneyUnit, !u.isDollar, u != .yuan || true { counts[u, default: 0] += 1 } }
            if let top = counts.max(by: { $0.value < $1.value }), top.value >= 3 { proseMoneyUnit = top.key }
            for table in doc.tables {
                // "本年度…" in a caption is the report's year, not a year of its own
                let yearInCaption = NumberScanner.scan(table.caption.scalarArray).years.first { !$0.quoted && $0.form != .relative && $0.form != .date }?.year
                for (r, row) in table.rows.enumerated() where row.kind == .caption {
                    // "一、当年预算执行情况（20分）": the section titles inside a table are text
                    guard let cell = row.cells.first(where: { !$0.isEmpty }) else { continue }
                    let scan = NumberScanner.scan(cell.text)
                    guard !scan.numbers.isEmpty else { continue }
                    let place = FactPlace.cell(table: table.index, row: r, column: cell.column)
                    _ = addProse(scan.numbers, text: cell.text, sentences: Sentences.split(cell.text), place: { _, _ in place }, cellPlace: cell.place)
                }
                for (r, row) in table.rows.enumerated() where row.kind == .data {
                    let headers = table.headers(for: row)
                    let labelText = rowLabel(row, table: table)
                    for cell in row.cells where !cell.isEmpty && !cell.inherited {
                        let header = cell.column < headers.count ? headers[cell.column] : ""
                        var scan = NumberScanner.scan(cell.text)
                        // "-" in a money column is a stated zero (剩余指标 "-" when all was spent)
                        if scan.numbers.isEmpty, ["-", "—", "－", "–"].contains(CellText.compact(cell.string)), let zero = zeroCell(cell.text, header: header, tableUnit: table.unit) {
                            scan.numbers = [zero]
                        }
                        if isSingleValue(cell.text, scan: scan) {
                            guard var number = scan.numbers.first else { continue }
                            applyHeaderUnit(&number, header: header, tableUnit: table.unit)
                            // a money column with no unit anywhere: the report's usual unit, assumed
                            var assumed = false
                            if number.kind == .bare, table.unit == nil, let unit = proseMoneyUnit, lexicon.tables.header(header, is: .money) {
                                number.kind = .money(unit)
                                assumed = true
                            }
                            guard let span = cell.text.span(number.range), let numberSpan = cell.text.span(number.numberRange) else { continue }
                            var fact = makeFact(number: number, label: labelText, place: .cell(table: table.index, row: r, column: cell.column),
                                                span: span, numberSpan: numberSpan)
                            fact.label = labelText + "／" + header
                            fact.isCellValue = true
                            fact.isTarget = lexicon.tables.header(header, is: .target)
                            fact.unitAssumed = assumed
                            applyHeaderConcept(&fact, header: header)
                            fact.sourcePlace = cell.place
                            if let y = yearInCaption { fact.year = y; fact.yearSource = .table }
                            tableFacts[table.index][r][cell.column] = fact.id
                            facts.append(fact)
                        } else if cell.text.count > 8 && !scan.numbers.isEmpty {
                            // running text inside a cell (a 说明 column): read it as prose
                            let sentences = Sentences.split(cell.text)
                            let place = FactPlace.cell(table: table.index, row: r, column: cell.column)
                            cellTexts[place] = cell.text
                            _ = addProse(scan.numbers, text: cell.text, sentences: sentences, place: { _, _ in place }, cellPlace: cell.place)
                        }
                    }
                }
            }
        }

        /// A zero for a dash in a column whose header or table states a money unit.
        mutating func zeroCell(_ text: TextRun, header: String, tableUnit: String?) -> ScannedNumber? {
            var number = ScannedNumber(value: 0, literal: "0", decimals: 0, kind: .bare, unitText: "", multiplier: 0,
                                       comparator: nil, approximate: false, inRange: false, range: 0..<text.count,
                                       numberRange: 0..<text.count, parenDepth: 0)
            applyHeaderUnit(&number, header: header, tableUnit: tableUnit)
            return number.kind.isMoney ? number : nil
        }

        /// A cell that is one number (with a comparator, unit or measure word), not text.
        func isSingleValue(_ text: TextRun, scan: NumberScanner.Result) -> Bool {
            guard scan.numbers.count == 1, let n = scan.numbers.first else { return false }
            if n.value == 0 && n.literal == "0" && n.range.count == text.count { return true }
            var other = 0
            // a comparator word in front of a target ("不少于300人", "大于等于95%") is part of the value
            let lead = n.comparator == nil ? 0 : NumberScanner.leadingComparatorLength(text.scalars, at: n.numberRange.lowerBound)
            let value = (n.numberRange.lowerBound - lead)..<n.range.upperBound
            for (k, ch) in text.scalars.enumerated() where !value.contains(k) && !CharClass.isWhitespace(ch) {
                if "≥≤<>=约".unicodeScalars.contains(ch) { continue }
                other += 1
            }
            return other <= 2
        }

        /// Name columns per (table, header segment), computed once.
        var nameColumnCache: [String: Set<Int>] = [:]

        /// The row's label: the rightmost non-empty cell of its name columns (一级/二级/三级指标, 项目,
        /// 名称 …), or else of the text cells before its first number.
        mutating func rowLabel(_ row: TableRow, table: Table) -> String {
            let key = "\(table.index).\(row.segment)"
            let nameColumns: Set<Int>
            if let cached = nameColumnCache[key] {
                nameColumns = cached
            } else {
                let headers = table.headers(for: row)
                nameColumns = Set(headers.indices.filter { lexicon.tables.header(headers[$0], is: .name) })
                nameColumnCache[key] = nameColumns
            }
            func isNameColumn(_ c: Int) -> Bool { nameColumns.contains(c) }
            var label = ""
            let sorted = row.cells.sorted(by: { $0.column < $1.column })
            if sorted.contains(where: { isNameColumn($0.column) }) {
                for cell in sorted where isNameColumn(cell.column) {
                    let t = CellText.compact(cell.string)
                    if !t.isEmpty && !CellText.isNumeric(cell.text) { label = t }
                }
                if !label.isEmpty { return label }
            }
            for cell in sorted {
                if CellText.isNumeric(cell.text) { break }
                let t = CellText.compact(cell.string)
                if !t.isEmpty && t != "-" && t != "—" && t != "——" { label = t }
                if cell.column >= 3 { break }
            }
            return label
        }

        /// The money unit most prose amounts use (set before tables are read).
        var proseMoneyUnit: MoneyUnit?


        /// What a column header says about the unit of its bare numbers, cached per header.
        enum HeaderUnit { case money(MoneyUnit), score, rate, none }
        var headerUnitCache: [String: HeaderUnit] = [:]

        mutating func applyHeaderUnit(_ number: inout ScannedNumber, header: String, tableUnit: String?) {
            guard number.kind == .bare else { return }
            let key = header + "|" + (tableUnit ?? "")
            let unit: HeaderUnit
            if let cached = headerUnitCache[key] {
                unit = cached
            } else {
                unit = Run.headerUnit(header, tableUnit: tableUnit, layouts: lexicon.tables)
                headerUnitCache[key] = unit
            }
            switch unit {
            case .money(let m):
                number.kind = .money(m)
                number.unitText = ""
            case .score:
                number.kind = .score
            case .rate, .none:
                break
            }
        }

        static func headerUnit(_ header: String, tableUnit: String?, layouts: TableLayouts) -> HeaderUnit {
            var number = ScannedNumber(value: 0, literal: "0", decimals: 0, kind: .bare, unitText: "", multiplier: 0, comparator: nil,
                                       approximate: false, inRange: false, range: 0..<0, numberRange: 0..<0, parenDepth: 0)
            classifyHeaderUnit(&number, header: header, tableUnit: tableUnit, layouts: layouts)
            switch number.kind {
            case .money(let m): return .money(m)
            case .score: return .score
            default: return .none
            }
        }

        static func classifyHeaderUnit(_ number: inout ScannedNumber, header: String, tableUnit: String?, layouts: TableLayouts) {
            guard number.kind == .bare else { return }
            for unit in [MoneyUnit.wanUSD, .yiYuan, .wanYuan, .qianYuan, .yuan] where header.contains("（\(unit.rawValue)）") || header.contains("(\(unit.rawValue))") || header.contains("单位：\(unit.rawValue)") {
                number.kind = .money(unit)
                number.unitText = ""
                return
            }
            if layouts.header(header, is: .weight) || layouts.header(header, is: .score) || header.hasSuffix("分") {
                number.kind = .score
                return
            }
            if layouts.header(header, is: .rate) { return }
            if layouts.header(header, is: .money), let unit = tableUnit, let money = MoneyUnit(rawValue: unit) {
                number.kind = .money(money)
                number.unitText = ""
            }
        }

        mutating func applyHeaderConcept(_ fact: inout Fact, header: String) {
            let fromHeader = resolve(header)
            var rowConcept = resolve(fact.head)
            if fact.number.kind.isMoney {
                // the column says what is measured; the row names the item ("预算准备金" is an item)
                if fromHeader.measure != nil || rowConcept.measure == nil || !rowConcept.explicitMeasure {
                    rowConcept.measure = fromHeader.measure
                    rowConcept.qualifier = fromHeader.qualifier
                    rowConcept.explicitMeasure = fromHeader.explicitMeasure
                }
                if rowConcept.item == nil && rowConcept.scope.isEmpty { rowConcept.item = "total" }
                rowConcept.rate = nil
                fact.measureSource = .header
            } else if fact.number.kind == .percent {
                // the column names the rate (执行率), or else the row does ("预算执行率 | 100% | 95.05%")
                rowConcept.rate = fromHeader.rate ?? rowConcept.rate
                rowConcept.measure = nil
            } else if fact.number.kind == .score {
                rowConcept.measure = fromHeader.measure == "score" || fromHeader.measure == "weight" ? fromHeader.measure : nil
                rowConcept.rate = nil
            } else {
                rowConcept.rate = nil
            }
            fact.concept = rowConcept
            if CellText.isTotalLabel(fact.head) { fact.marksTotal = true }
        }

        // MARK: years

        mutating func resolveFiscalYear(override: Int?) {
            if let t = doc.titleParagraph {
                titleYear = paragraphYears[t].first { !$0.quoted && $0.form != .relative && $0.form != .date }?.year
            }
            if let override {
                fiscalYear = override
                fiscalYearSource = "option"
                return
            }
            // the most frequent year of the body (the title, documents' own dates and quoted titles aside)
            var counts = [Int: Int]()
            for (p, m) in years where p != doc.titleParagraph && !m.quoted && m.form != .relative && m.form != .date && m.form != .rangeEnd {
                // "比2023年预算减少…", "与2023年相比": a year compared with is not the report's year
                if Run.comparedYear(doc.paragraphs[p].text.scalars, at: m.range.lowerBound) { continue }
                counts[m.year, default: 0] += 1
            }
            // ties go to the later year: a report compares its year with the one before
            let body = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key })
            if let y = titleYear {
                // a title year the body never uses, against a body that keeps naming another year:
                // the title is the slip; report on the body's year
                if let b = body, b.key != y, b.value >= 3, counts[y, default: 0] == 0 {
                    fiscalYear = b.key
                    fiscalYearSource = "body"
                    return
                }
                fiscalYear = y
                fiscalYearSource = "title"
                return
            }
            if let b = body {
                fiscalYear = b.key
                fiscalYearSource = "body"
            }
        }

        mutating func resolveYears() {
            for k in facts.indices {
                switch facts[k].place {
                case .text(let p, let s, _):
                    let text = doc.paragraphs[p].text
                    let sentence = doc.paragraphs[p].sentences.indices.contains(s) ? doc.paragraphs[p].sentences[s] : 0..<text.count
                    let start = facts[k].number.numberRange.lowerBound
                    // the last year mention before the number in its sentence, then in the paragraph
                    // a year inside the figure's own label dates it ("公务接待费2020年预算数…",
                    // "结转至2023年1项"); otherwise the last year that opens a clause before it does
                    // ("2022年全年预算数…", "截至2020年年末，…"), not one in passing ("是去年的两倍")
                    let labelStart = start - facts[k].label.unicodeScalars.count
                    let usable = paragraphYears[p].filter { !$0.quoted && $0.form != .date && $0.form != .rangeEnd }
                    let governing = usable.filter { $0.form != .relative && opensClause(text.scalars, at: $0.range.lowerBound) }
                    // "上年结转126.40万元" names this year's carried-in funds: 上年 there is part of the name
                    let inLabel = usable.filter { $0.range.lowerBound >= labelStart && $0.range.upperBound <= start
                        && !($0.form == .relative && Run.namesCarryIn(text.scalars, after: $0.range.upperBound)) }
                    if let m = inLabel.last(where: { $0.form != .relative }) ?? inLabel.last {
                        facts[k].year = m.form == .relative ? fiscalYear.map { $0 + m.year } : m.year
                        facts[k].yearSource = .clause
                    } else if let m = governing.last(where: { $0.range.upperBound <= start && $0.range.lowerBound >= sentence.lowerBound }) {
                        facts[k].year = m.year
                        facts[k].yearSource = .sentence
                    } else if let m = governing.last(where: { $0.range.upperBound <= start }) {
                        facts[k].year = m.year
                        facts[k].yearSource = .paragraph
                    } else if let y = sectionYear(doc.paragraphs[p].sectionPath) {
                        facts[k].year = y
                        facts[k].yearSource = .section
                    } else {
                        facts[k].year = fiscalYear
                        facts[k].yearSource = .document
                    }
                case .cell(let t, _, _):
                    if facts[k].year == nil {
                        facts[k].year = sectionYear(doc.tables[t].sectionPath) ?? fiscalYear
                        facts[k].yearSource = facts[k].year == fiscalYear ? .document : .section
                    }
                }
            }
        }

        /// A year that opens its clause: nothing but white space, quotes or a time preposition
        /// (截至 / 截止 / 在 / 于 / 到 / 自 / 从) between it and the clause start.
        func opensClause(_ s: [Unicode.Scalar], at index: Int) -> Bool {
            var k = index - 1
            var before = [Unicode.Scalar]()
            while k >= 0 && !Labels.clauseBoundaries.contains(s[k]) && s[k] != "：" && s[k] != ":" && s[k] != "（" && s[k] != "(" {
                if !CharClass.isWhitespace(s[k]) && s[k] != "“" && s[k] != "”" { before.insert(s[k], at: 0) }
                k -= 1
                if before.count > 4 { return false }
            }
            let text = String(String.UnicodeScalarView(before))
            return ["", "截至", "截止", "截止到", "在", "于", "到", "自", "从", "至", "经"].contains(text)
        }

        /// 结转 / 结余 / 末结转 right after a relative year: "上年结转", "上年末结余" name a part of this
        /// year's funds, not last year's figure.
        static func namesCarryIn(_ s: [Unicode.Scalar], after index: Int) -> Bool {
            var k = index
            if k < s.count && (s[k] == "末" || s[k] == "度") { k += 1 }
            guard k + 1 < s.count else { return false }
            return (s[k] == "结" && (s[k + 1] == "转" || s[k + 1] == "余")) || (s[k] == "遗" && s[k + 1] == "留")
        }

        /// A year right after 比 / 较 / 与 / 同 / 于 (a comparison or a past event).
        static func comparedYear(_ s: [Unicode.Scalar], at index: Int) -> Bool {
            var k = index - 1
            while k >= 0 && CharClass.isWhitespace(s[k]) { k -= 1 }
            return k >= 0 && "比较与同于".unicodeScalars.contains(s[k])
        }

        func sectionYear(_ path: [Int]) -> Int? {
            for p in path.reversed() {
                if let y = paragraphYears[p].first(where: { !$0.quoted && $0.form != .relative && $0.form != .date && $0.form != .rangeEnd
                    && !Run.comparedYear(doc.paragraphs[p].text.scalars, at: $0.range.lowerBound) }) {
                    return y.year
                }
            }
            return nil
        }

        // MARK: relations

        mutating func buildGroups() {
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index]
                guard ids.count >= 2 else { continue }
                let s = p.text.scalars
                var k = 0
                let markers: [(String, PartsGroup.Marker)] = [("其中", .qizhong), ("包括", .baokuo)]
                while k < s.count {
                    var matched: (Int, PartsGroup.Marker)?
                    for (word, marker) in markers where p.text.hasPrefix(word, at: k) {
                        matched = (word.unicodeScalars.count, marker)
                    }
                    if let (len, marker) = matched {
                        addGroup(paragraph: p, ids: ids, at: k, markerLength: len, marker: marker)
                        k += len
                    } else {
                        k += 1
                    }
                }
                addNamedListGroups(paragraph: p, ids: ids)
                addBracketGroups(paragraph: p, ids: ids)
                addTotalGroups(paragraph: p, ids: ids)
                addBandGroups(paragraph: p, ids: ids)
            }
        }

        func sentenceIndex(of fact: Fact) -> Int {
            if case .text(_, let s, _) = fact.place { return s }
            return -1
        }

        /// "X，其中A、B" and "X，包括A、B": the parts after the marker in its sentence, at the marker's
        /// bracket depth, until the sentence ends or another marker starts a nested list.
        mutating func addGroup(paragraph p: Paragraph, ids: [Int], at k: Int, markerLength: Int, marker: PartsGroup.Marker,
                               givenWhole: Int? = nil) {
            let s = p.text.scalars
            // "…万元，其中…" / "…万元。其中，…": the marker opens its clause; "年度评价项目包括…" names a new subject
            guard givenWhole != nil || markerOpensClause(s, at: k) else { return }
            let depth = bracketDepth(s, paragraph: p.index, at: k)
            guard let sentence = p.sentences.firstIndex(where: { $0.contains(k) }) else { return }
            let sentenceRange = p.sentences[sentence]
            // parts: same sentence, after the marker, same depth, not shares or changes
            var parts = [Int]()
            var nextMarker = s.count
            // a nested 其中 starts a list of its own; a 包括 inside a list usually just names things
            for word in ["其中"] {
                var from = k + markerLength
                while let m = p.text.firstIndex(of: Array(word.unicodeScalars), from: from, before: sentenceRange.upperBound) {
                    if markerOpensClause(s, at: m) { nextMarker = min(nextMarker, m); break }
                    from = m + 1
                }
            }
            // an inline section number ("三、预算执行情况…" in a run-on export) ends the list
            var headingStop = sentenceRange.upperBound
            var h = k + markerLength
            while h < sentenceRange.upperBound {
                if (s[h] == "、" && h > 0 && ChineseNumerals.digit(s[h - 1]) != nil || s[h] == "、" && h > 0 && s[h - 1] == "十")
                    && (h < 2 || !CharClass.isHan(s[h - 2]) || ChineseNumerals.digit(s[h - 2]) == nil && s[h - 2] != "十") {
                    headingStop = h - 1
                    break
                }
                h += 1
            }
            for id in facts(paragraph: p.index, sentence: sentence) {
                let f = facts[id]
                let at = f.number.numberRange.lowerBound
                guard at > k, at < sentenceRange.upperBound, at < nextMarker, at < headingStop else { continue }
                guard f.number.parenDepth == depth, f.shareOf == nil, !f.comparesYears, f.number.comparator == nil,
                      f.kind != .percent, f.kind != .percentagePoint, f.kind != .bare, !f.number.inRange else { continue }
                if f.label.hasPrefix("含") || f.label.hasPrefix("（含") || f.label.hasPrefix("(含") { continue }
                parts.append(id)
            }
            // "预算X，其中A、B；支出Y，其中C、D": the figure that opens the next list after a "；" is
            // that list's whole, not a part of this one
            if nextMarker < s.count, parts.count >= 2, let last = parts.last, facts[last].concept.explicitMeasure {
                let previousEnd = facts[parts[parts.count - 2]].number.range.upperBound
                let lastStart = facts[last].number.numberRange.lowerBound
                if (previousEnd..<lastStart).contains(where: { s[$0] == "；" || s[$0] == ";" }) { parts.removeLast() }
            }
            guard !parts.isEmpty else { return }
            listed.formUnion(parts)
            // a list of changes ("其中…减少0.50万元，…增加0.10万元") is a list of its own kind
            let changeParts = parts.filter { facts[$0].change != 0 }
            // "…补助2.00万元，…资金调减1.50万元": a named reduction is a negative part, not a change
            // of the part before; a list with signed parts is not summed
            if !changeParts.isEmpty && changeParts.count < parts.count && changeParts.contains(where: { isNamedAdjustment(facts[$0]) }) { return }
            if !changeParts.isEmpty && changeParts.count < parts.count { parts.removeAll { facts[$0].change != 0 } }
            if Set(changeParts.map { facts[$0].change }).count > 1 { return }  // signed: 增加 and 减少 together
            // families of the first two parts
            let families = parts.prefix(2).map { facts[$0].kind }
            for family in families where !isGrouped(parts.first { facts[$0].kind.sameFamily(as: family) } ?? -1) {
                var familyParts = parts.filter { facts[$0].kind.sameFamily(as: family) }
                let changeList = familyParts.allSatisfy { facts[$0].change != 0 }
                // the whole: the last fact of the family before the marker, in this or the previous
                // sentence; a change ("比上年减少1.20万元") is only the whole of a list of changes
                let near = (sentence > 0 ? facts(paragraph: p.index, sentence: sentence - 1) : []) + facts(paragraph: p.index, sentence: sentence)
                let candidates = near.filter { id in
                    let f = facts[id]
                    return f.number.numberRange.upperBound <= k && f.kind.sameFamily(as: family) && !f.number.inRange
                        && f.shareOf == nil && f.number.parenDepth <= depth
                        && sentenceIndex(of: f) >= sentence - 1
                        && (changeList ? f.change != 0 : (f.change == 0 && !f.comparesYears))
                }
                let chosen: Int?
                if let given = givenWhole { chosen = facts[given].kind.sameFamily(as: family) ? given : nil } else { chosen = candidates.last }
                guard let whole = chosen else { continue }
                // parallel series after 其中 (支出…，年初预算…，差额… per item): keep the whole's measure
                if facts[whole].kind.isMoney {
                    let measures = Set(familyParts.compactMap { facts[$0].concept.explicitMeasure ? facts[$0].concept.measure : nil })
                    if measures.count > 1 {
                        guard let m = facts[whole].concept.measure, measures.contains(m) else { continue }
                        familyParts = familyParts.filter { !facts[$0].concept.explicitMeasure || facts[$0].concept.measure == m }
                    }
                }
                // "A资金1500.00万元，全部支出；B资金840.00万元，支出776.85万元": figures per item
                // (its funds, then its spending), not a partition: one item named twice
                let named = familyParts.map { facts[$0].concept }.filter { !$0.scope.isEmpty }
                if Set(named.map { "\($0.item ?? "")|\($0.scope)" }).count < named.count { continue }
                if familyParts.indices.dropFirst().contains(where: { n in
                    let c = facts[familyParts[n]].concept
                    guard c.explicitMeasure, c.item == nil || c.item == "total", c.scope.isEmpty, c.rate == nil,
                          facts[familyParts[n]].head.count <= 4 else { return false }
                    // "…，账面金额64.18万元" after "；无形资产3套": the item's only figure, named before it
                    let from = facts[familyParts[n - 1]].number.range.upperBound, to = facts[familyParts[n]].number.numberRange.lowerBound
                    return from < to && !(from..<to).contains { s[$0] == "；" || s[$0] == ";" }
                }) { continue }
                // "一级指标3个，二级指标7个，三级指标15个": levels of one tree, not a partition
                if familyParts.filter({ Run.isLevelName(facts[$0].head) }).count >= 2 { continue }
                // a restatement of the whole ("其中专项资金30万元于3月1日全部到位", "…共下达资金40.0万元")
                // is no part: it ends the list, or, first in it, leaves no list at all
                if familyParts.count >= 2, let r = familyParts.firstIndex(where: { interval(facts[$0]).overlaps(interval(facts[whole])) }) {
                    if r == 0 { continue }
                    familyParts = Array(familyParts[..<r])
                }
                // a part broken down further ("…280.00万元，即：A 200.00万元、B 50.00万元、C 30.00万元"):
                // its items are left out when they make it up; otherwise the list cannot be read
                guard let outer = withoutSubLists(familyParts, s) else { continue }
                familyParts = outer
                // the enumeration ends where the parts already make up the whole exactly
                // ("其中高级职称5人，中级职称18人，初级职称13人，退休人员12人")
                // and the next one names another kind of thing (its label does not end like theirs:
                // "…职称" then "退休人员"; "…债务" then "…债务限额")
                if familyParts.count > 2 {
                    let target = interval(facts[whole])
                    var running = Interval(exactly: 0)
                    for (n, pid) in familyParts.enumerated() {
                        running = running + interval(facts[pid])
                        if n >= 1 && running.overlaps(target) && n < familyParts.count - 1 {
                            let ending = Run.commonSuffix(familyParts[...n].map { Run.withoutBrackets(facts[$0].head) })
                            let next = Run.withoutBrackets(facts[familyParts[n + 1]].head)
                            if ending.isEmpty || !next.hasSuffix(ending) {
                                familyParts = Array(familyParts[...n])
                            }
                            break
                        }
                    }
                }
                guard !familyParts.isEmpty else { continue }
                // the whole must be close: in this sentence, or the marker opens its sentence
                let wholeSentence = sentenceIndex(of: facts[whole])
                if givenWhole == nil && wholeSentence < sentence && !opensSentence(s, at: k, sentence: sentenceRange) { continue }
                let closed: Bool
                if marker == .baokuo {
                    let last = facts[familyParts.last!]
                    let after = p.text.string(last.number.range.upperBound..<min(s.count, last.number.range.upperBound + 2))
                    closed = !after.hasPrefix("等")
                } else {
                    closed = false
                }
                let inSentence = facts(paragraph: p.index, sentence: sentence)
                let nested = familyParts.filter { isThresholdQualified($0, among: inSentence) }.count >= 2
                appendGroup(PartsGroup(whole: whole, parts: familyParts, marker: marker, closedByWording: closed, nestedThresholds: nested))
            }
        }

        /// "项目支出3244.32万元。项目支出中：A…，B…，C…" / "基本支出中，人员经费…，公用经费…": a list
        /// under the name of a figure stated just before (in this paragraph or the two before it in
        /// its section) is a list of that figure's parts.
        mutating func addNamedListGroups(paragraph p: Paragraph, ids: [Int]) {
            let s = p.text.scalars
            var k = 1
            var before = 0
            while k + 1 < s.count {
                defer { k += 1 }
                guard s[k] == "中", s[k + 1] == "：" || s[k + 1] == ":" || s[k + 1] == "，" || s[k + 1] == "," else { continue }
                // the name: the Han run before 中, from the clause start
                var j = k - 1
                while j >= 0 && j >= k - 13 && CharClass.isHan(s[j]) { j -= 1 }
                guard j < 0 || Labels.clauseBoundaries.contains(s[j]) || CharClass.isWhitespace(s[j]) || s[j] == "：" else { continue }
                let name = p.text.string((j + 1)..<k)
                guard name.count >= 3 && name.count <= 12 else { continue }
                // the figures just before the name (a bounded look back keeps long paragraphs linear)
                while before < ids.count && facts[ids[before]].number.range.upperBound <= j + 1 { before += 1 }
                var candidates = Array(ids[max(0, before - 60)..<before])
                if candidates.isEmpty {
                    for q in stride(from: p.index - 1, through: max(0, p.index - 2), by: -1) where doc.paragraphs[q].sectionPath == p.sectionPath {
                        candidates = Array(paragraphFacts[q].suffix(60))
                        if !candidates.isEmpty { break }
                    }
                }
                let named = candidates.filter { id in
                    let f = facts[id]
                    return (f.head == name || f.head.hasSuffix(name)) && f.kind.isMoney && f.change == 0 && !f.comparesYears
                        && f.shareOf == nil && !f.number.inRange && f.number.comparator == nil
                }
                guard let whole = named.last, Set(named.map { facts[$0].normalizedInterval.midpoint }).count == 1 else { continue }
                addGroup(paragraph: p, ids: ids, at: k, markerLength: 2, marker: .qizhong, givenWhole: whole)
            }
        }

        /// "政府采购预算302.70万元（货物类86.40万元，工程类152.00万元，服务类64.30万元）": a figure
        /// broken down in the brackets right after it. Only plain named amounts of the whole's kind make
        /// such a list; anything else in the brackets (a change, a share, a comparison, 含…) leaves it.
        mutating func addBracketGroups(paragraph p: Paragraph, ids: [Int]) {
            let s = p.text.scalars
            for (n, wid) in ids.enumerated() where n + 2 < ids.count {
                let whole = facts[wid]
                guard whole.kind.isMoney, whole.change == 0, !whole.comparesYears, !whole.number.inRange, whole.shareOf == nil,
                      !isGrouped(wid) else { continue }
                var open = whole.number.range.upperBound
                while open < s.count && CharClass.isWhitespace(s[open]) { open += 1 }
                guard open < s.count, s[open] == "（" || s[open] == "(" else { continue }
                // a breakdown is short: do not scan a whole run-on paragraph for the bracket's end
                var close = open + 1, depth = 1
                let limit = min(s.count, open + 400)
                while close < limit && depth > 0 {
                    if s[close] == "（" || s[close] == "(" { depth += 1 }
                    if s[close] == "）" || s[close] == ")" { depth -= 1 }
                    if depth > 0 { close += 1 }
                }
                guard close < limit else { continue }
                let inside = ids[(n + 1)...].prefix { facts[$0].number.numberRange.lowerBound < close }
                guard inside.count >= 2, !p.text.hasPrefix("其中", at: open + 1), !p.text.hasPrefix("含", at: open + 1) else { continue }
                let plain = inside.allSatisfy { id in
                    let f = facts[id]
                    return f.kind == whole.kind && f.number.parenDepth == whole.number.parenDepth + 1 && f.change == 0 && !f.comparesYears
                        && f.shareOf == nil && !f.number.inRange && f.number.comparator == nil && !isGrouped(id)
                        && f.head.unicodeScalars.count >= 2 && !f.label.hasPrefix("含")
                        // named parts of the whole's kind, not its inputs ("（预算2786.45万元减支出2665.58万元）")
                        && (f.concept.item != nil || !f.concept.scope.isEmpty)
                        && !(f.concept.explicitMeasure && f.concept.measure != whole.concept.measure)
                        && !["减", "加", "乘", "除"].contains(where: { f.head.hasPrefix($0) })
                }
                guard plain, !inside.contains(where: { interval(facts[$0]).overlaps(interval(whole)) }) else { continue }
                appendGroup(PartsGroup(whole: wid, parts: Array(inside), marker: .bracket, closedByWording: false, nestedThresholds: false))
                listed.formUnion(inside)
            }
        }

        /// The stretch of the paragraph between the "；" (or sentence ends) around a position.
        func semicolonSegment(_ p: Paragraph, around index: Int) -> Range<Int> {
            let s = p.text.scalars
            let stops: Set<Unicode.Scalar> = ["；", ";", "。", "！", "？"]
            // bounded: many rates in one run-on sentence must not rescan it each time
            var lo = index, hi = index
            while lo > max(0, index - 300) && !stops.contains(s[lo - 1]) { lo -= 1 }
            while hi < min(s.count, index + 300) && !stops.contains(s[hi]) { hi += 1 }
            return lo..<hi
        }

        /// "一级指标", "二级指标": a level of a hierarchy.
        static func isLevelName(_ head: String) -> Bool {
            let s = Array(head.unicodeScalars)
            return s.count >= 2 && "一二三四五".unicodeScalars.contains(s[0]) && s[1] == "级"
        }

        /// "森林生态效益补偿资金调减1.50万元": a change word after a name of its own.
        func isNamedAdjustment(_ f: Fact) -> Bool {
            guard f.change != 0, !f.comparesYears else { return false }
            let verbs = Labels.increaseWords + Labels.decreaseWords + ["扣回", "收回"]
            guard let verb = verbs.filter({ f.head.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { return false }
            return f.head.count - verb.count >= 2
        }

        static let subListMarkers = ["即：", "即:", "即", "主要是", "主要为", "主要包括", "包括", "具体为", "具体是", "具体包括", "分别为", "分别是"]

        /// Parts without the items of a part that is broken down further; nil when a breakdown does
        /// not add up to its part, so where it ends is unknown.
        func withoutSubLists(_ parts: [Int], _ s: [Unicode.Scalar]) -> [Int]? {
            var kept = [Int]()
            var n = 0
            while n < parts.count {
                kept.append(parts[n])
                guard n + 1 < parts.count, opensSubList(s, from: facts[parts[n]].number.range.upperBound,
                                                        to: facts[parts[n + 1]].number.numberRange.lowerBound) else {
                    n += 1
                    continue
                }
                let target = interval(facts[parts[n]])
                var running = Interval(exactly: 0)
                var m = n + 1
                while m < parts.count {
                    running = running + interval(facts[parts[m]])
                    if running.overlaps(target) { break }
                    m += 1
                }
                guard m < parts.count else { return nil }
                n = m + 1
            }
            return kept
        }

        func opensSubList(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
            var k = from
            while k < to && (Labels.clauseBoundaries.contains(s[k]) || s[k] == "：" || s[k] == ":" || s[k] == "（" || s[k] == "(" || CharClass.isWhitespace(s[k])) { k += 1 }
            guard k < to else { return false }
            let rest = String(String.UnicodeScalarView(s[k..<to]))
            if rest.hasPrefix("即将") || rest.hasPrefix("即时") { return false }
            return Run.subListMarkers.contains { rest.hasPrefix($0) }
        }

        static func commonSuffix(_ words: [String]) -> String {
            guard var suffix = words.first.map({ Array($0) }) else { return "" }
            for w in words.dropFirst() {
                let a = Array(w)
                var k = 0
                while k < suffix.count && k < a.count && suffix[suffix.count - 1 - k] == a[a.count - 1 - k] { k += 1 }
                suffix = Array(suffix.suffix(k))
            }
            return String(suffix)
        }

        /// "招引总部经济类项目（包括区域总部）" → "招引总部经济类项目".
        static func withoutBrackets(_ s: String) -> String {
            var out = ""
            var depth = 0
            for ch in s {
                if ch == "（" || ch == "(" { depth += 1; continue }
                if ch == "）" || ch == ")" { depth = max(0, depth - 1); continue }
                if depth == 0 { out.append(ch) }
            }
            return out
        }

        /// A fact's value as an interval in 元 (or plain), rounding included.
        func interval(_ f: Fact) -> Interval {
            var iv = Interval(shown: f.value, decimals: f.number.decimals,
                              roundedInteger: f.number.decimals == 0 && f.value != 0 && (f.kind == .percent || f.kind.isMoney))
            if let unit = f.kind.moneyUnit, unit.exponent != 0 { iv = iv * Interval(exactly: Decimals.pow10(unit.exponent)) }
            return iv
        }

        /// "投资亿元以上项目35个", "5亿元以上8个": a part counted above a threshold; such parts nest.
        func isThresholdQualified(_ id: Int, among ids: [Int]) -> Bool {
            let f = facts[id]
            if f.label.contains("以上") || f.label.contains("以下") || f.label.contains("超过") { return true }
            guard let k = ids.firstIndex(of: id), k > 0 else { return false }
            let prev = facts[ids[k - 1]]
            return prev.number.comparator != nil && f.label.isEmpty && sentenceIndex(of: prev) == sentenceIndex(of: f)
        }

        func markerOpensClause(_ s: [Unicode.Scalar], at k: Int) -> Bool {
            var j = k - 1
            while j >= 0 && (CharClass.isWhitespace(s[j]) || s[j] == "“") { j -= 1 }
            return j < 0 || Labels.clauseBoundaries.contains(s[j]) || s[j] == "：" || s[j] == ":" || s[j] == "（" || s[j] == "("
        }

        func opensSentence(_ s: [Unicode.Scalar], at k: Int, sentence: Range<Int>) -> Bool {
            var j = sentence.lowerBound
            while j < k {
                if CharClass.isHan(s[j]) || CharClass.isDigit(s[j]) { return false }
                j += 1
            }
            return true
        }

        /// Bracket depth before each scalar of the paragraph last asked about: a paragraph with many
        /// 其中 would otherwise be rescanned from its start for each one.
        var bracketDepths: (paragraph: Int, depths: [Int])?

        mutating func bracketDepth(_ s: [Unicode.Scalar], paragraph: Int, at k: Int) -> Int {
            if bracketDepths?.paragraph != paragraph {
                var depths = [Int](repeating: 0, count: s.count + 1)
                var depth = 0
                for (j, c) in s.enumerated() {
                    switch c {
                    case "（", "(", "【": depth += 1
                    case "）", ")", "】": depth = max(0, depth - 1)
                    default: break
                    }
                    depths[j + 1] = depth
                }
                bracketDepths = (paragraph, depths)
            }
            return bracketDepths!.depths[min(max(k, 0), s.count)]
        }

        /// "共38项，已完成34项，拟于近期完成3项，结转至2023年1项" (a whole after 共 followed by its parts) and
        /// "A x万元、B y万元，合计z万元" (parts followed by their total).
        mutating func addTotalGroups(paragraph p: Paragraph, ids: [Int]) {
            for (n, id) in ids.enumerated() {
                let f = facts[id]
                guard f.marksTotal, f.kind != .percent, f.kind != .bare, !f.number.inRange else { continue }
                if (groupsOfWhole[id] != nil) { continue }
                let sentence = sentenceIndex(of: f)
                let depth = f.number.parenDepth
                let sameSentence = facts(paragraph: p.index, sentence: sentence).filter { facts[$0].number.parenDepth == depth && facts[$0].kind.sameFamily(as: f.kind) && facts[$0].shareOf == nil && !facts[$0].number.inRange && !facts[$0].comparesYears }
                let head = f.head
                if head.hasPrefix("合计") || head.hasPrefix("总计") || f.label.hasSuffix("合计") || f.label.hasSuffix("总计") || f.label.hasSuffix("合计为") {
                    // parts before the total, back to the previous total in the sentence
                    var parts = [Int]()
                    for other in sameSentence.reversed() where facts[other].number.range.upperBound <= f.number.numberRange.lowerBound {
                        if facts[other].marksTotal { break }
                        parts.insert(other, at: 0)
                    }
                    if parts.count >= 2 && !parts.contains(where: isGrouped) {
                        appendGroup(PartsGroup(whole: id, parts: parts, marker: .heji, closedByWording: true, nestedThresholds: false))
                    }
                    continue
                }
                guard f.label.contains("共") else { continue }
                _ = n
                // parts after 共N, up to the next total or 其中 in the sentence
                var parts = [Int]()
                for other in sameSentence where facts[other].number.numberRange.lowerBound > f.number.range.upperBound {
                    if facts[other].marksTotal || facts[other].label.contains("其中") { break }
                    // "年中增加5个项目" is a flow over the year, not a part of 共N
                    if facts[other].change != 0 || facts[other].comparesYears { parts = []; break }
                    parts.append(other)
                }
                guard parts.count >= 2, !parts.contains(where: isGrouped) else { continue }
                let statusWords = ["已完成", "完成", "未完成", "正在", "推进", "拟", "结转", "调出", "取消", "在建", "暂缓", "终止", "延期", "实施中", "办结", "未办结", "剩余", "已", "尚未"]
                let partition = parts.allSatisfy { pid in statusWords.contains { facts[pid].head.contains($0) } }
                appendGroup(PartsGroup(whole: id, parts: parts, marker: .gong, closedByWording: partition, nestedThresholds: false))
                _ = n
            }
        }

        /// "评价项目13个，…，评价得分在90(含)-100分的12个，评价得分在80(含)-90分的1个": counts by band
        /// after a count of the same things are parts of it (an open list: bands may be left out).
        mutating func addBandGroups(paragraph p: Paragraph, ids: [Int]) {
            for id in ids {
                let f = facts[id]
                guard case .count(let word) = f.kind, !f.number.inRange, f.number.comparator == nil,
                      groupsOfWhole[id] == nil, !isGrouped(id) else { continue }
                let sentence = sentenceIndex(of: f)
                var parts = [Int]()
                let inSentence = facts(paragraph: p.index, sentence: sentence)
                for other in inSentence where facts[other].number.numberRange.lowerBound > f.number.range.upperBound {
                    let o = facts[other]
                    guard o.kind == .count(word) else { continue }
                    // its label is a band: the text between the previous range and the count is "的"
                    let band = inSentence.contains { r in
                        let rf = facts[r]
                        return rf.number.inRange && rf.number.range.upperBound <= o.number.numberRange.lowerBound
                            && o.number.numberRange.lowerBound - rf.number.range.upperBound <= 2 && o.label.hasSuffix("的")
                    }
                    if band { parts.append(other) } else { break }
                }
                if parts.count >= 2 && !parts.contains(where: isGrouped) {
                    appendGroup(PartsGroup(whole: id, parts: parts, marker: .gong, closedByWording: false, nestedThresholds: false))
                }
            }
        }

        /// Parts of a 其中/包括 list take the whole's measure when their label names none
        /// ("资金总支出…，其中，基本支出822.24万元" is spending); an itemless measure in a sentence takes
        /// the item of a sibling with another measure ("项目预算总指标…，实际支出…").
        mutating func inheritMeasures() {
            for g in groups {
                let whole = facts[g.whole]
                guard whole.kind.isMoney, let measure = whole.concept.measure else { continue }
                for pid in g.parts where facts[pid].kind.isMoney && !facts[pid].concept.explicitMeasure {
                    facts[pid].concept.measure = measure
                    facts[pid].measureSource = .inherited
                }
            }
            // "如英才荟项目，2020年年初预算340万，…": a sentence that opens with a clause naming a
            // subject, and no number, is about that subject
            for p in doc.paragraphs {
                for (s, range) in p.sentences.enumerated() {
                    guard let subject = openingSubject(p.text, range) else { continue }
                    for id in facts(paragraph: p.index, sentence: s) {
                        let c = facts[id].concept
                        guard c.scope.isEmpty, c.item == "total" || (c.item == nil && facts[id].kind.isMoney) else { continue }
                        guard facts[id].number.numberRange.lowerBound > range.lowerBound + subject.count else { continue }
                        facts[id].concept.item = nil
                        facts[id].concept.scope = subject
                    }
                }
            }
            // a bare measure ("账面金额1.08万元", "实际支出3.56万元") is about the subject of the clause
            // before it in the sentence ("闲置资产共有3件，…", "公务用车…预算数为3.67万元，…")
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index]
                for (n, id) in ids.enumerated() where facts[id].kind.isMoney {
                    let c = facts[id].concept
                    guard c.item == "total", c.scope.isEmpty, c.explicitMeasure, c.rate == nil,
                          !(groupsOfWhole[id] != nil) else { continue }
                    let sentence = sentenceIndex(of: facts[id])
                    _ = n
                    let inSentence = facts(paragraph: p.index, sentence: sentence)
                    guard let at = inSentence.firstIndex(of: id),
                          let previous = inSentence[..<at].last(where: { facts[$0].kind != .percent && !facts[$0].number.inRange }) else { continue }
                    let pc = facts[previous].concept
                    guard (pc.item != nil && pc.item != "total") || !pc.scope.isEmpty else { continue }
                    if (groupsOfWhole[previous] ?? []).contains(where: { groups[$0].parts.contains(id) }) { continue }
                    facts[id].concept.item = pc.item == "total" ? nil : pc.item
                    facts[id].concept.scope = pc.scope
                    facts[id].measureSource = .sibling
                }
            }
            // "项目预算总指标…，实际支出…，预算执行率97.76%": a bare rate is about the sentence's item
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index]
                for id in ids where facts[id].kind == .percent && facts[id].concept.rate != nil && facts[id].concept.scope.isEmpty {
                    // a bare rate, or one named by the broader item ("公用经费控制率" after 日常公用经费 figures)
                    let rateItem = facts[id].concept.item ?? "total"
                    let sentence = sentenceIndex(of: facts[id])
                    var money = facts(paragraph: p.index, sentence: sentence).filter { facts[$0].kind.isMoney && facts[$0].concept.measure != nil }
                    // "A项目预算…，支出…，执行率98.5%；B项目预算…，支出…，执行率97.5%": each rate is
                    // about the figures of its own "；" part
                    let segment = semicolonSegment(p, around: facts[id].number.numberRange.lowerBound)
                    let own = money.filter { segment.contains(facts[$0].number.numberRange.lowerBound) }
                    if own.count >= 2 { money = own }
                    let subjects = Set(money.map { SubjectKey(item: facts[$0].concept.item, scope: facts[$0].concept.scope) })
                    if money.count >= 2, subjects.count == 1, let subject = subjects.first, subject.item != "total" || !subject.scope.isEmpty,
                       rateItem == "total" || (subject.scope.isEmpty && subject.item?.hasPrefix(rateItem + ".") == true) {
                        facts[id].concept.item = subject.item
                        facts[id].concept.scope = subject.scope
                    }
                }
            }
            // a part of a list cannot be the department's total: "其中…，账面金额59.33万元"
            for g in groups {
                for pid in g.parts where facts[pid].concept.item == "total" && facts[pid].concept.rate == nil {
                    facts[pid].concept.item = nil
                    facts[pid].concept.scope = facts[pid].concept.scope.isEmpty ? "部分" : facts[pid].concept.scope
                }
            }
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index].filter { facts[$0].kind.isMoney }
                let bySentence = Dictionary(grouping: ids) { sentenceIndex(of: facts[$0]) }
                for (_, members) in bySentence {
                    let itemed = members.filter { let c = facts[$0].concept; return c.explicitMeasure && c.item != nil && c.item != "total" && c.scope.isEmpty }
                    let items = Set(itemed.map { facts[$0].concept.item! })
                    guard items.count == 1, let item = items.first else { continue }
                    let itemedMeasures = Set(itemed.compactMap { facts[$0].concept.measure })
                    for id in members where facts[id].concept.item == "total" && facts[id].concept.explicitMeasure {
                        guard let m = facts[id].concept.measure, !itemedMeasures.contains(m) else { continue }
                        // only when the sentence states no department-wide figure of that measure
                        facts[id].concept.item = item
                        facts[id].measureSource = .sibling
                    }
                }
            }
        }

        /// The subject named by a sentence's first clause when it holds no number: "如英才荟项目，…",
        /// "以投资推广项目为例，…", "英才荟专项：…".
        func openingSubject(_ text: TextRun, _ range: Range<Int>) -> String? {
            let s = text.scalars
            var end = range.lowerBound
            while end < range.upperBound && !"，,：:；;".unicodeScalars.contains(s[end]) { end += 1 }
            guard end < range.upperBound, end - range.lowerBound >= 3, end - range.lowerBound <= 20 else { return nil }
            let clause = text.string(range.lowerBound..<end)
            if clause.unicodeScalars.contains(where: CharClass.isDigit) { return nil }
            var subject = clause
            for prefix in ["如", "例如", "比如", "以", "其中", "对于", "关于"] where subject.hasPrefix(prefix) {
                subject = String(subject.dropFirst(prefix.count))
            }
            if subject.hasSuffix("为例") { subject = String(subject.dropLast(2)) }
            let nouns = ["项目", "专项", "工程", "经费", "资金", "活动", "课题", "任务"]
            guard subject.count >= 2, nouns.contains(where: { subject.hasSuffix($0) }) else { return nil }
            return subject
        }

        /// Shares: the part is the nearest figure before the percentage in its sentence; the base is
        /// the figure the text names after 占 in the same paragraph, or the whole of the part's list.
        mutating func buildShares() {
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index]
                // "A…，占年初预算B的P%": the figure after 占 is the base, the percentage follows it
                for (n, id) in ids.enumerated() where n + 1 < ids.count && n >= 1 {
                    let b = facts[id], pct = facts[ids[n + 1]]
                    guard b.kind != .percent, b.shareOf != nil, pct.kind == .percent,
                          pct.number.numberRange.lowerBound - b.number.range.upperBound <= 2,
                          sentenceIndex(of: pct) == sentenceIndex(of: b) else { continue }
                    let inSentence = facts(paragraph: p.index, sentence: sentenceIndex(of: b))
                    guard let at = inSentence.firstIndex(of: id),
                          let part = inSentence[..<at].last(where: { facts[$0].kind.sameFamily(as: b.kind) && facts[$0].shareOf == nil }) else { continue }
                    facts[ids[n + 1]].shareOf = b.shareOf
                    shares.append(ShareStatement(percent: ids[n + 1], part: part, base: id))
                }
                for id in ids where facts[id].shareOf != nil && facts[id].kind == .percent && !shares.contains(where: { $0.percent == id }) {
                    let f = facts[id]
                    // "…分别为9、5和6亿元，占…比例为45%、25%和30%": positions pair them, not proximity
                    if let sentence = p.sentences.indices.contains(sentenceIndex(of: f)) ? p.text.string(p.sentences[sentenceIndex(of: f)]) : nil,
                       sentence.contains("分别") { continue }
                    let sentence = sentenceIndex(of: f)
                    let before = facts(paragraph: p.index, sentence: sentence).last(where: { let o = facts[$0]; return o.number.range.upperBound <= f.number.numberRange.lowerBound && o.kind != .percent && o.kind != .bare && !o.number.inRange && !o.comparesYears })
                    // "一般公共预算财政拨款收入占收入合计的86.0%": the part is named before 占, its figure
                    // stated earlier in the paragraph
                    // and "人员经费…，公用经费…，人员经费占基本支出的比重为87.78%": the named one, not the last
                    guard let part = namedPart(of: f, paragraph: p) ?? before else { continue }
                    var base: Int?
                    if let named = f.shareOf, !named.isEmpty {
                        let wanted = resolve(named)
                        let core = Run.withoutTotalSuffix(named)
                        // "…收入" ends many labels: a label that only ends with the name counts when
                        // nothing names the base outright
                        var loose = false
                        let isBase: (Int) -> Bool = { other in
                            guard other != part, other != id else { return false }
                            let o = facts[other], q = facts[part]
                            guard o.kind.sameFamily(as: q.kind) || (o.kind.isMoney && q.kind.isMoney) else { return false }
                            guard !o.number.inRange, !o.comparesYears, o.change == 0, o.shareOf == nil, o.number.comparator == nil else { return false }
                            if let a = o.year, let b = q.year, a != b { return false }
                            if o.head == named { return true }
                            if loose { return o.head.hasSuffix(named) }
                            // "占全区高新技术企业总数的" names "全区高新技术企业…1286家"
                            if core != named && core.count >= 4 && (o.head == core || o.head.hasSuffix(core)) { return true }
                            // "占总支出的" names "全年支出4302.77万元": one concept, two wordings
                            if wanted.item == "total" {
                                return wanted.measure != nil && o.concept.measure == wanted.measure && o.concept.item == "total"
                                    && o.concept.scope.isEmpty && wanted.scope.isEmpty && o.concept.qualifier == wanted.qualifier
                            }
                            return wanted.item != nil && o.concept.item == wanted.item && o.concept.scope == wanted.scope
                                && (wanted.measure == nil || o.concept.measure == wanted.measure)
                        }
                        // the base is named in this sentence or the two before it; failing that, in the
                        // paragraphs before it in its section ("全年支出4302.77万元。" then "项目支出…，占全年支出的…")
                        let near = (max(0, sentence - 2)...sentence).flatMap { facts(paragraph: p.index, sentence: $0) }
                        var candidates = near.filter(isBase)
                        if candidates.isEmpty {
                            loose = true
                            candidates = near.filter(isBase)
                            loose = false
                        }
                        if candidates.isEmpty {
                            for q in stride(from: p.index - 1, through: max(0, p.index - 3), by: -1) where doc.paragraphs[q].sectionPath == p.sectionPath {
                                candidates = paragraphFacts[q].suffix(100).filter(isBase)
                                if !candidates.isEmpty { break }
                            }
                        }
                        // one value only: a base named twice with two values is ambiguous
                        let values = Set(candidates.map { facts[$0].normalizedInterval.midpoint })
                        if values.count == 1 { base = candidates.first }
                    } else if let g = groupOfPart[part] {
                        base = groups[g].whole
                    }
                    if let base { shares.append(ShareStatement(percent: id, part: part, base: base)) }
                }
            }
        }

        /// "A占B的P%" with no figure before it in its sentence: the one figure of the paragraph whose
        /// label is A, stated before the share.
        func namedPart(of f: Fact, paragraph p: Paragraph) -> Int? {
            guard let r = f.head.range(of: "占") else { return nil }
            let name = String(f.head[..<r.lowerBound])
            guard name.count >= 3 else { return nil }
            // the figures before the share (binary search, then a bounded look back: linear in long paragraphs)
            let ids = paragraphFacts[p.index]
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if facts[ids[mid]].number.range.upperBound <= f.number.numberRange.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            let found = ids[max(0, lo - 60)..<lo].filter { other in
                let o = facts[other]
                return o.number.range.upperBound <= f.number.numberRange.lowerBound && o.kind != .percent && o.kind != .bare
                    && !o.number.inRange && !o.comparesYears && o.change == 0 && o.head == name
            }
            return Set(found.map { facts[$0].normalizedInterval.midpoint }).count == 1 ? found.last : nil
        }

        /// "高新技术企业总数" → "高新技术企业", "收入合计" → "收入".
        static func withoutTotalSuffix(_ name: String) -> String {
            for suffix in ["总数", "总量", "总额", "合计", "总计", "总和"] where name.hasSuffix(suffix) {
                return String(name.dropLast(suffix.count))
            }
            return name
        }

        var changes = [ChangeStatement]()

        /// How a stated change is worded.
        enum ChangeWording {
            /// Only the change word ("增加", "下降了"): it speaks of the figures right before it.
            case bare
            /// "比上年减少", "“三公”经费支出较上年减少", "比年初预算多支出", "同比增长": the subject it
            /// names (often none) and what it is compared with ("上年", "年初预算"; "" for 同比).
            case compared(subject: String, base: String)

            var subject: String { if case .compared(let s, _) = self { return s } else { return "" } }
        }

        static let bareChangeWords: Set<String> = [
            "增加", "增长", "减少", "下降", "提高", "提升", "上升", "降低", "增幅", "降幅",
            "增加了", "增长了", "减少了", "下降了", "提高了", "提升了", "上升了", "降低了",
            "共增加", "共减少", "合计增加", "合计减少", "净增加", "净减少",
        ]

        /// The subject before a comparison marker and the text after it, if the head is a comparison
        /// ("“三公”经费支出较上年减少" → ("“三公”经费支出", "上年减少")).
        func splitComparison(_ head: String) -> (subject: String, rest: String)? {
            let s = Array(head.unicodeScalars)
            for i in s.indices where s[i] == "比" || s[i] == "较" || s[i] == "与" || s[i] == "同" || s[i] == "环" {
                let tail = String(String.UnicodeScalarView(s[i...]))
                guard tail.hasPrefix("同比") || tail.hasPrefix("环比") || Labels.isComparison(tail) else { continue }
                var rest = tail
                for marker in ["同比", "环比", "较", "比", "与"] where rest.hasPrefix(marker) { rest = String(rest.dropFirst(marker.count)); break }
                let subject = Labels.head(String(Labels.withoutLeadingYear(String(String.UnicodeScalarView(s[..<i])))))
                return (subject, rest)
            }
            return nil
        }

        func changeWording(_ f: Fact) -> ChangeWording? {
            if Self.bareChangeWords.contains(f.head) { return .bare }
            // "与2022年相比减少": the head has lost its leading "与"
            guard f.comparesYears, let (subject, after) = splitComparison(f.head) ?? splitComparison(f.label) else { return nil }
            var rest = after
            let verbs = (Labels.increaseWords + Labels.decreaseWords).sorted { $0.count > $1.count }
            guard let verb = verbs.first(where: { rest.hasSuffix($0) }) else { return nil }
            rest = String(rest.dropLast(verb.count))
            var changed = true
            while changed {
                changed = false
                for filler in ["相比", "相较", "比较", "有所", "的"] where rest.hasSuffix(filler) {
                    rest = String(rest.dropLast(filler.count))
                    changed = true
                }
            }
            return .compared(subject: subject, base: rest)
        }

        /// "同比", "较上年", "比2022年": a comparison with another year, not with a budget or a plan.
        func isYearBase(_ base: String) -> Bool {
            if ["预算", "年初", "计划", "目标", "批复"].contains(where: { base.contains($0) }) { return false }
            if base.isEmpty || ["上年", "去年", "上一年", "前一年", "同期"].contains(where: { base.hasPrefix($0) }) { return true }
            let s = Array(base.unicodeScalars)
            return s.count >= 5 && s.prefix(4).allSatisfy { CharClass.isDigit($0) } && s[4] == "年"
        }

        /// "较上年的A", "比年初预算的A", "较2022年同期A": what follows the comparison marker names only
        /// the figure compared with ("比上年减收1070万元" is a change, not a prior figure).
        func isComparedFigure(_ base: String) -> Bool {
            var rest = Substring(base)
            while rest.hasSuffix("的") { rest = rest.dropLast() }
            if let year = ["上一年度", "上一年", "上年度", "上年", "去年", "前一年"].first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(year.count)
            } else {
                let s = Array(rest.unicodeScalars)
                if s.count >= 5, s.prefix(4).allSatisfy({ CharClass.isDigit($0) }), s[4] == "年" {
                    rest = rest.dropFirst(5)
                    if rest.hasPrefix("度") { rest = rest.dropFirst() }
                }
            }
            if rest.hasPrefix("同期") { rest = rest.dropFirst(2) }
            while rest.hasSuffix("的") { rest = rest.dropLast() }
            let figures: Set<Substring> = ["", "预算", "预算数", "年初预算", "年初预算数", "调整预算", "调整预算数", "调整后预算",
                                           "调整后预算数", "全年预算", "全年预算数", "批复预算", "决算", "决算数", "计划", "计划数",
                                           "目标", "目标值", "年末", "年末数", "实际", "实际数", "执行数"]
            return figures.contains(rest)
        }

        /// A figure stated as a change: its own increase, decrease or rate.
        func isStatedChange(_ f: Fact) -> Bool {
            guard f.change != 0, !f.number.inRange, f.number.comparator == nil, !f.number.approximate, f.shareOf == nil else { return false }
            switch f.kind {
            case .money, .count, .score, .percent, .percentagePoint: return true
            default: return false
            }
        }

        /// A figure stated for itself: not a change, a comparison, a share, a range or an estimate.
        func isPlainFigure(_ f: Fact) -> Bool {
            f.change == 0 && !f.comparesYears && !f.number.inRange && f.number.comparator == nil && !f.number.approximate
                && f.shareOf == nil && f.kind != .bare
        }

        func clauseIndex(of f: Fact) -> Int {
            if case .text(_, _, let c) = f.place { return c }
            return -1
        }

        func nameOf(_ f: Fact) -> String { String(Labels.withoutLeadingYear(f.head)) }

        /// Stated changes and the figures they compare, within one sentence (or, for a change that
        /// names its subject, "X…。X较上年减少D，下降P%", the sentence before):
        ///  - "由A增至B，增加D，增长P%" and "A…，B…，增加D": A and B right before a bare change word;
        ///  - "X，比上年的A增加D，增长P%": this year's X and the prior A stated with its comparison;
        ///  - "预算A，支出B，比预算多支出D": the figure named by the comparison is the prior one;
        ///  - "X较上年下降P%，由上年的A下降至B": a rate, then the two figures;
        ///  - "X，同比增长P%；上年A": last year's figure after the rate, named like X;
        ///  - "X，比上年减少D，下降P%": last year's figure is X ± D.
        /// Whatever is ambiguous stays unread: a % change of percentages (points or relative?), a
        /// change after a 其中 part with no prior figure, a change naming another subject.
        mutating func buildChanges() {
            let partIDs = Set(groups.flatMap(\.parts))
            for p in doc.paragraphs {
                let ids = paragraphFacts[p.index]
                var taken = Set<Int>()
                for n in ids.indices where !taken.contains(ids[n]) {
                    let c = facts[ids[n]]
                    guard isStatedChange(c), let wording = changeWording(c) else { continue }
                    let sentence = sentenceIndex(of: c)
                    // the statement: a difference, with the rate that follows it, or a rate alone
                    var diff: Int?, rate: Int?, last = n
                    if c.kind == .percent {
                        rate = ids[n]
                    } else {
                        diff = ids[n]
                        if c.kind != .percentagePoint, n + 1 < ids.count {
                            let r = facts[ids[n + 1]]
                            if r.kind == .percent, isStatedChange(r), r.change == c.change, sentenceIndex(of: r) == sentence,
                               let w = changeWording(r), w.subject.isEmpty {
                                rate = ids[n + 1]
                                last = n + 1
                                taken.insert(ids[n + 1])
                            }
                        }
                    }
                    let d = diff.map { facts[$0] }
                    let family: (Fact) -> Bool = { f in
                        if let d { return d.kind == .percentagePoint ? f.kind == .percent : f.kind.sameFamily(as: d.kind) }
                        if case .money = f.kind { return true }
                        if case .count = f.kind { return true }
                        return f.kind == .score
                    }
                    func add(prior: Int?, current: Int?) {
                        changes.append(ChangeStatement(prior: prior, current: current, difference: diff, rate: rate, direction: c.change))
                    }
                    // the figures of the same family before the change, nearest first
                    var before = [Int]()
                    for k in stride(from: n - 1, through: 0, by: -1) {
                        let f = facts[ids[k]]
                        guard sentenceIndex(of: f) == sentence else { break }
                        if family(f) { before.append(ids[k]) }
                        if before.count == 2 { break }
                    }
                    let cc = clauseIndex(of: c)
                    if before.count >= 1 {
                        let b0 = facts[before[0]]
                        let b1 = before.count == 2 ? facts[before[1]] : nil
                        // "由A增至B，增加D" / "A…，B…，增加D"
                        if case .bare = wording, let b1, isPlainFigure(b0), isPlainFigure(b1), b0.kind.sameFamily(as: b1.kind),
                           cc - clauseIndex(of: b0) == 1, clauseIndex(of: b0) - clauseIndex(of: b1) <= 1 {
                            add(prior: before[1], current: before[0])
                            continue
                        }
                        // "X，比上年的A增加D"
                        if case .bare = wording, b0.change == 0, b0.comparesYears, !b0.number.inRange, b0.number.comparator == nil,
                           !b0.number.approximate, b0.shareOf == nil, let (subject, base) = splitComparison(b0.head),
                           isComparedFigure(base), cc - clauseIndex(of: b0) <= 1 {
                            var current: Int?
                            if let b1, isPlainFigure(b1), clauseIndex(of: b0) - clauseIndex(of: b1) <= 1, subject.isEmpty || nameOf(b1) == subject {
                                current = before[1]
                            } else if b1 == nil, !subject.isEmpty {
                                // "全年支出a。全年支出较上年的A增长P%"
                                current = namedInPreviousSentence(subject, before: n, in: ids, family)
                            }
                            if current != nil || (diff != nil && rate != nil) { add(prior: before[0], current: current) }
                            continue
                        }
                        // "预算A，支出B，比预算多支出D" / "2022年A，2023年B，同比增加D"
                        if case .compared(let subject, let base) = wording, let b1, isPlainFigure(b0), isPlainFigure(b1),
                           b0.kind.sameFamily(as: b1.kind), cc - clauseIndex(of: b0) <= 1, clauseIndex(of: b0) - clauseIndex(of: b1) <= 1,
                           let (prior, current) = comparedPair(before[1], before[0], base: base, upTo: n, in: ids) {
                            if subject.isEmpty || nameOf(facts[current]).hasSuffix(subject) {
                                add(prior: prior, current: current)
                            }
                            continue
                        }
                    }
                    // "X较上年下降P%，由上年的A下降至B"
                    if diff == nil, n + 2 < ids.count {
                        let a = facts[ids[n + 1]], b = facts[ids[n + 2]]
                        if sentenceIndex(of: a) == sentence, sentenceIndex(of: b) == sentence, family(a), a.kind.sameFamily(as: b.kind),
                           a.head.hasPrefix("由"), a.change == 0, !a.number.inRange, a.number.comparator == nil, !a.number.approximate,
                           isPlainFigure(b), b.label.hasSuffix("至") || b.label.hasSuffix("到"),
                           clauseIndex(of: a) == cc + 1, clauseIndex(of: b) - clauseIndex(of: a) <= 1 {
                            add(prior: ids[n + 1], current: ids[n + 2])
                            continue
                        }
                    }
                    // this year's figure: the nearest figure before the change, skipping a share
                    // ("…，占支出总预算10.00%，同比增加…") and a figure compared with something other
                    // than a year ("较预算节约2.64万元")
                    var k = n - 1
                    while k >= 0 && ((facts[ids[k]].kind == .percent && facts[ids[k]].shareOf != nil)
                                     || (facts[ids[k]].comparesYears && !Labels.comparesWithYear(facts[ids[k]].label))) { k -= 1 }
                    if k >= 0, sentenceIndex(of: facts[ids[k]]) == sentence {
                        let x = facts[ids[k]]
                        // a change after the last part of a 其中 list may belong to the list's total: unclear
                        guard family(x), isPlainFigure(x), !partIDs.contains(ids[k]) else { continue }
                        if !wording.subject.isEmpty && !nameOf(x).hasSuffix(wording.subject) && !wording.subject.hasSuffix(nameOf(x)) { continue }
                        if let prior = priorAfter(x, statementEnd: last, in: ids) {
                            add(prior: prior, current: ids[k])
                        } else if diff != nil && rate != nil {
                            add(prior: nil, current: ids[k])
                        }
                        continue
                    }
                    // "“三公”经费支出4.86万元。“三公”经费支出较上年减少0.96万元，下降20.00%。"
                    if before.isEmpty, diff != nil, rate != nil, case .compared(let subject, _) = wording, !subject.isEmpty {
                        if let x = namedInPreviousSentence(subject, before: n, in: ids, family) { add(prior: nil, current: x) }
                    }
                }
            }
        }

        /// "X支出a。X支出较上年…": this year's figure in the sentence before, under the very name the
        /// change gives its subject (not a listed part, not another year's figure).
        func namedInPreviousSentence(_ name: String, before n: Int, in ids: [Int], _ family: (Fact) -> Bool) -> Int? {
            let sentence = sentenceIndex(of: facts[ids[n]])
            let previous = ids[..<n].filter { sentenceIndex(of: facts[$0]) == sentence - 1 }
            guard let x = previous.last(where: { family(facts[$0]) && nameOf(facts[$0]) == name }) else { return nil }
            let f = facts[x]
            guard isPlainFigure(f), !groups.contains(where: { $0.parts.contains(x) }), f.year == nil || f.year == fiscalYear else { return nil }
            return x
        }

        /// Of two figures before "比预算多支出" / "同比增加", the one the comparison names is the prior:
        /// by its label for a budget or a plan (the only figure of the sentence so named), by its year
        /// for another year.
        func comparedPair(_ first: Int, _ second: Int, base: String, upTo n: Int, in ids: [Int]) -> (prior: Int, current: Int)? {
            let f = facts[first], s = facts[second]
            if isYearBase(base) {
                guard let yf = f.year, let ys = s.year else { return nil }
                if f.yearSource == .clause && yf == ys - 1 { return (first, second) }
                if s.yearSource == .clause && ys == yf - 1 { return (second, first) }
                return nil
            }
            var name = base
            if name.hasSuffix("数") { name = String(name.dropLast()) }
            guard !name.isEmpty else { return nil }
            let sentence = sentenceIndex(of: f)
            let named = ids[..<n].filter { sentenceIndex(of: facts[$0]) == sentence && isPlainFigure(facts[$0])
                && facts[$0].kind.sameFamily(as: f.kind) && facts[$0].head.contains(name) }
            guard named.count == 1 else { return nil }
            if named[0] == first { return (first, second) }
            if named[0] == second { return (second, first) }
            return nil
        }

        /// "X，同比增长P%；上年办理A": last year's figure right after the statement, named like X.
        func priorAfter(_ x: Fact, statementEnd last: Int, in ids: [Int]) -> Int? {
            guard last + 1 < ids.count else { return nil }
            let a = facts[ids[last + 1]], end = facts[ids[last]]
            guard sentenceIndex(of: a) == sentenceIndex(of: end), clauseIndex(of: a) == clauseIndex(of: end) + 1,
                  isPlainFigure(a), a.kind.sameFamily(as: x.kind) else { return nil }
            var prefixes = ["上一年", "上年", "去年"]
            if let ya = a.year, let yx = x.year ?? fiscalYear {
                guard a.yearSource == .clause, ya == yx - 1 else { return nil }
                prefixes += ["\(ya)年度", "\(ya)年"]
            }
            var rest = Substring(a.head)
            guard let prefix = prefixes.first(where: { rest.hasPrefix($0) }) else { return nil }
            rest = rest.dropFirst(prefix.count)
            for filler in ["同期", "的"] where rest.hasPrefix(filler) { rest = rest.dropFirst(filler.count) }
            guard rest.isEmpty || x.head.contains(rest) else { return nil }
            return ids[last + 1]
        }

        func result() -> FactSet {
            var unitCounts = [MoneyUnit: Int]()
            for f in facts { if let u = f.kind.moneyUnit, !u.isDollar { unitCounts[u, default: 0] += 1 } }
            let dominant = unitCounts.max { $0.value < $1.value }?.key
            var set = FactSet(structured: doc, fiscalYear: fiscalYear, fiscalYearSource: fiscalYearSource, titleYear: titleYear,
                              facts: facts, groups: groups, shares: shares, years: years, paragraphFacts: paragraphFacts,
                              tableFacts: tableFacts, dominantMoneyUnit: dominant)
            set.changes = changes
            set.listed = listed.union(groups.flatMap(\.parts))
            set.tableTypes = doc.tables.map { table in lexicon.tables.type(of: table.headerSegments.flatMap { $0 })?.name }
            return set
        }
    }
}
