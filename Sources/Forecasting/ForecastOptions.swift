import Foundation

/// Settings of a forecast or backtest run, with defaults.
public struct ForecastOptions: Sendable, Equatable {
    /// Hours forecast from each origin.
    public var horizon: Int
    /// Worker threads; results are bit-identical for any value >= 1.
    public var threadCount: Int
    /// Days of past daily origins whose errors give the p10/p50/p90 quantiles.
    public var quantileWindowDays: Int
    /// Days of past daily origins whose errors weight the ensemble and select the `auto` model.
    public var selectionWindowDays: Int
    /// The base models `ensemble` and `auto` choose from (those lacking temperatures are left out).
    public var candidateModels: [ForecastModelID]

    /// Creates options; the default thread count is the number of active processors.
    public init(horizon: Int = 24, threadCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                quantileWindowDays: Int = 28, selectionWindowDays: Int = 14,
                candidateModels: [ForecastModelID] = ForecastModelID.baseModels) {
        self.horizon = horizon
        self.threadCount = max(1, threadCount)
        self.quantileWindowDays = quantileWindowDays
        self.selectionWindowDays = selectionWindowDays
        self.candidateModels = candidateModels.filter { !$0.isCombination }
    }
}
