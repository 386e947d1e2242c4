/// Adding components and changing fields by path: used by readers to build networks and by scenario overlays.
extension Network {
    /// The settings tables that can be addressed by path, besides component tables.
    public static let settingsTables = ["grid_connection", "contracts", "targets", "forecasting"]

    /// The kind of the field a path names (`generators.pv.p_max_pu` → profile), `nil` for unknown paths.
    public static func fieldKind(at path: FieldPath) -> FieldKind? {
        let parts = path.components
        if parts.count == 3, let kind = ComponentKind(rawValue: parts[0]) { return kind.fieldKind(parts[2]) }
        guard parts.count == 2 else { return nil }
        return settingsFieldKind(table: parts[0], key: parts[1])
    }

    /// The kind of the field `key` of a settings table (`grid_connection`, `contracts`, `targets`, `forecasting`).
    public static func settingsFieldKind(table: String, key: String) -> FieldKind? {
        switch table {
        case "grid_connection": GridConnection.fieldKind(key)
        case "contracts": Contracts.fieldKind(key)
        case "targets": RE100Targets.fieldKind(key)
        case "forecasting": ForecastSettings.fieldKind(key)
        default: nil
        }
    }

    /// Adds a component of `kind` named `id` built from `fields`; returns every problem (unknown keys, wrong
    /// types, missing required fields, a duplicate name). The component is added only when there is none.
    public mutating func addComponent(kind: ComponentKind, id: String, fields: [FieldAssignment]) -> [ModelIssue] {
        func add<Component: NetworkComponent>(_ type: Component.Type) -> [ModelIssue] {
            let path = FieldPath([kind.rawValue, id])
            if self[keyPath: type.collection].contains(where: { $0.id.rawValue == id }) {
                return [ModelIssue(.error, path: path, message: "duplicate name", expected: "a unique name", found: id)]
            }
            var component = Component(id: Identifier(id))
            let issues = component.assign(fields, path: path)
            if issues.isEmpty { self[keyPath: type.collection].append(component) }
            return issues
        }
        return add(kind.componentType)
    }

    /// Sets (or creates, for `grid_connection`) a settings table from `fields`; returns every problem.
    public mutating func assignSettings(table: String, fields: [FieldAssignment]) -> [ModelIssue] {
        let path = FieldPath([table])
        switch table {
        case "grid_connection":
            var connection = gridConnection ?? GridConnection()
            let issues = connection.assign(fields, path: path)
            gridConnection = connection
            return issues
        case "contracts": return contracts.assign(fields, path: path)
        case "targets": return targets.assign(fields, path: path)
        case "forecasting": return forecasting.assign(fields, path: path)
        default: return [unknownPath(path)]
        }
    }

    /// Applies `change` to the field at `path` (`generators.pv_roof.p_nom`, `targets.co2_cap_t`); returns the
    /// problem when the path names no field or the value does not fit.
    public mutating func apply(_ change: FieldChange, at path: FieldPath) -> ModelIssue? {
        let parts = path.components
        if parts.count == 3, let kind = ComponentKind(rawValue: parts[0]) {
            func edit<Component: NetworkComponent>(_ type: Component.Type) -> ModelIssue? {
                guard let index = self[keyPath: type.collection].firstIndex(where: { $0.id.rawValue == parts[1] }) else {
                    return ModelIssue(
                        .error, path: path, message: "unknown \(kind.rawValue) name",
                        expected: "one of " + self[keyPath: type.collection].map(\.id.rawValue).joined(separator: ", "),
                        found: parts[1])
                }
                return self[keyPath: type.collection][index].apply(change, to: parts[2], path: path)
            }
            return edit(kind.componentType)
        }
        guard parts.count == 2 else { return unknownPath(path) }
        switch parts[0] {
        case "grid_connection":
            guard var connection = gridConnection else {
                return ModelIssue(
                    .error, path: path, message: "the network has no grid connection", expected: "a [grid_connection] table",
                    found: "none")
            }
            let issue = connection.apply(change, to: parts[1], path: path)
            gridConnection = connection
            return issue
        case "contracts": return contracts.apply(change, to: parts[1], path: path)
        case "targets": return targets.apply(change, to: parts[1], path: path)
        case "forecasting": return forecasting.apply(change, to: parts[1], path: path)
        default: return unknownPath(path)
        }
    }

    /// Removes the component at `path` (`storage_units.ess`); returns the problem when there is none.
    public mutating func removeComponent(at path: FieldPath) -> ModelIssue? {
        let parts = path.components
        guard parts.count == 2, let kind = ComponentKind(rawValue: parts[0]) else { return unknownPath(path) }
        func remove<Component: NetworkComponent>(_ type: Component.Type) -> ModelIssue? {
            let before = self[keyPath: type.collection].count
            self[keyPath: type.collection].removeAll { $0.id.rawValue == parts[1] }
            guard self[keyPath: type.collection].count == before else { return nil }
            return ModelIssue(
                .error, path: path, message: "unknown \(kind.rawValue) name", expected: "an existing component",
                found: parts[1])
        }
        return remove(kind.componentType)
    }

    private func unknownPath(_ path: FieldPath) -> ModelIssue {
        ModelIssue(
            .error, path: path, message: "unknown path",
            expected: "<component table>.<name>.<field> or grid_connection|contracts|targets|forecasting.<field> (tables: "
                + ComponentKind.allCases.map(\.rawValue).joined(separator: ", ") + ")",
            found: path.description)
    }
}
