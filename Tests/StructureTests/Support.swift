import JXCore
import JXLoad
import JXNormalize
@testable import JXStructure

/// A text run of one line, column k + 1 for scalar k.
func run(_ text: String, line: Int = 1) -> TextRun {
    let scalars = Array(text.unicodeScalars)
    return TextRun(scalars: scalars, positions: scalars.indices.map { SourcePosition(line: line, column: $0 + 1) })
}

/// A text document through normalize → structure.
func structure(_ text: String, format: DocumentFormat = .text) -> StructuredDocument {
    let lines = TextDecoding.splitLines(text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
    let document = Document(path: "t.txt", format: format, encoding: "utf-8", lines: lines)
    return Structurer.structure(Normalizer.normalize(document))
}

extension Table {
    /// Cell texts per row, by grid column ("" for a missing cell).
    var grid: [[String]] {
        rows.map { row in (0..<columnCount).map { row.cell($0)?.string ?? "" } }
    }
}
