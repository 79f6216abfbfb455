import Foundation
import Testing
import JXCheck
import JXExtract
import JXLint
import JXLoad
import JXRules

/// sum.change-parts: a whole and parts that add up, each with its change against last year; the
/// parts' last-year figures must add up to the whole's. Every slip with its clean twin, and the
/// wordings left alone. All figures are invented.
@Suite struct ChangePartsTests {
    static let pipeline: Pipeline = { Pipeline(ruleSet: try! RuleSet.embedded()) }()
    static let title = "青林县民政局2023年度部门决算说明\n"

    func report(_ text: String) -> FileReport { Self.pipeline.report(text: Self.title + text) }
    func rules(_ text: String) -> [String] { report(text).findings.map(\.rule) }
    func changes(_ text: String) -> [ChangeStatement] {
        Self.pipeline.facts(of: try! DocumentLoader.load(bytes: Array((Self.title + text).utf8), path: "example.txt")).changes
    }

    func expectSlip(_ clean: String, _ right: String, _ wrong: String, evidence part: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(rules(clean).isEmpty, "\(report(clean).findings.map(\.evidence))", sourceLocation: sourceLocation)
        let slipped = clean.replacingOccurrences(of: right, with: wrong)
        #expect(slipped != clean, sourceLocation: sourceLocation)
        let found = report(slipped).findings
        #expect(found.map(\.rule) == ["sum.change-parts"], "\(found.map(\.evidence))", sourceLocation: sourceLocation)
        if let part { #expect(found.map(\.evidence).joined().contains(part), "\(found.map(\.evidence))", sourceLocation: sourceLocation) }
    }

    static let threePublic = "2023年“三公”经费支出58.40万元，较2022年的66.10万元减少7.70万元；其中：因公出国（境）费0万元，较上年持平；"
        + "公务接待费6.30万元，较上年减少1.20万元；公务用车购置及运行维护费52.10万元，较上年减少6.50万元。"

    @Test func aPartsDifferenceThatDoesNotAddUpWithAFlatPart() {
        expectSlip(Self.threePublic, "减少6.50万元", "减少5.60万元",
                   evidence: "总数 66.10 = 66.10，而各部分 0 + (6.30 + 1.20) + (52.10 + 5.60) = 65.20")
    }

    @Test func theWholesDifferenceAloneAgainstItsParts() {
        expectSlip("本年收入合计820.50万元，比上年增加64.30万元，其中：财政拨款收入790.20万元，比上年增加60.10万元；"
                   + "其他收入30.30万元，比上年增加4.20万元。", "增加64.30万元", "增加46.30万元")
    }

    /// "（一）…1.7万元，……，同比下降86%": a part's rate stated where the text comes back to it, past a
    /// document number and a count.
    @Test func partsRatesStatedInTheirOwnOutlineItems() {
        let text = "2023年，“三公”经费预算数为360.00万元，同比下降10%，其中：公务接待费120.00万元，公务用车购置及运行费240.00万元。\n"
            + "（一）公务接待费预算120.00万元，严格执行接待管理办法（青财行〔2019〕12号）的30条规定，同比下降20%。\n"
            + "（二）公务用车购置及运行费预算240.00万元，其中：公务用车运行费200.00万元，公务用车购置费40.00万元，同比下降4.4%。\n"
        expectSlip(text, "同比下降4.4%", "同比下降14.4%", evidence: "360.00 ÷ (1 − 10%)")
    }

    @Test func changesAgainstTheBudgetAreNotLastYears() {
        let text = "2023年“三公”经费支出58.40万元，较年初预算减少7.70万元；其中：公务接待费6.30万元，较年初预算减少1.20万元；"
            + "公务用车购置及运行维护费52.10万元，较年初预算减少5.60万元。"
        #expect(!rules(text).contains("sum.change-parts"))
    }

    @Test func aPartWithoutAnyChangeLeavesTheListUnchecked() {
        let text = "本年收入合计820.50万元，比上年增加64.30万元，其中：财政拨款收入790.20万元，比上年增加50.10万元；其他收入30.30万元。"
        #expect(!rules(text).contains("sum.change-parts"))
    }

    /// A difference alone is read as a change of the figure before it, compared with last year;
    /// one compared with the budget is not.
    @Test func loneDifferencesAreChangeStatementsThatKnowTheirBase() {
        let lastYear = changes("公务接待费6.30万元，较上年减少1.20万元。")
        #expect(lastYear.count == 1 && lastYear[0].comparesWithYear && lastYear[0].rate == nil)
        let budget = changes("公务接待费6.30万元，较年初预算减少1.20万元。")
        #expect(budget.allSatisfy { !$0.comparesWithYear })
        let prior = changes("“三公”经费支出58.40万元，较2022年的66.10万元减少7.70万元。")
        #expect(prior.count == 1 && prior[0].comparesWithYear && prior[0].prior != nil)
    }
}
