import TOMLKit

/// A parsed TOML value, detached from TOMLKit (value type, `Sendable`).
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

    /// Converts a TOMLKit value; table keys are ordered by `order` (file order) where known.
    static func make(_ value: any TOMLValueConvertible, path: String, order: [String: [String]]) -> TOMLNode {
        switch value.type {
        case .table:
            guard let table = value.table else { return .table(keys: [], values: [:]) }
            var values: [String: TOMLNode] = [:]
            for key in table.keys {
                if let child = table[key] { values[key] = make(child, path: join(path, key), order: order) }
            }
            var keys: [String] = []
            var seen = Set<String>()
            for child in order[path] ?? [] {
                let key = child.firstIndex(of: "[").map { String(child[..<$0]) } ?? child
                if values[key] != nil, seen.insert(key).inserted { keys.append(key) }
            }
            keys += values.keys.filter { !seen.contains($0) }.sorted()
            return .table(keys: keys, values: values)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.enumerated().map { make($1, path: "\(path)[\($0)]", order: order) })
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? .nan)
        case .bool: return .boolean(value.bool ?? false)
        default: return .dateTime(value.debugDescription)
        }
    }

    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }
}
