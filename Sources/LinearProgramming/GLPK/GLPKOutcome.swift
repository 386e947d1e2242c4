/// What a GLPK solve returned, before it is turned into a ``LinearSolution``.
struct GLPKOutcome {
    var status: TerminationStatus
    var hasPrimal: Bool
    var hasDual: Bool
    /// Which of GLPK's solution sets to read: basic, interior point or MIP.
    var source: Source
    var method: SolverMethod
    var iterations = 0
    var seconds = 0.0
    /// CPU seconds of the solving thread.
    var cpuSeconds = 0.0
    var mipGap: Double?
    /// The interior point stopped on numerical instability or no convergence with its best point restored; that
    /// point may still be certified.
    var stoppedUnstable = false
    /// The proof of optimality of an accepted interior-point answer.
    var certificate: OptimalityCertificate?
    /// The column values of an accepted interior-point answer (GLPK's, possibly put on their bounds).
    var keptValues: [Double]?

    enum Source { case basic, interior, mixedInteger }
}
