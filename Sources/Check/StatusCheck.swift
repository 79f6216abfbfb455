import JXExtract
import JXRules

enum StatusCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {}
}
