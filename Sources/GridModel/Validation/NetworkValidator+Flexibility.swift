import EnergyCalendar

extension NetworkValidator {
    /// Flexible loads (shares in [0, 1], a period that divides a day, whole-hour delays within it, non-negative
    /// ramp limits and costs) and EV fleets (a known bus, capacities, availability and minimum state of charge
    /// in [0, 1], a minimum energy within the battery, efficiencies in (0, 1], an initial energy within the
    /// battery).
    func checkFlexibility(_ network: Network, buses: Set<Bus.ID>, _ collector: inout IssueCollector) {
        for load in network.loads where load.flexibility != LoadFlexibility() {
            checkFlexibility(load.flexibility, FieldPath(load.id), &collector)
        }
        for fleet in network.evFleets { checkFleet(fleet, buses: buses, &collector) }
    }

    private func checkFlexibility(_ flexibility: LoadFlexibility, _ path: FieldPath, _ collector: inout IssueCollector) {
        collector.number(flexibility.shareUp, path.appending("flex_share_up"), in: 0...1, what: "flexible share")
        collector.number(flexibility.shareDown, path.appending("flex_share_down"), in: 0...1, what: "flexible share")
        let period = flexibility.periodHours
        if !period.isFinite || period < 0 || period.rounded() != period || (period > 0 && 24 % Int(period) != 0) {
            collector.error(path.appending("flex_period_hours"), "period does not divide a day",
                            expected: "0 (none) or a divisor of 24: 1, 2, 3, 4, 6, 8, 12, 24", found: period.formatted)
        }
        if let delay = flexibility.maximumDelayHours {
            if !delay.isFinite || delay < 1 || delay.rounded() != delay || delay > Double(InputLimits.maximumSnapshots) {
                collector.error(path.appending("flex_max_delay_hours"), "maximum delay is not a whole number of hours",
                                expected: "a whole number >= 1", found: delay.formatted)
            }
        } else if period == 0, flexibility.isFlexible {
            collector.error(path.appending("flex_max_delay_hours"), "moved energy is never returned",
                            expected: "flex_max_delay_hours when flex_period_hours = 0", found: "none")
        }
        collector.optionalNumber(flexibility.rampLimit, path.appending("flex_ramp_limit_mw_per_h"), what: "ramp limit")
        collector.number(flexibility.costPerMWh, path.appending("flex_cost_per_mwh"), what: "cost")
    }

    private func checkFleet(_ fleet: EVFleet, buses: Set<Bus.ID>, _ collector: inout IssueCollector) {
        let path = FieldPath(fleet.id)
        collector.reference(fleet.bus, path.appending("bus"), known: buses, kind: "bus")
        collector.number(fleet.nominalPower, path.appending("p_nom"), what: "capacity")
        collector.number(fleet.nominalEnergy, path.appending("e_nom"), what: "capacity")
        collector.profile(fleet.availability, path.appending("availability"), in: 0...1, what: "share of chargers connected")
        collector.profile(fleet.driving, path.appending("driving"), in: IssueCollector.quantity, what: "driving consumption")
        if let count = fleet.minimumPerUnit.count, count != collector.snapshotCount {
            collector.profile(fleet.minimumPerUnit, path.appending("e_min_pu"), in: 0...1, what: "minimum state of charge")
        } else if let index = fleet.minimumPerUnit.values.firstIndex(where: { !($0 <= 1) }), fleet.minimumPerUnit.values[index].isFinite {
            let place = fleet.minimumPerUnit.count == nil ? "" : " at snapshot \(index)"
            collector.error(path.appending("e_min_pu"), "departure energy above the battery",
                            expected: "at most e_nom = \(fleet.nominalEnergy.formatted) MWh (e_min_pu <= 1)",
                            found: "\((fleet.minimumPerUnit.values[index] * fleet.nominalEnergy).formatted) MWh (e_min_pu = \(fleet.minimumPerUnit.values[index].formatted))" + place)
        } else {
            collector.profile(fleet.minimumPerUnit, path.appending("e_min_pu"), in: 0...1, what: "minimum state of charge")
        }
        for (key, value) in [("efficiency_charge", fleet.chargeEfficiency), ("efficiency_v2g", fleet.vehicleToGridEfficiency)] {
            collector.number(value, path.appending(key), in: 0...1, excludingLower: true, what: "efficiency")
        }
        collector.number(fleet.degradationCost, path.appending("v2g_cost_per_mwh"), what: "cost")
        collector.number(fleet.energyInitial, path.appending("e_initial"), what: "energy")
        if fleet.nominalEnergy.isFinite, fleet.energyInitial > fleet.nominalEnergy {
            collector.error(path.appending("e_initial"), "initial energy exceeds the battery",
                            expected: "at most e_nom = \(fleet.nominalEnergy.formatted) MWh", found: "\(fleet.energyInitial.formatted) MWh")
        }
    }
}
