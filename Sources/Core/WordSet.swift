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
        /// The scalars of every word, one after another: word `w` is
        /// `scalars[wordStart[w] ..< wordStart[w + 1]]` (one array for the set, not one per word).
        var scalars: [Unicode.Scalar] = []
        var wordStart: [Int] = [0]
        /// Word indexes grouped by first (last) scalar, longest first within a group (words of one
        /// length in the order given); `byFirst[ch]` is the range of `firstOrder` holding the words
        /// that start with `ch` (a range: a lookup retains no array).
        var firstOrder: [Int] = []
        var lastOrder: [Int] = []
        var byFirst = ScalarGroups()
        var byLast = ScalarGroups()
        /// The words that are not plain (see `isPlain`), asked about by canonical equivalence.
        var unplain: [String] = []
        var longest = 0
        /// Which scalars (by value modulo the filter's size) start or end some word: most scalars of a
        /// text start none, and this answers for them without hashing the scalar into `byFirst` /
        /// `byLast`. One block per storage, first-scalar words then as many last-scalar words, sized
        /// to the words (64 bits a word, 128 to 4096 a side): a class of three words needs no
        /// kilobyte, and the hundreds of small sets of a rule set are a fifth of a run's heap.
        private(set) var bits: UnsafeMutablePointer<UInt64> = Storage.zeroedBits(4)
        /// 64-bit words a side, minus one (a power of two minus one: the mask of the word index).
        private(set) var wordMask: UInt32 = 1
        @inline(__always) var firstBits: UnsafeMutablePointer<UInt64> { bits }
        @inline(__always) var lastBits: UnsafeMutablePointer<UInt64> { bits + Int(wordMask + 1) }

        private static func zeroedBits(_ count: Int) -> UnsafeMutablePointer<UInt64> {
            let p = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }

        /// Empties the filter, sized for `count` words.
        func resetBits(for count: Int) {
            var side = 2
            while side < 64 && side * 64 < count * 64 { side *= 2 }
            if side != Int(wordMask + 1) {
                bits.deallocate()
                bits = Storage.zeroedBits(2 * side)
                wordMask = UInt32(side - 1)
            } else {
                bits.update(repeating: 0, count: 2 * side)
            }
        }

        init() {}

        deinit { bits.deallocate() }

        func copy() -> Storage {
            let c = Storage()
            c.words = words
            c.scalars = scalars
            c.wordStart = wordStart
            c.firstOrder = firstOrder
            c.lastOrder = lastOrder
            c.byFirst = byFirst
            c.byLast = byLast
            c.unplain = unplain
            c.longest = longest
            c.bits.deallocate()
            c.bits = Storage.zeroedBits(2 * Int(wordMask + 1))
            c.wordMask = wordMask
            c.bits.update(from: bits, count: 2 * Int(wordMask + 1))
            return c
        }

        @inline(__always) func length(_ w: Int) -> Int { wordStart[w + 1] - wordStart[w] }

        /// Rebuilds the first / last scalar indexes over every word: the words ordered longest
        /// first by a counting sort on length, then placed in their scalar's group (no comparisons,
        /// no array per scalar, no hashing through `Hasher`).
        func index() {
            let count = words.count
            resetBits(for: count)
            // the counting sort's counters and result live on the stack (no array allocated)
            withUnsafeTemporaryAllocation(of: Int.self, capacity: longest + 2 + count) { buffer in
                let lengthStart = UnsafeMutableBufferPointer(rebasing: buffer[0..<(longest + 2)])
                let longestFirst = UnsafeMutableBufferPointer(rebasing: buffer[(longest + 2)...])
                lengthStart.initialize(repeating: 0)
                for w in 0..<count {
                    lengthStart[longest - length(w) + 1] += 1
                    WordSet.set(firstBits, wordMask, scalars[wordStart[w]])
                    WordSet.set(lastBits, wordMask, scalars[wordStart[w + 1] - 1])
                }
                for k in 0..<longest { lengthStart[k + 1] += lengthStart[k] }
                for w in 0..<count {
                    let k = longest - length(w)
                    longestFirst[lengthStart[k]] = w
                    lengthStart[k] += 1
                }
                let words = UnsafeBufferPointer(longestFirst)
                (firstOrder, byFirst) = ScalarGroups.make(words) { scalars[wordStart[$0]] }
                (lastOrder, byLast) = ScalarGroups.make(words) { scalars[wordStart[$0 + 1] - 1] }
            }
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
        // duplicates are found by comparing bytes with the words there; a large set hashes them
        // once, here (a set of its own per word set, kept for every run, made every start a fifth of
        // the loading of a rule set)
        var seen: Set<TextKey>? = st.words.count + more.count > 48 ? Set(st.words.map(TextKey.init)) : nil
        // (in a small set, a word's length and end bytes tell most words apart before their bytes are compared)
        var prints = seen == nil ? st.words.map(Self.fingerprint) : []
        if st.words.isEmpty {
            // not when adding to words already there: an array grows by exact reservations one at a time
            st.words.reserveCapacity(more.count)
            st.wordStart.reserveCapacity(more.count + 1)
            st.scalars.reserveCapacity(more.count * 4)
        }
        for word in more where !word.isEmpty {
            // a word equal to one already there (by canonical equivalence, as `String` compares) is
            // dropped: a plain word can equal another only byte for byte, or an unplain one
            if Self.isPlain(word) {
                if !st.unplain.isEmpty && st.unplain.contains(where: { $0 == word }) { continue }
                if seen != nil {
                    if !seen!.insert(TextKey(word)).inserted { continue }
                } else {
                    let print = Self.fingerprint(word)
                    if prints.indices.contains(where: { prints[$0] == print && TextKey(st.words[$0]) == TextKey(word) }) { continue }
                    prints.append(print)
                }
            } else {
                if st.words.contains(where: { $0 == word }) { continue }
                st.unplain.append(word)
                seen?.insert(TextKey(word))
                if seen == nil { prints.append(Self.fingerprint(word)) }
            }
            st.words.append(word)
            // one scalar at a time: `append(contentsOf:)` counted the scalar view first (a second
            // decoding) and then appended through its generic slow path
            for scalar in word.unicodeScalars { st.scalars.append(scalar) }
            let length = st.scalars.count - st.wordStart[st.wordStart.count - 1]
            st.wordStart.append(st.scalars.count)
            st.longest = max(st.longest, length)
        }
        st.index()
    }

    /// A word's length in bytes and its first and last three bytes, in one integer.
    static func fingerprint(_ word: String) -> UInt64 {
        func of(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var print = UInt64(truncatingIfNeeded: p.count) << 48
            for k in 0..<min(3, p.count) {
                print |= UInt64(p[k]) << (UInt64(k) * 8) | UInt64(p[p.count - 1 - k]) << (UInt64(k + 3) * 8)
            }
            return print
        }
        if let print = word.utf8.withContiguousStorageIfAvailable(of) { return print }
        var copy = word
        return copy.withUTF8(of)
    }

    public func union(_ other: WordSet) -> WordSet {
        var out = self
        out.add(other.words)
        return out
    }

    private static func set(_ bits: UnsafeMutablePointer<UInt64>, _ mask: UInt32, _ ch: Unicode.Scalar) {
        bits[Int((ch.value >> 6) & mask)] |= 1 << UInt64(ch.value & 63)
    }

    /// Some word may start with the scalar (false: none does).
    @inline(__always) public func mayStart(with ch: Unicode.Scalar) -> Bool {
        let st = storage
        return st.firstBits[Int((ch.value >> 6) & st.wordMask)] & (1 << UInt64(ch.value & 63)) != 0
    }

    /// Some word may end with the scalar (false: none does).
    @inline(__always) public func mayEnd(with ch: Unicode.Scalar) -> Bool {
        let st = storage
        return st.lastBits[Int((ch.value >> 6) & st.wordMask)] & (1 << UInt64(ch.value & 63)) != 0
    }

    public var isEmpty: Bool { storage.words.isEmpty }
    public var count: Int { storage.words.count }

    /// The text is one of the words (by canonical equivalence, as `String` compares).
    public func contains(_ text: String) -> Bool {
        let st = storage
        if Self.isPlain(text) {
            // its only canonical equivalents are itself and unplain texts; itself is among the
            // words starting with its first scalar, longest first
            if let first = text.unicodeScalars.first, let group = st.byFirst[first] {
                let key = TextKey(text), bytes = text.utf8.count
                for w in st.firstOrder[group] where st.words[w].utf8.count == bytes && TextKey(st.words[w]) == key { return true }
            }
            return !st.unplain.isEmpty && st.unplain.contains(where: { $0 == text })
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
        let st = storage
        for c in candidates {
            let w = st.firstOrder[c]
            let a = st.wordStart[w], n = st.wordStart[w + 1] - a
            guard i + n <= end else { continue }
            var k = 1
            while k < n && s[i + k] == st.scalars[a + k] { k += 1 }
            if k == n { return n }
        }
        return 0
    }

    /// Length of the longest word ending just before `end` (and starting at or after `start`); 0 when none.
    public func suffixLength(_ s: [Unicode.Scalar], endingAt end: Int, start: Int = 0) -> Int {
        guard end > max(start, 0), end <= s.count, mayEnd(with: s[end - 1]), let candidates = storage.byLast[s[end - 1]] else { return 0 }
        let st = storage
        for c in candidates {
            let w = st.lastOrder[c]
            let b = st.wordStart[w + 1], n = b - st.wordStart[w]
            guard end - n >= max(start, 0) else { continue }
            var k = 1
            while k < n && s[end - 1 - k] == st.scalars[b - 1 - k] { k += 1 }
            if k == n { return n }
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
        let st = storage
        for c in candidates {
            let w = st.firstOrder[c]
            if Self.starts(view, with: st.scalars, st.wordStart[w]..<st.wordStart[w + 1]) { return st.words[w] }
        }
        return nil
    }

    /// The longest word the text ends with.
    public func suffix(of text: some StringProtocol) -> String? {
        // (the last scalar from the last bytes: the scalar view's `last` decodes backwards, and most
        // texts end with no word's last scalar)
        let lastScalar = text.utf8.withContiguousStorageIfAvailable { b -> Unicode.Scalar? in
            guard !b.isEmpty else { return nil }
            var i = b.count - 1
            while i > 0 && b[i] & 0xC0 == 0x80 { i -= 1 }
            return ScalarString.scalar(inUTF8: b, at: i).0
        } ?? text.unicodeScalars.last
        guard let last = lastScalar, mayEnd(with: last) else { return nil }
        let view = text.unicodeScalars
        guard let candidates = storage.byLast[last] else { return nil }
        let st = storage
        for c in candidates {
            let w = st.lastOrder[c]
            if Self.ends(view, with: st.scalars, st.wordStart[w]..<st.wordStart[w + 1]) { return st.words[w] }
        }
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
    public func occurs(in text: String) -> Bool {
        // a native string's UTF-8, decoded here: stepping the scalar view's indexes cost several
        // times the match itself (a label is asked about by many classes)
        if let found = text.utf8.withContiguousStorageIfAvailable({ occurs(utf8: $0) }) { return found }
        return occursGeneric(text)
    }
    public func occurs(in text: Substring) -> Bool { occursGeneric(text) }
    private func prefixGeneric(_ text: some StringProtocol) -> String? { prefix(of: text) }
    private func suffixGeneric(_ text: some StringProtocol) -> String? { suffix(of: text) }
    private func occursGeneric(_ text: some StringProtocol) -> Bool { occurs(in: text) }

    /// `occurs(in:)` on valid UTF-8 (a String's own bytes).
    private func occurs(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let (ch, width) = ScalarString.scalar(inUTF8: b, at: i)
            if mayStart(with: ch), let candidates = storage.byFirst[ch] {
                let st = storage
                for c in candidates {
                    let w = st.firstOrder[c]
                    var j = i, k = st.wordStart[w]
                    let end = st.wordStart[w + 1]
                    while k < end && j < n {
                        let (next, step) = ScalarString.scalar(inUTF8: b, at: j)
                        guard next == st.scalars[k] else { break }
                        j += step
                        k += 1
                    }
                    if k == end { return true }
                }
            }
            i += width
        }
        return false
    }

    /// A word occurs anywhere in the text.
    public func occurs(in text: some StringProtocol) -> Bool {
        // on the text's own scalars: no array of them is made
        let view = text.unicodeScalars
        var i = view.startIndex
        while i != view.endIndex {
            let ch = view[i]
            if mayStart(with: ch), let candidates = storage.byFirst[ch] {
                let st = storage
                for c in candidates {
                    let w = st.firstOrder[c]
                    if Self.starts(view[i...], with: st.scalars, st.wordStart[w]..<st.wordStart[w + 1]) { return true }
                }
            }
            view.formIndex(after: &i)
        }
        return false
    }

    /// The scalars with every occurrence of each word taken out, word after word in the order
    /// given (each left to right, without overlaps): what removing the words one at a time does,
    /// read from the set's own scalars (no array made per word).
    public func removingEach(from text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let st = storage
        var s = text
        for w in 0..<st.words.count {
            let a = st.wordStart[w], n = st.wordStart[w + 1] - a
            guard n > 0, n <= s.count else { continue }
            func matches(at i: Int) -> Bool {
                guard s[i] == st.scalars[a] else { return false }
                var k = 1
                while k < n && s[i + k] == st.scalars[a + k] { k += 1 }
                return k == n
            }
            guard let first = (0...(s.count - n)).first(where: matches) else { continue }
            var out = Array(s[..<first])
            out.reserveCapacity(s.count)
            var i = first
            while i < s.count {
                if i + n <= s.count && matches(at: i) { i += n; continue }
                out.append(s[i])
                i += 1
            }
            s = out
        }
        return s
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

    /// The view starts with the word `scalars[word]`.
    static func starts<V: BidirectionalCollection>(_ view: V, with scalars: [Unicode.Scalar], _ word: Range<Int>) -> Bool where V.Element == Unicode.Scalar {
        var i = view.startIndex
        for k in word {
            guard i != view.endIndex, view[i] == scalars[k] else { return false }
            i = view.index(after: i)
        }
        return true
    }

    /// The view ends with the word `scalars[word]`.
    static func ends<V: BidirectionalCollection>(_ view: V, with scalars: [Unicode.Scalar], _ word: Range<Int>) -> Bool where V.Element == Unicode.Scalar {
        var i = view.endIndex
        for k in word.reversed() {
            guard i != view.startIndex else { return false }
            i = view.index(before: i)
            guard view[i] == scalars[k] else { return false }
        }
        return true
    }

    public static func == (a: WordSet, b: WordSet) -> Bool { a.words == b.words }
    public func hash(into hasher: inout Hasher) { hasher.combine(words) }
}

/// Ranges of an order of words by scalar (the words starting, or ending, with it): an open-addressing
/// table on the scalar's value. A lookup is a multiply and a compare or two, where a `Dictionary`
/// hashes the scalar with SipHash and a `Dictionary` of arrays retains the array it returns.
struct ScalarGroups: Sendable {
    /// 0: empty; else (scalar + 1) << 42 | start << 21 | end.
    private var slots: [UInt64] = [0]
    private var mask = 0

    /// Groups and words are at most this many (the slot's fields).
    static let limit = 1 << 21

    init() {}

    @inline(__always) private static func home(_ value: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B1) >> 11) & mask
    }

    /// The range of the order holding the words of this scalar.
    @inline(__always) subscript(_ ch: Unicode.Scalar) -> Range<Int>? {
        let key = UInt64(ch.value + 1)
        var h = Self.home(ch.value, mask)
        while true {
            let slot = slots[h]
            if slot == 0 { return nil }
            if slot >> 42 == key { return Int(truncatingIfNeeded: (slot >> 21) & 0x1F_FFFF)..<Int(truncatingIfNeeded: slot & 0x1F_FFFF) }
            h = (h + 1) & mask
        }
    }

    /// The words (in the order given: longest first) grouped by `scalar(word)`, and the groups.
    static func make(_ words: UnsafeBufferPointer<Int>, _ scalar: (Int) -> Unicode.Scalar) -> ([Int], ScalarGroups) {
        precondition(words.count < limit, "word set too large")
        var capacity = 8
        while capacity < 2 * words.count { capacity *= 2 }
        let mask = capacity - 1
        // the slots count their words first (key << 42 | count), then hold their range, whose end
        // advances as the words are placed: two arrays in all (most sets are a few words)
        var slots = [UInt64](repeating: 0, count: capacity)
        func find(_ value: UInt32) -> Int {
            let key = UInt64(value + 1)
            var h = home(value, mask)
            while slots[h] != 0 && slots[h] >> 42 != key { h = (h + 1) & mask }
            return h
        }
        for w in words {
            let value = scalar(w).value
            let h = find(value)
            slots[h] = (UInt64(value + 1) << 42) | ((slots[h] & 0x1F_FFFF) + 1)
        }
        var start: UInt64 = 0
        for h in 0..<capacity where slots[h] != 0 {
            let count = slots[h] & 0x1F_FFFF
            slots[h] = (slots[h] >> 42) << 42 | start << 21 | start
            start += count
        }
        var order = [Int](repeating: 0, count: words.count)
        for w in words {
            let h = find(scalar(w).value)
            order[Int(truncatingIfNeeded: slots[h] & 0x1F_FFFF)] = w
            slots[h] += 1
        }
        var groups = ScalarGroups()
        groups.slots = slots
        groups.mask = mask
        return (order, groups)
    }
}
