import EnergyCalendar
import Foundation
import GridIO

/// Reads the metered values `re100 actuals add` ingests (docs/cli.md): a CSV file whose first column is
/// `timestamp` (ISO-8601, the start of the hour; without an offset it is wall-clock time in `timeZone`) and one
/// column per series. A column name with a dot is a series name as in the forecasts (`loads.factory`,
/// `generators.pv_rooftop`); a plain name is a load (`factory` means `loads.factory`). An empty cell (or `nan`)
/// is no reading for that hour; rows need not be hourly or contiguous, but a timestamp may appear only once.
public enum ActualsReader {
    /// Reads the file at `path`.
    /// - Throws: `CSVError` naming the file, the 1-based line and column (or the column's name), what was expected
    ///   and what was found.
    public static func read(path: String, timeZone: TimeZone) throws(CSVError) -> [MeteredValue] {
        let table = try NumericCSVReader.read(contentsOf: URL(fileURLWithPath: path), allowEmpty: true)
        return try values(of: table, timeZone: timeZone)
    }

    /// The series name of a column: itself when it contains a dot, else `loads.<name>`.
    public static func seriesName(ofColumn column: String) -> String {
        column.contains(".") ? column : "loads." + column
    }

    /// The values of a table read with its first column as text, by column, then by row.
    public static func values(of table: CSVTable, timeZone: TimeZone) throws(CSVError) -> [MeteredValue] {
        guard table.header.first == "timestamp" else {
            throw CSVError(file: table.file, line: 1, column: 1, field: table.header.first,
                           expected: "'timestamp' as the first column's name", found: "'\(table.header.first ?? "")'")
        }
        let series = try seriesNames(of: table)
        guard table.rowCount > 0 else {
            throw CSVError(file: table.file, line: 2, column: 0, field: nil, expected: "at least one row of values",
                           found: "no data rows")
        }
        var dates: [Date] = []
        var lineOfSeconds: [Int64: Int] = [:]
        for (row, cell) in (table.textColumn(at: 0) ?? []).enumerated() {
            let line = table.line(ofRow: row)
            guard let date = TimestampParser.parse(cell, timeZone: timeZone) else {
                throw CSVError(file: table.file, line: line, column: 1, field: "timestamp",
                               expected: "an ISO-8601 time such as 2026-04-03T00:00 or 2026-04-03T00:00+09:00",
                               found: "'\(cell)'")
            }
            if let earlier = lineOfSeconds.updateValue(line, forKey: RunArchive.seconds(date)) {
                throw CSVError(file: table.file, line: line, column: 1, field: "timestamp",
                               expected: "each hour once", found: "'\(cell)', the same instant as line \(earlier)")
            }
            dates.append(date)
        }
        var values: [MeteredValue] = []
        for (column, name) in series {
            let cells = table.numericColumn(at: column) ?? []
            for (row, value) in cells.enumerated() where !value.isNaN {
                guard value.isFinite && abs(value) <= InputLimits.maximumMagnitude else {
                    throw CSVError(file: table.file, line: table.line(ofRow: row), column: column + 1, field: table.header[column],
                                   expected: "a finite number of magnitude at most 1e12, or an empty cell", found: "'\(value)'")
                }
                values.append(MeteredValue(series: name, timestamp: dates[row], value: value))
            }
        }
        return values
    }

    /// The series of every column after the first, by 0-based column index; names must be distinct.
    private static func seriesNames(of table: CSVTable) throws(CSVError) -> [(column: Int, series: String)] {
        guard table.header.count > 1 else {
            throw CSVError(file: table.file, line: 1, column: 0, field: nil,
                           expected: "a column per series after 'timestamp' (loads.factory or factory)",
                           found: "only 'timestamp'")
        }
        var columnOfSeries: [String: String] = [:]
        var result: [(column: Int, series: String)] = []
        for (column, header) in table.header.enumerated().dropFirst() {
            guard !header.isEmpty else {
                throw CSVError(file: table.file, line: 1, column: 0, field: nil,
                               expected: "a series name for column \(column + 1)", found: "an empty name")
            }
            let series = seriesName(ofColumn: header)
            if let other = columnOfSeries.updateValue(header, forKey: series) {
                throw CSVError(file: table.file, line: 1, column: 0, field: header,
                               expected: "each series once", found: "'\(header)' and '\(other)' both name \(series)")
            }
            result.append((column, series))
        }
        return result
    }
}
