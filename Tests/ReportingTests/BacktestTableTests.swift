import EnergyCalendar
import Forecasting
import Foundation
import Reporting
import Testing

/// The backtest table and metrics.json say which temperatures the models saw and show the p10-p90 coverage.
@Suite("Backtest table")
struct BacktestTableTests {
    /// A backtest of the daily naive forecast over 3 origins of a series repeating every day except for a bump.
    static func result() throws -> BacktestResult {
        let load: [Double] = (0..<240).map { (hour: Int) -> Double in
            let bump: Int = hour / 24 == 8 ? 10 : 0
            return Double(100 + hour % 24 + bump)
        }
        let history = try ForecastHistory(start: Date(timeIntervalSince1970: 0), load: load, temperature: nil,
                                          calendar: LocalCalendar(timeZone: TimeZone(identifier: "UTC")!, holidays: .none))
        return try Forecaster.backtest(history: history, models: [.seasonalNaiveDaily], origins: [6 * 24, 7 * 24, 8 * 24],
                                       options: ForecastOptions(threadCount: 1, quantileWindowDays: 2))
    }

    @Test("Observed and forecast temperatures are named; the coverage column is the share inside p10-p90")
    func protocolAndCoverage() throws {
        let result = try Self.result()
        let observed = BacktestTable.render(result, origins: 3, first: "a", last: "b", horizon: 24)
        #expect(observed.contains("taken as known (observed values)"))
        #expect(observed.contains("p10-p90 %"))
        // Origins 6 and 7 are exact (zero errors, zero-width band, actual on it: covered); origin 8's day is
        // 10 MW above its forecast and its band (errors 0): not covered. 48 of 72 hours: 66.7 %.
        let row = try #require(observed.split(separator: "\n").last)
        #expect(row.hasSuffix("66.7"), "\(row)")
        let forecast = BacktestTable.render(result, origins: 3, first: "a", last: "b", horizon: 24,
                                            forecastTemperatures: true)
        #expect(forecast.contains("temperatures are forecast: the mean of the same hour over the 7 days before"))
        let json = try ForecastOutput.metricsJSON(result, origins: ("a", "b"), horizon: 24, forecastTemperatures: true)
        #expect(json.contains("\"temperature_of_target_day_known\" : false"))
        let known = try ForecastOutput.metricsJSON(result, origins: ("a", "b"), horizon: 24)
        #expect(known.contains("\"temperature_of_target_day_known\" : true"))
    }
}
