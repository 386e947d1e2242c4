/// Wall-clock fields of an instant in a time zone.
public struct LocalTime: Sendable, Equatable, Hashable {
    /// Calendar year (Gregorian), e.g. 2026.
    public let year: Int
    /// Month 1...12.
    public let month: Int
    /// Day of month 1...31.
    public let day: Int
    /// Hour of day 0...23.
    public let hour: Int
    /// Day of week, 1 = Sunday ... 7 = Saturday (as `Calendar`'s `weekday`).
    public let weekday: Int

    /// Creates wall-clock fields; the values are taken as given.
    public init(year: Int, month: Int, day: Int, hour: Int, weekday: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.weekday = weekday
    }
}
