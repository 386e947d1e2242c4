import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// The example year rolled the way operators run it adds up to the one-LP year: stored energy follows from
/// hour to hour, no load is shed, the cost stays within 2 % and the year-to-date counters equal the KPIs.
@Suite(.serialized) struct RollingYearTests {
    static let network = Result { try ExampleGridDispatchTests.network("gwangju-bitgreen") }
    static let oneLP = Result { try DispatchOptimizer.dispatch(network.get(), options: DispatchOptions(), solver: GLPKSolver()) }

    /// Every hour's stored energy follows from the previous hour's (or the horizon's start for the first hour),
    /// its charge and discharge, within `tolerance` MWh; returns the number of hours that do not.
    static func energyJumps(_ result: DispatchResult, _ network: Network, tolerance: Double = 1e-6) -> Int {
        var jumps = 0
        for unit in network.storageUnits {
            guard let schedule = result.units.first(where: { $0.unit == unit.id.rawValue && $0.component == "storage_unit" }),
                  let soc = schedule.stateOfCharge, let charge = schedule.charge, let discharge = schedule.discharge else {
                jumps += 1
                continue
            }
            let retention = 1 - unit.standingLoss
            // Cyclic over the whole horizon: the hour before the first is the last.
            var previous = unit.isCyclic ? soc[soc.count - 1] : unit.stateOfChargeInitial
            for h in soc.indices {
                let expected = (h == 0 && !unit.isCyclic ? 1 : retention) * previous
                    + unit.efficiencyStore * charge[h] - discharge[h] / unit.efficiencyDispatch
                if abs(soc[h] - expected) > tolerance { jumps += 1 }
                previous = soc[h]
            }
        }
        return jumps
    }

    @Test(arguments: [(48, 24), (72, 24)])
    func rolledYearAddsUpToTheOneLPYear(window: Int, step: Int) throws {
        let network = try Self.network.get()
        let reference = try Self.oneLP.get()
        #expect(reference.status == .optimal)
        // The one LP is an interior point kept by its certificate: continuity holds to the solver's
        // feasibility tolerance (1e-6 relative to the energy capacity). Since the example has a flexible data
        // center and an EV fleet, some rolled windows end on certified interior points too (measured jumps up
        // to 1.0e-5 MWh, 48/24), so they are held to the same tolerance.
        #expect(Self.energyJumps(reference, network, tolerance: 1e-6 * 1_000) == 0)
        let rolled = try DispatchOptimizer.dispatch(network, options: DispatchOptions(window: window, step: step),
                                                    solver: GLPKSolver())
        #expect(rolled.status == .optimal)
        #expect(rolled.timestamps.count == network.timeAxis.count)
        #expect(Self.energyJumps(rolled, network, tolerance: 1e-6 * 1_000) == 0)
        #expect(rolled.kpis.unservedMWh < 1e-6)
        let excess = rolled.kpis.objective / reference.kpis.objective - 1
        #expect(excess < 0.02, "rolled \(rolled.kpis.objective) vs one LP \(reference.kpis.objective)")
        #expect(excess > -1e-6, "a rolled year cannot beat the one-LP optimum")
        #expect(!rolled.kpis.shortfall.isAny)
        #expect(rolled.kpis.reShare >= 0.6 - 1e-9)
        // The year-to-date counters carried from window to window are the year's KPIs.
        let progress = try #require(rolled.finalState.periodProgress)
        #expect(progress.hours == network.timeAxis.count)
        let kpis = rolled.kpis
        for (counter, kpi) in [(progress.demandMWh, kpis.consumptionMWh + kpis.unservedMWh),
                               (progress.renewableMWh, kpis.renewableSupplyMWh), (progress.co2Tonnes, kpis.co2Tonnes),
                               (progress.carbonFreeMatchedMWh, kpis.cfeScore * (kpis.consumptionMWh + kpis.unservedMWh))] {
            #expect(abs(counter - kpi) <= 1e-9 * max(abs(kpi), 1), "\(counter) vs \(kpi)")
        }
    }
}
