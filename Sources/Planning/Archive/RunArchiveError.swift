/// The run archive (the history database of the command line) could not be opened, read or written (exit 70:
/// the run's inputs were fine, the database or its disk is not). A missing database given to `re100 history` is
/// bad input instead (exit 65).
public struct RunArchiveError: Error, CustomStringConvertible {
    /// The database file.
    public let path: String
    /// What failed, e.g. `cannot open`, `cannot write to`.
    public let action: String
    /// Why, from SQLite or the file system.
    public let reason: String

    /// `<path>: cannot write to the history database: <reason>`.
    public var description: String { "\(path): \(action) the history database: \(reason)" }
}
