/// One `key = value` of a component or settings table, as given by a reader or an overlay.
public struct FieldAssignment: Sendable, Equatable, Codable {
    /// The field key (`p_nom`).
    public var key: String
    /// The value.
    public var value: FieldValue

    /// Creates an assignment.
    public init(_ key: String, _ value: FieldValue) {
        self.key = key
        self.value = value
    }
}

/// A change to one field: replace its value or multiply it.
public enum FieldChange: Sendable, Equatable, Codable {
    /// Replace the value.
    case set(FieldValue)
    /// Multiply a number or every value of a series.
    case scale(Double)
}

extension FieldSet {
    /// Applies `change` to the field `key`; returns the problem if the key is unknown or the value unfit.
    public mutating func apply(_ change: FieldChange, to key: String, path: FieldPath) -> ModelIssue? {
        switch change {
        case .set(let value): set(key, to: value, path: path)
        case .scale(let factor): scale(key, by: factor, path: path)
        }
    }

    /// Applies every assignment, then checks that required keys were given; returns all problems.
    public mutating func assign(_ assignments: [FieldAssignment], path: FieldPath) -> [ModelIssue] {
        var issues = assignments.compactMap { set($0.key, to: $0.value, path: path.appending($0.key)) }
        let given = Set(assignments.map(\.key))
        for key in Self.requiredKeys where !given.contains(key) {
            issues.append(
                ModelIssue(.error, path: path.appending(key), message: "missing required field", expected: key, found: "nothing"))
        }
        return issues
    }
}
