import Foundation

/// `forecasts.csv` of a run folder (`re100 run`, `re100 dispatch --out`): every forecast the dispatch used in
/// place of a fixed input, one row per series and hour (docs/outputs.md).
public enum RunForecastsCSV {
    /// The header, exactly as ARCHITECTURE.md and docs/outputs.md name the columns.
    public static let header = "series,model,origin,timestamp,forecast,p10,p50,p90"

    /// Renders `forecasts` as CSV, sorted by series then timestamp, timestamps in `timeZone` formatted like
    /// `schedule.csv` (`2026-04-03T00:00+09:00`), numbers with 3 decimals like `re100 forecast`.
    /// - Parameters:
    ///   - forecasts: the forecasts; each series' arrays have one value per timestamp.
    ///   - timeZone: the grid's time zone.
    /// - Returns: the header and one line per series and hour, each ending in a line break.
    public static func render(_ forecasts: [UsedForecast], timeZone: TimeZone) -> String {
        var rows: [(series: String, time: Date, line: String)] = []
        for item in forecasts {
            let prefix = ReportFormat.field(item.series) + "," + ReportFormat.field(item.model) + ","
                + ReportFormat.timestamp(item.origin, timeZone: timeZone) + ","
            for (index, time) in item.timestamps.enumerated() {
                var line = prefix + ReportFormat.timestamp(time, timeZone: timeZone)
                for values in [item.forecast, item.p10, item.p50, item.p90] {
                    line += "," + (index < values.count ? ForecastOutput.number(values[index]) : "nan")
                }
                rows.append((item.series, time, line))
            }
        }
        // A stable sort keeps two series of the same name (never produced by one grid) in input order.
        let sorted = rows.enumerated().sorted { left, right in
            if left.element.series != right.element.series { return left.element.series < right.element.series }
            if left.element.time != right.element.time { return left.element.time < right.element.time }
            return left.offset < right.offset
        }
        return sorted.reduce(into: header + "\n") { text, row in text += row.element.line + "\n" }
    }
}
