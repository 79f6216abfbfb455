import Foundation
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
    public var writeBaseline: String?
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    public var color: Bool?

    public init() {}

    /// Whether a rule id is selected: `--select` / `--ignore` take ids, categories ("sum") or
    /// prefixes ending in "*" ("sum.parts-*").
    public func selects(_ id: String, category: String) -> Bool {
        func matches(_ pattern: String) -> Bool {
            if pattern == id || pattern == category { return true }
            if pattern.hasSuffix("*") { return id.hasPrefix(String(pattern.dropLast())) }
            if pattern.hasSuffix(".") { return id.hasPrefix(pattern) }
            return false
        }
        if !select.isEmpty && !select.contains(where: matches) { return false }
        return !ignore.contains(where: matches)
    }
}

/// `.jxlint.toml`, found upward from the current directory; command-line options win.
public enum ConfigFile {
    public static let name = ".jxlint.toml"

    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        for _ in 0..<64 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return nil
    }

    public static func apply(_ path: String, to options: inout CheckOptions) throws(TOMLError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TOMLError(file: path, line: 1, column: 1, message: "cannot read the configuration file")
        }
        let root = try TOML.parse(text, file: path)
        try root.checkKeys(allowed: ["format", "rules", "year", "select", "ignore", "min_severity", "fail_on", "baseline", "jobs", "rules_extra"], file: path)
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
        if let b = try root.string("baseline", file: path) { options.baseline = relative(b) }
        if let j = try root.int("jobs", file: path) { options.jobs = max(1, j) }
    }
}
