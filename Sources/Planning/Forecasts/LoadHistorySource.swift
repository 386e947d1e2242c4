import EnergyCalendar
import Forecasting
import Foundation
import GridIO

/// A load history CSV (and optionally a CSV of future temperatures) as the input of `re100 forecast` and
/// `re100 backtest`: read with `LoadHistoryReader` into the plain-value `ForecastHistory` the models take.
public struct LoadHistorySource: Sendable {
    /// The history file.
    public var path: String
    /// The calendar of its timestamps without an offset and of the models' day types.
    public var calendar: LocalCalendar
    /// The load column (nil: `load` or `load_mw`).
    public var loadColumn: String?
    /// The temperature column (nil: `temperature` or `temp_c`).
    public var temperatureColumn: String?
    /// How gaps and empty cells are handled.
    public var fill: LoadHistoryReader.GapFill
    /// A CSV of hourly temperatures continuing the history over the forecast hours, or nil.
    public var futureTemperatures: String?

    /// The history at `path`.
    public init(path: String, calendar: LocalCalendar, loadColumn: String? = nil, temperatureColumn: String? = nil,
                fill: LoadHistoryReader.GapFill = .none, futureTemperatures: String? = nil) {
        self.path = path
        self.calendar = calendar
        self.loadColumn = loadColumn
        self.temperatureColumn = temperatureColumn
        self.fill = fill
        self.futureTemperatures = futureTemperatures
    }

    /// Reads the history file (and the future temperatures) into a `ForecastHistory`; future temperatures extend the
    /// history's temperatures by `futureHours` hours after its end.
    /// - Parameter needsTemperature: whether a missing temperature column is an error.
    /// - Throws: `CSVError` for a bad file, `PlanningError.badInput` when the future temperatures do not continue
    ///   the history, `ForecastError` for a history the models cannot use.
    public func read(needsTemperature: Bool, futureHours: Int) throws -> ForecastHistory {
        let file = try LoadHistoryReader.read(contentsOf: URL(fileURLWithPath: path), timeZone: calendar.timeZone,
                                              loadColumn: loadColumn, temperatureColumn: temperatureColumn,
                                              requireTemperature: needsTemperature, fill: fill)
        let load = file.load ?? []
        var temperature = file.temperature
        if let futureTemperatures, futureHours > 0 {
            let future = try LoadHistoryReader.read(contentsOf: URL(fileURLWithPath: futureTemperatures), timeZone: calendar.timeZone,
                                                    temperatureColumn: temperatureColumn, requireLoad: false,
                                                    requireTemperature: true, fill: fill)
            temperature = try extend(temperature ?? [], history: file, with: future, hours: futureHours)
        }
        return try ForecastHistory(start: file.timestamps[0], load: load,
                                   temperature: needsTemperature || temperature != nil ? temperature : nil,
                                   calendar: calendar)
    }

    /// History temperatures followed by the future file's values for the `hours` after the history.
    private func extend(_ past: [Double], history: LoadHistory, with future: LoadHistory, hours: Int) throws -> [Double] {
        let historyCount = history.timestamps.count
        let values = future.temperature ?? []
        let first = future.timestamps[0].timeIntervalSince(history.timestamps[0]) / 3600
        let offset = Int(first)
        let needed = historyCount + hours
        guard Double(offset) == first, offset <= historyCount, offset + values.count >= needed else {
            throw PlanningError.badInput("\(future.file): expected hourly temperatures from the end of the "
                + "history for \(hours) hours, found \(values.count) hours starting \(future.timestamps[0])")
        }
        var result = Array(past.prefix(historyCount))
        if result.count < historyCount {
            throw PlanningError.badInput("\(history.file): no temperature column for the history")
        }
        for hour in historyCount..<needed { result.append(values[hour - offset]) }
        return result
    }
}
