import Testing
import JXCore
import JXRules
import JXLoad
import JXNormalize
@testable import JXStructure

@Suite("HeadingDetector")
struct HeadingDetectorTests {
    func detect(_ text: String) -> HeadingDetector.Match? { HeadingDetector.detect(run(text), words: .standard) }

    @Test func chineseNumeral() throws {
        let m = try #require(detect("一、基本情况"))
        #expect(m.style == .chineseNumeral)
        #expect(m.ordinal == 1)
        #expect(m.markerRange == 0..<2)
        #expect(m.titleRange == 2..<6)
        #expect(detect("十二、其他需要说明的情况")?.ordinal == 12)
        #expect(detect("二十一、附表")?.ordinal == 21)
        // a full-width or half-width stop instead of 、
        #expect(detect("三．评价结论")?.style == .chineseNumeral)
        #expect(detect("三.评价结论")?.ordinal == 3)
    }

    @Test func parenthesisedChineseNumeral() throws {
        let m = try #require(detect("（三）项目绩效"))
        #expect(m.style == .parenChinese)
        #expect(m.ordinal == 3)
        #expect(m.markerRange == 0..<3)
        #expect(detect("(十)其他")?.style == .parenChinese)
        #expect(detect("(十)其他")?.ordinal == 10)
        #expect(detect("（二)混合括号")?.style == .parenChinese)
    }

    @Test func arabic() throws {
        let m = try #require(detect("1.产出数量"))
        #expect(m.style == .arabic)
        #expect(m.ordinal == 1)
        #expect(m.markerRange == 0..<2)
        #expect(detect("2、质量指标")?.ordinal == 2)
        #expect(detect("3．时效指标")?.style == .arabic)
        #expect(detect("12. 满意度")?.ordinal == 12)
        #expect(detect("12. 满意度")?.titleRange == 4..<7)
    }

    /// "1.2021年第一批…项目": a year right after the marker is the item's first word.
    @Test func aYearRightAfterTheMarker() throws {
        let s = Array("1.2021年第一批乡村道路建设项目".unicodeScalars)
        let found = try #require(HeadingDetector.enumerator(s, at: 0))
        #expect(found.style == .arabic && found.ordinal == 1 && found.end == 2)
        #expect(HeadingDetector.enumerator(Array("2.1998年度".unicodeScalars), at: 0)?.ordinal == 2)
        // decimals stay decimals: no 年 after four digits, or no year's first digits
        #expect(HeadingDetector.enumerator(Array("1.2021万元".unicodeScalars), at: 0) == nil)
        #expect(HeadingDetector.enumerator(Array("1.3021年".unicodeScalars), at: 0) == nil)
        #expect(HeadingDetector.enumerator(Array("1.202年".unicodeScalars), at: 0) == nil)
    }

    @Test func numbersAreNotArabicHeadings() {
        #expect(detect("1.5万元用于购置设备") == nil)
        #expect(detect("2020.年度") == nil)        // not below 100: a year
        #expect(detect("100.预算") == nil)
        #expect(detect("1") == nil)
        #expect(detect("1.") == nil)
    }

    @Test func parenthesisedArabic() throws {
        let m = try #require(detect("（1）数量指标"))
        #expect(m.style == .parenArabic)
        #expect(m.ordinal == 1)
        #expect(detect("(2)质量指标")?.style == .parenArabic)
        #expect(detect("(2)质量指标")?.ordinal == 2)
        #expect(detect("（12）其他")?.ordinal == 12)
        // brackets around something else are no heading
        #expect(detect("（含）专项资金") == nil)
        #expect(detect("(a)说明") == nil)
    }

    @Test func circled() {
        #expect(detect("①预算编制")?.style == .circled)
        #expect(detect("①预算编制")?.ordinal == 1)
        #expect(detect("⑩其他")?.ordinal == 10)
        #expect(detect("⑳最后")?.ordinal == 20)
    }

    @Test func chapterAndMarkdown() {
        #expect(detect("第一部分 部门概况")?.style == .chapter)
        #expect(detect("第二章 总则")?.ordinal == 2)
        #expect(detect("第三节 附则")?.style == .chapter)
        // 第三次 is an ordinal in a sentence
        #expect(detect("第三次会议") == nil)
        let md = detect("## 部门概况")
        #expect(md?.style == .markdown)
        #expect(md?.ordinal == 2)
        #expect(md?.titleRange == 3..<7)
        #expect(detect("#标签") == nil)
    }

    /// The chapter words are the pipeline's (a rule set's vocabulary, extended by a bureau), not the
    /// embedded ones: "第一篇" is a chapter only when 篇 is one of them.
    @Test func chapterWordsComeFromTheVocabularyGiven() {
        let extra = Vocabulary([.chapterWords: WordSet(["篇"])])
        let words = StructureWords(vocabulary: Vocabulary.embedded.extended(with: extra))
        #expect(HeadingDetector.detect(run("第一篇 总体情况"), words: words)?.style == .chapter)
        #expect(HeadingDetector.detect(run("第一篇 总体情况"), words: .standard) == nil)
        #expect(detect("####### 太深") == nil)
    }

    @Test func leadingSpacesAreSkipped() throws {
        let m = try #require(detect("　　（二）项目情况"))
        #expect(m.style == .parenChinese)
        #expect(m.markerRange == 2..<5)
    }

    @Test func theTitleEndsWhereTheBodyBegins() throws {
        let m = try #require(detect("（一）绩效信息收集。年度预算执行完成后，进行收集。"))
        #expect(m.titleRange == 3..<9)
        let colon = try #require(detect("1.预算执行率：99.70%"))
        #expect(colon.titleRange == 2..<7)
    }

    @Test func plainTextIsNoHeading() {
        #expect(detect("全年预算数100万元。") == nil)
        #expect(detect("") == nil)
        #expect(detect("   ") == nil)
    }

    @Test func chineseNumbers() {
        func parse(_ s: String) -> Int? { HeadingDetector.chineseNumber(Array(s.unicodeScalars), from: 0)?.0 }
        #expect(parse("一") == 1)
        #expect(parse("十") == 10)
        #expect(parse("十五") == 15)
        #expect(parse("二十") == 20)
        #expect(parse("九十九") == 99)
        #expect(parse("一百零五") == 105)
        #expect(parse("两") == 2)
        #expect(parse("预算") == nil)
        // the parse stops at the first other character and says where
        #expect(HeadingDetector.chineseNumber(Array("三、".unicodeScalars), from: 0)?.1 == 1)
    }
}

@Suite("Structurer: headings and paragraphs")
struct StructurerParagraphTests {
    @Test func headingLevelsNest() {
        let doc = structure("一、部门概况\n（一）主要职能\n1.产出指标\n（1）数量指标\n①完成数量\n二、绩效评价")
        #expect(doc.paragraphs.count == 6)
        #expect(doc.paragraphs.map { $0.heading?.level } == [1, 2, 3, 4, 5, 1])
        #expect(doc.paragraphs.map { $0.heading?.style } == [.chineseNumeral, .parenChinese, .arabic, .parenArabic, .circled, .chineseNumeral])
        #expect(doc.paragraphs[4].sectionPath == [0, 1, 2, 3, 4])
        #expect(doc.paragraphs[5].sectionPath == [5])
        #expect(doc.paragraphs[1].heading?.marker == "（一）")
    }

    @Test func skippedLevelsCountByNesting() {
        // 一、 then 1. (no （一）): 1. is the second level
        let doc = structure("一、部门概况\n1.产出指标\n（1）数量指标\n二、结论")
        #expect(doc.paragraphs.map { $0.heading?.level } == [1, 2, 3, 1])
    }

    @Test func bodyTextBelongsToItsSection() {
        let doc = structure("一、基本情况\n本部门全年预算数100万元。\n（一）预算执行\n执行率为95%。")
        #expect(doc.paragraphs.count == 4)
        #expect(!doc.paragraphs[1].isHeading)
        #expect(doc.paragraphs[1].sectionPath == [0])
        #expect(doc.paragraphs[3].sectionPath == [0, 2])
    }

    @Test func markdownHeadingsRankByHashes() {
        let doc = structure("# 报告\n## 部门概况\n### 职能\n## 绩效")
        #expect(doc.paragraphs.map { $0.heading?.level } == [1, 2, 3, 2])
    }

    @Test func sentences() {
        let text = run("预算数100万元。执行数90万元！执行率90%？剩余部分")
        let ranges = Sentences.split(text)
        #expect(ranges.map { text.string($0) } == ["预算数100万元。", "执行数90万元！", "执行率90%？", "剩余部分"])
        // closing quotes and brackets stay with their sentence; spaces between sentences are trimmed
        let quoted = run("他说“完成了。” 然后（见附表。）继续")
        #expect(Sentences.split(quoted).map { quoted.string($0) } == ["他说“完成了。”", "然后（见附表。）", "继续"])
        // a full stop closing a bracketed list ends the list, not the sentence
        let aside = run("公务用车费50万元（购置费10万元；运行费40万元。）比上年持平；接待费2万元。")
        #expect(Sentences.split(aside).map { aside.string($0) } == ["公务用车费50万元（购置费10万元；运行费40万元。）比上年持平；接待费2万元。"])
        #expect(Sentences.split(run("")).isEmpty)
        #expect(Sentences.split(run("。")) == [0..<1])
    }

    @Test func paragraphsCarryTheirSentences() {
        let doc = structure("全年预算数100万元。执行数95万元。")
        #expect(doc.paragraphs.count == 1)
        #expect(doc.paragraphs[0].sentences.count == 2)
    }

    @Test func wrappedLinesAreJoined() {
        // a PDF export wraps a sentence: the first line ends mid-sentence
        let doc = structure("本部门2022年全年预算数为33463.78万元，其中基本支出822.24万元，项目\n支出32542.73万元，全年执行率为99.70%。\n下一段落。")
        #expect(doc.paragraphs.count == 2)
        let p = doc.paragraphs[0]
        #expect(p.string == "本部门2022年全年预算数为33463.78万元，其中基本支出822.24万元，项目支出32542.73万元，全年执行率为99.70%。")
        #expect(p.firstLine == 1 && p.lastLine == 2)
        // positions still point at the second line for the joined text
        let zhi = p.text.firstIndex(of: Array("支出32542".unicodeScalars))!
        #expect(p.text.positions[zhi] == SourcePosition(line: 2, column: 1))
        #expect(doc.paragraphs[1].firstLine == 3)
    }

    @Test func finishedSentencesAndShortLinesAreNotJoined() {
        let ended = structure("本部门2022年全年预算数为33463.78万元，执行率为99.70%。\n全年共完成项目12个，达到预期目标。")
        #expect(ended.paragraphs.count == 2)
        // a short title line is not wrapped prose
        let title = structure("部门整体支出绩效自评报告\n本部门全年预算数为33463.78万元。")
        #expect(title.paragraphs.count == 2)
        // a heading on the next line starts a new paragraph
        let heading = structure("本部门2022年全年预算数为33463.78万元，其中基本支出822.24万元\n二、绩效目标完成情况")
        #expect(heading.paragraphs.count == 2)
        #expect(heading.paragraphs[1].isHeading)
    }

    @Test func aListAfterQizhongJoinsItsWhole() {
        let doc = structure("全年预算数100万元，其中：\n基本支出30万元。\n项目支出70万元。")
        #expect(doc.paragraphs.count == 1)
        // the items' full stops read as semicolons, so the list is one sentence with its whole
        #expect(doc.paragraphs[0].string == "全年预算数100万元，其中：基本支出30万元；项目支出70万元。")
        #expect(doc.paragraphs[0].sentences.count == 1)
    }

    @Test func artifactLinesAreSkipped() {
        let doc = structure("目录\n一、部门概况……………………1\n- 1 -\n一、部门概况\n本部门全年预算数100万元。")
        #expect(doc.paragraphs.map(\.string) == ["目录", "一、部门概况", "本部门全年预算数100万元。"])
        #expect(doc.paragraphs[1].firstLine == 4)
    }

    @Test func theTitleParagraph() throws {
        let doc = structure("附件2\n某某局2022年度部门整体支出绩效自评报告\n一、部门概况\n本部门全年预算数100万元。")
        let t = try #require(doc.titleParagraph)
        #expect(doc.paragraphs[t].string == "某某局2022年度部门整体支出绩效自评报告")
        #expect(structure("一、部门概况\n本部门全年预算数100万元。").titleParagraph == nil)
    }

    /// A bulletin's opening line is its title when it is named like one, with no report word in it.
    @Test func anOpeningLineNamedLikeATitle() throws {
        let doc = structure("关于2021年全县文化经费执行情况的公告\n一、总体情况\n2021年全县文化经费支出3.10亿元。")
        let t = try #require(doc.titleParagraph)
        #expect(doc.paragraphs[t].string == "关于2021年全县文化经费执行情况的公告")
        // the same words further down are no title
        #expect(structure("全县文化经费3.10亿元。\n关于2021年全县文化经费执行情况的公告").titleParagraph == nil)
    }

    /// A web page's details above the report ("[ 体裁分类 ] | 财政预算、决算 |"), one row of cells a line:
    /// the row ends at its last bar, so the title below it stays a paragraph of its own.
    @Test func theTitleUnderAWebPagesDetailRows() throws {
        let doc = structure("[ 体裁分类 ] | 财政预算、决算 |\n[ 发布机构 ] | 某区教育委员会 |\n[ 有效性 ] |\n某幼儿园2021年度部门决算情况说明\n（一）单位构成。\n本部门仅一个预算单位。")
        let t = try #require(doc.titleParagraph)
        #expect(doc.paragraphs[t].string == "某幼儿园2021年度部门决算情况说明")
        #expect(doc.paragraphs.first?.string == "[ 体裁分类 ] | 财政预算、决算 |")
    }

    @Test func blocksAreInDocumentOrder() {
        let doc = structure("说明文字。\n项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t68.00\n结尾。")
        #expect(doc.blocks == [.paragraph(0), .table(0), .paragraph(1)])
    }
}

/// A web table exported cell by cell, each cell on a line ending with "|" and each row ended by a
/// lone "|": a table with the cells in their rows, at their own lines.
@Test func aTableExportedOneCellPerLineWithBars() throws {
    let doc = structure("""
        单位:万元
        项 目 |
        预 算 数 |
        决 算 数 |
        |
        合 计 |
        30 |
        28.5 |
        |
        公务接待费 |
        10 |
        9.5 |
        |
        公务用车运行维护费 |
        20 |
        19 |
        |
        """)
    let table = try #require(doc.tables.first)
    #expect(table.rows.count == 4)
    #expect(table.rows[1].cells.map(\.string) == ["合计", "30", "28.5"])
    #expect(table.rows[1].cells[1].text.span(0..<2)?.start.line == 7)
    // one "cell |" line among prose is no table
    #expect(structure("说明如下 |\n本部门全年预算数100万元。").tables.isEmpty)
}

/// The title is a short opening paragraph: one of more than 80 characters is not, however its
/// characters are counted (scalars in plain text, graphemes with combining marks).
@Suite("Title")
struct TitleTests {
    static func title(_ lines: [String]) -> String? {
        let source = lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        let doc = Structurer.structure(Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: source)))
        return doc.titleParagraph.map { doc.paragraphs[$0].string }
    }

    @Test func aTitleIsAtMostEightyCharacters() {
        let name = "某县2023年度部门整体支出绩效自评报告"
        let filler = String(repeating: "说明", count: 30)   // 60 characters
        #expect(Self.title([name + filler]) == name + filler)
        #expect(Self.title([name + filler + "说明说明说明说明说明说明说明"]) == nil)
        // eighty characters written with combining marks (more than eighty scalars) still fit
        let marked = name + String(repeating: "e\u{301}", count: 20) + String(repeating: "说", count: 40)
        #expect(Self.title([marked]) == marked)
    }

    /// A web page's breadcrumb trail ending with its section's name ("…> 政府信息公开年度报告") is
    /// no title; the page's own heading below it is.
    @Test func aBreadcrumbTrailIsNoTitle() {
        #expect(Self.title(["您现在所在的位置 : 首页 > 政务 > 政府信息公开年度报告", "索引号: 431102009/2022-00132", "2021年林业局部门整体支出绩效自评表"])
                == "2021年林业局部门整体支出绩效自评表")
        #expect(Self.title(["当前位置：首页 > 通知公告 > 部门整体支出绩效评价报告", "2022年度部门整体支出绩效评价报告"]) == "2022年度部门整体支出绩效评价报告")
        #expect(Self.title(["首页 > 财政信息 > 2023年决算报告"]) == nil)
    }

    /// An excerpt that opens inside a sentence cut before its list ("…，主要原因是:") has no title,
    /// in the ASCII forms of the marks as in the full-width ones.
    @Test func aSentenceCutBeforeItsListIsNoTitle() {
        #expect(Self.title(["较2022年度决算数增加0.00万元,增长0%,主要原因是:", "本单位无经营收入。"]) == nil)
        #expect(Self.title(["较2022年度决算数增加0.00万元，增长0%，主要原因是：", "本单位无经营收入。"]) == nil)
        #expect(Self.title(["某县2023年度部门整体支出绩效自评报告", "本单位无经营收入。"]) == "某县2023年度部门整体支出绩效自评报告")
    }
}

/// A two-column table exported one cell to a line: label, value, label, value …, after a header of
/// two names or none, blank lines between the cells or not; three pairs at least.
@Suite("Label and value lines")
struct LabelValueLineTests {
    static func tables(_ text: String) -> [Table] {
        let source = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { SourceLine(number: $0.offset + 1, text: String($0.element)) }
        return Structurer.structure(Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: source))).tables
    }

    @Test func labelAndValueLinesAreATable() throws {
        let table = try #require(Self.tables("某单位预算表\n项  目\n\n预 算 数\n\n合  计\n\n20\n\n公务接待费\n\n11\n\n会议费\n\n9\n").first)
        #expect(table.rows.count == 4)
        #expect(table.rows.map { $0.cells.map(\.string) }.last == ["会议费", "9"])
        // no header, no blank lines
        #expect(Self.tables("合计\n20\n公务接待费\n11\n会议费\n9\n").first?.rows.count == 3)
    }

    @Test func shortLinesOfProseAreNoTable() {
        // two pairs only
        #expect(Self.tables("合计\n20\n公务接待费\n11\n").isEmpty)
        // a sentence among the lines
        #expect(Self.tables("合计\n20\n本年公务接待费支出比上年有所下降。\n11\n会议费\n9\n").isEmpty)
    }
}
