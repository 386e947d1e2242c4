import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

@Suite("Tariff bands of a horizon")
struct TariffBandsTests {
    /// Weekdays light 0-11 h and peak 12-23 h, Sundays and holidays light all day; the demand charge counts peak.
    static func network(hours: Int, holidays: String) -> Network {
        var network = HandCheckedDispatchTests.network(hours: hours)
        network.holidays = holidays
        var connection = GridConnection(bus: "a", importLimit: 100)
        let weekday = Array(repeating: "light", count: 12) + Array(repeating: "peak", count: 12)
        connection.tariff = Tariff(
            name: "two bands", currency: "EUR", seasons: [.init(name: "all", months: Array(1...12))], bands: ["light", "peak"],
            schedules: [.init(seasons: ["all"], dayTypes: [.weekday, .saturday], hourBands: weekday),
                        .init(seasons: ["all"], dayTypes: [.sundayOrHoliday], hourBands: Array(repeating: "light", count: 24))],
            energyPrices: [.init(season: "all", band: "light", pricePerMWh: 50), .init(season: "all", band: "peak", pricePerMWh: 100)],
            demandCharge: .init(pricePerMWMonth: 1000, countedBands: ["peak"]))
        network.gridConnection = connection
        return network
    }

    /// 2026-06-01 is a Monday; 2026-06-03 (local elections) is a Korean public holiday, priced as a Sunday.
    @Test func bandsFollowTheDayTypeAndHolidays() throws {
        let bands = try #require(TariffBands(network: Self.network(hours: 72, holidays: "KR"), firstHour: 2, hourCount: 70))
        #expect(bands.hourBands.count == 70)
        #expect(bands.hourBands[0] == "light")          // Monday 02:00
        #expect(bands.hourBands[10] == "peak")          // Monday 12:00
        #expect(bands.hourBands[24 + 10] == "peak")     // Tuesday 12:00
        #expect(bands.hourBands[48 + 10] == "light")    // Wednesday 12:00, a holiday
        #expect(bands.countsTowardBillingPeak(hour: 10))
        #expect(!bands.countsTowardBillingPeak(hour: 58))
        #expect(Set(bands.billingMonths) == ["2026-06"])
        let noHolidays = try #require(TariffBands(network: Self.network(hours: 72, holidays: "none"), firstHour: 2, hourCount: 70))
        #expect(noHolidays.hourBands[58] == "peak")
    }

    @Test func noBandsWithoutATariffOrOutsideTheAxis() {
        #expect(TariffBands(network: HandCheckedDispatchTests.network(hours: 24), firstHour: 0, hourCount: 24) == nil)
        #expect(TariffBands(network: Self.network(hours: 24, holidays: "none"), firstHour: 20, hourCount: 5) == nil)
    }

    /// The hours the bands count are the hours the dispatch's billing-peak rows cover: one `peak` row per counted hour.
    @Test func countedHoursMatchTheDispatchFormulation() throws {
        let network = Self.network(hours: 72, holidays: "KR")
        let bands = try #require(TariffBands(network: network, firstHour: 0, hourCount: 72))
        let model = try DispatchOptimizer.model(of: network, options: DispatchOptions())
        let peakRows = model.rowNames.enumerated().filter { $0.element.hasPrefix("peak(") }
        #expect(peakRows.count == (0..<72).filter { bands.countsTowardBillingPeak(hour: $0) }.count)
        #expect(peakRows.count == 24)  // Monday and Tuesday 12-23 h
    }
}
