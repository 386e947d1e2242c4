import EnergyCalendar
import Forecasting
import Foundation
import Reporting

/// Formats forecasts and metrics as the files of ARCHITECTURE.md and writes them atomically.
enum ForecastOutput {
    /// `forecasts.csv` rows (`model,origin,timestamp,forecast,p10,p50,p90,actual`), or without `model` and
    /// `actual` for `re100 forecast` when `actual` is `nil`.
    static func csv(_ forecasts: [OriginForecast], history: ForecastHistory, includeActual: Bool) -> String {
        var text = includeActual ? "model,origin,timestamp,forecast,p10,p50,p90,actual\n"
            : "origin,timestamp,forecast,p10,p50,p90\n"
        for item in forecasts {
            let origin = timestamp(history.date(ofHour: item.origin), calendar: history.calendar)
            for step in item.forecast.indices {
                let hour = item.origin + step
                var fields: [String] = includeActual ? [item.model.rawValue] : []
                fields.append(origin)
                fields.append(timestamp(history.date(ofHour: hour), calendar: history.calendar))
                fields += [item.forecast[step], item.p10[step], item.p50[step], item.p90[step]].map(number)
                if includeActual { fields.append(number(history.load[hour])) }
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// ISO-8601 wall-clock time with its UTC offset, e.g. `2026-01-01T00:00+09:00`.
    static func timestamp(_ date: Date, calendar: LocalCalendar) -> String {
        ReportFormat.timestamp(date, timeZone: calendar.timeZone)
    }

    /// A number with 3 decimals (MW to the kW), `nan` when not a number.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f", value) : "nan"
    }

    /// `metrics.json`: per model the overall metrics and the metrics by local hour of day.
    static func metricsJSON(_ result: BacktestResult, origins: (first: String, last: String), horizon: Int) throws -> String {
        struct Document: Encodable {
            let schemaVersion = 1
            let temperatureOfTargetDayKnown = true
            let firstOrigin: String
            let lastOrigin: String
            let horizonHours: Int
            let models: [BacktestResult.ModelMetrics]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let document = Document(firstOrigin: origins.first, lastOrigin: origins.last, horizonHours: horizon,
                                models: result.metrics)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// Writes `text` to `path` through a temporary file in the same directory and a rename.
    static func writeAtomically(_ text: String, to path: String) throws {
        try AtomicFile.write(text, to: path)
    }
}
