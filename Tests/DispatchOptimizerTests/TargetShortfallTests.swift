import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// A target above what the grid can reach: soft by default (optimal, nothing shed, the shortfall reported with
/// its cost), infeasible in hard mode with the diagnosis naming the target's row; shares never rise by shedding.
@Suite struct TargetShortfallTests {
    /// The example week with an hourly CFE score no purchase can reach (certificates do not count hourly).
    static func unreachable(hard: Bool) throws -> Network {
        var network = try ExampleGridDispatchTests.network("gwangju-bitgreen")
        network.targets.hourlyCarbonFreeScore = 0.95
        network.targets.areHard = hard
        return network
    }

    @Test func softTargetIsReportedAsAPricedShortfall() throws {
        let network = try Self.unreachable(hard: false)
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(hourCount: 48), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(result.kpis.unservedMWh < 1e-6, "a target is never met by shedding load")
        let kpis = result.kpis
        let demand = kpis.consumptionMWh + kpis.unservedMWh
        // The shortfall is what the score misses on total demand, priced at the documented default.
        #expect(abs(kpis.shortfall.carbonFreeMWh - (0.95 * demand - kpis.cfeScore * demand)) <= 1e-6 * demand)
        #expect(kpis.shortfall.carbonFreeMWh > 100)
        let price = DispatchFormulation.shortfallPrice(of: network)
        #expect(abs(kpis.costs.targetShortfall - price * kpis.shortfall.carbonFreeMWh) <= 1e-9 * kpis.costs.targetShortfall)
        #expect(abs(kpis.objective - kpis.costs.total) <= 1e-9 * kpis.objective)
        #expect(kpis.shortfall.renewableShareMWh == 0)
    }

    @Test func hardTargetIsInfeasibleAndNamesItsRow() throws {
        let network = try Self.unreachable(hard: true)
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(hourCount: 48), solver: GLPKSolver())
        #expect(result.status == .infeasible || result.status == .infeasibleOrUnbounded)
        let diagnosis = try #require(result.diagnosis)
        #expect(diagnosis.violations.contains { $0.row == "cfe_score" })
    }

    /// With shedding allowed and a share that binds, shedding cannot help: the share is on total demand.
    @Test func sheddingNeverRaisesTheShare() throws {
        var network = try ExampleGridDispatchTests.network("gwangju-bitgreen")
        network.targets.hourlyCarbonFreeScore = 0.25
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(hourCount: 48), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(result.kpis.unservedMWh < 1e-6)
        #expect(result.kpis.cfeScore >= 0.25 - 1e-9 || result.kpis.shortfall.carbonFreeMWh > 0)
    }
}
