/// How close a primal point and a set of row duals are to optimal, proven by weak duality and computed
/// from the model itself (not from the solver's own report).
///
/// For `min cᵀx + c₀` subject to `rowLower ≤ Ax ≤ rowUpper` and `columnLower ≤ x ≤ columnUpper`, any row
/// duals `y` give the reduced costs `d = c − Aᵀy` and the dual bound
/// `c₀ + Σᵢ yᵢ·(yᵢ > 0 ? rowLowerᵢ : rowUpperᵢ) + Σⱼ dⱼ·(dⱼ > 0 ? columnLowerⱼ : columnUpperⱼ)`, which no feasible
/// point can beat when every bound it uses is finite. So a feasible `x` whose objective is within `gap` of that
/// bound is within `gap` of the optimum. Maximisation is handled by negating the objective.
public struct OptimalityCertificate: Sendable, Equatable {
    /// `cᵀx + c₀` of the point.
    public let primalObjective: Double
    /// The dual bound (in the model's sense; terms whose bound is infinite use the point's value instead
    /// and count as dual infeasibility).
    public let dualObjective: Double
    /// `|primal − dual| / max(1, |primal|)`.
    public let relativeGap: Double
    /// Largest bound violation of a row activity or column value, relative to `1 + |bound|`.
    public let primalInfeasibility: Double
    /// Largest reduced cost (or row dual) pushing against an infinite bound, relative to `1 + max|c|`.
    public let dualInfeasibility: Double

    /// Computes the certificate of `columnValues` and `rowDuals` for `model`.
    /// - Precondition: the arrays have the model's column and row counts.
    public init(model: LinearModel, columnValues x: [Double], rowDuals: [Double]) {
        let sign: Double = model.sense == .minimize ? 1 : -1
        var activity = [Double](repeating: 0, count: model.rowCount)
        var primal = model.objectiveConstant, dual = sign * model.objectiveConstant
        var primalViolation = 0.0, dualViolation = 0.0, costScale = 0.0
        func violation(_ value: Double, _ lower: Double, _ upper: Double) -> Double {
            max(lower.isFinite ? (lower - value) / (1 + abs(lower)) : 0, upper.isFinite ? (value - upper) / (1 + abs(upper)) : 0, 0)
        }
        /// The dual bound's term for a variable at `value` with reduced cost `reduced` (minimisation form).
        func boundTerm(_ reduced: Double, value: Double, _ lower: Double, _ upper: Double) -> Double {
            let bound = reduced > 0 ? lower : upper
            if reduced == 0 { return 0 }
            if bound.isFinite { return reduced * bound }
            dualViolation = max(dualViolation, abs(reduced))
            return reduced * value
        }
        for j in 0..<model.columnCount {
            let cost = sign * model.objective[j]
            costScale = max(costScale, abs(cost))
            var reduced = cost
            for k in model.columnStart[j]..<model.columnStart[j + 1] {
                let row = Int(model.rowIndex[k])
                activity[row] += model.value[k] * x[j]
                reduced -= model.value[k] * sign * rowDuals[row]
            }
            primal += model.objective[j] * x[j]
            primalViolation = max(primalViolation, violation(x[j], model.columnLower[j], model.columnUpper[j]))
            dual += boundTerm(reduced, value: x[j], model.columnLower[j], model.columnUpper[j])
        }
        for i in 0..<model.rowCount {
            primalViolation = max(primalViolation, violation(activity[i], model.rowLower[i], model.rowUpper[i]))
            dual += boundTerm(sign * rowDuals[i], value: activity[i], model.rowLower[i], model.rowUpper[i])
        }
        primalObjective = primal
        dualObjective = sign * dual
        relativeGap = abs(primal - sign * dual) / max(1, abs(primal))
        primalInfeasibility = primalViolation
        dualInfeasibility = dualViolation / (1 + costScale)
    }

    /// True when the gap and both infeasibilities are at most `tolerance`: the objective is then within
    /// about `tolerance` (relative) of the optimum.
    public func holds(tolerance: Double) -> Bool {
        relativeGap <= tolerance && primalInfeasibility <= tolerance && dualInfeasibility <= tolerance
    }
}
