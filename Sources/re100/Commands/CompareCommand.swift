import ArgumentParser
import DispatchOptimizer
import Forecasting
import Foundation
import LinearProgramming
import Logging
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
            scenario's schedule.csv, prices.csv, summary.json and report.html in DIR/<scenario>/ (DIR/base/ for the base). Exit codes: 0 \
            every scenario optimal; 1 a scenario infeasible or unbounded; otherwise the code of the first failed \
            scenario (2 time limit, 65 bad input, 70 internal); failed scenarios are named on stderr and in the \
            status/error fields. 64 usage, 65 bad input before any solve.
            """)

    @OptionGroup var input: GridInputOptions

    @OptionGroup var windows: RollingWindowOptions

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
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        let names = scenarios.map(Self.scenarioName)
        var seen: Set<String> = ["base"]
        for (name, path) in zip(names, scenarios) where !seen.insert(name).inserted {
            throw ValidationError("--scenario \(path): the name '\(name)' is already taken (names are file stems; "
                + "'base' is the base grid's)")
        }
    }

    /// The row and folder name of an overlay: its file name without the extension.
    static func scenarioName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// How one scenario ended: solved (whatever the status), or an error before or during the solve.
    private enum Outcome: Sendable {
        case solved(SolvedDispatch)
        case failed(code: Int32, message: String)
    }

    func run() throws {
        try ExitStatus.run {
            let logger = logging.bootstrap()
            let solverOptions = try SolverPresetLoader.load(path: solverConfig, presets: DataDirectories.current().solverPresets)
            // Read every grid first, so bad input fails (exit 65) before any solve.
            let names = ["base"] + scenarios.map(Self.scenarioName)
            let grids = try ([[]] + scenarios.map { [$0] }).map { overlays in
                try GridLoader.load(input.grid, scenarios: overlays, logger: logger)
            }
            _ = try input.firstHour(in: grids[0].network.timeAxis)  // a --start that is no snapshot: exit 64 once
            logger.info("comparing \(grids.count) scenarios of \(input.grid) on \(min(jobCount, grids.count)) threads")
            let (horizon, rolling, presetFile) = (input, windows, solverConfig)
            let bar = ProgressBar.terminal(label: "compare", total: grids.count, logging: logging)
            let outcomes = ParallelSlots.map(count: grids.count, threads: jobCount) { index -> Outcome in
                do {
                    let solved = try ResultWriter.solve(grids[index], input: horizon, window: rolling, solver: solverOptions,
                                                        solverPresetFile: presetFile, logger: logger)
                    let timings = solved.result.timings
                    let status = solved.result.status.rawValue
                    logger.info("scenario \(names[index]): \(status) (build \(timings.buildSeconds) s, solve \(timings.solveSeconds) s)")
                    bar?.advance(failed: solved.result.status != .optimal)
                    return .solved(solved)
                } catch {
                    bar?.advance(failed: true)
                    let (code, message) = ExitStatus.classify(error)
                    return .failed(code: code.rawValue, message: message)
                }
            }.results
            bar?.finish()
            var rows: [ScenarioComparison.Row] = []
            var codes: [Int32] = []
            for (index, (name, outcome)) in zip(names, outcomes).enumerated() {
                switch outcome {
                case .solved(let solved)?:
                    let failure = ExitStatus.failure(of: solved.result)
                    if let failure {
                        codes.append(failure.code.rawValue)
                        ExitStatus.printError("scenario \(name): " + failure.lines[0])
                        for line in failure.lines.dropFirst() { ExitStatus.printError(line) }
                    }
                    rows.append(ScenarioComparison.Row(scenario: name, result: solved.result,
                                                       error: failure.map { Self.errorText($0.lines[0]) }))
                    if let out { try Self.write(solved, grid: grids[index], input: input, to: out + "/" + name) }
                case .failed(let code, let message)?:
                    codes.append(code)
                    ExitStatus.printError("scenario \(name): " + message)
                    rows.append(ScenarioComparison.Row(scenario: name, error: Self.errorText(message)))
                case nil:
                    codes.append(ExitStatus.internalError.rawValue)
                    ExitStatus.printError("scenario \(name): internal error: no result")
                    rows.append(ScenarioComparison.Row(scenario: name, error: "internal error: no result"))
                }
            }
            let comparison = ScenarioComparison(currency: grids[0].network.currency, rows: rows)
            let json = try comparison.json()
            if let out {
                try ResultWriter.createDirectory(out)
                try AtomicFile.write(comparison.csv(), to: out + "/comparison.csv")
                try AtomicFile.write(json, to: out + "/comparison.json")
                try AtomicFile.write(ComparisonDirectory.report(out).render(), to: out + "/report.html")
            }
            switch format {
            case .table: print(comparison.table(), terminator: "")
            case .csv: print(comparison.csv(), terminator: "")
            case .json: print(json, terminator: "")
            }
            if let code = Self.exitCode(codes) {
                ExitStatus.printError("error: \(comparison.failed.count) of \(rows.count) scenarios failed: "
                    + comparison.failed.map(\.scenario).joined(separator: ", "))
                throw ExitCode(code)
            }
        }
    }

    /// Writes a scenario's result folder and, when any hour was solved, its `report.html` with the tariff bands
    /// of its grid.
    private static func write(_ solved: SolvedDispatch, grid: LoadedGrid, input: GridInputOptions, to folder: String) throws {
        try ResultWriter.write(solved, to: folder)
        guard !solved.result.timestamps.isEmpty else { return }
        let firstHour = try input.firstHour(in: grid.network.timeAxis)
        let report = try ResultDirectory.report(folder, network: grid.network, firstHour: firstHour)
        try AtomicFile.write(report.render(), to: folder + "/report.html")
    }

    /// The command's exit code from the failed scenarios' codes in row order: 1 when any was infeasible or
    /// unbounded, else the first one's; nil when none failed.
    static func exitCode(_ codes: [Int32]) -> Int32? {
        codes.contains(ExitStatus.infeasible.rawValue) ? ExitStatus.infeasible.rawValue : codes.first
    }

    /// A stderr line without its `error: ` prefix, for the `error` field.
    private static func errorText(_ line: String) -> String {
        line.hasPrefix("error: ") ? String(line.dropFirst("error: ".count)) : line
    }
}
