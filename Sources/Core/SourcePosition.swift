/// A place in the original input. `line` and `column` are 1-based; columns count Unicode scalars.
/// For .docx a "line" is a paragraph index (each table row counts as one paragraph); for .xlsx a row.
public struct SourcePosition: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    // Stored in 32 bits each: every scalar of a text run carries its position, and half the bytes
    // is half the memory a document's text touches (positions past 2³¹ are clamped: no input has them).
    @usableFromInline var storedLine: Int32
    @usableFromInline var storedColumn: Int32

    public var line: Int {
        @inlinable get { Int(storedLine) }
        @inlinable set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        @inlinable get { Int(storedColumn) }
        @inlinable set { storedColumn = Int32(clamping: newValue) }
    }

    @inlinable
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    @inlinable
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.storedLine != b.storedLine ? a.storedLine < b.storedLine : a.storedColumn < b.storedColumn
    }

    public var description: String { "\(line):\(column)" }
}

/// A closed range of the original input: `end` is the position of the last scalar (inclusive).
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(_ position: SourcePosition) {
        self.start = position
        self.end = position
    }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)-\(end)" }
}
