import Foundation
import GridIO
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// re100's own EV-fleet and flexible-load components against PyPSA's store-and-link form of the same system
/// (scripts/pypsa_reference.py, networks `ev_fleet` and `flexible_load`): the PyPSA folder is read, its stores,
/// links and auxiliary loads are replaced by one `EVFleet` or one flexible `Load` built from their own data, and
/// the objective must equal PyPSA's to 1e-6 relative.
@Suite(.enabled(if: PyPSAReference.directory != nil, "set RE100_PYPSA_REFERENCE (scripts/test does)"))
struct FlexibilityCrossCheckTests {
    static func reference(_ name: String) throws -> (network: Network, objective: Double) {
        let folder = try #require(PyPSAReference.directory).appendingPathComponent(name)
        let reference = try JSONDecoder().decode(PyPSACrossCheckTests.Reference.self,
                                                 from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        return (try PyPSAReader.read(directory: folder).network, reference.objective)
    }

    static func expectObjective(_ network: Network, equals objective: Double) throws {
        for method in [SolverMethod.dualSimplex, .interiorPointWithCrossover] {
            let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: SolverOptions(method: method)),
                                                        solver: GLPKSolver())
            #expect(result.status == .optimal)
            let error = abs(result.kpis.objective - objective) / max(1, abs(objective))
            #expect(error <= 1e-6, "\(method.rawValue): re100 \(result.kpis.objective), PyPSA \(objective)")
        }
    }

    /// PyPSA-Eur's BEV model (charger link, V2G link, battery store with `e_min_pu`, driving load) as one fleet.
    @Test func evFleetMatchesPyPSAsStoreAndLinks() throws {
        var (network, objective) = try Self.reference("ev_fleet")
        let charger = try #require(network.links.first { $0.id == "cars_charger" })
        let v2g = try #require(network.links.first { $0.id == "cars_v2g" })
        let battery = try #require(network.stores.first { $0.id == "cars" })
        let driving = try #require(network.loads.first { $0.id == "cars_driving" }?.fixedDemand)
        var fleet = EVFleet(id: "cars")
        fleet.bus = charger.bus0
        fleet.nominalPower = charger.nominalPower
        fleet.availability = charger.maximumPerUnit
        fleet.nominalEnergy = battery.nominalEnergy
        fleet.minimumPerUnit = battery.minimumPerUnit
        fleet.driving = driving
        fleet.chargeEfficiency = charger.efficiency.value(at: 0)
        fleet.vehicleToGrid = true
        fleet.vehicleToGridEfficiency = v2g.efficiency.value(at: 0)
        // PyPSA prices the V2G link's intake (battery energy); re100 the energy delivered.
        fleet.degradationCost = v2g.marginalCost.value(at: 0) / fleet.vehicleToGridEfficiency
        fleet.isCyclic = battery.isCyclic
        // PyPSA rates the V2G link at its intake (battery side); re100 the charge points at the bus both ways.
        #expect(v2g.maximumPerUnit == charger.maximumPerUnit)
        #expect(abs(v2g.nominalPower * fleet.vehicleToGridEfficiency - charger.nominalPower) <= 1e-9)
        network.links.removeAll { $0.id == "cars_charger" || $0.id == "cars_v2g" }
        network.stores.removeAll { $0.id == "cars" }
        network.loads.removeAll { $0.id == "cars_driving" }
        network.buses.removeAll { $0.id == battery.bus }
        network.evFleets = [fleet]
        #expect(NetworkValidator().validate(network).isValid)
        try Self.expectObjective(network, equals: objective)
    }

    /// The served-link-and-backlog-store form of a load moving +40 % / −30 % of its power within each day.
    @Test func flexibleLoadMatchesPyPSAsStoreAndLink() throws {
        var (network, objective) = try Self.reference("flexible_load")
        let served = try #require(network.links.first { $0.id == "compute_served" })
        let requested = try #require(network.loads.first { $0.id == "compute_requested" }?.fixedDemand)
        let backlog = try #require(network.stores.first { $0.id == "compute_backlog" })
        var load = Load(id: "compute", bus: served.bus0, demand: requested)
        let first = requested.value(at: 0)
        load.flexibility = LoadFlexibility(shareUp: served.maximumPerUnit.value(at: 0) * served.nominalPower / first - 1,
                                           shareDown: 1 - served.minimumPerUnit.value(at: 0) * served.nominalPower / first)
        #expect(abs(load.flexibility.shareUp - 0.4) <= 1e-9 && abs(load.flexibility.shareDown - 0.3) <= 1e-9)
        network.links.removeAll { $0.id == "compute_served" }
        network.stores.removeAll { $0.id == "compute_backlog" }
        network.loads.removeAll { $0.id == "compute_requested" }
        network.buses.removeAll { $0.id == backlog.bus }
        network.loads.append(load)
        #expect(NetworkValidator().validate(network).isValid)
        try Self.expectObjective(network, equals: objective)
    }
}
