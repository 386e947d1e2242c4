import CGLPK

/// Reading GLPK's answer back into a ``LinearSolution`` (0-based values from its 1-based arrays).
extension GLPKProblem {
    func solution(for outcome: GLPKOutcome, model: LinearModel) -> LinearSolution {
        var primal: PrimalSolution?
        var dual: DualSolution?
        if let values = outcome.keptValues, let certificate = outcome.certificate {
            primal = PrimalSolution(objective: certificate.primalObjective, columnValues: values,
                                    rowActivities: certificate.rowActivities)
        } else if let problem = pointer, outcome.hasPrimal {
            primal = readPrimal(problem, source: outcome.source, model: model)
        }
        if let problem = pointer, outcome.hasDual, outcome.source != .mixedInteger {
            dual = readDual(problem, source: outcome.source, model: model)
        }
        return LinearSolution(status: outcome.status, primal: primal, dual: dual,
                              iterations: outcome.iterations, solveSeconds: outcome.seconds,
                              mipGap: outcome.mipGap, method: outcome.method, certificate: outcome.certificate,
                              solveCPUSeconds: outcome.cpuSeconds)
    }

    private func readPrimal(_ problem: OpaquePointer, source: GLPKOutcome.Source, model: LinearModel) -> PrimalSolution {
        let objective: Double
        var values = [Double](repeating: 0, count: model.columnCount)
        var activities = [Double](repeating: 0, count: model.rowCount)
        switch source {
        case .basic:
            objective = glp_get_obj_val(problem)
            for j in values.indices { values[j] = glp_get_col_prim(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_get_row_prim(problem, Int32(i + 1)) }
        case .interior:
            objective = glp_ipt_obj_val(problem)
            for j in values.indices { values[j] = glp_ipt_col_prim(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_ipt_row_prim(problem, Int32(i + 1)) }
        case .mixedInteger:
            objective = glp_mip_obj_val(problem)
            for j in values.indices { values[j] = glp_mip_col_val(problem, Int32(j + 1)) }
            for i in activities.indices { activities[i] = glp_mip_row_val(problem, Int32(i + 1)) }
        }
        return PrimalSolution(objective: objective, columnValues: values, rowActivities: activities)
    }

    private func readDual(_ problem: OpaquePointer, source: GLPKOutcome.Source, model: LinearModel) -> DualSolution {
        let interior = source == .interior
        let duals = (0..<model.rowCount).map { i in
            interior ? glp_ipt_row_dual(problem, Int32(i + 1)) : glp_get_row_dual(problem, Int32(i + 1))
        }
        let reduced = (0..<model.columnCount).map { j in
            interior ? glp_ipt_col_dual(problem, Int32(j + 1)) : glp_get_col_dual(problem, Int32(j + 1))
        }
        return DualSolution(rowDuals: duals, reducedCosts: reduced)
    }
}
