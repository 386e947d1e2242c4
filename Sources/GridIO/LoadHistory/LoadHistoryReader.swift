import EnergyCalendar
import Foundation

/// Reads hourly load/temperature histories (`re100 forecast` and `backtest` inputs) with `NumericCSVReader`.
///
/// The first column is the hourly timestamp (ISO-8601, see `TimestampParser`; without an offset it is wall-clock
/// time in the given zone). The load column is `load` or `load_mw` and the temperature column `temperature` or
/// `temp_c` unless named explicitly. Every other column must be numeric. Timestamps must be hourly and strictly
/// increasing; a duplicate, a step back, a step that is not a whole number of hours, a gap or an empty cell is an
/// error naming the file and line, unless `fill` is `.linear`, which inserts missing hours and fills empty
/// cells by linear interpolation between the neighbouring values. With `allowTrailingEmpty` (forecast inputs of
/// a grid), the empty cells after a column's last value are kept as NaN: rows of future hours that only give
/// temperatures.
public enum LoadHistoryReader {
    /// How missing hours and empty cells are treated.
    public enum GapFill: String, Sendable, CaseIterable {
        /// Missing hours and empty cells are errors.
        case none
        /// Missing hours are inserted and empty cells filled by linear interpolation in time.
        case linear
    }

    /// Default names of the load column, in order of preference.
    public static let loadColumnNames = ["load", "load_mw"]
    /// Default names of the temperature column, in order of preference.
    public static let temperatureColumnNames = ["temperature", "temp_c"]

    /// Reads a history file.
    /// - Parameters:
    ///   - url: the CSV file.
    ///   - timeZone: the zone of timestamps without an offset.
    ///   - loadColumn: the load column's name, or `nil` for the defaults.
    ///   - temperatureColumn: the temperature column's name, or `nil` for the defaults.
    ///   - requireLoad: whether a load column must exist (false for a file of future temperatures).
    ///   - requireTemperature: whether a temperature column must exist.
    ///   - fill: what to do with gaps.
    ///   - allowTrailingEmpty: whether empty cells after a column's last value are allowed (left NaN).
    public static func read(contentsOf url: URL, timeZone: TimeZone, loadColumn: String? = nil,
                            temperatureColumn: String? = nil, requireLoad: Bool = true,
                            requireTemperature: Bool = false, fill: GapFill = .none,
                            allowTrailingEmpty: Bool = false) throws(CSVError) -> LoadHistory {
        let table = try NumericCSVReader.read(contentsOf: url, allowEmpty: true)
        return try history(of: table, timeZone: timeZone, loadColumn: loadColumn, temperatureColumn: temperatureColumn,
                           requireLoad: requireLoad, requireTemperature: requireTemperature, fill: fill,
                           allowTrailingEmpty: allowTrailingEmpty)
    }

    /// Reads a history from bytes in memory; `file` names it in diagnostics. See `read(contentsOf:...)`.
    public static func read(bytes: [UInt8], file: String, timeZone: TimeZone, loadColumn: String? = nil,
                            temperatureColumn: String? = nil, requireLoad: Bool = true,
                            requireTemperature: Bool = false, fill: GapFill = .none,
                            allowTrailingEmpty: Bool = false) throws(CSVError) -> LoadHistory {
        let table = try NumericCSVReader.read(bytes: bytes, file: file, allowEmpty: true)
        return try history(of: table, timeZone: timeZone, loadColumn: loadColumn, temperatureColumn: temperatureColumn,
                           requireLoad: requireLoad, requireTemperature: requireTemperature, fill: fill,
                           allowTrailingEmpty: allowTrailingEmpty)
    }

    /// Reads a history from a table already read by `NumericCSVReader.read(contentsOf:allowEmpty: true)`, so several
    /// columns of one file are parsed once. See `read(contentsOf:...)`.
    public static func read(table: CSVTable, timeZone: TimeZone, loadColumn: String? = nil,
                            allowTrailingEmpty: Bool = false) throws(CSVError) -> LoadHistory {
        try history(of: table, timeZone: timeZone, loadColumn: loadColumn, temperatureColumn: nil, requireLoad: true,
                    requireTemperature: false, fill: .none, allowTrailingEmpty: allowTrailingEmpty)
    }

    /// Checks and converts a table read with the timestamp column as text.
    static func history(of table: CSVTable, timeZone: TimeZone, loadColumn: String?, temperatureColumn: String?,
                        requireLoad: Bool, requireTemperature: Bool, fill: GapFill,
                        allowTrailingEmpty: Bool) throws(CSVError) -> LoadHistory {
        let loadName = try column(in: table, named: loadColumn, defaults: loadColumnNames, what: "load",
                                  required: requireLoad)
        let temperatureName = try column(in: table, named: temperatureColumn, defaults: temperatureColumnNames,
                                         what: "temperature", required: requireTemperature)
        guard table.rowCount > 0 else {
            throw CSVError(file: table.file, line: 2, column: 0, field: nil, expected: "at least one hourly row",
                           found: "no data rows")
        }
        let cells = table.textColumn(at: 0) ?? []
        let timeColumn = table.header.first ?? ""
        var hours: [Int] = []      // hour offsets from the first timestamp, per row
        hours.reserveCapacity(cells.count)
        var first = 0.0
        for (row, cell) in cells.enumerated() {
            guard let date = TimestampParser.parse(cell, timeZone: timeZone) else {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 1, field: timeColumn,
                               expected: "an ISO-8601 timestamp such as 2026-01-01T00:00", found: "'\(cell)'")
            }
            if TimestampParser.isSkippedWallTime(cell, timeZone: timeZone) {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 1, field: timeColumn,
                               expected: "a wall-clock time that exists in \(timeZone.identifier)",
                               found: "'\(cell)' (skipped when clocks go forward)")
            }
            if row == 0 { first = date.timeIntervalSince1970 }
            let offset = (date.timeIntervalSince1970 - first) / 3600
            guard abs(offset) < Double(InputLimits.maximumSnapshots) else {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 1, field: timeColumn,
                               expected: "a time less than \(InputLimits.maximumSnapshots) hours (ten years) after the first row's",
                               found: "'\(cell)'")
            }
            guard offset == offset.rounded() else {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 1, field: timeColumn,
                               expected: "a whole number of hours after the first timestamp", found: "'\(cell)'")
            }
            let hour = Int(offset)
            if let previous = hours.last {
                let problem: String? = hour == previous ? "a duplicate of the previous timestamp"
                    : hour < previous ? "a time before the previous row's"
                    : hour > previous + 1 && fill == .none ? "a gap of \(hour - previous - 1) missing hour(s) before '\(cell)' (use --fill linear to interpolate)"
                    : nil
                if let problem {
                    throw CSVError(file: table.file, line: table.line(ofRow: row), column: 1, field: timeColumn,
                                   expected: "the hour after the previous row", found: problem)
                }
            }
            hours.append(hour)
        }
        var filled = 0
        func series(_ name: String?) throws(CSVError) -> [Double]? {
            guard let name, let values = table.numericColumn(name) else { return nil }
            let (result, count) = try place(values, hours: hours, table: table, field: name, fill: fill,
                                            allowTrailingEmpty: allowTrailingEmpty)
            filled += count
            return result
        }
        let load = try series(loadName)
        let temperature = try series(temperatureName)
        let count = (hours.last ?? 0) + 1
        let timestamps = (0..<count).map { Date(timeIntervalSince1970: first + Double($0) * 3600) }
        return LoadHistory(file: table.file, timestamps: timestamps, load: load, temperature: temperature,
                           loadColumn: loadName, temperatureColumn: temperatureName, filledValues: filled)
    }

    /// The name of the column to use: the given one (which must exist) or the first default present.
    static func column(in table: CSVTable, named name: String?, defaults: [String], what: String,
                       required: Bool) throws(CSVError) -> String? {
        let candidates = name.map { [$0] } ?? defaults
        if let found = candidates.first(where: { table.columnIndex($0) != nil }) { return found }
        guard required || name != nil else { return nil }
        let names = candidates.map { "'\($0)'" }.joined(separator: " or ")
        throw CSVError(file: table.file, line: 1, column: 0, field: nil, expected: "a \(what) column \(names)",
                       found: "columns " + table.header.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// Puts row values on the hourly grid; with `.linear` fills inserted hours and empty cells (NaN). With
    /// `allowTrailingEmpty` the rows after the column's last value stay NaN and are never filled.
    static func place(_ values: [Double], hours: [Int], table: CSVTable, field: String,
                      fill: GapFill, allowTrailingEmpty: Bool) throws(CSVError) -> (values: [Double], filled: Int) {
        let rowsWithValues = allowTrailingEmpty ? (values.lastIndex { !$0.isNaN }).map { $0 + 1 } ?? 0 : values.count
        var result = [Double](repeating: .nan, count: (hours.last ?? 0) + 1)
        // Linear filling stops at the column's last value (the end of the file without trailing empties).
        let count = rowsWithValues > 0 ? hours[rowsWithValues - 1] + 1 : 0
        for (row, hour) in hours.enumerated() where row < rowsWithValues {
            if values[row].isNaN, fill == .none {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 0, field: field,
                               expected: "a number (use --fill linear to interpolate missing values)",
                               found: "an empty cell")
            }
            guard values[row].isNaN || (values[row].isFinite && abs(values[row]) <= InputLimits.maximumMagnitude) else {
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 0, field: field,
                               expected: "a finite number of magnitude at most 1e12", found: "\(values[row])")
            }
            result[hour] = values[row]
        }
        guard fill == .linear else { return (result, 0) }
        var filled = 0
        var lastKnown: Int?
        var index = 0
        while index < count {
            if !result[index].isNaN {
                lastKnown = index
                index += 1
                continue
            }
            var next = index
            while next < count, result[next].isNaN { next += 1 }
            guard let before = lastKnown, next < count else {
                let row = hours.firstIndex { $0 >= index } ?? 0
                throw CSVError(file: table.file, line: table.line(ofRow: row), column: 0, field: field,
                               expected: "a known value before and after every missing one to interpolate",
                               found: "missing values at the \(lastKnown == nil ? "start" : "end") of the file")
            }
            for hour in index..<next {
                let share = Double(hour - before) / Double(next - before)
                result[hour] = result[before] + share * (result[next] - result[before])
                filled += 1
            }
            index = next
        }
        return (result, filled)
    }
}
