import ArgumentParser
import EnergyCalendar
import Forecasting
import Foundation
import GridIO
import Planning
import Reporting

/// `re100 forecast`: forecasts the hours after the end of a load history.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast hourly load after the end of a history CSV.",
        discussion: """
            Output columns: origin,timestamp,forecast,p10,p50,p90 (MW). Models: persistence, snaive24, snaive168, \
            hw2, mlr-vanilla, mlr-recency, gbt, ensemble, auto. Models with temperature terms need --temperature with \
            the future hours' temperatures.
            """
    )

    @Argument(help: "Hourly history CSV: timestamp first, then load and temperature columns.")
    var history: String

    @Option(help: "Hours to forecast after the end of the history.")
    var horizon: Int = 24

    @Option(help: "Model ID.")
    var model: String = "auto"

    @OptionGroup var input: LoadHistoryOptions

    @Option(help: "Output CSV (default: standard output).")
    var out: String?

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        try ExitStatus.run {
            logging.bootstrap()
            let options = try input.options(horizon: horizon)
            guard let chosen = try LoadHistoryOptions.models(model).first else { return }
            if chosen.needsTemperature, input.temperature == nil {
                throw ExitStatus.UsageError(message: "--model \(chosen.rawValue) needs the temperatures of the forecast "
                    + "hours: give them with --temperature future.csv")
            }
            let series = try input.load(history, needsTemperature: chosen.needsTemperature, futureHours: horizon)
            let result = try Forecaster.forecast(history: series, model: chosen, options: options)
            let text = ForecastOutput.csv([result], history: series, includeActual: false)
            if let out {
                try AtomicFile.write(text, to: out)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
