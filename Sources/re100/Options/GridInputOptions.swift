import ArgumentParser
import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridModel
import Reporting

/// `<grid> [--start T] [--hours N]`: the grid and the horizon, shared by `dispatch` and `export-lp` (which
/// add `--scenario` through `ScenarioOptions`, after their own horizon flags as ARCHITECTURE.md orders them).
struct GridInputOptions: ParsableArguments {
    @Argument(help: "A grid folder with grid.toml, a PyPSA CSV folder, or a MATPOWER .m file.")
    var grid: String

    @Option(help: "First hour, ISO-8601 (offset optional, read in the grid's time zone); must be a snapshot.")
    var start: String?

    @Option(help: "Number of hours (default: every snapshot from --start on).")
    var hours: Int?

    func validate() throws {
        if let hours, hours < 1 { throw ValidationError("--hours must be at least 1, found \(hours)") }
    }

    /// The 0-based snapshot of `--start` (0 when absent).
    /// - Throws: `ExitStatus.UsageError` (exit 64) when the text is no timestamp or no snapshot of the grid.
    func firstHour(in axis: TimeAxis) throws -> Int {
        guard let start else { return 0 }
        guard let date = TimestampParser.parse(start, timeZone: axis.timeZone) else {
            throw ExitStatus.UsageError(message: "--start: expected an ISO-8601 time such as 2026-01-05T00:00, found '\(start)'")
        }
        guard let index = axis.snapshots.firstIndex(of: date) else {
            let range = [axis.snapshots.first, axis.snapshots.last].compactMap { $0 }
                .map { ReportFormat.timestamp($0, timeZone: axis.timeZone) }.joined(separator: " .. ")
            throw ExitStatus.UsageError(message: "--start: \(start) is not a snapshot of the grid (snapshots \(range))")
        }
        return index
    }
}
