import EnergyCalendar
import Foundation
import Testing
@testable import Forecasting

@Suite("Backtests")
struct BacktestTests {
    /// Candidates of the ensemble and `auto` in these tests (the recency regression is tested on its own).
    static let candidates: [ForecastModelID] = [.seasonalNaiveDaily, .holtWinters, .regressionVanilla]

    /// 75 days of a weekly pattern with noise-like wiggles and a temperature effect.
    func history() throws -> ForecastHistory {
        let count = 66 * 24
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
        let models: [ForecastModelID] = [.seasonalNaiveDaily, .holtWinters, .regressionVanilla, .ensemble, .auto]
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

    @Test("Backtest forecasts use only load before the origin; quantiles are ordered")
    func noLookAhead() throws {
        let original = try history()
        let origin = 63 * 24
        var changed = original.load
        for index in origin..<changed.count { changed[index] += 1000 }
        let altered = try ForecastHistory(start: original.start, load: changed, temperature: original.temperature,
                                          calendar: original.calendar)
        let options = ForecastOptions(threadCount: 1, quantileWindowDays: 2, selectionWindowDays: 2, candidateModels: Self.candidates)
        for model in [ForecastModelID.holtWinters, .regressionRecency, .ensemble] {
            let first = try Forecaster.backtest(history: original, models: [model], origins: [origin], options: options)
            let second = try Forecaster.backtest(history: altered, models: [model], origins: [origin], options: options)
            #expect(first.forecasts == second.forecasts, "\(model.rawValue)")
            let item = first.forecasts[0]
            for step in item.forecast.indices {
                #expect(item.p10[step] <= item.p50[step] && item.p50[step] <= item.p90[step])
            }
        }
    }

    @Test("Auto picks the regression on a temperature-driven series; metrics cover 24 hours of day")
    func autoSelection() throws {
        let history = try history()
        let result = try Forecaster.backtest(history: history, models: [.auto, .regressionVanilla], origins: [63 * 24],
                                             options: ForecastOptions(threadCount: 1, quantileWindowDays: 2, selectionWindowDays: 2, candidateModels: Self.candidates))
        #expect(result.metrics[0].byHour.count == 24)
        #expect(result.metrics[0].overall.mape < 2)
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
