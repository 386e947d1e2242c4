import EnergyCalendar
import Foundation

/// Reads `[snapshots]` of `grid.toml`: either `start` + `count` (hourly, weight 1) or a CSV `file` with a
/// timestamp column and optional `objective`, `stores`, `generators` weight columns; always a `time_zone`.
struct SnapshotReader {
    let source: TOMLSource
    let directory: URL
    private(set) var problems: [GridIOError] = []

    init(source: TOMLSource, directory: URL) {
        self.source = source
        self.directory = directory
    }

    /// The time axis, `nil` after recording problems.
    mutating func read() -> TimeAxis? {
        problems += source.unknownKeys(at: "snapshots", allowed: ["time_zone", "start", "count", "file"])
        let zoneName: String
        do {
            zoneName = try source.string(at: "snapshots.time_zone")
        } catch {
            problems.append(error)
            return nil
        }
        guard let zone = TimeZone(identifier: zoneName) else {
            problems.append(source.error(at: "snapshots.time_zone", message: "unknown time zone", expected: "an IANA time zone such as Asia/Seoul", found: zoneName))
            return nil
        }
        if source.contains("snapshots.file") {
            return readFile(zone: zone)
        }
        do throws(GridIOError) {
            let startText = try source.string(at: "snapshots.start")
            let count = try source.int(at: "snapshots.count")
            guard let start = TimestampParser.parse(startText, timeZone: zone) else {
                throw source.error(at: "snapshots.start", message: "unparsable timestamp", expected: "an ISO-8601 time such as 2026-01-01T00:00", found: startText)
            }
            if TimestampParser.isSkippedWallTime(startText, timeZone: zone) {
                throw source.error(at: "snapshots.start", message: "nonexistent local time",
                                   expected: "a wall-clock time that exists in \(zone.identifier)", found: startText)
            }
            guard InputLimits.isSnapshotCount(count) else {
                throw source.error(
                    at: "snapshots.count", message: count > 0 ? "too many snapshots" : "no snapshots",
                    expected: "a count from 1 to \(InputLimits.maximumSnapshots) (ten years of hours)", found: String(count))
            }
            return .hourly(start: start, count: count, timeZone: zone)
        } catch {
            problems.append(error)
            return nil
        }
    }

    private mutating func readFile(zone: TimeZone) -> TimeAxis? {
        let table: CSVTable
        do throws(GridIOError) {
            let name = try source.string(at: "snapshots.file")
            table = try readCSV(directory.resolving(name))
        } catch {
            problems.append(error)
            return nil
        }
        let (dates, timestampProblems) = TimestampColumnCheck(table: table, column: 0, timeZone: zone).run()
        problems += timestampProblems
        guard timestampProblems.isEmpty else { return nil }
        guard dates.count <= InputLimits.maximumSnapshots else {
            problems.append(
                GridIOError(file: table.file, line: table.line(ofRow: InputLimits.maximumSnapshots), field: "snapshots.file", message: "too many snapshots",
                            expected: "at most \(InputLimits.maximumSnapshots) rows (ten years of hours)", found: "\(dates.count) rows"))
            return nil
        }
        let ones = [Double](repeating: 1, count: dates.count)
        do {
            return try TimeAxis(
                snapshots: dates.compactMap { $0 }, timeZone: zone, objectiveWeights: table.numericColumn("objective") ?? ones,
                storeWeights: table.numericColumn("stores") ?? ones, generatorWeights: table.numericColumn("generators") ?? ones)
        } catch {
            problems.append(GridIOError(file: table.file, field: error.field, message: "bad snapshot weights", expected: error.expected, found: error.found))
            return nil
        }
    }

    private func readCSV(_ url: URL) throws(GridIOError) -> CSVTable {
        do {
            return try NumericCSVReader.read(contentsOf: url, textColumns: [0])
        } catch {
            throw GridIOError(error)
        }
    }
}
