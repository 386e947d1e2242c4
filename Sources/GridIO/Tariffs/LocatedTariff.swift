import GridModel

/// A tariff read from a file, with what is needed to point problems found later back into that file.
public struct LocatedTariff: Sendable {
    /// The tariff in currency/MWh and currency/MW-month.
    public let tariff: Tariff
    /// The parsed file.
    public let source: TOMLSource
    /// Model paths (`energy_prices[3]`, `demand_charge.price`) mapped to the file's key paths.
    let aliases: [String: String]

    /// The location in the tariff file of a model path relative to the tariff (`seasons`, `time_bands[1]`).
    public func location(of modelPath: String) -> SourceLocation? {
        let path = aliases[modelPath] ?? modelPath
        return source.valueLocation(of: path) ?? source.nearestLocation(of: path)
    }
}
