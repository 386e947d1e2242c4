import EnergyCalendar

/// Wall-clock fields of every hour of a series, computed once and shared by all models and origins.
struct CalendarFeatures: Sendable {
    /// Local hour of day 0...23.
    let hour: [Int]
    /// Local day of week 0 = Sunday ... 6 = Saturday.
    let weekday: [Int]
    /// Local month 0...11.
    let month: [Int]
    /// Whether the local date is a public holiday.
    let holiday: [Bool]

    /// Features of `count` hours from `history.start`.
    init(history: ForecastHistory, count: Int) {
        var hour = [Int](repeating: 0, count: count)
        var weekday = hour
        var month = hour
        var holiday = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let date = history.date(ofHour: index)
            let time = history.calendar.localTime(date)
            hour[index] = time.hour
            weekday[index] = time.weekday - 1
            month[index] = time.month - 1
            holiday[index] = history.calendar.holidays.isHoliday(year: time.year, month: time.month, day: time.day)
        }
        self.hour = hour
        self.weekday = weekday
        self.month = month
        self.holiday = holiday
    }
}
