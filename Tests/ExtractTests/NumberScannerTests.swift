import Foundation
import Testing
import JXCore
@testable import JXExtract

func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

/// Scans already-normalized text.
func scan(_ text: String) -> NumberScanner.Result {
    NumberScanner.scan(Array(text.unicodeScalars))
}

/// The one number of a text.
func number(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ScannedNumber {
    let numbers = scan(text).numbers
    #expect(numbers.count == 1, "\(text): \(numbers.map(\.literal))", sourceLocation: sourceLocation)
    return try #require(numbers.first, sourceLocation: sourceLocation)
}

func substring(_ text: String, _ range: Range<Int>) -> String {
    String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
}

@Suite("NumberScanner: values and units")
struct NumberScannerValueTests {
    /// A count straight against the next figure: a rank or a place names it ("专技6级1人"); a tally of
    /// households or projects still counts ("9,688户15,693人", "项目3个18,500万元").
    @Test func aCountAgainstTheNextFigure() {
        let rank = scan("专技6级1人").numbers
        #expect(rank.map(\.kind) == [.bare, .count("人")])
        let tally = scan("低保对象9688户15693人").numbers
        #expect(tally.map(\.kind) == [.count("户"), .count("人")])
        #expect(tally.map(\.value) == [dec("9688"), dec("15693")])
        let projects = scan("交通项目3个18500万元").numbers
        #expect(projects.map(\.kind) == [.count("个"), .money(.wanYuan)])
    }

    @Test func exactValueLiteralAndDecimals() throws {
        let text = "基本支出预算数822.24万元"
        let n = try number(text)
        #expect(n.value == dec("822.24"))
        #expect(n.literal == "822.24")
        #expect(n.decimals == 2)
        #expect(n.kind == .money(.wanYuan))
        #expect(n.unitText == "万元")
        #expect(substring(text, n.range) == "822.24万元")
        #expect(substring(text, n.numberRange) == "822.24")
        #expect(n.interval == Interval(lo: dec("822.235"), hi: dec("822.245")))
        #expect(n.comparator == nil && !n.approximate && !n.inRange)
    }

    @Test func valuesAreExactDecimals() throws {
        // never a Double: 0.1 + 0.2 is 0.3 exactly
        let a = try number("0.1元"), b = try number("0.2元")
        #expect(a.value + b.value == dec("0.3"))
        #expect(try number("33463.78万元").value == dec("33463.78"))
        #expect(try number("123456789012.34元").value == dec("123456789012.34"))
        #expect(try number("预算数100.00万元").decimals == 2)
        #expect(try number("预算数100万元").decimals == 0)
        #expect(try number("0.0001亿元").decimals == 4)
    }

    @Test func moneyUnits() throws {
        #expect(try number("100元").kind == .money(.yuan))
        #expect(try number("100万元").kind == .money(.wanYuan))
        #expect(try number("3.5亿元").kind == .money(.yiYuan))
        #expect(try number("12万美元").kind == .money(.wanUSD))
        #expect(try number("12美元").kind == .money(.usd))
        #expect(try number("50千元").kind == .money(.qianYuan))
        // a bare 万 at the end of an amount means 万元
        #expect(try number("预算数100万，").kind == .money(.wanYuan))
        #expect(try number("预算数100万，").unitText == "万")
        #expect(try number("人均500元/人").kind == .money(.yuan))
        #expect(MoneyUnit.wanYuan.exponent == 4 && MoneyUnit.yiYuan.exponent == 8 && MoneyUnit.yuan.exponent == 0)
    }

    @Test func percentScoresAndOtherUnits() throws {
        #expect(try number("执行率95%").kind == .percent)
        #expect(try number("执行率95％").kind == .percent)
        #expect(try number("5‰").kind == .permille)
        #expect(try number("提高3个百分点").kind == .percentagePoint)
        #expect(try number("得分90分").kind == .score)
        #expect(try number("得分90.5分").value == dec("90.5"))
        #expect(try number("增长2倍").kind == .multiple)
        #expect(try number("共100").kind == .bare)
    }

    @Test func fenThatIsNotAScore() throws {
        #expect(try number("用时3分钟").kind != .score)
        #expect(try number("三项得分90分").kind == .score)
        #expect(try number("其中2分别用于").kind != .score)
        #expect(try number("占三分之一的5项").kind == .count("项"))
    }

    @Test func countsWithMeasureWords() throws {
        #expect(try number("设立5个").kind == .count("个"))
        #expect(try number("完成3项").kind == .count("项"))
        #expect(try number("培训1200人次").kind == .count("人次"))  // 人次 before 人
        #expect(try number("培训1200人").kind == .count("人"))
        #expect(try number("购置2辆").kind == .count("辆"))
        #expect(try number("检查15家").kind == .count("家"))
        #expect(try number("历时6个月").kind == .count("个月"))
        let wan = try number("服务117.82万人次")
        #expect(wan.kind == .count("人次"))
        #expect(wan.multiplier == 4)
        #expect(wan.unitText == "万人次")
        #expect(wan.value == dec("117.82"))
        #expect(QuantityKind.count("个").measureWord == "个")
    }

    @Test func negativeNumbers() throws {
        let n = try number("调整指标-250.00万元")
        #expect(n.value == dec("-250.00"))
        #expect(n.literal == "-250.00")
        #expect(n.interval == Interval(lo: dec("-250.005"), hi: dec("-249.995")))
        #expect(try number("差额：-3.5万元").value == dec("-3.5"))
        // a dash after a digit or a letter is no sign
        #expect(scan("A-12项").numbers.allSatisfy { $0.value > 0 })
    }

    @Test func approximateNumbers() throws {
        #expect(try number("约100万元").approximate)
        #expect(try number("近100万元").approximate)
        #expect(try number("100余人").approximate)
        #expect(try number("100余人").kind == .count("人"))
        #expect(try number("100万元左右").approximate)
        #expect(!(try number("100万元")).approximate)
    }

    @Test func identifiersAndCodesAreSkipped() {
        #expect(scan("建设5G基站").numbers.isEmpty)
        #expect(scan("型号E7").numbers.isEmpty)
        #expect(scan("版本v2.1").numbers.isEmpty)
        // a 16-digit account number is no amount
        #expect(scan("账号6222021234567890123").numbers.isEmpty)
        // "2019-1802" is a code
        #expect(scan("合同编号2019-1802").numbers.isEmpty)
    }

    @Test func severalNumbersInOrder() {
        let numbers = scan("全年预算数100.00万元，执行数95.00万元，执行率95.00%。").numbers
        #expect(numbers.map(\.literal) == ["100.00", "95.00", "95.00"])
        #expect(numbers.map(\.kind) == [.money(.wanYuan), .money(.wanYuan), .percent])
    }

    @Test func parenthesisDepth() {
        let numbers = scan("预算数100万元（其中基本支出30万元）").numbers
        #expect(numbers.map(\.parenDepth) == [0, 1])
    }
}

@Suite("NumberScanner: comparators and ranges")
struct NumberScannerComparatorTests {
    @Test func symbols() throws {
        #expect(try number("≥95%").comparator == .atLeast)
        #expect(try number("≤5%").comparator == .atMost)
        #expect(try number(">90%").comparator == .greater)
        #expect(try number("<10%").comparator == .less)
        #expect(try number(">=90%").comparator == .atLeast)
        #expect(try number("<=10%").comparator == .atMost)
        #expect(try number("指标值≥ 95%").comparator == .atLeast)
    }

    @Test func wordsBefore() throws {
        #expect(try number("不少于10个").comparator == .atLeast)
        #expect(try number("不低于90%").comparator == .atLeast)
        #expect(try number("不超过100万元").comparator == .atMost)
        #expect(try number("超过100万元").comparator == .greater)
        #expect(try number("大于等于95%").comparator == .atLeast)
        #expect(try number("至少3次").comparator == .atLeast)
        #expect(try number("低于5%").comparator == .less)
    }

    @Test func wordsAfter() throws {
        let above = try number("满意度90%以上")
        #expect(above.comparator == .atLeast)
        #expect(substring("满意度90%以上", above.range) == "90%以上")
        #expect(try number("100人及以上").comparator == .atLeast)
        #expect(try number("误差5%以内").comparator == .atMost)
        #expect(try number("60分以下").comparator == .atMost)
        // a word before wins over one after
        #expect(try number("不低于90%以上").comparator == .atLeast)
    }

    @Test func rangesMarkBothEnds() {
        let scores = scan("得分80-90分").numbers
        #expect(scores.count == 2)
        #expect(scores.allSatisfy { $0.inRange })
        // the first end takes the unit of the second
        #expect(scores.map(\.kind) == [.score, .score])
        #expect(scores.map(\.value) == [80, 90])
        let percents = scan("200%-300%").numbers
        #expect(percents.count == 2 && percents.allSatisfy { $0.inRange })
        let counts = scan("培训3至5个").numbers
        #expect(counts.map(\.kind) == [.count("个"), .count("个")])
        #expect(counts.allSatisfy { $0.inRange })
        let tilde = scan("80~90分").numbers
        #expect(tilde.count == 2 && tilde.allSatisfy { $0.inRange })
        // two separate figures are no range
        #expect(!scan("预算30万元，支出20万元").numbers.contains { $0.inRange })
        // both ends written with their unit or multiplier: the dash joins them, it is no minus sign
        for text in ["总额为5亿-10亿元", "总额为5亿元-10亿元", "补助5万-10万元"] {
            let ends = scan(text).numbers
            #expect(ends.count == 2 && ends.allSatisfy { $0.inRange && $0.value > 0 }, "\(text)")
        }
        // a sign after a word stays a sign
        #expect(scan("基本支出预算数-30.00万元").numbers.first?.value == -30)
    }
}

@Suite("NumberScanner: years, dates and references")
struct NumberScannerYearTests {
    @Test func years() throws {
        let r = scan("2022年预算数100万元")
        #expect(r.years.count == 1)
        #expect(r.years[0].year == 2022)
        #expect(r.years[0].form == .year)
        #expect(r.years[0].range == 0..<5)
        #expect(r.numbers.map(\.literal) == ["100"])
        #expect(scan("2022年度").years.first?.form == .fiscalYear)
        #expect(scan("2020年末").years.first?.form == .yearEnd)
        #expect(scan("2020年底").years.first?.form == .yearEnd)
        #expect(scan("2020年初").years.first?.form == .yearStart)
    }

    @Test func datesAreNotAmounts() {
        let r = scan("于2021年4月15日下达资金")
        #expect(r.numbers.isEmpty)
        #expect(r.years.count == 1)
        #expect(r.years[0].form == .date)
        #expect(r.years[0].year == 2021)
        #expect(r.years[0].range == 1..<11)
        #expect(scan("截至12月31日").numbers.isEmpty)
        #expect(scan("5月份").numbers.isEmpty)
        // the minutes of "10:30" are at most a bare number, never a quantity
        #expect(scan("上午10:30召开").numbers.allSatisfy { $0.kind == .bare })
    }

    /// A time of day is not a score: "9时30分" and "9:30分" are 9.30 a.m., and no rule may read 30分
    /// as a score of 30.
    @Test func clockTimesAreNotScores() {
        #expect(!scan("上午9时30分召开会议").numbers.contains { $0.kind == .score })
        #expect(!scan("于9:30分召开").numbers.contains { $0.kind == .score })
        #expect(!scan("下午3点15分").numbers.contains { $0.kind == .score })
        // a score after a clause is still a score
        #expect(scan("第3项指标得分30分").numbers.contains { $0.kind == .score })
        // durations with 分钟 are fine
        #expect(!scan("历时2小时30分钟").numbers.contains { $0.kind == .score })
    }

    @Test func yearRanges() {
        let r = scan("2020-2022年")
        #expect(r.years.map(\.year) == [2020, 2022])
        #expect(r.years.map(\.form) == [.rangeEnd, .year])
        #expect(r.numbers.isEmpty)
    }

    @Test func relativeYears() {
        let r = scan("较上年增长10%，本年度完成，下一年继续")
        #expect(r.years.map(\.year) == [-1, 0, 1])
        #expect(r.years.allSatisfy { $0.form == .relative })
        #expect(r.numbers.map(\.literal) == ["10"])
    }

    @Test func quotedYearsAndDocumentNumbers() {
        let r = scan("《2021年度预算管理办法》（财预〔2021〕12号）")
        #expect(r.numbers.isEmpty)
        #expect(r.years.count == 2)
        #expect(r.years.allSatisfy { $0.quoted })
        #expect(r.years.map(\.form) == [.fiscalYear, .bare])
        #expect(!scan("2021年预算").years[0].quoted)
    }

    /// A document number whose closing 〔〕 bracket the export lost ends with the bracket it stands in,
    /// or its clause: the rest of the paragraph is read (a title's 《》 ends with its sentence).
    @Test func anUnclosedDocumentNumberEndsWithItsBracket() {
        let r = scan("根据《关于…的批复》（渝农〔201928号），建设高标准农田4777.45亩，工程总投资1860万元。")
        #expect(r.numbers.map(\.literal) == ["4777.45", "1860"])
        #expect(scan("资金（财农〔2021 19号，下同）100万元").numbers.map(\.literal) == ["100"])
        #expect(scan("《关于下达2021年资金的通知。补助100万元").numbers.map(\.literal) == ["100"])
        // a title's comma stays inside it
        #expect(scan("《关于下达2021年第1批、第2批资金，的通知》补助100万元").numbers.map(\.literal) == ["100"])
    }

    @Test func ordinalsAndReferencesAreNotAmounts() {
        #expect(scan("第3次会议").numbers.isEmpty)
        #expect(scan("详见表5").numbers.isEmpty)
        #expect(scan("详见表 5").numbers.isEmpty)
        #expect(scan("如图2所示").numbers.isEmpty)
        #expect(scan("附件1").numbers.isEmpty)
        #expect(scan("文件161号").numbers.isEmpty)
        // after a reference the scan goes on
        #expect(scan("表5中预算数100万元").numbers.map(\.literal) == ["100"])
    }

    @Test func yearLikeNumbersWithAUnitAreAmounts() throws {
        // 2022万元 is money, not a year
        let n = try number("预算数2022万元")
        #expect(n.kind == .money(.wanYuan))
        #expect(n.value == 2022)
        #expect(scan("预算数2022万元").years.isEmpty)
    }
}
