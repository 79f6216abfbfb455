import Testing
import Foundation
@testable import JXLoad

@Suite struct OfficeXMLTests {
    /// The tokens of `xml` as readable strings ("<a", "/a", "'text'").
    func tokens(_ xml: String, names: [String] = ["a", "b", "t"]) throws -> [String] {
        try XMLScanner.withScanner(Array(xml.utf8), part: "test.xml", names: names) { (s: inout XMLScanner) throws(LoadError) -> [String] in
            var out: [String] = []
            while true {
                switch try s.next() {
                case .start: out.append("<" + s.qualifiedName + (s.nameID >= 0 ? "#\(s.nameID)" : "") + (s.isEmptyElement ? "/" : ""))
                case .end: out.append("/" + s.qualifiedName)
                case .text: out.append("'" + (try s.text()) + "'")
                case .eof: return out
                }
            }
        }
    }

    @Test func tokensEntitiesCDATACommentsAndPIs() throws {
        let xml = "<?xml version=\"1.0\"?><!-- 注释 --><a x='1>2'><b/><?pi x?>a&amp;b&lt;&#x4E00;&#19968;&quot;<![CDATA[<不是标签>&amp;]]><t></t></a>"
        #expect(try tokens(xml) == ["<a#0", "<b#1/", "/b", "'a&b<一一\"'", "'<不是标签>&amp;'", "<t#2", "/t", "/a"])
    }

    @Test func attributes() throws {
        let xml = "<w:a xmlns:w=\"urn:x\" w:val=\"1 &amp; 2\" plain = '3' num=\" 42 \" neg=\"-7\"/>"
        try XMLScanner.withScanner(Array(xml.utf8), part: "t", names: ["a"]) { (s: inout XMLScanner) throws(LoadError) in
            _ = try s.next()
            #expect(s.attribute("val") == "1 & 2")
            #expect(s.attribute("plain") == "3")
            #expect(s.intAttribute("num") == 42)
            #expect(s.intAttribute("neg") == -7)
            #expect(s.intAttribute("val") == 1)
            #expect(s.attribute("missing") == nil)
            #expect(s.hasAttribute("plain"))
            #expect(s.allAttributes().map(\.0) == ["val", "plain", "num", "neg"])
            #expect(s.namespace == .other)
        }
    }

    @Test func namespacesByPrefix() throws {
        let xml = """
            <root xmlns="\(OfficeFixtures.sheetNamespace)" xmlns:w="\(OfficeFixtures.wordNamespace)">\
            <w:a/><a/><x:a xmlns:x="\(OfficeFixtures.wordNamespace)"/><w:b xmlns:w="urn:other"><w:a/></w:b><w:a/><q:a/></root>
            """
        let spaces = try XMLScanner.withScanner(Array(xml.utf8), part: "t", names: ["a"]) { (s: inout XMLScanner) throws(LoadError) -> [XMLNamespace] in
            var result: [XMLNamespace] = []
            while try s.next() != .eof { if s.token == .start { result.append(s.namespace) } }
            return result
        }
        #expect(spaces == [.sheet, .word, .sheet, .word, .other, .other, .word, .none])
    }

    @Test func doctypeIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document/>"
        let message = loadErrorMessage { try tokens(xml) }
        #expect(message == "test.xml: refused: a DOCTYPE (DTD) declaration at byte 21; Office XML parts have none, and DTDs are not processed")
        // And through a .docx.
        var zip = TestZip()
        zip.add("word/document.xml", xml)
        #expect(loadErrorMessage { try OfficeLoader.load(bytes: zip.bytes(), path: "xxe.docx") }
                == "word/document.xml: refused: a DOCTYPE (DTD) declaration at byte 21; Office XML parts have none, and DTDs are not processed")
    }

    @Test func undefinedEntitiesAreRefused() throws {
        let message = loadErrorMessage { try tokens("<a>&xxe;</a>") }
        #expect(message == "test.xml: malformed XML at byte 3 (unknown entity &xxe; (only the predefined entities are allowed))")
        #expect(loadErrorMessage { try tokens("<a>&#0;</a>") } == "test.xml: malformed XML at byte 3 (invalid character reference &#0;)")
        #expect(loadErrorMessage { try tokens("<a>&amp</a>") } == "test.xml: malformed XML at byte 3 (unterminated entity reference)")
    }

    @Test func malformedXML() throws {
        #expect(loadErrorMessage { try tokens("<a><b></a>") } == "test.xml: malformed XML at byte 6 (</a> does not close <b>)")
        #expect(loadErrorMessage { try tokens("<a><b/>") } == "test.xml: malformed XML at byte 7 (unexpected end of document: <a> is not closed)")
        #expect(loadErrorMessage { try tokens("<a x=1/>") } == "test.xml: malformed XML at byte 5 (expected a quoted attribute value)")
        #expect(loadErrorMessage { try tokens("<a x=\"1/>") } == "test.xml: malformed XML at byte 5 (unterminated attribute value)")
        #expect(loadErrorMessage { try tokens("<a x=\"<\"/>") } == "test.xml: malformed XML at byte 6 ('<' in an attribute value)")
        #expect(loadErrorMessage { try tokens("<a x=\"1\"y=\"2\"/>") } == "test.xml: malformed XML at byte 8 (expected a space before an attribute)")
        #expect(loadErrorMessage { try tokens("</a>") } == "test.xml: malformed XML at byte 0 (end tag without a start tag)")
        #expect(loadErrorMessage { try tokens("<a><!-- x </a>") } == "test.xml: malformed XML at byte 3 (unterminated comment)")
        #expect(loadErrorMessage { try tokens("<a><![CDATA[x</a>") } == "test.xml: malformed XML at byte 3 (unterminated CDATA section)")
        #expect(loadErrorMessage { try tokens("<a\u{0}/>") } == "test.xml: malformed XML at byte 2 (NUL byte)")
        #expect(loadErrorMessage { try tokens("<a><") } == "test.xml: malformed XML at byte 3 (unexpected end of document after '<')")
        #expect(loadErrorMessage { try tokens("<a><!ELEMENT a ANY></a>") } == "test.xml: malformed XML at byte 3 (unexpected '<!')")
    }

    @Test func byteOrderMarks() throws {
        #expect(try tokens("\u{FEFF}<a>一</a>") == ["<a#0", "'一'", "/a"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>二</a>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try XMLScanner.withScanner(utf16, part: "t", names: ["a"]) { (s: inout XMLScanner) throws(LoadError) -> String in
            _ = try s.next()
            _ = try s.next()
            return try s.text()
        }
        #expect(result == "二")
    }

    @Test func emptyPart() throws {
        #expect(try tokens("") == [])
        #expect(try tokens("   ") == ["'   '"])
    }

    @Test func skipElement() throws {
        let result = try XMLScanner.withScanner(Array("<a><b><t>x</t><b/></b><t>y</t></a>".utf8), part: "t", names: ["a", "b", "t"]) { (s: inout XMLScanner) throws(LoadError) -> [String] in
            var texts: [String] = []
            while true {
                let t = try s.next()
                if t == .eof { return texts }
                if t == .start && s.nameID == 1 { try s.skipElement() }
                if t == .text { texts.append(try s.text()) }
            }
        }
        #expect(result == ["y"])
    }
}
