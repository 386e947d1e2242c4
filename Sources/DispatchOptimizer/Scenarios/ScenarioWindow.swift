import LinearProgramming

/// One window of a scenario dispatch, built and solved (``DispatchOptimizer/solveScenarios(_:window:state:boundary:sharedHours:solver:options:timings:)``).
struct ScenarioWindow {
    /// The scenario LP whose solution this is.
    let lp: ScenarioFormulation
    /// Its frozen model.
    let model: LinearModel
    /// Its solution.
    let solution: LinearSolution
    /// How far the solution may be from the CVaR objective's optimum beyond the solver's own gap, relative to
    /// `max(1, |objective|)`: 0 unless a tail-weighted LP settled it.
    let tailGap: Double
    /// LPs solved for the window.
    let solves: Int
}

extension DispatchOptimizer {
    /// Relative gap up to which a tail-weighted LP's solution counts as the CVaR objective's optimum.
    static let tailTolerance = 1e-9

    /// Builds and solves the scenario LP of one window.
    ///
    /// With CVaR (docs/uncertainty.md, "CVaR by its tail"), CVaR is the largest `Σ_s q_s·C_s` over the tail weights
    /// `q` of the cost orderings, so each tail-weighted LP (block weights `(1 − λ)·π_s + λ·q_s`, the expectation LP's
    /// shape) bounds the CVaR objective from below everywhere. Where its solution's own costs give back the same `q`,
    /// the bound is reached there, so it is the CVaR optimum. The first `q` orders the scenarios by net load, the second
    /// by the costs the first LP found; when neither settles (the optimum sits where two scenario costs tie), the LP
    /// with the CVaR rows is solved.
    static func solveScenarios(_ set: ScenarioSet, window: HourWindow, state: DispatchState?, boundary: WindowBoundary?,
                               sharedHours: Int, solver: any LinearSolver, options: SolverOptions,
                               timings: inout DispatchTimings) throws(DispatchError) -> ScenarioWindow {
        let clock = ContinuousClock()
        var solves = 0
        func solved(tail: [Double]?) throws(DispatchError) -> (ScenarioFormulation, LinearModel, LinearSolution) {
            let began = clock.now
            let lp = try ScenarioFormulation.build(set, window: window, state: state, boundary: boundary,
                                                   sharedHours: sharedHours, tail: tail)
            let model = try lp.model()
            timings.buildSeconds += seconds(clock.now - began)
            let solution = try solve(model, solver: solver, options: options, timings: &timings)
            solves += 1
            return (lp, model, solution)
        }
        if case .conditionalValueAtRisk(_, let weight) = set.risk, weight > 0, set.scenarios.count > 1 {
            let probabilities = set.scenarios.map(\.probability)
            var ordering = set.netLoads(over: window)
            for _ in 0..<2 {
                let tail = set.risk.tailWeights(costs: ordering, probabilities: probabilities)
                let (lp, model, solution) = try solved(tail: tail)
                guard solution.status == .optimal, let primal = solution.primal else {
                    // The same rows as the CVaR LP's, so the same answer; other statuses try the CVaR LP.
                    if solution.status == .infeasible {
                        return ScenarioWindow(lp: lp, model: model, solution: solution, tailGap: 0, solves: solves)
                    }
                    break
                }
                let costs = set.scenarios.indices.map { lp.cost(ofBlock: $0, values: lp.values(ofBlock: $0, primal)) }
                let cvar = set.risk.conditionalValueAtRisk(costs: costs, probabilities: probabilities)
                let weighted = zip(tail, costs).reduce(0) { $0 + $1.0 * $1.1 }
                let objective = zip(probabilities, costs).reduce(0) { $0 + $1.0 * $1.1 } * (1 - weight) + weight * cvar
                let gap = weight * (cvar - weighted) / max(1, abs(objective))
                if gap <= tailTolerance {
                    return ScenarioWindow(lp: lp, model: model, solution: solution, tailGap: max(0, gap), solves: solves)
                }
                ordering = costs
            }
        }
        let (lp, model, solution) = try solved(tail: nil)
        return ScenarioWindow(lp: lp, model: model, solution: solution, tailGap: 0, solves: solves)
    }
}
