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

        for (index, (start, length, committed)) in plan.windows.enumerated() {
            var began = clock.now
            let window = HourWindow(axis: network.timeAxis, start: start, count: length, calendar: calendar)
            let formulation = try DispatchFormulation.build(network: network, window: window, state: state,
                                                            periodShare: Double(length) / Double(plan.hourCount),
                                                            commitment: options.commitment)
            let model = try formulation.model()
            timings.buildSeconds += seconds(clock.now - began)

            var solution = try solve(model, solver: solver, options: options.solver)
            timings.solveSeconds += solution.solveSeconds
            if options.commitment, let values = solution.primal?.columnValues {
                // Prices come from the LP with the commitment fixed (a MILP has no duals).
                let gap = solution.mipGap
                let fixedModel = try formulation.modelWithFixedCommitment(values)
                let lp = try solve(fixedModel, solver: solver, options: options.solver)
                timings.solveSeconds += lp.solveSeconds
                if lp.status == .optimal { solution = lp }
                mipGap = max(mipGap ?? 0, gap ?? 0)
            }
            method = solution.method
            if let certificate = solution.certificate { certifiedGap = max(certifiedGap ?? 0, certificate.relativeGap) }
            began = clock.now
            guard let primal = solution.primal else {
                status = solution.status
                if status == .infeasible || status == .infeasibleOrUnbounded {
                    diagnosis = InfeasibilityDiagnosis.diagnose(model, solver: solver)
                }
                break
            }
            if solution.status != .optimal { status = solution.status }
            let extraction = DispatchExtraction(formulation: formulation, primal: primal, dual: solution.dual, committed: committed)
            let windowUnits = extraction.units()
            append(windowUnits, to: &units)
            append(extraction.prices(), to: &prices)
            totals.add(extraction.totals(units: windowUnits))
            // The reported state: after `stateAfterHours` when that hour ends in this window.
            if let hours = options.stateAfterHours.map({ $0 - timestamps.count }), hours > 0, hours < committed {
                reportedState = extraction.endState(carrying: state, after: hours)
            }
            timestamps += network.timeAxis.snapshots[start..<(start + committed)]
            state = extraction.endState(carrying: state, after: committed)
            timings.extractSeconds += seconds(clock.now - began)
            options.progress?(index + 1, plan.windows.count)
            if solution.status != .optimal { break }
        }
        return DispatchResult(status: status, timestamps: timestamps, units: units, prices: prices, kpis: totals.kpis,
                              finalState: reportedState ?? state, timings: timings, mipGap: mipGap, solverName: solver.name, method: method,
                              diagnosis: diagnosis, certifiedGap: certifiedGap)
    }

    private static func solve(_ model: LinearModel, solver: any LinearSolver,
                              options: SolverOptions) throws(DispatchError) -> LinearSolution {
        do {
            return try solver.solve(model, options: options)
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
        return try DispatchFormulation.build(network: network, window: window, state: options.initialState,
                                             periodShare: Double(first.length) / Double(plan.hourCount),
                                             commitment: options.commitment).model()
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

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// The windows of a dispatch: `(start, length, committed)` triples over the requested hours.
struct WindowPlan {
    let windows: [(start: Int, length: Int, committed: Int)]
    /// Hours requested in all.
    let hourCount: Int

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
