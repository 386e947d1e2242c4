/// The kind of day a tariff band or a load profile depends on; public holidays count as Sundays.
public enum DayType: String, Sendable, Codable, CaseIterable {
    /// Monday to Friday that is not a public holiday.
    case weekday
    /// Saturday that is not a public holiday.
    case saturday
    /// Sunday or a public holiday.
    case sundayOrHoliday
}
