import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: table cells → facts. Reads the structured document, the lexicon and the prose facts (for
/// the report's usual money unit); writes `facts`, `tableFacts`, `cellTexts`.
extension ExtractionState {
    // MARK: tables

    func scanTables() {
        if let top = Self.mostFrequentMoneyUnit(of: facts), top.count >= 3 { proseMoneyUnit = top.unit }
        for table in doc.tables {
            // "本年度…" in a caption is the report's year, not a year of its own
            let yearInCaption = scanner.scan(table.caption.scalarArray).years.first { !$0.quoted && $0.form != .relative && $0.form != .date }?.year
            for (r, row) in table.rows.enumerated() where row.kind == .caption {
                // "一、当年预算执行情况（20分）": the section titles inside a table are text
                guard let cell = row.cells.first(where: { !$0.isEmpty }) else { continue }
                let scan = scanner.scan(cell.text)
                guard !scan.numbers.isEmpty else { continue }
                let place = FactPlace.cell(table: table.index, row: r, column: cell.column)
                _ = addProse(scan.numbers, text: cell.text, sentences: Sentences.split(cell.text), place: { _, _ in place }, cellPlace: cell.place)
            }
            let fractions = fractionRateColumns(table)
            // "项目 | 2025年预算数 | 2026年预算数": a column headed by one year is that year's (made once per header)
            var headerYears = [TextKey: Int?]()
            func headerYear(_ header: String) -> Int? {
                if let known = headerYears[TextKey(header)] { return known }
                let years = header.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                    ? scanner.scan(Array(header.unicodeScalars)).years.filter { !$0.quoted } : []
                let year = years.count == 1 && ![.relative, .date, .rangeEnd, .bare].contains(years[0].form) ? years[0].year : nil
                headerYears[TextKey(header)] = year
                return year
            }
            // per header segment: whether a header repeats (two halves side by side), asked once
            var halves = [Int: Bool]()
            for (r, row) in table.rows.enumerated() where row.kind == .data {
                let headers = table.headers(for: row)
                let rowText = rowLabel(row, table: table)
                if halves[row.segment] == nil {
                    let named = headers.filter { !$0.isEmpty }
                    halves[row.segment] = Set(named).count < named.count
                }
                let sideLabels = halves[row.segment]! ? Self.sideBySideLabels(row, headers: headers) : [:]
                for cell in row.cells where !cell.isEmpty && !cell.inherited {
                    let header = cell.column < headers.count ? headers[cell.column] : ""
                    let labelText = sideLabels[cell.column] ?? rowText
                    var scan = scanner.scan(cell.text)
                    // "-" in a money column is a stated zero (剩余指标 "-" when all was spent)
                    // (a dash cell is short: the label cells are not made into strings to ask)
                    if scan.numbers.isEmpty, cell.text.count <= 8, ["-", "—", "－", "–"].contains(CellText.compact(cell.string)),
                       let zero = zeroCell(cell.text, header: header, tableUnit: table.unit) {
                        scan.numbers = [zero]
                    }
                    if isSingleValue(cell.text, scan: scan) {
                        guard var number = scan.numbers.first else { continue }
                        applyHeaderUnit(&number, header: header, tableUnit: table.unit, percentListed: table.unitListsPercent)
                        // "执行率 | 0.958": a rate written as a fraction is read as its percentage
                        var fractionDecimals: Int?
                        if number.kind == .bare, fractions.contains(FractionColumn(segment: row.segment, column: cell.column)) {
                            fractionDecimals = number.decimals
                            number.value *= 100
                            number.decimals = max(0, number.decimals - 2)
                            number.literal = Decimals.format(number.value, scale: number.decimals)
                            number.kind = .percent
                        }
                        // a money column with no unit anywhere: the report's usual unit, assumed
                        var assumed = false
                        let roles = roles(of: header)
                        if number.kind == .bare, table.unit == nil, let unit = proseMoneyUnit, roles.isMoney {
                            number.kind = .money(unit)
                            assumed = true
                        }
                        guard let span = cell.text.span(number.range), let numberSpan = cell.text.span(number.numberRange) else { continue }
                        var fact = makeFact(number: number, label: labelText, place: .cell(table: table.index, row: r, column: cell.column),
                                            span: span, numberSpan: numberSpan)
                        fact.label = labelText + "／" + header
                        fact.isCellValue = true
                        fact.isTarget = roles.isTarget
                        fact.unitAssumed = assumed
                        fact.fractionDecimals = fractionDecimals
                        applyHeaderConcept(&fact, header: header)
                        fact.sourcePlace = cell.place
                        if let y = headerYear(header) ?? yearInCaption { fact.year = y; fact.yearSource = .table }
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

    /// "收入 | 本年数 | 支出 | 本年数": a table of two halves side by side, each with its names. A number
    /// after a name that stands right of the row's first number, under a header an earlier column
    /// repeats, is that name's (not the row's first name's). Columns → labels; empty for most rows.
    static func sideBySideLabels(_ row: TableRow, headers: [String]) -> [Int: String] {
        var out = [Int: String]()
        var seenNumber = false
        var side: (name: String, column: Int)?
        for cell in row.cells.sorted(by: { $0.column < $1.column }) where !cell.isEmpty {
            if CellText.isNumeric(cell.text) {
                seenNumber = true
                if let side, cell.column < headers.count, !headers[cell.column].isEmpty,
                   headers[..<min(side.column, headers.count)].contains(headers[cell.column]) {
                    out[cell.column] = side.name
                }
                continue
            }
            let text = CellText.compact(cell.string)
            if seenNumber && text.unicodeScalars.count >= 2 { side = (text, cell.column) }
        }
        return out
    }

    struct FractionColumn: Hashable { var segment: Int; var column: Int }

    /// What tables.toml says of a column header, asked for each of the column's cells.
    struct HeaderRoles {
        /// A rate column (执行率) whose header states no percent sign.
        let isRateWithoutPercent: Bool
        let isMoney: Bool
        let isTarget: Bool
    }

    func roles(of header: String) -> HeaderRoles {
        if let known = headerRoleCache[TextKey(header)] { return known }
        let tables = lexicon.tables
        let roles = HeaderRoles(
            isRateWithoutPercent: tables.header(header, is: .rate) && !header.unicodeScalars.contains { Self.percentSigns.contains($0) },
            isMoney: tables.header(header, is: .money),
            isTarget: tables.header(header, is: .target))
        headerRoleCache[TextKey(header)] = roles
        return roles
    }

    static let percentSigns: ScalarSet = ["%", "％", "‰"]

    /// Rate columns (执行率, per tables.toml) that write their rates as fractions: no % in the
    /// header, every bare figure of the column between 0 and 1.5 and one of them with decimals
    /// ("0.958", "1"). A column that writes 95.8 or says (%) holds percentages.
    /// A column of rates written as fractions holds none above 1.5 (made once: parsing it per cell
    /// was a tenth of reading a table).
    static let largestFraction = Decimal(15) / 10

    func fractionRateColumns(_ table: Table) -> Set<FractionColumn> {
        var fraction = Set<FractionColumn>(), percent = Set<FractionColumn>()
        for row in table.rows where row.kind == .data {
            let headers = table.headers(for: row)
            for cell in row.cells where !cell.isEmpty && !cell.inherited && cell.column < headers.count {
                let header = headers[cell.column]
                guard roles(of: header).isRateWithoutPercent else { continue }
                let key = FractionColumn(segment: row.segment, column: cell.column)
                let scan = scanner.scan(cell.text)
                guard isSingleValue(cell.text, scan: scan), let n = scan.numbers.first, n.kind == .bare, n.comparator == nil else { continue }
                if n.value < 0 || n.value > Self.largestFraction {
                    percent.insert(key)
                } else if n.decimals >= 1 {
                    fraction.insert(key)
                }
            }
        }
        return fraction.subtracting(percent)
    }

    /// A zero for a dash in a column whose header or table states a money unit.
    func zeroCell(_ text: TextRun, header: String, tableUnit: String?) -> ScannedNumber? {
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
        let lead = n.comparator == nil ? 0 : scanner.leadingComparatorLength(text.scalars, at: n.numberRange.lowerBound)
        // ("1,800元/人·月": the thing a standard is per, its measure words joined by a middle dot)
        var end = n.range.upperBound
        if end < text.count, text.scalars[end] == "/" || text.scalars[end] == "／" {
            var k = end + 1, han = 0
            while k < text.count, han < 4, CharClass.isHan(text.scalars[k]) || text.scalars[k] == "·" {
                if text.scalars[k] != "·" { han += 1 }
                k += 1
            }
            if han > 0 { end = k }
        }
        let value = (n.numberRange.lowerBound - lead)..<end
        for (k, ch) in text.scalars.enumerated() where !value.contains(k) && !CharClass.isWhitespace(ch) {
            switch ch {
            case "≥", "≤", "<", ">", "=", "约": continue
            default: other += 1
            }
        }
        return other <= 2
    }

    /// Name columns per (table, header segment), computed once.

    /// The row's label: the rightmost non-empty cell of its name columns (一级/二级/三级指标, 项目,
    /// 名称 …), or else of the text cells before its first number.
    func rowLabel(_ row: TableRow, table: Table) -> String {
        let key = TableSegment(table: table.index, segment: row.segment)
        let nameColumns: Set<Int>
        if let cached = nameColumnCache[key] {
            nameColumns = cached
        } else {
            let headers = table.headers(for: row)
            let named = Set(headers.indices.filter { lexicon.tables.header(headers[$0], is: .name) })
            // ("项目名称 | 项目类别": of several name columns, those whose cells never repeat down the table name
            // each row's own item; a column of categories names many rows)
            var distinct = named
            if named.count >= 2 {
                // by bytes (TextKey): a String hashes its Chinese text through normalization, 4–5K
                // instructions an insert
                var seen = [Int: Set<TextKey>]()
                for r in table.rows where r.kind == .data && r.segment == row.segment {
                    for cell in r.cells where named.contains(cell.column) {
                        let t = CellText.compact(cell.string)
                        guard !t.isEmpty, !CellText.isNumeric(cell.text) else { continue }
                        if seen[cell.column, default: []].insert(TextKey(t)).inserted == false { distinct.remove(cell.column) }
                    }
                }
            }
            nameColumns = distinct.isEmpty ? named : distinct
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

    /// What a column header says about the unit of its bare numbers, cached per header.
    enum HeaderUnit { case money(MoneyUnit), score, rate, percent, none }

    func applyHeaderUnit(_ number: inout ScannedNumber, header: String, tableUnit: String?, percentListed: Bool = false) {
        guard number.kind == .bare else { return }
        let key = TextKey(header + "|" + (tableUnit ?? "") + (percentListed ? "|%" : ""))
        let unit: HeaderUnit
        if let cached = headerUnitCache[key] {
            unit = cached
        } else {
            unit = headerUnit(header, tableUnit: tableUnit, percentListed: percentListed)
            headerUnitCache[key] = unit
        }
        switch unit {
        case .money(let m):
            number.kind = .money(m)
            number.unitText = ""
        case .score:
            number.kind = .score
        case .percent:
            number.kind = .percent
        case .rate, .none:
            break
        }
    }

    func headerUnit(_ header: String, tableUnit: String?, percentListed: Bool = false) -> HeaderUnit {
        var number = ScannedNumber(value: 0, literal: "0", decimals: 0, kind: .bare, unitText: "", multiplier: 0, comparator: nil,
                                   approximate: false, inRange: false, range: 0..<0, numberRange: 0..<0, parenDepth: 0)
        classifyHeaderUnit(&number, header: header, tableUnit: tableUnit, percentListed: percentListed)
        switch number.kind {
        case .money(let m): return .money(m)
        case .score: return .score
        case .percent: return .percent
        default: return .none
        }
    }

    func classifyHeaderUnit(_ number: inout ScannedNumber, header: String, tableUnit: String?, percentListed: Bool = false) {
        guard number.kind == .bare else { return }
        let layouts = lexicon.tables
        if let unit = statedUnit(header) {
            number.kind = .money(unit)
            number.unitText = ""
            return
        }
        if layouts.header(header, is: .weight) || layouts.header(header, is: .score) || header.hasSuffix("分") {
            number.kind = .score
            return
        }
        // "完成调整预算%", "完成率（%）": a header with a percent sign holds percentages, whatever budget word it names
        if header.unicodeScalars.contains(where: { $0 == "%" || $0 == "％" }) {
            number.kind = .percent
            return
        }
        if layouts.header(header, is: .rate) || header.unicodeScalars.contains(where: { Self.percentSigns.contains($0) }) { return }
        // ("单位：万元、%" over "完成调整预算 | 比上年增长": the completion and change columns are the percentages)
        if percentListed, vocabulary[.percentColumnWords].occurs(in: header), !vocabulary[.amountColumnEndings].isSuffix(of: header) {
            number.kind = .percent
            return
        }
        // ("项目 | 2024年 | 2023年" under "单位：万元": a column of a year alone holds the table's amounts)
        if layouts.header(header, is: .money) || Self.namesYearAlone(header), let unit = tableUnit, let money = MoneyUnit(rawValue: unit) {
            number.kind = .money(money)
            number.unitText = ""
        }
    }

    /// "2024年", "2023年度": a header that is a year and nothing else.
    static func namesYearAlone(_ header: String) -> Bool {
        let s = Array(CellText.compact(header).unicodeScalars)
        guard s.count == 5 || s.count == 6, s[..<4].allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }), s[4] == "年" else { return false }
        return s.count == 5 || s[5] == "度"
    }

    func applyHeaderConcept(_ fact: inout Fact, header: String) {
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
            rowConcept.measure = ["score", "weight", "deduction"].contains(fromHeader.measure) ? fromHeader.measure : nil
            rowConcept.rate = nil
        } else {
            // "扣分 | 1.0": the points lost, whatever the row names
            if fromHeader.measure == "deduction" { rowConcept.measure = "deduction" }
            rowConcept.rate = nil
        }
        fact.concept = rowConcept
        if CellText.isTotalLabel(fact.head, totalLabels: vocabulary[.tableTotalLabels]) { fact.marksTotal = true }
    }


    /// The money unit a header states: "金额（万元）", "预算数(元)", "单位：万元".
    func statedUnit(_ header: String) -> MoneyUnit? {
        let s = ScalarString.scalars(header)
        let captions = vocabulary[.unitCaptions]
        for unit in [MoneyUnit.wanUSD, .yiYuan, .wanYuan, .qianYuan, .yuan] {
            let u = ScalarString.scalars(unit.rawValue)
            var from = 0
            while let k = ScalarSearch.firstIndex(of: u, in: s, from: from) {
                let end = k + u.count
                let bracketed = k > 0 && (s[k - 1] == "（" || s[k - 1] == "(") && end < s.count && (s[end] == "）" || s[end] == ")")
                if bracketed || captions.suffixLength(s, endingAt: k) > 0 { return unit }
                from = k + 1
            }
        }
        return nil
    }
}
