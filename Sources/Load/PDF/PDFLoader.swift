import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a PDF through poppler's `pdftotext -tsv -enc UTF-8 FILE -`: the words and their places on
/// each page, from which `PDFLayout` rebuilds lines and table grids (place "第P页"). Text output
/// (`-layout`, from a pdftotext without -tsv) is read line by line, a form feed starting a page. The program is looked up on `PATH` (or the
/// search path given in `Options`), runs at most `Options.timeout` seconds, and its output is
/// capped at `Options.maximumOutput` bytes. When the program is missing the error says how to
/// install it; when it fails (encrypted or damaged PDF), its own message is the error.
public enum PDFLoader {
    public struct Options: Sendable {
        /// Directories searched for `pdftotext`, separated by ":"; nil means `$PATH`.
        public var searchPath: String?
        /// Seconds before pdftotext is stopped.
        public var timeout: Double
        /// The most text accepted from one PDF.
        public var maximumOutput: Int

        public init(searchPath: String? = nil, timeout: Double = 60, maximumOutput: Int = Limits.largestText) {
            self.searchPath = searchPath
            self.timeout = timeout
            self.maximumOutput = maximumOutput
        }
    }

    public static let missingToolMessage =
        "reading .pdf needs the pdftotext program: install poppler-utils (e.g. apt-get install poppler-utils)"

    static func load(bytes: [UInt8], path: String) throws(LoadError) -> Document {
        try load(bytes: bytes, path: path, options: Options())
    }

    public static func load(bytes: [UInt8], path: String, options: Options) throws(LoadError) -> Document {
        if !bytes.starts(with: Array("%PDF-".utf8)) {
            // Not a PDF at all (a text file named .pdf): the text reader says so.
            return try DocumentLoader.loadText(bytes: bytes, path: path, format: .text)
        }
        guard let tool = locatePdftotext(searchPath: options.searchPath) else {
            throw LoadError(missingToolMessage)
        }
        // Read the file itself when it is there and holds these bytes; else a private temporary copy.
        var input = path
        var temporary: String? = nil
        if !fileHolds(path, bytes) {
            let name = NSTemporaryDirectory() + "jxlint-\(getpid())-\(UUID().uuidString).pdf"
            guard FileManager.default.createFile(atPath: name, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw LoadError("cannot write a temporary copy of the PDF for pdftotext")
            }
            input = name
            temporary = name
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        // A file name starting with "-" would read as an option.
        if input.hasPrefix("-") { input = "./" + input }
        // The words with their coordinates, from which lines and tables are rebuilt (PDFLayout); a
        // pdftotext too old for -tsv gives its -layout text.
        let output: String
        do {
            output = try run(tool, ["-tsv", "-enc", "UTF-8", input, "-"], options: options)
        } catch let error where error.message.contains("Error: Unknown option") || error.message.contains("-tsv") {
            return document(fromText: try run(tool, ["-layout", "-enc", "UTF-8", input, "-"], options: options), path: path)
        }
        if let pages = PDFLayout.parseTSV(output) { return PDFLayout.document(pages: pages, path: path) }
        return document(fromText: output, path: path)
    }

    /// The pdftotext executable on the search path, if any.
    public static func locatePdftotext(searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(directory) + "/pdftotext"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    private static func fileHolds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.type] as? FileAttributeType) == .typeRegular,
              let size = attributes[.size] as? NSNumber, size.intValue == bytes.count,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        return head.elementsEqual(bytes.prefix(65_536))
    }

    /// Collects a pipe's bytes on another thread, keeping at most `limit`.
    private final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private(set) var overflowed = false
        let limit: Int
        init(limit: Int) { self.limit = limit }
        func append(_ chunk: Data) -> Bool {
            lock.lock(); defer { lock.unlock() }
            if data.count + chunk.count > limit {
                data.append(chunk.prefix(max(0, limit - data.count)))
                overflowed = true
                return false
            }
            data.append(chunk)
            return true
        }
        var bytes: Data { lock.lock(); defer { lock.unlock() }; return data }
        var didOverflow: Bool { lock.lock(); defer { lock.unlock() }; return overflowed }
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.lock(); value = true; lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    }

    /// Runs the tool; its standard output as UTF-8 text, or a LoadError with its message.
    static func run(_ tool: String, _ arguments: [String], options: Options) throws(LoadError) -> String {
        let out = Pipe(), err = Pipe()
        // an executable just written may still be open for writing in another thread's child
        // ("text file busy"): try again, with a new Process, a few times before giving up
        var attempt = 0
        var launched: Process? = nil
        while launched == nil {
            let candidate = Process()
            candidate.executableURL = URL(fileURLWithPath: tool)
            candidate.arguments = arguments
            candidate.standardOutput = out
            candidate.standardError = err
            candidate.standardInput = FileHandle.nullDevice
            do {
                try candidate.run()
                launched = candidate
            } catch {
                attempt += 1
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                if attempt < 5 && underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY) {
                    usleep(50_000)
                    continue
                }
                throw LoadError("cannot run \(tool): \((error as NSError).localizedDescription)")
            }
        }
        let process = launched!
        let pid = process.processIdentifier
        let stdout = Collector(limit: options.maximumOutput)
        let stderr = Collector(limit: 16 * 1024)
        let timedOut = Flag()
        let done = DispatchGroup()
        for (pipe, collector, isOutput) in [(out, stdout, true), (err, stderr, false)] {
            done.enter()
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async {
                defer { done.leave() }
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    if !collector.append(chunk) && isOutput {
                        kill(pid, SIGKILL)
                        break
                    }
                }
                // Drain the rest so the child never blocks on a full pipe.
                while !handle.availableData.isEmpty {}
            }
        }
        let deadline = DispatchTime.now() + options.timeout
        if done.wait(timeout: deadline) == .timedOut {
            timedOut.set()
            kill(pid, SIGKILL)
            _ = done.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        if timedOut.isSet {
            throw LoadError("pdftotext did not finish within \(String(format: "%g", options.timeout)) seconds; stopped")
        }
        if stdout.didOverflow {
            throw LoadError("refused: pdftotext output exceeds \(ZipArchive.size(options.maximumOutput))")
        }
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal || status != 0 {
            var seen: Set<String> = []
            var message = String(decoding: stderr.bytes, as: UTF8.self)
                .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: "; ")
            if message.isEmpty {
                message = process.terminationReason == .uncaughtSignal ? "killed by signal \(status)" : "exit status \(status)"
            }
            throw LoadError("pdftotext failed: \(message)")
        }
        return String(decoding: stdout.bytes, as: UTF8.self)
    }

    /// Splits pdftotext output into lines; a form feed starts a new page.
    static func document(fromText text: String, path: String) -> Document {
        var lines: [SourceLine] = []
        var page = 1
        var current = ""
        func flush() {
            lines.append(SourceLine(number: lines.count + 1, text: current, place: "第\(page)页"))
            current = ""
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{0C}":
                // The page ends here: close its last line if it has text, and start the next page.
                if !current.isEmpty { flush() }
                page += 1
            case "\n":
                flush()
            case "\r":
                continue
            default:
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { flush() }
        var notes: [String] = []
        if lines.isEmpty || lines.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
            notes.append("pdftotext found no text (a scanned PDF needs OCR first)")
        }
        return Document(path: path, format: .pdf, encoding: "utf-8", lines: lines, notes: notes)
    }
}
