/// Normal equations X'X b = X'y of a least-squares problem, accumulated row by row and solved by a Cholesky
/// factorisation of the column-scaled matrix with a tiny ridge.
///
/// Scaling every column to unit diagonal makes the factorisation insensitive to units (T^3 next to dummies);
/// the ridge of 1e-9 (relative to the unit diagonal) resolves exact collinearity such as dummy sets that sum
/// to one and columns that are zero in the training rows, whose coefficients then become 0.
struct NormalEquations {
    /// Number of unknowns.
    let columnCount: Int
    /// Upper triangle of X'X, row-major `columnCount * columnCount` (the lower part is unused).
    private var gram: [Double]
    /// X'y.
    private var moment: [Double]

    /// Relative ridge added to the scaled diagonal.
    static let ridge = 1e-9

    /// Empty equations for `columnCount` unknowns.
    init(columnCount: Int) {
        self.columnCount = columnCount
        self.gram = [Double](repeating: 0, count: columnCount * columnCount)
        self.moment = [Double](repeating: 0, count: columnCount)
    }

    /// Adds one sparse row (`width` entries from `offset`), or removes it with `sign` -1 (a row leaving a sliding
    /// training window); entries with value 0 are skipped.
    mutating func add(columns: [Int32], values: [Double], offset: Int, width: Int, target: Double, sign: Double = 1) {
        let count = columnCount
        for first in 0..<width {
            let value = values[offset + first]
            if value == 0 { continue }
            let signed = sign * value
            let column = Int(columns[offset + first])
            moment[column] += signed * target
            for second in 0..<width {
                let other = Int(columns[offset + second])
                if other >= column { gram[column * count + other] += signed * values[offset + second] }
            }
        }
    }

    /// The coefficients; columns with a zero diagonal get coefficient 0.
    func solve() -> [Double] {
        let count = columnCount
        var scale = [Double](repeating: 1, count: count)
        for index in 0..<count where gram[index * count + index] > 0 {
            scale[index] = 1 / gram[index * count + index].squareRoot()
        }
        // Scaled matrix (upper triangle, row-major) and right-hand side.
        var matrix = [Double](repeating: 0, count: count * count)
        for row in 0..<count {
            for column in row..<count {
                matrix[row * count + column] = gram[row * count + column] * scale[row] * scale[column]
            }
            matrix[row * count + row] += Self.ridge
            if gram[row * count + row] == 0 { matrix[row * count + row] = 1 }
        }
        var solution = (0..<count).map { moment[$0] * scale[$0] }
        // Cholesky U'U = A, in place in the upper triangle.
        matrix.withUnsafeMutableBufferPointer { a in
            for k in 0..<count {
                var pivot = a[k * count + k]
                for p in 0..<k { pivot -= a[p * count + k] * a[p * count + k] }
                pivot = pivot > Self.ridge * 1e-3 ? pivot.squareRoot() : (Self.ridge).squareRoot()
                a[k * count + k] = pivot
                // Row k of U: a[k][j] = (a[k][j] - sum_p u[p][k] u[p][j]) / u[k][k]
                var p = 0
                while p < k {
                    let factor = a[p * count + k]
                    if factor != 0 {
                        for j in (k + 1)..<max(k + 1, count) { a[k * count + j] -= factor * a[p * count + j] }
                    }
                    p += 1
                }
                let inverse = 1 / pivot
                for j in (k + 1)..<max(k + 1, count) { a[k * count + j] *= inverse }
            }
            // Solve U'z = b, then U x = z.
            for row in 0..<count {
                var sum = solution[row]
                for p in 0..<row { sum -= a[p * count + row] * solution[p] }
                solution[row] = sum / a[row * count + row]
            }
            for row in stride(from: count - 1, through: 0, by: -1) {
                var sum = solution[row]
                for column in (row + 1)..<max(row + 1, count) { sum -= a[row * count + column] * solution[column] }
                solution[row] = sum / a[row * count + row]
            }
        }
        return (0..<count).map { gram[$0 * count + $0] == 0 ? 0 : solution[$0] * scale[$0] }
    }
}
