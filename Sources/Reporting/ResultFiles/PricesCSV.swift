import DispatchOptimizer
import Foundation

/// `prices.csv`: the locational marginal price of every bus and hour, sorted by timestamp then by bus in the
/// result's order, in the grid's currency per MWh.
public enum PricesCSV {
    /// The header line's columns.
    public static let columns = ["timestamp", "bus", "lmp_per_mwh"]

    /// The whole file: header, then one line per hour and bus, each ending in `\n`.
    /// - Parameter timeZone: the grid's zone; timestamps carry its UTC offset.
    public static func render(_ result: DispatchResult, timeZone: TimeZone) -> String {
        var text = columns.joined(separator: ",") + "\n"
        let buses = result.prices.map { ReportFormat.field($0.bus) }
        for (hour, date) in result.timestamps.enumerated() {
            let stamp = ReportFormat.timestamp(date, timeZone: timeZone)
            for (index, bus) in result.prices.enumerated() {
                text += stamp + "," + buses[index] + "," + ReportFormat.number(bus.price, at: hour) + "\n"
            }
        }
        return text
    }
}
