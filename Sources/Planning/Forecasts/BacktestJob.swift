import EnergyCalendar
import Forecasting
import Foundation
import Reporting

/// A rolling-origin backtest (`re100 backtest`): forecasts from 00:00 of every day between two local dates, each
/// origin using load strictly before it, and the folder of its `forecasts.csv` and `metrics.json`.
public struct BacktestJob: Sendable {
    /// The history, as read.
    public let history: ForecastHistory
    /// The models compared.
    public let models: [ForecastModelID]
    /// Horizon, threads, quantile window and the temperatures of the target hours (observed or forecast).
    public let options: ForecastOptions
    /// The origins: hours of `history` at local midnight, increasing, at least one.
    public let origins: [Int]

    /// The backtest of `models` over `history` from the local date `from` to `to` (`YYYY-MM-DD`, inclusive); by
    /// default from the first day with enough history for every model to the last with a full horizon of actuals.
    /// - Throws: `PlanningError.notADate` for a date that is not `YYYY-MM-DD`, `.noOriginBetweenDates` when no
    ///   00:00 lies between them.
    public init(history: ForecastHistory, models: [ForecastModelID], options: ForecastOptions, from: String?,
                to: String?) throws(PlanningError) {
        let calendar = history.calendar
        let needed = models.map { Forecaster.minimumHistory(for: $0) }.max() ?? 0
        let firstDay = try Self.day(from, calendar: calendar) ?? calendar.localDayNumber(history.date(ofHour: needed)) + 1
        let lastDay = try Self.day(to, calendar: calendar)
            ?? calendar.localDayNumber(history.date(ofHour: history.load.count - options.horizon))
        origins = history.midnightOrigins(fromDay: firstDay, toDay: lastDay)
        guard !origins.isEmpty else { throw .noOriginBetweenDates }
        self.history = history
        self.models = models
        self.options = options
    }

    /// The first and last origin as written in the files (`2026-01-01T00:00+09:00`).
    public var originRange: (first: String, last: String) {
        let stamp = { (hour: Int) in ForecastOutput.timestamp(history.date(ofHour: hour), calendar: history.calendar) }
        return (stamp(origins[0]), stamp(origins[origins.count - 1]))
    }

    /// Runs the backtest; `progress` gets the base forecasts done and their total.
    /// - Throws: `ForecastError` when a model cannot run on the history.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws(ForecastError) -> BacktestResult {
        try Forecaster.backtest(history: history, models: models, origins: origins, options: options, progress: progress)
    }

    /// Writes `folder/forecasts.csv` and `folder/metrics.json` of `result`, creating the folder if needed.
    /// - Throws: `PlanningError.cannotWrite`; an encoding error (internal).
    public func write(_ result: BacktestResult, to folder: String) throws {
        try ResultFolder.createDirectory(folder)
        try AtomicFile.write(ForecastOutput.csv(result.forecasts, history: history, includeActual: true),
                             to: folder + "/forecasts.csv")
        try AtomicFile.write(ForecastOutput.metricsJSON(result, origins: originRange, horizon: options.horizon,
                                                         forecastTemperatures: options.forecastTemperatures),
                             to: folder + "/metrics.json")
    }

    /// The local day number of a `YYYY-MM-DD` date, or nil when not given.
    private static func day(_ text: String?, calendar: LocalCalendar) throws(PlanningError) -> Int? {
        guard let text else { return nil }
        guard text.count == 10, let date = TimestampParser.parse(text, timeZone: calendar.timeZone) else {
            throw .notADate(text)
        }
        return calendar.localDayNumber(date)
    }
}
