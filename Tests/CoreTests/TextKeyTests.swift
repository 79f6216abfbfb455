import Foundation
import Testing
import JXCore

/// `TextKey` compares and hashes by UTF-8 bytes: equal bytes are one key, anything else two.
@Suite struct TextKeyTests {
    @Test func equalBytesAreOneKey() {
        let pairs: [(String, String)] = [
            ("", ""), ("a", "a"), ("基本支出", "基本支出"),
            // longer than a small string (15 bytes): stored out of line
            ("一般公共预算财政拨款收入合计", "一般公共预算财政拨款" + "收入合计"),
        ]
        for (a, b) in pairs {
            #expect(TextKey(a) == TextKey(b), "\(a)")
            #expect(TextKey(a).hashValue == TextKey(b).hashValue, "\(a)")
            #expect(Set([TextKey(a), TextKey(b)]).count == 1)
        }
    }

    @Test func differentBytesAreTwoKeys() {
        let pairs: [(String, String)] = [
            ("a", "b"), ("基本支出", "项目支出"), ("基本支出", "基本支"), ("", "a"),
            ("一般公共预算财政拨款收入合计", "一般公共预算财政拨款支出合计"),
            // canonically equivalent, different bytes: String says equal, the key does not
            ("\u{E9}", "e\u{301}"),
        ]
        for (a, b) in pairs {
            #expect(TextKey(a) != TextKey(b), "\(a) / \(b)")
        }
        #expect("\u{E9}" == "e\u{301}")
    }

    /// A string whose bytes are not contiguous (bridged or lazily decoded) compares by the same bytes.
    @Test func stringsOfEveryStorageCompareByBytes() {
        let text = "2023年项目支出预算数为一百万元"
        let viaSubstring = String(text[text.index(after: text.startIndex)...])
        let viaData = String(decoding: Data(text.utf8), as: UTF8.self)
        let viaNS = NSString(string: text) as String
        #expect(TextKey(viaData) == TextKey(text))
        #expect(TextKey(viaNS) == TextKey(text))
        #expect(TextKey(viaSubstring) != TextKey(text))
        #expect(TextKey(viaSubstring) == TextKey(String(text.dropFirst())))
    }
}
