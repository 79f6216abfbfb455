import Foundation
import Testing
import JXCheck
import JXLint
import JXRules

/// Pins what jxlint reports on every report shipped in `samples/` (the folder the README's first
/// command checks): the clean report stays silent, and each report with slips yields exactly the
/// listed (line, rule) findings. Any change in behaviour on the samples shows up here.
@Suite struct SampleTests {
    /// Expected findings per sample, as "line rule-id", sorted by line then rule.
    static let expected: [String: [String]] = [
        "clean.txt": [],
        "slips-budget.txt": [
            "9 sum.expenditure-parts",            // 基本支出 979.30 + 项目支出 2194.32 ≠ 资金总支出 3128.62
            "11 rate.share",                      // 公用经费占基本支出 4.88%，应为 15.61%
            "11 sum.within-limit",                // “三公”经费支出 9.86 > 所述限额（年初预算）9.50
            "13 rate.execution",                  // 政府采购执行率 97.43%，应为 97.34%
            "15 sum.carryover",                   // 结转和结余 173.18，应为 137.18
            "21 sum.table-children",              // 其中：培训费 168.00 > 公用经费 156.45
            "28 sum.table-subtotals",             // 项目支出小计 2149.32 ≠ 各行之和 2158.32
            "29 sum.table-subtotals",             // 合计 3256.80 ≠ 各小计之和 3265.80
            "33 rate.per-unit-average",           // 户均补贴 3300 元，应为 5701200 ÷ 1900 = 3000.63 元
            "33 sum.parts-exceed-whole",          // 560 + 380 + 310 人次 > 1200 人次
            "35 consistency.same-figure",         // 新建高标准农田 2.8 万亩 ≠ 2.6 万亩
            "41 rate.schedule-progress",          // 上半年序时进度 50% − 42.0% = 8.0 个百分点，不是 3.0
        ],
        "slips-scores.txt": [
            "12 format.conversion-artifact",       // 错误！未找到引用源
            "28 status.missed-target-declared-met", // 2.65 万人 < 2.8 万人，满分且未说明偏差
            "29 score.item-above-cap",            // 得分 6 > 分值 5
            "31 status.missed-target-declared-met", // 90% < 95%，偏差原因留空
            "32 score.section-caps",              // 效益（30）下各指标分值之和为 25
            "35 score.items-vs-total",            // 各项得分之和 89.70 ≠ 合计 89.07
            "37 score.grade",                     // 89.07 分评为“优”
            "40 format.conversion-artifact",      // XXXX年
        ],
        "slips-units-years.txt": [
            "4 year.fiscal-statement",            // 2023 年度报告写“对2022年度部门整体支出…开展了绩效自评”
            "18 unit.mixed-in-relation",          // 公用经费 206.57 元：按万元读才与基本支出相符（“单位不合”并入此条）
            "20 unit.out-of-scale",               // 办公用房维修改造支出 28.64 元
            "22 year.fiscal-statement",           // 截至2022年年末，政府采购实际支出…
            "22 year.mixed-years-in-relation",    // 2023 年预算与“2022年”支出恰好符合执行率
            "27 unit.finer-than-fen",             // 合同金额 86.4250 元：以元计不会有四位小数
            "28 year.compared-with-itself",       // 2023年……较2023年下降3.1%
            "35 year.same-figure-two-years",      // 2022年项目支出 2977.45 万元（别处为 2023 年）
            "36 unit.same-number-two-units",      // 144.07 元：同一数字别处为 144.07 万元；单位不合并入此条
        ],
        "slips-project.txt": [
            "14 score.weighted-rate",             // 10 × 95.05% = 9.51 ≠ 9.05
            "19 rate.survey-valid",               // 有效回收率 98.00%，应为 288 ÷ 300 = 96.00%
            "19 sum.parts-incomplete",            // 县道 32.4 + 乡道 51.1 ≠ 86.5 公里
            "24 score.weighted-rate",             // the score sheet repeats the row: 10 × 95.05% ≠ 9.05
            "26 status.missed-target-declared-met", // 76.8% < 80%，标为已完成且满分
            "34 score.prose-total",               // 正文 98.50 分 ≠ 评分表合计 98.05 分
            "37 status.versus-target",            // 优良率 76.8% 说成“高于年度目标80%”
        ],
        "title-year.md": [
            "1 year.title-vs-body",               // 标题 2022 年度，正文讲 2023 年
        ],
        "slips-rates.txt": [
            "9 rate.structure-ratio",             // 结构比 38.4:60.6：两项之和 99.0，不是 100
            "11 rate.variance",                   // 预决算差异率 3.50%，应为 |1300.00 − 1234.56| ÷ 1234.56 = 5.30%
            "13 rate.carryover",                  // 结转结余率 0.49%，应为 12.34 ÷ 1312.34 = 0.94%
            "15 rate.arrival",                    // 到位率 95.00%，应为 180.00 ÷ 200.00 = 90.00%
            "15 rate.execution-unspent",          // 支付率 96.15%，应为 456.70 ÷ (456.70 + 23.30) = 95.15%
            "15 rate.saving",                     // 节约率 12.00%，应为 30.00 ÷ 300.00 = 10.00%
            "17 sum.change-parts",                // 上年数 18.60 + 3.40 = 22.00，而各部分 0 + 5.50 + 16.00 = 21.50
            "19 rate.debt-ratio",                 // 资产负债率 52.00%，应为 615.00 ÷ 2460.00 = 25.00%
            "19 sum.net-assets",                  // 净资产 1854.00，应为 2460.00 − 615.00 = 1845.00
            "22 rate.over-100",                   // 工程验收合格率 110%：合格率不会超过 100%
        ],
        "slips-final-accounts.txt": [
            "2 year.title-repeated",              // 标题重复一遍，年份写成 2022
            "8 year.alias",                       // 2023年执行数（以下简称2024年执行数）
            "9 year.final-vs-execution",          // 决算数对照的是 2022 年执行数，报告年度为 2023
            "11 year.comparison-base",            // 支出较2021年决算数增加：其余比较都与 2022 年相比
            "12 unit.change-below-precision",     // 278万元 较上年减少 29.82元：不足万元金额的末位
            "17 sum.table-row-totals",            // 教育支出 合计 8800.00，基本支出 + 项目支出 = 8700.00
            "21 year.change-columns",             // 表头 2021年决算数 | 2023年决算数 | 比上年增减：应为 2022 年
            "25 year.account-and-draft",          // 2023年决算和2025年上半年预算执行：应为 2024 年
        ],
        // `jxlint check samples/` reads the folder's README too: it must stay silent.
        "README.md": [],
    ]

    static var samplesDirectory: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("samples").path
    }

    static func findings(_ name: String) throws -> [Finding] {
        let path = (samplesDirectory as NSString).appendingPathComponent(name)
        let report = Pipeline(ruleSet: try RuleSet.embedded()).report(path: path)
        #expect(report.error == nil, "\(name): \(report.error ?? "")")
        return report.findings
    }

    static func pinned(_ findings: [Finding]) -> [String] {
        findings
            .sorted { ($0.span.start.line, $0.rule) < ($1.span.start.line, $1.rule) }
            .map { "\($0.span.start.line) \($0.rule)" }
    }

    @Test func everySampleHasPinnedExpectations() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.samplesDirectory)
            .filter { FileDiscovery.extensions.contains(($0 as NSString).pathExtension.lowercased()) }
        #expect(Set(names) == Set(Self.expected.keys))
    }

    @Test func cleanSampleIsSilent() throws {
        let findings = try Self.findings("clean.txt")
        #expect(findings.isEmpty, "clean.txt: \(Self.pinned(findings))")
    }

    @Test(arguments: expected.keys.sorted())
    func sampleFindingsArePinned(_ name: String) throws {
        let actual = Self.pinned(try Self.findings(name))
        #expect(actual == Self.expected[name], "\(name)")
    }

    @Test func slipSamplesCoverEveryCategory() throws {
        var seen = Set<RuleCategory>()
        for name in Self.expected.keys {
            for finding in try Self.findings(name) { seen.insert(finding.category) }
        }
        for category in RuleCategory.allCases {
            #expect(seen.contains(category), "no sample yields a \(category.rawValue) finding")
        }
        #expect(seen == Set(RuleCategory.allCases))
    }
}
