import Testing
@testable import LinearProgramming

/// The weak-duality certificate, checked by hand on Wyndor Glass, and the `interior_point_certified` method.
@Suite struct OptimalityCertificateTests {
    /// Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18; optimum (2, 6), z = 36, duals (0, 1.5, 1).
    static func wyndor() throws -> LinearModel {
        var builder = LinearModelBuilder(sense: .maximize)
        let x = builder.addColumn(name: "x", cost: 3)
        let y = builder.addColumn(name: "y", cost: 5)
        builder.addRow(name: "plant1", upper: 4, terms: [(x, 1)])
        builder.addRow(name: "plant2", upper: 12, terms: [(y, 2)])
        builder.addRow(name: "plant3", upper: 18, terms: [(x, 3), (y, 2)])
        return try builder.build()
    }

    @Test func theOptimalPairHasNoGap() throws {
        let certificate = OptimalityCertificate(model: try Self.wyndor(), columnValues: [2, 6], rowDuals: [0, 1.5, 1])
        #expect(certificate.primalObjective == 36)
        #expect(certificate.dualObjective == 36)
        #expect(certificate.relativeGap == 0 && certificate.primalInfeasibility == 0 && certificate.dualInfeasibility == 0)
        #expect(certificate.holds(tolerance: 1e-12))
    }

    /// Duals (0, 1.5, 1.1) bound the maximum by 1.5·12 + 1.1·18 = 37.8 (both reduced costs, 3 − 3.3 and
    /// 5 − 3 − 2.2, are negative at the lower bound 0): gap 1.8 / 36 = 0.05.
    @Test func worseDualsWidenTheGap() throws {
        let certificate = OptimalityCertificate(model: try Self.wyndor(), columnValues: [2, 6], rowDuals: [0, 1.5, 1.1])
        #expect(abs(certificate.dualObjective - 37.8) < 1e-12)
        #expect(abs(certificate.relativeGap - 0.05) < 1e-12)
        #expect(!certificate.holds(tolerance: 0.01) && certificate.holds(tolerance: 0.06))
    }

    /// (2, 6.5) breaks 2y ≤ 12 by 1 (relative 1 / 13) and 3x + 2y ≤ 18 by 1 (relative 1 / 19).
    @Test func infeasiblePointsAreMeasured() throws {
        let certificate = OptimalityCertificate(model: try Self.wyndor(), columnValues: [2, 6.5], rowDuals: [0, 1.5, 1])
        #expect(abs(certificate.primalInfeasibility - 1.0 / 13) < 1e-12)
        #expect(!certificate.holds(tolerance: 0.05))
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

    @Test func acceptedInteriorPointsCarryTheirCertificate() throws {
        let solution = try GLPKSolver().solve(try Self.wyndor(), options: SolverOptions(method: .interiorPointCertified))
        #expect(solution.status == .optimal && solution.method == .interiorPointCertified)
        let certificate = try #require(solution.certificate)
        #expect(certificate.holds(tolerance: 1e-7))
        #expect(abs(try #require(solution.primal).objective - 36) <= 1e-7 * 36)
        #expect(zip(try #require(solution.dual).rowDuals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    /// A tolerance no interior point meets sends the answer through the crossover: an exact vertex, no certificate.
    @Test func unprovenInteriorPointsAreCrossedOver() throws {
        let options = SolverOptions(method: .interiorPointCertified, certificateTolerance: 1e-300)
        let solution = try GLPKSolver().solve(try Self.wyndor(), options: options)
        #expect(solution.status == .optimal && solution.certificate == nil)
        let primal = try #require(solution.primal)
        #expect(abs(primal.objective - 36) < 1e-9 && abs(primal.columnValues[0] - 2) < 1e-9)
    }

    /// On random LPs the certified answer is within its tolerance of the simplex optimum.
    @Test(arguments: 1...10)
    func certifiedMatchesSimplex(seed: Int) throws {
        let model = try RandomLP.make(seed: UInt64(seed) + 300, rows: 60, columns: 80, density: 0.1)
        let simplex = try GLPKSolver().solve(model, options: SolverOptions(method: .dualSimplex))
        let certified = try GLPKSolver().solve(model, options: SolverOptions(method: .interiorPointCertified))
        let a = try #require(simplex.primal).objective, b = try #require(certified.primal).objective
        #expect(abs(a - b) <= 2e-7 * max(1, abs(a)))
    }
}
