/// The element and attribute names the .docx reader looks at (local names; namespaces are checked
/// where it matters). The order is the name table of `XMLScanner`/`XMLTree`.
enum W: Int, CaseIterable {
    case body, p, pPr, pStyle, numPr, ilvl, numId, outlineLvl, r, rPr, vanish, t, tab, ptab, br, cr
    case noBreakHyphen, softHyphen, fldChar, instrText, delText, delInstrText, del, ins, moveFrom, moveTo
    case fldSimple, tbl, tr, trPr, gridBefore, tc, tcPr, gridSpan, vMerge, txbxContent
    case AlternateContent, Choice, Fallback, footnoteReference, endnoteReference, footnote, endnote
    case sdt, sdtContent, sdtPr, style, name, basedOn, abstractNum, lvl, start, numFmt, lvlText
    case lvlRestart, isLgl, suff, num, abstractNumId, lvlOverride, startOverride, numStyleLink
    case sectPr, tblPr, tblGrid, commentReference, sym

    static let table: [String] = W.allCases.map { "\($0)" }
}

/// Paragraph styles from word/styles.xml: the heading level and numbering each style gives.
struct DocxStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numId: Int?
        var ilvl: Int?
        var isParagraph = true
    }

    var styles: [String: Style] = [:]
    var defaultParagraphStyle: String?

    init() {}

    init(bytes: [UInt8], part: String) throws(LoadError) {
        let tree = try XMLTree(bytes: bytes, part: part, names: W.table, textParents: [])
        guard tree.root >= 0 else { return }
        for node in tree.children(tree.root) where tree[node].name == W.style.rawValue {
            guard let id = tree.attribute(node, "styleId") else { continue }
            var style = Style()
            style.isParagraph = (tree.attribute(node, "type") ?? "paragraph") == "paragraph"
            if style.isParagraph && ["1", "true", "on"].contains(tree.attribute(node, "default") ?? "") {
                defaultParagraphStyle = id
            }
            if let n = tree.child(node, W.name.rawValue) { style.name = tree.attribute(n, "val") ?? "" }
            if let b = tree.child(node, W.basedOn.rawValue) { style.basedOn = tree.attribute(b, "val") }
            if let pPr = tree.child(node, W.pPr.rawValue) {
                if let o = tree.child(pPr, W.outlineLvl.rawValue) { style.outlineLevel = tree.attribute(o, "val").flatMap(FileNumbers.int32) }
                if let numPr = tree.child(pPr, W.numPr.rawValue) {
                    if let n = tree.child(numPr, W.numId.rawValue) { style.numId = tree.attribute(n, "val").flatMap(FileNumbers.int32) }
                    if let l = tree.child(numPr, W.ilvl.rawValue) { style.ilvl = tree.attribute(l, "val").flatMap(FileNumbers.int32) }
                }
            }
            if styles[id] == nil { styles[id] = style }
        }
    }

    /// The heading level of a style: its name "heading N" / "标题 N", else an outline level
    /// (N → N+1) found on it or the styles it is based on.
    func headingLevel(_ id: String) -> Int? {
        guard let style = styles[id] else { return nil }
        if let level = DocxStyles.headingLevel(named: style.name) { return level }
        var current: String? = id
        var seen = 0
        while let c = current, let s = styles[c], seen < 20 {
            if let o = s.outlineLevel { return (0...8).contains(o) ? o + 1 : nil }
            current = s.basedOn
            seen += 1
        }
        return nil
    }

    static func headingLevel(named name: String) -> Int? {
        let lower = name.lowercased()
        var rest: Substring
        if lower.hasPrefix("heading") { rest = lower.dropFirst(7) } else if lower.hasPrefix("标题") { rest = lower.dropFirst(2) } else { return nil }
        rest = rest.drop(while: { $0 == " " })
        guard let n = Int(rest), (1...9).contains(n) else { return nil }
        return n
    }

    /// The numbering a style gives (through `basedOn`): (numId, ilvl if stated).
    func numbering(_ id: String) -> (Int, Int?)? {
        var current: String? = id
        var seen = 0
        while let c = current, let s = styles[c], seen < 20 {
            if let n = s.numId { return (n, s.ilvl) }
            current = s.basedOn
            seen += 1
        }
        return nil
    }
}

/// Word's generated list numbers, from word/numbering.xml.
///
/// Counters belong to the abstract numbering definition (all `w:num` instances of one
/// `w:abstractNum` continue one sequence, as Word does); an instance's `w:startOverride` restarts
/// its level when that instance is first used. A level restarts after any higher level is used,
/// unless `w:lvlRestart` says otherwise.
struct DocxNumbering {
    struct Level {
        var start = 0
        var format = "decimal"
        var text = ""
        var restart: Int?
        var isLegal = false
        var suffix = "tab"
        var style: String?
    }

    struct Instance {
        var abstractID: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    /// Labels are cut to this many characters (Word's own are short; this stops a long
    /// `w:lvlText` from multiplying through every numbered paragraph).
    static let maximumLabelLength = 64

    var abstracts: [Int: [Int: Level]] = [:]
    var styleLinks: [Int: String] = [:]
    var instances: [Int: Instance] = [:]
    /// abstract id → 9 counters (nil: level not used yet since its last restart).
    private var counters: [Int: [Int?]] = [:]
    private var usedInstanceLevels: Set<Int> = []
    /// Formats met that are read as decimal.
    private(set) var unknownFormats: Set<String> = []

    init() {}

    init(bytes: [UInt8], part: String) throws(LoadError) {
        let tree = try XMLTree(bytes: bytes, part: part, names: W.table, textParents: [])
        guard tree.root >= 0 else { return }
        for node in tree.children(tree.root) {
            if tree[node].name == W.abstractNum.rawValue, let id = tree.attribute(node, "abstractNumId").flatMap(FileNumbers.int32) {
                var levels: [Int: Level] = [:]
                for lvl in tree.children(node) where tree[lvl].name == W.lvl.rawValue {
                    guard let ilvl = tree.attribute(lvl, "ilvl").flatMap(FileNumbers.int32), (0...8).contains(ilvl) else { continue }
                    levels[ilvl] = DocxNumbering.level(tree, lvl)
                }
                if let link = tree.child(node, W.numStyleLink.rawValue), let style = tree.attribute(link, "val") {
                    styleLinks[id] = style
                }
                if abstracts[id] == nil { abstracts[id] = levels }
            } else if tree[node].name == W.num.rawValue, let id = tree.attribute(node, "numId").flatMap(FileNumbers.int32),
                      let a = tree.child(node, W.abstractNumId.rawValue), let abstractID = tree.attribute(a, "val").flatMap(FileNumbers.int32) {
                var instance = Instance(abstractID: abstractID)
                for o in tree.children(node) where tree[o].name == W.lvlOverride.rawValue {
                    guard let ilvl = tree.attribute(o, "ilvl").flatMap(FileNumbers.int32), (0...8).contains(ilvl) else { continue }
                    if let s = tree.child(o, W.startOverride.rawValue), let v = tree.attribute(s, "val").flatMap(FileNumbers.int32) {
                        instance.startOverrides[ilvl] = v
                    }
                    if let lvl = tree.child(o, W.lvl.rawValue) { instance.levelOverrides[ilvl] = DocxNumbering.level(tree, lvl) }
                }
                instances[id] = instance
            }
        }
    }

    private static func level(_ tree: XMLTree, _ lvl: Int) -> Level {
        var level = Level()
        if let s = tree.child(lvl, W.start.rawValue) { level.start = tree.attribute(s, "val").flatMap(FileNumbers.int32) ?? 0 }
        if let f = tree.child(lvl, W.numFmt.rawValue) { level.format = tree.attribute(f, "val") ?? "decimal" }
        if let t = tree.child(lvl, W.lvlText.rawValue) { level.text = tree.attribute(t, "val") ?? "" }
        if let r = tree.child(lvl, W.lvlRestart.rawValue) { level.restart = tree.attribute(r, "val").flatMap(FileNumbers.int32) }
        if let l = tree.child(lvl, W.isLgl.rawValue) { level.isLegal = !["0", "false", "off"].contains(tree.attribute(l, "val") ?? "1") }
        if let s = tree.child(lvl, W.suff.rawValue) { level.suffix = tree.attribute(s, "val") ?? "tab" }
        if let p = tree.child(lvl, W.pStyle.rawValue) { level.style = tree.attribute(p, "val") }
        return level
    }

    /// The abstract definition behind an instance, following `w:numStyleLink` through a style.
    private func abstractID(of numId: Int, styles: DocxStyles) -> Int? {
        guard var abstractID = instances[numId]?.abstractID else { return nil }
        var hops = 0
        while let style = styleLinks[abstractID], hops < 5,
              let (linked, _) = styles.numbering(style), let next = instances[linked]?.abstractID, next != abstractID {
            abstractID = next
            hops += 1
        }
        return abstractID
    }

    /// The level a style-numbered paragraph is on: the style's `w:ilvl`, else the level whose
    /// `w:pStyle` names the style, else 0.
    func level(forStyle style: String, numId: Int, styles: DocxStyles) -> Int {
        if let (_, ilvl) = styles.numbering(style), let ilvl { return ilvl }
        if let a = abstractID(of: numId, styles: styles), let levels = abstracts[a] {
            for (ilvl, level) in levels where level.style == style { return ilvl }
        }
        return 0
    }

    private func definition(_ numId: Int, _ abstractID: Int, _ ilvl: Int) -> Level? {
        if let level = instances[numId]?.levelOverrides[ilvl] { return level }
        return abstracts[abstractID]?[ilvl]
    }

    /// Advances the counters for a paragraph numbered (numId, ilvl) and returns the label Word
    /// shows before it, with the separator that follows the label ("一、", "（一）", "1. ", "• ").
    /// nil when the paragraph has no (known) numbering.
    mutating func label(numId: Int, ilvl rawLevel: Int, styles: DocxStyles) -> String? {
        guard numId > 0, let instance = instances[numId], let abstractID = abstractID(of: numId, styles: styles) else { return nil }
        let ilvl = min(max(rawLevel, 0), 8)
        guard let level = definition(numId, abstractID, ilvl) else { return nil }
        var values = counters[abstractID] ?? [Int?](repeating: nil, count: 9)
        let key = numId &* 16 &+ ilvl   // numId is a 32-bit number: no overflow
        if !usedInstanceLevels.contains(key) {
            usedInstanceLevels.insert(key)
            if instance.startOverrides[ilvl] != nil { values[ilvl] = nil }
        }
        func startValue(_ l: Int) -> Int {
            instances[numId]?.startOverrides[l] ?? definition(numId, abstractID, l)?.start ?? 0
        }
        // saturating: a start of Int32.max counts on without a trap
        values[ilvl] = FileNumbers.add(values[ilvl] ?? FileNumbers.add(startValue(ilvl), -1), 1)
        for deeper in (ilvl + 1)..<9 {
            let restart = definition(numId, abstractID, deeper)?.restart
            if let restart {
                if restart != 0 && ilvl < restart { values[deeper] = nil }
            } else {
                values[deeper] = nil
            }
        }
        counters[abstractID] = values
        if level.format == "bullet" {
            var bullet = ""
            for scalar in level.text.unicodeScalars {
                // Symbol-font bullets live in the private-use area; show a plain bullet.
                bullet.unicodeScalars.append((0xE000...0xF8FF).contains(scalar.value) ? "•" : scalar)
            }
            if bullet.count > DocxNumbering.maximumLabelLength { bullet = String(bullet.prefix(DocxNumbering.maximumLabelLength)) }
            return bullet.isEmpty ? nil : bullet + DocxNumbering.separator(after: bullet, suffix: level.suffix)
        }
        // Replace %1 … %9 with the formatted counters of those levels.
        var label = ""
        let scalars = Array(level.text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "%" && i + 1 < scalars.count && (0x31...0x39).contains(scalars[i + 1].value) {
                let l = Int(scalars[i + 1].value - 0x31)
                let value = values[l] ?? startValue(l)
                let format = level.isLegal ? "decimal" : (definition(numId, abstractID, l)?.format ?? "decimal")
                label += formatNumber(value, format: format)
                i += 2
                continue
            }
            label.unicodeScalars.append(scalars[i])
            i += 1
        }
        if label.isEmpty { return nil }
        if label.count > DocxNumbering.maximumLabelLength { label = String(label.prefix(DocxNumbering.maximumLabelLength)) }
        return label + DocxNumbering.separator(after: label, suffix: level.suffix)
    }

    /// What follows a label: nothing after CJK punctuation (Chinese reports write "一、标题"), else
    /// one space for a tab or space suffix.
    static func separator(after label: String, suffix: String) -> String {
        if suffix == "nothing" { return "" }
        guard let last = label.unicodeScalars.last else { return "" }
        if "、，．。：）】〕」』》〉".unicodeScalars.contains(last) { return "" }
        return " "
    }

    private mutating func formatNumber(_ value: Int, format: String) -> String {
        if let text = DocxNumbering.format(value, as: format) { return text }
        unknownFormats.insert(format)
        return String(value)
    }

    /// `value` in a `w:numFmt` style; nil for formats not known here.
    static func format(_ value: Int, as format: String) -> String? {
        switch format {
        case "decimal": return String(value)
        case "decimalZero": return value >= 0 && value < 10 ? "0\(value)" : String(value)
        case "none": return ""
        case "chineseCounting": return chineseCounting(value, thousands: false)
        case "chineseCountingThousand", "japaneseCounting", "taiwaneseCountingThousand", "koreanCounting":
            return chineseCounting(value, thousands: true)
        case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
            return digitsChinese(value)
        case "chineseLegalSimplified": return chineseLegal(value)
        case "ideographTraditional": return cyclic(value, "甲乙丙丁戊己庚辛壬癸")
        case "ideographZodiac": return cyclic(value, "子丑寅卯辰巳午未申酉戌亥")
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(value) ? String(UnicodeScalar(0x2460 + UInt32(value - 1))!) : String(value)
        case "decimalEnclosedParen":
            return (1...20).contains(value) ? String(UnicodeScalar(0x2474 + UInt32(value - 1))!) : "(\(value))"
        case "decimalEnclosedFullstop":
            return (1...20).contains(value) ? String(UnicodeScalar(0x2488 + UInt32(value - 1))!) : "\(value)."
        case "ideographEnclosedCircle":
            return (1...10).contains(value) ? String(UnicodeScalar(0x3220 + UInt32(value - 1))!) : String(value)
        case "decimalFullWidth", "decimalFullWidth2", "decimalHalfWidth":
            if format == "decimalHalfWidth" { return String(value) }
            // digits to full width; a minus sign stays as it is
            return String(String(value).unicodeScalars.map { s -> Character in
                (0x30...0x39).contains(s.value) ? Character(UnicodeScalar(s.value - 0x30 + 0xFF10)!) : Character(s)
            })
        case "lowerLetter": return letters(value, upper: false)
        case "upperLetter": return letters(value, upper: true)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "ordinal":
            guard value > 0 else { return String(value) }
            let suffix = (value % 100 >= 11 && value % 100 <= 13) ? "th" : (["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][value % 10])
            return "\(value)\(suffix)"
        default: return nil
        }
    }

    static let chineseDigits: [String] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Word's chineseCounting: 一 … 十, 十一 … 九十九, then digit by digit (一〇〇).
    /// chineseCountingThousand: 一百, 一百零一, 一千零一十, … up to 9999, then digit by digit.
    static func chineseCounting(_ value: Int, thousands: Bool) -> String {
        if value <= 0 { return value == 0 ? "〇" : String(value) }
        if value < 10 { return chineseDigits[value] }
        if value < 100 {
            let tens = value / 10, ones = value % 10
            return (tens == 1 ? "" : chineseDigits[tens]) + "十" + (ones == 0 ? "" : chineseDigits[ones])
        }
        if !thousands || value >= 10_000 { return digitsChinese(value) }
        var result = ""
        let units = ["千", "百", "十", ""]
        let digits = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10]
        var started = false, pendingZero = false
        for (i, d) in digits.enumerated() {
            if d == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { result += "零"; pendingZero = false }
            result += chineseDigits[d] + units[i]
            started = true
        }
        return result
    }

    static func digitsChinese(_ value: Int) -> String {
        String(value).map { $0.isNumber ? chineseDigits[Int(String($0))!] : String($0) }.joined()
    }

    static func chineseLegal(_ value: Int) -> String {
        let digits = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
        if value <= 0 || value >= 10_000 { return String(value) }
        var result = ""
        let units = ["仟", "佰", "拾", ""]
        let ds = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10]
        var started = false, pendingZero = false
        for (i, d) in ds.enumerated() {
            if d == 0 { if started { pendingZero = true }; continue }
            if pendingZero { result += "零"; pendingZero = false }
            result += digits[d] + units[i]
            started = true
        }
        return result
    }

    static func cyclic(_ value: Int, _ symbols: String) -> String {
        let chars = Array(symbols)
        guard value > 0 else { return String(value) }
        return String(chars[(value - 1) % chars.count])
    }

    /// a … z, aa … zz, aaa … (Word repeats the letter).
    static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0 else { return String(value) }
        let letter = UnicodeScalar((upper ? 0x41 : 0x61) + UInt32((value - 1) % 26))!
        return String(repeating: Character(letter), count: min((value - 1) / 26 + 1, 50))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = value, result = ""
        for (v, s) in table { while n >= v { result += s; n -= v } }
        return result
    }
}
