import DispatchOptimizer
import Foundation
import GridIO

/// `schedule.csv`: one row per hour and unit, sorted by timestamp then by unit in the result's order.
/// Columns and units are documented in docs/outputs.md. The writer, the in-memory rows the report uses and the
/// reader share `columns`.
public enum ScheduleCSV {
    /// The header line's columns: the first `textColumnCount` are text, the others numbers.
    public static let columns = [
        "timestamp", "unit", "component", "bus", "carrier", "p_mw", "charge_mw", "discharge_mw", "soc_mwh", "curtailed_mw",
    ]
    /// How many of `columns`, from the first, are text.
    public static let textColumnCount = 5

    /// The whole file: header, then one line per hour and unit, each ending in `\n`. Quantities a unit does
    /// not have (a generator's state of charge) are empty cells.
    /// - Parameter timeZone: the grid's zone; timestamps carry its UTC offset.
    public static func render(_ result: DispatchResult, timeZone: TimeZone) -> String {
        var text = columns.joined(separator: ",") + "\n"
        let fixed = result.units.map { unit in
            [unit.unit, unit.component, unit.bus, unit.carrier].map(ReportFormat.field).joined(separator: ",")
        }
        forEachRow(result, timeZone: timeZone) { stamp, unit, numbers in
            text += stamp + "," + fixed[unit] + "," + numbers.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The rows of the file `render` writes, as its reader would give them back (every number exactly as written,
    /// an empty cell as NaN), without writing or reading the file: what the report of a fresh result shows.
    public static func rows(_ result: DispatchResult, timeZone: TimeZone) -> [ReportSchedule.Row] {
        var rows: [ReportSchedule.Row] = []
        rows.reserveCapacity(result.timestamps.count * result.units.count)
        forEachRow(result, timeZone: timeZone) { stamp, index, cells in
            let unit = result.units[index]
            let numbers = cells.map { Double($0) ?? .nan }
            rows.append(ReportSchedule.Row(
                timestamp: stamp, unit: unit.unit, component: unit.component, bus: unit.bus, carrier: unit.carrier,
                powerMW: numbers[0], chargeMW: numbers[1], dischargeMW: numbers[2], stateOfChargeMWh: numbers[3],
                curtailedMW: numbers[4]))
        }
        return rows
    }

    /// Reads a `schedule.csv` written by `render` (empty cells as NaN).
    /// - Throws: `CSVError` naming the file, line and column, or the missing column.
    public static func read(contentsOf url: URL) throws(CSVError) -> ReportSchedule {
        let textColumns = Array(columns[..<textColumnCount])
        let table = try NumericCSVReader.read(
            contentsOf: url, textColumns: [], textColumnNames: Set(textColumns), allowEmpty: true)
        var text: [[String]] = [], numbers: [[Double]] = []
        for name in textColumns { text.append(try ResultColumns.text(name, of: table)) }
        for name in columns[textColumnCount...] { numbers.append(try ResultColumns.numbers(name, of: table)) }
        let rows = (0..<table.rowCount).map { row in
            ReportSchedule.Row(
                timestamp: text[0][row], unit: text[1][row], component: text[2][row], bus: text[3][row], carrier: text[4][row],
                powerMW: numbers[0][row], chargeMW: numbers[1][row], dischargeMW: numbers[2][row],
                stateOfChargeMWh: numbers[3][row], curtailedMW: numbers[4][row])
        }
        return ReportSchedule(rows: rows)
    }

    /// Calls `body` for every row in file order with its timestamp as written, the index of its unit in
    /// `result.units` and its numeric cells as written (`columns` after the text ones).
    private static func forEachRow(_ result: DispatchResult, timeZone: TimeZone,
                                   _ body: (_ stamp: String, _ unit: Int, _ numbers: [String]) -> Void) {
        for (hour, date) in result.timestamps.enumerated() {
            let stamp = ReportFormat.timestamp(date, timeZone: timeZone)
            for (index, unit) in result.units.enumerated() {
                body(stamp, index, [
                    ReportFormat.number(unit.power, at: hour), ReportFormat.number(unit.charge, at: hour),
                    ReportFormat.number(unit.discharge, at: hour), ReportFormat.number(unit.stateOfCharge, at: hour),
                    ReportFormat.number(unit.curtailed, at: hour),
                ])
            }
        }
    }
}
