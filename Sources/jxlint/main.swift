import JXLint
import Foundation
print(try DebugDump.structure(path: CommandLine.arguments[2]))
