import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridModel
import Logging
import Testing
import TestSupport
@testable import Planning

/// The evaluation against actuals (docs/uncertainty.md, "Backtest"): actual inputs read from the histories, and daily
/// runs replayed on `grids/gwangju-bitgreen-ops/backtest`.
@Suite struct ScenarioBacktestTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// Two forecast loads over 4 hours from 2026-01-01 UTC; `flex` has no value after hour 1 (trailing empty cells).
    /// The realised network takes the measured values (missing ones as 0), and the firm load becomes sheddable at
    /// the penalty, so a plan that cannot serve it is measured; the first missing hour is named.
    @Test func actualInputsReplaceTheForecastsAndNameTheFirstGap() throws {
        let folder = try GridFolder(["history.csv": "timestamp,firm,flex\n2026-01-01T00:00,5,1\n2026-01-01T01:00,6,2\n"
                                        + "2026-01-01T02:00,7,\n2026-01-01T03:00,8,\n"])
        defer { folder.remove() }
        var network = Network(name: "t", currency: "EUR",
                              timeAxis: .hourly(start: Date(timeIntervalSince1970: 1_767_225_600), count: 4, timeZone: Self.utc))
        network.buses = [Bus(id: "a", nominalVoltage: 1)]
        var firm = Load(id: "firm")
        firm.bus = "a"
        firm.demand = .forecastFromHistory(.init(file: "history.csv", column: "firm"))
        var flex = Load(id: "flex")
        flex.bus = "a"
        flex.demand = .forecastFromHistory(.init(file: "history.csv", column: "flex"))
        flex.shedding = .allowed(valueOfLostLoad: 100)
        network.loads = [firm, flex]
        let actuals = try ActualInputs(network: network, gridDirectory: folder.url)
        #expect(actuals.loads["firm"] == [5, 6, 7, 8])
        #expect(actuals.missing(in: 0..<2) == nil)
        let gap = try #require(actuals.missing(in: 0..<4))
        #expect(gap.series == "loads.flex" && gap.snapshot == 2)
        let realised = actuals.realised(network, firmPenalty: 1000)
        #expect((0..<4).map { realised.loads[0].fixedDemand?.value(at: $0) } == [5, 6, 7, 8])
        #expect((0..<4).map { realised.loads[1].fixedDemand?.value(at: $0) } == [1, 2, 0, 0])
        #expect(realised.loads[0].shedding == .allowed(valueOfLostLoad: 1000))
        #expect(realised.loads[1].shedding == .allowed(valueOfLostLoad: 100))
    }

    /// Three daily runs from 2026-02-01: every realised year is a feasible point of the perfect-foresight LP (same
    /// hours, state and prices), so no regret is negative; the value of the stochastic solution is the difference of
    /// the realised costs; the scenario LP holds three blocks; nothing of the AI center is shed with scenarios.
    @Test func dailyRunsAgainstActuals() throws {
        let source = try GridSource.open(TestFolders.bundledGrid("gwangju-bitgreen-ops").appendingPathComponent("backtest").path,
                                         tariffs: DataDirectories.current().tariffs, logger: Logger(label: "test"))
        let first = try Horizon(start: "2026-02-01T00:00", hours: 1, in: source.network.timeAxis).firstHour
        let report = try ScenarioBacktest(grid: source, firstHour: first, days: 3).run(logger: Logger(label: "test"))
        #expect(report.days == 3)
        let foresight = report.perfectForesightCost
        #expect(foresight > 0)
        for mode in [report.deterministic, report.scenario, report.perfectLoads, report.perfectPV] {
            #expect(report.regret(mode) >= -1e-7 * foresight)
            #expect(mode.failedPlans == 0 && mode.demandCharge > 0)
        }
        #expect(report.scenario.unservedFirmMWh == 0)
        #expect(abs(report.valueOfStochasticSolution - (report.deterministic.realisedCost - report.scenario.realisedCost)) < 1e-6)
        // Three blocks of the deterministic LP's rows; the p50 and p90 blocks use the p10 block's columns for the 3
        // decisions of each of the 24 shared hours (battery charge and discharge, fuel cell output) and for the
        // battery's state of charge they fix, and the p10 block's rows for that state (24) and for the fuel cell's
        // ramp limits between shared hours (2 · 23).
        #expect(report.scenario.rows == 3 * report.deterministic.rows - 2 * (24 + 2 * 23))
        #expect(report.scenario.columns == 3 * report.deterministic.columns - 2 * 4 * 24)
        #expect(report.lines.count == 9)
    }

    /// With CVaR (`re100 evaluate --cvar-level 0.3 --cvar-weight 0.5`) the deterministic plans are the same as with the
    /// expectation, each day's plan is settled by one tail-weighted LP of the expectation LP's shape (the `p90` path, first
    /// by net load, is the dearest at its optimum: docs/uncertainty.md, "CVaR by its tail"), the report names the
    /// objective, and the realised plans still serve the AI center and lose nothing to foresight.
    @Test func backtestWithConditionalValueAtRisk() throws {
        let source = try GridSource.open(TestFolders.bundledGrid("gwangju-bitgreen-ops").appendingPathComponent("backtest").path,
                                         tariffs: DataDirectories.current().tariffs, logger: Logger(label: "test"))
        let first = try Horizon(start: "2026-02-01T00:00", hours: 1, in: source.network.timeAxis).firstHour
        let expectation = try ScenarioBacktest(grid: source, firstHour: first, days: 2).run(logger: Logger(label: "test"))
        let cvar = try ScenarioBacktest(grid: source, firstHour: first, days: 2, risk: .conditionalValueAtRisk(level: 0.3, weight: 0.5))
            .run(logger: Logger(label: "test"))
        #expect(abs(cvar.deterministic.realisedCost - expectation.deterministic.realisedCost) <= 1e-9 * expectation.deterministic.realisedCost)
        #expect(cvar.scenario.rows == expectation.scenario.rows && cvar.scenario.columns == expectation.scenario.columns)
        #expect(cvar.scenario.planSolves == 2 && expectation.scenario.planSolves == 2 && cvar.deterministic.planSolves == 2)
        #expect(cvar.regret(cvar.scenario) >= -1e-7 * cvar.perfectForesightCost)
        #expect(cvar.scenario.unservedFirmMWh == 0 && cvar.scenario.failedPlans == 0)
        #expect(cvar.lines.contains { $0.hasPrefix("  scenario (quantile, 0.5·E + 0.5·CVaR at level 0.3): realised ") })
        #expect(expectation.lines.contains { $0.hasPrefix("  scenario (quantile, expected cost): realised ") })
    }

    /// A period running past the grid's snapshots is refused with what is missing.
    @Test func periodBeyondTheGridIsRefused() throws {
        let source = try GridSource.open(TestFolders.bundledGrid("gwangju-bitgreen-ops").appendingPathComponent("backtest").path,
                                         tariffs: DataDirectories.current().tariffs, logger: Logger(label: "test"))
        let last = source.network.timeAxis.count - 30
        #expect(throws: PlanningError.self) {
            try ScenarioBacktest(grid: source, firstHour: last, days: 2).run(logger: Logger(label: "test"))
        }
    }
}
