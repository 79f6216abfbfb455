/// The bounds every input is read within (README "Limits"). An input past one is refused with a
/// per-file error naming the limit, as soon as the loader can tell — before the work it would cost,
/// not after minutes — and the batch goes on. A report is a few MB at most; these are far above
/// any report and far below what would exhaust a machine.
public enum Limits {
    /// The largest input file, and the most read from standard input (128 MiB).
    public static let largestFile = 128 * 1_048_576
    /// The largest text one document may decode to, in UTF-8 bytes (32 MiB): a text file's
    /// decoded text, the paragraphs and cells of a .docx or .xlsx, pdftotext's output.
    public static let largestText = 32 * 1_048_576
    /// The most one part of a .docx/.xlsx may inflate to (64 MiB).
    public static let largestPart = 64 * 1_048_576
    /// The most all inflated parts of one .docx/.xlsx may add up to (256 MiB).
    public static let archiveTotal = 256 * 1_048_576
    /// Table cells of one document: for an .xlsx each row's slots from column A to its last
    /// non-empty cell, for a .docx each row's grid columns (500 000).
    public static let cells = 500_000
    /// Grid columns of one table row (a .docx `w:gridSpan` beyond it, or an .xlsx row beyond it,
    /// is refused): Word allows 63 columns, Excel 16 384.
    public static let tableColumns = 16_384
    /// Characters of one .xlsx number format code (Excel's own limit is 255).
    public static let numberFormatLength = 255

    /// "128 MiB", or bytes for limits that are not whole MiB.
    public static func size(_ bytes: Int) -> String {
        bytes % 1_048_576 == 0 ? "\(bytes / 1_048_576) MiB" : "\(bytes) bytes"
    }

    /// Counts text as a loader produces it and refuses it past `largestText`.
    public struct TextBudget: Sendable {
        public private(set) var used = 0
        public let limit: Int

        public init(limit: Int = Limits.largestText) { self.limit = limit }

        public mutating func add(_ text: String, what: @autoclosure () -> String = "text") throws(LoadError) {
            try add(bytes: text.utf8.count, what: what())
        }

        public mutating func add(bytes: Int, what: @autoclosure () -> String = "text") throws(LoadError) {
            used = used.addingReportingOverflow(max(0, bytes)).overflow ? Int.max : used + max(0, bytes)
            if used > limit { throw LoadError("refused: the \(what()) is larger than \(Limits.size(limit)) (the largest text jxlint reads)") }
        }
    }
}

/// Arithmetic on numbers read from a file: checked, clamped or saturating, never a trap.
enum FileNumbers {
    /// A decimal integer attribute as Office writes them (ST_DecimalNumber, 32 bits): clamped to
    /// the Int32 range; nil when it is no number.
    static func int32(_ text: String?) -> Int? {
        guard let text else { return nil }
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s.removeLast() }
        var negative = false
        if let c = s.first, c == "-" || c == "+" { negative = c == "-"; s.removeFirst() }
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var value = 0
        for b in s.utf8 {
            value = value * 10 + Int(b - 0x30)
            if value > Int(Int32.max) + 1 { value = Int(Int32.max) + 1; break }
        }
        return negative ? max(Int(Int32.min), -value) : min(Int(Int32.max), value)
    }

    /// a + b, held at the Int bounds instead of trapping.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? Int.max : Int.min) : r
    }
}
