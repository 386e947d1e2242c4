/// A design matrix stored as fixed-width sparse rows: every row has the same number of (column, value) entries
/// (unused entries have value 0), which keeps accumulation of the normal equations cheap.
struct SparseDesign: Sendable {
    /// Number of columns (regressors).
    let columnCount: Int
    /// Entries per row.
    let width: Int
    /// Column indices, `rowCount * width`.
    private(set) var columns: [Int32]
    /// Values, `rowCount * width`.
    private(set) var values: [Double]

    /// An empty design with `rowCount` rows of `width` entries each.
    init(rowCount: Int, width: Int, columnCount: Int) {
        self.columnCount = columnCount
        self.width = width
        self.columns = [Int32](repeating: 0, count: rowCount * width)
        self.values = [Double](repeating: 0, count: rowCount * width)
    }

    /// Number of rows.
    var rowCount: Int { width == 0 ? 0 : values.count / width }

    /// Sets entry `slot` of `row`.
    mutating func set(row: Int, slot: Int, column: Int, value: Double) {
        columns[row * width + slot] = Int32(column)
        values[row * width + slot] = value
    }

    /// The dot product of a row with coefficients.
    func predict(row: Int, coefficients: [Double]) -> Double {
        var sum = 0.0
        for slot in 0..<width {
            sum += values[row * width + slot] * coefficients[Int(columns[row * width + slot])]
        }
        return sum
    }

    /// Least-squares coefficients from `rows` against `target` (same row indexing).
    func fit(rows: Range<Int>, target: [Double]) -> [Double] {
        var equations = NormalEquations(columnCount: columnCount)
        for row in rows {
            equations.add(columns: columns, values: values, offset: row * width, width: width, target: target[row])
        }
        return equations.solve()
    }
}
