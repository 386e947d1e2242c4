import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// The KEPCO ratchet worked out by hand: the billing demand of month `m` is the largest of m's own peak, the
/// peaks of the ratchet months (7, 8, 9, 12, 1, 2) among the 11 months before m (12 with m itself), and 30 %
/// of the contract demand.
///
/// One snapshot per month, 2026-07 to 2027-08, each weighted with the hours of its month, so that each month's
/// demand charge is `1000 per MW-month × billing demand` exactly (no energy price). Load in MW by month:
///
///     2026-07 100   -08 60   -09 40   -10 20   -11 20   -12 40
///     2027-01  30   -02 30   -03 20   -04 20   -05 20   -06 20   -07 25   -08 25
///
/// Contract demand 150 MW, floor 30 % = 45 MW. Billing demand:
/// - 2026-07 … 2027-06: 100 (the July 2026 peak; 2027-06 is 11 months after it);
/// - 2027-07: 60 (July 2026 is 12 months back, outside the window; August 2026 is the largest left);
/// - 2027-08: 45 (the contract floor: its look-back 2026-09 … 2027-07 peaks at 40, its own peak is 25).
/// Demand charge 12·100 + 60 + 45 = 1305 MW-months = 1,305,000. Without the ratchet: 100 + 60 + 12·45 = 700,000.
@Suite struct DemandChargeRatchetTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let load: [Double] = [100, 60, 40, 20, 20, 40, 30, 30, 20, 20, 20, 20, 25, 25]
    static let monthKeys: [String] = (0..<14).map { (k: Int) -> String in
        let year: Int = 2026 + (6 + k) / 12
        let month: Int = (6 + k) % 12 + 1
        return String(format: "%04d-%02d", year, month)
    }

    /// Noon on the 15th of each month from 2026-07, weighted with the month's hours.
    static func monthlyAxis() throws -> TimeAxis {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var snapshots: [Date] = [], weights: [Double] = []
        for k in 0..<14 {
            let components = DateComponents(year: 2026 + (6 + k) / 12, month: (6 + k) % 12 + 1, day: 15, hour: 12)
            let date = try #require(calendar.date(from: components))
            snapshots.append(date)
            let days = try #require(calendar.range(of: .day, in: .month, for: date)).count
            weights.append(Double(days * 24))
        }
        return try TimeAxis(snapshots: snapshots, timeZone: utc, objectiveWeights: weights, storeWeights: weights,
                            generatorWeights: weights)
    }

    static func network(ratchetMonths: [Int] = [7, 8, 9, 12, 1, 2]) throws -> Network {
        var network = Network(name: "ratchet", currency: "KRW", timeAxis: try monthlyAxis())
        network.buses = [Bus(id: "a", nominalVoltage: 154)]
        network.carriers = [Carrier(id: "grid", co2Intensity: 0, isRenewable: false)]
        network.loads = [Load(id: "plant", bus: "a", demand: .hourly(load))]
        var connection = GridConnection(bus: "a", importLimit: 200)
        connection.contractDemand = 150
        connection.tariff = Tariff(
            name: "ratchet", currency: "KRW", seasons: [.init(name: "all", months: Array(1...12))], bands: ["peak"],
            schedules: [.init(seasons: ["all"], dayTypes: DayType.allCases, hourBands: Array(repeating: "peak", count: 24))],
            energyPrices: [.init(season: "all", band: "peak", pricePerMWh: 0)],
            demandCharge: .init(pricePerMWMonth: 1000, countedBands: ["peak"], ratchetMonths: ratchetMonths,
                                ratchetWindowMonths: 12, floorShareOfContract: 0.3))
        network.gridConnection = connection
        return network
    }

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// The 14 months in one LP: the look-back months are inside the window (`month_peak` columns).
    @Test func oneLPAcrossTwelveMonths() throws {
        let result = try DispatchOptimizer.dispatch(try Self.network(), options: DispatchOptions(), solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(close(result.kpis.costs.demandCharge, 1_305_000), "\(result.kpis.costs.demandCharge)")
        let withoutRatchet = try DispatchOptimizer.dispatch(try Self.network(ratchetMonths: []), options: DispatchOptions(),
                                                            solver: GLPKSolver())
        #expect(close(withoutRatchet.kpis.costs.demandCharge, 700_000))
    }

    /// Month by month, in windows of several months and with a look-ahead: the look-back peaks come from the
    /// carried state, which each window extends (and from the window's own earlier months); the figures equal
    /// the one-LP year's.
    @Test(arguments: [(1, 1), (2, 2), (3, 2), (5, 5)])
    func rollingWindowsCarryTheMonthlyPeaks(window: Int, step: Int) throws {
        let result = try DispatchOptimizer.dispatch(try Self.network(), options: DispatchOptions(window: window, step: step),
                                                    solver: GLPKSolver())
        #expect(result.status == .optimal)
        #expect(close(result.kpis.costs.demandCharge, 1_305_000), "\(result.kpis.costs.demandCharge)")
        // The last 13 months are kept (the month of the last hour and the 12 before it).
        let peaks = result.finalState.monthlyPeakImportMW
        #expect(Set(peaks.keys) == Set(Self.monthKeys.dropFirst()))
        #expect(close(peaks["2026-08"] ?? 0, 60) && close(peaks["2027-08"] ?? 0, 25))
    }

    /// The last three months from a state that holds the peaks of the eleven before: 100 + 60 + 45 MW-months.
    @Test func carriedPeaksFromAnEarlierRun() throws {
        var state = DispatchState()
        for k in 0..<11 { state.monthlyPeakImportMW[Self.monthKeys[k]] = Self.load[k] }
        let options = DispatchOptions(firstHour: 11, hourCount: 3, initialState: state)
        let result = try DispatchOptimizer.dispatch(try Self.network(), options: options, solver: GLPKSolver())
        #expect(close(result.kpis.costs.demandCharge, 205_000), "\(result.kpis.costs.demandCharge)")
        // An earlier version's state, with only the month-to-date peak of the billing month 2027-02, still ratchets.
        let legacy = DispatchState(billingMonth: "2027-02", monthPeakImportMW: 70)
        let fromLegacy = try DispatchOptimizer.dispatch(
            try Self.network(), options: DispatchOptions(firstHour: 11, hourCount: 3, initialState: legacy), solver: GLPKSolver())
        // 2027-06, -07, -08 all look back on February 2027: 70 each.
        #expect(close(fromLegacy.kpis.costs.demandCharge, 210_000), "\(fromLegacy.kpis.costs.demandCharge)")
    }

    /// A month's billing demand looks back on ratchet months within 12 months, the month itself included.
    @Test func lookBackWindowIncludesTheCurrentMonth() throws {
        let charge = Tariff.DemandCharge(pricePerMWMonth: 1, countedBands: [], ratchetMonths: [7, 1], ratchetWindowMonths: 12)
        let month = { (key: String) in BillingMonth(key: key) }
        let june = try #require(month("2027-06")), july = try #require(month("2027-07"))
        let lastJuly = try #require(month("2026-07")), january = try #require(month("2027-01"))
        #expect(charge.ratchets(lastJuly, into: june))
        #expect(!charge.ratchets(lastJuly, into: july))
        #expect(charge.ratchets(january, into: july))
        #expect(!charge.ratchets(july, into: july))
        #expect(!charge.ratchets(try #require(month("2026-10")), into: june))
        #expect(month("2027-13") == nil && month("27-01") == nil)
    }
}
