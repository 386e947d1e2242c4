import Forecasting
import Foundation

/// The terminal table `re100 backtest` prints: the overall metrics of each model.
public enum BacktestTable {
    /// The table: a header naming the origins, the horizon (hours) and the temperatures the models saw for the
    /// target hours (observed, or `forecastTemperatures`: the same-hour mean of the 7 days before each origin),
    /// then MAPE %, RMSE, MAE, MASE, pinball loss and p10-p90 coverage % of each model over all origins; `first`
    /// and `last` are the first and last origin as written.
    public static func render(_ result: BacktestResult, origins: Int, first: String, last: String, horizon: Int,
                              forecastTemperatures: Bool = false) -> String {
        var lines = [
            "Backtest: \(origins) origins at 00:00 from \(first) to \(last), horizon \(horizon) h.",
            forecastTemperatures
                ? "Load before each origin only; the target hours' temperatures are forecast: the mean of the same hour over the 7 days before the origin."
                : "Load before each origin only; the target hours' temperatures are taken as known (observed values).",
            "",
            "model          MAPE %      RMSE       MAE    MASE   pinball  p10-p90 %",
        ]
        for item in result.metrics {
            let metrics = item.overall
            let name = item.model.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            let mase = (metrics.mase.map { String(format: "%.3f", $0) } ?? "-")
            lines.append(name + String(format: " %9.3f %9.3f %9.3f ", metrics.mape, metrics.rmse, metrics.mae)
                + String(repeating: " ", count: max(0, 7 - mase.count)) + mase + String(format: " %9.3f %10.1f", metrics.pinball, metrics.coverage))
        }
        return lines.joined(separator: "\n")
    }
}
