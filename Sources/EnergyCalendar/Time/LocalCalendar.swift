import Foundation

/// Converts instants to wall-clock fields and day types in one time zone, fast: the zone's UTC offsets are
/// looked up in a transition table built once per zone, and the date arithmetic is integer-only.
public struct LocalCalendar: Sendable {
    /// The IANA zone wall-clock times are given in.
    public let timeZone: TimeZone
    /// The public holidays that count as Sundays.
    public let holidays: HolidayCalendar
    private let offsets: ZoneOffsets

    /// Creates a calendar for a zone and a holiday table.
    public init(timeZone: TimeZone, holidays: HolidayCalendar) {
        self.timeZone = timeZone
        self.holidays = holidays
        self.offsets = ZoneOffsets.shared(for: timeZone)
    }

    /// Wall-clock fields of an instant (seconds are truncated toward the start of the hour).
    public func localTime(_ date: Date) -> LocalTime {
        let local = localSeconds(date)
        let days = CivilDate.floorDivide(local, 86_400)
        let civil = CivilDate.date(days: days)
        let hour = (local - days * 86_400) / 3600
        return LocalTime(year: civil.year, month: civil.month, day: civil.day, hour: hour,
                         weekday: CivilDate.weekday(days: days))
    }

    /// The day type of an instant's local date: holidays and Sundays are `sundayOrHoliday`.
    public func dayType(_ date: Date) -> DayType {
        let time = localTime(date)
        return dayType(of: time)
    }

    /// The day type of wall-clock fields: holidays and Sundays are `sundayOrHoliday`.
    public func dayType(of time: LocalTime) -> DayType {
        if time.weekday == 1 || holidays.isHoliday(year: time.year, month: time.month, day: time.day) {
            return .sundayOrHoliday
        }
        return time.weekday == 7 ? .saturday : .weekday
    }

    /// Whether the instant's local date is a public holiday of `holidays`.
    public func isHoliday(_ date: Date) -> Bool {
        let time = localTime(date)
        return holidays.isHoliday(year: time.year, month: time.month, day: time.day)
    }

    /// Days since 1970-01-01 of the instant's local date (consecutive integers across DST changes).
    public func localDayNumber(_ date: Date) -> Int {
        CivilDate.floorDivide(localSeconds(date), 86_400)
    }

    /// The instant of 00:00 local time on the given local date (see `TimestampParser` for DST gaps).
    public func startOfDay(year: Int, month: Int, day: Int) -> Date {
        let local = CivilDate.days(year: year, month: month, day: day) * 86_400
        return Date(timeIntervalSince1970: Double(offsets.instant(ofLocal: local)))
    }

    /// The instant of 00:00 local time on the day with the given local day number.
    public func startOfDay(dayNumber: Int) -> Date {
        Date(timeIntervalSince1970: Double(offsets.instant(ofLocal: dayNumber * 86_400)))
    }

    private func localSeconds(_ date: Date) -> Int {
        let utc = Int(date.timeIntervalSince1970.rounded(.down))
        return utc + offsets.offset(atUTC: utc)
    }
}
