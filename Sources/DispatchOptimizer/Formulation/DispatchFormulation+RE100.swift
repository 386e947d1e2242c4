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

    /// Annual (horizon) matching: `Σ_t w_t·renewable[t] + REC + green premium ≥ share·Σ_t w_t·consumption[t]`.
    mutating func addRenewableShareTarget() {
        guard let share = network.targets.annualRenewableShare else { return }
        var terms = SparseSum()
        for h in 0..<window.count {
            let w = weight(\.generatorWeights, h)
            terms.add(renewableSupply(h), scale: w)
            terms.add(consumption(h), scale: -share * w)
        }
        if let rec = recPurchase { terms.add([(rec, 1)]) }
        if let premium = greenPremiumPurchase { terms.add([(premium, 1)]) }
        builder.addRow(name: "re_share", lower: 0, terms: terms.terms)
    }

    /// Hourly 24/7 matching: `cfe[t] ≤ consumption[t]`, `cfe[t] ≤ carbon-free supply[t]`,
    /// `Σ_t w_t·cfe[t] ≥ score·Σ_t w_t·consumption[t]`.
    mutating func addCarbonFreeTarget() {
        guard let score = network.targets.hourlyCarbonFreeScore else { return }
        var total = SparseSum()
        for h in 0..<window.count {
            let t = window.snapshot(h)
            let w = weight(\.generatorWeights, h)
            let cfe = addHourlyColumn("cfe", "complex", hour: h, lower: 0, upper: .infinity)
            builder.addRow(name: ComponentName.hourly("cfe_load", "complex", t), lower: 0,
                           terms: SparseSum(consumption(h)).adding([(cfe, -1)]).terms)
            builder.addRow(name: ComponentName.hourly("cfe_supply", "complex", t), lower: 0,
                           terms: SparseSum(carbonFreeSupply(h)).adding([(cfe, -1)]).terms)
            total.add([(cfe, w)])
            total.add(consumption(h), scale: -score * w)
        }
        builder.addRow(name: "cfe_score", lower: 0, terms: total.terms)
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

    /// CO2 cap: `Σ_t w_t·emissions[t] ≤ cap` (t, pro-rated per window).
    mutating func addCarbonCap() {
        guard let cap = network.targets.co2Cap else { return }
        var terms = SparseSum()
        for h in 0..<window.count { terms.add(emissions(h), scale: weight(\.generatorWeights, h)) }
        builder.addRow(name: "co2_cap", upper: cap * periodShare, terms: terms.terms)
    }
}

/// A linear expression that merges repeated columns (the LP builder rejects duplicates).
struct SparseSum {
    private var coefficients: [Int: Double] = [:]

    init(_ terms: [(column: Int, coefficient: Double)] = []) { add(terms) }

    mutating func add(_ terms: [(column: Int, coefficient: Double)], scale: Double = 1) {
        for term in terms { coefficients[term.column, default: 0] += term.coefficient * scale }
    }

    func adding(_ terms: [(column: Int, coefficient: Double)]) -> SparseSum {
        var copy = self
        copy.add(terms)
        return copy
    }

    /// Terms in column order, zeros dropped (deterministic).
    var terms: [(column: Int, coefficient: Double)] {
        coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
