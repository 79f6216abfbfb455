/// A set of words matched on Unicode scalars: exact membership, the longest word at a position, the
/// longest word ending at a position, the first occurrence in a text. Built once per word class
/// (rules/vocabulary.toml) and shared by every stage, so matching a class costs a dictionary lookup
/// on one scalar and a comparison with the few words that start (or end) with it, never a scan of a
/// word list with Foundation string search.
public struct WordSet: Sendable, Hashable {
    /// The word lists and their indexes, shared by copies (a copy is one retain: word sets are
    /// passed around and kept in tuples by the hot loops) and copied on write.
    private final class Storage: @unchecked Sendable {
        /// The words, in the order given (duplicates dropped).
        var words: [String] = []
        var scalarWords: [[Unicode.Scalar]] = []
        /// Word indexes by first / last scalar, longest first.
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        var byLast: [Unicode.Scalar: [Int]] = [:]
        /// Every word by its bytes. `Set<String>` hashed and compared by canonical equivalence,
        /// normalizing every Chinese word and every text asked about.
        var members: Set<TextKey> = []
        /// The words that are not plain (see `isPlain`), asked about by canonical equivalence.
        var unplain: [String] = []
        var longest = 0
        /// Which scalars (by value modulo 4096) start or end some word: most scalars of a text
        /// start none, and this answers for them without hashing the scalar into `byFirst` / `byLast`.
        var firstBits = [UInt64](repeating: 0, count: 64)
        var lastBits = [UInt64](repeating: 0, count: 64)

        init() {}

        func copy() -> Storage {
            let c = Storage()
            c.words = words
            c.scalarWords = scalarWords
            c.byFirst = byFirst
            c.byLast = byLast
            c.members = members
            c.unplain = unplain
            c.longest = longest
            c.firstBits = firstBits
            c.lastBits = lastBits
            return c
        }
    }

    private var storage: Storage

    /// The words, in the order given (duplicates dropped).
    public var words: [String] { storage.words }
    public var longest: Int { storage.longest }

    public init(_ words: [String] = []) {
        storage = Storage()
        add(words)
    }

    public mutating func add(_ more: [String]) {
        if more.isEmpty { return }
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let st = storage
        // built on local copies taken out of the storage: each is then uniquely referenced, so
        // appending and sorting happen in place (no copy of a dictionary per bucket sorted)
        var byFirst = st.byFirst
        var byLast = st.byLast
        var firstBits = st.firstBits
        var lastBits = st.lastBits
        st.byFirst = [:]
        st.byLast = [:]
        st.firstBits = []
        st.lastBits = []
        st.members.reserveCapacity(st.members.count + more.count)
        if st.words.isEmpty {
            // not when adding to words already there: an array grows by exact reservations one at a time
            st.words.reserveCapacity(more.count)
            st.scalarWords.reserveCapacity(more.count)
        }
        byFirst.reserveCapacity(byFirst.count + more.count)
        byLast.reserveCapacity(byLast.count + more.count)
        for word in more where !word.isEmpty {
            // a word equal to one already there (by canonical equivalence, as `String` compares) is
            // dropped: a plain word can equal another only byte for byte, or an unplain one
            if Self.isPlain(word) {
                if st.members.contains(TextKey(word)) || st.unplain.contains(where: { $0 == word }) { continue }
            } else {
                if st.words.contains(where: { $0 == word }) { continue }
                st.unplain.append(word)
            }
            st.members.insert(TextKey(word))
            st.words.append(word)
            let scalars = Array(word.unicodeScalars)
            let index = st.scalarWords.count
            st.scalarWords.append(scalars)
            st.longest = max(st.longest, scalars.count)
            byFirst[scalars[0], default: []].append(index)
            byLast[scalars[scalars.count - 1], default: []].append(index)
            Self.set(&firstBits, scalars[0])
            Self.set(&lastBits, scalars[scalars.count - 1])
        }
        // longest first (a stable sort: words of one length keep their order)
        let lengths = st.scalarWords.map { $0.count }
        for k in byFirst.values.indices where byFirst.values[k].count > 1 { byFirst.values[k].sort { lengths[$0] > lengths[$1] } }
        for k in byLast.values.indices where byLast.values[k].count > 1 { byLast.values[k].sort { lengths[$0] > lengths[$1] } }
        st.byFirst = byFirst
        st.byLast = byLast
        st.firstBits = firstBits
        st.lastBits = lastBits
    }

    public func union(_ other: WordSet) -> WordSet {
        var out = self
        out.add(other.words)
        return out
    }

    private static func set(_ bits: inout [UInt64], _ ch: Unicode.Scalar) {
        bits[Int((ch.value >> 6) & 63)] |= 1 << UInt64(ch.value & 63)
    }

    /// Some word may start with the scalar (false: none does).
    @inline(__always) public func mayStart(with ch: Unicode.Scalar) -> Bool {
        storage.firstBits[Int((ch.value >> 6) & 63)] & (1 << UInt64(ch.value & 63)) != 0
    }

    /// Some word may end with the scalar (false: none does).
    @inline(__always) public func mayEnd(with ch: Unicode.Scalar) -> Bool {
        storage.lastBits[Int((ch.value >> 6) & 63)] & (1 << UInt64(ch.value & 63)) != 0
    }

    public var isEmpty: Bool { storage.words.isEmpty }
    public var count: Int { storage.words.count }

    /// The text is one of the words (by canonical equivalence, as `String` compares).
    public func contains(_ text: String) -> Bool {
        let st = storage
        if Self.isPlain(text) {
            // its only canonical equivalents are itself and unplain texts
            return st.members.contains(TextKey(text)) || (!st.unplain.isEmpty && st.unplain.contains(where: { $0 == text }))
        }
        return st.words.contains(where: { $0 == text })
    }
    public func contains(_ text: Substring) -> Bool { contains(String(text)) }

    /// Every scalar of the text is plain (`plainRanges`): ASCII, Latin-1 signs, general
    /// punctuation, enclosed numbers, box drawing and shapes, CJK symbols and punctuation (less the
    /// tone marks), CJK ideographs, fullwidth forms. None has a canonical decomposition or a
    /// combining class (a test checks every one), so a plain text is its own canonical (NFD) form,
    /// and two plain texts are canonically equivalent only when their bytes are equal.
    public static func isPlain(_ text: String) -> Bool {
        if let plain = text.utf8.withContiguousStorageIfAvailable(isPlain) { return plain }
        return text.unicodeScalars.allSatisfy { isPlainValue($0.value) }
    }

    public static let plainRanges: [ClosedRange<UInt32>] = [
        0...0x7F, 0xA0...0xBF, 0xD7...0xD7, 0xF7...0xF7, 0x2010...0x2027, 0x2030...0x205E, 0x2103...0x2103,
        0x2160...0x217F, 0x2460...0x24FF, 0x2500...0x257F, 0x25A0...0x25FF, 0x3000...0x3029, 0x3030...0x303F,
        0x3200...0x32FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF65, 0xFFE0...0xFFE6,
    ]

    static func isPlain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c0 = b[i]
            if c0 < 0x80 { i += 1; continue }
            let v: UInt32
            if c0 >= 0xC0 && c0 < 0xE0 && i + 1 < b.count {
                v = UInt32(c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c0 >= 0xE0 && c0 < 0xF0 && i + 2 < b.count {
                v = UInt32(c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else {
                return false   // four bytes: no plain scalar is beyond U+FFFF
            }
            guard isPlainValue(v) else { return false }
        }
        return true
    }

    @inline(__always) public static func isPlainValue(_ v: UInt32) -> Bool {
        switch v {
        case 0...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF65: return true
        case 0xA0...0xBF, 0xD7, 0xF7, 0x2010...0x2027, 0x2030...0x205E, 0x2103, 0x2160...0x217F, 0x2460...0x24FF,
             0x2500...0x257F, 0x25A0...0x25FF, 0x3200...0x32FF, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    // MARK: on scalar arrays

    /// Length of the longest word starting at `i` (and ending by `end`); 0 when none does.
    public func prefixLength(_ s: [Unicode.Scalar], at i: Int, end: Int? = nil) -> Int {
        let end = min(end ?? s.count, s.count)
        guard i >= 0, i < end, mayStart(with: s[i]), let candidates = storage.byFirst[s[i]] else { return 0 }
        for w in candidates {
            let word = storage.scalarWords[w]
            guard i + word.count <= end else { continue }
            var k = 1
            while k < word.count && s[i + k] == word[k] { k += 1 }
            if k == word.count { return word.count }
        }
        return 0
    }

    /// Length of the longest word ending just before `end` (and starting at or after `start`); 0 when none.
    public func suffixLength(_ s: [Unicode.Scalar], endingAt end: Int, start: Int = 0) -> Int {
        guard end > max(start, 0), end <= s.count, mayEnd(with: s[end - 1]), let candidates = storage.byLast[s[end - 1]] else { return 0 }
        for w in candidates {
            let word = storage.scalarWords[w]
            guard end - word.count >= max(start, 0) else { continue }
            var k = 1
            while k < word.count && s[end - 1 - k] == word[word.count - 1 - k] { k += 1 }
            if k == word.count { return word.count }
        }
        return 0
    }

    /// The first position ≥ `from` (and < `before`) where a word starts, with the longest word there.
    public func firstMatch(in s: [Unicode.Scalar], from: Int = 0, before: Int? = nil) -> (start: Int, length: Int)? {
        let end = min(before ?? s.count, s.count)
        var i = max(0, from)
        while i < end {
            if mayStart(with: s[i]) {
                let n = prefixLength(s, at: i, end: end)
                if n > 0 { return (i, n) }
            }
            i += 1
        }
        return nil
    }

    /// Every match, left to right, without overlaps (the longest word at each position).
    public func matches(in s: [Unicode.Scalar], from: Int = 0, before: Int? = nil) -> [(start: Int, length: Int)] {
        var out = [(start: Int, length: Int)]()
        var i = from
        while let m = firstMatch(in: s, from: i, before: before) {
            out.append(m)
            i = m.start + m.length
        }
        return out
    }

    // MARK: on strings

    /// The longest word the text starts with.
    public func prefix(of text: some StringProtocol) -> String? {
        let view = text.unicodeScalars
        guard let first = view.first, mayStart(with: first), let candidates = storage.byFirst[first] else { return nil }
        for w in candidates where Self.starts(view, with: storage.scalarWords[w]) { return storage.words[w] }
        return nil
    }

    /// The longest word the text ends with.
    public func suffix(of text: some StringProtocol) -> String? {
        let view = text.unicodeScalars
        guard let last = view.last, mayEnd(with: last), let candidates = storage.byLast[last] else { return nil }
        for w in candidates where Self.ends(view, with: storage.scalarWords[w]) { return storage.words[w] }
        return nil
    }

    public func isPrefix(of text: some StringProtocol) -> Bool { prefix(of: text) != nil }
    public func isSuffix(of text: some StringProtocol) -> Bool { suffix(of: text) != nil }

    // The same for String and Substring: other modules call these concrete entry points, which are
    // specialized here, instead of the generic code above run through protocol witnesses.
    public func prefix(of text: String) -> String? { prefixGeneric(text) }
    public func prefix(of text: Substring) -> String? { prefixGeneric(text) }
    public func suffix(of text: String) -> String? { suffixGeneric(text) }
    public func suffix(of text: Substring) -> String? { suffixGeneric(text) }
    public func isPrefix(of text: String) -> Bool { prefix(of: text) != nil }
    public func isPrefix(of text: Substring) -> Bool { prefix(of: text) != nil }
    public func isSuffix(of text: String) -> Bool { suffix(of: text) != nil }
    public func isSuffix(of text: Substring) -> Bool { suffix(of: text) != nil }
    public func occurs(in text: String) -> Bool { occursGeneric(text) }
    public func occurs(in text: Substring) -> Bool { occursGeneric(text) }
    private func prefixGeneric(_ text: some StringProtocol) -> String? { prefix(of: text) }
    private func suffixGeneric(_ text: some StringProtocol) -> String? { suffix(of: text) }
    private func occursGeneric(_ text: some StringProtocol) -> Bool { occurs(in: text) }

    /// A word occurs anywhere in the text.
    public func occurs(in text: some StringProtocol) -> Bool {
        // on the text's own scalars: no array of them is made
        let view = text.unicodeScalars
        var i = view.startIndex
        while i != view.endIndex {
            let ch = view[i]
            if mayStart(with: ch), let candidates = storage.byFirst[ch] {
                for w in candidates where Self.starts(view[i...], with: storage.scalarWords[w]) { return true }
            }
            view.formIndex(after: &i)
        }
        return false
    }

    /// The first word occurring in the text (leftmost, then longest).
    public func firstOccurrence(in text: some StringProtocol) -> String? {
        let s = Array(text.unicodeScalars)
        guard let m = firstMatch(in: s) else { return nil }
        return ScalarString.make(s[m.start..<(m.start + m.length)])
    }

    /// The text without the longest word it starts with (or unchanged).
    public func droppingPrefix(_ text: String) -> String {
        guard let p = prefix(of: text) else { return text }
        return ScalarString.make(text.unicodeScalars.dropFirst(p.unicodeScalars.count))
    }

    /// The text without the longest word it ends with (or unchanged).
    public func droppingSuffix(_ text: String) -> String {
        guard let p = suffix(of: text) else { return text }
        return ScalarString.make(text.unicodeScalars.dropLast(p.unicodeScalars.count))
    }

    static func starts<V: BidirectionalCollection>(_ view: V, with word: [Unicode.Scalar]) -> Bool where V.Element == Unicode.Scalar {
        var i = view.startIndex
        for ch in word {
            guard i != view.endIndex, view[i] == ch else { return false }
            i = view.index(after: i)
        }
        return true
    }

    static func ends<V: BidirectionalCollection>(_ view: V, with word: [Unicode.Scalar]) -> Bool where V.Element == Unicode.Scalar {
        var i = view.endIndex
        for ch in word.reversed() {
            guard i != view.startIndex else { return false }
            i = view.index(before: i)
            guard view[i] == ch else { return false }
        }
        return true
    }

    public static func == (a: WordSet, b: WordSet) -> Bool { a.words == b.words }
    public func hash(into hasher: inout Hasher) { hasher.combine(words) }
}
