import EnergyCalendar
import Foundation
import Testing
@testable import Forecasting

/// Synthetic series with known answers.
enum Synthetic {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2021-01-04T00:00Z, a Monday.
    static let start = Date(timeIntervalSince1970: 1_609_718_400)

    /// Daily shape plus a weekday/weekend offset: exactly periodic with period 168.
    static func pattern(_ hour: Int) -> Double {
        let hourOfDay = Double(hour % 24)
        let weekend = (hour / 24) % 7 >= 5 ? -20.0 : 0
        return 100 + 30 * sin(2 * Double.pi * hourOfDay / 24) + weekend
    }

    static func history(load: [Double], temperature: [Double]? = nil) throws -> ForecastHistory {
        try ForecastHistory(start: start, load: load, temperature: temperature,
                            calendar: LocalCalendar(timeZone: utc, holidays: .none))
    }
}

@Suite("Forecasting models on synthetic series")
struct ForecastModelTests {
    @Test("A pure daily+weekly pattern is forecast almost exactly by hw2")
    func holtWintersPattern() throws {
        let count = 10 * 168
        let history = try Synthetic.history(load: (0..<count).map(Synthetic.pattern))
        let result = try Forecaster.forecast(history: history, model: .holtWinters,
                                             options: ForecastOptions(horizon: 48, threadCount: 1, quantileWindowDays: 0))
        for (step, value) in result.forecast.enumerated() {
            #expect(abs(value - Synthetic.pattern(count + step)) < 1e-6, "hour \(step): \(value)")
        }
    }

    @Test("hw2 follows a level shift better than the weekly seasonal naive")
    func holtWintersLevel() throws {
        let count = 12 * 168
        let load = (0..<count).map { Synthetic.pattern($0) + ($0 >= count - 72 ? 15 : 0) }
        let history = try Synthetic.history(load: load)
        let options = ForecastOptions(horizon: 24, threadCount: 1, quantileWindowDays: 0)
        let hw = try Forecaster.forecast(history: history, model: .holtWinters, options: options)
        let naive = try Forecaster.forecast(history: history, model: .seasonalNaiveWeekly, options: options)
        let truth = (0..<24).map { Synthetic.pattern(count + $0) + 15 }
        let hwError = zip(hw.forecast, truth).map { abs($0 - $1) }.reduce(0, +)
        let naiveError = zip(naive.forecast, truth).map { abs($0 - $1) }.reduce(0, +)
        #expect(hwError < naiveError / 2)
    }

    @Test("Baselines repeat the last hour, day and week")
    func baselines() throws {
        let load = (0..<400).map { Double($0) }
        let history = try Synthetic.history(load: load)
        let options = ForecastOptions(horizon: 30, threadCount: 1, quantileWindowDays: 0)
        let persistence = try Forecaster.forecast(history: history, model: .persistence, options: options)
        let daily = try Forecaster.forecast(history: history, model: .seasonalNaiveDaily, options: options)
        let weekly = try Forecaster.forecast(history: history, model: .seasonalNaiveWeekly, options: options)
        #expect(persistence.forecast == [Double](repeating: 399, count: 30))
        #expect(daily.forecast == (0..<30).map { Double(376 + $0 % 24) })
        #expect(weekly.forecast == (0..<30).map { Double(232 + $0) })
    }

    @Test("A linear temperature effect is recovered by both regressions")
    func regressionTemperature() throws {
        let count = 64 * 24
        let temperature: [Double] = (0..<(count + 24)).map { hour in
            let fast: Double = 8 * sin(Double(hour) / 37)
            let slow: Double = 5 * cos(Double(hour) / 500)
            return 10 + fast + slow
        }
        let load = (0..<count).map { Synthetic.pattern($0) + 2.5 * temperature[$0] }
        let history = try Synthetic.history(load: load, temperature: temperature)
        for model in [ForecastModelID.regressionVanilla, .regressionRecency] {
            let result = try Forecaster.forecast(history: history, model: model,
                                                 options: ForecastOptions(horizon: 24, threadCount: 1, quantileWindowDays: 0))
            for step in 0..<24 {
                let truth = Synthetic.pattern(count + step) + 2.5 * temperature[count + step]
                #expect(abs(result.forecast[step] - truth) < 1e-2, "\(model.rawValue) hour \(step)")
            }
        }
    }

    @Test("Least squares: exact fit of y = 1 + 2x with a duplicated dummy column (rank deficient)")
    func leastSquares() {
        var design = SparseDesign(rowCount: 5, width: 3, columnCount: 3)
        for row in 0..<5 {
            design.set(row: row, slot: 0, column: 0, value: 1)
            design.set(row: row, slot: 1, column: 1, value: 1)     // collinear with column 0
            design.set(row: row, slot: 2, column: 2, value: Double(row))
        }
        let target = (0..<5).map { 1 + 2 * Double($0) }
        let coefficients = design.fit(rows: 0..<5, target: target)
        #expect(abs(coefficients[0] + coefficients[1] - 1) < 1e-6)
        #expect(abs(coefficients[2] - 2) < 1e-6)
        #expect(abs(design.predict(row: 3, coefficients: coefficients) - 7) < 1e-6)
    }

    @Test("Missing temperatures and short histories are errors")
    func errors() throws {
        let history = try Synthetic.history(load: (0..<200).map(Synthetic.pattern))
        #expect(throws: ForecastError.self) {
            try Forecaster.forecast(history: history, model: .regressionVanilla)
        }
        do {
            _ = try Forecaster.forecast(history: history, model: .holtWinters)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .insufficientHistory)
        }
    }
}
