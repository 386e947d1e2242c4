/// A network or request the optimizer cannot dispatch, or a solver library that failed, in the optimizer's own
/// words: the CLI names the flag that carried a value when it reports (and maps `solverFailure` to an internal
/// error, everything else to bad input).
public enum DispatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request covers no hour.
    case noHours
    /// The first hour, snapshot `first` (0-based), is not on the grid's axis of `total` snapshots.
    case startOutsideSnapshots(first: Int, total: Int)
    /// `count` hours from snapshot `first` (0-based) run past the grid's `total` snapshots.
    case horizonBeyondSnapshots(first: Int, count: Int, total: Int)
    /// Unit commitment was asked for over a window of `hours` hours, longer than `limit`.
    case commitmentWindowTooLong(hours: Int, limit: Int)
    /// Rolling windows of `length` hours committing `step` hours each, where `0 < step ≤ length` is needed.
    case invalidWindows(length: Int, step: Int)
    /// The load `id` cannot be dispatched as it is (`problem` says why, e.g. its demand is still to be forecast).
    case load(id: String, problem: String)
    /// The LP built from the network is not a valid model (NaN, inverted bounds): the problems found.
    case invalidModel(String)
    /// The solver library failed (its error path was taken): not a fault of the input.
    case solverFailure(String)
    /// A scenario dispatch that cannot be made: the problems found (probabilities, networks, windows).
    case invalidScenarios([String])

    /// The problem for people, naming the component or the hours concerned.
    public var description: String {
        switch self {
        case .noHours:
            "no hours to dispatch"
        case .startOutsideSnapshots(let first, let total):
            "snapshot \(first) is outside the grid's \(total) snapshots"
        case .horizonBeyondSnapshots(let first, let count, let total):
            "\(count) hours from snapshot \(first) exceed the grid's \(total) snapshots"
        case .commitmentWindowTooLong(let hours, let limit):
            "unit commitment needs windows of at most \(limit) hours, found \(hours)"
        case .invalidWindows(let length, let step):
            "expected 0 < step ≤ window, found window \(length), step \(step)"
        case .load(let id, let problem):
            "loads.\(id): \(problem)"
        case .invalidModel(let problems):
            "model: \(problems)"
        case .solverFailure(let message):
            "solver: \(message)"
        case .invalidScenarios(let problems):
            "scenarios: " + problems.joined(separator: "; ")
        }
    }
}
