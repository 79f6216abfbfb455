// The jxlint executable: a thin shell over the JXLint library.
import Foundation
import JXLint

exit(CommandLineTool.runAsExecutable(CommandLine.arguments))
