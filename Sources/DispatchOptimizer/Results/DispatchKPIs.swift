import GridModel

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
    /// Annual (period) RE share: renewable supply / total demand (consumption plus load not served), 0-1
    /// (may exceed 1).
    public var reShare: Double
    /// Hourly 24/7 carbon-free score: Σ min(consumption, carbon-free supply) / Σ total demand, 0-1.
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
    /// How far the period targets were missed over the covered hours (zero when met; docs/kpis.md).
    public var shortfall = TargetShortfall()
    /// Energy moved by flexible loads and exchanged with EV fleets (zero without them).
    public var flexibility = FlexibilityKPIs()

    enum CodingKeys: String, CodingKey {
        case objective, costs, flexibility
        case consumptionMWh = "consumption_mwh", renewableSupplyMWh = "renewable_supply_mwh"
        case reShare = "re_share", cfeScore = "cfe_score", co2Tonnes = "co2_t"
        case curtailedMWh = "curtailed_mwh", unservedMWh = "unserved_mwh", peakImportMW = "peak_import_mw"
        case importMWh = "import_mwh", exportMWh = "export_mwh", shortfall
    }

    /// Adds the targets' shortfalls over the covered hours and their cost at the shortfall prices
    /// (``DispatchFormulation/shortfallPrice(of:)``).
    mutating func addShortfalls(of network: Network, totals: DispatchTotals) {
        let targets = network.targets
        let demand = totals.consumption + totals.unserved
        if let share = targets.annualRenewableShare { shortfall.renewableShareMWh = max(0, share * demand - totals.renewable) }
        if let score = targets.hourlyCarbonFreeScore { shortfall.carbonFreeMWh = max(0, score * demand - totals.carbonFreeMatched) }
        if let cap = targets.co2Cap { shortfall.co2ExcessTonnes = max(0, totals.co2 - cap) }
        for contract in network.powerPurchaseAgreements {
            guard let minimum = contract.minimumVolume else { continue }
            shortfall.ppaVolumeMWh += max(0, minimum - (totals.ppaVolume[contract.id.rawValue] ?? 0))
        }
        // Below the solver's tolerance a shortfall is noise, not a miss.
        let tolerance = 1e-6 * max(demand, 1)
        for path in [\TargetShortfall.renewableShareMWh, \.carbonFreeMWh, \.ppaVolumeMWh] where shortfall[keyPath: path] < tolerance {
            shortfall[keyPath: path] = 0
        }
        if shortfall.co2ExcessTonnes < 1e-6 * max(targets.co2Cap ?? 0, 1) { shortfall.co2ExcessTonnes = 0 }
        guard !targets.areHard else { return }
        let price = DispatchFormulation.shortfallPrice(of: network)
        costs.targetShortfall = price * (shortfall.renewableShareMWh + shortfall.carbonFreeMWh + shortfall.ppaVolumeMWh)
            + DispatchFormulation.co2ExcessPrice(of: network) * shortfall.co2ExcessTonnes
        objective = costs.total
    }
}

/// How far each period target was missed: MWh short of the RE share and of the CFE score (on total demand),
/// t of CO2 above the cap, MWh short of PPA minimum volumes. Zero when met.
public struct TargetShortfall: Sendable, Equatable, Codable {
    /// MWh of renewable supply missing for the RE share.
    public var renewableShareMWh = 0.0
    /// MWh of hourly matched carbon-free supply missing for the CFE score.
    public var carbonFreeMWh = 0.0
    /// t of CO2 above the cap.
    public var co2ExcessTonnes = 0.0
    /// MWh missing from PPA minimum volumes, all contracts.
    public var ppaVolumeMWh = 0.0

    /// No shortfall.
    public init() {}

    /// Whether any target was missed.
    public var isAny: Bool { renewableShareMWh > 0 || carbonFreeMWh > 0 || co2ExcessTonnes > 0 || ppaVolumeMWh > 0 }

    enum CodingKeys: String, CodingKey {
        case renewableShareMWh = "re_share_mwh", carbonFreeMWh = "cfe_score_mwh", co2ExcessTonnes = "co2_excess_t"
        case ppaVolumeMWh = "ppa_volume_mwh"
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
    /// Period targets missed, at the shortfall prices (soft targets; docs/kpis.md).
    public var targetShortfall: Double = 0
    /// Revenue from exports (negative: it lowers the total).
    public var exportRevenue: Double = 0

    /// Zero costs.
    public init() {}

    /// The sum of every item.
    public var total: Double { energy + demandCharge + fuel + ppa + certificates + unservedLoad + targetShortfall + exportRevenue }

    enum CodingKeys: String, CodingKey {
        case energy, fuel, ppa, certificates
        case demandCharge = "demand_charge", unservedLoad = "unserved_load", exportRevenue = "export_revenue"
        case targetShortfall = "target_shortfall"
    }
}
