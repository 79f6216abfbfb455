import Foundation
import Testing
@testable import JXCheck

@Suite("DigitSlip: a shortfall of one digit at one place")
struct DigitSlipTests {
    @Test func plainWritingsAreReadByPlace() throws {
        let d = try #require(DigitSlip.Digits("1,024.90"))
        #expect(d.digit(at: 0) == 4 && d.digit(at: 3) == 1 && d.digit(at: -1) == 9 && d.digit(at: -2) == 0)
        #expect(d.digit(at: 4) == nil && d.digit(at: -3) == nil)
        #expect(d.leadingPlace == 3 && d.finestNonzeroPlace == -1)
        #expect(DigitSlip.Digits("0.30")?.leadingPlace == -1)
        #expect(DigitSlip.Digits("2350")?.finestNonzeroPlace == 1)
        #expect(DigitSlip.Digits("三百") == nil && DigitSlip.Digits("-5") == nil && DigitSlip.Digits("1.2.3") == nil && DigitSlip.Digits(".5") == nil)
    }

    @Test func writtenDigitsLeaveOutTheZerosThatEndAWholeNumber() {
        #expect(DigitSlip.Digits("47600")?.writtenDigits == 3)
        #expect(DigitSlip.Digits("0.30")?.writtenDigits == 2)
        #expect(DigitSlip.Digits("8353")?.writtenDigits == 4)
        #expect(DigitSlip.Digits("300")?.writtenDigits == 1)
        #expect(DigitSlip.Digits("0")?.writtenDigits == 0)
    }

    @Test func aShortfallIsOneDigitAtOnePlaceOrNot() {
        #expect(DigitSlip.singleDigit(6000)! == (6, 3))
        #expect(DigitSlip.singleDigit(Decimal(string: "0.04")!)! == (4, -2))
        #expect(DigitSlip.singleDigit(7)! == (7, 0))
        #expect(DigitSlip.singleDigit(6100) == nil)
        #expect(DigitSlip.singleDigit(Decimal(string: "0.41")!) == nil)
        #expect(DigitSlip.singleDigit(0) == nil && DigitSlip.singleDigit(-6000) == nil)
    }

    @Test func aCorrectionChangesOneDigitWithoutCarryOrANewPlace() {
        #expect(DigitSlip.corrected("2353", adding: 6, at: 3, minWrittenDigits: 3) == "8353")
        #expect(DigitSlip.corrected("10441", adding: -6, at: 3, minWrittenDigits: 3) == nil)        // 0 − 6: a borrow
        #expect(DigitSlip.corrected("70441", adding: -6, at: 4, minWrittenDigits: 3) == "10441")
        #expect(DigitSlip.corrected("60441", adding: -6, at: 4, minWrittenDigits: 3) == nil)        // the leading digit would vanish
        #expect(DigitSlip.corrected("353", adding: 8, at: 3, minWrittenDigits: 3) == nil)           // a digit not written
        #expect(DigitSlip.corrected("1,024.30", adding: 6, at: -1, minWrittenDigits: 3) == "1024.90")
        #expect(DigitSlip.corrected("300", adding: 1, at: 2, minWrittenDigits: 3) == nil)           // too round to tell
        #expect(DigitSlip.corrected("8353", adding: 3, at: 3, minWrittenDigits: 3) == nil)          // 8 + 3: a carry
    }
}
