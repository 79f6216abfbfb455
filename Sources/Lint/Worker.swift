import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JXCheck
import JXLoad
import JXRules

/// `jxlint __worker …`: a worker process of a batch (hidden; `BatchRunner` starts it). It loads the
/// rule set once, says it is ready, then checks the files the supervisor sends on standard input
/// and writes each report back on standard output, until its input closes. A file that crashes it
/// or runs past its time budget costs that file alone: the supervisor reports it and starts
/// another worker.
///
/// Frames (little-endian): ready `R`; a job `index u32, kind u8 (0 path, 1 bytes), path length u32,
/// data length u64, path, data`; a result `index u32, length u64, ReportCoding bytes`.
enum Worker {
    static let command = "__worker"

    /// Which of a file's lines a report carries back: the HTML output shows every line, the text
    /// output only the lines findings start on (the others are sent empty, so line numbers hold),
    /// the other outputs none. Sending lines nobody shows cost encoding, the pipe and decoding.
    enum SourceLines: String, Sendable {
        case all, findings, no

        func keep(_ report: inout FileReport) {
            switch self {
            case .all: return
            case .no: report.lines = []
            case .findings:
                var shown = [Bool](repeating: false, count: report.lines.count)
                for finding in report.findings {
                    let k = finding.span.start.line - 1
                    if k >= 0 && k < shown.count { shown[k] = true }
                }
                for k in report.lines.indices where !shown[k] && !report.lines[k].isEmpty { report.lines[k] = "" }
            }
        }
    }

    /// The arguments that make a worker check as the supervisor's pipeline would.
    static func arguments(rulesDirectory: String?, rulesExtra: [String], fiscalYear: Int?, only: Set<String>?,
                          sourceLines: SourceLines = .all) -> [String] {
        var args = [command]
        if sourceLines != .all { args += ["--source-lines", sourceLines.rawValue] }
        if let rulesDirectory { args += ["--rules", rulesDirectory] }
        for extra in rulesExtra { args += ["--rules-extra", extra] }
        if let fiscalYear { args += ["--year", String(fiscalYear)] }
        if let only { args += ["--only", only.sorted().joined(separator: ",")] }
        return args
    }

    static func run(_ args: [String]) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var rulesDirectory: String?
        var extra = [String]()
        var year: Int?
        var only: Set<String>?
        var sourceLines = SourceLines.all
        var i = 0
        while i + 1 < args.count {
            switch args[i] {
            case "--rules": rulesDirectory = args[i + 1]
            case "--rules-extra": extra.append(args[i + 1])
            case "--year": year = Int(args[i + 1])
            case "--only": only = Set(args[i + 1].split(separator: ",").map(String.init))
            case "--source-lines": sourceLines = SourceLines(rawValue: args[i + 1]) ?? .all
            default: break
            }
            i += 2
        }
        let ruleSet: RuleSet
        do { ruleSet = try CommandLineTool.loadRules(rulesDirectory, extra: extra) } catch {
            FileHandle.standardError.write(Data("jxlint worker: cannot load the rules: \(error)\n".utf8))
            return 3
        }
        let pipeline = Pipeline(ruleSet: ruleSet, fiscalYear: year, only: only)
        // fault injection for the tests of the supervisor: "crash=NAME" or "hang=NAME" makes this
        // worker crash or hang on a file whose path contains NAME
        let fault = ProcessInfo.processInfo.environment["JXLINT_WORKER_FAULT"].flatMap { spec -> (String, String)? in
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 && !parts[1].isEmpty ? (parts[0], parts[1]) : nil
        }
        guard Frames.write(1, [UInt8(ascii: "R")]) else { return 0 }
        while true {
            guard let header = Frames.read(0, count: 17) else { return 0 }
            let index = Frames.u32(header, 0), kind = header[4]
            let pathLength = Frames.u32(header, 5), dataLength = Frames.u64(header, 9)
            guard let pathBytes = Frames.read(0, count: pathLength), let data = Frames.read(0, count: dataLength) else { return 0 }
            let path = String(decoding: pathBytes, as: UTF8.self)
            if let (kind, name) = fault, path.contains(name) {
                if kind == "crash" { fatalError("injected crash (JXLINT_WORKER_FAULT)") }
                if kind == "hang" { while true { sleep(60) } }
            }
            var report = kind == 0 ? pipeline.report(path: path) : pipeline.report(bytes: data, path: path)
            sourceLines.keep(&report)
            let payload = ReportCoding.encode(report)
            var frame = [UInt8]()
            frame.reserveCapacity(12 + payload.count)
            Frames.put32(&frame, index)
            Frames.put64(&frame, payload.count)
            frame += payload
            guard Frames.write(1, frame) else { return 0 }
        }
    }
}

/// Reading and writing whole frames on file descriptors.
enum Frames {
    /// Exactly `count` bytes, or nil at the end of the input (or on an error).
    static func read(_ fd: Int32, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress! + got, count - got) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            got += n
        }
        return out
    }

    /// Writes everything; false when the other end is gone.
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + done, bytes.count - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    static func put32(_ out: inout [UInt8], _ v: Int) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    static func put64(_ out: inout [UInt8], _ v: Int) { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
    static func u32(_ b: [UInt8], _ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(b[at + $1]) << (8 * $1) } }
    static func u64(_ b: [UInt8], _ at: Int) -> Int { Int(truncatingIfNeeded: (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) }) }
}

/// write(2), out of the way of the `write` methods above.
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}

/// read(2), out of the way of the `read` methods above.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
