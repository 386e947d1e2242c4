import DispatchOptimizer
import Foundation
import GRDB
import GridModel
import LinearProgramming
import Reporting

/// The run archive (what the command line calls the history database, `--history DB`; in the code "history"
/// means a load history CSV): an SQLite database (GRDB) with every `re100 run` (provenance, outcome, timings),
/// the KPIs, forecasts and schedule of successful runs, and metered actuals for forecast accuracy.
///
/// The schema is created and upgraded by GRDB's `DatabaseMigrator` with named migrations (`v1`, ...); opening a
/// database applies the missing ones, so reopening is a no-op. Instants are integer seconds since 1970-01-01 UTC
/// (`datetime(x, 'unixepoch')` in `sqlite3`). Every table is described in docs/operations.md.
/// The database is in WAL mode with a 30-second busy timeout, so `re100 history` may read while a run writes.
public final class RunArchive: Sendable {
    /// The database file.
    public let path: String
    private let database: DatabaseQueue

    /// Opens (and creates, unless `mustExist`) the database at `path` and applies the missing migrations.
    /// - Parameter mustExist: the database must exist and already be a re100 history (`re100 history` reads one,
    ///   it never turns another SQLite file into one).
    /// - Throws: `PlanningError.badInput` when the file is not an SQLite database, or when `mustExist` and there is
    ///   no file or it is no re100 history;
    ///   `RunArchiveError` (exit 70) when SQLite cannot open or migrate it, or when a newer re100 has applied
    ///   migrations this one does not know.
    public init(path: String, mustExist: Bool = false) throws {
        if mustExist && !FileManager.default.fileExists(atPath: path) {
            throw PlanningError.badInput("\(path): no history database (`re100 run` and `re100 actuals add` "
                + "create one; pass --history DB for another file)")
        }
        self.path = path
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw PlanningError.badInput("\(path): expected a re100 history database, found a file that is not an "
                + "SQLite database (\(error.message ?? "file is not a database"))")
        } catch {
            throw RunArchiveError(path: path, action: "cannot open", reason: "\(error)")
        }
        let superseded: Bool, applied: Set<String>
        do {
            (superseded, applied) = try database.read { db in
                (try Self.migrator.hasBeenSuperseded(db), try Self.migrator.appliedIdentifiers(db))
            }
            if mustExist && applied.isEmpty {
                throw PlanningError.badInput("\(path): expected a re100 history database, found an SQLite "
                    + "file without re100's schema")
            }
            // Only a database that misses migrations is written to here (a reader of an up-to-date one is not).
            if !superseded && applied != Set(Self.migrator.migrations) { try Self.migrator.migrate(database) }
        } catch let error as PlanningError {
            throw error
        } catch {
            throw RunArchiveError(path: path, action: "cannot migrate", reason: "\(error)")
        }
        if superseded {
            throw RunArchiveError(path: path, action: "cannot use", reason: "it was written by a newer re100 (schema "
                + "migrations this version does not know; it knows \(Self.migrator.migrations.joined(separator: ", ")))")
        }
    }

    /// The schema's migrations, in order. A released migration is never edited: changes go into a new one.
    public static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  folder TEXT,
                  started_at INTEGER NOT NULL,
                  finished_at INTEGER NOT NULL,
                  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
                  exit_code INTEGER NOT NULL,
                  error TEXT,
                  grid_path TEXT NOT NULL,
                  grid_fingerprint TEXT,
                  time_zone TEXT,
                  re100_version TEXT NOT NULL,
                  glpk_version TEXT NOT NULL,
                  clock INTEGER,
                  first_hour INTEGER,
                  hours INTEGER,
                  solver_status TEXT,
                  objective REAL,
                  build_s REAL,
                  solve_s REAL,
                  extract_s REAL,
                  total_s REAL NOT NULL
                );
                CREATE TABLE run_kpis (
                  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
                  currency TEXT NOT NULL,
                  total_cost REAL, energy_cost REAL, demand_charge REAL, fuel_cost REAL, ppa_cost REAL,
                  certificate_cost REAL, unserved_load_cost REAL, export_revenue REAL,
                  consumption_mwh REAL, renewable_supply_mwh REAL, re_share REAL, cfe_score REAL, co2_t REAL,
                  curtailed_mwh REAL, unserved_mwh REAL, peak_import_mw REAL, import_mwh REAL, export_mwh REAL
                );
                CREATE TABLE forecasts (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  series TEXT NOT NULL,
                  model TEXT NOT NULL,
                  origin INTEGER NOT NULL,
                  timestamp INTEGER NOT NULL,
                  horizon_hour INTEGER NOT NULL,
                  forecast REAL, p10 REAL, p50 REAL, p90 REAL,
                  PRIMARY KEY (run_id, series, timestamp)
                );
                CREATE INDEX forecasts_by_series_time ON forecasts (series, timestamp);
                CREATE TABLE schedules (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  timestamp INTEGER NOT NULL,
                  unit TEXT NOT NULL,
                  component TEXT NOT NULL,
                  bus TEXT NOT NULL,
                  carrier TEXT NOT NULL,
                  p_mw REAL, charge_mw REAL, discharge_mw REAL, soc_mwh REAL, curtailed_mw REAL
                );
                CREATE INDEX schedules_by_run ON schedules (run_id, timestamp);
                CREATE TABLE actuals (
                  series TEXT NOT NULL,
                  timestamp INTEGER NOT NULL,
                  value REAL NOT NULL,
                  ingested_at INTEGER NOT NULL,
                  source TEXT NOT NULL,
                  PRIMARY KEY (series, timestamp)
                );
                """)
        }
        // Year-to-date progress of each successful run (the state it hands to the next run, after its committed
        // hours) and the grid's annual targets at the time of the run.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE run_kpis ADD COLUMN ytd_period TEXT;
                ALTER TABLE run_kpis ADD COLUMN ytd_hours INTEGER;
                ALTER TABLE run_kpis ADD COLUMN ytd_demand_mwh REAL;
                ALTER TABLE run_kpis ADD COLUMN ytd_renewable_mwh REAL;
                ALTER TABLE run_kpis ADD COLUMN ytd_re_share REAL;
                ALTER TABLE run_kpis ADD COLUMN ytd_cfe_score REAL;
                ALTER TABLE run_kpis ADD COLUMN ytd_co2_t REAL;
                ALTER TABLE run_kpis ADD COLUMN target_re_share REAL;
                ALTER TABLE run_kpis ADD COLUMN target_cfe_score REAL;
                ALTER TABLE run_kpis ADD COLUMN target_co2_cap_t REAL;
                """)
        }
        // What `re100 evaluate <history-db>` needs to re-dispatch a run's committed hours: the state it planned from
        // (state.json as the run read it, NULL for the grid's initial state), how many hours it committed, and how it
        // planned (deterministic or quantile scenarios, with the CVaR level and weight). NULL committed_hours: a run
        // recorded before v3, which cannot be evaluated.
        migrator.registerMigration("v3") { db in
            try db.execute(sql: """
                ALTER TABLE runs ADD COLUMN start_state TEXT;
                ALTER TABLE runs ADD COLUMN committed_hours INTEGER;
                ALTER TABLE runs ADD COLUMN scenario_mode TEXT;
                ALTER TABLE runs ADD COLUMN cvar_level REAL;
                ALTER TABLE runs ADD COLUMN cvar_weight REAL;
                """)
        }
        return migrator
    }()

    /// The names of the migrations applied to the database, in order.
    public func appliedMigrations() throws -> [String] {
        try reading { try Self.migrator.appliedMigrations($0) }
    }

    /// Stores `run` in one transaction: the `runs` row, and for a successful run its KPIs, forecasts and
    /// schedule. `beforeCommit` runs inside the transaction after the inserts (`run` publishes there), so either
    /// both happen or, when it throws, nothing is stored and its error is rethrown unchanged.
    /// - Returns: the new run's `runs.id`.
    /// - Throws: `RunArchiveError` when SQLite fails, or what `beforeCommit` throws.
    @discardableResult
    public func record(_ run: RunRecord, beforeCommit: () throws -> Void = {}) throws -> Int64 {
        var workError: (any Error)?
        do {
            return try database.write { db in
                let id = try insertRun(run, db)
                if run.exitCode == 0 {
                    if let result = run.result {
                        try insertKPIs(result.kpis, currency: run.currency ?? "", run: id, db)
                        try updateProgress(result.finalState.periodProgress, targets: run.targets, run: id, db)
                        try insertSchedule(result, run: id, db)
                    }
                    try insertForecasts(run.forecasts, run: id, db)
                }
                do { try beforeCommit() } catch { workError = error; throw error }
                return id
            }
        } catch {
            if let workError { throw workError }
            throw RunArchiveError(path: path, action: "cannot write to", reason: "\(error)")
        }
    }

    /// Marks the recorded run `id` failed after the fact (a step after publishing failed).
    public func markFailed(_ id: Int64, exitCode: Int32, error: String, finishedAt: Date) throws {
        try writing { db in
            try db.execute(sql: """
                UPDATE runs SET status = 'failed', exit_code = ?, error = ?, finished_at = ?,
                  total_s = ? - started_at WHERE id = ?
                """, arguments: [exitCode, error, Self.seconds(finishedAt), finishedAt.timeIntervalSince1970, id])
        }
    }

    /// Stores metered values in one transaction; a value for a series and hour already stored replaces it.
    /// - Parameters:
    ///   - source: the file they came from, kept with each value.
    ///   - ingestedAt: the time stamp kept with each value.
    /// - Returns: how many values were new and how many replaced a stored one.
    public func ingest(_ values: [MeteredValue], source: String, ingestedAt: Date) throws -> (added: Int, replaced: Int) {
        try writing { db in
            let exists = try db.makeStatement(sql: "SELECT 1 FROM actuals WHERE series = ? AND timestamp = ?")
            let upsert = try db.makeStatement(sql: """
                INSERT INTO actuals (series, timestamp, value, ingested_at, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (series, timestamp) DO UPDATE SET value = excluded.value,
                  ingested_at = excluded.ingested_at, source = excluded.source
                """)
            var replaced = 0
            for value in values {
                let key: StatementArguments = [value.series, Self.seconds(value.timestamp)]
                if try Row.fetchOne(exists, arguments: key) != nil { replaced += 1 }
                try upsert.execute(arguments: key + [value.value, Self.seconds(ingestedAt), source])
            }
            return (values.count - replaced, replaced)
        }
    }

    /// Runs `body` in a write transaction, turning SQLite errors into `RunArchiveError`.
    public func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch {
            throw RunArchiveError(path: path, action: "cannot write to", reason: "\(error)")
        }
    }

    /// Runs `body` in a read transaction, turning SQLite errors into `RunArchiveError`; a value that does not fit its
    /// column's type or range (`RowDecodingError`, `check`) is bad input, `PlanningError.badInput` (exit 65).
    public func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as PlanningError {
            throw error
        } catch let error as RowDecodingError {
            throw PlanningError.badInput("\(path): a value read back does not fit its column: \(error)")
        } catch {
            throw RunArchiveError(path: path, action: "cannot read", reason: "\(error)")
        }
    }

    /// Whole seconds since 1970-01-01 UTC, the database's representation of instants.
    public static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    /// The instant of whole seconds since 1970-01-01 UTC.
    public static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }

    /// `value`, or nil (SQL NULL) when it is not finite.
    public static func finite(_ value: Double?) -> Double? {
        value.flatMap { $0.isFinite ? $0 : nil }
    }

    /// Inserts the `runs` row of `run` and returns its id.
    private func insertRun(_ run: RunRecord, _ db: Database) throws -> Int64 {
        let result = run.result
        let solvedHours = !(result?.timestamps.isEmpty ?? true)
        let arguments: [(any DatabaseValueConvertible)?] = [
            run.folder, Self.seconds(run.startedAt), Self.seconds(run.finishedAt), run.status, run.exitCode, run.error,
            run.gridPath, run.gridFingerprint, run.timeZone?.identifier, RE100Version.current, GLPKSolver.version,
            run.clock.map(Self.seconds), run.firstHour.map(Self.seconds), run.hours, result?.status.rawValue,
            solvedHours ? Self.finite(result?.kpis.objective) : nil, result?.timings.buildSeconds,
            result?.timings.solveSeconds, result?.timings.extractSeconds,
            run.finishedAt.timeIntervalSince(run.startedAt),
        ]
        var level: Double?, weight: Double?
        if case .conditionalValueAtRisk(let β, let λ) = run.plan?.risk { (level, weight) = (β, λ) }
        let start = try run.plan?.startState.map { String(decoding: try ScheduledRun.encode($0), as: UTF8.self) }
        let plan: [(any DatabaseValueConvertible)?] = [start, run.plan?.committedHours, run.plan?.scenarioMode.rawValue, level, weight]
        try db.execute(sql: """
            INSERT INTO runs (folder, started_at, finished_at, status, exit_code, error, grid_path, grid_fingerprint,
              time_zone, re100_version, glpk_version, clock, first_hour, hours, solver_status, objective, build_s,
              solve_s, extract_s, total_s, start_state, committed_hours, scenario_mode, cvar_level, cvar_weight)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments(arguments + plan))
        return db.lastInsertedRowID
    }

    /// Inserts the `run_kpis` row of run `id`.
    private func insertKPIs(_ kpis: DispatchKPIs, currency: String, run id: Int64, _ db: Database) throws {
        let costs = kpis.costs
        let figures = [
            costs.total, costs.energy, costs.demandCharge, costs.fuel, costs.ppa, costs.certificates,
            costs.unservedLoad, costs.exportRevenue, kpis.consumptionMWh, kpis.renewableSupplyMWh, kpis.reShare,
            kpis.cfeScore, kpis.co2Tonnes, kpis.curtailedMWh, kpis.unservedMWh, kpis.peakImportMW, kpis.importMWh,
            kpis.exportMWh,
        ].map(Self.finite)
        try db.execute(sql: """
            INSERT INTO run_kpis (run_id, currency, total_cost, energy_cost, demand_charge, fuel_cost, ppa_cost,
              certificate_cost, unserved_load_cost, export_revenue, consumption_mwh, renewable_supply_mwh, re_share,
              cfe_score, co2_t, curtailed_mwh, unserved_mwh, peak_import_mw, import_mwh, export_mwh)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments([id, currency] + figures as [(any DatabaseValueConvertible)?]))
    }

    /// Sets the year-to-date columns of the `run_kpis` row of run `id` from `progress` (the state handed to the next
    /// run) and the target columns from `targets`; columns without a value stay NULL.
    private func updateProgress(_ progress: PeriodProgress?, targets: RE100Targets?, run id: Int64, _ db: Database) throws {
        let figures = [progress?.demandMWh, progress?.renewableMWh, progress?.reShare, progress?.cfeScore,
                       progress?.co2Tonnes, targets?.annualRenewableShare, targets?.hourlyCarbonFreeScore,
                       targets?.co2Cap].map(Self.finite)
        let arguments: [(any DatabaseValueConvertible)?] = [progress?.period, progress?.hours] + figures + [id]
        try db.execute(sql: """
            UPDATE run_kpis SET ytd_period = ?, ytd_hours = ?, ytd_demand_mwh = ?, ytd_renewable_mwh = ?, ytd_re_share = ?,
              ytd_cfe_score = ?, ytd_co2_t = ?, target_re_share = ?, target_cfe_score = ?, target_co2_cap_t = ?
            WHERE run_id = ?
            """, arguments: StatementArguments(arguments))
    }

    /// Inserts one `forecasts` row per series and hour of run `id`.
    private func insertForecasts(_ forecasts: [UsedForecast], run id: Int64, _ db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO forecasts (run_id, series, model, origin, timestamp, horizon_hour, forecast, p10, p50, p90)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for forecast in forecasts {
            let origin = Self.seconds(forecast.origin)
            for (hour, timestamp) in forecast.timestamps.enumerated() {
                let seconds = Self.seconds(timestamp)
                let values = [forecast.forecast, forecast.p10, forecast.p50, forecast.p90].map { column in
                    Self.finite(column.indices.contains(hour) ? column[hour] : nil)
                }
                try insert.execute(arguments: StatementArguments(
                    [id, forecast.series, forecast.model, origin, seconds, Self.horizonHour(seconds, origin: origin)]
                    + values as [(any DatabaseValueConvertible)?]))
            }
        }
    }

    /// Inserts one `schedules` row per hour and unit of run `id`, in `schedule.csv` order.
    private func insertSchedule(_ result: DispatchResult, run id: Int64, _ db: Database) throws {
        let insert = try db.makeStatement(sql: """
            INSERT INTO schedules (run_id, timestamp, unit, component, bus, carrier, p_mw, charge_mw, discharge_mw,
              soc_mwh, curtailed_mw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (hour, timestamp) in result.timestamps.enumerated() {
            for unit in result.units {
                let values = [unit.power, unit.charge, unit.discharge, unit.stateOfCharge, unit.curtailed].map { column in
                    Self.finite(column.flatMap { $0.indices.contains(hour) ? $0[hour] : nil })
                }
                try insert.execute(arguments: StatementArguments(
                    [id, Self.seconds(timestamp), unit.unit, unit.component, unit.bus, unit.carrier]
                    + values as [(any DatabaseValueConvertible)?]))
            }
        }
    }

    /// The horizon hour of a forecast for the hour starting at `seconds` made at `origin`: 1 for the origin's
    /// own hour (the first hour without a known value), 2 for the next, ...
    public static func horizonHour(_ seconds: Int64, origin: Int64) -> Int64 {
        (seconds - origin) / 3600 + 1
    }
}
