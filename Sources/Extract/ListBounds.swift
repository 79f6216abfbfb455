import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Where a list ends: at a sibling of its whole after a "；", at the next item of the outline, and
/// the paragraph a list opening its line refers back to. Part of the groups pass.
extension ExtractionState {
    /// The paragraph before, in the same section (or the heading that opens it).
    func previousParagraph(of p: Paragraph) -> Paragraph? {
        guard p.index > 0 else { return nil }
        let q = doc.paragraphs[p.index - 1]
        guard q.sectionPath == p.sectionPath || p.sectionPath.last == q.index, q.index != doc.titleParagraph else { return nil }
        return q
    }

    /// The first "；" in `from..<to` after which the next figure is named like `whole` (a longer
    /// common ending with the whole's name than with any part's before it): a sibling of the whole,
    /// so the whole's list ends there. `to` when there is none.
    func siblingStop(_ s: [Unicode.Scalar], paragraph p: Int, sentence: Int, whole: Int, from: Int, to: Int) -> Int {
        // most lists hold no "；": nothing to name then
        guard from < to, s[from..<to].contains(where: { $0 == "；" || $0 == ";" }) else { return to }
        // names without their measure ("…支出决算", "…预算数"): siblings and parts alike share it
        let wholeName = itemName(facts[whole].head)
        let inSentence = facts(paragraph: p, sentence: sentence)
        // One pass (it was quadratic in the "；" of a long list): the facts from `from` on, in
        // text order, become parts' names as the scan passes them; the names are kept once each,
        // with their short suffixes, so that "does a part end like this name" is a set lookup.
        var partNames = [String]()
        var partSuffixes = Set<TextKey>()   // by bytes: a String key is normalized to be hashed
        var partHeads = [String]()
        // whether every amount passed names a level of government's funds (and one at least does)
        let levels = vocabulary[.fundingLevelWords]
        var amountsPassed = 0, allLevels = true
        let suffixLimit = 8
        var next = firstFact(in: inSentence, at: from)
        var k = from
        while k < to {
            if s[k] == "；" || s[k] == ";" {
                // "收入包括：A a、B b；支出包括：…": the other side opens a list of its own
                if opensSideList(s, at: k + 1) { return k }
                // "其中满意的1370份，…；但对发车间隔表示满意的仅1176份": a contrast is no further part
                if vocabulary[.contrastOpeners].prefixLength(s, at: k + 1) > 0 { return k }
                while next < inSentence.count && facts[inSentence[next]].number.range.upperBound <= k {
                    let name = itemName(facts[inSentence[next]].head)
                    partNames.append(name)
                    partHeads.append(facts[inSentence[next]].head)
                    if facts[inSentence[next]].kind.isMoney {
                        amountsPassed += 1
                        if !levels.isPrefix(of: ExtractionState.withoutBrackets(facts[inSentence[next]].head)) { allLevels = false }
                    }
                    // each suffix of up to `suffixLimit` characters, sliced (a String built from
                    // Characters cost thousands of instructions each)
                    var start = name.endIndex
                    for _ in 0..<suffixLimit where start > name.startIndex {
                        start = name.index(before: start)
                        partSuffixes.insert(TextKey(String(name[start...])))
                    }
                    next += 1
                }
                // (past the bounds of a band that names the part: "；90至99周岁6,184人")
                var first = next
                while first < inSentence.count, first - next < 4, facts[inSentence[first]].number.inRange || facts[inSentence[first]].number.comparator != nil { first += 1 }
                if first == inSentence.count || first - next == 4 { first = next }
                if first < inSentence.count, facts[inSentence[first]].number.numberRange.lowerBound > k,
                   facts[inSentence[first]].number.numberRange.lowerBound < to {
                    let candidate = inSentence[first]
                    let name = itemName(facts[candidate].head)
                    // "其中新发现隐患点23处；经核查，11处已消除…": a figure with no name of its own is no part
                    // (but a count of another kind than the whole, where the parts before came with counts
                    // of that kind, names the part it opens: "小学22,880人×720元，计A；…；14所小规模学校…补助B")
                    // (a band named by words the label leaves out is named: "；100周岁及以上137人")
                    let clause = s[(k + 1)..<facts[candidate].number.numberRange.lowerBound]
                    let namedByBand = first > next || (!clause.contains(where: { "，,：:".unicodeScalars.contains($0) }) && clause.contains(where: CharClass.isHan))
                    if name.isEmpty && !namedByBand {
                        let passed = inSentence[max(0, next - 8)..<next].filter { facts[$0].number.range.lowerBound >= from }
                        func isCount(_ id: Int) -> Bool { if case .count = facts[id].kind { return true } else { return false } }
                        if isCount(candidate), !isCount(whole), passed.contains(where: isCount) { k += 1; continue }
                        return k
                    }
                    // "…，尚有36万元未到位；加上上年结转资金60万元，全年可用资金1024万元": an addition to the whole
                    if vocabulary[.additionMarkers].isPrefix(of: facts[candidate].label) { return k }
                    // "收入A，其中：税收收入B；支出C": spending is no part of revenue
                    let (wc, cc) = (facts[whole].concept, facts[candidate].concept)
                    if wc.explicitMeasure, cc.explicitMeasure, Self.opposedFlows(wc.measure, cc.measure) { return k }
                    // "其中无公害防治面积A，无公害防治率P%；完成监测调查面积B": a clause after the "；" that opens
                    // with a verb and no subject of its own goes on about the sentence's subject
                    if let verb = vocabulary[.subjectlessClauseVerbs].prefix(of: facts[candidate].label),
                       !partHeads.contains(where: { $0.hasPrefix(verb) }) { return k }
                    // "其中，中央…支出B；地方…支出C": the rest of a split by name begun by a part
                    if continuesWordSplit(facts[candidate].head, after: partHeads) { k += 1; continue }
                    // "中央财政资金a；省级财政资金b；县级财政安排资金c": after the funds of levels of
                    // government, the next level's are one more source, however like the whole named
                    if amountsPassed >= 2 && allLevels && facts[candidate].kind.isMoney
                        && levels.isPrefix(of: ExtractionState.withoutBrackets(facts[candidate].head)) { k += 1; continue }
                    // a part of the whole's decomposition is a part, whatever its name
                    if let wi = facts[whole].concept.item, let ni = facts[candidate].concept.item {
                        if lexicon.decompositions.contains(where: { $0.whole == wi && ($0.parts + $0.optional).contains(ni) }) { k += 1; continue }
                        // and one of the whole's siblings in a decomposition ends the list ("公务用车购置及运行
                        // 维护费a，其中：购置费b；运行维护费c；公务接待费d": 接待费 is no part of 公务用车)
                        if ni != wi, lexicon.decompositions.contains(where: { d in
                            let members = d.parts + d.optional
                            return members.contains(wi) && members.contains(ni)
                        }) { return k }
                    }
                    let withWhole = ExtractionState.commonSuffix([name, wholeName]).count
                    if withWhole >= 2 && name != wholeName {
                        // withWhole > withParts: no part ends in the same `withWhole` characters
                        let sharedWithAPart = withWhole <= suffixLimit
                            ? partSuffixes.contains(TextKey(String(name.suffix(withWhole))))
                            : partNames.contains { ExtractionState.commonSuffix([name, $0]).count >= withWhole }
                        if !sharedWithAPart { return k }
                    }
                }
            }
            k += 1
        }
        return to
    }

    /// A side of a joint total and 包括 open the text at `k` ("支出包括：").
    func opensSideList(_ s: [Unicode.Scalar], at k: Int) -> Bool {
        var j = k
        while j < s.count && CharClass.isWhitespace(s[j]) { j += 1 }
        guard j < s.count, vocabulary[.sideListSubjects].mayStart(with: s[j]) else { return false }
        let length = vocabulary[.sideListSubjects].prefixLength(s, at: j)
        return length > 0 && j + length < s.count && vocabulary[.listOpenersIncluding].prefixLength(s, at: j + length) > 0
    }

    /// Whether a name holds one word of a split by name (`[[decomposition]] words`) and a part
    /// before it another.
    func continuesWordSplit(_ head: String, after parts: [String]) -> Bool {
        let name = ScalarString.scalars(head)
        return lexicon.decompositions.contains { d in
            let words = d.wordScalars
            guard !words.isEmpty, let own = words.firstIndex(where: { ScalarString.contains(name, $0) }) else { return false }
            // (the parts' names are read only for a name that holds a word: most hold none)
            return parts.contains { part in
                let p = ScalarString.scalars(part)
                return words.indices.contains { $0 != own && ScalarString.contains(p, words[$0]) }
            }
        }
    }

    /// Where the next item of the outline starts between `from` and `to`: a list ends there, unless
    /// it is enumerated itself (its first part opens with a marker right after the list's opener).
    func enumeratedSiblingStop(_ s: [Unicode.Scalar], from: Int, to: Int) -> Int {
        var k = from
        while k < to && (CharClass.isWhitespace(s[k]) || s[k] == "：" || s[k] == ":" || s[k] == "，" || s[k] == ",") { k += 1 }
        let ownStyle = HeadingDetector.enumerator(s, at: k)?.style
        var j = k
        while j < to {
            // the enumerator first: `opensItem` looks back over white space
            if let token = HeadingDetector.enumerator(s, at: j), token.style != ownStyle, opensItem(s, at: j) { return j }
            j += 1
        }
        return to
    }

    /// A label's name without brackets and the measure words it ends with ("公务用车购置及运行维护费
    /// 支出决算" → "公务用车购置及运行维护费").
    func itemName(_ head: String) -> String {
        // (a head without brackets is its own name without them: most are)
        var name = head.unicodeScalars.contains(where: { $0 == "（" || $0 == "(" || $0 == "）" || $0 == ")" })
            ? ExtractionState.withoutBrackets(head) : head
        while let m = measurePhrases.suffix(of: name), m.unicodeScalars.count < name.unicodeScalars.count {
            name = String(name.unicodeScalars.dropLast(m.unicodeScalars.count))
        }
        return name
    }
}
