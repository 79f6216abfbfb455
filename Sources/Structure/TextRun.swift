import JXCore

/// Normalized text with the original position of every scalar: the unit every later stage reads.
public struct TextRun: Sendable {
    public var scalars: [Unicode.Scalar]
    public var positions: [SourcePosition]

    public init() {
        scalars = []
        positions = []
    }

    public init(scalars: [Unicode.Scalar], positions: [SourcePosition]) {
        precondition(scalars.count == positions.count)
        self.scalars = scalars
        self.positions = positions
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }
    public var string: String { ScalarString.make(scalars) }

    public func string(_ range: Range<Int>) -> String {
        let r = clamp(range)
        return ScalarString.make(scalars[r])
    }

    public mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
        scalars.append(scalar)
        positions.append(position)
    }

    public mutating func append(_ other: TextRun) {
        scalars.append(contentsOf: other.scalars)
        positions.append(contentsOf: other.positions)
    }

    public func slice(_ range: Range<Int>) -> TextRun {
        let r = clamp(range)
        return TextRun(scalars: Array(scalars[r]), positions: Array(positions[r]))
    }

    /// The source span of a range of this text (nil for an empty text).
    public func span(_ range: Range<Int>) -> SourceSpan? {
        guard !positions.isEmpty else { return nil }
        let r = clamp(range)
        if r.isEmpty {
            let p = positions[min(r.lowerBound, positions.count - 1)]
            return SourceSpan(p)
        }
        return SourceSpan(start: positions[r.lowerBound], end: positions[r.upperBound - 1])
    }

    public var fullSpan: SourceSpan? { span(0..<count) }

    /// The text without leading and trailing white space (spaces, U+3000, tabs, newlines).
    public func trimmed() -> TextRun {
        let r = trimmedRange(0..<count)
        return slice(r)
    }

    public func trimmedRange(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi && isSpace(scalars[lo]) { lo += 1 }
        while hi > lo && isSpace(scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    public func clamp(_ range: Range<Int>) -> Range<Int> {
        let lo = min(max(range.lowerBound, 0), count)
        let hi = min(max(range.upperBound, lo), count)
        return lo..<hi
    }

    @inline(__always) func isSpace(_ s: Unicode.Scalar) -> Bool { TextRun.isSpace(s) }

    /// The white space `trimmed()` drops.
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x3000 || v == 0xA0
    }

    /// Index of the first occurrence of `needle` at or after `from`, or nil.
    public func firstIndex(of needle: [Unicode.Scalar], from: Int = 0, before limit: Int? = nil) -> Int? {
        ScalarSearch.firstIndex(of: needle, in: scalars, from: from, before: limit)
    }

    public func hasPrefix(_ prefix: String, at index: Int = 0) -> Bool {
        var i = index
        for s in prefix.unicodeScalars {
            guard i < count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }
}

extension String {
    /// Scalars of a string literal, for the scanners.
    public var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }
}
