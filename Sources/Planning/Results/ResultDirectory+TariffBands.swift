import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridIO
import Logging
import Reporting

/// The tariff bands and EV-fleet minima of a result directory's hours, for the report's charts: the output files do
/// not carry them, so they come from the grid `summary.json` records, read again when it is still at the recorded
/// path (relative to the current directory) with the same fingerprint and overlays.
extension ResultDirectory {
    /// The grid and overlays as `summary.json` records them.
    private struct RecordedInputs: Decodable {
        struct Grid: Decodable {
            let path: String
            let fingerprint: String

            enum CodingKeys: String, CodingKey {
                case path, fingerprint = "fingerprint_sha256"
            }
        }

        let grid: Grid
        let scenarios: [InputFile]
    }

    /// What a report takes from the grid recorded in `summary` for `hours` (the schedule's, as written): the tariff
    /// bands and the EV fleets' minimum energy; nil (logged at info level) when that grid cannot be read as it
    /// was: moved, changed, or without the hours.
    public static func recordedGridContext(summary url: URL, hours: [String], tariffs: NamedFileCatalog,
                                           logger: Logger) -> ReportGridContext? {
        guard let first = hours.first,
              let data = try? Data(RegularFileReader.bytes(url.path)),
              let recorded = try? JSONDecoder().decode(RecordedInputs.self, from: data) else { return nil }
        var quiet = logger
        quiet.logLevel = .critical
        guard let grid = try? GridSource.open(recorded.grid.path, scenarios: recorded.scenarios.map(\.path), tariffs: tariffs,
                                              logger: quiet),
              grid.fingerprint.sha256 == recorded.grid.fingerprint, grid.scenarios == recorded.scenarios else {
            logger.info("tariff bands and fleet minima left out of the report: the grid \(recorded.grid.path) is not at hand as it was solved")
            return nil
        }
        let axis = grid.network.timeAxis
        guard let start = TimestampParser.parse(first, timeZone: axis.timeZone),
              let firstHour = axis.snapshots.firstIndex(of: start) else { return nil }
        return ReportGridContext(network: grid.network, firstHour: firstHour, hourCount: hours.count)
    }
}
