import GridModel

/// Turns the component files of a PyPSA folder into GridModel values, applying PyPSA 1.4's defaults.
struct PyPSANetworkBuilder {
    /// The network being built.
    var network: Network
    /// Carrier of every bus, for components without a carrier of their own.
    private var busCarrier: [String: String] = [:]

    /// Carrier names treated as renewable (and carbon-free) when a PyPSA folder is imported: PyPSA has no such
    /// flag, so the usual PyPSA-Eur technology names decide (documented in docs/pypsa-import.md).
    static let renewableCarriers: Set<String> = [
        "solar", "solar rooftop", "solar-hsat", "pv", "wind", "onwind", "offwind", "offwind-ac", "offwind-dc",
        "offwind-float", "hydro", "ror", "geothermal", "biomass", "solid biomass",
    ]

    init(network: Network) {
        self.network = network
    }

    private func active(_ file: PyPSAComponentFile) -> [Int] {
        file.names.indices.filter { !file.inactive.contains($0) }
    }

    /// Refuses a series file for an attribute that re100 holds as one number per component.
    private func refuseSeries(_ file: PyPSAComponentFile, _ attribute: String, _ diagnostics: inout GridDiagnostics) {
        guard let columns = file.series[attribute], let name = columns.keys.sorted().first else { return }
        diagnostics.append(
            GridIOError(
                file: file.seriesPaths[attribute] ?? file.path, line: 1, field: "\(file.list).\(name).\(attribute)",
                message: "time-varying \(attribute) not supported by re100", expected: "a static value in \(file.list).csv",
                found: "a series for \(columns.count) component\(columns.count == 1 ? "" : "s")"))
    }

    /// The carrier of `row`, else the carrier of its bus (PyPSA leaves it empty by default).
    private func carrier(_ file: PyPSAComponentFile, _ row: Int, bus: String) -> Carrier.ID {
        Carrier.ID(file.text("carrier", row) ?? busCarrier[bus] ?? "AC")
    }

    mutating func addBuses(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for row in active(file) {
            var bus = Bus(id: Bus.ID(file.names[row]))
            bus.nominalVoltage = file.number("v_nom", row, default: 1, &diagnostics)
            bus.carrier = Carrier.ID(file.text("carrier", row) ?? "AC")
            bus.x = file.number("x", row, default: 0, &diagnostics)
            bus.y = file.number("y", row, default: 0, &diagnostics)
            busCarrier[file.names[row]] = bus.carrier.rawValue
            network.buses.append(bus)
        }
    }

    mutating func addCarriers(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for row in active(file) {
            let co2 = file.number("co2_emissions", row, default: 0, &diagnostics)
            let renewable = co2 == 0 && Self.renewableCarriers.contains(file.names[row].lowercased())
            network.carriers.append(Carrier(id: Carrier.ID(file.names[row]), co2Intensity: co2, isRenewable: renewable))
        }
    }

    mutating func addGenerators(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for attribute in ["ramp_limit_up", "ramp_limit_down", "start_up_cost", "shut_down_cost"] {
            refuseSeries(file, attribute, &diagnostics)
        }
        for row in active(file) {
            let bus = file.text("bus", row) ?? ""
            var generator = Generator(id: Generator.ID(file.names[row]))
            generator.bus = Bus.ID(bus)
            generator.carrier = carrier(file, row, bus: bus)
            generator.nominalPower = file.number("p_nom", row, default: 0, &diagnostics)
            generator.minimumPerUnit = file.profile("p_min_pu", row, default: 0, &diagnostics)
            generator.maximumPerUnit = file.profile("p_max_pu", row, default: 1, &diagnostics)
            generator.marginalCost = file.profile("marginal_cost", row, default: 0, &diagnostics)
            generator.rampUpLimit = file.optionalNumber("ramp_limit_up", row, &diagnostics)
            generator.rampDownLimit = file.optionalNumber("ramp_limit_down", row, &diagnostics)
            generator.isCommittable = file.flag("committable", row, default: false, &diagnostics)
            generator.minimumUpTime = file.number("min_up_time", row, default: 0, &diagnostics)
            generator.minimumDownTime = file.number("min_down_time", row, default: 0, &diagnostics)
            generator.startUpCost = file.number("start_up_cost", row, default: 0, &diagnostics)
            generator.shutDownCost = file.number("shut_down_cost", row, default: 0, &diagnostics)
            network.generators.append(generator)
        }
    }

    mutating func addLoads(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for row in active(file) {
            let demand = file.profile("p_set", row, default: 0, &diagnostics)
            network.loads.append(Load(id: Load.ID(file.names[row]), bus: Bus.ID(file.text("bus", row) ?? ""), demand: demand))
        }
    }

    /// Lines between AC buses; PyPSA computes DC lines' flows from `r`, which re100 does not model.
    mutating func addLines(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        refuseSeries(file, "s_max_pu", &diagnostics)
        for row in active(file) {
            var line = Line(id: Line.ID(file.names[row]))
            line.bus0 = Bus.ID(file.text("bus0", row) ?? "")
            line.bus1 = Bus.ID(file.text("bus1", row) ?? "")
            line.reactance = file.number("x", row, default: 0, &diagnostics)
            line.resistance = file.number("r", row, default: 0, &diagnostics)
            line.nominalApparentPower = file.number("s_nom", row, default: 0, &diagnostics)
            line.maximumPerUnit = file.number("s_max_pu", row, default: 1, &diagnostics)
            for bus in [line.bus0, line.bus1] where (busCarrier[bus.rawValue] ?? "AC") != "AC" {
                diagnostics.append(
                    GridIOError(
                        file: file.path, line: file.table?.line(ofRow: row) ?? 0, field: "lines.\(file.names[row]).bus0",
                        message: "line at a non-AC bus not supported by re100 (PyPSA uses r for DC lines)",
                        expected: "buses with carrier AC", found: "bus '\(bus)' with carrier '\(busCarrier[bus.rawValue] ?? "")'"))
            }
            network.lines.append(line)
        }
    }

    mutating func addTransformers(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        refuseSeries(file, "s_max_pu", &diagnostics)
        refuseSeries(file, "phase_shift", &diagnostics)
        for row in active(file) {
            var transformer = Transformer(id: Transformer.ID(file.names[row]))
            transformer.bus0 = Bus.ID(file.text("bus0", row) ?? "")
            transformer.bus1 = Bus.ID(file.text("bus1", row) ?? "")
            transformer.reactance = file.number("x", row, default: 0, &diagnostics)
            transformer.resistance = file.number("r", row, default: 0, &diagnostics)
            transformer.nominalApparentPower = file.number("s_nom", row, default: 0, &diagnostics)
            transformer.maximumPerUnit = file.number("s_max_pu", row, default: 1, &diagnostics)
            transformer.tapRatio = file.number("tap_ratio", row, default: 1, &diagnostics)
            transformer.phaseShift = file.number("phase_shift", row, default: 0, &diagnostics)
            let low = file.number("phase_shift_min", row, default: 0, &diagnostics)
            let high = file.number("phase_shift_max", row, default: 0, &diagnostics)
            if low < high {
                diagnostics.append(
                    GridIOError(
                        file: file.path, line: file.table?.line(ofRow: row) ?? 0,
                        field: "transformers.\(file.names[row]).phase_shift_max",
                        message: "optimised phase shift not supported by re100",
                        expected: "phase_shift_min >= phase_shift_max (fixed phase shift)", found: "\(low) < \(high)"))
            }
            network.transformers.append(transformer)
        }
    }

    mutating func addLinks(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for row in active(file) {
            var link = Link(id: Link.ID(file.names[row]))
            link.bus0 = Bus.ID(file.text("bus0", row) ?? "")
            link.bus1 = Bus.ID(file.text("bus1", row) ?? "")
            link.nominalPower = file.number("p_nom", row, default: 0, &diagnostics)
            link.efficiency = file.profile("efficiency", row, default: 1, &diagnostics)
            link.minimumPerUnit = file.profile("p_min_pu", row, default: 0, &diagnostics)
            link.maximumPerUnit = file.profile("p_max_pu", row, default: 1, &diagnostics)
            link.marginalCost = file.profile("marginal_cost", row, default: 0, &diagnostics)
            network.links.append(link)
        }
    }

    mutating func addStorageUnits(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for attribute in ["efficiency_store", "efficiency_dispatch", "standing_loss"] {
            refuseSeries(file, attribute, &diagnostics)
        }
        for row in active(file) {
            let bus = file.text("bus", row) ?? ""
            var unit = StorageUnit(id: StorageUnit.ID(file.names[row]))
            unit.bus = Bus.ID(bus)
            unit.carrier = carrier(file, row, bus: bus)
            unit.nominalPower = file.number("p_nom", row, default: 0, &diagnostics)
            unit.maxHours = file.number("max_hours", row, default: 1, &diagnostics)
            unit.efficiencyStore = file.number("efficiency_store", row, default: 1, &diagnostics)
            unit.efficiencyDispatch = file.number("efficiency_dispatch", row, default: 1, &diagnostics)
            unit.standingLoss = file.number("standing_loss", row, default: 0, &diagnostics)
            unit.stateOfChargeInitial = file.number("state_of_charge_initial", row, default: 0, &diagnostics)
            unit.isCyclic = file.flag("cyclic_state_of_charge", row, default: false, &diagnostics)
            unit.minimumPerUnit = file.profile("p_min_pu", row, default: -1, &diagnostics)
            unit.maximumPerUnit = file.profile("p_max_pu", row, default: 1, &diagnostics)
            unit.marginalCost = file.profile("marginal_cost", row, default: 0, &diagnostics)
            unit.inflow = file.profile("inflow", row, default: 0, &diagnostics)
            network.storageUnits.append(unit)
        }
    }

    mutating func addStores(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        refuseSeries(file, "standing_loss", &diagnostics)
        for row in active(file) {
            let bus = file.text("bus", row) ?? ""
            var store = Store(id: Store.ID(file.names[row]))
            store.bus = Bus.ID(bus)
            store.carrier = carrier(file, row, bus: bus)
            store.nominalEnergy = file.number("e_nom", row, default: 0, &diagnostics)
            store.minimumPerUnit = file.profile("e_min_pu", row, default: 0, &diagnostics)
            store.maximumPerUnit = file.profile("e_max_pu", row, default: 1, &diagnostics)
            store.energyInitial = file.number("e_initial", row, default: 0, &diagnostics)
            store.isCyclic = file.flag("e_cyclic", row, default: false, &diagnostics)
            store.standingLoss = file.number("standing_loss", row, default: 0, &diagnostics)
            store.marginalCost = file.profile("marginal_cost", row, default: 0, &diagnostics)
            network.stores.append(store)
        }
    }

    /// Adds a default carrier for every carrier referenced but not listed in carriers.csv (PyPSA allows that).
    mutating func addMissingCarriers(_ diagnostics: inout GridDiagnostics) {
        var known = Set(network.carriers.map(\.id))
        let referenced =
            network.buses.map(\.carrier) + network.generators.map(\.carrier) + network.storageUnits.map(\.carrier)
            + network.stores.map(\.carrier)
        for id in referenced where !known.contains(id) {
            known.insert(id)
            let renewable = Self.renewableCarriers.contains(id.rawValue.lowercased())
            network.carriers.append(Carrier(id: id, co2Intensity: 0, isRenewable: renewable))
            diagnostics.append(
                GridIOError(
                    .warning, file: "carriers.csv", field: "carriers.\(id.rawValue)", message: "carrier added",
                    expected: "every carrier in carriers.csv", found: "'\(id.rawValue)' used but not listed (CO2 0)"))
        }
    }
}
