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
    /// Where a comparison plots this grid: the `[study]` table of the last overlay that has one, nil when none has.
    public var study: StudyPoint?

    /// The folder the grid's relative paths (history files) start from.
    public var directory: URL { GridFormat.gridDirectory(URL(fileURLWithPath: path)) }

    /// Opens the grid at `path` and applies `scenarios` in order (native grids only). Every format is validated
    /// exactly as `re100 validate` validates it (`GridReader.load`); warnings go to `logger`. Tariffs given by
    /// bare name are looked up in `tariffs`.
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
        // Exactly the reading and validation of `re100 validate`, for every format (GridReader.load).
        let loaded = try GridReader.load(url, scenarios: scenarios.map { URL(fileURLWithPath: $0) }, tariffs: tariffs)
        log(loaded.warnings, logger)
        let network = loaded.applied.network
        var inputs: [URL]
        switch format {
        case .native:
            inputs = try GridFingerprint.files(in: directory)
            for tariff in [loaded.base.tariff, loaded.applied.tariff].compactMap({ $0 }) {
                let file = URL(fileURLWithPath: tariff.source.file).standardizedFileURL
                if !inputs.contains(file) { inputs.append(file) }
            }
        case .pypsa:
            inputs = try GridFingerprint.files(in: url)
        case .matpower:
            inputs = [url]
        }
        let base = isDirectory.boolValue ? url : url.deletingLastPathComponent()
        return GridSource(
            path: path, network: network, format: format,
            fingerprint: InputFile(path: path, sha256: try GridFingerprint.sha256(of: inputs, relativeTo: base)),
            scenarios: try scenarios.map { InputFile(path: $0, sha256: try GridFingerprint.sha256(ofFile: URL(fileURLWithPath: $0))) },
            study: loaded.overlays.last { $0.study != nil }?.study)
    }

    private static func log(_ warnings: [GridIOError], _ logger: Logger) {
        for warning in warnings { logger.warning("\(warning.description)") }
    }
}
