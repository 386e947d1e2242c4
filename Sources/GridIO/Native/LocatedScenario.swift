import GridModel

/// A scenario overlay read from a file, with the file position of each operation.
public struct LocatedScenario: Sendable {
    /// The overlay.
    public let overlay: ScenarioOverlay
    /// The parsed overlay file.
    public let source: TOMLSource
    /// For each operation (same order), its key path in the overlay file.
    let operationPaths: [String]
    /// Tariffs read by `set grid_connection.tariff` operations, by operation index.
    let tariffs: [Int: LocatedTariff]
}

extension LocatedGrid {
    /// The grid with `scenarios` applied in order; every problem (unknown paths, wrong types, duplicates) is
    /// located in the overlay file that caused it.
    public func applying(_ scenarios: [LocatedScenario]) throws(GridDiagnostics) -> LocatedGrid {
        var grid = self
        var diagnostics = GridDiagnostics()
        for scenario in scenarios {
            for (index, operation) in scenario.overlay.operations.enumerated() {
                let filePath = scenario.operationPaths[index]
                let location = scenario.source.valueLocation(of: filePath) ?? scenario.source.nearestLocation(of: filePath)
                for issue in grid.network.apply(operation) {
                    diagnostics.append(
                        GridIOError(
                            issue.severity, at: location, file: scenario.source.file, field: issue.path.description,
                            message: issue.message, expected: issue.expected, found: issue.found))
                }
                if let tariff = scenario.tariffs[index] { grid.tariff = tariff }
                switch operation {
                case .set(let path, _), .scale(let path, _): grid.overrides[path.description] = location
                case .add(let kind, let id, let fields):
                    for field in fields {
                        let fieldPath = "\(kind.rawValue).\(id).\(field.key)"
                        grid.overrides[fieldPath] =
                            scenario.source.valueLocation(of: filePath + "." + field.key) ?? location
                    }
                    grid.overrides["\(kind.rawValue).\(id)"] = location
                case .remove, .replaceTariff: break
                }
            }
        }
        if !diagnostics.errors.isEmpty { throw diagnostics }
        return grid
    }
}
