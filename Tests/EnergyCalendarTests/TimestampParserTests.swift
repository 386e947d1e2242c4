import Foundation
import Testing
@testable import EnergyCalendar

@Suite("Timestamp parser")
struct TimestampParserTests {
    let utc = TimeZone(identifier: "UTC")!
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let newYork = TimeZone(identifier: "America/New_York")!

    /// Seconds since 1970 of a parse, for exact comparisons.
    func seconds(_ text: String, _ zone: TimeZone) -> Double? {
        TimestampParser.parse(text, timeZone: zone)?.timeIntervalSince1970
    }

    @Test("Accepted forms in UTC", arguments: [
        ("2026-01-01T00:00", 1_767_225_600.0), ("2026-01-01 00:00", 1_767_225_600), ("2026-01-01T00:00:00", 1_767_225_600),
        ("2026-01-01T00:00Z", 1_767_225_600), ("2026-01-01T09:00+09:00", 1_767_225_600),
        ("2026-01-01T09:00+0900", 1_767_225_600), ("2025-12-31T19:00-05:00", 1_767_225_600),
        ("2026-01-01", 1_767_225_600), ("  2026-01-01T00:00:30 ", 1_767_225_630),
        ("2024-02-29T23:00", 1_709_247_600),
    ])
    func accepted(text: String, expected: Double) {
        #expect(seconds(text, utc) == expected)
    }

    @Test("Rejected text", arguments: [
        "", "2026-1-01T00:00", "2026-13-01T00:00", "2025-02-29T00:00", "2026-01-01T24:00", "2026-01-01T00:60",
        "2026-01-01T00:00+25:00", "2026-01-01T00:00 junk", "2026/01/01 00:00", "2026-01-01T00", "abcd-01-01",
    ])
    func rejected(text: String) {
        #expect(TimestampParser.parse(text, timeZone: utc) == nil)
    }

    @Test("Wall-clock times without an offset are in the given zone; an explicit offset wins")
    func zones() {
        #expect(seconds("2026-01-01T09:00", seoul) == 1_767_225_600)
        #expect(seconds("2026-01-01T09:00Z", seoul) == 1_767_258_000.0)
        #expect(seconds("2024-07-01T00:00", newYork) == 1_719_806_400)   // EDT, UTC-4
        #expect(seconds("2024-01-01T00:00", newYork) == 1_704_085_200)   // EST, UTC-5
    }

    @Test("DST gap: a missing wall time is read with the offset before the gap (shifted forward)")
    func gap() {
        // 2024-03-10 02:30 does not exist in New York; read as 02:30 EST = 07:30Z = 03:30 EDT.
        #expect(seconds("2024-03-10T02:30", newYork) == seconds("2024-03-10T07:30Z", utc))
        #expect(seconds("2024-03-10T03:00", newYork) == seconds("2024-03-10T07:00Z", utc))
    }

    @Test("DST overlap: a repeated wall time is its first occurrence")
    func overlap() {
        // 2024-11-03 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST); the first is taken.
        #expect(seconds("2024-11-03T01:30", newYork) == seconds("2024-11-03T05:30Z", utc))
        #expect(seconds("2024-11-03T02:00", newYork) == seconds("2024-11-03T07:00Z", utc))
    }
}
