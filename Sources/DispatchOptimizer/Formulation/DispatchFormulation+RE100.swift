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

    /// Annual (horizon) matching: `Σ_t w_t·renewable[t] + REC + green premium ≥ share·Σ_t w_t·consumption[t]`,
    /// the sum as a chain of daily partial sums (``addPeriodSum(_:id:initial:lower:upper:final:terms:)``).
    mutating func addRenewableShareTarget() {
        guard let share = network.targets.annualRenewableShare else { return }
        var certificates: Expression = []
        if let rec = recPurchase { certificates.append((rec, 1)) }
        if let premium = greenPremiumPurchase { certificates.append((premium, 1)) }
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return SparseSum(renewableSupply(h)).scaled(w).adding(consumption(h), scale: -share * w).terms
        }
        addPeriodSum("re_share", id: "complex", lower: 0, upper: .infinity, final: certificates, terms: terms)
    }

    /// Hourly 24/7 matching: `cfe[t] ≤ consumption[t]`, `cfe[t] ≤ carbon-free supply[t]`,
    /// `Σ_t w_t·cfe[t] ≥ score·Σ_t w_t·consumption[t]` (the sum as a chain of daily partial sums).
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
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return SparseSum([(matched[h], w)]).adding(consumption(h), scale: -score * w).terms
        }
        addPeriodSum("cfe_score", id: "complex", lower: 0, upper: .infinity, terms: terms)
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

    /// CO2 cap: `Σ_t w_t·emissions[t] ≤ cap` (t, pro-rated per window), as a chain of daily partial sums.
    mutating func addCarbonCap() {
        guard let cap = network.targets.co2Cap else { return }
        let terms = (0..<window.count).map { h in
            let w = weight(\.generatorWeights, h)
            return emissions(h).map { ($0.column, $0.coefficient * w) }
        }
        addPeriodSum("co2_cap", id: "complex", lower: -.infinity, upper: cap * periodShare, terms: terms)
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
