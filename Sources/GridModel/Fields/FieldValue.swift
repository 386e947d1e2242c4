/// A value for one field of a component, as read from a grid file or given by a scenario overlay.
public enum FieldValue: Sendable, Equatable, Codable, CustomStringConvertible {
    /// A number (integers are read as numbers).
    case number(Double)
    /// A text value: a name, a reference to another component, or a file reference.
    case text(String)
    /// A true/false flag.
    case flag(Bool)
    /// A series of numbers, one per snapshot for profile fields.
    case series([Double])

    /// A short description of the value for diagnostics (`300`, `"pv"`, `true`, `8760 values`).
    public var description: String {
        switch self {
        case .number(let value): value.formatted
        case .text(let text): "\"\(text)\""
        case .flag(let flag): String(flag)
        case .series(let values): "\(values.count) values"
        }
    }

    /// What kind of value this is, in the words used by diagnostics.
    public var kindName: String {
        switch self {
        case .number: "a number"
        case .text: "a string"
        case .flag: "a boolean"
        case .series: "a series"
        }
    }
}

extension Double {
    /// The number as written by people: integers without a decimal point.
    var formatted: String {
        if isFinite, rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
