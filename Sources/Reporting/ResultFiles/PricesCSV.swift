import DispatchOptimizer
import Foundation
import GridIO

/// `prices.csv`: the locational marginal price of every bus and hour, sorted by timestamp then by bus in the
/// result's order, in the grid's currency per MWh. The writer, the in-memory rows and the reader share `columns`.
public enum PricesCSV {
    /// The header line's columns: timestamp and bus (text), then the price.
    public static let columns = ["timestamp", "bus", "lmp_per_mwh"]

    /// The whole file: header, then one line per hour and bus, each ending in `\n`.
    /// - Parameter timeZone: the grid's zone; timestamps carry its UTC offset.
    public static func render(_ result: DispatchResult, timeZone: TimeZone) -> String {
        var text = columns.joined(separator: ",") + "\n"
        let buses = result.prices.map { ReportFormat.field($0.bus) }
        forEachRow(result, timeZone: timeZone) { stamp, bus, price in
            text += stamp + "," + buses[bus] + "," + price + "\n"
        }
        return text
    }

    /// The rows of the file `render` writes, each price exactly as written, without writing or reading the file.
    public static func rows(_ result: DispatchResult, timeZone: TimeZone) -> [ReportPrices.Row] {
        var rows: [ReportPrices.Row] = []
        forEachRow(result, timeZone: timeZone) { stamp, bus, price in
            rows.append(ReportPrices.Row(timestamp: stamp, bus: result.prices[bus].bus, lmpPerMWh: Double(price) ?? .nan))
        }
        return rows
    }

    /// Reads a `prices.csv` written by `render`, arranged over the schedule's `hours`.
    /// - Throws: `CSVError` naming the file, line and column, or the missing column.
    public static func read(contentsOf url: URL, hours: [String]) throws(CSVError) -> ReportPrices {
        let table = try NumericCSVReader.read(contentsOf: url, textColumns: [], textColumnNames: Set(columns[..<2]))
        let timestamps = try ResultColumns.text(columns[0], of: table), buses = try ResultColumns.text(columns[1], of: table)
        let lmp = try ResultColumns.numbers(columns[2], of: table)
        let rows = (0..<table.rowCount).map { ReportPrices.Row(timestamp: timestamps[$0], bus: buses[$0], lmpPerMWh: lmp[$0]) }
        return ReportPrices(rows: rows, hours: hours)
    }

    /// Calls `body` for every row in file order with its timestamp, the bus's index in `result.prices` and the
    /// price as written.
    private static func forEachRow(_ result: DispatchResult, timeZone: TimeZone,
                                   _ body: (_ stamp: String, _ bus: Int, _ price: String) -> Void) {
        for (hour, date) in result.timestamps.enumerated() {
            let stamp = ReportFormat.timestamp(date, timeZone: timeZone)
            for (index, bus) in result.prices.enumerated() {
                body(stamp, index, ReportFormat.number(bus.price, at: hour))
            }
        }
    }
}
