// Placeholder: replaced by the .docx/.xlsx reader.
enum OfficeLoader {
    static func load(bytes: [UInt8], path: String) throws(LoadError) -> Document {
        throw LoadError(".docx/.xlsx reading is not available yet")
    }
}
