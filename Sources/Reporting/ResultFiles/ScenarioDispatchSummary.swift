import DispatchOptimizer

/// `summary.json`'s `scenario_dispatch` object (docs/outputs.md): the figures of a scenario dispatch. Costs are
/// window costs (the LP objective of each scenario's block over every planned hour), not the reported schedule's.
struct ScenarioDispatchSummary: Encodable {
    let outcome: ScenarioOutcome

    private enum Key: String, CodingKey {
        case reference, scenarios, cvar
        case sharedHours = "shared_hours", expectedCost = "expected_cost", cvarLevel = "cvar_level"
        case cvarWeight = "cvar_weight", reserveMW = "reserve_mw", reserveMWh = "reserve_mwh"
        case rows = "lp_rows", columns = "lp_columns"
    }

    private struct Scenario: Encodable {
        let name: String, probability: Double, cost: Double?, unservedMWh: Double?
        enum CodingKeys: String, CodingKey { case name, probability, cost, unservedMWh = "unserved_mwh" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(probability, forKey: .probability)
            try container.encode(cost, forKey: .cost)
            try container.encode(unservedMWh, forKey: .unservedMWh)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        let finite = { (value: Double?) in value.flatMap { $0.isFinite ? $0 : nil } }
        try container.encode(outcome.reference, forKey: .reference)
        try container.encode(outcome.sharedHours, forKey: .sharedHours)
        try container.encode(outcome.scenarios.map {
            Scenario(name: $0.name, probability: $0.probability, cost: finite($0.cost), unservedMWh: finite($0.unservedMWh))
        }, forKey: .scenarios)
        try container.encode(finite(outcome.expectedCost), forKey: .expectedCost)
        try container.encode(finite(outcome.cvar), forKey: .cvar)
        try container.encode(outcome.cvarLevel, forKey: .cvarLevel)
        try container.encode(outcome.cvarWeight, forKey: .cvarWeight)
        try container.encode(finite(outcome.reserveMW), forKey: .reserveMW)
        try container.encode(finite(outcome.reserveMWh), forKey: .reserveMWh)
        try container.encode(outcome.rows, forKey: .rows)
        try container.encode(outcome.columns, forKey: .columns)
    }
}
