import Foundation
import GridIO

/// The forecasts behind a plan as the HTML report shows them (`forecasts.csv` of a result folder, docs/outputs.md):
/// per series, the p10/p50/p90 of every hour, keyed by the timestamp as the result files write it.
public struct ReportForecasts: Sendable, Equatable {
    /// One forecast series.
    public struct Series: Sendable, Equatable {
        /// `loads.<id>` or `generators.<id>`.
        public var name: String
        /// Timestamps as written in the result files.
        public var hours: [String]
        /// Quantiles per hour (MW for loads, per unit for generators).
        public var p10: [Double], p50: [Double], p90: [Double]
    }

    /// The series in file order (sorted by name).
    public var series: [Series]

    /// The forecasts a dispatch used, as `forecasts.csv` writes them (timestamps in `timeZone`, values rounded to
    /// the file's decimals), so a report made from memory equals the one read back from the folder.
    public init(_ forecasts: [UsedForecast], timeZone: TimeZone) {
        let written = { (values: [Double]) in values.map { Double(ForecastOutput.number($0)) ?? $0 } }
        series = forecasts.sorted { $0.series < $1.series }.map { item in
            Series(name: item.series, hours: item.timestamps.map { ReportFormat.timestamp($0, timeZone: timeZone) },
                   p10: written(item.p10), p50: written(item.p50), p90: written(item.p90))
        }
    }

    /// Reads `forecasts.csv` (`series,model,origin,timestamp,forecast,p10,p50,p90`).
    /// - Throws: `CSVError` naming the file, line and column.
    public static func read(contentsOf url: URL) throws(CSVError) -> ReportForecasts {
        let table = try NumericCSVReader.read(contentsOf: url, textColumns: [],
                                              textColumnNames: ["series", "model", "origin", "timestamp"], allowEmpty: false)
        let names = try ResultColumns.text("series", of: table), stamps = try ResultColumns.text("timestamp", of: table)
        let p10 = try ResultColumns.numbers("p10", of: table), p50 = try ResultColumns.numbers("p50", of: table)
        let p90 = try ResultColumns.numbers("p90", of: table)
        var forecasts = ReportForecasts(series: [])
        for row in 0..<table.rowCount {
            if forecasts.series.last?.name != names[row] {
                forecasts.series.append(Series(name: names[row], hours: [], p10: [], p50: [], p90: []))
            }
            forecasts.series[forecasts.series.count - 1].hours.append(stamps[row])
            forecasts.series[forecasts.series.count - 1].p10.append(p10[row])
            forecasts.series[forecasts.series.count - 1].p50.append(p50[row])
            forecasts.series[forecasts.series.count - 1].p90.append(p90[row])
        }
        return forecasts
    }

    private init(series: [Series]) { self.series = series }

    /// `values` of the series whose name starts with `prefix` summed per hour of `hours` (0 where a series has no
    /// value): the whole-path sum, as the scenarios of `--scenarios quantile` move every series together.
    func sum(_ prefix: String, _ values: KeyPath<Series, [Double]>, over hours: [String]) -> [Double] {
        var total = [Double](repeating: 0, count: hours.count)
        var index: [String: Int] = [:]
        for (k, hour) in hours.enumerated() { index[hour] = k }
        for item in series where item.name.hasPrefix(prefix) {
            for (k, hour) in item.hours.enumerated() {
                if let position = index[hour], item[keyPath: values][k].isFinite { total[position] += item[keyPath: values][k] }
            }
        }
        return total
    }

    /// Whether any series' name starts with `prefix`.
    func has(_ prefix: String) -> Bool { series.contains { $0.name.hasPrefix(prefix) } }
}
