import Testing
@testable import GridIO

@Suite("TOMLSource")
struct TOMLSourceTests {
    static let text = """
        # a comment
        name = "test"   # trailing
        count = 3

        [generators.pv_roof]
        bus = "mv"
          p_nom = 90.5
        "quoted key" = true
        limits = { up = 0.1, down = [1, 2] }

        [[time_bands]]
        seasons = ["summer",
                   "winter"]
        peak = [[15, 21]]

        [[time_bands]]
        seasons = ["spring"]
        note = \"\"\"
        multi
        line\"\"\"
        light = 1

        [time_bands.sub]
        x = 1
        """

    let source: TOMLSource

    init() throws { source = try TOMLSource(text: Self.text, file: "t.toml") }

    @Test(arguments: [
        ("name", 2, 1), ("count", 3, 1), ("generators", 5, 1), ("generators.pv_roof", 5, 1), ("generators.pv_roof.bus", 6, 1),
        ("generators.pv_roof.p_nom", 7, 3), ("generators.pv_roof.quoted key", 8, 1), ("generators.pv_roof.limits.up", 9, 12),
        ("generators.pv_roof.limits.down[1]", 9, 33), ("time_bands[0]", 11, 1), ("time_bands[0].seasons[1]", 13, 12),
        ("time_bands[0].peak[0][1]", 14, 14), ("time_bands[1].seasons", 17, 1), ("time_bands[1].light", 21, 1),
        ("time_bands[1].sub.x", 24, 1),
    ])
    func keyLocations(path: String, line: Int, column: Int) {
        #expect(source.location(of: path) == SourceLocation(file: "t.toml", line: line, column: column))
    }

    @Test func valuesAndKeyOrder() throws {
        #expect(try source.double(at: "generators.pv_roof.p_nom") == 90.5)
        #expect(try source.double(at: "count") == 3)
        #expect(try source.int(at: "count") == 3)
        #expect(try source.strings(at: "time_bands[0].seasons") == ["summer", "winter"])
        #expect(try source.bool(at: "generators.pv_roof.quoted key"))
        #expect(source.keys(at: "generators.pv_roof") == ["bus", "p_nom", "quoted key", "limits"])
        #expect(source.keys(at: "") == ["name", "count", "generators", "time_bands"])
        #expect(source.count(at: "time_bands") == 2)
        #expect(try source.string(at: "time_bands[1].note") == "multi\nline")
    }

    @Test func typedErrorsNameFileLineColumnAndKey() {
        #expect(throws: GridIOError(file: "t.toml", line: 6, column: 7, field: "generators.pv_roof.bus", message: "wrong value type", expected: "a number", found: "the string \"mv\"")) {
            try source.double(at: "generators.pv_roof.bus")
        }
        #expect(throws: GridIOError(file: "t.toml", line: 5, column: 1, field: "generators.pv_roof.s_nom", message: "missing key", expected: "a number", found: "nothing")) {
            try source.double(at: "generators.pv_roof.s_nom")
        }
        #expect(throws: GridIOError(file: "t.toml", line: 12, column: 12, field: "time_bands[0].seasons[0]", message: "wrong value type", expected: "a number", found: "the string \"summer\"")) {
            try source.doubles(at: "time_bands[0].seasons")
        }
    }

    @Test func unknownKeysAreLocated() {
        let errors = source.unknownKeys(at: "generators.pv_roof", allowed: ["bus", "p_nom", "limits"])
        #expect(errors.map(\.field) == ["generators.pv_roof.quoted key"])
        #expect(errors.first?.line == 8)
        #expect(errors.first?.found == "quoted key")
    }

    @Test func syntaxErrorsCarryTheirPosition() {
        #expect(throws: GridIOError(file: "bad.toml", line: 2, column: 5, field: nil, message: "TOML syntax error", expected: "valid TOML", found: "expected a value")) {
            try TOMLSource(text: "a = 1\nb = = 2\n", file: "bad.toml")
        }
    }

    @Test func columnsCountCharactersAndCRLFIsHandled() throws {
        let source = try TOMLSource(text: "# 주석\r\na = { \"광주\" = 1, b = 2 }\r\n[t]\r\nc = 3\r\n", file: "k.toml")
        #expect(source.location(of: "a.b") == SourceLocation(file: "k.toml", line: 2, column: 17))
        #expect(source.location(of: "a.광주") == SourceLocation(file: "k.toml", line: 2, column: 7))
        #expect(source.location(of: "t.c") == SourceLocation(file: "k.toml", line: 4, column: 1))
        #expect(try source.double(at: "t.c") == 3)
    }
}
