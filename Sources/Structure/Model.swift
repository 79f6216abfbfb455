import JXCore
import JXLoad
import JXNormalize

/// The document as headings, paragraphs and tables, in order.
public struct StructuredDocument: Sendable {
    public var document: Document
    public var paragraphs: [Paragraph]
    public var tables: [Table]
    /// Paragraphs and tables in document order.
    public var blocks: [Block]
    /// Index of the paragraph holding the document title, when found.
    public var titleParagraph: Int?

    public var path: String { document.path }
}

public enum Block: Sendable, Hashable {
    case paragraph(Int)
    case table(Int)
}

public enum HeadingStyle: String, Sendable {
    case markdown        // "## 标题"
    case chapter         // 第一部分 / 第一章
    case chineseNumeral  // 一、
    case parenChinese    // （一）
    case arabic          // 1. / 1、
    case parenArabic     // （1）
    case circled         // ①
    case wordStyle       // a .docx heading style without a visible marker

    /// The customary rank in Chinese official documents: 一、 > （一） > 1. > （1） > ①.
    public var defaultRank: Int {
        switch self {
        case .chapter: return 0
        case .markdown, .wordStyle: return 1
        case .chineseNumeral: return 1
        case .parenChinese: return 2
        case .arabic: return 3
        case .parenArabic: return 4
        case .circled: return 5
        }
    }
}

public struct Heading: Sendable {
    public var style: HeadingStyle
    /// Nesting depth, 1 for the top level.
    public var level: Int
    /// The ordinal shown by the marker (一 → 1, （三） → 3), 0 when unknown.
    public var ordinal: Int
    /// The marker text, e.g. "一、", "（一）".
    public var marker: String
    /// Where the title sits in the paragraph text (after the marker, up to the first 。 when the
    /// heading runs into body text, as in "（一）绩效信息收集。年度预算执行完成后…").
    public var titleRange: Range<Int>
}

public struct Paragraph: Sendable {
    public var index: Int
    public var text: TextRun
    /// Set when the paragraph is, or starts with, a heading.
    public var heading: Heading?
    /// Sentence ranges in `text` (split after 。！？ and at line-like breaks).
    public var sentences: [Range<Int>]
    /// Indices of the enclosing heading paragraphs, outermost first (the paragraph itself is
    /// included when it is a heading).
    public var sectionPath: [Int]
    /// Line numbers this paragraph covers.
    public var firstLine: Int
    public var lastLine: Int

    public var string: String { text.string }
    public var isHeading: Bool { heading != nil }
}

/// A rebuilt table: rows × columns of cells, each with its source span and header path.
public struct Table: Sendable {
    public enum Origin: String, Sendable {
        case tabSeparated, cellPerLine, markdown, docx, xlsx
        /// A web page's table flattened into text: one row per line, cells divided by spaces.
        case spaceSeparated
    }

    public var index: Int
    public var origin: Origin
    /// The caption lines before the table ("表5 2020年…情况表"), if any.
    public var caption: String
    /// A unit stated for the whole table ("单位：万元"), if any.
    public var unit: String?
    /// The unit line lists % beside the money unit ("单位：万元、%"): some columns hold percentages.
    public var unitListsPercent = false
    public var rows: [TableRow]
    public var columnCount: Int
    /// Header paths per column, one array per header segment (a table can restate its header with
    /// other columns further down, as score sheets split in sections do).
    public var headerSegments: [[String]]
    public var sectionPath: [Int]
    public var firstLine: Int
    public var lastLine: Int

    public func headers(for row: TableRow) -> [String] {
        guard row.segment >= 0 && row.segment < headerSegments.count else { return [] }
        return headerSegments[row.segment]
    }

    public func header(row: TableRow, column: Int) -> String {
        let h = headers(for: row)
        return column < h.count ? h[column] : ""
    }
}

public struct TableRow: Sendable {
    public enum Kind: String, Sendable {
        /// A header row (column titles).
        case header
        /// A repeat of the header after a page break: kept for positions, ignored by checks.
        case repeatedHeader
        /// A row with one cell spanning the table: a section title inside the table.
        case caption
        case data
    }

    public var kind: Kind
    public var cells: [TableCell]
    /// Which header segment governs this row (index into `Table.headerSegments`; -1 before any).
    public var segment: Int
    /// The line number of the row's first line.
    public var line: Int
    public var lastLine: Int

    public func cell(_ column: Int) -> TableCell? {
        cells.first { $0.column <= column && column < $0.column + $0.span }
    }
}

public struct TableCell: Sendable {
    public var text: TextRun
    /// 0-based column where the cell starts, and how many columns it spans.
    public var column: Int
    public var span: Int
    /// True when the text was filled from a merged cell above (or to the left, in headers):
    /// the cell is empty in the source.
    public var inherited: Bool
    /// A readable place (.docx/.xlsx).
    public var place: String?

    public var string: String { text.string }
    /// Nothing but white space (read in place: the trimmed copy was made for every test).
    public var isEmpty: Bool { text.trimmedRange(0..<text.count).isEmpty }
}
