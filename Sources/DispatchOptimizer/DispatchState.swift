/// What one run hands to the next: stored energy, the month-to-date billing peak and unit status.
/// Written to `state.json` by `re100 run`; snake_case keys.
public struct DispatchState: Sendable, Equatable, Codable {
    /// Stored energy of each storage unit and store at the end of the covered hours, MWh, by name.
    public var storedEnergyMWh: [String: Double]
    /// The billing month (`yyyy-mm`, local time) of `monthPeakImportMW`.
    public var billingMonth: String?
    /// Largest import in tariff-counted hours so far in `billingMonth`, MW.
    public var monthPeakImportMW: Double
    /// Whether each committable generator is on at the end of the covered hours, by name.
    public var unitIsOn: [String: Bool]

    /// Creates a state.
    public init(storedEnergyMWh: [String: Double] = [:], billingMonth: String? = nil,
                monthPeakImportMW: Double = 0, unitIsOn: [String: Bool] = [:]) {
        self.storedEnergyMWh = storedEnergyMWh
        self.billingMonth = billingMonth
        self.monthPeakImportMW = monthPeakImportMW
        self.unitIsOn = unitIsOn
    }

    enum CodingKeys: String, CodingKey {
        case storedEnergyMWh = "stored_energy_mwh", billingMonth = "billing_month"
        case monthPeakImportMW = "month_peak_import_mw", unitIsOn = "unit_is_on"
    }
}
