/// Unicode properties of one scalar that the per-character loops ask about, without a search of
/// the Unicode tables per call (`properties.numericType` is one): the blocks a Chinese report is
/// written in are answered from bitmaps.
public enum ScalarProperties {
    /// `properties.numericType != nil`: a digit, a numeral (一, 十, 万, 壹, 〇), a circled number.
    @inline(__always)
    public static func isNumeric(_ ch: Unicode.Scalar) -> Bool {
        let v = ch.value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        if v >= 0x4E00 && v < 0xA000 { return numericIdeographBits.contains(v - 0x4E00) }
        if v >= 0x2000 && v < 0x2070 { return punctuationBits.contains(v - 0x2000) }
        if v >= 0x3000 && v < 0x3040 { return cjkSymbolBits.contains(v - 0x3000) }
        if v >= 0xFF00 && v < 0xFFF0 { return fullwidthBits.contains(v - 0xFF00) }
        return ch.properties.numericType != nil
    }

    /// The numeric ideographs of U+4E00–U+9FFF, as the Unicode tables of Swift's standard library
    /// give them (a test compares the two). Listed, not computed: asking the tables about all
    /// 20,992 ideographs cost a third of a millisecond at every start.
    static let numericIdeographs: [UInt16] = [
        0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E24, 0x4E5D, 0x4E8C, 0x4E94, 0x4E96, 0x4EAC, 0x4EBF, 0x4EC0, 0x4EDF,
        0x4EE8, 0x4F0D, 0x4F70, 0x4FE9, 0x5006, 0x5104, 0x5146, 0x5169, 0x516B, 0x516D, 0x5341, 0x5343, 0x5344,
        0x5345, 0x534C, 0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB, 0x58F1, 0x58F9, 0x5E7A, 0x5EFE, 0x5EFF, 0x5F0C,
        0x5F0D, 0x5F0E, 0x5F10, 0x62D0, 0x62FE, 0x634C, 0x67D2, 0x6D1E, 0x6F06, 0x7396, 0x767E, 0x7695, 0x79ED,
        0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x920E, 0x94A9, 0x9621, 0x9646, 0x964C, 0x9678, 0x96F6,
    ]

    static let numericIdeographBits = Bits(count: 0xA000 - 0x4E00, setting: numericIdeographs.map { UInt32($0) - 0x4E00 })
    // the small blocks are asked of the tables once, at first use
    static let punctuationBits = Bits(numericIn: 0x2000..<0x2070)
    static let cjkSymbolBits = Bits(numericIn: 0x3000..<0x3040)
    static let fullwidthBits = Bits(numericIn: 0xFF00..<0xFFF0)

    struct Bits: Sendable {
        var words: [UInt64]

        init(count: Int, setting offsets: [UInt32]) {
            words = [UInt64](repeating: 0, count: (count + 63) / 64)
            for k in offsets { words[Int(k >> 6)] |= 1 << UInt64(k & 63) }
        }

        init(numericIn range: Range<UInt32>) {
            let offsets = range.filter { Unicode.Scalar($0).map { $0.properties.numericType != nil } ?? false }.map { $0 - range.lowerBound }
            self.init(count: range.count, setting: offsets)
        }

        @inline(__always)
        func contains(_ k: UInt32) -> Bool { words[Int(k >> 6)] & (1 << UInt64(k & 63)) != 0 }
    }
}
