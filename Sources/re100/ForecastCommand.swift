import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import GridIO

/// `re100 forecast`: forecasts the hours after the end of a load history.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast hourly load after the end of a history CSV.",
        discussion: """
            Output columns: origin,timestamp,forecast,p10,p50,p90 (MW). Models: persistence, snaive24, snaive168, \
            hw2, mlr-vanilla, mlr-recency, ensemble, auto. Models with temperature terms need --temperature with \
            the future hours' temperatures.
            """
    )

    @OptionGroup var input: HistoryInputOptions

    @OptionGroup var logging: LoggingOptions

    @Option(help: "Hours to forecast.")
    var horizon: Int = 24

    @Option(help: "Model ID (default auto).")
    var model: String = "auto"

    @Option(help: "Output CSV (default: standard output).")
    var out: String?

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1") }
    }

    func run() throws {
        try ExitStatus.run {
            logging.bootstrap()
            guard let chosen = try HistoryInputOptions.models(model).first else { return }
            let history = try input.load(needsTemperature: chosen.needsTemperature, futureHours: horizon)
            var options = ForecastOptions(horizon: horizon)
            if let threads = input.threads { options.threadCount = threads }
            let result = try Forecaster.forecast(history: history, model: chosen, options: options)
            let text = ForecastOutput.csv([result], history: history, includeActual: false)
            if let out {
                try ForecastOutput.writeAtomically(text, to: out)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
