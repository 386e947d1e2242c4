import DispatchOptimizer
import Foundation
import LinearProgramming
import Logging
import Reporting

/// One dispatch to plan: a grid opened once, its resolved horizon, how to split and solve it, and the state it
/// starts from. Shared by `dispatch`, `compare` and `run`; `run()` solves it on the calling thread (GLPK problems
/// never leave it).
public struct DispatchJob: Sendable {
    /// The grid, overlays applied.
    public var grid: GridSource
    /// The planned hours.
    public var horizon: Horizon
    /// Rolling windows, or nil for one LP over the whole horizon.
    public var windows: RollingWindows?
    /// The solver preset's options.
    public var solver: SolverOptions
    /// The preset as named by the user (a bundled name or a file), recorded in `summary.json`; nil for the
    /// compiled-in default.
    public var solverPresetFile: String?
    /// Unit commitment as a MILP (windows of at most 168 hours).
    public var commitment: Bool
    /// The state carried from the previous run; nil starts from the grid's own initial state.
    public var initialState: DispatchState?
    /// The result's `finalState` is the state after this many planned hours (nil: after the last).
    public var stateAfterHours: Int?
    /// The period the targets and limits hold over: the planned hours (`re100 dispatch`), or the calendar year
    /// tracked year to date through the carried state (`re100 run`).
    public var targetPeriod: TargetPeriod
    /// What rolling windows aim for at their end: the one-LP plan (`re100 dispatch`), or the rest of each target
    /// spread over the period's remaining hours (`re100 run`, docs/dispatch.md "Rolling windows").
    public var guide: RollingGuide
    /// Deterministic, or the forecast quantiles as scenarios in one LP (docs/uncertainty.md).
    public var scenarioMode: ScenarioMode = .deterministic
    /// What a scenario dispatch minimises.
    public var risk: RiskMeasure = .expectation
    /// Hours whose decisions a scenario dispatch shares across scenarios; nil: `stateAfterHours`, else
    /// ``defaultSharedHours``.
    public var sharedHours: Int?
    /// Shared hours of a scenario dispatch without `stateAfterHours`: a day, what a daily run commits.
    public static let defaultSharedHours = 24

    /// A job over `horizon` of `grid`, by default in one LP with the compiled-in solver preset, targets over the
    /// planned hours and rolling windows guided by the one-LP plan.
    public init(grid: GridSource, horizon: Horizon, windows: RollingWindows? = nil, solver: SolverOptions = SolverOptions(),
                solverPresetFile: String? = nil, commitment: Bool = false, initialState: DispatchState? = nil,
                stateAfterHours: Int? = nil, targetPeriod: TargetPeriod = .horizon, guide: RollingGuide = .plan) {
        self.grid = grid
        self.horizon = horizon
        self.windows = windows
        self.solver = solver
        self.solverPresetFile = solverPresetFile
        self.commitment = commitment
        self.initialState = initialState
        self.stateAfterHours = stateAfterHours
        self.targetPeriod = targetPeriod
        self.guide = guide
    }

    /// Fills the grid's forecast inputs (`ForecastFiller`), dispatches the horizon with GLPK and summarises it.
    /// - Parameter progress: called after each rolling window with the windows done and their total.
    /// - Throws: `PlanningError` and `CSVError`/`ForecastError` for forecast inputs that cannot be used,
    ///   `DispatchError` for a model that cannot be built, an encoding error (internal).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil, logger: Logger) throws -> SolvedDispatch {
        if let windows, windows.length > horizon.hourCount {
            throw PlanningError.windowLongerThanHorizon(window: windows.length, hours: horizon.hourCount)
        }
        var network = grid.network
        let forecasts = try ForecastFiller.fill(&network, gridDirectory: grid.directory, horizon: horizon, logger: logger)
        var options = DispatchOptions(
            firstHour: horizon.firstHour, hourCount: horizon.hourCount, window: windows?.length, step: windows?.step,
            solver: solver, initialState: initialState, commitment: commitment, stateAfterHours: stateAfterHours,
            progress: progress)
        options.targetPeriod = targetPeriod
        options.guide = guide
        if scenarioMode == .quantile {
            options.scenarios = try QuantileScenarios.set(
                of: network, forecasts: forecasts, firstHour: horizon.firstHour,
                sharedHours: sharedHours ?? stateAfterHours ?? Self.defaultSharedHours, risk: risk)
        }
        let glpk = GLPKSolver(log: { [logger] line in logger.debug("glpk: \(line)") })
        let result = try DispatchOptimizer.dispatch(network, options: options, solver: glpk)
        let provenance = RunProvenance(
            re100Version: RE100Version.current, glpkVersion: GLPKSolver.version, grid: grid.fingerprint,
            gridFormat: grid.format.rawValue, currency: network.currency, timeZone: network.timeAxis.timeZone.identifier,
            scenarios: grid.scenarios, solverPresetFile: solverPresetFile, solverOptions: solver,
            forecastInputs: forecasts.map(\.inputRecord).sorted { $0.series < $1.series })
        let summary = RunSummary(result: result, provenance: provenance, timeZone: network.timeAxis.timeZone)
        return SolvedDispatch(job: self, network: network, summary: summary, summaryJSON: try summary.json(),
                              forecasts: forecasts)
    }
}
