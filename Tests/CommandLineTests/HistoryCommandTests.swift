import ArgumentParser
import Foundation
import GRDB
import Testing
import TestSupport
@testable import Planning
@testable import re100

/// `re100 run` recording into the history, `re100 actuals add` and `re100 history` end to end.
@Suite struct HistoryCommandTests {
    /// The single-bus grid copied with its tariff beside it, the factory load forecast by `snaive24` from four
    /// weeks of a constant 10 MW ending right before the grid's first hour: every forecast hour is exactly 10 MW.
    static func forecastGrid(in folder: URL) throws -> String {
        let grids = folder.appendingPathComponent("grids")
        try FileManager.default.createDirectory(at: grids, withIntermediateDirectories: true)
        for name in ["single-bus", "tariffs"] {
            try FileManager.default.copyItem(at: DispatchCommandTests.root.appendingPathComponent("grids/" + name),
                                             to: grids.appendingPathComponent(name))
        }
        let grid = grids.appendingPathComponent("single-bus")
        let toml = grid.appendingPathComponent("grid.toml")
        try String(contentsOf: toml, encoding: .utf8)
            .replacingOccurrences(of: "p_set = \"series.csv:load\"",
                                  with: "forecast_from = \"metered.csv:load_mw\"\nforecast_model = \"snaive24\"")
            .write(to: toml, atomically: true, encoding: .utf8)
        let first = Date(timeIntervalSince1970: 1_775_142_000).addingTimeInterval(-28 * 86_400)  // 2026-04-03T00:00+09:00 minus 4 weeks
        let rows = (0..<(28 * 24)).map { "\(ArchivedRun.utc(first.addingTimeInterval(Double($0) * 3600))),10" }
        try (["timestamp,load_mw"] + rows).joined(separator: "\n")
            .write(to: grid.appendingPathComponent("metered.csv"), atomically: true, encoding: .utf8)
        return grid.path
    }

    /// One value of SQL run on the database at `path`.
    static func value<T: DatabaseValueConvertible>(_ sql: String, in path: String) throws -> T? {
        try RunArchive(path: path).reading { try T.fetchOne($0, sql: sql) }
    }

    @Test func aSuccessfulRunRecordsItsKPIsScheduleAndForecasts() throws {
        let folder = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try Self.forecastGrid(in: folder)
        let out = folder.appendingPathComponent("out").path
        var command = try RunCommand.parseAsRoot([grid, "--out", out, "--now", "2026-04-03T00:00"])
        try command.run()

        let database = out + "/history.sqlite"
        let runs = try RunArchive(path: database).runs(last: nil)
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        #expect(run.status == "ok" && run.exitCode == 0 && run.error == nil && run.folder == "20260403T0000")
        #expect(run.firstHourText == "2026-04-03T00:00+09:00" && run.hours == 48 && run.solverStatus == "optimal")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/current/summary.json")))
        let figures = try #require(summary as? [String: Any])
        // Foundation's JSON parser on Linux may be off in the last bit, hence the tolerance.
        func close(_ value: Double?, _ key: String) -> Bool {
            abs((value ?? .nan) - ((figures[key] as? Double) ?? .nan)) <= 1e-12 * max(1, abs(value ?? 0))
        }
        #expect(close(run.objective, "objective") && close(run.reShare, "re_share") && close(run.co2Tonnes, "co2_t"))
        #expect(run.gridFingerprint == (figures["grid"] as? [String: Any])?["fingerprint_sha256"] as? String)
        #expect(close(try Self.value("SELECT peak_import_mw FROM run_kpis WHERE run_id = 1", in: database), "peak_import_mw"))

        let scheduleLines = try String(contentsOfFile: out + "/current/schedule.csv", encoding: .utf8)
            .split(separator: "\n").count - 1
        #expect(try Self.value("SELECT COUNT(*) FROM schedules WHERE run_id = 1", in: database) == scheduleLines)
        #expect(try Self.value("SELECT COUNT(*) FROM forecasts WHERE run_id = 1 AND forecast = 10", in: database) == 48)
        #expect(try Self.value("SELECT MIN(horizon_hour) || '-' || MAX(horizon_hour) FROM forecasts", in: database) == "1-48")
    }

    /// Actuals 8, 12.5 and 0 MW against the constant 10 MW forecast: horizon 1 |10-8| = 2, 25 %; horizon 2
    /// 2.5, 20 %; horizon 3 MAE 10 and no MAPE (zero actual). Re-ingesting hour 1 as 10 replaces it: MAE 0.
    @Test func actualsAddThenAccuracyByHorizonHour() throws {
        let folder = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        var run = try RunCommand.parseAsRoot([try Self.forecastGrid(in: folder), "--out", out, "--now", "2026-04-03T00:00"])
        try run.run()
        let database = out + "/history.sqlite"
        let meter = folder.appendingPathComponent("meter.csv").path
        try "timestamp,factory\n2026-04-03T00:00,8\n2026-04-03T01:00,12.5\n2026-04-03T02:00,0\n"
            .write(toFile: meter, atomically: true, encoding: .utf8)
        var add = try ActualsAddCommand.parseAsRoot([meter, "--history", database, "--timezone", "Asia/Seoul"])
        try add.run()
        let accuracy = try RunArchive(path: database).forecastAccuracy()
        #expect(accuracy.map(\.horizonHour) == [1, 2, 3] && accuracy.allSatisfy { $0.series == "loads.factory" })
        #expect(accuracy.map(\.mae) == [2, 2.5, 10])
        #expect(abs((accuracy[0].mapePercent ?? .nan) - 25) < 1e-9 && abs((accuracy[1].mapePercent ?? .nan) - 20) < 1e-9)
        #expect(accuracy[2].mapePercent == nil && accuracy.map(\.mapePairs) == [1, 1, 0])

        try "timestamp,loads.factory\n2026-04-02T16:00Z,10\n".write(toFile: meter, atomically: true, encoding: .utf8)
        var again = try ActualsAddCommand.parseAsRoot([meter, "--history", database])
        try again.run()
        #expect(try RunArchive(path: database).forecastAccuracy().map(\.mae) == [2, 0, 10])
        var history = try HistoryCommand.parseAsRoot(["--history", database, "--format", "json", "--last", "1"])
        try history.run()
    }

    @Test func aFailingRunRecordsItsExitCodeAndError() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try "{ not json".write(toFile: out + "/state.json", atomically: true, encoding: .utf8)
        var bad = try RunCommand.parseAsRoot([DispatchCommandTests.singleBus, "--out", out, "--now", "2026-04-03T00:00"])
        #expect(throws: ExitCode(65)) { try bad.run() }
        let run = try #require(try RunArchive(path: out + "/history.sqlite").runs(last: nil).first)
        #expect(run.status == "failed" && run.exitCode == 65 && run.folder == nil && run.objective == nil)
        #expect(run.error?.contains("state.json: expected a re100 state") == true)
        #expect(run.firstHourText == "2026-04-03T00:00+09:00" && run.gridFingerprint != nil)
        #expect(try Self.value("SELECT COUNT(*) FROM schedules", in: out + "/history.sqlite") == 0)
    }

    @Test func anInfeasibleRunRecordsTheDiagnosis() throws {
        let folder = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let grid = try TestGrids.starved(in: folder)
        let out = folder.appendingPathComponent("out").path
        var command = try RunCommand.parseAsRoot([grid.path, "--out", out, "--now", "2026-04-03T00:00"])
        #expect(throws: ExitCode(1)) { try command.run() }
        let run = try #require(try RunArchive(path: out + "/history.sqlite").runs(last: nil).first)
        #expect(run.status == "failed" && run.exitCode == 1 && run.solverStatus == "infeasible")
        #expect(run.error?.hasPrefix("error: the dispatch LP is infeasible") == true)
        #expect(run.error?.contains("bal(site,t") == true)
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
    }

    /// A state file that cannot be written fails the run before anything is published (the state is staged next
    /// to it before the archive commits), so the archive, `current` and the state never disagree.
    @Test func anUnwritableStateFileFailsTheRunBeforePublishing() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var command = try RunCommand.parseAsRoot([DispatchCommandTests.singleBus, "--out", out, "--now", "2026-04-03T00:00",
                                                  "--state", out + "/missing/state.json"])
        #expect(throws: ExitCode(70)) { try command.run() }
        let run = try #require(try RunArchive(path: out + "/history.sqlite").runs(last: nil).first)
        #expect(run.status == "failed" && run.exitCode == 70 && run.folder == nil)
        #expect(run.error?.contains("missing/.state.json.staging-20260403T0000") == true, "\(run.error ?? "")")
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/runs").isEmpty)
    }

    @Test func anUnusableHistoryDatabaseFailsTheRunBeforeAnythingIsPublished() throws {
        let out = try DispatchCommandTests.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out + "/history.sqlite", withIntermediateDirectories: true)
        var command = try RunCommand.parseAsRoot([DispatchCommandTests.singleBus, "--out", out, "--now", "2026-04-03T00:00"])
        #expect(throws: ExitCode(70)) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: out + "/current"))
        #expect(!FileManager.default.fileExists(atPath: out + "/state.json"))
    }

    @Test func badActualsAndAMissingDatabaseAreExit65() throws {
        let folder = try DispatchCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let meter = folder.appendingPathComponent("meter.csv").path
        let database = folder.appendingPathComponent("history.sqlite").path
        try "timestamp,factory\n2026-04-03T00:00,x\n".write(toFile: meter, atomically: true, encoding: .utf8)
        var add = try ActualsAddCommand.parseAsRoot([meter, "--history", database])
        #expect(throws: ExitCode(65)) { try add.run() }
        #expect(!FileManager.default.fileExists(atPath: database))
        var history = try HistoryCommand.parseAsRoot(["--history", database])
        #expect(throws: ExitCode(65)) { try history.run() }
        var zone = try ActualsAddCommand.parseAsRoot([meter, "--history", database, "--timezone", "Mars/Olympus"])
        #expect(throws: ExitCode(64)) { try zone.run() }
        #expect(throws: (any Error).self) { try HistoryCommand.parseAsRoot(["--last", "0"]) }
    }
}
