import Foundation

/// Reads one input into a `Document`. Never modifies the input; every failure is a `LoadError`
/// with a message for that file alone.
public enum DocumentLoader {
    /// Inputs larger than this are refused (a report is a few MB at most).
    public static let maximumFileSize = 256 * 1024 * 1024

    public static func load(path: String) throws(LoadError) -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError("no such file")
        }
        if isDirectory.boolValue { throw LoadError("is a directory") }
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
           type != .typeRegular && type != .typeSymbolicLink {
            throw LoadError("not a regular file (a pipe, socket or device)")
        }
        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
            if data.count > maximumFileSize { throw LoadError("file too large (over \(maximumFileSize / 1_048_576) MiB)") }
            bytes = [UInt8](data)
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError("cannot read: \((error as NSError).localizedDescription)")
        }
        return try load(bytes: bytes, path: path)
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
    public static func detectFormat(bytes: [UInt8], path: String) -> DocumentFormat {
        let ext = (path as NSString).pathExtension.lowercased()
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
        let ext = (path as NSString).pathExtension.lowercased()
        if ["docx", "xlsx", "xlsm", "pdf"].contains(ext) {
            throw LoadError("named .\(ext) but not a .\(ext) file (its content is not a \(ext == "pdf" ? "PDF" : "ZIP") document)")
        }
        let decoded = try TextDecoding.decode(bytes)
        let lines = TextDecoding.splitLines(decoded.text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        return Document(path: path, format: format, encoding: decoded.encoding, lines: lines)
    }
}
