import JXLint
import Foundation
if CommandLine.arguments[1] == "x" { print(try DebugDump.structure(path: CommandLine.arguments[2])) }
else { print(try DebugDump.facts(path: CommandLine.arguments[2])) }
