import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// The moved energy of a flexible load (with a maximum delay) and an EV fleet's stored energy carried across
/// rolling windows and across runs (`stateAfterHours` → `initialState`, through `state.json`'s encoding) give
/// the one-LP answer: each window ends at the end of the last day, so the rolled plan is the one LP's by
/// dynamic programming when the carried state is complete.
@Suite struct FlexibleStateTests {
    /// 48 h (two days from midnight UTC) of a 10-14 MW load that may move ±50 % within a day, each MWh within
    /// 4 h, and a 6 MW / 30 MWh fleet that must hold 24 MWh when it leaves at 07:00, against distinct hourly prices.
    static func network() -> Network {
        let hours = 48
        var network = HandCheckedDispatchTests.network(hours: hours)
        let requested = (0..<hours).map { 12 + 2 * sin(Double($0) / 3) }
        var load = Load(id: "compute", bus: "a", demand: .hourly(requested))
        load.flexibility = LoadFlexibility(shareUp: 0.5, shareDown: 0.5, maximumDelayHours: 4)
        network.loads = [load]
        var fleet = EVFleet(id: "cars")
        fleet.bus = "a"
        fleet.nominalPower = 6
        fleet.nominalEnergy = 30
        fleet.energyInitial = 12
        fleet.availability = .hourly((0..<hours).map { ($0 % 24) >= 8 && ($0 % 24) < 17 ? 0.2 : 1 })
        fleet.minimumPerUnit = .hourly((0..<hours).map { $0 % 24 == 7 ? 0.8 : 0.1 })
        fleet.driving = .hourly((0..<hours).map { ($0 % 24) >= 8 && ($0 % 24) < 17 ? 2 : 0 })
        network.evFleets = [fleet]
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .hourly((0..<hours).map { (hour: Int) -> Double in
            let t = Double(hour)
            return 50 + 30 * sin(t * 0.7) + 10 * cos(t * 1.3)
        })
        network.gridConnection = connection
        return network
    }

    static func dispatch(_ network: Network, _ options: DispatchOptions) throws -> DispatchResult {
        try DispatchOptimizer.dispatch(network, options: options, solver: GLPKSolver())
    }

    /// Served energy per day equals requested energy per day; the backlog follows from hour to hour (no jump at
    /// a window or run boundary); the fleet holds its departure energy.
    static func expectConsistent(_ result: DispatchResult, _ network: Network) throws {
        let load = try #require(result.units.first { $0.unit == "compute" })
        let requested = network.loads[0].fixedDemand?.values ?? []
        for day in 0..<2 {
            let hours = (day * 24)..<(day * 24 + 24)
            #expect(abs(hours.reduce(0) { $0 + load.power[$1] - requested[$1] }) <= 1e-6)
        }
        let backlog = try #require(load.stateOfCharge), up = try #require(load.charge), down = try #require(load.discharge)
        for h in backlog.indices {
            #expect(abs(backlog[h] - (h > 0 ? backlog[h - 1] : 0) - down[h] + up[h]) <= 1e-6, "hour \(h)")
        }
        let fleet = try #require(result.units.first { $0.unit == "cars" })
        let energy = try #require(fleet.stateOfCharge)
        #expect(energy[7] >= 24 - 1e-6 && energy[31] >= 24 - 1e-6)
    }

    @Test(arguments: [12, 5])
    func rolledWindowsGiveTheOneLP(step: Int) throws {
        let network = Self.network()
        let oneLP = try Self.dispatch(network, DispatchOptions(solver: SolverOptions(method: .dualSimplex)))
        let rolled = try Self.dispatch(network, DispatchOptions(window: 48, step: step, solver: SolverOptions(method: .dualSimplex)))
        #expect(oneLP.status == .optimal && rolled.status == .optimal)
        #expect(abs(rolled.kpis.objective - oneLP.kpis.objective) <= 1e-6 * oneLP.kpis.objective,
                "rolled \(rolled.kpis.objective), one LP \(oneLP.kpis.objective)")
        #expect(oneLP.kpis.flexibility.loadShiftedMWh > 10)
        try Self.expectConsistent(oneLP, network)
        try Self.expectConsistent(rolled, network)
    }

    /// Four runs, each over the rest of the two days and committing 12 h, hand their state on through JSON.
    @Test func runsCarryTheBacklogThroughTheStateFile() throws {
        let network = Self.network()
        let oneLP = try Self.dispatch(network, DispatchOptions(solver: SolverOptions(method: .dualSimplex)))
        let prices = try #require(network.gridConnection).importPrice
        var state: DispatchState?
        var objective = 0.0
        for run in 0..<4 {
            let first = run * 12
            let result = try Self.dispatch(network, DispatchOptions(firstHour: first, hourCount: 48 - first,
                                                                    solver: SolverOptions(method: .dualSimplex),
                                                                    initialState: state, stateAfterHours: 12))
            #expect(result.status == .optimal)
            let carried = try #require(result.finalState.flexibleLoads["compute"])
            #expect(carried.recentDeferralsMWh.count == 3)
            let decoded = try JSONDecoder().decode(DispatchState.self, from: JSONEncoder().encode(result.finalState))
            #expect(decoded == result.finalState)
            state = decoded
            // The cost of the 12 committed hours: the grid's price times import.
            let imports = try #require(result.units.first { $0.component == "grid" }).power
            objective += (0..<12).reduce(0) { $0 + imports[$1] * prices.value(at: first + $1) }
        }
        #expect(abs(objective - oneLP.kpis.objective) <= 1e-6 * oneLP.kpis.objective, "runs \(objective), one LP \(oneLP.kpis.objective)")
        #expect(abs(state?.flexibleLoads["compute"]?.backlogMWh ?? 1) <= 1e-9)
    }
}
