import Foundation
import Testing
import JXCore
import JXLoad
import JXNormalize
import JXStructure
import JXRules
import JXExtract

// Helpers shared by the corpus tests: where the corpus is, one cached pipeline run per file,
// the raw lines of a file, and addressing table cells by (source line, header).

/// The real reports in `<package root>/../shared/corpus` (CI clones the repository with `shared/`
/// beside it). When the directory is absent the corpus suites are skipped with a reason.
enum Corpus {
    /// The package root: three levels up from this file (Tests/PipelineTests/TestSupport.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let directory: URL = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL

    /// The corpus `.txt` reports, by file name, sorted.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    static var isAvailable: Bool { !files.isEmpty }

    static let skipReason: Comment = {
        let reason = "corpus not found at \(directory.path): corpus tests skipped"
        if files.isEmpty { print("◇ \(reason)") }
        return Comment(rawValue: reason)
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The file whose name starts with `prefix` ("000", "003_1036…").
    static func file(_ prefix: String) -> String? { files.first { $0.hasPrefix(prefix) } }

    /// The expected fiscal year from `<name>.truth.json` (the only thing read from the truth files).
    static func truthFiscalYear(_ name: String) throws -> Int? {
        let truth = directory.appendingPathComponent((name as NSString).deletingPathExtension + ".truth.json")
        guard let data = FileManager.default.contents(atPath: truth.path) else { return nil }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["fiscal_year"] as? NSNumber)?.intValue
    }
}

/// One corpus file run through load → normalize → structure → extract.
struct Analyzed: Sendable {
    let name: String
    /// The file's lines as read here, independently of the loader; `raw[n]` is line n (1-based).
    let rawLines: [String]
    let document: Document
    let structured: StructuredDocument
    let facts: FactSet

    func raw(_ line: Int) -> String { line >= 1 && line <= rawLines.count ? rawLines[line - 1] : "" }

    /// Scalars of the raw line, for column arithmetic (columns count Unicode scalars, 1-based).
    func rawScalars(_ line: Int) -> [Unicode.Scalar] { Array(raw(line).unicodeScalars) }

    /// The table whose first row is on `line`.
    func table(startingAt line: Int) -> Table? { structured.tables.first { $0.firstLine == line } }
}

enum Pipeline {
    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var results = [String: Analyzed]()
    }

    private static let cache = Cache()

    /// The analysis of a corpus file, computed once per test process.
    static func analyze(_ name: String) throws -> Analyzed {
        cache.lock.lock()
        if let hit = cache.results[name] {
            cache.lock.unlock()
            return hit
        }
        cache.lock.unlock()
        let path = Corpus.path(name)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rawLines = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        if rawLines.last == "" { rawLines.removeLast() }
        let document = try DocumentLoader.load(path: path)
        let structured = Structurer.structure(Normalizer.normalize(document))
        let facts = Extractor.extract(structured, lexicon: try LexiconLoader.embedded(), fiscalYear: nil)
        let result = Analyzed(name: name, rawLines: rawLines, document: document, structured: structured, facts: facts)
        cache.lock.lock()
        cache.results[name] = result
        cache.lock.unlock()
        return result
    }

    /// Scans a synthetic line the way the pipeline scans running text.
    static func extract(text: String) throws -> FactSet {
        let document = Document(path: "inline.txt", format: .text, encoding: "utf-8",
                                lines: text.components(separatedBy: "\n").enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) })
        return Extractor.extract(Structurer.structure(Normalizer.normalize(document)), lexicon: try LexiconLoader.embedded(), fiscalYear: nil)
    }
}

// MARK: - table addressing

extension Table {
    /// The row whose first source line is `line`.
    func row(line: Int) -> TableRow? { rows.first { $0.line == line } }

    /// The grid columns whose header path (in the row's header segment) is exactly `header`.
    func columns(header: String, segment: Int) -> [Int] {
        guard segment >= 0 && segment < headerSegments.count else { return [] }
        return headerSegments[segment].indices.filter { headerSegments[segment][$0] == header }
    }

    /// The cell of the row on `line` under the column titled `header`.
    func cell(line: Int, header: String) -> TableCell? {
        guard let row = row(line: line) else { return nil }
        let matching = columns(header: header, segment: row.segment)
        guard matching.count == 1 else { return nil }
        return row.cell(matching[0])
    }
}

/// Whitespace and thousands separators do not count when comparing a rebuilt cell with the text
/// as written: normalization removes them ("28,000.00" → "28000.00", "5 次" → "5次").
func compactForComparison(_ s: String) -> String {
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    for (k, ch) in scalars.enumerated() {
        if CharClass.isWhitespace(ch) { continue }
        if ch == ",", k > 0, CharClass.isDigit(scalars[k - 1]), k + 3 < scalars.count,
           (1...3).allSatisfy({ CharClass.isDigit(scalars[k + $0]) }),
           k + 4 >= scalars.count || !CharClass.isDigit(scalars[k + 4]) { continue }
        out.append(ch)
    }
    return String(out)
}

/// Asserts the cell of `table` on source line `line` under `header`: its text (compared without
/// white space and thousands separators) and whether it was filled from a merged cell above.
func expectCell(_ table: Table, line: Int, header: String, _ expected: String, inherited: Bool = false,
                sourceLocation: SourceLocation = #_sourceLocation) {
    guard let row = table.row(line: line) else {
        Issue.record("table \(table.index) (lines \(table.firstLine)-\(table.lastLine)) has no row starting on line \(line)", sourceLocation: sourceLocation)
        return
    }
    let matching = table.columns(header: header, segment: row.segment)
    guard matching.count == 1 else {
        Issue.record("table \(table.index): header “\(header)” names \(matching.count) columns in segment \(row.segment): \(table.headers(for: row))", sourceLocation: sourceLocation)
        return
    }
    let cell = row.cell(matching[0])
    let text = cell?.string ?? ""
    #expect(compactForComparison(text) == compactForComparison(expected),
            "line \(line) “\(header)”: got “\(text)”", sourceLocation: sourceLocation)
    #expect((cell?.inherited ?? false) == inherited,
            "line \(line) “\(header)”: inherited should be \(inherited)", sourceLocation: sourceLocation)
}

/// Asserts a row's kind.
func expectRow(_ table: Table, line: Int, _ kind: TableRow.Kind, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let row = table.row(line: line) else {
        Issue.record("table \(table.index) has no row starting on line \(line)", sourceLocation: sourceLocation)
        return
    }
    #expect(row.kind == kind, "row on line \(line)", sourceLocation: sourceLocation)
}

/// A short readable dump of a table (printed when a table test fails, to see what was rebuilt).
func describe(_ table: Table) -> String {
    var out = "table \(table.index) lines \(table.firstLine)-\(table.lastLine), \(table.columnCount) columns, origin \(table.origin)\n"
    for (k, h) in table.headerSegments.enumerated() { out += "  segment \(k): \(h)\n" }
    for row in table.rows {
        let cells = row.cells.map { "\($0.column)\($0.inherited ? "^" : ""):\($0.string.prefix(12))" }.joined(separator: " | ")
        out += "  L\(row.line)-\(row.lastLine) \(row.kind.rawValue) s\(row.segment): \(cells)\n"
    }
    return out
}
