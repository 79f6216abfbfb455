import Foundation
import Testing
import TestSupport
@testable import JXLoad

/// Loading is linear in its input whatever the shape (issue 14): each shape is loaded at 1× and
/// 8× its size; the thread CPU time may grow at most 10× (quadratic work grows 64×).
@Suite(.serialized) struct LoadLinearityTests {
    static let title = "2022年度部门整体支出绩效自评报告\n"

    static func docx(_ body: String) -> [UInt8] { OfficeFixtures.docx(body: body) }

    static func xlsx(_ sheet: String, sharedStrings: [String]? = nil) -> [UInt8] {
        OfficeFixtures.xlsx(sheets: [("S", OfficeFixtures.sheet(sheet), "visible")], sharedStrings: sharedStrings)
    }

    /// (name, file name, bytes for n units)
    static let shapes: [(name: String, path: String, make: @Sendable (Int) -> [UInt8])] = [
        ("spaces", "t.txt", { Array((title + String(repeating: " ", count: $0 * 100) + "\n").utf8) }),
        ("CR-only text", "t.txt", { Array((title + String(repeating: "全年预算数100.00万元。\r", count: $0 * 4)).utf8) }),
        ("one long line", "t.txt", { Array((title + String(repeating: "全年预算数100.00万元，", count: $0 * 4) + "\n").utf8) }),
        ("blank lines", "t.txt", { Array((title + String(repeating: "\n", count: $0 * 50)).utf8) }),
        ("GB18030 text", "t.txt", { TextDecoding.iconvEncode(title + String(repeating: "全年预算数100.00万元。\n", count: $0 * 4), to: "GB18030")! }),
        ("UTF-16 text", "t.txt", { n in [0xFF, 0xFE] + Array((title + String(repeating: "全年预算数100.00万元。\n", count: n * 4)).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }),
        ("docx paragraphs", "t.docx", { docx(String(repeating: "<w:p><w:r><w:t>全年预算数100.00万元。</w:t></w:r></w:p>", count: $0)) }),
        ("docx runs in one paragraph", "t.docx", { docx("<w:p>" + String(repeating: "<w:r><w:t>预算</w:t></w:r>", count: $0 * 4) + "</w:p>") }),
        ("docx entities", "t.docx", { docx("<w:p><w:r><w:t>" + String(repeating: "&amp;&#x4E00;&lt;", count: $0 * 4) + "</w:t></w:r></w:p>") }),
        ("docx table rows", "t.docx", { docx("<w:tbl>" + String(repeating: "<w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1.00</w:t></w:r></w:p></w:tc></w:tr>", count: $0) + "</w:tbl>") }),
        ("docx one wide row", "t.docx", { docx("<w:tbl><w:tr>" + String(repeating: "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>", count: $0) + "</w:tr></w:tbl>") }),
        ("xlsx rows", "t.xlsx", { n in xlsx("<sheetData>" + (1...n).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c><c r=\"B\($0)\" t=\"inlineStr\"><is><t>甲</t></is></c></row>" }.joined() + "</sheetData>") }),
        ("xlsx shared strings", "t.xlsx", { n in xlsx("<sheetData>" + (1...n).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>\($0 - 1)</v></c></row>" }.joined() + "</sheetData>",
                                                    sharedStrings: (1...n).map { "<si><t>项目\($0)</t></si>" }) }),
        ("xlsx merges", "t.xlsx", { n in xlsx("<sheetData>" + (1...n).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>1</v></c></row>" }.joined() + "</sheetData><mergeCells>"
                                             + (1...n).map { "<mergeCell ref=\"A\($0):C\($0)\"/>" }.joined() + "</mergeCells>") }),
    ]

    @Test func everyShapeIsLinear() throws {
        var failures = [String]()
        for shape in Self.shapes {
            let small = shape.make(500), large = shape.make(4_000)
            // 8× the input within 12× the time (n log n is 10×; under load the larger input loses more cache): quadratic work is 64× slower on every turn
            let scaling = Scaling.measure(bound: 12, floor: 0.003,
                                          small: { _ = try? DocumentLoader.load(bytes: small, path: shape.path) },
                                          large: { _ = try? DocumentLoader.load(bytes: large, path: shape.path) })
            if !scaling.holds(12) { failures.append("\(shape.name): \(scaling)") }
            #expect(loadErrorMessage { try DocumentLoader.load(bytes: large, path: shape.path) } == nil, "\(shape.name) loads")
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
