/// What a forecast falls back to when the temperatures of the forecast hours are missing (the usual case in
/// operations, where the history file ends at the last metered hour): each missing hour gets the mean
/// temperature of the same hour of day over the last `days` days before the first missing hour.
public enum TemperatureFallback {
    /// Days of known temperatures the same-hour mean is taken over.
    public static let days = 7

    /// The temperatures of hours `0..<count`: known values as given, every hour from the first missing one
    /// (NaN or beyond the end of `temperatures`) on replaced by the same-hour mean of the `days` days before it.
    /// - Parameters:
    ///   - temperatures: hourly temperatures (degrees C) from hour 0; NaN where unknown.
    ///   - count: hours needed (history and forecast horizon).
    /// - Returns: the completed temperatures and how many hours were filled, or `nil` when fewer than 24 known
    ///   hours precede the first missing one (no day to take a same-hour value from).
    public static func sameHourMean(_ temperatures: [Double], count: Int) -> (values: [Double], filled: Int)? {
        let firstMissing = (0..<count).first { $0 >= temperatures.count || !temperatures[$0].isFinite } ?? count
        guard firstMissing < count else { return (Array(temperatures.prefix(count)), 0) }
        guard firstMissing >= 24 else { return nil }
        var values = Array(temperatures.prefix(firstMissing))
        let earliest = max(0, firstMissing - days * 24)
        for hour in firstMissing..<count {
            // The same hour of day, whole days back, inside the window of known hours.
            var sum = 0.0
            var samples = 0
            var earlier = hour - 24 * ((hour - firstMissing) / 24 + 1)
            while earlier >= earliest {
                sum += temperatures[earlier]
                samples += 1
                earlier -= 24
            }
            values.append(sum / Double(samples))
        }
        return (values, count - firstMissing)
    }
}
