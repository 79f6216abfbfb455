import Foundation
import Testing
import JXCore

/// An exact decimal from its text (a float literal would go through `Double`).
func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

func iv(_ lo: String, _ hi: String) -> Interval {
    Interval(lo: dec(lo), hi: dec(hi))
}

@Suite("Interval")
struct IntervalTests {
    @Test func divisionTakesTheCornersTheSignsGive() {
        // every sign of dividend and divisor, exact and rounded ends: the same as all four corners
        let ends = ["-7.5", "-2", "-0.001", "0", "0.3", "1", "2.45", "13", "100.005"].map { Decimal(string: $0)! }
        var checked = 0
        for a1 in ends { for a2 in ends where a1 <= a2 { for b1 in ends { for b2 in ends where b1 <= b2 {
            let a = Interval(lo: a1, hi: a2), b = Interval(lo: b1, hi: b2)
            #expect(a / b == Interval.divideByCorners(a, b), "\(a) / \(b)")
            checked += 1
        } } } }
        #expect(checked > 1000)
    }

    @Test func sumsAndDifferencesKeepTheirBoundsInOrder() {
        // built without comparing the bounds: the same as the interval of the extreme values
        let ends = ["-7.5", "-2", "-0.001", "0", "0.3", "1", "2.45", "13", "100.005", "99999999999999999999.99"].map { Decimal(string: $0)! }
        for a1 in ends { for a2 in ends where a1 <= a2 { for b1 in ends { for b2 in ends where b1 <= b2 {
            let a = Interval(lo: a1, hi: a2), b = Interval(lo: b1, hi: b2)
            let sum = a + b, difference = a - b, negated = -a
            #expect(sum.lo <= sum.hi && sum == Interval(lo: a1 + b1, hi: a2 + b2), "\(a) + \(b)")
            #expect(difference.lo <= difference.hi && difference == Interval(lo: a1 - b2, hi: a2 - b1), "\(a) - \(b)")
            #expect(negated == Interval(lo: -a2, hi: -a1))
        } } } }
    }

    // MARK: construction

    @Test func shownDecimalsGiveHalfAUnitEitherSide() {
        let a = Interval(shown: dec("12.34"), decimals: 2)
        #expect(a.lo == dec("12.335"))
        #expect(a.hi == dec("12.345"))
        #expect(a.width == dec("0.01"))
        #expect(a.midpoint == dec("12.34"))
        #expect(!a.isExact)

        let b = Interval(shown: dec("822.2"), decimals: 1)
        #expect(b == iv("822.15", "822.25"))

        let c = Interval(shown: dec("0.001"), decimals: 3)
        #expect(c == iv("0.0005", "0.0015"))
    }

    @Test func integersAreExactUnlessRounded() {
        let count = Interval(shown: 12, decimals: 0)
        #expect(count.isExact)
        #expect(count.lo == 12 && count.hi == 12)
        let rounded = Interval(shown: 12, decimals: 0, roundedInteger: true)
        #expect(rounded == iv("11.5", "12.5"))
    }

    @Test func negativeShownValues() {
        let a = Interval(shown: dec("-1947.96"), decimals: 2)
        #expect(a.lo == dec("-1947.965"))
        #expect(a.hi == dec("-1947.955"))
        #expect(a.lo < a.hi)
        #expect(a.contains(dec("-1947.96")))
        #expect(!a.contains(dec("1947.96")))
    }

    @Test func boundsAreOrdered() {
        let a = Interval(lo: 5, hi: 2)
        #expect(a.lo == 2 && a.hi == 5)
        #expect(Interval(exactly: dec("3.5")) == iv("3.5", "3.5"))
    }

    // MARK: arithmetic

    @Test func addition() {
        #expect(iv("1", "2") + iv("3", "4") == iv("4", "6"))
        // 822.24 + 32542.73 = 33364.97, with the slack of both addends
        let sum = Interval(shown: dec("822.24"), decimals: 2) + Interval(shown: dec("32542.73"), decimals: 2)
        #expect(sum == iv("33364.96", "33364.98"))
    }

    @Test func subtraction() {
        #expect(iv("1", "2") - iv("3", "4") == iv("-3", "-1"))
        #expect(iv("10", "10") - iv("-2", "1") == iv("9", "12"))
        #expect(-iv("1", "2") == iv("-2", "-1"))
        #expect(-iv("-3", "4") == iv("-4", "3"))
    }

    @Test func multiplicationTakesTheExtremeProducts() {
        #expect(iv("2", "3") * iv("4", "5") == iv("8", "15"))
        #expect(iv("-1", "2") * iv("3", "4") == iv("-4", "8"))
        #expect(iv("-2", "-1") * iv("-3", "-2") == iv("2", "6"))
        #expect(iv("-2", "3") * iv("-5", "4") == iv("-15", "12"))
        // 万元 → 元: an exact factor scales the slack too
        let wan = Interval(shown: dec("12.34"), decimals: 2) * Interval(exactly: 10000)
        #expect(wan == iv("123350", "123450"))
    }

    /// The product with an exact factor (two multiplications) is the product of the four bounds:
    /// the same bounds, each written as the first of equal products would be.
    @Test func multiplicationByAnExactFactorIsTheFourProductProduct() {
        let values = ["-3.25", "-1", "0", "0.5", "2", "7.125", "10000"]
        var intervals = [Interval]()
        for a in values { for b in values { intervals.append(iv(a, b)) } }
        intervals.append(Interval(exactly: dec("1.50")))
        intervals.append(Interval(lo: dec("2.0"), hi: dec("2")))
        func reference(_ a: Interval, _ b: Interval) -> Interval {
            let c = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
            return Interval(lo: c.min()!, hi: c.max()!)
        }
        for a in intervals {
            for b in intervals {
                let fast = a * b, slow = reference(a, b)
                #expect(fast == slow, "\(a) × \(b)")
                #expect("\(fast.lo) \(fast.hi)" == "\(slow.lo) \(slow.hi)", "\(a) × \(b)")
            }
        }
    }

    @Test func division() throws {
        #expect(iv("1", "2") / iv("4", "8") == iv("0.125", "0.5"))
        #expect(iv("1", "2") / iv("-4", "-2") == iv("-1", "-0.25"))
        #expect(iv("-6", "3") / iv("3", "3") == iv("-2", "1"))
        // an execution rate: 90.00 / 100.00 * 100, within the rounding of its inputs
        let spend = Interval(shown: dec("90.00"), decimals: 2), budget = Interval(shown: dec("100.00"), decimals: 2)
        let quotient: Interval? = spend / budget
        let rate = try #require(quotient) * Interval(exactly: 100)
        #expect(rate.contains(90))
        #expect(rate.overlaps(Interval(shown: dec("90.00"), decimals: 2)))
        #expect(rate.lo > dec("89.98") && rate.hi < dec("90.02"))
    }

    @Test func divisionByAnIntervalAroundZeroIsUndefined() {
        #expect(iv("1", "2") / iv("-1", "1") == nil)
        #expect(iv("1", "2") / iv("0", "1") == nil)
        #expect(iv("1", "2") / iv("-1", "0") == nil)
        #expect(iv("1", "2") / Interval(exactly: 0) == nil)
        // a shown "0.00" stands for [-0.005, 0.005]
        #expect(iv("1", "2") / Interval(shown: 0, decimals: 2) == nil)
    }

    // MARK: comparison

    @Test func containment() {
        let a = iv("12.335", "12.345")
        #expect(a.contains(dec("12.335")))
        #expect(a.contains(dec("12.345")))
        #expect(a.contains(dec("12.34")))
        #expect(!a.contains(dec("12.3451")))
        #expect(!a.contains(dec("12.3349")))
        #expect(iv("-1", "1").contains(zero: ()))
        #expect(iv("0", "1").contains(zero: ()))
        #expect(!iv("0.001", "1").contains(zero: ()))
    }

    @Test func overlapIsClosedAndSymmetric() {
        #expect(iv("1", "2").overlaps(iv("2", "3")))       // touching counts
        #expect(iv("2", "3").overlaps(iv("1", "2")))
        #expect(iv("1", "5").overlaps(iv("2", "3")))       // nested
        #expect(!iv("1", "2").overlaps(iv("2.001", "3")))
        #expect(!iv("2.001", "3").overlaps(iv("1", "2")))
    }

    @Test func distanceBetweenIntervals() {
        #expect(iv("1", "2").distance(to: iv("2", "3")) == 0)
        #expect(iv("1", "2").distance(to: iv("5", "6")) == 3)
        #expect(iv("5", "6").distance(to: iv("1", "2")) == 3)
        #expect(iv("-3", "-2").distance(to: iv("1", "2")) == 3)
    }

    /// The rule of XBRL Calculations 1.1: correctly rounded figures never conflict; a slip beyond the
    /// rounding always does.
    @Test func roundingNeverRaisesAFalseAlarm() {
        // 1/3 + 1/3 + 1/3 shown as 0.33 + 0.33 + 0.33 against a total of 1.00
        let third = Interval(shown: dec("0.33"), decimals: 2)
        #expect((third + third + third).overlaps(Interval(shown: dec("1.00"), decimals: 2)))
        // 822.24 + 32542.73 against the stated 33463.78: off by 98.81
        let sum = Interval(shown: dec("822.24"), decimals: 2) + Interval(shown: dec("32542.73"), decimals: 2)
        let stated = Interval(shown: dec("33463.78"), decimals: 2)
        #expect(!sum.overlaps(stated))
        #expect(sum.distance(to: stated) == dec("98.795"))
    }

    @Test func description() {
        #expect(Interval(exactly: dec("12.34")).description == "12.34")
        #expect(Interval(exactly: 100).description == "100")
        #expect(Interval(shown: dec("12.34"), decimals: 2).description == "[12.335, 12.345]")
        #expect(iv("-2", "-1").description == "[-2, -1]")
    }
}

@Suite("Decimals")
struct DecimalsTests {
    @Test func powersOfTen() {
        #expect(Decimals.pow10(0) == 1)
        #expect(Decimals.pow10(4) == 10000)
        #expect(Decimals.pow10(8) == 100_000_000)
        #expect(Decimals.pow10(-2) == dec("0.01"))
    }

    @Test func halfUnit() {
        #expect(Decimals.halfUnit(decimals: 0) == dec("0.5"))
        #expect(Decimals.halfUnit(decimals: 2) == dec("0.005"))
        #expect(Decimals.halfUnit(decimals: 4) == dec("0.00005"))
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(Decimals.rounded(dec("2.345"), scale: 2) == dec("2.35"))
        #expect(Decimals.rounded(dec("2.344"), scale: 2) == dec("2.34"))
        #expect(Decimals.rounded(dec("-2.345"), scale: 2) == dec("-2.35"))
        #expect(Decimals.rounded(dec("0.5"), scale: 0) == 1)
        #expect(Decimals.rounded(dec("1234.5"), scale: 0) == 1235)
    }

    @Test func formatShowsExactlyTheScale() {
        #expect(Decimals.format(dec("98.81"), scale: 2) == "98.81")
        #expect(Decimals.format(-3, scale: 2) == "-3.00")
        #expect(Decimals.format(dec("12.5"), scale: 3) == "12.500")
        #expect(Decimals.format(dec("0.125"), scale: 2) == "0.13")
        #expect(Decimals.format(dec("1.5"), scale: 0) == "2")
        #expect(Decimals.format(dec("33463.78"), scale: 2) == "33463.78")  // no grouping
        #expect(Decimals.format(dec("100000000"), scale: 0) == "100000000")  // no exponent
        // a negative value that rounds to zero has no sign
        #expect(Decimals.format(dec("-0.001"), scale: 2) == "0.00")
        // a negative scale is read as 0
        #expect(Decimals.format(dec("7.6"), scale: -1) == "8")
    }

    @Test func formatShortDropsTrailingZeros() {
        #expect(Decimals.formatShort(dec("12.3400")) == "12.34")
        #expect(Decimals.formatShort(100) == "100")
        #expect(Decimals.formatShort(dec("100.00")) == "100")
        #expect(Decimals.formatShort(Decimal(1) / Decimal(3)) == "0.3333")
        #expect(Decimals.formatShort(Decimal(2) / Decimal(3), maxScale: 2) == "0.67")
        #expect(Decimals.formatShort(dec("-0.00001")) == "0")
        #expect(Decimals.formatShort(dec("-5.50")) == "-5.5")
    }
}
