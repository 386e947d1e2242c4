/// One problem found in a network: by the validator, by an overlay, or by a reader building components.
///
/// Readers attach the file, line and column of `path` through their source map; within GridModel the path and
/// component are the location.
public struct ModelIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whether the problem blocks a run.
    public enum Severity: String, Sendable, Codable {
        /// The network cannot be used.
        case error
        /// Probably a mistake, but the network can be used.
        case warning
    }

    /// Whether the problem blocks a run.
    public let severity: Severity
    /// The field (or component, or table) the problem is about.
    public let path: FieldPath
    /// What is wrong, in a few words.
    public let message: String
    /// What was expected.
    public let expected: String
    /// What was found.
    public let found: String

    /// Creates an issue.
    public init(_ severity: Severity, path: FieldPath, message: String, expected: String, found: String) {
        self.severity = severity
        self.path = path
        self.message = message
        self.expected = expected
        self.found = found
    }

    /// `error at generators.pv.p_nom: negative capacity (expected >= 0, found -5)`.
    public var description: String {
        "\(severity.rawValue) at \(path): \(message) (expected \(expected), found \(found))"
    }
}
