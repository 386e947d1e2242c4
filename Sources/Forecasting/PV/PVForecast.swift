/// A PV capacity-factor forecast with quantiles, one value per forecast hour, all within 0...1.
public struct PVForecast: Sendable, Equatable {
    /// Point forecast: `min(1, k_h GHI_cs / 1000)`.
    public let forecast: [Double]
    /// 10 % quantile.
    public let p10: [Double]
    /// Median.
    public let p50: [Double]
    /// 90 % quantile.
    public let p90: [Double]
}
