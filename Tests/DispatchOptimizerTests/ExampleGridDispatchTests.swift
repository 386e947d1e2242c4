import Foundation
import GridIO
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// The bundled grids dispatch to optimal schedules whose energy balances close every hour.
@Suite struct ExampleGridDispatchTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func network(_ name: String) throws -> Network {
        try NativeGridReader.read(directory: repository.appendingPathComponent("grids/\(name)")).network
    }

    /// Σ injections at every bus equals its demand in every hour (grid import positive, loads
    /// reported as served demand, branches as flow from bus0 to bus1), to the solver's feasibility
    /// tolerance: 1e-6 relative to 1 MW plus the power flowing through the bus (docs/solver-configs.md).
    static func expectBalancesClose(_ result: DispatchResult, _ network: Network) {
        for hour in result.timestamps.indices {
            var net: [String: Double] = [:], gross: [String: Double] = [:]
            func add(_ bus: String, _ power: Double) {
                net[bus, default: 0] += power
                gross[bus, default: 0] += abs(power)
            }
            for unit in result.units {
                switch unit.component {
                case "load": add(unit.bus, -unit.power[hour])
                case "line", "transformer", "link":
                    add(unit.bus, -unit.power[hour])
                    let far: String
                    var delivered = unit.power[hour]
                    if unit.component == "line" {
                        far = network.lines.first { $0.id.rawValue == unit.unit }?.bus1.rawValue ?? ""
                    } else if unit.component == "transformer" {
                        far = network.transformers.first { $0.id.rawValue == unit.unit }?.bus1.rawValue ?? ""
                    } else {
                        let link = network.links.first { $0.id.rawValue == unit.unit }
                        far = link?.bus1.rawValue ?? ""
                        delivered *= link?.efficiency.value(at: hour) ?? 1
                    }
                    add(far, delivered)
                case "ppa" where unit.bus.isEmpty: break
                default: add(unit.bus, unit.power[hour])
                }
            }
            for (bus, imbalance) in net {
                #expect(abs(imbalance) < 1e-6 * (1 + (gross[bus] ?? 0)), "bus \(bus), hour \(hour): \(imbalance)")
            }
        }
    }

    @Test(arguments: ["single-bus", "meshed-6bus"])
    func smallGridsDispatchAndBalance(name: String) throws {
        let network = try Self.network(name)
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(hourCount: min(48, network.timeAxis.count)),
                                                    solver: GLPKSolver())
        #expect(result.status == .optimal)
        Self.expectBalancesClose(result, network)
        #expect(abs(result.kpis.objective - result.kpis.costs.total) <= 1e-9 * max(1, abs(result.kpis.objective)))
    }

    @Test func gwangjuBitgreenWeek() throws {
        let network = try Self.network("gwangju-bitgreen")
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(hourCount: 168), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(result.timestamps.count == 168)
        Self.expectBalancesClose(result, network)
        #expect(result.kpis.reShare > 0 && result.kpis.cfeScore > 0 && result.kpis.cfeScore <= 1)
        for prices in result.prices { #expect(prices.price.allSatisfy { $0.isFinite }) }
    }
}
