import Foundation
import Testing
import JXCore

/// `WordSet` keeps its words by their bytes (issue 12: hashing `String` normalized every Chinese
/// word); it must still answer as `String` equality does, by canonical equivalence.
@Suite("WordSet: membership by bytes, equality by canonical equivalence")
struct WordSetEquivalenceTests {
    @Test func aPlainScalarIsItsOwnCanonicalForm() {
        var plain = 0
        for range in WordSet.plainRanges {
            for v in range {
                let ch = Unicode.Scalar(v)!
                #expect(WordSet.isPlain(String(Character(ch))), "U+\(String(v, radix: 16))")
                let text = String(Character(ch))
                #expect(text.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([ch]), "U+\(String(v, radix: 16)) decomposes")
                #expect(ch.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16)) combines")
                plain += 1
            }
        }
        // and nothing else is taken for plain
        var counted = 0
        for v in UInt32(0)...0x10FFFF { if let ch = Unicode.Scalar(v), WordSet.isPlain(String(Character(ch))) { counted += 1 } }
        #expect(counted == plain)
        for text in ["é", "e\u{301}", "\u{F900}", "\u{387}", "が", "\u{302A}", "𠀀", "Å", "\u{2126}", "\u{2000}", "甲\u{301}"] { #expect(!WordSet.isPlain(text), "\(text)") }
    }

    @Test func canonicalEquivalentsAreOneWord() {
        // a compatibility ideograph is canonically its unified ideograph; é is e + acute
        let set = WordSet(["\u{8C48}", "预算", "caf\u{E9}"])
        #expect(set.contains("\u{F900}"))
        #expect(set.contains("cafe\u{301}"))
        #expect(set.contains("预算"))
        #expect(!set.contains("预"))
        #expect(!set.contains("cafe"))
        let unplainFirst = WordSet(["\u{F900}预算", "cafe\u{301}"])
        #expect(unplainFirst.contains("\u{8C48}预算"))
        #expect(unplainFirst.contains("caf\u{E9}"))
        #expect(unplainFirst.contains(Substring("caf\u{E9}")))
        // duplicates by canonical equivalence are dropped, the first spelling kept
        #expect(WordSet(["\u{8C48}", "\u{F900}"]).words == ["\u{8C48}"])
        #expect(WordSet(["\u{F900}", "\u{8C48}"]).words == ["\u{F900}"])
        #expect(WordSet(["caf\u{E9}", "cafe\u{301}", "caf\u{E9}"]).count == 1)
        var grown = WordSet(["甲"])
        grown.add(["甲", "乙", "\u{F900}"])
        grown.add(["\u{8C48}"])
        #expect(grown.words == ["甲", "乙", "\u{F900}"])
    }
}
