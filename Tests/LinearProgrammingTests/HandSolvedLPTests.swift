import Testing
@testable import LinearProgramming

/// LPs and a MILP whose optimum and duals are worked out by hand in the comments.
@Suite struct HandSolvedLPTests {
    /// The methods that end on a vertex (exact to rounding); the interior point is checked by
    /// OptimalityCertificateTests.
    static let methods: [SolverMethod] = SolverMethod.allCases.filter { $0 != .interiorPoint && $0 != .interiorPointCertified }

    /// Wyndor Glass (Hillier & Lieberman): max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum x = 2, y = 6, z = 36; shadow prices 0, 1.5, 1.
    @Test(arguments: methods)
    func productionPlanning(method: SolverMethod) throws {
        var builder = LinearModelBuilder(sense: .maximize)
        let x = builder.addColumn(name: "x", cost: 3)
        let y = builder.addColumn(name: "y", cost: 5)
        builder.addRow(name: "plant1", upper: 4, terms: [(x, 1)])
        builder.addRow(name: "plant2", upper: 12, terms: [(y, 2)])
        builder.addRow(name: "plant3", upper: 18, terms: [(x, 3), (y, 2)])
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method))
        #expect(solution.status == .optimal)
        let primal = try #require(solution.primal)
        let dual = try #require(solution.dual)
        #expect(abs(primal.objective - 36) < 1e-9)
        #expect(abs(primal.columnValues[x] - 2) < 1e-9)
        #expect(abs(primal.columnValues[y] - 6) < 1e-9)
        #expect(zip(dual.rowDuals, [0, 1.5, 1]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    /// Transportation: supplies 20 and 30, demands 10, 25, 15, costs [[2, 4, 5], [3, 1, 7]].
    /// Plant 2 serves market 2 (25, cost 1) and 5 of market 1 (cost 3); plant 1 serves 5 of
    /// market 1 and all of market 3: 25 + 15 + 10 + 75 = 125. Both supplies bind. Duals
    /// (u = supply rows, v = demand rows, c_ij = u_i + v_j on used routes, u_1 fixed by
    /// x_11 > 0 and x_21 > 0): v1 - v1 gives u1 - u2 = 2 - 3 = -1; with route 2-2 cost 1 and
    /// 1-3 cost 5 the market prices are v = (3, 1, 6) with u = (-1, 0).
    @Test(arguments: methods)
    func transportation(method: SolverMethod) throws {
        let cost: [[Double]] = [[2, 4, 5], [3, 1, 7]]
        let supply: [Double] = [20, 30], demand: [Double] = [10, 25, 15]
        var builder = LinearModelBuilder()
        var flow: [[Int]] = []
        for i in 0..<2 {
            flow.append((0..<3).map { j in builder.addColumn(name: "ship(\(i),\(j))", cost: cost[i][j]) })
        }
        for i in 0..<2 { builder.addRow(name: "supply(\(i))", upper: supply[i], terms: flow[i].map { ($0, 1) }) }
        for j in 0..<3 { builder.addRow(name: "demand(\(j))", lower: demand[j], upper: demand[j], terms: [(flow[0][j], 1), (flow[1][j], 1)]) }
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method))
        let primal = try #require(solution.primal)
        let dual = try #require(solution.dual)
        #expect(abs(primal.objective - 125) < 1e-9)
        #expect(zip(dual.rowDuals, [-1, 0, 3, 1, 6]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    /// Degenerate: max x + y with x + y ≤ 1 and x + 2y ≤ 2, x, y ≤ 1: objective 1 on a whole edge,
    /// several bases represent the same vertex (1, 0).
    @Test(arguments: methods)
    func degenerate(method: SolverMethod) throws {
        var builder = LinearModelBuilder(sense: .maximize)
        let x = builder.addColumn(name: "x", upper: 1, cost: 1)
        let y = builder.addColumn(name: "y", upper: 1, cost: 1)
        builder.addRow(name: "a", upper: 1, terms: [(x, 1), (y, 1)])
        builder.addRow(name: "b", upper: 2, terms: [(x, 1), (y, 2)])
        builder.addRow(name: "c", upper: 1, terms: [(x, 1)])
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method))
        #expect(solution.status == .optimal)
        #expect(abs(try #require(solution.primal).objective - 1) < 1e-9)
    }

    @Test(arguments: SolverMethod.allCases, [false, true])
    func infeasible(method: SolverMethod, presolve: Bool) throws {
        var builder = LinearModelBuilder()
        let x = builder.addColumn(name: "x", lower: 0, upper: 10, cost: 1)
        builder.addRow(name: "atLeast2", lower: 2, terms: [(x, 1)])
        builder.addRow(name: "atMost1", upper: 1, terms: [(x, 1)])
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method, presolve: presolve))
        #expect([.infeasible, .infeasibleOrUnbounded].contains(solution.status))
        #expect(solution.primal == nil && solution.dual == nil)
    }

    @Test(arguments: SolverMethod.allCases)
    func unbounded(method: SolverMethod) throws {
        var builder = LinearModelBuilder(sense: .maximize)
        let x = builder.addColumn(name: "x", cost: 1)
        let y = builder.addColumn(name: "y")
        builder.addRow(name: "link", upper: 1, terms: [(x, 1), (y, -1)])
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method))
        #expect([.unbounded, .infeasibleOrUnbounded].contains(solution.status))
        #expect(solution.dual == nil)
    }

    /// Knapsack: values 10, 13, 7, 8, weights 5, 6, 3, 4, capacity 10. Feasible pairs:
    /// {1,3} weighs 10 and is worth 21, the best of all subsets (enumerated: {1,2} 20, {0,3} 18,
    /// {0,2} 17, {2,3} 15; no triple fits).
    @Test func knapsack() throws {
        var builder = LinearModelBuilder(sense: .maximize)
        let values: [Double] = [10, 13, 7, 8], weights: [Double] = [5, 6, 3, 4]
        let items = values.indices.map { builder.addColumn(name: "take\($0)", cost: values[$0], kind: .binary) }
        builder.addRow(name: "capacity", upper: 10, terms: items.map { ($0, weights[$0]) })
        let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(mipGap: 0))
        #expect(solution.status == .optimal)
        let primal = try #require(solution.primal)
        #expect(abs(primal.objective - 21) < 1e-9)
        #expect(primal.columnValues.map { $0.rounded() } == [0, 1, 0, 1])
        #expect(solution.dual == nil)
        #expect(try #require(solution.mipGap) < 1e-9)
    }

    @Test func iterationLimitStopsEarly() throws {
        let model = try RandomLP.make(seed: 7, rows: 40, columns: 60)
        let solution = try GLPKSolver().solve(model, options: SolverOptions(method: .primalSimplex, iterationLimit: 1))
        #expect(solution.status == .iterationLimit)
        #expect(solution.dual == nil)
    }

    @Test func emptyModelHasZeroObjective() throws {
        var builder = LinearModelBuilder()
        builder.objectiveConstant = 4.5
        for method in SolverMethod.allCases {
            let solution = try GLPKSolver().solve(builder.build(), options: SolverOptions(method: method))
            #expect(solution.status == .optimal)
            #expect(solution.primal?.objective == 4.5)
        }
    }
}
