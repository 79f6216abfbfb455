import JXLoad
import JXNormalize
import JXStructure

public enum DebugDump {
    public static func structure(path: String) throws -> String {
        let doc = try DocumentLoader.load(path: path)
        let s = Structurer.structure(Normalizer.normalize(doc))
        var out = ""
        for block in s.blocks {
            switch block {
            case .paragraph(let i):
                let p = s.paragraphs[i]
                let h = p.heading.map { "H\($0.level)[\($0.style.rawValue) \($0.marker)] " } ?? ""
                out += "P\(i) L\(p.firstLine)-\(p.lastLine) \(h)sec=\(p.sectionPath) \(p.string.prefix(70))\n"
            case .table(let t):
                let table = s.tables[t]
                out += "TABLE \(t) \(table.origin) L\(table.firstLine)-\(table.lastLine) cols=\(table.columnCount) caption=\(table.caption) unit=\(table.unit ?? "-")\n"
                for (k, seg) in table.headerSegments.enumerated() { out += "  seg\(k): \(seg)\n" }
                for row in table.rows {
                    let cells = row.cells.map { ($0.inherited ? "^" : "") + "\($0.column):" + String($0.string.replacingOccurrences(of: "\n", with: "⏎").prefix(14)) }
                    out += "  [\(row.kind.rawValue) s\(row.segment) L\(row.line)] \(cells.joined(separator: " | "))\n"
                }
            }
        }
        return out
    }
}
