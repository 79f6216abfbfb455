import Foundation
import Testing
import JXCheck
import JXFormat
import JXLint
import JXLoad
import JXRules

/// "jxlint finds the same facts and findings in the .docx as in the equivalent .txt": a .docx and
/// a .txt with the same content (a paragraph per line, a table row as a tab-separated line) give
/// the same quantities (values, units, concepts) and the same findings. For .docx a line is the
/// paragraph's index (table rows count one each); the .txt files here keep that order, so lines
/// agree too. The PDF (through pdftotext) is compared where pdftotext is installed.
@Suite("Format equivalence")
struct FormatEquivalenceTests {
    static let pipeline = Pipeline(ruleSet: try! RuleSet.embedded())

    /// The text of Tests/LoadTests/Fixtures/report.docx (see make_office_fixtures.py): Word's list
    /// numbers typed out, tracked changes accepted, the text box after its anchor, the footnote at
    /// the end, the merged cells of the 备注 column left empty.
    static let reportDocxText = [
        "一、部门基本情况",
        "（一）主要职能",
        "2022年全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。",
        "本年度部门完成全部绩效目标，详见表1。",
        "2022年度预算执行情况",
        "项目\t预算数（万元）\t执行数（万元）\t执行率\t备注",
        "基本支出\t822.24\t822.24\t100.00%\t均已完成",
        "项目支出\t32542.73\t32542.73\t100.00%\t",
        "合计\t33364.97\t33364.97\t100.00%\t",
        "单位：万元",
        "注：数据来源于财务决算报表。",
        "",
        "二、绩效目标完成情况",
        "（一）产出指标",
        "1. 完成项目数量12个。",
        "2. 资金到位率100%。",
        "①预算执行率100.00%。",
        "三、下一步工作",
        "数据来源：2022年度部门决算。",
    ].joined(separator: "\n") + "\n"

    // MARK: helpers

    struct Extracted {
        var quantities: [[String: Any]]
        var tables: [[String: Any]]
        var fiscalYear: Int?
    }

    static func extract(_ document: Document) throws -> Extracted {
        let json = FactsFormatter.json(pipeline.facts(of: document))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return Extracted(quantities: root["quantities"] as? [[String: Any]] ?? [], tables: root["tables"] as? [[String: Any]] ?? [],
                         fiscalYear: root["fiscalYear"] as? Int)
    }

    /// What a quantity is, whatever the format: value, literal, decimals, unit, kind, comparator,
    /// concept, qualifier, year, whether it is a table cell, and its label.
    static func meaning(_ q: [String: Any]) -> String {
        ["value", "literal", "decimals", "unit", "kind", "comparator", "concept", "qualifier", "year", "inTable", "label"]
            .map { "\($0)=\(q[$0].map { "\($0)" } ?? "nil")" }.joined(separator: " ")
    }

    static func position(_ q: [String: Any]) -> String { "\(q["line"] ?? "?"):\(q["column"] ?? "?") \(q["literal"] ?? "")" }

    /// Data rows of every table: the cells' own texts. A cell that repeats a merged cell above it
    /// counts as empty: a .docx states its vMerge, a text file leaves the merged cell empty.
    static func dataRows(_ tables: [[String: Any]]) -> [[String]] {
        tables.flatMap { t in
            (t["rows"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "data" }.map { row in
                var cells = (row["cells"] as? [[String: Any]] ?? []).map { $0["inherited"] as? Bool == true ? "" : $0["text"] as? String ?? "" }
                // a trailing empty cell exists in Word's grid but not in a PDF's text
                while cells.last == "" { cells.removeLast() }
                return cells
            }
        }
    }

    static func headers(_ tables: [[String: Any]]) -> [[[String]]] {
        tables.map { $0["headers"] as? [[String]] ?? [] }
    }

    static func findingKeys(_ report: FileReport, positions: Bool) -> [String] {
        report.findings.map { f in
            positions ? "\(f.rule) \(f.span) \(f.evidence)" : "\(f.rule) \(f.evidence)"
        }.sorted()
    }

    /// Compares a structured document with its text equivalent.
    static func compare(_ structured: Document, text: String, textPath: String = "equivalent.txt", samePositions: Bool = true) throws {
        let plain = try DocumentLoader.load(bytes: Array(text.utf8), path: textPath)
        let a = try extract(structured), b = try extract(plain)
        #expect(!a.quantities.isEmpty)
        #expect(a.fiscalYear == b.fiscalYear)
        #expect(a.quantities.map(meaning).sorted() == b.quantities.map(meaning).sorted(), "quantities of \(structured.path)")
        if samePositions {
            #expect(a.quantities.map(position).sorted() == b.quantities.map(position).sorted(), "positions of \(structured.path)")
        }
        #expect(dataRows(a.tables) == dataRows(b.tables), "table cells of \(structured.path)")
        #expect(headers(a.tables) == headers(b.tables), "table headers of \(structured.path)")
        let ra = pipeline.report(for: structured), rb = pipeline.report(for: plain)
        #expect(ra.error == nil && rb.error == nil)
        #expect(ra.findings.map(\.rule).sorted() == rb.findings.map(\.rule).sorted(), "rule ids of \(structured.path)")
        #expect(findingKeys(ra, positions: samePositions) == findingKeys(rb, positions: samePositions), "findings of \(structured.path)")
    }

    // MARK: report.docx

    @Test func reportDocxHasTheFactsAndFindingsOfItsText() throws {
        let docx = try DocumentLoader.load(path: TestPackage.loadFixtures + "/report.docx")
        #expect(docx.format == .docx)
        // the loader's lines are the text's lines
        #expect(docx.lines.map(\.text).joined(separator: "\n") + "\n" == Self.reportDocxText)
        try Self.compare(docx, text: Self.reportDocxText)
        let report = Self.pipeline.report(for: docx)
        #expect(report.findings.map(\.rule) == ["sum.expenditure-parts"])
        // a .docx line is the paragraph's index; the place says which paragraph
        let f = try #require(report.findings.first)
        #expect(f.span.start.line == 3 && f.span.start.column == 11)
        #expect((f.place ?? report.linePlaces[f.span.start.line]) == "第3段")
    }

    @Test func tableValuesTakeTheFiscalYearWhenTheCaptionSaysThisYear() throws {
        // The caption of report.docx's table is "本年度部门完成全部绩效目标，详见表1。 2022年度预算执行情况":
        // "本年度" is a relative year (offset 0), read as the absolute year 0.
        let docx = try DocumentLoader.load(path: TestPackage.loadFixtures + "/report.docx")
        let cells = try Self.extract(docx).quantities.filter { $0["inTable"] as? Bool == true }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0["year"] as? Int == 2022 }, "\(cells.map { $0["year"] ?? "nil" })")
        // without 本年度 in the caption the year is right
        let text = Self.reportDocxText.replacingOccurrences(of: "本年度部门完成", with: "部门完成")
        let plain = try DocumentLoader.load(bytes: Array(text.utf8), path: "r.txt")
        let plainCells = try Self.extract(plain).quantities.filter { $0["inTable"] as? Bool == true }
        #expect(plainCells.allSatisfy { $0["year"] as? Int == 2022 })
    }

    // MARK: generated .docx fixtures (Tests/Fixtures/make_lint_fixtures.py)

    @Test(arguments: ["longer", "runs", "merged"])
    func generatedDocxHasTheFactsAndFindingsOfItsText(_ name: String) throws {
        let docxPath = TestPackage.lintFixtures + "/\(name).docx"
        let textPath = TestPackage.lintFixtures + "/\(name).txt"
        let docx = try DocumentLoader.load(path: docxPath)
        let text = try String(contentsOfFile: textPath, encoding: .utf8)
        #expect(docx.format == .docx)
        try Self.compare(docx, text: text)
        #expect(!Self.pipeline.report(for: docx).findings.isEmpty, "\(name) has a slip to find")
        // the loaded .txt fixture reads the same as the in-memory text
        let fromDisk = Self.pipeline.report(path: textPath)
        #expect(fromDisk.findings.map(\.rule) == Self.pipeline.report(for: docx).findings.map(\.rule))
    }

    @Test func runsSplitInsideNumbersAreJoined() throws {
        let docx = try DocumentLoader.load(path: TestPackage.lintFixtures + "/runs.docx")
        let q = try Self.extract(docx).quantities
        let literals = q.map { $0["literal"] as? String ?? "" }
        for expected in ["33463.78", "822.24", "32542.73", "98.81", "33364.97", "12", "100"] {
            #expect(literals.contains(expected), "\(expected) in \(literals)")
        }
        // the full-width figure is found with its value
        #expect(q.contains { $0["value"] as? String == "29586.86" }, "\(q.map { $0["value"] ?? "" })")
    }

    @Test(.enabled(if: TestPackage.hasExecutable, "needs .build/debug/jxlint"))
    func commandLineReportsDocxAndTextAlike() throws {
        let dir = TempDir()
        for name in ["longer", "merged"] {
            try FileManager.default.copyItem(atPath: TestPackage.lintFixtures + "/\(name).docx", toPath: dir.url("\(name).docx"))
            try FileManager.default.copyItem(atPath: TestPackage.lintFixtures + "/\(name).txt", toPath: dir.url("\(name).txt"))
        }
        let r = try JX.run(["check", "--format", "json", "longer.docx", "longer.txt", "merged.docx", "merged.txt"], cwd: dir.path)
        #expect(r.status == 1, "\(r)")
        let root = try r.json()
        #expect(Contract.problems(root).isEmpty, "\(Contract.problems(root))")
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.map { $0["format"] as? String } == ["docx", "text", "docx", "text"])
        func findings(_ i: Int) -> [[String: Any]] { files[i]["findings"] as? [[String: Any]] ?? [] }
        for (d, t) in [(0, 1), (2, 3)] {
            let docx = findings(d), text = findings(t)
            #expect(docx.map { $0["rule"] as? String } == text.map { $0["rule"] as? String })
            #expect(docx.map { "\($0["line"] ?? ""):\($0["column"] ?? "")" } == text.map { "\($0["line"] ?? ""):\($0["column"] ?? "")" })
            #expect(docx.map { $0["evidence"] as? String } == text.map { $0["evidence"] as? String })
            // .docx findings say where they are; .txt findings need no place
            #expect(docx.allSatisfy { ($0["location"] as? String)?.isEmpty == false }, "\(docx)")
            #expect(text.allSatisfy { $0["location"] == nil })
        }
        #expect(findings(2).first?["location"] as? String == "表1 第7行 第3列")
        #expect(files[0]["fiscalYear"] as? Int == 2022)
    }

    // MARK: report.pdf

    static let hasPdftotext = TestPackage.which("pdftotext") != nil

    @Test(.enabled(if: FormatEquivalenceTests.hasPdftotext, "pdftotext is not installed: the PDF is not compared"))
    func reportPdfHasTheFactsAndFindingsOfTheDocx() throws {
        let pdf = try DocumentLoader.load(path: TestPackage.loadFixtures + "/report.pdf")
        let docx = try DocumentLoader.load(path: TestPackage.loadFixtures + "/report.docx")
        #expect(pdf.format == .pdf)
        let a = try Self.extract(pdf), b = try Self.extract(docx)
        #expect(a.fiscalYear == b.fiscalYear)
        // prose figures: the same values and units (lines differ: pdftotext wraps and pages)
        func prose(_ q: [[String: Any]]) -> [String] {
            q.filter { $0["inTable"] as? Bool != true && $0["unit"] as? String != "%" }.map { "\($0["value"] ?? "") \($0["unit"] ?? "")" }.sorted()
        }
        #expect(prose(a.quantities) == prose(b.quantities))
        // the same findings, by rule and evidence
        let ra = Self.pipeline.report(for: pdf), rb = Self.pipeline.report(for: docx)
        #expect(ra.findings.map(\.rule) == rb.findings.map(\.rule))
        #expect(ra.findings.map(\.evidence) == rb.findings.map(\.evidence))
        // every value of the docx, table cells included
        func values(_ q: [[String: Any]]) -> [String] { q.map { "\($0["value"] ?? "") \($0["kind"] ?? "")" }.sorted() }
        #expect(values(a.quantities) == values(b.quantities))
        #expect(Self.dataRows(a.tables) == Self.dataRows(b.tables))
    }

    @Test(.enabled(if: !FormatEquivalenceTests.hasPdftotext, "pdftotext is installed"))
    func pdfWithoutPdftotextIsAClearMessage() throws {
        let report = Self.pipeline.report(path: TestPackage.loadFixtures + "/report.pdf")
        #expect(report.error?.contains("pdftotext") == true, "\(report.error ?? "no error")")
    }
}
