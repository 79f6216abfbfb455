import Foundation

/// An exact decimal parsed from a cell's stored text ("822.2400000000001", "1.5E-3"):
/// value = (-1)^negative × digits × 10^exponent. All display arithmetic is done on these digits,
/// never through `Double`.
struct DecimalText: Equatable {
    var negative = false
    /// Decimal digits (0...9), most significant first, no leading or trailing zeros; empty for zero.
    var digits: [UInt8] = []
    var exponent = 0

    var isZero: Bool { digits.isEmpty }

    init() {}

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`; nil for anything else.
    init?(_ text: String) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        var i = 0
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        if i < bytes.count && (bytes[i] == 0x2D || bytes[i] == 0x2B) { negative = bytes[i] == 0x2D; i += 1 }
        var mantissa: [UInt8] = []
        var fractionDigits = 0, seenPoint = false, seenDigit = false
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                seenDigit = true
                if !(mantissa.isEmpty && c == 0x30) { mantissa.append(c - 0x30) }
                if seenPoint { fractionDigits += 1 }
            } else if c == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        guard seenDigit, mantissa.count <= 400 else { return nil }
        var exp = 0
        if i < bytes.count && (bytes[i] == 0x45 || bytes[i] == 0x65) {
            i += 1
            var expNegative = false
            if i < bytes.count && (bytes[i] == 0x2D || bytes[i] == 0x2B) { expNegative = bytes[i] == 0x2D; i += 1 }
            var expDigits = 0
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 {
                if exp < 100_000 { exp = exp * 10 + Int(bytes[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            if expNegative { exp = -exp }
        }
        guard i == bytes.count, abs(exp) <= 400 else { return nil }
        digits = mantissa
        exponent = exp - fractionDigits
        normalize()
    }

    private mutating func normalize() {
        while let last = digits.last, last == 0 { digits.removeLast(); exponent += 1 }
        var leading = 0
        while leading < digits.count && digits[leading] == 0 { leading += 1 }
        if leading > 0 { digits.removeFirst(leading) }
        if digits.isEmpty { exponent = 0; negative = false }
    }

    /// The position of the leading digit: 10^magnitude ≤ |value| < 10^(magnitude+1).
    var magnitude: Int { digits.count + exponent - 1 }

    /// Rounds half away from zero, keeping `keep` digits of `digits` (keep may be ≤ 0).
    private mutating func keepDigits(_ keep: Int) {
        guard keep < digits.count else { return }
        if keep < 0 { digits = []; normalize(); return }
        let roundUp = digits[keep] >= 5
        exponent += digits.count - keep
        digits.removeLast(digits.count - keep)
        if roundUp {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(1, at: 0) }
        }
        normalize()
    }

    /// Rounded to `n` significant digits.
    func roundedSignificant(_ n: Int) -> DecimalText {
        var copy = self
        copy.keepDigits(n)
        return copy
    }

    /// Rounded to `places` digits after the decimal point.
    func rounded(places: Int) -> DecimalText {
        var copy = self
        let fraction = -exponent
        if fraction > places { copy.keepDigits(digits.count - (fraction - places)) }
        return copy
    }

    /// × 10^power.
    func shifted(_ power: Int) -> DecimalText {
        var copy = self
        if !copy.isZero { copy.exponent += power }
        return copy
    }

    /// × a small non-negative integer.
    func multiplied(by factor: Int) -> DecimalText {
        guard factor > 0, !isZero else { return DecimalText() }
        var result = [UInt8]()
        var carry = 0
        for d in digits.reversed() {
            let v = Int(d) * factor + carry
            result.append(UInt8(v % 10))
            carry = v / 10
        }
        while carry > 0 { result.append(UInt8(carry % 10)); carry /= 10 }
        var copy = self
        copy.digits = result.reversed()
        copy.normalize()
        return copy
    }

    /// The integer part's digits ("0" for none) and exactly `places` fraction digits, unsigned.
    func fixedParts(places: Int) -> (String, String) {
        var integer = ""
        var fraction = ""
        let intCount = digits.count + exponent
        if intCount <= 0 { integer = "0" } else {
            for i in 0..<intCount { integer.append(i < digits.count ? Character(String(digits[i])) : "0") }
        }
        for p in 0..<places {
            let index = intCount + p
            fraction.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
        }
        return (integer, fraction)
    }

    /// The integer value when it fits (for date serials).
    var integerPart: Int? {
        guard magnitude < 15 else { return nil }
        let (integer, _) = fixedParts(places: 0)
        guard let v = Int(integer) else { return nil }
        return negative ? -v : v
    }
}

/// An Excel number format (`numFmt` code), parsed once and applied to stored values.
///
/// Numbers appear as Excel displays them: the value is first taken to 15 significant digits (as
/// Excel does), then `0`/`#`/`?` placeholders, decimals, `,` grouping and scaling, `%`, literals,
/// `E+00` and the positive;negative;zero sections apply. Colours, `_x` padding and `*x` fills are
/// dropped. Dates and times are shown in ISO form (yyyy-mm-dd, hh:mm[:ss]) whatever the pattern,
/// so that every reader of the report sees one date spelling.
struct NumberFormat {
    struct Section {
        var prefix = ""
        var suffix = ""
        var integerZeros = 0
        var hasDigits = false
        var grouping = false
        var decimals = 0
        var minDecimals = 0
        var percent = 0
        var scale = 0
        var scientific: Int? = nil
        var general = false
        var date = false
        var hasDatePart = false
        var hasTimePart = false
        var hasSeconds = false
        var elapsedHours = false
        var text = false
    }

    var sections: [Section]

    static let general = NumberFormat(code: "General")

    /// Excel's built-in format ids (the zh-CN variants for currency and dates).
    static func builtIn(_ id: Int) -> String? {
        switch id {
        case 0: return "General"
        case 1: return "0"
        case 2: return "0.00"
        case 3: return "#,##0"
        case 4: return "#,##0.00"
        case 5: return "\"¥\"#,##0;\"¥\"-#,##0"
        case 6: return "\"¥\"#,##0;[Red]\"¥\"-#,##0"
        case 7: return "\"¥\"#,##0.00;\"¥\"-#,##0.00"
        case 8: return "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00"
        case 9: return "0%"
        case 10: return "0.00%"
        case 11: return "0.00E+00"
        case 12: return "# ?/?"
        case 13: return "# ??/??"
        case 14, 27...31, 34...36, 50...54, 57, 58: return "yyyy-mm-dd"
        case 15, 16, 17: return "yyyy-mm-dd"
        case 18, 19, 32, 33, 55, 56: return "h:mm"
        case 20, 21: return "h:mm:ss"
        case 22: return "yyyy-mm-dd h:mm"
        case 37: return "#,##0_);(#,##0)"
        case 38: return "#,##0_);[Red](#,##0)"
        case 39: return "#,##0.00_);(#,##0.00)"
        case 40: return "#,##0.00_);[Red](#,##0.00)"
        case 41: return "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"
        case 42: return "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)"
        case 43: return "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)"
        case 44: return "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)"
        case 45: return "mm:ss"
        case 46: return "[h]:mm:ss"
        case 47: return "mm:ss"
        case 48: return "##0.0E+0"
        case 49: return "@"
        default: return nil
        }
    }

    init(code: String) {
        var sections: [Section] = []
        var current: [Character] = []
        var inQuote = false
        var escape = false
        for ch in code {
            if escape { current.append(ch); escape = false; continue }
            if ch == "\\" { current.append(ch); escape = true; continue }
            if ch == "\"" { inQuote.toggle() }
            if ch == ";" && !inQuote {
                sections.append(NumberFormat.parseSection(current))
                current = []
                continue
            }
            current.append(ch)
        }
        sections.append(NumberFormat.parseSection(current))
        self.sections = Array(sections.prefix(4))
    }

    var isDate: Bool { sections.first?.date ?? false }

    private static func parseSection(_ chars: [Character]) -> Section {
        var s = Section()
        var literal = ""
        var seenDigit = false, seenPoint = false
        var pendingCommas = 0
        var i = 0
        func addLiteral(_ text: String) {
            if seenDigit { s.suffix += text } else { s.prefix += text }
        }
        let lower = String(chars).lowercased()
        if lower.contains("general") {
            s.general = true
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\"":
                var j = i + 1
                literal = ""
                while j < chars.count && chars[j] != "\"" { literal.append(chars[j]); j += 1 }
                addLiteral(literal)
                i = j + 1
                continue
            case "\\":
                if i + 1 < chars.count { addLiteral(String(chars[i + 1])) }
                i += 2
                continue
            case "_", "*":
                i += 2
                continue
            case "[":
                var j = i + 1
                var inside = ""
                while j < chars.count && chars[j] != "]" { inside.append(chars[j]); j += 1 }
                let lowerInside = inside.lowercased()
                if inside.hasPrefix("$") {
                    // [$¥-804]: a currency symbol (before the '-') with a locale.
                    let symbol = inside.dropFirst().split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    addLiteral(String(symbol))
                } else if lowerInside == "h" || lowerInside == "hh" || lowerInside == "m" || lowerInside == "mm"
                            || lowerInside == "s" || lowerInside == "ss" {
                    s.date = true
                    s.hasTimePart = true
                    if lowerInside.hasPrefix("h") { s.elapsedHours = true }
                    if lowerInside.hasPrefix("s") { s.hasSeconds = true }
                }
                i = j + 1
                continue
            case "0", "#", "?":
                if s.general { i += 1; continue }

                if pendingCommas > 0 && !seenPoint { s.grouping = true; pendingCommas = 0 }
                s.hasDigits = true
                seenDigit = true
                if seenPoint {
                    s.decimals += 1
                    if c == "0" { s.minDecimals = s.decimals }
                } else if c == "0" {
                    s.integerZeros += 1
                }
            case ".":
                if seenDigit || (i + 1 < chars.count && "0#?".contains(chars[i + 1])) {
                    if !seenPoint {
                        s.scale += pendingCommas
                        pendingCommas = 0
                        seenPoint = true
                        seenDigit = true
                    }
                } else {
                    addLiteral(".")
                }
            case ",":
                if seenDigit { pendingCommas += 1 } else { addLiteral(",") }
            case "%":
                s.percent += 1
                addLiteral("%")
            case "E", "e":
                if seenDigit && i + 1 < chars.count && (chars[i + 1] == "+" || chars[i + 1] == "-") {
                    var j = i + 2
                    var n = 0
                    while j < chars.count && "0#?".contains(chars[j]) { n += 1; j += 1 }
                    s.scale += pendingCommas
                    pendingCommas = 0
                    s.scientific = max(1, n)
                    i = j
                    continue
                }
                if c == "e" { s.date = true; s.hasDatePart = true } else { addLiteral(String(c)) }
            case "y", "Y", "d", "D":
                s.date = true
                s.hasDatePart = true
            case "m", "M":
                s.date = true
                // A run of m after h (or [h]) or before :s is minutes; elsewhere a month.
                var j = i
                while j < chars.count && (chars[j] == "m" || chars[j] == "M") { j += 1 }
                let before = lower.prefix(i).replacingOccurrences(of: " ", with: "")
                let after = lower.dropFirst(j).replacingOccurrences(of: " ", with: "")
                if before.hasSuffix("h:") || before.hasSuffix("h") || before.hasSuffix("]:") || after.hasPrefix(":s") {
                    s.hasTimePart = true
                } else {
                    s.hasDatePart = true
                }
                i = j
                continue
            case "h", "H":
                s.date = true
                s.hasTimePart = true
            case "s", "S":
                s.date = true
                s.hasTimePart = true
                s.hasSeconds = true
            case "@":
                s.text = true
            case "A", "a":
                if lower.dropFirst(i).hasPrefix("am/pm") { s.date = true; s.hasTimePart = true; i += 5; continue }
                if lower.dropFirst(i).hasPrefix("a/p") { s.date = true; s.hasTimePart = true; i += 3; continue }
                addLiteral(String(c))
            case "G", "g":
                if lower.dropFirst(i).hasPrefix("general") { i += 7; continue }
                addLiteral(String(c))
            case "/":
                // A fraction ("# ?/?"): shown as General.
                if seenDigit { s.general = true; s.prefix = ""; s.suffix = "" } else { addLiteral("/") }
            default:
                addLiteral(String(c))
            }
            i += 1
        }
        if pendingCommas > 0 { s.scale += pendingCommas }
        if s.date { s.prefix = ""; s.suffix = "" }
        return s
    }

    /// The stored value as displayed. `date1904` selects the 1904 date system.
    func display(_ value: DecimalText, date1904: Bool) -> String {
        var v = value.roundedSignificant(15)
        var section = sections[0]
        var autoMinus = v.negative
        if sections.count >= 2 && v.negative {
            section = sections[1]
            autoMinus = false
        } else if sections.count >= 3 && v.isZero {
            section = sections[2]
        }
        if section.text && !section.hasDigits && !section.general {
            // A text-only section used for a number: Excel shows the number in General.
            return NumberFormat.generalText(v)
        }
        if section.date {
            return NumberFormat.dateText(v, section: section, date1904: date1904) ?? NumberFormat.generalText(v)
        }
        v.negative = false
        var body: String
        if section.general || !section.hasDigits {
            body = section.general ? NumberFormat.generalText(v) : ""
        } else if let expDigits = section.scientific {
            body = NumberFormat.scientificText(v, decimals: section.decimals, exponentDigits: expDigits)
        } else {
            var scaled = v.shifted(2 * section.percent - 3 * section.scale)
            scaled = scaled.rounded(places: section.decimals)
            var (integer, fraction) = scaled.fixedParts(places: section.decimals)
            while fraction.count > section.minDecimals && fraction.hasSuffix("0") { fraction.removeLast() }
            if integer == "0" && section.integerZeros == 0 { integer = "" }
            while integer.count < section.integerZeros { integer = "0" + integer }
            if section.grouping && integer.count > 3 {
                var grouped = ""
                for (n, ch) in integer.enumerated() {
                    if n > 0 && (integer.count - n) % 3 == 0 { grouped.append(",") }
                    grouped.append(ch)
                }
                integer = grouped
            }
            // "#.##" shows 5 as "5." as Excel does; "0.00" always has its two places.
            body = section.decimals > 0 ? integer + "." + fraction : integer
            if scaled.isZero || body.allSatisfy({ $0 == "0" || $0 == "." || $0 == "," }) { autoMinus = false }
        }
        return (autoMinus ? "-" : "") + section.prefix + body + section.suffix
    }

    /// General: up to 15 significant digits, plain unless very large or very small.
    static func generalText(_ value: DecimalText) -> String {
        let v = value.roundedSignificant(15)
        if v.isZero { return "0" }
        let sign = v.negative ? "-" : ""
        if v.magnitude >= 15 || v.magnitude < -9 {
            return sign + scientificText(DecimalText.absolute(v), decimals: max(0, min(v.digits.count - 1, 14)), exponentDigits: 2, trim: true)
        }
        let places = max(0, -v.exponent)
        let (integer, fraction) = v.fixedParts(places: places)
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func scientificText(_ value: DecimalText, decimals: Int, exponentDigits: Int, trim: Bool = false) -> String {
        if value.isZero {
            return "0" + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "") + "E+" + String(repeating: "0", count: exponentDigits)
        }
        var mantissa = value
        mantissa.negative = false
        var exp = mantissa.magnitude
        mantissa = mantissa.shifted(-exp).rounded(places: decimals)
        if mantissa.magnitude >= 1 { mantissa = mantissa.shifted(-1); exp += 1 }
        var (integer, fraction) = mantissa.fixedParts(places: decimals)
        if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
        var expText = String(abs(exp))
        while expText.count < exponentDigits { expText = "0" + expText }
        return (value.negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction) + (exp < 0 ? "E-" : "E+") + expText
    }

    /// yyyy-mm-dd, hh:mm[:ss], or both, from a date serial.
    static func dateText(_ value: DecimalText, section: Section, date1904: Bool) -> String? {
        guard !value.negative, let days = value.integerPart, days < 2_958_466 else { return nil }
        // Seconds of the day, rounded half up from the exact fraction.
        let fraction = DecimalText.fractionPart(value)
        var seconds = fraction.multiplied(by: 86_400).rounded(places: 0).integerPart ?? 0
        var dayCount = days
        if seconds >= 86_400 { seconds -= 86_400; dayCount += 1 }
        var parts: [String] = []
        let showDate = section.hasDatePart || !section.hasTimePart
        if showDate {
            let (y, m, d) = civil(serial: dayCount, date1904: date1904)
            parts.append(String(format4(y)) + "-" + two(m) + "-" + two(d))
        }
        if section.hasTimePart {
            var hours = seconds / 3600
            if section.elapsedHours && !section.hasDatePart { hours += dayCount * 24 }
            var time = two(hours) + ":" + two(seconds / 60 % 60)
            if section.hasSeconds { time += ":" + two(seconds % 60) }
            parts.append(time)
        }
        return parts.joined(separator: " ")
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    private static func format4(_ n: Int) -> String {
        var s = String(n)
        while s.count < 4 { s = "0" + s }
        return s
    }

    /// Serial → (year, month, day). 1900 system: 1 = 1900-01-01 and Excel's phantom 1900-02-29 is
    /// serial 60; 1904 system: 0 = 1904-01-01.
    static func civil(serial: Int, date1904: Bool) -> (Int, Int, Int) {
        var daysSince1900: Int // days after 1899-12-31
        if date1904 {
            daysSince1900 = serial + 1461
        } else {
            if serial == 60 { return (1900, 2, 29) }
            if serial == 0 { return (1900, 1, 0) }
            daysSince1900 = serial < 60 ? serial : serial - 1
        }
        // Days from 1970-01-01: 1899-12-31 is day -25568.
        let z0 = daysSince1900 - 25_568 + 719_468
        let era = (z0 >= 0 ? z0 : z0 - 146_096) / 146_097
        let doe = z0 - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }
}

extension DecimalText {
    static func absolute(_ v: DecimalText) -> DecimalText {
        var copy = v
        copy.negative = false
        return copy
    }

    /// The part after the decimal point (value - integer part), unsigned.
    static func fractionPart(_ v: DecimalText) -> DecimalText {
        var copy = v
        copy.negative = false
        let intCount = copy.digits.count + copy.exponent
        if intCount > 0 {
            let drop = min(intCount, copy.digits.count)
            copy.digits.removeFirst(drop)
            while let first = copy.digits.first, first == 0 { copy.digits.removeFirst() }
            if copy.digits.isEmpty { copy.exponent = 0 }
        }
        return copy
    }
}
