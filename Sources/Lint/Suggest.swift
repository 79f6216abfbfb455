/// "Did you mean …?" for mistyped options, rule ids and concepts.
enum Suggest {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a typo
    /// (at most a third of the word's length, at least 1, at most 3 edits).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        // the same words in another order: "--baseline-write" for "--write-baseline"
        let words = word.lowercased().split(separator: "-").sorted()
        if words.count > 1, let c = candidates.first(where: { $0.lowercased().split(separator: "-").sorted() == words }) { return c }
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word.lowercased(), c.lowercased(), limit: limit)
            guard d <= limit else { continue }
            if best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// "（did you mean 'x'?）" or "".
    static func hint(for word: String, in candidates: [String]) -> String {
        guard let c = closest(to: word, in: candidates) else { return "" }
        return " (did you mean '\(c)'?)"
    }

    /// Edit distance over Characters where swapping two neighbours is one edit (optimal string
    /// alignment); stops early past `limit` (returns limit + 1).
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var before = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                current[j] = d
                rowMin = min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[y.count]
    }
}
