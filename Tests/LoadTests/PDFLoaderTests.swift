import Testing
import Foundation
@testable import JXLoad

/// A temporary directory holding a fake `pdftotext` shell script.
struct FakeTool {
    let directory: String

    init(script: String) throws {
        directory = NSTemporaryDirectory() + "jxlint-fake-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/pdftotext"
        try ("#!/bin/sh\n" + script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    var options: PDFLoader.Options { PDFLoader.Options(searchPath: directory) }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

let minimalPDF = Array("%PDF-1.4\n% test bytes\n".utf8)

@Suite struct PDFLoaderTests {
    @Test func missingPdftotext() throws {
        let empty = NSTemporaryDirectory() + "jxlint-empty-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(PDFLoader.locatePdftotext(searchPath: empty) == nil)
        #expect(PDFLoader.locatePdftotext(searchPath: "") == nil)
        let message = loadErrorMessage {
            try PDFLoader.load(bytes: minimalPDF, path: "report.pdf", options: PDFLoader.Options(searchPath: empty + ":/nonexistent"))
        }
        #expect(message == "reading .pdf needs the pdftotext program: install poppler-utils (e.g. apt-get install poppler-utils)")
    }

    @Test func pagesBecomePlaces() throws {
        let tool = try FakeTool(script: "printf '一、部门基本情况\\n  项目      预算数\\n\\f第二页\\r\\n\\n\\f'")
        defer { tool.remove() }
        #expect(PDFLoader.locatePdftotext(searchPath: "/nonexistent:" + tool.directory) == tool.directory + "/pdftotext")
        let d = try PDFLoader.load(bytes: minimalPDF, path: "report.pdf", options: tool.options)
        #expect(d.format == .pdf)
        #expect(d.encoding == "utf-8")
        #expect(d.lines.map(\.text) == ["一、部门基本情况", "  项目      预算数", "第二页", ""])
        #expect(d.lines.map { $0.place ?? "" } == ["第1页", "第1页", "第2页", "第2页"])
        #expect(d.lines.map(\.number) == [1, 2, 3, 4])
        #expect(d.notes.isEmpty)
    }

    @Test func formFeedInsideALine() {
        let d = PDFLoader.document(fromText: "甲\u{0C}乙\n丙\n\u{0C}", path: "x.pdf")
        #expect(d.lines.map(\.text) == ["甲", "乙", "丙"])
        #expect(d.lines.map { $0.place ?? "" } == ["第1页", "第2页", "第2页"])
        #expect(PDFLoader.document(fromText: "\u{0C}\u{0C}", path: "x.pdf").notes == ["pdftotext found no text (a scanned PDF needs OCR first)"])
    }

    @Test func argumentsAndTheInputFile() throws {
        let log = NSTemporaryDirectory() + "jxlint-args-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let tool = try FakeTool(script: "printf '%s\\n' \"$@\" > '\(log)'; cat \"$4\" | head -c 5")
        defer { tool.remove() }
        // The named file exists and holds the bytes: it is read in place.
        let real = NSTemporaryDirectory() + "jxlint-real-\(UUID().uuidString).pdf"
        try Data(minimalPDF).write(to: URL(fileURLWithPath: real))
        defer { try? FileManager.default.removeItem(atPath: real) }
        let d = try PDFLoader.load(bytes: minimalPDF, path: real, options: tool.options)
        #expect(d.lines.map(\.text) == ["%PDF-"])
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-tsv\n-enc\nUTF-8\n\(real)\n-\n")
        // No such file (bytes from stdin, say): a temporary copy, removed afterwards.
        _ = try PDFLoader.load(bytes: minimalPDF, path: "stdin.pdf", options: tool.options)
        let arguments = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments.count == 5)
        #expect(arguments[3] != "stdin.pdf" && arguments[3].hasSuffix(".pdf"))
        #expect(!FileManager.default.fileExists(atPath: arguments[3]))
    }

    @Test func failureCarriesTheToolsMessage() throws {
        let tool = try FakeTool(script: "echo 'Command Line Error: Incorrect password' >&2; echo 'Command Line Error: Incorrect password' >&2; exit 1")
        defer { tool.remove() }
        let message = loadErrorMessage { try PDFLoader.load(bytes: minimalPDF, path: "locked.pdf", options: tool.options) }
        #expect(message == "pdftotext failed: Command Line Error: Incorrect password")
        let silent = try FakeTool(script: "exit 3")
        defer { silent.remove() }
        #expect(loadErrorMessage { try PDFLoader.load(bytes: minimalPDF, path: "x.pdf", options: silent.options) }
                == "pdftotext failed: exit status 3")
    }

    @Test func timeout() throws {
        let tool = try FakeTool(script: "exec sleep 30")
        defer { tool.remove() }
        var options = tool.options
        options.timeout = 0.5
        let (message, seconds) = measure { loadErrorMessage { try PDFLoader.load(bytes: minimalPDF, path: "slow.pdf", options: options) } }
        #expect(message == "pdftotext did not finish within 0.5 seconds; stopped")
        #expect(seconds < 5)
    }

    @Test func outputIsCapped() throws {
        let tool = try FakeTool(script: "exec yes 预算执行率100.00%")
        defer { tool.remove() }
        var options = tool.options
        options.maximumOutput = 100_000
        let (message, seconds) = measure { loadErrorMessage { try PDFLoader.load(bytes: minimalPDF, path: "huge.pdf", options: options) } }
        #expect(message == "refused: pdftotext output exceeds 100000 bytes")
        #expect(seconds < 5)
    }

    @Test func notAPDF() throws {
        let message = loadErrorMessage { try DocumentLoader.load(bytes: Array("纯文本".utf8), path: "fake.pdf") }
        #expect(message == "named .pdf but not a .pdf file (its content is not a PDF document)")
    }

    @Test(.enabled(if: PDFLoader.locatePdftotext() != nil,
                   "pdftotext is not on PATH: install poppler-utils to read the committed report.pdf"))
    func realPdftotextOnTheFixture() throws {
        let d = try DocumentLoader.load(path: OfficeFixtures.path("report.pdf"))
        #expect(d.format == .pdf)
        let texts = d.lines.map(\.text)
        #expect(texts.first == "一、部门基本情况")
        #expect(texts.contains("（一）主要职能"))
        #expect(texts.contains("二、绩效目标完成情况"))
        // the table is a grid: one line per row, its cells joined by tabs
        let row = try #require(d.lines.first { $0.text.hasPrefix("基本支出") })
        #expect(row.text.split(separator: "\t", omittingEmptySubsequences: true) == ["基本支出", "822.24", "822.24", "100.00%", "均已完成"])
        let reference = try #require(row.tableRow)
        #expect(d.tables[reference.table].rows[reference.row].cells.map(\.gridColumn) == [0, 1, 2, 3, 4])
        #expect(texts.contains("1. 完成项目数量12个。"))
        #expect(d.lines.allSatisfy { $0.place?.hasPrefix("第1页") == true })
    }

    @Test(.enabled(if: PDFLoader.locatePdftotext() != nil,
                   "pdftotext is not on PATH: install poppler-utils to check its error messages"))
    func realPdftotextOnABrokenPDF() throws {
        let message = loadErrorMessage { try DocumentLoader.load(bytes: Array("%PDF-1.4\nbroken\n".utf8), path: "broken.pdf") }
        #expect(message?.hasPrefix("pdftotext failed: ") == true)
        #expect(message?.contains("Couldn't") == true)
    }
}
