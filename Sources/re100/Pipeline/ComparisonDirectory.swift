import Foundation
import Reporting

/// An output folder of `re100 compare --out DIR` read back for its report: `DIR/comparison.json`, and which
/// scenario folders hold a `report.html` to link to. Problems are input errors (exit 65) naming the file.
enum ComparisonDirectory {
    /// The file that marks a comparison folder.
    static let fileName = "comparison.json"

    /// Whether `directory` holds a `comparison.json` (and is rendered as a comparison).
    static func isComparison(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent(fileName).path)
    }

    /// The comparison report of `directory`.
    static func report(_ directory: String) throws -> ComparisonReport {
        let base = URL(fileURLWithPath: directory)
        let url = base.appendingPathComponent(fileName)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ExitStatus.InputError(message: "\(url.path): cannot read the file (\(error.localizedDescription))")
        }
        let linked: (String) -> Bool = { scenario in
            FileManager.default.fileExists(atPath: base.appendingPathComponent(scenario).appendingPathComponent("report.html").path)
        }
        do {
            let report = try ComparisonReport(json: data)
            return ComparisonReport(currency: report.currency, rows: report.rows,
                                    linkedScenarios: Set(report.rows.map(\.scenario).filter(linked)))
        } catch let error as DecodingError {
            throw ExitStatus.InputError(message: "\(url.path): " + ResultDirectory.describe(error))
        } catch {
            throw ExitStatus.InputError(message: "\(url.path): not JSON (\(error.localizedDescription))")
        }
    }
}
