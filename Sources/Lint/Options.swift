import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JXFormat
import JXRules

/// Settings of a `jxlint check` run, from the command line and `.jxlint.toml`.
public struct CheckOptions: Sendable {
    public var paths: [String] = []
    public var format: OutputFormat = .text
    public var output: String?
    public var rulesDirectory: String?
    /// Extension folders (`--rules-extra`, `rules_extra` in .jxlint.toml), applied in order.
    public var rulesExtra: [String] = []
    public var fiscalYear: Int?
    public var select: [String] = []
    public var ignore: [String] = []
    public var minSeverity: Severity = .info
    /// nil: never fail on findings.
    public var failOn: Severity? = .error
    public var baseline: String?
    /// The baseline was named by `.jxlint.toml`: a file that does not exist yet is an empty baseline.
    public var baselineFromConfig = false
    public var writeBaseline: String?
    /// Files checked at once; by default the number of cores, asked for only when read (it reads
    /// the cgroup's CPU quota: start-up time a run of one file does not need).
    public var jobs: Int {
        get { jobsGiven ?? ProcessInfo.processInfo.activeProcessorCount }
        set { jobsGiven = newValue }
    }
    private var jobsGiven: Int?
    public var color: Bool?
    /// Seconds per MB of input a file may take (at least twice that); 0: no limit.
    public var timeBudget: Double = 5
    /// Folder walks follow symbolic links (`--follow-links`); links named on the command line are
    /// always followed.
    public var followLinks = false

    public init() {}

    /// Whether a rule id is selected: `--select` / `--ignore` take ids, categories ("sum") or
    /// prefixes ending in "*" ("sum.parts-*").
    public func selects(_ id: String, category: String) -> Bool {
        if !select.isEmpty && !select.contains(where: { Self.matches($0, id: id, category: category) }) { return false }
        return !ignore.contains(where: { Self.matches($0, id: id, category: category) })
    }

    /// A `--select` / `--ignore` pattern against one rule.
    public static func matches(_ pattern: String, id: String, category: String) -> Bool {
        if pattern == id || pattern == category { return true }
        if pattern.hasSuffix("*") { return id.hasPrefix(String(pattern.dropLast())) }
        if pattern.hasSuffix(".") { return id.hasPrefix(pattern) }
        return false
    }
}

/// `.jxlint.toml`, found upward from the current directory; command-line options win.
public enum ConfigFile {
    public static let name = ".jxlint.toml"
    /// Every option of `check` but the paths, `--config` and `--write-baseline`, in snake_case.
    public static let keys = ["format", "output", "rules", "rules_extra", "year", "select", "ignore", "min_severity", "fail_on", "baseline", "jobs", "color", "time_budget", "follow_links"]

    /// The nearest `.jxlint.toml` in the directory or above it (at most 64 levels). The path is
    /// taken apart as a string (`.` and `..` resolved as written, links not followed), not through
    /// `URL`, whose every step showed in the start-up profile.
    public static func find(from directory: String = currentDirectory()) -> String? {
        let absolute = directory.hasPrefix("/") ? directory : currentDirectory() + "/" + directory
        var parts = [Substring]()
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        for _ in 0..<64 {
            let candidate = "/" + (parts + [Substring(name)]).joined(separator: "/")
            if exists(candidate) { return candidate }
            if parts.isEmpty { break }
            parts.removeLast()
        }
        return nil
    }

    /// The working directory (getcwd: `FileManager` is not needed for it).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        if getcwd(&buffer, buffer.count) != nil {
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return FileManager.default.currentDirectoryPath
    }

    /// Something is at the path (links followed), as `FileManager.fileExists(atPath:)` says.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func apply(_ path: String, to options: inout CheckOptions) throws(TOMLError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TOMLError(file: path, line: 1, column: 1, message: "cannot read the configuration file")
        }
        let root = try TOML.parse(text, file: path)
        try root.checkKeys(allowed: Set(keys), file: path)
        let base = (path as NSString).deletingLastPathComponent
        func relative(_ p: String) -> String { p.hasPrefix("/") ? p : (base as NSString).appendingPathComponent(p) }
        if let node = root["format"] {
            let f = try node.string(file: path, key: "format")
            guard let format = OutputFormat(rawValue: f) else { throw node.error("unknown format '\(f)' (text, json, sarif, html, csv)", file: path) }
            options.format = format
        }
        if let r = try root.string("rules", file: path) { options.rulesDirectory = relative(r) }
        if let extra = try root.strings("rules_extra", file: path) { options.rulesExtra = extra.map(relative) }
        if let y = try root.int("year", file: path) { options.fiscalYear = y }
        if let s = try root.strings("select", file: path) { options.select = s }
        if let s = try root.strings("ignore", file: path) { options.ignore = s }
        if let node = root["min_severity"] {
            let s = try node.string(file: path, key: "min_severity")
            guard let sev = Severity(rawValue: s) else { throw node.error("unknown severity '\(s)' (info, warning, error)", file: path) }
            options.minSeverity = sev
        }
        if let node = root["fail_on"] {
            let s = try node.string(file: path, key: "fail_on")
            if s == "never" { options.failOn = nil } else if let sev = Severity(rawValue: s) { options.failOn = sev } else {
                throw node.error("unknown fail_on '\(s)' (error, warning, never)", file: path)
            }
        }
        if let o = try root.string("output", file: path) { options.output = relative(o) }
        if let b = try root.string("baseline", file: path) {
            options.baseline = relative(b)
            options.baselineFromConfig = true
        }
        if let node = root["jobs"] {
            let j = try node.int(file: path, key: "jobs")
            guard j >= 1 else { throw node.error("jobs must be a positive number", file: path) }
            options.jobs = j
        }
        if let c = try root.bool("color", file: path) { options.color = c }
        if let node = root["time_budget"] {
            let d = try node.decimal(file: path, key: "time_budget")
            guard d >= 0 else { throw node.error("time_budget must be a number of seconds per MB, 0 for no limit", file: path) }
            options.timeBudget = NSDecimalNumber(decimal: d).doubleValue
        }
        if let f = try root.bool("follow_links", file: path) { options.followLinks = f }
    }
}
