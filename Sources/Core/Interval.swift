import Foundation

/// Exact decimal arithmetic helpers. Money is never a `Double`.
public enum Decimals {
    /// 10^exponent as an exact `Decimal` (exponent may be negative).
    public static func pow10(_ exponent: Int) -> Decimal {
        make(magnitude: 1, exponent: exponent, negative: false)
    }

    /// Half a unit in the last shown place: the rounding slack of a number shown with `decimals` places.
    public static func halfUnit(decimals: Int) -> Decimal {
        make(magnitude: 5, exponent: -(decimals + 1), negative: false)
    }

    /// mantissa·10^exponent, made without arithmetic.
    public static func make(_ mantissa: Int64, exponent: Int) -> Decimal {
        make(magnitude: mantissa.magnitude, exponent: exponent, negative: mantissa < 0)
    }

    /// Rounds half away from zero to `scale` places.
    public static func rounded(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// Plain decimal text with exactly `scale` places ("98.81", "-3.00"); no exponent, no grouping.
    public static func format(_ value: Decimal, scale: Int) -> String {
        let r = rounded(value, scale: max(0, scale))
        var text = plainText(r)
        if text.hasPrefix("-0"), r == 0 { text.removeFirst() }
        if scale <= 0 { return text }
        if let dot = text.firstIndex(of: ".") {
            let shown = text.distance(from: text.index(after: dot), to: text.endIndex)
            if shown < scale { text += String(repeating: "0", count: scale - shown) }
        } else {
            text += "." + String(repeating: "0", count: scale)
        }
        return text
    }

    /// Shortest plain text of an exact value (at most `maxScale` places, trailing zeros dropped).
    public static func formatShort(_ value: Decimal, maxScale: Int = 4) -> String {
        var text = format(value, scale: maxScale)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text
    }
}

/// A closed interval [lo, hi] of exact decimals: what a rounded number stands for.
/// Formulas are evaluated in interval arithmetic; an equality fails only when the intervals do not
/// overlap (the rule of XBRL Calculations 1.1), so a correctly rounded report never raises a finding.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    public var lo: Decimal
    public var hi: Decimal

    public init(lo: Decimal, hi: Decimal) {
        self.lo = Decimals.minimum(lo, hi)
        self.hi = Decimals.maximum(lo, hi)
    }

    /// Bounds already in order (no comparison).
    @inlinable
    public init(ordered lo: Decimal, _ hi: Decimal) {
        self.lo = lo
        self.hi = hi
    }

    /// An exact value (a count, a constant).
    public init(exactly value: Decimal) {
        lo = value
        hi = value
    }

    /// A value shown with `decimals` places, e.g. "12.34" stands for [12.335, 12.345].
    /// Integers (decimals == 0) are exact unless `roundedInteger` says the integer is itself rounded.
    public init(shown value: Decimal, decimals: Int, roundedInteger: Bool = false) {
        if decimals > 0 || roundedInteger {
            let half = Decimals.halfUnit(decimals: decimals)
            lo = Decimals.difference(value, half)
            hi = Decimals.sum(value, half)
        } else {
            lo = value
            hi = value
        }
    }

    // the arithmetic below goes through Decimals' fast paths: Foundation's results, bit for bit,
    // without its array arithmetic (which allocates in every comparison)

    public var midpoint: Decimal { Decimals.quotient(Decimals.sum(lo, hi), 2) }
    public var width: Decimal { Decimals.difference(hi, lo) }
    public var isExact: Bool { Decimals.equal(lo, hi) }

    public func contains(_ value: Decimal) -> Bool { Decimals.lessOrEqual(lo, value) && Decimals.lessOrEqual(value, hi) }

    public func contains(zero: Void = ()) -> Bool { Decimals.lessOrEqual(lo, 0) && Decimals.lessOrEqual(0, hi) }

    /// Closed-interval overlap: touching intervals count as consistent.
    public func overlaps(_ other: Interval) -> Bool {
        Decimals.lessOrEqual(Decimals.maximum(lo, other.lo), Decimals.minimum(hi, other.hi))
    }

    /// The least interval holding both.
    public func hull(_ other: Interval) -> Interval {
        Interval(ordered: Decimals.minimum(lo, other.lo), Decimals.maximum(hi, other.hi))
    }

    /// How far apart two intervals are (0 when they overlap).
    public func distance(to other: Interval) -> Decimal {
        if overlaps(other) { return 0 }
        return Decimals.less(hi, other.lo) ? Decimals.difference(other.lo, hi) : Decimals.difference(lo, other.hi)
    }

    public static func == (a: Interval, b: Interval) -> Bool { Decimals.equal(a.lo, b.lo) && Decimals.equal(a.hi, b.hi) }

    // sums and differences of ordered bounds are ordered (Decimal's rounding, past 38 digits, is
    // monotone): no comparisons, which were a per cent of a batch
    public static func + (a: Interval, b: Interval) -> Interval {
        Interval(ordered: Decimals.sum(a.lo, b.lo), Decimals.sum(a.hi, b.hi))
    }
    public static func - (a: Interval, b: Interval) -> Interval {
        Interval(ordered: Decimals.difference(a.lo, b.hi), Decimals.difference(a.hi, b.lo))
    }
    public static prefix func - (a: Interval) -> Interval { Interval(ordered: -a.hi, -a.lo) }

    public static func * (a: Interval, b: Interval) -> Interval {
        // the least and greatest of the four products, taken in this order (the first of equals
        // wins); a product equal to one already taken never changes them, so an exact factor
        // (a value times 10^n) costs two multiplications, not four, and no array
        var lo = Decimals.product(a.lo, b.lo), hi = lo
        func take(_ x: Decimal) {
            if Decimals.less(x, lo) { lo = x }
            if Decimals.less(hi, x) { hi = x }
        }
        switch (a.isExact, b.isExact) {
        case (true, true): break
        case (false, true): take(Decimals.product(a.hi, b.lo))
        case (true, false): take(Decimals.product(a.lo, b.hi))
        case (false, false):
            take(Decimals.product(a.lo, b.hi))
            take(Decimals.product(a.hi, b.lo))
            take(Decimals.product(a.hi, b.hi))
        }
        return Interval(lo: lo, hi: hi)
    }

    /// Division; nil when the divisor interval contains zero.
    public static func / (a: Interval, b: Interval) -> Interval? {
        if b.contains(zero: ()) { return nil }
        // the divisor keeps its sign, so the least and greatest quotients are at known corners (by
        // the signs of the dividend's ends): two divisions, not four
        let lo: Decimal, hi: Decimal
        // (a sign is plus exactly when the value is at least 0)
        if Decimals.less(0, b.lo) {
            lo = a.lo.sign == .plus ? Decimals.quotient(a.lo, b.hi) : Decimals.quotient(a.lo, b.lo)
            hi = a.hi.sign == .plus ? Decimals.quotient(a.hi, b.lo) : Decimals.quotient(a.hi, b.hi)
        } else {
            lo = a.hi.sign == .plus ? Decimals.quotient(a.hi, b.hi) : Decimals.quotient(a.hi, b.lo)
            hi = a.lo.sign == .plus ? Decimals.quotient(a.lo, b.lo) : Decimals.quotient(a.lo, b.hi)
        }
        return Interval(lo: lo, hi: hi)
    }

    /// Division by all four corners (the definition `/` is tested against).
    public static func divideByCorners(_ a: Interval, _ b: Interval) -> Interval? {
        if b.lo <= 0 && 0 <= b.hi { return nil }
        let c = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
        return Interval(lo: c.min()!, hi: c.max()!)
    }

    public var description: String {
        isExact ? Decimals.formatShort(lo, maxScale: 6) : "[\(Decimals.formatShort(lo, maxScale: 6)), \(Decimals.formatShort(hi, maxScale: 6))]"
    }
}
