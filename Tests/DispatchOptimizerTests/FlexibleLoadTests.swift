import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// A 10 MW load that may move half of its power (±5 MW) against a grid whose hourly import price is given; the
/// optimal served profiles, costs and moved energies are worked out in the comments.
@Suite struct FlexibleLoadTests {
    static func network(prices: [Double], flexibility: LoadFlexibility) -> Network {
        var network = HandCheckedDispatchTests.network(hours: prices.count)
        var load = Load(id: "compute", bus: "a", demand: .constant(10))
        load.flexibility = flexibility
        network.loads = [load]
        var connection = GridConnection(bus: "a", importLimit: 100)
        connection.importPrice = .hourly(prices)
        network.gridConnection = connection
        return network
    }

    static func served(_ result: DispatchResult) throws -> [Double] {
        try #require(result.units.first { $0.unit == "compute" }).power
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 }
    }

    /// Prices 10, 20, 40, 30 (June 1st from midnight UTC). One 4-hour period: 5 MW leave each of the two dear
    /// hours for the two cheap ones, served 15, 15, 5, 5: cost 150 + 300 + 200 + 150 = 800 (fixed: 1000),
    /// 10 MWh moved, worth 1000 − 800 = 200 at the prices. Two 2-hour periods: hour 1 gives 5 MW to hour 0 and
    /// hour 2 to hour 3, served 15, 5, 5, 15: cost 150 + 100 + 200 + 450 = 900; each period keeps its 20 MWh.
    @Test(arguments: [(4.0, [15.0, 15, 5, 5], 800.0), (2.0, [15, 5, 5, 15], 900)])
    func movesEnergyToTheCheapestHoursOfItsPeriod(period: Double, expected: [Double], cost: Double) throws {
        let flexibility = LoadFlexibility(shareUp: 0.5, shareDown: 0.5, periodHours: period)
        let result = try HandCheckedDispatchTests.solve(Self.network(prices: [10, 20, 40, 30], flexibility: flexibility))
        #expect(result.status == .optimal)
        let served = try Self.served(result)
        #expect(close(served, expected))
        #expect(abs(result.kpis.objective - cost) <= 1e-6)
        // Each period serves exactly what it requested (10 MW per hour).
        let length = Int(period)
        for first in stride(from: 0, to: 4, by: length) {
            #expect(abs(served[first..<(first + length)].reduce(0, +) - 10 * period) <= 1e-9)
        }
        #expect(abs(result.kpis.consumptionMWh - 40) <= 1e-6)
        #expect(abs(result.kpis.flexibility.loadShiftedMWh - 10) <= 1e-6)
        #expect(abs(result.kpis.flexibility.loadShiftingValue - (1000 - cost)) <= 1e-6)
        let load = try #require(result.units.first { $0.unit == "compute" })
        #expect(close(load.stateOfCharge ?? [], period == 4 ? [-5, -10, -5, 0] : [-5, 0, 5, 0]))
    }

    /// Falling prices 40, 30, 20, 10: without a delay limit 5 MW leave hours 0 and 1 for hours 2 and 3 (served
    /// 5, 5, 15, 15, cost 800). With a maximum delay of one hour the backlog may only hold what was deferred in
    /// the same hour, at most 5 MWh: jobs deferred from hour 0 run in hour 1, hour 1's in hour 2 and hour 2's
    /// in hour 3 (first in, first out), served 5, 10, 10, 15: cost 200 + 300 + 200 + 150 = 850.
    @Test(arguments: [(nil as Double?, [5.0, 5, 15, 15], 800.0), (1, [5, 10, 10, 15], 850), (2, [5, 5, 15, 15], 800)])
    func respectsTheMaximumDelay(delay: Double?, expected: [Double], cost: Double) throws {
        let flexibility = LoadFlexibility(shareUp: 0.5, shareDown: 0.5, periodHours: 4, maximumDelayHours: delay)
        let result = try HandCheckedDispatchTests.solve(Self.network(prices: [40, 30, 20, 10], flexibility: flexibility))
        #expect(close(try Self.served(result), expected))
        #expect(abs(result.kpis.objective - cost) <= 1e-6)
        let load = try #require(result.units.first { $0.unit == "compute" })
        let backlog = load.stateOfCharge ?? []
        for (h, owed) in backlog.enumerated() {
            // What is owed at the end of an hour was deferred within the last `delay` hours.
            let recent = (max(0, h - Int(delay ?? 4) + 1)...h).reduce(0) { $0 + (load.discharge?[$1] ?? 0) }
            #expect(owed <= recent + 1e-6)
        }
    }

    /// Prices 40, 10, 30, 20 and 15 per MWh moved: moving 5 MWh from hour 0 to hour 1 saves 150 − 75; the next
    /// best move (hour 2 to hour 3, or hour 0 to hour 3) saves at most 50 < 75. Cost 1000 − 150 + 75 = 925.
    @Test func movesOnlyWhatPaysForItsCost() throws {
        let flexibility = LoadFlexibility(shareUp: 0.5, shareDown: 0.5, periodHours: 4, costPerMWh: 15)
        let result = try HandCheckedDispatchTests.solve(Self.network(prices: [40, 10, 30, 20], flexibility: flexibility))
        #expect(close(try Self.served(result), [5, 15, 10, 10]))
        #expect(abs(result.kpis.objective - 925) <= 1e-6)
        #expect(abs(result.kpis.costs.fuel - 75) <= 1e-6)
    }

    /// A ramp limit of 5 MW/h on the moved power: prices 10, 40, 10, 40 would want +5, −5, +5, −5 (swings of
    /// 10 MW); with the limit the best is +2.5, −2.5, +2.5, −2.5, saving 4·2.5·15 = 150 of 1000.
    @Test func limitsTheRampOfMovedPower() throws {
        let flexibility = LoadFlexibility(shareUp: 0.5, shareDown: 0.5, periodHours: 4, rampLimit: 5)
        let result = try HandCheckedDispatchTests.solve(Self.network(prices: [10, 40, 10, 40], flexibility: flexibility))
        #expect(close(try Self.served(result), [12.5, 7.5, 12.5, 7.5]))
        #expect(abs(result.kpis.objective - 850) <= 1e-6)
    }

    /// The hourly CFE score counts served demand: 20 MW of solar in hours 0-1 only, a 10 MW load that may move
    /// all of its power within the 4-hour period (up and down 100 %) and a hard-priced 100 % CFE target. Serving
    /// 20 MW in each solar hour and nothing after matches all 40 MWh: score 1, no import, cost 0 (a fixed load
    /// would import 20 MWh and score 0.5).
    @Test func carbonFreeScoreCountsServedDemand() throws {
        var network = Self.network(prices: [30, 30, 10, 10], flexibility: LoadFlexibility(shareUp: 1, shareDown: 1, periodHours: 4))
        var solar = Generator(id: "pv", bus: "a", carrier: "solar", nominalPower: 20)
        solar.maximumPerUnit = .hourly([1, 1, 0, 0])
        network.generators = [solar]
        network.targets.hourlyCarbonFreeScore = 1
        network.targets.shortfallPrice = 1000
        let result = try HandCheckedDispatchTests.solve(network)
        #expect(close(try Self.served(result), [20, 20, 0, 0]))
        #expect(abs(result.kpis.cfeScore - 1) <= 1e-6)
        #expect(abs(result.kpis.objective) <= 1e-6)
    }
}
