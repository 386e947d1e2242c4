import GridModel

extension DispatchFormulation {
    /// PPAs: delivery `d[t] = capacity·profile[t]` (MW), or `0 ≤ d[t] ≤ capacity·profile[t]` when
    /// curtailable, at `w_t·price[t]`; physical PPAs enter their bus's balance, virtual ones only
    /// the RE100 accounting. Volume limits `min ≤ Σ w_t·d[t] ≤ max` (MWh, pro-rated per window) as a chain of daily
    /// partial sums.
    mutating func addPowerPurchaseAgreements() {
        for contract in network.powerPurchaseAgreements {
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
                addPeriodSum("ppa_volume(\(name))", id: name,
                             lower: (contract.minimumVolume ?? 0) * periodShare,
                             upper: contract.maximumVolume.map { $0 * periodShare } ?? .infinity,
                             terms: (0..<window.count).map { h in [(columns[h], weight(\.generatorWeights, h))] })
            }
            ppaDelivery.append(columns)
        }
    }

    /// REC and green-premium purchases (MWh over the window, limits pro-rated): certificates that
    /// count toward the annual RE share at their price, without delivering energy.
    mutating func addCertificates() {
        let contracts = network.contracts
        if let price = contracts.recPrice {
            recPurchase = addColumn("rec_purchase", lower: 0, upper: contracts.recLimit.map { $0 * periodShare } ?? .infinity,
                                    cost: price, category: .certificates)
        }
        if let price = contracts.greenPremiumPrice {
            greenPremiumPurchase = addColumn("green_premium", lower: 0,
                                             upper: contracts.greenPremiumLimit.map { $0 * periodShare } ?? .infinity,
                                             cost: price, category: .certificates)
        }
    }
}
