import DispatchOptimizer
import Foundation
import Reporting

/// The result folder of a solved dispatch (docs/outputs.md): `schedule.csv` and `prices.csv` when any hour was
/// solved, `forecasts.csv` when forecasts were used, `summary.json`, and on request `report.html`, every file
/// written atomically from the values in memory (nothing is read back).
public enum ResultFolder {
    /// Writes the result files of `solved` into `folder`, creating it if needed; with `report`, also
    /// `report.html` when any hour was solved.
    /// - Throws: `PlanningError.cannotWrite` when a file or the folder cannot be written.
    public static func write(_ solved: SolvedDispatch, to folder: String, report: Bool = false) throws(PlanningError) {
        try createDirectory(folder)
        let result = solved.result
        if !result.timestamps.isEmpty {
            try AtomicFile.write(ScheduleCSV.render(result, timeZone: solved.timeZone), to: folder + "/schedule.csv")
            try AtomicFile.write(PricesCSV.render(result, timeZone: solved.timeZone), to: folder + "/prices.csv")
        }
        if !solved.forecasts.isEmpty {
            try AtomicFile.write(RunForecastsCSV.render(solved.forecasts, timeZone: solved.timeZone), to: folder + "/forecasts.csv")
        }
        try AtomicFile.write(solved.summaryJSON, to: folder + "/summary.json")
        if report, !result.timestamps.isEmpty {
            try AtomicFile.write(self.report(solved).render(), to: folder + "/report.html")
        }
    }

    /// The HTML report of `solved`, from the values its files carry, with the tariff bands of its network.
    public static func report(_ solved: SolvedDispatch) -> HTMLReport {
        let schedule = ReportSchedule(rows: ScheduleCSV.rows(solved.result, timeZone: solved.timeZone))
        let prices = ReportPrices(rows: PricesCSV.rows(solved.result, timeZone: solved.timeZone), hours: schedule.hours)
        let bands = TariffBands(network: solved.network, firstHour: solved.job.horizon.firstHour, hourCount: schedule.hours.count)
        return HTMLReport(summary: ReportSummary(solved.summary), schedule: schedule, prices: prices, tariffBands: bands)
    }

    /// Creates the folder `path` and its parents if missing.
    /// - Throws: `PlanningError.cannotWrite` when it cannot be created.
    public static func createDirectory(_ path: String) throws(PlanningError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
    }
}
