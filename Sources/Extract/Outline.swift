import Foundation
import JXCore
import JXLoad
import JXNormalize
import JXRules
import JXStructure

/// Pass: the text's outline. Enumerated items ("一、", "（一）", "1、", "（1）", "①"), as headings or
/// inline in run-on text, form a tree: a marker of a style already open continues that level when
/// its ordinal follows on (a "3、" after "2、"), a marker of a new style opens a child level at 1;
/// anything else is no marker. An item whose title states a figure ("（一）资助全民健身活动1433.1万元")
/// has that figure as its amount, and the amounts of an item's children are its parts. Reads prose
/// facts and concepts; writes `outline`, `Fact.outlineItem` and outline groups.
extension ExtractionState {
    func buildOutline() {
        var items = [OutlineItem]()
        var open = [Int]()   // the open items, outermost first
        for p in paragraphIndexes where p != doc.titleParagraph {
            let s = doc.paragraphs[p].text.scalars
            let ids = paragraphFacts[p]
            var next = 0   // the next fact of the paragraph to place
            var k = 0
            while k <= s.count {
                var token = k < s.count && (opensItem(s, at: k) || s[k] == "（" || s[k] == "(" || s[k].value >= 0x2460 && s[k].value <= 0x2473)
                    ? HeadingDetector.enumerator(s, at: k) : nil
                // a bracketed or circled marker needs no clause start ("…万元（二）…", where the export
                // dropped the space), a bare one does ("1、", "一、")
                if let found = token, ![.parenChinese, .parenArabic, .circled].contains(found.style), !opensItem(s, at: k) { token = nil }
                if token != nil, k > 0, CharClass.isDigit(s[k - 1]) || CharClass.isASCIILetter(s[k - 1]) { token = nil }
                // facts before this point stand in the innermost open item
                let limit = token != nil ? k : (k == s.count ? s.count + 1 : -1)
                if limit >= 0 {
                    while next < ids.count && facts[ids[next]].number.numberRange.lowerBound < limit {
                        facts[ids[next]].outlineItem = open.last
                        next += 1
                    }
                }
                guard let (style, ordinal, end) = token else { k += 1; continue }
                if let level = siblingLevel(open, items, style: style, ordinal: ordinal) {
                    // a sibling: its ordinal follows on (an outer item's, when a list of its style was
                    // opened under it: a table's "一、…二、…" rows under "二、", then "三、")
                    open.removeSubrange(level...)
                } else if ordinal == 1, let level = open.lastIndex(where: { items[$0].style == style }),
                          items[open[level]].amount != nil, p - items[open.last!].paragraph >= 2 {
                    // "（3）非税收入8,948万元…。⏎各征收部门收入进度情况如下：⏎（1）…": a list of the same style
                    // restarting after a line of its own, under an item that states its figure, is a new
                    // list beside that item's, not its breakdown
                    open.removeSubrange(level...)
                } else if ordinal != 1 && !open.isEmpty {
                    // (an excerpt may start in the middle of its outline: a first marker is taken
                    // whatever its ordinal)
                    k += 1
                    continue
                }
                // a "1" opens a level of its own, under the innermost item (a list may restart a
                // style already used above it: "二、使用情况 … 一、群众体育… 二、竞技体育…")
                let index = items.count
                let parent = open.last
                items.append(OutlineItem(parent: parent, style: style, ordinal: ordinal, paragraph: p, start: k,
                                         amount: titleAmount(doc.paragraphs[p], ids, markerEnd: end),
                                         subject: titleSubject(s, markerEnd: end)))
                if let parent { items[parent].children.append(index) }
                open.append(index)
                k = end
            }
        }
        // an item whose title states no figure, but whose own text (before its first child) states
        // exactly one, has that figure as its amount ("二、使用情况 本级分配使用7375.29万元。一、…")
        var own = [Int: [Int]]()
        // by index: a `for f in facts` copied every fact
        for k in facts.indices { if let item = facts[k].outlineItem, isPlainAmount(facts[k]) { own[item, default: []].append(facts[k].id) } }
        for index in items.indices where items[index].amount == nil && !items[index].children.isEmpty {
            if let figures = own[index], figures.count == 1 { items[index].amount = figures[0] }
        }
        outline = items
        // "——按资金来源 1.… 2.… 3.… ——按资金用途 1.… 2.…": a list restarting at 1 under one item is another
        // breakdown of the same amount; each list is one
        var lists = [(index: Int, children: [Int])]()
        for (index, item) in items.enumerated() where item.children.count >= 2 {
            var run = [Int]()
            for child in item.children {
                if items[child].ordinal == 1 && !run.isEmpty { lists.append((index, run)); run = [] }
                run.append(child)
            }
            lists.append((index, run))
        }
        for (index, children) in lists where children.count >= 2 {
            guard let whole = items[index].amount else { continue }
            let amounts = children.compactMap { items[$0].amount }
            guard amounts.count == children.count,
                  amounts.allSatisfy({ facts[$0].kind.sameFamily(as: facts[whole].kind) }),
                  !amounts.contains(where: isGrouped) else { continue }
            // an enumerated breakdown of a stated amount is the whole of it, unless its words say
            // it names only some ("主要用于：1.…", "重点…", "…等")
            let partial = vocabulary[.partialListWords]
            var wholeText = sentenceText(of: facts[whole]) + children.map { sentenceText(of: facts[items[$0].amount!]) }.joined()
            // and the lines between the whole and its first item ("支出X。⏎主要支出科目情况如下：⏎1.…")
            if let pw = facts[whole].place.paragraph, let pc = facts[amounts[0]].place.paragraph, pc > pw {
                // the sentence of the whole's paragraph that leads into the items ("支出X，同比增长4.0%。
                // 主要支出科目情况如下：")
                if case .text(_, let sentence, _) = facts[whole].place {
                    let paragraph = doc.paragraphs[pw]
                    if let last = paragraph.sentences.indices.last, last > sentence { wholeText += paragraph.text.string(paragraph.sentences[last]) }
                }
                if pc > pw + 1 { for q in (pw + 1)..<min(pc, pw + 4) { wholeText += doc.paragraphs[q].string } }
            }
            let closed = !partial.occurs(in: wholeText)
            appendGroup(PartsGroup(whole: whole, parts: amounts, marker: .outline, closedByWording: closed, nestedThresholds: false))
            listed.formUnion(amounts)
        }
    }

    /// The open level whose item the marker's item follows on: the innermost of its style, or an
    /// outer one of its style (a few at most: a text restarting one style over and over stays linear).
    func siblingLevel(_ open: [Int], _ items: [OutlineItem], style: HeadingStyle, ordinal: Int) -> Int? {
        var seen = 0
        for level in open.indices.reversed() {
            if items[open[level]].style == style {
                if items[open[level]].ordinal + 1 == ordinal { return level }
                seen += 1
            }
            if seen == 4 || open.count - level >= 12 { break }
        }
        return nil
    }

    /// A marker opens an item where a clause may start: the paragraph's start, or after a space or
    /// a clause's end.
    func opensItem(_ s: [Unicode.Scalar], at k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && CharClass.isWhitespace(s[j]) { j -= 1 }
        if j < 0 { return true }
        if j < k - 1 { return !CharClass.isDigit(s[j]) }   // after white space
        switch s[j] {
        case "。", "；", ";", "：", ":", "，", ",", "！", "？": return true
        default: return false
        }
    }

    /// A subject's name is a few words: a first clause longer than this names none.
    static let longestSubject = 80

    /// The subject an item's title names: its first clause (outside brackets) when that is short,
    /// ends with a subject noun and says more than the noun.
    func titleSubject(_ s: [Unicode.Scalar], markerEnd: Int) -> String? {
        var depth = 0, j = markerEnd
        let limit = min(s.count, markerEnd + Self.longestSubject)
        scan: while j < limit {
            switch s[j] {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "，", ",", "。", "；", ";", "：", ":", "！", "？", " ", "\t": if depth == 0 { break scan }
            default: break
            }
            j += 1
        }
        // (a heading line is its title whole: "（三）电子商务进农村综合示范资金")
        guard j < limit || j == s.count, j > markerEnd else { return nil }
        let noun = max(vocabulary[.subjectNouns].suffixLength(s, endingAt: j, start: markerEnd),
                       vocabulary[.outlineSubjectNouns].suffixLength(s, endingAt: j, start: markerEnd))
        guard noun > 0, noun < j - markerEnd else { return nil }
        return ScalarString.make(s[markerEnd..<j])
    }

    /// The figure an item's title states: the first figure after the marker, in the same clause,
    /// stated for itself (money or a count).
    func titleAmount(_ p: Paragraph, _ ids: [Int], markerEnd: Int) -> Int? {
        let s = p.text.scalars
        // the paragraph's facts are in text order: a binary search, not a pass per item; and a
        // title states its figure within `listWindow` scalars of its marker
        let index = firstFact(in: ids, at: markerEnd)
        guard index < ids.count else { return nil }
        let first = ids[index]
        let f = facts[first]
        guard isPlainAmount(f), f.number.numberRange.lowerBound - markerEnd <= ExtractionState.listWindow else { return nil }
        var depth = 0
        for j in markerEnd..<f.number.numberRange.lowerBound {
            switch s[j] {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "，", ",", "。", "；", ";", "：", ":", "！", "？": if depth == 0 { return nil }
            default: break
            }
        }
        return first
    }

    /// Money or a count stated for itself: not a change, a comparison, a share, a range or a target.
    func isPlainAmount(_ f: Fact) -> Bool {
        let counted: Bool
        if case .count = f.kind { counted = true } else { counted = false }
        return (f.kind.isMoney || counted) && f.change == 0 && !f.comparesYears && f.shareOf == nil && !f.number.inRange
            && f.number.comparator == nil && !f.number.approximate && !f.isCellValue
    }

    /// The sentence a figure stands in.
    func sentenceText(of f: Fact) -> String {
        guard case .text(let p, let s, _) = f.place else { return "" }
        let paragraph = doc.paragraphs[p]
        guard paragraph.sentences.indices.contains(s) else { return paragraph.string }
        return paragraph.text.string(paragraph.sentences[s])
    }
}
