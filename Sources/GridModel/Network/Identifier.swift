/// A typed component name: `Identifier<Bus>` cannot be passed where an `Identifier<Carrier>` is expected.
///
/// Every component type exposes it as `ID` (`Bus.ID`, `Generator.ID`, ...). The raw value is the name used in
/// grid files, overlays, diagnostics and output files.
public struct Identifier<Component>: Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The name as written in the grid file.
    public let rawValue: String

    /// Creates an identifier from its name.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The name.
    public var description: String { rawValue }

    /// Orders identifiers by name (byte order), which keeps outputs deterministic.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the identifier from a plain string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the identifier as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
