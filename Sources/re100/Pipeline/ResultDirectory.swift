import DispatchOptimizer
import Foundation
import GridIO
import Logging
import Reporting

/// A result directory of `re100 dispatch --out DIR` read back for the report: `summary.json` (decoded with
/// `Codable`), `schedule.csv` and `prices.csv` (read with `NumericCSVReader`, text columns kept as text, empty
/// cells as NaN). Problems are input errors (exit 65) naming the file and the line or field.
enum ResultDirectory {
    /// The text columns of `schedule.csv`; every other column listed in `scheduleColumns` is numeric.
    static let scheduleTextColumns = ["timestamp", "unit", "component", "bus", "carrier"]
    /// The numeric columns of `schedule.csv`.
    static let scheduleNumericColumns = ["p_mw", "charge_mw", "discharge_mw", "soc_mwh", "curtailed_mw"]

    /// Reads the three files of `directory` into a report, with the tariff bands of the grid `summary.json`
    /// records when it can be read as it was solved (`recordedTariffBands`).
    static func report(_ directory: String, logger: Logger = Logger(label: "re100")) throws -> HTMLReport {
        try report(directory, tariffBands: { summary, hours in recordedTariffBands(summary: summary, hours: hours, logger: logger) })
    }

    /// Reads the three files of `directory` into a report with the bands `tariffBands(summary.json URL, hours)`
    /// gives.
    static func report(_ directory: String, tariffBands: (URL, [String]) -> TariffBands?) throws -> HTMLReport {
        let base = URL(fileURLWithPath: directory)
        let summary = try readSummary(base.appendingPathComponent("summary.json"))
        let schedule = try readSchedule(base.appendingPathComponent("schedule.csv"))
        let prices = try readPrices(base.appendingPathComponent("prices.csv"), hours: schedule.hours)
        return HTMLReport(summary: summary, schedule: schedule, prices: prices,
                          tariffBands: tariffBands(base.appendingPathComponent("summary.json"), schedule.hours))
    }

    /// Decodes `summary.json`; a missing or mistyped field names its path (`costs.total`).
    static func readSummary(_ url: URL) throws -> ReportSummary {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExitStatus.InputError(message: "\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(ReportSummary.self, from: data)
        } catch let error as DecodingError {
            throw ExitStatus.InputError(message: "\(url.path): " + describe(error))
        } catch {
            throw ExitStatus.InputError(message: "\(url.path): not JSON (\(error.localizedDescription))")
        }
    }

    /// `field 'a.b': expected ...` for a decoding error.
    static func describe(_ error: DecodingError) -> String {
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

    /// Reads `schedule.csv`.
    static func readSchedule(_ url: URL) throws -> ReportSchedule {
        let table = try NumericCSVReader.read(
            contentsOf: url, textColumns: [], textColumnNames: Set(scheduleTextColumns), allowEmpty: true)
        let text = try scheduleTextColumns.map { try textColumn($0, of: table) }
        let numbers = try scheduleNumericColumns.map { try numericColumn($0, of: table) }
        let rows = (0..<table.rowCount).map { row in
            ReportSchedule.Row(
                timestamp: text[0][row], unit: text[1][row], component: text[2][row], bus: text[3][row], carrier: text[4][row],
                powerMW: numbers[0][row], chargeMW: numbers[1][row], dischargeMW: numbers[2][row],
                stateOfChargeMWh: numbers[3][row], curtailedMW: numbers[4][row])
        }
        return ReportSchedule(rows: rows)
    }

    /// Reads `prices.csv` over `hours`.
    static func readPrices(_ url: URL, hours: [String]) throws -> ReportPrices {
        let table = try NumericCSVReader.read(contentsOf: url, textColumns: [], textColumnNames: ["timestamp", "bus"])
        let timestamps = try textColumn("timestamp", of: table), buses = try textColumn("bus", of: table)
        let lmp = try numericColumn("lmp_per_mwh", of: table)
        let rows = (0..<table.rowCount).map { ReportPrices.Row(timestamp: timestamps[$0], bus: buses[$0], lmpPerMWh: lmp[$0]) }
        return ReportPrices(rows: rows, hours: hours)
    }

    private static func textColumn(_ name: String, of table: CSVTable) throws -> [String] {
        guard let column = table.textColumn(name) else { throw missing(name, in: table) }
        return column
    }

    private static func numericColumn(_ name: String, of table: CSVTable) throws -> [Double] {
        guard let column = table.numericColumn(name) else { throw missing(name, in: table) }
        return column
    }

    private static func missing(_ name: String, in table: CSVTable) -> CSVError {
        CSVError(file: table.file, line: 1, column: 0, field: name, expected: "a column '\(name)' in the header",
                 found: "the columns " + table.header.map { "'\($0)'" }.joined(separator: ", "))
    }
}
