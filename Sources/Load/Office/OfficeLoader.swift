/// Reads Office Open XML files: a ZIP package whose main part is `word/document.xml` (.docx) or
/// `xl/workbook.xml` (.xlsx). Which one is decided from the package content, not the file name.
///
/// Entry point: `load(bytes:path:)`, called by `DocumentLoader` for inputs that start with the ZIP
/// signature or are named .docx/.xlsx. Safety limits are those of `ZipArchive` (entries, bytes per
/// part and per archive) and `XMLScanner` (no DTDs, bounded nesting).
enum OfficeLoader {
    static func load(bytes: [UInt8], path: String) throws(LoadError) -> Document {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw LoadError("an OLE2 compound file: a legacy .doc/.xls, or a password-protected (encrypted) Office file; save it as an unprotected .docx or .xlsx")
        }
        if !bytes.starts(with: [0x50, 0x4B]) {
            // Not a ZIP at all (a text file named .docx, say): the text reader says so.
            return try DocumentLoader.loadText(bytes: bytes, path: path, format: .text)
        }
        var archive = try ZipArchive(bytes: bytes)
        let package = OfficePackage(archive: archive)
        let main = package.mainPart()
        if let main, main.lowercased().hasSuffix(".bin") || archive.contains("xl/workbook.bin") {
            throw LoadError("a binary Excel workbook (.xlsb) is not supported; save it as .xlsx")
        }
        if let main, archive.contains(main), main.lowercased().hasPrefix("word/") || main.lowercased().hasSuffix("document.xml") {
            return try DocxReader.read(archive: &archive, mainPart: main, path: path)
        }
        if let main, archive.contains(main), main.lowercased().hasPrefix("xl/") || main.lowercased().hasSuffix("workbook.xml") {
            return try XlsxReader.read(archive: &archive, mainPart: main, path: path)
        }
        if archive.contains("word/document.xml") {
            return try DocxReader.read(archive: &archive, mainPart: "word/document.xml", path: path)
        }
        if archive.contains("xl/workbook.xml") {
            return try XlsxReader.read(archive: &archive, mainPart: "xl/workbook.xml", path: path)
        }
        if archive.contains("ppt/presentation.xml") {
            throw LoadError("a PowerPoint presentation (.pptx), not a .docx or .xlsx: not supported")
        }
        if archive.contains("mimetype") && archive.contains("content.xml") {
            throw LoadError("an OpenDocument file (.odt/.ods), not a .docx or .xlsx: save it in Office format")
        }
        if archive.entries.isEmpty {
            throw LoadError("an empty ZIP archive, neither a .docx nor an .xlsx")
        }
        throw LoadError("a ZIP archive but neither a .docx (no word/document.xml) nor an .xlsx (no xl/workbook.xml)")
    }
}

/// Relationship lookup in an OPC package (`_rels/.rels`, `word/_rels/document.xml.rels`, ...).
struct OfficePackage {
    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
        /// The last path component of `type` ("styles", "worksheet", "officeDocument").
        var kind: String { type.split(separator: "/").last.map(String.init) ?? type }
    }

    var archive: ZipArchive

    /// The part `_rels/.rels` names as the office document, if any.
    func mainPart() -> String? {
        var copy = archive
        guard let rels = try? OfficePackage.relationships(of: "", in: &copy) else { return nil }
        return rels.first(where: { $0.kind == "officeDocument" && !$0.external }).map { OfficePackage.resolve($0.target, from: "") }
    }

    /// The relationships of `part` ("" for the package), read from its `_rels/NAME.rels` part.
    static func relationships(of part: String, in archive: inout ZipArchive) throws(LoadError) -> [Relationship] {
        let directory = OfficePackage.directory(of: part)
        let file = part.isEmpty ? "" : String(part.split(separator: "/").last ?? "")
        let relsName = directory + "_rels/" + file + ".rels"
        guard let bytes = try archive.data(named: relsName) else { return [] }
        return try XMLScanner.withScanner(bytes, part: relsName, names: ["Relationship"]) { (scanner: inout XMLScanner) throws(LoadError) -> [Relationship] in
            var result: [Relationship] = []
            while true {
                let token = try scanner.next()
                if token == .eof { break }
                if token == .start && scanner.nameID == 0 {
                    guard let id = scanner.attribute("Id"), let target = scanner.attribute("Target") else { continue }
                    result.append(Relationship(id: id, type: scanner.attribute("Type") ?? "", target: target,
                                               external: scanner.attribute("TargetMode") == "External"))
                }
            }
            return result
        }
    }

    /// "word/document.xml" → "word/"; "" → "".
    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// Resolves a relationship target against the directory of its source part.
    static func resolve(_ target: String, from source: String) -> String {
        var components: [Substring] = []
        let full = target.hasPrefix("/") ? String(target.dropFirst()) : OfficePackage.directory(of: source) + target
        for component in full.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == ".." { if !components.isEmpty { components.removeLast() }; continue }
            components.append(component)
        }
        return components.joined(separator: "/")
    }
}
