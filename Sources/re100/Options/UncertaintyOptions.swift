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

    @OptionGroup var riskOptions: RiskOptions

    func validate() throws {
        if riskOptions.isGiven && scenarios != .quantile {
            throw ValidationError("--cvar-level and --cvar-weight need --scenarios quantile")
        }
    }

    /// The objective of a scenario dispatch.
    var risk: RiskMeasure { riskOptions.risk }
}

extension ScenarioMode: ExpressibleByArgument {}
