/// One settable field of a component or settings table: its key in grid files and overlays, its kind, unit and
/// how to read and write it.
///
/// The field tables (`Generator.fields`, ...) are the single description of the native format: the grid reader
/// builds components through them, overlays set fields through them, and `docs/grid-format.md` lists them.
public struct ComponentField<Owner>: Sendable {
    /// The key in `grid.toml` and overlay paths (snake_case, PyPSA's attribute name where one exists).
    public let key: String
    /// The value type the field accepts.
    public let kind: FieldKind
    /// The unit (`MW`, `MWh`, `currency/MWh`, `t/MWh`, `per unit`, ...), empty when none.
    public let unit: String
    /// Whether grid files must give the field (no default).
    public let isRequired: Bool
    /// The current value, `nil` when an optional field is absent.
    public let read: @Sendable (Owner) -> FieldValue?
    /// Writes an accepted value (see `kind.accepts`); returns false when the value has the wrong type.
    public let write: @Sendable (inout Owner, FieldValue) -> Bool

    /// A required or defaulted number field.
    public static func number(
        _ key: String, _ path: WritableKeyPath<Owner, Double> & Sendable, unit: String = "", required: Bool = false
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .number, unit: unit, isRequired: required, read: { .number($0[keyPath: path]) },
            write: { owner, value in
                guard case .number(let number) = value else { return false }
                owner[keyPath: path] = number
                return true
            })
    }

    /// A number field that may be absent.
    public static func optionalNumber(
        _ key: String, _ path: WritableKeyPath<Owner, Double?> & Sendable, unit: String = ""
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .optionalNumber, unit: unit, isRequired: false,
            read: { owner in owner[keyPath: path].map(FieldValue.number) },
            write: { owner, value in
                guard case .number(let number) = value else { return false }
                owner[keyPath: path] = number
                return true
            })
    }

    /// A constant-or-series field.
    public static func profile(
        _ key: String, _ path: WritableKeyPath<Owner, Profile> & Sendable, unit: String = "", required: Bool = false
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .profile, unit: unit, isRequired: required,
            read: { owner in
                switch owner[keyPath: path] {
                case .constant(let value): .number(value)
                case .hourly(let values): .series(values)
                }
            },
            write: { owner, value in
                switch value {
                case .number(let number): owner[keyPath: path] = .constant(number)
                case .series(let values): owner[keyPath: path] = .hourly(values)
                default: return false
                }
                return true
            })
    }

    /// A reference to another component by name.
    public static func reference<Target>(
        _ key: String, _ path: WritableKeyPath<Owner, Identifier<Target>> & Sendable, required: Bool = true
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .text, unit: "", isRequired: required, read: { .text($0[keyPath: path].rawValue) },
            write: { owner, value in
                guard case .text(let text) = value else { return false }
                owner[keyPath: path] = Identifier(text)
                return true
            })
    }

    /// A reference to another component that may be absent.
    public static func optionalReference<Target>(
        _ key: String, _ path: WritableKeyPath<Owner, Identifier<Target>?> & Sendable
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .optionalText, unit: "", isRequired: false,
            read: { owner in owner[keyPath: path].map { .text($0.rawValue) } },
            write: { owner, value in
                guard case .text(let text) = value else { return false }
                owner[keyPath: path] = Identifier(text)
                return true
            })
    }

    /// A free text field.
    public static func text(
        _ key: String, _ path: WritableKeyPath<Owner, String> & Sendable, required: Bool = false
    ) -> ComponentField {
        ComponentField(
            key: key, kind: .text, unit: "", isRequired: required, read: { .text($0[keyPath: path]) },
            write: { owner, value in
                guard case .text(let text) = value else { return false }
                owner[keyPath: path] = text
                return true
            })
    }

    /// A true/false field.
    public static func flag(_ key: String, _ path: WritableKeyPath<Owner, Bool> & Sendable) -> ComponentField {
        ComponentField(
            key: key, kind: .flag, unit: "", isRequired: false, read: { .flag($0[keyPath: path]) },
            write: { owner, value in
                guard case .flag(let flag) = value else { return false }
                owner[keyPath: path] = flag
                return true
            })
    }

    /// A field with its own read and write functions (for enums such as a load's demand).
    public init(
        key: String, kind: FieldKind, unit: String, isRequired: Bool,
        read: @escaping @Sendable (Owner) -> FieldValue?, write: @escaping @Sendable (inout Owner, FieldValue) -> Bool
    ) {
        self.key = key
        self.kind = kind
        self.unit = unit
        self.isRequired = isRequired
        self.read = read
        self.write = write
    }
}
