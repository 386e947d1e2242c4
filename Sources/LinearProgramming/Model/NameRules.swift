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

    /// Byte-indexed table of the allowed characters (letters, digits, GLPK's FCHARS).
    private static let allowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!\"#$%&()/,.;?@_`'{}|~".utf8 { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        return table
    }()

    /// Why `name` is not acceptable, or nil when it is.
    static func problem(with name: String) -> String? {
        let bytes = name.utf8
        guard let first = bytes.first else { return nil }
        if bytes.count > maximumLength {
            return "name has \(bytes.count) bytes; at most \(maximumLength) are allowed"
        }
        for byte in bytes where !allowed[Int(byte)] {
            let character = String(decoding: [byte], as: UTF8.self)
            return "name '\(name)' contains '\(byte < 0x80 ? character : "non-ASCII")'; only letters, digits and !\"#$%&()/,.;?@_`'{}|~ are allowed"
        }
        if (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: ".") {
            return "name '\(name)' starts with a digit or a period"
        }
        return nil
    }
}
