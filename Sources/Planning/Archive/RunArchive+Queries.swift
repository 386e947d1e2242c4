import EnergyCalendar
import Foundation
import GRDB

extension RunArchive {
    /// The last `last` recorded runs (all when nil), oldest first, with their headline KPIs and year-to-date progress.
    public func runs(last: Int?) throws -> [ArchivedRun] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.id, r.folder, r.started_at, r.finished_at, r.status, r.exit_code, r.error, r.grid_path,
                  r.grid_fingerprint, r.time_zone, r.first_hour, r.hours, r.solver_status, r.objective, r.total_s,
                  k.currency, k.re_share, k.cfe_score, k.co2_t, k.peak_import_mw, k.ytd_period, k.ytd_hours,
                  k.ytd_demand_mwh, k.ytd_renewable_mwh, k.ytd_re_share, k.ytd_cfe_score, k.ytd_co2_t, k.target_re_share,
                  k.target_cfe_score, k.target_co2_cap_t
                FROM runs r LEFT JOIN run_kpis k ON k.run_id = r.id
                ORDER BY r.id DESC LIMIT ?
                """, arguments: [last ?? -1])
            return try rows.reversed().map { row in
                let id: Int64 = try row.decode(forColumn: "id")
                for column in ["started_at", "finished_at", "first_hour"] {
                    try check(try row.decode(Int64?.self, forColumn: column), Self.storedInstants, table: "runs", id: id, column: column)
                }
                try check(try row.decode(Int?.self, forColumn: "hours"), 0...InputLimits.maximumSnapshots, table: "runs", id: id, column: "hours")
                try check(try row.decode(Int?.self, forColumn: "exit_code"), 0...255, table: "runs", id: id, column: "exit_code")
                return ArchivedRun(
                    id: try row.decode(forColumn: "id"), folder: try row.decode(forColumn: "folder"),
                    startedAt: Self.date(try row.decode(forColumn: "started_at")),
                    finishedAt: Self.date(try row.decode(forColumn: "finished_at")),
                    status: try row.decode(forColumn: "status"), exitCode: try row.decode(forColumn: "exit_code"),
                    error: try row.decode(forColumn: "error"), gridPath: try row.decode(forColumn: "grid_path"),
                    gridFingerprint: try row.decode(forColumn: "grid_fingerprint"),
                    timeZone: try row.decode(forColumn: "time_zone"),
                    firstHour: (try row.decode(Int64?.self, forColumn: "first_hour")).map(Self.date),
                    hours: try row.decode(forColumn: "hours"), solverStatus: try row.decode(forColumn: "solver_status"),
                    objective: try row.decode(forColumn: "objective"), currency: try row.decode(forColumn: "currency"),
                    reShare: try row.decode(forColumn: "re_share"), cfeScore: try row.decode(forColumn: "cfe_score"),
                    co2Tonnes: try row.decode(forColumn: "co2_t"), peakImportMW: try row.decode(forColumn: "peak_import_mw"),
                    totalSeconds: try row.decode(forColumn: "total_s"),
                    yearToDate: try YearToDate(row))
            }
        }
    }

    /// The folders of the runs recorded as published (status ok), newest first.
    public func publishedFolders() throws -> [String] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT folder FROM runs WHERE status = 'ok' AND folder IS NOT NULL ORDER BY id DESC")
        }
    }

    /// The SQL of `forecastAccuracy()`, also shown in docs/operations.md.
    public static let accuracySQL = """
        SELECT f.series, f.horizon_hour, COUNT(*) AS pairs, AVG(ABS(f.forecast - a.value)) AS mae,
          AVG(CASE WHEN a.value <> 0 THEN 100.0 * ABS(f.forecast - a.value) / ABS(a.value) END) AS mape_pct,
          COUNT(CASE WHEN a.value <> 0 THEN 1 END) AS mape_pairs
        FROM forecasts f JOIN actuals a ON a.series = f.series AND a.timestamp = f.timestamp
        WHERE f.forecast IS NOT NULL
        GROUP BY f.series, f.horizon_hour
        ORDER BY f.series, f.horizon_hour
        """

    /// MAE and MAPE per series and horizon hour over every recorded forecast with a metered actual for its hour,
    /// sorted by series, then horizon hour; empty before any actual matches.
    public func forecastAccuracy() throws -> [ForecastAccuracy] {
        try reading { db in
            try Row.fetchAll(db, sql: Self.accuracySQL).map { row in
                try check(try row.decode(Int?.self, forColumn: "horizon_hour"), 0...InputLimits.maximumSnapshots, table: "forecasts", id: nil, column: "horizon_hour")
                return ForecastAccuracy(
                    series: try row.decode(forColumn: "series"), horizonHour: try row.decode(forColumn: "horizon_hour"),
                    pairs: try row.decode(forColumn: "pairs"), mae: try row.decode(forColumn: "mae"),
                    mapePercent: try row.decode(forColumn: "mape_pct"), mapePairs: try row.decode(forColumn: "mape_pairs"))
            }
        }
    }

    /// Instants the archive can hold, in whole seconds: 1970-01-01 to 9999-12-31 (UTC).
    static let storedInstants: ClosedRange<Int64> = 0...253_402_300_799

    /// Checks a value read back from the archive like any other input (the database may have been edited or
    /// damaged): one outside `range` is bad input (exit 65). Values are read with `Row.decode`, which throws (never
    /// traps, as `Row` subscripts do) for a cell that does not hold the type.
    func check<Value: Comparable & CustomStringConvertible>(
        _ value: Value?, _ range: ClosedRange<Value>, table: String, id: Int64?, column: String
    ) throws(PlanningError) {
        guard let value, !range.contains(value) else { return }
        let row = id.map { " row \($0)" } ?? ""
        throw .badInput("\(path): \(table)\(row), column '\(column)': expected \(range.lowerBound)...\(range.upperBound), found \(value)")
    }
}

extension YearToDate {
    /// The year-to-date columns of a `runs(last:)` row; nil when the run recorded none (a failed run, or one
    /// recorded before migration `v2`).
    init?(_ row: Row) throws {
        guard let period: String = try row.decode(forColumn: "ytd_period") else { return nil }
        self.init(period: period, hours: try row.decode(forColumn: "ytd_hours"),
                  demandMWh: try row.decode(forColumn: "ytd_demand_mwh"),
                  renewableMWh: try row.decode(forColumn: "ytd_renewable_mwh"),
                  reShare: try row.decode(forColumn: "ytd_re_share"), cfeScore: try row.decode(forColumn: "ytd_cfe_score"),
                  co2Tonnes: try row.decode(forColumn: "ytd_co2_t"),
                  targetREShare: try row.decode(forColumn: "target_re_share"),
                  targetCFEScore: try row.decode(forColumn: "target_cfe_score"),
                  co2CapTonnes: try row.decode(forColumn: "target_co2_cap_t"))
    }
}
