import ArgumentParser
import Forecasting
import Foundation
import Planning
import Reporting

/// `re100 backtest`: rolling-origin day-ahead backtest of one or more models over a load history.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Backtest forecasting models from 00:00 of every day between two dates.",
        discussion: """
            Each origin uses only load strictly before it. The temperature of the target hours is taken as \
            known (--temperature observed, the default) or forecast from the history before the origin as the \
            mean of the same hour over the 7 days before it (--temperature forecast). Writes DIR/forecasts.csv \
            (model,origin,timestamp,forecast,p10,p50,p90,actual) and DIR/metrics.json with --out, and prints a \
            table of MAPE, RMSE, MAE, MASE, pinball loss and p10-p90 coverage.
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
            var options = try input.options(horizon: horizon)
            options.forecastTemperatures = try input.backtestTemperatures()
            let history = try input.load(self.history, needsTemperature: models.contains { $0.needsTemperature }, futureHours: 0)
            let job = try BacktestJob(history: history, models: models, options: options, from: from, to: to)
            let started = Date()
            let bar = ProgressBar.terminal(label: "backtest " + models.map(\.rawValue).joined(separator: ","), logging: logging)
            let result: BacktestResult
            do {
                defer { bar?.finish() }
                result = try job.run(progress: bar?.callback)
            }
            let seconds = Date().timeIntervalSince(started)
            if let out { try job.write(result, to: out) }
            let (first, last) = job.originRange
            print(BacktestTable.render(result, origins: job.origins.count, first: first, last: last, horizon: horizon,
                                       forecastTemperatures: options.forecastTemperatures))
            let workers = result.workerCPUSeconds.map { String(format: "%.2f", $0) }.joined(separator: " ")
            ExitStatus.printError(String(format: "backtest took %.2f s on %d thread(s); worker CPU seconds: ", seconds,
                                         options.threadCount) + workers)
        }
    }
}
