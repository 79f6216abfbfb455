import Foundation
import Testing
import JXLint

@Suite("Check options: the core count is asked for only when needed")
struct StartupOptionsTests {
    @Test func jobsDefaultToTheCoreCountAndAGivenNumberWins() throws {
        var options = CheckOptions()
        #expect(options.jobs == ProcessInfo.processInfo.activeProcessorCount)
        options.jobs = 3
        #expect(options.jobs == 3)
        let parsed = try CommandLineTool.parseCheck(["--jobs", "5", "a.txt"])
        #expect(parsed.jobs == 5)
        let defaulted = try CommandLineTool.parseCheck(["a.txt"])
        #expect(defaulted.jobs == ProcessInfo.processInfo.activeProcessorCount)
    }
}
