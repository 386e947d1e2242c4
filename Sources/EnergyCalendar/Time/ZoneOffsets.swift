import Foundation

/// UTC offsets of one time zone as a sorted table of transitions, built once per zone, so that converting
/// an instant to wall-clock time (and back) costs a binary search instead of a Foundation call.
///
/// The table covers 1900-2100; outside it `TimeZone.secondsFromGMT(for:)` is asked directly.
struct ZoneOffsets: Sendable {
    /// Start instants (seconds since 1970, UTC) of each offset period; the first is the table start.
    private let starts: [Int]
    /// UTC offset in seconds of each period, same length as `starts`.
    private let offsets: [Int]
    /// The zone, for instants outside the table.
    let timeZone: TimeZone

    private static let tableStart = -2_208_988_800   // 1900-01-01T00:00Z
    private static let tableEnd = 4_102_444_800      // 2100-01-01T00:00Z

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var starts = [Self.tableStart]
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(Self.tableStart)))]
        var cursor = Date(timeIntervalSince1970: Double(Self.tableStart))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
              next.timeIntervalSince1970 < Double(Self.tableEnd), next > cursor {
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                starts.append(Int(next.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            cursor = next
        }
        self.starts = starts
        self.offsets = offsets
    }

    /// UTC offset in seconds at an instant given as whole seconds since 1970 (UTC).
    func offset(atUTC seconds: Int) -> Int {
        guard seconds >= Self.tableStart, seconds < Self.tableEnd else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
        }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= seconds { low = middle } else { high = middle - 1 }
        }
        return offsets[low]
    }

    /// The instant (seconds since 1970, UTC) of a wall-clock time given as seconds since 1970 "local".
    ///
    /// Overlaps (clocks set back): the earlier instant, i.e. the first occurrence of the wall time.
    /// Gaps (clocks set forward): the wall time is read with the offset in force before the gap, so
    /// 02:30 in a 02:00->03:00 gap becomes 03:30 of the new offset (the same instant as 02:30 before it).
    func instant(ofLocal local: Int) -> Int {
        let before = offset(atUTC: local - 86_400)
        let after = offset(atUTC: local + 86_400)
        if before == after { return local - before }
        let candidates = [local - before, local - after].filter { $0 + offset(atUTC: $0) == local }
        if let earliest = candidates.min() { return earliest }
        return local - before
    }

    /// Shared tables, one per zone identifier, built on first use.
    static func shared(for timeZone: TimeZone) -> ZoneOffsets {
        cache.offsets(for: timeZone)
    }

    private static let cache = ZoneOffsetsCache()
}

/// A lock-protected map from zone identifier to its offset table.
private final class ZoneOffsetsCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [String: ZoneOffsets] = [:]

    func offsets(for timeZone: TimeZone) -> ZoneOffsets {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[timeZone.identifier] { return table }
        let table = ZoneOffsets(timeZone: timeZone)
        tables[timeZone.identifier] = table
        return table
    }
}
