import ArgumentParser
import Planning
import Reporting

/// `re100 dispatch`: the least-cost hourly schedule of a grid, with prices and KPIs.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Dispatch a grid at least cost: hourly schedule, prices and KPIs.",
        discussion: """
            With --out, writes DIR/schedule.csv, DIR/prices.csv and DIR/summary.json (docs/outputs.md). stdout \
            carries the result in --format: the KPI table, the schedule CSV or the summary JSON. Exit codes: 0 optimal, \
            1 infeasible or unbounded, 2 time or iteration limit, 64 usage, 65 bad input, 70 internal error.
            """)

    @OptionGroup var input: GridInputOptions

    @OptionGroup var windows: RollingWindowOptions

    @OptionGroup var overlays: ScenarioOptions

    @Option(help: ArgumentHelp(
        "Solver preset: a bundled name (default, fast, robust, mip) or a preset file (default: the compiled-in default).",
        valueName: "name|file.toml"))
    var solverConfig: String?

    @OptionGroup var uncertainty: UncertaintyOptions

    @Flag(help: "Solve unit commitment as a MILP (windows of at most 168 hours).")
    var commitment = false

    @Option(help: "Output directory for schedule.csv, prices.csv and summary.json.")
    var out: String?

    @Option(help: "What stdout carries: table (KPIs), csv (schedule.csv) or json (summary.json).")
    var format: OutputFormat = .table

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if uncertainty.scenarios == .quantile && (windows.window != nil || commitment) {
            throw ValidationError("--scenarios quantile solves one LP: it cannot be combined with --window or --commitment")
        }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let data = DataDirectories.current()
            let grid = try GridSource.open(input.grid, scenarios: overlays.scenarios, tariffs: data.tariffs, logger: logger)
            let solverOptions = try SolverPresetLoader.load(path: solverConfig, presets: data.solverPresets)
            logger.info("dispatching \(input.grid) (\(grid.format.rawValue), \(grid.network.timeAxis.count) snapshots)")
            var job = DispatchJob(grid: grid, horizon: try input.horizon(in: grid.network.timeAxis), windows: windows.windows,
                                  solver: solverOptions, solverPresetFile: solverConfig, commitment: commitment)
            job.scenarioMode = uncertainty.scenarios
            job.risk = uncertainty.risk
            // A bar for rolling windows only: one LP has nothing to count.
            let bar = windows.window == nil ? nil : ProgressBar.terminal(label: "dispatch", logging: logging)
            let solved: SolvedDispatch
            do {
                defer { bar?.finish() }
                solved = try job.run(progress: bar?.callback, logger: logger)
            }
            let result = solved.result
            if let out { try ResultFolder.writeWhole(solved, to: out) }
            switch format {
            case .table: print(KPITable.render(result, currency: solved.currency, timeZone: solved.timeZone), terminator: "")
            case .csv: print(ScheduleCSV.render(result, timeZone: solved.timeZone), terminator: "")
            case .json: print(solved.summaryJSON, terminator: "")
            }
            logger.info("build \(result.timings.buildSeconds) s, solve \(result.timings.solveSeconds) s, extract \(result.timings.extractSeconds) s")
            try ExitStatus.check(result)
        }
    }
}
