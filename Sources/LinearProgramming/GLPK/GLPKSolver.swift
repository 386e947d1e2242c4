import CGLPK
import Foundation

/// The GLPK backend. The files of this folder (`GLPKSolver`, `GLPKProblem` and its extensions, `CrossoverBasis`,
/// `GLPKBounds`) are the only ones in re100 with GLPK's 1-based `Int32` indices; every other file is 0-based.
///
/// Every call is synchronous and thread-confined: the GLPK problem is created, loaded (one
/// `glp_load_matrix`), solved, read and deleted inside ``solve(_:options:)`` on the calling
/// thread, because GLPK keeps per-thread state and aborts when a problem is deleted on another
/// thread. Separate solves may run concurrently on separate threads.
public struct GLPKSolver: LinearSolver {
    /// Receives GLPK's terminal output when `messageLevel` is not `.off`.
    public var log: (@Sendable (String) -> Void)?

    /// Creates the backend.
    /// - Parameter log: where GLPK's own messages go (never stdout); nil discards them.
    public init(log: (@Sendable (String) -> Void)? = nil) {
        self.log = log
    }

    /// "GLPK" and the library version, e.g. "GLPK 5.0".
    public var name: String { "GLPK \(Self.version)" }

    /// The version of the linked GLPK library.
    public static var version: String { String(cString: glp_version()) }

    /// Solves `model` with GLPK on the calling thread (see the type's notes on thread confinement).
    public func solve(_ model: LinearModel, options: SolverOptions) throws(SolverError) -> LinearSolution {
        let problem = try GLPKProblem(model: model, log: log, messageLevel: options.messageLevel)
        defer { problem.delete() }
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = Self.threadCPUSeconds()
        var outcome: GLPKOutcome
        if model.isMixedInteger {
            outcome = try problem.solveMixedInteger(options: options)
        } else {
            outcome = try problem.solveContinuous(model, options: options)
        }
        outcome.seconds = Self.seconds(clock.now - start)
        outcome.cpuSeconds = Self.threadCPUSeconds() - cpuStart
        return problem.solution(for: outcome, model: model)
    }

    /// Loads `model` into a GLPK problem object and deletes it again, without solving: proves
    /// that GLPK accepts the model and lets benchmarks time the C boundary on its own.
    public func load(_ model: LinearModel) throws(SolverError) {
        let problem = try GLPKProblem(model: model, log: log, messageLevel: .off)
        problem.delete()
    }

    /// Writes `model` in CPLEX LP or free MPS format through GLPK's writers, to a temporary file
    /// renamed into place. Empty names are replaced by `r<i>`/`c<j>` (1-based) as GLPK does.
    public func write(_ model: LinearModel, format: ModelFileFormat, to path: String) throws(SolverError) {
        let problem = try GLPKProblem(model: model, log: log, messageLevel: .off)
        defer { problem.delete() }
        try problem.setNames(model)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try problem.write(format: format, path: temporary)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }

    /// CPU time of the calling thread, s: what a solve costs on a machine whose cores other jobs share.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// A file format GLPK can write.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP (`.lp`).
    case cplexLP = "lp"
    /// Free MPS (`.mps`).
    case freeMPS = "mps"

    /// The format named by a file's extension (`.lp` or `.mps`), or nil.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".lp") { self = .cplexLP } else if lowered.hasSuffix(".mps") { self = .freeMPS } else { return nil }
    }
}
