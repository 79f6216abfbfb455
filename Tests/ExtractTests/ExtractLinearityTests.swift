import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
@testable import JXExtract

/// Extraction is linear in its input whatever the shape (issue 14): each shape is structured
/// first, then only `Extractor.extract` is timed at 1× and 8× the units; its thread CPU time may
/// grow at most 10× (quadratic work grows 64×). Where a pass had to be bounded rather than made
/// linear (lists read within `ExtractionState.listWindow` scalars of their marker, wholes and parts
/// sought among `listLookBack` facts), the bound is what keeps it so.
@Suite("Extract linearity")
struct ExtractLinearityTests {
    static func structured(_ text: String) -> StructuredDocument {
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return Structurer.structure(Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)))
    }

    @Test func everyShapeIsLinear() {
        var failures = [String]()
        for shape in PathologicalShapes.all {
            let small = Self.structured(shape.make(100)), large = Self.structured(shape.make(800))
            // 8× the input within 12× the time (n log n is 10×; under load the larger input loses more cache): quadratic work is 64× slower on every turn
            let scaling = Scaling.measure(bound: 12,
                                          small: { _ = Extractor.extract(small, lexicon: lexicon, fiscalYear: nil) },
                                          large: { _ = Extractor.extract(large, lexicon: lexicon, fiscalYear: nil) })
            if !scaling.holds(12) { failures.append("\(shape.name): \(scaling)") }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// The bounds leave ordinary lists alone: a 其中 list of 25 parts (more than reports write)
    /// still makes up its whole.
    @Test func longOrdinaryListsAreStillRead() {
        let names = ["办公费", "印刷费", "咨询费", "手续费", "水费", "电费", "邮电费", "物业管理费", "差旅费", "维修费", "租赁费", "会议费",
                     "培训费", "公务接待费", "专用材料费", "劳务费", "委托业务费", "工会经费", "福利费", "公务用车运行维护费", "其他交通费用",
                     "税金及附加费用", "其他商品和服务支出", "取暖费", "因公出国费"]
        let parts = names.map { "\($0)1.00万元" }.joined(separator: "，")
        let facts = extract("2022年度部门整体支出绩效自评报告\n公用经费25.00万元，其中\(parts)。\n")
        let group = facts.groups.first { facts.facts[$0.whole].shown == "25.00万元" }
        #expect(group?.parts.count == 25, "\(facts.groups.map { ($0.whole, $0.parts.count) })")
    }
}
