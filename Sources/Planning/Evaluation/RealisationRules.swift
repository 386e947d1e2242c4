import GridModel

/// How a plan is kept against what happened (docs/uncertainty.md, "Evaluation against actuals"): which generators
/// are recourse, what leaving a planned decision costs, and what a load that may not be shed costs when the plan
/// leaves it short.
struct RealisationRules {
    /// Loads that may not be shed (their unserved energy is reported on its own).
    let firm: Set<String>
    /// Generators whose output is recourse (those with forecast availability).
    let recourse: Set<String>
    /// Price per MWh of leaving a planned decision: a tenth of the cheapest value of lost load, more than any energy
    /// price and less than shedding.
    let deviationPrice: Double
    /// Price per MWh of a firm load left unserved in the realisation (default 10 × the highest value of lost load).
    let firmPenalty: Double

    /// The rules for `network` with `recourse` generators.
    init(_ network: Network, recourse: Set<String>, firmPenalty: Double? = nil) {
        let losses = network.loads.compactMap { load -> Double? in
            if case .allowed(let value) = load.shedding { return value } else { return nil }
        }
        firm = Set(network.loads.filter { $0.shedding == .notAllowed }.map(\.id.rawValue))
        self.recourse = recourse
        deviationPrice = (losses.min() ?? 1e7) / 10
        self.firmPenalty = firmPenalty ?? 10 * (losses.max() ?? 1e7)
    }
}
