import DispatchOptimizer
import Foundation

/// What the history database keeps of one `re100 run`: provenance and outcome always, and for a successful run
/// its KPIs, the forecasts it used and its schedule (docs/operations.md, "Run history").
struct RunRecord {
    /// The run folder's name under `DIR/runs/` (`20260403T0000`); nil until the run was published.
    var folder: String?
    /// When the run took the lock (the history's clock, not `--now`).
    var startedAt: Date
    /// When the run ended.
    var finishedAt: Date
    /// The process exit code: 0 ok, else as in ARCHITECTURE.md (1 infeasible, 2 time limit, 65, 70).
    var exitCode: Int32 = 0
    /// The error as printed on stderr (with the infeasibility diagnosis, one problem per line); nil when ok.
    var error: String?
    /// The `<grid>` argument as given.
    var gridPath: String
    /// SHA-256 fingerprint of the grid's input files; nil when the grid could not be read.
    var gridFingerprint: String?
    /// The grid's time zone; nil when the grid could not be read.
    var timeZone: TimeZone?
    /// The run's clock (`--now` or the next full hour).
    var clock: Date?
    /// The first planned hour.
    var firstHour: Date?
    /// Number of planned hours.
    var hours: Int?
    /// The dispatch, when the solver ran (also for an infeasible or time-limited solve: its status and timings
    /// are kept, its KPIs and schedule only for a successful run).
    var result: DispatchResult?
    /// The grid's currency, the unit of the KPIs' costs.
    var currency: String?
    /// The forecasts the dispatch used (kept for a successful run).
    var forecasts: [UsedForecast] = []

    /// `ok` (exit code 0) or `failed`.
    var status: String { exitCode == 0 ? "ok" : "failed" }

    /// A record of a run that started at `startedAt` on `gridPath`, not yet finished.
    init(startedAt: Date, gridPath: String) {
        self.startedAt = startedAt
        self.finishedAt = startedAt
        self.gridPath = gridPath
    }
}
