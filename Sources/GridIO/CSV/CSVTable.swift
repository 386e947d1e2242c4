/// A CSV file read into columns: numeric columns as `[Double]`, the columns asked for as text as `[String]`.
///
/// Produced by `NumericCSVReader`. Rows are 0-based data rows (the header is not a row); `line(ofRow:)` maps a
/// row back to its 1-based line in the file for diagnostics.
public struct CSVTable: Sendable {
    /// One column's values, stored in the kind the reader was asked for.
    enum Column: Sendable {
        case numeric([Double])
        case text([String])
    }

    /// The file path as given to the reader, for diagnostics.
    public let file: String
    /// The names of the first line, unquoted; an empty name is allowed (PyPSA's unnamed index column).
    public let header: [String]
    /// The number of data rows (blank lines are not rows).
    public let rowCount: Int

    let columns: [Column]
    /// 1-based file line of each data row; `lines.count == rowCount`.
    let lines: [Int]
    /// The first column index of each header name (a duplicated name resolves to its first occurrence).
    let indexOfName: [String: Int]

    init(file: String, header: [String], columns: [Column], lines: [Int]) {
        self.file = file
        self.header = header
        self.rowCount = lines.count
        self.columns = columns
        self.lines = lines
        var indexOfName: [String: Int] = [:]
        for (index, name) in header.enumerated() where indexOfName[name] == nil {
            indexOfName[name] = index
        }
        self.indexOfName = indexOfName
    }

    /// The 0-based index of the first column named `name`, or nil when the header has no such name.
    public func columnIndex(_ name: String) -> Int? {
        indexOfName[name]
    }

    /// The values of the column named `name` (length `rowCount`), or nil when absent or read as text.
    public func numericColumn(_ name: String) -> [Double]? {
        indexOfName[name].flatMap(numericColumn(at:))
    }

    /// The cells of the column named `name` (length `rowCount`), or nil when absent or read as numbers.
    public func textColumn(_ name: String) -> [String]? {
        indexOfName[name].flatMap(textColumn(at:))
    }

    /// The values of the column at 0-based `index` (length `rowCount`), or nil when out of range or text.
    public func numericColumn(at index: Int) -> [Double]? {
        guard columns.indices.contains(index), case .numeric(let values) = columns[index] else { return nil }
        return values
    }

    /// The cells of the column at 0-based `index` (length `rowCount`), or nil when out of range or numeric.
    public func textColumn(at index: Int) -> [String]? {
        guard columns.indices.contains(index), case .text(let cells) = columns[index] else { return nil }
        return cells
    }

    /// The 1-based line in the file of 0-based data row `row` (blank lines and quoted line breaks counted).
    ///
    /// For a row outside `0..<rowCount` it returns the line after the last row, a sensible place to point at.
    public func line(ofRow row: Int) -> Int {
        if lines.indices.contains(row) { return lines[row] }
        return (lines.last ?? 1) + 1
    }
}
