import GridModel

/// A place in a source file: 1-based line and character column (Unicode scalars from the line start).
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The file path as given to the reader.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based character column.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found while reading grid files (TOML, CSV series, tariffs, overlays) or validating the network
/// they describe: where it is (file, line, column, field path), what was expected and what was found.
///
/// `line` and `column` are 0 when the problem has no place in a file (then `field` is the fallback location).
/// Codable for `--format json`.
public struct GridIOError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whether the problem blocks use of the grid.
    public let severity: ModelIssue.Severity
    /// The file the problem is in (as given to the reader).
    public let file: String
    /// 1-based line, 0 when unknown.
    public let line: Int
    /// 1-based character column, 0 when unknown.
    public let column: Int
    /// The dotted field path (`generators.pv_roof.p_nom`), when the problem concerns a field.
    public let field: String?
    /// What is wrong, in a few words.
    public let message: String
    /// What was expected.
    public let expected: String
    /// What was found.
    public let found: String

    /// Creates a problem.
    public init(
        _ severity: ModelIssue.Severity = .error, file: String, line: Int = 0, column: Int = 0, field: String?,
        message: String, expected: String, found: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.expected = expected
        self.found = found
    }

    /// Creates a problem at a location (or in `file` without a line when `location` is nil).
    public init(
        _ severity: ModelIssue.Severity = .error, at location: SourceLocation?, file: String, field: String?,
        message: String, expected: String, found: String
    ) {
        self.init(
            severity, file: location?.file ?? file, line: location?.line ?? 0, column: location?.column ?? 0, field: field,
            message: message, expected: expected, found: found)
    }

    /// Wraps a CSV reading problem.
    public init(_ error: CSVError, field: String? = nil) {
        self.init(
            file: error.file, line: error.line, column: error.column, field: field ?? error.field, message: "bad CSV data",
            expected: error.expected, found: error.found)
    }

    /// `file:line:column: error: message at field (expected ..., found ...)`.
    public var description: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            if column > 0 { place += ":\(column)" }
        }
        let at = field.map { " at \($0)" } ?? ""
        return "\(place): \(severity.rawValue): \(message)\(at) (expected \(expected), found \(found))"
    }
}

/// Every problem found while reading (and validating) a grid: thrown when there is at least one error.
public struct GridDiagnostics: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Problems that make the grid unusable, in the order found.
    public var errors: [GridIOError]
    /// Problems that do not block a run.
    public var warnings: [GridIOError]

    /// Creates diagnostics.
    public init(errors: [GridIOError] = [], warnings: [GridIOError] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    /// Adds a problem to the list its severity belongs to.
    public mutating func append(_ problem: GridIOError) {
        if problem.severity == .error { errors.append(problem) } else { warnings.append(problem) }
    }

    /// Adds problems to the lists their severities belong to.
    public mutating func append(contentsOf problems: [GridIOError]) {
        for problem in problems { append(problem) }
    }

    /// Whether there are no errors.
    public var isClean: Bool { errors.isEmpty }

    /// Errors first, then warnings, one per line.
    public var description: String { (errors + warnings).map(\.description).joined(separator: "\n") }
}
