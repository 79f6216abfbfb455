import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JXCheck
import JXCore
import JXExtract
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// One input through every stage: load → normalize → structure → extract → check.
public struct Pipeline: Sendable {
    public var ruleSet: RuleSet { didSet { words = Words(ruleSet) } }
    public var fiscalYear: Int?
    /// Rules to run; nil runs every enabled rule.
    public var only: Set<String>?
    /// The vocabulary's matchers, built once per rule set, not per document.
    private var words: Words

    struct Words: Sendable {
        let structure: StructureWords
        let extraction: ExtractionWords
        init(_ ruleSet: RuleSet) {
            structure = StructureWords(vocabulary: ruleSet.lexicon.vocabulary)
            extraction = ExtractionWords(lexicon: ruleSet.lexicon)
        }
    }

    public init(ruleSet: RuleSet, fiscalYear: Int? = nil, only: Set<String>? = nil) {
        self.ruleSet = ruleSet
        self.fiscalYear = fiscalYear
        self.only = only
        words = Words(ruleSet)
    }

    public func facts(of document: Document) -> FactSet {
        let structured = Structurer.structure(Normalizer.normalize(document), words: words.structure)
        return FiscalYearOption.facts(of: structured, lexicon: ruleSet.lexicon, year: fiscalYear, words: words.extraction)
    }

    public func report(for document: Document) -> FileReport {
        let facts = facts(of: document)
        let findings = Checker(ruleSet: ruleSet).check(facts, only: only)
        var places = [Int: String]()
        for line in document.lines { if let p = line.place { places[line.number] = p } }
        return FileReport(path: document.path, format: document.format.rawValue, encoding: document.encoding,
                          fiscalYear: facts.fiscalYear, error: nil, findings: findings,
                          lines: document.lines.map(\.text), linePlaces: places)
    }

    /// Reads and checks one file; a file that cannot be read gets a report with its error.
    public func report(path: String) -> FileReport {
        do {
            return report(for: try DocumentLoader.load(path: path))
        } catch {
            return FileReport(path: path, error: error.message)
        }
    }

    public func report(bytes: [UInt8], path: String) -> FileReport {
        do {
            return report(for: try DocumentLoader.load(bytes: bytes, path: path))
        } catch {
            return FileReport(path: path, error: error.message)
        }
    }

    /// Checks a text given in memory (rule examples, tests).
    public func report(text: String, path: String = "example.txt") -> FileReport {
        report(bytes: Array(text.utf8), path: path)
    }
}

/// Finds the files to check under the given paths.
public enum FileDiscovery {
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "docx", "xlsx", "xlsm", "pdf"]

    public struct Entry: Sendable, Hashable {
        public var path: String
        /// A problem with the path itself (missing, a directory loop); the file is reported with it.
        public var error: String?
    }

    /// Files named explicitly are taken whatever their extension; folders are walked recursively for
    /// report files, following symbolic links once (a loop is reported, not followed).
    public static func expand(_ paths: [String]) -> [Entry] {
        var out = [Entry]()
        var visited = Set<String>()
        let fm = FileManager.default
        func walk(_ dir: String, display: String) {
            // realpath(3): NSString's resolvingSymlinksInPath resolves ".." lexically on Linux
            let real = realPath(dir) ?? dir
            if visited.contains(real) {
                out.append(Entry(path: display, error: "directory loop (already visited \(real))"))
                return
            }
            visited.insert(real)
            guard let names = try? fm.contentsOfDirectory(atPath: dir) else {
                out.append(Entry(path: display, error: "cannot read the directory"))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = (dir as NSString).appendingPathComponent(name)
                let shown = (display as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    walk(full, display: shown)
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    // a FIFO, socket or device inside a folder is not a report (reading one would block)
                    guard isRegularFile(full) else { continue }
                    out.append(Entry(path: shown))
                }
            }
        }
        for path in paths {
            var isDir: ObjCBool = false
            if path == "-" {
                out.append(Entry(path: "-"))
            } else if !fm.fileExists(atPath: path, isDirectory: &isDir) {
                out.append(Entry(path: path, error: "no such file or directory"))
            } else if isDir.boolValue {
                walk(path, display: path)
            } else {
                out.append(Entry(path: path))
            }
        }
        return out
    }
}

func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return (info.st_mode & S_IFMT) == S_IFREG
}

/// Checks many files in parallel; results come back in input order.
public enum Batch {
    /// Work queue and results shared by the workers, behind a lock.
    final class State: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var results: [FileReport?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func take() -> Int {
            lock.lock()
            defer { lock.unlock() }
            let i = next
            next += 1
            return i
        }

        func store(_ report: FileReport, at i: Int) {
            lock.lock()
            results[i] = report
            lock.unlock()
        }
    }

    public static func run(_ entries: [FileDiscovery.Entry], pipeline: Pipeline, jobs: Int, stdin: [UInt8]? = nil) -> [FileReport] {
        let state = State(count: entries.count)
        let workers = max(1, min(jobs, entries.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = state.take()
                if i >= entries.count { return }
                let entry = entries[i]
                let report: FileReport
                if let error = entry.error {
                    report = FileReport(path: entry.path, error: error)
                } else if entry.path == "-" {
                    report = pipeline.report(bytes: stdin ?? [], path: "-")
                } else {
                    report = pipeline.report(path: entry.path)
                }
                state.store(report, at: i)
            }
        }
        return state.results.map { $0! }
    }
}
