import Foundation

/// One forecast a dispatch used in place of a fixed input: a load's demand (MW) or a generator's availability
/// `p_max_pu` (per unit of `p_nom`), forecast from its history.
/// `run` writes these to `forecasts.csv` and records them in the history database.
public struct UsedForecast: Sendable, Equatable {
    /// The component the forecast filled, e.g. `loads.factory` or `generators.pv_roof`.
    public var series: String
    /// The forecast model that produced it (`ForecastModelID` raw value, or `pv-clearsky`).
    public var model: String
    /// The forecast origin: the first hour with no known value.
    public var origin: Date
    /// The forecast hours (the dispatched hours), strictly increasing.
    public var timestamps: [Date]
    /// Point forecast per hour, in the unit of the series.
    public var forecast: [Double]
    /// 10 %, 50 % and 90 % quantiles per hour.
    public var p10: [Double], p50: [Double], p90: [Double]
    /// The history file and column it was made from.
    public var file: String, column: String
    /// The start of the newest history hour with a value before the origin.
    public var newestInput: Date

    /// The record of its input for `summary.json`.
    public var inputRecord: ForecastInputRecord {
        ForecastInputRecord(series: series, model: model, file: file, column: column, newestInput: newestInput, origin: origin)
    }

    /// A forecast of `series` by `model` from `origin` over `timestamps`, made from `column` of `file`, whose
    /// newest row used is `newestInput`; every array has one value per timestamp.
    public init(series: String, model: String, origin: Date, timestamps: [Date], forecast: [Double], p10: [Double],
                p50: [Double], p90: [Double], file: String, column: String, newestInput: Date) {
        self.series = series
        self.model = model
        self.origin = origin
        self.timestamps = timestamps
        self.forecast = forecast
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.file = file
        self.column = column
        self.newestInput = newestInput
    }
}
