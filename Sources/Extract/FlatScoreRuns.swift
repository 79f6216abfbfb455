import Foundation
import JXCore
import JXNormalize
import JXRules
import JXStructure

/// A score sheet that lost its table: "产出指标 数量指标 培训人次≥500人次 20 质量指标 合格率≥95% 15 …
/// 合计 100" (weights only) or "预算执行率 100% 10 98.5% 9.85 … 合计 100 96.85" (weight, actual value,
/// score). Its weights and scores stand as bare numbers between the indicators' names and targets;
/// the total closes it with the full mark (and the total score). Number ranges are in the paragraph.
struct FlatScoreRun {
    var names: [String]
    var weights: [NumberPlace]
    /// One per weight, or none (a sheet of weights only).
    var scores: [NumberPlace]
    var fullMark: NumberPlace
    var total: NumberPlace?
    /// The total's word as written ("合计").
    var totalWord: String
    /// With scores: the percentage stated between each weight and its score (the actual value).
    var actuals: [NumberPlace?] = []
}

/// A number's place: its paragraph and its range there.
struct NumberPlace: Hashable {
    var paragraph: Int
    var range: Range<Int>
    init(_ paragraph: Int, _ range: Range<Int>) {
        self.paragraph = paragraph
        self.range = range
    }
}

extension ExtractionState {
    /// Finds the flattened score sheets of a paragraph and makes their bare numbers scores (the
    /// scanner leaves a number without a unit bare, and bare numbers are no facts). A run is read
    /// only when its shape says so: a total word of `flatRunTotalWords` right before one or two
    /// bare numbers; before it, in the same sentence, bare numbers standing alone, one (or two, as
    /// after the total) per indicator, each indicator's group after words of its own; and words of
    /// the genre (`flatRunGenreWords`) in the run.
    func findFlatScoreRuns(_ numbers: inout [ScannedNumber], _ s: [Unicode.Scalar], paragraph: Int) -> [FlatScoreRun] {
        let totals = vocabulary[.flatRunTotalWords]
        let genre = vocabulary[.flatRunGenreWords]
        guard !numbers.isEmpty, totals.firstMatch(in: s) != nil else { return [] }
        func isSpace(_ k: Int) -> Bool { k < 0 || k >= s.count || CharClass.isWhitespace(s[k]) }
        func plain(_ n: ScannedNumber) -> Bool {
            n.kind == .bare && n.comparator == nil && !n.inRange && n.parenDepth == 0 && n.value >= 0 && n.value < 1000 && n.range == n.numberRange
        }
        // a number standing for itself, not a part of a name, a list mark, a date or a code (the
        // normalizer drops the spaces between a figure and ideographs, so none can be asked for)
        func alone(_ n: ScannedNumber) -> Bool {
            let start = n.numberRange.lowerBound, end = n.numberRange.upperBound
            return !(start > 0 && "第约近/-:：.".unicodeScalars.contains(s[start - 1]))
                && !(end < s.count && "、./-:：".unicodeScalars.contains(s[end]))
        }
        func gap(_ r: Range<Int>, allowing marks: String) -> Bool {
            r.allSatisfy { isSpace($0) || marks.unicodeScalars.contains(s[$0]) }
        }
        var runs = [FlatScoreRun]()
        var cursor = 0       // the first number not yet passed
        var lastEnd = 0      // where the text after the last total starts
        for match in totals.matches(in: s) {
            let wordEnd = match.start + match.length
            defer { lastEnd = max(lastEnd, wordEnd) }
            guard match.start >= lastEnd else { continue }
            while cursor < numbers.count && numbers[cursor].numberRange.lowerBound < wordEnd { cursor += 1 }
            // the full mark right after the total word, and the total score after it
            guard cursor < numbers.count, plain(numbers[cursor]), numbers[cursor].value > 0,
                  gap(wordEnd..<numbers[cursor].numberRange.lowerBound, allowing: "：:") else { continue }
            let full = cursor
            var total: Int?
            if full + 1 < numbers.count, plain(numbers[full + 1]), alone(numbers[full + 1]),
               numbers[full + 1].numberRange.lowerBound > numbers[full].range.upperBound,
               gap(numbers[full].range.upperBound..<numbers[full + 1].numberRange.lowerBound, allowing: "") {
                total = full + 1
            }
            let width = total == nil ? 1 : 2
            // the run starts after the last sentence end (or the last total) before the total word
            var from = match.start
            while from > lastEnd && !"。！？；;!?".unicodeScalars.contains(s[from - 1]) { from -= 1 }
            guard genre.firstMatch(in: s, from: from, before: match.start) != nil else { continue }
            var tokens = [Int]()
            var k = full - 1
            while k >= 0 && numbers[k].numberRange.lowerBound >= from {
                if plain(numbers[k]) && alone(numbers[k]) { tokens.append(k) }
                k -= 1
            }
            tokens.reverse()
            guard tokens.count >= 2 * width, tokens.count % width == 0 else { continue }
            // each indicator's group comes after words of its own (its name, its target)
            var names = [String]()
            var ok = true
            var previous = from
            for g in stride(from: 0, to: tokens.count, by: width) {
                let w = numbers[tokens[g]]
                let before = previous..<w.numberRange.lowerBound
                guard before.contains(where: { CharClass.isHan(s[$0]) }) else { ok = false; break }
                names.append(indicatorName(s, before))
                previous = numbers[tokens[g + width - 1]].range.upperBound
            }
            guard ok, previous <= match.start else { continue }
            let roles = tokens + [full] + (total.map { [$0] } ?? [])
            for r in roles {
                numbers[r].kind = .score
                numbers[r].unitText = ""
            }
            func at(_ k: Int) -> NumberPlace { NumberPlace(paragraph, numbers[k].numberRange) }
            runs.append(FlatScoreRun(names: names,
                                     weights: stride(from: 0, to: tokens.count, by: width).map { at(tokens[$0]) },
                                     scores: width == 2 ? stride(from: 1, to: tokens.count, by: 2).map { at(tokens[$0]) } : [],
                                     fullMark: at(full), total: total.map(at),
                                     totalWord: ScalarString.make(s[match.start..<wordEnd])))
            if width == 2 {
                runs[runs.count - 1].actuals = stride(from: 0, to: tokens.count, by: 2).map { g in
                    ((tokens[g] + 1)..<tokens[g + 1]).first { numbers[$0].kind == .percent && numbers[$0].comparator == nil }.map { NumberPlace(paragraph, numbers[$0].numberRange) }
                }
            }
            lastEnd = numbers[total ?? full].range.upperBound
        }
        return runs
    }

    /// The indicator's name among the words before its weight: the words before its first figure
    /// or comparator, the first of them that is not only a level ("产出指标 数量指标 培训人次≥500人次"
    /// → "培训人次").
    func indicatorName(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var end = r.lowerBound
        while end < r.upperBound && !CharClass.isDigit(s[end]) && !"≥≤><=＝%".unicodeScalars.contains(s[end]) { end += 1 }
        let words = ScalarString.make(s[r.lowerBound..<end]).split(whereSeparator: { $0.unicodeScalars.allSatisfy(CharClass.isWhitespace) }).map(String.init)
            .filter { $0.unicodeScalars.contains(where: CharClass.isHan) }
        let levels = vocabulary[.indicatorLevelEndings]
        return words.first { !levels.isSuffix(of: $0) } ?? words.last ?? ""
    }

    /// "预算执行率 100% 10 98% 9.8" ⏎ "产出指标 数量指标 培训人次≥200人次 30 215人次 30" ⏎ … ⏎ "合计 100
    /// 96.8": a flattened sheet one row per line, the total on a line of its own. The lines before
    /// the total line, back to the first that is no such row, each hold one indicator: words, then
    /// as many bare numbers standing alone as the total line has, and no sentence end.
    func findFlatScoreRows(_ scans: inout [NumberScanner.Result], taken: Set<Int>) -> [FlatScoreRun] {
        let totals = vocabulary[.flatRunTotalWords]
        let genre = vocabulary[.flatRunGenreWords]
        var runs = [FlatScoreRun]()
        func plain(_ n: ScannedNumber) -> Bool {
            n.kind == .bare && n.comparator == nil && !n.inRange && n.parenDepth == 0 && n.value >= 0 && n.value < 1000 && n.range == n.numberRange
        }
        for p in paragraphIndexes where !taken.contains(p) && p > 0 {
            let s = doc.paragraphs[p].text.scalars
            var k = 0
            while k < s.count && CharClass.isWhitespace(s[k]) { k += 1 }
            let length = totals.prefixLength(s, at: k)
            guard length > 0 else { continue }
            let wordEnd = k + length
            let numbers = scans[p].numbers
            guard let first = numbers.first, plain(first), first.numberRange.lowerBound >= wordEnd,
                  s[wordEnd..<first.numberRange.lowerBound].allSatisfy({ CharClass.isWhitespace($0) || $0 == "：" || $0 == ":" }) else { continue }
            var width = 1
            if numbers.count > 1, plain(numbers[1]), numbers[1].numberRange.lowerBound > first.range.upperBound,
               s[first.range.upperBound..<numbers[1].numberRange.lowerBound].allSatisfy(CharClass.isWhitespace) { width = 2 }
            // the rows, from the line right before upwards
            var rows = [(paragraph: Int, tokens: [Int], name: String)]()
            var q = p - 1
            while q >= 0 && q != doc.titleParagraph && !taken.contains(q) {
                let t = doc.paragraphs[q].text.scalars
                guard !t.contains(where: { "。！？".unicodeScalars.contains($0) }) else { break }
                let tokens = scans[q].numbers.indices.filter { plain(scans[q].numbers[$0]) }
                guard tokens.count == width, let start = tokens.first.map({ scans[q].numbers[$0].numberRange.lowerBound }),
                      t[0..<start].contains(where: CharClass.isHan) else { break }
                rows.append((q, tokens, indicatorName(t, 0..<start)))
                q -= 1
            }
            guard rows.count >= 2 else { continue }
            rows.reverse()
            guard rows.contains(where: { genre.firstMatch(in: doc.paragraphs[$0.paragraph].text.scalars) != nil }) else { continue }
            for row in rows { for t in row.tokens { scans[row.paragraph].numbers[t].kind = .score; scans[row.paragraph].numbers[t].unitText = "" } }
            for t in 0..<width { scans[p].numbers[t].kind = .score; scans[p].numbers[t].unitText = "" }
            func at(_ paragraph: Int, _ k: Int) -> NumberPlace { NumberPlace(paragraph, scans[paragraph].numbers[k].numberRange) }
            var run = FlatScoreRun(names: rows.map(\.name), weights: rows.map { at($0.paragraph, $0.tokens[0]) },
                                   scores: width == 2 ? rows.map { at($0.paragraph, $0.tokens[1]) } : [],
                                   fullMark: at(p, 0), total: width == 2 ? at(p, 1) : nil,
                                   totalWord: ScalarString.make(s[k..<wordEnd]))
            if width == 2 {
                run.actuals = rows.map { row in
                    ((row.tokens[0] + 1)..<row.tokens[1]).first { scans[row.paragraph].numbers[$0].kind == .percent && scans[row.paragraph].numbers[$0].comparator == nil }
                        .map { at(row.paragraph, $0) }
                }
            }
            runs.append(run)
        }
        return runs
    }

    /// Gives the facts of the flattened runs their meaning: weights, scores, the full mark and the
    /// total score, named by their indicator.
    func recordFlatScoreRuns(_ runs: [FlatScoreRun], placed: [NumberPlace: Int]) {
        for run in runs {
            func mark(_ place: NumberPlace, _ measure: String, _ name: String) -> Int? {
                guard let id = placed[place] else { return nil }
                facts[id].label = name
                facts[id].head = name
                facts[id].concept = Lexicon.Resolution(measure: measure, scope: name, explicitMeasure: true)
                facts[id].measureSource = .label
                // 分 is read, not written: good for the sheet's own sums, not for comparing figures
                // across sheets (two projects' sheets name the same indicators)
                facts[id].unitAssumed = true
                return id
            }
            let totalName = run.totalWord
            let weights = zip(run.weights, run.names).compactMap { mark($0, "weight", $1) }
            let scores = zip(run.scores, run.names).compactMap { mark($0, "score", $1) }
            guard weights.count == run.weights.count, scores.count == run.scores.count,
                  let full = mark(run.fullMark, "weight", totalName) else { continue }
            let total = run.total.flatMap { mark($0, "score", totalName) }
            let actuals = run.actuals.map { a in a.flatMap { placed[$0] } }
            flatRuns.append((weights, scores, run.names, full, total, actuals))
            flatRunFacts.formUnion(weights + scores + [full] + (total.map { [$0] } ?? []))
        }
    }
}
