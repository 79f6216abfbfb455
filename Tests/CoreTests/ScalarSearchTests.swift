import Foundation
import Testing
import JXCore

private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

@Suite("ScalarSearch")
struct ScalarSearchTests {
    @Test func findsTheFirstOccurrence() {
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: s("全年预算数，年初预算")) == 2)
        #expect(ScalarSearch.firstIndex(of: s("执行率"), in: s("预算执行率为90%")) == 2)
    }

    @Test func tabSearchAgreesWithFoundation() {
        // the tab is answered from the UTF-8 bytes: the same answers as Foundation's search
        let texts = ["项目\t预算", "预算数", "", "\t", "a\tb", "\t\u{0301}", "e\u{0301}\t", "\r\n\t", "\r\n", "中\u{3000}文", "x\u{000B}y",
                     "预\t\u{0301}", "\u{0301}\t算", "é\t", "\u{0600}\t1", "表\t\t格", "ｘ\tｙ", "😀\t"]
        for text in texts {
            #expect(ScalarSearch.foundationContains(text, "\t") == text.contains("\t"), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func cjkWordSearchAgreesWithFoundation() {
        // ideographs and CJK punctuation are answered from the scalars on character boundaries;
        // combining marks, variation selectors and compatibility ideographs go to Foundation
        let texts = ["2023年度报告", "年", "", "年\u{FE00}度", "年\u{0301}", "\u{0301}年", "预算，决算。", "预算\u{FA0C}年", "\u{F9B4}",
                     "报告年度", "年年", "abc", "年\u{302A}", "一、基本情况", "表\t年", "😀年", "年😀", "e\u{0301}年",
                     // plain texts (answered from their bytes)
                     "\r\n年", "年\r\n", "1，2，3", "（一）预算执行。", "2023年度部门决算报告，"]
        for text in texts {
            for word in ["年", "。", "，", "年度", "报告", "预算，", "\u{5140}"] {
                #expect(ScalarSearch.foundationContains(text, word) == text.contains(word), "\(text.unicodeScalars.map(\.value)) \(word)")
            }
        }
    }

    @Test func scalarsDecodeLikeTheScalarView() {
        let texts = ["", "a", "预算数", "é", "e\u{0301}", "𠀀𠀁说明", "混合 mixed ÷ 😀 text\t\n", String(repeating: "年", count: 1000)]
        for text in texts {
            #expect(ScalarString.scalars(text) == Array(text.unicodeScalars))
            #expect(ScalarString.count(text) == text.unicodeScalars.count)
            let sub = text.dropFirst()
            #expect(ScalarString.scalars(sub) == Array(sub.unicodeScalars))
        }
    }

    @Test func notFound() {
        #expect(ScalarSearch.firstIndex(of: s("决算"), in: s("全年预算数")) == nil)
        // a prefix of the needle at the end of the text is not a match
        #expect(ScalarSearch.firstIndex(of: s("预算数"), in: s("全年预算")) == nil)
        // a needle longer than the text
        #expect(ScalarSearch.firstIndex(of: s("全年预算数"), in: s("预算")) == nil)
        #expect(ScalarSearch.firstIndex(of: s("a"), in: []) == nil)
    }

    @Test func atTheEnds() {
        #expect(ScalarSearch.firstIndex(of: s("全年"), in: s("全年预算数")) == 0)
        #expect(ScalarSearch.firstIndex(of: s("算数"), in: s("全年预算数")) == 3)
        #expect(ScalarSearch.firstIndex(of: s("全年预算数"), in: s("全年预算数")) == 0)
    }

    @Test func emptyNeedleIsNeverFound() {
        #expect(ScalarSearch.firstIndex(of: [], in: s("预算")) == nil)
        #expect(ScalarSearch.firstIndex(of: [], in: []) == nil)
    }

    @Test func repeatedPatterns() {
        // a partial match must not skip the real one
        #expect(ScalarSearch.firstIndex(of: s("aab"), in: s("aaab")) == 1)
        #expect(ScalarSearch.firstIndex(of: s("abab"), in: s("abaabab")) == 3)
        #expect(ScalarSearch.firstIndex(of: s("其中其中"), in: s("其中其其中其中")) == 3)
    }

    @Test func fromAnOffset() {
        let hay = s("预算数，预算数，预算数")
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: 0) == 0)
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: 1) == 4)
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: 4) == 4)
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: 9) == nil)
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: 100) == nil)
        // a negative start reads as 0
        #expect(ScalarSearch.firstIndex(of: s("预算"), in: hay, from: -5) == 0)
    }

    @Test func beforeALimit() {
        let hay = s("abcabc")
        // the whole match must end at or before the limit
        #expect(ScalarSearch.firstIndex(of: s("bc"), in: hay, before: 3) == 1)
        #expect(ScalarSearch.firstIndex(of: s("bc"), in: hay, before: 2) == nil)
        #expect(ScalarSearch.firstIndex(of: s("bc"), in: hay, from: 2, before: 6) == 4)
        #expect(ScalarSearch.firstIndex(of: s("bc"), in: hay, from: 2, before: 5) == nil)
        // a limit past the end is the end
        #expect(ScalarSearch.firstIndex(of: s("bc"), in: hay, from: 2, before: 99) == 4)
    }

    @Test func astralScalarsCountOne() {
        #expect(ScalarSearch.firstIndex(of: s("说明"), in: s("𠀀𠀁说明")) == 2)
    }
}

@Suite("SourcePosition")
struct SourcePositionTests {
    @Test func orderIsLineThenColumn() {
        let a = SourcePosition(line: 3, column: 20), b = SourcePosition(line: 4, column: 1), c = SourcePosition(line: 3, column: 21)
        #expect(a < b)
        #expect(a < c)
        #expect(c < b)
        #expect(!(a < a))
        #expect([b, c, a].sorted() == [a, c, b])
        #expect(max(a, b) == b)
    }

    @Test func description() {
        #expect(SourcePosition(line: 39, column: 1).description == "39:1")
        let span = SourceSpan(start: SourcePosition(line: 1, column: 2), end: SourcePosition(line: 3, column: 4))
        #expect(span.description == "1:2-3:4")
    }

    @Test func spanOfOnePosition() {
        let p = SourcePosition(line: 5, column: 7)
        let span = SourceSpan(p)
        #expect(span.start == p && span.end == p)
    }

    @Test func unionCoversBoth() {
        let a = SourceSpan(start: SourcePosition(line: 2, column: 5), end: SourcePosition(line: 2, column: 9))
        let b = SourceSpan(start: SourcePosition(line: 1, column: 8), end: SourcePosition(line: 2, column: 6))
        let u = a.union(b)
        #expect(u.start == SourcePosition(line: 1, column: 8))
        #expect(u.end == SourcePosition(line: 2, column: 9))
        #expect(b.union(a) == u)
        // disjoint spans: the union covers the gap
        let c = SourceSpan(start: SourcePosition(line: 7, column: 1), end: SourcePosition(line: 7, column: 3))
        #expect(a.union(c) == SourceSpan(start: SourcePosition(line: 2, column: 5), end: SourcePosition(line: 7, column: 3)))
        #expect(a.union(a) == a)
    }
}

@Suite("ScalarSet")
struct ScalarSetTests {
    @Test func containsExactlyItsScalars() {
        let set: ScalarSet = ["，", ",", "；"]
        #expect(set.contains("，") && set.contains(",") && set.contains("；"))
        #expect(!set.contains(";") && !set.contains("a") && !set.contains("。"))
        let fromText = ScalarSet("。！？")
        #expect(fromText.contains("！") && !fromText.contains("!"))
        #expect(!ScalarSet("").contains("a"))
        #expect(ScalarSets.dashes.contains("－") && ScalarSets.clauseBreaks.contains("："))
    }
}
