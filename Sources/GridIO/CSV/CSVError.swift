/// A problem found while reading a CSV file, with the exact place it was found.
///
/// `line` and `column` are 1-based; `column` counts characters (Unicode scalars), not bytes, from the start of
/// the line to the first character of the offending cell. Problems that concern the whole file (it cannot be
/// opened, it is empty) carry line 0 and column 0.
public struct CSVError: Error, CustomStringConvertible, Codable, Sendable, Equatable {
    /// The file path as given to the reader (or the name passed with in-memory bytes).
    public let file: String
    /// The 1-based line of the problem in the file; 0 when the problem concerns the whole file.
    public let line: Int
    /// The 1-based character column of the offending cell within `line`; 0 when not about a cell.
    public let column: Int
    /// The header name of the column the problem is in, when known.
    public let field: String?
    /// What the reader expected at that place, in words ("a number", "3 fields as in the header").
    public let expected: String
    /// What the reader found instead, quoted when it is file content.
    public let found: String

    /// Creates an error at a place in a file.
    /// - Parameters:
    ///   - file: the path as given to the reader.
    ///   - line: 1-based line, or 0 for the whole file.
    ///   - column: 1-based character column, or 0 when not about a cell.
    ///   - field: the header name of the column, when known.
    ///   - expected: what was expected, in words.
    ///   - found: what was found instead.
    public init(file: String, line: Int, column: Int, field: String?, expected: String, found: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.expected = expected
        self.found = found
    }

    /// `file:line:column: column 'field': expected ..., found ...`, the place omitted where it is 0.
    public var description: String {
        var place = file
        if line > 0 {
            place += ":\(line)"
            if column > 0 { place += ":\(column)" }
        }
        let where_ = field.map { " column '\($0)':" } ?? ""
        return "\(place):\(where_) expected \(expected), found \(found)"
    }
}
