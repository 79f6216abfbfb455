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
    var paragraph: Int
    var names: [String]
    var weights: [Range<Int>]
    /// One per weight, or none (a sheet of weights only).
    var scores: [Range<Int>]
    var fullMark: Range<Int>
    var total: Range<Int>?
    /// The total's word as written ("合计").
    var totalWord: String
    /// With scores: the percentage stated between each weight and its score (the actual value).
    var actuals: [Range<Int>?] = []
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
            runs.append(FlatScoreRun(paragraph: paragraph, names: names,
                                     weights: stride(from: 0, to: tokens.count, by: width).map { numbers[tokens[$0]].numberRange },
                                     scores: width == 2 ? stride(from: 1, to: tokens.count, by: 2).map { numbers[tokens[$0]].numberRange } : [],
                                     fullMark: numbers[full].numberRange, total: total.map { numbers[$0].numberRange },
                                     totalWord: ScalarString.make(s[match.start..<wordEnd])))
            if width == 2 {
                runs[runs.count - 1].actuals = stride(from: 0, to: tokens.count, by: 2).map { g in
                    ((tokens[g] + 1)..<tokens[g + 1]).first { numbers[$0].kind == .percent && numbers[$0].comparator == nil }.map { numbers[$0].numberRange }
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

    /// Gives the facts of a paragraph's flattened runs their meaning: weights, scores, the full
    /// mark and the total score, named by their indicator.
    mutating func recordFlatScoreRuns(_ runs: [FlatScoreRun], ids: [Int]) {
        guard !runs.isEmpty else { return }
        var byRange = [Range<Int>: Int]()
        for id in ids { byRange[facts[id].number.numberRange] = id }
        for run in runs {
            func mark(_ r: Range<Int>, _ measure: String, _ name: String) -> Int? {
                guard let id = byRange[r] else { return nil }
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
            let actuals = run.actuals.map { r in r.flatMap { byRange[$0] } }
            flatRuns.append((weights, scores, run.names, full, total, actuals))
            flatRunFacts.formUnion(weights + scores + [full] + (total.map { [$0] } ?? []))
        }
    }
}
