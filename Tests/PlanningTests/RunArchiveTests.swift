import Foundation
import GRDB
import Reporting
import Testing
import TestSupport
@testable import Planning

/// The history database on its own: migrations, recording, actuals, accuracy by horizon hour.
@Suite struct RunArchiveTests {
    /// 2026-04-03T00:00+09:00.
    static let start = Date(timeIntervalSince1970: 1_775_142_000)

    /// A new database in a new temporary folder; the caller removes the folder.
    static func newHistory() throws -> (folder: URL, history: RunArchive) {
        let folder = try TestFolders.temporaryDirectory()
        return (folder, try RunArchive(path: folder.appendingPathComponent("history.sqlite").path))
    }

    /// `hours` hours from `start`.
    static func hour(_ hours: Int) -> Date {
        start.addingTimeInterval(Double(hours) * 3600)
    }

    /// A successful run with only forecasts (no dispatch result), for accuracy sums by hand.
    static func forecastRun(_ series: String, origin: Int, values: [Double]) -> RunRecord {
        var record = RunRecord(startedAt: hour(origin), gridPath: "grid")
        record.forecasts = [UsedForecast(series: series, model: "snaive24", origin: hour(origin),
                                         timestamps: values.indices.map { hour(origin + $0) }, forecast: values,
                                         p10: values, p50: values, p90: values, file: "loads.csv", column: series,
                                         newestInput: hour(origin - 1))]
        return record
    }

    @Test func migrationsCreateTheSchemaAndReopeningChangesNothing() throws {
        let (folder, history) = try Self.newHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try history.appliedMigrations() == ["v1", "v2", "v3"])
        let tables = try history.reading { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == ["actuals", "forecasts", "grdb_migrations", "run_kpis", "runs", "schedules"])
        try history.record(Self.forecastRun("loads.factory", origin: 0, values: [1]))

        let reopened = try RunArchive(path: history.path)
        #expect(try reopened.appliedMigrations() == ["v1", "v2", "v3"])
        #expect(try reopened.runs(last: nil).map(\.id) == [1])
    }

    /// A database of the first schema (before year-to-date progress) is upgraded on opening; its runs keep their
    /// figures and have no year-to-date progress.
    @Test func aVersion1DatabaseGainsTheYearToDateColumns() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        let old = try DatabaseQueue(path: path)
        try RunArchive.migrator.migrate(old, upTo: "v1")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO runs (folder, started_at, finished_at, status, exit_code, grid_path, re100_version,
                  glpk_version, total_s) VALUES ('20260403T0000', 0, 1, 'ok', 0, 'grid', '0.9', '5.0', 1);
                INSERT INTO run_kpis (run_id, currency, re_share) VALUES (1, 'KRW', 0.5);
                """)
        }
        try old.close()
        let history = try RunArchive(path: path)
        #expect(try history.appliedMigrations() == ["v1", "v2", "v3"])
        let runs = try history.runs(last: nil)
        #expect(runs.map(\.reShare) == [0.5] && runs.map(\.yearToDate) == [nil])
        let json = try RunArchiveReport(runs: runs, accuracy: nil).json()
        #expect(json.contains(#""ytd_re_share" : null"#) && json.contains(#""target_re_share" : null"#))
    }

    @Test func aDatabaseMigratedByANewerVersionIsRefused() throws {
        let (folder, history) = try Self.newHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.writing { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        #expect(throws: RunArchiveError.self) { try RunArchive(path: history.path) }
    }

    @Test func aMissingOrForeignDatabaseIsBadInputWhenItMustExist() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("none.sqlite").path
        #expect(throws: PlanningError.self) { try RunArchive(path: path, mustExist: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))  // an empty SQLite file: no schema
        #expect(throws: PlanningError.self) { try RunArchive(path: path, mustExist: true) }
        #expect(try RunArchive(path: path).appliedMigrations() == ["v1", "v2", "v3"])
    }

    /// A file that is not SQLite (a CSV passed as --history, a damaged copy) is bad input naming the file, whether it
    /// must exist or not, and it is left as it was.
    @Test func aFileThatIsNotSQLiteIsBadInputAndLeftAlone() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        let text = Data("timestamp,load\n2026-01-01T00:00,5\n".utf8) + Data(repeating: 0x2C, count: 5000)
        #expect(FileManager.default.createFile(atPath: path, contents: text))
        for mustExist in [true, false] {
            let error = #expect(throws: PlanningError.self) { try RunArchive(path: path, mustExist: mustExist) }
            #expect(error?.description.contains("history.sqlite: expected a re100 history database, found a file that is not an SQLite database") == true)
        }
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test func aFolderIsNoDatabase() throws {
        let folder = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RunArchiveError.self) { try RunArchive(path: folder.path) }
    }

    /// Two runs forecast loads.factory; actuals are 100 at hours 0 and 1.
    /// Horizon 1: run A at hour 0 (110, error 10 = 10 %) and run B at hour 1 (120, error 20 = 20 %): MAE 15, MAPE 15 %.
    /// Horizon 2: run A at hour 1 (90, error 10 = 10 %): MAE 10, MAPE 10 %. Run A's hour 2 has no actual.
    /// loads.lab's actual is 0: MAE 5, no MAPE.
    @Test func accuracyByHorizonHourIsTheMeanOverRunsWithActuals() throws {
        let (folder, history) = try Self.newHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try history.record(Self.forecastRun("loads.factory", origin: 0, values: [110, 90, 50]))
        try history.record(Self.forecastRun("loads.factory", origin: 1, values: [120]))
        try history.record(Self.forecastRun("loads.lab", origin: 0, values: [5]))
        #expect(try history.forecastAccuracy().isEmpty)
        let actuals = [MeteredValue(series: "loads.factory", timestamp: Self.hour(0), value: 100),
                       MeteredValue(series: "loads.factory", timestamp: Self.hour(1), value: 100),
                       MeteredValue(series: "loads.lab", timestamp: Self.hour(0), value: 0)]
        #expect(try history.ingest(actuals, source: "meter.csv", ingestedAt: Self.hour(5)) == (3, 0))

        let accuracy = try history.forecastAccuracy()
        #expect(accuracy == [
            ForecastAccuracy(series: "loads.factory", horizonHour: 1, pairs: 2, mae: 15, mapePercent: 15, mapePairs: 2),
            ForecastAccuracy(series: "loads.factory", horizonHour: 2, pairs: 1, mae: 10, mapePercent: 10, mapePairs: 1),
            ForecastAccuracy(series: "loads.lab", horizonHour: 1, pairs: 1, mae: 5, mapePercent: nil, mapePairs: 0),
        ])
        let json = try RunArchiveReport(runs: nil, accuracy: accuracy).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((object["accuracy"] as? [[String: Any]])?.first)
        #expect(object["schema_version"] as? Int == 1 && object["runs"] == nil)
        #expect(first["series"] as? String == "loads.factory" && first["horizon_hour"] as? Int == 1)
        #expect(first["mae"] as? Double == 15 && first["mape_pct"] as? Double == 15 && first["mape_pairs"] as? Int == 2)
        #expect(json.contains("\"mape_pct\" : null"))
    }

    @Test func reingestingReplacesAndCountsWhatWasReplaced() throws {
        let (folder, history) = try Self.newHistory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = [MeteredValue(series: "loads.factory", timestamp: Self.hour(0), value: 1),
                     MeteredValue(series: "loads.factory", timestamp: Self.hour(1), value: 2)]
        #expect(try history.ingest(first, source: "a.csv", ingestedAt: Self.hour(2)) == (2, 0))
        let second = [MeteredValue(series: "loads.factory", timestamp: Self.hour(1), value: 3),
                      MeteredValue(series: "loads.lab", timestamp: Self.hour(1), value: 4)]
        #expect(try history.ingest(second, source: "b.csv", ingestedAt: Self.hour(3)) == (1, 1))
        let rows = try history.reading { db in
            try Row.fetchAll(db, sql: "SELECT series, timestamp, value, source FROM actuals ORDER BY series, timestamp")
                .map { "\($0["series"] as String) \($0["timestamp"] as Int64) \($0["value"] as Double) \($0["source"] as String)" }
        }
        #expect(rows == ["loads.factory 1775142000 1.0 a.csv", "loads.factory 1775145600 3.0 b.csv",
                         "loads.lab 1775145600 4.0 b.csv"])
    }

    @Test(arguments: [(0, 1), (3, 4), (47, 48)])
    func horizonHourCountsTheOriginsHourAsOne(hours: Int, horizon: Int64) {
        let origin = RunArchive.seconds(Self.start)
        #expect(RunArchive.horizonHour(RunArchive.seconds(Self.hour(hours)), origin: origin) == horizon)
    }
}
