import Foundation
import Testing
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
@testable import JXExtract

let lexicon: Lexicon = try! LexiconLoader.embedded()

/// A text document through load → normalize → structure → extract.
func extract(_ text: String, fiscalYear: Int? = nil) -> FactSet {
    let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    let document = Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)
    return Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: lexicon, fiscalYear: fiscalYear)
}

extension FactSet {
    /// The fact shown as `shown` ("822.24万元"); the first when there are several.
    func fact(_ shown: String) -> Fact? { facts.first { $0.shown == shown } }
}

let report = """
    2022年度部门整体支出绩效自评报告
    一、部门基本情况
    2022年全年预算数33463.78万元，其中：基本支出预算数822.24万元，项目支出预算数32542.73万元。
    人员支出405.87万元，占基本支出78.31%。
    全年执行率为99.70%。
    """

@Suite("Extractor: facts")
struct ExtractorFactTests {
    @Test func factsOfRunningText() throws {
        let set = extract(report)
        #expect(set.facts.map(\.shown) == ["33463.78万元", "822.24万元", "32542.73万元", "405.87万元", "78.31%", "99.70%"])
        let basic = try #require(set.fact("822.24万元"))
        #expect(basic.value == dec("822.24"))
        #expect(basic.kind == .money(.wanYuan))
        #expect(basic.label == "基本支出预算数")
        #expect(basic.concept.measure == "budget")
        #expect(basic.concept.item == "basic")
        // positions point into the original text: line 3, after "…其中：基本支出预算数"
        #expect(basic.numberSpan.start == SourcePosition(line: 3, column: 32))
        #expect(basic.span.end == SourcePosition(line: 3, column: 39))
        #expect(basic.line == 3)
        #expect(basic.place == .text(paragraph: 2, sentence: 0, clause: 2))
    }

    @Test func labelsAndConcepts() throws {
        let set = extract(report)
        let total = try #require(set.fact("33463.78万元"))
        #expect(total.label == "2022年全年预算数")
        #expect(total.concept.measure == "budget")
        #expect(total.concept.item == "total")
        #expect(total.conceptKey == "budget.total")
        let rate = try #require(set.fact("99.70%"))
        #expect(rate.concept.rate == "execution")
        #expect(rate.head == "全年执行率")
        let project = try #require(set.fact("32542.73万元"))
        #expect(project.concept.item == "project")
        #expect(project.conceptKey == "budget.project")
    }

    @Test func normalizedIntervalIsInYuan() throws {
        let basic = try #require(extract(report).fact("822.24万元"))
        #expect(basic.interval == Interval(lo: dec("8222350"), hi: dec("8222450")))
    }

    @Test func headsDropConnectivesAndFillers() {
        #expect(Labels.standard.head("其中：基本支出") == "基本支出")
        #expect(Labels.standard.head("全年预算数为") == "全年预算数")
        #expect(Labels.standard.head("共计") == "共计")              // nothing left to keep: unchanged
        #expect(Labels.standard.head("一是培训人数达") == "培训人数")
        #expect(Labels.standard.head("满意度不低于") == "满意度")
        // symbols at either end, list numbers, several steps in one label
        #expect(Labels.standard.head("（二）项目支出：") == "项目支出")
        #expect(Labels.standard.head("：（基本支出") == "基本支出")
        #expect(Labels.standard.head("1.其中：公用经费为") == "公用经费")
        #expect(Labels.standard.head("完成率≥") == "完成率")
        #expect(Labels.standard.head("") == "")
        #expect(Labels.standard.head("：") == "")
        // a symbol that a mark combines with is another character: left in place
        #expect(Labels.standard.head("(\u{0301}经费") == "(\u{0301}经费")
    }

    /// "项目支出70.00万元、基本支出20.00万元": the 、 between two figures separates them; it is not
    /// part of the second label (which findings show as "、基本支出 20.00万元").
    @Test func anEnumerationCommaIsNotPartOfTheNextLabel() throws {
        let set = extract("2022年度绩效自评报告\n全年支出100.00万元，其中：项目支出70.00万元、基本支出20.00万元。")
        let basic = try #require(set.fact("20.00万元"))
        #expect(basic.concept.item == "basic")
        #expect(basic.label == "基本支出")
        #expect(basic.head == "基本支出")
        // names listed with 、 before one figure stay one label
        let listed = extract("2022年度绩效自评报告\n引进生物经济、数字经济等各类项目160个。")
        #expect(try #require(listed.fact("160个")).label == "引进生物经济、数字经济等各类项目")
    }

    @Test func labelsStopAtClauseBoundaries() {
        let s = Array("本年收入100万元，支出预算数：90万元".unicodeScalars)
        let start = s.firstIndex(of: "9")!
        let r = Labels.labelRange(s, numberStart: start, limit: 0)
        // a colon right before the number: the label is what precedes it
        #expect(String(String.UnicodeScalarView(s[r])) == "支出预算数")
    }

    @Test func comparisonsAndChanges() throws {
        let set = extract("2022年度绩效自评报告\n支出12.60万元，比上年减少1.20万元，下降8.70%。")
        let less = try #require(set.fact("1.20万元"))
        #expect(less.change == -1)
        #expect(less.comparesYears)
        #expect(Labels.standard.isComparison("比预算数节约"))
        #expect(Labels.standard.isComparison("与上年相比"))
        #expect(!Labels.standard.isComparison("占比"))
        #expect(!Labels.standard.isComparison("比例"))
    }

    @Test func totalMarkers() throws {
        let set = extract("2022年度绩效自评报告\n共计完成项目12个。")
        #expect(try #require(set.fact("12个")).marksTotal)
    }
}

@Suite("Extractor: years")
struct ExtractorYearTests {
    @Test func fiscalYearFromTheTitle() {
        let set = extract(report)
        #expect(set.fiscalYear == 2022)
        #expect(set.fiscalYearSource == "title")
        #expect(set.titleYear == 2022)
    }

    // a title an export broke over two centered lines is read from its first line
    @Test func aTitleBrokenBeforeItsJoinerIsReadFromItsFirstLine() {
        let set = extract("""
                关于某县2024年预算执行情况
                  和2025年预算草案的报告
            一、2024年预算执行情况
            2024年全县一般公共预算收入12.50亿元，完成预算的101.20%。
            """)
        #expect(set.titleYear == 2024)
        #expect(set.fiscalYear == 2024)
    }

    // a year before opening a clause after "；" dates its part of the sentence, not past it
    @Test func aYearBeforeOpeningAClauseGovernsItsSemicolonPart() throws {
        let set = extract("2024年度资产管理情况\n截至2024年末，资产总额520.40万元；上年末资产总额480.50万元、负债总额300.20万元，本年下降3.00个百分点。")
        #expect(try #require(set.fact("520.40万元")).year == 2024)
        #expect(try #require(set.fact("480.50万元")).year == 2023)
        #expect(try #require(set.fact("300.20万元")).year == 2023)
        #expect(try #require(set.fact("3.00个百分点")).year == 2024)
    }

    @Test func theOptionOverridesTheTitle() {
        let set = extract(report, fiscalYear: 2023)
        #expect(set.fiscalYear == 2023)
        #expect(set.fiscalYearSource == "option")
        #expect(set.titleYear == 2022)
    }

    @Test func withoutATitleYearTheBodyDecides() {
        let set = extract("部门整体支出绩效自评报告\n2021年预算数100万元。\n2021年支出数90万元，2020年支出80万元。")
        #expect(set.fiscalYear == 2021)
        #expect(set.fiscalYearSource == "body")
        #expect(set.titleYear == nil)
        #expect(extract("预算数100万元。").fiscalYear == nil)
    }

    /// A title year the body never names gives way to the year the body names twice about its own
    /// matters: a year's clause, not its whole sentence or paragraph, tells whether it speaks of
    /// another year's matters (结转…).
    @Test func theBodysYearOverATitleYearItNeverNames() {
        let text = """
        某中心2022年度决算公开说明

        1.总体情况。2023年度收入总计1000.00万元，支出总计1000.00万元，主要原因是年初结转资金增加。

        2.收入情况。2023年度收入合计1000.00万元，较上年增加100.00万元，主要原因是上年结转资金增加。
        """
        let set = extract(text)
        #expect(set.titleYear == 2022)
        #expect(set.fiscalYear == 2023)
        #expect(set.fiscalYearSource == "body")
        // a year in the clause of a carry-over speaks of that matter: it does not outvote the title
        let carried = extract("某中心2022年度决算公开说明\n\n2023年结转资金100.00万元。\n\n2023年结转项目3个。")
        #expect(carried.fiscalYear == 2022)
    }

    @Test func yearsOfFacts() throws {
        let set = extract("2022年度部门整体支出绩效自评报告\n2021年预算数50万元，本年预算数60万元。\n支出数55万元。\n上年支出数40万元。")
        let old = try #require(set.fact("50万元"))
        #expect(old.year == 2021)
        #expect(old.yearSource == .clause)
        let current = try #require(set.fact("60万元"))
        #expect(current.year == 2022)
        let plain = try #require(set.fact("55万元"))
        #expect(plain.year == 2022)
        #expect(plain.yearSource == .document)
        let last = try #require(set.fact("40万元"))
        #expect(last.year == 2021)
    }

    /// A year inside brackets governs nothing past their close: "（2022年底为…）；配电箱386台" is still
    /// the sentence's year.
    @Test func aBracketedYearEndsWithItsBracket() throws {
        let set = extract("2023年工作情况\n截至2023年底，全市路灯42,386盏（2022年底LED路灯为27,246盏，本年新增1,368盏）；配电箱386台。")
        let inside = try #require(set.fact("27246盏"))
        #expect(inside.year == 2022)
        let after = try #require(set.fact("386台"))
        #expect(after.year == 2023)
        #expect(after.yearSource == .sentence)
    }
}

@Suite("Extractor: groups and shares")
struct ExtractorGroupTests {
    @Test func qizhongGroupHasItsWholeAndParts() throws {
        let set = extract(report)
        let total = try #require(set.fact("33463.78万元"))
        let basic = try #require(set.fact("822.24万元"))
        let project = try #require(set.fact("32542.73万元"))
        let group = try #require(set.groups.first { $0.whole == total.id })
        #expect(group.marker == .qizhong)
        #expect(group.parts == [basic.id, project.id])
        #expect(!group.nestedThresholds)
    }

    @Test func partsInheritTheMeasureOfTheirWhole() throws {
        let set = extract("2022年度绩效自评报告\n全年预算数100.00万元，其中：基本支出30.00万元，项目支出70.00万元。")
        let basic = try #require(set.fact("30.00万元"))
        #expect(basic.concept.item == "basic")
        #expect(basic.concept.measure == "budget")
        #expect(basic.measureSource == .inherited)
        let group = try #require(set.groups.first)
        #expect(set.facts[group.whole].shown == "100.00万元")
        #expect(group.parts.map { set.facts[$0].shown } == ["30.00万元", "70.00万元"])
    }

    @Test func includingGroups() throws {
        let set = extract("2022年度绩效自评报告\n全年支出100.00万元，包括基本支出30.00万元和项目支出70.00万元。")
        let group = try #require(set.groups.first)
        #expect(group.marker == .baokuo)
        #expect(set.facts[group.whole].shown == "100.00万元")
        #expect(group.parts.count == 2)
    }

    /// The first share of `text` (after a title line): its percentage, part and base as written.
    func firstShare(_ text: String) throws -> (set: FactSet, shown: [String]) {
        let set = extract("2022年度绩效自评报告\n" + text)
        let share = try #require(set.shares.first)
        return (set, [share.percent, share.part, share.base].map { set.facts[$0].shown })
    }

    /// "非税收入占一般公共预算收入的P%" with no figure before it: the part is the figure of that item
    /// (worded "非税收入完成…"), the base the one whose label holds the base's long name with a
    /// place before it and a verb after ("全县一般公共预算收入完成").
    @Test func aShareNamingItsPartAndBaseFindsThemWordedOtherwise() throws {
        let (_, shown) = try firstShare("全县一般公共预算收入完成6400万元，同比增长5.2%。其中，税收收入完成4800万元，非税收入完成1600万元。非税收入占一般公共预算收入的25.00%。")
        #expect(shown == ["25.00%", "1600万元", "6400万元"])
        // a label that goes on after the long name is another figure ("…收入增量")
        let other = extract("2022年度绩效自评报告\n全县一般公共预算收入增量为600万元，非税收入完成1600万元。非税收入占一般公共预算收入的25.00%。")
        #expect(other.shares.isEmpty)
    }

    /// A base named exactly (four characters or more, a leading year aside) is found in a section
    /// before the share's, when nothing nearer names it; two values of that name are ambiguous.
    @Test func aBaseNamedExactlyIsFoundInAnEarlierSection() throws {
        let text = """
            一、收入支出总体情况
            2022年本年支出合计500.00万元，其中基本支出300.00万元，项目支出200.00万元。
            二、一般公共预算财政拨款支出情况
            2022年一般公共预算财政拨款支出200.00万元，占本年支出合计的40.00%。
            """
        let (_, shown) = try firstShare(text)
        #expect(shown == ["40.00%", "200.00万元", "500.00万元"])
        let twice = extract("2022年度绩效自评报告\n一、收入支出总体情况\n2022年本年支出合计500.00万元。\n二、调整情况\n本年支出合计520.00万元。\n三、财政拨款支出情况\n2022年一般公共预算财政拨款支出200.00万元，占本年支出合计的40.00%。")
        #expect(twice.shares.isEmpty)
    }

    @Test func sharesNameTheirPartAndBase() throws {
        // the base is looked for in the same paragraph (this sentence or the two before it)
        let (set, shown) = try firstShare("基本支出822.24万元。人员支出405.87万元，占基本支出78.31%。")
        #expect(shown == ["78.31%", "405.87万元", "822.24万元"])
        #expect(set.shares.first.map { set.facts[$0.percent].shareOf } == "基本支出")
    }

    @Test func aBracketAfterAShareStatesItsBaseInWordsOfItsOwn() throws {
        let (_, shown) = try firstShare("全年投入公益金3000万元，占上年筹集的公益金的60.0%（上年本级共筹集公益金5000万元）。")
        #expect(shown == ["60.0%", "3000万元", "5000万元"])
    }

    @Test func aFigureReachedIsAShareOfTheFigureNamedAfterCompletion() throws {
        // the change between them is not the part
        let (_, shown) = try firstShare("全县财政收入1200万元，比上年增收200万元，完成年初预算2000万元的60.0%。")
        #expect(shown == ["60.0%", "1200万元", "2000万元"])
    }

    @Test func twoHalvesSideBySideNameTheirOwnNumbers() throws {
        let set = extract("2023年度收入支出决算总表\n单位：万元\n收入\t本年数\t支出\t本年数\n财政拨款收入\t120.50\t教育支出\t80.40\n事业收入\t5.00\t卫生健康支出\t45.10\n本年收入合计\t125.50\t本年支出合计\t125.50")
        #expect(set.facts.first { $0.literal == "80.40" }?.label.hasPrefix("教育支出") == true)
        #expect(set.facts.first { $0.literal == "45.10" }?.label.hasPrefix("卫生健康支出") == true)
        #expect(set.facts.first { $0.literal == "120.50" }?.label.hasPrefix("财政拨款收入") == true)
        // a table whose headers do not repeat keeps the row's name for every number
        let plain = extract("2023年度项目支出表\n单位：万元\n项目\t预算数\t说明\t执行数\n设备购置\t30.00\t按计划采购\t29.00")
        #expect(plain.facts.first { $0.literal == "29.00" }?.label.hasPrefix("设备购置") == true)
    }

    @Test func aPercentageNotJoinedToTheFigureNamedAfterCompletionIsNoShareOfIt() {
        for text in [
            "全年完成投资2000万元，60.0%用于基础设施建设。",
            "全县财政收入1200万元，完成年初预算2000万元，完成率为60.0%。",
            // what was completed, not a plan: 80% of the investment went to roads
            "年度预算3000万元，完成投资2000万元的80.0%用于道路建设。",
        ] {
            let set = extract("2022年度绩效自评报告\n" + text)
            #expect(set.shares.isEmpty, "\(text): \(set.shares)")
        }
    }

    @Test func aBracketThatListsPartsOrNamesAnotherFigureIsNoBase() {
        for text in [
            // a 其中 list in the bracket: parts of the part, not the base
            "全年投入公益金3000万元，占上年筹集的公益金的60.0%（其中本级筹集公益金1000万元）。",
            // a figure whose name shares nothing with the base's
            "全年投入公益金3000万元，占上年筹集的公益金的60.0%（较上年增加200万元）。",
            "全年投入公益金3000万元，占上年筹集的公益金的60.0%（上年为2800万元）。",
            // two figures in the bracket: which one is the base is not said
            "全年投入公益金3000万元，占上年筹集的公益金的60.0%（上年筹集公益金5000万元、本年筹集公益金5200万元）。",
        ] {
            let set = extract("2022年度绩效自评报告\n" + text)
            #expect(set.shares.isEmpty, "\(text): \(set.shares)")
        }
    }

    @Test func factsPerParagraph() {
        let set = extract(report)
        #expect(set.paragraphFacts.count == set.structured.paragraphs.count)
        #expect(set.paragraphFacts[2].map { set.facts[$0].shown } == ["33463.78万元", "822.24万元", "32542.73万元"])
        #expect(set.dominantMoneyUnit == .wanYuan)
    }

    @Test func dominantUnitOfATieIsTheSameEveryRun() {
        // as many 元 as 万元 amounts: the tie goes to 万元, whatever the order of a hashed
        // collection (which differs between instances and runs)
        let text = """
            一、资金情况
            项目预算资金120.50万元，实际支出118.20万元。
            购置设备支出3600元，差旅费支出1250元。
            """
        for _ in 0..<30 {
            #expect(extract(text).dominantMoneyUnit == .wanYuan)
        }
    }

    @Test func theUnitAssumedForABareMoneyColumnOfATieIsTheSameEveryRun() {
        // a table of money without a unit takes the prose's usual unit: on a tie, 万元 every run
        let text = """
            项目预算资金120.50万元，实际支出118.20万元，结余2.30万元。购置设备支出3600元，差旅费支出1250元，会议费支出800元。

            | 项目 | 预算金额 |
            |---|---|
            | 设备购置 | 36.00 |
            """
        for _ in 0..<30 {
            let set = extract(text)
            let cell = set.facts.first { $0.isCellValue }
            #expect(cell?.kind == .money(.wanYuan) && cell?.unitAssumed == true)
        }
    }
}

@Suite("Extractor: tables")
struct ExtractorTableTests {
    @Test func cellFactsTakeRowAndColumnLabels() throws {
        let set = extract("2022年度绩效自评报告\n单位：万元\n项目\t预算数\t执行数\n基本支出\t30.00\t29.00\n项目支出\t70.00\t68.00")
        #expect(set.structured.tables.count == 1)
        let cell = try #require(set.facts.first { $0.literal == "29.00" })
        #expect(cell.place == .cell(table: 0, row: 1, column: 2))
        #expect(cell.isCellValue)
        #expect(cell.kind == .money(.wanYuan))
        #expect(cell.concept.item == "basic")
        #expect(cell.concept.measure == "spend")
        #expect(set.tableFacts[0][1][2] == cell.id)
    }
}

@Test func extractionPassesReadOnlyWhatEarlierPassesWrote() {
    #expect(Extractor.passOrderIsConsistent)
    #expect(Extractor.passes.map(\.name).count == Set(Extractor.passes.map(\.name)).count)
}

/// A form's row of names over a row of amounts, the amounts one column to the left where the
/// export dropped the empty label cell: each amount is named by its column, in the label's unit,
/// and the funding sources are the form's total listed in full.
@Test func aFormRowOfSourcesBreaksDownTheFormsTotal() throws {
    let set = extract("""
        项目名称 | 乡村道路养护经费 | 预算金额 | 50万元 |
        资金来源（万元） | 财政拨款 | 上年结转 | 其他 |
        40 | 10 | 0 | |
        """)
    let grant = try #require(set.facts.first { $0.head == "财政拨款" })
    #expect(grant.value == 40 && grant.kind == .money(.wanYuan))
    #expect(set.facts.first { $0.head == "上年结转" }?.value == 10)
    let group = try #require(set.groups.first)
    #expect(set.facts[group.whole].shown == "50万元")
    #expect(group.parts.map { set.facts[$0].value } == [40, 10, 0])
    #expect(group.closedByWording)
    // names over figures with no total and no funding label: named, but no group
    let plain = extract("""
        指标 | 产出 | 效益 | 满意度 |
        10 | 20 | 30 | |
        """)
    #expect(plain.groups.isEmpty)
}

/// A part as large as its whole is a restatement that ends the list, unless the lexicon makes it a
/// part of that whole (the other parts are then zero).
@Test func aLexiconPartEqualToItsWholeStaysInTheList() throws {
    let set = extract("2024年“三公”经费支出预算为12.50万元，其中：因公出国（境）费0万元，公务用车运行维护费12.50万元，公务接待费0万元。")
    let group = try #require(set.groups.first)
    #expect(group.parts.map { set.facts[$0].value } == [0, dec("12.50"), 0])
    // names the lexicon does not relate: the figure as large as the whole ends the list
    let restated = extract("全年下达资金40.0万元，其中：甲村道路资金10.0万元，乙镇下达资金40.0万元。")
    #expect(restated.groups.first.map { $0.parts.map { restated.facts[$0].value } } == [10])
}

/// "2019年度收、支总计A": the two totals named together keep both names in the label (the 、 in
/// them is no list separator), and a 、 one character into a sentence ("1、收入…") reads as before.
@Test func aJointNameKeepsItsEnumerationComma() throws {
    let set = extract("2019年度收、支总计37,422.15万元，与2018年度相比，收、支总计各增加2448.76万元，增长7%。")
    let total = try #require(set.facts.first { $0.value == dec("37422.15") })
    #expect(total.label == "收、支总计")
    let enumerated = extract("1、收入100万元，支出80万元。")
    #expect(enumerated.facts.map(\.label) == ["收入", "支出"])
}

/// A bracket qualifying a name with a figure of its own ("（50%部分）") leaves the name the label of
/// the figure after the bracket; a label of its own after a bracket stays.
@Test func aBracketedQualifierLeavesTheNameItQualifies() throws {
    let set = extract("1、增值税收入（50%部分）672890万元，完成预期的94.7%；企业所得税收入（40%部分）441932万元。")
    #expect(set.facts.first { $0.value == 672890 }?.label == "增值税收入")
    #expect(set.facts.first { $0.value == 441932 }?.concept.measure == "revenue")
    let own = extract("项目支出（含结转50万元）支出120万元。")
    #expect(own.facts.first { $0.value == 120 }?.label.hasSuffix("支出") == true)
    let score = extract("效益指标（20分）得18分，总得分91分。")
    #expect(score.facts.first { $0.value == 18 }?.concept.measure == "score")
}

/// A bare 得 names a score only where the label names no other measure: 取得收入, 所得税收入 are revenue.
@Test func aBareDeNamesAScoreOnlyAlone() throws {
    let set = extract("取得收入100万元，个人所得税收入200万元。")
    #expect(set.facts.map(\.concept.measure) == ["revenue", "revenue"])
}

/// "A、B、C，总计X。其中：…": the total sums the parts before it even though a 其中 list follows it.
@Test func aTotalAfterItsPartsAndBeforeASubList() throws {
    let set = extract("下达老年人福利类项目150万元、儿童福利类项目60万元、社会公益类项目30万元，总计下达240万元。其中：省级直接下达甲县老年人福利类项目20万元和社会公益类项目10万元。")
    let total = try #require(set.groups.first { $0.marker == .heji })
    #expect(set.facts[total.whole].value == 240)
    #expect(total.parts.map { set.facts[$0].value } == [150, 60, 30])
    #expect(set.groups.contains { $0.marker == .qizhong && $0.whole == total.whole })
}

@Suite("Extractor: years of sections")
struct SectionYearTests {
    /// A numbered heading running on into its body: the section's year is the one its title names,
    /// not a year the body mentions in passing.
    @Test func aHeadingsBodyDoesNotDateItsSection() throws {
        let set = extract("""
            2023年度部门决算说明
            （一）本单位2023年度总收入500.00万元，较上年减少20.00万元。
            1.财政拨款收入420.00万元，为本级财政当年拨付的资金。较上年减少10.00万元，下降2.33%，主要原因是2022年下拨了一次性补助。
            """)
        let revenue = try #require(set.fact("420.00万元"))
        #expect(revenue.year == 2023)
        // and the change opening the next sentence is about it
        let change = try #require(set.changes.first { set.facts[$0.difference ?? -1].shown == "10.00万元" })
        #expect(change.current.map { set.facts[$0].shown } == "420.00万元")
    }
}

/// The group whose whole is the figure 650 in `text`.
private func groupOf650(_ text: String) throws -> PartsGroup {
    let set = extract(text)
    return try #require(set.groups.first { set.facts[$0.whole].value == 650 }, "\(text)")
}

/// A list of two levels of government's funds or more is where the whole came from, in full (every
/// such list in 690 published texts adds up to its whole); one level named twice, a list going on
/// ("…等") or a part that names no level may leave some out.
@Test func aListOfFundingLevelsIsComplete() throws {
    #expect(try groupOf650("项目总投资650万元，其中：中央补助资金400万元，省级补助资金150万元，县级配套资金80万元。").closedByWording)
    #expect(try groupOf650("项目总投资650万元，其中：中央资金400万元、省级资金150万元、市县配套100万元。").closedByWording)
    #expect(try groupOf650("项目总投资650万元，其中：中央补助资金400万元，省级补助资金150万元。").closedByWording)
    #expect(try groupOf650("共计650万元，其中上级资金400万元，本级250万元。").closedByWording)
    #expect(try !groupOf650("项目总投资650万元，其中：中央补助资金400万元，省级补助资金150万元等。").closedByWording)
    #expect(try !groupOf650("项目总投资650万元，其中：中央补助资金400万元，中央预算内投资100万元，县级配套资金100万元。").closedByWording)
    #expect(try !groupOf650("项目总投资650万元，其中：中央补助资金400万元，省级补助资金150万元，县级配套资金80万元等。").closedByWording)
    #expect(try !groupOf650("项目总投资650万元，其中：中央补助资金400万元，省级补助资金150万元，道路建设80万元。").closedByWording)
}

/// A list whose last part is named as the rest ("其余…", "其他…") names every part of its whole.
@Test func aListEndingWithTheRestIsComplete() throws {
    #expect(try groupOf650("国有资本经营预算支出650万元，其中资本性支出400万元，费用性支出150万元，其他支出100万元。").closedByWording)
    #expect(try groupOf650("下达补助资金650万元，其中已拨付到县400万元，其余250万元年底前拨付。").closedByWording)
    #expect(try !groupOf650("国有资本经营预算支出650万元，其中资本性支出400万元，其他支出150万元，费用性支出80万元。").closedByWording)
}

/// "A…。加上B，C，收入总量为T": the figure before the marker and those after it make the total.
@Test func figuresAddedUpToANamedTotalAreItsWholeList() throws {
    func group(_ text: String) -> (whole: String, parts: [String], closed: Bool)? {
        let set = extract(text)
        return set.groups.first { $0.marker == .heji }.map { g in (set.facts[g.whole].shown, g.parts.map { set.facts[$0].shown }, g.closedByWording) }
    }
    let plain = try #require(group("全县一般公共预算收入860.5亿元，为预算的99.4%，比上年增长4.9%。加上从预算稳定调节基金调入15亿元，从政府性基金预算调入63.5亿元，收入总量为939.0亿元。"))
    #expect(plain.whole == "939.0亿元" && plain.parts == ["860.5亿元", "15亿元", "63.5亿元"] && plain.closed)
    // a part of a list before the marker stands for the list's whole
    let listed = try #require(group("本年收入1000.00万元，其中财政拨款800.00万元，其他收入200.00万元。加上年初结转和结余150.00万元，收入总计1150.00万元。"))
    #expect(listed.parts == ["1000.00万元", "150.00万元"])
    // a total of another measure, or no figure after the marker, is no such list
    #expect(group("本年收入1000.00万元，加上年初结转和结余200.00万元，支出总计1100.00万元。") == nil)
    #expect(group("本年收入1000.00万元，加上政策调整因素，收入总计1000.00万元。") == nil)
}

/// "…税收收入60.2亿元。主要税收收入项目情况如下：A…；B…；C…。": the list the name introduces is of
/// the figure stated before under that name, its items on the same line or one (or more) to a line.
@Test func aListIntroducedByANameIsOfThatFigure() throws {
    func parts(_ text: String) -> [String]? {
        let set = extract("2023年度预算执行情况\n" + text)
        return set.groups.first { set.facts[$0.whole].shown == "60.2亿元" }.map { $0.parts.map { set.facts[$0].shown } }
    }
    let items = ["增值税25.1亿元，同比增长3.0%；", "企业所得税12.4亿元，同比增长2.0%；", "个人所得税6.3亿元，同比下降1.5%。"]
    let intro = "全县一般公共预算收入80.5亿元，其中税收收入60.2亿元。主要税收收入项目情况如下："
    let expected = ["25.1亿元", "12.4亿元", "6.3亿元"]
    #expect(parts(intro + items.joined()) == expected)
    #expect(parts(intro + "\n" + items.joined(separator: "\n")) == expected)
    #expect(parts(intro + "\n" + items[0] + "\n" + items[1] + items[2]) == expected)
    // a name that no figure before it bears introduces no list of it
    #expect(parts("全县一般公共预算收入80.5亿元，其中税收收入60.2亿元。主要支出项目情况如下：\n" + items.joined(separator: "\n")) == nil)
}

@Suite("Extractor: outline subjects")
struct OutlineSubjectTests {
    /// An item whose title names a project ("…建设项目，") has that name as its subject; a title
    /// that is a topic ("资金到位情况") or too long to be a name has none.
    @Test func titlesThatNameASubject() throws {
        let facts = extract("""
            某乡2023年度项目支出绩效自评报告
            1.2023年第一批茶叶加工厂建设项目，新建车间800平方米。使用资金260万元。
            2.村内道路硬化项目，硬化道路1200平方米。使用资金95.5万元。
            3.资金到位情况，到位资金355.5万元。
            """)
        let subjects = facts.outline.map(\.subject)
        #expect(subjects == ["2023年第一批茶叶加工厂建设项目", "村内道路硬化项目", nil], "\(subjects)")
        let first = try #require(facts.fact("260万元")), second = try #require(facts.fact("95.5万元"))
        #expect(first.outlineItem == 0 && second.outlineItem == 1)
    }

    @Test func aSubjectNounAloneNamesNoSubject() {
        let facts = extract("某乡2023年度项目支出绩效自评报告\n1.项目，使用资金260万元。\n2.工程，使用资金95.5万元。\n")
        #expect(facts.outline.allSatisfy { $0.subject == nil })
    }
}

@Suite("Extractor: session 28 classes")
struct ExtractorTargetAndAdditionTests {
    @Test func aFirstClauseEndingInATargetOpenerAndAColonListsTargets() throws {
        let set = extract("某县2024年学前教育项目绩效自评报告\n2024年度设定的主要绩效目标为：新增公办学位800个，学前三年毛入园率达到92%。\n全年新增公办学位860个。")
        #expect(try #require(set.fact("800个")).isTarget)
        #expect(try #require(set.fact("92%")).isTarget)
        #expect(try #require(set.fact("860个")).isTarget == false)
    }

    @Test func aSentenceThatIsOnlyATargetOpenerHeadsItsParagraphsTargets() throws {
        let set = extract("某市2023年垃圾分类项目绩效自评报告\n2.年度目标。2023年新建分类投放点1,600个；分类收运车辆保有量达到280辆。\n1.数量指标。全年新建分类投放点1,661个。")
        #expect(try #require(set.fact("1600个")).isTarget)
        #expect(try #require(set.fact("280辆")).isTarget)
        #expect(try #require(set.fact("1661个")).isTarget == false)
    }

    @Test func plusAtTheYearsStartIsNoLastYear() throws {
        let set = extract("某单位2022年度部门决算说明\n2022年本单位收入合计2,010.07万元。加上年初结转结余43.33万元，全年预算总额为2,053.40万元。")
        let carried = try #require(set.fact("43.33万元"))
        #expect(carried.year == 2022)
        #expect(carried.concept.scope.isEmpty)
    }

    @Test func countsBrokenDownInBracketsAreAListUnlessOneIsAPlan() throws {
        let listed = extract("全年新建和改造分类投放点1,661个（新建612个、改造1,049个），完成年度目标1,600个的103.81%。")
        let group = try #require(listed.groups.first)
        #expect(listed.facts[group.whole].shown == "1661个")
        #expect(group.parts.map { listed.facts[$0].shown } == ["612个", "1049个"])
        // the completion share after a complete list is the whole's
        let share = try #require(listed.shares.first)
        #expect(listed.facts[share.part].shown == "1661个")
        let planned = extract("全年培训1,200人次（计划1,000人次、追加300人次）。")
        #expect(planned.groups.isEmpty)
    }

    @Test func anAdditionAfterASemicolonIsNoPartOfTheClauseBefore() throws {
        let set = extract("某县2024年项目绩效自评报告\n当年实际到位964.00万元，其中县级配套资金到位144.00万元，尚有36.00万元未到位；加上上年结转资金60.00万元，全年可用资金1,024.00万元。")
        let carried = try #require(set.fact("60.00万元"))
        #expect(carried.concept.measure == "carryin")
        #expect(carried.concept.scope.isEmpty)
    }
}

@Suite("Extractor: lists counted in several measure words")
struct ExtractorSeveralMeasureWordsTests {
    // "共86台（套）": a figure counted the same way ("已检验的80台（套）") is some of those things, not a part
    @Test func aFigureCountedLikeTheWholeIsNoPart() throws {
        let set = extract("全市纳入监管的特种设备共86台（套），即锅炉12台、压力容器70台、起重机械4套，已完成年度检验的80台（套），检验率93.02%。")
        let whole = try #require(set.fact("86台"))
        let checked = try #require(set.fact("80台"))
        for g in set.groups where g.whole == whole.id { #expect(!g.parts.contains(checked.id)) }
    }
}
