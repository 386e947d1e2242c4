import GridModel

extension DispatchFormulation {
    /// EV fleets (docs/dispatch.md, "EV fleets"), PyPSA-Eur's BEV model as one unit: charging
    /// `0 ≤ p_ch[t] ≤ availability[t]·p_nom` and, with vehicle-to-grid, `0 ≤ p_v2g[t] ≤ availability[t]·p_nom`
    /// (MW, at the fleet's bus); stored energy `e_min_pu[t]·e_nom ≤ e[t] ≤ e_nom` (MWh) with
    /// `e[t] = e[t−1] + w_t·(η_ch·p_ch[t] − p_v2g[t]/η_v2g − driving[t])`, cyclic, carried or from `e_initial`
    /// like a store (``addEnergyContinuity``). Cost `w_t·c_wear·p_v2g[t]`.
    mutating func addEVFleets() {
        for fleet in network.evFleets {
            let name = ComponentName.sanitized(fleet.id.rawValue)
            var charge: [Int] = [], discharge: [Int] = [], energy: [Int] = []
            for h in 0..<window.count {
                let t = window.snapshot(h)
                let connected = max(0, fleet.availability.value(at: t)) * fleet.nominalPower
                charge.append(addHourlyColumn("ev_ch", name, hour: h, lower: 0, upper: connected))
                discharge.append(addHourlyColumn("ev_v2g", name, hour: h, lower: 0, upper: fleet.vehicleToGrid ? connected : 0,
                                                 cost: weight(\.objectiveWeights, h) * fleet.degradationCost, category: .fuel))
                energy.append(addHourlyColumn("ev_e", name, hour: h, lower: fleet.minimumPerUnit.value(at: t) * fleet.nominalEnergy,
                                              upper: fleet.nominalEnergy))
                inject(charge[h], coefficient: -1, at: fleet.bus, hour: h)
                inject(discharge[h], coefficient: 1, at: fleet.bus, hour: h)
            }
            let driving = (0..<window.count).map { fleet.driving.value(at: window.snapshot($0)) }
            addEnergyContinuity(family: "ev_balance", name: name, id: fleet.id.rawValue, energy: energy, standingLoss: 0,
                                isCyclic: fleet.isCyclic, initial: fleet.energyInitial,
                                capacity: (fleet.minimumPerUnit.minimum * fleet.nominalEnergy, fleet.nominalEnergy)) { h, w in
                ([(charge[h], -w * fleet.chargeEfficiency), (discharge[h], w / fleet.vehicleToGridEfficiency)], -w * driving[h])
            }
            fleetCharge.append(charge)
            fleetDischarge.append(discharge)
            fleetEnergy.append(energy)
        }
    }
}
