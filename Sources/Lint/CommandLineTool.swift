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

    check 选项 Options:
      --format text|json|sarif|html|csv    输出格式（默认 text）
      --output FILE|DIR                    写入文件（html：写入文件夹，每份报告一页，另有 index.html）
      --rules DIR                          使用该文件夹中的规则（默认：内置规则）
      --rules-extra DIR                    在规则之上追加该文件夹中的词语、词库、证据文字和规则（可重复）
      --config FILE                        配置文件（默认：从当前目录向上查找 .jxlint.toml）
      --year YYYY                          指定报告年度（默认：取自标题）
      --select RULE,…  --ignore RULE,…     按规则 id、类别（sum）或前缀（sum.parts-*）选择
      --min-severity info|warning|error    只报告此级别及以上
      --fail-on error|warning|never        出现此级别及以上的发现时退出码为 1（默认 error）
      --baseline FILE                      忽略基线文件中已接受的发现
      --write-baseline FILE                把本次的发现写成基线文件
      --jobs N                             并行检查的文件数（默认：CPU 核数）
      --color / --no-color                 文本输出是否着色（默认：终端时着色）

    退出码 Exit codes: 0 无达到 --fail-on 的发现；1 有；2 用法错误或有文件无法读取（其他文件照常检查）。
    """

    struct UsageError: Error { var message: String }

    /// Runs a command; returns the exit code.
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
            case "--version", "version": print("jxlint \(version)"); return 0
            case "--help", "-h", "help": print(usage); return 0
            default:
                // `jxlint PATH` is `jxlint check PATH`
                if FileManager.default.fileExists(atPath: command) || command == "-" { return try check([command] + args) }
                throw UsageError(message: "unknown command '\(command)'")
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

    static func value(_ args: [String], _ i: inout Int, _ name: String) throws -> String {
        i += 1
        guard i < args.count else { throw UsageError(message: "\(name) needs a value") }
        return args[i]
    }

    /// The default rules (or those of `--rules DIR`), extended by each `--rules-extra DIR` in order.
    static func loadRules(_ directory: String?, extra: [String] = []) throws -> RuleSet {
        var ruleSet = try directory.map { path throws(TOMLError) in try RuleSet.load(directory: path) } ?? RuleSet.embedded()
        for folder in extra {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError(message: "--rules-extra \(folder): no such folder")
            }
            ruleSet = try ruleSet.extended(with: folder)
        }
        return ruleSet
    }

    // MARK: check

    public static func parseCheck(_ args: [String]) throws -> CheckOptions {
        var options = CheckOptions()
        var configPath: String?
        if let i = args.firstIndex(of: "--config"), i + 1 < args.count { configPath = args[i + 1] }
        if let path = configPath ?? ConfigFile.find() { try ConfigFile.apply(path, to: &options) }
        var i = 0
        while i < args.count {
            let a = args[i]
            switch a {
            case "--format":
                let v = try value(args, &i, a)
                guard let f = OutputFormat(rawValue: v) else { throw UsageError(message: "unknown format '\(v)' (text, json, sarif, html, csv)") }
                options.format = f
            case "--output", "-o": options.output = try value(args, &i, a)
            case "--rules": options.rulesDirectory = try value(args, &i, a)
            case "--rules-extra": options.rulesExtra.append(try value(args, &i, a))
            case "--config": _ = try value(args, &i, a)
            case "--year":
                let v = try value(args, &i, a)
                guard let y = Int(v), (1990...2100).contains(y) else { throw UsageError(message: "--year needs a year such as 2022, not '\(v)'") }
                options.fiscalYear = y
            case "--select": options.select = try value(args, &i, a).split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            case "--ignore": options.ignore = try value(args, &i, a).split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            case "--min-severity":
                let v = try value(args, &i, a)
                guard let s = Severity(rawValue: v) else { throw UsageError(message: "unknown severity '\(v)' (info, warning, error)") }
                options.minSeverity = s
            case "--fail-on":
                let v = try value(args, &i, a)
                if v == "never" { options.failOn = nil } else if let s = Severity(rawValue: v) { options.failOn = s } else {
                    throw UsageError(message: "unknown --fail-on '\(v)' (error, warning, never)")
                }
            case "--baseline": options.baseline = try value(args, &i, a)
            case "--write-baseline": options.writeBaseline = try value(args, &i, a)
            case "--jobs", "-j":
                let v = try value(args, &i, a)
                guard let n = Int(v), n >= 1 else { throw UsageError(message: "--jobs needs a positive number") }
                options.jobs = n
            case "--color": options.color = true
            case "--no-color": options.color = false
            default:
                if a.hasPrefix("--") { throw UsageError(message: "unknown option '\(a)'") }
                options.paths.append(a)
            }
            i += 1
        }
        if options.paths.isEmpty { throw UsageError(message: "check needs at least one file or folder (or - for standard input)") }
        return options
    }

    static func check(_ args: [String]) throws -> Int32 {
        let options = try parseCheck(args)
        let ruleSet = try loadRules(options.rulesDirectory, extra: options.rulesExtra)
        let selected = Set(ruleSet.rules.filter { $0.enabled && options.selects($0.id, category: $0.category.rawValue) }.map(\.id))
        let pipeline = Pipeline(ruleSet: ruleSet, fiscalYear: options.fiscalYear, only: selected)
        let entries = FileDiscovery.expand(options.paths)
        var stdinBytes: [UInt8]?
        if entries.contains(where: { $0.path == "-" }) { stdinBytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        var reports = Batch.run(entries, pipeline: pipeline, jobs: options.jobs, stdin: stdinBytes)
        if let b = options.baseline {
            let baseline: Baseline
            do { baseline = try Baseline.read(b) } catch { throw UsageError(message: "cannot read baseline \(b): \(error.localizedDescription)") }
            reports = reports.map(baseline.filter)
        }
        for k in reports.indices { reports[k].findings.removeAll { $0.severity < options.minSeverity } }
        if let w = options.writeBaseline { try Baseline.write(reports, to: w) }

        var formatOptions = FormatOptions()
        formatOptions.toolVersion = version
        formatOptions.rules = ruleSet.rules.map(\.info)
        formatOptions.color = options.color ?? (options.format == .text && options.output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        try write(reports, options: options, formatOptions: formatOptions)

        if reports.contains(where: { $0.error != nil }) { return 2 }
        if let threshold = options.failOn, reports.contains(where: { $0.findings.contains { $0.severity >= threshold } }) { return 1 }
        return 0
    }

    static func write(_ reports: [FileReport], options: CheckOptions, formatOptions: FormatOptions) throws {
        if options.format == .html {
            let site = Formatters.htmlSite(reports, options: formatOptions)
            guard let dir = options.output else {
                // one report to standard output
                if reports.count == 1 { print(Formatters.htmlPage(reports[0], options: formatOptions), terminator: "") }
                else { print(Formatters.htmlIndex(reports, pageNames: [], options: formatOptions), terminator: "") }
                return
            }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                for file in site {
                    try file.contents.write(toFile: (dir as NSString).appendingPathComponent(file.name), atomically: true, encoding: .utf8)
                }
            } catch {
                throw UsageError(message: "cannot write the HTML pages to \(dir): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
            return
        }
        let text = Formatters.render(reports, as: options.format, options: formatOptions)
        if let path = options.output {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw UsageError(message: "cannot write \(path): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(text.data(using: .utf8)!)
        }
    }

    // MARK: rules

    static func rules(_ args: [String]) throws -> Int32 {
        var rest = [String]()
        var directory: String?
        var extra = [String]()
        var i = 0
        while i < args.count {
            if args[i] == "--rules" { directory = try value(args, &i, "--rules") }
            else if args[i] == "--rules-extra" { extra.append(try value(args, &i, "--rules-extra")) }
            else { rest.append(args[i]) }
            i += 1
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
            guard let r = ruleSet.rule(rest[1]) else { throw UsageError(message: "no rule '\(rest[1])' (jxlint rules list)") }
            print(RuleDocs.describe(r))
            return 0
        case "test":
            let results = RuleExamples.run(ruleSet)
            for failure in results.failures { print(failure) }
            print("\(results.passed) passed, \(results.failures.count) failed")
            return results.failures.isEmpty ? 0 : 1
        default:
            throw UsageError(message: "unknown rules command '\(rest[0])' (list, show ID, test)")
        }
    }

    // MARK: facts

    static func facts(_ args: [String]) throws -> Int32 {
        var path: String?
        var json = false
        var year: Int?
        var directory: String?
        var extra = [String]()
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--rules-extra": extra.append(try value(args, &i, "--rules-extra"))
            case "--format": json = try value(args, &i, "--format") == "json"
            case "--json": json = true
            case "--year":
                let v = try value(args, &i, "--year")
                guard let y = Int(v), (1990...2100).contains(y) else { throw UsageError(message: "--year needs a year such as 2022, not '\(v)'") }
                year = y
            case "--rules": directory = try value(args, &i, "--rules")
            default: path = args[i]
            }
            i += 1
        }
        guard let path else { throw UsageError(message: "facts needs a file") }
        let ruleSet = try loadRules(directory, extra: extra)
        let document: Document
        do {
            if path == "-" {
                document = try DocumentLoader.load(bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), path: "-")
            } else {
                document = try DocumentLoader.load(path: path)
            }
        } catch {
            printError("\(path): error: \(error.message)")
            return 2
        }
        let facts = Pipeline(ruleSet: ruleSet, fiscalYear: year).facts(of: document)
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
        let pipeline = Pipeline(ruleSet: ruleSet, only: Set(ruleSet.rules.map(\.id)))
        for rule in ruleSet.rules {
            for example in rule.examples {
                let report = pipeline.report(text: example.text, path: "\(rule.id).example.txt")
                let hits = report.findings.filter { $0.rule == rule.id }
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
