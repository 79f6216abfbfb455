import JXRules
import JXStructure

/// The lines of a title an export broke in two or three ("关于临溪区2024年预算执行情况⏎和2025年预算草案的
/// 报告"): the title paragraph and the short lines before it that carry on into it.
public enum TitleLines {
    /// A line short enough to be a piece of a title, with no punctuation of a sentence.
    public static func isFragment(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 30 && !s.isEmpty && !s.contains { "。，,；;：:！？".unicodeScalars.contains($0) }
    }

    /// The title's lines, first to last (`t` the one found as the title).
    public static func of(_ t: Int, in paragraphs: [Paragraph], vocabulary: Vocabulary) -> [Int] {
        let endings = vocabulary[.titleStrongWords], moreEndings = vocabulary[.titleEndingWords], joiners = vocabulary[.nameJoiners]
        var first = t
        while first - 1 >= 0 && first - 1 >= t - 2 {
            let line = paragraphs[first - 1]
            guard !line.isHeading, isFragment(line.text.scalars) else { break }
            // (a line ending like a title is one, unless the next opens with a joiner: "…执行情况⏎和2025年…的报告")
            guard !endings.isSuffix(of: line.string) && !moreEndings.isSuffix(of: line.string) || joiners.isPrefix(of: paragraphs[first].string) else { break }
            first -= 1
        }
        return Array(first...t)
    }
}
