import DispatchOptimizer
import Foundation
import GridIO
import LinearProgramming
import Logging
import Reporting

/// One solved dispatch of a loaded grid: the result and its `summary.json` text.
struct SolvedDispatch: Sendable {
    /// The dispatch result.
    var result: DispatchResult
    /// `summary.json` as written (pretty-printed, sorted keys, final newline).
    var summary: String
    /// The grid's time zone (timestamps in every file).
    var timeZone: TimeZone
    /// The grid's currency.
    var currency: String
    /// The forecasts filled in for loads declared `forecast_from` and generators declared
    /// `p_max_pu_forecast_from` (empty when none).
    var forecasts: [UsedForecast] = []
}

/// The "solve a grid and write a result folder" part shared by `dispatch` and `compare`: one GLPK solve on the
/// calling thread (GLPK problems never leave it), then `schedule.csv`, `prices.csv` and `summary.json`
/// (docs/outputs.md) written atomically.
enum ResultWriter {
    /// Dispatches `grid` over the horizon of `input` with `window` and `solver` and renders its summary.
    /// - Parameters:
    ///   - solverPresetFile: the `--solver-config` path recorded in the summary (nil: compiled-in default).
    ///   - progress: called after each rolling window with the windows done and their total (`DispatchOptions`).
    /// - Throws: `ExitStatus.UsageError` for a `--start` that is no snapshot, `DispatchError` for a model that
    ///   cannot be built, an encoding error (internal).
    static func solve(_ grid: LoadedGrid, input: GridInputOptions, window: RollingWindowOptions, solver: SolverOptions,
                      solverPresetFile: String?, commitment: Bool = false, initialState: DispatchState? = nil,
                      stateAfterHours: Int? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil,
                      logger: Logger) throws -> SolvedDispatch {
        var network = grid.network
        let firstHour = try input.firstHour(in: network.timeAxis)
        let forecasts = try ForecastFiller.fill(&network, gridDirectory: GridValidation.gridDirectory(URL(fileURLWithPath: input.grid)),
                                    firstHour: firstHour, hourCount: input.hours ?? (network.timeAxis.count - firstHour),
                                    logger: logger)
        let options = DispatchOptions(
            firstHour: firstHour, hourCount: input.hours, window: window.window,
            step: window.step, solver: solver, initialState: initialState, commitment: commitment,
            stateAfterHours: stateAfterHours, progress: progress)
        let glpk = GLPKSolver(log: { [logger] line in logger.debug("glpk: \(line)") })
        let result = try DispatchOptimizer.dispatch(network, options: options, solver: glpk)
        let provenance = RunProvenance(
            re100Version: RE100Version.current, glpkVersion: GLPKSolver.version, grid: grid.fingerprint,
            gridFormat: grid.format, currency: network.currency, timeZone: network.timeAxis.timeZone.identifier,
            scenarios: grid.scenarios, solverPresetFile: solverPresetFile, solverOptions: solver,
            forecastInputs: forecasts.map(\.inputRecord).sorted { $0.series < $1.series })
        let zone = network.timeAxis.timeZone
        let summary = try RunSummary(result: result, provenance: provenance, timeZone: zone).json()
        return SolvedDispatch(result: result, summary: summary, timeZone: zone, currency: network.currency,
                              forecasts: forecasts)
    }

    /// Writes `out/schedule.csv` and `out/prices.csv` (when any hour was solved), `out/forecasts.csv` (when
    /// forecasts were used) and `out/summary.json`, creating `out` if needed.
    /// - Throws: `ExitStatus.OutputError` (exit 70) when a file cannot be written.
    static func write(_ solved: SolvedDispatch, to out: String) throws {
        try createDirectory(out)
        if !solved.result.timestamps.isEmpty {
            try AtomicFile.write(ScheduleCSV.render(solved.result, timeZone: solved.timeZone), to: out + "/schedule.csv")
            try AtomicFile.write(PricesCSV.render(solved.result, timeZone: solved.timeZone), to: out + "/prices.csv")
        }
        if !solved.forecasts.isEmpty {
            try AtomicFile.write(RunForecastsCSV.render(solved.forecasts, timeZone: solved.timeZone), to: out + "/forecasts.csv")
        }
        try AtomicFile.write(solved.summary, to: out + "/summary.json")
    }

    /// Creates the folder `path` and its parents if missing.
    /// - Throws: `ExitStatus.OutputError` (exit 70) when it cannot be created.
    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ExitStatus.OutputError(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
    }
}
