import JXCore

/// A positioned error from a rule file: `file:line:column: message`.
///
/// Raised by the parser (syntax and TOML redefinition rules) and by the typed accessors on
/// `TOMLNode` / `TOMLTable` (wrong type, missing or unknown key), so a rule loader can report
/// every problem the same way, e.g. `rules/sum.toml:12:5: unknown key 'severty'`.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as given to the parser (used only for messages).
    public var file: String
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column of the offending character, counted in Unicode scalars.
    public var column: Int
    /// What was expected and what was found, without the position prefix.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public init(file: String, position: SourcePosition, message: String) {
        self.init(file: file, line: position.line, column: position.column, message: message)
    }

    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
