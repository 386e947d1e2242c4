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

    /// Every problem of the grid at `url` (native folder or `grid.toml`, or PyPSA folder) with `scenarios`
    /// applied in order: reading problems first (then validation is skipped), else the located validation report.
    /// Tariffs given by bare name are looked up in `tariffs`.
    public static func validate(_ url: URL, scenarios: [URL] = [],
                                tariffs: NamedFileCatalog = NamedFileCatalog(folders: [])) -> GridDiagnostics {
        let grid: LocatedGrid
        do {
            grid = try read(url, tariffs: tariffs)
        } catch {
            return error
        }
        var diagnostics = GridDiagnostics(warnings: grid.warnings)
        var located: [LocatedScenario] = []
        for scenario in scenarios {
            do {
                located.append(try ScenarioReader.read(contentsOf: scenario, for: grid, tariffs: tariffs))
            } catch {
                diagnostics.append(contentsOf: error.errors + error.warnings)
            }
        }
        guard diagnostics.isClean else { return diagnostics }
        do {
            return try grid.applying(located).validate()
        } catch {
            diagnostics.append(contentsOf: error.errors + error.warnings)
            return diagnostics
        }
    }
}
