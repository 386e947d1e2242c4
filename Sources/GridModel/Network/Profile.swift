/// A value that is either the same in every snapshot or given per snapshot.
///
/// The one representation of time-varying inputs in re100 (availability, costs, prices, emission factors,
/// demand). An hourly profile holds one value per snapshot of the network's time axis (index 0-based, length
/// `TimeAxis.count`); the validator reports other lengths.
public enum Profile: Sendable, Equatable, Codable {
    /// The same value in every snapshot.
    case constant(Double)
    /// One value per snapshot, aligned with the time axis.
    case hourly([Double])

    /// The value in snapshot `index` (0-based); a constant ignores the index, a series is read at it.
    ///
    /// Precondition: `index` is below the series length (the validator guarantees it for a valid network).
    public func value(at index: Int) -> Double {
        switch self {
        case .constant(let value): value
        case .hourly(let values): values[index]
        }
    }

    /// The number of values held: `nil` for a constant, the series length otherwise.
    public var count: Int? {
        switch self {
        case .constant: nil
        case .hourly(let values): values.count
        }
    }

    /// Every value held (one for a constant).
    public var values: [Double] {
        switch self {
        case .constant(let value): [value]
        case .hourly(let values): values
        }
    }

    /// The smallest value held.
    public var minimum: Double { values.min() ?? .nan }

    /// The largest value held.
    public var maximum: Double { values.max() ?? .nan }

    /// The profile with every value multiplied by `factor`.
    public func scaled(by factor: Double) -> Profile {
        switch self {
        case .constant(let value): .constant(value * factor)
        case .hourly(let values): .hourly(values.map { $0 * factor })
        }
    }

    /// The 0-based index of the first value that is NaN or infinite, if any.
    public var firstNonFiniteIndex: Int? { values.firstIndex { !$0.isFinite } }
}
