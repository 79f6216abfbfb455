import JXExtract
import JXRules

enum ScoreCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {}
}
