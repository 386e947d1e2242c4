import GridModel

extension DispatchFormulation {
    /// PPAs: delivery `d[t] = capacity·profile[t]` (MW), or `0 ≤ d[t] ≤ capacity·profile[t]` when
    /// curtailable, at `w_t·price[t]`; physical PPAs enter their bus's balance, virtual ones only
    /// the RE100 accounting. Volume limits `min ≤ Σ w_t·d[t] + shortfall ≤ max` (MWh) as a chain of daily partial sums from
    /// the year to date, bounded by the window's budget; the minimum is soft unless targets are hard.
    mutating func addPowerPurchaseAgreements() {
        for (k, contract) in network.powerPurchaseAgreements.enumerated() {
            let name = ComponentName.sanitized(contract.id.rawValue)
            let columns = (0..<window.count).map { h in
                let t = window.snapshot(h)
                let available = max(0, contract.capacity * contract.profile.value(at: t))
                return addHourlyColumn("ppa", name, hour: h, lower: contract.isCurtailable ? 0 : available,
                                 upper: available, cost: weight(\.objectiveWeights, h) * contract.price.value(at: t),
                                 category: .ppa)
            }
            if let bus = contract.bus {
                for h in 0..<window.count { inject(columns[h], coefficient: 1, at: bus, hour: h) }
            }
            if contract.maximumVolume != nil || contract.minimumVolume != nil {
                var budget = boundary.ppaVolume[contract.id.rawValue]
                    ?? WindowBoundary.Budget(lower: contract.minimumVolume ?? -.infinity, upper: contract.maximumVolume ?? .infinity)
                var final: Expression = []
                if budget.lower.isFinite, let shortfall = addShortfallColumn("ppa_shortfall(\(name))", pricePerUnit: shortfallPrice) {
                    targetShortfall.ppaVolume[k] = shortfall
                    final.append((shortfall, 1))
                }
                if !budget.lower.isFinite { budget.lower = -.infinity }
                addPeriodSum("ppa_volume(\(name))", id: name, initial: budget.initial, lower: budget.lower,
                             upper: budget.upper, final: final,
                             terms: (0..<window.count).map { h in [(columns[h], weight(\.generatorWeights, h))] })
            }
            ppaDelivery.append(columns)
        }
    }

    /// REC and green-premium purchases (MWh over the window, up to what is left of the period's limits): certificates that
    /// count toward the annual RE share at their price, without delivering energy.
    mutating func addCertificates() {
        let contracts = network.contracts
        if let price = contracts.recPrice {
            recPurchase = addColumn("rec_purchase", lower: 0,
                                    upper: max(0, boundary.recRemaining ?? contracts.recLimit ?? .infinity),
                                    cost: price, category: .certificates)
        }
        if let price = contracts.greenPremiumPrice {
            greenPremiumPurchase = addColumn("green_premium", lower: 0,
                                             upper: max(0, boundary.greenPremiumRemaining ?? contracts.greenPremiumLimit ?? .infinity),
                                             cost: price, category: .certificates)
        }
    }
}
