import DispatchOptimizer
import Foundation
import Reporting

/// A successful run as the archive keeps it, with what `re100 evaluate <history-db>` needs to re-dispatch its
/// committed hours against the actuals (docs/uncertainty.md, "Evaluation from the history database").
struct CommittedRun {
    /// `runs.id`.
    var id: Int64
    /// The `<grid>` argument the run was given.
    var gridPath: String
    /// The first planned hour and the number of planned hours.
    var firstHour: Date, hours: Int
    /// How the plan started and what it committed (`runs.start_state`, `committed_hours`, `scenario_mode`, CVaR).
    var plan: RunRecord.PlanRecord
    /// The plan's schedule over every planned hour, in `schedule.csv`'s unit order.
    var schedule: [UnitSchedule]
    /// The forecasts the plan used, one per series, over every planned hour.
    var forecasts: [UsedForecast]
}
