import Testing
@testable import Forecasting

@Suite("Forecast metrics")
struct ForecastMetricsTests {
    @Test("Hand-computed MAPE, RMSE, MAE, MASE and pinball")
    func handComputed() {
        // errors (actual - forecast): +10, -20 on actuals 100 and 200.
        let metrics = ForecastMetrics.evaluate(forecast: [90, 220], p10: [80, 200], p50: [90, 220], p90: [110, 230],
                                               actual: [100, 200], scale: 5)
        #expect(metrics.mape == 10)                                    // (10 % + 10 %) / 2
        #expect(metrics.mae == 15)
        #expect(abs(metrics.rmse - (250.0).squareRoot()) < 1e-12)      // sqrt((100 + 400) / 2)
        #expect(metrics.mase == 3)                                     // 15 / 5
        // Pinball: hour 1: p10 (100-80)*0.1=2, p50 (100-90)*0.5=5, p90 (110-100)*0.1=1 -> 8/3
        //          hour 2: p10 (200-200)*0.1=0, p50 (220-200)*0.5=10, p90 (230-200)*0.1=3 -> 13/3
        #expect(abs(metrics.pinball - (8.0 / 3 + 13.0 / 3) / 2) < 1e-12)
        #expect(metrics.count == 2)
        #expect(metrics.coverage == 100)                                // both actuals inside [p10, p90]
    }

    @Test("Coverage counts the hours whose actual lies in [p10, p90], bounds included")
    func coverage() {
        let metrics = ForecastMetrics.evaluate(forecast: [0, 0, 0, 0], p10: [1, 1, 1, 1], p50: [2, 2, 2, 2],
                                               p90: [3, 3, 3, 3], actual: [0.5, 1, 3, 3.5], scale: nil)
        #expect(metrics.coverage == 50)
    }

    @Test("Seasonal naive scale is the mean absolute lag-168 difference")
    func scale() {
        let values = (0..<170).map { Double($0) }
        #expect(ForecastMetrics.seasonalNaiveScale(values[...]) == 168)
        #expect(ForecastMetrics.seasonalNaiveScale(values[0..<168]) == nil)
        #expect(abs(ForecastMetrics.pinballLoss(actual: 10, quantile: 12, level: 0.9) - 0.2) < 1e-12)
    }

    @Test("Empirical quantiles interpolate linearly (type 7)")
    func quantiles() {
        let sorted = [1.0, 2, 3, 4, 5]
        #expect(ForecastRun.quantile(sorted, 0.5) == 3)
        #expect(abs(ForecastRun.quantile(sorted, 0.1) - 1.4) < 1e-12)
        #expect(abs(ForecastRun.quantile(sorted, 0.9) - 4.6) < 1e-12)
    }

    @Test("Coverage quantiles sit at level x (n + 1) (type 6), clamped to the extremes")
    func coverageQuantiles() {
        let sorted = (1...9).map(Double.init)           // n + 1 = 10: level 0.1 -> 1st value, 0.9 -> 9th
        #expect(ForecastRun.coverageQuantile(sorted, 0.1) == 1)
        #expect(ForecastRun.coverageQuantile(sorted, 0.9) == 9)
        #expect(ForecastRun.coverageQuantile(sorted, 0.5) == 5)
        #expect(abs(ForecastRun.coverageQuantile(sorted, 0.25) - 2.5) < 1e-12)
        #expect(ForecastRun.coverageQuantile([1, 2, 3, 4, 5], 0.1) == 1)   // position 0.6 is below the first
        #expect(ForecastRun.coverageQuantile([1, 2, 3, 4, 5], 0.9) == 5)
        // Between the 2nd and 3rd of four values: position 0.5 x 5 = 2.5.
        #expect(abs(ForecastRun.coverageQuantile([10, 20, 30, 40], 0.5) - 25) < 1e-12)
    }
}
