import EnergyCalendar
import Foundation
import GridModel
import LinearProgramming
import Testing
@testable import DispatchOptimizer

/// Scenario dispatch (docs/uncertainty.md) on a two-hour network worked out by hand: import at 20 per MWh in hour
/// 0 and 10 in hour 1, at most 10 MW; a lossless 20 MW / 20 MWh battery, empty at the start; no load in hour 0;
/// in hour 1 a load of 5 MW in scenario `low` and 15 MW in `high`, each with probability 1/2. Hour 0 is shared.
@Suite struct ScenarioDispatchTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    static func network(lastHourLoad: Double, shedding: Load.Shedding = .notAllowed, hours: Int = 2) -> Network {
        var network = HandCheckedDispatchTests.network(hours: hours)
        var demand = [Double](repeating: lastHourLoad, count: hours)
        demand[0] = 0
        network.loads = [Load(id: "ai_center", bus: "a", demand: .hourly(demand), shedding: shedding)]
        var connection = GridConnection(bus: "a", importLimit: 10)
        connection.importPrice = .hourly([20] + [Double](repeating: 10, count: hours - 1))
        network.gridConnection = connection
        var battery = StorageUnit(id: "ess")
        battery.bus = "a"
        battery.nominalPower = 20
        battery.maxHours = 1
        network.storageUnits = [battery]
        return network
    }

    static func set(shedding: Load.Shedding = .notAllowed, risk: RiskMeasure = .expectation, sharedHours: Int = 1) -> ScenarioSet {
        ScenarioSet(scenarios: [DispatchScenario(name: "low", probability: 0.5, network: network(lastHourLoad: 5, shedding: shedding)),
                                DispatchScenario(name: "high", probability: 0.5, network: network(lastHourLoad: 15, shedding: shedding))],
                    reference: 0, sharedHours: sharedHours, risk: risk)
    }

    static func dispatch(_ set: ScenarioSet) throws -> DispatchResult {
        var options = DispatchOptions(solver: SolverOptions(method: .dualSimplex))
        options.scenarios = set
        return try DispatchOptimizer.dispatch(set.scenarios[set.reference].network, options: options, solver: GLPKSolver())
    }

    /// The AI center may not be shed, so `high` needs 15 − 10 = 5 MWh from the battery in hour 1: the shared hour 0
    /// charges exactly 5 MW at 20 (more would cost 20 to save 10). Cost: `low` 5·20 = 100 (the 5 MWh serve its 5 MW),
    /// `high` 100 + 10·10 = 200, expected 150. The plan written is `low`'s; its price in hour 0 is 20 (its dual 10
    /// divided by its probability). In hour 1 the price is degenerate: one more MWh of `low`'s load is imported at
    /// 10, one less leaves energy in the battery that is worth nothing at the end, so every price in [0, 10] supports
    /// the optimum (the dual simplex returns 0, the primal simplex 10). Reserve: 15 − 5 = 10 MW for one hour.
    @Test func sharedHourKeepsTheChargeTheExpensiveScenarioNeeds() throws {
        let result = try Self.dispatch(Self.set())
        #expect(result.status == .optimal)
        let ess = try #require(result.units.first { $0.unit == "ess" })
        #expect(close(ess.charge?[0] ?? -1, 5))
        #expect(close(ess.stateOfCharge?[0] ?? -1, 5))
        let outcome = try #require(result.scenarioOutcome)
        #expect(close(outcome.scenarios[0].cost, 100) && close(outcome.scenarios[1].cost, 200))
        #expect(close(outcome.expectedCost, 150))
        #expect(outcome.cvar == nil)
        #expect(close(outcome.reserveMW, 10) && close(outcome.reserveMWh, 10))
        #expect(outcome.sharedHours == 1 && outcome.reference == "low")
        #expect(close(result.kpis.objective, 100))
        #expect(close(result.prices[0].price[0], 20))
        #expect(result.prices[0].price[1] >= -1e-9 && result.prices[0].price[1] <= 10 + 1e-9)
    }

    /// The same scenarios dispatched one at a time: `low` alone charges nothing (cost 50) and `high` alone 5 MW
    /// (cost 200), so the hedge of the shared hour is the scenario LP's doing, not the network's.
    @Test func eachScenarioAloneDecidesDifferently() throws {
        let low = try HandCheckedDispatchTests.solve(Self.network(lastHourLoad: 5), method: .dualSimplex)
        let high = try HandCheckedDispatchTests.solve(Self.network(lastHourLoad: 15), method: .dualSimplex)
        #expect(close(low.kpis.objective, 50) && close(low.units[0].charge?[0] ?? -1, 0))
        #expect(close(high.kpis.objective, 200) && close(high.units[0].charge?[0] ?? -1, 5))
    }

    /// With shedding at 25 per MWh the hedge is a trade-off. Charging c ≤ 5 MWh in hour 0 costs 20·c and saves 10·c
    /// of import in `low` and 25·c of shedding in `high`: `low` 50 + 10·c, `high` 225 − 5·c.
    /// - Level 1 (the whole distribution): CVaR = E = 137.5 + 2.5·c, so c = 0, CVaR = expected = 137.5.
    /// - Level 0.5 with weight 0.5: the tail is `high` alone, objective 0.5·(137.5 + 2.5·c) + 0.5·(225 − 5·c) falls with c,
    ///   so c = 5 (the worst scenario's plan): costs 100 and 200, expected 150, CVaR 200.
    /// - Any level below 0.5 is the same tail.
    @Test func conditionalValueAtRiskLevels() throws {
        let shedding = Load.Shedding.allowed(valueOfLostLoad: 25)
        let whole = try Self.dispatch(Self.set(shedding: shedding, risk: .conditionalValueAtRisk(level: 1, weight: 0.5)))
        let wholeOutcome = try #require(whole.scenarioOutcome)
        #expect(close(whole.units[0].charge?[0] ?? -1, 0))
        #expect(close(wholeOutcome.expectedCost, 137.5))
        #expect(close(wholeOutcome.cvar ?? -1, wholeOutcome.expectedCost))
        let expectation = try Self.dispatch(Self.set(shedding: shedding))
        #expect(close(expectation.scenarioOutcome?.expectedCost ?? -1, 137.5))

        let tail = try Self.dispatch(Self.set(shedding: shedding, risk: .conditionalValueAtRisk(level: 0.5, weight: 0.5)))
        let tailOutcome = try #require(tail.scenarioOutcome)
        #expect(close(tail.units[0].charge?[0] ?? -1, 5))
        #expect(close(tailOutcome.scenarios[0].cost, 100) && close(tailOutcome.scenarios[1].cost, 200))
        #expect(close(tailOutcome.expectedCost, 150))
        #expect(close(tailOutcome.cvar ?? -1, 200))
        #expect(tailOutcome.cvarLevel == 0.5 && tailOutcome.cvarWeight == 0.5)
        // `high` is the worst at the optimum of the tail-weighted LP with `high` in the tail: one LP settles it.
        #expect(tailOutcome.solves == 1 && wholeOutcome.solves == 1)
        // Below the smallest scenario probability the CVaR is the worst cost whatever the level: a level of 1e-300
        // (once 1e300 cost coefficients that made GLPK fail) plans as level 0.5 does.
        let tiny = try Self.dispatch(Self.set(shedding: shedding, risk: .conditionalValueAtRisk(level: 1e-300, weight: 0.5)))
        let tinyOutcome = try #require(tiny.scenarioOutcome)
        #expect(close(tiny.units[0].charge?[0] ?? -1, 5) && close(tinyOutcome.cvar ?? -1, 200))
        #expect(tinyOutcome.cvarLevel == 1e-300)
    }

    /// CVaR whose optimum sits where the two scenario costs tie, so neither tail-weighted LP settles it and the LP
    /// with the CVaR rows decides. `dear`: load 5 MW in hour 1, import at 60 in hour 0, cost `A = 50 + 50·c`;
    /// `short`: load 15 MW shed at 100, cost `B = 600 − 80·c` (both for a charge `c ≤ 5` in the shared hour 0). With
    /// level 0.5 and weight 0.5 the objective is `0.5·(325 − 15·c) + 0.5·max(A, B)`: falling while `B` is the larger,
    /// rising once `A` is (slope 0.5·(−15 + 50)), so `c = 550/130 = 55/13` where `A = B = 3400/13`. The tail-weighted
    /// LPs go to the ends: `short` in the tail charges 5 (then `dear` costs more), `dear` in the tail charges 0.
    @Test func conditionalValueAtRiskAtATie() throws {
        let shedding = Load.Shedding.allowed(valueOfLostLoad: 100)
        var dear = Self.network(lastHourLoad: 5, shedding: shedding)
        dear.gridConnection?.importPrice = .hourly([60, 10])
        let set = ScenarioSet(scenarios: [DispatchScenario(name: "dear", probability: 0.5, network: dear),
                                          DispatchScenario(name: "short", probability: 0.5,
                                                           network: Self.network(lastHourLoad: 15, shedding: shedding))],
                              reference: 0, sharedHours: 1, risk: .conditionalValueAtRisk(level: 0.5, weight: 0.5))
        let result = try Self.dispatch(set)
        let outcome = try #require(result.scenarioOutcome)
        #expect(close(result.units[0].charge?[0] ?? -1, 55.0 / 13))
        #expect(close(outcome.scenarios[0].cost, 3400.0 / 13) && close(outcome.scenarios[1].cost, 3400.0 / 13))
        #expect(close(outcome.cvar ?? -1, 3400.0 / 13))
        #expect(outcome.solves == 3)
    }

    /// The tail weights are the CVaR's: the costliest scenarios fill the tail share, the last one in part.
    @Test func tailWeightsFillTheTail() {
        let risk = RiskMeasure.conditionalValueAtRisk(level: 0.5, weight: 0.3)
        let weights = risk.tailWeights(costs: [3, 9, 5], probabilities: [0.3, 0.4, 0.3])
        #expect(zip(weights, [0, 0.8, 0.2]).allSatisfy { close($0, $1, 1e-12) })
        #expect(close(risk.conditionalValueAtRisk(costs: [3, 9, 5], probabilities: [0.3, 0.4, 0.3]), 0.8 * 9 + 0.2 * 5, 1e-12))
        #expect(RiskMeasure.expectation.tailWeights(costs: [3, 9, 5], probabilities: [0.3, 0.4, 0.3]) == [0.3, 0.4, 0.3])
        // Below the smallest probability the tail is the costliest scenario alone; ties go to the earlier one.
        let tiny = RiskMeasure.conditionalValueAtRisk(level: 1e-300, weight: 0.5)
        #expect(tiny.tailWeights(costs: [7, 7, 1], probabilities: [0.3, 0.4, 0.3]) == [1, 0, 0])
    }

    /// Non-anticipativity over 4 hours with hours 0-1 shared: whatever later-hour load `high` gets, the decisions of
    /// the shared hours are the same in both scenarios' blocks; with nothing shared they differ (so the check can fail).
    @Test(arguments: [0.0, 8, 15, 22, 30])
    func sharedDecisionsAreTheSameInEveryScenario(laterLoad: Double) throws {
        let shedding = Load.Shedding.allowed(valueOfLostLoad: 40)
        var high = Self.network(lastHourLoad: 15, shedding: shedding, hours: 4)
        high.loads[0].demand = .fixed(.hourly([0, 3, laterLoad, laterLoad]))
        let low = Self.network(lastHourLoad: 5, shedding: shedding, hours: 4)
        for shared in [2, 0] {
            let set = ScenarioSet(scenarios: [DispatchScenario(name: "low", probability: 0.5, network: low),
                                              DispatchScenario(name: "high", probability: 0.5, network: high)],
                                  reference: 0, sharedHours: shared)
            let window = HourWindow(axis: low.timeAxis, start: 0, count: 4,
                                    calendar: LocalCalendar(timeZone: low.timeAxis.timeZone, holidays: .none))
            let lp = try ScenarioFormulation.build(set, window: window, state: nil, boundary: nil, sharedHours: shared)
            let solution = try GLPKSolver().solve(lp.model(), options: SolverOptions(method: .dualSimplex))
            let primal = try #require(solution.primal)
            let charge = { (s: Int, h: Int) in primal.columnValues[lp.columns[s][lp.blocks[s].storageCharge[0][h]]] }
            let discharge = { (s: Int, h: Int) in primal.columnValues[lp.columns[s][lp.blocks[s].storageDischarge[0][h]]] }
            let same = (0..<2).allSatisfy { h in close(charge(0, h), charge(1, h)) && close(discharge(0, h), discharge(1, h)) }
            // One column per shared decision (charge and discharge of hours 0-1) and per state of charge they fix,
            // whose row is then stated once: `high` uses `low`'s, named without a suffix; the later hours keep a
            // column per scenario.
            #expect(lp.builder.columnCount == lp.blocks[0].builder.columnCount + lp.blocks[1].builder.columnCount - 3 * shared)
            #expect(lp.builder.rowCount == lp.blocks[0].builder.rowCount + lp.blocks[1].builder.rowCount - shared)
            let chargeColumn = lp.blocks[0].storageCharge[0], energyColumn = lp.blocks[0].storageEnergy[0]
            #expect((0..<4).map { lp.columns[0][chargeColumn[$0]] == lp.columns[1][chargeColumn[$0]] } == (0..<4).map { $0 < shared })
            #expect((0..<4).map { lp.columns[0][energyColumn[$0]] == lp.columns[1][energyColumn[$0]] } == (0..<4).map { $0 < shared })
            if shared == 2 { #expect(lp.builder.columnName(lp.columns[1][chargeColumn[0]]) == "p_ch(ess,t0000)") }
            if shared == 2 { #expect(same) } else if laterLoad >= 15 { #expect(!same) }
        }
    }

    /// What both blocks state alike once the shared decisions are one column is stated once, and the LP stays the same:
    /// with a gas unit ramping at most 5 MW an hour (firm: the same availability in both scenarios), hours 0-1 shared,
    /// the ramp rows between shared outputs (hour 1 to 0) and the state-of-charge rows of hours 0-1 are the first
    /// block's, the states of charge one column. Every block's own rows hold at its values, and the optimum is the one
    /// of the LP built with one column per shared decision only (the blocks appended as they are). Bus `b`, fed by an
    /// uncongested line, has a 1 MW load in both scenarios: its balance stays in each block, so its price is bus `a`'s.
    @Test(arguments: [0.0, 15, 30])
    func rowsBothBlocksStateAreStatedOnce(laterLoad: Double) throws {
        let shedding = Load.Shedding.allowed(valueOfLostLoad: 40)
        var networks = [Self.network(lastHourLoad: 5, shedding: shedding, hours: 4), Self.network(lastHourLoad: 15, shedding: shedding, hours: 4)]
        networks[1].loads[0].demand = .fixed(.hourly([0, 3, laterLoad, laterLoad]))
        for n in networks.indices {
            networks[n].buses.append(Bus(id: "b", nominalVoltage: 1))
            networks[n].lines = [Line(id: "ab", bus0: "a", bus1: "b", reactance: 0.1, nominalApparentPower: 50)]
            networks[n].loads.append(Load(id: "office", bus: "b", demand: .constant(1)))
            var gas = Generator(id: "gas", bus: "a", carrier: "gas", nominalPower: 10, marginalCost: 15)
            gas.rampUpLimit = 0.5
            gas.rampDownLimit = 0.5
            networks[n].generators = [gas]
        }
        let set = ScenarioSet(scenarios: [DispatchScenario(name: "low", probability: 0.5, network: networks[0]),
                                          DispatchScenario(name: "high", probability: 0.5, network: networks[1])],
                              reference: 0, sharedHours: 2)
        let window = HourWindow(axis: networks[0].timeAxis, start: 0, count: 4,
                                calendar: LocalCalendar(timeZone: networks[0].timeAxis.timeZone, holidays: .none))
        let lp = try ScenarioFormulation.build(set, window: window, state: nil, boundary: nil, sharedHours: 2)
        let (first, second) = (lp.blocks[0].builder, lp.blocks[1].builder)
        // Shared: charge, discharge and gas output of hours 0-1 (6), and the 2 states of charge they fix. Stated once:
        // 2 state-of-charge rows and the up and down ramp rows of hour 1 (4).
        #expect(lp.builder.columnCount == first.columnCount + second.columnCount - 8)
        #expect(lp.builder.rowCount == first.rowCount + second.rowCount - 4)
        var reference = LinearModelBuilder()
        let placed = reference.append(first, nameSuffix: "@low", objectiveScale: 0.5)
        let decisions = lp.blocks[0].decisionColumns { _ in true }.flatMap { $0.prefix(2) }
        reference.append(second, nameSuffix: "@high", objectiveScale: 0.5,
                         sharing: Dictionary(uniqueKeysWithValues: decisions.map { ($0, placed.columns[$0]) }))
        let options = SolverOptions(method: .dualSimplex)
        let solution = try GLPKSolver().solve(lp.model(), options: options)
        let expected = try GLPKSolver().solve(reference.build(), options: options)
        let primal = try #require(solution.primal)
        #expect(close(primal.objective, try #require(expected.primal).objective, 1e-9))
        let prices = try #require(lp.block(0, primal: primal, dual: solution.dual).dual).rowDuals
        for h in 0..<4 {
            let (a, b) = try (#require(lp.blocks[0].balanceRow("a", h)), #require(lp.blocks[0].balanceRow("b", h)))
            #expect(close(prices[a], prices[b]))
        }
        for s in 0..<2 {
            let values = lp.values(ofBlock: s, primal), block = lp.blocks[s].builder
            for (i, terms) in block.rowTerms().enumerated() {
                let activity = terms.reduce(0) { $0 + $1.coefficient * values[$1.column] }, bounds = block.rowBounds(i)
                #expect(activity >= bounds.lower - 1e-7 && activity <= bounds.upper + 1e-7)
            }
        }
    }

    /// A plan made for `low` (charge nothing) kept against `high` as it happened, shedding at 25 per MWh: the battery
    /// stays idle, the grid gives its 10 MW and 5 MWh are shed: 10·10 + 5·25 = 225, where deciding freely costs 200
    /// (charge 5 MW at 20, import 10 at 10).
    @Test func fixedDecisionsKeepThePlanAndLeaveTheRecourse() throws {
        let shedding = Load.Shedding.allowed(valueOfLostLoad: 25)
        let plan = try HandCheckedDispatchTests.solve(Self.network(lastHourLoad: 5, shedding: shedding), method: .dualSimplex)
        let actual = Self.network(lastHourLoad: 15, shedding: shedding)
        var options = DispatchOptions(solver: SolverOptions(method: .dualSimplex))
        options.fixedDecisions = FixedDecisions(units: plan.units, hours: 2, recourseGenerators: [])
        let kept = try DispatchOptimizer.dispatch(actual, options: options, solver: GLPKSolver())
        #expect(close(kept.kpis.objective, 225) && close(kept.kpis.unservedMWh, 5))
        #expect(close(kept.units[0].charge?[0] ?? -1, 0) && close(kept.units[0].discharge?[1] ?? -1, 0))
        options.fixedDecisions = FixedDecisions(units: plan.units, hours: 0, recourseGenerators: [])
        #expect(close(try DispatchOptimizer.dispatch(actual, options: options, solver: GLPKSolver()).kpis.objective, 200))
        // Leaving the plan at 3 per MWh: charging 5 and discharging 5 off plan costs 100 + 100 + 2·5·3 = 230 > 225,
        // so the plan is kept; at 1 per MWh it costs 210 < 225, so the battery leaves the plan and nothing is shed.
        // The reported costs leave the deviation price out (200).
        options.fixedDecisions = FixedDecisions(units: plan.units, hours: 2, recourseGenerators: [], deviationPrice: 3)
        let keptAtThree = try DispatchOptimizer.dispatch(actual, options: options, solver: GLPKSolver())
        #expect(close(keptAtThree.kpis.costs.total, 225) && close(keptAtThree.units[0].charge?[0] ?? -1, 0))
        options.fixedDecisions = FixedDecisions(units: plan.units, hours: 2, recourseGenerators: [], deviationPrice: 1)
        let left = try DispatchOptimizer.dispatch(actual, options: options, solver: GLPKSolver())
        #expect(close(left.kpis.costs.total, 200) && close(left.kpis.unservedMWh, 0) && close(left.units[0].charge?[0] ?? -1, 5))
    }

    /// Rows and columns of every scenario carry its suffix, and names stay valid for GLPK and the CPLEX LP format.
    @Test func namesCarryTheScenario() throws {
        let set = Self.set(risk: .conditionalValueAtRisk(level: 0.5, weight: 0.5))
        let network = set.scenarios[0].network
        let window = HourWindow(axis: network.timeAxis, start: 0, count: 2,
                                calendar: LocalCalendar(timeZone: network.timeAxis.timeZone, holidays: .none))
        let model = try ScenarioFormulation.build(set, window: window, state: nil, boundary: nil, sharedHours: 1).model()
        #expect(model.rowNames.contains("bal(a,t0001)@high") && model.rowNames.contains("bal(a,t0001)@low"))
        #expect(model.columnNames.contains("p_ch(ess,t0000)") && !model.columnNames.contains("p_ch(ess,t0000)@high"))
        #expect(model.columnNames.contains("p_ch(ess,t0001)@low") && model.columnNames.contains("p_ch(ess,t0001)@high"))
        #expect(model.rowNames.contains("cvar_excess@low") && model.columnNames.contains("cvar_threshold"))
        #expect(Set(model.rowNames).count == model.rowNames.count && Set(model.columnNames).count == model.columnNames.count)
    }

    /// Probabilities that do not sum to 1, a network with other components and rolling windows are refused.
    @Test func badSetsAreRefused() throws {
        var set = Self.set()
        set.scenarios[1].probability = 0.6
        set.scenarios[1].network.storageUnits = []
        var options = DispatchOptions(window: 1, step: 1)
        options.scenarios = set
        #expect {
            try DispatchOptimizer.dispatch(set.scenarios[0].network, options: options, solver: GLPKSolver())
        } throws: { error in
            guard case DispatchError.invalidScenarios(let problems) = error else { return false }
            return problems.count == 3
        }
    }
}
