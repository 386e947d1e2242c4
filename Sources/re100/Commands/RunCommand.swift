import ArgumentParser
import DispatchOptimizer
import EnergyCalendar
import Foundation
import LinearProgramming
import Reporting

/// `re100 run`: one scheduled run for cron or a systemd timer (docs/operations.md).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "One scheduled run: forecast, re-optimise from the carried state, publish DIR/current.",
        discussion: """
            Dispatches the next 48 hours from --now (default: the next full hour in the grid's time zone), with \
            loads declared forecast_from and generators declared p_max_pu_forecast_from forecast from their \
            history (refused when older than the grid's forecasting.max_input_age_hours) and storage energy and the month's billing peak \
            taken from the state file (the new state is the plan's after 24 hours, where the next daily run \
            starts). Writes schedule.csv, prices.csv, summary.json, forecasts.csv (when anything was forecast) and \
            report.html into DIR/runs/<run-id>/, then atomically points DIR/current at it and writes the new state. Nothing is \
            published when the run fails. Takes flock on DIR/.re100.lock: exit 75 when another run holds it. \
            Every run after the lock is recorded in the history database (--history, default \
            DIR/history.sqlite): a successful one with its KPIs, forecasts and schedule in the same transaction \
            as its publication, a failed one with its exit code and error; a database that cannot be written \
            is exit 70 and nothing is published.
            """)

    @Argument(help: "A grid folder with grid.toml, a PyPSA CSV folder, or a MATPOWER .m file.")
    var grid: String

    @Option(help: "Output folder: runs/, current, state.json.")
    var out: String

    @Option(help: "The run's clock time, ISO-8601 (default: the next full hour in the grid's time zone).")
    var now: String?

    @Option(help: "State file (default: DIR/state.json).")
    var state: String?

    @Option(help: "History database, SQLite (default: DIR/history.sqlite).")
    var history: String?

    @Option(help: "Seconds to wait for another run's lock before exit 75 (default 0).")
    var wait: Double = 0

    @Option(help: "How many runs to keep in DIR/runs (default 30).")
    var keep: Int = 30

    @OptionGroup var logging: LoggingOptions

    /// Hours each run plans ahead.
    static let horizonHours = 48
    /// The state handed to the next run is the plan's state after this many hours (the next daily run).
    static let stateAfterHours = 24

    func validate() throws {
        if keep < 1 { throw ValidationError("--keep must be at least 1, found \(keep)") }
        if wait < 0 { throw ValidationError("--wait must be at least 0, found \(wait)") }
    }

    func run() throws {
        let recorder = RunRecorder()
        try ExitStatus.run(onFailure: recorder.recordFailure) {
            let logger = logging.bootstrap()
            try ResultWriter.createDirectory(out)
            let lock = try RunLock(path: out + "/.re100.lock", waitSeconds: wait)
            defer { withExtendedLifetime(lock) {} }
            try recorder.open(history ?? out + "/history.sqlite", grid: grid)
            let directory = RunDirectory(path: out)
            try ResultWriter.createDirectory(directory.runsPath)
            let loaded = try GridLoader.load(grid, scenarios: [], logger: logger)
            recorder.loaded(loaded)
            let axis = loaded.network.timeAxis
            let clock = try runClock(axis)
            guard let first = axis.snapshots.firstIndex(where: { $0 >= clock }) else {
                throw ExitStatus.InputError(message: "\(grid): no snapshot at or after \(ReportFormat.timestamp(clock, timeZone: axis.timeZone))")
            }
            let hours = min(Self.horizonHours, axis.count - first)
            recorder.planned(clock: clock, firstHour: axis.snapshots[first], hours: hours)
            let input = try GridInputOptions.parse([grid, "--start", ReportFormat.timestamp(axis.snapshots[first], timeZone: axis.timeZone),
                                                    "--hours", String(hours)])
            let statePath = state ?? out + "/state.json"
            let carried = try RunDirectory.readState(statePath)
            let solved = try ResultWriter.solve(loaded, input: input, window: RollingWindowOptions.parse([]), solver: SolverOptions(),
                                                solverPresetFile: nil, initialState: carried,
                                                stateAfterHours: Self.stateAfterHours, logger: logger)
            try recorder.check(solved)
            let id = directory.newRunID(Self.runStamp(axis.snapshots[first], timeZone: axis.timeZone))
            let staging = directory.runsPath + "/.staging-" + id
            try ResultWriter.write(solved, to: staging)
            try AtomicFile.write(ResultDirectory.report(staging, network: loaded.network, firstHour: first).render(),
                                 to: staging + "/report.html")
            try recorder.publish(folder: id) { try directory.publish(staging: staging, id: id) }
            try AtomicFile.write(Self.encode(solved.result.finalState), to: statePath)
            try directory.prune(keep: keep)
            logger.notice("run \(id): \(hours) h from \(ReportFormat.timestamp(axis.snapshots[first], timeZone: axis.timeZone)), published as \(directory.currentPath)")
            print(id)
        }
    }

    /// `--now`, or the next full hour.
    private func runClock(_ axis: TimeAxis) throws -> Date {
        guard let now else {
            let seconds = Date().timeIntervalSince1970
            return Date(timeIntervalSince1970: (seconds / 3600).rounded(.up) * 3600)
        }
        guard let date = TimestampParser.parse(now, timeZone: axis.timeZone) else {
            throw ExitStatus.UsageError(message: "--now: expected an ISO-8601 time such as 2026-01-05T00:00, found '\(now)'")
        }
        return date
    }

    /// `yyyyMMddTHHmm` in the grid's time zone.
    static func runStamp(_ date: Date, timeZone: TimeZone) -> String {
        let time = LocalCalendar(timeZone: timeZone, holidays: .none).localTime(date)
        let minutes = Calendar(identifier: .gregorian).component(.minute, from: date)
        return String(format: "%04d%02d%02dT%02d%02d", time.year, time.month, time.day, time.hour, minutes)
    }

    static func encode(_ state: DispatchState) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(state) + Data("\n".utf8)
    }
}
