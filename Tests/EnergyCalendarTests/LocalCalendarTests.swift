import Foundation
import Testing
@testable import EnergyCalendar

@Suite("Local calendar and time axis")
struct LocalCalendarTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let newYork = TimeZone(identifier: "America/New_York")!

    @Test("Wall-clock fields in Seoul and across New York's DST changes")
    func localTimes() {
        let seoulCalendar = LocalCalendar(timeZone: seoul, holidays: .korea)
        let newYear = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01T00:00Z
        #expect(seoulCalendar.localTime(newYear) == LocalTime(year: 2026, month: 1, day: 1, hour: 9, weekday: 5))
        let york = LocalCalendar(timeZone: newYork, holidays: .unitedStates)
        let beforeSpring = Date(timeIntervalSince1970: 1_710_053_999)   // 2024-03-10T06:59:59Z = 01:59:59 EST
        let afterSpring = Date(timeIntervalSince1970: 1_710_054_000)    // 07:00Z = 03:00 EDT
        #expect(york.localTime(beforeSpring).hour == 1)
        #expect(york.localTime(afterSpring).hour == 3)
        #expect(york.localTime(afterSpring).weekday == 1)
    }

    @Test("Matches Foundation's Calendar hour by hour over two years in New York")
    func matchesFoundation() {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = newYork
        let calendar = LocalCalendar(timeZone: newYork, holidays: .none)
        for hour in stride(from: 0, to: 2 * 8784, by: 7) {
            let date = Date(timeIntervalSince1970: 1_704_067_200 + Double(hour) * 3600)
            let parts = gregorian.dateComponents([.year, .month, .day, .hour, .weekday], from: date)
            let expected = LocalTime(year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!,
                                     weekday: parts.weekday!)
            #expect(calendar.localTime(date) == expected)
        }
    }

    @Test("Day types: weekday, Saturday, Sunday, and holidays as Sundays")
    func dayTypes() {
        let calendar = LocalCalendar(timeZone: seoul, holidays: .korea)
        func day(_ text: String) -> DayType {
            calendar.dayType(TimestampParser.parse(text, timeZone: seoul)!)
        }
        #expect(day("2024-02-08T12:00") == .weekday)          // Thursday
        #expect(day("2024-02-09T12:00") == .sundayOrHoliday)  // Friday, Seollal eve
        #expect(day("2024-02-17T12:00") == .saturday)
        #expect(day("2024-02-18T12:00") == .sundayOrHoliday)
        #expect(calendar.startOfDay(year: 2024, month: 2, day: 9) == TimestampParser.parse("2024-02-09T00:00+09:00", timeZone: seoul))
    }

    @Test("Time axis: hourly constructor and validation errors")
    func timeAxis() throws {
        let start = Date(timeIntervalSince1970: 0)
        let axis = TimeAxis.hourly(start: start, count: 3, timeZone: seoul)
        #expect(axis.count == 3)
        #expect(axis.snapshots[2].timeIntervalSince1970 == 7200)
        #expect(axis.objectiveWeights == [1, 1, 1])
        #expect(throws: CalendarError.self) {
            try TimeAxis(snapshots: [start, start], timeZone: seoul, objectiveWeights: [1, 1], storeWeights: [1, 1],
                         generatorWeights: [1, 1])
        }
        do {
            _ = try TimeAxis(snapshots: axis.snapshots, timeZone: seoul, objectiveWeights: [1, -1, 1],
                             storeWeights: [1, 1, 1], generatorWeights: [1, 1])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidWeight)
            #expect(error.index == 1)
            #expect(error.description == "objectiveWeights[1]: expected a finite weight >= 0, found -1.0")
        }
    }
}
