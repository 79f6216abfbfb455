import Foundation
import Testing
import JXCheck
import JXLint
import JXLoad
import JXRules

/// The same report as reviewers receive it gives the same findings (rule and count) as its text:
/// as a .docx whose long tables are cut into one Word table per page with the header repeated
/// (and without it), as the text hard-wrapped at 36 characters the way a PDF export wraps it, in
/// GB18030 and in UTF-16 without a byte-order mark, and, where LibreOffice and pdftotext are
/// installed, as the PDF printed from the .docx.
/// The reports (../shared/corpus and its wild folder) are read where they lie; nothing of them is
/// copied here.
@Suite("Corpus: the same findings from .docx, PDF, wrapped and GB18030 text")
struct CorpusFormatEquivalenceTests {
    static let pipeline = Pipeline(ruleSet: try! RuleSet.embedded())

    static let directory = URL(fileURLWithPath: TestPackage.root).appendingPathComponent("../shared/corpus").standardizedFileURL.path

    /// The corpus reports and those of its `wild` folder, as paths relative to the corpus.
    static let reports: [String] = {
        var out: [String] = []
        for folder in ["", "wild/"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
            out += names.filter { $0.hasSuffix(".txt") }.sorted().map { folder + $0 }
        }
        return out
    }()

    static var hasCorpus: Bool { !reports.isEmpty }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// Rule → number of findings.
    static func counts(_ report: FileReport) -> [String: Int] {
        var out: [String: Int] = [:]
        for f in report.findings { out[f.rule, default: 0] += 1 }
        return out
    }

    static func reference(_ name: String) throws -> [String: Int] {
        let report = pipeline.report(path: directory + "/" + name)
        #expect(report.error == nil)
        return counts(report)
    }

    @Test(.enabled(if: hasCorpus, "../shared/corpus not found"), arguments: reports)
    func docxCutIntoPages(_ name: String) throws {
        let text = try Self.text(name)
        let expected = try Self.reference(name)
        for repeatHeader in [true, false] {
            let bytes = ReportDocx.docx(text, options: .init(repeatHeader: repeatHeader))
            let report = Self.pipeline.report(bytes: bytes, path: "report.docx")
            #expect(report.error == nil && report.format == "docx", "\(report.error ?? "")")
            #expect(Self.counts(report) == expected, "\(name) as .docx (header repeated: \(repeatHeader))")
        }
    }

    /// The test's own .docx is what it claims: long tables come in several Word tables.
    @Test(.enabled(if: hasCorpus, "../shared/corpus not found"))
    func theDocxHasTablesCutIntoPages() throws {
        var cut = false
        for name in Self.reports {
            let document = try DocumentLoader.load(bytes: ReportDocx.docx(try Self.text(name)), path: "r.docx")
            let blocks = ReportDocx.blocks(try Self.text(name))
            let tables = blocks.filter { if case .table = $0 { return true } else { return false } }.count
            if document.tables.count > tables { cut = true }
        }
        #expect(cut, "no table of the corpus was long enough to be cut")
    }

    @Test(.enabled(if: hasCorpus, "../shared/corpus not found"), arguments: reports)
    func textWrappedAt36(_ name: String) throws {
        let text = try Self.text(name)
        let wrapped = ReportDocx.hardWrapped(text)
        // (some reports come already cut at a narrower width)
        let long = text.split(separator: "\n").contains { !$0.contains("\t") && $0.unicodeScalars.count > 36 }
        #expect(long == (wrapped != text))
        let report = Self.pipeline.report(bytes: Array(wrapped.utf8), path: "wrapped.txt")
        #expect(Self.counts(report) == (try Self.reference(name)), "\(name) wrapped at 36 characters")
    }

    /// GB18030, and UTF-16 in both byte orders without a byte-order mark.
    @Test(.enabled(if: hasCorpus, "../shared/corpus not found"), arguments: reports)
    func otherEncodings(_ name: String) throws {
        let text = try Self.text(name)
        let expected = try Self.reference(name)
        for encoding in ["gb18030", "utf-16le", "utf-16be"] {
            let bytes = try #require(TextDecoding.iconvEncode(text, to: encoding.uppercased()))
            let report = Self.pipeline.report(bytes: bytes, path: "encoded.txt")
            #expect(report.encoding == encoding, "\(name): \(report.error ?? "")")
            #expect(Self.counts(report) == expected, "\(name) in \(encoding)")
        }
    }

    static let office: String? = TestPackage.which("soffice") ?? TestPackage.which("libreoffice")
    static var canPrint: Bool { hasCorpus && office != nil && TestPackage.which("pdftotext") != nil }

    /// Each corpus .docx printed to PDF by LibreOffice, read back through pdftotext.
    @Test(.enabled(if: canPrint, "needs ../shared/corpus, LibreOffice (soffice) and pdftotext"), .timeLimit(.minutes(5)))
    func pdfPrintedFromTheDocx() throws {
        let dir = TempDir("jxlint-print")
        var names: [String] = []
        for name in Self.reports {
            let docx = ((name as NSString).lastPathComponent as NSString).deletingPathExtension + ".docx"
            _ = try dir.write(docx, bytes: ReportDocx.docx(try Self.text(name)))
            names.append(docx)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.office))
        // a profile of its own, so that a LibreOffice already running does not take the job
        process.arguments = ["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", dir.path] + names.map { dir.path + "/" + $0 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        for name in Self.reports {
            let pdf = dir.path + "/" + ((name as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            #expect(FileManager.default.fileExists(atPath: pdf), "LibreOffice made no PDF of \(name)")
            guard FileManager.default.fileExists(atPath: pdf) else { continue }
            let report = Self.pipeline.report(path: pdf)
            #expect(report.error == nil && report.format == "pdf", "\(report.error ?? "")")
            let expected = try Self.reference(name)
            #expect(Self.counts(report) == expected, "\(name) printed to PDF: \(Self.counts(report)) against \(expected)")
        }
    }
}
