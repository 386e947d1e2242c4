import Foundation

/// One metered value of a series for one hour, as ingested by `re100 actuals add`.
public struct MeteredValue: Equatable {
    /// The series, named like the forecasts (`loads.factory`).
    public var series: String
    /// The start of the hour.
    public var timestamp: Date
    /// The value in the series' unit (MW for loads: the hour's mean demand).
    public var value: Double
}
