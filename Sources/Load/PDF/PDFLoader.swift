// Placeholder: replaced by the pdftotext-based reader.
enum PDFLoader {
    static func load(bytes: [UInt8], path: String) throws(LoadError) -> Document {
        throw LoadError(".pdf reading is not available yet")
    }
}
