import EnergyCalendar

/// Checks a network and returns every problem at once: errors (unknown references, duplicate names, negative or
/// NaN capacities and costs, minimum above maximum, efficiencies outside (0, 1], series of the wrong length,
/// islands without supply, storage starting above capacity, inconsistent tariffs) and warnings (a generator that
/// can never run, an unused carrier, a bus with nothing attached).
public struct NetworkValidator: Sendable {
    /// Creates a validator.
    public init() {}

    /// Every problem of `network`; `ValidationReport.isValid` tells whether it can be used.
    public func validate(_ network: Network) -> ValidationReport {
        var collector = IssueCollector(snapshotCount: network.timeAxis.count)
        if network.timeAxis.count == 0 {
            collector.error("snapshots", "empty time axis", expected: "at least one snapshot", found: "0 snapshots")
        }
        checkDuplicates(network, &collector)
        let buses = Set(network.buses.map(\.id))
        let carriers = Set(network.carriers.map(\.id))
        for bus in network.buses {
            collector.number(bus.nominalVoltage, FieldPath(bus.id).appending("v_nom"), excludingLower: true, what: "nominal voltage")
        }
        for carrier in network.carriers {
            collector.number(carrier.co2Intensity, FieldPath(carrier.id).appending("co2_emissions"), what: "CO2 intensity")
        }
        checkBranches(network, buses: buses, &collector)
        checkGenerators(network, buses: buses, carriers: carriers, &collector)
        checkStorage(network, buses: buses, carriers: carriers, &collector)
        checkLoadsAndContracts(network, buses: buses, carriers: carriers, &collector)
        checkFlexibility(network, buses: buses, &collector)
        if let connection = network.gridConnection {
            checkGridConnection(connection, network: network, buses: buses, carriers: carriers, &collector)
        }
        checkTargets(network.targets, &collector)
        checkForecasting(network, &collector)
        checkUnusedCarriers(network, &collector)
        checkIslands(network, &collector)
        return collector.report
    }

    private func checkDuplicates(_ network: Network, _ collector: inout IssueCollector) {
        func check<Component: NetworkComponent>(_ type: Component.Type) {
            var seen = Set<Identifier<Component>>()
            for component in network[keyPath: type.collection] where !seen.insert(component.id).inserted {
                collector.error(FieldPath(component.id), "duplicate name", expected: "a unique name", found: component.id.rawValue)
            }
        }
        for kind in ComponentKind.allCases { check(kind.componentType) }
    }

    private func checkBranches(_ network: Network, buses: Set<Bus.ID>, _ collector: inout IssueCollector) {
        let voltages = Dictionary(network.buses.map { ($0.id, $0.nominalVoltage) }, uniquingKeysWith: { first, _ in first })
        func endpoints(_ path: FieldPath, _ bus0: Bus.ID, _ bus1: Bus.ID) {
            collector.reference(bus0, path.appending("bus0"), known: buses, kind: "bus")
            collector.reference(bus1, path.appending("bus1"), known: buses, kind: "bus")
            if bus0 == bus1, !bus0.rawValue.isEmpty {
                collector.error(path.appending("bus1"), "branch connects a bus to itself", expected: "a bus other than \(bus0)", found: bus1.rawValue)
            }
        }
        func passive<Branch: PassiveBranch>(_ branch: Branch) {
            let path = FieldPath(branch.id)
            endpoints(path, branch.bus0, branch.bus1)
            collector.number(branch.nominalApparentPower, path.appending("s_nom"), what: "capacity")
            collector.number(branch.maximumPerUnit, path.appending("s_max_pu"), excludingLower: true, what: "per-unit limit")
            if branch.reactance == 0 || !branch.reactance.isFinite {
                collector.error(path.appending("x"), "reactance must be a non-zero finite number", expected: "x != 0", found: branch.reactance.formatted)
            } else if abs(branch.reactance) > InputLimits.maximumMagnitude {
                collector.error(path.appending("x"), "reactance too large for the solver", expected: "|x| <= 1e12", found: branch.reactance.formatted)
            } else if let perUnit = perUnitReactance(branch, voltages: voltages), perUnit < InputLimits.minimumReactancePerUnit {
                collector.error(
                    path.appending("x"), "reactance too small for the solver",
                    expected: "at least 1e-9 per unit (the susceptance 1/x would swamp every other coefficient)",
                    found: "\(branch.reactance.formatted) (\(perUnit.formatted) per unit)")
            }
        }
        network.lines.forEach(passive)
        for transformer in network.transformers {
            passive(transformer)
            let path = FieldPath(transformer.id)
            collector.number(transformer.tapRatio, path.appending("tap_ratio"), excludingLower: true, what: "tap ratio")
            collector.number(transformer.phaseShift, path.appending("phase_shift"), in: -180...180, what: "phase shift")
        }
        for link in network.links {
            let path = FieldPath(link.id)
            endpoints(path, link.bus0, link.bus1)
            collector.number(link.nominalPower, path.appending("p_nom"), what: "capacity")
            collector.profile(link.efficiency, path.appending("efficiency"), in: 0...1, excludingLower: true, what: "efficiency")
            collector.limits(link.minimumPerUnit, link.maximumPerUnit, path, keys: ("p_min_pu", "p_max_pu"), in: -1...1)
            collector.profile(link.marginalCost, path.appending("marginal_cost"), in: IssueCollector.quantity, what: "cost")
        }
    }

    /// The reactance of a passive branch in per unit of 1 MVA (PyPSA's convention): lines `x / v_nom²` with the
    /// nominal voltage of `bus0` in kV, transformers `x / s_nom`; `nil` when the voltage or rating is unusable
    /// (reported elsewhere).
    private func perUnitReactance<Branch: PassiveBranch>(_ branch: Branch, voltages: [Bus.ID: Double]) -> Double? {
        if Branch.self == Transformer.self {
            let rating = branch.nominalApparentPower
            return rating.isFinite && rating > 0 ? abs(branch.reactance) / rating : nil
        }
        guard let voltage = voltages[branch.bus0], voltage.isFinite, voltage > 0
        else { return nil }
        return abs(branch.reactance) / (voltage * voltage)
    }

    private func checkGenerators(
        _ network: Network, buses: Set<Bus.ID>, carriers: Set<Carrier.ID>, _ collector: inout IssueCollector
    ) {
        for generator in network.generators {
            let path = FieldPath(generator.id)
            collector.attachment(generator.bus, generator.carrier, path, buses: buses, carriers: carriers)
            collector.number(generator.nominalPower, path.appending("p_nom"), what: "capacity")
            collector.limits(generator.minimumPerUnit, generator.maximumPerUnit, path, keys: ("p_min_pu", "p_max_pu"), in: 0...1)
            collector.profile(generator.marginalCost, path.appending("marginal_cost"), in: IssueCollector.quantity, what: "cost")
            collector.optionalNumber(generator.rampUpLimit, path.appending("ramp_limit_up"), what: "ramp limit")
            collector.optionalNumber(generator.rampDownLimit, path.appending("ramp_limit_down"), what: "ramp limit")
            for (key, value) in [("min_up_time", generator.minimumUpTime), ("min_down_time", generator.minimumDownTime)] {
                collector.number(value, path.appending(key), in: 0...Double(InputLimits.maximumSnapshots), what: "duration in hours")
            }
            for (key, value) in [("start_up_cost", generator.startUpCost), ("shut_down_cost", generator.shutDownCost)] {
                collector.number(value, path.appending(key), what: "cost")
            }
            if generator.nominalPower == 0 || (generator.maximumPerUnit.maximum == 0) {
                collector.warning(
                    path, "generator can never run", expected: "p_nom > 0 and p_max_pu > 0 in some snapshot",
                    found: "p_nom = \(generator.nominalPower.formatted), largest p_max_pu = \(generator.maximumPerUnit.maximum.formatted)")
            }
        }
    }

    private func checkStorage(
        _ network: Network, buses: Set<Bus.ID>, carriers: Set<Carrier.ID>, _ collector: inout IssueCollector
    ) {
        for unit in network.storageUnits {
            let path = FieldPath(unit.id)
            collector.attachment(unit.bus, unit.carrier, path, buses: buses, carriers: carriers)
            collector.number(unit.nominalPower, path.appending("p_nom"), what: "capacity")
            collector.number(unit.maxHours, path.appending("max_hours"), what: "capacity")
            collector.number(unit.efficiencyStore, path.appending("efficiency_store"), in: 0...1, excludingLower: true, what: "efficiency")
            collector.number(unit.efficiencyDispatch, path.appending("efficiency_dispatch"), in: 0...1, excludingLower: true, what: "efficiency")
            collector.number(unit.standingLoss, path.appending("standing_loss"), in: 0...0.999_999, what: "standing loss")
            collector.limits(unit.minimumPerUnit, unit.maximumPerUnit, path, keys: ("p_min_pu", "p_max_pu"), in: -1...1)
            collector.profile(unit.marginalCost, path.appending("marginal_cost"), in: IssueCollector.quantity, what: "cost")
            collector.profile(unit.inflow, path.appending("inflow"), in: IssueCollector.quantity, what: "inflow")
            collector.number(unit.stateOfChargeInitial, path.appending("state_of_charge_initial"), what: "state of charge")
            if unit.energyCapacity.isFinite, unit.stateOfChargeInitial > unit.energyCapacity {
                collector.error(
                    path.appending("state_of_charge_initial"), "initial state of charge exceeds the energy capacity",
                    expected: "at most max_hours × p_nom = \(unit.energyCapacity.formatted) MWh", found: "\(unit.stateOfChargeInitial.formatted) MWh")
            }
        }
        for store in network.stores {
            let path = FieldPath(store.id)
            collector.attachment(store.bus, store.carrier, path, buses: buses, carriers: carriers)
            collector.number(store.nominalEnergy, path.appending("e_nom"), what: "capacity")
            collector.limits(store.minimumPerUnit, store.maximumPerUnit, path, keys: ("e_min_pu", "e_max_pu"), in: 0...1)
            collector.number(store.standingLoss, path.appending("standing_loss"), in: 0...0.999_999, what: "standing loss")
            collector.profile(store.marginalCost, path.appending("marginal_cost"), in: IssueCollector.quantity, what: "cost")
            collector.number(store.energyInitial, path.appending("e_initial"), what: "energy")
            if store.nominalEnergy.isFinite, store.energyInitial > store.nominalEnergy {
                collector.error(
                    path.appending("e_initial"), "initial energy exceeds the energy capacity",
                    expected: "at most e_nom = \(store.nominalEnergy.formatted) MWh", found: "\(store.energyInitial.formatted) MWh")
            }
        }
    }

    private func checkLoadsAndContracts(
        _ network: Network, buses: Set<Bus.ID>, carriers: Set<Carrier.ID>, _ collector: inout IssueCollector
    ) {
        for load in network.loads {
            let path = FieldPath(load.id)
            collector.reference(load.bus, path.appending("bus"), known: buses, kind: "bus")
            switch load.demand {
            case .fixed(let profile): collector.profile(profile, path.appending("p_set"), what: "demand")
            case .forecastFromHistory(let history):
                if history.file.isEmpty || history.column.isEmpty {
                    collector.error(path.appending("forecast_from"), "incomplete history reference", expected: "\"file.csv:column\"", found: "\"\(history.file):\(history.column)\"")
                }
            }
            if case .allowed(let value) = load.shedding {
                collector.number(value, path.appending("value_of_lost_load"), what: "value of lost load")
            }
        }
        for agreement in network.powerPurchaseAgreements {
            let path = FieldPath(agreement.id)
            collector.reference(agreement.carrier, path.appending("carrier"), known: carriers, kind: "carrier")
            if let bus = agreement.bus { collector.reference(bus, path.appending("bus"), known: buses, kind: "bus") }
            collector.number(agreement.capacity, path.appending("capacity_mw"), what: "capacity")
            collector.profile(agreement.profile, path.appending("profile"), in: 0...1, what: "per-unit output")
            collector.profile(agreement.price, path.appending("price"), in: IssueCollector.quantity, what: "price")
            collector.optionalNumber(agreement.maximumVolume, path.appending("max_volume_mwh"), what: "volume")
            collector.optionalNumber(agreement.minimumVolume, path.appending("min_volume_mwh"), what: "volume")
            if let minimum = agreement.minimumVolume, let maximum = agreement.maximumVolume, minimum > maximum {
                collector.error(path.appending("min_volume_mwh"), "minimum above maximum", expected: "at most max_volume_mwh = \(maximum.formatted)", found: minimum.formatted)
            }
        }
        let contracts = network.contracts
        collector.optionalNumber(contracts.recPrice, "contracts.rec_price", what: "price")
        collector.optionalNumber(contracts.recLimit, "contracts.rec_limit_mwh", what: "volume")
        collector.optionalNumber(contracts.greenPremiumPrice, "contracts.green_premium_price", what: "price")
        collector.optionalNumber(contracts.greenPremiumLimit, "contracts.green_premium_limit_mwh", what: "volume")
    }

    private func checkGridConnection(
        _ connection: GridConnection, network: Network, buses: Set<Bus.ID>, carriers: Set<Carrier.ID>,
        _ collector: inout IssueCollector
    ) {
        collector.reference(connection.bus, "grid_connection.bus", known: buses, kind: "bus")
        collector.reference(connection.carrier, "grid_connection.carrier", known: carriers, kind: "carrier")
        collector.number(connection.importLimit, "grid_connection.import_limit_mw", what: "capacity")
        collector.number(connection.exportLimit, "grid_connection.export_limit_mw", what: "capacity")
        collector.optionalNumber(connection.contractDemand, "grid_connection.contract_demand_mw", what: "capacity")
        collector.optionalNumber(connection.ratchetDemand, "grid_connection.ratchet_demand_mw", what: "demand")
        collector.profile(connection.importPrice, "grid_connection.import_price", what: "price")
        collector.profile(connection.exportPrice, "grid_connection.export_price", what: "price")
        collector.profile(connection.emissionFactor, "grid_connection.emission_factor", in: IssueCollector.quantity, what: "emission factor")
        if let tariff = connection.tariff {
            TariffChecker(tariff: tariff, path: "grid_connection.tariff").check(currency: network.currency, &collector)
        } else if !connection.tariffFile.isEmpty {
            collector.error("grid_connection.tariff", "tariff not loaded", expected: "a tariff read from \(connection.tariffFile)", found: "none")
        }
    }

    private func checkTargets(_ targets: RE100Targets, _ collector: inout IssueCollector) {
        collector.optionalNumber(targets.annualRenewableShare, "targets.annual_re_share", in: 0...1, what: "share")
        collector.optionalNumber(targets.hourlyCarbonFreeScore, "targets.hourly_cfe_score", in: 0...1, what: "share")
        collector.optionalNumber(targets.co2Cap, "targets.co2_cap_t", what: "CO2 cap")
        collector.optionalNumber(targets.shortfallPrice, "targets.shortfall_price_per_mwh", what: "price")
        collector.optionalNumber(targets.co2ExcessPrice, "targets.co2_excess_price_per_t", what: "price")
    }

    /// The `[forecasting]` table and the history references of forecast generators (loads are checked with
    /// their demand): a positive age limit, a site in range, and a site at all when a generator forecasts PV.
    private func checkForecasting(_ network: Network, _ collector: inout IssueCollector) {
        let settings = network.forecasting
        collector.number(settings.maximumInputAgeHours, "forecasting.max_input_age_hours", excludingLower: true, what: "age limit")
        collector.optionalNumber(settings.latitude, "forecasting.latitude_deg", in: -90...90, what: "latitude")
        collector.optionalNumber(settings.longitude, "forecasting.longitude_deg", in: -180...180, what: "longitude")
        for generator in network.generators {
            guard let history = generator.availabilityHistory else { continue }
            let path = FieldPath(generator.id).appending("p_max_pu_forecast_from")
            if !history.isComplete {
                collector.error(path, "incomplete history reference", expected: "\"file.csv:column\"", found: "\"\(history.reference)\"")
            }
            if settings.latitude == nil || settings.longitude == nil {
                collector.error(
                    path, "PV forecast without a site location", expected: "forecasting.latitude_deg and forecasting.longitude_deg",
                    found: "latitude \(settings.latitude.map(\.formatted) ?? "none"), longitude \(settings.longitude.map(\.formatted) ?? "none")")
            }
        }
    }

    private func checkUnusedCarriers(_ network: Network, _ collector: inout IssueCollector) {
        var used = Set(network.generators.map(\.carrier))
        used.formUnion(network.storageUnits.map(\.carrier))
        used.formUnion(network.stores.map(\.carrier))
        used.formUnion(network.powerPurchaseAgreements.map(\.carrier))
        used.formUnion(network.buses.map(\.carrier))
        if let connection = network.gridConnection { used.insert(connection.carrier) }
        for carrier in network.carriers where !used.contains(carrier.id) {
            collector.warning(FieldPath(carrier.id), "carrier is not used", expected: "a component with this carrier", found: "none")
        }
    }
}
