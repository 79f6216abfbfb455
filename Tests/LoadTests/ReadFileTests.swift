import Foundation
import Testing
@testable import JXLoad

/// `readFile` / `readLimited` give a file's bytes exactly, whether the size stat gave is right,
/// too small (the file grew) or unknown (standard input).
@Suite("Reading files")
struct ReadFileTests {
    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) } }

    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 200_001])
    func aFileReadsBackExactly(size: Int) throws {
        let path = NSTemporaryDirectory() + "jxlint-read-\(size)-\(getpid()).bin"
        defer { unlink(path) }
        let expected = Self.bytes(size)
        try Data(expected).write(to: URL(fileURLWithPath: path))
        #expect(try DocumentLoader.readFile(path) == expected)
        // a size hint short of the truth (the file grew after stat), and none at all
        for hint in [0, size / 2, max(0, size - 1)] {
            let fd = open(path, O_RDONLY)
            defer { close(fd) }
            #expect(try DocumentLoader.readLimited(fd: fd, sizeHint: hint) == expected, "hint \(hint)")
        }
    }

    @Test func aPipeReadsToItsEnd() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let expected = Self.bytes(50_000)
        let writeEnd = fds[1]
        let writer = Thread {
            expected.withUnsafeBytes { var done = 0; while done < expected.count { done += write(writeEnd, $0.baseAddress! + done, expected.count - done) } }
            close(writeEnd)
        }
        writer.start()
        defer { close(fds[0]) }
        #expect(try DocumentLoader.readLimited(fd: fds[0], sizeHint: 0) == expected)
    }
}
