import GridIO

/// Columns of a result file read back, found by name; a missing one is a `CSVError` listing the header.
enum ResultColumns {
    /// The text column `name` of `table`.
    static func text(_ name: String, of table: CSVTable) throws(CSVError) -> [String] {
        guard let column = table.textColumn(name) else { throw missing(name, in: table) }
        return column
    }

    /// The numeric column `name` of `table`.
    static func numbers(_ name: String, of table: CSVTable) throws(CSVError) -> [Double] {
        guard let column = table.numericColumn(name) else { throw missing(name, in: table) }
        return column
    }

    private static func missing(_ name: String, in table: CSVTable) -> CSVError {
        CSVError(file: table.file, line: 1, column: 0, field: name, expected: "a column '\(name)' in the header",
                 found: "the columns " + table.header.map { "'\($0)'" }.joined(separator: ", "))
    }
}
