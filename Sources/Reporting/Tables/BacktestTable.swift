import Forecasting
import Foundation

/// The terminal table `re100 backtest` prints: the overall metrics of each model.
public enum BacktestTable {
    /// The table: a header naming the origins and the horizon (hours), then MAPE %, RMSE, MAE, MASE and pinball
    /// loss of each model over all origins; `first` and `last` are the first and last origin as written.
    public static func render(_ result: BacktestResult, origins: Int, first: String, last: String, horizon: Int) -> String {
        var lines = [
            "Backtest: \(origins) origins at 00:00 from \(first) to \(last), horizon \(horizon) h.",
            "Load before each origin only; the target hours' temperatures are taken as known (observed values).",
            "",
            "model          MAPE %      RMSE       MAE    MASE   pinball",
        ]
        for item in result.metrics {
            let metrics = item.overall
            let name = item.model.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            let mase = (metrics.mase.map { String(format: "%.3f", $0) } ?? "-")
            lines.append(name + String(format: " %9.3f %9.3f %9.3f ", metrics.mape, metrics.rmse, metrics.mae)
                + String(repeating: " ", count: max(0, 7 - mase.count)) + mase + String(format: " %9.3f", metrics.pinball))
        }
        return lines.joined(separator: "\n")
    }
}
