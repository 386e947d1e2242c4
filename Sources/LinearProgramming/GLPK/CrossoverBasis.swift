import CGLPK

/// The crossover from GLPK's interior-point answer to a simplex vertex (GLPK has none of its own).
///
/// Columns the interior point put on one of their bounds are temporarily fixed there; the
/// restricted problem then only moves the few columns strictly inside their bounds, so the
/// simplex reaches its optimum in few pivots. That optimal basis is primal feasible for the full
/// problem once the bounds are released, and the primal simplex finishes from it.
struct CrossoverBasis {
    let problem: OpaquePointer
    let model: LinearModel

    /// Relative distance below which a value counts as sitting on its bound.
    static let activeTolerance = 1e-7

    /// The bound `value` sits on (within `activeTolerance`, relative to `1 + |value|`), or nil when it lies
    /// strictly inside its bounds.
    static func activeBound(_ value: Double, lower: Double, upper: Double) -> (atUpper: Bool, bound: Double)? {
        let scale = 1 + abs(value)
        if lower.isFinite, (value - lower) / scale < activeTolerance { return (false, lower) }
        if upper.isFinite, (upper - value) / scale < activeTolerance { return (true, upper) }
        return nil
    }

    /// How many columns of `values` lie strictly inside their bounds: the columns a crossover has to make basic
    /// or move. No more than the row count means the point is at or near a vertex and the crossover is cheap.
    static func interiorColumnCount(_ values: [Double], model: LinearModel) -> Int {
        values.indices.count { j in
            model.columnLower[j] != model.columnUpper[j]
                && activeBound(values[j], lower: model.columnLower[j], upper: model.columnUpper[j]) == nil
        }
    }

    /// Fixes every column within `activeTolerance` of a bound at that bound; returns their 0-based
    /// indices so ``restoreBounds(_:)`` can release them.
    func fixColumnsAtBounds() -> [(column: Int, atUpper: Bool)] {
        var fixed: [(column: Int, atUpper: Bool)] = []
        for j in 0..<model.columnCount where model.columnLower[j] != model.columnUpper[j] {
            let value = glp_ipt_col_prim(problem, Int32(j + 1))
            guard let (atUpper, bound) = Self.activeBound(value, lower: model.columnLower[j], upper: model.columnUpper[j]) else { continue }
            glp_set_col_bnds(problem, Int32(j + 1), GLP_FX, bound, bound)
            fixed.append((j, atUpper))
        }
        return fixed
    }

    /// Gives the columns fixed by ``fixColumnsAtBounds()`` their own bounds back.
    func restoreBounds(_ fixed: [(column: Int, atUpper: Bool)]) {
        for (j, atUpper) in fixed {
            let bounds = GLPKBounds.of(model.columnLower[j], model.columnUpper[j])
            glp_set_col_bnds(problem, Int32(j + 1), bounds.type, bounds.lower, bounds.upper)
            // A non-basic column keeps sitting on the bound it was fixed at.
            if glp_get_col_stat(problem, Int32(j + 1)) != GLP_BS {
                glp_set_col_stat(problem, Int32(j + 1), atUpper ? GLP_NU : GLP_NL)
            }
        }
    }
}
