import EnergyCalendar
import Foundation
import Testing
@testable import Forecasting

@Suite("Backtests")
struct BacktestTests {
    /// Candidates of the ensemble and `auto` in these tests (the recency regression is tested on its own).
    static let candidates: [ForecastModelID] = [.seasonalNaiveDaily, .holtWinters, .regressionVanilla]

    /// `days` days of a weekly pattern with noise-like wiggles and a temperature effect.
    func history(days: Int = 66) throws -> ForecastHistory {
        let count = days * 24
        let temperature: [Double] = (0..<count).map { hour in 12 + 6 * sin(Double(hour) / 41) }
        let load: [Double] = (0..<count).map { hour in
            let wiggle: Double = 3 * sin(Double(hour * hour % 97))
            return Synthetic.pattern(hour) + 1.5 * temperature[hour] + wiggle
        }
        return try Synthetic.history(load: load, temperature: temperature)
    }

    @Test("1 and 2 threads give bit-identical forecasts and metrics")
    func threadsIdentical() throws {
        let history = try history()
        let origins = (63..<65).map { $0 * 24 }
        let models: [ForecastModelID] = [.seasonalNaiveDaily, .holtWinters, .regressionVanilla, .boostedTrees, .ensemble, .auto]
        let one = try Forecaster.backtest(history: history, models: models, origins: origins,
                                          options: ForecastOptions(threadCount: 1, quantileWindowDays: 2, selectionWindowDays: 2, candidateModels: Self.candidates))
        let two = try Forecaster.backtest(history: history, models: models, origins: origins,
                                          options: ForecastOptions(threadCount: 2, quantileWindowDays: 2, selectionWindowDays: 2, candidateModels: Self.candidates))
        #expect(one.forecasts == two.forecasts)
        #expect(one.metrics == two.metrics)
        #expect(one.forecasts.count == models.count * origins.count)
    }

    @Test("Progress reports every base forecast exactly once, counting 1...total in order, on 1 and 2 threads",
          arguments: [1, 2])
    func progressCountsEveryOrigin(threads: Int) throws {
        let history = try history()
        let origins = (60..<65).map { $0 * 24 }
        // Quantiles over 2 earlier days: the seasonal naive forecasts from the origins of days 58...64 (7); the
        // regression, which needs 60 days of history, from days 60...64 (5) in one block of origins, reported
        // one origin at a time: 12 in all.
        let options = ForecastOptions(threadCount: threads, quantileWindowDays: 2, selectionWindowDays: 2,
                                      candidateModels: Self.candidates)
        let calls = ProgressLog()
        let models: [ForecastModelID] = [.seasonalNaiveDaily, .regressionVanilla]
        let result = try Forecaster.backtest(history: history, models: models, origins: origins, options: options,
                                             progress: { calls.record($0, $1) })
        #expect(calls.values.map(\.done) == Array(1...12))
        #expect(calls.values.allSatisfy { $0.total == 12 })
        let quiet = try Forecaster.backtest(history: history, models: models, origins: origins, options: options)
        #expect(result.forecasts == quiet.forecasts)
    }

    @Test("No model looks ahead: scrambling the loads after an origin leaves that origin's forecast unchanged",
          arguments: ForecastModelID.allCases)
    func noLookAhead(model: ForecastModelID) throws {
        let original = try history()
        let origin = 63 * 24
        // Reverse the hours after the origin and shift them: a permutation no forecast could survive by chance.
        var changed = original.load
        let after = Array(changed[origin...].reversed())
        for (offset, value) in after.enumerated() { changed[origin + offset] = value * 1.7 + 300 }
        let altered = try ForecastHistory(start: original.start, load: changed, temperature: original.temperature,
                                          calendar: original.calendar)
        let options = ForecastOptions(threadCount: 1, quantileWindowDays: 3, selectionWindowDays: 3,
                                      candidateModels: ForecastModelID.baseModels)
        let first = try Forecaster.backtest(history: original, models: [model], origins: [origin], options: options)
        let second = try Forecaster.backtest(history: altered, models: [model], origins: [origin], options: options)
        #expect(first.forecasts == second.forecasts, "\(model.rawValue)")
        // The later origin sees the scrambled hours: the test would notice a model that ignores the load.
        do {
            let later = origin + 24
            let before = try Forecaster.backtest(history: original, models: [model], origins: [later], options: options)
            let after = try Forecaster.backtest(history: altered, models: [model], origins: [later], options: options)
            #expect(before.forecasts != after.forecasts, "\(model.rawValue) ignores the load")
        }
        let item = first.forecasts[0]
        #expect(item.forecast.allSatisfy { $0.isFinite })
        for step in item.forecast.indices {
            #expect(item.p10[step] <= item.p50[step] && item.p50[step] <= item.p90[step])
        }
    }

    @Test("Forecast temperatures: scrambling the temperatures from an origin on leaves that origin's forecast unchanged",
          arguments: ForecastModelID.allCases)
    func forecastTemperaturesIgnoreTheFuture(model: ForecastModelID) throws {
        let original = try history()
        let origin = 63 * 24
        var changed = original.temperature!
        for hour in origin..<changed.count { changed[hour] = 40 - changed[hour] * 2 }
        let altered = try ForecastHistory(start: original.start, load: original.load, temperature: changed,
                                          calendar: original.calendar)
        let forecast = ForecastOptions(threadCount: 1, quantileWindowDays: 3, selectionWindowDays: 3,
                                       candidateModels: ForecastModelID.baseModels, forecastTemperatures: true)
        let first = try Forecaster.backtest(history: original, models: [model], origins: [origin], options: forecast)
        let second = try Forecaster.backtest(history: altered, models: [model], origins: [origin], options: forecast)
        #expect(first.forecasts == second.forecasts, "\(model.rawValue)")
        // With observed temperatures the models with temperature terms do see the change.
        if model.needsTemperature {
            var observed = forecast
            observed.forecastTemperatures = false
            let seen = try Forecaster.backtest(history: original, models: [model], origins: [origin], options: observed)
            let seenAltered = try Forecaster.backtest(history: altered, models: [model], origins: [origin], options: observed)
            #expect(seen.forecasts != seenAltered.forecasts, "\(model.rawValue)")
        }
    }

    @Test("Forecast temperatures are the same-hour means of the 7 days before the origin, as the fallback of run")
    func forecastTemperaturesAreSameHourMeans() throws {
        let original = try history()
        let origin = 63 * 24
        // The same-hour mean written out: hour origin + k gets the mean of hours origin + k mod 24 - 24 d, d = 1...7.
        var replaced = original.temperature!
        for hour in origin..<replaced.count {
            let sameHour = (1...7).map { original.temperature![origin + (hour - origin) % 24 - 24 * $0] }
            replaced[hour] = sameHour.reduce(0, +) / 7
        }
        let substituted = try ForecastHistory(start: original.start, load: original.load, temperature: replaced,
                                              calendar: original.calendar)
        for model in [ForecastModelID.regressionVanilla, .regressionRecency, .boostedTrees] {
            var options = ForecastOptions(threadCount: 1, quantileWindowDays: 0, forecastTemperatures: true)
            let forecast = try Forecaster.backtest(history: original, models: [model], origins: [origin], options: options)
            options.forecastTemperatures = false
            let observed = try Forecaster.backtest(history: substituted, models: [model], origins: [origin], options: options)
            for (a, b) in zip(forecast.forecasts[0].forecast, observed.forecasts[0].forecast) {
                #expect(abs(a - b) < 1e-9 * max(1, abs(b)), "\(model.rawValue): \(a) vs \(b)")
            }
        }
    }

    @Test("Auto selects per hour of day: the weekly naive where it is exact, the daily naive where it is better")
    func autoPerHour() throws {
        // Hours 0-11 depend on the weekday only (snaive168 exact, snaive24 off by 10 or 60); hours 12-23
        // climb 5 MW a day (snaive24 off by 5, snaive168 by 35).
        let count = 70 * 24
        let load: [Double] = (0..<count).map { hour in
            let day = hour / 24
            return hour % 24 < 12 ? 100 + 10 * Double(day % 7) + Double(hour % 24) : 200 + 5 * Double(day)
        }
        let history = try Synthetic.history(load: load)
        let origins = [68 * 24]
        let options = ForecastOptions(threadCount: 1, quantileWindowDays: 0, selectionWindowDays: 14,
                                      candidateModels: [.seasonalNaiveDaily, .seasonalNaiveWeekly])
        let result = try Forecaster.backtest(history: history, models: [.auto, .seasonalNaiveDaily, .seasonalNaiveWeekly],
                                             origins: origins, options: options)
        let auto = result.forecasts[0].forecast
        let daily = result.forecasts[1].forecast
        let weekly = result.forecasts[2].forecast
        #expect(Array(auto[0..<12]) == Array(weekly[0..<12]))
        #expect(Array(auto[12..<24]) == Array(daily[12..<24]))
        #expect(auto != daily && auto != weekly)
        let autoMAE = result.metrics[0].overall.mae
        #expect(autoMAE < result.metrics[1].overall.mae && autoMAE < result.metrics[2].overall.mae)
    }

    @Test("Auto picks the regression at every hour of a temperature-driven series; metrics cover 24 hours of day")
    func autoSelection() throws {
        // 28 days of validation origins, all with regression forecasts (which need 60 days of history).
        let history = try history(days: 92)
        let origins = [89 * 24, 90 * 24]
        let result = try Forecaster.backtest(history: history, models: [.auto, .regressionVanilla], origins: origins,
                                             options: ForecastOptions(threadCount: 1, quantileWindowDays: 2, selectionWindowDays: 28, candidateModels: Self.candidates))
        #expect(result.metrics[0].byHour.count == 24)
        #expect(result.forecasts[0].forecast == result.forecasts[2].forecast)
        #expect(result.forecasts[1].forecast == result.forecasts[3].forecast)
        #expect(result.metrics[0].overall.mape == result.metrics[1].overall.mape)
    }
}

/// The (done, total) pairs a progress callback received, in order.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [(done: Int, total: Int)] = []

    /// Records one call.
    func record(_ done: Int, _ total: Int) {
        lock.lock()
        calls.append((done, total))
        lock.unlock()
    }

    /// The calls so far.
    var values: [(done: Int, total: Int)] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
