/// The error GridModel throws: every problem found while building or changing a network (never only the first).
public struct GridModelError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The problems, in the order they were found; all have severity `.error`.
    public let issues: [ModelIssue]

    /// Creates the error from its problems.
    public init(issues: [ModelIssue]) { self.issues = issues }

    /// One problem per line.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
