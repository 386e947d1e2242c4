import DispatchOptimizer
import Foundation
import GridModel
import Reporting

/// A solved `DispatchJob`: the result, its summary, and the forecasts it used, held in memory so every output
/// (files, report, terminal, history) is made from the same values.
public struct SolvedDispatch: Sendable {
    /// The job that was solved.
    public var job: DispatchJob
    /// The network as dispatched: the grid with its forecast inputs filled in.
    public var network: Network
    /// `summary.json` as a value.
    public var summary: RunSummary
    /// `summary.json` as written (pretty-printed, sorted keys, final newline).
    public var summaryJSON: String
    /// The forecasts filled in for loads declared `forecast_from` and generators declared
    /// `p_max_pu_forecast_from` (empty when none).
    public var forecasts: [UsedForecast]

    /// The dispatch result.
    public var result: DispatchResult { summary.result }
    /// The grid's time zone (timestamps in every file).
    public var timeZone: TimeZone { network.timeAxis.timeZone }
    /// The grid's currency.
    public var currency: String { network.currency }
}
