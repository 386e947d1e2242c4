import Foundation
import LinearProgramming
@testable import DispatchOptimizer

/// A hand-built two-hour result in Asia/Seoul: a PV generator, a battery, the grid connection, one bus.
enum SampleResult {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!
    /// 2026-01-05T00:00+09:00.
    static let start = Date(timeIntervalSince1970: 1_767_538_800)

    static func make(solveSeconds: Double = 0.25) -> DispatchResult {
        let units = [
            UnitSchedule(unit: "pv_roof", component: "generator", bus: "mv", carrier: "solar", power: [0, 12.5],
                         curtailed: [0, 1.25]),
            UnitSchedule(unit: "ess", component: "storage_unit", bus: "mv", carrier: "battery", power: [-2, 3],
                         charge: [2, 0], discharge: [0, 3], stateOfCharge: [11.8, 8.6]),
            UnitSchedule(unit: "kepco", component: "grid", bus: "mv", carrier: "grid", power: [20, -0.000_000_1],
                         charge: [0, 0], discharge: [20, 0]),
        ]
        var costs = CostBreakdown()
        costs.energy = 2_400_000
        costs.demandCharge = 150_000.5
        costs.fuel = 0
        var timings = DispatchTimings()
        timings.buildSeconds = 0.01
        timings.solveSeconds = solveSeconds
        timings.extractSeconds = 0.002
        let kpis = DispatchKPIs(
            objective: costs.total, costs: costs, consumptionMWh: 34, renewableSupplyMWh: 12.5, reShare: 12.5 / 34,
            cfeScore: 0.25, co2Tonnes: 9.2, curtailedMWh: 1.25, unservedMWh: 0, peakImportMW: 20, importMWh: 20,
            exportMWh: 0)
        return DispatchResult(
            status: .optimal, timestamps: [start, start + 3600], units: units,
            prices: [BusPrices(bus: "mv", price: [95_000, 120_000.25])], kpis: kpis, finalState: DispatchState(),
            timings: timings, mipGap: nil, solverName: "GLPK 5.0", method: .interiorPointWithCrossover)
    }
}
