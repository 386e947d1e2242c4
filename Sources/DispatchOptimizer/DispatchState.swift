import Foundation

/// What one window or run hands to the next, exactly: stored energy, generator output and commitment status,
/// the billing peaks the demand charge and its ratchet look back on, and the year-to-date progress toward
/// every period target. Written to `state.json` by `re100 run`; snake_case keys. Every field but
/// `stored_energy_mwh` may be absent in a file (read as empty), so states written by earlier versions load.
public struct DispatchState: Sendable, Equatable, Codable {
    /// The first hour this state applies to (the hour after the last one it covers); nil: not recorded.
    public var validFrom: Date?
    /// Stored energy of each storage unit, store and EV fleet at the end of the covered hours, MWh, by name.
    public var storedEnergyMWh: [String: Double]
    /// The billing month (`yyyy-mm`, local time) of `monthPeakImportMW`.
    public var billingMonth: String?
    /// Largest import in tariff-counted hours so far in `billingMonth`, MW.
    public var monthPeakImportMW: Double
    /// Largest import in tariff-counted hours of each billing month (`yyyy-mm`) covered so far, MW: the
    /// ratchet's look-back (the month of the last covered hour and the tariff's `ratchet_window_months` before it
    /// are kept).
    public var monthlyPeakImportMW: [String: Double]
    /// Whether each committable generator is on at the end of the covered hours, by name.
    public var unitIsOn: [String: Bool]
    /// How many hours each committable generator has been in its status of `unitIsOn`, by name; absent: longer
    /// than its minimum up or down time (a unit on from the start that never changed).
    public var hoursInStatus: [String: Int]
    /// Output of each generator in the last covered hour, MW, by name (ramp limits start from it).
    public var lastOutputMW: [String: Double]
    /// Progress toward the period targets and limits so far (year to date); nil: none yet.
    public var periodProgress: PeriodProgress?
    /// The moved-energy balance of each flexible load, by name.
    public var flexibleLoads: [String: FlexibleLoadState]

    /// Creates a state.
    public init(validFrom: Date? = nil, storedEnergyMWh: [String: Double] = [:], billingMonth: String? = nil,
                monthPeakImportMW: Double = 0, monthlyPeakImportMW: [String: Double] = [:],
                unitIsOn: [String: Bool] = [:], hoursInStatus: [String: Int] = [:],
                lastOutputMW: [String: Double] = [:], periodProgress: PeriodProgress? = nil,
                flexibleLoads: [String: FlexibleLoadState] = [:]) {
        self.validFrom = validFrom
        self.storedEnergyMWh = storedEnergyMWh
        self.billingMonth = billingMonth
        self.monthPeakImportMW = monthPeakImportMW
        self.monthlyPeakImportMW = monthlyPeakImportMW
        self.unitIsOn = unitIsOn
        self.hoursInStatus = hoursInStatus
        self.lastOutputMW = lastOutputMW
        self.periodProgress = periodProgress
        self.flexibleLoads = flexibleLoads
    }

    enum CodingKeys: String, CodingKey {
        case validFrom = "valid_from", storedEnergyMWh = "stored_energy_mwh", billingMonth = "billing_month"
        case monthPeakImportMW = "month_peak_import_mw", monthlyPeakImportMW = "monthly_peak_import_mw"
        case unitIsOn = "unit_is_on", hoursInStatus = "hours_in_status", lastOutputMW = "last_output_mw"
        case periodProgress = "period_progress", flexibleLoads = "flexible_loads"
    }

    /// Decodes a state; fields added after the first version may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        validFrom = try container.decodeIfPresent(Date.self, forKey: .validFrom)
        storedEnergyMWh = try container.decode([String: Double].self, forKey: .storedEnergyMWh)
        billingMonth = try container.decodeIfPresent(String.self, forKey: .billingMonth)
        monthPeakImportMW = try container.decodeIfPresent(Double.self, forKey: .monthPeakImportMW) ?? 0
        monthlyPeakImportMW = try container.decodeIfPresent([String: Double].self, forKey: .monthlyPeakImportMW) ?? [:]
        unitIsOn = try container.decodeIfPresent([String: Bool].self, forKey: .unitIsOn) ?? [:]
        hoursInStatus = try container.decodeIfPresent([String: Int].self, forKey: .hoursInStatus) ?? [:]
        lastOutputMW = try container.decodeIfPresent([String: Double].self, forKey: .lastOutputMW) ?? [:]
        periodProgress = try container.decodeIfPresent(PeriodProgress.self, forKey: .periodProgress)
        flexibleLoads = try container.decodeIfPresent([String: FlexibleLoadState].self, forKey: .flexibleLoads) ?? [:]
    }
}

/// Sums toward the period targets and limits (docs/kpis.md) over the hours covered so far in one period
/// (a calendar year for `re100 run`, the dispatched horizon for `re100 dispatch`). Weighted MWh and t.
public struct PeriodProgress: Sendable, Equatable, Codable {
    /// The period: the local calendar year (`2026`) or `horizon`.
    public var period: String
    /// Hours covered so far.
    public var hours: Int
    /// Total demand: energy consumed plus load not served, MWh.
    public var demandMWh: Double
    /// Renewable supply counted toward the RE share, certificates included, MWh.
    public var renewableMWh: Double
    /// Consumption matched hour by hour by carbon-free supply, MWh.
    public var carbonFreeMatchedMWh: Double
    /// CO2 emitted, t.
    public var co2Tonnes: Double
    /// Energy taken under each PPA, MWh, by name.
    public var ppaVolumeMWh: [String: Double]
    /// Renewable energy certificates bought, MWh.
    public var recMWh: Double
    /// Green-premium volume bought, MWh.
    public var greenPremiumMWh: Double

    /// Creates progress at the start of `period` (all sums zero unless given).
    public init(period: String, hours: Int = 0, demandMWh: Double = 0, renewableMWh: Double = 0,
                carbonFreeMatchedMWh: Double = 0, co2Tonnes: Double = 0, ppaVolumeMWh: [String: Double] = [:],
                recMWh: Double = 0, greenPremiumMWh: Double = 0) {
        self.period = period
        self.hours = hours
        self.demandMWh = demandMWh
        self.renewableMWh = renewableMWh
        self.carbonFreeMatchedMWh = carbonFreeMatchedMWh
        self.co2Tonnes = co2Tonnes
        self.ppaVolumeMWh = ppaVolumeMWh
        self.recMWh = recMWh
        self.greenPremiumMWh = greenPremiumMWh
    }

    enum CodingKeys: String, CodingKey {
        case period, hours, demandMWh = "demand_mwh", renewableMWh = "renewable_mwh"
        case carbonFreeMatchedMWh = "carbon_free_matched_mwh", co2Tonnes = "co2_t", ppaVolumeMWh = "ppa_volume_mwh"
        case recMWh = "rec_mwh", greenPremiumMWh = "green_premium_mwh"
    }

    /// RE share so far (renewable / demand), nil before any demand.
    public var reShare: Double? { demandMWh > 0 ? renewableMWh / demandMWh : nil }
    /// Hourly carbon-free score so far, nil before any demand.
    public var cfeScore: Double? { demandMWh > 0 ? carbonFreeMatchedMWh / demandMWh : nil }
}
