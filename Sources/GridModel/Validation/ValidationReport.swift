/// Everything the validator found: errors (the network cannot be used) and warnings (probably a mistake).
public struct ValidationReport: Sendable, Equatable, Codable {
    /// Problems that make the network unusable, in the order found.
    public var errors: [ModelIssue]
    /// Problems that do not block a run.
    public var warnings: [ModelIssue]

    /// Creates a report.
    public init(errors: [ModelIssue] = [], warnings: [ModelIssue] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// Whether there are no errors (warnings allowed).
    public var isValid: Bool { errors.isEmpty }
}
