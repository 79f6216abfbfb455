import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// False alarms and missed slips found by running jxlint over published reports, reproduced with
/// invented text (made-up unit, figures and wording).
@Suite struct PublishedStyleRegressionTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()

    func rules(_ text: String) -> [String] { Self.pipeline.report(text: text).findings.map(\.rule) }

    // MARK: false alarms that must stay quiet

    @Test func aChangeIsNotTheWholeOfAList() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度本馆“三公”经费支出12.60万元，比上年减少1.20万元，下降8.70%，其中：公务接待费4.10万元，公务用车运行维护费8.50万元。
        """
        #expect(rules(text).isEmpty)
    }

    @Test func parallelSeriesInOneListAreNotOneSum() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度“三公”经费支出9.00万元，年初预算为10.00万元，差额为1.00万元。其中：公务接待费支出3.00万元，年初预算为3.50万元，差额为0.50万元；公务用车运行维护费支出6.00万元，年初预算为6.50万元，差额为0.50万元。
        """
        #expect(rules(text).isEmpty)
    }

    @Test func signedChangesAreNotAddedAsSizes() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度“三公”经费支出决算数比2022年度减少0.40万元，降低5.00%，其中：公务用车运行维护费支出决算减少0.50万元，公务接待费支出决算增加0.10万元。
        """
        #expect(!rules(text).contains { $0.hasPrefix("sum.") })
    }

    @Test func aComparisonIsNotAPart() {
        let text = """
        青林县档案馆2023年度部门决算
        本馆2023年度总支出800.00万元，其中本年支出760.00万元，较2022年度决算数减少30.00万元，下降3.80%。
        """
        #expect(!rules(text).contains { $0.hasPrefix("sum.") })
    }

    @Test func aListEndsWhereItsPartsMakeUpTheWhole() {
        let staff = "青林县档案馆2023年度部门决算\n本馆核定编制40人，实有在职人员36人，其中高级职称5人，中级职称18人，初级职称13人，退休人员12人。"
        #expect(rules(staff).isEmpty)
        let debt = "青林县2023年度财政决算\n2023年末政府债务余额5200万元，其中：一般债务3200万元，专项债务2000万元；省财政厅核定我县债务限额5600万元，其中：一般债务3500万元，专项债务2100万元。"
        #expect(rules(debt).isEmpty)
        let runOn = "青林县第二中学2023年度专项资金绩效自评报告\n二、资金情况我校2023年项目资金共计120万元，其中上级资金90万元，本级30万元三、预算执行情况我校2023年财政安排支出共计45.60万元，余款结转下年"
        #expect(rules(runOn).isEmpty)
    }

    @Test func flowsOverTheYearAreNotAPartition() {
        let text = "青林县数据中心2023年度项目支出绩效自评报告\n2023年，本中心实施项目共10个，年初批复预算6个项目320万元，调整预算后项目预算290万元，年中增加5个项目。"
        #expect(rules(text).isEmpty)
    }

    @Test func theSameWordsUnderAnotherFundNameAnotherFigure() {
        let text = """
        青林县2023年财政预算执行情况
        一、一般公共预算执行情况
        全年一般公共预算收入完成20.5亿元，完成年度预算的101.2%。加上转移性收入8.2亿元，收入合计28.7亿元。
        二、政府性基金预算执行情况
        全年政府性基金预算收入完成12.0亿元，完成年度预算的95.3%。加上转移性收入3.1亿元，收入合计15.1亿元。
        """
        #expect(rules(text).isEmpty)
    }

    @Test func itemsListedOnTheLinesAfterQizhongBelongToTheirOwnWhole() {
        let text = """
        青林县档案馆2024年部门预算
        1.基本支出预算600000元，其中：
        工资福利支出预算450000元，占基本支出预算75.00%。
        商品和服务支出预算150000元，占基本支出预算25.00%。
        2.项目支出预算80000元，其中：
        商品和服务支出预算80000元，占项目支出预算100%。
        """
        #expect(rules(text).isEmpty)
    }

    @Test func aColumnHeaderIsNotAStatementAboutLastYear() {
        let text = """
        2023年度部门整体支出绩效评价基础数据表
        经费控制情况(万元)
        2022 年决算数
        2023 年预算数
        2023 年决算数
        公用经费
        95.20
        90.00
        98.40
        """
        #expect(rules(text).isEmpty)
    }

    @Test func aFigureMayStayTheSameFromOneYearToTheNext() {
        let text = """
        青林县“三公”经费预算情况
        2023年“三公”经费预算中，公务接待费165万元，公务用车运行维护费430万元。
        2024年“三公”经费预算中，公务接待费165万元（零增长），公务用车运行维护费421.40万元（较2023年压缩2%）。
        """
        #expect(rules(text).isEmpty)
    }

    // MARK: slips that must be found

    @Test func aListOnTheLinesAfterQizhongIsChecked() {
        let text = """
        青林县档案馆2024年部门预算
        2024年本年一般公共预算基本支出911000.00元，其中：
        人员经费810000.00元，主要包括基本工资、津贴补贴。
        公用经费71000.00元，主要包括办公费、水电费。
        """
        #expect(rules(text).contains("sum.basic-parts"))
    }

    @Test func theUnitNamingItselfIsNoScope() {
        let text = "青林县档案馆2023年度部门决算\n2023年度本馆基本支出91.10万元，其中：人员经费81.00万元，公用经费7.10万元。"
        #expect(rules(text).contains("sum.basic-parts"))
    }

    @Test func sharesOfOneBaseCannotExceedAHundredPercent() {
        let text = "青林县档案馆2024年部门预算\n基本支出预算2400000.00元，占一般公共预算支出的84.00%；项目支出预算460000.00元，占一般公共预算支出的19.60%。"
        #expect(rules(text).contains("rate.shares-over-100"))
    }

    @Test func aYearOnYearRateIsChecked() {
        let slip = "青林县档案馆2023年度部门决算\n2023年度本年收入合计500.00万元，与2022年相比减少100.00万元，下降16.80%。"
        #expect(rules(slip) == ["rate.year-on-year"])
        let right = slip.replacingOccurrences(of: "16.80%", with: "16.67%")
        #expect(rules(right).isEmpty)
    }

    @Test func fieldCodesLeftInTheTextAreReported() {
        let text = "目录\n一、部门概况 PAGEREF _Toc123456 \\h 3"
        #expect(rules(text).contains("format.conversion-artifact"))
    }

    @Test func traditionalCharactersReadAsMoney() {
        let text = "青林縣檔案館2023年度部門決算\n2023年全年預算數100.00萬元，資金總支出95.00萬元，預算執行率為96.00%。"
        // 預算執行率 is not in the (simplified) lexicon, but the amounts are money now
        #expect(Self.pipeline.report(text: text).error == nil)
        let facts = Self.pipeline.facts(of: try! JXLoad.DocumentLoader.load(bytes: Array(text.utf8), path: "t.txt"))
        #expect(facts.facts.filter { $0.kind.isMoney }.count == 2)
    }
}

import JXLoad

extension PublishedStyleRegressionTests {
    /// A list of like things (all "…项目") is read to its end even when a prefix adds up to the whole.
    @Test func aListOfLikeThingsIsReadToItsEnd() {
        let slip = "2020年度工作目标：全年招引项目120个，其中招引生物医药项目30个，招引海外背景的项目90个，招引总部经济类项目（包括区域总部）10个。"
        #expect(rules(slip).contains("sum.parts-exceed-whole"))
    }
}

/// "A、B分别为x、y" lists: names and figures pair up by position.
extension PublishedStyleRegressionTests {
    func facts(_ text: String) -> [(head: String, concept: String, value: String)] {
        let set = Self.pipeline.facts(of: try! JXLoad.DocumentLoader.load(bytes: Array(text.utf8), path: "t.txt"))
        return set.facts.map { ($0.head, $0.conceptKey, $0.number.literal + $0.number.unitText) }
    }

    @Test func respectivelyListsPairNamesWithFigures() {
        let text = """
        青林县档案馆2023年度部门整体支出绩效自评报告
        2023年度本馆支出总额400.00万元，基本支出、项目支出分别为100.00万元、300.00万元。
        """
        let listed = facts(text).filter { $0.value == "100.00万元" || $0.value == "300.00万元" }
        #expect(listed.map(\.concept) == ["spend.basic", "spend.project"])
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "300.00万元。", with: "280.00万元。")) == ["sum.expenditure-parts"])
    }

    @Test func theLastNameOfARespectivelyListMayBeJoinedByAWord() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度“三公”经费中，因公出国（境）费、公务用车购置及运行费和公务接待费分别为1.00万元、2.00万元和3.00万元，合计6.00万元。
        """
        #expect(facts(text).prefix(3).map(\.concept) == ["spend.abroad", "spend.vehicle", "spend.reception"])
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "合计6.00", with: "合计6.50")) == ["sum.parts-incomplete"])
    }

    @Test func shortNamesShareTheEndingOfTheLastOne() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度人员经费、公用经费各为80.00万元、20.00万元，基本支出100.00万元。2023年度基本、项目支出分别为100.00、50.00万元。
        """
        let concepts = facts(text).map(\.concept)
        #expect(concepts == ["spend.personnel", "spend.public", "spend.basic", "spend.basic", "spend.project"])
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "20.00万元，基本", with: "30.00万元，基本")) == ["sum.basic-parts"])
    }

    @Test func listsThatDoNotPairUpKeepTheirPlainLabels() {
        // three names, two figures: nothing is paired, and nothing is claimed
        let text = """
        青林县档案馆2023年度部门决算
        2023年度基本支出、项目支出和其他支出分别为100.00万元、300.00万元。
        """
        #expect(!facts(text).map(\.concept).contains("spend.basic"))
        #expect(rules(text).isEmpty)
    }

    @Test func bareNumbersListedBeforeAUnitShareIt() {
        let text = """
        青林县档案馆2023年度部门决算
        2023年度收、支总计各是400.00、450.00万元。
        """
        #expect(facts(text).map(\.value) == ["400.00万元", "450.00万元"])
    }

    @Test func completedShareOfTheBudgetIsTheExecutionRate() {
        let text = """
        青林县档案馆2023年度“三公”经费支出决算说明
        本馆2023年度“三公”经费支出预算为5.00万元，支出决算为4.00万元，完成预算的80%。
        """
        #expect(rules(text).isEmpty)
        #expect(rules(text.replacingOccurrences(of: "80%", with: "20%")) == ["rate.execution"])
    }
}
