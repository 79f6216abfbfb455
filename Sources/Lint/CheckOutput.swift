import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JXCheck
import JXFormat
import JXRules

/// The output of one `jxlint check`, written as the reports come (in input order): each report is
/// filtered (--min-severity, the baseline), its part of the output written, and only a light copy
/// kept where a format or --write-baseline needs every file (CSV, SARIF, the HTML index). `finish`
/// writes the end, the baseline and the notes, and gives the exit code.
final class CheckRun: @unchecked Sendable {
    let options: CheckOptions
    let formatOptions: FormatOptions
    var stream: StreamingOutput
    let baseline: Baseline?
    let baselineMissing: Bool
    /// --write-baseline: the reports as checked (severity-filtered, before the baseline), light.
    var forBaseline: [FileReport]?
    let previousBaseline: Baseline?
    let ranRule: (String) -> Bool
    var suppressed = 0
    var unreadable = false
    var failing = false
    var count = 0
    let total: Int

    /// Where text output goes: standard output, or a temporary file renamed over --output at the end.
    var file: (handle: FileHandle, temporary: String, target: String)?
    /// HTML: the folder of the pages (--output DIR, or a temporary folder), their names, and
    /// whether the index goes to standard output.
    var htmlFolder: String?
    var htmlTemporary = false
    var pageNames = [String]()

    init(options: CheckOptions, formatOptions: FormatOptions, total: Int, baseline: Baseline?, baselineMissing: Bool,
         previousBaseline: Baseline?, ranRule: @escaping (String) -> Bool) throws {
        self.options = options
        self.formatOptions = formatOptions
        self.total = total
        self.baseline = baseline
        self.baselineMissing = baselineMissing
        self.previousBaseline = previousBaseline
        self.ranRule = ranRule
        stream = StreamingOutput(format: options.format, options: formatOptions)
        if options.writeBaseline != nil { forBaseline = [] }
        if options.format == .html {
            if let out = options.output {
                if !CommandLineTool.isPagePath(out) { htmlFolder = out }
            } else if total > 1 {
                // several pages do not fit standard output: they go to a fresh folder, the index
                // (linking to them there) to standard output
                htmlFolder = try CommandLineTool.temporaryFolder("jxlint-html")
                htmlTemporary = true
            }
            if let dir = htmlFolder {
                do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                    throw UsageError(message: "cannot write the HTML pages to \(dir): \(CommandLineTool.describe(error))")
                }
            }
        } else if let path = options.output {
            // written as the batch goes into a file beside the target, renamed over it at the end
            let directory = (path as NSString).deletingLastPathComponent
            let temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent + ".jxlint-\(getpid()).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw UsageError(message: "cannot write \(path): cannot create a file in \(directory.isEmpty ? "." : directory)")
            }
            file = (handle, temporary, path)
        }
        try write(stream.begin())
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    func write(utf8 bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(utf8: $0) }
    }

    func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        if let file {
            do { try file.handle.write(contentsOf: Data(buffer: bytes)) } catch {
                throw UsageError(message: "cannot write \(file.target): \(CommandLineTool.describe(error))")
            }
        } else {
            try StandardOutput.write(utf8: bytes)
        }
    }

    func writeFile(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw UsageError(message: "cannot write \(path): \(CommandLineTool.describe(error))")
        }
    }

    /// One file's report, in input order.
    func emit(_ report: FileReport) throws {
        var r = report
        r.findings.removeAll { $0.severity < options.minSeverity }
        if let year = options.fiscalYear, r.error == nil, let own = r.fiscalYear, own != year {
            CommandLineTool.note("\(r.path) states its own year, \(own): checked as a report of \(own), not of --year \(year)")
        }
        if forBaseline != nil { forBaseline!.append(StreamingOutput.light(r)) }
        if let baseline, !baselineMissing {
            let kept = baseline.filter(r)
            suppressed += r.findings.count - kept.findings.count
            r = kept
        }
        if r.error != nil { unreadable = true }
        if let threshold = options.failOn, r.findings.contains(where: { $0.severity >= threshold }) { failing = true }
        let index = count
        count += 1
        if options.format == .html {
            _ = stream.file(r)   // the light copy, for the index
            if let dir = htmlFolder {
                let name = Formatters.htmlPageFileName(for: r.path, index: index)
                pageNames.append(name)
                var pageOptions = formatOptions
                if pageOptions.htmlIndexHref == nil { pageOptions.htmlIndexHref = Formatters.htmlIndexFileName }
                do {
                    try Formatters.htmlPage(r, options: pageOptions).write(toFile: (dir as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
                } catch {
                    throw UsageError(message: "cannot write the HTML pages to \(dir): \(CommandLineTool.describe(error))")
                }
            } else if let out = options.output {
                try writeFile(Formatters.htmlPage(r, options: formatOptions), to: out)
            } else {
                try write(Formatters.htmlPage(r, options: formatOptions))
            }
            return
        }
        try write(utf8: stream.fileUTF8(r))
    }

    /// The end of the output, the baseline, the notes; the exit code.
    func finish() throws -> Int32 {
        if let w = options.writeBaseline, let reports = forBaseline {
            let refreshed = Baseline.refreshed(previous: previousBaseline, reports: reports, ranRule: ranRule)
            do { try refreshed.write(to: w) } catch {
                throw UsageError(message: "cannot write baseline \(w): \(CommandLineTool.describe(error))")
            }
            let current = Baseline.entries(of: reports)
            let before = previousBaseline?.entries ?? []
            let new = current.subtracting(before).count
            let kept = refreshed.entries.count - current.count
            var text = "wrote \(refreshed.entries.count) accepted finding\(refreshed.entries.count == 1 ? "" : "s") to \(w): \(current.count - new) already accepted, \(new) new"
            if kept > 0 { text += ", \(kept) kept for files or rules not checked in this run" }
            let gone = before.filter { e in !refreshed.entries.contains(e) }.count
            if gone > 0 { text += ", \(gone) dropped (no longer found)" }
            CommandLineTool.note(text)
        }
        if baseline != nil, let b = options.baseline.map(CommandLineTool.shown), !baselineMissing {
            CommandLineTool.note("\(suppressed) finding\(suppressed == 1 ? "" : "s") suppressed by baseline \(b)")
        }
        if options.format == .html {
            if let dir = htmlFolder {
                let index = Formatters.htmlIndex(stream.kept, pageNames: pageNames, options: formatOptions)
                try writeFile(index, to: (dir as NSString).appendingPathComponent(Formatters.htmlIndexFileName))
                if htmlTemporary {
                    let absolute = pageNames.map { (dir as NSString).appendingPathComponent($0) }
                    try write(Formatters.htmlIndex(stream.kept, pageNames: absolute, options: formatOptions))
                    CommandLineTool.note("\(count) report pages written to \(dir)/ (open \(dir)/index.html); give --output DIR to choose the folder")
                }
            }
        } else {
            try write(stream.end())
        }
        if let file {
            try? file.handle.close()
            if rename(file.temporary, file.target) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(file.temporary)
                throw UsageError(message: "cannot write \(file.target): \(reason)")
            }
        }
        if unreadable { return 2 }
        if failing { return 1 }
        return 0
    }

    /// A run stopped before its end (a usage error while writing): no half-written --output file.
    func abandon() {
        if let file {
            try? file.handle.close()
            unlink(file.temporary)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Standard output written by hand: Foundation's `FileHandle.write` traps on a closed pipe, and
/// SIGPIPE is ignored while workers run.
enum StandardOutput {
    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    static func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        var done = 0
        var failure: Int32?
        while done < bytes.count {
            let n = systemWrite(1, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            done += n
        }
        guard let failure else { return }
        if failure == EPIPE {
            // the reader has gone (`jxlint check … | head`): end as a filter does, without a word
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
            _exit(141)
        }
        throw UsageError(message: "cannot write to standard output: \(String(cString: strerror(failure)))")
    }
}

