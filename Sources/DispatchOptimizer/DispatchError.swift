/// A network or request the optimizer cannot dispatch (bad input, not a solver outcome).
public struct DispatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The component or option concerned (e.g. `loads.dc_it`, `--hours`).
    public var field: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates an error.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
