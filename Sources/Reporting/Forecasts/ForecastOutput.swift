import EnergyCalendar
import Forecasting
import Foundation

/// Formats forecasts and metrics as the files of ARCHITECTURE.md (`forecasts.csv`, `metrics.json` of
/// `re100 forecast` and `re100 backtest`).
public enum ForecastOutput {
    /// `forecasts.csv` rows (`model,origin,timestamp,forecast,p10,p50,p90,actual`), or without `model` and
    /// `actual` for `re100 forecast` when `actual` is `nil`.
    public static func csv(_ forecasts: [OriginForecast], history: ForecastHistory, includeActual: Bool) -> String {
        var text = includeActual ? "model,origin,timestamp,forecast,p10,p50,p90,actual\n"
            : "origin,timestamp,forecast,p10,p50,p90\n"
        // Each hour's timestamp is formatted once, however many models and origins mention it.
        var stamps: [Int: String] = [:]
        func stamp(_ hour: Int) -> String {
            if let known = stamps[hour] { return known }
            let formatted = timestamp(history.date(ofHour: hour), calendar: history.calendar)
            stamps[hour] = formatted
            return formatted
        }
        for item in forecasts {
            let origin = stamp(item.origin)
            let prefix = includeActual ? item.model.rawValue + "," + origin + "," : origin + ","
            for step in item.forecast.indices {
                let hour = item.origin + step
                text += prefix + stamp(hour)
                for value in [item.forecast[step], item.p10[step], item.p50[step], item.p90[step]] {
                    text += "," + number(value)
                }
                if includeActual { text += "," + number(history.load[hour]) }
                text += "\n"
            }
        }
        return text
    }

    /// ISO-8601 wall-clock time with its UTC offset, e.g. `2026-01-01T00:00+09:00`.
    public static func timestamp(_ date: Date, calendar: LocalCalendar) -> String {
        ReportFormat.timestamp(date, timeZone: calendar.timeZone)
    }

    /// A number with 3 decimals (MW to the kW), `nan` when not a number; integer arithmetic because
    /// `String(format:)` dominated the time of writing a year-long backtest.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "nan" }
        guard abs(value) < 1e12 else { return String(format: "%.3f", value) }
        let scaled = Int((abs(value) * 1000).rounded())
        let fraction = scaled % 1000
        let digits = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return (value < 0 && scaled != 0 ? "-" : "") + "\(scaled / 1000)." + digits
    }

    /// `metrics.json`: per model the overall metrics and the metrics by local hour of day;
    /// `temperature_of_target_day_known` is false when the models saw forecast temperatures of the target hours.
    public static func metricsJSON(_ result: BacktestResult, origins: (first: String, last: String), horizon: Int,
                                   forecastTemperatures: Bool = false) throws -> String {
        struct Document: Encodable {
            let schemaVersion = 1
            let temperatureOfTargetDayKnown: Bool
            let firstOrigin: String
            let lastOrigin: String
            let horizonHours: Int
            let models: [BacktestResult.ModelMetrics]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let document = Document(temperatureOfTargetDayKnown: !forecastTemperatures, firstOrigin: origins.first, lastOrigin: origins.last, horizonHours: horizon,
                                models: result.metrics)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
