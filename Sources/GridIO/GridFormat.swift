import Foundation

/// The formats a grid can come in, told apart by what is at its path (the one place that sniffs a grid's format).
public enum GridFormat: String, Sendable, CaseIterable {
    /// A folder with `grid.toml` (or the `grid.toml` file itself) and the CSV series it names.
    case native
    /// A PyPSA CSV folder (`buses.csv` and `snapshots.csv` or `network.csv`).
    case pypsa
    /// A MATPOWER case file (`.m`).
    case matpower

    /// The folder of a grid given as a folder or as its `grid.toml`.
    public static func gridDirectory(_ url: URL) -> URL {
        url.lastPathComponent == NativeGridReader.fileName ? url.deletingLastPathComponent() : url
    }

    /// The format of the grid at `url`: native when its folder has `grid.toml`, else PyPSA for a folder with
    /// PyPSA's files, else MATPOWER for a path ending in `.m` that is not a folder; nil for anything else.
    public static func detect(_ url: URL) -> GridFormat? {
        let manager = FileManager.default
        if manager.fileExists(atPath: gridDirectory(url).appendingPathComponent(NativeGridReader.fileName).path) {
            return .native
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue, PyPSAReader.isPyPSAFolder(url) { return .pypsa }
        if !isDirectory.boolValue, url.pathExtension.lowercased() == "m" { return .matpower }
        return nil
    }
}
