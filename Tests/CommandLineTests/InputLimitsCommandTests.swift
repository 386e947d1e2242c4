import ArgumentParser
import Foundation
import GridIO
import Testing
import TestSupport
@testable import re100

/// Flags are range-checked before they become sizes or counts (issue 14): out-of-range values are usage errors
/// (exit 64) naming the flag, never an overflow, an allocation failure or a run of minutes.
@Suite("Flag limits")
struct InputLimitsCommandTests {
    static let singleBus = TestFolders.bundledGrid("single-bus").path
    static let history = TestFolders.bundledGrid("gwangju-bitgreen-ops").appendingPathComponent("history/loads.csv").path

    /// The exit code and stderr-free outcome of `re100 arguments` run in this process.
    static func exitCode(_ arguments: [String]) -> ExitCode {
        do {
            var command = try RE100Command.parseAsRoot(arguments)
            try command.run()
            return .success
        } catch {
            return RE100Command.exitCode(for: error)
        }
    }

    @Test(arguments: [
        ["dispatch", singleBus, "--hours", "9223372036854775807"],
        ["dispatch", singleBus, "--hours", "87841"],
        ["dispatch", singleBus, "--window", "9223372036854775807", "--step", "1"],
        ["dispatch", singleBus, "--hours", "24", "--window", "48", "--step", "24"],
        ["export-lp", singleBus, "--hours", "1000000000", "--out", "/tmp/never.lp"],
        ["forecast", history, "--horizon", "9223372036854775807"],
        ["backtest", history, "--model", "snaive24", "--horizon", "0"],
        ["backtest", history, "--model", "snaive24", "--temperature", "tomorrow"],
        ["compare", singleBus, "--scenario", "x.toml", "--jobs", "1000000"],
        ["run", singleBus, "--out", "/tmp/never", "--wait", "1e300"],
    ])
    func outOfRangeFlagsAreUsageErrors(arguments: [String]) {
        #expect(Self.exitCode(arguments) == ExitCode(64), "\(arguments)")
    }

    @Test func aWindowWithinTheHorizonStillRuns() {
        #expect(Self.exitCode(["dispatch", Self.singleBus, "--hours", "24", "--window", "24", "--step", "12", "--format", "json"]) == .success)
    }

    /// The one-line typo TOMLKit aborted on is exit 65 at its line and column in a grid, an overlay and a preset.
    @Test func tomlTypoIsALocatedDataErrorInEveryTOMLInput() throws {
        let folder = try TestFolders.temporaryDirectory()
        let typo = folder.appendingPathComponent("typo.toml").path
        try "[[[a]\n".write(toFile: typo, atomically: true, encoding: .utf8)
        let grid = folder.appendingPathComponent("grid")
        try FileManager.default.createDirectory(at: grid, withIntermediateDirectories: true)
        try "[[[a]\n".write(to: grid.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        for arguments in [
            ["validate", grid.path], ["validate", Self.singleBus, "--scenario", typo],
            ["dispatch", Self.singleBus, "--hours", "2", "--solver-config", typo],
        ] {
            #expect(Self.exitCode(arguments) == ExitCode(65), "\(arguments)")
        }
        #expect(throws: GridDiagnostics.self) { try GridReader.read(grid) }
        let diagnostics = GridReader.validate(grid)
        #expect(diagnostics.errors.first?.description.hasPrefix(grid.path + "/grid.toml:1:3: error: TOML syntax error") == true,
                "\(diagnostics)")
    }

    @Test func aSeriesPathNamingAFIFOIsExit65NotAHang() throws {
        let folder = try TestFolders.temporaryDirectory()
        for name in ["grid.toml", "series.csv"] {
            try FileManager.default.copyItem(at: TestFolders.bundledGrid("single-bus").appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        let tariffLine = try String(contentsOf: folder.appendingPathComponent("grid.toml"), encoding: .utf8)
            .replacingOccurrences(of: "p_set = \"series.csv:load\"", with: "p_set = \"fifo.csv:load\"")
            .replacingOccurrences(of: "\"../tariffs/", with: "\"" + TestFolders.root.appendingPathComponent("grids/tariffs").path + "/")
        try tariffLine.write(to: folder.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        #expect(mkfifo(folder.appendingPathComponent("fifo.csv").path, 0o644) == 0)
        #expect(Self.exitCode(["dispatch", folder.path, "--hours", "2", "--format", "json"]) == ExitCode(65))
        #expect(Self.exitCode(["validate", folder.path]) == ExitCode(65))
    }
}
