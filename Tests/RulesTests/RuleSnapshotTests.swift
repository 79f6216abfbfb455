import Foundation
import Testing
import JXCore
import JXTOML
@testable import JXRules

/// The default rule files are parsed at build time and read back from their snapshots at run
/// time: what reads back must be what the parser makes of the text, and the rule set built from it
/// the one built from the parsed text.
@Suite("Rule snapshots: the default rules parsed at build time")
struct RuleSnapshotTests {
    static func roundTrip(_ text: String) throws -> (parsed: TOMLTable, read: TOMLTable) {
        let parsed = try TOML.parse(text, file: "t.toml")
        let snapshot = TOMLSnapshot.encode(parsed)
        let read = try Array(snapshot.utf8).withUnsafeBufferPointer { bytes throws(TOMLError) in
            try TOMLSnapshot.decode(bytes, file: "t.toml")
        }
        return (parsed, read)
    }

    @Test func everyDefaultFileHasASnapshotEqualToWhatTheParserMakesOfIt() throws {
        #expect(EmbeddedRules.files.count >= 10)
        for file in EmbeddedRules.files {
            let snapshot = try #require(EmbeddedRules.snapshot(file.name), "no snapshot of \(file.name)")
            let read = try TOMLSnapshot.decode(snapshot, strings: EmbeddedRules.snapshotStrings(file.name), file: "rules/" + file.name)
            let parsed = try TOML.parse(file.text, file: "rules/" + file.name)
            #expect(read == parsed, "the snapshot of \(file.name) differs from its parse")
            #expect(read.keys == parsed.keys)
        }
    }

    /// The body and strings of `encodeSplit` read back as the whole snapshot does.
    @Test func aSplitSnapshotReadsBackAsTheWholeOne() throws {
        for file in EmbeddedRules.files {
            let parsed = try TOML.parse(file.text, file: "rules/" + file.name)
            let (strings, body) = TOMLSnapshot.encodeSplit(parsed)
            #expect(strings == EmbeddedRules.snapshotStrings(file.name))
            #expect(strings.map { Array($0.utf8) } == EmbeddedRules.snapshotStrings(file.name).map { Array($0.utf8) })
            let read = try Array(body.utf8).withUnsafeBufferPointer { bytes throws(TOMLError) in
                try TOMLSnapshot.decode(bytes, strings: strings, file: "rules/" + file.name)
            }
            #expect(read == parsed)
            #expect(try Self.roundTrip(file.text).read == parsed)
        }
    }

    /// Integers of every length read back: up to 18 digits unchecked, more checked for overflow.
    @Test func integersOfEveryLengthReadBack() throws {
        let values: [Int64] = [0, 7, -1, 123_456_789_012_345_678, 999_999_999_999_999_999, -999_999_999_999_999_999,
                               1_000_000_000_000_000_000, -1_000_000_000_000_000_000, Int64.max, Int64.min, Int64.min + 1]
        let text = values.enumerated().map { "k\($0.offset) = \($0.element)" }.joined(separator: "\n") + "\n"
        let (parsed, read) = try Self.roundTrip(text)
        #expect(read == parsed)
        for (k, v) in values.enumerated() { #expect(read["k\(k)"]?.value == .integer(v), "\(v)") }
        // a position or an index too large for an Int does not read: the snapshot is refused
        func decodes(keyLine: String) -> TOMLTable? {
            Array("S0;P1;0;T1,1,0,1;0,\(keyLine),1,i1,1,5;".utf8).withUnsafeBufferPointer { bytes in
                try? TOMLSnapshot.decode(bytes, strings: ["k"], file: "t.toml")
            }
        }
        #expect(decodes(keyLine: "2")?["k"]?.value == .integer(5))
        #expect(decodes(keyLine: "99999999999999999999") == nil)
    }

    @Test func everyKindOfValueReadsBackEqual() throws {
        let text = #"""
        # a comment
        title = "基本支出 \"引号\" \\ \t tab \u00E9"
        empty = ""
        literal = 'C:\path\{x}'
        multi = """
        第一行
          第二行\
            接上"""
        multi_literal = '''
        原样 \n 保留'''
        zero = 0
        negative = -17
        big = 9_223_372_036_854_775_807
        small = -9223372036854775808
        hex = 0xFF
        ratio = 0.005
        negative_ratio = -1.50
        signed_zero = -0.0
        yes = true
        no = false
        nested = [[1, 2], ["a", ["b"]], [], [{ k = 1 }]]
        mixed = [1, "二", 3.25, false]
        inline = { a = 1, b.c = "深", d = { e = [] } }
        "quoted key" = 1
        "" = "empty key"
        "键" = "值"
        dotted.key.here = 3

        [table]
        x = 1

        [table.sub]
        y = "子"

        [[rule]]
        id = "sum.a"
        messages.short = "短"

        [[rule]]
        id = "sum.b"

        [rule.example]
        pass = ["甲", "乙"]

        [empty_table]
        """#
        let (parsed, read) = try Self.roundTrip(text)
        #expect(read == parsed)
        // canonically equivalent strings stay distinct: é precomposed and decomposed
        let (parsedForms, readForms) = try Self.roundTrip(#"a = "\u00E9""# + "\n" + #"b = "e\u0301""# + "\n")
        #expect(readForms == parsedForms)
        #expect(readForms["b"].map { node -> Bool in if case .string(let s) = node.value { return Array(s.unicodeScalars) == ["e", "\u{301}"] } else { return false } } == true)
        // the index by key works on what reads back
        #expect(read["multi"]?.value == .string("第一行\n  第二行接上"))
        #expect(read["small"]?.value == .integer(Int64.min))
        #expect(try read.tables("rule", file: "t.toml")?.count == 2)
        #expect(read["table"].flatMap { try? $0.table(file: "t.toml") }?["sub"] != nil)
        if case .decimal(let d, let literal)? = read["negative_ratio"]?.value {
            #expect(d == Decimal(string: "-1.5"))
            #expect(literal == "-1.50")
        } else {
            Issue.record("negative_ratio is not a decimal")
        }
    }

    @Test func anEmptyFileReadsBackEqual() throws {
        let (parsed, read) = try Self.roundTrip("")
        #expect(read == parsed)
        let (parsed2, read2) = try Self.roundTrip("# only a comment\n\n")
        #expect(read2 == parsed2)
    }

    @Test func aBrokenSnapshotIsAnErrorNotACrash() throws {
        let good = TOMLSnapshot.encode(try TOML.parse("a = [1, \"x\"]\n[t]\nb = true\n", file: "t.toml"))
        let bytes = Array(good.utf8)
        // every truncation, and a stray byte at the end, is refused
        for cut in [0, 1, 2, bytes.count / 2, bytes.count - 1] {
            let prefix = Array(bytes[..<cut])
            #expect(throws: TOMLError.self) {
                try prefix.withUnsafeBufferPointer { b throws(TOMLError) in _ = try TOMLSnapshot.decode(b, file: "t.toml") }
            }
        }
        let longer = bytes + [UInt8(ascii: "x")]
        #expect(throws: TOMLError.self) {
            try longer.withUnsafeBufferPointer { b throws(TOMLError) in _ = try TOMLSnapshot.decode(b, file: "t.toml") }
        }
        // a string length running past the end, a string index beyond the table
        let runaway = Array("S1;99:a".utf8)
        let beyond = Array("S1;1:aP1;0;T1,1,0,1;1,1,1,s1,1,5;".utf8)
        #expect(throws: TOMLError.self) {
            try beyond.withUnsafeBufferPointer { b throws(TOMLError) in _ = try TOMLSnapshot.decode(b, file: "t.toml") }
        }
        #expect(throws: TOMLError.self) {
            try runaway.withUnsafeBufferPointer { b throws(TOMLError) in _ = try TOMLSnapshot.decode(b, file: "t.toml") }
        }
    }

    @Test func onlyTheTextOfADefaultFileUnderItsNameReadsFromTheSnapshot() throws {
        let sum = try #require(EmbeddedRules.files.first { $0.name == "sum.toml" })
        #expect(RuleFiles.snapshot(of: sum.text, file: "rules/sum.toml") != nil)
        #expect(RuleFiles.snapshot(of: sum.text, file: "/some/copy/of/rules/sum.toml") != nil)
        #expect(RuleFiles.snapshot(of: sum.text, file: "sum.toml") != nil)
        #expect(RuleFiles.snapshot(of: sum.text + "\n", file: "rules/sum.toml") == nil)
        #expect(RuleFiles.snapshot(of: sum.text, file: "rules/rate.toml") == nil)
        #expect(RuleFiles.snapshot(of: sum.text, file: "rules/mine.toml") == nil)
        #expect(RuleFiles.lastComponent("a/b/c.toml") == "c.toml")
        #expect(RuleFiles.lastComponent("c.toml") == "c.toml")
    }

    @Test func anEditedCopyIsParsedAndReportsItsErrorsAsBefore() throws {
        let sum = try #require(EmbeddedRules.files.first { $0.name == "sum.toml" })
        // a broken line at the end: the file is parsed, and the parser's error comes out
        let broken = sum.text + "\n[[rule]\n"
        var parserError: TOMLError?
        do { _ = try TOML.parse(broken, file: "mine/sum.toml") } catch { parserError = error }
        #expect(parserError != nil)
        do {
            _ = try RuleLoader.load(broken, file: "mine/sum.toml")
            Issue.record("a broken copy loaded")
        } catch {
            #expect(error == parserError)
        }
    }

    /// Everything a rule set holds, written out: two rule sets with equal descriptions behave alike.
    static func describe(_ set: RuleSet) -> [String] {
        var out = [String]()
        for rule in set.rules {
            func pairs(_ d: [String: String]) -> String {
                d.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
            }
            var parts: [String] = [rule.id, rule.category.rawValue, rule.severity.rawValue, rule.info.title, rule.info.explanation]
            parts += [rule.kind.rawValue, rule.check ?? "-", rule.message]
            parts += [pairs(rule.messages), pairs(rule.ownEvidence), pairs(rule.evidence)]
            parts.append(rule.formula?.description ?? "-")
            parts.append(rule.frames.map(\.rawValue).joined(separator: ","))
            parts.append(rule.absent.map(\.description).joined(separator: ","))
            let parameters: [String] = rule.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.shown)" }
            parts.append(parameters.joined(separator: "|"))
            let examples: [String] = rule.examples.map { "\($0.fails) \($0.position) \($0.marks) \($0.text)" }
            parts.append(examples.joined(separator: "|"))
            parts += ["\(rule.enabled)", rule.file, "\(rule.position)"]
            out.append(parts.joined(separator: " ¦ "))
        }
        let lexicon = set.lexicon
        for entry in lexicon.measures + lexicon.items + lexicon.rates {
            out.append("\(entry.id) \(entry.name) \(entry.phrases) \(entry.defaultMeasure ?? "-") \(entry.qualifier ?? "-") \(entry.priority) \(entry.partOf)")
        }
        out.append(lexicon.decompositions.map { "\($0.whole)=\($0.parts) opt \($0.optional)" }.joined(separator: "|"))
        out.append("modifiers \(lexicon.modifiers) fillers \(lexicon.fillers) neutral \(lexicon.neutral)")
        out.append("qualifiers \(lexicon.qualifiers.sorted { $0.key < $1.key })")
        out.append("phrases \(lexicon.phraseIndex.map { "\(String(String.UnicodeScalarView($0.text)))/\($0.kind)/\($0.entry)/\($0.priority)" })")
        out.append("removable \(lexicon.removableWords.map { String(String.UnicodeScalarView($0)) })")
        for column in lexicon.tables.columns {
            out.append("column \(column.role) \(column.words) \(column.suffixes) \(column.except)")
        }
        for type in lexicon.tables.types { out.append("type \(type.id) \(type.name) \(type.requires)") }
        for c in Vocabulary.Class.allCases { out.append("\(c.rawValue) \(lexicon.vocabulary[c].words)") }
        for kind in RuleKind.allCases {
            out.append("evidence \(kind) \(set.evidence.templates(for: kind).sorted { $0.key < $1.key })")
        }
        return out
    }

    @Test func theEmbeddedRuleSetIsTheOneParsedFromTheTexts() throws {
        let embedded = try RuleSet.embedded()
        // a comment added at the end makes every text differ from the default one: all are parsed
        let parsed = try RuleSet.load(files: EmbeddedRules.files.map { ("rules/" + $0.name, $0.text + "\n# parsed\n") })
        #expect(RuleFiles.snapshot(of: EmbeddedRules.files[0].text + "\n# parsed\n", file: "rules/" + EmbeddedRules.files[0].name) == nil)
        let a = Self.describe(embedded)
        let b = Self.describe(parsed)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y { Issue.record("differs:\n\(x)\n\(y)") }
        #expect(embedded.rules.count > 50)
        // and labels resolve alike
        for label in ["一般公共预算财政拨款收入", "年初预算数", "基本支出", "项目支出执行率", "本部门全年支出合计"] {
            #expect(embedded.lexicon.resolve(label) == parsed.lexicon.resolve(label))
        }
    }

    @Test func aRulesFolderHoldingCopiesOfTheDefaultsLoadsTheDefaults() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-snapshot-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in EmbeddedRules.files {
            try file.text.write(to: dir.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        let copied = try RuleSet.load(directory: dir.path)
        let embedded = try RuleSet.embedded()
        // the same but for the files' paths
        let a = Self.describe(copied).map { $0.replacingOccurrences(of: dir.path + "/", with: "rules/") }
        #expect(a == Self.describe(embedded))
    }
}

@Suite("Rule loading: shortcuts that change nothing")
struct RuleLoadingShortcutTests {
    @Test func aTextWithoutMarksIsItsOwnUnmarkedText() throws {
        // ⟨ ⟩ (U+27E8/9) and — share the first UTF-8 bytes of ⟦ ⟧ but are no marks
        for text in ["", "预算执行率98.70%", "⟨注⟩一—二", "a\u{27E8}b", "\u{E2}"] {
            let (plain, marks) = try #require(RuleExample.unmark(text))
            #expect(plain == text)
            #expect(marks.isEmpty)
        }
        let (plain, marks) = try #require(RuleExample.unmark("全年\n预算⟦98.70%⟧。"))
        #expect(plain == "全年\n预算98.70%。")
        #expect(marks == [SourceSpan(start: SourcePosition(line: 2, column: 3), end: SourcePosition(line: 2, column: 8))])
        #expect(RuleExample.unmark("⟦98.70%") == nil)
        #expect(RuleExample.unmark("98.70%⟧") == nil)
        #expect(RuleExample.unmark("⟦⟧") == nil)
    }

    @Test func placeholdersOfATemplate() {
        #expect(Templates.placeholders(in: "无占位符").isEmpty)
        #expect(Templates.placeholders(in: "{label}为{stated}，{Not}{}").map(\.name) == ["label", "stated"])
        #expect(Templates.placeholders(in: "{label}为{stated}").map(\.offset) == [0, 8])
    }

    @Test func anUnknownPlaceholderIsStillNamedWithTheClosestSlot() {
        let text = """
        [[rule]]
        id = "sum.x"
        category = "sum"
        severity = "error"
        kind = "formula"
        formula = "$m.total == $m.basic + $m.project"
        frames = ["sentence"]
        message = "{lable}不等于各部分之和"
        pass = ["甲"]
        fail = ["乙"]
        """
        do {
            _ = try RuleLoader.load(text, file: "x.toml")
            Issue.record("an unknown placeholder loaded")
        } catch {
            #expect(error.line == 8)
            #expect(error.message.hasPrefix("unknown placeholder '{lable}' in message (did you mean '{label}'?)"))
        }
    }

    @Test func aLexiconMadeWithItsNeutralPhrasesIsOneGivenThemAfterwards() throws {
        let entries = [Lexicon.Entry(id: "budget", name: "预算", phrases: ["预算", "预算数"])]
        let items = [Lexicon.Entry(id: "basic", name: "基本支出", phrases: ["基本支出"])]
        var later = Lexicon(measures: entries, items: items, modifiers: ["全年", "本", "本部门"], fillers: ["为", "达到"])
        later.neutral = ["一般公共预算财政拨款"]
        let once = Lexicon(measures: entries, items: items, rates: [], decompositions: [], modifiers: ["全年", "本", "本部门"],
                           fillers: ["为", "达到"], qualifiers: [:], neutral: ["一般公共预算财政拨款"])
        #expect(once.modifiers == ["本部门", "全年", "本"])
        #expect(once.modifiers == later.modifiers && once.fillers == later.fillers && once.neutral == later.neutral)
        for label in ["一般公共预算财政拨款基本支出预算数", "本部门全年预算", "基本支出为"] {
            #expect(once.resolve(label) == later.resolve(label))
        }
        #expect(Lexicon.longestFirst(["a", "bbb", "cc", "dd", "e", "fff"]) == ["bbb", "fff", "cc", "dd", "a", "e"])
    }
}

/// A rule's fields are shared by its copies until one is changed (issue 12).
@Suite("Rule copies")
struct RuleCopyTests {
    @Test func aChangedCopyLeavesTheOriginalAlone() throws {
        let ruleSet = try RuleSet.embedded()
        let original = try #require(ruleSet.rules.first)
        var copy = original
        copy.enabled.toggle()
        copy.message = "另一条消息"
        copy.parameters["merge_rank"] = .int(99)
        #expect(original.enabled != copy.enabled)
        #expect(original.message != copy.message)
        #expect(original.parameters["merge_rank"].map { "\($0)" } != "int(99)")
        #expect(ruleSet.rules.first?.message == original.message)
        // an unchanged copy reads the same fields
        let same = original
        #expect(same.id == original.id && same.frames == original.frames && same.evidence == original.evidence)
    }
}
