import Testing
@testable import LinearProgramming

/// The weak-duality certificate, checked by hand on Wyndor Glass, and the `interior_point_certified` method.
@Suite struct OptimalityCertificateTests {
    @Test func theOptimalPairHasNoGap() throws {
        let certificate = OptimalityCertificate(model: try HandSolvedLPTests.wyndor(), columnValues: [2, 6], rowDuals: [0, 1.5, 1])
        #expect(certificate.primalObjective == 36)
        #expect(certificate.dualObjective == 36)
        #expect(certificate.relativeGap == 0 && certificate.primalInfeasibility == 0 && certificate.dualInfeasibility == 0)
        #expect(certificate.infeasibilityCost == 0)
        #expect(certificate.holds(tolerance: 1e-12))
    }

    /// Duals (0, 1.5, 1.1) bound the maximum by 1.5·12 + 1.1·18 = 37.8 (both reduced costs, 3 − 3.3 and
    /// 5 − 3 − 2.2, are negative at the lower bound 0): gap 1.8 / 36 = 0.05.
    @Test func worseDualsWidenTheGap() throws {
        let certificate = OptimalityCertificate(model: try HandSolvedLPTests.wyndor(), columnValues: [2, 6], rowDuals: [0, 1.5, 1.1])
        #expect(abs(certificate.dualObjective - 37.8) < 1e-12)
        #expect(abs(certificate.relativeGap - 0.05) < 1e-12)
        #expect(!certificate.holds(tolerance: 0.01) && certificate.holds(tolerance: 0.06))
    }

    /// (2, 6.5) breaks 2y ≤ 12 by 1 (relative to 1 + 12 + its term 13: 1 / 26) and 3x + 2y ≤ 18 by 1 (relative to
    /// 1 + 18 + 13: 1 / 32); with duals 1.5 and 1 those violations are worth 2.5 against the objective 38.5.
    @Test func infeasiblePointsAreMeasured() throws {
        let certificate = OptimalityCertificate(model: try HandSolvedLPTests.wyndor(), columnValues: [2, 6.5], rowDuals: [0, 1.5, 1])
        #expect(abs(certificate.primalInfeasibility - 1.0 / 26) < 1e-12)
        #expect(abs(certificate.infeasibilityCost - 2.5 / 38.5) < 1e-12)
        #expect(!certificate.holds(tolerance: 0.05))
    }

    /// Values within 1e-7 (relative to 1 + |bound|) of a bound are put on it; others stay.
    @Test func valuesNextToABoundArePutOnIt() throws {
        var builder = LinearModelBuilder()
        _ = builder.addColumn(name: "a", upper: 100)
        _ = builder.addColumn(name: "b", upper: 100)
        _ = builder.addColumn(name: "c", lower: -.infinity)
        let snapped = OptimalityCertificate.snappedToBounds([5e-8, 100 - 5e-6, 1e-9], model: try builder.build())
        #expect(snapped == [0, 100, 1e-9])
        let kept = OptimalityCertificate.snappedToBounds([2e-7, 100 - 2e-5, 3], model: try builder.build())
        #expect(kept == [2e-7, 100 - 2e-5, 3])
    }

    /// A dual that leans on an infinite bound (free column, nonzero reduced cost) proves nothing.
    @Test func reducedCostOnAFreeColumnIsDualInfeasible() throws {
        var builder = LinearModelBuilder()
        let x = builder.addColumn(name: "x", lower: -.infinity, cost: 1)
        builder.addRow(name: "floor", lower: 2, terms: [(x, 1)])
        let certificate = OptimalityCertificate(model: try builder.build(), columnValues: [2], rowDuals: [0.5])
        #expect(abs(certificate.dualInfeasibility - 0.5 / 2) < 1e-12)
        #expect(!certificate.holds(tolerance: 1e-3))
    }

    /// min x + y subject to x + y ≥ 1 with 0 ≤ x, y ≤ 1: every point of the edge x + y = 1 is optimal (objective 1,
    /// dual 1). The interior point lands inside the edge, with two columns strictly inside their bounds against
    /// one row, so it is kept with its certificate rather than crossed over.
    static func optimalEdge() throws -> LinearModel {
        var builder = LinearModelBuilder()
        let x = builder.addColumn(name: "x", upper: 1, cost: 1)
        let y = builder.addColumn(name: "y", upper: 1, cost: 1)
        builder.addRow(name: "demand", lower: 1, terms: [(x, 1), (y, 1)])
        return try builder.build()
    }

    @Test func interiorPointsOnAnOptimalFaceAreKeptWithTheirCertificate() throws {
        let solution = try GLPKSolver().solve(try Self.optimalEdge(), options: SolverOptions(method: .interiorPointCertified))
        #expect(solution.status == .optimal && solution.method == .interiorPointCertified)
        let certificate = try #require(solution.certificate)
        #expect(certificate.holds(tolerance: 1e-7))
        let primal = try #require(solution.primal)
        #expect(abs(primal.objective - 1) <= 1e-7)
        #expect(primal.columnValues.allSatisfy { $0 > 0.01 && $0 < 0.99 }, "inside the edge, not at a corner")
        #expect(abs(try #require(solution.dual).rowDuals[0] - 1) < 1e-6)
    }

    /// A tolerance no interior point meets sends the answer through the crossover: an exact vertex, no certificate.
    @Test func unprovenInteriorPointsAreCrossedOver() throws {
        let options = SolverOptions(method: .interiorPointCertified, certificateTolerance: 1e-300)
        let solution = try GLPKSolver().solve(try Self.optimalEdge(), options: options)
        #expect(solution.status == .optimal && solution.certificate == nil)
        let values = try #require(solution.primal).columnValues
        #expect(Set(values) == [0, 1], "a corner of the edge")
    }

    /// GLPK's interior point stops on numerical instability far from the optimum of a DC power flow whose angles are
    /// bounded at ±1e6 (relative gaps of 1e-6 to 1e-2, not proven): both methods that keep a proven best point
    /// answer with the primal simplex instead, and reach the dual simplex's optimum.
    @Test(arguments: [SolverMethod.interiorPointCertified, .interiorPoint], UInt64(1)...3)
    func unprovenStoppedInteriorPointsEndInTheSimplexOptimum(method: SolverMethod, seed: UInt64) throws {
        let model = try RandomLP.angleFlow(seed: seed, buses: 20, hours: 6, angleBound: 1e6)
        let lines = LogLines()
        let solution = try GLPKSolver(log: { lines.append($0) }).solve(model, options: SolverOptions(method: method))
        let reference = try GLPKSolver().solve(model, options: SolverOptions(method: .dualSimplex))
        #expect(lines.all.contains { $0.contains("not proven, solving by the primal simplex") }, "\(lines.all)")
        #expect(solution.status == .optimal && solution.method == method && solution.certificate == nil)
        let (objective, expected) = (try #require(solution.primal).objective, try #require(reference.primal).objective)
        #expect(abs(objective - expected) <= 1e-8 * abs(expected), "\(objective) vs \(expected)")
    }

    /// Wyndor's interior point is next to a vertex (2 columns inside their bounds, 3 rows): the crossover is
    /// cheap there and gives the exact vertex and duals.
    @Test func interiorPointsNearAVertexAreCrossedOver() throws {
        let solution = try GLPKSolver().solve(try HandSolvedLPTests.wyndor(), options: SolverOptions(method: .interiorPointCertified))
        #expect(solution.status == .optimal && solution.method == .interiorPointCertified && solution.certificate == nil)
        let primal = try #require(solution.primal)
        #expect(abs(primal.objective - 36) < 1e-9 && abs(primal.columnValues[0] - 2) < 1e-9)
        #expect(zip(try #require(solution.dual).rowDuals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 })
    }
}
