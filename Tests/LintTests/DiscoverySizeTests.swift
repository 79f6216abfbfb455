import Foundation
import Testing
@testable import JXLint

/// The size discovery records for each file (read for its time budget instead of a second stat)
/// is the size stat gives: for files named, files walked and files reached by a followed link.
@Suite("Discovery sizes")
struct DiscoverySizeTests {
    @Test func recordedSizesAreTheFilesSizes() throws {
        let dir = TempDir()
        try dir.write("tree/a.txt", "一二三")
        try dir.write("tree/sub/b.md", String(repeating: "x", count: 70_000))
        try dir.write("tree/empty.txt", bytes: [])
        try dir.write("c.txt", "abc")
        symlink(dir.url("c.txt"), dir.url("tree/link.txt"))
        var notes = [String]()
        for followLinks in [false, true] {
            let entries = FileDiscovery.expand([dir.url("tree"), dir.url("c.txt")], followLinks: followLinks, notes: &notes)
            #expect(entries.count == (followLinks ? 5 : 4))
            for entry in entries {
                #expect(entry.error == nil, "\(entry.path)")
                let unknown = FileDiscovery.Entry(path: entry.path)
                #expect(entry.size != nil, "\(entry.path)")
                #expect(BatchRunner.size(of: entry, stdin: nil) == BatchRunner.size(of: unknown, stdin: nil), "\(entry.path)")
            }
        }
    }
}
