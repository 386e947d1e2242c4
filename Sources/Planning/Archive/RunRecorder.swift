import Foundation

/// Collects what `re100 run` learns step by step and records the run in the run archive exactly once:
/// a successful run together with its publication (one transaction, see `publish(folder:_:)`), a failed one with
/// its exit code and error when the caller reports the failure (`recordFailure(exitCode:message:)`).
///
/// Nothing is recorded before `open` (a run that could not take the lock or open the database).
public final class RunRecorder {
    private var history: RunArchive?
    private var record: RunRecord?
    /// The `runs.id` once the run was recorded as published.
    private var recordedID: Int64?
    /// The solver's failure as printed (with the diagnosis), which the exit code alone does not carry.
    private var solverFailure: String?

    /// An idle recorder: records nothing until `open`.
    public init() {}

    /// Opens (creating it if needed) the database at `path` and starts the record of a run on `grid` now.
    /// - Throws: `RunArchiveError` (exit 70) when the database cannot be opened or migrated.
    public func open(_ path: String, grid: String) throws {
        history = try RunArchive(path: path)
        record = RunRecord(startedAt: Date(), gridPath: grid)
    }

    /// Notes the grid's fingerprint, time zone and targets.
    public func loaded(_ grid: GridSource) {
        record?.gridFingerprint = grid.fingerprint.sha256
        record?.timeZone = grid.network.timeAxis.timeZone
        record?.targets = grid.network.targets
    }

    /// Notes the run's clock and planned horizon.
    public func planned(clock: Date, firstHour: Date, hours: Int) {
        record?.clock = clock
        record?.firstHour = firstHour
        record?.hours = hours
    }

    /// Notes what the plan starts from and commits.
    public func planning(_ plan: RunRecord.PlanRecord) {
        record?.plan = plan
    }

    /// Notes the dispatch, then throws its `DispatchFailure` when it did not end optimal.
    public func check(_ solved: SolvedDispatch) throws(DispatchFailure) {
        record?.result = solved.result
        record?.currency = solved.currency
        record?.forecasts = solved.forecasts
        guard let failure = DispatchFailure(solved.result) else { return }
        solverFailure = failure.lines.joined(separator: "\n")
        throw failure
    }

    /// Records the successful run as published in `folder` (the commit point of publishing, see `RunDirectory`),
    /// then calls `publish` to put the folder in place. When `publish` throws, the caller's `recordFailure` marks the
    /// row failed; when the process dies before `publish` ends, the next run's `RunDirectory.recover` finishes it.
    /// - Throws: `RunArchiveError` when the archive cannot be written (nothing is published then); what `publish`
    ///   throws.
    public func publish(folder: String, _ publish: () throws -> Void) throws {
        guard let history, var record else { return try publish() }
        record.folder = folder
        record.finishedAt = Date()
        recordedID = try history.record(record)
        self.record = record
        RunDirectory.reached(.committed)
        try publish()
    }

    /// The run folders the archive recorded as published, newest first (for `RunDirectory.recover`); empty before
    /// `open`.
    public func publishedFolders() throws -> [String] {
        try history?.publishedFolders() ?? []
    }

    /// Records the failure of the run, once it is known how it ended: a new `failed` row with the exit code and
    /// error, or, when the run was already recorded as published and a later step failed, that row marked failed
    /// with the error prefixed `after publishing runs/<id>: `.
    /// - Throws: `RunArchiveError` when the database cannot be written (the run's own exit code should stand).
    public func recordFailure(exitCode: Int32, message: String) throws {
        guard let history, var record else { return }
        let finishedAt = Date()
        if let recordedID {
            try history.markFailed(recordedID, exitCode: exitCode,
                                   error: "after publishing runs/\(record.folder ?? ""): \(message)", finishedAt: finishedAt)
        } else {
            record.folder = nil
            record.exitCode = exitCode
            record.error = solverFailure ?? message
            record.finishedAt = finishedAt
            try history.record(record)
        }
    }
}
