import Foundation

/// Capacity-factor forecasts for PV generators: clear-sky irradiance times a clear-sky index learned from
/// history, per hour of the day.
///
/// For every hour of day h the index is `k_h = sum(CF) / sum(GHI_cs / 1000)` over the daylight hours h of the
/// last `windowDays` days (1000 W/m^2 being the irradiance of the rated power), so a plant whose output follows
/// `c * GHI_cs / 1000` gets index `c`. The forecast is `min(1, k_h * GHI_cs / 1000)`, 0 at night.
public struct PVForecaster: Sendable, Equatable {
    /// The site's clear-sky model.
    public let clearSky: ClearSkyModel
    /// Days of history the clear-sky index is learned from.
    public let windowDays: Int

    /// A forecaster for a site.
    public init(clearSky: ClearSkyModel, windowDays: Int = 14) {
        self.clearSky = clearSky
        self.windowDays = windowDays
    }

    /// Forecasts `horizon` hourly capacity factors (0...1) after a history of hourly capacity factors.
    /// - Parameters:
    ///   - capacityFactors: hourly output / rated power, hour 0 starting at `start`; NaN values are skipped.
    ///   - start: the instant of hour 0.
    ///   - horizon: hours to forecast after the last history hour.
    public func forecast(capacityFactors: [Double], start: Date, horizon: Int) -> [Double] {
        let count = capacityFactors.count
        var observed = [Double](repeating: 0, count: 24)
        var potential = [Double](repeating: 0, count: 24)
        let first = max(0, count - windowDays * 24)
        for index in first..<count where capacityFactors[index].isFinite {
            let clear = clearSky.hourlyIrradiance(startingAt: start.addingTimeInterval(Double(index) * 3600)) / 1000
            guard clear > 0.02 else { continue }
            observed[index % 24] += capacityFactors[index]
            potential[index % 24] += clear
        }
        let totalObserved = observed.reduce(0, +)
        let totalPotential = potential.reduce(0, +)
        let overall = totalPotential > 0 ? totalObserved / totalPotential : 0
        return (count..<(count + max(horizon, 0))).map { index in
            let clear = clearSky.hourlyIrradiance(startingAt: start.addingTimeInterval(Double(index) * 3600)) / 1000
            let slot = index % 24
            let clearSkyIndex = potential[slot] > 0.1 ? observed[slot] / potential[slot] : overall
            return min(1, max(0, clearSkyIndex * clear))
        }
    }
}
