import DispatchOptimizer
import EnergyCalendar
import Foundation
import GridIO
import GridModel
import LinearProgramming
import Logging
import Reporting

/// The committed runs of a run archive measured against the actuals metered since (`re100 evaluate <history-db>`,
/// docs/uncertainty.md, "Evaluation from the history database"). Every successful run that recorded its plan and
/// has an actual value of every forecast series in each committed hour is kept against them: its recorded decisions
/// (storage, links, firm generators) as they can be kept, grid import, curtailment and shedding as recourse at the
/// real prices. Runs that follow each other (the next starts where the committed hours end) form a chain that carries
/// the realised state; one LP on the actuals over each chain's hours, from the same state, is the perfect foresight.
/// The regret is split by series: each run is planned again from the recorded forecasts and start state, once as
/// recorded and once per series with that series' actual values, and the two are kept against the actuals the same
/// way.
public struct HistoryEvaluation: Sendable {
    /// The run archive.
    public var archive: RunArchive
    /// The grid to re-dispatch on (nil: the grid path the runs recorded, which must be one).
    public var grid: String?
    /// First and last local date (`YYYY-MM-DD`, inclusive) of the runs' first hours; nil: no bound.
    public var from: String?, to: String?
    /// Where tariffs named by bare name are found.
    public var tariffs: NamedFileCatalog
    /// Solver options of every LP.
    public var solver: SolverOptions

    /// An evaluation of `archive`'s runs.
    public init(archive: RunArchive, grid: String? = nil, from: String? = nil, to: String? = nil, tariffs: NamedFileCatalog,
                solver: SolverOptions = SolverOptions()) {
        self.archive = archive
        self.grid = grid
        self.from = from
        self.to = to
        self.tariffs = tariffs
        self.solver = solver
    }

    /// Runs it.
    /// - Throws: `PlanningError.badInput` (exit 65) when no run can be evaluated (none recorded its plan, none in the
    ///   dates, none with actuals for all its committed hours), the runs name several grids, a run's hours are not on
    ///   the grid's time axis or a recorded forecast is missing; `PlanningError.notADate`; what reading the grid and
    ///   dispatching throw.
    public func run(logger: Logger) throws -> HistoryEvaluationReport {
        let recorded = try archive.committedRuns()
        guard !recorded.isEmpty else {
            throw PlanningError.badInput("\(archive.path): no successful run recorded its plan (runs recorded by `re100 run` "
                + "from this version on keep their start state and committed hours)")
        }
        let paths = Set(recorded.map(\.gridPath))
        guard let path = grid ?? (paths.count == 1 ? paths.first : nil) else {
            throw PlanningError.badInput("\(archive.path): the runs used several grids (\(paths.sorted().joined(separator: ", "))); "
                + "pass --grid to choose one")
        }
        let source = try GridSource.open(path, tariffs: tariffs, logger: logger)
        let network = source.network
        let axis = network.timeAxis
        let calendar = LocalCalendar(timeZone: axis.timeZone, holidays: .none)
        let (first, last) = (try BacktestJob.day(from, calendar: calendar), try BacktestJob.day(to, calendar: calendar))
        var runs = recorded.filter { run in
            let day = calendar.localDayNumber(run.firstHour)
            return day >= (first ?? .min) && day <= (last ?? .max)
        }
        guard let start = runs.first?.firstHour, let end = runs.map({ $0.firstHour.addingTimeInterval(Double($0.hours) * 3600) }).max() else {
            throw PlanningError.badInput("\(archive.path): no committed run between \(from ?? "the first run") and \(to ?? "the last run")")
        }
        let actuals = ActualInputs(network: network, values: try archive.actualValues(from: start, to: end))
        let rules = RealisationRules(network, recourse: Set(actuals.generators.keys))
        let actual = actuals.realised(network, firmPenalty: rules.firmPenalty)
        var report = HistoryEvaluationReport(currency: network.currency, series: (actuals.loads.keys.sorted().map { "loads." + $0 })
                                             + actuals.generators.keys.sorted().map { "generators." + $0 })
        runs = try evaluable(runs, axis: axis, actuals: actuals, report: &report)
        guard !runs.isEmpty else {
            throw PlanningError.badInput("\(archive.path): no committed run has an actual value of every forecast series in each "
                + "committed hour (" + report.skipped.map { "run \($0.id): \($0.reason)" }.joined(separator: "; ")
                + "); add them with `re100 actuals add`")
        }
        let glpk = GLPKSolver(log: { [logger] line in logger.debug("glpk: \(line)") })
        var chains: [[(run: CommittedRun, origin: Int)]] = []
        for run in runs {
            let origin = try snapshot(run.firstHour, axis: axis, run: run.id)
            if let previous = chains.last?.last, previous.origin + previous.run.plan.committedHours == origin {
                chains[chains.count - 1].append((run, origin))
            } else {
                chains.append([(run, origin)])
            }
        }
        for chain in chains {
            try evaluate(chain, network: network, actual: actual, actuals: actuals, rules: rules, glpk: glpk, report: &report)
        }
        report.chains = chains.count
        return report
    }

    /// The runs of `runs` that can be evaluated: one per first hour (the last recorded), not starting inside the
    /// committed hours of the run before, with every actual of their committed hours; the others go to `skipped`.
    private func evaluable(_ runs: [CommittedRun], axis: TimeAxis, actuals: ActualInputs,
                           report: inout HistoryEvaluationReport) throws -> [CommittedRun] {
        var kept: [CommittedRun] = []
        var committedEnd = Date.distantPast
        for (k, run) in runs.enumerated() {
            if k + 1 < runs.count, runs[k + 1].firstHour == run.firstHour {
                report.skipped.append((run.id, "run \(runs[k + 1].id) replanned the same hours"))
                continue
            }
            if run.firstHour < committedEnd {
                report.skipped.append((run.id, "starts inside the committed hours of the run before"))
                continue
            }
            let origin = try snapshot(run.firstHour, axis: axis, run: run.id)
            if let gap = actuals.missing(in: origin..<min(axis.count, origin + run.plan.committedHours)) {
                report.skipped.append((run.id, "no actual \(gap.series) at \(ReportFormat.timestamp(axis.snapshots[gap.snapshot], timeZone: axis.timeZone))"))
                continue
            }
            guard origin + run.hours <= axis.count else {
                throw PlanningError.badInput("\(archive.path): run \(run.id) planned \(run.hours) h past the end of the grid's time axis")
            }
            committedEnd = run.firstHour.addingTimeInterval(Double(run.plan.committedHours) * 3600)
            kept.append(run)
        }
        return kept
    }

    /// The snapshot of `date` on `axis`.
    private func snapshot(_ date: Date, axis: TimeAxis, run id: Int64) throws -> Int {
        guard let k = axis.snapshots.firstIndex(of: date) else {
            throw PlanningError.badInput("\(archive.path): run \(id) starts at \(ReportFormat.timestamp(date, timeZone: axis.timeZone)), "
                + "not a snapshot of the grid")
        }
        return k
    }

    /// Keeps every run of `chain` against the actuals (recorded plans, plans made again, and again per series with its
    /// actual values), then solves the chain's perfect foresight.
    private func evaluate(_ chain: [(run: CommittedRun, origin: Int)], network: Network, actual: Network, actuals: ActualInputs,
                          rules: RealisationRules, glpk: GLPKSolver, report: inout HistoryEvaluationReport) throws {
        let start = chain[0].run.plan.startState
        var recorded = RealisedChain(state: start), replayed = RealisedChain(state: start)
        var perfect = [RealisedChain](repeating: RealisedChain(state: start), count: report.series.count)
        for (run, origin) in chain {
            let hours = run.plan.committedHours
            try recorded.realise(origin: origin, hours: hours, plan: run.schedule, actual: actual, rules: rules, solver: solver, glpk: glpk)
            try replayed.realise(origin: origin, hours: hours, plan: try plan(run, origin: origin, network: network, actuals: actuals, perfect: nil, glpk: glpk),
                                 actual: actual, rules: rules, solver: solver, glpk: glpk)
            for (k, series) in report.series.enumerated() {
                let units = try plan(run, origin: origin, network: network, actuals: actuals, perfect: series, glpk: glpk)
                try perfect[k].realise(origin: origin, hours: hours, plan: units, actual: actual, rules: rules, solver: solver, glpk: glpk)
            }
            report.runs += 1
            report.hours += hours
        }
        let (first, hours) = (chain[0].origin, chain.reduce(0) { $0 + $1.run.plan.committedHours })
        recorded.finish(actual, firstHour: first, carried: start)
        replayed.finish(actual, firstHour: first, carried: start)
        for k in perfect.indices { perfect[k].finish(actual, firstHour: first, carried: start) }
        report.realised.add(recorded.mode)
        report.replayed.add(replayed.mode)
        for k in perfect.indices { report.perfectSeries[k].add(perfect[k].mode) }
        let foresight = try DispatchOptimizer.dispatch(actual, options: DispatchOptions(firstHour: first, hourCount: hours, solver: solver,
                                                                                        initialState: start), solver: glpk)
        guard foresight.status == .optimal else {
            throw PlanningError.badInput("perfect foresight of the \(hours) h from snapshot \(first) ended \(foresight.status.rawValue)")
        }
        report.perfectForesightCost += foresight.kpis.objective
    }

    /// `run` planned again as `re100 run` planned it: the recorded forecasts (with `perfect`'s actual values where
    /// metered) and start state, deterministic or with quantile scenarios; its schedule, nil when it was not optimal.
    private func plan(_ run: CommittedRun, origin: Int, network grid: Network, actuals: ActualInputs, perfect: String?,
                      glpk: GLPKSolver) throws -> [UnitSchedule]? {
        var network = grid
        var forecasts = run.forecasts
        for k in forecasts.indices where forecasts[k].series == perfect {
            for h in forecasts[k].timestamps.indices {
                guard let value = actuals.value(forecasts[k].series, at: origin + h) else { continue }
                (forecasts[k].forecast[h], forecasts[k].p10[h], forecasts[k].p50[h], forecasts[k].p90[h]) = (value, value, value, value)
            }
        }
        let count = network.timeAxis.count
        for load in network.loads.indices {
            guard case .forecastFromHistory = network.loads[load].demand else { continue }
            let values = try recorded(forecasts, "loads." + network.loads[load].id.rawValue, run: run)
            network.loads[load].demand = .fixed(.hourly(ForecastFiller.profile(values, firstHour: origin, count: count)))
        }
        for generator in network.generators.indices where network.generators[generator].availabilityHistory != nil {
            let values = try recorded(forecasts, "generators." + network.generators[generator].id.rawValue, run: run)
            network.generators[generator].maximumPerUnit = .hourly(ForecastFiller.profile(values, firstHour: origin, count: count))
        }
        var options = DispatchOptions(firstHour: origin, hourCount: run.hours, solver: solver, initialState: run.plan.startState,
                                      stateAfterHours: run.plan.committedHours)
        options.targetPeriod = .calendarYear
        options.guide = .proRata
        if run.plan.scenarioMode == .quantile {
            options.scenarios = try QuantileScenarios.set(of: network, forecasts: forecasts, firstHour: origin,
                                                          sharedHours: run.plan.committedHours, risk: run.plan.risk)
        }
        let plan = try DispatchOptimizer.dispatch(network, options: options, solver: glpk)
        return plan.status == .optimal ? plan.units : nil
    }

    /// The recorded point forecast of `series` over every planned hour of `run`.
    private func recorded(_ forecasts: [UsedForecast], _ series: String, run: CommittedRun) throws -> [Double] {
        guard let forecast = forecasts.first(where: { $0.series == series }), forecast.forecast.count == run.hours,
              forecast.forecast.allSatisfy(\.isFinite) else {
            throw PlanningError.badInput("\(archive.path): run \(run.id) recorded no forecast of \(series) for each of its \(run.hours) hours")
        }
        return forecast.forecast
    }
}
