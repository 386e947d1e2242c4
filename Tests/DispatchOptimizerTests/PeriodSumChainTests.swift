import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Period targets and the billing peak written as chains of partial sums: the same LP optimum as the
/// direct sums, and no row or column that grows with the horizon.
@Suite struct PeriodSumChainTests {
    static func window(_ network: Network, start: Int = 0, hours: Int) -> HourWindow {
        HourWindow(axis: network.timeAxis, start: start, count: hours,
                   calendar: LocalCalendar(timeZone: network.timeAxis.timeZone,
                                           holidays: HolidayCalendar(code: network.holidays) ?? .none))
    }

    /// The example grid with every period family switched on: RE share, CFE score, a CO2 cap 1 % below the
    /// emissions without it, PPA volume limits, plus the tariff's demand charge.
    static func exampleWithEveryPeriodFamily(hours: Int) throws -> Network {
        var network = try ExampleGridDispatchTests.network("gwangju-bitgreen")
        let free = try solve(network, hours: hours, blockHours: 24).0.co2Tonnes
        network.targets.co2Cap = 0.99 * free
        #expect(!network.powerPurchaseAgreements.isEmpty)
        for k in network.powerPurchaseAgreements.indices {
            network.powerPurchaseAgreements[k].isCurtailable = true
            network.powerPurchaseAgreements[k].minimumVolume = 100
            network.powerPurchaseAgreements[k].maximumVolume = 100_000
        }
        return network
    }

    /// Solves one window's formulation exactly (interior point with crossover) and returns its
    /// objective, KPIs and prices.
    static func solve(_ network: Network, hours: Int, blockHours: Int,
                      voltageLaw: VoltageLawForm = .automatic) throws -> (DispatchKPIs, [BusPrices], LinearModel, Double) {
        let formulation = try DispatchFormulation.build(network: network, window: window(network, hours: hours), state: nil,
                                                        periodSumBlockHours: blockHours, voltageLaw: voltageLaw)
        let model = try formulation.model()
        let solution = try GLPKSolver().solve(model, options: SolverOptions(method: .interiorPointWithCrossover))
        #expect(solution.status == .optimal)
        let primal = try #require(solution.primal)
        let extraction = DispatchExtraction(formulation: formulation, primal: primal, dual: solution.dual, committed: hours)
        let excess = formulation.targetShortfall.co2Excess.map { primal.columnValues[$0] } ?? 0
        return (extraction.totals(units: extraction.units()).kpis, extraction.prices(), model, excess)
    }

    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1) }

    @Test(arguments: [72, 168])
    func chainsGiveTheDirectSumsOptimum(hours: Int) throws {
        let network = try Self.exampleWithEveryPeriodFamily(hours: hours)
        let (chained, chainedPrices, chainedModel, excess) = try Self.solve(network, hours: hours, blockHours: 24)
        let (direct, directPrices, directModel, _) = try Self.solve(network, hours: hours, blockHours: hours)
        #expect(chainedModel.rowCount > directModel.rowCount, "the chain adds its link rows")
        #expect(chainedModel.rowNames.contains("re_share") && chainedModel.rowNames.contains("co2_cap"))
        #expect(chainedModel.columnNames.contains("re_share_sum(complex,t0023)"))
        #expect(chainedModel.columnNames.contains { $0.hasPrefix("running_peak(grid,") })
        #expect(Self.relative(chained.objective, direct.objective) < 1e-9)
        // The peak import outside the tariff's counted hours is not priced, so alternative optima differ in it;
        // the billing demand that is priced must agree (the demand charge below).
        for (a, b) in [(chained.reShare, direct.reShare), (chained.cfeScore, direct.cfeScore),
                       (chained.co2Tonnes, direct.co2Tonnes),
                       (chained.costs.demandCharge, direct.costs.demandCharge), (chained.costs.ppa, direct.costs.ppa)] {
            #expect(Self.relative(a, b) < 1e-9, "\(a) vs \(b)")
        }
        // The cap binds, without shedding or paying for an excess: the chain carries the target.
        #expect(Self.relative(chained.co2Tonnes, try #require(network.targets.co2Cap)) < 1e-9)
        #expect(chained.unservedMWh < 1e-6)
        #expect(excess < 1e-6)
        #expect(chainedPrices.count == directPrices.count)
        for (a, b) in zip(chainedPrices, directPrices) {
            for (x, y) in zip(a.price, b.price) { #expect(abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1), "\(a.bus): \(x) vs \(y)") }
        }
    }

    /// 2-hour blocks over a week: 84 block sums, so group sums of 32, 32 and 20 carry them to the target rows; the
    /// optimum and the KPIs are those of the direct sums.
    @Test func groupSumsGiveTheDirectSumsOptimum() throws {
        let network = try Self.exampleWithEveryPeriodFamily(hours: 168)
        let (tree, _, treeModel, _) = try Self.solve(network, hours: 168, blockHours: 2)
        let (direct, _, _, _) = try Self.solve(network, hours: 168, blockHours: 168)
        #expect(treeModel.columnNames.filter { $0.hasPrefix("co2_cap_level2_sum(") }
                == ["co2_cap_level2_sum(complex,t0063)", "co2_cap_level2_sum(complex,t0127)", "co2_cap_level2_sum(complex,t0167)"])
        #expect(Self.relative(tree.objective, direct.objective) < 1e-9)
        for (a, b) in [(tree.reShare, direct.reShare), (tree.cfeScore, direct.cfeScore), (tree.co2Tonnes, direct.co2Tonnes)] {
            #expect(Self.relative(a, b) < 1e-9, "\(a) vs \(b)")
        }
    }

    /// Seeded random meshed grids with an RE share, a CFE score and a CO2 cap near their free values: chains of
    /// 6-hour blocks give the direct sums' objective and KPIs.
    @Test(arguments: 1...8)
    func randomGridsChainLikeDirectSums(seed: UInt64) throws {
        var network = RandomGridInvariantTests.randomNetwork(seed: seed)
        let hours = network.timeAxis.count
        let free = try Self.solve(network, hours: hours, blockHours: hours).0
        network.targets.annualRenewableShare = min(1, free.reShare + 0.05)
        network.targets.hourlyCarbonFreeScore = min(1, free.cfeScore + 0.02)
        network.targets.co2Cap = 0.95 * free.co2Tonnes
        let (chained, chainedPrices, chainedModel, _) = try Self.solve(network, hours: hours, blockHours: 6)
        let (direct, directPrices, _, _) = try Self.solve(network, hours: hours, blockHours: hours)
        #expect(chainedModel.rowNames.contains("re_share_step(complex,t0005)"))
        #expect(Self.relative(chained.objective, direct.objective) < 1e-9)
        for (a, b) in [(chained.reShare, direct.reShare), (chained.co2Tonnes, direct.co2Tonnes),
                       (chained.unservedMWh, direct.unservedMWh), (chained.consumptionMWh, direct.consumptionMWh)] {
            #expect(Self.relative(a, b) < 1e-9, "seed \(seed): \(a) vs \(b)")
        }
        for (a, b) in zip(chainedPrices, directPrices) {
            for (x, y) in zip(a.price, b.price) { #expect(abs(x - y) <= 1e-6 * max(abs(x), abs(y), 1), "\(a.bus): \(x) vs \(y)") }
        }
    }

    @Test func noRowOrColumnOfTheExampleYearGrowsWithTheHorizon() throws {
        let network = try ExampleGridDispatchTests.network("gwangju-bitgreen")
        let model = try DispatchFormulation.build(network: network, window: Self.window(network, hours: network.timeAxis.count),
                                                  state: nil).model()
        #expect(model.rowCount > 90_000, "the whole year: \(model.rowCount) rows")
        let longestColumn = (0..<model.columnCount).map { model.columnStart[$0 + 1] - model.columnStart[$0] }.max() ?? 0
        var rowLengths = [Int](repeating: 0, count: model.rowCount)
        for row in model.rowIndex { rowLengths[Int(row)] += 1 }
        #expect(longestColumn <= 1_000, "longest column: \(longestColumn) nonzeros")
        // A tree: 365 day sums, 12 group sums of up to 32 days, the target row on the group sums.
        let sums = model.columnNames.indices.filter { model.columnNames[$0].hasPrefix("re_share_sum(") }
        let groups = model.columnNames.indices.filter { model.columnNames[$0].hasPrefix("re_share_level2_sum(") }
        #expect(sums.count == 365 && groups.count == 12)
        #expect(!model.columnNames.contains { $0.hasPrefix("re_share_level3_") })
        let target = try #require(model.rowNames.firstIndex(of: "re_share"))
        #expect(rowLengths[target] <= 12 + 3, "target row: \(rowLengths[target]) nonzeros")
        // No partial sum is free (GLPK's interior point would split it in two).
        for j in sums + groups { #expect(model.columnLower[j].isFinite || model.columnUpper[j].isFinite, "\(model.columnNames[j])") }
        #expect((rowLengths.max() ?? 0) <= 1_000, "longest row: \(rowLengths.max() ?? 0) nonzeros")
    }
}
