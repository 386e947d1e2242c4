import Foundation
import GridIO
import Reporting

/// An output folder of `re100 compare --out DIR` read back for its report: `DIR/comparison.json`, and which
/// scenario folders hold a `report.html` to link to (`re100 report DIR`). Problems are `PlanningError.badInput`
/// naming the file.
public enum ComparisonDirectory {
    /// The file that marks a comparison folder.
    public static let fileName = "comparison.json"

    /// Whether `directory` holds a `comparison.json` (and is rendered as a comparison).
    public static func isComparison(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: URL(fileURLWithPath: directory).appendingPathComponent(fileName).path)
    }

    /// The comparison report of `directory`.
    public static func report(_ directory: String) throws -> ComparisonReport {
        let base = URL(fileURLWithPath: directory)
        let url = base.appendingPathComponent(fileName)
        let data: Data
        do {
            data = Data(try RegularFileReader.bytes(url.path))
        } catch {
            throw PlanningError.badInput("\(url.path): cannot read the file (expected \(error.expected), found \(error.found))")
        }
        let linked: (String) -> Bool = { scenario in
            FileManager.default.fileExists(atPath: base.appendingPathComponent(scenario).appendingPathComponent("report.html").path)
        }
        do {
            let report = try ComparisonReport(json: data)
            return ComparisonReport(currency: report.currency, rows: report.rows,
                                    linkedScenarios: Set(report.rows.map(\.scenario).filter(linked)))
        } catch let error as DecodingError {
            throw PlanningError.badInput("\(url.path): " + ResultDirectory.describe(error))
        } catch {
            throw PlanningError.badInput("\(url.path): not JSON (\(error.localizedDescription))")
        }
    }
}
