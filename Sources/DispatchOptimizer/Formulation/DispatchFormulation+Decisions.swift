extension DispatchFormulation {
    /// The columns of the decisions an operator sets ahead, one `[h]` list per unit: storage charge and discharge,
    /// store power, link power, EV fleet charge and discharge, flexible loads' moved power (up and down), and the
    /// output of the generators `isFirm(g)` (0-based in network order) accepts. Everything else (grid import and
    /// export, shedding, curtailment, flows) is recourse.
    func decisionColumns(isFirm: (Int) -> Bool) -> [[Int]] {
        var columns = storageCharge + storageDischarge + storePower + linkFlow + fleetCharge + fleetDischarge
        for shift in flexibleShift.compactMap({ $0 }) { columns += [shift.up, shift.down] }
        for g in network.generators.indices where isFirm(g) { columns.append(generatorPower[g]) }
        return columns
    }

    /// Fixes the decision columns of the first `decisions.hours` hours to the plan's values (negative rounding
    /// noise of one-sided columns becomes 0). With a deviation price, `x − deviation_up + deviation_down = plan`
    /// (row `keep(x)`, columns `deviation_up(x)`, `deviation_down(x)` at that price per MWh, cost item none) instead.
    mutating func fix(_ decisions: FixedDecisions) {
        let hours = min(decisions.hours, window.count)
        let schedule = { (component: String, id: String) in
            decisions.units.first { $0.component == component && $0.unit == id }
        }
        func pin(_ columns: [Int], _ values: [Double]?, oneSided: Bool) {
            guard let values else { return }
            for h in 0..<min(hours, values.count) {
                let value = oneSided ? max(0, values[h]) : values[h]
                guard let price = decisions.deviationPrice else {
                    builder.setBounds(column: columns[h], lower: value, upper: value)
                    continue
                }
                let name = builder.columnName(columns[h])
                let cost = price * weight(\.objectiveWeights, h)
                let up = addColumn("deviation_up(\(name))", lower: 0, upper: .infinity, cost: cost)
                let down = addColumn("deviation_down(\(name))", lower: 0, upper: .infinity, cost: cost)
                builder.addRow(name: "keep(\(name))", lower: value, upper: value, terms: [(columns[h], 1), (up, -1), (down, 1)])
            }
        }
        for (g, generator) in network.generators.enumerated() where !decisions.recourseGenerators.contains(generator.id.rawValue) {
            pin(generatorPower[g], schedule("generator", generator.id.rawValue)?.power, oneSided: false)
        }
        for (s, unit) in network.storageUnits.enumerated() {
            let plan = schedule("storage_unit", unit.id.rawValue)
            pin(storageCharge[s], plan?.charge, oneSided: true)
            pin(storageDischarge[s], plan?.discharge, oneSided: true)
        }
        for (s, store) in network.stores.enumerated() {
            pin(storePower[s], schedule("store", store.id.rawValue)?.power, oneSided: false)
        }
        for (k, link) in network.links.enumerated() {
            pin(linkFlow[k], schedule("link", link.id.rawValue)?.power, oneSided: false)
        }
    }
}
