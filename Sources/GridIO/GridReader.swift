import Foundation
import GridModel

/// Reads a grid of any format (`GridFormat`) as a `LocatedGrid` whose problems point into its files, applies
/// scenario overlays and validates the result: everything `re100 validate` reports.
public enum GridReader {

    /// Reads a native grid folder, a PyPSA CSV folder (no `grid.toml` but `buses.csv`; its problems are
    /// located by file and field path, snapshot times read as UTC) or a MATPOWER `.m` case. A native grid's
    /// tariff given by bare name is looked up in `tariffs`.
    public static func read(_ url: URL, tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) throws(GridDiagnostics) -> LocatedGrid {
        let directory = GridFormat.gridDirectory(url)
        switch GridFormat.detect(url) {
        case .matpower:
            let matpower = try MATPOWERReader.read(contentsOf: url)
            return try imported(matpower.network, warnings: matpower.warnings, directory: url.deletingLastPathComponent(),
                                file: url.path, componentFile: { _ in url.path })
        case .pypsa:
            let pypsa = try PyPSAReader.read(directory: directory)
            return try imported(pypsa.network, warnings: pypsa.warnings, directory: directory, file: directory.path,
                                componentFile: { directory.appendingPathComponent($0 + ".csv").path })
        case .native, nil:
            // Anything else is read as a native folder, whose reader names what is missing.
            return try NativeGridReader.read(directory: directory, tariffs: tariffs)
        }
    }

    /// A grid read from another format, with problems located in `componentFile(kind)`.
    private static func imported(_ network: Network, warnings: [GridIOError], directory: URL, file: String,
                                 componentFile: (String) -> String) throws(GridDiagnostics) -> LocatedGrid {
        let source: TOMLSource
        do {
            source = try TOMLSource(text: "", file: file)
        } catch {
            throw GridDiagnostics(errors: [error])
        }
        var grid = LocatedGrid(directory: directory, network: network, source: source, tariff: nil, warnings: warnings)
        for kind in ComponentKind.allCases {
            grid.componentFiles[kind.rawValue] = componentFile(kind.rawValue)
        }
        return grid
    }

    /// A grid as every command that dispatches uses it: read, `scenarios` applied in order, and validated with
    /// exactly the checks `validate` reports, whatever the format.
    public struct Loaded: Sendable {
        /// The grid as read, before overlays (its tariff is the grid's own).
        public var base: LocatedGrid
        /// The grid with the overlays applied: the one to dispatch.
        public var applied: LocatedGrid
        /// Every warning of reading and validation, located.
        public var warnings: [GridIOError]
        /// The overlays as read, in the order applied.
        public var overlays: [ScenarioOverlay]
    }

    /// Reads the grid at `url`, applies `scenarios` and validates the result.
    /// - Throws: `GridDiagnostics` with every error (and the warnings) when the grid cannot be read, an overlay
    ///   cannot be applied, or validation finds an error: the same list `validate` returns.
    public static func load(_ url: URL, scenarios: [URL] = [],
                            tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) throws(GridDiagnostics) -> Loaded {
        let grid = try read(url, tariffs: tariffs)
        var diagnostics = GridDiagnostics(warnings: grid.warnings)
        var located: [LocatedScenario] = []
        for scenario in scenarios {
            do {
                located.append(try ScenarioReader.read(contentsOf: scenario, for: grid, tariffs: tariffs))
            } catch {
                diagnostics.append(contentsOf: error.errors + error.warnings)
            }
        }
        guard diagnostics.isClean else { throw diagnostics }
        let applied: LocatedGrid
        do {
            applied = try grid.applying(located)
        } catch {
            diagnostics.append(contentsOf: error.errors + error.warnings)
            throw diagnostics
        }
        let validation = applied.validate()
        guard validation.isClean else { throw validation }
        return Loaded(base: grid, applied: applied, warnings: validation.warnings, overlays: located.map(\.overlay))
    }

    /// Every problem of the grid at `url` (native folder or `grid.toml`, PyPSA folder or MATPOWER case) with
    /// `scenarios` applied in order: reading problems first (then validation is skipped), else the located
    /// validation report. Tariffs given by bare name are looked up in `tariffs`.
    public static func validate(_ url: URL, scenarios: [URL] = [],
                                tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) -> GridDiagnostics {
        do {
            return GridDiagnostics(warnings: try load(url, scenarios: scenarios, tariffs: tariffs).warnings)
        } catch {
            return error
        }
    }
}
