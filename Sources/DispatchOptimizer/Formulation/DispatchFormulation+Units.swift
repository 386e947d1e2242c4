import Foundation
import GridModel

extension DispatchFormulation {
    /// Generators: `p_min_pu[t]·p_nom ≤ p[t] ≤ p_max_pu[t]·p_nom` (MW) as column bounds, cost
    /// `w_t·c[t]·p[t]`; renewable surplus is curtailed (output below availability), never forced.
    /// Ramp limits where given: `p[t] − p[t−1] ≤ ramp_up·p_nom`, `p[t−1] − p[t] ≤ ramp_down·p_nom`.
    mutating func addGenerators() {
        for generator in network.generators {
            let name = ComponentName.sanitized(generator.id.rawValue)
            let columns = (0..<window.count).map { h in
                let t = window.snapshot(h)
                return addHourlyColumn("p", name, hour: h,
                                 lower: generator.minimumPerUnit.value(at: t) * generator.nominalPower,
                                 upper: generator.maximumPerUnit.value(at: t) * generator.nominalPower,
                                 cost: weight(\.objectiveWeights, h) * generator.marginalCost.value(at: t),
                                 category: .fuel)
            }
            for h in 0..<window.count { inject(columns[h], coefficient: 1, at: generator.bus, hour: h) }
            addRampLimits(name: name, columns: columns, generator: generator)
            if commitment && generator.isCommittable {
                addCommitment(name: name, power: columns, generator: generator)
            }
            generatorPower.append(columns)
        }
    }

    /// Unit commitment of a committable generator (MILP, `--commitment`): binary status `u[t]`,
    /// `p_min_pu·p_nom·u[t] ≤ p[t] ≤ p_max_pu·p_nom·u[t]`, start-ups `s[t] ≥ u[t] − u[t−1]` and
    /// shut-downs `d[t] ≥ u[t−1] − u[t]` (with `u[−1]` from the carried state, else on), minimum up
    /// time `Σ_{τ=t−UT+1..t} s[τ] ≤ u[t]` and down time `Σ_{τ=t−DT+1..t} d[τ] ≤ 1 − u[t]`;
    /// cost `start_up_cost·s + shut_down_cost·d`. A unit carried in on for `k < UT` hours
    /// (`state.hoursInStatus`) stays on for the rest of its up time, `u[t] = 1` for `t < UT − k` (rows
    /// `min_up_carried(g,tNNNN)`); one carried in off for `k < DT` hours stays off, `u[t] = 0` for
    /// `t < DT − k` (rows `min_down_carried(g,tNNNN)`); both within the window. Without a carried count the
    /// unit has been in its status longer than either minimum.
    private mutating func addCommitment(name: String, power: [Int], generator: Generator) {
        let wasOn = state?.unitIsOn[generator.id.rawValue] ?? true
        var status: [Int] = [], startUp: [Int] = [], shutDown: [Int] = []
        for h in 0..<window.count {
            let t = window.snapshot(h)
            // The bounds move from p onto the status: p itself only has to be non-negative.
            builder.setBounds(column: power[h], lower: min(0, generator.minimumPerUnit.value(at: t) * generator.nominalPower),
                              upper: .infinity)
            status.append(addHourlyColumn("on", name, hour: h, lower: 0, upper: 1, kind: .binary))
            startUp.append(addHourlyColumn("start_up", name, hour: h, lower: 0, upper: 1,
                                           cost: generator.startUpCost, category: .fuel))
            shutDown.append(addHourlyColumn("shut_down", name, hour: h, lower: 0, upper: 1,
                                            cost: generator.shutDownCost, category: .fuel))
            builder.addRow(name: ComponentName.hourly("p_lower", name, t), lower: 0,
                           terms: [(power[h], 1), (status[h], -generator.minimumPerUnit.value(at: t) * generator.nominalPower)])
            builder.addRow(name: ComponentName.hourly("p_upper", name, t), upper: 0,
                           terms: [(power[h], 1), (status[h], -generator.maximumPerUnit.value(at: t) * generator.nominalPower)])
            // s[t] − u[t] + u[t−1] ≥ 0 and d[t] + u[t] − u[t−1] ≥ 0; u[−1] is a constant.
            let previousValue = h > 0 ? 0 : (wasOn ? 1.0 : 0)
            builder.addRow(name: ComponentName.hourly("start", name, t), lower: -previousValue,
                           terms: [(startUp[h], 1), (status[h], -1)] + (h > 0 ? [(status[h - 1], 1)] : []))
            builder.addRow(name: ComponentName.hourly("stop", name, t), lower: previousValue,
                           terms: [(shutDown[h], 1), (status[h], 1)] + (h > 0 ? [(status[h - 1], -1)] : []))
        }
        let upTime = Int(generator.minimumUpTime.rounded(.up)), downTime = Int(generator.minimumDownTime.rounded(.up))
        for h in 0..<window.count {
            if upTime > 1 {
                let recent = max(0, h - upTime + 1)...h
                builder.addRow(name: ComponentName.hourly("min_up", name, window.snapshot(h)), upper: 0,
                               terms: recent.map { (startUp[$0], 1.0) } + [(status[h], -1)])
            }
            if downTime > 1 {
                let recent = max(0, h - downTime + 1)...h
                builder.addRow(name: ComponentName.hourly("min_down", name, window.snapshot(h)), upper: 1,
                               terms: recent.map { (shutDown[$0], 1.0) } + [(status[h], 1)])
            }
        }
        if let hours = state?.hoursInStatus[generator.id.rawValue] {
            let family = wasOn ? "min_up_carried" : "min_down_carried"
            let remaining = min((wasOn ? upTime : downTime) - max(hours, 0), window.count)
            for h in 0..<max(remaining, 0) {
                builder.addRow(name: ComponentName.hourly(family, name, window.snapshot(h)),
                               lower: wasOn ? 1 : -.infinity, upper: wasOn ? .infinity : 0, terms: [(status[h], 1)])
            }
        }
        commitmentStatus.append((generator.id.rawValue, status))
    }

    /// Ramp limits of a generator where given (MW): `p[t] − p[t−1] ≤ ramp_up·p_nom` (rows `ramp_up(g,tNNNN)`) and
    /// `p[t−1] − p[t] ≤ ramp_down·p_nom` (rows `ramp_down(g,tNNNN)`) for the window's hours `t ≥ 1`, and for its
    /// first hour against the output carried from the hour before (`state.lastOutputMW`, from the previous
    /// window or run): `p[0] ≤ p_last + ramp_up·p_nom`, `p[0] ≥ p_last − ramp_down·p_nom`. Without a carried
    /// output the first hour is free, as in PyPSA.
    private mutating func addRampLimits(name: String, columns: [Int], generator: Generator) {
        guard generator.rampUpLimit != nil || generator.rampDownLimit != nil else { return }
        if let last = state?.lastOutputMW[generator.id.rawValue], last.isFinite, let first = columns.first {
            let t = window.snapshot(0)
            if let up = generator.rampUpLimit {
                builder.addRow(name: ComponentName.hourly("ramp_up", name, t), upper: last + up * generator.nominalPower,
                               terms: [(first, 1)])
            }
            if let down = generator.rampDownLimit {
                builder.addRow(name: ComponentName.hourly("ramp_down", name, t), lower: last - down * generator.nominalPower,
                               terms: [(first, 1)])
            }
        }
        for h in 1..<max(window.count, 1) {
            let t = window.snapshot(h)
            if let up = generator.rampUpLimit {
                builder.addRow(name: ComponentName.hourly("ramp_up", name, t), upper: up * generator.nominalPower,
                               terms: [(columns[h], 1), (columns[h - 1], -1)])
            }
            if let down = generator.rampDownLimit {
                builder.addRow(name: ComponentName.hourly("ramp_down", name, t), upper: down * generator.nominalPower,
                               terms: [(columns[h - 1], 1), (columns[h], -1)])
            }
        }
    }

    /// Storage units: `0 ≤ p_dis ≤ p_max_pu·p_nom`, `0 ≤ p_ch ≤ −p_min_pu·p_nom` (MW),
    /// `0 ≤ soc ≤ max_hours·p_nom` (MWh), and state-of-charge continuity
    /// `soc[t] = (1−loss)^{w_t}·soc[t−1] + w_t·(η_ch·p_ch[t] − p_dis[t]/η_dis + inflow[t] − spill[t])`,
    /// cyclic (`soc[−1] = soc[T−1]`), from the state carried from the previous hour (with its
    /// standing loss), or from the grid's initial state (without, as in PyPSA). Cost `w_t·c·p_dis`.
    mutating func addStorageUnits() {
        for unit in network.storageUnits {
            let name = ComponentName.sanitized(unit.id.rawValue)
            var charge: [Int] = [], discharge: [Int] = [], energy: [Int] = [], spill: [Int?] = []
            for h in 0..<window.count {
                let t = window.snapshot(h)
                discharge.append(addHourlyColumn("p_dis", name, hour: h, lower: 0,
                                           upper: max(0, unit.maximumPerUnit.value(at: t)) * unit.nominalPower,
                                           cost: weight(\.objectiveWeights, h) * unit.marginalCost.value(at: t),
                                           category: .fuel))
                charge.append(addHourlyColumn("p_ch", name, hour: h, lower: 0,
                                        upper: max(0, -unit.minimumPerUnit.value(at: t)) * unit.nominalPower))
                energy.append(addHourlyColumn("soc", name, hour: h, lower: 0, upper: unit.energyCapacity))
                let inflow = unit.inflow.value(at: t)
                spill.append(inflow > 0 ? addHourlyColumn("spill", name, hour: h, lower: 0, upper: inflow) : nil)
                inject(discharge[h], coefficient: 1, at: unit.bus, hour: h)
                inject(charge[h], coefficient: -1, at: unit.bus, hour: h)
            }
            let inflow = (0..<window.count).map { unit.inflow.value(at: window.snapshot($0)) }
            addEnergyContinuity(family: "soc_balance", name: name, id: unit.id.rawValue, energy: energy,
                                standingLoss: unit.standingLoss, isCyclic: unit.isCyclic, initial: unit.stateOfChargeInitial,
                                capacity: (0, unit.energyCapacity)) { h, w in
                var terms: [(column: Int, coefficient: Double)] = [
                    (charge[h], -w * unit.efficiencyStore), (discharge[h], w / unit.efficiencyDispatch),
                ]
                if let spilled = spill[h] { terms.append((spilled, w)) }
                return (terms, w * inflow[h])
            }
            storageCharge.append(charge)
            storageDischarge.append(discharge)
            storageEnergy.append(energy)
        }
    }

    /// Stores: `e_min_pu·e_nom ≤ e[t] ≤ e_max_pu·e_nom` (MWh), free power `p` (MW, positive into
    /// the bus), `e[t] = (1−loss)^{w_t}·e[t−1] − w_t·p[t]`, cyclic or from the initial energy.
    /// Cost `w_t·c·p`.
    mutating func addStores() {
        for store in network.stores {
            let name = ComponentName.sanitized(store.id.rawValue)
            var power: [Int] = [], energy: [Int] = []
            for h in 0..<window.count {
                let t = window.snapshot(h)
                // |w·p| ≤ (|e_max_pu| + |e_min_pu|)·e_nom follows from the continuity row; the explicit
                // bound keeps the column boxed (free columns stall GLPK's interior point).
                let largest = { (profile: Profile) in max(abs(profile.minimum), abs(profile.maximum)) }
                let reach = (largest(store.maximumPerUnit) + largest(store.minimumPerUnit)) * store.nominalEnergy
                    / max(weight(\.storeWeights, h), 1e-9) + 1
                power.append(addHourlyColumn("p_store", name, hour: h, lower: -reach, upper: reach,
                                       cost: weight(\.objectiveWeights, h) * store.marginalCost.value(at: t), category: .fuel))
                energy.append(addHourlyColumn("e", name, hour: h,
                                        lower: store.minimumPerUnit.value(at: t) * store.nominalEnergy,
                                        upper: store.maximumPerUnit.value(at: t) * store.nominalEnergy))
                inject(power[h], coefficient: 1, at: store.bus, hour: h)
            }
            addEnergyContinuity(family: "e_balance", name: name, id: store.id.rawValue, energy: energy,
                                standingLoss: store.standingLoss, isCyclic: store.isCyclic, initial: store.energyInitial,
                                capacity: (store.minimumPerUnit.minimum * store.nominalEnergy,
                                           store.maximumPerUnit.maximum * store.nominalEnergy)) { h, w in ([(power[h], w)], 0) }
            storePower.append(power)
            storeEnergy.append(energy)
        }
    }

    /// Energy continuity of a storage unit or store: `e[t] − (1−loss)^{w_t}·e[t−1] + flows(t) = inflow(t)`,
    /// where `flows` gives the hour's other terms and constant for weight `w_t`. The hour before the
    /// first is, in this order: the energy carried in from the previous window or run (with one hour of
    /// standing loss), a start given by the ``WindowBoundary`` (with loss) or decided by this window (column
    /// `e_start(id)`, the first window of a cyclic unit rolled over a longer horizon), the last hour of the
    /// window (cyclic, one LP), or the grid's initial energy (without loss, as in PyPSA). A cyclic unit's last
    /// rolled window returns to the horizon's start (row `e_cycle(id)`). Records the rows for the duals.
    mutating func addEnergyContinuity(
        family: String, name: String, id: String, energy: [Int], standingLoss: Double, isCyclic: Bool,
        initial: Double, capacity: (lower: Double, upper: Double),
        flows: (Int, Double) -> (terms: [(column: Int, coefficient: Double)], constant: Double)
    ) {
        var start: Int?
        let carried = state?.storedEnergyMWh[id]
        if carried == nil, boundary.energyStart[id] == .free {
            start = addColumn("e_start(\(name))", lower: capacity.lower, upper: capacity.upper)
        }
        var rows: [Int] = []
        for h in 0..<window.count {
            let w = weight(\.storeWeights, h)
            let retention = pow(1 - standingLoss, w)
            let hour = flows(h, w)
            var terms: [(column: Int, coefficient: Double)] = [(energy[h], 1)] + hour.terms
            var constant = hour.constant
            if h > 0 {
                terms.append((energy[h - 1], -retention))
            } else if let carried {
                constant += retention * carried
            } else if let start {
                terms.append((start, -retention))
            } else if case .given(let energy) = boundary.energyStart[id] {
                constant += retention * energy
            } else if isCyclic {
                if window.count > 1 { terms.append((energy[window.count - 1], -retention)) } else { terms[0].coefficient -= retention }
            } else {
                constant += initial
            }
            rows.append(builder.addRow(name: ComponentName.hourly(family, name, window.snapshot(h)), lower: constant,
                                       upper: constant, terms: terms))
        }
        if let end = boundary.cycleEnd[id], end.hour >= 0, end.hour < window.count {
            builder.addRow(name: "e_cycle(\(name))", lower: end.energyMWh, upper: end.energyMWh, terms: [(energy[end.hour], 1)])
        }
        energyStart[id] = start
        continuityRows[id] = rows
    }

    /// The value of energy left at the window's end: `−value·e[T−1]` in the objective for each unit (storage unit,
    /// store, EV fleet) the
    /// ``WindowBoundary`` values (not a cost item: the KPIs leave it out).
    mutating func addTerminalEnergyValues() {
        guard let last = window.count > 0 ? window.count - 1 : nil else { return }
        for (s, unit) in network.storageUnits.enumerated() {
            if let value = boundary.terminalEnergyValue[unit.id.rawValue] { builder.addCost(column: storageEnergy[s][last], -value) }
        }
        for (s, store) in network.stores.enumerated() {
            if let value = boundary.terminalEnergyValue[store.id.rawValue] { builder.addCost(column: storeEnergy[s][last], -value) }
        }
        for (s, fleet) in network.evFleets.enumerated() {
            if let value = boundary.terminalEnergyValue[fleet.id.rawValue] { builder.addCost(column: fleetEnergy[s][last], -value) }
        }
    }

    /// Links: `p_min_pu·p_nom ≤ p[t] ≤ p_max_pu·p_nom` withdrawn at bus0, `η[t]·p[t]` delivered at
    /// bus1 (MW); cost `w_t·c·p`.
    mutating func addLinks() {
        for link in network.links {
            let name = ComponentName.sanitized(link.id.rawValue)
            let columns = (0..<window.count).map { h in
                let t = window.snapshot(h)
                return addHourlyColumn("p_link", name, hour: h,
                                 lower: link.minimumPerUnit.value(at: t) * link.nominalPower,
                                 upper: link.maximumPerUnit.value(at: t) * link.nominalPower,
                                 cost: weight(\.objectiveWeights, h) * link.marginalCost.value(at: t), category: .fuel)
            }
            for h in 0..<window.count {
                inject(columns[h], coefficient: -1, at: link.bus0, hour: h)
                inject(columns[h], coefficient: link.efficiency.value(at: window.snapshot(h)), at: link.bus1, hour: h)
            }
            linkFlow.append(columns)
        }
    }

    /// Loads: fixed demand on the right-hand side of the balance; where shedding is allowed an
    /// unserved-energy column `0 ≤ u[t] ≤ demand[t]` (MW) at the load's value of lost load.
    mutating func addLoads() throws(DispatchError) {
        for load in network.loads {
            guard let demand = load.fixedDemand else {
                throw DispatchError.load(id: load.id.rawValue,
                                         problem: "demand is to be forecast from history; run the forecast first (re100 run does)")
            }
            guard case .allowed(let valueOfLostLoad) = load.shedding else {
                unserved.append(nil)
                continue
            }
            let name = ComponentName.sanitized(load.id.rawValue)
            let columns = (0..<window.count).map { h in
                let t = window.snapshot(h)
                return addHourlyColumn("unserved", name, hour: h, lower: 0,
                                 upper: max(0, demand.value(at: t)),
                                 cost: weight(\.objectiveWeights, h) * valueOfLostLoad, category: .unservedLoad)
            }
            for h in 0..<window.count { inject(columns[h], coefficient: 1, at: load.bus, hour: h) }
            unserved.append(columns)
        }
    }
}
