import Foundation

/// A fast, byte-level reader of ISO-8601 timestamps as found in grid and history CSV files.
///
/// Accepted: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS` (with `T` or a space), each time
/// optionally followed by `Z`, `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`. A time without an offset is wall-clock
/// time in the given IANA zone. Wall times that occur twice (clocks set back) resolve to the first
/// occurrence; wall times that do not exist (clocks set forward) are read with the offset in force before
/// the gap, i.e. shifted forward by the length of the gap (02:30 in a 02:00->03:00 gap is 03:30).
public enum TimestampParser {
    /// The instant of `text`, or `nil` when it is not one of the accepted forms or a field is out of range.
    /// - Parameters:
    ///   - text: the timestamp; leading and trailing spaces are ignored.
    ///   - timeZone: the zone of wall-clock times without an offset.
    public static func parse<S: StringProtocol>(_ text: S, timeZone: TimeZone) -> Date? {
        var copy = String(text)
        return copy.withUTF8 { bytes in parse(bytes: bytes, timeZone: timeZone) }
    }

    /// The instant of a UTF-8 timestamp, or `nil`; see `parse(_:timeZone:)`.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, timeZone: TimeZone) -> Date? {
        guard let seconds = parseSeconds(bytes: bytes, offsets: { ZoneOffsets.shared(for: timeZone) }) else {
            return nil
        }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// Seconds since 1970 (UTC) of a timestamp; `offsets` is only asked for times without an offset.
    /// Whether `text` is a wall-clock time without an offset that does not exist in `timeZone` (the hour skipped
    /// when clocks are set forward), which `parse` reads shifted forward; false for anything else.
    public static func isSkippedWallTime<S: StringProtocol>(_ text: S, timeZone: TimeZone) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { bytes in
            var local: Int?
            guard let instant = parseSeconds(bytes: bytes, offsets: { ZoneOffsets.shared(for: timeZone) }, wallClock: &local),
                  let local
            else { return false }
            return instant + ZoneOffsets.shared(for: timeZone).offset(atUTC: instant) != local
        }
    }

    static func parseSeconds(bytes: UnsafeBufferPointer<UInt8>, offsets: () -> ZoneOffsets) -> Int? {
        var local: Int?
        return parseSeconds(bytes: bytes, offsets: offsets, wallClock: &local)
    }

    /// As `parseSeconds(bytes:offsets:)`; `wallClock` receives the local seconds of a time without an offset.
    static func parseSeconds(bytes: UnsafeBufferPointer<UInt8>, offsets: () -> ZoneOffsets, wallClock: inout Int?) -> Int? {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        var reader = Cursor(bytes: bytes, position: start, end: end)
        guard let year = reader.digits(4), reader.expect(0x2D), let month = reader.digits(2), reader.expect(0x2D),
              let day = reader.digits(2), (1...12).contains(month),
              (1...CivilDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        if !reader.atEnd, reader.peek == 0x54 || reader.peek == 0x20 {
            reader.position += 1
            guard let parsedHour = reader.digits(2), reader.expect(0x3A), let parsedMinute = reader.digits(2),
                  parsedHour < 24, parsedMinute < 60 else { return nil }
            hour = parsedHour
            minute = parsedMinute
            if !reader.atEnd, reader.peek == 0x3A {
                reader.position += 1
                guard let parsedSecond = reader.digits(2), parsedSecond < 60 else { return nil }
                second = parsedSecond
            }
        }
        let local = CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        if reader.atEnd {
            wallClock = local
            return offsets().instant(ofLocal: local)
        }
        let sign = reader.peek
        reader.position += 1
        if sign == 0x5A { return reader.atEnd ? local : nil }
        guard sign == 0x2B || sign == 0x2D, let offsetHours = reader.digits(2), offsetHours <= 18 else { return nil }
        var offsetMinutes = 0
        if !reader.atEnd {
            if reader.peek == 0x3A { reader.position += 1 }
            guard let parsed = reader.digits(2), parsed < 60 else { return nil }
            offsetMinutes = parsed
        }
        guard reader.atEnd else { return nil }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == 0x2D ? -1 : 1)
        return local - offset
    }

    /// A position in a byte buffer with digit helpers.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        let end: Int

        var atEnd: Bool { position >= end }
        var peek: UInt8 { bytes[position] }

        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= end else { return nil }
            var value = 0
            for index in position..<(position + count) {
                let digit = Int(bytes[index]) - 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            position += count
            return value
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard position < end, bytes[position] == byte else { return false }
            position += 1
            return true
        }
    }
}
