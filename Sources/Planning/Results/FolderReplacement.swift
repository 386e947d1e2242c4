import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a fully written folder in place of another as one step, so a reader sees the old folder or the new one,
/// never a mix: `renameat2(RENAME_EXCHANGE)` swaps the two on Linux, then the old one is removed; where the
/// exchange is not available, the old folder is renamed aside first (a reader may then briefly find no folder,
/// but never a mixed one).
public enum FolderReplacement {
    /// The staging folder next to `target` that this process writes into (`.<name>.staging-<pid>`).
    public static func stagingPath(for target: String) -> String {
        sibling(of: target, kind: "staging") + "-\(getpid())"
    }

    /// Removes what a killed writer left next to `target` (`.<name>.staging-*`, `.<name>.old-*`) and returns the
    /// removed paths.
    @discardableResult
    public static func removeLeftovers(of target: String) -> [String] {
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let prefixes = ["." + url.lastPathComponent + ".staging-", "." + url.lastPathComponent + ".old-"]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for entry in entries.sorted() where prefixes.contains(where: entry.hasPrefix) {
            let path = parent + "/" + entry
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// Replaces `target` (which may not exist) by the folder `staging` as a whole.
    /// - Throws: `PlanningError.cannotWrite`; `target` is then left as it was.
    public static func replace(_ target: String, with staging: String) throws(PlanningError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target, isDirectory: &isDirectory) else {
            guard rename(staging, target) == 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
            syncParent(of: target)
            return
        }
        if exchange(staging, target) {
            syncParent(of: target)
            try? manager.removeItem(atPath: staging)  // now the old folder
            return
        }
        let aside = sibling(of: target, kind: "old") + "-\(getpid())"
        guard rename(target, aside) == 0 else { throw .cannotWrite(path: target, reason: String(cString: strerror(errno))) }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, target)
            throw .cannotWrite(path: target, reason: reason)
        }
        syncParent(of: target)
        try? manager.removeItem(atPath: aside)
    }

    /// Flushes every file under `folder` and the folder itself to disk (so a crash of the machine after the
    /// rename cannot leave a published folder with empty files).
    public static func sync(_ folder: String) {
        let entries = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
        for entry in entries + [""] {
            let path = entry.isEmpty ? folder : folder + "/" + entry
            let descriptor = open(path, O_RDONLY)
            if descriptor >= 0 {
                _ = fsync(descriptor)
                close(descriptor)
            }
        }
    }

    private static func syncParent(of path: String) {
        let descriptor = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
    }

    private static func sibling(of target: String, kind: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + "." + kind).path
    }

    private typealias Rename2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32

    /// Atomically swaps two paths with Linux's `renameat2(RENAME_EXCHANGE)`; false where unavailable.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Rename2.self)
        let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}
