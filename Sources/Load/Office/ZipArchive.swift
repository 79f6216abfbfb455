import CZlib

/// A read-only ZIP reader for Office files (.docx, .xlsx are ZIP packages of XML parts).
///
/// It reads the end-of-central-directory record, the central directory and each entry's local
/// header, and extracts stored (method 0) and deflated (method 8) entries, checking their CRC-32.
/// Everything else is refused with a `LoadError`: ZIP64, encryption, other methods, truncated or
/// inconsistent archives. Extraction is bounded by `Limits`:
///
/// - at most 20 000 entries in the central directory;
/// - at most 64 MiB from one entry: a declared size above it is refused before inflating; the
///   entry is inflated into a buffer of its declared size, `chunkSize` bytes per zlib call, and
///   refused as soon as the stream would run past it, so a zip bomb costs at most one limit's
///   worth of work and memory;
/// - at most 256 MiB extracted from one archive in all.
struct ZipArchive {
    /// The bounds one archive is read within.
    struct Limits: Sendable {
        /// Central-directory entries beyond this are refused (a .docx has a few dozen).
        var entries = 20_000
        /// The most one part may inflate to (64 MiB; a large report's document.xml is a few MB).
        var entrySize = JXLoad.Limits.largestPart
        /// The most all extracted parts of one archive may add up to (256 MiB).
        var totalSize = JXLoad.Limits.archiveTotal
    }

    static let defaultLimits = Limits()
    /// Inflate output is produced in pieces of at most this size.
    static let chunkSize = 256 * 1024

    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let bytes: [UInt8]
    let limits: Limits
    private(set) var entries: [Entry] = []
    /// Lower-cased name → index in `entries` (part names are case-insensitive in OPC).
    private var index: [String: Int] = [:]
    /// Bytes extracted so far, against `limits.totalSize`.
    private(set) var extractedTotal = 0

    init(bytes: [UInt8], limits: Limits = ZipArchive.defaultLimits) throws(LoadError) {
        self.bytes = bytes
        self.limits = limits
        try readCentralDirectory()
    }

    func entry(named name: String) -> Entry? {
        var key = name.lowercased()
        if key.hasPrefix("/") { key.removeFirst() }
        guard let i = index[key] else { return nil }
        return entries[i]
    }

    func contains(_ name: String) -> Bool { entry(named: name) != nil }

    /// The entry's bytes, or nil when there is no such entry.
    mutating func data(named name: String) throws(LoadError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try extract(entry)
    }

    // MARK: - Central directory

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }

    private mutating func readCentralDirectory() throws(LoadError) {
        let count = bytes.count
        guard count >= 22 else { throw LoadError("truncated or corrupt ZIP archive (only \(count) bytes)") }
        // The EOCD record is 22 bytes plus a comment of up to 65 535 bytes, at the very end.
        var eocd = -1
        var at = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == 0x05 && bytes[at + 3] == 0x06
                && at + 22 + u16(at + 20) == count {
                eocd = at
                break
            }
            at -= 1
        }
        if eocd < 0 {
            throw LoadError("truncated or corrupt ZIP archive: end of central directory not found (the file may be cut short)")
        }
        if eocd >= 20 && u32(eocd - 20) == 0x0706_4B50 {
            throw LoadError("ZIP64 archives are not supported")
        }
        let disk = u16(eocd + 4), cdDisk = u16(eocd + 6)
        let entriesHere = u16(eocd + 8), totalEntries = u16(eocd + 10)
        let cdSize = u32(eocd + 12), cdOffset = u32(eocd + 16)
        if totalEntries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            throw LoadError("ZIP64 archives are not supported")
        }
        if disk != 0 || cdDisk != 0 || entriesHere != totalEntries {
            throw LoadError("multi-part (spanned) ZIP archives are not supported")
        }
        if totalEntries > limits.entries {
            throw LoadError("refused: the ZIP archive has \(totalEntries) entries (limit \(limits.entries))")
        }
        guard cdOffset + cdSize <= eocd else {
            throw LoadError("truncated or corrupt ZIP archive: central directory lies outside the file")
        }
        var p = cdOffset
        let end = cdOffset + cdSize
        entries.reserveCapacity(totalEntries)
        for n in 0..<totalEntries {
            guard p + 46 <= end, u32(p) == 0x0201_4B50 else {
                throw LoadError("corrupt ZIP archive: central directory entry \(n + 1) is damaged")
            }
            let flags = UInt16(u16(p + 8)), method = UInt16(u16(p + 10))
            let crc = UInt32(truncatingIfNeeded: u32(p + 16))
            let compressed = u32(p + 20), uncompressed = u32(p + 24)
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let localOffset = u32(p + 42)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= end else {
                throw LoadError("corrupt ZIP archive: central directory entry \(n + 1) is damaged")
            }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF {
                throw LoadError("ZIP64 archives are not supported")
            }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, flags: flags, method: method, crc: crc, compressedSize: compressed,
                              uncompressedSize: uncompressed, localHeaderOffset: localOffset)
            var key = name.lowercased()
            if key.hasPrefix("/") { key.removeFirst() }
            if index[key] == nil { index[key] = entries.count }
            entries.append(entry)
            p = next
        }
    }

    // MARK: - Extraction

    mutating func extract(_ entry: Entry) throws(LoadError) -> [UInt8] {
        let name = entry.name
        if entry.flags & 0x0001 != 0 {
            throw LoadError("\(name): encrypted ZIP entries are not supported (password-protected file)")
        }
        let limit = limits.entrySize
        if entry.uncompressedSize > limit {
            throw LoadError("refused: \(name) expands beyond \(ZipArchive.size(limit)) (it declares \(entry.uncompressedSize) bytes)")
        }
        if extractedTotal + entry.uncompressedSize > limits.totalSize {
            throw LoadError("refused: the archive's parts expand beyond \(ZipArchive.size(limits.totalSize)) in all")
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else {
            throw LoadError("truncated or corrupt ZIP archive: local header of \(name) not found")
        }
        let dataStart = header + 30 + u16(header + 26) + u16(header + 28)
        guard dataStart + entry.compressedSize <= bytes.count else {
            throw LoadError("truncated or corrupt ZIP archive: data of \(name) is cut short")
        }
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw LoadError("corrupt ZIP archive: stored entry \(name) has inconsistent sizes")
            }
            output = Array(bytes[dataStart..<(dataStart + entry.compressedSize)])
        case 8:
            output = try inflate(from: dataStart, count: entry.compressedSize, entry: entry)
        default:
            throw LoadError("\(name): unsupported ZIP compression method \(entry.method) (only stored and deflate are read)")
        }
        let crc = output.withUnsafeBufferPointer { buffer -> UInt32 in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        if crc != entry.crc {
            throw LoadError("corrupt ZIP archive: CRC mismatch in \(name)")
        }
        extractedTotal += output.count
        return output
    }

    /// "64 MiB", or bytes for small limits.
    static func size(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
    }

    /// Raw-deflate inflation straight into a buffer of the declared size (at most the entry
    /// limit), `chunkSize` bytes of output per call; one more call into a small probe buffer
    /// tells whether the stream would go on past the declared size, which is refused.
    private func inflate(from start: Int, count: Int, entry: Entry) throws(LoadError) -> [UInt8] {
        let name = entry.name
        let expected = entry.uncompressedSize
        var stream = z_stream()
        let status = inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw LoadError("\(name): cannot start inflating (zlib error \(status))") }
        defer { inflateEnd(&stream) }
        var failure: LoadError? = nil
        let output = bytes.withUnsafeBufferPointer { input -> [UInt8] in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
            stream.avail_in = uInt(count)
            return [UInt8](unsafeUninitializedCapacity: max(expected, 1)) { buffer, initialized in
                var produced = 0
                var ended = false
                while produced < expected {
                    let piece = min(ZipArchive.chunkSize, expected - produced)
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = uInt(piece)
                    let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced += piece - Int(stream.avail_out)
                    if result == Z_STREAM_END { ended = true; break }
                    if result == Z_OK { continue }
                    if result == Z_BUF_ERROR && stream.avail_in == 0 {
                        failure = LoadError("truncated or corrupt ZIP archive: compressed data of \(name) ends early")
                    } else {
                        failure = LoadError("corrupt ZIP archive: \(name) does not inflate (zlib error \(result))")
                    }
                    break
                }
                initialized = produced
                if failure != nil || ended { return }
                // The declared size is reached: one more byte of output means the entry is larger.
                var probe: UInt8 = 0
                let more = withUnsafeMutablePointer(to: &probe) { p -> Int32 in
                    stream.next_out = p
                    stream.avail_out = 1
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                if stream.avail_out == 0 {
                    if expected == limits.entrySize {
                        failure = LoadError("refused: \(name) expands beyond \(ZipArchive.size(expected))")
                    } else {
                        failure = LoadError("refused: \(name) expands beyond its declared size of \(expected) bytes (corrupt archive or zip bomb)")
                    }
                } else if more != Z_STREAM_END {
                    failure = LoadError("truncated or corrupt ZIP archive: compressed data of \(name) does not end where it should")
                }
            }
        }
        if let failure { throw failure }
        if output.count != expected {
            throw LoadError("corrupt ZIP archive: \(name) inflates to \(output.count) bytes, not the declared \(expected)")
        }
        return output
    }
}
