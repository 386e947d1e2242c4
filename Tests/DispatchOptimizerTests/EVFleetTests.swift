import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// An aggregated EV fleet (10 MW of chargers, 40 MWh of batteries, 90 % charge and V2G efficiency) on a bus with
/// a grid connection at given hourly prices; optimal charging, costs and V2G worked out in the comments.
@Suite struct EVFleetTests {
    static func network(prices: [Double], load: Double = 0, configure: (inout EVFleet) -> Void) -> Network {
        var network = HandCheckedDispatchTests.network(hours: prices.count)
        var fleet = EVFleet(id: "cars")
        fleet.bus = "a"
        fleet.nominalPower = 10
        fleet.nominalEnergy = 40
        configure(&fleet)
        network.evFleets = [fleet]
        if load > 0 { network.loads = [Load(id: "plant", bus: "a", demand: .constant(load))] }
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .hourly(prices)
        network.gridConnection = connection
        return network
    }

    static func fleet(_ result: DispatchResult) throws -> UnitSchedule {
        try #require(result.units.first { $0.component == "ev_fleet" })
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 }
    }

    /// The vehicles leave after hour 3 with at least 20 MWh (e_min_pu 0.5) and are unplugged in hour 3, whose
    /// price (5) is the lowest. 20 MWh stored takes 20/0.9 = 22.222 MWh of charging: 10 MW at 10, 10 MW at 20,
    /// 2.222 MW at 30, cost 100 + 200 + 66.667 = 366.667. With only half the chargers connected in hour 1, it
    /// charges 5 MW there and 7.222 MW in hour 0: 50 + 200 + 216.667 = 466.667.
    static let departures: [(availability: [Double], charge: [Double], cost: Double)] = [
        ([1, 1, 1, 0], [2 + 2.0 / 9, 10, 10, 0], 366 + 2.0 / 3),
        ([1, 0.5, 1, 0], [7 + 2.0 / 9, 5, 10, 0], 466 + 2.0 / 3),
    ]

    @Test(arguments: departures)
    func meetsTheDepartureEnergyWithinTheConnectedChargers(availability: [Double], charge: [Double], cost: Double) throws {
        let network = Self.network(prices: [30, 10, 20, 5]) { fleet in
            fleet.availability = .hourly(availability)
            fleet.minimumPerUnit = .hourly([0, 0, 0, 0.5])
        }
        let result = try HandCheckedDispatchTests.solve(network)
        let fleet = try Self.fleet(result)
        #expect(close(fleet.charge ?? [], charge))
        #expect(abs(result.kpis.objective - cost) <= 1e-6)
        #expect(abs((fleet.stateOfCharge ?? [])[3] - 20) <= 1e-6)
        for (h, power) in (fleet.charge ?? []).enumerated() { #expect(power <= availability[h] * 10 + 1e-9) }
        #expect(abs(result.kpis.flexibility.evChargedMWh - 200.0 / 9) <= 1e-6)
    }

    /// Driving takes 9 MW from the batteries in hour 1 (vehicles away, nothing plugged in); the fleet starts with
    /// 10 MWh and must keep 10 MWh at the end: it charges 10 MW in hour 0 (stores 9 MWh, price 10) instead of in
    /// hour 2 (price 20). Cost 100; energy 19, 10, 10.
    @Test func drivingDrawsFromTheBatteries() throws {
        let network = Self.network(prices: [10, 10, 20]) { fleet in
            fleet.availability = .hourly([1, 0, 1])
            fleet.driving = .hourly([0, 9, 0])
            fleet.energyInitial = 10
            fleet.minimumPerUnit = .hourly([0, 0, 0.25])
        }
        let result = try HandCheckedDispatchTests.solve(network)
        let fleet = try Self.fleet(result)
        #expect(close(fleet.stateOfCharge ?? [], [19, 10, 10]))
        #expect(abs(result.kpis.objective - 100) <= 1e-6)
        #expect(abs(result.kpis.consumptionMWh - 10) <= 1e-6)
    }

    /// A 10 MW site load, prices 10 then 50, the fleet holding its 10 MWh minimum from the start. Feeding back in
    /// hour 1 needs charging in hour 0: 10 MW stores 9 MWh, which returns 8.1 MW. It pays when 50 per MWh saved
    /// exceeds the 10/0.81 = 12.35 of charging plus the wear cost. Wear 5: cost 20·10 + 1.9·50 + 8.1·5 = 335.5.
    /// Wear 40: 12.35 + 40 > 50, no V2G, cost 100 + 500 = 600. Without V2G allowed: 600 whatever the wear.
    @Test(arguments: [(true, 5.0, 8.1, 335.5), (true, 40, 0, 600), (false, 5, 0, 600)])
    func feedsBackOnlyWhenItPays(allowed: Bool, wear: Double, fedBack: Double, cost: Double) throws {
        let network = Self.network(prices: [10, 50], load: 10) { fleet in
            fleet.vehicleToGrid = allowed
            fleet.degradationCost = wear
            fleet.energyInitial = 10
            fleet.minimumPerUnit = .constant(0.25)
        }
        let result = try HandCheckedDispatchTests.solve(network)
        let fleet = try Self.fleet(result)
        #expect(abs((fleet.discharge ?? [])[1] - fedBack) <= 1e-6)
        #expect(abs((fleet.discharge ?? [])[0]) <= 1e-9)
        #expect(abs(result.kpis.objective - cost) <= 1e-6)
        #expect(abs(result.kpis.flexibility.evDischargedMWh - fedBack) <= 1e-6)
    }
}
