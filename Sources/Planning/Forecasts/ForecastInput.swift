import Foundation
import GridIO
import Reporting

/// One history a forecast of `run`/`dispatch` starts from (a load's `forecast_from`, a generator's
/// `p_max_pu_forecast_from`), read and cut at the forecast origin: only rows strictly before the origin with a
/// value in the column count.
struct ForecastInput {
    /// The grid field that names the history, e.g. `loads.factory.forecast_from`.
    let field: String
    /// The history file's path.
    let path: String
    /// The column forecast.
    let column: String
    /// The file as read (trailing empty cells allowed: rows of future hours with temperatures only).
    let history: LoadHistory
    /// Hours of history used: the values of hours `0..<known` (hour 0 at `history.timestamps[0]`).
    let known: Int

    /// Takes `column` of `table` (the file, read with empty cells allowed) in `timeZone`.
    /// - Throws: `CSVError` for a bad column, `PlanningError.badInput` when no value precedes `origin`.
    init(field: String, table: CSVTable, column: String, timeZone: TimeZone, origin: Date) throws {
        self.field = field
        path = table.file
        self.column = column
        history = try LoadHistoryReader.read(table: table, timeZone: timeZone, loadColumn: column, allowTrailingEmpty: true)
        let beforeOrigin = history.timestamps.prefix { $0 < origin }.count
        known = (history.load ?? [])[..<beforeOrigin].lastIndex { $0.isFinite }.map { $0 + 1 } ?? 0
        guard known > 0 else {
            throw PlanningError.badInput(
                "\(path), column \(column) (\(field)): no value before the forecast origin \(ReportFormat.timestamp(origin, timeZone: timeZone))")
        }
    }

    /// The values used, one per hour from `history.timestamps[0]`.
    var values: [Double] { Array((history.load ?? [])[..<known]) }

    /// The instant of the newest row used.
    var lastTimestamp: Date { history.timestamps[known - 1] }

    /// Hours between the newest row used and `origin`: 1 when the history ends right before it.
    func ageHours(at origin: Date) -> Double { origin.timeIntervalSince(lastTimestamp) / 3600 }

    /// Hours to forecast before `origin` (the hours between the newest row and the origin).
    func gapHours(at origin: Date) -> Int { Int(ageHours(at: origin).rounded()) - 1 }

    /// The problem when the newest row is older than `limitHours` at `origin`, naming file, column, timestamp,
    /// age and limit; `nil` when fresh enough.
    func staleness(at origin: Date, limitHours: Double, timeZone: TimeZone) -> String? {
        let age = ageHours(at: origin)
        guard age > limitHours else { return nil }
        return "\(path), column \(column) (\(field)): newest row \(ReportFormat.timestamp(lastTimestamp, timeZone: timeZone)) is "
            + "\(ReportFormat.number(age)) h old at the forecast origin \(ReportFormat.timestamp(origin, timeZone: timeZone)), "
            + "older than forecasting.max_input_age_hours = \(ReportFormat.number(limitHours))"
    }
}
