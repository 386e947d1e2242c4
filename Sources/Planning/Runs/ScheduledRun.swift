import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridIO
import Logging
import Reporting

/// One scheduled run (`re100 run`, docs/operations.md): under the folder's lock, plan the next `horizonHours`
/// from the clock with the carried state (refused when it is not valid from the run's first hour), write the result
/// folder with its report, publish it as `current`, record it in the run archive and hand the state after
/// `stateAfterHours` to the next run. Targets hold over the calendar year, tracked year to date in the state; each run
/// gets the rest of each target spread over the year's remaining hours (`.calendarYear`, `.proRata`).
public struct ScheduledRun: Sendable {
    /// Hours each run plans ahead.
    public static let horizonHours = 48
    /// The state handed to the next run is the plan's state after this many hours (the next daily run).
    public static let stateAfterHours = 24

    /// The grid's path as given.
    public var grid: String
    /// The output folder: `runs/`, `current`, `state.json`, `history.sqlite`, `.re100.lock`.
    public var folder: String
    /// The run's clock as ISO-8601 text read in the grid's zone; nil for the next full hour.
    public var now: String?
    /// The state file (nil: `folder/state.json`).
    public var stateFile: String?
    /// The run archive database (nil: `folder/history.sqlite`).
    public var historyFile: String?
    /// Seconds to wait for another run's lock.
    public var waitSeconds: Double
    /// Runs kept in `runs/`.
    public var keep: Int
    /// Where tariffs named by bare name are found.
    public var tariffs: NamedFileCatalog
    /// Deterministic, or the forecast quantiles as scenarios sharing the 24 committed hours (docs/uncertainty.md).
    public var scenarioMode: ScenarioMode = .deterministic
    /// What a scenario dispatch minimises.
    public var risk: RiskMeasure = .expectation

    /// A run of `grid` into `folder`.
    public init(grid: String, folder: String, now: String? = nil, stateFile: String? = nil, historyFile: String? = nil,
                waitSeconds: Double = 0, keep: Int = 30, tariffs: NamedFileCatalog) {
        self.grid = grid
        self.folder = folder
        self.now = now
        self.stateFile = stateFile
        self.historyFile = historyFile
        self.waitSeconds = waitSeconds
        self.keep = keep
        self.tariffs = tariffs
    }

    /// Runs it and returns the published run's id. `recorder` records the run in the run archive once it
    /// is opened (after the lock); the caller reports a failure to it with its exit code.
    /// - Throws: `PlanningError` (`.lockHeld` when another run holds the lock), `DispatchFailure` when the plan is
    ///   not optimal (nothing is published), `RunArchiveError`, and what reading the grid and its inputs throws.
    public func run(recorder: RunRecorder, logger: Logger) throws -> String {
        try ResultFolder.createDirectory(folder)
        let lock = try RunLock(path: folder + "/.re100.lock", waitSeconds: waitSeconds)
        defer { withExtendedLifetime(lock) {} }
        try recorder.open(historyFile ?? folder + "/history.sqlite", grid: grid)
        let statePath = stateFile ?? folder + "/state.json"
        let directory = RunDirectory(path: folder, statePath: statePath)
        try ResultFolder.createDirectory(directory.runsPath)
        for line in directory.recover(published: try recorder.publishedFolders()) { logger.warning("recovery: \(line)") }
        let source = try GridSource.open(grid, tariffs: tariffs, logger: logger)
        recorder.loaded(source)
        let axis = source.network.timeAxis
        let clock = try self.clock(in: axis)
        guard let first = axis.snapshots.firstIndex(where: { $0 >= clock }) else {
            throw PlanningError.noSnapshotAfterClock(path: grid, clock: ReportFormat.timestamp(clock, timeZone: axis.timeZone))
        }
        let horizon = try Horizon(firstHour: first, hourCount: min(Self.horizonHours, axis.count - first),
                                  snapshotCount: axis.count)
        let start = axis.snapshots[first]
        recorder.planned(clock: clock, firstHour: start, hours: horizon.hourCount)
        let state = try StateFile.read(statePath)
        if let state, let problem = StateFile.problems(of: state, for: source.network).first {
            throw PlanningError.badInput("\(statePath): field '\(problem.field)': expected \(problem.expected), found \(problem.found)")
        }
        if let state {
            try Self.checkValidFrom(state, path: statePath, firstHour: start, timeZone: axis.timeZone, logger: logger)
        }
        var job = DispatchJob(grid: source, horizon: horizon, initialState: state,
                              stateAfterHours: Self.stateAfterHours, targetPeriod: .calendarYear, guide: .proRata)
        job.scenarioMode = scenarioMode
        job.risk = risk
        let solved = try job.run(logger: logger)
        try recorder.check(solved)
        let id = directory.newRunID(Self.runStamp(start, timeZone: axis.timeZone))
        let staging = directory.stagingPath(id)
        do {
            try ResultFolder.write(solved, to: staging, report: true)
            let state = try Self.encode(solved.result.finalState)
            try AtomicFile.write(state, to: staging + "/state.json")
            if let stagedState = directory.stagedStatePath(id) { try AtomicFile.write(state, to: stagedState) }
            FolderReplacement.sync(staging)
            RunDirectory.reached(.staged)
            try recorder.publish(folder: id) {
                if try !directory.publish(staging: staging, id: id) {
                    logger.warning("run \(id) is published but \(statePath) could not be updated; the next run updates it first")
                }
            }
        } catch {
            // Nothing half-published stays: the archive row (if committed) is marked failed by the caller, so the
            // folders of this run go, and `current` and the state file still show the previous run.
            try? FileManager.default.removeItem(atPath: staging)
            if let stagedState = directory.stagedStatePath(id) { try? FileManager.default.removeItem(atPath: stagedState) }
            if directory.currentRun != id { try? FileManager.default.removeItem(atPath: directory.runsPath + "/" + id) }
            throw error
        }
        do {
            try directory.prune(keep: keep)
        } catch {
            // The run is published and recorded; a failed clean-up must not mark it failed (recovery would then
            // point `current` back at the previous run). The next run prunes again.
            logger.warning("run \(id) is published, but old runs could not be removed: \(error)")
        }
        logger.notice("run \(id): \(horizon.hourCount) h from \(ReportFormat.timestamp(start, timeZone: axis.timeZone)), published as \(directory.currentPath)")
        return id
    }

    /// `now`, or the next full hour.
    private func clock(in axis: TimeAxis) throws(PlanningError) -> Date {
        guard let now else {
            let seconds = Date().timeIntervalSince1970
            return Date(timeIntervalSince1970: (seconds / 3600).rounded(.up) * 3600)
        }
        guard let date = TimestampParser.parse(now, timeZone: axis.timeZone) else { throw .clockNotATimestamp(now) }
        return date
    }

    /// `yyyyMMddTHHmm` in the grid's time zone.
    public static func runStamp(_ date: Date, timeZone: TimeZone) -> String {
        let time = LocalCalendar(timeZone: timeZone, holidays: .none).localTime(date)
        let minutes = Calendar(identifier: .gregorian).component(.minute, from: date)
        return String(format: "%04d%02d%02dT%02d%02d", time.year, time.month, time.day, time.hour, minutes)
    }

    /// Refuses a state that is not for the run's first hour: the state of the run before this one is valid from the
    /// hour after its committed hours, which must be `firstHour`. A state without `valid_from` (written by an
    /// earlier re100) cannot be checked: it is used with a warning.
    /// - Throws: `PlanningError.badInput` (exit 65) naming the file, the field, the hour the state is valid from
    ///   and the run's first hour, both in `timeZone`.
    public static func checkValidFrom(_ state: DispatchState, path: String, firstHour: Date, timeZone: TimeZone,
                                      logger: Logger) throws(PlanningError) {
        let first = ReportFormat.timestamp(firstHour, timeZone: timeZone)
        guard let validFrom = state.validFrom else {
            logger.warning("\(path): no field 'valid_from' (a state written by an earlier re100): used for the run from \(first) without checking the hour it is valid from")
            return
        }
        guard abs(validFrom.timeIntervalSince(firstHour)) >= 1 else { return }
        let valid = ReportFormat.timestamp(validFrom, timeZone: timeZone)
        throw .badInput("\(path): field 'valid_from': expected the run's first hour \(first), found \(valid) (the "
            + "state is valid from \(valid); run with --now \(valid), or pass --state with the state valid from \(first))")
    }

    /// The state as `state.json` holds it: pretty-printed JSON with sorted keys, instants as ISO-8601 (UTC) and a
    /// final newline; the same state always gives the same bytes.
    public static func encode(_ state: DispatchState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(state) + Data("\n".utf8)
    }
}
