import Foundation

/// Writes output files so a reader never sees half a file: the bytes go to a temporary file in the same
/// directory, which is then renamed over the target (atomic on POSIX file systems). On failure the old file is
/// left as it was and the temporary file is removed.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`.
    /// - Throws: `PlanningError.cannotWrite`.
    public static func write(_ text: String, to path: String) throws(PlanningError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`.
    /// - Throws: `PlanningError.cannotWrite`.
    public static func write(_ data: Data, to path: String) throws(PlanningError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: "cannot write a temporary file (\(error.localizedDescription))")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }
}
