import JXCore

/// The lexicon's words by first scalar, for `Lexicon.resolve`, which runs for every distinct label
/// of every document (issue 12). A label's scalars are looked up once each in a small
/// open-addressing table (after a 4096-bit prefilter that answers for most scalars), not hashed with
/// the seeded `Hasher` into a dictionary per list; the words' scalars lie in one flat array.
///
/// Four lists are indexed: the phrases (`Lexicon.phraseIndex`), the neutral phrases, the removable
/// words and the qualifier phrases, each in its own order; a list's word k is `words[base + k]`.
final class LexiconIndex: Sendable {
    enum List: Int { case phrase = 0, neutral, removable, qualifier }
    static let lists = 4

    /// Which scalars (by value modulo 4096) start some word.
    let firstBits: [UInt64]
    /// Open addressing, linear probing: `keys[h]` a first scalar (`empty` where none), `slots[h]` its number.
    let keys: [UInt32]
    let slots: [Int32]
    let shift: UInt32
    /// The words of slot t in list l: `members[bounds[t * 4 + l] ..< bounds[t * 4 + l + 1]]`, ascending.
    let bounds: [Int32]
    let members: [Int32]
    /// Word w's scalars: `scalars[start[w] ..< start[w] + length[w]]`.
    let scalars: [UInt32]
    let start: [Int32]
    let length: [Int32]
    /// Where each list's words begin among all words; the last is the number of words.
    let base: [Int]
    /// The kind, entry and priority of each phrase (`Lexicon.phraseIndex`).
    let phraseKind: [Int8]
    let phraseEntry: [Int32]
    let phrasePriority: [Int]

    static let empty = UInt32.max

    convenience init() {
        self.init(phrases: [], neutral: [], removable: [], qualifiers: [])
    }

    init(phrases: [Lexicon.Phrase], neutral: [[Unicode.Scalar]], removable: [[Unicode.Scalar]], qualifiers: [[Unicode.Scalar]]) {
        let lists: [[[Unicode.Scalar]]] = [phrases.map(\.text), neutral, removable, qualifiers]
        var base = [Int](repeating: 0, count: Self.lists + 1)
        var scalars = [UInt32](), start = [Int32](), length = [Int32]()
        var firsts = [UInt32]()
        for (l, words) in lists.enumerated() {
            base[l + 1] = base[l] + words.count
            for word in words {
                start.append(Int32(scalars.count))
                length.append(Int32(word.count))
                for ch in word { scalars.append(ch.value) }
                if let first = word.first { firsts.append(first.value) }
            }
        }
        // slots: the distinct first scalars; a table at most half full
        let distinct = Array(Set(firsts)).sorted()
        var size = 8, bits: UInt32 = 3
        while size < distinct.count * 2 { size *= 2; bits += 1 }
        let shift = 32 - bits
        var firstBits = [UInt64](repeating: 0, count: 64)
        var keys = [UInt32](repeating: Self.empty, count: size)
        var slots = [Int32](repeating: -1, count: size)
        var slotOf = [UInt32: Int](minimumCapacity: distinct.count)
        for (t, v) in distinct.enumerated() {
            firstBits[Int((v >> 6) & 63)] |= 1 << UInt64(v & 63)
            var h = Self.hash(v, shift)
            while keys[h] != Self.empty { h = (h + 1) & (size - 1) }
            keys[h] = v
            slots[h] = Int32(t)
            slotOf[v] = t
        }
        var buckets = [[Int32]](repeating: [], count: distinct.count * Self.lists)
        for (l, words) in lists.enumerated() {
            for (k, word) in words.enumerated() {
                guard let first = word.first, let t = slotOf[first.value] else { continue }
                buckets[t * Self.lists + l].append(Int32(k))
            }
        }
        var bounds: [Int32] = [0], members = [Int32]()
        for bucket in buckets {
            members += bucket
            bounds.append(Int32(members.count))
        }
        self.firstBits = firstBits
        self.keys = keys
        self.slots = slots
        self.shift = shift
        self.bounds = bounds
        self.members = members
        self.scalars = scalars
        self.start = start
        self.length = length
        self.base = base
        phraseKind = phrases.map { Int8($0.kind.rawValue) }
        phraseEntry = phrases.map { Int32($0.entry) }
        phrasePriority = phrases.map(\.priority)
    }

    @inline(__always) static func hash(_ v: UInt32, _ shift: UInt32) -> Int {
        Int(truncatingIfNeeded: (v &* 0x9E37_79B1) >> shift)
    }

    /// The slot of a first scalar, or -1 when no word starts with it.
    @inline(__always) func slot(_ v: UInt32) -> Int {
        guard firstBits[Int((v >> 6) & 63)] & (1 << UInt64(v & 63)) != 0 else { return -1 }
        let mask = keys.count - 1
        var h = Self.hash(v, shift)
        while true {
            let key = keys[h]
            if key == v { return Int(slots[h]) }
            if key == Self.empty { return -1 }
            h = (h + 1) & mask
        }
    }

    /// Word k of list l occurs in `s` at i.
    @inline(__always) func matches(_ s: UnsafeMutableBufferPointer<UInt32>, count n: Int, at i: Int, _ l: List, _ k: Int) -> Bool {
        let w = base[l.rawValue] + k
        let len = Int(length[w])
        guard i >= 0, len > 0, i + len <= n else { return false }
        var p = Int(start[w])
        for j in i..<(i + len) {
            if s[j] != scalars[p] { return false }
            p += 1
        }
        return true
    }

    func wordLength(_ l: List, _ k: Int) -> Int { Int(length[base[l.rawValue] + k]) }
    func firstScalar(_ l: List, _ k: Int) -> UInt32 { scalars[Int(start[base[l.rawValue] + k])] }
    func count(_ l: List) -> Int { base[l.rawValue + 1] - base[l.rawValue] }

    /// Sets in `bits` (a bitset over list l) the words of list l starting at position i of `s` that
    /// occur there (or, with `occurring: false`, every word starting with that scalar).
    @inline(__always) func mark(_ l: List, slot t: Int, in s: UnsafeMutableBufferPointer<UInt32>, count n: Int, at i: Int,
                                bits: UnsafeMutableBufferPointer<UInt64>, occurring: Bool = true) {
        let b = t * Self.lists + l.rawValue
        for m in Int(bounds[b])..<Int(bounds[b + 1]) {
            let k = Int(members[m])
            if !occurring || matches(s, count: n, at: i, l, k) { bits[k >> 6] |= 1 << UInt64(k & 63) }
        }
    }
}

/// Calls `body` with each set bit of a bitset, ascending.
@inline(__always) private func forEachBit(_ bits: UnsafeMutableBufferPointer<UInt64>, _ body: (Int) -> Bool) {
    for w in bits.indices {
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
        return label.withUTF8 { utf8 in
            // the scalars, their slots, the rest of the label (at most as many as UTF-8 bytes)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, utf8.count) * 3) { buffer in
                let index = self.index
                let words = index.base[LexiconIndex.lists] + 4 * 64
                return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words / 64 + 4) { bits in
                    resolve(utf8, buffer, bits, index)
                }
            }
        }
    }

    private func resolve(_ utf8: UnsafeBufferPointer<UInt8>, _ buffer: UnsafeMutableBufferPointer<UInt32>,
                         _ bitBuffer: UnsafeMutableBufferPointer<UInt64>, _ index: LexiconIndex) -> Resolution {
        let capacity = max(1, utf8.count)
        let s = UnsafeMutableBufferPointer(rebasing: buffer[0..<capacity])
        let slot = UnsafeMutableBufferPointer(rebasing: buffer[capacity..<(2 * capacity)])
        let rest = UnsafeMutableBufferPointer(rebasing: buffer[(2 * capacity)..<(3 * capacity)])
        let n = Self.decode(utf8, into: s)
        var any = false
        for i in 0..<n {
            let t = index.slot(s[i])
            // `used`: bit 31 of the slot
            slot[i] = UInt32(bitPattern: Int32(truncatingIfNeeded: t)) & 0x7FFF_FFFF
            any = any || t >= 0
        }
        @inline(__always) func used(_ i: Int) -> Bool { slot[i] & 0x8000_0000 != 0 }
        @inline(__always) func use(_ i: Int) { slot[i] |= 0x8000_0000 }
        @inline(__always) func slotAt(_ i: Int) -> Int { let t = slot[i] & 0x7FFF_FFFF; return t == 0x7FFF_FFFF ? -1 : Int(t) }
        @inline(__always) func bitset(_ l: LexiconIndex.List) -> UnsafeMutableBufferPointer<UInt64> {
            let words = (index.count(l) + 63) / 64
            let b = UnsafeMutableBufferPointer(rebasing: bitBuffer[0..<words])
            b.update(repeating: 0)
            return b
        }
        var result = Resolution()
        if any {
            // neutral phrases, longest first, left to right
            let neutral = bitset(.neutral)
            for i in 0..<n { let t = slotAt(i); if t >= 0 { index.mark(.neutral, slot: t, in: s, count: n, at: i, bits: neutral) } }
            forEachBit(neutral) { k in
                let len = index.wordLength(.neutral, k)
                var i = 0
                while i + len <= n {
                    if !used(i) && index.matches(s, count: n, at: i, .neutral, k) {
                        for j in i..<(i + len) { use(j) }
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
            let occurring = bitset(.phrase)
            for i in 0..<n { let t = slotAt(i); if t >= 0 { index.mark(.phrase, slot: t, in: s, count: n, at: i, bits: occurring) } }
            forEachBit(occurring) { k in
                let len = index.wordLength(.phrase, k)
                let kind = Int(index.phraseKind[k]), priority = index.phrasePriority[k]
                var start = n - len
                while start >= 0 {
                    if !used(start) && index.matches(s, count: n, at: start, .phrase, k) && !used(start + len - 1) {
                        let end = start + len
                        let current = kind == Kind.rate.rawValue ? best.rate : kind == Kind.item.rawValue ? best.item : best.measure
                        let better: Bool
                        if let current {
                            better = priority > current.priority || (priority == current.priority && end > current.end && len >= current.length)
                        } else {
                            better = true
                        }
                        for j in start..<end { use(j) }
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
            if let i = best.item { result.item = items[i.entry].id }
            if let m = best.measure {
                result.measure = measures[m.entry].id
                result.qualifier = measures[m.entry].qualifier
                result.explicitMeasure = true
            }
            // a qualifier phrase anywhere in the label: the first (by phrase) that occurs
            if result.qualifier == nil && index.count(.qualifier) > 0 {
                let found = bitset(.qualifier)
                for i in 0..<n { let t = slotAt(i); if t >= 0 { index.mark(.qualifier, slot: t, in: s, count: n, at: i, bits: found) } }
                forEachBit(found) { k in
                    result.qualifier = qualifierScalars[k].1
                    return false
                }
            }
        }
        // what is left: drop modifiers, fillers, years and digits, punctuation
        var hi = 0
        for k in 0..<n where !used(k) && Self.isIdeograph(s[k]) {
            let ch = s[k]
            // "2024年", "2024年度": a year, wherever it stands in the label
            if (ch == 0x5E74 && k > 0 && Self.isASCIIDigit(s[k - 1]))
                || (ch == 0x5EA6 && k > 1 && s[k - 1] == 0x5E74 && Self.isASCIIDigit(s[k - 2])) { continue }
            rest[hi] = ch
            slot[hi] = UInt32(slotAt(k) & 0x7FFF_FFFF)  // positions before k are done with: reused for the rest's slots
            hi += 1
        }
        var lo = 0
        if hi > 0 {
            // the removable words starting with a scalar of the rest, in their order (longest first)
            let candidates = bitset(.removable)
            var some = false
            for k in 0..<hi where slot[k] != 0x7FFF_FFFF {
                index.mark(.removable, slot: Int(slot[k]), in: rest, count: hi, at: k, bits: candidates, occurring: false)
                some = true
            }
            if some {
                forEachBit(candidates) { w in
                    let len = index.wordLength(.removable, w)
                    if len == 1 {
                        // a one-character word ("总", "全", "共") only where it starts the rest: "总部" keeps its 总
                        let first = index.firstScalar(.removable, w)
                        while lo < hi && rest[lo] == first { lo += 1 }
                    } else if len <= hi - lo {
                        // every occurrence, left to right, in place (what is kept never moves right)
                        let window = UnsafeMutableBufferPointer(rebasing: rest[lo..<hi])
                        let count = hi - lo
                        var i = 0, out = 0
                        while i < count {
                            if i + len <= count && index.matches(window, count: count, at: i, .removable, w) {
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
        }
        let count = hi - lo
        // the unit naming itself ("本馆", "我局", "本中心", "市文旅局") is no scope
        if count > 0 && !((rest[lo] == 0x672C || rest[lo] == 0x6211) && count <= 3) {
            let scope = ScalarString.make(UnsafeMutableBufferPointer(rebasing: rest[lo..<hi]).lazy.map { Unicode.Scalar($0)! })
            if !(count >= 3 && count <= 8 && organizationSuffixes.isSuffix(of: scope)) { result.scope = scope }
        }
        if result.item == nil && result.scope.isEmpty && (result.measure != nil || result.rate != nil) {
            result.item = "total"
        }
        return result
    }

    /// Valid UTF-8 (a string's own bytes) → scalar values; the number of scalars.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) -> Int {
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
            n += 1
        }
        return n
    }

    /// An ASCII scalar with a numeric type: the digits 0–9.
    @inline(__always) static func isASCIIDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    @inline(__always) static func isIdeograph(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF)
    }
}
