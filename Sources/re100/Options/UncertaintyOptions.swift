import ArgumentParser
import DispatchOptimizer
import Planning

/// `[--scenarios deterministic|quantile] [--cvar-level B [--cvar-weight W]]`: how `dispatch` and `run` plan for the
/// forecasts' uncertainty (docs/uncertainty.md).
struct UncertaintyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "deterministic: plan on the point forecasts; quantile: the p10/p50/p90 net-load paths as three scenarios in one LP, the first 24 hours' decisions shared (docs/uncertainty.md).",
        valueName: "deterministic|quantile"))
    var scenarios: ScenarioMode = .deterministic

    @Option(help: ArgumentHelp(
        "With --scenarios quantile: also weigh the CVaR of the worst share B (0 < B <= 1, 1 = the expected cost) of the scenario costs.",
        valueName: "B"))
    var cvarLevel: Double?

    @Option(help: ArgumentHelp(
        "Weight W of the CVaR in the objective (1 - W)·E + W·CVaR, 0 <= W < 1 (default 0.5; needs --cvar-level).",
        valueName: "W"))
    var cvarWeight: Double?

    func validate() throws {
        if (cvarLevel != nil || cvarWeight != nil) && scenarios != .quantile {
            throw ValidationError("--cvar-level and --cvar-weight need --scenarios quantile")
        }
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

extension ScenarioMode: ExpressibleByArgument {}
