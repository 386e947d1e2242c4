import EnergyCalendar
import Foundation
import Reporting

/// The hours a dispatch plans: `hourCount` consecutive snapshots of a grid's time axis from `firstHour`
/// (0-based), resolved and checked against the axis once; everything after (forecast filling, the optimizer's
/// windows, the report's tariff bands) takes this value as it is.
public struct Horizon: Sendable, Equatable {
    /// The first planned snapshot, 0-based.
    public let firstHour: Int
    /// The number of planned snapshots, at least 1.
    public let hourCount: Int

    /// `hourCount` hours from snapshot `firstHour` of an axis with `snapshotCount` snapshots.
    /// - Throws: `PlanningError.horizonBeyondSnapshots` when they do not all lie on the axis (or none is asked for).
    public init(firstHour: Int, hourCount: Int, snapshotCount: Int) throws(PlanningError) {
        guard firstHour >= 0, firstHour < snapshotCount, hourCount > 0, firstHour + hourCount <= snapshotCount else {
            throw .horizonBeyondSnapshots(first: firstHour, count: hourCount, total: snapshotCount)
        }
        self.firstHour = firstHour
        self.hourCount = hourCount
    }

    /// The horizon from the snapshot at `start` (ISO-8601, offset optional, read in the axis' zone; default the
    /// first snapshot) for `hours` hours (default: every snapshot from there on).
    /// - Throws: `PlanningError.startNotATimestamp`, `.startSkippedByClockChange`, `.startNotASnapshot` or
    ///   `.horizonBeyondSnapshots`.
    public init(start: String?, hours: Int?, in axis: TimeAxis) throws(PlanningError) {
        var first = 0
        if let start {
            guard let date = TimestampParser.parse(start, timeZone: axis.timeZone) else { throw .startNotATimestamp(start) }
            if TimestampParser.isSkippedWallTime(start, timeZone: axis.timeZone) {
                throw .startSkippedByClockChange(start: start, timeZone: axis.timeZone.identifier)
            }
            guard let index = axis.snapshots.firstIndex(of: date) else {
                let range = [axis.snapshots.first, axis.snapshots.last].compactMap { $0 }
                    .map { ReportFormat.timestamp($0, timeZone: axis.timeZone) }.joined(separator: " .. ")
                throw .startNotASnapshot(start: start, snapshots: range)
            }
            first = index
        }
        try self.init(firstHour: first, hourCount: hours ?? (axis.count - first), snapshotCount: axis.count)
    }

    /// The planned snapshots' indices.
    public var hours: Range<Int> { firstHour..<(firstHour + hourCount) }
}
