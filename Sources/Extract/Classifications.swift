import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Part of the groups pass: lists that break a figure down once more by a classification
/// (按…分类：…), and what the lexicon's decompositions say about parts.
extension ExtractionState {
    /// "2023年补助地方336万元，其中甲县148万元…。按支出功能分类：A 120万元，B 35万元…": a clause opening
    /// with 按…分类 breaks down the figure before it once more, in full (unless it says it names only
    /// some parts). The whole: the whole of the list just before, or else the last figure before.
    mutating func addClassificationGroups(paragraph p: Paragraph, ids: [Int]) {
        let s = p.text.scalars
        let words = vocabulary[.classificationWords]
        var k = 0
        while k < s.count {
            defer { k += 1 }
            guard s[k] == "按", k == 0 || "。；;，,：:".unicodeScalars.contains(s[k - 1]) else { continue }
            // "按" + a short name + a classification word + "：" / "，"
            var colon: Int?
            var j = k + 1
            while j < min(s.count, k + 12) {
                if "：:，,".unicodeScalars.contains(s[j]) {
                    if words.suffixLength(s, endingAt: j, start: k + 1) > 0 { colon = j }
                    break
                }
                if !CharClass.isHan(s[j]) { break }
                j += 1
            }
            guard let c = colon else { continue }
            let before = ids.filter { facts[$0].number.range.upperBound <= k }
            guard let last = before.last else { continue }
            // the whole of the list just before (its parts end the text before 按), or the last figure
            var whole = last
            if let g = groupOfPart[last] { whole = groups[g].whole }
            guard facts[whole].kind.isMoney || facts[whole].kind == .score, facts[whole].change == 0, !facts[whole].number.inRange else { continue }
            let count = groups.count
            addGroup(paragraph: p, ids: ids, at: c, markerLength: 1, marker: .qizhong, givenWhole: whole)
            guard groups.count > count else { continue }
            let group = groups[groups.count - 1]
            let lastPart = group.parts.last.map { facts[$0].number.range.upperBound } ?? c
            let text = String(String.UnicodeScalarView(s[c..<min(s.count, lastPart + 2)]))
            if !vocabulary[.partialListWords].occurs(in: text) && !vocabulary[.openListMarkers].occurs(in: text) {
                groups[groups.count - 1].closedByWording = true
            }
            k = c
        }
    }

    /// Whether the lexicon's decompositions make `item` a part of `whole`, directly or through a
    /// part of it ("vehicle.operation" of "vehicle" of "three").
    func isLexiconPart(_ item: String?, of whole: String?) -> Bool {
        guard let item, let whole else { return false }
        var wholes: Set<String> = [whole], seen = Set<String>()
        while let w = wholes.popFirst() {
            guard seen.insert(w).inserted else { continue }
            for d in lexicon.decompositions where d.whole == w {
                if d.parts.contains(item) || d.optional.contains(item) { return true }
                wholes.formUnion(d.parts + d.optional)
            }
        }
        return false
    }
}
