import ArgumentParser
import DispatchOptimizer
import Foundation
import Logging
import Planning
import Testing
import TestSupport
@testable import re100

/// The one place that maps errors to exit codes: library errors get the flag that carried the value.
@Suite("exit codes and log lines")
struct ExitStatusTests {
    @Test(arguments: [
        (PlanningError.unknownSolverPreset(name: "quik", searched: "one of quick"), Int32(64),
         "error: --solver-config: no preset named 'quik'; expected a preset file path or one of quick"),
        (.startNotATimestamp("soon"), 64, "error: --start: expected an ISO-8601 time such as 2026-01-05T00:00, found 'soon'"),
        (.startNotASnapshot(start: "2026-01-01T00:30", snapshots: "a .. b"), 64,
         "error: --start: 2026-01-01T00:30 is not a snapshot of the grid (snapshots a .. b)"),
        (.clockNotATimestamp("x"), 64, "error: --now: expected an ISO-8601 time such as 2026-01-05T00:00, found 'x'"),
        (.overlaysNeedNativeGrid, 64, "error: --scenario: overlays apply to native grids (grid.toml) only"),
        (.horizonBeyondSnapshots(first: 0, count: 49, total: 48), 65,
         "error: --hours: 49 hours from snapshot 0 exceed the grid's 48 snapshots"),
        (.noSuchGrid(path: "g"), 65, "error: g: no such file or folder"),
        (.badInput("f.csv: bad"), 65, "error: f.csv: bad"),
        (.lockHeld(path: "out/.re100.lock"), 75, "error: another re100 run holds out/.re100.lock"),
        (.cannotWrite(path: "out/a.csv", reason: "disk full"), 70, "error: out/a.csv: cannot write: disk full"),
    ])
    func planningErrorsMapToTheirCodesWithTheFlag(error: PlanningError, code: Int32, message: String) {
        let (mapped, line) = ExitStatus.classify(error)
        #expect(mapped.rawValue == code)
        #expect(line == message)
    }

    @Test(arguments: [
        (DispatchError.noHours, Int32(65), "error: --hours: no hours to dispatch"),
        (.startOutsideSnapshots(first: 50, total: 48), 65, "error: --start: snapshot 50 is outside the grid's 48 snapshots"),
        (.horizonBeyondSnapshots(first: 0, count: 49, total: 48), 65,
         "error: --hours: 49 hours from snapshot 0 exceed the grid's 48 snapshots"),
        (.commitmentWindowTooLong(hours: 336, limit: 168), 65, "error: --window: unit commitment needs windows of at most "
            + "168 hours, found 336; add --window 168 --step 24 or shorter"),
        (.invalidWindows(length: 24, step: 48), 65, "error: --window/--step: expected 0 < step ≤ window, found window 24, step 48"),
        (.load(id: "factory", problem: "demand is to be forecast"), 65, "error: loads.factory: demand is to be forecast"),
        (.invalidModel("row 3: NaN"), 65, "error: model: row 3: NaN"),
        (.solverFailure("solver library error: GLPK raised an error"), 70,
         "error: solver: solver library error: GLPK raised an error"),
    ])
    func dispatchErrorsMapToTheirCodesWithTheFlag(error: DispatchError, code: Int32, message: String) {
        let (mapped, line) = ExitStatus.classify(error)
        #expect(mapped.rawValue == code)
        #expect(line == message)
    }

    @Test func jsonLogLine() throws {
        let event = LogEvent(level: .warning, message: "solved", metadata: ["window": "3"], source: nil, file: #fileID,
                             function: #function, line: #line)
        let line = JSONLogHandler.line(event, label: "re100", metadata: ["run": "x"], time: Date(timeIntervalSince1970: 0))
        #expect(line == #"{"label":"re100","level":"warning","message":"solved","metadata":{"run":"x","window":"3"},"time":"1970-01-01T00:00:00.000Z"}"#)
    }

    /// An infeasible dispatch exits 1 and still writes its `summary.json` (and nothing else).
    @Test func infeasibleDispatchExitsOneAndWritesTheStatus() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = try TestGrids.starved(in: directory)
        let out = directory.appendingPathComponent("out").path
        var command = try DispatchCommand.parseAsRoot([grid.path, "--hours", "24", "--out", out])
        #expect(throws: ExitCode(1)) { try command.run() }
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"status\" : \"infeasible\""))
        #expect(summary.contains("\"objective\" : null"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.json"])
    }
}
