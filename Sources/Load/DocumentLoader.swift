import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input into a `Document`. Never modifies the input; every failure is a `LoadError`
/// with a message for that file alone.
public enum DocumentLoader {
    /// Inputs larger than this are refused (a report is a few MB at most).
    public static let maximumFileSize = Limits.largestFile

    /// Reads a file: only a regular file (a FIFO, a device or a socket is refused, also behind a
    /// symbolic link, and never opened in a way that could block), at most `Limits.largestFile`.
    public static func load(path: String) throws(LoadError) -> Document {
        try load(bytes: try readFile(path), path: path)
    }

    /// The bytes of a regular file, refused past `Limits.largestFile`.
    public static func readFile(_ path: String) throws(LoadError) -> [UInt8] {
        var info = stat()
        if stat(path, &info) != 0 {
            if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK { throw LoadError("a broken symbolic link (its target does not exist)") }
            throw LoadError(errno == ENOENT || errno == ENOTDIR ? "no such file" : "cannot read: \(String(cString: strerror(errno)))")
        }
        try requireRegular(info.st_mode)
        if Int(info.st_size) > Limits.largestFile { throw LoadError(tooLarge(Int(info.st_size))) }
        // O_NONBLOCK: should the file have been swapped for a FIFO since `stat`, opening it does not
        // wait for a writer; `fstat` on the open file then refuses it
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw LoadError("cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if fstat(fd, &info) != 0 { throw LoadError("cannot read: \(String(cString: strerror(errno)))") }
        try requireRegular(info.st_mode)
        return try readLimited(fd: fd, sizeHint: Int(info.st_size))
    }

    /// Standard input, read up to `Limits.largestFile` (refused past it without reading the rest).
    public static func readStandardInput() throws(LoadError) -> [UInt8] {
        try readLimited(fd: 0, sizeHint: 0)
    }

    static func requireRegular(_ mode: mode_t) throws(LoadError) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw LoadError("is a directory")
        case S_IFIFO: throw LoadError("not a regular file: a FIFO (named pipe); jxlint reads only regular files")
        case S_IFSOCK: throw LoadError("not a regular file: a socket; jxlint reads only regular files")
        case S_IFCHR, S_IFBLK: throw LoadError("not a regular file: a device; jxlint reads only regular files")
        default: throw LoadError("not a regular file; jxlint reads only regular files")
        }
    }

    static func tooLarge(_ size: Int?) -> String {
        "refused: the file is larger than \(Limits.size(Limits.largestFile)) (the largest input jxlint reads)"
            + (size.map { " (\($0) bytes)" } ?? "")
    }

    /// Reads to the end, at most `Limits.largestFile` bytes; one byte more is refused.
    static func readLimited(fd: Int32, sizeHint: Int) throws(LoadError) -> [UInt8] {
        let limit = Limits.largestFile
        // the size stat gave is read straight into the array (one byte more, to see the end): no
        // chunk to zero and copy for the usual file, which is read in one call
        var failure: Int32 = 0
        let capacity = min(max(sizeHint, 0), limit) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < capacity {
                let n = read(fd, buffer.baseAddress! + count, capacity - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure == 0 && bytes.count < capacity { return bytes }   // the end was reached
        if failure != 0 {
            if failure == EAGAIN { throw LoadError("cannot read: the input is not ready (not a regular file)") }
            throw LoadError("cannot read: \(String(cString: strerror(failure)))")
        }
        if bytes.count > limit { throw LoadError(tooLarge(nil)) }
        // the file was larger than its size said (it grew, or the size was unknown): in chunks
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { throw LoadError("cannot read: the input is not ready (not a regular file)") }
                throw LoadError("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            if bytes.count + n > limit { throw LoadError(tooLarge(nil)) }
            // grown by doubling, but never past the limit: the array's own growth could reach twice
            // the limit (and the memory) on the last chunk before refusing
            if bytes.count + n > bytes.capacity { bytes.reserveCapacity(min(max(bytes.capacity * 2, bytes.count + n), limit)) }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Loads bytes already in memory (stdin, tests). `path` names the input and gives the extension.
    public static func load(bytes: [UInt8], path: String) throws(LoadError) -> Document {
        switch detectFormat(bytes: bytes, path: path) {
        case .docx, .xlsx:
            return try OfficeLoader.load(bytes: bytes, path: path)
        case .pdf:
            return try PDFLoader.load(bytes: bytes, path: path)
        case .markdown:
            return try loadText(bytes: bytes, path: path, format: .markdown)
        case .text:
            return try loadText(bytes: bytes, path: path, format: .text)
        }
    }

    /// Magic bytes first (a .docx renamed .txt is still a .docx), then the extension.
    /// `(path as NSString).pathExtension` without bridging to NSString (asked for every file):
    /// the text after the last dot of the last component; none for ".name" or "name.".
    public static func pathExtension(_ path: String) -> String {
        // "/" and "." are ASCII: found on the bytes, without counting characters
        let bytes = path.utf8
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) > 1, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") { start = bytes.index(before: start) }
        var dot = end
        while dot > start, bytes[bytes.index(before: dot)] != UInt8(ascii: ".") { dot = bytes.index(before: dot) }
        // no dot, or the component starts with its only dot (".docx")
        guard dot > start, bytes.index(before: dot) > start else { return "" }
        return String(path[dot..<end])
    }

    public static func detectFormat(bytes: [UInt8], path: String) -> DocumentFormat {
        let ext = DocumentLoader.pathExtension(path).lowercased()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return ext == "xlsx" || ext == "xlsm" ? .xlsx : .docx
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        switch ext {
        case "md", "markdown": return .markdown
        case "docx": return .docx
        case "xlsx", "xlsm": return .xlsx
        case "pdf": return .pdf
        default: return .text
        }
    }

    public static func loadText(bytes: [UInt8], path: String, format: DocumentFormat) throws(LoadError) -> Document {
        let ext = DocumentLoader.pathExtension(path).lowercased()
        if ["docx", "xlsx", "xlsm", "pdf"].contains(ext) {
            throw LoadError("named .\(ext) but not a .\(ext) file (its content is not a \(ext == "pdf" ? "PDF" : "ZIP") document)")
        }
        // any encoding gives at least half as many UTF-8 bytes as it has: refuse before decoding
        var budget = Limits.TextBudget()
        try budget.add(bytes: bytes.count / 2)
        let decoded = try TextDecoding.decode(bytes)
        budget = Limits.TextBudget()
        try budget.add(decoded.text)
        let lines = TextDecoding.splitLines(decoded.text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return Document(path: path, format: format, encoding: decoded.encoding, lines: lines)
    }
}
