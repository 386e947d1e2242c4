import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming

/// Dispatches a network: builds the LP of each window, solves it, and turns the answers into one
/// schedule with prices and KPIs. Pure: takes values, returns values, never touches files.
public enum DispatchOptimizer {
    /// Solves the dispatch of `network` over the hours of `options`, in one LP or in rolling
    /// windows (`options.window`/`options.step`) that carry stored energy and the month's billing
    /// peak from one window to the next; figures cover the committed hours of every window.
    /// - Throws: ``DispatchError`` for requests or networks that cannot be dispatched, or when
    ///   the solver library fails.
    public static func dispatch(_ network: Network, options: DispatchOptions,
                                solver: any LinearSolver) throws(DispatchError) -> DispatchResult {
        let plan = try WindowPlan(network: network, options: options)
        let calendar = LocalCalendar(timeZone: network.timeAxis.timeZone,
                                     holidays: HolidayCalendar(code: network.holidays) ?? .none)
        let clock = ContinuousClock()
        var state = options.initialState ?? DispatchState()
        var timings = DispatchTimings()
        var totals = DispatchTotals()
        var units: [UnitSchedule] = []
        var prices: [BusPrices] = []
        var status = TerminationStatus.optimal
        var method = options.solver.method
        var timestamps: [Date] = []
        var mipGap: Double?
        var certifiedGap: Double?
        var diagnosis: InfeasibilityDiagnosis?
        var reportedState: DispatchState?

        let rolling = plan.windows.count > 1
        if let set = options.scenarios {
            var problems = set.problems(comparedWith: network)
            if rolling { problems.append("a scenario dispatch is one LP; rolling windows are not supported") }
            if options.commitment { problems.append("a scenario dispatch has no unit commitment") }
            if options.fixedDecisions != nil { problems.append("a scenario dispatch keeps no earlier decisions") }
            if !problems.isEmpty { throw .invalidScenarios(problems) }
        }
        var scenarioOutcome: ScenarioOutcome?
        state.periodProgress = Self.startingProgress(network, options: options, calendar: calendar,
                                                     carried: state.periodProgress)
        let budgeter: WindowBudgeter? = try (rolling || options.targetPeriod == .calendarYear)
            ? Self.budgeter(network, options: options, plan: plan, calendar: calendar, solver: solver,
                            timings: &timings)
            : nil
        // Cyclic units rolled over the horizon start where the plan ends them (or where the first window
        // decides) and the window that ends the horizon returns them there.
        let cyclic = rolling ? Self.cyclicUnits(network).filter { options.initialState?.storedEnergyMWh[$0] == nil } : []
        var cycleStart: [String: Double] = [:]

        for (index, (start, length, committed)) in plan.windows.enumerated() {
            var began = clock.now
            let window = HourWindow(axis: network.timeAxis, start: start, count: length, calendar: calendar)
            var boundary = budgeter?.boundary(start: start, length: length, progress: state.periodProgress ?? PeriodProgress(period: "horizon"))
            for id in cyclic {
                if index == 0 { boundary?.energyStart[id] = budgeter?.guide?.finalEnergy[id].map { .given($0) } ?? .free }
                if let energy = cycleStart[id], start + length >= plan.lastHour + 1 {
                    boundary?.cycleEnd[id] = (hour: plan.lastHour - start, energyMWh: energy)
                }
            }
            var composed: ScenarioWindow?
            let formulation: DispatchFormulation, model: LinearModel
            var solution: LinearSolution
            if let set = options.scenarios {
                let solved = try solveScenarios(set, window: window, state: state, boundary: boundary,
                                                sharedHours: set.sharedHours ?? options.stateAfterHours ?? committed,
                                                solver: solver, options: options.solver, timings: &timings)
                (composed, formulation, model, solution) = (solved, solved.lp.blocks[set.reference], solved.model, solved.solution)
            } else {
                var built = try DispatchFormulation.build(network: network, window: window, state: state,
                                                          boundary: boundary, commitment: options.commitment)
                if let fixed = options.fixedDecisions, index == 0 { built.fix(fixed) }
                model = try built.model()
                // Only the commitment's price LP builds again; everything else needs the model alone.
                if !options.commitment { built.builder.releaseCoefficients() }
                formulation = built
                timings.buildSeconds += seconds(clock.now - began)
                solution = try solve(model, solver: solver, options: options.solver, timings: &timings)
            }
            if options.commitment, let values = solution.primal?.columnValues {
                // Prices come from the LP with the commitment fixed (a MILP has no duals).
                let gap = solution.mipGap
                let fixedModel = try formulation.modelWithFixedCommitment(values)
                let lp = try solve(fixedModel, solver: solver, options: options.solver, timings: &timings)
                if lp.status == .optimal { solution = lp }
                mipGap = max(mipGap ?? 0, gap ?? 0)
            }
            method = solution.method
            if let certificate = solution.certificate {
                certifiedGap = max(certifiedGap ?? 0, certificate.relativeGap + (composed?.tailGap ?? 0))
            }
            began = clock.now
            guard var primal = solution.primal else {
                status = solution.status
                if status == .infeasible || status == .infeasibleOrUnbounded {
                    diagnosis = InfeasibilityDiagnosis.diagnose(model, solver: solver)
                }
                break
            }
            if solution.status != .optimal { status = solution.status }
            if index == 0 {
                for id in cyclic {
                    if case .given(let energy) = boundary?.energyStart[id] { cycleStart[id] = energy }
                    if let column = formulation.energyStart[id] { cycleStart[id] = primal.columnValues[column] }
                }
            }
            var dual = solution.dual
            if let composed {
                scenarioOutcome = composed.lp.outcome(primal)
                scenarioOutcome?.solves = composed.solves
                (primal, dual) = composed.lp.block(composed.lp.set.reference, primal: primal, dual: dual)
            }
            let extraction = DispatchExtraction(formulation: formulation, primal: primal, dual: dual, committed: committed)
            let windowUnits = extraction.units()
            append(windowUnits, to: &units)
            append(extraction.prices(), to: &prices)
            let windowTotals = extraction.totals(units: windowUnits)
            totals.add(windowTotals)
            // The reported state: after `stateAfterHours` when that hour ends in this window.
            if let hours = options.stateAfterHours.map({ $0 - timestamps.count }), hours > 0, hours < committed {
                reportedState = extraction.endState(carrying: state, after: hours)
                let partial = DispatchExtraction(formulation: formulation, primal: primal, dual: dual, committed: hours)
                reportedState?.periodProgress?.add(partial.totals(units: partial.units()), hours: hours)
            }
            if reportedState != nil, let hours = options.stateAfterHours {
                reportedState?.validFrom = Self.hourAfter(network.timeAxis, snapshot: options.firstHour + hours - 1)
            }
            timestamps += network.timeAxis.snapshots[start..<(start + committed)]
            state = extraction.endState(carrying: state, after: committed)
            state.validFrom = Self.hourAfter(network.timeAxis, snapshot: start + committed - 1)
            state.periodProgress?.add(windowTotals, hours: committed)
            timings.extractSeconds += seconds(clock.now - began)
            options.progress?(index + 1, plan.windows.count)
            if solution.status != .optimal { break }
        }
        var kpis = totals.kpis
        if rolling, let imports = units.first(where: { $0.component == "grid" })?.discharge,
           let charge = Self.demandCharge(of: network, firstHour: options.firstHour, imports: imports, carried: options.initialState) {
            kpis.costs.demandCharge = charge
            kpis.objective = kpis.costs.total
        }
        kpis.addShortfalls(of: network, totals: totals)
        return DispatchResult(status: status, timestamps: timestamps, units: units, prices: prices, kpis: kpis,
                              finalState: reportedState ?? state, timings: timings, mipGap: mipGap, solverName: solver.name, method: method,
                              diagnosis: diagnosis, certifiedGap: certifiedGap, scenarioOutcome: scenarioOutcome)
    }

    /// The progress the period starts from: the carried one when it belongs to the same calendar year (runs),
    /// else none yet.
    private static func startingProgress(_ network: Network, options: DispatchOptions, calendar: LocalCalendar,
                                         carried: PeriodProgress?) -> PeriodProgress {
        guard options.targetPeriod == .calendarYear, options.firstHour < network.timeAxis.count else {
            return PeriodProgress(period: "horizon")
        }
        let year = String(calendar.localTime(network.timeAxis.snapshots[options.firstHour]).year)
        if let carried, carried.period == year { return carried }
        return PeriodProgress(period: year)
    }

    /// The budgeter of rolling windows and runs; solves the one-LP plan of the requested hours for the plan guide.
    private static func budgeter(_ network: Network, options: DispatchOptions, plan: WindowPlan, calendar: LocalCalendar,
                                 solver: any LinearSolver, timings: inout DispatchTimings) throws(DispatchError) -> WindowBudgeter {
        var guide: PlanGuide?
        if options.guide == .plan && options.targetPeriod == .horizon && plan.windows.count > 1 {
            let clock = ContinuousClock(), began = clock.now
            let window = HourWindow(axis: network.timeAxis, start: options.firstHour, count: plan.hourCount, calendar: calendar)
            let formulation = try DispatchFormulation.build(network: network, window: window, state: options.initialState)
            let model = try formulation.model()
            timings.buildSeconds += seconds(clock.now - began)
            let solution = try solve(model, solver: solver, options: options.solver, timings: &timings)
            if let primal = solution.primal {
                guide = PlanGuide(formulation: formulation, primal: primal, dual: solution.dual)
            }
        }
        var remaining: ((Int) -> Double)?
        if options.targetPeriod == .calendarYear {
            let axis = network.timeAxis
            remaining = { snapshot in
                guard snapshot < axis.count else { return 0 }
                let time = calendar.localTime(axis.snapshots[snapshot])
                var components = DateComponents(year: time.year + 1, month: 1, day: 1)
                components.timeZone = axis.timeZone
                var gregorian = Calendar(identifier: .gregorian)
                gregorian.timeZone = axis.timeZone
                guard let end = gregorian.date(from: components) else { return 0 }
                return max(0, end.timeIntervalSince(axis.snapshots[snapshot]) / 3600)
            }
        }
        return WindowBudgeter(network: network, firstHour: options.firstHour, hourCount: plan.hourCount,
                              guide: guide, remainingHours: remaining)
    }

    /// The hour after `snapshot`: the next snapshot, or one hour later at the end of the time axis.
    private static func hourAfter(_ axis: TimeAxis, snapshot: Int) -> Date? {
        guard snapshot >= 0, snapshot < axis.count else { return nil }
        return snapshot + 1 < axis.count ? axis.snapshots[snapshot + 1] : axis.snapshots[snapshot].addingTimeInterval(3600)
    }

    /// Ids of the cyclic storage units, stores and EV fleets.
    private static func cyclicUnits(_ network: Network) -> [String] {
        network.storageUnits.filter(\.isCyclic).map(\.id.rawValue) + network.stores.filter(\.isCyclic).map(\.id.rawValue)
            + network.evFleets.filter(\.isCyclic).map(\.id.rawValue)
    }

    /// Solves `model`, adding the solve's wall and CPU seconds to `timings`.
    static func solve(_ model: LinearModel, solver: any LinearSolver, options: SolverOptions,
                      timings: inout DispatchTimings) throws(DispatchError) -> LinearSolution {
        do {
            let solution = try solver.solve(model, options: options)
            timings.solveSeconds += solution.solveSeconds
            timings.solveCPUSeconds += solution.solveCPUSeconds
            return solution
        } catch {
            guard case .invalidModel(let problems) = error else { throw .solverFailure(error.description) }
            throw .invalidModel(problems.description)
        }
    }

    /// The LP of the first window of `options`, e.g. for `re100 export-lp`.
    public static func model(of network: Network, options: DispatchOptions) throws(DispatchError) -> LinearModel {
        let plan = try WindowPlan(network: network, options: options)
        let calendar = LocalCalendar(timeZone: network.timeAxis.timeZone,
                                     holidays: HolidayCalendar(code: network.holidays) ?? .none)
        guard let first = plan.windows.first else { throw DispatchError.noHours }
        let window = HourWindow(axis: network.timeAxis, start: first.start, count: first.length, calendar: calendar)
        let boundary = plan.windows.count > 1 || options.targetPeriod == .calendarYear
            ? WindowBudgeter(network: network, firstHour: options.firstHour, hourCount: plan.hourCount, guide: nil,
                             remainingHours: nil)
                .boundary(start: first.start, length: first.length,
                          progress: options.initialState?.periodProgress ?? PeriodProgress(period: "horizon"))
            : nil
        return try DispatchFormulation.build(network: network, window: window, state: options.initialState,
                                             boundary: boundary, commitment: options.commitment).model()
    }

    /// Appends per-window series to the running ones (matching by position: every window has
    /// the same units and buses).
    private static func append(_ new: [UnitSchedule], to all: inout [UnitSchedule]) {
        guard !all.isEmpty else { all = new; return }
        for k in all.indices {
            all[k].power += new[k].power
            if let more = new[k].charge { all[k].charge = (all[k].charge ?? []) + more }
            if let more = new[k].discharge { all[k].discharge = (all[k].discharge ?? []) + more }
            if let more = new[k].stateOfCharge { all[k].stateOfCharge = (all[k].stateOfCharge ?? []) + more }
            if let more = new[k].curtailed { all[k].curtailed = (all[k].curtailed ?? []) + more }
        }
    }

    private static func append(_ new: [BusPrices], to all: inout [BusPrices]) {
        guard !all.isEmpty else { all = new; return }
        for k in all.indices { all[k].price += new[k].price }
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// The windows of a dispatch: `(start, length, committed)` triples over the requested hours.
struct WindowPlan {
    let windows: [(start: Int, length: Int, committed: Int)]
    /// Hours requested in all.
    let hourCount: Int
    /// The last requested snapshot.
    var lastHour: Int { (windows.first?.start ?? 0) + hourCount - 1 }

    init(network: Network, options: DispatchOptions) throws(DispatchError) {
        let total = network.timeAxis.count
        guard options.firstHour >= 0, options.firstHour < total else {
            throw DispatchError.startOutsideSnapshots(first: options.firstHour, total: total)
        }
        let count = options.hourCount ?? (total - options.firstHour)
        guard count > 0, options.firstHour + count <= total else {
            throw DispatchError.horizonBeyondSnapshots(first: options.firstHour, count: count, total: total)
        }
        hourCount = count
        let longest = options.window ?? count
        if options.commitment && longest > 168 {
            throw DispatchError.commitmentWindowTooLong(hours: longest, limit: 168)
        }
        guard let length = options.window else {
            windows = [(options.firstHour, count, count)]
            return
        }
        let step = options.step ?? length
        guard length > 0, step > 0, step <= length else {
            throw DispatchError.invalidWindows(length: length, step: step)
        }
        var plan: [(Int, Int, Int)] = []
        var start = options.firstHour
        let end = options.firstHour + count
        while start < end {
            let remaining = end - start
            // The look-ahead may run past the requested hours but not past the time axis.
            let windowLength = min(length, total - start)
            plan.append((start, windowLength, min(step, remaining, windowLength)))
            start += min(step, remaining)
        }
        windows = plan
    }
}
