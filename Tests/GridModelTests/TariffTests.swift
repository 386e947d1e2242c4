import EnergyCalendar
import Testing
import TestSupport
@testable import GridModel

@Suite("Tariff")
struct TariffTests {
    /// A two-season, two-band tariff with a Saturday discount and two adders.
    let tariff = Tariff(
        name: "test", currency: "KRW",
        seasons: [.init(name: "summer", months: [6, 7, 8]), .init(name: "other", months: [1, 2, 3, 4, 5, 9, 10, 11, 12])],
        bands: ["light", "peak"],
        schedules: [
            .init(seasons: ["summer", "other"], dayTypes: [.weekday], hourBands: (0..<24).map { (8..<22).contains($0) ? "peak" : "light" }),
            .init(seasons: ["summer", "other"], dayTypes: [.saturday], hourBands: Array(repeating: "light", count: 24)),
            .init(seasons: ["summer", "other"], dayTypes: [.sundayOrHoliday], hourBands: Array(repeating: "light", count: 24)),
        ],
        energyPrices: [
            .init(season: "summer", band: "light", pricePerMWh: 100_000), .init(season: "summer", band: "peak", pricePerMWh: 200_000),
            .init(season: "other", band: "light", pricePerMWh: 90_000), .init(season: "other", band: "peak", pricePerMWh: 150_000),
        ],
        adders: [.init(name: "climate", pricePerMWh: 9_000), .init(name: "fuel", pricePerMWh: 5_000)],
        discounts: [.init(name: "weekend solar", seasons: ["other"], dayTypes: [.saturday], hours: [11, 12, 13], factor: 0.5)])

    @Test func pricesByBandSeasonAndDayType() {
        #expect(tariff.energyPrice(month: 7, dayType: .weekday, hour: 15) == 214_000)
        #expect(tariff.energyPrice(month: 7, dayType: .weekday, hour: 3) == 114_000)
        #expect(tariff.energyPrice(month: 7, dayType: .sundayOrHoliday, hour: 15) == 114_000)
        #expect(tariff.energyPrice(month: 4, dayType: .saturday, hour: 12) == 59_000)
        #expect(tariff.energyPrice(month: 7, dayType: .saturday, hour: 12) == 114_000)
        #expect(tariff.energyPrice(month: 13, dayType: .weekday, hour: 0) == nil)
    }

    @Test func validTariffPassesAndGapsAreFound() {
        var network = NetworkFixture.twoBus()
        network.gridConnection?.tariff = tariff
        #expect(NetworkValidator().validate(network).isValid)
        var broken = tariff
        broken.seasons[0].months = [6, 7]
        broken.energyPrices.removeLast()
        network.gridConnection?.tariff = broken
        let errors = NetworkValidator().validate(network).errors
        #expect(errors.map(\.message) == ["month covered by no season", "missing energy price"])
        #expect(errors.map(\.path) == ["grid_connection.tariff.seasons", "grid_connection.tariff.energy_prices"])
    }
}
