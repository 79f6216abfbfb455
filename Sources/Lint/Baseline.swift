import Foundation
import JXCheck

/// Accepted findings, recorded by content fingerprint (rule + the sentence's text), so a draft's
/// accepted findings stay quiet when lines move. A JSON file:
/// `{"version": 1, "findings": [{"path": "…", "rule": "…", "fingerprint": "…"}]}`.
public struct Baseline: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var path: String
        public var rule: String
        public var fingerprint: String
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

    public static func write(_ reports: [FileReport], to path: String) throws {
        var entries = [Entry]()
        for r in reports {
            for f in r.findings { entries.append(Entry(path: key(r.path), rule: f.rule, fingerprint: f.fingerprint)) }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(version: 1, findings: entries))
        try data.write(to: URL(fileURLWithPath: path))
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
