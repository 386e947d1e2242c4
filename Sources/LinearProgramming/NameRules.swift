/// The names GLPK and the CPLEX LP format accept for rows and columns.
///
/// GLPK aborts on names longer than 255 characters, and its CPLEX LP writer silently renames
/// rows and columns whose names contain characters the format forbids, which would break the
/// link between an exported model and its components. re100 therefore allows only:
/// letters, digits and the characters of GLPK's `FCHARS` (`! " # $ % & ( ) / , . ; ? @ _ ` ' { } | ~`),
/// not starting with a digit or a period (GLPK's `check_name` in `wrcpx.c`). An empty name is
/// allowed and gets a generated one on export.
enum NameRules {
    static let maximumLength = 255

    private static let allowedPunctuation: Set<UInt8> = Set("!\"#$%&()/,.;?@_`'{}|~".utf8)

    /// Why `name` is not acceptable, or nil when it is.
    static func problem(with name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return nil }
        if bytes.count > maximumLength {
            return "name has \(bytes.count) bytes; at most \(maximumLength) are allowed"
        }
        for byte in bytes where !(isLetterOrDigit(byte) || allowedPunctuation.contains(byte)) {
            let character = String(decoding: [byte], as: UTF8.self)
            return "name '\(name)' contains '\(byte < 0x80 ? character : "non-ASCII")'; only letters, digits and !\"#$%&()/,.;?@_`'{}|~ are allowed"
        }
        let first = bytes[0]
        if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: ".") {
            return "name '\(name)' starts with a digit or a period"
        }
        return nil
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
