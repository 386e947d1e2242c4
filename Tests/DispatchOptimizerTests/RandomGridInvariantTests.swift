import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Invariants that hold for any dispatch, checked on seeded random meshed grids with storage.
@Suite struct RandomGridInvariantTests {
    /// A random network of 3-8 buses on a ring with a chord, generators, PV, storage and loads.
    static func randomNetwork(seed: UInt64) -> Network {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func random() -> Double {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Double(state >> 11) / Double(1 << 53)
        }
        let buses = 3 + Int(random() * 6), hours = 24
        var network = HandCheckedDispatchTests.network(hours: hours, buses: (0..<buses).map { "b\($0)" })
        for b in 0..<buses {
            network.lines.append(Line(id: .init("l\(b)"), bus0: .init("b\(b)"), bus1: .init("b\((b + 1) % buses)"),
                                      reactance: 0.05 + random(), nominalApparentPower: 20 + 60 * random()))
            network.loads.append(Load(id: .init("load\(b)"), bus: .init("b\(b)"),
                                      demand: .hourly((0..<hours).map { _ in 10 + 30 * random() }),
                                      shedding: .allowed(valueOfLostLoad: 1000)))
            if b % 2 == 0 {
                network.generators.append(Generator(id: .init("gas\(b)"), bus: .init("b\(b)"), carrier: "gas",
                                                    nominalPower: 40 + 80 * random(), marginalCost: 20 + 60 * random()))
            }
        }
        network.lines.append(Line(id: "chord", bus0: "b0", bus1: .init("b\(buses / 2)"), reactance: 0.3, nominalApparentPower: 30))
        var pv = Generator(id: "pv", bus: .init("b\(buses - 1)"), carrier: "solar", nominalPower: 60)
        pv.maximumPerUnit = .hourly((0..<hours).map { max(0, sin(Double($0 - 6) / 12 * .pi)) })
        network.generators.append(pv)
        var battery = StorageUnit(id: "ess")
        battery.bus = "b1"
        battery.nominalPower = 20
        battery.maxHours = 3
        battery.efficiencyStore = 0.93
        battery.efficiencyDispatch = 0.93
        battery.standingLoss = 0.001
        battery.isCyclic = seed % 2 == 0
        battery.stateOfChargeInitial = 10
        network.storageUnits = [battery]
        return network
    }

    @Test(arguments: 1...12)
    func balancesBoundsAndCosts(seed: UInt64) throws {
        let network = Self.randomNetwork(seed: seed)
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(), solver: GLPKSolver())
        #expect(result.status == .optimal)
        ExampleGridDispatchTests.expectBalancesClose(result, network)
        let tolerance = 1e-6
        for unit in result.units {
            switch unit.component {
            case "storage_unit":
                #expect(unit.stateOfCharge?.allSatisfy { $0 >= -tolerance && $0 <= 60 + tolerance } == true)
                #expect(unit.charge?.allSatisfy { $0 >= -tolerance && $0 <= 20 + tolerance } == true)
            case "line":
                let limit = network.lines.first { $0.id.rawValue == unit.unit }?.nominalApparentPower ?? 0
                #expect(unit.power.allSatisfy { abs($0) <= limit + tolerance })
            case "load":
                #expect(unit.curtailed?.allSatisfy { $0 >= -tolerance } == true)
            default: break
            }
        }
        // The objective is the sum of the cost items, and every price is between the cheapest
        // marginal cost (0, PV) and the value of lost load.
        #expect(abs(result.kpis.objective - result.kpis.costs.total) <= 1e-9 * max(1, result.kpis.objective))
        for prices in result.prices { #expect(prices.price.allSatisfy { $0 >= -tolerance && $0 <= 1000 + tolerance }) }
    }

    /// The same network with rolling windows of 12 h (step 6) is feasible, covers every hour and
    /// costs at least as much as the single LP (less foresight).
    @Test(arguments: 1...4)
    func rollingWindowsCostAtLeastTheSingleLP(seed: UInt64) throws {
        var network = Self.randomNetwork(seed: seed)
        network.storageUnits[0].isCyclic = false
        let whole = try DispatchOptimizer.dispatch(network, options: DispatchOptions(), solver: GLPKSolver())
        let rolling = try DispatchOptimizer.dispatch(network, options: DispatchOptions(window: 12, step: 6), solver: GLPKSolver())
        #expect(rolling.timestamps == whole.timestamps)
        #expect(rolling.kpis.objective >= whole.kpis.objective - 1e-6 * whole.kpis.objective)
        ExampleGridDispatchTests.expectBalancesClose(rolling, network)
    }
}
