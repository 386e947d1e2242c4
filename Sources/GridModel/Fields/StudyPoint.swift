/// Where `re100 compare` plots a scenario on its study chart: an overlay's `[study]` table (docs/grid-format.md).
/// It changes nothing in the network; it tells the comparison which line the scenario belongs to and where on
/// the x axis (for example the flexible share of a load, in percent).
public struct StudyPoint: Sendable, Equatable {
    /// The value on the x axis, finite.
    public var x: Double
    /// The x axis title with its unit (`flexible compute (%)`), empty when the overlay names none.
    public var xTitle: String
    /// The line the point belongs to (`with V2G`), empty for the one unnamed line.
    public var series: String

    /// A point at `x` on the line `series`.
    public init(x: Double, xTitle: String = "", series: String = "") {
        self.x = x
        self.xTitle = xTitle
        self.series = series
    }
}
