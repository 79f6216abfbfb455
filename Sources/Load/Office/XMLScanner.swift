#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The namespaces the Office readers tell apart. Transitional and Strict OOXML URIs map to the
/// same case; anything else is `.other`, and an unprefixed name outside any default namespace is `.none`.
enum XMLNamespace: UInt8 {
    case none, other, word, sheet, officeRelationships, packageRelationships, markupCompatibility, contentTypes, math

    static func classify(_ uri: String) -> XMLNamespace {
        switch uri {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
             "http://purl.oclc.org/ooxml/wordprocessingml/main":
            return .word
        case "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
             "http://purl.oclc.org/ooxml/spreadsheetml/main":
            return .sheet
        case "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             "http://purl.oclc.org/ooxml/officeDocument/relationships":
            return .officeRelationships
        case "http://schemas.openxmlformats.org/package/2006/relationships":
            return .packageRelationships
        case "http://schemas.openxmlformats.org/markup-compatibility/2006":
            return .markupCompatibility
        case "http://schemas.openxmlformats.org/package/2006/content-types":
            return .contentTypes
        case "http://schemas.openxmlformats.org/officeDocument/2006/math",
             "http://purl.oclc.org/ooxml/officeDocument/math":
            return .math
        default:
            return .other
        }
    }
}

/// A pull tokenizer over the UTF-8 bytes of one XML part, written for OOXML and for safety:
///
/// - no DTD: a `<!DOCTYPE` is refused, so there are no external or user-defined entities;
/// - only the five predefined entities and numeric character references are expanded;
/// - elements must nest and close properly; any malformed construct is a `LoadError`
///   "PART: malformed XML at byte N (reason)";
/// - at most `maximumDepth` levels of nesting and `maximumAttributes` attributes per element;
/// - namespaces are resolved by prefix through `xmlns` declarations to `XMLNamespace`.
///
/// Element local names are matched against a fixed table given at creation and reported as an
/// index into it (`nameID`, -1 for names not in the table). The hot path works on raw pointers
/// into fixed buffers and allocates nothing, so that even a debug build scans a sheet of a
/// million rows in well under a second. Scanners exist only inside `withScanner`, which owns the
/// bytes and the buffers.
struct XMLScanner {
    /// Elements nested deeper than this are refused (Office parts nest a few dozen levels at most;
    /// the readers walk trees recursively, so this also bounds their stack use).
    static let maximumDepth = 256
    /// Attributes on one element beyond this are refused (Office elements have a handful).
    static let maximumAttributes = 512
    /// Namespace declarations in force at once beyond this are refused.
    static let maximumBindings = 1024

    enum Token: Equatable { case start, end, text, eof }

    let part: String
    private let base: UnsafePointer<UInt8>
    /// The same bytes as C characters, for strcspn/strspn.
    private let cbase: UnsafePointer<CChar>
    private let count: Int
    /// NUL-terminated byte sets for strcspn/strspn.
    private let nameTerminators: UnsafeMutablePointer<CChar>
    private let spaceSet: UnsafeMutablePointer<CChar>

    private var pos = 0

    // Current token.
    private(set) var token: Token = .eof
    /// For `.start`/`.end`: index of the local name in the name table, or -1.
    private(set) var nameID = -1
    /// For `.start`/`.end`: the element's namespace.
    private(set) var namespace: XMLNamespace = .none
    /// For `.start`: the element was written `<x/>`; the scanner then reports a matching `.end` next.
    private(set) var isEmptyElement = false
    private var textStart = 0, textEnd = 0, textIsRaw = false, textHasAmpersand = false
    private var qnameStart = 0, qnameLength = 0, prefixLength = 0
    private var pendingEnd = false

    /// Attributes of the current start tag, 5 Ints each: name start, name length, value start,
    /// value end, 1 when the value holds '&'.
    private let attributes: UnsafeMutablePointer<Int>
    private var attributeCount = 0
    /// Open elements, 2 Ints each: qname start, qname length.
    private let open: UnsafeMutablePointer<Int>
    private var openCount = 0
    /// Namespace declarations in force, 4 Ints each: prefix start, prefix length (0 = default
    /// namespace), namespace raw value, depth of the declaring element.
    private let bindings: UnsafeMutablePointer<Int>
    private var bindingCount = 0
    /// The namespace of unprefixed element names, and a one-entry cache for prefixed ones.
    private var defaultNamespace: XMLNamespace = .none
    private var cachedPrefixStart = 0, cachedPrefixLength = -1
    private var cachedNamespace: XMLNamespace = .none
    /// The name table: names' bytes back to back, and an open-addressing hash table of
    /// (offset, length, id) triples.
    private let nameBytes: UnsafeMutablePointer<UInt8>
    private let nameSlots: UnsafeMutablePointer<Int>
    private let slotMask: Int
    /// `maximumAttributes` and `maximumDepth`, copied: a static `let` costs a lazy-initialisation
    /// check per access in a debug build, and these are read once per element.
    private let attributeLimit = XMLScanner.maximumAttributes
    private let depthLimit = XMLScanner.maximumDepth

    private init(base: UnsafePointer<UInt8>, count: Int, part: String, names: [String]) {
        self.base = base
        self.cbase = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        self.count = count
        self.part = part
        func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        }
        nameTerminators = cString([0x20, 0x0A, 0x09, 0x0D, 0x2F, 0x3E, 0x3D, 0x22, 0x27, 0x3C])
        spaceSet = cString([0x20, 0x0A, 0x09, 0x0D])
        attributes = .allocate(capacity: 5 * XMLScanner.maximumAttributes)
        open = .allocate(capacity: 2 * (XMLScanner.maximumDepth + 1))
        bindings = .allocate(capacity: 4 * XMLScanner.maximumBindings)
        var total = 0
        for name in names { total += name.utf8.count }
        nameBytes = .allocate(capacity: max(1, total))
        var size = 16
        while size < names.count * 4 { size *= 2 }
        slotMask = size - 1
        nameSlots = .allocate(capacity: 3 * size)
        nameSlots.initialize(repeating: -1, count: 3 * size)
        var offset = 0
        for (id, name) in names.enumerated() {
            let utf8 = Array(name.utf8)
            for (k, b) in utf8.enumerated() { nameBytes[offset + k] = b }
            var slot = XMLScanner.hash(UnsafePointer(nameBytes + offset), utf8.count) & slotMask
            while nameSlots[3 * slot] >= 0 { slot = (slot + 1) & slotMask }
            nameSlots[3 * slot] = offset
            nameSlots[3 * slot + 1] = utf8.count
            nameSlots[3 * slot + 2] = id
            offset += utf8.count
        }
        // A UTF-8 byte-order mark.
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF { pos = 3 }
    }

    private func deallocate() {
        nameTerminators.deallocate()
        spaceSet.deallocate()
        attributes.deallocate()
        open.deallocate()
        bindings.deallocate()
        nameBytes.deallocate()
        nameSlots.deallocate()
    }

    /// A cheap hash of a name: its length and three of its bytes (collisions are settled by memcmp).
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard n > 0 else { return 0 }
        return n &* 131 ^ Int(p[0]) &* 31 ^ Int(p[n - 1]) &* 7 ^ Int(p[n / 2]) &* 17
    }

    /// Runs `body` with a scanner over `bytes` (UTF-8, or UTF-16 with a byte-order mark, which is
    /// converted first). `names` is the table of local names that `nameID` indexes.
    static func withScanner<R>(_ bytes: [UInt8], part: String, names: [String],
                               _ body: (inout XMLScanner) throws(LoadError) -> R) throws(LoadError) -> R {
        var utf8: [UInt8]
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            utf8 = utf16ToUTF8(bytes)
        } else {
            utf8 = bytes
        }
        let length = utf8.count
        utf8.append(0) // a terminator for strcspn/strspn; not part of the document
        return try utf8.withUnsafeBufferPointer { (buffer) throws(LoadError) -> R in
            var scanner = XMLScanner(base: buffer.baseAddress!, count: length, part: part, names: names)
            defer { scanner.deallocate() }
            return try body(&scanner)
        }
    }

    private static func utf16ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let little = bytes[0] == 0xFF
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(little ? (a | b << 8) : (a << 8 | b))
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    func malformed(_ reason: String, at offset: Int) -> LoadError {
        LoadError("\(part): malformed XML at byte \(offset) (\(reason))")
    }

    // MARK: - Tokens

    /// Advances to the next token. Comments, processing instructions and the XML declaration are
    /// skipped; CDATA sections come as `.text`.
    mutating func next() throws(LoadError) -> Token {
        if pendingEnd {
            pendingEnd = false
            closeElement()
            token = .end
            return token
        }
        while true {
            if pos >= count {
                if openCount > 0 {
                    let start = open[2 * openCount - 2], length = open[2 * openCount - 1]
                    throw malformed("unexpected end of document: <\(string(start, start + length))> is not closed", at: count)
                }
                token = .eof
                return token
            }
            if base[pos] != 0x3C { // text up to the next '<'
                let start = pos
                var end = count
                if let hit = memchr(base + pos, 0x3C, count - pos) {
                    end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                }
                textStart = start
                textEnd = end
                textIsRaw = false
                textHasAmpersand = memchr(base + start, 0x26, end - start) != nil
                pos = end
                token = .text
                return token
            }
            guard pos + 1 < count else { throw malformed("unexpected end of document after '<'", at: pos) }
            let c = base[pos + 1]
            if c == 0x2F { // "</"
                try scanEndTag()
                return token
            }
            if c == 0x3F { // "<?" processing instruction or XML declaration
                guard let end = find(0x3F, 0x3E, from: pos + 2) else { throw malformed("unterminated processing instruction", at: pos) }
                pos = end + 2
                continue
            }
            if c == 0x21 { // "<!"
                if matches("<!--", at: pos) {
                    guard let end = find(0x2D, 0x2D, from: pos + 4), end + 2 < count, base[end + 2] == 0x3E else {
                        throw malformed("unterminated comment", at: pos)
                    }
                    pos = end + 3
                    continue
                }
                if matches("<![CDATA[", at: pos) {
                    var search = pos + 9
                    while true {
                        guard let end = find(0x5D, 0x5D, from: search) else { throw malformed("unterminated CDATA section", at: pos) }
                        if end + 2 < count && base[end + 2] == 0x3E {
                            textStart = pos + 9
                            textEnd = end
                            textIsRaw = true
                            textHasAmpersand = false
                            pos = end + 3
                            token = .text
                            return token
                        }
                        search = end + 1
                    }
                }
                if matches("<!DOCTYPE", at: pos) {
                    throw LoadError("\(part): refused: a DOCTYPE (DTD) declaration at byte \(pos); Office XML parts have none, and DTDs are not processed")
                }
                throw malformed("unexpected '<!'", at: pos)
            }
            try scanStartTag()
            return token
        }
    }

    /// Skips the rest of the current element (after its `.start`), including its end tag.
    mutating func skipElement() throws(LoadError) {
        guard token == .start else { return }
        let target = openCount - 1
        while true {
            let t = try next()
            if t == .end && openCount == target { return }
            if t == .eof { return }
        }
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard offset + n <= count else { return false }
        return memcmp(base + offset, literal.utf8Start, n) == 0
    }

    /// The offset of the first occurrence of the two bytes `a b` at or after `from`.
    private func find(_ a: UInt8, _ b: UInt8, from: Int) -> Int? {
        var i = from
        while i + 1 < count {
            guard let hit = memchr(base + i, Int32(a), count - i) else { return nil }
            let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if at + 1 < count && base[at + 1] == b { return at }
            i = at + 1
        }
        return nil
    }

    /// Reads a name at `pos`; returns its length and the length of its prefix (0 when none).
    /// A name ends at white space, '/', '>', '=', a quote or '<' (found by `strcspn`: the buffer
    /// ends with a NUL byte, and a NUL inside the document is refused where it stops a scan).
    private mutating func scanName() throws(LoadError) -> (Int, Int) {
        let start = pos
        let length = strcspn(cbase + start, nameTerminators)
        pos = start + length
        if length == 0 {
            throw malformed(pos < count && base[pos] == 0 ? "NUL byte" : "expected a name", at: start)
        }
        if pos < count && base[pos] == 0 { throw malformed("NUL byte", at: pos) }
        guard let colon = memchr(base + start, 0x3A, length) else { return (length, 0) }
        return (length, UnsafePointer<UInt8>(colon.assumingMemoryBound(to: UInt8.self)) - (base + start))
    }

    /// Skips XML white space; `base[count]` is a NUL, so reading at `count` is safe.
    private mutating func skipSpaces() {
        let c = base[pos]
        if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { pos += strspn(cbase + pos, spaceSet) }
    }

    private mutating func scanStartTag() throws(LoadError) {
        let tagStart = pos
        pos += 1
        qnameStart = pos
        (qnameLength, prefixLength) = try scanName()
        attributeCount = 0
        var declaresNamespace = false
        while true {
            let before = pos
            skipSpaces()
            let c = base[pos]
            if c == 0x3E { pos += 1; isEmptyElement = false; break }
            if c == 0x2F {
                guard base[pos + 1] == 0x3E else { throw malformed("expected '>' after '/'", at: pos) }
                pos += 2
                isEmptyElement = true
                break
            }
            if pos >= count { throw malformed("unterminated start tag", at: tagStart) }
            if pos == before { throw malformed("expected a space before an attribute", at: pos) }
            let nameStart = pos
            let (nameLength, _) = try scanName()
            skipSpaces()
            guard base[pos] == 0x3D else { throw malformed("expected '=' after attribute name", at: pos) }
            pos += 1
            skipSpaces()
            let quote = base[pos]
            guard quote == 0x22 || quote == 0x27 else { throw malformed("expected a quoted attribute value", at: pos) }
            let valueStart = pos + 1
            guard let hit = memchr(base + valueStart, Int32(quote), count - valueStart) else {
                throw malformed("unterminated attribute value", at: pos)
            }
            let valueEnd = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            let valueLength = valueEnd - valueStart
            if memchr(base + valueStart, 0x3C, valueLength) != nil { throw malformed("'<' in an attribute value", at: valueStart) }
            let hasAmpersand = memchr(base + valueStart, 0x26, valueLength) != nil
            guard attributeCount < attributeLimit else {
                throw malformed("more than \(XMLScanner.maximumAttributes) attributes on one element", at: tagStart)
            }
            let a = attributes + 5 * attributeCount
            a[0] = nameStart
            a[1] = nameLength
            a[2] = valueStart
            a[3] = valueEnd
            a[4] = hasAmpersand ? 1 : 0
            attributeCount += 1
            pos = valueEnd + 1
            if base[nameStart] == 0x78 && nameLength >= 5 && matches("xmlns", at: nameStart)
                && (nameLength == 5 || base[nameStart + 5] == 0x3A) {
                declaresNamespace = true
            }
        }
        guard openCount < depthLimit else {
            throw malformed("elements nested deeper than \(XMLScanner.maximumDepth) levels", at: tagStart)
        }
        open[2 * openCount] = qnameStart
        open[2 * openCount + 1] = qnameLength
        openCount += 1
        if declaresNamespace { try pushBindings() }
        let localOffset = prefixLength > 0 ? prefixLength + 1 : 0
        nameID = lookup(qnameStart + localOffset, qnameLength - localOffset)
        namespace = resolve(prefixStart: qnameStart, prefixLength: prefixLength)
        pendingEnd = isEmptyElement
        token = .start
    }

    private mutating func scanEndTag() throws(LoadError) {
        let tagStart = pos
        pos += 2
        let nameStart = pos
        let (length, prefix) = try scanName()
        skipSpaces()
        guard base[pos] == 0x3E else { throw malformed("expected '>' to end the end tag", at: pos) }
        pos += 1
        guard openCount > 0 else { throw malformed("end tag without a start tag", at: tagStart) }
        let topStart = open[2 * openCount - 2], topLength = open[2 * openCount - 1]
        guard topLength == length, memcmp(base + topStart, base + nameStart, length) == 0 else {
            throw malformed("</\(string(nameStart, nameStart + length))> does not close <\(string(topStart, topStart + topLength))>", at: tagStart)
        }
        qnameStart = nameStart
        qnameLength = length
        prefixLength = prefix
        let localOffset = prefix > 0 ? prefix + 1 : 0
        nameID = lookup(nameStart + localOffset, length - localOffset)
        namespace = resolve(prefixStart: nameStart, prefixLength: prefix)
        closeElement()
        isEmptyElement = false
        token = .end
    }

    /// Pops the innermost open element and the namespace declarations it made.
    private mutating func closeElement() {
        if bindingCount > 0 && bindings[4 * bindingCount - 1] >= openCount {
            while bindingCount > 0 && bindings[4 * bindingCount - 1] >= openCount { bindingCount -= 1 }
            bindingsChanged()
        }
        openCount -= 1
    }

    private func lookup(_ start: Int, _ length: Int) -> Int {
        var slot = XMLScanner.hash(base + start, length) & slotMask
        while true {
            let offset = nameSlots[3 * slot]
            if offset < 0 { return -1 }
            if nameSlots[3 * slot + 1] == length && memcmp(nameBytes + offset, base + start, length) == 0 {
                return nameSlots[3 * slot + 2]
            }
            slot = (slot + 1) & slotMask
        }
    }

    private mutating func resolve(prefixStart: Int, prefixLength: Int) -> XMLNamespace {
        if prefixLength == 0 { return defaultNamespace }
        if prefixLength == cachedPrefixLength && memcmp(base + prefixStart, base + cachedPrefixStart, prefixLength) == 0 {
            return cachedNamespace
        }
        var result: XMLNamespace = .none
        if prefixLength == 3 && matches("xml", at: prefixStart) { result = .other }
        var i = bindingCount - 1
        while i >= 0 {
            let b = bindings + 4 * i
            if b[1] == prefixLength && memcmp(base + prefixStart, base + b[0], prefixLength) == 0 {
                result = XMLNamespace(rawValue: UInt8(b[2])) ?? .other
                break
            }
            i -= 1
        }
        cachedPrefixStart = prefixStart
        cachedPrefixLength = prefixLength
        cachedNamespace = result
        return result
    }

    private mutating func bindingsChanged() {
        cachedPrefixLength = -1
        defaultNamespace = .none
        var i = bindingCount - 1
        while i >= 0 {
            if bindings[4 * i + 1] == 0 {
                defaultNamespace = XMLNamespace(rawValue: UInt8(bindings[4 * i + 2])) ?? .other
                break
            }
            i -= 1
        }
    }

    private mutating func pushBindings() throws(LoadError) {
        for k in 0..<attributeCount {
            let a = attributes + 5 * k
            let nameStart = a[0], nameLength = a[1]
            guard nameLength >= 5, matches("xmlns", at: nameStart), nameLength == 5 || base[nameStart + 5] == 0x3A else { continue }
            guard bindingCount < XMLScanner.maximumBindings else {
                throw malformed("more than \(XMLScanner.maximumBindings) namespace declarations in force", at: nameStart)
            }
            let uri = a[4] != 0 ? try decode(a[2], a[3]) : string(a[2], a[3])
            let b = bindings + 4 * bindingCount
            b[0] = nameLength == 5 ? nameStart : nameStart + 6
            b[1] = nameLength == 5 ? 0 : nameLength - 6
            b[2] = Int((uri.isEmpty ? XMLNamespace.none : XMLNamespace.classify(uri)).rawValue)
            b[3] = openCount
            bindingCount += 1
        }
        bindingsChanged()
    }

    // MARK: - Values

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// The current element's qualified name as written ("w:p").
    var qualifiedName: String { string(qnameStart, qnameStart + qnameLength) }

    /// The current text token, with entities and character references expanded.
    func text() throws(LoadError) -> String {
        if textIsRaw || !textHasAmpersand { return string(textStart, textEnd) }
        return try decode(textStart, textEnd)
    }

    /// The value of the current start tag's attribute with this local name (any prefix).
    func attribute(_ localName: StaticString) -> String? {
        guard let a = attributeSlot(localName) else { return nil }
        if a[4] == 0 { return string(a[2], a[3]) }
        return try? decode(a[2], a[3])
    }

    /// The attribute as an integer (optional white space and sign, then decimal digits, as
    /// `strtol` reads them within the value); nil when absent, not a number, or beyond ±10^18.
    func intAttribute(_ localName: StaticString) -> Int? {
        guard let a = attributeSlot(localName) else { return nil }
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtol(cbase + a[2], &end, 10)
        guard let end else { return nil }
        let stop = UnsafePointer(end) - cbase
        guard stop > a[2], stop <= a[3], base[stop - 1] >= 0x30, base[stop - 1] <= 0x39,
              value > -1_000_000_000_000_000_000, value < 1_000_000_000_000_000_000 else { return nil }
        return value
    }

    /// Whether the current start tag has this attribute (any prefix).
    func hasAttribute(_ localName: StaticString) -> Bool { attributeSlot(localName) != nil }

    private func attributeSlot(_ localName: StaticString) -> UnsafeMutablePointer<Int>? {
        let n = localName.utf8CodeUnitCount
        let want = localName.utf8Start
        var k = 0
        while k < attributeCount {
            let a = attributes + 5 * k
            let nameStart = a[0], nameLength = a[1]
            k += 1
            if nameLength == n {
                if memcmp(base + nameStart, want, n) == 0 { return a }
            } else if nameLength > n && base[nameStart + nameLength - n - 1] == 0x3A
                        && memcmp(base + nameStart + nameLength - n, want, n) == 0
                        && !matches("xmlns:", at: nameStart) {
                return a
            }
        }
        return nil
    }

    /// All attributes of the current start tag as (local name, value), namespace declarations excluded.
    func allAttributes() -> [(String, String)] {
        var result: [(String, String)] = []
        for k in 0..<attributeCount {
            let a = attributes + 5 * k
            let nameStart = a[0], nameLength = a[1]
            if nameLength >= 5 && matches("xmlns", at: nameStart) && (nameLength == 5 || base[nameStart + 5] == 0x3A) { continue }
            var localStart = nameStart
            var i = nameStart
            while i < nameStart + nameLength { if base[i] == 0x3A { localStart = i + 1 }; i += 1 }
            let value = a[4] != 0 ? ((try? decode(a[2], a[3])) ?? "") : string(a[2], a[3])
            result.append((string(localStart, nameStart + nameLength), value))
        }
        return result
    }

    /// Expands `&lt; &gt; &amp; &quot; &apos; &#N; &#xH;`; anything else is malformed.
    private func decode(_ start: Int, _ end: Int) throws(LoadError) -> String {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let c = base[i]
            if c != 0x26 {
                out.append(c)
                i += 1
                continue
            }
            var j = i + 1
            while j < end && j - i <= 12 && base[j] != 0x3B { j += 1 }
            guard j < end, base[j] == 0x3B else { throw malformed("unterminated entity reference", at: i) }
            let name = string(i + 1, j)
            switch name {
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "amp": out.append(0x26)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                var value: UInt32? = nil
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(1), radix: 10)
                } else {
                    throw malformed("unknown entity &\(name); (only the predefined entities are allowed)", at: i)
                }
                guard let v = value, let scalar = Unicode.Scalar(v), v != 0 else {
                    throw malformed("invalid character reference &\(name);", at: i)
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = j + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
