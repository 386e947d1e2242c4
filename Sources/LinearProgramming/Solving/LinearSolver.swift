/// A backend that solves ``LinearModel``s. Implementations are synchronous and return value
/// types; they throw only for broken contracts (a model they cannot accept, a library failure),
/// never for infeasible or unbounded models, which are statuses.
public protocol LinearSolver: Sendable {
    /// A short name for logs and summaries, e.g. "GLPK 5.0".
    var name: String { get }
    /// Solves `model` with `options`.
    func solve(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> LinearSolution
}

/// A solver call that could not be carried out.
public enum SolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The model was rejected before reaching the solver library.
    case invalidModel(LinearModelError)
    /// The solver library reported an internal error (its abort path was intercepted).
    case libraryError(String)
    /// A model file could not be written.
    case writeFailed(path: String, reason: String)

    /// The error for people.
    public var description: String {
        switch self {
        case .invalidModel(let error): error.description
        case .libraryError(let message): "solver library error: \(message)"
        case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
