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

    /// Clear-sky capacity factors (GHI_cs / 1000) at or below this count as night: no index is learned there.
    static let daylightThreshold = 0.02

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
        let index = clearSkyIndices(capacityFactors: capacityFactors, start: start)
        return (capacityFactors.count..<(capacityFactors.count + max(horizon, 0))).map { hour in
            fitted(index, hour: hour, start: start)
        }
    }

    /// Clear-sky capacity factor (GHI_cs / 1000) of the hour `hour` after `start`.
    func clearSkyFactor(hour: Int, start: Date) -> Double {
        clearSky.hourlyIrradiance(startingAt: start.addingTimeInterval(Double(hour) * 3600)) / 1000
    }

    /// The model's capacity factor of hour `hour` (history or future) for clear-sky indices per hour slot.
    func fitted(_ index: [Double], hour: Int, start: Date) -> Double {
        min(1, max(0, index[hour % 24] * clearSkyFactor(hour: hour, start: start)))
    }

    /// The history hours the index is learned from: the last `windowDays` days.
    func window(count: Int) -> Range<Int> {
        max(0, count - windowDays * 24)..<count
    }

    /// The clear-sky index of every hour slot (hour index mod 24) over the window; a slot with almost no
    /// clear-sky energy (dawn, dusk) takes the index of all daylight hours together.
    func clearSkyIndices(capacityFactors: [Double], start: Date) -> [Double] {
        var observed = [Double](repeating: 0, count: 24)
        var potential = [Double](repeating: 0, count: 24)
        for hour in window(count: capacityFactors.count) where capacityFactors[hour].isFinite {
            let clear = clearSkyFactor(hour: hour, start: start)
            guard clear > Self.daylightThreshold else { continue }
            observed[hour % 24] += capacityFactors[hour]
            potential[hour % 24] += clear
        }
        let totalPotential = potential.reduce(0, +)
        let overall = totalPotential > 0 ? observed.reduce(0, +) / totalPotential : 0
        return (0..<24).map { potential[$0] > 0.1 ? observed[$0] / potential[$0] : overall }
    }
}
