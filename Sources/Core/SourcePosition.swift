/// A place in the original input. `line` and `column` are 1-based; columns count Unicode scalars.
/// For .docx a "line" is a paragraph index (each table row counts as one paragraph); for .xlsx a row.
public struct SourcePosition: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
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
