import DispatchOptimizer
import Foundation

/// The output folder of scheduled runs: `runs/<run-id>/` per run, the symlink `current` pointing at
/// the last good one, and `state.json` carried from run to run.
public struct RunDirectory {
    /// The output folder (`--out`).
    public let path: String

    var runsPath: String { path + "/runs" }
    var currentPath: String { path + "/current" }

    /// The state of the previous run at `statePath`, or nil when there is none yet.
    /// - Throws: `PlanningError.badInput` for a state file that is not a valid state (`StateFile`).
    public static func readState(_ statePath: String) throws -> DispatchState? {
        try StateFile.read(statePath)
    }

    /// A new, unused run id from the run's clock time (`20260105T0000`, then `-2`, `-3`, ...).
    public func newRunID(_ stamp: String) -> String {
        var id = stamp, suffix = 1
        while FileManager.default.fileExists(atPath: runsPath + "/" + id) {
            suffix += 1
            id = "\(stamp)-\(suffix)"
        }
        return id
    }

    /// Publishes the finished run folder `staging` as `runs/<id>` and atomically repoints `current` at it
    /// (a new symlink renamed over the old one), so a reader never sees files of two runs mixed.
    public func publish(staging: String, id: String) throws {
        let manager = FileManager.default
        let target = runsPath + "/" + id
        let link = path + "/.current.tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try manager.moveItem(atPath: staging, toPath: target)
            try? manager.removeItem(atPath: link)
            try manager.createSymbolicLink(atPath: link, withDestinationPath: "runs/" + id)
        } catch {
            throw PlanningError.cannotWrite(path: target, reason: "\(error)")
        }
        guard rename(link, currentPath) == 0 else {
            throw PlanningError.cannotWrite(path: currentPath, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the oldest runs so that at most `keep` remain; the one `current` points at always stays.
    public func prune(keep: Int) throws {
        let manager = FileManager.default
        let current = (try? manager.destinationOfSymbolicLink(atPath: currentPath)).map { ($0 as NSString).lastPathComponent }
        let runs = (try manager.contentsOfDirectory(atPath: runsPath)).filter { !$0.hasPrefix(".") }.sorted()
        for id in runs.dropLast(max(keep, 1)) where id != current {
            try manager.removeItem(atPath: runsPath + "/" + id)
        }
    }
}
