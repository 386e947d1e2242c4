import Foundation

/// What the run archive keeps of a successful run's year-to-date progress (the state it hands to the next run, after
/// its committed hours) and the grid's annual targets at the time of the run (`run_kpis.ytd_*`, `target_*`).
public struct YearToDate: Equatable, Sendable {
    /// The period: the local calendar year (`2026`) or `horizon`.
    public var period: String
    /// Hours covered so far in the period.
    public var hours: Int?
    /// Total demand (served plus unserved) so far, MWh.
    public var demandMWh: Double?
    /// Renewable supply counted toward the RE share so far, certificates included, MWh.
    public var renewableMWh: Double?
    /// RE share and hourly CFE score so far, 0-1 (nil before any demand).
    public var reShare: Double?, cfeScore: Double?
    /// CO2 so far, t.
    public var co2Tonnes: Double?
    /// The grid's annual RE share and CFE score targets, 0-1; nil: none.
    public var targetREShare: Double?, targetCFEScore: Double?
    /// The grid's CO2 cap over the period, t; nil: none.
    public var co2CapTonnes: Double?

    /// Progress of `period` with the targets it is measured against.
    public init(period: String, hours: Int?, demandMWh: Double?, renewableMWh: Double?, reShare: Double?,
                cfeScore: Double?, co2Tonnes: Double?, targetREShare: Double?, targetCFEScore: Double?,
                co2CapTonnes: Double?) {
        self.period = period
        self.hours = hours
        self.demandMWh = demandMWh
        self.renewableMWh = renewableMWh
        self.reShare = reShare
        self.cfeScore = cfeScore
        self.co2Tonnes = co2Tonnes
        self.targetREShare = targetREShare
        self.targetCFEScore = targetCFEScore
        self.co2CapTonnes = co2CapTonnes
    }
}
