import ArgumentParser
import Foundation
import GridIO
import Reporting
import Testing
@testable import re100

@Suite("re100 validate")
struct ValidateCommandTests {
    private static let grids = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("grids")

    @Test func cleanGridExitsZero() throws {
        var command = try ValidateCommand.parseAsRoot([Self.grids.appendingPathComponent("single-bus").path, "--format", "json"])
        try command.run()
    }

    /// MATPOWER cases validate too: the bundled test case is valid with warnings located by line.
    @Test func matpowerCaseValidates() throws {
        let file = Self.grids.deletingLastPathComponent().appendingPathComponent("Tests/GridIOTests/Fixtures/matpower/case4_re100.m")
        let diagnostics = GridReader.validate(file)
        #expect(diagnostics.errors.isEmpty)
        #expect(!diagnostics.warnings.isEmpty && diagnostics.warnings.allSatisfy { $0.line >= 1 })
        var command = try ValidateCommand.parseAsRoot([file.path, "--format", "json"])
        try command.run()
    }

    @Test func badScenarioExitsWithDataError() throws {
        let overlay = try DispatchCommandTests.temporaryDirectory().appendingPathComponent("overlay.toml")
        try "[set]\ngenerators.nothing.p_nom = 1\n".write(to: overlay, atomically: true, encoding: .utf8)
        var command = try ValidateCommand.parseAsRoot([
            Self.grids.appendingPathComponent("single-bus").path, "--scenario", overlay.path, "--format", "json",
        ])
        #expect(throws: ExitCode(65)) { try command.run() }
    }

    @Test func jsonSeparatesErrorsAndWarnings() throws {
        let diagnostics = GridDiagnostics(
            errors: [GridIOError(file: "g.toml", line: 3, column: 9, field: "generators.pv.p_nom", message: "negative capacity", expected: "a number >= 0", found: "-5")],
            warnings: [GridIOError(.warning, file: "s.csv", line: 1, column: 4, field: "spare", message: "series column not used", expected: "a field", found: "none")])
        let json = try ValidationOutput.json(diagnostics)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["valid"] as? Bool == false)
        #expect((decoded?["errors"] as? [[String: Any]])?.first?["line"] as? Int == 3)
        #expect((decoded?["warnings"] as? [[String: Any]])?.first?["severity"] as? String == "warning")
        let table = ValidationOutput.table(diagnostics, grid: "g")
        #expect(table.hasPrefix("errors (1):\n  g.toml:3:9: error: negative capacity at generators.pv.p_nom (expected a number >= 0, found -5)\n"))
        #expect(table.hasSuffix("g: invalid, 1 errors, 1 warnings\n"))
    }
}
