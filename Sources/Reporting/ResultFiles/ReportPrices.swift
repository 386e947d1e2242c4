/// `prices.csv` read back for the report: the LMP of each bus per hour, buses in file order.
public struct ReportPrices: Sendable {
    /// One row of `prices.csv`.
    public struct Row: Sendable, Equatable {
        /// Start of the hour as written.
        public var timestamp: String
        /// The bus.
        public var bus: String
        /// Locational marginal price, currency/MWh.
        public var lmpPerMWh: Double

        /// A row of `prices.csv`.
        public init(timestamp: String, bus: String, lmpPerMWh: Double) {
            self.timestamp = timestamp
            self.bus = bus
            self.lmpPerMWh = lmpPerMWh
        }
    }

    /// The buses in order of first appearance.
    public let buses: [String]
    /// `prices[bus][hour]` for the hours of the schedule passed to `init` (NaN where a price is missing).
    public let prices: [[Double]]

    /// Arranges `rows` as bus × hour over `hours` (rows of other hours are ignored).
    public init(rows: [Row], hours: [String]) {
        var busOrder = FirstAppearanceOrder()
        var hourOrder = FirstAppearanceOrder()
        for hour in hours { _ = hourOrder.slot(of: hour) }
        var prices: [[Double]] = []
        for row in rows {
            guard let hour = hourOrder.index(of: row.timestamp) else { continue }
            let bus = busOrder.slot(of: row.bus)
            if bus.isNew { prices.append(Array(repeating: .nan, count: hours.count)) }
            prices[bus.index][hour] = row.lmpPerMWh
        }
        self.buses = busOrder.names
        self.prices = prices
    }
}
