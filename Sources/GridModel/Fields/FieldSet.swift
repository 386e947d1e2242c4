/// A value whose settable fields are described by a field table (components and settings tables alike).
public protocol FieldSet: Sendable, Equatable {
    /// The fields in documentation order.
    static var fields: [ComponentField<Self>] { get }
}

extension FieldSet {
    /// The field with this key, if any.
    public static func field(_ key: String) -> ComponentField<Self>? { fields.first { $0.key == key } }

    /// The keys of the field table, in documentation order.
    public static var fieldKeys: [String] { fields.map(\.key) }

    /// The kind of the field `key`, `nil` when the key is unknown.
    public static func fieldKind(_ key: String) -> FieldKind? { field(key)?.kind }

    /// The keys grid files must give.
    public static var requiredKeys: [String] { fields.filter(\.isRequired).map(\.key) }

    /// Writes `value` to the field `key`, returning the problem when the key is unknown or the value has the
    /// wrong type. `path` names the field in the problem.
    public mutating func set(_ key: String, to value: FieldValue, path: FieldPath) -> ModelIssue? {
        guard let field = Self.field(key) else {
            return ModelIssue(
                .error, path: path, message: "unknown field",
                expected: "one of " + Self.fields.map(\.key).joined(separator: ", "), found: key)
        }
        guard field.kind.accepts(value), field.write(&self, value) else {
            return ModelIssue(
                .error, path: path, message: "wrong value type", expected: field.kind.expectation,
                found: value.kindName)
        }
        return nil
    }

    /// Multiplies the number or profile field `key` by `factor`.
    public mutating func scale(_ key: String, by factor: Double, path: FieldPath) -> ModelIssue? {
        guard let field = Self.field(key) else { return set(key, to: .number(factor), path: path) }
        switch field.read(self) {
        case .number(let number): return set(key, to: .number(number * factor), path: path)
        case .series(let values): return set(key, to: .series(values.map { $0 * factor }), path: path)
        case nil where field.kind == .optionalNumber: return nil
        default:
            return ModelIssue(
                .error, path: path, message: "only numbers and series can be scaled",
                expected: "a number or profile field", found: field.kind.rawValue)
        }
    }
}

/// A named network component with a field table, stored in one of `Network`'s component lists.
public protocol NetworkComponent: FieldSet {
    /// The kind of component, naming its table in `grid.toml` (`generators`, ...).
    static var kind: ComponentKind { get }
    /// The component's list in a network.
    static var collection: WritableKeyPath<Network, [Self]> { get }
    /// The component's name, unique among components of its kind.
    var id: Identifier<Self> { get }
    /// A component with this name and every field at its default (required references empty).
    init(id: Identifier<Self>)
}
