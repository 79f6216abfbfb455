import Foundation
import JXCheck

/// Accepted findings, recorded by content fingerprint (rule + the sentence's text), so a draft's
/// accepted findings stay quiet when lines move. A JSON file:
/// `{"version": 1, "findings": [{"path": "…", "rule": "…", "fingerprint": "…"}]}`.
public struct Baseline: Sendable {
    public struct Entry: Codable, Hashable, Sendable, Comparable {
        public var path: String
        public var rule: String
        public var fingerprint: String

        public static func < (a: Entry, b: Entry) -> Bool {
            (a.path, a.rule, a.fingerprint) < (b.path, b.rule, b.fingerprint)
        }
    }

    struct File: Codable {
        var version: Int
        var findings: [Entry]
    }

    public var entries: Set<Entry>

    public init(entries: Set<Entry> = []) { self.entries = entries }

    public static func read(_ path: String) throws -> Baseline {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let file = try JSONDecoder().decode(File.self, from: data)
        return Baseline(entries: Set(file.findings))
    }

    /// The entries of the findings of `reports`.
    public static func entries(of reports: [FileReport]) -> Set<Entry> {
        var entries = Set<Entry>()
        for r in reports where r.error == nil {
            let k = key(r.path)
            for f in r.findings { entries.insert(Entry(path: k, rule: f.rule, fingerprint: f.fingerprint)) }
        }
        return entries
    }

    /// What a refreshed baseline holds: every finding of this run (the accepted ones that still
    /// occur and the new ones), plus the entries of `previous` that this run could not have seen
    /// again: files it did not read, rules it did not run.
    public static func refreshed(previous: Baseline?, reports: [FileReport], ranRule: (String) -> Bool) -> Baseline {
        var entries = Baseline.entries(of: reports)
        if let previous {
            let checked = Set(reports.filter { $0.error == nil }.map { key($0.path) })
            for e in previous.entries where !checked.contains(e.path) || !ranRule(e.rule) { entries.insert(e) }
        }
        return Baseline(entries: entries)
    }

    /// Writes the baseline, entries sorted (a stable file under version control).
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(version: 1, findings: entries.sorted()))
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Writes the findings of `reports` as a new baseline.
    public static func write(_ reports: [FileReport], to path: String) throws {
        try Baseline(entries: entries(of: reports)).write(to: path)
    }

    /// Paths are compared by the last two components of the absolute path, so a baseline survives
    /// moving the folder and spelling the path another way ("report.txt", "./report.txt", "/abs/…").
    static func key(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        let parts = (absolute as NSString).standardizingPath.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    public func filter(_ report: FileReport) -> FileReport {
        var r = report
        let k = Baseline.key(report.path)
        r.findings = report.findings.filter { !entries.contains(Entry(path: k, rule: $0.rule, fingerprint: $0.fingerprint)) }
        return r
    }
}
