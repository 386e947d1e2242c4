import ArgumentParser
import Planning

/// `re100 evaluate`: daily runs replayed against actuals, deterministic and scenario plans side by side
/// (docs/uncertainty.md, "Backtest").
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Replay daily runs against actuals: deterministic vs scenario plans, regret, value of the stochastic solution.",
        discussion: """
            For each of --days days from --start, as re100 run would: forecast the grid's forecast inputs from the \
            history before the origin, plan 48 h deterministically and with --scenarios quantile, keep each plan's \
            decisions (storage, links, firm generators) over the 24 committed hours against the actual values of \
            the same history files (grid import, curtailment and shedding as recourse), and carry the realised \
            state on. Prints the realised cost of both, the perfect-foresight cost (one LP on the actuals), the \
            regret, its split between load and PV forecast errors, the value of the stochastic solution and the \
            energy of loads that may not be shed left unserved. Exit codes: 0 done, 64 usage, 65 bad input \
            (actuals missing, too few snapshots), 70 internal error.
            """)

    @Argument(help: "A native grid whose forecast_from / p_max_pu_forecast_from histories hold the actuals of the whole period.")
    var grid: String

    @Option(help: "First origin, ISO-8601 (offset optional, read in the grid's time zone); must be a snapshot.")
    var start: String

    @Option(help: "Number of daily runs.")
    var days: Int

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if !(1...3660).contains(days) { throw ValidationError("--days must be from 1 to 3660, found \(days)") }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let source = try GridSource.open(grid, tariffs: DataDirectories.current().tariffs, logger: logger)
            let first = try Horizon(start: start, hours: 1, in: source.network.timeAxis).firstHour
            let backtest = ScenarioBacktest(grid: source, firstHour: first, days: days)
            let bar = ProgressBar.terminal(label: "evaluate", logging: logging)
            let report: BacktestReport
            do {
                defer { bar?.finish() }
                report = try backtest.run(logger: logger, progress: bar?.callback)
            }
            print(report.lines.joined(separator: "\n"))
        }
    }
}
