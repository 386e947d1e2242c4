import Foundation
import Testing
@testable import Reporting

/// The report's scenario fan (docs/report.md, "Forecast fan") and `forecasts.csv` read back.
@Suite struct ForecastFanTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    /// 2026-01-05T00:00+09:00, the first hour of `HTMLReportTests`' schedule.
    static let start = Date(timeIntervalSince1970: 1_767_538_800)

    /// Two loads and one PV generator over the report's two hours; `p10` of the first load has a fourth decimal
    /// that `forecasts.csv` rounds away.
    static let forecasts = [
        UsedForecast(series: "loads.b", model: "snaive24", origin: start, timestamps: [start, start + 3600], forecast: [4, 5],
                     p10: [3, 4], p50: [4, 5], p90: [6, 7], file: "h.csv", column: "b", newestInput: start - 3600),
        UsedForecast(series: "loads.a", model: "hw2", origin: start, timestamps: [start, start + 3600], forecast: [10, 11],
                     p10: [9.0004, 10], p50: [10, 11], p90: [12, 13], file: "h.csv", column: "a", newestInput: start - 3600),
        UsedForecast(series: "generators.pv", model: "pv-clearsky", origin: start, timestamps: [start, start + 3600],
                     forecast: [0, 0.4], p10: [0, 0.2], p50: [0, 0.4], p90: [0, 0.5], file: "pv.csv", column: "cf",
                     newestInput: start - 3600),
    ]

    /// Loads are summed per hour (the comonotone paths of `--scenarios quantile`): p10 9 + 3 = 12 and 10 + 4 = 14, p90
    /// 18 and 20; values are those the file holds; the file read back gives the same forecasts.
    @Test func summedPathsAndTheFileReadBack() throws {
        let memory = ReportForecasts(Self.forecasts, timeZone: Self.seoul)
        #expect(memory.series.map(\.name) == ["generators.pv", "loads.a", "loads.b"])
        let hours = ["2026-01-05T00:00+09:00", "2026-01-05T01:00+09:00"]
        #expect(memory.sum("loads.", \.p10, over: hours) == [12, 14])
        #expect(memory.sum("loads.", \.p90, over: hours) == [18, 20])
        #expect(memory.sum("generators.pv", \.p90, over: hours) == [0, 0.5])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("re100-fan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("forecasts.csv")
        try RunForecastsCSV.render(Self.forecasts, timeZone: Self.seoul).write(to: file, atomically: true, encoding: .utf8)
        #expect(try ReportForecasts.read(contentsOf: file) == memory)
    }

    /// The fan is a section of its own with one chart for the loads and one per generator, the committed hours shaded
    /// only for a scenario dispatch; without forecasts the page has no fan.
    @Test func fanSectionAndCommittedHours() {
        let base = HTMLReportTests.report()
        #expect(!base.render().contains("Forecast fan"))
        var summary = HTMLReportTests.summary
        summary.scenarioDispatch = .init(sharedHours: 1)
        let report = HTMLReport(summary: summary, schedule: base.schedule, prices: base.prices,
                                forecasts: ReportForecasts(Self.forecasts, timeZone: Self.seoul))
        let html = report.render()
        #expect(html.contains("<h2>Forecast fan</h2>"))
        #expect(html.contains("Forecast load, all forecast loads summed") && html.contains("Forecast availability of generators.pv"))
        #expect(html.components(separatedBy: "<title>p10-p90</title>").count == 3)
        #expect(html.contains("committed hours (1 h, shared by every scenario)"))
        let deterministic = HTMLReport(summary: HTMLReportTests.summary, schedule: base.schedule, prices: base.prices,
                                       forecasts: ReportForecasts(Self.forecasts, timeZone: Self.seoul)).render()
        #expect(deterministic.contains("Forecast fan") && !deterministic.contains("committed hours"))
    }
}
