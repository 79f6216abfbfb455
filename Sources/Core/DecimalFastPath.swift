import Foundation

// Foundation's `Decimal` arithmetic works on heap-allocated arrays of 16-bit words: every
// comparison, sum, product and quotient allocates several (a compact() after each result alone
// divides by ten through an array per digit). These functions give the same results — the same
// value AND the same representation (exponent, length, flags, mantissa), so what is shown, hashed
// or compared later cannot move — from 64-bit machine words, for the values a report holds (at most
// 38 digits, exponents near zero). Anything else (NaN, a 129-bit intermediate, an exponent near the
// ends of its range, a divisor wider than 64 bits) goes to Foundation's operator unchanged.
// Every path is checked against the plain operators, bit for bit, in DecimalFastPathTests.
extension Decimals {
    /// The value in floating point, to within a few units of its last place: only to rule out
    /// what exact arithmetic would rule out anyway (never to state a figure).
    public static func approximateDouble(_ value: Decimal) -> Double {
        guard let parts = DecimalParts(value) else { return NSDecimalNumber(decimal: value).doubleValue }
        let magnitude = Double(parts.magnitude.high) * 18446744073709551616.0 + Double(parts.magnitude.low)
        let scaled = magnitude * pow(10.0, Double(parts.exponent))
        return parts.isNegative ? -scaled : scaled
    }

    /// `a + b`, bit for bit.
    public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let x = DecimalParts(a), let y = DecimalParts(b) else { return a + b }
        return sum(x, y, a: a, b: b) ?? a + b
    }

    /// `a - b`, bit for bit (Foundation adds the negated subtrahend).
    public static func difference(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let x = DecimalParts(a), var y = DecimalParts(b) else { return a - b }
        if y.magnitude.isZero { return a }
        if x.magnitude.isZero { return -b }
        y.isNegative.toggle()
        return sum(x, y, a: a, b: b) ?? a - b
    }

    /// `a * b`, bit for bit.
    public static func product(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let x = DecimalParts(a), let y = DecimalParts(b) else { return a * b }
        if x.magnitude.isZero || y.magnitude.isZero { return .zero }
        let exponent = x.exponent + y.exponent
        // Foundation rounds a product wider than 128 bits, and rejects an exponent past Int8
        guard exponent >= -128, exponent <= 127, let magnitude = x.magnitude.multipliedExactly(by: y.magnitude) else {
            return a * b
        }
        return DecimalParts.compacted(magnitude, exponent: exponent, isNegative: x.isNegative != y.isNegative)
    }

    /// `a / b`, bit for bit: Foundation's quotient is ⌊|a|·10^38 / |b|⌋ cut (toward zero) to 128
    /// bits — first by 10^4 while it is wider than 144 bits, then by 10 — then compacted. The same
    /// steps here, in four 64-bit limbs, for a divisor below 2^64.
    public static func quotient(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let x = DecimalParts(a), let y = DecimalParts(b), y.magnitude.high == 0, y.magnitude.low != 0,
              x.exponent - y.exponent < 19 // past that Foundation first trades digits between the operands
        else { return a / b }
        if x.magnitude.isZero { return .zero }
        var dividend = Limbs256.tenTo38Times(x.magnitude)
        dividend.divide(by: y.magnitude.low)
        var dropped = 0
        while dividend.isAtLeast2To144 {
            dividend.divide(by: 10_000)
            dropped += 4
        }
        while dividend.isAtLeast2To128 {
            dividend.divide(by: 10)
            dropped += 1
        }
        let exponent = x.exponent - y.exponent - 38 + dropped
        guard exponent >= -128, exponent <= 127 else { return a / b }
        return DecimalParts.compacted(dividend.low128, exponent: exponent, isNegative: x.isNegative != y.isNegative)
    }

    /// `Decimal(sign:exponent:significand: Decimal(magnitude))`, bit for bit, built directly.
    public static func make(magnitude: UInt64, exponent: Int, negative: Bool) -> Decimal {
        // Foundation moves the significand's trailing zeros (at most 19) into the exponent and
        // gives NaN past 127; a zero, and exponents near the ends, take its path
        guard magnitude != 0, exponent >= -128, exponent <= 127 - 19, RawDecimal.layoutIsKnown else {
            return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(magnitude))
        }
        return DecimalParts.compacted(UInt128Parts(high: 0, low: magnitude), exponent: exponent, isNegative: negative)
    }

    /// `Decimal(string:)` of digits and points (a cap's "30", "2.5"), without a String in the usual
    /// case (at most 18 digits, one point, not zero: Foundation's parser keeps a zero's exponent).
    public static func parse(digitsAndPoints text: [Unicode.Scalar]) -> Decimal? {
        var mantissa: UInt64 = 0, digits = 0, decimals = 0, sawPoint = false
        for c in text {
            if c == "." {
                if sawPoint { return Decimal(string: ScalarString.make(text)) }
                sawPoint = true
            } else if c.value >= 48 && c.value <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(c.value - 48)
                digits += 1
                if sawPoint { decimals += 1 }
            } else {
                return Decimal(string: ScalarString.make(text))
            }
        }
        guard digits > 0, digits <= 18, mantissa != 0 else { return Decimal(string: ScalarString.make(text)) }
        return make(magnitude: mantissa, exponent: -decimals, negative: false)
    }

    /// `NSDecimalNumber(decimal: value).stringValue` ("-12.5", "0.005", "1200"), without
    /// Foundation's division by ten through an array per digit.
    public static func plainText(_ value: Decimal) -> String {
        guard let parts = DecimalParts(value) else { return NSDecimalNumber(decimal: value).stringValue }
        if parts.magnitude.isZero { return "0" }
        let digits = parts.magnitude.decimalDigits
        let sign = parts.isNegative ? "-" : ""
        if parts.exponent >= 0 { return sign + digits + String(repeating: "0", count: parts.exponent) }
        let fractionDigits = -parts.exponent
        if digits.count > fractionDigits {
            let point = digits.index(digits.endIndex, offsetBy: -fractionDigits)
            return sign + digits[..<point] + "." + digits[point...]
        }
        return sign + "0." + String(repeating: "0", count: fractionDigits - digits.count) + digits
    }

    /// `a < b`.
    public static func less(_ a: Decimal, _ b: Decimal) -> Bool {
        guard let order = order(a, b) else { return a < b }
        return order == .orderedAscending
    }

    /// `a <= b`.
    public static func lessOrEqual(_ a: Decimal, _ b: Decimal) -> Bool {
        guard let order = order(a, b) else { return a <= b }
        return order != .orderedDescending
    }

    /// `a == b`.
    public static func equal(_ a: Decimal, _ b: Decimal) -> Bool {
        guard let order = order(a, b) else { return a == b }
        return order == .orderedSame
    }

    /// `Swift.min(a, b)`: `a` when they are equal (which of two equal values is kept matters:
    /// their representations may differ).
    public static func minimum(_ a: Decimal, _ b: Decimal) -> Decimal { less(b, a) ? b : a }

    /// `Swift.max(a, b)`: `b` when they are equal.
    public static func maximum(_ a: Decimal, _ b: Decimal) -> Decimal { less(b, a) ? a : b }

    // MARK: the shared steps

    /// Foundation's `_add`: a zero operand returns the other untouched; else both go to the smaller
    /// exponent (nil when that needs more than 128 bits: Foundation then drops digits) and the
    /// result is compacted. `y` may be the negated right operand of a difference (its zero cases
    /// are the caller's).
    private static func sum(_ x: DecimalParts, _ y: DecimalParts, a: Decimal, b: Decimal) -> Decimal? {
        if x.magnitude.isZero { return b }
        if y.magnitude.isZero { return a }
        guard let pair = DecimalParts.aligned(x, y) else { return nil }
        let p = pair.left, q = pair.right
        if x.isNegative == y.isNegative {
            guard let total = p.addingExactly(q) else { return nil }
            return DecimalParts.compacted(total, exponent: pair.exponent, isNegative: x.isNegative)
        }
        if p == q { return .zero }
        return p < q
            ? DecimalParts.compacted(q.subtracting(p), exponent: pair.exponent, isNegative: y.isNegative)
            : DecimalParts.compacted(p.subtracting(q), exponent: pair.exponent, isNegative: x.isNegative)
    }

    /// Foundation's `_compare` (sign first, then zeros, then the magnitudes at a common exponent);
    /// nil when Foundation itself must answer.
    private static func order(_ a: Decimal, _ b: Decimal) -> ComparisonResult? {
        guard let x = DecimalParts(a), let y = DecimalParts(b) else { return nil }
        if x.isNegative != y.isNegative { return x.isNegative ? .orderedAscending : .orderedDescending }
        if x.magnitude.isZero { return y.magnitude.isZero ? .orderedSame : .orderedAscending }
        if y.magnitude.isZero { return .orderedDescending }
        guard let pair = DecimalParts.aligned(x, y) else { return nil }
        if pair.left == pair.right { return .orderedSame }
        return (pair.left < pair.right) != x.isNegative ? .orderedAscending : .orderedDescending
    }
}

/// A Decimal as a dictionary key: Decimal's own hash (so a dictionary's buckets and order stay
/// what they were) and equality through the fast comparison (Foundation's `==` compares through
/// arrays whenever two representations differ: on every probe past a key's own bucket).
public struct DecimalKey: Hashable {
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public static func == (a: DecimalKey, b: DecimalKey) -> Bool { Decimals.equal(a.value, b.value) }

    public func hash(into hasher: inout Hasher) { value.hash(into: &hasher) }
}

/// A finite `Decimal` taken apart: sign, exponent and a 128-bit magnitude. Only the canonical form
/// Foundation itself produces is accepted (length = the words the magnitude needs, nothing
/// reserved), and never NaN.
struct DecimalParts {
    var magnitude: UInt128Parts
    var exponent: Int
    var isNegative: Bool

    @inline(__always)
    init?(_ value: Decimal) {
        guard RawDecimal.layoutIsKnown else { return nil }
        let raw = unsafeBitCast(value, to: RawDecimal.self)
        guard raw.lengthAndFlags & RawDecimal.reservedBits == 0, raw.reserved == 0 else { return nil }
        let length = Int(raw.lengthAndFlags >> 4)
        let negative = raw.lengthAndFlags & RawDecimal.negativeBit != 0
        if length == 0 {
            if negative { return nil } // NaN
            magnitude = UInt128Parts(high: 0, low: 0)
        } else {
            magnitude = UInt128Parts(high: UInt64(raw.word3) << 32 | UInt64(raw.word2), low: UInt64(raw.word1) << 32 | UInt64(raw.word0))
            guard magnitude.wordCount == length else { return nil }
        }
        exponent = Int(raw.exponent)
        isNegative = negative
    }

    /// Both magnitudes at the smaller exponent, as Foundation's `_normalize` puts them when the
    /// shifted one still fits in 128 bits (nil otherwise).
    @inline(__always)
    static func aligned(_ x: DecimalParts, _ y: DecimalParts) -> (left: UInt128Parts, right: UInt128Parts, exponent: Int)? {
        if x.exponent == y.exponent { return (x.magnitude, y.magnitude, x.exponent) }
        if x.exponent > y.exponent {
            guard let shifted = x.magnitude.timesPowerOfTen(x.exponent - y.exponent) else { return nil }
            return (shifted, y.magnitude, y.exponent)
        }
        guard let shifted = y.magnitude.timesPowerOfTen(y.exponent - x.exponent) else { return nil }
        return (x.magnitude, shifted, x.exponent)
    }

    /// The Decimal Foundation's `compact()` makes of a nonzero result: trailing zeros of the
    /// magnitude move into the exponent (which stays at most 127), marked compact.
    static func compacted(_ magnitude: UInt128Parts, exponent: Int, isNegative: Bool) -> Decimal {
        var m = magnitude, e = exponent
        while e < 127, let tenth = m.exactTenth {
            m = tenth
            e += 1
        }
        let flags = UInt8(m.wordCount) << 4 | (isNegative ? RawDecimal.negativeBit : 0) | RawDecimal.compactBit
        return unsafeBitCast(
            RawDecimal(exponent: Int8(e), lengthAndFlags: flags, reserved: 0,
                       word0: UInt32(truncatingIfNeeded: m.low), word1: UInt32(truncatingIfNeeded: m.low >> 32),
                       word2: UInt32(truncatingIfNeeded: m.high), word3: UInt32(truncatingIfNeeded: m.high >> 32)),
            to: Decimal.self)
    }
}

/// The stored form of a swift-foundation `Decimal` (its fields are internal there): the exponent,
/// a byte of length (high four bits), sign, compact flag and two reserved bits, sixteen more
/// reserved bits, and the 128-bit mantissa in 16-bit words, least significant first (read here
/// as 32-bit words of a little-endian machine). `layoutIsKnown` checks all of this against values
/// Foundation builds; where it fails (another Foundation), every operation takes Foundation's path.
struct RawDecimal {
    var exponent: Int8
    var lengthAndFlags: UInt8
    var reserved: UInt16
    var word0: UInt32, word1: UInt32, word2: UInt32, word3: UInt32

    static let negativeBit: UInt8 = 0b1000
    static let compactBit: UInt8 = 0b0100
    static let reservedBits: UInt8 = 0b0011

    static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == MemoryLayout<RawDecimal>.size else { return false }
        // read: −(2^80 + 3·2^32 + 7)·10^−3
        let wide = Decimal(UInt64(1) << 48) * Decimal(UInt64(1) << 32) + Decimal(UInt64(3) << 32 | 7)
        let read = unsafeBitCast(Decimal(sign: .minus, exponent: -3, significand: wide), to: RawDecimal.self)
        guard read.exponent == -3, read.lengthAndFlags == 6 << 4 | negativeBit | compactBit, read.reserved == 0,
              read.word0 == 7, read.word1 == 3, read.word2 == 1 << 16, read.word3 == 0 else { return false }
        // written: 1.5 and −1234567.000089 (each compact, as Foundation's parser leaves them)
        let oneAndAHalf = unsafeBitCast(
            RawDecimal(exponent: -1, lengthAndFlags: 1 << 4 | compactBit, reserved: 0, word0: 15, word1: 0, word2: 0, word3: 0),
            to: Decimal.self)
        let negative = unsafeBitCast(
            RawDecimal(exponent: -6, lengthAndFlags: 3 << 4 | negativeBit | compactBit, reserved: 0,
                       word0: UInt32(truncatingIfNeeded: 1_234_567_000_089 as UInt64), word1: UInt32(1_234_567_000_089 as UInt64 >> 32),
                       word2: 0, word3: 0),
            to: Decimal.self)
        return oneAndAHalf.description == "1.5" && oneAndAHalf == Decimal(string: "1.5")
            && negative.description == "-1234567.000089" && negative == Decimal(string: "-1234567.000089")
    }()
}

/// An unsigned 128-bit integer as two 64-bit halves (the standard `UInt128` needs macOS 15).
struct UInt128Parts: Equatable {
    var high: UInt64
    var low: UInt64

    var isZero: Bool { high == 0 && low == 0 }

    /// How many 16-bit words the value needs (a Decimal's `_length`).
    var wordCount: Int {
        high != 0 ? 4 + (64 - high.leadingZeroBitCount + 15) / 16 : (64 - low.leadingZeroBitCount + 15) / 16
    }

    static func < (a: UInt128Parts, b: UInt128Parts) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

    func addingExactly(_ other: UInt128Parts) -> UInt128Parts? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (high1, overflow1) = high.addingReportingOverflow(other.high)
        let (high2, overflow2) = high1.addingReportingOverflow(carry ? 1 : 0)
        return overflow1 || overflow2 ? nil : UInt128Parts(high: high2, low: low)
    }

    /// self − other, for other ≤ self.
    func subtracting(_ other: UInt128Parts) -> UInt128Parts {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        return UInt128Parts(high: high &- other.high &- (borrow ? 1 : 0), low: low)
    }

    func multipliedExactly(by factor: UInt64) -> UInt128Parts? {
        let (lowCarry, low) = low.multipliedFullWidth(by: factor)
        let (highOverflow, highPart) = high.multipliedFullWidth(by: factor)
        let (high, carry) = highPart.addingReportingOverflow(lowCarry)
        return highOverflow != 0 || carry ? nil : UInt128Parts(high: high, low: low)
    }

    func multipliedExactly(by other: UInt128Parts) -> UInt128Parts? {
        if high == 0 {
            if other.high == 0 {
                let (high, low) = low.multipliedFullWidth(by: other.low)
                return UInt128Parts(high: high, low: low)
            }
            return other.multipliedExactly(by: low)
        }
        return other.high == 0 ? multipliedExactly(by: other.low) : nil
    }

    /// self·10^power, nil past 128 bits.
    func timesPowerOfTen(_ power: Int) -> UInt128Parts? {
        var value = self, left = power
        while left > 0 {
            let step = Swift.min(left, 19)
            guard let next = value.multipliedExactly(by: UInt128Parts.powersOfTen[step]) else { return nil }
            value = next
            left -= step
        }
        return value
    }

    /// ⌊self / divisor⌋ and the remainder (divisor > 0).
    func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt128Parts, remainder: UInt64) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (UInt128Parts(high: highQuotient, low: lowQuotient), remainder)
    }

    /// The value in decimal digits, no leading zeros ("0" for zero).
    var decimalDigits: String {
        if high == 0 { return String(low) }
        // the last 19 digits, zero-padded, after the digits of the rest
        let (rest, last) = quotientAndRemainder(dividingBy: UInt128Parts.powersOfTen[19])
        let lastDigits = String(last)
        return rest.decimalDigits + String(repeating: "0", count: 19 - lastDigits.count) + lastDigits
    }

    /// self / 10 when ten divides self (and self is not zero).
    var exactTenth: UInt128Parts? {
        if high == 0 {
            return low != 0 && low % 10 == 0 ? UInt128Parts(high: 0, low: low / 10) : nil
        }
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: 10)
        let (lowQuotient, remainder) = UInt64(10).dividingFullWidth((highRemainder, low))
        return remainder == 0 ? UInt128Parts(high: highQuotient, low: lowQuotient) : nil
    }

    static let powersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { product, _ in product * 10 } }
}

/// An unsigned 256-bit integer in four 64-bit limbs, least significant first: the dividend of a
/// quotient (a 128-bit magnitude times 10^38).
struct Limbs256 {
    var limb0: UInt64, limb1: UInt64, limb2: UInt64, limb3: UInt64

    /// value · 10^38.
    static func tenTo38Times(_ value: UInt128Parts) -> Limbs256 {
        // 10^38 = tenTo38High·2^64 + tenTo38Low
        let tenTo38High: UInt64 = 0x4B3B_4CA8_5A86_C47A, tenTo38Low: UInt64 = 0x098A_2240_0000_0000
        let (p00High, p00Low) = value.low.multipliedFullWidth(by: tenTo38Low)
        let (p01High, p01Low) = value.low.multipliedFullWidth(by: tenTo38High)
        let (p10High, p10Low) = value.high.multipliedFullWidth(by: tenTo38Low)
        let (p11High, p11Low) = value.high.multipliedFullWidth(by: tenTo38High)
        // limb1 = p00High + p01Low + p10Low, carries into limb2
        var carry: UInt64 = 0
        var (sum, overflow) = p00High.addingReportingOverflow(p01Low)
        carry += overflow ? 1 : 0
        (sum, overflow) = sum.addingReportingOverflow(p10Low)
        carry += overflow ? 1 : 0
        let limb1 = sum
        // limb2 = p01High + p10High + p11Low + carry, carries into limb3
        var carry2: UInt64 = 0
        (sum, overflow) = p01High.addingReportingOverflow(p10High)
        carry2 += overflow ? 1 : 0
        (sum, overflow) = sum.addingReportingOverflow(p11Low)
        carry2 += overflow ? 1 : 0
        (sum, overflow) = sum.addingReportingOverflow(carry)
        carry2 += overflow ? 1 : 0
        // the top limb cannot overflow: the whole product is below 2^255
        return Limbs256(limb0: p00Low, limb1: limb1, limb2: sum, limb3: p11High &+ carry2)
    }

    /// self = ⌊self / divisor⌋ (divisor > 0).
    mutating func divide(by divisor: UInt64) {
        var remainder: UInt64
        (limb3, remainder) = limb3.quotientAndRemainder(dividingBy: divisor)
        (limb2, remainder) = divisor.dividingFullWidth((remainder, limb2))
        (limb1, remainder) = divisor.dividingFullWidth((remainder, limb1))
        (limb0, _) = divisor.dividingFullWidth((remainder, limb0))
    }

    var isAtLeast2To144: Bool { limb3 != 0 || limb2 >= 1 << 16 }
    var isAtLeast2To128: Bool { limb3 != 0 || limb2 != 0 }
    var low128: UInt128Parts { UInt128Parts(high: limb1, low: limb0) }
}
