import DispatchOptimizer
import Foundation

/// What a ``ScenarioBacktest`` measured: the realised cost of daily deterministic and scenario plans kept against
/// the actuals, the perfect-foresight cost of the same hours, and the LP sizes and solve times (docs/uncertainty.md).
public struct BacktestReport: Sendable {
    /// One planning mode's year as it happened.
    public struct Mode: Sendable {
        /// Realised cost, currency: every cost of the daily re-dispatches (energy, fuel, PPA, certificates, shedding at
        /// its value of lost load, firm loads at the backtest's penalty, export revenue) plus the demand charge of the
        /// realised imports over the whole period.
        public var realisedCost = 0.0
        /// The demand charge included in `realisedCost`.
        public var demandCharge = 0.0
        /// Energy shed in all, MWh.
        public var unservedMWh = 0.0
        /// Energy of loads that may not be shed (the AI data center) left unserved, MWh.
        public var unservedFirmMWh = 0.0
        /// Seconds in the solver for the daily plans (wall clock).
        public var planSolveSeconds = 0.0
        /// CPU seconds of the solving thread for the daily plans (not inflated by other jobs on the cores).
        public var planSolveCPUSeconds = 0.0
        /// LPs solved for the daily plans (a CVaR plan may take up to three: docs/uncertainty.md, "CVaR by its tail").
        public var planSolves = 0
        /// Rows, columns and matrix nonzeros of the first day's plan LP.
        public var rows = 0, columns = 0, nonzeros = 0
        /// Days whose plan did not end optimal (their hours are realised with every decision free).
        public var failedPlans = 0

        /// Adds the realised figures of `other` (another stretch of hours): costs, energy and failed plans.
        mutating func add(_ other: Mode) {
            realisedCost += other.realisedCost
            demandCharge += other.demandCharge
            unservedMWh += other.unservedMWh
            unservedFirmMWh += other.unservedFirmMWh
            failedPlans += other.failedPlans
        }
    }

    /// First origin (local midnight) and the number of daily runs.
    public var firstOrigin: Date
    /// Daily runs (24 committed hours each).
    public var days: Int
    /// The scenario plans' objective.
    public var risk: RiskMeasure = .expectation
    /// Point-forecast plans.
    public var deterministic = Mode()
    /// `--scenarios quantile` plans.
    public var scenario = Mode()
    /// Deterministic plans made with actual loads (PV still forecast): what the load forecast errors cost.
    public var perfectLoads = Mode()
    /// Deterministic plans made with actual PV (loads still forecast): what the PV forecast errors cost.
    public var perfectPV = Mode()
    /// One LP over every backtest hour on the actuals.
    public var perfectForesightCost = 0.0
    /// Its solve time, s.
    public var perfectForesightSolveSeconds = 0.0
    /// Wall-clock seconds of the whole backtest.
    public var wallSeconds = 0.0

    /// Realised minus perfect-foresight cost.
    public func regret(_ mode: Mode) -> Double { mode.realisedCost - perfectForesightCost }
    /// Value of the stochastic solution: deterministic minus scenario realised cost (positive: scenarios are cheaper).
    public var valueOfStochasticSolution: Double { deterministic.realisedCost - scenario.realisedCost }

    /// The report as text lines (the `scripts/bench` section).
    public var lines: [String] {
        func money(_ value: Double) -> String { String(format: "%.6e", value) }
        func percent(_ part: Double, _ whole: Double) -> String { String(format: "%+.3f %%", whole == 0 ? 0 : 100 * part / whole) }
        var lines = ["backtest: \(days) daily runs (48 h planned, 24 h committed) against actuals, wall \(String(format: "%.1f", wallSeconds)) s",
                     "  perfect foresight (one LP on the actuals): \(money(perfectForesightCost)) KRW, solve \(String(format: "%.2f", perfectForesightSolveSeconds)) s"]
        let objective = switch risk {
        case .expectation: "expected cost"
        case let .conditionalValueAtRisk(level, weight): String(format: "%g·E + %g·CVaR at level %g", 1 - weight, weight, level)
        }
        for (name, mode) in [("deterministic", deterministic), ("scenario (quantile, \(objective))", scenario)] {
            lines.append("  \(name): realised \(money(mode.realisedCost)) KRW (demand charge \(money(mode.demandCharge))), regret "
                + "\(money(regret(mode))) KRW (\(percent(regret(mode), perfectForesightCost))), unserved \(String(format: "%.3f", mode.unservedMWh)) MWh, "
                + "AI-center (firm) unserved \(String(format: "%.3f", mode.unservedFirmMWh)) MWh, failed plans \(mode.failedPlans)")
            lines.append("    plan LP \(mode.rows) rows x \(mode.columns) columns, \(mode.nonzeros) nonzeros, solve "
                + String(format: "%.2f s wall, %.2f s CPU in all, %d LPs", mode.planSolveSeconds, mode.planSolveCPUSeconds,
                         mode.planSolves))
        }
        lines.append("  value of the stochastic solution: \(money(valueOfStochasticSolution)) KRW (\(percent(valueOfStochasticSolution, deterministic.realisedCost)) of deterministic)")
        let perScenario = { (time: KeyPath<Mode, Double>) in
            self.deterministic[keyPath: time] > 0 ? self.scenario[keyPath: time] / self.deterministic[keyPath: time] / 3 : 0
        }
        lines.append("  scenario LP time per scenario vs the deterministic LP: " + String(format: "%.2fx CPU, %.2fx wall",
                                                                                           perScenario(\.planSolveCPUSeconds), perScenario(\.planSolveSeconds)))
        lines.append("  regret by series (deterministic, one series group perfect at a time): loads "
            + "\(money(deterministic.realisedCost - perfectLoads.realisedCost)) KRW, PV \(money(deterministic.realisedCost - perfectPV.realisedCost)) KRW")
        return lines
    }
}
