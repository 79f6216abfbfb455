import JXExtract
import JXRules

enum ConsistencyCheck {
    static func run(_ rule: Rule, _ context: inout CheckContext) {}
}
