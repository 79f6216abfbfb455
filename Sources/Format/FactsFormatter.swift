import Foundation
import JXCore
import JXExtract
import JXStructure

/// `jxlint facts FILE`: what was extracted (headings, tables, quantities, 其中-groups, shares), for
/// rule authors to see what a rule can bind to.
public enum FactsFormatter {
    public static func text(_ facts: FactSet) -> String {
        let doc = facts.structured
        var out = ""
        out.reserveCapacity(16_384)
        out += "文件 \(doc.path)\n"
        out += "报告年度 \(facts.fiscalYear.map(String.init) ?? "未知")（来源：\(facts.fiscalYearSource)）"
        if let t = facts.titleYear { out += "，标题年度 \(t)" }
        out += "，主要金额单位 \(facts.dominantMoneyUnit?.rawValue ?? "无")\n"
        if let t = doc.titleParagraph { out += "标题（第\(doc.paragraphs[t].firstLine)行）\(doc.paragraphs[t].string)\n" }

        out += "\n== 标题层级\n"
        for p in doc.paragraphs {
            guard let h = p.heading else { continue }
            let title = p.text.string(h.titleRange)
            out += String(repeating: "  ", count: max(0, h.level - 1)) + "L\(p.firstLine) [\(h.level)] \(h.marker)\(title)\n"
        }

        out += "\n== 表格\n"
        for table in doc.tables {
            let type = table.index < facts.tableTypes.count ? facts.tableTypes[table.index] : nil
            out += "表\(table.index + 1) 第\(table.firstLine)-\(table.lastLine)行 \(table.rows.count)行×\(table.columnCount)列 类型=\(type ?? "其他") 来源=\(table.origin.rawValue)"
            if !table.caption.isEmpty { out += " 标题=「\(table.caption)」" }
            if let u = table.unit { out += " 单位=\(u)" }
            out += "\n"
            for (k, segment) in table.headerSegments.enumerated() {
                out += "  表头\(k + 1): " + segment.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: " | ") + "\n"
            }
            for row in table.rows where row.kind != .repeatedHeader {
                let cells = row.cells.map { cell -> String in
                    var t = cell.string.replacingOccurrences(of: "\n", with: "⏎")
                    if t.count > 16 { t = String(t.prefix(16)) + "…" }
                    return (cell.inherited ? "^" : "") + t
                }
                out += "  L\(row.line) \(row.kind == .data ? "" : "(\(row.kind.rawValue)) ")" + cells.joined(separator: " | ") + "\n"
            }
        }

        out += "\n== 数值\n"
        for f in facts.facts {
            var line = "L\(f.line):\(f.numberSpan.start.column) \(f.number.comparator?.rawValue ?? "")\(f.shown)"
            if f.number.approximate { line += "（约）" }
            if f.number.inRange { line += "（区间）" }
            line += " 标签「\(f.head)」 概念 \(f.conceptKey)"
            if let q = f.concept.qualifier { line += "@\(q)" }
            line += " 年度 \(f.year.map(String.init) ?? "?")（\(f.yearSource.rawValue)）"
            if let s = f.shareOf { line += " 占「\(s)」" }
            if f.change != 0 { line += f.change > 0 ? " 增加" : " 减少" }
            if f.comparesYears { line += " 同比" }
            if f.marksTotal { line += " 合计" }
            if let p = f.sourcePlace { line += " (\(p))" }
            out += line + "\n"
        }

        out += "\n== 其中／包括／合计\n"
        for g in facts.groups {
            let whole = facts.facts[g.whole]
            out += "L\(whole.line) \(g.marker.rawValue)：\(whole.shown)（\(whole.head)）= " + g.parts.map { facts.facts[$0].shown }.joined(separator: " + ")
            if g.closedByWording { out += "（完整列举）" } else if g.namesSomeParts { out += "（部分列举）" }
            if g.nestedThresholds { out += "（分档嵌套，不相加）" }
            out += "\n"
        }
        out += "\n== 占比\n"
        for s in facts.shares {
            out += "L\(facts.facts[s.percent].line) \(facts.facts[s.percent].shown) = \(facts.facts[s.part].shown) ÷ \(facts.facts[s.base].shown)\n"
        }
        if !facts.changes.isEmpty {
            out += "\n== 增减\n"
            for c in facts.changes {
                func shown(_ id: Int?) -> String { id.map { facts.facts[$0].shown } ?? "—" }
                let at = [c.difference, c.rate, c.current].compactMap { $0 }.first.map { facts.facts[$0].line } ?? 0
                out += "L\(at) \(shown(c.prior)) → \(shown(c.current))：\(c.direction > 0 ? "+" : "−")\(shown(c.difference))，\(shown(c.rate))"
                if let base = c.base { out += "（比较：\(base)）" }
                out += "\n"
            }
        }
        if !facts.scoreItems.isEmpty || facts.proseTotalScore != nil {
            out += "\n== 评分（正文）\n"
            func depth(_ i: Int) -> Int { facts.scoreItems[i].parent.map { depth($0) + 1 } ?? 0 }
            for (i, item) in facts.scoreItems.enumerated() {
                let w = item.weight.map { facts.facts[$0].shown } ?? "—"
                let s = item.fullMarks ? "满分" : (item.score.map { facts.facts[$0].shown } ?? "—")
                out += String(repeating: "  ", count: depth(i)) + "\(item.name)：分值 \(w)，得分 \(s)"
                if let r = item.rate { out += "，比率 \(facts.facts[r].shown)\(item.scoredByRate ? "（按比率计分）" : "")" }
                out += "\n"
            }
            if let t = facts.proseTotalScore { out += "总得分 \(facts.facts[t].shown)（第\(facts.facts[t].line)行）\n" }
            if let m = facts.proseFullMark { out += "满分 \(facts.facts[m].shown)\n" }
        }
        // the report's text reaches the terminal: its controls are shown, not obeyed
        return Escape.visible(out)
    }

    public static func json(_ facts: FactSet) -> String {
        let doc = facts.structured
        var w = JSONWriter(capacity: 32_768)
        w.beginObject()
        w.field("path", doc.path)
        w.field("fiscalYear", facts.fiscalYear)
        w.field("fiscalYearSource", facts.fiscalYearSource)
        w.field("titleYear", facts.titleYear)
        w.field("dominantMoneyUnit", facts.dominantMoneyUnit?.rawValue)
        w.array("headings") { w in
            for p in doc.paragraphs {
                guard let h = p.heading else { continue }
                w.beginObject()
                w.field("line", p.firstLine)
                w.field("level", h.level)
                w.field("style", h.style.rawValue)
                w.field("marker", h.marker)
                w.field("title", p.text.string(h.titleRange))
                w.endObject()
            }
        }
        w.array("tables") { w in
            for table in doc.tables {
                w.beginObject()
                w.field("index", table.index + 1)
                w.field("firstLine", table.firstLine)
                w.field("lastLine", table.lastLine)
                w.field("origin", table.origin.rawValue)
                w.field("type", table.index < facts.tableTypes.count ? facts.tableTypes[table.index] : nil)
                w.field("caption", table.caption)
                w.field("unit", table.unit)
                w.field("columns", table.columnCount)
                w.array("headers") { w in
                    for segment in table.headerSegments {
                        w.beginArray()
                        for h in segment { w.string(h) }
                        w.endArray()
                    }
                }
                w.array("rows") { w in
                    for row in table.rows {
                        w.beginObject()
                        w.field("line", row.line)
                        w.field("kind", row.kind.rawValue)
                        w.field("segment", row.segment)
                        w.array("cells") { w in
                            for cell in row.cells {
                                w.beginObject()
                                w.field("column", cell.column + 1)
                                w.field("text", cell.string)
                                if cell.inherited { w.field("inherited", true) }
                                w.endObject()
                            }
                        }
                        w.endObject()
                    }
                }
                w.endObject()
            }
        }
        w.array("quantities") { w in
            for f in facts.facts {
                w.beginObject()
                w.field("line", f.numberSpan.start.line)
                w.field("column", f.numberSpan.start.column)
                w.field("literal", f.literal)
                w.field("value", NSDecimalNumber(decimal: f.value).stringValue)
                w.field("decimals", f.number.decimals)
                w.field("unit", f.number.unitText)
                w.field("kind", f.kind.description)
                w.field("comparator", f.number.comparator?.rawValue)
                w.field("label", f.head)
                w.field("concept", f.conceptKey)
                w.field("qualifier", f.concept.qualifier)
                w.field("year", f.year)
                w.field("yearSource", f.yearSource.rawValue)
                w.field("inTable", f.isCellValue)
                w.endObject()
            }
        }
        w.array("groups") { w in
            for g in facts.groups {
                w.beginObject()
                w.field("marker", g.marker.rawValue)
                w.field("line", facts.facts[g.whole].line)
                w.field("whole", facts.facts[g.whole].literal)
                w.key("parts")
                w.beginArray()
                for p in g.parts { w.string(facts.facts[p].literal) }
                w.endArray()
                w.field("complete", g.closedByWording)
                w.endObject()
            }
        }
        w.endObject()
        return w.finish()
    }
}
