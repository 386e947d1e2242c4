import Testing
@testable import Forecasting

/// The same-hour mean that replaces missing forecast temperatures.
@Suite struct TemperatureFallbackTests {
    /// Two known days of `t[h] = h`: hour 48 (hour of day 0) gets mean(24, 0) = 12, hour 49 mean(25, 1) = 13,
    /// hour 72 (the next day, still hour 0) again 12.
    @Test func handChecked() throws {
        let known = (0..<48).map(Double.init)
        let result = try #require(TemperatureFallback.sameHourMean(known, count: 73))
        #expect(result.filled == 25)
        #expect(Array(result.values.prefix(48)) == known)
        #expect(result.values[48] == 12)
        #expect(result.values[49] == 13)
        #expect(result.values[72] == 12)
    }

    /// Only the last 7 days count: with 200 known hours of `t[h] = h`, hour 200 (hour of day 8) is the mean of
    /// hours 176, 152, ..., 32 = 104. A NaN is missing like the end of the data, and values after it are ignored.
    @Test func sevenDayWindowAndNaN() throws {
        var known = (0..<210).map(Double.init)
        known[200] = .nan
        let result = try #require(TemperatureFallback.sameHourMean(known, count: 202))
        #expect(result.filled == 2)
        #expect(result.values[200] == 104)
        #expect(result.values[201] == 105)
    }

    /// Nothing missing: unchanged; fewer than 24 known hours before the first missing one: no fallback.
    @Test func completeOrTooShort() throws {
        let known = (0..<30).map(Double.init)
        #expect(TemperatureFallback.sameHourMean(known, count: 30).map { $0.values } == known)
        #expect(TemperatureFallback.sameHourMean(known, count: 30)?.filled == 0)
        #expect(TemperatureFallback.sameHourMean(Array(known.prefix(23)), count: 30) == nil)
    }
}
