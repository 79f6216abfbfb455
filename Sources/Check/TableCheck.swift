import JXExtract
import JXRules

enum TableCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {}
}
