/// Forecasts and accuracy of a rolling-origin backtest.
public struct BacktestResult: Sendable {
    /// Every forecast, grouped by model (in the order requested), then by origin.
    public let forecasts: [OriginForecast]
    /// Accuracy per model, in the order requested.
    public let metrics: [ModelMetrics]
    /// CPU seconds each worker thread spent on the base forecasts (diagnostics; not part of the results).
    public let workerCPUSeconds: [Double]

    /// One model's accuracy overall and by local hour of day of the target hour.
    public struct ModelMetrics: Sendable, Codable, Equatable {
        /// The model.
        public let model: ForecastModelID
        /// Over all origins and hours.
        public let overall: ForecastMetrics
        /// By local hour of day 0...23 of the target hour.
        public let byHour: [ForecastMetrics]
    }
}
