/// One line of a comparison's study chart (docs/cli.md, `re100 compare`): the scenarios of one series in the
/// order of their x values, and the least-squares slope of cost per MWh against x.
public struct StudyCurve: Sendable, Equatable {
    /// One scenario on the line.
    public struct Point: Sendable, Equatable {
        /// The scenario's name.
        public let scenario: String
        /// Its value on the x axis.
        public let x: Double
        /// Its cost per MWh consumed, nil when it has none (a failed scenario: no point on the line).
        public let costPerMWh: Double?

        /// A point of `scenario` at `x`.
        public init(scenario: String, x: Double, costPerMWh: Double?) {
            self.scenario = scenario
            self.x = x
            self.costPerMWh = costPerMWh
        }
    }

    /// The series name (empty for the one unnamed line).
    public let series: String
    /// The scenarios, ascending in x (ties in the order given).
    public let points: [Point]

    /// The points that have a cost, as (x, cost per MWh).
    public var costs: [(x: Double, y: Double)] { points.compactMap { point in point.costPerMWh.map { (point.x, $0) } } }

    /// The least-squares slope of cost per MWh against x, `Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²` over the points with a cost,
    /// in currency/MWh per unit of x; nil when they have fewer than two distinct x values.
    public var slope: Double? {
        let points = costs
        guard !points.isEmpty else { return nil }
        let meanX = points.map(\.x).reduce(0, +) / Double(points.count)
        let meanY = points.map(\.y).reduce(0, +) / Double(points.count)
        let spread = points.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        guard spread > 0 else { return nil }
        return points.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +) / spread
    }

    /// The curves of `points`, one per series in the order the series first appear.
    public static func curves(_ points: [(series: String, point: Point)]) -> [StudyCurve] {
        var order: [String] = []
        var bySeries: [String: [Point]] = [:]
        for (series, point) in points {
            if bySeries[series] == nil { order.append(series) }
            bySeries[series, default: []].append(point)
        }
        return order.map { series in
            let sorted = bySeries[series, default: []].enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }
            return StudyCurve(series: series, points: sorted.map(\.element))
        }
    }
}
