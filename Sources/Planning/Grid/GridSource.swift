import Foundation
import GridIO
import GridModel
import Logging
import Reporting

/// A grid opened from its path in any format (`GridFormat`), with its scenario overlays applied and the
/// fingerprints of its input files: what every command that dispatches starts from, read once.
public struct GridSource: Sendable {
    /// The grid's path as given.
    public var path: String
    /// The network to dispatch, overlays applied.
    public var network: Network
    /// The format the grid was read in.
    public var format: GridFormat
    /// The grid as given, with the SHA-256 fingerprint of its input files (`GridFingerprint`).
    public var fingerprint: InputFile
    /// The overlays as given, each with the SHA-256 of its file.
    public var scenarios: [InputFile]

    /// The folder the grid's relative paths (history files) start from.
    public var directory: URL { GridFormat.gridDirectory(URL(fileURLWithPath: path)) }

    /// Opens the grid at `path` and applies `scenarios` in order (native grids only). A native grid with its
    /// overlays is validated; warnings of every format go to `logger`. Tariffs given by bare name are looked up in
    /// `tariffs`.
    /// - Throws: `GridDiagnostics` with every problem of the files; `PlanningError.noSuchGrid`, `.notAGrid`,
    ///   `.overlaysNeedNativeGrid`, or `.badInput` for an input file that cannot be read for the fingerprint.
    public static func open(_ path: String, scenarios: [String] = [], tariffs: NamedFileCatalog,
                            logger: Logger) throws -> GridSource {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PlanningError.noSuchGrid(path: path)
        }
        guard let format = GridFormat.detect(url) else { throw PlanningError.notAGrid(path: path) }
        let directory = GridFormat.gridDirectory(url)
        guard format == .native || scenarios.isEmpty else { throw PlanningError.overlaysNeedNativeGrid }
        let network: Network, inputs: [URL]
        switch format {
        case .native:
            (network, inputs) = try native(directory, scenarios: scenarios, tariffs: tariffs, logger: logger)
        case .pypsa:
            let imported = try PyPSAReader.read(directory: url)
            log(imported.warnings, logger)
            (network, inputs) = (imported.network, try GridFingerprint.files(in: url))
        case .matpower:
            let matpower = try MATPOWERReader.read(contentsOf: url)
            log(matpower.warnings, logger)
            (network, inputs) = (matpower.network, [url])
        }
        let base = isDirectory.boolValue ? url : url.deletingLastPathComponent()
        return GridSource(
            path: path, network: network, format: format,
            fingerprint: InputFile(path: path, sha256: try GridFingerprint.sha256(of: inputs, relativeTo: base)),
            scenarios: try scenarios.map { InputFile(path: $0, sha256: try GridFingerprint.sha256(ofFile: URL(fileURLWithPath: $0))) })
    }

    /// A native grid with its overlays applied and validated, and the files of its fingerprint (the folder's files
    /// plus the tariff files of the grid and the overlays).
    private static func native(_ directory: URL, scenarios: [String], tariffs: NamedFileCatalog,
                               logger: Logger) throws -> (Network, [URL]) {
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
        var inputs = try GridFingerprint.files(in: directory)
        for tariff in [grid.tariff, applied.tariff].compactMap({ $0 }) {
            let file = URL(fileURLWithPath: tariff.source.file).standardizedFileURL
            if !inputs.contains(file) { inputs.append(file) }
        }
        return (applied.network, inputs)
    }

    private static func log(_ warnings: [GridIOError], _ logger: Logger) {
        for warning in warnings { logger.warning("\(warning.description)") }
    }
}
