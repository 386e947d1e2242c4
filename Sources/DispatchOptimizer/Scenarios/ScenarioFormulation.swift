import GridModel
import LinearProgramming

/// The LP of one window holding every scenario of a ``ScenarioSet`` (docs/uncertainty.md, "Formulation"): one
/// whole ``DispatchFormulation`` per scenario, its rows and columns suffixed `@name`, its objective weighted by the
/// scenario's probability; non-anticipativity rows `same(column)@name` tie the decisions of the shared hours to
/// the first scenario's; with CVaR, the threshold `cvar_threshold` and one excess column and row per scenario.
///
/// Per scenario `s` with probability `π_s` and window cost `C_s` (``DispatchFormulation/addObjectiveSum()``):
///
///     minimise (1 − λ)·Σ_s π_s·C_s + λ·(η + (1/β)·Σ_s π_s·z_s)     z_s − C_s + η ≥ 0, z_s ≥ 0
///     x_s[j] − x_0[j] = 0   for every decision column j of the shared hours
///
/// (λ = 0 and no CVaR columns for ``RiskMeasure/expectation``). Decisions are what an operator sets ahead: storage
/// charge and discharge, store and link power, and the output of generators whose availability is the same in
/// every scenario in that hour. Grid import and export, shedding, curtailed renewables and flows are recourse.
struct ScenarioFormulation {
    /// One formulation per scenario, each with its own 0-based columns and rows.
    let blocks: [DispatchFormulation]
    /// The combined model.
    private(set) var builder = LinearModelBuilder()
    /// Where each block's columns and rows start in the combined model.
    private(set) var offsets: [(columns: Int, rows: Int)] = []
    /// The window-cost column `C_s` of each block (block-local index).
    private(set) var costColumns: [Int] = []
    /// The CVaR threshold `η` and excess columns `z_s` (combined indices), nil without CVaR.
    private(set) var tail: (threshold: Int, excess: [Int])?
    /// The cost weight of each block in the objective: `(1 − λ)·π_s`.
    private(set) var blockWeights: [Double] = []
    /// The CVaR excess row of each block (combined indices), empty without CVaR.
    private(set) var excessRows: [Int] = []
    /// Non-anticipativity rows added.
    private(set) var sharedRowCount = 0
    /// Hours whose decisions are shared.
    private(set) var sharedHours = 0
    let set: ScenarioSet

    /// Builds every scenario's formulation over `window` and composes them.
    /// - Parameter sharedHours: hours from the window's start whose decisions are shared.
    static func build(_ set: ScenarioSet, window: HourWindow, state: DispatchState?, boundary: WindowBoundary?,
                      sharedHours: Int) throws(DispatchError) -> ScenarioFormulation {
        var blocks: [DispatchFormulation] = []
        var costColumns: [Int] = []
        for scenario in set.scenarios {
            var block = try DispatchFormulation.build(network: scenario.network, window: window, state: state, boundary: boundary)
            costColumns.append(block.addObjectiveSum())
            blocks.append(block)
        }
        var composed = ScenarioFormulation(blocks: blocks, costColumns: costColumns, set: set)
        composed.compose()
        composed.sharedHours = min(sharedHours, window.count)
        composed.addNonAnticipativity(hours: composed.sharedHours)
        return composed
    }

    private init(blocks: [DispatchFormulation], costColumns: [Int], set: ScenarioSet) {
        self.blocks = blocks
        self.costColumns = costColumns
        self.set = set
    }

    private mutating func compose() {
        var riskWeight = 0.0, level = 1.0
        if case .conditionalValueAtRisk(let β, let λ) = set.risk { (riskWeight, level) = (λ, β) }
        for (s, block) in blocks.enumerated() {
            let weight = (1 - riskWeight) * set.scenarios[s].probability
            blockWeights.append(weight)
            offsets.append(builder.append(block.builder, nameSuffix: suffix(s), objectiveScale: weight))
        }
        guard case .conditionalValueAtRisk = set.risk else { return }
        let threshold = builder.addColumn(name: "cvar_threshold", lower: -.infinity, upper: .infinity, cost: riskWeight)
        var excess: [Int] = []
        for s in blocks.indices {
            let z = builder.addColumn(name: "cvar_excess" + suffix(s), lower: 0, upper: .infinity,
                                      cost: riskWeight * set.scenarios[s].probability / level)
            excessRows.append(builder.addRow(name: "cvar_excess" + suffix(s), lower: 0, upper: .infinity,
                                             terms: [(z, 1), (offsets[s].columns + costColumns[s], -1), (threshold, 1)]))
            excess.append(z)
        }
        tail = (threshold, excess)
    }

    /// `x_s − x_0 = 0` for every decision column of hours `0..<hours` and every scenario after the first.
    private mutating func addNonAnticipativity(hours: Int) {
        guard blocks.count > 1, hours > 0 else { return }
        let first = blocks[0]
        // A generator is firm when its availability is the same in every scenario over the shared hours.
        let decisions = first.decisionColumns { g in
            let generator = first.network.generators[g]
            return (0..<hours).allSatisfy { h in
                let t = first.window.snapshot(h)
                return blocks.allSatisfy { block in
                    let other = block.network.generators[g]
                    return other.maximumPerUnit.value(at: t) == generator.maximumPerUnit.value(at: t)
                        && other.minimumPerUnit.value(at: t) == generator.minimumPerUnit.value(at: t)
                }
            }
        }
        for columns in decisions {
            for column in columns.prefix(hours) {
                let name = "same(" + first.builder.columnName(column) + ")"
                for s in 1..<blocks.count {
                    builder.addRow(name: name + suffix(s), lower: 0, upper: 0,
                                   terms: [(offsets[s].columns + column, 1), (offsets[0].columns + column, -1)])
                    sharedRowCount += 1
                }
            }
        }
    }

    /// `@name` for scenario `s`.
    func suffix(_ s: Int) -> String { "@" + ComponentName.sanitized(set.scenarios[s].name) }

    /// The frozen LP.
    func model() throws(DispatchError) -> LinearModel {
        do {
            return try builder.build()
        } catch {
            throw DispatchError.invalidModel(error.description)
        }
    }

    /// Block `s`'s part of a solution of the combined model, with duals divided by the block's marginal weight in
    /// the objective (`(1 − λ)·π_s` plus the dual of its CVaR excess row), so they are prices of that scenario.
    func block(_ s: Int, primal: PrimalSolution, dual: DualSolution?) -> (primal: PrimalSolution, dual: DualSolution?) {
        let columns = offsets[s].columns..<(offsets[s].columns + blocks[s].builder.columnCount)
        let rows = offsets[s].rows..<(offsets[s].rows + blocks[s].builder.rowCount)
        let values = Array(primal.columnValues[columns])
        let objective = zip(blocks[s].builder.objectiveCoefficients, values).reduce(blocks[s].builder.objectiveConstant) { $0 + $1.0 * $1.1 }
        let part = PrimalSolution(objective: objective, columnValues: values, rowActivities: Array(primal.rowActivities[rows]))
        guard let dual else { return (part, nil) }
        let weight = blockWeights[s] + (excessRows.isEmpty ? 0 : abs(dual.rowDuals[excessRows[s]]))
        let scale = weight > 1e-12 ? 1 / weight : 0
        return (part, DualSolution(rowDuals: dual.rowDuals[rows].map { $0 * scale },
                                   reducedCosts: dual.reducedCosts[columns].map { $0 * scale }))
    }
}

extension ScenarioFormulation {
    /// The figures of the solved window: every scenario's cost and shed energy, the expectation, CVaR and reserve.
    func outcome(_ primal: PrimalSolution) -> ScenarioOutcome {
        let reference = blocks[set.reference]
        var scenarios: [ScenarioOutcome.Scenario] = []
        for (s, block) in blocks.enumerated() {
            let value = { (column: Int) in primal.columnValues[offsets[s].columns + column] }
            var shed = 0.0
            for columns in block.unserved.compactMap({ $0 }) {
                for (h, column) in columns.enumerated() { shed += block.weight(\.generatorWeights, h) * value(column) }
            }
            scenarios.append(.init(name: set.scenarios[s].name, probability: set.scenarios[s].probability,
                                   cost: value(costColumns[s]), unservedMWh: shed))
        }
        var reserveMW = 0.0, reserveMWh = 0.0
        for h in 0..<reference.window.count {
            let t = reference.window.snapshot(h)
            let firm = { (network: Network) in
                network.loads.filter { $0.shedding == .notAllowed }.reduce(0) { $0 + ($1.fixedDemand?.value(at: t) ?? 0) }
            }
            let excess = max(0, (blocks.map { firm($0.network) }.max() ?? 0) - firm(reference.network))
            reserveMW = max(reserveMW, excess)
            reserveMWh += reference.weight(\.generatorWeights, h) * excess
        }
        var outcome = ScenarioOutcome(
            scenarios: scenarios, reference: set.scenarios[set.reference].name, sharedHours: sharedHours,
            expectedCost: scenarios.reduce(0) { $0 + $1.probability * $1.cost }, reserveMW: reserveMW,
            reserveMWh: reserveMWh, rows: builder.rowCount, columns: builder.columnCount)
        if case .conditionalValueAtRisk(let level, let weight) = set.risk, let tail {
            outcome.cvarLevel = level
            outcome.cvarWeight = weight
            outcome.cvar = primal.columnValues[tail.threshold]
                + zip(set.scenarios, tail.excess).reduce(0) { $0 + $1.0.probability * primal.columnValues[$1.1] } / level
        }
        return outcome
    }
}
