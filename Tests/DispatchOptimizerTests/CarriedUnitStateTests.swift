import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Generator state carried across windows and runs: the last output (ramp limits) and the commitment status
/// with the hours in it (minimum up and down times). Expected costs worked out in the comments.
@Suite struct CarriedUnitStateTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// A slow unit at 10 per MWh (100 MW, ramps 10 MW/h) and a peaker at 50 serve 50, 50, 80, 80 MW. The slow
    /// unit follows the load to 50 MW, then can only ramp to 60 and 70 MW: peaker 20 + 10 MW.
    /// Cost 10·(50 + 50 + 60 + 70) + 50·(20 + 10) = 3800.
    static func rampNetwork() -> Network {
        var network = HandCheckedDispatchTests.network(hours: 4)
        var slow = Generator(id: "slow", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 10)
        slow.rampUpLimit = 0.1
        slow.rampDownLimit = 0.1
        network.generators = [slow, Generator(id: "peaker", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 50)]
        network.loads = [Load(id: "plant", bus: "a", demand: .hourly([50, 50, 80, 80]))]
        return network
    }

    /// The second window's first hour ramps from the first window's last output (50 MW), not from nothing: rolling
    /// windows give the one-LP schedule. Without the carried output window 2 would run the slow unit at 80 MW (2600).
    @Test(arguments: [(2, 2), (3, 2), (1, 1)])
    func rampStartsFromThePreviousWindow(window: Int, step: Int) throws {
        let whole = try DispatchOptimizer.dispatch(Self.rampNetwork(), options: DispatchOptions(), solver: GLPKSolver())
        #expect(close(whole.kpis.objective, 3800))
        let rolling = try DispatchOptimizer.dispatch(Self.rampNetwork(), options: DispatchOptions(window: window, step: step),
                                                     solver: GLPKSolver())
        #expect(rolling.status == .optimal)
        #expect(close(rolling.kpis.objective, whole.kpis.objective), "\(rolling.kpis.objective)")
        #expect(zip(rolling.units[0].power, [50.0, 50, 60, 70]).allSatisfy { close($0, $1) }, "\(rolling.units[0].power)")
        #expect(close(rolling.finalState.lastOutputMW["slow"] ?? -1, 70))
        #expect(close(rolling.finalState.lastOutputMW["peaker"] ?? -1, 10))
    }

    /// A run whose state says the slow unit ended at 95 MW: it can only ramp down 10 MW/h, so hour 0 runs at
    /// 85 MW and hour 1 at 75 MW for a 50 MW load (the surplus exported at 0); in hours 2 and 3 it serves the
    /// 80 MW alone. Schedule 85, 75, 80, 80: cost 10·320 = 3200 (from nothing it would be 50, 50, 60, 70: 3800).
    @Test func rampDownFromACarriedOutput() throws {
        var network = Self.rampNetwork()
        var connection = GridConnection(bus: "a", importLimit: 0, exportLimit: 100)
        connection.exportPrice = .constant(0)
        network.gridConnection = connection
        let state = DispatchState(lastOutputMW: ["slow": 95])
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(initialState: state), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(zip(result.units[0].power, [85.0, 75, 80, 80]).allSatisfy { close($0, $1) }, "\(result.units[0].power)")
        #expect(close(result.kpis.objective, 3200), "\(result.kpis.objective)")
    }

    /// A committable base unit (100 MW, at least 50 MW when on, 10 per MWh, minimum up time 3 h) and a peaker at
    /// 30 serve 150, 10, 10, 10 MW; surplus may be exported at 0. The base starts in hour 0 (100 MW + peaker 50:
    /// 2500) and must stay on for hours 1 and 2 at 50 MW (500 each, 40 MW exported), then stops (peaker 10 MW:
    /// 300). Cost 3800; a base that could stop after hour 0 would give 2500 + 3·300 = 3400.
    static func commitmentNetwork(load: [Double] = [150, 10, 10, 10], minimumUpTime: Double = 3,
                                  minimumDownTime: Double = 0) -> Network {
        var network = HandCheckedDispatchTests.network(hours: load.count)
        var base = Generator(id: "base", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 10)
        base.isCommittable = true
        base.minimumPerUnit = .constant(0.5)
        base.minimumUpTime = minimumUpTime
        base.minimumDownTime = minimumDownTime
        network.generators = [base, Generator(id: "peaker", bus: "a", carrier: "gas", nominalPower: 200, marginalCost: 30)]
        network.loads = [Load(id: "plant", bus: "a", demand: .hourly(load))]
        var connection = GridConnection(bus: "a", importLimit: 0, exportLimit: 100)
        connection.exportPrice = .constant(0)
        network.gridConnection = connection
        return network
    }

    /// Hour-by-hour windows carry the status and its hours, so the base stays on for its minimum up time
    /// across windows as in the one-LP schedule.
    @Test(arguments: [(1, 1), (2, 1), (2, 2)])
    func minimumUpTimeCarriesAcrossWindows(window: Int, step: Int) throws {
        let start = DispatchState(unitIsOn: ["base": false], hoursInStatus: ["base": 10])
        let whole = try DispatchOptimizer.dispatch(Self.commitmentNetwork(), options: DispatchOptions(initialState: start, commitment: true),
                                                   solver: GLPKSolver())
        #expect(close(whole.kpis.objective, 3800), "\(whole.kpis.objective)")
        let rolling = try DispatchOptimizer.dispatch(
            Self.commitmentNetwork(), options: DispatchOptions(window: window, step: step, initialState: start, commitment: true),
            solver: GLPKSolver())
        #expect(rolling.status == .optimal)
        #expect(close(rolling.kpis.objective, 3800), "\(rolling.kpis.objective) \(rolling.units[0].power)")
        #expect(rolling.units[0].power.map { $0.rounded() } == [100, 50, 50, 0])
        #expect(rolling.finalState.unitIsOn["base"] == false)
        #expect(rolling.finalState.hoursInStatus["base"] == 1)
    }

    /// A run whose state says the base has been on for 1 h of its 3: it stays on in hours 0 and 1 at 50 MW
    /// (500 each) and stops for hours 2 and 3 (peaker 10 MW: 300 each). Cost 1600; without the carried hours
    /// 1200. After the run it has been off for 2 h.
    @Test func carriedMinimumUpTime() throws {
        let network = Self.commitmentNetwork(load: [10, 10, 10, 10])
        let state = DispatchState(unitIsOn: ["base": true], hoursInStatus: ["base": 1])
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(initialState: state, commitment: true),
                                                    solver: GLPKSolver())
        #expect(close(result.kpis.objective, 1600), "\(result.kpis.objective)")
        #expect(result.units[0].power.map { $0.rounded() } == [50, 50, 0, 0])
        #expect(result.finalState.unitIsOn["base"] == false && result.finalState.hoursInStatus["base"] == 2)
        // Long enough on already: free to stop at once.
        let settled = try DispatchOptimizer.dispatch(
            network, options: DispatchOptions(initialState: DispatchState(unitIsOn: ["base": true], hoursInStatus: ["base": 3]),
                                              commitment: true), solver: GLPKSolver())
        #expect(close(settled.kpis.objective, 1200), "\(settled.kpis.objective)")
    }

    /// A run whose state says the base stopped 1 h ago with a minimum down time of 3 h: it stays off in hours 0
    /// and 1 (peaker 150 MW: 4500 each) and runs in hour 2 (100 MW + peaker 50: 2500). Cost 11,500; without the
    /// carried hours 7500. The status run continues across the run: off for 2 h was carried as 1 + 2 → on for 1 h.
    @Test func carriedMinimumDownTime() throws {
        let network = Self.commitmentNetwork(load: [150, 150, 150], minimumUpTime: 0, minimumDownTime: 3)
        let state = DispatchState(unitIsOn: ["base": false], hoursInStatus: ["base": 1])
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(initialState: state, commitment: true),
                                                    solver: GLPKSolver())
        #expect(close(result.kpis.objective, 11_500), "\(result.kpis.objective)")
        #expect(result.units[0].power.map { $0.rounded() } == [0, 0, 100])
        #expect(result.finalState.unitIsOn["base"] == true && result.finalState.hoursInStatus["base"] == 1)
        // Unchanged status adds to the carried count: off for 1 h, then 2 more hours off (state after hour 2).
        let partial = try DispatchOptimizer.dispatch(
            network, options: DispatchOptions(initialState: state, commitment: true, stateAfterHours: 2), solver: GLPKSolver())
        #expect(partial.finalState.unitIsOn["base"] == false && partial.finalState.hoursInStatus["base"] == 3)
    }

    /// A battery's energy a rounding hair below 0 in a solver's answer (−1.5e-13 MWh, seen after some days of
    /// `re100 run`) is handed on as 0, which the next run's state check accepts; real values pass unchanged.
    @Test(arguments: [(-1.5e-13, 0.0), (3.25, 3.25)])
    func storedEnergyNoiseBelowZeroIsHandedOnAsZero(value: Double, handedOn: Double) throws {
        let network = ScenarioDispatchTests.network(lastHourLoad: 5)
        let window = HourWindow(axis: network.timeAxis, start: 0, count: 2,
                                calendar: LocalCalendar(timeZone: network.timeAxis.timeZone, holidays: .none))
        let formulation = try DispatchFormulation.build(network: network, window: window, state: nil)
        var columns = [Double](repeating: 0, count: formulation.builder.columnCount)
        columns[formulation.storageEnergy[0][1]] = value
        let primal = PrimalSolution(objective: 0, columnValues: columns, rowActivities: [Double](repeating: 0, count: formulation.builder.rowCount))
        let state = DispatchExtraction(formulation: formulation, primal: primal, dual: nil, committed: 2).endState(carrying: DispatchState(), after: 2)
        #expect(state.storedEnergyMWh["ess"] == handedOn)
    }
}
