import ArgumentParser
import Planning

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

    @OptionGroup var uncertainty: UncertaintyOptions

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if keep < 1 { throw ValidationError("--keep must be at least 1, found \(keep)") }
        if !(wait >= 0 && wait <= 31_536_000) { throw ValidationError("--wait must be from 0 to 31536000 seconds (a year), found \(wait)") }
    }

    func run() throws {
        let recorder = RunRecorder()
        try ExitStatus.run(onFailure: { code, message in
            do {
                try recorder.recordFailure(exitCode: code.rawValue, message: message)
            } catch {
                ExitStatus.printError("error: the failed run could not be recorded: \(error)")
            }
        }) {
            let logger = logging.bootstrap()
            var run = ScheduledRun(grid: grid, folder: out, now: now, stateFile: state, historyFile: history,
                                   waitSeconds: wait, keep: keep, tariffs: DataDirectories.current().tariffs)
            run.scenarioMode = uncertainty.scenarios
            run.risk = uncertainty.risk
            print(try run.run(recorder: recorder, logger: logger))
        }
    }
}
