import Foundation
import JXCore
import Testing
@testable import JXRules

// MARK: - Helpers

private let fileName = "rules/t.toml"

private func parse(_ text: String) throws(TOMLError) -> TOMLTable {
    try TOML.parse(text, file: fileName)
}

private func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

private func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

/// Walks a dotted path of plain keys through tables.
private func node(_ table: TOMLTable, _ path: String...) -> TOMLNode? {
    var current = TOMLNode(.table(table), position: table.position)
    for key in path {
        guard case .table(let t) = current.value, let next = t[key] else { return nil }
        current = next
    }
    return current
}

private func str(_ n: TOMLNode?) -> String? {
    if case .string(let s)? = n?.value { return s }
    return nil
}

private func int(_ n: TOMLNode?) -> Int64? {
    if case .integer(let v)? = n?.value { return v }
    return nil
}

private func arr(_ n: TOMLNode?) -> [TOMLNode]? {
    if case .array(let a)? = n?.value { return a }
    return nil
}

private func tbl(_ n: TOMLNode?) -> TOMLTable? {
    if case .table(let t)? = n?.value { return t }
    return nil
}

/// The error of a document that must not parse.
private func parseError(_ text: String) -> TOMLError? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return error
    }
}

// MARK: - The rule-file sample

private let sample = """
# jxlint rules
[[rule]]
id = "sum.expenditure-parts"
category = "sum"
severity = "error"
kind = "formula"
frames = ["sentence", "paragraph"]
formula = "spend.total == spend.basic + spend.project"
tolerance = 0.005
message = "基本支出与项目支出之和与{whole}不符"
explanation = \"\"\"
部门支出由基本支出和项目支出构成。\\
两者之和应等于支出总额。
\"\"\"
pass = [
  "资金总支出33364.97万元，其中，基本支出822.24万元，项目支出32542.73万元。",
]
fail = [
  '全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。',
]
[[rule.example]]
text = "x"
expect = { count = 1, line = 1 }

"""

@Test func sampleRuleFileParsesToExpectedValues() throws {
    let root = try parse(sample)
    #expect(root.keys == ["rule"])
    #expect(root.position == pos(2, 1))
    let rules = try root.required("rule", file: fileName).tables(file: fileName, key: "rule")
    #expect(rules.count == 1)
    let rule = rules[0]
    #expect(rule.position == pos(2, 1))
    #expect(rule.path == ["rule"])
    #expect(rule.keys == ["id", "category", "severity", "kind", "frames", "formula", "tolerance", "message",
                          "explanation", "pass", "fail", "example"])
    #expect(try rule.string("id", file: fileName) == "sum.expenditure-parts")
    #expect(try rule.string("category", file: fileName) == "sum")
    #expect(try rule.string("severity", file: fileName) == "error")
    #expect(try rule.string("kind", file: fileName) == "formula")
    #expect(try rule.strings("frames", file: fileName) == ["sentence", "paragraph"])
    #expect(try rule.string("formula", file: fileName) == "spend.total == spend.basic + spend.project")
    #expect(rule["tolerance"]?.value == .decimal(dec("0.005"), literal: "0.005"))
    #expect(try rule.decimal("tolerance", file: fileName) == dec("0.005"))
    #expect(try rule.string("message", file: fileName) == "基本支出与项目支出之和与{whole}不符")
    #expect(try rule.string("explanation", file: fileName) == "部门支出由基本支出和项目支出构成。两者之和应等于支出总额。\n")
    #expect(try rule.strings("pass", file: fileName)
            == ["资金总支出33364.97万元，其中，基本支出822.24万元，项目支出32542.73万元。"])
    #expect(try rule.strings("fail", file: fileName)
            == ["全年预算数33463.78万元，其中，基本支出预算数822.24万元，项目支出预算数32542.73万元。"])
    let examples = try #require(try rule.tables("example", file: fileName))
    #expect(examples.count == 1)
    #expect(examples[0].position == pos(21, 1))
    #expect(examples[0].path == ["rule", "example"])
    #expect(try examples[0].string("text", file: fileName) == "x")
    let expect = try #require(try examples[0].table("expect", file: fileName))
    #expect(expect.keys == ["count", "line"])
    #expect(try expect.int("count", file: fileName) == 1)
    #expect(try expect.int("line", file: fileName) == 1)
    #expect(expect.position == pos(23, 10))
    #expect(expect.path == ["rule", "example", "expect"])

    // Positions of keys and values, in Unicode scalars.
    #expect(rule.entry("id")?.keyPosition == pos(3, 1))
    #expect(rule["id"]?.position == pos(3, 6))
    #expect(rule["tolerance"]?.position == pos(9, 13))
    #expect(rule.entry("message")?.keyPosition == pos(10, 1))
    #expect(rule["explanation"]?.position == pos(11, 15))
    #expect(arr(rule["pass"])?[0].position == pos(16, 3))
    #expect(rule.entry("example")?.keyPosition == pos(21, 8))
}

// MARK: - Keys

@Test func bareQuotedLiteralAndDottedKeys() throws {
    let root = try parse("""
    bare_key-1 = 1
    "引号 键" = "中文"
    'C:\\path' = 2
    "" = "empty key"
    a . b  .c = 3
    a."点.号" = 4
    site."google.com" = true
    1234 = "digits"
    """)
    #expect(root.keys == ["bare_key-1", "引号 键", "C:\\path", "", "a", "site", "1234"])
    #expect(int(root["bare_key-1"]) == 1)
    #expect(str(root["引号 键"]) == "中文")
    #expect(int(root["C:\\path"]) == 2)
    #expect(str(root[""]) == "empty key")
    #expect(int(node(root, "a", "b", "c")) == 3)
    #expect(int(node(root, "a", "点.号")) == 4)
    #expect(node(root, "site", "google.com")?.value == .bool(true))
    #expect(str(root["1234"]) == "digits")
    // Dotted tables are positioned at the key that created them.
    #expect(root.entry("a")?.keyPosition == pos(5, 1))
    #expect(tbl(root["a"])?.entry("b")?.keyPosition == pos(5, 5))
    #expect(tbl(node(root, "a", "b"))?.entry("c")?.keyPosition == pos(5, 9))
    #expect(tbl(node(root, "a", "b"))?.path == ["a", "b"])
}

// MARK: - Strings

@Test func basicStringEscapes() throws {
    let root = try parse(#"""
    s = "制表\t换行\n引号\"反斜杠\\退格\b换页\f回车\r"
    u = "\u4E2D\u6587 \U0001F600 \u00e9"
    lit = '不转义 \n \t "双引号"'
    tab = "a	b"
    """#)
    #expect(str(root["s"]) == "制表\t换行\n引号\"反斜杠\\退格\u{08}换页\u{0C}回车\r")
    #expect(str(root["u"]) == "中文 😀 é")
    #expect(str(root["lit"]) == #"不转义 \n \t "双引号""#)
    #expect(str(root["tab"]) == "a\tb")
}

/// Strings without escapes are made from their scalars in one piece: every UTF-8 length, empty
/// strings and bare keys come out as written.
@Test func stringsWithoutEscapesKeepEveryScalar() throws {
    let root = try parse(#"""
    e = ""
    l = ''
    mixed = "a é 中 😀 z"
    lit = 'a é 中 😀 z'
    key-1_x = "末尾\\"
    """#)
    #expect(str(root["e"]) == "")
    #expect(str(root["l"]) == "")
    #expect(str(root["mixed"]) == "a é 中 😀 z")
    #expect(str(root["lit"]) == "a é 中 😀 z")
    #expect(str(root["key-1_x"]) == "末尾\\")
}

@Test func multiLineBasicStrings() throws {
    let root = try parse(#"""
    a = """
    第一行
    第二行"""
    b = """\
        部门支出由基本支出和项目支出构成。\
        两者之和应等于支出总额。\
        """
    c = """两个引号 "" 一个 " 结尾""""
    d = """结尾两个引号"""""
    e = """行尾反斜杠后有空格 \   
       继续"""
    f = """\u4E2D\t文"""
    g = """"""
    """#)
    #expect(str(root["a"]) == "第一行\n第二行")
    #expect(str(root["b"]) == "部门支出由基本支出和项目支出构成。两者之和应等于支出总额。")
    #expect(str(root["c"]) == #"两个引号 "" 一个 " 结尾""#)
    #expect(str(root["d"]) == #"结尾两个引号"""#)
    #expect(str(root["e"]) == "行尾反斜杠后有空格 继续")
    #expect(str(root["f"]) == "中\t文")
    #expect(str(root["g"]) == "")
}

@Test func multiLineLiteralStrings() throws {
    let root = try parse("""
    a = '''
    原样 \\n 保留
      缩进也保留'''
    b = '''一个引号 ' 两个 '' 结尾'''''
    c = ''''''
    """)
    #expect(str(root["a"]) == "原样 \\n 保留\n  缩进也保留")
    #expect(str(root["b"]) == "一个引号 ' 两个 '' 结尾''")
    #expect(str(root["c"]) == "")
}

// MARK: - Numbers and booleans

@Test func integers() throws {
    let root = try parse("""
    a = 42
    b = +17
    c = -5
    d = 1_000_000
    e = 0
    f = -0
    g = 9223372036854775807
    h = -9223372036854775808
    i = 0xDEAD_beef
    j = 0o755
    k = 0b1101
    """)
    let expected: [(String, Int64)] = [("a", 42), ("b", 17), ("c", -5), ("d", 1_000_000), ("e", 0), ("f", 0),
                                       ("g", .max), ("h", .min), ("i", 0xDEAD_BEEF), ("j", 0o755), ("k", 0b1101)]
    for (key, value) in expected {
        #expect(int(root[key]) == value, "key \(key)")
    }
}

@Test func decimalsStayExact() throws {
    let root = try parse("""
    a = 0.005
    b = -12.50
    c = 1_000.000_1
    d = 0.1
    e = -0.0
    f = +3.14159265358979323846264338327950288
    g = 33364.97
    """)
    #expect(root["a"]?.value == .decimal(dec("0.005"), literal: "0.005"))
    #expect(root["b"]?.value == .decimal(dec("-12.5"), literal: "-12.50"))
    #expect(root["c"]?.value == .decimal(dec("1000.0001"), literal: "1_000.000_1"))
    // 0.1 is exact: 0.1 + 0.2 == 0.3 holds.
    let d = try #require(try root.decimal("d", file: fileName))
    #expect(d + dec("0.2") == dec("0.3"))
    let e = try #require(try root.decimal("e", file: fileName))
    #expect(e == 0)
    #expect(!e.isNaN)
    #expect(root["f"]?.value == .decimal(dec("3.14159265358979323846264338327950288"),
                                         literal: "+3.14159265358979323846264338327950288"))
    #expect(try root.decimal("g", file: fileName) == dec("33364.97"))
    // Integers are numbers too for `decimal`.
    let r2 = try parse("n = 7")
    #expect(try r2.decimal("n", file: fileName) == 7)
}

@Test func booleans() throws {
    let root = try parse("t = true\nf = false")
    #expect(root["t"]?.value == .bool(true))
    #expect(root["f"]?.value == .bool(false))
    #expect(try root.bool("t", file: fileName) == true)
}

// MARK: - Arrays and inline tables

@Test func arrays() throws {
    let root = try parse("""
    empty = []
    ints = [ 1, 2, 3 ]
    nested = [ [1, 2], ["a", 'b'], [] ]
    mixed = [ 1, "二", 3.0, true, { x = 1 } ]
    multi = [
      # 注释
      "第一",   # 行尾注释
      "第二",

      "第三",   # 末尾逗号
    ]
    """)
    #expect(arr(root["empty"])?.isEmpty == true)
    #expect(arr(root["ints"])?.compactMap { int($0) } == [1, 2, 3])
    let nested = try #require(arr(root["nested"]))
    #expect(nested.count == 3)
    #expect(arr(nested[0])?.compactMap { int($0) } == [1, 2])
    #expect(arr(nested[1])?.compactMap { str($0) } == ["a", "b"])
    #expect(arr(nested[2])?.isEmpty == true)
    let mixed = try #require(arr(root["mixed"]))
    #expect(mixed.map(\.value.typeDescription)
            == ["an integer", "a string", "a decimal number", "a boolean", "a table"])
    #expect(try root.strings("multi", file: fileName) == ["第一", "第二", "第三"])
    #expect(arr(root["multi"])?.map(\.position) == [pos(7, 3), pos(8, 3), pos(10, 3)])
}

@Test func multiLineArrayOfMultiLineStrings() throws {
    let root = try parse(#"""
    pass = [
      """
    第一段第一行
    第一段第二行""",
      '''
    原样\文本''', # 注释
      """\
        续行\
        合并""",
    ]
    """#)
    let pass = try #require(try root.strings("pass", file: fileName))
    #expect(pass == ["第一段第一行\n第一段第二行", "原样\\文本", "续行合并"])
    #expect(arr(root["pass"])?.map(\.position) == [pos(2, 3), pos(5, 3), pos(7, 3)])
}

@Test func inlineTables() throws {
    let root = try parse("""
    expect = { count = 1, line = 1 }
    empty = {}
    point = { x = 1, y = { z = "深" }, a.b = "点" , a.c = 2 }
    list = [ { id = "甲" }, { id = "乙" } ]
    long = { s = \"\"\"
    多行\"\"\", arr = [
      1,
    ] }
    """)
    #expect(tbl(root["expect"])?.keys == ["count", "line"])
    #expect(tbl(root["empty"])?.isEmpty == true)
    #expect(str(node(root, "point", "y", "z")) == "深")
    #expect(str(node(root, "point", "a", "b")) == "点")
    #expect(int(node(root, "point", "a", "c")) == 2)
    #expect(tbl(root["point"])?.position == pos(3, 9))
    let list = try #require(try root.tables("list", file: fileName))
    #expect(list.compactMap { try? $0.string("id", file: fileName) } == ["甲", "乙"])
    #expect(str(node(root, "long", "s")) == "多行")
    #expect(arr(node(root, "long", "arr"))?.count == 1)
}

// MARK: - Tables and arrays of tables

@Test func tablesAndHeaders() throws {
    let root = try parse("""
    top = 0
    [a]
    x = 1
    [a.b]
    y = 2
    [ "引号" . 'lit' . bare ]
    z = 3
    [p.q.r]
    deep = true
    [p]
    direct = 1
    [p.q]
    mid = 2
    [fruit]
    apple.color = "红"
    apple.taste.sweet = true
    [fruit.apple.texture]
    smooth = true
    """)
    #expect(root.keys == ["top", "a", "引号", "p", "fruit"])
    #expect(int(node(root, "a", "x")) == 1)
    #expect(int(node(root, "a", "b", "y")) == 2)
    #expect(int(node(root, "引号", "lit", "bare", "z")) == 3)
    #expect(node(root, "p", "q", "r", "deep")?.value == .bool(true))
    #expect(int(node(root, "p", "direct")) == 1)
    #expect(int(node(root, "p", "q", "mid")) == 2)
    #expect(tbl(node(root, "p", "q"))?.keys == ["r", "mid"])
    #expect(str(node(root, "fruit", "apple", "color")) == "红")
    #expect(node(root, "fruit", "apple", "taste", "sweet")?.value == .bool(true))
    #expect(node(root, "fruit", "apple", "texture", "smooth")?.value == .bool(true))
    // An implicit table that later gets its own header is positioned at that header.
    #expect(tbl(root["p"])?.position == pos(10, 1))
    #expect(root.entry("p")?.keyPosition == pos(10, 2))
    #expect(tbl(node(root, "a", "b"))?.position == pos(4, 1))
    #expect(tbl(node(root, "a", "b"))?.path == ["a", "b"])
    #expect(root.entry("引号")?.keyPosition == pos(6, 3))
    #expect(root.position == pos(1, 1))
}

@Test func arraysOfTablesWithSubTables() throws {
    let root = try parse("""
    [[rule]]
    id = "一"
    [[rule.example]]
    text = "例一"
    [[rule.example]]
    text = "例二"
    [rule.meta]
    owner = "甲"

    [[rule]]
    id = "二"
    [[rule.example]]
    text = "例三"
    [rule.meta]
    owner = "乙"
    """)
    let rules = try #require(try root.tables("rule", file: fileName))
    #expect(rules.count == 2)
    #expect(rules.map(\.position) == [pos(1, 1), pos(10, 1)])
    #expect(try rules[0].string("id", file: fileName) == "一")
    #expect(try rules[0].tables("example", file: fileName)?.compactMap { try? $0.string("text", file: fileName) }
            == ["例一", "例二"])
    #expect(try rules[0].table("meta", file: fileName)?.string("owner", file: fileName) == "甲")
    #expect(try rules[1].string("id", file: fileName) == "二")
    #expect(try rules[1].tables("example", file: fileName)?.compactMap { try? $0.string("text", file: fileName) }
            == ["例三"])
    #expect(try rules[1].table("meta", file: fileName)?.string("owner", file: fileName) == "乙")
    #expect(root["rule"]?.position == pos(1, 1))
    #expect(rules[1].keys == ["id", "example", "meta"])
}

// MARK: - Line ends, BOM, comments

@Test func crlfInput() throws {
    let text = "# 注释\r\n[[rule]]\r\nid = \"甲\"  # 行尾\r\nlist = [\r\n  1,\r\n  2,\r\n]\r\n"
        + "ml = \"\"\"\r\n第一\r\n第二\\\r\n   续\"\"\"\r\nlit = '''\r\na\r\nb'''\r\n"
    let root = try parse(text)
    let rule = try #require(try root.tables("rule", file: fileName)?.first)
    #expect(try rule.string("id", file: fileName) == "甲")
    #expect(arr(rule["list"])?.compactMap { int($0) } == [1, 2])
    #expect(try rule.string("ml", file: fileName) == "第一\n第二续")
    #expect(try rule.string("lit", file: fileName) == "a\nb")
    #expect(rule["id"]?.position == pos(3, 6))
    #expect(rule.entry("lit")?.keyPosition == pos(12, 1))
    // Errors on CRLF files are positioned the same way.
    let err = try #require(parseError("a = 1\r\nb = \"x\r\nc = 2\r\n"))
    #expect(err.message == "unterminated string (started at 2:5)")
    #expect(err.position == pos(2, 7))
}

@Test func bomCommentsAndBlankLines() throws {
    let root = try parse("\u{FEFF}# 开头注释\n\n   \t\nkey = \"值\" # 注释 with \"quotes\" and # hashes\n# 结尾")
    #expect(str(root["key"]) == "值")
    #expect(root.entry("key")?.keyPosition == pos(4, 1))
    #expect(try parse("").isEmpty)
    #expect(try parse("\u{FEFF}").isEmpty)
    #expect(try parse("# only a comment").isEmpty)
    let err = try #require(parseError("\u{FEFF}a = ?"))
    #expect(err.position == pos(1, 5))
}

@Test func unicodeColumnsCountScalars() throws {
    let root = try parse("\"中文键\" = \"值\"")
    #expect(root["中文键"]?.position == pos(1, 9))
    let err = try #require(parseError("说明 = \"支出\" 多余"))
    // A non-ASCII key must be quoted: the error is at the first character.
    #expect(err.message == "expected a key, found '说明'")
    #expect(err.position == pos(1, 1))
    let err2 = try #require(parseError("\"说明\" = \"支出\" 多余"))
    #expect(err2.message == "expected end of line after the value of '\"说明\"', found '多余'")
    #expect(err2.position == pos(1, 13))
}

// MARK: - Errors: exact message and position

struct ErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let message: String
    let line: Int
    let column: Int
    var testDescription: String { message }

    init(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        self.text = text
        self.message = message
        self.line = line
        self.column = column
    }
}

private let errorCases: [ErrorCase] = [
    ErrorCase("severity error", "expected '=' after key 'severity', found 'error'", 1, 10),
    ErrorCase("severity = error", "expected a value for 'severity', found 'error' (strings must be quoted)", 1, 12),
    ErrorCase("a = 1\nb = \"abc\nc = 2", "unterminated string (started at 2:5)", 2, 9),
    ErrorCase("a = 'abc", "unterminated string (started at 1:5)", 1, 9),
    ErrorCase("a = \"\"\"\n多行", "unterminated multi-line string (started at 1:5)", 2, 3),
    ErrorCase("id = 1\nid = 2", "duplicate key 'id' (first defined at 1:1)", 2, 1),
    ErrorCase("[r]\na.b = 1\na.b = 2", "duplicate key 'a.b' (first defined at 2:3)", 3, 3),
    ErrorCase("[rule]\nid = 1\n[rule]", "table [rule] redefined (first defined at 1:1)", 3, 1),
    ErrorCase("a = \"x\\qy\"", "invalid escape '\\q'", 1, 7),
    ErrorCase("a = \"\\u12G4\"", "invalid escape '\\u12': expected 4 hexadecimal digits", 1, 6),
    ErrorCase("a = \"\\uD83D\\uDE00\"", "invalid escape '\\uD83D': surrogate code points are not allowed", 1, 6),
    ErrorCase("a = \"\\U00110000\"", "invalid escape '\\U00110000': beyond U+10FFFF", 1, 6),
    ErrorCase("a = \"x\u{01}\"", "control character U+0001 is not allowed in a string; write it as \\u0001", 1, 7),
    ErrorCase("a = 1e3", "exponent notation ('1e3') is not supported in jxlint rule files; "
              + "write the number as a plain decimal", 1, 6),
    ErrorCase("a = -inf", "'-inf' is not supported in jxlint rule files (only finite decimal numbers)", 1, 5),
    ErrorCase("d = 1979-05-27", "dates and times are not supported in jxlint rule files (found '1979-05-27'); "
              + "write them as strings", 1, 5),
    ErrorCase("t = 07:32:00", "dates and times are not supported in jxlint rule files (found '07:32:00'); "
              + "write them as strings", 1, 5),
    ErrorCase("a = 01", "invalid number '01': leading zeros are not allowed", 1, 5),
    ErrorCase("a = 1__0", "invalid number '1__0': '_' must be between two digits", 1, 6),
    ErrorCase("a = 1.", "invalid number '1.': expected a digit after '.'", 1, 7),
    ErrorCase("a = .5", "expected a value for 'a', found '.'", 1, 5),
    ErrorCase("a = +0x10", "invalid number '+0x10': a sign is not allowed on hexadecimal, octal or binary integers",
              1, 5),
    ErrorCase("a = 9223372036854775808", "integer '9223372036854775808' is out of range (64-bit)", 1, 5),
    ErrorCase("a = [1, 2", "unterminated array (started at 1:5)", 1, 10),
    ErrorCase("a = [1 2]", "expected ',' or ']' after array element, found '2'", 1, 8),
    ErrorCase("a = [,]", "expected a value in array, found ','", 1, 6),
    ErrorCase("t = { a = 1, }", "trailing comma is not allowed in an inline table", 1, 14),
    ErrorCase("t = { a = 1\n}", "expected ',' or '}' in inline table, found end of line "
              + "(inline tables must be on one line)", 1, 12),
    ErrorCase("t = { a = 1, a = 2 }", "duplicate key 'a' (first defined at 1:7)", 1, 14),
    ErrorCase("a = \"x\" b", "expected end of line after the value of 'a', found 'b'", 1, 9),
    ErrorCase("[a]]", "expected end of line after table header [a], found ']'", 1, 4),
    ErrorCase("[a", "expected ']' to close table header [a, found end of file", 1, 3),
    ErrorCase("[[a]\n", "expected ']]' to close array-of-tables header [[a, found end of line", 1, 5),
    ErrorCase("[]", "expected a key in table header, found ']'", 1, 2),
    ErrorCase("= 1", "expected a key, found '='", 1, 1),
    ErrorCase("a = ", "expected a value for 'a', found end of file", 1, 5),
    ErrorCase("a.b = 1\na = 2", "duplicate key 'a' (first defined at 1:1)", 2, 1),
    ErrorCase("a = 1\na.b = 2", "cannot add 'a.b': 'a' is already an integer (defined at 1:1)", 2, 1),
    ErrorCase("[a]\nb = 1\n[a.b]", "table [a.b] redefined: 'a.b' is already an integer (defined at 2:1)", 3, 1),
    ErrorCase("[fruit]\napple.color = 1\n[fruit.apple]",
              "table [fruit.apple] redefined (first defined by a dotted key at 2:1)", 3, 1),
    ErrorCase("[a.b.c]\nz = 9\n[a]\nb.c.t = 1",
              "cannot add 'b.c.t' with a dotted key: table [a.b.c] is defined by a header at 1:1", 4, 3),
    ErrorCase("a = [1]\n[[a]]", "cannot define array of tables [[a]]: 'a' is already a static array (defined at 1:1)",
              2, 1),
    ErrorCase("[[a]]\n[a]", "table [a] conflicts with array of tables [[a]] (defined at 1:1)", 2, 1),
    ErrorCase("[a]\n[[a]]", "cannot define array of tables [[a]]: 'a' is already a table (defined at 1:1)", 2, 1),
    ErrorCase("a = { b = 1 }\n[a.c]",
              "cannot define [a.c]: 'a' is an inline table (defined at 1:1) and cannot be extended", 2, 2),
    ErrorCase("a = { b = 1 }\na.c = 2", "cannot add 'a.c': inline table 'a' (defined at 1:1) cannot be extended", 2, 1),
    ErrorCase("\"\"\"k\"\"\" = 1", "multi-line strings cannot be used as keys", 1, 1),
    ErrorCase("a = \"x\\\ny\"", "invalid escape: '\\' at end of line is only allowed in multi-line strings", 1, 7),
    ErrorCase("a = \"\"\"x\\ y\"\"\"", "invalid escape: '\\' followed by ' '", 1, 9),
    ErrorCase("a = 1\rb = 2", "bare carriage return (U+000D); lines must end with LF or CRLF", 1, 6),
    ErrorCase("# bad \u{07} comment", "control character U+0007 is not allowed in a comment", 1, 7),
    ErrorCase("a = [\n  1,\n  \"未闭合\n]", "unterminated string (started at 3:3)", 3, 7),
    ErrorCase("a = 'x'\n\n[b]\nc = d", "expected a value for 'c', found 'd' (strings must be quoted)", 4, 5),
]

@Test(arguments: errorCases)
func errorMessagesAndPositions(_ c: ErrorCase) throws {
    let err = try #require(parseError(c.text), "expected a parse error for \(c.text.debugDescription)")
    #expect(err.message == c.message)
    #expect(err.line == c.line)
    #expect(err.column == c.column)
    #expect(err.file == fileName)
    #expect(err.description == "\(fileName):\(c.line):\(c.column): \(c.message)")
}

/// TOML 1.0 table-definition rules around dotted keys, headers and inline tables.
@Test func redefinitionRules() throws {
    // Header sub-tables may go through tables made by dotted keys, but not redefine them.
    _ = try parse("[f]\na.color = 1\na.taste.sweet = true\n[f.a.texture]\nsmooth = true")
    #expect(parseError("[f]\na.color = 1\na.taste.sweet = true\n[f.a.taste]")?.message
            == "table [f.a.taste] redefined (first defined by a dotted key at 3:3)")
    // Dotted keys may go through tables that headers only created implicitly ...
    let root = try parse("[a.b.c]\nz = 9\n[a]\nb.d = 1")
    #expect(int(node(root, "a", "b", "d")) == 1)
    #expect(int(node(root, "a", "b", "c", "z")) == 9)
    // ... which then count as defined by those dotted keys.
    #expect(parseError("[a.b.c]\n[a]\nb.d = 1\n[a.b]")?.message
            == "table [a.b] redefined (first defined by a dotted key at 1:4)")
    // Not into a table an explicit header defined, however deep.
    #expect(parseError("[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1")?.message
            == "cannot add 'b.c.d.k.t' with a dotted key: table [a.b.c.d] is defined by a header at 1:1")
    // Tables inside static arrays and inline tables are closed.
    #expect(parseError("a = [{ b = 1 }]\n[a.c]")?.message
            == "cannot define [a.c]: 'a' is already an array (defined at 1:1)")
    #expect(parseError("t = { f = { x.y = 1 }, f.z = 2 }")?.message
            == "cannot add 'f.z': inline table 'f' (defined at 1:7) cannot be extended")
    #expect(parseError("[p]\nt.n = 1\nt = { e = false }")?.message
            == "duplicate key 't' (first defined at 2:1)")
    // An implicit table may get its header later, once.
    _ = try parse("[x.y]\n[x]\n")
    #expect(parseError("[x.y]\n[x]\n[x]")?.message == "table [x] redefined (first defined at 2:1)")
    // [[a.b]] before [[a]] makes 'a' a table, not an array of tables.
    #expect(parseError("[[rule.example]]\n[[rule]]")?.message
            == "cannot define array of tables [[rule]]: 'rule' is already a table (defined at 1:3)")
    // Keys are case-sensitive and quoting does not change identity.
    #expect(try parse("a = 1\nA = 2").count == 2)
    #expect(parseError("a = 1\n\"a\" = 2")?.message == "duplicate key 'a' (first defined at 1:1)")
}

@Test func quotesInsideMultiLineStrings() throws {
    let root = try parse(#"""
    a = """"在开头"""
    b = """一"""
    c = '''''在开头'''
    """#)
    #expect(str(root["a"]) == "\"在开头")
    #expect(str(root["b"]) == "一")
    #expect(str(root["c"]) == "''在开头")
    #expect(parseError(#"a = """x"""""""#)?.message == "expected end of line after the value of 'a', found '\"'")
}

@Test func errorCaseCount() {
    #expect(errorCases.count >= 15)
    #expect(Set(errorCases.map(\.message)).count == errorCases.count)
}

private let tooDeep = "nesting too deep (more than 32 levels of tables and arrays)"

@Test func nestingDepthIsCapped() throws {
    #expect(TOML.maxNestingDepth == 32)
    let ok = "a = " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
    #expect(parseError(ok) == nil)
    let over = "a = " + String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
    #expect(parseError(over)?.message == tooDeep)
    #expect(parseError(over)?.position == pos(1, 37))
    let deep = "a = " + String(repeating: "[", count: 100_000)
    #expect(parseError(deep)?.message == tooDeep)
    let inline = "a = " + String(repeating: "{b=", count: 100_000)
    #expect(parseError(inline)?.message == tooDeep)
    let dotted = Array(repeating: "k", count: 100_000).joined(separator: ".") + " = 1"
    #expect(parseError(dotted)?.message == tooDeep)
    let header = "[" + Array(repeating: "k", count: 100_000).joined(separator: ".") + "]"
    #expect(parseError(header)?.message == tooDeep)
    // Depth counts tables and arrays together: 16 header levels leave 16 for values.
    let path = Array(repeating: "t", count: 16).joined(separator: ".")
    #expect(parseError("[\(path)]\nv = " + String(repeating: "[", count: 16) + String(repeating: "]", count: 16)) == nil)
    let tooMuch = "[\(path)]\nv = " + String(repeating: "[", count: 17) + String(repeating: "]", count: 17)
    #expect(parseError(tooMuch)?.message == tooDeep)
}

private final class ResultBox: @unchecked Sendable {
    var outcome = "not run"
}

/// The deepest accepted document, nesting arrays and inline tables, parses on a thread with a
/// 512 KB stack (the default for secondary threads on Apple platforms), even in a debug build.
@Test func maximumNestingFitsInASmallThreadStack() {
    let depth = TOML.maxNestingDepth
    var text = "a = "
    for k in 0..<depth { text += k % 2 == 0 ? "[" : "{b=" }
    text += "1"
    for k in (0..<depth).reversed() { text += k % 2 == 0 ? "]" : "}" }
    let input = text
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        do {
            _ = try TOML.parse(input, file: fileName)
            box.outcome = "ok"
        } catch {
            box.outcome = "\(error)"
        }
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    #expect(box.outcome == "ok")
}

@Test func invalidUTF8IsPositioned() throws {
    var bytes = Array("a = 1\nb = \"中".utf8)
    bytes.append(0xFF)
    bytes += Array("\"\n".utf8)
    do {
        _ = try TOML.parse(utf8: bytes, file: fileName)
        Issue.record("expected an error")
    } catch {
        #expect(error.message == "invalid UTF-8 byte sequence")
        #expect(error.position == pos(2, 7))
    }
    let good = try TOML.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("k = \"值\"".utf8), file: fileName)
    #expect(str(good["k"]) == "值")
}

// MARK: - Accessors

@Test func accessorErrors() throws {
    let root = try parse("""
    [[rule]]
    id = 3
    severty = "error"
    frames = ["sentence", 2]
    tolerance = "0.005"
    """)
    let rule = try #require(try root.tables("rule", file: fileName)?.first)
    #expect(throws: TOMLError(file: fileName, line: 2, column: 6,
                              message: "expected a string for 'id', found an integer")) {
        _ = try rule.string("id", file: fileName)
    }
    #expect(throws: TOMLError(file: fileName, line: 4, column: 23,
                              message: "expected a string for element 2 of 'frames', found an integer")) {
        _ = try rule.strings("frames", file: fileName)
    }
    #expect(throws: TOMLError(file: fileName, line: 5, column: 13,
                              message: "expected a number for 'tolerance', found a string")) {
        _ = try rule.decimal("tolerance", file: fileName)
    }
    #expect(throws: TOMLError(file: fileName, line: 3, column: 1,
                              message: "unknown key 'severty' (did you mean 'severity'?)")) {
        try rule.checkKeys(allowed: ["id", "severity", "frames", "tolerance"], file: fileName)
    }
    #expect(throws: TOMLError(file: fileName, line: 1, column: 1, message: "missing key 'message' in table 'rule'")) {
        _ = try rule.required("message", file: fileName)
    }
    #expect(rule.unknownKeys(allowed: ["id", "frames"]).map(\.key) == ["severty", "tolerance"])
    #expect(rule.firstUnknownKey(allowed: ["id", "severty", "frames", "tolerance"]) == nil)
    #expect(try rule.string("absent", file: fileName) == nil)
    #expect(rule.entry("severty")?.error("bad", file: fileName).description == "\(fileName):3:1: bad")
    #expect(throws: TOMLError(file: fileName, line: 1, column: 1,
                              message: "unknown key 'zzz'")) {
        try parse("zzz = 1").checkKeys(allowed: ["rule"], file: fileName)
    }
}

// MARK: - Robustness

/// Deterministic xorshift64* generator.
private struct XorShift: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

/// Parses `bytes`; any outcome but a `TOMLError` with a sane position is a failure.
private func checkRobust(_ bytes: [UInt8]) -> Bool {
    let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        _ = try TOML.parse(utf8: bytes, file: fileName)
        return true
    } catch {
        let sane = error.line >= 1 && error.line <= lines && error.column >= 1 && !error.message.isEmpty
        if !sane { Issue.record("bad error position \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)") }
        return false
    }
}

@Test func randomMutationsNeverCrash() {
    var rng = XorShift(seed: 0x6A78_6C69_6E74)
    let base = Array(sample.utf8)
    let alphabet = Array("[]{}=\"'\\.,#\n\r\t -_+0123456789abexnuUtfr中文".unicodeScalars).map { String($0) }
    let interesting: [[UInt8]] = ["\"\"\"", "'''", "[[", "]]", "\\u", "\r\n", "0x", "1e5", "\u{FEFF}", "{", "\\"]
        .map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xE4, 0xB8]]
    let clock = ContinuousClock()
    let start = clock.now
    var parsed = 0
    var failed = 0
    for round in 0..<4000 {
        var bytes = base
        let edits = 1 + Int(rng.next() % 4)
        for _ in 0..<edits {
            guard !bytes.isEmpty else { break }
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.remove(at: at)
            case 2: bytes.insert(contentsOf: interesting[Int(rng.next() % UInt64(interesting.count))], at: at)
            case 3:
                let end = min(bytes.count, at + Int(rng.next() % 40))
                bytes.removeSubrange(at..<end)
            case 4:
                let end = min(bytes.count, at + Int(rng.next() % 40))
                bytes.insert(contentsOf: bytes[at..<end], at: Int(rng.next() % UInt64(bytes.count)))
            default: bytes.insert(UInt8(truncatingIfNeeded: rng.next() % 128), at: at)
            }
        }
        if round % 4 == 3 {
            // A random string over TOML's significant characters.
            let count = Int(rng.next() % 80)
            bytes = Array((0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined().utf8)
        }
        if checkRobust(bytes) { parsed += 1 } else { failed += 1 }
    }
    #expect(parsed + failed == 4000)
    #expect(parsed > 0)
    #expect(failed > 0)
    #expect(clock.now - start < .seconds(30))
}

@Test func pathologicalNumbersFailFast() throws {
    let longInt = "a = " + String(repeating: "9", count: 100_000)
    #expect(parseError(longInt)?.message
            == "integer '" + String(repeating: "9", count: 40) + "…' is out of range (64-bit)")
    let tiny = "a = 0." + String(repeating: "0", count: 100_000) + "1"
    #expect(parseError(tiny)?.message.hasPrefix("number '0.00000") == true)
    let wide = "a = 1." + String(repeating: "5", count: 37)  // 38 significant digits
    #expect(parseError(wide) == nil)
    #expect(parseError("a = 0." + String(repeating: "5", count: 38)) == nil)
    let tooWide = "a = 1." + String(repeating: "5", count: 38)
    #expect(parseError(tooWide)?.message.hasSuffix(
        "has too many digits (at most 38 significant digits and 38 decimal places)") == true)
    let zeros = try parse("a = 0.000_000_000_1")
    #expect(zeros["a"]?.value == .decimal(dec("0.0000000001"), literal: "0.000_000_000_1"))
}

@Test func largeInputIsLinear() throws {
    var text = "[[rule]]\nitems = [\n"
    for k in 0..<20_000 { text += "  \"第\(k)项\", # 注释\n" }
    text += "]\n"
    for k in 0..<2_000 { text += "[[rule]]\nid = \"r\(k)\"\nx.y.z = \(k).5\n" }
    let clock = ContinuousClock()
    let start = clock.now
    let root = try parse(text)
    #expect(clock.now - start < .seconds(20))
    let rules = try #require(try root.tables("rule", file: fileName))
    #expect(rules.count == 2_001)
    #expect(try rules[0].strings("items", file: fileName)?.count == 20_000)
    #expect(rules[2_000]["id"]?.position.line == 20_005 + 3 * 1_999)
}

/// A table searches small tables entry by entry and indexes larger ones by key: either way a key
/// finds its entry (the last value set for it, at its first position), as a dictionary would.
@Suite("TOMLTable: lookups below and above the indexed size")
struct TOMLTableLookupTests {
    @Test func everyKeyFindsItsEntryAtEverySize() {
        for size in [0, 1, 5, 15, 16, 17, 18, 40] {
            var table = TOMLTable()
            var expected = [String: (Int, Int64)]()
            for k in 0..<size {
                let key = k % 3 == 0 ? "键\(k)" : "key_\(k)"
                table.set(key, TOMLNode(.integer(Int64(k)), position: SourcePosition(line: k + 1, column: 1)))
                expected[key] = (k, Int64(k))
            }
            // setting an existing key again replaces its node in place
            if size > 2 {
                table.set("key_1", TOMLNode(.integer(-1), position: SourcePosition(line: 99, column: 1)))
                expected["key_1"] = (1, -1)
            }
            #expect(table.count == size)
            for (key, (index, value)) in expected {
                #expect(table[key]?.value == .integer(value), "size \(size) key \(key)")
                #expect(table.keys[index] == key)
                #expect(table.entry(key)?.key == key)
            }
            #expect(table["absent"] == nil)
            // a key canonically equivalent to one there finds it, as with a dictionary of Strings
            table.set("e\u{301}", TOMLNode(.bool(true), position: SourcePosition(line: 1, column: 1)))
            #expect(table["\u{E9}"]?.value == .bool(true))
        }
    }
}
