import Testing
import JXCore
@testable import JXRules

private let embedded: Lexicon = try! LexiconLoader.embedded()

@Suite("Lexicon: the embedded lexicon")
struct EmbeddedLexiconTests {
    @Test func measureOfAnItem() {
        let r = embedded.resolve("基本支出预算数")
        #expect(r.measure == "budget")
        #expect(r.item == "basic")
        #expect(r.rate == nil)
        #expect(r.scope == "")
        #expect(r.explicitMeasure)
        #expect(embedded.resolve("项目支出执行数").measure == "spend")
        #expect(embedded.resolve("项目支出执行数").item == "project")
        #expect(embedded.resolve("“三公”经费支出").item == "three")
    }

    /// A clause describing what the label names ("开展业务活动的") is no subject of its own; words
    /// before a label with no item or measure to describe stay its scope.
    @Test func aDescribingClauseIsNoScope() {
        let r = embedded.resolve("开展业务活动的公务用车购置及运行费决算支出")
        #expect(r.item == "vehicle")
        #expect(r.measure == "spend")
        #expect(r.scope == "")
        #expect(embedded.resolve("村集体的公务用车购置及运行费").scope == "")
        #expect(embedded.resolve("某某的").scope == "某某的")
        #expect(embedded.resolve("九山河一期治理工程监理费").scope != "")
    }

    /// "2023年末", "2023年底": the year took the 年 of the modifier 年末 / 年底, and its rest is no scope.
    @Test func aYearsEndIsNoScope() {
        for label in ["2023年末结余", "2023年底结转", "2022年末结转和结余"] {
            let r = embedded.resolve(label)
            #expect(r.measure == "carryover", "\(label)")
            #expect(r.item == "total", "\(label)")
            #expect(r.scope == "", "\(label)")
        }
        #expect(embedded.resolve("2023年初预算数").qualifier == "initial")
        #expect(embedded.resolve("末结余").scope == "末")
    }

    @Test func aBareMeasureIsTheTotal() {
        let r = embedded.resolve("全年预算数")
        #expect(r.measure == "budget")
        #expect(r.item == "total")
        #expect(r.scope == "")
        // modifiers (全年, 本部门) name no scope
        #expect(embedded.resolve("本部门全年支出").item == "total")
        #expect(embedded.resolve("本部门全年支出").measure == "spend")
    }

    @Test func qualifiers() {
        #expect(embedded.resolve("年初预算数").qualifier == "initial")
        #expect(embedded.resolve("调整后预算数").qualifier == "adjusted")
        #expect(embedded.resolve("调整后预算数").measure == "budget")
        #expect(embedded.resolve("全年预算数").qualifier == nil)
    }

    @Test func rates() {
        let r = embedded.resolve("预算执行率")
        #expect(r.rate == "execution")
        #expect(r.measure == nil)
        #expect(r.item == "total")
        #expect(embedded.resolve("结转结余率").rate == "carryover")
    }

    @Test func anItemWithoutAMeasure() {
        // the default measure is applied by the extractor, not by the lexicon
        let r = embedded.resolve("人员经费支出")
        #expect(r.item == "personnel")
        #expect(r.measure == nil)
        #expect(!r.explicitMeasure)
        #expect(embedded.item("basic")?.defaultMeasure != nil)
    }

    @Test func wordsNoEntryExplainsAreTheScope() {
        // 公用经费综合定额 is not 公用经费
        let r = embedded.resolve("公用经费综合定额")
        #expect(r.item == "public")
        #expect(r.scope == "综合定额")
        #expect(embedded.resolve("培训费预算数").scope == "培训费")
        #expect(embedded.resolve("培训费预算数").item == nil)
    }

    @Test func readableNames() {
        #expect(embedded.name(measure: "budget", item: "basic") == "基本支出预算数")
        #expect(embedded.name(measure: "budget", item: "total") == "预算数")
        #expect(embedded.name(measure: nil, item: nil, rate: "execution") == "预算执行率")
    }
}

@Suite("Lexicon: loading")
struct LexiconLoaderTests {
    static let small = """
        [[measure]]
        id = "budget"
        name = "预算数"
        phrases = ["预算数", "预算"]

        [[measure]]
        id = "budget"
        name = "年初预算数"
        qualifier = "initial"
        priority = 1
        phrases = ["年初预算数"]

        [[item]]
        id = "basic"
        name = "基本支出"
        default_measure = "budget"
        phrases = ["基本支出"]

        [[rate]]
        id = "execution"
        name = "执行率"
        phrases = ["执行率"]

        [[decomposition]]
        whole = "total"
        parts = ["basic"]

        [words]
        modifiers = ["全年"]
        fillers = ["为"]
        """

    @Test func aSmallLexiconResolves() throws {
        let lexicon = try LexiconLoader.load(Self.small, file: "rules/lexicon.toml")
        #expect(lexicon.measures.count == 2)
        #expect(lexicon.items.map(\.id) == ["basic"])
        #expect(lexicon.decompositions == [Lexicon.Decomposition(whole: "total", parts: ["basic"])])
        let r = lexicon.resolve("全年基本支出预算数为")
        #expect(r.measure == "budget" && r.item == "basic" && r.scope == "")
        // the longer phrase wins: 年初预算数, not 预算数
        #expect(lexicon.resolve("年初预算数").qualifier == "initial")
        #expect(lexicon.resolve("执行率").rate == "execution")
        #expect(lexicon.resolve("培训费").scope == "培训费")
        #expect(lexicon.resolve("培训费").item == nil)
    }

    /// The error of a lexicon that must not load.
    func loadError(_ text: String) -> TOMLError? {
        do {
            _ = try LexiconLoader.load(text, file: "rules/lexicon.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsNameTheFileLineAndColumn() throws {
        let unknownKey = try #require(loadError("[[measure]]\nid = \"budget\"\nphrase = [\"预算\"]\n"))
        #expect(unknownKey.file == "rules/lexicon.toml")
        #expect(unknownKey.line == 3)
        #expect(unknownKey.description.hasPrefix("rules/lexicon.toml:3:"))

        let empty = try #require(loadError("[[item]]\nid = \"basic\"\nphrases = []\n"))
        #expect(empty.message.contains("'phrases' of 'basic' is empty"))

        let decomposition = try #require(loadError("[[item]]\nid = \"basic\"\nphrases = [\"基本支出\"]\n[[decomposition]]\nwhole = \"total\"\nparts = [\"basic\", \"nosuch\"]\n"))
        #expect(decomposition.line == 6)
        #expect(decomposition.message.contains("unknown item 'nosuch'"))

        let measure = try #require(loadError("[[item]]\nid = \"basic\"\ndefault_measure = \"nosuch\"\nphrases = [\"基本支出\"]\n"))
        #expect(measure.message.contains("unknown default_measure 'nosuch'"))

        let topLevel = try #require(loadError("[measures]\n"))
        #expect(topLevel.line == 1)

        let oneWord = try #require(loadError("[[decomposition]]\nwords = [\"中央\"]\n"))
        #expect(oneWord.message.contains("'words' of a decomposition needs two or more words"))
        let wordsAndParts = try #require(loadError("[[decomposition]]\nwords = [\"中央\", \"地方\"]\nparts = [\"total\"]\n"))
        #expect(wordsAndParts.message.contains("no 'whole' or 'parts'"))
    }

    /// `counted_within` chains: the satisfied questionnaires are some of the valid ones, and so of those
    /// returned; nothing is counted within what is counted within it. An unknown item does not load,
    /// and an extension adds to an item's chain.
    @Test func itemsCountedWithinOthers() throws {
        let text = """
        [[item]]
        id = "returned"
        phrases = ["回收"]
        [[item]]
        id = "valid"
        counted_within = ["returned"]
        phrases = ["有效问卷"]
        [[item]]
        id = "satisfied"
        counted_within = ["valid"]
        phrases = ["满意"]
        """
        let lexicon = try LexiconLoader.load(text, file: "rules/lexicon.toml")
        #expect(lexicon.item("satisfied", isCountedWithin: "valid"))
        #expect(lexicon.item("satisfied", isCountedWithin: "returned"))
        #expect(!lexicon.item("returned", isCountedWithin: "satisfied"))
        #expect(!lexicon.item("valid", isCountedWithin: "valid"))
        let unknown = try #require(loadError("[[item]]\nid = \"valid\"\ncounted_within = [\"nosuch\"]\nphrases = [\"有效问卷\"]\n"))
        #expect(unknown.message.contains("unknown item 'nosuch' in counted_within"))
        let extended = try LexiconLoader.extend(lexicon, with: "[[item]]\nid = \"issued\"\nphrases = [\"发放\"]\n[[item]]\nid = \"returned\"\ncounted_within = [\"issued\"]\nphrases = [\"收回\"]\n", file: "extra.toml")
        #expect(extended.item("satisfied", isCountedWithin: "issued"))
        #expect(embedded.item("survey.satisfied", isCountedWithin: "survey.issued"))
    }

    /// A split by name and a decomposition of any whole load as such, in a file and in an extension.
    @Test func wordSplitsAndAnyWholeDecompositions() throws {
        let text = """
        [[item]]
        id = "tax"
        phrases = ["税收收入"]
        [[item]]
        id = "nontax"
        phrases = ["非税收入"]
        [[decomposition]]
        whole = "total"
        parts = ["tax", "nontax"]
        any_whole = true
        [[decomposition]]
        words = ["一般性转移支付", "专项转移支付"]
        optional = ["返还性"]
        """
        let lexicon = try LexiconLoader.load(text, file: "rules/lexicon.toml")
        #expect(lexicon.decompositions.count == 2)
        #expect(lexicon.decompositions[0].anyWhole && lexicon.decompositions[0].words.isEmpty)
        #expect(lexicon.decompositions[1].words == ["一般性转移支付", "专项转移支付"] && lexicon.decompositions[1].optional == ["返还性"])
        #expect(lexicon.decompositions[1].parts.isEmpty)
        let extended = try LexiconLoader.extend(lexicon, with: "[[decomposition]]\nwords = [\"上级\", \"本级\"]\n", file: "extra/lexicon.toml")
        #expect(extended.decompositions.map(\.words) == [[], ["一般性转移支付", "专项转移支付"], ["上级", "本级"]])
    }
}
