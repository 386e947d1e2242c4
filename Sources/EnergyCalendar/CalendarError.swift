/// An invalid time axis or calendar input, with the position and what was expected.
public struct CalendarError: Error, CustomStringConvertible, Codable, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Codable, Sendable {
        /// Snapshots are not strictly increasing at `index`.
        case snapshotsNotIncreasing
        /// A weight array's length differs from the number of snapshots.
        case weightCountMismatch
        /// A weight is negative, NaN or infinite.
        case invalidWeight
        /// The time-zone identifier is not a known IANA zone.
        case unknownTimeZone
        /// The holiday-calendar code is not one of `KR`, `US`, `none`.
        case unknownHolidayCalendar
    }

    /// What went wrong.
    public let kind: Kind
    /// The field concerned (`snapshots`, `objectiveWeights`, a zone name, ...).
    public let field: String
    /// 0-based position in the array concerned, when there is one.
    public let index: Int?
    /// What was expected.
    public let expected: String
    /// What was found instead.
    public let found: String

    /// One line for people: `objectiveWeights[3]: expected a finite weight >= 0, found -1.0`.
    public var description: String {
        let position = index.map { "[\($0)]" } ?? ""
        return "\(field)\(position): expected \(expected), found \(found)"
    }
}
