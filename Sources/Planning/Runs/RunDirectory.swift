import DispatchOptimizer
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder of scheduled runs: `runs/<run-id>/` per run (its result files and the `state.json` it hands
/// on), the symlink `current` pointing at the last published one, and `state.json`, a symlink to
/// `current/state.json` (or a copy at `--state`).
///
/// Publishing is one transaction whose commit point is the run archive (docs/operations.md, "Publishing"):
/// 1. the run is staged as `runs/.staging-<id>/` with every result file and its `state.json`, flushed to disk;
/// 2. the archive records the run as published (`RunRecorder.publish`), one SQLite transaction;
/// 3. the staging folder is renamed to `runs/<id>`;
/// 4. `current` is repointed at it (a new symlink renamed over the old one), and `state.json` with it.
/// `recover(published:)`, called by every run under the lock before it reads anything, finishes steps 3-4
/// for a run the archive has and removes what a run killed before step 2 left.
public struct RunDirectory {
    /// The output folder (`--out`).
    public let path: String
    /// The state file (`--state`, default `<path>/state.json`).
    public let statePath: String

    var runsPath: String { path + "/runs" }
    var currentPath: String { path + "/current" }
    var defaultStatePath: String { path + "/state.json" }

    /// The output folder `path`; the state file is `statePath` (nil: `<path>/state.json`).
    public init(path: String, statePath: String? = nil) {
        self.path = path
        self.statePath = statePath ?? path + "/state.json"
    }

    /// The steps of publishing, for the fault-injection hook `RE100_KILL_AFTER` (tests only: the process kills
    /// itself with SIGKILL right after the named step, as a crash or `kill -9` would).
    public enum Step: String, CaseIterable, Sendable {
        /// The staging folder is written and flushed.
        case staged
        /// The archive has committed the run.
        case committed
        /// The staging folder is renamed to `runs/<id>`.
        case moved
        /// `current` points at the new run.
        case swapped
        /// The state file names the new run's state.
        case stateLinked = "state-linked"
    }

    /// Kills the process after `step` when `RE100_KILL_AFTER` names it (fault injection for the publishing tests).
    public static func reached(_ step: Step) {
        if ProcessInfo.processInfo.environment["RE100_KILL_AFTER"] == step.rawValue { kill(getpid(), SIGKILL) }
    }

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

    /// The staging folder of run `id`.
    public func stagingPath(_ id: String) -> String { runsPath + "/.staging-" + id }

    /// The run `current` points at, nil when there is none.
    public var currentRun: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: currentPath)).map { ($0 as NSString).lastPathComponent }
    }

    /// Steps 3 and 4 of publishing: renames the staged run `id` to `runs/<id>`, points `current` at it and the
    /// state file at its state. Called after the archive committed the run.
    /// - Returns: false when the run is published but the state file could not be updated (the next run's
    ///   `recover` updates it before reading it).
    /// - Throws: `PlanningError.cannotWrite` when the run could not be put in place (`current` is unchanged).
    @discardableResult
    public func publish(staging: String, id: String) throws(PlanningError) -> Bool {
        let target = runsPath + "/" + id
        guard rename(staging, target) == 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
        Self.reached(.moved)
        try point(currentPath, at: "runs/" + id)
        Self.reached(.swapped)
        let linked = (try? linkState(to: id)) != nil
        Self.reached(.stateLinked)
        return linked
    }

    /// Where a `--state` file outside the folder is staged (next to it, so putting it in place is a rename):
    /// nil for the default state file, which is a link to `current/state.json`.
    public func stagedStatePath(_ id: String) -> String? {
        guard statePath != defaultStatePath else { return nil }
        let url = URL(fileURLWithPath: statePath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".staging-" + id).path
    }

    /// What `recover` did, one line each (logged by the caller).
    public typealias Recovery = [String]

    /// Brings the folder back to a published state after a killed or failed run, under the run lock:
    /// - the run the archive last recorded as published (`lastPublished`, when its folder is here) is completed:
    ///   its staging folder renamed, `current` and the state file pointed at it;
    /// - every other staging folder (a run killed before the archive committed it) and temporary link is removed.
    /// - Parameter published: the run folders the archive recorded as published, newest first.
    /// - Returns: what was done, for the log; empty when there was nothing to do.
    public func recover(published: [String]) -> Recovery {
        let manager = FileManager.default
        var done: Recovery = []
        let entries = ((try? manager.contentsOfDirectory(atPath: runsPath)) ?? []).sorted()
        let staged = Set(entries.filter { $0.hasPrefix(".staging-") }.map { String($0.dropFirst(".staging-".count)) })
        let finished = Set(entries.filter { !$0.hasPrefix(".") })
        if let last = published.first(where: { finished.contains($0) || staged.contains($0) }) {
            if !finished.contains(last) {
                if rename(stagingPath(last), runsPath + "/" + last) == 0 {
                    done.append("completed publishing runs/\(last): the archive had recorded it, its folder was still staged")
                }
            }
            if currentRun != last, manager.fileExists(atPath: runsPath + "/" + last) {
                if (try? point(currentPath, at: "runs/" + last)) != nil {
                    done.append("pointed current at runs/\(last), the last run the archive recorded as published")
                }
            }
            if let current = currentRun, current == last, stateIsBehind(current) {
                if (try? linkState(to: current)) != nil {
                    done.append("pointed the state file \(statePath) at runs/\(current)/state.json")
                }
            }
        }
        for id in staged where manager.fileExists(atPath: stagingPath(id)) {
            if (try? manager.removeItem(atPath: stagingPath(id))) != nil {
                done.append("removed runs/.staging-\(id): a run stopped before the archive recorded it")
            }
        }
        for entry in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() where entry.hasPrefix(".current.tmp-") || entry.hasPrefix(".state.json.tmp-") {
            if (try? manager.removeItem(atPath: path + "/" + entry)) != nil { done.append("removed the temporary \(entry)") }
        }
        if statePath != defaultStatePath {
            let url = URL(fileURLWithPath: statePath)
            let folder = url.deletingLastPathComponent().path
            let prefix = "." + url.lastPathComponent + ".staging-"
            for entry in ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted() where entry.hasPrefix(prefix) {
                if (try? manager.removeItem(atPath: folder + "/" + entry)) != nil { done.append("removed the staged state \(entry)") }
            }
        }
        return done
    }

    /// Removes the oldest runs so that at most `keep` remain; the one `current` points at always stays.
    public func prune(keep: Int) throws {
        let manager = FileManager.default
        let current = currentRun
        let runs = (try manager.contentsOfDirectory(atPath: runsPath)).filter { !$0.hasPrefix(".") }.sorted()
        for id in runs.dropLast(max(keep, 1)) where id != current {
            try manager.removeItem(atPath: runsPath + "/" + id)
        }
    }

    // MARK: links

    /// Atomically makes `link` a symlink to `destination` (a new link renamed over the old one).
    private func point(_ link: String, at destination: String) throws(PlanningError) {
        let name = URL(fileURLWithPath: link).lastPathComponent
        let temporary = path + "/.\(name).tmp-\(getpid())"
        unlink(temporary)
        guard symlink(destination, temporary) == 0 else { throw .cannotWrite(path: link, reason: String(cString: strerror(errno))) }
        guard rename(temporary, link) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotWrite(path: link, reason: reason)
        }
    }

    /// The default state file becomes a symlink to `current/state.json` (so it changes with `current`, in the same
    /// rename); a `--state` file elsewhere gets a copy of `runs/<id>/state.json`.
    private func linkState(to id: String) throws(PlanningError) {
        let source = runsPath + "/" + id + "/state.json"
        guard FileManager.default.fileExists(atPath: source) else { return }
        if statePath == defaultStatePath {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: statePath)) != "current/state.json" {
                try point(statePath, at: "current/state.json")
            }
        } else if let staged = stagedStatePath(id), FileManager.default.fileExists(atPath: staged) {
            guard rename(staged, statePath) == 0 else { throw .cannotWrite(path: statePath, reason: String(cString: strerror(errno))) }
        } else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw .cannotWrite(path: statePath, reason: "cannot read \(source)")
            }
            try AtomicFile.write(data, to: statePath)
        }
    }

    /// Whether the state file does not show run `id`'s state: the default one is not the link to
    /// `current/state.json` (a missing or foreign link; a regular file from an older re100 or written by hand is
    /// left alone and read as it is), a `--state` file is older than the run's state and differs from it.
    private func stateIsBehind(_ id: String) -> Bool {
        let manager = FileManager.default
        let source = runsPath + "/" + id + "/state.json"
        guard manager.fileExists(atPath: source) else { return false }
        if statePath == defaultStatePath {
            if let destination = try? manager.destinationOfSymbolicLink(atPath: statePath) { return destination != "current/state.json" }
            return !manager.fileExists(atPath: statePath)
        }
        guard manager.fileExists(atPath: statePath) else { return true }
        let modified = { (path: String) in (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast }
        return modified(statePath) <= modified(source) && manager.contents(atPath: statePath) != manager.contents(atPath: source)
    }
}
