/// The type a component field accepts; drives readers (what to parse) and overlays (what may be set).
public enum FieldKind: String, Sendable, Equatable, Codable {
    /// A finite number.
    case number
    /// A number or nothing (absent means "no limit" or "not used").
    case optionalNumber = "optional number"
    /// A constant number or a series (`file.csv:column` in grid files).
    case profile
    /// A name or reference.
    case text
    /// A name or reference that may be absent.
    case optionalText = "optional string"
    /// A true/false flag.
    case flag = "boolean"

    /// Whether a value of this kind may be written to a field of this kind.
    public func accepts(_ value: FieldValue) -> Bool {
        switch (self, value) {
        case (.number, .number), (.optionalNumber, .number), (.profile, .number), (.profile, .series),
            (.text, .text), (.optionalText, .text), (.flag, .flag):
            true
        default:
            false
        }
    }

    /// What a value of this kind looks like, for diagnostics.
    public var expectation: String {
        switch self {
        case .number, .optionalNumber: "a number"
        case .profile: "a number or a series reference \"file.csv:column\""
        case .text, .optionalText: "a string"
        case .flag: "a boolean"
        }
    }
}
