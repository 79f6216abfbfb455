import Testing
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
@testable import JXExtract

/// The passes loop over `paragraphIndexes` and read each paragraph in place instead of copying
/// it: the indexes must be the paragraphs' own, in order, and the scalar form of
/// `semicolonSegment` must agree with the paragraph form.
@Suite("Paragraph loops")
struct ParagraphLoopTests {
    static let text = """
        一、部门收支总体情况
        2023年收入合计1200.00万元，比上年增加100.00万元；支出合计1100.00万元，执行率91.7%。
        （一）基本支出900.00万元；项目支出200.00万元。
        其中：人员经费800.00万元，公用经费100.00万元，占基本支出的11.1%。
        """

    static func structured(_ text: String) -> StructuredDocument {
        let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return Structurer.structure(Normalizer.normalize(Document(path: "t.txt", format: .text, encoding: "utf-8", lines: lines)))
    }

    @Test func paragraphIndexesAreTheParagraphsOwn() {
        let doc = Self.structured(Self.text)
        let state = ExtractionState(doc: doc, lexicon: lexicon)
        #expect(doc.paragraphs.count >= 4)
        #expect(state.paragraphIndexes == doc.paragraphs.map(\.index))
    }

    @Test func semicolonSegmentOnScalarsAgreesWithParagraph() {
        let doc = Self.structured(Self.text)
        for p in doc.paragraphs {
            for k in 0..<p.text.scalars.count {
                #expect(ExtractionState.semicolonSegment(p.text.scalars, around: k) == ExtractionState.semicolonSegment(p, around: k))
            }
        }
    }

    /// `buildChanges` skips a figure whose `change` is 0 before copying it: such a figure is never
    /// a stated change.
    @Test func noChangeIsNeverAStatedChange() {
        let doc = Self.structured(Self.text)
        let set = Extractor.extract(doc, lexicon: lexicon)
        let state = ExtractionState(doc: doc, lexicon: lexicon)
        #expect(set.facts.contains { $0.change != 0 })
        for f in set.facts where f.change == 0 { #expect(!state.isStatedChange(f)) }
    }
}
