/// The accuracy of every recorded forecast of one series at one horizon hour that has a metered actual
/// (`re100 history`): mean absolute error and mean absolute percentage error.
public struct ForecastAccuracy: Equatable, Encodable {
    /// The series (`loads.factory`).
    public var series: String
    /// Hours from the forecast origin, 1 for the origin's own hour.
    public var horizonHour: Int
    /// Forecast-actual pairs averaged for `mae`.
    public var pairs: Int
    /// Mean |forecast - actual|, in the series' unit (MW for loads).
    public var mae: Double
    /// Mean |forecast - actual| / |actual| in percent over the pairs whose actual is not zero; nil when all are zero.
    public var mapePercent: Double?
    /// Pairs averaged for `mapePercent` (those with a non-zero actual).
    public var mapePairs: Int

    private enum Key: String, CodingKey {
        case series, pairs, mae
        case horizonHour = "horizon_hour", mapePercent = "mape_pct", mapePairs = "mape_pairs"
    }

    /// Every key, `mape_pct` `null` when no actual was non-zero (docs/outputs.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(series, forKey: .series)
        try container.encode(horizonHour, forKey: .horizonHour)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(mae, forKey: .mae)
        try container.encode(mapePercent, forKey: .mapePercent)
        try container.encode(mapePairs, forKey: .mapePairs)
    }
}
