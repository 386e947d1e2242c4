import EnergyCalendar
import Forecasting
import Foundation
import GridIO
import GridModel
import Logging

/// Fills the loads a grid declares as "forecast from history" (`forecast_from = "file.csv:column"`) with
/// a forecast of the dispatch hours by the forecasting core, from the history strictly before the
/// first dispatched hour. Hours of the time axis outside the dispatch get zero demand.
enum LoadForecastFiller {
    /// Replaces every forecast load of `network` by a fixed hourly profile and returns the forecasts used.
    /// - Parameters:
    ///   - gridDirectory: the folder history files are relative to.
    ///   - firstHour: first dispatched snapshot (0-based); the forecast origin.
    ///   - hourCount: dispatched snapshots.
    static func fill(_ network: inout Network, gridDirectory: URL, firstHour: Int, hourCount: Int,
                     logger: Logger) throws -> [UsedForecast] {
        let axis = network.timeAxis
        var used: [UsedForecast] = []
        let calendar = LocalCalendar(timeZone: axis.timeZone, holidays: HolidayCalendar(code: network.holidays) ?? .none)
        for index in network.loads.indices {
            guard case .forecastFromHistory(let reference) = network.loads[index].demand else { continue }
            let field = "loads.\(network.loads[index].id.rawValue).forecast_from"
            guard let model = ForecastModelID(rawValue: reference.model) else {
                throw ExitStatus.InputError(message: "\(field): unknown forecast model '\(reference.model)'")
            }
            let url = gridDirectory.appendingPathComponent(reference.file)
            let history = try LoadHistoryReader.read(contentsOf: url, timeZone: axis.timeZone, loadColumn: reference.column)
            let origin = axis.snapshots[firstHour]
            // Load strictly before the origin; the forecast runs over any gap up to the last dispatched hour.
            let known = history.timestamps.prefix { $0 < origin }.count
            guard known > 0, let last = history.timestamps[..<known].last, let load = history.load else {
                throw ExitStatus.InputError(message: "\(reference.file): no load before \(origin) to forecast \(field) from")
            }
            let gap = Int((origin.timeIntervalSince(last) / 3600).rounded()) - 1
            let horizon = gap + hourCount
            let temperature = history.temperature.flatMap { values in
                values.count >= known + horizon ? Array(values.prefix(known + horizon)) : nil
            }
            let forecastHistory = try ForecastHistory(start: history.timestamps[0], load: Array(load.prefix(known)),
                                                      temperature: temperature, calendar: calendar)
            let forecast = try Forecaster.forecast(history: forecastHistory, model: model,
                                                   options: ForecastOptions(horizon: horizon))
            var profile = [Double](repeating: 0, count: axis.count)
            for hour in 0..<hourCount { profile[firstHour + hour] = forecast.forecast[gap + hour] }
            network.loads[index].demand = .fixed(.hourly(profile))
            let hours = gap..<(gap + hourCount)
            used.append(UsedForecast(
                series: "loads." + network.loads[index].id.rawValue, model: forecast.model.rawValue, origin: origin,
                timestamps: Array(axis.snapshots[firstHour..<(firstHour + hourCount)]),
                forecast: Array(forecast.forecast[hours]), p10: Array(forecast.p10[hours]),
                p50: Array(forecast.p50[hours]), p90: Array(forecast.p90[hours])))
            logger.info("\(field): forecast \(hourCount) h with \(model.rawValue) from \(known) h of history in \(reference.file)")
        }
        return used
    }
}
