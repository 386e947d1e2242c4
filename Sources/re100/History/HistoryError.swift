/// The run history database could not be opened, read or written (exit 70: the run's inputs were fine, the
/// database or its disk is not). A missing database given to `re100 history` is bad input instead (exit 65).
struct HistoryError: Error, CustomStringConvertible {
    /// The database file.
    let path: String
    /// What failed, e.g. `cannot open`, `cannot write to`.
    let action: String
    /// Why, from SQLite or the file system.
    let reason: String

    /// `<path>: cannot write to the history database: <reason>`.
    var description: String { "\(path): \(action) the history database: \(reason)" }
}
