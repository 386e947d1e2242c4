import Foundation
import GridIO
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Where scripts/test put the PyPSA reference networks.
enum PyPSAReference {
    static let directory: URL? = ProcessInfo.processInfo.environment["RE100_PYPSA_REFERENCE"].map { URL(fileURLWithPath: $0) }
}

/// re100 against PyPSA's own `n.optimize()` (HiGHS) on the networks of scripts/pypsa_reference.py,
/// which scripts/test generates into `.build/pypsa-reference` and names in RE100_PYPSA_REFERENCE.
/// Objectives must agree to 1e-6 relative; bus prices wherever they are unique.
@Suite(.enabled(if: PyPSAReference.directory != nil, "set RE100_PYPSA_REFERENCE (scripts/test does)"))
struct PyPSACrossCheckTests {
    static var networks: [String] {
        guard let directory = PyPSAReference.directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/reference.json").path)
        }.sorted()
    }

    struct Reference: Decodable {
        let pypsa_version: String
        let objective: Double
        let marginal_price: [String: [Double]]
    }

    @Test func referenceNetworksWereGenerated() {
        #expect(Self.networks.count >= 6, "scripts/pypsa_reference.py writes at least six networks")
    }

    @Test(arguments: networks)
    func objectiveAndPricesMatchPyPSA(name: String) throws {
        let folder = try #require(PyPSAReference.directory).appendingPathComponent(name)
        let reference = try JSONDecoder().decode(Reference.self,
                                                 from: Data(contentsOf: folder.appendingPathComponent("reference.json")))
        #expect(reference.pypsa_version == "1.4.0")
        let network = try PyPSAReader.read(directory: folder).network
        let primal = try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: SolverOptions(method: .primalSimplex)),
                                                    solver: GLPKSolver())
        let dual = try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: SolverOptions(method: .dualSimplex)),
                                                  solver: GLPKSolver())
        let crossover = try DispatchOptimizer.dispatch(
            network, options: DispatchOptions(solver: SolverOptions(method: .interiorPointWithCrossover)), solver: GLPKSolver())
        let certified = try DispatchOptimizer.dispatch(network, options: DispatchOptions(), solver: GLPKSolver())
        for result in [primal, dual, crossover, certified] {
            #expect(result.status == .optimal)
            let error = abs(result.kpis.objective - reference.objective) / max(1, abs(reference.objective))
            #expect(error <= 1e-6, "\(name) (\(result.method.rawValue)): re100 \(result.kpis.objective), PyPSA \(reference.objective)")
        }
        // A vertex's prices and the default (certified interior point) prices, which lie inside the
        // range of valid prices where that range is wide.
        for result in [primal, certified] {
            try Self.expectPricesMatch(result, reference: reference, network: network, name: name, objective: primal.kpis.objective)
        }
    }

    /// Where the prices differ from PyPSA's, the dual must be degenerate there: both prices lie between the
    /// left and right derivatives of the optimal cost with respect to that bus's demand.
    static func expectPricesMatch(_ result: DispatchResult, reference: Reference, network: Network, name: String,
                                  objective: Double) throws {
        var compared = 0, degenerate = 0
        for prices in result.prices {
            guard let theirs = reference.marginal_price[prices.bus] else { continue }
            for hour in prices.price.indices {
                compared += 1
                let ours = prices.price[hour]
                if abs(ours - theirs[hour]) <= 1e-5 * max(1, abs(theirs[hour])) { continue }
                degenerate += 1
                let range = try Self.priceRange(network, bus: prices.bus, hour: hour, objective: objective)
                let slack = 1e-4 * max(1, abs(theirs[hour]))
                #expect(range.upperBound - range.lowerBound > slack,
                        "\(name) \(result.method.rawValue) bus \(prices.bus) snapshot \(hour): unique price \(range), re100 \(ours), PyPSA \(theirs[hour])")
                for price in [ours, theirs[hour]] {
                    #expect(price >= range.lowerBound - slack && price <= range.upperBound + slack,
                            "\(name) \(result.method.rawValue) bus \(prices.bus) snapshot \(hour): \(price) outside \(range)")
                }
            }
        }
        #expect(compared > 0)
        #expect(degenerate * 4 <= compared, "\(name) \(result.method.rawValue): \(degenerate) of \(compared) prices differ from PyPSA")
    }

    /// The left and right derivatives of the optimal cost with respect to demand at `bus` in
    /// snapshot `hour`, per MWh (a probe load of ±δ MW): every valid price lies between them.
    static func priceRange(_ network: Network, bus: String, hour: Int, objective: Double) throws -> ClosedRange<Double> {
        let delta = 1e-3
        func cost(_ change: Double) throws -> Double {
            var probed = network
            var profile = [Double](repeating: 0, count: network.timeAxis.count)
            profile[hour] = change
            probed.loads.append(Load(id: "probe", bus: Bus.ID(bus), demand: .hourly(profile)))
            let result = try DispatchOptimizer.dispatch(probed, options: DispatchOptions(solver: SolverOptions(method: .dualSimplex)),
                                                        solver: GLPKSolver())
            return result.kpis.objective
        }
        let weight = network.timeAxis.objectiveWeights[hour]
        let right = (try cost(delta) - objective) / delta / weight
        let left = (objective - (try cost(-delta))) / delta / weight
        return min(left, right)...max(left, right)
    }
}
