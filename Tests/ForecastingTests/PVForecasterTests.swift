import Foundation
import Testing
@testable import Forecasting

@Suite("Clear-sky PV forecasts")
struct PVForecasterTests {
    /// Seoul, 37.57 N 126.98 E.
    let seoul = ClearSkyModel(latitude: 37.57, longitude: 126.98)

    @Test("Solar noon zenith at the solstices matches latitude -/+ 23.44 degrees; night is dark")
    func solarPosition() {
        // Local solar noon in Seoul is about 03:32 UTC (126.98 E, equation of time near -1.5 min in June).
        let june = Date(timeIntervalSince1970: 1_718_940_720)      // 2024-06-21T03:32Z
        let december = Date(timeIntervalSince1970: 1_734_752_280)  // 2024-12-21T03:38Z
        let expectedJune = cos((37.57 - 23.44) * Double.pi / 180)
        let expectedDecember = cos((37.57 + 23.44) * Double.pi / 180)
        #expect(abs(seoul.cosineZenith(at: june) - expectedJune) < 0.005)
        #expect(abs(seoul.cosineZenith(at: december) - expectedDecember) < 0.005)
        #expect(seoul.irradiance(at: Date(timeIntervalSince1970: 1_718_982_000)) == 0)   // 15:00Z = midnight KST
        #expect(seoul.irradiance(at: june) > 900 && seoul.irradiance(at: june) < 1050)
    }

    @Test("A plant producing 0.7 x clear sky is forecast at 0.7 x clear sky")
    func learnsIndex() {
        let start = Date(timeIntervalSince1970: 1_717_171_200)   // 2024-05-31T16:00Z = 2024-06-01T01:00 KST
        let hours = 21 * 24
        let history = (0..<hours).map { 0.7 * seoul.hourlyIrradiance(startingAt: start.addingTimeInterval(Double($0) * 3600)) / 1000 }
        let forecaster = PVForecaster(clearSky: seoul, windowDays: 14)
        let forecast = forecaster.forecast(capacityFactors: history, start: start, horizon: 48)
        for step in 0..<48 {
            let expected = 0.7 * seoul.hourlyIrradiance(startingAt: start.addingTimeInterval(Double(hours + step) * 3600)) / 1000
            #expect(abs(forecast[step] - expected) < 0.01, "hour \(step)")
            #expect(forecast[step] >= 0 && forecast[step] <= 1)
        }
        #expect(forecast.max()! > 0.5)
    }
}

/// Quantiles of the clear-sky PV forecast from the in-sample clear-sky-index errors.
@Suite("Clear-sky PV quantiles")
struct PVForecastQuantileTests {
    let gwangju = ClearSkyModel(latitude: 35.2, longitude: 126.8)
    /// 2026-03-20T00:00+09:00.
    let start = Date(timeIntervalSince1970: 1_773_932_400)

    /// Clear-sky capacity factor (GHI_cs / 1000) of the hour `hour` after `start`.
    func clearSky(_ hour: Int) -> Double {
        gwangju.hourlyIrradiance(startingAt: start.addingTimeInterval(Double(hour) * 3600)) / 1000
    }

    /// Days alternating between 0.5 and 0.9 × clear sky: index about 0.7, errors about ±0.2 × clear sky, so
    /// p10 and p90 are about 0.5 and 0.9 × clear sky at midday; night is 0 throughout.
    @Test func alternatingDaysGiveTheirSpread() {
        let hours = 14 * 24
        let history: [Double] = (0..<hours).map { hour in
            let share: Double = hour / 24 % 2 == 0 ? 0.5 : 0.9
            return share * clearSky(hour)
        }
        let forecast = PVForecaster(clearSky: gwangju).forecastWithQuantiles(capacityFactors: history, start: start, horizon: 24)
        #expect(forecast.forecast == PVForecaster(clearSky: gwangju).forecast(capacityFactors: history, start: start, horizon: 24))
        for step in 0..<24 {
            let clear = clearSky(hours + step)
            #expect(forecast.p10[step] <= forecast.p50[step] && forecast.p50[step] <= forecast.p90[step])
            #expect(forecast.p10[step] >= 0 && forecast.p90[step] <= 1)
            if clear == 0 { #expect(forecast.p10[step] == 0 && forecast.p90[step] == 0) }
            if step == 12 {   // 12:00 local
                #expect(abs(forecast.forecast[step] - 0.7 * clear) < 0.01)
                let low = 0.5 * clear, high = 0.9 * clear
                #expect(abs(forecast.p10[step] - low) < 0.02, "p10 \(forecast.p10[step]) vs \(low)")
                #expect(abs(forecast.p90[step] - high) < 0.02, "p90 \(forecast.p90[step]) vs \(high)")
            }
        }
    }

    /// A plant exactly at 0.7 × clear sky has no error: all quantiles equal the point forecast.
    @Test func noErrorNoSpread() {
        let history: [Double] = (0..<(14 * 24)).map { 0.7 * clearSky($0) }
        let forecast = PVForecaster(clearSky: gwangju).forecastWithQuantiles(capacityFactors: history, start: start, horizon: 48)
        for step in 0..<48 {
            #expect(abs(forecast.p10[step] - forecast.forecast[step]) < 1e-12)
            #expect(abs(forecast.p90[step] - forecast.forecast[step]) < 1e-12)
        }
    }
}
