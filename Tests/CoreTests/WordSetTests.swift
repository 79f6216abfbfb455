import Testing
import JXCore

@Suite("WordSet: word classes matched on scalars")
struct WordSetTests {
    let set = WordSet(["合计", "合计为", "共", "共计", "总额"])

    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func membershipIsExact() {
        #expect(set.contains("合计"))
        #expect(!set.contains("合"))
        #expect(!set.contains("合计数"))
        #expect(set.count == 5)
    }

    @Test func longestWordWinsAtAPosition() {
        let s = scalars("支出合计为100")
        #expect(set.prefixLength(s, at: 2) == 3)
        #expect(set.prefixLength(s, at: 2, end: 4) == 2)   // the end bounds the match
        #expect(set.prefixLength(s, at: 0) == 0)
        #expect(set.prefixLength(s, at: 99) == 0)
    }

    @Test func longestWordEndingAtAPosition() {
        let s = scalars("收入共计100")
        #expect(set.suffixLength(s, endingAt: 4) == 2)
        #expect(set.suffixLength(s, endingAt: 3) == 1)
        #expect(set.suffixLength(s, endingAt: 4, start: 3) == 0)   // the start bounds the match
        #expect(set.suffixLength(s, endingAt: 3, start: 2) == 1)
        #expect(set.suffixLength(s, endingAt: 0) == 0)
    }

    @Test func stringConveniences() {
        #expect(set.prefix(of: "合计为300") == "合计为")
        #expect(set.suffix(of: "支出总额") == "总额")
        #expect(set.suffix(of: "支出") == nil)
        #expect(set.occurs(in: "三项共计"))
        #expect(set.firstOccurrence(in: "三项共计与合计") == "共计")
        #expect(set.droppingPrefix("共计三项") == "三项")
        #expect(set.droppingSuffix("支出合计为") == "支出")
        #expect(set.droppingSuffix("支出") == "支出")
    }

    @Test func matchesDoNotOverlap() {
        let s = scalars("合计为共计")
        let m = set.matches(in: s)
        #expect(m.map(\.start) == [0, 3])
        #expect(m.map(\.length) == [3, 2])
    }

    @Test func addingWordsKeepsOrderAndDropsDuplicates() {
        var more = set
        more.add(["合计", "总计"])
        #expect(more.words == ["合计", "合计为", "共", "共计", "总额", "总计"])
        #expect(set.union(WordSet(["累计"])).contains("累计"))
        #expect(WordSet([""]).isEmpty)
    }
}

@Suite("ScalarString: scalars to a string in one pass")
struct ScalarStringTests {
    @Test func sameStringAsTheScalarView() {
        let texts = ["", "a", "预算数822.24万元", "é\u{301}", "𠀀𝔸x", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "1,234.5 — ％"]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let made = ScalarString.make(scalars)
            #expect(made == String(String.UnicodeScalarView(scalars)))
            #expect(Array(made.utf8) == Array(text.utf8))
            #expect(ScalarString.make(scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
        }
    }
}
