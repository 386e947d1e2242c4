import Foundation
import GridModel

/// A network read from a grid of any format (a native folder by `NativeGridReader`, a PyPSA folder or a MATPOWER
/// case through `GridReader`), with the sources needed to point every later problem (validation, overlays) back
/// to a file, line and column.
public struct LocatedGrid: Sendable {
    /// The grid folder.
    public let directory: URL
    /// The network.
    public var network: Network
    /// The parsed `grid.toml` (empty for PyPSA and MATPOWER grids).
    public let source: TOMLSource
    /// The tariff in force and its file (replaced by overlays that change the tariff).
    public var tariff: LocatedTariff?
    /// Warnings found while reading (e.g. series columns no field uses).
    public var warnings: [GridIOError]
    /// Fields changed by overlays, located in the overlay files.
    var overrides: [String: SourceLocation] = [:]
    /// For grids not read from TOML (PyPSA folders): the file each component table came from, by table name.
    var componentFiles: [String: String] = [:]

    /// The problem `issue` with the file, line and column of its path (an overlay's value when an overlay set
    /// it, the tariff file for tariff paths, `grid.toml` otherwise; the nearest enclosing table when the key
    /// is absent).
    public func locate(_ issue: ModelIssue) -> GridIOError {
        let path = issue.path.description
        let tariffPrefix = "grid_connection.tariff."
        let location: SourceLocation?
        if let override = overrides[path] {
            location = override
        } else if path.hasPrefix(tariffPrefix), let tariff {
            location = tariff.location(of: String(path.dropFirst(tariffPrefix.count)))
        } else if issue.message == "unknown field" {
            location = source.location(of: path)
        } else {
            location = source.valueLocation(of: path) ?? source.nearestLocation(of: path)
        }
        let file = componentFiles[issue.path.components.first ?? ""] ?? source.file
        return GridIOError(
            issue.severity, at: location, file: file, field: path, message: issue.message, expected: issue.expected,
            found: issue.found)
    }

    /// The validator's report with every problem located.
    public func validate() -> GridDiagnostics {
        let report = NetworkValidator().validate(network)
        return GridDiagnostics(errors: report.errors.map(locate), warnings: warnings + report.warnings.map(locate))
    }
}
