import DispatchOptimizer
import EnergyCalendar
import Foundation
import GRDB
import Reporting

extension RunArchive {
    /// Every successful, published run that recorded its plan (migration `v3` on), by first hour; the schedules and
    /// forecasts are read back as recorded.
    /// - Throws: `PlanningError.badInput` for a value that does not fit its column (a damaged or edited database).
    func committedRuns() throws -> [CommittedRun] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, grid_path, first_hour, hours, start_state, committed_hours, scenario_mode, cvar_level, cvar_weight
                FROM runs
                WHERE status = 'ok' AND folder IS NOT NULL AND committed_hours IS NOT NULL AND first_hour IS NOT NULL
                ORDER BY first_hour, id
                """)
            return try rows.map { row in try committedRun(row, db) }
        }
    }

    private func committedRun(_ row: Row, _ db: Database) throws -> CommittedRun {
        let id: Int64 = try row.decode(forColumn: "id")
        let first: Int64 = try row.decode(forColumn: "first_hour")
        let hours: Int = try row.decode(forColumn: "hours")
        let committed: Int = try row.decode(forColumn: "committed_hours")
        try check(first, Self.storedInstants, table: "runs", id: id, column: "first_hour")
        try check(hours, 1...InputLimits.maximumSnapshots, table: "runs", id: id, column: "hours")
        try check(committed, 1...hours, table: "runs", id: id, column: "committed_hours")
        let modeText: String? = try row.decode(forColumn: "scenario_mode")
        guard let mode = ScenarioMode(rawValue: modeText ?? "") else {
            throw PlanningError.badInput("\(path): runs row \(id), column 'scenario_mode': expected "
                + ScenarioMode.allCases.map(\.rawValue).joined(separator: " or ") + ", found \(modeText ?? "NULL")")
        }
        var risk = RiskMeasure.expectation
        if let level: Double = try row.decode(forColumn: "cvar_level"), let weight: Double = try row.decode(forColumn: "cvar_weight") {
            risk = .conditionalValueAtRisk(level: level, weight: weight)
        }
        let state = try (row.decode(String?.self, forColumn: "start_state")).map { text throws(PlanningError) in
            try StateFile.decode(Array(text.utf8), file: "\(path): runs row \(id), column 'start_state'")
        }
        let plan = RunRecord.PlanRecord(startState: state, committedHours: committed, scenarioMode: mode, risk: risk)
        return CommittedRun(id: id, gridPath: try row.decode(forColumn: "grid_path"), firstHour: Self.date(first),
                            hours: hours, plan: plan, schedule: try schedule(run: id, hours: hours, db),
                            forecasts: try forecasts(run: id, db))
    }

    /// The `schedules` rows of run `id` as unit schedules over `hours` hours (units in the order first recorded).
    private func schedule(run id: Int64, hours: Int, _ db: Database) throws -> [UnitSchedule] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT timestamp, unit, component, bus, carrier, p_mw, charge_mw, discharge_mw, soc_mwh, curtailed_mw
            FROM schedules WHERE run_id = ? ORDER BY timestamp, rowid
            """, arguments: [id])
        var units: [UnitSchedule] = []
        var index: [String: Int] = [:]
        var timestamps: [Int64] = []
        for row in rows {
            let timestamp: Int64 = try row.decode(forColumn: "timestamp")
            if timestamps.last != timestamp { timestamps.append(timestamp) }
            let component: String = try row.decode(forColumn: "component"), unit: String = try row.decode(forColumn: "unit")
            let key = component + "\u{0}" + unit
            let k = try index[key] ?? {
                units.append(UnitSchedule(unit: unit, component: component, bus: try row.decode(forColumn: "bus"),
                                          carrier: try row.decode(forColumn: "carrier"), power: []))
                index[key] = units.count - 1
                return units.count - 1
            }()
            let hour = timestamps.count - 1
            guard units[k].power.count == hour else {
                throw PlanningError.badInput("\(path): schedules of run \(id): unit \(unit) has no single row per hour")
            }
            units[k].power.append(try row.decode(Double?.self, forColumn: "p_mw") ?? 0)
            for (column, path) in [("charge_mw", \UnitSchedule.charge), ("discharge_mw", \.discharge), ("soc_mwh", \.stateOfCharge),
                                   ("curtailed_mw", \.curtailed)] {
                if let value: Double = try row.decode(forColumn: column) {
                    units[k][keyPath: path] = (units[k][keyPath: path] ?? [Double](repeating: 0, count: hour)) + [value]
                }
            }
        }
        guard timestamps.count == hours, units.allSatisfy({ $0.power.count == hours }) else {
            throw PlanningError.badInput("\(path): schedules of run \(id): expected \(hours) hours of every unit, found "
                + "\(timestamps.count) hours")
        }
        return units
    }

    /// The `forecasts` rows of run `id`, one forecast per series, by series.
    private func forecasts(run id: Int64, _ db: Database) throws -> [UsedForecast] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT series, model, origin, timestamp, forecast, p10, p50, p90
            FROM forecasts WHERE run_id = ? ORDER BY series, timestamp
            """, arguments: [id])
        var forecasts: [UsedForecast] = []
        for row in rows {
            let series: String = try row.decode(forColumn: "series")
            if forecasts.last?.series != series {
                let origin = Self.date(try row.decode(forColumn: "origin"))
                forecasts.append(UsedForecast(series: series, model: try row.decode(forColumn: "model"), origin: origin,
                                              timestamps: [], forecast: [], p10: [], p50: [], p90: [], file: "", column: series,
                                              newestInput: origin))
            }
            let k = forecasts.count - 1
            forecasts[k].timestamps.append(Self.date(try row.decode(forColumn: "timestamp")))
            let point: Double? = try row.decode(forColumn: "forecast")
            let value = { (column: String) throws -> Double in try row.decode(Double?.self, forColumn: column) ?? point ?? .nan }
            forecasts[k].forecast.append(point ?? .nan)
            forecasts[k].p10.append(try value("p10"))
            forecasts[k].p50.append(try value("p50"))
            forecasts[k].p90.append(try value("p90"))
        }
        return forecasts
    }

    /// Every metered value from `start` (inclusive) to `end` (exclusive), by series and instant.
    func actualValues(from start: Date, to end: Date) throws -> [String: [Date: Double]] {
        try reading { db in
            var values: [String: [Date: Double]] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT series, timestamp, value FROM actuals WHERE timestamp >= ? AND timestamp < ?",
                                        arguments: [Self.seconds(start), Self.seconds(end)])
            for row in rows {
                let series: String = try row.decode(forColumn: "series")
                values[series, default: [:]][Self.date(try row.decode(forColumn: "timestamp"))] = try row.decode(forColumn: "value")
            }
            return values
        }
    }
}
