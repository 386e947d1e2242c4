import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

/// The grid keys of forecast inputs: `[forecasting]` and `generators.<id>.p_max_pu_forecast_from`, read and
/// validated with file, line and column.
@Suite struct ForecastingKeysTests {
    /// The minimal grid with PV forecast from `pv_history.csv:cf` and `forecasting` as the `[forecasting]` body.
    static func grid(forecasting: String, reference: String = "pv_history.csv:cf") -> String {
        GridFolder.minimalGrid.replacingOccurrences(of: "p_max_pu = \"series.csv:pv\"", with: "p_max_pu_forecast_from = \"\(reference)\"")
            + "\n[forecasting]\n" + forecasting + "\n"
    }

    /// 1-based line and column of `text`'s first occurrence in `source`.
    static func position(of text: String, in source: String) -> (line: Int, column: Int) {
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        }
        return (0, 0)
    }

    @Test func readsTheKeys() throws {
        let folder = try GridFolder([
            "grid.toml": Self.grid(forecasting: "max_input_age_hours = 72\nlatitude_deg = 35.2\nlongitude_deg = 126.8"),
            "series.csv": GridFolder.minimalSeries, "pv_history.csv": "timestamp,cf\n2026-01-01T00:00,0\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let network = try NativeGridReader.read(directory: folder.url).network
        #expect(network.forecasting.maximumInputAgeHours == 72)
        #expect(network.forecasting.latitude == 35.2)
        #expect(network.forecasting.longitude == 126.8)
        #expect(network.generators[0].availabilityHistory == HistoryColumn(file: "pv_history.csv", column: "cf"))
        #expect(GridReader.validate(folder.url).errors.isEmpty)
        // Written back, only the fields that differ from their defaults appear.
        let written = NativeGridWriter.render(network)[0].1
        #expect(written.contains("[forecasting]\nmax_input_age_hours = 72.0\nlatitude_deg = 35.2\nlongitude_deg = 126.8\n"))
        #expect(written.contains("p_max_pu_forecast_from = \"pv_history.csv:cf\""))
    }

    /// An unknown key of `[forecasting]` is reported at its key (and stops the table from being read).
    @Test func unknownKeyIsLocated() throws {
        let text = Self.grid(forecasting: "latitude_deg = 35.2\nlongitude_deg = 126.8\nmax_age = 3")
        let folder = try GridFolder(["grid.toml": text, "series.csv": GridFolder.minimalSeries, "pv_history.csv": "timestamp,cf\n"])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let errors = GridReader.validate(folder.url).errors
        #expect(errors.count == 1, "\(errors)")
        let unknown = try #require(errors.first)
        #expect(unknown.field == "forecasting.max_age")
        #expect(unknown.message == "unknown field")
        #expect(unknown.expected == "one of max_input_age_hours, latitude_deg, longitude_deg")
        #expect((unknown.line, unknown.column) == Self.position(of: "max_age = 3", in: text))
        #expect(unknown.file.hasSuffix("grid.toml"))
    }

    /// Every bad value at once, each at the line and column of its value: a non-positive age limit, a latitude
    /// out of range, an incomplete reference and a PV forecast without a longitude.
    @Test func badValuesAreLocated() throws {
        let text = Self.grid(forecasting: "max_input_age_hours = 0\nlatitude_deg = 95", reference: "pv_history.csv")
        let folder = try GridFolder(["grid.toml": text, "series.csv": GridFolder.minimalSeries, "pv_history.csv": "timestamp,cf\n"])
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let errors = GridReader.validate(folder.url).errors
        func error(_ field: String, _ message: String) throws -> GridIOError {
            try #require(errors.first { $0.field == field && $0.message.contains(message) }, "\(field): \(errors)")
        }
        func at(_ found: GridIOError, _ text: String, in source: String) -> Bool {
            (found.line, found.column) == Self.position(of: text, in: source)
        }
        let age = try error("forecasting.max_input_age_hours", "age limit")
        #expect((age.line, age.column) == (Self.position(of: "max_input_age_hours = 0", in: text).line, 23))
        #expect(age.expected == "a number > 0")
        let latitude = try error("forecasting.latitude_deg", "latitude out of range")
        #expect(at(latitude, "95", in: text))
        let reference = try error("generators.pv.p_max_pu_forecast_from", "incomplete history reference")
        #expect(at(reference, "\"pv_history.csv\"", in: text))
        let site = try error("generators.pv.p_max_pu_forecast_from", "PV forecast without a site location")
        #expect(site.found == "latitude 95, longitude none")
        #expect(errors.count == 4, "\(errors)")
    }
}
