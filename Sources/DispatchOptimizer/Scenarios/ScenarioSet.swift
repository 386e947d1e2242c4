import GridModel

/// One scenario of a scenario dispatch: the network with its uncertain series (forecast loads, PV availability)
/// set to one path, and the path's probability.
public struct DispatchScenario: Sendable {
    /// Short name, used as the suffix of the scenario's rows and columns (`bal(bus,t0003)@p90`) and in outputs.
    public var name: String
    /// Probability, > 0; the probabilities of a set sum to 1.
    public var probability: Double
    /// The network of this scenario: the same components as every other scenario's, only profiles differ.
    public var network: Network

    /// A scenario named `name` with probability `probability`.
    public init(name: String, probability: Double, network: Network) {
        self.name = name
        self.probability = probability
        self.network = network
    }
}

/// What a scenario dispatch minimises (docs/uncertainty.md, "Formulation").
public enum RiskMeasure: Sendable, Equatable {
    /// The expected cost `Σ_s π_s·cost_s`.
    case expectation
    /// `(1 − weight)·E[cost] + weight·CVaR_level[cost]`, where `CVaR_level` is the expected cost of the worst
    /// `level` share of probability (Rockafellar-Uryasev: `η + (1/level)·Σ_s π_s·z_s`, `z_s ≥ cost_s − η`,
    /// `z_s ≥ 0`). `level` in (0, 1]: 1 is the whole distribution (CVaR = expectation), smaller levels look at the
    /// tail only; `weight` in [0, 1).
    case conditionalValueAtRisk(level: Double, weight: Double)
}

/// The scenarios of a scenario dispatch: one LP holds them all, the decisions of the first `sharedHours` hours
/// are the same in every scenario (non-anticipativity), later hours adapt per scenario.
public struct ScenarioSet: Sendable {
    /// The scenarios, at least one.
    public var scenarios: [DispatchScenario]
    /// Index of the scenario whose later hours are reported as the schedule (the committed hours are shared).
    public var reference: Int
    /// Hours from the window's start whose decisions are shared; nil: the hours the dispatch commits
    /// (`DispatchOptions.stateAfterHours`, else every hour of the window).
    public var sharedHours: Int?
    /// The objective.
    public var risk: RiskMeasure

    /// A set of `scenarios` reporting `reference`, minimising `risk`.
    public init(scenarios: [DispatchScenario], reference: Int, sharedHours: Int? = nil, risk: RiskMeasure = .expectation) {
        self.scenarios = scenarios
        self.reference = reference
        self.sharedHours = sharedHours
        self.risk = risk
    }

    /// Every reason the set cannot be dispatched with `network` (the deterministic network the set was made from).
    func problems(comparedWith network: Network) -> [String] {
        var problems: [String] = []
        if scenarios.isEmpty { return ["no scenarios"] }
        if !scenarios.indices.contains(reference) { problems.append("reference scenario \(reference) is not one of the \(scenarios.count)") }
        let total = scenarios.reduce(0) { $0 + $1.probability }
        if scenarios.contains(where: { !($0.probability > 0) }) || abs(total - 1) > 1e-9 {
            problems.append("probabilities must be positive and sum to 1, found " + scenarios.map { "\($0.probability)" }.joined(separator: ", "))
        }
        let names = scenarios.map { ComponentName.sanitized($0.name) }
        if Set(names).count != names.count || names.contains(where: \.isEmpty) {
            problems.append("scenario names must be distinct and not empty, found " + scenarios.map(\.name).joined(separator: ", "))
        }
        for scenario in scenarios {
            let other = scenario.network
            if other.generators.map(\.id) != network.generators.map(\.id) || other.loads.map(\.id) != network.loads.map(\.id)
                || other.storageUnits.map(\.id) != network.storageUnits.map(\.id) || other.stores.map(\.id) != network.stores.map(\.id)
                || other.links.map(\.id) != network.links.map(\.id) || other.buses.map(\.id) != network.buses.map(\.id)
                || other.timeAxis.count != network.timeAxis.count {
                problems.append("scenario \(scenario.name): its network's components or hours differ from the dispatched network's")
            }
        }
        if let sharedHours, sharedHours < 0 { problems.append("shared hours must be ≥ 0, found \(sharedHours)") }
        if case .conditionalValueAtRisk(let level, let weight) = risk {
            if !(level > 0 && level <= 1) { problems.append("CVaR level must be in (0, 1], found \(level)") }
            if !(weight >= 0 && weight < 1) { problems.append("CVaR weight must be in [0, 1), found \(weight)") }
        }
        return problems
    }
}

extension RiskMeasure {
    /// The tail share `β` of CVaR: the level, but at least the smallest scenario probability (below it the CVaR is
    /// the largest scenario cost whatever the level, so this changes nothing but keeps `1/β` finite: a level of
    /// 1e-300 made GLPK's interior point fail on costs of 1e300); 1 for the expectation.
    func tailShare(probabilities: [Double]) -> Double {
        guard case .conditionalValueAtRisk(let level, _) = self else { return 1 }
        return max(level, probabilities.min() ?? level)
    }

    /// The weights `q` with `CVaR = Σ_s q_s·cost_s` at `costs`: the costliest scenario takes its probability into the
    /// tail, then the next, until the tail share `β` is full; each share divided by `β` (ties: the earlier scenario
    /// first). `q` maximises `Σ_s q_s·cost_s` over the CVaR risk envelope `0 ≤ q_s ≤ π_s/β, Σ_s q_s = 1`
    /// (Rockafellar and Uryasev 2002, J. Banking & Finance 26(7):1443-1471); the probabilities for the expectation.
    func tailWeights(costs: [Double], probabilities: [Double]) -> [Double] {
        let share = tailShare(probabilities: probabilities)
        var weights = [Double](repeating: 0, count: costs.count), room = share
        for s in costs.indices.sorted(by: { costs[$0] > costs[$1] || (costs[$0] == costs[$1] && $0 < $1) }) {
            let taken = min(probabilities[s], room)
            weights[s] = taken / share
            room -= taken
        }
        return weights
    }

    /// `CVaR_level` of `costs` (the expectation for ``expectation``).
    func conditionalValueAtRisk(costs: [Double], probabilities: [Double]) -> Double {
        zip(tailWeights(costs: costs, probabilities: probabilities), costs).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

extension ScenarioSet {
    /// Each scenario's net load over `window`, MWh: its loads' fixed demand less its generators' available energy
    /// (`p_nom` times the availability). Orders the scenarios for the first tail-weighted CVaR LP.
    func netLoads(over window: HourWindow) -> [Double] {
        scenarios.map { scenario in
            (0..<window.count).reduce(0) { total, h in
                let t = window.snapshot(h)
                let demand = scenario.network.loads.reduce(0) { $0 + ($1.fixedDemand?.value(at: t) ?? 0) }
                let available = scenario.network.generators.reduce(0) { $0 + $1.nominalPower * $1.maximumPerUnit.value(at: t) }
                return total + demand - available
            }
        }
    }
}
