/// Substring search over Unicode scalars: the one hand-written loop every scanner shares.
public enum ScalarSearch {
    /// The first index ≥ `from` (and < `limit`, when given) where `needle` starts in `hay`.
    @inlinable
    public static func firstIndex(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int = 0, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? hay.count, hay.count)
        guard !needle.isEmpty, end - needle.count >= from else { return nil }
        var i = max(from, 0)
        while i + needle.count <= end {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
