import EnergyCalendar
import Foundation
import GridModel

/// The time band of the grid connection's tariff in every hour of a horizon, and which bands count toward the
/// demand charge's billing peak: the same band the dispatch prices each hour with (season by local month, day
/// type with holidays as Sundays, hour of day). For reports; the output files do not carry bands.
public struct TariffBands: Sendable, Equatable {
    /// The tariff's name.
    public let tariffName: String
    /// The tariff's band names, cheapest first (`light`, `mid`, `peak`).
    public let bands: [String]
    /// Bands whose hours count toward the month's billing peak (empty without a demand charge).
    public let countedBands: [String]
    /// The band of each hour of the horizon (nil where the tariff does not cover the hour), length `hourCount`.
    public let hourBands: [String?]
    /// The billing month (`yyyy-mm`, local time) of each hour, length `hourCount`.
    public let billingMonths: [String]

    /// Bands given hour by hour (`hourBands` and `billingMonths` of equal length).
    public init(tariffName: String, bands: [String], countedBands: [String], hourBands: [String?], billingMonths: [String]) {
        self.tariffName = tariffName
        self.bands = bands
        self.countedBands = countedBands
        self.hourBands = hourBands
        self.billingMonths = billingMonths
    }

    /// The bands of the `hourCount` snapshots from `firstHour` (0-based) of `network`'s time axis; nil when the
    /// network has no grid connection with a tariff or the hours are outside the time axis.
    public init?(network: Network, firstHour: Int, hourCount: Int) {
        guard let tariff = network.gridConnection?.tariff, firstHour >= 0, hourCount >= 0,
              firstHour + hourCount <= network.timeAxis.count else { return nil }
        let calendar = LocalCalendar(timeZone: network.timeAxis.timeZone,
                                     holidays: HolidayCalendar(code: network.holidays) ?? .none)
        let window = HourWindow(axis: network.timeAxis, start: firstHour, count: hourCount, calendar: calendar)
        self.init(tariffName: tariff.name, bands: tariff.bands, countedBands: tariff.demandCharge?.countedBands ?? [],
                  hourBands: (0..<hourCount).map { window.band(of: tariff, hour: $0) },
                  billingMonths: (0..<hourCount).map { window.monthKey($0) })
    }

    /// Whether import in hour `index` of the horizon counts toward the month's billing peak.
    public func countsTowardBillingPeak(hour index: Int) -> Bool {
        guard let band = hourBands[index] else { return false }
        return countedBands.contains(band)
    }
}
