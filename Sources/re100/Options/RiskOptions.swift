import ArgumentParser
import DispatchOptimizer

/// `[--cvar-level B [--cvar-weight W]]`: the objective of a scenario dispatch (docs/uncertainty.md).
struct RiskOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Scenario plans: also weigh the CVaR of the worst share B (0 < B <= 1, 1 = the expected cost) of the scenario costs.",
        valueName: "B"))
    var cvarLevel: Double?

    @Option(help: ArgumentHelp(
        "Weight W of the CVaR in the objective (1 - W)·E + W·CVaR, 0 <= W < 1 (default 0.5; needs --cvar-level).",
        valueName: "W"))
    var cvarWeight: Double?

    /// Whether either flag was given.
    var isGiven: Bool { cvarLevel != nil || cvarWeight != nil }

    func validate() throws {
        if cvarWeight != nil && cvarLevel == nil { throw ValidationError("--cvar-weight needs --cvar-level") }
        if let cvarLevel, !(cvarLevel > 0 && cvarLevel <= 1) {
            throw ValidationError("--cvar-level must be in (0, 1], found \(cvarLevel)")
        }
        if let cvarWeight, !(cvarWeight >= 0 && cvarWeight < 1) {
            throw ValidationError("--cvar-weight must be in [0, 1), found \(cvarWeight)")
        }
    }

    /// The objective of a scenario dispatch.
    var risk: RiskMeasure {
        guard let cvarLevel else { return .expectation }
        return .conditionalValueAtRisk(level: cvarLevel, weight: cvarWeight ?? 0.5)
    }
}
