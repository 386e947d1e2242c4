import EnergyCalendar
import Foundation
import Testing

@Suite("TimestampParser: wall times skipped by a clock change")
struct SkippedWallTimeTests {
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt

    @Test func theSkippedHourIsRecognised() {
        #expect(TimestampParser.isSkippedWallTime("2026-03-08T02:30", timeZone: Self.newYork))
        #expect(TimestampParser.isSkippedWallTime("2026-03-08 02:00", timeZone: Self.newYork))
        #expect(!TimestampParser.isSkippedWallTime("2026-03-08T03:30", timeZone: Self.newYork))
        #expect(!TimestampParser.isSkippedWallTime("2026-03-08T02:30-05:00", timeZone: Self.newYork))
        #expect(!TimestampParser.isSkippedWallTime("2026-11-01T01:30", timeZone: Self.newYork))
        #expect(!TimestampParser.isSkippedWallTime("not a time", timeZone: Self.newYork))
    }
}
