/// One model's forecast from one origin: `horizon` hourly values starting at the origin hour.
public struct OriginForecast: Sendable, Equatable {
    /// The model that made it.
    public let model: ForecastModelID
    /// Hour index (into the history) of the first forecast hour; only load before it was used.
    public let origin: Int
    /// Point forecast (MW), one per hour of the horizon.
    public let forecast: [Double]
    /// 10 % quantile (MW).
    public let p10: [Double]
    /// Median (MW).
    public let p50: [Double]
    /// 90 % quantile (MW).
    public let p90: [Double]

}
