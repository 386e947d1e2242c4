import EnergyCalendar
import Foundation
import GridModel
import Testing
import TestSupport
@testable import GridIO

@Suite("TariffReader")
struct TariffReaderTests {
    let kepco: Tariff

    init() throws {
        let url = GridFolder.bundled("tariffs").appendingPathComponent("kepco-industrial-b-high-voltage-b-option-3.toml")
        kepco = try TariffReader.read(contentsOf: url).tariff
    }

    @Test func convertsPerKilowattHourToPerMegawattHour() {
        #expect(kepco.currency == "KRW")
        #expect(kepco.energyPrices.count == 9)
        #expect(kepco.energyPrices.first { $0.season == "summer" && $0.band == "peak" }?.pricePerMWh == 237_500)
        #expect(kepco.demandCharge?.pricePerMWMonth == 8_190_000)
        #expect(kepco.demandCharge?.countedBands == ["mid", "peak"])
        #expect(kepco.demandCharge?.ratchetMonths == [7, 8, 9, 12, 1, 2])
        #expect(kepco.demandCharge?.floorShareOfContract == 0.30)
        #expect(kepco.adderTotal == 14_000)
        #expect(kepco.surchargeShare == 0.037)
    }

    /// Month, day type, hour, expected band, expected price per MWh (energy × discount + 14,000 of adders).
    static let hours: [(Int, DayType, Int, String, Double)] = [
        (7, .weekday, 16, "peak", 251_500),          // summer evening peak: 237,500 + 14,000
        (7, .weekday, 12, "mid", 187_100),           // solar hours are mid since 2026
        (7, .saturday, 16, "mid", 187_100),          // Saturday peak billed as mid
        (1, .weekday, 10, "peak", 226_400),          // winter morning peak
        (1, .weekday, 23, "light", 147_000),
        (4, .sundayOrHoliday, 12, "light", 76_950),  // spring weekend midday: 125,900 × 0.5 + 14,000
        (4, .sundayOrHoliday, 15, "light", 139_900),
    ]

    @Test(arguments: hours)
    func bandsAndPrices(month: Int, dayType: DayType, hour: Int, band: String, price: Double) {
        #expect(kepco.band(month: month, dayType: dayType, hour: hour) == band)
        #expect(kepco.energyPrice(month: month, dayType: dayType, hour: hour) == price)
    }

    @Test func bundledTariffsAreConsistent() throws {
        for name in ["kepco-industrial-b-high-voltage-b-option-2", "kepco-industrial-b-high-voltage-a-option-2"] {
            let tariff = try TariffReader.read(contentsOf: GridFolder.bundled("tariffs").appendingPathComponent(name + ".toml")).tariff
            for month in 1...12 {
                for dayType in DayType.allCases {
                    for hour in 0..<24 { #expect(tariff.energyPrice(month: month, dayType: dayType, hour: hour) != nil) }
                }
            }
        }
    }

    @Test func problemsAreLocatedInTheTariffFile() throws {
        let text = """
            name = "broken"
            currency = "KRW"
            bands = ["light", "peak"]
            [seasons]
            all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
            [[time_bands]]
            seasons = ["all"]
            day_types = ["weekday", "holiday"]
            light = [[22, 8]]
            peak = [[8, 23]]
            [energy_price_krw_per_mwh]
            all = [100.0]
            """
        #expect(throws: GridDiagnostics.self) { try TariffReader.read(TOMLSource(text: text, file: "t.toml")) }
        do {
            _ = try TariffReader.read(try TOMLSource(text: text, file: "t.toml"))
        } catch let error as GridDiagnostics {
            #expect(error.errors.map(\.message) == ["unknown day type", "hour in two bands", "wrong number of prices"])
            #expect(error.errors.map(\.line) == [8, 10, 12])
            #expect(error.errors[1].found == "light and peak")
        }
    }
}
