/// A forecasting request that cannot be served, with where and what was expected.
public struct ForecastError: Error, CustomStringConvertible, Codable, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Codable, Sendable {
        /// A value is NaN or infinite where a number is needed.
        case invalidValue
        /// An input array has the wrong length.
        case lengthMismatch
        /// The model needs temperatures that are not given.
        case missingTemperature
        /// Too little history before an origin for the model.
        case insufficientHistory
        /// An origin or horizon outside the data.
        case outOfRange
        /// An unknown model identifier.
        case unknownModel
    }

    /// What went wrong.
    public let kind: Kind
    /// The input concerned: `load`, `temperature`, `origin`, `horizon` or a model ID.
    public let input: String
    /// The 0-based hour of the series the problem is at, when there is one.
    public let hour: Int?
    /// What was expected.
    public let expected: String
    /// What was found instead.
    public let found: String

    /// One line for people.
    public var description: String {
        let position = hour.map { " at hour \($0)" } ?? ""
        return "\(input)\(position): expected \(expected), found \(found)"
    }
}
