import DispatchOptimizer
import Foundation
import GridIO
import Logging
import Reporting

/// A result directory of `re100 dispatch --out DIR` read back for `re100 report`: `summary.json` (decoded with
/// `Codable`), `schedule.csv`, `prices.csv` and, when present, `forecasts.csv` (Reporting's readers, beside their writers). Problems are
/// `PlanningError.badInput` or `CSVError`, naming the file and the line or field.
public enum ResultDirectory {
    /// Reads the three files of `directory` into a report, with the tariff bands and fleet minima of the grid
    /// `summary.json` records when it can be read as it was solved (`recordedGridContext`); tariffs named by bare
    /// name are looked up in `tariffs`.
    public static func report(_ directory: String, tariffs: NamedFileCatalog, logger: Logger) throws -> HTMLReport {
        try report(directory, gridContext: { summary, hours in
            recordedGridContext(summary: summary, hours: hours, tariffs: tariffs, logger: logger)
        })
    }

    /// Reads the three files of `directory` into a report with what `gridContext(summary.json URL, hours)` gives.
    public static func report(_ directory: String, gridContext: (URL, [String]) -> ReportGridContext?) throws -> HTMLReport {
        let base = URL(fileURLWithPath: directory)
        let summary = try readSummary(base.appendingPathComponent("summary.json"))
        let schedule = try ScheduleCSV.read(contentsOf: base.appendingPathComponent("schedule.csv"))
        let prices = try PricesCSV.read(contentsOf: base.appendingPathComponent("prices.csv"), hours: schedule.hours)
        let context = gridContext(base.appendingPathComponent("summary.json"), schedule.hours)
        let forecastsFile = base.appendingPathComponent("forecasts.csv")
        let forecasts = FileManager.default.fileExists(atPath: forecastsFile.path) ? try ReportForecasts.read(contentsOf: forecastsFile) : nil
        return HTMLReport(summary: summary, schedule: schedule, prices: prices, tariffBands: context?.tariffBands,
                          fleetMinimumMWh: context?.fleetMinimumMWh ?? [:], forecasts: forecasts)
    }

    /// Decodes `summary.json`; a missing or mistyped field names its path (`costs.total`).
    public static func readSummary(_ url: URL) throws -> ReportSummary {
        let data: Data
        do {
            data = Data(try RegularFileReader.bytes(url.path))
        } catch {
            throw PlanningError.badInput("\(url.path): cannot read the file (expected \(error.expected), found \(error.found))")
        }
        do {
            return try JSONDecoder().decode(ReportSummary.self, from: data)
        } catch let error as DecodingError {
            throw PlanningError.badInput("\(url.path): " + describe(error))
        } catch {
            throw PlanningError.badInput("\(url.path): not JSON (\(error.localizedDescription))")
        }
    }

    /// `field 'a.b': expected ...` for a decoding error.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "field '\(path(context.codingPath + [key]))': expected it to be present, found nothing"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))': expected \(type), found \(context.debugDescription)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.debugDescription ?? context.debugDescription
            let place = context.codingPath.isEmpty ? "" : "field '\(path(context.codingPath))': "
            return place + "expected JSON, found invalid data (\(underlying))"
        @unknown default:
            return "\(error)"
        }
    }
}
