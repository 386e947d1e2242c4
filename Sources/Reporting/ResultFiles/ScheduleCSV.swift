import DispatchOptimizer
import Foundation

/// `schedule.csv`: one row per hour and unit, sorted by timestamp then by unit in the result's order.
/// Columns and units are documented in docs/outputs.md.
public enum ScheduleCSV {
    /// The header line's columns.
    public static let columns = [
        "timestamp", "unit", "component", "bus", "carrier", "p_mw", "charge_mw", "discharge_mw", "soc_mwh", "curtailed_mw",
    ]

    /// The whole file: header, then one line per hour and unit, each ending in `\n`. Quantities a unit does
    /// not have (a generator's state of charge) are empty cells.
    /// - Parameter timeZone: the grid's zone; timestamps carry its UTC offset.
    public static func render(_ result: DispatchResult, timeZone: TimeZone) -> String {
        var text = columns.joined(separator: ",") + "\n"
        let fixed = result.units.map { unit in
            [unit.unit, unit.component, unit.bus, unit.carrier].map(ReportFormat.field).joined(separator: ",")
        }
        for (hour, date) in result.timestamps.enumerated() {
            let stamp = ReportFormat.timestamp(date, timeZone: timeZone)
            for (index, unit) in result.units.enumerated() {
                let values = [
                    ReportFormat.number(unit.power, at: hour), ReportFormat.number(unit.charge, at: hour),
                    ReportFormat.number(unit.discharge, at: hour), ReportFormat.number(unit.stateOfCharge, at: hour),
                    ReportFormat.number(unit.curtailed, at: hour),
                ]
                text += stamp + "," + fixed[index] + "," + values.joined(separator: ",") + "\n"
            }
        }
        return text
    }
}
