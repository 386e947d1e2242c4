import Forecasting
import Foundation
import GridIO
import Logging
import Reporting
import Testing
import TestSupport
@testable import Planning

/// The forecast inputs of dispatch jobs and scheduled runs: PV availability from a capacity-factor history, the staleness
/// limit, the temperature fallback, and `forecasts.csv`.
@Suite struct ForecastInputsTests {
    /// The site of the test grids (Gwangju).
    static let site = ClearSkyModel(latitude: 35.2, longitude: 126.8)
    /// 2026-04-03T00:00+09:00, the first snapshot of `grids/single-bus`.
    static let origin = Date(timeIntervalSince1970: 1_775_142_000)

    /// The single-bus grid copied into `directory` with its PV generator forecast from `pv_history.csv:cf`,
    /// `forecasting` appended as the `[forecasting]` table body, and `load` replacing the factory's `p_set`.
    static func writeGrid(in directory: URL, forecasting: String, load: String? = nil) throws {
        let source = TestFolders.root.appendingPathComponent("grids/single-bus")
        let tariff = TestFolders.root.appendingPathComponent("grids/tariffs/kepco-industrial-b-high-voltage-a-option-2.toml")
        var toml = try String(contentsOf: source.appendingPathComponent("grid.toml"), encoding: .utf8)
        toml = toml.replacingOccurrences(of: "p_max_pu = \"series.csv:pv\"", with: "p_max_pu_forecast_from = \"pv_history.csv:cf\"")
        if let load { toml = toml.replacingOccurrences(of: "p_set = \"series.csv:load\"", with: load) }
        toml = toml.replacingOccurrences(of: "\"../tariffs/kepco-industrial-b-high-voltage-a-option-2.toml\"", with: "\"\(tariff.path)\"")
        toml += "\n[forecasting]\n" + forecasting + "\n"
        try toml.write(to: directory.appendingPathComponent("grid.toml"), atomically: true, encoding: .utf8)
        let series = directory.appendingPathComponent("series.csv")
        if !FileManager.default.fileExists(atPath: series.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent("series.csv"), to: series)
        }
    }

    /// `pv_history.csv`: `days` days of capacity factors `0.6 × GHI_cs / 1000` ending `endGapHours` hours before
    /// the origin (1: the history ends right before it), timestamps with their offset.
    static func writePVHistory(in directory: URL, days: Int = 14, endGapHours: Int = 1) throws {
        var text = "timestamp,cf\n"
        let first = origin.addingTimeInterval(-Double(days * 24 + endGapHours - 1) * 3600)
        let zone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        for hour in 0..<(days * 24) {
            let time = first.addingTimeInterval(Double(hour) * 3600)
            text += ReportFormat.timestamp(time, timeZone: zone) + "," + String(0.6 * site.hourlyIrradiance(startingAt: time) / 1000) + "\n"
        }
        try text.write(to: directory.appendingPathComponent("pv_history.csv"), atomically: true, encoding: .utf8)
    }

    /// The grid in `directory`, its tariff given by path.
    static func open(_ directory: URL, logger: Logger = Logger(label: "test")) throws -> GridSource {
        try GridSource.open(directory.path, tariffs: NamedFileCatalog(folders: []), logger: logger)
    }

    /// The grid in `directory` dispatched over its first `hours` hours.
    static func dispatch(_ directory: URL, hours: Int) throws -> SolvedDispatch {
        let grid = try open(directory)
        let horizon = try Horizon(start: nil, hours: hours, in: grid.network.timeAxis)
        return try DispatchJob(grid: grid, horizon: horizon).run(logger: Logger(label: "test"))
    }

    /// A plant at 0.6 × clear sky is forecast at 0.6 × clear sky with zero-width quantiles, written to
    /// `forecasts.csv`, and the dispatched PV never exceeds forecast × p_nom.
    @Test func pvForecastIsFilledAndBoundsTheSchedule() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeGrid(in: directory, forecasting: "latitude_deg = 35.2\nlongitude_deg = 126.8")
        try Self.writePVHistory(in: directory)
        let out = directory.appendingPathComponent("out").path
        try ResultFolder.write(try Self.dispatch(directory, hours: 24), to: out)

        let forecasts = try String(contentsOfFile: out + "/forecasts.csv", encoding: .utf8).split(separator: "\n")
        #expect(forecasts.count == 25)
        #expect(forecasts.first == "series,model,origin,timestamp,forecast,p10,p50,p90")
        let schedule = try String(contentsOfFile: out + "/schedule.csv", encoding: .utf8)
        let pv = schedule.split(separator: "\n").filter { $0.contains(",pv,generator,") }
        #expect(pv.count == 24)
        var largest = 0.0
        for (hour, row) in forecasts.dropFirst().enumerated() {
            let fields = row.split(separator: ",").map(String.init)
            #expect(fields[0...2] == ["generators.pv", "pv-clearsky", "2026-04-03T00:00+09:00"])
            let expected = 0.6 * Self.site.hourlyIrradiance(startingAt: Self.origin.addingTimeInterval(Double(hour) * 3600)) / 1000
            let forecast = Double(fields[4]) ?? .nan
            #expect(abs(forecast - expected) <= 0.0005 + 1e-9, "hour \(hour): \(row)")
            #expect(fields[5] == fields[4] && fields[6] == fields[4] && fields[7] == fields[4], "no error, no spread: \(row)")
            let dispatched = Double(pv[hour].split(separator: ",", omittingEmptySubsequences: false)[5]) ?? .nan
            #expect(dispatched <= expected * 10 + 1e-6, "hour \(hour): \(pv[hour])")
            largest = max(largest, dispatched)
        }
        #expect(largest > 3)   // about 0.6 × 0.9 × 10 MW at noon in early April
    }

    /// A history whose newest row is 49 h old at the origin is refused (exit 65) under the default 48 h limit,
    /// with a message naming file, column, field, timestamp, age and limit; a 49 h limit accepts it.
    @Test func staleInputsAreRefused() throws {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.writeGrid(in: directory, forecasting: "latitude_deg = 35.2\nlongitude_deg = 126.8")
        try Self.writePVHistory(in: directory, endGapHours: 49)
        #expect(throws: PlanningError.self) { try Self.dispatch(directory, hours: 24) }

        let logger = Logger(label: "test")
        let horizon = try Horizon(firstHour: 0, hourCount: 24, snapshotCount: 48)
        var network = try Self.open(directory).network
        let error = try #require(throws: PlanningError.self) {
            try ForecastFiller.fill(&network, gridDirectory: directory, horizon: horizon, logger: logger)
        }
        let message = error.description
        #expect(message.hasPrefix("forecast inputs too old:"))
        #expect(message.contains(directory.appendingPathComponent("pv_history.csv").path + ", column cf (generators.pv.p_max_pu_forecast_from)"))
        #expect(message.contains("newest row 2026-03-31T23:00+09:00 is 49 h old at the forecast origin 2026-04-03T00:00+09:00"))
        #expect(message.contains("older than forecasting.max_input_age_hours = 48"))

        try Self.writeGrid(in: directory, forecasting: "latitude_deg = 35.2\nlongitude_deg = 126.8\nmax_input_age_hours = 49")
        var relaxed = try Self.open(directory).network
        let used = try ForecastFiller.fill(&relaxed, gridDirectory: directory, horizon: horizon, logger: logger)
        #expect(used.map(\.series) == ["generators.pv"])
        #expect(used[0].timestamps.count == 24)
    }
}

/// The temperature fallback, and `forecasts.csv` of a scheduled run on the bundled operational example.
@Suite struct ForecastInputsRunTests {
    /// A purely daily temperature cycle, degrees C, by local hour.
    static func temperature(_ hour: Int) -> Double { 12 + 5 * cos(2 * .pi * Double(hour - 15) / 24) }

    /// The single-bus grid whose factory load, `10 + 0.3 × temperature`, is forecast by `mlr-vanilla` from 61 days of
    /// `load_history.csv`; with `futureRows` the file also gives the 24 forecast hours' temperatures (load empty).
    /// Returns the forecasts filled in and the notices logged.
    static func forecastWithTemperatures(futureRows: Bool) throws -> (UsedForecast, [String], firstHourDemand: [Double]) {
        let directory = try TestFolders.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try ForecastInputsTests.writeGrid(
            in: directory, forecasting: "latitude_deg = 35.2\nlongitude_deg = 126.8",
            load: "forecast_from = \"load_history.csv:load_mw\"\nforecast_model = \"mlr-vanilla\"")
        try ForecastInputsTests.writePVHistory(in: directory)
        let zone = TimeZone(identifier: "Asia/Seoul") ?? .gmt
        let first = ForecastInputsTests.origin.addingTimeInterval(-61 * 86_400)
        var text = "timestamp,load_mw,temp_c\n"
        for hour in 0..<(61 * 24 + (futureRows ? 24 : 0)) {   // starts at local midnight: hour % 24 is the local hour
            let value = temperature(hour % 24)
            let load = hour < 61 * 24 ? "\(10 + 0.3 * value)" : ""
            text += ReportFormat.timestamp(first.addingTimeInterval(Double(hour) * 3600), timeZone: zone) + ",\(load),\(value)\n"
        }
        try text.write(to: directory.appendingPathComponent("load_history.csv"), atomically: true, encoding: .utf8)
        let (logger, records) = RecordingLogHandler.logger()
        var network = try ForecastInputsTests.open(directory, logger: logger).network
        let horizon = try Horizon(firstHour: 0, hourCount: 24, snapshotCount: network.timeAxis.count)
        let used = try ForecastFiller.fill(&network, gridDirectory: directory, horizon: horizon, logger: logger)
        let load = try #require(used.first { $0.series == "loads.factory" })
        return (load, records.messages(at: .notice), Array(network.loads[0].fixedDemand?.values.prefix(24) ?? []))
    }

    /// No temperatures for the forecast hours: the fallback (same-hour mean of the last 7 days) is taken, logged at
    /// notice level, and, the cycle being purely daily, gives the true temperatures, so `mlr-vanilla` forecasts the
    /// true load, which becomes the dispatched demand.
    @Test func missingForecastTemperaturesFallBackToTheSameHourMean() throws {
        let (load, notices, demand) = try Self.forecastWithTemperatures(futureRows: false)
        #expect(load.model == "mlr-vanilla")
        for hour in 0..<24 {
            #expect(abs(load.forecast[hour] - (10 + 0.3 * Self.temperature(hour))) < 1e-3, "hour \(hour): \(load.forecast[hour])")
        }
        #expect(demand == load.forecast)
        #expect(notices.count == 1)
        #expect(notices.first?.contains("loads.factory.forecast_from: 24 h of temperatures missing in column temp_c") == true)
        #expect(notices.first?.contains("same hour over the 7 days before (temperature fallback)") == true)
    }

    /// Rows of future hours with temperatures and an empty load cell are used as the temperature forecast: no
    /// fallback, no notice, the same forecast.
    @Test func givenForecastTemperaturesAreUsed() throws {
        let (load, notices, _) = try Self.forecastWithTemperatures(futureRows: true)
        #expect(notices.isEmpty)
        for hour in 0..<24 {
            #expect(abs(load.forecast[hour] - (10 + 0.3 * Self.temperature(hour))) < 1e-3, "hour \(hour): \(load.forecast[hour])")
        }
    }

    /// A scheduled run of `grids/gwangju-bitgreen-ops`: `forecasts.csv` in the published run with one row per series
    /// and hour (2 PV + 4 loads, 48 h), sorted; two days later the same histories are too old (`PlanningError`) and
    /// `current` still points at the good run.
    @Test func runWritesForecastsAndRefusesStaleInputs() throws {
        let out = try TestFolders.temporaryDirectory().path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let grid = TestFolders.root.appendingPathComponent("grids/gwangju-bitgreen-ops").path
        let tariffs = NamedFileCatalog(folders: [])
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let id = try ScheduledRun(grid: grid, folder: out, now: "2026-07-15T00:00", tariffs: tariffs)
            .run(recorder: RunRecorder(), logger: quiet)
        #expect(id == "20260715T0000")
        let rows = try String(contentsOfFile: out + "/current/forecasts.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 6 * 48)
        #expect(rows.first == "series,model,origin,timestamp,forecast,p10,p50,p90")
        let series = rows.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(series == series.sorted())
        #expect(Set(series) == ["generators.pv_ground", "generators.pv_rooftop", "loads.ai_datacenter", "loads.car_plant_a",
                                "loads.car_plant_b", "loads.parts_cluster"])
        #expect(rows[1].hasPrefix("generators.pv_ground,pv-clearsky,2026-07-15T00:00+09:00,2026-07-15T00:00+09:00,"))
        #expect(rows.last?.hasPrefix("loads.parts_cluster,mlr-vanilla,2026-07-15T00:00+09:00,2026-07-16T23:00+09:00,") == true)
        // summary.json names every history and how recent it was (they end the hour before the run).
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/current/summary.json")))
        let inputs = try #require((summary as? [String: Any])?["forecast_inputs"] as? [[String: Any]])
        #expect(inputs.compactMap { $0["series"] as? String } == series.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } })
        #expect(inputs.allSatisfy { $0["newest_input"] as? String == "2026-07-14T23:00+09:00" && $0["origin"] as? String == "2026-07-15T00:00+09:00" })
        #expect(inputs.first?["column"] as? String == "pv_ground" && inputs.first?["model"] as? String == "pv-clearsky")

        let stale = ScheduledRun(grid: grid, folder: out, now: "2026-07-17T00:00", tariffs: tariffs)
        #expect(throws: PlanningError.self) { try stale.run(recorder: RunRecorder(), logger: quiet) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out + "/current") == "runs/20260715T0000")
    }
}
