import GridModel
import LinearProgramming

/// The LP of one window holding every scenario of a ``ScenarioSet`` (docs/uncertainty.md, "Formulation"): one
/// whole ``DispatchFormulation`` per scenario, its rows and columns suffixed `@name`, its objective weighted by the
/// scenario's probability. Non-anticipativity is one column per decision of the shared hours, which every block
/// uses (named without a suffix: `p_ch(ess,t0003)`); with CVaR, the threshold `cvar_threshold` and one excess
/// column and row per scenario on the block's window cost `C_s` (``DispatchFormulation/addObjectiveSum(unit:)``),
/// all in a common unit `u` of currency (``DispatchFormulation/objectiveSumUnit``).
///
/// Per scenario `s` with probability `π_s` and window cost `C_s`:
///
///     minimise (1 − λ)·Σ_s π_s·C_s + λ·u·(η + (1/β)·Σ_s π_s·z_s)     z_s − C_s/u + η ≥ 0, z_s ≥ 0
///     x_s[j] = x[j]   for every decision column j of the shared hours (the same column)
///
/// What the blocks then state alike is stated once (``identicalRows(of:as:balances:sharing:)``): a ramp limit between shared
/// decisions is one row, a state of charge the shared decisions fix is one column. The LP is the same, only smaller.
///
/// (λ = 0 and no `C_s`, CVaR columns or rows for ``RiskMeasure/expectation``). With a fixed tail `q` (``build(_:window:state:boundary:sharedHours:tail:)``)
/// CVaR is `Σ_s q_s·C_s` for the tail weights `q` of a cost ordering, and the LP is the expectation's with block
/// weights `(1 − λ)·π_s + λ·q_s`: no `C_s`, CVaR columns or rows. Decisions are what an operator sets
/// ahead: storage charge and discharge, store and link power, and the output of generators whose availability is
/// the same in every scenario in that hour. Grid import and export, shedding, curtailed renewables and flows are
/// recourse.
struct ScenarioFormulation {
    /// One formulation per scenario, each with its own 0-based columns and rows.
    let blocks: [DispatchFormulation]
    /// The combined model.
    private(set) var builder = LinearModelBuilder()
    /// Where each block's columns are in the combined model: `columns[s][j]` for block `s`'s column `j`. The
    /// decision columns of the shared hours point at the same combined column in every block.
    private(set) var columns: [[Int]] = []
    /// Where each block's rows are in the combined model: `rows[s][i]` for block `s`'s row `i`. A row every block
    /// states alike (a ramp limit between shared decisions) is the first block's.
    private(set) var rows: [[Int]] = []
    /// The window cost `C_s/u` of each block (block-local columns, and a constant), only with CVaR.
    private(set) var costs: [(terms: DispatchFormulation.Expression, constant: Double)] = []
    /// The currency amount `u` of one unit of the CVaR rows and columns (1 without CVaR).
    private(set) var costUnit = 1.0
    /// The cost weight of each block in the objective: `(1 − λ)·π_s`, plus `λ·q_s` with a fixed tail `q`.
    private(set) var blockWeights: [Double] = []
    /// The CVaR excess row of each block (combined indices), empty without CVaR.
    private(set) var excessRows: [Int] = []
    /// Hours whose decisions are shared.
    private(set) var sharedHours = 0
    let set: ScenarioSet

    /// Builds every scenario's formulation over `window` and composes them.
    /// - Parameters:
    ///   - sharedHours: hours from the window's start whose decisions are shared.
    ///   - tail: with CVaR, fixed tail weights `q` (``RiskMeasure/tailWeights(costs:probabilities:)``) that replace
    ///     the CVaR rows; nil builds them.
    static func build(_ set: ScenarioSet, window: HourWindow, state: DispatchState?, boundary: WindowBoundary?,
                      sharedHours: Int, tail: [Double]? = nil) throws(DispatchError) -> ScenarioFormulation {
        var blocks: [DispatchFormulation] = []
        for scenario in set.scenarios {
            blocks.append(try DispatchFormulation.build(network: scenario.network, window: window, state: state, boundary: boundary))
        }
        var costs: [(terms: DispatchFormulation.Expression, constant: Double)] = [], unit = 1.0
        if case .conditionalValueAtRisk = set.risk, tail == nil {
            unit = blocks.map(\.objectiveSumUnit).reduce(1, max)
            for s in blocks.indices { costs.append(blocks[s].addObjectiveSum(unit: unit)) }
        }
        var composed = ScenarioFormulation(blocks: blocks, costs: costs, costUnit: unit, set: set)
        composed.sharedHours = min(sharedHours, window.count)
        try composed.compose(shared: composed.sharedDecisions(), tail: tail)
        if tail == nil { composed.addRisk() }
        return composed
    }

    private init(blocks: [DispatchFormulation], costs: [(terms: DispatchFormulation.Expression, constant: Double)],
                 costUnit: Double, set: ScenarioSet) {
        self.blocks = blocks
        self.costs = costs
        self.costUnit = costUnit
        self.set = set
    }

    /// The decision columns of the shared hours (block-local; every block builds the same columns in the same order).
    private func sharedDecisions() -> [Int] {
        guard blocks.count > 1, sharedHours > 0 else { return [] }
        let first = blocks[0]
        // A generator is firm when its availability is the same in every scenario over the shared hours.
        let decisions = first.decisionColumns { g in
            let generator = first.network.generators[g]
            return (0..<sharedHours).allSatisfy { h in
                let t = first.window.snapshot(h)
                return blocks.allSatisfy { block in
                    let other = block.network.generators[g]
                    return other.maximumPerUnit.value(at: t) == generator.maximumPerUnit.value(at: t)
                        && other.minimumPerUnit.value(at: t) == generator.minimumPerUnit.value(at: t)
                }
            }
        }
        return decisions.flatMap { $0.prefix(sharedHours) }
    }

    /// Appends the blocks, each weighted by `(1 − λ)·π_s` (plus `λ·q_s` with a fixed tail `q`); every block after the
    /// first uses the first block's column for each of `shared`, and for what ``identicalRows(of:as:balances:sharing:)`` proves
    /// equal. Columns of the first block that other blocks use lose their scenario suffix.
    private mutating func compose(shared: [Int], tail: [Double]?) throws(DispatchError) {
        let riskWeight: Double
        if case .conditionalValueAtRisk(_, let λ) = set.risk { riskWeight = λ } else { riskWeight = 0 }
        let first = blocks[0].builder, firstTerms = first.rowTerms()
        let firstBalances = Set(blocks[0].balanceRows.compactMap { $0 }.joined())
        var used = Set<Int>()
        for (s, block) in blocks.enumerated() {
            if let j = shared.first(where: { block.builder.columnName($0) != first.columnName($0) }) {
                throw DispatchError.invalidModel("scenario \(set.scenarios[s].name) has column \(block.builder.columnName(j)) "
                    + "where the first scenario has \(first.columnName(j)); scenario networks must build the same columns")
            }
            let weight = (1 - riskWeight) * set.scenarios[s].probability + riskWeight * (tail?[s] ?? 0)
            blockWeights.append(weight)
            var sharing: [Int: Int] = [:], sharedRows: [Int: Int] = [:]
            if s > 0 {
                for j in shared { sharing[j] = columns[0][j] }
                let balances = firstBalances.union(block.balanceRows.compactMap { $0 }.joined())
                sharedRows = identicalRows(of: block.builder, as: firstTerms, balances: balances, sharing: &sharing)
                used.formUnion(sharing.keys)
            }
            let placed = builder.append(block.builder, nameSuffix: suffix(s), objectiveScale: weight,
                                        sharing: sharing, sharedRows: sharedRows)
            columns.append(placed.columns)
            rows.append(placed.rows)
        }
        for j in used { builder.renameColumn(columns[0][j], to: first.columnName(j)) }
    }

    /// The rows of `block` that the first block's rows already state, by the first block's row (combined index), once
    /// `sharing` maps `block`'s columns onto the first block's: rows with the same bounds and coefficients whose columns
    /// are all shared. An equality row of that kind with one column not yet shared proves that column equal to the first
    /// block's, which `sharing` then gets too (a state of charge in the shared hours follows from the shared charge and
    /// discharge). Repeated until nothing changes, so a whole trajectory is found whatever the row order. Bus balances
    /// (`balances`) stay in every block: their duals are the scenario's prices, where a row stated once has the whole
    /// model's dual. `firstTerms` are the first block's ``LinearModelBuilder/rowTerms()``.
    private func identicalRows(of block: LinearModelBuilder, as firstTerms: [[(column: Int, coefficient: Double)]],
                               balances: Set<Int>, sharing: inout [Int: Int]) -> [Int: Int] {
        let first = blocks[0].builder, terms = block.rowTerms()
        var sharedRows: [Int: Int] = [:], changed = true
        while changed {
            changed = false
            for i in terms.indices where i < firstTerms.count && sharedRows[i] == nil && !balances.contains(i) {
                let bounds = block.rowBounds(i)
                guard bounds == first.rowBounds(i), terms[i].count == firstTerms[i].count,
                      zip(terms[i], firstTerms[i]).allSatisfy({ $0.column == $1.column && $0.coefficient == $1.coefficient })
                else { continue }
                let own = terms[i].filter { sharing[$0.column] == nil }
                if own.count == 1, bounds.lower == bounds.upper {
                    sharing[own[0].column] = columns[0][own[0].column]
                } else if !own.isEmpty {
                    continue
                }
                sharedRows[i] = rows[0][i]
                changed = true
            }
        }
        return sharedRows
    }

    /// With CVaR: the threshold `η`, and per scenario `z_s ≥ C_s/u − η`, `z_s ≥ 0` (in units `u`).
    private mutating func addRisk() {
        guard case .conditionalValueAtRisk(_, let riskWeight) = set.risk else { return }
        let threshold = builder.addColumn(name: "cvar_threshold", lower: -.infinity, upper: .infinity,
                                          cost: riskWeight * costUnit)
        let share = set.risk.tailShare(probabilities: set.scenarios.map(\.probability))
        for s in blocks.indices {
            let z = builder.addColumn(name: "cvar_excess" + suffix(s), lower: 0, upper: .infinity,
                                      cost: riskWeight * costUnit * set.scenarios[s].probability / share)
            let cost = costs[s].terms.map { (columns[s][$0.column], -$0.coefficient) }
            excessRows.append(builder.addRow(name: "cvar_excess" + suffix(s), lower: costs[s].constant, upper: .infinity,
                                             terms: [(z, 1)] + cost + [(threshold, 1)]))
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

    /// Block `s`'s column values in a solution of the combined model (block-local order).
    func values(ofBlock s: Int, _ primal: PrimalSolution) -> [Double] {
        columns[s].map { primal.columnValues[$0] }
    }

    /// Block `s`'s window cost `C_s` at `values` (its objective before weighting: costs, shortfall prices, terminal
    /// values and its constant).
    func cost(ofBlock s: Int, values: [Double]) -> Double {
        zip(blocks[s].builder.objectiveCoefficients, values).reduce(blocks[s].builder.objectiveConstant) { $0 + $1.0 * $1.1 }
    }

    /// Block `s`'s part of a solution of the combined model, with duals divided by the block's marginal weight in
    /// the objective (`(1 − λ)·π_s` plus the dual of its CVaR excess row), so they are prices of that scenario. The
    /// reduced cost of a shared column and the dual of a shared row are the whole model's (every block's costs and
    /// rows), so scaled.
    func block(_ s: Int, primal: PrimalSolution, dual: DualSolution?) -> (primal: PrimalSolution, dual: DualSolution?) {
        let values = self.values(ofBlock: s, primal)
        let part = PrimalSolution(objective: cost(ofBlock: s, values: values), columnValues: values,
                                  rowActivities: rows[s].map { primal.rowActivities[$0] })
        guard let dual else { return (part, nil) }
        let weight = blockWeights[s] + (excessRows.isEmpty ? 0 : abs(dual.rowDuals[excessRows[s]]) / costUnit)
        let scale = weight > 1e-12 ? 1 / weight : 0
        return (part, DualSolution(rowDuals: rows[s].map { dual.rowDuals[$0] * scale },
                                   reducedCosts: columns[s].map { dual.reducedCosts[$0] * scale }))
    }
}

extension ScenarioFormulation {
    /// The figures of the solved window: every scenario's cost and shed energy, the expectation, CVaR and reserve.
    func outcome(_ primal: PrimalSolution) -> ScenarioOutcome {
        let reference = blocks[set.reference]
        var scenarios: [ScenarioOutcome.Scenario] = []
        for (s, block) in blocks.enumerated() {
            let values = self.values(ofBlock: s, primal)
            var shed = 0.0
            for columns in block.unserved.compactMap({ $0 }) {
                for (h, column) in columns.enumerated() { shed += block.weight(\.generatorWeights, h) * values[column] }
            }
            scenarios.append(.init(name: set.scenarios[s].name, probability: set.scenarios[s].probability,
                                   cost: cost(ofBlock: s, values: values), unservedMWh: shed))
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
            reserveMWh: reserveMWh, rows: builder.rowCount, columns: builder.columnCount,
            nonzeros: builder.nonzeroCount)
        if case .conditionalValueAtRisk(let level, let weight) = set.risk {
            outcome.cvarLevel = level
            outcome.cvarWeight = weight
            outcome.cvar = set.risk.conditionalValueAtRisk(costs: scenarios.map(\.cost), probabilities: scenarios.map(\.probability))
        }
        return outcome
    }
}
