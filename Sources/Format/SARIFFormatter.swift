import JXCore
import JXRules
import JXCheck

/// A SARIF 2.1.0 log with one run. Columns are Unicode code points (`columnKind`
/// "unicodeCodePoints"), regions end-exclusive as SARIF requires.
struct SARIFFormatter {
    let reports: [FileReport]
    let options: FormatOptions

    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let fingerprintKey = "jxlintFingerprint/v1"
    static let unreadableNotificationID = "jxlint.file-unreadable"

    private struct Descriptor {
        var id: String
        var category: RuleCategory
        var severity: Severity
        var title: String
        var explanation: String
    }

    /// `tool.driver.rules`: the given rules in order, then any rule a finding names that is not
    /// among them (so that every result has a valid `ruleIndex`).
    private func descriptors() -> (list: [Descriptor], index: [String: Int]) {
        var list: [Descriptor] = []
        var index: [String: Int] = [:]
        for rule in options.rules where index[rule.id] == nil {
            index[rule.id] = list.count
            list.append(Descriptor(id: rule.id, category: rule.category, severity: rule.severity,
                                   title: rule.title, explanation: rule.explanation))
        }
        for report in reports {
            for finding in report.findings where index[finding.rule] == nil {
                index[finding.rule] = list.count
                list.append(Descriptor(id: finding.rule, category: finding.category, severity: finding.severity,
                                       title: "", explanation: ""))
            }
        }
        return (list, index)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// "sum.budget-parts" → "SumBudgetParts".
    static func pascalCase(_ id: String) -> String {
        var out = ""
        var upperNext = true
        for ch in id {
            if ch.isLetter || ch.isNumber {
                if upperNext { out += ch.uppercased() } else { out.append(ch) }
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return out.isEmpty ? id : out
    }

    static func mimeType(_ format: String?) -> String? {
        switch format {
        case "text": return "text/plain"
        case "markdown": return "text/markdown"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "pdf": return "application/pdf"
        default: return nil
        }
    }

    /// The URI of a report's path, relative to `baseDirectory` when it is under it.
    private func artifactURI(_ path: String) -> (uri: String, relativeToBase: Bool) {
        var p = path
        if let base = options.baseDirectory, !base.isEmpty, p.hasPrefix("/") {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if p.hasPrefix(prefix) { p = String(p.dropFirst(prefix.count)) }
        }
        let uri = Escape.uri(forPath: p)
        return (uri, !uri.hasPrefix("file:"))
    }

    private func baseURI() -> String? {
        guard let base = options.baseDirectory, !base.isEmpty else { return nil }
        var uri = Escape.uri(forPath: base.hasPrefix("/") ? base : "/" + base)
        if !uri.hasSuffix("/") { uri += "/" }
        return uri
    }

    func render() -> String {
        var capacity = 2048 + options.rules.count * 600
        for report in reports { capacity += 300 + report.findings.count * 1200 }
        var w = JSONWriter(capacity: capacity)
        let (rules, ruleIndex) = descriptors()
        let base = baseURI()
        let uris = reports.map { artifactURI($0.path) }
        let unreadable = reports.indices.filter { reports[$0].error != nil }

        func writeArtifactLocation(_ i: Int, _ w: inout JSONWriter) {
            w.object("artifactLocation") { w in
                w.field("uri", uris[i].uri)
                if base != nil && uris[i].relativeToBase { w.field("uriBaseId", "SRCROOT") }
                w.field("index", i)
            }
        }

        w.beginObject()
        w.field("$schema", Self.schemaURI)
        w.field("version", "2.1.0")
        w.array("runs") { w in
            w.beginObject()
            w.object("tool") { w in
                w.object("driver") { w in
                    w.field("name", options.toolName)
                    w.field("version", options.toolVersion)
                    if let uri = options.informationURI, !uri.isEmpty { w.field("informationUri", uri) }
                    w.array("rules") { w in
                        for rule in rules {
                            w.beginObject()
                            w.field("id", rule.id)
                            w.field("name", Self.pascalCase(rule.id))
                            w.object("shortDescription") { w in w.field("text", rule.title.isEmpty ? rule.id : rule.title) }
                            if !rule.explanation.isEmpty {
                                w.object("fullDescription") { w in w.field("text", rule.explanation) }
                                w.object("help") { w in w.field("text", rule.explanation) }
                            }
                            w.object("defaultConfiguration") { w in w.field("level", Self.level(rule.severity)) }
                            w.object("properties") { w in
                                w.field("category", rule.category.rawValue)
                                w.array("tags") { w in w.string(rule.category.rawValue) }
                            }
                            w.endObject()
                        }
                    }
                }
            }
            w.array("invocations") { w in
                w.beginObject()
                w.field("executionSuccessful", unreadable.isEmpty)
                if !unreadable.isEmpty {
                    w.array("toolExecutionNotifications") { w in
                        for i in unreadable {
                            w.beginObject()
                            w.field("level", "error")
                            w.object("message") { w in w.field("text", Escape.visible("\(reports[i].path): \(reports[i].error ?? "")")) }
                            w.array("locations") { w in
                                w.beginObject()
                                w.object("physicalLocation") { w in writeArtifactLocation(i, &w) }
                                w.endObject()
                            }
                            w.object("descriptor") { w in w.field("id", Self.unreadableNotificationID) }
                            w.endObject()
                        }
                    }
                }
                w.endObject()
            }
            if let base {
                w.object("originalUriBaseIds") { w in
                    w.object("SRCROOT") { w in w.field("uri", base) }
                }
            }
            w.array("artifacts") { w in
                for (i, report) in reports.enumerated() {
                    w.beginObject()
                    w.object("location") { w in
                        w.field("uri", uris[i].uri)
                        if base != nil && uris[i].relativeToBase { w.field("uriBaseId", "SRCROOT") }
                    }
                    if let mime = Self.mimeType(report.format) { w.field("mimeType", mime) }
                    if let encoding = report.encoding, !encoding.isEmpty { w.field("encoding", encoding) }
                    if report.format != nil || report.fiscalYear != nil {
                        w.object("properties") { w in
                            if let format = report.format { w.field("format", format) }
                            if let year = report.fiscalYear { w.field("fiscalYear", year) }
                        }
                    }
                    w.endObject()
                }
            }
            w.field("columnKind", "unicodeCodePoints")
            w.array("results") { w in
                for (i, report) in reports.enumerated() {
                    for finding in Formatters.sortedFindings(report) {
                        writeResult(finding, report: report, artifact: i, ruleIndex: ruleIndex[finding.rule] ?? 0,
                                    location: writeArtifactLocation, into: &w)
                    }
                }
            }
            w.endObject()
        }
        w.endObject()
        return w.finish()
    }

    private func writeResult(_ finding: Finding, report: FileReport, artifact: Int, ruleIndex: Int,
                             location writeArtifactLocation: (Int, inout JSONWriter) -> Void, into w: inout JSONWriter) {
        let place = Formatters.place(of: finding, in: report)
        w.beginObject()
        w.field("ruleId", finding.rule)
        w.field("ruleIndex", ruleIndex)
        w.field("level", Self.level(finding.severity))
        w.object("message") { w in
            w.field("text", Escape.visible(finding.evidence.isEmpty ? finding.message : finding.message + "：" + finding.evidence))
        }
        w.array("locations") { w in
            w.beginObject()
            w.object("physicalLocation") { w in
                writeArtifactLocation(artifact, &w)
                w.object("region") { w in
                    let start = finding.span.start
                    let end = max(finding.span.end, start)
                    w.field("startLine", max(start.line, 1))
                    w.field("startColumn", max(start.column, 1))
                    w.field("endLine", max(end.line, 1))
                    w.field("endColumn", max(end.column, 0) + 1)
                }
            }
            if let place {
                w.array("logicalLocations") { w in
                    w.beginObject()
                    w.field("name", Escape.visible(place))
                    w.field("kind", "element")
                    w.endObject()
                }
            }
            w.endObject()
        }
        if !finding.related.isEmpty {
            w.array("relatedLocations") { w in
                for (k, related) in finding.related.enumerated() {
                    w.beginObject()
                    w.field("id", k + 1)
                    w.object("physicalLocation") { w in
                        writeArtifactLocation(artifact, &w)
                        w.object("region") { w in
                            w.field("startLine", max(related.position.line, 1))
                            w.field("startColumn", max(related.position.column, 1))
                        }
                    }
                    if let relatedPlace = Formatters.place(of: related, in: report) {
                        w.array("logicalLocations") { w in
                            w.beginObject()
                            w.field("name", Escape.visible(relatedPlace))
                            w.field("kind", "element")
                            w.endObject()
                        }
                    }
                    w.object("message") { w in w.field("text", Escape.visible(related.message)) }
                    w.endObject()
                }
            }
        }
        if !finding.fingerprint.isEmpty {
            w.object("partialFingerprints") { w in w.field(Self.fingerprintKey, finding.fingerprint) }
        }
        w.object("properties") { w in
            w.field("category", finding.category.rawValue)
            w.field("evidence", Escape.visible(finding.evidence))
            if let place { w.field("location", Escape.visible(place)) }
        }
        w.endObject()
    }
}
