import Foundation

/// An hourly load and temperature history read from a CSV file, contiguous and strictly increasing.
public struct LoadHistory: Sendable, Equatable {
    /// The file path as given, for diagnostics.
    public let file: String
    /// The instant of every hour (consecutive hours, one per value).
    public let timestamps: [Date]
    /// Hourly load (MW), `nil` when the file was read for temperatures only.
    public let load: [Double]?
    /// Hourly temperature (degrees C), `nil` when the file has no temperature column.
    public let temperature: [Double]?
    /// The name of the load column used.
    public let loadColumn: String?
    /// The name of the temperature column used.
    public let temperatureColumn: String?
    /// Hours inserted or values filled by `--fill linear` (0 without filling).
    public let filledValues: Int

}
