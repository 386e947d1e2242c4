import Foundation

/// Settings of a forecast or backtest run, with defaults.
public struct ForecastOptions: Sendable, Equatable {
    /// Hours forecast from each origin.
    public var horizon: Int
    /// Worker threads; results are bit-identical for any value >= 1.
    public var threadCount: Int
    /// Days of past daily origins whose errors give the p10/p50/p90 quantiles.
    public var quantileWindowDays: Int
    /// Days of past daily origins whose errors weight the ensemble and select the `auto` model per hour of day
    /// (rolling-origin validation; default 28, measured on GEFCom2014 2010, docs/forecasting.md).
    public var selectionWindowDays: Int
    /// Days of history before each origin `mlr-vanilla` is fitted on (a sliding window; `nil`: all history).
    /// Default 1095 (3 years), the training window of Hong's benchmark, which reproduces its 5.87 % MAPE on
    /// GEFCom2014 2010; all history (up to 5 years, with one linear trend) scored 6.59 % (docs/forecasting.md).
    public var vanillaWindowDays: Int?
    /// Days of history before each origin `mlr-recency` is fitted on (a sliding window; `nil`: all history).
    /// Default 730 (2 years), measured best on GEFCom2014 2010 (docs/forecasting.md).
    public var recencyWindowDays: Int?
    /// The base models `ensemble` and `auto` choose from (those lacking temperatures are left out).
    public var candidateModels: [ForecastModelID]
    /// Whether the models see, for the hours from each origin on, a temperature forecast (the same-hour mean of
    /// the 7 days before the origin, `TemperatureFallback`) instead of the observed temperatures.
    public var forecastTemperatures: Bool

    /// Creates options; the default thread count is the number of active processors.
    public init(horizon: Int = 24, threadCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                quantileWindowDays: Int = 28, selectionWindowDays: Int = 28,
                vanillaWindowDays: Int? = 1095, recencyWindowDays: Int? = 730,
                candidateModels: [ForecastModelID] = ForecastModelID.baseModels, forecastTemperatures: Bool = false) {
        self.forecastTemperatures = forecastTemperatures
        self.vanillaWindowDays = vanillaWindowDays.map { max(1, $0) }
        self.recencyWindowDays = recencyWindowDays.map { max(1, $0) }
        self.horizon = horizon
        self.threadCount = max(1, threadCount)
        self.quantileWindowDays = quantileWindowDays
        self.selectionWindowDays = selectionWindowDays
        self.candidateModels = candidateModels.filter { !$0.isCombination }
    }
}
