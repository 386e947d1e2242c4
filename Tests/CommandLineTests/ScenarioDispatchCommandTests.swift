import ArgumentParser
import Foundation
import GRDB
import Planning
import Testing
import TestSupport
@testable import re100

/// `--scenarios quantile` on `dispatch` (docs/uncertainty.md, docs/cli.md).
@Suite("re100 dispatch --scenarios quantile")
struct ScenarioDispatchCommandTests {
    static let operations = TestFolders.bundledGrid("gwangju-bitgreen-ops").path

    @Test(arguments: [
        ["--cvar-level", "0.2"], ["--scenarios", "quantile", "--cvar-weight", "0.5"],
        ["--scenarios", "quantile", "--cvar-level", "0"], ["--scenarios", "quantile", "--cvar-level", "1.5"],
        ["--scenarios", "quantile", "--cvar-level", "0.2", "--cvar-weight", "1"], ["--scenarios", "bootstrap"],
        ["--scenarios", "quantile", "--window", "24", "--step", "24"], ["--scenarios", "quantile", "--commitment"],
    ])
    func invalidCombinationsAreUsageErrors(arguments: [String]) {
        DispatchCommandTests.expectUsageError(["dispatch", Self.operations] + arguments)
    }

    @Test(arguments: [["--start", "2026-02-01T00:00", "--days", "0"], ["--start", "2026-02-01T00:00", "--days", "3661"],
                      ["--days", "2"], ["--start", "2026-02-01T00:00"],
                      ["--start", "2026-02-01T00:00", "--days", "2", "--cvar-level", "0"],
                      ["--start", "2026-02-01T00:00", "--days", "2", "--cvar-weight", "0.5"],
                      ["--start", "2026-02-01T00:00", "--days", "2", "--cvar-level", "0.3", "--cvar-weight", "1"]])
    func evaluateNeedsAStartADayCountAndAValidRisk(arguments: [String]) {
        DispatchCommandTests.expectUsageError(["evaluate", Self.operations + "/backtest"] + arguments)
    }

    /// An actual value missing in the period is bad input (exit 65): the operations grid's histories end before its week.
    @Test func evaluateRefusesMissingActuals() throws {
        var command = try EvaluateCommand.parseAsRoot([Self.operations, "--start", "2026-07-15T00:00", "--days", "1",
                                                       "--log-level", "error"])
        #expect(throws: ExitCode(65)) { try command.run() }
    }

    /// The `fast` preset (interior point, no crossover) gets through days whose re-dispatch makes GLPK's interior
    /// point stop early with its best point: on numerical instability (3 February, snapshot 792) and without
    /// convergence (9 March, snapshot 1608). Both ended in exit 65 before the proven best point was kept.
    @Test(arguments: [("2026-02-01T00:00", "3"), ("2026-03-09T00:00", "1")])
    func fastPresetKeepsAProvenBestPoint(start: String, days: String) throws {
        var command = try EvaluateCommand.parseAsRoot([Self.operations + "/backtest", "--start", start, "--days", days,
                                                       "--solver-config", "fast", "--log-level", "critical"])
        #expect(throws: Never.self) { try command.run() }
    }

    /// A scheduled run with scenarios shares its 24 committed hours, and its report shows the forecast fan with them.
    @Test func scheduledRunWithScenarios() throws {
        let directory = try TestFolders.temporaryDirectory()
        var command = try RunCommand.parseAsRoot([Self.operations, "--out", directory.path, "--now", "2026-07-15T00:00",
                                                  "--scenarios", "quantile", "--log-level", "error"])
        try command.run()
        let current = directory.appendingPathComponent("current")
        let summary = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: current.appendingPathComponent("summary.json"))) as? [String: Any])
        let scenarios = try #require(summary["scenario_dispatch"] as? [String: Any])
        #expect(scenarios["shared_hours"] as? Int == 24 && scenarios["reference"] as? String == "p50")
        let report = try String(contentsOf: current.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("<h2>Forecast fan</h2>") && report.contains("committed hours (24 h, shared by every scenario)"))
        // The history keeps what `re100 evaluate <history-db>` needs: no start state (the grid's initial one), 24
        // committed hours, the mode. Without actuals there is nothing to evaluate (exit 65).
        let history = directory.appendingPathComponent("history.sqlite").path
        let plan = try DatabaseQueue(path: history).read { db in
            try Row.fetchOne(db, sql: "SELECT start_state, committed_hours, scenario_mode, cvar_level FROM runs")
        }
        #expect(plan?["start_state"] as String? == nil && plan?["committed_hours"] as Int? == 24)
        #expect(plan?["scenario_mode"] as String? == "quantile" && plan?["cvar_level"] as Double? == nil)
        var evaluate = try EvaluateCommand.parseAsRoot([history, "--log-level", "critical"])
        #expect(throws: ExitCode(65)) { try evaluate.run() }
    }

    /// A history database takes --from/--to as dates (not --start/--days), a grid folder the other way round (usage,
    /// 64); a missing database and one without runs are bad input (65).
    @Test func evaluateAHistoryDatabase() throws {
        let directory = try TestFolders.temporaryDirectory()
        let missing = directory.appendingPathComponent("none.sqlite").path
        DispatchCommandTests.expectUsageError(["evaluate", missing, "--start", "2026-02-01T00:00", "--days", "2"])
        DispatchCommandTests.expectUsageError(["evaluate", Self.operations + "/backtest", "--start", "2026-02-01T00:00",
                                               "--days", "2", "--from", "2026-02-01"])
        var command = try EvaluateCommand.parseAsRoot([missing, "--log-level", "critical"])
        #expect(throws: ExitCode(65)) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let history = directory.appendingPathComponent("history.sqlite").path
        _ = try RunArchive(path: history)
        DispatchCommandTests.expectUsageError(["evaluate", history, "--from", "Feb 1"])
        DispatchCommandTests.expectUsageError(["evaluate", history, "--to", "2026-2-1"])
        DispatchCommandTests.expectUsageError(["evaluate", history, "--cvar-level", "0.3"])
        command = try EvaluateCommand.parseAsRoot([history, "--from", "2026-02-01", "--log-level", "critical"])
        #expect(throws: ExitCode(65)) { try command.run() }
    }

    /// 48 h of the operations grid: three scenarios sharing the first 24 h, probabilities 0.3/0.4/0.3, nothing
    /// of the AI center shed in any, the p90 scenario dearest; the written schedule is the p50 block's.
    @Test func quantileScenariosOnTheOperationsGrid() throws {
        let directory = try TestFolders.temporaryDirectory()
        var command = try DispatchCommand.parseAsRoot([Self.operations, "--hours", "48", "--scenarios", "quantile",
                                                       "--cvar-level", "0.4", "--out", directory.path, "--log-level", "error"])
        try command.run()
        let data = try Data(contentsOf: directory.appendingPathComponent("summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let scenarios = try #require(summary["scenario_dispatch"] as? [String: Any])
        #expect(scenarios["reference"] as? String == "p50" && scenarios["shared_hours"] as? Int == 24)
        let list = try #require(scenarios["scenarios"] as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["p10", "p50", "p90"])
        #expect(list.map { $0["probability"] as? Double } == [0.3, 0.4, 0.3])
        #expect(list.allSatisfy { $0["unserved_mwh"] as? Double == 0 })
        let costs = list.compactMap { $0["cost"] as? Double }
        #expect(costs.count == 3 && costs[0] < costs[1] && costs[1] < costs[2])
        let expected = try #require(scenarios["expected_cost"] as? Double)
        #expect(abs(expected - (0.3 * costs[0] + 0.4 * costs[1] + 0.3 * costs[2])) <= 1e-6 * expected)
        // CVaR of the worst 40 %: the p90 scenario's 30 % and 10 % of p50's.
        let cvar = try #require(scenarios["cvar"] as? Double)
        #expect(abs(cvar - (0.3 * costs[2] + 0.1 * costs[1]) / 0.4) <= 1e-6 * cvar)
        #expect((scenarios["reserve_mw"] as? Double ?? 0) > 0)
    }
}
