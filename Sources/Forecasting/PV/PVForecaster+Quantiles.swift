import Foundation

extension PVForecaster {
    /// Forecasts `horizon` hourly capacity factors after the history, with quantiles from the model's errors.
    ///
    /// The errors are the in-sample residuals `CF - min(1, k_h GHI_cs / 1000)` of the daylight hours of the
    /// window the index is learned from; the q-quantile of hour slot h is `point + Q_q(errors of slot h)`
    /// (Hyndman-Fan type 7; all daylight errors pooled when a slot has fewer than 5), clipped to 0...1. Hours the
    /// clear-sky model calls night, and a history without daylight errors, get quantiles equal to the point
    /// forecast. In-sample residuals make the bands somewhat narrower than out-of-sample ones would be.
    /// - Parameters:
    ///   - capacityFactors: hourly output / rated power, hour 0 starting at `start`; NaN values are skipped.
    ///   - start: the instant of hour 0.
    ///   - horizon: hours to forecast after the last history hour.
    public func forecastWithQuantiles(capacityFactors: [Double], start: Date, horizon: Int) -> PVForecast {
        let index = clearSkyIndices(capacityFactors: capacityFactors, start: start)
        var errors = [[Double]](repeating: [], count: 24)
        for hour in window(count: capacityFactors.count) where capacityFactors[hour].isFinite {
            guard clearSkyFactor(hour: hour, start: start) > Self.daylightThreshold else { continue }
            errors[hour % 24].append(capacityFactors[hour] - fitted(index, hour: hour, start: start))
        }
        let pooled = errors.joined().sorted()
        let slotErrors = errors.map { $0.count >= 5 ? $0.sorted() : pooled }
        let hours = capacityFactors.count..<(capacityFactors.count + max(horizon, 0))
        var point: [Double] = [], p10: [Double] = [], p50: [Double] = [], p90: [Double] = []
        for hour in hours {
            let value = fitted(index, hour: hour, start: start)
            let sorted = slotErrors[hour % 24]
            point.append(value)
            guard clearSkyFactor(hour: hour, start: start) > Self.daylightThreshold, !sorted.isEmpty else {
                p10.append(value)
                p50.append(value)
                p90.append(value)
                continue
            }
            p10.append(min(1, max(0, value + ForecastRun.quantile(sorted, 0.1))))
            p50.append(min(1, max(0, value + ForecastRun.quantile(sorted, 0.5))))
            p90.append(min(1, max(0, value + ForecastRun.quantile(sorted, 0.9))))
        }
        return PVForecast(forecast: point, p10: p10, p50: p50, p90: p90)
    }
}
