import Foundation
import Testing
import TestSupport
@testable import JXCore

/// Every stored byte of a Decimal: the fast paths must give Foundation's representation, not only its value.
private func bits(_ d: Decimal) -> [UInt8] {
    withUnsafeBytes(of: d) { Array($0) }
}

/// Values of every shape the fast paths must agree on: zero, few and many digits, significands
/// near 2^64 and at 38 digits, trailing zeros, negatives, exponents near zero and far from it
/// (not too far: Foundation's own operators trap when exponents differ by much more than 38).
private func sampleValues() -> [Decimal] {
    var values: [Decimal] = ["0", "1", "-1", "0.5", "-0.005", "12.34", "12.340", "-1947.965", "100", "1E+3", "0.0001",
                             "99999999999999999999.99", "12345678901234567890123456789012345678",
                             "-0.12345678901234567890123456789012345678", "18446744073709551615", "18446744073709551616",
                             "-18446744073709551615", "9223372036854775807", "340282366920938463463374607431768211455",
                             "1E+30", "1E-30", "-5E+26", "3E-28", "123456789012345678901234567890123456789E-20"]
        .map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX"))! }
    values += [Decimal(UInt64.max), Decimal(Int64.min), Decimal(Int64.max), Decimal(UInt64(1) << 63), .nan,
               Decimal(sign: .plus, exponent: 0, significand: Decimal(UInt64(1_000_000)))]
    var random = SplitMix(seed: 12)
    for _ in 0..<250 {
        let digits = Int.random(in: 1...19, using: &random)
        var significand = UInt64.random(in: 0..<UInt64.max, using: &random) % (digits == 19 ? UInt64.max : UInt128PowersOfTen.value(digits))
        if Int.random(in: 0..<6, using: &random) == 0 { significand = UInt64.max - UInt64.random(in: 0..<1000, using: &random) }
        let exponent = Int.random(in: 0..<10, using: &random) == 0 ? Int.random(in: -30...30, using: &random) : Int.random(in: -12...8, using: &random)
        let value = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        values.append(value)
    }
    // results of arithmetic (compacted, up to 38 digits) and parsed texts (not compacted)
    for i in stride(from: 0, to: 120, by: 1) {
        let a = values[(i * 7) % values.count], b = values[(i * 13 + 5) % values.count]
        if !b.isZero { values.append(a / b) }
        values.append(a * b)
        values.append(a + b)
    }
    for _ in 0..<100 {
        let text = "\(Bool.random(using: &random) ? "-" : "")\(UInt64.random(in: 0..<10_000_000, using: &random)).\(String(repeating: "0", count: Int.random(in: 0...3, using: &random)))\(UInt64.random(in: 0..<1000, using: &random))"
        values.append(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!)
    }
    return values
}

private enum UInt128PowersOfTen {
    static func value(_ power: Int) -> UInt64 { (0..<power).reduce(UInt64(1)) { product, _ in product * 10 } }
}

@Suite("Decimal fast paths")
struct DecimalFastPathTests {
    let values = sampleValues()

    @Test func theStoredFormIsTheOneTheFastPathsRead() {
        // else every operation quietly takes Foundation's path (still right, no longer fast)
        #expect(RawDecimal.layoutIsKnown)
    }

    @Test func sumsAndDifferencesAreFoundationsBitForBit() {
        for a in values { for b in values {
            #expect(bits(Decimals.sum(a, b)) == bits(a + b), "\(a) + \(b)")
            #expect(bits(Decimals.difference(a, b)) == bits(a - b), "\(a) - \(b)")
        } }
    }

    @Test func productsAreFoundationsBitForBit() {
        // (Foundation's own product traps when the exponents add up to less than −128)
        for a in values { for b in values where a.isNaN || b.isNaN || a.exponent + b.exponent >= -128 {
            #expect(bits(Decimals.product(a, b)) == bits(a * b), "\(a) * \(b)")
        } }
    }

    @Test func quotientsAreFoundationsBitForBit() {
        for a in values { for b in values where !b.isZero {
            #expect(bits(Decimals.quotient(a, b)) == bits(a / b), "\(a) / \(b)")
        } }
    }

    @Test func comparisonsAreFoundations() {
        for a in values { for b in values {
            #expect(Decimals.less(a, b) == (a < b), "\(a) < \(b)")
            #expect(Decimals.lessOrEqual(a, b) == (a <= b), "\(a) <= \(b)")
            #expect(Decimals.equal(a, b) == (a == b), "\(a) == \(b)")
            #expect(bits(Decimals.minimum(a, b)) == bits(Swift.min(a, b)), "min(\(a), \(b))")
            #expect(bits(Decimals.maximum(a, b)) == bits(Swift.max(a, b)), "max(\(a), \(b))")
        } }
    }

    @Test func manyRandomQuotientsOfMoney() {
        // the common case, many times: amounts with two places over amounts and rates
        var random = SplitMix(seed: 99)
        for _ in 0..<20_000 {
            let a = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: -Int.random(in: 0...4, using: &random),
                            significand: Decimal(UInt64.random(in: 0...100_000_000_000, using: &random)))
            let b = Decimal(sign: .plus, exponent: -Int.random(in: 0...4, using: &random),
                            significand: Decimal(UInt64.random(in: 1...UInt64.random(in: 1...100_000_000_000, using: &random), using: &random)))
            #expect(bits(Decimals.quotient(a, b)) == bits(a / b), "\(a) / \(b)")
            let q = a / b
            #expect(bits(Decimals.product(q, b)) == bits(q * b), "\(q) * \(b)")
            #expect(bits(Decimals.sum(q, a)) == bits(q + a), "\(q) + \(a)")
            #expect(Decimals.less(q, a) == (q < a), "\(q) < \(a)")
        }
    }

    @Test func decimalKeysGroupAsDecimalsDo() {
        // the same groups as with Decimal keys (equal values of any representation together),
        // and the same hash: Decimal's own
        var byDecimal = [Decimal: [Int]](), byKey = [DecimalKey: [Int]]()
        for (k, value) in (values + values.map { Decimals.product($0, 1) } + values.map { Decimals.sum($0, 0) }).enumerated() where !value.isNaN {
            byDecimal[value, default: []].append(k)
            byKey[DecimalKey(value), default: []].append(k)
        }
        #expect(byDecimal.count == byKey.count)
        for (value, indexes) in byDecimal {
            #expect(byKey[DecimalKey(value)] == indexes, "\(value)")
            #expect(DecimalKey(value).hashValue == value.hashValue)
        }
    }

    @Test func madeDecimalsAreFoundationsBitForBit() {
        var random = SplitMix(seed: 7)
        var cases: [(UInt64, Int, Bool)] = [(0, 0, false), (0, -3, true), (1, 0, false), (5, -3, false), (10, 0, false), (1_000, -2, true),
                                            (UInt64.max, 0, false), (10_000_000_000_000_000_000, -5, true), (7, 108, false), (7, 109, false),
                                            (70, 100, false), (3, -128, true), (30, -128, false), (12_345, -129, false)]
        for _ in 0..<3000 {
            let magnitude = UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random)
            let zeros = UInt64.random(in: 0...3, using: &random)
            let scaled = magnitude.multipliedReportingOverflow(by: UInt128PowersOfTen.value(Int(zeros)))
            cases.append((scaled.overflow ? magnitude : scaled.partialValue, Int.random(in: -30...30, using: &random), Bool.random(using: &random)))
        }
        for (magnitude, exponent, negative) in cases {
            let plain = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(magnitude))
            #expect(bits(Decimals.make(magnitude: magnitude, exponent: exponent, negative: negative)) == bits(plain), "\(magnitude)e\(exponent)")
        }
        #expect(bits(Decimals.make(-12_345, exponent: -2)) == bits(dec("-123.45")))
        #expect(bits(Decimals.pow10(-3)) == bits(Decimal(sign: .plus, exponent: -3, significand: 1)))
        #expect(bits(Decimals.halfUnit(decimals: 2)) == bits(Decimal(sign: .plus, exponent: -3, significand: 5)))
    }

    @Test func parsedDigitsAreFoundationsBitForBit() {
        var texts = ["30", "20", "2.5", "0.50", "100", "1.", ".5", "1.2.3", "0", "00.0", "0.000", "007", "12345678901234567890",
                     "123456789012345678", "1234567890123456789", "99.999999999999999", ".", "..", "", "5.00", "3a"]
        var random = SplitMix(seed: 5)
        for _ in 0..<2000 {
            let whole = String(UInt64.random(in: 0...UInt64.random(in: 0...10_000_000, using: &random), using: &random))
            let fraction = Bool.random(using: &random) ? "" : "." + String(UInt64.random(in: 0...9999, using: &random)) + String(repeating: "0", count: Int.random(in: 0...2, using: &random))
            texts.append(whole + fraction)
        }
        for text in texts {
            let parsed = Decimals.parse(digitsAndPoints: Array(text.unicodeScalars))
            let plain = Decimal(string: text)
            #expect(parsed.map(bits) == plain.map(bits), "\(text)")
        }
    }

    @Test func plainTextIsNSDecimalNumbersText() {
        var shown = values
        for value in values { for scale in [0, 1, 2, 4] { shown.append(Decimals.rounded(value, scale: scale)) } }
        shown += ["0.005", "-0.05", "1200", "-3.00", "0.000", "100.10"].map { dec($0) }
        for value in shown {
            #expect(Decimals.plainText(value) == NSDecimalNumber(decimal: value).stringValue, "\(value)")
        }
    }
}
