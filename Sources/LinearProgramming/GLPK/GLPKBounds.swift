import CGLPK

/// GLPK's bound types (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`) for the bound form `lower ≤ x ≤ upper`
/// with ±infinity where a bound is absent, shared by loading a model and by the crossover's bound changes.
enum GLPKBounds {
    /// The bound type and the two bounds GLPK expects (0 for an absent bound) for `lower ≤ x ≤ upper`.
    static func of(_ lower: Double, _ upper: Double) -> (type: Int32, lower: Double, upper: Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}
