import ArgumentParser
import DispatchOptimizer
import GridIO
import Foundation
import LinearProgramming
import Logging
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

    @Option(help: "Rolling-window length in hours (needs --step).")
    var window: Int?

    @Option(help: "Hours committed per rolling window (needs --window; at most --window).")
    var step: Int?

    @OptionGroup var overlays: ScenarioOptions

    @Option(help: "Solver preset file (default: the compiled-in solver-configs/default.toml).")
    var solverConfig: String?

    @Flag(help: "Solve unit commitment as a MILP (windows of at most 168 hours).")
    var commitment = false

    @Option(help: "Output directory for schedule.csv, prices.csv and summary.json.")
    var out: String?

    @Option(help: "What stdout carries: table (KPIs), csv (schedule.csv) or json (summary.json).")
    var format: OutputFormat = .table

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        switch (window, step) {
        case (nil, nil): break
        case (.some, nil): throw ValidationError("--window needs --step")
        case (nil, .some): throw ValidationError("--step needs --window")
        case let (window?, step?):
            guard window >= 1, step >= 1, step <= window else {
                throw ValidationError("expected 1 ≤ --step ≤ --window, found --window \(window) --step \(step)")
            }
        }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let grid = try GridLoader.load(input.grid, scenarios: overlays.scenarios, logger: logger)
            let solverOptions = try solverConfig.map { path throws in
                try SolverPresetLoader.load(contentsOf: URL(fileURLWithPath: path))
            } ?? SolverOptions()
            var network = grid.network
            let firstHour = try input.firstHour(in: network.timeAxis)
            try LoadForecastFiller.fill(&network, gridDirectory: GridValidation.gridDirectory(URL(fileURLWithPath: input.grid)),
                                        firstHour: firstHour,
                                        hourCount: input.hours ?? (network.timeAxis.count - firstHour), logger: logger)
            let options = DispatchOptions(
                firstHour: firstHour, hourCount: input.hours, window: window, step: step,
                solver: solverOptions, commitment: commitment)
            logger.info("dispatching \(input.grid) (\(grid.format), \(network.timeAxis.count) snapshots)")
            let solver = GLPKSolver(log: { [logger] line in logger.debug("glpk: \(line)") })
            let result = try DispatchOptimizer.dispatch(network, options: options, solver: solver)
            let provenance = RunProvenance(
                re100Version: RE100Version.current, glpkVersion: GLPKSolver.version, grid: grid.fingerprint,
                gridFormat: grid.format, currency: network.currency, timeZone: network.timeAxis.timeZone.identifier,
                scenarios: grid.scenarios, solverPresetFile: solverConfig, solverOptions: solverOptions)
            let zone = network.timeAxis.timeZone
            let summary = try RunSummary(result: result, provenance: provenance, timeZone: zone).json()
            if let out {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                if !result.timestamps.isEmpty {
                    try AtomicFile.write(ScheduleCSV.render(result, timeZone: zone), to: out + "/schedule.csv")
                    try AtomicFile.write(PricesCSV.render(result, timeZone: zone), to: out + "/prices.csv")
                }
                try AtomicFile.write(summary, to: out + "/summary.json")
            }
            switch format {
            case .table: print(KPITable.render(result, currency: network.currency, timeZone: zone), terminator: "")
            case .csv: print(ScheduleCSV.render(result, timeZone: zone), terminator: "")
            case .json: print(summary, terminator: "")
            }
            logger.info("build \(result.timings.buildSeconds) s, solve \(result.timings.solveSeconds) s, extract \(result.timings.extractSeconds) s")
            try ExitStatus.check(result)
        }
    }
}
