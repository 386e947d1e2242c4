import Foundation
import Reporting

/// One forecast a dispatch used in place of a fixed input: a load's demand (MW) or a generator's availability
/// `p_max_pu` (per unit of `p_nom`), forecast from its history.
/// `run` writes these to `forecasts.csv` and records them in the history database.
struct UsedForecast: Sendable, Equatable {
    /// The component the forecast filled, e.g. `loads.factory` or `generators.pv_roof`.
    var series: String
    /// The forecast model that produced it (`ForecastModelID` raw value, or `pv-clearsky`).
    var model: String
    /// The forecast origin: the first hour with no known value.
    var origin: Date
    /// The forecast hours (the dispatched hours), strictly increasing.
    var timestamps: [Date]
    /// Point forecast per hour, in the unit of the series.
    var forecast: [Double]
    /// 10 %, 50 % and 90 % quantiles per hour.
    var p10: [Double], p50: [Double], p90: [Double]
    /// The history file and column it was made from.
    var file: String, column: String
    /// The start of the newest history hour with a value before the origin.
    var newestInput: Date

    /// The record of its input for `summary.json`.
    var inputRecord: ForecastInputRecord {
        ForecastInputRecord(series: series, model: model, file: file, column: column, newestInput: newestInput, origin: origin)
    }
}
