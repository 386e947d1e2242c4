import EnergyCalendar
import Foundation

/// The number, timestamp and CSV-field formats shared by every re100 output file, so the same input always
/// gives the same bytes.
public enum ReportFormat {
    /// A number with at most 6 decimals (MW to the watt), trailing zeros removed, `-0` written as `0`,
    /// `nan`/`inf`/`-inf` for values that are not finite. Example: `12.5`, `-3`, `0.000125`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The optional number of an hour: empty when the unit has no such quantity.
    static func number(_ values: [Double]?, at hour: Int) -> String {
        guard let values, hour < values.count else { return "" }
        return number(values[hour])
    }

    /// ISO-8601 wall-clock time with minutes and the zone's UTC offset at that instant,
    /// e.g. `2026-01-05T00:00+09:00`.
    public static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        let time = LocalCalendar(timeZone: timeZone, holidays: .none).localTime(date)
        let offset = timeZone.secondsFromGMT(for: date)
        let localSeconds = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let minute = (localSeconds % 3600 + 3600) % 3600 / 60
        let sign = offset < 0 ? "-" : "+"
        return String(format: "%04d-%02d-%02dT%02d:%02d%@%02d:%02d", time.year, time.month, time.day, time.hour,
                      minute, sign, abs(offset) / 3600, abs(offset) % 3600 / 60)
    }

    /// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
