/// Assembles a ``LinearModel`` in coordinate form: add columns and rows, then coefficients as
/// triplets (row, column, value), then ``build()`` validates everything and freezes the matrix
/// to compressed columns. Indices are 0-based and returned by the `add` methods.
///
/// Building never calls C. Every problem GLPK would abort on (index out of range, duplicate
/// entries, NaN or infinite coefficients, `lower > upper`, names it cannot take) is reported by
/// ``build()`` as a ``LinearModelError`` naming the offending row or column.
public struct LinearModelBuilder: Sendable {
    /// Direction of optimisation.
    public var sense: OptimizationSense
    /// Constant added to the objective value.
    public var objectiveConstant: Double = 0

    private var columnNames: [String] = []
    private var columnLower: [Double] = []
    private var columnUpper: [Double] = []
    private var objective: [Double] = []
    private var columnKinds: [VariableKind] = []
    private var rowNames: [String] = []
    private var rowLower: [Double] = []
    private var rowUpper: [Double] = []
    private var entryRow: [Int32] = []
    private var entryColumn: [Int32] = []
    private var entryValue: [Double] = []

    /// Creates an empty model.
    /// - Parameter sense: minimise (default) or maximise.
    public init(sense: OptimizationSense = .minimize) {
        self.sense = sense
    }

    /// Number of columns added so far.
    public var columnCount: Int { columnLower.count }
    /// Number of rows added so far.
    public var rowCount: Int { rowLower.count }
    /// Number of nonzero coefficients added so far.
    public var nonzeroCount: Int { entryValue.count }

    /// Reserves storage for the expected model size, to avoid regrowing large arrays.
    public mutating func reserveCapacity(columns: Int, rows: Int, nonzeros: Int) {
        columnNames.reserveCapacity(columns); columnLower.reserveCapacity(columns)
        columnUpper.reserveCapacity(columns); objective.reserveCapacity(columns)
        columnKinds.reserveCapacity(columns)
        rowNames.reserveCapacity(rows); rowLower.reserveCapacity(rows); rowUpper.reserveCapacity(rows)
        entryRow.reserveCapacity(nonzeros); entryColumn.reserveCapacity(nonzeros)
        entryValue.reserveCapacity(nonzeros)
    }

    /// Adds a column (variable) and returns its 0-based index.
    /// - Parameters:
    ///   - name: a name made of characters CPLEX LP accepts, at most 255 characters.
    ///   - lower: lower bound (`-.infinity` for none).
    ///   - upper: upper bound (`.infinity` for none).
    ///   - cost: objective coefficient.
    ///   - kind: continuous, integer or binary (binary clamps the bounds to [0, 1]).
    @discardableResult
    public mutating func addColumn(
        name: String, lower: Double = 0, upper: Double = .infinity, cost: Double = 0,
        kind: VariableKind = .continuous
    ) -> Int {
        columnNames.append(name)
        columnLower.append(kind == .binary ? max(lower, 0) : lower)
        columnUpper.append(kind == .binary ? min(upper, 1) : upper)
        objective.append(cost)
        columnKinds.append(kind)
        return columnLower.count - 1
    }

    /// Adds a row (constraint) `lower ≤ Σ coefficients ≤ upper` and returns its 0-based index.
    /// Use equal bounds for an equality and `±infinity` for a one-sided row.
    /// - Parameter terms: `(column, coefficient)` pairs of this row; more can be added later
    ///   with ``addCoefficient(row:column:value:)``.
    @discardableResult
    public mutating func addRow(
        name: String, lower: Double = -.infinity, upper: Double = .infinity,
        terms: [(column: Int, coefficient: Double)] = []
    ) -> Int {
        rowNames.append(name)
        rowLower.append(lower)
        rowUpper.append(upper)
        let row = rowLower.count - 1
        for term in terms { addCoefficient(row: row, column: term.column, value: term.coefficient) }
        return row
    }

    /// Adds one matrix coefficient. Zeros are skipped; a repeated (row, column) pair is an error
    /// reported by ``build()``.
    public mutating func addCoefficient(row: Int, column: Int, value: Double) {
        if value == 0 { return }
        entryRow.append(Int32(truncatingIfNeeded: row))
        entryColumn.append(Int32(truncatingIfNeeded: column))
        entryValue.append(value)
        if row > Int(Int32.max) || column > Int(Int32.max) || row < Int(Int32.min) || column < Int(Int32.min) {
            outOfRangeEntries.append((row, column))
        }
    }

    private var outOfRangeEntries: [(Int, Int)] = []

    /// Adds coefficients in bulk from parallel arrays of equal length (0-based indices).
    public mutating func addCoefficients(rows: [Int], columns: [Int], values: [Double]) {
        for k in 0..<min(rows.count, columns.count, values.count) {
            addCoefficient(row: rows[k], column: columns[k], value: values[k])
        }
        if rows.count != columns.count || rows.count != values.count {
            lengthMismatches.append((rows.count, columns.count, values.count))
        }
    }

    private var lengthMismatches: [(Int, Int, Int)] = []

    /// Sets the bounds of an existing column.
    public mutating func setBounds(column: Int, lower: Double, upper: Double) {
        columnLower[column] = lower
        columnUpper[column] = upper
    }

    /// Adds `cost` to the objective coefficient of a column (0-based) added earlier.
    public mutating func addCost(column: Int, _ cost: Double) {
        objective[column] += cost
    }

    /// Sets the kind of an existing column (e.g. to relax a binary after fixing it).
    public mutating func setKind(column: Int, _ kind: VariableKind) {
        columnKinds[column] = kind
    }

    /// The name of column `column` (0-based).
    public func columnName(_ column: Int) -> String { columnNames[column] }

    /// The bounds of a column added so far.
    public func columnBounds(_ column: Int) -> (lower: Double, upper: Double) { (columnLower[column], columnUpper[column]) }

    /// The objective coefficient of every column added so far (0-based, `columnCount` entries).
    public var objectiveCoefficients: [Double] { objective }

    /// Appends every column, row and coefficient of `other` after this model's, to compose one LP of several
    /// blocks (e.g. one per scenario). Names get `nameSuffix` (empty names stay empty), objective coefficients and
    /// the objective constant are multiplied by `objectiveScale`.
    /// - Parameters:
    ///   - sharing: columns of `other` (0-based) that are not added but stand for a column of this model (the
    ///     value): their coefficients go to that column, their scaled cost is added to its cost, and its bounds
    ///     become the intersection of both. Blocks that share a column make the same decision with one variable.
    ///   - sharedRows: rows of `other` that are not added because a row of this model (the value) already states
    ///     them; the caller vouches that both are the same constraint once `sharing` is applied.
    /// - Returns: where each column and each row of `other` is in this model (`other.columnCount` and
    ///   `other.rowCount` indices).
    @discardableResult
    public mutating func append(_ other: LinearModelBuilder, nameSuffix: String, objectiveScale: Double = 1,
                                sharing: [Int: Int] = [:], sharedRows: [Int: Int] = [:]) -> (columns: [Int], rows: [Int]) {
        var columns: [Int] = []
        columns.reserveCapacity(other.columnCount)
        for j in 0..<other.columnCount {
            let cost = other.objective[j] * objectiveScale
            if let shared = sharing[j] {
                objective[shared] += cost
                columnLower[shared] = max(columnLower[shared], other.columnLower[j])
                columnUpper[shared] = min(columnUpper[shared], other.columnUpper[j])
                columns.append(shared)
            } else {
                let name = other.columnNames[j]
                columns.append(addColumn(name: name.isEmpty ? name : name + nameSuffix, lower: other.columnLower[j],
                                         upper: other.columnUpper[j], cost: cost, kind: other.columnKinds[j]))
            }
        }
        var rows: [Int] = []
        rows.reserveCapacity(other.rowCount)
        for i in 0..<other.rowCount {
            if let shared = sharedRows[i] {
                rows.append(shared)
            } else {
                let name = other.rowNames[i]
                rows.append(addRow(name: name.isEmpty ? name : name + nameSuffix, lower: other.rowLower[i], upper: other.rowUpper[i]))
            }
        }
        objectiveConstant += other.objectiveConstant * objectiveScale
        for k in other.entryValue.indices where sharedRows[Int(other.entryRow[k])] == nil {
            addCoefficient(row: rows[Int(other.entryRow[k])], column: columns[Int(other.entryColumn[k])],
                           value: other.entryValue[k])
        }
        outOfRangeEntries += other.outOfRangeEntries
        lengthMismatches += other.lengthMismatches
        return (columns, rows)
    }

    /// The bounds of a row added so far.
    public func rowBounds(_ row: Int) -> (lower: Double, upper: Double) { (rowLower[row], rowUpper[row]) }

    /// Every row's coefficients so far: `rowTerms()[i]` lists row `i`'s `(column, coefficient)` pairs in the order
    /// they were added.
    public func rowTerms() -> [[(column: Int, coefficient: Double)]] {
        var terms = [[(column: Int, coefficient: Double)]](repeating: [], count: rowCount)
        for k in entryValue.indices where (0..<rowCount).contains(Int(entryRow[k])) {
            terms[Int(entryRow[k])].append((Int(entryColumn[k]), entryValue[k]))
        }
        return terms
    }

    /// Renames column `column` (0-based), e.g. a column one block shares with others.
    public mutating func renameColumn(_ column: Int, to name: String) {
        columnNames[column] = name
    }

    /// Frees the coefficient triplets once ``build()`` has made the model, so a large LP does not hold its matrix
    /// twice while it is solved (the example year: about 12 MB). Rows, columns, bounds and costs stay; building
    /// again gives a model without coefficients.
    public mutating func releaseCoefficients() {
        entryRow = []
        entryColumn = []
        entryValue = []
    }

    /// Validates the model and freezes it to compressed columns.
    /// - Throws: ``LinearModelError`` listing every problem found (at most 100 are kept).
    public func build() throws(LinearModelError) -> LinearModel {
        var problems = ModelProblems()
        validateColumns(into: &problems)
        validateRows(into: &problems)
        for (rows, columns, values) in lengthMismatches {
            problems.append(.init(kind: .lengthMismatch, location: .model,
                                  detail: "coefficient arrays have lengths \(rows), \(columns), \(values)"))
        }
        for (row, column) in outOfRangeEntries {
            problems.append(.init(kind: .indexOutOfRange, location: .model,
                                  detail: "coefficient at row \(row), column \(column) outside 0..<\(Int32.max)"))
        }
        var model = LinearModel(
            sense: sense, objectiveConstant: objectiveConstant,
            columnNames: columnNames, columnLower: columnLower, columnUpper: columnUpper,
            objective: objective, columnKinds: columnKinds,
            rowNames: rowNames, rowLower: rowLower, rowUpper: rowUpper,
            columnStart: [], rowIndex: [], value: []
        )
        compress(into: &model, problems: &problems)
        if !problems.isEmpty { throw LinearModelError(problems: problems.list, totalCount: problems.total) }
        return model
    }

    private func validateColumns(into problems: inout ModelProblems) {
        if !objectiveConstant.isFinite {
            problems.append(.init(kind: .notFinite, location: .model, detail: "objective constant is \(objectiveConstant)"))
        }
        for j in 0..<columnCount {
            let location = ModelProblem.Location.column(index: j, name: columnNames[j])
            if let issue = NameRules.problem(with: columnNames[j]) {
                problems.append(.init(kind: .invalidName, location: location, detail: issue))
            }
            if !objective[j].isFinite {
                problems.append(.init(kind: .notFinite, location: location, detail: "objective coefficient is \(objective[j])"))
            }
            checkBounds(lower: columnLower[j], upper: columnUpper[j], location: location, into: &problems)
        }
    }

    private func validateRows(into problems: inout ModelProblems) {
        for i in 0..<rowCount {
            let location = ModelProblem.Location.row(index: i, name: rowNames[i])
            if let issue = NameRules.problem(with: rowNames[i]) {
                problems.append(.init(kind: .invalidName, location: location, detail: issue))
            }
            checkBounds(lower: rowLower[i], upper: rowUpper[i], location: location, into: &problems)
        }
    }

    private func checkBounds(lower: Double, upper: Double, location: ModelProblem.Location,
                             into problems: inout ModelProblems) {
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity {
            problems.append(.init(kind: .notFinite, location: location, detail: "bounds [\(lower), \(upper)]"))
        } else if lower > upper {
            problems.append(.init(kind: .invertedBounds, location: location,
                                  detail: "lower bound \(lower) exceeds upper bound \(upper)"))
        }
    }

    /// Counting sort of the triplets by column, then by row within each column.
    private func compress(into model: inout LinearModel, problems: inout ModelProblems) {
        let n = columnCount
        var start = [Int](repeating: 0, count: n + 1)
        for k in 0..<entryValue.count {
            let row = Int(entryRow[k]), column = Int(entryColumn[k])
            guard row >= 0, row < rowCount, column >= 0, column < n else {
                problems.append(.init(kind: .indexOutOfRange, location: .model,
                                      detail: "coefficient at row \(row), column \(column); the model has \(rowCount) rows and \(n) columns"))
                continue
            }
            if !entryValue[k].isFinite {
                problems.append(.init(kind: .notFinite, location: .row(index: row, name: rowNames[row]),
                                      detail: "coefficient of column '\(columnNames[column])' is \(entryValue[k])"))
            }
            start[column + 1] += 1
        }
        if !problems.isEmpty { return }
        for j in 0..<n { start[j + 1] += start[j] }
        var next = start
        var rowIndex = [Int32](repeating: 0, count: entryValue.count)
        var value = [Double](repeating: 0, count: entryValue.count)
        for k in 0..<entryValue.count {
            let column = Int(entryColumn[k])
            rowIndex[next[column]] = entryRow[k]
            value[next[column]] = entryValue[k]
            next[column] += 1
        }
        for j in 0..<n where start[j + 1] - start[j] > 1 {
            sortColumn(start[j]..<start[j + 1], rowIndex: &rowIndex, value: &value)
            for k in (start[j] + 1)..<start[j + 1] where rowIndex[k] == rowIndex[k - 1] {
                let row = Int(rowIndex[k])
                problems.append(.init(kind: .duplicateEntry, location: .row(index: row, name: rowNames[row]),
                                      detail: "column '\(columnNames[j])' appears twice"))
            }
        }
        model.columnStart = start
        model.rowIndex = rowIndex
        model.value = value
    }

    private func sortColumn(_ range: Range<Int>, rowIndex: inout [Int32], value: inout [Double]) {
        // Entries are usually added in row order, so check before sorting.
        var sorted = true
        for k in (range.lowerBound + 1)..<range.upperBound where rowIndex[k] < rowIndex[k - 1] {
            sorted = false
            break
        }
        if sorted { return }
        let pairs = range.map { (rowIndex[$0], value[$0]) }.sorted { $0.0 < $1.0 }
        for (offset, pair) in pairs.enumerated() {
            rowIndex[range.lowerBound + offset] = pair.0
            value[range.lowerBound + offset] = pair.1
        }
    }
}

/// Collects problems, keeping the first 100 and counting the rest.
struct ModelProblems {
    private(set) var list: [ModelProblem] = []
    private(set) var total = 0
    var isEmpty: Bool { total == 0 }

    mutating func append(_ problem: ModelProblem) {
        total += 1
        if list.count < 100 { list.append(problem) }
    }
}
