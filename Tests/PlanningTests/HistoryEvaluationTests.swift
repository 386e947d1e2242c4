import Foundation
import GridIO
import LinearProgramming
import Logging
import Testing
import Reporting
import TestSupport
@testable import DispatchOptimizer
@testable import Planning

/// `re100 evaluate <history-db>` (docs/uncertainty.md, "Evaluation from the history database") on a history worked out
/// by hand. One bus, UTC, import at 10 per MWh in even hours and 30 in odd ones (at most 20 MW), a lossless
/// 10 MW / 10 MWh battery starting empty, a factory load that may not be shed and 10 MW of PV, both forecast.
/// Three daily-style runs of 2 hours, each committing both:
///
/// | run | hours | forecast load, PV (MW) | plan (charge, discharge) | actual load, PV (MW) |
/// |---|---|---|---|---|
/// | 1 | 0-1 | 5 5, 0 2 | charge 3 in hour 0, discharge 3 in hour 1 | 5 8, 0 0 |
/// | 2 | 2-3 | 5 5, 0 0 | charge 5 in hour 2, discharge 5 in hour 3 | 5 6, 0 0 |
/// | 3 | 4-5 | 5 5, 0 0 | charge 5 in hour 4, discharge 5 in hour 5 | hour 4 only |
///
/// - Realised: run 1 imports 8 at 10 and 8 − 3 = 5 at 30: 230; run 2 imports 10 at 10 and 6 − 5 = 1 at 30: 130.
///   In all 360; run 3 is left out (no actuals in hour 5).
/// - Perfect foresight (one LP over hours 0-3 from empty): charge 8 and 6 in the cheap hours, 13 and 11 MWh imported
///   at 10: 240. Regret 120.
/// - Perfect load: run 1 plans for 8 − 2 = 6 MW in hour 1 (charge 6: 110, then 2 MW at 30 when the PV does not come:
///   60), run 2 for 6 (110): 280, so the load forecast cost 360 − 280 = 80. Perfect PV: run 1 plans for 5 MW (charge 5:
///   100, then 3 at 30: 90), run 2 as recorded (130): 320, so the PV forecast cost 40. Together the 120 of regret.
@Suite struct HistoryEvaluationTests {
    static let grid = """
        [network]
        currency = "KRW"

        [snapshots]
        time_zone = "UTC"
        start = "2026-01-01T00:00"
        count = 6

        [forecasting]
        latitude_deg = 35.2
        longitude_deg = 126.8

        [carriers.solar]
        renewable = true

        [carriers.grid]

        [carriers.battery]

        [buses.site]
        v_nom = 22.9

        [generators.pv]
        bus = "site"
        carrier = "solar"
        p_nom = 10
        p_max_pu_forecast_from = "history.csv:pv"

        [loads.factory]
        bus = "site"
        forecast_from = "history.csv:load"
        forecast_model = "snaive24"

        [storage_units.battery]
        bus = "site"
        carrier = "battery"
        p_nom = 10
        max_hours = 1

        [grid_connection]
        bus = "site"
        import_limit_mw = 20
        import_price = "prices.csv:price"

        """

    static func hour(_ h: Int) -> Date { Date(timeIntervalSince1970: 1_767_225_600 + Double(h) * 3600) }

    /// A folder with the grid and an empty history database.
    static func history() throws -> (GridFolder, RunArchive) {
        let folder = try GridFolder([
            "grid.toml": grid,
            "prices.csv": GridFolder.series(["price": [10, 30, 10, 30, 10, 30]]),
            "history.csv": "timestamp,load,pv\n2025-12-31T23:00,5,0\n",
        ])
        return (folder, try RunArchive(path: folder.url.appendingPathComponent("history.sqlite").path))
    }

    /// Records a successful deterministic run of 2 hours from hour `origin` with the battery's planned `charge` and
    /// `discharge` and the forecasts it used, starting from an empty battery.
    static func record(_ archive: RunArchive, grid: GridFolder, origin: Int, charge: [Double], discharge: [Double],
                       load: [Double], pv: [Double]) throws {
        var record = RunRecord(startedAt: hour(origin), gridPath: grid.url.path)
        record.folder = "run\(origin)"
        record.clock = hour(origin)
        (record.firstHour, record.hours) = (hour(origin), 2)
        var start = DispatchState()
        start.storedEnergyMWh["battery"] = 0
        record.plan = .init(startState: origin == 0 ? nil : start, committedHours: 2, scenarioMode: .deterministic, risk: .expectation)
        let battery = UnitSchedule(unit: "battery", component: "storage_unit", bus: "site", carrier: "battery",
                                   power: zip(discharge, charge).map { $0 - $1 }, charge: charge, discharge: discharge,
                                   stateOfCharge: [charge[0], 0])
        let kpis = DispatchKPIs(objective: 0, costs: CostBreakdown(), consumptionMWh: 10, renewableSupplyMWh: 0, reShare: 0,
                                cfeScore: 0, co2Tonnes: 0, curtailedMWh: 0, unservedMWh: 0, peakImportMW: 10, importMWh: 10,
                                exportMWh: 0)
        record.result = DispatchResult(status: .optimal, timestamps: [hour(origin), hour(origin + 1)], units: [battery], prices: [],
                                       kpis: kpis, finalState: start, timings: DispatchTimings(), mipGap: nil,
                                       solverName: "GLPK", method: .dualSimplex)
        record.currency = "KRW"
        record.forecasts = [("loads.factory", load), ("generators.pv", pv)].map { series, values in
            UsedForecast(series: series, model: "snaive24", origin: hour(origin), timestamps: [hour(origin), hour(origin + 1)],
                         forecast: values, p10: values, p50: values, p90: values, file: "history.csv", column: series,
                         newestInput: hour(origin - 1))
        }
        try archive.record(record)
    }

    /// Metered values: the factory's load in MW and the PV's capacity factor.
    static func actuals(_ archive: RunArchive, load: [Double], pv: [Double]) throws {
        let values = load.enumerated().map { MeteredValue(series: "loads.factory", timestamp: hour($0.offset), value: $0.element) }
            + pv.enumerated().map { MeteredValue(series: "generators.pv", timestamp: hour($0.offset), value: $0.element) }
        _ = try archive.ingest(values, source: "meter.csv", ingestedAt: hour(10))
    }

    static func evaluation(_ archive: RunArchive, from: String? = nil, to: String? = nil) -> HistoryEvaluation {
        HistoryEvaluation(archive: archive, from: from, to: to, tariffs: NamedFileCatalog(folders: []))
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    @Test func realisedCostRegretAndItsSplitByHand() throws {
        let (folder, archive) = try Self.history()
        defer { folder.remove() }
        try Self.record(archive, grid: folder, origin: 0, charge: [3, 0], discharge: [0, 3], load: [5, 5], pv: [0, 0.2])
        try Self.record(archive, grid: folder, origin: 2, charge: [5, 0], discharge: [0, 5], load: [5, 5], pv: [0, 0])
        try Self.record(archive, grid: folder, origin: 4, charge: [5, 0], discharge: [0, 5], load: [5, 5], pv: [0, 0])
        try Self.actuals(archive, load: [5, 8, 5, 6, 5], pv: [0, 0, 0, 0, 0])
        let report = try Self.evaluation(archive).run(logger: Logger(label: "test"))
        #expect(report.runs == 2 && report.hours == 4 && report.chains == 1)
        #expect(report.skipped.map(\.id) == [3])
        #expect(report.skipped.first?.reason.contains("no actual loads.factory at 2026-01-01T05:00") == true)
        #expect(close(report.realised.realisedCost, 360) && close(report.replayed.realisedCost, 360))
        #expect(close(report.perfectForesightCost, 240) && close(report.regret, 120))
        #expect(report.series == ["loads.factory", "generators.pv"])
        let split = report.regretBySeries
        #expect(close(split[0].cost, 80) && close(split[1].cost, 40))
        #expect(report.realised.unservedMWh == 0 && report.realised.unservedFirmMWh == 0)
        #expect(report.lines.contains("  regret from loads.factory forecast errors: 8.000000e+01 KRW"))
    }

    /// `--from`/`--to` pick runs by the local date of their first hour; a run alone forms its own chain, whose perfect
    /// foresight is its own hours: run 2 alone realises 130 against 110.
    @Test func datesSelectRuns() throws {
        let (folder, archive) = try Self.history()
        defer { folder.remove() }
        try Self.record(archive, grid: folder, origin: 2, charge: [5, 0], discharge: [0, 5], load: [5, 5], pv: [0, 0])
        try Self.actuals(archive, load: [5, 8, 5, 6], pv: [0, 0, 0, 0])
        let report = try Self.evaluation(archive, from: "2026-01-01", to: "2026-01-01").run(logger: Logger(label: "test"))
        #expect(report.runs == 1 && close(report.realised.realisedCost, 130) && close(report.perfectForesightCost, 110))
        #expect(throws: PlanningError.self) { try Self.evaluation(archive, from: "2026-01-02").run(logger: Logger(label: "test")) }
        #expect(throws: PlanningError.notADate("Jan 1")) { try Self.evaluation(archive, from: "Jan 1").run(logger: Logger(label: "test")) }
    }

    /// Bad input is refused with what is missing: a history without plans, and runs without actuals.
    @Test func runsThatCannotBeEvaluatedAreBadInput() throws {
        let (folder, archive) = try Self.history()
        defer { folder.remove() }
        #expect(throws: PlanningError.self) { try Self.evaluation(archive).run(logger: Logger(label: "test")) }
        try Self.record(archive, grid: folder, origin: 0, charge: [3, 0], discharge: [0, 3], load: [5, 5], pv: [0, 0.2])
        let error = try #require(throws: PlanningError.self) { try Self.evaluation(archive).run(logger: Logger(label: "test")) }
        #expect(error.description.contains("run 1: no actual loads.factory at 2026-01-01T00:00"))
    }
}
