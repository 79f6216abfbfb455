import Testing
import Foundation
@testable import JXLoad

/// Loads a generated .docx.
func docx(_ body: String, styles: String? = nil, numbering: String? = nil, footnotes: String? = nil,
          endnotes: String? = nil, extraNamespaces: String = "") throws -> Document {
    try OfficeLoader.load(bytes: OfficeFixtures.docx(body: body, styles: styles, numbering: numbering, footnotes: footnotes,
                                                     endnotes: endnotes, extraNamespaces: extraNamespaces),
                          path: "t.docx")
}

func p(_ text: String, _ pPr: String = "") -> String {
    "<w:p>\(pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>")<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
}

@Suite struct OfficeDocxFixtureTests {
    let document: Document

    init() throws {
        document = try DocumentLoader.load(path: OfficeFixtures.path("report.docx"))
    }

    @Test func formatAndNotes() {
        #expect(document.format == .docx)
        #expect(document.encoding == "zip/xml")
        #expect(document.notes == [
            "1 deleted revision(s) skipped (tracked changes read as accepted)",
            "1 inserted revision(s) kept",
            "1 text box(es): their paragraphs follow the paragraph that anchors them",
            "1 footnote(s) and 0 endnote(s) appended after the body",
        ])
    }

    @Test func linesInDocumentOrder() {
        #expect(document.lines.map(\.text) == [
            "一、部门基本情况",
            "（一）主要职能",
            "2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。",
            "本年度部门完成全部绩效目标，详见表1。",
            "2022年度预算执行情况",
            "项目\t预算数（万元）\t执行数（万元）\t执行率\t备注",
            "基本支出\t822.24\t822.24\t100.00%\t均已完成",
            "项目支出\t32542.73\t32542.73\t100.00%\t",
            "合计\t33364.97\t33364.97\t100.00%\t",
            "单位：万元",
            "注：数据来源于财务决算报表。",
            "",
            "二、绩效目标完成情况",
            "（一）产出指标",
            "1. 完成项目数量12个。",
            "2. 资金到位率100%。",
            "①预算执行率100.00%。",
            "三、下一步工作",
            "数据来源：2022年度部门决算。",
        ])
        #expect(document.lines.map(\.number) == Array(1...19))
    }

    @Test func places() {
        #expect(document.lines.map { $0.place ?? "" } == [
            "第1段", "第2段", "第3段", "第4段",
            "表1 第1行", "表1 第2行", "表1 第3行", "表1 第4行", "表1 第5行",
            "第5段", "文本框1 第1段", "第6段", "第7段", "第8段", "第9段", "第10段", "第11段", "第12段",
            "脚注1",
        ])
    }

    @Test func headingLevels() {
        // Heading 1/2 styles, and a direct outline level on the last heading.
        let levels = document.lines.map { $0.headingLevel }
        #expect(levels[0] == 1)
        #expect(levels[1] == 2)
        #expect(levels[12] == 1)
        #expect(levels[13] == 2)
        #expect(levels[17] == 1)
        #expect(levels.enumerated().filter { $0.element != nil }.map(\.offset) == [0, 1, 12, 13, 17])
    }

    @Test func tableGrid() throws {
        #expect(document.tables.count == 1)
        let table = document.tables[0]
        #expect(table.name == nil)
        #expect(table.rows.map(\.lineIndex) == [4, 5, 6, 7, 8])
        for (r, row) in table.rows.enumerated() {
            #expect(document.lines[row.lineIndex].tableRow == TableRowReference(table: 0, row: r))
        }
        // Title row: one cell spanning the five grid columns.
        let title = table.rows[0].cells
        #expect(title.count == 1)
        #expect(title[0].start == 0 && title[0].length == 12)
        #expect(title[0].gridColumn == 0 && title[0].columnSpan == 5 && !title[0].continuesMerge)
        #expect(title[0].place == "表1 第1行 第1列")
        // Header row: offsets are scalar offsets into the tab-joined line.
        let header = table.rows[1].cells
        #expect(header.map(\.start) == [0, 3, 11, 19, 23])
        #expect(header.map(\.length) == [2, 7, 7, 3, 2])
        #expect(header.map(\.gridColumn) == [0, 1, 2, 3, 4])
        #expect(header.map { $0.place ?? "" } == ["表1 第2行 第1列", "表1 第2行 第2列", "表1 第2行 第3列", "表1 第2行 第4列", "表1 第2行 第5列"])
        let line = Array(document.lines[5].text.unicodeScalars)
        #expect(header.map { String(String.UnicodeScalarView(line[$0.start..<($0.start + $0.length)])) }
                == ["项目", "预算数（万元）", "执行数（万元）", "执行率", "备注"])
        // The 备注 column: vMerge restart on row 3, continued on rows 4 and 5.
        #expect(table.rows[2].cells[4].continuesMerge == false)
        #expect(table.rows[3].cells[4].continuesMerge == true)
        #expect(table.rows[4].cells[4].continuesMerge == true)
        #expect(table.rows[3].cells[4].start == 31 && table.rows[3].cells[4].length == 0)
        #expect(table.rows[4].cells.map(\.start) == [0, 3, 12, 21, 29])
    }
}

@Suite struct OfficeDocxTests {
    @Test func runsTabsBreaksAndHyphens() throws {
        let d = try docx("""
            <w:p><w:r><w:t>项目</w:t><w:tab/><w:t>金额</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>A</w:t>\
            <w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/><w:t>C</w:t></w:r></w:p>
            """)
        #expect(d.lines.map(\.text) == ["项目\t金额 第二行 A-BC"])
    }

    @Test func emptyParagraphsCountAsLines() throws {
        let d = try docx("<w:p/><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>" + p("正文") + "<w:p/>")
        #expect(d.lines.map(\.text) == ["", "", "正文", ""])
        #expect(d.lines.map(\.number) == [1, 2, 3, 4])
        #expect(d.lines.map { $0.place ?? "" } == ["第1段", "第2段", "第3段", "第4段"])
    }

    @Test func fieldCodesAreSkippedAndResultsKept() throws {
        let d = try docx("""
            <w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText> IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:instrText> = 1 "甲" "乙" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r><w:t>乙</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页，</w:t></w:r>\
            <w:fldSimple w:instr=" SEQ 表 "><w:r><w:t>表3</w:t></w:r></w:fldSimple></w:p>
            """)
        #expect(d.lines.map(\.text) == ["第乙页，表3"])
    }

    @Test func fieldResultSpanningParagraphs() throws {
        // A table of contents: the field begins in one paragraph and ends in a later one.
        let d = try docx("""
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、部门概况 1</w:t></w:r></w:p>\
            <w:p><w:r><w:t>二、绩效目标 3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """ + p("正文"))
        #expect(d.lines.map(\.text) == ["一、部门概况 1", "二、绩效目标 3", "正文"])
    }

    @Test func revisions() throws {
        let d = try docx("""
            <w:p><w:r><w:t>预算数</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>3000</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="a"><w:r><w:t>3346.38</w:t></w:r></w:ins><w:r><w:t>万元</w:t></w:r>\
            <w:moveFrom w:id="3" w:author="a"><w:r><w:t>（旧位置）</w:t></w:r></w:moveFrom>\
            <w:moveTo w:id="4" w:author="a"><w:r><w:t>。</w:t></w:r></w:moveTo></w:p>
            """)
        #expect(d.lines.map(\.text) == ["预算数3346.38万元。"])
        #expect(d.notes.contains("2 deleted revision(s) skipped (tracked changes read as accepted)"))
        #expect(d.notes.contains("2 inserted revision(s) kept"))
    }

    @Test func hiddenTextIsSkipped() throws {
        let d = try docx("""
            <w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
            <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r></w:p>
            """)
        #expect(d.lines.map(\.text) == ["可见也可见"])
        #expect(d.notes == ["1 run(s) of hidden text skipped"])
    }

    @Test func alternateContentReadsTheChoiceOnly() throws {
        let box = "<w:txbxContent>" + p("框内文字") + "</w:txbxContent>"
        let d = try docx("""
            <w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>\
            <wps:wsp><wps:txbx>\(box)</wps:txbx></wps:wsp></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r></w:p>
            """ + p("后文"), extraNamespaces: "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-microsoft-com:vml\"")
        #expect(d.lines.map(\.text) == ["锚", "框内文字", "后文"])
        #expect(d.lines.map { $0.place ?? "" } == ["第1段", "文本框1 第1段", "第2段"])
        // Without a Choice, the Fallback is read.
        let fallbackOnly = try docx("""
            <w:p><w:r><mc:AlternateContent><mc:Fallback><w:r><w:t>备用</w:t></w:r></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """)
        #expect(fallbackOnly.lines.map(\.text) == ["备用"])
    }

    @Test func drawingMLTextIsNotWordText() throws {
        let d = try docx("""
            <w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><a:p><a:r><a:t>图中文字</a:t></a:r></a:p></w:drawing></w:r></w:p>
            """, extraNamespaces: "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"")
        #expect(d.lines.map(\.text) == ["正文"])
    }

    @Test func anyPrefixForTheWordNamespace() throws {
        let bytes = OfficeFixtures.docx(body: "")
        var zip = TestZip()
        let archive = try ZipArchive(bytes: bytes)
        for entry in archive.entries where entry.name != "word/document.xml" {
            var copy = archive
            zip.add(entry.name, bytes: try copy.extract(entry))
        }
        zip.add("word/document.xml", """
            <?xml version="1.0"?><document xmlns="\(OfficeFixtures.wordNamespace)"><body>\
            <p><r><t>默认命名空间</t></r></p><ns0:p xmlns:ns0="\(OfficeFixtures.wordNamespace)"><ns0:r><ns0:t>前缀ns0</ns0:t></ns0:r></ns0:p>\
            </body></document>
            """)
        let d = try OfficeLoader.load(bytes: zip.bytes(), path: "ns.docx")
        #expect(d.lines.map(\.text) == ["默认命名空间", "前缀ns0"])
    }

    @Test func tableDetails() throws {
        // gridBefore, a cell of two paragraphs, a tab inside a cell, a nested table, a deleted row.
        let cell = { (content: String, props: String) in "<w:tc><w:tcPr>\(props)</w:tcPr>\(content)</w:tc>" }
        let nested = "<w:tbl><w:tr>" + cell(p("内1"), "") + cell(p("内2"), "") + "</w:tr><w:tr>" + cell(p("内3"), "") + "</w:tr></w:tbl>"
        let body = "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell(p("甲") + p("乙"), "") + cell(p("a\tb"), "") + "</w:tr>"
            + "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"x\"/></w:trPr>" + cell(p("删除的行"), "") + "</w:tr>"
            + "<w:tr>" + cell(p("外") + nested, "<w:gridSpan w:val=\"2\"/>") + cell(p("末"), "<w:vMerge w:val=\"restart\"/>") + "</w:tr>"
            + "<w:tr>" + cell("<w:p/>", "") + "</w:tr>"
            + "</w:tbl>" + p("表后")
        let d = try docx(body)
        #expect(d.lines.map(\.text) == ["甲 乙\ta b", "外 内1 内2 内3\t末", "", "表后"])
        #expect(d.tables.count == 1)
        let rows = d.tables[0].rows
        #expect(rows.count == 3)
        #expect(rows[0].cells.map(\.gridColumn) == [1, 2])
        #expect(rows[0].cells.map { $0.place ?? "" } == ["表1 第1行 第2列", "表1 第1行 第3列"])
        #expect(rows[1].cells.map(\.gridColumn) == [0, 2])
        #expect(rows[1].cells.map(\.columnSpan) == [2, 1])
        #expect(rows[1].cells.map(\.start) == [0, 11])
        #expect(rows[1].cells.map(\.continuesMerge) == [false, false])
        #expect(d.lines.map { $0.place ?? "" } == ["表1 第1行", "表1 第2行", "表1 第3行", "第1段"])
        #expect(d.notes.contains("1 deleted revision(s) skipped (tracked changes read as accepted)"))
    }

    @Test func textBoxInATableCellFollowsTheRow() throws {
        let box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + p("框") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        let d = try docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r>\(box)</w:p></w:tc></w:tr><w:tr><w:tc>\(p("二"))</w:tc></w:tr></w:tbl>",
                         extraNamespaces: "xmlns:v=\"urn:schemas-microsoft-com:vml\"")
        #expect(d.lines.map(\.text) == ["格", "框", "二"])
        #expect(d.lines.map { $0.place ?? "" } == ["表1 第1行", "文本框1 第1段", "表1 第2行"])
        #expect(d.tables[0].rows.map(\.lineIndex) == [0, 2])
    }

    @Test func twoTablesAreNumbered() throws {
        let t = { (x: String) in "<w:tbl><w:tr><w:tc>\(p(x))</w:tc></w:tr></w:tbl>" }
        let d = try docx(t("一") + p("间") + t("二"))
        #expect(d.lines.map { $0.place ?? "" } == ["表1 第1行", "第1段", "表2 第1行"])
        #expect(d.lines[2].tableRow == TableRowReference(table: 1, row: 0))
        #expect(d.tables[1].rows[0].cells[0].place == "表2 第1行 第1列")
    }

    @Test func footnotesAndEndnotesInReferenceOrder() throws {
        let notes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 第二个脚注</w:t></w:r></w:p></w:footnote>\
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 第一个脚注</w:t></w:r></w:p>\
            <w:p><w:r><w:t>续段</w:t></w:r></w:p></w:footnote>\
            <w:footnote w:id="3"><w:p><w:r><w:t>没有引用</w:t></w:r></w:p></w:footnote>
            """
        let endnotes = "<w:endnote w:id=\"1\"><w:p><w:r><w:t>尾注内容</w:t></w:r></w:p></w:endnote>"
        let d = try docx("""
            <w:p><w:r><w:t>甲</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>乙</w:t></w:r>\
            <w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>
            """, footnotes: notes, endnotes: endnotes)
        #expect(d.lines.map(\.text) == ["甲乙", "第一个脚注", "续段", "第二个脚注", "尾注内容"])
        #expect(d.lines.map { $0.place ?? "" } == ["第1段", "脚注1", "脚注1 第2段", "脚注2", "尾注1"])
        #expect(d.lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(d.notes == ["2 footnote(s) and 1 endnote(s) appended after the body"])
    }

    @Test func headingLevelsFromStyles() throws {
        let styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>\
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>\
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>\
            <w:style w:type="paragraph" w:styleId="30"><w:name w:val="标题3"/></w:style>\
            <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="My outline"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="Outline"/></w:style>
            """
        let d = try docx(p("一", "<w:pStyle w:val=\"1\"/>") + p("二", "<w:pStyle w:val=\"2\"/>") + p("三", "<w:pStyle w:val=\"30\"/>")
                         + p("四", "<w:pStyle w:val=\"Outline\"/>") + p("五", "<w:pStyle w:val=\"Derived\"/>")
                         + p("六", "<w:outlineLvl w:val=\"1\"/>") + p("七", "<w:pStyle w:val=\"1\"/><w:outlineLvl w:val=\"9\"/>")
                         + p("八"), styles: styles)
        #expect(d.lines.map(\.headingLevel) == [1, 2, 3, 4, 4, 2, nil, nil])
    }

    @Test func numberingThroughStylesAndLevels() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="H3"><w:name w:val="heading 3"/><w:basedOn w:val="H2"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            """
        let numbering = """
            <w:abstractNum w:abstractNumId="0">\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/></w:lvl>\
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="H3"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>\
            </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            """
        var body = ""
        for _ in 0..<11 { body += p("节", "<w:pStyle w:val=\"H1\"/>") }
        body += p("小节", "<w:pStyle w:val=\"H2\"/>") + p("小节", "<w:pStyle w:val=\"H2\"/>") + p("条", "<w:pStyle w:val=\"H3\"/>")
        body += p("节", "<w:pStyle w:val=\"H1\"/>") + p("小节", "<w:pStyle w:val=\"H2\"/>")
        body += p("不编号", "<w:pStyle w:val=\"H1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>")
        let d = try docx(body, styles: styles, numbering: numbering)
        #expect(d.lines.map(\.text) == [
            "一、节", "二、节", "三、节", "四、节", "五、节", "六、节", "七、节", "八、节", "九、节", "十、节", "十一、节",
            "（一）小节", "（二）小节",
            // Level 3's "%1.%2.%3" shows levels 1 and 2 in their own formats (no w:isLgl).
            "十一.二.1 条",
            "十二、节", "（一）小节", "不编号",
        ])
        #expect(d.lines.map(\.headingLevel) == Array(repeating: 1, count: 11) + [2, 2, 3, 1, 2, 1])
    }

    @Test func numberingCountersBelongToTheAbstractDefinition() throws {
        let numbering = """
            <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:suff w:val="space"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>\
            <w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>\
            <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>\
            <w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>\
            <w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
            """
        func item(_ text: String, _ numId: Int, _ ilvl: Int = 0) -> String {
            p(text, "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>")
        }
        let d = try docx(item("甲", 1) + item("乙", 1, 1) + item("丙", 1, 1) + item("丁", 2) + item("戊", 2, 1)
                         + item("己", 3) + item("庚", 1) + item("要点", 4) + item("罗马", 5) + item("罗马", 5), numbering: numbering)
        #expect(d.lines.map(\.text) == [
            "3. 甲", "a) 乙", "b) 丙", "4. 丁", "a) 戊", "1. 己", "2. 庚", "• 要点", "I 罗马", "II 罗马",
        ])
    }

    @Test func numberFormats() {
        let f = { (v: Int, fmt: String) in DocxNumbering.format(v, as: fmt) ?? "?" }
        #expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101].map { f($0, "chineseCounting") }
                == ["一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一〇〇", "一〇一"])
        #expect([10, 100, 101, 110, 111, 1000, 1001, 1010, 2022].map { f($0, "chineseCountingThousand") }
                == ["十", "一百", "一百零一", "一百一十", "一百一十一", "一千", "一千零一", "一千零一十", "二千零二十二"])
        #expect([1, 10, 11].map { f($0, "ideographTraditional") } == ["甲", "癸", "甲"])
        #expect([1, 20, 21].map { f($0, "decimalEnclosedCircle") } == ["①", "⑳", "21"])
        #expect([1, 10].map { f($0, "decimalEnclosedParen") } == ["⑴", "⑽"])
        #expect([1, 26, 27, 28].map { f($0, "lowerLetter") } == ["a", "z", "aa", "bb"])
        #expect([1, 3].map { f($0, "upperLetter") } == ["A", "C"])
        #expect([4, 9, 14, 1994].map { f($0, "upperRoman") } == ["IV", "IX", "XIV", "MCMXCIV"])
        #expect(f(12, "lowerRoman") == "xii")
        #expect(f(7, "decimal") == "7")
        #expect(f(7, "decimalZero") == "07")
        #expect(f(12, "decimalFullWidth") == "１２")
        #expect(f(3, "chineseLegalSimplified") == "叁")
        #expect(DocxNumbering.format(1, as: "hebrew1") == nil)
    }

    @Test func malformedDocumentXML() throws {
        let body = "<w:p><w:r><w:t>未闭合</w:r></w:p>"
        let message = loadErrorMessage { try docx(body) }
        let prefix = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(OfficeFixtures.wordNamespace)\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" ><w:body><w:p><w:r><w:t>未闭合"
        #expect(message == "word/document.xml: malformed XML at byte \(prefix.utf8.count) (</w:r> does not close <w:t>)")
    }

    @Test func noBody() throws {
        var zip = TestZip()
        zip.add("word/document.xml", "<w:document xmlns:w=\"\(OfficeFixtures.wordNamespace)\"/>")
        #expect(loadErrorMessage { try OfficeLoader.load(bytes: zip.bytes(), path: "a.docx") }
                == "word/document.xml: no w:body element (not a Word document body)")
    }
}
