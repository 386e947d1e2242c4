/// A linear (or mixed-integer) program in bound form, frozen and validated:
/// minimise or maximise `cᵀx + constant` subject to `rowLower ≤ A·x ≤ rowUpper` and
/// `columnLower ≤ x ≤ columnUpper`, with `±infinity` where a bound is absent.
///
/// All indices are 0-based. The matrix is stored column-wise (compressed sparse columns):
/// the entries of column `j` are at positions `columnStart[j] ..< columnStart[j + 1]` of
/// `rowIndex` and `value`, with strictly increasing row indices. Build one with
/// ``LinearModelBuilder``; a `LinearModel` never calls C.
public struct LinearModel: Sendable, Equatable {
    /// Whether the objective is minimised or maximised.
    public var sense: OptimizationSense
    /// Constant added to the objective value (does not affect the optimum).
    public var objectiveConstant: Double

    /// Column names, length `columnCount`; used in exports and diagnostics.
    public internal(set) var columnNames: [String]
    /// Lower bounds of the columns, length `columnCount` (`-.infinity` when free below).
    public internal(set) var columnLower: [Double]
    /// Upper bounds of the columns, length `columnCount` (`.infinity` when free above).
    public internal(set) var columnUpper: [Double]
    /// Objective coefficients, length `columnCount`.
    public internal(set) var objective: [Double]
    /// Variable kinds, length `columnCount`.
    public internal(set) var columnKinds: [VariableKind]

    /// Row names, length `rowCount`.
    public internal(set) var rowNames: [String]
    /// Lower bounds of the rows, length `rowCount` (`-.infinity` when absent).
    public internal(set) var rowLower: [Double]
    /// Upper bounds of the rows, length `rowCount` (`.infinity` when absent).
    public internal(set) var rowUpper: [Double]

    /// Column starts into `rowIndex`/`value`, length `columnCount + 1`.
    public internal(set) var columnStart: [Int]
    /// Row index of every nonzero, length `nonzeroCount`.
    public internal(set) var rowIndex: [Int32]
    /// Value of every nonzero, length `nonzeroCount`.
    public internal(set) var value: [Double]

    /// Number of columns (variables).
    public var columnCount: Int { columnLower.count }
    /// Number of rows (constraints).
    public var rowCount: Int { rowLower.count }
    /// Number of stored nonzero coefficients.
    public var nonzeroCount: Int { value.count }
    /// True when at least one column is integer or binary.
    public var isMixedInteger: Bool { columnKinds.contains { $0 != .continuous } }

    /// The objective value `cᵀx + constant` of a point of length `columnCount`.
    public func objectiveValue(of x: [Double]) -> Double {
        var total = objectiveConstant
        for j in 0..<columnCount { total += objective[j] * x[j] }
        return total
    }

    /// The row activities `A·x` of a point of length `columnCount`; result length `rowCount`.
    public func rowActivities(of x: [Double]) -> [Double] {
        var activity = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount where x[j] != 0 {
            for k in columnStart[j]..<columnStart[j + 1] {
                activity[Int(rowIndex[k])] += value[k] * x[j]
            }
        }
        return activity
    }
}

/// Direction of optimisation.
public enum OptimizationSense: String, Sendable, Codable {
    case minimize
    case maximize
}

/// The domain of a column.
public enum VariableKind: String, Sendable, Codable {
    case continuous
    case integer
    /// Integer in [0, 1]; the builder clamps the bounds to that range.
    case binary
}
