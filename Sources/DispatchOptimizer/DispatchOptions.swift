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
