import Foundation

/// Pathological shapes of report text (issue 14): `make(n)` builds the shape with `n` units (a unit
/// is a line, a sentence or a piece of one). The stage tests feed each at 1× and 8× units.
public enum PathologicalShapes {
    public static let title = "2022年度部门整体支出绩效自评报告\n"

    public static let all: [(name: String, make: @Sendable (Int) -> String)] = [
        ("spaces", { title + String(repeating: " ", count: $0 * 40) + "\n" }),
        ("CR-only report", { (title + String(repeating: "全年预算数100.00万元，其中基本支出40.00万元，项目支出60.00万元。\r", count: $0)) }),
        ("one line of sentences", { title + String(repeating: "全年预算数100.00万元，其中基本支出40.00万元，项目支出60.00万元。", count: $0) + "\n" }),
        ("one sentence of figures", { title + "合计" + String(repeating: "12.34万元，", count: $0 * 4) + "\n" }),
        ("one sentence of 其中", { title + "合计100万元" + String(repeating: "，其中甲1万元", count: $0 * 8) + "。\n" }),
        ("one 其中 with many parts", { n in title + "合计100万元，其中" + (0..<(n * 2)).map { "甲\($0)项1万元" }.joined(separator: "、") + "。\n" }),
        ("parts split by ；", { n in title + "合计100万元，其中" + (0..<(n * 2)).map { "甲\($0)项1万元" }.joined(separator: "；") + "。\n" }),
        ("list after 中：", { n in title + "项目支出中：" + (0..<(n * 2)).map { "甲\($0)项1万元" }.joined(separator: "，") + "。\n" }),
        ("one sentence of years", { n in title + (0..<(n * 4)).map { "\(2000 + $0 % 30)年" }.joined() + "\n" }),
        ("sentences of years", { n in title + (0..<(n * 2)).map { "\(2000 + $0 % 30)年预算数\($0)万元。" }.joined() + "\n" }),
        ("lines of years", { n in title + (0..<n).map { "\(2000 + $0 % 30)年预算数\($0)万元。\n" }.joined() }),
        ("digit groups", { title + "1" + String(repeating: ",234", count: $0 * 4) + "万元\n" }),
        ("circled items", { n in title + (0..<(n * 2)).map { "①完成\($0)个。" }.joined() + "\n" }),
        ("numbered lines", { n in title + (0..<n).map { "\($0 % 99 + 1).完成项目\($0)个。\n" }.joined() }),
        ("totals in a sentence", { n in title + (0..<(n * 2)).map { "甲\($0)万元，合计\($0)万元" }.joined(separator: "，") + "。\n" }),
        ("counts by band", { n in title + "评价项目13个，" + (0..<(n * 2)).map { "得分在\($0)-\($0 + 1)分的\($0)个" }.joined(separator: "，") + "。\n" }),
        ("tab table with totals", { n in title + "项目\t预算数\t执行数\n" + (0..<n).map { $0 % 5 == 4 ? "合计\t\($0).00\n" : "项目\t\($0).00\t\($0).00\n" }.joined() }),
        ("same label on many lines", { n in title + (0..<n).map { "全年预算数\($0 % 100).00万元。\n" }.joined() }),
        ("scores", { n in title + (0..<n).map { "指标\($0)分值10分，得分\($0 % 11)分。\n" }.joined() }),
        ("rates", { n in title + (0..<n).map { "预算数100万元，支出数\($0 % 100)万元，执行率为\($0 % 100)%。\n" }.joined() }),
        ("changes", { n in title + (0..<n).map { "支出\(100 + $0)万元，比上年增加\($0 % 10)万元。\n" }.joined() }),
        ("changes in one line", { n in title + (0..<(n * 2)).map { "支出\(100 + $0)万元，比上年增加\($0 % 10)万元。" }.joined() + "\n" }),
        ("shares in one line", { n in title + (0..<(n * 2)).map { "甲\($0)万元，占总额的\($0 % 100)%。" }.joined() + "\n" }),
        ("scores in one line", { n in title + (0..<(n * 2)).map { "指标\($0)分值10分，得分\($0 % 11)分。" }.joined() + "\n" }),
        ("rates in one line", { n in title + (0..<(n * 2)).map { "预算数100万元，支出数\($0 % 100)万元，执行率为\($0 % 100)%。" }.joined() + "\n" }),
        ("shares", { n in title + (0..<n).map { "甲\($0)占总额的\($0 % 100)%。\n" }.joined() }),
        ("headings and figures", { n in title + (0..<n).map { "\(["一", "二", "三", "四", "五"][$0 % 5])、标题\n（一）小标题\n1.预算数\($0)万元。\n" }.joined() }),
        ("brackets", { title + String(repeating: "（", count: $0 * 10) + "预算数100万元" + String(repeating: "）", count: $0 * 10) + "\n" }),
        ("schedule progress in one line", { n in title + "1-6月，" + (0..<(n * 2)).map { "甲\($0)完成预算的5\($0 % 10).0%，超序时进度\($0 % 10).0个百分点；" }.joined() + "\n" }),
        ("shares closing lists", { n in title + (0..<n).map { "支出\(2 * ($0 + 50))万元，主要用于：甲\($0 + 50)万元，占50%；乙\($0 + 50)万元，占50%。" }.joined() + "\n" }),
        ("lists introduced in one line", { n in title + (0..<(n * 2)).map { "税收收入\($0 + 10)万元。主要税收收入项目情况如下：甲税\($0)万元；乙税1万元。" }.joined() + "\n" }),
        ("an introduced list of many lines", { n in title + "税收收入100万元。主要税收收入项目情况如下：\n" + (0..<n).map { "甲税\($0)万元；\n" }.joined() + "乙税1万元。\n" }),
        ("additions in one line", { n in title + (0..<(n * 2)).map { "收入\($0)万元，加上结转1万元，收入总计\($0 + 1)万元。" }.joined() + "\n" }),
        ("label and value lines", { n in title + (0..<n).map { "项目\($0)\n\n\($0).50\n\n" }.joined() }),
        ("relative years in one ；-part", { n in title + (0..<(n * 2)).map { "上年支出\($0)万元，" }.joined() + "。\n" }),
        ("prior years compared in one ；-part", { n in title + (0..<n).map { "2021年支出\($0)万元，本年支出\($0 + 1)万元，" }.joined() + "。\n" }),
        ("indicators scored in one line", { n in title + (0..<(n * 2)).map { "甲\($0)指标5分，扣1分，得4分；" }.joined() + "。\n" }),
        ("listed weights in one line", { n in title + "权重依次为" + (0..<(n * 2)).map { "\($0 % 9 + 1)分" }.joined(separator: "、") + "，满分100分。\n" }),
        ("classifications after names", { n in title + (0..<(n * 2)).map { "本年收入\($0 + 3)万元。本年收入按功能分类科目分：甲\($0 + 1)万元，乙2万元。" }.joined() + "\n" }),
        ("paid and unpaid with a rate", { n in title + (0..<n).map { "衔接资金支付\($0 % 50 + 10)万元，未支付2万元，支付率94%。\n" }.joined() }),
        ("shares of one base", { n in title + "收入总额1000万元。" + (0..<(n * 2)).map { "甲\($0)收入10万元，占收入总额的1.0%。" }.joined() + "\n" }),
    ]
}
