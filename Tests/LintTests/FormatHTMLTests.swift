import Foundation
import Testing
import JXCore
import JXRules
import JXCheck
import JXFormat

@Suite("Format: html")
struct FormatHTMLTests {
    private func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test func pageEscapesEverythingFromTheReport() {
        var report = FormatFixtures.slips
        report.path = "samples/<b>&\"x\".txt"
        report.lines.append("原文里也有 <script>alert(2)</script> & \"引号\"")
        let page = Formatters.htmlPage(report, options: FormatFixtures.options)
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("年份不是报告年度 &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("原文里也有 &lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;引号&quot;"))
        #expect(page.contains("samples/&lt;b&gt;&amp;&quot;x&quot;.txt"))
    }

    @Test func pageHasHeaderFindingsAndAnchoredSource() {
        let page = Formatters.htmlPage(FormatFixtures.slips, options: FormatFixtures.options)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<html lang=\"zh-CN\">"))
        // Self-contained: no external resources.
        #expect(!page.contains("<link"))
        #expect(!page.contains("src=\""))
        #expect(!page.contains("http://") && !page.contains("https://"))
        // Header: format, encoding, fiscal year, counts by severity.
        #expect(page.contains("<dt>格式</dt><dd>text</dd>"))
        #expect(page.contains("<dt>编码</dt><dd>utf-8</dd>"))
        #expect(page.contains("<dt>财政年度</dt><dd>2022</dd>"))
        #expect(page.contains("错误 1</span>") && page.contains("警告 2</span>") && page.contains("提示 1</span>"))
        // Findings: four items, most severe first, with labels and links to their lines.
        #expect(count("<li class=\"finding ", in: page) == 4)
        let error = page.range(of: "<li class=\"finding error\"")!.lowerBound
        let warning = page.range(of: "<li class=\"finding warning\"")!.lowerBound
        let info = page.range(of: "<li class=\"finding info\"")!.lowerBound
        #expect(error < warning && warning < info)
        for label in ["规则", "依据", "位置", "错误", "警告", "提示"] { #expect(page.contains(label)) }
        #expect(page.contains("<a class=\"loc\" href=\"#L3\">第 3 行第 11 列</a>"))
        #expect(page.contains("<a href=\"#L3\">第 3 行第 32 列</a>"))
        // Rule explanation from the rule metadata.
        #expect(page.contains("全年预算数应等于基本支出与项目支出之和。"))
        // Source: every line anchored, the span highlighted, the message below the line.
        for n in 1...5 { #expect(page.contains("<tr id=\"L\(n)\"")) }
        #expect(page.contains("<tr id=\"L3\" class=\"hit error\">"))
        #expect(page.contains("2022年全年预算数<mark class=\"hl error\" title=\"错误 [sum.budget-parts] 基本支出与项目支出之和与全年预算数不符\">33463.78</mark>万元"))
        // Related numbers are marked too.
        #expect(page.contains(">822.24</mark>万元") && page.contains(">32542.73</mark>万元。"))
        let sourceLine = page.range(of: "<tr id=\"L3\"")!.upperBound
        let note = page.range(of: "<tr class=\"ann error\">")!.lowerBound
        let nextLine = page.range(of: "<tr id=\"L4\"")!.lowerBound
        #expect(sourceLine < note && note < nextLine)
        #expect(page.contains("href=\"#F1\""))
        #expect(page.contains("id=\"F1\""))
    }

    @Test func overlappingSpansShowTheMostSevere() {
        var report = FormatFixtures.slips
        report.findings = [
            Finding(rule: "a.info", category: .format, severity: .info, span: FormatFixtures.span(5, 1, 5, 18), message: "宽", evidence: ""),
            Finding(rule: "b.error", category: .sum, severity: .error, span: FormatFixtures.span(5, 10, 5, 17), message: "窄", evidence: ""),
        ]
        let page = Formatters.htmlPage(report, options: FormatOptions())
        #expect(page.contains("<mark class=\"hl info\" title=\"提示 [a.info] 宽\">2021年项目支出</mark>"
            + "<mark class=\"hl error\" title=\"错误 [b.error] 窄\">32542.73</mark>"
            + "<mark class=\"hl info\" title=\"提示 [a.info] 宽\">元</mark>。"))
    }

    @Test func officePagesShowPlaces() {
        let page = Formatters.htmlPage(FormatFixtures.docx, options: FormatOptions())
        #expect(page.contains("<span class=\"place\">表1 第2行 第4列</span>"))
        #expect(page.contains("<td class=\"lp\">表1 第2行</td>"))
        #expect(page.contains("<dt>编码</dt><dd>—</dd>"))
    }

    @Test func unreadableFilePageShowsTheError() {
        let page = Formatters.htmlPage(FormatFixtures.broken, options: FormatOptions())
        #expect(page.contains("无法读取此文件"))
        #expect(page.contains("not a text file (it contains NUL bytes)"))
        #expect(!page.contains("<table class=\"src\">"))
    }

    @Test func indexRanksFilesAndLinksPages() {
        var heavy = FormatFixtures.docx
        heavy.path = "z/heavy.docx"
        heavy.findings += [FormatFixtures.docxRate, FormatFixtures.docxRate]   // 3 errors
        let reports = [FormatFixtures.broken, FormatFixtures.docx, FormatFixtures.slips, heavy]
        let names = reports.indices.map { Formatters.htmlPageFileName(for: reports[$0].path, index: $0) }
        let index = Formatters.htmlIndex(reports, pageNames: names, options: FormatOptions())
        // errors desc, then warnings desc, then path
        let order = ["z/heavy.docx", "samples/slips.txt", "reports/部门 自评.docx", "broken/坏文件.txt"]
        let positions = order.map { index.range(of: ">\($0)</a>")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(index.contains("<tr class=\"unreadable\">"))
        #expect(index.contains("<span class=\"badge error\">无法读取</span> not a text file"))
        #expect(index.contains("<a href=\"0002-%E9%83%A8%E9%97%A8_%E8%87%AA%E8%AF%84.docx.html\">reports/部门 自评.docx</a>"))
        #expect(index.contains("4 个文件，5 个错误，2 个警告，1 个提示，1 个文件无法读取"))
        #expect(index.contains("<td>2022</td>"))
    }

    @Test func pageFileNamesAreStableAndSafe() {
        #expect(Formatters.htmlPageFileName(for: "reports/部门 自评.docx", index: 1) == "0002-部门_自评.docx.html")
        #expect(Formatters.htmlPageFileName(for: "samples/slips.txt", index: 0) == "0001-slips.txt.html")
        #expect(Formatters.htmlPageFileName(for: "../../.hidden", index: 41) == "0042-hidden.html")
        #expect(Formatters.htmlPageFileName(for: "C:\\docs\\a:b?*.txt", index: 9999) == "10000-a_b_.txt.html")
        #expect(Formatters.htmlPageFileName(for: "-", index: 2) == "0003--.html")
        #expect(Formatters.htmlPageFileName(for: "", index: 0) == "0001-file.html")
        let long = Formatters.htmlPageFileName(for: String(repeating: "很长的名字", count: 50) + ".txt", index: 0)
        #expect(long.utf8.count <= 100)
        #expect(Formatters.htmlPageFileName(for: "a/b.txt", index: 3) == Formatters.htmlPageFileName(for: "a/b.txt", index: 3))
        #expect(Formatters.htmlPageFileName(for: "a/b.txt", index: 3) != Formatters.htmlPageFileName(for: "c/b.txt", index: 4))
    }

    @Test func siteHasIndexAndOnePagePerReport() {
        let site = Formatters.htmlSite([FormatFixtures.slips, FormatFixtures.broken], options: FormatOptions())
        #expect(site.map(\.name) == ["index.html", "0001-slips.txt.html", "0002-坏文件.txt.html"])
        #expect(site[1].contents.contains("<a href=\"index.html\">← 全部文件</a>"))
        #expect(!Formatters.htmlPage(FormatFixtures.slips, options: FormatOptions()).contains("全部文件"))
    }
}
