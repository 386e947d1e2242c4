import Foundation

/// One metered value of a series for one hour, as ingested by `re100 actuals add`.
struct MeteredValue: Equatable {
    /// The series, named like the forecasts (`loads.factory`).
    var series: String
    /// The start of the hour.
    var timestamp: Date
    /// The value in the series' unit (MW for loads: the hour's mean demand).
    var value: Double
}
