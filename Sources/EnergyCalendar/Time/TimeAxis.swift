import Foundation

/// Hourly snapshots of a grid or a forecast, with the weights PyPSA attaches to each snapshot.
public struct TimeAxis: Sendable, Equatable {
    /// The IANA zone wall-clock times of this axis are read in.
    public let timeZone: TimeZone
    /// Strictly increasing instants.
    public let snapshots: [Date]
    /// Hours each snapshot stands for in costs (PyPSA "objective"), one per snapshot.
    public let objectiveWeights: [Double]
    /// Hours each snapshot stands for in storage balances (PyPSA "stores"), one per snapshot.
    public let storeWeights: [Double]
    /// Hours each snapshot stands for in energy statistics (PyPSA "generators"), one per snapshot.
    public let generatorWeights: [Double]

    /// Creates an axis, checking that snapshots strictly increase and every weight array has one finite,
    /// non-negative value per snapshot.
    public init(snapshots: [Date], timeZone: TimeZone, objectiveWeights: [Double], storeWeights: [Double],
                generatorWeights: [Double]) throws(CalendarError) {
        for index in snapshots.indices.dropFirst() where snapshots[index] <= snapshots[index - 1] {
            throw CalendarError(kind: .snapshotsNotIncreasing, field: "snapshots", index: index,
                                expected: "a time after \(snapshots[index - 1])", found: "\(snapshots[index])")
        }
        let weights = [("objectiveWeights", objectiveWeights), ("storeWeights", storeWeights),
                       ("generatorWeights", generatorWeights)]
        for (name, values) in weights {
            guard values.count == snapshots.count else {
                throw CalendarError(kind: .weightCountMismatch, field: name, index: nil, expected: "\(snapshots.count) weights",
                                    found: "\(values.count)")
            }
            if let bad = values.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw CalendarError(kind: .invalidWeight, field: name, index: bad,
                                    expected: "a finite weight >= 0", found: "\(values[bad])")
            }
        }
        self.timeZone = timeZone
        self.snapshots = snapshots
        self.objectiveWeights = objectiveWeights
        self.storeWeights = storeWeights
        self.generatorWeights = generatorWeights
    }

    /// `count` consecutive hours from `start`, every weight 1.
    ///
    /// `count` is clamped to `0...InputLimits.maximumSnapshots`; readers and flags refuse larger counts with
    /// their own located errors before calling this, so the clamp only keeps a missed check from allocating
    /// without bound.
    public static func hourly(start: Date, count: Int, timeZone: TimeZone) -> TimeAxis {
        let count = min(max(0, count), InputLimits.maximumSnapshots)
        let snapshots = (0..<count).map { start.addingTimeInterval(Double($0) * 3600) }
        let ones = [Double](repeating: 1, count: count)
        return TimeAxis(unchecked: snapshots, timeZone: timeZone, weights: ones)
    }

    /// The number of snapshots.
    public var count: Int { snapshots.count }

    private init(unchecked snapshots: [Date], timeZone: TimeZone, weights: [Double]) {
        self.timeZone = timeZone
        self.snapshots = snapshots
        self.objectiveWeights = weights
        self.storeWeights = weights
        self.generatorWeights = weights
    }
}
