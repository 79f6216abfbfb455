import JXExtract
import JXRules

enum PatternCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {}
}
