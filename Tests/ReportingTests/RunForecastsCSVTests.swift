import Foundation
import Testing
@testable import Reporting

/// `forecasts.csv` of a run folder: exact columns, one row per series and hour, sorted, formatted like
/// `schedule.csv` (timestamps) and `re100 forecast` (numbers).
@Suite struct RunForecastsCSVTests {
    /// Two series given out of order with two hours each, in Asia/Seoul: sorted by series then time.
    @Test func rendersSortedRowsWithExactColumns() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Seoul"))
        let origin = Date(timeIntervalSince1970: 1_775_142_000)  // 2026-04-03T00:00+09:00
        let hours = [origin, origin.addingTimeInterval(3600)]
        let pv = UsedForecast(series: "generators.pv_roof", model: "pv-clearsky", origin: origin,
                              timestamps: hours.reversed(), forecast: [0.25, 0], p10: [0.1, 0], p50: [0.25, 0],
                              p90: [0.3333, 0], file: "pv.csv", column: "pv_roof", newestInput: origin.addingTimeInterval(-3600))
        let load = UsedForecast(series: "loads.factory", model: "snaive24", origin: origin, timestamps: hours,
                                forecast: [8, 8.5], p10: [7, 7.5], p50: [8, 8.5], p90: [9, 9.5], file: "loads.csv",
                                column: "factory", newestInput: origin.addingTimeInterval(-3600))
        let text = RunForecastsCSV.render([load, pv], timeZone: zone)
        #expect(text == """
            series,model,origin,timestamp,forecast,p10,p50,p90
            generators.pv_roof,pv-clearsky,2026-04-03T00:00+09:00,2026-04-03T00:00+09:00,0.000,0.000,0.000,0.000
            generators.pv_roof,pv-clearsky,2026-04-03T00:00+09:00,2026-04-03T01:00+09:00,0.250,0.100,0.250,0.333
            loads.factory,snaive24,2026-04-03T00:00+09:00,2026-04-03T00:00+09:00,8.000,7.000,8.000,9.000
            loads.factory,snaive24,2026-04-03T00:00+09:00,2026-04-03T01:00+09:00,8.500,7.500,8.500,9.500

            """)
    }

    /// No forecasts: the header alone.
    @Test func emptyIsHeaderOnly() {
        #expect(RunForecastsCSV.render([], timeZone: TimeZone(secondsFromGMT: 0) ?? .current)
                == "series,model,origin,timestamp,forecast,p10,p50,p90\n")
    }
}
