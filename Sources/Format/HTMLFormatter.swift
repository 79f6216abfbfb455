import JXCore
import JXRules
import JXCheck

/// Self-contained HTML: one page per report (findings list beside the highlighted source text)
/// and an index page for a batch. Inline CSS only, no scripts, no external resources; every
/// piece of text from a report is HTML-escaped.
struct HTMLFormatter {
    let options: FormatOptions

    private var ruleInfo: [String: RuleInfo] {
        var map: [String: RuleInfo] = [:]
        for rule in options.rules where map[rule.id] == nil { map[rule.id] = rule }
        return map
    }

    // MARK: - File names

    static func pageFileName(for path: String, index: Int) -> String {
        let base = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var stem = String.UnicodeScalarView()
        var bytes = 0
        var lastUnderscore = false
        for scalar in base.unicodeScalars {
            let props = scalar.properties
            let keep: Bool
            if scalar.isASCII {
                let v = scalar.value
                keep = (v >= 0x30 && v <= 0x39) || scalar.isASCIILetter || scalar == "-" || scalar == "."
            } else {
                keep = props.isAlphabetic || props.numericType != nil
            }
            let out: Unicode.Scalar = keep ? scalar : "_"
            if out == "_" && lastUnderscore { continue }
            let size = UTF8.width(out)
            if bytes + size > 80 { break }
            stem.append(out)
            bytes += size
            lastUnderscore = out == "_"
        }
        var name = String(stem)
        while name.hasPrefix(".") || name.hasPrefix("_") { name.removeFirst() }
        if name.isEmpty { name = "file" }
        let number = String(max(index, 0) + 1)
        let padded = String(repeating: "0", count: max(0, 4 - number.count)) + number
        return padded + "-" + name + ".html"
    }

    // MARK: - Shared pieces

    private func documentHead(title: String, into out: inout String) {
        out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"\(Escape.html(options.toolName)) \(Escape.html(options.toolVersion))\">\n"
        out += "<title>\(Escape.html(title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n"
    }

    private func documentFoot(into out: inout String) {
        out += "<footer>由 \(Escape.html(options.toolName)) \(Escape.html(options.toolVersion)) 生成</footer>\n</body>\n</html>\n"
    }

    private static func badge(_ severity: Severity, _ text: String) -> String {
        "<span class=\"badge \(severity.rawValue)\">\(text)</span>"
    }

    private static func counts(_ counts: FileCounts) -> String {
        "<span class=\"badge error\(counts.errors == 0 ? " zero" : "")\">错误 \(counts.errors)</span> "
            + "<span class=\"badge warning\(counts.warnings == 0 ? " zero" : "")\">警告 \(counts.warnings)</span> "
            + "<span class=\"badge info\(counts.infos == 0 ? " zero" : "")\">提示 \(counts.infos)</span>"
    }

    private static func position(_ p: SourcePosition) -> String {
        "第 \(p.line) 行第 \(p.column) 列"
    }

    private static func lineAnchor(_ line: Int, in report: FileReport) -> String? {
        line >= 1 && line <= report.lines.count ? "#L\(line)" : nil
    }

    private static func baseName(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    // MARK: - One page per report

    func page(_ report: FileReport) -> String {
        var out = ""
        var capacity = 8192 + report.findings.count * 1500
        for line in report.lines { capacity += line.utf8.count + 90 }
        out.reserveCapacity(capacity)

        let findings = Formatters.sortedFindings(report)
        let counts = FileCounts(report)
        let rules = ruleInfo
        documentHead(title: "\(Self.baseName(report.path)) — \(options.toolName) 检查结果", into: &out)

        // Header
        out += "<header class=\"page-head\">\n"
        if let index = options.htmlIndexHref {
            out += "<p class=\"crumb\"><a href=\"\(Escape.html(index))\">← 全部文件</a></p>\n"
        }
        out += "<h1>\(Escape.html(Self.baseName(report.path)))</h1>\n"
        out += "<p class=\"path\">\(Escape.html(report.path))</p>\n"
        out += "<dl class=\"meta\">"
        out += "<div><dt>格式</dt><dd>\(Escape.html(report.format ?? "—"))</dd></div>"
        out += "<div><dt>编码</dt><dd>\(Escape.html(report.encoding ?? "—"))</dd></div>"
        out += "<div><dt>财政年度</dt><dd>\(report.fiscalYear.map { String($0) } ?? "—")</dd></div>"
        out += "<div><dt>问题</dt><dd class=\"counts\">\(Self.counts(counts))</dd></div>"
        out += "</dl>\n</header>\n<main>\n"

        if let error = report.error {
            out += "<section class=\"file-error\"><h2>无法读取此文件</h2><p>\(Escape.html(error))</p></section>\n"
        }

        // Findings list: most severe first, then in document order.
        let ids = findings.indices.map { "F\($0 + 1)" }
        let order = findings.indices.sorted { a, b in
            findings[a].severity != findings[b].severity ? findings[a].severity > findings[b].severity : a < b
        }
        if report.error == nil || !findings.isEmpty {
            out += "<section class=\"findings\">\n<h2>发现的问题（\(findings.count)）</h2>\n"
            if findings.isEmpty {
                out += "<p class=\"clean\">未发现问题。</p>\n"
            } else {
                out += "<ol class=\"finding-list\">\n"
                for i in order {
                    writeFindingItem(findings[i], id: ids[i], report: report, rule: rules[findings[i].rule], into: &out)
                }
                out += "</ol>\n"
            }
            out += "</section>\n"
        }

        if !report.lines.isEmpty {
            writeSource(report, findings: findings, ids: ids, into: &out)
        }
        out += "</main>\n"
        documentFoot(into: &out)
        return out
    }

    private func writeFindingItem(_ finding: Finding, id: String, report: FileReport, rule: RuleInfo?, into out: inout String) {
        let sev = finding.severity
        out += "<li class=\"finding \(sev.rawValue)\" id=\"\(id)\">\n<div class=\"fhead\">"
        out += Self.badge(sev, sev.chineseLabel)
        out += " <span class=\"label\">规则</span> <code class=\"rule\">\(Escape.html(finding.rule))</code>"
        out += " <span class=\"cat\">\(finding.category.chineseLabel)</span>"
        out += " <span class=\"label\">位置</span> "
        let pos = Self.position(finding.span.start)
        if let anchor = Self.lineAnchor(finding.span.start.line, in: report) {
            out += "<a class=\"loc\" href=\"\(anchor)\">\(pos)</a>"
        } else {
            out += "<span class=\"loc\">\(pos)</span>"
        }
        if let place = Formatters.place(of: finding, in: report) {
            out += " <span class=\"place\">\(Escape.html(place))</span>"
        }
        out += "</div>\n<p class=\"msg\">\(Escape.html(finding.message))</p>\n"
        if !finding.evidence.isEmpty {
            out += "<p class=\"evidence\"><span class=\"label\">依据</span> <span class=\"arith\">\(Escape.html(finding.evidence))</span></p>\n"
        }
        if !finding.related.isEmpty {
            out += "<ul class=\"related\">\n"
            for related in finding.related {
                out += "<li><span class=\"label\">相关</span> "
                let rpos = Self.position(related.position)
                if let anchor = Self.lineAnchor(related.position.line, in: report) {
                    out += "<a href=\"\(anchor)\">\(rpos)</a>"
                } else {
                    out += rpos
                }
                if let place = Formatters.place(of: related, in: report) {
                    out += " <span class=\"place\">\(Escape.html(place))</span>"
                }
                out += " \(Escape.html(related.message))</li>\n"
            }
            out += "</ul>\n"
        }
        if let rule, !(rule.title.isEmpty && rule.explanation.isEmpty) {
            out += "<details class=\"explain\"><summary>规则说明：\(Escape.html(rule.title.isEmpty ? rule.id : rule.title))</summary>"
            out += "<p>\(Escape.html(rule.explanation))</p></details>\n"
        }
        out += "</li>\n"
    }

    /// A highlighted range of one line (0-based scalar offsets, end exclusive).
    private struct Mark {
        var start: Int
        var end: Int?  // nil: to the end of the line
        var level: Int8  // severity rank 0–2, or -1 for a related location
        var finding: Int
        var related: Int = -1
    }

    private func writeSource(_ report: FileReport, findings: [Finding], ids: [String], into out: inout String) {
        let lineCount = report.lines.count
        var marks: [Int: [Mark]] = [:]
        var notes: [Int: [Int]] = [:]
        for (i, finding) in findings.enumerated() {
            let start = finding.span.start, end = max(finding.span.end, finding.span.start)
            let rank = Int8(finding.severity.rank)
            if start.line >= 1 && start.line <= lineCount {
                notes[start.line, default: []].append(i)
            }
            let first = max(start.line, 1), last = min(end.line, lineCount)
            if first <= last {
                for line in first...last {
                    let from = line == start.line ? max(start.column - 1, 0) : 0
                    let to: Int? = line == end.line ? max(end.column, from + 1) : nil
                    marks[line, default: []].append(Mark(start: from, end: to, level: rank, finding: i))
                }
            }
            for (k, related) in finding.related.enumerated() {
                let line = related.position.line
                guard line >= 1 && line <= lineCount else { continue }
                marks[line, default: []].append(Mark(start: max(related.position.column - 1, 0), end: nil,
                                                     level: -1, finding: i, related: k))
            }
        }
        let showPlaces = !report.linePlaces.isEmpty
        out += "<section class=\"source\">\n<h2>原文</h2>\n<table class=\"src\"><tbody>\n"
        for (offset, line) in report.lines.enumerated() {
            let number = offset + 1
            let lineMarks = marks[number]
            var rowClass = ""
            if let lineMarks {
                let top = lineMarks.map(\.level).max() ?? -1
                rowClass = top >= 0 ? " class=\"hit \(Self.severityName(top))\"" : " class=\"rel\""
            }
            out += "<tr id=\"L\(number)\"\(rowClass)><td class=\"ln\"><a href=\"#L\(number)\">\(number)</a></td>"
            if showPlaces {
                out += "<td class=\"lp\">\(Escape.html(report.linePlaces[number] ?? ""))</td>"
            }
            out += "<td class=\"code\">"
            if line.isEmpty {
                out += " "
            } else if let lineMarks {
                writeMarkedLine(line, marks: lineMarks, findings: findings, ids: ids, into: &out)
            } else {
                Escape.appendHTML(line.unicodeScalars, to: &out)
            }
            out += "</td></tr>\n"
            if let here = notes[number] {
                for i in here {
                    let finding = findings[i]
                    let sev = finding.severity.rawValue
                    out += "<tr class=\"ann \(sev)\"><td class=\"ln\"></td>"
                    if showPlaces { out += "<td class=\"lp\"></td>" }
                    out += "<td class=\"code\"><div class=\"note \(sev)\">"
                    out += "<a class=\"badge \(sev)\" href=\"#\(ids[i])\">\(finding.severity.chineseLabel)</a> "
                    out += Escape.html(finding.message)
                    if !finding.evidence.isEmpty {
                        out += "<span class=\"arith\">\(Escape.html(finding.evidence))</span>"
                    }
                    out += " <code class=\"rule\">\(Escape.html(finding.rule))</code>"
                    for related in finding.related {
                        if let anchor = Self.lineAnchor(related.position.line, in: report) {
                            out += " <a class=\"rel-link\" href=\"\(anchor)\" title=\"\(Escape.html(related.message))\">→ \(related.position.line):\(related.position.column)</a>"
                        }
                    }
                    out += "</div></td></tr>\n"
                }
            }
        }
        out += "</tbody></table>\n</section>\n"
    }

    private static func severityName(_ level: Int8) -> String {
        switch level {
        case 2: return "error"
        case 1: return "warning"
        case 0: return "info"
        default: return "rel"
        }
    }

    /// Writes a line with its spans wrapped in `<mark>`; where spans overlap, the most severe wins.
    private func writeMarkedLine(_ line: String, marks: [Mark], findings: [Finding], ids: [String], into out: inout String) {
        let scalars = Array(line.unicodeScalars)
        let n = scalars.count
        var level = [Int8](repeating: -2, count: n)
        var owner = [Int32](repeating: -1, count: n)
        var relatedIndex = [Int32](repeating: -1, count: n)
        for mark in marks {
            guard mark.start < n else { continue }
            var end = min(mark.end ?? n, n)
            if mark.level < 0 { end = Self.relatedEnd(scalars, from: mark.start) }
            guard end > mark.start else { continue }
            for k in mark.start..<end where mark.level > level[k] {
                level[k] = mark.level
                owner[k] = Int32(mark.finding)
                relatedIndex[k] = Int32(mark.related)
            }
        }
        var k = 0
        while k < n {
            var j = k + 1
            while j < n && level[j] == level[k] && owner[j] == owner[k] && relatedIndex[j] == relatedIndex[k] { j += 1 }
            let run = scalars[k..<j]
            if level[k] == -2 {
                Escape.appendHTML(run, to: &out)
            } else {
                let finding = findings[Int(owner[k])]
                let title: String
                if level[k] >= 0 {
                    title = "\(finding.severity.chineseLabel) [\(finding.rule)] \(finding.message)"
                } else {
                    let related = finding.related[Int(relatedIndex[k])]
                    title = "相关：\(related.message)（\(finding.message)）"
                }
                out += "<mark class=\"hl \(Self.severityName(level[k]))\" title=\"\(Escape.html(title))\">"
                Escape.appendHTML(run, to: &out)
                out += "</mark>"
            }
            k = j
        }
    }

    /// A related location is a position, not a span: highlight the number starting there
    /// (digits, separators, sign, percent), or one character.
    private static func relatedEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        func isNumeric(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) || s == "." || s == "," || s == "%"
                || s == "．" || s == "％"
        }
        var end = start
        if end < scalars.count && (scalars[end] == "-" || scalars[end] == "+") { end += 1 }
        while end < scalars.count && isNumeric(scalars[end]) { end += 1 }
        while end > start, [".", ",", "．"].contains(scalars[end - 1]) { end -= 1 }
        let hasDigit = scalars[start..<end].contains { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0xFF10 && $0.value <= 0xFF19) }
        return hasDigit ? end : min(start + 1, scalars.count)
    }

    // MARK: - Index page

    func index(_ reports: [FileReport], pageNames: [String]) -> String {
        var out = ""
        out.reserveCapacity(8192 + reports.count * 700)
        let summary = RunSummary(reports)
        documentHead(title: "\(options.toolName) 检查结果（\(summary.files) 个文件）", into: &out)
        out += "<header class=\"page-head\">\n<h1>检查结果</h1>\n<p class=\"summary\">"
        out += Escape.html(TextFormatter.summaryLine(summary))
        out += "</p>\n<dl class=\"meta\"><div><dt>问题</dt><dd class=\"counts\">"
        out += Self.counts(FileCounts(errors: summary.errors, warnings: summary.warnings, infos: summary.infos))
        out += "</dd></div></dl>\n</header>\n<main>\n"

        let ranked = reports.enumerated().map { ($0.offset, $0.element, FileCounts($0.element)) }.sorted { a, b in
            if a.2.errors != b.2.errors { return a.2.errors > b.2.errors }
            if a.2.warnings != b.2.warnings { return a.2.warnings > b.2.warnings }
            if a.1.path != b.1.path { return a.1.path < b.1.path }
            return a.0 < b.0
        }
        out += "<section>\n<h2>文件（按风险排序）</h2>\n<table class=\"files\">\n<thead><tr><th>#</th><th>文件</th><th>格式</th>"
        out += "<th>财政年度</th><th class=\"num\">错误</th><th class=\"num\">警告</th><th class=\"num\">提示</th><th>主要规则</th><th>状态</th></tr></thead>\n<tbody>\n"
        for (rank, entry) in ranked.enumerated() {
            let (i, report, counts) = entry
            let rowClass = report.error != nil ? "unreadable" : counts.errors > 0 ? "error" : counts.warnings > 0 ? "warning" : "clean"
            out += "<tr class=\"\(rowClass)\"><td class=\"num\">\(rank + 1)</td><td class=\"file\">"
            if i < pageNames.count {
                out += "<a href=\"\(Escape.html(Self.hrefForFileName(pageNames[i])))\">\(Escape.html(report.path))</a>"
            } else {
                out += Escape.html(report.path)
            }
            out += "</td><td>\(Escape.html(report.format ?? "—"))</td>"
            out += "<td>\(report.fiscalYear.map { String($0) } ?? "—")</td>"
            out += "<td class=\"num\(counts.errors > 0 ? " e" : "")\">\(counts.errors)</td>"
            out += "<td class=\"num\(counts.warnings > 0 ? " w" : "")\">\(counts.warnings)</td>"
            out += "<td class=\"num\(counts.infos > 0 ? " i" : "")\">\(counts.infos)</td><td class=\"rules\">"
            out += Formatters.topRules(report).map { "<code>\(Escape.html($0.rule))</code>×\($0.count)" }.joined(separator: " ")
            out += "</td><td>"
            if let error = report.error {
                out += "<span class=\"badge error\">无法读取</span> \(Escape.html(error))"
            } else if counts.total == 0 {
                out += "<span class=\"ok\">未发现问题</span>"
            }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n</main>\n"
        documentFoot(into: &out)
        return out
    }

    /// A relative link to a page: percent-encoded, so any name works as an href.
    private static func hrefForFileName(_ name: String) -> String {
        Escape.percentEncode(name, keepSlash: true)
    }

    // MARK: - Style

    static let css = """
    :root { --err: #c62828; --err-bg: #fdecea; --warn: #a15c00; --warn-bg: #fff3e0; --info: #1565c0; --info-bg: #e8f1fb;
      --rel: #6a1b9a; --line: #e3e3e3; --muted: #6b6b6b;
      --cjk: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "SimSun";
      --sans: -apple-system, "Segoe UI", var(--cjk), sans-serif;
      --mono: "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Sarasa Mono SC", var(--cjk), monospace; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.6 var(--sans); color: #1f1f1f; background: #f6f7f9; }
    header.page-head { background: #fff; border-bottom: 1px solid var(--line); padding: 18px 32px 12px; }
    header h1 { margin: 0; font-size: 22px; word-break: break-all; }
    .crumb { margin: 0 0 4px; font-size: 13px; }
    .path, .summary { margin: 2px 0 8px; color: var(--muted); font-size: 13px; word-break: break-all; }
    .summary { font-size: 15px; color: #1f1f1f; }
    dl.meta { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 6px 0 0; }
    dl.meta div { display: flex; gap: 8px; align-items: baseline; }
    dl.meta dt { color: var(--muted); font-size: 13px; }
    dl.meta dd { margin: 0; font-weight: 600; }
    main { padding: 16px 32px 32px; max-width: 1400px; }
    h2 { font-size: 17px; margin: 18px 0 10px; }
    a { color: #0b57d0; text-decoration: none; }
    a:hover { text-decoration: underline; }
    code { font-family: var(--mono); font-size: 13px; }
    code.rule, td.rules code { white-space: nowrap; word-break: keep-all; overflow-wrap: normal; }
    .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; }
    .badge.error { color: #fff; background: var(--err); }
    .badge.warning { color: #fff; background: var(--warn); }
    .badge.info { color: #fff; background: var(--info); }
    .badge.zero { color: var(--muted); background: #e9e9e9; }
    a.badge:hover { text-decoration: none; opacity: .85; }
    .label { color: var(--muted); font-size: 12px; margin-left: 6px; }
    .file-error { background: var(--err-bg); border-left: 4px solid var(--err); padding: 8px 16px; border-radius: 4px; }
    .file-error h2 { margin: 4px 0; color: var(--err); }
    .clean, .ok { color: #2e7d32; }
    ol.finding-list { list-style: none; margin: 0; padding: 0; }
    li.finding { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 4px; padding: 8px 14px; margin: 0 0 10px; }
    li.finding.error { border-left-color: var(--err); }
    li.finding.warning { border-left-color: var(--warn); }
    li.finding:target { box-shadow: 0 0 0 2px #ffd54f; }
    .fhead { font-size: 13px; }
    .cat { font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 3px; padding: 0 5px; margin-left: 4px; }
    .place { font-size: 12px; color: var(--muted); }
    p.msg { margin: 6px 0 2px; font-weight: 600; }
    p.evidence { margin: 2px 0; }
    .arith { font-family: var(--mono); font-size: 13px; background: #f3f3f3; padding: 1px 6px; border-radius: 3px; margin-left: 6px; word-break: break-all; }
    ul.related { margin: 4px 0; padding-left: 0; list-style: none; font-size: 13px; }
    details.explain { margin-top: 4px; font-size: 13px; color: #333; }
    details.explain summary { cursor: pointer; color: var(--muted); }
    details.explain p { white-space: pre-line; margin: 4px 0 2px 14px; }
    table.src { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); font: 13px/1.7 var(--mono); }
    table.src td { vertical-align: top; padding: 0 10px; }
    td.ln { width: 1%; text-align: right; white-space: nowrap; color: #9a9a9a; border-right: 1px solid var(--line); user-select: none; }
    td.ln a { color: inherit; }
    td.lp { width: 1%; white-space: nowrap; color: var(--muted); font: 12px/1.9 var(--sans); border-right: 1px solid var(--line); }
    td.code { white-space: pre-wrap; word-break: break-all; tab-size: 4; }
    tr:target td { background: #fff8c5; }
    tr.hit.error td.ln { background: var(--err-bg); color: var(--err); font-weight: 600; }
    tr.hit.warning td.ln { background: var(--warn-bg); color: var(--warn); font-weight: 600; }
    tr.hit.info td.ln { background: var(--info-bg); color: var(--info); font-weight: 600; }
    tr.rel td.ln { color: var(--rel); }
    mark.hl { color: inherit; background: none; border-bottom: 2px solid; padding: 1px 0; }
    mark.error { background: var(--err-bg); border-color: var(--err); }
    mark.warning { background: var(--warn-bg); border-color: var(--warn); }
    mark.info { background: var(--info-bg); border-color: var(--info); }
    mark.rel { background: #f3e5f5; border-bottom: 2px dashed var(--rel); }
    tr.ann td { padding-bottom: 6px; }
    div.note { font: 13px/1.6 var(--sans); white-space: normal; word-break: normal; overflow-wrap: anywhere; padding: 4px 10px; border-left: 3px solid var(--info); background: var(--info-bg); border-radius: 0 4px 4px 0; }
    div.note.error { border-left-color: var(--err); background: var(--err-bg); }
    div.note.warning { border-left-color: var(--warn); background: var(--warn-bg); }
    div.note .rule { color: var(--muted); font-size: 12px; margin-left: 6px; }
    a.rel-link { font-size: 12px; color: var(--rel); margin-left: 6px; }
    table.files { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); font-size: 14px; }
    table.files th, table.files td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    table.files th { background: #fafafa; font-weight: 600; white-space: nowrap; }
    table.files .num { text-align: right; white-space: nowrap; }
    table.files td.file { word-break: break-all; }
    table.files td.e { color: var(--err); font-weight: 700; }
    table.files td.w { color: var(--warn); font-weight: 700; }
    table.files td.i { color: var(--info); }
    table.files td.rules code { font-size: 12px; }
    table.files tr.unreadable { background: var(--err-bg); }
    footer { color: var(--muted); font-size: 12px; padding: 8px 32px 24px; }
    @media print { body { background: #fff; } li.finding, table.src { break-inside: auto; } }

    """
}
