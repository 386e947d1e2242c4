import GridModel

extension DispatchExtraction {
    /// The schedule of load `l`: served power (requested + moved in − moved out − unserved) in `power`, unserved
    /// in `curtailed`; a flexible load also reports power moved in (`charge`), moved out (`discharge`) and the
    /// backlog of deferred energy not yet served (`stateOfCharge`, MWh, negative when served ahead).
    func loadSchedule(_ l: Int) -> UnitSchedule {
        let load = formulation.network.loads[l]
        let requested = (0..<committed).map { load.fixedDemand?.value(at: formulation.window.snapshot($0)) ?? 0 }
        let shed = formulation.unserved[l].map { committedValues($0) } ?? [Double](repeating: 0, count: committed)
        var schedule = UnitSchedule(unit: load.id.rawValue, component: "load", bus: load.bus.rawValue, carrier: "",
                                    power: zip(requested, shed).map { $0 - $1 }, curtailed: shed)
        if let columns = formulation.flexibleShift[l] {
            let up = committedValues(columns.up), down = committedValues(columns.down)
            schedule.power = (0..<committed).map { schedule.power[$0] + up[$0] - down[$0] }
            schedule.charge = up
            schedule.discharge = down
            schedule.stateOfCharge = committedValues(columns.backlog)
        }
        return schedule
    }

    /// EV fleets like storage units: `power` is V2G minus charging (injection into the bus), `charge`,
    /// `discharge` (V2G) and the fleet's stored energy.
    func fleetSchedules() -> [UnitSchedule] {
        formulation.network.evFleets.enumerated().map { s, fleet in
            let charge = committedValues(formulation.fleetCharge[s]), discharge = committedValues(formulation.fleetDischarge[s])
            return UnitSchedule(unit: fleet.id.rawValue, component: "ev_fleet", bus: fleet.bus.rawValue, carrier: "",
                                power: zip(discharge, charge).map { $0 - $1 }, charge: charge, discharge: discharge,
                                stateOfCharge: committedValues(formulation.fleetEnergy[s]))
        }
    }

    /// Adds the committed hours' energy moved by flexible loads (`Σ w·up`, MWh), its value at the hours' prices
    /// (`Σ λ_t·w_t·(down − up)`, the cost of serving the requested rather than the served profile at this
    /// solution's LMPs), and EV charging and V2G energy (MWh).
    func addFlexibility(to totals: inout DispatchTotals) {
        for (l, load) in formulation.network.loads.enumerated() {
            guard let columns = formulation.flexibleShift[l] else { continue }
            for h in 0..<committed {
                let up = primal.columnValues[columns.up[h]], down = primal.columnValues[columns.down[h]]
                totals.loadShifted += formulation.weight(\.generatorWeights, h) * up
                if let dual, let row = formulation.balanceRow(load.bus, h) { totals.loadShiftingValue += dual.rowDuals[row] * (down - up) }
            }
        }
        for s in formulation.network.evFleets.indices {
            for h in 0..<committed {
                let w = formulation.weight(\.generatorWeights, h)
                totals.fleetCharged += w * primal.columnValues[formulation.fleetCharge[s][h]]
                totals.fleetDischarged += w * primal.columnValues[formulation.fleetDischarge[s][h]]
            }
        }
    }

    /// Carries each EV fleet's stored energy and each flexible load's backlog, recent deferrals (as many hours
    /// as its maximum delay looks back) and last moved power past window hour `last`.
    func carryFlexibility(into state: inout DispatchState, from previous: DispatchState, through last: Int) {
        let network = formulation.network
        for (s, fleet) in network.evFleets.enumerated() {
            state.storedEnergyMWh[fleet.id.rawValue] = max(0, primal.columnValues[formulation.fleetEnergy[s][last]])
        }
        for (l, load) in network.loads.enumerated() {
            guard let columns = formulation.flexibleShift[l] else { continue }
            let id = load.id.rawValue
            var recent: [Double] = []
            if let delay = load.flexibility.delayLength, delay > 1 {
                let window = (0...last).map { formulation.weight(\.storeWeights, $0) * primal.columnValues[columns.down[$0]] }
                recent = Array(((previous.flexibleLoads[id]?.recentDeferralsMWh ?? []) + window).suffix(delay - 1))
            }
            state.flexibleLoads[id] = FlexibleLoadState(
                backlogMWh: primal.columnValues[columns.backlog[last]], recentDeferralsMWh: recent,
                lastShiftMW: primal.columnValues[columns.up[last]] - primal.columnValues[columns.down[last]])
        }
    }

    private func committedValues(_ columns: [Int]) -> [Double] {
        columns.prefix(committed).map { primal.columnValues[$0] }
    }
}
