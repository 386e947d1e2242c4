import DispatchOptimizer
import Forecasting
import Foundation
import LinearProgramming
import GridIO
import Logging
import Reporting

/// The dispatches `re100 compare` runs: the base grid and the grid with each overlay applied alone on the base
/// (not stacked), over one horizon, solved in parallel; and the comparison folder written from their results.
public struct ScenarioComparisonJob: Sendable {
    /// How one scenario ended: solved (whatever the status), or an error before or during the solve.
    public enum Outcome: Sendable {
        /// The solve ran; its status may still be a failure.
        case solved(SolvedDispatch)
        /// The solve could not run or threw.
        case failed(any Error)
    }

    /// The name of the base grid's row and folder.
    public static let baseName = "base"

    /// The row and folder names, `base` first, then each overlay's file name without the extension.
    public let names: [String]
    /// One grid per name: the base, then the base with each overlay.
    public let grids: [GridSource]
    /// The horizon on the base grid's axis, or why `hours` does not fit it: then every scenario fails with that
    /// error in its row (a usage error about `start` fails the whole comparison at once instead).
    public let horizon: Result<Horizon, PlanningError>
    /// The options every job shares.
    private let windows: RollingWindows?, solver: SolverOptions, solverPresetFile: String?

    /// Reads the base grid and the grid with each of `scenarios` (so bad input fails before any solve) and
    /// resolves the horizon once on the base grid's time axis. `common` overlays are applied first, to the base
    /// and under every scenario (a CFE target shared by a study).
    /// - Throws: what `GridSource.open` throws; `PlanningError.startNotATimestamp` or `.startNotASnapshot`;
    ///   `PlanningError.badInput` when two scenarios' `[study]` tables name different x axis titles.
    public init(grid: String, common: [String] = [], scenarios: [String], start: String?, hours: Int?,
                windows: RollingWindows?, solver: SolverOptions, solverPresetFile: String?, tariffs: NamedFileCatalog,
                logger: Logger) throws {
        let grids = try ([[]] + scenarios.map { [$0] }).map { overlays in
            try GridSource.open(grid, scenarios: common + overlays, tariffs: tariffs, logger: logger)
        }
        try Self.checkStudyTitles(grids)
        let axis = grids[0].network.timeAxis
        let first = try Horizon(start: start, hours: 1, in: axis).firstHour
        horizon = Result { () throws(PlanningError) in
            try Horizon(firstHour: first, hourCount: hours ?? (axis.count - first), snapshotCount: axis.count)
        }
        names = [Self.baseName] + scenarios.map(Self.scenarioName)
        self.grids = grids
        self.windows = windows
        self.solver = solver
        self.solverPresetFile = solverPresetFile
    }

    /// The job of scenario `index`.
    /// - Throws: the horizon's error.
    public func job(_ index: Int) throws(PlanningError) -> DispatchJob {
        DispatchJob(grid: grids[index], horizon: try horizon.get(), windows: windows, solver: solver,
                    solverPresetFile: solverPresetFile)
    }

    /// The row and folder name of an overlay: its file name without the extension.
    public static func scenarioName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// Solves every job, `threads` at a time; `finished(index, outcome)` is called on the worker as each ends.
    /// - Returns: the outcomes in `names` order (nil for a job that returned nothing, which is a bug).
    public func run(threads: Int, logger: Logger,
                    finished: @escaping @Sendable (Int, Outcome) -> Void = { _, _ in }) -> [Outcome?] {
        ParallelSlots.map(count: grids.count, threads: threads) { [self] index -> Outcome in
            let outcome: Outcome
            do {
                outcome = .solved(try job(index).run(logger: logger))
            } catch {
                outcome = .failed(error)
            }
            finished(index, outcome)
            return outcome
        }.results
    }

    /// Why a scenario has no optimal result.
    public enum Failure: Sendable {
        /// The solve ran but did not end optimal.
        case notOptimal(DispatchFailure)
        /// The solve could not run or threw.
        case error(any Error)
        /// The worker returned nothing (a bug).
        case noResult
    }

    /// The comparison of `outcomes` (one per name) and the failed scenarios in row order; a failed row's `error`
    /// is the first line of its failure, an error worded by `describe` (without its `error: ` prefix).
    public func comparison(_ outcomes: [Outcome?], describe: (any Error) -> String)
        -> (comparison: ScenarioComparison, failures: [(name: String, failure: Failure)]) {
        var rows: [ScenarioComparison.Row] = []
        var failures: [(name: String, failure: Failure)] = []
        for (index, outcome) in outcomes.enumerated() {
            let name = names[index], study = grids[index].study
            switch outcome {
            case .solved(let solved)?:
                let failure = DispatchFailure(solved.result)
                if let failure { failures.append((name, .notOptimal(failure))) }
                rows.append(ScenarioComparison.Row(scenario: name, result: solved.result,
                                                   error: failure.map { Self.errorText($0.lines[0]) }, study: study))
            case .failed(let error)?:
                failures.append((name, .error(error)))
                rows.append(ScenarioComparison.Row(scenario: name, error: Self.errorText(describe(error)), study: study))
            case nil:
                failures.append((name, .noResult))
                rows.append(ScenarioComparison.Row(scenario: name, error: "internal error: no result", study: study))
            }
        }
        return (ScenarioComparison(currency: grids[0].network.currency, rows: rows), failures)
    }

    /// Refuses scenarios whose `[study]` tables name different non-empty x axis titles.
    static func checkStudyTitles(_ grids: [GridSource]) throws {
        let titled = grids.compactMap { grid in grid.study.flatMap { $0.xTitle.isEmpty ? nil : (grid, $0.xTitle) } }
        guard let first = titled.first, let other = titled.first(where: { $0.1 != first.1 }) else { return }
        throw PlanningError.badInput("\(other.0.scenarios.last?.path ?? other.0.path): study.x_title: expected '\(first.1)' "
            + "(as in \(first.0.scenarios.last?.path ?? first.0.path)), found '\(other.1)'")
    }

    /// A stderr line without its `error: ` prefix, for the `error` field.
    private static func errorText(_ line: String) -> String {
        line.hasPrefix("error: ") ? String(line.dropFirst("error: ".count)) : line
    }

    /// Writes the comparison folder: every solved scenario's result folder with its report (`folder/<name>/`),
    /// then `comparison.csv`, `comparison.json` and `report.html`, which links to the scenario reports written.
    /// - Throws: `PlanningError.cannotWrite`; an encoding error (internal).
    public func write(_ comparison: ScenarioComparison, outcomes: [Outcome?], to folder: String) throws {
        var linked: Set<String> = []
        for (name, outcome) in zip(names, outcomes) {
            guard case .solved(let solved)? = outcome else { continue }
            try ResultFolder.write(solved, to: folder + "/" + name, report: true)
            if !solved.result.timestamps.isEmpty { linked.insert(name) }
        }
        try ResultFolder.createDirectory(folder)
        try AtomicFile.write(comparison.csv(), to: folder + "/comparison.csv")
        try AtomicFile.write(try comparison.json(), to: folder + "/comparison.json")
        try AtomicFile.write(ComparisonReport(comparison, linkedScenarios: linked).render(), to: folder + "/report.html")
    }
}
