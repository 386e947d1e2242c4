import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import GridIO
import Planning
import Reporting

/// `re100 backtest`: rolling-origin day-ahead backtest of one or more models over a load history.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest forecasting models from 00:00 of every day between two dates.",
        discussion: """
            Each origin uses only load strictly before it; the temperature of the target hours is taken as \
            known. Writes DIR/forecasts.csv (model,origin,timestamp,forecast,p10,p50,p90,actual) and \
            DIR/metrics.json with --out, and prints a table of MAPE, RMSE, MAE, MASE and pinball loss.
            """
    )

    @Argument(help: "Hourly history CSV: timestamp first, then load and temperature columns.")
    var history: String

    @Option(help: "Comma-separated model IDs.")
    var model: String

    @Option(help: "First origin date YYYY-MM-DD, inclusive (default: the first with enough history).")
    var from: String?

    @Option(help: "Last origin date YYYY-MM-DD, inclusive (default: the last with a full horizon of actuals).")
    var to: String?

    @Option(help: "Hours forecast from each origin.")
    var horizon: Int = 24

    @OptionGroup var input: LoadHistoryOptions

    @Option(help: "Output directory for forecasts.csv and metrics.json.")
    var out: String?

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            logging.bootstrap()
            let models = try LoadHistoryOptions.models(model)
            let options = try input.options(horizon: horizon)
            let history = try input.load(self.history, needsTemperature: models.contains { $0.needsTemperature }, futureHours: 0)
            let calendar = history.calendar
            let firstDay = try day(from, calendar: calendar)
                ?? calendar.localDayNumber(history.date(ofHour: models.map(Self.minimumHistory).max() ?? 0)) + 1
            let lastDay = try day(to, calendar: calendar)
                ?? calendar.localDayNumber(history.date(ofHour: history.load.count - horizon))
            let origins = history.midnightOrigins(fromDay: firstDay, toDay: lastDay)
            guard !origins.isEmpty else {
                throw ExitStatus.UsageError(message: "--from/--to: no 00:00 origin between the dates")
            }
            let started = Date()
            let bar = ProgressBar.terminal(label: "backtest " + models.map(\.rawValue).joined(separator: ","), logging: logging)
            let result: BacktestResult
            do {
                defer { bar?.finish() }
                result = try Forecaster.backtest(history: history, models: models, origins: origins, options: options,
                                                 progress: bar?.callback)
            }
            let seconds = Date().timeIntervalSince(started)
            let first = ForecastOutput.timestamp(history.date(ofHour: origins[0]), calendar: calendar)
            let last = ForecastOutput.timestamp(history.date(ofHour: origins[origins.count - 1]), calendar: calendar)
            if let out {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                try AtomicFile.write(ForecastOutput.csv(result.forecasts, history: history, includeActual: true),
                                     to: out + "/forecasts.csv")
                try AtomicFile.write(ForecastOutput.metricsJSON(result, origins: (first, last), horizon: horizon),
                                     to: out + "/metrics.json")
            }
            print(BacktestTable.render(result, origins: origins.count, first: first, last: last, horizon: horizon))
            let workers = result.workerCPUSeconds.map { String(format: "%.2f", $0) }.joined(separator: " ")
            ExitStatus.printError(String(format: "backtest took %.2f s on %d thread(s); worker CPU seconds: ", seconds,
                                         options.threadCount) + workers)
        }
    }

    /// Hours of history the model needs before its first origin.
    static func minimumHistory(_ model: ForecastModelID) -> Int {
        Forecaster.minimumHistory(for: model)
    }

    /// The local day number of a `YYYY-MM-DD` option, or `nil` when not given.
    private func day(_ text: String?, calendar: LocalCalendar) throws -> Int? {
        guard let text else { return nil }
        guard text.count == 10, let date = TimestampParser.parse(text, timeZone: calendar.timeZone) else {
            throw ExitStatus.UsageError(message: "expected a date YYYY-MM-DD, found '\(text)'")
        }
        return calendar.localDayNumber(date)
    }
}
