import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Small networks whose optimal dispatch, cost and prices are worked out in the comments.
@Suite struct HandCheckedDispatchTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-06-01 00:00 UTC, a Monday in a 30-day month.
    static let june = Date(timeIntervalSince1970: 1_780_272_000)

    static func network(hours: Int, buses: [String] = ["a"]) -> Network {
        var network = Network(name: "test", currency: "EUR", timeAxis: .hourly(start: june, count: hours, timeZone: utc))
        network.buses = buses.map { Bus(id: Bus.ID($0), nominalVoltage: 1) }
        network.carriers = [Carrier(id: "gas", co2Intensity: 0.5, isRenewable: false),
                            Carrier(id: "solar", co2Intensity: 0, isRenewable: true, isCarbonFree: true),
                            Carrier(id: "grid", co2Intensity: 0, isRenewable: false)]
        return network
    }

    static func solve(_ network: Network, method: SolverMethod = .interiorPointWithCrossover) throws -> DispatchResult {
        try DispatchOptimizer.dispatch(network, options: DispatchOptions(solver: SolverOptions(method: method)), solver: GLPKSolver())
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// Generators at 10 and 20 per MWh (50 and 100 MW) serve 80 MW: the cheap one runs full,
    /// the dear one sets the price. Cost 50·10 + 30·20 = 1100; price 20.
    @Test(arguments: [SolverMethod.primalSimplex, .dualSimplex, .interiorPointWithCrossover])
    func meritOrderSetsThePrice(method: SolverMethod) throws {
        var network = Self.network(hours: 1)
        network.generators = [Generator(id: "cheap", bus: "a", carrier: "gas", nominalPower: 50, marginalCost: 10),
                              Generator(id: "dear", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 20)]
        network.loads = [Load(id: "factory", bus: "a", demand: .constant(80))]
        let result = try Self.solve(network, method: method)
        #expect(result.status == .optimal)
        #expect(close(result.kpis.objective, 1100))
        #expect(close(result.kpis.costs.fuel, 1100))
        #expect(close(result.units[0].power[0], 50) && close(result.units[1].power[0], 30))
        #expect(close(result.prices[0].price[0], 20))
        #expect(close(result.kpis.co2Tonnes, 40))
    }

    /// Two buses joined by a 50 MW line: the cheap generator at `a` (10) is limited by the line,
    /// the dear one at `b` (30) covers the rest of the 80 MW load at `b`. Cost 500 + 900 = 1400,
    /// prices 10 at `a` and 30 at `b`.
    @Test func congestionSplitsPrices() throws {
        var network = Self.network(hours: 1, buses: ["a", "b"])
        network.generators = [Generator(id: "cheap", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 10),
                              Generator(id: "dear", bus: "b", carrier: "gas", nominalPower: 100, marginalCost: 30)]
        network.loads = [Load(id: "plant", bus: "b", demand: .constant(80))]
        network.lines = [Line(id: "ab", bus0: "a", bus1: "b", reactance: 0.1, nominalApparentPower: 50)]
        let result = try Self.solve(network)
        #expect(close(result.kpis.objective, 1400))
        #expect(close(result.prices[0].price[0], 10) && close(result.prices[1].price[0], 30))
        let line = try #require(result.units.first { $0.component == "line" })
        #expect(close(line.power[0], 50))
    }

    /// Import at 10 then 50 per MWh; a 10 MW / 10 MWh battery with 90 % charge and discharge
    /// efficiency charges 10 MW in hour 0 (stores 9 MWh) and discharges 8.1 MW in hour 1.
    /// Imports 20 and 1.9 MW: cost 200 + 95 = 295; prices 10 and 50.
    @Test func batteryShiftsEnergyToTheDearHour() throws {
        var network = Self.network(hours: 2)
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .hourly([10, 50])
        network.gridConnection = connection
        var battery = StorageUnit(id: "ess")
        battery.bus = "a"
        battery.nominalPower = 10
        battery.maxHours = 1
        battery.efficiencyStore = 0.9
        battery.efficiencyDispatch = 0.9
        network.storageUnits = [battery]
        let result = try Self.solve(network)
        #expect(close(result.kpis.objective, 295))
        #expect(close(result.kpis.costs.energy, 295))
        let ess = result.units[0]
        #expect(close(ess.charge?[0] ?? 0, 10) && close(ess.discharge?[1] ?? 0, 8.1))
        #expect(close(ess.stateOfCharge?[0] ?? 0, 9) && close(ess.stateOfCharge?[1] ?? 1, 0))
        #expect(close(result.prices[0].price[0], 10) && close(result.prices[0].price[1], 50))
        #expect(close(result.finalState.storedEnergyMWh["ess"] ?? -1, 0))
    }

    /// A tariff with light hours 0-11 at 50 and peak hours 12-23 at 100 per MWh, a demand charge of
    /// 1000 per MW-month on peak hours, and 5 % surcharge. 10 MW flat over one June day:
    /// energy (120·50 + 120·100)·1.05 = 18,900; demand 1000·10·1.05·24/720 = 350. Total 19,250.
    @Test func timeOfUseTariffAndDemandCharge() throws {
        var network = Self.network(hours: 24)
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        var connection = GridConnection(bus: "a", importLimit: 100)
        let bands = Array(repeating: "light", count: 12) + Array(repeating: "peak", count: 12)
        connection.tariff = Tariff(
            name: "test", currency: "EUR", seasons: [.init(name: "all", months: Array(1...12))], bands: ["light", "peak"],
            schedules: [.init(seasons: ["all"], dayTypes: DayType.allCases, hourBands: bands)],
            energyPrices: [.init(season: "all", band: "light", pricePerMWh: 50), .init(season: "all", band: "peak", pricePerMWh: 100)],
            demandCharge: .init(pricePerMWMonth: 1000, countedBands: ["peak"], ratchetMonths: [], ratchetWindowMonths: 12,
                                floorShareOfContract: 0),
            surcharges: [.init(name: "fund", share: 0.05)])
        network.gridConnection = connection
        let result = try Self.solve(network)
        #expect(close(result.kpis.costs.energy, 18_900))
        #expect(close(result.kpis.costs.demandCharge, 350))
        #expect(close(result.kpis.objective, 19_250))
        #expect(close(result.kpis.peakImportMW, 10))
        #expect(result.finalState.billingMonth == "2026-06")
        #expect(close(result.finalState.monthPeakImportMW, 10))
    }

    /// 10 MW for 4 h from gas (20 per MWh, 0.5 t/MWh) or clean biogas (50, 0 t/MWh). A 10 t cap
    /// allows 20 MWh of gas: cost 20·20 + 20·50 = 1400 instead of 800.
    @Test func carbonCapForcesCleanerSupply() throws {
        var network = Self.network(hours: 4)
        network.carriers.append(Carrier(id: "biogas", co2Intensity: 0, isRenewable: true))
        network.generators = [Generator(id: "gas", bus: "a", carrier: "gas", nominalPower: 10, marginalCost: 20),
                              Generator(id: "bio", bus: "a", carrier: "biogas", nominalPower: 10, marginalCost: 50)]
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        #expect(close(try Self.solve(network).kpis.objective, 800))
        network.targets.co2Cap = 10
        let capped = try Self.solve(network)
        #expect(close(capped.kpis.objective, 1400))
        #expect(close(capped.kpis.co2Tonnes, 10))
        #expect(close(capped.kpis.reShare, 0.5))
    }

    /// Load 10 MW for 2 h, grid at 40 per MWh (not renewable), PV available 0 then 4 MW. A 50 %
    /// RE target needs 10 MWh renewable: 4 from PV, 6 RECs at 5. Cost 16·40 + 6·5 = 670.
    @Test func renewableShareBuysCertificates() throws {
        var network = Self.network(hours: 2)
        var pv = Generator(id: "pv", bus: "a", carrier: "solar", nominalPower: 4)
        pv.maximumPerUnit = .hourly([0, 1])
        network.generators = [pv]
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .constant(40)
        network.gridConnection = connection
        network.contracts.recPrice = 5
        network.targets.annualRenewableShare = 0.5
        let result = try Self.solve(network)
        #expect(close(result.kpis.objective, 670))
        #expect(close(result.kpis.costs.certificates, 30))
        #expect(close(result.kpis.reShare, 0.5))
        #expect(close(result.kpis.cfeScore, 0.2))
    }

    /// A fixed PPA of 5 MW at 30 and the grid at 40 serve 10 MW: 150 + 200 = 350 per hour.
    @Test func fixedPPADeliversItsProfile() throws {
        var network = Self.network(hours: 3)
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .constant(40)
        network.gridConnection = connection
        var ppa = PowerPurchaseAgreement(id: "wind_ppa")
        ppa.carrier = "solar"
        ppa.bus = "a"
        ppa.capacity = 5
        ppa.price = .constant(30)
        network.powerPurchaseAgreements = [ppa]
        let result = try Self.solve(network)
        #expect(close(result.kpis.objective, 1050))
        #expect(close(result.kpis.costs.ppa, 450))
        #expect(close(result.kpis.reShare, 0.5))
    }

    /// Shedding at a value of lost load of 1000 when supply is short by 5 MW: cost 10·5 + 1000·5.
    @Test func unservedLoadAtValueOfLostLoad() throws {
        var network = Self.network(hours: 1)
        network.generators = [Generator(id: "g", bus: "a", carrier: "gas", nominalPower: 5, marginalCost: 10)]
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10), shedding: .allowed(valueOfLostLoad: 1000))]
        let result = try Self.solve(network)
        #expect(close(result.kpis.objective, 5050))
        #expect(close(result.kpis.unservedMWh, 5))
        #expect(close(result.prices[0].price[0], 1000))
    }

    /// Without shedding, a load larger than the supply is infeasible (status, not an error).
    @Test func shortSupplyWithoutSheddingIsInfeasible() throws {
        var network = Self.network(hours: 1)
        network.generators = [Generator(id: "g", bus: "a", carrier: "gas", nominalPower: 5, marginalCost: 10)]
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(10))]
        let result = try Self.solve(network)
        #expect([.infeasible, .infeasibleOrUnbounded].contains(result.status))
        // The diagnosis names the bus balance that cannot close, and by how much.
        let diagnosis = try #require(result.diagnosis)
        #expect(diagnosis.totalCount == 1)
        #expect(diagnosis.violations.first?.row == "bal(a,t0000)")
        #expect(close(diagnosis.violations.first?.amount ?? 0, 5))
    }

    /// Rolling windows reproduce the single LP when nothing couples the windows (no storage).
    @Test func rollingWindowsMatchOneLPWithoutStorage() throws {
        var network = Self.network(hours: 48)
        network.generators = [Generator(id: "g", bus: "a", carrier: "gas", nominalPower: 50, marginalCost: 10)]
        network.loads = [Load(id: "plant", bus: "a", demand: .hourly((0..<48).map { 10 + Double($0 % 24) }))]
        let whole = try Self.solve(network)
        let rolling = try DispatchOptimizer.dispatch(network, options: DispatchOptions(window: 12, step: 6), solver: GLPKSolver())
        #expect(close(whole.kpis.objective, rolling.kpis.objective))
        #expect(rolling.timestamps.count == 48)
        #expect(rolling.units[0].power.count == 48)
    }

    /// The progress callback sees every window once, in order: 48 hours in windows of 12 stepping 6 are 8 windows.
    @Test func progressReportsEachWindow() throws {
        var network = Self.network(hours: 48)
        network.generators = [Generator(id: "g", bus: "a", carrier: "gas", nominalPower: 50, marginalCost: 10)]
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(20))]
        // The callback runs on the dispatching thread (this one), so plain variables may record it.
        nonisolated(unsafe) var calls: [[Int]] = []
        let options = DispatchOptions(window: 12, step: 6, progress: { calls.append([$0, $1]) })
        let result = try DispatchOptimizer.dispatch(network, options: options, solver: GLPKSolver())
        #expect(calls == (1...8).map { [$0, 8] })
        nonisolated(unsafe) var single: [[Int]] = []
        _ = try DispatchOptimizer.dispatch(network, options: DispatchOptions(progress: { single.append([$0, $1]) }), solver: GLPKSolver())
        #expect(single == [[1, 1]])
        #expect(result.timestamps.count == 48)
    }

    /// Unit commitment: a 100 MW unit at 10 per MWh that must run at 50 MW or more once on, a
    /// flexible one at 30, load 80, 40, 80 MW. The cheap unit cannot follow 40 MW, so it stops in
    /// hour 1 and restarts in hour 2 (start-up 500): 800 + 1200 + 800 + 500 = 3300. Prices from the
    /// LP with the commitment fixed: 10, 30, 10.
    @Test func unitCommitmentStopsAndRestarts() throws {
        var network = Self.network(hours: 3)
        var base = Generator(id: "base", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 10)
        base.isCommittable = true
        base.minimumPerUnit = .constant(0.5)
        base.startUpCost = 500
        network.generators = [base, Generator(id: "peaker", bus: "a", carrier: "gas", nominalPower: 100, marginalCost: 30)]
        network.loads = [Load(id: "plant", bus: "a", demand: .hourly([80, 40, 80]))]
        let result = try DispatchOptimizer.dispatch(network, options: DispatchOptions(commitment: true), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(close(result.kpis.objective, 3300), "\(result.units.map(\.power))")
        #expect(result.units[0].power.map { $0.rounded() } == [80, 0, 80])
        #expect(zip(result.prices[0].price, [10.0, 30, 10]).allSatisfy { close($0, $1) })
        #expect(result.mipGap == 0)
        #expect(result.finalState.unitIsOn["base"] == true)
    }

    @Test func unitCommitmentRefusesLongWindows() {
        var network = Self.network(hours: 200)
        network.loads = [Load(id: "plant", bus: "a", demand: .constant(1))]
        #expect(throws: DispatchError.commitmentWindowTooLong(hours: 200, limit: 168)) {
            try DispatchOptimizer.dispatch(network, options: DispatchOptions(commitment: true), solver: GLPKSolver())
        }
    }
}

