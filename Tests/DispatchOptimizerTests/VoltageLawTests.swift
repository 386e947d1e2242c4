import Foundation
import GridModel
import TestSupport
import Testing
@testable import DispatchOptimizer

/// Kirchhoff's voltage law per fundamental cycle or per branch with bus angles: the cycle basis by hand,
/// and the same optimum and prices from both forms.
@Suite struct VoltageLawTests {
    /// a-b-c triangle with a second b-c line and a pendant bus d: buses a b c d, lines in this order
    /// l1 a→b, l2 b→c, l3 c→a, l4 c→d, l5 c→b.
    static func triangleWithParallelLine() -> Network {
        var network = NetworkFixture.twoBus()
        network.buses = ["a", "b", "c", "d"].map { Bus(id: .init($0), nominalVoltage: 22.9) }
        network.transformers = []
        network.lines = [("l1", "a", "b"), ("l2", "b", "c"), ("l3", "c", "a"), ("l4", "c", "d"), ("l5", "c", "b")].map {
            Line(id: .init($0.0), bus0: .init($0.1), bus1: .init($0.2),
                 reactance: 0.4, nominalApparentPower: 20)
        }
        return network
    }

    @Test func fundamentalCyclesByHand() {
        let topology = BranchTopology(network: Self.triangleWithParallelLine())
        let cycles = topology.cycles.map { $0.map { "\(topology.branches[$0.branch].name)\($0.sign > 0 ? "+" : "-")" } }
        // Breadth-first tree from a: l1 (a-b), l3 (a-c), l4 (c-d). l2 closes b→c→a→b, l5 closes c→b→a→c.
        #expect(cycles == [["l2+", "l3+", "l1+"], ["l5+", "l1-", "l3-"]])
        // 3 per branch row and 2 per non-reference angle (b, c, d) in GLPK's standard form.
        #expect(topology.cycleNonzeros == 6 && topology.angleNonzeros == 3 * 5 + 2 * 3)
        #expect(topology.prefersCycleForm)
        // Any angles: the flows they imply sum to zero around every cycle.
        let theta = [0.0, 0.3, -0.7, 1.9]
        for cycle in topology.cycles {
            let sum = cycle.reduce(0) { $0 + $1.sign * (theta[topology.branches[$1.branch].bus0] - theta[topology.branches[$1.branch].bus1]) }
            #expect(abs(sum) < 1e-12)
        }
    }

    @Test func radialNetworkHasNoCycle() {
        var network = Self.triangleWithParallelLine()
        network.lines.removeAll { ["l2", "l5"].contains($0.id.rawValue) }
        let topology = BranchTopology(network: network)
        #expect(topology.cycles.isEmpty)
        #expect(topology.prefersCycleForm)
    }

    @Test(arguments: [0, 1, 2, 3] as [UInt64])
    func bothFormsGiveTheSameOptimumAndPrices(seed: UInt64) throws {
        let network = seed == 0 ? try ExampleGridDispatchTests.network("meshed-6bus") : RandomGridInvariantTests.randomNetwork(seed: seed)
        let hours = min(network.timeAxis.count, 48)
        let (cycles, cyclePrices, cycleModel, _) = try PeriodSumChainTests.solve(network, hours: hours, blockHours: 24, voltageLaw: .cycles)
        let (angles, anglePrices, angleModel, _) = try PeriodSumChainTests.solve(network, hours: hours, blockHours: 24, voltageLaw: .angles)
        #expect(cycleModel.rowNames.contains { $0.hasPrefix("kvl_cycle(") })
        #expect(angleModel.columnNames.contains { $0.hasPrefix("theta(") })
        #expect(cycleModel.columnCount < angleModel.columnCount)
        #expect(PeriodSumChainTests.relative(cycles.objective, angles.objective) < 1e-9, "\(cycles.objective) vs \(angles.objective)")
        #expect(cyclePrices.count == anglePrices.count)
        for (a, b) in zip(cyclePrices, anglePrices) {
            for (x, y) in zip(a.price, b.price) { #expect(abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1), "\(a.bus): \(x) vs \(y)") }
        }
    }
}
