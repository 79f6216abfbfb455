import Foundation
import JXCore

/// One written digit of a figure typed wrong: "8353" written "2353" moves the figure by 6000 — a
/// single nonzero digit at one place. A list that falls short of its whole by such an amount is
/// most likely complete with one digit slipped, not a list of some of the parts.
enum DigitSlip {
    /// A plain decimal writing ("1,024.90", "8353", "0.30"): its digits by place. Other writings
    /// (Chinese numerals, signs, exponents) give nil.
    struct Digits: Equatable {
        /// Integer digits, most significant first, and fraction digits as written.
        var integer: [Int]
        var fraction: [Int]

        init?(_ literal: String) {
            var integer = [Int](), fraction = [Int]()
            var inFraction = false
            for ch in literal.unicodeScalars {
                switch ch {
                case "0"..."9":
                    let d = Int(ch.value - 48)
                    if inFraction { fraction.append(d) } else { integer.append(d) }
                case ",":
                    if inFraction { return nil }
                case ".":
                    if inFraction { return nil }
                    inFraction = true
                default:
                    return nil
                }
            }
            guard !integer.isEmpty else { return nil }
            self.integer = integer
            self.fraction = fraction
        }

        /// The digit at a place (0 the units, 1 the tens, −1 the tenths); nil beyond what is written.
        func digit(at place: Int) -> Int? {
            if place >= 0 { return place < integer.count ? integer[integer.count - 1 - place] : nil }
            return -place <= fraction.count ? fraction[-place - 1] : nil
        }

        /// The place of the leading digit (integer part, zeros in front not counted).
        var leadingPlace: Int {
            if let first = integer.firstIndex(where: { $0 != 0 }) { return integer.count - 1 - first }
            if let first = fraction.firstIndex(where: { $0 != 0 }) { return -first - 1 }
            return 0
        }

        /// The place of the last nonzero digit ("2350" → 1, "8.70" → −1, "0" → 0).
        var finestNonzeroPlace: Int {
            if let last = fraction.lastIndex(where: { $0 != 0 }) { return -last - 1 }
            if let last = integer.lastIndex(where: { $0 != 0 }) { return integer.count - 1 - last }
            return 0
        }

        /// How many digits the writing commits to: from the first nonzero digit to the last
        /// written one, the zeros that end a whole number not counted ("47600" → 3, "0.30" → 2).
        var writtenDigits: Int {
            let all = integer + fraction
            guard let first = all.firstIndex(where: { $0 != 0 }) else { return 0 }
            var last = all.count - 1
            if fraction.isEmpty { while last > first && all[last] == 0 { last -= 1 } }
            return last - first + 1
        }
    }

    /// The amount as one nonzero digit at one place (6000 → (6, 3), 0.04 → (4, −2)); nil otherwise.
    static func singleDigit(_ amount: Decimal) -> (digit: Int, place: Int)? {
        guard amount > 0 else { return nil }
        var scale = 0
        var scaled = amount
        // at most 12 decimal places: a figure of a report is never written finer
        while scale < 12 && scaled != Decimals.rounded(scaled, scale: 0) { scaled *= 10; scale += 1 }
        guard scaled == Decimals.rounded(scaled, scale: 0) else { return nil }
        var text = Decimals.format(scaled, scale: 0)
        var place = -scale
        while text.hasSuffix("0") && text.count > 1 { text.removeLast(); place += 1 }
        guard text.count == 1, let d = Int(text), d > 0 else { return nil }
        return (d, place)
    }

    /// What the figure would be with `delta` (one digit at one place, signed) added to that one
    /// digit alone — no carry, no new or vanished leading digit — if it writes enough digits.
    static func corrected(_ literal: String, adding digit: Int, at place: Int, minWrittenDigits: Int) -> String? {
        guard let digits = Digits(literal), digits.writtenDigits >= minWrittenDigits,
              let old = writtenDigit(of: digits, at: place) else { return nil }
        let new = old + digit
        guard (0...9).contains(new) else { return nil }
        // the leading digit stays a nonzero digit (a figure does not lose or gain a place)
        if place == digits.leadingPlace && new == 0 { return nil }
        var out = digits
        if place >= 0 { out.integer[digits.integer.count - 1 - place] = new } else { out.fraction[-place - 1] = new }
        return out.integer.map(String.init).joined() + (out.fraction.isEmpty ? "" : "." + out.fraction.map(String.init).joined())
    }

    private static func writtenDigit(of digits: Digits, at place: Int) -> Int? {
        // a place before the leading digit is no written digit ("353" has no thousands to slip)
        if place > digits.leadingPlace { return nil }
        return digits.digit(at: place)
    }
}
