import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import GridIO
import Planning

/// The input flags shared by `forecast` and `backtest`: how to read the history file.
struct LoadHistoryOptions: ParsableArguments {
    @Option(help: "Public holidays counted as Sundays: KR, US or none.")
    var holidays: String = "none"

    @Option(help: "IANA time zone of timestamps without an offset (e.g. Asia/Seoul).")
    var timezone: String = "UTC"

    @Option(help: """
        forecast: CSV of future hourly temperatures (timestamp, temperature) covering the horizon. backtest: the \
        target hours' temperatures, observed (default) or forecast (same-hour mean of the 7 days before the origin).
        """)
    var temperature: String?

    @Option(help: "Load column (default: load or load_mw).")
    var loadColumn: String?

    @Option(help: "Temperature column (default: temperature or temp_c).")
    var temperatureColumn: String?

    @Option(help: "Fill gaps and empty cells: linear (default: refuse them).")
    var fill: String?

    /// Hidden: worker threads (default: all cores); results do not depend on it.
    @Option(help: .hidden)
    var threads: Int?

    /// Hidden: days of past errors behind the p10/p50/p90 quantiles (0 = none, for timing a single fit).
    @Option(help: .hidden)
    var quantileWindowDays: Int = 28

    /// Forecast options for a horizon (hours), with the hidden tuning flags applied.
    func options(horizon: Int) throws -> ForecastOptions {
        guard InputLimits.isSnapshotCount(horizon) else {
            throw ExitStatus.UsageError(message: "--horizon: expected 1 to \(InputLimits.maximumSnapshots) hours (ten years), found \(horizon)")
        }
        var options = ForecastOptions(horizon: horizon, quantileWindowDays: max(0, quantileWindowDays))
        if let threads { options.threadCount = max(1, threads) }
        return options
    }

    /// Whether a backtest forecasts the target hours' temperatures (`--temperature forecast`) instead of taking
    /// the observed ones (`observed`, the default).
    func backtestTemperatures() throws -> Bool {
        switch temperature {
        case nil, "observed": return false
        case "forecast": return true
        case let other?:
            throw ExitStatus.UsageError(message: "--temperature: expected observed or forecast for backtest, found '\(other)'")
        }
    }

    /// The calendar of `--timezone` and `--holidays`.
    func calendar() throws -> LocalCalendar {
        guard let zone = TimeZone(identifier: timezone) else {
            throw ExitStatus.UsageError(message: "--timezone: unknown IANA time zone '\(timezone)'")
        }
        guard let holidayCalendar = HolidayCalendar(code: holidays) else {
            throw ExitStatus.UsageError(message: "--holidays: expected KR, US or none, found '\(holidays)'")
        }
        return LocalCalendar(timeZone: zone, holidays: holidayCalendar)
    }

    /// The gap policy of `--fill`.
    func gapFill() throws -> LoadHistoryReader.GapFill {
        guard let fill else { return .none }
        guard fill == "linear" else {
            throw ExitStatus.UsageError(message: "--fill: expected linear, found '\(fill)'")
        }
        return .linear
    }

    /// The models of a comma-separated list of IDs.
    static func models(_ list: String) throws -> [ForecastModelID] {
        var models: [ForecastModelID] = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let model = ForecastModelID(rawValue: name) else {
                let known = ForecastModelID.allCases.map(\.rawValue).joined(separator: ", ")
                throw ExitStatus.UsageError(message: "--model: unknown model '\(name)' (known: \(known))")
            }
            if !models.contains(model) { models.append(model) }
        }
        guard !models.isEmpty else { throw ExitStatus.UsageError(message: "--model: no model given") }
        return models
    }

    /// Reads the history file (and `--temperature`) into a `ForecastHistory`; future temperatures extend the
    /// history's temperatures by `futureHours` hours after its end.
    /// - Parameter needsTemperature: whether a missing temperature column is an error.
    func load(_ history: String, needsTemperature: Bool, futureHours: Int) throws -> ForecastHistory {
        let source = LoadHistorySource(path: history, calendar: try calendar(), loadColumn: loadColumn,
                                       temperatureColumn: temperatureColumn, fill: try gapFill(),
                                       futureTemperatures: temperature)
        return try source.read(needsTemperature: needsTemperature, futureHours: futureHours)
    }
}
