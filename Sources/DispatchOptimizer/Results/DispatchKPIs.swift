/// The figures planners compare: costs by kind and the RE100 indicators, over the covered hours.
/// Definitions (what counts as renewable, how exports and storage losses are treated) are in
/// docs/kpis.md and shared with the RE100 constraints. Energies in MWh, power in MW, CO2 in t.
public struct DispatchKPIs: Sendable, Equatable, Codable {
    /// The LP objective: total cost in the grid's currency (equals `costs.total`).
    public var objective: Double
    /// Cost breakdown in the grid's currency.
    public var costs: CostBreakdown
    /// Energy consumed by the complex: load served plus net storage charging (storage losses count
    /// as consumption), MWh.
    public var consumptionMWh: Double
    /// Renewable supply counted toward RE100 (on-site renewables, renewable PPAs, RECs, green
    /// premium, minus exports), MWh.
    public var renewableSupplyMWh: Double
    /// Annual (horizon) RE share: renewable supply / consumption, 0-1 (may exceed 1).
    public var reShare: Double
    /// Hourly 24/7 carbon-free score: Σ min(consumption, carbon-free supply) / Σ consumption, 0-1.
    public var cfeScore: Double
    /// CO2 from generators and grid imports, t.
    public var co2Tonnes: Double
    /// Renewable energy available but not used (generators and curtailable PPAs), MWh.
    public var curtailedMWh: Double
    /// Demand not served, MWh.
    public var unservedMWh: Double
    /// Largest hourly grid import, MW.
    public var peakImportMW: Double
    /// Energy imported from the grid, MWh.
    public var importMWh: Double
    /// Energy exported to the grid, MWh.
    public var exportMWh: Double

    enum CodingKeys: String, CodingKey {
        case objective, costs
        case consumptionMWh = "consumption_mwh", renewableSupplyMWh = "renewable_supply_mwh"
        case reShare = "re_share", cfeScore = "cfe_score", co2Tonnes = "co2_t"
        case curtailedMWh = "curtailed_mwh", unservedMWh = "unserved_mwh", peakImportMW = "peak_import_mw"
        case importMWh = "import_mwh", exportMWh = "export_mwh"
    }
}

/// Costs by kind in the grid's currency; `total` is their sum and equals the LP objective.
public struct CostBreakdown: Sendable, Equatable, Codable {
    /// Grid energy: time-of-use energy price, adders and surcharges (or the flat import price).
    public var energy: Double = 0
    /// Demand charge on the billing demand, pro-rated to the covered share of each month.
    public var demandCharge: Double = 0
    /// Marginal costs of generators, storage, stores and links (fuel, variable O&M).
    public var fuel: Double = 0
    /// Energy bought under power purchase agreements.
    public var ppa: Double = 0
    /// REC and green-premium purchases.
    public var certificates: Double = 0
    /// Value of lost load of unserved demand.
    public var unservedLoad: Double = 0
    /// Revenue from exports (negative: it lowers the total).
    public var exportRevenue: Double = 0

    /// Zero costs.
    public init() {}

    /// The sum of every item.
    public var total: Double { energy + demandCharge + fuel + ppa + certificates + unservedLoad + exportRevenue }

    enum CodingKeys: String, CodingKey {
        case energy, fuel, ppa, certificates
        case demandCharge = "demand_charge", unservedLoad = "unserved_load", exportRevenue = "export_revenue"
    }
}
