import EnergyCalendar
import Foundation

/// Checks a CSV timestamp column: every cell parses (ISO-8601, wall-clock in the grid's zone when without an
/// offset) and consecutive stamps are exactly one hour apart (no duplicates, no disorder, no gaps, no other step).
struct TimestampColumnCheck {
    /// At most this many problems are listed per file; the rest are summarised in one more problem.
    static let problemLimit = 10

    let table: CSVTable
    let column: Int
    let timeZone: TimeZone

    /// The parsed stamps (`nil` where unparsable) and every problem found.
    func run() -> (dates: [Date?], problems: [GridIOError]) {
        let texts = table.textColumn(at: column) ?? []
        let field: String? = table.header.indices.contains(column) ? String(table.header[column]) : nil
        var problems: [GridIOError] = []
        var dates: [Date?] = []
        dates.reserveCapacity(texts.count)
        func problem(_ row: Int, _ message: String, _ expected: String, _ found: String) {
            problems.append(
                GridIOError(file: table.file, line: table.line(ofRow: row), column: column + 1, field: field, message: message, expected: expected, found: found))
        }
        var previous: Date?
        for (row, text) in texts.enumerated() {
            let date = TimestampParser.parse(text, timeZone: timeZone)
            dates.append(date)
            guard let date else {
                problem(row, "unparsable timestamp", "an ISO-8601 time such as 2026-01-01T00:00", "\"\(text)\"")
                continue
            }
            if TimestampParser.isSkippedWallTime(text, timeZone: timeZone) {
                problem(row, "nonexistent local time", "a wall-clock time that exists in \(timeZone.identifier)",
                        "\"\(text)\" (skipped when clocks go forward)")
                previous = date.addingTimeInterval(-3600)  // so the next row is not also reported
                continue
            }
            defer { previous = date }
            guard let previous else { continue }
            let step = date.timeIntervalSince(previous)
            if step == 3600 { continue }
            if step == 0 {
                problem(row, "duplicated timestamp", "a time one hour after the previous row", "\"\(text)\" again")
            } else if step < 0 {
                problem(row, "timestamp out of order", "a time one hour after the previous row", "\"\(text)\", \(Int(-step / 60)) minutes earlier")
            } else if step.truncatingRemainder(dividingBy: 3600) == 0 {
                problem(row, "gap in timestamps", "a time one hour after the previous row", "\"\(text)\", \(Int(step / 3600)) hours later")
            } else {
                problem(row, "wrong time step", "a step of 60 minutes", "\"\(text)\", \(Int(step / 60)) minutes after the previous row")
            }
        }
        if problems.count > Self.problemLimit {
            let more = problems.count - Self.problemLimit
            problems = Array(problems.prefix(Self.problemLimit))
            problems.append(
                GridIOError(file: table.file, field: field, message: "more timestamp problems", expected: "none", found: "\(more) more"))
        }
        return (dates, problems)
    }
}
