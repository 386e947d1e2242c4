import LinearProgramming

/// What to dispatch and how: the hours, rolling windows, the solver preset, the carried state.
public struct DispatchOptions: Sendable {
    /// First snapshot to dispatch (0-based index into the network's time axis).
    public var firstHour: Int
    /// Number of snapshots to dispatch; nil: to the end of the time axis.
    public var hourCount: Int?
    /// Rolling-window length in snapshots; nil: one LP for the whole horizon.
    public var window: Int?
    /// Snapshots committed per rolling window (≤ `window`); nil: equal to `window`.
    public var step: Int?
    /// Solver options (see solver-configs/).
    public var solver: SolverOptions
    /// State carried in from an earlier run; nil: the grid's own initial values.
    public var initialState: DispatchState?
    /// Solve unit commitment as a MILP (binary on/off, min up/down, start-up costs).
    public var commitment: Bool
    /// Report the state after this many dispatched hours instead of after the last (e.g. 24 for a
    /// daily run planning 48 h: the state the next run starts from).
    public var stateAfterHours: Int?
    /// The period of the targets and limits: the requested hours (default), or the calendar year that
    /// scheduled runs track year to date through ``DispatchState/periodProgress``.
    public var targetPeriod: TargetPeriod = .horizon
    /// What rolling windows aim for at their end: the one-LP plan of the requested hours (default), or the rest of
    /// each target spread evenly over the period's remaining hours (docs/dispatch.md, "Rolling windows").
    public var guide: RollingGuide = .plan
    /// Scenarios of the uncertain series to dispatch together in one LP (one window, no unit commitment); nil:
    /// the network's own profiles only (deterministic).
    public var scenarios: ScenarioSet?
    /// Decisions of an earlier plan to keep over the first hours (re-dispatch against actuals; one window, no
    /// scenarios); nil: every decision free.
    public var fixedDecisions: FixedDecisions?
    /// Called after each window is solved and extracted with the windows done so far (1...total) and the
    /// number of windows, on the dispatching thread (e.g. for a progress bar); nil: not called. Not called
    /// for a window whose solve ended without a usable answer.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Creates options; by default the whole horizon in one LP with the default solver preset.
    public init(firstHour: Int = 0, hourCount: Int? = nil, window: Int? = nil, step: Int? = nil,
                solver: SolverOptions = SolverOptions(), initialState: DispatchState? = nil, commitment: Bool = false,
                stateAfterHours: Int? = nil, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.firstHour = firstHour
        self.hourCount = hourCount
        self.window = window
        self.step = step
        self.solver = solver
        self.initialState = initialState
        self.commitment = commitment
        self.stateAfterHours = stateAfterHours
        self.progress = progress
    }
}

/// The period over which targets and limits (RE share, CFE score, CO2 cap, contract volumes) hold.
public enum TargetPeriod: String, Sendable, Codable {
    /// The requested hours.
    case horizon
    /// The local calendar year, tracked year to date across runs.
    case calendarYear = "calendar_year"
}

/// What a rolling window must reach on each period target at its end.
public enum RollingGuide: String, Sendable, Codable {
    /// The running sums of the one-LP plan of the requested hours, solved once; its stored-energy duals value
    /// the energy left at each window's end.
    case plan
    /// The rest of the target spread evenly over the remaining hours of the period; no terminal value.
    case proRata = "pro_rata"
}
