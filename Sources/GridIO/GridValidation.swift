import Foundation
import GridModel

/// Reads a native grid with its scenario overlays and validates the result: everything `re100 validate` reports.
public enum GridValidation {
    /// The folder of a grid given as a folder or as its `grid.toml`.
    public static func gridDirectory(_ url: URL) -> URL {
        url.lastPathComponent == NativeGridReader.fileName ? url.deletingLastPathComponent() : url
    }

    /// Every problem of the grid at `url` (folder or `grid.toml`) with `scenarios` applied in order: reading
    /// problems first (then validation is skipped), else the located validation report.
    public static func validate(_ url: URL, scenarios: [URL] = []) -> GridDiagnostics {
        let grid: NativeGrid
        do {
            grid = try NativeGridReader.read(directory: gridDirectory(url))
        } catch {
            return error
        }
        var diagnostics = GridDiagnostics(warnings: grid.warnings)
        var located: [LocatedScenario] = []
        for scenario in scenarios {
            do {
                located.append(try ScenarioReader.read(contentsOf: scenario, for: grid))
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
