/// How close a primal point and a set of row duals are to optimal, proven by weak duality and computed
/// from the model itself (not from the solver's own report).
///
/// For `min cᵀx + c₀` subject to `rowLower ≤ Ax ≤ rowUpper` and `columnLower ≤ x ≤ columnUpper`, any row
/// duals `y` give the reduced costs `d = c − Aᵀy` and the dual bound
/// `c₀ + Σᵢ yᵢ·(yᵢ > 0 ? rowLowerᵢ : rowUpperᵢ) + Σⱼ dⱼ·(dⱼ > 0 ? columnLowerⱼ : columnUpperⱼ)`, which no feasible
/// point can beat when every bound it uses is finite. So a feasible `x` whose objective is within `gap` of that
/// bound is within `gap` of the optimum. A point that breaks bounds by `vᵢ` is feasible for the problem with those
/// bounds relaxed, whose optimum lies within `Σ |yᵢ|·vᵢ` (to first order) of the original's: that cost is added to
/// the gap. Maximisation is handled by negating the objective.
public struct OptimalityCertificate: Sendable, Equatable, CustomStringConvertible {
    /// `cᵀx + c₀` of the point.
    public let primalObjective: Double
    /// The dual bound (in the model's sense; terms whose bound is infinite use the point's value instead
    /// and count as dual infeasibility).
    public let dualObjective: Double
    /// `|primal − dual| / max(1, |primal|)`.
    public let relativeGap: Double
    /// Largest bound violation of a row activity or column value, relative to `1 + |bound|` (for rows also plus
    /// the largest term `|aᵢⱼxⱼ|`, so `soc[t] − soc[t−1] − … = 0` is measured against the energies in it).
    public let primalInfeasibility: Double
    /// `Σ |dual|·violation` over the broken bounds, relative to `max(1, |primal|)`: what the violations can be
    /// worth in the objective, to first order.
    public let infeasibilityCost: Double
    /// Largest reduced cost (or row dual) pushing against an infinite bound, relative to `1 + max|c|`.
    public let dualInfeasibility: Double
    /// `Ax` of the point.
    public let rowActivities: [Double]

    /// Computes the certificate of `columnValues` and `rowDuals` for `model`.
    /// - Precondition: the arrays have the model's column and row counts.
    public init(model: LinearModel, columnValues x: [Double], rowDuals: [Double]) {
        let sign: Double = model.sense == .minimize ? 1 : -1
        var activity = [Double](repeating: 0, count: model.rowCount)
        var magnitude = [Double](repeating: 0, count: model.rowCount)
        var primal = model.objectiveConstant, dual = sign * model.objectiveConstant
        var primalViolation = 0.0, dualViolation = 0.0, costScale = 0.0, violationCost = 0.0
        /// Records how far `value` breaks its bounds: the largest violation relative to `1 + |bound| + scale`
        /// (`scale`: the size of the terms that make up a row's activity), and the first-order objective cost
        /// `|dual|·violation`.
        func measure(_ value: Double, _ lower: Double, _ upper: Double, dual: Double, scale: Double = 0) {
            let below = lower.isFinite ? lower - value : 0, above = upper.isFinite ? value - upper : 0
            guard below > 0 || above > 0 else { return }
            let amount = max(below, above), bound = below > 0 ? lower : upper
            primalViolation = max(primalViolation, amount / (1 + abs(bound) + scale))
            violationCost += abs(dual) * amount
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
                magnitude[row] = max(magnitude[row], abs(model.value[k] * x[j]))
                reduced -= model.value[k] * sign * rowDuals[row]
            }
            primal += model.objective[j] * x[j]
            measure(x[j], model.columnLower[j], model.columnUpper[j], dual: reduced)
            dual += boundTerm(reduced, value: x[j], model.columnLower[j], model.columnUpper[j])
        }
        for i in 0..<model.rowCount {
            measure(activity[i], model.rowLower[i], model.rowUpper[i], dual: rowDuals[i], scale: magnitude[i])
            dual += boundTerm(sign * rowDuals[i], value: activity[i], model.rowLower[i], model.rowUpper[i])
        }
        primalObjective = primal
        rowActivities = activity
        dualObjective = sign * dual
        relativeGap = abs(primal - sign * dual) / max(1, abs(primal))
        primalInfeasibility = primalViolation
        infeasibilityCost = violationCost / max(1, abs(primal))
        dualInfeasibility = dualViolation / (1 + costScale)
    }

    /// The verdict's figures, for logs.
    public var description: String {
        "relative gap \(relativeGap), primal infeasibility \(primalInfeasibility) (objective effect "
            + "\(infeasibilityCost)), dual infeasibility \(dualInfeasibility)"
    }

    /// `values` with every value within ``snapTolerance`` (relative to `1 + |bound|`) of one of its column's
    /// bounds put on that bound.
    public static func snappedToBounds(_ values: [Double], model: LinearModel) -> [Double] {
        var snapped = values
        for j in snapped.indices {
            let lower = model.columnLower[j], upper = model.columnUpper[j]
            if lower.isFinite, abs(snapped[j] - lower) <= snapTolerance * (1 + abs(lower)) {
                snapped[j] = lower
            } else if upper.isFinite, abs(snapped[j] - upper) <= snapTolerance * (1 + abs(upper)) {
                snapped[j] = upper
            }
        }
        return snapped
    }

    /// How close to a bound (relative to `1 + |bound|`) ``snappedToBounds(_:model:)`` puts a value on it.
    public static let snapTolerance = 1e-7

    /// Largest relative bound violation a kept answer may have (Gurobi's default feasibility tolerance).
    public static let feasibilityTolerance = 1e-6

    /// True when the gap plus the cost of the violations and the dual infeasibility are at most `tolerance`
    /// and no bound is broken by more than ``feasibilityTolerance``: the objective is then within about
    /// `tolerance` (relative) of the optimum.
    public func holds(tolerance: Double) -> Bool {
        relativeGap + infeasibilityCost <= tolerance && dualInfeasibility <= tolerance
            && primalInfeasibility <= Self.feasibilityTolerance
    }
}
