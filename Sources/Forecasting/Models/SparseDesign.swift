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
        fit(firstRow: rows.lowerBound, ends: [rows.upperBound], target: target)[0]
    }

    /// Coefficients fitted for each of the ascending `ends` on rows `max(firstRow, end - windowRows)..<end`
    /// (all rows from `firstRow` when `windowRows` is `nil`), updating the normal equations with the rows that
    /// enter and leave the window between consecutive ends instead of rebuilding them.
    func fit(firstRow: Int, ends: [Int], target: [Double], windowRows: Int? = nil) -> [[Double]] {
        var equations = NormalEquations(columnCount: columnCount)
        var first = ends.first.map { max(firstRow, $0 - (windowRows ?? $0)) } ?? firstRow
        var next = first
        var results: [[Double]] = []
        for end in ends {
            let start = max(firstRow, end - (windowRows ?? end))
            while first < start {
                if first < next {
                    equations.add(columns: columns, values: values, offset: first * width, width: width,
                                  target: target[first], sign: -1)
                }
                first += 1
            }
            next = max(next, first)
            while next < end {
                equations.add(columns: columns, values: values, offset: next * width, width: width, target: target[next])
                next += 1
            }
            results.append(equations.solve())
        }
        return results
    }
}
