/// Why the planning pipeline could not do what was asked, in the pipeline's own words: the CLI maps each case to
/// its exit code and adds the name of the flag that carried a value (`--start`, `--solver-config`) when it reports.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The grid path names no file or folder.
    case noSuchGrid(path: String)
    /// The path exists but is no grid of a known format (native folder, PyPSA CSV folder, MATPOWER `.m` file).
    case notAGrid(path: String)
    /// Scenario overlays were given for a grid format that has none (PyPSA, MATPOWER).
    case overlaysNeedNativeGrid
    /// The horizon's start is not an ISO-8601 time.
    case startNotATimestamp(String)
    /// The horizon's start is a wall-clock time that does not exist in the grid's zone (clocks skip it).
    case startSkippedByClockChange(start: String, timeZone: String)
    /// The run's clock is not an ISO-8601 time.
    case clockNotATimestamp(String)
    /// The horizon's start is a time but no snapshot of the grid; `snapshots` is the axis' range as text.
    case startNotASnapshot(start: String, snapshots: String)
    /// `count` hours from snapshot `first` (0-based) run past the `total` snapshots of the grid.
    case horizonBeyondSnapshots(first: Int, count: Int, total: Int)
    /// A rolling window of `window` hours for a horizon of only `hours` (windows are no longer than the horizon).
    case windowLongerThanHorizon(window: Int, hours: Int)
    /// No snapshot of the grid at `path` lies at or after the run's clock (`clock` as text).
    case noSnapshotAfterClock(path: String, clock: String)
    /// A bare solver-preset name that no data folder has; `searched` lists the folders and names available.
    case unknownSolverPreset(name: String, searched: String)
    /// A date that is not `YYYY-MM-DD`.
    case notADate(String)
    /// No forecast origin (00:00) lies between the first and last date of a backtest.
    case noOriginBetweenDates
    /// Input data that cannot be used (a stale forecast input, an unknown model, an unreadable file, a result
    /// folder that is not one), with the file and line where known.
    case badInput(String)
    /// Another process holds the run lock at `path`.
    case lockHeld(path: String)
    /// A file or folder that could not be written or created (the inputs were fine).
    case cannotWrite(path: String, reason: String)
    /// An output folder that exists and holds files a result folder does not have (`found`), so replacing it as
    /// a whole would delete them.
    case notAResultFolder(path: String, found: String)

    /// The problem for people, without any command-line flag name.
    public var description: String {
        switch self {
        case .noSuchGrid(let path):
            return "\(path): no such file or folder"
        case .notAGrid(let path):
            return "\(path): not a grid (expected a folder with grid.toml, a PyPSA CSV folder with buses.csv and "
                + "snapshots.csv, or a MATPOWER .m file)"
        case .overlaysNeedNativeGrid:
            return "overlays apply to native grids (grid.toml) only"
        case .startNotATimestamp(let text):
            return "expected an ISO-8601 time such as 2026-01-05T00:00, found '\(text)'"
        case .startSkippedByClockChange(let start, let timeZone):
            return "\(start) does not exist in \(timeZone): clocks skip that hour (daylight-saving time); give an existing "
                + "time or an offset"
        case .clockNotATimestamp(let text):
            return "expected an ISO-8601 time such as 2026-01-05T00:00, found '\(text)'"
        case .startNotASnapshot(let start, let snapshots):
            return "\(start) is not a snapshot of the grid (snapshots \(snapshots))"
        case .horizonBeyondSnapshots(let first, let count, let total):
            return "\(count) hours from snapshot \(first) exceed the grid's \(total) snapshots"
        case .windowLongerThanHorizon(let window, let hours):
            return "expected a window of at most the horizon's \(hours) hours, found \(window)"
        case .noSnapshotAfterClock(let path, let clock):
            return "\(path): no snapshot at or after \(clock)"
        case .unknownSolverPreset(let name, let searched):
            return "no preset named '\(name)'; expected a preset file path or \(searched)"
        case .notADate(let text):
            return "expected a date YYYY-MM-DD, found '\(text)'"
        case .noOriginBetweenDates:
            return "no 00:00 origin between the dates"
        case .badInput(let message):
            return message
        case .lockHeld(let path):
            return "another re100 run holds \(path)"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .notAResultFolder(let path, let found):
            return "\(path): not a result folder (it holds \(found)); expected a new folder or one written by re100"
        }
    }
}
