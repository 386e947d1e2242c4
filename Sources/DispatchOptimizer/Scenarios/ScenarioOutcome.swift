/// What a scenario dispatch found besides the reported schedule (docs/uncertainty.md, summary.json `scenario_dispatch`).
public struct ScenarioOutcome: Sendable, Equatable {
    /// One scenario's figures over the whole window (the look-ahead included).
    public struct Scenario: Sendable, Equatable {
        /// The scenario's name.
        public var name: String
        /// Its probability.
        public var probability: Double
        /// Its window cost: the LP objective of its block (costs, shortfall prices and terminal values), currency.
        public var cost: Double
        /// Energy shed in it over the window, MWh.
        public var unservedMWh: Double
    }

    /// Every scenario, in the set's order.
    public var scenarios: [Scenario]
    /// The scenario whose later hours are reported.
    public var reference: String
    /// Hours whose decisions are shared by every scenario.
    public var sharedHours: Int
    /// `Σ_s π_s·cost_s`, currency.
    public var expectedCost: Double
    /// The CVaR level and weight of the objective, nil when it is the expectation.
    public var cvarLevel: Double?
    /// The weight of CVaR in the objective.
    public var cvarWeight: Double?
    /// `CVaR_level` of the window costs at the optimum, nil without CVaR.
    public var cvar: Double?
    /// The reserve every scenario serves: the largest hourly excess (MW) of the non-sheddable demand of the most
    /// demanding scenario over the reference scenario's.
    public var reserveMW: Double
    /// The same excess summed over the window's hours, MWh.
    public var reserveMWh: Double
    /// Rows and columns of the scenario LP of the (first) window.
    public var rows: Int
    /// Columns of that LP.
    public var columns: Int
    /// Matrix nonzeros of that LP.
    public var nonzeros: Int
    /// LPs solved for the (last) window: 1, or with CVaR the tail-weighted ones and, when they did not settle the
    /// tail, the LP with the CVaR rows (docs/uncertainty.md, "CVaR by its tail").
    public var solves = 1
}
