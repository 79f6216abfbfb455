import Testing
import JXCore
@testable import JXRules

/// `Lexicon.resolve` tries only the phrases and removable words whose first scalar occurs in the
/// label (issue 12); it must read every label exactly as trying every phrase and word did.
@Suite("Lexicon: indexed resolution equals the full scan")
struct LexiconIndexTests {
    static let lexicon: Lexicon = try! LexiconLoader.embedded()

    /// `resolve` as it was before the phrase and word indexes: every phrase, every word, in order.
    static func reference(_ lexicon: Lexicon, _ label: String) -> Lexicon.Resolution {
        var s = Array(label.unicodeScalars)
        var used = [Bool](repeating: false, count: s.count)
        var result = Lexicon.Resolution()
        for phrase in lexicon.neutralScalars {
            var i = 0
            while i + phrase.count <= s.count {
                if lexicon.matches(s, phrase, at: i) && !used[i] {
                    for k in i..<(i + phrase.count) { used[k] = true }
                    i += phrase.count
                } else {
                    i += 1
                }
            }
        }
        var best: [Lexicon.Kind: (end: Int, length: Int, priority: Int, entry: Int)] = [:]
        for phrase in lexicon.phraseIndex {
            var start = s.count - phrase.text.count
            while start >= 0 {
                if !used[start] && lexicon.matches(s, phrase.text, at: start) && !used[start + phrase.text.count - 1] {
                    let end = start + phrase.text.count
                    let current = best[phrase.kind]
                    let better = current == nil || phrase.priority > current!.priority
                        || (phrase.priority == current!.priority && end > current!.end && phrase.text.count >= current!.length)
                    for k in start..<end { used[k] = true }
                    if better { best[phrase.kind] = (end, phrase.text.count, phrase.priority, phrase.entry) }
                    start -= phrase.text.count
                    continue
                }
                start -= 1
            }
        }
        if let r = best[.rate] { result.rate = lexicon.rates[r.entry].id }
        if let i = best[.item] { result.item = lexicon.items[i.entry].id }
        if let m = best[.measure] {
            result.measure = lexicon.measures[m.entry].id
            result.qualifier = lexicon.measures[m.entry].qualifier
            result.explicitMeasure = true
        }
        let all = Array(label.unicodeScalars)
        for (phrase, qualifier) in lexicon.qualifierScalars where Lexicon.find(phrase, in: all) {
            result.qualifier = result.qualifier ?? qualifier
        }
        var rest = [Unicode.Scalar]()
        var firstOrigin = -1
        for (k, ch) in s.enumerated() where !used[k] && lexicon.isIdeograph(ch) {
            if (ch == "年" && k > 0 && s[k - 1].properties.numericType != nil && s[k - 1].isASCII)
                || (ch == "度" && k > 1 && s[k - 1] == "年" && s[k - 2].isASCII && s[k - 2].properties.numericType != nil)
                || (k > 1 && s[k - 1] == "年" && s[k - 2].isASCII && s[k - 2].properties.numericType != nil
                    && lexicon.removableWords.contains([s[k - 1], ch])) { continue }
            if rest.isEmpty { firstOrigin = k }
            rest.append(ch)
        }
        s = rest
        for word in lexicon.removableWords {
            if word.count == 1 {
                while s.first == word[0] { s.removeFirst(); firstOrigin = -1 }
            } else {
                if s.count >= word.count && Array(s[0..<word.count]) == word { firstOrigin = -1 }
                s = Lexicon.removing(word, from: s)
            }
        }
        // "本项目债券资金": 本 right before the item makes it the report's own; the rest is the scope
        let itemStart = best[.item].map { $0.end - $0.length } ?? -1
        if (s.first == "本" || s.first == "我") && firstOrigin >= 0 && firstOrigin + 1 == itemStart && s.count > 1 {
            s.removeFirst()
            result.item = nil
        } else if (s.first == "本" || s.first == "我") && s.count <= 3 { s = [] }
        if s.count >= 3 && s.count <= 16, lexicon.vocabulary[.organizationSuffixes].suffixLength(s, endingAt: s.count) > 0 { s = [] }
        if result.item != nil || result.measure != nil, lexicon.vocabulary[.attributiveEndings].suffixLength(s, endingAt: s.count) > 0 { s = [] }
        result.scope = String(String.UnicodeScalarView(s))
        // an item whose figures take no scope (lexicon `scoped = false`)
        if result.item != nil, let i = best[.item], !lexicon.items[i.entry].scoped { result.scope = "" }
        if result.item == nil && result.scope.isEmpty && (result.measure != nil || result.rate != nil) {
            result.item = "total"
        }
        return result
    }

    /// Labels made of the lexicon's own phrases and words, alone, in pairs and around invented
    /// names: overlapping phrases, removable words that join once others are dropped, repeats.
    static var labels: [String] {
        let l = lexicon
        var pieces = [String]()
        for e in l.items + l.measures + l.rates { pieces += e.phrases }
        pieces += l.modifiers + l.fillers + Array(l.qualifiers.keys) + l.neutral
        pieces += ["本", "我局", "总部", "全年", "上年", "年度", "甲乙项目", "2023年", "2023年度", "市甲乙局", "（", "）", "：", "12"]
        var out = pieces
        for (k, a) in pieces.enumerated() {
            let b = pieces[(k * 7 + 3) % pieces.count], c = pieces[(k * 13 + 5) % pieces.count]
            out += [a + b, b + a + c, "其中" + a + "的" + b, a + a, c + "丙丁" + a + b]
        }
        return out
    }

    @Test func everyLabelResolvesAsBefore() {
        var differing = [String]()
        for label in Self.labels where Self.lexicon.resolve(label) != Self.reference(Self.lexicon, label) {
            differing.append(label)
        }
        #expect(Self.labels.count > 1000)
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }
}
