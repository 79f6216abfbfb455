import Testing
import JXCore
import JXLoad
import JXNormalize
@testable import JXStructure

@Suite("Structure: lines a text export cut at a fixed width")
struct WrappedLineTests {
    /// Invented prose, cut every 24 characters as a PDF export does.
    static func wrapped(_ paragraphs: [String], width: Int = 24) -> String {
        var lines: [String] = []
        for p in paragraphs {
            var rest = Substring(p)
            while rest.count > width { lines.append(String(rest.prefix(width))); rest = rest.dropFirst(width) }
            lines.append(String(rest))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let prose = [
        "一、部门基本情况",
        "本单位主要负责全区机关事务的管理和服务保障工作，内设综合科、财务科和后勤保障科三个科室。",
        "二、“三公”经费支出情况",
        "1.因公出国（境）费支出0.00万元，与上年预算持平，全年未安排因公出国（境）团组。",
        // cut through "1.14" and "0.80"
        "2.公务接待费支出2.14万元，比上年增加1.14万元，增长114.00%，增长的原因是新设临时机构。",
        "3.公务用车运维费支出5.20万元，比上年减少0.80万元，下降13.33%，主要是压减用车次数。",
        // cut between words: the numbered line stays a paragraph of its own, as before
        "4.其他支出情况说明及其他需要说明的事项和有关情况",
    ]

    @Test func aNumberedParagraphCutThroughAFigureAtTheWrapWidthIsOneParagraph() throws {
        let text = Self.wrapped(Self.prose)
        #expect(text.contains("增加1.1\n4万元") && text.contains("减少0\n.80万元"))
        let d = structure(text)
        let paragraph = try #require(d.paragraphs.first { $0.string.hasPrefix("2.公务接待费") })
        #expect(paragraph.string == Self.prose[4])
        #expect(paragraph.heading?.marker == "2.")
        // the short headings stay headings of their own
        #expect(d.paragraphs.filter(\.isHeading).map { $0.string } .contains("二、“三公”经费支出情况"))
        #expect(d.paragraphs.contains { $0.string == Self.prose[5] })
    }

    @Test func aFirstLineWithoutPunctuationCutAtTheWrapWidthContinuesItsParagraph() throws {
        // the first 24 characters of the second paragraph hold no punctuation: the cut is mid-word
        let paragraphs = [
            "本单位主要负责全区机关事务的管理和服务保障工作，内设综合科、财务科和后勤保障科三个科室。",
            "本年度一般公共预算财政拨款安排的三公经费支出决算总额为5.48万元，比上年增加1.55万元。",
            "2023年度部门整体支出绩效自评报告",
        ]
        let text = Self.wrapped(Self.prose + paragraphs)
        #expect(text.contains("本年度一般公共预算财政拨款安排的三公经费支出决算\n"))
        let d = structure(text)
        #expect(d.paragraphs.contains { $0.string == paragraphs[1] })
        // a line named like a title stays apart
        #expect(d.paragraphs.contains { $0.string == paragraphs[2] })
    }

    @Test func withoutAWrapWidthAShortNumberedLineStaysAHeading() {
        let d = structure("2023年度部门整体支出绩效自评报告\n1.预算执行情况\n全年预算数100.00万元，执行数95.00万元，执行率95.00%。\n")
        #expect(d.paragraphs.map(\.string) == ["2023年度部门整体支出绩效自评报告", "1.预算执行情况", "全年预算数100.00万元，执行数95.00万元，执行率95.00%。"])
    }

    /// A long numbered heading ("五、" and sixteen characters or more) is no clause of prose: its
    /// number's "、" does not make it one, and the body line after it is a paragraph of its own.
    @Test func aLongNumberedHeadingKeepsTheLineAfterItApart() {
        let d = structure("某县某局2022年度部门决算说明\n\n五、一般公共预算财政拨款支出决算情况说明\n2022年度一般公共预算财政拨款支出300.00万元，占本年支出合计的90.00%。\n")
        #expect(d.paragraphs.map(\.string) == ["某县某局2022年度部门决算说明", "五、一般公共预算财政拨款支出决算情况说明",
                                                "2022年度一般公共预算财政拨款支出300.00万元，占本年支出合计的90.00%。"])
        #expect(d.paragraphs.first { $0.string.hasPrefix("五、") }?.isHeading == true)
    }

    /// A list after "其中：" whose line was cut right after a semicolon, in a text too short to show
    /// its wrap width (a PDF of one page read by pdftotext).
    @Test func aListCutAfterASemicolonGoesOnIntoItsNextItem() throws {
        let text = """
        （一）用于群众体育支出300.50万元，占总数的75.00%。
        其中：用于场地设施建设200.30万元；用于组织全民健身活动80.20万元；
        用于健身科学研究与宣传20.00万元。
        （二）用于竞技体育支出100.00万元，占总数的25.00%。

        """
        let d = structure(text)
        let list = try #require(d.paragraphs.first { $0.string.hasPrefix("其中") })
        #expect(list.string == "其中：用于场地设施建设200.30万元；用于组织全民健身活动80.20万元；用于健身科学研究与宣传20.00万元。")
        #expect(d.paragraphs.contains { $0.string.hasPrefix("（二）") })
    }

    /// Items one to a line, each ending with a semicolon, stay lines of their own when the next one
    /// opens with an enumerator or a heading, or holds no figure outside a list.
    @Test func itemsEndingWithASemicolonStayApartWhenTheNextOpensAnItem() throws {
        let text = """
        本年度主要开展了以下工作，涉及资金共计500.00万元，具体情况说明如下；
        （一）完成场地设施建设工程验收和结算工作；
        （二）组织开展全民健身活动共计十二场；
        其中：开展培训活动3场；
        二、绩效目标完成情况
        各项目标均已完成；
        年度评价等级为优秀。

        """
        let d = structure(text)
        #expect(d.paragraphs.contains { $0.string == "（一）完成场地设施建设工程验收和结算工作；" })
        #expect(d.paragraphs.contains { $0.string == "（二）组织开展全民健身活动共计十二场；" })
        #expect(d.paragraphs.contains { $0.string == "各项目标均已完成；" })
        #expect(d.paragraphs.contains { $0.string.hasPrefix("二、绩效目标") })
        // a blank line between is no wrap: the list stays as it is
        let apart = structure("其中：用于场地设施建设200.30万元；用于组织全民健身活动80.20万元；\n\n用于健身科学研究与宣传20.00万元。\n")
        #expect(apart.paragraphs.contains { $0.string == "用于健身科学研究与宣传20.00万元。" })
    }

    /// "1.工资福利支出320.50万元：主要用于…" cut short of the wrap width: a numbered line that states a
    /// figure and explains it after a colon is prose, not a title, and goes on into the next line.
    @Test func aNumberedFigureExplainedAfterAColonGoesOn() throws {
        let d = structure("1.工资福利支出320.50万元：主要用于本单位在\n职人员的基本工资和津贴补贴。较上年减少12.30万元，下降3.7%。\n")
        #expect(d.paragraphs.count == 1)
        #expect(d.paragraphs.first?.string == "1.工资福利支出320.50万元：主要用于本单位在职人员的基本工资和津贴补贴。较上年减少12.30万元，下降3.7%。")
        // a title with a colon and no figure before it stays a title
        let titled = structure("2.项目概况：基本情况\n本项目于年初设立，由局机关组织实施。\n")
        #expect(titled.paragraphs.count == 2)
        #expect(!Structurer.Builder.explainsAFigure(run("会议时间12:30开始")))
    }

    /// A line ending with a quoted term goes on; one ending with a quoted sentence does not.
    @Test func aClosingQuoteEndsALineOnlyAfterItsSentenceEnds() {
        let cut = structure("    决策类指标分值15分，得分13.5分。绩效目标中“覆盖率”\n“分出率”等指标未细化，扣1分。\n")
        #expect(cut.paragraphs.count == 1)
        #expect(cut.paragraphs.first?.string.hasSuffix("扣1分。") == true)
        let quoted = structure("    会议要求“做到专款专用。”\n项目年初预算120.00万元，全年支出118.00万元。\n")
        #expect(quoted.paragraphs.count == 2)
    }

    /// A figure a PDF export cut inside a group of its thousands is one figure again, however short its line.
    @Test func aFigureCutInsideItsThousandsIsJoined() {
        let d = structure("二、收入决算情况说明\n本年收入合计6,5\n84.10万元，其中：财政拨款收入4,386.57万元。\n")
        #expect(d.paragraphs.contains { $0.string.hasPrefix("本年收入合计6584.10万元") })
        // (a short line ending in a figure whose group is whole stays a line of its own)
        let whole = structure("项目编号2,024\n110万元已拨付。\n")
        #expect(whole.paragraphs.count == 2)
    }
}
