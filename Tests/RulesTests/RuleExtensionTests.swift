import Foundation
import Testing
import JXCore
@testable import JXRules

/// `--rules-extra DIR`: a folder of one's own that adds to the default rule set without copying it.
@Suite("Rule set extensions")
struct RuleExtensionTests {
    static let base = try! RuleSet.embedded()

    static func extended(_ files: [(String, String)]) throws -> RuleSet {
        try base.extended(files: files.map { (path: "extra/" + $0.0, text: $0.1) })
    }

    @Test func aVocabularyFileAddsWordsToItsClasses() throws {
        let set = try Self.extended([("vocabulary.toml", "previous_year = [\"上一财年\"]\ntotal_markers = [\"统共\"]\n")])
        #expect(set.lexicon.vocabulary[.previousYear].contains("上一财年"))
        #expect(set.lexicon.vocabulary[.previousYear].contains("上年"))
        #expect(set.lexicon.vocabulary[.totalMarkers].contains("统共"))
        #expect(set.lexicon.vocabulary[.increaseWords] == Self.base.lexicon.vocabulary[.increaseWords])
        // the lexicon reads the new year word as a date, not as part of the name
        #expect(set.lexicon.resolve("上一财年基本支出").scope == "")
        #expect(Self.base.lexicon.resolve("上一财年基本支出").scope != "")
        // a misspelt class is refused
        #expect(throws: TOMLError.self) { try Self.extended([("vocabulary.toml", "previous_yaer = [\"上一财年\"]\n")]) }
    }

    @Test func aLexiconFileAddsPhrasesToConceptsOrNewConcepts() throws {
        let text = """
            [[item]]
            id = "basic"
            phrases = ["保运转支出"]

            [[item]]
            id = "training"
            name = "培训费"
            phrases = ["培训费", "培训经费"]
            default_measure = "spend"

            [words]
            modifiers = ["本系统"]
            """
        #expect(Self.base.lexicon.resolve("保运转支出").item != "basic")
        let set = try Self.extended([("lexicon.toml", text)])
        #expect(set.lexicon.resolve("保运转支出").item == "basic")
        #expect(set.lexicon.item("basic")?.name == Self.base.lexicon.item("basic")?.name)
        #expect(set.lexicon.item("basic")?.phrases.count == (Self.base.lexicon.item("basic")?.phrases.count ?? 0) + 1)
        #expect(set.lexicon.resolve("培训经费").item == "training")
        #expect(set.lexicon.item("training")?.defaultMeasure == "spend")
        #expect(set.lexicon.modifiers.contains("本系统"))
        #expect(set.lexicon.vocabulary[.totalMarkers] == Self.base.lexicon.vocabulary[.totalMarkers])
        let bad = "[[item]]\nid = \"x\"\nphrases = [\"某\"]\ndefault_measure = \"spending\"\n"
        #expect(throws: TOMLError.self) { try Self.extended([("lexicon.toml", bad)]) }
    }

    static let ownRule = """
        [[rule]]
        id = "rate.training-share"
        category = "rate"
        severity = "warning"
        kind = "formula"
        message = "{label}与培训费、基本支出不符"
        formula = "rate.share == spend.training / spend.basic * 100"
        frames = ["sentence"]
        pass = ["x"]
        fail = ["y"]
        """

    @Test func ruleFilesAddRulesAndReplaceThoseWithTheSameID() throws {
        let replaced = """
            [[rule]]
            id = "score.grade"
            category = "score"
            severity = "error"
            kind = "score"
            check = "grade"
            excellent = 85
            message = "等级与得分不符（本地标准）"
            grade_markers = ["等级为"]
            excellent_names = ["优秀"]
            pass = ["x"]
            fail = ["y"]
            """
        let set = try Self.extended([("mine.toml", Self.ownRule + "\n" + replaced)])
        #expect(set.rules.count == Self.base.rules.count + 1)
        #expect(set.rules.last?.id == "rate.training-share")
        // replaced in place: the rule keeps its place in the order rules run
        let k = try #require(Self.base.rules.firstIndex { $0.id == "score.grade" })
        #expect(set.rules[k].id == "score.grade")
        #expect(set.rules[k][.excellent] == 85)
        #expect(set.rules[k].severity == .error)
        #expect(set.rules[k].file == "extra/mine.toml")
        // twice the same id within the extension is an error
        #expect(throws: TOMLError.self) { try Self.extended([("a.toml", Self.ownRule), ("b.toml", Self.ownRule)]) }
        // a misspelt key in an extension rule stops the run like one in the defaults
        #expect(throws: TOMLError.self) { try Self.extended([("a.toml", Self.ownRule.replacingOccurrences(of: "frames", with: "frame"))]) }
    }

    @Test func anEvidenceFileRewordsTemplatesForEveryRule() throws {
        let set = try Self.extended([("evidence.toml", "[formula]\nmismatch = \"{computation} 得 {computed}，而报告写 {stated}（相差 {difference}）\"\n")])
        for rule in set.rules where rule.kind == .formula {
            #expect(rule.evidence(.formulaMismatch, [.computation: "1 + 2", .computed: "3", .stated: "4", .difference: "1 万元"])
                    == "1 + 2 得 3，而报告写 4（相差 1 万元）")
            #expect(rule.evidence["both_sides"] == Self.base.evidence.templates(for: .formula)["both_sides"])
        }
    }

    @Test func aTablesFileAddsColumnRules() throws {
        let set = try Self.extended([("tables.toml", "[[column]]\nrole = \"weight\"\nwords = [\"标准分值\", \"权数\"]\n")])
        #expect(set.lexicon.tables.header("指标权数", is: .weight))
        #expect(!Self.base.lexicon.tables.header("指标权数", is: .weight))
    }

    @Test func aFolderOnDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-extra-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sum_words = [\"总共\"]\n".write(toFile: dir + "/vocabulary.toml", atomically: true, encoding: .utf8)
        try Self.ownRule.write(toFile: dir + "/mine.toml", atomically: true, encoding: .utf8)
        let set = try Self.base.extended(with: dir)
        #expect(set.lexicon.vocabulary[.sumWords].contains("总共"))
        #expect(set.rule("rate.training-share") != nil)
        #expect(throws: TOMLError.self) { try Self.base.extended(with: dir + "/missing") }
    }
}
