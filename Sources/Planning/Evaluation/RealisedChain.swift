import DispatchOptimizer
import GridModel
import LinearProgramming

/// Plans kept one after the other against what happened: each realisation keeps a plan's decisions over its committed
/// hours against the actual network (`FixedDecisions` with the rules' deviation price; grid import, curtailment and
/// shedding as recourse at the real prices), carries the realised state to the next, and sums the realised costs;
/// the demand charge of the realised imports is added at the end (docs/uncertainty.md).
struct RealisedChain {
    /// The realised figures so far.
    var mode = BacktestReport.Mode()
    /// The realised state after the hours done (nil before the first: the grid's initial state).
    var state: DispatchState?
    /// Realised grid import per hour, MW.
    var imports: [Double] = []

    /// Plans 48 h from the carried state (`ScenarioBacktest`), then keeps the plan's 24 committed hours.
    mutating func day(origin: Int, plan network: Network, scenarios: ScenarioSet?, actual: Network,
                      rules: RealisationRules, solver: SolverOptions, glpk: GLPKSolver) throws {
        let committed = ScenarioBacktest.committedHours
        var options = DispatchOptions(firstHour: origin, hourCount: ScenarioBacktest.plannedHours, solver: solver,
                                      initialState: state, stateAfterHours: committed)
        options.targetPeriod = .calendarYear
        options.guide = .proRata
        options.scenarios = scenarios
        if mode.rows == 0 && scenarios == nil {
            let model = try DispatchOptimizer.model(of: network, options: options)
            (mode.rows, mode.columns, mode.nonzeros) = (model.rowCount, model.columnCount, model.nonzeroCount)
        }
        let plan = try DispatchOptimizer.dispatch(network, options: options, solver: glpk)
        mode.planSolveSeconds += plan.timings.solveSeconds
        mode.planSolveCPUSeconds += plan.timings.solveCPUSeconds
        mode.planSolves += plan.scenarioOutcome?.solves ?? 1
        if let outcome = plan.scenarioOutcome, mode.rows == 0 {
            (mode.rows, mode.columns, mode.nonzeros) = (outcome.rows, outcome.columns, outcome.nonzeros)
        }
        try realise(origin: origin, hours: committed, plan: plan.status == .optimal ? plan.units : nil, actual: actual,
                    rules: rules, solver: solver, glpk: glpk)
    }

    /// Keeps `plan`'s decisions (nil: a plan that failed, every decision free) over `hours` hours from snapshot
    /// `origin` of `actual`, from the carried state, and carries the realised state on.
    /// - Throws: `PlanningError.badInput` when the realisation does not end optimal; what dispatching throws.
    mutating func realise(origin: Int, hours: Int, plan: [UnitSchedule]?, actual: Network, rules: RealisationRules,
                          solver: SolverOptions, glpk: GLPKSolver) throws {
        var realise = DispatchOptions(firstHour: origin, hourCount: hours, solver: solver, initialState: state)
        realise.targetPeriod = .calendarYear
        realise.guide = .proRata
        if let plan {
            realise.fixedDecisions = FixedDecisions(units: plan, hours: hours, recourseGenerators: rules.recourse,
                                                    deviationPrice: rules.deviationPrice)
        } else {
            mode.failedPlans += 1
        }
        let real = try DispatchOptimizer.dispatch(actual, options: realise, solver: glpk)
        guard real.status == .optimal else {
            throw PlanningError.badInput("realisation of the \(hours) h from snapshot \(origin) ended \(real.status.rawValue)")
        }
        let costs = real.kpis.costs
        mode.realisedCost += costs.total - costs.demandCharge
        mode.unservedMWh += real.kpis.unservedMWh
        for unit in real.units where unit.component == "load" && rules.firm.contains(unit.unit) {
            mode.unservedFirmMWh += (unit.curtailed ?? []).reduce(0, +)
        }
        imports += real.units.first { $0.component == "grid" }?.discharge ?? []
        state = real.finalState
    }

    /// Adds the demand charge of the realised imports from snapshot `firstHour` on, with the billing peaks `carried`
    /// from before it.
    mutating func finish(_ actual: Network, firstHour: Int, carried: DispatchState?) {
        mode.demandCharge = DispatchOptimizer.demandCharge(of: actual, firstHour: firstHour, imports: imports, carried: carried) ?? 0
        mode.realisedCost += mode.demandCharge
    }
}
