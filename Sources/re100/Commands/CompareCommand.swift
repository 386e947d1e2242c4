import ArgumentParser
import Foundation
import Planning
import Reporting

/// `re100 compare`: solves the base grid and the grid with each overlay applied alone, in parallel, and compares
/// their KPIs (docs/cli.md, docs/outputs.md).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenario overlays with the base grid: KPIs and differences to the base.",
        discussion: """
            Solves the base grid and the grid with each --scenario applied alone on the base (not stacked), --jobs \
            at a time. Rows: base first, then the scenarios in the order given, each named after its file without \
            the extension. With --out, writes DIR/comparison.csv, DIR/comparison.json, DIR/report.html and each \
            scenario's schedule.csv, prices.csv, summary.json and report.html in DIR/<scenario>/ (DIR/base/ for the base). \
            --base-scenario overlays apply to the base and under each scenario. Scenarios whose overlay has a [study] \
            table (x, x_title, series) are also shown as cost per MWh against x, one line per series with its \
            least-squares slope (table, comparison.json curves, report chart). Exit codes: 0 \
            every scenario optimal; 1 a scenario infeasible or unbounded; otherwise the code of the first failed \
            scenario (2 time limit, 65 bad input, 70 internal); failed scenarios are named on stderr and in the \
            status/error fields. 64 usage, 65 bad input before any solve.
            """)

    @OptionGroup var input: GridInputOptions

    @OptionGroup var windows: RollingWindowOptions

    @Option(name: .customLong("base-scenario"),
            help: "An overlay applied to the base and under every --scenario, before it (repeatable), e.g. a CFE target.")
    var baseScenarios: [String] = []

    @Option(name: .customLong("scenario"),
            help: "An overlay compared with the base, each applied alone on the base (repeatable; at least one).")
    var scenarios: [String] = []

    @Option(help: "Scenarios solved at the same time (default: the number of cores).")
    var jobs: Int?

    /// `--jobs`, or the number of cores.
    var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(help: ArgumentHelp(
        "Solver preset: a bundled name (default, fast, robust, mip) or a preset file (default: the compiled-in default).",
        valueName: "name|file.toml"))
    var solverConfig: String?

    @Option(help: "Output directory for comparison.csv, comparison.json and one result folder per scenario.")
    var out: String?

    @Option(help: "What stdout carries: table, csv (comparison.csv) or json (comparison.json).")
    var format: OutputFormat = .table

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("compare needs at least one --scenario") }
        if let jobs, !(1...1024).contains(jobs) { throw ValidationError("--jobs must be from 1 to 1024, found \(jobs)") }
        let names = scenarios.map(ScenarioComparisonJob.scenarioName)
        var seen: Set<String> = [ScenarioComparisonJob.baseName]
        for (name, path) in zip(names, scenarios) where !seen.insert(name).inserted {
            throw ValidationError("--scenario \(path): the name '\(name)' is already taken (names are file stems; "
                + "'base' is the base grid's)")
        }
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let data = DataDirectories.current()
            let solverOptions = try SolverPresetLoader.load(path: solverConfig, presets: data.solverPresets)
            let comparison = try ScenarioComparisonJob(
                grid: input.grid, common: baseScenarios, scenarios: scenarios, start: input.start, hours: input.hours, windows: windows.windows,
                solver: solverOptions, solverPresetFile: solverConfig, tariffs: data.tariffs, logger: logger)
            let names = comparison.names
            logger.info("comparing \(names.count) scenarios of \(input.grid) on \(min(jobCount, names.count)) threads")
            let bar = ProgressBar.terminal(label: "compare", total: names.count, logging: logging)
            let outcomes = comparison.run(threads: jobCount, logger: logger) { index, outcome in
                if case .solved(let solved) = outcome {
                    let timings = solved.result.timings
                    logger.info("scenario \(names[index]): \(solved.result.status.rawValue) (build \(timings.buildSeconds) s, solve \(timings.solveSeconds) s)")
                    bar?.advance(failed: solved.result.status != .optimal)
                } else {
                    bar?.advance(failed: true)
                }
            }
            bar?.finish()
            let (table, failures) = comparison.comparison(outcomes) { ExitStatus.classify($0).message }
            var codes: [Int32] = []
            for (name, failure) in failures {
                let code: ExitCode, lines: [String]
                switch failure {
                case .notOptimal(let failure): (code, lines) = (ExitStatus.code(of: failure), failure.lines)
                case .error(let error):
                    let classified = ExitStatus.classify(error)
                    (code, lines) = (classified.code, [classified.message])
                case .noResult: (code, lines) = (ExitStatus.internalError, ["internal error: no result"])
                }
                codes.append(code.rawValue)
                ExitStatus.printError("scenario \(name): " + lines[0])
                for line in lines.dropFirst() { ExitStatus.printError(line) }
            }
            if let out { try comparison.write(table, outcomes: outcomes, to: out) }
            switch format {
            case .table: print(table.table(), terminator: "")
            case .csv: print(table.csv(), terminator: "")
            case .json: print(try table.json(), terminator: "")
            }
            if let code = Self.exitCode(codes) {
                ExitStatus.printError("error: \(table.failed.count) of \(table.rows.count) scenarios failed: "
                    + table.failed.map(\.scenario).joined(separator: ", "))
                throw ExitCode(code)
            }
        }
    }

    /// The command's exit code from the failed scenarios' codes in row order: 1 when any was infeasible or
    /// unbounded, else the first one's; nil when none failed.
    static func exitCode(_ codes: [Int32]) -> Int32? {
        codes.contains(ExitStatus.infeasible.rawValue) ? ExitStatus.infeasible.rawValue : codes.first
    }
}
