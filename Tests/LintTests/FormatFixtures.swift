import JXCore
import JXRules
import JXCheck
import JXFormat

/// Hand-built reports shared by the Format tests.
enum FormatFixtures {
    static func span(_ line: Int, _ column: Int, _ endLine: Int, _ endColumn: Int) -> SourceSpan {
        SourceSpan(start: SourcePosition(line: line, column: column), end: SourcePosition(line: endLine, column: endColumn))
    }

    static let slipsLines = [
        "2022年度部门整体支出绩效自评报告",
        "",
        "2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。",
        "\t预算执行率为98.5%。",
        "2021年项目支出32542.73元。",
    ]

    static let budgetParts = Finding(
        rule: "sum.budget-parts", category: .sum, severity: .error, span: span(3, 11, 3, 18),
        message: "基本支出与项目支出之和与全年预算数不符",
        evidence: "822.24 + 32542.73 = 33364.97 ≠ 33463.78（差 98.81 万元）",
        related: [
            RelatedLocation(position: SourcePosition(line: 3, column: 32), message: "基本支出预算数"),
            RelatedLocation(position: SourcePosition(line: 3, column: 48), message: "项目支出预算数"),
        ],
        fingerprint: "a1b2c3d4")

    static let executionRate = Finding(
        rule: "rate.execution", category: .rate, severity: .warning, span: span(4, 8, 4, 12),
        message: "预算执行率与执行数、预算数不符", evidence: "32542.73 / 33463.78 × 100 = 97.25% ≠ 98.5%",
        fingerprint: "e5f6")

    static let wanYuan = Finding(
        rule: "unit.wan-yuan", category: .unit, severity: .warning, span: span(5, 10, 5, 18),
        message: "金额单位疑为万元", evidence: "32542.73 元 与上文 32542.73 万元 数值相同", fingerprint: "0099")

    static let scriptYear = Finding(
        rule: "year.other-year", category: .year, severity: .info, span: span(5, 1, 5, 5),
        message: "年份不是报告年度 <script>alert(1)</script>", evidence: "2021 ≠ 2022", fingerprint: "77")

    /// A text report; findings deliberately out of order.
    static var slips: FileReport {
        FileReport(path: "samples/slips.txt", format: "text", encoding: "utf-8", fiscalYear: 2022,
                   findings: [scriptYear, wanYuan, budgetParts, executionRate], lines: slipsLines)
    }

    static let docxLines = [
        "2022年度项目支出绩效自评表",
        "项目名称\t预算数\t执行数\t执行率",
        "合计\t100\t90\t95%",
    ]

    static let docxRate = Finding(
        rule: "rate.execution", category: .rate, severity: .error, span: span(3, 11, 3, 13),
        place: "表1 第2行 第4列", message: "执行率与预算数、执行数不符", evidence: "90 / 100 × 100 = 90% ≠ 95%",
        related: [RelatedLocation(position: SourcePosition(line: 3, column: 4), place: "表1 第2行 第2列", message: "预算数")],
        fingerprint: "docx-fp")

    static var docx: FileReport {
        FileReport(path: "reports/部门 自评.docx", format: "docx", encoding: nil, fiscalYear: 2022,
                   findings: [docxRate], lines: docxLines, linePlaces: [2: "表1 第1行", 3: "表1 第2行"])
    }

    static var broken: FileReport {
        FileReport(path: "broken/坏文件.txt", error: "not a text file (it contains NUL bytes)")
    }

    static let rules: [RuleInfo] = [
        RuleInfo(id: "sum.budget-parts", category: .sum, severity: .error, title: "预算各部分之和等于总数",
                 explanation: "全年预算数应等于基本支出与项目支出之和。\n核对各数后修改。"),
        RuleInfo(id: "rate.execution", category: .rate, severity: .error, title: "执行率 = 执行数 / 预算数",
                 explanation: "执行率应由执行数除以预算数得出。"),
        RuleInfo(id: "unit.wan-yuan", category: .unit, severity: .warning, title: "元与万元",
                 explanation: "同一金额不应以两种单位出现。"),
    ]

    static var options: FormatOptions { FormatOptions(toolVersion: "0.1.0", rules: rules) }
}
