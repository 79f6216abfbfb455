// libFuzzer harness: every input runs through the whole jxlint pipeline (load → normalize →
// structure → extract → check) and the JSON formatter. Not part of `swift build` / `swift test`:
// no target names Tests/Fuzz. Build and run: see README.md in this folder.
//
// The input's first byte picks the name it is loaded under (and so the loader: text, Markdown,
// .docx, .xlsx, .pdf by extension; magic bytes win over names), the rest are the file's bytes.
// Inputs whose first byte is 0xFF also go through the rule-file parser instead.
import Foundation
import JXFormat
import JXLint
import JXRules

nonisolated(unsafe) private var pipeline: Pipeline?

private let names = ["fuzz.txt", "fuzz.md", "fuzz.docx", "fuzz.xlsx", "fuzz.txt", "fuzz.text", "fuzz.markdown", "-"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if pipeline == nil { pipeline = Pipeline(ruleSet: try! RuleSet.embedded()) }
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let selector = bytes[0]
    let body = Array(bytes.dropFirst())
    if selector == 0xFF {
        // the rule-file parser: must load or throw TOMLError, never crash
        let text = String(decoding: body, as: UTF8.self)
        _ = try? RuleSet.load(files: [(path: "rules/fuzz.toml", text: text)])
        _ = try? RuleSet.load(files: [(path: "rules/lexicon.toml", text: text)])
        _ = try? TOML.parse(utf8: body, file: "fuzz.toml")
        return 0
    }
    let name = names[Int(selector) % names.count]
    let report = pipeline!.report(bytes: body, path: name)
    // every finding's span is inside the file and well ordered
    for f in report.findings {
        precondition(f.span.start.line >= 1 && f.span.start.column >= 1, "span before the start of the file")
        precondition(f.span.start <= f.span.end, "span ends before it starts")
        if report.format == "text" || report.format == "markdown" {
            precondition(f.span.start.line <= max(1, report.lines.count), "finding beyond the last line")
        }
    }
    _ = Formatters.json([report], options: FormatOptions())
    return 0
}
