import GridModel

/// The RE100 accounting shared by the constraints and the KPIs (docs/kpis.md), as linear
/// expressions per hour: coefficient lists over columns.
extension DispatchFormulation {
    typealias Expression = [(column: Int, coefficient: Double)]

    /// Consumption in hour `h` (MW): on-site generation + grid import + physical PPA delivery − export.
    /// By the nodal balances this is load served plus net storage charging plus link losses, so
    /// storage losses count as consumption.
    func consumption(_ h: Int) -> Expression {
        var terms: Expression = generatorPower.map { ($0[h], 1) }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() where contract.bus != nil {
            terms.append((ppaDelivery[k][h], 1))
        }
        if !gridImport.isEmpty { terms += [(gridImport[h], 1), (gridExport[h], -1)] }
        return terms
    }

    /// Renewable supply in hour `h` (MW): renewable generators, renewable PPAs (physical or
    /// virtual), imports when the grid carrier is renewable, minus all exports (exports are taken
    /// to be renewable surplus first).
    func renewableSupply(_ h: Int) -> Expression {
        supply(h, counts: isRenewable)
    }

    /// Carbon-free supply in hour `h` (MW), the same way with the carbon-free flag.
    func carbonFreeSupply(_ h: Int) -> Expression {
        supply(h, counts: isCarbonFree)
    }

    private func supply(_ h: Int, counts: (Carrier.ID) -> Bool) -> Expression {
        var terms: Expression = []
        for (g, generator) in network.generators.enumerated() where counts(generator.carrier) {
            terms.append((generatorPower[g][h], 1))
        }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() where counts(contract.carrier) {
            terms.append((ppaDelivery[k][h], 1))
        }
        if let connection = network.gridConnection {
            if counts(connection.carrier) { terms.append((gridImport[h], 1)) }
            terms.append((gridExport[h], -1))
        }
        return terms
    }

    /// Total demand in hour `h` (MW): consumption plus load not served. Shares are defined on it, so
    /// shedding load never helps a target (docs/kpis.md).
    func demand(_ h: Int) -> Expression {
        consumption(h) + unserved.compactMap { $0?[h] }.map { ($0, 1.0) }
    }

    /// Annual (period) matching: `Σ_t w_t·renewable[t] + REC + green premium + shortfall ≥ share·Σ_t w_t·demand[t]`,
    /// the sum as a chain of daily partial sums (``addPeriodSum(_:id:initial:lower:upper:final:terms:)``)
    /// starting from the year to date and bounded by the window's budget (``WindowBoundary``).
    mutating func addRenewableShareTarget() {
        guard let share = network.targets.annualRenewableShare else { return }
        var final: Expression = []
        if let rec = recPurchase { final.append((rec, 1)) }
        if let premium = greenPremiumPurchase { final.append((premium, 1)) }
        targetShortfall.renewableShare = addShortfallColumn("re_share_shortfall", pricePerUnit: shortfallPrice)
        if let shortfall = targetShortfall.renewableShare { final.append((shortfall, 1)) }
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return SparseSum(renewableSupply(h)).scaled(w).adding(demand(h), scale: -share * w).terms
        }
        let budget = boundary.renewableShare
        addPeriodSum("re_share", id: "complex", initial: budget.initial, lower: budget.lower, upper: budget.upper,
                     final: final, terms: terms)
    }

    /// Hourly 24/7 matching: `cfe[t] ≤ consumption[t]`, `cfe[t] ≤ carbon-free supply[t]`,
    /// `Σ_t w_t·cfe[t] + shortfall ≥ score·Σ_t w_t·demand[t]` (the sum as a chain of daily partial sums).
    mutating func addCarbonFreeTarget() {
        guard let score = network.targets.hourlyCarbonFreeScore else { return }
        var matched: [Int] = []
        for h in 0..<window.count {
            let t = window.snapshot(h)
            let cfe = addHourlyColumn("cfe", "complex", hour: h, lower: 0, upper: .infinity)
            builder.addRow(name: ComponentName.hourly("cfe_load", "complex", t), lower: 0,
                           terms: SparseSum(consumption(h)).adding([(cfe, -1)]).terms)
            builder.addRow(name: ComponentName.hourly("cfe_supply", "complex", t), lower: 0,
                           terms: SparseSum(carbonFreeSupply(h)).adding([(cfe, -1)]).terms)
            matched.append(cfe)
        }
        carbonFreeMatched = matched
        targetShortfall.carbonFree = addShortfallColumn("cfe_score_shortfall", pricePerUnit: shortfallPrice)
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return SparseSum([(matched[h], w)]).adding(demand(h), scale: -score * w).terms
        }
        let budget = boundary.carbonFree
        addPeriodSum("cfe_score", id: "complex", initial: budget.initial, lower: budget.lower, upper: budget.upper,
                     final: targetShortfall.carbonFree.map { [($0, 1)] } ?? [], terms: terms)
    }

    /// Emissions in hour `h` (t/h): generator output times its carrier's intensity, PPA delivery
    /// likewise, imports times the grid emission factor.
    func emissions(_ h: Int) -> Expression {
        var terms: Expression = []
        for (g, generator) in network.generators.enumerated() where co2Intensity(generator.carrier) != 0 {
            terms.append((generatorPower[g][h], co2Intensity(generator.carrier)))
        }
        for (k, contract) in network.powerPurchaseAgreements.enumerated() where co2Intensity(contract.carrier) != 0 {
            terms.append((ppaDelivery[k][h], co2Intensity(contract.carrier)))
        }
        if let connection = network.gridConnection {
            terms.append((gridImport[h], connection.emissionFactor.value(at: window.snapshot(h))))
        }
        return terms
    }

    /// CO2 cap: `Σ_t w_t·emissions[t] − excess ≤ cap` (t) as a chain of daily partial sums, from the year to
    /// date and bounded by the window's budget.
    mutating func addCarbonCap() {
        guard network.targets.co2Cap != nil else { return }
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return emissions(h).map { ($0.column, $0.coefficient * w) }
        }
        targetShortfall.co2Excess = addShortfallColumn("co2_excess", pricePerUnit: co2ExcessPrice)
        let budget = boundary.co2
        addPeriodSum("co2_cap", id: "complex", initial: budget.initial, lower: budget.lower, upper: budget.upper,
                     final: targetShortfall.co2Excess.map { [($0, -1)] } ?? [], terms: terms)
    }

    /// A column for the shortfall of a soft target at `price` per unit (category ``CostCategory/targetShortfall``);
    /// nil when the grid's targets are hard.
    mutating func addShortfallColumn(_ name: String, pricePerUnit price: Double) -> Int? {
        guard !network.targets.areHard else { return nil }
        return addColumn(name, lower: 0, upper: .infinity, cost: price, category: .targetShortfall)
    }

    /// Price per MWh of a target's shortfall: the grid's `shortfall_price_per_mwh`, else ten times the
    /// dearest energy the grid can buy (the tariff's dearest energy price with adders and surcharges, the flat
    /// import price, PPAs, certificates, fuel), so a shortfall is taken only when no purchase can close the gap.
    static func shortfallPrice(of network: Network) -> Double {
        if let price = network.targets.shortfallPrice { return price }
        var prices = [network.contracts.recPrice ?? 0, network.contracts.greenPremiumPrice ?? 0]
        prices += network.generators.map(\.marginalCost.maximum) + network.powerPurchaseAgreements.map(\.price.maximum)
        if let connection = network.gridConnection {
            prices.append(connection.importPrice.maximum)
            if let tariff = connection.tariff {
                let energy = tariff.energyPrices.map(\.pricePerMWh).filter(\.isFinite).reduce(0, max)
                prices.append((energy + tariff.adders.map(\.pricePerMWh).reduce(0, +)) * (1 + tariff.surchargeShare))
            }
        }
        return 10 * prices.filter(\.isFinite).reduce(1, max)
    }

    /// Price per t of CO2 above the cap: the grid's `co2_excess_price_per_t`, else the shortfall price per MWh
    /// divided by the dirtiest intensity the grid has (t/MWh: grid emission factor or a carrier), so avoiding a
    /// tonne by shedding load never pays where the value of lost load exceeds the shortfall price.
    static func co2ExcessPrice(of network: Network) -> Double {
        if let price = network.targets.co2ExcessPrice { return price }
        let intensities = network.carriers.map(\.co2Intensity) + [network.gridConnection?.emissionFactor.maximum ?? 0]
        return shortfallPrice(of: network) / max(intensities.filter(\.isFinite).reduce(0, max), 0.1)
    }
}

/// A linear expression that merges repeated columns (the LP builder rejects duplicates).
struct SparseSum {
    private var coefficients: [Int: Double] = [:]

    init(_ terms: [(column: Int, coefficient: Double)] = []) { add(terms) }

    mutating func add(_ terms: [(column: Int, coefficient: Double)], scale: Double = 1) {
        for term in terms { coefficients[term.column, default: 0] += term.coefficient * scale }
    }

    func adding(_ terms: [(column: Int, coefficient: Double)], scale: Double = 1) -> SparseSum {
        var copy = self
        copy.add(terms, scale: scale)
        return copy
    }

    /// Every coefficient times `factor`.
    func scaled(_ factor: Double) -> SparseSum {
        var copy = self
        copy.coefficients = coefficients.mapValues { $0 * factor }
        return copy
    }

    /// Terms in column order, zeros dropped (deterministic).
    var terms: [(column: Int, coefficient: Double)] {
        coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
