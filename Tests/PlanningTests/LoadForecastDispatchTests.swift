import Foundation
import GridIO
import Logging
import Testing
import TestSupport
@testable import Planning

/// A load declared `forecast_from` gets its dispatch demand from the forecasting core.
@Suite struct LoadForecastDispatchTests {
    /// The single-bus grid with its factory load forecast by seasonal naive (same hour yesterday)
    /// from four weeks of a pure daily pattern: the dispatched demand is that pattern.
    @Test func forecastLoadIsDispatched() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = TestFolders.root.appendingPathComponent("grids/single-bus")
        let tariff = TestFolders.root.appendingPathComponent("grids/tariffs/kepco-industrial-b-high-voltage-a-option-2.toml")
        var toml = try String(contentsOf: source.appendingPathComponent("grid.toml"), encoding: .utf8)
        toml = toml.replacingOccurrences(of: "p_set = \"series.csv:load\"",
                                         with: "forecast_from = \"history.csv:load_mw\"\nforecast_model = \"snaive24\"")
        toml = toml.replacingOccurrences(of: "\"../tariffs/kepco-industrial-b-high-voltage-a-option-2.toml\"", with: "\"\(tariff.path)\"")
        try toml.write(to: directory.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: source.appendingPathComponent("series.csv"),
                                         to: directory.appendingPathComponent("series.csv"))
        func pattern(_ hour: Int) -> Double { 8 + 4 * sin(Double(hour % 24) / 24 * 2 * .pi) }
        var history = "timestamp,load_mw\n"
        for day in 6...31 {  // 2026-03-06 .. 2026-03-31
            for hour in 0..<24 { history += String(format: "2026-03-%02dT%02d:00,%.6f\n", day, hour, pattern(hour)) }
        }
        for day in 1...2 {   // 2026-04-01 .. 2026-04-02, right before the grid's first snapshot
            for hour in 0..<24 { history += String(format: "2026-04-%02dT%02d:00,%.6f\n", day, hour, pattern(hour)) }
        }
        try history.write(to: directory.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)

        let out = directory.appendingPathComponent("out").path
        let grid = try GridSource.open(directory.path, tariffs: NamedFileCatalog(folders: []), logger: Logger(label: "test"))
        let horizon = try Horizon(firstHour: 0, hourCount: 24, snapshotCount: grid.network.timeAxis.count)
        let solved = try DispatchJob(grid: grid, horizon: horizon).run(logger: Logger(label: "test"))
        #expect(solved.forecasts.map(\.series) == ["loads.factory"])
        try ResultFolder.write(solved, to: out)
        let schedule = try String(contentsOfFile: out + "/schedule.csv", encoding: .utf8)
        let factory = schedule.split(separator: "\n").filter { $0.contains(",factory,load,") }
        #expect(factory.count == 24)
        for (hour, row) in factory.enumerated() {
            // Demand = served (p_mw) + unserved (curtailed_mw); the grid's RE target makes shedding pay.
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            let demand = (Double(fields[5]) ?? .nan) + (Double(fields[9]) ?? .nan)
            #expect(abs(demand - pattern(hour)) < 1e-5, "hour \(hour): \(row)")
        }
    }
}
