import Foundation
import JXCheck
import JXCore
import JXExtract
import JXFormat
import JXLoad
import JXRules
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `jxlint` command. The executable is a thin shell over `CommandLineTool.run`.
public enum CommandLineTool {
    public static let version = "0.1.0"

    public static let usage = """
    jxlint \(version): 预算绩效评价报告一致性检查（consistency auditor for budget performance-evaluation reports）

    用法 Usage:
      jxlint check [PATH … | -] [选项]     检查文件或文件夹（递归），- 读标准输入
      jxlint rules list                    列出规则
      jxlint rules show ID                 解释一条规则（参数、默认值、消息与证据模板）
      jxlint rules show vocabulary         列出词表的每个词类及其词语
      jxlint rules test                    运行所有规则的正例和反例
      jxlint facts FILE [--format json]    显示抽取的标题、表格、数值、其中关系（供写规则者查看）
      jxlint COMMAND --help                该命令的用法

    \(checkOptionsText)
    """

    static let checkOptionsText = """
    check 选项 Options（--name value 与 --name=value 均可）:
      --format text|json|sarif|html|csv    输出格式（默认 text）
      --output FILE|DIR                    写入文件；html：以 .html 结尾为单个报告的页面，否则为文件夹
                                           （每份报告一页，另有 index.html）
      --rules DIR                          使用该文件夹中的规则（含 lexicon.toml；默认：内置规则）
      --rules-extra DIR                    在规则之上追加该文件夹中的词语、词库、证据文字和规则（可重复）
      --config FILE                        配置文件（默认：从当前目录向上查找 .jxlint.toml）
      --year YYYY                          未写明年度的报告按此年度检查（标题与正文写明另一年度的报告按其本身年度检查）
      --select RULE,…  --ignore RULE,…     按规则 id、类别（sum）或前缀（sum.parts-*）选择
      --min-severity info|warning|error    只报告此级别及以上
      --fail-on error|warning|never        出现此级别及以上的发现时退出码为 1（默认 error）
      --baseline FILE                      忽略基线文件中已接受的发现
      --write-baseline FILE                把本次的全部发现写成基线文件（已接受且仍存在的与新的）
      --jobs N                             并行检查的文件数（默认：CPU 核数）
      --time-budget S                      每个文件每 MB 最多用 S 秒（至少 2S 秒，默认 5；0 不限）
      --follow-links                       遍历文件夹时跟随符号链接（默认不跟随）
      --color / --no-color                 文本输出是否着色（默认：终端时着色）

    退出码 Exit codes: 0 无达到 --fail-on 的发现；1 有；2 用法错误或有文件无法读取（其他文件照常检查）。
    """

    static let checkUsage = """
    用法 Usage: jxlint check [PATH … | -] [选项]
    检查报告文件或文件夹（递归查找 .txt .md .docx .xlsx .pdf），- 读标准输入。

    \(checkOptionsText)
    """

    static let rulesUsage = """
    用法 Usage:
      jxlint rules list [--rules DIR] [--rules-extra DIR]   列出规则
      jxlint rules show ID|vocabulary      解释一条规则，或列出词表
      jxlint rules test [--rules DIR]      运行所有规则的正例和反例（有失败时退出码为 1）
    """

    static let factsUsage = """
    用法 Usage: jxlint facts FILE [--format text|json] [--year YYYY] [--rules DIR] [--rules-extra DIR]
    显示从一份报告抽取的标题、表格、数值、概念、年度和其中关系（供写规则者查看）。一次一个文件。
    """

    static let commands = ["check", "rules", "facts", "help", "version"]

    /// Runs a command; returns the exit code.
    /// The jxlint executable, when this process is one (set by `runAsExecutable`): batches then run
    /// in worker processes of it (`BatchRunner`); in a library (the tests), files run on threads.
    nonisolated(unsafe) public internal(set) static var workerExecutable: String?

    /// The executable's entry point: `run`, with batches in worker processes of this executable.
    public static func runAsExecutable(_ arguments: [String]) -> Int32 {
        Allocator.keepFreedMemory()
        if arguments.count >= 2 && arguments[1] == Worker.command { return Worker.run(Array(arguments.dropFirst(2))) }
        workerExecutable = executablePath()
        return run(arguments)
    }

    /// This process's executable (Linux: /proc/self/exe).
    static func executablePath() -> String? {
        if let real = realPath("/proc/self/exe") { return real }
        return Bundle.main.executablePath
    }

    public static func run(_ arguments: [String]) -> Int32 {
        var args = Array(arguments.dropFirst())
        guard let command = args.first else {
            print(usage)
            return 2
        }
        args.removeFirst()
        do {
            switch command {
            case "check": return try check(args)
            case "rules": return try rules(args)
            case "facts": return try facts(args)
            case "--version", "-V", "version": print("jxlint \(version)"); return 0
            case "--help", "-h", "help":
                switch args.first {
                case "check": print(checkUsage)
                case "rules": print(rulesUsage)
                case "facts": print(factsUsage)
                default: print(usage)
                }
                return 0
            default:
                // `jxlint PATH` and `jxlint --format json PATH` are `jxlint check …`
                if command.hasPrefix("-") || FileManager.default.fileExists(atPath: command) { return try check([command] + args) }
                throw UsageError(message: "unknown command '\(command)'" + Suggest.hint(for: command, in: commands)
                                 + " (commands: check, rules, facts; a file to check must exist)")
            }
        } catch let e as UsageError {
            printError("jxlint: \(e.message)\n(jxlint --help 查看用法)")
            return 2
        } catch let e as TOMLError {
            printError(e.description)
            return 2
        } catch {
            printError("jxlint: \(error)")
            return 2
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    }

    /// A note on stderr: what was written, what was suppressed, what was read differently.
    static func note(_ message: String) {
        printError("jxlint: " + message)
    }

    /// `--help` / `-h` among a command's options (before any `--`).
    static func asksForHelp(_ args: [String]) -> Bool {
        for a in args {
            if a == "--" { return false }
            if a == "--help" || a == "-h" { return true }
        }
        return false
    }

    static func parseYear(_ v: String, option: String = "--year") throws(UsageError) -> Int {
        guard let y = Int(v), (1990...2100).contains(y) else { throw UsageError(message: "\(option) needs a year such as 2022, not '\(v)'") }
        return y
    }

    /// The default rules, or those of `--rules DIR`, checked: the folder exists and holds a lexicon
    /// and rules, and every concept a formula names is in the lexicon.
    /// The default rules (or those of `--rules DIR`), extended by each `--rules-extra DIR` in order,
    /// checked: the folder exists and holds a lexicon and rules, and every concept a formula names
    /// is in the lexicon.
    static func loadRules(_ directory: String?, extra: [String] = []) throws -> RuleSet {
        var ruleSet: RuleSet
        if let directory {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
                throw UsageError(message: "--rules \(directory): no such folder")
            }
            guard isDir.boolValue else { throw UsageError(message: "--rules \(directory): not a folder (give the folder that holds lexicon.toml and the rule files)") }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".toml") }
            if names.isEmpty {
                throw UsageError(message: "--rules \(directory): no rule files (*.toml) in this folder; copy the rules/ folder of jxlint to start from the default rules")
            }
            if !names.contains("lexicon.toml") {
                throw UsageError(message: "--rules \(directory): no lexicon.toml in this folder (the rules name concepts that lexicon.toml defines; copy it from jxlint's rules/ folder)")
            }
            ruleSet = try RuleSet.load(directory: directory)
            if ruleSet.rules.isEmpty { throw UsageError(message: "--rules \(directory): no [[rule]] in any rule file of this folder") }
        } else {
            ruleSet = try RuleSet.embedded()
        }
        for folder in extra {
            guard isDirectory(folder) else { throw UsageError(message: "--rules-extra \(folder): no such folder") }
            ruleSet = try ruleSet.extended(with: folder)
        }
        // the embedded set alone was checked by the test suite (EmbeddedRuleSetTests): not again at each start
        if directory != nil || !extra.isEmpty {
            let problems = RuleSetCheck.problems(ruleSet)
            if !problems.isEmpty { throw UsageError(message: problems.joined(separator: "\n")) }
        }
        return ruleSet
    }

    // MARK: check

    static let checkValued: Set<String> = ["--format", "--output", "-o", "--rules", "--rules-extra", "--config", "--year", "--select", "--ignore",
                                           "--min-severity", "--fail-on", "--baseline", "--write-baseline", "--jobs", "-j", "--time-budget"]
    static let checkFlags: Set<String> = ["--color", "--no-color", "--help", "-h", "--follow-links"]

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func parseCheck(_ args: [String]) throws -> CheckOptions {
        var reader = Arguments(args, valued: checkValued, flags: checkFlags)
        var given = [(name: String, value: String)]()
        var paths = [String]()
        while let token = try reader.next() {
            switch token {
            case .positional(let p): paths.append(p)
            case .option(let name): given.append((name, checkValued.contains(name) ? try reader.value(for: name) : ""))
            }
        }
        var options = CheckOptions()
        // the configuration first: the command line wins
        let configPath = given.last(where: { $0.name == "--config" })?.value
        if let path = configPath ?? ConfigFile.find() { try ConfigFile.apply(path, to: &options) }
        var selectGiven = false, ignoreGiven = false
        for (name, v) in given {
            switch name {
            case "--format":
                guard let f = OutputFormat(rawValue: v) else {
                    throw UsageError(message: "unknown format '\(v)' (text, json, sarif, html, csv)" + Suggest.hint(for: v, in: OutputFormat.allCases.map(\.rawValue)))
                }
                options.format = f
            case "--output", "-o": options.output = v
            case "--rules": options.rulesDirectory = v
            case "--rules-extra": options.rulesExtra.append(v)
            case "--config": break
            case "--year": options.fiscalYear = try parseYear(v)
            case "--select":
                options.select = (selectGiven ? options.select : []) + list(v)
                selectGiven = true
            case "--ignore":
                options.ignore = (ignoreGiven ? options.ignore : []) + list(v)
                ignoreGiven = true
            case "--min-severity":
                guard let s = Severity(rawValue: v) else { throw UsageError(message: "unknown severity '\(v)' (info, warning, error)") }
                options.minSeverity = s
            case "--fail-on":
                if v == "never" { options.failOn = nil } else if let s = Severity(rawValue: v) { options.failOn = s } else {
                    throw UsageError(message: "unknown --fail-on '\(v)' (error, warning, never)")
                }
            case "--baseline":
                options.baseline = v
                options.baselineFromConfig = false
            case "--write-baseline": options.writeBaseline = v
            case "--jobs", "-j":
                guard let n = Int(v), n >= 1 else { throw UsageError(message: "--jobs needs a positive number, not '\(v)'") }
                options.jobs = n
            case "--color": options.color = true
            case "--no-color": options.color = false
            case "--time-budget":
                guard let t = Double(v), t >= 0, t.isFinite else { throw UsageError(message: "--time-budget needs seconds per MB (0 for no limit), not '\(v)'") }
                options.timeBudget = t
            case "--follow-links": options.followLinks = true
            default: break
            }
        }
        if selectGiven && options.select.isEmpty { throw UsageError(message: "--select needs at least one rule id, category or prefix") }
        options.paths = paths
        if options.paths.isEmpty { throw UsageError(message: "check needs at least one file or folder (or - for standard input)") }
        return options
    }

    /// Every `--select` / `--ignore` pattern must name a rule, a category or a prefix of ids: a
    /// typo would otherwise select nothing (or ignore nothing) without a word.
    static func checkSelection(_ options: CheckOptions, _ ruleSet: RuleSet) throws(UsageError) {
        let ids = ruleSet.rules.map(\.id)
        let categories = RuleCategory.allCases.map(\.rawValue)
        for (option, patterns) in [("--select", options.select), ("--ignore", options.ignore)] {
            for pattern in patterns where !ruleSet.rules.contains(where: { CheckOptions.matches(pattern, id: $0.id, category: $0.category.rawValue) }) {
                var message = "\(option) '\(pattern)' names no rule, category or prefix"
                let extending = ids.filter { $0.hasPrefix(pattern) }
                let continuations = Set(extending.map { $0.dropFirst(pattern.count).first })
                if extending.count == 1 {
                    message += " (did you mean '\(extending[0])'?)"
                } else if let c = Suggest.closest(to: pattern, in: categories + ids) {
                    message += " (did you mean '\(c)'?)"
                } else if !continuations.isEmpty {
                    // "sum.parts" → "sum.parts-*"
                    let joiner = continuations.count == 1 && continuations.first! == "-" && !pattern.hasSuffix("-") ? "-" : ""
                    message += " (did you mean '\(pattern)\(joiner)*'?)"
                } else if pattern.hasSuffix("*"), let c = Suggest.closest(to: String(pattern.dropLast()), in: categories + ids) {
                    message += " (did you mean '\(c)'?)"
                } else {
                    message += " (did you mean a category — \(categories.joined(separator: ", ")) — or a rule id of jxlint rules list?)"
                }
                throw UsageError(message: message)
            }
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// A folder named on the command line that holds no report file is reported as an error, not
    /// passed over: `jxlint check repotrs/` must not exit 0 having checked nothing.
    static func emptyFolders(_ paths: [String], _ entries: [FileDiscovery.Entry]) -> [FileDiscovery.Entry] {
        var out = [FileDiscovery.Entry]()
        for path in paths where path != "-" && isDirectory(path) {
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if !entries.contains(where: { $0.path.hasPrefix(prefix) }) {
                let kinds = FileDiscovery.extensions.sorted().map { "." + $0 }.joined(separator: " ")
                out.append(FileDiscovery.Entry(path: path, error: "no report files in this folder (looked for \(kinds))"))
            }
        }
        return out
    }

    /// HTML output to one page: `--output NAME.html`.
    static func isPagePath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return (lower.hasSuffix(".html") || lower.hasSuffix(".htm")) && !isDirectory(path)
    }

    static func check(_ args: [String]) throws -> Int32 {
        if asksForHelp(args) {
            print(checkUsage)
            return 0
        }
        let options = try parseCheck(args)
        let ruleSet = try loadRules(options.rulesDirectory, extra: options.rulesExtra)
        try checkSelection(options, ruleSet)
        let selected = Set(ruleSet.rules.filter { $0.enabled && options.selects($0.id, category: $0.category.rawValue) }.map(\.id))
        // the baseline is read before any file is checked: a broken one stops the run at once
        var baseline: Baseline?
        var baselineMissing = false
        if let b = options.baseline.map(shown) {
            let writesIt = options.writeBaseline.map { sameFile($0, b) } ?? false
            if FileManager.default.fileExists(atPath: b) {
                do { baseline = try Baseline.read(b) } catch {
                    throw UsageError(message: "cannot read baseline \(b): \(describe(error))")
                }
            } else if options.baselineFromConfig || writesIt {
                // a configured baseline not written yet accepts nothing; the run that writes it works
                if !writesIt { note("baseline \(b) does not exist yet: no finding is suppressed (create it with --write-baseline \(b))") }
                baseline = Baseline()
                baselineMissing = true
            } else {
                throw UsageError(message: "cannot read baseline \(b): no such file (create it with --write-baseline \(b))")
            }
        }
        if options.format == .html, let out = options.output, isPagePath(out), options.paths.count > 1 || options.paths.contains(where: isDirectory) {
            let entries = FileDiscovery.expand(options.paths)
            if entries.count > 1 {
                throw UsageError(message: "--output \(out) is one HTML page, but \(entries.count) files are to be checked: give a folder (--output \(((out as NSString).deletingPathExtension as NSString).lastPathComponent)/) for one page per report and an index")
            }
        }

        let pipeline = Pipeline(ruleSet: ruleSet, fiscalYear: options.fiscalYear, only: selected)
        var discoveryNotes = [String]()
        var entries = FileDiscovery.expand(options.paths, followLinks: options.followLinks, notes: &discoveryNotes)
        entries += emptyFolders(options.paths, entries)
        for n in discoveryNotes { note(n) }
        var stdinBytes: [UInt8]?
        if entries.contains(where: { $0.path == "-" }) {
            // standard input is capped like a file: past the limit it is refused, not read to the end
            do { stdinBytes = try DocumentLoader.readStandardInput() } catch {
                entries = entries.map { $0.path == "-" ? FileDiscovery.Entry(path: "-", error: error.message) : $0 }
            }
        }

        var formatOptions = FormatOptions()
        formatOptions.toolVersion = version
        formatOptions.rules = ruleSet.rules.map(\.info)
        formatOptions.color = options.color ?? (options.format == .text && options.output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        var previous: Baseline?
        if let w = options.writeBaseline {
            if let b = options.baseline, sameFile(b, w) { previous = baseline } else { previous = try? Baseline.read(w) }
        }
        let minSeverity = options.minSeverity
        let ran: (String) -> Bool = { id in
            selected.contains(id) && (ruleSet.rule(id).map { $0.severity >= minSeverity } ?? false)
        }
        // the output is written as files are checked, in input order (see CheckRun, BatchRunner)
        let run = try CheckRun(options: options, formatOptions: formatOptions, total: entries.count, baseline: baseline,
                               baselineMissing: baselineMissing, previousBaseline: previous, ranRule: ran)
        // one file runs alone whatever --jobs says: the number of cores is not asked for
        let settings = BatchRunner.Settings(jobs: entries.count <= 1 ? 1 : options.jobs, timeBudget: options.timeBudget,
                                            workerArguments: Worker.arguments(rulesDirectory: options.rulesDirectory, rulesExtra: options.rulesExtra,
                                                                              fiscalYear: options.fiscalYear, only: selected,
                                                                              sourceLines: options.format == .html ? .all : options.format == .text ? .findings : .no))
        if entries.count == 1 && workerExecutable != nil, let only = entries.first, only.error == nil {
            CrashReport.arm(path: only.path)
        }
        // one file in this process that runs out of time: its error is the output, and the run ends
        var onTimeout: (@Sendable (FileReport) -> Void)?
        if workerExecutable != nil {
            onTimeout = { (report: FileReport) in
                _ = try? run.emit(report)
                _ = try? run.finish()
            }
        }
        do {
            try BatchRunner.run(entries, pipeline: pipeline, settings: settings, stdin: stdinBytes, onTimeout: onTimeout) { try run.emit($0) }
            CrashReport.disarm()
            return try run.finish()
        } catch {
            run.abandon()
            throw error
        }
    }

    /// A path as the user would type it: relative to the working directory when under it.
    static func shown(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) && path.count > prefix.count ? String(path.dropFirst(prefix.count)) : path
    }

    /// Two spellings of one file ("b.json", "./b.json", "/abs/b.json").
    static func sameFile(_ a: String, _ b: String) -> Bool {
        func absolute(_ p: String) -> String {
            let full = p.hasPrefix("/") ? p : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(p)
            return (full as NSString).standardizingPath
        }
        return absolute(a) == absolute(b)
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError || ns.code == NSFileNoSuchFileError { return "no such file" }
        if error is DecodingError { return "not a jxlint baseline (JSON with version and findings)" }
        return ns.localizedFailureReason ?? ns.localizedDescription
    }

    static func writeFile(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw UsageError(message: "cannot write \(path): \(describe(error))")
        }
    }

    static func temporaryFolder(_ label: String) throws -> String {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(label).XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw UsageError(message: "cannot make a folder for the HTML pages in \(NSTemporaryDirectory()); give --output DIR")
        }
        return String(cString: made)
    }

    // MARK: rules

    static func rules(_ args: [String]) throws -> Int32 {
        if asksForHelp(args) {
            print(rulesUsage)
            return 0
        }
        var reader = Arguments(args, valued: ["--rules", "--rules-extra"], flags: ["--help", "-h"])
        var rest = [String]()
        var directory: String?
        var extra = [String]()
        while let token = try reader.next() {
            switch token {
            case .positional(let p): rest.append(p)
            case .option("--rules-extra"): extra.append(try reader.value(for: "--rules-extra"))
            case .option(let name): directory = try reader.value(for: name)
            }
        }
        let ruleSet = try loadRules(directory, extra: extra)
        switch rest.first {
        case "list", nil:
            for r in ruleSet.rules {
                print("\(r.id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(r.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(r.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(r.info.title)\(r.enabled ? "" : "（已停用）")")
            }
            print("\(ruleSet.rules.count) 条规则")
            return 0
        case "show":
            guard rest.count >= 2 else { throw UsageError(message: "rules show needs a rule id (or vocabulary)") }
            if rest[1] == "vocabulary" {
                print(RuleDocs.describe(ruleSet.lexicon.vocabulary), terminator: "")
                return 0
            }
            guard let r = ruleSet.rule(rest[1]) else {
                throw UsageError(message: "no rule '\(rest[1])'" + Suggest.hint(for: rest[1], in: ruleSet.rules.map(\.id)) + " (jxlint rules list)")
            }
            print(RuleDocs.describe(r))
            return 0
        case "test":
            let results = RuleExamples.run(ruleSet)
            for failure in results.failures { print(failure) }
            print("\(results.passed) passed, \(results.failures.count) failed")
            return results.failures.isEmpty ? 0 : 1
        default:
            throw UsageError(message: "unknown rules command '\(rest[0])'" + Suggest.hint(for: rest[0], in: ["list", "show", "test"]) + " (list, show ID, test)")
        }
    }

    // MARK: facts

    static func facts(_ args: [String]) throws -> Int32 {
        if asksForHelp(args) {
            print(factsUsage)
            return 0
        }
        var reader = Arguments(args, valued: ["--format", "--year", "--rules", "--rules-extra"], flags: ["--json", "--help", "-h"])
        var paths = [String]()
        var json = false
        var year: Int?
        var directory: String?
        var extra = [String]()
        while let token = try reader.next() {
            switch token {
            case .positional(let p): paths.append(p)
            case .option("--json"): json = true
            case .option("--format"):
                let v = try reader.value(for: "--format")
                guard v == "json" || v == "text" else { throw UsageError(message: "facts --format is text or json, not '\(v)'") }
                json = v == "json"
            case .option("--year"): year = try parseYear(try reader.value(for: "--year"))
            case .option("--rules-extra"): extra.append(try reader.value(for: "--rules-extra"))
            case .option(let name): directory = try reader.value(for: name)
            }
        }
        guard let path = paths.first else { throw UsageError(message: "facts needs a file") }
        guard paths.count == 1 else {
            throw UsageError(message: "facts shows one file at a time, got \(paths.count) (\(paths.joined(separator: ", "))): run it once per file")
        }
        let ruleSet = try loadRules(directory, extra: extra)
        let document: Document
        do {
            if path == "-" {
                document = try DocumentLoader.load(bytes: try DocumentLoader.readStandardInput(), path: "-")
            } else {
                document = try DocumentLoader.load(path: path)
            }
        } catch {
            printError("\(path): error: \(error.message)")
            return 2
        }
        let facts = Pipeline(ruleSet: ruleSet, fiscalYear: year).facts(of: document)
        if let year, let own = facts.fiscalYear, own != year {
            note("\(path) states its own year, \(own): read as a report of \(own), not of --year \(year)")
        }
        print(json ? FactsFormatter.json(facts) : FactsFormatter.text(facts), terminator: "")
        return 0
    }
}

/// `jxlint rules show ID` and `jxlint rules show vocabulary`.
enum RuleDocs {
    static func describe(_ r: Rule) -> String {
        var out = "\(r.id)  [\(r.category.rawValue) / \(r.severity.rawValue) / \(r.kind.rawValue)\(r.check.map { ": \($0)" } ?? "")]\n"
        out += "\(r.info.title)\n\n"
        out += r.info.explanation.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        if let d = r.declaration { out += "检查 Check：\(d.doc)\n" }
        if let f = r.formula { out += "公式：\(f.source)\n框架：\(r.frames.map(\.rawValue).joined(separator: ", "))\n" }
        out += "定义于 \(r.file):\(r.position.line)\n"
        let declaration = r.declaration
        out += "\n参数 Parameters:\n"
        for p in declaration?.allParameters ?? [] {
            let value = r.parameters[p.name]
            out += "  \(p.name) (\(p.type.rawValue)\(p.allowed.isEmpty ? "" : ": " + p.allowed.joined(separator: " | "))) = "
            out += (value ?? p.defaultValue).shown + (value == nil ? "（默认 default）" : "")
            out += "\n      \(p.doc)\n"
        }
        func slots(_ list: [Slot]) -> String { list.map { "{\($0.rawValue)}" }.joined(separator: " ") }
        out += "\n消息 Messages:\n  message = \"\(r.message)\"\n      placeholders: \(slots([.label] + (declaration?.messageSlots ?? [])))\n"
        for m in declaration?.messages ?? [] {
            let text = r.messages[m.name]
            out += "  messages.\(m.name) = \(text.map { "\"\($0)\"" } ?? "（未设，用 message）")\n      \(m.doc); placeholders: \(slots([.label] + m.slots))\n"
        }
        if let evidence = declaration?.evidence, !evidence.isEmpty {
            out += "\n证据 Evidence (rules/evidence.toml [\(r.kind.rawValue)]; evidence.NAME in the rule rewords one):\n"
            for e in evidence {
                out += "  \(e.name) = \"\(r.evidence[e.name] ?? "")\"\(r.ownEvidence[e.name] == nil ? "" : "（本规则）")\n      \(e.doc); placeholders: \(slots(e.slots))\n"
            }
        }
        if declaration?.receives != nil { out += "\n（报告其他规则族转交的发现：\(declaration!.receives!.rawValue)）\n" }
        for e in r.examples {
            var text = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !e.marks.isEmpty { text += "\n（应指向第 " + e.marks.map { "\($0.start.line):\($0.start.column)" }.joined(separator: "、") + " 处）" }
            out += "\n\(e.fails ? "应报告" : "不应报告")：\n" + text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// Every word class with its documentation and its words.
    static func describe(_ vocabulary: Vocabulary) -> String {
        var out = "词表 Vocabulary (rules/vocabulary.toml; --rules-extra DIR/vocabulary.toml adds words)\n"
        for c in Vocabulary.Class.allCases {
            out += "\n\(c.rawValue): \(c.doc)\n  " + vocabulary[c].words.joined(separator: "、") + "\n"
        }
        return out
    }
}

/// Runs every rule's pass/fail examples (`jxlint rules test`, and the test suite).
public enum RuleExamples {
    public struct Results: Sendable {
        public var passed = 0
        public var failures = [String]()
    }

    public static func run(_ ruleSet: RuleSet) -> Results {
        var results = Results()
        // every rule runs, as in a real check (some rules report through others: a unit slip is
        // found while checking a sum); only the example's own rule is judged
        let all = Set(ruleSet.rules.map(\.id))
        let pipeline = Pipeline(ruleSet: ruleSet, only: all)
        let checker = Checker(ruleSet: ruleSet)
        for rule in ruleSet.rules {
            for example in rule.examples {
                // judged before findings about one slip are merged: a fail example may be a slip
                // that a stronger rule reports too
                var findings = [Finding]()
                if let document = try? DocumentLoader.load(bytes: Array(example.text.utf8), path: "\(rule.id).example.txt") {
                    findings = checker.check(pipeline.facts(of: document), only: all, merge: false)
                }
                let hits = findings.filter { $0.rule == rule.id }
                let ok = example.fails ? !hits.isEmpty : hits.isEmpty
                // a marked span: a finding of the rule must start there or cover it
                let missed = example.marks.filter { mark in
                    !hits.contains { $0.span.start == mark.start || ($0.span.start <= mark.start && mark.end <= $0.span.end) }
                }
                if ok && missed.isEmpty {
                    results.passed += 1
                } else if ok {
                    let where_ = "\(rule.file):\(example.position.line):\(example.position.column)"
                    let found = hits.map { "\($0.span.start.line):\($0.span.start.column)-\($0.span.end.line):\($0.span.end.column)" }.joined(separator: ", ")
                    results.failures.append("\(where_): \(rule.id): the marked figure at " + missed.map { "\($0.start.line):\($0.start.column)" }.joined(separator: ", ")
                                            + " raised nothing (findings at \(found))")
                } else {
                    let where_ = "\(rule.file):\(example.position.line):\(example.position.column)"
                    let found = hits.map { "\($0.span.start.line):\($0.span.start.column) \($0.message)（\($0.evidence)）" }.joined(separator: "; ")
                    results.failures.append("\(where_): \(rule.id): \(example.fails ? "fail example raised nothing" : "pass example raised: \(found)")")
                }
            }
        }
        return results
    }
}
