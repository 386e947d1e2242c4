import Foundation
import GridIO
import GridModel
import Logging
import Reporting

/// A grid read from the command line's `<grid>` with its overlays applied, and the fingerprints of its files.
struct LoadedGrid {
    /// The network to dispatch.
    var network: Network
    /// `native`, `pypsa` or `matpower`.
    var format: String
    /// The grid as given, with the SHA-256 fingerprint of its input files.
    var fingerprint: InputFile
    /// The overlays as given, each with the SHA-256 of its file.
    var scenarios: [InputFile]
}

/// Picks the reader by path: a folder with `grid.toml` (or the file itself) is a native grid, a folder with
/// `buses.csv` and `snapshots.csv`/`network.csv` a PyPSA export, a `.m` file a MATPOWER case. Overlays
/// (`--scenario`) apply to native grids, in order; the result is validated and warnings are logged.
enum GridLoader {
    /// Reads `path` and applies `scenarios`; tariffs given by bare name are looked up in `tariffs` (default:
    /// the data folders of this process, `DataDirectories`).
    /// - Throws: `GridDiagnostics` (exit 65) with every problem, `ExitStatus.InputError` for a path that is
    ///   no grid, `ExitStatus.UsageError` for overlays on a grid format that has none.
    static func load(_ path: String, scenarios: [String], logger: Logger,
                     tariffs: NamedFileCatalog = DataDirectories.current().tariffs) throws -> LoadedGrid {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ExitStatus.InputError(message: "\(path): no such file or folder")
        }
        let directory = GridValidation.gridDirectory(url)
        let fingerprint: (Network, String, [URL])
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(NativeGridReader.fileName).path) {
            fingerprint = try native(directory, scenarios: scenarios, tariffs: tariffs, logger: logger)
        } else {
            guard scenarios.isEmpty else {
                throw ExitStatus.UsageError(message: "--scenario: overlays apply to native grids (grid.toml) only")
            }
            if isDirectory.boolValue, PyPSAReader.isPyPSAFolder(url) {
                let imported = try PyPSAReader.read(directory: url)
                log(imported.warnings, logger)
                fingerprint = (imported.network, "pypsa", try files(in: url))
            } else if !isDirectory.boolValue, url.pathExtension.lowercased() == "m" {
                let matpower = try MATPOWERReader.read(contentsOf: url)
                log(matpower.warnings, logger)
                fingerprint = (matpower.network, "matpower", [url])
            } else {
                throw ExitStatus.InputError(message: "\(path): not a grid (expected a folder with grid.toml, a PyPSA "
                    + "CSV folder with buses.csv and snapshots.csv, or a MATPOWER .m file)")
            }
        }
        let (network, format, inputs) = fingerprint
        let base = isDirectory.boolValue ? url : url.deletingLastPathComponent()
        return LoadedGrid(
            network: network, format: format,
            fingerprint: InputFile(path: path, sha256: try GridFingerprint.sha256(of: inputs, relativeTo: base)),
            scenarios: try scenarios.map { InputFile(path: $0, sha256: try GridFingerprint.sha256(ofFile: URL(fileURLWithPath: $0))) })
    }

    private static func native(_ directory: URL, scenarios: [String], tariffs: NamedFileCatalog,
                               logger: Logger) throws -> (Network, String, [URL]) {
        let grid = try NativeGridReader.read(directory: directory, tariffs: tariffs)
        var located: [LocatedScenario] = []
        var problems = GridDiagnostics()
        for scenario in scenarios {
            do {
                located.append(try ScenarioReader.read(contentsOf: URL(fileURLWithPath: scenario), for: grid, tariffs: tariffs))
            } catch {
                problems.append(contentsOf: error.errors + error.warnings)
            }
        }
        guard problems.isClean else { throw problems }
        let applied = try grid.applying(located)
        let diagnostics = applied.validate()
        guard diagnostics.isClean else { throw diagnostics }
        log(diagnostics.warnings, logger)
        var inputs = try files(in: directory)
        for tariff in [grid.tariff, applied.tariff].compactMap({ $0 }) {
            let file = URL(fileURLWithPath: tariff.source.file).standardizedFileURL
            if !inputs.contains(file) { inputs.append(file) }
        }
        return (applied.network, "native", inputs)
    }

    /// Every regular, non-hidden file under `directory`.
    private static func files(in directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw ExitStatus.InputError(message: "\(directory.path): cannot list the folder")
        }
        var found: [URL] = []
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            found.append(file.standardizedFileURL)
        }
        return found
    }

    private static func log(_ warnings: [GridIOError], _ logger: Logger) {
        for warning in warnings { logger.warning("\(warning.description)") }
    }
}
