/// A scenario: changes applied to a base network in order (set or scale fields, add or remove components,
/// replace the tariff). An unknown path is an error, never a no-op.
public struct ScenarioOverlay: Sendable, Equatable {
    /// One change of an overlay.
    public enum Operation: Sendable, Equatable {
        /// Set the field at the path (`generators.pv_roof.p_nom = 300`).
        case set(FieldPath, FieldValue)
        /// Multiply the number or series at the path (`loads.plant_a.p_set × 1.1`).
        case scale(FieldPath, Double)
        /// Add a component of a kind with a name and fields.
        case add(ComponentKind, id: String, fields: [FieldAssignment])
        /// Remove the component at the path (`storage_units.ess`).
        case remove(FieldPath)
        /// Replace the grid connection's tariff.
        case replaceTariff(Tariff, file: String)

        /// The path the operation is about, for diagnostics.
        public var path: FieldPath {
            switch self {
            case .set(let path, _), .scale(let path, _), .remove(let path): path
            case .add(let kind, let id, _): FieldPath([kind.rawValue, id])
            case .replaceTariff: FieldPath(["grid_connection", "tariff"])
            }
        }
    }

    /// Scenario name (the overlay file's stem).
    public var name: String
    /// The changes, applied in order.
    public var operations: [Operation]
    /// Where a comparison plots this scenario (its `[study]` table), nil when it has none.
    public var study: StudyPoint?

    /// Creates an overlay.
    public init(name: String, operations: [Operation], study: StudyPoint? = nil) {
        self.name = name
        self.operations = operations
        self.study = study
    }
}

extension Network {
    /// The network with `overlays` applied in order; throws every problem found (all operations are tried).
    public func applying(_ overlays: [ScenarioOverlay]) throws(GridModelError) -> Network {
        var network = self
        var issues: [ModelIssue] = []
        for overlay in overlays {
            for operation in overlay.operations {
                issues += network.apply(operation)
            }
        }
        guard issues.isEmpty else { throw GridModelError(issues: issues) }
        return network
    }

    /// Applies one overlay operation; returns its problems.
    public mutating func apply(_ operation: ScenarioOverlay.Operation) -> [ModelIssue] {
        switch operation {
        case .set(let path, let value): return apply(.set(value), at: path).map { [$0] } ?? []
        case .scale(let path, let factor): return apply(.scale(factor), at: path).map { [$0] } ?? []
        case .add(let kind, let id, let fields): return addComponent(kind: kind, id: id, fields: fields)
        case .remove(let path): return removeComponent(at: path).map { [$0] } ?? []
        case .replaceTariff(let tariff, let file):
            guard gridConnection != nil else {
                return [
                    ModelIssue(
                        .error, path: operation.path, message: "the network has no grid connection",
                        expected: "a [grid_connection] table", found: "none")
                ]
            }
            gridConnection?.tariff = tariff
            gridConnection?.tariffFile = file
            return []
        }
    }
}
