import Foundation
import Testing
import TestSupport
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

@Suite("WordSet: built in one go or in steps")
struct WordSetBuildingTests {
    static let words = ["合计", "合计为", "共", "共计", "总额", "合计", "", "计", "额", "总计金额", "共有", "为"]

    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    @Test func stepsGiveTheSameSetAsOneGo() {
        let once = WordSet(Self.words)
        var steps = WordSet()
        for k in stride(from: 0, to: Self.words.count, by: 3) { steps.add(Array(Self.words[k..<min(k + 3, Self.words.count)])) }
        #expect(once.words == steps.words)
        #expect(once.words == ["合计", "合计为", "共", "共计", "总额", "计", "额", "总计金额", "共有", "为"])
        #expect(once.count == 10 && once.longest == 4)
        let text = scalars("本年共计支出总计金额合计为100，共有额为")
        for i in 0...text.count {
            #expect(once.prefixLength(text, at: i) == steps.prefixLength(text, at: i))
            #expect(once.suffixLength(text, endingAt: i) == steps.suffixLength(text, endingAt: i))
        }
        #expect(once.matches(in: text).map { "\($0.start)+\($0.length)" } == steps.matches(in: text).map { "\($0.start)+\($0.length)" })
        // the longest word wins at a position, and the longest word ending at one
        #expect(once.prefixLength(text, at: 2) == 2)            // 共计
        #expect(once.prefixLength(text, at: 10) == 3)           // 合计为
        #expect(once.suffixLength(text, endingAt: 10) == 4)     // 总计金额
        #expect(once.prefix(of: "合计为一百") == "合计为")
        #expect(once.suffix(of: "支出总计金额") == "总计金额")
    }

    @Test func theFilterSizedToTheWordsNeverMissesOne() {
        // sets of every size up to past the largest filter: no word's first or last scalar filtered out
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 5, 8, 40, 200, 2000] {
            let words = (0..<size).map { _ in
                String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &generator)).map { _ in
                    Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &generator))!
                }))
            }
            let set = WordSet(words)
            for word in words {
                #expect(set.mayStart(with: word.unicodeScalars.first!) && set.mayEnd(with: word.unicodeScalars.last!))
            }
            var grown = WordSet(Array(words.prefix(1)))
            grown.add(Array(words.dropFirst()))
            for word in words { #expect(grown.mayStart(with: word.unicodeScalars.first!) && grown.mayEnd(with: word.unicodeScalars.last!)) }
        }
    }

    @Test func addingToACopyLeavesTheOriginal() {
        let original = WordSet(["甲", "乙"])
        var copy = original
        copy.add(["丙", "甲"])
        copy.add([])
        #expect(original.words == ["甲", "乙"])
        // the start filter may answer yes for a scalar no word starts with; the original's answers as before
        let fresh = WordSet(["甲", "乙"])
        #expect(!original.contains("丙") && original.mayStart(with: "丙") == fresh.mayStart(with: "丙"))
        #expect(original.mayEnd(with: "丙") == fresh.mayEnd(with: "丙"))
        #expect(copy.words == ["甲", "乙", "丙"])
        #expect(copy.contains("丙") && copy.mayStart(with: "丙") && copy.mayEnd(with: "丙"))
        #expect(original.union(WordSet(["丁"])).words == ["甲", "乙", "丁"])
    }

    /// The scalar-group index (flat word order, open-addressing table by first / last scalar)
    /// answers as a scan of every word does: longest word first, ties in the order given.
    @Test func indexAgreesWithAScanOfEveryWord() {
        var rng = SplitMix(seed: 12)
        let alphabet: [Unicode.Scalar] = ["合", "计", "共", "总", "额", "a", "b", "（", "）", "年", "\u{20000}"]
        func randomWord(_ maxLength: Int) -> String {
            var s = ""
            for _ in 0..<(1 + Int(rng.next() % UInt64(maxLength))) { s.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return s
        }
        for round in 0..<60 {
            let words = (0..<(round % 17)).map { _ in randomWord(4) }
            var set = WordSet(Array(words.prefix(words.count / 2)))
            set.add(Array(words.dropFirst(words.count / 2)))
            var distinct = [String]()
            for w in words where !distinct.contains(w) { distinct.append(w) }
            #expect(set.words == distinct)
            let lists = distinct.map { Array($0.unicodeScalars) }
            for _ in 0..<20 {
                let text = Array(randomWord(12).unicodeScalars)
                for i in 0...text.count {
                    let longestAt = lists.filter { i + $0.count <= text.count && Array(text[i..<(i + $0.count)]) == $0 }.map(\.count).max() ?? 0
                    #expect(set.prefixLength(text, at: i) == longestAt)
                    let longestBefore = lists.filter { i - $0.count >= 0 && Array(text[(i - $0.count)..<i]) == $0 }.map(\.count).max() ?? 0
                    #expect(set.suffixLength(text, endingAt: i) == longestBefore)
                }
                let string = String(String.UnicodeScalarView(text))
                let prefix = distinct.filter { string.unicodeScalars.starts(with: $0.unicodeScalars) }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
                #expect(set.prefix(of: string)?.unicodeScalars.count == prefix?.unicodeScalars.count)
                let suffix = distinct.filter { string.unicodeScalars.reversed().starts(with: $0.unicodeScalars.reversed()) }.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
                #expect(set.suffix(of: string)?.unicodeScalars.count == suffix?.unicodeScalars.count)
                let occurs = lists.contains { w in text.count >= w.count && (0...(text.count - w.count)).contains { Array(text[$0..<($0 + w.count)]) == w } }
                #expect(set.occurs(in: string) == occurs)
            }
        }
    }
}


/// `occurs(in: String)` reads a native string's UTF-8 itself; it answers as the scalar view does,
/// for every width of scalar and wherever the word stands.
@Suite("WordSet: occurrence on a string's UTF-8")
struct WordSetUTF8OccurrenceTests {
    @Test func answersAsTheScalarView() {
        let set = WordSet(["预算", "é", "a", "𠀀字", "字𠀀", "€5", "\u{301}"])
        let texts = ["", "预", "预算", "全年预算数", "算预", "cafe", "café", "cafe\u{301}", "b", "ba", "𠀀", "𠀀字", "字𠀀", "𠀀𠀀字",
                     "x€5", "€", "5€", "预算€5𠀀字", "ＡＢＣ", "\u{301}", "e\u{301}x", String(repeating: "预", count: 300) + "算"]
        for text in texts {
            let byView = set.occurs(in: Substring(text))   // the generic path, on the scalar view
            #expect(set.occurs(in: text) == byView, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(set.occurs(in: "全年预算数") && !set.occurs(in: "算预") && set.occurs(in: "𠀀𠀀字") && !set.occurs(in: "5€"))
        // a bridged or shared string without contiguous UTF-8 takes the scalar view
        let fromFoundation = String(NSString(string: "全年预算数"))
        #expect(set.occurs(in: fromFoundation))
    }

    @Test func randomTextsAgree() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = ["预", "算", "a", "b", "é", "e", "\u{301}", "𠀀", "字", "€", "5", "，"]
        let set = WordSet(["预算", "ab", "e\u{301}", "𠀀字", "€5", "，a"])
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { text.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            #expect(set.occurs(in: text) == set.occurs(in: Substring(text)), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
