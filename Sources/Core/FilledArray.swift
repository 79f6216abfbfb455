/// Arrays written straight into memory without `Array(unsafeUninitializedCapacity:)`: that
/// initializer allocates in the standard library's unspecialized code, which looks the storage
/// class's metadata up in the runtime's table on every call (≈ 450 instructions, 2% of a batch
/// of short lines). Here the elements are written into a temporary buffer (on the stack when
/// small) and copied into an array allocated by specialized code.
public enum FilledArray {
    /// An array of at most `capacity` elements: `body` initializes a prefix of the buffer and
    /// returns its length.
    @inlinable
    public static func make<T: BitwiseCopyable>(capacity: Int, _ body: (UnsafeMutableBufferPointer<T>) -> Int) -> [T] {
        guard capacity > 0 else { return [] }
        return withUnsafeTemporaryAllocation(of: T.self, capacity: capacity) { buffer in
            let n = body(buffer)
            precondition(n >= 0 && n <= capacity)
            var out = [T]()
            out.reserveCapacity(n)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
            return out
        }
    }
}
