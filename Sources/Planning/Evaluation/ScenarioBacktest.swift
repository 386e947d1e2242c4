import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Logging
import Reporting

/// A period of daily runs replayed against what happened (docs/uncertainty.md, "Backtest"). Every day at local
/// midnight, like `re100 run`: forecast the grid's inputs from the history before the origin, plan 48 h (targets
/// over the calendar year, pro-rata), keep the plan's decisions over the 24 committed hours against the actuals
/// (`FixedDecisions`: storage, links and firm generators as planned; grid import, curtailment and shedding as
/// recourse at the real prices), and carry the realised state to the next day. Done for deterministic and
/// scenario plans side by side, and for deterministic plans with perfect loads or perfect PV (what each series'
/// errors cost); then one LP on the actuals over the same hours gives the perfect-foresight cost.
public struct ScenarioBacktest: Sendable {
    /// Hours each daily run plans and commits.
    public static let (plannedHours, committedHours) = (ScheduledRun.horizonHours, ScheduledRun.stateAfterHours)

    /// The grid whose forecast inputs' histories hold the actuals of the whole period.
    public var grid: GridSource
    /// Snapshot of the first origin.
    public var firstHour: Int
    /// Daily runs.
    public var days: Int
    /// The scenario plans' objective.
    public var risk: RiskMeasure
    /// Solver options of every LP.
    public var solver: SolverOptions
    /// Price per MWh of leaving a load that may not be shed unserved in the realisation (default: 10 × the grid's
    /// highest value of lost load).
    public var firmPenalty: Double?

    /// A backtest of `days` daily runs from snapshot `firstHour` of `grid`.
    public init(grid: GridSource, firstHour: Int, days: Int, risk: RiskMeasure = .expectation,
                solver: SolverOptions = SolverOptions(), firmPenalty: Double? = nil) {
        self.grid = grid
        self.firstHour = firstHour
        self.days = days
        self.risk = risk
        self.solver = solver
        self.firmPenalty = firmPenalty
    }

    /// Runs it; `progress` gets the days done.
    /// - Throws: `PlanningError.badInput` when the actuals miss an hour or the period runs past the grid's hours,
    ///   and what forecasting and dispatching throw.
    public func run(logger: Logger, progress: ((Int, Int) -> Void)? = nil) throws -> BacktestReport {
        let clock = ContinuousClock(), began = clock.now
        let network = grid.network
        let hours = firstHour..<(firstHour + days * Self.committedHours)
        guard days > 0, firstHour >= 0, hours.upperBound + Self.plannedHours - Self.committedHours <= network.timeAxis.count else {
            throw PlanningError.badInput("backtest: \(days) days from snapshot \(firstHour) need snapshots the grid's \(network.timeAxis.count) do not cover")
        }
        let actuals = try ActualInputs(network: network, gridDirectory: grid.directory)
        if let missing = actuals.missing(in: hours) {
            throw PlanningError.badInput("backtest: \(missing.series) has no actual value at snapshot \(missing.snapshot)")
        }
        let rules = RealisationRules(network, recourse: Set(actuals.generators.keys), firmPenalty: firmPenalty)
        let actual = actuals.realised(network, firmPenalty: rules.firmPenalty)
        let glpk = GLPKSolver(log: { [logger] line in logger.debug("glpk: \(line)") })

        var report = BacktestReport(firstOrigin: network.timeAxis.snapshots[firstHour], days: days, risk: risk)
        var modes = [RealisedChain(), RealisedChain(), RealisedChain(), RealisedChain()]
        for day in 0..<days {
            let origin = firstHour + day * Self.committedHours
            let horizon = try Horizon(firstHour: origin, hourCount: Self.plannedHours, snapshotCount: network.timeAxis.count)
            var forecast = network
            let used = try ForecastFiller.fill(&forecast, gridDirectory: grid.directory, horizon: horizon, logger: logger)
            let plans: [(network: Network, scenarios: ScenarioSet?)] = [
                (forecast, nil),
                (forecast, try QuantileScenarios.set(of: forecast, forecasts: used, firstHour: origin,
                                                     sharedHours: Self.committedHours, risk: risk)),
                (actuals.applied(to: forecast, generators: false), nil),
                (actuals.applied(to: forecast, loads: false), nil),
            ]
            for (k, plan) in plans.enumerated() {
                try modes[k].day(origin: origin, plan: plan.network, scenarios: plan.scenarios, actual: actual,
                                 rules: rules, solver: solver, glpk: glpk)
            }
            progress?(day + 1, days)
        }
        for k in modes.indices { modes[k].finish(actual, firstHour: firstHour, carried: nil) }
        (report.deterministic, report.scenario, report.perfectLoads, report.perfectPV) = (modes[0].mode, modes[1].mode, modes[2].mode, modes[3].mode)

        let options = DispatchOptions(firstHour: firstHour, hourCount: hours.count, solver: solver)
        let foresight = try DispatchOptimizer.dispatch(actual, options: options, solver: glpk)
        report.perfectForesightCost = foresight.kpis.objective
        report.perfectForesightSolveSeconds = foresight.timings.solveSeconds
        let elapsed = (clock.now - began).components
        report.wallSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        return report
    }
}
