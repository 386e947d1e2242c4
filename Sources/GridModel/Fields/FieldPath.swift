/// A dotted path to a value in a grid: `generators.pv_roof.p_nom`, `grid_connection.import_limit_mw`,
/// `tariff.energy_prices[3]`. Diagnostics carry it; readers map it back to a file, line and column.
public struct FieldPath: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The path's parts (`["generators", "pv_roof", "p_nom"]`).
    public let components: [String]

    /// Creates a path from its parts.
    public init(_ components: [String]) { self.components = components }

    /// Parses a dotted path (`"generators.pv_roof.p_nom"`); quoted parts are not supported here.
    public init(stringLiteral value: String) { self.init(dotted: value) }

    /// Parses a dotted path (`"generators.pv_roof.p_nom"`).
    public init(dotted: String) { components = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// The path of a component (`generators.pv_roof`).
    public init<Component: NetworkComponent>(_ component: Identifier<Component>) {
        components = [Component.kind.rawValue, component.rawValue]
    }

    /// The path extended by one part.
    public func appending(_ component: String) -> FieldPath { FieldPath(components + [component]) }

    /// The dotted form.
    public var description: String { components.joined(separator: ".") }

    /// Encodes the path as its dotted form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the path from its dotted form.
    public init(from decoder: any Decoder) throws {
        self.init(dotted: try decoder.singleValueContainer().decode(String.self))
    }
}
