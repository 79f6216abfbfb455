import Foundation
import Testing
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
import JXExtract

// Extraction measured against the real reports in shared/corpus.
//
// Issue requirement: "on every file in the corpus, `jxlint facts` finds every amount, percentage,
// score and year that appears in the running text with the right value, unit and decimals …
// including full-width and thousands-separated forms, and the right fiscal year".
//
// The oracle below is independent of the pipeline: it reads each file's raw lines with
// NSRegularExpression, without the loader's decoding or the normalizer, and says where an amount
// with a unit is and what its value, decimals and unit must be.

// MARK: - the oracle

/// The unit an oracle hit must be extracted with.
enum ExpectedUnit: Equatable, CustomStringConvertible {
    case money(MoneyUnit)
    case percent
    case percentagePoint
    case score
    /// A count: its measure word and the power of ten of a 万/亿 in front of it ("3.74万剂" → 4).
    case count(String, multiplier: Int)

    var description: String {
        switch self {
        case .money(let u): return u.rawValue
        case .percent: return "%"
        case .percentagePoint: return "个百分点"
        case .score: return "分"
        case .count(let w, let m): return (m == 4 ? "万" : m == 8 ? "亿" : "") + w
        }
    }

    /// Whether an extracted fact carries this unit.
    func matches(_ fact: Fact) -> Bool {
        switch (self, fact.kind) {
        case (.money(let a), .money(let b)): return a == b
        case (.percent, .percent), (.percentagePoint, .percentagePoint), (.score, .score): return true
        case (.count(let a, let m), .count(let b)): return a == b && fact.number.multiplier == m
        default: return false
        }
    }
}

/// An amount with a unit, found by the oracle in a raw line.
struct OracleHit: CustomStringConvertible {
    var line: Int
    /// 1-based column (in Unicode scalars) of the first digit, as the pipeline reports it.
    var column: Int
    /// The number as written ("29,586.86", "１２３．４５").
    var written: String
    var value: Decimal
    var decimals: Int
    var unit: ExpectedUnit
    /// The whole match, number and unit, as written.
    var text: String

    var description: String { "\(line):\(column) “\(text)” = \(value) [\(decimals) decimals] \(unit)" }
}

/// A year written as digits before 年 ("2022年", "2022 年度", the first year of "2020-2022年").
struct OracleYear: CustomStringConvertible {
    var line: Int
    var column: Int
    var year: Int
    var text: String
    var description: String { "\(line):\(column) “\(text)” year \(year)" }
}

enum Oracle {
    static let digit = "[0-9０-９]"

    /// A number: ASCII thousands groups ("29,586.86"), full-width comma groups only before a decimal
    /// part ("29，586.86"; "12，345" is a list), or plain digits; then an optional decimal part.
    static let number = "(\(digit){1,3}(?:,\(digit){3})+(?!\(digit))|\(digit){1,3}(?:，\(digit){3})+(?=[.．]\(digit))|\(digit)+)(?:[.．](\(digit)+))?"

    /// Words after 分 that make it another word than a score (分别, 分析, 分管, 分值 …).
    static let notScore = "别析管类配值钟之解布散工期批摊项行支队组段院局会部享成红担档数制化歧辨级"

    /// Measure words of counts, longest first.
    static let measureWords = ["人次", "家次", "场次", "周年", "个月", "个", "家", "次", "人", "项", "件", "套", "场", "篇",
                               "辆", "台", "名", "位", "户", "盒", "剂", "批"]

    /// Units, longest first. A 万 or 亿 may stand before a measure word; a bare 万 before punctuation
    /// or the line end is 万元 ("年初预算340万，").
    static let unit = "(万美元|亿美元|万元|亿元|千元|美元|元|个百分点|%|％|分(?![\(notScore)])|(?:万|亿)?(?:\(measureWords.joined(separator: "|")))|万(?=[，,。；;、）)\\s]|$))"

    /// Not inside a longer token (an identifier, a decimal, a code); spaces (PDF export) and
    /// 余/多 (approximate) may stand between the number and its unit.
    static let amount = try! NSRegularExpression(pattern: "(?<![0-9０-９.．A-Za-z_])\(number)[ \\u00A0\\u3000]*(余|多)?\(unit)")

    static let year = try! NSRegularExpression(pattern: "(?<![0-9０-９.．])([12]\(digit){3})(?:[ \\u3000]*年|[ \\u3000]*[-—–~至][ \\u3000]*(?=[12]\(digit){3}[ \\u3000]*年))")

    /// Table-of-contents entries: a leader of dots, then a page number.
    static let tocLine = try! NSRegularExpression(pattern: "[.…·]{3,}\\s*[0-9]+\\s*$")

    static func isTableOfContents(_ line: String) -> Bool {
        tocLine.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    static func ascii(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.compactMap { ch -> Unicode.Scalar? in
            let v = ch.value
            if v >= 0xFF10 && v <= 0xFF19 { return Unicode.Scalar(v - 0xFF10 + 0x30) }
            if ch == "．" { return "." }
            if ch == "," || ch == "，" { return nil }
            return ch
        }))
    }

    static func expectedUnit(_ u: String) -> ExpectedUnit {
        switch u {
        case "万美元": return .money(.wanUSD)
        case "亿美元": return .money(.yiUSD)
        case "美元": return .money(.usd)
        case "万元", "万": return .money(.wanYuan)
        case "亿元": return .money(.yiYuan)
        case "千元": return .money(.qianYuan)
        case "元": return .money(.yuan)
        case "%", "％": return .percent
        case "个百分点": return .percentagePoint
        case "分": return .score
        default:
            if u.hasPrefix("万") { return .count(String(u.dropFirst()), multiplier: 4) }
            if u.hasPrefix("亿") { return .count(String(u.dropFirst()), multiplier: 8) }
            return .count(u, multiplier: 0)
        }
    }

    /// Positions (scalar offsets) inside 《…》, 〔…〕 or ［…］. `carry` is the 《 depth left open by
    /// the previous non-blank line (a title wrapped by the export) and is updated.
    static func quotedOffsets(_ scalars: [Unicode.Scalar], carry: inout Int) -> Set<Int> {
        var quoted = Set<Int>()
        var book = carry, number = 0
        for (k, ch) in scalars.enumerated() {
            switch ch {
            case "《": book += 1
            case "》": book = max(0, book - 1)
            case "〔", "［": number += 1
            case "〕", "］": number = max(0, number - 1)
            default: break
            }
            if book > 0 || number > 0 || ch == "》" || ch == "〕" || ch == "］" { quoted.insert(k) }
        }
        carry = book
        return quoted
    }

    /// 第3次 (an ordinal), 表5 / 图2 / 附件1 (references).
    static func isOrdinalOrReference(_ scalars: [Unicode.Scalar], before k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && (scalars[j] == " " || scalars[j] == "\u{3000}") { j -= 1 }
        guard j >= 0 else { return false }
        if scalars[j] == "第" || scalars[j] == "表" || scalars[j] == "图" { return true }
        return j >= 1 && scalars[j - 1] == "附" && scalars[j] == "件"
    }

    static func scalarOffset(_ line: String, utf16 location: Int) -> Int {
        let index = String.Index(utf16Offset: location, in: line)
        return line.unicodeScalars[line.startIndex..<index].count
    }

    /// Every amount with a unit in a file's raw lines.
    static func amounts(_ lines: [String]) -> [OracleHit] {
        var hits = [OracleHit]()
        var carry = 0
        for (n, line) in lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            if scalars.allSatisfy({ CharClass.isWhitespace($0) }) { continue }
            let quoted = quotedOffsets(scalars, carry: &carry)
            if isTableOfContents(line) { continue }
            let ns = line as NSString
            for m in amount.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let start = scalarOffset(line, utf16: m.range(at: 1).location)
                if quoted.contains(start) || isOrdinalOrReference(scalars, before: start) { continue }
                let integer = ns.substring(with: m.range(at: 1))
                let fraction = m.range(at: 2).location == NSNotFound ? "" : ns.substring(with: m.range(at: 2))
                let written = ns.substring(with: NSRange(location: m.range(at: 1).location,
                                                         length: (m.range(at: 2).location == NSNotFound ? NSMaxRange(m.range(at: 1)) : NSMaxRange(m.range(at: 2))) - m.range(at: 1).location))
                let digits = ascii(integer) + (fraction.isEmpty ? "" : "." + ascii(fraction))
                hits.append(OracleHit(line: n + 1, column: start + 1, written: written,
                                      value: Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))!,
                                      decimals: fraction.unicodeScalars.count, unit: expectedUnit(ns.substring(with: m.range(at: 4))),
                                      text: ns.substring(with: m.range)))
            }
        }
        return hits
    }

    /// Every YYYY年 (and first year of a YYYY-YYYY年 range) outside 《》 and 〔〕.
    static func years(_ lines: [String]) -> [OracleYear] {
        var out = [OracleYear]()
        var carry = 0
        for (n, line) in lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            if scalars.allSatisfy({ CharClass.isWhitespace($0) }) { continue }
            let quoted = quotedOffsets(scalars, carry: &carry)
            if isTableOfContents(line) { continue }
            let ns = line as NSString
            for m in year.matches(in: line, range: NSRange(location: 0, length: ns.length)) {
                let start = scalarOffset(line, utf16: m.range(at: 1).location)
                if quoted.contains(start) { continue }
                let value = Int(ascii(ns.substring(with: m.range(at: 1))))!
                guard (1950...2100).contains(value) else { continue }
                out.append(OracleYear(line: n + 1, column: start + 1, year: value, text: ns.substring(with: m.range)))
            }
        }
        return out
    }
}

// MARK: - known and accepted differences

/// An oracle hit the pipeline is allowed to miss or to read differently, with the reason.
struct AcceptedDifference {
    var file: String
    var line: Int
    /// The oracle's match text, as written.
    var text: String
    var reason: String
}

/// Small and commented on purpose: each entry is a known difference between the oracle and the
/// pipeline, accepted for the reason given. A new miss anywhere else fails the test.
let acceptedDifferences: [AcceptedDifference] = [
    // 003 line 238 "我区邀请 28 位参会嘉宾": 位 is a measure word for people, but the scanner's measure
    // words do not include it, so the number is read as bare and yields no fact. (Reported bug.)
    AcceptedDifference(file: "003", line: 238, text: "28 位", reason: "位 is not a measure word of the scanner"),
    // 000 lines 84, 137, 268: the section titles inside the score sheet ("一、当年预算执行情况（20分）",
    // "二、整体绩效目标实现情况（60分）", "三、预算管理情况（20分）") are caption rows of the table, and
    // the extractor scans only data rows, so the section caps are not facts. (Reported.)
    AcceptedDifference(file: "000", line: 84, text: "20分", reason: "caption rows of tables are not scanned"),
    AcceptedDifference(file: "000", line: 137, text: "60分", reason: "caption rows of tables are not scanned"),
    AcceptedDifference(file: "000", line: 268, text: "20分", reason: "caption rows of tables are not scanned"),
]

// MARK: - tests

@Suite(.enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct CorpusExtractionTests {
    static let files = Corpus.files

    /// Oracle → pipeline: every amount, percentage, score and count with a unit in the text is a
    /// fact at the same line and column with the same exact value, decimals and unit.
    @Test(arguments: files)
    func everyAmountInTheTextIsExtracted(file: String) throws {
        let a = try Pipeline.analyze(file)
        #expect(a.rawLines.count == a.document.lines.count, "the loader and this test split \(file) into different lines")
        let byPosition = Dictionary(a.facts.facts.map { (SourcePosition(line: $0.numberSpan.start.line, column: $0.numberSpan.start.column), $0) },
                                    uniquingKeysWith: { first, _ in first })
        let hits = Oracle.amounts(a.rawLines)
        var matched = 0, accepted = 0
        var problems = [String]()
        for hit in hits {
            let fact = byPosition[SourcePosition(line: hit.line, column: hit.column)]
            let ok = fact.map { $0.value == hit.value && $0.number.decimals == hit.decimals && hit.unit.matches($0) } ?? false
            if ok { matched += 1; continue }
            if acceptedDifferences.contains(where: { file.hasPrefix($0.file) && $0.line == hit.line && $0.text == hit.text }) {
                accepted += 1
                continue
            }
            if let f = fact {
                problems.append("\(hit): extracted \(f.literal)\(f.number.unitText) as \(f.kind) value \(f.value), \(f.number.decimals) decimals")
            } else {
                let onLine = a.facts.facts.filter { $0.line == hit.line }.map { "\($0.numberSpan.start.column):\($0.shown)" }
                problems.append("\(hit): no fact at this position (facts on the line: \(onLine))")
            }
        }
        print("◇ oracle \(file): \(hits.count) hits, \(matched) matched, \(hits.count - matched) missed (\(accepted) accepted)")
        for p in problems { Issue.record(Comment(rawValue: "\(file) \(p)")) }
        #expect(hits.count > 0)
        #expect(problems.isEmpty)
    }

    /// The accepted differences still differ: when one is fixed, its entry should be removed.
    @Test func acceptedDifferencesAreStillCurrent() throws {
        for d in acceptedDifferences {
            guard let file = Corpus.file(d.file) else { continue }
            let a = try Pipeline.analyze(file)
            let hit = Oracle.amounts(a.rawLines).first { $0.line == d.line && $0.text == d.text }
            #expect(hit != nil, "accepted difference \(d.file):\(d.line) “\(d.text)” is no longer an oracle hit")
            if let hit {
                let fact = a.facts.facts.first { $0.line == hit.line && $0.numberSpan.start.column == hit.column && hit.unit.matches($0) && $0.value == hit.value }
                if fact != nil { print("◇ accepted difference \(d.file):\(d.line) “\(d.text)” is now extracted: remove it from the list") }
            }
        }
    }

    /// Pipeline → text: every money and percentage fact stands on its line as written: the digits
    /// at its column are its literal (thousands separators and full-width forms aside), followed by
    /// its unit (possibly continued on the next line, as PDF exports break "123.51万" / "元").
    @Test(arguments: files)
    func everyMoneyAndPercentFactIsInTheText(file: String) throws {
        let a = try Pipeline.analyze(file)
        var checked = 0
        for fact in a.facts.facts where fact.kind.isMoney || fact.kind == .percent {
            let line = a.rawScalars(fact.line)
            let k = fact.numberSpan.start.column - 1
            guard k >= 0 && k < line.count else {
                Issue.record("\(file) \(fact.line):\(k + 1) \(fact.shown): column outside the line")
                continue
            }
            // "-" in a money column is a stated zero
            if fact.value == 0 && fact.literal == "0" && ["-", "—", "－", "–"].contains(line[k]) { checked += 1; continue }
            var j = k
            var written = String.UnicodeScalarView()
            while j < line.count, CharClass.isDigit(line[j]) || (0xFF10...0xFF19).contains(line[j].value) || "-.．,，".unicodeScalars.contains(line[j]) {
                written.append(line[j])
                j += 1
            }
            #expect(Oracle.ascii(String(written)) == fact.literal, "\(file) \(fact.line):\(k + 1): text “\(String(written))”, fact literal \(fact.literal)")
            if !fact.number.unitText.isEmpty {
                while j < line.count && (CharClass.isInlineSpace(line[j]) || line[j] == "余" || line[j] == "多") { j += 1 }
                var rest = String(String.UnicodeScalarView(line[j...]))
                if rest.count < fact.number.unitText.count {
                    let next = ((fact.line + 1)...(fact.line + 3)).map { a.raw($0) }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                    rest += next.trimmingCharacters(in: .whitespaces)
                }
                let unit = fact.number.unitText == "%" ? ["%", "％"] : [fact.number.unitText]
                #expect(unit.contains { rest.hasPrefix($0) }, "\(file) \(fact.line):\(k + 1) \(fact.shown): the unit is not in the text (“\(rest.prefix(6))”)")
            }
            checked += 1
        }
        #expect(checked > 0)
    }

    /// Every YYYY年 / YYYY年度 of running text (outside 《》 and 〔〕) is a year mention at its
    /// position, and no year anywhere (text or table) is extracted as a quantity.
    @Test(arguments: files)
    func yearsAreYearsNotAmounts(file: String) throws {
        let a = try Pipeline.analyze(file)
        var paragraphPosition = [SourcePosition: Int]()
        for p in a.structured.paragraphs {
            for position in p.text.positions { paragraphPosition[position] = p.index }
        }
        var mentions = Set<String>()
        for (p, m) in a.facts.years where !m.quoted && m.form != .relative {
            let position = a.structured.paragraphs[p].text.positions[m.range.lowerBound]
            mentions.insert("\(position.line):\(position.column):\(m.year)")
        }
        let factPositions = Set(a.facts.facts.map { SourcePosition(line: $0.numberSpan.start.line, column: $0.numberSpan.start.column) })
        let years = Oracle.years(a.rawLines)
        var inText = 0
        for y in years {
            let position = SourcePosition(line: y.line, column: y.column)
            #expect(!factPositions.contains(position), "\(file) \(y): extracted as a quantity")
            if paragraphPosition[position] != nil {
                inText += 1
                #expect(mentions.contains("\(y.line):\(y.column):\(y.year)"), "\(file) \(y): not found as a year")
            }
        }
        print("◇ years \(file): \(years.count) written years, \(inText) in running text")
        #expect(inText > 0)
        // and no integer quantity that is followed by 年 in the text
        for fact in a.facts.facts where fact.kind.isMoney || fact.kind.measureWord != nil {
            let line = a.rawScalars(fact.line)
            let end = fact.numberSpan.end.column  // 1-based column of the last digit = index after it
            var j = end
            while j < line.count && CharClass.isInlineSpace(line[j]) { j += 1 }
            #expect(!(j < line.count && line[j] == "年" && (1950...2100).contains(NSDecimalNumber(decimal: fact.value).intValue)),
                    "\(file) \(fact.line):\(fact.numberSpan.start.column) \(fact.shown) is a year")
        }
    }

    /// The fiscal year of each report, as recorded in its truth file.
    @Test(arguments: files)
    func fiscalYearMatchesTheTruthFile(file: String) throws {
        let expected = try #require(try Corpus.truthFiscalYear(file), "\(file) has no truth file with a fiscal_year")
        let a = try Pipeline.analyze(file)
        #expect(a.facts.fiscalYear == expected)
    }
}

// MARK: - hand-checked spot assertions

/// Facts read by hand from the raw text of each report: line, column, value, unit, label.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.skipReason))
struct CorpusSpotChecks {
    /// The fact whose digits start at line:column.
    static func fact(_ a: Analyzed, _ line: Int, _ column: Int, sourceLocation: SourceLocation = #_sourceLocation) -> Fact? {
        let f = a.facts.facts.first { $0.numberSpan.start.line == line && $0.numberSpan.start.column == column }
        if f == nil {
            let onLine = a.facts.facts.filter { $0.line == line }.map { "\($0.numberSpan.start.column):\($0.shown)" }
            Issue.record("no fact at \(line):\(column) (facts on the line: \(onLine))", sourceLocation: sourceLocation)
        }
        return f
    }

    static func expectFact(_ a: Analyzed, _ line: Int, _ column: Int, _ value: String, decimals: Int, _ kind: QuantityKind,
                           head: String? = nil, multiplier: Int = 0, comparator: NumberComparator? = nil,
                           approximate: Bool = false, year: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let f = fact(a, line, column, sourceLocation: sourceLocation) else { return }
        #expect(f.value == Decimal(string: value, locale: Locale(identifier: "en_US_POSIX"))!, "\(line):\(column)", sourceLocation: sourceLocation)
        #expect(f.number.decimals == decimals, "\(line):\(column) decimals", sourceLocation: sourceLocation)
        #expect(f.kind == kind, "\(line):\(column) unit", sourceLocation: sourceLocation)
        #expect(f.number.multiplier == multiplier, "\(line):\(column) multiplier", sourceLocation: sourceLocation)
        #expect(f.number.comparator == comparator, "\(line):\(column) comparator", sourceLocation: sourceLocation)
        #expect(f.number.approximate == approximate, "\(line):\(column) approximate", sourceLocation: sourceLocation)
        if let head { #expect(f.head == head, "\(line):\(column) label", sourceLocation: sourceLocation) }
        if let year { #expect(f.year == year, "\(line):\(column) year", sourceLocation: sourceLocation) }
    }

    static func analyzed(_ prefix: String) throws -> Analyzed {
        try Pipeline.analyze(try #require(Corpus.file(prefix), "corpus file \(prefix)* is missing"))
    }

    /// 000: a Word export (one cell per line for the score sheet).
    @Test func report000() throws {
        let a = try Self.analyzed("000")
        // l.28 "2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，…预算执行率为99.70%。"
        Self.expectFact(a, 28, 11, "33463.78", decimals: 2, .money(.wanYuan), head: "2022年全年预算数", year: 2022)
        Self.expectFact(a, 28, 32, "822.24", decimals: 2, .money(.wanYuan), head: "基本支出预算数")
        Self.expectFact(a, 28, 151, "99.70", decimals: 2, .percent, head: "预算执行率")
        // l.47 "实地走访调研企业10余家": approximate
        Self.expectFact(a, 47, 81, "10", decimals: 0, .count("家"), head: "联合咨询公司实地走访调研企业", approximate: true)
        // l.53 "累计赠送抗原试剂3.74万剂": a count of 剂 with 万
        Self.expectFact(a, 53, 79, "3.74", decimals: 2, .count("剂"), multiplier: 4)
        // l.67 "共安排预算资金33463.78元": written in 元 (the report's unit slip), read as 元
        Self.expectFact(a, 67, 13, "33463.78", decimals: 2, .money(.yuan), head: "2022年共安排预算资金")
        // l.72 "整体绩效评价得分为94.94分"
        Self.expectFact(a, 72, 26, "94.94", decimals: 2, .score, head: "我单位整体绩效评价得分")
        // score sheet, one cell per line: 资金总体 row, 得分 cell on l.102 ("\t19.94　")
        Self.expectFact(a, 102, 2, "19.94", decimals: 2, .score)
        // 合计 row: 分值 100 (l.359), 得分 94.94 (l.360)
        Self.expectFact(a, 359, 2, "100", decimals: 0, .score)
        Self.expectFact(a, 360, 2, "94.94", decimals: 2, .score)
        // l.155 "　≥1个" target in the sheet
        Self.expectFact(a, 155, 3, "1", decimals: 0, .count("个"), comparator: .atLeast)
        // the years in 《…（2021-2023年）》 are quoted and not quantities; 〔2023〕161号 is no amount
        #expect(!a.facts.facts.contains { $0.line == 6 })
    }

    /// 001: a PDF export with spaces around numbers and lines broken inside sentences.
    @Test func report001() throws {
        let a = try Self.analyzed("001")
        // l.19 "2020年我部门决算支出2513.05万元"
        Self.expectFact(a, 19, 13, "2513.05", decimals: 2, .money(.wanYuan), head: "2020年我部门决算支出", year: 2020)
        Self.expectFact(a, 19, 57, "78.31", decimals: 2, .percent, head: "占基本支出")
        // l.39 "全年招引项目 120 个": spaces from the PDF export
        Self.expectFact(a, 39, 30, "120", decimals: 0, .count("个"), head: "全年招引项目")
        // l.39/41 "…海外背景的项目 20" ⏎ "个，": the unit is on the next line
        Self.expectFact(a, 39, 85, "20", decimals: 0, .count("个"), head: "招引具备海外背景的项目")
        // l.43 "总投资达228.98亿元", "实际利用外资52258万美元，同比增长40%"
        Self.expectFact(a, 43, 48, "228.98", decimals: 2, .money(.yiYuan), head: "总投资")
        Self.expectFact(a, 43, 120, "52258", decimals: 0, .money(.wanUSD), head: "实际利用外资")
        Self.expectFact(a, 43, 133, "40", decimals: 0, .percent, head: "同比增长")
        // "5亿元以上8个": a threshold, not an amount of money spent
        Self.expectFact(a, 43, 78, "5", decimals: 0, .money(.yiYuan), comparator: .atLeast)
        // 〔2013〕2号 and 2021年4月15日 are not quantities
        #expect(!a.facts.facts.contains { $0.line == 7 || $0.line == 67 })
        #expect(a.facts.titleYear == 2020)
    }

    /// 003: a PDF export with thousands separators, tab-separated tables and a score sheet.
    @Test func report003() throws {
        let a = try Self.analyzed("003")
        // l.86 "年初预算总额为 29,586.86 万元": thousands separator and spaces
        Self.expectFact(a, 86, 18, "29586.86", decimals: 2, .money(.wanYuan), head: "2020年本部门年初预算", year: 2020)
        Self.expectFact(a, 86, 53, "29043.88", decimals: 2, .money(.wanYuan), head: "项目支出")
        // l.131 "实际支出 37,411.04 万元"
        Self.expectFact(a, 131, 116, "37411.04", decimals: 2, .money(.wanYuan), head: "本部门实际支出")
        // l.200/202 "账面总额决算数为123.51万" ⏎ "元。": the unit split over two lines
        Self.expectFact(a, 200, 28, "123.51", decimals: 2, .money(.wanYuan), head: "账面总额决算数")
        // l.202 "固定资产 256 件"
        Self.expectFact(a, 202, 11, "256", decimals: 0, .count("件"), head: "固定资产")
        // l.234 "117.82万人次"
        Self.expectFact(a, 234, 183, "117.82", decimals: 2, .count("人次"), multiplier: 4)
        // l.283 "2020年年初预算340万，" (万 for 万元)
        Self.expectFact(a, 283, 63, "340", decimals: 0, .money(.wanYuan), head: "2020年年初预算")
        Self.expectFact(a, 283, 83, "73.53", decimals: 2, .percent, head: "调整率")
        // l.305 "总体得分为 95.41 分"
        Self.expectFact(a, 305, 27, "95.41", decimals: 2, .score)
        // 表5 l.148: 调整指标 "-1,947.96" under a (万元) header: negative, thousands separated
        Self.expectFact(a, 148, 60, "-1947.96", decimals: 2, .money(.wanYuan), head: "产业发展专项资金-招商引资分项")
        // 表5 l.148 执行进度 "98.26%"
        Self.expectFact(a, 148, 97, "98.26", decimals: 2, .percent)
        // 表6 l.260 指标值 "≥95%"
        Self.expectFact(a, 260, 12, "95", decimals: 0, .percent, comparator: .atLeast)
        // score sheet 合计 row l.375: 自评得分 95.41
        Self.expectFact(a, 375, 14, "95.41", decimals: 2, .score)
        // "(财政代码 2019-1802)" is a code, 〔2019〕22 号 a document number
        #expect(!a.facts.facts.contains { $0.line == 138 && ($0.value == 2019 || $0.value == 1802) })
        #expect(!a.facts.facts.contains { $0.line == 84 })
    }
}

// MARK: - the scanner on synthetic text

/// Synthetic lines, through the normalizer and the scanner (and, where positions matter, the whole
/// pipeline).
@Suite struct ScannerForms {
    static func scan(_ raw: String) -> NumberScanner.Result {
        NumberScanner.scan(Normalizer.normalize(line: SourceLine(number: 1, text: raw)).scalars)
    }

    static func only(_ raw: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScannedNumber? {
        let numbers = scan(raw).numbers.filter { $0.kind != .bare }
        #expect(numbers.count == 1, "“\(raw)”: \(numbers.map { $0.literal + $0.unitText })", sourceLocation: sourceLocation)
        return numbers.first
    }

    static func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func fullWidthDigitsAndPercentSign() throws {
        let n = try #require(Self.only("执行率为９８．５６％"))
        #expect(n.value == Self.dec("98.56"))
        #expect(n.decimals == 2)
        #expect(n.kind == .percent)
        let m = try #require(Self.only("全年预算数１２３．４５万元"))
        #expect(m.value == Self.dec("123.45") && m.decimals == 2 && m.kind == .money(.wanYuan))
    }

    @Test func fullWidthPositionsPointIntoTheOriginal() throws {
        let facts = try Pipeline.extract(text: "全年预算数１２３．４５万元，执行率９８％。")
        let money = try #require(facts.facts.first { $0.kind.isMoney })
        #expect(money.numberSpan.start == SourcePosition(line: 1, column: 6))
        #expect(money.literal == "123.45")
        let percent = try #require(facts.facts.first { $0.kind == .percent })
        #expect(percent.numberSpan.start == SourcePosition(line: 1, column: 18))
        #expect(percent.value == 98)
    }

    @Test func thousandsSeparators() throws {
        let a = try #require(Self.only("年初预算总额为29,586.86万元"))
        #expect(a.value == Self.dec("29586.86") && a.decimals == 2 && a.kind == .money(.wanYuan))
        let b = try #require(Self.only("年初预算总额为29，586.86万元"))
        #expect(b.value == Self.dec("29586.86") && b.decimals == 2)
        let c = try #require(Self.only("合计1,234,567.5元"))
        #expect(c.value == Self.dec("1234567.5") && c.decimals == 1 && c.kind == .money(.yuan))
        // a full-width comma between short numbers is a list, not grouping
        let list = Self.scan("完成12，345两项").numbers
        #expect(!list.contains { $0.value == 12345 })
    }

    @Test func spacesFromPDFExport() throws {
        let a = try #require(Self.only("预算总额为 29,586.86 万元"))
        #expect(a.value == Self.dec("29586.86"))
        let b = try #require(Self.only("公务用车 2 辆"))
        #expect(b.kind == .count("辆") && b.value == 2)
    }

    @Test func comparators() throws {
        let a = try #require(Self.only("满意度≥95%"))
        #expect(a.comparator == .atLeast && a.kind == .percent && a.value == 95)
        let b = try #require(Self.only("满意度不低于90%"))
        #expect(b.comparator == .atLeast && b.value == 90)
        let c = try #require(Self.only("服务对象满意人数20人以上"))
        #expect(c.comparator == .atLeast && c.kind == .count("人"))
        let d = try #require(Self.only("控制率≤100%"))
        #expect(d.comparator == .atMost)
    }

    @Test func approximateCounts() throws {
        let a = try #require(Self.only("实地走访调研企业10余家"))
        #expect(a.value == 10 && a.kind == .count("家") && a.approximate)
        let b = try #require(Self.only("约120人"))
        #expect(b.approximate && b.kind == .count("人"))
    }

    @Test func ranges() {
        let numbers = Self.scan("评价得分在80-90分的1个").numbers
        #expect(numbers.count == 3)
        #expect(numbers.prefix(2).allSatisfy { $0.inRange && $0.kind == .score })
        #expect(numbers.prefix(2).map(\.value) == [80, 90])
        #expect(numbers.last?.kind == .count("个") && numbers.last?.inRange == false)
        let percents = Self.scan("若计算结果在200%-300%（含200%）区间").numbers
        #expect(percents.filter(\.inRange).map(\.value) == [200, 300])
    }

    @Test func yearRangesAreYearsNotAmounts() {
        let r = Self.scan("2020-2022年中期财政规划")
        #expect(r.numbers.isEmpty)
        #expect(r.years.map(\.year) == [2020, 2022])
        #expect(r.years.first?.form == .rangeEnd)
        let spaced = Self.scan("福田区 2020 年部门预算和 2020-2022 年中期财政规划")
        #expect(spaced.numbers.isEmpty)
        #expect(spaced.years.map(\.year) == [2020, 2020, 2022])
    }

    @Test func yearForms() {
        let r = Self.scan("我部门对2020年度部门预算整体支出绩效进行了评价，2021年4月15日，２０２２年末")
        #expect(r.numbers.isEmpty)
        #expect(r.years.map(\.year) == [2020, 2021, 2022])
        #expect(r.years.map(\.form) == [.fiscalYear, .date, .yearEnd])
    }

    @Test func documentNumbersAreSkipped() {
        let r = Self.scan("根据《石家庄市财政支出绩效评价办法》（石财绩〔2013〕2号），（福府办函〔2019〕22 号）")
        #expect(r.numbers.isEmpty)
        #expect(r.years.allSatisfy { $0.quoted })
    }

    @Test func referencesAndOrdinalsAreNotCounts() {
        #expect(Self.scan("具体见表5所示").numbers.isEmpty)
        #expect(Self.scan("具体如表 4 所示").numbers.isEmpty)
        #expect(Self.scan("第3次会议").numbers.isEmpty)
        #expect(Self.scan("详见附件1").numbers.isEmpty)
    }

    @Test func countsWithTenThousand() throws {
        let a = try #require(Self.only("累计赠送抗原试剂3.74万剂"))
        #expect(a.kind == .count("剂") && a.multiplier == 4 && a.value == Self.dec("3.74") && a.unitText == "万剂")
        let b = try #require(Self.only("累计吸引117.82万人次观看"))
        #expect(b.kind == .count("人次") && b.multiplier == 4)
    }

    @Test func bareTenThousandIsWanYuan() throws {
        let a = try #require(Self.only("如英才荟项目，2020年年初预算340万，年中调减"))
        #expect(a.kind == .money(.wanYuan) && a.value == 340 && a.unitText == "万")
    }

    @Test func otherUnits() throws {
        #expect(try #require(Self.only("实际利用外资52258万美元")).kind == .money(.wanUSD))
        #expect(try #require(Self.only("总投资达228.98亿元")).kind == .money(.yiYuan))
        #expect(try #require(Self.only("每高出1个百分点")).kind == .percentagePoint)
        #expect(try #require(Self.only("扣0.5分，扣完为止")).kind == .score)
        // 分 in 分别 / 分管 is not a score
        #expect(Self.scan("3分别").numbers.allSatisfy { $0.kind != .score })
    }
}
