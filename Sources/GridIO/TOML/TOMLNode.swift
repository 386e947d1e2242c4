/// A parsed TOML value (value type, `Sendable`).
public indirect enum TOMLNode: Sendable, Equatable {
    /// A table; `keys` in file order.
    case table(keys: [String], values: [String: TOMLNode])
    /// An array.
    case array([TOMLNode])
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case float(Double)
    /// A boolean.
    case boolean(Bool)
    /// A date, time or date-time, in its TOML text form.
    case dateTime(String)

    /// What kind of value this is, in the words used by diagnostics, with the value for scalars.
    public var summary: String {
        switch self {
        case .table: "a table"
        case .array(let elements): "an array of \(elements.count)"
        case .string(let text): "the string \"\(text)\""
        case .integer(let value): "the integer \(value)"
        case .float(let value): "the number \(value)"
        case .boolean(let value): "the boolean \(value)"
        case .dateTime(let text): "the date-time \(text)"
        }
    }

    /// The number, for integers and floats.
    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }
}
