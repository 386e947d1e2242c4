import EnergyCalendar
import Forecasting
import Foundation
import GridIO
import GridModel
import Logging
import Reporting

/// Fills the inputs a grid declares as "forecast from history" before a dispatch: loads with
/// `forecast_from = "file.csv:column"` (demand, by their `forecast_model`) and generators with
/// `p_max_pu_forecast_from = "file.csv:column"` (availability, by the clear-sky PV model), from the history
/// strictly before the first dispatched hour (the origin). Hours of the time axis outside the dispatch get 0.
/// Histories whose newest row is older than `forecasting.max_input_age_hours` at the origin are refused.
/// Behaviour and fallbacks: docs/forecasting.md ("Forecasts in run and dispatch").
public enum ForecastFiller {
    /// The `model` of PV availability forecasts in `forecasts.csv`.
    public static let pvModel = "pv-clearsky"

    /// Replaces every forecast input of `network` by a fixed hourly profile and returns the forecasts used
    /// (loads first, then generators, each in grid order).
    /// - Parameters:
    ///   - gridDirectory: the folder history files are relative to.
    ///   - horizon: the dispatched hours (on `network`'s time axis); its first hour is the forecast origin.
    /// - Throws: `PlanningError.badInput` for stale histories (all of them in one message), an unknown model or a
    ///   missing site; `CSVError` for unreadable histories; `ForecastError` when a model cannot run.
    public static func fill(_ network: inout Network, gridDirectory: URL, horizon: Horizon,
                            logger: Logger) throws -> [UsedForecast] {
        let axis = network.timeAxis
        let (firstHour, hourCount) = (horizon.firstHour, horizon.hourCount)
        let origin = axis.snapshots[firstHour]
        let hours = Array(axis.snapshots[firstHour..<(firstHour + hourCount)])
        // Each history file is read once, however many of its columns are forecast.
        var tables: [String: CSVTable] = [:]
        func input(_ field: String, _ file: String, _ column: String) throws -> ForecastInput {
            let path = gridDirectory.resolving(file).path
            let table = try tables[path] ?? NumericCSVReader.read(contentsOf: URL(fileURLWithPath: path), allowEmpty: true)
            tables[path] = table
            return try ForecastInput(field: field, table: table, column: column, timeZone: axis.timeZone, origin: origin)
        }
        var loads: [(index: Int, reference: Load.HistoryReference, input: ForecastInput)] = []
        for (index, load) in network.loads.enumerated() {
            guard case .forecastFromHistory(let reference) = load.demand else { continue }
            loads.append((index, reference, try input("loads.\(load.id.rawValue).forecast_from", reference.file, reference.column)))
        }
        var generators: [(index: Int, input: ForecastInput)] = []
        for (index, generator) in network.generators.enumerated() {
            guard let history = generator.availabilityHistory else { continue }
            generators.append((index, try input("generators.\(generator.id.rawValue).p_max_pu_forecast_from", history.file, history.column)))
        }
        let limit = network.forecasting.maximumInputAgeHours
        let stale = (loads.map(\.input) + generators.map(\.input)).compactMap {
            $0.staleness(at: origin, limitHours: limit, timeZone: axis.timeZone)
        }
        if !stale.isEmpty {
            throw PlanningError.badInput("forecast inputs too old:\n  " + stale.joined(separator: "\n  "))
        }

        var used: [UsedForecast] = []
        let calendar = LocalCalendar(timeZone: axis.timeZone, holidays: HolidayCalendar(code: network.holidays) ?? .none)
        for load in loads {
            let forecast = try forecastLoad(load.input, series: "loads." + network.loads[load.index].id.rawValue,
                                            model: load.reference.model, hours: hours, calendar: calendar, logger: logger)
            network.loads[load.index].demand = .fixed(.hourly(profile(forecast.forecast, firstHour: firstHour, count: axis.count)))
            used.append(forecast)
        }
        for generator in generators {
            let id = network.generators[generator.index].id.rawValue
            guard let latitude = network.forecasting.latitude, let longitude = network.forecasting.longitude else {
                throw PlanningError.badInput("\(generator.input.field): a PV forecast needs forecasting.latitude_deg and forecasting.longitude_deg")
            }
            let input = generator.input
            let gap = input.gapHours(at: origin)
            let forecaster = PVForecaster(clearSky: ClearSkyModel(latitude: latitude, longitude: longitude))
            let pv = forecaster.forecastWithQuantiles(capacityFactors: input.values, start: input.history.timestamps[0],
                                                      horizon: gap + hourCount)
            let window = gap..<(gap + hourCount)
            network.generators[generator.index].maximumPerUnit = .hourly(profile(Array(pv.forecast[window]), firstHour: firstHour, count: axis.count))
            used.append(UsedForecast(series: "generators." + id, model: pvModel, origin: origin, timestamps: hours,
                                     forecast: Array(pv.forecast[window]), p10: Array(pv.p10[window]),
                                     p50: Array(pv.p50[window]), p90: Array(pv.p90[window]),
                                     file: input.path, column: input.column, newestInput: input.lastTimestamp))
            logger.info("\(input.field): forecast \(hourCount) h with \(pvModel) from \(input.known) h of history in \(input.path)")
        }
        return used
    }

    /// A series over the whole time axis: `values` from `firstHour`, 0 elsewhere.
    static func profile(_ values: [Double], firstHour: Int, count: Int) -> [Double] {
        var profile = [Double](repeating: 0, count: count)
        profile.replaceSubrange(firstHour..<(firstHour + values.count), with: values)
        return profile
    }

    /// The load forecast of `hours` (consecutive, the first is the origin; the forecast runs over any gap between
    /// the history's end and the origin), with the temperature fallback of docs/forecasting.md.
    /// - Parameter series: the name in `forecasts.csv`, `loads.<id>`.
    static func forecastLoad(_ input: ForecastInput, series: String, model name: String, hours: [Date],
                             calendar: LocalCalendar, logger: Logger) throws -> UsedForecast {
        guard let model = ForecastModelID(rawValue: name) else {
            throw PlanningError.badInput("\(input.field): unknown forecast model '\(name)' (expected one of "
                + ForecastModelID.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let origin = hours.first ?? input.lastTimestamp
        let gap = input.gapHours(at: origin)
        let horizon = gap + hours.count
        let temperature = temperatures(input, model: model, count: input.known + horizon, logger: logger)
        let history = try ForecastHistory(start: input.history.timestamps[0], load: input.values, temperature: temperature,
                                          calendar: calendar)
        let forecast = try Forecaster.forecast(history: history, model: model, options: ForecastOptions(horizon: horizon))
        logger.info("\(input.field): forecast \(hours.count) h with \(model.rawValue) from \(input.known) h of history in \(input.path)")
        let window = gap..<horizon
        return UsedForecast(series: series, model: forecast.model.rawValue, origin: origin, timestamps: hours,
                            forecast: Array(forecast.forecast[window]), p10: Array(forecast.p10[window]),
                            p50: Array(forecast.p50[window]), p90: Array(forecast.p90[window]),
                            file: input.path, column: input.column, newestInput: input.lastTimestamp)
    }

    /// The temperatures of hours `0..<count` for `model`: `nil` for models without temperature terms or files
    /// without a temperature column; missing hours (usually the forecast hours) filled by
    /// `TemperatureFallback.sameHourMean`, logged at notice level; `nil` with a notice when too few are known.
    static func temperatures(_ input: ForecastInput, model: ForecastModelID, count: Int, logger: Logger) -> [Double]? {
        guard model.needsTemperature || model.isCombination, let known = input.history.temperature,
              let column = input.history.temperatureColumn else { return nil }
        guard let completed = TemperatureFallback.sameHourMean(known, count: count) else {
            logger.notice("\(input.field): fewer than 24 h of temperatures in column \(column) of \(input.path); forecasting without temperatures")
            return nil
        }
        if completed.filled > 0 {
            logger.notice("\(input.field): \(completed.filled) h of temperatures missing in column \(column) of \(input.path); using the mean temperature of the same hour over the \(TemperatureFallback.days) days before (temperature fallback)")
        }
        return completed.values
    }
}
