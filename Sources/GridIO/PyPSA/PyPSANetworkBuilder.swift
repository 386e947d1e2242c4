import GridModel

/// Turns the component files of a PyPSA folder into GridModel values through GridModel's field tables.
///
/// The field tables (`Generator.fields`, ...) use PyPSA's attribute names and their components' defaults are
/// PyPSA's, so every field whose key `PyPSAAttributes` marks as modelled is read from its column (or its series
/// file) and a missing column or empty cell leaves PyPSA's default in place.
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

    /// Adds the active components of `file` as `Component` values.
    mutating func add<Component: NetworkComponent>(
        _ type: Component.Type, from file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics
    ) {
        let attributes = PyPSAAttributes.table(for: file.list) ?? [:]
        let fields = Component.fields.filter { attributes[$0.key] == .modelled }
        for field in fields where field.kind != .profile {
            refuseSeries(file, field.key, &diagnostics)
        }
        for row in file.names.indices where !file.inactive.contains(row) {
            var component = Component(id: Identifier(file.names[row]))
            for field in fields {
                if let value = file.value(field.key, kind: field.kind, row, &diagnostics) {
                    _ = field.write(&component, value)
                }
            }
            inheritBusCarrier(&component)
            if case .text(let carrier)? = Component.field("carrier")?.read(component), Component.self == Bus.self {
                busCarrier[file.names[row]] = carrier
            }
            network[keyPath: Component.collection].append(component)
        }
    }

    /// Gives a component without a carrier its bus's carrier (PyPSA leaves `carrier` empty by default).
    private func inheritBusCarrier<Component: NetworkComponent>(_ component: inout Component) {
        guard let carrierField = Component.field("carrier"), case .text("")? = carrierField.read(component),
            case .text(let bus)? = Component.field("bus")?.read(component)
        else { return }
        _ = carrierField.write(&component, .text(busCarrier[bus] ?? "AC"))
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

    /// Marks emission-free carriers with a renewable technology name as renewable and carbon-free.
    mutating func classifyCarriers() {
        for index in network.carriers.indices {
            let carrier = network.carriers[index]
            let renewable = carrier.co2Intensity == 0 && Self.renewableCarriers.contains(carrier.id.rawValue.lowercased())
            network.carriers[index].isRenewable = renewable
            network.carriers[index].isCarbonFree = renewable
        }
    }

    /// Refuses lines at non-AC buses: PyPSA computes DC-line flows from `r`, which re100 does not model.
    func checkLineCarriers(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for line in network.lines {
            for bus in [line.bus0, line.bus1] where (busCarrier[bus.rawValue] ?? "AC") != "AC" {
                let row = file.names.firstIndex(of: line.id.rawValue) ?? 0
                diagnostics.append(
                    GridIOError(
                        file: file.path, line: file.table?.line(ofRow: row) ?? 0, field: "lines.\(line.id).bus0",
                        message: "line at a non-AC bus not supported by re100 (PyPSA uses r for DC lines)",
                        expected: "buses with carrier AC", found: "bus '\(bus)' with carrier '\(busCarrier[bus.rawValue] ?? "")'"))
            }
        }
    }

    /// Refuses transformers whose phase shift PyPSA optimises (`phase_shift_min < phase_shift_max`).
    func checkPhaseShiftRanges(_ file: PyPSAComponentFile, _ diagnostics: inout GridDiagnostics) {
        for row in file.names.indices where !file.inactive.contains(row) {
            let low = file.number("phase_shift_min", row, default: 0, &diagnostics)
            let high = file.number("phase_shift_max", row, default: 0, &diagnostics)
            guard low < high else { continue }
            diagnostics.append(
                GridIOError(
                    file: file.path, line: file.table?.line(ofRow: row) ?? 0,
                    field: "transformers.\(file.names[row]).phase_shift_max",
                    message: "optimised phase shift not supported by re100",
                    expected: "phase_shift_min >= phase_shift_max (fixed phase shift)", found: "\(low) < \(high)"))
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
            network.carriers.append(Carrier(id: id))
            diagnostics.append(
                GridIOError(
                    .warning, file: "carriers.csv", field: "carriers.\(id.rawValue)", message: "carrier added",
                    expected: "every carrier in carriers.csv", found: "'\(id.rawValue)' used but not listed (CO2 0)"))
        }
    }
}
