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

import JXRules
import JXExtract

extension DebugDump {
    public static func facts(path: String) throws -> String {
        let doc = try DocumentLoader.load(path: path)
        let s = Structurer.structure(Normalizer.normalize(doc))
        let lexicon = try LexiconLoader.embedded()
        let f = Extractor.extract(s, lexicon: lexicon)
        var out = "FY \(f.fiscalYear.map(String.init) ?? "?") (\(f.fiscalYearSource)) title=\(f.titleYear.map(String.init) ?? "-") dominant=\(f.dominantMoneyUnit?.rawValue ?? "-")\n"
        for fact in f.facts {
            out += "#\(fact.id) L\(fact.line) \(fact.shown) [\(fact.kind)] \(fact.number.comparator?.rawValue ?? "")\(fact.number.inRange ? " range" : "") label=「\(fact.label)」 head=「\(fact.head)」 → \(fact.conceptKey) \(fact.concept.qualifier ?? "") src=\(fact.measureSource?.rawValue ?? "-") y=\(fact.year.map(String.init) ?? "?")/\(fact.yearSource.rawValue)\(fact.shareOf.map { " share-of「\($0)」" } ?? "")\(fact.change != 0 ? " change\(fact.change)" : "")\(fact.comparesYears ? " yoy" : "")\(fact.marksTotal ? " TOTAL" : "")\n"
        }
        for g in f.groups {
            out += "GROUP \(g.marker.rawValue) whole #\(g.whole) \(f.facts[g.whole].shown) parts \(g.parts.map { "#\($0) \(f.facts[$0].shown)" }.joined(separator: ", ")) closed=\(g.closedByWording) nested=\(g.nestedThresholds)\n"
        }
        for sh in f.shares {
            out += "SHARE \(f.facts[sh.percent].shown) = #\(sh.part) \(f.facts[sh.part].shown) / #\(sh.base) \(f.facts[sh.base].shown)\n"
        }
        return out
    }
}
