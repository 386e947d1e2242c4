/// Accuracy of point and quantile forecasts against actual values.
public struct ForecastMetrics: Sendable, Codable, Equatable {
    /// Mean absolute percentage error in percent (hours with actual 0 are left out).
    public let mape: Double
    /// Root mean squared error (MW).
    public let rmse: Double
    /// Mean absolute error (MW).
    public let mae: Double
    /// Mean absolute scaled error: `mae` over the in-sample MAE of the seasonal naive forecast with lag 168;
    /// `nil` when no scale is known.
    public let mase: Double?
    /// Mean pinball loss of p10, p50 and p90 (MW), averaged over the three quantiles.
    public let pinball: Double
    /// Empirical coverage of the p10-p90 band in percent: the share of hours with p10 <= actual <= p90
    /// (nominal 80 %).
    public let coverage: Double
    /// Number of forecast hours scored.
    public let count: Int

    /// Metrics of parallel arrays of forecasts, quantiles and actual values (all the same length).
    /// - Parameter scale: the MASE denominator (see `seasonalNaiveScale`), or `nil`.
    public static func evaluate(forecast: [Double], p10: [Double], p50: [Double], p90: [Double], actual: [Double],
                                scale: Double?) -> ForecastMetrics {
        var absolute = 0.0, squared = 0.0, percentage = 0.0, pinballSum = 0.0
        var percentageCount = 0
        var covered = 0
        for index in actual.indices {
            let error = actual[index] - forecast[index]
            absolute += abs(error)
            squared += error * error
            if actual[index] != 0 {
                percentage += abs(error / actual[index])
                percentageCount += 1
            }
            if p10[index] <= actual[index] && actual[index] <= p90[index] { covered += 1 }
            pinballSum += (pinballLoss(actual: actual[index], quantile: p10[index], level: 0.1)
                + pinballLoss(actual: actual[index], quantile: p50[index], level: 0.5)
                + pinballLoss(actual: actual[index], quantile: p90[index], level: 0.9)) / 3
        }
        let count = Double(max(actual.count, 1))
        let mae = absolute / count
        return ForecastMetrics(mape: 100 * percentage / Double(max(percentageCount, 1)), rmse: (squared / count).squareRoot(),
                               mae: mae, mase: scale.flatMap { $0 > 0 ? mae / $0 : nil }, pinball: pinballSum / count,
                               coverage: 100 * Double(covered) / count, count: actual.count)
    }

    /// The pinball (quantile) loss of one quantile forecast at `level` (0...1).
    public static func pinballLoss(actual: Double, quantile: Double, level: Double) -> Double {
        actual >= quantile ? (actual - quantile) * level : (quantile - actual) * (1 - level)
    }

    /// The in-sample MAE of the seasonal naive forecast with lag `lag` (default 168) over `values`; `nil` when
    /// the series is not longer than the lag.
    public static func seasonalNaiveScale(_ values: ArraySlice<Double>, lag: Int = 168) -> Double? {
        guard values.count > lag else { return nil }
        let start = values.startIndex
        var sum = 0.0
        for index in (start + lag)..<values.endIndex { sum += abs(values[index] - values[index - lag]) }
        return sum / Double(values.count - lag)
    }
}
