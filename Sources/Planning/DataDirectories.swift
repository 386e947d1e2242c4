import Foundation
import GridIO

/// Where re100 finds its bundled data (solver presets, tariffs, example grids) whatever the working directory:
/// the folders searched in order are `$RE100_DATA_DIR`, `<folder of the executable>/../share/re100` (the
/// layout `scripts/install` writes) and the source checkout the executable was built in (the nearest
/// folder above it with `Package.swift` and `solver-configs/`, so `.build/debug/re100` finds the repository).
/// Each data folder has the repository's layout: `solver-configs/*.toml`, `grids/tariffs/*.toml`, `grids/*/`.
/// docs/operations.md, "Installing".
public struct DataDirectories: Equatable, Sendable {
    /// The environment variable naming a data folder searched before the others.
    public static let environmentVariable = "RE100_DATA_DIR"
    /// The solver presets' folder inside a data folder.
    public static let solverPresetFolder = "solver-configs"
    /// The tariffs' folder inside a data folder.
    public static let tariffFolder = "grids/tariffs"

    /// The data folders in search order (existing or not; missing ones are skipped when looking up a name).
    public var folders: [URL]

    /// The data folders for `environment` and the executable at `executable` (nil when unknown).
    public init(environment: [String: String], executable: URL?) {
        var folders: [URL] = []
        if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            folders.append(URL(fileURLWithPath: variable).standardizedFileURL)
        }
        if let executable {
            let binFolder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            folders.append(binFolder.deletingLastPathComponent().appendingPathComponent("share/re100").standardizedFileURL)
            if let checkout = Self.checkout(above: binFolder), !folders.contains(checkout) { folders.append(checkout) }
        }
        self.folders = folders
    }

    /// The data folders of this process: its environment and its executable.
    public static func current() -> DataDirectories {
        DataDirectories(environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executableURL)
    }

    /// The solver presets by name (`--solver-config fast`).
    public var solverPresets: NamedFileCatalog {
        NamedFileCatalog(folders: folders.map { $0.appendingPathComponent(Self.solverPresetFolder) })
    }

    /// The tariffs by name (`tariff = "NAME"` in grid.toml or an overlay).
    public var tariffs: NamedFileCatalog {
        NamedFileCatalog(folders: folders.map { $0.appendingPathComponent(Self.tariffFolder) })
    }

    /// The nearest folder at or above `folder` that holds `Package.swift` and `solver-configs/`.
    private static func checkout(above folder: URL) -> URL? {
        var path = folder.standardizedFileURL.path
        while true {
            let manifest = (path as NSString).appendingPathComponent("Package.swift")
            let presets = (path as NSString).appendingPathComponent(solverPresetFolder)
            if FileManager.default.fileExists(atPath: manifest), FileManager.default.fileExists(atPath: presets) {
                return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            }
            let parent = (path as NSString).deletingLastPathComponent
            if parent.isEmpty || parent == path { return nil }
            path = parent
        }
    }
}
