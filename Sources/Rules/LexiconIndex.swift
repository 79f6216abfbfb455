import JXCore

/// The lexicon's words in flat tables, for `Lexicon.resolve`, which runs for every distinct label
/// of every document (issue 12).
///
/// Four lists are indexed, each in its own order: the phrases (`Lexicon.phraseIndex`), the neutral
/// phrases, the removable words and the qualifier phrases. The first, second and fourth count only
/// where they occur in the label: they are found by the label's pairs of scalars (a word's first
/// two scalars, or its one scalar), so a position of the label costs a bit test and at most a
/// probe or two of a small open-addressing table, not a comparison with every word starting with
/// its scalar. Removable words are tried when their first scalar is in what is left of the label
/// (removing words makes others meet), found by that scalar. A 4096-bit prefilter answers for
/// most scalars; nothing is hashed with the seeded `Hasher`.
final class LexiconIndex: @unchecked Sendable {
    // @unchecked: the tables are written once, by init, and only read afterwards; they lie in
    // memory of their own (freed by deinit) so that `resolve` reads them without bounds checks
    // or array retains.
    enum List: Int { case phrase = 0, neutral, qualifier, removable }
    /// The lists found by occurrence (pairs of scalars).
    static let occurring = 3

    /// An open-addressing table (linear probing) from 64-bit keys to slot numbers, slots numbered
    /// in the order keys were first added. Built without `Dictionary` (a dictionary of a new type
    /// costs its generic metadata at every start).
    struct Table {
        let keys: UnsafeMutablePointer<UInt64>
        let slots: UnsafeMutablePointer<Int32>
        let mask: Int
        let shift: UInt64
        private(set) var count = 0

        static let empty = UInt64.max

        /// A table for at most `capacity` keys, at most half full.
        init(capacity: Int) {
            var size = 8, bits: UInt64 = 3
            while size < capacity * 2 { size *= 2; bits += 1 }
            mask = size - 1
            shift = 64 - bits
            keys = .allocate(capacity: size)
            keys.initialize(repeating: Self.empty, count: size)
            slots = .allocate(capacity: size)
            slots.initialize(repeating: -1, count: size)
        }

        /// The slot of a key, added if new.
        mutating func add(_ key: UInt64) -> Int {
            var h = hash(key)
            while keys[h] != Self.empty {
                if keys[h] == key { return Int(slots[h]) }
                h = (h + 1) & mask
            }
            keys[h] = key
            slots[h] = Int32(count)
            count += 1
            return count - 1
        }

        func free() {
            keys.deallocate()
            slots.deallocate()
        }

        @inline(__always) func hash(_ key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The slot of a key, or -1.
        @inline(__always) func slot(_ key: UInt64) -> Int {
            var h = hash(key)
            while true {
                let k = keys[h]
                if k == key { return Int(slots[h]) }
                if k == Self.empty { return -1 }
                h = (h + 1) & mask
            }
        }
    }

    /// 64 words of bits, one per scalar value modulo 4096.
    struct Bits {
        let words: UnsafeMutablePointer<UInt64>

        init(_ values: [UInt32]) {
            words = .allocate(capacity: 64)
            words.initialize(repeating: 0, count: 64)
            for v in values { words[Int((v >> 6) & 63)] |= 1 << UInt64(v & 63) }
        }

        @inline(__always) func contains(_ v: UInt32) -> Bool {
            words[Int((v >> 6) & 63)] & (1 << UInt64(v & 63)) != 0
        }
    }

    /// First scalars of the words found by occurrence; of those of one scalar; of removable words.
    let firsts: Bits
    let singles: Bits
    let removableFirsts: Bits
    /// Pair key → slot; slot t's words of list l (l < `occurring`) are
    /// `members[bounds[t * 3 + l] ..< bounds[t * 3 + l + 1]]`, as word numbers within the list, ascending.
    let pairs: Table
    let bounds: UnsafeMutablePointer<Int32>
    let members: UnsafeMutablePointer<Int32>
    /// First scalar → slot; slot t's removable words are `removableMembers[removableBounds[t] ..< removableBounds[t + 1]]`.
    let firstScalars: Table
    let removableBounds: UnsafeMutablePointer<Int32>
    let removableMembers: UnsafeMutablePointer<Int32>
    /// Word w's scalars: `scalars[start[w] ..< start[w] + length[w]]`, w = base[list] + word number.
    let scalars: UnsafeMutablePointer<UInt32>
    let start: UnsafeMutablePointer<Int32>
    let length: UnsafeMutablePointer<Int32>
    /// Where each list's words begin among all words (5 of them, the last the number of words).
    let base: UnsafeMutablePointer<Int>
    /// The kind, entry and priority of each phrase (`Lexicon.phraseIndex`).
    let phraseKind: UnsafeMutablePointer<Int8>
    let phraseEntry: UnsafeMutablePointer<Int32>
    let phrasePriority: UnsafeMutablePointer<Int>

    convenience init() {
        self.init(phrases: [], neutral: [], removable: [], qualifiers: [])
    }

    private static func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, a.count))
        a.withUnsafeBufferPointer { if let b = $0.baseAddress { p.initialize(from: b, count: a.count) } }
        return p
    }

    /// The key of a word's first two scalars (or of its one scalar).
    @inline(__always) static func pairKey(_ first: UInt32, _ second: UInt32?) -> UInt64 {
        UInt64(first) << 32 | UInt64(second.map { $0 + 1 } ?? 0)
    }

    init(phrases: [Lexicon.Phrase], neutral: [[Unicode.Scalar]], removable: [[Unicode.Scalar]], qualifiers: [[Unicode.Scalar]]) {
        let lists: [[[Unicode.Scalar]]] = [phrases.map(\.text), neutral, qualifiers, removable]
        var base = [Int](repeating: 0, count: lists.count + 1)
        var scalars = [UInt32](), start = [Int32](), length = [Int32]()
        for (l, words) in lists.enumerated() {
            base[l + 1] = base[l] + words.count
            for word in words {
                start.append(Int32(scalars.count))
                length.append(Int32(word.count))
                for ch in word { scalars.append(ch.value) }
            }
        }
        // the lists found by occurrence, by pair: each word's slot, then the words of each slot and
        // list counted, then placed (in ascending order within a list)
        var pairs = Table(capacity: base[Self.occurring])
        var slotOfWord = [Int32](repeating: -1, count: base[Self.occurring])
        var firsts = [UInt32](), singles = [UInt32]()
        for l in 0..<Self.occurring {
            for (k, word) in lists[l].enumerated() where !word.isEmpty {
                slotOfWord[base[l] + k] = Int32(pairs.add(Self.pairKey(word[0].value, word.count > 1 ? word[1].value : nil)))
                firsts.append(word[0].value)
                if word.count == 1 { singles.append(word[0].value) }
            }
        }
        let bounds = Self.group(slotOfWord, slots: pairs.count, lists: Self.occurring, base: base)
        // removable words, by first scalar
        var firstScalars = Table(capacity: removable.count)
        var removableSlot = [Int32](repeating: -1, count: removable.count)
        var removableFirsts = [UInt32]()
        for (k, word) in removable.enumerated() where !word.isEmpty {
            removableSlot[k] = Int32(firstScalars.add(UInt64(word[0].value)))
            removableFirsts.append(word[0].value)
        }
        let removableBounds = Self.group(removableSlot, slots: firstScalars.count, lists: 1, base: [0, removable.count])
        self.firsts = Bits(firsts)
        self.singles = Bits(singles)
        self.removableFirsts = Bits(removableFirsts)
        self.pairs = pairs
        self.bounds = Self.copy(bounds.bounds)
        self.members = Self.copy(bounds.members)
        self.firstScalars = firstScalars
        self.removableBounds = Self.copy(removableBounds.bounds)
        self.removableMembers = Self.copy(removableBounds.members)
        self.scalars = Self.copy(scalars)
        self.start = Self.copy(start)
        self.length = Self.copy(length)
        self.base = Self.copy(base)
        phraseKind = Self.copy(phrases.map { Int8($0.kind.rawValue) })
        phraseEntry = Self.copy(phrases.map { Int32($0.entry) })
        phrasePriority = Self.copy(phrases.map(\.priority))
    }

    /// Words grouped by slot and list: slot t's words of list l are
    /// `members[bounds[t * lists + l] ..< bounds[t * lists + l + 1]]`, word numbers within the list, ascending.
    /// `slotOfWord[base[l] + k]` is word k of list l's slot (-1: none).
    private static func group(_ slotOfWord: [Int32], slots: Int, lists: Int, base: [Int]) -> (bounds: [Int32], members: [Int32]) {
        var bounds = [Int32](repeating: 0, count: slots * lists + 1)
        for l in 0..<lists {
            for w in base[l]..<base[l + 1] where slotOfWord[w] >= 0 { bounds[Int(slotOfWord[w]) * lists + l + 1] += 1 }
        }
        for b in 0..<(slots * lists) { bounds[b + 1] += bounds[b] }
        var next = bounds
        var members = [Int32](repeating: 0, count: Int(bounds[slots * lists]))
        for l in 0..<lists {
            for w in base[l]..<base[l + 1] where slotOfWord[w] >= 0 {
                let b = Int(slotOfWord[w]) * lists + l
                members[Int(next[b])] = Int32(w - base[l])
                next[b] += 1
            }
        }
        return (bounds, members)
    }

    deinit {
        for bits in [firsts, singles, removableFirsts] { bits.words.deallocate() }
        pairs.free()
        firstScalars.free()
        bounds.deallocate(); members.deallocate(); removableBounds.deallocate(); removableMembers.deallocate()
        scalars.deallocate(); start.deallocate(); length.deallocate(); base.deallocate()
        phraseKind.deallocate(); phraseEntry.deallocate(); phrasePriority.deallocate()
    }

    /// Word k of list l occurs in `s` (n scalars) at i.
    @inline(__always) func matches(_ s: UnsafeMutablePointer<UInt32>, count n: Int, at i: Int, _ l: List, _ k: Int) -> Bool {
        let w = base[l.rawValue] + k
        let len = Int(length[w])
        guard i >= 0, len > 0, i + len <= n else { return false }
        let p = scalars + Int(start[w])
        var j = 0
        while j < len {
            if s[i + j] != p[j] { return false }
            j += 1
        }
        return true
    }

    @inline(__always) func wordLength(_ l: List, _ k: Int) -> Int { Int(length[base[l.rawValue] + k]) }
    @inline(__always) func firstScalar(_ l: List, _ k: Int) -> UInt32 { scalars[Int(start[base[l.rawValue] + k])] }
    @inline(__always) func count(_ l: List) -> Int { base[l.rawValue + 1] - base[l.rawValue] }

    /// Sets, in the bitset of each list found by occurrence, the words occurring at position i.
    @inline(__always) func markOccurring(_ s: UnsafeMutablePointer<UInt32>, count n: Int, at i: Int,
                                         bits: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>)) -> Bool {
        let first = s[i]
        guard firsts.contains(first) else { return false }
        var found = false
        if i + 1 < n { found = mark(Self.pairKey(first, s[i + 1]), s, n, i, bits) }
        if singles.contains(first) { found = mark(Self.pairKey(first, nil), s, n, i, bits) || found }
        return found
    }

    @inline(__always) private func mark(_ key: UInt64, _ s: UnsafeMutablePointer<UInt32>, _ n: Int, _ i: Int,
                                        _ bits: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>)) -> Bool {
        let t = pairs.slot(key)
        guard t >= 0 else { return false }
        var found = false
        for l in 0..<Self.occurring {
            let b = t * Self.occurring + l
            let list = List(rawValue: l)!
            let target = l == 0 ? bits.0 : l == 1 ? bits.1 : bits.2
            for m in Int(bounds[b])..<Int(bounds[b + 1]) {
                let k = Int(members[m])
                if matches(s, count: n, at: i, list, k) {
                    target[k >> 6] |= 1 << UInt64(k & 63)
                    found = true
                }
            }
        }
        return found
    }

    /// Sets in `bits` every removable word starting with the scalar.
    @inline(__always) func markRemovable(startingWith first: UInt32, bits: UnsafeMutablePointer<UInt64>) -> Bool {
        guard removableFirsts.contains(first) else { return false }
        let t = firstScalars.slot(UInt64(first))
        guard t >= 0 else { return false }
        for m in Int(removableBounds[t])..<Int(removableBounds[t + 1]) {
            let k = Int(removableMembers[m])
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        return true
    }
}

/// Calls `body` with each set bit of a bitset of `words` words, ascending, while it returns true.
@inline(__always) private func forEachBit(_ bits: UnsafeMutablePointer<UInt64>, words: Int, _ body: (Int) -> Bool) {
    for w in 0..<words {
        var word = bits[w]
        while word != 0 {
            let b = word.trailingZeroBitCount
            word &= word - 1
            if !body(w << 6 | b) { return }
        }
    }
}

extension Lexicon {
    /// What a label names.
    ///
    /// Neutral phrases are taken first (longest first, left to right); then the phrases occurring
    /// in the label, in `phraseIndex` order (longest first), each taken right to left where its
    /// first and last scalars are free; the rightmost of the highest priority wins in each kind.
    /// The label's free ideographs less year words, modifiers, fillers and qualifier phrases are its
    /// scope. Only the words that occur in the label are tried (a word that does not occur changes
    /// nothing), on scalars held in stack buffers: no dictionary, no array per label.
    public func resolve(_ label: String) -> Resolution {
        var label = label
        let index = self.index
        return label.withUTF8 { utf8 in
            // the scalars, whether each is taken, the rest of the label (at most as many as UTF-8 bytes)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, utf8.count) * 3) { buffer in
                let words = (0..<4).reduce(0) { $0 + (index.count(LexiconIndex.List(rawValue: $1)!) + 63) / 64 }
                return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: max(1, words)) { bits in
                    bits.update(repeating: 0)
                    return resolve(utf8, buffer.baseAddress!, capacity: max(1, utf8.count), bits.baseAddress!, index)
                }
            }
        }
    }

    private func resolve(_ utf8: UnsafeBufferPointer<UInt8>, _ buffer: UnsafeMutablePointer<UInt32>, capacity: Int,
                         _ bitBuffer: UnsafeMutablePointer<UInt64>, _ index: LexiconIndex) -> Resolution {
        let s = buffer
        let used = buffer + capacity
        let rest = buffer + 2 * capacity
        let n = Self.decode(utf8, into: s)
        used.update(repeating: 0, count: n)
        // one bitset per list
        let phraseWords = (index.count(.phrase) + 63) / 64, neutralWords = (index.count(.neutral) + 63) / 64
        let qualifierWords = (index.count(.qualifier) + 63) / 64, removableWords = (index.count(.removable) + 63) / 64
        let phraseBits = bitBuffer, neutralBits = phraseBits + phraseWords
        let qualifierBits = neutralBits + neutralWords, removableBits = qualifierBits + qualifierWords
        var any = false
        for i in 0..<n where index.markOccurring(s, count: n, at: i, bits: (phraseBits, neutralBits, qualifierBits)) { any = true }
        var result = Resolution()
        var itemStart = -1
        // an item whose figures take no scope (lexicon `scoped = false`)
        var unscopedItem = false
        if any {
            // neutral phrases, longest first, left to right
            forEachBit(neutralBits, words: neutralWords) { k in
                let len = index.wordLength(.neutral, k), first = index.firstScalar(.neutral, k)
                var i = 0
                while i + len <= n {
                    if s[i] == first && used[i] == 0 && index.matches(s, count: n, at: i, .neutral, k) {
                        for j in i..<(i + len) { used[j] = 1 }
                        i += len
                    } else {
                        i += 1
                    }
                }
                return true
            }
            // the phrase nearest the number (rightmost) wins among phrases of one kind; longer first
            typealias Best = (end: Int, length: Int, priority: Int, entry: Int)
            var best: (rate: Best?, item: Best?, measure: Best?) = (nil, nil, nil)
            forEachBit(phraseBits, words: phraseWords) { k in
                let len = index.wordLength(.phrase, k), first = index.firstScalar(.phrase, k)
                let kind = Int(index.phraseKind[k]), priority = index.phrasePriority[k]
                var start = n - len
                while start >= 0 {
                    if s[start] == first && used[start] == 0 && index.matches(s, count: n, at: start, .phrase, k) && used[start + len - 1] == 0 {
                        let end = start + len
                        let current = kind == Kind.rate.rawValue ? best.rate : kind == Kind.item.rawValue ? best.item : best.measure
                        let better: Bool
                        if let current {
                            better = priority > current.priority || (priority == current.priority && end > current.end && len >= current.length)
                        } else {
                            better = true
                        }
                        for j in start..<end { used[j] = 1 }
                        if better {
                            let new: Best = (end, len, priority, Int(index.phraseEntry[k]))
                            switch kind {
                            case Kind.rate.rawValue: best.rate = new
                            case Kind.item.rawValue: best.item = new
                            default: best.measure = new
                            }
                        }
                        start -= len
                        continue
                    }
                    start -= 1
                }
                return true
            }
            if let r = best.rate { result.rate = rates[r.entry].id }
            if let i = best.item {
                result.item = items[i.entry].id
                itemStart = i.end - i.length
                unscopedItem = !items[i.entry].scoped
            }
            if let m = best.measure {
                result.measure = measures[m.entry].id
                result.qualifier = measures[m.entry].qualifier
                result.explicitMeasure = true
            }
            // a qualifier phrase anywhere in the label: the first (in their order) that occurs
            if result.qualifier == nil {
                forEachBit(qualifierBits, words: qualifierWords) { k in
                    result.qualifier = qualifierScalars[k].1
                    return false
                }
            }
        }
        // what is left: drop modifiers, fillers, years and digits, punctuation
        var hi = 0
        var someRemovable = false
        // where the rest's first scalar stands in the label
        var firstOrigin = -1
        for k in 0..<n where used[k] == 0 && Self.isIdeograph(s[k]) {
            let ch = s[k]
            // "2024年": a year, wherever it stands in the label, with the rest of a modifier whose 年 it
            // took ("2024年度", "2023年末", "2023年底": `Lexicon.yearModifierTails`)
            if (ch == Self.yearScalar && k > 0 && Self.isASCIIDigit(s[k - 1]))
                || (k > 1 && s[k - 1] == Self.yearScalar && Self.isASCIIDigit(s[k - 2]) && yearModifierTails.contains(ch)) { continue }
            // "截至2024年12月31日实际到位": a date's month and day, as its year, name no scope
            if (ch == Self.monthScalar || ch == Self.dayScalar) && k > 0 && Self.isASCIIDigit(s[k - 1]) { continue }
            if hi == 0 { firstOrigin = k }
            rest[hi] = ch
            hi += 1
            // the removable words starting with a scalar of the rest, tried in their order (longest first)
            if index.markRemovable(startingWith: ch, bits: removableBits) { someRemovable = true }
        }
        var lo = 0
        if someRemovable {
            forEachBit(removableBits, words: removableWords) { w in
                let len = index.wordLength(.removable, w)
                if len == 1 {
                    // a one-character word ("总", "全", "共") only where it starts the rest: "总部" keeps its 总
                    let first = index.firstScalar(.removable, w)
                    while lo < hi && rest[lo] == first { lo += 1 }
                } else if len <= hi - lo {
                    // every occurrence, left to right, in place (what is kept never moves right)
                    let window = rest + lo
                    let count = hi - lo
                    var i = 0, out = 0
                    while i < count {
                        if i + len <= count && index.matches(window, count: count, at: i, .removable, w) {
                            if i == 0 && lo == 0 { firstOrigin = -1 }
                            i += len
                            continue
                        }
                        window[out] = window[i]
                        out += 1
                        i += 1
                    }
                    hi = lo + out
                }
                return lo < hi
            }
        }
        let selfWord = lo < hi && (rest[lo] == 0x672C || rest[lo] == 0x6211)
        // "本项目债券资金": 本 makes the item right after it the report's own (this project), and what
        // follows is what the figure is of: the scope, as in "债券资金到位"
        // (the rest's first scalar still the label's first free one: `firstOrigin` is dropped with it)
        if selfWord && lo == 0 && firstOrigin >= 0 && firstOrigin + 1 == itemStart && hi - lo > 1 {
            lo += 1
            result.item = nil
            unscopedItem = false
        } else if selfWord && lo == 0 && firstOrigin >= 0 && firstOrigin + 1 == itemStart && hi - lo == 1 && result.measure != nil {
            // ("本项目全年预算": the report's own project, the whole it reports on, not the class 项目支出)
            lo = hi
            result.item = nil
            unscopedItem = false
        } else if selfWord && hi - lo <= 3 {
            // the unit naming itself ("本馆", "我局", "本中心", "市文旅局") is no scope
            lo = hi
        }
        let count = hi - lo
        if count > 0 {
            let scope = ScalarString.make(UnsafeBufferPointer(start: rest + lo, count: count).lazy.map { Unicode.Scalar($0)! })
            // (nor is an organization's name, however long: "某市人力资源和社会保障局")
            // (nor a clause describing the item or measure named: "开展业务活动的公务用车购置及运行费")
            let describes = (result.item != nil || result.measure != nil) && attributiveEndings.isSuffix(of: scope)
            if !(count >= 3 && count <= 16 && organizationSuffixes.isSuffix(of: scope)) && !describes { result.scope = scope }
        }
        if unscopedItem { result.scope = "" }
        if result.item == nil && result.scope.isEmpty && (result.measure != nil || result.rate != nil) {
            result.item = "total"
        }
        return result
    }

    /// Valid UTF-8 (a string's own bytes) → scalar values, quotation marks left out; the number of scalars.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt32>) -> Int {
        var i = 0, n = 0
        while i < b.count {
            let c0 = UInt32(b[i])
            if c0 < 0x80 {
                out[n] = c0; i += 1
            } else if c0 < 0xE0, i + 1 < b.count {
                out[n] = (c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
            } else if c0 < 0xF0, i + 2 < b.count {
                out[n] = (c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
            } else if i + 3 < b.count {
                out[n] = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F); i += 4
            } else {
                out[n] = 0xFFFD; i = b.count
            }
            // quotation marks are no part of a word: a quoted word names what the bare word does
            if !isQuotationMark(out[n]) { n += 1 }
        }
        return n
    }

    /// “ ” ‘ ’ 「 」 『 』 and ASCII ".
    @inline(__always) static func isQuotationMark(_ v: UInt32) -> Bool {
        v == 0x22 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 || (v >= 0x300C && v <= 0x300F)
    }

    /// An ASCII scalar with a numeric type: the digits 0–9.
    @inline(__always) static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    /// 年, after a year's digits.
    static let yearScalar: UInt32 = 0x5E74
    static let monthScalar: UInt32 = 0x6708
    static let dayScalar: UInt32 = 0x65E5

    @inline(__always) static func isIdeograph(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }
}
