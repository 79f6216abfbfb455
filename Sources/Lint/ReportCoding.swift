import Foundation
import JXCheck
import JXCore
import JXRules

/// A `FileReport` as bytes, for the pipe between a batch's worker processes and the process that
/// writes the output: lengths and integers little-endian, strings as UTF-8 with their length.
/// Only this program writes and reads it, so it is no file format; decoding still checks every
/// length, and a malformed message is an error, never a crash.
enum ReportCoding {
    struct Malformed: Error {}

    static func encode(_ report: FileReport) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256 + report.lines.reduce(0) { $0 + $1.utf8.count + 8 } + report.findings.count * 400)
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) { int(s.utf8.count); out.append(contentsOf: s.utf8) }
        func optional(_ s: String?) { if let s { out.append(1); string(s) } else { out.append(0) } }
        func position(_ p: SourcePosition) { int(p.line); int(p.column) }
        string(report.path)
        optional(report.format)
        optional(report.encoding)
        if let y = report.fiscalYear { out.append(1); int(y) } else { out.append(0) }
        optional(report.error)
        int(report.findings.count)
        for f in report.findings {
            string(f.rule)
            string(f.category.rawValue)
            string(f.severity.rawValue)
            position(f.span.start)
            position(f.span.end)
            optional(f.place)
            string(f.message)
            string(f.evidence)
            int(f.related.count)
            for r in f.related {
                position(r.position)
                optional(r.place)
                string(r.message)
            }
            string(f.fingerprint)
        }
        int(report.lines.count)
        for line in report.lines { string(line) }
        int(report.linePlaces.count)
        for (line, place) in report.linePlaces.sorted(by: { $0.key < $1.key }) {
            int(line)
            string(place)
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) throws -> FileReport {
        try decode(bytes[...])
    }

    /// Decodes a report framed in a larger buffer, read in place (not copied out of it first).
    static func decode(_ bytes: ArraySlice<UInt8>) throws -> FileReport {
        var at = bytes.startIndex
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n >= 0, n <= bytes.endIndex - at else { throw Malformed() }
            defer { at += n }
            return bytes[at..<(at + n)]
        }
        func int() throws -> Int {
            let b = try take(8)
            var v: UInt64 = 0
            for (k, byte) in b.enumerated() { v |= UInt64(byte) << (8 * UInt64(k)) }
            return Int(Int64(bitPattern: v))
        }
        func count() throws -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count else { throw Malformed() }
            return n
        }
        func string() throws -> String { String(decoding: try take(try count()), as: UTF8.self) }
        func flag() throws -> Bool {
            let b = try take(1)
            guard let f = b.first, f <= 1 else { throw Malformed() }
            return f == 1
        }
        func optional() throws -> String? { try flag() ? try string() : nil }
        func position() throws -> SourcePosition { SourcePosition(line: try int(), column: try int()) }

        var report = FileReport(path: try string())
        report.format = try optional()
        report.encoding = try optional()
        report.fiscalYear = try flag() ? try int() : nil
        report.error = try optional()
        let findings = try count()
        report.findings.reserveCapacity(findings)
        for _ in 0..<findings {
            let rule = try string()
            guard let category = RuleCategory(rawValue: try string()), let severity = Severity(rawValue: try string()) else { throw Malformed() }
            let span = SourceSpan(start: try position(), end: try position())
            let place = try optional()
            let message = try string(), evidence = try string()
            var related = [RelatedLocation]()
            for _ in 0..<(try count()) {
                related.append(RelatedLocation(position: try position(), place: try optional(), message: try string()))
            }
            report.findings.append(Finding(rule: rule, category: category, severity: severity, span: span, place: place,
                                           message: message, evidence: evidence, related: related, fingerprint: try string()))
        }
        let lines = try count()
        report.lines.reserveCapacity(lines)
        for _ in 0..<lines { report.lines.append(try string()) }
        for _ in 0..<(try count()) {
            let line = try int()
            report.linePlaces[line] = try string()
        }
        guard at == bytes.endIndex else { throw Malformed() }
        return report
    }
}
