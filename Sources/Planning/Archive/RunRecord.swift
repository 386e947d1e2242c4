import DispatchOptimizer
import Foundation
import GridModel
import Reporting

/// What the run archive keeps of one `re100 run`: provenance and outcome always, and for a successful run
/// its KPIs, the year-to-date progress of the state it hands on (`result.finalState`) with the grid's targets, the
/// forecasts it used and its schedule (docs/operations.md, "Run history").
public struct RunRecord {
    /// The run folder's name under `DIR/runs/` (`20260403T0000`); nil until the run was published.
    public var folder: String?
    /// When the run took the lock (the history's clock, not `--now`).
    public var startedAt: Date
    /// When the run ended.
    public var finishedAt: Date
    /// The process exit code: 0 ok, else as in ARCHITECTURE.md (1 infeasible, 2 time limit, 65, 70).
    public var exitCode: Int32 = 0
    /// The error as printed on stderr (with the infeasibility diagnosis, one problem per line); nil when ok.
    public var error: String?
    /// The `<grid>` argument as given.
    public var gridPath: String
    /// SHA-256 fingerprint of the grid's input files; nil when the grid could not be read.
    public var gridFingerprint: String?
    /// The grid's time zone; nil when the grid could not be read.
    public var timeZone: TimeZone?
    /// The run's clock (`--now` or the next full hour).
    public var clock: Date?
    /// The first planned hour.
    public var firstHour: Date?
    /// Number of planned hours.
    public var hours: Int?
    /// The dispatch, when the solver ran (also for an infeasible or time-limited solve: its status and timings
    /// are kept, its KPIs and schedule only for a successful run).
    public var result: DispatchResult?
    /// The grid's currency, the unit of the KPIs' costs.
    public var currency: String?
    /// The forecasts the dispatch used (kept for a successful run).
    public var forecasts: [UsedForecast] = []
    /// The grid's annual targets, kept with the year-to-date progress of a successful run; nil when the grid could
    /// not be read.
    public var targets: RE100Targets?

    /// How the run planned, for `re100 evaluate <history-db>`; nil until known.
    public var plan: PlanRecord?

    /// `ok` (exit code 0) or `failed`.
    public var status: String { exitCode == 0 ? "ok" : "failed" }

    /// What a run's plan started from and committed (docs/uncertainty.md, "Evaluation from the history database").
    public struct PlanRecord: Sendable {
        /// The state the run planned from (its `state.json`); nil: the grid's initial state.
        public var startState: DispatchState?
        /// Hours the run commits: its state after them is the next run's.
        public var committedHours: Int
        /// Deterministic or quantile scenarios.
        public var scenarioMode: ScenarioMode
        /// What a scenario plan minimised.
        public var risk: RiskMeasure

        /// A plan from `startState` committing `committedHours`, made in `scenarioMode` minimising `risk`.
        public init(startState: DispatchState?, committedHours: Int, scenarioMode: ScenarioMode, risk: RiskMeasure) {
            self.startState = startState
            self.committedHours = committedHours
            self.scenarioMode = scenarioMode
            self.risk = risk
        }
    }

    /// A record of a run that started at `startedAt` on `gridPath`, not yet finished.
    public init(startedAt: Date, gridPath: String) {
        self.startedAt = startedAt
        self.finishedAt = startedAt
        self.gridPath = gridPath
    }
}
