import Testing
@testable import EnergyCalendar

/// Spot checks of the generated holiday tables against dates verified in official announcements.
@Suite("Holiday calendars")
struct HolidayCalendarTests {
    @Test("Seollal 2024: Feb 9-11 plus substitute holiday Feb 12",
          arguments: [(2, 9), (2, 10), (2, 11), (2, 12)])
    func seollal2024(month: Int, day: Int) {
        #expect(HolidayCalendar.korea.isHoliday(year: 2024, month: month, day: day))
    }

    @Test("Chuseok 2025: Oct 5-7 plus substitute holiday Oct 8; Hangul Day Oct 9",
          arguments: [(10, 5), (10, 6), (10, 7), (10, 8), (10, 9)])
    func chuseok2025(month: Int, day: Int) {
        #expect(HolidayCalendar.korea.isHoliday(year: 2025, month: month, day: day))
    }

    @Test("Ordinary Korean working days are not holidays")
    func koreanWorkingDays() {
        #expect(!HolidayCalendar.korea.isHoliday(year: 2024, month: 2, day: 8))
        #expect(!HolidayCalendar.korea.isHoliday(year: 2024, month: 2, day: 13))
        #expect(!HolidayCalendar.korea.isHoliday(year: 2025, month: 10, day: 10))
    }

    @Test("Buddha's Birthday (lunar 4/8): 2024-05-15, 2023-05-27 with substitute 2023-05-29")
    func buddhasBirthday() {
        #expect(HolidayCalendar.korea.isHoliday(year: 2024, month: 5, day: 15))
        #expect(HolidayCalendar.korea.isHoliday(year: 2023, month: 5, day: 27))
        #expect(HolidayCalendar.korea.isHoliday(year: 2023, month: 5, day: 29))
    }

    @Test("US federal holidays on observed dates")
    func unitedStates() {
        let us = HolidayCalendar.unitedStates
        #expect(us.isHoliday(year: 2021, month: 7, day: 5))     // Independence Day (observed), July 4 a Sunday
        #expect(us.isHoliday(year: 2022, month: 11, day: 24))   // Thanksgiving, 4th Thursday of November
        #expect(us.isHoliday(year: 2010, month: 9, day: 6))     // Labor Day 2010
        #expect(us.isHoliday(year: 2022, month: 12, day: 26))   // Christmas (observed)
        #expect(!us.isHoliday(year: 2022, month: 11, day: 25))
        #expect(!HolidayCalendar.unitedStates.isHoliday(year: 2024, month: 2, day: 10))
    }

    @Test("Codes select calendars; unknown codes give nil; 'none' has no holidays")
    func codes() {
        #expect(HolidayCalendar(code: "KR") == .korea)
        #expect(HolidayCalendar(code: "us") == .unitedStates)
        #expect(HolidayCalendar(code: "none") == HolidayCalendar.none)
        #expect(HolidayCalendar(code: "FR") == nil)
        #expect(!HolidayCalendar.none.isHoliday(year: 2024, month: 1, day: 1))
    }

    @Test("Every year 2000-2035 has New Year's Day and 10-30 holidays in both tables")
    func coverage() {
        for year in HolidayCalendar.coveredYears {
            for calendar in [HolidayCalendar.korea, .unitedStates] {
                let count = calendar.holidays(inYear: year).count
                #expect(calendar.isHoliday(year: year, month: 1, day: 1))
                #expect((10...30).contains(count), "\(calendar.code) \(year): \(count)")
            }
        }
    }
}
