/// What the complex's own flexibility did over the covered hours (docs/outputs.md, `flexibility`).
public struct FlexibilityKPIs: Sendable, Equatable, Codable {
    /// Energy flexible loads moved into other hours (served above requested), MWh.
    public var loadShiftedMWh: Double = 0
    /// The moved energy's value at the solution's prices: `Σ_t λ_t·w_t·(requested − served)` over flexible loads,
    /// currency (positive: consumption moved from dearer to cheaper hours).
    public var loadShiftingValue: Double = 0
    /// Energy EV fleets charged from the grid side, MWh.
    public var evChargedMWh: Double = 0
    /// Energy EV fleets fed back (vehicle-to-grid), MWh.
    public var evDischargedMWh: Double = 0

    /// Creates the figures (zero unless given).
    public init(loadShiftedMWh: Double = 0, loadShiftingValue: Double = 0, evChargedMWh: Double = 0, evDischargedMWh: Double = 0) {
        self.loadShiftedMWh = loadShiftedMWh
        self.loadShiftingValue = loadShiftingValue
        self.evChargedMWh = evChargedMWh
        self.evDischargedMWh = evDischargedMWh
    }

    enum CodingKeys: String, CodingKey {
        case loadShiftedMWh = "load_shifted_mwh", loadShiftingValue = "load_shifting_value"
        case evChargedMWh = "ev_charged_mwh", evDischargedMWh = "ev_v2g_mwh"
    }
}
