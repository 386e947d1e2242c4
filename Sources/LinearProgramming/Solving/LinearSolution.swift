/// Why a solver stopped. Separate from whether a usable point exists: a time limit may stop
/// with or without a feasible point (``LinearSolution/primal``).
public enum TerminationStatus: String, Sendable, Codable, CaseIterable {
    /// Proven optimal (for a MILP: within the requested gap).
    case optimal
    /// No point satisfies the constraints.
    case infeasible
    /// The objective can improve without bound.
    case unbounded
    /// Either infeasible or unbounded; the solver could not tell which (e.g. the presolver).
    case infeasibleOrUnbounded = "infeasible_or_unbounded"
    /// The time limit was reached.
    case timeLimit = "time_limit"
    /// The iteration limit was reached.
    case iterationLimit = "iteration_limit"
    /// The solver failed numerically (ill-conditioned basis, no convergence).
    case numericalFailure = "numerical_failure"
}

/// Primal values of a solution: present only when the solver has a feasible point.
public struct PrimalSolution: Sendable, Equatable {
    /// Objective value including the model's constant.
    public let objective: Double
    /// Column values, length `columnCount`, 0-based.
    public let columnValues: [Double]
    /// Row activities `A·x`, length `rowCount`, 0-based.
    public let rowActivities: [Double]

    /// A primal point (e.g. one block of a composed model's solution).
    public init(objective: Double, columnValues: [Double], rowActivities: [Double]) {
        self.objective = objective
        self.columnValues = columnValues
        self.rowActivities = rowActivities
    }
}

/// Dual values of an LP solution: present for simplex and interior-point answers, not for MILPs.
public struct DualSolution: Sendable, Equatable {
    /// Row duals (shadow prices), length `rowCount`: the change of the objective per unit
    /// increase of the row's active bound.
    public let rowDuals: [Double]
    /// Reduced costs of the columns, length `columnCount`.
    public let reducedCosts: [Double]

    /// A dual point (e.g. one block of a composed model's solution, rescaled).
    public init(rowDuals: [Double], reducedCosts: [Double]) {
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
    }
}

/// What a solve returned: why it stopped, and the primal and dual points when they exist.
public struct LinearSolution: Sendable, Equatable {
    /// Why the solver stopped.
    public let status: TerminationStatus
    /// The primal point, when one exists (optimal, or feasible at a limit).
    public let primal: PrimalSolution?
    /// The dual point, when one exists (LPs solved to optimality).
    public let dual: DualSolution?
    /// Simplex iterations (interior point: its iterations; MILP: total simplex iterations).
    public let iterations: Int
    /// Wall-clock seconds spent in the solver.
    public let solveSeconds: Double
    /// Relative gap of a MILP answer (nil for LPs).
    public let mipGap: Double?
    /// The method that produced the answer (after any fallback).
    public let method: SolverMethod
    /// For an interior-point answer accepted without crossover: the proof of how close it is to optimal.
    public let certificate: OptimalityCertificate?

    /// Creates a solution record.
    public init(status: TerminationStatus, primal: PrimalSolution?, dual: DualSolution?, iterations: Int,
                solveSeconds: Double, mipGap: Double?, method: SolverMethod, certificate: OptimalityCertificate? = nil) {
        self.status = status
        self.primal = primal
        self.dual = dual
        self.iterations = iterations
        self.solveSeconds = solveSeconds
        self.mipGap = mipGap
        self.method = method
        self.certificate = certificate
    }
}
