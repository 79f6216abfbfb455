import Foundation
import Testing
@testable import JXLint

@Suite("Path joining")
struct PathJoinTests {
    @Test func agreesWithFoundation() {
        for dir in ["a", "a/", "a//", "", "/", "//", "./a", "a/./", "a//b", "/tmp/x/", "报告/", "a/../b"] {
            for name in ["c.txt", "报告.docx", "x y.md"] {
                #expect(FileDiscovery.join(dir, name) == (dir as NSString).appendingPathComponent(name), "\(dir) + \(name)")
            }
        }
    }
}
