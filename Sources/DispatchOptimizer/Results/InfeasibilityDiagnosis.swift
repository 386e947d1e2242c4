import LinearProgramming

/// Why a dispatch LP is infeasible, in terms of its components: the constraints that cannot all
/// hold. Found by an elastic re-solve: every row gets non-negative slack columns that may
/// violate it, the total violation is minimised, and the rows that still need violating are
/// reported with their names (`bal(bus_1,t0012)`, `soc_balance(ess,t0003)`, ...) and amounts.
/// Rows that only define a partial sum (`*_step(...)`, `peak_chain(...)`, `billing_demand(...)_chain`) are never
/// relaxed, and period targets (`re_share`, `cfe_score`, `co2_cap`, `ppa_volume(...)`) cost half as much to
/// relax as other rows: when a hard target is out of reach, the diagnosis names the target rather than the
/// hours it could be spread over at the same total.
public struct InfeasibilityDiagnosis: Sendable, Equatable {
    /// One constraint that has to be violated.
    public struct Violation: Sendable, Equatable {
        /// The row name; it names the component and the snapshot.
        public let row: String
        /// How much it must be violated (MW for balances, MWh for storage) at the least total violation.
        public let amount: Double
    }

    /// The violated rows, largest first (at most `limit`).
    public let violations: [Violation]
    /// How many rows are violated in all.
    public let totalCount: Int

    /// Re-solves `model` with elastic rows and lists the rows that stay violated; empty when the
    /// elastic problem cannot be solved either.
    public static func diagnose(_ model: LinearModel, solver: any LinearSolver, limit: Int = 20) -> InfeasibilityDiagnosis {
        var builder = LinearModelBuilder()
        for j in 0..<model.columnCount {
            builder.addColumn(name: model.columnNames[j], lower: model.columnLower[j], upper: model.columnUpper[j])
        }
        for i in 0..<model.rowCount {
            builder.addRow(name: model.rowNames[i], lower: model.rowLower[i], upper: model.rowUpper[i])
        }
        for j in 0..<model.columnCount {
            for k in model.columnStart[j]..<model.columnStart[j + 1] {
                builder.addCoefficient(row: Int(model.rowIndex[k]), column: j, value: model.value[k])
            }
        }
        var slacks: [(row: Int, column: Int)] = []
        for i in 0..<model.rowCount {
            let name = model.rowNames[i]
            if isDefinition(name) { continue }
            let cost = isPeriodTarget(name) ? 0.5 : 1
            let up = builder.addColumn(name: "", lower: 0, upper: .infinity, cost: cost)
            let down = builder.addColumn(name: "", lower: 0, upper: .infinity, cost: cost)
            builder.addCoefficient(row: i, column: up, value: 1)
            builder.addCoefficient(row: i, column: down, value: -1)
            slacks.append((i, up))
            slacks.append((i, down))
        }
        guard let elastic = try? builder.build(),
              let solution = try? solver.solve(elastic, options: SolverOptions(method: .dualSimplex)),
              let values = solution.primal?.columnValues
        else { return InfeasibilityDiagnosis(violations: [], totalCount: 0) }
        var amounts: [Int: Double] = [:]
        for (row, column) in slacks where values[column] > 1e-7 { amounts[row, default: 0] += values[column] }
        let sorted = amounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return InfeasibilityDiagnosis(
            violations: sorted.prefix(limit).map { Violation(row: model.rowNames[$0.key], amount: $0.value) },
            totalCount: sorted.count)
    }

    private static func isDefinition(_ row: String) -> Bool {
        row.contains("_step(") || row.hasPrefix("peak_chain(") || row.hasSuffix(")_chain")
    }

    private static func isPeriodTarget(_ row: String) -> Bool {
        ["re_share", "cfe_score", "co2_cap"].contains(row) || row.hasPrefix("ppa_volume(")
    }
}
