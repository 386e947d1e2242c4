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
