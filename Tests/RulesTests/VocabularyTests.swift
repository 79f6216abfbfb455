import Testing
import JXCore
@testable import JXRules

@Suite("Vocabulary: the genre's words as data")
struct VocabularyTests {
    static func complete(except skipped: Vocabulary.Class? = nil, extra: String = "") -> String {
        Vocabulary.Class.allCases.filter { $0 != skipped }.map { "\($0.rawValue) = [\"词\"]" }.joined(separator: "\n") + "\n" + extra
    }

    @Test func theEmbeddedVocabularyDefinesEveryClass() throws {
        guard let file = EmbeddedRules.files.first(where: { $0.name == "vocabulary.toml" }) else {
            Issue.record("rules/vocabulary.toml is not embedded")
            return
        }
        let vocabulary = try Vocabulary.load(file.text, file: "rules/vocabulary.toml")
        for c in Vocabulary.Class.allCases {
            #expect(!vocabulary[c].isEmpty, "class \(c.rawValue) is empty")
            #expect(!c.doc.isEmpty)
        }
        #expect(Vocabulary.embedded[.totalMarkers].contains("合计"))
    }

    @Test func aClassIndexIsItsDeclarationIndex() {
        // the vocabulary stores its sets by this index: two classes must never share one
        for (i, c) in Vocabulary.Class.allCases.enumerated() { #expect(c.index == i, "\(c.rawValue)") }
        #expect(MemoryLayout<Vocabulary.Class>.size == 1)
    }

    @Test func eachClassKeepsItsOwnWordsAndAnExtensionAddsToOneClass() throws {
        let base = try Vocabulary.load(Self.complete(), file: "v.toml")
        let extra = try Vocabulary.load("total_markers = [\"总计\"]", file: "x.toml", complete: false)
        let both = base.extended(with: extra)
        #expect(both[.totalMarkers].words == ["词", "总计"])
        #expect(both[.shareMarkers].words == ["词"])
        #expect(extra[.shareMarkers].isEmpty)
    }

    @Test func aMisspeltClassIsRefusedWithItsPositionAndASuggestion() {
        let text = Self.complete(extra: "total_markerz = [\"合计\"]\n")
        do {
            _ = try Vocabulary.load(text, file: "v.toml")
            Issue.record("a misspelt class loaded")
        } catch {
            #expect(error.file == "v.toml")
            #expect(error.line == Vocabulary.Class.allCases.count + 1)
            #expect(error.column == 1)
            #expect(error.message.contains("total_markerz"))
            #expect(error.message.contains("did you mean 'total_markers'"))
        }
    }

    @Test func aMissingClassIsAnErrorInACompleteFileButNotInAnExtension() throws {
        #expect(throws: TOMLError.self) { try Vocabulary.load(Self.complete(except: .priorYearWords), file: "v.toml") }
        let partial = try Vocabulary.load("prior_year_words = [\"前年同期\"]\n", file: "extra.toml", complete: false)
        #expect(partial[.priorYearWords].words == ["前年同期"])
        #expect(partial[.totalMarkers].isEmpty)
    }

    @Test func anEmptyWordOrANonListIsRefused() {
        #expect(throws: TOMLError.self) { try Vocabulary.load("total_markers = [\"\"]\n", file: "v.toml", complete: false) }
        #expect(throws: TOMLError.self) { try Vocabulary.load("total_markers = \"合计\"\n", file: "v.toml", complete: false) }
    }

    @Test func anExtensionAddsWordsToTheDefaults() throws {
        let extra = try Vocabulary.load("total_markers = [\"总盘子\"]\n", file: "extra.toml", complete: false)
        let merged = Vocabulary.embedded.extended(with: extra)
        #expect(merged[.totalMarkers].contains("总盘子"))
        #expect(merged[.totalMarkers].contains("合计"))
        #expect(merged[.increaseWords] == Vocabulary.embedded[.increaseWords])
    }
}
