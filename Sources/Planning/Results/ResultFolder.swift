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

    /// The files a result folder may hold: an existing `--out` folder with anything else is not replaced.
    public static let fileNames: Set<String> = ["schedule.csv", "prices.csv", "forecasts.csv", "summary.json", "report.html"]

    /// Writes the result files of `solved` as one folder that replaces `folder` as a whole (`dispatch --out`): the
    /// files are written and flushed in a staging folder next to it, which then takes its place
    /// (`FolderReplacement`). On any failure `folder` is left untouched and the staging folder removed; what a
    /// killed writer left is removed first.
    /// - Throws: `PlanningError.notAResultFolder` when `folder` exists and holds other files than result files
    ///   (it would be replaced with them), `.cannotWrite` when a file cannot be written.
    public static func writeWhole(_ solved: SolvedDispatch, to folder: String, report: Bool = false) throws(PlanningError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isDirectory) {
            let entries = isDirectory.boolValue ? ((try? manager.contentsOfDirectory(atPath: folder)) ?? []) : [folder]
            let others = entries.filter { !fileNames.contains($0) && !$0.hasPrefix(".") }
            guard isDirectory.boolValue, others.isEmpty else {
                throw .notAResultFolder(path: folder, found: isDirectory.boolValue ? others.sorted().prefix(3).joined(separator: ", ") : "a file")
            }
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        try createDirectory(parent)
        FolderReplacement.removeLeftovers(of: folder)
        let staging = FolderReplacement.stagingPath(for: folder)
        do throws(PlanningError) {
            try write(solved, to: staging, report: report)
            FolderReplacement.sync(staging)
            try FolderReplacement.replace(folder, with: staging)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// The HTML report of `solved`, from the values its files carry, with the tariff bands and fleet minima of its
    /// network.
    public static func report(_ solved: SolvedDispatch) -> HTMLReport {
        let schedule = ReportSchedule(rows: ScheduleCSV.rows(solved.result, timeZone: solved.timeZone))
        let prices = ReportPrices(rows: PricesCSV.rows(solved.result, timeZone: solved.timeZone), hours: schedule.hours)
        let context = ReportGridContext(network: solved.network, firstHour: solved.job.horizon.firstHour,
                                        hourCount: schedule.hours.count)
        return HTMLReport(summary: ReportSummary(solved.summary), schedule: schedule, prices: prices,
                          tariffBands: context.tariffBands, fleetMinimumMWh: context.fleetMinimumMWh,
                          forecasts: ReportForecasts(solved.forecasts, timeZone: solved.timeZone))
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
