/// A TOML 1.0 parser written for re100's inputs: it never traps or aborts, whatever the bytes.
///
/// It replaces TOMLKit (whose C++ parser asserts and aborts the process on inputs such as `[[[a]`), producing
/// `TOMLNode` values directly with tables' keys in file order. Every failure is a `TOMLParser.Failure` with the
/// 1-based line and character column where the text stops being TOML. Nesting (tables, arrays, inline tables,
/// dotted keys together) is limited to `maximumDepth` levels so no input can exhaust the stack.
struct TOMLParser {
    /// Why and where the text is not TOML.
    struct Failure: Error, Equatable {
        /// 1-based line.
        var line: Int
        /// 1-based character column.
        var column: Int
        /// What is wrong, in words.
        var message: String
    }

    /// The deepest nesting accepted (header and dotted-key parts, arrays and inline tables together).
    static let maximumDepth = 64

    /// Parses `text` into its root table.
    static func parse(_ text: String) throws(Failure) -> TOMLNode {
        var parser = TOMLParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    // MARK: document model while parsing

    /// A table being filled; reference type so headers can reopen the tables they name.
    private final class Table {
        enum Origin { case implicit, header, dottedKeys }
        var keys: [String] = []
        var entries: [String: Entry] = [:]
        var origin: Origin
        let depth: Int

        init(origin: Origin, depth: Int) {
            self.origin = origin
            self.depth = depth
        }

        func set(_ key: String, _ entry: Entry) {
            if entries.updateValue(entry, forKey: key) == nil { keys.append(key) }
        }

        func node() -> TOMLNode {
            var values: [String: TOMLNode] = [:]
            for (key, entry) in entries {
                switch entry {
                case .value(let value): values[key] = value
                case .table(let table): values[key] = table.node()
                case .arrayOfTables(let tables): values[key] = .array(tables.map { $0.node() })
                }
            }
            return .table(keys: keys, values: values)
        }
    }

    private enum Entry {
        /// A value written with `=` (inline tables and arrays included): closed to later additions.
        case value(TOMLNode)
        case table(Table)
        case arrayOfTables([Table])
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: document

    private mutating func parseDocument() throws(Failure) -> TOMLNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        let root = Table(origin: .header, depth: 0)
        var current = root
        while true {
            skipBlank()
            guard let byte = peek() else { break }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                try lineEnd()
                continue
            }
            if byte == UInt8(ascii: "[") {
                current = try parseHeader(root: root)
            } else {
                try parseKeyValue(into: current, depth: current.depth)
            }
            skipBlank()
            try lineEnd()
        }
        return root.node()
    }

    /// `[a.b]` or `[[a.b]]`: returns the table the following key/value pairs go into.
    private mutating func parseHeader(root: Table) throws(Failure) -> Table {
        let start = position()
        index += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipBlank()
        let parts = try parseKey()
        guard parts.count <= Self.maximumDepth else { throw failure("table header nested too deeply", at: start) }
        skipBlank()
        guard peek() == UInt8(ascii: "]") else { throw failure("expected ']' to close the table header") }
        index += 1
        if isArray {
            guard peek() == UInt8(ascii: "]") else { throw failure("expected ']]' to close the array-of-tables header") }
            index += 1
        }
        var table = root
        for (offset, part) in parts.enumerated() {
            let isLast = offset == parts.count - 1
            let depth = table.depth + 1
            switch table.entries[part] {
            case nil:
                if isLast && isArray {
                    let element = Table(origin: .header, depth: depth)
                    table.set(part, .arrayOfTables([element]))
                    return element
                }
                let child = Table(origin: isLast ? .header : .implicit, depth: depth)
                table.set(part, .table(child))
                table = child
            case .table(let child):
                if isLast {
                    if isArray { throw failure("'\(part)' is already a table, not an array of tables", at: start) }
                    if child.origin != .implicit { throw failure("table '\(part)' is defined twice", at: start) }
                    child.origin = .header
                }
                table = child
            case .arrayOfTables(var elements):
                if isLast {
                    guard isArray else { throw failure("'\(part)' is an array of tables, not a table", at: start) }
                    let element = Table(origin: .header, depth: depth)
                    elements.append(element)
                    table.set(part, .arrayOfTables(elements))
                    return element
                }
                guard let last = elements.last else { throw failure("'\(part)' is empty", at: start) }
                table = last
            case .value:
                throw failure("'\(part)' already holds a value, so it cannot be a table", at: start)
            }
        }
        return table
    }

    /// `key = value`, with dotted keys creating tables inside `table`.
    private mutating func parseKeyValue(into table: Table, depth: Int) throws(Failure) {
        let start = position()
        let parts = try parseKey()
        guard depth + parts.count <= Self.maximumDepth else { throw failure("key nested too deeply", at: start) }
        skipBlank()
        guard peek() == UInt8(ascii: "=") else { throw failure("expected '=' after the key") }
        index += 1
        skipBlank()
        let value = try parseValue(depth: depth + parts.count)
        var target = table
        for part in parts.dropLast() {
            switch target.entries[part] {
            case nil:
                let child = Table(origin: .dottedKeys, depth: target.depth + 1)
                target.set(part, .table(child))
                target = child
            case .table(let child) where child.origin == .dottedKeys:
                target = child
            default:
                throw failure("dotted key '\(parts.joined(separator: "."))' would change '\(part)', defined elsewhere", at: start)
            }
        }
        let last = parts[parts.count - 1]
        guard target.entries[last] == nil else { throw failure("key '\(last)' is defined twice", at: start) }
        target.set(last, .value(value))
    }

    // MARK: keys

    /// A dotted key: one or more bare or quoted parts (never empty).
    private mutating func parseKey() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipBlank()
            guard let byte = peek() else { throw failure("expected a key") }
            if byte == UInt8(ascii: "\"") {
                if peek(1) == byte && peek(2) == byte { throw failure("a key cannot be a multi-line string") }
                parts.append(try parseBasicString())
            } else if byte == UInt8(ascii: "'") {
                if peek(1) == byte && peek(2) == byte { throw failure("a key cannot be a multi-line string") }
                parts.append(try parseLiteralString())
            } else {
                let start = index
                while let next = peek(), Self.isBareKeyByte(next) { index += 1 }
                guard index > start else { throw failure("expected a key") }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            guard parts.count <= Self.maximumDepth else { throw failure("key nested too deeply") }
            skipBlank()
            guard peek() == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    // MARK: values

    private mutating func parseValue(depth: Int) throws(Failure) -> TOMLNode {
        guard depth <= Self.maximumDepth else { throw failure("value nested too deeply") }
        guard let byte = peek() else { throw failure("expected a value") }
        switch byte {
        case UInt8(ascii: "\""):
            if peek(1) == byte && peek(2) == byte { return .string(try parseMultilineBasicString()) }
            return .string(try parseBasicString())
        case UInt8(ascii: "'"):
            if peek(1) == byte && peek(2) == byte { return .string(try parseMultilineLiteralString()) }
            return .string(try parseLiteralString())
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "{"):
            return try parseInlineTable(depth: depth)
        default:
            return try parseScalar()
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> TOMLNode {
        index += 1
        var elements: [TOMLNode] = []
        while true {
            try skipBlankAndNewlines()
            guard let byte = peek() else { throw failure("unterminated array: expected ']'") }
            if byte == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            elements.append(try parseValue(depth: depth + 1))
            try skipBlankAndNewlines()
            guard let next = peek() else { throw failure("unterminated array: expected ']'") }
            if next == UInt8(ascii: ",") {
                index += 1
            } else if next != UInt8(ascii: "]") {
                throw failure("expected ',' or ']' in the array")
            }
        }
    }

    private mutating func parseInlineTable(depth: Int) throws(Failure) -> TOMLNode {
        index += 1
        let table = Table(origin: .header, depth: depth)
        skipBlank()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return table.node()
        }
        while true {
            skipBlank()
            try parseKeyValue(into: table, depth: depth)
            skipBlank()
            guard let next = peek() else { throw failure("unterminated inline table: expected '}'") }
            if next == UInt8(ascii: "}") {
                index += 1
                return table.node()
            }
            guard next == UInt8(ascii: ",") else { throw failure("expected ',' or '}' in the inline table") }
            index += 1
        }
    }

    /// Booleans, numbers and dates: a run of the characters they can contain.
    private mutating func parseScalar() throws(Failure) -> TOMLNode {
        let start = index
        let startPosition = position()
        while let byte = peek(), Self.isScalarByte(byte) { index += 1 }
        // A date-time may separate the date and the time with one space: `1979-05-27 07:32:00`.
        if index - start == 10, peek() == UInt8(ascii: " "), let hour = peek(1), let minute = peek(2),
           Self.isDigit(hour), Self.isDigit(minute), peek(3) == UInt8(ascii: ":"), Self.isDate(bytes[start..<index]) {
            index += 1
            while let byte = peek(), Self.isScalarByte(byte) { index += 1 }
        }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !token.isEmpty else { throw failure("expected a value") }
        if token == "true" { return .boolean(true) }
        if token == "false" { return .boolean(false) }
        if let value = TOMLScalar.integer(token) { return .integer(value) }
        if let value = TOMLScalar.float(token) { return .float(value) }
        if TOMLScalar.isDateTime(token) { return .dateTime(token) }
        if TOMLScalar.looksLikeInteger(token) {
            throw failure("integer \(token) is out of range (64-bit)", at: startPosition)
        }
        throw failure("invalid value \(token)", at: startPosition)
    }

    private static func isScalarByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isDate(_ text: ArraySlice<UInt8>) -> Bool {
        TOMLScalar.isDateTime(String(decoding: text, as: UTF8.self))
    }

    // MARK: strings

    private mutating func parseBasicString() throws(Failure) -> String {
        index += 1
        var start = index
        var text = ""
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            if byte == UInt8(ascii: "\"") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                text.unicodeScalars.append(try parseEscape())
                start = index
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { throw failure("unterminated string") }
            try checkControl(byte)
            index += 1
        }
    }

    private mutating func parseLiteralString() throws(Failure) -> String {
        index += 1
        let start = index
        while true {
            guard let byte = peek() else { throw failure("unterminated string") }
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { throw failure("unterminated string") }
            try checkControl(byte)
            index += 1
        }
    }

    private mutating func parseMultilineBasicString() throws(Failure) -> String {
        index += 3
        try skipFirstNewline()
        var text = ""
        var start = index
        while true {
            guard let byte = peek() else { throw failure("unterminated multi-line string") }
            if byte == UInt8(ascii: "\"") && peek(1) == byte && peek(2) == byte {
                var end = index + 3
                var quotes = 0
                while end < bytes.count && bytes[end] == byte && quotes < 2 { end += 1; quotes += 1 }
                text += String(decoding: bytes[start..<(index + quotes)], as: UTF8.self)
                index = end
                return text
            }
            if byte == UInt8(ascii: "\\") {
                text += String(decoding: bytes[start..<index], as: UTF8.self)
                if try skipLineEndingBackslash() {
                    start = index
                    continue
                }
                text.unicodeScalars.append(try parseEscape())
                start = index
                continue
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                try newline()
                continue
            }
            try checkControl(byte)
            index += 1
        }
    }

    private mutating func parseMultilineLiteralString() throws(Failure) -> String {
        index += 3
        try skipFirstNewline()
        let start = index
        while true {
            guard let byte = peek() else { throw failure("unterminated multi-line string") }
            if byte == UInt8(ascii: "'") && peek(1) == byte && peek(2) == byte {
                var end = index + 3
                var quotes = 0
                while end < bytes.count && bytes[end] == byte && quotes < 2 { end += 1; quotes += 1 }
                let text = String(decoding: bytes[start..<(index + quotes)], as: UTF8.self)
                index = end
                return text
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                try newline()
                continue
            }
            try checkControl(byte)
            index += 1
        }
    }

    /// A newline right after the opening delimiter is not part of the string.
    private mutating func skipFirstNewline() throws(Failure) {
        if peek() == UInt8(ascii: "\n") || (peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n")) { try newline() }
    }

    /// `\` followed by blanks up to a line end trims all whitespace and newlines after it.
    private mutating func skipLineEndingBackslash() throws(Failure) -> Bool {
        var probe = index + 1
        while probe < bytes.count && (bytes[probe] == UInt8(ascii: " ") || bytes[probe] == UInt8(ascii: "\t")) { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "\n") || bytes[probe] == UInt8(ascii: "\r") else { return false }
        index = probe
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                try newline()
            } else {
                break
            }
        }
        return true
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        let start = position()
        index += 1
        guard let byte = peek() else { throw failure("unterminated escape sequence") }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "e"): return "\u{1B}"
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + digits <= bytes.count,
                  let code = UInt32(String(decoding: bytes[index..<(index + digits)], as: UTF8.self), radix: 16),
                  bytes[index..<(index + digits)].allSatisfy({ Self.isHexDigit($0) }),
                  let scalar = Unicode.Scalar(code)
            else { throw failure("invalid Unicode escape", at: start) }
            index += digits
            return scalar
        default:
            throw failure("invalid escape sequence", at: start)
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    /// Control characters other than tab are not allowed in strings.
    private func checkControl(_ byte: UInt8) throws(Failure) {
        if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F { throw failure("control character in a string") }
    }

    // MARK: blanks, comments and lines

    private func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// Skips spaces, tabs and a comment up to (not including) the line end.
    private mutating func skipBlank() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func skipBlankAndNewlines() throws(Failure) {
        while true {
            skipBlank()
            guard let byte = peek(), byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { return }
            try newline()
        }
    }

    /// Requires the end of a line (or of the text) after a key/value pair or header.
    private mutating func lineEnd() throws(Failure) {
        guard let byte = peek() else { return }
        guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { throw failure("expected the end of the line") }
        try newline()
    }

    /// Consumes `\n` or `\r\n`; a lone `\r` is an error.
    private mutating func newline() throws(Failure) {
        if peek() == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw failure("carriage return without a line feed") }
            index += 1
        }
        index += 1
        line += 1
        lineStart = index
    }

    /// A place in the text; its column is counted only when a failure is reported.
    private struct Mark {
        var line: Int
        var lineStart: Int
        var index: Int
    }

    private func position() -> Mark { Mark(line: line, lineStart: lineStart, index: index) }

    private func failure(_ message: String, at mark: Mark? = nil) -> Failure {
        let place = mark ?? position()
        var column = 1
        var offset = place.lineStart
        while offset < place.index && offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return Failure(line: place.line, column: column, message: message)
    }
}
