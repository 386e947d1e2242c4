import Foundation
import GridModel
import Testing

@testable import GridIO

/// Imports the folders written by scripts/pypsa_reference.py and compares every imported attribute with
/// PyPSA's own view of it (`reference.json` -> `inputs`), then checks refusals and located errors.
@Suite("PyPSAReader: import of PyPSA 1.4 CSV folders")
struct PyPSAReaderTests {
    static let networks = [
        "single_bus", "radial", "meshed_36", "storage_renewables", "transformers", "weighted_snapshots", "week_168h",
        "store_and_links",
    ]

    private func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/pypsa/\(name)", withExtension: nil))
    }

    private func reference(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reference.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The imported value of a PyPSA attribute, as PyPSA would write it (profiles as sums when hourly).
    private func value(_ network: Network, list: String, name: String, attribute: String) -> Any? {
        func profile(_ profile: Profile) -> Any {
            switch profile {
            case .constant(let value): value
            case .hourly(let values): ["series_sum": values.reduce(0, +)]
            }
        }
        switch list {
        case "buses":
            guard let bus = network.buses.first(where: { $0.id.rawValue == name }) else { return nil }
            return ["v_nom": bus.nominalVoltage, "carrier": bus.carrier.rawValue][attribute]
        case "carriers":
            return network.carriers.first { $0.id.rawValue == name }.map { $0.co2Intensity }
        case "generators":
            guard let g = network.generators.first(where: { $0.id.rawValue == name }) else { return nil }
            let values: [String: Any?] = [
                "bus": g.bus.rawValue, "carrier": g.carrier.rawValue, "p_nom": g.nominalPower,
                "p_min_pu": profile(g.minimumPerUnit), "p_max_pu": profile(g.maximumPerUnit),
                "marginal_cost": profile(g.marginalCost), "ramp_limit_up": g.rampUpLimit,
                "ramp_limit_down": g.rampDownLimit, "committable": g.isCommittable,
            ]
            return values[attribute] ?? nil
        case "loads":
            guard let load = network.loads.first(where: { $0.id.rawValue == name }) else { return nil }
            return ["bus": load.bus.rawValue, "p_set": load.fixedDemand.map(profile) as Any][attribute]
        case "lines":
            guard let line = network.lines.first(where: { $0.id.rawValue == name }) else { return nil }
            return [
                "bus0": line.bus0.rawValue, "bus1": line.bus1.rawValue, "x": line.reactance, "r": line.resistance,
                "s_nom": line.nominalApparentPower, "s_max_pu": line.maximumPerUnit,
            ][attribute]
        case "transformers":
            guard let t = network.transformers.first(where: { $0.id.rawValue == name }) else { return nil }
            return [
                "bus0": t.bus0.rawValue, "bus1": t.bus1.rawValue, "x": t.reactance, "r": t.resistance,
                "s_nom": t.nominalApparentPower, "s_max_pu": t.maximumPerUnit, "tap_ratio": t.tapRatio,
                "phase_shift": t.phaseShift,
            ][attribute]
        case "links":
            guard let link = network.links.first(where: { $0.id.rawValue == name }) else { return nil }
            return [
                "bus0": link.bus0.rawValue, "bus1": link.bus1.rawValue, "p_nom": link.nominalPower,
                "efficiency": profile(link.efficiency), "p_min_pu": profile(link.minimumPerUnit),
                "p_max_pu": profile(link.maximumPerUnit), "marginal_cost": profile(link.marginalCost),
            ][attribute]
        case "storage_units":
            guard let s = network.storageUnits.first(where: { $0.id.rawValue == name }) else { return nil }
            return [
                "bus": s.bus.rawValue, "carrier": s.carrier.rawValue, "p_nom": s.nominalPower, "max_hours": s.maxHours,
                "efficiency_store": s.efficiencyStore, "efficiency_dispatch": s.efficiencyDispatch,
                "standing_loss": s.standingLoss, "state_of_charge_initial": s.stateOfChargeInitial,
                "cyclic_state_of_charge": s.isCyclic, "p_min_pu": profile(s.minimumPerUnit),
                "p_max_pu": profile(s.maximumPerUnit), "marginal_cost": profile(s.marginalCost),
                "inflow": profile(s.inflow),
            ][attribute]
        case "stores":
            guard let s = network.stores.first(where: { $0.id.rawValue == name }) else { return nil }
            return [
                "bus": s.bus.rawValue, "carrier": s.carrier.rawValue, "e_nom": s.nominalEnergy,
                "e_min_pu": profile(s.minimumPerUnit), "e_max_pu": profile(s.maximumPerUnit),
                "e_initial": s.energyInitial, "e_cyclic": s.isCyclic, "standing_loss": s.standingLoss,
                "marginal_cost": profile(s.marginalCost),
            ][attribute]
        default:
            return nil
        }
    }

    /// Whether an imported value equals PyPSA's (numbers to 1e-9 relative; PyPSA's empty carrier is the bus's).
    private func same(_ imported: Any?, _ expected: Any?, busCarrier: String) -> Bool {
        switch (imported, expected) {
        case (nil, nil), (nil, is NSNull): return true
        case (let value as Double, let reference as Double): return abs(value - reference) <= 1e-9 * max(1, abs(reference))
        case (let value as Bool, let reference as Bool): return value == reference
        case (let value as String, let reference as String): return value == reference || (reference.isEmpty && value == busCarrier)
        case (let value as [String: Double], let reference as [String: Any]):
            return same(value["series_sum"], reference["series_sum"], busCarrier: busCarrier)
        default: return false
        }
    }

    @Test("every component and imported attribute equals PyPSA's own view", arguments: networks)
    func importEquivalence(name: String) throws {
        let folder = try fixture(name)
        let imported = try PyPSAReader.read(directory: folder)
        let network = imported.network
        let reference = try reference(folder)
        let inputs = try #require(reference["inputs"] as? [String: [String: [String: Any]]])
        #expect(network.timeAxis.count == reference["snapshot_count"] as? Int)
        let busCarriers = Dictionary(uniqueKeysWithValues: network.buses.map { ($0.id.rawValue, $0.carrier.rawValue) })
        for (list, components) in inputs {
            let kind = try #require(ComponentKind(rawValue: list), "\(list)")
            #expect(network.count(of: kind) >= components.count, "\(name) \(list) count")
            if list != "carriers" { #expect(network.count(of: kind) == components.count, "\(name) \(list) count") }
            for (component, attributes) in components {
                let bus = (attributes["bus"] as? String) ?? ""
                for (attribute, expected) in attributes where list != "carriers" || attribute == "co2_emissions" {
                    let actual = value(network, list: list, name: component, attribute: attribute)
                    #expect(
                        same(actual, expected, busCarrier: busCarriers[bus] ?? "AC"),
                        "\(name) \(list).\(component).\(attribute): imported \(String(describing: actual)), PyPSA \(expected)")
                }
            }
        }
        #expect(imported.warnings.allSatisfy { $0.severity == .warning })
        let report = NetworkValidator().validate(network)
        #expect(report.isValid, "\(name): \(report.errors)")
    }

    @Test("snapshot weightings and times come from snapshots.csv")
    func snapshotWeightings() throws {
        let axis = try PyPSAReader.read(directory: try fixture("weighted_snapshots")).network.timeAxis
        #expect(axis.count == 56)
        #expect(axis.objectiveWeights == [Double](repeating: 3, count: 56))
        #expect(axis.storeWeights == axis.objectiveWeights && axis.generatorWeights == axis.objectiveWeights)
        #expect(axis.snapshots[1].timeIntervalSince(axis.snapshots[0]) == 3 * 3600)
        #expect(axis.snapshots[0] == Date(timeIntervalSince1970: 1_767_571_200))  // 2026-01-05 00:00 UTC
    }

    @Test("a folder is recognised by buses.csv and snapshots.csv")
    func recognition() throws {
        #expect(PyPSAReader.isPyPSAFolder(try fixture("single_bus")))
        #expect(!PyPSAReader.isPyPSAFolder(FileManager.default.temporaryDirectory))
    }

    // MARK: - Refusals and errors

    /// A copy of the single_bus fixture with some files replaced, in a fresh temporary folder.
    private func modifiedFolder(_ replacements: [String: String], base: String = "single_bus") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("re100-pypsa-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try fixture(base), to: folder)
        for (file, content) in replacements {
            try Data(content.utf8).write(to: folder.appendingPathComponent(file))
        }
        return folder
    }

    private func diagnostics(_ replacements: [String: String], base: String = "single_bus") throws -> GridDiagnostics {
        let folder = try modifiedFolder(replacements, base: base)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try PyPSAReader.read(directory: folder)
            return GridDiagnostics()
        } catch {
            return error
        }
    }

    @Test("unmodelled attributes are refused with file, line and field")
    func refusesUnmodelledAttributes() throws {
        let generators = """
            name,bus,p_nom,carrier,marginal_cost,p_nom_extendable,e_sum_max
            coal,main,60.0,coal,30.0,False,
            gas,main,50.0,gas,60.0,True,
            oil,main,40.0,oil,110.0,,500
            wind,main,70.0,wind,0.0,False,inf
            """
        let errors = try diagnostics(["generators.csv": generators]).errors
        #expect(errors.count == 2)
        #expect(errors.first { $0.field == "generators.gas.p_nom_extendable" }?.line == 3)
        let energy = try #require(errors.first { $0.field == "generators.oil.e_sum_max" })
        #expect(energy.line == 4 && energy.file.hasSuffix("generators.csv") && energy.found == "'500'")
    }

    @Test("global constraints and non-default series are refused")
    func refusesFiles() throws {
        let problems = try diagnostics([
            "global_constraints.csv": "name,type,carrier_attribute,sense,constant\nco2,primary_energy,co2_emissions,<=,100\n",
            "generators-p_set.csv": ",coal\n" + (0..<24).map { "\($0),\($0 == 5 ? "10" : "")" }.joined(separator: "\n") + "\n",
        ]).errors
        #expect(problems.contains { $0.file.hasSuffix("global_constraints.csv") && $0.message.contains("global constraints") })
        let setPoint = try #require(problems.first { $0.field == "generators.coal.p_set" })
        #expect(setPoint.line == 7)
    }

    @Test("series of fields re100 holds as one number, DC lines and optimised phase shifts are refused")
    func refusesBranchFeatures() throws {
        let ratings = ",hv0-hv1\n" + (0..<24).map { "\($0),0.9" }.joined(separator: "\n") + "\n"
        let buses = "name,v_nom,carrier\nhv0,380,AC\nhv1,380,DC\nhv2,380,AC\nlv0,110,AC\nlv1,110,AC\nlv2,110,AC\nlv3,110,AC\n"
        let transformers = """
            name,bus0,bus1,x,s_nom,tap_ratio,phase_shift_min,phase_shift_max
            t0,hv0,lv0,0.1,150,1.05,,
            t1,hv1,lv2,0.12,120,0.98,-10,10
            t2,hv2,lv3,0.08,100,1,0,0
            """
        let errors = try diagnostics(
            ["lines-s_max_pu.csv": ratings, "buses.csv": buses, "transformers.csv": transformers], base: "transformers"
        ).errors
        #expect(errors.contains { $0.field == "lines.hv0-hv1.s_max_pu" && $0.message.contains("time-varying") })
        #expect(errors.contains { $0.field == "lines.hv0-hv1.bus0" && $0.message.contains("non-AC") })
        #expect(errors.contains { $0.field == "transformers.t1.phase_shift_max" && $0.line == 3 })
    }

    @Test("series of the wrong length, unknown components and bad numbers are located")
    func seriesAndNumbers() throws {
        let short = ",wind\n0,0.5\n1,0.4\n"
        let problems = try diagnostics([
            "generators-p_max_pu.csv": short,
            "loads-p_set.csv": ",demand,ghost\n" + (0..<24).map { "\($0),1,2" }.joined(separator: "\n") + "\n",
            "buses.csv": "name,v_nom,carrier\nmain,twenty,AC\n",
        ]).errors
        #expect(problems.contains { $0.file.hasSuffix("generators-p_max_pu.csv") && $0.expected == "24 rows (one per snapshot)" })
        #expect(problems.contains { $0.field == "ghost" && $0.line == 1 })
        let voltage = try #require(problems.first { $0.field == "buses.main.v_nom" })
        #expect(voltage.line == 2 && voltage.found == "'twenty'")
    }

    @Test("a malformed CSV cell is reported with line and column")
    func malformedCSV() throws {
        let problems = try diagnostics(["loads-p_set.csv": ",demand\n0,1\n1,x\n"]).errors
        let error = try #require(problems.first)
        #expect(error.line == 3 && error.column == 3 && error.field == "demand")
    }

    @Test("unknown columns are warnings, inactive components are left out with a warning")
    func warnings() throws {
        let folder = try modifiedFolder([
            "loads.csv": "name,bus,my_note\ndemand,main,hello\n",
            "generators.csv": "name,bus,p_nom,carrier,marginal_cost,active\ncoal,main,60,coal,30,True\noil,main,40,oil,110,False\nwind,main,70,wind,0,\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try PyPSAReader.read(directory: folder)
        #expect(imported.network.generators.map(\.id.rawValue) == ["coal", "wind"])
        #expect(imported.warnings.contains { $0.field == "my_note" })
        #expect(imported.warnings.contains { $0.field == "generators.oil.active" && $0.line == 3 })
    }
}
