import ArgumentParser
import Foundation
import Planning

/// `re100 evaluate`: plans measured against actuals (docs/uncertainty.md): the committed runs of a history database,
/// or daily runs replayed on a grid whose histories hold the actuals, deterministic and scenario plans side by side.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure plans against actuals: the runs of a history database, or daily runs replayed on a grid.",
        discussion: """
            With a history database (re100 run's DIR/history.sqlite): every successful run whose first hour lies \
            between --from and --to and whose committed hours all have actual values (re100 actuals add) is kept \
            against them: its recorded decisions (storage, links, firm generators) as they can be kept, grid \
            import, curtailment and shedding as recourse at the real prices, the realised state carried from one \
            run to the next. Prints the realised cost, the perfect-foresight cost of the same hours (one LP on the \
            actuals), the regret and what each forecast series' errors cost. The grid is the one the runs \
            recorded, or --grid.

            With a grid folder: for each of --days days from --start, as re100 run would: forecast the grid's \
            forecast inputs from the history before the origin, plan 48 h deterministically and with --scenarios \
            quantile (its objective the expected cost, or with --cvar-level the expectation weighed with the CVaR), \
            keep each plan's decisions over the 24 committed hours against the actual values of the same \
            history files, and carry the realised state on. Prints both realised costs, the perfect-foresight \
            cost, the regret, its split between load and PV forecast errors, the value of the stochastic solution \
            and the energy of loads that may not be shed left unserved.

            Exit codes: 0 done, 64 usage (also a date not YYYY-MM-DD), 65 bad input (no database, no run with \
            actuals, no run in the dates, actuals missing, too few snapshots), 70 internal error.
            """)

    @Argument(help: "A history database (re100 run's history.sqlite), or a native grid folder whose forecast_from / p_max_pu_forecast_from histories hold the actuals of the whole period.")
    var target: String

    @Option(help: "History database: the first local date (YYYY-MM-DD) of the runs' first hours (default: the first run).")
    var from: String?

    @Option(help: "History database: the last local date (YYYY-MM-DD, inclusive) of the runs' first hours (default: the last run).")
    var to: String?

    @Option(help: "History database: the grid to re-dispatch on (default: the grid the runs recorded).")
    var grid: String?

    @Option(help: "Grid: the first origin, ISO-8601 (offset optional, read in the grid's time zone); must be a snapshot.")
    var start: String?

    @Option(help: "Grid: the number of daily runs.")
    var days: Int?

    @Option(help: ArgumentHelp(
        "Solver preset of every LP: a bundled name (default, fast, robust, mip) or a preset file (default: the compiled-in default).",
        valueName: "name|file.toml"))
    var solverConfig: String?

    @OptionGroup(title: "Grid: the scenario plans' objective") var riskOptions: RiskOptions

    @OptionGroup var logging: LoggingOptions

    /// A folder is a grid to replay; anything else is a history database.
    var replaysGrid: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func validate() throws {
        if replaysGrid {
            if from != nil || to != nil || grid != nil {
                throw ValidationError("--from, --to and --grid are for a history database; a grid folder takes --start and --days")
            }
            guard start != nil, let days else { throw ValidationError("replaying a grid needs --start and --days") }
            if !(1...3660).contains(days) { throw ValidationError("--days must be from 1 to 3660, found \(days)") }
        } else if start != nil || days != nil || riskOptions.isGiven {
            throw ValidationError("--start, --days, --cvar-level and --cvar-weight are for a grid folder; a history database takes --from and --to")
        }
        for (flag, date) in [("--from", from), ("--to", to)] {
            guard let date else { continue }
            let parts = date.split(separator: "-", omittingEmptySubsequences: false)
            if parts.map(\.count) != [4, 2, 2] || !parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
                throw ValidationError("\(flag) expects a date YYYY-MM-DD, found '\(date)'")
            }
        }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let data = DataDirectories.current()
            let (tariffs, solver) = (data.tariffs, try SolverPresetLoader.load(path: solverConfig, presets: data.solverPresets))
            guard replaysGrid, let start, let days else {
                let archive = try RunArchive(path: target, mustExist: true)
                let evaluation = HistoryEvaluation(archive: archive, grid: grid, from: from, to: to, tariffs: tariffs, solver: solver)
                print(try evaluation.run(logger: logger).lines.joined(separator: "\n"))
                return
            }
            let source = try GridSource.open(target, tariffs: tariffs, logger: logger)
            let first = try Horizon(start: start, hours: 1, in: source.network.timeAxis).firstHour
            let backtest = ScenarioBacktest(grid: source, firstHour: first, days: days, risk: riskOptions.risk, solver: solver)
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
