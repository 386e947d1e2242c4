/// A small scanner over raw TOML text that records where every key, table, array element and value starts.
///
/// `TOMLParser` builds the values; this maps dotted paths (`tables.name.key`,
/// `array_of_tables[2].key`, `key[3]` for array elements, inline-table keys) to 1-based lines and character
/// columns. It assumes the text is valid TOML (`TOMLParser` parses it first) and never fails: on anything unexpected
/// it skips to the next line.
struct TOMLLocator {
    /// A recorded position: the key (or element) start, and the value start for keys with values.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var arrayTableCounts: [String: Int] = [:]
    /// Position of each path's key (table header name, key, or array element).
    private(set) var keyPositions: [String: Position] = [:]
    /// Position of each path's value.
    private(set) var valuePositions: [String: Position] = [:]
    /// Child keys of each table path in file order (array-of-tables elements appear as `name[i]`).
    private(set) var children: [String: [String]] = [:]

    /// Scans `text` and records every position.
    init(text: String) {
        bytes = Array(text.utf8)
        scanDocument()
    }

    // MARK: document structure

    private mutating func scanDocument() {
        var table = ""
        while true {
            skipBlank(newlines: true)
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "[") {
                let isArray = peek(1) == UInt8(ascii: "[")
                let start = position()
                index += isArray ? 2 : 1
                let parts = scanKey()
                table = resolve(parts, isArrayTable: isArray, at: start)
                skipToLineEnd()
            } else if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\n") {
                skipToLineEnd()
            } else {
                scanKeyValue(in: table)
                skipToLineEnd()
            }
        }
    }

    /// The path of a table header, with `[i]` for arrays of tables along the way.
    private mutating func resolve(_ parts: [String], isArrayTable: Bool, at start: Position) -> String {
        var path = ""
        for (offset, part) in parts.enumerated() {
            let parent = path
            path = join(path, part)
            let isLast = offset == parts.count - 1
            if isLast && isArrayTable {
                let count = arrayTableCounts[path, default: 0]
                arrayTableCounts[path] = count + 1
                record(key: "\(part)[\(count)]", parent: parent, at: start)
                path = join(parent, "\(part)[\(count)]")
            } else {
                record(key: part, parent: parent, at: start)
                if let count = arrayTableCounts[path] { path = join(parent, "\(part)[\(count - 1)]") }
            }
        }
        return path
    }

    private mutating func scanKeyValue(in table: String) {
        let start = position()
        let parts = scanKey()
        guard !parts.isEmpty else { return }
        var path = table
        for part in parts {
            record(key: part, parent: path, at: start)
            path = join(path, part)
        }
        skipBlank(newlines: false)
        guard peek() == UInt8(ascii: "=") else { return }
        index += 1
        scanValue(path: path)
    }

    // MARK: values

    private mutating func scanValue(path: String) {
        skipBlank(newlines: false)
        valuePositions[path] = valuePositions[path] ?? position()
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): skipString()
        case UInt8(ascii: "["): scanArray(path: path)
        case UInt8(ascii: "{"): scanInlineTable(path: path)
        default:
            while let next = peek(), !Self.scalarTerminators.contains(next) { index += 1 }
        }
    }

    private static let scalarTerminators: Set<UInt8> = [
        UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n"), UInt8(ascii: "#"), UInt8(ascii: "\r"),
    ]

    private mutating func scanArray(path: String) {
        index += 1
        var element = 0
        while true {
            skipBlank(newlines: true)
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "]") {
                index += 1
                return
            }
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            let elementPath = "\(path)[\(element)]"
            let parent = path
            keyPositions[elementPath] = position()
            appendChild("[\(element)]", to: parent)
            scanValue(path: elementPath)
            element += 1
        }
    }

    private mutating func scanInlineTable(path: String) {
        index += 1
        while true {
            skipBlank(newlines: true)
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "}") {
                index += 1
                return
            }
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            let before = index
            scanKeyValue(in: path)
            if index == before { index += 1 }
        }
    }

    // MARK: keys and strings

    /// Reads a dotted key (bare or quoted parts) and stops after it.
    private mutating func scanKey() -> [String] {
        var parts: [String] = []
        while true {
            skipBlank(newlines: false)
            guard let byte = peek() else { return parts }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let start = index + 1
                skipString()
                parts.append(String(decoding: bytes[start..<max(start, index - 1)], as: UTF8.self))
            } else {
                let start = index
                while let next = peek(), Self.isBareKeyByte(next) { index += 1 }
                guard index > start else { return parts }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipBlank(newlines: false)
            guard peek() == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Skips a basic, literal or multi-line string starting at the current quote.
    private mutating func skipString() {
        guard let quote = peek() else { return }
        let isTriple = peek(1) == quote && peek(2) == quote
        index += isTriple ? 3 : 1
        while let byte = peek() {
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if !isTriple { return }
                newline()
                continue
            }
            if byte == quote {
                if !isTriple {
                    index += 1
                    return
                }
                if peek(1) == quote && peek(2) == quote {
                    index += 3
                    while peek() == quote { index += 1 }
                    return
                }
            }
            index += 1
        }
    }

    // MARK: low-level

    private func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// Skips spaces, tabs and comments; also newlines when `newlines`.
    private mutating func skipBlank(newlines: Bool) {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "\n") && newlines {
                newline()
            } else {
                return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
        if peek() == UInt8(ascii: "\n") { newline() }
    }

    private mutating func newline() {
        index += 1
        line += 1
        lineStart = index
    }

    /// The current line and character column (UTF-8 continuation bytes do not count).
    private func position() -> Position {
        var column = 1
        for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return Position(line: line, column: column)
    }

    private mutating func record(key: String, parent: String, at start: Position) {
        let path = join(parent, key)
        if keyPositions[path] == nil {
            keyPositions[path] = start
            appendChild(key, to: parent)
        }
    }

    private mutating func appendChild(_ key: String, to parent: String) {
        children[parent, default: []].append(key)
    }

    private func join(_ parent: String, _ key: String) -> String {
        if parent.isEmpty { return key }
        return key.hasPrefix("[") ? parent + key : parent + "." + key
    }
}
