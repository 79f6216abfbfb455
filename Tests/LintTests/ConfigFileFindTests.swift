import Foundation
import Testing
import JXLint

/// `.jxlint.toml` is looked for upward from a directory, its path taken apart as a string (issue
/// 12: `URL` showed in the start-up profile); it finds what the `URL` walk found.
@Suite("Config file: found upward from the working directory")
struct ConfigFileFindTests {
    @Test func theNearestFileAboveIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jxlint-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let deep = root + "/a/b/c"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        // none in the new folders: whatever is above the temporary folder, if anything
        let above = ConfigFile.find(from: (root as NSString).deletingLastPathComponent)
        #expect(ConfigFile.find(from: deep) == above)
        try "format = \"json\"\n".write(toFile: root + "/a/.jxlint.toml", atomically: true, encoding: .utf8)
        #expect(ConfigFile.find(from: deep) == root + "/a/.jxlint.toml")
        #expect(ConfigFile.find(from: deep + "/") == root + "/a/.jxlint.toml")
        #expect(ConfigFile.find(from: root + "/a/./b//c/../c") == root + "/a/.jxlint.toml")
        #expect(ConfigFile.find(from: root + "/a/b/../..") == above)
        try "format = \"json\"\n".write(toFile: deep + "/.jxlint.toml", atomically: true, encoding: .utf8)
        #expect(ConfigFile.find(from: deep) == deep + "/.jxlint.toml")
    }

    @Test func aRelativeDirectoryIsTakenFromTheWorkingDirectory() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(ConfigFile.currentDirectory() == cwd)
        #expect(ConfigFile.find(from: ".") == ConfigFile.find(from: cwd))
        #expect(ConfigFile.find() == ConfigFile.find(from: cwd))
    }
}
