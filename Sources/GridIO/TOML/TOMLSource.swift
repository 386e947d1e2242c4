import Foundation

/// A parsed TOML file that knows where every key and value is: the located-value API for all of re100's TOML
/// files (grids, tariffs, overlays, solver presets).
///
/// Paths are dotted (`grid_connection.import_limit_mw`); array elements and array-of-tables entries are
/// `name[i]` (0-based): `time_bands[2].peak`, `energy_prices[0]`. Every accessor error names the file, line,
/// column and key, and what was expected and found.
public struct TOMLSource: Sendable {
    /// The file path as given (used in diagnostics).
    public let file: String
    /// The whole document.
    public let root: TOMLNode
    private let keyPositions: [String: TOMLLocator.Position]
    private let valuePositions: [String: TOMLLocator.Position]

    /// Reads and parses a TOML file (a regular file of at most `RegularFileReader.maximumTextBytes`).
    public static func load(contentsOf url: URL) throws(GridIOError) -> TOMLSource {
        let text: String
        do {
            text = try RegularFileReader.text(url.path)
        } catch {
            throw GridIOError(error)
        }
        return try TOMLSource(text: text, file: url.path)
    }

    /// Parses TOML text; `file` names it in diagnostics.
    public init(text: String, file: String) throws(GridIOError) {
        let root: TOMLNode
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw GridIOError(
                file: file, line: error.line, column: error.column, field: nil, message: "TOML syntax error",
                expected: "valid TOML", found: error.message)
        }
        let locator = TOMLLocator(text: text)
        self.file = file
        keyPositions = locator.keyPositions
        valuePositions = locator.valuePositions
        self.root = root
    }

    // MARK: locations

    /// Where the key (or array element) at `path` is, `nil` when the path is not in the file.
    public func location(of path: String) -> SourceLocation? {
        keyPositions[path].map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// Where the value at `path` starts (falls back to the key).
    public func valueLocation(of path: String) -> SourceLocation? {
        (valuePositions[path] ?? keyPositions[path]).map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// The location of `path` or of its closest located ancestor (for paths of things that are absent).
    public func nearestLocation(of path: String) -> SourceLocation? {
        var current = path
        while !current.isEmpty {
            if let location = location(of: current) { return location }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = String(current[..<cut])
        }
        return nil
    }

    // MARK: structure

    /// The value at `path` (`""` is the root), `nil` when absent.
    public func node(at path: String) -> TOMLNode? {
        var node = root
        for part in Self.split(path) {
            switch (node, part) {
            case (.table(_, let values), .key(let key)):
                guard let child = values[key] else { return nil }
                node = child
            case (.array(let elements), .index(let position)):
                guard elements.indices.contains(position) else { return nil }
                node = elements[position]
            default:
                return nil
            }
        }
        return node
    }

    /// Whether a value exists at `path`.
    public func contains(_ path: String) -> Bool { node(at: path) != nil }

    /// The keys of the table at `path` in file order; empty when it is absent or not a table.
    public func keys(at path: String) -> [String] {
        if case .table(let keys, _) = node(at: path) { return keys }
        return []
    }

    /// The number of elements of the array at `path`; 0 when absent or not an array.
    public func count(at path: String) -> Int {
        if case .array(let elements) = node(at: path) { return elements.count }
        return 0
    }

    /// One error per key of the table at `path` that is not in `allowed`, at the key's line and column.
    public func unknownKeys(at path: String, allowed: Set<String>) -> [GridIOError] {
        keys(at: path).filter { !allowed.contains($0) }.map { key in
            let keyPath = TOMLNode.join(path, key)
            return GridIOError(
                at: location(of: keyPath), file: file, field: keyPath, message: "unknown key",
                expected: "one of " + allowed.sorted().joined(separator: ", "), found: key)
        }
    }

    // MARK: typed values

    /// The number at `path` (integers accepted).
    public func double(at path: String) throws(GridIOError) -> Double {
        let node = try required(path, expected: "a number")
        guard let number = node.number else { throw mismatch(path, expected: "a number", found: node) }
        return number
    }

    /// The integer at `path`.
    public func int(at path: String) throws(GridIOError) -> Int {
        let node = try required(path, expected: "an integer")
        guard case .integer(let value) = node else { throw mismatch(path, expected: "an integer", found: node) }
        return value
    }

    /// The string at `path`.
    public func string(at path: String) throws(GridIOError) -> String {
        let node = try required(path, expected: "a string")
        guard case .string(let value) = node else { throw mismatch(path, expected: "a string", found: node) }
        return value
    }

    /// The boolean at `path`.
    public func bool(at path: String) throws(GridIOError) -> Bool {
        let node = try required(path, expected: "a boolean")
        guard case .boolean(let value) = node else { throw mismatch(path, expected: "a boolean", found: node) }
        return value
    }

    /// The array of numbers at `path`; an element of another type is an error at that element.
    public func doubles(at path: String) throws(GridIOError) -> [Double] {
        let elements = try array(at: path, expected: "an array of numbers")
        var values: [Double] = []
        for (position, element) in elements.enumerated() {
            guard let number = element.number else {
                throw mismatch("\(path)[\(position)]", expected: "a number", found: element)
            }
            values.append(number)
        }
        return values
    }

    /// The array of integers at `path`.
    public func ints(at path: String) throws(GridIOError) -> [Int] {
        let elements = try array(at: path, expected: "an array of integers")
        var values: [Int] = []
        for (position, element) in elements.enumerated() {
            guard case .integer(let value) = element else {
                throw mismatch("\(path)[\(position)]", expected: "an integer", found: element)
            }
            values.append(value)
        }
        return values
    }

    /// The array of strings at `path`.
    public func strings(at path: String) throws(GridIOError) -> [String] {
        let elements = try array(at: path, expected: "an array of strings")
        var values: [String] = []
        for (position, element) in elements.enumerated() {
            guard case .string(let value) = element else {
                throw mismatch("\(path)[\(position)]", expected: "a string", found: element)
            }
            values.append(value)
        }
        return values
    }

    /// The number at `path`, or `defaultValue` when the key is absent.
    public func double(at path: String, default defaultValue: Double) throws(GridIOError) -> Double {
        contains(path) ? try double(at: path) : defaultValue
    }

    /// The string at `path`, or `defaultValue` when the key is absent.
    public func string(at path: String, default defaultValue: String) throws(GridIOError) -> String {
        contains(path) ? try string(at: path) : defaultValue
    }

    /// An error about the value at `path` (located at its value, else its key, else its nearest ancestor).
    public func error(at path: String, message: String, expected: String, found: String) -> GridIOError {
        GridIOError(
            at: valueLocation(of: path) ?? nearestLocation(of: path), file: file, field: path, message: message,
            expected: expected, found: found)
    }

    // MARK: helpers

    private func array(at path: String, expected: String) throws(GridIOError) -> [TOMLNode] {
        let node = try required(path, expected: expected)
        guard case .array(let elements) = node else { throw mismatch(path, expected: expected, found: node) }
        return elements
    }

    private func required(_ path: String, expected: String) throws(GridIOError) -> TOMLNode {
        guard let node = node(at: path) else {
            throw GridIOError(
                at: nearestLocation(of: path), file: file, field: path, message: "missing key", expected: expected,
                found: "nothing")
        }
        return node
    }

    private func mismatch(_ path: String, expected: String, found: TOMLNode) -> GridIOError {
        error(at: path, message: "wrong value type", expected: expected, found: found.summary)
    }

    private enum PathPart {
        case key(String)
        case index(Int)
    }

    /// Splits `a.b[2].c` into keys and indices.
    private static func split(_ path: String) -> [PathPart] {
        var parts: [PathPart] = []
        for segment in path.split(separator: ".") {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                parts.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    parts.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? -1))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                parts.append(.key(String(rest)))
            }
        }
        return parts
    }
}
