/// What a loader produces: the decoded lines of one input, in document order, plus the table
/// grids that structured formats (.docx, .xlsx) know exactly. Text formats leave `tables` empty;
/// the Structure stage finds their tables from tab runs and Markdown pipes.
public struct Document: Sendable {
    public var path: String
    public var format: DocumentFormat
    /// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gb18030", or "zip/xml" for .docx/.xlsx.
    public var encoding: String
    public var lines: [SourceLine]
    public var tables: [SourceTable]
    /// Non-fatal remarks from the loader ("3 deleted revisions skipped").
    public var notes: [String]

    public init(path: String, format: DocumentFormat, encoding: String, lines: [SourceLine],
                tables: [SourceTable] = [], notes: [String] = []) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.lines = lines
        self.tables = tables
        self.notes = notes
    }
}

public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, docx, xlsx, pdf
}

/// One line of input. For text files, a line of the file; for .docx, a paragraph, or a whole
/// table row (its cells joined by tabs); for .xlsx, a sheet row (cells joined by tabs).
public struct SourceLine: Sendable {
    /// The 1-based line number that findings report.
    public var number: Int
    /// Decoded text, without its line terminator. Not yet normalized.
    public var text: String
    /// A readable place for structured formats ("第12段", "表5 第3行", "Sheet1 第7行"); nil for text.
    public var place: String?
    /// Heading level known from the source format (Word heading style or outline level, 1-based).
    public var headingLevel: Int?
    /// Set when this line is a row of `Document.tables[table]`.
    public var tableRow: TableRowReference?

    public init(number: Int, text: String, place: String? = nil, headingLevel: Int? = nil,
                tableRow: TableRowReference? = nil) {
        self.number = number
        self.text = text
        self.place = place
        self.headingLevel = headingLevel
        self.tableRow = tableRow
    }
}

public struct TableRowReference: Hashable, Sendable {
    public var table: Int
    public var row: Int

    public init(table: Int, row: Int) {
        self.table = table
        self.row = row
    }
}

/// A table whose grid the source format states exactly (.docx `w:tbl`, an .xlsx sheet).
public struct SourceTable: Sendable {
    /// The sheet name for .xlsx; nil for .docx.
    public var name: String?
    public var rows: [SourceTableRow]

    public init(name: String? = nil, rows: [SourceTableRow]) {
        self.name = name
        self.rows = rows
    }
}

public struct SourceTableRow: Sendable {
    /// Index into `Document.lines` of the line holding this row's text.
    public var lineIndex: Int
    public var cells: [SourceTableCell]

    public init(lineIndex: Int, cells: [SourceTableCell]) {
        self.lineIndex = lineIndex
        self.cells = cells
    }
}

public struct SourceTableCell: Sendable {
    /// Where the cell's text sits in its row line: a 0-based scalar offset and a length in scalars.
    public var start: Int
    public var length: Int
    /// 0-based grid column where the cell starts, and how many grid columns it spans (`gridSpan`,
    /// or a horizontal merge in .xlsx).
    public var gridColumn: Int
    public var columnSpan: Int
    /// True when the cell continues a vertical merge (`vMerge` without "restart", or the lower
    /// cells of an .xlsx merged range): its value is the value of the cell above.
    public var continuesMerge: Bool
    /// A readable place: "表5 第3行 第7列" (.docx) or "Sheet1!C7" (.xlsx).
    public var place: String?

    public init(start: Int, length: Int, gridColumn: Int, columnSpan: Int = 1,
                continuesMerge: Bool = false, place: String? = nil) {
        self.start = start
        self.length = length
        self.gridColumn = gridColumn
        self.columnSpan = columnSpan
        self.continuesMerge = continuesMerge
        self.place = place
    }
}

/// A per-file failure: the file is reported with this message and the batch goes on.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
