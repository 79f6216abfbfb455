/// Reads a command's arguments: `--name value` and `--name=value` alike, flags, `--` before
/// paths that start with a dash, and a suggestion for a mistyped option.
struct Arguments {
    enum Token: Equatable {
        case option(String)
        case positional(String)
    }

    private let args: [String]
    private var i = 0
    private var pending: String?
    private var onlyPositional = false
    /// Options that take a value, and options that do not (short forms included).
    let valued: Set<String>
    let flags: Set<String>

    init(_ args: [String], valued: Set<String>, flags: Set<String>) {
        self.args = args
        self.valued = valued
        self.flags = flags
    }

    /// The next option or positional argument, nil at the end. An option the command does not
    /// know is a usage error that names the closest one.
    mutating func next() throws(UsageError) -> Token? {
        guard i < args.count else { return nil }
        let a = args[i]
        i += 1
        if onlyPositional || a == "-" || !a.hasPrefix("-") { return .positional(a) }
        if a == "--" {
            onlyPositional = true
            return try next()
        }
        var name = a
        if a.hasPrefix("--"), let eq = a.firstIndex(of: "=") {
            name = String(a[..<eq])
            let value = String(a[a.index(after: eq)...])
            if flags.contains(name) { throw UsageError(message: "\(name) takes no value (got '\(a)')") }
            if valued.contains(name) {
                pending = value
                return .option(name)
            }
        }
        if valued.contains(name) || flags.contains(name) { return .option(name) }
        let known = (valued.union(flags)).filter { $0.hasPrefix("--") }.sorted()
        throw UsageError(message: "unknown option '\(name)'" + Suggest.hint(for: name, in: known))
    }

    /// The value of the option just read: after `=`, or the next argument.
    mutating func value(for name: String) throws(UsageError) -> String {
        if let v = pending {
            pending = nil
            if v.isEmpty { throw UsageError(message: "\(name) needs a value") }
            return v
        }
        guard i < args.count else { throw UsageError(message: "\(name) needs a value") }
        i += 1
        return args[i - 1]
    }
}

/// A mistake on the command line: exit code 2 with the message.
struct UsageError: Error {
    var message: String
}
