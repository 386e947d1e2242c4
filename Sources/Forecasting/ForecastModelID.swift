/// The forecasting models, by their command-line identifiers.
public enum ForecastModelID: String, Sendable, Codable, CaseIterable, Hashable {
    /// The last observed hour repeated.
    case persistence
    /// The same hour of the previous day.
    case seasonalNaiveDaily = "snaive24"
    /// The same hour of the previous week.
    case seasonalNaiveWeekly = "snaive168"
    /// Taylor's double-seasonal (daily, weekly) Holt-Winters with AR(1) error adjustment.
    case holtWinters = "hw2"
    /// Hong's vanilla multiple linear regression: trend, month, weekday x hour, T..T^3 x hour and x month, fitted
    /// on the `vanillaWindowDays` (3 years) before the origin, as Hong's benchmark.
    case regressionVanilla = "mlr-vanilla"
    /// The vanilla regression plus lagged and daily moving-average temperatures and holidays.
    case regressionRecency = "mlr-recency"
    /// Gradient-boosted regression trees on calendar, temperature and lagged-load features (`BoostedLoadModel`).
    case boostedTrees = "gbt"
    /// A combination of the base models weighted by recent backtest errors.
    case ensemble
    /// For each hour of day, the base model with the lowest recent rolling-origin error at that hour, chosen from
    /// forecasts of earlier origins scored on hours before the origin only.
    case auto

    /// Models that forecast by themselves (all but `ensemble` and `auto`).
    public static let baseModels: [ForecastModelID] = [
        .persistence, .seasonalNaiveDaily, .seasonalNaiveWeekly, .holtWinters, .regressionVanilla, .regressionRecency,
        .boostedTrees,
    ]

    /// Whether the model combines or selects other models' forecasts.
    public var isCombination: Bool { self == .ensemble || self == .auto }

    /// Whether the model needs hourly temperatures (history and forecast horizon). The ensemble and `auto`
    /// use the regressions only when temperatures are given.
    public var needsTemperature: Bool {
        self == .regressionVanilla || self == .regressionRecency || self == .boostedTrees
    }
}
