import Foundation
import JXCore

/// Money units, with their power of ten relative to one 元 (or one dollar).
public enum MoneyUnit: String, Sendable, CaseIterable {
    case yuan = "元", qianYuan = "千元", wanYuan = "万元", yiYuan = "亿元"
    case usd = "美元", wanUSD = "万美元", yiUSD = "亿美元"

    /// The units of the yuan (a figure in 美元 restated in 元 is converted, not restated).
    public static let yuanFamily: [MoneyUnit] = [.yuan, .qianYuan, .wanYuan, .yiYuan]

    public var exponent: Int {
        switch self {
        case .yuan, .usd: return 0
        case .qianYuan: return 3
        case .wanYuan, .wanUSD: return 4
        case .yiYuan, .yiUSD: return 8
        }
    }

    public var isDollar: Bool { self == .usd || self == .wanUSD || self == .yiUSD }
}

public enum QuantityKind: Sendable, Hashable, CustomStringConvertible {
    case money(MoneyUnit)
    case percent
    case permille
    /// 个百分点
    case percentagePoint
    /// 分: a score
    case score
    /// A count with its measure word (个 家 次 人 项 …), which may carry a 万/亿 multiplier.
    case count(String)
    /// 倍
    case multiple
    /// A number with no unit.
    case bare

    public var isMoney: Bool { if case .money = self { return true } else { return false } }
    public var moneyUnit: MoneyUnit? { if case .money(let u) = self { return u } else { return nil } }
    public var measureWord: String? { if case .count(let w) = self { return w } else { return nil } }

    public var description: String {
        switch self {
        case .money(let u): return u.rawValue
        case .percent: return "%"
        case .permille: return "‰"
        case .percentagePoint: return "个百分点"
        case .score: return "分"
        case .count(let w): return w
        case .multiple: return "倍"
        case .bare: return ""
        }
    }

    /// Quantities of one family can be added and compared.
    public func sameFamily(as other: QuantityKind) -> Bool {
        switch (self, other) {
        case (.money(let a), .money(let b)): return a.isDollar == b.isDollar
        case (.count(let a), .count(let b)): return a == b
        default: return self == other
        }
    }
}

public enum NumberComparator: String, Sendable {
    case atLeast = "≥", atMost = "≤", greater = ">", less = "<", equal = "="
}

/// One number found in the text: its exact value, the literal as shown, shown decimals, unit.
public struct ScannedNumber: Sendable {
    /// Exact value as written (sign included), before any unit conversion.
    public var value: Decimal
    /// The digits as written after normalization, e.g. "29586.86", "-1947.96".
    public var literal: String
    public var decimals: Int
    public var kind: QuantityKind
    /// The unit text as written: "万元", "万", "%", "个", "人次".
    public var unitText: String
    /// Power of ten in front of a count's measure word ("117.82万人次" → 4); 0 otherwise.
    public var multiplier: Int
    public var comparator: NumberComparator?
    /// 约, 近, 余, 多, 左右
    public var approximate: Bool
    /// One end of a range ("80-90分", "200%-300%").
    public var inRange: Bool
    /// Range of the number and its unit in the scanned text.
    public var range: Range<Int>
    /// Range of the digits (and sign) only.
    public var numberRange: Range<Int>
    /// Depth of open brackets (（ ( 【) around the number in its paragraph.
    public var parenDepth: Int

    /// What the shown number stands for, in its own unit: [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].
    public var interval: Interval {
        Interval(shown: value, decimals: decimals)
    }
}

/// A year in the text: "2022年", "2022年度", a date's year, or a relative year ("上年").
public struct YearMention: Sendable {
    public enum Form: String, Sendable {
        case year           // 2022年
        case fiscalYear     // 2022年度
        case date           // 2021年4月15日
        case yearEnd        // 2020年末 / 年底 / 年年末
        case yearStart      // 2020年初
        case rangeEnd       // 2020-2022年
        case bare           // "（2020）" after a title, a year without 年
        case relative       // 上年 / 本年 / 下年
    }

    /// The year; for relative mentions, the offset from the fiscal year (−1, 0, +1).
    public var year: Int
    public var form: Form
    public var range: Range<Int>
    /// Inside 《》 (a document title) or 〔〕 (a document number): not a statement about the report.
    public var quoted: Bool
}
