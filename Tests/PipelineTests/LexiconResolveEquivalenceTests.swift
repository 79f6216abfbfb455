import Foundation
import Testing
import TestSupport
import JXCore
import JXLoad
import JXNormalize
import JXStructure
@testable import JXRules
import JXExtract

/// `Lexicon.resolve` as it was before its index of first scalars in flat tables (issue 12): the
/// phrase and removable-word dictionaries, every neutral phrase tried at every position, a
/// dictionary for the best phrase of each kind. Kept verbatim as the reference the fast
/// `resolve` must equal on every label.
struct ReferenceResolver {
    let lexicon: Lexicon
    var phrasesByFirst: [Unicode.Scalar: [Int]] = [:]
    var removableByFirst: [Unicode.Scalar: [Int]] = [:]

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        for (k, word) in lexicon.removableWords.enumerated() where !word.isEmpty { removableByFirst[word[0], default: []].append(k) }
        for (k, phrase) in lexicon.phraseIndex.enumerated() where !phrase.text.isEmpty { phrasesByFirst[phrase.text[0], default: []].append(k) }
    }

    func resolve(_ label: String) -> Lexicon.Resolution {
        let l = lexicon
        var s = Array(label.unicodeScalars).filter { !Lexicon.isQuotationMark($0.value) }
        var used = [Bool](repeating: false, count: s.count)
        var result = Lexicon.Resolution()
        for phrase in l.neutralScalars {
            var i = 0
            while i + phrase.count <= s.count {
                if l.matches(s, phrase, at: i) && !used[i] {
                    for k in i..<(i + phrase.count) { used[k] = true }
                    i += phrase.count
                } else {
                    i += 1
                }
            }
        }
        var best: [Lexicon.Kind: (end: Int, length: Int, priority: Int, entry: Int)] = [:]
        var occurring = [Int]()
        for i in s.indices {
            guard let candidates = phrasesByFirst[s[i]] else { continue }
            for k in candidates where l.matches(s, l.phraseIndex[k].text, at: i) { occurring.append(k) }
        }
        occurring.sort()
        var previous = -1
        for index in occurring where index != previous {
            previous = index
            let phrase = l.phraseIndex[index]
            var start = s.count - phrase.text.count
            while start >= 0 {
                if !used[start] && l.matches(s, phrase.text, at: start) && !used[start + phrase.text.count - 1] {
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
        if let r = best[.rate] { result.rate = l.rates[r.entry].id }
        if let i = best[.item] { result.item = l.items[i.entry].id }
        if let m = best[.measure] {
            result.measure = l.measures[m.entry].id
            result.qualifier = l.measures[m.entry].qualifier
            result.explicitMeasure = true
        }
        let all = Array(label.unicodeScalars).filter { !Lexicon.isQuotationMark($0.value) }
        for (phrase, qualifier) in l.qualifierScalars where Lexicon.find(phrase, in: all) {
            result.qualifier = result.qualifier ?? qualifier
        }
        var rest = [Unicode.Scalar]()
        var firstOrigin = -1
        for (k, ch) in s.enumerated() where !used[k] && l.isIdeograph(ch) {
            if (ch == "年" && k > 0 && s[k - 1].properties.numericType != nil && s[k - 1].isASCII)
                || (ch == "度" && k > 1 && s[k - 1] == "年" && s[k - 2].isASCII && s[k - 2].properties.numericType != nil)
                || (k > 1 && s[k - 1] == "年" && s[k - 2].isASCII && s[k - 2].properties.numericType != nil
                    && l.removableWords.contains([s[k - 1], ch])) { continue }
            if (ch == "月" || ch == "日") && k > 0 && s[k - 1].properties.numericType != nil && s[k - 1].isASCII { continue }
            if rest.isEmpty { firstOrigin = k }
            rest.append(ch)
        }
        s = rest
        var candidates = [Int]()
        for (k, ch) in rest.enumerated() where !rest[..<k].contains(ch) { candidates += removableByFirst[ch] ?? [] }
        candidates.sort()
        for index in candidates {
            let word = l.removableWords[index]
            if word.count == 1 {
                while s.first == word[0] { s.removeFirst(); firstOrigin = -1 }
            } else {
                if s.count >= word.count && Array(s[0..<word.count]) == word { firstOrigin = -1 }
                s = Lexicon.removing(word, from: s)
            }
        }
        let itemStart = best[.item].map { $0.end - $0.length } ?? -1
        if (s.first == "本" || s.first == "我") && firstOrigin >= 0 && firstOrigin + 1 == itemStart && s.count > 1 {
            s.removeFirst()
            result.item = nil
        } else if (s.first == "本" || s.first == "我") && firstOrigin >= 0 && firstOrigin + 1 == itemStart && s.count == 1 && result.measure != nil {
            s = []
            result.item = nil
        } else if (s.first == "本" || s.first == "我") && s.count <= 3 { s = [] }
        if s.count >= 3 && s.count <= 16, l.vocabulary[.organizationSuffixes].suffixLength(s, endingAt: s.count) > 0 { s = [] }
        if result.item != nil || result.measure != nil, l.vocabulary[.attributiveEndings].suffixLength(s, endingAt: s.count) > 0 { s = [] }
        result.scope = String(String.UnicodeScalarView(s))
        // an item whose figures take no scope (lexicon `scoped = false`)
        if result.item != nil, let i = best[.item], !l.items[i.entry].scoped { result.scope = "" }
        if result.item == nil && result.scope.isEmpty && (result.measure != nil || result.rate != nil) {
            result.item = "total"
        }
        return result
    }
}

@Suite("Lexicon: the fast resolve reads every label as the reference")
struct LexiconResolveEquivalenceTests {
    static let lexicon: Lexicon = try! LexiconLoader.embedded()

    /// The reports: the corpus, its wild part and the samples of the repository.
    static var reportPaths: [String] {
        var out = [String]()
        let fm = FileManager.default
        for dir in [Corpus.directory, Corpus.directory.appendingPathComponent("wild"), Corpus.packageRoot.appendingPathComponent("samples")] {
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                if name == "README.md" { continue }
                out.append(dir.appendingPathComponent(name).path)
            }
        }
        return out
    }

    /// Everything a report gives `resolve`: each fact's label, head and share base, every suffix of
    /// a label (the extractor resolves parts of labels), and every run of a line between digits and
    /// punctuation.
    static func labels(of path: String) throws -> Set<String> {
        let document = try DocumentLoader.load(path: path)
        let normalized = Normalizer.normalize(document)
        let facts = Extractor.extract(Structurer.structure(normalized), lexicon: lexicon, fiscalYear: nil)
        var out = Set<String>()
        for fact in facts.facts {
            for text in [fact.label, fact.head, fact.shareOf ?? ""] where !text.isEmpty {
                out.insert(text)
                let s = Array(text.unicodeScalars)
                for k in 1..<max(1, s.count) { out.insert(String(String.UnicodeScalarView(s[k...]))) }
            }
        }
        for line in document.lines {
            var run = String.UnicodeScalarView()
            for ch in line.text.unicodeScalars {
                if ch.properties.isIdeographic || ch.isASCII && ch.properties.isAlphabetic {
                    run.append(ch)
                } else {
                    if !run.isEmpty { out.insert(String(run)) }
                    run = String.UnicodeScalarView()
                    // the digits and what follows: "2023年度预算"
                    if ch.properties.numericType != nil { run.append(ch) }
                }
            }
            if !run.isEmpty { out.insert(String(run)) }
        }
        return out
    }

    /// Invented labels: the lexicon's phrases and words joined at random (a fixed seed), with
    /// years, self-names, organization endings and punctuation between them.
    static var synthetic: [String] {
        let l = lexicon
        var pieces = [String]()
        for e in l.items + l.measures + l.rates { pieces += e.phrases }
        pieces += l.modifiers + l.fillers + Array(l.qualifiers.keys).sorted() + l.neutral
        pieces += l.vocabulary.union(.previousYear, .currentYear, .nextYear, .organizationSuffixes).words
        pieces += ["本", "我", "我局", "本中心", "总部", "全", "甲乙", "丙丁戊", "2023", "2023年", "2023年度", "年度", "（", "）", "：", "、", "12.5", "x", "度"]
        var rng = SplitMix(seed: 12)
        var out = [String]()
        for _ in 0..<6000 {
            let n = Int(rng.next() % 5) + 1
            out.append((0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        return out
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipReason))
    func everyLabelOfTheReportsResolvesAsTheReference() throws {
        let reference = ReferenceResolver(Self.lexicon)
        var labels = Set<String>()
        let paths = Self.reportPaths
        for path in paths { labels.formUnion(try Self.labels(of: path)) }
        #expect(paths.count > 50)
        #expect(labels.count > 10_000, "\(labels.count) labels")
        print("◇ \(labels.count) labels from \(paths.count) reports")
        var differing = [String]()
        for label in labels.sorted() where Self.lexicon.resolve(label) != reference.resolve(label) { differing.append(label) }
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(10))")
    }

    @Test func inventedLabelsResolveAsTheReference() {
        let reference = ReferenceResolver(Self.lexicon)
        var differing = [String]()
        let labels = Self.synthetic + ["", "1", "年", "2023年", "本年", "（）", "\u{301}", "𠀀𠀁", "e\u{301}预算"]
        for label in labels where Self.lexicon.resolve(label) != reference.resolve(label) { differing.append(label) }
        #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(10))")
    }

    /// A lexicon of one's own: neutral phrases sharing first scalars with phrases, removable words
    /// and qualifiers, more words than one 64-bit word of a bitset holds, an empty lexicon.
    @Test func otherLexiconsResolveAsTheReference() {
        var words = [String]()
        let ideographs = Array("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥".unicodeScalars)
        for a in ideographs.prefix(12) { for b in ideographs.suffix(12) { words.append(String(String.UnicodeScalarView([a, b]))) } }
        let measures = (0..<3).map { Lexicon.Entry(id: "m\($0)", name: "m\($0)", phrases: Array(words[($0 * 40)..<($0 * 40 + 40)]), qualifier: $0 == 1 ? "q" : nil, priority: $0 % 2) }
        let items = (0..<2).map { Lexicon.Entry(id: "i\($0)", name: "i\($0)", phrases: Array(words[(120 + $0 * 10)..<(130 + $0 * 10)]) + ["甲乙丙"]) }
        let rates = [Lexicon.Entry(id: "r", name: "r", phrases: ["甲子", "乙丑率"], priority: 2)]
        var own = Lexicon(measures: measures, items: items, rates: rates, modifiers: Array(words[5..<70]) + ["甲"],
                          fillers: ["乙", "丙丁"], qualifiers: ["甲乙": "x", "子丑": "y", "丙": "z"])
        own.neutral = ["甲乙丙丁", "子丑", "甲"]
        var rng = SplitMix(seed: 7)
        let pieces = words + ["甲", "乙", "丙", "本", "我", "2024年", "局", "（"]
        let labels = (0..<4000).map { _ in (0..<(Int(rng.next() % 6) + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined() }
        for lexicon in [own, Lexicon()] {
            let reference = ReferenceResolver(lexicon)
            var differing = [String]()
            for label in labels where lexicon.resolve(label) != reference.resolve(label) { differing.append(label) }
            #expect(differing.isEmpty, "\(differing.count) differ: \(differing.prefix(10))")
        }
    }

    /// The year test reads ASCII digits where the reference asked for an ASCII numeric type.
    @Test func asciiScalarsWithANumericTypeAreTheDigits() {
        for v in UInt32(0)..<128 {
            let ch = Unicode.Scalar(v)!
            #expect(Lexicon.isASCIIDigit(v) == (ch.properties.numericType != nil))
        }
    }
}
