/// A small set of scalars (punctuation, brackets) asked about once per character: a linear scan
/// of a few values, where `Set<Unicode.Scalar>` hashed every scalar with a seeded hasher.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let values: [UInt32]

    public init(arrayLiteral elements: Unicode.Scalar...) {
        values = Array(Set(elements.map(\.value))).sorted()
    }

    public init(_ text: String) {
        values = Array(Set(text.unicodeScalars.map(\.value))).sorted()
    }

    @inlinable
    public func contains(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        for x in values where x == v { return true }
        return false
    }

    public var count: Int { values.count }
}
