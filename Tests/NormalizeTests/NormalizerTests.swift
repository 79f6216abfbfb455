import Testing
import JXCore
import JXLoad
@testable import JXNormalize

/// One line through the normalizer.
private func norm(_ text: String, number: Int = 1) -> NormalizedLine {
    Normalizer.normalize(line: SourceLine(number: number, text: text))
}

/// A text document, one `SourceLine` per line.
private func document(_ text: String, format: DocumentFormat = .text) -> Document {
    let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    return Document(path: "t.txt", format: format, encoding: "utf-8", lines: lines)
}

/// The original text of the scalar a normalized index maps back to.
private func original(_ text: String, _ line: NormalizedLine, at index: Int) -> Unicode.Scalar {
    let scalars = Array(text.unicodeScalars)
    return scalars[line.position(at: index).column - 1]
}

@Suite("Normalizer: characters")
struct NormalizerCharacterTests {
    @Test func fullWidthDigitsAndSigns() {
        #expect(norm("２０２２年预算数１２３．４５万元").text == "2022年预算数123.45万元")
        #expect(norm("执行率９８．５％").text == "执行率98.5%")
        #expect(norm("增加＋５％，减少－３万元").text == "增加+5%，减少-3万元")
        #expect(norm("差额−30.00万元").text == "差额-30.00万元")  // U+2212 minus sign
        #expect(norm("指标值＞＝９０％").text == "指标值>=90%")
        #expect(norm("得分＜６０分").text == "得分<60分")
        #expect(norm("８０～９０分").text == "80~90分")
    }

    @Test func fullWidthStopIsADecimalPointOnlyBetweenDigits() {
        #expect(norm("１．５万元").text == "1.5万元")
        // a heading marker "１．" followed by text keeps its full-width stop
        #expect(norm("１．产出数量").text == "1．产出数量")
        #expect(norm("说明．").text == "说明．")
    }

    @Test func otherSpacesBecomeASCIISpaces() {
        // no-break and thin spaces between ASCII words are kept as plain spaces
        #expect(norm("A\u{00A0}B\u{2009}C").text == "A B C")
    }

    @Test func invisibleCharactersAreDropped() {
        #expect(norm("\u{FEFF}标题").text == "标题")
        #expect(norm("预\u{200B}算数").text == "预算数")
        #expect(norm("第一页\u{0C}").text == "第一页")
        #expect(norm("预算数\r").text == "预算数")
    }

    @Test func traditionalCharactersBecomeSimplified() {
        #expect(norm("預算執行率").text == "预算执行率")
        #expect(norm("項目支出").text == "项目支出")
        #expect(norm("績效評價報告").text == "绩效评价报告")
        // one scalar for one scalar: the columns stay put
        let line = norm("預算數100萬元")
        #expect(line.scalars.count == 8)
        #expect(line.columns == [1, 2, 3, 4, 5, 6, 7, 8])
    }
}

@Suite("Normalizer: numbers")
struct NormalizerNumberTests {
    @Test func thousandsSeparatorsAreRemoved() {
        #expect(norm("预算数29,586.86万元").text == "预算数29586.86万元")
        #expect(norm("共1,234,567元").text == "共1234567元")
        #expect(norm("12,345").text == "12345")
        // a full-width comma groups thousands only when decimals follow
        #expect(norm("预算数29，586.86万元").text == "预算数29586.86万元")
    }

    /// Full-width separators in a number of three groups ("1，234，567.89元", as typed with a
    /// full-width input method) must all go, or the amount is read as 1 and 234567.89.
    @Test func fullWidthSeparatorsInEveryGroup() {
        #expect(norm("合计1，234，567.89元").text == "合计1234567.89元")
        #expect(norm("合计１，２３４，５６７．８９元").text == "合计1234567.89元")
        #expect(norm("分别为1，234，567个").text == "分别为1，234，567个")
    }

    @Test func commasThatAreNotGroupingStay() {
        #expect(norm("分别为1,2,3项").text == "分别为1,2,3项")
        #expect(norm("12,3456").text == "12,3456")
        #expect(norm("1234,567").text == "1234,567")
        #expect(norm("0.123,456").text == "0.123,456")
        // "29，586" without decimals is a list of two numbers
        #expect(norm("29，586").text == "29，586")
    }

    @Test func spacesInsideNumbersAndBeforeUnitsAreRemoved() {
        #expect(norm("购置车辆 2 辆").text == "购置车辆2辆")
        #expect(norm("2020 年").text == "2020年")
        #expect(norm("预算数 13.44 万元").text == "预算数13.44万元")
        #expect(norm("达到 95 %").text == "达到95%")
        #expect(norm("共计 259 件").text == "共计259件")
        #expect(norm("全年预算数为　29586.86万元").text == "全年预算数为29586.86万元")  // U+3000
    }

    @Test func aSpaceBeforeAPercentageIsAColumnGapNotAThousandsSeparator() {
        // a weight of 15 and a rate of 100% in two columns of a flattened sheet, not 15100%
        #expect(norm("发放及时率=100% 15 100% 15").text == "发放及时率=100% 15 100% 15")
        #expect(norm("资金 32 500.00万元").text == "资金32500.00万元")
    }

    @Test func spacesBetweenIdeographs() {
        // one space between ideographs is a PDF export artifact; a wider run is layout
        #expect(norm("分管 领导").text == "分管领导")
        #expect(norm("分管   领导").text == "分管   领导")
        // spaces between ASCII words stay
        #expect(norm("Total budget 100").text == "Total budget 100")
        #expect(norm("（ 含 ）").text == "（含）")
    }
}

@Suite("Normalizer: artifacts")
struct NormalizerArtifactTests {
    @Test func bookmarksAreDropped() {
        let text = "[bookmark: _Toc12345]一、基本情况"
        let line = norm(text)
        #expect(line.text == "一、基本情况")
        // "一" is the 22nd scalar of the original
        #expect(line.columns.first == 22)
        #expect(original(text, line, at: 0) == "一")
        #expect(norm("前言[bookmark: _Toc1]正文").text == "前言正文")
        // a bracket that is not a bookmark stays
        #expect(norm("[注]说明").text == "[注]说明")
        // an unclosed bookmark stays as written
        #expect(norm("[bookmark: _Toc1 未闭合").text.hasPrefix("[bookmark:"))
    }

    @Test func pinyinGlossesAreDropped() {
        let text = "收入同比增长(zhǎng)8.2%"
        let line = norm(text)
        #expect(line.text == "收入同比增长8.2%")
        #expect(original(text, line, at: 6) == "8")
        #expect(norm("医（yī）疗保险基金").text == "医疗保险基金")
        // not a gloss: no tone mark, capitals, digits, or no ideograph before
        #expect(norm("采用政府和社会资本合作(ppp)模式").text == "采用政府和社会资本合作(ppp)模式")
        #expect(norm("合作(PPP)模式").text == "合作(PPP)模式")
        #expect(norm("支出(1)").text == "支出(1)")
        #expect(norm("A(zhǎng)").text == "A(zhǎng)")
    }

    @Test func tableOfContentsLines() {
        #expect(norm("一、部门基本情况……………………1").artifact == .tableOfContents)
        #expect(norm("（二）项目绩效目标..........12").artifact == .tableOfContents)
        #expect(norm("三、评价结论·······5").artifact == .tableOfContents)
        #expect(norm("附件______8").artifact == .tableOfContents)
        // the leader needs a title before it and a page number after it
        #expect(norm("……………………1").artifact == nil)
        #expect(norm("一、部门基本情况……………………").artifact == nil)
        #expect(norm("预算执行率为95.00%。").artifact == nil)
    }

    @Test func pageNumberLines() {
        #expect(norm("- 3 -").artifact == .pageNumber)
        #expect(norm("— 12 —").artifact == .pageNumber)
        #expect(norm("  -3-  ").artifact == .pageNumber)
        #expect(norm("第3页").artifact == .pageNumber)
        #expect(norm("第 3 页").artifact == .pageNumber)
        #expect(norm("第3页 共10页").artifact == .pageNumber)
        #expect(norm("第3页/共10页").artifact == .pageNumber)
        // content that merely looks short
        #expect(norm("3").artifact == nil)
        #expect(norm("-30.00").artifact == nil)
        #expect(norm("第3项工作").artifact == nil)
        #expect(norm("").artifact == nil)
    }

    @Test func blankLines() {
        #expect(norm("").isBlank)
        #expect(norm(" \t　").isBlank)
        #expect(!norm(" 一 ").isBlank)
    }
}

@Suite("Normalizer: source map")
struct NormalizerSourceMapTests {
    @Test func everyKeptScalarRemembersItsColumn() {
        let text = "全年预算数为 29,586.86 万元，执行率 ９８．５％。"
        let line = norm(text, number: 7)
        #expect(line.text == "全年预算数为29586.86万元，执行率98.5%。")
        #expect(line.scalars.count == line.columns.count)
        // columns increase strictly: nothing is reordered
        #expect(zip(line.columns, line.columns.dropFirst()).allSatisfy { $0 < $1 })
        // every kept scalar maps back to itself, or to its full-width original
        let originalScalars = Array(text.unicodeScalars)
        for (k, s) in line.scalars.enumerated() {
            let o = originalScalars[Int(line.columns[k]) - 1]
            #expect(o == s || o.value == s.value + 0xFEE0, "index \(k): \(s) ← \(o)")
        }
        let digits = Array(line.scalars)
        let nine = digits.firstIndex(of: "9")!  // the "9" of 29586.86
        #expect(line.position(at: nine) == SourcePosition(line: 7, column: 9))
        let five = digits.firstIndex(of: "5")!  // after the removed comma
        #expect(line.position(at: five) == SourcePosition(line: 7, column: 11))
        let wan = digits.firstIndex(of: "万")!  // after the removed space
        #expect(line.position(at: wan) == SourcePosition(line: 7, column: 18))
        let percent = digits.firstIndex(of: "%")!
        #expect(original(text, line, at: percent) == "％")
    }

    @Test func positionsAreClamped() {
        let line = norm("预算数", number: 4)
        #expect(line.position(at: -3) == SourcePosition(line: 4, column: 1))
        #expect(line.position(at: 99) == SourcePosition(line: 4, column: 3))
        #expect(norm("", number: 9).position(at: 0) == SourcePosition(line: 9, column: 1))
    }

    @Test func aDocumentKeepsLineNumbersAndSourceIndices() {
        let text = "[bookmark: _Toc1]标题\n\n　　预算数 1,000.00 万元，\u{FEFF}支出数９００万元。\n- 2 -\n"
        let normalized = Normalizer.normalize(document(text))
        #expect(normalized.lines.count == 4)
        #expect(normalized.lines.map(\.number) == [1, 2, 3, 4])
        #expect(normalized.lines.map(\.sourceIndex) == [0, 1, 2, 3])
        #expect(normalized.lines[0].text == "标题")
        #expect(normalized.lines[0].position(at: 0) == SourcePosition(line: 1, column: 18))
        #expect(normalized.lines[1].isBlank)
        let third = normalized.lines[2]
        #expect(third.text == "　　预算数1000.00万元，支出数900万元。")
        let raw = TextDecoding.splitLines(text)[2]
        let nine = third.scalars.firstIndex(of: "9")!
        #expect(third.position(at: nine) == SourcePosition(line: 3, column: 23))
        #expect(original(raw, third, at: nine) == "９")
        let zhi = third.scalars.lastIndex(of: "支")!
        #expect(original(raw, third, at: zhi) == "支")
        #expect(normalized.lines[3].artifact == .pageNumber)
    }

    @Test func pdfLayoutGapsBecomeTabs() {
        let text = "  项目名称    预算数    执行数\n1.   完成项目数量"
        let normalized = Normalizer.normalize(document(text, format: .pdf))
        let row = normalized.lines[0]
        // leading indentation is dropped
        #expect(row.text == "项目名称\t预算数\t执行数")
        let tab = row.scalars.firstIndex(of: "\t")!
        // the tab stands where the gap began
        #expect(row.position(at: tab) == SourcePosition(line: 1, column: 7))
        #expect(row.position(at: tab + 1) == SourcePosition(line: 1, column: 11))
        // a list item keeps its spaces: it is prose, not a row
        #expect(!normalized.lines[1].scalars.contains("\t"))
        // text documents keep their gaps
        #expect(!Normalizer.normalize(document(text)).lines[0].scalars.contains("\t"))
    }
}

@Suite("CharClass")
struct CharClassTests {
    @Test func classes() {
        #expect(CharClass.isDigit("0") && CharClass.isDigit("9"))
        #expect(!CharClass.isDigit("a") && !CharClass.isDigit("５") && !CharClass.isDigit("/"))
        #expect(CharClass.isHan("预") && CharClass.isHan("〇") && CharClass.isHan("𠀀"))
        #expect(!CharClass.isHan("，") && !CharClass.isHan("A"))
        #expect(CharClass.isCJK("，") && CharClass.isCJK("％") && CharClass.isCJK("预"))
        #expect(!CharClass.isCJK(","))
        #expect(CharClass.isInlineSpace("\u{3000}") && !CharClass.isInlineSpace("\t"))
        #expect(CharClass.isWhitespace("\t") && CharClass.isWhitespace("\u{FEFF}"))
        #expect(CharClass.isASCIILetter("G") && CharClass.isASCIILetter("z") && !CharClass.isASCIILetter("@"))
    }
}

@Suite("Traditional characters")
struct TraditionalCharacterTests {
    @Test func bitmapAgreesWithTheTable() {
        // every scalar of the ideograph block: simplified as the table says, others unchanged
        for v in UInt32(0x4E00)..<0xA000 {
            let s = Unicode.Scalar(v)!
            let expected = TraditionalCharacters.simplified[v].flatMap(Unicode.Scalar.init) ?? s
            #expect(TraditionalCharacters.simplify(s) == expected)
        }
        #expect(TraditionalCharacters.simplify("a") == "a")
        #expect(TraditionalCharacters.simplify("預") == "预")
    }
}
