import DispatchOptimizer
import GridModel
import Reporting

/// How `dispatch` and `run` treat the uncertainty of their forecasts (`--scenarios`).
public enum ScenarioMode: String, Sendable, CaseIterable {
    /// One LP on the point forecasts.
    case deterministic
    /// Three net-load quantile paths in one LP (``QuantileScenarios``).
    case quantile
}

/// The scenarios of `--scenarios quantile` (docs/uncertainty.md, "Scenarios"): three whole-horizon paths of the
/// forecast quantiles, ordered by net load, with probabilities 0.3 / 0.4 / 0.3 (Swanson's rule for P10/P50/P90:
/// Hurst, Brown and Swanson 2000, "Swanson's 30-40-30 rule", AAPG Bulletin 84(12):1883-1891; it keeps the mean and,
/// for a normal distribution, 98.5 % of the variance: 2 · 0.3 · 1.2816² = 0.985).
///
/// - `p10`: every load at its p10, every forecast generator's availability at its p90 (low net load);
/// - `p50`: every series at its p50 (the reference: its later hours are the reported schedule);
/// - `p90`: loads at p90, availability at p10 (high net load: the reserve that loads which may not be shed need).
///
/// Within a path all hours are at the same quantile (comonotone across hours: a cloudy day stays cloudy), and load
/// and availability move against each other, the pairing that widens net load most.
enum QuantileScenarios {
    /// A forecast quantile.
    enum Quantile: Sendable {
        case p10, p50, p90

        /// This quantile's values in `forecast`.
        func values(_ forecast: UsedForecast) -> [Double] {
            switch self {
            case .p10: forecast.p10
            case .p50: forecast.p50
            case .p90: forecast.p90
            }
        }
    }

    /// Name, probability and the quantile of loads and of availability in each path.
    static let paths: [(name: String, probability: Double, load: Quantile, availability: Quantile)] = [
        ("p10", 0.3, .p10, .p90), ("p50", 0.4, .p50, .p50), ("p90", 0.3, .p90, .p10),
    ]

    /// The scenario set of `network` (its forecast inputs already filled with the point forecasts) from the
    /// `forecasts` that filled them, over `firstHour..<firstHour + hours`.
    /// - Throws: `PlanningError.badInput` when no input is forecast (every path would be the same).
    static func set(of network: Network, forecasts: [UsedForecast], firstHour: Int, sharedHours: Int?,
                    risk: RiskMeasure) throws -> ScenarioSet {
        guard !forecasts.isEmpty else {
            throw PlanningError.badInput("scenario dispatch needs forecast inputs (loads.<name>.forecast_from or "
                + "generators.<name>.p_max_pu_forecast_from); this grid has none")
        }
        let count = network.timeAxis.count
        let scenarios = paths.map { path in
            var scenario = network
            for forecast in forecasts {
                if let k = scenario.loads.firstIndex(where: { "loads." + $0.id.rawValue == forecast.series }) {
                    let values = path.load.values(forecast).map { max(0, $0) }
                    scenario.loads[k].demand = .fixed(.hourly(ForecastFiller.profile(values, firstHour: firstHour, count: count)))
                } else if let k = scenario.generators.firstIndex(where: { "generators." + $0.id.rawValue == forecast.series }) {
                    let values = path.availability.values(forecast).map { min(1, max(0, $0)) }
                    scenario.generators[k].maximumPerUnit = .hourly(ForecastFiller.profile(values, firstHour: firstHour, count: count))
                }
            }
            return DispatchScenario(name: path.name, probability: path.probability, network: scenario)
        }
        return ScenarioSet(scenarios: scenarios, reference: 1, sharedHours: sharedHours, risk: risk)
    }
}
