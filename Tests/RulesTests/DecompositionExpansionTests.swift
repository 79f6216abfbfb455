import Testing
@testable import JXRules

/// `Lexicon.expand`: a part written as its own decomposition's parts gives a decomposition of the
/// whole too; cycles and repeated parts in a bureau's lexicon end.
@Suite("Decomposition expansion")
struct DecompositionExpansionTests {
    typealias D = Lexicon.Decomposition

    @Test func aPartIsWrittenAsItsOwnParts() {
        let expanded = Lexicon.expand([D(whole: "total", parts: ["basic", "project"], optional: ["govinvest"]),
                                       D(whole: "basic", parts: ["personnel", "public"])])
        #expect(expanded.contains(D(whole: "total", parts: ["personnel", "public", "project"], optional: ["govinvest"])))
        #expect(expanded.count == 3)
    }

    @Test func nestedTwice() {
        let expanded = Lexicon.expand([D(whole: "a", parts: ["b", "c"]), D(whole: "b", parts: ["d", "e"]), D(whole: "d", parts: ["f", "g"])])
        #expect(expanded.contains(D(whole: "a", parts: ["f", "g", "e", "c"])))
        #expect(expanded.contains(D(whole: "b", parts: ["f", "g", "e"])))
    }

    @Test func cyclesAndRepeatsEnd() {
        let expanded = Lexicon.expand([D(whole: "a", parts: ["b", "c"]), D(whole: "b", parts: ["a", "c"])])
        // b → a, c would repeat c: no such decomposition; and the rounds are bounded
        #expect(expanded.allSatisfy { Set($0.parts).count == $0.parts.count })
        #expect(expanded.count < 20)
    }

    @Test func theEmbeddedLexiconCoversPersonnelPublicAndProject() throws {
        let lexicon = try RuleSet.embedded().lexicon
        #expect(lexicon.expandedDecompositions.contains { $0.whole == "total" && Set($0.parts) == ["personnel", "public", "project"] })
    }
}
