import Testing
import JXCore
@testable import JXRules

@Suite("TableLayouts: column roles by header words")
struct TableLayoutsTests {
    /// The rule as written, without the scalar filter that answers most headers first.
    static func searched(_ layouts: TableLayouts, _ header: String, _ role: TableLayouts.Role) -> Bool {
        let s = Array(header.unicodeScalars)
        return layouts.columns.contains { rule in
            rule.role == role
                && (rule.words.contains { Lexicon.find($0, in: s) } || rule.suffixes.contains { header.hasSuffix($0) })
                && !rule.except.contains { Lexicon.find($0, in: s) }
        }
    }

    @Test func theFilterNeverChangesAnAnswer() throws {
        let layouts = try LexiconLoader.embedded().tables
        // every word and suffix of the rules alone, inside other words, and after each other,
        // plus headers of no role and headers ending in a decomposed or compatibility character
        var headers = ["", "序号", "备注说明", "单位：万元", "e\u{301}", "完成率\u{301}", "得分\u{F9F1}", "指标值（%）"]
        for rule in layouts.columns {
            for word in rule.words.map({ String(String.UnicodeScalarView($0)) }) + rule.suffixes {
                headers += [word, "年度" + word, word + "（万元）", "（" + word + "）"]
            }
            for word in rule.except.map({ String(String.UnicodeScalarView($0)) }) { headers.append(word + (rule.suffixes.first ?? "")) }
        }
        for header in headers {
            for role in TableLayouts.Role.allCases {
                #expect(layouts.header(header, is: role) == Self.searched(layouts, header, role), "\(header) \(role)")
            }
        }
    }

    @Test func aRoleIndexIsItsDeclarationIndex() {
        for (i, role) in TableLayouts.Role.allCases.enumerated() { #expect(role.index == i) }
    }

    @Test func rulesAddedLaterAreFilteredToo() {
        var layouts = TableLayouts()
        #expect(!layouts.header("偏差原因", is: .note))
        layouts.columns.append(.init(role: .note, words: [Array("原因".unicodeScalars)], suffixes: ["说明"], except: []))
        #expect(layouts.header("偏差原因", is: .note))
        #expect(layouts.header("情况说明", is: .note))
        #expect(!layouts.header("偏差原因", is: .text))
    }
}
