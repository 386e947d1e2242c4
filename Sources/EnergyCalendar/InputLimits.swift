/// The documented limits every reader and every flag checks a number against before it becomes a size, a count or
/// an index (docs/grid-format.md, "Limits").
///
/// The limits are generous: about ten years of hourly snapshots, values far beyond any real plant. They exist so
/// that a typo (`count = 9223372036854775807`, `min_up_time = 1e20`, a bus number of `1e300`) is an error that
/// names its file and field instead of an allocation failure or a trap.
public enum InputLimits {
    /// The most snapshots (hours) a time axis, a horizon, a window or a forecast may have: ten leap years of
    /// hours, 10 × 366 × 24.
    public static let maximumSnapshots = 87_840

    /// The largest magnitude of a quantity in MW, MWh or currency that is still meaningful to the LP solver
    /// (GLPK works in double precision; beyond this, sums with ordinary values lose all their digits).
    public static let maximumMagnitude = 1e12

    /// The smallest non-zero per-unit reactance of a line or transformer: smaller ones make the susceptance
    /// (1/x) overflow the solver's tolerances.
    public static let minimumReactancePerUnit = 1e-9

    /// The largest identifier number (MATPOWER bus numbers and the like).
    public static let maximumIdentifierNumber = 1 << 40

    /// `value` as an `Int` when it is a whole number in `range`, `nil` otherwise (NaN, infinite, fractional or out
    /// of range): the conversion `Int(value)` would trap on.
    public static func wholeNumber(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard let number = Int(exactly: value), range.contains(number) else { return nil }
        return number
    }

    /// `value` rounded up to a whole number of hours in `0...maximumSnapshots`, `nil` when it is NaN, negative or
    /// larger (a duration such as a minimum up time).
    public static func hours(roundingUp value: Double) -> Int? {
        guard value.isFinite, value >= 0, value <= Double(maximumSnapshots) else { return nil }
        return Int(value.rounded(.up))
    }

    /// Whether `count` is a usable number of snapshots: `1...maximumSnapshots`.
    public static func isSnapshotCount(_ count: Int) -> Bool { (1...maximumSnapshots).contains(count) }
}
