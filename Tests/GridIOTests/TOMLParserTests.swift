import Testing
@testable import GridIO

/// TOML 1.0 as `TOMLParser` reads it: values checked exactly against the specification's examples, and every
/// malformed input (including those TOMLKit aborted the process on) an error at its line and column.
@Suite("TOMLParser")
struct TOMLParserTests {
    private func parse(_ text: String) throws(TOMLParser.Failure) -> TOMLNode { try TOMLParser.parse(text) }

    private func value(_ text: String, _ path: String) throws -> TOMLNode? {
        try TOMLSource(text: text, file: "t.toml").node(at: path)
    }

    @Test(arguments: [
        ("a = 42", TOMLNode.integer(42)), ("a = +17", .integer(17)), ("a = -1_000", .integer(-1000)),
        ("a = 0xDEAD_beef", .integer(0xDEAD_BEEF)), ("a = 0o755", .integer(0o755)), ("a = 0b1101", .integer(13)),
        ("a = 9223372036854775807", .integer(Int.max)), ("a = -9223372036854775808", .integer(Int.min)),
        ("a = 3.1415", .float(3.1415)), ("a = -0.01", .float(-0.01)), ("a = 5e+22", .float(5e22)),
        ("a = 6.626e-34", .float(6.626e-34)), ("a = 224_617.445_991", .float(224_617.445_991)), ("a = -inf", .float(-.infinity)),
        ("a = true", .boolean(true)), ("a = false", .boolean(false)),
        ("a = 1979-05-27T07:32:00Z", .dateTime("1979-05-27T07:32:00Z")),
        ("a = 1979-05-27 07:32:00.999-07:00", .dateTime("1979-05-27 07:32:00.999-07:00")),
        ("a = 1979-05-27", .dateTime("1979-05-27")), ("a = 07:32:00", .dateTime("07:32:00")),
        ("a = \"tab\\there \\u00E9 \\U0001F600 \\\"q\\\"\"", .string("tab\there é 😀 \"q\"")),
        ("a = 'C:\\Users\\no\\escapes'", .string("C:\\Users\\no\\escapes")),
        ("a = \"\"\"\nRoses\\\n    are red\"\"\"", .string("Rosesare red")),
        ("a = '''\nfirst\nsecond'''", .string("first\nsecond")),
        ("a = \"\"\"two \"quotes\"\"\"\"\"", .string("two \"quotes\"\"")),
        ("a = [ 1, 2, ]", .array([.integer(1), .integer(2)])),
        ("a = [\n  1, # one\n  [\"x\"],\n]", .array([.integer(1), .array([.string("x")])])),
        ("a = {}", .table(keys: [], values: [:])),
    ])
    func scalarsAndArrays(text: String, expected: TOMLNode) throws {
        #expect(try value(text, "a") == expected)
    }

    @Test func nanIsAFloat() throws {
        guard case .float(let number) = try value("a = nan", "a") else {
            Issue.record("nan is not a float")
            return
        }
        #expect(number.isNaN)
    }

    @Test func tablesDottedKeysAndArraysOfTablesKeepFileOrder() throws {
        let text = """
            title = "x"
            site."name" = 'g'
            site.size = 2
            [b.c]
            d = 1
            [a]
            e = { f.g = 1, h = 2 }
            [[p]]
            n = 1
            [[p]]
            n = 2
            [p.sub]
            m = 3
            [b]
            z = 0
            """
        let source = try TOMLSource(text: text, file: "t.toml")
        #expect(source.keys(at: "") == ["title", "site", "b", "a", "p"])
        #expect(source.keys(at: "b") == ["c", "z"])
        #expect(try source.string(at: "site.name") == "g")
        #expect(try source.int(at: "a.e.f.g") == 1)
        #expect(source.count(at: "p") == 2)
        #expect(try source.int(at: "p[1].sub.m") == 3)
        #expect(try source.int(at: "p[0].n") == 1)
    }

    @Test(arguments: [
        // The inputs TOMLKit asserted on (SIGABRT), each now an error at its place.
        ("[[[a]", 1, 3, "expected a key"), ("[[a]", 1, 5, "expected ']]' to close the array-of-tables header"),
        ("[a]]", 1, 4, "expected the end of the line"),
        ("a = 1\na = 2", 2, 1, "key 'a' is defined twice"), ("[t]\n[t]", 2, 1, "table 't' is defined twice"),
        ("a = 1\n[a]", 2, 1, "'a' already holds a value, so it cannot be a table"),
        ("[[t]]\n[t]", 2, 1, "'t' is an array of tables, not a table"),
        ("a = {b = 1}\na.c = 2", 2, 1, "dotted key 'a.c' would change 'a', defined elsewhere"),
        ("a = \"open", 1, 10, "unterminated string"), ("a = [1, 2", 1, 10, "unterminated array: expected ']'"),
        ("a = 1 2", 1, 7, "expected the end of the line"), ("a = 01", 1, 5, "invalid value 01"),
        ("a = 9223372036854775808", 1, 5, "integer 9223372036854775808 is out of range (64-bit)"),
        ("a = 1__0", 1, 5, "invalid value 1__0"), ("a = .5", 1, 5, "invalid value .5"),
        ("a = \"\\q\"", 1, 6, "invalid escape sequence"), ("a = \"\\uD800\"", 1, 6, "invalid Unicode escape"),
        ("광주 = 1", 1, 1, "expected a key"), ("a = \"x\u{1}\"", 1, 7, "control character in a string"),
        ("a = 1\rb = 2", 1, 6, "carriage return without a line feed"), ("= 1", 1, 1, "expected a key"),
    ])
    func malformedInputsAreLocatedErrors(text: String, line: Int, column: Int, message: String) {
        #expect(throws: TOMLParser.Failure(line: line, column: column, message: message)) { try parse(text) }
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() {
        let arrays = String(repeating: "[", count: 100_000)
        #expect(throws: TOMLParser.Failure.self) { try parse("a = " + arrays) }
        let header = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]"
        #expect(throws: TOMLParser.Failure.self) { try parse(header) }
        let tables = String(repeating: "{a=", count: 100_000)
        #expect(throws: TOMLParser.Failure.self) { try parse("x = " + tables) }
        let nested = "a = " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(throws: Never.self) { try parse(nested) }
    }
}
