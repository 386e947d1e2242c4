import Testing
@testable import LinearProgramming

/// Optimality conditions on random feasible LPs, for every exact method.
@Suite struct RandomLPPropertyTests {
    static let cases: [(UInt64, SolverMethod)] = (1...30).flatMap { seed in
        [SolverMethod.primalSimplex, .dualSimplex, .interiorPointWithCrossover].map { (UInt64(seed), $0) }
    }

    @Test(arguments: cases)
    func optimalityConditions(seed: UInt64, method: SolverMethod) throws {
        let model = try RandomLP.make(seed: seed)
        let solution = try GLPKSolver().solve(model, options: SolverOptions(method: method))
        #expect(solution.status == .optimal)
        let primal = try #require(solution.primal)
        let dual = try #require(solution.dual)
        let tolerance = 1e-7
        let sign = model.sense == .minimize ? 1.0 : -1.0
        let x = primal.columnValues
        let activity = model.rowActivities(of: x)

        // Primal feasibility.
        for j in 0..<model.columnCount {
            #expect(x[j] >= model.columnLower[j] - tolerance && x[j] <= model.columnUpper[j] + tolerance)
        }
        for i in 0..<model.rowCount {
            #expect(activity[i] >= model.rowLower[i] - tolerance && activity[i] <= model.rowUpper[i] + tolerance)
        }
        // Reduced costs d = c - Aᵀy agree with the solver's.
        var reduced = model.objective
        for j in 0..<model.columnCount {
            for k in model.columnStart[j]..<model.columnStart[j + 1] {
                reduced[j] -= model.value[k] * dual.rowDuals[Int(model.rowIndex[k])]
            }
            #expect(abs(reduced[j] - dual.reducedCosts[j]) < tolerance)
        }
        // Dual feasibility and complementary slackness (signs for minimisation; flipped to maximise).
        func check(value: Double, lower: Double, upper: Double, multiplier: Double) {
            let m = sign * multiplier
            let atLower = abs(value - lower) < tolerance, atUpper = abs(value - upper) < tolerance
            if !atLower && !atUpper { #expect(abs(m) < tolerance) }
            else if atLower && !atUpper { #expect(m > -tolerance) }
            else if atUpper && !atLower { #expect(m < tolerance) }
        }
        for j in 0..<model.columnCount {
            check(value: x[j], lower: model.columnLower[j], upper: model.columnUpper[j], multiplier: reduced[j])
        }
        for i in 0..<model.rowCount {
            check(value: activity[i], lower: model.rowLower[i], upper: model.rowUpper[i], multiplier: dual.rowDuals[i])
        }
        // Strong duality: the dual objective, built from the bounds the multipliers' signs select
        // (not from the point), equals the primal objective.
        func boundTerm(_ multiplier: Double, lower: Double, upper: Double) -> Double {
            if abs(multiplier) < 1e-12 { return 0 }
            return multiplier * (sign * multiplier > 0 ? lower : upper)
        }
        var dualObjective = model.objectiveConstant
        for i in 0..<model.rowCount {
            dualObjective += boundTerm(dual.rowDuals[i], lower: model.rowLower[i], upper: model.rowUpper[i])
        }
        for j in 0..<model.columnCount {
            dualObjective += boundTerm(reduced[j], lower: model.columnLower[j], upper: model.columnUpper[j])
        }
        #expect(abs(dualObjective - primal.objective) < tolerance * max(1, abs(primal.objective)))
        #expect(abs(model.objectiveValue(of: x) - primal.objective) < tolerance * max(1, abs(primal.objective)))
    }

    /// The crossover ends at the same optimum as the plain simplex; a certified interior point within its
    /// certificate tolerance (1e-7, doubled for the simplex's own rounding).
    @Test(arguments: 1...10, [SolverMethod.interiorPointWithCrossover, .interiorPointCertified])
    func interiorPointMethodsMatchSimplex(seed: Int, method: SolverMethod) throws {
        let model = try RandomLP.make(seed: UInt64(seed) + 100, rows: 60, columns: 80, density: 0.1)
        let simplex = try GLPKSolver().solve(model, options: SolverOptions(method: .dualSimplex))
        let other = try GLPKSolver().solve(model, options: SolverOptions(method: method))
        let a = try #require(simplex.primal).objective, b = try #require(other.primal).objective
        let tolerance = method == .interiorPointCertified ? 2e-7 : 1e-9
        #expect(abs(a - b) <= tolerance * max(1, abs(a)))
    }
}
